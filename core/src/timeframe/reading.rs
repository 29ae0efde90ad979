//! From the dates found in a phrase to one reading: choosing missing years, applying parts
//! ("end of", "mid"), roles ("by", "from", "before"), and combining several dates (the latest is
//! the deadline, the earliest start is the start).

use chrono::{Datelike, NaiveDate};

use super::calendar::{add_days, add_months_to, month_end, month_title, whole_months};
use super::expr::{part_of, resolve, Expr, Mode, Part};
use super::phrases::{Mention, Rel, Role, Scanned, P};
use super::settings::Settings;
use super::tokens::tokenize;
use super::{Confidence, Kind, Recurrence, Timeframe};

/// How many dates either side of a yearless one are looked at for its year.
const ANCHOR_WINDOW: usize = 8;

/// The most characters read, whatever [`Settings::max_chars`] says.
const HARD_MAX_CHARS: usize = 20_000;

/// One date of a phrase, read.
#[derive(Debug, Clone)]
struct Reading {
    kind: Kind,
    role: Role,
    due: Option<(NaiveDate, NaiveDate)>,
    start: Option<NaiveDate>,
    conf: Confidence,
    pos: usize,
    /// A span from the plan date ("12 months"): months and days.
    span: Option<(i32, i64)>,
}

fn describe(e: &Expr) -> String {
    match e {
        Expr::Day { m, d, .. } => format!("{d} {}", month_title(*m)),
        Expr::Week { m, d, .. } => format!("the week of {d} {}", month_title(*m)),
        Expr::Month { m, .. } => month_title(*m).to_string(),
        Expr::Quarter { n, .. } => format!("Q{n}"),
        Expr::Half { n, .. } => format!("H{n}"),
        Expr::Season { s, .. } => ["spring", "summer", "autumn", "winter"][(*s).min(3)].to_string(),
        Expr::FinancialYear { .. } => "financial year".into(),
        Expr::CalendarYear { .. } => "year".into(),
        Expr::CivicYear { .. } => "civic year".into(),
        Expr::AcademicYear { .. } => "academic year".into(),
        Expr::Election { .. } => "election".into(),
        Expr::AnnualCouncil { .. } => "Annual Council".into(),
        Expr::Range { a, b, .. } => format!("{} to {}", describe(a), describe(b)),
        Expr::Immediate => "immediately".into(),
        Expr::Relative { months, days } => match (*months, *days) {
            (m, 0) if m % 12 == 0 && m > 0 => {
                format!("{} year{}", m / 12, if m == 12 { "" } else { "s" })
            }
            (m, 0) => format!("{m} month{}", if m == 1 { "" } else { "s" }),
            (0, d) if d % 7 == 0 && d > 0 => {
                format!("{} week{}", d / 7, if d == 7 { "" } else { "s" })
            }
            (_, d) => format!("{d} day{}", if d == 1 { "" } else { "s" }),
        },
        Expr::RefQuarter { .. } => "quarter".into(),
        Expr::RefMonth { .. } => "month".into(),
        Expr::PlanYear { from, to } if from == to => format!("Year {from}"),
        Expr::PlanYear { from, to } => format!("Years {from}-{to}"),
    }
}

/// Read a phrase. See the module documentation for the forms understood.
pub(crate) fn read(text: &str, reference: Option<NaiveDate>, s: &Settings) -> Timeframe {
    let mut tf = Timeframe::unreadable(text);
    let mut notes: Vec<String> = Vec::new();
    let mut cap_conf = Confidence::High;
    let max_chars = s.max_chars.min(HARD_MAX_CHARS);
    let limited = match text.char_indices().nth(max_chars) {
        Some((b, _)) => {
            notes.push(format!("only the first {max_chars} characters were read"));
            cap_conf = Confidence::Medium;
            &text[..b]
        }
        None => text,
    };
    if limited.trim().is_empty() {
        tf.note = Some("empty".into());
        return tf;
    }
    // Lookalike letters and zero-width characters: read the phrase without them.
    let folded = super::checks::fold(limited);
    let (limited, fold_note) = match &folded {
        Some((f, note)) => (f.as_str(), Some(note.clone())),
        None => (limited, None),
    };
    let lower = limited.to_ascii_lowercase();
    let mut toks = Vec::with_capacity(24);
    tokenize(limited, &lower, &mut toks);
    let scanned = P::new(&toks, reference, s).scan();
    let mut tf = combine(tf, scanned, limited, reference, s, notes, cap_conf);
    if let Some(n) = fold_note {
        if tf.confidence > Confidence::Low {
            tf.confidence = Confidence::Low;
        }
        tf.note = Some(match tf.note.take() {
            Some(old) => format!("{n}; {old}"),
            None => n,
        });
    }
    tf
}

fn combine(
    mut tf: Timeframe,
    mut sc: Scanned,
    text: &str,
    reference: Option<NaiveDate>,
    s: &Settings,
    mut notes: Vec<String>,
    cap_conf: Confidence,
) -> Timeframe {
    notes.append(&mut sc.notes);
    // An impossible part: unreadable, saying what was wrong, never read as something else.
    if !sc.impossible.is_empty() {
        notes.append(&mut sc.impossible);
        notes.dedup();
        tf.note = Some(notes.join("; "));
        return tf;
    }
    let mentions = &mut sc.mentions;

    // A quarter followed by dates in brackets: believe the brackets.
    let mut dropped = vec![false; mentions.len()];
    let mut quarter_kind = vec![false; mentions.len()];
    for i in 0..mentions.len().saturating_sub(1) {
        let is_quarter = matches!(
            mentions[i].expr,
            Expr::Quarter { .. } | Expr::RefQuarter { .. }
        );
        let next = &mentions[i + 1];
        if is_quarter && next.bracketed && next.pos <= mentions[i].end + 4 {
            dropped[i] = true;
            quarter_kind[i + 1] = matches!(next.expr, Expr::Range { .. });
            notes.push("the dates in brackets were read for the quarter".into());
        }
    }

    // A span from the plan date next to a date in brackets: the date wins, the span is kept in
    // the note ("in six months' time (July 2024)", "Year 2 (2023/24)").
    for i in 0..mentions.len().saturating_sub(1) {
        let (a, b) = (&mentions[i], &mentions[i + 1]);
        if b.pos > a.end + 3 || !b.bracketed || dropped[i] || dropped[i + 1] {
            continue;
        }
        let (rel, keyed) = if a.expr.needs_reference() && b.expr.key().is_some() {
            (i, i + 1)
        } else if b.expr.needs_reference() && a.expr.key().is_some() {
            (i + 1, i)
        } else {
            continue;
        };
        let r = &mentions[rel];
        let would = match r.expr.period(s, reference) {
            Some((_, end)) => format!("counted from the plan date it would end {end}"),
            None => "no plan date was given to count it from".into(),
        };
        notes.push(format!(
            "\"{}\" {would}; the date {} was read",
            describe(&r.expr),
            if keyed > rel {
                "in brackets"
            } else {
                "before it"
            }
        ));
        dropped[rel] = true;
    }

    // Dates stacked on lines of their own ("13.09.2023\n08.11.2023"): the last is the current
    // deadline, the ones before it were the original.
    if sc.stacked {
        let last = mentions.len() - 1;
        for m in mentions[..last].iter_mut() {
            if m.role == Role::Plain {
                m.role = Role::RevisedFrom;
            }
        }
        notes.push("dates on lines of their own: the last read as the current deadline, the one before it as the original".into());
    }

    // A recurrence with yearless months says when it recurs ("Annually in May").
    let mut recur_month = None;
    if sc.recurrence.is_none() && !mentions.is_empty() {
        // "Annual review in March": the adjective recurs when the dates have no year.
        if let Some((a, b)) = sc.annual {
            if mentions
                .iter()
                .all(|m| matches!(m.expr, Expr::Month { y: None, .. }) && m.rel.is_none())
            {
                sc.recurrence = Some((Some(1), a, b));
            }
        }
    }
    if sc.recurrence.is_some()
        && !mentions.is_empty()
        && mentions
            .iter()
            .all(|m| m.expr.key().is_none() && !m.expr.needs_reference() && m.rel.is_none())
    {
        if let Some(Expr::Month { m, .. }) = mentions.first().map(|m| &m.expr) {
            recur_month = Some(*m);
        }
        dropped.iter_mut().for_each(|d| *d = true);
    }

    // A yearless date with a bare year just after it takes that year: "Autumn Budget 2025",
    // "June Cabinet 2025".
    for i in 0..mentions.len().saturating_sub(1) {
        let (m, next) = (&mentions[i], &mentions[i + 1]);
        if m.expr.key().is_none()
            && !m.expr.needs_reference()
            && m.rel.is_none()
            && !matches!(m.expr, Expr::CalendarYear { .. })
            && matches!(next.expr, Expr::CalendarYear { key: Some(_) })
            && next.part.is_none()
            && next.role == Role::Plain
            && next.pos <= m.end + 2
        {
            dropped[i + 1] = true;
        }
    }

    // A date in brackets without a year after a dated one describes it: "July 2025 (Q2)".
    for i in 1..mentions.len() {
        let (prev, m) = (&mentions[i - 1], &mentions[i]);
        if !m.bracketed
            || dropped[i]
            || dropped[i - 1]
            || m.expr.key().is_some()
            || m.expr.needs_reference()
            || m.rel.is_some()
        {
            continue;
        }
        if prev.expr.key().is_none() || m.pos > prev.end + 2 {
            continue;
        }
        if let Some((p1, p2)) = prev.expr.period(s, reference) {
            if let Some(e) = resolve(&m.expr, Mode::EndOnOrAfter(p1), s, reference) {
                if e.period(s, reference)
                    .is_some_and(|(a, b)| a <= p2 && b >= p1)
                {
                    dropped[i] = true;
                    notes.push(format!(
                        "\"{}\" in brackets read as describing the date before it",
                        describe(&m.expr)
                    ));
                }
            }
        }
    }

    // "Immediate and ongoing": a start, not a deadline.
    if sc.ongoing {
        for m in mentions.iter_mut() {
            if matches!(m.expr, Expr::Immediate) && m.role == Role::Plain {
                m.role = Role::Start;
            }
        }
    }

    // "extended to", "now": the dates before it were the original ones.
    if let Some(x) = mentions.iter().position(|m| m.role == Role::RevisedTo) {
        for m in mentions[..x].iter_mut() {
            if matches!(m.role, Role::Plain | Role::By) {
                m.role = Role::RevisedFrom;
            }
        }
    }

    let mut readings: Vec<Reading> = Vec::with_capacity(mentions.len());
    let mut unresolved: Option<(Kind, String)> = None;
    for (i, m) in mentions.iter().enumerate() {
        if dropped[i] {
            continue;
        }
        let complete = sc.status == Some(super::StatusWord::Complete);
        let (expr, conf, note) = match pin(i, mentions, reference, s, complete) {
            Some(x) => x,
            None => {
                let what = describe(&m.expr);
                let why = if m.expr.needs_reference() || m.rel.is_some() {
                    format!("\"{what}\" is counted from the plan date, which was not given")
                } else {
                    format!("{what} has no year and no plan date was given: year unknown")
                };
                if unresolved.is_none() {
                    unresolved = Some((m.expr.kind(), why));
                }
                continue;
            }
        };
        if let Some(n) = &m.note {
            notes.push(n.clone());
        }
        if let (None, Expr::CivicYear { .. }) = (m.part, &expr) {
            notes.push(format!(
                "a civic year ends at Annual Council in {}: the day is not known",
                month_title(s.civic_month())
            ));
        }
        if let Some(n) = note {
            notes.push(n);
        }
        let Some(period) = expr.period(s, reference) else {
            continue;
        };
        let Some(r) = read_one(m, &expr, period, conf, quarter_kind[i], s, reference) else {
            continue;
        };
        readings.push(r);
    }

    // A span with a start in the same phrase counts from that start, not from the plan date:
    // "a 12-month period from January 2021 onwards", "six months from 1 April 2025".
    let first_start = readings
        .iter()
        .filter(|r| matches!(r.role, Role::Start | Role::After) && r.span.is_none())
        .filter_map(|r| r.start)
        .min();
    if let Some(st) = first_start {
        for r in readings.iter_mut() {
            if let (Some((months, days)), Role::Plain | Role::By) = (r.span, r.role) {
                let end = add_months_to(st, months)
                    .and_then(|d| add_days(d, days))
                    .and_then(|d| add_days(d, -1));
                if let Some(end) = end.filter(|e| *e >= st) {
                    r.due = Some((end, end));
                    r.start = Some(st);
                    r.role = Role::Plain;
                    notes.push(format!("the span was counted from its start {st}"));
                }
            }
        }
        // The start now belongs to the span's deadline.
        if readings
            .iter()
            .any(|r| r.span.is_some() && r.start == Some(st))
        {
            readings.retain(|r| r.span.is_some() || !matches!(r.role, Role::Start | Role::After));
        }
    }

    // Combine.
    let deadline = readings
        .iter()
        .filter(|r| {
            matches!(
                r.role,
                Role::Plain | Role::By | Role::Before | Role::RevisedTo
            )
        })
        .filter(|r| r.due.is_some())
        .max_by(|a, b| {
            a.due
                .map(|d| d.1)
                .cmp(&b.due.map(|d| d.1))
                .then(b.pos.cmp(&a.pos))
        });
    tf.revised_from = readings
        .iter()
        .filter(|r| r.role == Role::RevisedFrom)
        .filter_map(|r| r.due.map(|d| d.1))
        .next_back();
    tf.start = readings
        .iter()
        .filter(|r| r.role != Role::RevisedFrom)
        .filter_map(|r| r.start)
        .min();
    tf.status = sc.status;
    tf.conditional = sc.conditional;
    let mut recurrence = sc.recurrence.map(|(n, a, b)| Recurrence {
        per_year: n,
        text: text.get(a..b).unwrap_or_default().to_string(),
        month: recur_month,
    });
    if recurrence.is_none() && readings.is_empty() && unresolved.is_none() {
        if let Some((a, b)) = sc.annual {
            recurrence = Some(Recurrence {
                per_year: Some(1),
                text: text.get(a..b).unwrap_or_default().to_string(),
                month: None,
            });
        }
    }
    let mut conf = readings
        .iter()
        .map(|r| r.conf)
        .min()
        .unwrap_or(Confidence::High);
    if let Some(d) = deadline {
        tf.kind = d.kind;
        tf.due_earliest = d.due.map(|x| x.0);
        tf.due_latest = d.due.map(|x| x.1);
    } else if recurrence.is_some() {
        tf.kind = Kind::Recurring;
    } else if tf.start.is_some() {
        tf.kind = Kind::OpenEnded;
    } else if let Some((k, why)) = &unresolved {
        tf.kind = *k;
        conf = Confidence::Low;
        notes.push(why.clone());
    } else if sc.ongoing {
        tf.kind = Kind::Ongoing;
    } else if sc.conditional {
        tf.kind = Kind::Conditional;
    } else if tf.status.is_some() {
        tf.kind = Kind::Status;
    } else {
        tf.kind = Kind::Unreadable;
        conf = Confidence::None;
        if !readings.is_empty() {
            notes.push("only a revised-from date was found".into());
        }
    }
    if deadline.is_some() {
        if let Some((_, why)) = &unresolved {
            notes.push(why.clone());
        }
    }
    tf.ongoing = sc.ongoing || (deadline.is_none() && (tf.start.is_some() || recurrence.is_some()));
    tf.recurrence = recurrence;
    if tf.kind != Kind::Unreadable {
        conf = conf.min(cap_conf);
    }
    tf.confidence = conf;
    if !notes.is_empty() {
        notes.dedup();
        tf.note = Some(notes.join("; "));
    }
    tf
}

/// The expression of mention `i` with its year chosen, its confidence, and what was inferred.
fn pin(
    i: usize,
    mentions: &[Mention],
    reference: Option<NaiveDate>,
    s: &Settings,
    complete: bool,
) -> Option<(Expr, Confidence, Option<String>)> {
    let m = &mentions[i];
    if m.expr.needs_reference() {
        m.expr.period(s, reference)?;
        let r = reference?;
        return Some((
            m.expr.clone(),
            m.conf.min(Confidence::Medium),
            Some(format!("counted from the plan date {r}")),
        ));
    }
    if m.expr.key().is_some() {
        return Some((m.expr.clone(), m.conf, None));
    }
    if let Some(rel) = m.rel {
        let r = reference?;
        let mode = match rel {
            Rel::This => Mode::EndOnOrAfter(r),
            Rel::Next => Mode::StartAfter(r),
            Rel::New => Mode::StartOnOrAfter(r),
            Rel::Last => Mode::EndBefore(r),
        };
        let e = resolve(&m.expr, mode, s, reference)?;
        return Some((
            e,
            m.conf,
            Some(format!(
                "{} taken from the plan date {r}",
                describe(&m.expr)
            )),
        ));
    }
    // The nearest date in the phrase that names its year.
    // Only the few dates either side are looked at, so a long phrase stays linear.
    let first = i.saturating_sub(ANCHOR_WINDOW);
    let last = mentions.len().min(i + ANCHOR_WINDOW + 1);
    let anchor = mentions[first..last]
        .iter()
        .enumerate()
        .map(|(j, o)| (j + first, o))
        .filter(|(j, o)| *j != i && o.expr.key().is_some() && !o.expr.needs_reference())
        .min_by_key(|(_, o)| {
            let d = if o.pos >= m.end {
                o.pos - m.end
            } else {
                m.pos.saturating_sub(o.end)
            };
            (d, o.pos < m.pos)
        })
        .map(|(_, o)| o);
    if let Some(a) = anchor {
        if let Some((a1, a2)) = a.expr.period(s, reference) {
            let mode = if a.pos > m.pos {
                Mode::EndOnOrBefore(a2)
            } else {
                Mode::EndOnOrAfter(a1)
            };
            if let Some(e) = resolve(&m.expr, mode, s, reference) {
                return Some((e, m.conf, None));
            }
        }
    }
    let r = reference?;
    // A date beside a status of complete is when it was done: the last one by the plan date.
    if complete {
        if let Some(e) = resolve(&m.expr, Mode::EndOnOrBefore(r), s, reference) {
            let year = e
                .period(s, reference)
                .map(|p| p.0.year())
                .unwrap_or(r.year());
            return Some((
                e,
                m.conf.min(Confidence::Medium),
                Some(format!(
                    "no year: marked complete, so took the last {} on or before the plan date {r} ({year})",
                    describe(&m.expr)
                )),
            ));
        }
    }
    let e = resolve(&m.expr, Mode::EndOnOrAfter(r), s, reference)?;
    let year = e
        .period(s, reference)
        .map(|p| p.0.year())
        .unwrap_or(r.year());
    Some((
        e,
        m.conf.min(Confidence::Medium),
        Some(format!(
            "no year: took the first {} on or after the plan date {r} ({year})",
            describe(&m.expr)
        )),
    ))
}

fn read_one(
    m: &Mention,
    expr: &Expr,
    period: (NaiveDate, NaiveDate),
    conf: Confidence,
    quarter_kind: bool,
    s: &Settings,
    reference: Option<NaiveDate>,
) -> Option<Reading> {
    let base_kind = if quarter_kind {
        Kind::Quarter
    } else {
        expr.kind()
    };
    let (a, b) = match m.part {
        Some(p) => part_of(p, period)?,
        None => period,
    };
    let kind = match m.part {
        Some(Part::End) => Kind::Day,
        Some(_) => {
            if whole_months(a, b) == Some(1) {
                Kind::Month
            } else if matches!(
                base_kind,
                Kind::CalendarYear | Kind::FinancialYear | Kind::PartOfYear | Kind::MonthRange
            ) {
                Kind::PartOfYear
            } else {
                base_kind
            }
        }
        None => base_kind,
    };
    let is_day = matches!(
        expr,
        Expr::Day { .. } | Expr::Week { .. } | Expr::Immediate | Expr::Relative { .. }
    ) || matches!(m.part, Some(Part::End))
        || (matches!(expr, Expr::Range { .. }) && kind == Kind::Day);
    // A part of one of two periods ("early summer FY25"): the part of either.
    let either_part = match (m.part, expr.either_periods(s, reference)) {
        (Some(p), Some([pa, pb])) if s.period_due_at_end => {
            let (ea, eb) = (part_of(p, pa)?.1, part_of(p, pb)?.1);
            Some((ea.min(eb), ea.max(eb)))
        }
        _ => None,
    };
    let period_due = |a: NaiveDate, b: NaiveDate| {
        if let (None, Some((ea, eb))) = (m.part, expr.either_ends(s, reference)) {
            return (ea, eb);
        }
        if let Some(x) = either_part {
            return x;
        }
        // A civic year ends at Annual Council, on a day of its first month not known here.
        if let (None, Expr::CivicYear { .. }) = (m.part, expr) {
            if let Some(next) = add_days(b, 1) {
                if let Some(end) = month_end(next.year(), next.month()) {
                    return (next, end);
                }
            }
        }
        if matches!(expr, Expr::Week { .. }) && m.part.is_none() {
            // A week commencing names a day within that week.
            (a, b)
        } else if s.period_due_at_end || is_day {
            (b, b)
        } else {
            (a, b)
        }
    };
    let (due, start) = match m.role {
        Role::Plain | Role::RevisedTo | Role::RevisedFrom | Role::By => {
            let mut due = period_due(a, b);
            if expr.is_budget() && m.part.is_none() {
                // The budget for a financial year is set in the months before it starts.
                let bm = s.budget_m();
                let y = if bm < s.fy_month() {
                    a.year()
                } else {
                    a.year() - 1
                };
                if let Some(e) = month_end(y, bm) {
                    due.0 = e.min(due.0);
                }
            }
            let start = match (m.role, expr) {
                (Role::By | Role::RevisedFrom, _) => None,
                (_, Expr::Immediate) => Some(a),
                _ if is_day => None,
                _ => Some(a),
            };
            (Some(due), start)
        }
        Role::Before => {
            let before = add_days(a, -1)?;
            if m.event && !is_day {
                (Some((before, b)), None)
            } else {
                (Some((before, before)), None)
            }
        }
        Role::Start => (None, Some(a)),
        Role::After => {
            let st = if m.event && !is_day {
                a
            } else {
                add_days(b, 1)?
            };
            (None, Some(st))
        }
    };
    Some(Reading {
        kind,
        role: m.role,
        due,
        start,
        conf,
        pos: m.pos,
        span: match expr {
            Expr::Relative { months, days } => Some((*months, *days)),
            _ => None,
        },
    })
}

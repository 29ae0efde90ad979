//! Words that name periods against the plan date ("next financial year", "within 3 months",
//! "immediately"), and the words that give a phrase its flags and its dates their roles:
//! status words, recurrences, ongoing, conditions, "by" / "from" / "before" / "extended from".

use super::calendar::month_title;
use super::expr::{Expr, Part};
use super::phrases::{number_word, Base, Rel, Role, P};
use super::{Confidence, StatusWord};

pub(super) const EVENT_WORDS: [&str; 14] = [
    "council",
    "cabinet",
    "committee",
    "meeting",
    "scrutiny",
    "board",
    "panel",
    "executive",
    "agm",
    "elections",
    "election",
    "o",
    "s",
    "assembly",
];

/// Times a year for a unit word.
pub(super) fn per_unit(w: &str) -> Option<u32> {
    Some(match w {
        "year" | "years" | "yr" | "yrs" | "annum" => 1,
        "quarter" | "quarters" | "qtr" => 4,
        "month" | "months" => 12,
        "week" | "weeks" => 52,
        "fortnight" | "fortnights" => 26,
        "day" | "days" => 365,
        _ => return None,
    })
}

impl<'t, 'a> P<'t, 'a> {
    pub(super) fn rel_word(&self, j: usize) -> Option<(Rel, usize)> {
        let j = if self.is_w(j, "the") { j + 1 } else { j };
        let r = match self.w(j)? {
            "this" | "current" | "present" => Rel::This,
            "next" | "following" | "coming" | "forthcoming" | "upcoming" | "subsequent" => {
                Rel::Next
            }
            "new" => Rel::New,
            "last" | "previous" | "past" | "prior" => Rel::Last,
            _ => return None,
        };
        Some((r, j + 1))
    }

    /// A unit of year: financial, civic or calendar. Returns the expression and next index.
    pub(super) fn year_unit(&self, k: usize) -> Option<(Expr, usize)> {
        match self.w(k)? {
            "financial" | "fiscal" | "fin" | "finance" | "budget"
                if self.w_in(k + 1, &["year", "yr"]) =>
            {
                Some((
                    Expr::FinancialYear {
                        key: None,
                        budget: false,
                    },
                    k + 2,
                ))
            }
            "fy" => Some((
                Expr::FinancialYear {
                    key: None,
                    budget: false,
                },
                k + 1,
            )),
            "civic" | "municipal" | "council" | "democratic"
                if self.w_in(k + 1, &["year", "yr"]) =>
            {
                Some((Expr::CivicYear { key: None }, k + 2))
            }
            "calendar" if self.is_w(k + 1, "year") => {
                Some((Expr::CalendarYear { key: None }, k + 2))
            }
            "year" | "yr" => Some((Expr::CalendarYear { key: None }, k + 1)),
            _ => None,
        }
    }

    pub(super) fn keyword_expr_at(&self, j: usize, has_part: bool) -> Option<Base> {
        // "this/next/new ... year/quarter/month"
        if let Some((rel, k)) = self.rel_word(j) {
            // "the new financial year 2017/18": the year written out is read, not counted.
            if self.year_unit(k).is_some() && self.year_part(k).is_some() {
                return None;
            }
            // "over the coming year", "the next year" after "over": twelve months.
            let before = if j > 0 && self.is_w(j - 1, "the") {
                j - 1
            } else {
                j
            };
            if before > 0
                && self.w_in(before - 1, &["over", "within"])
                && self.w_in(k, &["year", "yr"])
                && !matches!(rel, Rel::Last)
            {
                let mut b = Base::new(
                    Expr::Relative {
                        months: 12,
                        days: 0,
                    },
                    k + 1,
                );
                b.conf = Confidence::Medium;
                return Some(b);
            }
            if let Some((e, next)) = self.year_unit(k) {
                let new_year = matches!(rel, Rel::New)
                    && matches!(e, Expr::CalendarYear { .. })
                    && self.is_w(k, "year");
                let mut b = Base::new(e, next);
                b.rel = Some(rel);
                if new_year {
                    // "in the new year": the start of the next calendar year.
                    b.post = Some(Part::Early);
                    b.conf = Confidence::Medium;
                    b.note = Some("\"the new year\" read as early in the next year".into());
                }
                return Some(b);
            }
            if self.w_in(k, &["quarter", "qtr"]) {
                let offset = match rel {
                    Rel::This => 0,
                    Rel::Next | Rel::New => 1,
                    Rel::Last => -1,
                };
                return Some(Base::new(Expr::RefQuarter { offset }, k + 1));
            }
            if self.is_w(k, "month") {
                let offset = match rel {
                    Rel::This => 0,
                    Rel::Next | Rel::New => 1,
                    Rel::Last => -1,
                };
                return Some(Base::new(Expr::RefMonth { offset }, k + 1));
            }
            // "the next 12 months"
            if let Some(b) = self.duration(k) {
                return Some(b);
            }
            // "next summer", "next April"
            if !matches!(rel, Rel::Last) && self.is_w(j, "next") {
                if let Some(mut b) = self.season_at(k).or_else(|| self.month_first_at(k)) {
                    if b.e.key().is_none() {
                        b.rel = Some(Rel::Next);
                        return Some(b);
                    }
                }
            }
        }
        // "Christmas 2025"
        if self.w_in(j, &["christmas", "xmas"]) {
            if let Some(y) = self.year4(j + 1) {
                return Some(Base::new(
                    Expr::Day {
                        y: Some(y),
                        m: 12,
                        d: 25,
                    },
                    j + 2,
                ));
            }
            return Some(Base::new(
                Expr::Day {
                    y: None,
                    m: 12,
                    d: 25,
                },
                j + 1,
            ));
        }
        // "academic year 2025/26"
        if self.w_in(j, &["academic", "school"]) && self.is_w(j + 1, "year") {
            if let Some((y, next)) = self.fy_pair(j + 2) {
                return Some(Base::new(Expr::AcademicYear { key: Some(y) }, next));
            }
            return Some(Base::new(Expr::AcademicYear { key: None }, j + 2));
        }
        // "civic year 2025/26", "municipal year"
        if self.w_in(j, &["civic", "municipal"]) && self.w_in(j + 1, &["year", "yr"]) {
            let k = j + 2;
            if let Some((y, next)) = self.fy_pair(k) {
                return Some(Base::new(Expr::CivicYear { key: Some(y) }, next));
            }
            return Some(Base::new(Expr::CivicYear { key: None }, k));
        }
        // "annual council", "annual meeting"; when a date follows, that date is the event's.
        if self.is_w(j, "annual") && self.w_in(j + 1, &["council", "meeting", "general"]) {
            let mut k = j + 2;
            while self.w_in(k, &["meeting", "council", "of", "in", "on", "the"]) && k < j + 6 {
                k += 1;
            }
            if self.base_plain_at(k).is_some() {
                return None;
            }
            return Some(Base::new(Expr::AnnualCouncil { key: None }, k));
        }
        // elections
        if self.w_in(j, &["election", "elections"]) {
            let k = j + 1;
            if let Some(y) = self.year4(k) {
                return Some(
                    Base::new(Expr::Election { key: Some(y) }, k + 1).medium(format!(
                        "local elections are held in {}",
                        month_title(self.s.election_m())
                    )),
                );
            }
            let k2 = if self.is_w(k, "in") { k + 1 } else { k };
            if self.base_plain_at(k2).is_some() {
                return None;
            }
            return Some(Base::new(Expr::Election { key: None }, k).medium(format!(
                "local elections are held in {}",
                month_title(self.s.election_m())
            )));
        }
        // "Year 1", "Year 2 (2023/24)", "Years 1-4", "Years 1 to 4": years of the plan.
        if self.w_in(j, &["year", "years", "yr", "yrs"]) {
            if let Some((a, 1..=2)) = self.n(j + 1) {
                let mut to = (a, j + 2);
                if matches!(self.sep(j + 2), Some('-' | '/')) || self.w_in(j + 2, &["to", "and"]) {
                    if let Some((b, 1..=2)) = self.n(j + 3) {
                        to = (b, j + 4);
                    }
                }
                if (1..=30).contains(&a) && (a..=30).contains(&to.0) && !self.is_sep(j + 2, '.') {
                    return Some(
                        Base::new(Expr::PlanYear { from: a, to: to.0 }, to.1).medium(
                            "a year of the plan: twelve months counted from the plan date, \
                             Year 1 first"
                                .into(),
                        ),
                    );
                }
            }
        }
        // immediately
        match self.w(j)? {
            "immediately" | "immediate" | "asap" | "forthwith" => {
                let mut next = j + 1;
                if self.is_w(next, "effect") {
                    next += 1;
                }
                return Some(Base::new(Expr::Immediate, next));
            }
            // "now" alone, "from now", "now and ongoing"; "now June 2025" is a revised date.
            "now"
                if self.base_plain_at(j + 1).is_none()
                    && !(matches!(self.sep(j + 1), Some(':' | '-'))
                        && self.base_plain_at(j + 2).is_some()) =>
            {
                return Some(Base::new(Expr::Immediate, j + 1));
            }
            "as" if self.is_w(j + 1, "soon")
                && self.is_w(j + 2, "as")
                && self.is_w(j + 3, "possible") =>
            {
                return Some(Base::new(Expr::Immediate, j + 4));
            }
            "straight" if self.is_w(j + 1, "away") => {
                return Some(Base::new(Expr::Immediate, j + 2))
            }
            "within" | "in" | "for" | "covers" | "covering" | "lasting" => {
                // "within 3 months", "for a 12-month period"
                let k = if self.is_w(j + 1, "a") && self.n(j + 2).is_some() {
                    j + 2
                } else {
                    j + 1
                };
                if let Some(b) = self.duration(k) {
                    return Some(b);
                }
            }
            "over" if self.is_w(j + 1, "the") && self.is_w(j + 2, "next") => {
                if let Some(b) = self.duration(j + 3) {
                    return Some(b);
                }
            }
            "yearend" => {
                let mut b = Base::new(
                    Expr::FinancialYear {
                        key: None,
                        budget: false,
                    },
                    j + 1,
                )
                .medium("\"year end\" read as the end of the financial year".into());
                b.post = Some(Part::End);
                return Some(b);
            }
            "year" if self.year_end_words(j).is_some() => {
                let mut b = Base::new(
                    Expr::FinancialYear {
                        key: None,
                        budget: false,
                    },
                    self.year_end_words(j)?,
                )
                .medium("\"year end\" read as the end of the financial year".into());
                b.post = Some(Part::End);
                return Some(b);
            }
            "cy" => {
                if let Some(y) = self.year4(j + 1) {
                    return Some(Base::new(Expr::CalendarYear { key: Some(y) }, j + 2));
                }
            }
            "calendar" if self.is_w(j + 1, "year") => {
                if let Some(y) = self.year4(j + 2) {
                    return Some(Base::new(Expr::CalendarYear { key: Some(y) }, j + 3));
                }
            }
            _ => {}
        }
        // after a part word: "end of the year", "end of month", "end of quarter"
        if has_part {
            if let Some((e, next)) = self.year_unit(j) {
                return Some(Base::new(e, next));
            }
            if self.w_in(j, &["quarter", "qtr"]) {
                return Some(Base::new(Expr::RefQuarter { offset: 0 }, j + 1));
            }
            if self.is_w(j, "month") {
                return Some(Base::new(Expr::RefMonth { offset: 0 }, j + 1));
            }
        }
        None
    }

    /// "3 months", "six weeks", "12 months": a span after the reference date.
    pub(super) fn duration(&self, k: usize) -> Option<Base> {
        let (v, k) = if let Some((v, d)) = self.n(k) {
            (d <= 3).then_some((v, k + 1))?
        } else if let Some(v) = self.w(k).and_then(number_word) {
            (v, k + 1)
        } else if self.w_in(k, &["a", "one"]) {
            (1, k + 1)
        } else {
            return None;
        };
        let k = if self.is_sep(k, '-') && self.tight(k) {
            k + 1
        } else {
            k
        };
        let (months, days) = match self.w(k)? {
            "day" | "days" => (0, v as i64),
            "week" | "weeks" => (0, 7 * v as i64),
            "month" | "months" => (v as i32, 0),
            "year" | "years" => (12 * v as i32, 0),
            _ => return None,
        };
        let next = if self.w_in(k + 1, &["period", "timeframe", "time"]) {
            k + 2
        } else {
            k + 1
        };
        let mut b = Base::new(Expr::Relative { months, days }, next);
        b.conf = Confidence::Medium;
        Some(b)
    }

    /// A status word at the start of a phrase ("Completed", "Complete – March 2024", "N/A").
    pub(crate) fn status_at(&self, j: usize) -> Option<(StatusWord, usize)> {
        let (st, k) = match self.w(j)? {
            "complete" | "completed" | "done" | "achieved" | "delivered" | "closed"
            | "finished" | "implemented" | "actioned" => (StatusWord::Complete, j + 1),
            "superseded" | "merged" | "replaced" => (StatusWord::Superseded, j + 1),
            "cancelled" | "canceled" | "withdrawn" | "deleted" | "dropped" => {
                (StatusWord::Cancelled, j + 1)
            }
            "on" if self.is_w(j + 1, "hold") => (StatusWord::OnHold, j + 2),
            "paused" | "suspended" => (StatusWord::OnHold, j + 1),
            "not" if self.is_w(j + 1, "started") => (StatusWord::NotStarted, j + 2),
            "not" if self.is_w(j + 1, "yet") && self.is_w(j + 2, "started") => {
                (StatusWord::NotStarted, j + 3)
            }
            "not" if self.is_w(j + 1, "applicable") => (StatusWord::NotApplicable, j + 2),
            "not" if self.w_in(j + 1, &["required", "needed"]) => (StatusWord::Cancelled, j + 2),
            "no" if self.is_w(j + 1, "longer") && self.w_in(j + 2, &["required", "needed"]) => {
                (StatusWord::Cancelled, j + 3)
            }
            "in" if self.is_w(j + 1, "progress") => (StatusWord::InProgress, j + 2),
            "underway" => (StatusWord::InProgress, j + 1),
            "under" if self.is_w(j + 1, "way") => (StatusWord::InProgress, j + 2),
            "n" if matches!(self.sep(j + 1), Some('/' | '.')) && self.is_w(j + 2, "a") => {
                let k = if self.is_sep(j + 3, '.') {
                    j + 4
                } else {
                    j + 3
                };
                (StatusWord::NotApplicable, k)
            }
            "na" if self.end_or_sep(j + 1) => (StatusWord::NotApplicable, j + 1),
            _ => return None,
        };
        // "Complete by March 2025" is a deadline, not a status.
        if self.w_in(
            k,
            &[
                "by", "before", "no", "within", "until", "till", "no", "not", "to",
            ],
        ) {
            return None;
        }
        Some((st, k))
    }

    pub(super) fn recurrence_at(&self, j: usize) -> Option<(Option<u32>, usize)> {
        let one = |n: u32, k: usize| Some((Some(n), k));
        // counts: "4 x per year", "4x a year", "four times a year", "twice yearly", "x4 per year"
        let count = if let Some((v, d)) = self.n(j) {
            (d <= 3 && v > 0).then_some((v, j + 1))
        } else {
            match self.w(j)? {
                "once" => Some((1, j + 1)),
                "twice" => Some((2, j + 1)),
                "thrice" => Some((3, j + 1)),
                "x" => self
                    .n(j + 1)
                    .and_then(|(v, d)| (d <= 3 && v > 0).then_some((v, j + 2))),
                w => number_word(w).map(|v| (v, j + 1)),
            }
        };
        if let Some((c, mut k)) = count {
            let had_x = self.w_in(k, &["x", "times", "time"]);
            if had_x {
                k += 1;
            }
            if let Some(mul) = self.w(k).and_then(|w| match w {
                "yearly" | "annually" => Some(1),
                "monthly" => Some(12),
                "weekly" => Some(52),
                "quarterly" => Some(4),
                _ => None,
            }) {
                if had_x || self.w_in(j, &["once", "twice", "thrice"]) {
                    return one(c.saturating_mul(mul), k + 1);
                }
            }
            if self.w_in(k, &["per", "a", "an", "each", "every", "in"]) || self.is_sep(k, '/') {
                if let Some(u) = self.w(k + 1).and_then(per_unit) {
                    if had_x || self.is_w(k, "per") || self.w_in(j, &["once", "twice", "thrice"]) {
                        return one(c.saturating_mul(u), k + 2);
                    }
                }
            }
            // "six-monthly", "3 monthly", "12-monthly"
            let k2 = if self.is_sep(k, '-') { k + 1 } else { k };
            if !had_x {
                match self.w(k2) {
                    Some("monthly") if (1..=12).contains(&c) => {
                        return Some(((12 % c == 0).then(|| 12 / c), k2 + 1))
                    }
                    Some("weekly") if (1..=52).contains(&c) => {
                        return Some(((52 % c == 0).then(|| 52 / c), k2 + 1))
                    }
                    Some("yearly" | "annually") if c == 1 => return one(1, k2 + 1),
                    _ => {}
                }
            }
        }
        // prefixed single words: "bi-monthly", "half-yearly", "semi-annually"
        if let Some(pre) = self.w(j) {
            let k = if self.is_sep(j + 1, '-') {
                j + 2
            } else {
                j + 1
            };
            let n = match (pre, self.w(k)) {
                ("bi", Some("monthly")) => Some(6),
                ("bi" | "semi", Some("annually" | "annual" | "yearly")) => Some(2),
                ("half", Some("yearly" | "annually")) => Some(2),
                ("tri", Some("annually" | "annual" | "yearly")) => Some(3),
                ("bi", Some("weekly")) => Some(26),
                _ => None,
            };
            if n.is_some() {
                return Some((n, k + 1));
            }
        }
        let n = match self.w(j)? {
            "quarterly" => 4,
            "monthly" => 12,
            "weekly" => 52,
            "fortnightly" => 26,
            "daily" => 365,
            "annually" | "yearly" => 1,
            "bimonthly" => 6,
            "biannually" | "biannual" | "semiannually" | "semiannual" | "biyearly" => 2,
            "termly" => 3,
            "biweekly" => 26,
            "triannually" | "triannual" => 3,
            "at" if self.w_in(j + 1, &["regular", "set", "frequent"])
                && self.w_in(j + 2, &["intervals", "interval"]) =>
            {
                return Some((None, j + 3));
            }
            "at" => {
                // "at six month intervals", "at 3-monthly intervals"
                let k = j + 1;
                let (v, k) = if let Some((v, d)) = self.n(k) {
                    (d <= 2).then_some((v, k + 1))?
                } else {
                    (self.w(k).and_then(number_word)?, k + 1)
                };
                let k = if self.is_sep(k, '-') { k + 1 } else { k };
                let u = self.w(k).and_then(per_unit).or(match self.w(k) {
                    Some("monthly") => Some(12),
                    Some("weekly") => Some(52),
                    _ => None,
                })?;
                if v > 0 && self.w_in(k + 1, &["intervals", "interval"]) {
                    return Some(((u % v == 0).then(|| u / v), k + 2));
                }
                return None;
            }
            "every" | "each" => {
                let k = j + 1;
                // "every June": once a year, in that month.
                if let Some((_, next, false)) = self.month_at(k) {
                    if self.year_after_period(next).is_none() {
                        return one(1, next);
                    }
                }
                // "each municipal year", "every financial year"
                if self.w_in(
                    k,
                    &[
                        "municipal",
                        "civic",
                        "financial",
                        "calendar",
                        "academic",
                        "council",
                        "school",
                    ],
                ) && self.w_in(k + 1, &["year", "yr"])
                {
                    return one(1, k + 2);
                }
                if let Some(u) = self.w(k).and_then(per_unit) {
                    return one(u, k + 1);
                }
                if self.is_w(k, "other") {
                    if let Some(u) = self.w(k + 1).and_then(per_unit) {
                        return Some(((u % 2 == 0).then_some(u / 2), k + 2));
                    }
                }
                let every_n = if let Some((v, d)) = self.n(k) {
                    (d <= 2 && v > 0).then_some(v)
                } else {
                    self.w(k).and_then(number_word)
                };
                if let Some(v) = every_n {
                    if let Some(u) = self.w(k + 1).and_then(per_unit) {
                        return Some(((u % v == 0).then(|| u / v), k + 2));
                    }
                }
                let k = if self.w_in(k, &["full", "formal", "scheduled"]) {
                    k + 1
                } else {
                    k
                };
                if self.w_in(
                    k,
                    &[
                        "meeting",
                        "cycle",
                        "committee",
                        "cabinet",
                        "council",
                        "board",
                        "panel",
                        "term",
                    ],
                ) {
                    return Some((None, k + 1));
                }
                return None;
            }
            _ => return None,
        };
        one(n, j + 1)
    }

    pub(super) fn ongoing_at(&self, j: usize) -> Option<usize> {
        match self.w(j)? {
            "ongoing" | "continuous" | "continual" | "continuing" | "rolling" | "bau"
            | "permanent" | "indefinite" | "indefinitely" | "perpetual" | "continuously" => {
                Some(j + 1)
            }
            "on" if self.is_w(j + 1, "going") => Some(j + 2),
            "on" if self.is_sep(j + 1, '-') && self.is_w(j + 2, "going") => Some(j + 3),
            "open" if self.is_w(j + 1, "ended") => Some(j + 2),
            "open" if self.is_sep(j + 1, '-') && self.is_w(j + 2, "ended") => Some(j + 3),
            "business" if self.is_w(j + 1, "as") && self.is_w(j + 2, "usual") => Some(j + 3),
            "in" if self.is_w(j + 1, "perpetuity") => Some(j + 2),
            // "throughout the year", "over the municipal year": an activity across a year,
            // with no deadline (a year written out is read as a date instead).
            "throughout" | "over" if self.is_w(j + 1, "the") => {
                let (_, next) = self.year_unit(j + 2)?;
                if matches!(self.w(j + 2), Some("fy"))
                    || self.year_part(j + 2).is_some()
                    || self.year_part(next).is_some()
                {
                    return None;
                }
                Some(next)
            }
            "no" if self.is_w(j + 1, "end") && self.is_w(j + 2, "date") => Some(j + 3),
            _ => None,
        }
    }

    pub(super) fn conditional_at(&self, j: usize) -> Option<usize> {
        match self.w(j)? {
            "tbc" | "tbd" | "tba" | "tbcd" | "pending" | "awaiting" | "dependent" | "dependant"
            | "depending" | "depends" | "contingent" | "when" | "once" | "if" | "unknown" => {
                Some(j + 1)
            }
            "to" if self.is_w(j + 1, "be")
                && self.w_in(
                    j + 2,
                    &[
                        "confirmed",
                        "determined",
                        "agreed",
                        "arranged",
                        "decided",
                        "scheduled",
                        "set",
                        "advised",
                        "announced",
                    ],
                ) =>
            {
                Some(j + 3)
            }
            "subject" if self.is_w(j + 1, "to") => Some(j + 2),
            "as" if self.w_in(j + 1, &["required", "needed", "necessary", "appropriate"]) => {
                Some(j + 2)
            }
            "as" if self.is_w(j + 1, "and") && self.is_w(j + 2, "when") => Some(j + 3),
            "not" if self.w_in(j + 1, &["known", "yet"]) && !self.is_w(j + 2, "started") => {
                Some(j + 2)
            }
            _ => None,
        }
    }

    pub(super) fn role_at(&self, j: usize) -> Option<(Role, usize)> {
        let verbs = [
            "extended",
            "revised",
            "moved",
            "deferred",
            "slipped",
            "changed",
            "postponed",
            "amended",
            "delayed",
            "rescheduled",
            "pushed",
            "reprofiled",
            "re",
        ];
        if self.w_in(j, &verbs) {
            let mut k = j + 1;
            if self.is_w(j, "re") && self.is_sep(k, '-') {
                k += 2;
            }
            if self.w_in(k, &["back", "forward", "out"]) {
                k += 1;
            }
            if self.is_w(k, "from") {
                return Some((Role::RevisedFrom, k + 1));
            }
            if self.w_in(k, &["to", "until", "till", "into"]) {
                return Some((Role::RevisedTo, k + 1));
            }
            if self.w_in(
                k,
                &[
                    "date",
                    "deadline",
                    "target",
                    "timescale",
                    "timeframe",
                    "completion",
                ],
            ) {
                return Some((Role::RevisedTo, k + 1));
            }
            if matches!(self.sep(k), Some(':' | '-')) {
                return Some((Role::RevisedTo, k + 1));
            }
            // "(revised Sep-25)": the date that follows is the new one.
            return Some((Role::RevisedTo, k));
        }
        let r = match self.w(j)? {
            "by" => (Role::By, j + 1),
            "no" | "not" if self.is_w(j + 1, "later") && self.is_w(j + 2, "than") => {
                (Role::By, j + 3)
            }
            "nlt" => (Role::By, j + 1),
            "deadline" | "due" | "target" => {
                let mut k = j + 1;
                if self.w_in(k, &["date", "by", "for", "in", "of"]) {
                    k += 1;
                }
                (Role::By, k)
            }
            "until" | "till" | "untill" | "til" => (Role::By, j + 1),
            "up" if self.is_w(j + 1, "to") => (Role::By, j + 2),
            "through" | "thru" if self.is_w(j + 1, "to") => (Role::By, j + 2),
            "before" => (Role::Before, j + 1),
            "prior" if self.is_w(j + 1, "to") => (Role::Before, j + 2),
            "ahead" if self.is_w(j + 1, "of") => (Role::Before, j + 2),
            "in" if self.is_w(j + 1, "advance") && self.is_w(j + 2, "of") => (Role::Before, j + 3),
            "from" | "since" | "commence" | "commencing" | "commences" | "commenced" | "begin"
            | "begins" | "beginning" | "start" | "starting" | "starts" | "wef" | "effective" => {
                let mut k = j + 1;
                if self.w_in(k, &["from", "on", "in"]) {
                    k += 1;
                }
                (Role::Start, k)
            }
            "with" if self.is_w(j + 1, "effect") && self.is_w(j + 2, "from") => {
                (Role::Start, j + 3)
            }
            "w" if self.is_sep(j + 1, '.') && self.is_w(j + 2, "e") => (Role::Start, j + 3),
            "after" | "following" | "post" => (Role::After, j + 1),
            "originally" | "original" | "orig" | "previously" | "formerly" | "was" | "old" => {
                let mut k = j + 1;
                if self.w_in(
                    k,
                    &[
                        "date",
                        "deadline",
                        "target",
                        "timescale",
                        "timeframe",
                        "planned",
                        "due",
                    ],
                ) {
                    k += 1;
                }
                if matches!(self.sep(k), Some(':' | '-')) {
                    k += 1;
                }
                if self.w_in(k, &["for", "in", "by"]) {
                    k += 1;
                }
                (Role::RevisedFrom, k)
            }
            "now" => (Role::RevisedTo, j + 1),
            "instead" if self.is_w(j + 1, "of") => (Role::RevisedFrom, j + 2),
            "rather" if self.is_w(j + 1, "than") => (Role::RevisedFrom, j + 2),
            "new" if self.w_in(j + 1, &["date", "deadline", "target", "timescale"]) => {
                (Role::RevisedTo, j + 2)
            }
            "in" | "during" | "throughout" | "between" | "within" | "around" | "circa"
            | "approx" | "approximately" => (Role::Plain, j + 1),
            _ => return None,
        };
        Some(r)
    }

    pub(super) fn event_at(&self, j: usize) -> Option<usize> {
        if self.w_in(j, &EVENT_WORDS) {
            return Some(j + 1);
        }
        if self.is_w(j, "annual") && self.w_in(j + 1, &["council", "meeting", "general"]) {
            return Some(j + 2);
        }
        None
    }
}

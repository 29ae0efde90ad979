//! What a date expression names, before and after its year is known.
//!
//! A phrase such as "Q3" or "24th June" names a period without its year. [`Expr`] keeps the
//! year (its *key*) optional; [`resolve`] finds it against an anchor (another date in the same
//! phrase) or the reference date, and [`Expr::period`] turns a keyed expression into the first
//! and last day of the period it names.

use chrono::{Datelike, NaiveDate};

use super::calendar::{add_days, add_months, add_months_to, month_end, month_span};
use super::settings::{QuarterBasis, Settings};
use super::Kind;

/// A date expression. `key` is the year that pins it down: the calendar year for days, months,
/// calendar years and calendar quarters and halves; the year a financial (or civic) year starts
/// for financial years, their quarters and halves; the year a season starts.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Expr {
    Day {
        y: Option<i32>,
        m: u32,
        d: u32,
    },
    /// The seven days from a day ("w/c 3 March 2025").
    Week {
        y: Option<i32>,
        m: u32,
        d: u32,
    },
    Month {
        y: Option<i32>,
        m: u32,
    },
    Quarter {
        n: u32,
        key: Option<i32>,
        basis: QuarterBasis,
    },
    Half {
        n: u32,
        key: Option<i32>,
        basis: QuarterBasis,
    },
    /// 0 spring, 1 summer, 2 autumn, 3 winter.
    Season {
        s: usize,
        key: Option<i32>,
    },
    FinancialYear {
        key: Option<i32>,
        budget: bool,
    },
    CalendarYear {
        key: Option<i32>,
    },
    CivicYear {
        key: Option<i32>,
    },
    /// An academic (school) year, September to August.
    AcademicYear {
        key: Option<i32>,
    },
    /// Local elections: the election month.
    Election {
        key: Option<i32>,
    },
    /// Annual Council: the first month of the civic year.
    AnnualCouncil {
        key: Option<i32>,
    },
    /// Two expressions: from `a` to `b`, or (`either`) one of them.
    Range {
        a: Box<Expr>,
        b: Box<Expr>,
        either: bool,
    },
    /// The reference date itself ("immediately").
    Immediate,
    /// A span after the reference date ("within 3 months").
    Relative {
        months: i32,
        days: i64,
    },
    /// The quarter (of the quarter basis) containing the reference, moved by `offset`.
    RefQuarter {
        offset: i32,
    },
    /// The month containing the reference, moved by `offset`.
    RefMonth {
        offset: i32,
    },
    /// Years `from..=to` of a plan, counted in twelve months from the reference ("Year 1",
    /// "Years 1-4").
    PlanYear {
        from: u32,
        to: u32,
    },
}

impl Expr {
    /// The key when the expression names its year; `None` when it still needs one. Expressions
    /// that hang on the reference date are never keyed.
    pub(crate) fn key(&self) -> Option<i32> {
        match self {
            Expr::Day { y, .. } | Expr::Week { y, .. } | Expr::Month { y, .. } => *y,
            Expr::Quarter { key, .. }
            | Expr::Half { key, .. }
            | Expr::Season { key, .. }
            | Expr::FinancialYear { key, .. }
            | Expr::CalendarYear { key }
            | Expr::CivicYear { key }
            | Expr::AcademicYear { key }
            | Expr::Election { key }
            | Expr::AnnualCouncil { key } => *key,
            Expr::Range { a, .. } => a.key(),
            Expr::Immediate
            | Expr::Relative { .. }
            | Expr::RefQuarter { .. }
            | Expr::RefMonth { .. }
            | Expr::PlanYear { .. } => None,
        }
    }

    /// True when the expression hangs on the reference date only.
    pub(crate) fn needs_reference(&self) -> bool {
        matches!(
            self,
            Expr::Immediate
                | Expr::Relative { .. }
                | Expr::RefQuarter { .. }
                | Expr::RefMonth { .. }
                | Expr::PlanYear { .. }
        )
    }

    fn with_key(&self, k: i32) -> Expr {
        let mut e = self.clone();
        match &mut e {
            Expr::Day { y, .. } | Expr::Week { y, .. } | Expr::Month { y, .. } => *y = Some(k),
            Expr::Quarter { key, .. }
            | Expr::Half { key, .. }
            | Expr::Season { key, .. }
            | Expr::FinancialYear { key, .. }
            | Expr::CalendarYear { key }
            | Expr::CivicYear { key }
            | Expr::AcademicYear { key }
            | Expr::Election { key }
            | Expr::AnnualCouncil { key } => *key = Some(k),
            Expr::Range { a, .. } if a.key().is_none() => **a = a.with_key(k),
            _ => {}
        }
        e
    }

    /// First and last day of the period a keyed expression names.
    pub(crate) fn period(
        &self,
        s: &Settings,
        reference: Option<NaiveDate>,
    ) -> Option<(NaiveDate, NaiveDate)> {
        match self {
            Expr::Day { y, m, d } => {
                let day = NaiveDate::from_ymd_opt((*y)?, *m, *d)?;
                Some((day, day))
            }
            Expr::Week { y, m, d } => {
                let day = NaiveDate::from_ymd_opt((*y)?, *m, *d)?;
                Some((day, add_days(day, 6)?))
            }
            Expr::Month { y, m } => month_span((*y)?, *m, 1),
            Expr::Quarter { n, key, basis } => {
                let k = (*key)?;
                let (y, m) = match basis {
                    QuarterBasis::Financial => add_months(k, s.fy_month(), 3 * (*n as i32 - 1)),
                    QuarterBasis::Calendar => (k, 3 * (*n - 1) + 1),
                };
                month_span(y, m, 3)
            }
            Expr::Half { n, key, basis } => {
                let k = (*key)?;
                let (y, m) = match basis {
                    QuarterBasis::Financial => add_months(k, s.fy_month(), 6 * (*n as i32 - 1)),
                    QuarterBasis::Calendar => (k, 6 * (*n - 1) + 1),
                };
                month_span(y, m, 6)
            }
            Expr::Season { s: idx, key } => {
                let (start, len) = s.season(*idx);
                month_span((*key)?, start, len)
            }
            Expr::FinancialYear { key, .. } => month_span((*key)?, s.fy_month(), 12),
            Expr::CalendarYear { key } => month_span((*key)?, 1, 12),
            Expr::CivicYear { key } => month_span((*key)?, s.civic_month(), 12),
            Expr::AcademicYear { key } => month_span((*key)?, 9, 12),
            Expr::Election { key } => month_span((*key)?, s.election_m(), 1),
            Expr::AnnualCouncil { key } => month_span((*key)?, s.civic_month(), 1),
            Expr::Range { a, b, .. } => {
                let b = resolve_after(a, b, s, reference)?;
                let (a1, a2) = a.period(s, reference)?;
                let (b1, b2) = b.period(s, reference)?;
                Some((a1.min(b1), a2.max(b2)))
            }
            Expr::Immediate => {
                let r = reference?;
                Some((r, r))
            }
            Expr::Relative { months, days } => {
                let r = reference?;
                let e = add_days(add_months_to(r, *months)?, *days)?;
                Some((r, e.max(r)))
            }
            Expr::RefQuarter { offset } => {
                let r = reference?;
                let first = match s.quarter_basis {
                    QuarterBasis::Financial => s.fy_month(),
                    QuarterBasis::Calendar => 1,
                };
                let since = (r.month() as i32 - first as i32).rem_euclid(3);
                let (y, m) = add_months(r.year(), r.month(), -since + 3 * offset);
                month_span(y, m, 3)
            }
            Expr::PlanYear { from, to } => {
                let r = reference?;
                let a = add_months_to(r, 12 * (*from as i32 - 1))?;
                let b = add_days(add_months_to(r, 12 * *to as i32)?, -1)?;
                Some((a, b))
            }
            Expr::RefMonth { offset } => {
                let r = reference?;
                let (y, m) = add_months(r.year(), r.month(), *offset);
                month_span(y, m, 1)
            }
        }
    }

    /// The ends of the two parts of an either-or range ("June or July 2025").
    pub(crate) fn either_ends(
        &self,
        s: &Settings,
        reference: Option<NaiveDate>,
    ) -> Option<(NaiveDate, NaiveDate)> {
        if let Expr::Range { a, b, either: true } = self {
            let b = resolve_after(a, b, s, reference)?;
            let ea = a.period(s, reference)?.1;
            let eb = b.period(s, reference)?.1;
            return Some((ea.min(eb), ea.max(eb)));
        }
        None
    }

    /// The two periods of an either-or range ("June or July 2025", "Q1 FY25").
    pub(crate) fn either_periods(
        &self,
        s: &Settings,
        reference: Option<NaiveDate>,
    ) -> Option<[(NaiveDate, NaiveDate); 2]> {
        if let Expr::Range { a, b, either: true } = self {
            let b = resolve_after(a, b, s, reference)?;
            return Some([a.period(s, reference)?, b.period(s, reference)?]);
        }
        None
    }

    /// The kind of phrase this expression is.
    pub(crate) fn kind(&self) -> Kind {
        match self {
            Expr::Day { .. } | Expr::Week { .. } | Expr::Immediate | Expr::Relative { .. } => {
                Kind::Day
            }
            Expr::Month { .. }
            | Expr::Election { .. }
            | Expr::AnnualCouncil { .. }
            | Expr::RefMonth { .. } => Kind::Month,
            Expr::PlanYear { .. } => Kind::MonthRange,
            Expr::Quarter { .. } | Expr::RefQuarter { .. } => Kind::Quarter,
            Expr::Half { .. } => Kind::PartOfYear,
            Expr::Season { .. } => Kind::Season,
            Expr::FinancialYear { .. } => Kind::FinancialYear,
            Expr::CalendarYear { .. } => Kind::CalendarYear,
            Expr::CivicYear { .. } | Expr::AcademicYear { .. } => Kind::MonthRange,
            Expr::Range { a, b, .. } => match (a.kind(), b.kind()) {
                (x, y) if x == y && x != Kind::Month => x,
                _ => Kind::MonthRange,
            },
        }
    }

    /// Budget phrase ("Budget 2024/25").
    pub(crate) fn is_budget(&self) -> bool {
        matches!(self, Expr::FinancialYear { budget: true, .. })
    }
}

/// How a missing year is chosen.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Mode {
    /// The first period that ends on or after the date (a yearless phrase and its plan date).
    EndOnOrAfter(NaiveDate),
    /// The first period that starts on or after the date ("new civic year").
    StartOnOrAfter(NaiveDate),
    /// The first period that starts after the date ("next financial year").
    StartAfter(NaiveDate),
    /// The last period that ends before the date ("last financial year").
    EndBefore(NaiveDate),
    /// The last period that ends on or before the date (a yearless phrase before a dated one:
    /// "January/February 2025").
    EndOnOrBefore(NaiveDate),
}

/// `e` with its key chosen by `mode`; `None` when no year within a few of the date fits.
pub(crate) fn resolve(
    e: &Expr,
    mode: Mode,
    s: &Settings,
    reference: Option<NaiveDate>,
) -> Option<Expr> {
    if e.key().is_some() {
        return Some(e.clone());
    }
    let base = match mode {
        Mode::EndOnOrAfter(d)
        | Mode::StartOnOrAfter(d)
        | Mode::StartAfter(d)
        | Mode::EndBefore(d)
        | Mode::EndOnOrBefore(d) => d.year(),
    };
    let fits = |k: i32| -> Option<Expr> {
        let c = e.with_key(k);
        let (a, b) = c.period(s, reference)?;
        let ok = match mode {
            Mode::EndOnOrAfter(d) => b >= d,
            Mode::StartOnOrAfter(d) => a >= d,
            Mode::StartAfter(d) => a > d,
            Mode::EndBefore(d) => b < d,
            Mode::EndOnOrBefore(d) => b <= d,
        };
        ok.then_some(c)
    };
    match mode {
        Mode::EndBefore(_) | Mode::EndOnOrBefore(_) => (base - 6..=base + 1).rev().find_map(fits),
        _ => (base - 2..=base + 6).find_map(fits),
    }
}

/// The second part of a range with its year taken from the first when it has none.
fn resolve_after(a: &Expr, b: &Expr, s: &Settings, reference: Option<NaiveDate>) -> Option<Expr> {
    if b.key().is_some() {
        return Some(b.clone());
    }
    let (a1, _) = a.period(s, reference)?;
    resolve(b, Mode::StartOnOrAfter(a1), s, reference)
        .or_else(|| resolve(b, Mode::EndOnOrAfter(a1), s, reference))
}

/// A range of `a` then `b`, giving the first part a year from the second when it has none
/// ("January/February 2025").
pub(crate) fn make_range(a: Expr, b: Expr, either: bool, s: &Settings) -> Expr {
    // "Q1-Q2 2024": the yearless quarter is of the same kind as the one with the year.
    let (a, b) = match (a, b) {
        (
            Expr::Quarter { n, key: None, .. },
            b @ Expr::Quarter {
                basis,
                key: Some(_),
                ..
            },
        ) => (
            Expr::Quarter {
                n,
                key: None,
                basis,
            },
            b,
        ),
        (
            a @ Expr::Quarter {
                basis,
                key: Some(_),
                ..
            },
            Expr::Quarter { n, key: None, .. },
        ) => (
            a,
            Expr::Quarter {
                n,
                key: None,
                basis,
            },
        ),
        (
            Expr::Half { n, key: None, .. },
            b @ Expr::Half {
                basis,
                key: Some(_),
                ..
            },
        ) => (
            Expr::Half {
                n,
                key: None,
                basis,
            },
            b,
        ),
        (
            a @ Expr::Half {
                basis,
                key: Some(_),
                ..
            },
            Expr::Half { n, key: None, .. },
        ) => (
            a,
            Expr::Half {
                n,
                key: None,
                basis,
            },
        ),
        ab => ab,
    };
    let a = match (a.key(), b.period(s, None)) {
        (None, Some((_, b_end))) if !a.needs_reference() => {
            resolve(&a, Mode::EndOnOrBefore(b_end), s, None).unwrap_or(a)
        }
        _ => a,
    };
    Expr::Range {
        a: Box::new(a),
        b: Box::new(b),
        either,
    }
}

/// Apply a part (early, mid, late, start, end) to a period.
pub(crate) fn part_of(
    part: Part,
    (a, b): (NaiveDate, NaiveDate),
) -> Option<(NaiveDate, NaiveDate)> {
    use super::calendar::whole_months;
    if let Part::End = part {
        return Some((b, b));
    }
    let months = whole_months(a, b).unwrap_or(0);
    if months >= 2 {
        let third = if months.is_multiple_of(3) {
            months / 3
        } else {
            (months / 3).max(1)
        };
        let (ys, ms) = (a.year(), a.month());
        let span = |from: i32, count: u32| -> Option<(NaiveDate, NaiveDate)> {
            let (y, m) = add_months(ys, ms, from);
            month_span(y, m, count)
        };
        return match part {
            Part::Start => span(0, 1),
            Part::Early => span(0, third),
            Part::Mid => span(third as i32, third),
            Part::Late => span((months - third) as i32, third),
            Part::End => Some((b, b)),
        };
    }
    // Within a month (or a shorter span): thirds of the days, 1-10, 11-20, 21-end.
    if months == 1 {
        let y = a.year();
        let m = a.month();
        let d = |n: u32| NaiveDate::from_ymd_opt(y, m, n);
        let last = month_end(y, m)?;
        return match part {
            Part::Start | Part::Early => Some((a, d(10)?)),
            Part::Mid => Some((d(11)?, d(20)?)),
            Part::Late => Some((d(21)?, last)),
            Part::End => Some((b, b)),
        };
    }
    Some((a, b))
}

/// A part of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Early,
    Mid,
    Late,
    Start,
    End,
}

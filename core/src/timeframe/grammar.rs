//! The grammar of parts: a **period part** (a month, quarter, half or season, without its year)
//! and a **year part** (a year in any notation) are read apart and put together in one place,
//! [`P::compose`].
//!
//! A year part is a number or a pair of numbers, with a name before or after it, or none:
//!
//! | notation | names |
//! |---|---|
//! | `2025`, `'25` | a calendar year |
//! | `2024/25`, `2024-25`, `2024/2025`, `2024-2025`, `2024 to 2025`, `2024 to 25`, `24/25`, `24-25`, `2024⁄25` | a financial year (starting in 2024) |
//! | `FY24/25`, `FY 2024-25`, `financial year 2024/25`, `2024/25 financial year`, `fiscal year …` | a financial year |
//! | `FY25`, `FY 2025`, `financial year 2025` | a financial year named by one year: ending or starting in it |
//! | `civic year 2025/26`, `2025/26 municipal year`, `council year …` | a civic year (from Annual Council) |
//! | `academic year 2025/26`, `school year …` | an academic year (September to August) |
//! | `calendar year 2025`, `CY2025` | a calendar year |
//!
//! After a period part the year may stand after a comma, a dash, "of", "in", "for", "the" or in
//! brackets ("Q3 (2024/25)", "Q1 of the 2025/26 financial year"); before a quarter or half it
//! stands alone ("2024/25 Q3", "FY25 H1").
//!
//! Composition has one rule for every period named by its months (a month, a season, a month
//! range): the period that *starts within* the named year. A quarter or half is counted from the
//! start of the named year, except that a quarter or half with a single calendar year and no
//! financial hint is a calendar quarter (see [`Settings::quarter_in_calendar_year`]).

use super::calendar::{add_months, plausible_year};
use super::expr::{make_range, Expr};
use super::phrases::{Base, P};
use super::settings::{QuarterBasis, Settings};
use super::Confidence;

/// What a year part names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum YearPart {
    /// A calendar year.
    Calendar(i32),
    /// A financial year, by the year it starts in.
    Financial(i32),
    /// A financial year named by one year ("FY25"): ending in it or starting in it.
    FinancialOne(i32),
    /// A civic (municipal) year, by the year it starts in.
    Civic(i32),
    /// An academic (school) year, by the year it starts in.
    Academic(i32),
}

/// The kind of year a name says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Named {
    Financial,
    Calendar,
    Civic,
    Academic,
}

/// A year part read from the tokens.
#[derive(Debug, Clone, Copy)]
pub(crate) struct YearRead {
    pub part: YearPart,
    pub next: usize,
    /// The notation named its kind ("FY", "financial year", "civic year").
    pub named: bool,
    /// The notation was a pair of years ("2024/25").
    pub pair: bool,
}

/// A period part without its year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PeriodPart {
    Month(u32),
    Quarter(u32),
    /// Quarters `a` to `b` of one year ("2024/25 Q1-Q2").
    Quarters(u32, u32),
    Half(u32),
    /// 0 spring, 1 summer, 2 autumn, 3 winter.
    Season(usize),
}

impl PeriodPart {
    fn title(self) -> String {
        match self {
            PeriodPart::Month(m) => super::calendar::month_title(m).to_string(),
            PeriodPart::Quarter(n) => format!("Q{n}"),
            PeriodPart::Quarters(a, b) => format!("Q{a}-Q{b}"),
            PeriodPart::Half(n) => format!("H{n}"),
            PeriodPart::Season(s) => ["spring", "summer", "autumn", "winter"][s.min(3)].into(),
        }
    }
}

impl<'t, 'a> P<'t, 'a> {
    /// A name of a kind of year at `k`: "FY", "F/Y", "financial year", "fiscal yr", "calendar
    /// year", "CY", "civic year", "municipal year", "council year", "academic year", "school year".
    fn year_name(&self, k: usize) -> Option<(Named, usize)> {
        let year_word = |i: usize| self.w_in(i, &["year", "yr", "years"]);
        Some(match self.w(k)? {
            "fy" | "fye" => {
                let k = k + 1;
                let k = if matches!(self.sep(k), Some('.' | ':')) && self.tight(k) {
                    k + 1
                } else {
                    k
                };
                (Named::Financial, k)
            }
            "f" if self.is_sep(k + 1, '/') && self.is_w(k + 2, "y") => (Named::Financial, k + 3),
            "financial" | "fiscal" | "fin" | "finance" if year_word(k + 1) => {
                (Named::Financial, k + 2)
            }
            "calendar" if year_word(k + 1) => (Named::Calendar, k + 2),
            "cy" => (Named::Calendar, k + 1),
            "civic" | "municipal" | "council" | "democratic" if year_word(k + 1) => {
                (Named::Civic, k + 2)
            }
            "academic" | "school" if year_word(k + 1) => (Named::Academic, k + 2),
            _ => return None,
        })
    }

    /// Two consecutive years: "2024/25", "2024-25", "2024/2025", "2024 / 2025", "2024 to 2025",
    /// "2024 to 25", "24/25", "24-25" (the fraction slash reads as "/"). Returns the first year.
    pub(super) fn year_pair(&self, k: usize) -> Option<(i32, usize)> {
        if let Some(x) = self.fy_pair(k) {
            return Some(x);
        }
        let (a, da) = self.n(k)?;
        if da != 4 || !plausible_year(a as i64) {
            return None;
        }
        let spaced_slash = matches!(self.sep(k + 1), Some('/' | '-'));
        let to = self.is_w(k + 1, "to");
        if !spaced_slash && !to {
            return None;
        }
        let (b, db) = self.n(k + 2)?;
        let ok = match db {
            4 => b == a + 1,
            2 => to && b == (a + 1) % 100,
            _ => false,
        };
        // Part of a longer expression ("2024 to 2025 Q3" is fine; "2024 - 25 June" is not).
        if !ok || self.month_at(k + 3).is_some() {
            return None;
        }
        Some((a as i32, k + 3))
    }

    /// A year part at `k`, in any notation (see the module docs). A bare number is a year part
    /// only when it has four digits or an apostrophe ("'25"); "FY25" names one financial year.
    pub(crate) fn year_part(&self, k: usize) -> Option<YearRead> {
        let (name, k1) = match self.year_name(k) {
            Some((n, k1)) => (Some(n), k1),
            None => (None, k),
        };
        let (value, pair, mut next) = if let Some((s, next)) = self.year_pair(k1) {
            (s, true, next)
        } else if let Some(y) = self.year4(k1) {
            (y, false, k1 + 1)
        } else if let Some((y, next)) = self.yy_apos(k1) {
            (y, false, next)
        } else if let (Some(Named::Financial), Some((v, 2))) = (name, self.n(k1)) {
            if self.is_sep(k1 + 1, '/') {
                return None;
            }
            (super::calendar::expand_yy(v, self.r), false, k1 + 1)
        } else {
            return None;
        };
        // "2024/25 financial year", "2025/26 Municipal Year"
        let name = match name {
            Some(n) => Some(n),
            None => match self.year_name(next) {
                Some((n, after)) if n != Named::Financial || !self.is_w(next, "fye") => {
                    next = after;
                    Some(n)
                }
                _ => None,
            },
        };
        let part = match (name, pair) {
            (Some(Named::Civic), _) => YearPart::Civic(value),
            (Some(Named::Academic), _) => YearPart::Academic(value),
            (Some(Named::Financial), false) => YearPart::FinancialOne(value),
            (Some(Named::Calendar) | None, false) => YearPart::Calendar(value),
            (Some(Named::Financial | Named::Calendar) | None, true) => YearPart::Financial(value),
        };
        Some(YearRead {
            part,
            next,
            named: name.is_some(),
            pair,
        })
    }

    /// A year part after a period part, past a comma, a dash, "of", "in", "for", "the", or an
    /// opening bracket (its closing bracket is taken too).
    pub(crate) fn year_after_period(&self, k: usize) -> Option<YearRead> {
        let mut k = k;
        let mut open = false;
        for _ in 0..3 {
            if self.w_in(k, &["of", "in", "for", "the", "during"])
                || matches!(self.sep(k), Some(',' | '-'))
            {
                k += 1;
            } else if !open && matches!(self.sep(k), Some('(' | '[')) {
                open = true;
                k += 1;
            } else {
                break;
            }
        }
        // "summer next year", "October of this year": counted from the plan date.
        if let (Some(r), Some(off)) = (
            self.r,
            match self.w(k) {
                Some("this" | "current") => Some(0),
                Some("next" | "following" | "coming") => Some(1),
                Some("last" | "previous") => Some(-1),
                _ => None,
            },
        ) {
            if self.is_w(k + 1, "year") && !self.is_sep(k + 2, '\'') {
                use chrono::Datelike;
                return Some(YearRead {
                    part: YearPart::Calendar(r.year() + off),
                    next: k + 2,
                    named: false,
                    pair: false,
                });
            }
        }
        let mut y = self.year_part(k)?;
        if open && matches!(self.sep(y.next), Some(')' | ']')) {
            y.next += 1;
        }
        Some(y)
    }

    /// A year part followed by a quarter or half: "2024/25 Q3", "FY25 H1", "2025 Q1".
    pub(crate) fn year_first_at(&self, j: usize) -> Option<Base> {
        let y = self.year_part(j)?;
        let k = if self.is_sep(y.next, ',') {
            y.next + 1
        } else {
            y.next
        };
        let k = if self.is_w(k, "the") { k + 1 } else { k };
        let (p, next) = if let Some((n, next)) = self.quarter_number(k) {
            // "FY25 Q1-Q2", "civic year 2024/25 Q3/Q4": a range of quarters of that year.
            match self
                .connector(next)
                .filter(|(either, _)| !either)
                .and_then(|(_, c)| self.quarter_number(c))
            {
                Some((n2, next2)) if n2 > n => (PeriodPart::Quarters(n, n2), next2),
                _ => (PeriodPart::Quarter(n), next),
            }
        } else if let Some((n, next)) = self.half_number(k) {
            (PeriodPart::Half(n), next)
        } else if let Some((m, next, _)) = self.month_at(k).filter(|_| y.pair || y.named) {
            // "2025-26 April to June": a month of the financial year named first.
            (PeriodPart::Month(m), next)
        } else {
            return None;
        };
        // "2024/25 Q3 2024": a year after the period too; let the period read it.
        Some(self.compose(p, y.part, next))
    }

    /// A period part with its year: the one place where the two are put together.
    pub(crate) fn compose(&self, p: PeriodPart, y: YearPart, next: usize) -> Base {
        compose(p, y, next, self.s)
    }
}

/// The first month and year of a year part's year.
fn year_start(y: YearPart, s: &Settings) -> (i32, u32) {
    match y {
        YearPart::Calendar(y) => (y, 1),
        YearPart::Financial(y) | YearPart::FinancialOne(y) => (y, s.fy_month()),
        YearPart::Civic(y) => (y, s.civic_month()),
        YearPart::Academic(y) => (y, 9),
    }
}

/// The year in which a period starting in `month` starts, within the year starting at
/// (`y`, `first`).
fn place(month: u32, (y, first): (i32, u32)) -> i32 {
    if month >= first {
        y
    } else {
        y + 1
    }
}

/// Months `from..from+len` of a year as a range of months (for quarters of civic and academic
/// years, which have no quarter expression of their own).
fn months(y: i32, m: u32, len: i32) -> Expr {
    let (y2, m2) = add_months(y, m, len - 1);
    Expr::Range {
        a: Box::new(Expr::Month { y: Some(y), m }),
        b: Box::new(Expr::Month { y: Some(y2), m: m2 }),
        either: false,
    }
}

/// See [`P::compose`].
pub(crate) fn compose(p: PeriodPart, y: YearPart, next: usize, s: &Settings) -> Base {
    if let YearPart::FinancialOne(v) = y {
        let a = compose(p, YearPart::Financial(v - 1), next, s).e;
        let b = compose(p, YearPart::Financial(v), next, s).e;
        return Base::new(make_range(a, b, true, s), next).medium(format!(
            "{} of a financial year named by one year ({v}): the year ending in {v} or the one \
             starting in it; the deadline covers both",
            p.title()
        ));
    }
    let start = year_start(y, s);
    let counted = |n: u32, len: u32| {
        let (qy, qm) = add_months(start.0, start.1, (len * (n - 1)) as i32);
        months(qy, qm, len as i32)
    };
    match p {
        PeriodPart::Month(m) => Base::new(
            Expr::Month {
                y: Some(place(m, start)),
                m,
            },
            next,
        ),
        PeriodPart::Season(idx) => {
            let (first, _) = s.season(idx);
            Base::new(
                Expr::Season {
                    s: idx,
                    key: Some(place(first, start)),
                },
                next,
            )
        }
        PeriodPart::Quarters(a, b) => {
            let first = compose(PeriodPart::Quarter(a), y, next, s);
            let last = compose(PeriodPart::Quarter(b), y, next, s);
            let mut r = Base::new(make_range(first.e, last.e, false, s), next);
            r.conf = first.conf;
            r.note = first.note;
            r
        }
        PeriodPart::Quarter(n) | PeriodPart::Half(n) => {
            let quarter = matches!(p, PeriodPart::Quarter(_));
            let make = |key: i32, basis: QuarterBasis| {
                if quarter {
                    Expr::Quarter {
                        n,
                        key: Some(key),
                        basis,
                    }
                } else {
                    Expr::Half {
                        n,
                        key: Some(key),
                        basis,
                    }
                }
            };
            match y {
                YearPart::Financial(k) => Base::new(make(k, QuarterBasis::Financial), next),
                YearPart::Civic(_) | YearPart::Academic(_) => {
                    Base::new(counted(n, if quarter { 3 } else { 6 }), next)
                }
                YearPart::Calendar(k) => {
                    let cal = Base::new(make(k, QuarterBasis::Calendar), next);
                    if !quarter || s.quarter_basis == QuarterBasis::Calendar {
                        return cal;
                    }
                    match s.quarter_in_calendar_year {
                        Some(QuarterBasis::Calendar) => cal,
                        Some(QuarterBasis::Financial) => {
                            // The financial-year quarter falling in that calendar year.
                            let m0 = s.fy_month() as i32 + 3 * (n as i32 - 1);
                            let key = if m0 > 12 { k - 1 } else { k };
                            Base::new(make(key, QuarterBasis::Financial), next)
                        }
                        None => {
                            let fin_key = if s.fy_month() as i32 + 3 * (n as i32 - 1) > 12 {
                                k - 1
                            } else {
                                k
                            };
                            let fin = make(fin_key, QuarterBasis::Financial);
                            let fin_end = fin
                                .period(s, None)
                                .map(|(_, b)| b.to_string())
                                .unwrap_or_default();
                            let mut b = cal.medium(format!(
                                "Q{n} {k} read as a calendar quarter (one calendar year, no \
                                 financial year named); as a financial-year quarter it would \
                                 end {fin_end}"
                            ));
                            b.conf = Confidence::Medium;
                            b
                        }
                    }
                }
                YearPart::FinancialOne(k) => Base::new(make(k, QuarterBasis::Financial), next),
            }
        }
    }
}

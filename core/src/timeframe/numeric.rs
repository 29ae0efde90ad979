//! Dates in numbers: "31/03/2025", "31.03.25", "2025-03-31", "06/25", "24/06", and the
//! pieces other patterns share (years, two-digit years, day numbers, financial-year pairs).

use chrono::NaiveDate;

use super::calendar::{expand_yy, max_days, plausible_year};
use super::expr::Expr;
use super::phrases::{Base, ORDINAL_SUFFIX, P};

impl<'t, 'a> P<'t, 'a> {
    pub(super) fn year4(&self, j: usize) -> Option<i32> {
        let (v, d) = self.n(j)?;
        (d == 4 && plausible_year(v as i64)).then_some(v as i32)
    }

    /// "'25"
    pub(super) fn yy_apos(&self, j: usize) -> Option<(i32, usize)> {
        if self.is_sep(j, '\'') {
            if let Some((v, 2)) = self.n(j + 1) {
                if self.tight(j + 1) {
                    return Some((expand_yy(v, self.r), j + 2));
                }
            }
        }
        None
    }

    /// A day number with an optional ordinal suffix ("24", "24th", "24 th").
    pub(super) fn day_num(&self, j: usize) -> Option<(u32, usize, bool)> {
        let (v, d) = self.n(j)?;
        if d > 2 || !(1..=31).contains(&v) {
            return None;
        }
        if self.w_in(j + 1, &ORDINAL_SUFFIX) {
            return Some((v, j + 2, true));
        }
        Some((v, j + 1, false))
    }

    /// "2024/25", "2024-25", "2024/2025", "24/25": the start year.
    pub(super) fn fy_pair(&self, k: usize) -> Option<(i32, usize)> {
        let (a, da) = self.n(k)?;
        if !matches!(self.sep(k + 1), Some('/' | '-')) || !self.tight(k + 1) || !self.tight(k + 2) {
            return None;
        }
        let (b, db) = self.n(k + 2)?;
        // Part of a longer numeric date ("24/25/2025" is not a financial year).
        if matches!(self.sep(k + 3), Some('/' | '-' | '.'))
            && self.tight(k + 3)
            && self.n(k + 4).is_some()
        {
            return None;
        }
        match (da, db) {
            (4, 2) if plausible_year(a as i64) && b == (a + 1) % 100 => Some((a as i32, k + 3)),
            (4, 4) if plausible_year(a as i64) && b == a + 1 => Some((a as i32, k + 3)),
            (2, 2) if b == (a + 1) % 100 => {
                // "24-25 June" is a day range.
                if self.month_at(k + 3).is_some() {
                    return None;
                }
                Some((expand_yy(a, self.r), k + 3))
            }
            _ => None,
        }
    }

    pub(super) fn triple_shape(&self, j: usize) -> bool {
        let s1 = self.sep(j + 1);
        self.n(j).is_some()
            && matches!(s1, Some('/' | '.' | '-'))
            && self.tight(j + 1)
            && self.n(j + 2).is_some()
            && self.tight(j + 2)
            && self.sep(j + 3) == s1
            && self.tight(j + 3)
            && self.n(j + 4).is_some()
            && self.tight(j + 4)
    }

    /// "31/03/2025", "31.03.25", "2025-03-31".
    pub(super) fn numeric_triple(&self, j: usize) -> Option<Base> {
        if !self.triple_shape(j) {
            return None;
        }
        let (a, da) = self.n(j)?;
        let (b, db) = self.n(j + 2)?;
        let (c, dc) = self.n(j + 4)?;
        if da == 4 {
            let d = NaiveDate::from_ymd_opt(a as i32, b, c)?;
            if !plausible_year(a as i64) || db > 2 || dc > 2 {
                return None;
            }
            let _ = d;
            return Some(Base::new(
                Expr::Day {
                    y: Some(a as i32),
                    m: b,
                    d: c,
                },
                j + 5,
            ));
        }
        if da > 2 || db > 2 {
            return None;
        }
        let y = match dc {
            4 if plausible_year(c as i64) => c as i32,
            2 => expand_yy(c, self.r),
            _ => return None,
        };
        if b > 12 && a <= 12 {
            NaiveDate::from_ymd_opt(y, a, b)?;
            return Some(
                Base::new(
                    Expr::Day {
                        y: Some(y),
                        m: a,
                        d: b,
                    },
                    j + 5,
                )
                .medium(format!(
                    "read month first ({a:02}/{b:02}): {b} cannot be a month"
                )),
            );
        }
        NaiveDate::from_ymd_opt(y, b, a)?;
        Some(Base::new(
            Expr::Day {
                y: Some(y),
                m: b,
                d: a,
            },
            j + 5,
        ))
    }

    /// "06/2025", "06/25" (June 2025), "24/06" (24 June, no year).
    pub(super) fn numeric_pair(&self, j: usize) -> Option<Base> {
        let (a, da) = self.n(j)?;
        if !matches!(self.sep(j + 1), Some('/' | '.')) || !self.tight(j + 1) || !self.tight(j + 2) {
            return None;
        }
        let (b, db) = self.n(j + 2)?;
        if da > 2 {
            return None;
        }
        // With a dot only "06.2025": "3.12" is a section number, "10.30" a time.
        if self.is_sep(j + 1, '.') && db != 4 {
            return None;
        }
        let next = j + 3;
        if (1..=12).contains(&a) && db == 4 && plausible_year(b as i64) {
            return Some(Base::new(
                Expr::Month {
                    y: Some(b as i32),
                    m: a,
                },
                next,
            ));
        }
        if (1..=12).contains(&a) && db == 2 {
            let y = expand_yy(b, self.r);
            if b > 12 || b == 0 {
                return Some(Base::new(Expr::Month { y: Some(y), m: a }, next));
            }
            let year_fits = self
                .r
                .is_some_and(|r| (y - chrono::Datelike::year(&r)).abs() <= 2);
            if year_fits {
                return Some(
                    Base::new(Expr::Month { y: Some(y), m: a }, next).medium(format!(
                    "{a:02}/{b:02} read as month/year ({y} is near the plan date), not day/month"
                )),
                );
            }
            if a <= max_days(b) {
                return Some(
                    Base::new(
                        Expr::Day {
                            y: None,
                            m: b,
                            d: a,
                        },
                        next,
                    )
                    .medium(format!("{a:02}/{b:02} read as day/month (UK order)")),
                );
            }
            return None;
        }
        if (13..=31).contains(&a) && db <= 2 && (1..=12).contains(&b) && a <= max_days(b) {
            return Some(Base::new(
                Expr::Day {
                    y: None,
                    m: b,
                    d: a,
                },
                next,
            ));
        }
        None
    }

    /// A year after a day and month: "2025", "'25", "25".
    pub(super) fn year_after_day(&self, k: usize) -> Option<(i32, usize)> {
        let k = if matches!(self.sep(k), Some(',' | '-' | '/' | '.')) {
            k + 1
        } else {
            k
        };
        if let Some(y) = self.year4(k) {
            return Some((y, k + 1));
        }
        if let Some(x) = self.yy_apos(k) {
            return Some(x);
        }
        if let Some((v, 2)) = self.n(k) {
            if self.month_at(k + 1).is_none()
                && !self.w_in(k + 1, &ORDINAL_SUFFIX)
                && !self.is_sep(k + 1, ':')
            {
                return Some((expand_yy(v, self.r), k + 1));
            }
        }
        None
    }
}

//! Dates in words: months (with typos, and "May" the verb told apart), days with months,
//! financial years, quarters and halves, seasons, single years and weeks commencing.

use chrono::NaiveDate;

use super::calendar::{expand_yy, max_days, month_title, month_word};
use super::expr::{make_range, Expr, Part};
use super::grammar::{PeriodPart, YearPart};
use super::phrases::{number_word, ordinal_word, Base, ORDINAL_SUFFIX, P};

pub(super) const MAY_FOLLOWERS: [&str; 16] = [
    "be", "not", "need", "have", "also", "require", "include", "take", "change", "help", "vary",
    "well", "want", "wish", "result", "only",
];

pub(super) const MAY_PRECEDERS: [&str; 17] = [
    "by", "in", "during", "until", "till", "before", "from", "of", "end", "early", "mid", "late",
    "and", "or", "to", "after", "since",
];

pub(super) const YEAR_FOLLOWERS: [&str; 24] = [
    "onwards",
    "onward",
    "and",
    "or",
    "to",
    "until",
    "till",
    "then",
    "ongoing",
    "year",
    "end",
    "yearend",
    "elections",
    "election",
    "q",
    "qtr",
    "quarter",
    "h",
    "through",
    "thru",
    "budget",
    "at",
    "latest",
    "tbc",
];

pub(super) const DATE_PREPS: [&str; 26] = [
    "by",
    "in",
    "during",
    "until",
    "till",
    "before",
    "from",
    "of",
    "end",
    "early",
    "mid",
    "late",
    "and",
    "or",
    "to",
    "after",
    "since",
    "for",
    "within",
    "throughout",
    "than",
    "beyond",
    "around",
    "circa",
    "approx",
    "about",
];

pub(super) fn ordinal_text(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, x) if x != 11 => "st",
        (2, x) if x != 12 => "nd",
        (3, x) if x != 13 => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

impl<'t, 'a> P<'t, 'a> {
    /// A month word, with an optional abbreviation dot.
    pub(super) fn month_at(&self, j: usize) -> Option<(u32, usize, bool)> {
        let w = self.w(j)?;
        let (m, typo) = month_word(w)?;
        if m == 5 && w == "may" && !self.may_is_month(j) {
            return None;
        }
        if m == 3 && w == "mar" && self.w(j + 1).is_some() && !self.t[j].cap {
            // "mar" the verb
            return None;
        }
        let mut k = j + 1;
        if self.is_sep(k, '.') && self.tight(k) {
            k += 1;
        }
        Some((m, k, typo))
    }

    pub(super) fn may_is_month(&self, j: usize) -> bool {
        if self.w_in(j + 1, &MAY_FOLLOWERS) {
            return false;
        }
        if self.t[j].cap {
            return true;
        }
        if self.n(j + 1).is_some() || self.yy_apos(j + 1).is_some() {
            return true;
        }
        if matches!(self.sep(j + 1), Some('-' | '/' | '.' | ',')) && self.n(j + 2).is_some() {
            return true;
        }
        if j == 0 {
            return self.end_or_sep(j + 1);
        }
        let p = j - 1;
        self.n(p).is_some()
            || self.w_in(p, &ORDINAL_SUFFIX)
            || self.w_in(p, &MAY_PRECEDERS)
            || matches!(self.sep(p), Some('-' | '/' | '(' | ',' | '&'))
            || self.is_break(p)
    }

    /// Financial (and civic, academic) years standing alone, in every notation of
    /// [`P::year_part`] ("FY24/25", "2024/25 financial year", "civic year 2025/26"), with an
    /// optional "Budget" prefix ("Budget 2024/25") and "year end" after them. A bare calendar
    /// year is left to [`P::year_at`].
    pub(super) fn fy_at(&self, j: usize) -> Option<Base> {
        let mut k = j;
        let mut budget = false;
        if self.is_w(k, "budget") {
            budget = true;
            k += 1;
            if self.w_in(k, &["setting", "for", "year"]) {
                k += 1;
            }
        }
        let mut base = match self.year_part(k) {
            // "2024 to 2025" alone is two calendar years; after a period it is a year part.
            Some(y) if y.named || (y.pair && !self.is_w(k + 1, "to")) => {
                let e = match y.part {
                    YearPart::Financial(v) => Expr::FinancialYear {
                        key: Some(v),
                        budget,
                    },
                    YearPart::FinancialOne(v) => {
                        let e = make_range(
                            Expr::FinancialYear {
                                key: Some(v - 1),
                                budget,
                            },
                            Expr::FinancialYear {
                                key: Some(v),
                                budget,
                            },
                            true,
                            self.s,
                        );
                        return Some(self.year_end_after(Base::new(e, y.next).medium(format!(
                            "a financial year named by one year ({v}) may end in {v} or start in it"
                        ))));
                    }
                    YearPart::Civic(v) => Expr::CivicYear { key: Some(v) },
                    YearPart::Academic(v) => Expr::AcademicYear { key: Some(v) },
                    YearPart::Calendar(v) => Expr::CalendarYear { key: Some(v) },
                };
                Base::new(e, y.next)
            }
            Some(_) => return None,
            None => {
                // "financial year", "FY" without a number: the year is found later.
                let named = matches!(self.w(k), Some("fy" | "fye"))
                    || (self.w_in(k, &["financial", "fiscal", "fin", "finance"])
                        && self.w_in(k + 1, &["year", "yr"]));
                if !named || budget {
                    return None;
                }
                let next = if self.w_in(k, &["fy", "fye"]) {
                    k + 1
                } else {
                    k + 2
                };
                Base::new(
                    Expr::FinancialYear {
                        key: None,
                        budget: false,
                    },
                    next,
                )
            }
        };
        if let (Some(_), Expr::FinancialYear { .. }) = (base.e.key(), &base.e) {
            base = self.year_end_after(base);
        }
        Some(base)
    }

    /// "year end" after a year: its last day.
    fn year_end_after(&self, mut base: Base) -> Base {
        if let Some(next) = self.year_end_words(base.next) {
            base.post = Some(Part::End);
            base.next = next;
        }
        base
    }

    /// "year end", "year-end", "yearend", "end"
    pub(super) fn year_end_words(&self, k: usize) -> Option<usize> {
        if self.is_w(k, "yearend") {
            return Some(k + 1);
        }
        if self.is_w(k, "year") {
            if self.is_w(k + 1, "end") {
                return Some(k + 2);
            }
            if self.is_sep(k + 1, '-') && self.is_w(k + 2, "end") {
                return Some(k + 3);
            }
        }
        None
    }

    /// "Q3", "Qtr 3", "Quarter three", "third quarter", "3rd Qtr": the quarter number.
    pub(super) fn quarter_number(&self, j: usize) -> Option<(u32, usize)> {
        let quarter_words = [
            "q",
            "qtr",
            "qtrs",
            "qrt",
            "qr",
            "quarter",
            "quater",
            "quarter's",
        ];
        if self.w_in(j, &quarter_words) {
            let mut k = j + 1;
            if matches!(self.sep(k), Some('.' | ':')) {
                k += 1;
            }
            if let Some((v, 1)) = self.n(k) {
                if (1..=4).contains(&v) {
                    let next = if self.w_in(k + 1, &ORDINAL_SUFFIX) && self.tight(k + 1) {
                        k + 2
                    } else {
                        k + 1
                    };
                    return Some((v, next));
                }
            }
            if let Some(v) = self
                .w(k)
                .and_then(|w| number_word(w).or_else(|| ordinal_word(w)))
            {
                if (1..=4).contains(&v) && !self.is_w(j, "q") {
                    return Some((v, k + 1));
                }
            }
            let roman = match self.w(k) {
                Some("i") => Some(1),
                Some("ii") => Some(2),
                Some("iii") => Some(3),
                Some("iv") => Some(4),
                _ => None,
            };
            if let Some(v) = roman {
                if !self.is_w(j, "q") {
                    return Some((v, k + 1));
                }
            }
            return None;
        }
        // "third quarter", "3rd quarter", "final quarter"
        let (v, k) = if let Some(v) = self.w(j).and_then(ordinal_word) {
            (v, j + 1)
        } else if let Some((v, 1)) = self.n(j) {
            if self.w_in(j + 1, &ORDINAL_SUFFIX) {
                (v, j + 2)
            } else {
                return None;
            }
        } else {
            return None;
        };
        if (1..=4).contains(&v) && self.w_in(k, &["quarter", "qtr", "quater"]) {
            return Some((v, k + 1));
        }
        None
    }

    /// "H1", "first half", "2nd half".
    pub(super) fn half_number(&self, j: usize) -> Option<(u32, usize)> {
        if self.is_w(j, "h") {
            if let Some((v, 1)) = self.n(j + 1) {
                if (1..=2).contains(&v) && self.tight(j + 1) {
                    return Some((v, j + 2));
                }
            }
            return None;
        }
        let (v, k) = match self.w(j) {
            Some("first") => (1, j + 1),
            Some("second") => (2, j + 1),
            _ => match self.n(j) {
                Some((v @ 1..=2, 1)) if self.w_in(j + 1, &ORDINAL_SUFFIX) => (v, j + 2),
                _ => return None,
            },
        };
        if self.is_w(k, "half") {
            let mut k = k + 1;
            if self.w_in(k, &["year", "of"]) {
                k += 1;
            }
            if self.is_w(k, "the") {
                k += 1;
            }
            return Some((v, k));
        }
        None
    }

    /// "Q3", "Q3 2024/25", "third quarter of the 2024/25 financial year", "Qtr 3 (Oct-Dec)
    /// 2024/25": a quarter with its year part (any notation, see `grammar.rs`), or without.
    pub(super) fn quarter_at(&self, j: usize) -> Option<Base> {
        let (n, mut k) = self.quarter_number(j)?;
        // "Q3 (Oct-Dec) 2024/25": the bracket names the quarter's months; the year follows it.
        if self.is_sep(k, '(') {
            if let Some(close) = (k + 1..(k + 12).min(self.t.len())).find(|&x| self.is_sep(x, ')'))
            {
                if self.year_after_period(close + 1).is_some() {
                    k = close + 1;
                }
            }
        }
        if let Some(y) = self.year_after_period(k) {
            return Some(self.compose(PeriodPart::Quarter(n), y.part, y.next));
        }
        Some(Base::new(
            Expr::Quarter {
                n,
                key: None,
                basis: self.s.quarter_basis,
            },
            k,
        ))
    }

    /// "H1 2025", "second half of 2024/25", "H2": a half with its year part, or without.
    pub(super) fn half_at(&self, j: usize) -> Option<Base> {
        let (n, k) = self.half_number(j)?;
        if let Some(y) = self.year_after_period(k) {
            return Some(self.compose(PeriodPart::Half(n), y.part, y.next));
        }
        if self.is_w(j, "h") {
            return Some(Base::new(
                Expr::Half {
                    n,
                    key: None,
                    basis: self.s.quarter_basis,
                },
                k,
            ));
        }
        None
    }

    /// "24th June 2025", "24 th June", "1st of April", "31-Mar-25".
    pub(super) fn day_month_at(&self, j: usize) -> Option<Base> {
        let (d, mut k, _) = self.day_num(j)?;
        if self.is_w(k, "of") || (matches!(self.sep(k), Some('-' | '/' | '.')) && self.tight(k)) {
            k += 1;
        }
        let (m, k2, typo) = self.month_at(k)?;
        if d > max_days(m) {
            return None;
        }
        let (y, next) = match self.year_after_day(k2) {
            Some((y, next)) => {
                NaiveDate::from_ymd_opt(y, m, d)?;
                (Some(y), next)
            }
            None => (None, k2),
        };
        let mut b = Base::new(Expr::Day { y, m, d }, next);
        if typo {
            b = b.medium(format!("month name read as {}", month_title(m)));
        }
        Some(b)
    }

    /// "March 2025", "Mar-25", "Sept. 2023", "March '25", "June 24th 2025", "June".
    pub(super) fn month_first_at(&self, j: usize) -> Option<Base> {
        let (m, k, typo) = self.month_at(j)?;
        let typo_note = |b: Base| {
            if typo {
                b.medium(format!("month name read as {}", month_title(m)))
            } else {
                b
            }
        };
        // The year part, in any notation: "March 2025", "March 2024/25", "March, FY25",
        // "March (2025)", "March of 2025".
        if let Some(y) = self.year_after_period(k) {
            return Some(typo_note(self.compose(
                PeriodPart::Month(m),
                y.part,
                y.next,
            )));
        }
        let joined =
            matches!(self.sep(k), Some('-' | '/' | '.')) && self.tight(k) && self.tight(k + 1);
        let k2 = if matches!(self.sep(k), Some('-' | '/' | '.' | ',')) {
            k + 1
        } else {
            k
        };
        if let Some(y) = self.year4(k2) {
            return Some(typo_note(Base::new(Expr::Month { y: Some(y), m }, k2 + 1)));
        }
        if let Some((y, next)) = self.yy_apos(k2) {
            return Some(typo_note(Base::new(Expr::Month { y: Some(y), m }, next)));
        }
        if let Some((v, dg)) = self.n(k2) {
            let no_sep = k2 == k;
            if dg == 2 && (joined || (no_sep && self.tight(k2))) {
                // Mon-YY: "Mar-25" is March 2025, never the 25th of March.
                let y = expand_yy(v, self.r);
                return Some(typo_note(Base::new(Expr::Month { y: Some(y), m }, k2 + 1)));
            }
            if no_sep && dg <= 2 && (1..=max_days(m)).contains(&v) {
                let ordinal = self.w_in(k2 + 1, &ORDINAL_SUFFIX);
                let after = if ordinal { k2 + 2 } else { k2 + 1 };
                if let Some((y, next)) = {
                    let a = if self.is_sep(after, ',') {
                        after + 1
                    } else {
                        after
                    };
                    self.year4(a).map(|y| (y, a + 1)).or_else(|| {
                        if ordinal {
                            self.yy_apos(a)
                        } else {
                            None
                        }
                    })
                } {
                    NaiveDate::from_ymd_opt(y, m, v)?;
                    return Some(typo_note(Base::new(
                        Expr::Day {
                            y: Some(y),
                            m,
                            d: v,
                        },
                        next,
                    )));
                }
                if ordinal || dg == 1 {
                    return Some(typo_note(Base::new(Expr::Day { y: None, m, d: v }, after)));
                }
                // "June 24": June 2024 or the 24th of June?
                let y = expand_yy(v, self.r);
                let year_fits = match self.r {
                    Some(r) => (y - chrono::Datelike::year(&r)).abs() <= 3,
                    None => true,
                };
                if year_fits {
                    return Some(
                        Base::new(Expr::Month { y: Some(y), m }, after).medium(format!(
                            "\"{} {v}\" read as {} {y} (month and two-digit year), not the {}",
                            month_title(m),
                            month_title(m),
                            ordinal_text(v)
                        )),
                    );
                }
                return Some(
                    Base::new(Expr::Day { y: None, m, d: v }, after).medium(format!(
                        "\"{} {v}\" read as the {} of {} ({y} is far from the plan date)",
                        month_title(m),
                        ordinal_text(v),
                        month_title(m)
                    )),
                );
            }
            if no_sep && dg == 2 && v > 31 {
                let y = expand_yy(v, self.r);
                return Some(
                    Base::new(Expr::Month { y: Some(y), m }, k2 + 1).medium(format!(
                        "\"{} {v}\" read as {} {y}",
                        month_title(m),
                        month_title(m)
                    )),
                );
            }
        }
        Some(typo_note(Base::new(Expr::Month { y: None, m }, k)))
    }

    pub(super) fn season_at(&self, j: usize) -> Option<Base> {
        let w = self.w(j)?;
        let s = match w {
            "spring" => 0,
            "summer" => 1,
            "autumn" | "fall" => 2,
            "winter" => 3,
            _ => {
                // "Sprimg 2025": a misspelt season, read only with its year, with low
                // confidence and the correction named.
                let s = super::checks::season_typo(w)?;
                let mut k = j + 1;
                if self.w_in(k, &["term", "season"]) {
                    k += 1;
                }
                let y = self.year_after_period(k)?;
                let title = ["Spring", "Summer", "Autumn", "Winter"][s];
                return Some(
                    self.compose(PeriodPart::Season(s), y.part, y.next)
                        .low(format!("read '{w}' as {title}")),
                );
            }
        };
        let mut k = j + 1;
        if self.w_in(k, &["term", "season"]) {
            k += 1;
        }
        if let Some(y) = self.year_after_period(k) {
            return Some(self.compose(PeriodPart::Season(s), y.part, y.next));
        }
        if self.w_in(k, &["of", "in"]) || matches!(self.sep(k), Some(',' | '-')) {
            k += 1;
        }
        if let Some((v, 2)) = self.n(k) {
            if !self.w_in(k + 1, &ORDINAL_SUFFIX) {
                return Some(Base::new(
                    Expr::Season {
                        s,
                        key: Some(expand_yy(v, self.r)),
                    },
                    k + 1,
                ));
            }
        }
        if self.is_w(j, "fall") {
            return None;
        }
        Some(Base::new(Expr::Season { s, key: None }, j + 1))
    }

    /// A standalone year ("2025", "by 2030"), with a check that it is not a count ("2000 homes").
    pub(super) fn year_at(&self, j: usize) -> Option<Base> {
        let y = self.year4(j)?;
        if j > 0 && matches!(self.sep(j - 1), Some('£' | '$' | '€' | '#')) {
            return None;
        }
        if matches!(self.sep(j + 1), Some('%')) {
            return None;
        }
        let prev_prep = j > 0 && self.w_in(j - 1, &DATE_PREPS);
        if let Some(next) = self.w(j + 1) {
            if next == "elections" || next == "election" {
                return Some(
                    Base::new(Expr::Election { key: Some(y) }, j + 2).medium(format!(
                        "local elections are held in {}",
                        month_title(self.s.election_m())
                    )),
                );
            }
            if !prev_prep && !YEAR_FOLLOWERS.contains(&next) && self.month_at(j + 1).is_none() {
                return None;
            }
        }
        // "2021-23", "2018/20": a range of calendar years written with a two-digit end (two
        // consecutive years are a financial year, read by `fy_at`).
        if matches!(self.sep(j + 1), Some('-' | '/')) && self.tight(j + 1) && self.tight(j + 2) {
            if let Some((b, 2)) = self.n(j + 2) {
                let end = y - y.rem_euclid(100) + b as i32;
                if end > y + 1 && end <= y + 10 && !matches!(self.sep(j + 3), Some('/' | '-' | '.'))
                {
                    let e = Expr::Range {
                        a: Box::new(Expr::CalendarYear { key: Some(y) }),
                        b: Box::new(Expr::CalendarYear { key: Some(end) }),
                        either: false,
                    };
                    return Some(Base::new(e, j + 3).medium(format!(
                        "{y}-{b:02} read as the calendar years {y} to {end}; as financial years \
                         it would end on 31 March {end}"
                    )));
                }
            }
        }
        let mut b = Base::new(Expr::CalendarYear { key: Some(y) }, j + 1);
        if let Some(next) = self.year_end_words(j + 1) {
            b.post = Some(Part::End);
            b.next = next;
        }
        Some(b)
    }

    /// "w/c 3 March 2025", "week commencing 3 March", "w/b 3/3/25".
    pub(super) fn week_at(&self, j: usize) -> Option<Base> {
        let k = if self.is_w(j, "w") && self.is_sep(j + 1, '/') && self.w_in(j + 2, &["c", "b"]) {
            j + 3
        } else if self.w_in(j, &["wc", "wb"]) {
            j + 1
        } else if self.is_w(j, "week")
            && self.w_in(j + 1, &["commencing", "beginning", "starting", "of"])
        {
            j + 2
        } else {
            return None;
        };
        let k = if matches!(self.sep(k), Some('.' | ':')) {
            k + 1
        } else {
            k
        };
        // "Week commencing 14 or 21 October 2019": either week.
        if let Some(r) = self.day_range_at(k) {
            if let Expr::Range { a, b, either } = r.e {
                if let (
                    Expr::Day {
                        y: ya,
                        m: ma,
                        d: da,
                    },
                    Expr::Day {
                        y: yb,
                        m: mb,
                        d: db,
                    },
                ) = (*a, *b)
                {
                    let wa = Expr::Week {
                        y: ya,
                        m: ma,
                        d: da,
                    };
                    let wb = Expr::Week {
                        y: yb,
                        m: mb,
                        d: db,
                    };
                    let mut w = Base::new(make_range(wa, wb, either, self.s), r.next);
                    w.conf = r.conf;
                    w.note = Some("week commencing: due on a day of that week".into());
                    return Some(w);
                }
            }
        }
        let b = self
            .numeric_triple(k)
            .or_else(|| self.day_month_at(k))
            .or_else(|| self.numeric_pair(k))
            .or_else(|| self.month_first_at(k))?;
        if let Expr::Day { y, m, d } = b.e {
            let mut w = Base::new(Expr::Week { y, m, d }, b.next);
            w.conf = b.conf;
            w.note = Some("week commencing: due on a day of that week".into());
            return Some(w);
        }
        None
    }
}

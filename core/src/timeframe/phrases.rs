//! Pattern matching over tokens: finds the date expressions in a phrase, the words that give
//! them a role ("by", "from", "before", "extended from"), and the flags (ongoing, recurring,
//! conditional, a status word).
//!
//! Every pattern looks a bounded number of tokens ahead, and the scan moves forward at every
//! step, so the work is linear in the length of the phrase.

use chrono::NaiveDate;

use super::calendar::{expand_yy, max_days, month_word, plausible_year};
use super::expr::{make_range, Expr, Part};
use super::settings::{QuarterBasis, Settings};
use super::tokens::{Tk, Token};
use super::{Confidence, StatusWord};

/// What a date does in its phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// A period or day the action is due in.
    Plain,
    /// A deadline only ("by", "no later than", "until").
    By,
    /// Due before it ("before", "prior to").
    Before,
    /// A start ("from", "commence").
    Start,
    /// A start after it ("after", "following").
    After,
    /// The date a revised deadline replaced ("extended from").
    RevisedFrom,
    /// The revised deadline ("extended to", "now").
    RevisedTo,
}

/// A year taken relative to the reference date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rel {
    /// "this", "current": the one the reference date falls in.
    This,
    /// "next", "following": the first one starting after the reference date.
    Next,
    /// "new": the first one starting on or after the reference date.
    New,
    /// "last", "previous".
    Last,
}

/// One date expression found in a phrase.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    pub expr: Expr,
    pub part: Option<Part>,
    pub role: Role,
    /// Event words ("Annual Council", "Cabinet") stand between the role word and the date.
    pub event: bool,
    /// Token positions.
    pub pos: usize,
    pub end: usize,
    pub bracketed: bool,
    pub rel: Option<Rel>,
    pub conf: Confidence,
    pub note: Option<String>,
}

/// Everything found in a phrase.
#[derive(Debug, Default)]
pub(crate) struct Scanned {
    pub mentions: Vec<Mention>,
    pub ongoing: bool,
    /// Times a year (when known) and the byte span of the words that said so.
    pub recurrence: Option<(Option<u32>, usize, usize)>,
    pub conditional: bool,
    pub status: Option<StatusWord>,
    /// "annual" as an adjective (a recurrence only when nothing else is dated).
    pub annual: Option<(usize, usize)>,
    pub notes: Vec<String>,
}

struct Base {
    e: Expr,
    next: usize,
    conf: Confidence,
    note: Option<String>,
    rel: Option<Rel>,
    post: Option<Part>,
}

impl Base {
    fn new(e: Expr, next: usize) -> Self {
        Base {
            e,
            next,
            conf: Confidence::High,
            note: None,
            rel: None,
            post: None,
        }
    }
    fn medium(mut self, note: String) -> Self {
        self.conf = Confidence::Medium;
        self.note = Some(note);
        self
    }
}

const ORDINAL_SUFFIX: [&str; 4] = ["st", "nd", "rd", "th"];
const MAY_FOLLOWERS: [&str; 16] = [
    "be", "not", "need", "have", "also", "require", "include", "take", "change", "help", "vary",
    "well", "want", "wish", "result", "only",
];
const MAY_PRECEDERS: [&str; 17] = [
    "by", "in", "during", "until", "till", "before", "from", "of", "end", "early", "mid", "late",
    "and", "or", "to", "after", "since",
];
const EVENT_WORDS: [&str; 14] = [
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
const YEAR_FOLLOWERS: [&str; 24] = [
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
const DATE_PREPS: [&str; 26] = [
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

fn ordinal_text(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, x) if x != 11 => "st",
        (2, x) if x != 12 => "nd",
        (3, x) if x != 13 => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

fn number_word(w: &str) -> Option<u32> {
    Some(match w {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        _ => return None,
    })
}

fn ordinal_word(w: &str) -> Option<u32> {
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "final" | "last" => 4,
        _ => return None,
    })
}

/// Times a year for a unit word.
fn per_unit(w: &str) -> Option<u32> {
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

/// The parser state over one phrase's tokens.
pub(crate) struct P<'t, 'a> {
    t: &'t [Token<'a>],
    r: Option<NaiveDate>,
    s: &'t Settings,
}

impl<'t, 'a> P<'t, 'a> {
    pub(crate) fn new(t: &'t [Token<'a>], r: Option<NaiveDate>, s: &'t Settings) -> Self {
        P { t, r, s }
    }

    fn w(&self, j: usize) -> Option<&'a str> {
        match self.t.get(j) {
            Some(t) if t.kind == Tk::Word => Some(t.text),
            _ => None,
        }
    }
    fn is_w(&self, j: usize, x: &str) -> bool {
        self.w(j) == Some(x)
    }
    fn w_in(&self, j: usize, xs: &[&str]) -> bool {
        self.w(j).is_some_and(|w| xs.contains(&w))
    }
    fn n(&self, j: usize) -> Option<(u32, u8)> {
        match self.t.get(j) {
            Some(t) if t.kind == Tk::Num => Some((t.num, t.digits)),
            _ => None,
        }
    }
    fn sep(&self, j: usize) -> Option<char> {
        match self.t.get(j) {
            Some(Token {
                kind: Tk::Sep(c), ..
            }) => Some(*c),
            _ => None,
        }
    }
    fn is_sep(&self, j: usize, c: char) -> bool {
        self.sep(j) == Some(c)
    }
    /// No whitespace before token j (and it exists).
    fn tight(&self, j: usize) -> bool {
        self.t.get(j).is_some_and(|t| !t.space)
    }
    fn is_break(&self, j: usize) -> bool {
        matches!(
            self.t.get(j),
            Some(Token {
                kind: Tk::Break,
                ..
            })
        )
    }
    fn end_or_sep(&self, j: usize) -> bool {
        match self.t.get(j) {
            None => true,
            Some(t) => matches!(t.kind, Tk::Sep(_) | Tk::Break),
        }
    }

    // ----- small pieces -----

    fn year4(&self, j: usize) -> Option<i32> {
        let (v, d) = self.n(j)?;
        (d == 4 && plausible_year(v as i64)).then_some(v as i32)
    }

    /// "'25"
    fn yy_apos(&self, j: usize) -> Option<(i32, usize)> {
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
    fn day_num(&self, j: usize) -> Option<(u32, usize, bool)> {
        let (v, d) = self.n(j)?;
        if d > 2 || !(1..=31).contains(&v) {
            return None;
        }
        if self.w_in(j + 1, &ORDINAL_SUFFIX) {
            return Some((v, j + 2, true));
        }
        Some((v, j + 1, false))
    }

    /// A month word, with an optional abbreviation dot.
    fn month_at(&self, j: usize) -> Option<(u32, usize, bool)> {
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

    fn may_is_month(&self, j: usize) -> bool {
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

    // ----- financial years -----

    /// "2024/25", "2024-25", "2024/2025", "24/25": the start year.
    fn fy_pair(&self, k: usize) -> Option<(i32, usize)> {
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

    /// Financial years with their prefixes ("FY24/25", "Budget 2024/25", "financial year
    /// 2024-25") and what may follow them ("2024/25 Q3", "2024/25 year end").
    fn fy_at(&self, j: usize) -> Option<Base> {
        let mut k = j;
        let mut fy_word = false;
        let mut named = false;
        let mut budget = false;
        for _ in 0..3 {
            match self.w(k) {
                Some("fy" | "fye") => {
                    fy_word = true;
                    named = true;
                    k += 1;
                    if matches!(self.sep(k), Some('.' | ':' | '-')) {
                        k += 1;
                    }
                }
                Some("f") if self.is_sep(k + 1, '/') && self.is_w(k + 2, "y") => {
                    fy_word = true;
                    named = true;
                    k += 3;
                }
                Some("financial" | "fiscal" | "fin" | "finance") => {
                    named = true;
                    k += 1;
                    if self.w_in(k, &["year", "yr"]) {
                        k += 1;
                    }
                }
                Some("budget") if j == k => {
                    budget = true;
                    k += 1;
                    if self.w_in(k, &["setting", "for", "year"]) {
                        k += 1;
                    }
                }
                _ => break,
            }
        }
        let mut base = if let Some((y, next)) = self.fy_pair(k) {
            Base::new(
                Expr::FinancialYear {
                    key: Some(y),
                    budget,
                },
                next,
            )
        } else if fy_word || named {
            let single = if let Some(y) = self.year4(k) {
                Some((y, k + 1))
            } else if let Some((v, 2)) = self.n(k) {
                (fy_word && !self.is_sep(k + 1, '/')).then(|| (expand_yy(v, self.r), k + 1))
            } else {
                None
            };
            match single {
                Some((y, next)) => {
                    let e = make_range(
                        Expr::FinancialYear {
                            key: Some(y - 1),
                            budget,
                        },
                        Expr::FinancialYear {
                            key: Some(y),
                            budget,
                        },
                        true,
                        self.s,
                    );
                    Base::new(e, next).medium(format!(
                        "a financial year named by one year ({y}) may end in {y} or start in it"
                    ))
                }
                None if named && !budget => Base::new(Expr::FinancialYear { key: None, budget }, k),
                None => return None,
            }
        } else {
            return None;
        };
        let key = base.e.key();
        // "2024/25 financial year", "2024/25 Q3", "2024/25 year end"
        let mut k = base.next;
        if self.w_in(k, &["financial", "fiscal", "budget"]) && self.w_in(k + 1, &["year", "yr"]) {
            k += 2;
            base.next = k;
        }
        if let (Some(fk), Some((n, next))) = (key, self.quarter_number(k)) {
            if matches!(base.e, Expr::FinancialYear { .. }) {
                base.e = Expr::Quarter {
                    n,
                    key: Some(fk),
                    basis: QuarterBasis::Financial,
                };
                base.next = next;
                return Some(base);
            }
        }
        if let (Some(fk), Some((n, next))) = (key, self.half_number(k)) {
            if matches!(base.e, Expr::FinancialYear { .. }) {
                base.e = Expr::Half {
                    n,
                    key: Some(fk),
                    basis: QuarterBasis::Financial,
                };
                base.next = next;
                return Some(base);
            }
        }
        if let Some(next) = self.year_end_words(k) {
            base.post = Some(Part::End);
            base.next = next;
        }
        Some(base)
    }

    /// "year end", "year-end", "yearend", "end"
    fn year_end_words(&self, k: usize) -> Option<usize> {
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

    // ----- quarters and halves -----

    /// "Q3", "Qtr 3", "Quarter three", "third quarter", "3rd Qtr": the quarter number.
    fn quarter_number(&self, j: usize) -> Option<(u32, usize)> {
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
    fn half_number(&self, j: usize) -> Option<(u32, usize)> {
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

    /// Skip "of", "in", ",", "-", "for" and "the" between a quarter and its year.
    fn skip_joiners(&self, mut k: usize) -> usize {
        for _ in 0..2 {
            if self.w_in(k, &["of", "in", "for", "the"]) || matches!(self.sep(k), Some(',' | '-')) {
                k += 1;
            }
        }
        k
    }

    /// A year after a quarter or half: a financial year, or one calendar year.
    /// Returns (key, next, basis, one_year).
    fn period_year(&self, k: usize) -> Option<(i32, usize, QuarterBasis, bool)> {
        let k0 = k;
        let k = self.skip_joiners(k);
        if let Some(b) = self.fy_at(k) {
            if let Expr::FinancialYear { key: Some(y), .. } = b.e {
                return Some((y, b.next, QuarterBasis::Financial, false));
            }
        }
        let (k, calendar) = if self.w_in(k, &["calendar", "cy"]) {
            (
                if self.is_w(k + 1, "year") {
                    k + 2
                } else {
                    k + 1
                },
                true,
            )
        } else {
            (k, false)
        };
        if let Some(y) = self.year4(k) {
            let basis = if calendar {
                QuarterBasis::Calendar
            } else {
                self.s.quarter_basis
            };
            return Some((y, k + 1, basis, !calendar));
        }
        if let Some((y, next)) = self.yy_apos(k) {
            return Some((y, next, self.s.quarter_basis, true));
        }
        let _ = k0;
        None
    }

    fn quarter_at(&self, j: usize) -> Option<Base> {
        let (n, mut k) = self.quarter_number(j)?;
        // "Q3 (Oct-Dec) 2024/25": the bracket names the quarter's months; the year follows it.
        if self.is_sep(k, '(') {
            if let Some(close) = (k + 1..(k + 12).min(self.t.len())).find(|&x| self.is_sep(x, ')'))
            {
                if self.period_year(close + 1).is_some() {
                    k = close + 1;
                }
            }
        }
        if let Some((y, next, basis, one_year)) = self.period_year(k) {
            if one_year && basis == QuarterBasis::Financial {
                // Q3 2024: the calendar quarter, or the financial-year quarter that falls in
                // 2024; the deadline interval covers both.
                let m0 = self.s.fy_month() as i32;
                let start_month = m0 + 3 * (n as i32 - 1);
                let key = if start_month > 12 { y - 1 } else { y };
                let fin = Expr::Quarter {
                    n,
                    key: Some(key),
                    basis,
                };
                let cal = Expr::Quarter {
                    n,
                    key: Some(y),
                    basis: QuarterBasis::Calendar,
                };
                let (first, second) = match (fin.period(self.s, None), cal.period(self.s, None)) {
                    (Some(f), Some(c)) if f.1 < c.1 => (fin, cal),
                    _ => (cal, fin),
                };
                return Some(Base::new(make_range(first, second, true, self.s), next).medium(format!(
                    "Q{n} {y}: a calendar quarter or the financial-year Q{n} that falls in {y}; the deadline covers both"
                )));
            }
            return Some(Base::new(
                Expr::Quarter {
                    n,
                    key: Some(y),
                    basis,
                },
                next,
            ));
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

    fn half_at(&self, j: usize) -> Option<Base> {
        let (n, k) = self.half_number(j)?;
        if let Some((y, next, basis, one_year)) = self.period_year(k) {
            let basis = if one_year {
                QuarterBasis::Calendar
            } else {
                basis
            };
            return Some(Base::new(
                Expr::Half {
                    n,
                    key: Some(y),
                    basis,
                },
                next,
            ));
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

    // ----- numeric dates -----

    fn triple_shape(&self, j: usize) -> bool {
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
    fn numeric_triple(&self, j: usize) -> Option<Base> {
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
    fn numeric_pair(&self, j: usize) -> Option<Base> {
        let (a, da) = self.n(j)?;
        if !matches!(self.sep(j + 1), Some('/' | '.')) || !self.tight(j + 1) || !self.tight(j + 2) {
            return None;
        }
        let (b, db) = self.n(j + 2)?;
        if da > 2 {
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

    // ----- days and months in words -----

    /// A year after a day and month: "2025", "'25", "25".
    fn year_after_day(&self, k: usize) -> Option<(i32, usize)> {
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

    /// "24th June 2025", "24 th June", "1st of April", "31-Mar-25".
    fn day_month_at(&self, j: usize) -> Option<Base> {
        let (d, mut k, _) = self.day_num(j)?;
        if self.is_w(k, "of") {
            k += 1;
        } else if matches!(self.sep(k), Some('-' | '/' | '.')) && self.tight(k) {
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
            b = b.medium(format!(
                "month name read as {}",
                super::calendar::month_title(m)
            ));
        }
        Some(b)
    }

    /// "March 2025", "Mar-25", "Sept. 2023", "March '25", "June 24th 2025", "June".
    fn month_first_at(&self, j: usize) -> Option<Base> {
        let (m, k, typo) = self.month_at(j)?;
        let typo_note = |b: Base| {
            if typo {
                b.medium(format!(
                    "month name read as {}",
                    super::calendar::month_title(m)
                ))
            } else {
                b
            }
        };
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
                            super::calendar::month_title(m),
                            super::calendar::month_title(m),
                            ordinal_text(v)
                        )),
                    );
                }
                return Some(
                    Base::new(Expr::Day { y: None, m, d: v }, after).medium(format!(
                        "\"{} {v}\" read as the {} of {} ({y} is far from the plan date)",
                        super::calendar::month_title(m),
                        ordinal_text(v),
                        super::calendar::month_title(m)
                    )),
                );
            }
            if no_sep && dg == 2 && v > 31 {
                let y = expand_yy(v, self.r);
                return Some(
                    Base::new(Expr::Month { y: Some(y), m }, k2 + 1).medium(format!(
                        "\"{} {v}\" read as {} {y}",
                        super::calendar::month_title(m),
                        super::calendar::month_title(m)
                    )),
                );
            }
        }
        Some(typo_note(Base::new(Expr::Month { y: None, m }, k)))
    }

    // ----- seasons -----

    fn season_at(&self, j: usize) -> Option<Base> {
        let s = match self.w(j)? {
            "spring" => 0,
            "summer" => 1,
            "autumn" | "fall" => 2,
            "winter" => 3,
            _ => return None,
        };
        let mut k = j + 1;
        if self.w_in(k, &["term", "season"]) {
            k += 1;
        }
        if self.w_in(k, &["of", "in"]) || matches!(self.sep(k), Some(',' | '-' | '/')) {
            k += 1;
        }
        if let Some((a, next)) = self.fy_pair(k) {
            let (start, _) = self.s.season(s);
            let key = if start >= self.s.fy_month() { a } else { a + 1 };
            return Some(Base::new(Expr::Season { s, key: Some(key) }, next));
        }
        if let Some(y) = self.year4(k) {
            return Some(Base::new(Expr::Season { s, key: Some(y) }, k + 1));
        }
        if let Some((y, next)) = self.yy_apos(k) {
            return Some(Base::new(Expr::Season { s, key: Some(y) }, next));
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

    // ----- words that name periods -----

    fn rel_word(&self, j: usize) -> Option<(Rel, usize)> {
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
    fn year_unit(&self, k: usize) -> Option<(Expr, usize)> {
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

    fn keyword_expr_at(&self, j: usize, has_part: bool) -> Option<Base> {
        // "this/next/new ... year/quarter/month"
        if let Some((rel, k)) = self.rel_word(j) {
            if let Some((e, next)) = self.year_unit(k) {
                let mut b = Base::new(e, next);
                b.rel = Some(rel);
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
            if self.base_at(k).is_some() {
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
                        super::calendar::month_title(self.s.election_month())
                    )),
                );
            }
            let k2 = if self.is_w(k, "in") { k + 1 } else { k };
            if self.base_at(k2).is_some() {
                return None;
            }
            return Some(Base::new(Expr::Election { key: None }, k).medium(format!(
                "local elections are held in {}",
                super::calendar::month_title(self.s.election_month())
            )));
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
            "now" if self.end_or_sep(j + 1) && (j == 0 || self.end_or_sep(j - 1)) => {
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
            "within" | "in" => {
                if let Some(b) = self.duration(j + 1) {
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
    fn duration(&self, k: usize) -> Option<Base> {
        let (v, k) = if let Some((v, d)) = self.n(k) {
            (d <= 3).then_some((v, k + 1))?
        } else if let Some(v) = self.w(k).and_then(number_word) {
            (v, k + 1)
        } else if self.w_in(k, &["a", "one"]) {
            (1, k + 1)
        } else {
            return None;
        };
        let (months, days) = match self.w(k)? {
            "day" | "days" => (0, v as i64),
            "week" | "weeks" => (0, 7 * v as i64),
            "month" | "months" => (v as i32, 0),
            "year" | "years" => (12 * v as i32, 0),
            _ => return None,
        };
        let mut b = Base::new(Expr::Relative { months, days }, k + 1);
        b.conf = Confidence::Medium;
        Some(b)
    }

    /// A standalone year ("2025", "by 2030"), with a check that it is not a count ("2000 homes").
    fn year_at(&self, j: usize) -> Option<Base> {
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
                        super::calendar::month_title(self.s.election_month())
                    )),
                );
            }
            if !prev_prep && !YEAR_FOLLOWERS.contains(&next) && self.month_at(j + 1).is_none() {
                return None;
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
    fn week_at(&self, j: usize) -> Option<Base> {
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

    /// One date expression without parts or ranges.
    fn base_at(&self, j: usize) -> Option<Base> {
        if j >= self.t.len() {
            return None;
        }
        match self.t[j].kind {
            Tk::Num => self
                .numeric_triple(j)
                .or_else(|| self.fy_at(j))
                .or_else(|| self.numeric_pair(j))
                .or_else(|| self.quarter_at(j))
                .or_else(|| self.half_at(j))
                .or_else(|| self.day_month_at(j))
                .or_else(|| self.year_at(j)),
            Tk::Word => self
                .week_at(j)
                .or_else(|| self.fy_at(j))
                .or_else(|| self.quarter_at(j))
                .or_else(|| self.half_at(j))
                .or_else(|| self.month_first_at(j))
                .or_else(|| self.season_at(j))
                .or_else(|| self.keyword_expr_at(j, false)),
            Tk::Sep('\'') => {
                // "'25" alone is not a date; "Spring '25" is read from the season.
                None
            }
            _ => None,
        }
    }

    /// A part word: "early", "mid", "late", "end of", "start of", "beginning of".
    fn part_at(&self, j: usize) -> Option<(Part, usize)> {
        let j = if self.is_w(j, "the") { j + 1 } else { j };
        let (p, mut k, needs_of) = match self.w(j)? {
            "early" => (Part::Early, j + 1, false),
            "mid" | "middle" => (Part::Mid, j + 1, false),
            "late" => (Part::Late, j + 1, false),
            "end" | "close" => (Part::End, j + 1, false),
            "start" | "beginning" | "begining" | "commencement" => (Part::Start, j + 1, true),
            _ => return None,
        };
        if self.is_sep(k, '-') {
            k += 1;
        }
        if self.is_w(k, "of") {
            k += 1;
        } else if needs_of {
            return None;
        }
        if self.is_w(k, "the") {
            k += 1;
        }
        Some((p, k))
    }

    /// A range connector after a date: "-", "/", "&", "to", "and", "or", "until", "through".
    fn connector(&self, k: usize) -> Option<(bool, usize)> {
        match self.t.get(k)?.kind {
            Tk::Sep('-' | '/' | '&' | '+') => Some((false, k + 1)),
            Tk::Word => match self.w(k)? {
                "to" | "until" | "till" | "til" | "through" | "thru" | "and" => {
                    Some((false, k + 1))
                }
                "or" => Some((true, k + 1)),
                _ => None,
            },
            _ => None,
        }
    }

    /// "17-24 June 2025", "17th and 24th June": a bare day before a day.
    fn day_range_at(&self, j: usize) -> Option<Base> {
        let (d, k, _) = self.day_num(j)?;
        let (either, c) = self.connector(k)?;
        let b = self.day_month_at(c)?;
        if let Expr::Day { y, m, .. } = b.e {
            if d > max_days(m) {
                return None;
            }
            if let Some(y) = y {
                NaiveDate::from_ymd_opt(y, m, d)?;
            }
            let a = Expr::Day { y, m, d };
            let mut r = Base::new(make_range(a, b.e, either, self.s), b.next);
            r.conf = b.conf;
            r.note = b.note;
            return Some(r);
        }
        None
    }

    /// A date expression with its part word and range, at j.
    fn expr_at(&self, j: usize) -> Option<(Base, Option<Part>)> {
        let (part, k) = match self.part_at(j) {
            Some((p, k)) => (Some(p), k),
            None => (None, if self.is_w(j, "the") { j + 1 } else { j }),
        };
        let mut b = if part.is_none() {
            self.day_range_at(k).or_else(|| self.base_at(k))?
        } else {
            self.base_at(k).or_else(|| self.keyword_expr_at(k, true))?
        };
        // A range: "April - June 2023", "Jan/Feb 2022", "June 2025 to May 2026".
        if part.is_none() && b.post.is_none() {
            if let Some((either, c)) = self.connector(b.next) {
                let c2 = if self.is_w(c, "the") { c + 1 } else { c };
                let c2 = match self.part_at(c2) {
                    Some((Part::End, k2)) => k2,
                    _ => c2,
                };
                if let Some(b2) = self.base_at(c2) {
                    if self.range_fits(&b.e, &b2.e) {
                        let conf = b.conf.min(b2.conf);
                        let note = match (b.note.take(), b2.note) {
                            (Some(a), Some(c)) => Some(format!("{a}; {c}")),
                            (a, c) => a.or(c),
                        };
                        b = Base {
                            e: make_range(b.e, b2.e, either, self.s),
                            next: b2.next,
                            conf,
                            note,
                            rel: b.rel.or(b2.rel),
                            post: b2.post,
                        };
                    }
                }
            }
        }
        // "May 2026 elections": the event word belongs to the date.
        if self.w_in(b.next, &["election", "elections"]) && !matches!(b.e, Expr::Election { .. }) {
            b.next += 1;
        }
        let part = part.or(b.post);
        Some((b, part))
    }

    fn range_fits(&self, a: &Expr, b: &Expr) -> bool {
        if a.needs_reference() || b.needs_reference() {
            return false;
        }
        if matches!(a, Expr::Range { .. }) || matches!(b, Expr::Range { .. }) {
            return false;
        }
        // A day then a day in a later month: both explicit and in order.
        match (a.period(self.s, None), b.period(self.s, None)) {
            (Some((a1, _)), Some((_, b2))) => b2 >= a1,
            _ => true,
        }
    }

    // ----- flags and roles -----

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

    fn recurrence_at(&self, j: usize) -> Option<(Option<u32>, usize)> {
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
            "every" | "each" => {
                let k = j + 1;
                if let Some(u) = self.w(k).and_then(per_unit) {
                    return one(u, k + 1);
                }
                if self.is_w(k, "other") {
                    if let Some(u) = self.w(k + 1).and_then(per_unit) {
                        return Some(((u % 2 == 0).then(|| u / 2), k + 2));
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

    fn ongoing_at(&self, j: usize) -> Option<usize> {
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
            "no" if self.is_w(j + 1, "end") && self.is_w(j + 2, "date") => Some(j + 3),
            _ => None,
        }
    }

    fn conditional_at(&self, j: usize) -> Option<usize> {
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

    fn role_at(&self, j: usize) -> Option<(Role, usize)> {
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
            return None;
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
            "originally" | "original" | "previously" | "formerly" | "was" | "old" => {
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
            "new" if self.w_in(j + 1, &["date", "deadline", "target", "timescale"]) => {
                (Role::RevisedTo, j + 2)
            }
            "in" | "during" | "throughout" | "between" | "within" | "around" | "circa"
            | "approx" | "approximately" => (Role::Plain, j + 1),
            _ => return None,
        };
        Some(r)
    }

    fn event_at(&self, j: usize) -> Option<usize> {
        if self.w_in(j, &EVENT_WORDS) {
            return Some(j + 1);
        }
        if self.is_w(j, "annual") && self.w_in(j + 1, &["council", "meeting", "general"]) {
            return Some(j + 2);
        }
        None
    }

    /// Scan the whole phrase.
    pub(crate) fn scan(&self) -> Scanned {
        let mut out = Scanned::default();
        let t = self.t;
        let mut i = 0;
        // A status word opens the phrase.
        let first = (0..t.len()).find(|&j| matches!(t[j].kind, Tk::Word | Tk::Num));
        if let Some(f) = first {
            if let Some((st, next)) = self.status_at(f) {
                out.status = Some(st);
                i = next;
            }
        }
        let mut pending: Option<(Role, usize)> = None;
        let mut event = false;
        let mut dangling_after = false;
        while i < t.len() {
            match t[i].kind {
                Tk::Break | Tk::Sep(';' | ',') => {
                    if let Some((Role::After, _)) = pending {
                        dangling_after = true;
                    }
                    pending = None;
                    event = false;
                    i += 1;
                    continue;
                }
                _ => {}
            }
            if let Some((b, part)) = self.expr_at(i) {
                let next = b.next.max(i + 1);
                let mut role = match pending {
                    Some((r, at)) if i - at <= 6 => r,
                    _ => Role::Plain,
                };
                if role == Role::Start && matches!(b.e, Expr::Range { either: false, .. }) {
                    role = Role::Plain;
                }
                // Trailing "onwards", "start".
                let mut next = next;
                if self.w_in(next, &["onwards", "onward"]) {
                    role = Role::Start;
                    next += 1;
                } else if self.is_w(next, "on") && self.is_w(next + 1, "wards") {
                    role = Role::Start;
                    next += 2;
                }
                let bracketed = i > 0 && matches!(self.sep(i - 1), Some('(' | '['));
                out.mentions.push(Mention {
                    expr: b.e,
                    part,
                    role,
                    event,
                    pos: i,
                    end: next,
                    bracketed,
                    rel: b.rel,
                    conf: b.conf,
                    note: b.note,
                });
                pending = None;
                event = false;
                i = next;
                continue;
            }
            if self.triple_shape(i) {
                out.notes.push(format!(
                    "\"{}\" is not a real date",
                    self.span_text(i, i + 5)
                ));
                i += 5;
                continue;
            }
            if let Some((n, next)) = self.recurrence_at(i) {
                if out.recurrence.is_none() {
                    out.recurrence = Some((n, t[i].start, t[next - 1].end));
                }
                i = next;
                continue;
            }
            if let Some(next) = self.ongoing_at(i) {
                out.ongoing = true;
                i = next;
                continue;
            }
            if let Some(next) = self.event_at(i) {
                event = true;
                i = next;
                continue;
            }
            if let Some((r, next)) = self.role_at(i) {
                if let Some((Role::After, _)) = pending {
                    dangling_after = true;
                }
                pending = Some((r, i));
                event = false;
                i = next;
                continue;
            }
            if let Some(next) = self.conditional_at(i) {
                out.conditional = true;
                i = next;
                continue;
            }
            if self.is_w(i, "annual") {
                out.annual = Some((t[i].start, t[i].end));
            }
            // A status word closing a phrase: "March 2024 - Complete", "(Completed)".
            if out.status.is_none()
                && i > 0
                && matches!(self.sep(i - 1), Some('-' | '(' | ':' | '/'))
            {
                if let Some((st, next)) = self.status_at(i) {
                    if self.end_or_sep(next) {
                        out.status = Some(st);
                        i = next;
                        continue;
                    }
                }
            }
            i += 1;
        }
        if dangling_after || matches!(pending, Some((Role::After, _))) {
            out.conditional = true;
        }
        out
    }

    fn span_text(&self, a: usize, b: usize) -> String {
        let b = b.min(self.t.len());
        if a >= b {
            return String::new();
        }
        self.t[a..b].iter().map(|t| t.text).collect()
    }
}

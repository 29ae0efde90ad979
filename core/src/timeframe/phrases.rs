//! Pattern matching over tokens: finds the date expressions in a phrase, the words that give
//! them a role ("by", "from", "before", "extended from"), and the flags (ongoing, recurring,
//! conditional, a status word).
//!
//! Every pattern looks a bounded number of tokens ahead, and the scan moves forward at every
//! step, so the work is linear in the length of the phrase. The patterns live beside this
//! module: numbers in `numeric.rs`, words in `dates.rs`, flags and roles in `keywords.rs`.

use chrono::NaiveDate;

use super::calendar::max_days;
use super::expr::{make_range, Expr, Part};
use super::settings::Settings;
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
    /// "annual" as an adjective before any date (a recurrence only when nothing is dated, or
    /// only months without a year follow: "Annual review in March").
    pub annual: Option<(usize, usize)>,
    pub notes: Vec<String>,
    /// Impossible parts ("Q5", "31 February 2025", a reversed range): what was wrong.
    pub impossible: Vec<String>,
    /// Two or more lines, each a date alone ("13.09.2023\n08.11.2023").
    pub stacked: bool,
}

pub(super) struct Base {
    pub(super) e: Expr,
    pub(super) next: usize,
    pub(super) conf: Confidence,
    pub(super) note: Option<String>,
    pub(super) rel: Option<Rel>,
    pub(super) post: Option<Part>,
}

impl Base {
    pub(super) fn new(e: Expr, next: usize) -> Self {
        Base {
            e,
            next,
            conf: Confidence::High,
            note: None,
            rel: None,
            post: None,
        }
    }
    pub(super) fn low(mut self, note: String) -> Self {
        self.conf = Confidence::Low;
        self.note = Some(note);
        self
    }
    pub(super) fn medium(mut self, note: String) -> Self {
        self.conf = Confidence::Medium;
        self.note = Some(note);
        self
    }
}

pub(super) const ORDINAL_SUFFIX: [&str; 4] = ["st", "nd", "rd", "th"];

pub(super) fn number_word(w: &str) -> Option<u32> {
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

pub(super) fn ordinal_word(w: &str) -> Option<u32> {
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "final" | "last" => 4,
        _ => return None,
    })
}

/// The parser state over one phrase's tokens.
pub(crate) struct P<'t, 'a> {
    pub(super) t: &'t [Token<'a>],
    pub(super) r: Option<NaiveDate>,
    pub(super) s: &'t Settings,
}

impl<'t, 'a> P<'t, 'a> {
    pub(crate) fn new(t: &'t [Token<'a>], r: Option<NaiveDate>, s: &'t Settings) -> Self {
        P { t, r, s }
    }

    pub(super) fn w(&self, j: usize) -> Option<&'a str> {
        match self.t.get(j) {
            Some(t) if t.kind == Tk::Word => Some(t.text),
            _ => None,
        }
    }

    pub(super) fn is_w(&self, j: usize, x: &str) -> bool {
        self.w(j) == Some(x)
    }

    pub(super) fn w_in(&self, j: usize, xs: &[&str]) -> bool {
        self.w(j).is_some_and(|w| xs.contains(&w))
    }

    pub(super) fn n(&self, j: usize) -> Option<(u32, u8)> {
        match self.t.get(j) {
            Some(t) if t.kind == Tk::Num => Some((t.num, t.digits)),
            _ => None,
        }
    }

    pub(super) fn sep(&self, j: usize) -> Option<char> {
        match self.t.get(j) {
            Some(Token {
                kind: Tk::Sep(c), ..
            }) => Some(*c),
            _ => None,
        }
    }

    pub(super) fn is_sep(&self, j: usize, c: char) -> bool {
        self.sep(j) == Some(c)
    }

    /// No whitespace before token j (and it exists).
    pub(super) fn tight(&self, j: usize) -> bool {
        self.t.get(j).is_some_and(|t| !t.space)
    }

    pub(super) fn is_break(&self, j: usize) -> bool {
        matches!(
            self.t.get(j),
            Some(Token {
                kind: Tk::Break,
                ..
            })
        )
    }

    pub(super) fn end_or_sep(&self, j: usize) -> bool {
        match self.t.get(j) {
            None => true,
            Some(t) => matches!(t.kind, Tk::Sep(_) | Tk::Break),
        }
    }

    /// One date expression without parts or ranges.
    pub(super) fn base_at(&self, j: usize) -> Option<Base> {
        self.base_plain_at(j).or_else(|| {
            if matches!(self.t.get(j), Some(Token { kind: Tk::Word, .. })) {
                self.keyword_expr_at(j, false)
            } else {
                None
            }
        })
    }

    /// [`Self::base_at`] without the keyword phrases: the look-ahead those phrases use, so that
    /// a run of them ("annual council annual council ...") is never read recursively.
    pub(super) fn base_plain_at(&self, j: usize) -> Option<Base> {
        // A sum of money or a percentage is not a date: "£2,025", "20.25%".
        if j > 0 && matches!(self.sep(j - 1), Some('£' | '$' | '€' | '#')) {
            return None;
        }
        match self.t.get(j)?.kind {
            Tk::Num => self
                .year_first_at(j)
                .or_else(|| self.numeric_triple(j))
                .or_else(|| self.fy_at(j))
                .or_else(|| self.numeric_pair(j))
                .or_else(|| self.quarter_at(j))
                .or_else(|| self.half_at(j))
                .or_else(|| self.day_month_at(j))
                .or_else(|| self.year_at(j)),
            Tk::Word => self
                .year_first_at(j)
                .or_else(|| self.week_at(j))
                .or_else(|| self.fy_at(j))
                .or_else(|| self.quarter_at(j))
                .or_else(|| self.half_at(j))
                .or_else(|| self.month_first_at(j))
                .or_else(|| self.season_at(j)),
            _ => None,
        }
    }

    /// A part word: "early", "mid", "late", "end of", "start of", "beginning of".
    pub(super) fn part_at(&self, j: usize) -> Option<(Part, usize)> {
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
        } else if matches!(p, Part::Early | Part::Mid | Part::Late) && self.is_w(k, "in") {
            // "early in 2021", "late in the year"
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
    pub(super) fn connector(&self, k: usize) -> Option<(bool, usize)> {
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
    pub(super) fn day_range_at(&self, j: usize) -> Option<Base> {
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
    pub(super) fn expr_at(&self, j: usize) -> Option<(Base, Option<Part>)> {
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

    /// A range from token `i` whose end is before its start, both with their years
    /// ("2024/2023", "Dec 2025 - Jan 2024"): what was wrong and the token after it.
    pub(super) fn reversed_range(&self, i: usize, b: &Base) -> Option<(String, usize)> {
        if b.e.key().is_none() || b.e.needs_reference() || matches!(b.e, Expr::Range { .. }) {
            return None;
        }
        let (_, c) = self.connector(b.next)?;
        let c = if self.is_w(c, "the") { c + 1 } else { c };
        let b2 = self.base_at(c)?;
        if b2.e.key().is_none() || b2.e.needs_reference() {
            return None;
        }
        let (a1, _) = b.e.period(self.s, None)?;
        let (_, b2end) = b2.e.period(self.s, None)?;
        (b2end < a1).then(|| {
            (
                format!(
                    "\"{}\" is a range that ends before it starts",
                    self.span_text_spaced(i, b2.next)
                ),
                b2.next,
            )
        })
    }

    /// The original-case-insensitive text of tokens `a..b`, with the spaces between them.
    pub(super) fn span_text_spaced(&self, a: usize, b: usize) -> String {
        let b = b.min(self.t.len());
        let mut out = String::new();
        for (n, t) in self.t[a.min(b)..b].iter().enumerate() {
            if n > 0 && t.space {
                out.push(' ');
            }
            out.push_str(t.text);
        }
        out
    }

    pub(super) fn range_fits(&self, a: &Expr, b: &Expr) -> bool {
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
        // Lines that are a date alone, and whether any line is more than that.
        let (mut bare_lines, mut other_lines) = (0usize, false);
        let (mut line_dates, mut line_other) = (0usize, i > 0);
        let mut end_line = |dates: &mut usize, other: &mut bool| {
            if *dates == 1 && !*other {
                bare_lines += 1;
            } else if *dates > 0 || *other {
                other_lines = true;
            }
            *dates = 0;
            *other = false;
        };
        while i < t.len() {
            if t[i].kind == Tk::Break {
                end_line(&mut line_dates, &mut line_other);
            }
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
            if let Some((why, next)) = self.impossible_at(i) {
                out.impossible.push(why);
                pending = None;
                i = next.max(i + 1);
                continue;
            }
            if let Some((b, part)) = self.expr_at(i) {
                if let Some((why, next)) = self.reversed_range(i, &b) {
                    out.impossible.push(why);
                    pending = None;
                    i = next.max(i + 1);
                    continue;
                }
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
                // "1st April 2025 being the start date", "April 2025 (start)".
                let mut s = next;
                while s < next + 2 && self.w_in(s, &["being", "is", "as", "the", "was"]) {
                    s += 1;
                }
                if self.w_in(s, &["onwards", "onward"]) {
                    role = Role::Start;
                    next = s + 1;
                } else if self.w_in(s, &["start", "commencement"])
                    && (s > next || self.is_w(s + 1, "date"))
                {
                    role = Role::Start;
                    next = if self.is_w(s + 1, "date") {
                        s + 2
                    } else {
                        s + 1
                    };
                } else if self.is_w(next, "on") && self.is_w(next + 1, "wards") {
                    role = Role::Start;
                    next += 2;
                } else if role == Role::Plain
                    && (self.is_sep(next, '-') || self.w_in(next, &["to", "until", "through"]))
                    && self.ongoing_at(next + 1).is_some()
                {
                    // "April 2024 - ongoing": from then on.
                    role = Role::Start;
                    next += 1;
                }
                line_dates += 1;
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
            if matches!(t[i].kind, Tk::Word | Tk::Num) {
                line_other = true;
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
                // "Deadline for feedback from schools - 14th June": a later "from" does not
                // undo the deadline word unless it follows it directly ("due from April").
                let keep = matches!(pending, Some((Role::By, at)) if i > at + 1)
                    && matches!(r, Role::Start | Role::After);
                if !keep {
                    pending = Some((r, i));
                }
                event = false;
                i = next;
                continue;
            }
            if let Some(next) = self.conditional_at(i) {
                out.conditional = true;
                i = next;
                continue;
            }
            if self.is_w(i, "annual") && out.mentions.is_empty() {
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
        end_line(&mut line_dates, &mut line_other);
        out.stacked = bare_lines >= 2 && !other_lines && out.mentions.len() == bare_lines;
        if dangling_after || matches!(pending, Some((Role::After, _))) {
            out.conditional = true;
        }
        out
    }

    pub(super) fn span_text(&self, a: usize, b: usize) -> String {
        let b = b.min(self.t.len());
        if a >= b {
            return String::new();
        }
        self.t[a..b].iter().map(|t| t.text).collect()
    }
}

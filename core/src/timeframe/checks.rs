//! Impossible parts and disguised letters: a phrase naming a part that cannot exist ("Q5 2025",
//! "31 February 2025", "month 13", "week 99", "9999") is unreadable with a note saying what was
//! wrong, never read as something else (the year beside it, the month without its day).
//! Lookalike letters from other scripts ("Мarch" with a Cyrillic М) and zero-width characters
//! are taken out before reading, and the reading is of low confidence with a note naming the
//! change.

use chrono::NaiveDate;

use super::calendar::{max_days, month_title, plausible_year, YEAR_MAX, YEAR_MIN};
use super::phrases::{ORDINAL_SUFFIX, P};

/// The ASCII letter a lookalike from another script stands for (Cyrillic, Greek, fullwidth).
fn ascii_lookalike(c: char) -> Option<char> {
    Some(match c {
        'А' | 'Α' => 'A',
        'В' | 'Β' => 'B',
        'С' | 'Ϲ' => 'C',
        'Е' | 'Ε' => 'E',
        'Н' | 'Η' => 'H',
        'І' | 'Ι' => 'I',
        'Ј' => 'J',
        'К' | 'Κ' => 'K',
        'М' | 'Μ' => 'M',
        'Ν' => 'N',
        'О' | 'Ο' => 'O',
        'Р' | 'Ρ' => 'P',
        'Ѕ' => 'S',
        'Т' | 'Τ' => 'T',
        'Х' | 'Χ' => 'X',
        'У' | 'Υ' => 'Y',
        'Ζ' => 'Z',
        'а' => 'a',
        'с' | 'ϲ' => 'c',
        'е' => 'e',
        'һ' => 'h',
        'і' => 'i',
        'ј' => 'j',
        'о' | 'ο' => 'o',
        'р' | 'ρ' => 'p',
        'ѕ' => 's',
        'у' => 'y',
        'х' => 'x',
        '\u{ff10}'..='\u{ff19}' | '\u{ff21}'..='\u{ff3a}' | '\u{ff41}'..='\u{ff5a}' => {
            char::from_u32(c as u32 - 0xfee0)?
        }
        _ => return None,
    })
}

fn zero_width(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{00ad}'
    )
}

/// The phrase with lookalike letters made ASCII and zero-width characters removed, and a note
/// naming what changed; `None` when there is nothing to change (always for ASCII text).
pub(crate) fn fold(text: &str) -> Option<(String, String)> {
    if text.is_ascii()
        || !text
            .chars()
            .any(|c| zero_width(c) || ascii_lookalike(c).is_some())
    {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut words: Vec<(String, String)> = Vec::new();
    let mut zw = false;
    // Fold word by word, so that the note can name the words.
    let mut word = String::new();
    let mut folded = String::new();
    let mut changed = false;
    let flush = |word: &mut String,
                 folded: &mut String,
                 changed: &mut bool,
                 out: &mut String,
                 words: &mut Vec<(String, String)>| {
        if *changed && words.len() < 4 {
            words.push((word.clone(), folded.clone()));
        }
        out.push_str(folded);
        word.clear();
        folded.clear();
        *changed = false;
    };
    for c in text.chars() {
        if zero_width(c) {
            zw = true;
            continue;
        }
        if c.is_alphanumeric() {
            word.push(c);
            match ascii_lookalike(c) {
                Some(a) => {
                    folded.push(a);
                    changed = true;
                }
                None => folded.push(c),
            }
        } else {
            flush(&mut word, &mut folded, &mut changed, &mut out, &mut words);
            out.push(c);
        }
    }
    flush(&mut word, &mut folded, &mut changed, &mut out, &mut words);
    let mut notes = Vec::new();
    for (w, f) in &words {
        notes.push(format!(
            "read '{w}' as '{f}': it has letters from another script that look like Latin ones"
        ));
    }
    if zw {
        notes.push("zero-width characters were taken out before reading".into());
    }
    Some((out, notes.join("; ")))
}

/// Season names, for misspellings ("Sprimg").
const SEASONS: [&str; 4] = ["spring", "summer", "autumn", "winter"];

/// Real words one letter away from a season name, never read as one.
const NOT_SEASONS: [&str; 6] = ["sprint", "winner", "sumner", "winder", "wilter", "string"];

/// A misspelt season word ("Sprimg", "Sumer", "Autum"): the season, within one edit of its name.
pub(crate) fn season_typo(w: &str) -> Option<usize> {
    if w.len() < 5 || w.len() > 7 || !w.is_ascii() || NOT_SEASONS.contains(&w) {
        return None;
    }
    let mut found = None;
    for (i, name) in SEASONS.iter().enumerate() {
        if w.as_bytes()[0] == name.as_bytes()[0]
            && super::calendar::osa_distance(w.as_bytes(), name.as_bytes()) == 1
        {
            if found.is_some() {
                return None;
            }
            found = Some(i);
        }
    }
    found
}

impl<'t, 'a> P<'t, 'a> {
    /// An impossible part at `j`: what was wrong and the token after it. The tokens of the part
    /// (with the year after it) are taken, so that nothing of it is read as something else.
    pub(crate) fn impossible_at(&self, j: usize) -> Option<(String, usize)> {
        let t = self.t.get(j)?;
        match t.kind {
            super::tokens::Tk::Word => self.impossible_word(j),
            super::tokens::Tk::Num => self.impossible_number(j),
            _ => None,
        }
    }

    /// The year part after an impossible part, so that it is not read alone.
    fn past_year(&self, k: usize) -> usize {
        match self.year_after_period(k) {
            Some(y) => y.next,
            None if self.n(k).is_some_and(|(_, d)| d == 4) => k + 1,
            None => k,
        }
    }

    fn impossible_word(&self, j: usize) -> Option<(String, usize)> {
        let w = self.w(j)?;
        // "Q5 2025", "Q0", "Quarter 5", "Qtr 0"
        if matches!(w, "q" | "qtr" | "quarter" | "quater" | "qr" | "qrt") {
            let k = if matches!(self.sep(j + 1), Some('.' | ':')) {
                j + 2
            } else {
                j + 1
            };
            if let Some((v, d)) = self.n(k) {
                let tight = w != "q" || self.tight(k);
                if tight && d <= 2 && !(1..=4).contains(&v) && !self.is_sep(k + 1, '.') {
                    let text = self.span_text(j, k + 1);
                    return Some((
                        format!("\"{text}\" is not a quarter: quarters are numbered 1 to 4"),
                        self.past_year(k + 1),
                    ));
                }
            }
        }
        // "H3 2025"
        if w == "h" && self.tight(j + 1) {
            if let Some((v, 1)) = self.n(j + 1) {
                if !(1..=2).contains(&v) {
                    return Some((
                        format!("\"H{v}\" is not a half: halves are H1 and H2"),
                        self.past_year(j + 2),
                    ));
                }
            }
        }
        // "month 13", "week 99"
        if matches!(w, "month" | "week" | "wk") {
            if let Some((v, d)) = self.n(j + 1) {
                let (max, unit) = if w == "month" {
                    (12, "a month: months are numbered 1 to 12")
                } else {
                    (53, "a week of the year: weeks are numbered 1 to 53")
                };
                if d <= 3 && (v == 0 || v > max) && !self.w_in(j + 2, &["time", "times"]) {
                    return Some((format!("\"{w} {v}\" is not {unit}"), self.past_year(j + 2)));
                }
            }
        }
        // "February 31st 2025", "February 30, 2025"
        let number_next = self.n(j + 1).is_some() || self.n(j + 2).is_some();
        if let Some((m, k, _)) = number_next.then(|| self.month_at(j)).flatten() {
            if let Some((v, d)) = self.n(k) {
                let ordinal = self.w_in(k + 1, &ORDINAL_SUFFIX);
                let after = if ordinal { k + 2 } else { k + 1 };
                let a = if self.is_sep(after, ',') {
                    after + 1
                } else {
                    after
                };
                let year = self.year4(a);
                if d <= 2 && (ordinal || year.is_some()) {
                    if let Some(bad) = bad_day(year, m, v) {
                        let end = if year.is_some() { a + 1 } else { after };
                        return Some((bad, end));
                    }
                }
            }
        }
        None
    }

    fn impossible_number(&self, j: usize) -> Option<(String, usize)> {
        let (v, d) = self.n(j)?;
        // "2025-02-31", "31/02/2025": shaped as a day but no such day.
        if self.triple_shape(j) {
            let (_, db) = self.n(j + 2)?;
            let (_, dc) = self.n(j + 4)?;
            let shaped =
                (d == 4 && db <= 2 && dc <= 2) || (d <= 2 && db <= 2 && (dc == 4 || dc == 2));
            if shaped && self.numeric_triple(j).is_none() {
                return Some((
                    format!("\"{}\" is not a real date", self.span_text_spaced(j, j + 5)),
                    j + 5,
                ));
            }
        }
        // "31 February 2025", "30th of February"
        if d <= 2 && v >= 1 {
            let mut k = j + 1;
            if self.w_in(k, &ORDINAL_SUFFIX) {
                k += 1;
            }
            if self.is_w(k, "of") || (matches!(self.sep(k), Some('-' | '/' | '.')) && self.tight(k))
            {
                k += 1;
            }
            if let Some((m, k2, _)) = self.month_at(k) {
                let year = self.year_after_day(k2);
                if let Some(bad) = bad_day(year.map(|y| y.0), m, v) {
                    return Some((bad, year.map_or(k2, |y| y.1)));
                }
            }
        }
        // "9999", "by 10000": a year out of range where only a year can stand.
        if d >= 4 && !plausible_year(v as i64) {
            let prev_date_word = j > 0
                && self.end_or_sep(j + 1)
                && (self.w_in(j - 1, &["by", "until", "before", "fy"])
                    || self.month_at(j - 1).is_some()
                    || self.w(j - 1).is_some_and(|w| {
                        matches!(w, "spring" | "summer" | "autumn" | "winter" | "end")
                    }));
            let alone = self
                .t
                .iter()
                .filter(|t| t.kind != super::tokens::Tk::Break)
                .count()
                == 1
                || (j == 0 && self.end_or_sep(j + 1) && self.t.len() <= 2);
            if prev_date_word || alone {
                return Some((
                    format!(
                        "\"{}\" is not a year read here (years {YEAR_MIN} to {YEAR_MAX})",
                        self.t[j].text
                    ),
                    j + 1,
                ));
            }
        }
        None
    }
}

/// Why day `d` of month `m` (in `year`, when known) cannot be, or `None` when it can.
fn bad_day(year: Option<i32>, m: u32, d: u32) -> Option<String> {
    let ok = match year {
        Some(y) => NaiveDate::from_ymd_opt(y, m, d).is_some(),
        None => (1..=max_days(m)).contains(&d),
    };
    if ok || d == 0 || d > 31 {
        return None;
    }
    Some(match year {
        Some(y) => format!("{d} {} {y} is not a date", month_title(m)),
        None => format!("{d} {} is not a date", month_title(m)),
    })
}

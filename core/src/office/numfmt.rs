//! Cell values as text, the way Excel shows them, by their number format.
//!
//! Dates are the part that matters for a plan. The timeframe reader reads a *phrase*, and the
//! phrase that Excel shows is the one the officer meant:
//!
//! - a format that shows a day ("dd/mm/yyyy", "d-mmm-yy", Excel's locale short date) gives
//!   `YYYY-MM-DD`, which no reader can take for a US or a UK date;
//! - a format that shows only a month and a year gives what Excel shows when it names the month
//!   ("mmm-yy" → `Mar-25`, "mmmm yyyy" → `March 2025`), or `March 2025` when it shows the month as
//!   a number ("mm/yyyy"): a period, due at the end of the month, not on the 1st, which is what
//!   Excel happens to store;
//! - a format that shows only the year gives `2025`;
//! - times give `HH:MM` (`HH:MM:SS` when the format shows seconds).
//!
//! Numbers follow their format's decimals, thousands separator, percent sign and currency
//! symbol; the General format gives at most 15 significant digits, as Excel does.

use crate::fmt::MONTHS;

/// A date-time split into fields, as calamine gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DateParts {
    pub(crate) year: u16,
    pub(crate) month: u8,
    pub(crate) day: u8,
    pub(crate) hour: u8,
    pub(crate) minute: u8,
    pub(crate) second: u8,
}

/// One token of a format code.
#[derive(Debug, Clone, PartialEq)]
enum Tok {
    /// A run of one date/time letter (lower-cased) and its length.
    Run(char, usize),
    /// Literal text.
    Lit(String),
    /// A digit placeholder (0, #, ?), a point or a comma, kept for number formats.
    Num(char),
    /// A percent sign.
    Percent,
}

/// The first section of a format code (the one for positive numbers), tokenised: quoted text
/// and escaped characters are literals; `[Red]`, `[$-809]` and padding (`_x`, `*x`) go, but a
/// currency symbol in `[$£-809]` is kept.
fn tokens(code: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut chars = code.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ';' => break,
            '"' => {
                let mut s = String::new();
                for d in chars.by_ref() {
                    if d == '"' {
                        break;
                    }
                    s.push(d);
                }
                out.push(Tok::Lit(s));
            }
            '\\' => {
                if let Some(d) = chars.next() {
                    out.push(Tok::Lit(d.to_string()));
                }
            }
            '_' | '*' => {
                chars.next();
            }
            '[' => {
                let mut s = String::new();
                for d in chars.by_ref() {
                    if d == ']' {
                        break;
                    }
                    s.push(d);
                }
                if let Some(sym) = s.strip_prefix('$') {
                    let sym = sym.split('-').next().unwrap_or("");
                    if !sym.is_empty() {
                        out.push(Tok::Lit(sym.to_string()));
                    }
                } else if s.eq_ignore_ascii_case("h")
                    || s.eq_ignore_ascii_case("hh")
                    || s.eq_ignore_ascii_case("mm")
                    || s.eq_ignore_ascii_case("ss")
                {
                    let l = s.to_ascii_lowercase();
                    let ch = l.chars().next().unwrap_or('h');
                    out.push(Tok::Run(ch, l.len()));
                }
            }
            '0' | '#' | '?' | '.' | ',' => out.push(Tok::Num(c)),
            '%' => out.push(Tok::Percent),
            c if "yYmMdDhHsS".contains(c) => {
                let l = c.to_ascii_lowercase();
                let mut n = 1;
                while chars.peek().is_some_and(|d| d.to_ascii_lowercase() == l) {
                    chars.next();
                    n += 1;
                }
                out.push(Tok::Run(l, n));
            }
            c if c.eq_ignore_ascii_case(&'a') || c.eq_ignore_ascii_case(&'p') => {
                // AM/PM, A/P: drop the marker (times are given on the 24-hour clock).
                let mut probe = chars.clone();
                let rest: String = std::iter::once(c)
                    .chain(probe.by_ref().take(4))
                    .collect::<String>()
                    .to_ascii_lowercase();
                if rest.starts_with("am/pm") {
                    for _ in 0..4 {
                        chars.next();
                    }
                } else if rest.starts_with("a/p") {
                    chars.next();
                    chars.next();
                } else {
                    out.push(Tok::Lit(c.to_string()));
                }
            }
            c => out.push(Tok::Lit(c.to_string())),
        }
    }
    out
}

/// Which date runs are months and which are minutes: `m` next to `h` or `s` is minutes.
fn classify_m(toks: &[Tok]) -> Vec<bool> {
    let runs: Vec<(usize, char)> = toks
        .iter()
        .enumerate()
        .filter_map(|(i, t)| match t {
            Tok::Run(c, _) => Some((i, *c)),
            _ => None,
        })
        .collect();
    let mut minute = vec![false; toks.len()];
    for (k, &(i, c)) in runs.iter().enumerate() {
        if c != 'm' {
            continue;
        }
        let prev = k.checked_sub(1).map(|p| runs[p].1);
        let next = runs.get(k + 1).map(|r| r.1);
        if prev == Some('h') || next == Some('s') {
            minute[i] = true;
        }
    }
    minute
}

/// A date cell as text, by its format (see the [module docs](self)).
pub(crate) fn date_text(d: DateParts, code: &str) -> String {
    let toks = tokens(code);
    let minute = classify_m(&toks);
    let has = |want: char| {
        toks.iter().enumerate().any(|(i, t)| match t {
            Tok::Run('m', _) => (want == 'm' && !minute[i]) || (want == 'n' && minute[i]),
            Tok::Run(c, _) => *c == want,
            _ => false,
        })
    };
    let (day, month, year) = (has('d'), has('m'), has('y'));
    let time = has('h') || has('n') || has('s');
    let seconds = has('s');
    let iso = format!("{:04}-{:02}-{:02}", d.year, d.month, d.day);
    let clock = if seconds {
        format!("{:02}:{:02}:{:02}", d.hour, d.minute, d.second)
    } else {
        format!("{:02}:{:02}", d.hour, d.minute)
    };
    let month_name = MONTHS
        .get(usize::from(d.month).wrapping_sub(1))
        .copied()
        .unwrap_or("");
    if day || (!month && !year && !time) {
        if time && (d.hour, d.minute, d.second) != (0, 0, 0) {
            format!("{iso} {clock}")
        } else {
            iso
        }
    } else if month {
        let named = toks
            .iter()
            .enumerate()
            .any(|(i, t)| matches!(t, Tok::Run('m', n) if *n >= 3 && !minute[i]));
        if !named {
            return if year {
                format!("{month_name} {}", d.year)
            } else {
                month_name.to_string()
            };
        }
        // Show it as Excel does: names, years and the literal text between them.
        let mut s = String::new();
        for (i, t) in toks.iter().enumerate() {
            match t {
                Tok::Run('m', n) if !minute[i] => match n {
                    1 | 2 => s.push_str(&format!("{:0w$}", d.month, w = *n)),
                    3 => s.push_str(month_name.get(..3).unwrap_or(month_name)),
                    5 => s.push_str(month_name.get(..1).unwrap_or(month_name)),
                    _ => s.push_str(month_name),
                },
                Tok::Run('y', n) if *n <= 2 => s.push_str(&format!("{:02}", d.year % 100)),
                Tok::Run('y', _) => s.push_str(&d.year.to_string()),
                Tok::Lit(l) => s.push_str(l),
                Tok::Num(c) => s.push(*c),
                _ => {}
            }
        }
        s.trim().to_string()
    } else if year {
        d.year.to_string()
    } else {
        clock
    }
}

/// A number as Excel's General format shows it: integers whole, others to at most 15
/// significant digits with no trailing zeros (`0.1 + 0.2` shows as `0.3`).
pub(crate) fn general(v: f64) -> String {
    if !v.is_finite() {
        return v.to_string();
    }
    if v.fract() == 0.0 && v.abs() < 1e15 {
        return format!("{}", v as i64);
    }
    let mag = if v == 0.0 {
        0
    } else {
        v.abs().log10().floor() as i32
    };
    let decimals = (14 - mag).clamp(0, 20) as usize;
    let s = format!("{v:.decimals$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// A number as its format shows it (decimals, thousands, percent, currency), falling back to
/// [`general`] for formats it does not model (scientific, fractions, conditions).
pub(crate) fn number_text(v: f64, code: &str) -> String {
    let trimmed = code.trim();
    if trimmed.is_empty()
        || trimmed.eq_ignore_ascii_case("general")
        || trimmed == "@"
        || !v.is_finite()
    {
        return general(v);
    }
    let lower = trimmed.to_ascii_lowercase();
    if lower.contains("e+") || lower.contains("e-") || lower.contains('/') || lower.contains("[<") {
        return general(v);
    }
    let toks = tokens(trimmed);
    if !toks
        .iter()
        .any(|t| matches!(t, Tok::Num(c) if "0#?".contains(*c)))
    {
        return general(v);
    }
    let percent = toks.contains(&Tok::Percent);
    let mut decimals = 0;
    let mut after_point = false;
    let mut thousands = false;
    let mut saw_digit = false;
    for t in &toks {
        if let Tok::Num(c) = t {
            match c {
                '.' => after_point = true,
                ',' if saw_digit && !after_point => thousands = true,
                '0' | '#' | '?' if after_point => decimals += 1,
                '0' | '#' | '?' => saw_digit = true,
                _ => {}
            }
        }
    }
    let first_num = toks.iter().position(|t| matches!(t, Tok::Num(_)));
    let last_num = toks.iter().rposition(|t| matches!(t, Tok::Num(_)));
    let lit = |range: &[Tok]| {
        range
            .iter()
            .filter_map(|t| match t {
                Tok::Lit(l) => Some(l.as_str()),
                _ => None,
            })
            .collect::<String>()
    };
    let (prefix, suffix) = match (first_num, last_num) {
        (Some(f), Some(l)) => (lit(&toks[..f]), lit(&toks[l + 1..])),
        _ => (String::new(), String::new()),
    };
    let scaled = if percent { v * 100.0 } else { v };
    // Excel rounds half away from zero (Rust's formatting rounds half to even).
    let factor = 10f64.powi(decimals.min(15) as i32);
    let rounded = (scaled.abs() * factor).round() / factor;
    let mut body = format!("{rounded:.decimals$}");
    if thousands {
        let (int, frac) = match body.split_once('.') {
            Some((i, f)) => (i.to_string(), format!(".{f}")),
            None => (body.clone(), String::new()),
        };
        let mut grouped = String::new();
        for (i, ch) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(ch);
        }
        body = grouped + &frac;
    }
    let negative = scaled < 0.0 && body.chars().any(|c| c.is_ascii_digit() && c != '0');
    format!(
        "{}{}{}{}{}",
        if negative { "-" } else { "" },
        prefix.trim_start(),
        body,
        if percent { "%" } else { "" },
        suffix.trim_end()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(year: u16, month: u8, day: u8) -> DateParts {
        DateParts {
            year,
            month,
            day,
            hour: 0,
            minute: 0,
            second: 0,
        }
    }

    #[test]
    fn dates_by_format() {
        let mar = d(2025, 3, 1);
        assert_eq!(date_text(mar, "mmm-yy"), "Mar-25");
        assert_eq!(date_text(mar, "mmmm yyyy"), "March 2025");
        assert_eq!(date_text(mar, "mm/yyyy"), "March 2025");
        assert_eq!(date_text(d(2025, 3, 31), "dd/mm/yyyy"), "2025-03-31");
        assert_eq!(date_text(d(2025, 3, 31), "mm-dd-yy"), "2025-03-31");
        assert_eq!(
            date_text(d(2025, 3, 31), "[$-809]dd mmmm yyyy;@"),
            "2025-03-31"
        );
        assert_eq!(date_text(d(2025, 3, 31), "d-mmm"), "2025-03-31");
        assert_eq!(date_text(d(2025, 3, 31), "yyyy"), "2025");
        assert_eq!(date_text(d(2025, 3, 31), "General"), "2025-03-31");
        let t = DateParts {
            hour: 14,
            minute: 5,
            ..d(1899, 12, 31)
        };
        assert_eq!(date_text(t, "h:mm AM/PM"), "14:05");
        assert_eq!(date_text(t, "hh:mm:ss"), "14:05:00");
        assert_eq!(date_text(t, "[h]:mm"), "14:05");
    }

    #[test]
    fn numbers_by_format() {
        assert_eq!(general(0.1 + 0.2), "0.3");
        assert_eq!(general(12.0), "12");
        assert_eq!(general(-2.5), "-2.5");
        assert_eq!(general(1e20), "100000000000000000000");
        assert_eq!(number_text(0.75, "0%"), "75%");
        assert_eq!(number_text(0.755, "0.0%"), "75.5%");
        assert_eq!(number_text(1234.5, "#,##0.00"), "1,234.50");
        assert_eq!(number_text(1234.5, "[$£-809]#,##0"), "£1,235");
        assert_eq!(number_text(-3.0, "0.00"), "-3.00");
        assert_eq!(number_text(1234.5, "General"), "1234.5");
        assert_eq!(number_text(1.5, "# ?/?"), "1.5");
    }
}

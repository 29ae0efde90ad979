//! Reading a figure cell: a number with its unit, or a note that there is none.
//!
//! A value is given only when the whole cell reads as one number: an optional comparison
//! ("≥", "<", "at least"), an optional sign and currency (£, $, €), digits with commas only
//! where they group thousands ("1,250", not "1,25"), an optional multiplier after a currency
//! ("£1.2m", "£3bn", "£40k"), then "%" or a few words of unit ("days", "per cent"). Anything
//! else ("5 or 6", "2024/25", "12 per 1,000", "85% (Q2)") has no value and the note
//! [`FigureNote::Unread`]: the importer reports it with its row and column.

use super::measure::{Comparison, Figure, FigureNote};
use crate::text::{normalise_words, Text};

/// Read a figure cell.
///
/// ```
/// use actionplan::measures::{read_figure, FigureNote};
/// assert_eq!(read_figure("12.4").value, Some(12.4));
/// assert_eq!(read_figure("1,234,567").value, Some(1234567.0));
/// assert_eq!(read_figure("85%").value, Some(85.0));
/// assert_eq!(read_figure("£1.2m").value, Some(1_200_000.0));
/// assert_eq!(read_figure("4.5 days").unit.as_deref(), Some("days"));
/// assert_eq!(read_figure("1,25").note, Some(FigureNote::Unread));
/// assert_eq!(read_figure("n/a").note, Some(FigureNote::NotAvailable));
/// assert_eq!(read_figure("Annual").note, Some(FigureNote::NotAssessed));
/// assert_eq!(read_figure("2024/25").value, None);
/// ```
pub fn read_figure(text: &str) -> Figure {
    let t = text.trim();
    let mut f = Figure {
        text: Text::from(t),
        ..Figure::default()
    };
    if let Some(note) = note_of(t) {
        f.note = Some(note);
        return f;
    }
    match parse_number(t) {
        Some((value, unit, comparison)) => {
            f.value = Some(value);
            f.unit = unit.map(Text::from);
            f.comparison = comparison;
        }
        None => f.note = Some(FigureNote::Unread),
    }
    f
}

/// The note of a cell that holds words instead of a figure.
fn note_of(t: &str) -> Option<FigureNote> {
    if t.is_empty() || matches!(t, "-" | "–" | "—" | "?" | "..") {
        return Some(FigureNote::NotAvailable);
    }
    if t.len() > 120 {
        return None;
    }
    let w = normalise_words(t);
    let w = w.as_str();
    let assessed = [
        "not assessed",
        "annual",
        "annually",
        "reported annually",
        "year end",
        "year end only",
        "reported at year end",
        "not due",
        "not yet due",
        "not measured",
        "not reported",
        "not collected",
        "n a annual",
        "na annual",
        "n a annual measure",
        "biennial",
        "half yearly",
        "6 monthly",
    ];
    if assessed
        .iter()
        .any(|p| w == *p || (w.starts_with(p) && w.as_bytes().get(p.len()) == Some(&b' ')))
    {
        return Some(FigureNote::NotAssessed);
    }
    let missing = [
        "n a",
        "na",
        "tbc",
        "tbd",
        "not available",
        "data not available",
        "not yet available",
        "unavailable",
        "awaiting data",
        "no data",
        "not applicable",
        "pending",
        "to follow",
        "to be confirmed",
        "nil return",
        "none set",
        "no target",
        "no target set",
        "data only",
    ];
    if missing.contains(&w) {
        return Some(FigureNote::NotAvailable);
    }
    None
}

/// The comparison words or symbols at the start of a figure.
const COMPARISONS: [(&str, Comparison); 16] = [
    ("<=", Comparison::AtMost),
    ("=<", Comparison::AtMost),
    ("≤", Comparison::AtMost),
    (">=", Comparison::AtLeast),
    ("=>", Comparison::AtLeast),
    ("≥", Comparison::AtLeast),
    ("<", Comparison::Below),
    (">", Comparison::Above),
    ("at least", Comparison::AtLeast),
    ("no less than", Comparison::AtLeast),
    ("minimum", Comparison::AtLeast),
    ("min", Comparison::AtLeast),
    ("no more than", Comparison::AtMost),
    ("up to", Comparison::AtMost),
    ("maximum", Comparison::AtMost),
    ("max", Comparison::AtMost),
];

/// A whole cell read as one number: (value, unit, comparison).
fn parse_number(t: &str) -> Option<(f64, Option<String>, Option<Comparison>)> {
    let mut s = t.trim();
    let mut comparison = None;
    let lower = s.to_lowercase();
    for (p, c) in COMPARISONS {
        if lower.starts_with(p) {
            // A word must be followed by a space or a digit ("min 5", "max. 5").
            let rest = &s[p.len()..];
            let word = p.chars().next().is_some_and(char::is_alphabetic);
            if word
                && !rest
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_whitespace() || c == '.' || c == ':')
            {
                continue;
            }
            comparison = Some(c);
            s = rest.trim_start_matches(['.', ':']).trim_start();
            break;
        }
    }
    let mut negative = false;
    let mut currency: Option<char> = None;
    for _ in 0..2 {
        if let Some(r) = s.strip_prefix(['-', '−']) {
            if negative {
                return None;
            }
            negative = true;
            s = r.trim_start();
        } else if let Some(c) = s.chars().next().filter(|c| matches!(c, '£' | '$' | '€')) {
            if currency.is_some() {
                return None;
            }
            currency = Some(c);
            s = s[c.len_utf8()..].trim_start();
        }
    }
    // The digits.
    let end = s
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == ',' || *c == '.'))
        .map_or(s.len(), |(i, _)| i);
    let digits = &s[..end];
    let value = plain_number(digits)?;
    let mut rest = s[end..].trim();
    let mut value = if negative { -value } else { value };
    let mut unit: Option<String> = currency.map(|c| c.to_string());
    // A multiplier after a currency.
    if currency.is_some() {
        let lower = rest.to_lowercase();
        for (w, m) in [
            ("billion", 1e9),
            ("million", 1e6),
            ("bn", 1e9),
            ("mn", 1e6),
            ("m", 1e6),
            ("k", 1e3),
        ] {
            if lower.starts_with(w)
                && !lower[w.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
            {
                value *= m;
                rest = rest[w.len()..].trim();
                break;
            }
        }
    }
    if let Some(r) = rest.strip_prefix('%') {
        if currency.is_some() {
            return None;
        }
        unit = Some("%".into());
        rest = r.trim();
    }
    if !rest.is_empty() {
        // A few words of unit, letters only.
        let w = normalise_words(rest);
        if matches!(w.as_str(), "per cent" | "percent" | "pc") && unit.is_none() {
            unit = Some("%".into());
        } else if matches!(w.as_str(), "k" | "m" | "mn" | "bn" | "b") {
            // "1.2m": millions or metres? Not read.
            return None;
        } else if let Some(m) = match w.as_str() {
            "thousand" => Some(1e3),
            "million" => Some(1e6),
            "billion" => Some(1e9),
            _ => None,
        } {
            value *= m;
        } else if rest.split_whitespace().count() <= 3
            && rest
                .chars()
                .all(|c| c.is_alphabetic() || c == ' ' || c == '/')
            && unit.is_none()
        {
            unit = Some(rest.to_string());
        } else {
            return None;
        }
    }
    value.is_finite().then_some((value, unit, comparison))
}

/// Digits with an optional decimal part; commas only between groups of three.
fn plain_number(s: &str) -> Option<f64> {
    if s.is_empty() || s.len() > 40 {
        return None;
    }
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    if let Some(f) = frac {
        if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    if int.is_empty() && frac.is_none() {
        return None;
    }
    if int.contains(',') {
        let groups: Vec<&str> = int.split(',').collect();
        let first = groups[0];
        if first.is_empty()
            || first.len() > 3
            || groups[1..].iter().any(|g| g.len() != 3)
            || !groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
        {
            return None;
        }
    } else if !int.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let joined: String = s.chars().filter(|c| *c != ',').collect();
    let joined = if joined.starts_with('.') {
        format!("0{joined}")
    } else {
        joined
    };
    joined.parse::<f64>().ok()
}

/// A number as reports write it: at most two decimals, no trailing zeros, commas between
/// thousands.
///
/// ```
/// use actionplan::measures::number;
/// assert_eq!(number(10.0), "10");
/// assert_eq!(number(12.40), "12.4");
/// assert_eq!(number(1250.0), "1,250");
/// assert_eq!(number(-0.126), "-0.13");
/// assert_eq!(number(0.1 + 0.2), "0.3");
/// ```
pub fn number(v: f64) -> String {
    if !v.is_finite() {
        return v.to_string();
    }
    let s = format!("{:.2}", v.abs());
    let s = s.trim_end_matches('0').trim_end_matches('.');
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let mut out = String::with_capacity(s.len() + 4);
    let n = int.len();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    if v < 0.0 && out.chars().any(|c| c != '0' && c != '.' && c != ',') {
        out.insert(0, '-');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(t: &str) -> Option<f64> {
        read_figure(t).value
    }

    #[test]
    fn numbers_read_with_confidence() {
        assert_eq!(v("0"), Some(0.0));
        assert_eq!(v("-3.5"), Some(-3.5));
        assert_eq!(v("−3.5"), Some(-3.5));
        assert_eq!(v("-£5"), Some(-5.0));
        assert_eq!(v(".5"), Some(0.5));
        assert_eq!(v("£40k"), Some(40_000.0));
        assert_eq!(v("£3bn"), Some(3e9));
        assert_eq!(v("97.5 per cent"), Some(97.5));
        assert_eq!(read_figure("97.5 per cent").unit.as_deref(), Some("%"));
        assert_eq!(v("≥ 90%"), Some(90.0));
        assert_eq!(
            read_figure("at least 90").comparison,
            Some(Comparison::AtLeast)
        );
        assert_eq!(
            read_figure("max. 5 days").comparison,
            Some(Comparison::AtMost)
        );
        assert_eq!(read_figure("< 5").comparison, Some(Comparison::Below));
        assert_eq!(v("1,000"), Some(1000.0));
        assert_eq!(v("1.5 million"), Some(1_500_000.0));
    }

    #[test]
    fn doubtful_cells_have_no_value() {
        for t in [
            "5 or 6",
            "2024/25",
            "31/03/2025",
            "1,25",
            "12,3456",
            "1.2.3",
            "85% (Q2)",
            "12 per 1,000",
            "1.2m",
            "£5%",
            "--5",
            "about 5",
            "Q2: 45",
            "10-15",
            "1e5",
            "NaN",
            "inf",
            "minimal",
        ] {
            let f = read_figure(t);
            assert_eq!(f.value, None, "{t}");
            assert_eq!(f.note, Some(FigureNote::Unread), "{t}");
        }
    }

    #[test]
    fn notes() {
        for t in [
            "Not assessed",
            "Not assessed this quarter",
            "Annual measure",
            "annual",
        ] {
            assert_eq!(read_figure(t).note, Some(FigureNote::NotAssessed), "{t}");
        }
        for t in ["n/a", "N/A", "TBC", "-", "", "Data not available"] {
            assert_eq!(read_figure(t).note, Some(FigureNote::NotAvailable), "{t}");
        }
        // "Annualised rate" is not "annual".
        assert_eq!(read_figure("annualised").note, Some(FigureNote::Unread));
    }
}

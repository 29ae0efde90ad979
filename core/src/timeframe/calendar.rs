//! Calendar arithmetic and month names: month ends, month steps, typo-tolerant month words.

use chrono::{Datelike, NaiveDate};

/// Years outside this range are not read as years ("2000 homes" aside, 4-digit numbers are).
pub(crate) const YEAR_MIN: i32 = 1950;
pub(crate) const YEAR_MAX: i32 = 2150;

pub(crate) const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Last day of a month.
///
/// ```
/// assert_eq!(actionplan::timeframe::month_end(2024, 2), "2024-02-29".parse().ok());
/// assert_eq!(actionplan::timeframe::month_end(2024, 13), None);
/// ```
pub fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    if !(1..=12).contains(&month) {
        return None;
    }
    let (y, m) = if month == 12 {
        (year.checked_add(1)?, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

pub(crate) fn month_start(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, 1)
}

/// The month `k` months after (year, month).
pub(crate) fn add_months(year: i32, month: u32, k: i32) -> (i32, u32) {
    let idx = year as i64 * 12 + (month as i64 - 1) + k as i64;
    let y = idx.div_euclid(12);
    let m = idx.rem_euclid(12) as u32 + 1;
    (y.clamp(i32::MIN as i64, i32::MAX as i64) as i32, m)
}

/// The months from (year, month) for `count` months, as a first and last day.
pub(crate) fn month_span(year: i32, month: u32, count: u32) -> Option<(NaiveDate, NaiveDate)> {
    let a = month_start(year, month)?;
    let (y2, m2) = add_months(year, month, count.max(1) as i32 - 1);
    Some((a, month_end(y2, m2)?))
}

/// Whole months from the first of `a`'s month to the end of `b`'s month, when the span is
/// exactly whole months.
pub(crate) fn whole_months(a: NaiveDate, b: NaiveDate) -> Option<u32> {
    if a.day() != 1 || month_end(b.year(), b.month()) != Some(b) {
        return None;
    }
    let n = (b.year() - a.year()) * 12 + b.month() as i32 - a.month() as i32 + 1;
    u32::try_from(n).ok()
}

pub(crate) fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    d.checked_add_signed(chrono::TimeDelta::try_days(n)?)
}

/// `d` plus `k` months, clamped to the month's last day.
pub(crate) fn add_months_to(d: NaiveDate, k: i32) -> Option<NaiveDate> {
    let (y, m) = add_months(d.year(), d.month(), k);
    let last = month_end(y, m)?;
    NaiveDate::from_ymd_opt(y, m, d.day().min(last.day()))
}

/// A two-digit year: the century nearest the reference (or 2000-2069 / 1970-1999).
pub(crate) fn expand_yy(yy: u32, reference: Option<NaiveDate>) -> i32 {
    let yy = (yy % 100) as i32;
    match reference {
        Some(r) => {
            let c = r.year().div_euclid(100) * 100;
            [c - 100 + yy, c + yy, c + 100 + yy]
                .into_iter()
                .min_by_key(|y| (y - r.year()).abs())
                .unwrap_or(2000 + yy)
        }
        None if yy < 70 => 2000 + yy,
        None => 1900 + yy,
    }
}

pub(crate) fn plausible_year(y: i64) -> bool {
    (YEAR_MIN as i64..=YEAR_MAX as i64).contains(&y)
}

/// Most days a month can have in any year (February: 29).
pub(crate) fn max_days(month: u32) -> u32 {
    match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Short misspellings seen in real plans, for month names too short for the edit-distance rule.
const KNOWN_TYPOS: [(&str, u32); 9] = [
    ("apirl", 4),
    ("arpil", 4),
    ("aprl", 4),
    ("jne", 6),
    ("jnue", 6),
    ("juen", 6),
    ("jly", 7),
    ("mrach", 3),
    ("febr", 2),
];

/// A month from a lowercase word: full names, abbreviations of three letters or more ("Sept"),
/// and misspellings of the long names within one or two edits ("Febuary", "Setpember").
/// Returns the month and whether it was a misspelling.
pub(crate) fn month_word(w: &str) -> Option<(u32, bool)> {
    let b = w.as_bytes();
    if b.len() < 3 || b.len() > 12 || !w.is_ascii() {
        return None;
    }
    for (i, name) in MONTH_NAMES.iter().enumerate() {
        if name.starts_with(w) {
            return Some((i as u32 + 1, false));
        }
    }
    for (t, m) in KNOWN_TYPOS {
        if t == w {
            return Some((m, true));
        }
    }
    if b.len() < 5 {
        return None;
    }
    let mut found = None;
    for (i, name) in MONTH_NAMES.iter().enumerate() {
        let nb = name.as_bytes();
        if nb.len() < 6 || nb[0] != b[0] {
            continue;
        }
        let max = if nb.len() >= 8 && b.len() >= 7 { 2 } else { 1 };
        if b.len().abs_diff(nb.len()) > max {
            continue;
        }
        if osa_distance(b, nb) <= max {
            if found.is_some() {
                return None;
            }
            found = Some(i as u32 + 1);
        }
    }
    found.map(|m| (m, true))
}

/// Optimal-string-alignment edit distance (insert, delete, substitute, swap neighbours) of two
/// short byte strings (at most 16 bytes each; longer ones count as far apart).
pub(crate) fn osa_distance(a: &[u8], b: &[u8]) -> usize {
    const N: usize = 17;
    if a.len() >= N || b.len() >= N {
        return usize::MAX;
    }
    let mut d = [[0usize; N]; N];
    for (i, row) in d.iter_mut().enumerate().take(a.len() + 1) {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate().take(b.len() + 1) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[a.len()][b.len()]
}

pub(crate) fn month_title(m: u32) -> &'static str {
    const T: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    T[(m.clamp(1, 12) - 1) as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months() {
        assert_eq!(month_word("sept"), Some((9, false)));
        assert_eq!(month_word("febuary"), Some((2, true)));
        assert_eq!(month_word("feburary"), Some((2, true)));
        assert_eq!(month_word("setpember"), Some((9, true)));
        assert_eq!(month_word("ocotber"), Some((10, true)));
        assert_eq!(month_word("janurary"), Some((1, true)));
        assert_eq!(month_word("match"), None);
        assert_eq!(month_word("ma"), None);
        assert_eq!(month_word("decision"), None);
        assert_eq!(month_word("marked"), None);
    }

    #[test]
    fn arithmetic() {
        assert_eq!(add_months(2024, 11, 3), (2025, 2));
        assert_eq!(add_months(2024, 1, -1), (2023, 12));
        assert_eq!(expand_yy(25, None), 2025);
        assert_eq!(expand_yy(99, "2025-01-01".parse().ok()), 1999);
        assert_eq!(expand_yy(30, "2025-01-01".parse().ok()), 2030);
        assert_eq!(expand_yy(99, "2000-01-01".parse().ok()), 1999);
    }
}

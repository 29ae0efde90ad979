//! Reading `YYYY-MM-DD` dates: the text chrono's `NaiveDate::from_str` accepts, with its
//! messages, without chrono's general format parser (which costs a WebAssembly module ~9 KB).

use chrono::NaiveDate;

/// Read a date as `NaiveDate::from_str` does: a year (up to four digits, or any number of
/// digits after a `+` or `-` sign), a month and a day of one or two digits, separated by `-`;
/// whitespace is allowed before each number and around the dashes and at the end. The error
/// is chrono's message for the same text ("input contains invalid characters", "premature end
/// of input", "trailing input", "input is out of range").
///
/// ```
/// use actionplan::date::parse_date;
/// use chrono::NaiveDate;
/// assert_eq!(parse_date("2025-03-31"), Ok(NaiveDate::from_ymd_opt(2025, 3, 31).unwrap()));
/// assert_eq!(parse_date("2025-3-1"), "2025-3-1".parse::<NaiveDate>().map_err(|_| ""));
/// assert_eq!(parse_date("2025-02-30"), Err("input is out of range"));
/// assert_eq!(parse_date("31/03/2025"), Err("input contains invalid characters"));
/// ```
pub fn parse_date(text: &str) -> Result<NaiveDate, &'static str> {
    const OUT_OF_RANGE: &str = "input is out of range";
    const INVALID: &str = "input contains invalid characters";
    const TOO_SHORT: &str = "premature end of input";
    const TOO_LONG: &str = "trailing input";

    // chrono's scan::number: at least one ASCII digit, at most `max`.
    fn number(s: &str, max: usize) -> Result<(&str, i64), &'static str> {
        let digits = s.bytes().take(max).take_while(u8::is_ascii_digit).count();
        if s.is_empty() {
            return Err(TOO_SHORT);
        }
        if digits == 0 {
            return Err(INVALID);
        }
        let mut n = 0i64;
        for c in s[..digits].bytes() {
            n = n
                .checked_mul(10)
                .and_then(|n| n.checked_add(i64::from(c - b'0')))
                .ok_or(OUT_OF_RANGE)?;
        }
        Ok((&s[digits..], n))
    }
    fn dash(s: &str) -> Result<&str, &'static str> {
        let s = s.trim_start();
        match s.strip_prefix('-') {
            Some(rest) => Ok(rest),
            None if s.is_empty() => Err(TOO_SHORT),
            None => Err(INVALID),
        }
    }

    let s = text.trim_start();
    let (s, year) = if let Some(rest) = s.strip_prefix('-') {
        let (s, v) = number(rest, usize::MAX)?;
        (s, -v)
    } else if let Some(rest) = s.strip_prefix('+') {
        number(rest, usize::MAX)?
    } else {
        number(s, 4)?
    };
    let year = i32::try_from(year).map_err(|_| OUT_OF_RANGE)?;
    let (s, month) = number(dash(s)?.trim_start(), 2)?;
    if !(1..=12).contains(&month) {
        return Err(OUT_OF_RANGE);
    }
    let (s, day) = number(dash(s)?.trim_start(), 2)?;
    if !(1..=31).contains(&day) {
        return Err(OUT_OF_RANGE);
    }
    if !s.trim_start().is_empty() {
        return Err(TOO_LONG);
    }
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).ok_or(OUT_OF_RANGE)
}

/// `#[serde(deserialize_with = "crate::date::opt")]` for an `Option<NaiveDate>` field: `null`
/// or a date string, read by [`parse_date`] (chrono's serde reads the same and says the same).
pub(crate) fn opt<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    d.deserialize_option(OptDate)
}

struct OptDate;

impl<'de> serde::de::Visitor<'de> for OptDate {
    type Value = Option<NaiveDate>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("option")
    }
    fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(DateStr).map(Some)
    }
}

struct DateStr;

impl serde::de::Visitor<'_> for DateStr {
    type Value = NaiveDate;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a formatted date string")
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<NaiveDate, E> {
        parse_date(v).map_err(E::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::parse_date;
    use chrono::NaiveDate;

    /// The same result and message as chrono for every shape of input we could think of.
    #[test]
    fn same_as_chrono() {
        let mut cases: Vec<String> = [
            "",
            " ",
            "2025",
            "2025-",
            "2025-03",
            "2025-03-",
            "2025-03-31",
            " 2025-03-31 ",
            "2025 - 03 - 31",
            "2025-3-1",
            "2025-003-01",
            "2025-03-011",
            "2025-03-31x",
            "x",
            "-2025-03-31",
            "+2025-03-31",
            "+12345-01-01",
            "-0-01-01",
            "12345-01-01",
            "0000-01-01",
            "2025-00-01",
            "2025-13-01",
            "2025-02-29",
            "2024-02-29",
            "2025-04-31",
            "2025-01-32",
            "2025-01-00",
            "2025/01/01",
            "2025-01-01T00:00",
            "+-1-01-01",
            "+",
            "-",
            "99999999999-01-01",
            "+99999999999999999999-01-01",
            "2147483647-01-01",
            "+262143-12-31",
            "+262144-01-01",
            "-262144-01-01",
            "\u{a0}2025-01-01",
            "2025-\u{2003}01-01",
            "２０２５-01-01",
            "2025--01-01",
            "2025-1",
            "2025-01-1 ",
            "1-1-1",
            "01-01-01",
            "2025-01-01\n",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for y in ["0", "1969", "-7"] {
            for m in ["0", "1", "9", "12", "13"] {
                for d in ["0", "1", "28", "31", "32"] {
                    cases.push(format!("{y}-{m}-{d}"));
                }
            }
        }
        for c in &cases {
            let chrono = c.parse::<NaiveDate>().map_err(|e| e.to_string());
            let ours = parse_date(c).map_err(str::to_string);
            assert_eq!(ours, chrono, "{c:?}");
        }
    }
}

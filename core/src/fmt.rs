//! Wording shared by every output: lists in English, plurals, numbers and dates as people
//! write them in reports. One home, so that the statistics, the diff, the ratings' reasons and
//! the reports all say things the same way (and no module reaches into another for a helper).
//!
//! ```
//! use actionplan::fmt::{join_and, long_date, plural};
//! assert_eq!(join_and(&["a".into(), "b".into(), "c".into()]), "a, b and c");
//! assert_eq!(plural(1, "action", "actions"), "1 action");
//! assert_eq!(long_date("2025-03-31".parse().unwrap()), "31 March 2025");
//! ```

use chrono::{Datelike, NaiveDate};

/// The months' names in English, January first.
///
/// ```
/// assert_eq!(actionplan::fmt::MONTHS[2], "March");
/// ```
pub const MONTHS: [&str; 12] = [
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

/// A list as a sentence writes it: "a", "a and b", "a, b and c".
///
/// ```
/// assert_eq!(actionplan::fmt::join_and(&[]), "");
/// assert_eq!(actionplan::fmt::join_and(&["one".into(), "two".into()]), "one and two");
/// ```
pub fn join_and(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A count with its noun: "1 action", "2 actions".
///
/// ```
/// assert_eq!(actionplan::fmt::plural(2, "deadline moved", "deadlines moved"), "2 deadlines moved");
/// ```
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", count(n), if n == 1 { one } else { many })
}

/// A whole number as reports write it, with a comma between thousands: "10,000".
///
/// ```
/// assert_eq!(actionplan::fmt::count(10000), "10,000");
/// assert_eq!(actionplan::fmt::count(999), "999");
/// assert_eq!(actionplan::fmt::count(1234567), "1,234,567");
/// ```
pub fn count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A number without a needless ".0", at most one decimal.
///
/// ```
/// assert_eq!(actionplan::fmt::fmt_num(42.0), "42");
/// assert_eq!(actionplan::fmt::fmt_num(12.345), "12.3");
/// ```
pub fn fmt_num(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// A date as people write it in a report: "31 March 2025".
///
/// ```
/// assert_eq!(actionplan::fmt::long_date("2025-03-31".parse().unwrap()), "31 March 2025");
/// ```
pub fn long_date(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
}

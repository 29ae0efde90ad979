//! The generated test of the timeframe grammar: every period part, written in each of its
//! spellings, with every year notation, in every wrapping and order, must read as the interval
//! computed here from the parts that made the phrase (an oracle of its own, sharing no code with
//! the reader). This is what shows the reader is compositional rather than a list of forms.

use actionplan::timeframe::{parse, Confidence, Settings};
use chrono::{Datelike, NaiveDate};

/// What a year part names.
#[derive(Clone, Copy, Debug)]
enum Year {
    /// A calendar year.
    Cal(i32),
    /// A financial year starting in April of this year.
    Fy(i32),
    /// "FY25": a financial year named by one year, ending or starting in it.
    FyOne(i32),
    /// A civic (municipal) year starting in May of this year.
    Civic(i32),
    /// An academic (school) year starting in September of this year.
    Academic(i32),
}

/// A period part without its year.
#[derive(Clone, Copy, Debug)]
enum Period {
    Month(u32),
    /// First and last month (the first may belong to the year before the last).
    MonthRange(u32, u32),
    Quarter(u32),
    QuarterRange(u32, u32),
    Half(u32),
    /// 0 spring .. 3 winter.
    Season(u32),
    /// early (0), mid (1), late (2), end of (3), beginning of (4) a month.
    PartOfMonth(u32, u32),
    /// early (0), mid (1), late (2), end of (3) a season.
    PartOfSeason(u32, u32),
}

fn end_of_month(y: i32, m: u32) -> NaiveDate {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1)
        .unwrap()
        .pred_opt()
        .unwrap()
}

/// (year, month) of the month `k` months after (y, m).
fn step(y: i32, m: u32, k: i32) -> (i32, u32) {
    let i = y * 12 + m as i32 - 1 + k;
    (i.div_euclid(12), i.rem_euclid(12) as u32 + 1)
}

/// The year a period starting in calendar month `m` falls in, within a year of twelve months
/// starting at (`y`, `first`).
fn place(m: u32, y: i32, first: u32) -> i32 {
    if m >= first {
        y
    } else {
        y + 1
    }
}

/// The months a period covers in a given year (as (first year, first month, months)).
fn span(p: Period, year: Year) -> (i32, u32, i32) {
    let (y, first, calendar) = match year {
        Year::Cal(y) => (y, 1, true),
        Year::Fy(y) | Year::FyOne(y) => (y, 4, false),
        Year::Civic(y) => (y, 5, false),
        Year::Academic(y) => (y, 9, false),
    };
    match p {
        Period::Month(m) | Period::PartOfMonth(m, _) => (place(m, y, first), m, 1),
        Period::MonthRange(a, b) => {
            let yb = place(b, y, first);
            let ya = if a <= b { yb } else { yb - 1 };
            (ya, a, (yb * 12 + b as i32) - (ya * 12 + a as i32) + 1)
        }
        Period::Quarter(n) => {
            let (qy, qm) = step(y, first, 3 * (n as i32 - 1));
            (qy, qm, 3)
        }
        Period::QuarterRange(a, b) => {
            let (qy, qm) = step(y, first, 3 * (a as i32 - 1));
            (qy, qm, 3 * (b - a + 1) as i32)
        }
        Period::Half(n) => {
            let (hy, hm) = step(y, first, 6 * (n as i32 - 1));
            (hy, hm, 6)
        }
        Period::Season(s) | Period::PartOfSeason(s, _) => {
            let m = [3, 6, 9, 12][s as usize];
            let _ = calendar;
            (place(m, y, first), m, 3)
        }
    }
}

/// The deadline interval (earliest, latest) the phrase must read as.
fn expected(p: Period, year: Year) -> (NaiveDate, NaiveDate) {
    let one = |year: Year| -> NaiveDate {
        let (y, m, len) = span(p, year);
        let (ly, lm) = step(y, m, len - 1);
        let last = end_of_month(ly, lm);
        match p {
            Period::PartOfMonth(_, part) => {
                let d = |n| NaiveDate::from_ymd_opt(y, m, n).unwrap();
                match part {
                    0 | 4 => d(10),
                    1 => d(20),
                    _ => last,
                }
            }
            Period::PartOfSeason(_, part) => match part {
                0 => end_of_month(y, m),
                1 => {
                    let (my, mm) = step(y, m, 1);
                    end_of_month(my, mm)
                }
                _ => last,
            },
            _ => last,
        }
    };
    match year {
        Year::FyOne(y) => {
            let (a, b) = (one(Year::Fy(y - 1)), one(Year::Fy(y)));
            (a.min(b), a.max(b))
        }
        y => {
            let d = one(y);
            (d, d)
        }
    }
}

const MONTHS: [&str; 12] = [
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
const ABBR: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec",
];
const NUMBER_WORDS: [&str; 4] = ["one", "two", "three", "four"];
const ORDINALS: [&str; 4] = ["first", "second", "third", "fourth"];
const SEASONS: [&str; 4] = ["Spring", "Summer", "Autumn", "Winter"];
const PARTS: [&str; 5] = ["early", "mid", "late", "end of", "beginning of"];

/// Every period part in every spelling.
fn periods() -> Vec<(String, Period)> {
    let mut v = Vec::new();
    for m in 1..=12u32 {
        v.push((MONTHS[m as usize - 1].to_string(), Period::Month(m)));
        if m != 5 {
            v.push((ABBR[m as usize - 1].to_string(), Period::Month(m)));
        }
    }
    for (a, b) in [(1, 3), (4, 6), (7, 9), (10, 12), (11, 2), (9, 11)] {
        let (na, nb) = (MONTHS[a as usize - 1], MONTHS[b as usize - 1]);
        v.push((format!("{na} to {nb}"), Period::MonthRange(a, b)));
        v.push((format!("{na} – {nb}"), Period::MonthRange(a, b)));
        let (sa, sb) = (ABBR[a as usize - 1], ABBR[b as usize - 1]);
        v.push((format!("{sa}-{sb}"), Period::MonthRange(a, b)));
    }
    for n in 1..=4u32 {
        let i = n as usize - 1;
        for s in [
            format!("Q{n}"),
            format!("Qtr {n}"),
            format!("Qtr{n}"),
            format!("Quarter {n}"),
            format!("quarter {}", NUMBER_WORDS[i]),
            format!("{} quarter", ORDINALS[i]),
            format!("the {} quarter", ORDINALS[i]),
        ] {
            v.push((s, Period::Quarter(n)));
        }
        if n < 4 {
            v.push((format!("Q{n}-Q{}", n + 1), Period::QuarterRange(n, n + 1)));
            v.push((format!("Q{n}/Q{}", n + 1), Period::QuarterRange(n, n + 1)));
        }
    }
    for n in 1..=2u32 {
        v.push((format!("H{n}"), Period::Half(n)));
        let w = ["first", "second"][n as usize - 1];
        v.push((format!("{w} half"), Period::Half(n)));
        v.push((format!("the {w} half"), Period::Half(n)));
    }
    for s in 0..4u32 {
        v.push((SEASONS[s as usize].to_string(), Period::Season(s)));
        v.push((SEASONS[s as usize].to_lowercase(), Period::Season(s)));
    }
    for (pi, part) in PARTS.iter().enumerate() {
        for m in [1u32, 3, 6, 10] {
            let sep = if *part == "mid" { "-" } else { " " };
            v.push((
                format!("{part}{sep}{}", MONTHS[m as usize - 1]),
                Period::PartOfMonth(m, pi as u32),
            ));
        }
        if pi < 4 {
            for s in 0..4u32 {
                v.push((
                    format!("{part} {}", SEASONS[s as usize].to_lowercase()),
                    Period::PartOfSeason(s, pi as u32),
                ));
            }
        }
    }
    v
}

/// Every year notation for a base year `y` (the calendar year, or the year a financial year
/// starts in).
fn years(y: i32) -> Vec<(String, Year)> {
    let (a, b) = (y, y + 1);
    let (a2, b2) = (a % 100, b % 100);
    let mut v = vec![(format!("{y}"), Year::Cal(y))];
    for s in [
        format!("{a}/{b2:02}"),
        format!("{a}-{b2:02}"),
        format!("{a}/{b}"),
        format!("{a}-{b}"),
        format!("{a} to {b}"),
        format!("{a} to {b2:02}"),
        format!("{a2:02}/{b2:02}"),
        format!("{a2:02}-{b2:02}"),
        format!("{a}\u{2044}{b2:02}"),
        format!("{a}–{b2:02}"),
        format!("FY{a2:02}/{b2:02}"),
        format!("FY {a}-{b2:02}"),
        format!("FY{a}/{b2:02}"),
        format!("financial year {a}/{b2:02}"),
        format!("{a}/{b2:02} financial year"),
        format!("fiscal year {a}-{b2:02}"),
        format!("the {a}/{b2:02} financial year"),
        format!("the financial year {a}/{b2:02}"),
    ] {
        v.push((s, Year::Fy(y)));
    }
    v.push((format!("FY{b2:02}"), Year::FyOne(b)));
    v.push((format!("FY {b}"), Year::FyOne(b)));
    v.push((format!("calendar year {a}"), Year::Cal(y)));
    v.push((format!("CY{a}"), Year::Cal(y)));
    v.push((format!("civic year {a}/{b2:02}"), Year::Civic(y)));
    v.push((format!("{a}/{b2:02} Municipal Year"), Year::Civic(y)));
    v.push((format!("academic year {a}/{b2:02}"), Year::Academic(y)));
    v.push((format!("school year {a}-{b2:02}"), Year::Academic(y)));
    v
}

/// How a period and a year are put together.
fn wrap(p: &str, y: &str, w: usize) -> Option<String> {
    Some(match w {
        0 => format!("{p} {y}"),
        1 => format!("{p}, {y}"),
        2 => format!("{p} ({y})"),
        3 => format!("{p} of {y}"),
        4 => format!("{p} in {y}"),
        5 => format!("{p} for {y}"),
        6 => format!("by {p} {y}"),
        7 => format!("In {p} {y}."),
        _ => return None,
    })
}

const WRAPS: usize = 8;

fn check_all(base_years: &[i32], filter: impl Fn(&Period, &Year) -> bool) -> (usize, Vec<String>) {
    let s = Settings::default();
    let mut n = 0;
    let mut fails = Vec::new();
    for &by in base_years {
        for (ys, year) in years(by) {
            for (ps, period) in periods() {
                if !filter(&period, &year) {
                    continue;
                }
                let want = expected(period, year);
                let mut phrases: Vec<String> =
                    (0..WRAPS).filter_map(|w| wrap(&ps, &ys, w)).collect();
                // The year first: "2024/25 Q3", "FY24/25 Q3".
                if matches!(
                    period,
                    Period::Quarter(_) | Period::Half(_) | Period::QuarterRange(..)
                ) && !ys.starts_with("the ")
                {
                    phrases.push(format!("{ys} {ps}"));
                }
                for phrase in phrases {
                    n += 1;
                    let t = parse(&phrase, None, &s);
                    let got = (t.due_earliest, t.due_latest);
                    let mut err = None;
                    if got != (Some(want.0), Some(want.1)) {
                        err = Some(format!(
                            "due {:?}..{:?}, want {}..{}",
                            got.0, got.1, want.0, want.1
                        ));
                    } else if t.confidence < Confidence::Medium {
                        err = Some(format!("confidence {:?}", t.confidence));
                    } else if let (Year::Cal(_), Period::Quarter(_) | Period::QuarterRange(..)) =
                        (year, period)
                    {
                        if t.confidence != Confidence::Medium
                            || !t.note.as_deref().unwrap_or("").contains("calendar quarter")
                        {
                            err = Some(format!(
                                "a quarter with a calendar year: confidence {:?}, note {:?}",
                                t.confidence, t.note
                            ));
                        }
                    } else if let Year::FyOne(_) = year {
                        if t.confidence != Confidence::Medium {
                            err = Some(format!(
                                "FY named by one year: confidence {:?}",
                                t.confidence
                            ));
                        }
                    } else if t.confidence != Confidence::High {
                        err = Some(format!("confidence {:?} ({:?})", t.confidence, t.note));
                    }
                    if let Some(e) = err {
                        fails.push(format!("{phrase:?}: {e}"));
                    }
                }
            }
        }
    }
    let _ = NaiveDate::year;
    (n, fails)
}

#[test]
fn every_period_with_every_year_notation() {
    let (n, fails) = check_all(&[2024, 2019], |_, _| true);
    eprintln!(
        "grammar: {} of {n} generated phrases read as their parts say",
        n - fails.len()
    );
    assert!(n > 10_000, "only {n} phrases generated");
    assert!(
        fails.is_empty(),
        "{} of {n} failed, e.g.:\n{}",
        fails.len(),
        fails
            .iter()
            .take(60)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

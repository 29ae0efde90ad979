//! Property tests: every phrase the forms below can print reads back exactly, and arbitrary
//! text never panics and always gives a coherent reading.

use actionplan::timeframe::{month_end, parse, Confidence, Kind, Settings, Timeframe};
use chrono::NaiveDate;
use proptest::prelude::*;

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
const SHORT: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn coherent(t: &Timeframe) {
    assert_eq!(t.due_earliest.is_some(), t.due_latest.is_some(), "{t:?}");
    if let (Some(a), Some(b)) = (t.due_earliest, t.due_latest) {
        assert!(a <= b, "{t:?}");
    }
    if t.kind == Kind::Unreadable {
        assert_eq!(t.confidence, Confidence::None, "{t:?}");
        assert!(t.due_latest.is_none() && t.start.is_none(), "{t:?}");
    } else {
        assert!(t.confidence > Confidence::None, "{t:?}");
    }
}

fn any_reference() -> impl Strategy<Value = Option<NaiveDate>> {
    prop_oneof![
        Just(None),
        (1990i32..2100, 1u32..=12, 1u32..=28).prop_map(|(y, m, dd)| Some(d(y, m, dd)))
    ]
}

const VOCAB: [&str; 48] = [
    "Q3",
    "2024/25",
    "24/25",
    "by",
    "from",
    "-",
    "–",
    "/",
    "May",
    "24",
    "th",
    "(",
    ")",
    "\n",
    "ongoing",
    "4",
    "x",
    "per",
    "year",
    "early",
    "end",
    "of",
    "'",
    "25",
    ".",
    "Summer",
    "Winter",
    "before",
    "Annual",
    "Council",
    "2025",
    "extended",
    "Sept",
    "31",
    "03",
    "FY",
    "quarter",
    "third",
    "w/c",
    "immediately",
    "TBC",
    "N/A",
    "Completed",
    "quarterly",
    "mid",
    "H1",
    "to",
    "or",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn month_year(m in 1u32..=12, y in 1990i32..=2100, reference in any_reference()) {
        let t = parse(&format!("{} {y}", MONTHS[m as usize - 1]), reference, &Settings::default());
        prop_assert_eq!(t.kind, Kind::Month);
        prop_assert_eq!(t.start, Some(d(y, m, 1)));
        prop_assert_eq!(t.due_earliest, month_end(y, m));
        prop_assert_eq!(t.due_latest, month_end(y, m));
        prop_assert_eq!(t.confidence, Confidence::High);
    }

    #[test]
    fn mon_yy(m in 1u32..=12, yy in 0i32..70) {
        let t = parse(&format!("{}-{yy:02}", SHORT[m as usize - 1]), None, &Settings::default());
        prop_assert_eq!(t.kind, Kind::Month);
        prop_assert_eq!(t.due(), month_end(2000 + yy, m));
    }

    #[test]
    fn mon_yy_near_the_reference(m in 1u32..=12, y in 1990i32..=2100, reference in any_reference()) {
        // With a reference, the century is the one nearest it.
        let r = reference.unwrap_or(d(y, 6, 1));
        let t = parse(&format!("{}-{:02}", SHORT[m as usize - 1], y.rem_euclid(100)), Some(r), &Settings::default());
        let got = t.due().unwrap();
        prop_assert_eq!(got.format("%m").to_string(), format!("{m:02}"));
        prop_assert!((chrono::Datelike::year(&got) - chrono::Datelike::year(&r)).abs() <= 50);
    }

    #[test]
    fn financial_year(y in 1990i32..=2100, form in 0usize..4) {
        let text = match form {
            0 => format!("{y}/{:02}", (y + 1) % 100),
            1 => format!("{y}-{:02}", (y + 1) % 100),
            2 => format!("{y}/{}", y + 1),
            _ => format!("FY {y}/{:02}", (y + 1) % 100),
        };
        let t = parse(&text, None, &Settings::default());
        prop_assert_eq!(t.kind, Kind::FinancialYear);
        prop_assert_eq!(t.start, Some(d(y, 4, 1)));
        prop_assert_eq!(t.due(), Some(d(y + 1, 3, 31)));
    }

    #[test]
    fn quarter_of_financial_year(n in 1u32..=4, y in 1990i32..=2100, form in 0usize..4) {
        let fy = format!("{y}/{:02}", (y + 1) % 100);
        let text = match form {
            0 => format!("Q{n} {fy}"),
            1 => format!("Qtr {n} {fy}"),
            2 => format!("{fy} Q{n}"),
            _ => format!("{} quarter {fy}", ["first", "second", "third", "fourth"][n as usize - 1]),
        };
        let t = parse(&text, None, &Settings::default());
        prop_assert_eq!(t.kind, Kind::Quarter);
        let (ey, em) = if n == 4 { (y + 1, 3) } else { (y, 3 + 3 * n) };
        prop_assert_eq!(t.due(), month_end(ey, em));
    }

    #[test]
    fn numeric_day(date in (1990i32..=2100, 1u32..=12, 1u32..=31).prop_filter_map("real dates", |(y, m, dd)| NaiveDate::from_ymd_opt(y, m, dd)), form in 0usize..4, reference in any_reference()) {
        use chrono::Datelike;
        let (y, m, dd) = (date.year(), date.month(), date.day());
        let text = match form {
            0 => format!("{dd:02}/{m:02}/{y}"),
            1 => format!("{dd}/{m}/{y}"),
            2 => format!("{dd:02}.{m:02}.{y}"),
            _ => format!("{y}-{m:02}-{dd:02}"),
        };
        let t = parse(&text, reference, &Settings::default());
        prop_assert_eq!(t.kind, Kind::Day);
        prop_assert_eq!(t.due_earliest, Some(date));
        prop_assert_eq!(t.due_latest, Some(date));
    }

    #[test]
    fn day_month_year_in_words(date in (1990i32..=2100, 1u32..=12, 1u32..=31).prop_filter_map("real dates", |(y, m, dd)| NaiveDate::from_ymd_opt(y, m, dd)), ordinal in any::<bool>()) {
        use chrono::Datelike;
        let dd = date.day();
        let suffix = if !ordinal { "" } else if dd % 10 == 1 && dd != 11 { "st" } else if dd % 10 == 2 && dd != 12 { "nd" } else if dd % 10 == 3 && dd != 13 { "rd" } else { "th" };
        let text = format!("{dd}{suffix} {} {}", MONTHS[date.month0() as usize], date.year());
        let t = parse(&text, None, &Settings::default());
        prop_assert_eq!(t.due(), Some(date));
        prop_assert_eq!(t.kind, Kind::Day);
    }

    #[test]
    fn yearless_month_is_the_next_one(m in 1u32..=12, reference in (1990i32..2100, 1u32..=12, 1u32..=28).prop_map(|(y, m, dd)| d(y, m, dd))) {
        let t = parse(MONTHS[m as usize - 1], Some(reference), &Settings::default());
        let due = t.due().unwrap();
        prop_assert!(due >= reference);
        prop_assert!((due - reference).num_days() < 366);
        prop_assert_eq!(t.confidence, Confidence::Medium);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,80}", reference in any_reference()) {
        let t = parse(&text, reference, &Settings::default());
        prop_assert_eq!(&t.text, &text);
        coherent(&t);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..120), reference in any_reference()) {
        let text = String::from_utf8_lossy(&bytes);
        coherent(&parse(&text, reference, &Settings::default()));
    }

    #[test]
    fn date_words_in_any_order(words in proptest::collection::vec((0usize..VOCAB.len(), any::<bool>()), 0..14), reference in any_reference()) {
        let mut text = String::new();
        for (w, space) in words {
            text.push_str(VOCAB[w]);
            if space {
                text.push(' ');
            }
        }
        coherent(&parse(&text, reference, &Settings::default()));
    }
}

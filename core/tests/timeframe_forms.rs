//! Behaviour of the timeframe reader beyond the fixture columns: revised dates, status words,
//! overdue, missing references, settings, limits, the cache and the JSON form.

use actionplan::timeframe::{
    parse, Cache, Confidence, Kind, Overdue, QuarterBasis, Settings, StatusWord, Timeframe,
};
use chrono::NaiveDate;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn read(text: &str, reference: Option<&str>) -> Timeframe {
    parse(text, reference.map(d), &Settings::default())
}

#[test]
fn revised_dates_keep_the_original() {
    let t = read("30 September 2024 extended from 31 March 2024", None);
    assert_eq!(t.due(), Some(d("2024-09-30")));
    assert_eq!(t.revised_from, Some(d("2024-03-31")));
    let t = read("Originally Dec 2024, now March 2025", None);
    assert_eq!(
        (t.due(), t.revised_from),
        (Some(d("2025-03-31")), Some(d("2024-12-31")))
    );
    let t = read("Dec 2025 (delayed from Sept 2025)", None);
    assert_eq!(t.revised_from, Some(d("2025-09-30")));
}

#[test]
fn status_words_are_statuses() {
    let t = read("Completed", None);
    assert_eq!(
        (t.kind, t.status, t.due()),
        (Kind::Status, Some(StatusWord::Complete), None)
    );
    let t = read("N/A", None);
    assert_eq!(t.status, Some(StatusWord::NotApplicable));
    let t = read("Complete – March 2024", None);
    assert_eq!(
        (t.kind, t.status),
        (Kind::Month, Some(StatusWord::Complete))
    );
    assert_eq!(t.due(), Some(d("2024-03-31")));
    let t = read("Complete by March 2025", None);
    assert_eq!(t.status, None);
    let t = read("March 2024 - Complete", None);
    assert_eq!(t.status, Some(StatusWord::Complete));
}

#[test]
fn overdue_has_two_strengths() {
    let t = read("Before Annual Council May 2025", None);
    assert_eq!(
        (t.due_earliest, t.due_latest),
        (Some(d("2025-04-30")), Some(d("2025-05-31")))
    );
    assert_eq!(t.overdue(d("2025-04-30")), Overdue::No);
    assert_eq!(t.overdue(d("2025-05-01")), Overdue::Possibly);
    assert_eq!(t.overdue(d("2025-05-31")), Overdue::Possibly);
    assert_eq!(t.overdue(d("2025-06-01")), Overdue::Definitely);
    assert_eq!(t.days_overdue(d("2025-06-10")), Some(10));
    assert_eq!(
        read("Ongoing", None).overdue(d("2030-01-01")),
        Overdue::NoDeadline
    );
    assert_eq!(read("Ongoing", None).days_overdue(d("2030-01-01")), None);
    assert_eq!(
        serde_json::to_value(Overdue::Definitely).unwrap(),
        "definitely"
    );
}

#[test]
fn no_year_without_a_reference_is_read_but_not_dated() {
    let t = read("24th June", None);
    assert_eq!(t.kind, Kind::Day);
    assert_eq!(t.confidence, Confidence::Low);
    assert!(t.due().is_none());
    assert!(
        t.note.as_deref().unwrap().contains("no plan date"),
        "{:?}",
        t.note
    );
    let t = read("24th June", Some("2025-07-01"));
    assert_eq!(t.due(), Some(d("2026-06-24")));
    assert_eq!(t.confidence, Confidence::Medium);
    assert!(t.note.as_deref().unwrap().contains("2025-07-01"));
    // Anchored by another date in the phrase, no reference needed.
    let t = read("Commence January for Approval May 2025", None);
    assert_eq!(
        (t.start, t.due()),
        (Some(d("2025-01-01")), Some(d("2025-05-31")))
    );
}

#[test]
fn unreadable_is_never_a_guess() {
    for p in [
        "soon-ish",
        "See above",
        "",
        "   ",
        "£2000",
        "Recommendation 8",
        "10.00am",
        "Rec 3.12",
        "£2025",
        "31/02/2025",
    ] {
        let t = read(p, Some("2025-01-01"));
        assert_eq!(t.kind, Kind::Unreadable, "{p:?}: {t:?}");
        assert_eq!(t.confidence, Confidence::None);
        assert!(t.due().is_none() && t.start.is_none());
        assert_eq!(t.text, p);
    }
}

#[test]
fn settings_change_the_conventions() {
    let calendar = {
        let mut v = Settings::default();
        v.quarter_basis = QuarterBasis::Calendar;
        v
    };
    assert_eq!(
        parse("Q3 2024", None, &calendar).due(),
        Some(d("2024-09-30"))
    );
    // One calendar year and no financial hint: the calendar quarter, with medium confidence
    // and a note naming the financial reading (issue 13), unless the settings say otherwise.
    let t = parse("Q3 2024", None, &Settings::default());
    assert_eq!(
        (t.due_earliest, t.due_latest, t.confidence),
        (
            Some(d("2024-09-30")),
            Some(d("2024-09-30")),
            Confidence::Medium
        )
    );
    assert!(t.note.unwrap().contains("calendar quarter"));
    let financial = {
        let mut v = Settings::default();
        v.quarter_in_calendar_year = Some(QuarterBasis::Financial);
        v
    };
    let t = parse("Q3 2024", None, &financial);
    assert_eq!(
        (t.due(), t.confidence),
        (Some(d("2024-12-31")), Confidence::High)
    );
    let january = {
        let mut v = Settings::default();
        v.financial_year_start_month = 1;
        v
    };
    assert_eq!(
        parse("2024/25", None, &january).due(),
        Some(d("2024-12-31"))
    );
    let whole = {
        let mut v = Settings::default();
        v.period_due_at_end = false;
        v
    };
    let t = parse("May 2025", None, &whole);
    assert_eq!(
        (t.due_earliest, t.due_latest),
        (Some(d("2025-05-01")), Some(d("2025-05-31")))
    );
    let s: Settings = serde_json::from_str(r#"{"seasons": {"summer": 7, "autumn": 10}}"#).unwrap();
    let t = parse("Summer 2025", None, &s);
    assert_eq!(
        (t.start, t.due()),
        (Some(d("2025-07-01")), Some(d("2025-09-30")))
    );
    // Out-of-range settings fall back to the defaults rather than panic.
    let odd = {
        let mut v = Settings::default();
        v.financial_year_start_month = 0;
        v.civic_year_start_month = 99;
        v
    };
    assert_eq!(parse("2024/25", None, &odd).due(), Some(d("2025-03-31")));
}

#[test]
fn long_input_is_capped_and_says_so() {
    let long = format!("{}May 2025", "x ".repeat(5000));
    let t = read(&long, None);
    assert_eq!(t.kind, Kind::Unreadable);
    assert_eq!(t.text, long);
    assert!(t
        .note
        .as_deref()
        .unwrap_or("")
        .contains("first 2000 characters"));
    let t = read(&format!("May 2025 {}", "é".repeat(3000)), None);
    assert_eq!(t.due(), Some(d("2025-05-31")));
    assert_eq!(t.confidence, Confidence::Medium);
}

#[test]
fn adversarial_input_is_bounded() {
    let s = {
        let mut v = Settings::default();
        v.max_chars = usize::MAX;
        v
    };
    for unit in [
        "annual council ",
        "elections ",
        "Q3 ",
        "1/",
        "May ",
        "24 th June/ ",
        "next ",
    ] {
        let text = unit.repeat(100_000 / unit.len());
        let start = std::time::Instant::now();
        let t = parse(&text, Some(d("2025-01-01")), &s);
        assert!(
            start.elapsed().as_secs() < 5,
            "{unit:?} took {:?}",
            start.elapsed()
        );
        assert!(
            t.note
                .as_deref()
                .unwrap_or("")
                .contains("first 20000 characters"),
            "{unit:?}"
        );
    }
}

#[test]
fn cache_gives_the_same_reading() {
    let mut c = Cache::new();
    let s = Settings::default();
    let r = Some(d("2025-03-18"));
    for p in ["Summer 2025", "24 th June", "Summer 2025", "24 th June"] {
        assert_eq!(c.parse(p, r, &s), parse(p, r, &s));
    }
    assert_eq!(c.len(), 2);
    // Another reference is another entry; other settings start again.
    c.parse("24 th June", None, &s);
    assert_eq!(c.len(), 3);
    let cal = {
        let mut v = s;
        v.quarter_basis = QuarterBasis::Calendar;
        v
    };
    c.parse("Q1", r, &cal);
    assert_eq!(c.len(), 1);
}

#[test]
fn json_form_round_trips() {
    let t = read("Annually in May", Some("2025-03-18"));
    let v = serde_json::to_value(&t).unwrap();
    assert_eq!(v["kind"], "recurring");
    assert_eq!(v["recurrence"]["per_year"], 1);
    assert_eq!(v["recurrence"]["month"], 5);
    assert_eq!(v["confidence"], "high");
    let back: Timeframe = serde_json::from_value(v).unwrap();
    assert_eq!(back, t);
    let t = read("N/A", None);
    assert_eq!(
        serde_json::to_value(&t).unwrap()["status"],
        "not_applicable"
    );
}

#[test]
fn the_brief_forms() {
    let cases: &[(&str, &str, &str)] = &[
        ("April – June 2023", "2023-04-01", "2023-06-30"),
        ("Jan/Feb 2022", "2022-01-01", "2022-02-28"),
        ("June 2025 to May 2026", "2025-06-01", "2026-05-31"),
        ("Budget 2024/25", "2024-04-01", "2025-03-31"),
        ("Summer 2025", "2025-06-01", "2025-08-31"),
        ("Winter 2025", "2025-12-01", "2026-02-28"),
        ("mid-2026", "2026-05-01", "2026-08-31"),
        ("H1 2025", "2025-01-01", "2025-06-30"),
    ];
    for (p, start, due) in cases {
        let t = read(p, Some("2023-01-01"));
        assert_eq!((t.start, t.due()), (Some(d(start)), Some(d(due))), "{p}");
    }
    assert_eq!(
        read("w/c 3 March 2025", None).due_earliest,
        Some(d("2025-03-03"))
    );
    assert_eq!(
        read("by the end of the year", Some("2025-02-01")).due(),
        Some(d("2025-12-31"))
    );
    assert_eq!(
        read("next financial year", Some("2025-02-01")).due(),
        Some(d("2026-03-31"))
    );
    assert_eq!(
        read("immediately", Some("2025-02-01")).due(),
        Some(d("2025-02-01"))
    );
    let t = read("TBC", None);
    assert!(t.conditional && t.due().is_none());
    let t = read("4 x per year ongoing", None);
    assert_eq!(
        t.recurrence.map(|r| (r.per_year, r.text)),
        Some((Some(4), "4 x per year".to_string()))
    );
    assert_eq!(
        read("Report to 24 th June Cabinet", Some("2025-03-18")).due(),
        Some(d("2025-06-24"))
    );
    assert_eq!(read("Febuary 2025", None).due(), Some(d("2025-02-28")));
    assert_eq!(read("Sept. 2023", None).due(), Some(d("2023-09-30")));
    assert_eq!(read("From 1 April 2025", None).kind, Kind::OpenEnded);
}

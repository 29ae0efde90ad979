//! Plan years, relative periods and several dates in one cell (issue 13, points 4 and 5).

use actionplan::timeframe::{parse, Confidence, Settings, Timeframe};
use chrono::NaiveDate;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn read(text: &str, reference: &str) -> Timeframe {
    parse(text, Some(d(reference)), &Settings::default())
}

#[test]
fn plan_years_count_from_the_plan_date() {
    let t = read("Year 1", "2024-04-01");
    assert_eq!(
        (t.start, t.due(), t.confidence),
        (
            Some(d("2024-04-01")),
            Some(d("2025-03-31")),
            Confidence::Medium
        )
    );
    assert!(t.note.unwrap().contains("a year of the plan"));
    let t = read("Years 1-4", "2024-04-01");
    assert_eq!(
        (t.start, t.due()),
        (Some(d("2024-04-01")), Some(d("2028-03-31")))
    );
    let t = read("Years 2 to 3", "2024-04-01");
    assert_eq!(
        (t.start, t.due()),
        (Some(d("2025-04-01")), Some(d("2027-03-31")))
    );
    // Without a plan date a plan year is not dated.
    let t = parse("Year 1", None, &Settings::default());
    assert_eq!((t.due(), t.confidence), (None, Confidence::Low));
}

#[test]
fn an_explicit_date_wins_over_a_relative_one() {
    let t = read("Year 2 (2023/24)", "2022-04-01");
    assert_eq!(t.due(), Some(d("2024-03-31")));
    let note = t.note.unwrap();
    assert!(
        note.contains("\"Year 2\" counted from the plan date it would end 2024-03-31"),
        "{note}"
    );
    // The relative period would end later than the date; the date still wins.
    let t = read("in six months' time (July 2024)", "2024-03-10");
    assert_eq!(t.due(), Some(d("2024-07-31")));
    let t = read("in six months' time (July 2024)", "2024-06-10");
    assert_eq!(t.due(), Some(d("2024-07-31")));
    let note = t.note.unwrap();
    assert!(
        note.contains("\"6 months\" counted from the plan date it would end 2024-12-10"),
        "{note}"
    );
    let t = read("within six months", "2024-01-10");
    assert_eq!(
        (t.due(), t.confidence),
        (Some(d("2024-07-10")), Confidence::Medium)
    );
}

#[test]
fn stacked_dates_the_last_is_current() {
    let t = read("13.09.2023\n08.11.2023", "2023-09-01");
    assert_eq!(
        (t.due(), t.revised_from),
        (Some(d("2023-11-08")), Some(d("2023-09-13")))
    );
    // Brought forward: still the last stated.
    let t = read("08.11.2023\n13.09.2023", "2023-09-01");
    assert_eq!(
        (t.due(), t.revised_from),
        (Some(d("2023-09-13")), Some(d("2023-11-08")))
    );
    // Lines that say more than a date are milestones, not revisions.
    let t = read(
        "Pay review November 2024\nImplemented by June 2025",
        "2024-06-01",
    );
    assert_eq!((t.due(), t.revised_from), (Some(d("2025-06-30")), None));
}

#[test]
fn revised_dates_in_words() {
    let t = read("March 2025 (revised from December 2024)", "2024-06-01");
    assert_eq!(
        (t.due(), t.revised_from),
        (Some(d("2025-03-31")), Some(d("2024-12-31")))
    );
    let t = read("Dec 24 - extended to Mar 25", "2024-06-01");
    assert_eq!(
        (t.due(), t.revised_from),
        (Some(d("2025-03-31")), Some(d("2024-12-31")))
    );
    let t = read("review deferred to May 2021", "2020-06-01");
    assert_eq!(t.due(), Some(d("2021-05-31")));
    let t = read(
        "Dec 2018 to April 2020 (review deferred to May 2021 due to Covid)",
        "2018-06-01",
    );
    assert_eq!(
        (t.due(), t.revised_from),
        (Some(d("2021-05-31")), Some(d("2020-04-30")))
    );
}

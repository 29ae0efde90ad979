//! General rules added in round two of the timeframe reader (issue 13), each found by a miss in
//! the scored corpus and tested here on phrases of its own.

use actionplan::timeframe::{parse, Settings, StatusWord, Timeframe};
use chrono::NaiveDate;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn read(text: &str, reference: &str) -> Timeframe {
    parse(text, Some(d(reference)), &Settings::default())
}

#[test]
fn early_in_a_year() {
    assert_eq!(
        read("late in 2027", "2025-01-01").due(),
        Some(d("2027-12-31"))
    );
    assert_eq!(
        read("early in 2026", "2025-01-01").due(),
        Some(d("2026-04-30"))
    );
    let t = read("in the new year", "2025-10-01");
    assert_eq!(
        (t.due_earliest, t.due()),
        (Some(d("2026-04-30")), Some(d("2026-04-30")))
    );
}

#[test]
fn a_period_with_next_or_this_year() {
    assert_eq!(
        read("winter next year", "2024-03-01").due(),
        Some(d("2026-02-28"))
    );
    assert_eq!(
        read("October of this year", "2024-03-01").due(),
        Some(d("2024-10-31"))
    );
}

#[test]
fn a_civic_year_ends_at_annual_council() {
    let t = read("for the Municipal Year 2026/27", "2026-06-01");
    assert_eq!(
        (t.due_earliest, t.due_latest),
        (Some(d("2027-05-01")), Some(d("2027-05-31")))
    );
    assert!(t.note.unwrap().contains("Annual Council"));
}

#[test]
fn the_year_written_out_wins_over_next() {
    assert_eq!(
        read("in the new financial year 2030/31", "2029-06-01").due(),
        Some(d("2031-03-31"))
    );
}

#[test]
fn spans_over_the_coming_year() {
    assert_eq!(
        read("over the coming year", "2024-02-10").due(),
        Some(d("2025-02-10"))
    );
    assert_eq!(
        read("within the next 6-month period", "2024-02-10").due(),
        Some(d("2024-08-10"))
    );
}

#[test]
fn recurrences_in_more_words() {
    let r = |s: &str| {
        read(s, "2024-01-01")
            .recurrence
            .map(|r| (r.per_year, r.month))
    };
    assert_eq!(r("at regular intervals"), Some((None, None)));
    assert_eq!(
        r("reviewed at three month intervals"),
        Some((Some(4), None))
    );
    assert_eq!(r("is refreshed every March"), Some((Some(1), None)));
    assert_eq!(
        r("once at the start of each civic year"),
        Some((Some(1), None))
    );
}

#[test]
fn across_a_year_is_ongoing() {
    let t = read("monitored throughout the financial year", "2024-01-01");
    assert!(t.ongoing && t.due().is_none());
    // With the year written out it is a period.
    assert_eq!(
        read("throughout the 2024/25 financial year", "2024-01-01").due(),
        Some(d("2025-03-31"))
    );
}

#[test]
fn instead_of_names_the_original() {
    let t = read("by 30 September, instead of 30 June", "2026-05-01");
    assert_eq!(
        (t.due(), t.revised_from),
        (Some(d("2026-09-30")), Some(d("2026-06-30")))
    );
}

#[test]
fn a_date_that_is_the_start() {
    let t = read("1st May 2026 being the start date", "2026-01-01");
    assert_eq!((t.start, t.due()), (Some(d("2026-05-01")), None));
}

#[test]
fn a_deadline_word_is_not_undone_by_a_later_from() {
    let t = read(
        "Deadline for returns from parishes - 3rd July.",
        "2026-06-01",
    );
    assert_eq!((t.due(), t.ongoing), (Some(d("2026-07-03")), false));
}

#[test]
fn complete_with_a_yearless_month_is_in_the_past() {
    let t = read("Complete: reported in November", "2026-01-20");
    assert_eq!(
        (t.status, t.due()),
        (Some(StatusWord::Complete), Some(d("2025-11-30")))
    );
}

#[test]
fn either_of_two_weeks() {
    let t = read("w/c 3 or 10 March 2025", "2024-06-01");
    assert_eq!(
        (t.due_earliest, t.due_latest),
        (Some(d("2025-03-09")), Some(d("2025-03-16")))
    );
}

#[test]
fn a_financial_year_then_its_months() {
    let t = read(
        "Delivery Plan 2026-27 July to September update",
        "2026-10-01",
    );
    assert_eq!(
        (t.start, t.due()),
        (Some(d("2026-07-01")), Some(d("2026-09-30")))
    );
}

#[test]
fn a_span_counts_from_a_start_in_the_phrase() {
    let t = read(
        "covers a 12-month period from January 2026 onwards",
        "2025-12-01",
    );
    assert_eq!(
        (t.start, t.due(), t.ongoing),
        (Some(d("2026-01-01")), Some(d("2026-12-31")), false)
    );
    let t = read("within six months from 1 April 2026", "2025-12-01");
    assert_eq!(
        (t.start, t.due()),
        (Some(d("2026-04-01")), Some(d("2026-09-30")))
    );
}

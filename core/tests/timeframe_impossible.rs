//! Impossible parts are errors, not guesses (issue 13, point 3): each case is unreadable with a
//! note saying what was wrong, or read with low confidence and the correction named; never a
//! confident reading of something else.

use actionplan::timeframe::{parse, Confidence, Kind, Settings, Timeframe};
use chrono::NaiveDate;

fn read(text: &str) -> Timeframe {
    parse(text, "2025-01-15".parse().ok(), &Settings::default())
}

/// Unreadable, no dates, and a note containing `why`.
fn unreadable(text: &str, why: &str) {
    let t = read(text);
    assert_eq!(
        (t.kind, t.confidence),
        (Kind::Unreadable, Confidence::None),
        "{text:?}: {t:?}"
    );
    assert!(t.due().is_none() && t.start.is_none(), "{text:?}: {t:?}");
    let note = t.note.clone().unwrap_or_default();
    assert!(
        note.contains(why),
        "{text:?}: note {note:?} should say {why:?}"
    );
}

/// Read with low confidence, due on `due`, the note naming the correction.
fn low(text: &str, due: &str, why: &str) {
    let t = read(text);
    assert_eq!(t.confidence, Confidence::Low, "{text:?}: {t:?}");
    assert_eq!(t.due(), due.parse::<NaiveDate>().ok(), "{text:?}: {t:?}");
    let note = t.note.clone().unwrap_or_default();
    assert!(
        note.contains(why),
        "{text:?}: note {note:?} should say {why:?}"
    );
}

#[test]
fn quarter_five_and_quarter_zero() {
    unreadable("Q5 2025", "is not a quarter");
    unreadable("Q0", "is not a quarter");
    unreadable("Quarter 5 2024/25", "is not a quarter");
    unreadable("by Q0 2025", "is not a quarter");
}

#[test]
fn half_three() {
    unreadable("H3 2025", "is not a half");
}

#[test]
fn month_thirteen() {
    unreadable("month 13", "is not a month");
    unreadable("Month 0 2025", "is not a month");
}

#[test]
fn thirty_first_of_february() {
    unreadable("31 February 2025", "31 February 2025 is not a date");
    unreadable("29 February 2025", "29 February 2025 is not a date");
    unreadable("30th of February", "30 February is not a date");
    unreadable("February 30th 2025", "30 February 2025 is not a date");
    unreadable("31 April", "31 April is not a date");
    // A real 29 February is fine.
    assert_eq!(read("29 February 2024").due(), "2024-02-29".parse().ok());
}

#[test]
fn iso_day_that_does_not_exist() {
    unreadable("2025-02-31", "is not a real date");
    unreadable("31/02/2025", "is not a real date");
}

#[test]
fn week_ninety_nine() {
    unreadable("week 99", "is not a week of the year");
    unreadable("Week 0 2025", "is not a week of the year");
}

#[test]
fn years_out_of_range() {
    unreadable("9999", "is not a year read here");
    unreadable("10000", "is not a year read here");
    unreadable("by 9999", "is not a year read here");
    unreadable("March 9999", "is not a year read here");
    // A count is not a year: the deadline still reads.
    assert_eq!(
        read("Deliver 10000 homes by 2030").due(),
        "2030-12-31".parse().ok()
    );
}

#[test]
fn reversed_ranges() {
    unreadable("2024/2023", "ends before it starts");
    unreadable("Dec 2025 - Jan 2024", "ends before it starts");
    unreadable("March 2025 to January 2025", "ends before it starts");
    // In order, a range reads.
    assert_eq!(read("Dec 2024 - Jan 2025").due(), "2025-01-31".parse().ok());
}

#[test]
fn lookalike_letters() {
    // "Мarch" with a Cyrillic capital Em.
    low("\u{41c}arch 2025", "2025-03-31", "read 'Мarch' as 'March'");
    // A Greek omicron in "October".
    low("\u{39f}ctober 2025", "2025-10-31", "as 'October'");
}

#[test]
fn zero_width_spaces() {
    low("Mar\u{200b}ch 2025", "2025-03-31", "zero-width characters");
    low("31\u{200b}/03/2025", "2025-03-31", "zero-width characters");
}

#[test]
fn misspelt_seasons() {
    low("Sprimg 2025", "2025-05-31", "read 'sprimg' as Spring");
    low("Sumer 2025", "2025-08-31", "as Summer");
    low("by Autum 2024/25", "2024-11-30", "as Autumn");
    // A real word one letter from a season is not one; the year alone is read as written.
    assert_ne!(read("Sprint 2025").kind, Kind::Season);
}

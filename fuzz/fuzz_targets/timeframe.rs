//! Any text, any reference date, odd settings: the timeframe reader must not panic or hang,
//! and its reading must hold together.
//!
//! `cargo +nightly fuzz run timeframe -- -max_total_time=600` (from the repository root).

#![no_main]

use actionplan::timeframe::{parse, Confidence, Kind, QuarterBasis, Settings};
use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (head, rest) = data.split_at(data.len().min(4));
    let mut h = [0u8; 4];
    h[..head.len()].copy_from_slice(head);
    // A reference date from the first bytes (or none), and settings that vary.
    let reference = if h[0] & 1 == 1 {
        NaiveDate::from_num_days_from_ce_opt(
            700_000 + i32::from(u16::from_le_bytes([h[1], h[2]])) * 3,
        )
    } else {
        None
    };
    let mut settings = Settings::default();
    if h[0] & 2 == 2 {
        settings.financial_year_start_month = u32::from(h[3] % 14);
        settings.civic_year_start_month = u32::from(h[3] / 16);
        settings.quarter_basis = QuarterBasis::Calendar;
        settings.period_due_at_end = false;
        settings.seasons.winter = u32::from(h[1] % 15);
        settings.max_chars = usize::from(h[2]);
        settings.quarter_in_calendar_year = match h[3] % 3 {
            0 => None,
            1 => Some(QuarterBasis::Calendar),
            _ => Some(QuarterBasis::Financial),
        };
    }
    let text = String::from_utf8_lossy(rest);
    let t = parse(&text, reference, &settings);
    assert_eq!(t.text, text);
    if let (Some(a), Some(b)) = (t.due_earliest, t.due_latest) {
        assert!(a <= b, "{text:?}: {a} > {b}");
    }
    assert_eq!(t.due_earliest.is_some(), t.due_latest.is_some(), "{text:?}");
    if t.kind == Kind::Unreadable {
        assert_eq!(t.confidence, Confidence::None);
        assert!(t.due_latest.is_none() && t.start.is_none(), "{text:?}");
    }
    if t.confidence == Confidence::None {
        assert_eq!(t.kind, Kind::Unreadable, "{text:?}");
    }
    let _ = t.overdue(NaiveDate::MIN);
    let _ = t.overdue(NaiveDate::MAX);
    let _ = t.days_overdue(NaiveDate::MAX);
});

//! Unit tests of the rule language: reading, compiling and evaluating conditions.

use super::*;
use chrono::NaiveDate;

/// What serde's derive read before the written-out readers (the same fields and types).
mod derived {
    use super::super::super::facts::{Overdue, ReportedFact, StatusFact};
    use super::Bound;
    use serde::{Deserialize, Serialize};

    #[derive(Debug, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    pub struct Range {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub min: Option<Bound>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub max: Option<Bound>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub above: Option<Bound>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub below: Option<Bound>,
    }

    #[derive(Debug, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    pub struct Condition {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        status: Option<Vec<StatusFact>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        closed: Option<bool>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reported: Option<Vec<ReportedFact>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        percent: Option<Range>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        has_percent: Option<bool>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        overdue: Option<Vec<Overdue>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        days_to_due: Option<Range>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        days_overdue: Option<Range>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        days_past_earliest: Option<Range>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        days_past_original: Option<Range>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        slipped_days: Option<Range>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rescheduled: Option<bool>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        has_deadline: Option<bool>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ongoing: Option<bool>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        recurring: Option<bool>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        conditional: Option<bool>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        has_update: Option<bool>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        days_since_update: Option<Range>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cycles_without_update: Option<Range>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unchanged_since_previous: Option<bool>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        has_evidence: Option<bool>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        status_text_has: Option<Vec<String>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        comment_has: Option<Vec<String>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        period_started: Option<bool>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        days_past_start: Option<Range>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        owner_has: Option<Vec<String>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        column_has: Option<std::collections::BTreeMap<String, Vec<String>>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reported_text_has: Option<Vec<String>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        expected_percent: Option<Range>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        progress_ratio: Option<Range>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        all: Option<Vec<Condition>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        any: Option<Vec<Condition>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        not: Option<Box<Condition>>,
    }
}

/// The written-out readers accept what the derive accepted (the same values) and give its
/// messages, except for an array in place of the object, which the derive also took.
#[test]
fn condition_and_range_read_as_the_derive_did() {
    let cases = [
        r#"{}"#,
        r#"{"status": ["in_progress", "on_hold"], "closed": false}"#,
        r#"{"status": null, "reported": ["amber_red"], "overdue": ["definitely"]}"#,
        r#"{"percent": {"min": 0, "below": "$x"}, "has_percent": true}"#,
        r#"{"days_overdue": {"above": "3 months", "max": 30.5}, "days_to_due": {}}"#,
        r#"{"owner_has": ["Chief Executive"], "column_has": {"Stage": ["3", "4"]}}"#,
        r#"{"any": [{"closed": true}, {"not": {"ongoing": true}}], "all": []}"#,
        r#"{"status_text_has": ["rescheduled"], "comment_has": ["x", "y"]}"#,
        r#"{"cycles_without_update": {"min": 2}, "unchanged_since_previous": true}"#,
        r#"{"period_started": true, "days_past_start": {"min": "1 month"}}"#,
        r#"{"expected_percent": {"max": 0}, "progress_ratio": {"min": 0.9, "below": "$x"}}"#,
        r#"{"progress_ratio": 0.9}"#,
        r#"{"days_past_earliest": {"below": -1}, "days_past_original": {"min": "2 weeks"},
            "slipped_days": {"above": 0}, "days_since_update": {"max": "$stale"},
            "rescheduled": true, "has_deadline": false, "recurring": true,
            "conditional": false, "has_update": true, "has_evidence": false, "not": null}"#,
        // Errors.
        r#"{"stauts": ["x"]}"#,
        r#"{"closed": true, "closed": false}"#,
        r#"{"closed": null, "closed": false}"#,
        r#"{"closed": "yes"}"#,
        r#"{"status": ["started"]}"#,
        r#"{"percent": {"min": 1, "min": 2}}"#,
        r#"{"percent": {"least": 1}}"#,
        r#"{"percent": {"min": true}}"#,
        r#"{"percent": 5}"#,
        r#"{"any": [{"closed": true}, {"clsoed": true}]}"#,
        r#"{"not": {"not": {"stauts": 1}}}"#,
        r#"{"closed": true"#,
        r#"{"closed": true,}"#,
        r#"{1: true}"#,
        r#""closed""#,
        r#"null"#,
        r#"7"#,
    ];
    for text in cases {
        let ours = serde_json::from_str::<Condition>(text);
        let theirs = serde_json::from_str::<derived::Condition>(text);
        match (ours, theirs) {
            (Ok(a), Ok(b)) => assert_eq!(
                serde_json::to_value(&a).unwrap(),
                serde_json::to_value(&b).unwrap(),
                "{text}"
            ),
            (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{text}"),
            (a, b) => panic!("{text}: {a:?} against {b:?}"),
        }
    }
    for text in [
        r#"{"min": 1, "above": "$x"}"#,
        r#"{"max": 1, "max": 1}"#,
        r#"{"x": 1}"#,
    ] {
        let ours = serde_json::from_str::<Range>(text).map_err(|e| e.to_string());
        let theirs = serde_json::from_str::<derived::Range>(text).map_err(|e| e.to_string());
        match (ours, theirs) {
            (Ok(a), Ok(b)) => assert_eq!(
                serde_json::to_value(&a).unwrap(),
                serde_json::to_value(&b).unwrap()
            ),
            (a, b) => assert_eq!(a.err(), b.err(), "{text}"),
        }
    }
    // An array in place of the object is no longer read.
    let e = serde_json::from_str::<Condition>("[null, true]").unwrap_err();
    assert!(serde_json::from_str::<derived::Condition>("[null, true]").is_ok());
    assert_eq!(
        e.to_string(),
        "invalid type: sequence, expected struct Condition at line 1 column 1"
    );
    let e = serde_json::from_str::<Range>("[1]").unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid type: sequence, expected struct Range at line 1 column 1"
    );
}

/// The same in TOML rule files (the `toml` feature).
#[cfg(feature = "toml")]
#[test]
fn condition_reads_toml_as_the_derive_did() {
    let cases = [
        "status = [\"in_progress\"]\ndays_overdue = { above = \"3 months\" }",
        "any = [{ closed = true }, { not = { ongoing = true } }]",
        "percent = { min = 10, below = 50.5 }",
        "stauts = [\"x\"]",
        "percent = { least = 1 }",
        "closed = \"yes\"",
        "[percent]\nmin = 1\n[not]\nclsoed = true",
    ];
    for text in cases {
        let ours = toml::from_str::<Condition>(text);
        let theirs = toml::from_str::<derived::Condition>(text);
        match (ours, theirs) {
            (Ok(a), Ok(b)) => assert_eq!(
                serde_json::to_value(&a).unwrap(),
                serde_json::to_value(&b).unwrap(),
                "{text}"
            ),
            (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{text}"),
            (a, b) => panic!("{text}: {a:?} against {b:?}"),
        }
    }
}

#[test]
fn spans_read_units_and_signs() {
    assert_eq!(parse_span("3 months"), Some(Span::Months(3)));
    assert_eq!(parse_span("-2 weeks"), Some(Span::Days(-14)));
    assert_eq!(parse_span("1 year"), Some(Span::Months(12)));
    assert_eq!(parse_span("10"), Some(Span::Days(10)));
    assert_eq!(parse_span("ten days"), None);
    assert_eq!(parse_span("3 fortnights"), None);
    assert_eq!(parse_span("-"), None);
}

#[test]
fn month_spans_compare_on_the_calendar() {
    let d = |s: &str| s.parse::<NaiveDate>().ok();
    let r = DayRange {
        above: Some(Span::Months(1)),
        ..Default::default()
    };
    // 2025-01-31 + 1 month = 2025-02-28.
    assert!(!r.holds(d("2025-01-31"), d("2025-02-28")));
    assert!(r.holds(d("2025-01-31"), d("2025-03-01")));
    assert!(!r.holds(None, d("2025-03-01")));
}

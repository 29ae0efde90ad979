//! `json::DATE_KEYS` names every key under which the core's JSON forms hold an ISO date: every
//! golden JSON file (plans, assessments, statistics, diffs, histories) is walked, and each
//! string that is a date must sit under a listed key.

use actionplan::json::DATE_KEYS;
use serde_json::Value;
use std::path::Path;

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// Every (key, date) under which a date string is found; `key` is the nearest object key.
fn dates(v: &Value, key: Option<&str>, out: &mut Vec<(String, String)>) {
    match v {
        Value::String(s) if is_iso_date(s) => {
            out.push((key.unwrap_or("").to_string(), s.clone()));
        }
        Value::Array(items) => items.iter().for_each(|i| dates(i, key, out)),
        Value::Object(m) => m.iter().for_each(|(k, i)| dates(i, Some(k), out)),
        _ => {}
    }
}

fn json_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            json_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "json") {
            out.push(p);
        }
    }
}

#[test]
fn every_date_in_the_golden_json_is_under_a_listed_key() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/golden");
    let mut files = Vec::new();
    json_files(&root, &mut files);
    assert!(files.len() > 20, "{} golden JSON files", files.len());
    let mut found = Vec::new();
    for f in &files {
        let v: Value = serde_json::from_slice(&std::fs::read(f).unwrap()).unwrap();
        dates(&v, None, &mut found);
    }
    // The walk sees the dates (so the test can fail).
    assert!(found.iter().any(|(k, _)| k == "plan_date"));
    let unlisted: std::collections::BTreeSet<&str> = found
        .iter()
        .map(|(k, _)| k.as_str())
        .filter(|k| !DATE_KEYS.contains(k))
        .collect();
    assert!(
        unlisted.is_empty(),
        "dates under keys not in DATE_KEYS: {unlisted:?}"
    );
}

#[test]
fn the_date_test_tells_dates_from_other_text() {
    assert!(is_iso_date("2025-03-31"));
    assert!(!is_iso_date("Summer 2025"));
    assert!(!is_iso_date("2025/26-Q1"));
    let mut out = Vec::new();
    dates(
        &serde_json::json!({"a": {"when": "2025-01-02", "list": ["2025-02-03"]}}),
        None,
        &mut out,
    );
    assert_eq!(out.len(), 2);
    assert_eq!(out[0].0, "list");
}

//! Runs the timeframe fixture files: every phrase must read as the file says.
//!
//! Columns: phrase, reference, due, due_earliest, due_latest, start, ongoing, recurrence, note.
//! In the phrase column the two characters `\n` stand for a line break. The deadline must lie
//! inside `due_earliest..=due_latest` where those are given, else equal `due` (both ends of the
//! deadline interval); an empty `due` means no deadline. `start` is checked where given;
//! `ongoing` always; `recurrence` ("4/year", or "yes" for a recurrence without a count) always,
//! an empty cell meaning none. Extra optional columns: `kind` (checked when given).

use actionplan::timeframe::{parse, Settings, Timeframe};
use chrono::NaiveDate;

fn date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.is_empty() {
        None
    } else {
        Some(
            s.parse()
                .unwrap_or_else(|e| panic!("bad date {s:?} in fixture: {e}")),
        )
    }
}

fn check(row: &[&str], header: &[&str]) -> Result<(), String> {
    let col = |name: &str| -> &str {
        header
            .iter()
            .position(|h| *h == name)
            .and_then(|i| row.get(i).copied())
            .unwrap_or("")
            .trim()
    };
    let phrase = col("phrase").replace("\\n", "\n");
    let reference = date(col("reference"));
    let t: Timeframe = parse(&phrase, reference, &Settings::default());
    let due = date(col("due"));
    let (lo, hi) = (date(col("due_earliest")), date(col("due_latest")));
    let mut errs = Vec::new();
    match (due, lo, hi) {
        (None, _, _) => {
            if t.due_latest.is_some() || t.due_earliest.is_some() {
                errs.push(format!(
                    "expected no deadline, got {:?}..{:?}",
                    t.due_earliest, t.due_latest
                ));
            }
        }
        (Some(_), Some(lo), Some(hi)) => {
            let inside = |d: Option<NaiveDate>| d.is_some_and(|d| lo <= d && d <= hi);
            if !inside(t.due_earliest) || !inside(t.due_latest) {
                errs.push(format!(
                    "deadline {:?}..{:?} not inside {lo}..{hi}",
                    t.due_earliest, t.due_latest
                ));
            }
        }
        (Some(d), _, _) => {
            if t.due_latest != Some(d) || t.due_earliest != Some(d) {
                errs.push(format!(
                    "deadline {:?}..{:?}, expected {d}",
                    t.due_earliest, t.due_latest
                ));
            }
        }
    }
    if let Some(s) = date(col("start")) {
        if t.start != Some(s) {
            errs.push(format!("start {:?}, expected {s}", t.start));
        }
    }
    let ongoing = match col("ongoing") {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    };
    if let Some(o) = ongoing {
        if t.ongoing != o {
            errs.push(format!("ongoing {}, expected {o}", t.ongoing));
        }
    }
    let rec = col("recurrence");
    let got = t.recurrence.as_ref().map(|r| match r.per_year {
        Some(n) => format!("{n}/year"),
        None => "yes".to_string(),
    });
    let want = (!rec.is_empty()).then(|| rec.to_string());
    if got != want {
        errs.push(format!("recurrence {got:?}, expected {want:?}"));
    }
    let kind = col("kind");
    if !kind.is_empty() && t.kind.as_str() != kind {
        errs.push(format!("kind {}, expected {kind}", t.kind.as_str()));
    }
    if errs.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{phrase:?} (ref {reference:?}): {} [read: {t:?}]",
            errs.join("; ")
        ))
    }
}

fn run(path: &str) -> (usize, Vec<String>) {
    let full = format!("{}/../tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"));
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().expect("header").split('\t').collect();
    let mut n = 0;
    let mut fails = Vec::new();
    for line in lines {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        n += 1;
        let row: Vec<&str> = line.split('\t').collect();
        if let Err(e) = check(&row, &header) {
            fails.push(e);
        }
    }
    (n, fails)
}

fn assert_all(path: &str) {
    let (n, fails) = run(path);
    eprintln!(
        "{path}: {} of {n} phrases read as expected",
        n - fails.len()
    );
    assert!(
        fails.is_empty(),
        "{} of {n} failed:\n{}",
        fails.len(),
        fails.join("\n")
    );
}

#[test]
fn seeds() {
    assert_all("timeframes-seeds.tsv");
}

#[test]
fn wider() {
    assert_all("timeframes-wider.tsv");
}

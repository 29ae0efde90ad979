//! History across versions and the honesty checks, on a synthetic four-version plan
//! (tests/fixtures/history: renumbered refs, slips, stale comments, watermelon cases) and on
//! the Huntingdonshire Q3/Q4 pair.

use actionplan::history::{history, HistoryOptions};
use actionplan::import::ImportOptions;
use actionplan::matching::MatchedBy;
use actionplan::Plan;
use std::path::Path;

fn read(path: &str) -> Plan {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path);
    let bytes = std::fs::read(&p).unwrap();
    let mut o = ImportOptions::new();
    if path.ends_with(".tsv") {
        o.format(actionplan::import::Format::Tsv);
    }
    o.read_bytes(&bytes).unwrap().plan
}

fn four() -> Vec<Plan> {
    (1..=4)
        .map(|q| read(&format!("tests/fixtures/history/q{q}.csv")))
        .collect()
}

#[test]
fn follows_actions_through_renumbering() {
    let plans = four();
    let refs: Vec<&Plan> = plans.iter().collect();
    let h = history(&refs, None, &HistoryOptions::default()).unwrap();
    assert_eq!(h.versions.len(), 4);
    assert_eq!(
        h.actions.len(),
        5,
        "four followed through A→1. refs, one new"
    );
    let a1 = &h.actions[0];
    assert_eq!(a1.action_ref, "1.1");
    assert!(a1.versions.iter().all(Option::is_some));
    assert_eq!(a1.versions[0].as_ref().unwrap().action_ref, "A1");
    let renumbered = &a1.links[1];
    assert_eq!(
        (renumbered.version, renumbered.by),
        (2, MatchedBy::Similarity)
    );
    assert_eq!(renumbered.confidence, 1.0);
    assert_eq!(a1.links[0].by, MatchedBy::Ref);
    let new = &h.actions[4];
    assert_eq!(new.action_ref, "1.5");
    assert_eq!(new.versions.iter().filter(|v| v.is_some()).count(), 1);
    assert!(new.links.is_empty());
}

#[test]
fn revisions_completion_and_stale_comments() {
    let plans = four();
    let refs: Vec<&Plan> = plans.iter().collect();
    let h = history(&refs, None, &HistoryOptions::default()).unwrap();
    let a1 = &h.actions[0];
    let moves: Vec<(usize, &str, &str, Option<i64>, bool)> = a1
        .revisions
        .iter()
        .map(|r| {
            (
                r.version,
                r.from_text.as_str(),
                r.to_text.as_str(),
                r.days,
                r.reason.is_some(),
            )
        })
        .collect();
    assert_eq!(
        moves,
        vec![
            (1, "June 2025", "September 2025", Some(92), false),
            (2, "September 2025", "December 2025", Some(92), true),
            (3, "December 2025", "March 2026", Some(90), false),
        ]
    );
    assert_eq!(a1.days_slipped(), 274);
    assert_eq!(a1.comment_unchanged_in, vec![1]);
    assert_eq!(a1.completed_in, None);
    assert_eq!(h.actions[1].completed_in, Some(1));
    assert!(
        h.actions[1].comment_unchanged_in.is_empty(),
        "complete: not stale"
    );
    assert_eq!(h.summary.slipped, 2);
    assert_eq!(h.summary.days_slipped, 274 + 91);
    assert_eq!(h.summary.slipped_more_than_once, 1);
    assert_eq!(h.summary.completed, 2);
    assert_eq!(
        h.headline,
        "5 actions followed through 4 versions; 2 deadlines slipped (365 days in all), 1 more \
         than once; 2 complete; 10 findings to look at."
    );
}

#[test]
fn honesty_findings_quote_their_evidence() {
    let plans = four();
    let refs: Vec<&Plan> = plans.iter().collect();
    let h = history(&refs, None, &HistoryOptions::default()).unwrap();
    let got: Vec<(&str, &str, usize)> = h
        .findings
        .iter()
        .map(|f| (f.code.as_str(), f.action_ref.as_str(), f.version))
        .collect();
    assert_eq!(
        got,
        vec![
            ("stuck", "1.1", 3),
            ("deadline_moved_unexplained", "A1", 1),
            ("deadline_moved_unexplained", "1.1", 3),
            ("deadline_moved_repeatedly", "1.1", 3),
            ("green_but_delayed", "1.3", 3),
            ("stuck", "1.3", 2),
            ("deadline_moved_unexplained", "1.3", 2),
            ("green_but_delayed", "A4", 1),
            ("complete_without_evidence", "1.4", 3),
            ("complete_below_100", "1.4", 3),
        ]
    );
    let watermelon = h.findings.iter().find(|f| f.action_ref == "A4").unwrap();
    assert_eq!(
        watermelon.message,
        "Reported Green, but its comment says \"delayed\"."
    );
    assert_eq!(
        watermelon.evidence,
        "\"Delayed by the election; consultation paused\""
    );
    let stuck = &h.findings[0];
    assert_eq!(stuck.message, "Amber for 4 versions in a row.");
    let repeated = h
        .findings
        .iter()
        .find(|f| f.code == "deadline_moved_repeatedly")
        .unwrap();
    assert_eq!(
        repeated.evidence,
        "June 2025 → September 2025 → December 2025 → March 2026"
    );
}

/// Two versions: the history tells the same story as the diff of the pair.
#[test]
fn huntingdonshire_pair_agrees_with_the_diff() {
    let q3 = read("tests/golden/inputs/huntingdonshire-2024-q3.tsv");
    let q4 = read("examples/data/huntingdonshire-2024.tsv");
    let rules = actionplan::rating::RuleSet::preset("date-rag").unwrap();
    let h = history(&[&q3, &q4], Some(&rules), &HistoryOptions::default()).unwrap();
    let d = actionplan::diff::diff(&q3, &q4);
    assert_eq!(
        h.summary.actions,
        d.matches.len() + d.added.len() + d.removed.len()
    );
    let moved: usize = h.actions.iter().map(|a| a.revisions.len()).sum();
    assert_eq!(moved, d.deadlines_moved.len());
    let stale: usize = h.actions.iter().map(|a| a.comment_unchanged_in.len()).sum();
    let stale_in_diff = d
        .comments_not_updated
        .iter()
        .filter(|s| s.comment.is_some())
        .count();
    assert_eq!(stale, stale_in_diff);
    let newly_complete = h
        .actions
        .iter()
        .filter(|a| a.completed_in == Some(1))
        .count();
    assert_eq!(newly_complete, d.completed.len());
    // Both versions record their own dates, so both are rated.
    assert!(q3.meta.as_of.is_some() && q4.meta.as_of.is_some());
    let rated = |v: usize| {
        h.actions
            .iter()
            .filter(|a| a.versions[v].as_ref().is_some_and(|s| s.rating.is_some()))
            .count()
    };
    assert_eq!(rated(0), q3.action_count());
    assert_eq!(rated(1), q4.action_count());
    eprintln!("{}", h.headline);
}

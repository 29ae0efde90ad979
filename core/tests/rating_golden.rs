//! Golden outputs: the five example plans rated with every preset as of fixed dates, their
//! statistics, reports and a diff, checked in under `tests/golden/` so that the Python and
//! WebAssembly doors can be checked against the same files.
//!
//! Compare: `cargo test -p actionplan --test rating_golden`.
//! Regenerate after an intended change: `scripts/golden.sh` (which runs this test with
//! `UPDATE_GOLDEN=1`), then review the diff with `git diff tests/golden`.

use actionplan::diff::diff;
use actionplan::import::{Format, ImportOptions};
use actionplan::rating::{assess, assess_since, RuleSet, PRESETS};
use actionplan::report;
use actionplan::stats::{stats, GroupBy};
use actionplan::Plan;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// Plan file, plan date (examples/data/README.md), and the as-of date the goldens use.
const PLANS: [(&str, &str, &str); 5] = [
    ("hertsmere-2024.csv", "2024-12-01", "2025-06-30"),
    ("north-herts-2024.csv", "2025-03-18", "2025-09-30"),
    ("harlow-2023.tsv", "2023-05-01", "2023-12-31"),
    ("huntingdonshire-2024.tsv", "2024-06-01", "2025-03-31"),
    ("three-rivers-2013.csv", "2013-11-01", "2014-03-31"),
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn date(s: &str) -> NaiveDate {
    s.parse().expect("a fixed date")
}

fn load(path: &Path, plan_date: &str) -> Plan {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut opts = ImportOptions::new();
    opts.plan_date(date(plan_date));
    if path.extension().is_some_and(|e| e == "tsv") {
        opts.format(Format::Tsv);
    }
    opts.read_bytes(&bytes)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .plan
}

fn stem(file: &str) -> &str {
    file.rsplit_once('.').map_or(file, |(s, _)| s)
}

/// Check (or with UPDATE_GOLDEN=1, write) one golden file; returns a problem, if any.
fn golden(rel: &str, actual: &str) -> Option<String> {
    let path = root().join("tests/golden").join(rel);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("create the folder");
        std::fs::write(&path, actual).expect("write the golden file");
        return None;
    }
    let expected = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => return Some(format!("{rel}: {e} (run scripts/golden.sh)")),
    };
    if expected == actual {
        return None;
    }
    let (n, (e, a)) = expected
        .lines()
        .zip(actual.lines())
        .enumerate()
        .find(|(_, (e, a))| e != a)
        .unwrap_or((
            expected.lines().count().min(actual.lines().count()),
            ("<end>", "<end>"),
        ));
    Some(format!(
        "{rel} differs at line {}:\n  expected: {e}\n  actual:   {a}",
        n + 1
    ))
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string_pretty(v).expect("serialises") + "\n"
}

#[test]
fn example_plans_match_their_golden_outputs() {
    let mut problems = Vec::new();
    for (file, plan_date, as_of) in PLANS {
        let plan = load(&root().join("examples/data").join(file), plan_date);
        let name = stem(file);
        for preset in PRESETS {
            let rules = RuleSet::preset(preset).expect("a preset");
            let a = assess(&plan, &rules, date(as_of)).expect("assesses");
            problems.extend(golden(&format!("{name}/{preset}.json"), &json(&a)));
        }
        let rules = RuleSet::preset("date-rag").expect("a preset");
        let a = assess(&plan, &rules, date(as_of)).expect("assesses");
        let s = stats(&plan, &a, GroupBy::Recommendation);
        // Most overdue first, in every door: definitely before possibly, then by days.
        let keys: Vec<_> = s
            .overdue
            .iter()
            .map(|o| {
                (
                    o.overdue != actionplan::rating::Overdue::Definitely,
                    -o.days_overdue.unwrap_or(0),
                )
            })
            .collect();
        assert!(
            keys.windows(2).all(|w| w[0] <= w[1]),
            "{name}: overdue list out of order"
        );
        problems.extend(golden(&format!("{name}/stats.json"), &json(&s)));
        problems.extend(golden(
            &format!("{name}/report.md"),
            &report::markdown(&plan, &a, &s, None),
        ));
        problems.extend(golden(
            &format!("{name}/rated.csv"),
            &report::rated_csv(&plan, &a),
        ));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn two_quarters_of_a_plan_match_their_golden_diff_and_report() {
    let old = load(
        &root().join("tests/golden/inputs/huntingdonshire-2024-q3.tsv"),
        "2024-06-01",
    );
    let new = load(
        &root().join("examples/data/huntingdonshire-2024.tsv"),
        "2024-06-01",
    );
    let rules = RuleSet::preset("date-rag").expect("a preset");
    let old_a = assess(&old, &rules, date("2024-12-31")).expect("assesses");
    let new_a = assess(&new, &rules, date("2025-03-31")).expect("assesses");
    let mut d = diff(&old, &new);
    d.add_ratings(&old_a, &new_a);
    let s = stats(&new, &new_a, GroupBy::Recommendation);
    let stale = assess_since(
        &new,
        &old,
        &RuleSet::preset("staleness").expect("a preset"),
        date("2025-03-31"),
    )
    .expect("assesses");
    let mut problems = Vec::new();
    problems.extend(golden("huntingdonshire-2024/diff-q3-q4.json", &json(&d)));
    problems.extend(golden(
        "huntingdonshire-2024/staleness-since-q3.json",
        &json(&stale),
    ));
    problems.extend(golden(
        "huntingdonshire-2024/report-q4.md",
        &report::markdown(&new, &new_a, &s, Some(&d)),
    ));
    problems.extend(golden(
        "reports/huntingdonshire-2024-q4.html",
        &report::html(&new, &new_a, &s, Some(&d)),
    ));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_hostile_plan_matches_its_golden_report() {
    let plan = load(
        &root().join("tests/golden/inputs/hostile.csv"),
        "2025-01-01",
    );
    let a = assess(
        &plan,
        &RuleSet::preset("date-rag").expect("a preset"),
        date("2025-06-30"),
    )
    .expect("assesses");
    let s = stats(&plan, &a, GroupBy::Recommendation);
    let html = report::html(&plan, &a, &s, None);
    assert!(!html.to_ascii_lowercase().contains("<script"));
    assert!(!html.contains("<img"));
    assert!(html.contains("&lt;script&gt;"));
    let csv = report::rated_csv(&plan, &a);
    assert!(csv.contains("\"'=HYPERLINK("));
    assert!(csv.contains(",'@SUM(1+1),"));
    let mut problems = Vec::new();
    problems.extend(golden("reports/hostile.html", &html));
    problems.extend(golden("hostile/rated.csv", &csv));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A plan with start dates and percent complete (`inputs/forecast.csv`, dated 1 January 2025),
/// rated with the `forecast` preset as of 30 June 2025: deadlines at the end of their period,
/// and at its middle.
#[test]
fn a_plan_with_progress_matches_its_golden_forecast() {
    let plan = load(
        &root().join("tests/golden/inputs/forecast.csv"),
        "2025-01-01",
    );
    let mut rules = RuleSet::preset("forecast").expect("a preset");
    let end = assess(&plan, &rules, date("2025-06-30")).expect("assesses");
    rules.forecast.deadline = actionplan::rating::DeadlinePoint::Middle;
    let middle = assess(&plan, &rules, date("2025-06-30")).expect("assesses");
    let mut problems = Vec::new();
    problems.extend(golden("forecast/forecast.json", &json(&end)));
    problems.extend(golden("forecast/forecast-middle.json", &json(&middle)));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Four versions of a synthetic plan (tests/fixtures/history): the history every door returns.
#[test]
fn four_versions_match_their_golden_history() {
    let plans: Vec<Plan> = (1..=4)
        .map(|q| {
            let p = root().join(format!("tests/fixtures/history/q{q}.csv"));
            ImportOptions::new()
                .read_bytes(&std::fs::read(p).expect("the fixture"))
                .expect("reads")
                .plan
        })
        .collect();
    let refs: Vec<&Plan> = plans.iter().collect();
    let options = actionplan::history::HistoryOptions {
        as_of: Some(date("2026-01-15")),
        labels: (1..=4).map(|q| format!("q{q}.csv")).collect(),
        ..Default::default()
    };
    let rules = RuleSet::preset("date-rag").expect("a preset");
    let h = actionplan::history::history(&refs, Some(&rules), &options).expect("a history");
    let mut problems = Vec::new();
    problems.extend(golden("history/four.json", &json(&h)));
    problems.extend(golden("history/four.md", &report::history_markdown(&h)));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

//! Performance indicators through the command line: `import`, `stats --json` and `report`
//! print byte for byte the golden files of `tests/golden/measures/` (written by the core's
//! `tests/measures.rs`), and `stats` prints the indicators' sentence and reasons.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn run(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_actionplan"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("the actionplan binary runs");
    assert!(
        out.status.success(),
        "actionplan {}: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn golden(name: &str) -> String {
    std::fs::read_to_string(root().join("tests/golden/measures").join(name)).unwrap()
}

const PLAN: &str = "tests/fixtures/measures/plan-with-measures.csv";

#[test]
fn import_stats_and_report_match_the_golden_files() {
    let common = [PLAN, "--plan-date", "2024-04-01"];
    let mut args = vec!["import"];
    args.extend(common);
    assert!(
        run(&args) == golden("plan.json"),
        "import: plan.json differs"
    );
    let mut args = vec!["stats"];
    args.extend(common);
    args.extend(["--as-of", "2024-10-15", "--json"]);
    assert!(
        run(&args) == golden("stats.json"),
        "stats: stats.json differs"
    );
    let mut args = vec!["report"];
    args.extend(common);
    args.extend(["--as-of", "2024-10-15", "--to", "md"]);
    assert!(
        run(&args) == golden("report.md"),
        "report: report.md differs"
    );
}

#[test]
fn stats_prints_the_indicators_apart_from_the_actions() {
    let out = run(&[
        "stats",
        "tests/fixtures/measures/measures-only.xlsx",
        "--as-of",
        "2024-10-15",
    ]);
    assert!(out.starts_with("As at 15 October 2024 there were no actions."));
    assert!(out.contains("\nOf 11 performance indicators, 8 were rated: 3 are green (38%), 2 are amber (25%), 3 are red (37%)."));
    assert!(out.contains("  Amber      PI 04 Council tax collected to date: £42,750,000 against a target of £45,000,000 (higher is better): 5% worse than target, within the tolerance of 5% of target\n"));
}

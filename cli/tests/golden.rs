//! The command line against the golden outputs in `tests/golden/`: the same files the Rust,
//! Python and JavaScript doors are checked against, so all four are proven to agree.
//!
//! Each case runs the built `actionplan` binary as a user would and compares what it prints
//! byte for byte. Regenerate the golden files with `scripts/golden.sh` (from the core), never
//! from here: the CLI is only a door.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Plan file, plan date and the as-of date the golden files use (as in `tests/golden/README.md`).
const PLANS: [(&str, &str, &str); 5] = [
    ("hertsmere-2024.csv", "2024-12-01", "2025-06-30"),
    ("north-herts-2024.csv", "2025-03-18", "2025-09-30"),
    ("harlow-2023.tsv", "2023-05-01", "2023-12-31"),
    ("huntingdonshire-2024.tsv", "2024-06-01", "2025-03-31"),
    ("three-rivers-2013.csv", "2013-11-01", "2014-03-31"),
];

/// Every shipped preset (the core's `PRESETS`, listed here so the test reads as the user types).
const PRESETS: [&str; 9] = [
    "date-rag",
    "brag",
    "rag",
    "five-point",
    "months-behind",
    "delay-bands",
    "percent-bands",
    "staleness",
    "forecast",
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Run the CLI with `args` from the repository root; returns standard output (exit 0 required).
fn run(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_actionplan"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("the actionplan binary runs");
    assert!(
        out.status.success(),
        "actionplan {}: exit {:?}\n{}",
        args.join(" "),
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Compare `actual` with the golden file `rel`; a problem as text, if any.
fn golden(rel: &str, actual: &str) -> Option<String> {
    let path = root().join("tests/golden").join(rel);
    let expected =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    if expected == actual {
        return None;
    }
    let line = expected
        .lines()
        .zip(actual.lines())
        .position(|(e, a)| e != a)
        .unwrap_or(expected.lines().count().min(actual.lines().count()));
    Some(format!(
        "{rel} differs at line {}:\n  expected: {}\n  actual:   {}",
        line + 1,
        expected.lines().nth(line).unwrap_or("<end>"),
        actual.lines().nth(line).unwrap_or("<end>")
    ))
}

fn stem(file: &str) -> &str {
    file.rsplit_once('.').map_or(file, |(s, _)| s)
}

#[test]
fn the_cli_prints_the_golden_assessments_statistics_and_reports() {
    let mut problems = Vec::new();
    for (file, plan_date, as_of) in PLANS {
        let path = format!("examples/data/{file}");
        let name = stem(file);
        let common = [path.as_str(), "--plan-date", plan_date, "--as-of", as_of];
        for preset in PRESETS {
            let mut args = vec!["assess"];
            args.extend(common);
            args.extend(["--rules", preset, "--json"]);
            problems.extend(golden(&format!("{name}/{preset}.json"), &run(&args)));
        }
        let mut args = vec!["stats"];
        args.extend(common);
        args.push("--json");
        problems.extend(golden(&format!("{name}/stats.json"), &run(&args)));
        let mut args = vec!["report"];
        args.extend(common);
        args.extend(["--to", "md"]);
        problems.extend(golden(&format!("{name}/report.md"), &run(&args)));
        let mut args = vec!["assess"];
        args.extend(common);
        args.push("--csv");
        problems.extend(golden(&format!("{name}/rated.csv"), &run(&args)));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_cli_reports_two_quarters_as_the_golden_files_do() {
    let common = [
        "examples/data/huntingdonshire-2024.tsv",
        "--plan-date",
        "2024-06-01",
        "--as-of",
        "2025-03-31",
        "--previous",
        "tests/golden/inputs/huntingdonshire-2024-q3.tsv",
        "--previous-as-of",
        "2024-12-31",
    ];
    let mut problems = Vec::new();
    let mut args = vec!["report"];
    args.extend(common);
    args.extend(["--to", "md"]);
    problems.extend(golden("huntingdonshire-2024/report-q4.md", &run(&args)));
    let mut args = vec!["report"];
    args.extend(common);
    args.extend(["--to", "html"]);
    problems.extend(golden("reports/huntingdonshire-2024-q4.html", &run(&args)));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_cli_writes_the_golden_hostile_report_and_csv() {
    let common = [
        "tests/golden/inputs/hostile.csv",
        "--plan-date",
        "2025-01-01",
        "--as-of",
        "2025-06-30",
    ];
    let mut problems = Vec::new();
    let mut args = vec!["report"];
    args.extend(common);
    args.extend(["--to", "html"]);
    let html = run(&args);
    assert!(!html.to_ascii_lowercase().contains("<script"));
    problems.extend(golden("reports/hostile.html", &html));
    let mut args = vec!["assess"];
    args.extend(common);
    args.push("--csv");
    problems.extend(golden("hostile/rated.csv", &run(&args)));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

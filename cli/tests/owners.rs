//! `actionplan template` and `actionplan merge` on tests/fixtures/owners (the plan, and the
//! workbooks an owner edited with openpyxl).

use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_actionplan"))
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

const PLAN: &str = "tests/fixtures/owners/plan.csv";
const RETURNED: [&str; 4] = [
    "tests/fixtures/owners/returned/Chief-Finance-Officer.xlsx",
    "tests/fixtures/owners/returned/Democratic-Services.xlsx",
    "tests/fixtures/owners/returned/Head-of-Legal.xlsx",
    "tests/fixtures/owners/returned/Unassigned.xlsx",
];

fn temp_dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("actionplan-owners-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

#[test]
fn template_writes_one_workbook_per_owner() {
    let dir = temp_dir("template");
    let d = dir.to_str().unwrap();
    let (code, out, err) = run(&["template", PLAN, "--plan-date", "2024-12-01", "-o", d]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("Head of Legal (1 action): "), "{out}");
    assert!(out.contains("Chief Finance Officer (2 actions): "), "{out}");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "Chief-Finance-Officer.xlsx",
            "Democratic-Services.xlsx",
            "Head-of-Legal.xlsx",
            "Unassigned.xlsx"
        ]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn merge_dry_run_previews_changes_and_conflicts_and_writes_nothing() {
    let dir = temp_dir("dry");
    let next = dir.join("next.csv");
    let mut args = vec![
        "merge",
        PLAN,
        "--plan-date",
        "2024-12-01",
        "--dry-run",
        "-o",
        next.to_str().unwrap(),
    ];
    args.extend(RETURNED);
    let (code, out, err) = run(&args);
    assert_eq!(code, 1, "a conflict: exit 1; {err}");
    assert!(
        out.contains("  B1 status In progress -> Complete\n"),
        "{out}"
    );
    assert!(
        out.contains("  B2 deadline 30/09/2025 -> 2025-12-31 (+92 days)\n"),
        "{out}"
    );
    assert!(
        out.contains("6 changes from the owners' workbooks:\n"),
        "{out}"
    );
    assert!(out.contains(
        "  B2 due: 30/09/2025 -> 2025-12-31 (reason: Waiting for the new finance system) \
         [tests/fixtures/owners/returned/Chief-Finance-Officer.xlsx row 3]\n"
    ));
    assert!(
        out.contains("error[conflicting_updates] row 2, column \"Status\""),
        "{out}"
    );
    assert!(
        out.contains("warning[locked_cell_edited] row 2, column \"Action\""),
        "{out}"
    );
    assert!(
        out.contains("warning[date_moved_without_reason] row 3, column \"Due date\""),
        "{out}"
    );
    assert!(!next.exists(), "--dry-run writes nothing");
}

#[test]
fn merge_writes_the_next_version_with_its_history() {
    let dir = temp_dir("write");
    let next = dir.join("next.csv");
    let mut args = vec![
        "merge",
        PLAN,
        "--plan-date",
        "2024-12-01",
        "--period",
        "Q1 2025/26",
        "-o",
        next.to_str().unwrap(),
    ];
    args.extend(RETURNED);
    let (code, _, err) = run(&args);
    assert_eq!(code, 1, "{err}");
    let csv = std::fs::read_to_string(&next).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "Ref,Recommendation,Action,Owner,Original due date,Due,Reason for date change,Status,RAG,Q4 update,Update Q1 2025/26"
    );
    assert_eq!(
        lines[3],
        "B1,Improve financial planning,Publish a medium-term financial strategy,Chief Finance Officer,,Summer 2025,,Complete,Green,Consultation closed,Strategy published in July"
    );
    // The conflicting status of A1 was not taken.
    assert!(lines[1].contains(",In progress,"), "{}", lines[1]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn merge_refuses_an_output_it_cannot_write_as_a_plan() {
    let mut args = vec!["merge", PLAN, "-o", "next.html"];
    args.extend(RETURNED);
    let (code, _, err) = run(&args);
    assert_eq!(code, 2);
    assert!(err.contains("written as .xlsx, .csv or .json"), "{err}");
}

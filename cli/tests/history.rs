//! `actionplan history` on the synthetic four-version plan (tests/fixtures/history).

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

const FOUR: [&str; 4] = [
    "tests/fixtures/history/q1.csv",
    "tests/fixtures/history/q2.csv",
    "tests/fixtures/history/q3.csv",
    "tests/fixtures/history/q4.csv",
];

#[test]
fn text_names_versions_by_file_and_lists_findings() {
    let mut args = vec!["history"];
    args.extend(FOUR);
    args.extend(["--as-of", "2026-01-15"]);
    let (code, out, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with(
        "5 actions followed through 4 versions; 2 deadlines slipped (365 days in all), 1 more \
         than once; 2 complete; 10 findings to look at.\n"
    ));
    assert!(out.contains("Versions: q1.csv (rated as of 30 June 2025), q2.csv"));
    assert!(out.contains("  q4.csv: Amber, In progress, due March 2026\n"));
    assert!(out.contains(
        "deadline moved in q3.csv from September 2025 to December 2025, 92 days later; the \
         comment says: \"Deadline extended to December to fit the committee cycle\""
    ));
    assert!(out.contains("  1.3 (q4.csv): Reported Green, but its comment says \"behind\"."));
}

#[test]
fn json_and_html_outputs() {
    let mut args = vec!["history"];
    args.extend(FOUR);
    args.extend(["--json", "--stuck-versions", "5"]);
    let (code, out, _) = run(&args);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let golden = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/golden/history/four.json"
    );
    let mut expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(golden).unwrap()).unwrap();
    // The golden file has the default stuck length (3); this run asked for 5.
    expected["findings"]
        .as_array_mut()
        .unwrap()
        .retain(|f| f["code"] != "stuck");
    assert_eq!(
        v["actions"], expected["actions"],
        "the CLI's history is the golden one"
    );
    assert_eq!(v["findings"], expected["findings"]);
    assert_eq!(v["actions"].as_array().unwrap().len(), 5);
    assert_eq!(v["summary"]["slipped_more_than_once"], 1);
    let codes: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert!(
        !codes.contains(&"stuck"),
        "four versions in a row is not five: {codes:?}"
    );

    let dir = std::env::temp_dir().join(format!("ap-history-{}", std::process::id()));
    let html = dir.join("history.html");
    let mut args = vec!["history"];
    args.extend(FOUR);
    let html_s = html.to_string_lossy().to_string();
    args.extend(["-o", &html_s]);
    let (code, _, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("<caption>Every action in every version</caption>"));
    assert!(!page.contains("<script"));
    let _ = std::fs::remove_dir_all(&dir);

    let mut args = vec!["history"];
    args.extend(FOUR);
    args.extend(["-o", "out/history.xlsx"]);
    let (code, _, err) = run(&args);
    assert_eq!(code, 2);
    assert!(err.contains("a history is written as html or md"), "{err}");
}

#[test]
fn one_file_is_refused() {
    let (code, _, err) = run(&["history", FOUR[0]]);
    assert_eq!(code, 2);
    assert!(
        err.contains("required") || err.contains("2 values"),
        "{err}"
    );
}

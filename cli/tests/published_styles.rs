//! `actionplan stats` writes figures as a council publishes them: the format block from
//! --figures, --format-file or the rules file (`tests/fixtures/published`).

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn expected(key: &str) -> String {
    let text = std::fs::read_to_string(root().join("tests/fixtures/published/expected.json"))
        .expect("expected.json");
    let v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    v[key].as_str().expect("a sentence").to_string()
}

/// The "Rated by" line of `actionplan stats` on the fixture plan with `extra` arguments.
fn rated_by(extra: &[&str]) -> String {
    let mut args = vec![
        "stats",
        "tests/fixtures/published/plan.csv",
        "--as-of",
        "2025-01-15",
        "--by",
        "none",
    ];
    args.extend_from_slice(extra);
    let out = Command::new(env!("CARGO_BIN_EXE_actionplan"))
        .args(&args)
        .current_dir(root())
        .output()
        .expect("the actionplan binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("UTF-8")
        .lines()
        .find(|l| l.starts_with("Rated by") || l.starts_with("By "))
        .expect("a Rated by line")
        .to_string()
}

#[test]
fn format_from_a_flag_a_file_or_the_rules_file() {
    assert_eq!(rated_by(&["--rules", "brag"]), expected("default_brag"));
    assert_eq!(
        rated_by(&[
            "--rules",
            "brag",
            "--figures",
            r#"{"order": "percent_count", "rounding": "each", "separator": "; "}"#
        ]),
        expected("with_format_and_brag")
    );
    assert_eq!(
        rated_by(&[
            "--rules",
            "brag",
            "--format-file",
            "tests/fixtures/published/format.json"
        ]),
        expected("with_format_and_brag")
    );
    assert_eq!(
        rated_by(&["--rules", "tests/fixtures/published/rules.json"]),
        expected("with_rules")
    );
}

#[test]
fn a_bad_format_is_refused_with_its_reason() {
    let out = Command::new(env!("CARGO_BIN_EXE_actionplan"))
        .args([
            "stats",
            "tests/fixtures/published/plan.csv",
            "--figures",
            r#"{"decimals": 3}"#,
        ])
        .current_dir(root())
        .output()
        .expect("the actionplan binary runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("decimals 3 is not 0 or 1"), "{err}");
}

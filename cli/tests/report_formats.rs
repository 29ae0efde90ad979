//! `actionplan report` writes the format its output's name or `--to` asks for, and refuses a
//! name it cannot write (it once wrote HTML into `x.csv`).

use std::process::Command;

fn report(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_actionplan"))
        .arg("report")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../examples/data/harlow-2023.tsv"
        ))
        .args(["--plan-date", "2023-05-01", "--as-of", "2023-12-31"])
        .args(args)
        .output()
        .expect("the actionplan binary runs")
}

#[test]
fn the_output_name_chooses_the_format() {
    let dir = std::env::temp_dir().join(format!("actionplan-report-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let csv = dir.join("rated.csv");
    let out = report(&["-o", csv.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::read_to_string(&csv)
        .unwrap()
        .starts_with("Ref,Recommendation,"));
    let md = dir.join("report.md");
    assert!(report(&["-o", md.to_str().unwrap()]).status.success());
    assert!(std::fs::read_to_string(&md).unwrap().starts_with('#'));
    let xlsx = dir.join("tracker.xlsx");
    assert!(report(&["-o", xlsx.to_str().unwrap()]).status.success());
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));
    let pdf = dir.join("report.pdf");
    let out = report(&["-o", pdf.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot be written as .pdf"), "{err}");
    assert!(err.contains("html, md"), "{err}");
    assert!(!pdf.exists(), "nothing is written for a refused format");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn to_overrides_the_name_and_unknown_names_are_refused() {
    let out = report(&["--to", "csv"]);
    assert!(out.status.success());
    assert!(out.stdout.starts_with(b"Ref,"));
    let out = report(&["--to", "bogus"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a report format"));
}

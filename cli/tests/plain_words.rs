//! The command line's human output reads as a committee member would want: no field names or
//! codes (those are in --json), no inline markup from the cells, and groups called what the
//! plan calls them.

use std::process::Command;

fn run(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_actionplan"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .output()
        .expect("the actionplan binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

const HUNTS: &str = "examples/data/huntingdonshire-2024.tsv";
const DATES: [&str; 4] = ["--plan-date", "2024-06-01", "--as-of", "2025-03-31"];

fn no_jargon(text: &str) {
    for jargon in [
        "worst of",
        "re-rated by",
        "the rules give",
        "[reported_rag_disagrees]",
        "complete_without_evidence",
        "<u>",
        "Due in 90d",
        "Done of due",
        "9 recommendations",
    ] {
        assert!(!text.contains(jargon), "{jargon:?} in:\n{text}");
    }
}

#[test]
fn assess_stats_diff_and_validate_speak_plainly() {
    let assess = run(&[&["assess", HUNTS][..], &DATES].concat());
    no_jargon(&assess);
    assert!(assess.starts_with(
        "Rated by Date-driven RAG, progress as at 31 March 2025. Overall, the plan is Green: 15 of its 37 rated actions are Green, and none is rated worse."
    ), "{assess}");

    let stats = run(&[&["stats", HUNTS][..], &DATES].concat());
    no_jargon(&stats);
    assert!(stats.contains(
        "By Date-driven RAG, 59% of actions are blue (complete) and 41% green (on track)."
    ));
    assert!(stats.contains("Due in 90 days"));

    let diff = run(&[
        "diff",
        "tests/golden/inputs/huntingdonshire-2024-q3.tsv",
        HUNTS,
        "--plan-date",
        "2024-06-01",
    ]);
    no_jargon(&diff);
    assert!(
        diff.contains("+ CPC.update.3 New action from March 2025 revisit. To provide"),
        "{diff}"
    );

    let validate = run(&["validate", HUNTS, "--plan-date", "2024-06-01"]);
    no_jargon(&validate);
    assert!(
        validate
            .contains("8 recommendations and 37 actions (10 of them under “Additional comments”)"),
        "{validate}"
    );

    // No deadline, no rating: the 2013 plan is not "100% green".
    let old = run(&[
        "stats",
        "examples/data/three-rivers-2013.csv",
        "--plan-date",
        "2013-11-01",
        "--as-of",
        "2026-01-31",
    ]);
    assert!(
        old.contains("36 actions have no deadline and are not rated."),
        "{old}"
    );
    assert!(!old.to_lowercase().contains("100% green"), "{old}");
}

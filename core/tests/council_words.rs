//! The rule language in councils' own words: RAG columns with their own phrases, scales of
//! categories (not a severity order), and percentages of target over 100.

use actionplan::import::ImportOptions;
use actionplan::rating::{assess, Policy, RuleSet};
use actionplan::{Action, Plan, Recommendation};
use chrono::NaiveDate;

fn d(s: &str) -> NaiveDate {
    s.parse().expect("a date")
}

fn action(desc: &str, status: &str, rag: &str) -> Action {
    let mut a = Action::new(desc);
    a.set_status(status);
    if !rag.is_empty() {
        a.rag = Some(rag.into());
    }
    a
}

fn plan_of(actions: Vec<Action>) -> Plan {
    let mut p = Plan::default();
    let mut r = Recommendation::new("1", "Recommendation");
    r.actions = actions;
    p.recommendations.push(r);
    p.assign_refs();
    p
}

/// A scale whose labels list council phrases, and rules that test the RAG cell's text.
const COUNCIL_WORDS: &str = r##"{
  "id": "council-words", "name": "Council words",
  "scale": {"id": "cw", "name": "Council words", "labels": [
    {"id": "done", "name": "Achieved", "colour": "#1f4e9c", "reported": ["Achieved", "blue"]},
    {"id": "ok", "name": "Under control", "colour": "#2e7d32", "reported": ["Under control", "Not yet due"]},
    {"id": "late", "name": "Behind schedule", "colour": "#c62828", "reported": ["Behind schedule", "Rescheduled"]},
    {"id": "gone", "name": "Deleted", "colour": "#9e9e9e", "reported": ["Deleted"]}]},
  "rules": [
    {"id": "closed", "when": {"status": ["complete"]}, "then": "done"},
    {"id": "deleted", "when": {"reported_text_has": ["deleted"]}, "then": "gone"},
    {"id": "said-late", "when": {"reported_text_has": ["behind schedule", "rescheduled"]}, "then": "late"},
    {"id": "overdue", "when": {"overdue": ["definitely"]}, "then": "late"}],
  "otherwise": "ok"
}"##;

#[test]
fn council_words_in_the_rag_column_are_labels_and_rules_can_test_them() {
    let rules = RuleSet::from_json(COUNCIL_WORDS).unwrap();
    let plan = plan_of(vec![
        action("a", "In progress", "UNDER CONTROL"),
        action("b", "In progress", "Behind  schedule."),
        action("c", "In progress", "Rescheduled"),
        action("d", "Not started", "Deleted"),
        action("e", "Complete", "Achieved"),
        action("f", "In progress", "Not yet due"),
        action("g", "Complete", "Under control"),
    ]);
    let out = assess(&plan, &rules, d("2025-03-31")).unwrap();
    let got: Vec<_> = out.actions.iter().map(|r| r.rating.as_deref()).collect();
    assert_eq!(
        got,
        [
            Some("ok"),
            Some("late"),
            Some("late"),
            Some("gone"),
            Some("done"),
            Some("ok"),
            Some("done")
        ]
    );
    // Each phrase means its label, so only g (reported "Under control", rated Achieved)
    // disagrees; "Not yet due" is the ok label, not other.
    let f: Vec<_> = out
        .findings
        .iter()
        .map(|f| (&*f.action_ref, &*f.reported_label, &*f.derived))
        .collect();
    assert_eq!(f, [("R1.7", "ok", "done")]);
    assert!(out.findings[0]
        .message
        .contains("reports Under control but this report rates it Achieved"));
    // The reason names the RAG text the rule tested.
    assert!(
        out.actions[1]
            .reason
            .text
            .contains("reported \"Behind  schedule.\""),
        "{}",
        out.actions[1].reason.text
    );
}

#[test]
fn built_in_rag_words_keep_their_synonyms() {
    let rules = RuleSet::preset("date-rag").unwrap();
    let s = &rules.scale;
    assert_eq!(s.reported_label_of("Within target"), s.position("green"));
    assert_eq!(s.reported_label_of("amber / green"), s.position("green"));
    assert_eq!(s.reported_label_of("R"), s.position("red"));
    assert_eq!(s.reported_label_of("Under control"), None);
}

/// The first example in the issue: Completed / Green / Amber / Red / Not started, one column.
const LIFECYCLE_AND_COLOUR: &str = r##"{
  "id": "lifecycle-colour", "name": "Lifecycle and colour",
  "scale": {"id": "lc", "name": "Lifecycle and colour", "ordered": false, "labels": [
    {"id": "completed", "name": "Completed", "colour": "#1f4e9c", "reported": ["Complete", "Completed"], "same_as": ["green"]},
    {"id": "green", "name": "Green", "colour": "#2e7d32", "reported": ["green"]},
    {"id": "amber", "name": "Amber", "colour": "#ffbf00", "reported": ["amber"]},
    {"id": "red", "name": "Red", "colour": "#c62828", "reported": ["red"]},
    {"id": "not_started", "name": "Not started", "colour": "#9e9e9e"}]},
  "rules": [
    {"id": "completed", "when": {"status": ["complete"]}, "then": "completed"},
    {"id": "not-started", "when": {"status": ["not_started"]}, "then": "not_started"},
    {"id": "overdue", "when": {"overdue": ["definitely"]}, "then": "red"}],
  "otherwise": "green",
  "rollup": "none"
}"##;

#[test]
fn complete_and_green_is_not_flagged_on_a_lifecycle_and_colour_scale() {
    let rules = RuleSet::from_json(LIFECYCLE_AND_COLOUR).unwrap();
    assert!(!rules.scale.ordered);
    assert_eq!(rules.rollup.plan, Policy::None);
    let mut late = action("late", "In progress", "Complete");
    late.timeframe =
        Some(actionplan::timeframe::parse("31/01/2025", None, &Default::default()).into());
    let plan = plan_of(vec![
        action("a", "Complete", "Green"),
        action("b", "Complete", "Complete"),
        action("c", "Not started", "Green"),
        late,
    ]);
    let out = assess(&plan, &rules, d("2025-03-31")).unwrap();
    let got: Vec<_> = out.actions.iter().map(|r| r.rating.as_deref()).collect();
    assert_eq!(
        got,
        [
            Some("completed"),
            Some("completed"),
            Some("not_started"),
            Some("red")
        ]
    );
    // a: Complete and Green is the same (same_as); c: "Not started" lists no reported words,
    // so the scale says nothing about it; only d, reported Complete but overdue, differs.
    assert_eq!(out.findings.len(), 1, "{:?}", out.findings);
    let f = &out.findings[0];
    assert_eq!((&*f.action_ref, &*f.derived), ("R1.4", "red"));
    assert_eq!(f.steps, 0, "categories have no better or worse");
    assert_eq!(f.severity, actionplan::Severity::Warning);
    // No roll-up: nothing is rated above the actions, and the counts are still given.
    assert_eq!(out.plan.rating, None);
    assert_eq!(out.plan.reason, "not rolled up (4 rated actions)");
    assert_eq!(out.recommendations[0].rating, None);
    assert_eq!(out.plan.counts[0].count, 2);
}

/// The second example: Achieved / On track / Deleted.
#[test]
fn achieved_on_track_deleted_compares_only_the_same_words() {
    let rules = RuleSet::from_json(
        r##"{"id": "aod", "name": "Achieved, on track, deleted",
      "scale": {"id": "aod", "name": "AOD", "ordered": false, "labels": [
        {"id": "achieved", "name": "Achieved", "colour": "#1f4e9c", "reported": ["Achieved"]},
        {"id": "on_track", "name": "On track", "colour": "#2e7d32", "reported": ["On track", "green"]},
        {"id": "deleted", "name": "Deleted", "colour": "#9e9e9e", "reported": ["Deleted"]}]},
      "rules": [
        {"id": "done", "when": {"status": ["complete"]}, "then": "achieved"},
        {"id": "gone", "when": {"any": [{"status": ["cancelled"]}, {"reported_text_has": ["deleted"]}]}, "then": "deleted"}],
      "otherwise": "on_track",
      "rollup": {"recommendation": {"policy": "none"}, "plan": {"policy": "share_of", "bands": [{"labels": ["achieved"], "at_least": 50, "then": "achieved"}], "otherwise": "on_track"}}}"##,
    )
    .unwrap();
    let plan = plan_of(vec![
        action("a", "Complete", "Achieved"),
        action("b", "In progress", "On track"),
        action("c", "Cancelled", "Deleted"),
        action("d", "In progress", "Deleted"),
        action("e", "Complete", "On track"),
    ]);
    let out = assess(&plan, &rules, d("2025-03-31")).unwrap();
    let got: Vec<_> = out.actions.iter().map(|r| r.rating.as_deref()).collect();
    assert_eq!(
        got,
        [
            Some("achieved"),
            Some("on_track"),
            Some("deleted"),
            Some("deleted"),
            Some("achieved")
        ]
    );
    // "Achieved" means the achieved label (not the built-in Blue); only e differs.
    let f: Vec<_> = out
        .findings
        .iter()
        .map(|f| (&*f.action_ref, &*f.reported_label, &*f.derived))
        .collect();
    assert_eq!(f, [("R1.5", "on_track", "achieved")]);
    assert_eq!(out.recommendations[0].rating, None);
    assert_eq!(out.plan.rating.as_deref(), Some("on_track"));
}

#[test]
fn category_scales_refuse_worst_of_and_bad_same_as() {
    let worst = LIFECYCLE_AND_COLOUR.replace(r#""rollup": "none""#, r#""rollup": {}"#);
    let e = RuleSet::from_json(&worst).unwrap_err().to_string();
    assert!(e.contains("is not ordered"), "{e}");
    assert!(e.contains("\"rollup\": \"none\""), "{e}");
    let bad = LIFECYCLE_AND_COLOUR.replace(r#""same_as": ["green"]"#, r#""same_as": ["teal"]"#);
    let e = RuleSet::from_json(&bad).unwrap_err().to_string();
    assert!(e.contains("same_as \"teal\" is not a label"), "{e}");
    assert!(RuleSet::from_json(&LIFECYCLE_AND_COLOUR.replace(r#""none""#, r#""some""#)).is_err());
    let extra = r#"{"recommendation": {"policy": "none", "bands": []}}"#;
    assert!(serde_json::from_str::<actionplan::rating::Rollup>(extra).is_err());
    // Ordered scales keep worst_of.
    assert_eq!(
        RuleSet::preset("date-rag").unwrap().rollup.plan,
        Policy::WorstOf
    );
}

#[test]
fn a_percent_of_target_over_100_is_read_and_worded_as_of_target() {
    let csv = "Ref,Action,Status,% of target achieved\n1,Recycle more,In progress,105%\n2,Fewer missed bins,In progress,80%\n";
    let imported = ImportOptions::new().read_bytes(csv.as_bytes()).unwrap();
    assert!(
        !imported
            .diagnostics
            .iter()
            .any(|d| d.code == "unreadable_percent"),
        "{:?}",
        imported.diagnostics
    );
    let plan = imported.plan;
    let pct: Vec<_> = plan.actions().map(|(_, a)| a.percent_complete).collect();
    assert_eq!(pct, [Some(105.0), Some(80.0)]);
    let rules = RuleSet::preset("percent-bands").unwrap();
    let out = assess(&plan, &rules, d("2025-03-31")).unwrap();
    assert!(
        out.actions[0].reason.text.contains("105% of target"),
        "{}",
        out.actions[0].reason.text
    );
    assert_eq!(out.actions[0].facts.percent, Some(105.0));
    // A percent complete column is still worded as complete.
    let csv = "Ref,Action,Status,% complete\n1,Recycle more,In progress,60%\n";
    let plan = ImportOptions::new()
        .read_bytes(csv.as_bytes())
        .unwrap()
        .plan;
    let out = assess(&plan, &rules, d("2025-03-31")).unwrap();
    assert!(out.actions[0].reason.text.contains("60% complete"));
}

#[test]
fn the_category_example_in_the_presets_readme_reads_and_rates() {
    let readme = include_str!("../presets/README.md");
    let at = readme
        .find("### A scale of categories")
        .expect("the section");
    let start = at + readme[at..].find("```json\n").expect("a JSON example") + 8;
    let end = start + readme[start..].find("```").expect("its end");
    let rules = RuleSet::from_json(&readme[start..end]).expect("the README's example reads");
    let mut late = action("late", "In progress", "Complete");
    late.timeframe =
        Some(actionplan::timeframe::parse("31/01/2025", None, &Default::default()).into());
    let plan = plan_of(vec![
        action("a", "Complete", "Green"),
        action("b", "In progress", "Behind schedule"),
        action("c", "Not started", "Under control"),
        late,
    ]);
    let out = assess(&plan, &rules, d("2025-03-31")).unwrap();
    let got: Vec<_> = out.actions.iter().map(|r| r.rating.as_deref()).collect();
    assert_eq!(
        got,
        [
            Some("completed"),
            Some("red"),
            Some("not_started"),
            Some("red")
        ]
    );
    let f: Vec<_> = out.findings.iter().map(|f| &*f.action_ref).collect();
    assert_eq!(f, ["R1.4"]);
}

#[test]
fn column_has_reads_any_column_by_its_header_even_one_read_as_a_field() {
    let csv = "Ref,Action,Responsible Officer,Lead Member,Status,RAG,Stage\n\
               1,Recycle more,Head of Waste,Cllr Green,In progress,Under control,Stage 3\n\
               2,Fewer missed bins,Head of Finance,Cllr Brown,In progress,Behind schedule,Stage 1\n";
    let plan = ImportOptions::new()
        .read_bytes(csv.as_bytes())
        .unwrap()
        .plan;
    let roles: Vec<_> = plan.columns.iter().map(|c| c.role.as_str()).collect();
    assert!(
        roles.contains(&"lead_member") && roles.contains(&"owner"),
        "{roles:?}"
    );
    let rules = |header: &str, word: &str| {
        RuleSet::from_json(&format!(
            r##"{{"id": "c", "name": "C",
              "scale": {{"id": "s", "name": "S", "labels": [
                {{"id": "hit", "name": "Hit", "colour": "#c62828"}},
                {{"id": "miss", "name": "Miss", "colour": "#2e7d32"}}]}},
              "rules": [{{"id": "c", "when": {{"column_has": {{"{header}": ["{word}"]}}}}, "then": "hit"}}],
              "otherwise": "miss"}}"##
        ))
        .unwrap()
    };
    let rated = |header: &str, word: &str| -> Vec<String> {
        assess(&plan, &rules(header, word), d("2025-03-31"))
            .unwrap()
            .actions
            .iter()
            .map(|r| r.rating.as_deref().unwrap_or("").to_string())
            .collect()
    };
    assert_eq!(rated("lead member", "brown"), ["miss", "hit"]);
    assert_eq!(rated("Responsible Officer", "waste"), ["hit", "miss"]);
    assert_eq!(rated("RAG", "behind schedule"), ["miss", "hit"]);
    assert_eq!(rated("Stage", "3"), ["hit", "miss"]);
    assert_eq!(rated("Action", "bins"), ["miss", "hit"]);
    assert_eq!(rated("Directorate", "waste"), ["miss", "miss"]);
}

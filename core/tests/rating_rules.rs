//! The presets and the rule language, on small plans built in code.

use actionplan::diff::diff;
use actionplan::rating::{assess, Bound, RuleSet, PRESETS};
use actionplan::stats::{percentages, stats, GroupBy};
use actionplan::timeframe::{parse, Settings};
use actionplan::{Action, Plan, ProgressUpdate, Recommendation};
use chrono::NaiveDate;
use proptest::prelude::*;

fn d(s: &str) -> NaiveDate {
    s.parse().expect("a date")
}

/// An action: description, due phrase, status, reported RAG.
fn action(desc: &str, due: &str, status: &str, rag: &str) -> Action {
    let mut a = Action::new(desc);
    if !due.is_empty() {
        a.timeframe = Some(parse(due, Some(d("2024-04-01")), &Settings::default()).into());
    }
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

fn ratings(p: &Plan, preset: &str, as_of: &str) -> Vec<Option<String>> {
    let rules = RuleSet::preset(preset).expect("a preset");
    assess(p, &rules, d(as_of))
        .expect("assesses")
        .actions
        .into_iter()
        .map(|a| a.rating.map(|r| r.to_string()))
        .collect()
}

fn some(v: &[&str]) -> Vec<Option<String>> {
    v.iter()
        .map(|s| if *s == "-" { None } else { Some(s.to_string()) })
        .collect()
}

/// An action whose deadline could be any day from `earliest` to `latest`.
fn uncertain(earliest: &str, latest: &str) -> Action {
    let mut a = action("uncertain", "31/12/2025", "In progress", "");
    if let Some(t) = a.timeframe.as_mut() {
        let t = std::sync::Arc::make_mut(t);
        t.due_earliest = Some(d(earliest));
        t.due_latest = Some(d(latest));
    }
    a
}

#[test]
fn date_rag_rates_by_deadline() {
    let p = plan_of(vec![
        action("done", "31/01/2025", "Complete", ""),
        action("late", "31/01/2025", "In progress", ""),
        uncertain("2025-03-31", "2025-05-31"),
        action("soon", "30/04/2025", "Not started", ""),
        action("later", "31/12/2025", "In progress", ""),
        action("ongoing", "Ongoing", "In progress", ""),
        action("dropped", "31/01/2025", "Withdrawn", ""),
    ]);
    assert_eq!(
        ratings(&p, "date-rag", "2025-04-10"),
        // An ongoing action has no deadline: not rated, rather than on track.
        some(&["blue", "red", "amber", "amber", "green", "-", "-"])
    );
}

#[test]
fn due_soon_is_a_parameter() {
    let p = plan_of(vec![action("x", "31/05/2025", "In progress", "")]);
    assert_eq!(ratings(&p, "date-rag", "2025-04-10"), some(&["green"]));
    let rules = RuleSet::preset("date-rag")
        .expect("a preset")
        .with_param("due_soon", Bound::Text("2 months".into()))
        .expect("a valid span");
    let a = assess(&p, &rules, d("2025-04-10")).expect("assesses");
    assert_eq!(a.actions[0].rating.as_deref(), Some("amber"));
    assert_eq!(a.actions[0].reason.rule.as_deref(), Some("due-soon"));
}

#[test]
fn brag_and_rag_follow_the_reported_judgement() {
    let p = plan_of(vec![
        action("a", "31/12/2025", "In progress", "Red"),
        action("b", "31/12/2025", "In progress", "Amber/Green"),
        action("c", "31/01/2025", "In progress", ""),
        action("d", "31/01/2025", "Complete", "Complete"),
    ]);
    assert_eq!(
        ratings(&p, "brag", "2025-04-10"),
        some(&["red", "amber", "red", "blue"])
    );
    assert_eq!(
        ratings(&p, "rag", "2025-04-10"),
        some(&["red", "amber", "-", "-"])
    );
}

#[test]
fn five_point_grades_lateness() {
    let p = plan_of(vec![
        action("long late", "31/10/2024", "In progress", ""),
        action("late", "31/03/2025", "In progress", ""),
        action("not started, soon", "30/04/2025", "Not started", ""),
        action("started, soon", "30/04/2025", "In progress", ""),
        action("far", "31/12/2025", "In progress", ""),
        action("own judgement", "31/12/2025", "In progress", "Amber/Green"),
    ]);
    assert_eq!(
        ratings(&p, "five-point", "2025-04-10"),
        some(&[
            "red",
            "amber_red",
            "amber",
            "amber_green",
            "green",
            "amber_green"
        ])
    );
}

#[test]
fn slippage_is_measured_against_the_original_deadline() {
    let mut moved = action("moved", "30/09/2025", "In progress", "");
    moved.original_due = Some(parse("31/03/2025", None, &Settings::default()).into());
    let mut moved_late = action("moved and late", "31/03/2025", "In progress", "");
    moved_late.original_due = Some(parse("31/12/2024", None, &Settings::default()).into());
    let p = plan_of(vec![
        action("on target", "31/12/2025", "In progress", ""),
        action("two weeks behind", "31/03/2025", "In progress", ""),
        action("two months behind", "31/01/2025", "In progress", ""),
        moved,
        moved_late,
    ]);
    assert_eq!(
        ratings(&p, "months-behind", "2025-04-14"),
        some(&[
            "on_target",
            "behind",
            "far_behind",
            "rescheduled",
            "far_behind"
        ])
    );
    assert_eq!(
        ratings(&p, "delay-bands", "2025-04-14"),
        some(&[
            "on_track",
            "delayed_minor",
            "delayed_minor",
            "delayed_major",
            "delayed_major"
        ])
    );
}

#[test]
fn percent_bands_with_the_overdue_override() {
    let with = |pc: f64, due: &str| {
        let mut a = action("x", due, "In progress", "");
        a.percent_complete = Some(pc);
        a
    };
    let p = plan_of(vec![
        with(20.0, "31/12/2025"),
        with(60.0, "31/12/2025"),
        with(80.0, "31/12/2025"),
        with(40.0, "31/01/2025"),
        with(60.0, "31/01/2025"),
        action("no percent", "31/12/2025", "In progress", ""),
    ]);
    assert_eq!(
        ratings(&p, "percent-bands", "2025-04-10"),
        some(&["red", "amber", "green", "red", "amber", "-"])
    );
}

#[test]
fn staleness_looks_at_comments_and_the_previous_version() {
    let with = |texts: &[&str]| {
        let mut a = action("x", "31/12/2025", "In progress", "");
        for t in texts {
            a.updates.push(ProgressUpdate {
                text: t.to_string().into(),
                ..Default::default()
            });
        }
        a
    };
    let p = plan_of(vec![
        with(&["Started", "Halfway"]),
        with(&["Started", "Started"]),
        with(&["Started", ""]),
        with(&[]),
    ]);
    assert_eq!(
        ratings(&p, "staleness", "2025-04-10"),
        some(&["updated", "stale", "stale", "missing"])
    );
    let rules = RuleSet::preset("staleness").expect("a preset");
    let a = actionplan::rating::assess_since(&p, &p, &rules, d("2025-04-10")).expect("assesses");
    assert_eq!(a.actions[0].rating.as_deref(), Some("stale"));
    assert!(a.actions[0]
        .reason
        .text
        .contains("unchanged since the previous version"));
}

#[test]
fn a_reported_rag_better_than_the_rules_is_a_finding() {
    let p = plan_of(vec![
        action("green but late", "31/12/2024", "In progress", "Green"),
        action("agrees", "31/12/2025", "In progress", "Within target"),
        action("pessimistic", "31/12/2025", "In progress", "Amber"),
    ]);
    let a = assess(
        &p,
        &RuleSet::preset("date-rag").expect("a preset"),
        d("2025-04-30"),
    )
    .expect("assesses");
    assert_eq!(a.findings.len(), 2);
    let f = &a.findings[0];
    assert_eq!((&*f.action_ref, f.steps), ("R1.1", 2));
    assert_eq!(f.severity, actionplan::Severity::Error);
    assert_eq!(
        f.message,
        "R1.1 reports Green but this report rates it Red: due 2024-12-31, 120 days overdue, status In progress"
    );
    assert_eq!(a.findings[1].severity, actionplan::Severity::Info);
}

#[test]
fn roll_up_policies() {
    let p = plan_of(vec![
        action("a", "31/12/2025", "Complete", ""),
        action("b", "31/12/2025", "In progress", ""),
        action("c", "31/12/2025", "In progress", ""),
        action("d", "31/01/2025", "In progress", ""),
    ]);
    let mut rules = RuleSet::preset("date-rag").expect("a preset");
    let a = assess(&p, &rules, d("2025-04-10")).expect("assesses");
    assert_eq!(a.recommendations[0].rating.as_deref(), Some("red"));
    assert_eq!(
        a.recommendations[0].reason,
        "worst of 4 rated actions: 1 Red"
    );

    rules.rollup = serde_json::from_str(
        r#"{"recommendation": {"policy": "share_of", "bands": [{"labels": ["red"], "at_least": 50, "then": "red"},
                                                                {"labels": ["red", "amber"], "at_least": 20, "then": "amber"}],
                               "otherwise": "green"},
            "plan": {"policy": "weighted"}}"#,
    )
    .expect("a roll-up");
    rules.check().expect("valid");
    let a = assess(&p, &rules, d("2025-04-10")).expect("assesses");
    assert_eq!(a.recommendations[0].rating.as_deref(), Some("amber"));
    assert_eq!(
        a.recommendations[0].reason,
        "1 of 4 rated actions (25%) are Red or Amber: at least 20%"
    );
    // Scores 1, 2/3, 2/3, 0: mean 0.58, nearest Green (0.67).
    assert_eq!(a.plan.rating.as_deref(), Some("green"));
}

#[test]
fn bad_rules_are_errors_that_say_where() {
    let base = RuleSet::preset("date-rag").expect("a preset").to_json();
    let cases = [
        (
            base.replace("\"then\": \"red\"", "\"then\": \"crimson\""),
            "crimson",
        ),
        (base.replace("\"$due_soon\"", "\"$soonish\""), "$soonish"),
        (base.replace("\"30 days\"", "\"a while\""), "a while"),
        (base.replace("\"overdue\": [", "\"overdeu\": ["), "overdeu"),
        (base.replace("#c62828", "red"), "colour"),
        ("{\"id\": 1}".to_string(), "line 1"),
    ];
    for (text, says) in cases {
        let e = RuleSet::from_json(&text).expect_err(says);
        assert_eq!(e.code(), "invalid_option");
        assert!(e.to_string().contains(says), "{e} should mention {says}");
    }
}

#[test]
fn every_preset_is_documented_and_round_trips() {
    for id in PRESETS {
        let r = RuleSet::preset(id).expect("a preset");
        assert_eq!(r.id, id);
        assert!(
            r.description.as_deref().is_some_and(|d| d.len() > 40),
            "{id}"
        );
        assert_eq!(RuleSet::from_json(&r.to_json()).expect("round trip"), r);
    }
}

#[test]
fn stats_headline_and_shares_add_up() {
    let mut actions = Vec::new();
    for i in 0..114 {
        let (status, rag) = match i {
            0..=63 => ("Complete", ""),
            64..=84 => ("In progress", "Green"),
            85..=105 => ("In progress", "Amber"),
            106..=112 => ("In progress", "Red"),
            _ => ("Not started", ""),
        };
        actions.push(action("x", "31/12/2025", status, rag));
    }
    let p = plan_of(actions);
    let a = assess(
        &p,
        &RuleSet::preset("brag").expect("a preset"),
        d("2025-03-31"),
    )
    .expect("assesses");
    let s = stats(&p, &a, GroupBy::Recommendation);
    assert_eq!(
        s.headline[0],
        "At the end of quarter 4 of 2024/25 (31 March 2025) there were 114 actions: 64 complete (56%), 49 in progress (43%), 1 not started (1%)."
    );
    assert_eq!(
        s.headline[1],
        "Of the 49 in progress, 21 are green (43%), 21 amber (43%) and 7 red (14%)."
    );
    let total: u32 = s.plan.by_rating.iter().map(|x| x.percent).sum();
    assert_eq!(total, 100);
}

#[test]
fn diff_matches_renumbered_actions_by_description() {
    let old = plan_of(vec![
        action(
            "Review the corporate performance indicators",
            "31/03/2025",
            "In progress",
            "Green",
        ),
        action(
            "Publish the scrutiny work programme",
            "30/06/2025",
            "Not started",
            "",
        ),
    ]);
    let mut new = old.clone();
    // Renumbered: the refs swap places, the descriptions stay.
    new.recommendations[0].actions.swap(0, 1);
    for a in &mut new.recommendations[0].actions {
        a.ref_generated = false;
    }
    new.recommendations[0].actions[0].action_ref = "R1.1".into();
    new.recommendations[0].actions[1].action_ref = "R1.2".into();
    new.recommendations[0].actions[1].rag = Some("Amber".into());
    let mut old_written = old.clone();
    for a in &mut old_written.recommendations[0].actions {
        a.ref_generated = false;
    }
    let dd = diff(&old_written, &new);
    assert_eq!(dd.renumbered.len(), 2);
    assert!(dd.added.is_empty() && dd.removed.is_empty());
    assert_eq!(dd.rerated.len(), 1);
    assert_eq!(dd.rerated[0].action_ref, "R1.2");
    assert_eq!(dd.rerated[0].from.as_deref(), Some("Green"));
}

#[test]
fn largest_remainder_examples() {
    assert_eq!(percentages(&[21, 21, 7]), [43, 43, 14]);
    assert_eq!(percentages(&[2, 1]), [67, 33]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// No rules text panics: it is a rule set or an `invalid_option` error.
    #[test]
    fn any_rules_text_is_read_or_refused(text in "\\PC{0,300}") {
        if let Err(e) = RuleSet::from_json(&text) {
            prop_assert_eq!(e.code(), "invalid_option");
        }
    }

    /// Shares of any counts add up to 100 (or are all zero).
    #[test]
    fn shares_add_up(counts in proptest::collection::vec(0usize..10_000, 1..12)) {
        let p = percentages(&counts);
        let total: u32 = p.iter().sum();
        prop_assert!(total == 100 || counts.iter().all(|c| *c == 0));
    }

    /// Any action, any date: assessing and counting never panic, and every action is rated once.
    #[test]
    fn assessing_never_panics(
        due in "\\PC{0,30}", status in "\\PC{0,12}", rag in "\\PC{0,12}",
        pc in proptest::option::of(-1e9f64..1e9), days in -100_000i64..100_000,
    ) {
        let mut a = action("x", &due, &status, &rag);
        a.percent_complete = pc;
        let p = plan_of(vec![a]);
        let as_of = d("2025-01-01") + chrono::TimeDelta::days(days);
        for id in PRESETS {
            let rules = RuleSet::preset(id).expect("a preset");
            let out = assess(&p, &rules, as_of).expect("assesses");
            prop_assert_eq!(out.actions.len(), 1);
            let s = stats(&p, &out, GroupBy::Owner);
            prop_assert_eq!(s.plan.actions, 1);
            let _ = actionplan::report::html(&p, &out, &s, None);
        }
    }
}

#[test]
fn the_rule_set_in_the_presets_readme_is_valid() {
    let readme = include_str!("../presets/README.md");
    let start = readme.find("```json\n").expect("a JSON example") + 8;
    let end = start + readme[start..].find("```").expect("its end");
    let rules = RuleSet::from_json(&readme[start..end]).expect("the README's example reads");
    let p = plan_of(vec![action("x", "31/01/2025", "In progress", "Green")]);
    let a = assess(&p, &rules, d("2025-03-01")).expect("assesses");
    assert_eq!(a.actions[0].rating.as_deref(), Some("red"));
    assert_eq!(a.findings.len(), 1);
}

/// A three-label scale built in code.
fn rag_scale() -> actionplan::rating::Scale {
    use actionplan::rating::{Label, Scale};
    Scale::new(
        "rag",
        "RAG",
        vec![
            Label::new("green", "Green", "#2e7d32"),
            Label::new("amber", "Amber", "#ffbf00"),
            Label::new("red", "Red", "#c62828"),
        ],
    )
}

#[test]
fn rules_test_owners_and_any_column_by_its_header() {
    use actionplan::rating::{Condition, Rule};
    let mut a = action("Rebuild the website", "March 2025", "In progress", "");
    a.owners = vec!["Head of Digital & Customer Services".into()];
    a.extra
        .insert("Direction of travel".into(), "Getting worse".into());
    let mut b = action("Publish the accounts", "March 2025", "In progress", "");
    b.owners = vec!["Chief Finance Officer".into()];
    b.extra
        .insert("Direction of travel".into(), "Better".into());
    let plan = plan_of(vec![a, b]);
    let worse = Condition {
        column_has: Some([("direction of TRAVEL".to_string(), vec!["worse".to_string()])].into()),
        ..Default::default()
    };
    let digital = Condition {
        owner_has: Some(vec!["digital".into()]),
        ..Default::default()
    };
    let rules = RuleSet::new("x", "X", rag_scale())
        .rule(Rule::new("worse", worse, Some("red")))
        .rule(Rule::new("digital", digital, Some("amber")))
        .otherwise("green");
    rules.check().unwrap();
    let out = assess(&plan, &rules, d("2025-01-01")).unwrap();
    let got: Vec<_> = out.actions.iter().map(|r| r.rating.as_deref()).collect();
    assert_eq!(got, [Some("red"), Some("green")]);
    // The same rule set as JSON reads the same.
    let again = RuleSet::from_json(&rules.to_json()).unwrap();
    assert_eq!(again, rules);
    // A column the plan does not have never matches.
    let none = Condition {
        column_has: Some([("Stage".to_string(), vec!["3".to_string()])].into()),
        ..Default::default()
    };
    let rules = RuleSet::new("y", "Y", rag_scale())
        .rule(Rule::new("stage", none, Some("red")))
        .otherwise("green");
    let out = assess(&plan, &rules, d("2025-01-01")).unwrap();
    assert!(out
        .actions
        .iter()
        .all(|r| r.rating.as_deref() == Some("green")));
}

#[test]
fn rust_code_can_decide_before_the_rules() {
    use actionplan::rating::{assess_with, Verdict};
    let plan = plan_of(vec![
        action("Cut costs", "March 2025", "In progress", ""),
        action("Hire staff", "March 2025", "In progress", ""),
    ]);
    let rules = RuleSet::preset("date-rag").unwrap();
    let out = assess_with(&plan, &rules, d("2025-01-01"), |a, facts| {
        (a.description.contains("costs") && facts.days_to_due.is_some())
            .then(|| Verdict::new("savings", Some("red"), "savings not yet found"))
    })
    .unwrap();
    assert_eq!(out.actions[0].rating.as_deref(), Some("red"));
    assert_eq!(out.actions[0].reason.rule.as_deref(), Some("savings"));
    assert_eq!(
        out.actions[1].rating,
        assess(&plan, &rules, d("2025-01-01")).unwrap().actions[1].rating
    );
    assert_eq!(
        out.plan.rating.as_deref(),
        Some("red"),
        "custom ratings roll up"
    );
    let err = assess_with(&plan, &rules, d("2025-01-01"), |_, _| {
        Some(Verdict::new("bad", Some("purple"), "no such label"))
    })
    .unwrap_err();
    assert!(err.to_string().contains("purple"), "{err}");
    // Bounds from Rust values.
    assert_eq!(Bound::from(30), Bound::Number(30.0));
    assert_eq!(Bound::from("3 months"), Bound::Text("3 months".into()));
}

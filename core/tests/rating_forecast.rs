//! The forecast: expected progress from an action's start to its deadline, the
//! `expected_percent` and `progress_ratio` facts, the `forecast` setting of a rule set and the
//! `forecast` preset.

use actionplan::import::ImportOptions;
use actionplan::rating::{assess, DeadlinePoint, Facts, Forecast, RuleSet};
use actionplan::timeframe::{parse, Settings};
use actionplan::{Action, Plan, Recommendation};
use chrono::NaiveDate;

fn d(s: &str) -> NaiveDate {
    s.parse().expect("a date")
}

/// An action due `due`, in progress, `percent` complete (if any).
fn action(due: &str, percent: Option<f64>) -> Action {
    let mut a = Action::new("Deliver the thing");
    if !due.is_empty() {
        a.timeframe = Some(parse(due, Some(d("2025-01-01")), &Settings::default()).into());
    }
    a.set_status("In progress");
    a.percent_complete = percent;
    a
}

/// A plan dated 1 January 2025 (the start of every action with no start-date cell).
fn plan_of(actions: Vec<Action>) -> Plan {
    let mut p = Plan::default();
    p.meta.plan_date = Some(d("2025-01-01"));
    let mut r = Recommendation::new("1", "Recommendation");
    r.actions = actions;
    p.recommendations.push(r);
    p.assign_refs();
    p
}

/// (rating, rule, reason) for each action, with the `forecast` preset (or `rules`).
fn rate(p: &Plan, rules: &RuleSet, as_of: &str) -> Vec<(Option<String>, Option<String>, String)> {
    assess(p, rules, d(as_of))
        .expect("assesses")
        .actions
        .into_iter()
        .map(|a| {
            (
                a.rating.map(|r| r.to_string()),
                a.reason.rule.map(|r| r.to_string()),
                a.reason.text,
            )
        })
        .collect()
}

fn preset() -> RuleSet {
    RuleSet::preset("forecast").expect("the forecast preset")
}

fn labels(p: &Plan, as_of: &str) -> Vec<String> {
    rate(p, &preset(), as_of)
        .into_iter()
        .map(|(l, _, _)| l.unwrap_or_else(|| "-".into()))
        .collect()
}

#[test]
fn bands_at_their_boundaries() {
    // Ten days from 1 January to 11 January; on the 8th, 70% is expected.
    let percents = [63.0, 62.9, 49.0, 48.9, 0.0];
    let p = plan_of(
        percents
            .iter()
            .map(|&pc| action("11/01/2025", Some(pc)))
            .collect(),
    );
    assert_eq!(
        labels(&p, "2025-01-08"),
        ["green", "amber", "amber", "red", "red"]
    );
    let facts = &assess(&p, &preset(), d("2025-01-08")).unwrap().actions;
    assert_eq!(facts[0].facts.expected_percent, Some(70.0));
    assert_eq!(facts[0].facts.progress_ratio, Some(0.9)); // exactly 90%: on track
    assert!(facts[1].facts.progress_ratio.unwrap() < 0.9);
    assert_eq!(facts[2].facts.progress_ratio, Some(0.7));
    assert_eq!(facts[4].facts.progress_ratio, Some(0.0));
}

#[test]
fn the_reason_says_done_and_expected() {
    let p = plan_of(vec![action("11/01/2025", Some(42.0))]);
    let out = rate(&p, &preset(), "2025-01-08");
    assert_eq!(out[0].0.as_deref(), Some("red"));
    assert_eq!(out[0].1.as_deref(), Some("well-behind"));
    assert_eq!(
        out[0].2,
        "due 2025-01-11, 3 days to go, 42% done, 70% expected by now, status In progress"
    );
    // Expected progress is written as a whole percent.
    let p = plan_of(vec![action("04/01/2025", Some(30.0))]);
    let out = rate(&p, &preset(), "2025-01-02");
    assert!(
        out[0].2.contains("30% done, 33% expected by now"),
        "{}",
        out[0].2
    );
}

#[test]
fn past_the_deadline_everything_is_expected() {
    let p = plan_of(vec![
        action("11/01/2025", Some(95.0)),
        action("11/01/2025", Some(80.0)),
        action("11/01/2025", Some(50.0)),
    ]);
    let out = assess(&p, &preset(), d("2025-06-30")).unwrap();
    let f = &out.actions[0].facts;
    assert_eq!(f.expected_percent, Some(100.0));
    assert_eq!(f.progress_ratio, Some(0.95));
    assert_eq!(labels(&p, "2025-06-30"), ["green", "amber", "red"]);
    assert!(out.actions[2]
        .reason
        .text
        .contains("50% done, 100% expected by now"));
}

#[test]
fn start_on_the_deadline() {
    // Planned on the day it is due: nothing expected before, everything from it on.
    let p = plan_of(vec![action("01/01/2025", Some(40.0))]);
    let before = assess(&p, &preset(), d("2024-12-31")).unwrap();
    assert_eq!(before.actions[0].facts.expected_percent, Some(0.0));
    assert_eq!(before.actions[0].facts.progress_ratio, None);
    assert_eq!(labels(&p, "2024-12-31"), ["green"]); // nothing expected yet
    let on = assess(&p, &preset(), d("2025-01-01")).unwrap();
    assert_eq!(on.actions[0].facts.expected_percent, Some(100.0));
    assert_eq!(on.actions[0].facts.progress_ratio, Some(0.4));
    assert_eq!(labels(&p, "2025-01-01"), ["red"]);
}

#[test]
fn not_rated_without_a_percent_a_deadline_or_a_start() {
    let mut complete = action("11/01/2025", None);
    complete.set_status("Complete");
    let mut cancelled = action("11/01/2025", Some(10.0));
    cancelled.set_status("Cancelled");
    let p = plan_of(vec![
        action("11/01/2025", None),
        action("", Some(50.0)),
        action("Ongoing", Some(50.0)),
        complete,
        cancelled,
        action("11/01/2025", Some(100.0)),
    ]);
    let out = rate(&p, &preset(), "2025-01-08");
    let got: Vec<_> = out
        .iter()
        .map(|(l, r, _)| (l.as_deref(), r.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (None, Some("no-percent")),
            (None, Some("no-forecast")),
            (None, Some("no-forecast")),
            (Some("blue"), Some("complete")),
            (None, Some("closed")),
            (Some("blue"), Some("complete")),
        ]
    );
    assert!(
        out[0].2.contains("no percent complete recorded"),
        "{}",
        out[0].2
    );
    assert!(
        out[1].2.starts_with("no deadline, 50% done"),
        "{}",
        out[1].2
    );
    let facts = &assess(&p, &preset(), d("2025-01-08")).unwrap().actions;
    assert_eq!(facts[0].facts.expected_percent, Some(70.0));
    assert_eq!(facts[0].facts.progress_ratio, None);
    assert_eq!(facts[1].facts.expected_percent, None);

    // No start-date column and no plan date: no start.
    let mut undated = plan_of(vec![action("11/01/2025", Some(50.0))]);
    undated.meta.plan_date = None;
    let out = rate(&undated, &preset(), "2025-01-08");
    assert_eq!(out[0].0, None);
    assert_eq!(out[0].1.as_deref(), Some("no-forecast"));
    assert!(out[0].2.contains("50% done, no start date"), "{}", out[0].2);
}

#[test]
fn the_deadline_point_of_a_period() {
    // "Summer 2025": 1 June to 31 August. From 1 January, on 1 April:
    // to the end (242 days) 37.19%; to the middle (16 July, 196 days) 45.92%; to the start
    // (1 June, 151 days) 59.6%.
    let p = plan_of(vec![action("Summer 2025", Some(40.0))]);
    let expected = |point: Option<&str>| {
        let mut rules = preset();
        if let Some(point) = point {
            rules.forecast.deadline = serde_json::from_str(&format!("{point:?}")).unwrap();
        }
        let out = assess(&p, &rules, d("2025-04-01")).unwrap();
        let f = out.actions[0].facts;
        (
            f.expected_percent.unwrap(),
            out.actions[0].rating.clone().unwrap().to_string(),
        )
    };
    assert_eq!(expected(None), (37.19, "green".into()));
    assert_eq!(expected(Some("end")), (37.19, "green".into()));
    assert_eq!(expected(Some("middle")), (45.92, "amber".into()));
    assert_eq!(expected(Some("start")), (59.6, "red".into()));
}

#[test]
fn the_setting_is_read_from_json_and_checked() {
    let mut json: serde_json::Value = serde_json::from_str(&preset().to_json()).unwrap();
    json["forecast"] = serde_json::json!({"deadline": "start"});
    let rules = RuleSet::from_json(&json.to_string()).unwrap();
    assert_eq!(rules.forecast.deadline, DeadlinePoint::Start);
    json["forecast"] = serde_json::json!({"deadline": "soonish"});
    let e = RuleSet::from_json(&json.to_string()).unwrap_err();
    assert!(e.to_string().contains("soonish"), "{e}");
    json["forecast"] = serde_json::json!({"deadlines": "end"});
    assert!(RuleSet::from_json(&json.to_string()).is_err());
    // The default is not written out; a chosen point is, and reads back the same.
    assert!(!RuleSet::preset("date-rag")
        .unwrap()
        .to_json()
        .contains("forecast"));
    let mut middle = preset();
    middle.forecast = Forecast {
        deadline: DeadlinePoint::Middle,
        ..Default::default()
    };
    assert_eq!(RuleSet::from_json(&middle.to_json()).unwrap(), middle);
}

#[cfg(feature = "toml")]
#[test]
fn the_setting_is_read_from_toml() {
    let toml = r##"
id = "fc"
name = "Forecast"
[forecast]
deadline = "middle"
[scale]
id = "s"
name = "S"
labels = [ { id = "ok", name = "OK", colour = "#2e7d32" },
           { id = "behind", name = "Behind", colour = "#c62828" } ]
[[rules]]
id = "behind"
when = { progress_ratio = { below = 0.9 } }
then = "behind"
[[rules]]
id = "ok"
when = { progress_ratio = { min = 0.9 } }
then = "ok"
"##;
    let rules = RuleSet::from_toml(toml).unwrap();
    assert_eq!(rules.forecast.deadline, DeadlinePoint::Middle);
    let p = plan_of(vec![action("Summer 2025", Some(40.0))]);
    // 40 of 45.92 expected: 0.87, behind (it would be on track against the end).
    assert_eq!(
        rate(&p, &rules, "2025-04-01")[0].0.as_deref(),
        Some("behind")
    );
}

#[test]
fn conditions_test_the_facts_as_ranges() {
    let rules = RuleSet::from_json(
        r##"{"id": "x", "name": "x",
        "scale": {"id": "s", "name": "s", "labels": [
          {"id": "early", "name": "Early", "colour": "#2e7d32"},
          {"id": "late", "name": "Late", "colour": "#c62828"}]},
        "rules": [
          {"id": "early", "when": {"expected_percent": {"below": 50}}, "then": "early"},
          {"id": "late", "when": {"progress_ratio": {"max": 1}}, "then": "late"}]}"##,
    )
    .unwrap();
    let p = plan_of(vec![
        action("11/01/2025", Some(10.0)),
        action("11/01/2025", Some(90.0)),
    ]);
    let out = rate(&p, &rules, "2025-01-03");
    assert_eq!(out[0].0.as_deref(), Some("early"));
    assert!(
        out[0].2.contains("10% done, 20% expected by now"),
        "{}",
        out[0].2
    );
    let out = rate(&p, &rules, "2025-01-08");
    assert_eq!(out[0].0.as_deref(), Some("late"));
    assert_eq!(out[1].0, None); // 90 of 70: ahead, no rule holds
                                // A range with a bound that is not a number is an error with the rule's name.
    let e = RuleSet::from_json(
        r##"{"id": "x", "name": "x",
        "scale": {"id": "s", "name": "s", "labels": [{"id": "a", "name": "A", "colour": "#2e7d32"}]},
        "rules": [{"id": "r", "when": {"progress_ratio": {"min": "soon"}}, "then": "a"}]}"##,
    )
    .unwrap_err();
    assert!(e.to_string().contains("\"r\""), "{e}");
}

#[test]
fn facts_of_an_action_use_the_end_of_its_period() {
    let p = plan_of(vec![action("Summer 2025", Some(40.0))]);
    let f = Facts::of(&p, &p.recommendations[0].actions[0], d("2025-04-01"), None);
    assert_eq!(f.expected_percent, Some(37.19));
}

#[test]
fn a_start_date_column_is_read_from_the_plan() {
    let csv = "Ref,Action,Start date,Target date,Status,% complete\n\
               A1,Consult residents,01/03/2025,31/03/2025,In progress,50\n\
               A2,Publish the strategy,,30/04/2025,In progress,50\n";
    let mut opts = ImportOptions::new();
    opts.plan_date(d("2025-01-01"));
    let plan = opts.read_bytes(csv.as_bytes()).unwrap().plan;
    let a1 = &plan.recommendations[0].actions[0];
    assert_eq!(
        a1.timeframe.as_ref().and_then(|t| t.due_latest),
        Some(d("2025-03-31"))
    );
    assert_eq!(a1.extra.get("Start date").map(|c| &**c), Some("01/03/2025"));
    let out = assess(&plan, &preset(), d("2025-03-16")).unwrap();
    // A1: 1 to 31 March, on the 16th 50% expected; A2: from the plan's date, 1 January to
    // 30 April (119 days), on 16 March (74 days) 62.18%.
    assert_eq!(out.actions[0].facts.expected_percent, Some(50.0));
    assert_eq!(out.actions[0].rating.as_deref(), Some("green"));
    assert_eq!(out.actions[1].facts.expected_percent, Some(62.18));
    assert_eq!(out.actions[1].rating.as_deref(), Some("amber"));
}

#[test]
fn the_preset_is_listed() {
    assert!(RuleSet::presets().iter().any(|p| p.id == "forecast"));
    assert!(actionplan::rating::PRESETS.contains(&"forecast"));
}

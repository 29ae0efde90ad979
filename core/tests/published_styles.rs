//! Statistics as councils publish them: each style reproduced word for word on a small plan
//! built to match it, by the `format` block of a rule set or of the statistics options.

use actionplan::rating::{assess, RuleSet};
use actionplan::stats::{stats, stats_with, Denominator, Format, GroupBy, Labels, Order, Rounding};
use actionplan::{Action, Plan, Recommendation};

/// A plan of `n` actions for each (status, reported RAG).
fn plan(groups: &[(usize, &str, &str)]) -> Plan {
    let mut p = Plan::default();
    let mut r = Recommendation::new("1", "Recommendation");
    for (n, status, rag) in groups {
        for _ in 0..*n {
            let mut a = Action::new("An action");
            a.set_status(status);
            if !rag.is_empty() {
                a.rag = Some((*rag).into());
            }
            r.actions.push(a);
        }
    }
    p.recommendations.push(r);
    p.assign_refs();
    p
}

fn headline(p: &Plan, rules: &RuleSet, format: Option<&Format>) -> Vec<String> {
    let a = assess(p, rules, "2025-01-15".parse().unwrap()).unwrap();
    match format {
        Some(f) => stats_with(p, &a, GroupBy::None, f).headline,
        None => stats(p, &a, GroupBy::None).headline,
    }
}

fn brag() -> RuleSet {
    RuleSet::preset("brag").unwrap()
}

#[test]
fn are_complete_with_less_than_1_percent_and_the_in_progress_breakdown() {
    let p = plan(&[
        (130, "Complete", ""),
        (50, "In progress", "Green"),
        (25, "In progress", "Amber"),
        (5, "In progress", "Red"),
        (2, "Not started", ""),
    ]);
    let f = Format {
        verbs: true,
        less_than_one: true,
        ..Format::default()
    };
    let h = headline(&p, &brag(), Some(&f));
    assert_eq!(
        h[0],
        "As at 15 January 2025 there were 212 actions: 130 are complete (61%), 80 are in \
         progress (38%), 2 have not started (less than 1%)."
    );
    assert!(h[0].contains(
        "130 are complete (61%), 80 are in progress (38%), 2 have not started (less than 1%)."
    ));
    assert_eq!(
        h[1],
        "Of the 80 in progress: 50 are green (63%), 25 are amber (31%) and 5 are red (6%)."
    );
    // Without the breakdown the sentence is left out.
    let f = Format {
        in_progress_breakdown: false,
        ..f
    };
    let h = headline(&p, &brag(), Some(&f));
    assert!(
        h.iter().all(|s| !s.starts_with("Of the 80 in progress")),
        "{h:?}"
    );
}

#[test]
fn percent_then_count_rounded_each_on_its_own_from_the_rules_file() {
    // 12, 17 and 10 of 39 are 30.8%, 43.6% and 25.6%: each rounded on its own they are 31,
    // 44 and 26 (101 in all), as published; largest remainder would give 43.
    let rules = RuleSet::from_json(
        r##"{"id": "progress", "name": "Progress",
      "scale": {"id": "p", "name": "Progress", "labels": [
        {"id": "complete", "name": "Complete", "colour": "#1f4e9c"},
        {"id": "on_track", "name": "On track", "colour": "#2e7d32"},
        {"id": "off_track", "name": "Off track", "colour": "#c62828"}]},
      "rules": [
        {"id": "done", "when": {"closed": true}, "then": "complete"},
        {"id": "off", "when": {"reported": ["red"]}, "then": "off_track"}],
      "otherwise": "on_track",
      "format": {"order": "percent_count", "rounding": "each", "separator": "; "}}"##,
    )
    .unwrap();
    let p = plan(&[
        (12, "Complete", ""),
        (17, "In progress", "Green"),
        (10, "In progress", "Red"),
    ]);
    let h = headline(&p, &rules, None);
    let rated = h.iter().find(|s| s.starts_with("Rated by")).unwrap();
    assert_eq!(
        rated,
        "Rated by Progress: 31% (12) complete; 44% (17) on track; 26% (10) off track."
    );
    assert!(rated.contains("31% (12) complete; 44% (17) on track"));
    // The data's shares are rounded the same way.
    let a = assess(&p, &rules, "2025-01-15".parse().unwrap()).unwrap();
    let s = stats(&p, &a, GroupBy::None);
    assert_eq!(s.rounding, "each");
    let pc: Vec<u32> = s.plan.by_rating.iter().map(|x| x.percent).collect();
    assert_eq!(pc, [31, 44, 26]);
    // The statistics options' format wins over the rule set's.
    let s = stats_with(&p, &a, GroupBy::None, &Format::default());
    assert!(
        s.headline
            .iter()
            .any(|x| x
                == "By Progress, 31% of actions are complete, 43% on track and 26% off track."),
        "{:?}",
        s.headline
    );
}

#[test]
fn count_of_total() {
    let p = plan(&[(29, "Complete", ""), (6, "In progress", "Green")]);
    let f = Format {
        order: Some(Order::CountOfTotal),
        ..Format::default()
    };
    let h = headline(&p, &brag(), Some(&f));
    assert_eq!(
        h[0],
        "As at 15 January 2025 there were 35 actions: 29 of 35 (83%) complete, 6 of 35 (17%) in progress."
    );
}

#[test]
fn one_decimal_place() {
    let p = plan(&[(14, "In progress", "Green"), (3, "In progress", "Red")]);
    let f = Format {
        decimals: 1,
        ..Format::default()
    };
    let h = headline(&p, &brag(), Some(&f));
    assert!(
        h.iter()
            .any(|s| s
                == "By BRAG (reported judgement), 82.4% of actions are green (no issues) and 17.6% red (significant issues)."),
        "{h:?}"
    );
    assert_eq!(
        h[1],
        "Of the 17 in progress, 14 are green (82.4%) and 3 red (17.6%)."
    );
}

#[test]
fn labels_as_written_and_the_denominator() {
    let mut p = plan(&[
        (2, "Complete", ""),
        (1, "March 2022", ""),
        (3, "In progress", "Green"),
        (1, "In progress", "Red"),
    ]);
    // Not rated: a rule set that rates only what reports a RAG.
    let rules = RuleSet::from_json(
        r##"{"id": "r", "name": "Reported",
      "scale": {"id": "s", "name": "S", "labels": [
        {"id": "green", "name": "Green", "colour": "#2e7d32"},
        {"id": "red", "name": "Red", "colour": "#c62828"}]},
      "rules": [
        {"id": "g", "when": {"reported": ["green"]}, "then": "green"},
        {"id": "r", "when": {"reported": ["red"]}, "then": "red"},
        {"id": "done", "when": {"closed": true}, "then": "green"}]}"##,
    )
    .unwrap();
    let h = headline(&p, &rules, None);
    assert!(
        h[0].ends_with("2 complete (29%), 4 in progress (57%), 1 march 2022 (14%)."),
        "{}",
        h[0]
    );
    let f = Format {
        labels: Labels::AsWritten,
        ..Format::default()
    };
    let h = headline(&p, &rules, Some(&f));
    assert!(
        h[0].ends_with("2 Complete (29%), 4 In progress (57%), 1 March 2022 (14%)."),
        "{}",
        h[0]
    );
    assert_eq!(
        h[1],
        "Of the 4 in progress, 3 are Green (75%) and 1 Red (25%)."
    );
    let rated = |d: Denominator| {
        let f = Format {
            denominator: d,
            ..Format::default()
        };
        headline(&p, &rules, Some(&f))
            .into_iter()
            .find(|s| s.starts_with("Rated by") || s.starts_with("By "))
            .unwrap()
    };
    assert_eq!(
        rated(Denominator::All),
        "By Reported, 72% of actions are green, 14% red and 14% not rated."
    );
    assert_eq!(
        rated(Denominator::Rated),
        "Rated by Reported, of the 6 rated actions: 83% green and 17% red."
    );
    assert_eq!(
        rated(Denominator::InProgress),
        "Rated by Reported, of the 4 actions in progress: 75% green and 25% red."
    );
    assert_eq!(
        rated(Denominator::Open),
        "Rated by Reported, of the 5 open actions: 60% green, 20% red and 20% not rated."
    );
    // Each of the options is read from JSON by its name.
    let f = Format::from_json(
        r#"{"order": "percent", "decimals": 1, "rounding": "each", "less_than_one": true,
            "denominator": "in_progress", "in_progress_breakdown": false,
            "labels": "as_written", "verbs": true, "separator": " / "}"#,
    )
    .unwrap();
    assert_eq!(f.rounding, Rounding::Each);
    p.meta.title = Some("x".into());
    let h = headline(&p, &rules, Some(&f));
    assert!(
        h.iter()
            .any(|s| s
                == "Rated by Reported, of the 4 actions in progress: 75.0% Green / 25.0% Red."),
        "{h:?}"
    );
}

//! The five example plans import with the counts and fields hand-checked in
//! `tests/fixtures/expected-seeds.json` (shared with the Python and JS tests).

use actionplan::import::ImportOptions;
use serde_json::Value;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn expected() -> Value {
    let text = std::fs::read_to_string(root().join("tests/fixtures/expected-seeds.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn import(plan: &Value) -> actionplan::Plan {
    let file = plan["file"].as_str().unwrap();
    let bytes = std::fs::read(root().join(file)).unwrap();
    let mut opts = ImportOptions::new();
    opts.plan_date(plan["plan_date"].as_str().unwrap().parse().unwrap());
    opts.read_bytes(&bytes)
        .unwrap_or_else(|e| panic!("{file}: {e}"))
        .plan
}

#[test]
fn counts_match_the_hand_checked_truth() {
    for p in expected()["plans"].as_array().unwrap() {
        let plan = import(p);
        let file = p["file"].as_str().unwrap();
        let per: Vec<u64> = plan
            .recommendations
            .iter()
            .map(|r| r.actions.len() as u64)
            .collect();
        let want: Vec<u64> = p["actions_per_recommendation"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap())
            .collect();
        assert_eq!(per, want, "{file}: actions per recommendation");
        assert_eq!(
            plan.recommendations.len() as u64,
            p["recommendations"].as_u64().unwrap(),
            "{file}: recommendations"
        );
        assert_eq!(
            plan.action_count() as u64,
            p["actions"].as_u64().unwrap(),
            "{file}: actions"
        );
        let mut themes: Vec<actionplan::Text> = Vec::new();
        for r in &plan.recommendations {
            if let Some(th) = &r.theme {
                if !themes.contains(th) {
                    themes.push(th.clone());
                }
            }
        }
        let want_themes: Vec<String> = p["themes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect();
        assert_eq!(themes, want_themes, "{file}: themes");
        if let Some(title) = p["title"].as_str() {
            assert_eq!(plan.meta.title.as_deref(), Some(title), "{file}: title");
        }
        if let Some(as_of) = p
            .get("as_of")
            .filter(|_| std::env::var("SKIP_ASOF").is_err())
            .and_then(|v| v.as_str())
        {
            assert_eq!(
                plan.meta.as_of.map(|d| d.to_string()).as_deref(),
                Some(as_of),
                "{file}: as_of"
            );
        }
    }
}

#[test]
fn sample_fields_match() {
    for p in expected()["plans"].as_array().unwrap() {
        let plan = import(p);
        let file = p["file"].as_str().unwrap();
        for s in p["samples"].as_array().unwrap() {
            let ri = s["recommendation"].as_u64().unwrap() as usize - 1;
            let ai = s["action"].as_u64().unwrap() as usize - 1;
            let rec = &plan.recommendations[ri];
            let a = &rec.actions[ai];
            let here = format!("{file} rec {} action {}", ri + 1, ai + 1);
            let starts = s["description_starts"].as_str().unwrap();
            assert!(
                a.description.starts_with(starts),
                "{here}: {:?} !~ {starts:?}",
                a.description
            );
            let owners: Vec<&str> = s["owners_filled_down"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap())
                .collect();
            assert_eq!(a.owners, owners, "{here}: owners");
            assert_eq!(
                a.lead_member.as_deref(),
                s["lead_member"].as_str(),
                "{here}: lead member"
            );
            assert_eq!(
                a.timeframe.as_ref().map(|t| t.text.as_str()),
                s["timeframe"].as_str(),
                "{here}: timeframe"
            );
            if let Some(r) = s["ref"].as_str() {
                assert_eq!(a.action_ref, r, "{here}: ref");
            }
            assert_eq!(
                a.status.as_ref().map(|s| s.as_str().to_string()),
                s["status"].as_str().map(status_name),
                "{here}: status"
            );
            assert_eq!(a.rag.as_deref(), s["rag"].as_str(), "{here}: rag");
            assert_eq!(rec.theme.as_deref(), s["theme"].as_str(), "{here}: theme");
        }
    }
}

/// The truth file writes statuses as the plan does ("Complete"); compare by reading.
fn status_name(s: &str) -> String {
    actionplan::Status::parse(s)
        .map(|s| s.as_str().to_string())
        .unwrap_or_else(|| s.to_string())
}

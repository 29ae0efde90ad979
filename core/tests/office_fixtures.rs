//! The Office fixtures (tests/fixtures/office, made by scripts/make-office-fixtures.py) read as
//! the same plans as the example CSV/TSV files they reproduce, and with the hand-checked counts
//! of tests/fixtures/expected-seeds.json.
#![cfg(all(feature = "excel", feature = "word"))]

use actionplan::import::ImportOptions;
use actionplan::Plan;
use serde_json::Value;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn expected(file: &str) -> Value {
    let text = std::fs::read_to_string(root().join("tests/fixtures/expected-seeds.json")).unwrap();
    let all: Value = serde_json::from_str(&text).unwrap();
    all["plans"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["file"] == file)
        .unwrap_or_else(|| panic!("{file} not in expected-seeds.json"))
        .clone()
}

fn import(path: &str, plan_date: &str) -> actionplan::import::Imported {
    let bytes = std::fs::read(root().join(path)).unwrap();
    ImportOptions::new()
        .plan_date(plan_date.parse().unwrap())
        .read_bytes(&bytes)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The canonical JSON minus what depends on the source file: the format, row numbers and the
/// reader's diagnostics.
fn comparable(plan: &Plan) -> Value {
    fn strip(v: &mut Value) {
        match v {
            Value::Object(m) => {
                m.remove("row");
                m.remove("import_diagnostics");
                m.remove("source_format");
                for (_, x) in m.iter_mut() {
                    strip(x);
                }
            }
            Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(plan).unwrap();
    strip(&mut v);
    v
}

fn first_difference(a: &Value, b: &Value, path: &str) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for k in x.keys().chain(y.keys()) {
                let p = format!("{path}.{k}");
                match (x.get(k), y.get(k)) {
                    (Some(u), Some(w)) => {
                        if let Some(d) = first_difference(u, w, &p) {
                            return Some(d);
                        }
                    }
                    (u, w) => return Some(format!("{p}: {u:?} vs {w:?}")),
                }
            }
            None
        }
        (Value::Array(x), Value::Array(y)) => {
            for (i, (u, w)) in x.iter().zip(y).enumerate() {
                if let Some(d) = first_difference(u, w, &format!("{path}[{i}]")) {
                    return Some(d);
                }
            }
            (x.len() != y.len()).then(|| format!("{path}: {} vs {} items", x.len(), y.len()))
        }
        _ => (a != b).then(|| format!("{path}: {a} vs {b}")),
    }
}

fn same_plan(office: &str, example: &str) -> (Plan, Vec<actionplan::Diagnostic>) {
    let truth = expected(example);
    let date = truth["plan_date"].as_str().unwrap();
    let a = import(office, date);
    let b = import(example, date);
    let (ja, jb) = (comparable(&a.plan), comparable(&b.plan));
    if let Some(d) = first_difference(&ja, &jb, "plan") {
        panic!("{office} differs from {example} at {d}");
    }
    check_counts(&a.plan, &truth, office);
    (a.plan, a.diagnostics)
}

fn check_counts(plan: &Plan, truth: &Value, file: &str) {
    let per: Vec<u64> = plan
        .recommendations
        .iter()
        .map(|r| r.actions.len() as u64)
        .collect();
    let want: Vec<u64> = truth["actions_per_recommendation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap())
        .collect();
    assert_eq!(per, want, "{file}: actions per recommendation");
    assert_eq!(
        plan.action_count() as u64,
        truth["actions"].as_u64().unwrap(),
        "{file}"
    );
    let mut themes: Vec<&str> = Vec::new();
    for r in &plan.recommendations {
        if let Some(t) = r.theme.as_deref() {
            if !themes.contains(&t) {
                themes.push(t);
            }
        }
    }
    let want_themes: Vec<&str> = truth["themes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(themes, want_themes, "{file}: themes");
    assert_eq!(
        plan.meta.title.as_deref(),
        truth["title"].as_str(),
        "{file}: title"
    );
    for s in truth["samples"].as_array().unwrap() {
        let r = &plan.recommendations[s["recommendation"].as_u64().unwrap() as usize - 1];
        let a = &r.actions[s["action"].as_u64().unwrap() as usize - 1];
        let owners: Vec<&str> = s["owners_filled_down"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(a.owners, owners, "{file}: owners of {s}");
        assert_eq!(
            a.timeframe.as_ref().map(|t| t.text.as_str()),
            s["timeframe"].as_str(),
            "{file}: timeframe of {s}"
        );
        if let Some(d) = s["description_starts"].as_str() {
            assert!(a.description.starts_with(d), "{file}: {s}");
        }
    }
}

#[test]
fn hertsmere_docx_is_the_hertsmere_plan() {
    let (plan, diags) = same_plan(
        "tests/fixtures/office/hertsmere-2024.docx",
        "examples/data/hertsmere-2024.csv",
    );
    assert_eq!(plan.meta.source_format.as_deref(), Some("docx"));
    assert!(diags.iter().any(|d| d.code == "docx_skipped"), "{diags:?}");
}

#[test]
fn three_rivers_docx_tables_become_themes() {
    let (plan, diags) = same_plan(
        "tests/fixtures/office/three-rivers-2013.docx",
        "examples/data/three-rivers-2013.csv",
    );
    assert_eq!(plan.recommendations.len(), 22);
    let d = diags.iter().find(|d| d.code == "docx_tables").unwrap();
    assert!(d.message.contains("3 table(s)"), "{}", d.message);
}

#[test]
fn huntingdonshire_xlsx_is_the_huntingdonshire_plan() {
    let (plan, diags) = same_plan(
        "tests/fixtures/office/huntingdonshire-2024.xlsx",
        "examples/data/huntingdonshire-2024.tsv",
    );
    assert_eq!(plan.meta.source_format.as_deref(), Some("xlsx"));
    // The cover sheet holds no table: the plan is on the second sheet.
    let sheet = diags.iter().find(|d| d.code == "sheet").unwrap();
    assert!(
        sheet.message.contains("\"Action plan\""),
        "{}",
        sheet.message
    );
    assert!(sheet.message.contains("\"Cover\""), "{}", sheet.message);
    // "Mar-25" is a real date formatted mmm-yy: read as March 2025, due at its end.
    let a = &plan.recommendations[0].actions[0];
    assert_eq!(a.timeframe.as_ref().unwrap().text, "Mar-25");
    assert_eq!(a.due(), Some("2025-03-31".parse().unwrap()));
    assert!(diags.iter().any(|d| d.code == "merged_cells"));
}

#[test]
fn harlow_xlsx_is_the_harlow_plan() {
    let (plan, _) = same_plan(
        "tests/fixtures/office/harlow-2023.xlsx",
        "examples/data/harlow-2023.tsv",
    );
    // Recommendation 8: the second action has its own lead, and the merged cell below it
    // gives "WLT" to actions 3 to 5.
    let r8 = &plan.recommendations[7];
    assert_eq!(r8.actions[2].owners, ["WLT"]);
}

#[test]
fn a_sheet_can_be_chosen_by_name_or_index() {
    let bytes =
        std::fs::read(root().join("tests/fixtures/office/huntingdonshire-2024.xlsx")).unwrap();
    let by_name = ImportOptions::new()
        .sheet("action PLAN")
        .read_bytes(&bytes)
        .unwrap();
    assert_eq!(by_name.plan.action_count(), 37);
    let by_index = ImportOptions::new().sheet(1).read_bytes(&bytes).unwrap();
    assert_eq!(by_index.plan.action_count(), 37);
    let err = ImportOptions::new()
        .sheet(0)
        .read_bytes(&bytes)
        .unwrap_err();
    assert_eq!(err.code(), "no_header", "{err}");
    let err = ImportOptions::new()
        .sheet(7)
        .read_bytes(&bytes)
        .unwrap_err();
    assert_eq!(err.code(), "invalid_option");
    assert!(err.to_string().contains("\"Cover\""), "{err}");
    let err = ImportOptions::new()
        .sheet("Nope")
        .read_bytes(&bytes)
        .unwrap_err();
    assert!(err.to_string().contains("Nope"), "{err}");
    assert_eq!(
        actionplan::office::sheet_names(&bytes).unwrap(),
        ["Cover", "Action plan", "Lists"]
    );
}

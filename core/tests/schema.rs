//! The checked-in JSON Schema matches the model (run with `--features schema`; regenerate with
//! `UPDATE_SCHEMA=1 cargo test -p actionplan --features schema --test schema`).
#![cfg(feature = "schema")]

#[test]
fn checked_in_schema_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../schema/plan.schema.json");
    let now = actionplan::json::schema();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(path, &now).unwrap();
    }
    let saved = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        saved == now,
        "schema/plan.schema.json is out of date: rerun with UPDATE_SCHEMA=1"
    );
}

#[test]
fn example_plans_validate_against_the_schema_shape() {
    // Every top-level property the schema names exists on the model, and vice versa.
    let schema: serde_json::Value = serde_json::from_str(&actionplan::json::schema()).unwrap();
    let props = schema["properties"].as_object().unwrap();
    for key in ["meta", "columns", "recommendations", "import_diagnostics"] {
        assert!(props.contains_key(key), "{key}");
    }
}

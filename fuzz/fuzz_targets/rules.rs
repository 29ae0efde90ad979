//! Fuzz rule files, JSON and TOML: read, check, and (when they are valid) rate a small plan.
//! Nothing may panic or hang.
#![no_main]

use actionplan::import::ImportOptions;
use actionplan::rating::{assess, RuleSet};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for rules in [RuleSet::from_json(text), RuleSet::from_toml(text)]
        .into_iter()
        .flatten()
    {
        let plan = ImportOptions::new()
            .read_bytes(
                b"Action,Owner,Due date,Status\nA,Jo,March 2025,In progress\nB,Sam,,Complete\n",
            )
            .map(|i| i.plan);
        if let Ok(plan) = plan {
            let as_of = chrono::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
            if let Ok(rated) = assess(&plan, &rules, as_of) {
                let _ = actionplan::stats::stats(
                    &plan,
                    &rated,
                    actionplan::stats::GroupBy::Recommendation,
                );
            }
        }
        // A valid rule set writes out and reads back.
        assert!(RuleSet::from_json(&rules.to_json()).is_ok());
    }
});

//! Fuzz JSON plans: the canonical form and arrays of records, through the importer's routing
//! (`read_bytes` with the JSON format) and `Plan::from_json`. Nothing may panic or hang.
#![no_main]

use actionplan::import::{Format, ImportOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut opts = ImportOptions::new();
    opts.format(Format::Json);
    actionplan_fuzz::exercise(opts.read_bytes(data));
    actionplan_fuzz::exercise(ImportOptions::new().read_bytes(data));
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(plan) = actionplan::Plan::from_json(text) {
            // The canonical form round-trips.
            assert_eq!(
                actionplan::Plan::from_json(&plan.to_json()).ok(),
                Some(plan)
            );
        }
    }
});

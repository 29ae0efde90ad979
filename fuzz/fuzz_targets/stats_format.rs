//! Fuzz the statistics' format block: read and check it, and (when it is valid) write the
//! headline of a small plan with it. Nothing may panic or hang.
#![no_main]

use actionplan::import::ImportOptions;
use actionplan::rating::{assess, RuleSet};
use actionplan::stats::{stats_with, Format, GroupBy};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(format) = Format::from_json(text) else {
        return;
    };
    let plan = ImportOptions::new().read_bytes(
        b"Action,Owner,Due date,Status,RAG\nA,Jo,March 2025,In progress,Green\nB,Sam,,Complete,\nC,Al,,March 2022,Red\n",
    );
    let (Ok(imported), Ok(rules)) = (plan, RuleSet::preset("brag")) else {
        return;
    };
    let as_of = chrono::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
    if let Ok(rated) = assess(&imported.plan, &rules, as_of) {
        for by in [GroupBy::None, GroupBy::Owner] {
            let _ = stats_with(&imported.plan, &rated, by, &format);
        }
    }
});

//! Fuzz import options given as data (`ImportOptions::from_json`, as every door reads them):
//! any JSON reads as options or an `invalid_option` error; options that read write out and read
//! back the same, and read a small table. Nothing may panic or hang.
#![no_main]

use actionplan::import::ImportOptions;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(value) = actionplan::serde_json::from_slice::<actionplan::serde_json::Value>(data) else {
        return;
    };
    match ImportOptions::from_json(&value) {
        Ok(opts) => {
            let written = opts.to_json();
            let again = ImportOptions::from_json(&written).expect("written options read back");
            assert_eq!(again.to_json(), written);
            let _ = opts.read_bytes(b"Action,Owner,Due date\nA,Jo,March 2025\nB,Sam,\n");
        }
        Err(e) => assert_eq!(e.code(), "invalid_option"),
    }
});

//! Fuzz the table importer: any bytes, through detection, decoding, header matching,
//! fill-down, validation and export. Nothing may panic or hang.
#![no_main]

use actionplan::import::ImportOptions;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut opts = ImportOptions::new();
    opts.plan_date(chrono::NaiveDate::from_ymd_opt(2025, 3, 18).unwrap());
    if let Ok(imported) = opts.read_bytes(data) {
        let _ = actionplan::validate::validate(&imported.plan, &Default::default());
        let csv = actionplan::export::to_csv(&imported.plan);
        // Our own export must always read back.
        let again = ImportOptions::new().read_bytes(csv.as_bytes());
        assert!(again.is_ok(), "export did not read back: {:?}", again.err());
        let json = imported.plan.to_json();
        assert!(actionplan::Plan::from_json(&json).is_ok());
    }
    // The streaming reader must agree with the in-memory one.
    let streamed = ImportOptions::new().read(std::io::Cursor::new(data));
    let whole = ImportOptions::new().read_bytes(data);
    assert_eq!(streamed.is_ok(), whole.is_ok());
});

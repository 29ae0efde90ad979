//! Fuzz the PDF reader: any bytes (given a `%PDF-` header when they lack one) through lopdf,
//! the content-stream interpreter, the table rebuilder and the importer. Nothing may panic or
//! hang; the limits are small so that a bomb fails fast.
#![no_main]

use actionplan::import::ImportOptions;
use actionplan::pdf::Limits;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = {
        let mut v = Limits::default();
        v.max_stream_bytes = 4 << 20;
        v.max_total_bytes = 16 << 20;
        v.max_pages = 50;
        v.max_objects = 20_000;
        v.max_pieces = 100_000;
        v
    };
    let mut bytes;
    let data = if actionplan::pdf::is_pdf(data) {
        data
    } else {
        bytes = b"%PDF-1.7\n".to_vec();
        bytes.extend_from_slice(data);
        &bytes
    };
    if let Ok(imported) = ImportOptions::new().read_pdf_unguarded(data, &limits) {
        let _ = actionplan::validate::validate(&imported.plan, &Default::default());
        let json = imported.plan.to_json();
        assert!(actionplan::Plan::from_json(&json).is_ok());
    }
});

//! Helpers shared by the fuzz targets: wrap fuzzed bytes in the container a format needs, so
//! that the fuzzer reaches the parsers inside (a flipped byte in a deflated zip part only ever
//! meets a CRC error).

use std::io::{Cursor, Write};

/// A zip holding `parts` (stored, not deflated: the fuzzer's bytes reach the parser as they are).
pub fn zip(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, data) in parts {
        if w.start_file(*name, opts).is_err() || w.write_all(data).is_err() {
            return Vec::new();
        }
    }
    w.finish().map(|c| c.into_inner()).unwrap_or_default()
}

/// Split fuzzed bytes into `n` parts at 0xFF bytes (never found in UTF-8 XML).
pub fn split(data: &[u8], n: usize) -> Vec<&[u8]> {
    let mut out: Vec<&[u8]> = data.splitn(n, |b| *b == 0xFF).collect();
    out.resize(n, &[]);
    out
}

/// Read as the importer does, then exercise what a caller does with a plan.
pub fn exercise(result: actionplan::Result<actionplan::import::Imported>) {
    if let Ok(imported) = result {
        let _ = actionplan::validate::validate(&imported.plan, &Default::default());
        let json = imported.plan.to_json();
        assert!(
            actionplan::Plan::from_json(&json).is_ok(),
            "own JSON did not read back"
        );
    } else if let Err(e) = result {
        // Every error has a message.
        assert!(!e.to_string().is_empty());
    }
}

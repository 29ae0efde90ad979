//! Fuzz .ods workbooks: raw bytes, or (first byte odd) the rest as `content.xml` of a
//! well-formed OpenDocument zip. Nothing may panic, abort or hang.
#![no_main]

use actionplan::import::{Format, ImportOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let bytes = if mode & 1 == 0 {
        rest.to_vec()
    } else {
        actionplan_fuzz::zip(&[
            (
                "mimetype",
                b"application/vnd.oasis.opendocument.spreadsheet",
            ),
            ("content.xml", rest),
        ])
    };
    let mut opts = ImportOptions::new();
    opts.format(Format::Xlsx);
    if mode & 2 == 2 {
        opts.sheets_as_themes(true);
    }
    actionplan_fuzz::exercise(opts.read_bytes(&bytes));
    let _ = actionplan::office::sheet_names(&bytes);
});

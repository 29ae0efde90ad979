//! Fuzz .docx documents: raw bytes, or (first byte odd) the rest as `word/document.xml` of a
//! well-formed zip. Nothing may panic, abort or hang.
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
            ("[Content_Types].xml", b"<Types/>"),
            ("word/document.xml", rest),
        ])
    };
    let mut opts = ImportOptions::new();
    opts.format(Format::Docx);
    actionplan_fuzz::exercise(opts.read_bytes(&bytes));
    actionplan_fuzz::exercise(ImportOptions::new().read_bytes(&bytes));
});

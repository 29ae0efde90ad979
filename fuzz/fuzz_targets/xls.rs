//! Fuzz .xls workbooks: raw bytes (an OLE compound file, damaged or not), or (first byte odd)
//! the rest as the `Workbook` stream of a well-formed compound file, so the fuzzer reaches the
//! BIFF record readers. Nothing may panic, abort or hang.
#![no_main]

use actionplan::import::{Format, ImportOptions};
use libfuzzer_sys::fuzz_target;
use std::io::{Cursor, Write};

fn compound(stream: &[u8]) -> Vec<u8> {
    let Ok(mut c) = cfb::CompoundFile::create(Cursor::new(Vec::new())) else {
        return Vec::new();
    };
    match c.create_stream("/Workbook") {
        Ok(mut s) => {
            if s.write_all(stream).is_err() {
                return Vec::new();
            }
        }
        Err(_) => return Vec::new(),
    }
    if c.flush().is_err() {
        return Vec::new();
    }
    c.into_inner().into_inner()
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let bytes = if mode & 1 == 0 {
        rest.to_vec()
    } else {
        compound(rest)
    };
    let mut opts = ImportOptions::new();
    opts.format(Format::Xlsx);
    if mode & 2 == 2 {
        opts.sheets_as_themes(true);
    }
    actionplan_fuzz::exercise(opts.read_bytes(&bytes));
    let _ = actionplan::office::sheet_names(&bytes);
});

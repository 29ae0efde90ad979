//! Fuzz .xlsx workbooks. The first byte chooses: raw bytes (a whole file, damaged or not), or
//! the rest split at 0xFF into the sheet, shared strings, styles and workbook parts of a
//! well-formed zip, so the fuzzer reaches the XML readers. Nothing may panic, abort or hang.
#![no_main]

use actionplan::import::{Format, ImportOptions};
use libfuzzer_sys::fuzz_target;

const WORKBOOK: &[u8] = br#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Plan" sheetId="1" r:id="rId1"/><sheet name="Two" sheetId="2" r:id="rId1"/></sheets></workbook>"#;
const RELS: &[u8] = br#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let bytes = if mode & 1 == 0 {
        rest.to_vec()
    } else {
        let p = actionplan_fuzz::split(rest, 4);
        let workbook = if p[3].is_empty() { WORKBOOK } else { p[3] };
        actionplan_fuzz::zip(&[
            ("[Content_Types].xml", b"<Types/>"),
            ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", RELS),
            ("xl/worksheets/sheet1.xml", p[0]),
            ("xl/sharedStrings.xml", p[1]),
            ("xl/styles.xml", p[2]),
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

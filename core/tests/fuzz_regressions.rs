//! Every input a fuzzer ever crashed on, kept as `fuzz/corpus/<target>/regression-*`, replayed
//! through the library the way its fuzz target reads it (see `fuzz/fuzz_targets/` and
//! `fuzz/src/lib.rs`), with the seeds (`seed-*`) too. Nothing may panic, abort or hang: CI runs
//! this with the other tests, so a fixed crash stays fixed without a nightly toolchain.

use actionplan::import::{Format, ImportOptions};
use actionplan::rating::{assess, RuleSet};
use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

thread_local! {
    static PANICKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Run `f` and fail if anything panicked in it, even a panic the library caught (it turns a
/// panic inside a third-party parser into an error, so only a hook can see it; the fuzz
/// targets count it as a crash too).
fn no_panic(path: &Path, f: impl FnOnce()) {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            PANICKED.with(|p| p.set(true));
            default(info);
        }));
    });
    PANICKED.with(|p| p.set(false));
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    assert!(
        r.is_ok() && !PANICKED.with(|p| p.get()),
        "{} panicked",
        path.display()
    );
}

fn corpus(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz/corpus")
        .join(target);
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return out;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with("regression-") || name.starts_with("seed-") {
            out.push((e.path(), std::fs::read(e.path()).unwrap()));
        }
    }
    out.sort();
    out
}

fn zip(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, data) in parts {
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn split(data: &[u8], n: usize) -> Vec<&[u8]> {
    let mut out: Vec<&[u8]> = data.splitn(n, |b| *b == 0xFF).collect();
    out.resize(n, &[]);
    out
}

fn compound(stream: &[u8]) -> Vec<u8> {
    let mut c = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
    c.create_stream("/Workbook")
        .unwrap()
        .write_all(stream)
        .unwrap();
    c.flush().unwrap();
    c.into_inner().into_inner()
}

fn exercise(r: actionplan::Result<actionplan::import::Imported>) {
    match r {
        Ok(imported) => {
            let _ = actionplan::validate::validate(&imported.plan, &Default::default());
            let json = imported.plan.to_json();
            assert!(actionplan::Plan::from_json(&json).is_ok());
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
}

/// Read an Office input the way the `xlsx`, `ods`, `xls` and `docx` targets do.
fn office(target: &str, data: &[u8]) {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let bytes = if mode & 1 == 0 {
        rest.to_vec()
    } else {
        match target {
            "xlsx" => {
                let p = split(rest, 4);
                let workbook: &[u8] = if p[3].is_empty() {
                    br#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Plan" sheetId="1" r:id="rId1"/><sheet name="Two" sheetId="2" r:id="rId1"/></sheets></workbook>"#
                } else {
                    p[3]
                };
                zip(&[
                    ("[Content_Types].xml", b"<Types/>"),
                    ("xl/workbook.xml", workbook),
                    ("xl/_rels/workbook.xml.rels", br#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#),
                    ("xl/worksheets/sheet1.xml", p[0]),
                    ("xl/sharedStrings.xml", p[1]),
                    ("xl/styles.xml", p[2]),
                ])
            }
            "ods" => zip(&[
                (
                    "mimetype",
                    b"application/vnd.oasis.opendocument.spreadsheet",
                ),
                ("content.xml", rest),
            ]),
            "docx" => zip(&[
                ("[Content_Types].xml", b"<Types/>"),
                ("word/document.xml", rest),
            ]),
            _ => compound(rest),
        }
    };
    let mut opts = ImportOptions::new();
    opts.format(if target == "docx" {
        Format::Docx
    } else {
        Format::Xlsx
    });
    if mode & 2 == 2 && target != "docx" {
        opts.sheets_as_themes(true);
    }
    exercise(opts.read_bytes(&bytes));
    if target != "docx" {
        let _ = actionplan::office::sheet_names(&bytes);
    } else {
        exercise(ImportOptions::new().read_bytes(&bytes));
    }
}

#[test]
fn office_regressions_and_seeds_read_without_panic() {
    for target in ["xls", "xlsx", "ods", "docx"] {
        for (path, data) in corpus(target) {
            no_panic(&path, || office(target, &data));
        }
    }
}

#[test]
fn import_and_json_regressions_read_without_panic() {
    for target in ["import", "json_plan"] {
        for (path, data) in corpus(target) {
            no_panic(&path, || {
                exercise(ImportOptions::new().read_bytes(&data));
                let mut o = ImportOptions::new();
                o.format(Format::Json);
                exercise(o.read_bytes(&data));
            });
        }
    }
}

#[cfg(feature = "toml")]
fn from_toml(text: &str) -> Option<RuleSet> {
    RuleSet::from_toml(text).ok()
}

#[cfg(not(feature = "toml"))]
fn from_toml(_: &str) -> Option<RuleSet> {
    None
}

#[test]
fn rule_file_regressions_read_without_panic() {
    let plan = ImportOptions::new()
        .read_bytes(b"Action,Owner,Due date,Status\nA,Jo,March 2025,In progress\nB,Sam,,Complete\n")
        .unwrap()
        .plan;
    for (path, data) in corpus("rules") {
        let Ok(text) = std::str::from_utf8(&data) else {
            continue;
        };
        no_panic(&path, || {
            for rules in [RuleSet::from_json(text).ok(), from_toml(text)]
                .into_iter()
                .flatten()
            {
                let _ = assess(&plan, &rules, "2025-06-30".parse().unwrap());
                assert!(RuleSet::from_json(&rules.to_json()).is_ok());
            }
        });
    }
}

/// Random byte flips of valid .xls files (issue 14: 15 aborts and 12 panics in 29,500 tries
/// before the bounds): a fixed seed, so a failure repeats.
#[test]
fn flipped_bytes_of_a_valid_xls_never_panic() {
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for (path, data) in corpus("xls") {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.starts_with("seed-") || !name.ends_with(".xls") {
            continue;
        }
        let original = &data[1..]; // (the first byte is the fuzz target's mode)
        for i in 0..400 {
            let mut bytes = original.to_vec();
            let flips = 1 + (next() % 8) as usize;
            for _ in 0..flips {
                let at = (next() % bytes.len() as u64) as usize;
                bytes[at] ^= 1 << (next() % 8);
            }
            let label = path.with_file_name(format!("{name} (flip round {i})"));
            no_panic(&label, || {
                let mut o = ImportOptions::new();
                o.format(Format::Xlsx);
                exercise(o.read_bytes(&bytes));
            });
        }
    }
}

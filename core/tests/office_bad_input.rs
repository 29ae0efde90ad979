//! Bad Office files give a clear error, within bounded memory and time, never a panic. Every
//! bad file is made here, in memory.
#![cfg(all(feature = "excel", feature = "word"))]

use actionplan::import::ImportOptions;
use actionplan::office::Limits;
use actionplan::ErrorKind;
use std::io::{Cursor, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn fixture(name: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/office");
    std::fs::read(p.join(name)).unwrap()
}

fn read(bytes: &[u8]) -> actionplan::Error {
    ImportOptions::new()
        .read_bytes(bytes)
        .map(|i| i.plan.action_count())
        .unwrap_err()
}

/// A zip written by hand: (name, raw deflate data, crc, declared uncompressed size).
fn raw_zip(entries: &[(&str, Vec<u8>, u32, u32)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data, crc, size) in entries {
        let offset = out.len() as u32;
        let method: u16 = 8;
        let mut local = Vec::new();
        local.extend_from_slice(&0x04034b50u32.to_le_bytes());
        local.extend_from_slice(&20u16.to_le_bytes());
        local.extend_from_slice(&0u16.to_le_bytes());
        local.extend_from_slice(&method.to_le_bytes());
        local.extend_from_slice(&0u16.to_le_bytes());
        local.extend_from_slice(&0x21u16.to_le_bytes());
        local.extend_from_slice(&crc.to_le_bytes());
        local.extend_from_slice(&(data.len() as u32).to_le_bytes());
        local.extend_from_slice(&size.to_le_bytes());
        local.extend_from_slice(&(name.len() as u16).to_le_bytes());
        local.extend_from_slice(&0u16.to_le_bytes());
        local.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&local);
        out.extend_from_slice(data);
        central.extend_from_slice(&0x02014b50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes());
        central.extend_from_slice(&0u16.to_le_bytes());
        central.extend_from_slice(&method.to_le_bytes());
        central.extend_from_slice(&0u16.to_le_bytes());
        central.extend_from_slice(&0x21u16.to_le_bytes());
        central.extend_from_slice(&crc.to_le_bytes());
        central.extend_from_slice(&(data.len() as u32).to_le_bytes());
        central.extend_from_slice(&size.to_le_bytes());
        central.extend_from_slice(&(name.len() as u16).to_le_bytes());
        central.extend_from_slice(&[0u8; 12]);
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let cd_offset = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x06054b50u32.to_le_bytes());
    out.extend_from_slice(&[0u8; 4]);
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

fn deflate(data: &[u8]) -> (Vec<u8>, u32) {
    let mut e = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    let mut h = flate2::Crc::new();
    h.update(data);
    (e.finish().unwrap(), h.sum())
}

/// A raw deflate stream of `mib` MiB of zeros, built from one compressed MiB repeated (each
/// piece ends on a byte boundary after a sync flush), so it costs about 1 KiB per MiB.
fn zeros_bomb(mib: usize) -> Vec<u8> {
    let mut c = flate2::Compress::new(flate2::Compression::best(), false);
    let chunk = vec![0u8; 1 << 20];
    let mut piece = Vec::with_capacity(1 << 16);
    c.compress_vec(&chunk, &mut piece, flate2::FlushCompress::Sync)
        .unwrap();
    assert_eq!(c.total_in(), 1 << 20, "one pass");
    let mut out = Vec::with_capacity(piece.len() * mib + 16);
    for _ in 0..mib {
        out.extend_from_slice(&piece);
    }
    let mut tail = Vec::with_capacity(64);
    c.compress_vec(&[], &mut tail, flate2::FlushCompress::Finish)
        .unwrap();
    out.extend_from_slice(&tail);
    out
}

fn xlsx_shell(sheet: (Vec<u8>, u32, u32)) -> Vec<u8> {
    let (ct, ct_crc) = deflate(b"<?xml version=\"1.0\"?><Types/>");
    let (wb, wb_crc) = deflate(b"<workbook/>");
    raw_zip(&[
        ("[Content_Types].xml", ct, ct_crc, 29),
        ("xl/workbook.xml", wb, wb_crc, 11),
        ("xl/worksheets/sheet1.xml", sheet.0, sheet.1, sheet.2),
    ])
}

#[test]
fn a_corrupt_zip_is_a_clear_error() {
    // Cut short: no zip directory, so not a container at all; the error says what it looks
    // like. Told it is a workbook, the reader says the workbook is damaged.
    let mut bytes = fixture("harlow-2023.xlsx");
    bytes.truncate(bytes.len() / 2);
    let err = read(&bytes);
    assert_eq!(err.code(), "not_text", "{err}");
    assert!(err.to_string().contains("damaged"), "{err}");
    let err = ImportOptions::new()
        .format(actionplan::import::Format::Xlsx)
        .read_bytes(&bytes)
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Document { .. }), "{err:?}");
    assert!(err.to_string().contains("damaged"), "{err}");
    let err = read(b"PK\x03\x04 and then nothing of a zip");
    assert_eq!(err.code(), "not_text", "{err}");
    // A zip directory that reads, over a damaged part: a document error.
    let bytes = raw_zip(&[
        ("[Content_Types].xml", vec![1, 2, 3, 4, 5], 0, 100),
        ("word/document.xml", vec![0xff; 40], 0, 100),
    ]);
    let err = read(&bytes);
    assert_eq!(err.code(), "document", "{err}");
}

#[test]
fn a_password_protected_workbook_says_so() {
    let mut comp = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
    comp.create_stream("EncryptionInfo")
        .unwrap()
        .write_all(&[4, 0, 4, 0, 0x40, 0, 0, 0])
        .unwrap();
    comp.create_stream("EncryptedPackage")
        .unwrap()
        .write_all(&[7u8; 4096])
        .unwrap();
    comp.flush().unwrap();
    let bytes = comp.into_inner().into_inner();
    let err = read(&bytes);
    let ErrorKind::Document { message, .. } = err.kind() else {
        panic!("{err:?}")
    };
    assert!(message.contains("password"), "{message}");
}

#[test]
fn an_old_word_document_and_a_broken_xls_are_document_errors() {
    for stream in ["WordDocument", "Workbook"] {
        let mut comp = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
        comp.create_stream(stream)
            .unwrap()
            .write_all(&[9u8; 5000])
            .unwrap();
        comp.flush().unwrap();
        let bytes = comp.into_inner().into_inner();
        let err = read(&bytes);
        assert_eq!(err.code(), "document", "{stream}: {err}");
    }
}

fn workbook(sheets: &[(&str, &[&[&str]])]) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    for (name, rows) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                if !v.is_empty() {
                    ws.write_string(r as u32, c as u16, *v).unwrap();
                }
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

#[test]
fn a_workbook_with_no_table_is_an_error() {
    let notes: &[&[&str]] = &[&["Notes"], &["Nothing has been agreed yet."]];
    let err = read(&workbook(&[("Notes", notes)]));
    assert_eq!(err.code(), "no_header", "{err}");

    let err = read(&workbook(&[("Sheet1", &[])]));
    assert_eq!(err.code(), "empty", "{err}");

    let err = read(&workbook(&[("Notes", notes), ("More", notes)]));
    assert_eq!(err.code(), "document", "{err}");
    let msg = err.to_string();
    assert!(
        msg.contains("\"Notes\"") && msg.contains("\"More\""),
        "{msg}"
    );

    // A document with no table.
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default();
    z.start_file("[Content_Types].xml", o).unwrap();
    z.write_all(b"<Types/>").unwrap();
    z.start_file("word/document.xml", o).unwrap();
    z.write_all(b"<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>Just text</w:t></w:r></w:p></w:body></w:document>").unwrap();
    let bytes = z.finish().unwrap().into_inner();
    let err = read(&bytes);
    assert!(err.to_string().contains("no tables"), "{err}");
}

#[test]
fn a_zip_bomb_is_refused_quickly() {
    let start = Instant::now();
    // 1 GiB of zeros in about a megabyte, declaring its true size: refused before inflating.
    let bomb = zeros_bomb(1024);
    assert!(bomb.len() < 2 << 20, "{}", bomb.len());
    let err = read(&xlsx_shell((bomb.clone(), 0, 1 << 30)));
    assert_eq!(err.code(), "too_large", "{err}");
    // The same, lying that it inflates to 1 KB: inflated through the bound, and refused as soon
    // as it passes what it declares.
    let err = read(&xlsx_shell((bomb.clone(), 0, 1000)));
    assert_eq!(err.code(), "document", "{err}");
    assert!(err.to_string().contains("sheet1.xml"), "{err}");
    assert!(err.to_string().contains("zip bomb"), "{err}");
    // Lying that it is just under the part limit: inflated up to the limit, then refused.
    let err = read(&xlsx_shell((bomb.clone(), 0, 64 << 20)));
    assert_eq!(err.code(), "document", "{err}");
    // In a Word document.
    let (ct, ct_crc) = deflate(b"<Types/>");
    let docx = raw_zip(&[
        ("[Content_Types].xml", ct, ct_crc, 8),
        ("word/document.xml", bomb.clone(), 0, 1000),
    ]);
    let err = read(&docx);
    assert!(err.to_string().contains("zip bomb"), "{err}");
    let docx = raw_zip(&[
        (
            "[Content_Types].xml",
            deflate(b"<Types/>").0,
            deflate(b"<Types/>").1,
            8,
        ),
        ("word/document.xml", bomb, 0, 1 << 30),
    ]);
    let err = read(&docx);
    assert_eq!(err.code(), "too_large", "{err}");
    assert!(
        start.elapsed() < Duration::from_secs(60),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn many_parts_within_the_part_limit_hit_the_total_limit() {
    let limits = {
        let mut v = Limits::default();
        v.max_part_bytes = 1 << 20;
        v.max_total_bytes = 3 << 20;
        v
    };
    let one = zeros_bomb(1);
    let mut entries = vec![
        (
            "[Content_Types].xml".to_string(),
            deflate(b"<Types/>"),
            8u32,
        ),
        ("xl/workbook.xml".to_string(), deflate(b"<workbook/>"), 11),
    ];
    let mut h = flate2::Crc::new();
    h.update(&vec![0u8; 1 << 20]);
    for i in 0..5 {
        entries.push((
            format!("xl/worksheets/sheet{i}.xml"),
            (one.clone(), h.sum()),
            1 << 20,
        ));
    }
    let refs: Vec<(&str, Vec<u8>, u32, u32)> = entries
        .iter()
        .map(|(n, (d, c), s)| (n.as_str(), d.clone(), *c, *s))
        .collect();
    let err = ImportOptions::new()
        .read_office(&raw_zip(&refs), &limits)
        .unwrap_err();
    assert_eq!(err.code(), "too_large", "{err}");
    assert!(err.to_string().contains("inflated XML"), "{err}");
}

#[test]
fn too_many_cells_is_too_large() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "Action").unwrap();
    ws.write_string(0, 1, "Owner").unwrap();
    for r in 1..=600u32 {
        ws.write_string(r, 0, format!("Do thing {r}")).unwrap();
        ws.write_string(r, 1, "Me").unwrap();
    }
    let bytes = wb.save_to_buffer().unwrap();
    let limits = {
        let mut v = Limits::default();
        v.max_cells = 1000;
        v
    };
    let err = ImportOptions::new()
        .read_office(&bytes, &limits)
        .unwrap_err();
    assert_eq!(err.code(), "too_large", "{err}");
    // With the default limits it reads.
    let ok = ImportOptions::new().read_bytes(&bytes).unwrap();
    assert_eq!(ok.plan.action_count(), 600);
}

#[test]
fn a_stray_cell_far_out_is_bounded_by_area() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "Action").unwrap();
    ws.write_string(0, 1, "Owner").unwrap();
    for r in 1..=400u32 {
        ws.write_string(r, 0, "Do it").unwrap();
        ws.write_string(r, 16_383, "x").unwrap();
    }
    let bytes = wb.save_to_buffer().unwrap();
    let err = read(&bytes);
    assert_eq!(err.code(), "too_large", "{err}");
    assert!(err.to_string().contains("area"), "{err}");
}

/// Damaged copies of the fixtures (bytes flipped, cut short) give a plan or an error, never a
/// panic, and quickly.
#[test]
fn damaged_fixtures_never_panic() {
    let mut seed: u64 = 0x5EED;
    let mut next = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    let start = Instant::now();
    for name in [
        "harlow-2023.xlsx",
        "hertsmere-2024.docx",
        "three-rivers-2013.docx",
        "huntingdonshire-2024.xlsx",
    ] {
        let good = fixture(name);
        for i in 0..60 {
            let mut bad = good.clone();
            if i % 4 == 0 {
                bad.truncate(next() % bad.len());
            } else {
                for _ in 0..(1 + i % 5) {
                    let p = next() % bad.len();
                    bad[p] ^= (next() % 255 + 1) as u8;
                }
            }
            let _ = ImportOptions::new().read_bytes(&bad);
        }
    }
    assert!(start.elapsed() < Duration::from_secs(120));
}

/// An .ods whose few bytes repeat one cell over a million rows: refused before calamine expands
/// it.
#[test]
fn an_ods_that_repeats_itself_is_refused() {
    let content = br#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>
<table:table table:name="Plan">
<table:table-row><table:table-cell office:value-type="string"><text:p>Action</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Owner</text:p></table:table-cell></table:table-row>
<table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="100" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>"#;
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    z.start_file("mimetype", stored).unwrap();
    z.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    z.start_file("content.xml", zip::write::SimpleFileOptions::default())
        .unwrap();
    z.write_all(content).unwrap();
    let bytes = z.finish().unwrap().into_inner();
    let start = Instant::now();
    let err = read(&bytes);
    assert_eq!(err.code(), "too_large", "{err}");
    assert!(err.to_string().contains(".ods"), "{err}");
    assert!(start.elapsed() < Duration::from_secs(5));
}

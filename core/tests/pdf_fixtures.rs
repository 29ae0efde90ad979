//! The PDF fixtures (tests/fixtures/pdf, printed by LibreOffice from the project's Office
//! fixtures and example plans by scripts/make-pdf-fixtures.py) read back as the plans they
//! were printed from: the same recommendations and actions, action by action (recommendation,
//! action text, owners, timeframe), compared word by word (a PDF does not say whether a line
//! break in a cell was typed or is where the text wrapped).
#![cfg(feature = "pdf")]

use actionplan::import::ImportOptions;
use actionplan::Plan;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(path: &str, plan_date: &str) -> actionplan::import::Imported {
    let bytes = std::fs::read(root().join(path)).unwrap();
    ImportOptions::new()
        .plan_date(plan_date.parse().unwrap())
        .read_bytes(&bytes)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One line per action: recommendation number, theme, recommendation title, action, owners,
/// timeframe phrase, status.
fn actions(plan: &Plan) -> Vec<[String; 7]> {
    let mut out = Vec::new();
    for (i, r) in plan.recommendations.iter().enumerate() {
        for a in &r.actions {
            out.push([
                (i + 1).to_string(),
                r.theme.as_deref().map(words).unwrap_or_default(),
                words(&r.title),
                words(&a.description),
                a.owners
                    .iter()
                    .map(|o| words(o))
                    .collect::<Vec<_>>()
                    .join(" | "),
                a.timeframe
                    .as_ref()
                    .map(|t| words(&t.text))
                    .unwrap_or_default(),
                a.status
                    .as_ref()
                    .map(|s| format!("{s:?}"))
                    .unwrap_or_default(),
            ]);
        }
    }
    out
}

fn counts(plan: &Plan) -> Vec<usize> {
    plan.recommendations
        .iter()
        .map(|r| r.actions.len())
        .collect()
}

/// Compare a PDF's plan with its source's, action by action. `known`: (action index, field,
/// what the PDF gives) where the PDF cannot carry what the source says (named in each test).
fn same_but(
    pdf: &str,
    source: &str,
    plan_date: &str,
    known: &[(usize, usize, &str)],
) -> actionplan::import::Imported {
    let got = read(pdf, plan_date);
    let want = read(source, plan_date);
    assert_eq!(
        counts(&got.plan),
        counts(&want.plan),
        "{pdf}: actions per recommendation"
    );
    let (mut g, w) = (actions(&got.plan), actions(&want.plan));
    for &(i, field, text) in known {
        assert_eq!(
            g[i][field], text,
            "{pdf}: the known difference at action {i}"
        );
        g[i][field] = w[i][field].clone();
    }
    for (a, b) in g.iter().zip(&w) {
        assert_eq!(a, b, "{pdf}");
    }
    assert_eq!(got.plan.meta.source_format.as_deref(), Some("pdf"));
    got
}

fn same(pdf: &str, source: &str, plan_date: &str) -> actionplan::import::Imported {
    same_but(pdf, source, plan_date, &[])
}

/// A Word table with rules, merged recommendation cells, a title that wraps, and rows broken
/// over page breaks (6 pages).
#[test]
fn hertsmere_pdf_reads_as_its_word_document() {
    let got = same(
        "tests/fixtures/pdf/hertsmere-2024.pdf",
        "tests/fixtures/office/hertsmere-2024.docx",
        "2024-12-01",
    );
    assert_eq!(got.plan.recommendations.len(), 10);
    assert_eq!(got.plan.action_count(), 26);
}

/// Three themed Word tables, each under its heading, over 4 pages.
///
/// One known difference: "Consider member succession planning" breaks over the first page
/// break, and its Responsibility cell with it: "Democratic Services" is the last line of page 1
/// and "Group Leaders" the first of page 2. In the document they are two paragraphs with an
/// empty one between; in the PDF, "Group" would not have fitted after "Democratic Services",
/// so the break reads as a wrap and the two owners as one.
#[test]
fn three_rivers_pdf_reads_as_its_word_document() {
    let got = same_but(
        "tests/fixtures/pdf/three-rivers-2013.pdf",
        "tests/fixtures/office/three-rivers-2013.docx",
        "2013-11-01",
        &[(8, 4, "Democratic Services Group Leaders")],
    );
    assert_eq!(got.plan.recommendations.len(), 22);
    assert_eq!(got.plan.action_count(), 36);
}

/// A long Word table (landscape, 7pt, 9 pages) whose header row repeats on every page and
/// whose long progress comments wrap over the page breaks, against the TSV it was made from.
#[test]
fn multi_page_word_table_reads_as_its_source() {
    let got = same(
        "tests/fixtures/pdf/huntingdonshire-2024-word.pdf",
        "examples/data/huntingdonshire-2024.tsv",
        "2024-06-01",
    );
    assert_eq!(got.plan.recommendations.len(), 9);
    assert_eq!(got.plan.action_count(), 37);
    let codes: Vec<&str> = got.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert!(codes.contains(&"repeated_header"), "{codes:?}");
    assert!(codes.contains(&"pdf_continued"), "{codes:?}");
}

/// An Excel tracker printed with borders, a cover sheet first, the header repeated on each
/// page.
#[test]
fn ruled_excel_pdf_reads_as_its_workbook() {
    let got = same(
        "tests/fixtures/pdf/huntingdonshire-2024.pdf",
        "tests/fixtures/office/huntingdonshire-2024.xlsx",
        "2024-06-01",
    );
    assert_eq!(got.plan.action_count(), 37);
}

/// An Excel tracker printed with no rules at all: rows from the lines and their gaps.
#[test]
fn unruled_excel_pdf_reads_as_its_workbook() {
    let got = same(
        "tests/fixtures/pdf/harlow-2023.pdf",
        "tests/fixtures/office/harlow-2023.xlsx",
        "2023-05-01",
    );
    assert_eq!(got.plan.recommendations.len(), 13);
    assert_eq!(got.plan.action_count(), 66);
}

/// Hand-written one-page PDFs (standard Helvetica, no embedded font): one with rules, one
/// without; a wrapped action cell in each.
#[test]
fn minimal_pdfs_with_and_without_rules() {
    for f in ["minimal-ruled", "minimal-plain"] {
        let got = read(&format!("tests/fixtures/pdf/{f}.pdf"), "2025-03-01");
        assert_eq!(counts(&got.plan), [2, 1], "{f}");
        let a = &got.plan.recommendations[0].actions[0];
        assert_eq!(
            words(&a.description),
            "Agree a short list of priorities with Cabinet and publish it"
        );
        assert_eq!(a.owners, ["Chief Executive"]);
        assert_eq!(
            got.plan.meta.title.as_deref(),
            Some("Peer challenge action plan")
        );
    }
}

#[test]
fn encrypted_scanned_and_damaged_pdfs_say_which() {
    let err = |path: &str| {
        let bytes = std::fs::read(root().join(path)).unwrap();
        ImportOptions::new().read_bytes(&bytes).unwrap_err()
    };
    let e = err("tests/fixtures/pdf/encrypted.pdf");
    assert_eq!(e.code(), "pdf_encrypted");
    assert!(e.to_string().contains("password"), "{e}");
    let e = err("tests/fixtures/pdf/scanned.pdf");
    assert_eq!(e.code(), "pdf_scanned");
    assert!(
        e.to_string()
            .contains("this PDF has no text layer: it is a scan"),
        "{e}"
    );
    // Truncated: the first 3 000 bytes of a real PDF.
    let bytes = std::fs::read(root().join("tests/fixtures/pdf/hertsmere-2024.pdf")).unwrap();
    let e = ImportOptions::new().read_bytes(&bytes[..3000]).unwrap_err();
    assert_eq!(e.code(), "pdf_damaged", "{e}");
}

#[test]
fn limits_are_checked() {
    use actionplan::pdf::Limits;
    let bytes = std::fs::read(root().join("tests/fixtures/pdf/hertsmere-2024.pdf")).unwrap();
    let opts = ImportOptions::new();
    let small = |l: Limits| opts.read_pdf(&bytes, &l).unwrap_err();
    let e = small({
        let mut v = Limits::default();
        v.max_pages = 2;
        v
    });
    assert_eq!(e.code(), "too_large");
    assert!(e.to_string().contains("pages"), "{e}");
    let e = small({
        let mut v = Limits::default();
        v.max_objects = 10;
        v
    });
    assert!(e.to_string().contains("objects"), "{e}");
    let e = small({
        let mut v = Limits::default();
        v.max_file_bytes = 1000;
        v
    });
    assert!(e.to_string().contains("bytes"), "{e}");
    let e = small({
        let mut v = Limits::default();
        v.max_total_bytes = 10_000;
        v
    });
    assert!(e.to_string().contains("content"), "{e}");
    let e = small({
        let mut v = Limits::default();
        v.max_stream_bytes = 1_000;
        v
    });
    assert_eq!(e.code(), "too_large", "{e}");
}

/// The streaming reader hands a PDF to the same reader.
#[test]
fn read_from_a_reader_takes_pdfs_whole() {
    let bytes = std::fs::read(root().join("tests/fixtures/pdf/minimal-ruled.pdf")).unwrap();
    let got = ImportOptions::new()
        .read(std::io::Cursor::new(bytes))
        .unwrap();
    assert_eq!(got.plan.action_count(), 3);
}

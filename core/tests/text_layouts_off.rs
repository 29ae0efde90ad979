//! Built without the `text-layouts` feature (as the lean WebAssembly module is), tables pasted
//! out of Word or a PDF (one cell per line; wrapped cells) are still recognised, so they are
//! never read as a CSV they are not, and refused with an error that names the feature. Tables
//! and card pages read as before. Run with `cargo test -p actionplan --no-default-features`.
#![cfg(not(feature = "text-layouts"))]

use actionplan::import::ImportOptions;
use std::path::PathBuf;

fn bytes(path: &str) -> Vec<u8> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    std::fs::read(root.join(path)).unwrap()
}

fn refused(path: &str, what: &str) {
    let err = ImportOptions::new().read_bytes(&bytes(path)).unwrap_err();
    assert_eq!(err.code(), "document", "{path}: {err}");
    let message = err.to_string();
    assert!(message.contains(what), "{path}: {message}");
    assert!(
        message.contains("`text-layouts` feature"),
        "{path}: {message}"
    );
    assert!(message.contains("Office build"), "{path}: {message}");
}

#[test]
fn pasted_word_and_pdf_tables_are_refused_by_name() {
    for name in [
        "hertsmere-2024.txt",
        "north-herts-2024.txt",
        "three-rivers-2013.txt",
    ] {
        refused(
            &format!("tests/fixtures/seeds-text/{name}"),
            "tables pasted out of Word or PDF documents",
        );
    }
}

#[test]
fn card_pages_read_as_in_the_full_build() {
    // Real trackers come as card pages in TSV files (tests/corpus/plans): not gated.
    let imported = ImportOptions::new()
        .read_bytes(&bytes("tests/fixtures/layout/9-cards.txt"))
        .unwrap();
    assert_eq!(imported.layout.layout, "cards");
}

#[test]
fn tables_read_as_in_the_full_build() {
    for path in [
        "examples/data/harlow-2023.tsv",
        "examples/data/hertsmere-2024.csv",
        "tests/fixtures/layout/1-sections.csv",
        "tests/fixtures/layout/6-parallel-lists.csv",
    ] {
        let imported = ImportOptions::new()
            .read_bytes(&bytes(path))
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(imported.plan.action_count() > 0, "{path}");
        assert_eq!(imported.layout.layout, "table", "{path}");
    }
}

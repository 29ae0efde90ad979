//! The layouts of issue 12, one small fixture each (tests/fixtures/layout/): section rows,
//! a section above the header, several tables in one sheet, a header cell spanning two
//! columns, unseen headers and no header, parallel lists, RAG words in a status column, a
//! revised date in a comment, and card pages. Patterns 1-4 are also read from Excel (merged
//! cells) and Word (gridSpan/vMerge) versions made by scripts/make-layout-fixtures.py.

use actionplan::import::{Format, ImportOptions, Imported};
use actionplan::model::{Action, Role};
use actionplan::Status;
use std::path::PathBuf;

fn path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/layout")
        .join(name)
}

fn read(name: &str) -> Imported {
    let bytes = std::fs::read(path(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut o = ImportOptions::new();
    o.plan_date("2025-01-01".parse().unwrap());
    if name.ends_with(".txt") {
        o.format(Format::Tsv);
    }
    o.read_bytes(&bytes)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn actions(i: &Imported) -> Vec<&Action> {
    i.plan.actions().map(|(_, a)| a).collect()
}

fn codes(i: &Imported) -> Vec<&str> {
    i.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

fn themes(i: &Imported) -> Vec<&str> {
    i.plan
        .recommendations
        .iter()
        .map(|r| r.theme.as_deref().unwrap_or(""))
        .collect()
}

/// 1. One-cell rows in a table with no recommendation column start a group.
fn check_sections(i: &Imported) {
    assert_eq!(i.plan.recommendations.len(), 2);
    assert_eq!(
        themes(i),
        ["Governance and leadership", "Planning service improvement"]
    );
    assert_eq!(i.plan.action_count(), 3);
    assert_eq!(i.layout.sections.len(), 2);
}

#[test]
fn p1_section_rows_start_groups() {
    let i = read("1-sections.csv");
    check_sections(&i);
    assert_eq!(i.layout.sections[0].row, 2);
}

/// 2. A numbered row just above the header is the first section; the title stays.
fn check_section_above(i: &Imported) {
    assert_eq!(
        i.plan.meta.title.as_deref(),
        Some("Corporate Improvement Plan 2025")
    );
    assert_eq!(
        themes(i),
        ["1. Financial sustainability", "2. Housing delivery"]
    );
    assert_eq!(i.plan.action_count(), 3);
}

#[test]
fn p2_a_numbered_row_above_the_header_is_a_section_not_the_title() {
    let i = read("2-section-above-header.csv");
    check_section_above(&i);
    assert!(codes(&i).contains(&"header_row"));
}

/// 3. An indicators table and a glossary are kept apart; a repeated header joins.
fn check_tables(i: &Imported) {
    let a = actions(i);
    assert_eq!(
        a.len(),
        3,
        "{:?}",
        a.iter().map(|a| &a.description).collect::<Vec<_>>()
    );
    assert!(a.iter().all(|a| !a.description.contains("turnover")));
    let kinds: Vec<&str> = i.layout.tables.iter().map(|t| t.kind.as_str()).collect();
    assert!(kinds.contains(&"indicators"), "{kinds:?}");
    assert!(codes(i).contains(&"other_table"));
}

#[test]
fn p3_other_tables_are_kept_apart() {
    let i = read("3-several-tables.csv");
    check_tables(&i);
    let kinds: Vec<&str> = i.layout.tables.iter().map(|t| t.kind.as_str()).collect();
    assert_eq!(kinds, ["actions", "indicators", "actions", "glossary"]);
    // Owners are not split inside parentheses or at a role token's slash.
    let a = actions(&i);
    assert_eq!(a[1].owners, ["Head of HR/OD"]);
    assert_eq!(a[2].owners, ["Director (People/Change)"]);
}

/// Pattern 4: a header over a number column and a blank header over the text: codes are
/// the ref, sentences the action.
fn check_spanning(i: &Imported) {
    let a = actions(i);
    assert_eq!(a.len(), 3);
    assert_eq!(a[0].action_ref, "1.1");
    assert!(a[0].description.starts_with("Review the constitution"));
    assert_eq!(a[2].owners, ["Head of Finance"]);
}

#[test]
fn p4_a_header_spanning_two_columns_is_read_by_content() {
    let i = read("4-spanning-header.csv");
    check_spanning(&i);
    let roles: Vec<Role> = i.layout.tables[0].columns.iter().map(|c| c.role).collect();
    assert_eq!(
        roles,
        [Role::Ref, Role::Action, Role::Owner, Role::Timeframe]
    );
}

/// 5. Headers never seen, and no header at all: roles from words and content.
#[test]
fn p5_unseen_headers_and_no_header() {
    for name in ["5-unseen-headers.csv", "5-no-header.csv"] {
        let i = read(name);
        let a = actions(&i);
        assert!(a.len() >= 3, "{name}");
        assert!(a[0].description.starts_with("Commission"), "{name}");
        assert_eq!(a[0].owners, ["Head of Customer Services"], "{name}");
        assert_eq!(a[2].due(), "2026-03-31".parse().ok(), "{name}");
        assert_eq!(a[1].status, Some(Status::InProgress), "{name}");
        for c in &i.layout.tables[0].columns {
            assert!(c.confidence > 0.0, "{name}: {c:?}");
            assert!(c.content_evidence.is_some(), "{name}: {c:?}");
        }
    }
    let i = read("5-no-header.csv");
    assert_eq!(i.layout.tables[0].header_row, None);
    assert_eq!(actions(&i)[3].action_ref, "R4");
}

/// Pattern 6, parallel lists: n lines of actions beside n lines of owners and dates are n
/// actions; a lead-in with sub-points is one; mismatched counts keep one and say so.
#[test]
fn p6_parallel_lists_in_one_row() {
    let i = read("6-parallel-lists.csv");
    let a = actions(&i);
    assert_eq!(a.len(), 5);
    assert!(a[1].description.starts_with("State on job adverts"));
    assert_eq!(a[2].owners, ["Communications Manager"]);
    assert_eq!(a[2].due(), "2025-06-30".parse().ok());
    assert!(a[3].description.contains("installing hearing loops"));
    assert!(a[4].description.contains("Report the findings"));
    assert!(codes(&i).contains(&"parallel_lists"));
}

/// 7. RAG words in a status column go to the RAG; lifecycle words to the status.
#[test]
fn p7_rag_words_in_a_status_column() {
    let i = read("7-rag-in-status.csv");
    let a = actions(&i);
    assert_eq!(a[0].rag.as_deref(), Some("Green"));
    assert_eq!(a[0].status, None);
    assert_eq!(a[1].rag.as_deref(), Some("Amber"));
    assert_eq!(a[1].status, Some(Status::InProgress));
    assert_eq!(a[2].status, Some(Status::Complete));
    assert_eq!(a[3].rag.as_deref(), Some("Red"));
}

/// 8. A revised date in a comment: the column's date is the original, the comment's current.
#[test]
fn p8_a_revised_date_in_a_comment() {
    let i = read("8-revised-in-comment.csv");
    let a = actions(&i);
    assert_eq!(a[0].due(), "2025-06-30".parse().ok());
    let original = a[0].original_due.as_ref().unwrap();
    assert_eq!(original.due_latest, "2025-03-31".parse().ok());
    assert_eq!(
        a[0].timeframe.as_ref().unwrap().revised_from,
        "2025-03-31".parse().ok()
    );
    assert!(a[1].original_due.is_none());
    assert_eq!(a[2].due(), "2025-10-31".parse().ok());
    let d = i
        .diagnostics
        .iter()
        .find(|d| d.code == "revised_in_comment")
        .unwrap();
    assert!(
        d.message.contains("now expected to complete by June 2025"),
        "{}",
        d.message
    );
}

/// 9. Card pages: blocks of "Label: value" lines whose labels repeat are records.
#[test]
fn p9_cards_are_records() {
    let i = read("9-cards.txt");
    assert_eq!(i.layout.layout, "cards");
    let a = actions(&i);
    assert_eq!(a.len(), 3);
    assert_eq!(a[1].owners, ["Head of HR and Organisational Development"]);
    assert_eq!(a[2].due(), "2025-09-30".parse().ok());
    assert_eq!(a[2].status, Some(Status::NotStarted));
    assert_eq!(
        i.plan.meta.title.as_deref(),
        Some("Our action plan: progress update")
    );
}

/// Corrections: an explicit mapping, the header row, a table break.
#[test]
fn corrections_from_the_options() {
    let bytes = std::fs::read(path("4-spanning-header.csv")).unwrap();
    let i = ImportOptions::new()
        .map_column("1=extra")
        .unwrap()
        .read_bytes(&bytes)
        .unwrap();
    assert!(actions(&i)[0].action_ref.starts_with('R'));
    let bytes = std::fs::read(path("1-sections.csv")).unwrap();
    let i = ImportOptions::new()
        .table_from(5)
        .read_bytes(&bytes)
        .unwrap();
    assert_eq!(i.layout.tables.len(), 2);
    assert_eq!(i.layout.tables[1].kind, "other");
    assert_eq!(i.plan.action_count(), 2);
    // Extra aliases from a file's text.
    let aliases =
        actionplan::import::Aliases::from_text("Who's on it = owner\nDeliverable by\tdue\n")
            .unwrap();
    let csv = "Thing to do,Who's on it,Deliverable by\nWrite the plan and publish it,Jo Bloggs,March 2025\n";
    let i = ImportOptions::new()
        .aliases(aliases)
        .read_bytes(csv.as_bytes())
        .unwrap();
    let a = actions(&i);
    assert_eq!(a[0].owners, ["Jo Bloggs"]);
    assert_eq!(a[0].description, "Write the plan and publish it");
    // The header row, given.
    let bytes = std::fs::read(path("2-section-above-header.csv")).unwrap();
    let i = ImportOptions::new()
        .header_row(3)
        .read_bytes(&bytes)
        .unwrap();
    assert_eq!(i.layout.tables[0].header_row, Some(3));
}

#[cfg(feature = "excel")]
mod excel {
    use super::*;

    #[test]
    fn patterns_1_to_4_from_excel() {
        check_sections(&read("1-sections.xlsx"));
        check_section_above(&read("2-section-above-header.xlsx"));
        check_tables(&read("3-several-tables.xlsx"));
        check_spanning(&read("4-spanning-header.xlsx"));
    }
}

#[cfg(feature = "word")]
mod word {
    use super::*;

    #[test]
    fn patterns_1_to_4_from_word() {
        check_sections(&read("1-sections.docx"));
        check_section_above(&read("2-section-above-header.docx"));
        check_tables(&read("3-several-tables.docx"));
        check_spanning(&read("4-spanning-header.docx"));
    }
}

/// Files that are not action plans are refused: the project's README, a Rust source file, a
/// paragraph of prose. (The example plans and the corpus are read by their own tests.)
#[test]
fn files_that_are_not_plans_are_refused() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    for f in [
        "README.md",
        "core/src/lib.rs",
        "docs/IMPORT.md",
        "core/src/import/builder.rs",
    ] {
        let bytes = std::fs::read(root.join(f)).unwrap();
        let r = ImportOptions::new().read_bytes(&bytes);
        assert!(r.is_err(), "{f} was read as a plan");
    }
    let prose = "The council met on Tuesday to discuss the budget. Members raised concerns about the \
                 cost of the new leisure centre, which has risen since the plan was agreed in March \
                 2024. The leader said a report would follow in the summer.\n\nOfficers were asked \
                 to look again at the figures and to consult residents before any decision.\n";
    assert!(ImportOptions::new().read_bytes(prose.as_bytes()).is_err());
}

//! Updates collected from owners and merged back (issue 18, part 4): the workbooks are made by
//! `owners::template`, edited as an owner would (their sheet XML changed through the zip, and
//! the openpyxl-edited fixtures in tests/fixtures/owners/), and merged; the merge gives exactly
//! the edits, and each conflict its diagnostic.
#![cfg(all(feature = "xlsx-writer", feature = "excel"))]

use actionplan::import::ImportOptions;
use actionplan::owners::{
    merge, template, with_history_columns, MergeOptions, Merged, OwnerWorkbook, Returned,
};
use actionplan::{Diagnostic, Plan, Severity, Status};
use std::io::{Cursor, Read, Write};
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/owners")
        .join(name)
}

fn plan() -> Plan {
    let bytes = std::fs::read(fixture("plan.csv")).unwrap();
    ImportOptions::new()
        .plan_date("2024-12-01".parse().unwrap())
        .read_bytes(&bytes)
        .unwrap()
        .plan
}

fn books(plan: &Plan) -> Vec<OwnerWorkbook> {
    template(plan).unwrap()
}

fn book<'a>(books: &'a [OwnerWorkbook], file: &str) -> &'a OwnerWorkbook {
    books.iter().find(|b| b.file_name == file).unwrap()
}

/// An owner's edit: a cell of the "Your actions" sheet (sheet2.xml) set to text or a date.
enum Edit<'a> {
    Text(&'a str, &'a str),
    Date(&'a str, u32),
}

/// Rewrite cells of the sheet XML in the zip (no rust_xlsxwriter): each `<c r="REF" ...>`
/// element is replaced, its style kept.
fn edit(bytes: &[u8], edits: &[Edit<'_>]) -> Vec<u8> {
    let mut zin = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut zout = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if name == "xl/worksheets/sheet2.xml" {
            let mut xml = String::from_utf8(data).unwrap();
            for e in edits {
                let (r, new) = match e {
                    Edit::Text(r, t) => (*r, format!("t=\"inlineStr\"><is><t>{t}</t></is></c>")),
                    Edit::Date(r, serial) => (*r, format!("><v>{serial}</v></c>")),
                };
                let open = format!("<c r=\"{r}\"");
                let start = xml.find(&open).unwrap_or_else(|| panic!("no cell {r}"));
                let rest = &xml[start..];
                let head_end = rest.find('>').unwrap();
                let self_closing = rest.as_bytes()[head_end - 1] == b'/';
                let end = if self_closing {
                    start + head_end + 1
                } else {
                    start + rest.find("</c>").unwrap() + 4
                };
                let style = rest[..head_end]
                    .split_whitespace()
                    .find(|a| a.starts_with("s=\""))
                    .map(|s| s.trim_end_matches('/').to_string())
                    .unwrap_or_default();
                let cell = format!("<c r=\"{r}\" {style} {new}");
                xml.replace_range(start..end, &cell);
            }
            data = xml.into_bytes();
        }
        zout.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zout.write_all(&data).unwrap();
    }
    zout.finish().unwrap().into_inner()
}

fn returned(name: &str, bytes: Vec<u8>) -> Returned {
    Returned {
        name: name.into(),
        bytes,
    }
}

fn codes(m: &Merged) -> Vec<&str> {
    m.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

fn find<'a>(m: &'a Merged, code: &str) -> &'a Diagnostic {
    m.diagnostics
        .iter()
        .find(|d| d.code == code)
        .unwrap_or_else(|| panic!("no {code} in {:?}", m.diagnostics))
}

fn action<'a>(p: &'a Plan, r: &str) -> &'a actionplan::Action {
    p.actions()
        .map(|(_, a)| a)
        .find(|a| a.action_ref == r)
        .unwrap()
}

/// A change as (ref, field, from, to, reason).
type ChangeRow<'a> = (&'a str, &'a str, Option<&'a str>, &'a str, Option<&'a str>);

/// 2025-12-31 as an Excel serial.
const DEC_31_2025: u32 = 46022;

#[test]
fn one_workbook_per_owner_with_shared_actions_in_each() {
    let b = books(&plan());
    let names: Vec<(&str, &str, usize)> = b
        .iter()
        .map(|b| (b.owner.as_str(), b.file_name.as_str(), b.actions))
        .collect();
    assert_eq!(
        names,
        [
            ("Head of Legal", "Head-of-Legal.xlsx", 1),
            ("Democratic Services", "Democratic-Services.xlsx", 2),
            ("Chief Finance Officer", "Chief-Finance-Officer.xlsx", 2),
            ("Unassigned", "Unassigned.xlsx", 1),
        ]
    );
    // The same plan gives the same bytes.
    assert_eq!(b, books(&plan()));
}

#[test]
fn the_workbook_is_locked_with_lists_a_hidden_key_and_instructions_first() {
    let b = books(&plan());
    let wb = book(&b, "Chief-Finance-Officer.xlsx");
    let mut z = zip::ZipArchive::new(Cursor::new(&wb.bytes[..])).unwrap();
    let mut part = |n: &str| {
        let mut s = String::new();
        z.by_name(n).unwrap().read_to_string(&mut s).unwrap();
        s
    };
    let workbook = part("xl/workbook.xml");
    let order: Vec<&str> = workbook
        .split("<sheet name=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap())
        .collect();
    assert_eq!(
        order,
        ["Instructions", "Your actions", "Lists", "About this file"]
    );
    assert_eq!(
        workbook.matches("state=\"hidden\"").count(),
        2,
        "{workbook}"
    );
    let sheet = part("xl/worksheets/sheet2.xml");
    assert!(sheet.contains("<sheetProtection"), "protected");
    assert!(!sheet.contains("password"), "no password");
    assert!(sheet.contains("type=\"list\""), "drop-down lists");
    assert!(sheet.contains("Lists!$A$1:$A$6"), "status list: {sheet}");
    assert!(sheet.contains("Lists!$B$1:$B$3"), "RAG list");
    assert!(sheet.contains("hidden=\"1\""), "the key column is hidden");
    let styles = part("xl/styles.xml");
    assert!(
        styles.contains("locked=\"0\""),
        "editable cells are unlocked"
    );

    // Made and returned untouched: nothing to merge, nothing to report.
    let m = merge(
        &plan(),
        &[returned("cfo.xlsx", wb.bytes.clone())],
        &MergeOptions::default(),
    );
    assert!(
        m.changes.is_empty() && m.diagnostics.is_empty(),
        "{:?}",
        m.diagnostics
    );
}

#[test]
fn round_trip_gives_exactly_the_edits() {
    let p = plan();
    let b = books(&p);
    // Rows: 2 is the first action. Columns: F status, G RAG, H due, I reason, J update.
    let cfo = edit(
        &book(&b, "Chief-Finance-Officer.xlsx").bytes,
        &[
            Edit::Text("F2", "Complete"),
            Edit::Text("J2", "Strategy published in July"),
            Edit::Text("G3", "Amber"),
            Edit::Date("H3", DEC_31_2025),
            Edit::Text("I3", "Waiting for the new finance system"),
        ],
    );
    let dem = edit(
        &book(&b, "Democratic-Services.xlsx").bytes,
        &[
            Edit::Text("F3", "In progress"),
            Edit::Text("J3", "Sessions booked for June"),
        ],
    );
    let all = vec![
        returned("cfo.xlsx", cfo),
        returned("dem.xlsx", dem),
        returned("legal.xlsx", book(&b, "Head-of-Legal.xlsx").bytes.clone()),
        returned("none.xlsx", book(&b, "Unassigned.xlsx").bytes.clone()),
    ];
    let opts = MergeOptions {
        as_of: Some("2025-06-30".parse().unwrap()),
        period: Some("Q1 2025/26".into()),
    };
    let m = merge(&p, &all, &opts);
    assert!(m.diagnostics.is_empty(), "{:?}", m.diagnostics);
    let got: Vec<ChangeRow<'_>> = m
        .changes
        .iter()
        .map(|c| {
            (
                c.action_ref.as_str(),
                c.field.as_str(),
                c.from.as_deref(),
                c.to.as_str(),
                c.reason.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("A2", "status", Some("Not started"), "In progress", None),
            ("A2", "update", None, "Sessions booked for June", None),
            ("B1", "status", Some("In progress"), "Complete", None),
            (
                "B1",
                "update",
                Some("Consultation closed"),
                "Strategy published in July",
                None
            ),
            ("B2", "rag", Some("Green"), "Amber", None),
            (
                "B2",
                "due",
                Some("30/09/2025"),
                "2025-12-31",
                Some("Waiting for the new finance system")
            ),
        ]
    );
    assert_eq!(m.changes[2].file, "cfo.xlsx");
    assert_eq!(m.changes[2].row, 2);

    let n = &m.plan;
    assert_eq!(n.meta.as_of, opts.as_of);
    assert_eq!(action(n, "B1").status, Some(Status::Complete));
    let b1 = action(n, "B1");
    let texts: Vec<&str> = b1.updates.iter().map(|u| u.text.as_str()).collect();
    assert_eq!(
        texts,
        ["Consultation closed", "Strategy published in July"],
        "history kept"
    );
    assert_eq!(b1.updates[1].column.as_deref(), Some("Update Q1 2025/26"));
    let b2 = action(n, "B2");
    assert_eq!(b2.due(), Some("2025-12-31".parse().unwrap()));
    assert_eq!(
        b2.original_due.as_ref().map(|t| t.text.as_str()),
        Some("30/09/2025")
    );
    assert_eq!(
        b2.extra["Reason for date change"],
        "Waiting for the new finance system"
    );
    assert_eq!(b2.rag.as_deref(), Some("Amber"));
    // Nothing else changed.
    for r in ["A1", "C1"] {
        assert_eq!(action(n, r), action(&p, r), "{r}");
    }

    // The preview is the diff.
    let d = actionplan::diff::diff(&p, n);
    assert_eq!(d.completed.len(), 1);
    assert_eq!(d.deadlines_moved.len(), 1);
    assert_eq!(d.deadlines_moved[0].action_ref, "B2");

    // The next version as CSV keeps both updates and both dates, and reads back the same.
    let csv = actionplan::export::to_csv(n);
    let header = csv.lines().next().unwrap();
    assert_eq!(
        header,
        "Ref,Recommendation,Action,Owner,Original due date,Due,Reason for date change,Status,RAG,Q4 update,Update Q1 2025/26"
    );
    let again = ImportOptions::new()
        .plan_date("2024-12-01".parse().unwrap())
        .read_bytes(csv.as_bytes())
        .unwrap()
        .plan;
    let b2 = action(&again, "B2");
    assert_eq!(b2.due(), Some("2025-12-31".parse().unwrap()));
    assert_eq!(
        b2.original_due.as_ref().map(|t| t.text.as_str()),
        Some("30/09/2025")
    );
    assert_eq!(action(&again, "B1").updates.len(), 2);

    // As a tracker workbook: the earlier update and the original date in their own columns.
    let shown = with_history_columns(n);
    let xlsx = actionplan::report::tracker_xlsx(&shown, &[], &[]).unwrap();
    let back = ImportOptions::new().read_bytes(&xlsx).unwrap().plan;
    let headers: Vec<&str> = back.columns.iter().map(|c| c.header.as_str()).collect();
    for h in [
        "Latest update",
        "Q4 update",
        "Original due date",
        "Reason for date change",
    ] {
        assert!(headers.contains(&h), "{h} in {headers:?}");
    }
}

#[test]
fn two_owners_changing_one_action_differently_is_a_conflict() {
    let p = plan();
    let b = books(&p);
    let legal = edit(
        &book(&b, "Head-of-Legal.xlsx").bytes,
        &[Edit::Text("F2", "Complete")],
    );
    let dem = edit(
        &book(&b, "Democratic-Services.xlsx").bytes,
        &[Edit::Text("F2", "On hold")],
    );
    let m = merge(
        &p,
        &[returned("legal.xlsx", legal), returned("dem.xlsx", dem)],
        &MergeOptions::default(),
    );
    assert_eq!(codes(&m), ["conflicting_updates"]);
    let d = find(&m, "conflicting_updates");
    assert_eq!(d.severity, Severity::Error);
    assert!(
        d.message
            .starts_with("\"dem.xlsx\", sheet \"Your actions\""),
        "{}",
        d.message
    );
    assert!(
        d.message.contains("\"Complete\" in \"legal.xlsx\" (row 2)"),
        "{}",
        d.message
    );
    assert_eq!(d.place.row, Some(2));
    assert_eq!(d.place.column.as_deref(), Some("Status"));
    assert_eq!(d.place.text.as_deref(), Some("On hold"));
    assert_eq!(d.place.action_ref.as_deref(), Some("A1"));
    // The workbook the conflicting value is in, as data too (not only in the message).
    assert_eq!(d.place.file.as_deref(), Some("dem.xlsx"));
    assert!(m.changes.is_empty());
    assert_eq!(action(&m.plan, "A1").status, Some(Status::InProgress));

    // The same value from both is no conflict.
    let legal = edit(
        &book(&b, "Head-of-Legal.xlsx").bytes,
        &[Edit::Text("F2", "Complete")],
    );
    let dem = edit(
        &book(&b, "Democratic-Services.xlsx").bytes,
        &[Edit::Text("F2", "Complete")],
    );
    let m = merge(
        &p,
        &[returned("legal.xlsx", legal), returned("dem.xlsx", dem)],
        &MergeOptions::default(),
    );
    assert!(m.diagnostics.is_empty(), "{:?}", m.diagnostics);
    assert_eq!(action(&m.plan, "A1").status, Some(Status::Complete));
}

#[test]
fn a_locked_cell_edited_is_flagged_and_not_taken() {
    let p = plan();
    let b = books(&p);
    let cfo = edit(
        &book(&b, "Chief-Finance-Officer.xlsx").bytes,
        &[
            Edit::Text("C2", "Publish a strategy, maybe"),
            Edit::Text("J2", "Nearly there"),
        ],
    );
    let m = merge(&p, &[returned("cfo.xlsx", cfo)], &MergeOptions::default());
    assert_eq!(codes(&m), ["locked_cell_edited"]);
    let d = find(&m, "locked_cell_edited");
    assert_eq!(
        (
            d.place.row,
            d.place.column.as_deref(),
            d.place.text.as_deref()
        ),
        (Some(2), Some("Action"), Some("Publish a strategy, maybe"))
    );
    assert!(d
        .message
        .starts_with("\"cfo.xlsx\", sheet \"Your actions\""));
    assert_eq!(
        action(&m.plan, "B1").description,
        "Publish a medium-term financial strategy"
    );
    // The row's update is still taken.
    assert_eq!(m.changes.len(), 1);
    assert_eq!(m.changes[0].to, "Nearly there");
}

#[test]
fn a_date_moved_with_no_reason_is_taken_and_flagged() {
    let p = plan();
    let b = books(&p);
    let dem = edit(
        &book(&b, "Democratic-Services.xlsx").bytes,
        &[Edit::Text("H3", "30 September 2025")],
    );
    let m = merge(&p, &[returned("dem.xlsx", dem)], &MergeOptions::default());
    assert_eq!(codes(&m), ["date_moved_without_reason"]);
    let d = find(&m, "date_moved_without_reason");
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(
        (
            d.place.row,
            d.place.column.as_deref(),
            d.place.text.as_deref(),
            d.place.action_ref.as_deref()
        ),
        (
            Some(3),
            Some("Due date"),
            Some("30 September 2025"),
            Some("A2")
        )
    );
    assert_eq!(
        action(&m.plan, "A2").due(),
        Some("2025-09-30".parse().unwrap())
    );
    assert_eq!(m.changes[0].reason, None);
}

#[test]
fn unknown_rows_bad_words_and_unreadable_dates_are_reported() {
    let p = plan();
    let b = books(&p);
    let cfo = edit(
        &book(&b, "Chief-Finance-Officer.xlsx").bytes,
        &[
            Edit::Text("K2", "99|Z9"),
            Edit::Text("G3", "Purple"),
            Edit::Text("H3", "when pigs fly"),
        ],
    );
    let m = merge(&p, &[returned("cfo.xlsx", cfo)], &MergeOptions::default());
    assert_eq!(codes(&m), ["unknown_row", "unknown_rag", "unreadable_date"]);
    let d = find(&m, "unknown_row");
    assert_eq!(
        (d.place.row, d.place.text.as_deref()),
        (Some(2), Some("99|Z9"))
    );
    assert!(m.changes.is_empty());
    assert_eq!(m.plan, p);
}

#[test]
fn files_that_are_not_update_workbooks_are_skipped_with_a_reason() {
    let p = plan();
    let tracker = actionplan::report::tracker_xlsx(&p, &[], &[]).unwrap();
    let m = merge(
        &p,
        &[
            returned("plan.csv", std::fs::read(fixture("plan.csv")).unwrap()),
            returned("tracker.xlsx", tracker),
        ],
        &MergeOptions::default(),
    );
    assert_eq!(
        codes(&m),
        ["not_an_update_workbook", "not_an_update_workbook"]
    );
    assert!(
        m.diagnostics[0]
            .message
            .starts_with("\"plan.csv\": it could not be read"),
        "{}",
        m.diagnostics[0].message
    );
    assert!(
        m.diagnostics[1]
            .message
            .contains("no sheet \"Your actions\""),
        "{}",
        m.diagnostics[1].message
    );
    let files: Vec<_> = m
        .diagnostics
        .iter()
        .map(|d| d.place.file.as_deref())
        .collect();
    assert_eq!(files, [Some("plan.csv"), Some("tracker.xlsx")]);
}

#[test]
fn a_workbook_from_another_version_is_read_with_a_warning() {
    let p = plan();
    let b = books(&p);
    let mut later = p.clone();
    later.recommendations[0].actions[1].description = "Train members and officers".into();
    let cfo = edit(
        &book(&b, "Chief-Finance-Officer.xlsx").bytes,
        &[Edit::Text("J2", "Done")],
    );
    let m = merge(
        &later,
        &[returned("cfo.xlsx", cfo)],
        &MergeOptions::default(),
    );
    assert_eq!(codes(&m), ["other_plan_version"]);
    assert_eq!(m.changes.len(), 1);
}

/// The workbooks in tests/fixtures/owners/returned/ were made by `actionplan template` and
/// edited with openpyxl by tests/fixtures/owners/edit_as_owner.py, as an owner would in Excel.
#[test]
fn workbooks_edited_with_openpyxl_merge_to_exactly_the_edits() {
    let p = plan();
    let dir = fixture("returned");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let all: Vec<Returned> = files
        .iter()
        .map(|f| {
            returned(
                f.file_name().unwrap().to_str().unwrap(),
                std::fs::read(f).unwrap(),
            )
        })
        .collect();
    let m = merge(&p, &all, &MergeOptions::default());
    let mut got = String::new();
    for c in &m.changes {
        got.push_str(&format!(
            "{} {}: {} -> {}{} [{} row {}]\n",
            c.action_ref,
            c.field,
            c.from.as_deref().unwrap_or("(blank)"),
            c.to,
            c.reason
                .as_deref()
                .map(|r| format!(" (reason: {r})"))
                .unwrap_or_default(),
            c.file,
            c.row
        ));
    }
    for d in &m.diagnostics {
        got.push_str(&format!("{d}\n"));
    }
    // OWNERS_BLESS=1 rewrites the expected text (review the diff before committing it).
    if std::env::var_os("OWNERS_BLESS").is_some() {
        std::fs::write(fixture("expected-merge.txt"), &got).unwrap();
    }
    let expected = std::fs::read_to_string(fixture("expected-merge.txt")).unwrap();
    assert_eq!(got, expected);
}

//! Bad input: every case gives a clear error or diagnostics with the place, never a panic.

use actionplan::import::ImportOptions;
use actionplan::validate::{validate, ValidateOptions};
use actionplan::ErrorKind;

fn read(bytes: &[u8]) -> actionplan::Result<actionplan::import::Imported> {
    ImportOptions::new().read_bytes(bytes)
}

#[test]
fn empty_and_blank_files_are_empty() {
    for input in [
        &b""[..],
        b"   \n\t\r\n",
        b"\xEF\xBB\xBF",
        b"\xFF\xFE",
        b",,,\n,,\n",
    ] {
        let err = read(input).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::Empty), "{input:?}: {err}");
        assert!(err.to_string().contains("expected"), "{err}");
    }
}

#[test]
fn binary_files_are_not_text_with_a_hint() {
    let err = read(b"PK\x03\x04\x14\x00\x06\x00rest of a zip").unwrap_err();
    match err.kind() {
        ErrorKind::NotText { hint, .. } => assert!(hint.as_deref().unwrap().contains("zip")),
        k => panic!("{k:?}"),
    }
    let err = read(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj").unwrap_err();
    assert!(err.to_string().contains("PDF"), "{err}");
    let mut junk: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
    junk[10] = 0;
    let err = read(&junk).unwrap_err();
    assert_eq!(err.code(), "not_text");
}

#[test]
fn header_only_file_says_so() {
    let err = read(b"Recommendation,Action,Owner,Due\n").unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::NoRows { header_row: 1 }),
        "{err}"
    );
    assert_eq!(err.row(), Some(1));
}

#[test]
fn table_without_a_header_says_what_was_expected() {
    let err = read(b"1,2,3\n4,5,6\n").unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::NoHeader { .. }), "{err}");
    assert!(err.to_string().contains("Recommendation, Action"), "{err}");
}

#[test]
fn ragged_rows_keep_their_extra_cells_with_a_warning() {
    let plan = read(b"Action,Owner\nA,Jo,surprise,\nB\n").unwrap().plan;
    let a = &plan.recommendations[0].actions;
    assert_eq!(a.len(), 2);
    assert_eq!(a[0].extra["Column 3"], "surprise");
    assert!(a[1].owners.is_empty());
    let d = plan
        .import_diagnostics
        .iter()
        .find(|d| d.code == "ragged_row")
        .expect("ragged_row");
    assert_eq!(d.place.row, Some(2));
    assert_eq!(d.place.text.as_deref(), Some("surprise"));
}

#[test]
fn unterminated_quote_keeps_the_text_and_warns() {
    let src = b"Action,Owner\nA,Jo\n\"B is never closed,Sam\nC,Kim\n";
    let plan = read(src).unwrap().plan;
    let all: String = plan
        .actions()
        .map(|(_, a)| a.description.as_str())
        .collect();
    assert!(
        all.contains("C,Kim"),
        "the rest of the file is kept: {all:?}"
    );
    let d = plan
        .import_diagnostics
        .iter()
        .find(|d| d.code == "unterminated_quote")
        .expect("warning");
    assert_eq!(d.place.row, Some(3));
}

#[test]
fn windows_1252_is_detected_and_survives() {
    // “Quoted” – £5k in Windows-1252.
    let src = b"Action,Owner\n\x93Quoted\x94 \x96 \xA35k budget,Finance\n";
    let imported = read(src).unwrap();
    let a = &imported.plan.recommendations[0].actions[0];
    assert_eq!(
        a.description,
        "\u{201c}Quoted\u{201d} \u{2013} \u{a3}5k budget"
    );
    assert!(imported.diagnostics.iter().any(|d| d.code == "encoding"));
}

#[test]
fn mixed_encodings_are_repaired_per_cell_and_reported() {
    let src = "Action,Owner\nCafé plan,Jo\n".as_bytes().to_vec();
    let mut src = src;
    src.extend_from_slice(b"Budget \xA3100,Sam\n");
    let imported = read(&src).unwrap();
    let acts: Vec<_> = imported
        .plan
        .actions()
        .map(|(_, a)| a.description.clone())
        .collect();
    assert_eq!(acts, ["Café plan", "Budget £100"]);
    let d = imported
        .diagnostics
        .iter()
        .find(|d| d.code == "mixed_encoding")
        .unwrap();
    assert_eq!(d.place.row, Some(3));
}

#[test]
fn utf8_bom_and_utf16_are_read() {
    let plan = read("\u{feff}Action,Owner\nA – b,Jo\n".as_bytes())
        .unwrap()
        .plan;
    assert_eq!(plan.recommendations[0].actions[0].description, "A – b");
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "Action\tOwner\r\nÉcrire,Jo\r\n".encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let plan = read(&utf16).unwrap().plan;
    assert_eq!(plan.recommendations[0].actions[0].description, "Écrire,Jo");
}

#[test]
fn a_50_mb_cell_is_kept_whole() {
    let mut src = b"Action,Owner\n\"".to_vec();
    src.extend(std::iter::repeat_n(b'x', 50 * 1024 * 1024));
    src.extend_from_slice(b"\",Jo\n");
    let plan = read(&src).unwrap().plan;
    assert_eq!(
        plan.recommendations[0].actions[0].description.len(),
        50 * 1024 * 1024
    );
    // Diagnostics clip the text they quote.
    let d = validate(&plan, &ValidateOptions::default());
    assert!(d
        .iter()
        .all(|d| d.place.text.as_ref().is_none_or(|t| t.len() < 1000)));
}

#[test]
fn bad_json_has_line_and_column() {
    let err = read(b"{\n  \"recommendations\": [\n    {\"key\": 1}\n  ]\n}").unwrap_err();
    assert_eq!(err.code(), "json");
    assert_eq!(err.row(), Some(3), "{err}");
    let err = read(b"[1, 2]").unwrap_err();
    assert!(err.to_string().contains("item 1"), "{err}");
}

#[test]
fn json_records_are_read_like_a_table() {
    let plan = read(
        br#"[{"Recommendation": "R1", "Action": "A", "Lead": "Jo", "Due": "May 2025"},
                         {"Recommendation": "R1", "Action": "B", "Lead": null, "Due": 2025}]"#,
    )
    .unwrap()
    .plan;
    assert_eq!(plan.action_count(), 2);
    assert_eq!(
        plan.recommendations[0].actions[1]
            .timeframe
            .as_ref()
            .unwrap()
            .text,
        "2025"
    );
}

#[test]
fn explicit_mapping_to_a_missing_column_is_an_error() {
    let err = ImportOptions::new()
        .column("Person", actionplan::model::Role::Owner)
        .read_bytes(b"Action,Owner\nA,B\n")
        .unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::UnknownColumn { .. }),
        "{err}"
    );
    assert_eq!(err.column().as_deref(), Some("Person"));
}

#[test]
fn control_characters_inside_cells_are_replaced_and_reported() {
    // Mostly text, with junk bytes after the first 8 KiB (so the file is still a table).
    let mut src = b"Action,Owner\n".to_vec();
    for i in 0..400 {
        src.extend_from_slice(format!("Action number {i},Officer {i}\n").as_bytes());
    }
    src.extend_from_slice(b"Bad\x01\x02cell,Jo\n");
    let imported = read(&src).unwrap();
    let last = imported.plan.actions().last().unwrap().1;
    assert_eq!(last.description, "Bad\u{FFFD}\u{FFFD}cell");
    let d = imported
        .diagnostics
        .iter()
        .find(|d| d.code == "control_characters")
        .unwrap();
    assert_eq!(d.place.row, Some(402));
    // And the export reads back.
    let csv = actionplan::export::to_csv(&imported.plan);
    assert!(read(csv.as_bytes()).is_ok());
}

#[test]
fn a_header_with_many_unknown_columns_is_still_the_header() {
    let src = "Action,Owner,Cost centre,Budget,Ward,Directorate code,Funding stream\nFix roof,Estates,CC1,£5k,North,D1,Capital\n";
    let plan = read(src.as_bytes()).unwrap().plan;
    assert_eq!(plan.action_count(), 1);
    assert_eq!(
        plan.recommendations[0].actions[0].extra["Funding stream"],
        "Capital"
    );
    // Ragged rows add columns; the export still reads back.
    let ragged = read(b"Action,Owner\nA,Jo,x,y,z,w\n").unwrap().plan;
    let back = read(actionplan::export::to_csv(&ragged).as_bytes())
        .unwrap()
        .plan;
    assert_eq!(back.recommendations[0].actions[0].extra["Column 6"], "w");
}

#[test]
fn the_delimiter_is_the_one_that_shows_a_header() {
    // Every data line has exactly one "|" and one ";" in its text; only the comma gives a header.
    let mut src = String::from("Recommendation,Action,Owner\n");
    for i in 0..10 {
        src.push_str(&format!("R{i},Do a | b; c {i},Jo\n"));
    }
    let plan = read(src.as_bytes()).unwrap().plan;
    assert_eq!(plan.action_count(), 10);
    assert_eq!(
        plan.recommendations[0].actions[0].description,
        "Do a | b; c 0"
    );
}

#[test]
fn a_table_quoted_inside_a_cell_does_not_choose_the_delimiter() {
    // Split on tabs, the pasted text names more columns than the real header, but nothing
    // follows it; split on commas, the real header starts a table. (Found by the fuzzer: the
    // export of such a plan did not read back.)
    let src = "Recommendation,Action,Owner\nR1,Do it,Jo\nR2,\"Pasted from another plan:\nUnique ref\tRecommendation\tAction description\tAssigned to owner\tMonth due to be completed\tAction delivery status\",Sam\n";
    let plan = read(src.as_bytes()).unwrap().plan;
    assert_eq!(plan.action_count(), 2);
    let pasted = &plan.recommendations[1].actions[0].description;
    assert!(pasted.contains("Unique ref\tRecommendation"), "{pasted}");
    let back = read(actionplan::export::to_csv(&plan).as_bytes())
        .unwrap()
        .plan;
    assert_eq!(back.to_json(), plan.to_json());
}

#[test]
fn a_last_row_that_names_columns_is_data_not_the_header() {
    // The last row names more known columns than the header, but nothing follows it: it is an
    // action (found by the fuzzer: an exported plan did not read back).
    let src = "Recommendation,Action,Owner\nR1,Do it,Jo\nRecommendation number,Action description,Assigned to owner,Month due to be completed,Action delivery status\n";
    let plan = read(src.as_bytes()).unwrap().plan;
    assert_eq!(plan.action_count(), 2);
    let last = &plan.recommendations[1].actions[0];
    assert_eq!(last.description, "Action description");
    assert_eq!(last.extra["Column 5"], "Action delivery status");
    let back = read(actionplan::export::to_csv(&plan).as_bytes())
        .unwrap()
        .plan;
    assert_eq!(back.recommendations, plan.recommendations);
}

#[test]
fn a_header_followed_only_by_header_like_rows_does_not_start_a_table() {
    // Split on tabs, two pasted rows of column names look like a header and its repeat, with no
    // data under them; split on commas, the real header has data under it. (Found by the
    // fuzzer: the export of such a plan did not read back.)
    let pasted = "Unique ref\tRecommendation number\tRecommendation\tDefinition\tAction description\tAssigned to owner";
    let src = format!(
        "Recommendation,Action,Owner\nR1,Do it,Jo\nR2,\"{pasted}\",Sam\nR3,\"{pasted}\",Kim\nR4,Last one,\n"
    );
    let plan = read(src.as_bytes()).unwrap().plan;
    assert_eq!(plan.action_count(), 4);
    assert_eq!(plan.recommendations[1].actions[0].description, pasted);
    let back = read(actionplan::export::to_csv(&plan).as_bytes())
        .unwrap()
        .plan;
    assert_eq!(back.recommendations, plan.recommendations);
}

#[test]
fn a_whole_table_quoted_inside_a_cell_does_not_choose_the_delimiter() {
    // Split on tabs, the pasted text is a header with a data row under it (a table, and it
    // names more columns than the real header); but it lies inside a quoted multi-line cell of
    // the comma-separated table, so it is text. (Found by the fuzzer: the export of such a
    // plan did not read back.)
    let pasted = "Pasted:\nUnique ref\tRecommendation\tAction description\tAssigned to owner\tMonth due to be completed\nA1\tBe better\tTry harder\tJo\tMay 2025";
    let src = format!("Recommendation,Action,Owner\nR1,Do it,Jo\nR2,\"{pasted}\",Sam\n");
    let plan = read(src.as_bytes()).unwrap().plan;
    assert_eq!(plan.action_count(), 2);
    assert_eq!(plan.recommendations[1].actions[0].description, pasted);
    assert_eq!(plan.recommendations[1].actions[0].owners, ["Sam"]);
    let back = read(actionplan::export::to_csv(&plan).as_bytes())
        .unwrap()
        .plan;
    assert_eq!(back.recommendations, plan.recommendations);
}

#[test]
fn a_data_row_naming_more_columns_than_the_header_stays_data() {
    // Once the header has data under it, a later row whose cells happen to be column names is
    // a data row, whatever it names: taking it for the header would read the rows above it as
    // the title and lose them. (Found by the fuzzer: the export of such a plan did not read
    // back.)
    let src = "Improvement plan\nRecommendation,Action,Owner\nR1,Do it,Jo\nUnique ref,Action description,Assigned to owner,Month due to be completed,Action delivery status,In progress RAG\nR3,Last one,Kim\n";
    let imported = read(src.as_bytes()).unwrap();
    let plan = imported.plan;
    assert_eq!(plan.action_count(), 3, "{:?}", imported.diagnostics);
    assert_eq!(plan.columns[1].header, "Action");
    let named = &plan.recommendations[1].actions[0];
    assert_eq!(named.description, "Action description");
    assert_eq!(named.extra["Column 6"], "In progress RAG");
    let back = read(actionplan::export::to_csv(&plan).as_bytes())
        .unwrap()
        .plan;
    assert_eq!(back.recommendations, plan.recommendations);
}

//! Lossless round trips on the five example plans: JSON and CSV.

use actionplan::export::to_csv;
use actionplan::import::ImportOptions;
use actionplan::model::Role;
use actionplan::Plan;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn examples() -> Vec<(String, Plan)> {
    let text = std::fs::read_to_string(root().join("tests/fixtures/expected-seeds.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["plans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let file = p["file"].as_str().unwrap().to_string();
            let bytes = std::fs::read(root().join(&file)).unwrap();
            let plan = ImportOptions::new()
                .plan_date(p["plan_date"].as_str().unwrap().parse().unwrap())
                .read_bytes(&bytes)
                .unwrap()
                .plan;
            (file, plan)
        })
        .collect()
}

#[test]
fn json_round_trip_is_identical() {
    for (file, plan) in examples() {
        let json = plan.to_json();
        let back = Plan::from_json(&json).unwrap();
        assert_eq!(back, plan, "{file}");
        assert_eq!(back.to_json(), json, "{file}");
        // Through the generic reader too.
        let again = ImportOptions::new()
            .read_bytes(json.as_bytes())
            .unwrap()
            .plan;
        assert_eq!(again, plan, "{file}");
    }
}

/// Every cell of every action, by column header, as the exporter sees it.
fn cells(plan: &Plan) -> Vec<Vec<(String, String)>> {
    let csv = to_csv(plan);
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv.as_bytes());
    let rows: Vec<Vec<String>> = r
        .records()
        .map(|rec| {
            rec.unwrap()
                .iter()
                .map(|s| actionplan::export::unneutralise(s).to_string())
                .collect()
        })
        .collect();
    let header_at = if plan.meta.title.is_some() { 1 } else { 0 };
    let header = rows[header_at].clone();
    rows[header_at + 1..]
        .iter()
        .map(|row| header.iter().cloned().zip(row.iter().cloned()).collect())
        .collect()
}

#[test]
fn csv_round_trip_keeps_every_cell() {
    for (file, plan) in examples() {
        let csv = to_csv(&plan);
        let back = ImportOptions::new()
            .plan_date(plan.meta.plan_date.unwrap())
            .read_bytes(csv.as_bytes())
            .unwrap_or_else(|e| panic!("{file}: {e}\n{csv}"))
            .plan;
        assert_eq!(back.action_count(), plan.action_count(), "{file}");
        assert_eq!(
            back.recommendations.len(),
            plan.recommendations.len(),
            "{file}"
        );
        assert_eq!(cells(&back), cells(&plan), "{file}");
        // Export is a fixed point after one trip.
        assert_eq!(to_csv(&back), csv, "{file}");
        for ((r1, a1), (r2, a2)) in plan.actions().zip(back.actions()) {
            assert_eq!(r1.title, r2.title, "{file}");
            assert_eq!(r1.theme, r2.theme, "{file}");
            assert_eq!(a1.description, a2.description, "{file}");
            assert_eq!(a1.owners, a2.owners, "{file}");
            assert_eq!(a1.status, a2.status, "{file}");
            assert_eq!(a1.rag, a2.rag, "{file}");
            assert_eq!(a1.timeframe, a2.timeframe, "{file}");
            assert_eq!(a1.extra, a2.extra, "{file}");
            assert_eq!(
                a1.updates.iter().map(|u| &u.text).collect::<Vec<_>>(),
                a2.updates.iter().map(|u| &u.text).collect::<Vec<_>>(),
                "{file}"
            );
        }
    }
}

#[test]
fn unknown_columns_survive_csv_round_trip() {
    let src = "Action,Owner,Due,Cost centre,Notes for scrutiny\nFix roof,Estates,May 2025,CC-104,\"Phase 2,\nsee annex\"\n";
    let plan = ImportOptions::new()
        .read_bytes(src.as_bytes())
        .unwrap()
        .plan;
    assert!(plan
        .columns
        .iter()
        .any(|c| c.header == "Cost centre" && c.role == Role::Extra));
    let back = ImportOptions::new()
        .read_bytes(to_csv(&plan).as_bytes())
        .unwrap()
        .plan;
    let a = &back.recommendations[0].actions[0];
    assert_eq!(a.extra["Cost centre"], "CC-104");
    assert_eq!(a.updates[0].text, "Phase 2,\nsee annex");
}

/// A table of more than 1 MiB with the awkward parts (title row, section rows, merged cells,
/// Windows-1252 bytes, control characters, ragged rows, an unterminated quote at the end).
fn big_awkward_table() -> Vec<u8> {
    let mut out = b"Council improvement plan\nNo,Recommendation,Action,Owner,Due,Status,Progress Q4 2024/25\n".to_vec();
    let mut i = 0;
    while out.len() < (1 << 20) + 200_000 {
        if i % 97 == 0 {
            out.extend_from_slice(format!("{}) Section {i}\n", i / 97 + 1).as_bytes());
        }
        let rec = if i % 4 == 0 {
            format!("{},\"Recommendation {i}, with a comma\"", i / 4 + 1)
        } else {
            ",".to_string()
        };
        let owner = if i % 3 == 0 {
            "Head of Finance / Chief Executive"
        } else {
            ""
        };
        let extra = if i % 50 == 7 { ",ragged cell" } else { "" };
        out.extend_from_slice(
            format!("{rec},  Action {i} \x01 ,{owner},March 2025,In progress,\"Line one\r\nline two {i}\"{extra}\n").as_bytes(),
        );
        if i % 31 == 0 {
            out.extend_from_slice(b",,Caf\xe9 \x93quoted\x94 action,Jo,Q3,Done,ok\n");
        }
        i += 1;
    }
    out.extend_from_slice(b",,\"Never closed,Me,May 2025,Complete,x\n");
    out
}

#[test]
fn two_threads_read_exactly_what_one_thread_reads() {
    let data = big_awkward_table();
    assert!(data.len() > 1 << 20);
    let date = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    let one = ImportOptions::new()
        .plan_date(date)
        .threads(false)
        .read_bytes(&data)
        .unwrap();
    let two = ImportOptions::new()
        .plan_date(date)
        .threads(true)
        .read_bytes(&data)
        .unwrap();
    let streamed = ImportOptions::new()
        .plan_date(date)
        .threads(true)
        .read(std::io::Cursor::new(&data))
        .unwrap();
    assert!(one.plan.action_count() > 5000);
    let codes: Vec<&str> = one.diagnostics.iter().map(|d| d.code.as_str()).collect();
    for code in [
        "encoding",
        "control_characters",
        "ragged_row",
        "unterminated_quote",
    ] {
        assert!(codes.contains(&code), "{code} missing from {codes:?}");
    }
    assert_eq!(one.plan, two.plan);
    assert_eq!(one.diagnostics, two.diagnostics);
    assert_eq!(one.plan.to_json(), streamed.plan.to_json());
}

#[test]
fn two_threads_stop_early_when_there_is_no_header() {
    let data = "lorem ipsum dolor,sit amet\n".repeat(60_000);
    let err = ImportOptions::new()
        .threads(true)
        .read_bytes(data.as_bytes())
        .unwrap_err();
    assert_eq!(err.code(), "no_header");
}

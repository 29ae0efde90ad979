//! Performance indicators: the fixtures in `tests/fixtures/measures/` (CSV and Excel) read to
//! the same measures, rated at their boundaries, counted apart from the actions and shown in
//! the reports and the tracker workbook.

use actionplan::import::ImportOptions;
use actionplan::measures::{
    preset_stats, Direction, FigureNote, Frequency, Measure, Outcome, Polarity,
};
use actionplan::rating::{assess, RuleSet};
use actionplan::stats::{stats, GroupBy};
use actionplan::Plan;
use std::path::PathBuf;

fn fixture(name: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/measures")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn read(name: &str) -> actionplan::import::Imported {
    ImportOptions::new()
        .read_bytes(&fixture(name))
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn by_ref<'a>(plan: &'a Plan, r: &str) -> &'a Measure {
    plan.measures
        .iter()
        .find(|m| m.measure_ref.as_deref() == Some(r))
        .unwrap_or_else(|| panic!("no measure {r}"))
}

const SENTENCE: &str = "Of 11 performance indicators, 8 were rated: 3 are green (38%), 2 are amber (25%), 3 are red (37%). 2 were not assessed this period and 1 has no actual figure.";

#[test]
fn csv_and_excel_read_the_same_measures() {
    let csv = read("plan-with-measures.csv").plan;
    let xlsx = read("plan-with-measures.xlsx").plan;
    assert_eq!(csv.action_count(), 2);
    assert_eq!(xlsx.action_count(), 2);
    assert_eq!(csv.measures.len(), 11);
    assert_eq!(csv.measures, xlsx.measures);
    let only_csv = read("measures-only.csv").plan;
    let only_xlsx = read("measures-only.xlsx").plan;
    assert_eq!(only_csv.action_count(), 0);
    assert_eq!(only_csv.measures.len(), 11);
    assert_eq!(only_csv.measures, only_xlsx.measures);
    assert_eq!(
        only_csv.meta.title.as_deref(),
        Some("Performance indicators: quarter 2 2024/25")
    );
}

#[test]
fn columns_are_read_by_their_roles() {
    let plan = read("plan-with-measures.xlsx").plan;
    let m = by_ref(&plan, "PI 04");
    assert_eq!(m.name, "Council tax collected to date");
    assert_eq!(m.theme.as_deref(), Some("Finance"));
    assert_eq!(m.frequency, Some(Frequency::Quarterly));
    assert_eq!(m.polarity, Some(Polarity::Higher));
    let value = |f: &Option<actionplan::measures::Figure>| f.as_ref().and_then(|f| f.value);
    assert_eq!(value(&m.target), Some(45_000_000.0));
    assert_eq!(value(&m.actual), Some(42_750_000.0));
    assert_eq!(value(&m.previous), Some(21_400_000.0));
    assert_eq!(value(&m.forecast), Some(44_900_000.0));
    assert_eq!(m.target.as_ref().unwrap().unit.as_deref(), Some("£"));
    assert_eq!(m.direction, Some(Direction::Better));
    assert_eq!(m.owner.as_deref(), Some("Director of Finance"));
    assert_eq!(
        m.comments.as_deref(),
        Some("Exactly 5% short of the profile")
    );
    assert_eq!(
        m.extra.get("Directorate").map(|t| t.as_str()),
        Some("Resources")
    );
    let pct = by_ref(&plan, "PI 01");
    assert_eq!(value(&pct.actual), Some(97.5));
    assert_eq!(pct.actual.as_ref().unwrap().unit.as_deref(), Some("%"));
    assert_eq!(
        by_ref(&plan, "PI 07").actual.as_ref().unwrap().note,
        Some(FigureNote::NotAssessed)
    );
    assert_eq!(
        by_ref(&plan, "PI 10").actual.as_ref().unwrap().note,
        Some(FigureNote::Unread)
    );
}

#[test]
fn a_figure_not_read_is_reported_with_its_place() {
    for name in ["plan-with-measures.csv", "plan-with-measures.xlsx"] {
        let imported = read(name);
        let d = imported
            .plan
            .import_diagnostics
            .iter()
            .chain(imported.diagnostics.iter())
            .find(|d| d.code == "measure_figure")
            .unwrap_or_else(|| panic!("{name}: no measure_figure diagnostic"));
        assert_eq!(d.place.row, Some(19), "{name}");
        assert_eq!(d.place.column.as_deref(), Some("Q2 actual"));
        assert_eq!(d.place.text.as_deref(), Some("about 90"));
    }
}

#[test]
fn ratings_at_the_boundaries() {
    let plan = read("plan-with-measures.csv").plan;
    let s = preset_stats(&plan.measures).unwrap();
    let outcome = |r: &str| {
        s.ratings
            .iter()
            .find(|x| x.measure_ref.as_deref() == Some(r))
            .map(|x| (x.outcome, x.label.clone()))
            .unwrap()
    };
    let g = Some("green".to_string());
    let a = Some("amber".to_string());
    let red = Some("red".to_string());
    assert_eq!(outcome("PI 01"), (Outcome::OnTarget, g.clone())); // better, higher
    assert_eq!(outcome("PI 02"), (Outcome::BeyondTolerance, red.clone())); // 24% worse, lower
    assert_eq!(outcome("PI 03"), (Outcome::OnTarget, g.clone())); // exactly on target
    assert_eq!(outcome("PI 04"), (Outcome::WithinTolerance, a.clone())); // exactly 5% short, higher
    assert_eq!(outcome("PI 05"), (Outcome::BeyondTolerance, red.clone())); // 5.05% short
    assert_eq!(outcome("PI 06"), (Outcome::WithinTolerance, a)); // exactly 5% over, lower
    assert_eq!(outcome("PI 07"), (Outcome::NotAssessed, None));
    assert_eq!(outcome("PI 08"), (Outcome::OnTarget, g)); // zero target met
    assert_eq!(outcome("PI 09"), (Outcome::BeyondTolerance, red)); // zero target missed
    assert_eq!(outcome("PI 10"), (Outcome::Missing, None));
    assert_eq!(outcome("PI 11"), (Outcome::NotAssessed, None));
    assert_eq!(s.sentence, SENTENCE);
    let r = s
        .ratings
        .iter()
        .find(|x| x.measure_ref.as_deref() == Some("PI 02"))
        .unwrap();
    assert_eq!(
        r.reason,
        "12.4 against a target of 10 (lower is better): 24% worse than target, beyond the tolerance of 5% of target"
    );
}

#[test]
fn statistics_and_reports_show_them_apart_from_actions() {
    let plan = read("plan-with-measures.csv").plan;
    let a = assess(
        &plan,
        &RuleSet::preset("date-rag").unwrap(),
        "2024-10-15".parse().unwrap(),
    )
    .unwrap();
    let s = stats(&plan, &a, GroupBy::Recommendation);
    assert_eq!(s.plan.actions, 2);
    let m = s.measures.as_ref().unwrap();
    assert_eq!(m.sentence, SENTENCE);
    let json = serde_json::to_value(&s).unwrap();
    assert_eq!(json["measures"]["counts"][1]["count"], 2);
    let md = actionplan::report::markdown(&plan, &a, &s, None);
    assert!(md.contains("## Performance indicators (11)"));
    assert!(md.contains(SENTENCE));
    let html = actionplan::report::html(&plan, &a, &s, None);
    assert!(html.contains(r#"<h2 id="h-measures">Performance indicators (11)</h2>"#));
    // No measures: no section, and nothing new in the JSON.
    let bare = ImportOptions::new()
        .read_bytes(b"Action,Owner,Due\nTrain members,HR,March 2025\n")
        .unwrap()
        .plan;
    let a = assess(
        &bare,
        &RuleSet::preset("date-rag").unwrap(),
        "2024-10-15".parse().unwrap(),
    )
    .unwrap();
    let s = stats(&bare, &a, GroupBy::Recommendation);
    assert!(s.measures.is_none());
    assert!(!serde_json::to_string(&s).unwrap().contains("measures"));
    assert!(!bare.to_json().contains("measures"));
    assert!(!actionplan::report::markdown(&bare, &a, &s, None).contains("Performance indicators"));
}

#[test]
fn measures_survive_the_json_round_trip() {
    let plan = read("plan-with-measures.xlsx").plan;
    let back = Plan::from_json(&plan.to_json()).unwrap();
    assert_eq!(back.measures, plan.measures);
}

#[test]
fn prose_naming_indicators_is_still_not_a_plan() {
    let prose = "The indicator, target and actual were discussed at length.\n\
                 Members asked whether the measure, its target and the actual figure were right.\n\
                 Officers agreed to report back, with an update, next quarter.\n";
    assert!(ImportOptions::new().read_bytes(prose.as_bytes()).is_err());
    // A header of indicators with nothing numeric under it is not a plan either.
    let words = "Indicator,Target,Actual\nSomething,Something else,Another thing\n";
    assert!(ImportOptions::new().read_bytes(words.as_bytes()).is_err());
}

#[cfg(feature = "xlsx-writer")]
#[test]
fn the_tracker_has_a_measures_sheet() {
    use calamine::Reader;
    let plan = read("plan-with-measures.csv").plan;
    let a = assess(
        &plan,
        &RuleSet::preset("date-rag").unwrap(),
        "2024-10-15".parse().unwrap(),
    )
    .unwrap();
    let s = stats(&plan, &a, GroupBy::Recommendation);
    let bytes = actionplan::report::rated_tracker_xlsx(&plan, &a, &s).unwrap();
    let mut wb: calamine::Xlsx<_> = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(wb.sheet_names(), ["Actions", "Summary", "Measures"]);
    let sheet = wb.worksheet_range("Measures").unwrap();
    let cell = |r: u32, c: u32| {
        sheet
            .get_value((r, c))
            .map(|v| v.to_string())
            .unwrap_or_default()
    };
    assert_eq!(cell(0, 1), "Indicator");
    assert_eq!(cell(1, 0), "PI 01");
    assert_eq!(cell(1, 7), "0.975");
    assert_eq!(cell(2, 12), "Red");
    assert!(cell(2, 13).starts_with("12.4 against a target of 10"));
}

/// The golden files every door is checked against: `tests/golden/measures/` holds the plan
/// with measures (`plan-with-measures.csv`) as canonical JSON, its statistics (date-rag, by
/// recommendation, as of 2024-10-15) and its Markdown report. `UPDATE_GOLDEN=1` rewrites them.
#[test]
fn golden_files_for_a_plan_with_measures() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/golden/measures");
    let plan = ImportOptions::new()
        .plan_date("2024-04-01".parse().unwrap())
        .read_bytes(&fixture("plan-with-measures.csv"))
        .unwrap()
        .plan;
    let as_of = "2024-10-15".parse().unwrap();
    let a = assess(&plan, &RuleSet::preset("date-rag").unwrap(), as_of).unwrap();
    let s = stats(&plan, &a, GroupBy::Recommendation);
    let files = [
        ("plan.json", plan.to_json() + "\n"),
        (
            "stats.json",
            serde_json::to_string_pretty(&s).unwrap() + "\n",
        ),
        (
            "report.md",
            actionplan::report::markdown(&plan, &a, &s, None),
        ),
    ];
    for (name, got) in files {
        let path = dir.join(name);
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (UPDATE_GOLDEN=1 writes it)", path.display()));
        assert!(
            got == want,
            "tests/golden/measures/{name} differs (UPDATE_GOLDEN=1 rewrites it; review the diff)"
        );
    }
}

#[test]
fn a_table_of_indicators_after_a_wide_table_of_actions() {
    // Rows of a workbook are as wide as its widest table: 14 cells here.
    let pad = ",".repeat(9);
    let csv = format!(
        "Ref,Action,Owner,Due,Status,Progress,RAG,Lead member,Theme,Evidence,Comments,Q1,Q2,Q3\n\
         1,Review the constitution,Monitoring Officer,March 2025,In progress,Started,Green,Cllr A,Governance,Minutes,None,a,b,c\n\
         {pad},,,,\n\
         Indicator,Target,Actual,Polarity,Unit{pad}\n\
         Staff turnover,10%,12%,Lower is better,%{pad}\n"
    );
    let plan = ImportOptions::new()
        .read_bytes(csv.as_bytes())
        .unwrap()
        .plan;
    assert_eq!(plan.action_count(), 1);
    assert_eq!(plan.measures.len(), 1);
    let s = preset_stats(&plan.measures).unwrap();
    assert_eq!(s.ratings[0].outcome, Outcome::BeyondTolerance);
}

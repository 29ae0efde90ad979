//! The tracker workbook for `actionplan report -o tracker.xlsx`: the core's writer, wired.

use actionplan::rating::Assessment;
use actionplan::stats::Stats;
use actionplan::Plan;

/// True when the report should be a tracker workbook: `--to xlsx`, or an output file ending in
/// `.xlsx`.
pub fn wanted(to: Option<&str>, output: Option<&str>) -> bool {
    match to {
        Some(t) => t.eq_ignore_ascii_case("xlsx") || t.eq_ignore_ascii_case("excel"),
        None => output.is_some_and(|o| o.to_ascii_lowercase().ends_with(".xlsx")),
    }
}

/// The tracker's bytes: one row per action with its rating and reason, and a summary sheet.
pub fn xlsx(plan: &Plan, assessment: &Assessment, stats: &Stats) -> Result<Vec<u8>, String> {
    actionplan::report::rated_tracker_xlsx(plan, assessment, stats).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chosen_by_extension_or_flag() {
        assert!(wanted(None, Some("out/Tracker.XLSX")));
        assert!(wanted(Some("xlsx"), None));
        assert!(!wanted(Some("html"), Some("x.xlsx")));
        assert!(!wanted(None, Some("report.html")));
        assert!(!wanted(None, None));
    }
}

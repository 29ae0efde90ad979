//! The rated actions as CSV, safe to open in a spreadsheet.

use super::label_name;
use crate::export::push_record;
use crate::model::Plan;
use crate::rating::{push_date, Assessment};

/// The rated actions as CSV (UTF-8, RFC 4180, a header row, one row per action): ref,
/// recommendation, action, owner, lead member, timeframe, deadline, status, reported RAG,
/// rating, rule, reason, overdue strength and days, original deadline, percent complete,
/// latest comment, then the plan's other columns. Every cell that a spreadsheet would run as a
/// formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) is prefixed with `'`.
///
/// ```
/// use actionplan::{Action, Plan, Recommendation, rating::{assess, RuleSet}, report::rated_csv};
/// let mut plan = Plan::default();
/// let mut rec = Recommendation::new("1", "t");
/// rec.actions.push(Action::new("=HYPERLINK(\"http://x\",\"click\")"));
/// plan.recommendations.push(rec);
/// plan.assign_refs();
/// let a = assess(&plan, &RuleSet::preset("date-rag").unwrap(), "2025-03-31".parse().unwrap()).unwrap();
/// let csv = rated_csv(&plan, &a);
/// assert!(csv.contains("\"'=HYPERLINK("));
/// ```
pub fn rated_csv(plan: &Plan, a: &Assessment) -> String {
    // The plan's other columns, each once, in order (as a BTreeSet would give them).
    let mut extras: Vec<&str> = plan
        .actions()
        .flat_map(|(_, act)| act.extra.keys().map(|k| k.as_str()))
        .collect();
    crate::lean::sort::sort_by(&mut extras, |a, b| a.cmp(b));
    extras.dedup();
    let mut out = String::new();
    let mut header: Vec<String> = [
        "Ref",
        "Recommendation",
        "Recommendation title",
        "Theme",
        "Action",
        "Owner",
        "Lead member",
        "Timeframe",
        "Deadline",
        "Status",
        "Reported RAG",
        "Rating",
        "Rule",
        "Reason",
        "Overdue",
        "Days overdue",
        "Days to deadline",
        "Original deadline",
        "Percent complete",
        "Latest comment",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    header.extend(extras.iter().map(|s| s.to_string()));
    push_record(&mut out, &header);
    let date = |d: Option<chrono::NaiveDate>| {
        let mut s = String::new();
        if let Some(d) = d {
            push_date(&mut s, d);
        }
        s
    };
    for r in &a.actions {
        let Some(rec) = plan.recommendations.get(r.recommendation_index) else {
            continue;
        };
        let Some(act) = rec.actions.get(r.action_index) else {
            continue;
        };
        let f = &r.facts;
        let mut row: Vec<String> = vec![
            act.action_ref.to_string(),
            rec.key.to_string(),
            rec.title.to_string(),
            text(&rec.theme),
            act.description.to_string(),
            text(&act.owner),
            text(&act.lead_member),
            act.timeframe
                .as_ref()
                .map(|t| t.text.clone())
                .unwrap_or_default(),
            date(f.due),
            act.status
                .as_ref()
                .map(|s| s.label().to_string())
                .unwrap_or_default(),
            text(&act.rag),
            label_name(a, r.rating.as_deref()).to_string(),
            r.reason.rule.as_deref().unwrap_or("").to_string(),
            r.reason.text.clone(),
            // A closed action is neither overdue nor due.
            f.open_overdue()
                .map(|o| o.as_str().to_string())
                .unwrap_or_default(),
            f.open_days_overdue()
                .filter(|d| *d > 0)
                .map(|d| d.to_string())
                .unwrap_or_default(),
            f.open_days_to_due()
                .filter(|d| *d >= 0)
                .map(|d| d.to_string())
                .unwrap_or_default(),
            date(f.original_due),
            f.percent.map(crate::fmt::fmt_num).unwrap_or_default(),
            act.latest_update()
                .map(|u| u.text.to_string())
                .unwrap_or_default(),
        ];
        row.extend(
            extras
                .iter()
                .map(|k| act.extra.get(*k).map(|v| v.to_string()).unwrap_or_default()),
        );
        push_record(&mut out, &row);
    }
    out
}

/// An optional text as a cell (empty when absent).
fn text(t: &Option<crate::Text>) -> String {
    t.as_deref().unwrap_or_default().to_string()
}

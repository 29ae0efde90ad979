//! Writing a plan back out as CSV, losslessly and safely.
//!
//! [`to_csv`] writes one row per action with the plan's own columns in their own order (the
//! recommendation written on every row), so that importing the CSV again gives every cell back,
//! including columns the model does not know. A recommendation with no actions gets a row of
//! its own. Themes that came from section rows get a `Theme` column.
//!
//! Cells that Excel would run as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage
//! return) are written with a leading `'`, which Excel shows as text; the importer removes that
//! one quote again, so the round trip is exact.
//!
//! ```
//! use actionplan::import::ImportOptions;
//! use actionplan::export::to_csv;
//!
//! let src = "Action,Owner,Due,Budget code\nDo it,Jo / Sam,May 2025,=1+1\n";
//! let plan = ImportOptions::new().read_bytes(src.as_bytes()).unwrap().plan;
//! let csv = to_csv(&plan);
//! assert!(csv.contains("'=1+1"));
//! let again = ImportOptions::new().read_bytes(csv.as_bytes()).unwrap().plan;
//! assert_eq!(again.recommendations[0].actions[0].extra["Budget code"], "=1+1");
//! assert_eq!(again.recommendations[0].actions[0].owners, ["Jo", "Sam"]);
//! ```

use crate::model::{Action, Column, Plan, Recommendation, Role};

/// Prefix a cell that a spreadsheet would run as a formula with `'`.
///
/// ```
/// assert_eq!(actionplan::export::neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
/// assert_eq!(actionplan::export::neutralise("- a bullet"), "'- a bullet");
/// assert_eq!(actionplan::export::neutralise("plain"), "plain");
/// ```
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    if needs_quote(cell) || (cell.starts_with('\'') && needs_quote(&cell[1..])) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

fn needs_quote(cell: &str) -> bool {
    matches!(
        cell.chars().next(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r')
    )
}

/// Undo [`neutralise`]: remove one leading `'` before a formula character (or before another
/// `'` that itself guards one).
///
/// ```
/// assert_eq!(actionplan::export::unneutralise("'=1+1"), "=1+1");
/// assert_eq!(actionplan::export::unneutralise("'tis"), "'tis");
/// ```
pub fn unneutralise(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_quote(rest) || (rest.starts_with('\'') && needs_quote(&rest[1..])) => {
            rest
        }
        _ => cell,
    }
}

/// Append one CSV record, every cell made formula-safe by [`neutralise`]
/// (the writing itself: [`crate::lean::csv_write`]).
pub(crate) fn push_record(out: &mut String, cells: &[String]) {
    crate::lean::csv_write::push_record(out, cells.iter().map(|c| neutralise(c)));
}

/// The columns to write: the plan's own, or a standard set for a plan built in code.
fn columns(plan: &Plan) -> Vec<Column> {
    let mut cols: Vec<Column> = if plan.columns.is_empty() {
        let col = |h: &str, role| Column {
            header: h.to_string(),
            role,
            period: None,
        };
        let mut c = vec![
            col("Recommendation ref", Role::RecommendationRef),
            col("Recommendation", Role::Recommendation),
            col("Ref", Role::Ref),
            col("Action", Role::Action),
            col("Owner", Role::Owner),
            col("Lead member", Role::LeadMember),
            col("Due", Role::Timeframe),
            col("Status", Role::Status),
            col("RAG", Role::Rag),
            col("% complete", Role::Percent),
            col("Evidence", Role::Evidence),
        ];
        let mut periods: Vec<(Option<String>, String)> = Vec::new();
        for (_, a) in plan.actions() {
            for u in &a.updates {
                let h = u.column.as_deref().unwrap_or("Update");
                if !periods.iter().any(|(_, x)| *x == h) {
                    periods.push((u.period.as_deref().map(str::to_string), h.to_string()));
                }
            }
        }
        if periods.is_empty() {
            periods.push((None, "Update".into()));
        }
        for (p, h) in periods {
            c.push(Column {
                header: h,
                role: Role::Update,
                period: p,
            });
        }
        c
    } else {
        plan.columns.clone()
    };
    let has = |cols: &[Column], r| cols.iter().any(|c| c.role == r);
    if !has(&cols, Role::Theme) && plan.recommendations.iter().any(|r| r.theme.is_some()) {
        cols.insert(
            0,
            Column {
                header: unique(&cols, "Theme"),
                role: Role::Theme,
                period: None,
            },
        );
    }
    if !has(&cols, Role::Definition) && plan.recommendations.iter().any(|r| r.definition.is_some())
    {
        let at = cols
            .iter()
            .position(|c| c.role == Role::Recommendation)
            .map(|i| i + 1)
            .unwrap_or(0);
        cols.insert(
            at,
            Column {
                header: unique(&cols, "Definition"),
                role: Role::Definition,
                period: None,
            },
        );
    }
    // Extra keys with no column (a plan from JSON or code): add them at the end.
    for (_, a) in plan.actions() {
        for k in a.extra.keys() {
            if !cols.iter().any(|c| c.header == *k) {
                cols.push(Column {
                    header: k.to_string(),
                    role: Role::Extra,
                    period: None,
                });
            }
        }
    }
    cols
}

fn unique(cols: &[Column], name: &str) -> String {
    let mut n = name.to_string();
    let mut i = 2;
    while cols.iter().any(|c| c.header == n) {
        n = format!("{name} ({i})");
        i += 1;
    }
    n
}

fn cell(rec: &Recommendation, a: Option<&Action>, c: &Column, has_status_col: bool) -> String {
    let from_extra = |a: &Action| a.extra.get(c.header.as_str()).map(|t| t.to_string());
    let text = |t: &Option<crate::Text>| t.as_deref().map(str::to_string).unwrap_or_default();
    match c.role {
        Role::RecommendationRef => rec.key.to_string(),
        Role::Recommendation => rec.title.to_string(),
        Role::Definition => a
            .and_then(from_extra)
            .unwrap_or_else(|| text(&rec.definition)),
        Role::Theme => a.and_then(from_extra).unwrap_or_else(|| text(&rec.theme)),
        _ => {
            let Some(a) = a else { return String::new() };
            match c.role {
                Role::Ref if a.ref_generated => String::new(),
                Role::Ref => a.action_ref.to_string(),
                Role::Action => a.description.to_string(),
                Role::Owner => text(&a.owner),
                Role::LeadMember => text(&a.lead_member),
                Role::Timeframe => a
                    .timeframe
                    .as_ref()
                    .map(|t| t.text.clone())
                    .unwrap_or_default(),
                Role::OriginalDue => a
                    .original_due
                    .as_ref()
                    .map(|t| t.text.clone())
                    .unwrap_or_default(),
                Role::Status => a
                    .status_text
                    .as_deref()
                    .map(str::to_string)
                    .unwrap_or_else(|| {
                        a.status
                            .as_ref()
                            .map(|s| s.label().to_string())
                            .unwrap_or_default()
                    }),
                Role::Rag => a.rag.as_deref().map(str::to_string).unwrap_or_else(|| {
                    if has_status_col {
                        String::new()
                    } else {
                        text(&a.status_text)
                    }
                }),
                Role::Percent => a
                    .percent_complete
                    .map(|p| format!("{p}%"))
                    .or_else(|| from_extra(a))
                    .unwrap_or_default(),
                Role::Update => a
                    .updates
                    .iter()
                    .find(|u| u.column.as_deref() == Some(c.header.as_str()))
                    .map(|u| u.text.to_string())
                    .unwrap_or_default(),
                Role::Evidence => text(&a.evidence),
                Role::FurtherOptions => text(&a.further_options),
                _ => from_extra(a).unwrap_or_default(),
            }
        }
    }
}

/// Write the plan as CSV (UTF-8, RFC 4180, formula-safe).
///
/// ```
/// let plan = actionplan::import::ImportOptions::new()
///     .read_bytes(b"Recommendation,Action\nR1,A1\nR1,A2\n").unwrap().plan;
/// let csv = actionplan::export::to_csv(&plan);
/// assert_eq!(csv, "Recommendation,Action\nR1,A1\nR1,A2\n");
/// ```
pub fn to_csv(plan: &Plan) -> String {
    let cols = columns(plan);
    let has_status_col = cols.iter().any(|c| c.role == Role::Status);
    let mut out = String::new();
    if let Some(title) = plan.meta.title.as_ref().filter(|t| !t.trim().is_empty()) {
        let mut row = vec![String::new(); cols.len().max(1)];
        row[0] = title.clone();
        push_record(&mut out, &row);
    }
    let header: Vec<String> = cols.iter().map(|c| c.header.clone()).collect();
    push_record(&mut out, &header);
    for rec in &plan.recommendations {
        if rec.actions.is_empty() {
            let row: Vec<String> = cols
                .iter()
                .map(|c| cell(rec, None, c, has_status_col))
                .collect();
            push_record(&mut out, &row);
        }
        for a in &rec.actions {
            let row: Vec<String> = cols
                .iter()
                .map(|c| cell(rec, Some(a), c, has_status_col))
                .collect();
            push_record(&mut out, &row);
        }
    }
    out
}

//! The owners' returned workbooks read back into the next version of the plan.
//!
//! Each row is matched to its action by the hidden row key (position in the plan and ref);
//! the locked columns are compared with the plan; status, RAG, due date (with its reason) and
//! the update are taken when they changed. Problems are diagnostics whose message starts with
//! the file and sheet, and whose place is the row, column and cell text.

use super::{
    col, due_cell, fingerprint, locked_texts, row_key, status_text, COLUMNS, ORIGINAL_DUE_COLUMN,
    REASON_COLUMN, SHEET_ABOUT, SHEET_ACTIONS, TEMPLATE_MARK,
};
use crate::diagnostic::{Diagnostic, Place, Severity};
use crate::model::{Action, Column, Plan, ProgressUpdate, RagWord, Role, Status};
use crate::office::limits::Limits;
use crate::office::xlsx_in::sheet_rows;
use crate::text::Text;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A returned workbook: its file name (used in messages) and its bytes.
///
/// ```
/// let r = actionplan::owners::Returned { name: "Jo.xlsx".into(), bytes: vec![] };
/// assert_eq!(r.name, "Jo.xlsx");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Returned {
    /// The file name, as the messages should name it.
    pub name: String,
    /// The `.xlsx` bytes.
    pub bytes: Vec<u8>,
}

/// How to write the next version.
///
/// ```
/// let o = actionplan::owners::MergeOptions { as_of: Some("2025-06-30".parse().unwrap()), period: Some("Q1 2025/26".into()) };
/// assert!(o.period.is_some());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeOptions {
    /// The date the new updates describe (the next version's as-of date).
    pub as_of: Option<NaiveDate>,
    /// The period the new updates are for ("Q1 2025/26"): it names the new update column.
    pub period: Option<String>,
}

/// One change taken from an owner's workbook.
///
/// ```
/// let c = actionplan::owners::FieldChange { action_ref: "A1".into(), field: "status".into(), from: Some("In progress".into()), to: "Complete".into(), reason: None, file: "Jo.xlsx".into(), row: 2 };
/// assert_eq!(c.field, "status");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    /// The action's ref.
    #[serde(rename = "ref")]
    pub action_ref: String,
    /// What changed: `status`, `rag`, `due` or `update`.
    pub field: String,
    /// The value before (`None` when blank).
    pub from: Option<String>,
    /// The value after.
    pub to: String,
    /// The reason given, for a moved date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The workbook it came from.
    pub file: String,
    /// The row in that workbook's sheet (1-based).
    pub row: usize,
}

/// What a merge gives: the next version, every change taken, and the problems found.
///
/// ```
/// let m = actionplan::owners::merge(&actionplan::Plan::default(), &[], &Default::default());
/// assert!(m.changes.is_empty() && m.diagnostics.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    /// The next version of the plan.
    pub plan: Plan,
    /// Every change taken, in plan order.
    pub changes: Vec<FieldChange>,
    /// Conflicts and other problems, each with its file and sheet (in the message; the file in
    /// `place.file` too) and its row, column and text (in the place).
    pub diagnostics: Vec<Diagnostic>,
}

/// A value an owner gave for one field of one action.
#[derive(Debug, Clone)]
struct Proposal {
    value: String,
    /// For a due date: the date read from it (compared between owners).
    date: Option<NaiveDate>,
    reason: Option<String>,
    file: String,
    row: usize,
}

/// The fields an owner can change.
const FIELDS: [(&str, usize); 4] = [
    ("status", col::STATUS),
    ("rag", col::RAG),
    ("due", col::DUE),
    ("update", col::UPDATE),
];

/// Read the returned workbooks and build the next version of `plan`.
///
/// A change two workbooks make differently is not taken (`conflicting_updates`, an error);
/// edits to locked columns are not taken (`locked_cell_edited`); a moved date with no reason
/// is taken and flagged (`date_moved_without_reason`); rows whose key matches no action are
/// left out (`unknown_row`); a workbook made from another version of the plan is read, with a
/// warning (`other_plan_version`); a file that is not an update workbook is skipped
/// (`not_an_update_workbook`).
///
/// ```
/// use actionplan::import::ImportOptions;
/// use actionplan::owners::{merge, template, Returned};
/// let csv = "Ref,Action,Owner,Due,Status\nA1,Review terms of reference,Jo,31/03/2025,In progress\n";
/// let plan = ImportOptions::new().read_bytes(csv.as_bytes()).unwrap().plan;
/// let books = template(&plan).unwrap();
/// let back: Vec<Returned> = books.into_iter().map(|b| Returned { name: b.file_name, bytes: b.bytes }).collect();
/// let m = merge(&plan, &back, &Default::default());
/// assert!(m.changes.is_empty(), "nothing was filled in");
/// assert!(m.diagnostics.is_empty(), "{:?}", m.diagnostics);
/// ```
pub fn merge(plan: &Plan, workbooks: &[Returned], opts: &MergeOptions) -> Merged {
    let actions: Vec<(&crate::Recommendation, &Action)> = plan.actions().collect();
    let print = fingerprint(plan);
    let mut diagnostics = Vec::new();
    // (action index, field) → proposals
    let mut proposals: BTreeMap<(usize, usize), Vec<Proposal>> = BTreeMap::new();
    for wb in workbooks {
        let from = diagnostics.len();
        read_one(plan, &actions, &print, wb, &mut proposals, &mut diagnostics);
        for d in &mut diagnostics[from..] {
            d.place.file.get_or_insert_with(|| wb.name.clone());
        }
    }

    let mut next = plan.clone();
    let mut changes = Vec::new();
    let update_header = new_update_header(plan, opts);
    let (mut any_update, mut any_move) = (false, false);
    let mut flat: Vec<&mut Action> = next
        .recommendations
        .iter_mut()
        .flat_map(|r| r.actions.iter_mut())
        .collect();
    for ((i, field), props) in &proposals {
        let Some(a) = flat.get_mut(*i) else { continue };
        let (name, _) = FIELDS
            .iter()
            .find(|(_, c)| c == field)
            .copied()
            .unwrap_or(("", 0));
        let same = |p: &Proposal, q: &Proposal| match (p.date, q.date) {
            (Some(x), Some(y)) => x == y,
            _ => p.value.trim() == q.value.trim(),
        };
        if let Some(other) = props.iter().find(|p| !same(p, &props[0])) {
            let first = &props[0];
            diagnostics.push(
                Diagnostic::new(
                    "conflicting_updates",
                    Severity::Error,
                    format!(
                        "\"{}\", sheet \"{SHEET_ACTIONS}\": the {} of {} is {:?} here but {:?} in \
                         \"{}\" (row {}); neither is taken",
                        other.file,
                        label(name),
                        a.action_ref,
                        other.value,
                        first.value,
                        first.file,
                        first.row
                    ),
                )
                .at(Place::cell(other.row, COLUMNS[*field].0, &other.value)
                    .with_ref(a.action_ref.as_str())
                    .with_file(other.file.as_str()))
                .hint("agree the value with both owners and edit the merged plan"),
            );
            continue;
        }
        let p = &props[0];
        let from = match *field {
            col::STATUS => Some(status_text(a)),
            col::RAG => a.rag.as_deref().map(str::to_string),
            col::DUE => a.timeframe.as_ref().map(|t| t.text.clone()),
            _ => a.latest_update().map(|u| u.text.to_string()),
        }
        .filter(|s| !s.is_empty());
        match *field {
            col::STATUS => a.set_status(&p.value),
            col::RAG => a.rag = Some(p.value.trim().into()),
            col::DUE => {
                let tf = crate::timeframe::parse(
                    p.value.trim(),
                    plan.meta.plan_date,
                    &Default::default(),
                );
                if a.original_due.is_none() {
                    a.original_due = a.timeframe.clone();
                }
                a.timeframe = Some(tf.into());
                if let Some(r) = &p.reason {
                    a.extra.insert(REASON_COLUMN.into(), r.as_str().into());
                }
                any_move = true;
            }
            _ => {
                a.updates.push(ProgressUpdate {
                    period: opts.period.as_deref().map(Text::from),
                    as_of: opts.as_of,
                    text: p.value.trim().into(),
                    column: Some(update_header.as_str().into()),
                });
                any_update = true;
            }
        }
        changes.push(FieldChange {
            action_ref: a.action_ref.to_string(),
            field: name.to_string(),
            from,
            to: p.value.trim().to_string(),
            reason: p.reason.clone(),
            file: p.file.clone(),
            row: p.row,
        });
    }
    drop(flat);
    add_columns(&mut next, any_update, any_move, &update_header, opts);
    if opts.as_of.is_some() {
        next.meta.as_of = opts.as_of;
    }
    if opts.period.is_some() {
        next.meta.period.clone_from(&opts.period);
    }
    Merged {
        plan: next,
        changes,
        diagnostics,
    }
}

fn label(field: &str) -> &str {
    match field {
        "status" => "status",
        "rag" => "RAG",
        "due" => "due date",
        _ => "update",
    }
}

/// The header of the new update column: "Update <period>", else "Update <date>", else
/// "Update from owners"; made distinct from the plan's headers.
fn new_update_header(plan: &Plan, opts: &MergeOptions) -> String {
    let base = match (&opts.period, opts.as_of) {
        (Some(p), _) => format!("Update {p}"),
        (None, Some(d)) => format!("Update {d}"),
        _ => "Update from owners".to_string(),
    };
    let mut h = base.clone();
    let mut n = 2;
    while plan.columns.iter().any(|c| c.header == h) {
        h = format!("{base} ({n})");
        n += 1;
    }
    h
}

/// Give the next version the columns its new values live in: the new update column after the
/// last update column, the original due date before the due date, the reason after it.
fn add_columns(plan: &mut Plan, update: bool, moved: bool, header: &str, opts: &MergeOptions) {
    if plan.columns.is_empty() {
        return;
    }
    let column = |h: &str, role| Column {
        header: h.to_string(),
        role,
        period: None,
    };
    if update {
        let at = plan
            .columns
            .iter()
            .rposition(|c| c.role == Role::Update)
            .map(|i| i + 1)
            .unwrap_or(plan.columns.len());
        let mut c = column(header, Role::Update);
        c.period.clone_from(&opts.period);
        plan.columns.insert(at, c);
    }
    if moved {
        let due = plan.columns.iter().position(|c| c.role == Role::Timeframe);
        if !plan.columns.iter().any(|c| c.role == Role::OriginalDue) {
            let at = due.unwrap_or(plan.columns.len());
            plan.columns
                .insert(at, column(ORIGINAL_DUE_COLUMN, Role::OriginalDue));
        }
        if !plan.columns.iter().any(|c| c.header == REASON_COLUMN) {
            let at = plan
                .columns
                .iter()
                .position(|c| c.role == Role::Timeframe)
                .map(|i| i + 1)
                .unwrap_or(plan.columns.len());
            plan.columns.insert(at, column(REASON_COLUMN, Role::Extra));
        }
    }
}

fn problem(file: &str, code: &str, severity: Severity, message: String) -> Diagnostic {
    Diagnostic::new(
        code,
        severity,
        format!("\"{file}\", sheet \"{SHEET_ACTIONS}\": {message}"),
    )
}

fn read_one(
    plan: &Plan,
    actions: &[(&crate::Recommendation, &Action)],
    print: &str,
    wb: &Returned,
    proposals: &mut BTreeMap<(usize, usize), Vec<Proposal>>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let file = wb.name.as_str();
    let limits = Limits::default();
    let skip = |why: String| {
        Diagnostic::new(
            "not_an_update_workbook",
            Severity::Error,
            format!("\"{file}\": {why}; the file was skipped"),
        )
        .hint("return the workbook made by `actionplan template`, with its sheets as they were")
    };
    let rows = match sheet_rows(&wb.bytes, SHEET_ACTIONS, &limits) {
        Ok(Some(rows)) => rows,
        Ok(None) => {
            diagnostics.push(skip(format!("it has no sheet \"{SHEET_ACTIONS}\"")));
            return;
        }
        Err(e) => {
            diagnostics.push(skip(format!("it could not be read ({e})")));
            return;
        }
    };
    let about = sheet_rows(&wb.bytes, SHEET_ABOUT, &limits)
        .ok()
        .flatten()
        .unwrap_or_default();
    let value = |key: &str| {
        about
            .iter()
            .find(|r| r.cells.first().map(|c| c.trim()) == Some(key))
            .and_then(|r| r.cells.get(1).cloned())
    };
    if value(TEMPLATE_MARK).is_none() {
        diagnostics.push(skip(format!(
            "its hidden sheet \"{SHEET_ABOUT}\" is missing or changed, so it is not an update \
             workbook"
        )));
        return;
    }
    if value("Plan fingerprint").as_deref().map(str::trim) != Some(print) {
        diagnostics.push(problem(
            file,
            "other_plan_version",
            Severity::Warning,
            "the workbook was made from a different version of the plan; rows are matched by \
             their refs"
                .into(),
        ));
    }
    // Columns by header (the sheet is protected, but a copy-paste can move them).
    let Some(header) = rows.first() else {
        diagnostics.push(skip(format!("the sheet \"{SHEET_ACTIONS}\" is empty")));
        return;
    };
    let mut at = [usize::MAX; COLUMNS.len()];
    for (j, (h, _)) in COLUMNS.iter().enumerate() {
        at[j] = header
            .cells
            .iter()
            .position(|c| c.trim() == *h)
            .unwrap_or(usize::MAX);
    }
    if at[col::KEY] == usize::MAX {
        diagnostics.push(skip(format!(
            "the sheet \"{SHEET_ACTIONS}\" has no column \"{}\"",
            COLUMNS[col::KEY].0
        )));
        return;
    }
    for row in rows.iter().skip(1) {
        let cell = |j: usize| -> String {
            row.cells
                .get(at[j])
                .map(|c| c.trim().to_string())
                .unwrap_or_default()
        };
        if row.cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let key = cell(col::KEY);
        let Some(i) = resolve(actions, &key) else {
            let shown = if key.is_empty() {
                cell(col::REF)
            } else {
                key.clone()
            };
            diagnostics.push(
                problem(
                    file,
                    "unknown_row",
                    Severity::Warning,
                    format!(
                        "row {} matches no action of the plan (its key is {:?}); it was left out",
                        row.line, shown
                    ),
                )
                .at(Place::cell(row.line, COLUMNS[col::KEY].0, &shown)),
            );
            continue;
        };
        let (rec, a) = actions[i];
        let place = |j: usize, text: &str| {
            Place::cell(row.line, COLUMNS[j].0, text).with_ref(a.action_ref.as_str())
        };
        for (j, want) in locked_texts(rec, a).iter().enumerate() {
            let got = cell(j);
            if at[j] != usize::MAX && squash(&got) != squash(want) {
                diagnostics.push(
                    problem(
                        file,
                        "locked_cell_edited",
                        Severity::Warning,
                        format!(
                            "the {} column of {} was changed to {:?}; the plan's columns are not \
                             merged, so the plan keeps {:?}",
                            COLUMNS[j].0, a.action_ref, got, want
                        ),
                    )
                    .at(place(j, &got))
                    .hint("put corrections to the plan's wording in the update"),
                );
            }
        }
        let mut propose =
            |j: usize, value: String, date: Option<NaiveDate>, reason: Option<String>| {
                proposals.entry((i, j)).or_default().push(Proposal {
                    value,
                    date,
                    reason,
                    file: file.to_string(),
                    row: row.line,
                });
            };
        // Status
        let status = cell(col::STATUS);
        if at[col::STATUS] != usize::MAX && !status.is_empty() && status != status_text(a) {
            if Status::parse(&status).is_some()
                || known(plan, &status, |a| a.status_text.as_deref())
            {
                propose(col::STATUS, status, None, None);
            } else {
                diagnostics.push(
                    problem(
                        file,
                        "unknown_status",
                        Severity::Warning,
                        format!(
                            "{:?} is not a status word; the status of {} was left as it was",
                            status, a.action_ref
                        ),
                    )
                    .at(place(col::STATUS, &status)),
                );
            }
        }
        // RAG
        let rag = cell(col::RAG);
        if at[col::RAG] != usize::MAX
            && !rag.is_empty()
            && rag != a.rag.as_deref().unwrap_or("").trim()
        {
            if RagWord::parse(&rag).is_some() || known(plan, &rag, |a| a.rag.as_deref()) {
                propose(col::RAG, rag, None, None);
            } else {
                diagnostics.push(
                    problem(
                        file,
                        "unknown_rag",
                        Severity::Warning,
                        format!(
                            "{:?} is not a RAG rating; the RAG of {} was left as it was",
                            rag, a.action_ref
                        ),
                    )
                    .at(place(col::RAG, &rag)),
                );
            }
        }
        // Due date, with its reason
        let due = cell(col::DUE);
        let reason = Some(cell(col::REASON)).filter(|r| !r.is_empty());
        let (_, old_text) = due_cell(a);
        let written = a.timeframe.as_ref().map(|t| t.text.as_str()).unwrap_or("");
        if at[col::DUE] != usize::MAX && due != old_text.trim() {
            let read = crate::timeframe::parse(&due, plan.meta.plan_date, &Default::default());
            if due.is_empty() {
                diagnostics.push(
                    problem(
                        file,
                        "due_date_removed",
                        Severity::Warning,
                        format!(
                            "the due date of {} was deleted; the plan keeps {:?}",
                            a.action_ref, written
                        ),
                    )
                    .at(place(col::DUE, &due)),
                );
            } else if read.due_latest.is_none() {
                diagnostics.push(
                    problem(
                        file,
                        "unreadable_date",
                        Severity::Warning,
                        format!(
                            "{:?} could not be read as a date; the due date of {} was left as it was",
                            due, a.action_ref
                        ),
                    )
                    .at(place(col::DUE, &due)),
                );
            } else if read.due_latest != a.due() {
                if reason.is_none() {
                    diagnostics.push(
                        problem(
                            file,
                            "date_moved_without_reason",
                            Severity::Warning,
                            format!(
                                "the due date of {} moved from {:?} to {:?} with no reason given",
                                a.action_ref, written, due
                            ),
                        )
                        .at(place(col::DUE, &due))
                        .hint("ask the owner why, and record it in the plan"),
                    );
                }
                propose(col::DUE, due, read.due_latest, reason);
            }
        }
        // This period's update
        let update = cell(col::UPDATE);
        if at[col::UPDATE] != usize::MAX && !update.is_empty() {
            propose(col::UPDATE, update, None, None);
        }
    }
}

/// True when `word` is one of the plan's own words for a field (ignoring case).
fn known(plan: &Plan, word: &str, pick: impl Fn(&Action) -> Option<&str>) -> bool {
    plan.actions()
        .any(|(_, a)| pick(a).is_some_and(|w| w.trim().eq_ignore_ascii_case(word.trim())))
}

/// The action a row key names: the position when the action there has the key's ref, else the
/// one action with that ref.
fn resolve(actions: &[(&crate::Recommendation, &Action)], key: &str) -> Option<usize> {
    let (pos, r) = key.split_once('|')?;
    if let Ok(i) = pos.trim().parse::<usize>() {
        if actions
            .get(i)
            .is_some_and(|(_, a)| row_key(i, &a.action_ref) == key)
        {
            return Some(i);
        }
    }
    let mut found = actions
        .iter()
        .enumerate()
        .filter(|(_, (_, a))| a.action_ref.as_str() == r);
    match (found.next(), found.next()) {
        (Some((i, _)), None) => Some(i),
        _ => None,
    }
}

/// Text compared as words: runs of spaces and line breaks count as one space.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

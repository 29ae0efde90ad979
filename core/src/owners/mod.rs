//! Updates collected from owners, and merged back.
//!
//! Every quarter someone emails the tracker round and copies the answers back by hand. Here the
//! plan is split into one workbook per owner (`template`, feature `xlsx-writer`), each owner
//! fills in their own rows, and the returned workbooks are read back into the next version of
//! the plan ([`merge`], feature `excel`), with every change listed and every problem reported
//! with its file, sheet, row and column.
//!
//! An owner's workbook has three sheets an officer sees or can unhide:
//!
//! - **Instructions** (the first sheet): what to fill in, in plain words.
//! - **Your actions**: one row per action. The plan's columns (ref, recommendation, action,
//!   owner, last update) are locked; the sheet is protected with no password, so nobody is
//!   stopped, only warned. Status and RAG are drop-down lists of the plan's own words (and the
//!   usual ones it lacks), the due date can be changed with a reason next to it, and "Your
//!   update" takes this period's comment. A hidden last column holds each row's key: the
//!   action's position in the plan and its ref.
//! - **About this file** (hidden): the template's version, the owner, and a fingerprint of the
//!   plan the workbook was made from, so that the merge can say when a workbook belongs to a
//!   different version of the plan. A hidden sheet **Lists** holds the drop-down choices.
//!
//! Owners are split as the importer splits the owner cell ([`Action::owners`]): an action
//! with two owners is in both workbooks. Actions with no owner go to an "Unassigned" workbook.
//!
//! ```
//! use actionplan::{Action, Plan, Recommendation};
//! let mut plan = Plan::default();
//! let mut rec = Recommendation::new("1", "Strengthen scrutiny");
//! let mut a = Action::new("Review the committee's terms of reference");
//! a.set_owner("Head of Legal / Democratic Services");
//! rec.actions.push(a);
//! rec.actions.push(Action::new("Train members"));
//! plan.recommendations.push(rec);
//! plan.assign_refs();
//! let groups = actionplan::owners::owner_groups(&plan);
//! let names: Vec<&str> = groups.iter().map(|g| g.owner.as_str()).collect();
//! assert_eq!(names, ["Head of Legal", "Democratic Services", "Unassigned"]);
//! assert_eq!(groups[2].file_name, "Unassigned.xlsx");
//! ```
//!
//! [`Action::owners`]: crate::Action::owners

#[cfg(feature = "excel")]
mod merge;
#[cfg(feature = "xlsx-writer")]
mod template;

#[cfg(feature = "excel")]
pub use merge::{merge, FieldChange, MergeOptions, Merged, Returned};
#[cfg(feature = "xlsx-writer")]
pub use template::{template, OwnerWorkbook};

use crate::model::{Action, Column, Plan, RagWord, Role, Status};

/// The name of the sheet with the owner's rows.
pub const SHEET_ACTIONS: &str = "Your actions";
/// The name of the first sheet, with the instructions.
pub const SHEET_INSTRUCTIONS: &str = "Instructions";
/// The name of the hidden sheet that identifies the workbook.
pub const SHEET_ABOUT: &str = "About this file";
/// The name of the hidden sheet with the drop-down lists.
pub const SHEET_LISTS: &str = "Lists";
/// What the first cell of [`SHEET_ABOUT`] says, and the template's version next to it.
pub const TEMPLATE_MARK: &str = "actionplan owner update workbook";
/// The version of the workbook layout.
pub const TEMPLATE_VERSION: &str = "1";
/// The workbook for actions with no owner.
pub const UNASSIGNED: &str = "Unassigned";

/// The columns of [`SHEET_ACTIONS`], in order: (header, locked).
///
/// ```
/// let (header, locked) = actionplan::owners::COLUMNS[0];
/// assert_eq!((header, locked), ("Ref", true));
/// ```
pub const COLUMNS: [(&str, bool); 11] = [
    ("Ref", true),
    ("Recommendation", true),
    ("Action", true),
    ("Owner", true),
    ("Last update", true),
    ("Status", false),
    ("RAG", false),
    ("Due date", false),
    ("Reason for change", false),
    ("Your update", false),
    ("Row key (do not change)", true),
];

/// Column positions in [`COLUMNS`].
#[cfg(any(feature = "excel", feature = "xlsx-writer"))]
#[allow(dead_code)] // the writer uses some, the reader others
pub(crate) mod col {
    pub const REF: usize = 0;
    pub const STATUS: usize = 5;
    pub const RAG: usize = 6;
    pub const DUE: usize = 7;
    pub const REASON: usize = 8;
    pub const UPDATE: usize = 9;
    pub const KEY: usize = 10;
}

/// The header of the column the merge adds for the reasons given when a date moved.
pub const REASON_COLUMN: &str = "Reason for date change";
/// The header of the column the merge adds for the first due date, when the plan has none.
pub const ORIGINAL_DUE_COLUMN: &str = "Original due date";

/// One owner's share of the plan: their name, a safe file name, and the positions of their
/// actions in plan order (as [`Plan::actions`] counts them).
///
/// ```
/// let g = actionplan::owners::OwnerGroup { owner: "Jo".into(), file_name: "Jo.xlsx".into(), actions: vec![0, 2] };
/// assert_eq!(g.actions.len(), 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnerGroup {
    /// The owner as the plan names them (or "Unassigned").
    pub owner: String,
    /// A file name safe on every system, distinct from the other owners' (`Head-of-Legal.xlsx`).
    pub file_name: String,
    /// Positions of the owner's actions in plan order.
    pub actions: Vec<usize>,
}

/// The owners of a plan in order of first appearance (owners that differ only in case or
/// spacing are one), each with their actions, then "Unassigned" for actions with no owner.
///
/// ```
/// use actionplan::{Action, Plan, Recommendation};
/// let mut plan = Plan::default();
/// let mut rec = Recommendation::new("1", "t");
/// for o in ["Jo / Sam", "sam", "Jo"] {
///     let mut a = Action::new("x");
///     a.set_owner(o);
///     rec.actions.push(a);
/// }
/// plan.recommendations.push(rec);
/// let g = actionplan::owners::owner_groups(&plan);
/// assert_eq!(g[0].actions, [0, 2]);
/// assert_eq!(g[1].owner, "Sam");
/// assert_eq!(g[1].actions, [0, 1]);
/// ```
pub fn owner_groups(plan: &Plan) -> Vec<OwnerGroup> {
    let mut groups: Vec<OwnerGroup> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = Default::default();
    let mut unassigned = Vec::new();
    for (i, (_, a)) in plan.actions().enumerate() {
        let owners: Vec<&str> = a
            .owners
            .iter()
            .map(|o| o.trim())
            .filter(|o| !o.is_empty())
            .collect();
        if owners.is_empty() {
            unassigned.push(i);
        }
        for o in owners {
            let key = crate::text::normalise_words(o);
            let g = *index.entry(key).or_insert_with(|| {
                groups.push(OwnerGroup {
                    owner: o.to_string(),
                    file_name: String::new(),
                    actions: Vec::new(),
                });
                groups.len() - 1
            });
            if groups[g].actions.last() != Some(&i) {
                groups[g].actions.push(i);
            }
        }
    }
    if !unassigned.is_empty() {
        groups.push(OwnerGroup {
            owner: UNASSIGNED.into(),
            file_name: String::new(),
            actions: unassigned,
        });
    }
    let mut taken: std::collections::HashSet<String> = Default::default();
    for g in &mut groups {
        let stem = safe_stem(&g.owner);
        let mut name = stem.clone();
        let mut n = 2;
        while !taken.insert(name.to_ascii_lowercase()) {
            name = format!("{stem}-{n}");
            n += 1;
        }
        g.file_name = format!("{name}.xlsx");
    }
    groups
}

/// A file name stem from an owner's name: letters and digits kept, everything else a single
/// `-`, at most 60 characters, never empty, never a name Windows reserves.
fn safe_stem(owner: &str) -> String {
    let mut s = String::new();
    for c in owner.chars() {
        if c.is_alphanumeric() {
            s.push(c);
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
        if s.chars().count() >= 60 {
            break;
        }
    }
    let s = s.trim_end_matches('-').to_string();
    let reserved = ["con", "prn", "aux", "nul", "com1", "lpt1"];
    if s.is_empty() {
        "owner".into()
    } else if reserved.contains(&s.to_ascii_lowercase().as_str()) {
        format!("{s}-owner")
    } else {
        s
    }
}

/// A fingerprint of the plan's actions (refs and descriptions, in order): 16 hex digits of
/// FNV-1a, stable across builds and platforms.
///
/// ```
/// let a = actionplan::owners::fingerprint(&actionplan::Plan::default());
/// assert_eq!(a.len(), 16);
/// ```
pub fn fingerprint(plan: &Plan) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |s: &str| {
        for b in s.bytes().chain([0u8]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    for (_, a) in plan.actions() {
        eat(&a.action_ref);
        eat(&a.description);
    }
    format!("{h:016x}")
}

/// The key of a row: the action's position in plan order and its ref (`"3|R1.4"`).
#[cfg(any(feature = "excel", feature = "xlsx-writer"))]
pub(crate) fn row_key(index: usize, action_ref: &str) -> String {
    format!("{index}|{action_ref}")
}

/// The texts the template writes in the locked columns, in [`COLUMNS`] order (ref,
/// recommendation, action, owner, last update): the merge compares the returned cells with
/// these.
#[cfg(any(feature = "excel", feature = "xlsx-writer"))]
pub(crate) fn locked_texts(rec: &crate::model::Recommendation, a: &Action) -> [String; 5] {
    let rec_text = if rec.title.trim().is_empty() {
        rec.key.to_string()
    } else {
        format!("{} {}", rec.key, rec.title).trim().to_string()
    };
    [
        a.action_ref.to_string(),
        rec_text,
        a.description.to_string(),
        a.owners.join(" / "),
        a.latest_update()
            .map(|u| u.text.to_string())
            .unwrap_or_default(),
    ]
}

/// The status as the template writes it: the word as written, else the status's label.
#[cfg(any(feature = "excel", feature = "xlsx-writer"))]
pub(crate) fn status_text(a: &Action) -> String {
    a.status_text
        .as_deref()
        .map(str::to_string)
        .or_else(|| a.status.as_ref().map(|s| s.label().to_string()))
        .unwrap_or_default()
}

/// The due date as the template writes it: `Some(date)` when the timeframe is one day (written
/// as an Excel date), else the phrase as written.
#[cfg(any(feature = "excel", feature = "xlsx-writer"))]
pub(crate) fn due_cell(a: &Action) -> (Option<chrono::NaiveDate>, String) {
    match a.timeframe.as_deref() {
        Some(t) if t.due_earliest.is_some() && t.due_earliest == t.due_latest => (
            t.due_latest,
            t.due_latest.map(|d| d.to_string()).unwrap_or_default(),
        ),
        Some(t) => (None, t.text.clone()),
        None => (None, String::new()),
    }
}

/// The status words offered in the drop-down list: the plan's own words in lifecycle order,
/// then the usual label of every status the plan has no word for.
///
/// ```
/// use actionplan::{Action, Plan, Recommendation};
/// let mut plan = Plan::default();
/// let mut rec = Recommendation::new("1", "t");
/// let mut a = Action::new("x");
/// a.set_status("Completed");
/// rec.actions.push(a);
/// plan.recommendations.push(rec);
/// let words = actionplan::owners::status_choices(&plan);
/// assert_eq!(words, ["Not started", "In progress", "On hold", "Completed", "Cancelled", "Superseded"]);
/// ```
pub fn status_choices(plan: &Plan) -> Vec<String> {
    let mut out = Vec::new();
    for s in Status::ALL {
        let own: Vec<String> = words(plan, |a| {
            a.status_text
                .as_deref()
                .filter(|t| Status::parse(t).as_ref() == Some(&s))
        });
        if own.is_empty() {
            out.push(s.label().to_string());
        } else {
            out.extend(own);
        }
    }
    out.extend(words(plan, |a| {
        a.status_text
            .as_deref()
            .filter(|t| Status::parse(t).is_none())
    }));
    out
}

/// The RAG words offered in the drop-down list: the plan's own words from red to blue, then
/// Red, Amber and Green when the plan has no word for them.
///
/// ```
/// let words = actionplan::owners::rag_choices(&actionplan::Plan::default());
/// assert_eq!(words, ["Red", "Amber", "Green"]);
/// ```
pub fn rag_choices(plan: &Plan) -> Vec<String> {
    let order = [
        RagWord::Red,
        RagWord::AmberRed,
        RagWord::Amber,
        RagWord::AmberGreen,
        RagWord::Green,
        RagWord::Blue,
    ];
    let mut out = Vec::new();
    for r in order {
        let own = words(plan, |a| {
            a.rag.as_deref().filter(|t| RagWord::parse(t) == Some(r))
        });
        if own.is_empty() && matches!(r, RagWord::Red | RagWord::Amber | RagWord::Green) {
            out.push(r.label().to_string());
        } else {
            out.extend(own);
        }
    }
    out.extend(words(plan, |a| {
        a.rag.as_deref().filter(|t| RagWord::parse(t).is_none())
    }));
    out
}

/// Distinct words (first spelling kept, compared ignoring case), in plan order, at most 50.
fn words<'a>(plan: &'a Plan, pick: impl Fn(&'a Action) -> Option<&'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (_, a) in plan.actions() {
        if let Some(w) = pick(a).map(str::trim).filter(|w| !w.is_empty()) {
            if out.len() < 50 && !out.iter().any(|o| o.eq_ignore_ascii_case(w)) {
                out.push(w.chars().take(80).collect());
            }
        }
    }
    out
}

/// The plan as the tracker workbook should show a merged version: the tracker shows only the
/// latest update and the plan's other columns, so the earlier update columns and the original
/// due date become other columns (by their headers) and keep their text. Use with
/// `report::tracker_xlsx` (feature `xlsx-writer`).
///
/// ```
/// use actionplan::import::ImportOptions;
/// let csv = "Action,Due,Original due,Q1 update,Q2 update\nDo it,June 2025,March 2025,Started,Half done\n";
/// let plan = ImportOptions::new().read_bytes(csv.as_bytes()).unwrap().plan;
/// let shown = actionplan::owners::with_history_columns(&plan);
/// let a = &shown.recommendations[0].actions[0];
/// assert_eq!(a.extra["Original due"], "March 2025");
/// assert_eq!(a.extra["Q1 update"], "Started");
/// assert!(!a.extra.contains_key("Q2 update"));
/// ```
pub fn with_history_columns(plan: &Plan) -> Plan {
    let mut out = plan.clone();
    let latest = plan
        .columns_with(Role::Update)
        .last()
        .map(|c| c.header.clone());
    let mut moved: Vec<Column> = Vec::new();
    for c in &mut out.columns {
        let earlier_update = c.role == Role::Update && Some(&c.header) != latest.as_ref();
        if c.role == Role::OriginalDue || earlier_update {
            moved.push(c.clone());
            c.role = Role::Extra;
        }
    }
    for rec in &mut out.recommendations {
        for a in &mut rec.actions {
            for c in &moved {
                let text = match c.role {
                    Role::OriginalDue => a.original_due.as_ref().map(|t| t.text.clone()),
                    _ => a
                        .updates
                        .iter()
                        .find(|u| u.column.as_deref() == Some(c.header.as_str()))
                        .map(|u| u.text.to_string()),
                };
                if let Some(t) = text {
                    a.extra.insert(c.header.as_str().into(), t.into());
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Recommendation;

    #[test]
    fn file_names_are_safe_and_distinct() {
        assert_eq!(
            safe_stem("Head of Legal & Democratic Services"),
            "Head-of-Legal-Democratic-Services"
        );
        assert_eq!(safe_stem("../../etc/passwd"), "etc-passwd");
        assert_eq!(safe_stem("***"), "owner");
        assert_eq!(safe_stem("CON"), "CON-owner");
        let mut plan = Plan::default();
        let mut rec = Recommendation::new("1", "t");
        let long = "Assistant Director".repeat(4);
        for o in [
            format!("{long} North"),
            format!("{long} South"),
            "A & B".into(),
            "a  &  b".into(),
        ] {
            let mut a = Action::new("x");
            a.set_owner(&o);
            rec.actions.push(a);
        }
        plan.recommendations.push(rec);
        let groups = owner_groups(&plan);
        let stem: String = "Assistant-Director".repeat(4).chars().take(60).collect();
        let names: Vec<&str> = groups.iter().map(|g| g.file_name.as_str()).collect();
        assert_eq!(
            names,
            [
                format!("{stem}.xlsx"),
                format!("{stem}-2.xlsx"),
                "A-B.xlsx".into()
            ]
        );
        // Owners written with other spacing or case are one owner.
        assert_eq!(groups[2].actions, [2, 3]);
    }
}

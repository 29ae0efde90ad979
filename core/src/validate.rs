//! Validation: findings about a plan, returned as data.
//!
//! [`validate`] returns the reader's own notes ([`Plan::import_diagnostics`]) followed by the
//! checks below, each a [`Diagnostic`] with a stable code, a severity, the place (row, column
//! header, cell text) and a plain-English message. Codes can be turned off or given another
//! severity with [`Config`].
//!
//! | code | default | what it means |
//! |---|---|---|
//! | `duplicate_ref` | error | two actions share a ref |
//! | `missing_due` | warning | an open action has no due date |
//! | `unreadable_due` | warning | the due date phrase could not be read |
//! | `due_before_plan_date` | warning | an open action was already past due when the plan was agreed |
//! | `missing_owner` | warning | no owner |
//! | `unaccountable_owner` | warning | the owner names no one accountable ("ALL", "TBC", "All managers") |
//! | `empty_action` | warning | a row with no action text |
//! | `recommendation_without_actions` | warning | a recommendation with no actions |
//! | `unknown_status` | warning | a status word the library does not know |
//! | `unknown_rag` | warning | a RAG word the library does not know |
//! | `rag_contradicts_status` | warning | e.g. Complete but Red |
//! | `status_in_date_column` | info | a status word (e.g. "Completed") in the date column |
//! | `complete_without_evidence` | info | complete, with no evidence or comment |
//!
//! ```
//! use actionplan::import::ImportOptions;
//! use actionplan::validate::{validate, ValidateOptions};
//!
//! let csv = "Ref,Action,Owner,Due,Status,RAG\n\
//!            A1,Publish the plan,TBC,March 2025,Complete,Red\n\
//!            A1,Train members,,,In progress,\n";
//! let plan = ImportOptions::new().read_bytes(csv.as_bytes()).unwrap().plan;
//! let found = validate(&plan, &ValidateOptions::default());
//! let codes: Vec<&str> = found.iter().map(|d| d.code.as_str()).collect();
//! assert!(codes.contains(&"duplicate_ref"));
//! assert!(codes.contains(&"unaccountable_owner"));
//! assert!(codes.contains(&"missing_owner"));
//! assert!(codes.contains(&"missing_due"));
//! assert!(codes.contains(&"rag_contradicts_status"));
//! let dup = found.iter().find(|d| d.code == "duplicate_ref").unwrap();
//! assert_eq!(dup.place.row, Some(3));
//! assert_eq!(dup.place.column.as_deref(), Some("Ref"));
//! ```
//!
//! [`Plan::import_diagnostics`]: crate::model::Plan::import_diagnostics

use crate::diagnostic::{Diagnostic, Place, Severity};
use crate::model::{Action, Plan, RagWord, Recommendation, Role, Status};
use crate::text::normalise_words;
use crate::timeframe::Kind;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// Every check's code, default severity and meaning.
///
/// ```
/// assert!(actionplan::validate::CODES.iter().any(|(c, _, _)| *c == "duplicate_ref"));
/// ```
pub const CODES: &[(&str, Severity, &str)] = &[
    ("duplicate_ref", Severity::Error, "two actions share a ref"),
    (
        "missing_due",
        Severity::Warning,
        "an open action has no due date",
    ),
    (
        "unreadable_due",
        Severity::Warning,
        "the due date phrase could not be read",
    ),
    (
        "due_before_plan_date",
        Severity::Warning,
        "an open action was already past due when the plan was agreed",
    ),
    (
        "missing_owner",
        Severity::Warning,
        "the action has no owner",
    ),
    (
        "unaccountable_owner",
        Severity::Warning,
        "the owner names no one accountable",
    ),
    (
        "empty_action",
        Severity::Warning,
        "a row with no action text",
    ),
    (
        "recommendation_without_actions",
        Severity::Warning,
        "a recommendation with no actions",
    ),
    (
        "unknown_status",
        Severity::Warning,
        "a status word the library does not know",
    ),
    (
        "unknown_rag",
        Severity::Warning,
        "a RAG word the library does not know",
    ),
    (
        "rag_contradicts_status",
        Severity::Warning,
        "the reported RAG contradicts the status",
    ),
    (
        "status_in_date_column",
        Severity::Info,
        "a status word in the date column",
    ),
    (
        "complete_without_evidence",
        Severity::Info,
        "complete, with no evidence or comment",
    ),
];

/// Which checks run and how serious each is.
///
/// ```
/// use actionplan::validate::Config;
/// use actionplan::Severity;
/// let mut c = Config::default();
/// c.disable("complete_without_evidence");
/// c.set_severity("missing_owner", Severity::Error);
/// assert!(!c.enabled("complete_without_evidence"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Config {
    /// Codes to leave out (reader notes included, e.g. `columns`).
    pub disabled: Vec<String>,
    /// Severity overrides by code.
    pub severity: BTreeMap<String, Severity>,
}

impl Config {
    /// Leave a code out.
    ///
    /// ```
    /// let mut c = actionplan::validate::Config::default();
    /// c.disable("columns");
    /// assert!(!c.enabled("columns"));
    /// ```
    pub fn disable(&mut self, code: impl Into<String>) -> &mut Self {
        self.disabled.push(code.into());
        self
    }

    /// Give a code another severity.
    ///
    /// ```
    /// let mut c = actionplan::validate::Config::default();
    /// c.set_severity("missing_due", actionplan::Severity::Error);
    /// ```
    pub fn set_severity(&mut self, code: impl Into<String>, severity: Severity) -> &mut Self {
        self.severity.insert(code.into(), severity);
        self
    }

    /// Is a code on?
    ///
    /// ```
    /// assert!(actionplan::validate::Config::default().enabled("duplicate_ref"));
    /// ```
    pub fn enabled(&self, code: &str) -> bool {
        !self.disabled.iter().any(|c| c == code)
    }
}

/// Options for [`validate`].
///
/// ```
/// let mut o = actionplan::validate::ValidateOptions::default();
/// o.config.disable("columns");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct ValidateOptions {
    /// Which checks and how serious.
    pub config: Config,
    /// Leave out the reader's informational notes (column mapping, header row, fill-down).
    pub skip_import_info: bool,
}

/// Check a plan. Never fails: every finding is a [`Diagnostic`].
///
/// ```
/// let plan = actionplan::Plan::default();
/// assert!(actionplan::validate::validate(&plan, &Default::default()).is_empty());
/// ```
pub fn validate(plan: &Plan, opts: &ValidateOptions) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = plan
        .import_diagnostics
        .iter()
        .filter(|d| !(opts.skip_import_info && d.severity == Severity::Info))
        .cloned()
        .collect();
    let mut checker = Checker {
        plan,
        out: Vec::new(),
        headers: column_headers(plan),
    };
    checker.run();
    out.extend(checker.out);
    let cfg = &opts.config;
    out.retain(|d| cfg.enabled(&d.code));
    for d in out.iter_mut() {
        if let Some(s) = cfg.severity.get(&d.code) {
            d.severity = *s;
        }
    }
    out
}

/// True when any diagnostic is an error.
///
/// ```
/// use actionplan::{Diagnostic, Severity};
/// assert!(actionplan::validate::has_errors(&[Diagnostic::new("x", Severity::Error, "m")]));
/// ```
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(|d| d.severity == Severity::Error)
}

fn column_headers(plan: &Plan) -> HashMap<Role, String> {
    let mut m = HashMap::new();
    for c in &plan.columns {
        m.entry(c.role).or_insert_with(|| c.header.clone());
    }
    m
}

struct Checker<'a> {
    plan: &'a Plan,
    out: Vec<Diagnostic>,
    headers: HashMap<Role, String>,
}

/// Words that name no one accountable.
fn unaccountable(owner: &str) -> bool {
    let n = normalise_words(owner);
    matches!(
        n.as_str(),
        "all"
            | "tbc"
            | "tba"
            | "tbd"
            | "n a"
            | "na"
            | "none"
            | "various"
            | "everyone"
            | "council"
            | "the council"
            | "unknown"
            | "to be confirmed"
            | "to be agreed"
            | "to be decided"
            | "not assigned"
            | "unassigned"
            | "everybody"
            | "all of us"
            | "multiple"
    ) || n.starts_with("all ")
}

impl Checker<'_> {
    fn place(&self, a: &Action, role: Role, text: &str) -> Place {
        // A plan with no status column keeps its status words in the RAG column.
        let column = self.headers.get(&role).or_else(|| match role {
            Role::Status => self.headers.get(&Role::Rag),
            _ => None,
        });
        Place {
            row: a.row,
            column: column.cloned(),
            text: if text.is_empty() {
                None
            } else {
                Some(Place::cell(0, "", text).text.unwrap_or_default())
            },
            action_ref: Some(a.action_ref.to_string()),
            file: None,
        }
    }

    fn push(&mut self, code: &str, sev: Severity, msg: String, place: Place, hint: Option<&str>) {
        let mut d = Diagnostic::new(code, sev, msg).at(place);
        d.hint = hint.map(str::to_string);
        self.out.push(d);
    }

    fn run(&mut self) {
        let plan = self.plan;
        let mut first_row: HashMap<&str, Option<usize>> = HashMap::new();
        for rec in &plan.recommendations {
            self.recommendation(rec);
            for a in &rec.actions {
                if !a.ref_generated {
                    if let Some(prev) = first_row.get(a.action_ref.as_str()) {
                        let prev = prev
                            .map(|r| format!(" (first on row {r})"))
                            .unwrap_or_default();
                        let place = self.place(a, Role::Ref, &a.action_ref);
                        self.push(
                            "duplicate_ref",
                            Severity::Error,
                            format!(
                                "ref {:?} is used by more than one action{prev}",
                                a.action_ref
                            ),
                            place,
                            Some("give each action its own ref; both actions were kept"),
                        );
                    } else {
                        first_row.insert(a.action_ref.as_str(), a.row);
                    }
                }
                self.action(a);
            }
        }
    }

    fn recommendation(&mut self, rec: &Recommendation) {
        if rec.actions.is_empty() {
            let title: String = rec.title.chars().take(80).collect();
            self.out.push(
                Diagnostic::new(
                    "recommendation_without_actions",
                    Severity::Warning,
                    format!("recommendation {} ({title:?}) has no actions", rec.key),
                )
                .at(Place {
                    row: rec.row,
                    column: self.headers.get(&Role::Recommendation).cloned(),
                    text: Some(Place::cell(0, "", &rec.title).text.unwrap_or_default()),
                    action_ref: None,
                    file: None,
                })
                .hint("add at least one action, or record why none is needed"),
            );
        }
    }

    fn action(&mut self, a: &Action) {
        let closed = a.status.as_ref().is_some_and(Status::is_closed);
        if a.description.trim().is_empty() {
            let p = self.place(a, Role::Action, "");
            self.push(
                "empty_action",
                Severity::Warning,
                "the row has no action text".into(),
                p,
                Some("describe what will be done"),
            );
        }
        // Owner.
        if a.owners.is_empty() {
            let p = self.place(a, Role::Owner, "");
            self.push(
                "missing_owner",
                Severity::Warning,
                "the action has no owner".into(),
                p,
                Some("name the officer accountable for delivery"),
            );
        } else if a.owners.iter().all(|o| unaccountable(o)) {
            let text = a.owner.clone().unwrap_or_default();
            let p = self.place(a, Role::Owner, &text);
            self.push(
                "unaccountable_owner",
                Severity::Warning,
                format!("the owner {text:?} names no one accountable"),
                p,
                Some("name a post or person who answers for this action"),
            );
        }
        // Due date.
        match &a.timeframe {
            None if !closed => {
                let p = self.place(a, Role::Timeframe, "");
                self.push(
                    "missing_due",
                    Severity::Warning,
                    "the action has no due date".into(),
                    p,
                    Some("give a date or period, or write \"Ongoing\""),
                );
            }
            None => {}
            Some(t) => match t.kind {
                Kind::Unreadable => {
                    let p = self.place(a, Role::Timeframe, &t.text);
                    self.push(
                        "unreadable_due",
                        Severity::Warning,
                        format!("the due date {:?} could not be read as a date or period", t.text),
                        p,
                        Some("write a date (31/03/2025), a month (March 2025), a quarter (Q4 2024/25) or a season (Summer 2025)"),
                    );
                }
                Kind::Status => {
                    let p = self.place(a, Role::Timeframe, &t.text);
                    self.push(
                        "status_in_date_column",
                        Severity::Info,
                        format!(
                            "the date column holds a status word, {:?}: read as the status",
                            t.text
                        ),
                        p,
                        None,
                    );
                }
                _ => {
                    if let (Some(due), Some(plan_date)) = (t.due_latest, self.plan.meta.plan_date) {
                        if due < plan_date && !closed {
                            let p = self.place(a, Role::Timeframe, &t.text);
                            self.push(
                                "due_before_plan_date",
                                Severity::Warning,
                                format!(
                                    "due {due} ({:?}), before the plan was agreed on {plan_date}, and not complete",
                                    t.text
                                ),
                                p,
                                Some("check the date, or mark the action complete"),
                            );
                        }
                    }
                }
            },
        }
        // Status and RAG words.
        if let Some(Status::Other(word)) = &a.status {
            let p = self.place(a, Role::Status, word);
            self.push(
                "unknown_status",
                Severity::Warning,
                format!("{word:?} is not a known status (not started, in progress, complete, on hold, cancelled, superseded)"),
                p,
                Some("kept as written; map it with a custom status word if it is your council's own"),
            );
        }
        let rag = a.rag.as_deref().map(|r| (r, RagWord::parse(r)));
        if let Some((word, None)) = rag {
            if Status::parse(word).is_none() {
                let p = self.place(a, Role::Rag, word);
                self.push(
                    "unknown_rag",
                    Severity::Warning,
                    format!("{word:?} is not a known RAG rating (Red, Amber, Green, Blue, Amber/Green, Amber/Red, or words such as \"On track\", \"At risk\")"),
                    p,
                    None,
                );
            }
        }
        if let (Some(status), Some((word, Some(r)))) = (&a.status, rag) {
            let contradiction = match status {
                Status::Complete => matches!(r, RagWord::Red | RagWord::Amber | RagWord::AmberRed),
                Status::NotStarted | Status::InProgress | Status::OnHold => r == RagWord::Blue,
                _ => false,
            };
            if contradiction {
                let p = self.place(a, Role::Rag, word);
                self.push(
                    "rag_contradicts_status",
                    Severity::Warning,
                    format!(
                        "status {:?} but RAG {word:?}",
                        a.status_text.as_deref().unwrap_or(status.label())
                    ),
                    p,
                    Some("one of the two is out of date"),
                );
            }
        }
        if a.status == Some(Status::Complete) && a.evidence.is_none() && a.latest_update().is_none()
        {
            let p = self.place(a, Role::Status, a.status_text.as_deref().unwrap_or(""));
            self.push(
                "complete_without_evidence",
                Severity::Info,
                "complete, but with no evidence or progress comment".into(),
                p,
                Some("record what shows it was done"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::ImportOptions;
    use chrono::NaiveDate;

    fn codes(csv: &str) -> Vec<String> {
        let plan = ImportOptions::new()
            .plan_date(NaiveDate::from_ymd_opt(2025, 1, 1).unwrap())
            .read_bytes(csv.as_bytes())
            .unwrap()
            .plan;
        validate(
            &plan,
            &ValidateOptions {
                skip_import_info: true,
                ..Default::default()
            },
        )
        .into_iter()
        .map(|d| d.code)
        .collect()
    }

    #[test]
    fn clean_plan_has_no_findings() {
        let c = codes("Recommendation,Action,Owner,Due,Status\nR,Do it,Chief Executive,March 2025,In progress\n");
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn each_check_fires() {
        let c = codes(
            "Recommendation,Action,Owner,Due,Status,RAG\n\
             R1,,All managers,soonish,Parked,Purple\n\
             R2,Done thing,Chief Executive,March 2024,Complete,Red\n\
             R3,,,,,\n\
             R4,Not started,CEO,May 2025,Not started,Blue\n",
        );
        for code in [
            "empty_action",
            "unaccountable_owner",
            "unknown_status",
            "unknown_rag",
            "rag_contradicts_status",
            "complete_without_evidence",
            "recommendation_without_actions",
        ] {
            assert!(c.iter().any(|x| x == code), "{code} missing from {c:?}");
        }
    }

    #[test]
    fn past_due_at_plan_date_only_when_open() {
        let c = codes(
            "Action,Owner,Due,Status\nA,CEO,March 2024,In progress\nB,CEO,March 2024,Complete\n",
        );
        assert_eq!(c.iter().filter(|x| *x == "due_before_plan_date").count(), 1);
    }

    #[test]
    fn config_turns_off_and_reweights() {
        let plan = ImportOptions::new()
            .read_bytes(b"Action,Owner\nA,\n")
            .unwrap()
            .plan;
        let mut opts = ValidateOptions::default();
        opts.config.set_severity("missing_owner", Severity::Error);
        opts.config.disable("missing_due");
        let d = validate(&plan, &opts);
        assert!(d
            .iter()
            .any(|d| d.code == "missing_owner" && d.severity == Severity::Error));
        assert!(!d.iter().any(|d| d.code == "missing_due"));
    }

    #[test]
    fn owners_named_by_all_are_fine_with_someone_accountable() {
        assert!(unaccountable("All managers"));
        assert!(unaccountable("TBC"));
        assert!(!unaccountable("Chief Executive"));
        let c =
            codes("Action,Owner,Due\nA,All Senior Management Team / Chief Executive,May 2025\n");
        assert!(!c.iter().any(|x| x == "unaccountable_owner"));
    }
}

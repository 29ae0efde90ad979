//! The action-plan model: [`Plan`] → [`Recommendation`] → [`Action`].
//!
//! Every field a reader fills keeps the text as written next to what was read from it (owners
//! split from the owner cell, a [`Timeframe`] reading with its original phrase, a [`Status`]
//! next to the status word), and columns the model does not know are kept by their header in
//! [`Action::extra`], so nothing a user supplied is lost.
//!
//! ```
//! use actionplan::model::{Plan, Recommendation, Action, Status};
//!
//! let mut plan = Plan::default();
//! plan.meta.organisation = Some("Example Borough Council".into());
//! let mut rec = Recommendation::new("1", "Strengthen scrutiny");
//! let mut action = Action::new("Review committee terms of reference");
//! action.set_owner("Head of Legal & Democratic Services / Monitoring Officer");
//! action.set_status("Completed");
//! rec.actions.push(action);
//! plan.recommendations.push(rec);
//! plan.assign_refs();
//!
//! let a = &plan.recommendations[0].actions[0];
//! assert_eq!(a.action_ref, "R1.1");
//! assert_eq!(a.owners, ["Head of Legal & Democratic Services", "Monitoring Officer"]);
//! assert_eq!(a.status, Some(Status::Complete));
//! ```
//!
//! ## Three status types
//!
//! [`Status`] is the one status type of the model and of results that carry a recorded status.
//! Two other types name statuses because they mean something else, and each converts to and
//! compares with `Status`:
//!
//! - [`StatusFact`](crate::rating::StatusFact) is what a rule tests: the kinds of `Status`
//!   without the unknown word's text (`other`), plus `none` for "no status recorded". It is
//!   `Copy` and fits in a bit set, which the rule evaluator needs: `StatusFact::from(&status)`,
//!   and `status == fact`.
//! - [`StatusWord`] is a status word found where a *date* was
//!   expected ("Completed" in the due-date column), which the timeframe reader reports; it has
//!   "N/A", which is not a status: `word.status()`, and `status == word`.
//!
//! Their JSON names are the same snake_case words (`in_progress`).

mod figure;
mod measure;

pub use figure::{number, read_figure};
pub use measure::{
    Comparison, Direction, Figure, FigureNote, Frequency, Measure, Polarity, Tolerance,
};

use crate::diagnostic::Diagnostic;
use crate::text::Text;
use crate::timeframe::{StatusWord, Timeframe};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

/// A whole action plan.
///
/// ```
/// let plan = actionplan::Plan::default();
/// assert_eq!(plan.action_count(), 0);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Plan {
    /// Who, what and when.
    #[serde(default)]
    pub meta: PlanMeta,
    /// The source columns in order, each with the field it was read into.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<Column>,
    /// The recommendations (groups of actions), in source order.
    #[serde(default)]
    pub recommendations: Vec<Recommendation>,
    /// The performance indicators reported beside the actions, kept apart from them
    /// ([`crate::measures`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<Measure>,
    /// What the reader noticed while importing (encoding repairs, inferred columns, ragged
    /// rows). [`crate::validate::validate`] returns these with its own findings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub import_diagnostics: Vec<Diagnostic>,
}

/// Plan metadata.
///
/// ```
/// let mut m = actionplan::PlanMeta::default();
/// m.plan_date = Some("2025-03-18".parse().unwrap());
/// assert!(m.as_of.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PlanMeta {
    /// The council or public body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// The plan's title (often the first row above the table).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// When the plan was agreed: the reference date for phrases with no year.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::date::opt"
    )]
    pub plan_date: Option<NaiveDate>,
    /// The date the progress columns describe (e.g. 2025-03-31 for "2024/25 Qrt4").
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::date::opt"
    )]
    pub as_of: Option<NaiveDate>,
    /// The reporting period as written (e.g. "2024/25 Qrt4").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// The date of the peer challenge visit, when known.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::date::opt"
    )]
    pub peer_challenge_date: Option<NaiveDate>,
    /// Where the plan came from ("csv", "tsv", "json", "xlsx", "docx").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_format: Option<String>,
}

/// What a source column was read into.
///
/// ```
/// use actionplan::model::Role;
/// assert_eq!(Role::Owner.as_str(), "owner");
/// assert_eq!("timeframe".parse::<Role>().unwrap(), Role::Timeframe);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Role {
    /// The action's own ref ("CPC001").
    Ref,
    /// The recommendation's number or key ("Recommendation 2", "No 3").
    RecommendationRef,
    /// The recommendation's text.
    Recommendation,
    /// Context or definition of the recommendation.
    Definition,
    /// Theme or workstream.
    Theme,
    /// The action's description.
    Action,
    /// Responsible officer(s).
    Owner,
    /// Lead member / portfolio holder.
    LeadMember,
    /// Due date or timeframe phrase (current).
    Timeframe,
    /// The original due date, when a plan keeps it apart from a revised one.
    OriginalDue,
    /// Delivery status (lifecycle).
    Status,
    /// Reported RAG rating as written.
    Rag,
    /// Percent complete.
    Percent,
    /// A progress update or comment column (its header may name the period).
    Update,
    /// Evidence of completion.
    Evidence,
    /// Further options / next steps.
    FurtherOptions,
    /// Any other column: kept by its header in [`Action::extra`].
    Extra,
}

impl Role {
    /// Every role, in a fixed order.
    pub const ALL: [Role; 17] = [
        Role::Ref,
        Role::RecommendationRef,
        Role::Recommendation,
        Role::Definition,
        Role::Theme,
        Role::Action,
        Role::Owner,
        Role::LeadMember,
        Role::Timeframe,
        Role::OriginalDue,
        Role::Status,
        Role::Rag,
        Role::Percent,
        Role::Update,
        Role::Evidence,
        Role::FurtherOptions,
        Role::Extra,
    ];

    /// The snake_case name used in JSON and in column mappings.
    ///
    /// ```
    /// assert_eq!(actionplan::model::Role::LeadMember.as_str(), "lead_member");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Ref => "ref",
            Role::RecommendationRef => "recommendation_ref",
            Role::Recommendation => "recommendation",
            Role::Definition => "definition",
            Role::Theme => "theme",
            Role::Action => "action",
            Role::Owner => "owner",
            Role::LeadMember => "lead_member",
            Role::Timeframe => "timeframe",
            Role::OriginalDue => "original_due",
            Role::Status => "status",
            Role::Rag => "rag",
            Role::Percent => "percent",
            Role::Update => "update",
            Role::Evidence => "evidence",
            Role::FurtherOptions => "further_options",
            Role::Extra => "extra",
        }
    }
}

impl std::str::FromStr for Role {
    type Err = crate::Error;
    fn from_str(s: &str) -> crate::Result<Self> {
        let key = s.trim().to_ascii_lowercase().replace([' ', '-'], "_");
        // Everyday names for the fields (`--map "By When=due"`).
        let key = match key.as_str() {
            "due" | "date" | "due_date" | "deadline" | "when" | "by_when" => "timeframe",
            "lead" | "who" | "officer" | "responsible" => "owner",
            "comment" | "comments" | "progress" | "note" | "notes" => "update",
            "description" | "task" => "action",
            "rec" => "recommendation",
            "rec_ref" => "recommendation_ref",
            "ignore" | "other" | "keep" => "extra",
            "percent_complete" | "pct" | "%" => "percent",
            _ => key.as_str(),
        }
        .to_string();
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == key)
            .ok_or_else(|| {
                crate::Error::invalid_option(
                    "columns",
                    format!(
                        "{s:?} is not a field; use one of {}",
                        Role::ALL.map(|r| r.as_str()).join(", ")
                    ),
                )
            })
    }
}

/// A source column: its header as written, and the field it fills.
///
/// ```
/// use actionplan::model::{Column, Role};
/// let c = Column { header: "Led By".into(), role: Role::Owner, period: None };
/// assert_eq!(c.role, Role::Owner);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Column {
    /// Header text as written (trimmed).
    pub header: String,
    /// The field it was read into.
    pub role: Role,
    /// For update columns: the period the header names ("Q1", "2024/25 Qrt4").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
}

/// A recommendation: a group of actions.
///
/// ```
/// let r = actionplan::Recommendation::new("2", "Prioritise");
/// assert_eq!(r.key, "2");
/// assert!(r.actions.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Recommendation {
    /// Number or key as written ("1", "No 3", "Recommendation 2"), or a generated one.
    pub key: Text,
    /// The recommendation's text.
    #[serde(default)]
    pub title: Text,
    /// Context / definition, when the plan has it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition: Option<Text>,
    /// Theme or section heading the recommendation sits under.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<Text>,
    /// The actions, in source order.
    #[serde(default)]
    pub actions: Vec<Action>,
    /// 1-based source row where the recommendation starts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
}

impl Recommendation {
    /// A recommendation with a key and title and no actions.
    ///
    /// ```
    /// let r = actionplan::Recommendation::new("1", "Develop a place narrative");
    /// assert_eq!(r.title, "Develop a place narrative");
    /// ```
    pub fn new(key: impl Into<Text>, title: impl Into<Text>) -> Self {
        Recommendation {
            key: key.into(),
            title: title.into(),
            ..Recommendation::default()
        }
    }
}

/// One action.
///
/// ```
/// let mut a = actionplan::Action::new("Hold a joint away day");
/// a.set_owner("Leader/\nDeputy Leader");
/// assert_eq!(a.owners, ["Leader", "Deputy Leader"]);
/// assert_eq!(a.owner.as_deref(), Some("Leader/\nDeputy Leader"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Action {
    /// The action's ref as written, or a generated one such as `R3.2`.
    #[serde(rename = "ref", default)]
    pub action_ref: Text,
    /// True when the ref was generated because the source had none.
    #[serde(default, skip_serializing_if = "is_false")]
    pub ref_generated: bool,
    /// What will be done.
    #[serde(default)]
    pub description: Text,
    /// The owner cell as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<Text>,
    /// Owners split from the owner cell (on "/", ";", line breaks and bullets; never on "&").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub owners: Vec<Text>,
    /// Lead member / portfolio as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_member: Option<Text>,
    // Shared (`Arc`): the importer reads each distinct phrase once, and every action that wrote
    // it holds the same reading. (Not in the doc comment: that is the schema's description.)
    /// The current due date or timeframe, with its original phrase.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeframe: Option<Arc<Timeframe>>,
    // Shared like `timeframe`.
    /// The original due date, when the plan keeps it apart from a revised one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_due: Option<Arc<Timeframe>>,
    /// The status word as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_text: Option<Text>,
    /// Delivery status read from the status word (or from a status word in the RAG or date
    /// column when the plan has no status column).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Reported RAG as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rag: Option<Text>,
    /// Percent complete, 0 to 100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent_complete: Option<f64>,
    /// Progress updates, one per update column (or one from a single column).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub updates: Vec<ProgressUpdate>,
    /// Evidence of completion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Text>,
    /// Further options / next steps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub further_options: Option<Text>,
    /// Every other column, by its header, so nothing is lost.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<Text, Text>,
    /// 1-based source row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// One progress update.
///
/// ```
/// let u = actionplan::ProgressUpdate { period: Some("Q4 2024/25".into()), as_of: None, text: "Done".into(), column: None };
/// assert_eq!(u.text, "Done");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ProgressUpdate {
    /// The period the update is for, as the header names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Text>,
    /// The date the period ends, when it could be read.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::date::opt"
    )]
    pub as_of: Option<NaiveDate>,
    /// The comment.
    pub text: Text,
    /// The source column header.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<Text>,
}

/// Delivery status (lifecycle), apart from the RAG confidence rating.
///
/// ```
/// use actionplan::Status;
/// assert_eq!(Status::parse("Completed"), Some(Status::Complete));
/// assert_eq!(Status::parse("in progress"), Some(Status::InProgress));
/// assert_eq!(Status::parse("Withdrawn"), Some(Status::Cancelled));
/// assert_eq!(Status::parse("banana"), None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Status {
    /// Not started.
    NotStarted,
    /// In progress (also "ongoing", "underway").
    InProgress,
    /// Complete (also "completed", "closed", "done", "achieved").
    Complete,
    /// On hold / paused / deferred.
    OnHold,
    /// Cancelled / withdrawn / no longer required.
    Cancelled,
    /// Superseded / merged into another action.
    Superseded,
    /// A status word the library does not know, as written.
    Other(Text),
}

impl Status {
    /// Read a status word; `None` when it is not a status word. (Use [`Status::Other`] to keep
    /// an unknown word.)
    ///
    /// ```
    /// assert_eq!(actionplan::Status::parse("Not yet started"), Some(actionplan::Status::NotStarted));
    /// ```
    pub fn parse(text: &str) -> Option<Status> {
        let norm = crate::text::normalise_words(text);
        let s = norm.as_str();
        let found = match s {
            "complete" | "completed" | "closed" | "done" | "achieved" | "delivered"
            | "finished" | "implemented" | "blue" | "complete closed" | "completed closed" => {
                Status::Complete
            }
            "in progress" | "inprogress" | "ongoing" | "underway" | "under way" | "started"
            | "in hand" | "progressing" | "open" | "on going" => Status::InProgress,
            "not started" | "not yet started" | "not commenced" | "planned" | "not yet due"
            | "to start" | "yet to start" => Status::NotStarted,
            "on hold" | "paused" | "deferred" | "suspended" => Status::OnHold,
            "cancelled"
            | "canceled"
            | "withdrawn"
            | "no longer required"
            | "not required"
            | "closed not required"
            | "dropped"
            | "abandoned" => Status::Cancelled,
            "superseded" | "merged" | "replaced" | "combined" => Status::Superseded,
            _ => return None,
        };
        Some(found)
    }

    /// Every known status, in lifecycle order.
    ///
    /// ```
    /// assert_eq!(actionplan::Status::ALL[0], actionplan::Status::NotStarted);
    /// ```
    pub const ALL: [Status; 6] = [
        Status::NotStarted,
        Status::InProgress,
        Status::OnHold,
        Status::Complete,
        Status::Cancelled,
        Status::Superseded,
    ];

    /// The snake_case names of [`Status::ALL`], then `"other"` (what an unknown word counts
    /// as): the categories every table of statuses uses, in this order.
    ///
    /// ```
    /// use actionplan::Status;
    /// assert_eq!(Status::NAMES.last(), Some(&"other"));
    /// for (status, name) in Status::ALL.iter().zip(Status::NAMES) {
    ///     assert_eq!(status.as_str(), name);
    /// }
    /// ```
    pub const NAMES: [&'static str; 7] = [
        "not_started",
        "in_progress",
        "on_hold",
        "complete",
        "cancelled",
        "superseded",
        "other",
    ];

    /// The snake_case name.
    ///
    /// ```
    /// assert_eq!(actionplan::Status::OnHold.as_str(), "on_hold");
    /// ```
    pub fn as_str(&self) -> &str {
        match self {
            Status::NotStarted => "not_started",
            Status::InProgress => "in_progress",
            Status::Complete => "complete",
            Status::OnHold => "on_hold",
            Status::Cancelled => "cancelled",
            Status::Superseded => "superseded",
            Status::Other(s) => s,
        }
    }

    /// A label for people ("Not started", "In progress", ...).
    ///
    /// ```
    /// assert_eq!(actionplan::Status::InProgress.label(), "In progress");
    /// ```
    pub fn label(&self) -> &str {
        match self {
            Status::NotStarted => "Not started",
            Status::InProgress => "In progress",
            Status::Complete => "Complete",
            Status::OnHold => "On hold",
            Status::Cancelled => "Cancelled",
            Status::Superseded => "Superseded",
            Status::Other(s) => s,
        }
    }

    /// True for statuses that close an action (complete, cancelled, superseded).
    ///
    /// ```
    /// assert!(actionplan::Status::Superseded.is_closed());
    /// assert!(!actionplan::Status::OnHold.is_closed());
    /// ```
    pub fn is_closed(&self) -> bool {
        matches!(
            self,
            Status::Complete | Status::Cancelled | Status::Superseded
        )
    }
}

/// A reported RAG word, normalised.
///
/// ```
/// use actionplan::model::RagWord;
/// assert_eq!(RagWord::parse("R"), Some(RagWord::Red));
/// assert_eq!(RagWord::parse("Within target"), Some(RagWord::Green));
/// assert_eq!(RagWord::parse("Amber/Green"), Some(RagWord::AmberGreen));
/// assert_eq!(RagWord::parse("Complete"), Some(RagWord::Blue));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RagWord {
    /// Complete (the B of BRAG).
    Blue,
    /// No issues / on track.
    Green,
    /// Five-point: mostly green.
    AmberGreen,
    /// Issues or risks.
    Amber,
    /// Five-point: mostly red.
    AmberRed,
    /// Significant issues / off track.
    Red,
}

impl RagWord {
    /// Read a RAG word as councils write it; `None` when it is not one.
    ///
    /// ```
    /// assert_eq!(actionplan::model::RagWord::parse("off target"), Some(actionplan::model::RagWord::Red));
    /// ```
    pub fn parse(text: &str) -> Option<RagWord> {
        let norm = crate::text::normalise_words(text);
        Some(match norm.as_str() {
            "b" | "blue" | "complete" | "completed" | "closed" | "done" | "achieved" => {
                RagWord::Blue
            }
            "g" | "green" | "on track" | "on target" | "within target" | "good" | "no issues"
            | "on schedule" => RagWord::Green,
            "ag" | "amber green" | "green amber" | "a g" | "g a" => RagWord::AmberGreen,
            "a" | "amber" | "at risk" | "some issues" | "delayed" | "slipping" | "minor delay"
            | "yellow" | "slight delay" | "issues" => RagWord::Amber,
            "ar" | "amber red" | "red amber" | "a r" | "r a" => RagWord::AmberRed,
            "r" | "red" | "off target" | "off track" | "significant issues" | "behind"
            | "not on track" | "overdue" | "missed" => RagWord::Red,
            _ => return None,
        })
    }

    /// The label ("Red", "Amber/Green", ...).
    ///
    /// ```
    /// assert_eq!(actionplan::model::RagWord::AmberRed.label(), "Amber/Red");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            RagWord::Blue => "Blue",
            RagWord::Green => "Green",
            RagWord::AmberGreen => "Amber/Green",
            RagWord::Amber => "Amber",
            RagWord::AmberRed => "Amber/Red",
            RagWord::Red => "Red",
        }
    }
}

impl std::str::FromStr for Status {
    type Err = crate::Error;

    /// A status by its name (`"in_progress"`) or as councils write it (`"Completed"`,
    /// `"Not yet started"`); an unknown word is an error (keep one with [`Status::Other`]).
    ///
    /// ```
    /// use actionplan::Status;
    /// assert_eq!("on_hold".parse::<Status>().unwrap(), Status::OnHold);
    /// assert_eq!("Not yet started".parse::<Status>().unwrap(), Status::NotStarted);
    /// assert!("banana".parse::<Status>().is_err());
    /// ```
    fn from_str(s: &str) -> crate::Result<Status> {
        Status::ALL
            .iter()
            .find(|k| k.as_str() == s.trim())
            .cloned()
            .or_else(|| Status::parse(s))
            .ok_or_else(|| {
                crate::Error::invalid_option(
                    "status",
                    format!(
                        "{s:?} is not a status word; use one of {}",
                        Status::NAMES[..6].join(", ")
                    ),
                )
            })
    }
}

impl std::fmt::Display for Status {
    /// The status as people read it ([`Status::label`]).
    ///
    /// ```
    /// assert_eq!(actionplan::Status::InProgress.to_string(), "In progress");
    /// ```
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

impl std::str::FromStr for RagWord {
    type Err = crate::Error;

    /// A RAG word as councils write it ("Amber/Green", "off target", "R").
    ///
    /// ```
    /// use actionplan::model::RagWord;
    /// assert_eq!("Amber/Green".parse::<RagWord>().unwrap(), RagWord::AmberGreen);
    /// assert!("purple".parse::<RagWord>().is_err());
    /// ```
    fn from_str(s: &str) -> crate::Result<RagWord> {
        RagWord::parse(s)
            .ok_or_else(|| crate::Error::invalid_option("rag", format!("{s:?} is not a RAG word")))
    }
}

impl std::fmt::Display for RagWord {
    /// The label ("Amber/Red").
    ///
    /// ```
    /// assert_eq!(actionplan::model::RagWord::AmberRed.to_string(), "Amber/Red");
    /// ```
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

impl Plan {
    /// The date to rate the plan as of: `given` when the caller chose one, else the date the
    /// plan's own file records ([`PlanMeta::as_of`], e.g. 2025-03-31 for a "2024/25 Qrt4"
    /// tracker), and only then `today()`. Every door (command line, Python, browser) asks this,
    /// so a re-run gives the same figures for the same file; the core itself never reads a clock.
    ///
    /// ```
    /// let d = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
    /// let mut plan = actionplan::Plan::default();
    /// assert_eq!(plan.as_of_or(None, || d("2026-01-01")), d("2026-01-01"));
    /// plan.meta.as_of = Some(d("2025-03-31"));
    /// assert_eq!(plan.as_of_or(None, || d("2026-01-01")), d("2025-03-31"));
    /// assert_eq!(plan.as_of_or(Some(d("2025-06-30")), || d("2026-01-01")), d("2025-06-30"));
    /// ```
    pub fn as_of_or(
        &self,
        given: Option<NaiveDate>,
        today: impl FnOnce() -> NaiveDate,
    ) -> NaiveDate {
        given.or(self.meta.as_of).unwrap_or_else(today)
    }

    /// Number of actions in all recommendations.
    ///
    /// ```
    /// assert_eq!(actionplan::Plan::default().action_count(), 0);
    /// ```
    pub fn action_count(&self) -> usize {
        self.recommendations.iter().map(|r| r.actions.len()).sum()
    }

    /// Every action with its recommendation, in order.
    ///
    /// ```
    /// let plan = actionplan::Plan::default();
    /// assert_eq!(plan.actions().count(), 0);
    /// ```
    pub fn actions(&self) -> impl Iterator<Item = (&Recommendation, &Action)> + '_ {
        self.recommendations
            .iter()
            .flat_map(|r| r.actions.iter().map(move |a| (r, a)))
    }

    /// Give every action without a ref a stable generated one: `R{n}.{m}`, where `n` is the
    /// recommendation's position (1-based) and `m` the action's position in it. Refs that were
    /// written are kept, even when they repeat (a duplicate is a validation finding, never a
    /// silent overwrite).
    ///
    /// ```
    /// let mut plan = actionplan::Plan::default();
    /// let mut r = actionplan::Recommendation::new("A", "t");
    /// r.actions.push(actionplan::Action::new("x"));
    /// plan.recommendations.push(r);
    /// plan.assign_refs();
    /// assert_eq!(plan.recommendations[0].actions[0].action_ref, "R1.1");
    /// assert!(plan.recommendations[0].actions[0].ref_generated);
    /// ```
    pub fn assign_refs(&mut self) {
        for (i, rec) in self.recommendations.iter_mut().enumerate() {
            for (j, action) in rec.actions.iter_mut().enumerate() {
                if action.action_ref.trim().is_empty() {
                    action.action_ref = format!("R{}.{}", i + 1, j + 1).into();
                    action.ref_generated = true;
                }
            }
        }
    }

    /// The columns with a given role.
    ///
    /// ```
    /// use actionplan::model::Role;
    /// assert_eq!(actionplan::Plan::default().columns_with(Role::Owner).count(), 0);
    /// ```
    pub fn columns_with(&self, role: Role) -> impl Iterator<Item = &Column> + '_ {
        self.columns.iter().filter(move |c| c.role == role)
    }
}

impl Action {
    /// An action with a description and nothing else.
    ///
    /// ```
    /// assert_eq!(actionplan::Action::new("x").description, "x");
    /// ```
    pub fn new(description: impl Into<Text>) -> Self {
        Action {
            description: description.into(),
            ..Action::default()
        }
    }

    /// Set the owner cell and split it into owners.
    ///
    /// ```
    /// let mut a = actionplan::Action::new("x");
    /// a.set_owner("Chief Executive / Acting Head of Human Resources");
    /// assert_eq!(a.owners.len(), 2);
    /// ```
    pub fn set_owner(&mut self, text: &str) {
        let text = text.trim();
        if text.is_empty() {
            self.owner = None;
            self.owners.clear();
        } else {
            let owner = Text::from(text);
            self.owners = split_owner_text(&owner);
            self.owner = Some(owner);
        }
    }

    /// Set the status word and read it ([`Status::Other`] when unknown).
    ///
    /// ```
    /// let mut a = actionplan::Action::new("x");
    /// a.set_status("Complete");
    /// assert_eq!(a.status, Some(actionplan::Status::Complete));
    /// a.set_status("Parked");
    /// assert_eq!(a.status, Some(actionplan::Status::Other("Parked".into())));
    /// ```
    pub fn set_status(&mut self, text: &str) {
        let text = text.trim();
        if text.is_empty() {
            self.status_text = None;
            self.status = None;
        } else {
            let text = Text::from(text);
            self.status = Some(Status::parse(&text).unwrap_or_else(|| Status::Other(text.clone())));
            self.status_text = Some(text);
        }
    }

    /// The deadline used for rating: the latest day the timeframe could mean.
    ///
    /// ```
    /// let a = actionplan::Action::new("x");
    /// assert!(a.due().is_none());
    /// ```
    pub fn due(&self) -> Option<NaiveDate> {
        self.timeframe.as_ref().and_then(|t| t.due_latest)
    }

    /// The latest progress update, if any.
    ///
    /// ```
    /// assert!(actionplan::Action::new("x").latest_update().is_none());
    /// ```
    pub fn latest_update(&self) -> Option<&ProgressUpdate> {
        self.updates
            .iter()
            .rev()
            .find(|u| !u.text.trim().is_empty())
    }
}

/// Split an owner cell into owners: on "/", ";", "|", line breaks and bullets. Never on "&"
/// or "," ("Head of Legal & Democratic Services" is one owner; portfolio names contain
/// commas), nor inside parentheses or before a short role token; "and" only beside initials.
///
/// ```
/// use actionplan::model::split_owners;
/// assert_eq!(split_owners("Michael Hann/ John Taylor"), ["Michael Hann", "John Taylor"]);
/// assert_eq!(split_owners("Head of Legal & Democratic Services"), ["Head of Legal & Democratic Services"]);
/// assert_eq!(split_owners("Constitutional Working Party\n\nFull Council"), ["Constitutional Working Party", "Full Council"]);
/// assert_eq!(split_owners("Head of HR/OD"), ["Head of HR/OD"]);
/// assert_eq!(split_owners("Director (Place/Planning)"), ["Director (Place/Planning)"]);
/// assert_eq!(split_owners("AG/ZW"), ["AG", "ZW"]);
/// assert_eq!(split_owners("ZW and Directors"), ["ZW", "Directors"]);
/// assert_eq!(split_owners("Health Wellbeing and Access Team Leader"), ["Health Wellbeing and Access Team Leader"]);
/// ```
pub fn split_owners(text: &str) -> Vec<String> {
    let parts = owner_parts(text);
    let mut out = Vec::with_capacity(parts.clone().count());
    out.extend(parts.map(str::to_string));
    out
}

/// The owners in an owner cell, as slices of it: split at line breaks, ";", "|", bullets and
/// "/", but not inside parentheses ("Director (Place/Planning)"), not before a short role
/// token ("Head of HR/OD"), and not before a line that opens with "(" ("Corporate
/// Manager\n(Human Resources)"); "and" splits only beside initials ("ZW and Directors").
fn owner_parts(text: &str) -> impl Iterator<Item = &str> + Clone {
    let mut parts: Vec<&str> = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, ch) in text.char_indices() {
        let split = match ch {
            '(' | '[' => {
                depth += 1;
                false
            }
            ')' | ']' => {
                depth -= 1;
                false
            }
            _ if depth > 0 => false,
            ';' | '|' | '•' | '·' => true,
            '\n' | '\r' => !text[i + 1..].trim_start().starts_with('('),
            '/' => {
                let before = text[start..i].split_whitespace().count();
                let after = text[i + 1..]
                    .split(['/', ';', '|', '\n', ','])
                    .next()
                    .unwrap_or("")
                    .trim();
                // "HR/OD": a slash between letters with no space is one role's name.
                let tight = i > 0
                    && !text[..i].ends_with(char::is_whitespace)
                    && !text[i + 1..].starts_with(char::is_whitespace);
                let short_token = !after.contains(' ') && after.chars().count() <= 4;
                !(tight && before >= 2 && short_token)
            }
            _ => false,
        };
        if split {
            parts.push(&text[start..i]);
            start = i + ch.len_utf8();
        }
    }
    parts.push(&text[start..]);
    let initials = |w: &str| {
        let w = w.trim();
        (2..=3).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase())
    };
    let mut out: Vec<&str> = Vec::with_capacity(parts.len());
    for p in parts {
        match p.split_once(" and ") {
            Some((a, b)) if initials(a) || initials(b) => {
                out.push(a);
                out.push(b);
            }
            _ => out.push(p),
        }
    }
    out.into_iter()
        .map(|s| {
            let s = s.trim().trim_start_matches(['-', '*', '–']).trim();
            // "… Regional Issues." (a sentence's full stop), not "Co." or "J. Smith".
            if s.ends_with('.') && s.split_whitespace().count() >= 3 {
                s.trim_end_matches('.')
            } else {
                s
            }
        })
        .filter(|s| !s.is_empty())
}

/// [`split_owners`] for a [`Text`]: the owners share the cell's buffer (no copies).
pub(crate) fn split_owner_text(text: &Text) -> Vec<Text> {
    let parts = owner_parts(text);
    let mut out = Vec::with_capacity(parts.clone().count());
    out.extend(parts.map(|p| text.slice_of(p).unwrap_or_else(|| Text::from(p))));
    out
}

/// A status word in a date column (read by [`crate::timeframe`]) and the status it means:
/// here, beside [`Status`], so that the timeframe reader does not depend on the model.
impl StatusWord {
    /// The delivery status the word means; `None` for "N/A" (which says the action has no
    /// deadline to meet, not how far it has got).
    ///
    /// ```
    /// use actionplan::{timeframe::StatusWord, Status};
    /// assert_eq!(StatusWord::Complete.status(), Some(Status::Complete));
    /// assert_eq!(StatusWord::NotApplicable.status(), None);
    /// ```
    pub fn status(self) -> Option<Status> {
        Some(match self {
            StatusWord::Complete => Status::Complete,
            StatusWord::InProgress => Status::InProgress,
            StatusWord::NotStarted => Status::NotStarted,
            StatusWord::OnHold => Status::OnHold,
            StatusWord::Cancelled => Status::Cancelled,
            StatusWord::Superseded => Status::Superseded,
            StatusWord::NotApplicable => return None,
        })
    }
}

/// A status word in a date column equals the status it means ([`StatusWord::status`]).
///
/// ```
/// use actionplan::{timeframe::StatusWord, Status};
/// assert!(StatusWord::Cancelled == Status::Cancelled);
/// assert!(Status::Complete == StatusWord::Complete);
/// assert!(StatusWord::NotApplicable != Status::NotStarted);
/// ```
impl PartialEq<Status> for StatusWord {
    fn eq(&self, status: &Status) -> bool {
        self.status().as_ref() == Some(status)
    }
}

impl PartialEq<StatusWord> for Status {
    fn eq(&self, word: &StatusWord) -> bool {
        word == self
    }
}

//! Timeframes: reading the phrases public bodies write as due dates.
//!
//! GUIDE_PLACEHOLDER

mod cache;
mod calendar;
mod expr;
mod phrases;
mod reading;
mod settings;
mod tokens;

pub use cache::Cache;
pub use calendar::month_end;
pub use settings::{QuarterBasis, SeasonStarts, Settings};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A reading of a due-date phrase.
///
/// ```
/// let t = actionplan::timeframe::parse("31/03/2025", None, &Default::default());
/// assert_eq!(t.due(), Some("2025-03-31".parse().unwrap()));
/// assert_eq!(t.text, "31/03/2025");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Timeframe {
    /// The phrase as written.
    pub text: String,
    /// What kind of phrase it is.
    pub kind: Kind,
    /// Earliest start, when the phrase gives one ("Commence January ...", "From 1 April 2025").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    /// Earliest day the deadline could mean.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_earliest: Option<NaiveDate>,
    /// Latest day the deadline could mean: the deadline used for rating.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_latest: Option<NaiveDate>,
    /// Ongoing / open-ended.
    #[serde(default, skip_serializing_if = "is_false")]
    pub ongoing: bool,
    /// Recurrence, e.g. 4 a year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recurrence: Option<Recurrence>,
    /// Conditional on something else ("when available", "subject to funding").
    #[serde(default, skip_serializing_if = "is_false")]
    pub conditional: bool,
    /// The earlier deadline a revised date was extended from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revised_from: Option<NaiveDate>,
    /// A status word written in the date column ("Completed", "N/A"), reported as such.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<StatusWord>,
    /// How sure the reading is.
    pub confidence: Confidence,
    /// What the reader inferred (e.g. "no year: took the next June after 2025-03-18").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// What kind of phrase a timeframe is.
///
/// ```
/// assert_eq!(actionplan::timeframe::Kind::FinancialYear.as_str(), "financial_year");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// An exact day.
    Day,
    /// A month.
    Month,
    /// A range of months.
    MonthRange,
    /// A quarter.
    Quarter,
    /// A season.
    Season,
    /// A financial year.
    FinancialYear,
    /// A calendar year.
    CalendarYear,
    /// Part of a year ("early 2026").
    PartOfYear,
    /// Open-ended from a start.
    OpenEnded,
    /// Ongoing, no deadline.
    Ongoing,
    /// Recurring.
    Recurring,
    /// Conditional, no date.
    Conditional,
    /// A status word in the date column ("Completed").
    Status,
    /// Could not be read.
    Unreadable,
}

impl Kind {
    /// The snake_case name.
    ///
    /// ```
    /// assert_eq!(actionplan::timeframe::Kind::Day.as_str(), "day");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Day => "day",
            Kind::Month => "month",
            Kind::MonthRange => "month_range",
            Kind::Quarter => "quarter",
            Kind::Season => "season",
            Kind::FinancialYear => "financial_year",
            Kind::CalendarYear => "calendar_year",
            Kind::PartOfYear => "part_of_year",
            Kind::OpenEnded => "open_ended",
            Kind::Ongoing => "ongoing",
            Kind::Recurring => "recurring",
            Kind::Conditional => "conditional",
            Kind::Status => "status",
            Kind::Unreadable => "unreadable",
        }
    }
}

/// A recurrence.
///
/// ```
/// let t = actionplan::timeframe::parse("Annually in May", None, &Default::default());
/// let r = t.recurrence.unwrap();
/// assert_eq!((r.per_year, r.month), (Some(1), Some(5)));
/// assert_eq!(r.text, "Annually");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Recurrence {
    /// Times a year, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_year: Option<u32>,
    /// The words that said so.
    pub text: String,
    /// The month it recurs in, when the phrase names one ("Annually in May").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<u32>,
}

/// How sure a reading is.
///
/// ```
/// assert!(actionplan::timeframe::Confidence::High > actionplan::timeframe::Confidence::Low);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Nothing could be read.
    None,
    /// A guess from part of the phrase.
    Low,
    /// Read with an assumption (no year, a convention).
    Medium,
    /// Read as written.
    High,
}

impl Timeframe {
    /// An unread phrase (kind unreadable, no dates).
    ///
    /// ```
    /// let t = actionplan::timeframe::Timeframe::unreadable("soon-ish");
    /// assert!(t.due().is_none());
    /// ```
    pub fn unreadable(text: &str) -> Self {
        Timeframe {
            text: text.to_string(),
            kind: Kind::Unreadable,
            start: None,
            due_earliest: None,
            due_latest: None,
            ongoing: false,
            recurrence: None,
            conditional: false,
            revised_from: None,
            status: None,
            confidence: Confidence::None,
            note: None,
        }
    }

    /// The deadline used for rating: the latest day the phrase could mean.
    ///
    /// ```
    /// let t = actionplan::timeframe::parse("2025-03-31", None, &Default::default());
    /// assert_eq!(t.due(), Some("2025-03-31".parse().unwrap()));
    /// ```
    pub fn due(&self) -> Option<NaiveDate> {
        self.due_latest
    }

    /// True when the phrase has a deadline.
    ///
    /// ```
    /// assert!(!actionplan::timeframe::Timeframe::unreadable("x").has_deadline());
    /// ```
    pub fn has_deadline(&self) -> bool {
        self.due_latest.is_some()
    }
}

/// A status word found in the date column: a status, reported as such, not a date.
///
/// ```
/// use actionplan::timeframe::{parse, Kind, StatusWord};
/// let t = parse("Completed", None, &Default::default());
/// assert_eq!((t.kind, t.status), (Kind::Status, Some(StatusWord::Complete)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum StatusWord {
    /// "Complete", "Completed", "Done", "Achieved", "Delivered", "Closed", "Implemented".
    Complete,
    /// "In progress", "Underway".
    InProgress,
    /// "Not started".
    NotStarted,
    /// "On hold", "Paused".
    OnHold,
    /// "Cancelled", "Withdrawn", "No longer required".
    Cancelled,
    /// "Superseded", "Merged".
    Superseded,
    /// "N/A", "Not applicable".
    NotApplicable,
}

impl StatusWord {
    /// The snake_case name.
    ///
    /// ```
    /// assert_eq!(actionplan::timeframe::StatusWord::NotApplicable.as_str(), "not_applicable");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            StatusWord::Complete => "complete",
            StatusWord::InProgress => "in_progress",
            StatusWord::NotStarted => "not_started",
            StatusWord::OnHold => "on_hold",
            StatusWord::Cancelled => "cancelled",
            StatusWord::Superseded => "superseded",
            StatusWord::NotApplicable => "not_applicable",
        }
    }
}

/// How overdue a timeframe is on a day: a deadline can be a whole season, so there are two
/// strengths.
///
/// ```
/// use actionplan::timeframe::{parse, Overdue};
/// let t = parse("Before Annual Council May 2025", None, &Default::default());
/// assert_eq!(t.overdue("2025-05-10".parse().unwrap()), Overdue::Possibly);
/// assert_eq!(serde_json::to_string(&Overdue::NoDeadline).unwrap(), "\"no_deadline\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Overdue {
    /// The day is past the latest day the deadline could mean.
    Definitely,
    /// The day is past the earliest day the deadline could mean, but not the latest.
    Possibly,
    /// Not overdue.
    No,
    /// The timeframe has no deadline (ongoing, conditional, unreadable).
    NoDeadline,
}

impl Timeframe {
    /// Overdue on `as_of`: [`Overdue::Definitely`] when `as_of` is after `due_latest`,
    /// [`Overdue::Possibly`] when after `due_earliest` only.
    ///
    /// ```
    /// use actionplan::timeframe::{parse, Overdue};
    /// let t = parse("May 2025", None, &Default::default());
    /// assert_eq!(t.overdue("2025-05-31".parse().unwrap()), Overdue::No);
    /// assert_eq!(t.overdue("2025-06-01".parse().unwrap()), Overdue::Definitely);
    /// assert_eq!(parse("Ongoing", None, &Default::default()).overdue("2025-06-01".parse().unwrap()), Overdue::NoDeadline);
    /// ```
    pub fn overdue(&self, as_of: NaiveDate) -> Overdue {
        match self.due_latest {
            None => Overdue::NoDeadline,
            Some(latest) if as_of > latest => Overdue::Definitely,
            Some(latest) if as_of > self.due_earliest.unwrap_or(latest) => Overdue::Possibly,
            Some(_) => Overdue::No,
        }
    }

    /// Days from `due_latest` to `as_of`: positive when overdue, zero on the day, negative
    /// while there is still time; `None` without a deadline.
    ///
    /// ```
    /// use actionplan::timeframe::parse;
    /// let t = parse("31/03/2025", None, &Default::default());
    /// assert_eq!(t.days_overdue("2025-04-10".parse().unwrap()), Some(10));
    /// assert_eq!(t.days_overdue("2025-03-30".parse().unwrap()), Some(-1));
    /// ```
    pub fn days_overdue(&self, as_of: NaiveDate) -> Option<i64> {
        self.due_latest.map(|d| (as_of - d).num_days())
    }
}

/// Read a phrase against a reference date (the plan date).
///
/// Never panics and never guesses: a phrase it cannot read comes back as
/// [`Kind::Unreadable`] with [`Confidence::None`] and no dates.
///
/// ```
/// use actionplan::timeframe::{parse, Kind};
/// let t = parse("Mar-25", None, &Default::default());
/// assert_eq!(t.kind, Kind::Month);
/// assert_eq!(t.due(), Some("2025-03-31".parse().unwrap()));
/// assert_eq!(parse("soon-ish", None, &Default::default()).kind, Kind::Unreadable);
/// ```
pub fn parse(text: &str, reference: Option<NaiveDate>, settings: &Settings) -> Timeframe {
    reading::read(text, reference, settings)
}

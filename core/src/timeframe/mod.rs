//! Timeframes: reading the phrases public bodies write as due dates.
//!
//! Due dates in real plans are phrases: "Summer 2025", "Mar-25", "Budget 2024/25", "Q3 2024/25",
//! "Commence January for Approval May 2025", "4 x per year ongoing". [`parse`] reads a phrase
//! against a reference date (the plan date) into a [`Timeframe`]: the text as written, a
//! [`Kind`], the earliest start, the deadline as an interval (`due_earliest..=due_latest`, the
//! earliest and latest day it could mean), whether it is ongoing, recurring or conditional, a
//! revised-from date, a status word, a [`Confidence`] and a note saying what was inferred.
//!
//! ```
//! use actionplan::timeframe::{parse, Kind, Overdue, Settings};
//! let plan_date = "2024-12-01".parse().ok();
//! let t = parse("Before Annual Council May 2025", plan_date, &Settings::default());
//! assert_eq!(t.due_earliest, "2025-04-30".parse().ok());
//! assert_eq!(t.due_latest, "2025-05-31".parse().ok()); // the deadline used for rating: t.due()
//! assert_eq!(t.overdue("2025-05-15".parse().unwrap()), Overdue::Possibly);
//! ```
//!
//! # How it reads
//!
//! **Tokens → parts → composition.** Lookalike letters from other scripts and zero-width
//! characters are taken out first (`checks.rs`; the reading is then of low confidence, with a
//! note naming the change). The phrase is cut into words, numbers and separators
//! (`tokens.rs`). A scan over those tokens (`phrases.rs`) finds **parts**: a *period part* (a
//! day, month, quarter, half, season, with early/mid/late/end of; `dates.rs`, `numeric.rs`) and
//! a *year part* in any notation ("2025", "2024/25", "2024 to 25", "FY25", "financial year
//! 2024-25", "2025/26 municipal year"; `grammar.rs`), in either order and with any wrapping
//! (a comma, brackets, "of", "in", "for", "the"). `compose` in `grammar.rs` puts a period and a
//! year together: the one place that decides which period a part of a year is. An impossible
//! part ("Q5", "31 February 2025", "month 13", a range ending before it starts) makes the
//! phrase unreadable with a note saying what was wrong (`checks.rs`). The words that give dates
//! roles and the phrase its flags are in `keywords.rs`. Each date is given its year and period
//! (`expr.rs`, `calendar.rs`), and the dates are combined into one reading (`reading.rs`).
//! `docs/TIMEFRAMES.md` describes the grammar in full.
//!
//! There is no regular expression and no backtracking: the work per phrase is linear in its
//! length, and a phrase longer than [`Settings::max_chars`] (2,000 characters) is read up to
//! that point, with a note. See `benches/timeframe.rs` for the speed (at least 200,000 distinct
//! phrases a second on one core).
//!
//! ```
//! # use actionplan::timeframe::{parse, Confidence, Kind};
//! # let p = |s: &str| parse(s, None, &Default::default());
//! // Any period with any year notation, in any order and wrapping, means the same.
//! for s in ["Q3 2024/25", "Q3 (FY24/25)", "third quarter of the 2024/25 financial year",
//!           "2024/25 Q3", "Qtr 3, 2024 to 2025", "quarter three for FY 2024-25"] {
//!     assert_eq!(p(s).due(), "2024-12-31".parse().ok(), "{s}");
//! }
//! for s in ["March 2024/25", "March (2025)", "March of FY 2024-25", "Mar, 2024 to 25"] {
//!     assert_eq!(p(s).due(), "2025-03-31".parse().ok(), "{s}");
//! }
//! assert_eq!(p("early in 2025").due(), "2025-04-30".parse().ok());
//! // Impossible parts are errors, not guesses.
//! let t = p("Q5 2025");
//! assert_eq!((t.kind, t.confidence), (Kind::Unreadable, Confidence::None));
//! assert!(t.note.unwrap().contains("not a quarter"));
//! assert_eq!(p("Sprimg 2025").confidence, Confidence::Low); // "read 'sprimg' as Spring"
//! ```
//!
//! # Conventions
//!
//! Each is a [`Settings`] field with the default below (`docs/DOMAIN.md`, "Timeframes").
//!
//! - A period phrase is due at the **end** of the period: "May 2025" is due 2025-05-31, with
//!   both ends of the interval on that day ([`Settings::period_due_at_end`]).
//! - The **financial year** runs 1 April – 31 March ([`Settings::financial_year_start_month`]).
//! - **Quarters** are of the financial year unless the phrase says otherwise
//!   ([`Settings::quarter_basis`]): Q1 = Apr–Jun … Q4 = Jan–Mar.
//! - **Seasons** are meteorological: spring Mar–May, summer Jun–Aug, autumn Sep–Nov, winter
//!   Dec–Feb, named by the year they start in ([`Settings::seasons`]).
//! - "Early / mid / late 2026" are thirds of the year (of a month: days 1–10, 11–20, 21–end).
//! - The **civic year** starts at Annual Council in May ([`Settings::civic_year_start_month`]);
//!   local **elections** are in May ([`Settings::election_month`]); a council sets its **budget**
//!   in February for the financial year that follows ([`Settings::budget_month`]).
//! - A phrase with **no year** takes the first such date on or after the reference date, or the
//!   year of another date in the same phrase ("Commence January for Approval May 2025"). With
//!   neither, it is read (kind, note) but not dated, with [`Confidence::Low`].
//! - A phrase with **several dates** is due at the latest; the start is the earliest start.
//! - UK order: "06/07/2025" is 6 July. "Mar-25" is March 2025, never the 25th of March.
//!
//! # Forms understood
//!
//! Days, in numbers and words: "31/03/2025", "31/3/25", "31.03.25", "2025-03-31",
//! "31st March 2025", "24 th June", "1st of April", "31-Mar-25", "March 31st 2025",
//! "Tuesday 4th February 2025", "w/c 3 March 2025", "week commencing 14 April", "Christmas 2025".
//!
//! ```
//! # use actionplan::timeframe::{parse, Kind};
//! # let p = |s: &str| parse(s, None, &Default::default());
//! for s in ["31/03/2025", "31.03.25", "2025-03-31", "31st March 2025", "31-Mar-25", "March 31st 2025"] {
//!     assert_eq!(p(s).due(), "2025-03-31".parse().ok(), "{s}");
//!     assert_eq!(p(s).kind, Kind::Day);
//! }
//! let w = p("w/c 3 March 2025");
//! assert_eq!((w.due_earliest, w.due_latest), ("2025-03-03".parse().ok(), "2025-03-09".parse().ok()));
//! ```
//!
//! Months: "May 2025", "Mar-25", "Sept. 2023", "March '25", "06/25", "06/2025", misspelt
//! ("Febuary", "Setpember"), "end of March 2025" (a day), "mid-March 2025", "early April".
//!
//! ```
//! # use actionplan::timeframe::{parse, Kind};
//! # let p = |s: &str| parse(s, None, &Default::default());
//! for s in ["March 2025", "Mar-25", "Mar. 2025", "March '25", "03/25", "03/2025", "Mrach 2025"] {
//!     assert_eq!(p(s).due(), "2025-03-31".parse().ok(), "{s}");
//! }
//! assert_eq!(p("end of March 2025").kind, Kind::Day);
//! assert_eq!(p("mid-March 2025").due_earliest, "2025-03-20".parse().ok());
//! ```
//!
//! Ranges and alternatives: "April – June 2023", "Jan/Feb 2022", "June 2025 to May 2026",
//! "Dec 2024 - Mar 2025", "17-24 June 2025", "Summer/Autumn 2025", "June or July 2025" (the
//! deadline is either end: `due_earliest` 30 June, `due_latest` 31 July).
//!
//! ```
//! # use actionplan::timeframe::{parse, Kind};
//! # let p = |s: &str| parse(s, None, &Default::default());
//! let t = p("April – June 2023");
//! assert_eq!((t.kind, t.start, t.due()), (Kind::MonthRange, "2023-04-01".parse().ok(), "2023-06-30".parse().ok()));
//! assert_eq!(p("Dec - Feb 2026").start, "2025-12-01".parse().ok());
//! let t = p("June or July 2025");
//! assert_eq!((t.due_earliest, t.due_latest), ("2025-06-30".parse().ok(), "2025-07-31".parse().ok()));
//! ```
//!
//! Financial years: "2024/25", "24/25", "2024-25", "2024/2025", "FY24/25", "FY 2024/25",
//! "financial year 2024-25", "Budget 2024/25" (set from February 2024), "end of 2024/25",
//! "next financial year", "by end of financial year", "year end"; "FY25" (one year: ending or
//! starting in 2025, the interval covers both). Academic and civic years: "academic year
//! 2025/26", "civic year 2025/26", "start of new civic year", "Annual Council".
//!
//! ```
//! # use actionplan::timeframe::{parse, Kind};
//! # let p = |s: &str| parse(s, None, &Default::default());
//! for s in ["2024/25", "24/25", "2024-25", "2024/2025", "FY24/25", "FY 2024/25", "financial year 2024-25"] {
//!     assert_eq!((p(s).kind, p(s).due()), (Kind::FinancialYear, "2025-03-31".parse().ok()), "{s}");
//! }
//! assert_eq!(p("Budget 2024/25").due_earliest, "2024-02-29".parse().ok());
//! let next = parse("next financial year", "2024-10-01".parse().ok(), &Default::default());
//! assert_eq!(next.due(), "2026-03-31".parse().ok());
//! ```
//!
//! Quarters and halves: "Q3", "Qtr 3", "Qtr3", "quarter three", "third quarter", "3rd quarter",
//! with or without the year ("Q3 2024/25", "Q3 24/25", "2024/25 Q3", "Q3 FY24/25"), quarters
//! that name their months ("Quarter 4 (January to March 2025)"), "Q3/Q4 2024/25", "end of Q2";
//! "H1 2025" (calendar), "H2 2024/25" (financial), "first half of 2026". A quarter with one
//! calendar year and no financial hint ("Q3 2024") is the calendar quarter, with medium
//! confidence and a note naming the financial-year reading
//! ([`Settings::quarter_in_calendar_year`] changes that).
//!
//! ```
//! # use actionplan::timeframe::{parse, Kind};
//! # let p = |s: &str| parse(s, None, &Default::default());
//! for s in ["Q3 2024/25", "Qtr 3 2024/25", "quarter three 24/25", "third quarter 2024-25", "2024/25 Q3"] {
//!     assert_eq!((p(s).kind, p(s).due()), (Kind::Quarter, "2024-12-31".parse().ok()), "{s}");
//! }
//! assert_eq!(p("Quarter 4 (January to March 2025)").due(), "2025-03-31".parse().ok());
//! let q3 = parse("Q3", "2024-06-01".parse().ok(), &Default::default());
//! assert_eq!(q3.due(), "2024-12-31".parse().ok());
//! assert_eq!(p("H1 2025").due(), "2025-06-30".parse().ok());
//! ```
//!
//! Seasons and parts of years: "Summer 2025", "Winter 2025" (to February 2026), "Winter
//! 2024/25", "Spring '26", "late summer 2025", "end of summer 2025", "early 2026", "mid-2026",
//! "late 2026", calendar years "2025", "by 2030", "2025-2027", "by the end of the year".
//!
//! ```
//! # use actionplan::timeframe::{parse, Kind};
//! # let p = |s: &str| parse(s, None, &Default::default());
//! assert_eq!(p("Winter 2025").due(), "2026-02-28".parse().ok());
//! assert_eq!((p("mid-2026").kind, p("mid-2026").due()), (Kind::PartOfYear, "2026-08-31".parse().ok()));
//! assert_eq!(p("by 2030").due(), "2030-12-31".parse().ok());
//! assert_eq!(p("Deliver 2000 homes by 2030").due(), "2030-12-31".parse().ok());
//! ```
//!
//! Roles of a date: deadlines ("by", "no later than", "until", "through to", "deadline",
//! "target date"), periods ("in", "during"), "before" (the day before; before an event in a
//! month: that month), starts ("from", "commence", "starting", "w.e.f.", "April 2025 onwards",
//! "after"), revised dates ("30 September 2024 extended from 31 March 2024", "revised from",
//! "originally …, now …", "(was June 2025)", "delayed to").
//!
//! ```
//! # use actionplan::timeframe::{parse, Kind};
//! # let p = |s: &str| parse(s, None, &Default::default());
//! let t = p("Commence January for Approval May 2025");
//! assert_eq!((t.start, t.due()), ("2025-01-01".parse().ok(), "2025-05-31".parse().ok()));
//! let t = p("30 September 2024 extended from 31 March 2024");
//! assert_eq!((t.due(), t.revised_from), ("2024-09-30".parse().ok(), "2024-03-31".parse().ok()));
//! let t = p("From 1 April 2025");
//! assert_eq!((t.kind, t.start, t.ongoing), (Kind::OpenEnded, "2025-04-01".parse().ok(), true));
//! assert_eq!(p("Pay review November 2024\nImplemented by June 2025").due(), "2025-06-30".parse().ok());
//! ```
//!
//! Against the plan date: "immediately", "ASAP", "within 3 months", "over the next 2 years",
//! "this/next quarter", "next financial year", "new civic year", yearless days and months
//! ("Report to 24 th June Cabinet").
//!
//! ```
//! # use actionplan::timeframe::parse;
//! let r = "2025-03-18".parse().ok();
//! let p = |s: &str| parse(s, r, &Default::default());
//! assert_eq!(p("Report to 24 th June Cabinet").due(), "2025-06-24".parse().ok());
//! assert_eq!(p("immediately").due(), r);
//! assert_eq!(p("within 3 months").due(), "2025-06-18".parse().ok());
//! assert_eq!(p("Start of new civic year").due(), "2025-05-31".parse().ok());
//! ```
//!
//! No deadline: ongoing ("Ongoing", "on-going", "BAU", "continuous"), recurring ("4 x per year",
//! "Quarterly", "Monthly", "Annually in May", "twice yearly", "every six months", "bi-monthly",
//! "termly", "every Cabinet meeting"), conditional ("TBC", "to be confirmed", "when available",
//! "subject to …", "dependent on …", "following …"), status words ("Completed", "N/A", "On
//! hold"; "Complete – March 2024" has both). A phrase it cannot read is [`Kind::Unreadable`],
//! [`Confidence::None`], with no dates.
//!
//! ```
//! # use actionplan::timeframe::{parse, Kind, StatusWord};
//! # let p = |s: &str| parse(s, None, &Default::default());
//! let t = p("Ongoing – quarterly");
//! assert_eq!((t.kind, t.ongoing, t.recurrence.unwrap().per_year), (Kind::Recurring, true, Some(4)));
//! assert_eq!((p("TBC").kind, p("TBC").conditional), (Kind::Conditional, true));
//! assert_eq!(p("Completed").status, Some(StatusWord::Complete));
//! assert_eq!(p("Complete – March 2024").due(), "2024-03-31".parse().ok());
//! assert_eq!(p("may be delayed").kind, Kind::Unreadable);
//! ```
//!
//! Repeated phrases can be read once with a [`Cache`].

mod cache;
mod calendar;
mod checks;
mod dates;
mod expr;
mod grammar;
mod keywords;
mod numeric;
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
#[non_exhaustive]
pub struct Timeframe {
    /// The phrase as written.
    pub text: String,
    /// What kind of phrase it is.
    pub kind: Kind,
    /// Earliest start, when the phrase gives one ("Commence January ...", "From 1 April 2025").
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::date::opt"
    )]
    pub start: Option<NaiveDate>,
    /// Earliest day the deadline could mean.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::date::opt"
    )]
    pub due_earliest: Option<NaiveDate>,
    /// Latest day the deadline could mean: the deadline used for rating.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::date::opt"
    )]
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
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::date::opt"
    )]
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
#[non_exhaustive]
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
    /// Every kind, in the order tables list them.
    ///
    /// ```
    /// use actionplan::timeframe::Kind;
    /// assert_eq!(Kind::ALL.len(), Kind::NAMES.len());
    /// for (k, n) in Kind::ALL.iter().zip(Kind::NAMES) {
    ///     assert_eq!(k.as_str(), n);
    /// }
    /// ```
    pub const ALL: [Kind; 14] = [
        Kind::Day,
        Kind::Month,
        Kind::MonthRange,
        Kind::Quarter,
        Kind::Season,
        Kind::FinancialYear,
        Kind::CalendarYear,
        Kind::PartOfYear,
        Kind::OpenEnded,
        Kind::Ongoing,
        Kind::Recurring,
        Kind::Conditional,
        Kind::Status,
        Kind::Unreadable,
    ];

    /// The snake_case names of [`Kind::ALL`], in order (the categories of every table).
    pub const NAMES: [&'static str; 14] = [
        "day",
        "month",
        "month_range",
        "quarter",
        "season",
        "financial_year",
        "calendar_year",
        "part_of_year",
        "open_ended",
        "ongoing",
        "recurring",
        "conditional",
        "status",
        "unreadable",
    ];

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
#[non_exhaustive]
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

impl Overdue {
    /// The snake_case names, most overdue first (the categories of every table).
    ///
    /// ```
    /// use actionplan::timeframe::Overdue;
    /// let all = [Overdue::Definitely, Overdue::Possibly, Overdue::No, Overdue::NoDeadline];
    /// for (o, n) in all.iter().zip(Overdue::NAMES) {
    ///     assert_eq!(o.as_str(), n);
    /// }
    /// ```
    pub const NAMES: [&'static str; 4] = ["definitely", "possibly", "no", "no_deadline"];

    /// The snake_case name ("definitely", "possibly", "no", "no_deadline").
    ///
    /// ```
    /// assert_eq!(actionplan::timeframe::Overdue::NoDeadline.as_str(), "no_deadline");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Overdue::Definitely => "definitely",
            Overdue::Possibly => "possibly",
            Overdue::No => "no",
            Overdue::NoDeadline => "no_deadline",
        }
    }
}

impl std::fmt::Display for Overdue {
    /// The snake_case name, as the JSON form and every table write it.
    ///
    /// ```
    /// assert_eq!(actionplan::timeframe::Overdue::Possibly.to_string(), "possibly");
    /// ```
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Overdue {
    type Err = crate::Error;

    /// An overdue strength by its name ("definitely", "possibly", "no", "no_deadline").
    ///
    /// ```
    /// use actionplan::timeframe::Overdue;
    /// assert_eq!("no_deadline".parse::<Overdue>().unwrap(), Overdue::NoDeadline);
    /// assert!("maybe".parse::<Overdue>().is_err());
    /// ```
    fn from_str(s: &str) -> crate::Result<Overdue> {
        [
            Overdue::Definitely,
            Overdue::Possibly,
            Overdue::No,
            Overdue::NoDeadline,
        ]
        .into_iter()
        .find(|o| o.as_str() == s.trim())
        .ok_or_else(|| {
            crate::Error::invalid_option(
                "overdue",
                format!("{s:?} is not one of {}", Overdue::NAMES.join(", ")),
            )
        })
    }
}

impl std::fmt::Display for Kind {
    /// The snake_case name ("financial_year").
    ///
    /// ```
    /// assert_eq!(actionplan::timeframe::Kind::Season.to_string(), "season");
    /// ```
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Kind {
    type Err = crate::Error;

    /// A kind by its name ("month_range").
    ///
    /// ```
    /// use actionplan::timeframe::Kind;
    /// assert_eq!("month_range".parse::<Kind>().unwrap(), Kind::MonthRange);
    /// assert!("fortnight".parse::<Kind>().is_err());
    /// ```
    fn from_str(s: &str) -> crate::Result<Kind> {
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == s.trim())
            .ok_or_else(|| {
                crate::Error::invalid_option(
                    "kind",
                    format!("{s:?} is not one of {}", Kind::NAMES.join(", ")),
                )
            })
    }
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

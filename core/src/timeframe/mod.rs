//! Timeframes: reading the phrases public bodies write as due dates.
//!
//! (Foundation version: ISO dates, day/month/year and "Month YYYY". The full reader is built
//! in this module.)
//!
//! ```
//! use actionplan::timeframe::{parse, Settings, Kind};
//! let t = parse("May 2025", None, &Settings::default());
//! assert_eq!(t.kind, Kind::Month);
//! assert_eq!(t.due_latest, Some("2025-05-31".parse().unwrap()));
//! ```

use chrono::{Datelike, NaiveDate};
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
/// let r = actionplan::timeframe::Recurrence { per_year: Some(4), text: "4 x per year".into() };
/// assert_eq!(r.per_year, Some(4));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Recurrence {
    /// Times a year, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_year: Option<u32>,
    /// The words that said so.
    pub text: String,
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

/// The conventions used to read phrases; each has the DOMAIN.md default.
///
/// ```
/// let s = actionplan::timeframe::Settings::default();
/// assert_eq!(s.financial_year_start_month, 4);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// First month of the financial year (April = 4).
    pub financial_year_start_month: u32,
    /// First month of the civic (municipal) year (May = 5).
    pub civic_year_start_month: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            financial_year_start_month: 4,
            civic_year_start_month: 5,
        }
    }
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

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn month_from_word(w: &str) -> Option<u32> {
    let w = w.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    for (i, m) in full.iter().enumerate() {
        if m.starts_with(&w) || (w == "sept" && i == 8) {
            return Some(i as u32 + 1);
        }
    }
    let _ = MONTHS;
    None
}

/// Last day of a month.
///
/// ```
/// assert_eq!(actionplan::timeframe::month_end(2024, 2), "2024-02-29".parse().ok());
/// ```
pub fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

/// Read a phrase against a reference date (the plan date).
///
/// ```
/// use actionplan::timeframe::{parse, Kind};
/// let t = parse("Mar-25", None, &Default::default());
/// assert_eq!(t.kind, Kind::Month);
/// assert_eq!(t.due(), Some("2025-03-31".parse().unwrap()));
/// ```
pub fn parse(text: &str, reference: Option<NaiveDate>, settings: &Settings) -> Timeframe {
    let _ = (reference, settings);
    let mut t = Timeframe::unreadable(text);
    let s = text.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d/%m/%Y"))
    {
        t.kind = Kind::Day;
        t.due_earliest = Some(d);
        t.due_latest = Some(d);
        t.confidence = Confidence::High;
        return t;
    }
    let words: Vec<&str> = s.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    if words.len() == 2 {
        if let (Some(m), Ok(y)) = (month_from_word(words[0]), words[1].parse::<i32>()) {
            let year = if words[1].len() == 2 { 2000 + y } else { y };
            if (1900..=2200).contains(&year) {
                t.kind = Kind::Month;
                t.start = NaiveDate::from_ymd_opt(year, m, 1);
                t.due_earliest = month_end(year, m);
                t.due_latest = t.due_earliest;
                t.confidence = Confidence::High;
                return t;
            }
        }
    }
    let _ = Datelike::year(&NaiveDate::MIN);
    t
}

//! The conventions used to read phrases, each a setting with the default in `docs/DOMAIN.md`.

use serde::{Deserialize, Serialize};

/// The conventions used to read phrases; each has the default in `docs/DOMAIN.md`.
///
/// Every field has a default, so a settings file only names what differs:
///
/// ```
/// use actionplan::timeframe::{QuarterBasis, Settings};
/// let s: Settings = serde_json::from_str(r#"{"quarter_basis": "calendar"}"#).unwrap();
/// assert_eq!(s.quarter_basis, QuarterBasis::Calendar);
/// assert_eq!(s.financial_year_start_month, 4);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Settings {
    /// First month of the financial year (April = 4).
    pub financial_year_start_month: u32,
    /// First month of the civic (municipal) year, when Annual Council meets (May = 5).
    pub civic_year_start_month: u32,
    /// Whether "Q3" means a quarter of the financial year (the default) or of the calendar year.
    pub quarter_basis: QuarterBasis,
    /// What a quarter with one calendar year and no financial hint ("Q3 2024") means when
    /// quarters are financial: `None` (the default) reads it as the calendar quarter with medium
    /// confidence and a note naming the financial-year reading; `Some(Calendar)` reads it as the
    /// calendar quarter, `Some(Financial)` as the financial-year quarter falling in that year,
    /// both with high confidence.
    ///
    /// ```
    /// use actionplan::timeframe::{parse, Confidence, QuarterBasis, Settings};
    /// let t = parse("Q3 2024", None, &Settings::default());
    /// assert_eq!((t.due(), t.confidence), ("2024-09-30".parse().ok(), Confidence::Medium));
    /// let mut s = Settings::default();
    /// s.quarter_in_calendar_year = Some(QuarterBasis::Financial);
    /// assert_eq!(parse("Q3 2024", None, &s).due(), "2024-12-31".parse().ok());
    /// ```
    pub quarter_in_calendar_year: Option<QuarterBasis>,
    /// The month each season starts (meteorological by default: March, June, September,
    /// December).
    pub seasons: SeasonStarts,
    /// A period phrase ("May 2025") is due at the end of the period: both ends of the deadline
    /// interval are the period's last day. When false, the deadline interval is the whole period.
    pub period_due_at_end: bool,
    /// The month local elections are held in (May = 5).
    pub election_month: u32,
    /// The month a council sets its budget for the coming financial year ("Budget 2024/25" is
    /// set by February 2024), used as the earliest reading of a budget phrase.
    pub budget_month: u32,
    /// Longest phrase read, in characters (at most 20,000 whatever this says); the rest is
    /// ignored, and the note says so.
    pub max_chars: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            financial_year_start_month: 4,
            civic_year_start_month: 5,
            quarter_basis: QuarterBasis::Financial,
            quarter_in_calendar_year: None,
            seasons: SeasonStarts::default(),
            period_due_at_end: true,
            election_month: 5,
            budget_month: 2,
            max_chars: 2000,
        }
    }
}

/// Which year a bare quarter ("Q3") belongs to.
///
/// ```
/// use actionplan::timeframe::{parse, QuarterBasis, Settings};
/// let mut s = Settings::default();
/// s.quarter_basis = QuarterBasis::Calendar;
/// let t = parse("Q3 2024", None, &s);
/// assert_eq!(t.due(), Some("2024-09-30".parse().unwrap()));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum QuarterBasis {
    /// Q1 is the first three months of the financial year (April to June by default).
    #[default]
    Financial,
    /// Q1 is January to March.
    Calendar,
}

/// The first month of each season; each season runs until the next one starts.
///
/// ```
/// let s = actionplan::timeframe::SeasonStarts::default();
/// assert_eq!((s.spring, s.summer, s.autumn, s.winter), (3, 6, 9, 12));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SeasonStarts {
    /// First month of spring (March).
    pub spring: u32,
    /// First month of summer (June).
    pub summer: u32,
    /// First month of autumn (September).
    pub autumn: u32,
    /// First month of winter (December); winter runs into the next year.
    pub winter: u32,
}

impl Default for SeasonStarts {
    fn default() -> Self {
        SeasonStarts {
            spring: 3,
            summer: 6,
            autumn: 9,
            winter: 12,
        }
    }
}

fn month_or(m: u32, default: u32) -> u32 {
    if (1..=12).contains(&m) {
        m
    } else {
        default
    }
}

impl Settings {
    /// The financial-year start month, or April when the setting is out of range.
    pub(crate) fn fy_month(&self) -> u32 {
        month_or(self.financial_year_start_month, 4)
    }
    pub(crate) fn civic_month(&self) -> u32 {
        month_or(self.civic_year_start_month, 5)
    }
    pub(crate) fn election_m(&self) -> u32 {
        month_or(self.election_month, 5)
    }
    pub(crate) fn budget_m(&self) -> u32 {
        month_or(self.budget_month, 2)
    }
    /// Start month and length in months of season `s` (0 spring, 1 summer, 2 autumn, 3 winter).
    pub(crate) fn season(&self, s: usize) -> (u32, u32) {
        let d = SeasonStarts::default();
        let starts = [
            month_or(self.seasons.spring, d.spring),
            month_or(self.seasons.summer, d.summer),
            month_or(self.seasons.autumn, d.autumn),
            month_or(self.seasons.winter, d.winter),
        ];
        let s = s.min(3);
        let start = starts[s];
        let next = starts[(s + 1) % 4];
        let len = (next + 12 - start) % 12;
        (start, if len == 0 { 3 } else { len })
    }
}

//! The model of a performance indicator: [`Measure`] and the figures it carries.

use crate::text::Text;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One performance indicator (a "measure", "KPI" or "PI") as the plan reports it, kept apart
/// from the actions. Every cell is kept as written next to what was read from it, and columns
/// with no field here are kept by their header in [`Measure::extra`].
///
/// ```
/// use actionplan::measures::{Measure, Polarity, Figure};
/// let mut m = Measure::new("Days to process a new benefit claim");
/// m.target = Some(Figure::read("20 days"));
/// m.actual = Some(Figure::read("18.5 days"));
/// m.polarity = Some(Polarity::Lower);
/// assert_eq!(m.actual.as_ref().unwrap().value, Some(18.5));
/// assert_eq!(m.target.as_ref().unwrap().unit.as_deref(), Some("days"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Measure {
    /// The indicator's reference ("PI 12", "KPI-HS-03"), as written.
    #[serde(default, skip_serializing_if = "Option::is_none", rename = "ref")]
    pub measure_ref: Option<Text>,
    /// The indicator's name or description.
    pub name: Text,
    /// The section heading above it in the table ("Housing"), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<Text>,
    /// The unit, from a Unit column ("days", "%", "£000").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Text>,
    /// How often it is reported, as written ("Quarterly", "Annual").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency_text: Option<Text>,
    /// How often it is reported, read from [`Measure::frequency_text`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency: Option<Frequency>,
    /// The target for the period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Figure>,
    /// The actual figure for this period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<Figure>,
    /// The figure for the previous period (or the same period last year).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<Figure>,
    /// The year-end forecast.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forecast: Option<Figure>,
    /// Whether higher or lower is better, as written ("Higher is better", "Low").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub polarity_text: Option<Text>,
    /// Whether higher or lower is better, read from the polarity column or from the target
    /// ("≤ 5" means lower is better).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub polarity: Option<Polarity>,
    /// How far from target is still amber, from a Tolerance column ("5%", "0.5").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<Tolerance>,
    /// The direction of travel as written ("Better", "Worse", "No change").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction_text: Option<Text>,
    /// The direction of travel, read from [`Measure::direction_text`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// The RAG status the plan reports for it, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rag: Option<Text>,
    /// Who is responsible for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<Text>,
    /// Comments or commentary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comments: Option<Text>,
    /// Columns with no field here, by header (nothing a user supplied is lost).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<Text, Text>,
    /// The source row (1-based), when read from a file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
}

impl Measure {
    /// A measure with a name and nothing else.
    ///
    /// ```
    /// let m = actionplan::measures::Measure::new("Rent collected");
    /// assert_eq!(m.name, "Rent collected");
    /// assert!(m.target.is_none());
    /// ```
    pub fn new(name: impl Into<Text>) -> Self {
        Measure {
            name: name.into(),
            ..Measure::default()
        }
    }

    /// The ref if there is one, else the name: how the measure is named in reports.
    ///
    /// ```
    /// let mut m = actionplan::measures::Measure::new("Rent collected");
    /// assert_eq!(m.label(), "Rent collected");
    /// m.measure_ref = Some("PI 4".into());
    /// assert_eq!(m.label(), "PI 4");
    /// ```
    pub fn label(&self) -> &str {
        self.measure_ref
            .as_deref()
            .filter(|r| !r.trim().is_empty())
            .unwrap_or(&self.name)
    }
}

/// A figure as written and, when it was read with confidence, its value.
///
/// ```
/// use actionplan::measures::{Figure, FigureNote};
/// let f = Figure::read("£1,250");
/// assert_eq!((f.value, f.unit.as_deref()), (Some(1250.0), Some("£")));
/// assert_eq!(Figure::read("Not assessed").note, Some(FigureNote::NotAssessed));
/// assert_eq!(Figure::read("about 5 or 6").value, None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Figure {
    /// The cell as written.
    pub text: Text,
    /// The number, when read with confidence ("12.4", "85%" → 85, "£1.2m" → 1200000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// The unit written with it ("%", "£", "days").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Text>,
    /// A comparison written before the number ("≥ 90%", "< 5").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comparison: Option<Comparison>,
    /// Why there is no value: not assessed this period, not available, or not read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<FigureNote>,
}

impl Figure {
    /// Read a cell (see [`crate::measures::read_figure`]).
    ///
    /// ```
    /// let f = actionplan::measures::Figure::read("≥ 90%");
    /// assert_eq!(f.value, Some(90.0));
    /// ```
    pub fn read(text: &str) -> Figure {
        super::figure::read_figure(text)
    }
}

/// Why a figure has no value.
///
/// ```
/// use actionplan::measures::FigureNote;
/// assert_eq!(FigureNote::NotAssessed.label(), "not assessed this period");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FigureNote {
    /// "Not assessed", "Annual", "Reported annually": not measured this period.
    NotAssessed,
    /// "n/a", "TBC", "Data not available", "-": no figure.
    NotAvailable,
    /// Written, but not read as a number with confidence ("5 or 6", "2024/25").
    Unread,
}

impl FigureNote {
    /// In words.
    ///
    /// ```
    /// assert_eq!(actionplan::measures::FigureNote::Unread.label(), "not read as a number");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            FigureNote::NotAssessed => "not assessed this period",
            FigureNote::NotAvailable => "not available",
            FigureNote::Unread => "not read as a number",
        }
    }
}

/// A comparison written before a figure.
///
/// ```
/// use actionplan::measures::{Comparison, Figure};
/// assert_eq!(Figure::read("<5").comparison, Some(Comparison::Below));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    /// "<".
    Below,
    /// "≤", "<=", "max", "no more than".
    AtMost,
    /// "≥", ">=", "min", "at least".
    AtLeast,
    /// ">".
    Above,
}

/// Whether a higher or a lower figure is better.
///
/// ```
/// use actionplan::measures::Polarity;
/// assert_eq!(Polarity::parse("Lower is better"), Some(Polarity::Lower));
/// assert_eq!(Polarity::parse("High"), Some(Polarity::Higher));
/// assert_eq!(Polarity::Lower.label(), "lower is better");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    /// Higher is better.
    Higher,
    /// Lower is better.
    Lower,
    /// Neither: a figure reported for information ("data only", "contextual").
    Neither,
}

impl Polarity {
    /// Read a polarity cell: "Higher is better", "High", "Bigger is better", "Up", "↑";
    /// "Lower is better", "Low", "Smaller is better", "Down", "↓"; "Data only",
    /// "Contextual", "N/A" (neither).
    ///
    /// ```
    /// use actionplan::measures::Polarity;
    /// assert_eq!(Polarity::parse("↓"), Some(Polarity::Lower));
    /// assert_eq!(Polarity::parse("Data only"), Some(Polarity::Neither));
    /// assert_eq!(Polarity::parse("Sometimes"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Polarity> {
        let t = crate::text::normalise_words(text);
        let t = t.trim();
        let t = t
            .strip_suffix(" is better")
            .or_else(|| t.strip_suffix(" is good"))
            .or_else(|| t.strip_suffix(" better"))
            .or_else(|| t.strip_suffix(" good"))
            .unwrap_or(t)
            .trim();
        let t = t
            .strip_prefix("good is ")
            .or_else(|| t.strip_prefix("aim "))
            .unwrap_or(t);
        Some(match t {
            "higher" | "high" | "bigger" | "more" | "up" | "increase" | "maximise" => {
                Polarity::Higher
            }
            "lower" | "low" | "smaller" | "less" | "fewer" | "down" | "decrease" | "minimise" => {
                Polarity::Lower
            }
            "data only" | "contextual" | "context" | "n a" | "na" | "none" | "neither"
            | "monitor" | "monitoring only" | "information only" => Polarity::Neither,
            _ => match text.trim() {
                "↑" | "▲" | "+" => Polarity::Higher,
                "↓" | "▼" | "-" => Polarity::Lower,
                _ => return None,
            },
        })
    }

    /// In words, as reasons write it.
    ///
    /// ```
    /// assert_eq!(actionplan::measures::Polarity::Higher.label(), "higher is better");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            Polarity::Higher => "higher is better",
            Polarity::Lower => "lower is better",
            Polarity::Neither => "for information: neither higher nor lower is better",
        }
    }
}

/// How often a measure is reported.
///
/// ```
/// use actionplan::measures::Frequency;
/// assert_eq!(Frequency::parse("Quarterly"), Some(Frequency::Quarterly));
/// assert_eq!(Frequency::parse("Annual"), Some(Frequency::Annual));
/// assert!(Frequency::Annual.is_less_often_than_quarterly());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    /// Weekly.
    Weekly,
    /// Monthly.
    Monthly,
    /// Quarterly.
    Quarterly,
    /// Every six months.
    HalfYearly,
    /// Once a year (or less often).
    Annual,
}

impl Frequency {
    /// Read a frequency cell ("Monthly", "Qtrly", "Q", "Half-yearly", "6 monthly",
    /// "Annually", "Yearly", "Biennial").
    ///
    /// ```
    /// use actionplan::measures::Frequency;
    /// assert_eq!(Frequency::parse("6 monthly"), Some(Frequency::HalfYearly));
    /// assert_eq!(Frequency::parse("Qtrly"), Some(Frequency::Quarterly));
    /// assert_eq!(Frequency::parse("Ad hoc"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Frequency> {
        let t = crate::text::normalise_words(text);
        Some(match t.trim() {
            "weekly" | "w" | "week" => Frequency::Weekly,
            "monthly" | "m" | "month" | "mthly" => Frequency::Monthly,
            "quarterly" | "q" | "qtrly" | "qtr" | "quarter" | "3 monthly" => Frequency::Quarterly,
            "half yearly" | "half year" | "halfyearly" | "6 monthly" | "six monthly"
            | "biannual" | "bi annual" | "biannually" | "h" => Frequency::HalfYearly,
            "annual" | "annually" | "yearly" | "a" | "year" | "biennial" | "biennially"
            | "every two years" | "annual survey" => Frequency::Annual,
            _ => return None,
        })
    }

    /// Whether a quarterly report would not have a figure for it every quarter.
    ///
    /// ```
    /// assert!(!actionplan::measures::Frequency::Monthly.is_less_often_than_quarterly());
    /// ```
    pub fn is_less_often_than_quarterly(self) -> bool {
        matches!(self, Frequency::HalfYearly | Frequency::Annual)
    }

    /// In words ("quarterly").
    ///
    /// ```
    /// assert_eq!(actionplan::measures::Frequency::HalfYearly.label(), "half-yearly");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            Frequency::Weekly => "weekly",
            Frequency::Monthly => "monthly",
            Frequency::Quarterly => "quarterly",
            Frequency::HalfYearly => "half-yearly",
            Frequency::Annual => "annual",
        }
    }
}

/// The direction of travel since the previous period.
///
/// ```
/// use actionplan::measures::Direction;
/// assert_eq!(Direction::parse("Improved"), Some(Direction::Better));
/// assert_eq!(Direction::parse("No change"), Some(Direction::NoChange));
/// assert_eq!(Direction::NoChange.label(), "No change");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Better than the previous period.
    Better,
    /// Worse than the previous period.
    Worse,
    /// The same.
    NoChange,
}

impl Direction {
    /// Read a direction-of-travel cell ("Better", "Improving", "Worse", "Declining",
    /// "No change", "Same", "Stable", "Static", "Maintained"). Arrows are not read: "↑"
    /// says the figure went up, not whether that is better.
    ///
    /// ```
    /// use actionplan::measures::Direction;
    /// assert_eq!(Direction::parse("Deteriorating"), Some(Direction::Worse));
    /// assert_eq!(Direction::parse("↑"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Direction> {
        let t = crate::text::normalise_words(text);
        Some(match t.trim() {
            "better" | "improved" | "improving" | "improvement" | "getting better" => {
                Direction::Better
            }
            "worse" | "declined" | "declining" | "deteriorated" | "deteriorating" | "worsened"
            | "worsening" | "getting worse" | "decline" => Direction::Worse,
            "no change" | "same" | "stable" | "static" | "maintained" | "unchanged"
            | "no movement" | "steady" => Direction::NoChange,
            _ => return None,
        })
    }

    /// As councils write it ("Better", "Worse", "No change").
    ///
    /// ```
    /// assert_eq!(actionplan::measures::Direction::Worse.label(), "Worse");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            Direction::Better => "Better",
            Direction::Worse => "Worse",
            Direction::NoChange => "No change",
        }
    }
}

/// How far from target is still amber: a percentage of the target, or an amount in the
/// measure's unit.
///
/// ```
/// use actionplan::measures::Tolerance;
/// assert_eq!(Tolerance::parse("5%"), Some(Tolerance::Percent(5.0)));
/// assert_eq!(Tolerance::parse("±0.5"), Some(Tolerance::Absolute(0.5)));
/// assert_eq!(Tolerance::parse("some"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Tolerance {
    /// Within this percentage of the target.
    Percent(f64),
    /// Within this amount of the target, in the measure's unit.
    Absolute(f64),
}

impl Tolerance {
    /// Read a tolerance cell: "5%", "+/- 5%", "±0.5", "2 days". A percentage is of the
    /// target; any other number is an amount in the measure's unit.
    ///
    /// ```
    /// use actionplan::measures::Tolerance;
    /// assert_eq!(Tolerance::parse("+/- 10%"), Some(Tolerance::Percent(10.0)));
    /// assert_eq!(Tolerance::parse("-3"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Tolerance> {
        let t = text.trim();
        let t = t
            .strip_prefix("+/-")
            .or_else(|| t.strip_prefix('±'))
            .or_else(|| t.strip_prefix("+-"))
            .unwrap_or(t)
            .trim();
        let f = super::figure::read_figure(t);
        let v = f.value.filter(|v| *v >= 0.0 && v.is_finite())?;
        if f.comparison.is_some() {
            return None;
        }
        Some(if f.unit.as_deref() == Some("%") {
            Tolerance::Percent(v)
        } else {
            Tolerance::Absolute(v)
        })
    }

    /// In words ("5% of target", "0.5").
    ///
    /// ```
    /// assert_eq!(actionplan::measures::Tolerance::Percent(5.0).label(), "5% of target");
    /// ```
    pub fn label(self) -> String {
        match self {
            Tolerance::Percent(p) => format!("{}% of target", super::figure::number(p)),
            Tolerance::Absolute(a) => super::figure::number(a),
        }
    }
}

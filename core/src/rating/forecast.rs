//! Forecast: how far along an action should be by now, if progress grew evenly from its start
//! to its deadline, and how its percent complete compares.
//!
//! The start is the action's start-date column when the plan has one (a column headed "Start
//! date", "Start", "Date started", "Planned start" or "Actual start", or the column a rule set
//! names in `forecast.start_column`), else the plan's date ([`crate::model::PlanMeta::plan_date`]).
//! The deadline is a point of the action's timeframe: by default its end ("Summer 2025": 31
//! August 2025), or its start (1 June) or the middle of the two, as the rule set's
//! `forecast.deadline` says.
//!
//! ```
//! use actionplan::rating::{Forecast, DeadlinePoint};
//! let f: Forecast = serde_json::from_str(r#"{"deadline": "middle"}"#).unwrap();
//! assert_eq!(f.deadline, DeadlinePoint::Middle);
//! assert_eq!(Forecast::default().deadline, DeadlinePoint::End);
//! ```

use crate::model::{Action, Plan, Role};
use crate::timeframe::Timeframe;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// Which day of a timeframe counts as the deadline for the forecast.
///
/// ```
/// use actionplan::rating::DeadlinePoint;
/// let p: DeadlinePoint = serde_json::from_str("\"start\"").unwrap();
/// assert_eq!(p, DeadlinePoint::Start);
/// assert!(serde_json::from_str::<DeadlinePoint>("\"soon\"").is_err());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeadlinePoint {
    /// The last day the timeframe could mean ("Summer 2025": 31 August 2025).
    #[default]
    End,
    /// The first day of the timeframe's period ("Summer 2025": 1 June 2025), or the earliest
    /// day the deadline could mean when the phrase has no period.
    Start,
    /// Halfway between the start and the end (rounded down to a day).
    Middle,
}

impl DeadlinePoint {
    /// The deadline day of a timeframe; `None` when it has no deadline (ongoing, none given).
    ///
    /// ```
    /// use actionplan::rating::DeadlinePoint;
    /// let t = actionplan::timeframe::parse("Summer 2025", None, &Default::default());
    /// let day = |p: DeadlinePoint| p.of(&t).unwrap().to_string();
    /// assert_eq!(day(DeadlinePoint::End), "2025-08-31");
    /// assert_eq!(day(DeadlinePoint::Start), "2025-06-01");
    /// assert_eq!(day(DeadlinePoint::Middle), "2025-07-16");
    /// ```
    pub fn of(self, t: &Timeframe) -> Option<NaiveDate> {
        let end = t.due_latest?;
        let first = t.start.or(t.due_earliest).unwrap_or(end).min(end);
        Some(match self {
            DeadlinePoint::End => end,
            DeadlinePoint::Start => first,
            DeadlinePoint::Middle => first.checked_add_signed((end - first) / 2).unwrap_or(end),
        })
    }
}

/// A rule set's forecast settings (`"forecast": {"deadline": "end"}` in a rules file).
///
/// ```
/// use actionplan::rating::{DeadlinePoint, Forecast};
/// let f: Forecast = serde_json::from_str(r#"{"deadline": "start", "start_column": "Kick-off"}"#).unwrap();
/// assert_eq!((f.deadline, f.start_column.as_deref()), (DeadlinePoint::Start, Some("Kick-off")));
/// assert!(serde_json::from_str::<Forecast>(r#"{"deadlin": "end"}"#).is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Forecast {
    /// Which day of a timeframe is the deadline progress should reach 100% by (default: its
    /// end).
    #[serde(default)]
    pub deadline: DeadlinePoint,
    /// The header of the column holding each action's start date, when the plan's own header
    /// is not one of those read by default ("Start date", "Start", "Date started", "Planned
    /// start", "Actual start"). Case and punctuation do not matter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_column: Option<String>,
}

impl Forecast {
    /// True for the default settings (not written out with a rule set).
    ///
    /// ```
    /// assert!(actionplan::rating::Forecast::default().is_default());
    /// ```
    pub fn is_default(&self) -> bool {
        *self == Forecast::default()
    }
}

/// Start-date headers read by default, as normalised words.
const START_HEADERS: [&str; 6] = [
    "start date",
    "start",
    "date started",
    "planned start",
    "planned start date",
    "actual start",
];

/// What the forecast needs from a plan, worked out once: the start column's header (as the
/// plan writes it), the plan's date, and the deadline point.
#[derive(Debug, Clone)]
pub(crate) struct ForecastContext<'a> {
    /// The start column's header as written in the plan; `None` when the plan's columns are
    /// unknown (built in code) and each action's own extra cells are looked at.
    start_header: StartColumn<'a>,
    plan_date: Option<NaiveDate>,
    pub(crate) deadline: DeadlinePoint,
}

#[derive(Debug, Clone)]
enum StartColumn<'a> {
    /// The plan has this start column.
    Header(&'a str),
    /// The plan has columns, none of them a start column.
    None,
    /// The plan lists no columns: look for a start header among each action's extra cells.
    PerAction(Option<String>),
}

fn is_start_header(header: &str, wanted: Option<&str>) -> bool {
    let h = crate::text::normalise_words(header);
    match wanted {
        Some(w) => h == *w,
        None => START_HEADERS.contains(&h.as_str()),
    }
}

impl<'a> ForecastContext<'a> {
    pub(crate) fn new(plan: &'a Plan, settings: Option<&Forecast>) -> ForecastContext<'a> {
        let wanted = settings
            .and_then(|s| s.start_column.as_deref())
            .map(crate::text::normalise_words)
            .filter(|w| !w.is_empty());
        let start_header = if plan.columns.is_empty() {
            StartColumn::PerAction(wanted)
        } else {
            plan.columns
                .iter()
                .find(|c| c.role == Role::Extra && is_start_header(&c.header, wanted.as_deref()))
                .map_or(StartColumn::None, |c| {
                    StartColumn::Header(c.header.as_str())
                })
        };
        ForecastContext {
            start_header,
            plan_date: plan.meta.plan_date,
            deadline: settings.map(|s| s.deadline).unwrap_or_default(),
        }
    }

    /// The day the action's work starts: its start-date cell (the first day of the phrase it
    /// holds), else the plan's date.
    pub(crate) fn start(&self, action: &Action) -> Option<NaiveDate> {
        let cell = match &self.start_header {
            StartColumn::Header(h) => action.extra.get(*h).map(|c| &**c),
            StartColumn::None => None,
            StartColumn::PerAction(wanted) if !action.extra.is_empty() => action
                .extra
                .iter()
                .find(|(h, _)| is_start_header(h, wanted.as_deref()))
                .map(|(_, c)| &**c),
            StartColumn::PerAction(_) => None,
        };
        cell.filter(|c| !crate::text::is_blank(c))
            .and_then(|c| {
                first_day(&crate::timeframe::parse(
                    c,
                    self.plan_date,
                    &Default::default(),
                ))
            })
            .or(self.plan_date)
    }
}

/// The first day a start cell means: the start of its period ("From April 2025", "Summer
/// 2025"), the first of its month ("April 2025"), or its earliest day ("01/04/2025").
fn first_day(t: &Timeframe) -> Option<NaiveDate> {
    t.start.or_else(|| {
        let d = t.due_earliest?;
        if t.kind == crate::timeframe::Kind::Month {
            d.with_day(1)
        } else {
            Some(d)
        }
    })
}

/// The percent of the work expected done by `as_of` if progress grew evenly from `start` (0%)
/// to `deadline` (100%), to two decimal places: 0 up to the start, 100 from the deadline on
/// (also when the start is not before the deadline).
///
/// ```
/// use actionplan::rating::expected_percent;
/// let d = |s: &str| s.parse().unwrap();
/// assert_eq!(expected_percent(d("2025-01-01"), d("2025-01-11"), d("2025-01-08")), 70.0);
/// assert_eq!(expected_percent(d("2025-01-01"), d("2025-01-11"), d("2025-03-01")), 100.0);
/// assert_eq!(expected_percent(d("2025-01-01"), d("2025-01-11"), d("2024-12-01")), 0.0);
/// assert_eq!(expected_percent(d("2025-01-01"), d("2025-01-04"), d("2025-01-02")), 33.33);
/// ```
pub fn expected_percent(start: NaiveDate, deadline: NaiveDate, as_of: NaiveDate) -> f64 {
    if as_of >= deadline {
        return 100.0;
    }
    if as_of <= start {
        return 0.0;
    }
    // Whole days, multiplied before dividing so that 7 of 10 days is exactly 70.
    let done = (as_of - start).num_days() as f64;
    let all = (deadline - start).num_days() as f64;
    (done * 10_000.0 / all).round() / 100.0
}

/// Percent complete over the expected percent; `None` when either is unknown or nothing is
/// expected yet. Rounded to nine decimal places, so that 63% done of 70% expected is exactly
/// 0.9 whatever the arithmetic's last digit.
///
/// ```
/// use actionplan::rating::progress_ratio;
/// assert_eq!(progress_ratio(Some(63.0), Some(70.0)), Some(0.9));
/// assert_eq!(progress_ratio(Some(10.0), Some(0.0)), None);
/// assert_eq!(progress_ratio(None, Some(50.0)), None);
/// ```
pub fn progress_ratio(percent: Option<f64>, expected: Option<f64>) -> Option<f64> {
    let (p, e) = (percent?, expected?);
    if e <= 0.0 || !p.is_finite() {
        return None;
    }
    Some(((p / e) * 1e9).round() / 1e9)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn expected_grows_linearly_and_is_capped() {
        let (s, e) = (d("2025-04-01"), d("2025-04-11"));
        assert_eq!(expected_percent(s, e, d("2025-04-01")), 0.0);
        assert_eq!(expected_percent(s, e, d("2025-04-06")), 50.0);
        assert_eq!(expected_percent(s, e, d("2025-04-10")), 90.0);
        assert_eq!(expected_percent(s, e, d("2025-04-11")), 100.0);
        assert_eq!(expected_percent(s, e, d("2026-01-01")), 100.0);
    }

    #[test]
    fn start_on_the_deadline_jumps_from_nothing_to_everything() {
        let s = d("2025-04-01");
        assert_eq!(expected_percent(s, s, d("2025-03-31")), 0.0);
        assert_eq!(expected_percent(s, s, s), 100.0);
        // A start after the deadline (a slip written into the start column) is the same.
        assert_eq!(expected_percent(d("2025-05-01"), s, d("2025-04-15")), 100.0);
        assert_eq!(expected_percent(d("2025-05-01"), s, d("2025-03-15")), 0.0);
    }

    #[test]
    fn ratio_at_the_boundaries() {
        assert_eq!(progress_ratio(Some(63.0), Some(70.0)), Some(0.9));
        assert!(progress_ratio(Some(62.9), Some(70.0)).unwrap() < 0.9);
        assert_eq!(progress_ratio(Some(0.0), Some(40.0)), Some(0.0));
        assert_eq!(progress_ratio(Some(50.0), Some(100.0)), Some(0.5));
        assert_eq!(progress_ratio(None, Some(100.0)), None);
        assert_eq!(progress_ratio(Some(50.0), None), None);
        assert_eq!(progress_ratio(Some(50.0), Some(0.0)), None);
    }

    #[test]
    fn deadline_points_of_a_day_and_of_an_uncertain_phrase() {
        let settings = Default::default();
        let day = crate::timeframe::parse("31/03/2025", None, &settings);
        for p in [
            DeadlinePoint::End,
            DeadlinePoint::Start,
            DeadlinePoint::Middle,
        ] {
            assert_eq!(p.of(&day), Some(d("2025-03-31")));
        }
        let ongoing = crate::timeframe::parse("Ongoing", None, &settings);
        assert_eq!(DeadlinePoint::End.of(&ongoing), None);
    }

    #[test]
    fn start_from_a_start_column_or_the_plan_date() {
        let mut plan = Plan::default();
        plan.meta.plan_date = Some(d("2025-01-15"));
        let mut a = Action::new("x");
        let ctx = ForecastContext::new(&plan, None);
        assert_eq!(ctx.start(&a), Some(d("2025-01-15")));
        a.extra.insert("Start date".into(), "01/03/2025".into());
        assert_eq!(ctx.start(&a), Some(d("2025-03-01")));
        a.extra.insert("Start date".into(), "April 2025".into());
        assert_eq!(ctx.start(&a), Some(d("2025-04-01")));
        // An unreadable cell falls back to the plan's date.
        a.extra.insert("Start date".into(), "tbc".into());
        assert_eq!(ctx.start(&a), Some(d("2025-01-15")));
        // A header named by the rule set.
        let mut b = Action::new("y");
        b.extra.insert("Kick-off".into(), "02/02/2025".into());
        assert_eq!(ctx.start(&b), Some(d("2025-01-15")));
        let named = Forecast {
            start_column: Some("kick off".into()),
            ..Default::default()
        };
        let ctx = ForecastContext::new(&plan, Some(&named));
        assert_eq!(ctx.start(&b), Some(d("2025-02-02")));
        // No start column and no plan date: no start.
        let undated = Plan::default();
        let ctx = ForecastContext::new(&undated, None);
        assert_eq!(ctx.start(&Action::new("z")), None);
    }
}

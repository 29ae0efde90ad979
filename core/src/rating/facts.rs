//! Facts about an action as of a date: what the rules look at.

use super::forecast::{Forecast, ForecastContext};
use crate::model::{Action, Plan, RagWord, Status};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use crate::timeframe::Overdue;

/// Order for lists: definitely, possibly, no, no deadline.
pub(crate) fn overdue_rank(o: Overdue) -> u8 {
    match o {
        Overdue::Definitely => 0,
        Overdue::Possibly => 1,
        Overdue::No => 2,
        Overdue::NoDeadline => 3,
    }
}

/// The delivery status as a fact: the [`Status`] kinds, plus `other` (a word the library does
/// not know) and `none` (no status recorded).
///
/// ```
/// use actionplan::rating::StatusFact;
/// assert_eq!(StatusFact::of(Some(&actionplan::Status::Complete)), StatusFact::Complete);
/// assert_eq!(StatusFact::of(None), StatusFact::None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum StatusFact {
    /// Not started.
    NotStarted,
    /// In progress.
    InProgress,
    /// Complete.
    Complete,
    /// On hold.
    OnHold,
    /// Cancelled or withdrawn.
    Cancelled,
    /// Superseded or merged.
    Superseded,
    /// A status word the library does not know.
    Other,
    /// No status recorded.
    None,
}

impl StatusFact {
    /// Every status fact, in order.
    ///
    /// ```
    /// assert_eq!(actionplan::rating::StatusFact::ALL.len(), 8);
    /// ```
    pub const ALL: [StatusFact; 8] = [
        StatusFact::NotStarted,
        StatusFact::InProgress,
        StatusFact::Complete,
        StatusFact::OnHold,
        StatusFact::Cancelled,
        StatusFact::Superseded,
        StatusFact::Other,
        StatusFact::None,
    ];

    /// The fact for a status.
    ///
    /// ```
    /// use actionplan::{rating::StatusFact, Status};
    /// assert_eq!(StatusFact::of(Some(&Status::Other("Parked".into()))), StatusFact::Other);
    /// ```
    pub fn of(status: Option<&Status>) -> StatusFact {
        match status {
            None => StatusFact::None,
            Some(Status::NotStarted) => StatusFact::NotStarted,
            Some(Status::InProgress) => StatusFact::InProgress,
            Some(Status::Complete) => StatusFact::Complete,
            Some(Status::OnHold) => StatusFact::OnHold,
            Some(Status::Cancelled) => StatusFact::Cancelled,
            Some(Status::Superseded) => StatusFact::Superseded,
            Some(Status::Other(_)) => StatusFact::Other,
        }
    }

    /// The snake_case name.
    ///
    /// ```
    /// assert_eq!(actionplan::rating::StatusFact::InProgress.as_str(), "in_progress");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            StatusFact::NotStarted => "not_started",
            StatusFact::InProgress => "in_progress",
            StatusFact::Complete => "complete",
            StatusFact::OnHold => "on_hold",
            StatusFact::Cancelled => "cancelled",
            StatusFact::Superseded => "superseded",
            StatusFact::Other => "other",
            StatusFact::None => "none",
        }
    }

    /// True for complete, cancelled and superseded.
    ///
    /// ```
    /// assert!(actionplan::rating::StatusFact::Cancelled.is_closed());
    /// ```
    pub fn is_closed(self) -> bool {
        matches!(
            self,
            StatusFact::Complete | StatusFact::Cancelled | StatusFact::Superseded
        )
    }

    pub(crate) fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// A recorded status as a fact (see [`StatusFact::of`]).
///
/// ```
/// use actionplan::{rating::StatusFact, Status};
/// assert_eq!(StatusFact::from(&Status::OnHold), StatusFact::OnHold);
/// assert_eq!(StatusFact::from(None::<&Status>), StatusFact::None);
/// ```
impl From<&Status> for StatusFact {
    fn from(status: &Status) -> Self {
        StatusFact::of(Some(status))
    }
}

impl From<Option<&Status>> for StatusFact {
    fn from(status: Option<&Status>) -> Self {
        StatusFact::of(status)
    }
}

/// A status and a fact are equal when the fact is the status's ([`StatusFact::of`]), so an
/// assessment's facts join the plan's statuses directly.
///
/// ```
/// use actionplan::{rating::StatusFact, Status};
/// assert!(Status::Complete == StatusFact::Complete);
/// assert!(StatusFact::Other == Status::Other("Parked".into()));
/// assert!(Status::Complete != StatusFact::None);
/// ```
impl PartialEq<StatusFact> for Status {
    fn eq(&self, fact: &StatusFact) -> bool {
        StatusFact::of(Some(self)) == *fact
    }
}

impl PartialEq<Status> for StatusFact {
    fn eq(&self, status: &Status) -> bool {
        StatusFact::of(Some(status)) == *self
    }
}

/// The reported RAG as a fact: a [`RagWord`], or `other` (text that is not a RAG word), or
/// `none` (blank).
///
/// ```
/// use actionplan::rating::ReportedFact;
/// assert_eq!(ReportedFact::of(Some("Within target")), ReportedFact::Green);
/// assert_eq!(ReportedFact::of(Some("see note")), ReportedFact::Other);
/// assert_eq!(ReportedFact::of(Some("  ")), ReportedFact::None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ReportedFact {
    /// Blue (complete).
    Blue,
    /// Green.
    Green,
    /// Amber/Green.
    AmberGreen,
    /// Amber.
    Amber,
    /// Amber/Red.
    AmberRed,
    /// Red.
    Red,
    /// Text that is not a RAG word.
    Other,
    /// Nothing reported.
    None,
}

impl ReportedFact {
    /// Read the reported RAG cell.
    ///
    /// ```
    /// assert_eq!(actionplan::rating::ReportedFact::of(None), actionplan::rating::ReportedFact::None);
    /// ```
    pub fn of(text: Option<&str>) -> ReportedFact {
        let Some(t) = text.filter(|t| !crate::text::is_blank(t)) else {
            return ReportedFact::None;
        };
        match RagWord::parse(t) {
            Some(w) => ReportedFact::from(w),
            None => ReportedFact::Other,
        }
    }

    /// The RAG word, when it is one.
    ///
    /// ```
    /// use actionplan::{rating::ReportedFact, model::RagWord};
    /// assert_eq!(ReportedFact::Red.word(), Some(RagWord::Red));
    /// assert_eq!(ReportedFact::Other.word(), None);
    /// ```
    pub fn word(self) -> Option<RagWord> {
        Some(match self {
            ReportedFact::Blue => RagWord::Blue,
            ReportedFact::Green => RagWord::Green,
            ReportedFact::AmberGreen => RagWord::AmberGreen,
            ReportedFact::Amber => RagWord::Amber,
            ReportedFact::AmberRed => RagWord::AmberRed,
            ReportedFact::Red => RagWord::Red,
            ReportedFact::Other | ReportedFact::None => return None,
        })
    }

    /// The snake_case name.
    ///
    /// ```
    /// assert_eq!(actionplan::rating::ReportedFact::AmberGreen.as_str(), "amber_green");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ReportedFact::Blue => "blue",
            ReportedFact::Green => "green",
            ReportedFact::AmberGreen => "amber_green",
            ReportedFact::Amber => "amber",
            ReportedFact::AmberRed => "amber_red",
            ReportedFact::Red => "red",
            ReportedFact::Other => "other",
            ReportedFact::None => "none",
        }
    }

    pub(crate) fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

impl From<RagWord> for ReportedFact {
    fn from(w: RagWord) -> Self {
        match w {
            RagWord::Blue => ReportedFact::Blue,
            RagWord::Green => ReportedFact::Green,
            RagWord::AmberGreen => ReportedFact::AmberGreen,
            RagWord::Amber => ReportedFact::Amber,
            RagWord::AmberRed => ReportedFact::AmberRed,
            RagWord::Red => ReportedFact::Red,
        }
    }
}

/// Everything the rules can look at for one action, as of a date. Day counts are signed
/// (`days_overdue` is negative before the deadline) and absent when a date is missing.
///
/// ```
/// use actionplan::{Action, Plan, rating::{Facts, Overdue}};
/// let mut a = Action::new("x");
/// a.timeframe = Some(actionplan::timeframe::parse("31/03/2025", None, &Default::default()).into());
/// a.set_status("In progress");
/// let f = Facts::of(&Plan::default(), &a, "2025-05-12".parse().unwrap(), None);
/// assert_eq!(f.overdue, Overdue::Definitely);
/// assert_eq!(f.days_overdue, Some(42));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Facts {
    /// Delivery status.
    pub status: StatusFact,
    /// Complete, cancelled or superseded.
    pub closed: bool,
    /// Reported RAG.
    pub reported: ReportedFact,
    /// Percent complete, or percent of target when the plan's column says so (0 and up: a
    /// target can be beaten, "105%").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<f64>,
    /// Latest day the deadline could mean.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// Earliest day the deadline could mean.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_earliest: Option<NaiveDate>,
    /// Overdue strength.
    pub overdue: Overdue,
    /// Days from the as-of date to the deadline (negative once past).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_to_due: Option<i32>,
    /// Days past the deadline (negative before it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_overdue: Option<i32>,
    /// Days past the earliest day the deadline could mean (negative before it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_past_earliest: Option<i32>,
    /// The original deadline, when it was revised ([`Action::original_due`] or the timeframe's
    /// `revised_from`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_due: Option<NaiveDate>,
    /// Days past the original deadline (negative before it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_past_original: Option<i32>,
    /// Days the deadline was moved: current minus original (slippage).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slipped_days: Option<i32>,
    /// The deadline differs from the original one.
    pub rescheduled: bool,
    /// The action has a deadline.
    pub has_deadline: bool,
    /// Ongoing / open-ended.
    pub ongoing: bool,
    /// Recurring.
    pub recurring: bool,
    /// Conditional ("when available").
    pub conditional: bool,
    /// There is a progress comment.
    pub has_update: bool,
    /// Date of the latest progress comment (its period's end, or the plan's as-of date for the
    /// plan's latest update column).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_update: Option<NaiveDate>,
    /// Days since the latest progress comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_since_update: Option<i32>,
    /// Reporting cycles (update columns, latest last) with no new comment at the end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cycles_without_update: Option<u32>,
    /// The latest comment is the same as in the previous version of the plan (only when a
    /// previous version is given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unchanged_since_previous: Option<bool>,
    /// Evidence is recorded (an evidence cell, or a latest comment that starts "Evidence").
    pub has_evidence: bool,
    /// The percent complete expected by the as-of date if progress grew evenly from the start
    /// to the deadline (0 to 100, to two decimal places; 100 once the deadline has passed).
    /// The start is the action's start-date cell, else the plan's date; the deadline is the
    /// end of its timeframe unless the rule set's `forecast.deadline` says otherwise. Absent
    /// without a start or a deadline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_percent: Option<f64>,
    /// Percent complete over the expected percent (1 is on schedule). Absent when either is
    /// unknown or nothing is expected yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress_ratio: Option<f64>,
}

impl Facts {
    /// How overdue the action is for a table or a count: its [`Facts::overdue`] while it is
    /// open, `None` once it is closed (complete, cancelled or superseded). A finished action is
    /// neither overdue nor due, whatever its deadline; the rules still see the raw facts.
    ///
    /// ```
    /// use actionplan::{Action, Plan, rating::{Facts, Overdue}};
    /// let mut a = Action::new("x");
    /// a.timeframe = Some(actionplan::timeframe::parse("31/03/2025", None, &Default::default()).into());
    /// a.set_status("In progress");
    /// let f = Facts::of(&Plan::default(), &a, "2025-05-12".parse().unwrap(), None);
    /// assert_eq!((f.open_overdue(), f.open_days_overdue()), (Some(Overdue::Definitely), Some(42)));
    /// a.set_status("Complete");
    /// let f = Facts::of(&Plan::default(), &a, "2025-05-12".parse().unwrap(), None);
    /// assert_eq!(f.overdue, Overdue::Definitely); // the rules' fact is unchanged
    /// assert_eq!((f.open_overdue(), f.open_days_overdue()), (None, None));
    /// ```
    pub fn open_overdue(&self) -> Option<Overdue> {
        (!self.closed).then_some(self.overdue)
    }

    /// [`Facts::days_overdue`] while the action is open (negative before the deadline), `None`
    /// once it is closed.
    pub fn open_days_overdue(&self) -> Option<i32> {
        self.days_overdue.filter(|_| !self.closed)
    }

    /// [`Facts::days_to_due`] while the action is open, `None` once it is closed.
    pub fn open_days_to_due(&self) -> Option<i32> {
        self.days_to_due.filter(|_| !self.closed)
    }
    /// The facts about `action` in `plan` as of a date; `previous` is the same action in the
    /// previous version of the plan, when known.
    ///
    /// ```
    /// use actionplan::{Action, Plan, rating::{Facts, StatusFact}};
    /// let mut a = Action::new("x");
    /// a.set_status("Done");
    /// let f = Facts::of(&Plan::default(), &a, "2025-01-01".parse().unwrap(), None);
    /// assert_eq!(f.status, StatusFact::Complete);
    /// assert!(f.closed);
    /// ```
    pub fn of(plan: &Plan, action: &Action, as_of: NaiveDate, previous: Option<&Action>) -> Facts {
        let reported = ReportedFact::of(action.rag.as_deref());
        Facts::with_context(&PlanContext::new(plan), action, as_of, previous, reported)
    }

    /// As [`Facts::of`], with what is known about the plan worked out once.
    pub(crate) fn with_context(
        plan: &PlanContext,
        action: &Action,
        as_of: NaiveDate,
        previous: Option<&Action>,
        reported: ReportedFact,
    ) -> Facts {
        let status = StatusFact::of(action.status.as_ref());
        let tf = action.timeframe.as_ref();
        let due = tf.and_then(|t| t.due_latest);
        let due_earliest = tf.and_then(|t| t.due_earliest).or(due);
        let original_due = action
            .original_due
            .as_ref()
            .and_then(|t| t.due_latest)
            .or_else(|| tf.and_then(|t| t.revised_from));
        let days = |from: Option<NaiveDate>, to: Option<NaiveDate>| match (from, to) {
            // Dates are within chrono's range (about ±262,000 years), so days fit in i32.
            (Some(f), Some(t)) => i32::try_from((t - f).num_days()).ok(),
            _ => None,
        };
        let (latest_index, last_update, cycles) = updates(plan, action);
        let percent = action.percent_complete.filter(|p| p.is_finite());
        let expected = match (
            plan.forecast.start(action),
            tf.and_then(|t| plan.forecast.deadline.of(t)),
        ) {
            (Some(s), Some(d)) => Some(super::forecast::expected_percent(s, d, as_of)),
            _ => None,
        };
        let has_update = latest_index.is_some();
        let unchanged = previous.map(|p| {
            let now = action.latest_update().map(|u| u.text.trim());
            let before = p.latest_update().map(|u| u.text.trim());
            now == before
        });
        Facts {
            status,
            closed: status.is_closed(),
            reported,
            percent,
            due,
            due_earliest,
            overdue: overdue_of(action, as_of),
            days_to_due: days(Some(as_of), due),
            days_overdue: days(due, Some(as_of)),
            days_past_earliest: days(due_earliest, Some(as_of)),
            original_due,
            days_past_original: days(original_due, Some(as_of)),
            slipped_days: days(original_due, due),
            rescheduled: original_due.is_some() && due.is_some() && original_due != due,
            has_deadline: due.is_some(),
            ongoing: tf.is_some_and(|t| t.ongoing),
            recurring: tf.is_some_and(|t| t.recurrence.is_some()),
            conditional: tf.is_some_and(|t| t.conditional),
            has_update,
            last_update,
            days_since_update: days(last_update, Some(as_of)),
            cycles_without_update: cycles,
            unchanged_since_previous: unchanged,
            has_evidence: action
                .evidence
                .as_deref()
                .is_some_and(|e| !crate::text::is_blank(e))
                || latest_index.is_some_and(|i| {
                    action.updates[i]
                        .text
                        .trim_start()
                        .get(..8)
                        .is_some_and(|p| p.eq_ignore_ascii_case("evidence"))
                }),
            expected_percent: expected,
            progress_ratio: super::forecast::progress_ratio(percent, expected),
        }
    }
}

/// Overdue-ness of an action: the timeframe's own reading.
fn overdue_of(action: &Action, as_of: NaiveDate) -> Overdue {
    action
        .timeframe
        .as_ref()
        .map_or(Overdue::NoDeadline, |t| t.overdue(as_of))
}

/// What every action's facts need to know about the plan, worked out once.
pub(crate) struct PlanContext<'a> {
    /// The headers of the plan's update columns, in order.
    update_columns: Vec<&'a str>,
    /// The plan's as-of date (the date of its latest update column).
    as_of: Option<NaiveDate>,
    /// Each column read as one of an action's fields: its normalised header, its role and
    /// its header as written (for `column_has`).
    columns: Vec<(String, crate::model::Role, &'a str)>,
    /// The plan's percent column is a percent of target ("% of target achieved"), not a
    /// percent complete: reasons say "105% of target".
    pub(crate) percent_of_target: bool,
    /// Start dates and the deadline point, for the forecast.
    forecast: ForecastContext<'a>,
}

impl<'a> PlanContext<'a> {
    /// With the default forecast settings.
    pub(crate) fn new(plan: &'a Plan) -> PlanContext<'a> {
        PlanContext::with_forecast(plan, None)
    }

    /// With a rule set's forecast settings.
    pub(crate) fn with_forecast(plan: &'a Plan, forecast: Option<&Forecast>) -> PlanContext<'a> {
        PlanContext {
            forecast: ForecastContext::new(plan, forecast),
            update_columns: plan
                .columns_with(crate::model::Role::Update)
                .map(|c| c.header.as_str())
                .collect(),
            as_of: plan.meta.as_of,
            columns: plan
                .columns
                .iter()
                .filter(|c| c.role != crate::model::Role::Extra)
                .map(|c| {
                    (
                        crate::text::normalise_words(&c.header),
                        c.role,
                        c.header.as_str(),
                    )
                })
                .collect(),
            percent_of_target: plan
                .columns_with(crate::model::Role::Percent)
                .next()
                .is_some_and(|c| {
                    crate::text::normalise_words(&c.header)
                        .split(' ')
                        .any(|w| w == "target" || w == "targets")
                }),
        }
    }
}

impl PlanContext<'_> {
    /// The role and the header as written of the plan's column whose normalised header is
    /// `header`, when it was read as one of an action's fields.
    pub(crate) fn role_of(&self, header: &str) -> Option<(crate::model::Role, &str)> {
        self.columns
            .iter()
            .find(|(h, _, _)| h == header)
            .map(|(_, r, raw)| (*r, *raw))
    }
}

/// The position of the latest comment, its date, and how many reporting cycles at the end had
/// no new comment.
fn updates(plan: &PlanContext, action: &Action) -> (Option<usize>, Option<NaiveDate>, Option<u32>) {
    let columns = &plan.update_columns;
    let by_column = !columns.is_empty()
        && (action.updates.is_empty()
            || action
                .updates
                .iter()
                .any(|u| u.column.as_deref().is_some_and(|c| columns.contains(&c))));
    // The comment of each reporting cycle, in order.
    let cycles_len = if by_column {
        columns.len()
    } else {
        action.updates.len()
    };
    let text_at = |i: usize| -> &str {
        if by_column {
            action
                .updates
                .iter()
                .find(|u| u.column.as_deref() == Some(columns[i]))
                .map_or("", |u| u.text.as_str())
        } else {
            action.updates[i].text.as_str()
        }
    };
    let latest_index = action
        .updates
        .iter()
        .rposition(|u| !crate::text::is_blank(&u.text));
    let last_update = latest_index.and_then(|i| {
        let u = &action.updates[i];
        u.as_of.or_else(|| {
            // The plan's as-of date describes its latest update column.
            let is_latest_column = match (&u.column, columns.last()) {
                (Some(c), Some(last)) => c == last,
                _ => i + 1 == action.updates.len(),
            };
            if is_latest_column {
                plan.as_of
            } else {
                None
            }
        })
    });
    let cycles = if cycles_len == 0 {
        None
    } else {
        let mut n = 0u32;
        for i in (0..cycles_len).rev() {
            let t = text_at(i);
            // Trimmed only when there is an earlier comment to compare with.
            let stale = crate::text::is_blank(t) || (i > 0 && t.trim() == text_at(i - 1).trim());
            if !stale {
                break;
            }
            n += 1;
        }
        Some(n)
    };
    (latest_index, last_update, cycles)
}

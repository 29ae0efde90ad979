//! The facts a condition can test, by name, and sets of them (what a rule looked at).

use serde::{Deserialize, Serialize};

/// The name of a fact, as used in conditions and in a reason's list of facts.
///
/// ```
/// assert_eq!(actionplan::rating::Fact::DaysOverdue.as_str(), "days_overdue");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Fact {
    /// Delivery status.
    Status,
    /// Closed.
    Closed,
    /// Reported RAG.
    Reported,
    /// Percent complete.
    Percent,
    /// The deadline.
    Due,
    /// Overdue strength.
    Overdue,
    /// Days to the deadline.
    DaysToDue,
    /// Days past the deadline.
    DaysOverdue,
    /// Days past the earliest reading of the deadline.
    DaysPastEarliest,
    /// Days past the original deadline.
    DaysPastOriginal,
    /// Days the deadline moved.
    SlippedDays,
    /// Deadline moved.
    Rescheduled,
    /// Has a deadline.
    HasDeadline,
    /// Ongoing.
    Ongoing,
    /// Recurring.
    Recurring,
    /// Conditional.
    Conditional,
    /// Has a comment.
    HasUpdate,
    /// Days since the latest comment.
    DaysSinceUpdate,
    /// Cycles with no new comment.
    CyclesWithoutUpdate,
    /// Comment unchanged since the previous version.
    UnchangedSincePrevious,
    /// Evidence recorded.
    HasEvidence,
    /// Status text.
    StatusText,
    /// Comment text.
    Comment,
    /// The period has begun.
    PeriodStarted,
    /// Days past the start of the period.
    DaysPastStart,
    /// The action's owners (a condition's `owner_has`).
    Owner,
    /// A column of the plan by its header (a condition's `column_has`).
    Column,
    /// The percent complete expected by now (the forecast).
    ExpectedPercent,
    /// Percent complete over the percent expected by now.
    ProgressRatio,
}

impl Fact {
    /// Every fact, in order.
    ///
    /// ```
    /// assert_eq!(actionplan::rating::Fact::ALL[0].as_str(), "status");
    /// ```
    pub const ALL: [Fact; 29] = [
        Fact::Status,
        Fact::Closed,
        Fact::Reported,
        Fact::Percent,
        Fact::Due,
        Fact::Overdue,
        Fact::DaysToDue,
        Fact::DaysOverdue,
        Fact::DaysPastEarliest,
        Fact::DaysPastOriginal,
        Fact::SlippedDays,
        Fact::Rescheduled,
        Fact::HasDeadline,
        Fact::Ongoing,
        Fact::Recurring,
        Fact::Conditional,
        Fact::HasUpdate,
        Fact::DaysSinceUpdate,
        Fact::CyclesWithoutUpdate,
        Fact::UnchangedSincePrevious,
        Fact::HasEvidence,
        Fact::StatusText,
        Fact::Comment,
        Fact::PeriodStarted,
        Fact::DaysPastStart,
        Fact::Owner,
        Fact::Column,
        Fact::ExpectedPercent,
        Fact::ProgressRatio,
    ];

    /// The snake_case name.
    ///
    /// ```
    /// assert_eq!(actionplan::rating::Fact::HasEvidence.as_str(), "has_evidence");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Fact::Status => "status",
            Fact::Closed => "closed",
            Fact::Reported => "reported",
            Fact::Percent => "percent",
            Fact::Due => "due",
            Fact::Overdue => "overdue",
            Fact::DaysToDue => "days_to_due",
            Fact::DaysOverdue => "days_overdue",
            Fact::DaysPastEarliest => "days_past_earliest",
            Fact::DaysPastOriginal => "days_past_original",
            Fact::SlippedDays => "slipped_days",
            Fact::Rescheduled => "rescheduled",
            Fact::HasDeadline => "has_deadline",
            Fact::Ongoing => "ongoing",
            Fact::Recurring => "recurring",
            Fact::Conditional => "conditional",
            Fact::HasUpdate => "has_update",
            Fact::DaysSinceUpdate => "days_since_update",
            Fact::CyclesWithoutUpdate => "cycles_without_update",
            Fact::UnchangedSincePrevious => "unchanged_since_previous",
            Fact::HasEvidence => "has_evidence",
            Fact::StatusText => "status_text",
            Fact::Comment => "comment",
            Fact::PeriodStarted => "period_started",
            Fact::DaysPastStart => "days_past_start",
            Fact::Owner => "owner",
            Fact::Column => "column",
            Fact::ExpectedPercent => "expected_percent",
            Fact::ProgressRatio => "progress_ratio",
        }
    }
}

/// A set of facts (the facts a rule used), written in JSON as a list of names.
///
/// ```
/// use actionplan::rating::{Fact, FactSet};
/// let mut s = FactSet::default();
/// s.insert(Fact::Overdue);
/// s.insert(Fact::Status);
/// assert!(s.contains(Fact::Status));
/// assert_eq!(serde_json::to_string(&s).unwrap(), r#"["status","overdue"]"#);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct FactSet(u32);

impl FactSet {
    /// Add a fact.
    ///
    /// ```
    /// let mut s = actionplan::rating::FactSet::default();
    /// s.insert(actionplan::rating::Fact::Due);
    /// assert!(!s.is_empty());
    /// ```
    pub fn insert(&mut self, f: Fact) {
        self.0 |= 1 << (f as u32);
    }

    /// True when the fact is in the set.
    ///
    /// ```
    /// assert!(!actionplan::rating::FactSet::default().contains(actionplan::rating::Fact::Due));
    /// ```
    pub fn contains(self, f: Fact) -> bool {
        self.0 & (1 << (f as u32)) != 0
    }

    /// True when empty.
    ///
    /// ```
    /// assert!(actionplan::rating::FactSet::default().is_empty());
    /// ```
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The facts, in order.
    ///
    /// ```
    /// assert_eq!(actionplan::rating::FactSet::default().iter().count(), 0);
    /// ```
    pub fn iter(self) -> impl Iterator<Item = Fact> {
        Fact::ALL.into_iter().filter(move |f| self.contains(*f))
    }

    pub(crate) fn union(self, o: FactSet) -> FactSet {
        FactSet(self.0 | o.0)
    }
}

impl Serialize for FactSet {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for FactSet {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let v: Vec<Fact> = Vec::deserialize(d)?;
        let mut s = FactSet::default();
        for f in v {
            s.insert(f);
        }
        Ok(s)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for FactSet {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "FactSet".into()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <Vec<Fact>>::json_schema(g)
    }
}

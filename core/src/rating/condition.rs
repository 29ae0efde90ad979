//! The rule language: conditions over [`Facts`], written as data.
//!
//! A condition is a JSON object; every test it names must hold. `any`, `all` and `not` combine
//! conditions. Day counts take a number of days, a span such as `"3 months"`, `"2 weeks"` or
//! `"1 year"` (compared on the calendar: "more than 3 months overdue" means past the deadline
//! plus three calendar months), or a parameter `"$name"` from the rule set's `params`.

use super::facts::{Facts, Overdue, ReportedFact, StatusFact};
use crate::model::Action;
use crate::{Error, Result};
use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A bound in a range: a number, a span (`"3 months"`), or a parameter (`"$due_soon"`).
///
/// ```
/// use actionplan::rating::Bound;
/// let b: Bound = serde_json::from_str("\"3 months\"").unwrap();
/// assert_eq!(b, Bound::Text("3 months".into()));
/// assert_eq!(serde_json::from_str::<Bound>("30").unwrap(), Bound::Number(30.0));
/// ```
// Deserialize is written out below: serde's derive for an untagged enum buffers the value
// into its `Content` tree and tries each variant, which costs the WebAssembly module kilobytes.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Bound {
    /// A number (days for day counts; percent for `percent`; a count for cycles).
    Number(f64),
    /// A span such as `"3 months"`, or a parameter such as `"$due_soon"`.
    Text(String),
}

/// A number or a string, as serde's untagged derive read it, with its message for anything else.
impl<'de> Deserialize<'de> for Bound {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_any(BoundVisitor)
    }
}

struct BoundVisitor;

impl BoundVisitor {
    fn no_match<E: serde::de::Error>() -> E {
        E::custom("data did not match any variant of untagged enum Bound")
    }
}

impl<'de> serde::de::Visitor<'de> for BoundVisitor {
    type Value = Bound;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a number or a string")
    }
    fn visit_f64<E: serde::de::Error>(self, v: f64) -> std::result::Result<Bound, E> {
        Ok(Bound::Number(v))
    }
    fn visit_i64<E: serde::de::Error>(self, v: i64) -> std::result::Result<Bound, E> {
        Ok(Bound::Number(v as f64))
    }
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> std::result::Result<Bound, E> {
        Ok(Bound::Number(v as f64))
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> std::result::Result<Bound, E> {
        Ok(Bound::Text(v.to_owned()))
    }
    fn visit_string<E: serde::de::Error>(self, v: String) -> std::result::Result<Bound, E> {
        Ok(Bound::Text(v))
    }
    fn visit_bool<E: serde::de::Error>(self, _: bool) -> std::result::Result<Bound, E> {
        Err(Self::no_match())
    }
    fn visit_unit<E: serde::de::Error>(self) -> std::result::Result<Bound, E> {
        Err(Self::no_match())
    }
    fn visit_none<E: serde::de::Error>(self) -> std::result::Result<Bound, E> {
        Err(Self::no_match())
    }
    fn visit_bytes<E: serde::de::Error>(self, _: &[u8]) -> std::result::Result<Bound, E> {
        Err(Self::no_match())
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, _: A) -> std::result::Result<Bound, A::Error> {
        Err(Self::no_match())
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, _: A) -> std::result::Result<Bound, A::Error> {
        Err(Self::no_match())
    }
}

/// A range test: every bound given must hold. `min`/`max` include the bound, `above`/`below`
/// exclude it. A range on a fact the action does not have (no deadline, no percent) fails.
///
/// ```
/// use actionplan::rating::{Range, Bound};
/// let r: Range = serde_json::from_str(r#"{"above": 0, "max": "1 month"}"#).unwrap();
/// assert_eq!(r.above, Some(Bound::Number(0.0)));
/// ```
// Deserialize is written out below (see `Condition`).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Range {
    /// At least.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Bound>,
    /// At most.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Bound>,
    /// More than.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub above: Option<Bound>,
    /// Less than.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub below: Option<Bound>,
}

/// A condition: all the tests it names must hold (an empty condition always holds).
///
/// ```
/// use actionplan::rating::Condition;
/// let c: Condition = serde_json::from_str(r#"{"status": ["in_progress"], "days_overdue": {"above": "3 months"}}"#).unwrap();
/// assert!(c.status.is_some());
/// assert!(serde_json::from_str::<Condition>(r#"{"stauts": ["x"]}"#).is_err());
/// ```
// Deserialize is written out below, reading the same objects with the same messages as
// serde's derive did, which costs the WebAssembly module kilobytes for these two types (its
// field visitors, and a second reader for an array in place of the object, which is not
// accepted any more).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// Status is one of these (`not_started`, `in_progress`, `complete`, `on_hold`,
    /// `cancelled`, `superseded`, `other`, `none`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Vec<StatusFact>>,
    /// Complete, cancelled or superseded (or not).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<bool>,
    /// Reported RAG is one of these (`blue`, `green`, `amber_green`, `amber`, `amber_red`,
    /// `red`, `other`, `none`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported: Option<Vec<ReportedFact>>,
    /// Percent complete in a range (fails when no percent is recorded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<Range>,
    /// A percent complete is recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_percent: Option<bool>,
    /// Overdue strength is one of these (`definitely`, `possibly`, `no`, `no_deadline`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overdue: Option<Vec<Overdue>>,
    /// Days from the as-of date to the deadline (negative once past).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_to_due: Option<Range>,
    /// Days past the deadline (negative before it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_overdue: Option<Range>,
    /// Days past the earliest day the deadline could mean.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_past_earliest: Option<Range>,
    /// Days past the original deadline (fails when the deadline was never revised).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_past_original: Option<Range>,
    /// Days the deadline was moved from the original one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slipped_days: Option<Range>,
    /// The deadline was moved from an original one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rescheduled: Option<bool>,
    /// The action has a deadline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_deadline: Option<bool>,
    /// Ongoing / open-ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ongoing: Option<bool>,
    /// Recurring.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recurring: Option<bool>,
    /// Conditional ("when available").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conditional: Option<bool>,
    /// There is a progress comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_update: Option<bool>,
    /// Days since the latest progress comment (fails when its date is unknown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_since_update: Option<Range>,
    /// Reporting cycles at the end with no new comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cycles_without_update: Option<Range>,
    /// The latest comment equals the previous version's (fails when no previous version).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unchanged_since_previous: Option<bool>,
    /// Evidence is recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_evidence: Option<bool>,
    /// The status as written contains one of these words or phrases (case and punctuation
    /// ignored), e.g. `["rescheduled"]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_text_has: Option<Vec<String>>,
    /// The latest progress comment contains one of these words or phrases.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment_has: Option<Vec<String>>,
    /// The period of the timeframe has begun: the as-of date is on or after its start ("Summer
    /// 2025" from 1 June 2025, "From April 2025" from 1 April). Neither true nor false holds for
    /// a timeframe without a start (a day, "by March 2025", no timeframe).
    ///
    /// ```
    /// use actionplan::{Action, Plan, rating::RuleSet};
    /// let rules = RuleSet::from_json(r##"{"id": "x", "name": "x",
    ///   "scale": {"id": "s", "name": "s", "labels": [
    ///     {"id": "green", "name": "Green", "colour": "#2e7d32"},
    ///     {"id": "amber", "name": "Amber", "colour": "#ffbf00"},
    ///     {"id": "red", "name": "Red", "colour": "#c62828"}]},
    ///   "rules": [{"id": "late", "when": {"overdue": ["definitely"]}, "then": "red"},
    ///             {"id": "begun", "when": {"period_started": true}, "then": "amber"}],
    ///   "otherwise": "green"}"##).unwrap();
    /// let mut plan = Plan::default();
    /// let mut a = Action::new("Consult residents");
    /// a.timeframe = Some(actionplan::timeframe::parse("Summer 2025", None, &Default::default()).into());
    /// plan.recommendations.push(actionplan::Recommendation::new("R1", "Engage"));
    /// plan.recommendations[0].actions.push(a);
    /// let rate = |d: &str| actionplan::rating::assess(&plan, &rules, d.parse().unwrap()).unwrap()
    ///     .actions[0].rating.clone().unwrap();
    /// assert_eq!(&*rate("2025-05-31"), "green");
    /// assert_eq!(&*rate("2025-06-01"), "amber"); // the first day of summer
    /// assert_eq!(&*rate("2025-09-01"), "red");
    /// ```
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_started: Option<bool>,
    /// Days from the start of the timeframe's period to the as-of date (negative before it;
    /// fails when the timeframe has no start).
    ///
    /// ```
    /// use actionplan::rating::Condition;
    /// // More than a month into the period.
    /// let c: Condition = serde_json::from_str(r#"{"days_past_start": {"above": "1 month"}}"#).unwrap();
    /// assert!(c.days_past_start.is_some());
    /// ```
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_past_start: Option<Range>,
    /// Every one of these holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all: Option<Vec<Condition>>,
    /// At least one of these holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub any: Option<Vec<Condition>>,
    /// This does not hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not: Option<Box<Condition>>,
}

/// The field names of a struct, as map keys: a known name's position, or serde's message for
/// an unknown one (the one its derive with `deny_unknown_fields` gives).
#[derive(Clone, Copy)]
struct FieldKey(&'static [&'static str]);

impl<'de> serde::de::DeserializeSeed<'de> for FieldKey {
    type Value = usize;

    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        d: D,
    ) -> std::result::Result<usize, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl<'de> serde::de::Visitor<'de> for FieldKey {
    type Value = usize;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("field identifier")
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> std::result::Result<usize, E> {
        self.0
            .iter()
            .position(|n| *n == v)
            .ok_or_else(|| E::unknown_field(v, self.0))
    }
}

/// Reads a map of optional fields as serde's derive for a struct with `deny_unknown_fields`
/// did: `read` reads the value of field `i`; an unknown or repeated name is an error.
fn read_fields<'de, A: serde::de::MapAccess<'de>>(
    mut map: A,
    fields: &'static [&'static str],
    mut read: impl FnMut(usize, &mut A) -> std::result::Result<(), A::Error>,
) -> std::result::Result<(), A::Error> {
    let mut seen = 0u32;
    while let Some(i) = map.next_key_seed(FieldKey(fields))? {
        if seen & (1 << i) != 0 {
            return Err(serde::de::Error::duplicate_field(fields[i]));
        }
        seen |= 1 << i;
        read(i, &mut map)?;
    }
    Ok(())
}

const RANGE_FIELDS: &[&str] = &["min", "max", "above", "below"];

impl<'de> Deserialize<'de> for Range {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_struct("Range", RANGE_FIELDS, RangeVisitor)
    }
}

struct RangeVisitor;

impl<'de> serde::de::Visitor<'de> for RangeVisitor {
    type Value = Range;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("struct Range")
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        map: A,
    ) -> std::result::Result<Range, A::Error> {
        let mut r = Range::default();
        read_fields(map, RANGE_FIELDS, |i, m| {
            *match i {
                0 => &mut r.min,
                1 => &mut r.max,
                2 => &mut r.above,
                _ => &mut r.below,
            } = m.next_value()?;
            Ok(())
        })?;
        Ok(r)
    }
}

const CONDITION_FIELDS: &[&str] = &[
    "status",
    "closed",
    "reported",
    "percent",
    "has_percent",
    "overdue",
    "days_to_due",
    "days_overdue",
    "days_past_earliest",
    "days_past_original",
    "slipped_days",
    "rescheduled",
    "has_deadline",
    "ongoing",
    "recurring",
    "conditional",
    "has_update",
    "days_since_update",
    "cycles_without_update",
    "unchanged_since_previous",
    "has_evidence",
    "status_text_has",
    "comment_has",
    "period_started",
    "days_past_start",
    "all",
    "any",
    "not",
];

impl<'de> Deserialize<'de> for Condition {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_struct("Condition", CONDITION_FIELDS, ConditionVisitor)
    }
}

struct ConditionVisitor;

impl<'de> serde::de::Visitor<'de> for ConditionVisitor {
    type Value = Condition;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("struct Condition")
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        map: A,
    ) -> std::result::Result<Condition, A::Error> {
        let mut c = Condition::default();
        read_fields(map, CONDITION_FIELDS, |i, m| {
            match i {
                0 => c.status = m.next_value()?,
                1 => c.closed = m.next_value()?,
                2 => c.reported = m.next_value()?,
                3 => c.percent = m.next_value()?,
                4 => c.has_percent = m.next_value()?,
                5 => c.overdue = m.next_value()?,
                6 => c.days_to_due = m.next_value()?,
                7 => c.days_overdue = m.next_value()?,
                8 => c.days_past_earliest = m.next_value()?,
                9 => c.days_past_original = m.next_value()?,
                10 => c.slipped_days = m.next_value()?,
                11 => c.rescheduled = m.next_value()?,
                12 => c.has_deadline = m.next_value()?,
                13 => c.ongoing = m.next_value()?,
                14 => c.recurring = m.next_value()?,
                15 => c.conditional = m.next_value()?,
                16 => c.has_update = m.next_value()?,
                17 => c.days_since_update = m.next_value()?,
                18 => c.cycles_without_update = m.next_value()?,
                19 => c.unchanged_since_previous = m.next_value()?,
                20 => c.has_evidence = m.next_value()?,
                21 => c.status_text_has = m.next_value()?,
                22 => c.comment_has = m.next_value()?,
                23 => c.period_started = m.next_value()?,
                24 => c.days_past_start = m.next_value()?,
                25 => c.all = m.next_value()?,
                26 => c.any = m.next_value()?,
                _ => c.not = m.next_value()?,
            }
            Ok(())
        })?;
        Ok(c)
    }
}

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
}

impl Fact {
    /// Every fact, in order.
    ///
    /// ```
    /// assert_eq!(actionplan::rating::Fact::ALL[0].as_str(), "status");
    /// ```
    pub const ALL: [Fact; 25] = [
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

    fn union(self, o: FactSet) -> FactSet {
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

/// A calendar span.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Span {
    Days(i64),
    Months(i64),
}

impl Span {
    /// `from` moved by the span; `None` when out of the calendar's range.
    fn shift(self, from: NaiveDate) -> Option<NaiveDate> {
        match self {
            Span::Days(n) => from.checked_add_signed(chrono::TimeDelta::try_days(n)?),
            Span::Months(n) if n >= 0 => {
                from.checked_add_months(Months::new(u32::try_from(n).ok()?))
            }
            Span::Months(n) => from.checked_sub_months(Months::new(u32::try_from(-n).ok()?)),
        }
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct DayRange {
    min: Option<Span>,
    max: Option<Span>,
    above: Option<Span>,
    below: Option<Span>,
}

impl DayRange {
    /// Does `to - from` lie in the range? Spans in months are compared on the calendar.
    fn holds(&self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> bool {
        let (Some(from), Some(to)) = (from, to) else {
            return false;
        };
        let at = |s: Span| s.shift(from);
        self.min.is_none_or(|s| at(s).is_some_and(|b| to >= b))
            && self.max.is_none_or(|s| at(s).is_some_and(|b| to <= b))
            && self.above.is_none_or(|s| at(s).is_some_and(|b| to > b))
            && self.below.is_none_or(|s| at(s).is_some_and(|b| to < b))
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct NumRange {
    min: Option<f64>,
    max: Option<f64>,
    above: Option<f64>,
    below: Option<f64>,
}

impl NumRange {
    fn holds(&self, v: Option<f64>) -> bool {
        let Some(v) = v else { return false };
        self.min.is_none_or(|b| v >= b)
            && self.max.is_none_or(|b| v <= b)
            && self.above.is_none_or(|b| v > b)
            && self.below.is_none_or(|b| v < b)
    }
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum DayFact {
    ToDue,
    Overdue,
    PastEarliest,
    PastOriginal,
    Slipped,
    SinceUpdate,
    PastStart,
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum Flag {
    Closed,
    HasPercent,
    Rescheduled,
    HasDeadline,
    Ongoing,
    Recurring,
    Conditional,
    HasUpdate,
    Unchanged,
    HasEvidence,
    PeriodStarted,
}

/// A compiled test.
#[derive(Debug, Clone)]
pub(crate) enum Test {
    All(Vec<Test>),
    Any(Vec<Test>),
    Not(Box<Test>),
    Status(u16),
    Reported(u16),
    Overdue(u8),
    Percent(NumRange),
    Cycles(NumRange),
    Days(DayFact, DayRange),
    Flag(Flag, bool),
    StatusText(Vec<String>),
    Comment(Vec<String>),
}

/// Where names resolve while compiling: the rule set's params.
pub(crate) struct Ctx<'a> {
    pub params: &'a BTreeMap<String, Bound>,
    pub rule: &'a str,
}

impl Ctx<'_> {
    fn err(&self, m: String) -> Error {
        Error::invalid_option("rules", format!("rule {:?}: {m}", self.rule))
    }

    fn resolve<'b>(&'b self, b: &'b Bound, depth: u8) -> Result<&'b Bound> {
        match b {
            Bound::Text(t) if t.trim_start().starts_with('$') => {
                let name = t.trim().trim_start_matches('$');
                let v = self.params.get(name).ok_or_else(|| {
                    self.err(format!("parameter ${name} is not defined in params"))
                })?;
                if depth > 8 {
                    return Err(self.err(format!("parameter ${name} refers to itself")));
                }
                self.resolve(v, depth + 1)
            }
            other => Ok(other),
        }
    }

    fn span(&self, b: &Bound) -> Result<Span> {
        match self.resolve(b, 0)? {
            Bound::Number(n) if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e7 => {
                Ok(Span::Days(*n as i64))
            }
            Bound::Number(n) => Err(self.err(format!("{n} is not a whole number of days"))),
            Bound::Text(t) => parse_span(t).ok_or_else(|| {
                self.err(format!(
                    "{t:?} is not a span: write a number of days or e.g. \"30 days\", \"2 weeks\", \"3 months\", \"1 year\""
                ))
            }),
        }
    }

    fn number(&self, b: &Bound) -> Result<f64> {
        match self.resolve(b, 0)? {
            Bound::Number(n) if n.is_finite() => Ok(*n),
            other => Err(self.err(format!("{other:?} is not a number"))),
        }
    }

    fn days(&self, r: &Range) -> Result<DayRange> {
        let f = |b: &Option<Bound>| b.as_ref().map(|b| self.span(b)).transpose();
        Ok(DayRange {
            min: f(&r.min)?,
            max: f(&r.max)?,
            above: f(&r.above)?,
            below: f(&r.below)?,
        })
    }

    fn nums(&self, r: &Range) -> Result<NumRange> {
        let f = |b: &Option<Bound>| b.as_ref().map(|b| self.number(b)).transpose();
        Ok(NumRange {
            min: f(&r.min)?,
            max: f(&r.max)?,
            above: f(&r.above)?,
            below: f(&r.below)?,
        })
    }
}

/// Read "3 months", "-2 weeks", "10 days", "1 year", "30".
fn parse_span(t: &str) -> Option<Span> {
    let t = t.trim();
    let split = t
        .char_indices()
        .find(|(i, c)| !(c.is_ascii_digit() || (*i == 0 && (*c == '-' || *c == '+'))))
        .map(|(i, _)| i)
        .unwrap_or(t.len());
    let n: i64 = t[..split].parse().ok()?;
    if n.abs() > 100_000 {
        return None;
    }
    let unit = t[split..].trim().to_ascii_lowercase();
    Some(match unit.as_str() {
        "" | "d" | "day" | "days" => Span::Days(n),
        "w" | "week" | "weeks" => Span::Days(n * 7),
        "m" | "month" | "months" => Span::Months(n),
        "y" | "year" | "years" => Span::Months(n * 12),
        _ => return None,
    })
}

/// Compile a condition into a test, and the set of facts it looks at.
pub(crate) fn compile(c: &Condition, ctx: &Ctx, depth: u32) -> Result<(Test, FactSet)> {
    if depth > 32 {
        return Err(ctx.err("conditions are nested more than 32 deep".into()));
    }
    let mut tests = Vec::new();
    let mut uses = FactSet::default();
    let mut add = |t: Test, f: Fact, uses: &mut FactSet| {
        tests.push(t);
        uses.insert(f);
    };
    if let Some(v) = &c.status {
        add(
            Test::Status(v.iter().fold(0, |m, s| m | s.bit())),
            Fact::Status,
            &mut uses,
        );
    }
    if let Some(b) = c.closed {
        add(Test::Flag(Flag::Closed, b), Fact::Closed, &mut uses);
    }
    if let Some(v) = &c.reported {
        add(
            Test::Reported(v.iter().fold(0, |m, s| m | s.bit())),
            Fact::Reported,
            &mut uses,
        );
    }
    if let Some(r) = &c.percent {
        add(Test::Percent(ctx.nums(r)?), Fact::Percent, &mut uses);
    }
    if let Some(b) = c.has_percent {
        add(Test::Flag(Flag::HasPercent, b), Fact::Percent, &mut uses);
    }
    if let Some(v) = &c.overdue {
        add(
            Test::Overdue(v.iter().fold(0, |m, s| m | (1 << (*s as u8)))),
            Fact::Overdue,
            &mut uses,
        );
    }
    let day_tests = [
        (&c.days_to_due, DayFact::ToDue, Fact::DaysToDue),
        (&c.days_overdue, DayFact::Overdue, Fact::DaysOverdue),
        (
            &c.days_past_earliest,
            DayFact::PastEarliest,
            Fact::DaysPastEarliest,
        ),
        (
            &c.days_past_original,
            DayFact::PastOriginal,
            Fact::DaysPastOriginal,
        ),
        (&c.slipped_days, DayFact::Slipped, Fact::SlippedDays),
        (
            &c.days_since_update,
            DayFact::SinceUpdate,
            Fact::DaysSinceUpdate,
        ),
        (&c.days_past_start, DayFact::PastStart, Fact::DaysPastStart),
    ];
    for (r, d, f) in day_tests {
        if let Some(r) = r {
            add(Test::Days(d, ctx.days(r)?), f, &mut uses);
        }
    }
    let flags = [
        (c.rescheduled, Flag::Rescheduled, Fact::Rescheduled),
        (c.has_deadline, Flag::HasDeadline, Fact::HasDeadline),
        (c.ongoing, Flag::Ongoing, Fact::Ongoing),
        (c.recurring, Flag::Recurring, Fact::Recurring),
        (c.conditional, Flag::Conditional, Fact::Conditional),
        (c.has_update, Flag::HasUpdate, Fact::HasUpdate),
        (
            c.unchanged_since_previous,
            Flag::Unchanged,
            Fact::UnchangedSincePrevious,
        ),
        (c.has_evidence, Flag::HasEvidence, Fact::HasEvidence),
        (c.period_started, Flag::PeriodStarted, Fact::PeriodStarted),
    ];
    for (b, fl, f) in flags {
        if let Some(b) = b {
            add(Test::Flag(fl, b), f, &mut uses);
        }
    }
    if let Some(r) = &c.cycles_without_update {
        add(
            Test::Cycles(ctx.nums(r)?),
            Fact::CyclesWithoutUpdate,
            &mut uses,
        );
    }
    if let Some(v) = &c.status_text_has {
        add(Test::StatusText(words(v)), Fact::StatusText, &mut uses);
    }
    if let Some(v) = &c.comment_has {
        add(Test::Comment(words(v)), Fact::Comment, &mut uses);
    }
    let nested = |v: &[Condition], uses: &mut FactSet| -> Result<Vec<Test>> {
        v.iter()
            .map(|c| {
                let (t, u) = compile(c, ctx, depth + 1)?;
                *uses = uses.union(u);
                Ok(t)
            })
            .collect()
    };
    if let Some(v) = &c.all {
        let t = nested(v, &mut uses)?;
        tests.push(Test::All(t));
    }
    if let Some(v) = &c.any {
        let t = nested(v, &mut uses)?;
        tests.push(Test::Any(t));
    }
    if let Some(n) = &c.not {
        let (t, u) = compile(n, ctx, depth + 1)?;
        uses = uses.union(u);
        tests.push(Test::Not(Box::new(t)));
    }
    let test = if tests.len() == 1 {
        tests.pop().unwrap_or(Test::All(Vec::new()))
    } else {
        Test::All(tests)
    };
    Ok((test, uses))
}

fn words(v: &[String]) -> Vec<String> {
    v.iter()
        .map(|w| crate::text::normalise_words(w))
        .filter(|w| !w.is_empty())
        .collect()
}

/// The first day of the action's timeframe period, when it has one (the timeframe's start:
/// "Summer 2025" from 1 June 2025; none for a day or "by March 2025").
fn period_start(a: &Action) -> Option<NaiveDate> {
    a.timeframe.as_ref().and_then(|t| t.start)
}

/// True when `phrase` occurs in normalised `text` on word boundaries.
fn has_phrase(text: &str, phrase: &str) -> bool {
    let padded = format!(" {text} ");
    padded.contains(&format!(" {phrase} "))
}

impl Test {
    /// Evaluate against an action's facts.
    pub(crate) fn holds(&self, f: &Facts, a: &Action, as_of: NaiveDate) -> bool {
        match self {
            Test::All(v) => v.iter().all(|t| t.holds(f, a, as_of)),
            Test::Any(v) => v.iter().any(|t| t.holds(f, a, as_of)),
            Test::Not(t) => !t.holds(f, a, as_of),
            Test::Status(m) => m & f.status.bit() != 0,
            Test::Reported(m) => m & f.reported.bit() != 0,
            Test::Overdue(m) => m & (1 << (f.overdue as u8)) != 0,
            Test::Percent(r) => r.holds(f.percent),
            Test::Cycles(r) => r.holds(f.cycles_without_update.map(f64::from)),
            Test::Days(d, r) => {
                let (from, to) = match d {
                    DayFact::ToDue => (Some(as_of), f.due),
                    DayFact::Overdue => (f.due, Some(as_of)),
                    DayFact::PastEarliest => (f.due_earliest, Some(as_of)),
                    DayFact::PastOriginal => (f.original_due, Some(as_of)),
                    DayFact::Slipped => (f.original_due, f.due),
                    DayFact::SinceUpdate => (f.last_update, Some(as_of)),
                    DayFact::PastStart => (period_start(a), Some(as_of)),
                };
                r.holds(from, to)
            }
            Test::Flag(fl, want) => {
                let v = match fl {
                    Flag::Closed => Some(f.closed),
                    Flag::HasPercent => Some(f.percent.is_some()),
                    Flag::Rescheduled => Some(f.rescheduled),
                    Flag::HasDeadline => Some(f.has_deadline),
                    Flag::Ongoing => Some(f.ongoing),
                    Flag::Recurring => Some(f.recurring),
                    Flag::Conditional => Some(f.conditional),
                    Flag::HasUpdate => Some(f.has_update),
                    Flag::Unchanged => f.unchanged_since_previous,
                    Flag::HasEvidence => Some(f.has_evidence),
                    Flag::PeriodStarted => period_start(a).map(|s| as_of >= s),
                };
                v == Some(*want)
            }
            Test::StatusText(w) => {
                let t = crate::text::normalise_words(a.status_text.as_deref().unwrap_or(""));
                w.iter().any(|p| has_phrase(&t, p))
            }
            Test::Comment(w) => {
                let t = crate::text::normalise_words(a.latest_update().map_or("", |u| &u.text));
                w.iter().any(|p| has_phrase(&t, p))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What serde's derive read before the written-out readers (the same fields and types).
    mod derived {
        use super::super::super::facts::{Overdue, ReportedFact, StatusFact};
        use super::Bound;
        use serde::{Deserialize, Serialize};

        #[derive(Debug, Serialize, Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        pub struct Range {
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub min: Option<Bound>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub max: Option<Bound>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub above: Option<Bound>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub below: Option<Bound>,
        }

        #[derive(Debug, Serialize, Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        pub struct Condition {
            #[serde(default, skip_serializing_if = "Option::is_none")]
            status: Option<Vec<StatusFact>>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            closed: Option<bool>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            reported: Option<Vec<ReportedFact>>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            percent: Option<Range>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            has_percent: Option<bool>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            overdue: Option<Vec<Overdue>>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            days_to_due: Option<Range>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            days_overdue: Option<Range>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            days_past_earliest: Option<Range>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            days_past_original: Option<Range>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            slipped_days: Option<Range>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            rescheduled: Option<bool>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            has_deadline: Option<bool>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            ongoing: Option<bool>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            recurring: Option<bool>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            conditional: Option<bool>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            has_update: Option<bool>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            days_since_update: Option<Range>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            cycles_without_update: Option<Range>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            unchanged_since_previous: Option<bool>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            has_evidence: Option<bool>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            status_text_has: Option<Vec<String>>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            comment_has: Option<Vec<String>>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            period_started: Option<bool>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            days_past_start: Option<Range>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            all: Option<Vec<Condition>>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            any: Option<Vec<Condition>>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            not: Option<Box<Condition>>,
        }
    }

    /// The written-out readers accept what the derive accepted (the same values) and give its
    /// messages, except for an array in place of the object, which the derive also took.
    #[test]
    fn condition_and_range_read_as_the_derive_did() {
        let cases = [
            r#"{}"#,
            r#"{"status": ["in_progress", "on_hold"], "closed": false}"#,
            r#"{"status": null, "reported": ["amber_red"], "overdue": ["definitely"]}"#,
            r#"{"percent": {"min": 0, "below": "$x"}, "has_percent": true}"#,
            r#"{"days_overdue": {"above": "3 months", "max": 30.5}, "days_to_due": {}}"#,
            r#"{"any": [{"closed": true}, {"not": {"ongoing": true}}], "all": []}"#,
            r#"{"status_text_has": ["rescheduled"], "comment_has": ["x", "y"]}"#,
            r#"{"cycles_without_update": {"min": 2}, "unchanged_since_previous": true}"#,
            r#"{"period_started": true, "days_past_start": {"min": "1 month"}}"#,
            r#"{"days_past_earliest": {"below": -1}, "days_past_original": {"min": "2 weeks"},
                "slipped_days": {"above": 0}, "days_since_update": {"max": "$stale"},
                "rescheduled": true, "has_deadline": false, "recurring": true,
                "conditional": false, "has_update": true, "has_evidence": false, "not": null}"#,
            // Errors.
            r#"{"stauts": ["x"]}"#,
            r#"{"closed": true, "closed": false}"#,
            r#"{"closed": null, "closed": false}"#,
            r#"{"closed": "yes"}"#,
            r#"{"status": ["started"]}"#,
            r#"{"percent": {"min": 1, "min": 2}}"#,
            r#"{"percent": {"least": 1}}"#,
            r#"{"percent": {"min": true}}"#,
            r#"{"percent": 5}"#,
            r#"{"any": [{"closed": true}, {"clsoed": true}]}"#,
            r#"{"not": {"not": {"stauts": 1}}}"#,
            r#"{"closed": true"#,
            r#"{"closed": true,}"#,
            r#"{1: true}"#,
            r#""closed""#,
            r#"null"#,
            r#"7"#,
        ];
        for text in cases {
            let ours = serde_json::from_str::<Condition>(text);
            let theirs = serde_json::from_str::<derived::Condition>(text);
            match (ours, theirs) {
                (Ok(a), Ok(b)) => assert_eq!(
                    serde_json::to_value(&a).unwrap(),
                    serde_json::to_value(&b).unwrap(),
                    "{text}"
                ),
                (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{text}"),
                (a, b) => panic!("{text}: {a:?} against {b:?}"),
            }
        }
        for text in [
            r#"{"min": 1, "above": "$x"}"#,
            r#"{"max": 1, "max": 1}"#,
            r#"{"x": 1}"#,
        ] {
            let ours = serde_json::from_str::<Range>(text).map_err(|e| e.to_string());
            let theirs = serde_json::from_str::<derived::Range>(text).map_err(|e| e.to_string());
            match (ours, theirs) {
                (Ok(a), Ok(b)) => assert_eq!(
                    serde_json::to_value(&a).unwrap(),
                    serde_json::to_value(&b).unwrap()
                ),
                (a, b) => assert_eq!(a.err(), b.err(), "{text}"),
            }
        }
        // An array in place of the object is no longer read.
        let e = serde_json::from_str::<Condition>("[null, true]").unwrap_err();
        assert!(serde_json::from_str::<derived::Condition>("[null, true]").is_ok());
        assert_eq!(
            e.to_string(),
            "invalid type: sequence, expected struct Condition at line 1 column 1"
        );
        let e = serde_json::from_str::<Range>("[1]").unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid type: sequence, expected struct Range at line 1 column 1"
        );
    }

    /// The same in TOML rule files (the `toml` feature).
    #[cfg(feature = "toml")]
    #[test]
    fn condition_reads_toml_as_the_derive_did() {
        let cases = [
            "status = [\"in_progress\"]\ndays_overdue = { above = \"3 months\" }",
            "any = [{ closed = true }, { not = { ongoing = true } }]",
            "percent = { min = 10, below = 50.5 }",
            "stauts = [\"x\"]",
            "percent = { least = 1 }",
            "closed = \"yes\"",
            "[percent]\nmin = 1\n[not]\nclsoed = true",
        ];
        for text in cases {
            let ours = toml::from_str::<Condition>(text);
            let theirs = toml::from_str::<derived::Condition>(text);
            match (ours, theirs) {
                (Ok(a), Ok(b)) => assert_eq!(
                    serde_json::to_value(&a).unwrap(),
                    serde_json::to_value(&b).unwrap(),
                    "{text}"
                ),
                (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{text}"),
                (a, b) => panic!("{text}: {a:?} against {b:?}"),
            }
        }
    }

    #[test]
    fn spans_read_units_and_signs() {
        assert_eq!(parse_span("3 months"), Some(Span::Months(3)));
        assert_eq!(parse_span("-2 weeks"), Some(Span::Days(-14)));
        assert_eq!(parse_span("1 year"), Some(Span::Months(12)));
        assert_eq!(parse_span("10"), Some(Span::Days(10)));
        assert_eq!(parse_span("ten days"), None);
        assert_eq!(parse_span("3 fortnights"), None);
        assert_eq!(parse_span("-"), None);
    }

    #[test]
    fn month_spans_compare_on_the_calendar() {
        let d = |s: &str| s.parse::<NaiveDate>().ok();
        let r = DayRange {
            above: Some(Span::Months(1)),
            ..Default::default()
        };
        // 2025-01-31 + 1 month = 2025-02-28.
        assert!(!r.holds(d("2025-01-31"), d("2025-02-28")));
        assert!(r.holds(d("2025-01-31"), d("2025-03-01")));
        assert!(!r.holds(None, d("2025-03-01")));
    }
}

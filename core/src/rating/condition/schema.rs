//! What a rules file may say: conditions, ranges and bounds as data, read with serde.

use crate::rating::facts::{Overdue, ReportedFact, StatusFact};
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
    /// One of the action's owners contains one of these words or phrases (case and punctuation
    /// do not matter: "Head of Planning" matches "planning").
    ///
    /// ```
    /// use actionplan::rating::Condition;
    /// let c: Condition = serde_json::from_str(r#"{"owner_has": ["Chief Executive"]}"#).unwrap();
    /// assert_eq!(c.owner_has.unwrap(), ["Chief Executive"]);
    /// ```
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_has: Option<Vec<String>>,
    /// Any column of the plan, by its header as written (case does not matter): its cell
    /// contains one of the words or phrases given for it. Every column named must match.
    /// A Stage, a Directorate or a Direction of travel column, for example; a column read as
    /// one of the action's fields (a "Lead Member" or "RAG" column) is tested on that field's
    /// text. A recommendation's columns (its theme, its text) are not an action's.
    ///
    /// ```
    /// use actionplan::rating::Condition;
    /// let c: Condition = serde_json::from_str(r#"{"column_has": {"Direction of travel": ["worse"]}}"#).unwrap();
    /// assert!(c.column_has.unwrap().contains_key("Direction of travel"));
    /// ```
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column_has: Option<BTreeMap<String, Vec<String>>>,
    /// The reported RAG cell, as written, contains one of these words or phrases (case and
    /// punctuation ignored): the council's own words, such as `["under control"]` or
    /// `["not yet due"]`, which `reported` sees only as `other`.
    ///
    /// ```
    /// use actionplan::rating::Condition;
    /// let c: Condition = serde_json::from_str(r#"{"reported_text_has": ["Behind schedule"]}"#).unwrap();
    /// assert_eq!(c.reported_text_has.unwrap(), ["Behind schedule"]);
    /// ```
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_text_has: Option<Vec<String>>,
    /// The percent complete expected by now, 0 to 100 (fails without a start or a deadline):
    /// progress growing evenly from the action's start (its start-date cell, else the plan's
    /// date) to its deadline, 100 once the deadline has passed.
    ///
    /// ```
    /// use actionplan::rating::Condition;
    /// let c: Condition = serde_json::from_str(r#"{"expected_percent": {"min": 50}}"#).unwrap();
    /// assert!(c.expected_percent.is_some());
    /// ```
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_percent: Option<Range>,
    /// Percent complete over the percent expected by now (1 is on schedule, 0.9 is 90% of
    /// the way there). Fails when there is no percent complete, no start or no deadline, or
    /// nothing is expected yet.
    ///
    /// ```
    /// use actionplan::rating::Condition;
    /// let c: Condition = serde_json::from_str(r#"{"progress_ratio": {"min": 0.9}}"#).unwrap();
    /// assert!(c.progress_ratio.is_some());
    /// ```
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress_ratio: Option<Range>,
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
    let mut seen = 0u64;
    while let Some(i) = map.next_key_seed(FieldKey(fields))? {
        if seen & (1u64 << i) != 0 {
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
    "owner_has",
    "column_has",
    "reported_text_has",
    "expected_percent",
    "progress_ratio",
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
                25 => c.owner_has = m.next_value()?,
                26 => c.column_has = m.next_value()?,
                27 => c.reported_text_has = m.next_value()?,
                28 => c.expected_percent = m.next_value()?,
                29 => c.progress_ratio = m.next_value()?,
                30 => c.all = m.next_value()?,
                31 => c.any = m.next_value()?,
                32 => c.not = m.next_value()?,
                // read_fields gives only positions in CONDITION_FIELDS.
                _ => unreachable!("a field position past CONDITION_FIELDS"),
            }
            Ok(())
        })?;
        Ok(c)
    }
}

//! Roll-up: from actions to recommendations to the plan, by a named policy.

use super::scale::Scale;
use crate::{Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How ratings roll up. The recommendation policy applies to each recommendation's actions;
/// the plan policy to all the plan's actions (`plan_over: "actions"`, the default) or to the
/// recommendations' ratings (`"recommendations"`). Actions that are not rated are left out.
///
/// ```
/// let r: actionplan::rating::Rollup = serde_json::from_str(
///     r#"{"recommendation": {"policy": "worst_of"},
///         "plan": {"policy": "share_of", "bands": [{"labels": ["red"], "at_least": 20, "then": "red"}], "otherwise": "green"}}"#).unwrap();
/// assert!(matches!(r.plan, actionplan::rating::Policy::ShareOf { .. }));
/// ```
///
/// `"rollup": "none"` is short for no roll-up of either (a scale of categories, where "worst
/// of" means nothing):
///
/// ```
/// let r: actionplan::rating::Rollup = serde_json::from_str(r#""none""#).unwrap();
/// assert_eq!(r.plan, actionplan::rating::Policy::None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Rollup {
    /// Policy for a recommendation, over its actions.
    #[serde(default)]
    pub recommendation: Policy,
    /// Policy for the plan.
    #[serde(default)]
    pub plan: Policy,
    /// What the plan policy is applied to.
    #[serde(default)]
    pub plan_over: PlanOver,
}

/// The object form of [`Rollup`], as serde's derive reads it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RollupFields {
    #[serde(default)]
    recommendation: Policy,
    #[serde(default)]
    plan: Policy,
    #[serde(default)]
    plan_over: PlanOver,
}

/// An object, or the word `"none"`.
impl<'de> Deserialize<'de> for Rollup {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_any(RollupVisitor)
    }
}

struct RollupVisitor;

impl<'de> serde::de::Visitor<'de> for RollupVisitor {
    type Value = Rollup;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a roll-up object or \"none\"")
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> std::result::Result<Rollup, E> {
        if v.trim() == "none" {
            Ok(Rollup {
                recommendation: Policy::None,
                plan: Policy::None,
                plan_over: PlanOver::Actions,
            })
        } else {
            Err(E::invalid_value(serde::de::Unexpected::Str(v), &self))
        }
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        map: A,
    ) -> std::result::Result<Rollup, A::Error> {
        let f = RollupFields::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
        Ok(Rollup {
            recommendation: f.recommendation,
            plan: f.plan,
            plan_over: f.plan_over,
        })
    }
}

/// What the plan's roll-up is applied to.
///
/// ```
/// assert_eq!(actionplan::rating::PlanOver::default(), actionplan::rating::PlanOver::Actions);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PlanOver {
    /// All the plan's actions.
    #[default]
    Actions,
    /// The recommendations' rolled-up ratings.
    Recommendations,
}

/// A roll-up policy.
///
/// ```
/// use actionplan::rating::Policy;
/// let p: Policy = serde_json::from_str(r#"{"policy": "weighted"}"#).unwrap();
/// assert_eq!(p, Policy::Weighted { scores: Default::default() });
/// ```
// Deserialize is written out below (same inputs, same messages): serde's derive for an
// internally tagged enum buffers the whole object into its `Content` tree first, which costs
// the WebAssembly module several kilobytes for this one type.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "policy", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Policy {
    /// The worst label any rated item has (labels are listed best first).
    #[default]
    WorstOf,
    /// The first band whose labels make up at least its share of the rated items; otherwise
    /// the `otherwise` label.
    ShareOf {
        /// Bands, in order.
        bands: Vec<ShareBand>,
        /// The label when no band holds.
        otherwise: String,
    },
    /// The mean of the items' label scores, given the label whose score is nearest (a tie goes
    /// to the worse label). Scores default to the labels' `score`, else evenly spaced 1 → 0.
    Weighted {
        /// Scores by label id, overriding the scale's.
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        scores: BTreeMap<String, f64>,
    },
    /// No roll-up: the recommendation (or the plan) is not rated; its counts are still given.
    /// For a scale of categories (`"ordered": false`).
    None,
}

/// The `policy` tag's value.
#[derive(Clone, Copy, PartialEq, Deserialize)]
#[serde(variant_identifier, rename_all = "snake_case")]
enum PolicyTag {
    WorstOf,
    ShareOf,
    Weighted,
    None,
}

impl PolicyTag {
    /// The fields the variant takes besides the tag.
    fn fields(self) -> &'static [&'static str] {
        match self {
            PolicyTag::WorstOf | PolicyTag::None => &[],
            PolicyTag::ShareOf => &["bands", "otherwise"],
            PolicyTag::Weighted => &["scores"],
        }
    }
}

/// Reads a policy as serde's derive for `#[serde(tag = "policy", deny_unknown_fields)]` did,
/// with the same messages, in one pass: fields are read into their types as they come (a
/// field the policy does not take is an error as soon as the tag is known; `worst_of`, as
/// before, ignores other fields).
impl<'de> Deserialize<'de> for Policy {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_map(PolicyVisitor)
    }
}

struct PolicyVisitor;

impl<'de> serde::de::Visitor<'de> for PolicyVisitor {
    type Value = Policy;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("internally tagged enum Policy")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<Policy, A::Error> {
        use serde::de::{Error as _, IgnoredAny};
        let mut tag: Option<PolicyTag> = None;
        let mut bands: Option<Vec<ShareBand>> = None;
        let mut otherwise: Option<String> = None;
        let mut scores: Option<BTreeMap<String, f64>> = None;
        // The first field before the tag that is none of the policies' fields.
        let mut unknown: Option<String> = None;
        while let Some(key) = map.next_key::<String>()? {
            if key == "policy" {
                if tag.is_some() {
                    return Err(A::Error::duplicate_field("policy"));
                }
                tag = Some(map.next_value()?);
                continue;
            }
            match tag {
                Some(PolicyTag::WorstOf) => {
                    map.next_value::<IgnoredAny>()?;
                    continue;
                }
                Some(PolicyTag::None) => {
                    return Err(A::Error::unknown_field(&key, &[]));
                }
                Some(t) if !t.fields().contains(&key.as_str()) => {
                    return Err(A::Error::unknown_field(&key, t.fields()));
                }
                _ => {}
            }
            let dup = match key.as_str() {
                "bands" => bands.replace(map.next_value()?).is_some(),
                "otherwise" => otherwise.replace(map.next_value()?).is_some(),
                "scores" => scores.replace(map.next_value()?).is_some(),
                _ => {
                    unknown.get_or_insert(key);
                    map.next_value::<IgnoredAny>()?;
                    continue;
                }
            };
            if dup {
                return Err(A::Error::duplicate_field(match key.as_str() {
                    "bands" => "bands",
                    "otherwise" => "otherwise",
                    _ => "scores",
                }));
            }
        }
        let tag = tag.ok_or_else(|| A::Error::missing_field("policy"))?;
        if tag == PolicyTag::WorstOf {
            return Ok(Policy::WorstOf);
        }
        if tag == PolicyTag::None {
            if let Some(name) = unknown.as_deref().or(bands
                .as_ref()
                .map(|_| "bands")
                .or(otherwise.as_ref().map(|_| "otherwise"))
                .or(scores.as_ref().map(|_| "scores")))
            {
                return Err(A::Error::unknown_field(name, &[]));
            }
            return Ok(Policy::None);
        }
        // Fields that came before the tag and that this policy does not take.
        let stray = unknown.as_deref().or_else(|| {
            [
                ("bands", bands.is_some()),
                ("otherwise", otherwise.is_some()),
                ("scores", scores.is_some()),
            ]
            .into_iter()
            .find(|(name, given)| *given && !tag.fields().contains(name))
            .map(|(name, _)| name)
        });
        if let Some(name) = stray {
            return Err(A::Error::unknown_field(name, tag.fields()));
        }
        Ok(match tag {
            PolicyTag::ShareOf => Policy::ShareOf {
                bands: bands.ok_or_else(|| A::Error::missing_field("bands"))?,
                otherwise: otherwise.ok_or_else(|| A::Error::missing_field("otherwise"))?,
            },
            _ => Policy::Weighted {
                scores: scores.unwrap_or_default(),
            },
        })
    }
}

/// One band of a `share_of` policy.
///
/// ```
/// let b: actionplan::rating::ShareBand = serde_json::from_str(r#"{"labels": ["red"], "at_least": 25, "then": "red"}"#).unwrap();
/// assert_eq!(b.at_least, 25.0);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ShareBand {
    /// The labels counted.
    pub labels: Vec<String>,
    /// The share, in percent (0 to 100), they must reach.
    pub at_least: f64,
    /// The label given.
    pub then: String,
}

impl Rollup {
    pub(crate) fn check(&self, scale: &Scale) -> Result<()> {
        for (what, p) in [
            ("recommendation", &self.recommendation),
            ("plan", &self.plan),
        ] {
            if !scale.ordered && matches!(p, Policy::WorstOf | Policy::Weighted { .. }) {
                return Err(Error::invalid_option(
                    "rules",
                    format!(
                        "roll-up: scale {:?} is not ordered (\"ordered\": false), so the {what} \
                         roll-up cannot be {}: use \"rollup\": \"none\", or share_of",
                        scale.id,
                        p.name()
                    ),
                ));
            }
        }
        self.recommendation.check(scale)?;
        self.plan.check(scale)
    }
}

impl Policy {
    /// The policy's name ("worst_of", "share_of", "weighted", "none").
    ///
    /// ```
    /// assert_eq!(actionplan::rating::Policy::WorstOf.name(), "worst_of");
    /// ```
    pub fn name(&self) -> &'static str {
        match self {
            Policy::WorstOf => "worst_of",
            Policy::ShareOf { .. } => "share_of",
            Policy::Weighted { .. } => "weighted",
            Policy::None => "none",
        }
    }

    fn check(&self, scale: &Scale) -> Result<()> {
        let known = |id: &str| {
            scale.position(id).map(|_| ()).ok_or_else(|| {
                Error::invalid_option(
                    "rules",
                    format!("roll-up: {id:?} is not a label of scale {:?}", scale.id),
                )
            })
        };
        match self {
            Policy::WorstOf | Policy::None => Ok(()),
            Policy::ShareOf { bands, otherwise } => {
                for b in bands {
                    for l in &b.labels {
                        known(l)?;
                    }
                    known(&b.then)?;
                    if !(0.0..=100.0).contains(&b.at_least) {
                        return Err(Error::invalid_option(
                            "rules",
                            format!("roll-up: at_least {} is not a percentage 0-100", b.at_least),
                        ));
                    }
                }
                known(otherwise)
            }
            Policy::Weighted { scores } => {
                for (k, v) in scores {
                    known(k)?;
                    if !v.is_finite() {
                        return Err(Error::invalid_option(
                            "rules",
                            format!("roll-up: score for {k:?} is not a number"),
                        ));
                    }
                }
                Ok(())
            }
        }
    }

    /// Apply to counts per label (aligned with the scale's labels); `noun` names the items
    /// ("actions"). Returns the label position and the reason.
    pub(crate) fn apply(
        &self,
        scale: &Scale,
        counts: &[usize],
        noun: &str,
    ) -> (Option<usize>, String) {
        let rated: usize = counts.iter().sum();
        // "1 rated action", "2 rated actions".
        let singular = noun.strip_suffix('s').unwrap_or(noun);
        let noun = if rated == 1 { singular } else { noun };
        if rated == 0 {
            return (None, format!("no rated {noun}"));
        }
        let name = |i: usize| scale.labels.get(i).map_or("?", |l| l.name.as_str());
        match self {
            Policy::None => (None, format!("not rolled up ({rated} rated {noun})")),
            Policy::WorstOf => {
                let worst = counts.iter().rposition(|c| *c > 0);
                let reason = match worst {
                    Some(w) => format!("worst of {rated} rated {noun}: {} {}", counts[w], name(w)),
                    None => format!("no rated {noun}"),
                };
                (worst, reason)
            }
            Policy::ShareOf { bands, otherwise } => {
                for b in bands {
                    let n: usize = b
                        .labels
                        .iter()
                        .filter_map(|l| scale.position(l))
                        .map(|i| counts.get(i).copied().unwrap_or(0))
                        .sum();
                    let share = n as f64 * 100.0 / rated as f64;
                    if share >= b.at_least {
                        let names: Vec<&str> = b
                            .labels
                            .iter()
                            .filter_map(|l| scale.label(l))
                            .map(|l| l.name.as_str())
                            .collect();
                        return (
                            scale.position(&b.then),
                            format!(
                                "{n} of {rated} rated {noun} ({}%) are {}: at least {}%",
                                fmt_num(share),
                                names.join(" or "),
                                fmt_num(b.at_least)
                            ),
                        );
                    }
                }
                let o = scale.position(otherwise);
                (
                    o,
                    format!(
                        "no band reached its share of {rated} rated {noun}: {}",
                        o.map_or("?", name)
                    ),
                )
            }
            Policy::Weighted { scores } => {
                let mut s = scale.scores();
                for (i, l) in scale.labels.iter().enumerate() {
                    if let Some(v) = scores.get(&l.id) {
                        s[i] = *v;
                    }
                }
                let mean = counts
                    .iter()
                    .zip(&s)
                    .map(|(c, v)| *c as f64 * v)
                    .sum::<f64>()
                    / rated as f64;
                let mut best: Option<(usize, f64)> = None;
                for (i, v) in s.iter().enumerate() {
                    let d = (v - mean).abs();
                    // Later labels are worse: `<=` gives ties to the worse label.
                    if best.is_none_or_worse(d) {
                        best = Some((i, d));
                    }
                }
                let i = best.map(|b| b.0);
                (
                    i,
                    format!(
                        "mean score {:.2} over {rated} rated {noun}: nearest is {}",
                        mean,
                        i.map_or("?", name)
                    ),
                )
            }
        }
    }
}

trait NearestSoFar {
    fn is_none_or_worse(&self, d: f64) -> bool;
}

impl NearestSoFar for Option<(usize, f64)> {
    fn is_none_or_worse(&self, d: f64) -> bool {
        match self {
            None => true,
            Some((_, b)) => d <= *b + 1e-12,
        }
    }
}

use crate::fmt::fmt_num;

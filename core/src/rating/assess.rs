//! Assessment: every action rated with its reason, roll-ups, and reported-vs-derived findings.

use super::condition::FactSet;
use super::facts::Facts;
use super::reason::sentence;
use super::ruleset::{Compiled, RuleSet};
use super::scale::Scale;
use crate::model::{Action, Plan};
use crate::text::Text;
use crate::{Result, Severity};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The result of rating a plan as of a date.
///
/// ```
/// use actionplan::{Plan, Recommendation, Action, rating::{self, RuleSet}};
/// let mut plan = Plan::default();
/// let mut rec = Recommendation::new("1", "Improve scrutiny");
/// let mut a = Action::new("Review committee terms of reference");
/// a.timeframe = Some(actionplan::timeframe::parse("31/03/2025", None, &Default::default()).into());
/// a.set_status("In progress");
/// a.rag = Some("Green".into());
/// rec.actions.push(a);
/// plan.recommendations.push(rec);
/// plan.assign_refs();
///
/// let rules = RuleSet::preset("date-rag").unwrap();
/// let out = rating::assess(&plan, &rules, "2025-05-12".parse().unwrap()).unwrap();
/// assert_eq!(out.actions[0].rating.as_deref(), Some("red"));
/// assert_eq!(out.actions[0].reason.rule.as_deref(), Some("overdue"));
/// assert_eq!(out.actions[0].reason.text, "due 2025-03-31, 42 days overdue, status In progress");
/// assert_eq!(out.findings[0].code, "reported_rag_disagrees");
/// assert_eq!(out.plan.rating.as_deref(), Some("red"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Assessment {
    /// The date the plan was rated as of.
    pub as_of: NaiveDate,
    /// Which rules.
    pub rules: RulesUsed,
    /// The scale rated on (so reports can name and colour labels).
    pub scale: Scale,
    /// Every action, in plan order.
    pub actions: Vec<RatedAction>,
    /// Every recommendation, in plan order.
    pub recommendations: Vec<GroupRating>,
    /// The whole plan.
    pub plan: GroupRating,
    /// Where the RAG the plan reports disagrees with the rules.
    pub findings: Vec<Finding>,
    /// How statistics made from this assessment write their figures: the rule set's `format`
    /// block, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<crate::figures::Format>,
}

impl Assessment {
    /// Check that this assessment was made for `plan`: the same actions, in the same places,
    /// with the same refs. Ratings point into their plan by position, so an assessment read
    /// against another plan (or another version of it) would pair actions wrongly; every
    /// writer that takes both checks first.
    ///
    /// ```
    /// use actionplan::{Action, Plan, Recommendation, rating::{assess, RuleSet}};
    /// let mut plan = Plan::default();
    /// let mut rec = Recommendation::new("1", "Scrutiny");
    /// rec.actions.push(Action::new("Review terms of reference"));
    /// plan.recommendations.push(rec);
    /// plan.assign_refs();
    /// let a = assess(&plan, &RuleSet::preset("date-rag").unwrap(), "2025-01-01".parse().unwrap()).unwrap();
    /// assert!(a.check_plan(&plan).is_ok());
    /// assert!(a.check_plan(&Plan::default()).is_err());
    /// ```
    pub fn check_plan(&self, plan: &Plan) -> Result<()> {
        let count = plan.action_count();
        if count != self.actions.len() {
            return Err(crate::Error::invalid_option(
                "plan",
                format!(
                    "the assessment rates {} actions but the plan has {count}: it was made for another plan",
                    self.actions.len()
                ),
            ));
        }
        for r in &self.actions {
            let found = plan
                .recommendations
                .get(r.recommendation_index)
                .and_then(|rec| rec.actions.get(r.action_index));
            match found {
                Some(a) if *a.action_ref == *r.action_ref => {}
                _ => {
                    return Err(crate::Error::invalid_option(
                        "plan",
                        format!(
                            "the assessment's action {} is not at recommendation {}, action {} of the plan: it was made for another plan",
                            r.action_ref,
                            r.recommendation_index + 1,
                            r.action_index + 1
                        ),
                    ))
                }
            }
        }
        Ok(())
    }

    /// Each action of `plan` with its rating, in plan order, after [`Assessment::check_plan`].
    ///
    /// ```
    /// use actionplan::{Action, Plan, Recommendation, rating::{assess, RuleSet}};
    /// let mut plan = Plan::default();
    /// let mut rec = Recommendation::new("1", "Scrutiny");
    /// rec.actions.push(Action::new("Review terms of reference"));
    /// plan.recommendations.push(rec);
    /// plan.assign_refs();
    /// let a = assess(&plan, &RuleSet::preset("date-rag").unwrap(), "2025-01-01".parse().unwrap()).unwrap();
    /// for (action, rated) in a.pairs(&plan).unwrap() {
    ///     println!("{}: {}", action.description, a.scale.name_of(rated.rating.as_deref()));
    /// }
    /// ```
    pub fn pairs<'a>(
        &'a self,
        plan: &'a Plan,
    ) -> Result<impl Iterator<Item = (&'a Action, &'a RatedAction)> + 'a> {
        self.check_plan(plan)?;
        Ok(self.actions.iter().map(move |r| {
            (
                &plan.recommendations[r.recommendation_index].actions[r.action_index],
                r,
            )
        }))
    }
}

/// The rule set an assessment used.
///
/// ```
/// let r = actionplan::rating::RulesUsed { id: "date-rag".into(), name: "Date-driven RAG".into(), recommendation_policy: "worst_of".into(), plan_policy: "worst_of".into() };
/// assert_eq!(r.id, "date-rag");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RulesUsed {
    /// Rule set id.
    pub id: String,
    /// Rule set name.
    pub name: String,
    /// Roll-up policy for recommendations.
    pub recommendation_policy: String,
    /// Roll-up policy for the plan.
    pub plan_policy: String,
}

/// One action's rating.
///
/// ```
/// # let out = actionplan::rating::assess(&actionplan::Plan::default(), &actionplan::rating::RuleSet::preset("date-rag").unwrap(), "2025-01-01".parse().unwrap()).unwrap();
/// assert!(out.actions.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct RatedAction {
    /// The action's ref.
    #[serde(rename = "ref")]
    pub action_ref: Text,
    /// The recommendation's key.
    pub recommendation: Text,
    /// Position of the recommendation in the plan (0-based).
    pub recommendation_index: usize,
    /// Position of the action in its recommendation (0-based).
    pub action_index: usize,
    /// The label id, or `None` when not rated.
    pub rating: Option<Text>,
    /// Why.
    pub reason: Reason,
    /// The facts as of the date.
    pub facts: Facts,
}

/// Why an action has its rating: the rule, the facts it looked at, and a sentence.
///
/// ```
/// let r = actionplan::rating::Reason { rule: Some("overdue".into()), facts: Default::default(), text: "due 2025-03-31, 42 days overdue, status In progress".into() };
/// assert!(r.text.contains("overdue"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Reason {
    /// The id of the rule that matched; [`OTHERWISE`] when none did and the rule set's
    /// `otherwise` label applied; `None` when the action is not rated.
    pub rule: Option<Text>,
    /// The facts the matched rule looked at.
    pub facts: FactSet,
    /// The sentence.
    pub text: String,
}

/// A recommendation's or the plan's rolled-up rating.
///
/// ```
/// # let out = actionplan::rating::assess(&actionplan::Plan::default(), &actionplan::rating::RuleSet::preset("date-rag").unwrap(), "2025-01-01".parse().unwrap()).unwrap();
/// assert_eq!(out.plan.rating, None);
/// assert_eq!(out.plan.reason, "no rated actions");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct GroupRating {
    /// Recommendation key ("plan" for the plan).
    pub key: String,
    /// Recommendation title (the plan's title for the plan).
    pub title: String,
    /// The rolled-up label id, or `None` when nothing in it is rated.
    pub rating: Option<String>,
    /// Why (the policy, with its numbers).
    pub reason: String,
    /// Actions per label, in scale order.
    pub counts: Vec<LabelCount>,
    /// Actions not rated.
    pub not_rated: usize,
    /// All actions.
    pub actions: usize,
}

/// A count for one label.
///
/// ```
/// let c = actionplan::rating::LabelCount { label: "red".into(), count: 3 };
/// assert_eq!(c.count, 3);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LabelCount {
    /// Label id.
    pub label: String,
    /// How many.
    pub count: usize,
}

/// A place where the RAG the plan reports disagrees with the rating the rules derive.
///
/// ```
/// use actionplan::rating::{assess, RuleSet};
/// let csv = "Ref,Action,Due,RAG\nA1,Write the plan,January 2025,Green\n";
/// let plan = actionplan::import::ImportOptions::new().read_bytes(csv.as_bytes()).unwrap().plan;
/// let out = assess(&plan, &RuleSet::preset("date-rag").unwrap(), "2025-06-01".parse().unwrap()).unwrap();
/// let f = &out.findings[0];
/// assert_eq!((&*f.action_ref, &*f.reported, &*f.derived), ("A1", "Green", "red"));
/// assert!(f.steps > 0);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Finding {
    /// `reported_rag_disagrees`.
    pub code: Cow<'static, str>,
    /// `error` when the plan reports better and the rules give the worst label, `warning` when
    /// it reports better (or differs, on a scale that is not ordered), `info` when it reports
    /// worse.
    pub severity: Severity,
    /// The action's ref.
    #[serde(rename = "ref")]
    pub action_ref: Text,
    /// The recommendation's key.
    pub recommendation: Text,
    /// 1-based source row, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
    /// The RAG as the plan wrote it.
    pub reported: Text,
    /// The label it means on this scale.
    pub reported_label: Text,
    /// The label the rules give.
    pub derived: Text,
    /// How many labels apart (positive: the plan reports better than the rules give); 0 on a
    /// scale that is not ordered.
    pub steps: i64,
    /// Plain-English message with the reason.
    pub message: String,
}

/// Rate every action of a plan as of a date, roll the ratings up, and compare them with the
/// RAG the plan reports.
///
/// ```
/// let rules = actionplan::rating::RuleSet::preset("brag").unwrap();
/// let out = actionplan::rating::assess(&actionplan::Plan::default(), &rules, "2025-03-31".parse().unwrap()).unwrap();
/// assert_eq!(out.rules.id, "brag");
/// ```
pub fn assess(plan: &Plan, rules: &RuleSet, as_of: NaiveDate) -> Result<Assessment> {
    assess_inner(plan, None, rules, as_of, None)
}

/// What Rust code decided for one action in [`assess_with`]: the label (an id of the rule
/// set's scale, or `None` for not rated), a name for the rule, and the reason people read.
///
/// ```
/// let v = actionplan::rating::Verdict::new("budget", Some("red"), "over budget by 12%");
/// assert_eq!(v.label.as_deref(), Some("red"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Verdict {
    /// The name given as the rule (in reasons, reports and `Reason::rule`).
    pub rule: String,
    /// A label id of the scale, or `None`: not rated.
    pub label: Option<String>,
    /// The reason, as people read it.
    pub reason: String,
}

impl Verdict {
    /// A verdict: rule name, label id (or `None`), reason.
    ///
    /// ```
    /// let v = actionplan::rating::Verdict::new("paused", None, "paused by Cabinet");
    /// assert!(v.label.is_none());
    /// ```
    pub fn new(rule: impl Into<String>, label: Option<&str>, reason: impl Into<String>) -> Self {
        Verdict {
            rule: rule.into(),
            label: label.map(str::to_string),
            reason: reason.into(),
        }
    }
}

/// As [`assess`], with Rust code consulted before the rules: for each action, `custom` sees
/// the action and its facts and may decide (`Some`) or leave it to the rules (`None`). Its
/// ratings flow into the roll-up, the statistics and the reports like any other. A label the
/// scale does not have is an error.
///
/// ```
/// use actionplan::{Action, Plan, Recommendation, rating::{assess_with, RuleSet, Verdict}};
/// let mut plan = Plan::default();
/// let mut rec = Recommendation::new("1", "Finance");
/// let mut a = Action::new("Close the budget gap");
/// a.extra.insert("Budget status".into(), "Overspent".into());
/// rec.actions.push(a);
/// plan.recommendations.push(rec);
/// let rules = RuleSet::preset("date-rag").unwrap();
/// let out = assess_with(&plan, &rules, "2025-03-31".parse().unwrap(), |action, _facts| {
///     let overspent = action.extra.values().any(|v| &**v == "Overspent");
///     overspent.then(|| Verdict::new("budget", Some("red"), "the budget is overspent"))
/// })
/// .unwrap();
/// assert_eq!(out.actions[0].rating.as_deref(), Some("red"));
/// assert_eq!(out.actions[0].reason.text, "the budget is overspent");
/// ```
pub fn assess_with(
    plan: &Plan,
    rules: &RuleSet,
    as_of: NaiveDate,
    custom: impl Fn(&Action, &Facts) -> Option<Verdict>,
) -> Result<Assessment> {
    assess_inner(plan, None, rules, as_of, Some(&custom))
}

/// As [`assess`], knowing the previous version of the plan, so that
/// `unchanged_since_previous` (a comment not updated since last time) can be used by rules.
/// Actions are matched across the versions as [`crate::diff::diff`] matches them.
///
/// ```
/// use actionplan::{Plan, Recommendation, Action, ProgressUpdate, rating::{self, RuleSet}};
/// let mut plan = Plan::default();
/// let mut rec = Recommendation::new("1", "t");
/// let mut a = Action::new("Publish the plan");
/// a.action_ref = "A1".into();
/// a.set_status("In progress");
/// a.updates.push(ProgressUpdate { text: "Drafting".into(), ..Default::default() });
/// rec.actions.push(a);
/// plan.recommendations.push(rec);
/// let rules = RuleSet::preset("staleness").unwrap();
/// let out = rating::assess_since(&plan, &plan.clone(), &rules, "2025-03-31".parse().unwrap()).unwrap();
/// assert_eq!(out.actions[0].rating.as_deref(), Some("stale"));
/// ```
pub fn assess_since(
    plan: &Plan,
    previous: &Plan,
    rules: &RuleSet,
    as_of: NaiveDate,
) -> Result<Assessment> {
    assess_inner(plan, Some(previous), rules, as_of, None)
}

/// The rule name a reason gives when no rule held and the rule set's `otherwise` label applied.
///
/// ```
/// use actionplan::rating::{assess, Condition, Label, Rule, RuleSet, Scale, OTHERWISE};
/// let mut plan = actionplan::Plan::default();
/// plan.recommendations.push(actionplan::Recommendation::new("1", "t"));
/// plan.recommendations[0].actions.push(actionplan::Action::new("Open action, no deadline"));
/// let scale = Scale::new("s", "S", vec![Label::new("ok", "OK", "#2e7d32"), Label::new("done", "Done", "#1f4e9c")]);
/// let closed = Condition { closed: Some(true), ..Default::default() };
/// let rules = RuleSet::new("x", "X", scale).rule(Rule::new("closed", closed, Some("done"))).otherwise("ok");
/// let a = assess(&plan, &rules, "2025-01-01".parse().unwrap()).unwrap();
/// assert_eq!(a.actions[0].rating.as_deref(), Some("ok"));
/// assert_eq!(a.actions[0].reason.rule.as_deref(), Some(OTHERWISE));
/// ```
pub const OTHERWISE: &str = "otherwise";

/// Rust code that may decide an action's rating before the rules ([`assess_with`]).
type Custom<'a> = &'a dyn Fn(&Action, &Facts) -> Option<Verdict>;

fn assess_inner(
    plan: &Plan,
    previous: Option<&Plan>,
    rules: &RuleSet,
    as_of: NaiveDate,
    custom: Option<Custom>,
) -> Result<Assessment> {
    let compiled = rules.compile()?;
    let scale = &rules.scale;
    let prev_of = previous.map(|p| crate::matching::previous_actions(p, plan));
    let compare = scale.compares_reported();
    let n_labels = scale.labels.len();
    // Shared strings: one allocation per label, rule and recommendation, not per action.
    let label_ids: Vec<Text> = scale
        .labels
        .iter()
        .map(|l| Text::from(l.id.as_str()))
        .collect();
    let rule_ids: Vec<Text> = rules
        .rules
        .iter()
        .map(|r| Text::from(r.id.as_str()))
        .collect();
    let otherwise_id: Text = Text::from(OTHERWISE);
    let ctx = super::facts::PlanContext::with_forecast(plan, Some(&rules.forecast));
    // Each RAG text once: the built-in word it is, and the label it means on the scale.
    let words = super::scale::ReportedWords::new(scale);
    let mut reported_cache: rustc_hash::FxHashMap<
        &str,
        (super::facts::ReportedFact, Option<usize>),
    > = Default::default();

    let mut actions = Vec::with_capacity(plan.action_count());
    let mut recommendations = Vec::with_capacity(plan.recommendations.len());
    // Disagreements are noted as (action position, derived label, reported label) and written
    // out after the
    // loop, into a vector of the right size.
    let mut disagreements: Vec<(usize, usize, usize)> = Vec::new();
    let mut plan_counts = vec![0usize; n_labels];
    let mut rec_counts_of_plan = vec![0usize; n_labels];
    let mut plan_not_rated = 0;

    for (ri, rec) in plan.recommendations.iter().enumerate() {
        let rec_key: Text = rec.key.clone();
        let mut counts = vec![0usize; n_labels];
        let mut not_rated = 0;
        for (ai, action) in rec.actions.iter().enumerate() {
            let prev = prev_of
                .as_ref()
                .and_then(|m| m.get(ri).and_then(|v| v.get(ai)).copied().flatten());
            let (reported, reported_label) = match action.rag.as_deref() {
                None => (super::facts::ReportedFact::None, None),
                Some(t) => *reported_cache.entry(t).or_insert_with(|| {
                    let fact = super::facts::ReportedFact::of(Some(t));
                    let label = if compare && fact != super::facts::ReportedFact::None {
                        words.label_of(t)
                    } else {
                        None
                    };
                    (fact, label)
                }),
            };
            let facts = Facts::with_context(&ctx, action, as_of, prev, reported);
            let verdict = custom.and_then(|c| c(action, &facts));
            let (label, rule_id, uses, text) = match verdict {
                Some(v) => {
                    let label = match v.label.as_deref() {
                        None => None,
                        Some(id) => Some(
                            scale.labels.iter().position(|l| l.id == id).ok_or_else(|| {
                                crate::Error::invalid_option(
                                    "rules",
                                    format!(
                                        "the custom rule {:?} rated action {} {id:?}, which is not a label of the scale {:?}",
                                        v.rule, action.action_ref, scale.id
                                    ),
                                )
                            })?,
                        ),
                    };
                    (
                        label,
                        Some(Text::from(v.rule.as_str())),
                        FactSet::default(),
                        v.reason,
                    )
                }
                None => {
                    let (label, rule, uses) = evaluate(&compiled, &facts, action, as_of, &ctx);
                    let text = sentence(&facts, uses, action, ctx.percent_of_target);
                    // The rule set's `otherwise` label is named as the rule that applied.
                    let rule_id = match (rule, label) {
                        (Some(r), _) => Some(rule_ids[r].clone()),
                        (None, Some(_)) => Some(otherwise_id.clone()),
                        (None, None) => None,
                    };
                    (label, rule_id, uses, text)
                }
            };
            match label {
                Some(l) => counts[l] += 1,
                None => not_rated += 1,
            }
            if let (Some(l), Some(r)) = (label, reported_label) {
                // A category scale compares only labels it says how a plan reports.
                let said = scale.ordered || !scale.labels[l].reported.is_empty();
                if said && !scale.agrees(r, l) {
                    disagreements.push((actions.len(), l, r));
                }
            }
            actions.push(RatedAction {
                action_ref: action.action_ref.clone(),
                recommendation: rec_key.clone(),
                recommendation_index: ri,
                action_index: ai,
                rating: label.map(|l| label_ids[l].clone()),
                reason: Reason {
                    rule: rule_id,
                    facts: uses,
                    text,
                },
                facts,
            });
        }
        let (rating, reason) = rules.rollup.recommendation.apply(scale, &counts, "actions");
        if let Some(r) = rating {
            rec_counts_of_plan[r] += 1;
        }
        for (p, c) in plan_counts.iter_mut().zip(&counts) {
            *p += c;
        }
        plan_not_rated += not_rated;
        recommendations.push(GroupRating {
            key: String::from(&*rec.key),
            title: String::from(&*rec.title),
            rating: rating.map(|r| scale.labels[r].id.clone()),
            reason,
            counts: label_counts(scale, &counts),
            not_rated,
            actions: rec.actions.len(),
        });
    }
    let (rating, reason) = match rules.rollup.plan_over {
        super::rollup::PlanOver::Actions => rules.rollup.plan.apply(scale, &plan_counts, "actions"),
        super::rollup::PlanOver::Recommendations => {
            rules
                .rollup
                .plan
                .apply(scale, &rec_counts_of_plan, "recommendations")
        }
    };
    let mut findings = Vec::with_capacity(disagreements.len());
    // The same few RAG words, shared.
    let mut written: rustc_hash::FxHashMap<&str, Text> = Default::default();
    for (i, label, reported) in disagreements {
        let r = &actions[i];
        let Some(action) = plan
            .recommendations
            .get(r.recommendation_index)
            .and_then(|rec| rec.actions.get(r.action_index))
        else {
            continue;
        };
        let raw = action.rag.as_deref().unwrap_or("");
        let said = written
            .entry(raw)
            .or_insert_with(|| Text::from(raw.trim()))
            .clone();
        findings.push(finding(scale, &label_ids, r, said, action, reported, label));
    }
    Ok(Assessment {
        as_of,
        rules: RulesUsed {
            id: rules.id.clone(),
            name: rules.name.clone(),
            recommendation_policy: rules.rollup.recommendation.name().into(),
            plan_policy: rules.rollup.plan.name().into(),
        },
        scale: {
            // Descriptions with their `$param`s written out, for reports.
            let mut s = scale.clone();
            for l in &mut s.labels {
                l.description = l.description.as_deref().map(|d| rules.expand(d));
            }
            s
        },
        plan: GroupRating {
            key: "plan".into(),
            title: plan.meta.title.clone().unwrap_or_default(),
            rating: rating.map(|r| scale.labels[r].id.clone()),
            reason,
            counts: label_counts(scale, &plan_counts),
            not_rated: plan_not_rated,
            actions: actions.len(),
        },
        actions,
        recommendations,
        findings,
        format: rules.format.clone(),
    })
}

/// First matching rule: (label position, rule index, facts used).
fn evaluate(
    c: &Compiled,
    facts: &Facts,
    action: &Action,
    as_of: NaiveDate,
    plan: &super::facts::PlanContext,
) -> (Option<usize>, Option<usize>, FactSet) {
    for (i, r) in c.rules.iter().enumerate() {
        if r.test.holds(facts, action, as_of, plan) {
            return (r.label, Some(i), r.uses);
        }
    }
    (c.otherwise, None, FactSet::default())
}

fn label_counts(scale: &Scale, counts: &[usize]) -> Vec<LabelCount> {
    scale
        .labels
        .iter()
        .zip(counts)
        .map(|(l, c)| LabelCount {
            label: l.id.clone(),
            count: *c,
        })
        .collect()
}

/// The finding for a rated action whose reported RAG (`said`, as written, meaning label
/// `reported`) disagrees with its derived label.
fn finding(
    scale: &Scale,
    label_ids: &[Text],
    rated: &RatedAction,
    said: Text,
    action: &Action,
    reported: usize,
    derived: usize,
) -> Finding {
    let reason = rated.reason.text.as_str();
    // Categories have no better or worse.
    let steps = if scale.ordered {
        derived as i64 - reported as i64
    } else {
        0
    };
    let severity = if !scale.ordered {
        Severity::Warning
    } else if steps > 0 && derived + 1 == scale.labels.len() {
        Severity::Error
    } else if steps > 0 {
        Severity::Warning
    } else {
        Severity::Info
    };
    let written: &str = &said;
    let (rn, dn) = (&scale.labels[reported].name, &scale.labels[derived].name);
    // "CPC004 reports "Within target" (Green) but this report rates it Red: due ..." (built without
    // the formatting machinery: there can be hundreds of thousands).
    let mut message = String::with_capacity(
        action.action_ref.len() + written.len() + rn.len() + dn.len() + reason.len() + 40,
    );
    message.push_str(&action.action_ref);
    message.push_str(" reports ");
    if written.eq_ignore_ascii_case(rn) {
        message.push_str(rn);
    } else {
        message.push('"');
        message.push_str(written);
        message.push_str("\" (");
        message.push_str(rn);
        message.push(')');
    }
    message.push_str(" but this report rates it ");
    message.push_str(dn);
    message.push_str(": ");
    message.push_str(reason);
    Finding {
        code: Cow::Borrowed("reported_rag_disagrees"),
        severity,
        message,
        action_ref: rated.action_ref.clone(),
        recommendation: rated.recommendation.clone(),
        row: action.row,
        reported: said.clone(),
        reported_label: label_ids[reported].clone(),
        derived: label_ids[derived].clone(),
        steps,
    }
}

//! What changed between two versions of a plan (last quarter's and this quarter's).
//!
//! Actions are matched by their written ref; where refs are missing, generated or renumbered,
//! by recommendation and description similarity (Dice similarity of the descriptions' words:
//! at least 0.5 within the same recommendation, 0.7 across recommendations). A pair matched by
//! ref whose descriptions share almost nothing (below 0.3) gives way to a better match by
//! description, if there is one.
//!
//! ```
//! use actionplan::{Action, Plan, Recommendation};
//! let mut old = Plan::default();
//! let mut rec = Recommendation::new("1", "Scrutiny");
//! let mut a = Action::new("Review committee terms of reference");
//! a.action_ref = "A1".into();
//! a.set_status("In progress");
//! a.timeframe = Some(actionplan::timeframe::parse("31/03/2025", None, &Default::default()).into());
//! rec.actions.push(a);
//! old.recommendations.push(rec);
//!
//! let mut new = old.clone();
//! let a = &mut new.recommendations[0].actions[0];
//! a.set_status("Complete");
//! a.timeframe = Some(actionplan::timeframe::parse("30/06/2025", None, &Default::default()).into());
//! new.recommendations[0].actions.push(Action::new("Train members"));
//! new.assign_refs();
//!
//! let d = actionplan::diff::diff(&old, &new);
//! assert_eq!(d.completed.len(), 1);
//! assert_eq!(d.deadlines_moved[0].days, Some(91));
//! assert_eq!(d.added[0].description, "Train members");
//! assert!(d.headline.contains("1 action added"));
//! ```

pub use crate::matching::{description_similarity, MatchedBy};

use crate::fmt::{join_and, plural};
use crate::model::{Action, Plan};
use crate::rating::Assessment;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The differences between two versions of a plan.
///
/// ```
/// let d = actionplan::diff::diff(&actionplan::Plan::default(), &actionplan::Plan::default());
/// assert!(d.added.is_empty() && d.removed.is_empty());
/// assert_eq!(d.headline, "No changes since the previous version.");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct PlanDiff {
    /// The older version.
    pub old: Version,
    /// The newer version.
    pub new: Version,
    /// Every matched pair.
    pub matches: Vec<ActionMatch>,
    /// Actions only in the newer version.
    pub added: Vec<ActionBrief>,
    /// Actions only in the older version.
    pub removed: Vec<ActionBrief>,
    /// Matched actions whose ref changed.
    pub renumbered: Vec<ActionMatch>,
    /// Actions complete now and not before.
    pub completed: Vec<ActionBrief>,
    /// Every change of status (including completions).
    pub status_changed: Vec<Change>,
    /// Changes of the RAG the plan reports.
    pub rerated: Vec<Change>,
    /// Changes of the rating the rules derive (filled by [`PlanDiff::add_ratings`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rerated_derived: Vec<Change>,
    /// Deadlines that moved.
    pub deadlines_moved: Vec<DeadlineMove>,
    /// Open actions whose progress comment was not updated (the same text as before, or none).
    pub comments_not_updated: Vec<StaleComment>,
    /// The changes in a sentence.
    pub headline: String,
}

/// One version's particulars.
///
/// ```
/// let v = actionplan::diff::Version { title: None, as_of: None, period: Some("Q3".into()), actions: 10 };
/// assert_eq!(v.actions, 10);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Version {
    /// Title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// As-of date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<NaiveDate>,
    /// Reporting period as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// Number of actions.
    pub actions: usize,
}

/// A matched pair of actions.
///
/// ```
/// let m = actionplan::diff::ActionMatch { old_ref: "A1".into(), new_ref: "A2".into(), old_index: [0, 0], new_index: [0, 1], by: actionplan::diff::MatchedBy::Similarity, similarity: 0.9 };
/// assert_ne!(m.old_ref, m.new_ref);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ActionMatch {
    /// Ref in the older version.
    pub old_ref: String,
    /// Ref in the newer version.
    pub new_ref: String,
    /// (recommendation, action) position in the older version.
    pub old_index: [usize; 2],
    /// (recommendation, action) position in the newer version.
    pub new_index: [usize; 2],
    /// How they were matched.
    pub by: MatchedBy,
    /// Description similarity, 0 to 1 (two decimals).
    pub similarity: f64,
}

/// An action, briefly.
///
/// ```
/// let b = actionplan::diff::ActionBrief { action_ref: "R1.2".into(), recommendation: "1".into(), description: "Train members".into() };
/// assert_eq!(b.action_ref, "R1.2");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ActionBrief {
    /// Ref.
    #[serde(rename = "ref")]
    pub action_ref: String,
    /// Recommendation key.
    pub recommendation: String,
    /// Description.
    pub description: String,
}

/// A change of a value (status, reported RAG, derived rating), from → to.
///
/// ```
/// let c = actionplan::diff::Change { action_ref: "A1".into(), recommendation: "1".into(), from: Some("Amber".into()), to: Some("Green".into()) };
/// assert_eq!(c.to.as_deref(), Some("Green"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Change {
    /// Ref (in the newer version).
    #[serde(rename = "ref")]
    pub action_ref: String,
    /// Recommendation key (in the newer version).
    pub recommendation: String,
    /// Before (`None`: blank).
    pub from: Option<String>,
    /// After (`None`: blank).
    pub to: Option<String>,
}

/// A deadline that moved.
///
/// ```
/// let m = actionplan::diff::DeadlineMove { action_ref: "A1".into(), recommendation: "1".into(), from: None, to: None, from_text: "TBC".into(), to_text: "June 2025".into(), days: None };
/// assert!(m.days.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DeadlineMove {
    /// Ref (in the newer version).
    #[serde(rename = "ref")]
    pub action_ref: String,
    /// Recommendation key.
    pub recommendation: String,
    /// Deadline before.
    pub from: Option<NaiveDate>,
    /// Deadline after.
    pub to: Option<NaiveDate>,
    /// Timeframe before, as written.
    pub from_text: String,
    /// Timeframe after, as written.
    pub to_text: String,
    /// Days moved (positive: later), when both dates are known.
    pub days: Option<i64>,
}

/// An open action whose progress comment was not updated.
///
/// ```
/// let s = actionplan::diff::StaleComment { action_ref: "A1".into(), recommendation: "1".into(), comment: None };
/// assert!(s.comment.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StaleComment {
    /// Ref (in the newer version).
    #[serde(rename = "ref")]
    pub action_ref: String,
    /// Recommendation key.
    pub recommendation: String,
    /// The comment, unchanged (`None`: there is no comment now).
    pub comment: Option<String>,
}

fn brief(plan: &Plan, pos: (usize, usize)) -> ActionBrief {
    let r = &plan.recommendations[pos.0];
    let a = &r.actions[pos.1];
    ActionBrief {
        action_ref: a.action_ref.to_string(),
        recommendation: r.key.to_string(),
        description: a.description.to_string(),
    }
}

pub(crate) fn version_of(p: &Plan) -> Version {
    Version {
        title: p.meta.title.clone(),
        as_of: p.meta.as_of,
        period: p.meta.period.clone(),
        actions: p.action_count(),
    }
}

fn has_comments(p: &Plan) -> bool {
    p.columns_with(crate::model::Role::Update).next().is_some()
        || p.actions().any(|(_, a)| a.latest_update().is_some())
}

fn latest_comment(a: &Action) -> Option<&str> {
    a.latest_update().map(|u| u.text.trim())
}

/// Compare two versions of a plan.
///
/// ```
/// let d = actionplan::diff::diff(&actionplan::Plan::default(), &actionplan::Plan::default());
/// assert!(d.matches.is_empty());
/// ```
pub fn diff(old: &Plan, new: &Plan) -> PlanDiff {
    let pairs = crate::matching::match_actions(old, new);
    let mut old_seen: Vec<Vec<bool>> = old
        .recommendations
        .iter()
        .map(|r| vec![false; r.actions.len()])
        .collect();
    let mut new_seen: Vec<Vec<bool>> = new
        .recommendations
        .iter()
        .map(|r| vec![false; r.actions.len()])
        .collect();
    let comments = has_comments(new);
    let mut d = PlanDiff {
        old: version_of(old),
        new: version_of(new),
        matches: Vec::new(),
        added: Vec::new(),
        removed: Vec::new(),
        renumbered: Vec::new(),
        completed: Vec::new(),
        status_changed: Vec::new(),
        rerated: Vec::new(),
        rerated_derived: Vec::new(),
        deadlines_moved: Vec::new(),
        comments_not_updated: Vec::new(),
        headline: String::new(),
    };
    for p in &pairs {
        old_seen[p.old.0][p.old.1] = true;
        new_seen[p.new.0][p.new.1] = true;
        let (orec, nrec) = (&old.recommendations[p.old.0], &new.recommendations[p.new.0]);
        let (oa, na) = (&orec.actions[p.old.1], &nrec.actions[p.new.1]);
        let m = ActionMatch {
            old_ref: oa.action_ref.to_string(),
            new_ref: na.action_ref.to_string(),
            old_index: [p.old.0, p.old.1],
            new_index: [p.new.0, p.new.1],
            by: p.by,
            similarity: (p.score * 100.0).round() / 100.0,
        };
        if oa.action_ref != na.action_ref && !(oa.ref_generated && na.ref_generated) {
            d.renumbered.push(m.clone());
        }
        d.matches.push(m);
        let change = |from: Option<String>, to: Option<String>| Change {
            action_ref: na.action_ref.to_string(),
            recommendation: nrec.key.to_string(),
            from,
            to,
        };
        if oa.status != na.status {
            let label = |a: &Action| a.status.as_ref().map(|s| s.label().to_string());
            d.status_changed.push(change(label(oa), label(na)));
            if na.status == Some(crate::Status::Complete) {
                d.completed.push(brief(new, p.new));
            }
        }
        let rag = |a: &Action| {
            a.rag
                .as_deref()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_string)
        };
        let (or, nr) = (rag(oa), rag(na));
        let same_rag = match (&or, &nr) {
            (Some(a), Some(b)) => match (
                crate::model::RagWord::parse(a),
                crate::model::RagWord::parse(b),
            ) {
                (Some(x), Some(y)) => x == y,
                _ => crate::text::normalise_words(a) == crate::text::normalise_words(b),
            },
            (None, None) => true,
            _ => false,
        };
        if !same_rag {
            d.rerated.push(change(or, nr));
        }
        let due = |a: &Action| a.timeframe.as_ref().and_then(|t| t.due_latest);
        let text = |a: &Action| {
            a.timeframe
                .as_ref()
                .map(|t| t.text.clone())
                .unwrap_or_default()
        };
        if due(oa) != due(na) {
            d.deadlines_moved.push(DeadlineMove {
                action_ref: na.action_ref.to_string(),
                recommendation: nrec.key.to_string(),
                from: due(oa),
                to: due(na),
                from_text: text(oa),
                to_text: text(na),
                days: match (due(oa), due(na)) {
                    (Some(a), Some(b)) => Some((b - a).num_days()),
                    _ => None,
                },
            });
        }
        let open = !na.status.as_ref().is_some_and(|s| s.is_closed());
        if comments && open {
            match latest_comment(na) {
                None => d.comments_not_updated.push(StaleComment {
                    action_ref: na.action_ref.to_string(),
                    recommendation: nrec.key.to_string(),
                    comment: None,
                }),
                Some(c) if latest_comment(oa) == Some(c) => {
                    d.comments_not_updated.push(StaleComment {
                        action_ref: na.action_ref.to_string(),
                        recommendation: nrec.key.to_string(),
                        comment: Some(c.to_string()),
                    })
                }
                Some(_) => {}
            }
        }
    }
    for (ri, r) in new_seen.iter().enumerate() {
        for (ai, seen) in r.iter().enumerate() {
            if !seen {
                d.added.push(brief(new, (ri, ai)));
            }
        }
    }
    for (ri, r) in old_seen.iter().enumerate() {
        for (ai, seen) in r.iter().enumerate() {
            if !seen {
                d.removed.push(brief(old, (ri, ai)));
            }
        }
    }
    d.headline = headline(&d);
    d
}

/// The diff of two versions with the changes in the rules' own ratings: the previous version
/// is rated by the same rules as of `previous_as_of`, else its own as-of date, else the date
/// `current` was rated as of. This is what a report "since the previous version" shows, for
/// every door (command line, Python, wasm).
///
/// ```
/// use actionplan::import::ImportOptions;
/// use actionplan::rating::{assess, RuleSet};
/// let old = ImportOptions::new().read_bytes(b"Ref,Action,Due,Status\nA1,Do it,March 2025,In progress\n").unwrap().plan;
/// let new = ImportOptions::new().read_bytes(b"Ref,Action,Due,Status\nA1,Do it,March 2025,Complete\n").unwrap().plan;
/// let rules = RuleSet::preset("date-rag").unwrap();
/// let now = assess(&new, &rules, "2025-03-31".parse().unwrap()).unwrap();
/// let d = actionplan::diff::diff_rated(&old, &new, &rules, &now, None).unwrap();
/// assert_eq!(d.completed.len(), 1);
/// ```
pub fn diff_rated(
    previous: &Plan,
    current: &Plan,
    rules: &crate::rating::RuleSet,
    current_assessment: &Assessment,
    previous_as_of: Option<NaiveDate>,
) -> crate::Result<PlanDiff> {
    let as_of = previous_as_of
        .or(previous.meta.as_of)
        .unwrap_or(current_assessment.as_of);
    let old = crate::rating::assess(previous, rules, as_of)?;
    let mut d = diff(previous, current);
    d.add_ratings(&old, current_assessment);
    Ok(d)
}

impl PlanDiff {
    /// Add the changes of derived rating, given each version's assessment (use the same rule
    /// set for both).
    ///
    /// ```
    /// use actionplan::{rating::{assess, RuleSet}, diff::diff, Plan};
    /// let rules = RuleSet::preset("date-rag").unwrap();
    /// let (old, new) = (Plan::default(), Plan::default());
    /// let mut d = diff(&old, &new);
    /// d.add_ratings(&assess(&old, &rules, "2024-12-31".parse().unwrap()).unwrap(),
    ///               &assess(&new, &rules, "2025-03-31".parse().unwrap()).unwrap());
    /// assert!(d.rerated_derived.is_empty());
    /// ```
    pub fn add_ratings(&mut self, old: &Assessment, new: &Assessment) {
        use std::collections::HashMap;
        let index = |a: &Assessment| -> HashMap<[usize; 2], usize> {
            a.actions
                .iter()
                .enumerate()
                .map(|(i, r)| ([r.recommendation_index, r.action_index], i))
                .collect()
        };
        let (oi, ni) = (index(old), index(new));
        let name = |a: &Assessment, id: Option<&str>| {
            id.map(|id| {
                a.scale
                    .label(id)
                    .map_or(id, |l| l.name.as_str())
                    .to_string()
            })
        };
        self.rerated_derived.clear();
        for m in &self.matches {
            let (Some(&o), Some(&n)) = (oi.get(&m.old_index), ni.get(&m.new_index)) else {
                continue;
            };
            let (ro, rn) = (&old.actions[o], &new.actions[n]);
            if ro.rating != rn.rating {
                self.rerated_derived.push(Change {
                    action_ref: rn.action_ref.to_string(),
                    recommendation: rn.recommendation.to_string(),
                    from: name(old, ro.rating.as_deref()),
                    to: name(new, rn.rating.as_deref()),
                });
            }
        }
        self.headline = headline(self);
    }
}

fn headline(d: &PlanDiff) -> String {
    let mut parts = Vec::new();
    if !d.added.is_empty() {
        parts.push(format!(
            "{} added",
            plural(d.added.len(), "action", "actions")
        ));
    }
    if !d.removed.is_empty() {
        parts.push(format!("{} removed", d.removed.len()));
    }
    if !d.completed.is_empty() {
        parts.push(format!("{} completed", d.completed.len()));
    }
    let other_status = d.status_changed.len() - d.completed.len();
    if other_status > 0 {
        parts.push(format!(
            "{} changed status otherwise",
            plural(other_status, "action", "actions")
        ));
    }
    if !d.rerated.is_empty() {
        parts.push(format!(
            "{} with a different RAG in the plan",
            d.rerated.len()
        ));
    }
    if !d.rerated_derived.is_empty() {
        parts.push(format!(
            "{} with a different rating in this report",
            d.rerated_derived.len()
        ));
    }
    if !d.deadlines_moved.is_empty() {
        let days: Vec<i64> = d.deadlines_moved.iter().filter_map(|m| m.days).collect();
        let later = days.iter().filter(|n| **n > 0).count();
        let mut s = plural(d.deadlines_moved.len(), "deadline moved", "deadlines moved");
        if !days.is_empty() {
            let mean = days.iter().sum::<i64>() as f64 / days.len() as f64;
            s.push_str(&format!(
                " ({later} later; on average {} days {})",
                mean.abs().round() as i64,
                if mean >= 0.0 { "later" } else { "earlier" }
            ));
        }
        parts.push(s);
    }
    if !d.comments_not_updated.is_empty() {
        parts.push(plural(
            d.comments_not_updated.len(),
            "comment not updated",
            "comments not updated",
        ));
    }
    if parts.is_empty() {
        return "No changes since the previous version.".into();
    }
    let since = d
        .old
        .period
        .as_deref()
        .map(|p| format!(" ({p})"))
        .unwrap_or_default();
    format!("Since the previous version{since}: {}.", join_and(&parts))
}

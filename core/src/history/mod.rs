//! A plan's history across many versions (the quarterly files, in order): for every action,
//! its deadline, status and rating in each version, every time its deadline moved, when it
//! completed and when its comment stopped changing; for the plan, how many actions slipped and
//! by how much; and honesty checks ([`honesty`]) with the evidence quoted.
//!
//! Actions are followed when their refs change or the plan is renumbered, by matching their
//! text as the diff does ([`crate::diff`]); each link says how sure it is ([`Link`]).
//!
//! ```
//! use actionplan::import::ImportOptions;
//! use actionplan::history::{history, HistoryOptions};
//! let read = |csv: &str| ImportOptions::new().read_bytes(csv.as_bytes()).unwrap().plan;
//! let q1 = read("Ref,Action,Due,Status,Comment\nA1,Review the scrutiny arrangements,June 2025,In progress,Started\n");
//! let q2 = read("Ref,Action,Due,Status,Comment\nA1,Review the scrutiny arrangements,September 2025,In progress,Started\n");
//! let q3 = read("Ref,Action,Due,Status,Comment\nB7,Review the scrutiny arrangements,December 2025,Complete,Done\n");
//! let h = history(&[&q1, &q2, &q3], None, &HistoryOptions::default()).unwrap();
//! let a = &h.actions[0];
//! assert_eq!(a.revisions.len(), 2);            // June → September → December
//! assert_eq!(a.completed_in, Some(2));
//! assert_eq!(a.comment_unchanged_in, vec![1]); // "Started" again in the second version
//! assert_eq!(h.summary.slipped_more_than_once, 1);
//! assert_eq!(h.actions.len(), 1);              // followed through the new ref B7
//! ```

mod chain;
pub mod honesty;

pub use chain::Link;
pub use honesty::{HonestyFinding, HonestyOptions};

use crate::diff::Version;
use crate::fmt::plural;
use crate::model::{Action, Plan, Status};
use crate::rating::{Assessment, RuleSet};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Options for [`history`].
///
/// ```
/// let o: actionplan::history::HistoryOptions =
///     serde_json::from_str(r#"{"as_of": "2025-03-31", "honesty": {"stuck_versions": 4}}"#).unwrap();
/// assert_eq!(o.honesty.stuck_versions, 4);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct HistoryOptions {
    /// The date to rate a version as of when its file records none (its own as-of date comes
    /// first). Without either, that version is not rated.
    pub as_of: Option<NaiveDate>,
    /// The honesty checks' settings.
    pub honesty: HonestyOptions,
    /// What to call each version (a file name, "Q3"); missing ones are named by their
    /// reporting period, else their date, else "Version N".
    pub labels: Vec<String>,
}

/// One action in one version.
///
/// ```
/// let s = actionplan::history::Snapshot::default();
/// assert!(s.due.is_none() && s.rating.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Snapshot {
    /// Ref in this version.
    #[serde(rename = "ref")]
    pub action_ref: String,
    /// Delivery status as the plan words it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// The RAG the plan reports, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported: Option<String>,
    /// The rating the rules give (the scale's label name), when rated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<String>,
    /// The rating's colour on its scale (`#rrggbb`), when rated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<String>,
    /// Latest day the deadline could mean.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// The deadline as written.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub due_text: String,
    /// Percent complete.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<f64>,
    /// The latest progress comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// Evidence recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

/// A move of an action's deadline between two versions.
///
/// ```
/// let r = actionplan::history::Revision { version: 1, from: None, to: None, from_text: "TBC".into(),
///     to_text: "June 2025".into(), days: None, reason: None };
/// assert!(r.reason.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Revision {
    /// The version in which the new deadline first appears.
    pub version: usize,
    /// Deadline before.
    pub from: Option<NaiveDate>,
    /// Deadline after.
    pub to: Option<NaiveDate>,
    /// Deadline before, as written.
    pub from_text: String,
    /// Deadline after, as written.
    pub to_text: String,
    /// Days moved (positive: later), when both dates are known.
    pub days: Option<i64>,
    /// The comment of that version, when it mentions the change (a reason given).
    pub reason: Option<String>,
}

/// One action followed through the versions.
///
/// ```
/// use actionplan::history::{history, HistoryOptions};
/// let h = history(&[], None, &HistoryOptions::default()).unwrap();
/// assert!(h.actions.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ActionHistory {
    /// Its ref in the latest version it appears in.
    #[serde(rename = "ref")]
    pub action_ref: String,
    /// Its recommendation key, in that version.
    pub recommendation: String,
    /// Its description, in that version.
    pub description: String,
    /// One entry per version (`None`: not in that version).
    pub versions: Vec<Option<Snapshot>>,
    /// How each appearance was joined to the one before.
    pub links: Vec<Link>,
    /// Every move of its deadline.
    pub revisions: Vec<Revision>,
    /// The first version in which it is complete.
    pub completed_in: Option<usize>,
    /// Versions whose comment is the same as the version before (open actions only).
    pub comment_unchanged_in: Vec<usize>,
}

impl ActionHistory {
    /// The latest version's snapshot.
    ///
    /// ```
    /// use actionplan::history::{ActionHistory, Snapshot};
    /// let a = ActionHistory { action_ref: "A1".into(), recommendation: "1".into(), description: "x".into(),
    ///     versions: vec![Some(Snapshot::default()), None], links: vec![], revisions: vec![],
    ///     completed_in: None, comment_unchanged_in: vec![] };
    /// assert!(a.latest().is_some());
    /// ```
    pub fn latest(&self) -> Option<(usize, &Snapshot)> {
        self.versions
            .iter()
            .enumerate()
            .rev()
            .find_map(|(i, s)| s.as_ref().map(|s| (i, s)))
    }

    /// Days the deadline moved later in all (moves earlier subtract).
    ///
    /// ```
    /// # use actionplan::history::ActionHistory;
    /// let a = ActionHistory { action_ref: "A1".into(), recommendation: "1".into(), description: "x".into(),
    ///     versions: vec![], links: vec![], revisions: vec![], completed_in: None, comment_unchanged_in: vec![] };
    /// assert_eq!(a.days_slipped(), 0);
    /// ```
    pub fn days_slipped(&self) -> i64 {
        self.revisions.iter().filter_map(|r| r.days).sum()
    }
}

/// The plan-level figures.
///
/// ```
/// let s = actionplan::history::HistorySummary::default();
/// assert_eq!(s.slipped, 0);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HistorySummary {
    /// Actions followed (each counted once, however often renumbered).
    pub actions: usize,
    /// Actions whose deadline moved later at least once.
    pub slipped: usize,
    /// Days of slippage in all (every move later, summed).
    pub days_slipped: i64,
    /// Actions whose deadline moved more than once.
    pub slipped_more_than_once: usize,
    /// Actions complete in the latest version they appear in.
    pub completed: usize,
    /// Links made by matching descriptions rather than refs.
    pub matched_by_description: usize,
}

/// A plan's history.
///
/// ```
/// use actionplan::history::{history, HistoryOptions};
/// let p = actionplan::Plan::default();
/// let h = history(&[&p, &p], None, &HistoryOptions::default()).unwrap();
/// assert_eq!(h.versions.len(), 2);
/// assert_eq!(h.headline, "2 versions, no actions.");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct History {
    /// The versions, in the order given.
    pub versions: Vec<Version>,
    /// What each version is called in the outputs.
    pub labels: Vec<String>,
    /// The date each version was rated as of (`None`: not rated).
    pub rated_as_of: Vec<Option<NaiveDate>>,
    /// Every action, in order of first appearance.
    pub actions: Vec<ActionHistory>,
    /// Plan-level figures.
    pub summary: HistorySummary,
    /// Honesty checks' findings, with the evidence quoted.
    pub findings: Vec<HonestyFinding>,
    /// The history in a sentence.
    pub headline: String,
}

fn text_of(t: Option<&str>) -> Option<String> {
    t.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}

fn snapshot(action: &Action, rating: Option<(String, String)>) -> Snapshot {
    let (rating, colour) = rating.unzip();
    let tf = action.timeframe.as_ref();
    Snapshot {
        action_ref: action.action_ref.to_string(),
        status: action
            .status_text
            .as_deref()
            .and_then(|t| text_of(Some(t)))
            .or_else(|| action.status.as_ref().map(|s| s.label().to_string())),
        reported: text_of(action.rag.as_deref()),
        rating,
        colour,
        due: tf.and_then(|t| t.due_latest),
        due_text: tf.map(|t| t.text.trim().to_string()).unwrap_or_default(),
        percent: action.percent_complete.filter(|p| p.is_finite()),
        comment: text_of(action.latest_update().map(|u| u.text.as_str())),
        evidence: text_of(action.evidence.as_deref()),
    }
}

fn rating_names(a: &Assessment) -> std::collections::HashMap<(usize, usize), (String, String)> {
    a.actions
        .iter()
        .filter_map(|r| {
            let id = r.rating.as_deref()?;
            let name = a.scale.label(id).map_or(id, |l| l.name.as_str());
            let colour = a.scale.colour_of(Some(id)).to_string();
            Some((
                (r.recommendation_index, r.action_index),
                (name.to_string(), colour),
            ))
        })
        .collect()
}

/// Follow every action through `plans` (oldest first) and check the story they tell.
///
/// With `rules`, each version is rated as of its own as-of date (else `options.as_of`; a
/// version with neither is not rated). Errors only when the rules cannot be applied.
///
/// ```
/// use actionplan::import::ImportOptions;
/// use actionplan::history::{history, HistoryOptions};
/// use actionplan::rating::RuleSet;
/// let read = |csv: &str| ImportOptions::new().read_bytes(csv.as_bytes()).unwrap().plan;
/// let q3 = read("Ref,Action,Due,Status\nA1,Do it,March 2025,In progress\n");
/// let q4 = read("Ref,Action,Due,Status\nA1,Do it,March 2025,In progress\n");
/// let opts = HistoryOptions { as_of: Some("2025-06-30".parse().unwrap()), ..Default::default() };
/// let h = history(&[&q3, &q4], Some(&RuleSet::preset("date-rag").unwrap()), &opts).unwrap();
/// assert_eq!(h.actions[0].versions[1].as_ref().unwrap().rating.as_deref(), Some("Red"));
/// ```
pub fn history(
    plans: &[&Plan],
    rules: Option<&RuleSet>,
    options: &HistoryOptions,
) -> crate::Result<History> {
    let mut ratings = Vec::with_capacity(plans.len());
    let mut rated_as_of = Vec::with_capacity(plans.len());
    for p in plans {
        let as_of = p.meta.as_of.or(options.as_of);
        ratings.push(match (rules, as_of) {
            (Some(r), Some(d)) => rating_names(&crate::rating::assess(p, r, d)?),
            _ => Default::default(),
        });
        rated_as_of.push(as_of.filter(|_| rules.is_some()));
    }
    let mut actions = Vec::new();
    let mut summary = HistorySummary::default();
    for c in chain::chains(plans) {
        let versions: Vec<Option<Snapshot>> = c
            .positions
            .iter()
            .enumerate()
            .map(|(v, pos)| {
                pos.map(|(ri, ai)| {
                    let a = &plans[v].recommendations[ri].actions[ai];
                    snapshot(a, ratings[v].get(&(ri, ai)).cloned())
                })
            })
            .collect();
        let action = follow(plans, &c, versions, &options.honesty);
        summary.actions += 1;
        let later: i64 = action
            .revisions
            .iter()
            .filter_map(|r| r.days)
            .filter(|d| *d > 0)
            .sum();
        if action
            .revisions
            .iter()
            .any(|r| r.days.is_some_and(|d| d > 0))
        {
            summary.slipped += 1;
        }
        summary.days_slipped += later;
        if action.revisions.len() > 1 {
            summary.slipped_more_than_once += 1;
        }
        summary.matched_by_description += action
            .links
            .iter()
            .filter(|l| l.by == crate::matching::MatchedBy::Similarity)
            .count();
        actions.push(action);
    }
    let latest_complete = |a: &ActionHistory| {
        a.latest()
            .is_some_and(|(v, _)| a.completed_in.is_some_and(|c| c <= v))
    };
    summary.completed = actions.iter().filter(|a| latest_complete(a)).count();
    let versions: Vec<Version> = plans.iter().map(|p| crate::diff::version_of(p)).collect();
    let labels = versions
        .iter()
        .enumerate()
        .map(|(i, v)| match (options.labels.get(i), &v.period, v.as_of) {
            (Some(l), _, _) if !l.trim().is_empty() => l.trim().to_string(),
            (_, Some(p), _) => p.clone(),
            (_, None, Some(d)) => crate::fmt::long_date(d),
            _ => format!("Version {}", i + 1),
        })
        .collect::<Vec<String>>();
    let findings = honesty::check(plans, &actions, &labels, &options.honesty);
    let headline = headline(&versions, &summary, findings.len());
    Ok(History {
        versions,
        labels,
        rated_as_of,
        actions,
        summary,
        findings,
        headline,
    })
}

fn follow(
    plans: &[&Plan],
    c: &chain::Chain,
    versions: Vec<Option<Snapshot>>,
    honesty: &HonestyOptions,
) -> ActionHistory {
    let (lv, (lri, lai)) = c
        .positions
        .iter()
        .enumerate()
        .rev()
        .find_map(|(v, p)| p.map(|p| (v, p)))
        .expect("a chain has at least one position");
    let rec = &plans[lv].recommendations[lri];
    let latest = &rec.actions[lai];
    let mut revisions = Vec::new();
    let mut completed_in = None;
    let mut unchanged = Vec::new();
    let mut prev: Option<(&Snapshot, &Action)> = None;
    for (v, s) in versions.iter().enumerate() {
        let Some(s) = s else { continue };
        let (ri, ai) = c.positions[v].expect("a snapshot has a position");
        let action = &plans[v].recommendations[ri].actions[ai];
        let complete = action.status == Some(Status::Complete);
        if complete && completed_in.is_none() {
            completed_in = Some(v);
        }
        if !complete {
            completed_in = None;
        }
        if let Some((p, _)) = prev {
            if p.due != s.due || (p.due.is_none() && p.due_text != s.due_text) {
                let reason = s
                    .comment
                    .as_deref()
                    .filter(|c| honesty::mentions_change(c, &s.due_text, honesty))
                    .map(str::to_string);
                revisions.push(Revision {
                    version: v,
                    from: p.due,
                    to: s.due,
                    from_text: p.due_text.clone(),
                    to_text: s.due_text.clone(),
                    days: match (p.due, s.due) {
                        (Some(a), Some(b)) => Some((b - a).num_days()),
                        _ => None,
                    },
                    reason,
                });
            }
            let open = !action.status.as_ref().is_some_and(Status::is_closed);
            if open && s.comment.is_some() && p.comment == s.comment {
                unchanged.push(v);
            }
        }
        prev = Some((s, action));
    }
    ActionHistory {
        action_ref: latest.action_ref.to_string(),
        recommendation: rec.key.to_string(),
        description: latest.description.to_string(),
        versions,
        links: c.links.clone(),
        revisions,
        completed_in,
        comment_unchanged_in: unchanged,
    }
}

fn headline(versions: &[Version], s: &HistorySummary, findings: usize) -> String {
    let n = versions.len();
    if s.actions == 0 {
        return format!("{}, no actions.", plural(n, "version", "versions"));
    }
    let mut out = format!(
        "{} followed through {}",
        plural(s.actions, "action", "actions"),
        plural(n, "version", "versions")
    );
    if s.slipped == 0 {
        out.push_str("; no deadline moved later");
    } else {
        out.push_str(&format!(
            "; {} slipped ({} in all)",
            plural(s.slipped, "deadline", "deadlines"),
            plural(s.days_slipped.max(0) as usize, "day", "days"),
        ));
        if s.slipped_more_than_once > 0 {
            out.push_str(&format!(", {} more than once", s.slipped_more_than_once));
        }
    }
    out.push_str(&format!("; {} complete", s.completed));
    if findings > 0 {
        out.push_str(&format!(
            "; {} to look at",
            plural(findings, "finding", "findings")
        ));
    }
    out.push('.');
    out
}

//! Honesty checks: where a plan's words and its colours or dates tell different stories.
//! Each finding names the action and the version, says what is wrong in plain words and
//! quotes the evidence.
//!
//! - A Green or Complete action whose latest comment says it is delayed (a small word list,
//!   [`DELAY_WORDS`], that a user can extend; "not delayed" and "no delay" do not count).
//! - The same label (Amber by default) for three or more versions in a row.
//! - A deadline moved with no comment mentioning it; a deadline moved more than once.
//! - Complete with no evidence (when the plan records evidence), and complete while percent
//!   complete is under 100.
//!
//! ```
//! use actionplan::history::honesty::says_delayed;
//! assert_eq!(says_delayed("Work paused while we await the audit", &[]), Some("paused".into()));
//! assert_eq!(says_delayed("Not delayed: on schedule", &[]), None);
//! ```

use super::{ActionHistory, Snapshot};
use crate::model::{Plan, RagWord, Role, Status};
use crate::text::normalise_words;
use serde::{Deserialize, Serialize};

/// Words and phrases that say an action is not going to plan (matched on whole words, case
/// and punctuation ignored).
pub const DELAY_WORDS: &[&str] = &[
    "delayed",
    "delay",
    "delays",
    "slipped",
    "slipping",
    "slippage",
    "behind",
    "paused",
    "on hold",
    "awaiting",
    "waiting for",
    "postponed",
    "deferred",
    "stalled",
    "not yet started",
    "not started",
];

/// Words that say a deadline was changed on purpose (a reason given).
const CHANGE_WORDS: &[&str] = &[
    "revised",
    "revise",
    "moved",
    "extended",
    "extension",
    "extend",
    "rescheduled",
    "re scheduled",
    "new date",
    "new deadline",
    "new target",
    "deadline",
    "timescale",
    "timescales",
    "timeline",
    "target date",
    "slipped",
    "delayed",
    "delay",
    "postponed",
    "deferred",
    "pushed back",
    "carried forward",
    "put back",
    "now due",
];

/// Settings of the honesty checks.
///
/// ```
/// let o = actionplan::history::HonestyOptions::default();
/// assert_eq!((o.stuck_label.as_str(), o.stuck_versions), ("Amber", 3));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct HonestyOptions {
    /// Further words or phrases that say an action is delayed (added to [`DELAY_WORDS`]).
    pub delay_words: Vec<String>,
    /// The label that should not stay put ("Amber"): the RAG the plan reports, else the rating.
    pub stuck_label: String,
    /// How many versions in a row with that label make a finding.
    pub stuck_versions: usize,
}

impl Default for HonestyOptions {
    fn default() -> Self {
        HonestyOptions {
            delay_words: Vec::new(),
            stuck_label: "Amber".into(),
            stuck_versions: 3,
        }
    }
}

/// A finding of the honesty checks.
///
/// ```
/// let f = actionplan::history::HonestyFinding { code: "green_but_delayed".into(), action_ref: "A1".into(),
///     recommendation: "1".into(), version: 2, message: "Reported Green, but its comment says it is delayed.".into(),
///     evidence: "\"Delayed until the new year\"".into() };
/// assert_eq!(f.version, 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HonestyFinding {
    /// A stable code for programs: `green_but_delayed`, `stuck`, `deadline_moved_unexplained`,
    /// `deadline_moved_repeatedly`, `complete_without_evidence`, `complete_below_100`.
    pub code: String,
    /// The action's ref (in the version named).
    #[serde(rename = "ref")]
    pub action_ref: String,
    /// Its recommendation key.
    pub recommendation: String,
    /// The version the finding is about (0 is the first given).
    pub version: usize,
    /// What is wrong, in plain words.
    pub message: String,
    /// The evidence, quoted from the plan.
    pub evidence: String,
}

/// The first delay word or phrase `comment` uses, not negated ("not delayed", "no delay").
///
/// ```
/// use actionplan::history::honesty::says_delayed;
/// assert_eq!(says_delayed("Slightly BEHIND schedule", &[]), Some("behind".into()));
/// assert_eq!(says_delayed("Going well", &["hiatus".to_string()]), None);
/// assert_eq!(says_delayed("A short hiatus", &["hiatus".to_string()]), Some("hiatus".into()));
/// ```
pub fn says_delayed(comment: &str, extra: &[String]) -> Option<String> {
    let words: Vec<String> = normalise_words(comment)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let phrases = DELAY_WORDS
        .iter()
        .map(|w| normalise_words(w))
        .chain(extra.iter().map(|w| normalise_words(w)));
    let mut best: Option<(usize, String)> = None;
    for phrase in phrases {
        let p: Vec<&str> = phrase.split(' ').filter(|w| !w.is_empty()).collect();
        if p.is_empty() || p.len() > words.len() {
            continue;
        }
        for i in 0..=words.len() - p.len() {
            if words[i..i + p.len()].iter().zip(&p).all(|(a, b)| a == b) {
                let negated = i > 0 && matches!(words[i - 1].as_str(), "not" | "no" | "without");
                if !negated && best.as_ref().is_none_or(|(j, _)| i < *j) {
                    best = Some((i, phrase.clone()));
                }
                break;
            }
        }
    }
    best.map(|(_, p)| p)
}

/// Whether a comment mentions a change of deadline: a change word, or the new deadline as
/// written.
pub(crate) fn mentions_change(comment: &str, new_due: &str, o: &HonestyOptions) -> bool {
    let c = format!(" {} ", normalise_words(comment));
    let due = normalise_words(new_due);
    (!due.is_empty() && c.contains(&format!(" {due} ")))
        || CHANGE_WORDS
            .iter()
            .any(|w| c.contains(&format!(" {} ", normalise_words(w))))
        || o.delay_words
            .iter()
            .any(|w| c.contains(&format!(" {} ", normalise_words(w))))
}

fn quote(text: &str) -> String {
    let t = text.trim();
    let short: String = t.chars().take(200).collect();
    if short.len() < t.len() {
        format!("\"{short}…\"")
    } else {
        format!("\"{short}\"")
    }
}

fn is_green(s: &Snapshot) -> bool {
    s.reported.as_deref().and_then(RagWord::parse) == Some(RagWord::Green)
}

fn is_complete(s: &Snapshot) -> bool {
    s.status
        .as_deref()
        .and_then(Status::parse)
        .is_some_and(|st| st == Status::Complete)
}

/// The label a version shows for the "stuck" check: the reported RAG, else the rating.
fn label_of(s: &Snapshot) -> Option<String> {
    s.reported
        .as_deref()
        .or(s.rating.as_deref())
        .map(normalise_words)
}

/// Run every check. Evidence and percent checks look at each action's latest version; the others at every
/// version.
pub(crate) fn check(
    plans: &[&Plan],
    actions: &[ActionHistory],
    labels: &[String],
    o: &HonestyOptions,
) -> Vec<HonestyFinding> {
    let mut out = Vec::new();
    for a in actions {
        let finding = |code: &str, version: usize, message: String, evidence: String| {
            let s = a.versions[version].as_ref();
            HonestyFinding {
                code: code.into(),
                action_ref: s.map_or(a.action_ref.clone(), |s| s.action_ref.clone()),
                recommendation: a.recommendation.clone(),
                version,
                message,
                evidence,
            }
        };
        for (v, s) in a.versions.iter().enumerate() {
            let Some(s) = s else { continue };
            let Some(c) = s.comment.as_deref() else {
                continue;
            };
            if is_green(s) || is_complete(s) {
                if let Some(word) = says_delayed(c, &o.delay_words) {
                    let said = if is_complete(s) { "Complete" } else { "Green" };
                    out.push(finding(
                        "green_but_delayed",
                        v,
                        format!("Reported {said}, but its comment says \"{word}\"."),
                        quote(c),
                    ));
                }
            }
        }
        if let Some((v, s)) = a.latest() {
            let records_evidence = plans[v].columns_with(Role::Evidence).next().is_some();
            if is_complete(s) {
                if records_evidence && s.evidence.is_none() {
                    out.push(finding(
                        "complete_without_evidence",
                        v,
                        "Marked complete with no evidence recorded.".into(),
                        format!("Status {}", quote(s.status.as_deref().unwrap_or(""))),
                    ));
                }
                if let Some(p) = s.percent.filter(|p| *p < 100.0) {
                    out.push(finding(
                        "complete_below_100",
                        v,
                        format!(
                            "Marked complete, but only {}% done.",
                            crate::fmt::fmt_num(p)
                        ),
                        format!(
                            "Status {}, {}% complete",
                            quote(s.status.as_deref().unwrap_or("")),
                            crate::fmt::fmt_num(p)
                        ),
                    ));
                }
            }
        }
        // The same label for N versions in a row (one finding per run, at its last version).
        let want = normalise_words(&o.stuck_label);
        let mut run: Vec<usize> = Vec::new();
        let flush = |run: &mut Vec<usize>, out: &mut Vec<HonestyFinding>| {
            if o.stuck_versions > 0 && run.len() >= o.stuck_versions {
                let last = *run.last().expect("a run is not empty");
                out.push(finding(
                    "stuck",
                    last,
                    format!("{} for {} versions in a row.", o.stuck_label, run.len()),
                    run.iter()
                        .map(|v| format!("{}: {}", labels[*v], o.stuck_label))
                        .collect::<Vec<_>>()
                        .join("; "),
                ));
            }
            run.clear();
        };
        for (v, s) in a.versions.iter().enumerate() {
            match s {
                Some(s) if label_of(s).as_deref() == Some(want.as_str()) => run.push(v),
                _ => flush(&mut run, &mut out),
            }
        }
        flush(&mut run, &mut out);
        for r in &a.revisions {
            if r.reason.is_none() {
                let comment = a.versions[r.version]
                    .as_ref()
                    .and_then(|s| s.comment.as_deref());
                out.push(finding(
                    "deadline_moved_unexplained",
                    r.version,
                    format!(
                        "Deadline moved from {} to {} with no comment saying why.",
                        or_blank(&r.from_text),
                        or_blank(&r.to_text)
                    ),
                    comment.map_or_else(
                        || "No comment".to_string(),
                        |c| format!("Comment {}", quote(c)),
                    ),
                ));
            }
        }
        if a.revisions.len() > 1 {
            let last = a.revisions.last().expect("more than one").version;
            let mut dates = vec![or_blank(&a.revisions[0].from_text)];
            dates.extend(a.revisions.iter().map(|r| or_blank(&r.to_text)));
            out.push(finding(
                "deadline_moved_repeatedly",
                last,
                format!("Deadline moved {} times.", a.revisions.len()),
                dates.join(" → "),
            ));
        }
    }
    out
}

fn or_blank(t: &str) -> String {
    if t.trim().is_empty() {
        "no deadline".into()
    } else {
        t.trim().to_string()
    }
}

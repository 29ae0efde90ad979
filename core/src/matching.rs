//! Matching actions across versions of a plan, used by the diff and by ratings that compare
//! with a previous version: by ref, then by recommendation and description similarity.
//! It sits below both, so neither reaches into the other.

use crate::model::{Action, Plan};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// How two actions were matched.
///
/// ```
/// assert_eq!(serde_json::to_string(&actionplan::matching::MatchedBy::Ref).unwrap(), "\"ref\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MatchedBy {
    /// The same written ref.
    Ref,
    /// Similar descriptions (refs missing, generated, or renumbered).
    Similarity,
}

/// Positions (recommendation index, action index) in each version.
pub(crate) type Pos = (usize, usize);

/// A matched pair.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Pair {
    pub old: Pos,
    pub new: Pos,
    pub by: MatchedBy,
    pub score: f64,
}

/// Below this similarity a pair matched by ref is treated as possibly renumbered: a better
/// match by description wins; if none, the ref pair stands (the action was reworded).
const REF_DOUBT: f64 = 0.3;
/// Similarity needed within the same recommendation.
const SAME_REC: f64 = 0.5;
/// Similarity needed across recommendations (renumbered or moved).
const CROSS_REC: f64 = 0.7;
/// Above this many candidate pairs, only actions in the same recommendation are compared.
const CROSS_LIMIT: usize = 250_000;

/// The words of a description, for similarity: lowercase, punctuation dropped, words of one or
/// two letters and a few very common words left out.
pub(crate) fn words(text: &str) -> HashSet<String> {
    const STOP: [&str; 12] = [
        "the", "and", "for", "with", "our", "will", "from", "this", "that", "are", "all", "its",
    ];
    crate::text::normalise_words(text)
        .split(' ')
        .filter(|w| w.chars().count() > 2 && !STOP.contains(w))
        .map(str::to_string)
        .collect()
}

/// Dice similarity of two word sets (0 to 1; two empty sets are 0).
pub(crate) fn similarity(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let common = small.iter().filter(|w| large.contains(*w)).count();
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

/// Similarity of two descriptions.
///
/// ```
/// let s = actionplan::diff::description_similarity("Review the corporate KPIs", "Review corporate KPIs annually");
/// assert!(s > 0.7);
/// assert_eq!(actionplan::diff::description_similarity("", "x"), 0.0);
/// ```
pub fn description_similarity(a: &str, b: &str) -> f64 {
    similarity(&words(a), &words(b))
}

/// Similarity of two actions' descriptions: of their words, or, when neither has a word long
/// enough to count ("x", "Do it"), 1 for the same text and 0 otherwise.
fn action_similarity(wa: &HashSet<String>, wb: &HashSet<String>, a: &Action, b: &Action) -> f64 {
    if wa.is_empty() && wb.is_empty() {
        let (na, nb) = (key(&a.description), key(&b.description));
        return if !na.is_empty() && na == nb { 1.0 } else { 0.0 };
    }
    similarity(wa, wb)
}

fn key(s: &str) -> String {
    crate::text::normalise_words(s)
}

fn positions(plan: &Plan) -> Vec<(Pos, &Action)> {
    plan.recommendations
        .iter()
        .enumerate()
        .flat_map(|(ri, r)| {
            r.actions
                .iter()
                .enumerate()
                .map(move |(ai, a)| ((ri, ai), a))
        })
        .collect()
}

/// Written refs that occur once in a plan, by normalised ref.
fn unique_refs(list: &[(Pos, &Action)]) -> HashMap<String, usize> {
    let mut seen: HashMap<String, Option<usize>> = HashMap::new();
    for (i, (_, a)) in list.iter().enumerate() {
        if a.ref_generated || a.action_ref.trim().is_empty() {
            continue;
        }
        seen.entry(key(&a.action_ref))
            .and_modify(|v| *v = None)
            .or_insert(Some(i));
    }
    seen.into_iter()
        .filter_map(|(k, v)| v.map(|i| (k, i)))
        .collect()
}

/// Match the actions of two versions.
pub(crate) fn match_actions(old: &Plan, new: &Plan) -> Vec<Pair> {
    let olds = positions(old);
    let news = positions(new);
    let old_words: Vec<HashSet<String>> = olds.iter().map(|(_, a)| words(&a.description)).collect();
    let new_words: Vec<HashSet<String>> = news.iter().map(|(_, a)| words(&a.description)).collect();
    let mut old_taken = vec![false; olds.len()];
    let mut new_taken = vec![false; news.len()];
    let mut pairs = Vec::new();
    let mut doubtful = Vec::new();

    // 1. The same written ref.
    let old_refs = unique_refs(&olds);
    let new_refs = unique_refs(&news);
    for (k, &i) in &old_refs {
        if let Some(&j) = new_refs.get(k) {
            let score = action_similarity(&old_words[i], &new_words[j], olds[i].1, news[j].1);
            let both_worded = !old_words[i].is_empty() && !new_words[j].is_empty();
            if both_worded && score < REF_DOUBT {
                doubtful.push((i, j, score));
                continue;
            }
            old_taken[i] = true;
            new_taken[j] = true;
            pairs.push(Pair {
                old: olds[i].0,
                new: news[j].0,
                by: MatchedBy::Ref,
                score,
            });
        }
    }

    // 2. Similar descriptions: within a recommendation, then across.
    let rec_key = |p: &Plan, pos: Pos| key(&p.recommendations[pos.0].key);
    let free_old: Vec<usize> = (0..olds.len()).filter(|i| !old_taken[*i]).collect();
    let free_new: Vec<usize> = (0..news.len()).filter(|j| !new_taken[*j]).collect();
    let cross = free_old.len().saturating_mul(free_new.len()) <= CROSS_LIMIT;
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    if cross {
        for &i in &free_old {
            let ok = rec_key(old, olds[i].0);
            for &j in &free_new {
                let s = action_similarity(&old_words[i], &new_words[j], olds[i].1, news[j].1);
                let need = if ok == rec_key(new, news[j].0) {
                    SAME_REC
                } else {
                    CROSS_REC
                };
                if s >= need {
                    candidates.push((s, i, j));
                }
            }
        }
    } else {
        let mut by_rec: HashMap<String, Vec<usize>> = HashMap::new();
        for &j in &free_new {
            by_rec.entry(rec_key(new, news[j].0)).or_default().push(j);
        }
        for &i in &free_old {
            if let Some(js) = by_rec.get(&rec_key(old, olds[i].0)) {
                for &j in js {
                    let s = action_similarity(&old_words[i], &new_words[j], olds[i].1, news[j].1);
                    if s >= SAME_REC {
                        candidates.push((s, i, j));
                    }
                }
            }
        }
    }
    // Best first; ties in source order, so the result does not depend on hashing.
    crate::lean::sort::sort_by(&mut candidates, |a, b| {
        b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2))
    });
    for (s, i, j) in candidates {
        if old_taken[i] || new_taken[j] {
            continue;
        }
        old_taken[i] = true;
        new_taken[j] = true;
        pairs.push(Pair {
            old: olds[i].0,
            new: news[j].0,
            by: MatchedBy::Similarity,
            score: s,
        });
    }

    // 3. Ref pairs in doubt that nothing better claimed: the action was reworded.
    for (i, j, score) in doubtful {
        if !old_taken[i] && !new_taken[j] {
            old_taken[i] = true;
            new_taken[j] = true;
            pairs.push(Pair {
                old: olds[i].0,
                new: news[j].0,
                by: MatchedBy::Ref,
                score,
            });
        }
    }
    crate::lean::sort::sort_by(&mut pairs, |a, b| a.new.cmp(&b.new));
    pairs
}

/// For each action of `plan`, the matching action of `previous`, if any.
pub(crate) fn previous_actions<'a>(
    previous: &'a Plan,
    plan: &Plan,
) -> Vec<Vec<Option<&'a Action>>> {
    let mut out: Vec<Vec<Option<&Action>>> = plan
        .recommendations
        .iter()
        .map(|r| vec![None; r.actions.len()])
        .collect();
    for p in match_actions(previous, plan) {
        out[p.new.0][p.new.1] = Some(&previous.recommendations[p.old.0].actions[p.old.1]);
    }
    out
}

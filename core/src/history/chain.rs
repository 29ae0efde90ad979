//! Following each action through a series of versions: consecutive versions are matched as the
//! diff matches them (by ref, then by description), and the matches are joined into chains,
//! one per action, each link with a confidence.

use crate::matching::{match_actions, MatchedBy};
use crate::model::Plan;
use serde::{Deserialize, Serialize};

/// How one version of an action was joined to its previous appearance.
///
/// ```
/// use actionplan::history::Link;
/// use actionplan::matching::MatchedBy;
/// let l = Link { version: 1, by: MatchedBy::Ref, similarity: 1.0, confidence: 1.0 };
/// assert!(l.confidence >= 0.9);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Link {
    /// The later version of the two (0 is the first file given).
    pub version: usize,
    /// Matched by the same written ref, or by similar descriptions.
    pub by: MatchedBy,
    /// Description similarity of the two, 0 to 1 (two decimals).
    pub similarity: f64,
    /// How sure the link is, 0 to 1 (two decimals): 1 for the same ref and a similar
    /// description (similarity 0.5 or more); 0.75 for the same ref with the text reworded; for
    /// a match by description alone, its similarity.
    pub confidence: f64,
}

/// Positions (recommendation, action) of one action in each version; `None` where it is absent.
pub(crate) struct Chain {
    pub positions: Vec<Option<(usize, usize)>>,
    pub links: Vec<Link>,
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The chains of a series of versions, in order of first appearance (then plan order).
pub(crate) fn chains(plans: &[&Plan]) -> Vec<Chain> {
    let n = plans.len();
    let mut chains: Vec<Chain> = Vec::new();
    // For the previous version: position -> chain index.
    let mut at: std::collections::HashMap<(usize, usize), usize> = Default::default();
    for (v, plan) in plans.iter().enumerate() {
        let mut next: std::collections::HashMap<(usize, usize), usize> = Default::default();
        if v > 0 {
            for p in match_actions(plans[v - 1], plan) {
                if let Some(&c) = at.get(&p.old) {
                    let chain = &mut chains[c];
                    chain.positions[v] = Some(p.new);
                    let similarity = round2(p.score);
                    let confidence = match p.by {
                        MatchedBy::Ref if similarity >= 0.5 => 1.0,
                        MatchedBy::Ref => 0.75,
                        MatchedBy::Similarity => similarity,
                    };
                    chain.links.push(Link {
                        version: v,
                        by: p.by,
                        similarity,
                        confidence,
                    });
                    next.insert(p.new, c);
                }
            }
        }
        for (ri, r) in plan.recommendations.iter().enumerate() {
            for ai in 0..r.actions.len() {
                if next.contains_key(&(ri, ai)) {
                    continue;
                }
                let mut positions = vec![None; n];
                positions[v] = Some((ri, ai));
                next.insert((ri, ai), chains.len());
                chains.push(Chain {
                    positions,
                    links: Vec::new(),
                });
            }
        }
        at = next;
    }
    chains
}

//! What a plan calls its groups of actions, and which of them are its recommendations.
//!
//! The model keeps every group of actions as a [`Recommendation`], but plans call them many
//! things ("Recommendation", "Priority", "Theme", "Section") and some groups are not
//! recommendations at all: a block headed "Additional comments" holds actions with no
//! recommendation of their own. Reports and the command line say what the plan says, decided
//! here from the header of the column the groups were read from (which the importer keeps in
//! [`Plan::columns`]).
//!
//! ```
//! use actionplan::{Plan, Recommendation, Action, groups};
//! let mut plan = Plan::default();
//! let mut r = Recommendation::new("1", "Improve scrutiny");
//! r.actions.push(Action::new("Review terms of reference"));
//! plan.recommendations.push(r);
//! let mut extra = Recommendation::new("Additional comments", "");
//! extra.actions.push(Action::new("Staff survey"));
//! plan.recommendations.push(extra);
//! assert_eq!(groups::names(&plan).many, "recommendations");
//! assert_eq!(groups::plan_size(&plan), "1 recommendation and 2 actions (1 of them under “Additional comments”)");
//! ```

use crate::fmt::plural;
use crate::model::{Plan, Recommendation, Role};

/// The word for one group and for several ("recommendation", "recommendations").
///
/// ```
/// let n = actionplan::groups::GroupNames::new("priority", "priorities");
/// assert_eq!(n.title_case(true), "Priorities");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupNames {
    /// One group, lower case ("recommendation").
    pub one: &'static str,
    /// Several groups, lower case ("recommendations").
    pub many: &'static str,
}

impl GroupNames {
    /// The words for a kind of group.
    ///
    /// ```
    /// assert_eq!(actionplan::groups::GroupNames::new("theme", "themes").one, "theme");
    /// ```
    pub const fn new(one: &'static str, many: &'static str) -> Self {
        GroupNames { one, many }
    }

    /// The word with a capital, for a heading: one (`false`) or several (`true`).
    ///
    /// ```
    /// use actionplan::groups::GroupNames;
    /// assert_eq!(GroupNames::new("section", "sections").title_case(false), "Section");
    /// ```
    pub fn title_case(&self, many: bool) -> String {
        let w = if many { self.many } else { self.one };
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    }
}

/// The kinds of group, by a word their header holds, in the order they are looked for.
const KINDS: [(&str, GroupNames); 10] = [
    (
        "recommendation",
        GroupNames::new("recommendation", "recommendations"),
    ),
    ("priorit", GroupNames::new("priority", "priorities")),
    ("theme", GroupNames::new("theme", "themes")),
    ("section", GroupNames::new("section", "sections")),
    ("objective", GroupNames::new("objective", "objectives")),
    ("outcome", GroupNames::new("outcome", "outcomes")),
    ("workstream", GroupNames::new("workstream", "workstreams")),
    ("finding", GroupNames::new("finding", "findings")),
    ("area", GroupNames::new("area", "areas")),
    ("goal", GroupNames::new("goal", "goals")),
];

/// What the plan calls its groups: from the header of its recommendation column (else the
/// column of their numbers, else its theme column), "recommendations" when no header says
/// (a plan built in code, or a document whose groups are headings) or none of them names a
/// kind of group ("No.").
///
/// ```
/// use actionplan::{Plan, model::{Column, Role}, groups};
/// let mut plan = Plan::default();
/// plan.columns.push(Column { header: "Corporate priority".into(), role: Role::Recommendation, period: None });
/// assert_eq!(groups::names(&plan).one, "priority");
/// ```
pub fn names(plan: &Plan) -> GroupNames {
    for role in [Role::Recommendation, Role::RecommendationRef, Role::Theme] {
        for c in plan.columns.iter().filter(|c| c.role == role) {
            let h = c.header.to_lowercase();
            if let Some((_, n)) = KINDS.iter().find(|(w, _)| h.contains(w)) {
                return n.clone();
            }
        }
    }
    KINDS[0].1.clone()
}

/// Words that start a group which holds actions but is not one of the plan's groups
/// ("Additional comments", "Other actions").
const NOT_A_GROUP: [&str; 7] = [
    "additional",
    "other",
    "general",
    "misc",
    "further",
    "miscellaneous",
    "any other",
];

/// Whether a group is one of the plan's recommendations (or themes, priorities...): it has
/// a title or a numbered key, and its key does not say it is something else ("Additional
/// comments", "Other actions"). A group that is not still has its actions rated and counted,
/// but is not counted as a recommendation.
///
/// ```
/// use actionplan::{Recommendation, groups::is_counted};
/// assert!(is_counted(&Recommendation::new("Recommendation 3", "Develop a narrative")));
/// assert!(is_counted(&Recommendation::new("A", "Develop a narrative")));
/// assert!(!is_counted(&Recommendation::new("Additional comments", "")));
/// assert!(!is_counted(&Recommendation::new("Other actions", "Things we will also do")));
/// ```
pub fn is_counted(rec: &Recommendation) -> bool {
    let key = rec.key.trim();
    let numbered = key.chars().any(|c| c.is_ascii_digit());
    if numbered {
        return true;
    }
    let words = crate::text::normalise_words(key);
    if NOT_A_GROUP
        .iter()
        .any(|w| words == *w || words.starts_with(&format!("{w} ")))
    {
        return false;
    }
    !crate::text::is_blank(&rec.title)
}

/// How many groups the plan has, counted as [`is_counted`] does, and how many actions, as a
/// phrase: "8 recommendations and 37 actions (10 of them under “Additional comments”)".
///
/// ```
/// use actionplan::{Plan, Recommendation, Action};
/// let mut plan = Plan::default();
/// let mut r = Recommendation::new("1", "Prioritise");
/// r.actions.push(Action::new("Agree the priorities"));
/// plan.recommendations.push(r);
/// assert_eq!(actionplan::groups::plan_size(&plan), "1 recommendation and 1 action");
/// ```
pub fn plan_size(plan: &Plan) -> String {
    let n = names(plan);
    let counted = plan
        .recommendations
        .iter()
        .filter(|r| is_counted(r))
        .count();
    let actions = plan.action_count();
    let mut out = format!(
        "{} and {}",
        plural(counted, n.one, n.many),
        plural(actions, "action", "actions")
    );
    let others: Vec<&Recommendation> = plan
        .recommendations
        .iter()
        .filter(|r| !is_counted(r) && !r.actions.is_empty())
        .collect();
    if !others.is_empty() {
        let under: usize = others.iter().map(|r| r.actions.len()).sum();
        let heads: Vec<String> = others
            .iter()
            .map(|r| format!("“{}”", crate::text::plain_line(&r.key)))
            .collect();
        out.push_str(&format!(
            " ({under} of them under {})",
            crate::fmt::join_and(&heads)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Column;

    #[test]
    fn names_come_from_the_group_column() {
        let mut plan = Plan::default();
        assert_eq!(names(&plan).many, "recommendations");
        plan.columns.push(Column {
            header: "No.".into(),
            role: Role::RecommendationRef,
            period: None,
        });
        assert_eq!(names(&plan).many, "recommendations");
        plan.columns.push(Column {
            header: "Key Themes".into(),
            role: Role::Theme,
            period: None,
        });
        assert_eq!(names(&plan).many, "themes");
        plan.columns.push(Column {
            header: "Peer Challenge Recommendation".into(),
            role: Role::Recommendation,
            period: None,
        });
        assert_eq!(names(&plan).many, "recommendations");
    }

    #[test]
    fn groups_that_are_not_recommendations_are_not_counted() {
        assert!(is_counted(&Recommendation::new("No 1", "")));
        assert!(is_counted(&Recommendation::new("7", "")));
        assert!(!is_counted(&Recommendation::new("Additional comments", "")));
        assert!(!is_counted(&Recommendation::new("", "")));
        assert!(is_counted(&Recommendation::new("Otherwise", "Develop")));
    }
}

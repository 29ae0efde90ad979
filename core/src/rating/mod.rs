//! Rating: rules written as data, evaluated over facts about each action as of a date.
//!
//! * A [`Scale`] is ordered labels (best first) with colours and words.
//! * A [`RuleSet`] is a scale, parameters, rules evaluated in order (first match wins) and a
//!   [`Rollup`] policy. Rule sets are JSON (or TOML with the `toml` feature); the presets in
//!   [`PRESETS`] are shipped as data files.
//! * [`assess`] rates every action with a [`Reason`] (the rule's id, the facts it used and a
//!   sentence), rolls ratings up to recommendations and the plan, and reports each action whose
//!   reported RAG disagrees with the rules as a [`Finding`].
//!
//! The condition language is in [`Condition`]: tests on status, reported RAG, percent
//! complete, deadlines (days to or past the deadline, definitely or possibly overdue, slippage
//! against the original deadline), ongoing/recurring/no deadline, staleness of comments,
//! evidence, and progress against the schedule (the percent expected by now and the ratio of
//! percent complete to it: [`Forecast`]), combined with `all`, `any` and `not`. Day counts may
//! be written as calendar spans (`"3 months"`) or as parameters (`"$due_soon"`).
//!
//! ```
//! use actionplan::rating::{self, RuleSet};
//! use actionplan::{Action, Plan, Recommendation};
//!
//! let mut plan = Plan::default();
//! let mut rec = Recommendation::new("1", "Strengthen scrutiny");
//! for (desc, due, status) in [("Train members", "31/01/2025", "Complete"),
//!                             ("Review terms of reference", "31/03/2025", "In progress"),
//!                             ("Publish work programme", "30/06/2025", "Not started")] {
//!     let mut a = Action::new(desc);
//!     a.timeframe = Some(actionplan::timeframe::parse(due, None, &Default::default()).into());
//!     a.set_status(status);
//!     rec.actions.push(a);
//! }
//! plan.recommendations.push(rec);
//! plan.assign_refs();
//!
//! let out = rating::assess(&plan, &RuleSet::preset("date-rag").unwrap(), "2025-06-10".parse().unwrap()).unwrap();
//! let ratings: Vec<_> = out.actions.iter().map(|a| a.rating.as_deref().unwrap()).collect();
//! assert_eq!(ratings, ["blue", "red", "amber"]);
//! assert_eq!(out.recommendations[0].rating.as_deref(), Some("red"));
//! ```

mod assess;
mod build;
mod condition;
mod facts;
mod forecast;
mod presets;
mod reason;
mod resolve;
mod rollup;
mod ruleset;
mod scale;

pub use assess::{
    assess, assess_since, assess_with, Assessment, Finding, GroupRating, LabelCount, RatedAction,
    Reason, RulesUsed, Verdict, OTHERWISE,
};
pub use condition::{Bound, Condition, Fact, FactSet, Range};
pub use facts::{Facts, Overdue, ReportedFact, StatusFact};
pub use forecast::{expected_percent, progress_ratio, DeadlinePoint, Forecast};
pub use resolve::{RulesSpec, DEFAULT_PRESET};
pub use rollup::{PlanOver, Policy, Rollup, ShareBand};
pub use ruleset::{PresetInfo, Rule, RuleSet, MAX_RULES};
pub use scale::{
    contrast_ratio, Label, Scale, MAX_LABELS, NOT_RATED, NOT_RATED_COLOUR, NOT_RATED_NAME,
};

pub(crate) use facts::overdue_rank;
pub(crate) use reason::push_date;

/// The ids of the shipped presets.
///
/// ```
/// for id in actionplan::rating::PRESETS {
///     actionplan::rating::RuleSet::preset(id).unwrap();
/// }
/// ```
pub const PRESETS: [&str; 9] = presets::IDS;

//! Performance indicators ("measures", "KPIs", "PIs") reported beside the actions: the model
//! ([`Measure`]), reading figures ([`read_figure`]), rating the actual against the target
//! ([`rate`], with a [`MeasureRules`] set: the preset `measures` is Green on or better than
//! target, Amber within 5%, Red beyond) and counting them ([`summarise`]).
//!
//! A plan's measures are kept apart from its actions ([`Plan::measures`](crate::Plan)); the
//! importer reads them from a table whose header names an indicator (Indicator, Measure, KPI,
//! PI) with its figures (Target, Actual), after the actions or on their own.
//!
//! ```
//! use actionplan::import::ImportOptions;
//! use actionplan::measures::{rate, summarise, MeasureRules};
//!
//! let csv = "Indicator,Polarity,Target,Actual\n\
//!            Rent collected,Higher is better,97%,97.5%\n\
//!            Days to relet an empty home,Lower is better,10,12.4\n";
//! let plan = ImportOptions::new().read_bytes(csv.as_bytes()).unwrap().plan;
//! assert_eq!(plan.action_count(), 0);
//! assert_eq!(plan.measures.len(), 2);
//! let s = summarise(&rate(&plan.measures, &MeasureRules::preset()));
//! assert_eq!(s.sentence, "Of 2 performance indicators, all were rated: 1 is green (50%), 1 is red (50%).");
//! assert_eq!(s.ratings[1].reason, "12.4 against a target of 10 (lower is better): 24% worse than target, beyond the tolerance of 5% of target");
//! ```

mod rate;
mod rules;
mod summary;

// The indicators' data (and the reading of their figures) are part of the plan's model, below
// this module; they are named here too, where a reader of the measures looks for them.
pub use crate::model::{
    number, read_figure, Comparison, Direction, Figure, FigureNote, Frequency, Measure, Polarity,
    Tolerance,
};
pub use rate::{rate, rate_measure, MeasureAssessment, MeasureRating, Outcome};
pub use rules::{MeasureBlock, MeasureRules};
pub use summary::{summarise, MeasureCount, MeasureStats};

/// Rate a plan's measures with the preset `measures` and count them; `None` when the plan
/// has none (what statistics and reports show).
///
/// ```
/// assert!(actionplan::measures::preset_stats(&actionplan::Plan::default().measures).is_none());
/// ```
pub fn preset_stats(measures: &[Measure]) -> Option<MeasureStats> {
    (!measures.is_empty()).then(|| summarise(&rate(measures, &MeasureRules::preset())))
}

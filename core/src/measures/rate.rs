//! Rating measures: the actual against the target, with the polarity and the tolerance, and a
//! reason in words for every rating.

use super::rules::MeasureRules;
use crate::model::number;
use crate::model::{Comparison, Direction, Figure, FigureNote, Measure, Polarity, Tolerance};
use serde::{Deserialize, Serialize};

/// What comparing a measure's actual with its target found.
///
/// ```
/// use actionplan::measures::Outcome;
/// assert_eq!(Outcome::WithinTolerance.as_str(), "within_tolerance");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The actual meets or beats the target.
    OnTarget,
    /// Short of target by no more than the tolerance.
    WithinTolerance,
    /// Short of target by more than the tolerance.
    BeyondTolerance,
    /// Not assessed this period.
    NotAssessed,
    /// No actual figure to rate.
    Missing,
    /// No target to rate against.
    NoTarget,
    /// Neither higher nor lower is better.
    ForInformation,
}

impl Outcome {
    /// The outcome's name in the rule set's `measures` block.
    ///
    /// ```
    /// assert_eq!(actionplan::measures::Outcome::NotAssessed.as_str(), "not_assessed");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::OnTarget => "on_target",
            Outcome::WithinTolerance => "within_tolerance",
            Outcome::BeyondTolerance => "beyond_tolerance",
            Outcome::NotAssessed => "not_assessed",
            Outcome::Missing => "missing",
            Outcome::NoTarget => "no_target",
            Outcome::ForInformation => "for_information",
        }
    }
}

/// One measure's rating.
///
/// ```
/// use actionplan::measures::{rate_measure, Figure, Measure, MeasureRules, Outcome, Polarity};
/// let mut m = Measure::new("Days to relet an empty home");
/// m.target = Some(Figure::read("10"));
/// m.actual = Some(Figure::read("12.4"));
/// m.polarity = Some(Polarity::Lower);
/// let r = rate_measure(0, &m, &MeasureRules::preset());
/// assert_eq!(r.outcome, Outcome::BeyondTolerance);
/// assert_eq!(r.label.as_deref(), Some("red"));
/// assert_eq!(r.reason, "12.4 against a target of 10 (lower is better): 24% worse than target, beyond the tolerance of 5% of target");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MeasureRating {
    /// Position in [`Plan::measures`](crate::Plan::measures).
    pub index: usize,
    /// The measure's ref, if any.
    #[serde(default, skip_serializing_if = "Option::is_none", rename = "ref")]
    pub measure_ref: Option<String>,
    /// The measure's name.
    pub name: String,
    /// The label id, or `None` when not rated.
    pub label: Option<String>,
    /// What the comparison found.
    pub outcome: Outcome,
    /// How far from target, as a percentage of it: positive is better than target, negative
    /// worse (absent with no figures or a zero target).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variance_percent: Option<f64>,
    /// The polarity used, and whether it was assumed (the measure gave none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub polarity: Option<Polarity>,
    /// The polarity was the rule set's default, not the measure's.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub polarity_assumed: bool,
    /// The direction of travel, as reported, or worked out from the previous figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// Why, in words.
    pub reason: String,
}

/// All the measures of a plan, rated.
///
/// ```
/// let a = actionplan::measures::rate(&actionplan::Plan::default().measures, &actionplan::measures::MeasureRules::preset());
/// assert!(a.ratings.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MeasureAssessment {
    /// The measures rule set's id.
    pub rules: String,
    /// The scale the measures are rated on.
    pub scale: crate::rating::Scale,
    /// One rating per measure, in plan order.
    pub ratings: Vec<MeasureRating>,
}

/// Rate every measure of a plan (its [`Plan::measures`](crate::Plan::measures)).
///
/// ```
/// use actionplan::measures::{rate, Figure, Measure, MeasureRules};
/// let mut plan = actionplan::Plan::default();
/// let mut m = Measure::new("Calls answered within 20 seconds");
/// m.target = Some(Figure::read("90%"));
/// m.actual = Some(Figure::read("91%"));
/// plan.measures.push(m);
/// let a = rate(&plan.measures, &MeasureRules::preset());
/// assert_eq!(a.ratings[0].label.as_deref(), Some("green"));
/// ```
pub fn rate(measures: &[Measure], rules: &MeasureRules) -> MeasureAssessment {
    MeasureAssessment {
        rules: rules.id.clone(),
        scale: rules.scale.clone(),
        ratings: measures
            .iter()
            .enumerate()
            .map(|(i, m)| rate_measure(i, m, rules))
            .collect(),
    }
}

/// A small margin for figures written in decimals (0.1 + 0.2 is not 0.3 in binary): a
/// shortfall equal to the tolerance as written is within it.
const EPSILON: f64 = 1e-9;

/// Rate one measure (see [`rate`]).
///
/// ```
/// use actionplan::measures::{rate_measure, Figure, Measure, MeasureRules, Outcome};
/// let mut m = Measure::new("Households in temporary accommodation");
/// m.actual = Some(Figure::read("Not assessed this quarter"));
/// m.target = Some(Figure::read("< 150"));
/// let r = rate_measure(0, &m, &MeasureRules::preset());
/// assert_eq!(r.outcome, Outcome::NotAssessed);
/// assert_eq!(r.label, None);
/// ```
pub fn rate_measure(index: usize, m: &Measure, rules: &MeasureRules) -> MeasureRating {
    let b = &rules.measures;
    let (polarity, assumed) = match m.polarity.or_else(|| polarity_from_target(m)) {
        Some(p) => (p, false),
        None => (b.polarity, true),
    };
    let pol_words = if assumed {
        format!("{}, assumed", polarity.label())
    } else {
        polarity.label().to_string()
    };
    let mut r = MeasureRating {
        index,
        measure_ref: m.measure_ref.as_deref().map(str::to_string),
        name: m.name.to_string(),
        label: None,
        outcome: Outcome::Missing,
        variance_percent: None,
        polarity: Some(polarity),
        polarity_assumed: assumed,
        direction: direction(m, polarity),
        reason: String::new(),
    };
    let set = |r: &mut MeasureRating, outcome: Outcome, reason: String| {
        r.outcome = outcome;
        r.label = match outcome {
            Outcome::OnTarget => Some(b.on_target.clone()),
            Outcome::WithinTolerance => Some(b.within_tolerance.clone()),
            Outcome::BeyondTolerance => Some(b.beyond_tolerance.clone()),
            Outcome::NotAssessed => b.not_assessed.clone(),
            Outcome::Missing => b.missing.clone(),
            Outcome::NoTarget => b.no_target.clone(),
            Outcome::ForInformation => b.for_information.clone(),
        };
        r.reason = reason;
    };
    // Not assessed this period: said so in the actual cell, or an annual (or half-yearly)
    // measure with no actual.
    let actual_note = m
        .actual
        .as_ref()
        .map_or(Some(FigureNote::NotAvailable), |a| {
            if a.value.is_some() {
                None
            } else {
                a.note.or(Some(FigureNote::Unread))
            }
        });
    let infrequent = m
        .frequency
        .is_some_and(crate::model::Frequency::is_less_often_than_quarterly);
    match actual_note {
        Some(FigureNote::NotAssessed) => {
            let why = m
                .actual
                .as_ref()
                .map(|a| a.text.to_string())
                .unwrap_or_default();
            set(
                &mut r,
                Outcome::NotAssessed,
                format!("not assessed this period (the actual reads \u{201c}{why}\u{201d})"),
            );
            return r;
        }
        Some(FigureNote::NotAvailable) if infrequent => {
            let f = m.frequency.map_or("", |f| f.label());
            let a = if f.starts_with('a') { "an" } else { "a" };
            set(
                &mut r,
                Outcome::NotAssessed,
                format!("not assessed this period: {a} {f} measure with no actual figure"),
            );
            return r;
        }
        _ => {}
    }
    if polarity == Polarity::Neither {
        set(&mut r, Outcome::ForInformation, "reported for information: neither higher nor lower is better, so it is not rated against a target".into());
        return r;
    }
    let actual = match (&m.actual, actual_note) {
        (Some(a), None) => a,
        (Some(a), Some(FigureNote::Unread)) => {
            set(
                &mut r,
                Outcome::Missing,
                format!(
                    "the actual \u{201c}{}\u{201d} could not be read as a number",
                    a.text
                ),
            );
            return r;
        }
        (Some(a), Some(_)) if !a.text.trim().is_empty() => {
            set(
                &mut r,
                Outcome::Missing,
                format!(
                    "no actual figure this period (it reads \u{201c}{}\u{201d})",
                    a.text
                ),
            );
            return r;
        }
        _ => {
            set(
                &mut r,
                Outcome::Missing,
                "no actual figure this period".into(),
            );
            return r;
        }
    };
    let target = match &m.target {
        Some(t) if t.value.is_some() => t,
        Some(t) if !t.text.trim().is_empty() && t.note == Some(FigureNote::Unread) => {
            set(
                &mut r,
                Outcome::NoTarget,
                format!(
                    "the target \u{201c}{}\u{201d} could not be read as a number",
                    t.text
                ),
            );
            return r;
        }
        _ => {
            set(
                &mut r,
                Outcome::NoTarget,
                "no target to rate against".into(),
            );
            return r;
        }
    };
    let (a, t) = (
        actual.value.unwrap_or_default(),
        target.value.unwrap_or_default(),
    );
    // How much better than target (negative: worse).
    let better = match polarity {
        Polarity::Lower => t - a,
        _ => a - t,
    };
    // A strict target ("< 5") is missed when the actual equals it.
    let strict = matches!(
        target.comparison,
        Some(Comparison::Below | Comparison::Above)
    );
    let head = format!(
        "{} against a target of {} ({pol_words})",
        shown(actual),
        shown(target)
    );
    let percent = (t != 0.0).then(|| better / t.abs() * 100.0);
    r.variance_percent = percent.map(|p| (p * 100.0).round() / 100.0);
    let scale_tol = |tol: f64| tol * (1.0 + EPSILON) + EPSILON;
    if better > EPSILON || (better.abs() <= EPSILON && !strict) {
        let how = if better.abs() <= EPSILON {
            "on target".to_string()
        } else {
            match percent {
                Some(p) => format!("{}% better than target", number(p)),
                None => format!("{} better than target", number(better)),
            }
        };
        set(&mut r, Outcome::OnTarget, format!("{head}: {how}"));
        return r;
    }
    let short = -better;
    let tol = m.tolerance.unwrap_or(b.tolerance);
    let tol_words = format!("the tolerance of {}", tol.label());
    let how = match percent {
        Some(p) => format!("{}% worse than target", number(-p)),
        None => format!("{} worse than target", number(short)),
    };
    let how = if strict && short <= EPSILON {
        "on the target, which it must beat".to_string()
    } else {
        how
    };
    let within = match tol {
        Tolerance::Percent(p) => t != 0.0 && short <= scale_tol(p / 100.0 * t.abs()),
        Tolerance::Absolute(x) => short <= scale_tol(x),
    };
    let zero = if t == 0.0 && matches!(tol, Tolerance::Percent(_)) {
        " (a percentage of a zero target allows nothing)"
    } else {
        ""
    };
    if within {
        set(
            &mut r,
            Outcome::WithinTolerance,
            format!("{head}: {how}, within {tol_words}"),
        );
    } else {
        set(
            &mut r,
            Outcome::BeyondTolerance,
            format!("{head}: {how}, beyond {tol_words}{zero}"),
        );
    }
    r
}

/// A figure as the reason shows it: as written.
fn shown(f: &Figure) -> String {
    let t = f.text.trim();
    if t.is_empty() {
        f.value.map(number).unwrap_or_default()
    } else {
        t.to_string()
    }
}

/// "≥ 90%" means higher is better; "< 5" lower.
fn polarity_from_target(m: &Measure) -> Option<Polarity> {
    match m.target.as_ref()?.comparison? {
        Comparison::AtLeast | Comparison::Above => Some(Polarity::Higher),
        Comparison::AtMost | Comparison::Below => Some(Polarity::Lower),
    }
}

/// The direction of travel: as reported, else from the previous figure.
fn direction(m: &Measure, polarity: Polarity) -> Option<Direction> {
    if m.direction.is_some() {
        return m.direction;
    }
    let a = m.actual.as_ref()?.value?;
    let p = m.previous.as_ref()?.value?;
    let better = match polarity {
        Polarity::Higher => a - p,
        Polarity::Lower => p - a,
        Polarity::Neither => return None,
    };
    Some(if better.abs() <= EPSILON {
        Direction::NoChange
    } else if better > 0.0 {
        Direction::Better
    } else {
        Direction::Worse
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(target: &str, actual: &str, polarity: Option<Polarity>) -> Measure {
        let mut m = Measure::new("x");
        m.target = Some(Figure::read(target));
        m.actual = Some(Figure::read(actual));
        m.polarity = polarity;
        m
    }

    fn outcome(target: &str, actual: &str, polarity: Option<Polarity>) -> Outcome {
        rate_measure(0, &m(target, actual, polarity), &MeasureRules::preset()).outcome
    }

    use Outcome::*;
    use Polarity::*;

    #[test]
    fn higher_is_better_at_the_boundaries() {
        assert_eq!(outcome("100", "100", Some(Higher)), OnTarget);
        assert_eq!(outcome("100", "100.01", Some(Higher)), OnTarget);
        assert_eq!(outcome("100", "95", Some(Higher)), WithinTolerance);
        assert_eq!(outcome("100", "94.99", Some(Higher)), BeyondTolerance);
        // Decimal figures: 5% of 90.1 is 4.505; 85.595 is exactly on the edge.
        assert_eq!(outcome("90.1", "85.595", Some(Higher)), WithinTolerance);
        assert_eq!(outcome("90.1", "85.59", Some(Higher)), BeyondTolerance);
    }

    #[test]
    fn lower_is_better_at_the_boundaries() {
        assert_eq!(outcome("10", "10", Some(Lower)), OnTarget);
        assert_eq!(outcome("10", "9", Some(Lower)), OnTarget);
        assert_eq!(outcome("10", "10.5", Some(Lower)), WithinTolerance);
        assert_eq!(outcome("10", "10.51", Some(Lower)), BeyondTolerance);
        assert_eq!(outcome("10", "12.4", Some(Lower)), BeyondTolerance);
    }

    #[test]
    fn zero_target() {
        assert_eq!(outcome("0", "0", Some(Lower)), OnTarget);
        assert_eq!(outcome("0", "1", Some(Lower)), BeyondTolerance);
        assert_eq!(outcome("0", "1", Some(Higher)), OnTarget);
        let r = rate_measure(0, &m("0", "2", Some(Lower)), &MeasureRules::preset());
        assert_eq!(r.variance_percent, None);
        assert_eq!(r.reason, "2 against a target of 0 (lower is better): 2 worse than target, beyond the tolerance of 5% of target (a percentage of a zero target allows nothing)");
        // An absolute tolerance works with a zero target.
        let mut z = m("0", "1", Some(Lower));
        z.tolerance = Some(Tolerance::Absolute(1.0));
        assert_eq!(
            rate_measure(0, &z, &MeasureRules::preset()).outcome,
            WithinTolerance
        );
        z.actual = Some(Figure::read("1.01"));
        assert_eq!(
            rate_measure(0, &z, &MeasureRules::preset()).outcome,
            BeyondTolerance
        );
    }

    #[test]
    fn polarity_from_the_target_and_assumed() {
        assert_eq!(outcome("< 5", "4", None), OnTarget);
        assert_eq!(outcome("< 5", "5", None), WithinTolerance);
        assert_eq!(outcome("≥ 90%", "90%", None), OnTarget);
        let r = rate_measure(0, &m("90%", "80%", None), &MeasureRules::preset());
        assert!(r.polarity_assumed);
        assert_eq!(r.reason, "80% against a target of 90% (higher is better, assumed): 11.11% worse than target, beyond the tolerance of 5% of target");
    }

    #[test]
    fn unrated_cases_say_why() {
        let p = MeasureRules::preset();
        let r = rate_measure(0, &m("90", "n/a", None), &p);
        assert_eq!((r.outcome, r.label), (Missing, None));
        assert_eq!(
            r.reason,
            "no actual figure this period (it reads \u{201c}n/a\u{201d})"
        );
        let r = rate_measure(0, &m("90", "5 or 6", None), &p);
        assert_eq!(
            r.reason,
            "the actual \u{201c}5 or 6\u{201d} could not be read as a number"
        );
        let mut annual = m("90", "", Some(Higher));
        annual.actual = None;
        annual.frequency = Some(crate::model::Frequency::Annual);
        let r = rate_measure(0, &annual, &p);
        assert_eq!(r.outcome, NotAssessed);
        assert_eq!(
            r.reason,
            "not assessed this period: an annual measure with no actual figure"
        );
        assert_eq!(outcome("", "5", Some(Higher)), NoTarget);
        assert_eq!(outcome("10", "5", Some(Neither)), ForInformation);
    }

    #[test]
    fn direction_from_previous() {
        let mut x = m("10", "8", Some(Lower));
        x.previous = Some(Figure::read("9"));
        assert_eq!(
            rate_measure(0, &x, &MeasureRules::preset()).direction,
            Some(Direction::Better)
        );
        x.polarity = Some(Higher);
        assert_eq!(
            rate_measure(0, &x, &MeasureRules::preset()).direction,
            Some(Direction::Worse)
        );
    }
}

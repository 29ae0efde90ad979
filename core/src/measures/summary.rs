//! Counting rated measures, apart from actions: "40 are green (80%), 4 are amber (8%), 6 are
//! red (12%)".

use super::rate::{MeasureAssessment, MeasureRating, Outcome};
use serde::{Deserialize, Serialize};

/// The count of measures with one label.
///
/// ```
/// let c = actionplan::measures::MeasureCount { label: "green".into(), name: "Green".into(), colour: "#2e7d32".into(), count: 4, percent: 80 };
/// assert_eq!(c.count, 4);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MeasureCount {
    /// The label id.
    pub label: String,
    /// The label's name.
    pub name: String,
    /// The label's colour.
    pub colour: String,
    /// How many measures have it.
    pub count: usize,
    /// Its share of the rated measures, in whole percent (largest remainder: the shares add
    /// up to 100).
    pub percent: u32,
}

/// The measures of a plan, counted.
///
/// ```
/// use actionplan::measures::{rate, summarise, Figure, Measure, MeasureRules};
/// let mut plan = actionplan::Plan::default();
/// for (t, a) in [("90", "95"), ("90", "86"), ("90", "50"), ("90", "Annual")] {
///     let mut m = Measure::new("Calls answered");
///     m.target = Some(Figure::read(t));
///     m.actual = Some(Figure::read(a));
///     plan.measures.push(m);
/// }
/// let s = summarise(&rate(&plan.measures, &MeasureRules::preset()));
/// assert_eq!((s.total, s.rated, s.not_assessed), (4, 3, 1));
/// assert_eq!(s.sentence, "Of 4 performance indicators, 3 were rated: 1 is green (34%), 1 is amber (33%), 1 is red (33%). 1 was not assessed this period.");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MeasureStats {
    /// The measures rule set's id.
    pub rules: String,
    /// How many measures the plan has.
    pub total: usize,
    /// How many were rated.
    pub rated: usize,
    /// One count per label, in scale order.
    pub counts: Vec<MeasureCount>,
    /// Not assessed this period.
    pub not_assessed: usize,
    /// No actual figure (or one not read as a number).
    pub missing: usize,
    /// No target (or one not read as a number).
    pub no_target: usize,
    /// Reported for information only.
    pub for_information: usize,
    /// The counts in a sentence.
    pub sentence: String,
    /// Every measure's rating, in plan order.
    pub ratings: Vec<MeasureRating>,
}

/// Count rated measures by label, with the reasons others were not rated.
///
/// ```
/// let s = actionplan::measures::summarise(&actionplan::measures::rate(&actionplan::Plan::default().measures, &actionplan::measures::MeasureRules::preset()));
/// assert_eq!(s.sentence, "There are no performance indicators.");
/// ```
pub fn summarise(a: &MeasureAssessment) -> MeasureStats {
    let labels = &a.scale.labels;
    let mut counts = vec![0usize; labels.len()];
    let (mut not_assessed, mut missing, mut no_target, mut info, mut unrated) = (0, 0, 0, 0, 0);
    for r in &a.ratings {
        match r.label.as_deref().and_then(|l| a.scale.position(l)) {
            Some(i) => counts[i] += 1,
            None => match r.outcome {
                Outcome::NotAssessed => not_assessed += 1,
                Outcome::Missing => missing += 1,
                Outcome::NoTarget => no_target += 1,
                Outcome::ForInformation => info += 1,
                _ => unrated += 1,
            },
        }
    }
    let rated: usize = counts.iter().sum();
    let percents = crate::shares::percentages(&counts);
    let counts: Vec<MeasureCount> = labels
        .iter()
        .zip(counts.iter().zip(percents))
        .map(|(l, (&count, percent))| MeasureCount {
            label: l.id.clone(),
            name: l.name.clone(),
            colour: l.colour.clone(),
            count,
            percent,
        })
        .collect();
    let total = a.ratings.len();
    let sentence = sentence(
        total,
        rated,
        &counts,
        [not_assessed, missing, no_target, info, unrated],
    );
    MeasureStats {
        rules: a.rules.clone(),
        total,
        rated,
        counts,
        not_assessed,
        missing,
        no_target,
        for_information: info,
        sentence,
        ratings: a.ratings.clone(),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn sentence(
    total: usize,
    rated: usize,
    counts: &[MeasureCount],
    [not_assessed, missing, no_target, info, unrated]: [usize; 5],
) -> String {
    if total == 0 {
        return "There are no performance indicators.".into();
    }
    let mut s = format!(
        "Of {}, {} rated",
        plural(total, "performance indicator", "performance indicators"),
        if rated == total && total == 1 {
            "it was".to_string()
        } else if rated == total {
            "all were".to_string()
        } else {
            plural(rated, "was", "were")
        }
    );
    let parts: Vec<String> = counts
        .iter()
        .filter(|c| c.count > 0)
        .map(|c| {
            format!(
                "{} {} ({}%)",
                plural(c.count, "is", "are"),
                c.name.to_lowercase(),
                c.percent
            )
        })
        .collect();
    if !parts.is_empty() {
        s.push_str(": ");
        s.push_str(&parts.join(", "));
    }
    s.push('.');
    let mut apart = Vec::new();
    if not_assessed > 0 {
        apart.push(format!(
            "{} not assessed this period",
            plural(not_assessed, "was", "were")
        ));
    }
    if missing > 0 {
        apart.push(format!(
            "{} no actual figure",
            plural(missing, "has", "have")
        ));
    }
    if no_target > 0 {
        apart.push(format!("{} no target", plural(no_target, "has", "have")));
    }
    if info > 0 {
        apart.push(format!(
            "{} reported for information only",
            plural(info, "is", "are")
        ));
    }
    if unrated > 0 {
        apart.push(format!("{} not rated", plural(unrated, "is", "are")));
    }
    if !apart.is_empty() {
        s.push(' ');
        let last = apart.pop().unwrap_or_default();
        if apart.is_empty() {
            s.push_str(&last);
        } else {
            s.push_str(&apart.join(", "));
            s.push_str(" and ");
            s.push_str(&last);
        }
        s.push('.');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::super::{rate, Figure, Measure, MeasureRules};
    use super::*;

    #[test]
    fn forty_four_six() {
        let mut plan = crate::Plan::default();
        let mut add = |n: usize, actual: &str| {
            for _ in 0..n {
                let mut m = Measure::new("x");
                m.target = Some(Figure::read("100"));
                m.actual = Some(Figure::read(actual));
                plan.measures.push(m);
            }
        };
        add(40, "100");
        add(4, "96");
        add(6, "80");
        let s = summarise(&rate(&plan.measures, &MeasureRules::preset()));
        assert_eq!(s.sentence, "Of 50 performance indicators, all were rated: 40 are green (80%), 4 are amber (8%), 6 are red (12%).");
        assert_eq!(
            s.counts.iter().map(|c| c.count).collect::<Vec<_>>(),
            [40, 4, 6]
        );
    }

    #[test]
    fn counted_apart() {
        let mut plan = crate::Plan::default();
        for a in ["n/a", "", "Annual", "Not assessed"] {
            let mut m = Measure::new("x");
            m.target = Some(Figure::read("1"));
            m.actual = (!a.is_empty()).then(|| Figure::read(a));
            plan.measures.push(m);
        }
        let s = summarise(&rate(&plan.measures, &MeasureRules::preset()));
        assert_eq!(s.sentence, "Of 4 performance indicators, 0 were rated. 2 were not assessed this period and 2 have no actual figure.");
    }
}

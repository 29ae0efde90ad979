//! Reports: Markdown, a self-contained HTML page, and a CSV of the rated actions.
//!
//! Every report is built from the same pieces: the plan, its [`Assessment`], its
//! [`Stats`](crate::stats::Stats) and, when a previous version is given, the
//! [`PlanDiff`](crate::diff::PlanDiff). The HTML needs no network (CSS and
//! SVG charts are inline, and a Content-Security-Policy forbids scripts and remote loads), says
//! every rating in words as well as colour, and escapes everything a user wrote. The CSV is
//! safe to open in Excel: a cell that starts with `=`, `+`, `-`, `@`, tab or carriage return is
//! prefixed with a single quote.
//!
//! ```
//! use actionplan::{Action, Plan, Recommendation, rating::{assess, RuleSet}, stats::{stats, GroupBy}, report};
//! let mut plan = Plan::default();
//! plan.meta.title = Some("Improvement plan".into());
//! let mut rec = Recommendation::new("1", "Strengthen scrutiny");
//! let mut a = Action::new("<script>alert(1)</script> Review terms of reference");
//! a.timeframe = Some(actionplan::timeframe::parse("31/03/2025", None, &Default::default()).into());
//! a.set_status("In progress");
//! rec.actions.push(a);
//! plan.recommendations.push(rec);
//! plan.assign_refs();
//! let a = assess(&plan, &RuleSet::preset("date-rag").unwrap(), "2025-05-12".parse().unwrap()).unwrap();
//! let s = stats(&plan, &a, GroupBy::Recommendation);
//! let html = report::html(&plan, &a, &s, None);
//! assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
//! assert!(!html.contains("<script"));
//! let md = report::markdown(&plan, &a, &s, None);
//! assert!(md.contains("42 days overdue"));
//! let csv = report::rated_csv(&plan, &a);
//! assert!(csv.starts_with("Ref,Recommendation,"));
//! ```

mod csv_out;
mod escape;
mod format;
mod history;
mod html;
mod markdown;
mod measures;
mod svg;
#[cfg(feature = "xlsx-writer")]
mod xlsx;
#[cfg(feature = "xlsx-writer")]
mod xlsx_measures;

pub use csv_out::rated_csv;
pub use escape::{escape_html, escape_markdown, markup_html};
pub use format::{render, render_to, Format};
pub use history::{history_html, history_markdown, history_text, render_history};
pub use html::html;
pub use markdown::markdown;
#[cfg(feature = "xlsx-writer")]
pub use xlsx::{rated_tracker_xlsx, summary_pairs, tracker_xlsx, TrackerRow};

use crate::rating::{contrast_ratio, Assessment};

/// A label's colour, if it is a valid `#rrggbb` (an assessment read from JSON could carry
/// anything), else grey.
pub(crate) fn colour<'a>(a: &'a Assessment, id: Option<&str>) -> &'a str {
    a.scale.colour_of(id)
}

/// Black or white text, whichever contrasts more with the background.
pub(crate) fn ink(bg: &str) -> &'static str {
    let b = contrast_ratio(bg, "#000000").unwrap_or(21.0);
    let w = contrast_ratio(bg, "#ffffff").unwrap_or(1.0);
    if b >= w {
        "#000000"
    } else {
        "#ffffff"
    }
}

/// A label's name, or "Not rated".
pub(crate) fn label_name<'a>(a: &'a Assessment, id: Option<&'a str>) -> &'a str {
    a.scale.name_of(id)
}

/// Colours for statuses in charts (not a rating: a calm, distinct palette).
pub(crate) fn status_colour(key: &str) -> &'static str {
    match key {
        "complete" => "#1f4e9c",
        "in_progress" => "#5c85c5",
        "not_started" => "#b9c6d6",
        "on_hold" => "#8d6e63",
        "cancelled" => "#616161",
        "superseded" => "#9e9e9e",
        "none" => "#eceff1",
        _ => "#cfd8dc",
    }
}

/// The heading for the report: organisation and title.
pub(crate) fn heading(plan: &crate::Plan) -> String {
    match (&plan.meta.organisation, &plan.meta.title) {
        (Some(o), Some(t)) if !t.contains(o.as_str()) => format!("{o}: {t}"),
        (_, Some(t)) => t.clone(),
        (Some(o), None) => format!("{o}: action plan"),
        (None, None) => "Action plan".into(),
    }
}

/// How a roll-up policy is said in a sentence, before what it rolls up ("the worst of").
fn policy_words(policy: &str) -> String {
    match policy {
        "worst_of" => "the worst of".into(),
        "share_of" => "a band set by the shares of".into(),
        "weighted" => "the weighted score of".into(),
        other => format!("the {} of", other.replace('_', " ")),
    }
}

/// The footer's sentence on roll-ups, in the plan's word for its groups: "Each recommendation
/// takes the worst of its actions' ratings; the plan takes the worst of the ratings below it."
/// (It used to say "the worst of of".)
pub(crate) fn rollup_sentence(plan: &crate::Plan, a: &Assessment) -> String {
    format!(
        "Each {} takes {} its actions' ratings; the plan as a whole takes {} the ratings below it.",
        crate::groups::names(plan).one,
        policy_words(&a.rules.recommendation_policy),
        policy_words(&a.rules.plan_policy)
    )
}

/// A group's (or the plan's) overall rating said as a sentence's end, without jargon:
/// "Green: 15 of its 37 rated actions are Green, and none is rated worse" (worst of), else
/// the label with the roll-up's own reason.
fn overall_words(a: &Assessment, g: &crate::rating::GroupRating, policy: &str) -> String {
    let name = label_name(a, g.rating.as_deref());
    let Some(id) = g.rating.as_deref() else {
        return format!("{name}: none of its actions is rated");
    };
    let rated: usize = g.counts.iter().map(|c| c.count).sum();
    let at = g
        .counts
        .iter()
        .find(|c| c.label == id)
        .map_or(0, |c| c.count);
    // (A plan rolled up over its recommendations' ratings keeps the roll-up's own words.)
    if policy == "worst_of" && at > 0 && g.reason.contains("rated action") {
        let items = crate::fmt::plural(rated, "rated action", "rated actions");
        if at == rated {
            return if rated == 1 {
                format!("{name}: its one rated action is {name}")
            } else {
                format!("{name}: all {items} are {name}")
            };
        }
        // (Nothing can be rated worse than the scale's last label.)
        let worst = a.scale.labels.last().is_some_and(|l| l.id == id);
        return format!(
            "{name}: {at} of its {items} {} {name}{}",
            if at == 1 { "is" } else { "are" },
            if worst {
                ""
            } else {
                ", and none is rated worse"
            }
        );
    }
    format!("{name} ({})", g.reason)
}

/// What "Not rated" means in a table of ratings.
pub(crate) const NOT_RATED_MEANING: &str =
    "No rating given: no deadline, cancelled or superseded, or nothing to rate it by";

/// The plan's overall rating as a sentence, as every report and the command line say it:
/// "Overall, the plan is Green: 15 of its 37 rated actions are Green, and none is rated
/// worse." (for the worst-of roll-up; other roll-ups give their own reason).
///
/// ```
/// use actionplan::{Action, Plan, Recommendation, rating::{assess, RuleSet}};
/// let mut plan = Plan::default();
/// let mut rec = Recommendation::new("1", "Scrutiny");
/// for status in ["Complete", "In progress"] {
///     let mut a = Action::new("x");
///     a.set_status(status);
///     a.timeframe = Some(actionplan::timeframe::parse("31/12/2025", None, &Default::default()).into());
///     rec.actions.push(a);
/// }
/// plan.recommendations.push(rec);
/// plan.assign_refs();
/// let a = assess(&plan, &RuleSet::preset("date-rag").unwrap(), "2025-03-31".parse().unwrap()).unwrap();
/// assert_eq!(actionplan::report::overall_sentence(&a),
///     "Overall, the plan is Green: 1 of its 2 rated actions is Green, and none is rated worse.");
/// ```
pub fn overall_sentence(a: &Assessment) -> String {
    format!(
        "Overall, the plan is {}.",
        overall_words(a, &a.plan, &a.rules.plan_policy)
    )
}

/// What the "Overall" column says under a group's badge: nothing when the badge says it all
/// (the worst of its actions, which the table's note explains), else the roll-up's reason.
pub(crate) fn group_note(a: &Assessment, g: &crate::rating::GroupRating) -> String {
    match g.rating {
        None if g.actions == 0 => "it has no actions".into(),
        None => "none of its actions is rated".into(),
        Some(_) if a.rules.recommendation_policy == "worst_of" => String::new(),
        Some(_) => g.reason.clone(),
    }
}

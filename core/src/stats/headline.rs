//! Headline sentences, with their numbers, as committee reports write them.

use super::{long_date, GroupStats, MilestoneState, Share, Stats};
use crate::fmt::{join_and, plural};
use crate::rating::Assessment;
use chrono::{Datelike, NaiveDate};

/// "At the end of quarter 4 of 2024/25 (31 March 2025)" when the date ends a financial
/// quarter, else "As at 31 March 2025".
fn when(d: NaiveDate) -> String {
    let quarter_end =
        d.succ_opt().is_some_and(|n| n.day() == 1) && matches!(d.month(), 3 | 6 | 9 | 12);
    if !quarter_end {
        return format!("As at {}", long_date(d));
    }
    let (q, start) = match d.month() {
        6 => (1, d.year()),
        9 => (2, d.year()),
        12 => (3, d.year()),
        _ => (4, d.year() - 1),
    };
    format!(
        "At the end of quarter {q} of {}/{:02} ({})",
        start,
        (start + 1).rem_euclid(100),
        long_date(d)
    )
}

fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// "64 complete (55%), 49 in progress (43%), 1 not started (1%)".
fn status_list(shares: &[Share]) -> String {
    shares
        .iter()
        .map(|s| {
            if s.key == "none" {
                format!("{} with no status recorded ({}%)", s.count, s.percent)
            } else {
                format!("{} {} ({}%)", s.count, lower(&s.label), s.percent)
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// What a label means, in a few words: its description up to the first colon ("On track: the
/// deadline is more than 30 days away" gives "on track"), with a small first letter.
fn short_meaning(description: &str) -> String {
    let head = description.split(':').next().unwrap_or("").trim();
    let mut c = head.chars();
    match c.next() {
        Some(f) if !c.clone().next().is_some_and(char::is_uppercase) => {
            f.to_lowercase().chain(c).collect()
        }
        Some(_) => head.to_string(),
        None => String::new(),
    }
}

/// The headline sentences for the plan.
pub(crate) fn sentences(s: &Stats, a: &Assessment) -> Vec<String> {
    let mut out = Vec::new();
    let p: &GroupStats = &s.plan;
    let when = when(s.as_of);
    if p.actions == 0 {
        out.push(format!("{when} there were no actions."));
        return out;
    }
    out.push(format!(
        "{when} there {} {}: {}.",
        if p.actions == 1 { "was" } else { "were" },
        plural(p.actions, "action", "actions"),
        status_list(&p.by_status)
    ));

    let in_progress = p
        .by_status
        .iter()
        .find(|x| x.key == "in_progress")
        .map_or(0, |x| x.count);
    let rated: Vec<&Share> = p
        .in_progress_by_rating
        .iter()
        .filter(|x| x.key != "not_rated")
        .collect();
    if in_progress > 0 && !rated.is_empty() {
        // "Of the 49 in progress, 21 are green (43%), 21 amber (43%) and 7 red (14%)."
        let parts: Vec<String> = p
            .in_progress_by_rating
            .iter()
            .enumerate()
            .map(|(i, x)| {
                let verb = match (i, x.count) {
                    (0, 1) => "is ",
                    (0, _) => "are ",
                    _ => "",
                };
                format!("{} {verb}{} ({}%)", x.count, lower(&x.label), x.percent)
            })
            .collect();
        let only = &p.in_progress_by_rating;
        if only.len() == 1 && only[0].count == in_progress && in_progress > 1 {
            out.push(format!(
                "All {in_progress} in progress are {}.",
                lower(&only[0].label)
            ));
        } else {
            out.push(format!(
                "Of the {in_progress} in progress, {}.",
                join_and(&parts)
            ));
        }
    }

    let rated_all: usize = p
        .by_rating
        .iter()
        .filter(|x| x.key != "not_rated")
        .map(|x| x.count)
        .sum();
    if rated_all > 0 {
        // "By Date-driven RAG, 59% of actions are blue (complete) and 41% green (on track)":
        // each label with what it means, from the scale's own description.
        let parts: Vec<String> = p
            .by_rating
            .iter()
            .filter(|x| x.count > 0)
            .enumerate()
            .map(|(i, x)| {
                let meaning = a
                    .scale
                    .label(&x.key)
                    .and_then(|l| l.description.as_deref())
                    .map(short_meaning)
                    .filter(|m| !m.is_empty() && !m.eq_ignore_ascii_case(&x.label))
                    .map(|m| format!(" ({m})"))
                    .unwrap_or_default();
                if i == 0 {
                    format!("{}% of actions are {}{meaning}", x.percent, lower(&x.label))
                } else {
                    format!("{}% {}{meaning}", x.percent, lower(&x.label))
                }
            })
            .collect();
        out.push(format!("By {}, {}.", a.rules.name, join_and(&parts)));
    }
    // Open actions with no deadline that no rule rated (the date-driven presets leave them
    // unrated rather than call them on track).
    let no_deadline = a
        .actions
        .iter()
        .filter(|r| r.rating.is_none() && !r.facts.closed && !r.facts.has_deadline)
        .count();
    if no_deadline > 0 {
        out.push(format!(
            "{} no deadline and {} not rated.",
            plural(no_deadline, "action has", "actions have"),
            if no_deadline == 1 { "is" } else { "are" }
        ));
    }

    let (def, pos) = (p.overdue_definitely, p.overdue_possibly);
    out.push(match (def, pos) {
        (0, 0) => "No open action is past its deadline.".into(),
        (d, 0) => format!(
            "{} past {} deadline and not complete.",
            plural(d, "action is", "actions are"),
            if d == 1 { "its" } else { "their" }
        ),
        (0, q) => format!(
            "{} possibly past {} deadline (the deadline could be one of several days, and the first has passed).",
            plural(q, "action is", "actions are"),
            if q == 1 { "its" } else { "their" }
        ),
        (d, q) => format!(
            "{} past {} deadline and not complete: {d} definitely, and {q} possibly (the deadline could be one of several days, and the first has passed).",
            plural(d + q, "action is", "actions are"),
            if d + q == 1 { "its" } else { "their" }
        ),
    });
    let dw = p.due_within;
    if dw.days_90 > 0 {
        let nearer = if dw.days_30 > 0 {
            format!(" ({} of them in the next 30)", dw.days_30)
        } else if dw.days_60 > 0 {
            format!(
                " ({} of them in the next 60, none in the next 30)",
                dw.days_60
            )
        } else {
            String::new()
        };
        out.push(format!(
            "{} due in the next 90 days{nearer}.",
            plural(dw.days_90, "open action is", "open actions are"),
        ));
    }
    let sch = p.schedule;
    if let Some(pc) = sch.percent_done {
        let by = long_date(s.as_of);
        out.push(match (sch.due_by_now, sch.done) {
            (1, 1) => format!("The one action due by {by} is complete."),
            (1, _) => format!("The one action due by {by} is not complete."),
            (n, 0) => format!("Of the {n} actions due by {by}, none is complete (0%)."),
            (n, 1) => format!("Of the {n} actions due by {by}, 1 is complete ({pc}%)."),
            (n, d) => format!("Of the {n} actions due by {by}, {d} are complete ({pc}%)."),
        });
    }
    let better = a.findings.iter().filter(|f| f.steps > 0).count();
    let worse = a.findings.iter().filter(|f| f.steps < 0).count();
    if better + worse > 0 {
        // "For 3 actions the plan's own RAG is more positive than this report's rating, and
        // for 1 less positive."
        let mut parts = Vec::new();
        if better > 0 {
            parts.push(format!(
                "for {} the plan's own RAG is more positive than this report's rating",
                plural(better, "action", "actions")
            ));
        }
        if worse > 0 {
            parts.push(if better > 0 {
                format!("for {} less positive", plural(worse, "action", "actions"))
            } else {
                format!(
                    "for {} the plan's own RAG is less positive than this report's rating",
                    plural(worse, "action", "actions")
                )
            });
        }
        let mut sentence = join_and(&parts);
        if let Some(f) = sentence.get_mut(0..1) {
            f.make_ascii_uppercase();
        }
        out.push(format!("{sentence}."));
    }
    if let Some(pc) = &s.peer_challenge {
        let first = &pc.milestones[0];
        let verdict = match first.state {
            MilestoneState::Met => "met",
            MilestoneState::MetLate => "met late (within the 5-month limit)",
            MilestoneState::Missed => "missed",
            MilestoneState::Upcoming => "not yet due",
            MilestoneState::Unknown => "unknown",
        };
        out.push(format!(
            "The peer challenge visit was on {}: the action plan was due by {} ({} at the latest), {verdict}.",
            long_date(pc.visit),
            long_date(first.due),
            first.latest.map(long_date).unwrap_or_default()
        ));
    }
    out
}

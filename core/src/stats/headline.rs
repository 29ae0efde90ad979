//! Headline sentences, with their numbers, as committee reports write them.

use super::{long_date, Denominator, Format, GroupStats, MilestoneState, Order, Share, Stats};
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

/// The words after a status count: "complete", or with verbs "are complete", "have not
/// started".
fn status_words(s: &Share, f: &Format) -> String {
    let one = s.count == 1;
    match (s.key.as_str(), f.verbs) {
        ("none", false) => "with no status recorded".into(),
        ("none", true) => format!("{} no status recorded", if one { "has" } else { "have" }),
        ("not_started", true) => format!("{} not started", if one { "has" } else { "have" }),
        (_, true) => format!("{} {}", if one { "is" } else { "are" }, f.label(&s.label)),
        (_, false) => f.label(&s.label),
    }
}

/// "64 complete (55%), 49 in progress (43%), 1 not started (1%)", or as the format says.
fn status_list(shares: &[Share], f: &Format) -> String {
    let counts: Vec<usize> = shares.iter().map(|s| s.count).collect();
    let total = counts.iter().sum();
    let parts: Vec<String> = shares
        .iter()
        .zip(f.percents(&counts))
        .map(|(s, pc)| f.item(s.count, total, &pc, &status_words(s, f)))
        .collect();
    f.join(&parts, false)
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

/// The headline sentences for the plan, with figures written as `f` says.
pub(crate) fn sentences(s: &Stats, a: &Assessment, f: &Format) -> Vec<String> {
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
        status_list(&p.by_status, f)
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
    if f.in_progress_breakdown && in_progress > 0 && !rated.is_empty() {
        // "Of the 49 in progress, 21 are green (43%), 21 amber (43%) and 7 red (14%)."
        let list = &p.in_progress_by_rating;
        let counts: Vec<usize> = list.iter().map(|x| x.count).collect();
        let parts: Vec<String> = list
            .iter()
            .zip(f.percents(&counts))
            .enumerate()
            .map(|(i, (x, pc))| {
                let verb = match (f.verbs || i == 0, x.count) {
                    (false, _) => "",
                    (true, 1) => "is ",
                    (true, _) => "are ",
                };
                let words = format!("{verb}{}", f.label(&x.label));
                f.item(x.count, in_progress, &pc, &words)
            })
            .collect();
        if list.len() == 1 && list[0].count == in_progress && in_progress > 1 {
            out.push(format!(
                "All {} in progress are {}.",
                crate::fmt::count(in_progress),
                f.label(&list[0].label)
            ));
        } else {
            out.push(format!(
                "Of the {} in progress{} {}.",
                crate::fmt::count(in_progress),
                if f.verbs { ":" } else { "," },
                f.join(&parts, true)
            ));
        }
    }

    if let Some(sentence) = rated_by(p, a, f) {
        out.push(sentence);
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
    // One pass over what may be hundreds of thousands of findings.
    let (better, worse) = a.findings.iter().fold((0, 0), |(b, w), f| {
        (b + usize::from(f.steps > 0), w + usize::from(f.steps < 0))
    });
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

/// A label as written and its count.
type Item<'a> = (&'a str, usize);

/// "Rated by Date-driven RAG: 55% green, 30% amber and 15% red.", of the actions the format's
/// denominator says; `None` when nothing is rated.
fn rated_by(p: &GroupStats, a: &Assessment, f: &Format) -> Option<String> {
    let rated_all: usize = p
        .by_rating
        .iter()
        .filter(|x| x.key != "not_rated")
        .map(|x| x.count)
        .sum();
    if rated_all == 0 {
        return None;
    }
    // (label as written, count) of the actions the shares are of, and what they are.
    let (items, of): (Vec<Item>, Option<(&str, usize)>) = match f.denominator {
        Denominator::All => (
            p.by_rating
                .iter()
                .map(|x| (x.label.as_str(), x.count))
                .collect(),
            None,
        ),
        Denominator::Rated => (
            p.by_rating
                .iter()
                .filter(|x| x.key != "not_rated")
                .map(|x| (x.label.as_str(), x.count))
                .collect(),
            Some(("rated actions", rated_all)),
        ),
        Denominator::InProgress => {
            let v: Vec<(&str, usize)> = p
                .in_progress_by_rating
                .iter()
                .map(|x| (x.label.as_str(), x.count))
                .collect();
            let n = v.iter().map(|x| x.1).sum();
            (v, Some(("actions in progress", n)))
        }
        Denominator::Open => {
            let n_labels = a.scale.labels.len();
            let mut counts = vec![0usize; n_labels + 1];
            for r in a.actions.iter().filter(|r| !r.facts.closed) {
                let i = r
                    .rating
                    .as_deref()
                    .and_then(|id| a.scale.position(id))
                    .unwrap_or(n_labels);
                counts[i] += 1;
            }
            let mut v: Vec<(&str, usize)> = a
                .scale
                .labels
                .iter()
                .zip(&counts)
                .map(|(l, c)| (l.name.as_str(), *c))
                .collect();
            if counts[n_labels] > 0 {
                v.push((crate::rating::NOT_RATED_NAME, counts[n_labels]));
            }
            let n = counts.iter().sum();
            (v, Some(("open actions", n)))
        }
    };
    let total: usize = items.iter().map(|x| x.1).sum();
    if total == 0 {
        return None;
    }
    let counts: Vec<usize> = items.iter().map(|x| x.1).collect();
    // "Rated by" writes percents alone unless the format sets an order.
    let mut g = f.clone();
    g.order.get_or_insert(Order::Percent);
    // Each label with what it means, from the scale's own description: "green (on track)".
    let meaning = |name: &str| {
        a.scale
            .labels
            .iter()
            .find(|l| l.name == name)
            .and_then(|l| l.description.as_deref())
            .map(short_meaning)
            .filter(|m| !m.is_empty() && !m.eq_ignore_ascii_case(name))
            .map(|m| format!(" ({m})"))
            .unwrap_or_default()
    };
    let plain = of.is_none() && f.order.is_none();
    let parts: Vec<String> = items
        .iter()
        .zip(g.percents(&counts))
        .filter(|(x, _)| x.1 > 0)
        .enumerate()
        .map(|(i, (x, pc))| {
            // The plain sentence says what each label means; a published style is kept as
            // its format writes it.
            let words = match (plain, i) {
                (true, 0) => format!("of actions are {}{}", g.label(x.0), meaning(x.0)),
                (true, _) => format!("{}{}", g.label(x.0), meaning(x.0)),
                (false, _) => g.label(x.0),
            };
            g.item(x.1, total, &pc, &words)
        })
        .collect();
    Some(match of {
        // "By Date-driven RAG, 59% of actions are blue (complete) and 41% green (on track)."
        None if plain => format!("By {}, {}.", a.rules.name, g.join(&parts, true)),
        None => format!("Rated by {}: {}.", a.rules.name, g.join(&parts, true)),
        Some((what, n)) => format!(
            "Rated by {}, of the {n} {what}: {}.",
            a.rules.name,
            g.join(&parts, true)
        ),
    })
}

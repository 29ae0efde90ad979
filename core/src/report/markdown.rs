//! The Markdown report.

use super::escape::escape_markdown;
use super::{heading, label_name};
use crate::diff::PlanDiff;
use crate::model::Plan;
use crate::rating::Assessment;
use crate::stats::{long_date, Stats};
use std::fmt::Write;

/// A cell's text for Markdown: its inline formatting taken out
/// ([`plain_text`](crate::text::plain_text)), then escaped.
fn md(s: &str) -> String {
    escape_markdown(&crate::text::plain_text(s))
}

/// The Markdown report: summary, ratings, recommendations, overdue actions with reasons,
/// disagreements with the reported RAG, changes since the previous version (when `diff` is
/// given) and every action. Everything a user wrote is escaped.
///
/// ```
/// use actionplan::{Plan, rating::{assess, RuleSet}, stats::{stats, GroupBy}, report};
/// let plan = Plan::default();
/// let a = assess(&plan, &RuleSet::preset("date-rag").unwrap(), "2025-03-31".parse().unwrap()).unwrap();
/// let md = report::markdown(&plan, &a, &stats(&plan, &a, GroupBy::Recommendation), None);
/// assert!(md.starts_with("# Action plan"));
/// ```
pub fn markdown(plan: &Plan, a: &Assessment, s: &Stats, diff: Option<&PlanDiff>) -> String {
    let mut o = String::with_capacity(16 * 1024);
    let _ = writeln!(o, "# {}\n", md(&heading(plan)));
    let mut meta = vec![format!("Progress as at {}", long_date(a.as_of))];
    if let Some(p) = &plan.meta.period {
        meta.push(format!("reporting period {}", md(p)));
    }
    meta.push(format!("rated by {}", md(&a.rules.name)));
    let _ = writeln!(
        o,
        "{}. The plan has {}.\n",
        meta.join(", "),
        md(&crate::groups::plan_size(plan))
    );

    o.push_str("## Summary\n\n");
    for h in &s.headline {
        let _ = writeln!(o, "- {}", md(h));
    }
    if let Some(d) = diff {
        let _ = writeln!(o, "- {}", md(&d.headline));
    }

    o.push_str("\n## Ratings\n\n| Rating | Actions | Share | Meaning |\n|---|---:|---:|---|\n");
    for x in &s.plan.by_rating {
        let desc = a
            .scale
            .label(&x.key)
            .and_then(|l| l.description.as_deref())
            .unwrap_or(if x.key == crate::rating::NOT_RATED {
                super::NOT_RATED_MEANING
            } else {
                ""
            });
        let _ = writeln!(
            o,
            "| {} | {} | {}% | {} |",
            md(&x.label),
            x.count,
            x.percent,
            md(desc)
        );
    }
    o.push_str("\n| Status | Actions | Share |\n|---|---:|---:|\n");
    for x in &s.plan.by_status {
        let _ = writeln!(o, "| {} | {} | {}% |", md(&x.label), x.count, x.percent);
    }

    let names = crate::groups::names(plan);
    let _ = write!(
        o,
        "\n## {}\n\n| No. | {} | Actions | Ratings | Overall |\n|---|---|---:|---|---|\n",
        names.title_case(true),
        names.title_case(false)
    );
    for (ri, rec) in plan.recommendations.iter().enumerate() {
        let Some(g) = a.recommendations.get(ri) else {
            continue;
        };
        let words: Vec<String> = g
            .counts
            .iter()
            .filter(|c| c.count > 0)
            .map(|c| format!("{} {}", c.count, md(label_name(a, Some(&c.label)))))
            .chain((g.not_rated > 0).then(|| format!("{} not rated", g.not_rated)))
            .collect();
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | **{}**{} |",
            md(&rec.key),
            md(if rec.title.is_empty() {
                rec.theme.as_deref().unwrap_or("")
            } else {
                &rec.title
            }),
            g.actions,
            words.join(", "),
            md(label_name(a, g.rating.as_deref())),
            match super::group_note(a, g) {
                n if n.is_empty() => String::new(),
                n => format!(" ({})", md(&n)),
            }
        );
    }
    let _ = writeln!(
        o,
        "\n{} {}",
        md(&super::overall_sentence(a)),
        md(&super::rollup_sentence(plan, a))
    );

    let _ = writeln!(o, "\n## Past their deadline ({})\n", s.overdue.len());
    if s.overdue.is_empty() {
        o.push_str("No open action is past its deadline.\n");
    } else {
        o.push_str("| Ref | Action | Owner | Due | Rating | Reason |\n|---|---|---|---|---|---|\n");
        let reasons: std::collections::HashMap<(usize, usize), &str> = a
            .actions
            .iter()
            .map(|r| {
                (
                    (r.recommendation_index, r.action_index),
                    r.reason.text.as_str(),
                )
            })
            .collect();
        let mut listed = s.overdue.clone();
        crate::stats::OverdueAction::order(&mut listed);
        for x in &listed {
            let act = plan
                .recommendations
                .get(x.recommendation_index)
                .and_then(|r| r.actions.get(x.action_index));
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} | {} |",
                md(&x.action_ref),
                md(&x.description),
                md(act.and_then(|a| a.owner.as_deref()).unwrap_or("")),
                md(act
                    .and_then(|a| a.timeframe.as_ref())
                    .map_or("", |t| t.text.as_str())),
                md(label_name(a, x.rating.as_deref())),
                md(reasons
                    .get(&(x.recommendation_index, x.action_index))
                    .copied()
                    .unwrap_or(""))
            );
        }
    }

    if !a.findings.is_empty() {
        let _ = writeln!(
            o,
            "\n## Where the plan's own RAG differs from this report's rating ({})\n\nThe RAG the plan reports for each action, next to the rating this report gives it by {}.\n\n| Ref | The plan says | This report | Difference |\n|---|---|---|---|",
            a.findings.len(),
            md(&a.rules.name)
        );
        for f in &a.findings {
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} |",
                md(&f.action_ref),
                md(&f.reported),
                md(label_name(a, Some(&f.derived))),
                steps_words(f.steps)
            );
        }
    }

    if let Some(d) = diff {
        let _ = writeln!(
            o,
            "\n## Changes since the previous version\n\n{}\n",
            md(&d.headline)
        );
        let section = |o: &mut String, title: &str, rows: Vec<String>| {
            if rows.is_empty() {
                return;
            }
            let _ = writeln!(o, "### {title} ({})\n", rows.len());
            for r in rows {
                let _ = writeln!(o, "- {r}");
            }
            o.push('\n');
        };
        let opt = |v: &Option<String>| md(v.as_deref().unwrap_or("(blank)"));
        section(
            &mut o,
            "Completed",
            d.completed
                .iter()
                .map(|b| format!("{}: {}", md(&b.action_ref), md(&b.description)))
                .collect(),
        );
        section(
            &mut o,
            "This report's rating changed",
            d.rerated_derived
                .iter()
                .map(|c| format!("{}: {} → {}", md(&c.action_ref), opt(&c.from), opt(&c.to)))
                .collect(),
        );
        section(
            &mut o,
            "The plan's own RAG changed",
            d.rerated
                .iter()
                .map(|c| format!("{}: {} → {}", md(&c.action_ref), opt(&c.from), opt(&c.to)))
                .collect(),
        );
        section(
            &mut o,
            "Status changed",
            d.status_changed
                .iter()
                .map(|c| format!("{}: {} → {}", md(&c.action_ref), opt(&c.from), opt(&c.to)))
                .collect(),
        );
        section(
            &mut o,
            "Deadlines moved",
            d.deadlines_moved
                .iter()
                .map(|m| {
                    format!(
                        "{}: {} → {}{}",
                        md(&m.action_ref),
                        md(&m.from_text),
                        md(&m.to_text),
                        m.days
                            .map(|n| format!(
                                " ({} days {})",
                                n.abs(),
                                if n >= 0 { "later" } else { "earlier" }
                            ))
                            .unwrap_or_default()
                    )
                })
                .collect(),
        );
        section(
            &mut o,
            "Added",
            d.added
                .iter()
                .map(|b| format!("{}: {}", md(&b.action_ref), md(&b.description)))
                .collect(),
        );
        section(
            &mut o,
            "Removed",
            d.removed
                .iter()
                .map(|b| format!("{}: {}", md(&b.action_ref), md(&b.description)))
                .collect(),
        );
        section(
            &mut o,
            "Comments not updated",
            d.comments_not_updated
                .iter()
                .map(|c| {
                    format!(
                        "{}: {}",
                        md(&c.action_ref),
                        c.comment.as_deref().map_or("(no comment)".into(), md)
                    )
                })
                .collect(),
        );
    }

    if let Some(m) = &s.measures {
        super::measures::markdown(&mut o, plan, m);
    }

    let _ = writeln!(
        o,
        "\n## All actions ({})\n\n| Ref | Action | Owner | Due | Status | Plan's RAG | Rating | Reason |\n|---|---|---|---|---|---|---|---|",
        a.actions.len()
    );
    for r in &a.actions {
        let Some(act) = plan
            .recommendations
            .get(r.recommendation_index)
            .and_then(|rec| rec.actions.get(r.action_index))
        else {
            continue;
        };
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            md(&act.action_ref),
            md(&act.description),
            md(act.owner.as_deref().unwrap_or("")),
            md(act.timeframe.as_ref().map_or("", |t| t.text.as_str())),
            md(act.status.as_ref().map_or("", |s| s.label())),
            md(act.rag.as_deref().unwrap_or("")),
            md(label_name(a, r.rating.as_deref())),
            md(&r.reason.text)
        );
    }
    let _ = writeln!(
        o,
        "\nShares are whole percentages rounded by the largest-remainder method, so each list adds up to 100%. {}",
        md(&super::rollup_sentence(plan, a))
    );
    o
}

/// "1 step more positive", "2 steps less positive".
fn steps_words(steps: i64) -> String {
    let n = steps.unsigned_abs();
    format!(
        "{n} step{} {} positive",
        if n == 1 { "" } else { "s" },
        if steps > 0 { "more" } else { "less" }
    )
}

//! The self-contained HTML report.

use super::escape::{escape_html as esc, markup_html};
use super::svg::{bar, donut, Segment};
use super::{colour, heading, ink, label_name, status_colour};
use crate::diff::PlanDiff;
use crate::model::Plan;
use crate::rating::NOT_RATED_NAME;
use crate::rating::{Assessment, RatedAction};
use crate::stats::{long_date, Stats};
use crate::text::plain_line;
use std::fmt::Write;

pub(super) const CSS: &str = r#"
:root{--ink:#1b1b1b;--muted:#505a5f;--rule:#b1b4b6;--soft:#f3f2f1;--link:#1d70b8}
*{box-sizing:border-box}
body{margin:0;font:16px/1.45 "Segoe UI",Arial,Helvetica,sans-serif;color:var(--ink);background:#fff}
main{max-width:1100px;margin:0 auto;padding:24px 28px 48px}
header.top{border-bottom:6px solid #1f4e9c;padding-bottom:12px;margin-bottom:20px}
header.top .org{font-size:15px;color:var(--muted);margin:0 0 4px}
h1{font-size:30px;line-height:1.15;margin:0 0 6px}
h2{font-size:22px;margin:34px 0 10px;padding-top:8px;border-top:1px solid var(--rule)}
h3{font-size:17px;margin:18px 0 8px}
.meta{color:var(--muted);font-size:14px;margin:0}
.headline{font-size:18px;margin:0 0 8px;padding:0;list-style:none}
.headline li{margin:0 0 6px;padding-left:14px;border-left:4px solid #1f4e9c}
.tiles{display:flex;flex-wrap:wrap;gap:12px;margin:20px 0 4px}
.tile{flex:1 1 150px;background:var(--soft);padding:12px 14px;border-top:4px solid var(--rule)}
.tile .n{display:block;font-size:32px;font-weight:700;line-height:1.1}
.tile .t{font-size:14px;color:var(--muted)}
.tile.alert{border-top-color:#c62828}
.charts{display:flex;flex-wrap:wrap;gap:28px;align-items:flex-start}
.chart{flex:1 1 320px}
.chart-row{display:flex;gap:18px;align-items:center}
.donut-n{font-size:8px;font-weight:700;fill:#1b1b1b}
.donut-s{font-size:3.2px;fill:#505a5f}
.bar-n{font-size:11px;font-weight:700}
table{border-collapse:collapse;width:100%;font-size:14px;margin:6px 0 10px}
caption{text-align:left;font-weight:700;padding:4px 0 6px;font-size:15px}
th,td{text-align:left;vertical-align:top;padding:7px 8px;border-bottom:1px solid var(--rule)}
td.text{overflow-wrap:anywhere}
td.who{overflow-wrap:break-word;min-width:8em}
td.date,td.status{white-space:nowrap}
td.rating{min-width:10.5em}
th.group{font-weight:700;background:#e8eef7}
td.key{white-space:nowrap}
th{background:var(--soft);font-weight:700;border-bottom:2px solid var(--ink)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.ref{white-space:nowrap;font-weight:600}
.legend td{border:none;padding:3px 8px 3px 0}
.badge{display:inline-block;min-width:4.5em;padding:2px 8px;border-radius:3px;font-weight:700;font-size:13px;text-align:center;border:1px solid rgba(0,0,0,.35);white-space:nowrap}
.badge.none{background:#fff;color:#505a5f;border-style:dashed}
.reason{color:var(--muted);font-size:13px;display:block;margin-top:2px}
.muted{color:var(--muted)}
.note{font-size:14px;color:var(--muted)}
details>summary{cursor:pointer;font-weight:700;margin:8px 0}
footer{margin-top:36px;padding-top:12px;border-top:1px solid var(--rule);font-size:13px;color:var(--muted)}
.sev-error{font-weight:700;color:#8e0000}
.pill{font-size:12px;color:var(--muted);display:block}
.sbar{display:flex;width:100%;height:30px;margin:4px 0 8px;background:#eeeeee}
.sbar span{display:flex;align-items:center;justify-content:center;min-width:0;overflow:hidden;font-size:11px;font-weight:700;border-right:1px solid #fff}
@media print{main{max-width:none;padding:0}h2{break-after:avoid}tr{break-inside:avoid}details{display:block}details>summary{display:none}.tile{border:1px solid var(--rule)}}
"#;

fn badge(a: &Assessment, id: Option<&str>) -> String {
    match id {
        None => format!(r#"<span class="badge none">{NOT_RATED_NAME}</span>"#),
        Some(_) => {
            let bg = colour(a, id);
            format!(
                r#"<span class="badge" style="background:{bg};color:{}">{}</span>"#,
                ink(bg),
                esc(label_name(a, id))
            )
        }
    }
}

/// A cell's text as HTML: its inline formatting (b, i, u, em, strong, br) shown, everything
/// else escaped, line breaks kept.
fn multiline(s: &str) -> String {
    markup_html(s.trim())
}

/// The HTML report: one page, no scripts, no network. `diff` adds "changes since the previous
/// version".
///
/// ```
/// use actionplan::{Plan, rating::{assess, RuleSet}, stats::{stats, GroupBy}, report};
/// let plan = Plan::default();
/// let a = assess(&plan, &RuleSet::preset("date-rag").unwrap(), "2025-03-31".parse().unwrap()).unwrap();
/// let html = report::html(&plan, &a, &stats(&plan, &a, GroupBy::Recommendation), None);
/// assert!(html.starts_with("<!DOCTYPE html>"));
/// assert!(html.contains("Content-Security-Policy"));
/// ```
pub fn html(plan: &Plan, a: &Assessment, s: &Stats, diff: Option<&PlanDiff>) -> String {
    let mut o = String::with_capacity(64 * 1024);
    let title = heading(plan);
    let mut by_rec: Vec<Vec<&RatedAction>> = vec![Vec::new(); plan.recommendations.len()];
    for r in &a.actions {
        if let Some(v) = by_rec.get_mut(r.recommendation_index) {
            v.push(r);
        }
    }
    let by_ref: std::collections::HashMap<&str, &RatedAction> =
        a.actions.iter().map(|r| (&*r.action_ref, r)).collect();
    let _ = write!(
        o,
        r#"<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>{} — progress as at {}</title>
<style>{CSS}</style>
</head>
<body>
<main>
"#,
        esc(&plain_line(&title)),
        long_date(a.as_of)
    );
    // Header.
    o.push_str(r#"<header class="top">"#);
    if let (Some(org), Some(t)) = (&plan.meta.organisation, &plan.meta.title) {
        if !t.contains(org.as_str()) {
            let _ = write!(o, r#"<p class="org">{}</p>"#, multiline(org));
        }
    }
    let _ = write!(
        o,
        "<h1>{}</h1>",
        multiline(plan.meta.title.as_deref().unwrap_or(&title))
    );
    let mut meta = vec![format!("Progress as at {}", long_date(a.as_of))];
    if let Some(p) = &plan.meta.period {
        meta.push(format!("reporting period {}", esc(p)));
    }
    meta.push(format!("rated by {}", esc(&a.rules.name)));
    meta.push(esc(&crate::groups::plan_size(plan)).into_owned());
    let _ = write!(o, r#"<p class="meta">{}</p></header>"#, meta.join(" · "));

    // Headline.
    o.push_str(r#"<section aria-labelledby="h-summary"><h2 id="h-summary" style="border-top:none;margin-top:0">Summary</h2><ul class="headline">"#);
    for h in &s.headline {
        let _ = write!(o, "<li>{}</li>", esc(h));
    }
    if let Some(d) = diff {
        let _ = write!(o, "<li>{}</li>", esc(&d.headline));
    }
    o.push_str("</ul>");
    // The same count and share as the status table (largest remainder), so the page agrees
    // with itself.
    let (complete, complete_pc) = s
        .plan
        .by_status
        .iter()
        .find(|x| x.key == "complete")
        .map_or((0, 0), |x| (x.count, x.percent));
    let disagree = a.findings.iter().filter(|f| f.steps > 0).count();
    o.push_str(r#"<div class="tiles">"#);
    let tiles = [
        (s.plan.actions.to_string(), "actions".to_string(), false),
        (
            complete.to_string(),
            format!("complete ({complete_pc}%)"),
            false,
        ),
        (
            s.plan.overdue_definitely.to_string(),
            format!(
                "past their deadline{}",
                if s.plan.overdue_possibly > 0 {
                    format!(" (+{} possibly)", s.plan.overdue_possibly)
                } else {
                    String::new()
                }
            ),
            s.plan.overdue_definitely > 0,
        ),
        (
            s.plan.due_within.days_90.to_string(),
            "due in the next 90 days".to_string(),
            false,
        ),
        (
            disagree.to_string(),
            "where the plan's own RAG is more positive than this report's".to_string(),
            disagree > 0,
        ),
    ];
    for (n, t, alert) in tiles {
        let _ = write!(
            o,
            r#"<div class="tile{}"><span class="n">{n}</span><span class="t">{t}</span></div>"#,
            if alert { " alert" } else { "" }
        );
    }
    o.push_str("</div></section>");

    // Charts.
    o.push_str(r#"<section aria-labelledby="h-ratings"><h2 id="h-ratings">Ratings and status</h2><div class="charts">"#);
    let rating_segments: Vec<Segment> = s
        .plan
        .by_rating
        .iter()
        .map(|x| Segment {
            label: &x.label,
            count: x.count,
            percent: x.percent,
            colour: if x.key == "not_rated" {
                "#ffffff"
            } else {
                colour(a, Some(&x.key))
            },
        })
        .collect();
    let _ = write!(
        o,
        r#"<div class="chart"><h3>Ratings ({})</h3><div class="chart-row">{}"#,
        esc(&a.rules.name),
        donut(
            "Ratings",
            &rating_segments,
            &s.plan.actions.to_string(),
            "actions"
        )
    );
    o.push_str(
        r#"<table class="legend"><caption class="muted">Actions by rating</caption><tbody>"#,
    );
    for x in &s.plan.by_rating {
        let id = if x.key == "not_rated" {
            None
        } else {
            Some(x.key.as_str())
        };
        let desc = match id {
            None => super::NOT_RATED_MEANING,
            Some(id) => a
                .scale
                .label(id)
                .and_then(|l| l.description.as_deref())
                .unwrap_or(""),
        };
        let _ = write!(
            o,
            r#"<tr><td>{}</td><td class="num">{}</td><td class="num">{}%</td><td class="muted">{}</td></tr>"#,
            badge(a, id),
            x.count,
            x.percent,
            esc(desc)
        );
    }
    o.push_str("</tbody></table></div></div>");
    let status_segments: Vec<Segment> = s
        .plan
        .by_status
        .iter()
        .map(|x| Segment {
            label: &x.label,
            count: x.count,
            percent: x.percent,
            colour: status_colour(&x.key),
        })
        .collect();
    let _ = write!(
        o,
        r#"<div class="chart"><h3>Delivery status</h3>{}<table class="legend"><caption class="muted">Actions by status</caption><tbody>"#,
        super::svg::full_width_bar("Delivery status", &status_segments)
    );
    for x in &s.plan.by_status {
        let _ = write!(
            o,
            r##"<tr><td><svg width="12" height="12" aria-hidden="true"><rect width="12" height="12" fill="{}" stroke="#505a5f"/></svg> {}</td><td class="num">{}</td><td class="num">{}%</td></tr>"##,
            status_colour(&x.key),
            esc(&x.label),
            x.count,
            x.percent
        );
    }
    let sch = s.plan.schedule;
    let _ = write!(
        o,
        r#"</tbody></table><p class="note">Schedule: {} of {} actions due by {} are complete{}.</p></div></div></section>"#,
        sch.done,
        sch.due_by_now,
        long_date(a.as_of),
        sch.percent_done
            .map(|p| format!(" ({p}%)"))
            .unwrap_or_default()
    );

    // Recommendations (or what the plan calls its groups).
    let names = crate::groups::names(plan);
    let _ = write!(
        o,
        r#"<section aria-labelledby="h-recs"><h2 id="h-recs">{}</h2><table><thead><tr><th scope="col">No.</th><th scope="col">{}</th>"#,
        names.title_case(true),
        names.title_case(false)
    );
    o.push_str(r#"<th scope="col" class="num">Actions</th><th scope="col" class="num">Complete</th><th scope="col" class="num">Past deadline</th><th scope="col">Ratings</th><th scope="col">Overall</th></tr></thead><tbody>"#);
    for (ri, rec) in plan.recommendations.iter().enumerate() {
        let Some(g) = a.recommendations.get(ri) else {
            continue;
        };
        let acts = &by_rec[ri];
        let done = acts
            .iter()
            .filter(|r| r.facts.status == crate::rating::StatusFact::Complete)
            .count();
        let late = acts
            .iter()
            .filter(|r| !r.facts.closed && r.facts.overdue == crate::rating::Overdue::Definitely)
            .count();
        let counts: Vec<usize> = g.counts.iter().map(|c| c.count).collect();
        let pct = crate::stats::percentages(&counts);
        let segs: Vec<Segment> = g
            .counts
            .iter()
            .zip(&pct)
            .map(|(c, p)| Segment {
                label: label_name(a, Some(&c.label)),
                count: c.count,
                percent: *p,
                colour: colour(a, Some(&c.label)),
            })
            .collect();
        let words: Vec<String> = g
            .counts
            .iter()
            .filter(|c| c.count > 0)
            .map(|c| format!("{} {}", c.count, esc(label_name(a, Some(&c.label)))))
            .collect();
        let theme = rec
            .theme
            .as_deref()
            .map(|t| format!(r#"<span class="reason">{}</span>"#, multiline(t)))
            .unwrap_or_default();
        let _ = write!(
            o,
            r#"<tr><td class="ref">{}</td><td class="text">{}{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td>{}<span class="pill">{}{}</span></td><td>{}<span class="reason">{}</span></td></tr>"#,
            esc(&plain_line(&rec.key)),
            multiline(&rec.title),
            theme,
            g.actions,
            done,
            late,
            bar("Ratings", &segs, 120, 12, false),
            words.join(", "),
            if g.not_rated > 0 {
                format!(
                    "{}{} not rated",
                    if words.is_empty() { "" } else { ", " },
                    g.not_rated
                )
            } else {
                String::new()
            },
            badge(a, g.rating.as_deref()),
            esc(&super::group_note(a, g))
        );
    }
    let _ = write!(
        o,
        r#"</tbody></table><p class="note">{} {}</p></section>"#,
        esc(&super::overall_sentence(a)),
        esc(&super::rollup_sentence(plan, a))
    );

    // Overdue.
    let _ = write!(
        o,
        r#"<section aria-labelledby="h-overdue"><h2 id="h-overdue">Past their deadline ({})</h2>"#,
        s.overdue.len()
    );
    if s.overdue.is_empty() {
        o.push_str("<p>No open action is past its deadline.</p>");
    } else {
        o.push_str(r#"<table><thead><tr><th scope="col">Ref</th><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col" class="num">Days past deadline</th><th scope="col">Rating and reason</th></tr></thead><tbody>"#);
        let mut listed = s.overdue.clone();
        crate::stats::OverdueAction::order(&mut listed);
        for x in &listed {
            let act = plan
                .recommendations
                .get(x.recommendation_index)
                .and_then(|r| r.actions.get(x.action_index));
            let reason = by_rec
                .get(x.recommendation_index)
                .and_then(|v| v.iter().find(|r| r.action_index == x.action_index))
                .map_or("", |r| r.reason.text.as_str());
            let strength = match x.overdue {
                crate::rating::Overdue::Definitely => x.days_overdue.unwrap_or(0).to_string(),
                _ => "possibly".to_string(),
            };
            let _ = write!(
                o,
                r#"<tr><td class="ref">{}</td><td class="text">{}</td><td class="who">{}</td><td class="date">{}</td><td class="num">{}</td><td class="rating">{}<span class="reason">{}</span></td></tr>"#,
                esc(&x.action_ref),
                multiline(&x.description),
                multiline(act.and_then(|a| a.owner.as_deref()).unwrap_or("")),
                multiline(
                    act.and_then(|a| a.timeframe.as_ref())
                        .map_or("", |t| t.text.as_str())
                ),
                strength,
                badge(a, x.rating.as_deref()),
                esc(reason)
            );
        }
        o.push_str("</tbody></table>");
    }
    o.push_str("</section>");

    // Findings.
    if !a.findings.is_empty() {
        let _ = write!(
            o,
            r#"<section aria-labelledby="h-findings"><h2 id="h-findings">Where the plan's own RAG differs from this report's rating ({})</h2><p class="note">The RAG the plan reports for each action, next to the rating this report gives it by {}. “More positive” means the plan reports a better rating than the dates and status support.</p><table><thead><tr><th scope="col">Ref</th><th scope="col">The plan says</th><th scope="col">This report</th><th scope="col">Why</th></tr></thead><tbody>"#,
            a.findings.len(),
            esc(&a.rules.name)
        );
        for f in &a.findings {
            let why = by_ref
                .get(&*f.action_ref)
                .map_or("", |r| r.reason.text.as_str());
            let _ = write!(
                o,
                r#"<tr><td class="ref">{}</td><td>{} <span class="pill">“{}”</span></td><td>{}</td><td>{}{}</td></tr>"#,
                esc(&f.action_ref),
                badge(a, Some(&f.reported_label)),
                esc(&f.reported),
                badge(a, Some(&f.derived)),
                if f.steps > 0 {
                    format!(
                        r#"<span class="{}">More positive by {} step{}. </span>"#,
                        if f.severity == crate::Severity::Error {
                            "sev-error"
                        } else {
                            ""
                        },
                        f.steps,
                        if f.steps == 1 { "" } else { "s" }
                    )
                } else {
                    format!(
                        "Less positive by {} step{}. ",
                        -f.steps,
                        if f.steps == -1 { "" } else { "s" }
                    )
                },
                esc(why)
            );
        }
        o.push_str("</tbody></table></section>");
    }

    // Changes.
    if let Some(d) = diff {
        changes(&mut o, d);
    }

    if let Some(m) = &s.measures {
        super::measures::html(&mut o, plan, m);
    }

    // All actions.
    let _ = write!(
        o,
        r#"<section aria-labelledby="h-all"><h2 id="h-all">All actions ({})</h2><details open><summary>Show or hide the full list</summary><table><thead><tr><th scope="col">Ref</th><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col">Status</th><th scope="col">Plan's RAG</th><th scope="col">Rating and reason</th></tr></thead><tbody>"#,
        a.actions.len()
    );
    for (ri, rec) in plan.recommendations.iter().enumerate() {
        let _ = write!(
            o,
            r#"<tr><th scope="rowgroup" colspan="7" class="group">{} {}</th></tr>"#,
            esc(&plain_line(&rec.key)),
            multiline(&rec.title)
        );
        for (ai, act) in rec.actions.iter().enumerate() {
            let Some(r) = by_rec[ri].iter().find(|r| r.action_index == ai) else {
                continue;
            };
            let _ = write!(
                o,
                r#"<tr><td class="ref">{}</td><td class="text">{}</td><td class="who">{}</td><td class="date">{}</td><td class="status">{}</td><td class="who">{}</td><td class="rating">{}<span class="reason">{}</span></td></tr>"#,
                esc(&act.action_ref),
                multiline(&act.description),
                multiline(act.owner.as_deref().unwrap_or("")),
                multiline(act.timeframe.as_ref().map_or("", |t| t.text.as_str())),
                esc(act.status.as_ref().map_or("", |s| s.label())),
                multiline(act.rag.as_deref().unwrap_or("")),
                badge(a, r.rating.as_deref()),
                esc(&r.reason.text)
            );
        }
    }
    o.push_str("</tbody></table></details></section>");

    // Method.
    let _ = write!(
        o,
        r#"<footer><p><strong>How this was worked out.</strong> Rated by “{}” as at {}. {} Shares are rounded to whole percentages by the largest-remainder method, so each list adds up to 100%. An action is “possibly” past its deadline when its deadline could be one of several days (“June or July 2025”) and the first of them has passed; a period such as “Summer 2025” is due at its end.</p><p>Produced by actionplan {} from the plan's own data; nothing in this page was loaded from elsewhere.</p></footer>"#,
        esc(&a.rules.name),
        long_date(a.as_of),
        esc(&super::rollup_sentence(plan, a)),
        env!("CARGO_PKG_VERSION")
    );
    o.push_str("</main>\n</body>\n</html>\n");
    o
}

fn changes(o: &mut String, d: &PlanDiff) {
    let _ = write!(
        o,
        r#"<section aria-labelledby="h-changes"><h2 id="h-changes">Changes since the previous version</h2><p>{}</p>"#,
        esc(&d.headline)
    );
    let list = |o: &mut String, title: &str, rows: Vec<[String; 3]>, heads: [&str; 3]| {
        if rows.is_empty() {
            return;
        }
        let _ = write!(
            o,
            r#"<table><caption>{} ({})</caption><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>"#,
            esc(title),
            rows.len(),
            heads[0],
            heads[1],
            heads[2]
        );
        for r in rows {
            let _ = write!(
                o,
                r#"<tr><td class="ref">{}</td><td class="text">{}</td><td class="key">{}</td></tr>"#,
                r[0], r[1], r[2]
            );
        }
        o.push_str("</tbody></table>");
    };
    let opt = |v: &Option<String>| esc(v.as_deref().unwrap_or("(blank)")).into_owned();
    list(
        o,
        "Completed",
        d.completed
            .iter()
            .map(|b| {
                [
                    esc(&b.action_ref).into(),
                    multiline(&b.description),
                    multiline(&b.recommendation),
                ]
            })
            .collect(),
        ["Ref", "Action", "Recommendation"],
    );
    list(
        o,
        "This report's rating changed",
        d.rerated_derived
            .iter()
            .map(|c| [esc(&c.action_ref).into(), opt(&c.from), opt(&c.to)])
            .collect(),
        ["Ref", "From", "To"],
    );
    list(
        o,
        "The plan's own RAG changed",
        d.rerated
            .iter()
            .map(|c| [esc(&c.action_ref).into(), opt(&c.from), opt(&c.to)])
            .collect(),
        ["Ref", "From", "To"],
    );
    list(
        o,
        "Status changed",
        d.status_changed
            .iter()
            .map(|c| [esc(&c.action_ref).into(), opt(&c.from), opt(&c.to)])
            .collect(),
        ["Ref", "From", "To"],
    );
    list(
        o,
        "Deadlines moved",
        d.deadlines_moved
            .iter()
            .map(|m| {
                [
                    esc(&m.action_ref).into(),
                    format!("{} → {}", esc(&m.from_text), esc(&m.to_text)),
                    m.days
                        .map(|n| {
                            format!(
                                "{} days {}",
                                n.abs(),
                                if n >= 0 { "later" } else { "earlier" }
                            )
                        })
                        .unwrap_or_else(|| "—".into()),
                ]
            })
            .collect(),
        ["Ref", "Timeframe", "Moved"],
    );
    list(
        o,
        "Added",
        d.added
            .iter()
            .map(|b| {
                [
                    esc(&b.action_ref).into(),
                    multiline(&b.description),
                    multiline(&b.recommendation),
                ]
            })
            .collect(),
        ["Ref", "Action", "Recommendation"],
    );
    list(
        o,
        "Removed",
        d.removed
            .iter()
            .map(|b| {
                [
                    esc(&b.action_ref).into(),
                    multiline(&b.description),
                    multiline(&b.recommendation),
                ]
            })
            .collect(),
        ["Ref", "Action", "Recommendation"],
    );
    list(
        o,
        "Comments not updated",
        d.comments_not_updated
            .iter()
            .map(|c| {
                [
                    esc(&c.action_ref).into(),
                    c.comment
                        .as_deref()
                        .map(multiline)
                        .unwrap_or_else(|| "(no comment)".into()),
                    multiline(&c.recommendation),
                ]
            })
            .collect(),
        ["Ref", "Comment (unchanged)", "Recommendation"],
    );
    o.push_str("</section>");
}

//! A plan's history as people read it: plain text for the terminal, Markdown, and a
//! self-contained HTML page with a timeline (one row per action, a mark per version coloured by
//! its rating, each mark also in words, so the timeline is a table a screen reader can read).

use super::escape::{escape_html as esc, escape_markdown as md, markup_html};
use crate::fmt::{long_date, plural};
use crate::history::{ActionHistory, History, Snapshot};
use crate::text::plain_line;
use std::fmt::Write;

fn version_name(h: &History, v: usize) -> String {
    h.labels
        .get(v)
        .cloned()
        .unwrap_or_else(|| format!("Version {}", v + 1))
}

/// "Q3 (rated as of 31 December 2024)" for the list of versions.
fn version_line(h: &History, v: usize) -> String {
    match h.rated_as_of.get(v).copied().flatten() {
        Some(d) => format!("{} (rated as of {})", version_name(h, v), long_date(d)),
        None => version_name(h, v),
    }
}

fn mark(s: &Snapshot) -> String {
    let mut parts = Vec::new();
    if s.rating.is_some() || s.reported.is_some() {
        parts.push(mark_rating(s));
    }
    if let Some(st) = &s.status {
        parts.push(st.clone());
    }
    if !s.due_text.is_empty() {
        parts.push(format!("due {}", s.due_text));
    }
    parts.join(", ")
}

/// The rating words of a mark (with the reported RAG when it differs).
fn mark_rating(s: &Snapshot) -> String {
    match (s.rating.as_deref(), s.reported.as_deref()) {
        (Some(r), Some(p)) if !r.eq_ignore_ascii_case(p) => format!("{r} (reported {p})"),
        (Some(r), _) => r.to_string(),
        (None, Some(p)) => format!("reported {p}"),
        (None, None) => "Not rated".into(),
    }
}

fn revision_line(h: &History, a: &ActionHistory, out: &mut String) {
    for r in &a.revisions {
        let days = r
            .days
            .map(|d| match d {
                d if d > 0 => format!(", {} later", plural(d as usize, "day", "days")),
                d if d < 0 => format!(
                    ", {} earlier",
                    plural(d.unsigned_abs() as usize, "day", "days")
                ),
                _ => String::new(),
            })
            .unwrap_or_default();
        let why = match &r.reason {
            Some(c) => format!("; the comment says: \"{}\"", plain_line(c)),
            None => "; no reason given".into(),
        };
        let _ = writeln!(
            out,
            "    deadline moved in {} from {} to {}{days}{why}",
            version_name(h, r.version),
            or_none(&r.from_text),
            or_none(&r.to_text),
        );
    }
}

fn or_none(t: &str) -> &str {
    if t.is_empty() {
        "no deadline"
    } else {
        t
    }
}

/// The history as plain text, for the terminal.
///
/// ```
/// use actionplan::history::{history, HistoryOptions};
/// let p = actionplan::Plan::default();
/// let h = history(&[&p], None, &HistoryOptions::default()).unwrap();
/// assert!(actionplan::report::history_text(&h).starts_with("1 version, no actions."));
/// ```
pub fn history_text(h: &History) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "{}", h.headline);
    let names: Vec<String> = (0..h.versions.len()).map(|v| version_name(h, v)).collect();
    if !names.is_empty() {
        let lines: Vec<String> = (0..names.len()).map(|v| version_line(h, v)).collect();
        let _ = writeln!(o, "Versions: {}", lines.join(", "));
    }
    for a in &h.actions {
        let _ = writeln!(o, "\n{} {}", a.action_ref, plain_line(&a.description));
        for (v, s) in a.versions.iter().enumerate() {
            let _ = match s {
                Some(s) => writeln!(o, "  {}: {}", names[v], mark(s)),
                None => writeln!(o, "  {}: not in this version", names[v]),
            };
        }
        revision_line(h, a, &mut o);
        if let Some(v) = a.completed_in {
            let _ = writeln!(o, "    complete from {}", names[v]);
        }
        for l in a.links.iter().filter(|l| l.confidence < 1.0) {
            let _ = writeln!(
                o,
                "    matched in {} by its description ({}% sure)",
                names[l.version],
                (l.confidence * 100.0).round()
            );
        }
    }
    if !h.findings.is_empty() {
        let _ = writeln!(o, "\nTo look at:");
        for f in &h.findings {
            let _ = writeln!(
                o,
                "  {} ({}): {} {}",
                f.action_ref, names[f.version], f.message, f.evidence
            );
        }
    }
    o
}

/// The history as Markdown.
///
/// ```
/// use actionplan::history::{history, HistoryOptions};
/// let p = actionplan::Plan::default();
/// let h = history(&[&p, &p], None, &HistoryOptions::default()).unwrap();
/// assert!(actionplan::report::history_markdown(&h).starts_with("# History of the plan"));
/// ```
pub fn history_markdown(h: &History) -> String {
    let mut o = String::from("# History of the plan\n\n");
    let _ = writeln!(o, "{}\n", md(&h.headline));
    for v in 0..h.versions.len() {
        let _ = writeln!(o, "- {}", md(&version_line(h, v)));
    }
    o.push('\n');
    let names: Vec<String> = (0..h.versions.len()).map(|v| version_name(h, v)).collect();
    if !h.actions.is_empty() {
        let _ = write!(o, "| Ref | Action |");
        for n in &names {
            let _ = write!(o, " {} |", md(n));
        }
        let _ = write!(o, " Deadline moves |\n|---|---|");
        for _ in &names {
            o.push_str("---|");
        }
        o.push_str("---:|\n");
        for a in &h.actions {
            let _ = write!(
                o,
                "| {} | {} |",
                md(&a.action_ref),
                md(&plain_line(&a.description))
            );
            for s in &a.versions {
                let _ = match s {
                    Some(s) => write!(o, " {} |", md(&mark(s))),
                    None => write!(o, " — |"),
                };
            }
            let _ = writeln!(o, " {} |", a.revisions.len());
        }
    }
    if !h.findings.is_empty() {
        o.push_str("\n## To look at\n\n");
        for f in &h.findings {
            let _ = writeln!(
                o,
                "- **{}** ({}): {} {}",
                md(&f.action_ref),
                md(&names[f.version]),
                md(&f.message),
                md(&f.evidence)
            );
        }
    }
    o
}

/// The history as a self-contained HTML page: the headline, a timeline table (a row per
/// action, a coloured mark per version, the mark's words beside it) and the findings.
///
/// ```
/// use actionplan::history::{history, HistoryOptions};
/// let p = actionplan::Plan::default();
/// let h = history(&[&p, &p], None, &HistoryOptions::default()).unwrap();
/// let page = actionplan::report::history_html(&h);
/// assert!(page.contains("2 versions, no actions."));
/// assert!(!page.contains("<table"), "no actions: no timeline");
/// ```
pub fn history_html(h: &History) -> String {
    let mut o = String::with_capacity(16 * 1024);
    let _ = write!(
        o,
        r#"<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>History of the plan</title>
<style>{}
.tl td.v{{white-space:nowrap;font-size:13px}}
.dot{{display:inline-block;width:14px;height:14px;border-radius:50%;border:1px solid rgba(0,0,0,.45);vertical-align:-2px;margin-right:6px}}
.dot.none{{background:#fff;border-style:dashed}}
.moved{{font-weight:700}}
</style>
</head>
<body>
<main>
<header class="top"><h1>History of the plan</h1><p class="meta">{}</p></header>
"#,
        super::html::CSS,
        esc(&h.headline)
    );
    o.push_str("<ul class=\"note\">");
    for v in 0..h.versions.len() {
        let _ = write!(o, "<li>{}</li>", esc(&version_line(h, v)));
    }
    o.push_str("</ul>");
    let names: Vec<String> = (0..h.versions.len()).map(|v| version_name(h, v)).collect();
    if !h.actions.is_empty() {
        o.push_str(r#"<h2 id="timeline">Timeline</h2><p class="note">One row per action; each version shows its rating (colour and words), status and deadline. A deadline in bold moved in that version.</p><table class="tl"><caption>Every action in every version</caption><thead><tr><th scope="col">Ref</th><th scope="col">Action</th>"#);
        for n in &names {
            let _ = write!(o, r#"<th scope="col">{}</th>"#, esc(n));
        }
        o.push_str(r#"<th scope="col" class="num">Deadline moves</th></tr></thead><tbody>"#);
        for a in &h.actions {
            let _ = write!(
                o,
                r#"<tr><td class="ref">{}</td><td class="text">{}</td>"#,
                esc(&a.action_ref),
                markup_html(&a.description)
            );
            for (v, s) in a.versions.iter().enumerate() {
                match s {
                    None => o.push_str(r#"<td class="v muted">not in this version</td>"#),
                    Some(s) => {
                        let moved = a.revisions.iter().any(|r| r.version == v);
                        let dot = match &s.colour {
                            Some(c) => format!(
                                r#"<span class="dot" style="background:{}" aria-hidden="true"></span>"#,
                                esc(c)
                            ),
                            None => r#"<span class="dot none" aria-hidden="true"></span>"#.into(),
                        };
                        let words = mark_rating(s);
                        let _ = write!(o, r#"<td class="v">{dot}{}"#, esc(&words));
                        if let Some(st) = &s.status {
                            let _ = write!(o, "<br>{}", esc(st));
                        }
                        if !s.due_text.is_empty() {
                            let cls = if moved { r#" class="moved""# } else { "" };
                            let _ = write!(o, "<br><span{cls}>due {}</span>", esc(&s.due_text));
                        }
                        o.push_str("</td>");
                    }
                }
            }
            let _ = write!(o, r#"<td class="num">{}</td></tr>"#, a.revisions.len());
        }
        o.push_str("</tbody></table>");
    }
    if !h.findings.is_empty() {
        o.push_str(r#"<h2 id="findings">To look at</h2><table><caption>Where the words and the colours or dates disagree</caption><thead><tr><th scope="col">Ref</th><th scope="col">Version</th><th scope="col">What</th><th scope="col">Evidence</th></tr></thead><tbody>"#);
        for f in &h.findings {
            let _ = write!(
                o,
                r#"<tr><td class="ref">{}</td><td class="key">{}</td><td class="text">{}</td><td class="text">{}</td></tr>"#,
                esc(&f.action_ref),
                esc(&names[f.version]),
                esc(&f.message),
                esc(&f.evidence)
            );
        }
        o.push_str("</tbody></table>");
    }
    o.push_str("</main>\n</body>\n</html>\n");
    o
}

/// The history in a report format: HTML or Markdown (other formats are an error that names
/// these two).
///
/// ```
/// use actionplan::history::{history, HistoryOptions};
/// use actionplan::report::{render_history, Format};
/// let p = actionplan::Plan::default();
/// let h = history(&[&p], None, &HistoryOptions::default()).unwrap();
/// assert!(render_history(Format::Markdown, &h).unwrap().starts_with("# History"));
/// assert!(render_history(Format::Xlsx, &h).is_err());
/// ```
pub fn render_history(format: super::Format, h: &History) -> crate::Result<String> {
    match format {
        super::Format::Html => Ok(history_html(h)),
        super::Format::Markdown => Ok(history_markdown(h)),
        other => Err(crate::Error::invalid_option(
            "format",
            format!(
                "a history is written as html or md (markdown), not {}",
                other.as_str()
            ),
        )),
    }
}

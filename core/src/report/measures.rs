//! The performance indicators section of the Markdown and HTML reports (only when the plan
//! has measures): the counts in a sentence, then every indicator with its target, actual,
//! direction of travel, rating and reason.

use super::escape::{escape_html as esc, escape_markdown as md};
use super::ink;
use crate::measures::{Figure, MeasureRating, MeasureStats};
use crate::model::Plan;
use crate::rating::NOT_RATED_NAME;
use std::fmt::Write;

fn fig(f: Option<&Figure>) -> &str {
    f.map_or("", |f| f.text.trim())
}

/// The label's name and colour, from the counts.
fn label<'a>(s: &'a MeasureStats, r: &MeasureRating) -> Option<(&'a str, &'a str)> {
    let id = r.label.as_deref()?;
    s.counts
        .iter()
        .find(|c| c.label == id)
        .map(|c| (c.name.as_str(), c.colour.as_str()))
}

/// One row's cells in words: ref, name, frequency, target, actual, previous, direction.
fn cells<'a>(plan: &'a Plan, r: &'a MeasureRating) -> [String; 7] {
    let m = plan.measures.get(r.index);
    let direction = m
        .and_then(|m| m.direction_text.as_deref().map(str::to_string))
        .or_else(|| r.direction.map(|d| d.label().to_string()))
        .unwrap_or_default();
    [
        r.measure_ref.clone().unwrap_or_default(),
        r.name.clone(),
        m.and_then(|m| m.frequency_text.as_deref())
            .unwrap_or("")
            .to_string(),
        fig(m.and_then(|m| m.target.as_ref())).to_string(),
        fig(m.and_then(|m| m.actual.as_ref())).to_string(),
        fig(m.and_then(|m| m.previous.as_ref())).to_string(),
        direction,
    ]
}

/// The Markdown section.
pub(super) fn markdown(o: &mut String, plan: &Plan, s: &MeasureStats) {
    let _ = writeln!(
        o,
        "\n## Performance indicators ({})\n\n{}\n\n| Ref | Indicator | Frequency | Target | Actual | Previous | Direction of travel | Rating | Reason |\n|---|---|---|---:|---:|---:|---|---|---|",
        s.total,
        md(&s.sentence)
    );
    for r in &s.ratings {
        let c = cells(plan, r);
        let name = label(s, r).map_or(NOT_RATED_NAME, |(n, _)| n);
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {} | {} | {} | **{}** | {} |",
            md(&c[0]),
            md(&c[1]),
            md(&c[2]),
            md(&c[3]),
            md(&c[4]),
            md(&c[5]),
            md(&c[6]),
            md(name),
            md(&r.reason)
        );
    }
}

/// The HTML section.
pub(super) fn html(o: &mut String, plan: &Plan, s: &MeasureStats) {
    let _ = write!(
        o,
        r#"<section aria-labelledby="h-measures"><h2 id="h-measures">Performance indicators ({})</h2><p>{}</p><table><thead><tr><th scope="col">Ref</th><th scope="col">Indicator</th><th scope="col">Frequency</th><th scope="col" class="num">Target</th><th scope="col" class="num">Actual</th><th scope="col" class="num">Previous</th><th scope="col">Direction of travel</th><th scope="col">Rating and reason</th></tr></thead><tbody>"#,
        s.total,
        esc(&s.sentence)
    );
    for r in &s.ratings {
        let c = cells(plan, r);
        let badge = match label(s, r) {
            Some((name, bg)) => format!(
                r#"<span class="badge" style="background:{};color:{}">{}</span>"#,
                esc(bg),
                ink(bg),
                esc(name)
            ),
            None => format!(r#"<span class="badge none">{NOT_RATED_NAME}</span>"#),
        };
        let _ = write!(
            o,
            r#"<tr><td class="ref">{}</td><td class="text">{}</td><td>{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td>{}</td><td>{badge}<span class="reason">{}</span></td></tr>"#,
            esc(&c[0]),
            esc(&c[1]),
            esc(&c[2]),
            esc(&c[3]),
            esc(&c[4]),
            esc(&c[5]),
            esc(&c[6]),
            esc(&r.reason)
        );
    }
    o.push_str("</tbody></table></section>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measures::{preset_stats, Figure, Measure};

    fn plan() -> Plan {
        let mut plan = Plan::default();
        let mut m = Measure::new("Days to relet <an> empty home");
        m.measure_ref = Some("PI 7".into());
        m.target = Some(Figure::read("10"));
        m.actual = Some(Figure::read("12.4"));
        m.polarity = Some(crate::measures::Polarity::Lower);
        plan.measures.push(m);
        plan
    }

    #[test]
    fn sections_name_every_indicator() {
        let p = plan();
        let s = preset_stats(&p.measures).unwrap();
        let mut md_out = String::new();
        markdown(&mut md_out, &p, &s);
        assert!(md_out.contains("## Performance indicators (1)"));
        assert!(md_out.contains("| PI 7 |"));
        assert!(md_out.contains("**Red**"));
        let mut h = String::new();
        html(&mut h, &p, &s);
        assert!(h.contains("Days to relet &lt;an&gt; empty home"));
        assert!(h.contains("24% worse than target"));
    }
}

//! What a committee member reads: inline markup in cells shown safely in every output, groups
//! called what the plan calls them, no-deadline actions not rated Green, and no jargon in the
//! reports' sentences.

use actionplan::import::{Format, ImportOptions};
use actionplan::rating::{assess, RuleSet};
use actionplan::report::{self, markup_html};
use actionplan::stats::{stats, GroupBy};
use actionplan::text::plain_text;
use actionplan::{groups, Action, Plan, Recommendation};
use proptest::prelude::*;
use std::path::Path;

fn example(file: &str, plan_date: &str) -> Plan {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/data")
        .join(file);
    let bytes = std::fs::read(&path).unwrap();
    let mut opts = ImportOptions::new();
    opts.plan_date(plan_date.parse().unwrap());
    if file.ends_with(".tsv") {
        opts.format(Format::Tsv);
    }
    opts.read_bytes(&bytes).unwrap().plan
}

/// A plan whose cells hold markup, some of it hostile.
fn marked_up() -> Plan {
    let mut plan = Plan::default();
    plan.meta.title = Some("<b>Improvement</b> plan".into());
    let mut rec = Recommendation::new("1", "<u>Relating to Recommendation 3</u> Narrative");
    for (text, owner) in [
        (
            "<u>New action from March 2025 revisit.</u> Produce a statement",
            "Jo <i>Bloggs</i>",
        ),
        (
            "<b onclick=alert(1)>Click</b> me",
            "<script>alert(1)</script>",
        ),
        ("<strong>Unclosed <em>nested", "Sam<br>Lee"),
        ("<img src=x onerror=alert(1)> stray</u> close", "Al"),
    ] {
        let mut a = Action::new(text);
        a.owner = Some(owner.into());
        a.owners = vec![owner.into()];
        a.timeframe =
            Some(actionplan::timeframe::parse("31/03/2025", None, &Default::default()).into());
        a.set_status("In progress");
        rec.actions.push(a);
    }
    plan.recommendations.push(rec);
    plan.assign_refs();
    plan
}

/// Every `<` in `html` between `from` and `to` opens a tag the report writes itself or one of
/// the inline tags.
fn tags_in(html: &str) -> Vec<String> {
    html.match_indices('<')
        .map(|(i, _)| {
            let end = html[i..].find('>').map_or(html.len(), |e| i + e + 1);
            html[i..end].to_string()
        })
        .collect()
}

#[test]
fn markup_in_cells_is_formatting_in_html_and_plain_text_elsewhere() {
    let plan = marked_up();
    let a = assess(
        &plan,
        &RuleSet::preset("date-rag").unwrap(),
        "2025-05-12".parse().unwrap(),
    )
    .unwrap();
    let s = stats(&plan, &a, GroupBy::Recommendation);

    let html = report::html(&plan, &a, &s, None);
    assert!(html.contains("<u>New action from March 2025 revisit.</u> Produce a statement"));
    assert!(html.contains("Jo <i>Bloggs</i>"));
    assert!(
        html.contains("&lt;b onclick=alert(1)&gt;Click me"),
        "attributes are never markup"
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(
        html.contains("<strong>Unclosed <em>nested</em></strong>"),
        "unclosed tags are closed"
    );
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt; stray close"));
    assert!(html.contains("Sam<br>Lee"));
    for t in tags_in(&html) {
        let lower = t.to_ascii_lowercase();
        assert!(
            !lower.starts_with("<script")
                && !lower.starts_with("<img")
                && !lower.contains("onclick"),
            "{t}"
        );
    }
    // The page's title holds no tags at all.
    assert!(html.contains("<title>Improvement plan"));

    let md = report::markdown(&plan, &a, &s, None);
    assert!(md.contains("New action from March 2025 revisit. Produce a statement"));
    assert!(!md.contains("&lt;u&gt;") && !md.contains("<u>"));
    assert!(
        md.contains("&lt;script&gt;"),
        "other tags stay visible text: {md}"
    );
    assert!(md.contains("Sam Lee"));

    // The workbook holds the plain text.
    #[cfg(feature = "xlsx-writer")]
    {
        let xlsx = report::rated_tracker_xlsx(&plan, &a, &s).unwrap();
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
        let mut strings = String::new();
        std::io::Read::read_to_string(
            &mut z.by_name("xl/sharedStrings.xml").unwrap(),
            &mut strings,
        )
        .unwrap();
        assert!(strings.contains("New action from March 2025 revisit. Produce a statement"));
        assert!(!strings.contains("&lt;u&gt;"), "{strings}");
        assert!(strings.contains("&lt;script&gt;"), "other tags stay text");
    }

    // The diff's added actions, as the command line prints them.
    let old = Plan::default();
    let d = actionplan::diff::diff(&old, &plan);
    assert!(d
        .added
        .iter()
        .any(|b| actionplan::text::plain_line(&b.description)
            == "New action from March 2025 revisit. Produce a statement"));
}

proptest! {
    /// Whatever a cell holds, the HTML has only the inline tags, balanced, and the plain text
    /// has every character that is not part of one of them.
    #[test]
    fn any_cell_gives_only_the_inline_tags(s in "([<>/a-zA-Z =\"']|<b>|</b>|<i>|</i>|<u>|</U>|<em>|<strong>|</strong>|<br>|<br/>|<script>|<b onclick=x>){0,40}") {
        let html = markup_html(&s);
        let mut depth = 0i32;
        for t in tags_in(&html) {
            match t.as_str() {
                "<br>" => {}
                "<b>" | "<i>" | "<u>" | "<em>" | "<strong>" => depth += 1,
                "</b>" | "</i>" | "</u>" | "</em>" | "</strong>" => depth -= 1,
                other => prop_assert!(false, "{other} in {html}"),
            }
            prop_assert!(depth >= 0);
        }
        prop_assert_eq!(depth, 0);
        let plain = plain_text(&s);
        prop_assert!(plain.len() <= s.len() + s.matches("<br").count());
    }
}

#[test]
fn groups_are_called_what_the_plan_calls_them() {
    let plan = example("huntingdonshire-2024.tsv", "2024-06-01");
    assert_eq!(groups::names(&plan).many, "recommendations");
    assert_eq!(
        groups::plan_size(&plan),
        "8 recommendations and 37 actions (10 of them under “Additional comments”)"
    );
    let a = assess(
        &plan,
        &RuleSet::preset("date-rag").unwrap(),
        "2025-03-31".parse().unwrap(),
    )
    .unwrap();
    let s = stats(&plan, &a, GroupBy::Recommendation);
    let html = report::html(&plan, &a, &s, None);
    assert!(html.contains("8 recommendations and 37 actions"));
    assert!(!html.contains("9 recommendations"));
}

#[test]
fn actions_with_no_deadline_are_not_rated_green_and_the_headline_says_so() {
    let plan = example("three-rivers-2013.csv", "2013-11-01");
    for preset in ["date-rag", "brag", "five-point"] {
        let a = assess(
            &plan,
            &RuleSet::preset(preset).unwrap(),
            "2026-01-31".parse().unwrap(),
        )
        .unwrap();
        let green = a
            .actions
            .iter()
            .filter(|r| r.rating.as_deref() == Some("green"))
            .count();
        assert_eq!(
            green, 0,
            "{preset}: an action with no deadline is not on track"
        );
        let s = stats(&plan, &a, GroupBy::None);
        assert!(
            s.headline
                .iter()
                .any(|h| h == "36 actions have no deadline and are not rated."),
            "{preset}: {:?}",
            s.headline
        );
        assert!(
            !s.headline.iter().any(|h| h.contains("100% green")),
            "{:?}",
            s.headline
        );
    }
}

#[test]
fn the_reports_speak_plainly() {
    let plan = example("huntingdonshire-2024.tsv", "2024-06-01");
    let a = assess(
        &plan,
        &RuleSet::preset("date-rag").unwrap(),
        "2025-03-31".parse().unwrap(),
    )
    .unwrap();
    let s = stats(&plan, &a, GroupBy::Recommendation);
    let html = report::html(&plan, &a, &s, None);
    let md = report::markdown(&plan, &a, &s, None);
    for text in [&html, &md] {
        for jargon in [
            "worst of of",
            "(worst of)",
            "worst of 37",
            "re-rated by",
            "Re-rated by",
            "better than the rules give",
            "Rated by Date-driven RAG:",
            "complete_without_evidence",
            "&lt;u&gt;",
        ] {
            assert!(!text.contains(jargon), "{jargon:?} in a report");
        }
    }
    // Each label's meaning, from the scale, in the headline.
    assert!(s.headline.contains(
        &"By Date-driven RAG, 59% of actions are blue (complete) and 41% green (on track)."
            .to_string()
    ));
    assert!(md.contains(
        "Overall, the plan is Green: 15 of its 37 rated actions are Green, and none is rated worse."
    ));
    // Long titles are shown whole (no "…" cut).
    assert!(!html.contains('…'));
    // Dates do not break.
    assert!(html.contains(r#"<td class="date">Mar-25</td>"#));
}

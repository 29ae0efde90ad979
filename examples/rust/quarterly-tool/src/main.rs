//! An example tool a Rust developer might build on `actionplan`, using only its public API:
//!
//! - read two quarterly versions of a tracker (any format the library reads), four plans in
//!   parallel on threads;
//! - rate them with a rule set built in code, plus a custom Rust rule whose ratings flow into
//!   the statistics and the report;
//! - list overdue actions by owner, compare the quarters, and write a report to a file;
//! - every error through `anyhow`, with context.
//!
//! Run: `cargo run -p quarterly-tool -- OLD NEW OUT_DIR` (the test command runs it on the
//! bundled Huntingdonshire quarters).

use actionplan::import::{Format, ImportOptions};
use actionplan::rating::{assess_with, Condition, Label, Range, Rule, RuleSet, Scale, Verdict};
use actionplan::report::{render_to, Format as ReportFormat};
use actionplan::stats::{stats, GroupBy};
use actionplan::{NaiveDate, Plan};
use anyhow::{bail, Context, Result};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Read a plan file, as the CLI would: the file's name says whether it is TSV.
fn read(path: &Path, plan_date: NaiveDate) -> Result<Plan> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let mut opts = ImportOptions::new();
    opts.plan_date(plan_date)
        .format(Format::from_path(&path.to_string_lossy()));
    let imported = opts
        .read_bytes(&bytes)
        .with_context(|| format!("{} is not a plan the library can read", path.display()))?;
    Ok(imported.plan)
}

/// A rule set written in Rust: Blue when done, Red more than a month late, Amber when late or
/// due within two weeks, Green otherwise.
fn rules() -> Result<RuleSet> {
    let scale = Scale::new(
        "brag",
        "BRAG",
        vec![
            Label::new("blue", "Blue", "#1f4e9c"),
            Label::new("green", "Green", "#2e7d32"),
            Label::new("amber", "Amber", "#ffbf00"),
            Label::new("red", "Red", "#c62828"),
        ],
    );
    let when = |c: Condition| c;
    let rules = RuleSet::new("tool", "Our BRAG", scale)
        .param("grace", "1 month")
        .rule(Rule::new(
            "done",
            when(Condition {
                closed: Some(true),
                ..Default::default()
            }),
            Some("blue"),
        ))
        .rule(Rule::new(
            "late",
            Condition {
                days_overdue: Some(Range::above("$grace")),
                ..Default::default()
            },
            Some("red"),
        ))
        .rule(Rule::new(
            "slipping",
            Condition {
                days_to_due: Some(Range::below("2 weeks")),
                ..Default::default()
            },
            Some("amber"),
        ))
        .otherwise("green");
    rules.check().context("the rule set")?;
    Ok(rules)
}

fn main() -> Result<()> {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [old, new, out] = args.as_slice() else {
        bail!("usage: quarterly-tool OLD NEW OUT_DIR");
    };
    let plan_date: NaiveDate = "2024-06-01".parse()?;
    let as_of: NaiveDate = "2025-03-31".parse()?;

    // Plans are Send: read the two quarters (and any more) on threads.
    let (old_plan, new_plan) = std::thread::scope(|s| {
        let a = s.spawn(|| read(old, plan_date));
        let b = s.spawn(|| read(new, plan_date));
        (a.join(), b.join())
    });
    let old_plan = old_plan.map_err(|_| anyhow::anyhow!("reading thread panicked"))??;
    let new_plan = new_plan.map_err(|_| anyhow::anyhow!("reading thread panicked"))??;

    // A rule no condition can say: an action whose comment mentions a budget pressure is
    // Amber at best. Its ratings reach the roll-up, the statistics and the report.
    let rules = rules()?;
    let assessment = assess_with(&new_plan, &rules, as_of, |action, facts| {
        let comment = action.latest_update().map(|u| u.text.to_lowercase());
        let budget = comment.is_some_and(|c| c.contains("budget"));
        (budget && !facts.closed).then(|| {
            Verdict::new(
                "budget",
                Some("amber"),
                "the latest comment raises the budget",
            )
        })
    })?;

    // Overdue actions by owner, checked against the plan they came from.
    let mut by_owner: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (action, rated) in assessment.pairs(&new_plan)? {
        if rated.facts.days_overdue.is_some_and(|d| d > 0) && !rated.facts.closed {
            for owner in &action.owners {
                by_owner
                    .entry(owner.to_string())
                    .or_default()
                    .push(action.action_ref.to_string());
            }
        }
    }
    for (owner, refs) in &by_owner {
        println!("{owner}: {}", refs.join(", "));
    }

    // The two quarters compared, and a report written to a file.
    let summary = stats(&new_plan, &assessment, GroupBy::Owner);
    let diff = actionplan::diff::diff_rated(&old_plan, &new_plan, &rules, &assessment, None)?;
    println!("{}", summary.headline.join("\n"));
    println!("{}", diff.headline);
    std::fs::create_dir_all(out).with_context(|| format!("making {}", out.display()))?;
    let path = out.join("report.html");
    let file =
        std::fs::File::create(&path).with_context(|| format!("creating {}", path.display()))?;
    render_to(
        std::io::BufWriter::new(file),
        ReportFormat::Html,
        &new_plan,
        &assessment,
        &summary,
        Some(&diff),
    )?;
    println!("wrote {}", path.display());
    Ok(())
}

//! `actionplan stats`: counts, shares and headline sentences for a plan as of a date.

use crate::cmd_assess::{as_of_or_today, load_rules};
use crate::load::{load_plan, ReadArgs};
use actionplan::rating::assess;
use actionplan::stats::{stats, stats_with, Format, GroupBy, Stats};
use chrono::NaiveDate;
use std::io::Write;

/// Counts and shares by status and rating, overdue and due soon, schedule adherence, workload
/// per owner, and headline sentences. Exit 0, or 2 when the plan or the rules cannot be read.
#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    /// The plan file, or - for standard input.
    pub file: String,
    #[command(flatten)]
    pub read: ReadArgs,
    /// The date the figures are as of (default: the date the plan records, else today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<NaiveDate>,
    /// Group by recommendation, theme, owner, lead or none.
    #[arg(long, default_value = "recommendation")]
    pub by: String,
    /// A preset or a rules file for the ratings.
    #[arg(long, default_value = actionplan::rating::DEFAULT_PRESET, value_name = "PRESET|FILE")]
    pub rules: String,
    /// Print the statistics as JSON.
    #[arg(long)]
    pub json: bool,
    /// How the headline writes its figures, as a JSON format block, e.g.
    /// '{"order": "percent_count", "decimals": 1, "rounding": "each", "less_than_one": true}'
    /// (docs/DOMAIN.md lists the options). It wins over the rules file's `format` block.
    #[arg(long, value_name = "JSON", conflicts_with = "format_file")]
    pub figures: Option<String>,
    /// The same format block, read from a JSON file.
    #[arg(long, value_name = "FILE")]
    pub format_file: Option<String>,
}

/// The format block given with --figures or --format-file, if any.
fn figures(args: &StatsArgs) -> Result<Option<Format>, String> {
    let text = match (&args.figures, &args.format_file) {
        (Some(t), _) => t.clone(),
        (None, Some(path)) => std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read the format file {path}: {e}"))?,
        (None, None) => return Ok(None),
    };
    Format::from_json(&text)
        .map(Some)
        .map_err(|e| e.to_string())
}

/// Run the command; returns the exit code.
pub fn run(args: &StatsArgs, out: &mut dyn Write) -> i32 {
    let by: GroupBy = match args.by.parse() {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let format = match figures(args) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let rules = match load_rules(&args.rules) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let plan = match load_plan(&args.file, &args.read) {
        Ok(i) => i.plan,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let a = match assess(&plan, &rules, as_of_or_today(&plan, args.as_of)) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let s = match &format {
        Some(f) => stats_with(&plan, &a, by, f),
        None => stats(&plan, &a, by),
    };
    let written = if args.json {
        serde_json::to_string_pretty(&s)
            .map_err(std::io::Error::other)
            .and_then(|j| writeln!(out, "{j}"))
    } else {
        write_text(out, &plan, &s).and_then(|()| write_measures(out, &s))
    };
    if written.is_err() {
        return 2;
    }
    0
}

/// The performance indicators, counted apart from the actions: the sentence, then one line
/// per indicator with its rating and reason.
fn write_measures(out: &mut dyn Write, s: &Stats) -> std::io::Result<()> {
    let Some(m) = &s.measures else {
        return Ok(());
    };
    writeln!(out, "\n{}", m.sentence)?;
    for r in &m.ratings {
        let label = r
            .label
            .as_deref()
            .and_then(|l| m.counts.iter().find(|c| c.label == l))
            .map_or("Not rated", |c| c.name.as_str());
        let name = match &r.measure_ref {
            Some(x) => format!("{x} {}", r.name),
            None => r.name.clone(),
        };
        writeln!(out, "  {label:<9}  {name}: {}", r.reason)?;
    }
    Ok(())
}

fn write_text(out: &mut dyn Write, plan: &actionplan::Plan, s: &Stats) -> std::io::Result<()> {
    for h in &s.headline {
        writeln!(out, "{h}")?;
    }
    if s.by == GroupBy::None || s.groups.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    let kw = s
        .groups
        .iter()
        .map(|g| actionplan::text::plain_line(&g.key).chars().count())
        .max()
        .unwrap_or(5)
        .clamp(14, 48);
    let group = actionplan::groups::names(plan).title_case(false);
    let by = match s.by {
        GroupBy::Recommendation => group.as_str(),
        GroupBy::Theme => "Theme",
        GroupBy::Owner => "Owner",
        GroupBy::Lead => "Lead member",
        _ => "Group",
    };
    writeln!(
        out,
        "{:kw$}  {:>7}  {:>8}  {:>13}  {:>14}  {:>17}  Ratings",
        by, "Actions", "Complete", "Past deadline", "Due in 90 days", "Done of those due"
    )?;
    for g in &s.groups {
        let complete = g
            .by_status
            .iter()
            .find(|x| x.key == "complete")
            .map_or(0, |x| x.count);
        let ratings: Vec<String> = g
            .by_rating
            .iter()
            .filter(|x| x.count > 0)
            .map(|x| format!("{} {}", x.count, x.label))
            .collect();
        let key: String = actionplan::text::plain_line(&g.key)
            .chars()
            .take(48)
            .collect();
        writeln!(
            out,
            "{key:kw$}  {:>7}  {:>8}  {:>13}  {:>14}  {:>17}  {}",
            g.actions,
            complete,
            g.overdue_definitely,
            g.due_within.days_90,
            g.schedule
                .percent_done
                .map_or("-".to_string(), |p| format!("{p}%")),
            ratings.join(", ")
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{CommandFactory, Parser};

    #[derive(Debug, Parser)]
    struct Cli {
        #[command(flatten)]
        args: StatsArgs,
    }

    #[test]
    fn arguments_are_consistent() {
        Cli::command().debug_assert();
    }
}

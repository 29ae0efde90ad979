//! `actionplan assess`: rate every action of a plan as of a date, with reasons.

use crate::load::{load_plan, ReadArgs};
use actionplan::rating::{assess, Assessment, RuleSet};
use chrono::NaiveDate;
use std::io::Write;

/// Rate every action of a plan as of a date, by a preset or a rules file, and list where the
/// plan's own RAG disagrees. Exit 0, or 2 when the plan or the rules cannot be read.
#[derive(Debug, clap::Args)]
pub struct AssessArgs {
    /// The plan file, or - for standard input.
    pub file: String,
    #[command(flatten)]
    pub read: ReadArgs,
    /// The date to rate as of (default: the date the plan records, else today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<NaiveDate>,
    /// A preset (date-rag, brag, rag, five-point, months-behind, delay-bands, percent-bands,
    /// staleness, forecast) or a rules file (.json, or .toml).
    #[arg(long, default_value = actionplan::rating::DEFAULT_PRESET, value_name = "PRESET|FILE")]
    pub rules: String,
    /// Print the assessment as JSON.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print the rated actions as CSV (formula-safe).
    #[arg(long)]
    pub csv: bool,
}

/// Read `--rules`: a preset name, or a JSON/TOML file (the core decides which).
pub fn load_rules(spec: &str) -> Result<RuleSet, String> {
    RuleSet::resolve(Some(spec), |path| std::fs::read_to_string(path)).map_err(|e| e.to_string())
}

/// The as-of date given, else the plan's own (the period its file records), else today.
pub fn as_of_or_today(plan: &actionplan::Plan, d: Option<NaiveDate>) -> NaiveDate {
    plan.as_of_or(d, || chrono::Local::now().date_naive())
}

/// Run the command; returns the exit code.
pub fn run(args: &AssessArgs, out: &mut dyn Write) -> i32 {
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
    let as_of = as_of_or_today(&plan, args.as_of);
    let assessment = match assess(&plan, &rules, as_of) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let written = if args.json {
        serde_json::to_string_pretty(&assessment)
            .map_err(std::io::Error::other)
            .and_then(|s| writeln!(out, "{s}"))
    } else if args.csv {
        out.write_all(actionplan::report::rated_csv(&plan, &assessment).as_bytes())
    } else {
        write_text(out, &assessment)
    };
    if written.is_err() {
        return 2;
    }
    0
}

fn write_text(out: &mut dyn Write, a: &Assessment) -> std::io::Result<()> {
    let name = |id: Option<&str>| match id {
        Some(id) => a.scale.label(id).map_or(id.to_string(), |l| l.name.clone()),
        None => "Not rated".to_string(),
    };
    writeln!(
        out,
        "Rated by {}, progress as at {}. {}",
        a.rules.name,
        actionplan::fmt::long_date(a.as_of),
        actionplan::report::overall_sentence(a)
    )?;
    let width = a
        .actions
        .iter()
        .map(|r| r.action_ref.chars().count())
        .max()
        .unwrap_or(3)
        .max(3);
    let lwidth = a
        .scale
        .labels
        .iter()
        .map(|l| l.name.chars().count())
        .max()
        .unwrap_or(9)
        .max(9);
    for r in &a.actions {
        writeln!(
            out,
            "{:width$}  {:lwidth$}  {}",
            r.action_ref,
            name(r.rating.as_deref()),
            r.reason.text
        )?;
    }
    if !a.findings.is_empty() {
        // Words for people; each finding's code is in --json.
        writeln!(
            out,
            "\nWhere the plan's own RAG differs from this report's rating:"
        )?;
        for f in &a.findings {
            writeln!(out, "- {}", f.message)?;
        }
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
        args: AssessArgs,
    }

    #[test]
    fn arguments_are_consistent() {
        Cli::command().debug_assert();
    }
}

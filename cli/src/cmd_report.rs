//! `actionplan report`: a Markdown or self-contained HTML report.

use crate::cmd_assess::{as_of_or_today, load_rules};
use crate::load::{load_plan, ReadArgs};
use actionplan::rating::assess;
use actionplan::report;
use actionplan::stats::{stats, GroupBy};
use chrono::NaiveDate;
use std::io::Write;

/// Write a report: summary, ratings chart, recommendations, overdue actions with reasons, and
/// the changes since a previous version. HTML (self-contained, no scripts) or Markdown, by
/// the output's extension or `--to`. Exit 0, or 2 when an input cannot be read or the
/// output cannot be written.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// The plan file, or - for standard input.
    pub file: String,
    #[command(flatten)]
    pub read: ReadArgs,
    /// The date to report as of (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<NaiveDate>,
    /// The previous version of the plan, for "changes since the previous version".
    #[arg(long, value_name = "FILE")]
    pub previous: Option<String>,
    /// The date the previous version is rated as of (default: its own as-of date, else the
    /// report's).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub previous_as_of: Option<NaiveDate>,
    /// A preset or a rules file.
    #[arg(long, default_value = "date-rag", value_name = "PRESET|FILE")]
    pub rules: String,
    /// Where to write the report (.html, .md, or .xlsx for a tracker workbook); - or absent for
    /// standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<String>,
    /// html, md or xlsx (default: from the output's extension, else html).
    #[arg(long = "to", value_name = "html|md|xlsx")]
    pub to: Option<String>,
}

/// Run the command; returns the exit code.
pub fn run(args: &ReportArgs, out: &mut dyn Write) -> i32 {
    match build(args) {
        Ok(bytes) => {
            let written = match args.output.as_deref() {
                None | Some("-") => out.write_all(&bytes),
                Some(path) => std::fs::write(path, &bytes),
            };
            match written {
                Ok(()) => 0,
                Err(e) => {
                    eprintln!("error: cannot write the report: {e}");
                    2
                }
            }
        }
        Err(e) => {
            eprintln!("error: {e}");
            2
        }
    }
}

fn build(args: &ReportArgs) -> Result<Vec<u8>, String> {
    let xlsx = crate::cmd_tracker::wanted(args.to.as_deref(), args.output.as_deref());
    let markdown = match args.to.as_deref().map(str::to_ascii_lowercase).as_deref() {
        Some("md") | Some("markdown") => true,
        Some("html") => false,
        Some(_) if xlsx => false,
        Some(other) => return Err(format!("--to {other:?}: use html, md or xlsx")),
        None => args
            .output
            .as_deref()
            .is_some_and(|o| o.to_ascii_lowercase().ends_with(".md")),
    };
    let rules = load_rules(&args.rules)?;
    let plan = load_plan(&args.file, &args.read)
        .map_err(|e| e.to_string())?
        .plan;
    let as_of = as_of_or_today(args.as_of);
    let a = assess(&plan, &rules, as_of).map_err(|e| e.to_string())?;
    let s = stats(&plan, &a, GroupBy::Recommendation);
    let d = match &args.previous {
        None => None,
        Some(p) => {
            let old = load_plan(p, &args.read).map_err(|e| e.to_string())?.plan;
            Some(
                actionplan::diff::diff_rated(&old, &plan, &rules, &a, args.previous_as_of)
                    .map_err(|e| e.to_string())?,
            )
        }
    };
    if xlsx {
        return crate::cmd_tracker::xlsx(&plan, &a, &s);
    }
    Ok(if markdown {
        report::markdown(&plan, &a, &s, d.as_ref())
    } else {
        report::html(&plan, &a, &s, d.as_ref())
    }
    .into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{CommandFactory, Parser};

    #[derive(Debug, Parser)]
    struct Cli {
        #[command(flatten)]
        args: ReportArgs,
    }

    #[test]
    fn arguments_are_consistent() {
        Cli::command().debug_assert();
    }
}

//! `actionplan report`: an HTML, Markdown, rated-CSV or workbook report.

use crate::cmd_assess::{as_of_or_today, load_rules};
use crate::load::{load_plan, ReadArgs};
use actionplan::diff::PlanDiff;
use actionplan::rating::{assess, Assessment};
use actionplan::report::{render_to, Format};
use actionplan::stats::{stats, GroupBy, Stats};
use actionplan::Plan;
use chrono::NaiveDate;
use std::io::Write;

/// Write a report: summary, ratings chart, recommendations, overdue actions with reasons, and
/// the changes since a previous version. HTML (self-contained, no scripts), Markdown, the rated
/// actions as CSV, or a tracker workbook, by `--to` or the output's extension (an extension
/// that is not one of these is an error). Exit 0, or 2 when an input cannot be read or the
/// output cannot be written.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// The plan file, or - for standard input.
    pub file: String,
    #[command(flatten)]
    pub read: ReadArgs,
    /// The date to report as of (default: the date the plan records, else today).
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
    #[arg(long, default_value = actionplan::rating::DEFAULT_PRESET, value_name = "PRESET|FILE")]
    pub rules: String,
    /// Where to write the report (.html, .md, .csv for the rated actions, or .xlsx for a
    /// tracker workbook); - or absent for standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<String>,
    /// html, md, csv or xlsx (default: from the output's extension, else html).
    #[arg(long = "to", value_name = "html|md|csv|xlsx")]
    pub to: Option<String>,
}

/// Run the command; returns the exit code.
pub fn run(args: &ReportArgs, out: &mut dyn Write) -> i32 {
    let result = build(args).and_then(|(format, plan, a, s, d)| {
        let written = match args.output.as_deref() {
            None | Some("-") => render_to(out, format, &plan, &a, &s, d.as_ref()),
            Some(path) => create_parent(path)
                .and_then(|()| std::fs::File::create(path))
                .map_err(actionplan::Error::from)
                .and_then(|f| {
                    let mut w = std::io::BufWriter::new(f);
                    render_to(&mut w, format, &plan, &a, &s, d.as_ref())?;
                    w.flush().map_err(actionplan::Error::from)
                }),
        };
        written.map_err(|e| format!("cannot write the report: {e}"))
    });
    match result {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("error: {e}");
            2
        }
    }
}

/// Make the output's folder (`-o out/report.html` works in a fresh clone).
fn create_parent(path: &str) -> std::io::Result<()> {
    match std::path::Path::new(path).parent() {
        Some(dir) if !dir.as_os_str().is_empty() => std::fs::create_dir_all(dir),
        _ => Ok(()),
    }
}

type Built = (Format, Plan, Assessment, Stats, Option<PlanDiff>);

fn build(args: &ReportArgs) -> Result<Built, String> {
    let format = match (args.to.as_deref(), args.output.as_deref()) {
        (Some(to), _) => to.parse::<Format>(),
        (None, Some(path)) => Format::from_path(path),
        (None, None) => Ok(Format::Html),
    }
    .map_err(|e| e.to_string())?;
    let rules = load_rules(&args.rules)?;
    let plan = load_plan(&args.file, &args.read)
        .map_err(|e| e.to_string())?
        .plan;
    let as_of = as_of_or_today(&plan, args.as_of);
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
    Ok((format, plan, a, s, d))
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

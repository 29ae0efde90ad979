//! The `actionplan` command line: a thin door over the core library.
//!
//! Every decision lives in the `actionplan` crate; the commands here read files, parse
//! arguments and print.

mod cmd_assess;
mod cmd_diff;
mod cmd_import;
mod cmd_inspect;
mod cmd_report;
mod cmd_stats;
mod cmd_timeframe;
mod cmd_tracker;
mod cmd_validate;
mod load;

use clap::{Parser, Subcommand};

/// Read, check, rate and report on public-sector action plans.
#[derive(Debug, Parser)]
#[command(name = "actionplan", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Read a plan (CSV, TSV, JSON) and print its canonical JSON.
    Import(cmd_import::ImportArgs),
    /// Show how a file was read: tables, header row, column roles and why, rows skipped.
    Inspect(cmd_inspect::InspectArgs),
    /// Check a plan and list its findings (exit 1 when there are errors).
    Validate(cmd_validate::ValidateArgs),
    /// Read due-date phrases ("Summer 2025", "Q3 2024/25") as dates.
    Timeframe(cmd_timeframe::TimeframeArgs),
    /// Rate every action by a rule set (a preset or a rules file) as of a date.
    Assess(cmd_assess::AssessArgs),
    /// Counts and shares by status and rating, overdue, due soon, schedule adherence.
    Stats(cmd_stats::StatsArgs),
    /// What changed between two versions of a plan.
    Diff(cmd_diff::DiffArgs),
    /// Write a report: HTML, Markdown, or a rated CSV.
    Report(cmd_report::ReportArgs),
}

fn main() {
    let cli = Cli::parse();
    let mut out = std::io::stdout().lock();
    let code = match &cli.command {
        Command::Import(a) => cmd_import::run(a, &mut out),
        Command::Inspect(a) => cmd_inspect::run(a, &mut out),
        Command::Validate(a) => cmd_validate::run(a, &mut out),
        Command::Timeframe(a) => cmd_timeframe::run(a, &mut std::io::stdin().lock(), &mut out),
        Command::Assess(a) => cmd_assess::run(a, &mut out),
        Command::Stats(a) => cmd_stats::run(a, &mut out),
        Command::Diff(a) => cmd_diff::run(a, &mut out),
        Command::Report(a) => cmd_report::run(a, &mut out),
    };
    std::process::exit(code);
}

//! The `actionplan` command line: a thin door over the core library.
//!
//! Every decision lives in the `actionplan` crate; the commands here read files, parse
//! arguments and print.

mod cmd_assess;
mod cmd_diff;
mod cmd_history;
mod cmd_import;
mod cmd_inspect;
mod cmd_merge;
mod cmd_report;
mod cmd_stats;
mod cmd_template;
mod cmd_timeframe;
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
    /// Read a plan (CSV, TSV, JSON, Excel, Word) and print its canonical JSON.
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
    /// Follow every action through many versions: deadlines moved, completions, honesty checks.
    History(cmd_history::HistoryArgs),
    /// Write a report: HTML, Markdown, the rated actions as CSV, or a tracker workbook.
    Report(cmd_report::ReportArgs),
    /// Write one update workbook per owner, to send out for this period's updates.
    Template(cmd_template::TemplateArgs),
    /// Read the owners' returned workbooks back into the next version of the plan.
    Merge(cmd_merge::MergeArgs),
}

fn main() {
    quiet_panics();
    let cli = Cli::parse();
    let code = std::panic::catch_unwind(|| run(&cli)).unwrap_or_else(|_| {
        let what = LAST_PANIC
            .with(|p| p.borrow_mut().take())
            .unwrap_or_default();
        eprintln!(
            "error: internal error in actionplan ({what}); this is a bug, please report it with \
             the file that caused it"
        );
        3
    });
    std::process::exit(code);
}

thread_local! {
    /// The message of the last panic on this thread, for the one-line error.
    static LAST_PANIC: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// No panic reaches stderr as a message and backtrace: the library turns a panic inside a
/// third-party parser into a document error (so the default hook's output would be noise),
/// and any other panic ends the command with one line and exit code 3. Set
/// `ACTIONPLAN_BACKTRACE=1` to see the default report while debugging.
fn quiet_panics() {
    if std::env::var_os("ACTIONPLAN_BACKTRACE").is_some() {
        return;
    }
    std::panic::set_hook(Box::new(|info| {
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".into());
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        LAST_PANIC.with(|p| *p.borrow_mut() = Some(format!("{msg}{at}")));
    }));
}

fn run(cli: &Cli) -> i32 {
    let mut out = std::io::stdout().lock();
    match &cli.command {
        Command::Import(a) => cmd_import::run(a, &mut out),
        Command::Inspect(a) => cmd_inspect::run(a, &mut out),
        Command::Validate(a) => cmd_validate::run(a, &mut out),
        Command::Timeframe(a) => cmd_timeframe::run(a, &mut std::io::stdin().lock(), &mut out),
        Command::Assess(a) => cmd_assess::run(a, &mut out),
        Command::Stats(a) => cmd_stats::run(a, &mut out),
        Command::Diff(a) => cmd_diff::run(a, &mut out),
        Command::History(a) => cmd_history::run(a, &mut out),
        Command::Report(a) => cmd_report::run(a, &mut out),
        Command::Template(a) => cmd_template::run(a, &mut out),
        Command::Merge(a) => cmd_merge::run(a, &mut out),
    }
}

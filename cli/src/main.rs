//! The `actionplan` command line: a thin door over the core library.
//!
//! Every decision lives in the `actionplan` crate; the commands here read files, parse
//! arguments and print.

mod cmd_import;
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
    /// Read a plan (CSV, TSV, JSON) and print its canonical JSON.
    Import(cmd_import::ImportArgs),
    /// Check a plan and list its findings (exit 1 when there are errors).
    Validate(cmd_validate::ValidateArgs),
    /// Read due-date phrases ("Summer 2025", "Q3 2024/25") as dates.
    Timeframe(cmd_timeframe::TimeframeArgs),
}

fn main() {
    let cli = Cli::parse();
    let mut out = std::io::stdout().lock();
    let code = match &cli.command {
        Command::Import(a) => cmd_import::run(a, &mut out),
        Command::Validate(a) => cmd_validate::run(a, &mut out),
        Command::Timeframe(a) => cmd_timeframe::run(a, &mut std::io::stdin().lock(), &mut out),
    };
    std::process::exit(code);
}

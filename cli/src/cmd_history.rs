//! `actionplan history`: every action followed through many versions of a plan.

use crate::cmd_assess::load_rules;
use crate::load::{load_plan, ReadArgs};
use actionplan::history::{history, HistoryOptions};
use actionplan::report::{history_text, render_history, Format};
use chrono::NaiveDate;
use std::io::Write;

/// Follow every action through the versions given (oldest first, any formats): its deadline,
/// status and rating in each, every time its deadline moved and whether a reason was given,
/// when it completed, comments that did not change; then the honesty checks (Green but
/// delayed, stuck at Amber, deadlines moved without a word or more than once, complete with no
/// evidence). Exit 0, or 2 when a file cannot be read.
#[derive(Debug, clap::Args)]
pub struct HistoryArgs {
    /// The versions, oldest first (two or more).
    #[arg(required = true, num_args = 2..)]
    pub files: Vec<String>,
    #[command(flatten)]
    pub read: ReadArgs,
    /// A preset or a rules file to rate each version with.
    #[arg(long, default_value = actionplan::rating::DEFAULT_PRESET, value_name = "PRESET|FILE")]
    pub rules: String,
    /// The date to rate a version as of when its file records none (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<NaiveDate>,
    /// How many versions in a row at one label count as stuck.
    #[arg(long, default_value_t = 3, value_name = "N")]
    pub stuck_versions: usize,
    /// The label that should not stay put.
    #[arg(long, default_value = "Amber", value_name = "LABEL")]
    pub stuck_label: String,
    /// A further word or phrase that says an action is delayed (repeatable).
    #[arg(long = "delay-word", value_name = "WORDS")]
    pub delay_words: Vec<String>,
    /// Print the history as JSON.
    #[arg(long)]
    pub json: bool,
    /// Write the history to a file: .html (with a timeline) or .md.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<String>,
}

/// Run the command; returns the exit code.
pub fn run(args: &HistoryArgs, out: &mut dyn Write) -> i32 {
    match build(args, out) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("error: {e}");
            2
        }
    }
}

fn build(args: &HistoryArgs, out: &mut dyn Write) -> Result<(), String> {
    let rules = load_rules(&args.rules)?;
    let mut plans = Vec::new();
    for f in &args.files {
        plans.push(load_plan(f, &args.read).map_err(|e| e.to_string())?.plan);
    }
    let mut options = HistoryOptions {
        as_of: Some(
            args.as_of
                .unwrap_or_else(|| chrono::Local::now().date_naive()),
        ),
        ..Default::default()
    };
    options.labels = args
        .files
        .iter()
        .map(|f| {
            let name = f.rsplit(['/', '\\']).next().unwrap_or(f);
            name.to_string()
        })
        .collect();
    options.honesty.stuck_versions = args.stuck_versions;
    options.honesty.stuck_label = args.stuck_label.clone();
    options.honesty.delay_words = args.delay_words.clone();
    let refs: Vec<&actionplan::Plan> = plans.iter().collect();
    let h = history(&refs, Some(&rules), &options).map_err(|e| e.to_string())?;
    if let Some(path) = args.output.as_deref().filter(|p| *p != "-") {
        let text = render_history(Format::from_path(path).map_err(|e| e.to_string())?, &h)
            .map_err(|e| e.to_string())?;
        if let Some(dir) = std::path::Path::new(path).parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir).map_err(|e| format!("cannot write {path}: {e}"))?;
            }
        }
        std::fs::write(path, text).map_err(|e| format!("cannot write {path}: {e}"))?;
        return writeln!(out, "{}\nWritten to {path}", h.headline).map_err(|e| e.to_string());
    }
    let text = if args.json {
        serde_json::to_string_pretty(&h).map_err(|e| e.to_string())? + "\n"
    } else {
        history_text(&h)
    };
    out.write_all(text.as_bytes()).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{CommandFactory, Parser};

    #[derive(Debug, Parser)]
    struct Cli {
        #[command(flatten)]
        args: HistoryArgs,
    }

    #[test]
    fn arguments_are_consistent() {
        Cli::command().debug_assert();
    }
}

//! `actionplan merge`: the owners' returned workbooks read back into the next version.

use crate::load::{load_plan, ReadArgs};
use actionplan::owners::{merge, with_history_columns, MergeOptions, Returned};
use actionplan::Severity;
use chrono::NaiveDate;
use std::io::Write;

/// Read the owners' returned update workbooks, show every change (and what the comparison
/// with the plan finds), flag conflicts, and write the next version of the plan: a tracker
/// workbook (.xlsx), CSV (.csv) or the canonical JSON (.json), with the earlier updates and the
/// original due dates kept. Exit 0; 1 when there are conflicts (the next version is still
/// written, without the conflicting changes); 2 when the plan cannot be read or the output
/// cannot be written.
#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// The plan the workbooks were made from.
    pub plan: String,
    /// The returned workbooks (.xlsx).
    #[arg(required = true)]
    pub workbooks: Vec<String>,
    #[command(flatten)]
    pub read: ReadArgs,
    /// Where to write the next version (.xlsx, .csv or .json).
    #[arg(short, long, value_name = "FILE", required_unless_present = "dry_run")]
    pub output: Option<String>,
    /// Show the changes and problems only; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// The date the new updates describe (the next version's as-of date).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<NaiveDate>,
    /// The period the new updates are for ("Q1 2025/26"); it names the new update column.
    #[arg(long, value_name = "TEXT")]
    pub period: Option<String>,
}

/// Run the command; returns the exit code.
pub fn run(args: &MergeArgs, out: &mut dyn Write) -> i32 {
    let plan = match load_plan(&args.plan, &args.read) {
        Ok(i) => i.plan,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let mut returned = Vec::new();
    for w in &args.workbooks {
        match std::fs::read(w) {
            Ok(bytes) => returned.push(Returned {
                name: w.clone(),
                bytes,
            }),
            Err(e) => {
                eprintln!("error: cannot read {w}: {e}");
                return 2;
            }
        }
    }
    let opts = MergeOptions {
        as_of: args.as_of,
        period: args.period.clone(),
    };
    let merged = merge(&plan, &returned, &opts);
    if preview(out, &plan, &merged).is_err() {
        return 2;
    }
    if !args.dry_run {
        if let Some(path) = &args.output {
            if let Err(e) = write_next(path, &merged.plan) {
                eprintln!("error: cannot write {path}: {e}");
                return 2;
            }
            let _ = writeln!(out, "Next version written to {path}");
        }
    }
    let conflicts = merged
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error);
    i32::from(conflicts)
}

fn preview(
    out: &mut dyn Write,
    plan: &actionplan::Plan,
    merged: &actionplan::owners::Merged,
) -> std::io::Result<()> {
    let d = actionplan::diff::diff(plan, &merged.plan);
    crate::cmd_diff::write_text(out, &d)?;
    writeln!(out)?;
    let n = merged.changes.len();
    writeln!(
        out,
        "{n} change{} from the owners' workbooks:",
        if n == 1 { "" } else { "s" }
    )?;
    for c in &merged.changes {
        let from = c.from.as_deref().unwrap_or("(blank)");
        let why = c
            .reason
            .as_deref()
            .map(|r| format!(" (reason: {r})"))
            .unwrap_or_default();
        writeln!(
            out,
            "  {} {}: {from} -> {}{why} [{} row {}]",
            c.action_ref, c.field, c.to, c.file, c.row
        )?;
    }
    if !merged.diagnostics.is_empty() {
        writeln!(out)?;
        for d in &merged.diagnostics {
            writeln!(out, "{d}")?;
        }
    }
    Ok(())
}

fn write_next(path: &str, plan: &actionplan::Plan) -> Result<(), String> {
    let lower = path.to_ascii_lowercase();
    let bytes: Vec<u8> = if lower.ends_with(".xlsx") {
        actionplan::report::tracker_xlsx(&with_history_columns(plan), &[], &[])
            .map_err(|e| e.to_string())?
    } else if lower.ends_with(".csv") {
        actionplan::export::to_csv(plan).into_bytes()
    } else if lower.ends_with(".json") {
        serde_json::to_vec_pretty(plan).map_err(|e| e.to_string())?
    } else {
        return Err("the next version is written as .xlsx, .csv or .json".into());
    };
    if let Some(dir) = std::path::Path::new(path).parent() {
        if !dir.as_os_str().is_empty() {
            std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
        }
    }
    std::fs::write(path, bytes).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{CommandFactory, Parser};

    #[derive(Debug, Parser)]
    struct Cli {
        #[command(flatten)]
        args: MergeArgs,
    }

    #[test]
    fn arguments_are_consistent() {
        Cli::command().debug_assert();
    }
}

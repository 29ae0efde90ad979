//! `actionplan diff`: what changed between two versions of a plan.

use crate::load::{load_plan, ReadArgs};
use actionplan::diff::{diff, PlanDiff};
use std::io::Write;

/// Compare two versions of a plan: actions added, removed, completed, re-rated, deadlines
/// moved, comments not updated. Exit 0, or 2 when a plan cannot be read.
#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The older version.
    pub old: String,
    /// The newer version.
    pub new: String,
    #[command(flatten)]
    pub read: ReadArgs,
    /// Print the differences as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Run the command; returns the exit code.
pub fn run(args: &DiffArgs, out: &mut dyn Write) -> i32 {
    let mut plans = Vec::new();
    for f in [&args.old, &args.new] {
        match load_plan(f, &args.read) {
            Ok(i) => plans.push(i.plan),
            Err(e) => {
                eprintln!("error: {e}");
                return 2;
            }
        }
    }
    let d = diff(&plans[0], &plans[1]);
    let written = if args.json {
        serde_json::to_string_pretty(&d)
            .map_err(std::io::Error::other)
            .and_then(|j| writeln!(out, "{j}"))
    } else {
        write_text(out, &d)
    };
    if written.is_err() {
        return 2;
    }
    0
}

pub(crate) fn write_text(out: &mut dyn Write, d: &PlanDiff) -> std::io::Result<()> {
    use actionplan::text::plain_line;
    writeln!(out, "{}", d.headline)?;
    // Cells as a reader sees them: inline formatting (`<u>`) taken out, on one line.
    let opt = |v: &Option<String>| v.as_deref().map_or_else(|| "(blank)".into(), plain_line);
    for b in &d.added {
        writeln!(out, "+ {} {}", b.action_ref, plain_line(&b.description))?;
    }
    for b in &d.removed {
        writeln!(out, "- {} {}", b.action_ref, plain_line(&b.description))?;
    }
    for c in &d.status_changed {
        writeln!(
            out,
            "  {} status {} -> {}",
            c.action_ref,
            opt(&c.from),
            opt(&c.to)
        )?;
    }
    for c in &d.rerated {
        writeln!(
            out,
            "  {} the plan's RAG {} -> {}",
            c.action_ref,
            opt(&c.from),
            opt(&c.to)
        )?;
    }
    for m in &d.deadlines_moved {
        let days = m.days.map(|n| format!(" ({n:+} days)")).unwrap_or_default();
        writeln!(
            out,
            "  {} deadline {} -> {}{days}",
            m.action_ref,
            plain_line(&m.from_text),
            plain_line(&m.to_text)
        )?;
    }
    for m in &d.renumbered {
        writeln!(out, "  {} renumbered {}", m.old_ref, m.new_ref)?;
    }
    for c in &d.comments_not_updated {
        writeln!(
            out,
            "  {} comment not updated{}",
            c.action_ref,
            if c.comment.is_none() { " (none)" } else { "" }
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
        args: DiffArgs,
    }

    #[test]
    fn arguments_are_consistent() {
        Cli::command().debug_assert();
    }
}

//! `actionplan template`: one update workbook per owner, to send out for this period's updates.

use crate::load::{load_plan, ReadArgs};
use std::io::Write;

/// Write one workbook per owner with their actions: the plan's columns locked, Status and RAG
/// as drop-down lists, the due date with a "Reason for change" column, a column for the update,
/// and instructions on the first sheet. Actions with no owner go to "Unassigned.xlsx". Exit 0,
/// or 2 when the plan cannot be read or a workbook cannot be written.
#[derive(Debug, clap::Args)]
pub struct TemplateArgs {
    /// The plan file, or - for standard input.
    pub file: String,
    #[command(flatten)]
    pub read: ReadArgs,
    /// How to split the plan: by owner (the only way for now).
    #[arg(long, default_value = "owner", value_parser = ["owner"])]
    pub by: String,
    /// The folder to write the workbooks to (made if missing).
    #[arg(short, long, value_name = "DIR", default_value = "updates")]
    pub output: String,
}

/// Run the command; returns the exit code.
pub fn run(args: &TemplateArgs, out: &mut dyn Write) -> i32 {
    let plan = match load_plan(&args.file, &args.read) {
        Ok(i) => i.plan,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let books = match actionplan::owners::template(&plan) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let dir = std::path::Path::new(&args.output);
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("error: cannot make the folder {}: {e}", args.output);
        return 2;
    }
    for b in &books {
        let path = dir.join(&b.file_name);
        if let Err(e) = std::fs::write(&path, &b.bytes) {
            eprintln!("error: cannot write {}: {e}", path.display());
            return 2;
        }
        let s = if b.actions == 1 { "" } else { "s" };
        if writeln!(
            out,
            "{} ({} action{s}): {}",
            b.owner,
            b.actions,
            path.display()
        )
        .is_err()
        {
            return 2;
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{CommandFactory, Parser};

    #[derive(Debug, Parser)]
    struct Cli {
        #[command(flatten)]
        args: TemplateArgs,
    }

    #[test]
    fn arguments_are_consistent() {
        Cli::command().debug_assert();
    }
}

//! `actionplan inspect`: how a file was read (tables, header rows, column roles with their
//! evidence, sections, rows skipped).

use crate::load::{load_plan, ReadArgs};
use std::io::Write;

/// Show how a file was read: the tables found, each one's header row, each column's role with
/// its header and content evidence and confidence, the section rows, and the rows skipped and
/// why. Use it to see why an action is missing, then correct with --map, --header-row,
/// --aliases or --table-from.
#[derive(Debug, clap::Args)]
pub struct InspectArgs {
    /// The plan file, or - for standard input.
    pub file: String,
    #[command(flatten)]
    pub read: ReadArgs,
    /// Print JSON (for scripts) instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Run the command; returns the exit code.
pub fn run(args: &InspectArgs, out: &mut dyn Write) -> i32 {
    let imported = match load_plan(&args.file, &args.read) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let plan = &imported.plan;
    let text = if args.json {
        actionplan::import::inspect::to_json_with_plan(&imported) + "\n"
    } else {
        let mut s = format!(
            "{}: {} action(s) in {} group(s)\n",
            args.file,
            plan.action_count(),
            plan.recommendations.len()
        );
        if let Some(t) = &plan.meta.title {
            s.push_str(&format!("title: {t}\n"));
        }
        s.push_str(&imported.layout.to_text());
        let notes: Vec<String> = imported
            .diagnostics
            .iter()
            .filter(|d| d.code != "columns")
            .map(|d| format!("  {d}"))
            .collect();
        if !notes.is_empty() {
            s.push_str("\nnotes:\n");
            s.push_str(&notes.join("\n"));
            s.push('\n');
        }
        s
    };
    match out.write_all(text.as_bytes()) {
        Ok(()) => 0,
        Err(_) => 2,
    }
}

//! `actionplan import`: read a plan and print its canonical JSON.

use crate::load::{load_plan, ReadArgs};
use std::io::Write;

/// Read a table (CSV, TSV, JSON) and print the plan as canonical JSON.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The plan file, or - for standard input.
    pub file: String,
    #[command(flatten)]
    pub read: ReadArgs,
    /// Write the JSON here instead of standard output.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<String>,
}

/// Run the command; returns the exit code.
pub fn run(args: &ImportArgs, out: &mut dyn Write) -> i32 {
    let imported = match load_plan(&args.file, &args.read) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let json = imported.plan.to_json() + "\n";
    match &args.output {
        Some(path) => {
            if let Err(e) = std::fs::write(path, json) {
                eprintln!("error: cannot write {path}: {e}");
                return 2;
            }
            0
        }
        None => match out.write_all(json.as_bytes()) {
            Ok(()) => 0,
            Err(_) => 2,
        },
    }
}

//! `actionplan validate`: check a plan and print its findings.

use crate::load::{load_plan, ReadArgs};
use actionplan::validate::{has_errors, validate, ValidateOptions};
use actionplan::{Diagnostic, Severity};
use chrono::NaiveDate;
use std::io::Write;

/// Check a plan: exit 0 when there are no errors, 1 when there are, 2 when the file cannot be
/// read at all.
#[derive(Debug, clap::Args)]
pub struct ValidateArgs {
    /// The plan file, or - for standard input.
    pub file: String,
    #[command(flatten)]
    pub read: ReadArgs,
    /// The reporting date (recorded with the plan; defaults to the date its headers name).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<NaiveDate>,
    /// Print the findings as a JSON array.
    #[arg(long)]
    pub json: bool,
    /// Also show the reader's notes (column mapping, header row, fill-down).
    #[arg(long, short)]
    pub verbose: bool,
    /// Leave out these codes (repeatable).
    #[arg(long = "ignore", value_name = "CODE")]
    pub ignore: Vec<String>,
}

/// Run the command; returns the exit code.
pub fn run(args: &ValidateArgs, out: &mut dyn Write) -> i32 {
    let imported = match load_plan(&args.file, &args.read) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let mut plan = imported.plan;
    if args.as_of.is_some() {
        plan.meta.as_of = args.as_of;
    }
    let mut opts = {
        let mut v = ValidateOptions::default();
        v.skip_import_info = !args.verbose && !args.json;
        v
    };
    for code in &args.ignore {
        opts.config.disable(code.clone());
    }
    let found = validate(&plan, &opts);
    let written = if args.json {
        serde_json::to_string_pretty(&found)
            .map(|s| writeln!(out, "{s}"))
            .is_ok()
    } else {
        write_table(out, &plan, &found).is_ok()
    };
    if !written {
        return 2;
    }
    i32::from(has_errors(&found))
}

fn write_table(
    out: &mut dyn Write,
    plan: &actionplan::Plan,
    found: &[Diagnostic],
) -> std::io::Result<()> {
    let title = plan.meta.title.as_deref().unwrap_or("(untitled plan)");
    writeln!(
        out,
        "{}: {}",
        actionplan::text::plain_line(title),
        actionplan::groups::plan_size(plan)
    )?;
    if found.is_empty() {
        writeln!(out, "No findings.")?;
        return Ok(());
    }
    // Words for people: the code of each finding is in --json (and --ignore takes it).
    let rows: Vec<[String; 4]> = found
        .iter()
        .map(|d| {
            [
                d.severity.label().to_string(),
                d.place.row.map(|r| r.to_string()).unwrap_or_default(),
                d.place.column.clone().unwrap_or_default(),
                {
                    let mut m = sentence_case(&d.message.replace('\n', " "));
                    if m.chars().count() > 110 {
                        m = m.chars().take(109).collect::<String>() + "…";
                    }
                    m
                },
            ]
        })
        .collect();
    let head = ["Level", "Row", "Column", "Finding"];
    let mut width = head.map(|h| h.chars().count());
    for r in &rows {
        for i in 0..3 {
            width[i] = width[i].max(r[i].chars().count().min(30));
        }
    }
    let line = |cells: [&str; 4]| -> String {
        let mut s = String::new();
        for i in 0..3 {
            let c: String = cells[i].chars().take(30).collect();
            s.push_str(&format!("{c:<w$}  ", w = width[i]));
        }
        s.push_str(cells[3]);
        s
    };
    writeln!(out, "{}", line(head))?;
    for r in &rows {
        writeln!(out, "{}", line([&r[0], &r[1], &r[2], &r[3]]))?;
    }
    let count = |s| found.iter().filter(|d| d.severity == s).count();
    let n = |k: usize, one: &str, many: &str| actionplan::fmt::plural(k, one, many);
    writeln!(
        out,
        "{}, {}, {}. Each finding's code is in --json; --ignore CODE leaves one kind out.",
        n(count(Severity::Error), "error", "errors"),
        n(count(Severity::Warning), "warning", "warnings"),
        n(count(Severity::Info), "note", "notes")
    )?;
    Ok(())
}

/// The message with its first letter in capitals, as a sentence in a table.
fn sentence_case(m: &str) -> String {
    let mut chars = m.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

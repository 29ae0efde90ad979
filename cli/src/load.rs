//! Reading a plan file for the commands: path or `-` for standard input.

use actionplan::import::{Format, ImportOptions, Imported};
use chrono::NaiveDate;
use std::io::Read;

/// Options shared by every command that reads a plan.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ReadArgs {
    /// The date the plan was agreed (YYYY-MM-DD): the reference for due dates with no year.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub plan_date: Option<NaiveDate>,
    /// The input format (default: from the file name, else from the content).
    #[arg(
        long,
        default_value = "auto",
        value_name = "auto|csv|tsv|json|xlsx|docx"
    )]
    pub format: String,
    /// The workbook sheet to read: a name, or a 0-based index (default: the first sheet that
    /// holds a table of actions).
    #[arg(long, value_name = "NAME|INDEX")]
    pub sheet: Option<String>,
    /// Read every sheet of a workbook that holds a table as one plan, each sheet a theme.
    #[arg(long)]
    pub sheets_as_themes: bool,
    /// Map a column to a field: "HEADER=FIELD" ("By When=due") or "N=FIELD" for the N-th
    /// column ("3=owner"). Repeat for more columns. `actionplan inspect` shows how each
    /// column was read.
    #[arg(long = "map", value_name = "HEADER=FIELD")]
    pub map: Vec<String>,
    /// The header row (as a spreadsheet numbers rows; 0: the table has no header row).
    #[arg(long, value_name = "N")]
    pub header_row: Option<usize>,
    /// Extra header phrases, one a line: "phrase = field".
    #[arg(long, value_name = "FILE")]
    pub aliases: Option<String>,
    /// The rows from N on are another table (its header is row N). Repeat for more.
    #[arg(long = "table-from", value_name = "N")]
    pub table_from: Vec<usize>,
}

/// A failure to read: the message and the exit code (2: the file cannot be read at all).
pub struct LoadError {
    pub message: String,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// Read the file at `path` (or standard input for `-`) as a plan.
pub fn load_plan(path: &str, args: &ReadArgs) -> Result<Imported, LoadError> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| LoadError {
                message: format!("cannot read standard input: {e}"),
            })?;
        buf
    } else {
        std::fs::read(path).map_err(|e| LoadError {
            message: format!("cannot read {path}: {e}"),
        })?
    };
    let mut opts = ImportOptions::new();
    if let Some(d) = args.plan_date {
        opts.plan_date(d);
    }
    let format: Format = if args.format == "auto" {
        Format::from_path(path)
    } else {
        args.format
            .parse()
            .map_err(|e: actionplan::Error| LoadError {
                message: e.to_string(),
            })?
    };
    opts.format(format);
    if let Some(sheet) = &args.sheet {
        match sheet.parse::<usize>() {
            Ok(i) => opts.sheet(i),
            Err(_) => opts.sheet(sheet.as_str()),
        };
    }
    opts.sheets_as_themes(args.sheets_as_themes);
    let bad = |e: actionplan::Error| LoadError {
        message: e.to_string(),
    };
    for m in &args.map {
        opts.map_column(m).map_err(bad)?;
    }
    if let Some(n) = args.header_row {
        opts.header_row(n);
    }
    for &n in &args.table_from {
        opts.table_from(n);
    }
    if let Some(file) = &args.aliases {
        let text = std::fs::read_to_string(file).map_err(|e| LoadError {
            message: format!("cannot read {file}: {e}"),
        })?;
        opts.aliases(actionplan::import::Aliases::from_text(&text).map_err(bad)?);
    }
    opts.read_bytes(&bytes).map_err(|e| LoadError {
        message: format!("{path}: {e}"),
    })
}

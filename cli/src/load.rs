//! Reading a plan file for the commands: path or `-` for standard input.

use actionplan::import::{ImportOptions, Imported};
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

impl ReadArgs {
    /// The flags as the core's import options: one JSON object, read by the core
    /// ([`ImportOptions::from_json`]), which decides the names, values and defaults.
    pub fn options(&self, path: &str) -> Result<ImportOptions, LoadError> {
        use serde_json::{json, Value};
        let mut o = serde_json::Map::new();
        let mut put = |k: &str, v: Value| {
            o.insert(k.to_string(), v);
        };
        if let Some(d) = self.plan_date {
            put("plan_date", json!(d.to_string()));
        }
        put("format", json!(self.format));
        if path != "-" {
            put("file_name", json!(path));
        }
        if let Some(sheet) = &self.sheet {
            // A flag is text: digits are the sheet's 0-based number.
            match sheet.parse::<u64>() {
                Ok(i) => put("sheet", json!(i)),
                Err(_) => put("sheet", json!(sheet)),
            }
        }
        if self.sheets_as_themes {
            put("sheets_as_themes", json!(true));
        }
        if !self.map.is_empty() {
            put("map", json!(self.map));
        }
        if let Some(n) = self.header_row {
            put("header_row", json!(n));
        }
        if !self.table_from.is_empty() {
            put("table_from", json!(self.table_from));
        }
        if let Some(file) = &self.aliases {
            let text = std::fs::read_to_string(file).map_err(|e| LoadError {
                message: format!("cannot read {file}: {e}"),
            })?;
            put("aliases", json!(text));
        }
        ImportOptions::from_json(&Value::Object(o)).map_err(|e| LoadError {
            message: e.to_string(),
        })
    }
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
    let opts = args.options(path)?;
    opts.read_bytes(&bytes).map_err(|e| LoadError {
        message: format!("{path}: {e}"),
    })
}

//! How a file was read: the tables found and their rows, each one's header row, each column's
//! role with its header and content evidence and confidence, the section rows, and the rows
//! skipped and why ([`Inspection`], in [`super::Imported::layout`]). The command line shows it
//! with `actionplan inspect FILE` (`--json` for scripts); Python with `actionplan.inspect(...)`
//! and JavaScript with `inspectPlan(...)` give the same data.
//!
//! ```
//! use actionplan::import::ImportOptions;
//!
//! let csv = "Action,Owner,Due\n\
//!            Agree the terms of reference,Chief Executive,April 2025\n\
//!            Develop g[…]\n\
//!            Indicator,Target,Actual\n\
//!            Staff turnover,10%,12%\n";
//! let imported = ImportOptions::new().read_bytes(csv.as_bytes()).unwrap();
//! let layout = &imported.layout;
//! assert_eq!(layout.tables.len(), 2);
//! assert_eq!(layout.tables[0].kind, "actions");
//! assert_eq!(layout.tables[1].kind, "indicators");
//! assert_eq!(layout.tables[1].header_row, Some(4));
//! assert!(layout.skipped.iter().any(|s| s.row == 3 && s.reason.contains("cut short")));
//! println!("{}", layout.to_text());
//! ```

use super::roles::ColumnReading;
use serde::Serialize;
use std::fmt::Write;

/// How a file was read (see the [module docs](self)).
///
/// ```
/// let i = actionplan::import::Inspection::default();
/// assert!(i.tables.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Inspection {
    /// "table" (rows and columns) or "cards" (blocks of "Label: value" lines).
    pub layout: String,
    /// The rows read as the title (1-based, as a spreadsheet numbers them).
    pub title_rows: Vec<usize>,
    /// The tables found, in order.
    pub tables: Vec<TableReading>,
    /// The section (theme) headings found.
    pub sections: Vec<SectionRow>,
    /// The rows skipped, and why.
    pub skipped: Vec<SkippedRow>,
}

/// One table of a file.
///
/// ```
/// let t = actionplan::import::TableReading::default();
/// assert_eq!(t.rows, 0);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct TableReading {
    /// "actions" (read into the plan), or what a table kept apart holds: "indicators",
    /// "glossary", "sign-off", "other".
    pub kind: String,
    /// The header row (`None`: the table has no header; its columns were read from content).
    pub header_row: Option<usize>,
    /// The first and last row of the table.
    pub first_row: usize,
    /// The last row of the table.
    pub last_row: usize,
    /// How many data rows it holds.
    pub rows: usize,
    /// Each column's reading (empty for tables kept apart, which are not read).
    pub columns: Vec<ColumnReading>,
    /// The header cells of a table kept apart.
    pub header: Vec<String>,
}

/// A section heading row.
///
/// ```
/// let s = actionplan::import::SectionRow { row: 5, text: "1. Governance".into() };
/// assert_eq!(s.row, 5);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SectionRow {
    /// The row.
    pub row: usize,
    /// Its text.
    pub text: String,
}

/// A row not read as an action, and why.
///
/// ```
/// let s = actionplan::import::SkippedRow { row: 9, reason: "repeated header".into() };
/// assert_eq!(s.reason, "repeated header");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SkippedRow {
    /// The row.
    pub row: usize,
    /// Why it was skipped.
    pub reason: String,
}

impl Inspection {
    /// The inspection as JSON.
    ///
    /// ```
    /// let i = actionplan::import::Inspection::default();
    /// assert!(i.to_json().starts_with('{'));
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("plain data serialises")
    }

    /// The inspection for people: one screen saying why each row was read as it was.
    ///
    /// ```
    /// let i = actionplan::import::Inspection::default();
    /// assert!(i.to_text().contains("layout"));
    /// ```
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "layout: {}",
            if self.layout.is_empty() {
                "table"
            } else {
                &self.layout
            }
        );
        if !self.title_rows.is_empty() {
            let rows: Vec<String> = self.title_rows.iter().map(|r| r.to_string()).collect();
            let _ = writeln!(s, "title rows: {}", rows.join(", "));
        }
        for (n, t) in self.tables.iter().enumerate() {
            let header = t.header_row.map_or_else(
                || "no header row".to_string(),
                |h| format!("header row {h}"),
            );
            let _ = writeln!(
                s,
                "\ntable {} ({}): rows {}-{}, {header}, {} data row(s){}",
                n + 1,
                t.kind,
                t.first_row,
                t.last_row,
                t.rows,
                if t.kind == "actions" {
                    ""
                } else {
                    ": kept apart, not read as actions"
                }
            );
            if !t.header.is_empty() && t.columns.is_empty() {
                let _ = writeln!(s, "  header: {}", t.header.join(" | "));
            }
            for c in &t.columns {
                let name = if c.header.is_empty() {
                    format!("(column {}, no header)", c.index + 1)
                } else {
                    format!("{:?}", c.header.replace('\n', " "))
                };
                let mut why = Vec::new();
                if let Some(h) = &c.header_evidence {
                    why.push(h.clone());
                }
                if let Some(h) = &c.content_evidence {
                    why.push(h.clone());
                }
                let _ = writeln!(
                    s,
                    "  {:>2}. {name} → {} (confidence {:.2}){}",
                    c.index + 1,
                    c.role.as_str(),
                    c.confidence,
                    if why.is_empty() {
                        String::new()
                    } else {
                        format!(": {}", why.join("; "))
                    }
                );
            }
        }
        if !self.sections.is_empty() {
            let _ = writeln!(s, "\nsections:");
            for x in &self.sections {
                let text: String = x.text.chars().take(70).collect();
                let _ = writeln!(s, "  row {}: {text}", x.row);
            }
        }
        if !self.skipped.is_empty() {
            let _ = writeln!(s, "\nrows skipped:");
            for x in &self.skipped {
                let _ = writeln!(s, "  row {}: {}", x.row, x.reason);
            }
        }
        s
    }
}

/// The inspection of an import with the counts and diagnostics, as JSON: what `actionplan
/// inspect --json`, Python's `actionplan.inspect` and JavaScript's `inspectPlan` give.
///
/// ```
/// let imported = actionplan::import::ImportOptions::new()
///     .read_bytes(b"Action,Owner\nWrite the plan,Jo Bloggs\n").unwrap();
/// let json = actionplan::import::inspect::to_json_with_plan(&imported);
/// let v: serde_json::Value = serde_json::from_str(&json).unwrap();
/// assert_eq!(v["actions"], 1);
/// assert_eq!(v["tables"][0]["columns"][1]["role"], "owner");
/// ```
pub fn to_json_with_plan(imported: &super::Imported) -> String {
    let mut v = serde_json::to_value(&imported.layout).expect("plain data");
    v["actions"] = imported.plan.action_count().into();
    v["groups"] = imported.plan.recommendations.len().into();
    v["title"] = imported.plan.meta.title.clone().into();
    v["diagnostics"] = serde_json::to_value(&imported.diagnostics).expect("plain data");
    serde_json::to_string_pretty(&v).expect("plain data")
}

//! Rows of cells: what the readers of tables (CSV and TSV, workbooks, documents, PDFs) hand
//! the import pipeline. A module of its own so that the readers and the import both depend on
//! it, and not on each other.

/// One row of a source table: its 1-based row number and its cells as text.
///
/// Every reader produces these, and [`ImportOptions::read_rows`] reads them, so every format
/// goes through the same header detection, fill-down and diagnostics.
///
/// ```
/// let row = actionplan::import::SourceRow { line: 1, cells: vec!["Action".into(), "Owner".into()] };
/// assert_eq!(row.cells.len(), 2);
/// ```
///
/// [`ImportOptions::read_rows`]: crate::import::ImportOptions::read_rows
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRow {
    /// 1-based row number in the source.
    pub line: usize,
    /// The cells, as text.
    pub cells: Vec<String>,
}

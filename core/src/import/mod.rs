//! Import of real tables: CSV, TSV and the canonical JSON, from bytes or any `impl Read`.
//!
//! Real trackers are messy, and the reader takes them as they are:
//!
//! - the **header row** need not be the first: title rows above it are skipped (the first
//!   becomes the plan's title) and the header is the row whose cells best name known fields
//!   ([`Aliases`]: matched on words, so headers never seen before still match);
//! - **merged cells**: the recommendation (ref, text, definition, theme) and the owner and lead
//!   member are carried down onto the blank cells of the rows below;
//! - **repeated header rows** at page breaks are skipped, and **section rows** (one cell alone,
//!   such as "2) Business Planning Recommendations") start a new theme;
//! - multi-line cells, ragged rows (cells past the header are kept as "Column N"),
//!   UTF-8 with or without BOM, UTF-16 with BOM, and Windows-1252 (detected per cell);
//! - every column the model does not know is kept by its header in [`Action::extra`].
//!
//! The import is a pipeline of stages: rows ([`decode`](self) for CSV/TSV, [`crate::office`]
//! for workbooks and documents; card pages of "Label: value" lines are turned into a table by
//! `cards`) → regions ([`regions`]: title, header, sections, other tables, rows cut short) →
//! column roles ([`roles`]: from header words and cell content, with confidence and evidence)
//! → records (`records`: actions, fill-down, parallel lists, status and RAG words, revised
//! dates) → plan; `builder` runs them in order. How a file was read is in [`Imported::layout`] ([`inspect`]); the
//! corrections are [`ImportOptions::map_column`], [`ImportOptions::header_row`],
//! [`ImportOptions::aliases`], [`ImportOptions::sheet`] and [`ImportOptions::table_from`].
//! `docs/IMPORT.md` walks through each with examples.
//!
//! What the reader inferred and what it repaired is reported as diagnostics in
//! [`Imported::diagnostics`] (also kept in [`Plan::import_diagnostics`]).
//!
//! ```
//! use actionplan::import::ImportOptions;
//!
//! let tsv = "Key Recommendations 2023\n\n\
//!            No.\tRecommendation\tActions\tLead\tTarget Date\tProgress (RAG)\n\
//!            1\tDevelop a corporate strategy\tCommence resident survey.\tSimon Hill\tJune 2023\tComplete\n\
//!            \t\tReview survey results.\t\tAugust 2023\tNot started\n";
//! let imported = ImportOptions::new()
//!     .plan_date("2023-05-01".parse().unwrap())
//!     .read_bytes(tsv.as_bytes())
//!     .unwrap();
//! let plan = &imported.plan;
//! assert_eq!(plan.meta.title.as_deref(), Some("Key Recommendations 2023"));
//! let rec = &plan.recommendations[0];
//! assert_eq!(rec.actions.len(), 2);
//! // The merged "Lead" cell is carried down.
//! assert_eq!(rec.actions[1].owners, ["Simon Hill"]);
//! assert_eq!(rec.actions[1].due(), Some("2023-08-31".parse().unwrap()));
//! // "Progress (RAG)" holds status words here: read as status.
//! assert_eq!(rec.actions[0].status, Some(actionplan::Status::Complete));
//! ```
//!
//! [`Action::extra`]: crate::model::Action::extra
//! [`Plan::import_diagnostics`]: crate::model::Plan::import_diagnostics

mod builder;
mod cards;
mod columns;
mod decode;
mod encoding;
pub mod inspect;
mod measures;
mod office_plan;
pub mod options_data;
mod pdf_plan;
mod records;
pub mod regions;
pub mod roles;
pub(crate) mod text_layout;

pub use crate::rows::SourceRow;
pub use columns::Aliases;
pub use decode::Format;
pub use inspect::{Inspection, SectionRow, SkippedRow, TableReading};
pub use roles::ColumnReading;

use crate::diagnostic::Diagnostic;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{Plan, Role};
use crate::timeframe::Settings;
use chrono::NaiveDate;
use std::io::Read;

/// Options for reading a plan, set with `&mut self` builder methods (after rust-csv's
/// `ReaderBuilder`), or read from plain data ([`ImportOptions::from_json`], serde): the
/// option names and defaults every door uses are in [`options_data`].
///
/// ```
/// use actionplan::import::{ImportOptions, Format};
/// use actionplan::model::Role;
///
/// let csv = "Task,Person,When\nWrite the plan,Jo Bloggs,March 2025\n";
/// let imported = ImportOptions::new()
///     .format(Format::Csv)
///     .column("Person", Role::Owner)
///     .read_bytes(csv.as_bytes())
///     .unwrap();
/// assert_eq!(imported.plan.recommendations[0].actions[0].owners, ["Jo Bloggs"]);
/// ```
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    pub(crate) plan_date: Option<NaiveDate>,
    pub(crate) as_of: Option<NaiveDate>,
    pub(crate) organisation: Option<String>,
    pub(crate) title: Option<String>,
    pub(crate) format: Format,
    pub(crate) delimiter: Option<u8>,
    pub(crate) aliases: Aliases,
    pub(crate) columns: Vec<(String, Role)>,
    /// Columns mapped by their 0-based position.
    pub(crate) column_roles: Vec<(usize, Role)>,
    /// The header row, given (1-based; 0: the table has no header row).
    pub(crate) header_row: Option<usize>,
    /// Rows from which on another table starts (1-based).
    pub(crate) table_breaks: Vec<usize>,
    pub(crate) no_fill_down: bool,
    pub(crate) settings: Settings,
    // Workbook options (see `crate::office`).
    pub(crate) sheet: Option<crate::office::Sheet>,
    pub(crate) sheets_as_themes: bool,
    /// `None`: two threads where the machine has two or more cores.
    pub(crate) two_threads: Option<bool>,
}

/// A plan with the diagnostics found while reading it.
///
/// ```
/// let imported = actionplan::import::ImportOptions::new()
///     .read_bytes(b"Action,Owner\nDo it,Me\n").unwrap();
/// assert_eq!(imported.plan.action_count(), 1);
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Imported {
    /// The plan.
    pub plan: Plan,
    /// What the reader inferred or repaired (the same list as `plan.import_diagnostics`).
    pub diagnostics: Vec<Diagnostic>,
    /// How the file was read: tables, header rows, column roles, sections, rows skipped.
    pub layout: Inspection,
}

impl ImportOptions {
    /// Default options: detect the format, the header, the encoding.
    ///
    /// ```
    /// let opts = actionplan::import::ImportOptions::new();
    /// # let _ = opts;
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// The date the plan was agreed: the reference for phrases with no year.
    ///
    /// ```
    /// let mut o = actionplan::import::ImportOptions::new();
    /// o.plan_date("2025-03-18".parse().unwrap());
    /// ```
    pub fn plan_date(&mut self, date: NaiveDate) -> &mut Self {
        self.plan_date = Some(date);
        self
    }

    /// The date the progress columns describe, when the headers don't say.
    ///
    /// ```
    /// let mut o = actionplan::import::ImportOptions::new();
    /// o.as_of("2025-03-31".parse().unwrap());
    /// ```
    pub fn as_of(&mut self, date: NaiveDate) -> &mut Self {
        self.as_of = Some(date);
        self
    }

    /// The organisation's name.
    ///
    /// ```
    /// let mut o = actionplan::import::ImportOptions::new();
    /// o.organisation("Harlow Council");
    /// ```
    pub fn organisation(&mut self, name: impl Into<String>) -> &mut Self {
        self.organisation = Some(name.into());
        self
    }

    /// The plan's title (otherwise the first row above the header, if any).
    ///
    /// ```
    /// let mut o = actionplan::import::ImportOptions::new();
    /// o.title("Peer challenge action plan");
    /// ```
    pub fn title(&mut self, title: impl Into<String>) -> &mut Self {
        self.title = Some(title.into());
        self
    }

    /// The input format (default: detect).
    ///
    /// ```
    /// let mut o = actionplan::import::ImportOptions::new();
    /// o.format(actionplan::import::Format::Tsv);
    /// ```
    pub fn format(&mut self, format: Format) -> &mut Self {
        self.format = format;
        self
    }

    /// The field delimiter (default: detect among tab, comma, semicolon and bar).
    ///
    /// ```
    /// let mut o = actionplan::import::ImportOptions::new();
    /// o.delimiter(b';');
    /// ```
    pub fn delimiter(&mut self, delimiter: u8) -> &mut Self {
        self.delimiter = Some(delimiter);
        self
    }

    /// Extra header phrases for the alias table.
    ///
    /// ```
    /// let mut aliases = actionplan::import::Aliases::default();
    /// aliases.add("Whodunnit", actionplan::model::Role::Owner);
    /// let mut o = actionplan::import::ImportOptions::new();
    /// o.aliases(aliases);
    /// ```
    pub fn aliases(&mut self, aliases: Aliases) -> &mut Self {
        self.aliases = aliases;
        self
    }

    /// Map a header explicitly to a field; it wins over the alias table. The header must be
    /// present in the table ([`ErrorKind::UnknownColumn`] otherwise).
    ///
    /// ```
    /// let mut o = actionplan::import::ImportOptions::new();
    /// o.column("Person", actionplan::model::Role::Owner);
    /// ```
    pub fn column(&mut self, header: impl Into<String>, role: Role) -> &mut Self {
        self.columns.push((header.into(), role));
        self
    }

    /// Map a column by its 1-based position to a field (for a blank or unhelpful header, or a
    /// table with no header row). It wins over the header and the content.
    ///
    /// ```
    /// use actionplan::model::Role;
    /// let csv = "Item,Thing,When\nR1,Write the plan and publish it on the website,March 2025\n";
    /// let imported = actionplan::import::ImportOptions::new()
    ///     .column_at(2, Role::Action)
    ///     .read_bytes(csv.as_bytes())
    ///     .unwrap();
    /// let action = &imported.plan.recommendations[0].actions[0];
    /// assert_eq!(action.description, "Write the plan and publish it on the website");
    /// ```
    pub fn column_at(&mut self, position: usize, role: Role) -> &mut Self {
        self.column_roles.push((position.saturating_sub(1), role));
        self
    }

    /// The header row, when the reader picks the wrong one (1-based, as a spreadsheet numbers
    /// rows; blank rows count). `0` says the table has no header row: the columns are then
    /// read from their content.
    ///
    /// ```
    /// let csv = "Plan,Lead\nTask,Who,When\nWrite the plan,Jo Bloggs,March 2025\n";
    /// let imported = actionplan::import::ImportOptions::new()
    ///     .header_row(2)
    ///     .read_bytes(csv.as_bytes())
    ///     .unwrap();
    /// assert_eq!(imported.layout.tables[0].header_row, Some(2));
    /// assert_eq!(imported.plan.recommendations[0].actions[0].owners, ["Jo Bloggs"]);
    /// ```
    pub fn header_row(&mut self, row: usize) -> &mut Self {
        self.header_row = Some(row);
        self
    }

    /// Say that the rows from `row` on (1-based) are another table: the row is read as that
    /// table's header; a table of actions joins the plan, any other table is kept apart.
    ///
    /// ```
    /// let csv = "Action,Owner\nWrite the plan,Jo Bloggs\nName,Role\nJo Bloggs,Officer\n";
    /// let imported = actionplan::import::ImportOptions::new()
    ///     .table_from(3)
    ///     .read_bytes(csv.as_bytes())
    ///     .unwrap();
    /// assert_eq!(imported.plan.action_count(), 1);
    /// assert_eq!(imported.layout.tables.len(), 2);
    /// ```
    pub fn table_from(&mut self, row: usize) -> &mut Self {
        self.table_breaks.push(row);
        self.table_breaks.sort_unstable();
        self
    }

    /// A column mapping written as text, as the command line takes it: `"By When=due"` maps a
    /// header (matched on its words) to a field, `"3=owner"` the third column. Field names are
    /// the model's roles (`action`, `owner`, `timeframe`, `status`, `rag`, `percent`,
    /// `update`, `ref`, `recommendation`, `extra`, …) or everyday names (`due`, `lead`,
    /// `comment`, `ignore`).
    ///
    /// ```
    /// let csv = "Task,Person,By When\nWrite the plan,Jo Bloggs,March 2025\n";
    /// let imported = actionplan::import::ImportOptions::new()
    ///     .map_column("By When=due").unwrap()
    ///     .map_column("2=owner").unwrap()
    ///     .read_bytes(csv.as_bytes())
    ///     .unwrap();
    /// let action = &imported.plan.recommendations[0].actions[0];
    /// assert_eq!(action.owners, ["Jo Bloggs"]);
    /// assert_eq!(action.due(), "2025-03-31".parse().ok());
    /// assert!(actionplan::import::ImportOptions::new().map_column("no equals sign").is_err());
    /// ```
    pub fn map_column(&mut self, spec: &str) -> Result<&mut Self> {
        let (column, field) = spec.rsplit_once('=').ok_or_else(|| {
            Error::invalid_option(
                "map",
                format!("{spec:?} is not a mapping: write HEADER=FIELD, such as \"By When=due\""),
            )
        })?;
        let role: Role = field.parse()?;
        let column = column.trim();
        match column.parse::<usize>() {
            Ok(n) if n >= 1 => self.column_at(n, role),
            _ => self.column(column, role),
        };
        Ok(self)
    }

    /// Turn off carrying merged cells down (recommendation, owner, lead member).
    ///
    /// ```
    /// let mut o = actionplan::import::ImportOptions::new();
    /// o.fill_down(false);
    /// ```
    pub fn fill_down(&mut self, on: bool) -> &mut Self {
        self.no_fill_down = !on;
        self
    }

    /// The timeframe conventions (financial year, seasons, civic year).
    ///
    /// ```
    /// let mut o = actionplan::import::ImportOptions::new();
    /// o.timeframe_settings(actionplan::timeframe::Settings::default());
    /// ```
    pub fn timeframe_settings(&mut self, settings: Settings) -> &mut Self {
        self.settings = settings;
        self
    }

    /// The sheet of a workbook to read, by name or 0-based index (default: the first visible
    /// worksheet that holds a table of actions).
    ///
    /// ```
    /// let mut o = actionplan::import::ImportOptions::new();
    /// o.sheet("Action plan");
    /// o.sheet(0);
    /// ```
    pub fn sheet(&mut self, sheet: impl Into<crate::office::Sheet>) -> &mut Self {
        self.sheet = Some(sheet.into());
        self
    }

    /// Read every visible worksheet that holds a table as one plan, each sheet's name being the
    /// theme of its rows (for workbooks kept one sheet per theme).
    ///
    /// ```
    /// let mut o = actionplan::import::ImportOptions::new();
    /// o.sheets_as_themes(true);
    /// ```
    pub fn sheets_as_themes(&mut self, on: bool) -> &mut Self {
        self.sheets_as_themes = on;
        self
    }

    /// Read a large CSV/TSV on two threads, or on one. With two, the calling thread parses
    /// the CSV and decodes the cells while a second (scoped) thread builds the plan from
    /// batches of rows; the result is the same either way. Only inputs of 1 MiB or more are
    /// split, and only on native targets: in WebAssembly everything runs on the calling thread
    /// whatever this says.
    ///
    /// By default two threads are used where the machine has two or more cores
    /// (`std::thread::available_parallelism`): on an idle two-core machine that imports a
    /// million actions in about 70% of the time one thread takes (see the README's measured
    /// figures). On a machine whose cores are all busy with other work the hand-offs cost more
    /// than they save: `threads(false)` reads on the calling thread only.
    ///
    /// ```
    /// let mut o = actionplan::import::ImportOptions::new();
    /// o.threads(false);
    /// let imported = o.read_bytes(b"Action,Owner\nDo it,Me\n").unwrap();
    /// assert_eq!(imported.plan.action_count(), 1);
    /// ```
    pub fn threads(&mut self, on: bool) -> &mut Self {
        self.two_threads = Some(on);
        self
    }

    /// Read a plan from any reader (the whole input is read first, to detect its encoding).
    ///
    /// ```
    /// let data = std::io::Cursor::new("Action,Owner\nDo it,Me\n");
    /// let imported = actionplan::import::ImportOptions::new().read(data).unwrap();
    /// assert_eq!(imported.plan.action_count(), 1);
    /// ```
    pub fn read<R: Read>(&self, mut reader: R) -> Result<Imported> {
        // Sniff the first 64 KiB; stream the rest of a CSV/TSV straight into the reader, so
        // the whole file is never held in memory.
        let mut head = Vec::with_capacity(64 * 1024);
        (&mut reader).take(64 * 1024).read_to_end(&mut head)?;
        let plain = head.len() == 64 * 1024
            && !head.starts_with(b"\xFF\xFE")
            && !head.starts_with(b"\xFE\xFF")
            && !matches!(
                head.iter().find(|b| !b.is_ascii_whitespace()
                    && **b != 0xEF
                    && **b != 0xBB
                    && **b != 0xBF),
                Some(b'{') | Some(b'[')
            )
            && !matches!(self.format, Format::Json | Format::Xlsx | Format::Docx)
            // Office containers and PDFs are read whole (`crate::office`, `crate::pdf`).
            && crate::office::detect(&head).is_none()
            && !crate::pdf::is_pdf(&head);
        if !plain {
            reader.read_to_end(&mut head)?;
            return self.read_bytes(&head);
        }
        let decode::Sniffed::Text(text) = decode::sniff(&head)?;
        let skip = head.len() - text.len();
        let delimiter = self.delimiter.unwrap_or_else(|| match self.format {
            Format::Tsv => b'\t',
            _ => decode::detect_delimiter(&text, self),
        });
        let name = if delimiter == b'\t' { "tsv" } else { "csv" };
        let input = std::io::Cursor::new(head).chain(reader);
        let mut input = input;
        if skip > 0 {
            let mut bom = [0u8; 3];
            input.read_exact(&mut bom[..skip])?;
        }
        // At least 64 KiB (the head is full): large enough to be worth a second thread.
        self.read_records_from(decode::Records::new(input, delimiter), name, true)
    }

    /// Read a plan from bytes: CSV, TSV, or JSON (the canonical form, or an array of records);
    /// and Excel workbooks and Word documents, told by their content ([`crate::office`]).
    ///
    /// ```
    /// use actionplan::import::ImportOptions;
    /// let err = ImportOptions::new().read_bytes(b"\x00\x01\x02binary").unwrap_err();
    /// assert_eq!(err.code(), "not_text");
    /// ```
    pub fn read_bytes(&self, bytes: &[u8]) -> Result<Imported> {
        // Office containers (.xlsx, .xls, .ods, .docx) go to their readers.
        if let Some(result) = office_plan::route(self, bytes) {
            return result;
        }
        // PDF files (feature `pdf`).
        if let Some(result) = pdf_plan::route(self, bytes) {
            return result;
        }
        let decode::Sniffed::Text(text) = decode::sniff(bytes)?;
        let text: &[u8] = &text;
        let format = match self.format {
            Format::Auto => {
                let first = text.iter().find(|b| !b.is_ascii_whitespace()).copied();
                match first {
                    Some(b'{') | Some(b'[') => Format::Json,
                    _ => Format::Csv,
                }
            }
            f => f,
        };
        match format {
            Format::Json => self.read_json(text),
            Format::Xlsx | Format::Docx => {
                Err(crate::office::not_a_container(office_plan::wanted(format)))
            }
            Format::Tsv => self.read_delimited(text, self.delimiter.unwrap_or(b'\t'), "tsv"),
            Format::Csv | Format::Auto => {
                // Tables copied out of Word or a PDF (one cell per line, wrapped cells).
                if self.delimiter.is_none() && self.format == Format::Auto {
                    if let Some(table) = std::str::from_utf8(text)
                        .ok()
                        .and_then(|t| text_layout::read(t, self))
                    {
                        if !cfg!(feature = "text-layouts") {
                            return Err(text_layout::feature_off(
                                "tables pasted out of Word or PDF documents",
                            ));
                        }
                        let mut imported = self.read_rows(table.rows, table.format)?;
                        imported.diagnostics.splice(0..0, table.notes);
                        imported.plan.import_diagnostics = imported.diagnostics.clone();
                        return Ok(imported);
                    }
                }
                let d = self
                    .delimiter
                    .unwrap_or_else(|| decode::detect_delimiter(text, self));
                let name = if d == b'\t' { "tsv" } else { "csv" };
                self.read_delimited(text, d, name)
            }
        }
    }

    fn read_delimited(&self, text: &[u8], delimiter: u8, format: &str) -> Result<Imported> {
        let large = text.len() >= 1 << 20;
        self.read_records_from(decode::Records::new(text, delimiter), format, large)
    }

    fn read_records_from<R: Read>(
        &self,
        mut records: decode::Records<R>,
        format: &str,
        large: bool,
    ) -> Result<Imported> {
        #[cfg(not(target_arch = "wasm32"))]
        let built = if large && self.two_threads.unwrap_or_else(more_than_one_core) {
            self.build_on_two_threads(&mut records, format)
        } else {
            builder::build(&mut records, self, format)
        };
        #[cfg(target_arch = "wasm32")]
        let built = {
            let _ = large;
            builder::build(&mut records, self, format)
        };
        let mut imported = built?;
        let mut extra = std::mem::take(&mut records.diagnostics);
        if !records.cp1252_rows.is_empty() {
            extra.push(decode_note(&records.cp1252_rows, records.utf8_non_ascii));
        }
        if !extra.is_empty() {
            imported.diagnostics.splice(0..0, extra);
            imported.plan.import_diagnostics = imported.diagnostics.clone();
        }
        Ok(imported)
    }

    /// Parse on the calling thread, build on a scoped one: rows go across in chunks through
    /// a bounded channel (so memory stays bounded when the builder falls behind).
    #[cfg(not(target_arch = "wasm32"))]
    fn build_on_two_threads<R: Read>(
        &self,
        records: &mut decode::Records<R>,
        format: &str,
    ) -> Result<Imported> {
        std::thread::scope(|scope| {
            // Rows go across a chunk (about 64 KiB of text) at a time.
            let (tx, rx) = std::sync::mpsc::sync_channel::<builder::Chunk>(16);
            let builder = scope.spawn(move || builder::build(rx.into_iter(), self, format));
            for chunk in records.by_ref() {
                if tx.send(chunk).is_err() {
                    // The builder stopped early (no header, say): stop reading.
                    break;
                }
            }
            drop(tx);
            builder
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        })
    }

    /// Read rows produced by another reader (a spreadsheet or a document table).
    ///
    /// ```
    /// use actionplan::import::{ImportOptions, SourceRow};
    /// let rows = vec![
    ///     SourceRow { line: 1, cells: vec!["Recommendation".into(), "Action".into()] },
    ///     SourceRow { line: 2, cells: vec!["Be better".into(), "Try harder".into()] },
    /// ];
    /// let imported = ImportOptions::new().read_rows(rows, "xlsx").unwrap();
    /// assert_eq!(imported.plan.meta.source_format.as_deref(), Some("xlsx"));
    /// ```
    pub fn read_rows<I: IntoIterator<Item = SourceRow>>(
        &self,
        rows: I,
        format: &str,
    ) -> Result<Imported> {
        builder::build(builder::SourceChunks::new(rows.into_iter()), self, format)
    }

    /// Read JSON: a canonical plan object, or an array of flat records (objects whose keys are
    /// column headers), which are read like a table.
    fn read_json(&self, text: &[u8]) -> Result<Imported> {
        let first = text.iter().find(|b| !b.is_ascii_whitespace()).copied();
        if first != Some(b'[') {
            // Straight into the model, so errors keep their line and column.
            let mut plan: Plan = serde_json::from_slice(text)?;
            if plan.recommendations.is_empty() {
                // Every field of a plan has a default, so any object reads as an empty plan:
                // say what the object looks like instead of reporting "0 actions".
                return Err(not_a_plan_object(text));
            }
            if plan.meta.plan_date.is_none() {
                plan.meta.plan_date = self.plan_date;
            }
            let diagnostics = plan.import_diagnostics.clone();
            return Ok(Imported {
                plan,
                diagnostics,
                layout: Inspection::default(),
            });
        }
        // Records are read key by key, so a key given twice in one record is seen (a map would
        // keep the last value silently).
        let items: Vec<json_records::Item> = serde_json::from_slice(text)?;
        let mut records = Vec::with_capacity(items.len());
        let mut duplicates = Vec::new();
        for (i, item) in items.into_iter().enumerate() {
            match item {
                json_records::Item::Record(map, dups) => {
                    records.push(map);
                    duplicates.extend(dups.into_iter().map(|d| (i, d)));
                }
                json_records::Item::Other(what) => {
                    return Err(Error::new(ErrorKind::Json {
                        line: 1,
                        column: 1,
                        message: format!(
                            "item {} of the array is {what}, expected an object with column headers as keys",
                            i + 1,
                        ),
                    }))
                }
            }
        }
        let mut imported = self.read_records(&records)?;
        if !duplicates.is_empty() {
            let notes = json_records::duplicate_notes(&duplicates);
            imported.diagnostics.splice(0..0, notes);
            imported.plan.import_diagnostics = imported.diagnostics.clone();
        }
        Ok(imported)
    }

    /// Read flat records (column header → value), as from a data frame or a JSON array.
    ///
    /// ```
    /// let rec: serde_json::Map<String, serde_json::Value> =
    ///     serde_json::from_str(r#"{"Action": "Do it", "Owner": "Me", "Due": "May 2025"}"#).unwrap();
    /// let imported = actionplan::import::ImportOptions::new().read_records(&[rec]).unwrap();
    /// assert_eq!(imported.plan.action_count(), 1);
    /// ```
    pub fn read_records(
        &self,
        records: &[serde_json::Map<String, serde_json::Value>],
    ) -> Result<Imported> {
        let mut headers: Vec<String> = Vec::new();
        for r in records {
            for k in r.keys() {
                if !headers.contains(k) {
                    headers.push(k.clone());
                }
            }
        }
        if headers.is_empty() {
            return Err(Error::new(ErrorKind::Empty));
        }
        let mut rows = Vec::with_capacity(records.len() + 1);
        rows.push(SourceRow {
            line: 1,
            cells: headers.clone(),
        });
        for (i, r) in records.iter().enumerate() {
            let cells = headers
                .iter()
                .map(|h| match r.get(h) {
                    None | Some(serde_json::Value::Null) => String::new(),
                    Some(serde_json::Value::String(s)) => s.clone(),
                    Some(other) => other.to_string(),
                })
                .collect();
            rows.push(SourceRow { line: i + 2, cells });
        }
        self.read_rows(rows, "records")
    }
}

/// The error for a JSON object that reads as a plan with no recommendations: what it looks
/// like (a rule set, a JSON Schema, some other object), with its keys.
fn not_a_plan_object(text: &[u8]) -> Error {
    use serde::de::IgnoredAny;
    let keys: Vec<String> =
        serde_json::from_slice::<std::collections::BTreeMap<String, IgnoredAny>>(text)
            .map(|m| m.into_keys().collect())
            .unwrap_or_default();
    let has = |k: &str| keys.iter().any(|x| x == k);
    let message = if has("rules") && has("scale") {
        "this is a rule set (it has \"scale\" and \"rules\"), not a plan: give it as the rules \
         (--rules FILE), and the plan as the input"
            .to_string()
    } else if has("$schema") || (has("type") && (has("properties") || has("$defs"))) {
        "this is a JSON Schema, not a plan: a plan is an object with \"recommendations\" \
         (described by schema/plan.schema.json)"
            .to_string()
    } else {
        let shown: Vec<String> = keys.iter().take(8).map(|k| format!("{k:?}")).collect();
        format!(
            "no actions or recommendations found: expected a plan object with \"recommendations\" \
             (the canonical form) or an array of records{}",
            if keys.is_empty() {
                " (the object is empty)".to_string()
            } else {
                format!(
                    " (the object's keys are {}{})",
                    shown.join(", "),
                    if keys.len() > 8 { ", …" } else { "" }
                )
            }
        )
    };
    Error::new(ErrorKind::Json {
        line: 1,
        column: 1,
        message,
    })
}

/// JSON records read key by key (see [`ImportOptions::read_records`]).
mod json_records {
    use crate::diagnostic::{Diagnostic, Place, Severity};
    use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
    use serde_json::{Map, Value};

    /// A key given twice in one record: the key, the value dropped, the value kept.
    pub(super) struct Duplicate {
        key: String,
        dropped: String,
        kept: String,
    }

    /// One item of a JSON array of records.
    pub(super) enum Item {
        /// An object, and the keys it gave twice (the last value is kept, as JavaScript's and
        /// Python's JSON readers do).
        Record(Map<String, Value>, Vec<Duplicate>),
        /// Not an object: what it is ("a number").
        Other(&'static str),
    }

    fn text(v: &Value) -> String {
        match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        }
    }

    impl<'de> Deserialize<'de> for Item {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = Item;
                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str("an object with column headers as keys")
                }
                fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Item, A::Error> {
                    let mut map = Map::new();
                    let mut dups = Vec::new();
                    while let Some((k, v)) = m.next_entry::<String, Value>()? {
                        if let Some(old) = map.get(&k) {
                            dups.push(Duplicate {
                                key: k.clone(),
                                dropped: text(old),
                                kept: text(&v),
                            });
                        }
                        map.insert(k, v);
                    }
                    Ok(Item::Record(map, dups))
                }
                fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<Item, A::Error> {
                    while s.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                    Ok(Item::Other("an array"))
                }
                fn visit_bool<E>(self, _: bool) -> Result<Item, E> {
                    Ok(Item::Other("a boolean"))
                }
                fn visit_i64<E>(self, _: i64) -> Result<Item, E> {
                    Ok(Item::Other("a number"))
                }
                fn visit_u64<E>(self, _: u64) -> Result<Item, E> {
                    Ok(Item::Other("a number"))
                }
                fn visit_f64<E>(self, _: f64) -> Result<Item, E> {
                    Ok(Item::Other("a number"))
                }
                fn visit_str<E>(self, _: &str) -> Result<Item, E> {
                    Ok(Item::Other("a string"))
                }
                fn visit_unit<E>(self) -> Result<Item, E> {
                    Ok(Item::Other("null"))
                }
            }
            d.deserialize_any(V)
        }
    }

    /// One warning per duplicated key (by the record's row, as the table reading numbers them:
    /// the header is row 1).
    pub(super) fn duplicate_notes(dups: &[(usize, Duplicate)]) -> Vec<Diagnostic> {
        dups.iter()
            .take(100)
            .map(|(i, d)| {
                Diagnostic::new(
                    "duplicate_key",
                    Severity::Warning,
                    format!(
                        "record {} gives the key {:?} twice: the last value ({:?}) was kept, \
                         the earlier one ({:?}) dropped",
                        i + 1,
                        d.key,
                        d.kept,
                        d.dropped
                    ),
                )
                .at(Place::cell(i + 2, d.key.as_str(), d.kept.as_str()))
            })
            .collect()
    }
}

fn decode_note(rows: &[usize], utf8_too: bool) -> Diagnostic {
    use crate::diagnostic::{Place, Severity};
    let shown: Vec<String> = rows.iter().take(10).map(|r| r.to_string()).collect();
    let more = if rows.len() > 10 {
        format!(" and {} more", rows.len() - 10)
    } else {
        String::new()
    };
    if utf8_too {
        Diagnostic::new(
            "mixed_encoding",
            Severity::Warning,
            format!(
                "the file mixes UTF-8 with another encoding: rows {}{} were read as Windows-1252",
                shown.join(", "),
                more
            ),
        )
        .at(Place::row(rows[0]))
        .hint("check those rows' accented letters, quotes and £ signs; save the file as UTF-8")
    } else {
        Diagnostic::new(
            "encoding",
            Severity::Info,
            "the file is not UTF-8: it was read as Windows-1252 (as Excel saves CSV on Windows)",
        )
        .at(Place::row(rows[0]))
    }
}

/// Whether the machine offers more than one core to this process.
#[cfg(not(target_arch = "wasm32"))]
fn more_than_one_core() -> bool {
    std::thread::available_parallelism().is_ok_and(|n| n.get() >= 2)
}

//! Office files: Excel workbooks and Word documents in, tracker workbooks out.
//!
//! Councils keep their action plans in Excel and publish them as Word tables. This module reads
//! both from bytes (so it works the same in Rust, Python and the browser) and hands the rows to
//! [`ImportOptions::read_rows`](crate::import::ImportOptions::read_rows): the header detection,
//! fill-down, section rows, diagnostics and the canonical model are the same as for CSV.
//!
//! - **Excel** (feature `excel`): `.xlsx`/`.xlsm` streamed cell by cell, `.xls` and `.ods`
//!   through calamine. The sheet is chosen by name or index ([`Sheet`]), or the first visible
//!   worksheet that holds a plan. Merged cells are resolved: a region merged across columns is
//!   one cell (its text in its first column); a region merged down applies to every row it
//!   spans (an owner, due date or status merged over three actions is each one's), while the
//!   recommendation's own merged cells are left blank below their first row, which is how the
//!   importer knows those rows continue the recommendation. Dates are read by their number
//!   format: a format that shows the day gives `YYYY-MM-DD`; one that shows only a month and
//!   year gives what Excel shows (`Mar-25`, `March 2025`): a period, due at the end of the month,
//!   not the 1st that Excel stores. A date typed as a bare serial number in a due-date column is
//!   read as a date (with a diagnostic). Other cells keep the text Excel shows (decimals,
//!   percentages, currency). One sheet per theme can be read as the themes of one plan
//!   ([`ImportOptions::sheets_as_themes`](crate::import::ImportOptions::sheets_as_themes)).
//! - **Word** (feature `word`): the tables of a `.docx`, with paragraphs inside a cell as line
//!   breaks, `gridSpan` and `vMerge` merges, several tables with the headings between them as
//!   themes, and the heading before the first table as the title.
//! - The tracker workbook *out* is a report: see `report::rated_tracker_xlsx` (feature
//!   `xlsx-writer`).
//!
//! Bad files (a damaged zip, a password-protected workbook, a zip bomb, a workbook with no
//! table) give an [`Error`], never a panic, within the [`Limits`].
//!
//! ```
//! # #[cfg(feature = "excel")] {
//! use actionplan::import::{Format, ImportOptions};
//! use actionplan::ErrorKind;
//!
//! // Bytes that start like a zip but are not one: a clear error, not a panic. Read as they
//! // come, they are "not text" (with what they look like); said to be a workbook, they are a
//! // damaged document.
//! let junk = b"PK\x03\x04 not really a zip";
//! let err = ImportOptions::new().read_bytes(junk).unwrap_err();
//! assert!(err.to_string().contains("damaged"));
//! let err = ImportOptions::new().format(Format::Xlsx).read_bytes(junk).unwrap_err();
//! assert!(matches!(err.kind(), ErrorKind::Document { .. }));
//! # }
//! ```

mod detect;
pub(crate) mod limits;

#[cfg(any(feature = "excel", feature = "word"))]
mod container;
#[cfg(feature = "word")]
mod docx_in;
#[cfg(feature = "excel")]
mod grid;
#[cfg(feature = "excel")]
mod numfmt;
#[cfg(feature = "excel")]
mod xlsx_in;

pub use detect::{detect, Container};
pub use limits::Limits;

#[cfg(any(feature = "excel", feature = "word"))]
use crate::diagnostic::Diagnostic;
use crate::error::{Error, ErrorKind, Result};
use crate::import::{Format, ImportOptions, Imported};
#[cfg(any(feature = "excel", feature = "word"))]
use crate::{
    import::SourceRow,
    text::{clean_cell, is_blank},
};

/// Which sheet of a workbook to read: by name (exact, then ignoring case) or by 0-based index.
///
/// ```
/// use actionplan::office::Sheet;
/// assert_eq!(Sheet::from("Actions"), Sheet::Name("Actions".into()));
/// assert_eq!(Sheet::from(1), Sheet::Index(1));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sheet {
    /// The sheet with this name.
    Name(String),
    /// The sheet at this 0-based position (hidden sheets count).
    Index(usize),
}

impl From<&str> for Sheet {
    fn from(name: &str) -> Self {
        Sheet::Name(name.to_string())
    }
}

impl From<String> for Sheet {
    fn from(name: String) -> Self {
        Sheet::Name(name)
    }
}

impl From<usize> for Sheet {
    fn from(index: usize) -> Self {
        Sheet::Index(index)
    }
}

/// Read a workbook or document with explicit [`Limits`] (what
/// [`ImportOptions::read_bytes`] does with the default limits when the bytes are an Office
/// file).
///
/// ```
/// use actionplan::import::ImportOptions;
/// use actionplan::office::{read_office, Limits};
/// let err = read_office(&ImportOptions::new(), b"Action,Owner\n", &Limits::default()).unwrap_err();
/// assert_eq!(err.code(), "document");
/// ```
pub fn read_office(opts: &ImportOptions, bytes: &[u8], limits: &Limits) -> Result<Imported> {
    match detect(bytes) {
        Some(c) => read_container(opts, bytes, c, limits),
        None => Err(not_a_container(opts.format)),
    }
}

/// The sheet names of a workbook, in order (hidden sheets included), so that a user interface
/// can offer a choice.
///
/// ```
/// let err = actionplan::office::sheet_names(b"not a workbook").unwrap_err();
/// assert_eq!(err.code(), "document");
/// ```
pub fn sheet_names(bytes: &[u8]) -> Result<Vec<String>> {
    #[cfg(feature = "excel")]
    {
        match detect(bytes) {
            Some(Container::Zip) | Some(Container::Xls) => {
                xlsx_in::sheet_names(bytes, &Limits::default())
            }
            Some(Container::Encrypted) => Err(encrypted_error()),
            _ => Err(doc_error("xlsx", "the file is not an Excel workbook")),
        }
    }
    #[cfg(not(feature = "excel"))]
    {
        let _ = bytes;
        Err(feature_off("xlsx", "excel"))
    }
}

/// The hook in [`ImportOptions::read_bytes`]: `Some` when the bytes are an Office container
/// (or the caller asked for one), `None` to go on reading them as text.
pub(crate) fn route(opts: &ImportOptions, bytes: &[u8]) -> Option<Result<Imported>> {
    // Built with no Office reader, an unasked-for container is left to the text reader, which
    // says it is binary and what it looks like.
    #[cfg(not(any(feature = "excel", feature = "word")))]
    if !matches!(opts.format, Format::Xlsx | Format::Docx) {
        return None;
    }
    match detect(bytes) {
        Some(c) => Some(read_container(opts, bytes, c, &Limits::default())),
        None if matches!(opts.format, Format::Xlsx | Format::Docx) => {
            Some(Err(not_a_container(opts.format)))
        }
        None => None,
    }
}

/// The error for bytes that were expected to be a workbook or document but are not.
pub(crate) fn not_a_container(format: Format) -> Error {
    let (name, what) = match format {
        Format::Docx => ("docx", "a valid Word document (.docx)"),
        _ => ("xlsx", "a valid Excel file (.xlsx, .xls or .ods)"),
    };
    doc_error(
        name,
        format!("this is not {what}: it may be damaged, or another kind of file renamed"),
    )
}

fn doc_error(format: &str, message: impl Into<String>) -> Error {
    Error::new(ErrorKind::Document {
        format: format.to_string(),
        message: message.into(),
    })
}

fn encrypted_error() -> Error {
    doc_error(
        "office",
        "the file is password-protected (an encrypted Excel or Word file): open it, remove the \
         password (File › Info › Protect), save it and try again",
    )
}

#[allow(dead_code)]
fn feature_off(format: &str, feature: &str) -> Error {
    doc_error(
        format,
        format!("this build of actionplan does not read {format} files (the `{feature}` feature is off)"),
    )
}

fn read_container(
    opts: &ImportOptions,
    bytes: &[u8],
    container: Container,
    limits: &Limits,
) -> Result<Imported> {
    match container {
        Container::Encrypted => Err(encrypted_error()),
        Container::Doc => Err(doc_error(
            "doc",
            "Word 97–2003 documents (.doc) are not read: open it in Word and save it as .docx",
        )),
        Container::Ole => Err(doc_error(
            "ole",
            "this is an Office 97–2003 file that is neither an Excel workbook nor a Word document",
        )),
        Container::Xls => {
            #[cfg(feature = "excel")]
            {
                xlsx_in::read_legacy(opts, bytes, "xls", limits)
            }
            #[cfg(not(feature = "excel"))]
            {
                let _ = (opts, bytes, limits);
                Err(feature_off("xls", "excel"))
            }
        }
        Container::Zip => read_zip(opts, bytes, limits),
    }
}

#[cfg(any(feature = "excel", feature = "word"))]
fn read_zip(opts: &ImportOptions, bytes: &[u8], limits: &Limits) -> Result<Imported> {
    use container::{Zip, ZipKind};
    let name = match opts.format {
        Format::Docx => "docx",
        Format::Xlsx => "xlsx",
        _ => "zip",
    };
    let mut zip = match Zip::open(bytes, *limits, name) {
        Ok(z) => z,
        // No zip directory at all: the bytes are not a container (a truncated download, or junk
        // that starts like a zip). Unless the caller said it is a workbook or document, that is
        // the text reader's "not text" error, with what the bytes look like.
        Err(e)
            if matches!(e.kind(), ErrorKind::Document { .. })
                && !matches!(opts.format, Format::Xlsx | Format::Docx) =>
        {
            let why = match e.kind() {
                ErrorKind::Document { message, .. } => message.clone(),
                _ => String::new(),
            };
            return Err(Error::new(ErrorKind::NotText {
                offset: None,
                hint: Some(format!(
                    "this looks like a zip file (an .xlsx or .docx workbook or document), but a \
                     damaged one: {why}"
                )),
            }));
        }
        Err(e) => return Err(e),
    };
    match zip.kind() {
        ZipKind::Docx => {
            #[cfg(feature = "word")]
            {
                zip.set_format("docx");
                docx_in::read(opts, zip)
            }
            #[cfg(not(feature = "word"))]
            {
                Err(feature_off("docx", "word"))
            }
        }
        kind @ (ZipKind::Xlsx | ZipKind::Ods | ZipKind::Xlsb) => {
            #[cfg(feature = "excel")]
            {
                let format = match kind {
                    ZipKind::Ods => "ods",
                    ZipKind::Xlsb => "xlsb",
                    _ => "xlsx",
                };
                zip.set_format(format);
                zip.verify_xml_parts()?;
                if kind == ZipKind::Ods {
                    let content = zip.read_part("content.xml")?.unwrap_or_default();
                    xlsx_in::check_ods_area(&content, limits)?;
                }
                drop(zip);
                if kind == ZipKind::Xlsx {
                    xlsx_in::read_xlsx(opts, bytes, limits)
                } else {
                    xlsx_in::read_legacy(opts, bytes, format, limits)
                }
            }
            #[cfg(not(feature = "excel"))]
            {
                let _ = kind;
                Err(feature_off("xlsx", "excel"))
            }
        }
        ZipKind::OtherOffice => Err(doc_error(
            "office",
            "this Office file is neither an Excel workbook nor a Word document (a presentation?): \
             expected .xlsx, .xls, .ods or .docx",
        )),
        ZipKind::Other => Err(doc_error(
            "zip",
            "this zip archive is not an Excel workbook or a Word document",
        )),
    }
}

#[cfg(not(any(feature = "excel", feature = "word")))]
fn read_zip(opts: &ImportOptions, _bytes: &[u8], _limits: &Limits) -> Result<Imported> {
    Err(match opts.format {
        Format::Docx => feature_off("docx", "word"),
        _ => feature_off("xlsx", "excel"),
    })
}

/// Where the header row is among `rows`, given the columns the importer found: the first row
/// whose non-blank cells are exactly those headers.
#[cfg(any(feature = "excel", feature = "word"))]
pub(crate) fn header_index(rows: &[SourceRow], plan: &crate::Plan) -> Option<usize> {
    let headers: Vec<&str> = plan.columns.iter().map(|c| c.header.as_str()).collect();
    rows.iter().take(200).position(|r| {
        let mut filled = 0;
        let all = r.cells.iter().enumerate().all(|(i, c)| {
            let c = clean_cell(c);
            if is_blank(&c) {
                return true;
            }
            filled += 1;
            headers.get(i).is_some_and(|h| *h == c)
        });
        all && filled > 0
    })
}

/// Fill the cells under vertical merges once the columns are known (see the `grid` rules):
/// action columns below the header take the merged value; the recommendation's own columns
/// (ref, text, definition, theme) stay blank so the importer reads the row as continuing the
/// recommendation above. Returns how many cells were filled.
#[cfg(any(feature = "excel", feature = "word"))]
pub(crate) fn apply_fills(
    rows: &mut [SourceRow],
    fills: &[(usize, usize, String)],
    plan: &crate::Plan,
) -> usize {
    use crate::model::Role;
    let Some(h) = header_index(rows, plan) else {
        return 0;
    };
    let mut n = 0;
    for (i, col, text) in fills {
        if *i <= h {
            continue;
        }
        let role = plan.columns.get(*col).map(|c| c.role);
        if matches!(
            role,
            Some(Role::RecommendationRef | Role::Recommendation | Role::Definition | Role::Theme)
        ) {
            continue;
        }
        if let Some(cell) = rows.get_mut(*i).and_then(|r| r.cells.get_mut(*col)) {
            if is_blank(cell) {
                cell.clone_from(text);
                n += 1;
            }
        }
    }
    n
}

/// The note on vertically merged cells.
#[cfg(any(feature = "excel", feature = "word"))]
pub(crate) fn merged_note(total: usize, filled: usize) -> Diagnostic {
    Diagnostic::new(
        "merged_cells",
        crate::diagnostic::Severity::Info,
        format!(
            "{total} cell(s) lie under vertically merged cells: {filled} in action columns took \
             the merged value; the others, in the recommendation's columns, mark rows that \
             continue the recommendation above"
        ),
    )
}

/// Put reader notes in front of the importer's diagnostics, on the plan too.
#[cfg(any(feature = "excel", feature = "word"))]
pub(crate) fn prepend_notes(imported: &mut Imported, notes: Vec<Diagnostic>) {
    if notes.is_empty() {
        return;
    }
    imported.diagnostics.splice(0..0, notes);
    imported.plan.import_diagnostics = imported.diagnostics.clone();
}

/// Run a third-party parser so that a panic inside it becomes a document error (on targets
/// that unwind; the core itself never panics).
#[cfg(any(feature = "excel", feature = "word"))]
pub(crate) fn guarded<T>(format: &str, f: impl FnOnce() -> Result<T>) -> Result<T> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(_) => Err(doc_error(
            format,
            "the file could not be parsed (the reader failed on malformed content)",
        )),
    }
}

//! Office files: Excel workbooks and Word documents in, tracker workbooks out.
//!
//! Councils keep their action plans in Excel and publish them as Word tables. This module reads
//! both from bytes (so it works the same in Rust, Python and the browser) into rows of cells
//! (sheets of rows for a workbook, paragraphs and tables for a document), which the import
//! pipeline reads (`import::office_plan`): the header detection, fill-down, section rows,
//! diagnostics and the canonical model are the same as for CSV. This module knows nothing of
//! the import: the dependency goes one way, import → office.
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
pub(crate) mod xlsx_in;

pub use detect::{detect, Container};
pub use limits::Limits;

use crate::error::{Error, ErrorKind, Result};

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

/// What the caller asked the bytes to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Wanted {
    /// Whatever the content says.
    Any,
    /// An Excel or OpenDocument workbook.
    Workbook,
    /// A Word document.
    Document,
}

impl Wanted {
    fn asked(self) -> bool {
        self != Wanted::Any
    }
}

/// An Office file opened for the import: a workbook that hands out its sheets as rows, or the
/// paragraphs and tables of a document.
pub(crate) enum Opened<'a> {
    /// A workbook (feature `excel`).
    #[cfg(feature = "excel")]
    Book(Box<dyn xlsx_in::Workbook + 'a>),
    /// A document's body (feature `word`).
    #[cfg(feature = "word")]
    Word(Vec<docx_in::Block>),
    /// Never made: keeps the lifetime when both features are off.
    #[allow(dead_code)]
    Never(std::convert::Infallible, std::marker::PhantomData<&'a [u8]>),
}

#[cfg(feature = "word")]
pub(crate) use docx_in::Block;
#[cfg(feature = "excel")]
pub(crate) use grid::Grid;
#[cfg(feature = "excel")]
pub(crate) use limits::Budget;
#[cfg(feature = "excel")]
pub(crate) use xlsx_in::{serial_date, SheetInfo, Workbook};

/// Open a workbook or document with explicit [`Limits`].
pub(crate) fn open<'a>(wanted: Wanted, bytes: &'a [u8], limits: &Limits) -> Result<Opened<'a>> {
    match detect(bytes) {
        Some(c) => read_container(wanted, bytes, c, limits),
        None => Err(not_a_container(wanted)),
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

/// The hook in the import's `read_bytes`: `Some` when the bytes are an Office container (or
/// the caller asked for one), `None` to go on reading them as text.
pub(crate) fn route(wanted: Wanted, bytes: &[u8]) -> Option<Result<Opened<'_>>> {
    // Built with no Office reader, an unasked-for container is left to the text reader, which
    // says it is binary and what it looks like.
    #[cfg(not(any(feature = "excel", feature = "word")))]
    if !wanted.asked() {
        return None;
    }
    match detect(bytes) {
        Some(c) => Some(read_container(wanted, bytes, c, &Limits::default())),
        None if wanted.asked() => Some(Err(not_a_container(wanted))),
        None => None,
    }
}

/// The error for bytes that were expected to be a workbook or document but are not.
pub(crate) fn not_a_container(wanted: Wanted) -> Error {
    let (name, what) = match wanted {
        Wanted::Document => ("docx", "a valid Word document (.docx)"),
        _ => ("xlsx", "a valid Excel file (.xlsx, .xls or .ods)"),
    };
    doc_error(
        name,
        format!("this is not {what}: it may be damaged, or another kind of file renamed"),
    )
}

pub(crate) fn doc_error(format: &str, message: impl Into<String>) -> Error {
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

fn read_container<'a>(
    wanted: Wanted,
    bytes: &'a [u8],
    container: Container,
    limits: &Limits,
) -> Result<Opened<'a>> {
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
                xlsx_in::read_legacy(bytes, "xls", limits).map(Opened::Book)
            }
            #[cfg(not(feature = "excel"))]
            {
                let _ = (bytes, limits);
                Err(feature_off("xls", "excel"))
            }
        }
        Container::Zip => read_zip(wanted, bytes, limits),
    }
}

#[cfg(any(feature = "excel", feature = "word"))]
fn read_zip<'a>(wanted: Wanted, bytes: &'a [u8], limits: &Limits) -> Result<Opened<'a>> {
    use container::{Zip, ZipKind};
    let name = match wanted {
        Wanted::Document => "docx",
        Wanted::Workbook => "xlsx",
        Wanted::Any => "zip",
    };
    let mut zip = match Zip::open(bytes, *limits, name) {
        Ok(z) => z,
        // No zip directory at all: the bytes are not a container (a truncated download, or junk
        // that starts like a zip). Unless the caller said it is a workbook or document, that is
        // the text reader's "not text" error, with what the bytes look like.
        Err(e) if matches!(e.kind(), ErrorKind::Document { .. }) && !wanted.asked() => {
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
                docx_in::read(zip).map(Opened::Word)
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
                    xlsx_in::read_xlsx(bytes).map(Opened::Book)
                } else {
                    xlsx_in::read_legacy(bytes, format, limits).map(Opened::Book)
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
fn read_zip<'a>(wanted: Wanted, _bytes: &'a [u8], _limits: &Limits) -> Result<Opened<'a>> {
    Err(match wanted {
        Wanted::Document => feature_off("docx", "word"),
        _ => feature_off("xlsx", "excel"),
    })
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

//! PDF files in: the action-plan tables of committee papers, as councils publish them.
//!
//! A PDF has no tables, only strings drawn at positions and lines drawn between them. With the
//! feature `pdf` (on by default) the reader takes the text of every page with its positions
//! and the ruling lines through [`lopdf`](https://docs.rs/lopdf), rebuilds the tables from them
//! (columns from x-positions and vertical rules, rows from horizontal rules or, without any,
//! from the lines and how they wrap; a table that runs over several pages with its header
//! repeated is read as one, and a cell that wraps over a page break is joined back), and hands
//! the rows to [`ImportOptions::read_rows`](crate::import::ImportOptions::read_rows): the header detection, sections, fill-down, column
//! roles and diagnostics are the same as for CSV. `docs/PDF.md` describes the rules in full.
//!
//! [`ImportOptions::read_bytes`](crate::import::ImportOptions::read_bytes) sends bytes that start with `%PDF-` here. A PDF that cannot be
//! read gives an [`ErrorKind::Pdf`] whose code says why:
//! `pdf_encrypted` (it needs a password), `pdf_scanned` (the pages are pictures with no text
//! layer: a scan), `pdf_damaged` (not a well-formed PDF). Sizes are bounded by [`Limits`].
//!
//! ```
//! use actionplan::import::ImportOptions;
//!
//! let err = ImportOptions::new().read_bytes(b"%PDF-1.7\nnot really a PDF").unwrap_err();
//! # #[cfg(feature = "pdf")]
//! assert_eq!(err.code(), "pdf_damaged");
//! ```

mod limits;

#[cfg(feature = "pdf")]
mod extract;
#[cfg(feature = "pdf")]
mod table;

pub use limits::Limits;

use crate::diagnostic::Diagnostic;
use crate::error::{Error, ErrorKind, PdfProblem, Result};
use crate::model::Role;
use crate::rows::SourceRow;

/// Whether the bytes are a PDF: `%PDF-` within the first 1024 bytes (where readers look for
/// it).
///
/// ```
/// assert!(actionplan::pdf::is_pdf(b"%PDF-1.7\n..."));
/// assert!(!actionplan::pdf::is_pdf(b"Action,Owner\n"));
/// ```
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

/// How the reader tells a header cell: the column [`Role`] a label names, or `None`. The
/// import pipeline passes its column names ([`crate::import::Aliases::classify`]), so a rule
/// set's own column names count here too.
pub type Classify<'a> = dyn Fn(&str) -> Option<Role> + 'a;

/// The rows the reader rebuilds from a PDF's tables (title, header, section and data rows, as
/// they go to [`ImportOptions::read_rows`](crate::import::ImportOptions::read_rows)), and its
/// notes on what it did (diagnostics). [`ImportOptions::read_pdf`](crate::import::ImportOptions::read_pdf)
/// reads them as a plan; a build without the feature `pdf` says so in its error.
///
/// ```
/// use actionplan::import::Aliases;
/// use actionplan::pdf::{table_rows, Limits};
/// let names = Aliases::default();
/// let classify = |h: &str| names.classify(h);
/// let err = table_rows(b"%PDF-1.4 junk", &Limits::default(), &classify).unwrap_err();
/// # #[cfg(feature = "pdf")]
/// assert_eq!(err.code(), "pdf_damaged");
/// ```
pub fn table_rows(
    bytes: &[u8],
    limits: &Limits,
    classify: &Classify<'_>,
) -> Result<(Vec<SourceRow>, Vec<Diagnostic>)> {
    #[cfg(feature = "pdf")]
    {
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            table_rows_unguarded(bytes, limits, classify)
        })) {
            Ok(r) => r,
            Err(_) => Err(damaged(
                "the file could not be parsed (the PDF reader failed on malformed content)",
            )),
        }
    }
    #[cfg(not(feature = "pdf"))]
    {
        table_rows_unguarded(bytes, limits, classify)
    }
}

/// [`table_rows`] without its guard against panics in the PDF parser, so that a fuzzer sees
/// them. Not for use outside the fuzz targets.
///
/// ```
/// use actionplan::pdf::{table_rows_unguarded, Limits};
/// assert!(table_rows_unguarded(b"%PDF-1.4", &Limits::default(), &|_| None).is_err());
/// ```
#[doc(hidden)]
pub fn table_rows_unguarded(
    bytes: &[u8],
    limits: &Limits,
    classify: &Classify<'_>,
) -> Result<(Vec<SourceRow>, Vec<Diagnostic>)> {
    #[cfg(feature = "pdf")]
    {
        if !is_pdf(bytes) {
            return Err(damaged(
                "the bytes do not start with %PDF-: this is not a PDF",
            ));
        }
        read_tables(bytes, limits, classify)
    }
    #[cfg(not(feature = "pdf"))]
    {
        let _ = (bytes, limits, classify);
        Err(Error::new(ErrorKind::Document {
            format: "pdf".into(),
            message: "this build of actionplan does not read PDF files (the `pdf` feature is \
                      off)"
                .into(),
        }))
    }
}

#[cfg_attr(not(feature = "pdf"), allow(dead_code))]
fn pdf_error(problem: PdfProblem, message: impl Into<String>) -> Error {
    Error::new(ErrorKind::Pdf {
        problem,
        message: message.into(),
    })
}

#[cfg_attr(not(feature = "pdf"), allow(dead_code))]
pub(crate) fn damaged(message: impl Into<String>) -> Error {
    pdf_error(PdfProblem::Damaged, message)
}

#[cfg(feature = "pdf")]
fn read_tables(
    bytes: &[u8],
    limits: &Limits,
    classify: &Classify<'_>,
) -> Result<(Vec<SourceRow>, Vec<Diagnostic>)> {
    use crate::diagnostic::Severity;

    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(limits::too_large(
            "the PDF file, in bytes",
            bytes.len() as u64,
            limits.max_file_bytes,
        ));
    }
    let objects = limits::count_objects(bytes, limits.max_objects);
    if objects > limits.max_objects {
        return Err(limits::too_large(
            "the number of objects in the PDF",
            objects as u64,
            limits.max_objects as u64,
        ));
    }
    let marked_encrypted = bytes.windows(8).any(|w| w == b"/Encrypt");
    let encrypted = || {
        pdf_error(
            PdfProblem::Encrypted,
            "this PDF is encrypted and needs a password to open: open it, save or print it as \
             a PDF without a password (or export the table to Excel), and try again",
        )
    };
    let load = lopdf::LoadOptions {
        max_decompressed_size: Some(limits.max_stream_bytes as usize),
        ..Default::default()
    };
    let doc = match lopdf::Document::load_mem_with_options(bytes, load) {
        Ok(d) => d,
        Err(_) if marked_encrypted => return Err(encrypted()),
        Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })) => {
            return Err(limits::too_large(
                "a stream in the PDF, decompressed",
                limits.max_stream_bytes.saturating_add(1),
                limits.max_stream_bytes,
            ))
        }
        Err(e) => {
            return Err(damaged(format!(
                "this file starts like a PDF but is damaged or truncated ({e})"
            )))
        }
    };
    if doc.trailer.has(b"Encrypt") && !doc.was_encrypted() {
        return Err(encrypted());
    }
    if doc.objects.len() > limits.max_objects {
        return Err(limits::too_large(
            "the number of objects in the PDF",
            doc.objects.len() as u64,
            limits.max_objects as u64,
        ));
    }
    let page_ids: Vec<lopdf::ObjectId> = doc.page_iter().take(limits.max_pages + 1).collect();
    if page_ids.len() > limits.max_pages {
        return Err(limits::too_large(
            "the number of pages in the PDF",
            page_ids.len() as u64,
            limits.max_pages as u64,
        ));
    }
    if page_ids.is_empty() {
        return Err(damaged(
            "this PDF has no pages (its page tree is empty or damaged)",
        ));
    }
    let mut budget = 0u64;
    let mut pages = Vec::with_capacity(page_ids.len());
    for id in &page_ids {
        pages.push(extract::page(&doc, *id, limits, &mut budget)?);
    }
    drop(doc);
    let pieces: usize = pages.iter().map(|p| p.pieces.len()).sum();
    let undecoded: usize = pages.iter().map(|p| p.undecoded).sum();
    if pieces == 0 {
        if undecoded > 0 {
            return Err(damaged(
                "this PDF's text cannot be decoded (its fonts have no map to Unicode): export \
                 the table from the program that made it, or copy it out as text",
            ));
        }
        let images = pages.iter().filter(|p| p.images).count();
        return Err(pdf_error(
            PdfProblem::Scanned,
            format!(
                "this PDF has no text layer: it is a scan ({} page(s), {images} with pictures \
                 and none with text); run OCR on it first (for example ocrmypdf), or use the \
                 document it was made from",
                pages.len()
            ),
        ));
    }
    let (rows, mut notes) = table::rows(&pages, classify);
    let rows = if rows.is_empty() {
        // No header anywhere: hand the lines on, so the error is the usual "no header row".
        table::plain_rows(&pages)
    } else {
        rows
    };
    if undecoded > 0 {
        notes.push(Diagnostic::new(
            "pdf_undecoded_text",
            Severity::Warning,
            format!(
                "{undecoded} string(s) of text could not be decoded (a font with no map to \
                 Unicode) and were left out"
            ),
        ));
    }
    notes.push(Diagnostic::new(
        "pdf",
        Severity::Info,
        format!(
            "read from a PDF of {} page(s): {pieces} strings of text; row numbers count the \
             lines of text from the top of the first page",
            pages.len()
        ),
    ));
    Ok((rows, notes))
}

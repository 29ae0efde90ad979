//! Errors: the input is not a plan at all.
//!
//! An [`Error`] means nothing usable could be read (an empty file, binary junk, a table with no
//! recognisable header). Problems *inside* a readable plan are [`Diagnostic`](crate::Diagnostic)s,
//! returned as data and never thrown.
//!
//! The error is small (one boxed kind) and carries its place where there is one, after
//! rust-csv's `Error`.
//!
//! ```
//! use actionplan::import::ImportOptions;
//! use actionplan::ErrorKind;
//!
//! let err = ImportOptions::new().read_bytes(b"").unwrap_err();
//! assert!(matches!(err.kind(), ErrorKind::Empty));
//! assert_eq!(err.code(), "empty");
//! ```

use std::fmt;

/// A `Result` whose error is this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// The input could not be read as a plan.
///
/// ```
/// use actionplan::{Error, ErrorKind};
/// let e = Error::new(ErrorKind::NoHeader { rows_scanned: 12 });
/// assert!(e.to_string().contains("header"));
/// ```
#[derive(Debug, Clone)]
pub struct Error {
    kind: Box<ErrorKind>,
    /// The operating system's error behind an [`ErrorKind::Io`], kept for `source()`.
    io: Option<std::sync::Arc<std::io::Error>>,
}

impl PartialEq for Error {
    /// Equal kinds, and the same kind of I/O error behind them (I/O errors do not compare).
    fn eq(&self, other: &Error) -> bool {
        self.kind == other.kind && self.io_kind() == other.io_kind()
    }
}

/// What kind of error, with its place.
///
/// ```
/// use actionplan::ErrorKind;
/// let k = ErrorKind::Json { line: 3, column: 7, message: "expected value".into() };
/// assert_eq!(actionplan::Error::new(k).code(), "json");
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input has no bytes, or only white space.
    #[error("the file is empty: expected a table of actions (CSV, TSV, JSON or a spreadsheet)")]
    Empty,
    /// The input looks like binary data that is not a known document format.
    #[error("the file is not text{}: expected a table of actions (CSV, TSV or JSON){}", .offset.map(|o| format!(" (binary data at byte {o})")).unwrap_or_default(), .hint.as_deref().map(|h| format!("; {h}")).unwrap_or_default())]
    NotText {
        /// Byte offset of the first byte that gave it away.
        offset: Option<u64>,
        /// What the bytes look like, when it can be told (e.g. "this looks like a PDF").
        hint: Option<String>,
    },
    /// No row looked like a header naming at least an action or recommendation column.
    #[error("no header row found in the first {rows_scanned} rows: expected a row naming the columns, such as Recommendation, Action, Owner, Due date")]
    NoHeader {
        /// How many rows were looked at.
        rows_scanned: usize,
    },
    /// The header was found but no data rows follow it.
    #[error("the table has a header (row {header_row}) but no actions below it")]
    NoRows {
        /// 1-based row number of the header.
        header_row: usize,
    },
    /// A JSON document that is not a valid plan.
    #[error("invalid plan JSON at line {line}, column {column}: {message}")]
    Json {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the JSON reader said.
        message: String,
    },
    /// An explicit column mapping names a column that is not in the header.
    #[error("column {column:?} given in the mapping is not in the header (row {header_row})")]
    UnknownColumn {
        /// The column named by the caller.
        column: String,
        /// 1-based header row.
        header_row: usize,
    },
    /// An option given by the caller is not valid (a bad rules file, a bad date).
    #[error("invalid option {name}: {message}")]
    InvalidOption {
        /// Which option.
        name: String,
        /// Why.
        message: String,
    },
    /// The input is larger than a documented limit.
    #[error("the input is too large: {what} is {size}, the limit is {limit}")]
    TooLarge {
        /// What was measured.
        what: String,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// A document container (xlsx, docx) could not be read.
    #[error("cannot read the {format} document: {message}")]
    Document {
        /// "xlsx", "docx", ...
        format: String,
        /// Why.
        message: String,
    },
    /// A PDF that cannot be read as a plan: encrypted, a scan with no text layer, or damaged.
    /// Its [`Error::code`] says which: `pdf_encrypted`, `pdf_scanned`, `pdf_damaged`.
    #[error("cannot read the PDF: {message}")]
    Pdf {
        /// Which problem.
        problem: PdfProblem,
        /// What was found, and what to do.
        message: String,
    },
    /// Reading from the underlying reader failed.
    #[error("read failed: {0}")]
    Io(String),
}

/// Why a PDF cannot be read (see [`ErrorKind::Pdf`]).
///
/// ```
/// use actionplan::{Error, ErrorKind, PdfProblem};
/// let e = Error::new(ErrorKind::Pdf { problem: PdfProblem::Scanned, message: "no text".into() });
/// assert_eq!(e.code(), "pdf_scanned");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum PdfProblem {
    /// The PDF is encrypted with a password that is needed to open it.
    Encrypted,
    /// The pages hold no text, only pictures: a scan (it needs OCR first).
    Scanned,
    /// The file is not a well-formed PDF, or its text cannot be decoded.
    Damaged,
}

impl Error {
    /// Wrap a kind.
    ///
    /// ```
    /// let e = actionplan::Error::new(actionplan::ErrorKind::Empty);
    /// assert_eq!(e.code(), "empty");
    /// ```
    pub fn new(kind: ErrorKind) -> Self {
        Error {
            kind: Box::new(kind),
            io: None,
        }
    }

    /// An [`ErrorKind::Io`] that keeps the operating system's error (its kind, and
    /// `std::error::Error::source`), with a message saying what was being read.
    ///
    /// ```
    /// use std::io::{Error as IoError, ErrorKind as IoKind};
    /// let e = actionplan::Error::io("rules file \"x.toml\" was not found", IoError::from(IoKind::NotFound));
    /// assert_eq!(e.io_kind(), Some(IoKind::NotFound));
    /// assert!(std::error::Error::source(&e).is_some());
    /// assert_eq!(e.code(), "io");
    /// ```
    pub fn io(message: impl Into<String>, e: std::io::Error) -> Self {
        Error {
            kind: Box::new(ErrorKind::Io(message.into())),
            io: Some(std::sync::Arc::new(e)),
        }
    }

    /// The kind of the operating system's error behind an I/O error (`NotFound`,
    /// `PermissionDenied`, ...), when there is one.
    ///
    /// ```
    /// let e: actionplan::Error = std::io::Error::from(std::io::ErrorKind::PermissionDenied).into();
    /// assert_eq!(e.io_kind(), Some(std::io::ErrorKind::PermissionDenied));
    /// ```
    pub fn io_kind(&self) -> Option<std::io::ErrorKind> {
        self.io.as_ref().map(|e| e.kind())
    }

    /// The kind, with its place.
    ///
    /// ```
    /// let e = actionplan::Error::new(actionplan::ErrorKind::Empty);
    /// assert!(matches!(e.kind(), actionplan::ErrorKind::Empty));
    /// ```
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// A stable machine-readable code for the kind (used as the Python exception class and the
    /// JS `Error.name` by the bindings).
    ///
    /// ```
    /// let e = actionplan::Error::new(actionplan::ErrorKind::NoRows { header_row: 2 });
    /// assert_eq!(e.code(), "no_rows");
    /// ```
    pub fn code(&self) -> &'static str {
        match self.kind() {
            ErrorKind::Empty => "empty",
            ErrorKind::NotText { .. } => "not_text",
            ErrorKind::NoHeader { .. } => "no_header",
            ErrorKind::NoRows { .. } => "no_rows",
            ErrorKind::Json { .. } => "json",
            ErrorKind::UnknownColumn { .. } => "unknown_column",
            ErrorKind::InvalidOption { .. } => "invalid_option",
            ErrorKind::TooLarge { .. } => "too_large",
            ErrorKind::Document { .. } => "document",
            ErrorKind::Pdf { problem, .. } => match problem {
                PdfProblem::Encrypted => "pdf_encrypted",
                PdfProblem::Scanned => "pdf_scanned",
                PdfProblem::Damaged => "pdf_damaged",
            },
            ErrorKind::Io(_) => "io",
        }
    }

    /// The error's name in every door: the Python exception class and the JS `Error.name`
    /// ([`NAMES`]). One vocabulary, so a notebook and a web page say the same thing.
    ///
    /// ```
    /// let e = actionplan::Error::new(actionplan::ErrorKind::Empty);
    /// assert_eq!(e.name(), "EmptyInputError");
    /// ```
    pub fn name(&self) -> &'static str {
        name_of(self.code())
    }

    /// The 1-based row the error points at, when it has one.
    ///
    /// ```
    /// let e = actionplan::Error::new(actionplan::ErrorKind::NoRows { header_row: 2 });
    /// assert_eq!(e.row(), Some(2));
    /// ```
    pub fn row(&self) -> Option<usize> {
        match self.kind() {
            ErrorKind::NoRows { header_row } | ErrorKind::UnknownColumn { header_row, .. } => {
                Some(*header_row)
            }
            ErrorKind::Json { line, .. } => Some(*line),
            _ => None,
        }
    }

    /// The column the error points at, when it has one (a header name, or a JSON column number).
    ///
    /// ```
    /// let e = actionplan::Error::new(actionplan::ErrorKind::UnknownColumn { column: "Owner".into(), header_row: 1 });
    /// assert_eq!(e.column().as_deref(), Some("Owner"));
    /// ```
    pub fn column(&self) -> Option<String> {
        match self.kind() {
            ErrorKind::UnknownColumn { column, .. } => Some(column.clone()),
            ErrorKind::Json { column, .. } => Some(column.to_string()),
            _ => None,
        }
    }

    /// Shorthand for an [`ErrorKind::InvalidOption`].
    ///
    /// ```
    /// let e = actionplan::Error::invalid_option("rules", "unknown preset");
    /// assert_eq!(e.code(), "invalid_option");
    /// ```
    pub fn invalid_option(name: impl Into<String>, message: impl Into<String>) -> Self {
        Error::new(ErrorKind::InvalidOption {
            name: name.into(),
            message: message.into(),
        })
    }
}

/// Every error code with its name in every door (Python exception class, JS `Error.name`).
///
/// ```
/// assert!(actionplan::error::NAMES.contains(&("json", "InvalidJsonError")));
/// ```
pub const NAMES: &[(&str, &str)] = &[
    ("empty", "EmptyInputError"),
    ("not_text", "NotTextError"),
    ("no_header", "NoHeaderError"),
    ("no_rows", "NoRowsError"),
    ("json", "InvalidJsonError"),
    ("unknown_column", "UnknownColumnError"),
    ("invalid_option", "InvalidOptionError"),
    ("too_large", "TooLargeError"),
    ("document", "DocumentError"),
    ("io", "ReadError"),
    ("pdf_encrypted", "PdfEncryptedError"),
    ("pdf_scanned", "PdfScannedError"),
    ("pdf_damaged", "PdfDamagedError"),
];

/// The name for a code ([`NAMES`]); `ActionPlanError` for a code it does not list.
///
/// ```
/// assert_eq!(actionplan::error::name_of("io"), "ReadError");
/// assert_eq!(actionplan::error::name_of("bogus"), "ActionPlanError");
/// ```
pub fn name_of(code: &str) -> &'static str {
    NAMES
        .iter()
        .find(|(c, _)| *c == code)
        .map_or("ActionPlanError", |(_, n)| n)
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.kind.fmt(f)
    }
}

impl std::error::Error for Error {
    /// The operating system's error behind an I/O error.
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.io
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Self {
        Error::new(kind)
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::io(e.to_string(), e)
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        Error::new(ErrorKind::Json {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_name() {
        let kinds = [
            ErrorKind::Empty,
            ErrorKind::NotText {
                offset: None,
                hint: None,
            },
            ErrorKind::NoHeader { rows_scanned: 1 },
            ErrorKind::NoRows { header_row: 1 },
            ErrorKind::Json {
                line: 1,
                column: 1,
                message: String::new(),
            },
            ErrorKind::UnknownColumn {
                column: String::new(),
                header_row: 1,
            },
            ErrorKind::InvalidOption {
                name: String::new(),
                message: String::new(),
            },
            ErrorKind::TooLarge {
                what: String::new(),
                size: 1,
                limit: 0,
            },
            ErrorKind::Document {
                format: String::new(),
                message: String::new(),
            },
            ErrorKind::Io(String::new()),
            ErrorKind::Pdf {
                problem: PdfProblem::Encrypted,
                message: String::new(),
            },
            ErrorKind::Pdf {
                problem: PdfProblem::Scanned,
                message: String::new(),
            },
            ErrorKind::Pdf {
                problem: PdfProblem::Damaged,
                message: String::new(),
            },
        ];
        for k in kinds {
            let e = Error::new(k);
            assert_ne!(e.name(), "ActionPlanError", "{} has no name", e.code());
        }
    }
}

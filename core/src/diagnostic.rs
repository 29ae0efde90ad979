//! Diagnostics: problems inside a readable plan, returned as data.
//!
//! Each diagnostic has a stable `code`, a [`Severity`], a [`Place`] (row, column header, the
//! cell text), a plain-English message and, where possible, a hint. Diagnostics never stop a
//! read: the plan is returned with them.
//!
//! ```
//! use actionplan::{Diagnostic, Severity, Place};
//! let d = Diagnostic::new("missing_owner", Severity::Warning, "action has no owner")
//!     .at(Place::cell(7, "Owner", ""))
//!     .hint("name the officer accountable for delivery");
//! assert_eq!(d.to_string(), "warning[missing_owner] row 7, column \"Owner\": action has no owner (hint: name the officer accountable for delivery)");
//! ```

use serde::{Deserialize, Serialize};
use std::fmt;

/// How serious a diagnostic is.
///
/// ```
/// use actionplan::Severity;
/// assert!(Severity::Error > Severity::Warning);
/// assert_eq!("warning".parse::<Severity>().unwrap(), Severity::Warning);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; nothing is wrong.
    Info,
    /// Probably a mistake in the plan; the action can still be read.
    Warning,
    /// The plan cannot be relied on here (e.g. a duplicate ref, a due date nobody can read).
    Error,
}

impl Severity {
    /// The lowercase names, least severe first: the order of every table of severities.
    ///
    /// ```
    /// use actionplan::Severity;
    /// for (s, name) in [Severity::Info, Severity::Warning, Severity::Error].iter().zip(Severity::NAMES) {
    ///     assert_eq!(s.as_str(), name);
    /// }
    /// ```
    pub const NAMES: [&'static str; 3] = ["info", "warning", "error"];

    /// The word people read for it: "Error", "Warning", "Note".
    ///
    /// ```
    /// assert_eq!(actionplan::Severity::Info.label(), "Note");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "Error",
            Severity::Warning => "Warning",
            Severity::Info => "Note",
        }
    }

    /// The lowercase name.
    ///
    /// ```
    /// assert_eq!(actionplan::Severity::Info.as_str(), "info");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Severity {
    type Err = crate::Error;
    fn from_str(s: &str) -> crate::Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "info" => Ok(Severity::Info),
            "warning" | "warn" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            other => Err(crate::Error::invalid_option(
                "severity",
                format!("{other:?} is not one of info, warning, error"),
            )),
        }
    }
}

/// Where a diagnostic points: a source row, a column header, the cell text, and the action.
///
/// Rows are 1-based line numbers of the source table (the first record of a CSV is row 1),
/// so they match what a spreadsheet shows.
///
/// ```
/// use actionplan::Place;
/// let p = Place::cell(12, "Target Date", "Sept. 2023");
/// assert_eq!(p.row, Some(12));
/// assert_eq!(p.to_string(), "row 12, column \"Target Date\"");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Place {
    /// 1-based source row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
    /// The column's header as written in the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// The text of the cell (cut to 200 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The action's ref, when the place is an action.
    #[serde(default, skip_serializing_if = "Option::is_none", rename = "ref")]
    pub action_ref: Option<String>,
    /// The file, when a job reads several (the workbooks returned by owners).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
}

impl Place {
    /// A place in a table cell.
    ///
    /// ```
    /// let p = actionplan::Place::cell(3, "Owner", "TBC");
    /// assert_eq!(p.text.as_deref(), Some("TBC"));
    /// ```
    pub fn cell(row: usize, column: impl Into<String>, text: impl AsRef<str>) -> Self {
        Place {
            row: Some(row),
            column: Some(column.into()),
            text: Some(clip(text.as_ref())),
            action_ref: None,
            file: None,
        }
    }

    /// A whole source row.
    ///
    /// ```
    /// assert_eq!(actionplan::Place::row(4).to_string(), "row 4");
    /// ```
    pub fn row(row: usize) -> Self {
        Place {
            row: Some(row),
            ..Place::default()
        }
    }

    /// Set the action ref.
    ///
    /// ```
    /// let p = actionplan::Place::row(4).with_ref("R1.2");
    /// assert_eq!(p.action_ref.as_deref(), Some("R1.2"));
    /// ```
    pub fn with_ref(mut self, r: impl Into<String>) -> Self {
        self.action_ref = Some(r.into());
        self
    }

    /// Set the file (when a job reads several).
    ///
    /// ```
    /// let p = actionplan::Place::row(4).with_file("Jo Bloggs.xlsx");
    /// assert_eq!(p.file.as_deref(), Some("Jo Bloggs.xlsx"));
    /// ```
    pub fn with_file(mut self, file: impl Into<String>) -> Self {
        self.file = Some(file.into());
        self
    }
}

/// Cut long cell text for display in a diagnostic, on a character boundary.
fn clip(s: &str) -> String {
    const MAX: usize = 200;
    match s.char_indices().nth(MAX) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let Some(r) = self.row {
            parts.push(format!("row {r}"));
        }
        if let Some(c) = &self.column {
            parts.push(format!("column {c:?}"));
        }
        if parts.is_empty() {
            if let Some(r) = &self.action_ref {
                parts.push(format!("action {r}"));
            }
        }
        f.write_str(&parts.join(", "))
    }
}

/// One problem found in a plan.
///
/// ```
/// use actionplan::{Diagnostic, Severity};
/// let d = Diagnostic::new("duplicate_ref", Severity::Error, "ref CPC004 is used twice");
/// assert_eq!(d.severity, Severity::Error);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Diagnostic {
    /// Stable code, e.g. `missing_owner`.
    pub code: String,
    /// How serious.
    pub severity: Severity,
    /// Plain-English message.
    pub message: String,
    /// Where.
    #[serde(default)]
    pub place: Place,
    /// What to do about it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A new diagnostic with no place.
    ///
    /// ```
    /// let d = actionplan::Diagnostic::new("x", actionplan::Severity::Info, "m");
    /// assert_eq!(d.code, "x");
    /// ```
    pub fn new(code: impl Into<String>, severity: Severity, message: impl Into<String>) -> Self {
        Diagnostic {
            code: code.into(),
            severity,
            message: message.into(),
            place: Place::default(),
            hint: None,
        }
    }

    /// Set the place.
    ///
    /// ```
    /// let d = actionplan::Diagnostic::new("x", actionplan::Severity::Info, "m").at(actionplan::Place::row(2));
    /// assert_eq!(d.place.row, Some(2));
    /// ```
    pub fn at(mut self, place: Place) -> Self {
        self.place = place;
        self
    }

    /// Set the hint.
    ///
    /// ```
    /// let d = actionplan::Diagnostic::new("x", actionplan::Severity::Info, "m").hint("do y");
    /// assert_eq!(d.hint.as_deref(), Some("do y"));
    /// ```
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]", self.severity, self.code)?;
        let place = self.place.to_string();
        if !place.is_empty() {
            write!(f, " {place}")?;
        }
        write!(f, ": {}", self.message)?;
        if let Some(h) = &self.hint {
            write!(f, " (hint: {h})")?;
        }
        Ok(())
    }
}

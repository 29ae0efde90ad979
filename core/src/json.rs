//! The canonical JSON form of a plan.
//!
//! A plan serialises to one JSON object, `{"meta": …, "columns": […], "recommendations": […]}`,
//! described by the JSON Schema in `schema/plan.schema.json` (generated from these types with
//! the `schema` feature and checked in). Round trips are lossless: reading a plan's JSON gives
//! an equal plan, and writing it again gives the same text.
//!
//! ```
//! use actionplan::import::ImportOptions;
//! use actionplan::Plan;
//!
//! let plan = ImportOptions::new().read_bytes(b"Action,Owner,Due\nDo it,Jo,May 2025\n").unwrap().plan;
//! let json = plan.to_json();
//! let back = Plan::from_json(&json).unwrap();
//! assert_eq!(back, plan);
//! assert_eq!(back.to_json(), json);
//! ```

use crate::error::Result;
use crate::model::Plan;

/// The keys whose string values are ISO dates (`2025-03-31`) in the JSON forms of the core's
/// results (plan, assessment, statistics, diff, history). A binding that hands out dates as its
/// language's date type converts the values under these keys; `core/tests/json_dates.rs` checks
/// the list against every golden JSON file.
///
/// ```
/// assert!(actionplan::json::DATE_KEYS.contains(&"plan_date"));
/// assert!(!actionplan::json::DATE_KEYS.contains(&"title"));
/// ```
pub const DATE_KEYS: [&str; 16] = [
    "as_of",
    "date",
    "due",
    "due_earliest",
    "due_latest",
    "from",
    "last_update",
    "latest",
    "original_due",
    "peer_challenge_date",
    "plan_date",
    "rated_as_of",
    "revised_from",
    "start",
    "to",
    "visit",
];

impl Plan {
    /// The canonical JSON text (pretty-printed, fields in a fixed order).
    ///
    /// ```
    /// let json = actionplan::Plan::default().to_json();
    /// assert!(json.contains("\"recommendations\""));
    /// ```
    pub fn to_json(&self) -> String {
        // Serialising these types cannot fail: every map key is a string.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Read the canonical JSON form. Errors carry the line and column.
    ///
    /// ```
    /// let err = actionplan::Plan::from_json("{\"recommendations\": 3}").unwrap_err();
    /// assert_eq!(err.code(), "json");
    /// assert_eq!(err.row(), Some(1));
    /// ```
    pub fn from_json(text: &str) -> Result<Plan> {
        Ok(serde_json::from_slice(text.as_bytes())?)
    }
}

/// The JSON Schema of the canonical form (requires the `schema` feature).
///
/// ```
/// # #[cfg(feature = "schema")] {
/// let schema = actionplan::json::schema();
/// assert!(schema.contains("\"Plan\""));
/// # }
/// ```
#[cfg(feature = "schema")]
pub fn schema() -> String {
    let schema = schemars::schema_for!(Plan);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

/// The canonical JSON from and to byte slices, readers and writers, as serde_json offers them.
impl Plan {
    /// Read the canonical JSON form from bytes (UTF-8), as [`Plan::from_json`] does.
    ///
    /// ```
    /// let plan = actionplan::Plan::default();
    /// let again = actionplan::Plan::from_slice(plan.to_json().as_bytes()).unwrap();
    /// assert_eq!(again, plan);
    /// ```
    pub fn from_slice(bytes: &[u8]) -> Result<Plan> {
        let text = std::str::from_utf8(bytes).map_err(|e| {
            crate::Error::new(crate::ErrorKind::NotText {
                offset: Some(e.valid_up_to() as u64),
                hint: Some("the canonical JSON form is UTF-8".into()),
            })
        })?;
        Plan::from_json(text)
    }

    /// Read the canonical JSON form from any `impl Read` (a file, a socket).
    ///
    /// ```
    /// let json = actionplan::Plan::default().to_json();
    /// let plan = actionplan::Plan::from_reader(json.as_bytes()).unwrap();
    /// assert_eq!(plan.action_count(), 0);
    /// ```
    pub fn from_reader<R: std::io::Read>(mut reader: R) -> Result<Plan> {
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes).map_err(crate::Error::from)?;
        Plan::from_slice(&bytes)
    }

    /// Write the canonical JSON form (as [`Plan::to_json`]) to any `impl Write`.
    ///
    /// ```
    /// let mut out = Vec::new();
    /// actionplan::Plan::default().to_writer(&mut out).unwrap();
    /// assert_eq!(out, actionplan::Plan::default().to_json().into_bytes());
    /// ```
    pub fn to_writer<W: std::io::Write>(&self, writer: W) -> Result<()> {
        serde_json::to_writer_pretty(writer, self).map_err(|e| match e.io_error_kind() {
            Some(kind) => crate::Error::io(e.to_string(), std::io::Error::new(kind, e.to_string())),
            None => crate::Error::from(e),
        })
    }
}

//! Import of real tables (placeholder while the reader lands).
use crate::model::Plan;
use crate::{Diagnostic, Error, ErrorKind, Result};
use chrono::NaiveDate;

/// Options for reading a table.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    plan_date: Option<NaiveDate>,
}

/// A plan with the diagnostics found while reading it.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The plan.
    pub plan: Plan,
    /// Problems found while reading.
    pub diagnostics: Vec<Diagnostic>,
}

impl ImportOptions {
    /// Default options.
    pub fn new() -> Self {
        Self::default()
    }
    /// Set the plan date.
    pub fn plan_date(&mut self, d: NaiveDate) -> &mut Self {
        self.plan_date = Some(d);
        self
    }
    /// Read bytes.
    pub fn read_bytes(&self, bytes: &[u8]) -> Result<Imported> {
        let _ = bytes;
        Err(Error::new(ErrorKind::Empty))
    }
}

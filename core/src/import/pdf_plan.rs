//! PDF files to a plan: [`crate::pdf`] rebuilds the rows of a PDF's tables; this module reads
//! them through the same pipeline as CSV. The dependency goes one way: import → pdf.

use super::{ImportOptions, Imported};
use crate::error::Result;
use crate::pdf::{self, Limits};

/// The hook in [`ImportOptions::read_bytes`]: `Some` when the bytes are a PDF and this build
/// reads them, `None` to go on (a build without the feature leaves a PDF to the text reader,
/// which says it is binary and looks like a PDF).
pub(super) fn route(opts: &ImportOptions, bytes: &[u8]) -> Option<Result<Imported>> {
    if cfg!(feature = "pdf") && pdf::is_pdf(bytes) {
        Some(opts.read_pdf(bytes, &Limits::default()))
    } else {
        None
    }
}

impl ImportOptions {
    /// Read the tables of a PDF as a plan, with explicit [`Limits`] (what
    /// [`read_bytes`](Self::read_bytes) does with the default limits when the bytes are a
    /// PDF). The reader's notes come first in the diagnostics.
    ///
    /// ```
    /// use actionplan::import::ImportOptions;
    /// use actionplan::pdf::Limits;
    /// let err = ImportOptions::new().read_pdf(b"Action,Owner\n", &Limits::default()).unwrap_err();
    /// assert!(err.code().starts_with("pdf_") || err.code() == "document");
    /// ```
    pub fn read_pdf(&self, bytes: &[u8], limits: &Limits) -> Result<Imported> {
        let classify = |h: &str| self.aliases.classify(h);
        let rows = pdf::table_rows(bytes, limits, &classify)?;
        self.read_pdf_rows(rows)
    }

    /// [`read_pdf`](Self::read_pdf) without the PDF reader's guard against panics, so that a
    /// fuzzer sees them. Not for use outside the fuzz targets.
    ///
    /// ```
    /// use actionplan::import::ImportOptions;
    /// use actionplan::pdf::Limits;
    /// assert!(ImportOptions::new().read_pdf_unguarded(b"%PDF-1.4", &Limits::default()).is_err());
    /// ```
    #[doc(hidden)]
    pub fn read_pdf_unguarded(&self, bytes: &[u8], limits: &Limits) -> Result<Imported> {
        let classify = |h: &str| self.aliases.classify(h);
        let rows = pdf::table_rows_unguarded(bytes, limits, &classify)?;
        self.read_pdf_rows(rows)
    }

    fn read_pdf_rows(
        &self,
        (rows, notes): (Vec<super::SourceRow>, Vec<crate::diagnostic::Diagnostic>),
    ) -> Result<Imported> {
        let mut imported = self.read_rows(rows, "pdf")?;
        imported.diagnostics.splice(0..0, notes);
        imported.plan.import_diagnostics = imported.diagnostics.clone();
        Ok(imported)
    }
}

//! Limits that bound the memory and time spent on one workbook or document (see [`Limits`]).

/// The bounds applied while reading one workbook or document.
///
/// An Office file is a zip of XML parts, and a zip can lie: a file of a few kilobytes can inflate
/// to gigabytes (a "zip bomb"), and the sizes it declares need not be the sizes it holds. Every
/// part that is parsed is therefore inflated through a counting reader that stops at the limit,
/// whatever the zip says, before any parser sees it. The table that comes out is bounded too.
///
/// | limit | default | why this number |
/// |---|---|---|
/// | [`max_entries`](Limits::max_entries) | 10 000 | a real workbook or document has tens of parts; a large one a few hundred |
/// | [`max_part_bytes`](Limits::max_part_bytes) | 64 MiB | one sheet or `document.xml`, inflated; a 5 000-row tracker is about 5 MiB; also an `.ods` workbook's cell text, repeats expanded |
/// | [`max_total_bytes`](Limits::max_total_bytes) | 256 MiB | all the XML parts together, inflated |
/// | [`max_cells`](Limits::max_cells) | 1 000 000 | non-empty cells read from one sheet or document |
/// | [`max_area`](Limits::max_area) | 5 000 000 | cells handed on, blanks included (the sum of the row widths): a stray cell in column XFD on every row would otherwise cost gigabytes; for `.xls` and `.ods`, the bounding boxes of all sheets together |
/// | [`max_sheets_scanned`](Limits::max_sheets_scanned) | 32 | sheets tried when looking for the one that holds a plan |
///
/// Every size a file states about itself is a claim, checked before memory is set aside for
/// it. Per format:
///
/// - **`.xlsx`** is streamed cell by cell, so a sheet is never expanded to its bounding box;
///   a shared-strings `uniqueCount` reserves at most 65 536 strings up front, whatever it says.
///   Sheets that point at one worksheet part read it once.
/// - **`.ods`**: calamine expands every sheet's repeated rows and columns when it opens the
///   workbook, so `content.xml` is measured first: the sheets' area, repeats expanded, is
///   bounded by `max_area`, and their text (runs of `text:s` spaces and repeated cells
///   expanded) by `max_part_bytes`. A `text:s` run brings a cell to at most 32 767 characters.
/// - **`.xls`** (BIFF8 in an OLE compound file): calamine expands every sheet to its used range
///   when it opens the workbook; the sheets' ranges together are bounded by `max_area` before
///   any is allocated (a cell at row 65 535, column 65 535 would make a range of four billion
///   cells). A `DIMENSIONS` record is never trusted for more than the stream could hold, and
///   the compound file's sector chains are bounded by the file's length.
/// - **`.docx`**: a Word table is at most 1 000 grid columns wide; a `gridSpan` past that is
///   read as one column, with a warning.
///
/// These bounds live partly in our code and partly in a patched copy of calamine
/// (`vendor/calamine`, see its `VENDORED.md`). Media (pictures, embedded objects, printer
/// settings, macros) are never inflated, so they count against none of these.
/// A file over a limit is an [`ErrorKind::TooLarge`](crate::ErrorKind::TooLarge) that names
/// what was measured.
///
/// ```
/// let limits = actionplan::office::Limits::default();
/// assert_eq!(limits.max_part_bytes, 64 * 1024 * 1024);
/// let mut strict = actionplan::office::Limits::default();
/// strict.max_cells = 10_000;
/// assert!(strict.max_cells < limits.max_cells);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// Entries in the zip's central directory.
    pub max_entries: usize,
    /// Inflated bytes of one XML part.
    pub max_part_bytes: u64,
    /// Inflated bytes of all XML parts together.
    pub max_total_bytes: u64,
    /// Non-empty cells read from one sheet or document.
    pub max_cells: usize,
    /// Cells handed on to the importer, blanks included.
    pub max_area: usize,
    /// Sheets tried when looking for the one that holds a plan.
    pub max_sheets_scanned: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_entries: 10_000,
            max_part_bytes: 64 * 1024 * 1024,
            max_total_bytes: 256 * 1024 * 1024,
            max_cells: 1_000_000,
            max_area: 5_000_000,
            max_sheets_scanned: 32,
        }
    }
}

/// The error for a measured size over its limit.
#[cfg_attr(not(any(feature = "excel", feature = "word")), allow(dead_code))]
pub(crate) fn too_large(what: impl Into<String>, size: u64, limit: u64) -> crate::Error {
    crate::Error::new(crate::ErrorKind::TooLarge {
        what: what.into(),
        size,
        limit,
    })
}

/// Counts cells and area while a table is built, and says when a limit is passed.
#[derive(Debug)]
#[cfg_attr(not(any(feature = "excel", feature = "word")), allow(dead_code))]
pub(crate) struct Budget {
    limits: Limits,
    cells: usize,
    area: usize,
    what: &'static str,
}

#[cfg_attr(not(any(feature = "excel", feature = "word")), allow(dead_code))]
impl Budget {
    pub(crate) fn new(limits: Limits, what: &'static str) -> Self {
        Budget {
            limits,
            cells: 0,
            area: 0,
            what,
        }
    }

    /// One more non-empty cell.
    pub(crate) fn cell(&mut self) -> crate::Result<()> {
        self.cells += 1;
        if self.cells > self.limits.max_cells {
            return Err(too_large(
                format!("the number of non-empty cells in the {}", self.what),
                self.cells as u64,
                self.limits.max_cells as u64,
            ));
        }
        Ok(())
    }

    /// `n` more cells handed on (blanks included).
    pub(crate) fn area(&mut self, n: usize) -> crate::Result<()> {
        self.area = self.area.saturating_add(n);
        if self.area > self.limits.max_area {
            return Err(too_large(
                format!("the {}'s area (rows × columns, blanks included)", self.what),
                self.area as u64,
                self.limits.max_area as u64,
            ));
        }
        Ok(())
    }
}

//! Bytes to rows: sniffing what the bytes are, decoding text, splitting CSV/TSV records.
//!
//! Text is decoded per field: a field that is valid UTF-8 is read as UTF-8, and a field that
//! is not is read as Windows-1252 (what Excel on Windows writes), so curly quotes, en dashes and
//! £ survive whichever encoding a file uses, and a file that mixes both loses nothing. Files
//! with a UTF-16 byte-order mark (Excel's "Unicode text") are transcoded first.

use super::builder::{Chunk, Row, RowBuf};
use crate::diagnostic::{Diagnostic, Place, Severity};
use crate::error::{Error, ErrorKind, Result};

/// The table format of a text input.
///
/// ```
/// use actionplan::import::Format;
/// assert_eq!("tsv".parse::<Format>().unwrap(), Format::Tsv);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Format {
    /// Decide from the content.
    #[default]
    Auto,
    /// Comma-separated (or semicolon-separated, detected).
    Csv,
    /// Tab-separated.
    Tsv,
    /// The canonical JSON form, or a JSON array of records.
    Json,
    /// An Excel workbook: .xlsx/.xlsm, and .xls/.ods, told apart by their content (feature
    /// `excel`; see [`crate::office`]).
    Xlsx,
    /// The tables of a Word document, .docx (feature `word`; see [`crate::office`]).
    Docx,
}

impl std::str::FromStr for Format {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "auto" | "" => Ok(Format::Auto),
            "csv" => Ok(Format::Csv),
            "tsv" | "tab" | "txt" => Ok(Format::Tsv),
            "json" => Ok(Format::Json),
            "xlsx" | "xlsm" | "xls" | "ods" | "excel" => Ok(Format::Xlsx),
            "docx" | "word" => Ok(Format::Docx),
            other => Err(Error::invalid_option(
                "format",
                format!("{other:?} is not one of auto, csv, tsv, json, xlsx, docx"),
            )),
        }
    }
}

/// The format's name, as [`FromStr`](std::str::FromStr) reads it.
///
/// ```
/// assert_eq!(actionplan::import::Format::Tsv.to_string(), "tsv");
/// ```
impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Format::Auto => "auto",
            Format::Csv => "csv",
            Format::Tsv => "tsv",
            Format::Json => "json",
            Format::Xlsx => "xlsx",
            Format::Docx => "docx",
        })
    }
}

impl Format {
    /// The format a file's name asks for, when its content alone might mislead: `.tsv` and
    /// `.tab` are tab-separated, `.json` is JSON; every other name leaves it to the content
    /// (`Auto`: workbooks, documents, CSV and text are told by their bytes).
    ///
    /// ```
    /// use actionplan::import::Format;
    /// assert_eq!(Format::from_path("plans/q4.TSV"), Format::Tsv);
    /// assert_eq!(Format::from_path("plan.json"), Format::Json);
    /// assert_eq!(Format::from_path("tracker.xlsx"), Format::Auto);
    /// assert_eq!(Format::from_path("-"), Format::Auto);
    /// ```
    pub fn from_path(path: &str) -> Format {
        let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
        match name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .as_deref()
        {
            Some("tsv") | Some("tab") => Format::Tsv,
            Some("json") => Format::Json,
            _ => Format::Auto,
        }
    }
}

/// What the first bytes say the input is.
pub(crate) enum Sniffed<'a> {
    /// Text, possibly after transcoding from UTF-16; the BOM is removed.
    Text(std::borrow::Cow<'a, [u8]>),
}

/// Check the input is text, strip a BOM, transcode UTF-16.
pub(crate) fn sniff(bytes: &[u8]) -> Result<Sniffed<'_>> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::new(ErrorKind::Empty));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        if rest.iter().all(|b| b.is_ascii_whitespace()) {
            return Err(Error::new(ErrorKind::Empty));
        }
        return check_binary(rest).map(|_| Sniffed::Text(rest.into()));
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let out = super::encoding::utf16(bytes, bytes[0] == 0xFF).into_bytes();
        if out.iter().all(|b| b.is_ascii_whitespace()) {
            return Err(Error::new(ErrorKind::Empty));
        }
        return Ok(Sniffed::Text(out.into()));
    }
    if let Some(little_endian) = utf16_without_bom(bytes) {
        // UTF-16 saved without a byte-order mark (some exports do): read it as UTF-16 rather
        // than refusing it as "binary data". (`utf16` skips two bytes, a BOM's place.)
        let mut with_bom = Vec::with_capacity(bytes.len() + 2);
        with_bom.extend_from_slice(if little_endian {
            b"\xFF\xFE"
        } else {
            b"\xFE\xFF"
        });
        with_bom.extend_from_slice(bytes);
        let out = super::encoding::utf16(&with_bom, little_endian).into_bytes();
        if out.iter().all(|b| b.is_ascii_whitespace()) {
            return Err(Error::new(ErrorKind::Empty));
        }
        return check_binary(&out).map(|_| Sniffed::Text(out.into()));
    }
    check_binary(bytes)?;
    if let Some(what) = markup_kind(bytes) {
        return Err(Error::new(ErrorKind::Document {
            format: "html".into(),
            message: format!(
                "{what}, not a table of actions in CSV, TSV, JSON or a spreadsheet (web \
                 exports are often saved with an .xls name): open it in Excel and save it as \
                 .xlsx, or save the table as CSV"
            ),
        }));
    }
    Ok(Sniffed::Text(bytes.into()))
}

/// Whether bytes with no BOM are UTF-16: in the first 4 KiB, nearly every other byte is NUL
/// (the high bytes of Latin text) and the bytes between are not. `Some(true)` for
/// little-endian.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 8 {
        return None;
    }
    let pairs = head.len() / 2;
    let zeros = |start: usize| {
        head.iter()
            .skip(start)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    if odd * 10 >= pairs * 9 && even * 10 < pairs {
        Some(true)
    } else if even * 10 >= pairs * 9 && odd * 10 < pairs {
        Some(false)
    } else {
        None
    }
}

/// A web page or an XML spreadsheet rather than a table: what it is.
fn markup_kind(bytes: &[u8]) -> Option<&'static str> {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let head: Vec<u8> = bytes[start..bytes.len().min(start + 512)]
        .iter()
        .map(u8::to_ascii_lowercase)
        .collect();
    let has = |p: &[u8]| head.windows(p.len()).any(|w| w == p);
    if head.starts_with(b"<!doctype html")
        || head.starts_with(b"<html")
        || head.starts_with(b"<table")
    {
        Some("this is an HTML page")
    } else if head.starts_with(b"<?xml") && has(b"urn:schemas-microsoft-com:office:spreadsheet") {
        Some("this is an Excel 2003 XML spreadsheet")
    } else if head.starts_with(b"<?xml") && has(b"<html") {
        Some("this is an XHTML page")
    } else {
        None
    }
}

/// Refuse binary data: a NUL byte or many control bytes near the start, with a hint for the
/// common document formats.
fn check_binary(bytes: &[u8]) -> Result<()> {
    let hint = if bytes.starts_with(b"PK\x03\x04") {
        Some("this looks like a zip file (an .xlsx or .docx workbook or document)")
    } else if bytes.starts_with(b"%PDF") {
        Some("this looks like a PDF: export the table to CSV or Excel first")
    } else if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        Some("this looks like an old Office file (.xls or .doc)")
    } else {
        None
    };
    let head = &bytes[..bytes.len().min(8192)];
    let nul = head.iter().position(|&b| b == 0);
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    if hint.is_some() || nul.is_some() || controls * 20 > head.len().max(1) {
        let offset = nul.or_else(|| {
            head.iter()
                .position(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        });
        return Err(Error::new(ErrorKind::NotText {
            offset: offset.map(|o| o as u64),
            hint: hint.map(str::to_string),
        }));
    }
    Ok(())
}

/// Choose the delimiter: the one under which a header row can be recognised (first one that
/// starts a table, then the most known fields named), and among equals the one that splits the
/// first lines most consistently.
pub(crate) fn detect_delimiter(text: &[u8], opts: &super::ImportOptions) -> u8 {
    use super::builder::HEADER_SCAN;
    use super::regions::{best_header, starts_table};
    let head = &text[..text.len().min(64 * 1024)];
    let consistency = consistency_delimiter(head);
    // Each delimiter's reading of the first rows, its header (if any) and that header's score.
    let readings: Vec<(u8, Vec<Row>, Option<usize>, usize)> = b",\t;|"
        .iter()
        .map(|&d| {
            let rows: Vec<Row> = Records::new(head, d)
                .max_rows(HEADER_SCAN)
                .next()
                .map(|c| c.into_rows().collect())
                .unwrap_or_default();
            let header = best_header(&rows, opts);
            let score = header.map_or(0, |(i, n)| {
                // A header that starts a table (a row with two or more cells below it) beats
                // one with nothing below it, whatever their sizes: a table quoted inside a
                // cell of another table is text, not the file's header.
                if starts_table(&rows, i, n, opts) {
                    n + 1000
                } else {
                    n
                }
            });
            (d, rows, header.map(|(i, _)| i), score)
        })
        .collect();
    let mut best = (consistency, 0usize);
    for (d, rows, header, score) in &readings {
        // A header on a line that another reading's table holds inside one of its quoted
        // multi-line cells is text in that cell, however much it looks like a header.
        let quoted = header.is_some_and(|i| {
            readings.iter().any(|(other, o_rows, o_header, o_score)| {
                other != d
                    && *o_score >= 1000
                    && o_header.is_some_and(|h| inside_a_cell(o_rows, h, rows[i].line))
            })
        });
        let score = if quoted { 0 } else { *score };
        if score > best.1 || (score == best.1 && score > 0 && *d == consistency) {
            best = (*d, score);
        }
    }
    best.0
}

/// Whether `line` is within one of the records after `header` (a record that starts on an
/// earlier line and runs on past it). The last record read runs to the end of what was read
/// when the reading stopped there (fewer rows than it asks for).
fn inside_a_cell(rows: &[Row], header: usize, line: usize) -> bool {
    let body = &rows[header + 1..];
    body.iter().enumerate().any(|(k, r)| {
        let next = match body.get(k + 1) {
            Some(n) => n.line,
            None if rows.len() < super::builder::HEADER_SCAN => usize::MAX,
            None => r.line + 1,
        };
        r.line < line && line < next
    })
}

/// The delimiter that splits the first lines most consistently.
fn consistency_delimiter(text: &[u8]) -> u8 {
    let head = &text[..text.len().min(64 * 1024)];
    let mut best = (b',', 0usize);
    for &d in b"\t,;|" {
        let counts: Vec<usize> = head
            .split(|&b| b == b'\n')
            .filter(|l| !l.iter().all(|b| b.is_ascii_whitespace()))
            .take(40)
            .map(|l| l.iter().filter(|&&b| b == d).count())
            .collect();
        let mut freq = std::collections::HashMap::new();
        for &c in counts.iter().filter(|&&c| c > 0) {
            *freq.entry(c).or_insert(0usize) += 1;
        }
        let score = freq.values().copied().max().unwrap_or(0);
        if score > best.1 {
            best = (d, score);
        }
    }
    best.0
}

/// Tracks whether an odd number of double quotes passed through, to tell an unterminated
/// quote at the end.
pub(crate) struct QuoteCounter<R> {
    inner: R,
    /// 1 when an odd number of quotes has passed.
    odd: u8,
}

impl<R: std::io::Read> std::io::Read for QuoteCounter<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        // Only the parity matters: an XOR fold, which the compiler vectorises.
        self.odd ^= buf[..n].iter().fold(0u8, |p, &b| p ^ u8::from(b == b'"'));
        Ok(n)
    }
}

/// Stream the records of a CSV/TSV text as [`Chunk`]s of rows, from any reader. Each field is
/// decoded (UTF-8 if valid, else Windows-1252) and cleaned straight into the chunk's one text
/// buffer.
pub(crate) struct Records<R: std::io::Read> {
    reader: csv::Reader<QuoteCounter<R>>,
    record: csv::ByteRecord,
    row: RowBuf,
    /// Rows with fields that were not UTF-8.
    pub(crate) cp1252_rows: Vec<usize>,
    pub(crate) utf8_non_ascii: bool,
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// The last record's row, and whether it spans lines (for the unterminated-quote check).
    last: Option<(usize, bool)>,
    done: bool,
    /// The row number of the last record (as a spreadsheet counts rows).
    row_no: usize,
    /// The line the next record starts on, if no blank line comes first.
    next_line: u64,
}

impl<R: std::io::Read> Records<R> {
    pub(crate) fn new(input: R, delimiter: u8) -> Self {
        let reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .buffer_capacity(256 * 1024)
            .from_reader(QuoteCounter {
                inner: input,
                odd: 0,
            });
        Records {
            reader,
            record: csv::ByteRecord::new(),
            row: RowBuf::default(),
            cp1252_rows: Vec::new(),
            utf8_non_ascii: false,
            diagnostics: Vec::new(),
            last: None,
            done: false,
            row_no: 0,
            next_line: 1,
        }
    }

    /// At most `n` rows to a chunk (the delimiter check reads the first rows only).
    pub(crate) fn max_rows(mut self, n: usize) -> Self {
        self.row = RowBuf::with_max_rows(n);
        self
    }

    fn finish(&mut self) {
        self.done = true;
        let odd = self.reader.get_ref().odd == 1;
        if let (true, Some((line, true))) = (odd, self.last) {
            self.diagnostics.push(
                Diagnostic::new(
                    "unterminated_quote",
                    Severity::Warning,
                    "a quoted cell is never closed: everything to the end of the file was read into this row",
                )
                .at(Place::row(line))
                .hint("look for a stray double quote (\") in this row; the text was kept"),
            );
        }
    }
}

impl<R: std::io::Read> Iterator for Records<R> {
    type Item = Chunk;

    fn next(&mut self) -> Option<Chunk> {
        while !self.done && !self.row.full() {
            self.read_row();
        }
        if self.row.failed() {
            self.done = true;
        }
        self.row.freeze()
    }
}

impl<R: std::io::Read> Records<R> {
    /// Read one record into the chunk being filled (or finish at the end of the input).
    fn read_row(&mut self) {
        match self.reader.read_byte_record(&mut self.record) {
            Ok(true) => {}
            Ok(false) => {
                self.finish();
                return;
            }
            Err(e) => {
                // With `flexible(true)` the csv reader fails only on I/O errors: report and
                // stop rather than loop.
                self.diagnostics.push(Diagnostic::new(
                    "unreadable_record",
                    Severity::Error,
                    format!("the rest of the table could not be read: {e}"),
                ));
                self.finish();
                return;
            }
        }
        let mut repaired = false;
        let mut multiline = false;
        // One UTF-8 check for the whole record (its fields lie end to end), then each field is
        // a slice of it when it starts and ends on character boundaries.
        let whole = std::str::from_utf8(self.record.as_slice()).ok();
        for i in 0..self.record.len() {
            let field = &self.record[i];
            let text = whole.and_then(|w| w.get(self.record.range(i)?));
            let controls = match text {
                Some(s) => {
                    // Told per field, as a field cut mid-character is not UTF-8 on its own.
                    if !self.utf8_non_ascii {
                        self.utf8_non_ascii = !s.is_ascii();
                    }
                    self.row.push(s)
                }
                None => match std::str::from_utf8(field) {
                    Ok(s) => {
                        self.utf8_non_ascii |= !s.is_ascii();
                        self.row.push(s)
                    }
                    Err(_) => {
                        repaired = true;
                        self.row.push(&super::encoding::windows_1252(field))
                    }
                },
            };
            // Only a cell with a control byte can hold a line break.
            multiline |= controls && field.contains(&b'\n');
        }
        // The row a spreadsheet shows: records so far, plus the blank lines the csv reader
        // skips (a spreadsheet counts them as rows). A record's lines past its first (a quoted
        // cell with line breaks) are one row.
        let end = self.reader.position().line();
        let breaks = if multiline {
            self.record
                .as_slice()
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u64
        } else {
            0
        };
        let blank = end
            .saturating_sub(self.next_line)
            .saturating_sub(1 + breaks) as usize;
        self.row_no += 1 + blank;
        self.next_line = end;
        let line = self.row_no;
        if repaired {
            self.cp1252_rows.push(line);
        }
        self.last = Some((line, multiline));
        self.row.end_row(line);
    }
}

#[cfg(test)]
mod tests {
    use super::Records;

    /// Rows are numbered as a spreadsheet numbers them: blank lines count, a cell with line
    /// breaks is one row.
    #[test]
    fn rows_are_numbered_as_a_spreadsheet_shows_them() {
        let text = "Title\n\nAction,Owner\n\"Do it\nnow\",Jo\n\n\nLater,Sam\n";
        let rows: Vec<_> = Records::new(text.as_bytes(), b',')
            .flat_map(|c| c.into_rows())
            .collect();
        let lines: Vec<usize> = rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [1, 3, 4, 7]);
    }

    /// Fields that are UTF-8 only when put together (a character cut by a delimiter) are
    /// each read as Windows-1252, and do not count as UTF-8 text.
    #[test]
    fn a_character_cut_by_a_delimiter_is_not_utf8() {
        let mut records = Records::new(&b"Action,Owner\n\xC3,\xA9\n"[..], b',');
        let rows: Vec<_> = records.by_ref().flat_map(|c| c.into_rows()).collect();
        assert_eq!(rows[1].cells, ["Ã", "©"]);
        assert_eq!(records.cp1252_rows, [2]);
        assert!(!records.utf8_non_ascii);
    }
}

//! Excel workbooks in: each sheet as rows (a [`Grid`]), for the importer.
//!
//! `.xlsx` is streamed cell by cell (calamine's cell reader), so a sheet is never expanded to
//! its bounding box: the [`Limits`] hold whatever the file declares. `.xls`, `.xlsb` and `.ods`
//! go through calamine's range reader; their XML/OLE parts are size-checked first.

use super::grid::{self, Grid, GridCell, Merge};
use super::limits::{too_large, Budget, Limits};
use super::numfmt::{self, DateParts};
use super::{doc_error, guarded};
use crate::error::{Error, Result};
use calamine::{Data, DataRef, Reader, SheetType, SheetVisible, Xlsx};
use std::io::Cursor;

/// One sheet as the workbook lists it.
#[derive(Debug, Clone)]
pub(crate) struct SheetInfo {
    /// The sheet's name.
    pub(crate) name: String,
    /// A visible worksheet (not a chart, not hidden).
    pub(crate) plain: bool,
}

/// A workbook that hands out its sheets as grids of rows, one sheet at a time (so a workbook
/// whose first sheet holds the plan is never read whole).
pub(crate) trait Workbook {
    /// `xlsx`, `xls`, `xlsb` or `ods`.
    fn format(&self) -> &'static str;
    /// The sheets, in order, hidden ones included.
    fn sheets(&self) -> Vec<SheetInfo>;
    /// One sheet's rows, within the budget.
    fn grid(&mut self, name: &str, budget: &mut Budget) -> Result<Grid>;
}

fn sheet_infos(meta: &[calamine::Sheet]) -> Vec<SheetInfo> {
    meta.iter()
        .map(|s| SheetInfo {
            name: s.name.clone(),
            plain: s.typ == SheetType::WorkSheet && s.visible == SheetVisible::Visible,
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// .xlsx, streamed

struct XlsxBook<'a> {
    wb: Xlsx<Cursor<&'a [u8]>>,
    /// The cells and merges of each worksheet part read so far: sheets that point at one part
    /// (a hostile workbook can point 5,000 sheets at one 60 MB part) parse it once.
    parts: std::collections::HashMap<String, (Vec<GridCell>, Vec<Merge>)>,
}

impl Workbook for XlsxBook<'_> {
    fn format(&self) -> &'static str {
        "xlsx"
    }

    fn sheets(&self) -> Vec<SheetInfo> {
        sheet_infos(self.wb.sheets_metadata())
    }

    fn grid(&mut self, name: &str, budget: &mut Budget) -> Result<Grid> {
        let part = self.wb.worksheet_part(name).map(str::to_string);
        if let Some((cells, merges)) = part.as_ref().and_then(|p| self.parts.get(p)) {
            for _ in cells {
                budget.cell()?;
            }
            return grid::build(cells.clone(), merges, budget);
        }
        let merges: Vec<Merge> = self
            .wb
            .merge_cells_by_sheet_name(name)
            .map_err(|e| sheet_error(name, e))?
            .iter()
            .map(merge)
            .collect();
        let mut cells = Vec::new();
        let mut reader = self
            .wb
            .worksheet_cells_reader(name)
            .map_err(|e| sheet_error(name, e))?;
        let styles: Vec<String> = reader
            .styles()
            .iter()
            .map(|s| {
                s.number_format
                    .as_ref()
                    .map(|n| n.format_code.clone())
                    .unwrap_or_else(|| "General".into())
            })
            .collect();
        while let Some((cell, style)) = reader.next_cell_with_style_id().map_err(xlsx_error)? {
            let (row, col) = cell.get_position();
            let code = styles.get(style).map(String::as_str).unwrap_or("General");
            if let Some((text, number)) = ref_text(cell.get_value(), code) {
                budget.cell()?;
                cells.push(GridCell {
                    row,
                    col,
                    text,
                    number,
                });
            }
        }
        if let Some(p) = part {
            self.parts.insert(p, (cells.clone(), merges.clone()));
        }
        grid::build(cells, &merges, budget)
    }
}

/// An error reading one sheet, with the sheet's name.
fn sheet_error(name: &str, e: calamine::XlsxError) -> Error {
    doc_error(
        "xlsx",
        format!("sheet {name:?}: {e}; the workbook may be damaged"),
    )
}

fn merge(d: &calamine::Dimensions) -> Merge {
    Merge {
        first_row: d.start.0,
        first_col: d.start.1,
        last_row: d.end.0,
        last_col: d.end.1,
    }
}

fn xlsx_error(e: calamine::XlsxError) -> Error {
    doc_error("xlsx", format!("{e}; the workbook may be damaged"))
}

/// A cell's text as Excel shows it, and the number behind a General-format number.
fn ref_text(v: &DataRef<'_>, code: &str) -> Option<(String, Option<f64>)> {
    let general = is_general(code);
    let out = match v {
        DataRef::Empty => return None,
        DataRef::String(s) => (s.clone(), None),
        DataRef::SharedString(s) => (s.to_string(), None),
        DataRef::Int(i) => (
            numfmt::number_text(*i as f64, code),
            general.then_some(*i as f64),
        ),
        DataRef::Float(f) => (numfmt::number_text(*f, code), general.then_some(*f)),
        DataRef::Bool(b) => (if *b { "TRUE" } else { "FALSE" }.to_string(), None),
        DataRef::DateTime(d) => (datetime_text(d, code), None),
        DataRef::DateTimeIso(s) => (iso_text(s), None),
        DataRef::DurationIso(s) => (s.clone(), None),
        DataRef::Error(e) => (e.to_string(), None),
    };
    (!out.0.is_empty()).then_some(out)
}

fn data_text(v: &Data) -> Option<(String, Option<f64>)> {
    let out = match v {
        Data::Empty => return None,
        Data::String(s) => (s.clone(), None),
        Data::Int(i) => (i.to_string(), Some(*i as f64)),
        Data::Float(f) => (numfmt::general(*f), Some(*f)),
        Data::Bool(b) => (if *b { "TRUE" } else { "FALSE" }.to_string(), None),
        // No number format is known here: a date shows as a date.
        Data::DateTime(d) => (datetime_text(d, "General"), None),
        Data::DateTimeIso(s) => (iso_text(s), None),
        Data::DurationIso(s) => (s.clone(), None),
        Data::Error(e) => (e.to_string(), None),
    };
    (!out.0.is_empty()).then_some(out)
}

fn is_general(code: &str) -> bool {
    let c = code.trim();
    c.is_empty() || c.eq_ignore_ascii_case("general")
}

fn datetime_text(d: &calamine::ExcelDateTime, code: &str) -> String {
    if d.is_duration() {
        return numfmt::general(d.as_f64());
    }
    let (year, month, day, hour, minute, second, _) = d.to_ymd_hms_milli();
    numfmt::date_text(
        DateParts {
            year,
            month,
            day,
            hour,
            minute,
            second,
        },
        code,
    )
}

/// An ISO date-time from a `t="d"` cell: the date, and the time only when it is not midnight.
fn iso_text(s: &str) -> String {
    match s.split_once('T') {
        Some((date, time)) if time.trim_start_matches(['0', ':', '.']).is_empty() => {
            date.to_string()
        }
        _ => s.to_string(),
    }
}

// ---------------------------------------------------------------------------------------------
// .xls, .xlsb, .ods: calamine's range reader

struct RangeBook<'a> {
    wb: calamine::Sheets<Cursor<&'a [u8]>>,
    format: &'static str,
}

impl Workbook for RangeBook<'_> {
    fn format(&self) -> &'static str {
        self.format
    }

    fn sheets(&self) -> Vec<SheetInfo> {
        sheet_infos(self.wb.sheets_metadata())
    }

    fn grid(&mut self, name: &str, budget: &mut Budget) -> Result<Grid> {
        let format = self.format;
        let range = self
            .wb
            .worksheet_range(name)
            .map_err(|e| doc_error(format, format!("{e}; the workbook may be damaged")))?;
        let merges: Vec<Merge> = match &self.wb {
            calamine::Sheets::Xls(x) => x
                .merge_cells_by_sheet_name(name)
                .unwrap_or_default()
                .iter()
                .map(merge)
                .collect(),
            _ => Vec::new(),
        };
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let mut cells = Vec::new();
        for (r, c, v) in range.used_cells() {
            if let Some((text, number)) = data_text(v) {
                budget.cell()?;
                cells.push(GridCell {
                    row: r0 + r as u32,
                    col: c0 + c as u32,
                    text,
                    number,
                });
            }
        }
        grid::build(cells, &merges, budget)
    }
}

// ---------------------------------------------------------------------------------------------
// Entry points

/// Open an .xlsx/.xlsm whose parts have been checked against the limits.
pub(crate) fn read_xlsx(bytes: &[u8]) -> Result<Box<dyn Workbook + '_>> {
    guarded("xlsx", || {
        let wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(xlsx_error)?;
        Ok(Box::new(XlsxBook {
            wb,
            parts: Default::default(),
        }) as Box<dyn Workbook + '_>)
    })
}

/// The rows of the sheet named `name` in an .xlsx, as the text Excel shows (a date whose format
/// shows the day as `YYYY-MM-DD`), for readers that know the sheet's layout (the owners' update
/// workbooks). The container is checked against the limits first. `Ok(None)` when the workbook
/// has no sheet of that name.
pub(crate) fn sheet_rows(
    bytes: &[u8],
    name: &str,
    limits: &Limits,
) -> Result<Option<Vec<crate::rows::SourceRow>>> {
    let mut zip = super::container::Zip::open(bytes, *limits, "xlsx")?;
    if zip.kind() != super::container::ZipKind::Xlsx {
        return Err(doc_error(
            "xlsx",
            "the file is not an Excel workbook (.xlsx)",
        ));
    }
    zip.verify_xml_parts()?;
    drop(zip);
    let mut book = read_xlsx(bytes)?;
    if !book.sheets().iter().any(|s| s.name == name) {
        return Ok(None);
    }
    let mut budget = Budget::new(*limits, "sheet");
    guarded("xlsx", || Ok(Some(book.grid(name, &mut budget)?.rows)))
}

/// Open an .xls, .xlsb or .ods workbook through calamine's range reader.
pub(crate) fn read_legacy<'a>(
    bytes: &'a [u8],
    format: &'static str,
    limits: &Limits,
) -> Result<Box<dyn Workbook + 'a>> {
    guarded(format, || {
        let wb = open_legacy(bytes, format, limits)?;
        Ok(Box::new(RangeBook { wb, format }) as Box<dyn Workbook + 'a>)
    })
}

/// Open a workbook with calamine's range reader. An .xls is opened with its sheets' total area
/// bounded by `max_area` (calamine expands every sheet when it opens the workbook; the bound is
/// our patch, see `vendor/calamine/VENDORED.md`).
fn open_legacy<'a>(
    bytes: &'a [u8],
    format: &'static str,
    limits: &Limits,
) -> Result<calamine::Sheets<Cursor<&'a [u8]>>> {
    if format == "xls" {
        let options = calamine::XlsOptions::default()
            .with_max_area(limits.max_area)
            .without_formulas();
        return match calamine::Xls::new_with_options(Cursor::new(bytes), options) {
            Ok(wb) => Ok(calamine::Sheets::Xls(wb)),
            Err(calamine::XlsError::AreaLimit { area, max, .. }) => Err(too_large(
                "the .xls sheets' area (rows × columns of each sheet's used range, blanks \
                 included, summed over the sheets)",
                area,
                max as u64,
            )),
            Err(e) => Err(legacy_error(format, calamine::Error::Xls(e))),
        };
    }
    calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| legacy_error(format, e))
}

fn legacy_error(format: &str, e: calamine::Error) -> Error {
    let text = e.to_string();
    if text.to_ascii_lowercase().contains("password") || text.contains("encrypt") {
        return super::encrypted_error();
    }
    doc_error(format, format!("{text}; the workbook may be damaged"))
}

/// calamine expands an .ods sheet's repeated rows and columns into a dense range when it opens
/// the workbook (every sheet at once). Measure that area first, from `content.xml`, the way
/// calamine counts it: repeated non-empty cells are expanded, trailing empty ones are not, and
/// rows (repeats included) count from a sheet's first non-empty row to its last. The cells' text
/// is measured the same way (a `text:s` run of spaces counted as calamine expands it, repeats
/// multiplied out) and bounded by `max_part_bytes`: a 948-byte file whose cell holds a run of 20
/// million spaces repeated over 16 000 columns would otherwise ask for hundreds of gigabytes.
pub(crate) fn check_ods_area(content: &[u8], limits: &Limits) -> Result<()> {
    use quick_xml::events::Event;
    let text = std::str::from_utf8(content)
        .map_err(|_| doc_error("ods", "content.xml is not UTF-8; the file may be damaged"))?;
    let mut reader = quick_xml::Reader::from_str(text);
    let attr = |e: &quick_xml::events::BytesStart<'_>, name: &str| -> Option<usize> {
        e.attributes()
            .flatten()
            .find_map(|a| (a.key.as_ref() == name).then(|| a.value.trim().parse::<usize>().ok())?)
    };
    let has = |e: &quick_xml::events::BytesStart<'_>, name: &str| {
        e.attributes().flatten().any(|a| a.key.as_ref() == name)
    };
    let mut total: u128 = 0;
    let mut stored: u128 = 0;
    // Per sheet: (row repeats, non-empty width) of each row.
    let mut rows: Vec<(usize, usize)> = Vec::new();
    let (mut row_repeats, mut col, mut width, mut in_row) = (1usize, 0usize, 0usize, false);
    // Text bytes: of the open cell, of the open row (column repeats expanded), in all.
    let (mut cell_text, mut row_text, mut text): (u128, u128, u128) = (0, 0, 0);
    let (mut cell_repeats, mut in_cell) = (1usize, false);
    let text_limit = limits.max_part_bytes as u128;
    let text_over = |n: u128| {
        too_large(
            "the .ods cells' text (runs of spaces and repeated rows and columns expanded)",
            n.min(u64::MAX as u128) as u64,
            limits.max_part_bytes,
        )
    };
    let limit = limits.max_area as u128;
    let over = |n: u128| {
        too_large(
            "the .ods sheets' area (rows × columns, repeats expanded)",
            n.min(u64::MAX as u128) as u64,
            limits.max_area as u64,
        )
    };
    loop {
        let ev = reader
            .read_event()
            .map_err(|e| doc_error("ods", format!("content.xml is not well-formed XML ({e})")))?;
        let (e, open) = match &ev {
            Event::Start(e) => (e, true),
            Event::Empty(e) => (e, false),
            Event::End(e) => {
                match e.name().as_ref() {
                    "table:table-row" => {
                        rows.push((row_repeats, width));
                        stored += width as u128;
                        in_row = false;
                        text += row_text * row_repeats.min(1 << 20) as u128;
                        row_text = 0;
                        if text > text_limit {
                            return Err(text_over(text));
                        }
                    }
                    "table:table-cell" | "table:covered-table-cell" if in_cell => {
                        row_text += cell_text * cell_repeats.min(1 << 14) as u128;
                        (cell_text, in_cell) = (0, false);
                    }
                    "table:table" => {
                        let first = rows.iter().position(|r| r.1 > 0);
                        let last = rows.iter().rposition(|r| r.1 > 0);
                        if let (Some(f), Some(l)) = (first, last) {
                            let w = rows[f..=l].iter().map(|r| r.1).max().unwrap_or(0) as u128;
                            let h: u128 =
                                rows[f..=l].iter().map(|r| r.0.min(1 << 20) as u128).sum();
                            total += w * h;
                        }
                        rows.clear();
                    }
                    _ => {}
                }
                if total > limit || stored > limit {
                    return Err(over(total.max(stored)));
                }
                continue;
            }
            Event::Eof => break,
            Event::Text(t) if in_cell => {
                cell_text += t.len() as u128;
                continue;
            }
            Event::GeneralRef(_) if in_cell => {
                cell_text += 4;
                continue;
            }
            _ => continue,
        };
        match e.name().as_ref() {
            "table:table-row" => {
                row_repeats = attr(e, "table:number-rows-repeated").unwrap_or(1).max(1);
                (col, width, in_row) = (0, 0, open);
                if !open {
                    rows.push((row_repeats, 0));
                }
            }
            "text:s" if in_cell => {
                // calamine (patched) cuts a run at 32 767 characters.
                cell_text += attr(e, "text:c").unwrap_or(1).min(32_767) as u128;
            }
            "table:table-cell" | "table:covered-table-cell" if in_row => {
                let n = attr(e, "table:number-columns-repeated").unwrap_or(1).max(1);
                (cell_repeats, in_cell, cell_text) = (n, open, 0);
                col = col.saturating_add(n).min(1 << 14);
                if open || has(e, "office:value-type") || has(e, "table:formula") {
                    width = col;
                }
            }
            _ => {}
        }
    }
    if total > limit || stored > limit {
        return Err(over(total.max(stored)));
    }
    Ok(())
}

/// The names of the sheets of a workbook.
pub(crate) fn sheet_names(bytes: &[u8], limits: &Limits) -> Result<Vec<String>> {
    if super::detect(bytes) == Some(super::Container::Zip) {
        let mut zip = super::container::Zip::open(bytes, *limits, "xlsx")?;
        zip.verify_xml_parts()?;
        // calamine expands every .ods sheet when it opens the workbook: measure first.
        if zip.kind() == super::container::ZipKind::Ods {
            let content = zip.read_part("content.xml")?.unwrap_or_default();
            check_ods_area(&content, limits)?;
        }
    }
    let format = if super::detect(bytes) == Some(super::Container::Xls) {
        "xls"
    } else {
        "xlsx"
    };
    guarded(format, || {
        Ok(open_legacy(bytes, format, limits)?.sheet_names())
    })
}

/// The date an Excel serial number stands for, as `YYYY-MM-DD` (for a due date typed as a bare
/// number).
pub(crate) fn serial_date(n: f64) -> String {
    let d = calamine::ExcelDateTime::new(n, calamine::ExcelDateTimeType::DateTime, false);
    let (y, m, day, ..) = d.to_ymd_hms_milli();
    format!("{y:04}-{m:02}-{day:02}")
}

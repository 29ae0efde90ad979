//! Office files to a plan: the workbook's sheet (or sheets) and the document's tables that
//! hold the plan, read through the same pipeline as CSV.
//!
//! [`crate::office`] opens the file and hands out rows ([`SourceRow`]s: a workbook's sheets
//! one at a time, a document's paragraphs and tables); this module decides which rows are
//! the plan. A first reading of a sheet finds its columns; then the cells under vertical
//! merges are filled in action columns, Excel serial numbers in a date column are read as
//! dates, and the rows are read again. The dependency goes one way: import → office.

use super::{Format, ImportOptions, Imported};
#[cfg(any(feature = "excel", feature = "word"))]
use crate::diagnostic::Diagnostic;
use crate::error::Result;
use crate::office::{Limits, Opened, Wanted};
#[cfg(any(feature = "excel", feature = "word"))]
use crate::rows::SourceRow;
#[cfg(any(feature = "excel", feature = "word"))]
use crate::text::{clean_cell, is_blank};

/// What an import format asks the bytes to be.
pub(super) fn wanted(format: Format) -> Wanted {
    match format {
        Format::Xlsx => Wanted::Workbook,
        Format::Docx => Wanted::Document,
        _ => Wanted::Any,
    }
}

/// The hook in [`ImportOptions::read_bytes`]: `Some` when the bytes are an Office container
/// (or the caller asked for one), `None` to go on reading them as text.
pub(super) fn route(opts: &ImportOptions, bytes: &[u8]) -> Option<Result<Imported>> {
    let opened = crate::office::route(wanted(opts.format), bytes)?;
    Some(opened.and_then(|o| read_opened(opts, o, &Limits::default())))
}

impl ImportOptions {
    /// Read a workbook or document with explicit [`Limits`] (what
    /// [`read_bytes`](Self::read_bytes) does with the default limits when the bytes are an
    /// Office file).
    ///
    /// ```
    /// use actionplan::import::ImportOptions;
    /// use actionplan::office::Limits;
    /// let err = ImportOptions::new().read_office(b"Action,Owner\n", &Limits::default()).unwrap_err();
    /// assert_eq!(err.code(), "document");
    /// ```
    pub fn read_office(&self, bytes: &[u8], limits: &Limits) -> Result<Imported> {
        let opened = crate::office::open(wanted(self.format), bytes, limits)?;
        read_opened(self, opened, limits)
    }
}

fn read_opened(opts: &ImportOptions, opened: Opened<'_>, limits: &Limits) -> Result<Imported> {
    let _ = (opts, limits);
    match opened {
        #[cfg(feature = "excel")]
        Opened::Book(mut book) => {
            let format = book.format();
            crate::office::guarded(format, || book::read_book(opts, book.as_mut(), limits))
        }
        #[cfg(feature = "word")]
        Opened::Word(blocks) => word::assemble(opts, blocks),
        Opened::Never(never, _) => match never {},
    }
}

/// A workbook's sheets to a plan.
#[cfg(feature = "excel")]
mod book {
    use super::*;
    use crate::diagnostic::{Place, Severity};
    use crate::error::{Error, ErrorKind};
    use crate::model::Role;
    use crate::office::{doc_error, serial_date, Budget, Grid, Sheet, SheetInfo, Workbook};

    pub(super) fn read_book(
        opts: &ImportOptions,
        book: &mut dyn Workbook,
        limits: &Limits,
    ) -> Result<Imported> {
        let format = book.format();
        let sheets = book.sheets();
        if sheets.is_empty() {
            return Err(doc_error(format, "the workbook has no sheets"));
        }
        if opts.sheets_as_themes {
            return read_as_themes(opts, book, &sheets, limits);
        }
        if let Some(sel) = &opts.sheet {
            let i = resolve(sel, &sheets)?;
            let mut budget = Budget::new(*limits, "sheet");
            let grid = book.grid(&sheets[i].name, &mut budget)?;
            let mut imported = import_grid(opts, grid, format)?;
            let note = sheet_note(&sheets, i, &[]);
            prepend_notes(&mut imported, vec![note]);
            return Ok(imported);
        }
        // The first visible worksheet that holds a plan.
        let mut skipped: Vec<(String, Error)> = Vec::new();
        for (i, s) in sheets
            .iter()
            .enumerate()
            .filter(|(_, s)| s.plain)
            .take(limits.max_sheets_scanned)
        {
            let mut budget = Budget::new(*limits, "sheet");
            let grid = book.grid(&s.name, &mut budget)?;
            match import_grid(opts, grid, format) {
                Ok(mut imported) => {
                    let names: Vec<String> = skipped.iter().map(|(n, _)| n.clone()).collect();
                    let note = sheet_note(&sheets, i, &names);
                    prepend_notes(&mut imported, vec![note]);
                    return Ok(imported);
                }
                Err(e) if is_not_a_plan(&e) => skipped.push((s.name.clone(), e)),
                Err(e) => return Err(e),
            }
        }
        Err(no_plan(format, skipped))
    }

    /// Errors that mean "this sheet holds no plan", as opposed to a broken or oversized file.
    fn is_not_a_plan(e: &Error) -> bool {
        matches!(
            e.kind(),
            ErrorKind::Empty | ErrorKind::NoHeader { .. } | ErrorKind::NoRows { .. }
        )
    }

    fn no_plan(format: &str, mut skipped: Vec<(String, Error)>) -> Error {
        match skipped.len() {
            0 => doc_error(format, "the workbook has no visible worksheet"),
            1 => skipped.remove(0).1,
            _ if skipped
                .iter()
                .all(|(_, e)| matches!(e.kind(), ErrorKind::Empty)) =>
            {
                Error::new(ErrorKind::Empty)
            }
            _ => doc_error(
                format,
                format!(
                    "no sheet holds a table of actions (a header row naming columns such as \
                 Recommendation, Action, Owner, Due date): {}",
                    skipped
                        .iter()
                        .map(|(n, e)| format!("{n:?}: {e}"))
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
            ),
        }
    }

    fn resolve(sel: &Sheet, sheets: &[SheetInfo]) -> Result<usize> {
        let listing = || {
            sheets
                .iter()
                .map(|s| format!("{:?}", s.name))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match sel {
        Sheet::Index(i) if *i < sheets.len() => Ok(*i),
        Sheet::Index(i) => Err(Error::invalid_option(
            "sheet",
            format!(
                "sheet index {i} is out of range: the workbook has {} sheet(s) ({}), counted from 0",
                sheets.len(),
                listing()
            ),
        )),
        Sheet::Name(n) => sheets
            .iter()
            .position(|s| s.name == *n)
            .or_else(|| {
                sheets
                    .iter()
                    .position(|s| s.name.trim().eq_ignore_ascii_case(n.trim()))
            })
            .ok_or_else(|| {
                Error::invalid_option(
                    "sheet",
                    format!("no sheet is named {n:?}; the sheets are {}", listing()),
                )
            }),
    }
    }

    fn sheet_note(sheets: &[SheetInfo], i: usize, skipped: &[String]) -> Diagnostic {
        let mut msg = format!(
            "read sheet {:?} (sheet {} of {})",
            sheets[i].name,
            i + 1,
            sheets.len()
        );
        if !skipped.is_empty() {
            msg.push_str(&format!(
                "; sheet(s) {} hold no table of actions",
                skipped
                    .iter()
                    .map(|s| format!("{s:?}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        Diagnostic::new("sheet", Severity::Info, msg)
    }

    /// Import one sheet's grid: a first reading finds the columns; then the cells under vertical
    /// merges are filled in action columns, and General-format numbers in a date column (Excel
    /// serials that lost their date format) are read as dates.
    fn import_grid(opts: &ImportOptions, mut grid: Grid, format: &str) -> Result<Imported> {
        let mut notes = Vec::new();
        let first = opts.read_rows(grid.rows.clone(), format)?;
        let filled = apply_fills(&mut grid.rows, &grid.fills, &first.plan);
        if !grid.fills.is_empty() {
            notes.push(merged_note(grid.fills.len(), filled));
        }
        let repaired = repair_serials(&mut grid, &first.plan);
        if !repaired.is_empty() {
            let header = repaired[0].1.clone();
            notes.push(
                Diagnostic::new(
                    "excel_serial_date",
                    Severity::Info,
                    format!(
                    "{} date cell(s) held a bare Excel serial number (the date format was lost): \
                     read as dates (rows {})",
                    repaired.len(),
                    repaired
                        .iter()
                        .take(8)
                        .map(|(r, _)| r.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                )
                .at(Place {
                    row: Some(repaired[0].0),
                    column: Some(header),
                    ..Place::default()
                }),
            );
        }
        let mut imported = if filled == 0 && repaired.is_empty() {
            first
        } else {
            opts.read_rows(grid.rows, format)?
        };
        prepend_notes(&mut imported, notes);
        Ok(imported)
    }

    /// Serial numbers from 1990 to 2100 in a due-date column, shown in the General format.
    fn repair_serials(grid: &mut Grid, plan: &crate::Plan) -> Vec<(usize, String)> {
        let due: Vec<(usize, String)> = plan
            .columns
            .iter()
            .enumerate()
            .filter(|(_, c)| matches!(c.role, Role::Timeframe | Role::OriginalDue))
            .map(|(i, c)| (i, c.header.clone()))
            .collect();
        let mut repaired = Vec::new();
        if due.is_empty() {
            return repaired;
        }
        let Some(h) = header_index(&grid.rows, plan) else {
            return repaired;
        };
        for (row, numbers) in grid.rows.iter_mut().zip(&grid.numbers).skip(h + 1) {
            for &(col, n) in numbers {
                let Some((_, header)) = due.iter().find(|(i, _)| *i == col) else {
                    continue;
                };
                if n.fract() != 0.0 || !(32_874.0..=73_415.0).contains(&n) {
                    continue;
                }
                if let Some(cell) = row.cells.get_mut(col) {
                    *cell = serial_date(n);
                    repaired.push((row.line, header.clone()));
                }
            }
        }
        repaired
    }

    /// One sheet per theme: every visible worksheet that holds a plan, read as one plan with the
    /// sheet's name as the theme of its rows (a "Sheet" column, kept like any other column).
    fn read_as_themes(
        opts: &ImportOptions,
        book: &mut dyn Workbook,
        sheets: &[SheetInfo],
        limits: &Limits,
    ) -> Result<Imported> {
        let format = book.format();
        let mut budget = Budget::new(*limits, "workbook");
        // (sheet name, rows below the header, header row)
        let mut parts: Vec<(String, Vec<SourceRow>, SourceRow)> = Vec::new();
        let mut title_rows: Vec<SourceRow> = Vec::new();
        let mut skipped = Vec::new();
        let mut first_plan: Option<crate::Plan> = None;
        for s in sheets.iter().filter(|s| s.plain) {
            let grid = book.grid(&s.name, &mut budget)?;
            let trial = match opts.read_rows(grid.rows.clone(), format) {
                Ok(t) => t,
                Err(e) if is_not_a_plan(&e) => {
                    skipped.push(s.name.clone());
                    continue;
                }
                Err(e) => return Err(e),
            };
            let Some(h) = header_index(&grid.rows, &trial.plan) else {
                skipped.push(s.name.clone());
                continue;
            };
            let mut rows = grid.rows;
            apply_fills(&mut rows, &grid.fills, &trial.plan);
            let body = rows.split_off(h + 1);
            let header = rows.pop().unwrap_or_else(|| SourceRow {
                line: 1,
                cells: Vec::new(),
            });
            if parts.is_empty() {
                title_rows = rows;
                first_plan = Some(trial.plan);
            }
            parts.push((s.name.clone(), body, header));
        }
        let Some(first_plan) = first_plan else {
            return Err(no_plan(
                format,
                skipped
                    .into_iter()
                    .map(|n| (n, Error::new(ErrorKind::NoHeader { rows_scanned: 40 })))
                    .collect(),
            ));
        };
        let width = parts
            .iter()
            .flat_map(|(_, body, header)| body.iter().chain(std::iter::once(header)))
            .map(|r| r.cells.len())
            .max()
            .unwrap_or(0);
        let has_theme = first_plan.columns.iter().any(|c| c.role == Role::Theme);
        let taken = |n: &str| first_plan.columns.iter().any(|c| c.header == n);
        let sheet_col = ["Sheet", "Worksheet", "Sheet name"]
            .into_iter()
            .find(|n| !taken(n))
            .unwrap_or("Sheet (workbook)");
        let mut notes = Vec::new();
        let first_header = parts[0].2.cells.clone();
        let mut rows = title_rows;
        for (k, (name, body, header)) in parts.into_iter().enumerate() {
            if k == 0 {
                let mut h = header;
                h.cells.resize(width, String::new());
                h.cells.push(sheet_col.to_string());
                rows.push(h);
            } else if trim_end(&header.cells) != trim_end(&first_header) {
                notes.push(
                    Diagnostic::new(
                        "sheet_columns_differ",
                        Severity::Warning,
                        format!(
                        "sheet {name:?} has different column headers from the first sheet: its \
                         cells were read by the first sheet's columns"
                    ),
                    )
                    .at(Place::row(header.line)),
                );
            }
            for mut r in body {
                let filled = r.cells.iter().filter(|c| !c.trim().is_empty()).count();
                if filled > 1 {
                    r.cells.resize(width, String::new());
                    r.cells.push(name.clone());
                }
                rows.push(r);
            }
        }
        let mut o = opts.clone();
        o.sheets_as_themes = false;
        if !has_theme {
            o.column(sheet_col, Role::Theme);
        }
        let mut imported = o.read_rows(rows, format)?;
        // Sheets' own rows keep their own row numbers: say so once.
        let mut msg = format!(
        "read the workbook's sheets as themes of one plan (the sheet name is in the {sheet_col:?} column); row numbers are each sheet's own"
    );
        if !skipped.is_empty() {
            msg.push_str(&format!(
                "; sheet(s) {} hold no table of actions",
                skipped
                    .iter()
                    .map(|s| format!("{s:?}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        notes.insert(0, Diagnostic::new("sheets_as_themes", Severity::Info, msg));
        prepend_notes(&mut imported, notes);
        Ok(imported)
    }

    fn trim_end(cells: &[String]) -> Vec<String> {
        let mut v: Vec<String> = cells.iter().map(|c| c.trim().to_string()).collect();
        while v.last().is_some_and(|c| c.is_empty()) {
            v.pop();
        }
        v
    }
}

/// A document's tables to a plan.
#[cfg(feature = "word")]
mod word {
    use super::*;
    use crate::diagnostic::Severity;
    use crate::office::{doc_error, Block};

    fn short_line(text: &str) -> bool {
        let t = text.trim();
        !t.is_empty() && t.chars().count() <= 150 && !t.contains('\n')
    }

    /// Turn the blocks into one row stream: title, the plan tables with their headings.
    pub(super) fn assemble(opts: &ImportOptions, blocks: Vec<Block>) -> Result<Imported> {
        // The paragraphs before each table, and the tables.
        let mut tables: Vec<(Vec<String>, Vec<Vec<String>>)> = Vec::new();
        let mut table_fills: Vec<Vec<(usize, usize, String)>> = Vec::new();
        let mut paras: Vec<String> = Vec::new();
        let mut reader_notes: Vec<Diagnostic> = Vec::new();
        for b in blocks {
            match b {
                Block::Para(p) => paras.push(clean_cell(&p)),
                Block::Table(t, f) => {
                    tables.push((std::mem::take(&mut paras), t));
                    table_fills.push(f);
                }
                Block::Note(d) => reader_notes.push(d),
            }
        }
        let trailing = paras.iter().filter(|p| !is_blank(p)).count();
        if tables.is_empty() {
            return Err(doc_error(
                "docx",
                "the document has no tables: expected the action plan as a Word table",
            ));
        }
        let as_rows = |t: &[Vec<String>]| -> Vec<SourceRow> {
            t.iter()
                .enumerate()
                .map(|(i, c)| SourceRow {
                    line: i + 1,
                    cells: c.clone(),
                })
                .collect()
        };
        // The first table that holds a plan.
        let mut first = None;
        let mut first_err = None;
        for (i, (_, t)) in tables.iter().enumerate() {
            match opts.read_rows(as_rows(t), "docx") {
                Ok(imp) => {
                    first = Some((i, imp));
                    break;
                }
                Err(e) => {
                    first_err.get_or_insert(e);
                }
            }
        }
        let Some((fi, trial)) = first else {
            return Err(first_err.unwrap_or_else(|| doc_error("docx", "no table holds a plan")));
        };
        let first_rows = as_rows(&tables[fi].1);
        let h = header_index(&first_rows, &trial.plan).unwrap_or(0);
        let header = trim_end_clean(&tables[fi].1[h]);
        let ncols = tables[fi].1[h].len();

        // Later tables that continue the plan: (index, rows to take from).
        let mut more: Vec<(usize, usize)> = Vec::new();
        let mut skipped_tables = 0;
        for (i, (_, t)) in tables.iter().enumerate().skip(fi + 1) {
            if let Some(k) = t.iter().take(10).position(|r| trim_end_clean(r) == header) {
                more.push((i, k + 1));
            } else if t.iter().map(Vec::len).max().unwrap_or(0) == ncols
                && !t
                    .iter()
                    .any(|r| trim_end_clean(r) != header && is_header_like(opts, r))
            {
                more.push((i, 0));
            } else {
                skipped_tables += 1;
            }
        }
        let heading = |i: usize| -> Option<String> {
            tables[i]
                .0
                .iter()
                .rev()
                .find(|p| !is_blank(p))
                .filter(|p| short_line(p))
                .cloned()
        };
        let themed = !more.is_empty() && more.iter().all(|&(i, _)| heading(i).is_some());
        let mut out_paras = 0;
        let mut rows: Vec<SourceRow> = Vec::new();
        let push = |cells: Vec<String>, rows: &mut Vec<SourceRow>| {
            let line = rows.len() + 1;
            rows.push(SourceRow { line, cells });
        };
        // Title: the nearest short paragraph before the first table (before its heading, if
        // themed).
        let before: Vec<&String> = tables[fi].0.iter().filter(|p| !is_blank(p)).collect();
        let first_heading = if themed { before.last().copied() } else { None };
        let title_pool = if themed && !before.is_empty() {
            &before[..before.len() - 1]
        } else {
            &before[..]
        };
        let at = title_pool.iter().rposition(|p| short_line(p));
        let title = at.map(|i| title_pool[i]);
        // A numbered heading just before the table ("1. Financial sustainability") is the first
        // section, not the title: the short paragraph before it is the title, and both are kept.
        let above = at
            .filter(|_| title.is_some_and(|t| crate::import::regions::is_numbered_heading(t)))
            .and_then(|i| title_pool[..i].iter().rev().find(|p| short_line(p)));
        if let Some(t) = above {
            push(vec![(*t).clone()], &mut rows);
        }
        if let Some(t) = title {
            push(vec![t.clone()], &mut rows);
        }
        out_paras += before.len()
            - usize::from(title.is_some())
            - usize::from(above.is_some())
            - usize::from(first_heading.is_some());
        // Cells under vertical merges, by their place in `rows`.
        let mut fills: Vec<(usize, usize, String)> = Vec::new();
        let mut take_fills = |t: usize, k: usize, out: usize| {
            for (r, c, text) in &table_fills[t] {
                if *r == k {
                    fills.push((out, *c, text.clone()));
                }
            }
        };
        for (k, r) in tables[fi].1.iter().enumerate() {
            take_fills(fi, k, rows.len());
            push(r.clone(), &mut rows);
            if k == h {
                if let Some(hd) = first_heading {
                    push(vec![hd.clone()], &mut rows);
                }
            }
        }
        let mut used = vec![false; tables.len()];
        used[fi] = true;
        for &(i, from) in &more {
            used[i] = true;
            let texts = tables[i].0.iter().filter(|p| !is_blank(p)).count();
            if themed {
                if let Some(hd) = heading(i) {
                    push(vec![hd], &mut rows);
                    out_paras += texts - 1;
                }
            } else {
                out_paras += texts;
            }
            for (k, r) in tables[i].1.iter().enumerate().skip(from) {
                take_fills(i, k, rows.len());
                push(r.clone(), &mut rows);
            }
        }
        // Paragraphs before tables that were not used.
        for (i, (p, _)) in tables.iter().enumerate() {
            if !used[i] {
                out_paras += p.iter().filter(|p| !is_blank(p)).count();
            }
        }
        out_paras += trailing;
        let first = opts.read_rows(rows.clone(), "docx")?;
        let filled = apply_fills(&mut rows, &fills, &first.plan);
        let mut imported = if filled > 0 {
            opts.read_rows(rows, "docx")?
        } else {
            first
        };
        let mut notes = vec![Diagnostic::new(
            "docx_tables",
            Severity::Info,
            format!(
                "read {} table(s) of the document as the plan{}",
                1 + more.len(),
                if themed {
                    ", with the heading before each table as its theme"
                } else {
                    ""
                }
            ),
        )];
        if !fills.is_empty() {
            notes.push(merged_note(fills.len(), filled));
        }
        if skipped_tables > 0 || out_paras > 0 {
            notes.push(Diagnostic::new(
            "docx_skipped",
            Severity::Info,
            format!(
                "{skipped_tables} other table(s) and {out_paras} paragraph(s) of text outside the plan's tables were not read"
            ),
        ));
        }
        notes.extend(reader_notes);
        prepend_notes(&mut imported, notes);
        Ok(imported)
    }

    /// A row that names known columns (a header of some other table).
    fn is_header_like(opts: &ImportOptions, row: &[String]) -> bool {
        let roles = row
            .iter()
            .filter(|c| !is_blank(c) && c.chars().count() <= 80)
            .filter(|c| opts.aliases.classify(c).is_some())
            .count();
        roles >= 2 && roles * 2 >= row.iter().filter(|c| !is_blank(c)).count()
    }

    fn trim_end_clean(cells: &[String]) -> Vec<String> {
        let mut v: Vec<String> = cells.iter().map(|c| clean_cell(c)).collect();
        while v.last().is_some_and(|c| c.is_empty()) {
            v.pop();
        }
        v
    }
}

/// Where the header row is among `rows`, given the columns the importer found: the first row
/// whose non-blank cells are exactly those headers.
#[cfg(any(feature = "excel", feature = "word"))]
pub(super) fn header_index(rows: &[SourceRow], plan: &crate::Plan) -> Option<usize> {
    let headers: Vec<&str> = plan.columns.iter().map(|c| c.header.as_str()).collect();
    rows.iter().take(200).position(|r| {
        let mut filled = 0;
        let all = r.cells.iter().enumerate().all(|(i, c)| {
            let c = clean_cell(c);
            if is_blank(&c) {
                return true;
            }
            filled += 1;
            headers.get(i).is_some_and(|h| *h == c)
        });
        all && filled > 0
    })
}

/// Fill the cells under vertical merges once the columns are known (see the `grid` rules):
/// action columns below the header take the merged value; the recommendation's own columns
/// (ref, text, definition, theme) stay blank so the importer reads the row as continuing the
/// recommendation above. Returns how many cells were filled.
#[cfg(any(feature = "excel", feature = "word"))]
pub(super) fn apply_fills(
    rows: &mut [SourceRow],
    fills: &[(usize, usize, String)],
    plan: &crate::Plan,
) -> usize {
    use crate::model::Role;
    let Some(h) = header_index(rows, plan) else {
        return 0;
    };
    let mut n = 0;
    for (i, col, text) in fills {
        if *i <= h {
            continue;
        }
        let role = plan.columns.get(*col).map(|c| c.role);
        if matches!(
            role,
            Some(Role::RecommendationRef | Role::Recommendation | Role::Definition | Role::Theme)
        ) {
            continue;
        }
        if let Some(cell) = rows.get_mut(*i).and_then(|r| r.cells.get_mut(*col)) {
            if is_blank(cell) {
                cell.clone_from(text);
                n += 1;
            }
        }
    }
    n
}

/// The note on vertically merged cells.
#[cfg(any(feature = "excel", feature = "word"))]
pub(super) fn merged_note(total: usize, filled: usize) -> Diagnostic {
    Diagnostic::new(
        "merged_cells",
        crate::diagnostic::Severity::Info,
        format!(
            "{total} cell(s) lie under vertically merged cells: {filled} in action columns took \
             the merged value; the others, in the recommendation's columns, mark rows that \
             continue the recommendation above"
        ),
    )
}

/// Put reader notes in front of the importer's diagnostics, on the plan too.
#[cfg(any(feature = "excel", feature = "word"))]
pub(super) fn prepend_notes(imported: &mut Imported, notes: Vec<Diagnostic>) {
    if notes.is_empty() {
        return;
    }
    imported.diagnostics.splice(0..0, notes);
    imported.plan.import_diagnostics = imported.diagnostics.clone();
}

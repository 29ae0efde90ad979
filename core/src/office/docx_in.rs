//! Word documents in: the paragraphs and tables of a `.docx`, for the importer (which picks
//! the tables that hold the plan: `import::office_plan`).
//!
//! A `.docx` is a zip whose `word/document.xml` holds the body: paragraphs (`w:p`) and tables
//! (`w:tbl` → `w:tr` → `w:tc`). This reader streams that part once:
//!
//! - the text of a cell is its paragraphs joined by line breaks (`w:br` is a line break too,
//!   `w:tab` a tab); deleted text of tracked changes and field codes are left out, and a nested
//!   table's paragraphs become lines of the cell that holds it;
//! - `w:gridSpan` (a cell merged across columns) keeps its text in its first column; `w:vMerge`
//!   (merged down) gives every row it spans the text of the cell where it starts;
//! - the first table that holds a plan sets the columns. A later table is read as more of the
//!   plan when it has the same header (Three Rivers repeats it per theme) or, with no header, the
//!   same number of columns (a table split across pages); other tables are skipped with a note;
//! - when there are several such tables and the short paragraph just before each later one is a
//!   heading ("2) Business Planning Recommendations"), each such heading is given to the importer
//!   as a section row, so it becomes the theme of the rows that follow, and the paragraph just
//!   before the first table is that table's heading. The nearest short paragraph before that is
//!   the title row. Other text outside the tables is not part of the plan, and a note counts it.
//!
//! Row numbers are positions in that flattened table (title = 1, header = 2, ...).

use super::container::{doc_error, Zip};
use super::guarded;
use super::limits::Budget;
use crate::diagnostic::{Diagnostic, Severity};
use crate::error::Result;
use crate::text::is_blank;
use quick_xml::events::{BytesStart, Event};

/// A body-level block.
#[derive(Debug)]
pub(crate) enum Block {
    Para(String),
    /// Rows, and the cells under vertical merges: (row, column, merged value).
    Table(Vec<Vec<String>>, Vec<(usize, usize, String)>),
    /// Something the reader had to guess or leave as written, for the notes.
    Note(Diagnostic),
}

/// A cell as read, before merges are resolved.
#[derive(Debug, Default)]
struct RawCell {
    text: String,
    span: usize,
    /// `Some(true)` restarts a vertical merge, `Some(false)` continues one.
    vmerge: Option<bool>,
    paras: usize,
}

#[derive(Debug, Default)]
struct RawRow {
    grid_before: usize,
    cells: Vec<RawCell>,
}

/// Read the body of a .docx: its paragraphs and tables, in order.
pub(crate) fn read(mut zip: Zip<'_>) -> Result<Vec<Block>> {
    let xml = zip
        .read_part("word/document.xml")?
        .ok_or_else(|| doc_error("docx", "the document has no word/document.xml part"))?;
    let limits = zip.limits();
    drop(zip);
    let text = String::from_utf8(xml).map_err(|_| {
        doc_error(
            "docx",
            "word/document.xml is not UTF-8; save the document again from Word",
        )
    })?;
    let mut budget = Budget::new(limits, "document");
    guarded("docx", || parse_body(&text, &mut budget))
}

fn attr(e: &BytesStart<'_>, local: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find_map(|a| (a.key.local_name().as_ref() == local).then(|| a.value.trim().to_string()))
}

fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
}

/// Stream document.xml into paragraphs and tables.
fn parse_body(xml: &str, budget: &mut Budget) -> Result<Vec<Block>> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut blocks = Vec::new();
    // Open tables: depth 1 is a body table; deeper ones are nested in its cells.
    let mut depth = 0usize;
    let mut rows: Vec<RawRow> = Vec::new();
    let mut row: Option<RawRow> = None;
    let mut cell: Option<RawCell> = None;
    let mut para = String::new();
    let mut in_para = false;
    let mut in_text = false;
    // Inside content to leave out (mc:Fallback, w:del, w:instrText...), by nesting depth.
    let mut skip = 0usize;
    let mut unknown_entities: Vec<String> = Vec::new();
    let mut tables = 0usize;
    loop {
        let ev = reader.read_event().map_err(|e| {
            doc_error(
                "docx",
                format!(
                    "word/document.xml is not well-formed XML near byte {} ({e})",
                    reader.buffer_position()
                ),
            )
        })?;
        match ev {
            Event::Eof => break,
            Event::Start(e) => {
                let name = e.local_name();
                let name = name.as_ref();
                if skip > 0 {
                    skip += 1;
                    continue;
                }
                match name {
                    "Fallback" | "del" | "instrText" | "delInstrText" | "moveFrom" => skip = 1,
                    "tbl" => {
                        depth += 1;
                        if depth == 1 {
                            rows.clear();
                        }
                    }
                    "tr" if depth == 1 => row = Some(RawRow::default()),
                    "tc" if depth == 1 => {
                        cell = Some(RawCell {
                            span: 1,
                            ..RawCell::default()
                        })
                    }
                    "p" => {
                        in_para = true;
                        para.clear();
                    }
                    "t" => in_text = in_para,
                    "gridSpan" | "vMerge" | "gridBefore" => {
                        props(name, &e, depth, &mut row, &mut cell)
                    }
                    _ => {}
                }
            }
            Event::Empty(e) => {
                if skip > 0 {
                    continue;
                }
                let name = e.local_name();
                match name.as_ref() {
                    "br" | "cr" if in_para => para.push('\n'),
                    "tab" if in_para => para.push('\t'),
                    "noBreakHyphen" if in_para => para.push('-'),
                    "p" => {
                        // An empty paragraph.
                        para.clear();
                        end_paragraph(depth, &mut cell, &mut blocks, &para);
                    }
                    n @ ("gridSpan" | "vMerge" | "gridBefore") => {
                        props(n, &e, depth, &mut row, &mut cell)
                    }
                    _ => {}
                }
            }
            Event::End(e) => {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let name = e.local_name();
                match name.as_ref() {
                    "t" => in_text = false,
                    "p" => {
                        in_para = false;
                        in_text = false;
                        end_paragraph(depth, &mut cell, &mut blocks, &para);
                        para.clear();
                    }
                    "tc" if depth == 1 => {
                        if let (Some(c), Some(r)) = (cell.take(), row.as_mut()) {
                            if !is_blank(&c.text) {
                                budget.cell()?;
                            }
                            r.cells.push(c);
                        }
                    }
                    "tr" if depth == 1 => {
                        if let Some(r) = row.take() {
                            rows.push(r);
                        }
                    }
                    "tbl" => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            tables += 1;
                            let mut notes = Vec::new();
                            let (table, fills) = resolve_table(
                                std::mem::take(&mut rows),
                                budget,
                                tables,
                                &mut notes,
                            )?;
                            blocks.push(Block::Table(table, fills));
                            blocks.extend(notes.into_iter().map(Block::Note));
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) if in_text && skip == 0 => para.push_str(&t.xml10_content()),
            Event::CData(t) if in_text && skip == 0 => para.push_str(&t.into_inner()),
            Event::GeneralRef(r) if in_text && skip == 0 => {
                let name = r.xml10_content();
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    para.push(c);
                } else if let Some(c) = entity(&name) {
                    para.push(c);
                } else {
                    // An entity XML does not define and Word never writes: kept as written,
                    // with a note (it used to vanish from the text).
                    para.push('&');
                    para.push_str(&name);
                    para.push(';');
                    if unknown_entities.len() < 20 && !unknown_entities.iter().any(|u| *u == *name)
                    {
                        unknown_entities.push(name.to_string());
                    }
                }
            }
            _ => {}
        }
    }
    if !unknown_entities.is_empty() {
        blocks.push(Block::Note(Diagnostic::new(
            "docx_entity",
            Severity::Warning,
            format!(
                "the document uses XML entities that are not defined ({}): kept in the text as \
                 written",
                unknown_entities
                    .iter()
                    .map(|e| format!("&{e};"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )));
    }
    Ok(blocks)
}

fn props(
    name: &str,
    e: &BytesStart<'_>,
    depth: usize,
    row: &mut Option<RawRow>,
    cell: &mut Option<RawCell>,
) {
    if depth != 1 {
        return;
    }
    let val = attr(e, "val");
    match name {
        "gridSpan" => {
            if let Some(c) = cell.as_mut() {
                c.span = val.and_then(|v| v.trim().parse().ok()).unwrap_or(1).max(1);
            }
        }
        "vMerge" => {
            if let Some(c) = cell.as_mut() {
                c.vmerge = Some(val.as_deref() == Some("restart"));
            }
        }
        "gridBefore" => {
            if let (Some(r), None) = (row.as_mut(), cell.as_ref()) {
                r.grid_before = val.and_then(|v| v.trim().parse().ok()).unwrap_or(0);
            }
        }
        _ => {}
    }
}

/// A paragraph ends: a line of the current cell, or a body paragraph.
fn end_paragraph(depth: usize, cell: &mut Option<RawCell>, blocks: &mut Vec<Block>, para: &str) {
    if depth == 0 {
        blocks.push(Block::Para(para.to_string()));
    } else if let Some(c) = cell.as_mut() {
        if c.paras > 0 {
            c.text.push('\n');
        }
        c.text.push_str(para);
        c.paras += 1;
    }
}

/// The widest a table may be (grid columns); wider spans are cut to it.
const MAX_GRID: usize = 1_000;

/// Place cells on the table grid, resolve vertical merges, and keep the columns where some cell
/// starts (a table whose rows split the grid differently keeps every column a cell starts on).
/// A cell that continues a vertical merge is left blank, its value returned as a fill (see
/// `office::apply_fills`).
type Table = (Vec<Vec<String>>, Vec<(usize, usize, String)>);

fn resolve_table(
    rows: Vec<RawRow>,
    budget: &mut Budget,
    table_no: usize,
    notes: &mut Vec<Diagnostic>,
) -> Result<Table> {
    // (start column, text) per row.
    let mut placed: Vec<Vec<(usize, String, bool)>> = Vec::with_capacity(rows.len());
    let mut starts = std::collections::BTreeSet::new();
    let mut above: std::collections::HashMap<usize, String> = std::collections::HashMap::new();
    for (row_no, r) in rows.into_iter().enumerate() {
        let mut col = r.grid_before.min(MAX_GRID);
        let mut out = Vec::with_capacity(r.cells.len());
        let mut this_row: std::collections::HashMap<usize, String> =
            std::collections::HashMap::new();
        let n = r.cells.len();
        for (k, c) in r.cells.into_iter().enumerate() {
            if col >= MAX_GRID {
                notes.push(Diagnostic::new(
                    "docx_grid",
                    Severity::Warning,
                    format!(
                        "table {table_no}, row {}: the row is wider than {MAX_GRID} grid columns; \
                         its last {} cell(s) were not read",
                        row_no + 1,
                        n - k
                    ),
                ));
                break;
            }
            // A span wider than any table, or one that would push the row's later cells off
            // the grid, cannot be what the row means (Word tables have at most 63 columns): a
            // span past the grid is read as one column, a wide one is cut so the cells after it
            // keep their places, with a warning. (A gridSpan of 4294967295 used to make the
            // owner, due date and status after it vanish.)
            let room = MAX_GRID.saturating_sub(col + (n - k - 1)).max(1);
            let span = if c.span > MAX_GRID {
                1
            } else {
                c.span.min(room)
            };
            if span != c.span {
                notes.push(Diagnostic::new(
                    "docx_grid",
                    Severity::Warning,
                    format!(
                        "table {table_no}, row {}, cell {}: a gridSpan of {} is wider than the \
                         table can be; read as {span} column(s)",
                        row_no + 1,
                        k + 1,
                        c.span
                    ),
                ));
            }
            let (text, filled) = match (c.vmerge, above.get(&col)) {
                (Some(false), Some(t)) if is_blank(&c.text) => {
                    if !is_blank(t) {
                        budget.cell()?;
                    }
                    (t.clone(), true)
                }
                _ => (c.text, false),
            };
            if c.vmerge.is_some() {
                this_row.insert(col, text.clone());
            }
            starts.insert(col);
            out.push((col, text, filled));
            col = col.saturating_add(span).min(MAX_GRID);
        }
        above = this_row;
        placed.push(out);
    }
    let index: std::collections::HashMap<usize, usize> =
        starts.iter().enumerate().map(|(i, &s)| (s, i)).collect();
    let mut table = Vec::with_capacity(placed.len());
    let mut fills = Vec::new();
    for (i, row) in placed.into_iter().enumerate() {
        let width = row.last().map(|(s, ..)| index[s] + 1).unwrap_or(0);
        budget.area(width)?;
        let mut cells = vec![String::new(); width];
        for (s, text, filled) in row {
            if filled {
                fills.push((i, index[&s], text));
            } else {
                cells[index[&s]] = text;
            }
        }
        table.push(cells);
    }
    Ok((table, fills))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::office::Limits;

    #[test]
    fn cells_paragraphs_and_merges() {
        let xml = r#"<w:document xmlns:w="w"><w:body>
          <w:p><w:r><w:t>Title</w:t></w:r></w:p>
          <w:tbl>
            <w:tr><w:tc><w:p><w:r><w:t>A</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>B &amp; C</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>
                  <w:tc><w:p><w:r><w:t>l1</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>l2</w:t><w:br/><w:t>l3</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:del><w:r><w:delText>gone</w:delText></w:r></w:del><w:r><w:t>y</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>wide</w:t></w:r></w:p></w:tc></w:tr>
          </w:tbl></w:body></w:document>"#;
        let mut b = Budget::new(Limits::default(), "document");
        let blocks = parse_body(xml, &mut b).unwrap();
        assert!(matches!(&blocks[0], Block::Para(p) if p == "Title"));
        let Block::Table(t, fills) = &blocks[1] else {
            panic!("{blocks:?}")
        };
        assert_eq!(t[0], ["A", "B & C"]);
        assert_eq!(t[1], ["x", "l1\n\nl2\nl3"]);
        assert_eq!(t[2], ["", "y"]);
        assert_eq!(fills, &[(2, 0, "x".to_string())]);
        assert_eq!(t[3], ["wide"]);
    }

    #[test]
    fn a_huge_grid_span_is_one_column() {
        let xml = r#"<w:document xmlns:w="w"><w:body><w:tbl>
            <w:tr><w:tc><w:tcPr><w:gridSpan w:val="4000000000"/></w:tcPr><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr>
            </w:tbl></w:body></w:document>"#;
        let mut b = Budget::new(Limits::default(), "document");
        let blocks = parse_body(xml, &mut b).unwrap();
        let Block::Table(t, _) = &blocks[0] else {
            panic!()
        };
        assert_eq!(t[0].len(), 2);
    }

    #[test]
    fn a_span_past_the_grid_keeps_the_cells_after_it() {
        let cell = |s: &str| format!("<w:tc><w:p><w:r><w:t>{s}</w:t></w:r></w:p></w:tc>");
        let xml = format!(
            r#"<w:document xmlns:w="w"><w:body><w:tbl>
            <w:tr>{}{}{}</w:tr>
            <w:tr><w:tc><w:tcPr><w:gridSpan w:val="4294967295"/></w:tcPr><w:p><w:r><w:t>R</w:t></w:r></w:p></w:tc>{}{}</w:tr>
            </w:tbl></w:body></w:document>"#,
            cell("Recommendation"),
            cell("Action"),
            cell("Owner"),
            cell("Do it"),
            cell("Jo")
        );
        let mut b = Budget::new(Limits::default(), "document");
        let blocks = parse_body(&xml, &mut b).unwrap();
        let Block::Table(t, _) = &blocks[0] else {
            panic!()
        };
        assert_eq!(t[1], ["R", "Do it", "Jo"]);
        assert!(matches!(&blocks[1], Block::Note(d) if d.message.contains("4294967295")));
    }

    #[test]
    fn an_unknown_entity_is_kept_with_a_note() {
        let xml = r#"<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>a &bogus; b &amp; c</w:t></w:r></w:p></w:body></w:document>"#;
        let mut b = Budget::new(Limits::default(), "document");
        let blocks = parse_body(xml, &mut b).unwrap();
        assert!(matches!(&blocks[0], Block::Para(p) if p == "a &bogus; b & c"));
        assert!(matches!(&blocks[1], Block::Note(d) if d.message.contains("&bogus;")));
    }
}

//! Tables in text copied out of Word and PDF documents.
//!
//! A user who selects a table in Word or a PDF viewer and pastes it (or saves it as `.txt`)
//! does not get CSV. Two layouts are common, and both are told by their structure, not by the
//! file they came from:
//!
//! - **one cell per line** (Word): every cell starts a line with a tab; the lines of a
//!   multi-line cell follow without one; a blank line ends a row (and, in documents that put an
//!   empty line between paragraphs, separates the paragraphs of a cell). The header is a run of
//!   such lines that name known columns, and a row is as many cells as the header has. Text
//!   before the first header (a committee report's numbered paragraphs) is skipped with an
//!   info diagnostic; the line just above a header is its table's caption (a theme, or the
//!   title).
//! - **wrapped cells** (PDF text): tab-separated lines where a long cell wraps onto the next
//!   lines with the other columns' fragments interleaved. A line continues the action above
//!   when it starts in lower case, or when the action above is an unfinished sentence and the
//!   line brings nothing in the other columns; its fragments join their cells with a space.
//!
//! The rows then go through the same table pipeline as CSV ([`ImportOptions::read_rows`]).

use super::{ImportOptions, SourceRow};
use crate::diagnostic::{Diagnostic, Place, Severity};
use crate::model::Role;
use crate::wrapped::{merge_wrapped, starts_lower, LineRow};

/// A table read out of pasted text: its rows and what was done to get them.
pub(crate) struct TextTable {
    pub(crate) rows: Vec<SourceRow>,
    pub(crate) notes: Vec<Diagnostic>,
    /// "text-cells" or "text-wrapped": the plan's source format.
    pub(crate) format: &'static str,
}

/// Larger inputs are real CSV/TSV exports, not pasted documents: not looked at.
const MAX_TEXT: usize = 4 << 20;

/// Read `text` as one of the pasted-document layouts, or `None` when it is neither.
pub(crate) fn read(text: &str, opts: &ImportOptions) -> Option<TextTable> {
    if text.len() > MAX_TEXT || !text.contains('\t') {
        return None;
    }
    let lines: Vec<&str> = text
        .lines()
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    cells_per_line(&lines, opts).or_else(|| wrapped(&lines, opts))
}

/// Built without the `text-layouts` feature (the lean WebAssembly module), the layouts are
/// still recognised, so such text is never read as a CSV it is not, but not read: an empty
/// table that [`ImportOptions::read_bytes`] turns into [`feature_off`]'s error. The reading
/// past the recognition is then left out of the build (about 10 KB of the lean module, gzip).
fn recognised_only(format: &'static str) -> Option<TextTable> {
    Some(TextTable {
        rows: Vec::new(),
        notes: Vec::new(),
        format,
    })
}

/// The error for a text layout (`what`: "tables pasted out of Word or PDF documents") in a
/// build without the `text-layouts` feature.
pub(crate) fn feature_off(what: &str) -> crate::error::Error {
    crate::error::Error::new(crate::error::ErrorKind::Document {
        format: "text".into(),
        message: format!(
            "this build of actionplan does not read {what} (the `text-layouts` feature is off; \
             in JavaScript, use the package's Office build, which reads them)"
        ),
    })
}

/// The roles the header phrases name (distinct, in order).
fn roles(texts: &[&str], opts: &ImportOptions) -> Vec<Role> {
    let mut out = Vec::new();
    for t in texts {
        if let Some(r) = opts.aliases.classify(t.trim()) {
            if !out.contains(&r) {
                out.push(r);
            }
        }
    }
    out
}

/// Whether header phrases look like the header of a plan: at least two known columns, one of
/// them the action or the recommendation, and most of them known.
fn is_header(texts: &[&str], opts: &ImportOptions) -> bool {
    let r = roles(texts, opts);
    texts.len() >= 2
        && r.len() >= 2
        && r.len() * 2 >= texts.len()
        && (r.contains(&Role::Action) || r.contains(&Role::Recommendation))
}

fn is_blank(s: &str) -> bool {
    crate::text::is_blank(s)
}

/// Remove Word's bookmark markers (`[bookmark: _GoBack]`) that some copies carry.
fn strip_bookmarks(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("[bookmark: ") {
        out.push_str(&rest[..i]);
        match rest[i..].find(']') {
            Some(j) => rest = &rest[i + j + 1..],
            None => {
                rest = &rest[i..];
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

// ---------------------------------------------------------------------------------------------
// One cell per line

#[derive(Clone, Copy, PartialEq)]
enum Line<'a> {
    Cell(&'a str),
    Plain(&'a str),
    Blank,
}

fn classify(l: &str) -> Line<'_> {
    if let Some(rest) = l.strip_prefix('\t') {
        Line::Cell(rest.trim())
    } else if is_blank(l) {
        Line::Blank
    } else {
        Line::Plain(l.trim())
    }
}

/// A header run starting at `i`: consecutive cell lines (no blank between) that name known
/// columns. Returns its texts.
fn header_run<'a>(lines: &[Line<'a>], i: usize, opts: &ImportOptions) -> Option<Vec<&'a str>> {
    let mut texts = Vec::new();
    let mut j = i;
    while let Some(Line::Cell(t)) = lines.get(j) {
        if t.is_empty() || t.chars().count() > 60 {
            return None;
        }
        texts.push(*t);
        j += 1;
    }
    (texts.len() >= 2 && is_header(&texts, opts)).then_some(texts)
}

fn cells_per_line(raw: &[&str], opts: &ImportOptions) -> Option<TextTable> {
    // Cell lines hold one tab, at the start. Many lines with tabs inside are a TSV.
    let inner_tabs = raw
        .iter()
        .filter(|l| l.trim_start_matches('\t').trim_end().contains('\t'))
        .count();
    let cell_lines = raw.iter().filter(|l| l.starts_with('\t')).count();
    if cell_lines < 4 || inner_tabs * 4 > cell_lines {
        return None;
    }
    let lines: Vec<Line> = raw.iter().map(|l| classify(l)).collect();
    let first = (0..lines.len())
        .take_while(|&i| i < 2000)
        .find(|&i| header_run(&lines, i, opts).is_some())?;
    let header = header_run(&lines, first, opts)?;
    if !cfg!(feature = "text-layouts") {
        return recognised_only("text-cells");
    }
    let n = header.len();

    let mut notes = Vec::new();
    let mut rows: Vec<SourceRow> = Vec::new();
    // Above the header: the caption just above it, the title above that, prose before.
    let above: Vec<(usize, &str)> = lines[..first]
        .iter()
        .enumerate()
        .filter_map(|(i, l)| match l {
            Line::Plain(t) | Line::Cell(t) if !t.is_empty() => Some((i, *t)),
            _ => None,
        })
        .collect();
    let caption = (first > 0)
        .then(|| match lines[first - 1] {
            Line::Plain(t) => Some((first - 1, t)),
            _ => None,
        })
        .flatten();
    let short = |t: &str| t.chars().count() <= 80 && !t.ends_with('.');
    let (title, section) = match caption {
        Some((ci, c)) => match above.iter().rev().find(|(i, _)| *i < ci) {
            Some(&(ti, t)) if short(t) && short(c) => (Some((ti, t)), Some((ci, c))),
            _ => (Some((ci, c)), None),
        },
        None => (above.last().copied().filter(|(_, t)| short(t)), None),
    };
    let kept = title.map_or(0, |(i, _)| i);
    let skipped = above.iter().filter(|(i, _)| *i < kept).count();
    if skipped > 0 {
        notes.push(
            Diagnostic::new(
                "text_skipped",
                Severity::Info,
                format!(
                    "{skipped} line(s) of text before the table (lines {}–{}) were skipped: \
                     they are not part of a table",
                    above[0].0 + 1,
                    kept
                ),
            )
            .at(Place::row(above[0].0 + 1)),
        );
    }
    if let Some((i, t)) = title {
        rows.push(SourceRow {
            line: i + 1,
            cells: vec![t.to_string()],
        });
    }
    rows.push(SourceRow {
        line: first + 1,
        cells: header.iter().map(|s| s.to_string()).collect(),
    });
    if let Some((i, t)) = section {
        rows.push(SourceRow {
            line: i + 1,
            cells: vec![t.to_string()],
        });
    }

    // The cells, as lines (a blank inside a cell kept as an empty line).
    let mut table: Vec<(usize, Vec<Vec<String>>)> = Vec::new(); // (line, cells)
    let mut cur: Vec<Vec<String>> = Vec::new();
    let mut cur_line = 0;
    let mut blanks = 0usize;
    let (mut blank_joins, mut direct_joins) = (0usize, 0usize);
    let mut i = first + n;
    let flush = |cur: &mut Vec<Vec<String>>, line: usize, table: &mut Vec<_>| {
        if !cur.is_empty() {
            table.push((line, std::mem::take(cur)));
        }
    };
    while i < lines.len() {
        let at_boundary = cur.is_empty() || cur.len() >= n;
        if at_boundary {
            if let Some(h) = header_run(&lines, i, opts) {
                if h.len() == n {
                    flush(&mut cur, cur_line, &mut table);
                    table.push((i + 1, vec![Vec::new()])); // marker: a repeated header
                    i += n;
                    blanks = 0;
                    continue;
                }
            }
        }
        match lines[i] {
            Line::Blank => blanks += 1,
            Line::Cell(t) => {
                if cur.len() >= n {
                    flush(&mut cur, cur_line, &mut table);
                }
                if cur.is_empty() {
                    cur_line = i + 1;
                }
                cur.push(vec![t.to_string()]);
                blanks = 0;
            }
            Line::Plain(t) => {
                // A line alone after a finished row, followed by a header: a section heading.
                let next = (i + 1..lines.len()).find(|&j| lines[j] != Line::Blank);
                let heads =
                    next.is_some_and(|j| header_run(&lines, j, opts).is_some_and(|h| h.len() == n));
                if at_boundary && (heads || cur.is_empty()) {
                    flush(&mut cur, cur_line, &mut table);
                    table.push((i + 1, vec![vec![t.to_string()]; 1]));
                    // One-cell row: a section heading or a stray line.
                } else if let Some(cell) = cur.last_mut() {
                    if blanks > 0 {
                        cell.push(String::new());
                        blank_joins += 1;
                    } else {
                        direct_joins += 1;
                    }
                    cell.push(t.to_string());
                }
                blanks = 0;
            }
        }
        i += 1;
    }
    flush(&mut cur, cur_line, &mut table);

    // Documents that put an empty line between paragraphs: each paragraph of an action cell
    // is one action.
    let paragraphs = blank_joins >= 2 && blank_joins > direct_joins;
    let action_col = header
        .iter()
        .position(|h| opts.aliases.classify(h.trim()) == Some(Role::Action));
    let mut bookmarks = 0;
    for (line, cells) in table {
        if cells.len() == 1 && cells[0].is_empty() {
            rows.push(SourceRow {
                line,
                cells: header.iter().map(|s| s.to_string()).collect(),
            });
            continue;
        }
        let mut texts: Vec<String> = cells
            .iter()
            .map(|c| {
                let joined = c.join("\n");
                let t = strip_bookmarks(&joined);
                if t.len() != joined.len() {
                    bookmarks += 1;
                }
                t.trim().to_string()
            })
            .collect();
        let mut extra: Vec<String> = Vec::new();
        if let (true, Some(a)) = (paragraphs && texts.len() > 1, action_col) {
            if let Some(cell) = texts.get_mut(a) {
                let mut parts = split_paragraphs(cell);
                if parts.len() > 1 {
                    *cell = parts.remove(0);
                    extra = parts;
                }
            }
        }
        let width = texts.len();
        rows.push(SourceRow { line, cells: texts });
        for p in extra {
            let mut cells = vec![String::new(); width];
            if let Some(a) = action_col {
                cells[a] = p;
            }
            rows.push(SourceRow { line, cells });
        }
    }
    if bookmarks > 0 {
        notes.push(Diagnostic::new(
            "text_artefact",
            Severity::Info,
            format!(
                "{bookmarks} Word bookmark marker(s) such as \"[bookmark: _GoBack]\" were removed"
            ),
        ));
    }
    notes.push(Diagnostic::new(
        "text_layout",
        Severity::Info,
        format!(
            "read as a table copied out of a document, one cell per line ({n} columns; a blank \
             line ends a row{})",
            if paragraphs {
                "; each paragraph of an action cell is one action"
            } else {
                ""
            }
        ),
    ));
    Some(TextTable {
        rows,
        notes,
        format: "text-cells",
    })
}

/// The paragraphs of a cell (separated by empty lines); a paragraph that ends with a colon
/// introduces the rest of the cell and keeps it.
fn split_paragraphs(cell: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut open = false;
    for p in cell.split("\n\n") {
        let p = p.trim();
        if p.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(last) if open => {
                last.push_str("\n\n");
                last.push_str(p);
            }
            _ => out.push(p.to_string()),
        }
        if p.ends_with(':') {
            open = true;
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Wrapped cells

fn wrapped(lines: &[&str], opts: &ImportOptions) -> Option<TextTable> {
    // Quoted cells are a TSV written by a program (multi-line cells are quoted there): not
    // text copied out of a PDF.
    if lines
        .iter()
        .any(|l| l.starts_with('"') || l.contains("\t\""))
    {
        return None;
    }
    let split = |l: &str| -> Vec<String> { l.split('\t').map(|c| c.trim().to_string()).collect() };
    let (h, header) = lines.iter().take(40).enumerate().find_map(|(i, l)| {
        let cells = split(l);
        let texts: Vec<&str> = cells.iter().map(String::as_str).collect();
        let r = roles(&texts, opts);
        (r.len() >= 3 && r.contains(&Role::Action) && is_header(&texts, opts)).then_some((i, cells))
    })?;
    let n = header.len();
    let a = header
        .iter()
        .position(|t| opts.aliases.classify(t) == Some(Role::Action))?;
    let keys: Vec<usize> = (0..a).collect();
    // The sign of wrapping: rows whose action cell starts in lower case with no key cells.
    let lower = lines[h + 1..]
        .iter()
        .filter(|l| {
            let c = split(l);
            keys.iter().all(|&k| c.get(k).is_none_or(|s| s.is_empty()))
                && c.get(a).is_some_and(|s| starts_lower(s))
        })
        .count();
    if lower < 2 {
        return None;
    }
    if !cfg!(feature = "text-layouts") {
        return recognised_only("text-wrapped");
    }

    let mut notes = Vec::new();
    let mut rows: Vec<SourceRow> = lines[..h]
        .iter()
        .enumerate()
        .filter(|(_, l)| !is_blank(l))
        .map(|(i, l)| SourceRow {
            line: i + 1,
            cells: split(l),
        })
        .collect();
    rows.push(SourceRow {
        line: h + 1,
        cells: header.clone(),
    });
    let mut dropped = Vec::new();
    let mut page_break = false;
    let mut line_rows = Vec::new();
    for (i, l) in lines.iter().enumerate().skip(h + 1) {
        if is_blank(l) {
            page_break = true;
            continue;
        }
        let mut cells = split(l);
        if !cells.iter().any(|c| c.chars().any(char::is_alphanumeric)) {
            dropped.push(i + 1);
            continue;
        }
        // A line that lost its leading tabs (after a page break): it starts in the action.
        if cells.len() < n && starts_lower(&cells[0]) && a > 0 {
            let mut shifted = vec![String::new(); a];
            shifted.append(&mut cells);
            cells = shifted;
        }
        cells.resize(n.max(cells.len()), String::new());
        line_rows.push(LineRow {
            line: i + 1,
            cells,
            page_break,
            gap: false,
        });
        page_break = false;
    }
    let (out, joined, splits) = merge_wrapped(line_rows, a);
    rows.extend(out);
    if !dropped.is_empty() {
        notes.push(
            Diagnostic::new(
                "text_artefact",
                Severity::Info,
                format!(
                    "{} line(s) with no letters or digits (rules, dashes) were dropped: line(s) {}",
                    dropped.len(),
                    dropped
                        .iter()
                        .map(|d| d.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )
            .at(Place::row(dropped[0])),
        );
    }
    notes.push(Diagnostic::new(
        "text_layout",
        Severity::Info,
        format!(
            "read as a table copied out of a PDF, with cells wrapped over several lines: {joined} \
             continuation line(s) were joined to the cells above{}",
            if splits > 0 {
                format!(
                    "; {splits} row(s) continued after a page break with their own owner or date \
                     were read as new actions"
                )
            } else {
                String::new()
            }
        ),
    ));
    Some(TextTable {
        rows,
        notes,
        format: "text-wrapped",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_keep_a_list_after_a_colon() {
        assert_eq!(split_paragraphs("a\n\nb"), ["a", "b"]);
        assert_eq!(
            split_paragraphs("Members:\n\nx\n\ny"),
            ["Members:\n\nx\n\ny"]
        );
    }

    #[test]
    fn bookmarks_are_removed() {
        assert_eq!(strip_bookmarks("[bookmark: _GoBack]Conclude"), "Conclude");
        assert_eq!(strip_bookmarks("a [bookmark: x"), "a [bookmark: x");
    }

    #[test]
    #[cfg(feature = "text-layouts")]
    fn cells_per_line_reads_rows() {
        let text = "Plan\n\tRecommendation\n\tAction\n\tOwner\n\n\tBe better\n\tTry harder\nand \
                    more\n\tJo\n\n\t\n\tAgain\n\tAl\n";
        let t = read(text, &ImportOptions::new()).unwrap();
        assert_eq!(t.rows.len(), 4);
        assert_eq!(t.rows[2].cells, ["Be better", "Try harder\nand more", "Jo"]);
    }

    #[test]
    fn plain_tsv_is_left_alone() {
        let text = "Action\tOwner\tDue\nDo it\tMe\tMay 2025\nDo more\tYou\tJune 2025\n";
        assert!(read(text, &ImportOptions::new()).is_none());
    }
}

//! Tables rebuilt from positioned text, after pdfplumber and Camelot's stream mode.
//!
//! - **Lines**: pieces of text whose baselines agree (within a third of the font size).
//! - **Header**: a line whose cells (split at gaps wider than most of an em, or at vertical
//!   rules) name known columns ([`crate::import::Aliases`]), with the lines of the same
//!   ruled band when the header cells wrap.
//! - **Columns**: the vertical rules crossing the header, when they give at least as many
//!   columns as the header has cells; otherwise the header cells, with boundaries midway
//!   between them. A piece goes to the column its left end is in.
//! - **Rows**: the bands between horizontal rules that cross the action column (a merged
//!   recommendation cell has no rule across it, so its column stays blank below its first row,
//!   as the importer expects); without rules, every line is a row and the wrapped-cell rules of
//!   [`crate::import`]'s text reader join the lines that continue a cell.
//! - **Pages**: a repeated header starts the table again with the same columns; without one,
//!   the previous page's columns go on. The first row after a page break continues the row
//!   before it when it has no recommendation cells and its action text starts in lower case
//!   or the text before the break is an unfinished sentence (a cell that wraps over the break).
//! - **Outside the table**: the line just above the first header is its caption (the title,
//!   or a theme under a title above it); a line just above a later header is a theme
//!   (a section row); other text is skipped with an info diagnostic.
//!
//! Within a cell, a line that would have fitted on the line above (or starts with a bullet)
//! starts a new line (`\n`); a wrapped line joins with a space.

use super::Classify;
use crate::diagnostic::{Diagnostic, Place, Severity};
use crate::model::Role;
use crate::rows::SourceRow;
use std::collections::BTreeMap;

/// A string shown on a page: its baseline, its left and right ends, its font size.
#[derive(Debug, Clone)]
pub(crate) struct Piece {
    pub(crate) x0: f32,
    pub(crate) x1: f32,
    pub(crate) y: f32,
    pub(crate) size: f32,
    pub(crate) text: String,
}

/// A horizontal or vertical ruling line.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Seg {
    pub(crate) x0: f32,
    pub(crate) x1: f32,
    pub(crate) y0: f32,
    pub(crate) y1: f32,
}

impl Seg {
    pub(crate) fn h(x0: f32, x1: f32, y: f32) -> Seg {
        Seg {
            x0,
            x1,
            y0: y,
            y1: y,
        }
    }
    pub(crate) fn v(x: f32, y0: f32, y1: f32) -> Seg {
        Seg {
            x0: x,
            x1: x,
            y0,
            y1,
        }
    }
    fn is_h(&self) -> bool {
        self.y0 == self.y1
    }
}

/// What one page holds.
#[derive(Debug, Default)]
pub(crate) struct Page {
    pub(crate) pieces: Vec<Piece>,
    pub(crate) segs: Vec<Seg>,
    pub(crate) images: bool,
    /// Strings that could not be decoded (a font with no Unicode map).
    pub(crate) undecoded: usize,
}

struct Line {
    y: f32,
    size: f32,
    pieces: Vec<Piece>,
    /// 1-based, over the document.
    number: usize,
}

fn lines(page: &Page, first_number: usize) -> Vec<Line> {
    let mut pieces = page.pieces.clone();
    pieces.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0)));
    let mut out: Vec<Line> = Vec::new();
    for p in pieces {
        match out.last_mut() {
            Some(l) if (l.y - p.y).abs() <= 0.35 * l.size.max(p.size) => {
                l.size = l.size.max(p.size);
                l.pieces.push(p);
            }
            _ => out.push(Line {
                y: p.y,
                size: p.size,
                pieces: vec![p],
                number: 0,
            }),
        }
    }
    for (i, l) in out.iter_mut().enumerate() {
        l.pieces.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        l.number = first_number + i;
    }
    out
}

/// Join pieces left to right, with a space where there is a gap and none is written.
fn join(pieces: &[&Piece]) -> String {
    let mut s = String::new();
    let mut last_x1: Option<f32> = None;
    for p in pieces {
        if let Some(x1) = last_x1 {
            let gap = p.x0 - x1;
            if gap > 0.2 * p.size
                && !s.ends_with(' ')
                && !p.text.starts_with([' ', ',', '.', ';', ':', ')'])
            {
                s.push(' ');
            }
        }
        s.push_str(&p.text);
        last_x1 = Some(p.x1);
    }
    s.trim().to_string()
}

/// A line's cells split at wide gaps and at vertical rules: (x0, x1, text).
fn gap_cells(line: &Line, vrules: &[f32]) -> Vec<(f32, f32, String)> {
    let mut cells: Vec<(f32, f32, Vec<&Piece>)> = Vec::new();
    for p in &line.pieces {
        let split = cells.last().is_none_or(|(_, x1, _)| {
            p.x0 - x1 > 0.8 * line.size || vrules.iter().any(|v| *x1 <= *v && *v <= p.x0)
        });
        if split {
            cells.push((p.x0, p.x1, vec![p]));
        } else if let Some(c) = cells.last_mut() {
            c.1 = c.1.max(p.x1);
            c.2.push(p);
        }
    }
    cells
        .into_iter()
        .map(|(a, b, ps)| (a, b, join(&ps)))
        .collect()
}

fn header_roles(texts: &[String], classify: &Classify<'_>) -> usize {
    let mut roles: Vec<Role> = Vec::new();
    for t in texts {
        if let Some(r) = classify(t) {
            if !roles.contains(&r) {
                roles.push(r);
            }
        }
    }
    roles.len()
}

fn is_header(texts: &[String], classify: &Classify<'_>) -> bool {
    let mut roles: Vec<Role> = Vec::new();
    for t in texts {
        if let Some(r) = classify(t) {
            if !roles.contains(&r) {
                roles.push(r);
            }
        }
    }
    texts.len() >= 2
        && roles.len() >= 2
        && roles.len() * 2 >= texts.len()
        && (roles.contains(&Role::Action) || roles.contains(&Role::Recommendation))
}

/// The vertical rules crossing height `y` on a page (their x, sorted, merged within 2pt).
fn vrules_at(segs: &[Seg], y: f32) -> Vec<f32> {
    let mut xs: Vec<f32> = segs
        .iter()
        .filter(|s| !s.is_h() && s.y0 - 1.0 <= y && y <= s.y1 + 1.0)
        .map(|s| s.x0)
        .collect();
    xs.sort_by(f32::total_cmp);
    xs.dedup_by(|a, b| (*a - *b).abs() < 2.0);
    xs
}

/// A table being read: its columns and header.
#[derive(Clone)]
struct Table {
    /// Left boundaries of the columns (the first is -inf).
    bounds: Vec<f32>,
    right: f32,
    header: Vec<String>,
    action: Option<usize>,
    ruled: bool,
}

impl Table {
    fn col(&self, x: f32) -> usize {
        self.bounds.iter().rposition(|b| x + 1.0 >= *b).unwrap_or(0)
    }
    fn mid(&self, c: usize) -> f32 {
        let l = if c == 0 {
            self.bounds.get(1).map_or(0.0, |b| b - 20.0)
        } else {
            self.bounds[c]
        };
        let r = self.bounds.get(c + 1).copied().unwrap_or(self.right);
        (l + r) / 2.0
    }
}

/// Short words that begin a line after a word that filled the line above: a wrap, not the
/// rest of a word broken at the column's edge.
const SHORT_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of", "on", "or",
    "the", "to", "we", "with",
];

/// One line of text in one cell.
#[derive(Clone)]
struct CellLine {
    x0: f32,
    x1: f32,
    /// The column's right boundary.
    right: f32,
    y: f32,
    size: f32,
    text: String,
    /// The line's text ended with a space (a wrap between words, not inside one).
    space_after: bool,
}

/// What the pages hold, in reading order.
enum Event {
    Outside {
        line: usize,
        text: String,
        y: f32,
        size: f32,
        page: usize,
    },
    Header {
        line: usize,
        cells: Vec<String>,
    },
    Row {
        line: usize,
        cells: Vec<String>,
        page_start: bool,
        /// Per cell: where its last line ends, the column's right edge, and the font size.
        short_end: Vec<Option<(f32, f32, f32)>>,
    },
}

/// The rows of the tables on the pages, ready for [`ImportOptions::read_rows`], with notes.
pub(crate) fn rows(pages: &[Page], classify: &Classify<'_>) -> (Vec<SourceRow>, Vec<Diagnostic>) {
    let mut events: Vec<Event> = Vec::new();
    let mut table: Option<Table> = None;
    let mut number = 1;
    let mut wrapped_lines = 0usize;
    for (pi, page) in pages.iter().enumerate() {
        let ls = lines(page, number);
        number += ls.len();
        let hsegs: Vec<Seg> = page.segs.iter().copied().filter(Seg::is_h).collect();
        let mut i = 0;
        let mut page_start = true;
        // The lowest line of the header on this page (rules below it divide rows).
        let mut top_y = f32::INFINITY;
        // The line before was not in a table (or this is the top of the page): a new table
        // may start here.
        let mut after_outside = true;
        // Rows of the current table on this page: (band key, line).
        let mut band_rows: BTreeMap<usize, (Vec<Vec<CellLine>>, usize)> = BTreeMap::new();
        let mut line_rows: Vec<crate::wrapped::LineRow> = Vec::new();
        let flush = |table: &Option<Table>,
                     band_rows: &mut BTreeMap<usize, (Vec<Vec<CellLine>>, usize)>,
                     line_rows: &mut Vec<crate::wrapped::LineRow>,
                     events: &mut Vec<Event>,
                     page_start: &mut bool,
                     wrapped_lines: &mut usize| {
            let Some(t) = table else { return };
            let rows = std::mem::take(band_rows);
            // How far each column's text reaches on this page.
            let mut reach: Vec<f32> = Vec::new();
            for (cells, _) in rows.values() {
                reach.resize(reach.len().max(cells.len()), f32::NEG_INFINITY);
                for (c, ls) in cells.iter().enumerate() {
                    for l in ls {
                        reach[c] = reach[c].max(l.x1);
                    }
                }
            }
            for (_, (cells, line)) in rows {
                let short_end = cells
                    .iter()
                    .map(|ls| ls.last().map(|l| (l.x1, l.right, l.size)))
                    .collect();
                events.push(Event::Row {
                    line,
                    cells: cells
                        .iter()
                        .enumerate()
                        .map(|(c, ls)| join_cell_lines(ls, reach[c]))
                        .collect(),
                    page_start: std::mem::replace(page_start, false),
                    short_end,
                });
            }
            if !line_rows.is_empty() {
                let a = t.action.unwrap_or(0);
                let first_break = line_rows[0].page_break;
                let (rows, joined, _) = crate::wrapped::merge_wrapped(std::mem::take(line_rows), a);
                *wrapped_lines += joined;
                for (k, r) in rows.into_iter().enumerate() {
                    events.push(Event::Row {
                        line: r.line,
                        cells: r.cells,
                        page_start: k == 0 && first_break && std::mem::replace(page_start, false),
                        short_end: Vec::new(),
                    });
                }
            }
        };
        while i < ls.len() {
            let line = &ls[i];
            let vr = vrules_at(&page.segs, line.y);
            let cells = gap_cells(line, &vr);
            let texts: Vec<String> = cells.iter().map(|c| c.2.clone()).collect();
            // A header's cells are short labels; inside a table, a line that is not the same
            // header must name at least three columns to start a new table.
            let labels = texts.iter().all(|t| {
                t.chars().count() <= 60
                    && t.split_whitespace().count() <= 8
                    && !t.ends_with([',', ';'])
                    && !(t.ends_with('.') && t.contains(' '))
            });
            let strong = table.as_ref().is_none_or(|t| {
                texts.iter().all(|x| t.header.contains(x))
                    || (after_outside && header_roles(&texts, classify) >= 3)
            });
            if labels && strong && is_header(&texts, classify) {
                flush(
                    &table,
                    &mut band_rows,
                    &mut line_rows,
                    &mut events,
                    &mut page_start,
                    &mut wrapped_lines,
                );
                // The header band: the lines up to the next rule below (when ruled).
                let below = hsegs
                    .iter()
                    .filter(|s| {
                        s.y0 < line.y
                            && s.x0 <= cells[0].0 + 1.0
                            && s.x1 >= cells[cells.len() - 1].0
                    })
                    .map(|s| s.y0)
                    .fold(f32::NEG_INFINITY, f32::max);
                let mut band = vec![line];
                let mut j = i + 1;
                if below > f32::NEG_INFINITY {
                    while j < ls.len() && ls[j].y > below {
                        band.push(&ls[j]);
                        j += 1;
                    }
                }
                let ruled_cols: Vec<f32> = vr.clone();
                let (bounds, right) = if ruled_cols.len() > cells.len() {
                    let mut b: Vec<f32> = ruled_cols[..ruled_cols.len() - 1].to_vec();
                    b[0] = f32::NEG_INFINITY;
                    (b, *ruled_cols.last().unwrap_or(&f32::INFINITY))
                } else {
                    let mut b = vec![f32::NEG_INFINITY];
                    // A column starts a little left of its header's text: text is left-aligned
                    // at the cell's edge, and a right-aligned number stays in its column.
                    for w in cells.windows(2) {
                        b.push(w[1].0.max(w[0].1) - 0.5 * line.size);
                    }
                    (
                        b,
                        cells
                            .last()
                            .map_or(f32::INFINITY, |c| c.1 + 4.0 * line.size),
                    )
                };
                let mut t = Table {
                    bounds,
                    right,
                    header: Vec::new(),
                    action: None,
                    ruled: !hsegs.is_empty(),
                };
                let mut header: Vec<Vec<String>> = vec![Vec::new(); t.bounds.len()];
                for l in &band {
                    let mut per: Vec<Vec<&Piece>> = vec![Vec::new(); t.bounds.len()];
                    for p in &l.pieces {
                        per[t.col(p.x0)].push(p);
                    }
                    for (c, ps) in per.iter().enumerate() {
                        if !ps.is_empty() {
                            header[c].push(join(ps));
                        }
                    }
                }
                // A header word broken in a narrow column ("Recommendati" / "on") is joined
                // back when only the joined word names a column.
                t.header = header
                    .iter()
                    .map(|h| {
                        let spaced = h.join(" ");
                        let tight = h.concat();
                        if classify(&spaced).is_none() && classify(&tight).is_some() {
                            tight
                        } else {
                            spaced
                        }
                    })
                    .collect();
                t.action = t
                    .header
                    .iter()
                    .position(|h| classify(h) == Some(Role::Action));
                events.push(Event::Header {
                    line: line.number,
                    cells: t.header.clone(),
                });
                table = Some(t);
                top_y = band.last().map_or(line.y, |l| l.y);
                i = j;
                continue;
            }
            let Some(t) = &table else {
                events.push(Event::Outside {
                    line: line.number,
                    text: join(&line.pieces.iter().collect::<Vec<_>>()),
                    y: line.y,
                    size: line.size,
                    page: pi,
                });
                after_outside = true;
                i += 1;
                continue;
            };
            // Rules across the action column: the row boundaries of a ruled table.
            let mid = t.mid(t.action.unwrap_or(0));
            let across: Vec<f32> = hsegs
                .iter()
                .filter(|s| s.x0 <= mid && mid <= s.x1)
                .map(|s| s.y0)
                .collect();
            // Ruled: at least two rules below the header (a filled header alone is not).
            let ruled = t.ruled && across.iter().filter(|y| **y < top_y).count() >= 2;
            let inside = if ruled {
                let top = across.iter().copied().fold(f32::NEG_INFINITY, f32::max);
                let bottom = across.iter().copied().fold(f32::INFINITY, f32::min);
                line.y < top && line.y > bottom
            } else {
                true
            };
            if !inside {
                flush(
                    &table,
                    &mut band_rows,
                    &mut line_rows,
                    &mut events,
                    &mut page_start,
                    &mut wrapped_lines,
                );
                events.push(Event::Outside {
                    line: line.number,
                    text: join(&line.pieces.iter().collect::<Vec<_>>()),
                    y: line.y,
                    size: line.size,
                    page: pi,
                });
                after_outside = true;
                i += 1;
                continue;
            }
            after_outside = false;
            let mut per: Vec<Vec<&Piece>> = vec![Vec::new(); t.bounds.len()];
            for p in &line.pieces {
                if p.x0 < t.right + line.size {
                    per[t.col(p.x0)].push(p);
                }
            }
            if ruled {
                let line_band = across.iter().filter(|y| **y > line.y).count();
                for (c, ps) in per.iter().enumerate() {
                    if ps.is_empty() {
                        continue;
                    }
                    // A cell merged down over several rows has no rule across it: its text
                    // belongs to the row where the cell starts (the band below the nearest rule
                    // above it in its own column).
                    let m = t.mid(c);
                    let top = hsegs
                        .iter()
                        .filter(|s| s.x0 <= m && m <= s.x1 && s.y0 > line.y)
                        .map(|s| s.y0)
                        .fold(f32::INFINITY, f32::min);
                    let band = if top.is_finite() {
                        across
                            .iter()
                            .filter(|y| **y > top - 0.5)
                            .count()
                            .min(line_band)
                    } else {
                        line_band
                    };
                    let right = t.bounds.get(c + 1).copied().unwrap_or(t.right);
                    let entry = band_rows
                        .entry(band)
                        .or_insert_with(|| (vec![Vec::new(); t.bounds.len()], line.number));
                    entry.0[c].push(CellLine {
                        x0: ps[0].x0,
                        x1: ps[ps.len() - 1].x1,
                        right,
                        y: line.y,
                        size: line.size,
                        text: join(ps),
                        space_after: ps[ps.len() - 1].text.ends_with(' '),
                    });
                    entry.1 = entry.1.min(line.number);
                }
            } else {
                let page_break = i > 0 && line_rows.is_empty() && page_start;
                // A gap of more than one and a half lines above: the rows of a table without
                // rules are told apart by it (the leading is the font size × 1.25 at most).
                let gap =
                    i > 0 && !line_rows.is_empty() && ls[i - 1].y - line.y > 1.5 * 1.25 * line.size;
                line_rows.push(crate::wrapped::LineRow {
                    line: line.number,
                    cells: per.iter().map(|ps| join(ps)).collect(),
                    page_break,
                    gap,
                });
            }
            i += 1;
        }
        flush(
            &table,
            &mut band_rows,
            &mut line_rows,
            &mut events,
            &mut page_start,
            &mut wrapped_lines,
        );
    }
    assemble(events, classify, wrapped_lines)
}

/// The lines of a cell, joined: an empty line between paragraphs where the gap says there was
/// one; a new line where the line
/// above ended short of the column's right edge by more than this line's first word (or this
/// line starts with a bullet), a space where the text wrapped.
fn join_cell_lines(lines: &[CellLine], reach: f32) -> String {
    let mut out = String::new();
    // The leading: the smallest gap between the cell's lines.
    let leading = lines
        .windows(2)
        .map(|w| w[0].y - w[1].y)
        .filter(|g| *g > 0.0)
        .fold(f32::INFINITY, f32::min);
    for (k, l) in lines.iter().enumerate() {
        if k > 0 {
            let p = &lines[k - 1];
            let chars = l.text.chars().count().max(1) as f32;
            let cw = (l.x1 - l.x0) / chars;
            let first = l
                .text
                .split_whitespace()
                .next()
                .unwrap_or("")
                .chars()
                .count() as f32;
            let word = cw * (first + 1.0);
            let bullet = l
                .text
                .starts_with(['•', '·', '-', '–', '▪', '●', '\u{f0b7}']);
            let one_word = !p.text.trim().contains(' ');
            if p.y - l.y > 1.7 * leading.min(1.25 * l.size) {
                // An empty line between: a new paragraph.
                out.push_str("\n\n");
            } else if bullet || p.x1 + word < p.right - 6.0 {
                out.push('\n');
            } else if (one_word
                && !p.space_after
                && p.text.ends_with(char::is_alphabetic)
                && p.x1 + 0.8 * (p.x1 - p.x0) / p.text.chars().count().max(1) as f32 >= reach
                && l.text.starts_with(char::is_lowercase)
                && !SHORT_WORDS.contains(
                    &l.text
                        .split(|c: char| !c.is_alphabetic())
                        .next()
                        .unwrap_or(""),
                ))
                || (out.ends_with('/') && !out.ends_with(" /"))
                || (out.ends_with('-')
                    && out[..out.len() - 1].ends_with(char::is_alphabetic)
                    && l.text.starts_with(char::is_lowercase))
            {
                // A word too long for the column, broken at its edge; or a wrap after a slash or
                // inside a hyphenated word ("self-" / "assessment").
            } else {
                out.push(' ');
            }
        }
        out.push_str(&l.text);
    }
    out
}

fn assemble(
    events: Vec<Event>,
    classify: &Classify<'_>,
    wrapped_lines: usize,
) -> (Vec<SourceRow>, Vec<Diagnostic>) {
    // Lines outside the tables that follow each other closely are one paragraph (a title
    // that wraps).
    let mut merged: Vec<Event> = Vec::with_capacity(events.len());
    for e in events {
        if let (
            Event::Outside {
                text,
                y,
                size,
                page,
                ..
            },
            Some(Event::Outside {
                text: t0,
                y: y0,
                size: s0,
                page: p0,
                ..
            }),
        ) = (&e, merged.last_mut())
        {
            if *page == *p0 && (*s0 - *size).abs() < 0.5 && *y0 - *y <= 1.5 * *size && *y0 > *y {
                t0.push(' ');
                t0.push_str(text);
                *y0 = *y;
                continue;
            }
        }
        merged.push(e);
    }
    let events = merged;
    let mut rows: Vec<SourceRow> = Vec::new();
    let mut notes = Vec::new();
    let mut skipped: Vec<usize> = Vec::new();
    let mut continued = 0usize;
    let mut last_short: Vec<Option<(f32, f32, f32)>> = Vec::new();
    // The last data row: where a row broken over a page break continues.
    let mut last_data: Option<usize> = None;
    let first_header = events
        .iter()
        .position(|e| matches!(e, Event::Header { .. }));
    let Some(first_header) = first_header else {
        return (rows, notes);
    };
    // Above the first header: caption and title.
    let above: Vec<&Event> = events[..first_header].iter().collect();
    let outside = |e: &Event| match e {
        Event::Outside {
            line,
            text,
            y,
            size,
            page,
        } => Some((*line, text.clone(), *y, *size, *page)),
        _ => None,
    };
    let short = |t: &str| t.chars().count() <= 80 && !t.ends_with('.');
    let caption = above.last().and_then(|e| outside(e));
    let mut title = None;
    let mut section = None;
    if let Some(c) = &caption {
        let before = above.len().checked_sub(2).and_then(|k| outside(above[k]));
        match before {
            Some(b) if short(&b.1) && short(&c.1) && b.4 == c.4 => {
                title = Some(b);
                section = Some(c.clone());
            }
            _ => title = Some(c.clone()),
        }
    }
    for e in &above {
        if let Some(o) = outside(e) {
            let kept = title.as_ref().is_some_and(|t| t.0 == o.0)
                || section.as_ref().is_some_and(|s| s.0 == o.0);
            if !kept {
                skipped.push(o.0);
            }
        }
    }
    if let Some(t) = title {
        rows.push(SourceRow {
            line: t.0,
            cells: vec![t.1],
        });
    }
    let mut width = 0;
    if let Event::Header { line, cells } = &events[first_header] {
        width = cells.len();
        rows.push(SourceRow {
            line: *line,
            cells: cells.clone(),
        });
    }
    if let Some(s) = section {
        rows.push(SourceRow {
            line: s.0,
            cells: vec![s.1],
        });
    }
    let mut action = None;
    if let Event::Header { cells, .. } = &events[first_header] {
        action = cells.iter().position(|h| classify(h) == Some(Role::Action));
    }
    let rest = &events[first_header + 1..];
    for (k, e) in rest.iter().enumerate() {
        match e {
            Event::Outside { line, text, .. } => {
                let next_is_header = rest[k + 1..]
                    .iter()
                    .find(|e| !matches!(e, Event::Outside { .. }))
                    .is_some_and(|e| matches!(e, Event::Header { .. }));
                let last_before = matches!(rest.get(k + 1), Some(Event::Header { .. }));
                if next_is_header && last_before && short(text) {
                    rows.push(SourceRow {
                        line: *line,
                        cells: vec![text.clone()],
                    });
                    last_data = None;
                } else {
                    skipped.push(*line);
                }
            }
            Event::Header { line, cells } => {
                // A different header is a different table: nothing continues into it.
                let same = |r: &SourceRow| {
                    r.cells.len() == cells.len()
                        && r.cells.iter().zip(cells).filter(|(a, b)| a == b).count() * 2
                            >= cells.len()
                };
                if !rows.iter().any(same) {
                    last_data = None;
                }
                action = cells.iter().position(|h| classify(h) == Some(Role::Action));
                width = cells.len();
                rows.push(SourceRow {
                    line: *line,
                    cells: cells.clone(),
                });
            }
            Event::Row {
                line,
                cells,
                page_start,
                short_end,
            } => {
                let mut cells = cells.clone();
                cells.resize(width.max(cells.len()), String::new());
                if *page_start {
                    if let (Some(a), Some(prev)) = (action, last_data.and_then(|i| rows.get_mut(i)))
                    {
                        if continues(prev, &cells, a) {
                            for (c, text) in cells.into_iter().enumerate() {
                                if text.is_empty() {
                                    continue;
                                }
                                if prev.cells.len() <= c {
                                    prev.cells.resize(c + 1, String::new());
                                }
                                let cell = &mut prev.cells[c];
                                if !cell.is_empty() {
                                    // The line before the break ended short of the edge by
                                    // more than the first word after it: a new line.
                                    let first = text
                                        .split_whitespace()
                                        .next()
                                        .map_or(0, |w| w.chars().count())
                                        as f32;
                                    let short = last_short.get(c).copied().flatten().is_some_and(
                                        |(x1, right, size)| {
                                            x1 + 0.5 * size * (first + 1.0) < right - 6.0
                                        },
                                    );
                                    cell.push(if short { '\n' } else { ' ' });
                                }
                                cell.push_str(&text);
                            }
                            continued += 1;
                            last_short = short_end.clone();
                            continue;
                        }
                    }
                }
                last_short = short_end.clone();
                last_data = Some(rows.len());
                rows.push(SourceRow { line: *line, cells });
            }
        }
    }
    if !skipped.is_empty() {
        notes.push(
            Diagnostic::new(
                "text_skipped",
                Severity::Info,
                format!(
                    "{} line(s) of text outside the table were skipped (the first on text line {})",
                    skipped.len(),
                    skipped[0]
                ),
            )
            .at(Place::row(skipped[0])),
        );
    }
    if continued > 0 || wrapped_lines > 0 {
        notes.push(Diagnostic::new(
            "pdf_continued",
            Severity::Info,
            format!(
                "{continued} row(s) continued over a page break and {wrapped_lines} wrapped \
                 line(s) were joined to the cells above"
            ),
        ));
    }
    (rows, notes)
}

/// Whether the first row after a page break continues the row before it.
fn continues(prev: &SourceRow, cells: &[String], a: usize) -> bool {
    let lower = |s: &str| s.trim().chars().next().is_some_and(char::is_lowercase);
    let filled: Vec<&String> = cells.iter().filter(|c| !c.trim().is_empty()).collect();
    let keys = &cells[..a.min(cells.len())];
    let f = cells.get(a).map(|s| s.trim()).unwrap_or("");
    let p = prev.cells.get(a).map(|s| s.trim()).unwrap_or("");
    // The recommendation's cells must be blank or go on in lower case.
    if filled.is_empty() || !keys.iter().all(|c| c.trim().is_empty() || lower(c)) {
        return false;
    }
    // Every piece of text goes on in lower case, or the recommendation's does.
    if keys.iter().any(|c| lower(c)) || filled.iter().all(|c| lower(c)) {
        return true;
    }
    let ends = |s: &str| {
        s.trim_end()
            .trim_end_matches(['"', '\'', ')', '’', '”'])
            .ends_with(['.', '!', '?', ':'])
    };
    // No action text, and every filled cell goes on from an unfinished cell above.
    if f.is_empty()
        && cells.iter().enumerate().all(|(c, t)| {
            t.trim().is_empty()
                || prev
                    .cells
                    .get(c)
                    .is_some_and(|p| !p.trim().is_empty() && !ends(p))
        })
    {
        return true;
    }
    if p.is_empty() {
        return false;
    }
    let unfinished = !p
        .trim_end_matches(['"', '\'', ')', '’', '”'])
        .ends_with(['.', '!', '?', ':']);
    // A second value in a column the row above has filled (an owner, a date) means a new row,
    // unless the action itself plainly goes on.
    let others_new = cells.iter().enumerate().skip(a + 1).any(|(c, t)| {
        !t.trim().is_empty() && !lower(t) && prev.cells.get(c).is_some_and(|p| !p.trim().is_empty())
    });
    lower(f) || (unfinished && !others_new)
}

/// Every line as a row of its gap-separated cells (when no header was found).
pub(crate) fn plain_rows(pages: &[Page]) -> Vec<SourceRow> {
    let mut out = Vec::new();
    let mut number = 1;
    for page in pages {
        let ls = lines(page, number);
        number += ls.len();
        for l in &ls {
            let cells = gap_cells(l, &vrules_at(&page.segs, l.y));
            out.push(SourceRow {
                line: l.number,
                cells: cells.into_iter().map(|c| c.2).collect(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(x0: f32, x1: f32, y: f32, text: &str, space_after: bool) -> CellLine {
        CellLine {
            x0,
            x1,
            right: 200.0,
            y,
            size: 10.0,
            text: text.into(),
            space_after,
        }
    }

    #[test]
    fn cell_lines_join_by_where_they_end() {
        // Wrapped at the edge: a space. Ended short: a new line. An empty line: a paragraph.
        let lines = [
            line(100.0, 190.0, 700.0, "Agree a short list of", true),
            line(100.0, 140.0, 688.0, "priorities.", false),
            line(100.0, 150.0, 676.0, "Publish them.", false),
            line(100.0, 150.0, 652.0, "Report back.", false),
        ];
        assert_eq!(
            join_cell_lines(&lines, 190.0),
            "Agree a short list of priorities.\nPublish them.\n\nReport back."
        );
        // A word broken at the column's edge, and a hyphenated word.
        let lines = [
            line(100.0, 190.0, 700.0, "Recommendatio", false),
            line(100.0, 120.0, 688.0, "n 1", false),
        ];
        assert_eq!(join_cell_lines(&lines, 190.0), "Recommendation 1");
        let lines = [
            line(100.0, 190.0, 700.0, "a review of decision-", false),
            line(100.0, 150.0, 688.0, "making powers", false),
        ];
        assert_eq!(
            join_cell_lines(&lines, 190.0),
            "a review of decision-making powers"
        );
    }

    #[test]
    fn a_row_goes_on_over_a_page_break() {
        let row = |cells: &[&str]| SourceRow {
            line: 1,
            cells: cells.iter().map(|c| c.to_string()).collect(),
        };
        let prev = row(&["Be better", "Agree a list of the", "Jo", "May 2025"]);
        // Lower case, or the unfinished sentence with nothing new beside it: it goes on.
        assert!(continues(&prev, &row(&["", "priorities", "", ""]).cells, 1));
        assert!(continues(
            &prev,
            &row(&["", "Council's priorities", "", ""]).cells,
            1
        ));
        // A new action: its own owner and date.
        assert!(!continues(
            &prev,
            &row(&["", "Publish it", "Al", "June 2025"]).cells,
            1
        ));
        // A new recommendation.
        assert!(!continues(
            &prev,
            &row(&["Do more", "Publish it", "", ""]).cells,
            1
        ));
    }

    #[test]
    fn headers_are_short_labels_naming_columns() {
        let opts = crate::import::ImportOptions::new();
        let classify = |h: &str| opts.aliases.classify(h);
        let texts = |t: &[&str]| t.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(is_header(
            &texts(&["Recommendation", "Action", "Owner", "Due date"]),
            &classify
        ));
        assert!(!is_header(&texts(&["Be better", "Try harder"]), &classify));
    }
}

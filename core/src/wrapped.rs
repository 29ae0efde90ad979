//! Rows whose cells wrap over several lines, joined back into one row per entry: what a table
//! pasted out of a PDF (tab-separated lines) and a PDF's own table (lines placed by position)
//! both need. A module of its own, below the import pipeline and the PDF reader, so that both
//! depend on it and not on each other.

use crate::rows::SourceRow;

/// A sentence that ends: the last character is a full stop, a question or exclamation mark,
/// or a colon (quotes and brackets after it allowed).
pub(crate) fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end().trim_end_matches(['"', '\'', ')', '’', '”']);
    t.ends_with(['.', '!', '?', ':'])
}

/// Whether the text starts with a lower-case letter (after spaces): a fragment that goes on.
pub(crate) fn starts_lower(s: &str) -> bool {
    s.trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

/// Whether a cell's text ends in a way that says it goes on in the next line.
pub(crate) fn dangling(s: &str) -> bool {
    let t = s.trim_end();
    t.is_empty()
        || t.ends_with(['–', '-', '/', '&', ','])
        || [" and", " of", " the", " to", " for"]
            .iter()
            .any(|w| t.ends_with(w))
}

/// Append a wrapped line's fragment to its cell: after a space, or straight after a hyphen
/// that broke a word ("decision-" / "making").
fn append(cell: &mut String, frag: &str) {
    let hyphen = cell.ends_with('-')
        && cell[..cell.len() - 1].ends_with(char::is_alphabetic)
        && starts_lower(frag);
    if !cell.is_empty() && !hyphen {
        cell.push(' ');
    }
    cell.push_str(frag);
}

/// A line of a table whose cells may wrap: its cells, and whether a page break (a blank line)
/// comes before it.
pub(crate) struct LineRow {
    pub(crate) line: usize,
    pub(crate) cells: Vec<String>,
    pub(crate) page_break: bool,
    /// A clear gap above the line (in a PDF table without rules: the space between rows).
    pub(crate) gap: bool,
}

/// Join the lines that continue the row above (see the module docs) into it; `a` is the
/// action column, and the columns before it are the recommendation's. Returns the rows, how
/// many lines were joined and how many rows were split at a page break.
pub(crate) fn merge_wrapped(lines: Vec<LineRow>, a: usize) -> (Vec<SourceRow>, usize, usize) {
    let keys: Vec<usize> = (0..a).collect();
    let mut out: Vec<SourceRow> = Vec::new();
    let (mut joined, mut splits) = (0usize, 0usize);
    // Per recommendation column, the row where its current cell started.
    let mut key_row: Vec<Option<usize>> = Vec::new();
    for LineRow {
        line,
        mut cells,
        page_break,
        gap,
    } in lines
    {
        if cells.len() <= a {
            cells.resize(a + 1, String::new());
        }
        // Fragments that go on with a cell above: a recommendation's text (no new number in
        // the first column, and in lower case or after an unfinished sentence) continues the
        // recommendation's row, even when actions have started rows since (a merged cell);
        // another column's fragment continues the current row's cell when it starts in lower
        // case or that cell ends in "&", "/", "-", "and" and the like.
        let mut moved = false;
        if let Some(last) = out.len().checked_sub(1) {
            for c in 0..cells.len() {
                if c == a || cells[c].is_empty() {
                    continue;
                }
                let frag = cells[c].clone();
                let target = if c < a {
                    let first_blank = cells[0].is_empty();
                    let r = key_row.get(c).copied().flatten();
                    r.filter(|&r| {
                        let above = out[r].cells.get(c).map_or("", |s| s.as_str());
                        c > 0
                            && first_blank
                            && !above.is_empty()
                            && (starts_lower(&frag) || !ends_sentence(above))
                    })
                } else {
                    let above = out[last].cells.get(c).map_or("", |s| s.as_str());
                    (!above.is_empty() && (starts_lower(&frag) || dangling(above))).then_some(last)
                };
                if let Some(r) = target {
                    let row = &mut out[r];
                    row.cells.resize(row.cells.len().max(c + 1), String::new());
                    append(&mut row.cells[c], &frag);
                    cells[c].clear();
                    moved = true;
                }
            }
        }
        if moved && cells.iter().all(|c| c.is_empty()) {
            joined += 1;
            continue;
        }
        let key = keys.iter().any(|&k| !cells[k].is_empty());
        if key {
            for &k in &keys {
                if !cells[k].is_empty() {
                    key_row.resize(key_row.len().max(k + 1), None);
                    key_row[k] = Some(out.len());
                }
            }
        }
        let f = cells[a].clone();
        let others: Vec<usize> = (a + 1..cells.len())
            .filter(|&c| !cells[c].is_empty())
            .collect();
        let Some(cur) = out.last_mut().filter(|_| !key) else {
            out.push(SourceRow { line, cells });
            continue;
        };
        if cur.cells.len() <= a {
            cur.cells.resize(a + 1, String::new());
        }
        let cont = if gap && !f.is_empty() && !starts_lower(&f) {
            // A new action after a clear gap.
            false
        } else if f.is_empty() || starts_lower(&f) {
            true
        } else if others.iter().any(|&c| {
            // A fragment that starts a new entry in its column (not one that goes on).
            !starts_lower(&cells[c])
                && cur
                    .cells
                    .get(c)
                    .is_none_or(|s| s.is_empty() || !dangling(s))
        }) {
            false
        } else if !others.is_empty() {
            !ends_sentence(&cur.cells[a])
        } else {
            !ends_sentence(&cur.cells[a]) || !ends_sentence(&f)
        };
        if !cont {
            out.push(SourceRow { line, cells });
            continue;
        }
        // After a page break, a continuation that brings its own owner and date while the row
        // above has whole ones is the next row: its unfinished first sentence began above.
        let whole = !others.is_empty()
            && others
                .iter()
                .all(|&c| cur.cells.get(c).is_some_and(|s| !dangling(s)));
        let tail = cur.cells[a]
            .rfind(". ")
            .map(|p| p + 2)
            .filter(|&p| p < cur.cells[a].len());
        if page_break && whole {
            if let Some(p) = tail {
                let start = cur.cells[a][p..].trim().to_string();
                cur.cells[a].truncate(p);
                let t = cur.cells[a].trim_end().len();
                cur.cells[a].truncate(t);
                cells[a] = format!("{start} {f}");
                out.push(SourceRow { line, cells });
                splits += 1;
                continue;
            }
        }
        cur.cells
            .resize(cells.len().max(cur.cells.len()), String::new());
        for (c, frag) in cells.into_iter().enumerate() {
            if frag.is_empty() {
                continue;
            }
            append(&mut cur.cells[c], &frag);
        }
        joined += 1;
    }
    (out, joined, splits)
}

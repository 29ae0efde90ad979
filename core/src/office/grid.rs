//! Sparse cells and merged regions to [`SourceRow`]s.
//!
//! A merged region shows its value once, in its top-left cell. Read as a table:
//!
//! - **vertically**, the value applies to every row the region spans. The cells below the first
//!   are handed on blank, with the value kept aside as a *fill* ([`Grid::fills`]): once the
//!   importer has found the columns, fills go into action columns (a merged owner, due date or
//!   status applies to each row), while the recommendation's own columns stay blank, which is
//!   how the importer knows a row continues the recommendation above (and carries its owner
//!   and lead down, as for CSV);
//! - **horizontally**, the region is one cell, so the value stays in its first column and the
//!   columns it covers are blank (a title or section heading merged across the table stays a
//!   row with one filled cell, which the importer reads as a title or a theme).

use super::limits::Budget;
use crate::error::Result;
use crate::rows::SourceRow;

/// One non-empty cell: 0-based row and column, and its text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct GridCell {
    pub(crate) row: u32,
    pub(crate) col: u32,
    pub(crate) text: String,
    /// The number behind the text, for a number shown in the General format (a due date
    /// typed as a bare Excel serial is repaired later, once the column is known).
    pub(crate) number: Option<f64>,
}

/// A merged region, 0-based and inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Merge {
    pub(crate) first_row: u32,
    pub(crate) first_col: u32,
    pub(crate) last_row: u32,
    pub(crate) last_col: u32,
}

/// A sheet's rows, still with the number behind each General cell.
#[derive(Debug, Clone, Default)]
pub(crate) struct Grid {
    pub(crate) rows: Vec<SourceRow>,
    /// Per row (same index as `rows`), the General-format numbers by column.
    pub(crate) numbers: Vec<Vec<(usize, f64)>>,
    /// Cells under a vertical merge: (index into `rows`, column, the merged value).
    pub(crate) fills: Vec<(usize, usize, String)>,
}

/// Build rows from cells (any order) and merged regions. Rows with no cell are left out; each
/// row keeps its 1-based row number. The work is bounded by `budget`.
pub(crate) fn build(
    mut cells: Vec<GridCell>,
    merges: &[Merge],
    budget: &mut Budget,
) -> Result<Grid> {
    let last_row = cells.iter().map(|c| c.row).max();
    let Some(last_row) = last_row else {
        return Ok(Grid::default());
    };
    // Vertical merges: the top-left value, kept aside for the cells below it in the first column,
    // within the used rows.
    let mut fill_at: std::collections::HashMap<(u32, u32), String> =
        std::collections::HashMap::new();
    if !merges.is_empty() {
        let mut top_left: std::collections::HashMap<(u32, u32), usize> =
            std::collections::HashMap::new();
        for (i, c) in cells.iter().enumerate() {
            top_left.insert((c.row, c.col), i);
        }
        let mut extra = Vec::new();
        for m in merges {
            if m.last_row <= m.first_row {
                continue;
            }
            let Some(&i) = top_left.get(&(m.first_row, m.first_col)) else {
                continue;
            };
            let text = cells[i].text.clone();
            for r in m.first_row + 1..=m.last_row.min(last_row) {
                budget.cell()?;
                extra.push(GridCell {
                    row: r,
                    col: m.first_col,
                    text: String::new(),
                    number: None,
                });
                fill_at.insert((r, m.first_col), text.clone());
            }
        }
        // Cells hidden under a merge (Excel keeps no value there, but a file may) lose to
        // the region's value.
        if !extra.is_empty() {
            let covered: std::collections::HashSet<(u32, u32)> =
                extra.iter().map(|c| (c.row, c.col)).collect();
            cells.retain(|c| !covered.contains(&(c.row, c.col)));
            cells.extend(extra);
        }
    }
    cells.sort_by_key(|c| (c.row, c.col));
    let mut grid = Grid::default();
    let mut iter = cells.into_iter().peekable();
    while let Some(first) = iter.next() {
        let row = first.row;
        let mut row_cells = vec![first];
        while let Some(next) = iter.next_if(|c| c.row == row) {
            row_cells.push(next);
        }
        let width = row_cells.last().map(|c| c.col as usize + 1).unwrap_or(0);
        budget.area(width)?;
        let mut texts = vec![String::new(); width];
        let mut numbers = Vec::new();
        for c in row_cells {
            if let Some(text) = fill_at.remove(&(c.row, c.col)) {
                grid.fills.push((grid.rows.len(), c.col as usize, text));
            }
            if let Some(n) = c.number {
                numbers.push((c.col as usize, n));
            }
            texts[c.col as usize] = c.text;
        }
        grid.rows.push(SourceRow {
            line: row as usize + 1,
            cells: texts,
        });
        grid.numbers.push(numbers);
    }
    Ok(grid)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::office::Limits;

    fn cell(row: u32, col: u32, text: &str) -> GridCell {
        GridCell {
            row,
            col,
            text: text.into(),
            number: None,
        }
    }

    #[test]
    fn vertical_merges_repeat_horizontal_ones_do_not() {
        let cells = vec![
            cell(0, 0, "Title"),
            cell(2, 0, "Rec 1"),
            cell(2, 1, "a"),
            cell(3, 1, "b"),
        ];
        let merges = [
            Merge {
                first_row: 0,
                first_col: 0,
                last_row: 0,
                last_col: 3,
            },
            Merge {
                first_row: 2,
                first_col: 0,
                last_row: 3,
                last_col: 0,
            },
        ];
        let mut b = Budget::new(Limits::default(), "sheet");
        let g = build(cells, &merges, &mut b).unwrap();
        assert_eq!(g.rows.len(), 3);
        assert_eq!(g.rows[0].cells, ["Title"]);
        assert_eq!(g.rows[2].cells, ["", "b"]);
        assert_eq!(g.rows[2].line, 4);
        assert_eq!(g.fills, [(2, 0, "Rec 1".to_string())]);
    }

    #[test]
    fn a_huge_merge_is_bounded_by_the_used_rows() {
        let cells = vec![cell(0, 0, "x"), cell(1, 1, "y")];
        let merges = [Merge {
            first_row: 0,
            first_col: 0,
            last_row: 1_048_575,
            last_col: 16_383,
        }];
        let mut b = Budget::new(Limits::default(), "sheet");
        let g = build(cells, &merges, &mut b).unwrap();
        assert_eq!(g.rows.len(), 2);
    }

    #[test]
    fn area_is_bounded() {
        let cells: Vec<GridCell> = (0..1000).map(|r| cell(r, 16_383, "x")).collect();
        let mut b = Budget::new(Limits::default(), "sheet");
        let err = build(cells, &[], &mut b).unwrap_err();
        assert_eq!(err.code(), "too_large");
    }
}

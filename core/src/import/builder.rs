//! Rows to a plan: header detection, column roles, section rows, fill-down, actions.

use super::{ImportOptions, Imported, SourceRow};
use crate::diagnostic::{Diagnostic, Place, Severity};
use crate::error::{Error, ErrorKind, Result};
use crate::model::{Action, Column, Plan, ProgressUpdate, Recommendation, Role, Status};
use crate::text::{clean_cell, is_blank, normalise_words, Text};
use crate::timeframe::{self, Timeframe};
use rustc_hash::FxHashMap;
use std::collections::HashMap;
use std::sync::Arc;

/// One source row inside the importer: its 1-based line and its cells, each a [`Text`] cut
/// from a shared buffer, cleaned (see [`RowBuf::push`]). Only the rows looked through for the
/// header are held like this; the rest are read in place from their [`Chunk`].
pub(crate) struct Row {
    pub(crate) line: usize,
    pub(crate) cells: Vec<Text>,
}

/// Where one row's cells lie in its [`Chunk`].
pub(crate) struct RowSpan {
    line: usize,
    cells: std::ops::Range<usize>,
    junk: usize,
}

/// A batch of source rows whose cleaned cells are slices of one shared string (about
/// [`CHUNK_BYTES`] of text), so a million rows cost a few thousand allocations, not one per
/// row; a [`Text`] is made only for the cells the plan keeps. A chunk that ends the input
/// early (a cell too long to keep) carries the error.
pub(crate) struct Chunk {
    store: Store,
    rows: Vec<RowSpan>,
    error: Option<Error>,
}

/// The cells of a chunk.
enum Store {
    /// The text, and each cell's bytes in it.
    Shared(arcstr::ArcStr, Vec<(u32, u32)>),
    /// A cell each (a chunk of more than 4 GiB: one huge row).
    Each(Vec<Text>),
}

/// The cells of one row, read in place.
#[derive(Clone, Copy)]
pub(crate) enum Cells<'a> {
    Shared(&'a arcstr::ArcStr, &'a [(u32, u32)]),
    Each(&'a [Text]),
}

impl<'a> Cells<'a> {
    fn len(self) -> usize {
        match self {
            Cells::Shared(_, spans) => spans.len(),
            Cells::Each(cells) => cells.len(),
        }
    }

    /// The `i`th cell (empty past the end).
    fn str(self, i: usize) -> &'a str {
        match self {
            Cells::Shared(text, spans) => spans
                .get(i)
                .map_or("", |&(s, e)| &text[s as usize..e as usize]),
            Cells::Each(cells) => cells.get(i).map_or("", |c| c.as_str()),
        }
    }

    /// The `i`th cell as a shared [`Text`] (empty past the end).
    fn text(self, i: usize) -> Text {
        match self {
            Cells::Shared(text, spans) => spans.get(i).map_or_else(Text::new, |&(s, e)| {
                Text::from_arc(text, s as usize..e as usize)
            }),
            Cells::Each(cells) => cells.get(i).cloned().unwrap_or_default(),
        }
    }

    fn iter(self) -> impl Iterator<Item = &'a str> + Clone {
        (0..self.len()).map(move |i| self.str(i))
    }
}

impl Chunk {
    /// The cells of the row at `r`.
    fn cells(&self, r: &RowSpan) -> Cells<'_> {
        match &self.store {
            Store::Shared(text, spans) => Cells::Shared(text, &spans[r.cells.clone()]),
            Store::Each(cells) => Cells::Each(&cells[r.cells.clone()]),
        }
    }

    /// The `i`th row, as an owned [`Row`].
    fn row(&self, i: usize) -> Row {
        let r = &self.rows[i];
        let cells = self.cells(r);
        Row {
            line: r.line,
            cells: (0..cells.len()).map(|i| cells.text(i)).collect(),
        }
    }

    /// The rows, as owned [`Row`]s.
    pub(crate) fn into_rows(self) -> impl Iterator<Item = Row> {
        (0..self.rows.len()).map(move |i| self.row(i))
    }
}

/// How much cleaned text a [`Chunk`] gathers before it is frozen into one shared string.
const CHUNK_BYTES: usize = 64 * 1024;

/// Builds [`Chunk`]s: the cleaned cells of a run of rows are appended to one reusable
/// `String`, which is frozen into one shared string when the chunk is full.
pub(crate) struct RowBuf {
    buf: String,
    /// Each cell's bytes in `buf`, for every row of the chunk.
    spans: Vec<(usize, usize)>,
    rows: Vec<RowSpan>,
    /// Where the current row's cells start in `spans`.
    row_start: usize,
    junk: usize,
    /// A cell of the current row too long to keep: its 0-based index and length.
    too_long: Option<(usize, usize)>,
    error: Option<Error>,
    /// Most rows in one chunk.
    max_rows: usize,
    /// The longest cell kept ([`Text::MAX_LEN`]; smaller in tests).
    max_cell: usize,
}

impl Default for RowBuf {
    fn default() -> Self {
        RowBuf::with_max_rows(usize::MAX)
    }
}

impl RowBuf {
    /// A buffer whose chunks hold at most `max_rows` rows.
    pub(crate) fn with_max_rows(max_rows: usize) -> Self {
        RowBuf {
            buf: String::new(),
            spans: Vec::new(),
            rows: Vec::new(),
            row_start: 0,
            junk: 0,
            too_long: None,
            error: None,
            max_rows: max_rows.max(1),
            max_cell: Text::MAX_LEN,
        }
    }

    /// Append a cell as the model keeps it: trimmed, line endings normalised, and the `'` that
    /// guards a formula-like cell in our own exports removed.
    ///
    /// Control characters other than tab and line breaks (binary junk inside a text file) are
    /// replaced by U+FFFD, and counted. A cell too long for a [`Text`] (4 GiB) is kept empty
    /// and ends the input with an error when the row ends.
    ///
    /// Returns whether the cell held any ASCII control byte (tab and line breaks included).
    pub(crate) fn push(&mut self, cell: &str) -> bool {
        // One branch-free pass (vectorised) for the common cell with no control bytes at all.
        let controls = cell
            .bytes()
            .fold(false, |c, b| c | (b < 0x20) | (b == 0x7F));
        let junk = controls
            && cell
                .bytes()
                .any(|b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7F);
        let start = self.buf.len();
        if junk {
            self.junk += 1;
            let fixed: String = cell
                .chars()
                .map(|ch| {
                    if ch.is_control() && !matches!(ch, '\t' | '\n' | '\r') && (ch as u32) < 0x80 {
                        '\u{FFFD}'
                    } else {
                        ch
                    }
                })
                .collect();
            push_clean(&mut self.buf, &fixed, true);
        } else {
            push_clean(&mut self.buf, cell, controls);
        }
        let keep = crate::export::unneutralise(&self.buf[start..]).len();
        if keep > self.max_cell {
            if self.too_long.is_none() {
                self.too_long = Some((self.spans.len() - self.row_start, keep));
            }
            self.buf.truncate(start);
            self.spans.push((start, start));
            return controls;
        }
        self.spans.push((self.buf.len() - keep, self.buf.len()));
        controls
    }

    /// End the row whose cells were pushed since the last one ended.
    pub(crate) fn end_row(&mut self, line: usize) {
        let cells = self.row_start..self.spans.len();
        if let Some((column, size)) = self.too_long.take() {
            // The row is dropped, and the input ends with the error.
            self.error = Some(Error::new(ErrorKind::TooLarge {
                what: format!("the cell in row {line}, column {}", column + 1),
                size: size as u64,
                limit: self.max_cell as u64,
            }));
            let first = self.spans[cells].first().map_or(self.buf.len(), |s| s.0);
            self.spans.truncate(self.row_start);
            self.buf.truncate(first);
            self.junk = 0;
            return;
        }
        self.rows.push(RowSpan {
            line,
            cells,
            junk: std::mem::take(&mut self.junk),
        });
        self.row_start = self.spans.len();
    }

    /// Whether the chunk should be frozen now (it is full, or the input must end).
    pub(crate) fn full(&self) -> bool {
        self.buf.len() >= CHUNK_BYTES || self.rows.len() >= self.max_rows || self.error.is_some()
    }

    /// Whether a row was refused (the input must end).
    pub(crate) fn failed(&self) -> bool {
        self.error.is_some()
    }

    /// Freeze the rows ended so far into a chunk (`None` when there are none and no error),
    /// and start the next.
    pub(crate) fn freeze(&mut self) -> Option<Chunk> {
        if self.rows.is_empty() && self.error.is_none() {
            return None;
        }
        debug_assert_eq!(self.row_start, self.spans.len(), "a row is still open");
        let store = if Text::fits(self.buf.len()) {
            Store::Shared(
                arcstr::ArcStr::from(self.buf.as_str()),
                // Every offset fits in 32 bits: the whole text does.
                self.spans
                    .iter()
                    .map(|&(s, e)| (s as u32, e as u32))
                    .collect(),
            )
        } else {
            // A chunk of more than 4 GiB (one huge row: an unterminated quote in a huge
            // file): the shared string's offsets are 32-bit, so each cell gets its own.
            Store::Each(
                self.spans
                    .iter()
                    .map(|&(s, e)| Text::from(&self.buf[s..e]))
                    .collect(),
            )
        };
        self.buf.clear();
        self.spans.clear();
        self.row_start = 0;
        Some(Chunk {
            store,
            rows: std::mem::take(&mut self.rows),
            error: self.error.take(),
        })
    }
}

/// The [`Chunk`]s of rows produced by another reader.
pub(crate) struct SourceChunks<I> {
    rows: I,
    buf: RowBuf,
    done: bool,
}

impl<I> SourceChunks<I> {
    pub(crate) fn new(rows: I) -> Self {
        SourceChunks {
            rows,
            buf: RowBuf::default(),
            done: false,
        }
    }
}

impl<I: Iterator<Item = SourceRow>> Iterator for SourceChunks<I> {
    type Item = Chunk;
    fn next(&mut self) -> Option<Chunk> {
        while !self.done && !self.buf.full() {
            match self.rows.next() {
                Some(row) => {
                    for c in &row.cells {
                        self.buf.push(c);
                    }
                    self.buf.end_row(row.line);
                }
                None => self.done = true,
            }
        }
        if self.buf.failed() {
            self.done = true;
        }
        self.buf.freeze()
    }
}

/// Trim white space including non-breaking spaces, and normalise Windows line endings to `\n`
/// (what [`crate::text::clean_cell`] does), appending to `out`. `controls`: whether the text
/// may hold a control byte (so a `\r`).
fn push_clean(out: &mut String, text: &str, controls: bool) {
    let t = trim(text);
    if controls && t.contains('\r') {
        out.push_str(&clean_cell(t));
    } else {
        out.push_str(t);
    }
}

/// [`str::trim`], with a fast path for the common cell that starts and ends with a visible
/// ASCII character.
fn trim(text: &str) -> &str {
    match (text.as_bytes().first(), text.as_bytes().last()) {
        (Some(&a), Some(&z)) if a.is_ascii_graphic() && z.is_ascii_graphic() => text,
        (None, _) => text,
        _ => text.trim(),
    }
}

/// How many rows to look through for the header.
pub(crate) const HEADER_SCAN: usize = 40;

/// Roles that belong to the recommendation, not the action.
fn is_group_role(role: Role) -> bool {
    matches!(
        role,
        Role::RecommendationRef | Role::Recommendation | Role::Definition | Role::Theme
    )
}

use super::inspect::{Inspection, SectionRow, SkippedRow, TableReading};
use super::regions::Found;
use super::roles::{is_unique_role, ColumnReading};
use super::{regions, roles};

struct Layout {
    header_row: usize,
    header: Vec<String>,
    /// Length in bytes of each header cell as written (for a cheap repeated-header check).
    header_len: Vec<usize>,
    columns: Vec<Column>,
    /// Each column's header as a shared [`Text`] (the key of its extra cells and updates).
    keys: Vec<Text>,
    /// index of each unique role's column
    index: RoleIndex,
    /// A comment column that reports the status in prose (no status column).
    status_prose: Option<usize>,
    /// The status column is headed "Completed" (a date in it means done).
    status_completed: bool,
    /// A column of the dates points were raised: the reference for yearless phrases.
    reference_col: Option<usize>,
}

/// The column of each unique role (a small array, not a hash map: it is read for every
/// cell).
#[derive(Default)]
struct RoleIndex([Option<usize>; Role::ALL.len()]);

impl RoleIndex {
    fn get(&self, role: Role) -> Option<usize> {
        self.0[role as usize]
    }
    fn insert(&mut self, role: Role, i: usize) {
        self.0[role as usize] = Some(i);
    }
    fn contains(&self, role: Role) -> bool {
        self.get(role).is_some()
    }
}

impl Layout {
    /// A unique role's cell, as a shared [`Text`] (empty when the table has no such column).
    fn text(&self, cells: Cells<'_>, role: Role) -> Text {
        self.index
            .get(role)
            .map_or_else(Text::new, |i| cells.text(i))
    }

    /// A unique role's cell, read in place.
    fn get<'a>(&self, cells: Cells<'a>, role: Role) -> &'a str {
        self.index.get(role).map_or("", |i| cells.str(i))
    }
}

/// Build a plan from chunks of rows: the stages of the import, in order (see the module docs
/// of [`super::regions`], [`super::roles`] and [`super::cards`]).
pub(crate) fn build<I: Iterator<Item = Chunk>>(
    chunks: I,
    opts: &ImportOptions,
    format: &str,
) -> Result<Imported> {
    let mut chunks = chunks;
    let mut diagnostics = Vec::new();

    // 1. Rows: look ahead for the header. The rows of the chunk that holds the last of them
    // are read in place below.
    let mut head: Vec<Row> = Vec::new();
    let mut junk_rows: Vec<usize> = Vec::new();
    let mut rest: Option<(Chunk, usize)> = None;
    while head.len() < HEADER_SCAN {
        let Some(mut chunk) = chunks.next() else {
            break;
        };
        if let Some(e) = chunk.error.take() {
            return Err(e);
        }
        let mut taken = 0;
        while taken < chunk.rows.len() && head.len() < HEADER_SCAN {
            // One entry per cell with control characters (deduplicated at the end).
            let r = &chunk.rows[taken];
            junk_rows.extend(std::iter::repeat_n(r.line, r.junk));
            head.push(chunk.row(taken));
            taken += 1;
        }
        if taken < chunk.rows.len() {
            rest = Some((chunk, taken));
        }
    }
    if head.iter().all(|r| r.cells.iter().all(|c| is_blank(c))) {
        return Err(Error::new(ErrorKind::Empty));
    }
    let mut report = Inspection {
        layout: "table".into(),
        ..Inspection::default()
    };
    // Cards: a page of "Label: value" lines, one cell a row. Read whole (pages, not tables of
    // a million rows) and turned into a table of records.
    if super::cards::looks_like_cards(&head) {
        let mut all = std::mem::take(&mut head);
        if let Some((chunk, from)) = rest.take() {
            all.extend(chunk.into_rows().skip(from));
        }
        for mut chunk in chunks.by_ref() {
            if let Some(e) = chunk.error.take() {
                return Err(e);
            }
            all.extend(chunk.into_rows());
        }
        match super::cards::to_table(&all, &mut diagnostics) {
            Some(table) => {
                head = table;
                report.layout = "cards".into();
            }
            None => head = all,
        }
    }

    // 2. Regions: the header row (or none), the title and a first section above it.
    let found = regions::find_header(&head, opts)?;
    // Not a plan at all (source code, Markdown): the header and the rows above it (a title)
    // read as code, or, with no header, the rows themselves do.
    let code = match found {
        Found::Header(i) => {
            regions::looks_like_code(&head[..=i], 2, 3)
                || (regions::looks_like_code(&head[..=i], 1, 100)
                    && regions::looks_like_code(&head, 8, 5))
        }
        Found::Headerless(_) => regions::looks_like_code(&head, 8, 5),
    };
    if code && report.layout != "cards" {
        return Err(Error::new(ErrorKind::NoHeader {
            rows_scanned: head.len(),
        }));
    }
    let (header_at, data_from) = match found {
        Found::Header(i) => (Some(i), i + 1),
        Found::Headerless(i) => (None, i),
    };
    let header_line = header_at.map(|i| head[i].line);
    let above_end = header_at.unwrap_or(data_from);
    let above = regions::above_header(&head[..above_end]);

    // 3. Column roles: from the header words and the cells of the rows below (a bounded
    // prefix).
    let header_cells: Vec<Text> = header_at.map_or_else(Vec::new, |i| head[i].cells.clone());
    let sample: Vec<&Row> = head[data_from..]
        .iter()
        .filter(|r| r.cells.iter().filter(|c| !is_blank(c)).count() >= 2)
        .filter(|r| !regions::same_header(&r.cells, &header_cells))
        .collect();
    let readings = roles::assign(&header_cells, &sample, opts);
    if !roles::could_be_a_plan(&readings) {
        return Err(Error::new(ErrorKind::NoHeader {
            rows_scanned: head.len(),
        }));
    }
    let layout = make_layout(&readings, header_line.unwrap_or(0), &sample, opts);

    let mut plan = Plan::default();
    plan.meta.source_format = Some(format.to_string());
    plan.meta.plan_date = opts.plan_date;
    plan.meta.organisation = opts.organisation.clone();
    plan.meta.title = opts.title.clone().or_else(|| {
        above.title.map(|t| {
            head[t]
                .cells
                .iter()
                .find(|c| !is_blank(c))
                .map(|c| c.to_string())
                .unwrap_or_default()
        })
    });
    report.title_rows = above.title_rows.iter().map(|&i| head[i].line).collect();
    let cards = report.layout == "cards";
    if let Some(line) = header_line.filter(|_| !cards) {
        if above_end > 0 {
            let section = above
                .section
                .map(|s| format!("; row {} is the first section heading", head[s].line))
                .unwrap_or_default();
            diagnostics.push(
                Diagnostic::new(
                    "header_row",
                    Severity::Info,
                    format!(
                        "the header is on row {line}; {} row(s) above it were read as the title{section}",
                        above.title_rows.len()
                    ),
                )
                .at(Place::row(line)),
            );
        }
    } else if !cards {
        diagnostics.push(
            Diagnostic::new(
                "no_header_row",
                Severity::Info,
                "the table has no header row: its columns were read from their content",
            )
            .at(Place::row(head.get(data_from).map_or(1, |r| r.line)))
            .hint("give the header row (--header-row) or a column mapping (--map) if a column was read as the wrong field"),
        );
    }
    diagnostics.push(mapping_note(&layout));
    report.tables.push(TableReading {
        kind: "actions".into(),
        header_row: header_line.filter(|_| !cards),
        first_row: header_line.unwrap_or_else(|| head.get(data_from).map_or(1, |r| r.line)),
        last_row: header_line.unwrap_or(0),
        rows: 0,
        columns: readings,
        header: Vec::new(),
    });

    // Update columns: the period their headers name (made once per column, shared by every
    // update read from it).
    let update_periods = update_columns(&layout, opts);
    let update_cols = update_periods.iter().flatten().count();
    if let Some(latest) = update_periods
        .iter()
        .flatten()
        .filter_map(|p| p.as_of)
        .max()
    {
        plan.meta.as_of = Some(latest);
        plan.meta.period = update_periods
            .iter()
            .flatten()
            .find(|p| p.as_of == Some(latest))
            .and_then(|p| p.period.as_deref().map(str::to_string));
    }
    if opts.as_of.is_some() {
        plan.meta.as_of = opts.as_of;
    }

    // 4. Records: every row below the header, streamed.
    let mut state = State {
        layout,
        opts,
        plan,
        diagnostics,
        cache: FxHashMap::default(),
        status_cache: FxHashMap::default(),
        owner_cache: FxHashMap::default(),
        update_cols,
        current: None,
        theme: None,
        section_pending: false,
        last_owner: None,
        last_lead: None,
        filled_owner: Vec::new(),
        repeated_headers: Vec::new(),
        junk_rows: Vec::new(),
        update_periods,
        extra_cols: 0,
        from_rag: 0,
        from_date: 0,
        actions: Vec::new(),
        report,
        pending: None,
        other_table: false,
        breaks: opts.table_breaks.clone(),
        parallel_mismatch: Vec::new(),
        revised: 0,
    };
    if let Some(s) = above.section {
        let text = head[s]
            .cells
            .iter()
            .find(|c| !is_blank(c))
            .cloned()
            .unwrap_or_default();
        state.report.sections.push(SectionRow {
            row: head[s].line,
            text: text.to_string(),
        });
        state.theme = Some(text);
        state.section_pending = true;
    }
    for row in head.iter().skip(data_from) {
        state.row(row.line, Cells::Each(&row.cells));
    }
    drop(head);
    state.junk_rows = junk_rows;
    if let Some((chunk, from)) = rest {
        state.chunk(&chunk, from);
    }
    for mut chunk in chunks {
        if let Some(e) = chunk.error.take() {
            return Err(e);
        }
        state.chunk(&chunk, 0);
    }
    state.finish()
}

/// Each update column's period (`None` for the other columns).
fn update_columns(layout: &Layout, opts: &ImportOptions) -> Vec<Option<UpdateColumn>> {
    layout
        .columns
        .iter()
        .map(|c| {
            (c.role == Role::Update).then(|| UpdateColumn {
                period: c.period.as_deref().map(Text::from),
                as_of: period_date(c.period.as_deref(), opts),
            })
        })
        .collect()
}

/// The columns of a table as the records stage reads them.
fn make_layout(
    readings: &[ColumnReading],
    header_row: usize,
    sample: &[&Row],
    opts: &ImportOptions,
) -> Layout {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut columns = Vec::with_capacity(readings.len());
    let mut index = RoleIndex::default();
    for (i, r) in readings.iter().enumerate() {
        let h = r.header.as_str();
        let mut name = if is_blank(h) {
            format!("Column {}", i + 1)
        } else {
            h.to_string()
        };
        let n = seen.entry(name.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            name = format!("{name} ({n})");
        }
        let period = if r.role == Role::Update {
            header_period(h)
        } else {
            None
        };
        if is_unique_role(r.role) {
            index.insert(r.role, i);
        }
        columns.push(Column {
            header: name,
            role: r.role,
            period,
        });
    }
    // With no status column, a comment column whose cells are now and then a bare status word
    // ("Ongoing", "Complete") reports the status in its prose.
    let status_prose = if index.contains(Role::Status) {
        None
    } else {
        (0..readings.len())
            .filter(|&i| matches!(readings[i].role, Role::Update | Role::Extra))
            .find(|&i| {
                let p = roles::profile(sample, i, opts);
                p.status_prose >= 1 && p.status_prose * 5 >= p.filled
            })
    };
    // A status column headed "Completed": a date or an account of what was done means done.
    let status_completed = index.get(Role::Status).is_some_and(|i| {
        let w = normalise_words(&readings[i].header);
        w.split(' ').any(|x| x == "completed" || x == "complete")
    });
    let reference_col = readings.iter().position(|r| {
        let w = normalise_words(&r.header);
        r.role == Role::Extra
            && w.split(' ').any(|x| x == "date")
            && w.split(' ').any(|x| {
                matches!(
                    x,
                    "raised"
                        | "meeting"
                        | "added"
                        | "identified"
                        | "agreed"
                        | "opened"
                        | "logged"
                        | "reported"
                )
            })
    });
    Layout {
        reference_col,
        keys: columns.iter().map(|c| Text::from(&c.header)).collect(),
        header_row,
        header: readings
            .iter()
            .map(|r| normalise_words(&r.header))
            .collect(),
        header_len: readings.iter().map(|r| r.header.len()).collect(),
        columns,
        index,
        status_prose,
        status_completed,
    }
}

/// The period an update column's header names: what is left of the header once the words
/// that say "this is an update" are removed ("Progress comments for 2024/25 Qrt4" →
/// "2024/25 Qrt4"). `None` when nothing is left.
fn header_period(header: &str) -> Option<String> {
    const NOISE: &[&str] = &[
        "progress",
        "comments",
        "comment",
        "update",
        "updates",
        "for",
        "as",
        "at",
        "of",
        "the",
        "position",
        "latest",
        "notes",
        "note",
        "narrative",
        "commentary",
        "on",
        "current",
        "status",
        "remarks",
        "to",
        "date",
        "in",
    ];
    let kept: Vec<&str> = header
        .split(|c: char| c.is_whitespace() || c == ':' || c == '(' || c == ')' || c == '-')
        .filter(|w| !w.is_empty())
        .filter(|w| !NOISE.contains(&w.to_ascii_lowercase().as_str()))
        .collect();
    if kept.is_empty() {
        None
    } else {
        Some(kept.join(" "))
    }
}

/// The end date of a period named by a header, read as a timeframe.
fn period_date(period: Option<&str>, opts: &ImportOptions) -> Option<chrono::NaiveDate> {
    let p = period?;
    let t = timeframe::parse(p, opts.plan_date, &opts.settings);
    t.due_latest
}

fn mapping_note(layout: &Layout) -> Diagnostic {
    let parts: Vec<String> = layout
        .columns
        .iter()
        .map(|c| format!("{:?} → {}", c.header, c.role.as_str()))
        .collect();
    Diagnostic::new(
        "columns",
        Severity::Info,
        format!("columns read as: {}", parts.join(", ")),
    )
    .at(if layout.header_row > 0 {
        Place::row(layout.header_row)
    } else {
        Place::default()
    })
    .hint("give an explicit column mapping if a column was read as the wrong field")
}

struct State<'a> {
    layout: Layout,
    opts: &'a ImportOptions,
    plan: Plan,
    diagnostics: Vec<Diagnostic>,
    /// Timeframe phrases read so far: every action that wrote a phrase shares its reading.
    cache: FxHashMap<Text, Arc<Timeframe>>,
    status_cache: FxHashMap<Text, StatusCell>,
    /// Owner cells split so far.
    owner_cache: FxHashMap<Text, Vec<Text>>,
    update_cols: usize,
    current: Option<Recommendation>,
    theme: Option<Text>,
    section_pending: bool,
    last_owner: Option<Text>,
    last_lead: Option<Text>,
    filled_owner: Vec<usize>,
    repeated_headers: Vec<usize>,
    junk_rows: Vec<usize>,
    update_periods: Vec<Option<UpdateColumn>>,
    extra_cols: usize,
    /// Actions whose status was read from the RAG column, or from the date column.
    from_rag: usize,
    from_date: usize,
    /// The current recommendation's actions, moved into it (at their exact size, in one
    /// allocation) when it is done; the buffer is reused.
    actions: Vec<Action>,
    /// How the file is being read (the tables, sections and rows skipped).
    report: Inspection,
    /// A lone action cell held back until the next row tells whether it is a heading.
    pending: Option<(usize, Vec<Text>)>,
    /// Inside a table kept apart (indicators, glossary, sign-off).
    other_table: bool,
    /// Rows at which the user said another table starts.
    breaks: Vec<usize>,
    /// Rows whose parallel lists did not line up.
    parallel_mismatch: Vec<usize>,
    /// Actions whose current date was read from a comment.
    revised: usize,
}

/// What every update read from one column shares.
struct UpdateColumn {
    period: Option<Text>,
    as_of: Option<chrono::NaiveDate>,
}

impl State<'_> {
    /// Read a chunk's rows from the `from`th on.
    fn chunk(&mut self, chunk: &Chunk, from: usize) {
        for r in &chunk.rows[from..] {
            for _ in 0..r.junk {
                if self.junk_rows.len() < 1000 {
                    self.junk_rows.push(r.line);
                }
            }
            self.row(r.line, chunk.cells(r));
        }
    }

    fn row(&mut self, line: usize, cells: Cells<'_>) {
        if cells.iter().all(is_blank) {
            return;
        }
        let filled = cells.iter().filter(|c| !is_blank(c)).count();
        // "The rows from N are another table": the row is that table's header.
        if self.breaks.first().is_some_and(|&b| line >= b) {
            self.breaks.remove(0);
            self.resolve_pending(false);
            self.new_table(line, cells, true);
            return;
        }
        // Inside a table kept apart: skip to the next header of actions.
        if self.other_table {
            if regions::is_action_header(cells.iter(), &self.opts.aliases)
                || regions::repeats_header(cells.iter(), &self.layout.header)
            {
                self.other_table = false;
                self.new_table(line, cells, false);
            } else if let Some(t) = self.report.tables.last_mut() {
                t.rows += 1;
                t.last_row = line;
            }
            return;
        }
        // Repeated header (page breaks), in full or in part. Cheap check first: the cells
        // must be about as long as the header's.
        let plausible = cells
            .iter()
            .zip(self.layout.header_len.iter())
            .all(|(c, &n)| c.len() <= n + 8);
        if plausible && filled >= 2 && regions::repeats_header(cells.iter(), &self.layout.header) {
            self.resolve_pending(false);
            self.repeated_headers.push(line);
            self.skip(line, "repeated header");
            return;
        }
        // A header with another vocabulary: a table of indicators, a glossary, a sign-off.
        if filled >= 2 && cells.len() <= 12 {
            if let Some(kind) = regions::other_table_kind(cells.iter()) {
                self.resolve_pending(false);
                self.start_other_table(line, cells, kind);
                return;
            }
        }
        // A row cut short by its source ("Develop g[…]"): too little to read.
        if filled == 1 && regions::is_cut_short(cells.iter().find(|c| !is_blank(c)).unwrap_or("")) {
            self.resolve_pending(false);
            self.skip(
                line,
                "cut short in the source (ends in […]): too little to read",
            );
            self.diagnostics.push(
                Diagnostic::new(
                    "cut_row",
                    Severity::Info,
                    "the row is cut short in the source (it ends in […]): skipped",
                )
                .at(Place::row(line)),
            );
            return;
        }
        // A lone cell in the action column of a table with no recommendation column: a section
        // heading when a full row follows it, else an action with nothing else filled in.
        if let Some(p) = self.pending.take() {
            let next_is_data = filled >= 2;
            self.pending = Some(p);
            self.resolve_pending(next_is_data);
        }
        if self.report.tables.last().is_some() {
            let t = self.report.tables.last_mut().expect("checked");
            t.rows += 1;
            t.last_row = line;
        }
        // Cells past the header: keep them as extra columns. (The header's length is taken
        // once: the columns added here have blank headers, so it does not change, and scanning
        // it per extra cell made a row of a million cells quadratic. One warning per extra cell
        // up to a hundred in a row, then one for the rest.)
        if cells.len() > self.layout.columns.len() {
            let header_len = self.layout.header_row_len();
            let mut warned = 0usize;
            let mut unwarned = 0usize;
            for i in self.layout.columns.len()..cells.len() {
                if is_blank(cells.str(i)) {
                    continue;
                }
                while self.layout.columns.len() <= i {
                    let n = self.layout.columns.len() + 1;
                    self.layout.columns.push(Column {
                        header: format!("Column {n}"),
                        role: Role::Extra,
                        period: None,
                    });
                    self.layout.header.push(String::new());
                    self.layout
                        .keys
                        .push(Text::from(&self.layout.columns[n - 1].header));
                    self.update_periods.push(None);
                    self.extra_cols += 1;
                }
                if warned == 100 {
                    unwarned += 1;
                    continue;
                }
                warned += 1;
                self.diagnostics.push(
                    Diagnostic::new(
                        "ragged_row",
                        Severity::Warning,
                        format!(
                            "row has {} cells but the header has {}: the extra cell was kept as {:?}",
                            cells.len(),
                            header_len,
                            self.layout.columns[i].header
                        ),
                    )
                    .at(Place::cell(line, self.layout.columns[i].header.clone(), cells.str(i))),
                );
            }
            if unwarned > 0 {
                self.diagnostics.push(
                    Diagnostic::new(
                        "ragged_row",
                        Severity::Warning,
                        format!(
                            "row has {} cells but the header has {}: {unwarned} more extra \
                             cell(s) past the first hundred were kept as further columns",
                            cells.len(),
                            header_len,
                        ),
                    )
                    .at(Place::row(line)),
                );
            }
        }
        // Section row: one cell alone that reads like a heading, or one cell alone outside the
        // recommendation and action columns.
        if filled == 1 {
            let i = (0..cells.len())
                .find(|&i| !is_blank(cells.str(i)))
                .expect("one cell is filled");
            let role = self
                .layout
                .columns
                .get(i)
                .map(|c| c.role)
                .unwrap_or(Role::Extra);
            let text = cells.str(i);
            let short = text.chars().count() <= 150 && !text.contains('\n');
            let has_groups = self.layout.index.contains(Role::Recommendation)
                || self.layout.index.contains(Role::RecommendationRef);
            let section = match role {
                // A lone action cell where there is no recommendation column: wait for the
                // next row to tell.
                Role::Action if !has_groups && !text.contains('\n') => {
                    self.pending = Some((line, (0..cells.len()).map(|i| cells.text(i)).collect()));
                    return;
                }
                // A lone action or progress cell is a continuation of a merged row.
                Role::Action
                | Role::Owner
                | Role::LeadMember
                | Role::Timeframe
                | Role::OriginalDue
                | Role::Status
                | Role::Rag
                | Role::Percent
                | Role::Update
                | Role::Evidence
                | Role::FurtherOptions => false,
                // A lone recommendation is a recommendation with no actions, unless it reads
                // like a heading.
                Role::Recommendation => {
                    regions::looks_like_heading(text) || regions::is_numbered_heading(text)
                }
                // A lone cell in a ref, theme or unknown column: a heading when it is short
                // and stands first in the row.
                _ => short && (i == 0 || regions::looks_like_heading(text)),
            };
            if section {
                self.section(line, cells.text(i));
                return;
            }
        }
        self.split_row(line, cells);
    }

    /// A section heading: it starts a group (a theme) for the rows below it.
    fn section(&mut self, line: usize, text: Text) {
        self.flush();
        self.report.sections.push(SectionRow {
            row: line,
            text: text.to_string(),
        });
        self.theme = Some(text);
        self.section_pending = true;
    }

    /// Decide a lone action cell held back: a section when a full row follows it.
    fn resolve_pending(&mut self, next_is_data: bool) {
        let Some((line, cells)) = self.pending.take() else {
            return;
        };
        if next_is_data {
            let text = cells
                .iter()
                .find(|c| !is_blank(c))
                .cloned()
                .unwrap_or_default();
            self.section(line, text);
        } else {
            self.data_row(line, Cells::Each(&cells));
        }
    }

    fn skip(&mut self, line: usize, reason: &str) {
        if self.report.skipped.len() < 1000 {
            self.report.skipped.push(SkippedRow {
                row: line,
                reason: reason.to_string(),
            });
        }
    }

    /// A table kept apart starts at `line` (its header).
    fn start_other_table(&mut self, line: usize, cells: Cells<'_>, kind: &str) {
        self.other_table = true;
        let header: Vec<String> = cells
            .iter()
            .filter(|c| !is_blank(c))
            .map(str::to_string)
            .collect();
        self.diagnostics.push(
            Diagnostic::new(
                "other_table",
                Severity::Info,
                format!(
                    "row {line} starts another table ({kind}: {}): kept apart, not read as actions",
                    header.join(" | ")
                ),
            )
            .at(Place::row(line)),
        );
        self.report.tables.push(TableReading {
            kind: kind.to_string(),
            header_row: Some(line),
            first_row: line,
            last_row: line,
            rows: 0,
            columns: Vec::new(),
            header,
        });
    }

    /// A new table starts at `line` with this header: a table of actions is read on with its
    /// own columns; any other is kept apart. `forced`: the user said so.
    fn new_table(&mut self, line: usize, cells: Cells<'_>, forced: bool) {
        let header: Vec<Text> = (0..cells.len()).map(|i| cells.text(i)).collect();
        if regions::repeats_header(cells.iter(), &self.layout.header) && !forced {
            // The table of actions goes on after a table kept apart.
            let columns = self
                .report
                .tables
                .iter()
                .rev()
                .find(|t| t.kind == "actions")
                .map(|t| t.columns.clone())
                .unwrap_or_default();
            self.report.tables.push(TableReading {
                kind: "actions".into(),
                header_row: Some(line),
                first_row: line,
                last_row: line,
                rows: 0,
                columns,
                header: Vec::new(),
            });
            return;
        }
        let readings = roles::assign(&header, &[], self.opts);
        if !regions::is_action_header(cells.iter(), &self.opts.aliases) {
            let kind = regions::other_table_kind(cells.iter()).unwrap_or("other");
            self.start_other_table(line, cells, kind);
            return;
        }
        self.flush();
        self.layout = make_layout(&readings, line, &[], self.opts);
        self.update_periods = update_columns(&self.layout, self.opts);
        self.update_cols = self.update_periods.iter().flatten().count();
        self.last_owner = None;
        self.last_lead = None;
        self.diagnostics.push(mapping_note(&self.layout));
        self.report.tables.push(TableReading {
            kind: "actions".into(),
            header_row: Some(line),
            first_row: line,
            last_row: line,
            rows: 0,
            columns: readings,
            header: Vec::new(),
        });
    }

    /// Parallel lists in one row: an action cell of n lines (or bullets) beside a cell of n
    /// lines (owners, dates, outcomes) is n actions, the i-th line of each with the i-th
    /// action; one-line cells are shared. A lead-in line ending in ":" keeps its sub-points
    /// as one action. When no cell lines up, the row is one action (and a diagnostic says
    /// so).
    fn split_row(&mut self, line: usize, cells: Cells<'_>) {
        let l = &self.layout;
        let Some(a) = l.index.get(Role::Action) else {
            return self.data_row(line, cells);
        };
        let action = cells.str(a);
        if !action.contains('\n') {
            return self.data_row(line, cells);
        }
        let items = list_items(action);
        // Items that read as actions (three words or more each); a lead-in line ending in
        // ":" keeps its sub-points as one action.
        if items.len() < 2
            || items.len() > 30
            || items[0].ends_with(':')
            || items.iter().any(|i| i.split_whitespace().count() < 3)
        {
            return self.data_row(line, cells);
        }
        let n = items.len();
        let mut lists: Vec<Option<Vec<String>>> = vec![None; cells.len()];
        let mut lined_up = false;
        let mut other = false;
        for (i, c) in l.columns.iter().enumerate() {
            if i == a
                || is_group_role(c.role)
                || matches!(c.role, Role::LeadMember | Role::Ref)
                || i >= cells.len()
            {
                continue;
            }
            let v = cells.str(i);
            if !v.contains('\n') {
                continue;
            }
            let its = list_items(v);
            if its.len() == n
                && its
                    .iter()
                    .all(|i| i.chars().filter(|c| c.is_alphanumeric()).count() >= 2)
            {
                lined_up = true;
                lists[i] = Some(its);
            } else if its.len() > 1 {
                other = true;
            }
        }
        if !lined_up {
            if other {
                self.parallel_mismatch.push(line);
            }
            return self.data_row(line, cells);
        }
        if other {
            self.parallel_mismatch.push(line);
        }
        lists[a] = Some(items);
        for k in 0..n {
            let row: Vec<Text> = (0..cells.len())
                .map(|i| match &lists[i] {
                    Some(items) => Text::from(items[k].as_str()),
                    None => cells.text(i),
                })
                .collect();
            self.data_row(line, Cells::Each(&row));
        }
    }

    fn data_row(&mut self, line: usize, cells: Cells<'_>) {
        let l = &self.layout;
        // The group's cells, read in place: a `Text` is made only for what is kept.
        let rec_ref = l.get(cells, Role::RecommendationRef);
        let rec_title = l.get(cells, Role::Recommendation);
        let definition = l.get(cells, Role::Definition);
        let theme_cell = l.get(cells, Role::Theme);

        let starts_new = match &self.current {
            None => true,
            Some(cur) => {
                (!rec_ref.is_empty() && rec_ref != cur.key)
                    || (!rec_title.is_empty() && !cur.title.is_empty() && rec_title != cur.title)
                    || (rec_ref.is_empty() && !rec_title.is_empty() && cur.title.is_empty())
                    || (!theme_cell.is_empty()
                        && cur.theme.as_ref().is_some_and(|t| *t != theme_cell)
                        && rec_ref.is_empty()
                        && rec_title.is_empty())
                    || (self.section_pending && (!rec_ref.is_empty() || !rec_title.is_empty()))
            }
        };
        if starts_new {
            if let Some(mut done) = self.current.take() {
                done.actions = self.actions.drain(..).collect();
                self.plan.recommendations.push(done);
            }
            let mut rec = Recommendation::new(
                l.text(cells, Role::RecommendationRef),
                l.text(cells, Role::Recommendation),
            );
            rec.row = Some(line);
            rec.theme = if theme_cell.is_empty() {
                self.theme.clone()
            } else {
                Some(l.text(cells, Role::Theme))
            };
            if !definition.is_empty() {
                rec.definition = Some(l.text(cells, Role::Definition));
            }
            self.current = Some(rec);
            self.last_owner = None;
            self.last_lead = None;
        }
        self.section_pending = false;
        let rec = self.current.as_mut().expect("set above");
        if rec.title.is_empty() && !rec_title.is_empty() {
            rec.title = l.text(cells, Role::Recommendation);
        }
        if rec.key.is_empty() && !rec_ref.is_empty() {
            rec.key = l.text(cells, Role::RecommendationRef);
        }

        // Action-level content?
        let has_action = l
            .columns
            .iter()
            .enumerate()
            .any(|(i, c)| !is_group_role(c.role) && !is_blank(cells.str(i)));
        if !has_action {
            return;
        }
        let mut action = Action::new(l.text(cells, Role::Action));
        action.row = Some(line);
        action.action_ref = l.text(cells, Role::Ref);
        // A ref written at the head of the text ("AFI 1 - The service should…", "Rec 17:
        // With immediate effect…"), where the table has no ref column.
        if !l.index.contains(Role::Ref) {
            if let Some((r, rest)) = regions::split_ref_prefix(&action.description) {
                let (r, rest) = (Text::from(r), Text::from(rest));
                action.action_ref = r;
                action.description = rest;
            }
        }
        // Group-level cells that differ from the group's: keep them on the action.
        for (role, value) in [(Role::Definition, definition), (Role::Theme, theme_cell)] {
            if value.is_empty() {
                continue;
            }
            let group_value = match role {
                Role::Definition => rec.definition.as_deref(),
                _ => rec.theme.as_deref(),
            };
            if group_value != Some(value) {
                if let Some(i) = l.index.get(role) {
                    action.extra.insert(l.keys[i].clone(), cells.text(i));
                }
            }
        }
        // Merged cells: a row whose recommendation cells are blank continues the group above,
        // and its blank owner and lead cells are the merged ones above too. A table with no
        // recommendation column has no merged groups, so nothing is carried down there.
        let has_groups =
            l.index.contains(Role::Recommendation) || l.index.contains(Role::RecommendationRef);
        let merged_row =
            !self.opts.no_fill_down && has_groups && rec_ref.is_empty() && rec_title.is_empty();
        let owner = l.text(cells, Role::Owner);
        if owner.is_empty() {
            if let (true, Some(prev)) = (merged_row, &self.last_owner) {
                action.set_owner(prev);
                self.filled_owner.push(line);
            }
        } else {
            action.owners = match self.owner_cache.get(owner.as_str()) {
                Some(owners) => owners.clone(),
                None => {
                    let owners = crate::model::split_owner_text(&owner);
                    if self.owner_cache.len() < 10_000 {
                        self.owner_cache.insert(owner.clone(), owners.clone());
                    }
                    owners
                }
            };
            if has_groups {
                self.last_owner = Some(owner.clone());
            }
            action.owner = Some(owner);
        }
        let lead = l.text(cells, Role::LeadMember);
        if lead.is_empty() {
            if merged_row {
                action.lead_member = self.last_lead.clone();
            }
        } else {
            self.last_lead = Some(lead.clone());
            action.lead_member = Some(lead);
        }
        let settings = &self.opts.settings;
        // A "date raised" or "meeting date" column is the reference for phrases with no
        // year in its row ("Q2").
        let row_reference = l.reference_col.and_then(|i| {
            let t = timeframe::parse(cells.str(i), self.opts.plan_date, settings);
            (t.kind == timeframe::Kind::Day)
                .then_some(t.due_latest)
                .flatten()
        });
        let reference = row_reference.or(self.opts.plan_date);
        let tf = l.get(cells, Role::Timeframe);
        if !tf.is_empty() {
            action.timeframe = Some(if row_reference.is_some() {
                Arc::new(timeframe::parse(tf, reference, settings))
            } else {
                let tf_text = || l.text(cells, Role::Timeframe);
                cached(&mut self.cache, tf, tf_text, reference, settings)
            });
        }
        let od = l.get(cells, Role::OriginalDue);
        if !od.is_empty() {
            let od_text = || l.text(cells, Role::OriginalDue);
            action.original_due = Some(cached(&mut self.cache, od, od_text, reference, settings));
        }
        let status = l.text(cells, Role::Status);
        if !status.is_empty() {
            let read = match self.status_cache.get(status.as_str()) {
                Some(s) => s.clone(),
                None => {
                    let s = read_status(&status, l.status_completed, self.opts);
                    if self.status_cache.len() < 1000 {
                        self.status_cache.insert(status.clone(), s.clone());
                    }
                    s
                }
            };
            let undated = (!l.index.contains(Role::Timeframe)).then(|| status.clone());
            match read {
                // RAG words in the status column go to the RAG ("Green"; "Green - in
                // progress" gives both).
                StatusCell::Rag(rag, lifecycle) => {
                    action.rag = Some(rag);
                    action.status = lifecycle;
                    // As written, so the exporter writes it back into the same column.
                    action.status_text = Some(status);
                }
                StatusCell::Status(s) => {
                    action.status = Some(s);
                    action.status_text = Some(status);
                }
            }
            // No date column: a date in the status ("To be incorporated in Q2.").
            if let Some(status) = undated.filter(|s| s.split_whitespace().count() <= 12) {
                let t = timeframe::parse(&status, reference, settings);
                let dated = !matches!(
                    t.kind,
                    timeframe::Kind::Unreadable
                        | timeframe::Kind::Status
                        | timeframe::Kind::Conditional
                );
                if dated && t.due_latest.is_some() {
                    action.timeframe = Some(Arc::new(t));
                }
            }
        } else if let Some(i) = l.status_prose {
            let v = cells.str(i);
            if let Some(s) = roles::lifecycle_word(v).or_else(|| roles::status_in_text(v)) {
                action.status = Some(s);
            }
        }
        let rag = l.text(cells, Role::Rag);
        if !rag.is_empty() && action.rag.is_none() {
            action.rag = Some(rag);
        }
        let pct = l.get(cells, Role::Percent);
        if !pct.is_empty() {
            match parse_percent(pct) {
                Some(p) => action.percent_complete = Some(p),
                None => {
                    let i = l
                        .index
                        .get(Role::Percent)
                        .expect("a percent cell has a column");
                    let header = l.columns[i].header.clone();
                    self.diagnostics.push(
                        Diagnostic::new(
                            "unreadable_percent",
                            Severity::Warning,
                            format!("{pct:?} is not a percentage: kept as an extra cell"),
                        )
                        .at(Place::cell(line, header, pct)),
                    );
                    action.extra.insert(l.keys[i].clone(), cells.text(i));
                }
            }
        }
        let ev = l.text(cells, Role::Evidence);
        if !ev.is_empty() {
            action.evidence = Some(ev);
        }
        let fo = l.text(cells, Role::FurtherOptions);
        if !fo.is_empty() {
            action.further_options = Some(fo);
        }
        if self.update_cols > 0 {
            action.updates.reserve_exact(self.update_cols);
        }
        for (i, c) in l.columns.iter().enumerate() {
            if !matches!(c.role, Role::Update | Role::Extra) || is_blank(cells.str(i)) {
                continue;
            }
            let v = cells.text(i);
            match c.role {
                Role::Update => {
                    let (period, as_of) = match self.update_periods.get(i) {
                        Some(Some(u)) => (u.period.clone(), u.as_of),
                        _ => (None, None),
                    };
                    action.updates.push(ProgressUpdate {
                        period,
                        as_of,
                        text: v,
                        column: Some(l.keys[i].clone()),
                    });
                }
                Role::Extra => {
                    action.extra.insert(l.keys[i].clone(), v);
                }
                _ => {}
            }
        }
        // While the action is at hand (one walk over a million actions is slow): its
        // generated ref, as `Plan::assign_refs` would give it, and a status word in the RAG
        // or date column.
        if action.action_ref.trim().is_empty() {
            let i = self.plan.recommendations.len();
            let j = self.actions.len();
            action.action_ref = format!("R{}.{}", i + 1, j + 1).into();
            action.ref_generated = true;
        }
        if action.status.is_none() {
            if !l.index.contains(Role::Status) {
                if let Some(s) = action.rag.as_deref().and_then(Status::parse) {
                    // A status word in the RAG column is a status, not a rating. The exporter
                    // writes it back into the same column.
                    action.status = Some(s);
                    action.status_text = action.rag.take();
                    self.from_rag += 1;
                }
            }
            if let Some(t) = action
                .timeframe
                .as_ref()
                .filter(|_| action.status.is_none())
            {
                if t.kind == timeframe::Kind::Status {
                    if let Some(s) = Status::parse(&t.text) {
                        action.status = Some(s);
                        self.from_date += 1;
                    }
                }
            }
        }
        // A revised date given only in a comment ("now expected to complete by …"): the
        // column's date is the original, the comment's the current one.
        if action.timeframe.is_some() && (self.update_cols > 0 || !action.extra.is_empty()) {
            self.revised_in_comment(line, &mut action);
        }
        self.actions.push(action);
    }

    /// Look for a revised date in the action's comments (see [`regions::revised_date`]).
    fn revised_in_comment(&mut self, line: usize, action: &mut Action) {
        let texts = action
            .updates
            .iter()
            .map(|u| u.text.clone())
            .chain(action.extra.values().cloned());
        for text in texts {
            let Some(phrase) = regions::revised_date(&text) else {
                continue;
            };
            let t = timeframe::parse(phrase, self.opts.plan_date, &self.opts.settings);
            let Some(due) = t.due_latest else { continue };
            let old = action.timeframe.clone().expect("checked by the caller");
            if old.due_latest == Some(due) {
                continue;
            }
            let mut now = t;
            now.revised_from = old.due_latest;
            if action.original_due.is_none() {
                action.original_due = Some(old);
            }
            action.timeframe = Some(Arc::new(now));
            self.revised += 1;
            let quoted: String = text.chars().take(120).collect();
            self.diagnostics.push(
                Diagnostic::new(
                    "revised_in_comment",
                    Severity::Info,
                    format!("a comment gives a revised date ({phrase:?}): the due column's date was kept as the original, the revised one is current. The comment: {quoted:?}"),
                )
                .at(Place::row(line)),
            );
            break;
        }
    }

    fn flush(&mut self) {
        if let Some(mut rec) = self.current.take() {
            rec.actions = self.actions.drain(..).collect();
            self.plan.recommendations.push(rec);
        }
    }

    fn finish(mut self) -> Result<Imported> {
        self.resolve_pending(false);
        self.flush();
        if self.plan.recommendations.is_empty() {
            return Err(Error::new(ErrorKind::NoRows {
                header_row: self.layout.header_row,
            }));
        }
        // Generated keys for groups with none.
        for (i, rec) in self.plan.recommendations.iter_mut().enumerate() {
            if rec.key.trim().is_empty() {
                rec.key = Text::from((i + 1).to_string());
            }
        }
        // Refs were generated and status words read as each action was built (`data_row`).
        let (from_rag, from_date) = (self.from_rag, self.from_date);
        let header_row = self.layout.header_row;
        if from_rag > 0 {
            let rag_col = self
                .layout
                .index
                .get(Role::Rag)
                .expect("RAG words came from it");
            let col = self.layout.columns[rag_col].header.clone();
            self.diagnostics.push(Diagnostic::new(
                "status_from_rag",
                Severity::Info,
                format!("the plan has no status column: the status of {from_rag} action(s) was read from the status words in {col:?}"),
            ).at(Place { row: Some(header_row), column: Some(col), ..Place::default() }));
        }
        if from_date > 0 {
            self.diagnostics.push(Diagnostic::new(
                "status_from_date",
                Severity::Info,
                format!("{from_date} action(s) have a status word (such as \"Completed\") in the date column: read as their status"),
            ).at(Place::row(header_row)));
        }
        if !self.filled_owner.is_empty() {
            let rows = &self.filled_owner;
            self.diagnostics.push(
                Diagnostic::new(
                    "owner_filled_down",
                    Severity::Info,
                    format!(
                        "{} action(s) had a blank owner cell under a filled one (merged cells): the owner above was carried down (rows {}{})",
                        rows.len(),
                        rows.iter().take(8).map(|r| r.to_string()).collect::<Vec<_>>().join(", "),
                        if rows.len() > 8 { ", …" } else { "" }
                    ),
                )
                .at(Place::row(rows[0])),
            );
        }
        if !self.junk_rows.is_empty() {
            self.junk_rows.dedup();
            let rows = &self.junk_rows;
            self.diagnostics.push(
                Diagnostic::new(
                    "control_characters",
                    Severity::Warning,
                    format!(
                        "{} row(s) hold control characters (binary data inside the text): each was replaced by the replacement character � (rows {}{})",
                        rows.len(),
                        rows.iter().take(10).map(|r| r.to_string()).collect::<Vec<_>>().join(", "),
                        if rows.len() > 10 { ", …" } else { "" }
                    ),
                )
                .at(Place::row(rows[0]))
                .hint("the file may be damaged, or saved from another program; check those rows"),
            );
        }
        if !self.repeated_headers.is_empty() {
            let rows = &self.repeated_headers;
            self.diagnostics.push(
                Diagnostic::new(
                    "repeated_header",
                    Severity::Info,
                    format!(
                        "{} repeated header row(s) were skipped (rows {})",
                        rows.len(),
                        rows.iter()
                            .map(|r| r.to_string())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )
                .at(Place::row(rows[0])),
            );
        }
        if !self.parallel_mismatch.is_empty() {
            let rows = &self.parallel_mismatch;
            self.diagnostics.push(
                Diagnostic::new(
                    "parallel_lists",
                    Severity::Info,
                    format!(
                        "{} row(s) list several items in one cell beside lists of another length: cells whose lines do not line up with the actions were kept whole (rows {})",
                        rows.len(),
                        rows.iter().take(10).map(|r| r.to_string()).collect::<Vec<_>>().join(", ")
                    ),
                )
                .at(Place::row(rows[0]))
                .hint("check which owner and date go with which action in those rows"),
            );
        }
        self.plan.columns = self.layout.columns;
        self.plan.import_diagnostics = self.diagnostics.clone();
        Ok(Imported {
            plan: self.plan,
            diagnostics: self.diagnostics,
            layout: self.report,
        })
    }
}

impl Layout {
    fn header_row_len(&self) -> usize {
        self.header.len()
            - self
                .header
                .iter()
                .rev()
                .take_while(|h| h.is_empty())
                .count()
    }
}

/// What a status cell says.
#[derive(Clone)]
enum StatusCell {
    /// A lifecycle status.
    Status(Status),
    /// A RAG word, with the lifecycle the cell gives as well, if any.
    Rag(Text, Option<Status>),
}

/// Read a status cell: lifecycle words to the status, RAG words to the RAG, both when the
/// cell holds both ("Green - on schedule"); under a "Completed" header a date or an account
/// of what was done means done.
fn read_status(cell: &Text, completed_header: bool, opts: &ImportOptions) -> StatusCell {
    if let Some(s) = Status::parse(cell) {
        return StatusCell::Status(s);
    }
    if roles::is_rag(cell) {
        return StatusCell::Rag(cell.clone(), None);
    }
    // "Green - in progress", "Amber: delayed".
    let first = cell
        .split(['-', '–', ':', '/', '(', ',', '\n'])
        .next()
        .unwrap_or("")
        .trim();
    if !first.is_empty() && first.len() < cell.len() && roles::is_rag(first) {
        let rest = cell[first.len()..].trim_start_matches(|c: char| !c.is_alphanumeric());
        let life = roles::lifecycle_word(rest);
        return StatusCell::Rag(
            cell.slice_of(first).unwrap_or_else(|| Text::from(first)),
            life,
        );
    }
    if let Some(s) = roles::lifecycle_word(cell) {
        return StatusCell::Status(s);
    }
    if completed_header && (roles::is_date(cell, opts) || roles::status_in_text(cell).is_some()) {
        return StatusCell::Status(roles::status_in_text(cell).unwrap_or(Status::Complete));
    }
    if let Some(s) = roles::status_in_text(cell) {
        if cell.split_whitespace().count() <= 30 {
            return StatusCell::Status(s);
        }
    }
    StatusCell::Status(Status::Other(cell.clone()))
}

/// The reading of a phrase, from the cache when it was read before. `shared` makes the key
/// (the cell as a shared `Text`), only when a new phrase is cached.
fn cached(
    cache: &mut FxHashMap<Text, Arc<Timeframe>>,
    text: &str,
    shared: impl FnOnce() -> Text,
    reference: Option<chrono::NaiveDate>,
    settings: &timeframe::Settings,
) -> Arc<Timeframe> {
    if let Some(t) = cache.get(text) {
        return t.clone();
    }
    let t = Arc::new(timeframe::parse(text, reference, settings));
    if cache.len() < 100_000 {
        cache.insert(shared(), t.clone());
    }
    t
}

/// Read "75%", "75", "0.75" (a fraction), "75 %".
fn parse_percent(text: &str) -> Option<f64> {
    let t = text.trim();
    let (num, had_pct) = match t.strip_suffix('%') {
        Some(n) => (n.trim(), true),
        None => (t, false),
    };
    let v = parse_f64(num)?;
    let v = if !had_pct && num.contains('.') && (0.0..=1.0).contains(&v) {
        v * 100.0
    } else {
        v
    };
    (0.0..=100.0).contains(&v).then_some(v)
}

/// `str::parse::<f64>` for finite numbers (`None` for infinities and NaN as well as for what
/// it rejects), read by serde_json's number reader, which the module has anyway, rather than
/// the standard library's (kilobytes of WebAssembly). Both round correctly (serde_json with
/// `float_roundtrip`), so the value is the same to the bit; the forms Rust takes and JSON does
/// not (`+1`, `.5`, `5.`, `007`) are rewritten first. `from_slice`, the reader the rest of
/// the crate uses: `from_str` would be a second copy of it.
fn parse_f64(s: &str) -> Option<f64> {
    let digits = |t: &str| {
        t.bytes()
            .position(|c| !c.is_ascii_digit())
            .unwrap_or(t.len())
    };
    let (minus, rest) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let (int, rest) = rest.split_at(digits(rest));
    let (frac, rest) = match rest.strip_prefix('.') {
        Some(r) => r.split_at(digits(r)),
        None => ("", rest),
    };
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    let exp = match rest.as_bytes().first() {
        None => "",
        Some(b'e' | b'E') => {
            let e = &rest[1..];
            let n = e.strip_prefix(['+', '-']).unwrap_or(e);
            if n.is_empty() || digits(n) != n.len() {
                return None;
            }
            e
        }
        Some(_) => return None,
    };
    let mut json = String::with_capacity(s.len() + 3);
    if minus {
        json.push('-');
    }
    match int.trim_start_matches('0') {
        "" => json.push('0'),
        i => json.push_str(i),
    }
    if !frac.is_empty() {
        json.push('.');
        json.push_str(frac);
    }
    if !exp.is_empty() {
        json.push('e');
        json.push_str(exp);
    }
    serde_json::from_slice::<f64>(json.as_bytes()).ok()
}

/// The items of a cell listed on lines or as bullets, bullet glyphs dropped; a line that
/// opens with "(" continues the one before ("Corporate Manager\n(Human Resources)").
fn list_items(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for l in text.lines() {
        let t = l
            .trim()
            .trim_start_matches(['•', '·', '-', '*', '–', '▪', '◦'])
            .trim();
        if t.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(prev) if t.starts_with('(') => {
                prev.push(' ');
                prev.push_str(t);
            }
            _ => out.push(t.to_string()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `parse_f64` gives what `str::parse::<f64>` gives, to the bit, for finite results.
    #[test]
    fn numbers_read_as_the_standard_library_reads_them() {
        let check = |t: &str| {
            let want = t.parse::<f64>().ok().filter(|v| v.is_finite());
            assert_eq!(
                parse_f64(t).map(f64::to_bits),
                want.map(f64::to_bits),
                "{t:?}"
            );
        };
        let fixed = [
            "0",
            "-0",
            "+0",
            "00",
            "007",
            "-007.50",
            "75",
            "75.0",
            "0.75",
            ".75",
            "75.",
            "-.5",
            "+.5e1",
            "1e2",
            "1E2",
            "1e+2",
            "1e-2",
            "1e007",
            "12.5%",
            "12.5 ",
            " 12.5",
            "1_000",
            "1,5",
            "0x10",
            "",
            ".",
            "-",
            "+",
            "+-1",
            "--1",
            "e5",
            "1e",
            "1e+",
            "1e-",
            "1.2.3",
            "1e5.5",
            "inf",
            "-inf",
            "infinity",
            "NaN",
            "nan",
            "1e400",
            "-1e400",
            "1e-400",
            "0e999999999999",
            "1e-99999999999999",
            "0.1",
            "0.2",
            "0.3",
            "100",
            "99.99999",
            "9007199254740993",
            "9007199254740993.0",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775808",
            "-9223372036854775809",
            "123456789012345678901234567890",
            "2.2250738585072011e-308",
            "2.2250738585072014e-308",
            "4.9e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "0.1000000000000000055511151231257827021181583404541015625",
            "0.10000000000000000555111512312578270211815834045410156250001",
            "٣",
            "１",
        ];
        for t in fixed {
            check(t);
        }
        let long = format!("0.{}1", "0".repeat(800));
        check(&long);
        check(&format!("{}.5", "9".repeat(400)));
        for i in 0..=10_000 {
            check(&i.to_string());
            check(&format!("{}.{:02}", i / 100, i % 100));
            check(&format!("{}", f64::from(i) / 7.0));
        }
        // Random digit strings, points, signs and exponents.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        for _ in 0..100_000 {
            let mut t = String::new();
            match next(4) {
                0 => t.push('-'),
                1 => t.push('+'),
                _ => {}
            }
            let len = next(25);
            let point = next(len + 2);
            for j in 0..len {
                if j == point {
                    t.push('.');
                }
                t.push(char::from(b'0' + next(10) as u8));
            }
            if next(4) == 0 {
                t.push(['e', 'E'][next(2) as usize]);
                match next(3) {
                    0 => t.push('-'),
                    1 => t.push('+'),
                    _ => {}
                }
                t.push_str(&next(400).to_string());
            }
            if next(50) == 0 {
                t.push(['%', ' ', 'x', '.'][next(4) as usize]);
            }
            check(&t);
        }
    }

    /// Percent cells read as before (the standard library's parser).
    #[test]
    fn percent_cells_read_as_before() {
        fn before(text: &str) -> Option<f64> {
            let t = text.trim();
            let (num, had_pct) = match t.strip_suffix('%') {
                Some(n) => (n.trim(), true),
                None => (t, false),
            };
            let v: f64 = num.parse().ok()?;
            if !v.is_finite() {
                return None;
            }
            let v = if !had_pct && num.contains('.') && (0.0..=1.0).contains(&v) {
                v * 100.0
            } else {
                v
            };
            (0.0..=100.0).contains(&v).then_some(v)
        }
        let cells = [
            "75%",
            "75",
            "0.75",
            "75 %",
            " 12.5% ",
            "12.5",
            ".5",
            "1.",
            "1.0",
            "100",
            "100.0001",
            "-0",
            "-0%",
            "0",
            "101%",
            "-5%",
            "50%%",
            "%",
            "",
            "abc",
            "inf",
            "NaN%",
            "1e2",
            "1e1%",
            "+50",
            "050",
            "0.333333333333333333333",
            "66.66666666666666666%",
            "1/2",
        ];
        for c in cells {
            assert_eq!(
                parse_percent(c).map(f64::to_bits),
                before(c).map(f64::to_bits),
                "{c:?}"
            );
        }
    }

    /// A cell longer than a `Text` can hold ends the input with an error naming its row and
    /// column (the limit lowered so as not to allocate 4 GiB).
    #[test]
    fn too_long_cell_is_an_error_with_its_place() {
        let rows = vec![
            SourceRow {
                line: 1,
                cells: vec!["Action".into(), "Owner".into()],
            },
            SourceRow {
                line: 2,
                cells: vec!["Do it".into(), "Me".into()],
            },
            SourceRow {
                line: 3,
                cells: vec!["Do more".into(), "far too long".into()],
            },
            SourceRow {
                line: 4,
                cells: vec!["Later".into(), "Me".into()],
            },
        ];
        let mut chunks = SourceChunks::new(rows.into_iter());
        chunks.buf.max_cell = 8;
        let e = build(chunks, &ImportOptions::new(), "csv").unwrap_err();
        assert_eq!(e.code(), "too_large");
        let text = e.to_string();
        assert!(text.contains("row 3, column 2"), "{text}");
        assert!(text.contains("is 12, the limit is 8"), "{text}");
    }

    /// Where the chunks end changes nothing: a table with a title, merged cells, sections,
    /// a repeated header, ragged and junk rows reads the same one row to a chunk.
    #[test]
    fn chunk_boundaries_change_nothing() {
        let mut csv = String::from(
            "Improvement plan\n\nNo.,Recommendation,Action,Owner,Due,Status,Progress Q4\n",
        );
        for i in 0..300 {
            if i % 50 == 0 {
                csv.push_str(&format!("{}) Section {i}\n", i / 50 + 1));
            }
            if i % 70 == 69 {
                csv.push_str("No.,Recommendation,Action,Owner,Due,Status,Progress Q4\n");
            }
            let rec = if i % 3 == 0 {
                format!("{},Recommendation {i}", i / 3 + 1)
            } else {
                ",".to_string()
            };
            let owner = if i % 4 == 0 { "Head of Finance" } else { "" };
            let junk = if i == 123 { "\u{1}" } else { "" };
            let extra = if i == 77 { ",stray" } else { "" };
            csv.push_str(&format!(
                "{rec},\"Action {i}{junk}\nsecond line\",{owner},Q{} 2025,In progress,Note {i}{extra}\n",
                i % 4 + 1
            ));
        }
        let opts = ImportOptions::new();
        let read = |max_rows: usize| {
            let records =
                super::super::decode::Records::new(csv.as_bytes(), b',').max_rows(max_rows);
            build(records, &opts, "csv").unwrap()
        };
        let whole = read(usize::MAX);
        for n in [1, 2, 39, 40, 41, 100] {
            let split = read(n);
            assert_eq!(split.plan, whole.plan, "{n} rows a chunk");
            assert_eq!(split.diagnostics, whole.diagnostics, "{n} rows a chunk");
        }
        let codes: Vec<&str> = whole.diagnostics.iter().map(|d| d.code.as_str()).collect();
        for code in [
            "header_row",
            "repeated_header",
            "ragged_row",
            "control_characters",
        ] {
            assert!(codes.contains(&code), "{code} missing from {codes:?}");
        }
    }

    #[test]
    fn chunks_keep_rows_apart() {
        let mut buf = RowBuf::with_max_rows(2);
        for (line, cells) in [(1, ["a", " b "]), (2, ["c", ""]), (3, ["d", "e"])] {
            for c in cells {
                buf.push(c);
            }
            buf.end_row(line);
            if buf.full() {
                break;
            }
        }
        let rows: Vec<Row> = buf.freeze().unwrap().into_rows().collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].line, 1);
        assert_eq!(rows[0].cells, ["a", "b"]);
        assert_eq!(rows[1].cells, ["c", ""]);
        assert!(buf.freeze().is_none());
    }
}

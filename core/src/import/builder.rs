//! Stage 1 of the import, rows (cleaned cells in shared chunks), and the driver that runs the
//! stages in order: rows → cards → regions → column roles → records (see [`build`]).

use super::{ImportOptions, Imported, SourceRow};
use crate::diagnostic::{Diagnostic, Place, Severity};
use crate::error::{Error, ErrorKind, Result};
use crate::model::{Column, Plan, Role};
use crate::text::{clean_cell, is_blank, normalise_words, Text};
use crate::timeframe;
use rustc_hash::FxHashMap;
use std::collections::HashMap;

/// One source row inside the importer: its 1-based line and its cells, each a [`Text`] cut
/// from a shared buffer, cleaned (see [`RowBuf::push`]). Only the rows looked through for the
/// header are held like this; the rest are read in place from their [`Chunk`].
pub(crate) struct Row {
    pub(crate) line: usize,
    pub(crate) cells: Vec<Text>,
}

/// Where one row's cells lie in its [`Chunk`].
pub(crate) struct RowSpan {
    pub(super) line: usize,
    pub(super) cells: std::ops::Range<usize>,
    pub(super) junk: usize,
}

/// A batch of source rows whose cleaned cells are slices of one shared string (about
/// [`CHUNK_BYTES`] of text), so a million rows cost a few thousand allocations, not one per
/// row; a [`Text`] is made only for the cells the plan keeps. A chunk that ends the input
/// early (a cell too long to keep) carries the error.
pub(crate) struct Chunk {
    store: Store,
    pub(super) rows: Vec<RowSpan>,
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
    pub(super) fn len(self) -> usize {
        match self {
            Cells::Shared(_, spans) => spans.len(),
            Cells::Each(cells) => cells.len(),
        }
    }

    /// The `i`th cell (empty past the end).
    pub(super) fn str(self, i: usize) -> &'a str {
        match self {
            Cells::Shared(text, spans) => spans
                .get(i)
                .map_or("", |&(s, e)| &text[s as usize..e as usize]),
            Cells::Each(cells) => cells.get(i).map_or("", |c| c.as_str()),
        }
    }

    /// The `i`th cell as a shared [`Text`] (empty past the end).
    pub(super) fn text(self, i: usize) -> Text {
        match self {
            Cells::Shared(text, spans) => spans.get(i).map_or_else(Text::new, |&(s, e)| {
                Text::from_arc(text, s as usize..e as usize)
            }),
            Cells::Each(cells) => cells.get(i).cloned().unwrap_or_default(),
        }
    }

    pub(super) fn iter(self) -> impl Iterator<Item = &'a str> + Clone {
        (0..self.len()).map(move |i| self.str(i))
    }
}

impl Chunk {
    /// The cells of the row at `r`.
    pub(super) fn cells(&self, r: &RowSpan) -> Cells<'_> {
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
    pub(super) rows: Vec<RowSpan>,
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
pub(super) fn is_group_role(role: Role) -> bool {
    matches!(
        role,
        Role::RecommendationRef | Role::Recommendation | Role::Definition | Role::Theme
    )
}

use super::inspect::{Inspection, SectionRow, TableReading};
use super::records::{State, UpdateColumn};
use super::regions::Found;
use super::roles::{is_unique_role, ColumnReading};
use super::{regions, roles};

pub(super) struct Layout {
    pub(super) header_row: usize,
    pub(super) header: Vec<String>,
    /// Length in bytes of each header cell as written (for a cheap repeated-header check).
    pub(super) header_len: Vec<usize>,
    pub(super) columns: Vec<Column>,
    /// Each column's header as a shared [`Text`] (the key of its extra cells and updates).
    pub(super) keys: Vec<Text>,
    /// index of each unique role's column
    pub(super) index: RoleIndex,
    /// A comment column that reports the status in prose (no status column).
    pub(super) status_prose: Option<usize>,
    /// The status column is headed "Completed" (a date in it means done).
    pub(super) status_completed: bool,
    /// A column of the dates points were raised: the reference for yearless phrases.
    pub(super) reference_col: Option<usize>,
}

/// The column of each unique role (a small array, not a hash map: it is read for every
/// cell).
#[derive(Default)]
pub(super) struct RoleIndex([Option<usize>; Role::ALL.len()]);

impl RoleIndex {
    pub(super) fn get(&self, role: Role) -> Option<usize> {
        self.0[role as usize]
    }
    pub(super) fn insert(&mut self, role: Role, i: usize) {
        self.0[role as usize] = Some(i);
    }
    pub(super) fn contains(&self, role: Role) -> bool {
        self.get(role).is_some()
    }
}

impl Layout {
    /// A unique role's cell, as a shared [`Text`] (empty when the table has no such column).
    pub(super) fn text(&self, cells: Cells<'_>, role: Role) -> Text {
        self.index
            .get(role)
            .map_or_else(Text::new, |i| cells.text(i))
    }

    /// A unique role's cell, read in place.
    pub(super) fn get<'a>(&self, cells: Cells<'a>, role: Role) -> &'a str {
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
    let found = regions::find_header(&head, opts);
    // A file that is only a table of performance indicators: read with no actions.
    let measures_only = super::measures::only_measures(&head, found.as_ref().ok().copied(), opts)
        .filter(|_| report.layout != "cards");
    let found = match measures_only {
        Some(m) => Found::Header(m),
        None => found?,
    };
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
    if !roles::could_be_a_plan(&readings) && measures_only.is_none() {
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
    if measures_only.is_none() {
        diagnostics.push(mapping_note(&layout));
    }
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
        measures: Default::default(),
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
    if let Some(m) = measures_only {
        // The actions table pushed above is empty: the file's table is of indicators.
        state.report.tables.pop();
        state.start_other_table(head[m].line, Cells::Each(&head[m].cells), "indicators");
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
pub(super) fn update_columns(layout: &Layout, opts: &ImportOptions) -> Vec<Option<UpdateColumn>> {
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
pub(super) fn make_layout(
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

pub(super) fn mapping_note(layout: &Layout) -> Diagnostic {
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

#[cfg(test)]
mod tests {
    use super::*;

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

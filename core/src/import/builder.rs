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

    fn iter(self) -> impl Iterator<Item = &'a str> {
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

/// Roles of which a table has at most one column.
fn is_unique_role(role: Role) -> bool {
    !matches!(role, Role::Update | Role::Extra)
}

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

/// Build a plan from chunks of rows.
pub(crate) fn build<I: Iterator<Item = Chunk>>(
    chunks: I,
    opts: &ImportOptions,
    format: &str,
) -> Result<Imported> {
    let mut chunks = chunks;
    let mut diagnostics = Vec::new();

    // 1. Look ahead for the header. The rows of the chunk that holds the last of them are
    // read in place below.
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
    let header_at = find_header(&head, opts)?;
    let header_line = head[header_at].line;
    let layout = make_layout(&head[header_at].cells, header_line, opts, &mut diagnostics)?;

    let mut plan = Plan::default();
    plan.meta.source_format = Some(format.to_string());
    plan.meta.plan_date = opts.plan_date;
    plan.meta.organisation = opts.organisation.clone();
    plan.meta.title = opts.title.clone().or_else(|| {
        head[..header_at]
            .iter()
            .flat_map(|r| r.cells.iter())
            .find(|c| !is_blank(c))
            .map(|c| c.to_string())
    });
    if header_at > 0 {
        diagnostics.push(
            Diagnostic::new(
                "header_row",
                Severity::Info,
                format!(
                    "the header is on row {header_line}; {} row(s) above it were read as the title",
                    header_at
                ),
            )
            .at(Place::row(header_line)),
        );
    }
    diagnostics.push(mapping_note(&layout));

    // Update columns: the period their headers name (made once per column, shared by every
    // update read from it).
    let mut update_periods: Vec<Option<UpdateColumn>> = Vec::new();
    for c in layout.columns.iter() {
        update_periods.push((c.role == Role::Update).then(|| UpdateColumn {
            period: c.period.as_deref().map(Text::from),
            as_of: period_date(c.period.as_deref(), opts),
        }));
    }
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
    };
    for row in head.iter().skip(header_at + 1) {
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

fn find_header(head: &[Row], opts: &ImportOptions) -> Result<usize> {
    if !opts.columns.is_empty() {
        // The first row holding every explicitly mapped header.
        let wanted: Vec<String> = opts
            .columns
            .iter()
            .map(|(h, _)| normalise_words(h))
            .collect();
        for (i, r) in head.iter().enumerate() {
            let have: Vec<String> = r.cells.iter().map(|c| normalise_words(c)).collect();
            if wanted.iter().all(|w| have.contains(w)) {
                return Ok(i);
            }
        }
        let missing = opts
            .columns
            .iter()
            .find(|(h, _)| {
                let w = normalise_words(h);
                !head
                    .iter()
                    .any(|r| r.cells.iter().any(|c| normalise_words(c) == w))
            })
            .map(|(h, _)| h.clone())
            .unwrap_or_default();
        return Err(Error::new(ErrorKind::UnknownColumn {
            column: missing,
            header_row: head.first().map(|r| r.line).unwrap_or(1),
        }));
    }
    best_header(head, opts).map(|(i, _)| i).ok_or_else(|| {
        Error::new(ErrorKind::NoHeader {
            rows_scanned: head.len(),
        })
    })
}

/// The header row among `head` and how many known fields it names: the row naming the most
/// (at least two, one of them the action or the recommendation), preferring one that starts a
/// table (see [`starts_table`]) to one with nothing below it. Unknown columns don't count
/// against it: trackers carry columns of their own. Rows of long text are data, not headers.
///
/// Once a header has data rows under it, a later row does not take over however many fields
/// it names: the rows between would be read as the title and lost, and a data row whose cells
/// happen to be column names ("Action description", "In progress RAG") is still a data row.
pub(crate) fn best_header(head: &[Row], opts: &ImportOptions) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    let mut best_key = (false, 0);
    for (i, r) in head.iter().enumerate() {
        let Some(n) = header_fields(r, opts) else {
            continue;
        };
        if let Some((b, bn)) = best {
            if best_key.0 && head[b + 1..i].iter().any(|r| is_data_under(r, bn, opts)) {
                break;
            }
        }
        let key = (starts_table(head, i, n, opts), n);
        if best.is_none() || key > best_key {
            best = Some((i, n));
            best_key = key;
        }
    }
    best
}

/// Whether `r` reads as a data row under a header naming `n` known fields: two or more cells,
/// and not naming as many known fields as the header (a repeat of it).
fn is_data_under(r: &Row, n: usize, opts: &ImportOptions) -> bool {
    r.cells.iter().filter(|c| !is_blank(c)).count() >= 2
        && header_fields(r, opts).is_none_or(|m| m < n)
}

/// The most cells of one row classified against the column aliases when it is tried as a
/// header: a header names tens of columns, and classifying each of a million cells (a hostile
/// row) for every header candidate took minutes.
const MAX_HEADER_CELLS: usize = 1_000;

/// How many known fields a row names if it could be a header: at least two, one of them the
/// action or the recommendation, and not mostly long text. Only the first
/// [`MAX_HEADER_CELLS`] filled cells are classified.
fn header_fields(r: &Row, opts: &ImportOptions) -> Option<usize> {
    let mut roles = Vec::new();
    let mut nonempty = 0;
    let mut long = 0;
    for c in &r.cells {
        if is_blank(c) {
            continue;
        }
        nonempty += 1;
        if c.chars().count() > 80 {
            long += 1;
            continue;
        }
        if nonempty > MAX_HEADER_CELLS {
            continue;
        }
        if let Some(role) = opts.aliases.classify(c) {
            if !roles.contains(&role) {
                roles.push(role);
            }
        }
    }
    let has_core = roles
        .iter()
        .any(|r| matches!(r, Role::Action | Role::Recommendation));
    let n = roles.len();
    (n >= 2 && has_core && long * 2 < nonempty).then_some(n)
}

/// Whether the row at `i`, a header naming `n` known fields, starts a table: a data row (two or
/// more cells, not naming as many known fields as the header: not a repeat of it) follows it
/// among `rows`, or it is the last row of a full scan (what follows is unknown). A row that
/// looks like a header with no data below it (a data row that names columns, a table pasted
/// into a cell) is weaker evidence than a header with data under it.
pub(crate) fn starts_table(rows: &[Row], i: usize, n: usize, opts: &ImportOptions) -> bool {
    let below = &rows[i + 1..];
    (below.is_empty() && rows.len() >= HEADER_SCAN)
        || below.iter().any(|r| is_data_under(r, n, opts))
}

fn make_layout(
    header: &[Text],
    header_row: usize,
    opts: &ImportOptions,
    _diagnostics: &mut [Diagnostic],
) -> Result<Layout> {
    let mut scored: Vec<(Role, u8)> = header
        .iter()
        .map(|h| {
            let explicit = opts
                .columns
                .iter()
                .find(|(name, _)| normalise_words(name) == normalise_words(h));
            match explicit {
                Some((_, role)) => (*role, 200),
                None if is_blank(h) => (Role::Extra, 0),
                None => opts.aliases.score(h).unwrap_or((Role::Extra, 0)),
            }
        })
        .collect();
    // A unique role claimed twice goes to the most specific header; the others are kept as
    // extra columns.
    for role in Role::ALL.into_iter().filter(|r| is_unique_role(*r)) {
        let claim: Vec<usize> = (0..scored.len()).filter(|&i| scored[i].0 == role).collect();
        if claim.len() > 1 {
            let keep = *claim
                .iter()
                .max_by_key(|&&i| (scored[i].1, std::cmp::Reverse(i)))
                .expect("non-empty");
            for &i in &claim {
                if i != keep {
                    scored[i] = (Role::Extra, 0);
                }
            }
        }
    }
    // A bare "No."/"Number" column is the recommendation's number only when there is a
    // recommendation column; otherwise it numbers the actions.
    let has_rec = scored.iter().any(|s| s.0 == Role::Recommendation);
    let has_ref = scored.iter().any(|s| s.0 == Role::Ref);
    for s in scored.iter_mut() {
        if s.0 == Role::RecommendationRef && s.1 <= 2 && !has_rec {
            *s = if has_ref {
                (Role::Extra, 0)
            } else {
                (Role::Ref, 2)
            };
        }
    }
    // No action column: the recommendation column (or the best remaining text column) holds
    // the actions.
    if !scored.iter().any(|s| s.0 == Role::Action) {
        if let Some(s) = scored.iter_mut().find(|s| s.0 == Role::Recommendation) {
            *s = (Role::Action, 1);
        }
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut columns = Vec::with_capacity(header.len());
    let mut index = RoleIndex::default();
    for (i, (h, (role, _))) in header.iter().zip(scored.iter()).enumerate() {
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
        let period = if *role == Role::Update {
            header_period(h)
        } else {
            None
        };
        if is_unique_role(*role) {
            index.insert(*role, i);
        }
        columns.push(Column {
            header: name,
            role: *role,
            period,
        });
    }
    Ok(Layout {
        keys: columns.iter().map(|c| Text::from(&c.header)).collect(),
        header_row,
        header: header.iter().map(|h| normalise_words(h)).collect(),
        header_len: header.iter().map(|h| h.len()).collect(),
        columns,
        index,
    })
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
    .at(Place::row(layout.header_row))
    .hint("give an explicit column mapping if a column was read as the wrong field")
}

struct State<'a> {
    layout: Layout,
    opts: &'a ImportOptions,
    plan: Plan,
    diagnostics: Vec<Diagnostic>,
    /// Timeframe phrases read so far: every action that wrote a phrase shares its reading.
    cache: FxHashMap<Text, Arc<Timeframe>>,
    status_cache: FxHashMap<Text, Status>,
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
}

/// What every update read from one column shares.
struct UpdateColumn {
    period: Option<Text>,
    as_of: Option<chrono::NaiveDate>,
}

/// Does a lone cell read like a section heading ("2) Business Planning Recommendations",
/// "Additional comments and actionable activities")?
fn looks_like_heading(text: &str) -> bool {
    let t = text.trim();
    let words = normalise_words(t);
    let n_words = words.split(' ').count();
    if t.chars().count() > 150 || n_words > 20 || t.contains('\n') {
        return false;
    }
    let numbered = {
        let mut chars = t.chars();
        let mut saw_digit = false;
        let mut numbered = false;
        for c in chars.by_ref() {
            if c.is_ascii_digit() || (saw_digit && c == '.') {
                saw_digit = true;
                continue;
            }
            numbered = saw_digit && c == ')';
            break;
        }
        numbered
    };
    let named = words.split(' ').any(|w| {
        matches!(
            w,
            "recommendations" | "section" | "theme" | "part" | "additional" | "workstream"
        )
    });
    numbered || named
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
        // Repeated header (page breaks). Cheap check first: the cells must be about as long
        // as the header's.
        let plausible = cells
            .iter()
            .zip(self.layout.header_len.iter())
            .all(|(c, &n)| c.len() <= n + 8);
        let same = if !plausible {
            0
        } else {
            cells
                .iter()
                .zip(self.layout.header.iter())
                .filter(|(c, h)| !h.is_empty() && normalise_words(c) == **h)
                .count()
        };
        let header_cells = self.layout.header.iter().filter(|h| !h.is_empty()).count();
        if same >= 2 && same * 2 >= header_cells {
            self.repeated_headers.push(line);
            return;
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
        let mut filled = (0..cells.len()).filter(|&i| !is_blank(cells.str(i)));
        let first = filled.next();
        if let (Some(i), None) = (first, filled.next()) {
            let role = self
                .layout
                .columns
                .get(i)
                .map(|c| c.role)
                .unwrap_or(Role::Extra);
            let text = cells.str(i);
            let short = text.chars().count() <= 150 && !text.contains('\n');
            let section = match role {
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
                Role::Recommendation => looks_like_heading(text),
                // A lone cell in a ref, theme or unknown column: a heading when it is short
                // and stands first in the row.
                _ => short && (i == 0 || looks_like_heading(text)),
            };
            if section {
                self.flush();
                self.theme = Some(cells.text(i));
                self.section_pending = true;
                return;
            }
        }
        self.data_row(line, cells);
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
        let reference = self.opts.plan_date;
        let settings = &self.opts.settings;
        let tf = l.get(cells, Role::Timeframe);
        if !tf.is_empty() {
            let tf_text = || l.text(cells, Role::Timeframe);
            action.timeframe = Some(cached(&mut self.cache, tf, tf_text, reference, settings));
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
                    let s = Status::parse(&status).unwrap_or_else(|| Status::Other(status.clone()));
                    if self.status_cache.len() < 1000 {
                        self.status_cache.insert(status.clone(), s.clone());
                    }
                    s
                }
            };
            action.status = Some(read);
            action.status_text = Some(status);
        }
        let rag = l.text(cells, Role::Rag);
        if !rag.is_empty() {
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
                    self.actions.push(action);
                    return;
                }
            }
            if let Some(t) = &action.timeframe {
                if t.kind == timeframe::Kind::Status {
                    if let Some(s) = Status::parse(&t.text) {
                        action.status = Some(s);
                        self.from_date += 1;
                    }
                }
            }
        }
        self.actions.push(action);
    }

    fn flush(&mut self) {
        if let Some(mut rec) = self.current.take() {
            rec.actions = self.actions.drain(..).collect();
            self.plan.recommendations.push(rec);
        }
    }

    fn finish(mut self) -> Result<Imported> {
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
        self.plan.columns = self.layout.columns;
        self.plan.import_diagnostics = self.diagnostics.clone();
        Ok(Imported {
            plan: self.plan,
            diagnostics: self.diagnostics,
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

//! Stage 4 of the import, records: each row below the header becomes an action (or a section
//! heading, a skipped row, the header of another table), streamed chunk by chunk.
//!
//! Merged cells are carried down; a section row starts a group; parallel lists in one row
//! become several actions; a ref written at the head of the text is split off; RAG words in a
//! status column go to the RAG and lifecycle words to the status; a status reported in prose
//! is read; a revised date in a comment becomes the current date with the column's date kept
//! as the original. The diagnostics and the [`Inspection`] are finished here.

use super::builder::{
    is_group_role, make_layout, mapping_note, update_columns, Cells, Chunk, Layout,
};
use super::inspect::{Inspection, SectionRow, SkippedRow, TableReading};
use super::{regions, roles, ImportOptions, Imported};
use crate::diagnostic::{Diagnostic, Place, Severity};
use crate::error::{Error, ErrorKind, Result};
use crate::model::{Action, Column, Plan, ProgressUpdate, Recommendation, Role, Status};
use crate::text::{is_blank, Text};
use crate::timeframe::{self, Timeframe};
use rustc_hash::FxHashMap;
use std::sync::Arc;

pub(super) struct State<'a> {
    pub(super) layout: Layout,
    pub(super) opts: &'a ImportOptions,
    pub(super) plan: Plan,
    pub(super) diagnostics: Vec<Diagnostic>,
    /// Timeframe phrases read so far: every action that wrote a phrase shares its reading.
    pub(super) cache: FxHashMap<Text, Arc<Timeframe>>,
    pub(super) status_cache: FxHashMap<Text, StatusCell>,
    /// Owner cells split so far.
    pub(super) owner_cache: FxHashMap<Text, Vec<Text>>,
    pub(super) update_cols: usize,
    pub(super) current: Option<Recommendation>,
    pub(super) theme: Option<Text>,
    pub(super) section_pending: bool,
    pub(super) last_owner: Option<Text>,
    pub(super) last_lead: Option<Text>,
    pub(super) filled_owner: Vec<usize>,
    pub(super) repeated_headers: Vec<usize>,
    pub(super) junk_rows: Vec<usize>,
    pub(super) update_periods: Vec<Option<UpdateColumn>>,
    pub(super) extra_cols: usize,
    /// Actions whose status was read from the RAG column, or from the date column.
    pub(super) from_rag: usize,
    pub(super) from_date: usize,
    /// The current recommendation's actions, moved into it (at their exact size, in one
    /// allocation) when it is done; the buffer is reused.
    pub(super) actions: Vec<Action>,
    /// How the file is being read (the tables, sections and rows skipped).
    pub(super) report: Inspection,
    /// A lone action cell held back until the next row tells whether it is a heading.
    pub(super) pending: Option<(usize, Vec<Text>)>,
    /// Inside a table kept apart (indicators, glossary, sign-off).
    pub(super) other_table: bool,
    /// Rows at which the user said another table starts.
    pub(super) breaks: Vec<usize>,
    /// Rows whose parallel lists did not line up.
    pub(super) parallel_mismatch: Vec<usize>,
    /// Actions whose current date was read from a comment.
    pub(super) revised: usize,
    /// The rows of tables of performance indicators ([`super::measures`]).
    pub(super) measures: super::measures::Collector,
}

/// What every update read from one column shares.
pub(super) struct UpdateColumn {
    pub(super) period: Option<Text>,
    pub(super) as_of: Option<chrono::NaiveDate>,
}

impl State<'_> {
    /// Read a chunk's rows from the `from`th on.
    pub(super) fn chunk(&mut self, chunk: &Chunk, from: usize) {
        for r in &chunk.rows[from..] {
            for _ in 0..r.junk {
                if self.junk_rows.len() < 1000 {
                    self.junk_rows.push(r.line);
                }
            }
            self.row(r.line, chunk.cells(r));
        }
    }

    pub(super) fn row(&mut self, line: usize, cells: Cells<'_>) {
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
                self.measures.stop();
                self.new_table(line, cells, false);
            } else if let Some(t) = self.report.tables.last_mut() {
                t.rows += 1;
                t.last_row = line;
                self.measures.row(line, cells);
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
        if (2..=16).contains(&filled) {
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
    pub(super) fn start_other_table(&mut self, line: usize, cells: Cells<'_>, kind: &str) {
        self.other_table = true;
        if kind == "indicators" {
            self.measures.start(line, cells);
        } else {
            self.measures.stop();
        }
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
                // Both parts are slices of the cell's text: shared, not copied.
                let d = &action.description;
                let (r, rest) = (
                    d.slice_of(r).unwrap_or_else(|| Text::from(r)),
                    d.slice_of(rest).unwrap_or_else(|| Text::from(rest)),
                );
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

    pub(super) fn finish(mut self) -> Result<Imported> {
        self.resolve_pending(false);
        self.flush();
        if !self.measures.is_empty() {
            let measures = std::mem::take(&mut self.measures);
            self.plan.measures = measures.finish(&mut self.diagnostics);
        }
        if self.plan.recommendations.is_empty() && self.plan.measures.is_empty() {
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
pub(super) enum StatusCell {
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

/// Read "75%", "75", "0.75" (a fraction), "75 %", and "105%" (a percent of target can pass
/// 100; up to 1000).
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
    (0.0..=1000.0).contains(&v).then_some(v)
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
            // Up to 1000: a percent of target can pass 100.
            (0.0..=1000.0).contains(&v).then_some(v)
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
            "105%",
            "1000%",
            "1000.5%",
        ];
        assert_eq!(parse_percent("105%"), Some(105.0));
        assert_eq!(parse_percent("1000.5%"), None);
        for c in cells {
            assert_eq!(
                parse_percent(c).map(f64::to_bits),
                before(c).map(f64::to_bits),
                "{c:?}"
            );
        }
    }
}

//! The action table: one row per action, built as Arrow columns in Rust and handed to
//! pyarrow, polars or pandas through the Arrow PyCapsule interface.
//!
//! This module only lays the plan's fields (and, when given, each action's assessment) out as
//! columns; every value comes from the core.

use crate::arrow::{self, ColumnData, Field, Strings, Table, Validity};
use crate::rating::label_name;
use crate::views::{status_name, PlanData};
use actionplan::rating::{Assessment, RatedAction};
use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyTuple};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

/// Builds a text column.
#[derive(Default)]
pub struct StrCol(Strings);

impl StrCol {
    /// A column with room for `rows` values of `bytes` bytes in all.
    pub fn with_capacity(rows: usize, bytes: usize) -> Self {
        StrCol(Strings::with_capacity(rows, bytes))
    }

    /// Append a value.
    pub fn push(&mut self, s: Option<&str>) {
        self.0.push(s)
    }
    /// Finish as a column.
    pub fn finish(self) -> ColumnData {
        ColumnData::Str(self.0)
    }
}

/// Builds a date column.
#[derive(Default)]
pub struct DateCol {
    days: Vec<i32>,
    validity: Validity,
}

const EPOCH: NaiveDate = match NaiveDate::from_ymd_opt(1970, 1, 1) {
    Some(d) => d,
    None => panic!("1970-01-01 is a date"),
};

impl DateCol {
    /// Append a value.
    pub fn push(&mut self, d: Option<NaiveDate>) {
        self.days.push(
            d.map(|d| d.signed_duration_since(EPOCH).num_days() as i32)
                .unwrap_or(0),
        );
        self.validity.push(d.is_some());
    }
    /// Finish as a column.
    pub fn finish(self) -> ColumnData {
        ColumnData::Date {
            days: self.days,
            validity: self.validity,
        }
    }
}

/// Builds an integer column.
#[derive(Default)]
pub struct IntCol {
    values: Vec<i64>,
    validity: Validity,
}

impl IntCol {
    /// Append a value.
    pub fn push(&mut self, v: Option<i64>) {
        self.values.push(v.unwrap_or(0));
        self.validity.push(v.is_some());
    }
    /// Finish as a column.
    pub fn finish(self) -> ColumnData {
        ColumnData::Int {
            values: self.values,
            validity: self.validity,
        }
    }
}

/// Builds a float column.
#[derive(Default)]
pub struct FloatCol {
    values: Vec<f64>,
    validity: Validity,
}

impl FloatCol {
    /// Append a value.
    pub fn push(&mut self, v: Option<f64>) {
        self.values.push(v.unwrap_or(0.0));
        self.validity.push(v.is_some());
    }
    /// Finish as a column.
    pub fn finish(self) -> ColumnData {
        ColumnData::Float {
            values: self.values,
            validity: self.validity,
        }
    }
}

/// Builds a boolean column.
#[derive(Default)]
pub struct BoolCol(Vec<u8>);

impl BoolCol {
    /// Append a value.
    pub fn push(&mut self, b: bool) {
        self.0.push(b as u8)
    }
    /// Finish as a column.
    pub fn finish(self) -> ColumnData {
        let len = self.0.len();
        ColumnData::Bool { bits: self.0, len }
    }
}

/// Builds a categorical column: fixed categories first (in their order), then any other value
/// in order of first appearance.
pub struct CatCol {
    codes: Vec<i32>,
    validity: Validity,
    lookup: HashMap<String, i32, BuildHasherDefault<FxHasher>>,
    categories: Strings,
    ordered: bool,
    last: Option<(String, i32)>,
}

/// A small fast hasher for category lookups (the Firefox/rustc "Fx" hash): the keys are the
/// plan's own short texts, so denial-of-service resistance is not needed here.
#[derive(Default)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl CatCol {
    /// A categorical column with these categories first.
    pub fn new(fixed: &[&str], ordered: bool) -> Self {
        let mut c = CatCol {
            codes: Vec::new(),
            validity: Validity::default(),
            lookup: HashMap::default(),
            categories: Strings::default(),
            ordered,
            last: None,
        };
        for f in fixed {
            c.code(f);
        }
        c
    }

    /// Room for `rows` values.
    pub fn reserve(&mut self, rows: usize) {
        self.codes.reserve(rows);
    }

    fn code(&mut self, s: &str) -> i32 {
        // Neighbouring rows often repeat a value (a recommendation's actions).
        if let Some((last, c)) = &self.last {
            if last == s {
                return *c;
            }
        }
        let c = self.lookup_or_add(s);
        match &mut self.last {
            Some((last, lc)) => {
                last.clear();
                last.push_str(s);
                *lc = c;
            }
            None => self.last = Some((s.to_string(), c)),
        }
        c
    }

    fn lookup_or_add(&mut self, s: &str) -> i32 {
        if let Some(&c) = self.lookup.get(s) {
            return c;
        }
        let c = self.lookup.len() as i32;
        self.lookup.insert(s.to_string(), c);
        self.categories.push(Some(s));
        c
    }

    /// Append a value.
    pub fn push(&mut self, s: Option<&str>) {
        let code = s.map(|s| self.code(s)).unwrap_or(0);
        self.codes.push(code);
        self.validity.push(s.is_some());
    }

    /// Finish as a column.
    pub fn finish(self) -> ColumnData {
        ColumnData::Cat {
            codes: self.codes,
            validity: self.validity,
            categories: Arc::new(self.categories),
            ordered: self.ordered,
        }
    }
}

/// Builds a list-of-text column.
pub struct ListCol {
    offsets: Vec<i32>,
    values: Strings,
}

impl Default for ListCol {
    fn default() -> Self {
        ListCol {
            offsets: vec![0],
            values: Strings::default(),
        }
    }
}

impl ListCol {
    /// Append a list.
    pub fn push<'a>(&mut self, items: impl IntoIterator<Item = &'a str>) {
        for s in items {
            self.values.push(Some(s));
        }
        self.offsets.push(self.values.len() as i32);
    }
    /// Finish as a column.
    pub fn finish(self) -> ColumnData {
        ColumnData::StrList {
            offsets: self.offsets,
            values: self.values,
        }
    }
}

/// Lifecycle statuses, in order (the names `Action.status` gives).
pub const STATUSES: [&str; 7] = [
    "not_started",
    "in_progress",
    "on_hold",
    "complete",
    "cancelled",
    "superseded",
    "other",
];

/// Timeframe kinds (the names `Timeframe.kind` gives).
pub const KINDS: [&str; 14] = [
    "day",
    "month",
    "month_range",
    "quarter",
    "season",
    "financial_year",
    "calendar_year",
    "part_of_year",
    "open_ended",
    "ongoing",
    "recurring",
    "conditional",
    "status",
    "unreadable",
];

/// The action table of a plan: one row per action.
pub fn action_table(data: &PlanData) -> Table {
    table(data, None)
}

/// The action table with each action's rating, rule, reason and overdue facts.
pub fn rated_table(data: &PlanData, a: &Assessment) -> Table {
    table(data, Some(a))
}

/// Overdue strengths (the names `RatedAction.overdue` gives).
pub const OVERDUE: [&str; 4] = ["definitely", "possibly", "no", "no_deadline"];

fn table(data: &PlanData, assessment: Option<&Assessment>) -> Table {
    let plan = &data.plan;
    let n = data.index.len();
    // Each action's rating, by flat position.
    let mut rated: Vec<Option<&RatedAction>> = vec![None; data.index.len()];
    if let Some(a) = assessment {
        let mut firsts = Vec::with_capacity(plan.recommendations.len());
        let mut at = 0;
        for r in &plan.recommendations {
            firsts.push(at);
            at += r.actions.len();
        }
        for r in &a.actions {
            if let Some(first) = firsts.get(r.recommendation_index) {
                if let Some(slot) = rated.get_mut(first + r.action_index) {
                    *slot = Some(r);
                }
            }
        }
    }
    let label_names: Vec<&str> = assessment
        .map(|a| a.scale.labels.iter().map(|l| l.name.as_str()).collect())
        .unwrap_or_default();
    let mut rating = CatCol::new(&label_names, true);
    let mut rule = CatCol::new(&[], false);
    let reason_bytes = rated
        .iter()
        .map(|r| r.map_or(0, |r| r.reason.text.len()))
        .sum();
    let mut reason = StrCol::with_capacity(n, reason_bytes);
    let mut overdue = CatCol::new(&OVERDUE, false);
    let mut days_overdue = IntCol::default();
    let mut days_to_due = IntCol::default();
    let mut closed = BoolCol::default();
    let mut original_due = DateCol::default();
    // Exact buffer sizes first, so no buffer is copied while it grows.
    let len = |s: Option<&actionplan::Text>| s.map_or(0, |t| t.len());
    let mut sizes = [0usize; 9];
    for (r, a) in plan.actions() {
        sizes[0] += r.title.len();
        sizes[1] += a.action_ref.len();
        sizes[2] += a.description.len();
        sizes[3] += len(a.owner.as_ref());
        sizes[4] += len(a.lead_member.as_ref());
        sizes[5] += a.timeframe.as_ref().map_or(0, |t| t.text.len());
        sizes[6] += len(a.status_text.as_ref());
        sizes[7] += len(a.rag.as_ref());
        sizes[8] += a.latest_update().map_or(0, |u| u.text.len());
    }
    let mut rec_key = CatCol::new(&[], false);
    let mut rec_title = StrCol::with_capacity(n, sizes[0]);
    let mut theme = CatCol::new(&[], false);
    let mut aref = StrCol::with_capacity(n, sizes[1]);
    let mut description = StrCol::with_capacity(n, sizes[2]);
    let mut owner = StrCol::with_capacity(n, sizes[3]);
    let mut owners = ListCol::default();
    let mut lead = StrCol::with_capacity(n, sizes[4]);
    let mut timeframe = StrCol::with_capacity(n, sizes[5]);
    let mut kind = CatCol::new(&KINDS, false);
    let mut start = DateCol::default();
    let mut due_earliest = DateCol::default();
    let mut due = DateCol::default();
    let mut ongoing = BoolCol::default();
    let mut recurring = BoolCol::default();
    let mut conditional = BoolCol::default();
    let mut status = CatCol::new(&STATUSES, false);
    let mut status_text = StrCol::with_capacity(n, sizes[6]);
    let mut rag = StrCol::with_capacity(n, sizes[7]);
    let mut percent = FloatCol::default();
    let mut latest = StrCol::with_capacity(n, sizes[8]);
    for c in [&mut rec_key, &mut theme, &mut kind, &mut status] {
        c.reserve(n);
    }
    let mut row = IntCol::default();
    for (r, a) in plan.actions() {
        rec_key.push(Some(&r.key));
        rec_title.push(Some(&r.title));
        theme.push(r.theme.as_deref());
        aref.push(Some(&a.action_ref));
        description.push(Some(&a.description));
        owner.push(a.owner.as_deref());
        owners.push(a.owners.iter().map(|o| o.as_str()));
        lead.push(a.lead_member.as_deref());
        let t = a.timeframe.as_ref();
        timeframe.push(t.map(|t| t.text.as_str()));
        kind.push(t.map(|t| t.kind.as_str()));
        start.push(t.and_then(|t| t.start));
        due_earliest.push(t.and_then(|t| t.due_earliest));
        due.push(t.and_then(|t| t.due_latest));
        ongoing.push(t.is_some_and(|t| t.ongoing));
        recurring.push(t.is_some_and(|t| t.recurrence.is_some()));
        conditional.push(t.is_some_and(|t| t.conditional));
        status.push(a.status.as_ref().map(status_name));
        status_text.push(a.status_text.as_deref());
        rag.push(a.rag.as_deref());
        percent.push(a.percent_complete);
        latest.push(a.latest_update().map(|u| u.text.as_str()));
        row.push(a.row.map(|r| r as i64));
        if let Some(asm) = assessment {
            let r = rated[rec_key.codes.len() - 1];
            rating.push(
                r.and_then(|r| r.rating.as_deref())
                    .map(|id| label_name(asm, Some(id))),
            );
            rule.push(r.and_then(|r| r.reason.rule.as_deref()));
            reason.push(r.map(|r| r.reason.text.as_str()));
            let f = r.map(|r| &r.facts);
            overdue.push(f.map(|f| f.overdue.as_str()));
            days_overdue.push(f.and_then(|f| f.days_overdue).map(i64::from));
            days_to_due.push(f.and_then(|f| f.days_to_due).map(i64::from));
            closed.push(f.is_some_and(|f| f.closed));
            original_due.push(f.and_then(|f| f.original_due));
        }
    }
    let mut fields = vec![
        ("recommendation", rec_key.finish()),
        ("recommendation_title", rec_title.finish()),
        ("theme", theme.finish()),
        ("ref", aref.finish()),
        ("description", description.finish()),
        ("owner", owner.finish()),
        ("owners", owners.finish()),
        ("lead_member", lead.finish()),
        ("timeframe", timeframe.finish()),
        ("timeframe_kind", kind.finish()),
        ("start", start.finish()),
        ("due_earliest", due_earliest.finish()),
        ("due", due.finish()),
        ("ongoing", ongoing.finish()),
        ("recurring", recurring.finish()),
        ("conditional", conditional.finish()),
        ("status", status.finish()),
        ("status_text", status_text.finish()),
        ("rag", rag.finish()),
        ("percent_complete", percent.finish()),
        ("latest_update", latest.finish()),
        ("row", row.finish()),
    ];
    if assessment.is_some() {
        fields.extend([
            ("rating", rating.finish()),
            ("rule", rule.finish()),
            ("reason", reason.finish()),
            ("overdue", overdue.finish()),
            ("days_overdue", days_overdue.finish()),
            ("days_to_due", days_to_due.finish()),
            ("closed", closed.finish()),
            ("original_due", original_due.finish()),
        ]);
    }
    Table {
        len: data.index.len(),
        fields: fields
            .into_iter()
            .map(|(name, data)| Field {
                name: name.to_string(),
                data,
            })
            .collect(),
    }
}

/// Columns ready for a data frame, exported through the Arrow PyCapsule interface
/// (`pyarrow.table(frame)`, `polars.DataFrame(frame)`). Made by `Plan.to_arrow()` and friends.
#[pyclass(frozen, module = "actionplan")]
pub struct Frame {
    pub(crate) table: Arc<Table>,
}

impl Frame {
    /// Wrap a table.
    pub fn new(table: Table) -> Self {
        Frame {
            table: Arc::new(table),
        }
    }
}

fn schema_capsule<'py>(py: Python<'py>, t: &Table) -> PyResult<Bound<'py, PyCapsule>> {
    PyCapsule::new_with_value_and_destructor(py, arrow::table_schema(t), c"arrow_schema", |s, _| {
        arrow::drop_schema(s)
    })
}

#[pymethods]
impl Frame {
    /// Number of rows.
    fn __len__(&self) -> usize {
        self.table.len
    }

    /// Column names, in order.
    #[getter]
    fn columns(&self) -> Vec<String> {
        self.table.fields.iter().map(|f| f.name.clone()).collect()
    }

    /// Arrow PyCapsule interface: the schema.
    fn __arrow_c_schema__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyCapsule>> {
        schema_capsule(py, &self.table)
    }

    /// Arrow PyCapsule interface: the table as one struct array (a record batch). A requested
    /// schema is ignored (the consumer casts if it needs to).
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_array__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let _ = requested_schema;
        let schema = schema_capsule(py, &self.table)?;
        let array = PyCapsule::new_with_value_and_destructor(
            py,
            arrow::table_array(&self.table),
            c"arrow_array",
            |a, _| arrow::drop_array(a),
        )?;
        PyTuple::new(py, [schema.into_any(), array.into_any()])
    }

    /// Arrow PyCapsule interface: a stream of one batch.
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        PyCapsule::new_with_value_and_destructor(
            py,
            arrow::table_stream(&self.table),
            c"arrow_array_stream",
            |s, _| arrow::drop_stream(s),
        )
    }

    fn __repr__(&self) -> String {
        format!(
            "<Frame: {} rows × {} columns>",
            self.table.len,
            self.table.fields.len()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_keep_fixed_order_then_first_seen() {
        let mut c = CatCol::new(&["b", "a"], true);
        for v in [Some("a"), Some("z"), None, Some("a"), Some("b"), Some("z")] {
            c.push(v);
        }
        match c.finish() {
            ColumnData::Cat {
                codes,
                validity,
                categories,
                ordered,
            } => {
                assert!(ordered);
                assert_eq!(
                    (0..categories.len())
                        .map(|i| categories.get(i).unwrap())
                        .collect::<Vec<_>>(),
                    ["b", "a", "z"]
                );
                assert_eq!(codes[0], 1);
                assert_eq!(codes[1], 2);
                assert!(!validity.get(2));
                assert_eq!(&codes[3..], [1, 0, 2]);
            }
            other => panic!("not a category column: {other:?}"),
        }
    }

    #[test]
    fn dates_count_days_from_1970() {
        let mut d = DateCol::default();
        d.push(NaiveDate::from_ymd_opt(1970, 1, 2));
        d.push(None);
        match d.finish() {
            ColumnData::Date { days, validity } => {
                assert_eq!(days[0], 1);
                assert!(!validity.get(1));
            }
            other => panic!("not a date column: {other:?}"),
        }
    }

    #[test]
    fn the_action_table_has_a_row_per_action() {
        let imported = actionplan::import::ImportOptions::new()
            .read_bytes(
                b"Recommendation,Action,Owner,Due\nR1,A1,Jo / Al,May 2025\n,A2,,June 2025\n",
            )
            .unwrap();
        let data = PlanData::new(imported.plan);
        let t = action_table(&data);
        assert_eq!(t.len, 2);
        assert!(t.fields.iter().any(|f| f.name == "due"));
    }
}

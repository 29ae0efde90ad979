//! The action table: one row per action, built as Arrow columns in Rust and handed to
//! pyarrow, polars or pandas through the Arrow PyCapsule interface.
//!
//! This module only lays the plan's fields (and, when given, each action's assessment) out as
//! columns; every value comes from the core.

use crate::arrow::{self, Categories};
use crate::views::{status_name, PlanData};
use actionplan::rating::{Assessment, RatedAction};
use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Float64Builder, Int64Builder, LargeStringBuilder, ListBuilder,
};
use arrow_array::{ArrayRef, RecordBatch};
use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyTuple};
use std::sync::Arc;

/// A finished column, and whether its categories are ordered.
type Built = (ArrayRef, bool);

/// Builds a text column.
pub struct StrCol(LargeStringBuilder);

impl StrCol {
    /// A column with room for `rows` values of `bytes` bytes in all.
    pub fn with_capacity(rows: usize, bytes: usize) -> Self {
        StrCol(LargeStringBuilder::with_capacity(rows, bytes))
    }

    /// Append a value.
    pub fn push(&mut self, s: Option<&str>) {
        self.0.append_option(s)
    }
    /// Finish as a column.
    pub fn finish(mut self) -> Built {
        (Arc::new(self.0.finish()), false)
    }
}

/// Builds a date column.
pub struct DateCol(Date32Builder);

impl DateCol {
    /// A column with room for `rows` values.
    pub fn with_capacity(rows: usize) -> Self {
        DateCol(Date32Builder::with_capacity(rows))
    }

    /// Append a value.
    pub fn push(&mut self, d: Option<NaiveDate>) {
        self.0.append_option(d.map(arrow::days))
    }
    /// Finish as a column.
    pub fn finish(mut self) -> Built {
        (Arc::new(self.0.finish()), false)
    }
}

/// Builds an integer column.
pub struct IntCol(Int64Builder);

impl IntCol {
    /// A column with room for `rows` values.
    pub fn with_capacity(rows: usize) -> Self {
        IntCol(Int64Builder::with_capacity(rows))
    }

    /// Append a value.
    pub fn push(&mut self, v: Option<i64>) {
        self.0.append_option(v)
    }
    /// Finish as a column.
    pub fn finish(mut self) -> Built {
        (Arc::new(self.0.finish()), false)
    }
}

/// Builds a float column.
pub struct FloatCol(Float64Builder);

impl FloatCol {
    /// A column with room for `rows` values.
    pub fn with_capacity(rows: usize) -> Self {
        FloatCol(Float64Builder::with_capacity(rows))
    }

    /// Append a value.
    pub fn push(&mut self, v: Option<f64>) {
        self.0.append_option(v)
    }
    /// Finish as a column.
    pub fn finish(mut self) -> Built {
        (Arc::new(self.0.finish()), false)
    }
}

/// Builds a boolean column (never missing).
pub struct BoolCol(BooleanBuilder);

impl BoolCol {
    /// A column with room for `rows` values.
    pub fn with_capacity(rows: usize) -> Self {
        BoolCol(BooleanBuilder::with_capacity(rows))
    }

    /// Append a value.
    pub fn push(&mut self, b: bool) {
        self.0.append_value(b)
    }
    /// Finish as a column.
    pub fn finish(mut self) -> Built {
        (Arc::new(self.0.finish()), false)
    }
}

/// Builds a categorical column: fixed categories first (in their order), then any other value
/// in order of first appearance (an Arrow dictionary, a `pandas.Categorical`).
///
/// Every value borrows for `'a` (the plan or assessment being laid out), so the lookup keeps
/// no copies, and a value seen before at the same address (a shared label, a static name, an
/// `Arc<str>`) finds its code without hashing: nothing borrowed can change or be freed while
/// the column holds it.
pub struct CatCol<'a> {
    cats: Categories<'a>,
    last: Option<(&'a str, i32)>,
    /// (address, length, code) of recently seen values, by address.
    recent: [(usize, usize, i32); 16],
}

impl<'a> CatCol<'a> {
    /// A categorical column with these categories first, with room for `rows` values.
    pub fn new(fixed: &[&'a str], ordered: bool, rows: usize) -> Self {
        CatCol {
            cats: Categories::new(fixed, ordered, rows),
            last: None,
            recent: [(0, 0, 0); 16],
        }
    }

    fn code(&mut self, s: &'a str) -> i32 {
        // Neighbouring rows often repeat a value (a recommendation's actions).
        if let Some((last, c)) = self.last {
            if std::ptr::eq(last, s) || last == s {
                return c;
            }
        }
        let (at, len) = (s.as_ptr() as usize, s.len());
        let slot = (at >> 3) & 15;
        let (p, l, c) = self.recent[slot];
        let c = if p == at && l == len {
            c
        } else {
            let c = self.cats.code(s);
            self.recent[slot] = (at, len, c);
            c
        };
        self.last = Some((s, c));
        c
    }

    /// Append a value.
    pub fn push(&mut self, s: Option<&'a str>) {
        let code = s.map(|s| self.code(s));
        self.cats.push_code(code);
    }

    /// Append the same value `count` times (a recommendation's fields, once per action).
    pub fn push_n(&mut self, s: Option<&'a str>, count: usize) {
        let code = s.map(|s| self.code(s));
        self.cats.push_code_n(code, count);
    }

    /// Finish as a column.
    pub fn finish(self) -> Built {
        self.cats.finish()
    }
}

/// Builds a list-of-text column.
pub struct ListCol(ListBuilder<LargeStringBuilder>);

impl ListCol {
    /// A column with room for `rows` lists of `items` strings of `bytes` bytes in all.
    pub fn with_capacity(rows: usize, items: usize, bytes: usize) -> Self {
        ListCol(ListBuilder::with_capacity(
            LargeStringBuilder::with_capacity(items, bytes),
            rows,
        ))
    }

    /// Append a list.
    pub fn push<'a>(&mut self, items: impl IntoIterator<Item = &'a str>) {
        for s in items {
            self.0.values().append_value(s);
        }
        self.0.append(true);
    }
    /// Finish as a column.
    pub fn finish(mut self) -> Built {
        (Arc::new(self.0.finish()), false)
    }
}

/// Lifecycle statuses, in order (the names `Action.status` gives): the core's list.
pub const STATUSES: [&str; 7] = actionplan::Status::NAMES;

/// Timeframe kinds (the names `Timeframe.kind` gives): the core's list.
pub const KINDS: [&str; 14] = actionplan::timeframe::Kind::NAMES;

/// The action table of a plan: one row per action.
pub fn action_table(data: &PlanData) -> RecordBatch {
    table(data, None)
}

/// The action table with each action's rating, rule, reason and overdue facts.
pub fn rated_table(data: &PlanData, a: &Assessment) -> RecordBatch {
    table(data, Some(a))
}

/// Overdue strengths (the names `RatedAction.overdue` gives).
pub const OVERDUE: [&str; 4] = actionplan::timeframe::Overdue::NAMES;

/// Column names in table order (the assessment's last).
const COLUMNS: [&str; 30] = [
    "recommendation",
    "recommendation_title",
    "theme",
    "ref",
    "description",
    "owner",
    "owners",
    "lead_member",
    "timeframe",
    "timeframe_kind",
    "start",
    "due_earliest",
    "due",
    "ongoing",
    "recurring",
    "conditional",
    "status",
    "status_text",
    "rag",
    "percent_complete",
    "latest_update",
    "row",
    "rating",
    "rule",
    "reason",
    "overdue",
    "days_overdue",
    "days_to_due",
    "closed",
    "original_due",
];

/// Plans with at least this many actions are laid out on two threads.
const PARALLEL_ROWS: usize = 50_000;

type Columns = Vec<(&'static str, Built)>;

fn table(data: &PlanData, assessment: Option<&Assessment>) -> RecordBatch {
    build(data, assessment, data.index.len() >= PARALLEL_ROWS)
}

fn build(data: &PlanData, assessment: Option<&Assessment>, parallel: bool) -> RecordBatch {
    let plan = &data.plan;
    let n = data.index.len();
    // Each action's rating, by flat position.
    let mut rated: Vec<Option<&RatedAction>> = vec![None; n];
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
    let rated = &rated[..];
    // The free text and the assessment's columns, and the plan's other columns (codes, dates,
    // numbers), are independent: for a large plan they are built at the same time (about
    // equal halves). The caller has released the GIL.
    let (mut text, mut rest) = if parallel {
        std::thread::scope(|scope| {
            let text = scope.spawn(|| text_columns(data, assessment, rated));
            let rest = other_columns(data);
            (text.join().unwrap_or_default(), rest)
        })
    } else {
        (text_columns(data, assessment, rated), other_columns(data))
    };
    // A panic on the text thread leaves its columns missing: fail as a panic here too, so
    // the guard reports it (never a table with columns missing).
    let expected = if assessment.is_some() { 30 } else { 22 };
    assert_eq!(
        text.len() + rest.len(),
        expected,
        "every column of the action table was built"
    );
    text.append(&mut rest);
    let mut columns = Vec::with_capacity(text.len());
    for name in COLUMNS {
        if let Some(at) = text.iter().position(|(n, _)| *n == name) {
            let (name, (array, ordered)) = text.swap_remove(at);
            columns.push((arrow::field(name, &array, ordered), array));
        }
    }
    arrow::batch(columns, n)
}

/// Actions sampled to size the text buffers.
const SAMPLE: usize = 4096;

/// Room for `rows` values from `sum` over the first `sampled`: the sample's mean plus half
/// again, and 64 KiB.
fn estimate(sum: usize, sampled: usize, rows: usize) -> usize {
    if sampled >= rows {
        return sum;
    }
    (sum / sampled.max(1) + 1) * rows / 2 * 3 + 65_536
}

/// The free-text columns (`ref`, `description`, `owners`, `latest_update`) and the
/// assessment's.
fn text_columns(
    data: &PlanData,
    assessment: Option<&Assessment>,
    rated: &[Option<&RatedAction>],
) -> Columns {
    let plan = &data.plan;
    let n = data.index.len();
    // Buffer sizes from the first actions, with room to spare: a second pass over a large
    // plan to measure them exactly costs more (the model is far bigger than the caches) than
    // the rare growth, and pages reserved but never written cost nothing.
    let (mut ref_bytes, mut desc_bytes, mut latest_bytes) = (0, 0, 0);
    let (mut owner_items, mut owner_bytes) = (0, 0);
    let mut sampled = 0;
    for (_, a) in plan.actions().take(SAMPLE) {
        sampled += 1;
        ref_bytes += a.action_ref.len();
        desc_bytes += a.description.len();
        latest_bytes += a.latest_update().map_or(0, |u| u.text.len());
        owner_items += a.owners.len();
        owner_bytes += a.owners.iter().map(|o| o.len()).sum::<usize>();
    }
    let scale = |bytes: usize| estimate(bytes, sampled, n);
    let (ref_bytes, desc_bytes, latest_bytes) =
        (scale(ref_bytes), scale(desc_bytes), scale(latest_bytes));
    let (owner_items, owner_bytes) = (scale(owner_items), scale(owner_bytes));
    let mut aref = StrCol::with_capacity(n, ref_bytes);
    let mut description = StrCol::with_capacity(n, desc_bytes);
    let mut owners = ListCol::with_capacity(n, owner_items, owner_bytes);
    let mut latest = StrCol::with_capacity(n, latest_bytes);
    for (_, a) in plan.actions() {
        aref.push(Some(&*a.action_ref));
        description.push(Some(&*a.description));
        owners.push(a.owners.iter().map(|o| &**o));
        latest.push(a.latest_update().map(|u| &*u.text));
    }
    let mut out = vec![
        ("ref", aref.finish()),
        ("description", description.finish()),
        ("owners", owners.finish()),
        ("latest_update", latest.finish()),
    ];
    if let Some(asm) = assessment {
        let sample = &rated[..rated.len().min(SAMPLE)];
        let bytes = sample
            .iter()
            .map(|r| r.map_or(0, |r| r.reason.text.len()))
            .sum();
        let bytes = estimate(bytes, sample.len(), n);
        out.extend(assessment_columns(asm, rated, bytes));
    }
    out
}

/// The assessment's columns, one row per action (`None`: the action has no rating entry).
fn assessment_columns<'a>(
    asm: &'a Assessment,
    rated: &[Option<&'a RatedAction>],
    reason_bytes: usize,
) -> Columns {
    let n = rated.len();
    let label_names: Vec<&str> = asm.scale.labels.iter().map(|l| &*l.name).collect();
    let mut rating = cat(&label_names, true, n);
    let mut rule = cat(&[], false, n);
    let mut reason = StrCol::with_capacity(n, reason_bytes);
    let mut overdue = cat(&OVERDUE, false, n);
    let mut days_overdue = IntCol::with_capacity(n);
    let mut days_to_due = IntCol::with_capacity(n);
    let mut closed = BoolCol::with_capacity(n);
    let mut original_due = DateCol::with_capacity(n);
    for &r in rated {
        rating.push(
            r.and_then(|r| r.rating.as_deref())
                .map(|id| asm.scale.name_of(Some(id))),
        );
        rule.push(r.and_then(|r| r.reason.rule.as_deref()));
        reason.push(r.map(|r| &*r.reason.text));
        let f = r.map(|r| &r.facts);
        // A closed action is neither overdue nor due (the core's open_* facts, as in its CSV).
        overdue.push(f.and_then(|f| f.open_overdue()).map(|o| o.as_str()));
        days_overdue.push(f.and_then(|f| f.open_days_overdue()).map(i64::from));
        days_to_due.push(f.and_then(|f| f.open_days_to_due()).map(i64::from));
        closed.push(f.is_some_and(|f| f.closed));
        original_due.push(f.and_then(|f| f.original_due));
    }
    vec![
        ("rating", rating.finish()),
        ("rule", rule.finish()),
        ("reason", reason.finish()),
        ("overdue", overdue.finish()),
        ("days_overdue", days_overdue.finish()),
        ("days_to_due", days_to_due.finish()),
        ("closed", closed.finish()),
        ("original_due", original_due.finish()),
    ]
}

/// The plan's other columns: categoricals (codes), dates, flags and numbers.
fn other_columns(data: &PlanData) -> Columns {
    let plan = &data.plan;
    let n = data.index.len();
    // Repeated values (a recommendation's fields, owners, phrases, statuses as written, RAGs)
    // are categoricals: one copy of each distinct text and a code per row.
    let mut rec_key = cat(&[], false, n);
    let mut rec_title = cat(&[], false, n);
    let mut theme = cat(&[], false, n);
    let mut owner = cat(&[], false, n);
    let mut lead = cat(&[], false, n);
    let mut timeframe = cat(&[], false, n);
    let mut kind = cat(&KINDS, false, n);
    let mut start = DateCol::with_capacity(n);
    let mut due_earliest = DateCol::with_capacity(n);
    let mut due = DateCol::with_capacity(n);
    let mut ongoing = BoolCol::with_capacity(n);
    let mut recurring = BoolCol::with_capacity(n);
    let mut conditional = BoolCol::with_capacity(n);
    let mut status = cat(&STATUSES, false, n);
    let mut status_text = cat(&[], false, n);
    let mut rag = cat(&[], false, n);
    let mut percent = FloatCol::with_capacity(n);
    let mut row = IntCol::with_capacity(n);
    for r in &plan.recommendations {
        let count = r.actions.len();
        if count == 0 {
            // No row: its key, title and theme are no categories.
            continue;
        }
        rec_key.push_n(Some(&*r.key), count);
        rec_title.push_n(Some(&*r.title), count);
        theme.push_n(r.theme.as_deref(), count);
        for a in &r.actions {
            owner.push(a.owner.as_deref());
            lead.push(a.lead_member.as_deref());
            let t = a.timeframe.as_ref();
            timeframe.push(t.map(|t| &*t.text));
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
            row.push(a.row.map(|r| r as i64));
        }
    }
    vec![
        ("recommendation", rec_key.finish()),
        ("recommendation_title", rec_title.finish()),
        ("theme", theme.finish()),
        ("owner", owner.finish()),
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
        ("row", row.finish()),
    ]
}

fn cat<'a>(fixed: &[&'a str], ordered: bool, rows: usize) -> CatCol<'a> {
    CatCol::new(fixed, ordered, rows)
}

/// Columns ready for a data frame, exported through the Arrow PyCapsule interface
/// (`pyarrow.table(frame)`, `polars.DataFrame(frame)`). Made by `Plan._frame()` and friends.
#[pyclass(frozen, module = "actionplan")]
pub struct Frame {
    pub(crate) batch: RecordBatch,
}

impl Frame {
    /// Wrap a table.
    pub fn new(batch: RecordBatch) -> Self {
        Frame { batch }
    }
}

#[pymethods]
impl Frame {
    /// Number of rows.
    fn __len__(&self) -> usize {
        self.batch.num_rows()
    }

    /// Column names, in order.
    #[getter]
    fn columns(&self) -> Vec<String> {
        self.batch
            .schema()
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect()
    }

    /// Arrow PyCapsule interface: the schema.
    fn __arrow_c_schema__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyCapsule>> {
        arrow::schema_capsule(py, &self.batch)
    }

    /// Arrow PyCapsule interface: the table as one struct array (a record batch), cast to
    /// `requested_schema` when the consumer asks and the cast is possible.
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_array__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyTuple>> {
        arrow::array_capsules(py, &self.batch, requested_schema)
    }

    /// Arrow PyCapsule interface: a stream of one batch.
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        arrow::stream_capsule(py, &self.batch, requested_schema)
    }

    /// The ordered categorical columns and their categories, in order (for `pl.Enum`).
    fn _enums(&self) -> Vec<(String, Vec<String>)> {
        use arrow_array::cast::AsArray;
        use arrow_array::types::Int32Type;
        let schema = self.batch.schema();
        let mut out = Vec::new();
        for (f, column) in schema.fields().iter().zip(self.batch.columns()) {
            if f.dict_is_ordered() != Some(true) {
                continue;
            }
            if let Some(d) = column.as_dictionary_opt::<Int32Type>() {
                if let Some(values) = d.values().as_string_opt::<i64>() {
                    let cats = values.iter().flatten().map(str::to_string).collect();
                    out.push((f.name().clone(), cats));
                }
            }
        }
        out
    }

    fn __repr__(&self) -> String {
        format!(
            "<Frame: {} rows × {} columns>",
            self.batch.num_rows(),
            self.batch.num_columns()
        )
    }
}

/// Hand a frame to a converter of `actionplan._frames` (`to_arrow`, `to_pandas`,
/// `to_polars`), with keyword arguments.
pub fn convert<'py>(
    py: Python<'py>,
    frame: Frame,
    converter: &str,
    kwargs: &[(&str, Bound<'py, PyAny>)],
) -> PyResult<Bound<'py, PyAny>> {
    let kw = pyo3::types::PyDict::new(py);
    for (k, v) in kwargs {
        kw.set_item(k, v)?;
    }
    py.import("actionplan._frames")?
        .getattr(converter)?
        .call((frame,), Some(&kw))
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::cast::AsArray;
    use arrow_array::types::{Date32Type, Int32Type};
    use arrow_array::Array;

    #[test]
    fn categories_keep_fixed_order_then_first_seen() {
        let mut c = CatCol::new(&["b", "a"], true, 6);
        for v in [Some("a"), Some("z"), None, Some("a"), Some("b"), Some("z")] {
            c.push(v);
        }
        c.push_n(Some("a"), 2);
        let (array, ordered) = c.finish();
        assert!(ordered);
        let d = array.as_dictionary::<Int32Type>();
        let cats = d.values().as_string::<i64>();
        assert_eq!(cats.iter().flatten().collect::<Vec<_>>(), ["b", "a", "z"]);
        let keys: Vec<Option<i32>> = d.keys().iter().collect();
        assert_eq!(
            keys,
            [
                Some(1),
                Some(2),
                None,
                Some(1),
                Some(0),
                Some(2),
                Some(1),
                Some(1)
            ]
        );
    }

    #[test]
    fn dates_count_days_from_1970() {
        let mut d = DateCol::with_capacity(2);
        d.push(NaiveDate::from_ymd_opt(1970, 1, 2));
        d.push(None);
        let (array, _) = d.finish();
        let days = array.as_primitive::<Date32Type>();
        assert_eq!(days.value(0), 1);
        assert!(days.is_null(1));
    }

    #[test]
    fn two_threads_build_the_same_table_as_one() {
        let mut csv = String::from("Recommendation,Action,Owner,Due,Status\n");
        for i in 0..300 {
            let due = ["March 2025", "2024/25", "Ongoing", ""][i % 4];
            let status = ["Complete", "In progress", ""][i % 3];
            csv.push_str(&format!(
                "R{},Action {i},Owner {},{due},{status}\n",
                i / 7,
                i % 5
            ));
        }
        let imported = actionplan::import::ImportOptions::new()
            .read_bytes(csv.as_bytes())
            .unwrap();
        let data = PlanData::new(imported.plan);
        let rules = actionplan::rating::RuleSet::preset("date-rag").unwrap();
        let a =
            actionplan::rating::assess(&data.plan, &rules, "2025-06-30".parse().unwrap()).unwrap();
        for assessment in [None, Some(&a)] {
            let one = build(&data, assessment, false);
            let two = build(&data, assessment, true);
            assert_eq!(one.num_rows(), 300);
            assert_eq!(one, two);
            let schema = one.schema();
            let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
            let expected = if assessment.is_some() { 30 } else { 22 };
            assert_eq!(names, COLUMNS[..expected]);
        }
        // The rating is an ordered category, in the scale's order (best first).
        let rated = build(&data, Some(&a), false);
        let schema = rated.schema();
        let field = schema.field_with_name("rating").unwrap();
        assert_eq!(field.dict_is_ordered(), Some(true));
        let rating = rated.column_by_name("rating").unwrap();
        let cats = rating
            .as_dictionary::<Int32Type>()
            .values()
            .as_string::<i64>();
        let names: Vec<&str> = a.scale.labels.iter().map(|l| &*l.name).collect();
        assert_eq!(
            &cats.iter().flatten().collect::<Vec<_>>()[..names.len()],
            names
        );
    }

    #[test]
    fn text_longer_than_the_sample_promised_still_fits() {
        let long = "x".repeat(500);
        let mut csv = String::from("Recommendation,Action\n");
        for i in 0..SAMPLE + 900 {
            let text = if i < SAMPLE {
                format!("A{i}")
            } else {
                format!("{long}{i}")
            };
            csv.push_str(&format!("R{},{text}\n", i / 10));
        }
        let imported = actionplan::import::ImportOptions::new()
            .read_bytes(csv.as_bytes())
            .unwrap();
        let data = PlanData::new(imported.plan);
        let t = build(&data, None, true);
        let s = t.column_by_name("description").unwrap().as_string::<i64>();
        assert_eq!(s.len(), SAMPLE + 900);
        assert_eq!(s.value(3), "A3");
        let last = SAMPLE + 899;
        assert_eq!(s.value(last), format!("{long}{last}"));
    }

    #[test]
    fn the_action_table_has_a_row_per_action() {
        let imported = actionplan::import::ImportOptions::new()
            .read_bytes(
                b"Recommendation,Action,Owner,Due\nR1,A1,Jo / Al,May 2025\n,A2,Kim,June 2025\n",
            )
            .unwrap();
        let data = PlanData::new(imported.plan);
        let t = action_table(&data);
        assert_eq!(t.num_rows(), 2);
        assert!(t.column_by_name("due").is_some());
        let owners = t.column_by_name("owners").unwrap().as_list::<i32>();
        assert_eq!(owners.value(0).len(), 2);
        assert_eq!(owners.value(1).len(), 1);
    }
}

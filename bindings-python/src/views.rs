//! Read-only Python views of a plan: `Recommendation`, `Action`, `Timeframe`, `Diagnostic`,
//! `Column`, `ProgressUpdate`, and the lazy sequences `Recommendations` and `Actions`.
//!
//! A view holds an `Arc` of the plan and an index, so `plan.actions[i]` copies nothing.

use crate::convert::{day, py_date, PyDay};
use crate::errors::CoreResult;
use actionplan::model::{Action as CoreAction, Plan as CorePlan, Recommendation as CoreRec};
use actionplan::timeframe::Timeframe as CoreTimeframe;
use chrono::NaiveDate;
use pyo3::exceptions::{PyIndexError, PyStopIteration};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PySlice};
use std::sync::Arc;

/// A plan with a flat index of its actions.
#[derive(Debug)]
pub struct PlanData {
    /// The core plan.
    pub plan: CorePlan,
    /// (recommendation, action) positions of every action, in order.
    pub index: Vec<(usize, usize)>,
}

impl PlanData {
    /// Wrap a core plan.
    pub fn new(plan: CorePlan) -> Arc<Self> {
        let index = plan
            .recommendations
            .iter()
            .enumerate()
            .flat_map(|(i, r)| (0..r.actions.len()).map(move |j| (i, j)))
            .collect();
        Arc::new(PlanData { plan, index })
    }

    /// The action at a flat position.
    pub fn action(&self, i: usize) -> &CoreAction {
        let (r, a) = self.index[i];
        &self.plan.recommendations[r].actions[a]
    }
}

/// Resolve a Python index (negative from the end) against a length.
pub fn resolve_index(i: isize, len: usize) -> PyResult<usize> {
    let j = if i < 0 { i + len as isize } else { i };
    if j < 0 || j as usize >= len {
        Err(PyIndexError::new_err(format!(
            "index {i} out of range for {len} items"
        )))
    } else {
        Ok(j as usize)
    }
}

fn slice_indices(slice: &Bound<'_, PySlice>, len: usize) -> PyResult<Vec<usize>> {
    let ind = slice.indices(len as isize)?;
    let mut out = Vec::with_capacity(ind.slicelength);
    let mut i = ind.start;
    for _ in 0..ind.slicelength {
        out.push(i as usize);
        i += ind.step;
    }
    Ok(out)
}

fn clip(s: &str, n: usize) -> String {
    let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", &one_line[..i]),
        None => one_line,
    }
}

/// A hash of some fields of a value: equal values give equal hashes.
pub fn hash_of(parts: impl std::hash::Hash) -> u64 {
    use std::hash::Hasher;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    parts.hash(&mut h);
    h.finish()
}

/// The flat position of the first action whose ref is `key`.
pub fn position_of_ref(data: &PlanData, key: &str) -> Option<usize> {
    (0..data.index.len()).find(|&i| data.action(i).action_ref == key)
}

/// `KeyError` for a ref no action has.
fn no_such_ref(kind: &str, key: &str) -> PyErr {
    pyo3::exceptions::PyKeyError::new_err(format!("no {kind} has the ref {key:?}"))
}

/// Positions in `start..stop` (Python's `index(value, start, stop)` bounds) of a sequence.
fn bounds(start: isize, stop: Option<isize>, len: usize) -> std::ops::Range<usize> {
    let clamp = |i: isize| -> usize {
        let j = if i < 0 { i + len as isize } else { i };
        j.clamp(0, len as isize) as usize
    };
    let (a, b) = (clamp(start), clamp(stop.unwrap_or(len as isize)));
    a..b.max(a)
}

/// The recommendations of a plan: a read-only sequence of `Recommendation`.
#[pyclass(frozen, module = "actionplan", sequence)]
pub struct Recommendations {
    pub(crate) data: Arc<PlanData>,
}

#[pymethods]
impl Recommendations {
    fn __len__(&self) -> usize {
        self.data.plan.recommendations.len()
    }

    fn __getitem__<'py>(
        &self,
        py: Python<'py>,
        key: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let len = self.__len__();
        if let Ok(slice) = key.cast::<PySlice>() {
            let items: Vec<Recommendation> = slice_indices(slice, len)?
                .into_iter()
                .map(|i| Recommendation {
                    data: self.data.clone(),
                    index: i,
                })
                .collect();
            return Ok(PyList::new(py, items)?.into_any());
        }
        let index = if let Ok(k) = key.cast::<pyo3::types::PyString>() {
            let k = k.to_cow()?;
            self.data
                .plan
                .recommendations
                .iter()
                .position(|r| *r.key == *k)
                .ok_or_else(|| {
                    pyo3::exceptions::PyKeyError::new_err(format!(
                        "no recommendation has the key {k:?}"
                    ))
                })?
        } else {
            let i: isize = key.extract()?;
            resolve_index(i, len)?
        };
        Ok(Bound::new(
            py,
            Recommendation {
                data: self.data.clone(),
                index,
            },
        )?
        .into_any())
    }

    /// `rec in plan.recommendations`: a `Recommendation` equal to one of them, or a key.
    fn __contains__(&self, value: &Bound<'_, PyAny>) -> bool {
        self.find(value, 0..self.__len__()).is_some()
    }

    /// The position of the first recommendation equal to `value` (or with that key) in
    /// `start:stop`.
    ///
    /// Parameters
    /// ----------
    /// value : Recommendation or str
    ///     A recommendation, or a recommendation's key.
    /// start, stop : int, optional
    ///     The part to search, as a slice gives it.
    ///
    /// Returns
    /// -------
    /// int
    ///
    /// Raises
    /// ------
    /// ValueError
    ///     When there is none.
    ///
    /// Examples
    /// --------
    /// >>> plan.recommendations.index("3")
    /// 2
    #[pyo3(signature = (value, start=0, stop=None))]
    fn index(
        &self,
        value: &Bound<'_, PyAny>,
        start: isize,
        stop: Option<isize>,
    ) -> PyResult<usize> {
        self.find(value, bounds(start, stop, self.__len__()))
            .ok_or_else(|| pyo3::exceptions::PyValueError::new_err("not among the recommendations"))
    }

    /// How many recommendations are equal to `value` (or have that key).
    ///
    /// Parameters
    /// ----------
    /// value : Recommendation or str
    ///
    /// Returns
    /// -------
    /// int
    ///
    /// Examples
    /// --------
    /// >>> plan.recommendations.count("3")
    /// 1
    fn count(&self, value: &Bound<'_, PyAny>) -> usize {
        (0..self.__len__())
            .filter(|&i| self.matches(value, i))
            .count()
    }

    fn __iter__(&self) -> RecommendationIter {
        RecommendationIter {
            data: self.data.clone(),
            next: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    fn __repr__(&self) -> String {
        format!("<Recommendations: {}>", self.__len__())
    }
}

impl Recommendations {
    fn matches(&self, value: &Bound<'_, PyAny>, i: usize) -> bool {
        let rec = &self.data.plan.recommendations[i];
        if let Ok(r) = value.cast::<Recommendation>() {
            return r.get().rec() == rec;
        }
        value
            .cast::<pyo3::types::PyString>()
            .is_ok_and(|k| k.to_cow().is_ok_and(|k| *k == *rec.key))
    }

    fn find(&self, value: &Bound<'_, PyAny>, range: std::ops::Range<usize>) -> Option<usize> {
        range.into_iter().find(|&i| self.matches(value, i))
    }
}

/// Iterator over recommendations.
#[pyclass(frozen, module = "actionplan")]
pub struct RecommendationIter {
    data: Arc<PlanData>,
    next: std::sync::atomic::AtomicUsize,
}

#[pymethods]
impl RecommendationIter {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self) -> PyResult<Recommendation> {
        let i = self.next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if i < self.data.plan.recommendations.len() {
            Ok(Recommendation {
                data: self.data.clone(),
                index: i,
            })
        } else {
            Err(PyStopIteration::new_err(()))
        }
    }
}

/// The actions of a plan, in order: a read-only sequence of `Action`.
#[pyclass(frozen, module = "actionplan", sequence)]
pub struct Actions {
    pub(crate) data: Arc<PlanData>,
}

#[pymethods]
impl Actions {
    fn __len__(&self) -> usize {
        self.data.index.len()
    }

    fn __getitem__<'py>(
        &self,
        py: Python<'py>,
        key: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let len = self.__len__();
        if let Ok(slice) = key.cast::<PySlice>() {
            let items: Vec<Action> = slice_indices(slice, len)?
                .into_iter()
                .map(|i| Action::at(&self.data, i))
                .collect();
            return Ok(PyList::new(py, items)?.into_any());
        }
        if let Ok(k) = key.cast::<pyo3::types::PyString>() {
            let k = k.to_cow()?;
            let index = position_of_ref(&self.data, &k).ok_or_else(|| no_such_ref("action", &k))?;
            return Ok(Bound::new(py, Action::at(&self.data, index))?.into_any());
        }
        let i: isize = key.extract()?;
        let index = resolve_index(i, len)?;
        Ok(Bound::new(py, Action::at(&self.data, index))?.into_any())
    }

    /// `action in plan.actions`: an `Action` equal to one of them, or a ref (`"CPC001"`).
    fn __contains__(&self, value: &Bound<'_, PyAny>) -> bool {
        self.find(value, 0..self.__len__()).is_some()
    }

    /// The position of the first action equal to `value` (or with that ref) in `start:stop`.
    ///
    /// Parameters
    /// ----------
    /// value : Action or str
    ///     An action, or an action's ref.
    /// start, stop : int, optional
    ///     The part to search, as a slice gives it.
    ///
    /// Returns
    /// -------
    /// int
    ///
    /// Raises
    /// ------
    /// ValueError
    ///     When there is none.
    ///
    /// Examples
    /// --------
    /// >>> plan.actions.index("CPC001")
    /// 0
    #[pyo3(signature = (value, start=0, stop=None))]
    fn index(
        &self,
        value: &Bound<'_, PyAny>,
        start: isize,
        stop: Option<isize>,
    ) -> PyResult<usize> {
        self.find(value, bounds(start, stop, self.__len__()))
            .ok_or_else(|| pyo3::exceptions::PyValueError::new_err("not among the actions"))
    }

    /// How many actions are equal to `value` (or have that ref).
    ///
    /// Parameters
    /// ----------
    /// value : Action or str
    ///
    /// Returns
    /// -------
    /// int
    ///
    /// Examples
    /// --------
    /// >>> plan.actions.count("CPC001")
    /// 1
    fn count(&self, value: &Bound<'_, PyAny>) -> usize {
        (0..self.__len__())
            .filter(|&i| action_matches(&self.data, value, i))
            .count()
    }

    fn __iter__(&self) -> ActionIter {
        ActionIter::new(self.data.clone())
    }

    fn __repr__(&self) -> String {
        format!("<Actions: {}>", self.__len__())
    }
}

impl Actions {
    fn find(&self, value: &Bound<'_, PyAny>, range: std::ops::Range<usize>) -> Option<usize> {
        range
            .into_iter()
            .find(|&i| action_matches(&self.data, value, i))
    }
}

/// The action at `i` is `value`: an equal `Action`, or the ref as text.
pub fn action_matches(data: &PlanData, value: &Bound<'_, PyAny>, i: usize) -> bool {
    let a = data.action(i);
    if let Ok(v) = value.cast::<Action>() {
        return v.get().a() == a;
    }
    value
        .cast::<pyo3::types::PyString>()
        .is_ok_and(|k| k.to_cow().is_ok_and(|k| *k == *a.action_ref))
}

/// Iterator over actions.
#[pyclass(frozen, module = "actionplan")]
pub struct ActionIter {
    data: Arc<PlanData>,
    next: std::sync::atomic::AtomicUsize,
}

impl ActionIter {
    /// Iterate over every action of a plan.
    pub fn new(data: Arc<PlanData>) -> Self {
        ActionIter {
            data,
            next: std::sync::atomic::AtomicUsize::new(0),
        }
    }
}

#[pymethods]
impl ActionIter {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self) -> PyResult<Action> {
        let i = self.next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if i < self.data.index.len() {
            Ok(Action::at(&self.data, i))
        } else {
            Err(PyStopIteration::new_err(()))
        }
    }
}

/// A recommendation: a group of actions.
#[pyclass(frozen, module = "actionplan")]
pub struct Recommendation {
    data: Arc<PlanData>,
    index: usize,
}

impl Recommendation {
    fn rec(&self) -> &CoreRec {
        &self.data.plan.recommendations[self.index]
    }
}

#[pymethods]
impl Recommendation {
    /// Number or key as written ("1", "Recommendation 2"), or a generated one.
    #[getter]
    fn key(&self) -> &str {
        &self.rec().key
    }

    /// The recommendation's text.
    #[getter]
    fn title(&self) -> &str {
        &self.rec().title
    }

    /// Context or definition, when the plan has one.
    #[getter]
    fn definition(&self) -> Option<&str> {
        self.rec().definition.as_deref()
    }

    /// The theme or section heading it sits under.
    #[getter]
    fn theme(&self) -> Option<&str> {
        self.rec().theme.as_deref()
    }

    /// 1-based source row where it starts.
    #[getter]
    fn row(&self) -> Option<usize> {
        self.rec().row
    }

    /// 0-based position in the plan.
    #[getter]
    fn position(&self) -> usize {
        self.index
    }

    /// Its actions, in order.
    #[getter]
    fn actions(&self) -> Vec<Action> {
        let first = self.data.index.partition_point(|(r, _)| *r < self.index);
        (0..self.rec().actions.len())
            .map(|j| Action::at(&self.data, first + j))
            .collect()
    }

    fn __len__(&self) -> usize {
        self.rec().actions.len()
    }

    /// Equal when the recommendations are equal in value (key, title, actions, ...).
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Recommendation>()
            .is_ok_and(|o| o.get().rec() == self.rec())
    }

    fn __hash__(&self) -> u64 {
        let r = self.rec();
        hash_of((&r.key, &r.title, r.actions.len()))
    }

    fn __repr__(&self) -> String {
        format!(
            "<Recommendation {}: {:?} ({} actions)>",
            self.rec().key,
            clip(&self.rec().title, 60),
            self.rec().actions.len()
        )
    }
}

/// One action.
#[pyclass(frozen, module = "actionplan")]
pub struct Action {
    data: Arc<PlanData>,
    index: usize,
}

impl Action {
    /// The action at a flat position.
    pub fn at(data: &Arc<PlanData>, index: usize) -> Self {
        Action {
            data: data.clone(),
            index,
        }
    }

    fn a(&self) -> &CoreAction {
        self.data.action(self.index)
    }
}

/// The status as a category name: the lifecycle names, and `"other"` for a word the library
/// does not know (the word itself is in `status_text`).
pub fn status_name(s: &actionplan::Status) -> &str {
    match s {
        actionplan::Status::Other(_) => "other",
        s => s.as_str(),
    }
}

#[pymethods]
impl Action {
    /// The ref as written, or a generated one such as `R3.2`.
    #[getter(r#ref)]
    fn action_ref(&self) -> &str {
        &self.a().action_ref
    }

    /// True when the ref was generated because the source had none.
    #[getter]
    fn ref_generated(&self) -> bool {
        self.a().ref_generated
    }

    /// What will be done.
    #[getter]
    fn description(&self) -> &str {
        &self.a().description
    }

    /// The owner cell as written.
    #[getter]
    fn owner(&self) -> Option<&str> {
        self.a().owner.as_deref()
    }

    /// Owners split from the owner cell (never on "&").
    #[getter]
    fn owners(&self) -> Vec<String> {
        self.a().owners.iter().map(|o| o.to_string()).collect()
    }

    /// Lead member / portfolio as written.
    #[getter]
    fn lead_member(&self) -> Option<&str> {
        self.a().lead_member.as_deref()
    }

    /// The due-date phrase and its reading.
    #[getter]
    fn timeframe(&self) -> Option<Timeframe> {
        self.a().timeframe.as_deref().cloned().map(Timeframe::from)
    }

    /// The original due date, when the plan keeps it apart from a revised one.
    #[getter]
    fn original_due(&self) -> Option<Timeframe> {
        self.a()
            .original_due
            .as_deref()
            .cloned()
            .map(Timeframe::from)
    }

    /// The deadline used for rating (the latest day the timeframe could mean).
    #[getter]
    fn due(&self) -> Option<PyDay> {
        day(self.a().due())
    }

    /// Delivery status: `"not_started"`, `"in_progress"`, `"complete"`, `"on_hold"`,
    /// `"cancelled"`, `"superseded"`, `"other"`, or `None`.
    #[getter]
    fn status(&self) -> Option<&str> {
        self.a().status.as_ref().map(status_name)
    }

    /// The status word as written.
    #[getter]
    fn status_text(&self) -> Option<&str> {
        self.a().status_text.as_deref()
    }

    /// The reported RAG as written.
    #[getter]
    fn rag(&self) -> Option<&str> {
        self.a().rag.as_deref()
    }

    /// Percent complete, 0 to 100.
    #[getter]
    fn percent_complete(&self) -> Option<f64> {
        self.a().percent_complete
    }

    /// Progress updates, one per update column.
    #[getter]
    fn updates(&self) -> Vec<ProgressUpdate> {
        self.a()
            .updates
            .iter()
            .map(|u| ProgressUpdate {
                period: u.period.as_deref().map(str::to_string),
                as_of: u.as_of,
                text: u.text.to_string(),
                column: u.column.as_deref().map(str::to_string),
            })
            .collect()
    }

    /// The latest non-empty progress comment.
    #[getter]
    fn latest_update(&self) -> Option<&str> {
        self.a().latest_update().map(|u| u.text.as_str())
    }

    /// Evidence of completion.
    #[getter]
    fn evidence(&self) -> Option<&str> {
        self.a().evidence.as_deref()
    }

    /// Further options / next steps.
    #[getter]
    fn further_options(&self) -> Option<&str> {
        self.a().further_options.as_deref()
    }

    /// Every other column, by its header.
    #[getter]
    fn extra<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (k, v) in &self.a().extra {
            d.set_item(k.as_str(), v.as_str())?;
        }
        Ok(d)
    }

    /// 1-based source row.
    #[getter]
    fn row(&self) -> Option<usize> {
        self.a().row
    }

    /// The recommendation it belongs to.
    #[getter]
    fn recommendation(&self) -> Recommendation {
        Recommendation {
            data: self.data.clone(),
            index: self.data.index[self.index].0,
        }
    }

    /// 0-based position in the plan.
    #[getter]
    fn position(&self) -> usize {
        self.index
    }

    /// Equal when the actions are equal in value (ref, description, timeframe, status, ...),
    /// wherever they come from.
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Action>()
            .is_ok_and(|o| o.get().a() == self.a())
    }

    fn __hash__(&self) -> u64 {
        let a = self.a();
        hash_of((&a.action_ref, &*a.description))
    }

    /// Pickled as its plan (through the canonical JSON) and its position.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let plan = Bound::new(py, crate::plan::Plan::from_data(self.data.clone()))?;
        let getitem = py.import("operator")?.getattr("getitem")?;
        (getitem, (plan, self.index))
            .into_pyobject(py)
            .map(|t| t.into_any())
    }

    fn __repr__(&self) -> String {
        let a = self.a();
        let mut s = format!("<Action {}: {:?}", a.action_ref, clip(&a.description, 50));
        if let Some(t) = &a.timeframe {
            s.push_str(&format!(", due {:?}", clip(&t.text, 30)));
        }
        if let Some(st) = &a.status {
            s.push_str(&format!(", {}", st.label()));
        }
        s.push('>');
        s
    }
}

/// One progress update.
#[pyclass(frozen, module = "actionplan", get_all)]
pub struct ProgressUpdate {
    /// The period the update is for, as the header names it.
    period: Option<String>,
    /// The date the period ends, when it could be read.
    as_of: Option<NaiveDate>,
    /// The comment.
    text: String,
    /// The source column header.
    column: Option<String>,
}

#[pymethods]
impl ProgressUpdate {
    fn __repr__(&self) -> String {
        format!(
            "<ProgressUpdate {}: {:?}>",
            self.period.as_deref().unwrap_or("-"),
            clip(&self.text, 50)
        )
    }
}

/// A reading of a due-date phrase: an interval (earliest start, deadline) with flags.
#[pyclass(frozen, module = "actionplan")]
pub struct Timeframe {
    pub(crate) t: CoreTimeframe,
}

impl From<CoreTimeframe> for Timeframe {
    fn from(t: CoreTimeframe) -> Self {
        Timeframe { t }
    }
}

#[pymethods]
impl Timeframe {
    /// The phrase as written.
    #[getter]
    fn text(&self) -> &str {
        &self.t.text
    }

    /// What kind of phrase: `"day"`, `"month"`, `"quarter"`, `"season"`, `"financial_year"`,
    /// `"ongoing"`, `"unreadable"`, ...
    #[getter]
    fn kind(&self) -> &'static str {
        self.t.kind.as_str()
    }

    /// Earliest start, when the phrase gives one.
    #[getter]
    fn start(&self) -> Option<PyDay> {
        day(self.t.start)
    }

    /// Earliest day the deadline could mean.
    #[getter]
    fn due_earliest(&self) -> Option<PyDay> {
        day(self.t.due_earliest)
    }

    /// Latest day the deadline could mean.
    #[getter]
    fn due_latest(&self) -> Option<PyDay> {
        day(self.t.due_latest)
    }

    /// The deadline used for rating (same as `due_latest`).
    #[getter]
    fn due(&self) -> Option<PyDay> {
        day(self.t.due())
    }

    /// Ongoing / open-ended.
    #[getter]
    fn ongoing(&self) -> bool {
        self.t.ongoing
    }

    /// Times a year, for a recurring phrase whose frequency is known.
    #[getter]
    fn per_year(&self) -> Option<u32> {
        self.t.recurrence.as_ref().and_then(|r| r.per_year)
    }

    /// True when the phrase recurs ("Quarterly", "4 x per year").
    #[getter]
    fn recurring(&self) -> bool {
        self.t.recurrence.is_some()
    }

    /// Conditional on something else ("when available").
    #[getter]
    fn conditional(&self) -> bool {
        self.t.conditional
    }

    /// The earlier deadline a revised date was extended from.
    #[getter]
    fn revised_from(&self) -> Option<PyDay> {
        day(self.t.revised_from)
    }

    /// How sure the reading is: `"high"`, `"medium"`, `"low"` or `"none"`.
    #[getter]
    fn confidence(&self) -> &'static str {
        match self.t.confidence {
            actionplan::timeframe::Confidence::High => "high",
            actionplan::timeframe::Confidence::Medium => "medium",
            actionplan::timeframe::Confidence::Low => "low",
            actionplan::timeframe::Confidence::None => "none",
        }
    }

    /// What the reader inferred, if anything.
    #[getter]
    fn note(&self) -> Option<&str> {
        self.t.note.as_deref()
    }

    /// True when the phrase has a deadline.
    #[getter]
    fn has_deadline(&self) -> bool {
        self.t.has_deadline()
    }

    /// The reading as a dict: `text`, `kind`, the dates as `datetime.date`, the flags,
    /// `confidence` and `note` (the keys of the plan's JSON form).
    ///
    /// Returns
    /// -------
    /// dict
    ///
    /// Examples
    /// --------
    /// >>> actionplan.parse_timeframe("March 2025").to_dict()["due_latest"]
    /// datetime.date(2025, 3, 31)
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let value = serde_json::to_value(&self.t)
            .map_err(actionplan::Error::from)
            .map_err(|e| crate::errors::core_error(py, &e))?;
        crate::rating::json_to_py(py, &value, None)
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        match other.cast::<Timeframe>() {
            Ok(o) => o.get().t == self.t,
            Err(_) => false,
        }
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.t.text.hash(&mut h);
        self.t.due_latest.hash(&mut h);
        h.finish()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let mut s = format!("<Timeframe {:?} {}", self.t.text, self.t.kind.as_str());
        if let Some(d) = py_date(py, self.t.due_latest)? {
            s.push_str(&format!(" due {}", d.str()?));
        }
        if self.t.ongoing {
            s.push_str(" ongoing");
        }
        s.push('>');
        Ok(s)
    }
}

/// One problem found in a plan: a code, a severity, a place and a plain-English message.
#[pyclass(frozen, module = "actionplan")]
pub struct Diagnostic {
    pub(crate) d: actionplan::Diagnostic,
}

#[pymethods]
impl Diagnostic {
    /// Stable code, e.g. `"missing_owner"`.
    #[getter]
    fn code(&self) -> &str {
        &self.d.code
    }

    /// `"info"`, `"warning"` or `"error"`.
    #[getter]
    fn severity(&self) -> &'static str {
        self.d.severity.as_str()
    }

    /// Plain-English message.
    #[getter]
    fn message(&self) -> &str {
        &self.d.message
    }

    /// 1-based source row, when known.
    #[getter]
    fn row(&self) -> Option<usize> {
        self.d.place.row
    }

    /// The column header, when known.
    #[getter]
    fn column(&self) -> Option<&str> {
        self.d.place.column.as_deref()
    }

    /// The cell text, when known.
    #[getter]
    fn text(&self) -> Option<&str> {
        self.d.place.text.as_deref()
    }

    /// The action's ref, when the diagnostic is about one action.
    #[getter(r#ref)]
    fn action_ref(&self) -> Option<&str> {
        self.d.place.action_ref.as_deref()
    }

    /// The file, when a job reads several (the workbooks returned by owners, in ``merge``).
    #[getter]
    fn file(&self) -> Option<&str> {
        self.d.place.file.as_deref()
    }

    /// What to do about it.
    #[getter]
    fn hint(&self) -> Option<&str> {
        self.d.hint.as_deref()
    }

    fn __str__(&self) -> String {
        self.d.to_string()
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Diagnostic>()
            .is_ok_and(|o| o.get().d == self.d)
    }

    fn __hash__(&self) -> u64 {
        hash_of((&self.d.code, &self.d.message, self.d.place.row))
    }

    /// Pickled (and copied) through its JSON form.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let from_json = py.get_type::<Diagnostic>().getattr("_from_json")?;
        let text = serde_json::to_string(&self.d)
            .map_err(actionplan::Error::from)
            .py(py)?;
        (from_json, (text,)).into_pyobject(py).map(|t| t.into_any())
    }

    /// A diagnostic from its JSON form: how ``pickle`` and ``copy`` rebuild one.
    #[classmethod]
    fn _from_json(
        _cls: &Bound<'_, pyo3::types::PyType>,
        py: Python<'_>,
        text: &str,
    ) -> PyResult<Diagnostic> {
        let d: actionplan::Diagnostic = serde_json::from_str(text)
            .map_err(actionplan::Error::from)
            .py(py)?;
        Ok(Diagnostic { d })
    }

    fn __repr__(&self) -> String {
        format!("<Diagnostic {}>", self.d)
    }
}

/// A source column: its header as written and the field it was read into.
#[pyclass(frozen, module = "actionplan", get_all)]
pub struct Column {
    /// Header text as written.
    header: String,
    /// The field it was read into (`"owner"`, `"timeframe"`, `"extra"`, ...).
    role: &'static str,
    /// For update columns: the period the header names.
    period: Option<String>,
}

#[pymethods]
impl Column {
    fn __repr__(&self) -> String {
        format!("<Column {:?} -> {}>", self.header, self.role)
    }
}

impl From<&actionplan::model::Column> for Column {
    fn from(c: &actionplan::model::Column) -> Self {
        Column {
            header: c.header.clone(),
            role: c.role.as_str(),
            period: c.period.clone(),
        }
    }
}

/// Diagnostics to Python objects.
pub fn diagnostics(list: &[actionplan::Diagnostic]) -> Vec<Diagnostic> {
    list.iter().map(|d| Diagnostic { d: d.clone() }).collect()
}

/// Diagnostics as an `actionplan.Diagnostics` list (a `list` that is also a table:
/// `to_pandas()`, `to_polars()`, `__arrow_c_stream__`).
pub fn diagnostics_list<'py>(
    py: Python<'py>,
    list: &[actionplan::Diagnostic],
) -> PyResult<Bound<'py, PyAny>> {
    let items = pyo3::types::PyList::new(py, diagnostics(list))?;
    py.import("actionplan._frames")?
        .getattr("Diagnostics")?
        .call1((items,))
}

/// The table of a list of `Diagnostic`s: one row per diagnostic (`Diagnostics.table()`).
#[pyfunction]
pub fn _diagnostics_frame(items: &Bound<'_, PyAny>) -> PyResult<crate::frame::Frame> {
    let py = items.py();
    let mut found: Vec<Bound<'_, Diagnostic>> = Vec::new();
    for item in items.try_iter()? {
        let item = item?;
        let d = item.cast_into::<Diagnostic>().map_err(|e| {
            crate::errors::input_type(
                py,
                format!(
                    "a list of diagnostics holds only Diagnostic values, not {}",
                    crate::convert::type_name(e.into_inner().as_any())
                ),
            )
        })?;
        found.push(d);
    }
    let list: Vec<&actionplan::Diagnostic> = found.iter().map(|d| &d.get().d).collect();
    Ok(crate::frame::Frame::new(crate::tables::diagnostics_table(
        &list,
    )))
}

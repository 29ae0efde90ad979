//! Rating, statistics, diff and reports: `Plan.assess()`, `Plan.stats()`, `Plan.report()`,
//! `actionplan.diff()`, and the `Assessment`, `Stats` and `PlanDiff` classes.
//!
//! Everything is computed by the core; this module converts arguments (a preset name, a rules
//! file or a dict) and results (to Python data with `datetime.date`s).

use crate::convert::{input_type_err, opt_str};
use crate::errors::{guard, input_type, io_error_saying, CoreResult};
use crate::views::PlanData;
use actionplan::diff::PlanDiff as CorePlanDiff;
use actionplan::rating::{Assessment as CoreAssessment, RuleSet, RulesSpec, Scale};
use actionplan::report::escape_html;
use actionplan::stats::{GroupBy, Stats as CoreStats};
use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use std::sync::Arc;

/// Keys whose string values are ISO dates in the core's JSON form (the core's list);
/// `to_dict()` turns them into `datetime.date` (the rest of the JSON form is kept as is).
const DATE_KEYS: [&str; 16] = actionplan::json::DATE_KEYS;

/// A JSON value as Python data; ISO date strings under [`DATE_KEYS`] become `datetime.date`.
pub fn json_to_py<'py>(
    py: Python<'py>,
    v: &serde_json::Value,
    key: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    use serde_json::Value;
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any()
            }
        }
        Value::String(s) => {
            if key.is_some_and(|k| DATE_KEYS.contains(&k)) {
                if let Ok(d) = s.parse::<NaiveDate>() {
                    return crate::convert::PyDay(d).into_pyobject(py);
                }
            }
            PyString::new(py, s).into_any()
        }
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(json_to_py(py, item, key)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let d = PyDict::new(py);
            for (k, item) in map {
                d.set_item(k, json_to_py(py, item, Some(k))?)?;
            }
            d.into_any()
        }
    })
}

/// Serialize a core value to Python data.
pub(crate) fn to_py<'py, T: serde::Serialize>(
    py: Python<'py>,
    v: &T,
) -> PyResult<Bound<'py, PyAny>> {
    let value = serde_json::to_value(v)
        .map_err(actionplan::Error::from)
        .py(py)?;
    json_to_py(py, &value, None)
}

/// Pretty JSON with a final newline (the form of the golden files).
pub(crate) fn to_json_text<T: serde::Serialize>(py: Python<'_>, v: &T) -> PyResult<String> {
    serde_json::to_string_pretty(v)
        .map(|s| s + "\n")
        .map_err(actionplan::Error::from)
        .py(py)
}

/// The place in a rule-set dict, written as its keys and list positions
/// (`rules[2].when.days_overdue`), of a line of its `json.dumps(indent=...)` form: one value per line.
pub fn dict_path_at_line(pretty: &str, line: usize) -> String {
    // The containers open at this line: for each, is it a list, and its current key or index.
    enum At {
        Key(String),
        Index(usize),
        Start,
    }
    let mut stack: Vec<(bool, At)> = Vec::new();
    let path = |stack: &[(bool, At)], upto: usize| -> String {
        let mut p = String::new();
        for (_, at) in &stack[..upto] {
            match at {
                At::Key(k)
                    if !k.is_empty() && k.chars().all(|c| c.is_alphanumeric() || c == '_') =>
                {
                    if !p.is_empty() {
                        p.push('.');
                    }
                    p.push_str(k);
                }
                At::Key(k) => p.push_str(&format!("[{k:?}]")),
                At::Index(i) => p.push_str(&format!("[{i}]")),
                At::Start => {}
            }
        }
        if p.is_empty() {
            p.push_str("the rule set");
        }
        p
    };
    for (n, raw) in pretty.lines().enumerate() {
        let l = raw.trim();
        let closes = l.starts_with('}') || l.starts_with(']');
        if closes {
            if n + 1 == line {
                // An error at a closing bracket is about the container (a missing field).
                return path(&stack, stack.len().saturating_sub(1));
            }
            stack.pop();
            continue;
        }
        let mut value = l;
        if let Some((is_list, at)) = stack.last_mut() {
            if *is_list {
                *at = match at {
                    At::Index(i) => At::Index(*i + 1),
                    _ => At::Index(0),
                };
            } else if l.starts_with('"') {
                // `"key": value`: the key is a JSON string (its end is the first unescaped quote).
                let mut end = None;
                let mut escaped = false;
                for (i, c) in l.char_indices().skip(1) {
                    match c {
                        '\\' if !escaped => escaped = true,
                        '"' if !escaped => {
                            end = Some(i);
                            break;
                        }
                        _ => escaped = false,
                    }
                }
                if let Some(end) = end {
                    let key = serde_json::from_str::<String>(&l[..=end]).unwrap_or_default();
                    *at = At::Key(key);
                    value = l[end + 1..].trim_start_matches(':').trim();
                }
            }
        }
        if n + 1 == line {
            return path(&stack, stack.len());
        }
        let value = value.trim_end_matches(',');
        if value.ends_with('{') || value.ends_with('[') {
            stack.push((value.ends_with('['), At::Start));
        }
    }
    path(&stack, stack.len())
}

/// Read `format=`: a dict in the form of a rule set's `format` block (`{"order":
/// "percent_count", "decimals": 1}`), or its JSON text; `None` when not given.
pub fn stats_format(
    py: Python<'_>,
    format: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<actionplan::stats::Format>> {
    let Some(f) = format.filter(|f| !f.is_none()) else {
        return Ok(None);
    };
    let text: String = if f.is_instance_of::<PyString>() {
        f.extract()?
    } else if f.is_instance_of::<PyDict>() {
        py.import("json")?
            .call_method1("dumps", (f,))
            .map_err(|e| {
                input_type(
                    py,
                    format!("format: the dict is not JSON-serialisable ({e})"),
                )
            })?
            .extract()?
    } else {
        return Err(input_type(
            py,
            "format: expected a dict (the rules file's format block) or its JSON text",
        ));
    };
    actionplan::stats::Format::from_json(&text)
        .map(Some)
        .map_err(|e| crate::errors::core_error(py, &e))
}

/// Statistics of `a`, with the figures as `format` says (else the rule set's format block).
pub fn stats_of(
    plan: &actionplan::Plan,
    a: &CoreAssessment,
    by: GroupBy,
    format: Option<&actionplan::stats::Format>,
) -> CoreStats {
    match format {
        Some(f) => actionplan::stats::stats_with(plan, a, by, f),
        None => actionplan::stats::stats(plan, a, by),
    }
}

/// Resolve `rules=`: a preset id (`"date-rag"`), a path to a JSON or TOML rules file
/// (`str` or `os.PathLike`), or a dict in the rules-file form.
pub fn rule_set(py: Python<'_>, rules: Option<&Bound<'_, PyAny>>) -> PyResult<RuleSet> {
    let Some(r) = rules.filter(|r| !r.is_none()) else {
        return RuleSet::preset(actionplan::rating::DEFAULT_PRESET).py(py);
    };
    if r.is_instance_of::<PyDict>() {
        // One value per line, so that a parse error's line names a place in the dict.
        let kwargs = PyDict::new(py);
        kwargs.set_item("indent", 1)?;
        let text: String = py
            .import("json")?
            .call_method("dumps", (r,), Some(&kwargs))
            .map_err(|e| {
                input_type(
                    py,
                    format!("rules: the dict is not JSON-serialisable ({e})"),
                )
            })?
            .extract()?;
        return RuleSet::from_json(&text).map_err(|core| {
            // The core's message gives a line and column of JSON the caller never wrote: say
            // where in their dict instead (`rules[2].when.days_overdue`).
            match serde_json::from_str::<RuleSet>(&text) {
                Err(e) if e.line() > 0 => {
                    let msg = e.to_string();
                    let msg = msg.rfind(" at line ").map_or(&*msg, |i| &msg[..i]);
                    crate::errors::invalid_option(
                        py,
                        "rules",
                        format!("{}: {msg}", dict_path_at_line(&text, e.line())),
                    )
                }
                _ => crate::errors::core_error(py, &core),
            }
        });
    }
    let is_pathlike = !r.is_instance_of::<PyString>() && r.hasattr("__fspath__")?;
    let spec: String = if let Some(s) = opt_str(Some(r), "rules").ok().flatten() {
        s
    } else if is_pathlike {
        let p: String = py
            .import("os")?
            .getattr("fspath")?
            .call1((r,))?
            .extract()
            .map_err(|_| input_type(py, "rules: the path must be text"))?;
        // A path object is always a file, whatever its name looks like.
        if matches!(RulesSpec::parse(&p), RulesSpec::File { .. }) {
            p
        } else {
            format!("./{p}")
        }
    } else {
        return Err(input_type_err(
            py,
            "rules",
            "a preset name, a path to a rules file or a dict",
            r,
        ));
    };
    // The core decides what `spec` names; the file is read here, and a failure to read it
    // keeps its OS error (FileNotFoundError for a missing rules file).
    let mut failed: Option<(String, std::io::Error)> = None;
    let resolved = py.detach(|| {
        RuleSet::resolve(Some(&spec), |path| {
            std::fs::read_to_string(path).inspect_err(|e| {
                failed = Some((
                    path.to_string(),
                    std::io::Error::new(e.kind(), e.to_string()),
                ));
            })
        })
    });
    match (resolved, failed) {
        (Ok(rules), _) => Ok(rules),
        (Err(err), Some((path, e))) => Err(io_error_saying(py, &path, &e, Some(err.to_string()))),
        (Err(err), None) => Err(err).py(py),
    }
}

/// `by=` for statistics.
pub fn group_by(py: Python<'_>, by: Option<&Bound<'_, PyAny>>) -> PyResult<GroupBy> {
    match opt_str(by, "by")? {
        None => Ok(GroupBy::default()),
        Some(s) => s.parse().py(py),
    }
}

/// The label's name for a rating id, or "Not rated".
pub fn label_name<'a>(a: &'a CoreAssessment, id: Option<&'a str>) -> &'a str {
    a.scale.name_of(id)
}

/// A compact HTML table of labels with their colours and counts.
fn label_table(scale: &Scale, counts: &[(Option<&str>, usize, Option<u32>)]) -> String {
    let mut h = String::from("<table><tr>");
    for (id, _, _) in counts {
        let (bg, fg) = match id.and_then(|id| scale.label(id)) {
            Some(l) => (l.colour.clone(), l.text_colour().to_string()),
            None => ("#eeeeee".to_string(), "#000000".to_string()),
        };
        h.push_str(&format!(
            "<th style=\"background:{};color:{};padding:2px 8px\">{}</th>",
            escape_html(&bg),
            escape_html(&fg),
            escape_html(scale.name_of(*id))
        ));
    }
    h.push_str("</tr><tr>");
    for (_, n, pct) in counts {
        match pct {
            Some(p) => h.push_str(&format!("<td style=\"text-align:center\">{n} ({p}%)</td>")),
            None => h.push_str(&format!("<td style=\"text-align:center\">{n}</td>")),
        }
    }
    h.push_str("</tr></table>");
    h
}

/// The ratings of a plan's actions as of a date, with reasons, roll-ups and findings.
#[pyclass(frozen, module = "actionplan")]
pub struct Assessment {
    pub(crate) data: Arc<PlanData>,
    pub(crate) a: Arc<CoreAssessment>,
}

impl Assessment {
    /// Wrap a core assessment of a plan.
    pub fn new(data: Arc<PlanData>, a: CoreAssessment) -> Self {
        Assessment {
            data,
            a: Arc::new(a),
        }
    }
}

#[pymethods]
impl Assessment {
    /// The date the ratings are as of.
    #[getter]
    fn as_of(&self) -> NaiveDate {
        self.a.as_of
    }

    /// The rule set's id ("date-rag", or a custom id).
    #[getter]
    fn rules(&self) -> &str {
        &self.a.rules.id
    }

    /// The rule set's name.
    #[getter]
    fn rules_name(&self) -> &str {
        &self.a.rules.name
    }

    /// The scale's labels, best first: dicts with `id`, `name`, `colour`, `description`, ...
    #[getter]
    fn labels<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.a.scale.labels)
    }

    /// The plan's rating (label id; `None` when not rated).
    #[getter]
    fn rating(&self) -> Option<&str> {
        self.a.plan.rating.as_deref()
    }

    /// Why the plan has its rating.
    #[getter]
    fn reason(&self) -> &str {
        &self.a.plan.reason
    }

    /// Actions per label name (the scale's order), plus "Not rated" when any.
    #[getter]
    fn counts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for c in &self.a.plan.counts {
            d.set_item(label_name(&self.a, Some(&c.label)), c.count)?;
        }
        if self.a.plan.not_rated > 0 {
            d.set_item(actionplan::rating::NOT_RATED_NAME, self.a.plan.not_rated)?;
        }
        Ok(d)
    }

    /// The rated actions, in plan order.
    #[getter]
    fn actions(&self) -> Vec<RatedAction> {
        (0..self.a.actions.len())
            .map(|i| RatedAction {
                data: self.data.clone(),
                a: self.a.clone(),
                index: i,
            })
            .collect()
    }

    /// The recommendations' roll-ups, as dicts (`key`, `title`, `rating`, `reason`, `counts`,
    /// `not_rated`, `actions`).
    #[getter]
    fn recommendations<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.a.recommendations)
    }

    /// Reported RAGs that disagree with the derived rating, as dicts.
    #[getter]
    fn findings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.a.findings)
    }

    /// Statistics of this assessment (no second rating pass).
    ///
    /// Parameters
    /// ----------
    /// by : {"recommendation", "theme", "owner", "lead", "none"}, optional
    ///     How to group the counts (default ``"recommendation"``).
    /// format : dict or str, optional
    ///     How the headline writes its figures, as a rules file's ``format`` block (see
    ///     :meth:`Plan.stats`); it wins over the rule set's own.
    ///
    /// Returns
    /// -------
    /// Stats
    ///
    /// Raises
    /// ------
    /// InvalidOptionError
    ///     For another ``by``, or a format that cannot be read.
    ///
    /// Examples
    /// --------
    /// >>> rated.stats(by="owner").to_pandas()
    /// >>> rated.stats(format={"order": "percent_count"}).headline[0]
    #[pyo3(signature = (*, by=None, format=None))]
    fn stats(
        &self,
        py: Python<'_>,
        by: Option<&Bound<'_, PyAny>>,
        format: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Stats> {
        guard(py, || {
            let by = group_by(py, by)?;
            let format = stats_format(py, format)?;
            let (plan, a) = (&self.data.plan, &self.a);
            let s = py.detach(|| stats_of(plan, a, by, format.as_ref()));
            Ok(Stats::new(s, self.a.clone()))
        })
    }

    /// The assessment as Python data (dates as ``datetime.date``).
    ///
    /// Returns
    /// -------
    /// dict
    ///     ``as_of``, ``rules``, ``scale``, ``plan``, ``recommendations``, ``actions`` (each
    ///     with its rating, reason and facts) and ``findings``.
    ///
    /// Examples
    /// --------
    /// >>> rated.to_dict()["actions"][0]["reason"]
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &*self.a)
    }

    /// The assessment as JSON (the form the command line's ``assess --json`` writes).
    ///
    /// Returns
    /// -------
    /// str
    ///     Pretty JSON with a final newline.
    ///
    /// Examples
    /// --------
    /// >>> json.loads(rated.to_json())["as_of"]
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        guard(py, || to_json_text(py, &*self.a))
    }

    /// The rated actions as CSV (formula-safe), as the CSV report writes them.
    ///
    /// Parameters
    /// ----------
    /// path : str or os.PathLike, optional
    ///     Also write it there.
    ///
    /// Returns
    /// -------
    /// str
    ///     The CSV text.
    ///
    /// Raises
    /// ------
    /// ReadError
    ///     When the file cannot be written.
    ///
    /// Examples
    /// --------
    /// >>> rated.to_csv("rated.csv")
    #[pyo3(signature = (path=None))]
    fn to_csv(&self, py: Python<'_>, path: Option<&Bound<'_, PyAny>>) -> PyResult<String> {
        guard(py, || {
            let text = actionplan::report::rated_csv(&self.data.plan, &self.a);
            if let Some(p) = path {
                crate::convert::write_text(p, &text)?;
            }
            Ok(text)
        })
    }

    /// Arrow columns of the rated action table.
    fn _frame(&self, py: Python<'_>) -> PyResult<crate::frame::Frame> {
        guard(py, || {
            let (data, a) = (self.data.clone(), self.a.clone());
            let table = py.detach(move || crate::frame::rated_table(&data, &a));
            Ok(crate::frame::Frame::new(table))
        })
    }

    /// The table as an Arrow stream (the Arrow PyCapsule interface), so that
    /// `pyarrow.table(x)`, `polars.DataFrame(x)` and `duckdb.sql("select * from x")` read it
    /// directly, without going through pandas.
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let frame = Bound::new(py, self._frame(py)?)?;
        frame.call_method1("__arrow_c_stream__", (requested_schema,))
    }

    /// The rated action table as a ``pyarrow.Table`` (needs pyarrow).
    ///
    /// Returns
    /// -------
    /// pyarrow.Table
    ///     One row per action, with the plan's columns and ``rating`` (an ordered dictionary,
    ///     best first), ``rule``, ``reason``, ``overdue``, ``days_overdue``, ``days_to_due``,
    ///     ``closed`` and ``original_due``.
    ///
    /// Examples
    /// --------
    /// >>> rated.to_arrow().num_rows
    fn to_arrow<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::frame::convert(py, self._frame(py)?, "to_arrow", &[])
    }

    /// The rated action table as a ``pandas.DataFrame`` (needs pandas and pyarrow).
    ///
    /// Parameters
    /// ----------
    /// dates : {"datetime64", "date", "arrow"}, default "datetime64"
    ///     ``datetime64[ms]`` columns, ``datetime.date`` objects, or ``date32[pyarrow]``.
    ///
    /// Returns
    /// -------
    /// pandas.DataFrame
    ///     One row per action; ``rating`` is an ordered ``Categorical`` (best first), so
    ///     ``df.sort_values("rating")`` and ``df[df.rating >= "Amber"]`` follow the scale.
    ///
    /// Raises
    /// ------
    /// ImportError
    ///     When pandas or pyarrow is not installed (the message names the pip extra).
    /// InvalidOptionError
    ///     For another ``dates``.
    ///
    /// Examples
    /// --------
    /// >>> df = rated.to_pandas()
    /// >>> df["rating"].value_counts(sort=False)
    #[pyo3(signature = (*, dates="datetime64"))]
    fn to_pandas<'py>(&self, py: Python<'py>, dates: &str) -> PyResult<Bound<'py, PyAny>> {
        let dates = pyo3::types::PyString::new(py, dates).into_any();
        crate::frame::convert(py, self._frame(py)?, "to_pandas", &[("dates", dates)])
    }

    /// The rated action table as a ``polars.DataFrame`` (needs polars).
    ///
    /// Returns
    /// -------
    /// polars.DataFrame
    ///     One row per action; ``rating`` is a ``pl.Enum`` of the scale's labels, best first.
    ///
    /// Raises
    /// ------
    /// ImportError
    ///     When polars is not installed.
    ///
    /// Examples
    /// --------
    /// >>> rated.to_polars().group_by("rating").len()
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::frame::convert(py, self._frame(py)?, "to_polars", &[])
    }

    /// Pickled (and copied by ``copy.copy`` and ``copy.deepcopy``) through the canonical JSON
    /// forms of the plan and of the assessment.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let from_parts = py.get_type::<Assessment>().getattr("_from_json")?;
        let plan = crate::plan::Plan::from_data(self.data.clone());
        let text = self.to_json(py)?;
        (from_parts, (plan, text))
            .into_pyobject(py)
            .map(|t| t.into_any())
    }

    /// An assessment of ``plan`` from its JSON form (as ``to_json()`` writes it): how
    /// ``pickle`` and ``copy`` rebuild one.
    #[classmethod]
    fn _from_json(
        _cls: &Bound<'_, pyo3::types::PyType>,
        py: Python<'_>,
        plan: &Bound<'_, PyAny>,
        text: &str,
    ) -> PyResult<Assessment> {
        guard(py, || {
            let plan = plan
                .cast::<crate::plan::Plan>()
                .map_err(|_| input_type_err(py, "plan", "a Plan", plan))?;
            let a: CoreAssessment = serde_json::from_str(text)
                .map_err(actionplan::Error::from)
                .py(py)?;
            Ok(Assessment {
                data: plan.get().data.clone(),
                a: Arc::new(a),
            })
        })
    }

    /// Equal when the ratings, and the plans rated, are equal in value.
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<Assessment>().is_ok_and(|o| {
            let o = o.get();
            (Arc::ptr_eq(&o.a, &self.a) || *o.a == *self.a)
                && (Arc::ptr_eq(&o.data, &self.data) || o.data.plan == self.data.plan)
        })
    }

    fn __hash__(&self) -> u64 {
        crate::views::hash_of((
            self.a.as_of,
            &self.a.rules.id,
            self.a.actions.len(),
            &self.a.plan.rating,
        ))
    }

    fn __len__(&self) -> usize {
        self.a.actions.len()
    }

    fn __repr__(&self) -> String {
        let counts: Vec<String> = self
            .a
            .plan
            .counts
            .iter()
            .map(|c| format!("{} {}", label_name(&self.a, Some(&c.label)), c.count))
            .collect();
        format!(
            "<Assessment {} as of {}: {}>",
            self.a.rules.id,
            self.a.as_of,
            counts.join(", ")
        )
    }

    fn _repr_html_(&self) -> String {
        let mut cells: Vec<(Option<&str>, usize, Option<u32>)> = self
            .a
            .plan
            .counts
            .iter()
            .map(|c| (Some(c.label.as_str()), c.count, None))
            .collect();
        if self.a.plan.not_rated > 0 {
            cells.push((None, self.a.plan.not_rated, None));
        }
        format!(
            "<div class=\"actionplan-assessment\"><strong>{}</strong> as of {}: {} actions<br>{}<small>{}</small></div>",
            escape_html(&self.a.rules.name),
            self.a.as_of,
            self.a.actions.len(),
            label_table(&self.a.scale, &cells),
            escape_html(&self.a.plan.reason)
        )
    }
}

/// One rated action.
#[pyclass(frozen, module = "actionplan")]
pub struct RatedAction {
    data: Arc<PlanData>,
    a: Arc<CoreAssessment>,
    index: usize,
}

impl RatedAction {
    fn r(&self) -> &actionplan::rating::RatedAction {
        &self.a.actions[self.index]
    }
}

#[pymethods]
impl RatedAction {
    /// The action's ref.
    #[getter(r#ref)]
    fn action_ref(&self) -> &str {
        &self.r().action_ref
    }

    /// The recommendation's key.
    #[getter]
    fn recommendation(&self) -> &str {
        &self.r().recommendation
    }

    /// The rating's label id (`None` when not rated).
    #[getter]
    fn rating(&self) -> Option<&str> {
        self.r().rating.as_deref()
    }

    /// The rating's label name ("Red"), or "Not rated".
    #[getter]
    fn label(&self) -> &str {
        label_name(&self.a, self.r().rating.as_deref())
    }

    /// The rule that gave the rating.
    #[getter]
    fn rule(&self) -> Option<&str> {
        self.r().reason.rule.as_deref()
    }

    /// Why, in words ("due 2025-03-31, 42 days overdue, status In progress").
    #[getter]
    fn reason(&self) -> &str {
        &self.r().reason.text
    }

    /// The deadline used.
    #[getter]
    fn due(&self) -> Option<crate::convert::PyDay> {
        crate::convert::day(self.r().facts.due)
    }

    /// `"definitely"`, `"possibly"`, `"no"` or `"no_deadline"`; `None` once the action is
    /// closed (complete, cancelled or superseded: neither overdue nor due).
    #[getter]
    fn overdue(&self) -> Option<&'static str> {
        self.r().facts.open_overdue().map(|o| o.as_str())
    }

    /// Days past the deadline (negative before it); `None` once the action is closed.
    #[getter]
    fn days_overdue(&self) -> Option<i64> {
        self.r().facts.open_days_overdue().map(i64::from)
    }

    /// Every fact the rules looked at, as a dict.
    #[getter]
    fn facts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.r().facts)
    }

    /// The action itself.
    #[getter]
    fn action(&self) -> crate::views::Action {
        let r = self.r();
        let flat = self
            .data
            .index
            .partition_point(|(ri, _)| *ri < r.recommendation_index)
            + r.action_index;
        crate::views::Action::at(&self.data, flat)
    }

    fn __repr__(&self) -> String {
        format!(
            "<RatedAction {}: {} ({})>",
            self.r().action_ref,
            self.label(),
            self.r().reason.text
        )
    }
}

/// Counts and shares by status and rating, overdue, due soon, schedule and workload.
#[pyclass(frozen, module = "actionplan")]
pub struct Stats {
    pub(crate) s: Arc<CoreStats>,
    /// The rating scale of the assessment counted (label names and colours).
    pub(crate) scale: Arc<Scale>,
}

impl Stats {
    /// Wrap core statistics (with the assessment they count, for its scale).
    pub fn new(s: CoreStats, a: Arc<CoreAssessment>) -> Self {
        Stats {
            s: Arc::new(s),
            scale: Arc::new(a.scale.clone()),
        }
    }
}

#[pymethods]
impl Stats {
    /// The date the statistics are as of.
    #[getter]
    fn as_of(&self) -> NaiveDate {
        self.s.as_of
    }

    /// The rule set's id.
    #[getter]
    fn rules(&self) -> &str {
        &self.s.rules
    }

    /// How groups are formed: "recommendation", "theme", "owner", "lead" or "none".
    #[getter]
    fn by(&self) -> &'static str {
        self.s.by.as_str()
    }

    /// Sentences a committee report would use.
    #[getter]
    fn headline(&self) -> Vec<String> {
        self.s.headline.clone()
    }

    /// Whole-plan figures, as a dict.
    #[getter]
    fn plan<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.s.plan)
    }

    /// Figures per group, as dicts.
    #[getter]
    fn groups<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.s.groups)
    }

    /// Per owner: actions, open, complete, overdue, due within 90 days.
    #[getter]
    fn workload<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.s.workload)
    }

    /// The performance indicators rated with the preset ``measures`` and counted apart from
    /// the actions (``sentence``, ``counts``, ``ratings`` with reasons), as a dict; ``None``
    /// when the plan has none.
    #[getter]
    fn measures<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.s.measures.as_ref().map(|m| to_py(py, m)).transpose()
    }

    /// The overdue actions, as dicts.
    #[getter]
    fn overdue<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.s.overdue)
    }

    /// Actions per status key (the plan's figures).
    #[getter]
    fn by_status<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for s in &self.s.plan.by_status {
            d.set_item(&s.key, s.count)?;
        }
        Ok(d)
    }

    /// Actions per rating key (the plan's figures).
    #[getter]
    fn by_rating<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for s in &self.s.plan.by_rating {
            d.set_item(&s.key, s.count)?;
        }
        Ok(d)
    }

    /// The statistics as Python data (dates as ``datetime.date``).
    ///
    /// Returns
    /// -------
    /// dict
    ///     ``as_of``, ``rules``, ``plan``, ``by``, ``groups``, ``workload``, ``overdue`` and
    ///     ``headline``.
    ///
    /// Examples
    /// --------
    /// >>> stats.to_dict()["plan"]["open"]
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &*self.s)
    }

    /// The statistics as JSON (the form the command line's ``stats --json`` writes).
    ///
    /// Returns
    /// -------
    /// str
    ///     Pretty JSON with a final newline.
    ///
    /// Examples
    /// --------
    /// >>> json.loads(stats.to_json())["headline"]
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        guard(py, || to_json_text(py, &*self.s))
    }

    /// One of the statistics' tables, ready for a data frame (through the Arrow PyCapsule
    /// interface: ``pl.DataFrame(stats.table("workload"))``, ``pa.table(...)``).
    ///
    /// Parameters
    /// ----------
    /// name : {"groups", "workload", "overdue"}, default "groups"
    ///     ``"groups"``: one row per group (``by``), with ``actions``, ``open``, overdue and
    ///     due-soon counts, schedule adherence, and the counts by status and by rating as
    ///     ``status_<key>`` and ``rating_<key>`` columns; ``"workload"``: one row per owner;
    ///     ``"overdue"``: one row per overdue action, most overdue first.
    ///
    /// Returns
    /// -------
    /// Frame
    ///
    /// Raises
    /// ------
    /// InvalidOptionError
    ///     For another name.
    ///
    /// Examples
    /// --------
    /// >>> pl.DataFrame(stats.table("workload"))
    #[pyo3(signature = (name="groups"))]
    fn table(&self, py: Python<'_>, name: &str) -> PyResult<crate::frame::Frame> {
        match crate::tables::stats_table(&self.s, &self.scale, name) {
            Some(b) => Ok(crate::frame::Frame::new(b)),
            None => Err(crate::errors::invalid_option(
                py,
                "table",
                format!(
                    "{name:?} is not one of {}",
                    crate::tables::STATS_TABLES.join(", ")
                ),
            )),
        }
    }

    /// The groups table as an Arrow stream (the Arrow PyCapsule interface), so that
    /// ``pyarrow.table(stats)``, ``polars.DataFrame(stats)`` and DuckDB read it directly.
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, pyo3::types::PyCapsule>> {
        let b = crate::tables::stats_table(&self.s, &self.scale, "groups")
            .expect("the groups table is a statistics table");
        crate::arrow::stream_capsule(py, &b, requested_schema)
    }

    /// One of the statistics' tables as a ``pyarrow.Table`` (needs pyarrow).
    ///
    /// Parameters
    /// ----------
    /// table : {"groups", "workload", "overdue"}, default "groups"
    ///     As for :meth:`table`.
    ///
    /// Returns
    /// -------
    /// pyarrow.Table
    ///
    /// Examples
    /// --------
    /// >>> stats.to_arrow("overdue").num_rows
    #[pyo3(signature = (table="groups"))]
    fn to_arrow<'py>(&self, py: Python<'py>, table: &str) -> PyResult<Bound<'py, PyAny>> {
        crate::frame::convert(py, self.table(py, table)?, "to_arrow", &[])
    }

    /// One of the statistics' tables as a ``pandas.DataFrame`` (needs pandas and pyarrow).
    ///
    /// Parameters
    /// ----------
    /// table : {"groups", "workload", "overdue"}, default "groups"
    ///     As for :meth:`table`.
    ///
    /// Returns
    /// -------
    /// pandas.DataFrame
    ///
    /// Raises
    /// ------
    /// InvalidOptionError
    ///     For another table name.
    ///
    /// Examples
    /// --------
    /// >>> stats.to_pandas("workload").sort_values("overdue", ascending=False)
    #[pyo3(signature = (table="groups"))]
    fn to_pandas<'py>(&self, py: Python<'py>, table: &str) -> PyResult<Bound<'py, PyAny>> {
        crate::frame::convert(py, self.table(py, table)?, "to_pandas", &[])
    }

    /// One of the statistics' tables as a ``polars.DataFrame`` (needs polars).
    ///
    /// Parameters
    /// ----------
    /// table : {"groups", "workload", "overdue"}, default "groups"
    ///     As for :meth:`table`.
    ///
    /// Returns
    /// -------
    /// polars.DataFrame
    ///
    /// Examples
    /// --------
    /// >>> stats.to_polars("overdue").head()
    #[pyo3(signature = (table="groups"))]
    fn to_polars<'py>(&self, py: Python<'py>, table: &str) -> PyResult<Bound<'py, PyAny>> {
        crate::frame::convert(py, self.table(py, table)?, "to_polars", &[])
    }

    /// Pickled (and copied by ``copy.copy`` and ``copy.deepcopy``) through the canonical JSON
    /// forms of the statistics and of the rating scale.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let from_json = py.get_type::<Stats>().getattr("_from_json")?;
        let scale = serde_json::to_string(&*self.scale)
            .map_err(actionplan::Error::from)
            .py(py)?;
        (from_json, (self.to_json(py)?, scale))
            .into_pyobject(py)
            .map(|t| t.into_any())
    }

    /// Statistics from their JSON form and the scale's: how ``pickle`` and ``copy`` rebuild
    /// them.
    #[classmethod]
    fn _from_json(
        _cls: &Bound<'_, pyo3::types::PyType>,
        py: Python<'_>,
        text: &str,
        scale: &str,
    ) -> PyResult<Stats> {
        guard(py, || {
            let s: CoreStats = serde_json::from_str(text)
                .map_err(actionplan::Error::from)
                .py(py)?;
            let scale: Scale = serde_json::from_str(scale)
                .map_err(actionplan::Error::from)
                .py(py)?;
            Ok(Stats {
                s: Arc::new(s),
                scale: Arc::new(scale),
            })
        })
    }

    /// Equal when the figures (and the scale) are equal in value.
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Stats>()
            .is_ok_and(|o| *o.get().s == *self.s && *o.get().scale == *self.scale)
    }

    fn __hash__(&self) -> u64 {
        crate::views::hash_of((
            self.s.as_of,
            &self.s.rules,
            self.s.plan.actions,
            &self.s.headline,
        ))
    }

    fn __repr__(&self) -> String {
        format!(
            "<Stats {} as of {}: {} actions, {} open, {} definitely overdue>",
            self.s.rules,
            self.s.as_of,
            self.s.plan.actions,
            self.s.plan.open,
            self.s.plan.overdue_definitely
        )
    }

    fn _repr_html_(&self) -> String {
        let cells: Vec<(Option<&str>, usize, Option<u32>)> = self
            .s
            .plan
            .by_rating
            .iter()
            .map(|s| {
                let id = self.scale.label(&s.key).map(|l| l.id.as_str());
                (id, s.count, Some(s.percent))
            })
            .collect();
        let mut h = format!(
            "<div class=\"actionplan-stats\"><strong>{} actions</strong> as of {}{}",
            self.s.plan.actions,
            self.s.as_of,
            label_table(&self.scale, &cells)
        );
        h.push_str("<table><tr><th>Status</th><th>Actions</th><th>%</th></tr>");
        for s in &self.s.plan.by_status {
            h.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}%</td></tr>",
                escape_html(&s.label),
                s.count,
                s.percent
            ));
        }
        h.push_str("</table><ul>");
        for line in &self.s.headline {
            h.push_str(&format!("<li>{}</li>", escape_html(line)));
        }
        h.push_str("</ul></div>");
        h
    }
}

/// What changed between two versions of a plan.
#[pyclass(frozen, module = "actionplan")]
pub struct PlanDiff {
    pub(crate) d: Arc<CorePlanDiff>,
}

impl PlanDiff {
    /// Wrap the core's diff.
    pub(crate) fn new(d: CorePlanDiff) -> Self {
        PlanDiff { d: Arc::new(d) }
    }
}

#[pymethods]
impl PlanDiff {
    /// One sentence saying what changed.
    #[getter]
    fn headline(&self) -> &str {
        &self.d.headline
    }

    /// Actions added, as dicts.
    #[getter]
    fn added<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.d.added)
    }

    /// Actions dropped, as dicts.
    #[getter]
    fn removed<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.d.removed)
    }

    /// Actions completed since the old version, as dicts.
    #[getter]
    fn completed<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.d.completed)
    }

    /// Status changes, as dicts.
    #[getter]
    fn status_changed<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.d.status_changed)
    }

    /// Reported RAG changes, as dicts.
    #[getter]
    fn rerated<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.d.rerated)
    }

    /// Deadlines moved and by how much, as dicts.
    #[getter]
    fn deadlines_moved<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.d.deadlines_moved)
    }

    /// Progress comments not updated, as dicts.
    #[getter]
    fn comments_not_updated<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.d.comments_not_updated)
    }

    /// The diff as Python data (dates as ``datetime.date``).
    ///
    /// Returns
    /// -------
    /// dict
    ///     ``old``, ``new``, ``matches``, ``added``, ``removed``, ``completed``,
    ///     ``status_changed``, ``rerated``, ``deadlines_moved``, ``comments_not_updated``
    ///     and ``headline``.
    ///
    /// Examples
    /// --------
    /// >>> changes.to_dict()["headline"]
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &*self.d)
    }

    /// The diff as JSON (the form the command line's ``diff --json`` writes).
    ///
    /// Returns
    /// -------
    /// str
    ///     Pretty JSON with a final newline.
    ///
    /// Examples
    /// --------
    /// >>> json.loads(changes.to_json())["completed"]
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        guard(py, || to_json_text(py, &*self.d))
    }

    /// The changes as a table, one row per change, ready for a data frame.
    ///
    /// Returns
    /// -------
    /// Frame
    ///     Columns ``change`` (which list: ``added``, ``removed``, ``renumbered``,
    ///     ``completed``, ``status_changed``, ``rerated``, ``rerated_derived``,
    ///     ``deadlines_moved``, ``comments_not_updated``), ``ref``, ``recommendation``,
    ///     ``description``, ``from``, ``to``, ``from_due``, ``to_due``, ``days_moved`` and
    ///     ``comment``.
    ///
    /// Examples
    /// --------
    /// >>> pl.DataFrame(changes.table())
    fn table(&self) -> crate::frame::Frame {
        crate::frame::Frame::new(crate::tables::diff_table(&self.d))
    }

    /// The changes as an Arrow stream (the Arrow PyCapsule interface), so that
    /// ``pyarrow.table(changes)``, ``polars.DataFrame(changes)`` and DuckDB read them.
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, pyo3::types::PyCapsule>> {
        crate::arrow::stream_capsule(py, &crate::tables::diff_table(&self.d), requested_schema)
    }

    /// The changes as a ``pyarrow.Table`` (needs pyarrow), one row per change.
    ///
    /// Returns
    /// -------
    /// pyarrow.Table
    ///     The columns of :meth:`table`.
    ///
    /// Examples
    /// --------
    /// >>> changes.to_arrow().num_rows
    fn to_arrow<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::frame::convert(py, self.table(), "to_arrow", &[])
    }

    /// The changes as a ``pandas.DataFrame`` (needs pandas and pyarrow), one row per change.
    ///
    /// Returns
    /// -------
    /// pandas.DataFrame
    ///     The columns of :meth:`table`.
    ///
    /// Examples
    /// --------
    /// >>> df = changes.to_pandas()
    /// >>> df[df.change == "deadlines_moved"]
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::frame::convert(py, self.table(), "to_pandas", &[])
    }

    /// The changes as a ``polars.DataFrame`` (needs polars), one row per change.
    ///
    /// Returns
    /// -------
    /// polars.DataFrame
    ///     The columns of :meth:`table`.
    ///
    /// Examples
    /// --------
    /// >>> changes.to_polars().filter(pl.col("change") == "completed")
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::frame::convert(py, self.table(), "to_polars", &[])
    }

    /// Pickled (and copied by ``copy.copy`` and ``copy.deepcopy``) through the canonical JSON
    /// form.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let from_json = py.get_type::<PlanDiff>().getattr("_from_json")?;
        (from_json, (self.to_json(py)?,))
            .into_pyobject(py)
            .map(|t| t.into_any())
    }

    /// A diff from its JSON form (as ``to_json()`` writes it): how ``pickle`` and ``copy``
    /// rebuild one.
    #[classmethod]
    fn _from_json(
        _cls: &Bound<'_, pyo3::types::PyType>,
        py: Python<'_>,
        text: &str,
    ) -> PyResult<PlanDiff> {
        guard(py, || {
            let d: CorePlanDiff = serde_json::from_str(text)
                .map_err(actionplan::Error::from)
                .py(py)?;
            Ok(PlanDiff::new(d))
        })
    }

    /// Equal when the changes are equal in value.
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PlanDiff>()
            .is_ok_and(|o| *o.get().d == *self.d)
    }

    fn __hash__(&self) -> u64 {
        crate::views::hash_of((&self.d.headline, self.d.old.actions, self.d.new.actions))
    }

    fn __repr__(&self) -> String {
        format!("<PlanDiff: {}>", self.d.headline)
    }

    fn _repr_html_(&self) -> String {
        format!(
            "<div class=\"actionplan-diff\">{}</div>",
            escape_html(&self.d.headline)
        )
    }
}

/// The shipped rule presets.
///
/// Returns
/// -------
/// list of dict
///     One dict per preset, with ``id``, ``name`` and ``description``.
///
/// Examples
/// --------
/// >>> [p["id"] for p in actionplan.presets()][:2]
/// ['date-rag', 'brag']
#[pyfunction]
pub fn presets(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_py(py, &RuleSet::presets())
}

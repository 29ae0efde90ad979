//! The `Plan` class.

use crate::convert::{as_of_for, input_type_err, opt_date, opt_str};
use crate::errors::{guard, CoreResult};
use crate::frame::{action_table, Frame};
use crate::rating::{group_by, rule_set, Assessment, Stats};
use crate::views::{self, ActionIter, Actions, Column, PlanData, Recommendations};
use actionplan::validate::{self, ValidateOptions};
use actionplan::Severity;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use std::sync::Arc;

/// An action plan: recommendations, each with its actions.
///
/// Read one with `actionplan.read_csv(...)`, `read_json(...)`, `from_records(...)`,
/// `from_pandas(...)` or `from_polars(...)`. A plan is read-only. `len(plan)` is the number of
/// actions and iterating over a plan gives its actions in order.
#[pyclass(frozen, module = "actionplan")]
pub struct Plan {
    pub(crate) data: Arc<PlanData>,
}

impl Plan {
    /// Wrap a core plan.
    pub fn new(plan: actionplan::Plan) -> Self {
        Plan {
            data: PlanData::new(plan),
        }
    }

    /// A plan over data already shared with views.
    pub fn from_data(data: Arc<PlanData>) -> Self {
        Plan { data }
    }

    /// The core plan.
    pub fn core(&self) -> &actionplan::Plan {
        &self.data.plan
    }
}

impl Plan {
    /// Assess with the caller's arguments.
    fn assessment(
        &self,
        py: Python<'_>,
        as_of: Option<&Bound<'_, PyAny>>,
        rules: Option<&Bound<'_, PyAny>>,
        previous: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<actionplan::rating::Assessment> {
        let rs = rule_set(py, rules)?;
        let plan = &self.data.plan;
        let as_of = as_of_for(py, plan, as_of)?;
        match previous.filter(|p| !p.is_none()) {
            Some(p) => {
                let old = p
                    .cast::<Plan>()
                    .map_err(|_| crate::convert::input_type_err(py, "previous", "a Plan", p))?;
                let old = &old.get().data.plan;
                py.detach(|| actionplan::rating::assess_since(plan, old, &rs, as_of))
                    .py(py)
            }
            None => py
                .detach(|| actionplan::rating::assess(plan, &rs, as_of))
                .py(py),
        }
    }
}

/// Escape text for HTML: the core's escaping, one copy for every door.
pub use actionplan::report::escape_html;

#[pymethods]
impl Plan {
    /// Read a plan from its canonical JSON form (as written by `to_json()`).
    ///
    /// Parameters
    /// ----------
    /// text : str
    ///     The JSON text.
    ///
    /// Returns
    /// -------
    /// Plan
    ///
    /// Raises
    /// ------
    /// InvalidJsonError
    ///     When the text is not a plan's JSON form.
    ///
    /// Examples
    /// --------
    /// >>> actionplan.Plan.from_json(plan.to_json()) == plan
    /// True
    #[classmethod]
    fn from_json(
        _cls: &Bound<'_, pyo3::types::PyType>,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
    ) -> PyResult<Plan> {
        guard(py, || {
            let text = crate::convert::opt_str(Some(text), "text")?.unwrap_or_default();
            let plan = actionplan::Plan::from_json(&text).py(py)?;
            Ok(Plan::new(plan))
        })
    }

    /// The council or public body.
    #[getter]
    fn organisation(&self) -> Option<&str> {
        self.core().meta.organisation.as_deref()
    }

    /// The plan's title.
    #[getter]
    fn title(&self) -> Option<&str> {
        self.core().meta.title.as_deref()
    }

    /// When the plan was agreed: the reference date for phrases with no year.
    #[getter]
    fn plan_date(&self) -> Option<crate::convert::PyDay> {
        crate::convert::day(self.core().meta.plan_date)
    }

    /// The date the progress columns describe (e.g. 2025-03-31 for "2024/25 Qrt4").
    #[getter]
    fn as_of(&self) -> Option<crate::convert::PyDay> {
        crate::convert::day(self.core().meta.as_of)
    }

    /// The reporting period as written.
    #[getter]
    fn period(&self) -> Option<&str> {
        self.core().meta.period.as_deref()
    }

    /// Where the plan came from ("csv", "tsv", "json", "records", ...).
    #[getter]
    fn source_format(&self) -> Option<&str> {
        self.core().meta.source_format.as_deref()
    }

    /// The source columns, each with the field it was read into.
    #[getter]
    fn columns(&self) -> Vec<Column> {
        self.core().columns.iter().map(Column::from).collect()
    }

    /// The recommendations (a read-only sequence).
    #[getter]
    fn recommendations(&self) -> Recommendations {
        Recommendations {
            data: self.data.clone(),
        }
    }

    /// Every action, in order (a read-only sequence).
    #[getter]
    fn actions(&self) -> Actions {
        Actions {
            data: self.data.clone(),
        }
    }

    /// The performance indicators reported beside the actions, as dicts (name, target,
    /// actual, polarity, ...; each figure is a dict with its text and, when read with
    /// confidence, its value). Rated and counted in ``plan.stats().measures``.
    ///
    /// Examples
    /// --------
    /// >>> plan.measures
    /// []
    #[getter]
    fn measures<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let value = serde_json::to_value(&self.core().measures)
                .map_err(actionplan::Error::from)
                .py(py)?;
            crate::rating::json_to_py(py, &value, None)
        })
    }

    /// What the reader noticed while importing (encoding repairs, inferred columns, ...).
    #[getter]
    fn import_diagnostics<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        views::diagnostics_list(py, &self.core().import_diagnostics)
    }

    /// Check the plan: the reader's notes first, then the checks. Never raises for a problem
    /// in the plan.
    ///
    /// Parameters
    /// ----------
    /// disable : list of str, optional
    ///     Codes to leave out (``["missing_owner"]``).
    /// severity : dict, optional
    ///     ``{code: "info" | "warning" | "error"}`` overrides.
    /// skip_import_info : bool, default False
    ///     Leave out the reader's informational notes.
    ///
    /// Returns
    /// -------
    /// Diagnostics
    ///     A list of :class:`Diagnostic` that is also a table (``to_pandas()``,
    ///     ``to_polars()``, ``pl.DataFrame(found)``).
    ///
    /// Raises
    /// ------
    /// InvalidOptionError
    ///     For a severity that is not info, warning or error.
    /// InputTypeError
    ///     When ``severity`` is not a dict.
    ///
    /// Examples
    /// --------
    /// >>> found = plan.validate(disable=["missing_owner"])
    /// >>> [d.code for d in found if d.severity == "error"]
    #[pyo3(signature = (*, disable=None, severity=None, skip_import_info=false))]
    fn validate<'py>(
        &self,
        py: Python<'py>,
        disable: Option<Vec<String>>,
        severity: Option<&Bound<'_, PyAny>>,
        skip_import_info: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let mut opts = {
                let mut v = ValidateOptions::default();
                v.skip_import_info = skip_import_info;
                v
            };
            for code in disable.unwrap_or_default() {
                opts.config.disable(code);
            }
            if let Some(sev) = severity.filter(|s| !s.is_none()) {
                let d = sev.cast::<PyDict>().map_err(|_| {
                    crate::errors::input_type(
                        py,
                        "severity must be a dict of {code: \"info\" | \"warning\" | \"error\"}",
                    )
                })?;
                for (k, v) in d.iter() {
                    let code = opt_str(Some(&k), "a severity code")?.unwrap_or_default();
                    let level = opt_str(Some(&v), "a severity")?.unwrap_or_default();
                    let level: Severity = level.parse().py(py)?;
                    opts.config.set_severity(code, level);
                }
            }
            let plan = &self.data.plan;
            let found = py.detach(|| validate::validate(plan, &opts));
            views::diagnostics_list(py, &found)
        })
    }

    /// The plan in its canonical JSON form (lossless: `Plan.from_json(plan.to_json())` gives
    /// the same plan).
    ///
    /// Returns
    /// -------
    /// str
    ///     The JSON text (the form of ``schema/plan.schema.json``).
    ///
    /// Examples
    /// --------
    /// >>> actionplan.Plan.from_json(plan.to_json()) == plan
    /// True
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        guard(py, || Ok(self.core().to_json()))
    }

    /// The plan as CSV (UTF-8, its own columns, formula-safe).
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
    /// >>> plan.to_csv("tidy.csv").splitlines()[0]
    #[pyo3(signature = (path=None))]
    fn to_csv(&self, py: Python<'_>, path: Option<&Bound<'_, PyAny>>) -> PyResult<String> {
        guard(py, || {
            let plan = &self.data.plan;
            let text = py.detach(|| actionplan::export::to_csv(plan));
            if let Some(p) = path {
                crate::convert::write_text(p, &text)?;
            }
            Ok(text)
        })
    }

    /// The plan as plain Python data: the canonical JSON form, with its dates as
    /// `datetime.date`.
    ///
    /// Returns
    /// -------
    /// dict
    ///     ``{"meta": {...}, "columns": [...], "recommendations": [...], ...}``.
    ///
    /// Examples
    /// --------
    /// >>> plan.to_dict()["meta"]["as_of"]
    /// datetime.date(2025, 3, 31)
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let value = serde_json::to_value(self.core())
                .map_err(actionplan::Error::from)
                .py(py)?;
            crate::rating::json_to_py(py, &value, None)
        })
    }

    /// Rate every action with a rule set, as of a date.
    ///
    /// Parameters
    /// ----------
    /// as_of : date-like, optional
    ///     The date to rate as of: a ``datetime.date``, ``datetime``, ``pandas.Timestamp``,
    ///     ``numpy.datetime64`` or ISO text. Default: the date the plan records
    ///     (``plan.as_of``, the period of its progress columns), else today.
    /// rules : str, os.PathLike or dict, optional
    ///     A preset name (``"date-rag"``, the default, ``"brag"``, ``"rag"``,
    ///     ``"five-point"``, ``"months-behind"``, ``"delay-bands"``, ``"percent-bands"``,
    ///     ``"staleness"``, ``"forecast"``), a path to a JSON or TOML rules file, or a dict in the same form.
    /// previous : Plan, optional
    ///     The plan's last version, so that staleness rules can compare comments.
    ///
    /// Returns
    /// -------
    /// Assessment
    ///     Ratings with reasons, roll-ups and findings.
    ///
    /// Raises
    /// ------
    /// InvalidOptionError
    ///     For an unknown preset or a rule set that does not hold together (a dict's error
    ///     names the place in it, e.g. ``rules[2].when.days_overdue``).
    /// PlanFileNotFoundError
    ///     When the rules file does not exist.
    ///
    /// Examples
    /// --------
    /// >>> rated = plan.assess(as_of="2025-06-30", rules="date-rag")
    /// >>> rated.counts
    /// {'Blue': 0, 'Green': 14, 'Amber': 1, 'Red': 11}
    #[pyo3(signature = (as_of=None, rules=None, *, previous=None))]
    fn assess(
        &self,
        py: Python<'_>,
        as_of: Option<&Bound<'_, PyAny>>,
        rules: Option<&Bound<'_, PyAny>>,
        previous: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Assessment> {
        guard(py, || {
            let a = self.assessment(py, as_of, rules, previous)?;
            Ok(Assessment::new(self.data.clone(), a))
        })
    }

    /// Counts and shares by status and rating, overdue, due soon, schedule and workload.
    ///
    /// Parameters
    /// ----------
    /// as_of : date-like, optional
    ///     As for :meth:`assess`: default the date the plan records, else today.
    /// rules : str, os.PathLike or dict, optional
    ///     As for :meth:`assess`.
    /// by : {"recommendation", "theme", "owner", "lead", "none"}, optional
    ///     How to group the counts (default ``"recommendation"``).
    /// format : dict or str, optional
    ///     How the headline writes its figures, as a rules file's ``format`` block:
    ///     ``{"order": "percent_count", "decimals": 1, "rounding": "each",
    ///     "less_than_one": True, "denominator": "rated", "in_progress_breakdown": False,
    ///     "labels": "as_written", "verbs": True, "separator": "; "}`` (any of these). It wins
    ///     over the rule set's own ``format``.
    ///
    /// Returns
    /// -------
    /// Stats
    ///
    /// Examples
    /// --------
    /// >>> plan.stats(as_of="2025-06-30").headline[0]
    /// >>> plan.stats(format={"order": "count_of_total"}).headline[0]
    #[pyo3(signature = (as_of=None, rules=None, *, by=None, format=None))]
    fn stats(
        &self,
        py: Python<'_>,
        as_of: Option<&Bound<'_, PyAny>>,
        rules: Option<&Bound<'_, PyAny>>,
        by: Option<&Bound<'_, PyAny>>,
        format: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Stats> {
        guard(py, || {
            let by = group_by(py, by)?;
            let format = crate::rating::stats_format(py, format)?;
            let a = Arc::new(self.assessment(py, as_of, rules, None)?);
            let plan = &self.data.plan;
            let s = py.detach(|| crate::rating::stats_of(plan, &a, by, format.as_ref()));
            Ok(Stats::new(s, a))
        })
    }

    /// A report on the plan, rated as of a date.
    ///
    /// Parameters
    /// ----------
    /// as_of : date-like, optional
    ///     As for :meth:`assess`: default the date the plan records, else today.
    /// rules : str, os.PathLike or dict, optional
    ///     As for :meth:`assess`.
    /// path : str or os.PathLike, optional
    ///     Also write the report there; the format, when not given, is taken from its suffix
    ///     (a suffix that is not a report format is an error).
    /// format : {"html", "markdown", "md", "csv"}, optional
    ///     A self-contained page (default), Markdown, or the rated actions as CSV.
    /// previous : Plan, optional
    ///     The last version: the report says what changed since.
    /// previous_as_of : date-like, optional
    ///     The date to rate ``previous`` as of (default its own date, else ``as_of``).
    /// by : {"recommendation", "theme", "owner", "lead", "none"}, optional
    ///     How to group the statistics.
    ///
    /// Returns
    /// -------
    /// str
    ///     The report text.
    ///
    /// Examples
    /// --------
    /// >>> plan.report(path="report.html")
    #[pyo3(signature = (as_of=None, rules=None, *, path=None, format=None, previous=None, previous_as_of=None, by=None))]
    #[allow(clippy::too_many_arguments)]
    fn report(
        &self,
        py: Python<'_>,
        as_of: Option<&Bound<'_, PyAny>>,
        rules: Option<&Bound<'_, PyAny>>,
        path: Option<&Bound<'_, PyAny>>,
        format: Option<&Bound<'_, PyAny>>,
        previous: Option<&Bound<'_, PyAny>>,
        previous_as_of: Option<&Bound<'_, PyAny>>,
        by: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<String> {
        guard(py, || {
            let fmt: actionplan::report::Format = match opt_str(format, "format")? {
                Some(f) => f.parse().py(py)?,
                None => match path.filter(|p| !p.is_none()) {
                    Some(p) => {
                        let s: String =
                            py.import("os")?.getattr("fspath")?.call1((p,))?.extract()?;
                        actionplan::report::Format::from_path(&s).py(py)?
                    }
                    None => actionplan::report::Format::Html,
                },
            };
            if fmt.is_binary() {
                return Err(crate::errors::invalid_option(
                    py,
                    "format",
                    format!("{fmt} is a workbook: use to_excel() to write it"),
                ));
            }
            let by = group_by(py, by)?;
            let rs = rule_set(py, rules)?;
            let as_of = as_of_for(py, &self.data.plan, as_of)?;
            let previous_as_of = opt_date(previous_as_of, "previous_as_of")?;
            let plan = &self.data.plan;
            let prev = match previous.filter(|p| !p.is_none()) {
                Some(p) => Some(
                    p.cast::<Plan>()
                        .map_err(|_| crate::convert::input_type_err(py, "previous", "a Plan", p))?
                        .get()
                        .data
                        .clone(),
                ),
                None => None,
            };
            let a = actionplan::rating::assess(plan, &rs, as_of).py(py)?;
            let s = actionplan::stats::stats(plan, &a, by);
            let d = match &prev {
                Some(old) => Some(
                    actionplan::diff::diff_rated(&old.plan, plan, &rs, &a, previous_as_of)
                        .py(py)?,
                ),
                None => None,
            };
            let bytes = actionplan::report::render(fmt, plan, &a, &s, d.as_ref()).py(py)?;
            let text = String::from_utf8(bytes).expect("text reports are UTF-8");
            if let Some(p) = path.filter(|p| !p.is_none()) {
                crate::convert::write_text(p, &text)?;
            }
            Ok(text)
        })
    }

    /// The rated tracker workbook (`.xlsx`): one row per action with its rating in a coloured
    /// cell and as a label, the reason, real dates, a frozen header and filters, and a summary
    /// sheet with the statistics.
    ///
    /// Parameters
    /// ----------
    /// path : str or os.PathLike, optional
    ///     Also write the workbook there.
    /// as_of : date-like, optional
    ///     As for :meth:`assess`: default the date the plan records, else today.
    /// rules : str, os.PathLike or dict, optional
    ///     As for :meth:`assess`.
    /// by : {"recommendation", "theme", "owner", "lead", "none"}, optional
    ///     How to group the summary's statistics.
    ///
    /// Returns
    /// -------
    /// bytes
    ///     The workbook, whether or not it was written.
    ///
    /// Raises
    /// ------
    /// InvalidOptionError
    ///     For an unknown preset or ``by``.
    ///
    /// Examples
    /// --------
    /// >>> plan.to_excel("rated.xlsx", rules="brag")
    #[pyo3(signature = (path=None, *, as_of=None, rules=None, by=None))]
    fn to_excel<'py>(
        &self,
        py: Python<'py>,
        path: Option<&Bound<'py, PyAny>>,
        as_of: Option<&Bound<'py, PyAny>>,
        rules: Option<&Bound<'py, PyAny>>,
        by: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, pyo3::types::PyBytes>> {
        guard(py, || {
            let by = group_by(py, by)?;
            let rs = rule_set(py, rules)?;
            let plan = &self.data.plan;
            let as_of = as_of_for(py, plan, as_of)?;
            let a = actionplan::rating::assess(plan, &rs, as_of).py(py)?;
            let s = actionplan::stats::stats(plan, &a, by);
            let bytes = actionplan::report::rated_tracker_xlsx(plan, &a, &s).py(py)?;
            if let Some(p) = path.filter(|p| !p.is_none()) {
                crate::convert::write_bytes(p, &bytes)?;
            }
            Ok(pyo3::types::PyBytes::new(py, &bytes))
        })
    }

    /// Arrow columns of the action table (one row per action), for `to_arrow()`,
    /// `to_pandas()` and `to_polars()`.
    fn _frame(&self, py: Python<'_>) -> PyResult<Frame> {
        guard(py, || {
            let data = self.data.clone();
            let table = py.detach(move || action_table(&data));
            Ok(Frame::new(table))
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

    /// The action table as a ``pyarrow.Table`` (needs pyarrow).
    ///
    /// Returns
    /// -------
    /// pyarrow.Table
    ///     One row per action: ``recommendation``, ``ref``, ``description``, ``owner``,
    ///     ``owners`` (a list), ``timeframe`` as written and its reading (``start``,
    ///     ``due_earliest``, ``due``, ...), ``status``, ``rag``, ``latest_update``, ``row``...
    ///     Repeated text (recommendations, owners, statuses, phrases) is dictionary-encoded.
    ///
    /// Raises
    /// ------
    /// ImportError
    ///     When pyarrow is not installed.
    ///
    /// Examples
    /// --------
    /// >>> plan.to_arrow().column_names[:4]
    /// ['recommendation', 'recommendation_title', 'theme', 'ref']
    fn to_arrow<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::frame::convert(py, self._frame(py)?, "to_arrow", &[])
    }

    /// The action table as a ``pandas.DataFrame`` (needs pandas and pyarrow).
    ///
    /// Parameters
    /// ----------
    /// dates : {"datetime64", "date", "arrow"}, default "datetime64"
    ///     ``datetime64[ms]`` columns (pandas' own), ``datetime.date`` objects, or
    ///     ``date32[pyarrow]``.
    ///
    /// Returns
    /// -------
    /// pandas.DataFrame
    ///     One row per action, as :meth:`to_arrow`; repeated text as ``Categorical``, whole
    ///     numbers with gaps as ``Int64``.
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
    /// >>> plan.to_pandas().groupby("owner", observed=True).size()
    #[pyo3(signature = (*, dates="datetime64"))]
    fn to_pandas<'py>(&self, py: Python<'py>, dates: &str) -> PyResult<Bound<'py, PyAny>> {
        let dates = pyo3::types::PyString::new(py, dates).into_any();
        crate::frame::convert(py, self._frame(py)?, "to_pandas", &[("dates", dates)])
    }

    /// The action table as a ``polars.DataFrame`` (needs polars).
    ///
    /// Returns
    /// -------
    /// polars.DataFrame
    ///     One row per action, as :meth:`to_arrow`; repeated text as ``pl.Categorical``.
    ///
    /// Raises
    /// ------
    /// ImportError
    ///     When polars is not installed.
    ///
    /// Examples
    /// --------
    /// >>> plan.to_polars().filter(pl.col("status") == "complete")
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::frame::convert(py, self._frame(py)?, "to_polars", &[])
    }

    fn __len__(&self) -> usize {
        self.data.index.len()
    }

    /// `plan["CPC001"]`: the action with that ref (`KeyError` when none has it);
    /// `plan[i]` and `plan[i:j]`: by position, as `plan.actions[...]`.
    fn __getitem__<'py>(
        &self,
        py: Python<'py>,
        key: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.actions().into_pyobject(py)?.get_item(key)
    }

    /// `"CPC001" in plan`: an action has that ref (or an equal `Action` is in the plan).
    fn __contains__(&self, value: &Bound<'_, PyAny>) -> bool {
        (0..self.data.index.len()).any(|i| views::action_matches(&self.data, value, i))
    }

    /// Equal when the plans are equal in value (the same canonical JSON form).
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Plan>()
            .is_ok_and(|o| Arc::ptr_eq(&o.get().data, &self.data) || o.get().core() == self.core())
    }

    fn __hash__(&self) -> u64 {
        let p = self.core();
        views::hash_of((
            &p.meta.title,
            &p.meta.organisation,
            p.meta.as_of,
            self.data.index.len(),
            p.actions().next().map(|(_, a)| &a.action_ref),
        ))
    }

    /// Pickled (and copied by `copy.copy`/`copy.deepcopy`) through the canonical JSON form.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let from_json = py.get_type::<Plan>().getattr("from_json")?;
        let text = self.to_json(py)?;
        (from_json, (text,)).into_pyobject(py).map(|t| t.into_any())
    }

    fn __iter__(&self) -> ActionIter {
        ActionIter::new(self.data.clone())
    }

    fn __repr__(&self) -> String {
        let m = &self.core().meta;
        let mut s = String::from("<Plan");
        if let Some(t) = &m.title {
            s.push_str(&format!(" {t:?}"));
        }
        if let Some(o) = &m.organisation {
            s.push_str(&format!(" ({o})"));
        }
        s.push_str(&format!(
            ": {} recommendations, {} actions>",
            self.core().recommendations.len(),
            self.data.index.len()
        ));
        s
    }

    fn _repr_html_(&self) -> String {
        let p = self.core();
        let m = &p.meta;
        let mut h = String::from("<div class=\"actionplan-plan\">");
        h.push_str(&format!(
            "<strong>{}</strong>",
            escape_html(m.title.as_deref().unwrap_or("Action plan"))
        ));
        if let Some(o) = &m.organisation {
            h.push_str(&format!(" — {}", escape_html(o)));
        }
        h.push_str(&format!(
            "<br><small>{} recommendations, {} actions",
            p.recommendations.len(),
            self.data.index.len()
        ));
        if let Some(d) = m.plan_date {
            h.push_str(&format!(", plan date {d}"));
        }
        h.push_str("</small>");
        h.push_str("<table><thead><tr><th>Ref</th><th>Action</th><th>Owner</th><th>Due</th><th>Status</th></tr></thead><tbody>");
        const SHOW: usize = 10;
        for (_, a) in p.actions().take(SHOW) {
            let desc: String = a.description.chars().take(80).collect();
            let ell = if a.description.chars().count() > 80 {
                "…"
            } else {
                ""
            };
            h.push_str(&format!(
                "<tr><td>{}</td><td>{}{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape_html(&a.action_ref),
                escape_html(&desc),
                ell,
                escape_html(&a.owners.join(" / ")),
                a.due().map(|d| d.to_string()).unwrap_or_default(),
                escape_html(a.status.as_ref().map(|s| s.label()).unwrap_or("")),
            ));
        }
        h.push_str("</tbody></table>");
        if self.data.index.len() > SHOW {
            h.push_str(&format!(
                "<small>… and {} more actions</small>",
                self.data.index.len() - SHOW
            ));
        }
        h.push_str("</div>");
        h
    }
}

/// What changed between two versions of a plan.
///
/// Parameters
/// ----------
/// old, new : Plan
///     The two versions.
/// rules : str, os.PathLike or dict, optional
///     With a rule set (or ``as_of``), derived ratings are compared too.
/// as_of : date-like, optional
///     The date to rate ``new`` as of (default the date it records, else today).
/// old_as_of : date-like, optional
///     The date to rate ``old`` as of (default the date it records, else ``new``'s).
///
/// Returns
/// -------
/// PlanDiff
///     Actions added, removed, completed, re-rated, deadlines moved, comments not updated.
///
/// Examples
/// --------
/// >>> actionplan.diff(last_quarter, this_quarter, rules="date-rag").completed
#[pyfunction]
#[pyo3(signature = (old, new, *, rules=None, as_of=None, old_as_of=None))]
pub fn diff(
    py: Python<'_>,
    old: &Bound<'_, PyAny>,
    new: &Bound<'_, PyAny>,
    rules: Option<&Bound<'_, PyAny>>,
    as_of: Option<&Bound<'_, PyAny>>,
    old_as_of: Option<&Bound<'_, PyAny>>,
) -> PyResult<crate::rating::PlanDiff> {
    guard(py, || {
        let old = plan_arg(old, "old")?;
        let new = plan_arg(new, "new")?;
        let (o, n) = (&old.get().data.plan, &new.get().data.plan);
        let mut d = py.detach(|| actionplan::diff::diff(o, n));
        let given = crate::convert::opt_date(as_of, "as_of")?;
        if rules.is_some_and(|r| !r.is_none()) || given.is_some() {
            let rs = rule_set(py, rules)?;
            // Each version as of its own date unless told (the core decides, as everywhere).
            let new_as_of = as_of_for(py, n, as_of)?;
            let old_as_of = o.as_of_or(crate::convert::opt_date(old_as_of, "old_as_of")?, || {
                new_as_of
            });
            let oa = actionplan::rating::assess(o, &rs, old_as_of).py(py)?;
            let na = actionplan::rating::assess(n, &rs, new_as_of).py(py)?;
            d.add_ratings(&oa, &na);
        }
        Ok(crate::rating::PlanDiff::new(d))
    })
}

pub(crate) fn plan_arg<'py>(obj: &Bound<'py, PyAny>, name: &str) -> PyResult<Bound<'py, Plan>> {
    obj.cast::<Plan>()
        .cloned()
        .map_err(|_| input_type_err(obj.py(), name, "a Plan", obj))
}

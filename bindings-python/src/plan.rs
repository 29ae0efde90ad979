//! The `Plan` class.

use crate::convert::{opt_date, opt_str};
use crate::errors::{guard, CoreResult};
use crate::frame::{action_table, Frame};
use crate::rating::{group_by, rule_set, Assessment, Stats};
use crate::views::{self, ActionIter, Actions, Column, Diagnostic, PlanData, Recommendations};
use actionplan::validate::{self, ValidateOptions};
use actionplan::Severity;
use chrono::NaiveDate;
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
        let as_of = as_of_or_today(py, as_of)?;
        let plan = &self.data.plan;
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

/// Escape text for HTML.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Today, from Python's clock (the core never reads one).
pub fn today(py: Python<'_>) -> PyResult<NaiveDate> {
    py.import("datetime")?
        .getattr("date")?
        .call_method0("today")?
        .extract()
}

/// `as_of` as given, or today.
pub fn as_of_or_today(py: Python<'_>, as_of: Option<&Bound<'_, PyAny>>) -> PyResult<NaiveDate> {
    match opt_date(as_of, "as_of")? {
        Some(d) => Ok(d),
        None => today(py),
    }
}

#[pymethods]
impl Plan {
    /// Read a plan from its canonical JSON form (as written by `to_json()`).
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Plan> {
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

    /// What the reader noticed while importing (encoding repairs, inferred columns, ...).
    #[getter]
    fn import_diagnostics(&self) -> Vec<Diagnostic> {
        views::diagnostics(&self.core().import_diagnostics)
    }

    /// Check the plan: a list of `Diagnostic` (the reader's notes first, then the checks).
    /// Never raises for a problem in the plan.
    ///
    /// `disable`: codes to leave out; `severity`: `{code: "info" | "warning" | "error"}`
    /// overrides; `skip_import_info`: leave out the reader's informational notes.
    #[pyo3(signature = (*, disable=None, severity=None, skip_import_info=false))]
    fn validate(
        &self,
        py: Python<'_>,
        disable: Option<Vec<String>>,
        severity: Option<&Bound<'_, PyAny>>,
        skip_import_info: bool,
    ) -> PyResult<Vec<Diagnostic>> {
        guard(py, || {
            let mut opts = ValidateOptions {
                skip_import_info,
                ..ValidateOptions::default()
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
            Ok(views::diagnostics(&found))
        })
    }

    /// The plan in its canonical JSON form (lossless: `Plan.from_json(plan.to_json())` gives
    /// the same plan).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        guard(py, || Ok(self.core().to_json()))
    }

    /// The plan as CSV (UTF-8, its own columns, formula-safe). With `path`, also write it there.
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

    /// The plan as plain Python data (the canonical JSON form, parsed).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let text = self.to_json(py)?;
        py.import("json")?.call_method1("loads", (text,))
    }

    /// Rate every action as of a date (default: today) with a rule set: a preset name
    /// (`"date-rag"`, `"brag"`, `"rag"`, `"five-point"`, `"months-behind"`, `"delay-bands"`,
    /// `"percent-bands"`, `"staleness"`), a path to a JSON or TOML rules file, or a dict.
    /// With `previous` (the plan's last version), staleness rules can compare comments.
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

    /// Counts and shares by status and rating, overdue, due soon, schedule and workload, as of
    /// a date (default: today), grouped `by` "recommendation" (default), "theme", "owner",
    /// "lead" or "none".
    #[pyo3(signature = (as_of=None, rules=None, *, by=None))]
    fn stats(
        &self,
        py: Python<'_>,
        as_of: Option<&Bound<'_, PyAny>>,
        rules: Option<&Bound<'_, PyAny>>,
        by: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Stats> {
        guard(py, || {
            let by = group_by(py, by)?;
            let a = Arc::new(self.assessment(py, as_of, rules, None)?);
            let plan = &self.data.plan;
            let s = py.detach(|| actionplan::stats::stats(plan, &a, by));
            Ok(Stats::new(s, a))
        })
    }

    /// A report as of a date (default: today): `format="html"` (a self-contained page),
    /// `"markdown"` or `"csv"` (the rated actions). With `path`, it is also written there
    /// (and the format, when not given, is taken from the path's suffix). With `previous`,
    /// the report says what changed since that version (rated as of `previous_as_of`, else
    /// its own as-of date, else `as_of`).
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
            let fmt = match opt_str(format, "format")? {
                Some(f) => f.to_ascii_lowercase(),
                None => match path.filter(|p| !p.is_none()) {
                    Some(p) => {
                        let s: String =
                            py.import("os")?.getattr("fspath")?.call1((p,))?.extract()?;
                        let lower = s.to_ascii_lowercase();
                        if lower.ends_with(".md") || lower.ends_with(".markdown") {
                            "markdown".into()
                        } else if lower.ends_with(".csv") {
                            "csv".into()
                        } else {
                            "html".into()
                        }
                    }
                    None => "html".into(),
                },
            };
            let by = group_by(py, by)?;
            let rs = rule_set(py, rules)?;
            let as_of = as_of_or_today(py, as_of)?;
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
            let text = match fmt.as_str() {
                "html" | "markdown" | "md" => {
                    let a = actionplan::rating::assess(plan, &rs, as_of).py(py)?;
                    let s = actionplan::stats::stats(plan, &a, by);
                    let d = match &prev {
                        Some(old) => Some(
                            actionplan::diff::diff_rated(&old.plan, plan, &rs, &a, previous_as_of)
                                .py(py)?,
                        ),
                        None => None,
                    };
                    if fmt == "html" {
                        actionplan::report::html(plan, &a, &s, d.as_ref())
                    } else {
                        actionplan::report::markdown(plan, &a, &s, d.as_ref())
                    }
                }
                "csv" => {
                    let a = actionplan::rating::assess(plan, &rs, as_of).py(py)?;
                    actionplan::report::rated_csv(plan, &a)
                }
                other => {
                    return Err(crate::errors::invalid_option(
                        py,
                        "format",
                        format!("{other:?} is not one of html, markdown, csv"),
                    ))
                }
            };
            if let Some(p) = path.filter(|p| !p.is_none()) {
                crate::convert::write_text(p, &text)?;
            }
            Ok(text)
        })
    }

    /// The rated tracker workbook (`.xlsx`) as of a date (default: today): one row per action
    /// with its rating in a coloured cell and as a label, the reason, real dates, a frozen
    /// header and filters, and a summary sheet with the statistics. With `path`, it is written
    /// there; the bytes are returned either way.
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
            let as_of = as_of_or_today(py, as_of)?;
            let plan = &self.data.plan;
            let a = actionplan::rating::assess(plan, &rs, as_of).py(py)?;
            let s = actionplan::stats::stats(plan, &a, by);
            let bytes = actionplan::office::rated_tracker_xlsx(plan, &a, &s).py(py)?;
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

    /// The action table as a `pyarrow.Table` (needs pyarrow).
    fn to_arrow<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let frame = self._frame(py)?;
        py.import("actionplan._frames")?
            .call_method1("to_arrow", (frame,))
    }

    /// The action table as a `pandas.DataFrame`: one row per action, dates as dates, status
    /// and kinds as categoricals (needs pandas and pyarrow).
    #[pyo3(signature = (*, dates="datetime64"))]
    fn to_pandas<'py>(&self, py: Python<'py>, dates: &str) -> PyResult<Bound<'py, PyAny>> {
        let frame = self._frame(py)?;
        let kwargs = PyDict::new(py);
        kwargs.set_item("dates", dates)?;
        py.import("actionplan._frames")?
            .getattr("to_pandas")?
            .call((frame,), Some(&kwargs))
    }

    /// The action table as a `polars.DataFrame` (needs polars).
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let frame = self._frame(py)?;
        py.import("actionplan._frames")?
            .call_method1("to_polars", (frame,))
    }

    fn __len__(&self) -> usize {
        self.data.index.len()
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

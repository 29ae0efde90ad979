//! `actionplan.history(...)`: a plan followed through many versions (the core's
//! [`actionplan::history`]), as a read-only result with dicts, JSON and reports.

use crate::convert::{opt_date, opt_str};
use crate::errors::{guard, CoreResult};
use crate::plan::plan_arg;
use crate::rating::{rule_set, to_json_text, to_py};
use actionplan::history::{History as CoreHistory, HistoryOptions};
use pyo3::prelude::*;
use std::sync::Arc;

/// A plan's history across versions: each action's deadline, status and rating per version,
/// deadline moves, completions, stale comments, and the honesty checks' findings.
#[pyclass(frozen, module = "actionplan")]
pub struct History {
    h: Arc<CoreHistory>,
}

#[pymethods]
impl History {
    /// The history in a sentence.
    #[getter]
    fn headline(&self) -> &str {
        &self.h.headline
    }

    /// What each version is called (file names, periods or dates).
    #[getter]
    fn labels(&self) -> Vec<String> {
        self.h.labels.clone()
    }

    /// Plan-level figures: actions, slipped, days_slipped, slipped_more_than_once, completed.
    #[getter]
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.h.summary)
    }

    /// Every action followed through the versions, as dicts (`versions` holds one dict per
    /// version, or None where the action is absent).
    #[getter]
    fn actions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.h.actions)
    }

    /// The honesty checks' findings, as dicts with `code`, `ref`, `version`, `message` and
    /// `evidence`.
    #[getter]
    fn findings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.h.findings)
    }

    /// The whole history as a dict (the canonical JSON's shape).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &*self.h)
    }

    /// The whole history as JSON text.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        to_json_text(py, &*self.h)
    }

    /// A self-contained HTML page with the timeline and the findings.
    fn to_html(&self) -> String {
        actionplan::report::history_html(&self.h)
    }

    /// The history as Markdown.
    fn to_markdown(&self) -> String {
        actionplan::report::history_markdown(&self.h)
    }

    fn __str__(&self) -> String {
        actionplan::report::history_text(&self.h)
    }

    fn __repr__(&self) -> String {
        format!("<History: {}>", self.h.headline)
    }

    fn _repr_html_(&self) -> String {
        actionplan::report::history_html(&self.h)
    }
}

/// Follow every action through versions of a plan, oldest first.
///
/// Parameters
/// ----------
/// plans : sequence of Plan
///     The versions, oldest first (two or more make a history; one is allowed).
/// rules : str, path or dict, optional
///     A preset name, a rules file or a rule-set dict to rate each version with; without it,
///     versions are not rated.
/// as_of : date-like, optional
///     The date to rate a version as of when its file records none.
/// labels : sequence of str, optional
///     What to call each version (file names, "Q3"); default: its period, else its date.
/// stuck_versions : int, default 3
///     How many versions in a row at one label count as stuck.
/// stuck_label : str, default "Amber"
///     The label that should not stay put.
/// delay_words : sequence of str, optional
///     Further words or phrases that say an action is delayed.
///
/// Returns
/// -------
/// History
///
/// Raises
/// ------
/// InputTypeError
///     When a version is not a Plan.
/// InvalidOptionError
///     When the rules cannot be read.
///
/// Examples
/// --------
/// >>> h = actionplan.history([q1, q2, q3, q4], rules="date-rag")
/// >>> h.summary["slipped_more_than_once"]
#[pyfunction]
#[pyo3(signature = (plans, *, rules=None, as_of=None, labels=None, stuck_versions=3, stuck_label=None, delay_words=None))]
#[allow(clippy::too_many_arguments)]
pub fn history(
    py: Python<'_>,
    plans: Vec<Bound<'_, PyAny>>,
    rules: Option<&Bound<'_, PyAny>>,
    as_of: Option<&Bound<'_, PyAny>>,
    labels: Option<Vec<String>>,
    stuck_versions: usize,
    stuck_label: Option<&Bound<'_, PyAny>>,
    delay_words: Option<Vec<String>>,
) -> PyResult<History> {
    guard(py, || {
        let mut bound = Vec::with_capacity(plans.len());
        for (i, p) in plans.iter().enumerate() {
            bound.push(plan_arg(p, &format!("plans[{i}]"))?);
        }
        let refs: Vec<&actionplan::Plan> = bound.iter().map(|b| &b.get().data.plan).collect();
        let rs = match rules {
            Some(r) if !r.is_none() => Some(rule_set(py, Some(r))?),
            _ => None,
        };
        let mut options = HistoryOptions {
            as_of: opt_date(as_of, "as_of")?,
            labels: labels.unwrap_or_default(),
            ..Default::default()
        };
        options.honesty.stuck_versions = stuck_versions;
        if let Some(l) = opt_str(stuck_label, "stuck_label")? {
            options.honesty.stuck_label = l;
        }
        options.honesty.delay_words = delay_words.unwrap_or_default();
        let h = py
            .detach(|| actionplan::history::history(&refs, rs.as_ref(), &options))
            .py(py)?;
        Ok(History { h: Arc::new(h) })
    })
}

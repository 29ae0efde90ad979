//! `template` and `merge`: updates collected from owners (the core's `owners` module).

use crate::convert::{input_type_err, opt_date, opt_str};
use crate::errors::{guard, CoreResult};
use crate::plan::Plan;
use crate::views::diagnostics_list;
use actionplan::owners::{MergeOptions, Returned};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};

/// One update workbook per owner, to send out for this period's updates.
///
/// Parameters
/// ----------
/// plan : Plan
///     The plan.
/// by : str
///     How to split the plan: ``"owner"`` (the only way for now).
///
/// Returns
/// -------
/// dict[str, bytes]
///     A safe file name (``"Head-of-Legal.xlsx"``) to the workbook's ``.xlsx`` bytes, in the
///     order the owners first appear; actions with no owner are in ``"Unassigned.xlsx"``.
///
/// Examples
/// --------
/// >>> for name, data in actionplan.template(plan).items():
/// ...     pathlib.Path("updates", name).write_bytes(data)
#[pyfunction]
#[pyo3(signature = (plan, by="owner"))]
pub fn template<'py>(
    py: Python<'py>,
    plan: &Bound<'py, PyAny>,
    by: &str,
) -> PyResult<Bound<'py, PyDict>> {
    guard(py, || {
        let plan = plan
            .cast::<Plan>()
            .map_err(|_| input_type_err(py, "plan", "a Plan", plan))?;
        if by != "owner" {
            return Err(crate::errors::input_type(
                py,
                format!("by must be \"owner\", got {by:?}"),
            ));
        }
        let books = actionplan::owners::template(plan.get().core()).py(py)?;
        let out = PyDict::new(py);
        for b in books {
            out.set_item(b.file_name, PyBytes::new(py, &b.bytes))?;
        }
        Ok(out)
    })
}

/// Read the owners' returned workbooks back into the next version of the plan.
///
/// Parameters
/// ----------
/// plan : Plan
///     The plan the workbooks were made from.
/// workbooks : list[bytes] or dict[str, bytes]
///     The returned ``.xlsx`` files; with a dict, the keys name the files in the messages.
/// as_of : date-like, optional
///     The date the new updates describe (the next version's as-of date).
/// period : str, optional
///     The period the updates are for (``"Q1 2025/26"``); it names the new update column.
///
/// Returns
/// -------
/// tuple[Plan, Diagnostics]
///     The next version (earlier updates and original due dates kept), and the conflicts and
///     other problems (a list that is also a table), each with its file (``file``) and each
///     message starting with its file and sheet.
///
/// Examples
/// --------
/// >>> nxt, problems = actionplan.merge(plan, {p.name: p.read_bytes() for p in paths})
#[pyfunction]
#[pyo3(signature = (plan, workbooks, *, as_of=None, period=None))]
pub fn merge(
    py: Python<'_>,
    plan: &Bound<'_, PyAny>,
    workbooks: &Bound<'_, PyAny>,
    as_of: Option<&Bound<'_, PyAny>>,
    period: Option<&Bound<'_, PyAny>>,
) -> PyResult<(Plan, Py<PyAny>)> {
    guard(py, || {
        let plan = plan
            .cast::<Plan>()
            .map_err(|_| input_type_err(py, "plan", "a Plan", plan))?;
        let bad = || {
            input_type_err(
                py,
                "workbooks",
                "a list of bytes or a dict of name to bytes",
                workbooks,
            )
        };
        let mut returned = Vec::new();
        if let Ok(d) = workbooks.cast::<PyDict>() {
            for (k, v) in d.iter() {
                let name: String = k.extract().map_err(|_| bad())?;
                let bytes: Vec<u8> = v.cast::<PyBytes>().map_err(|_| bad())?.as_bytes().to_vec();
                returned.push(Returned { name, bytes });
            }
        } else {
            for (i, v) in workbooks.try_iter().map_err(|_| bad())?.enumerate() {
                let v = v?;
                let bytes = v.cast::<PyBytes>().map_err(|_| bad())?.as_bytes().to_vec();
                returned.push(Returned {
                    name: format!("workbook {}", i + 1),
                    bytes,
                });
            }
        }
        let opts = MergeOptions {
            as_of: opt_date(as_of, "as_of")?,
            period: opt_str(period, "period")?,
        };
        let core = plan.get().core();
        let merged = py.detach(|| actionplan::owners::merge(core, &returned, &opts));
        let problems = diagnostics_list(py, &merged.diagnostics)?.unbind();
        Ok((Plan::new(merged.plan), problems))
    })
}

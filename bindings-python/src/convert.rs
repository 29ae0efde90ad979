//! Argument conversion at the edge: Python values in, core types out, with our exceptions
//! (`InputTypeError`, `InvalidOptionError`) instead of bare `TypeError`s.

use crate::errors::{input_type, io_error};
use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDate, PyDateTime, PyMemoryView, PyString};

/// Where a plan comes from: a file path (read in Rust, streamed), or bytes already in memory.
pub enum Source {
    /// A path.
    Path(String),
    /// The data.
    Bytes(Vec<u8>),
}

/// The source of a read: a path (`str` or `os.PathLike`), `bytes`-like data, or a binary or
/// text file object with `.read()`.
pub fn source(src: &Bound<'_, PyAny>) -> PyResult<Source> {
    let py = src.py();
    if let Ok(b) = src.cast::<PyBytes>() {
        return Ok(Source::Bytes(b.as_bytes().to_vec()));
    }
    if let Ok(b) = src.cast::<PyByteArray>() {
        return Ok(Source::Bytes(b.to_vec()));
    }
    if src.is_instance_of::<PyMemoryView>() {
        let b = py.import("builtins")?.getattr("bytes")?.call1((src,))?;
        return Ok(Source::Bytes(b.cast::<PyBytes>()?.as_bytes().to_vec()));
    }
    let is_path = src.is_instance_of::<PyString>() || src.hasattr("__fspath__")?;
    if is_path {
        let p = py.import("os")?.getattr("fspath")?.call1((src,))?;
        return match p.extract::<String>() {
            Ok(s) => Ok(Source::Path(s)),
            Err(_) => Err(input_type(
                py,
                "the path must be text (bytes paths are not supported)",
            )),
        };
    }
    if src.hasattr("read")? {
        let data = src.call_method0("read")?;
        if let Ok(b) = data.cast::<PyBytes>() {
            return Ok(Source::Bytes(b.as_bytes().to_vec()));
        }
        if let Ok(s) = data.cast::<PyString>() {
            return Ok(Source::Bytes(s.to_cow()?.as_bytes().to_vec()));
        }
        return Err(input_type(
            py,
            format!(
                "the file object's read() returned {}, expected bytes or str",
                type_name(&data)
            ),
        ));
    }
    Err(input_type(
        py,
        format!(
            "expected a path, bytes or a file object, got {}",
            type_name(src)
        ),
    ))
}

/// The Python type name of a value, for messages.
pub fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "an object".into())
}

/// A date argument as a pandas or polars user writes it; `None` (and a missing value: `NaN`,
/// `pd.NaT`, `np.datetime64("NaT")`) stays `None`.
pub fn opt_date(obj: Option<&Bound<'_, PyAny>>, name: &str) -> PyResult<Option<NaiveDate>> {
    match obj {
        None => Ok(None),
        Some(o) if o.is_none() || is_missing(o) => Ok(None),
        Some(o) => date(o, name).map(Some),
    }
}

/// A missing value: anything not equal to itself (`NaN`, `pd.NaT`, `np.datetime64("NaT")`).
fn is_missing(o: &Bound<'_, PyAny>) -> bool {
    !o.is_instance_of::<PyString>() && o.ne(o).unwrap_or(false)
}

/// A date: a `datetime.date`, a `datetime.datetime` or `pandas.Timestamp` (its date is
/// taken), a `numpy.datetime64`, or ISO text (`"2025-03-31"`, or a date and time).
pub fn date(o: &Bound<'_, PyAny>, name: &str) -> PyResult<NaiveDate> {
    let py = o.py();
    if o.is_instance_of::<PyDateTime>() {
        return o.call_method0("date")?.extract::<NaiveDate>();
    }
    if o.is_instance_of::<PyDate>() {
        return o.extract::<NaiveDate>();
    }
    if let Ok(s) = o.cast::<PyString>() {
        let s = s.to_cow()?;
        let s = s.trim();
        // A date, or the date of an ISO date and time ("2025-03-31T12:00", "2025-03-31 12:00").
        let head = s
            .get(..10)
            .filter(|_| s.len() == 10 || matches!(s.as_bytes().get(10), Some(b'T' | b't' | b' ')));
        return head
            .and_then(|h| h.parse::<NaiveDate>().ok())
            .ok_or_else(|| {
                crate::errors::invalid_option(
                    py,
                    name,
                    format!("{s:?} is not an ISO date (YYYY-MM-DD)"),
                )
            });
    }
    // numpy.datetime64 (any unit): its day, as numpy gives it.
    if type_name(o) == "datetime64" && o.hasattr("astype")? {
        let day = o
            .call_method1("astype", ("datetime64[D]",))?
            .call_method0("item")?;
        if day.is_instance_of::<PyDate>() {
            return day.extract::<NaiveDate>();
        }
    }
    Err(input_type(
        py,
        format!(
            "{name} must be a date (datetime.date, datetime.datetime, pandas.Timestamp, \
             numpy.datetime64 or ISO text such as \"2025-03-31\"), got {}",
            type_name(o)
        ),
    ))
}

/// An optional `str`.
pub fn opt_str(obj: Option<&Bound<'_, PyAny>>, name: &str) -> PyResult<Option<String>> {
    match obj {
        None => Ok(None),
        Some(o) if o.is_none() => Ok(None),
        Some(o) => match o.cast::<PyString>() {
            Ok(s) => Ok(Some(s.to_cow()?.to_string())),
            Err(_) => Err(input_type(
                o.py(),
                format!("{name} must be a str, got {}", type_name(o)),
            )),
        },
    }
}

/// A date to Python.
pub fn py_date(py: Python<'_>, d: Option<NaiveDate>) -> PyResult<Option<Bound<'_, PyAny>>> {
    match d {
        None => Ok(None),
        Some(d) => Ok(Some(PyDay(d).into_pyobject(py)?)),
    }
}

/// A date returned to Python: a `datetime.date`, or, for a year outside 1 to 9999 (which a
/// `datetime.date` cannot hold), a `TooLargeError` that says so.
pub struct PyDay(pub NaiveDate);

/// `Option<NaiveDate>` as [`PyDay`]s, for getters.
pub fn day(d: Option<NaiveDate>) -> Option<PyDay> {
    d.map(PyDay)
}

impl<'py> IntoPyObject<'py> for PyDay {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        use chrono::Datelike;
        if !(1..=9999).contains(&self.0.year()) {
            return Err(crate::errors::date_out_of_range(py, self.0));
        }
        Ok(self.0.into_pyobject(py)?.into_any())
    }
}

/// Write text to a path (`str` or `os.PathLike`) as UTF-8.
/// Write text to a path given as `str` or `os.PathLike`.
pub fn write_text(path: &Bound<'_, PyAny>, text: &str) -> PyResult<()> {
    write_bytes(path, text.as_bytes())
}

/// Write bytes to a path given as `str` or `os.PathLike`.
pub fn write_bytes(path: &Bound<'_, PyAny>, bytes: &[u8]) -> PyResult<()> {
    let py = path.py();
    if !(path.is_instance_of::<PyString>() || path.hasattr("__fspath__")?) {
        return Err(input_type(
            py,
            format!("path must be a str or os.PathLike, got {}", type_name(path)),
        ));
    }
    let p: String = py
        .import("os")?
        .getattr("fspath")?
        .call1((path,))?
        .extract()
        .map_err(|_| input_type(py, "the path must be text"))?;
    py.detach(|| std::fs::write(&p, bytes))
        .map_err(|e| io_error(py, &p, &e))
}

/// `InputTypeError`: `name` must be `expected`, got the value's type.
pub fn input_type_err(py: Python<'_>, name: &str, expected: &str, got: &Bound<'_, PyAny>) -> PyErr {
    input_type(
        py,
        format!("{name} must be {expected}, got {}", type_name(got)),
    )
}

/// Today, from Python's clock (the core never reads one).
pub fn today(py: Python<'_>) -> PyResult<NaiveDate> {
    py.import("datetime")?
        .getattr("date")?
        .call_method0("today")?
        .extract()
}

/// `as_of` as given, else the date the plan records, else today: the core decides
/// ([`actionplan::Plan::as_of_or`]), as in every door.
pub fn as_of_for(
    py: Python<'_>,
    plan: &actionplan::Plan,
    as_of: Option<&Bound<'_, PyAny>>,
) -> PyResult<NaiveDate> {
    let given = opt_date(as_of, "as_of")?;
    // Python's clock is read here (a microsecond), so that the core's rule is the only one.
    let today = today(py)?;
    Ok(plan.as_of_or(given, || today))
}

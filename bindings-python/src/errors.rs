//! The exception tree (after polars' `exceptions.rs`): one base, one subclass per core error
//! kind, input errors also subclassing `ValueError` (as pydantic-core's `ValidationError`).
//!
//! The classes are made at module start with Python's `type()`, so a class can have two bases
//! (`ActionPlanError` and `ValueError`, or `ReadError` and `FileNotFoundError`), and are kept
//! in a [`PyOnceLock`] for raising.

use pyo3::exceptions::{PyException, PyFileNotFoundError, PyOSError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyTuple, PyType};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// One exception class: its Python name, the core's error code it stands for, its extra
/// builtin bases, and its docstring.
struct Spec {
    name: &'static str,
    code: &'static str,
    parent: Parent,
    doc: &'static str,
}

#[derive(Clone, Copy, PartialEq)]
enum Parent {
    /// ActionPlanError and ValueError.
    Value,
    /// ActionPlanError and TypeError.
    Type,
    /// ActionPlanError and OSError.
    Os,
    /// ReadError and FileNotFoundError.
    NotFound,
    /// ActionPlanError only.
    Base,
}

const SPECS: &[Spec] = &[
    Spec {
        name: "EmptyInputError",
        code: "empty",
        parent: Parent::Value,
        doc: "The input is empty: there is no table to read.",
    },
    Spec {
        name: "NotTextError",
        code: "not_text",
        parent: Parent::Value,
        doc: "The input is binary data, not a table of actions.",
    },
    Spec {
        name: "NoHeaderError",
        code: "no_header",
        parent: Parent::Value,
        doc: "No row looks like a header naming the plan's columns.",
    },
    Spec {
        name: "NoRowsError",
        code: "no_rows",
        parent: Parent::Value,
        doc: "The table has a header but no actions below it.",
    },
    Spec {
        name: "InvalidJsonError",
        code: "json",
        parent: Parent::Value,
        doc: "The JSON is not valid, or not a plan (row = line, column = column).",
    },
    Spec {
        name: "UnknownColumnError",
        code: "unknown_column",
        parent: Parent::Value,
        doc: "A column named in `columns=` is not in the header.",
    },
    Spec {
        name: "InvalidOptionError",
        code: "invalid_option",
        parent: Parent::Value,
        doc: "An option is not valid (a bad rules set, a bad field name, ...).",
    },
    Spec {
        name: "TooLargeError",
        code: "too_large",
        parent: Parent::Value,
        doc: "The input is larger than a documented limit.",
    },
    Spec {
        name: "DocumentError",
        code: "document",
        parent: Parent::Value,
        doc: "A workbook or document could not be read.",
    },
    Spec {
        name: "PdfEncryptedError",
        code: "pdf_encrypted",
        parent: Parent::Value,
        doc: "The PDF is encrypted and needs a password to open.",
    },
    Spec {
        name: "PdfScannedError",
        code: "pdf_scanned",
        parent: Parent::Value,
        doc: "The PDF has no text layer: it is a scan (run OCR on it first).",
    },
    Spec {
        name: "PdfDamagedError",
        code: "pdf_damaged",
        parent: Parent::Value,
        doc: "The file starts like a PDF but cannot be parsed, or its text cannot be decoded.",
    },
    Spec {
        name: "InputTypeError",
        code: "input_type",
        parent: Parent::Type,
        doc: "An argument has the wrong Python type.",
    },
    Spec {
        name: "ReadError",
        code: "io",
        parent: Parent::Os,
        doc: "Reading the input failed.",
    },
    Spec {
        name: "PlanFileNotFoundError",
        code: "io",
        parent: Parent::NotFound,
        doc: "The file does not exist (also a FileNotFoundError).",
    },
    Spec {
        name: "InternalError",
        code: "internal",
        parent: Parent::Base,
        doc: "A bug in actionplan (please report it with the input that caused it).",
    },
];

struct Classes {
    base: Py<PyType>,
    by_name: Vec<(&'static str, &'static str, Py<PyType>)>,
}

static CLASSES: PyOnceLock<Classes> = PyOnceLock::new();

fn make_class<'py>(
    py: Python<'py>,
    name: &str,
    bases: Bound<'py, PyTuple>,
    doc: &str,
    code: &str,
) -> PyResult<Bound<'py, PyType>> {
    let ns = PyDict::new(py);
    ns.set_item("__doc__", doc)?;
    ns.set_item("__module__", "actionplan")?;
    ns.set_item("code", code)?;
    ns.set_item("row", py.None())?;
    ns.set_item("column", py.None())?;
    let ty = py
        .import("builtins")?
        .getattr("type")?
        .call1((name, bases, ns))?;
    Ok(ty.cast_into::<PyType>()?)
}

/// Create the classes and add them to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    let classes = CLASSES.get_or_try_init(py, || -> PyResult<Classes> {
        let base = make_class(
            py,
            "ActionPlanError",
            PyTuple::new(py, [py.get_type::<PyException>()])?,
            "Base class of every error raised by actionplan. `code` names the kind; `row` and \
             `column` give the place when there is one.",
            "error",
        )?;
        let mut by_name: Vec<(&'static str, &'static str, Py<PyType>)> = Vec::new();
        for spec in SPECS {
            let bases = match spec.parent {
                Parent::Value => PyTuple::new(py, [base.clone(), py.get_type::<PyValueError>()])?,
                Parent::Type => PyTuple::new(py, [base.clone(), py.get_type::<PyTypeError>()])?,
                Parent::Os => PyTuple::new(py, [base.clone(), py.get_type::<PyOSError>()])?,
                Parent::NotFound => {
                    let read = by_name
                        .iter()
                        .find(|(n, _, _)| *n == "ReadError")
                        .map(|(_, _, t)| t.bind(py).clone())
                        .expect("ReadError is made before PlanFileNotFoundError");
                    PyTuple::new(py, [read, py.get_type::<PyFileNotFoundError>()])?
                }
                Parent::Base => PyTuple::new(py, [base.clone()])?,
            };
            let ty = make_class(py, spec.name, bases, spec.doc, spec.code)?;
            by_name.push((spec.name, spec.code, ty.unbind()));
        }
        Ok(Classes {
            base: base.unbind(),
            by_name,
        })
    })?;
    m.add("ActionPlanError", classes.base.bind(py))?;
    for (name, _, ty) in &classes.by_name {
        m.add(*name, ty.bind(py))?;
    }
    Ok(())
}

fn class<'py>(py: Python<'py>, name: &str) -> Bound<'py, PyType> {
    let classes = CLASSES
        .get(py)
        .expect("actionplan._native registers its exceptions at import");
    classes
        .by_name
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|(_, _, t)| t.bind(py).clone())
        .unwrap_or_else(|| classes.base.bind(py).clone())
}

fn class_for_code<'py>(py: Python<'py>, code: &str) -> Bound<'py, PyType> {
    let classes = CLASSES
        .get(py)
        .expect("actionplan._native registers its exceptions at import");
    classes
        .by_name
        .iter()
        .find(|(_, c, _)| *c == code)
        .map(|(_, _, t)| t.bind(py).clone())
        .unwrap_or_else(|| classes.base.bind(py).clone())
}

/// Build an exception instance with its place.
fn raise(
    ty: Bound<'_, PyType>,
    args: Bound<'_, PyTuple>,
    row: Option<usize>,
    column: Option<String>,
) -> PyErr {
    match ty.call1(args) {
        Ok(exc) => {
            let _ = exc.setattr("row", row);
            let _ = exc.setattr("column", column);
            PyErr::from_value(exc)
        }
        Err(e) => e,
    }
}

/// Convert a core error into its Python exception.
pub fn core_error(py: Python<'_>, e: &actionplan::Error) -> PyErr {
    let ty = class_for_code(py, e.code());
    match PyTuple::new(py, [e.to_string()]) {
        Ok(args) => raise(ty, args, e.row(), e.column()),
        Err(err) => err,
    }
}

/// A date the core read that `datetime.date` cannot hold (years 1 to 9999): a
/// `TooLargeError` (also a `ValueError`) that says so, rather than Python's bare
/// "year 10000 is out of range".
pub fn date_out_of_range(py: Python<'_>, d: chrono::NaiveDate) -> PyErr {
    let ty = class(py, "TooLargeError");
    let message = format!(
        "the date {d} is outside the years 1 to 9999 that a Python datetime.date can hold (a \
         phrase such as \"Q4 9999/00\" reaches into year 10000): read the phrase as written \
         (`.text`), or the plan's JSON (`to_json()`), which keeps it"
    );
    match PyTuple::new(py, [message]) {
        Ok(args) => raise(ty, args, None, None),
        Err(err) => err,
    }
}

/// An argument of the wrong Python type.
pub fn input_type(py: Python<'_>, message: impl Into<String>) -> PyErr {
    let ty = class(py, "InputTypeError");
    match PyTuple::new(py, [message.into()]) {
        Ok(args) => raise(ty, args, None, None),
        Err(err) => err,
    }
}

/// An invalid option value (a bad field name, a bad preset name).
pub fn invalid_option(py: Python<'_>, name: &str, message: impl Into<String>) -> PyErr {
    core_error(py, &actionplan::Error::invalid_option(name, message))
}

/// A file that could not be opened or read: `PlanFileNotFoundError` for a missing file (also a
/// `FileNotFoundError`, with `errno` and `filename`), `ReadError` (an `OSError`) otherwise.
pub fn io_error(py: Python<'_>, path: &str, e: &std::io::Error) -> PyErr {
    io_error_saying(py, path, e, None)
}

/// [`io_error`] with the core's own message (a rules file says it is a rules file).
pub fn io_error_saying(
    py: Python<'_>,
    path: &str,
    e: &std::io::Error,
    message: Option<String>,
) -> PyErr {
    let errno = e.raw_os_error().unwrap_or(0);
    let ty = if e.kind() == std::io::ErrorKind::NotFound {
        class(py, "PlanFileNotFoundError")
    } else {
        class(py, "ReadError")
    };
    let message = if let Some(m) = message {
        m
    } else if e.kind() == std::io::ErrorKind::NotFound {
        "no such file: expected a path to a CSV, TSV or JSON action plan".to_string()
    } else {
        e.to_string()
    };
    let errno = if errno == 0 && e.kind() == std::io::ErrorKind::NotFound {
        2
    } else {
        errno
    };
    let args = (errno, message, path.to_string());
    match args.into_pyobject(py) {
        Ok(args) => raise(ty, args, None, None),
        Err(err) => err,
    }
}

/// Run `f`, turning a Rust panic into `InternalError` so it never reaches Python as a
/// `PanicException` (a `BaseException` that `except Exception` does not catch).
pub fn guard<T>(py: Python<'_>, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            let ty = class(py, "InternalError");
            match PyTuple::new(
                py,
                [format!(
                    "internal error in actionplan: {what} (this is a bug; please report it with the input)"
                )],
            ) {
                Ok(args) => Err(raise(ty, args, None, None)),
                Err(err) => Err(err),
            }
        }
    }
}

/// Extension to turn core results into Python results.
pub trait CoreResult<T> {
    /// Map a core error to its exception.
    fn py(self, py: Python<'_>) -> PyResult<T>;
}

impl<T> CoreResult<T> for actionplan::Result<T> {
    fn py(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| core_error(py, &e))
    }
}

#[cfg(test)]
mod tests {
    /// One vocabulary: every exception for a core error code has the core's name for it, and
    /// every core code has its exception.
    #[test]
    fn exception_names_are_the_cores() {
        for spec in super::SPECS {
            let core = actionplan::error::name_of(spec.code);
            if core != "ActionPlanError" && spec.code != "io" {
                assert_eq!(spec.name, core, "code {}", spec.code);
            }
        }
        for (code, name) in actionplan::error::NAMES {
            assert!(
                super::SPECS
                    .iter()
                    .any(|s| s.code == *code && s.name == *name),
                "no exception {name} for code {code}"
            );
        }
    }
}

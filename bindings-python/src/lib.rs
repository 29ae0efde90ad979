//! Python bindings for `actionplan`: a thin door over the core crate.
//!
//! This crate only converts: Python values to core types and back, core errors to the Python
//! exception tree ([`errors`]), plans to read-only views ([`views`]) and to Arrow columns for
//! data frames ([`frame`]). Every decision about action plans is the core's.
//!
//! The native module is `actionplan._native`; the `actionplan` Python package re-exports it
//! with the data-frame helpers, a `.pyi` stub and `py.typed`.

pub mod arrow;
pub mod convert;
pub mod errors;
pub mod frame;
pub mod history;
pub mod owners;
pub mod plan;
pub mod rating;
pub mod tables;
pub mod views;

use crate::convert::{opt_date, opt_str, source, type_name, Source};
use crate::errors::{guard, input_type, io_error, CoreResult};
use crate::plan::Plan;
use actionplan::import::ImportOptions;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyDict, PyInt, PyList, PyString};

/// mimalloc for every Rust allocation of the module (see Cargo.toml).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Options shared by the readers, as given by the caller.
struct ReadArgs<'a, 'py> {
    plan_date: Option<&'a Bound<'py, PyAny>>,
    as_of: Option<&'a Bound<'py, PyAny>>,
    organisation: Option<&'a Bound<'py, PyAny>>,
    title: Option<&'a Bound<'py, PyAny>>,
    columns: Option<&'a Bound<'py, PyAny>>,
    aliases: Option<&'a Bound<'py, PyAny>>,
    delimiter: Option<&'a Bound<'py, PyAny>>,
    fill_down: bool,
    format: &'a str,
    sheet: Option<&'a Bound<'py, PyAny>>,
    sheets_as_themes: bool,
    /// The header row (1-based; 0: no header row).
    header_row: Option<usize>,
    /// Rows from which on another table starts.
    table_from: Vec<usize>,
}

impl ReadArgs<'_, '_> {
    /// The keyword arguments as the core's import options: Python values become one JSON
    /// object (dates as `YYYY-MM-DD`, the types checked here), which the core reads
    /// ([`ImportOptions::from_json`]): the names, values and defaults are the core's.
    /// `file_name`: the path read, whose name the core reads when the format is `"auto"`.
    fn options(&self, py: Python<'_>, file_name: Option<&str>) -> PyResult<ImportOptions> {
        use serde_json::{json, Value};
        let mut o = serde_json::Map::new();
        let mut put = |k: &str, v: Value| {
            o.insert(k.to_string(), v);
        };
        if let Some(d) = opt_date(self.plan_date, "plan_date")? {
            put("plan_date", json!(d.to_string()));
        }
        if let Some(d) = opt_date(self.as_of, "as_of")? {
            put("as_of", json!(d.to_string()));
        }
        if let Some(s) = opt_str(self.organisation, "organisation")? {
            put("organisation", json!(s));
        }
        if let Some(s) = opt_str(self.title, "title")? {
            put("title", json!(s));
        }
        if let Some(m) = str_map(self.columns, "columns")? {
            put("columns", m);
        }
        if let Some(m) = str_map(self.aliases, "aliases")? {
            put("aliases", m);
        }
        if let Some(d) = opt_str(self.delimiter, "delimiter")? {
            put("delimiter", json!(d));
        }
        if !self.fill_down {
            put("fill_down", json!(false));
        }
        put("format", json!(self.format));
        if let Some(name) = file_name {
            put("file_name", json!(name));
        }
        if let Some(sheet) = sheet_arg(self.sheet)? {
            put("sheet", sheet);
        }
        if self.sheets_as_themes {
            put("sheets_as_themes", json!(true));
        }
        if let Some(n) = self.header_row {
            put("header_row", json!(n));
        }
        if !self.table_from.is_empty() {
            put("table_from", json!(self.table_from));
        }
        ImportOptions::from_json(&Value::Object(o)).py(py)
    }
}

/// A `{header: field}` mapping (`columns=` or `aliases=`) as a JSON object of text; the core
/// reads the field names.
fn str_map(obj: Option<&Bound<'_, PyAny>>, name: &str) -> PyResult<Option<serde_json::Value>> {
    let Some(o) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    let dict = o.cast::<PyDict>().map_err(|_| {
        input_type(
            o.py(),
            format!(
                "{name} must be a dict of {{header: field}}, got {}",
                type_name(o)
            ),
        )
    })?;
    let mut out = serde_json::Map::with_capacity(dict.len());
    for (k, v) in dict.iter() {
        let header = opt_str(Some(&k), &format!("a key of {name}"))?.unwrap_or_default();
        let field = opt_str(Some(&v), &format!("{name}[{header:?}]"))?.unwrap_or_default();
        out.insert(header, serde_json::Value::String(field));
    }
    Ok(Some(serde_json::Value::Object(out)))
}

/// The `sheet=` argument: a sheet name (`str`) or a 0-based index (`int`), as JSON (the core
/// checks the index).
fn sheet_arg(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<serde_json::Value>> {
    let Some(o) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    let py = o.py();
    if let Ok(name) = o.cast::<PyString>() {
        return Ok(Some(serde_json::Value::from(name.to_cow()?.to_string())));
    }
    if o.is_instance_of::<PyInt>() && !o.is_instance_of::<PyBool>() {
        let i: i64 = o.extract()?;
        return Ok(Some(serde_json::Value::from(i)));
    }
    Err(input_type(
        py,
        format!(
            "sheet must be a sheet name (str) or a 0-based index (int), got {}",
            type_name(o)
        ),
    ))
}

fn read_source(py: Python<'_>, src: &Bound<'_, PyAny>, args: ReadArgs) -> PyResult<Plan> {
    guard(py, || {
        let imported = match source(src)? {
            // A file is read in Rust without the GIL, a CSV streamed (never held whole).
            Source::Path(path) => {
                // The core decides what a file's name says (`.tsv` is tab-separated).
                let opts = args.options(py, Some(&path))?;
                let file = std::fs::File::open(&path)
                    .and_then(|f| match f.metadata() {
                        Ok(m) if m.is_dir() => Err(std::io::Error::from_raw_os_error(21)),
                        _ => Ok(f),
                    })
                    .map_err(|e| io_error(py, &path, &e))?;
                py.detach(|| opts.read(file))
            }
            Source::Bytes(bytes) => {
                let opts = args.options(py, None)?;
                py.detach(|| opts.read_bytes(&bytes))
            }
        }
        .py(py)?;
        Ok(Plan::new(imported.plan))
    })
}

/// Read a plan from a CSV or TSV file.
///
/// Parameters
/// ----------
/// source : str, os.PathLike, bytes or file object
///     A path (read and streamed in Rust, without the GIL), the data, or an open file.
/// plan_date : date-like, optional
///     The reference date for phrases with no year (``datetime.date``, ``datetime``,
///     ``pandas.Timestamp``, ``numpy.datetime64`` or ISO text).
/// as_of : date-like, optional
///     The date the progress columns describe, when the file does not say.
/// organisation, title : str, optional
///     The plan's council and title, when the file does not say.
/// columns : dict, optional
///     ``{header: field}`` for headers that are not recognised (``{"Person": "owner"}``).
/// aliases : dict, optional
///     ``{phrase: field}``: extra header phrases to recognise.
/// delimiter, sep : str, optional
///     The one-character delimiter (``sep`` as in ``pandas.read_csv``); detected by default.
/// encoding : str, optional
///     The text encoding as Python names it (``"cp1252"``, ``"latin-1"``), as in
///     ``pandas.read_csv``; detected by default (UTF-8, UTF-16 or Windows-1252).
/// fill_down : bool, default True
///     Fill merged-looking blanks down from the row above.
///
/// Returns
/// -------
/// Plan
///
/// Raises
/// ------
/// PlanFileNotFoundError
///     When the path does not exist (also a ``FileNotFoundError``).
/// InvalidOptionError
///     For a delimiter that is not one character, ``sep`` and ``delimiter`` that differ, or
///     an unknown encoding.
/// NoHeaderError, NoRowsError, EmptyInputError
///     When the data holds no table of actions.
///
/// Examples
/// --------
/// >>> plan = actionplan.read_csv("tracker.csv", sep=";", encoding="cp1252")
#[pyfunction]
#[pyo3(signature = (source, *, plan_date=None, as_of=None, organisation=None, title=None, columns=None, aliases=None, delimiter=None, fill_down=true, sep=None, encoding=None))]
#[allow(clippy::too_many_arguments)]
fn read_csv<'py>(
    py: Python<'py>,
    source: &Bound<'py, PyAny>,
    plan_date: Option<&Bound<'py, PyAny>>,
    as_of: Option<&Bound<'py, PyAny>>,
    organisation: Option<&Bound<'py, PyAny>>,
    title: Option<&Bound<'py, PyAny>>,
    columns: Option<&Bound<'py, PyAny>>,
    aliases: Option<&Bound<'py, PyAny>>,
    delimiter: Option<&Bound<'py, PyAny>>,
    fill_down: bool,
    sep: Option<&Bound<'py, PyAny>>,
    encoding: Option<&Bound<'py, PyAny>>,
) -> PyResult<Plan> {
    let delimiter = either("delimiter", delimiter, "sep", sep)?;
    let transcoded = match opt_str(encoding, "encoding")? {
        Some(enc) => transcode(py, source, &enc)?,
        None => None,
    };
    let source = transcoded.as_ref().unwrap_or(source);
    read_source(
        py,
        source,
        ReadArgs {
            plan_date,
            as_of,
            organisation,
            title,
            columns,
            aliases,
            delimiter,
            fill_down,
            format: "csv",
            sheet: None,
            sheets_as_themes: false,
            header_row: None,
            table_from: Vec::new(),
        },
    )
}

/// One of two names for the same option (ours and pandas'): both given must agree.
fn either<'a, 'py>(
    name: &str,
    a: Option<&'a Bound<'py, PyAny>>,
    alias: &str,
    b: Option<&'a Bound<'py, PyAny>>,
) -> PyResult<Option<&'a Bound<'py, PyAny>>> {
    let a = a.filter(|o| !o.is_none());
    let b = b.filter(|o| !o.is_none());
    match (a, b) {
        (Some(x), Some(y)) if !x.eq(y)? => Err(errors::invalid_option(
            x.py(),
            name,
            format!("{name}={x} and {alias}={y} disagree: give one of them"),
        )),
        (Some(x), _) => Ok(Some(x)),
        (None, y) => Ok(y),
    }
}

/// The source's bytes as UTF-8, decoded with a Python codec (`encoding=`); `None` for UTF-8,
/// which the reader takes as it is.
fn transcode<'py>(
    py: Python<'py>,
    src: &Bound<'py, PyAny>,
    encoding: &str,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let codecs = py.import("codecs")?;
    let info = codecs.call_method1("lookup", (encoding,)).map_err(|_| {
        errors::invalid_option(
            py,
            "encoding",
            format!("{encoding:?} is not an encoding Python knows"),
        )
    })?;
    let name: String = info.getattr("name")?.extract()?;
    if name == "utf-8" {
        return Ok(None);
    }
    let bytes = match source(src)? {
        Source::Bytes(b) => b,
        Source::Path(path) => std::fs::read(&path).map_err(|e| io_error(py, &path, &e))?,
    };
    let data = PyBytes::new(py, &bytes);
    let text = data.call_method1("decode", (encoding,)).map_err(|e| {
        errors::invalid_option(
            py,
            "encoding",
            format!("the data is not {encoding}: {}", e.value(py)),
        )
    })?;
    Ok(Some(text.call_method1("encode", ("utf-8",))?))
}

/// Read a plan from JSON: the canonical plan document (as written by `Plan.to_json()`), or an
/// array of flat records whose keys are column headers.
///
/// Parameters
/// ----------
/// source : str, os.PathLike, bytes or file object
///     A path, the JSON text as bytes, or an open file.
/// plan_date, as_of, organisation, title, columns, aliases, fill_down
///     As for :func:`read_csv` (used for an array of records).
///
/// Returns
/// -------
/// Plan
///
/// Raises
/// ------
/// PlanFileNotFoundError
///     When the path does not exist (also a ``FileNotFoundError``).
/// InvalidJsonError
///     When the text is not JSON, or is JSON of another shape (the message gives the place).
///
/// Examples
/// --------
/// >>> plan = actionplan.read_json("plan.json")
/// >>> actionplan.read_json(plan.to_json().encode()) == plan
/// True
#[pyfunction]
#[pyo3(signature = (source, *, plan_date=None, as_of=None, organisation=None, title=None, columns=None, aliases=None, fill_down=true))]
#[allow(clippy::too_many_arguments)]
fn read_json<'py>(
    py: Python<'py>,
    source: &Bound<'py, PyAny>,
    plan_date: Option<&Bound<'py, PyAny>>,
    as_of: Option<&Bound<'py, PyAny>>,
    organisation: Option<&Bound<'py, PyAny>>,
    title: Option<&Bound<'py, PyAny>>,
    columns: Option<&Bound<'py, PyAny>>,
    aliases: Option<&Bound<'py, PyAny>>,
    fill_down: bool,
) -> PyResult<Plan> {
    read_source(
        py,
        source,
        ReadArgs {
            plan_date,
            as_of,
            organisation,
            title,
            columns,
            aliases,
            delimiter: None,
            fill_down,
            format: "json",
            sheet: None,
            sheets_as_themes: false,
            header_row: None,
            table_from: Vec::new(),
        },
    )
}

/// Read a plan from a file whose format is detected (CSV, TSV, JSON, an Excel or
/// OpenDocument workbook, a Word document, a PDF, text copied out of Word or a PDF), or given as `format="csv" | "tsv" | "json" |
/// "xlsx" | "docx"`. For a workbook, `sheet` picks the sheet by name or 0-based index (default:
/// the first visible sheet holding a table of actions), and `sheets_as_themes=True` reads every
/// visible sheet holding a table as one plan, each sheet's name the theme of its rows.
/// `sheet_name` and `sep` are the same as `sheet` and `delimiter`, as pandas names them.
/// `header_row` gives the header row (as a spreadsheet numbers rows; 0: no header row) and
/// `table_from` the rows from which on another table starts (see `inspect`).
///
/// Parameters
/// ----------
/// source : str, os.PathLike, bytes or file object
///     The file, its data, or an open file.
/// format : {"auto", "csv", "tsv", "json", "xlsx", "docx"}, default "auto"
///     Detected from the name and the content by default.
/// sheet, sheet_name : str or int, optional
///     For a workbook, as for :func:`read_excel`.
/// sheets_as_themes : bool, default False
///     For a workbook, as for :func:`read_excel`.
/// delimiter, sep : str, optional
///     For CSV, as for :func:`read_csv`.
/// header_row : int, optional
///     The header row as a spreadsheet numbers rows (0: the table has no header row).
/// table_from : list of int, optional
///     Rows from which on another table starts.
/// plan_date, as_of, organisation, title, columns, aliases, fill_down
///     As for :func:`read_csv`.
///
/// Returns
/// -------
/// Plan
///
/// Raises
/// ------
/// PlanFileNotFoundError
///     When the path does not exist (also a ``FileNotFoundError``).
/// InvalidOptionError
///     For an unknown format, or options that disagree.
/// NoHeaderError, NoRowsError, EmptyInputError, DocumentError
///     When the file holds no table of actions, or cannot be read.
///
/// Examples
/// --------
/// >>> plan = actionplan.read("tracker.xlsx", sheet="Actions", plan_date="2024-12-01")
#[pyfunction]
#[pyo3(signature = (source, *, format="auto", plan_date=None, as_of=None, organisation=None, title=None, columns=None, aliases=None, delimiter=None, fill_down=true, sheet=None, sheets_as_themes=false, sheet_name=None, sep=None, header_row=None, table_from=None))]
#[allow(clippy::too_many_arguments)]
fn read<'py>(
    py: Python<'py>,
    source: &Bound<'py, PyAny>,
    format: &str,
    plan_date: Option<&Bound<'py, PyAny>>,
    as_of: Option<&Bound<'py, PyAny>>,
    organisation: Option<&Bound<'py, PyAny>>,
    title: Option<&Bound<'py, PyAny>>,
    columns: Option<&Bound<'py, PyAny>>,
    aliases: Option<&Bound<'py, PyAny>>,
    delimiter: Option<&Bound<'py, PyAny>>,
    fill_down: bool,
    sheet: Option<&Bound<'py, PyAny>>,
    sheets_as_themes: bool,
    sheet_name: Option<&Bound<'py, PyAny>>,
    sep: Option<&Bound<'py, PyAny>>,
    header_row: Option<usize>,
    table_from: Option<Vec<usize>>,
) -> PyResult<Plan> {
    let sheet = either("sheet", sheet, "sheet_name", sheet_name)?;
    let delimiter = either("delimiter", delimiter, "sep", sep)?;
    read_source(
        py,
        source,
        ReadArgs {
            plan_date,
            as_of,
            organisation,
            title,
            columns,
            aliases,
            delimiter,
            fill_down,
            format,
            sheet,
            sheets_as_themes,
            header_row,
            table_from: table_from.unwrap_or_default(),
        },
    )
}

/// How a file is read, as a dict: the tables found and their rows, each table's header row,
/// each column's role with its header and content evidence and confidence, the section rows,
/// the rows skipped and why, and the reader's diagnostics (the same data as `actionplan
/// inspect FILE --json`). Corrections: `columns` (`{"By When": "due"}`), `header_row` (as a
/// spreadsheet numbers rows; 0 for a table with no header), `table_from` (rows from which on
/// another table starts), `aliases`, `sheet`.
///
/// Parameters
/// ----------
/// source : str, os.PathLike, bytes or file object
///     The file, its data, or an open file.
/// format : str, default "auto"
///     As for :func:`read`.
/// plan_date, columns, aliases, header_row, table_from, sheet
///     As for :func:`read`: the corrections to try.
///
/// Returns
/// -------
/// dict
///     ``tables``, ``columns`` (each with ``role``, ``evidence`` and ``confidence``),
///     ``sections``, ``skipped`` rows and ``diagnostics``.
///
/// Raises
/// ------
/// PlanFileNotFoundError
///     When the path does not exist.
/// NoHeaderError, NoRowsError, EmptyInputError
///     When the data holds no table at all.
///
/// Examples
/// --------
/// >>> found = actionplan.inspect("tracker.csv")
/// >>> [(c["header"], c["role"]) for c in found["columns"]]
#[pyfunction]
#[pyo3(signature = (source, *, format="auto", plan_date=None, columns=None, aliases=None, header_row=None, table_from=None, sheet=None))]
#[allow(clippy::too_many_arguments)]
fn inspect<'py>(
    py: Python<'py>,
    source: &Bound<'py, PyAny>,
    format: &str,
    plan_date: Option<&Bound<'py, PyAny>>,
    columns: Option<&Bound<'py, PyAny>>,
    aliases: Option<&Bound<'py, PyAny>>,
    header_row: Option<usize>,
    table_from: Option<Vec<usize>>,
    sheet: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let args = ReadArgs {
        plan_date,
        as_of: None,
        organisation: None,
        title: None,
        columns,
        aliases,
        delimiter: None,
        fill_down: true,
        format,
        sheet,
        sheets_as_themes: false,
        header_row,
        table_from: table_from.unwrap_or_default(),
    };
    let text = guard(py, || {
        let opts = args.options(py, None)?;
        let imported = match crate::convert::source(source)? {
            Source::Path(path) => {
                let bytes = std::fs::read(&path).map_err(|e| io_error(py, &path, &e))?;
                py.detach(|| opts.read_bytes(&bytes))
            }
            Source::Bytes(bytes) => py.detach(|| opts.read_bytes(&bytes)),
        }
        .py(py)?;
        Ok(actionplan::import::inspect::to_json_with_plan(&imported))
    })?;
    py.import("json")?.call_method1("loads", (text,))
}

/// Read a plan from an Excel workbook (`.xlsx`, `.xlsm`, `.xls`) or an OpenDocument
/// spreadsheet (`.ods`).
///
/// Parameters
/// ----------
/// source : str, os.PathLike, bytes or file object
///     The workbook.
/// sheet, sheet_name : str or int, optional
///     The sheet by name (exact, else ignoring case) or 0-based position (hidden sheets
///     count); ``sheet_name`` as ``pandas.read_excel`` names it. Default: the first visible
///     sheet holding a table of actions.
/// sheets_as_themes : bool, default False
///     Read every visible sheet holding a table as one plan, each sheet's name the theme of
///     its rows.
/// plan_date, as_of, organisation, title, columns, aliases, fill_down
///     As for :func:`read_csv`.
///
/// Returns
/// -------
/// Plan
///
/// Raises
/// ------
/// InvalidOptionError
///     For an unknown sheet name or an index out of range (the message lists the sheets), or
///     ``sheet`` and ``sheet_name`` that differ.
/// DocumentError
///     When the workbook cannot be read.
///
/// Examples
/// --------
/// >>> plan = actionplan.read_excel("tracker.xlsx", sheet_name="Action plan")
#[pyfunction]
#[pyo3(signature = (source, *, sheet=None, sheets_as_themes=false, plan_date=None, as_of=None, organisation=None, title=None, columns=None, aliases=None, fill_down=true, sheet_name=None))]
#[allow(clippy::too_many_arguments)]
fn read_excel<'py>(
    py: Python<'py>,
    source: &Bound<'py, PyAny>,
    sheet: Option<&Bound<'py, PyAny>>,
    sheets_as_themes: bool,
    plan_date: Option<&Bound<'py, PyAny>>,
    as_of: Option<&Bound<'py, PyAny>>,
    organisation: Option<&Bound<'py, PyAny>>,
    title: Option<&Bound<'py, PyAny>>,
    columns: Option<&Bound<'py, PyAny>>,
    aliases: Option<&Bound<'py, PyAny>>,
    fill_down: bool,
    sheet_name: Option<&Bound<'py, PyAny>>,
) -> PyResult<Plan> {
    let sheet = either("sheet", sheet, "sheet_name", sheet_name)?;
    read_source(
        py,
        source,
        ReadArgs {
            plan_date,
            as_of,
            organisation,
            title,
            columns,
            aliases,
            delimiter: None,
            fill_down,
            format: "xlsx",
            sheet,
            sheets_as_themes,
            header_row: None,
            table_from: Vec::new(),
        },
    )
}

/// A cell value as text: `None`, NaN, `pd.NA` and `NaT` are blank; whole floats lose ".0"
/// (a data frame stores "1" as 1.0 when the column has blanks); dates are ISO.
fn cell_text(v: &Bound<'_, PyAny>) -> PyResult<String> {
    if v.is_none() {
        return Ok(String::new());
    }
    if let Ok(s) = v.cast::<PyString>() {
        return Ok(s.to_cow()?.to_string());
    }
    if let Ok(b) = v.extract::<bool>() {
        if v.is_instance_of::<pyo3::types::PyBool>() {
            return Ok(if b { "true" } else { "false" }.into());
        }
    }
    if v.is_instance_of::<pyo3::types::PyFloat>() {
        let f: f64 = v.extract()?;
        if f.is_nan() {
            return Ok(String::new());
        }
        if f.fract() == 0.0 && f.abs() < 1e15 {
            return Ok(format!("{}", f as i64));
        }
        return Ok(f.to_string());
    }
    let tn = type_name(v);
    if tn == "NAType" || tn == "NaTType" {
        return Ok(String::new());
    }
    if v.is_instance_of::<pyo3::types::PyDate>() {
        // datetime.date, datetime.datetime, pandas.Timestamp: the date, ISO.
        let d = if v.is_instance_of::<pyo3::types::PyDateTime>() {
            v.call_method0("date")?
        } else {
            v.clone()
        };
        return d.call_method0("isoformat")?.extract();
    }
    Ok(v.str()?.to_cow()?.to_string())
}

/// Read rows given as headers and columns of cells (the fast path for data frames).
fn read_columns(
    py: Python<'_>,
    headers: Vec<String>,
    columns: Vec<Vec<String>>,
    opts: ImportOptions,
    format: &str,
) -> PyResult<Plan> {
    use actionplan::import::SourceRow;
    if headers.is_empty() {
        return Err(errors::core_error(
            py,
            &actionplan::Error::new(actionplan::ErrorKind::Empty),
        ));
    }
    let n = columns.iter().map(|c| c.len()).max().unwrap_or(0);
    let format = format.to_string();
    let imported = py
        .detach(move || {
            let mut rows = Vec::with_capacity(n + 1);
            rows.push(SourceRow {
                line: 1,
                cells: headers,
            });
            let mut cols: Vec<std::vec::IntoIter<String>> =
                columns.into_iter().map(|c| c.into_iter()).collect();
            for i in 0..n {
                let cells = cols
                    .iter_mut()
                    .map(|c| c.next().unwrap_or_default())
                    .collect();
                rows.push(SourceRow { line: i + 2, cells });
            }
            opts.read_rows(rows, &format)
        })
        .py(py)?;
    Ok(Plan::new(imported.plan))
}

/// Read a plan from records: an iterable of dicts whose keys are column headers (as from
/// `DataFrame.to_dict("records")` or a JSON array). Rows are numbered from 2 (row 1 is the
/// header the keys make).
///
/// Parameters
/// ----------
/// records : iterable of dict
///     One dict of ``{header: value}`` per action. ``None``, ``NaN``, ``pd.NA`` and ``NaT``
///     are blank cells; dates are read as ISO dates.
/// plan_date, as_of, organisation, title, columns, aliases, fill_down
///     As for :func:`read_csv`.
///
/// Returns
/// -------
/// Plan
///
/// Raises
/// ------
/// InputTypeError
///     When ``records`` is not an iterable of dicts (the message names the record).
/// NoHeaderError, NoRowsError, EmptyInputError
///     When the records hold no actions.
///
/// Examples
/// --------
/// >>> plan = actionplan.from_records(
/// ...     [{"Recommendation": "1", "Action": "Train members", "Due": "March 2025"}],
/// ...     plan_date="2024-12-01",
/// ... )
/// >>> plan.actions[0].due
/// datetime.date(2025, 3, 31)
#[pyfunction]
#[pyo3(signature = (records, *, plan_date=None, as_of=None, organisation=None, title=None, columns=None, aliases=None, fill_down=true))]
#[allow(clippy::too_many_arguments)]
fn from_records<'py>(
    py: Python<'py>,
    records: &Bound<'py, PyAny>,
    plan_date: Option<&Bound<'py, PyAny>>,
    as_of: Option<&Bound<'py, PyAny>>,
    organisation: Option<&Bound<'py, PyAny>>,
    title: Option<&Bound<'py, PyAny>>,
    columns: Option<&Bound<'py, PyAny>>,
    aliases: Option<&Bound<'py, PyAny>>,
    fill_down: bool,
) -> PyResult<Plan> {
    guard(py, || {
        let opts = ReadArgs {
            plan_date,
            as_of,
            organisation,
            title,
            columns,
            aliases,
            delimiter: None,
            fill_down,
            format: "auto",
            sheet: None,
            sheets_as_themes: false,
            header_row: None,
            table_from: Vec::new(),
        }
        .options(py, None)?;
        if records.is_instance_of::<PyString>() || records.is_instance_of::<PyDict>() {
            return Err(input_type(
                py,
                format!(
                    "records must be a list of dicts, got {}",
                    type_name(records)
                ),
            ));
        }
        let iter = records.try_iter().map_err(|_| {
            input_type(
                py,
                format!(
                    "records must be a list of dicts, got {}",
                    type_name(records)
                ),
            )
        })?;
        let mut headers: Vec<String> = Vec::new();
        let mut rows: Vec<Vec<(usize, String)>> = Vec::new();
        for (i, item) in iter.enumerate() {
            let item = item?;
            let dict = item.cast::<PyDict>().map_err(|_| {
                input_type(
                    py,
                    format!(
                        "record {} is {}, expected a dict of {{header: value}}",
                        i + 1,
                        type_name(&item)
                    ),
                )
            })?;
            let mut row = Vec::with_capacity(dict.len());
            for (k, v) in dict.iter() {
                let key = match k.cast::<PyString>() {
                    Ok(s) => s.to_cow()?.to_string(),
                    Err(_) => k.str()?.to_cow()?.to_string(),
                };
                let at = match headers.iter().position(|h| *h == key) {
                    Some(p) => p,
                    None => {
                        headers.push(key);
                        headers.len() - 1
                    }
                };
                row.push((at, cell_text(&v)?));
            }
            rows.push(row);
        }
        let mut cols: Vec<Vec<String>> = vec![vec![String::new(); rows.len()]; headers.len()];
        for (i, row) in rows.into_iter().enumerate() {
            for (c, text) in row {
                cols[c][i] = text;
            }
        }
        read_columns(py, headers, cols, opts, "records")
    })
}

/// Read a plan from column-wise data: headers and one list of cells per column. Used by
/// `from_pandas` and `from_polars`.
#[pyfunction]
#[pyo3(signature = (headers, columns, *, source_format="records", plan_date=None, as_of=None, organisation=None, title=None, column_roles=None, aliases=None, fill_down=true))]
#[allow(clippy::too_many_arguments)]
fn _from_columns<'py>(
    py: Python<'py>,
    headers: &Bound<'py, PyAny>,
    columns: &Bound<'py, PyAny>,
    source_format: &str,
    plan_date: Option<&Bound<'py, PyAny>>,
    as_of: Option<&Bound<'py, PyAny>>,
    organisation: Option<&Bound<'py, PyAny>>,
    title: Option<&Bound<'py, PyAny>>,
    column_roles: Option<&Bound<'py, PyAny>>,
    aliases: Option<&Bound<'py, PyAny>>,
    fill_down: bool,
) -> PyResult<Plan> {
    guard(py, || {
        let opts = ReadArgs {
            plan_date,
            as_of,
            organisation,
            title,
            columns: column_roles,
            aliases,
            delimiter: None,
            fill_down,
            format: "auto",
            sheet: None,
            sheets_as_themes: false,
            header_row: None,
            table_from: Vec::new(),
        }
        .options(py, None)?;
        let mut hs = Vec::new();
        for h in headers.try_iter()? {
            let h = h?;
            hs.push(cell_text(&h)?);
        }
        let mut cols = Vec::new();
        for c in columns.try_iter()? {
            let c = c?;
            let list = c.cast::<PyList>()?;
            let mut col = Vec::with_capacity(list.len());
            for v in list.iter() {
                col.push(cell_text(&v)?);
            }
            cols.push(col);
        }
        read_columns(py, hs, cols, opts, source_format)
    })
}

/// Read one due-date phrase ("March 2025", "Mar-25", "2024/25", "Q3 2024/25", "Summer 2025",
/// "Ongoing", ...) as of a reference date (for phrases with no year: usually the plan date).
///
/// Parameters
/// ----------
/// text : str
///     The phrase as written.
/// reference : date-like, optional
///     The date phrases with no year are read against (``datetime.date``, ``datetime``,
///     ``pandas.Timestamp``, ``numpy.datetime64`` or ISO text).
///
/// Returns
/// -------
/// Timeframe
///     The reading: ``kind``, ``start``, ``due_earliest``, ``due_latest`` (``due``),
///     ``confidence`` and flags. A phrase that is not a timeframe reads as kind
///     ``"unreadable"``; it never raises for the text.
///
/// Raises
/// ------
/// InputTypeError, InvalidOptionError
///     When ``text`` is not text or ``reference`` not a date.
///
/// Examples
/// --------
/// >>> actionplan.parse_timeframe("Q3 2024/25").due
/// datetime.date(2024, 12, 31)
#[pyfunction]
#[pyo3(signature = (text, reference=None))]
fn parse_timeframe(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    reference: Option<&Bound<'_, PyAny>>,
) -> PyResult<views::Timeframe> {
    guard(py, || {
        let text = opt_str(Some(text), "text")?.unwrap_or_default();
        let reference = opt_date(reference, "reference")?;
        let t = actionplan::timeframe::parse(
            &text,
            reference,
            &actionplan::timeframe::Settings::default(),
        );
        Ok(views::Timeframe::from(t))
    })
}

/// Panic inside the guard, for the test that a Rust panic reaches Python as `InternalError`
/// (never as pyo3's `PanicException`, a `BaseException`).
#[pyfunction]
fn _test_panic(py: Python<'_>, message: &str) -> PyResult<()> {
    guard(py, || -> PyResult<()> { panic!("{message}") })
}

/// The native module.
/// No panic message reaches stderr: the core turns a panic inside a third-party parser into
/// a document error, and `errors::guard` turns any other into `InternalError` with the
/// panic's message, so the default hook's "thread panicked at ..." would only be noise in a
/// notebook. (The hook is this extension's own: other Rust extensions keep theirs.) Set
/// `ACTIONPLAN_BACKTRACE=1` to keep the default report while debugging.
fn quiet_panics() {
    if std::env::var_os("ACTIONPLAN_BACKTRACE").is_none() {
        std::panic::set_hook(Box::new(|_| {}));
    }
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    quiet_panics();
    errors::register(m)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<Plan>()?;
    m.add_class::<views::Recommendations>()?;
    m.add_class::<views::Actions>()?;
    m.add_class::<views::RecommendationIter>()?;
    m.add_class::<views::ActionIter>()?;
    m.add_class::<views::Recommendation>()?;
    m.add_class::<views::Action>()?;
    m.add_class::<views::ProgressUpdate>()?;
    m.add_class::<views::Timeframe>()?;
    m.add_class::<views::Diagnostic>()?;
    m.add_class::<views::Column>()?;
    m.add_class::<frame::Frame>()?;
    m.add_class::<rating::Assessment>()?;
    m.add_class::<rating::RatedAction>()?;
    m.add_class::<rating::Stats>()?;
    m.add_class::<rating::PlanDiff>()?;
    m.add_class::<history::History>()?;
    m.add_function(wrap_pyfunction!(rating::presets, m)?)?;
    m.add_function(wrap_pyfunction!(plan::diff, m)?)?;
    m.add_function(wrap_pyfunction!(history::history, m)?)?;
    m.add_function(wrap_pyfunction!(owners::template, m)?)?;
    m.add_function(wrap_pyfunction!(owners::merge, m)?)?;
    m.add_function(wrap_pyfunction!(read_csv, m)?)?;
    m.add_function(wrap_pyfunction!(read_json, m)?)?;
    m.add_function(wrap_pyfunction!(read, m)?)?;
    m.add_function(wrap_pyfunction!(inspect, m)?)?;
    m.add_function(wrap_pyfunction!(read_excel, m)?)?;
    m.add_function(wrap_pyfunction!(from_records, m)?)?;
    m.add_function(wrap_pyfunction!(_from_columns, m)?)?;
    m.add_function(wrap_pyfunction!(parse_timeframe, m)?)?;
    m.add_function(wrap_pyfunction!(_test_panic, m)?)?;
    m.add_function(wrap_pyfunction!(views::_diagnostics_frame, m)?)?;
    Ok(())
}

"""actionplan: read, check, rate and report on public-sector action plans.

A thin Python door over the Rust core. Read a plan, then validate, rate, count and report::

    import datetime, actionplan
    plan = actionplan.read_csv("hertsmere-2024.csv", plan_date=datetime.date(2024, 12, 1))
    plan.validate()                                  # list of Diagnostic
    rated = plan.assess(as_of="2025-06-30", rules="date-rag")
    rated.to_pandas()                                # one row per action, with ratings
    plan.stats(as_of="2025-06-30").headline

Without ``as_of``, a plan is rated as of its own date (the period its progress columns
record), else today. Views behave like values: ``plan["CPC001"]``, ``==``, ``pickle``.

Every error raised is an ``ActionPlanError``; errors about the input are also ``ValueError``s
and a missing file is also a ``FileNotFoundError``.
"""

from __future__ import annotations

import collections.abc
import math
from typing import Any, Mapping

from ._frames import Diagnostics
from ._native import (
    ActionPlanError,
    Action,
    Actions,
    Assessment,
    Column,
    Diagnostic,
    DocumentError,
    EmptyInputError,
    Frame,
    History,
    InputTypeError,
    InternalError,
    InvalidJsonError,
    InvalidOptionError,
    NoHeaderError,
    NoRowsError,
    NotTextError,
    PdfDamagedError,
    PdfEncryptedError,
    PdfScannedError,
    Plan,
    PlanFileNotFoundError,
    PlanDiff,
    ProgressUpdate,
    RatedAction,
    ReadError,
    Recommendation,
    Recommendations,
    Stats,
    Timeframe,
    TooLargeError,
    UnknownColumnError,
    __version__,
    _from_columns,
    diff,
    from_records,
    history,
    inspect,
    merge,
    parse_timeframe,
    presets,
    read,
    read_csv,
    read_excel,
    read_json,
    template,
)
from ._measures import measures_to_pandas

__all__ = [
    "ActionPlanError",
    "Action",
    "Actions",
    "Assessment",
    "Column",
    "Diagnostic",
    "Diagnostics",
    "DocumentError",
    "EmptyInputError",
    "Frame",
    "History",
    "InputTypeError",
    "InternalError",
    "InvalidJsonError",
    "InvalidOptionError",
    "NoHeaderError",
    "NoRowsError",
    "NotTextError",
    "PdfDamagedError",
    "PdfEncryptedError",
    "PdfScannedError",
    "Plan",
    "PlanFileNotFoundError",
    "PlanDiff",
    "ProgressUpdate",
    "RatedAction",
    "ReadError",
    "Recommendation",
    "Recommendations",
    "Stats",
    "Timeframe",
    "TooLargeError",
    "UnknownColumnError",
    "__version__",
    "diff",
    "from_pandas",
    "from_polars",
    "from_records",
    "history",
    "inspect",
    "measures_to_pandas",
    "merge",
    "parse_timeframe",
    "parse_timeframes",
    "presets",
    "read",
    "read_csv",
    "read_excel",
    "read_json",
    "template",
]


# The lazy sequences are real sequences: isinstance(plan.actions, collections.abc.Sequence).
collections.abc.Sequence.register(Actions)
collections.abc.Sequence.register(Recommendations)

_DateLike = Any  # datetime.date, datetime.datetime, pandas.Timestamp, numpy.datetime64, ISO text


def _frame_type_error(df: Any, expected: str) -> InputTypeError:
    return InputTypeError(f"expected a {expected}, got {type(df).__name__}")


def from_pandas(
    df: Any,
    *,
    plan_date: _DateLike | None = None,
    as_of: _DateLike | None = None,
    organisation: str | None = None,
    title: str | None = None,
    columns: Mapping[str, str] | None = None,
    aliases: Mapping[str, str] | None = None,
    fill_down: bool = True,
) -> Plan:
    """Read a plan from a ``pandas.DataFrame`` whose columns are the plan's headers.

    Parameters
    ----------
    df : pandas.DataFrame
        One row per action; missing values (``NaN``, ``None``, ``pd.NA``, ``NaT``) are blank
        cells; the index is ignored.
    plan_date, as_of, organisation, title, columns, aliases, fill_down
        As for :func:`read_csv`.

    Returns
    -------
    Plan

    Raises
    ------
    InputTypeError
        When ``df`` is not a data frame.

    Examples
    --------
    >>> plan = actionplan.from_pandas(df, plan_date="2024-12-01", columns={"Person": "owner"})
    """
    if not (hasattr(df, "columns") and hasattr(df, "iloc")):
        raise _frame_type_error(df, "pandas.DataFrame")
    headers = [str(c) for c in df.columns]
    cols = [df.iloc[:, i].tolist() for i in range(len(headers))]
    return _from_columns(
        headers,
        cols,
        source_format="pandas",
        plan_date=plan_date,
        as_of=as_of,
        organisation=organisation,
        title=title,
        column_roles=columns,
        aliases=aliases,
        fill_down=fill_down,
    )


def from_polars(
    df: Any,
    *,
    plan_date: _DateLike | None = None,
    as_of: _DateLike | None = None,
    organisation: str | None = None,
    title: str | None = None,
    columns: Mapping[str, str] | None = None,
    aliases: Mapping[str, str] | None = None,
    fill_down: bool = True,
) -> Plan:
    """Read a plan from a ``polars.DataFrame`` whose columns are the plan's headers.

    Parameters
    ----------
    df : polars.DataFrame
        One row per action; nulls are blank cells.
    plan_date, as_of, organisation, title, columns, aliases, fill_down
        As for :func:`read_csv`.

    Returns
    -------
    Plan

    Raises
    ------
    InputTypeError
        When ``df`` is not a data frame.

    Examples
    --------
    >>> plan = actionplan.from_polars(pl.read_csv("tracker.csv"), plan_date="2024-12-01")
    """
    if not (hasattr(df, "columns") and hasattr(df, "get_column")):
        raise _frame_type_error(df, "polars.DataFrame")
    headers = list(df.columns)
    cols = [df.get_column(h).to_list() for h in headers]
    return _from_columns(
        headers,
        cols,
        source_format="polars",
        plan_date=plan_date,
        as_of=as_of,
        organisation=organisation,
        title=title,
        column_roles=columns,
        aliases=aliases,
        fill_down=fill_down,
    )


# The columns of parse_timeframes(), in order, and their kinds.
_TF_TEXT = ("text", "kind", "confidence", "note")
_TF_DATES = ("start", "due_earliest", "due_latest", "due", "revised_from")
_TF_FLAGS = ("ongoing", "recurring", "conditional", "has_deadline")
_TF_COLUMNS = ("text", "kind", *_TF_DATES, *_TF_FLAGS, "per_year", "confidence", "note")


def _missing(v: Any) -> bool:
    """None, NaN, pd.NA, NaT: a blank cell."""
    if v is None:
        return True
    if isinstance(v, float):
        return math.isnan(v)
    try:
        return bool(v != v)
    except (TypeError, ValueError):  # pd.NA != pd.NA is pd.NA, whose bool() raises
        return True


def parse_timeframes(values: Any, reference: _DateLike | None = None) -> Any:
    """Read many due-date phrases at once: a column of a tracker.

    Each distinct phrase is read once (a column of 300,000 rows with 40 phrases costs 40
    readings), so this is the fast way to read a ``due`` column of a data frame.

    Parameters
    ----------
    values : list, tuple, pandas.Series or polars.Series
        The phrases (``"March 2025"``, ``"Q3 2024/25"``, ``"Ongoing"``, ...). ``None``,
        ``NaN``, ``pd.NA`` and ``NaT`` are missing: their row is all missing.
    reference : date-like, optional
        The date phrases with no year are read against (usually the plan date), as for
        :func:`parse_timeframe`.

    Returns
    -------
    pandas.DataFrame or polars.DataFrame
        One row per value, with the :class:`Timeframe` fields as columns: ``text``, ``kind``
        (categorical), ``start``, ``due_earliest``, ``due_latest``, ``due``, ``revised_from``
        (dates), ``ongoing``, ``recurring``, ``conditional``, ``has_deadline`` (booleans),
        ``per_year``, ``confidence`` (categorical) and ``note``. A polars Series gives a polars
        DataFrame; anything else a pandas DataFrame (with the Series' index).

    Raises
    ------
    ImportError
        When the library for the result (pandas, or polars) is not installed.

    Examples
    --------
    >>> actionplan.parse_timeframes(df["Due"], reference="2024-12-01")["due"]
    """
    is_polars = type(values).__module__.split(".")[0] == "polars"
    # A pandas Series' index is kept (a list's .index is a method, not an index).
    index = values.index if hasattr(values, "iloc") else None
    # Each distinct phrase once: codes into the distinct readings (missing: the last row).
    readings: list[Timeframe] = []
    codes: Any
    if index is not None:  # a pandas Series: pandas finds the distinct values (in C)
        from ._frames import _need

        np = _need("numpy", "pandas", "parse_timeframes()")
        pd = _need("pandas", "pandas", "parse_timeframes()")
        found, uniques = pd.factorize(values, use_na_sentinel=True)
        texts = [None if _missing(u) else str(u) for u in uniques]
        readings = [parse_timeframe(t, reference) for t in texts if t is not None]
        # Position of each distinct value's reading; missing ones (and pandas' -1) the last row.
        miss = len(readings)
        lookup, k = [], 0
        for t in texts:
            lookup.append(miss if t is None else k)
            k += t is not None
        lookup.append(miss)
        codes = np.asarray(lookup, dtype=np.intp)[found]
    else:
        items = values.to_list() if hasattr(values, "to_list") else list(values)
        seen: dict[str, int] = {}
        codes = []
        for v in items:
            if _missing(v):
                codes.append(-1)
                continue
            text = v if isinstance(v, str) else str(v)
            code = seen.get(text)
            if code is None:
                code = seen[text] = len(readings)
                readings.append(parse_timeframe(text, reference))
            codes.append(code)
        miss = len(readings)
        codes = [miss if c < 0 else c for c in codes]
    distinct: dict[str, list[Any]] = {
        c: [getattr(t, c) for t in readings] + [None] for c in _TF_COLUMNS
    }
    if is_polars:
        from ._frames import _need

        pl = _need("polars", "polars", "parse_timeframes() of a polars Series")
        schema = {c: pl.Utf8 for c in _TF_TEXT}
        schema.update({c: pl.Date for c in _TF_DATES})
        schema.update({c: pl.Boolean for c in _TF_FLAGS})
        schema["per_year"] = pl.UInt32
        table = pl.DataFrame({c: distinct[c] for c in _TF_COLUMNS}, schema=schema)
        table = table.with_columns(pl.col("kind", "confidence").cast(pl.Categorical))
        return table[codes]
    from ._frames import _need

    pd = _need("pandas", "pandas", "parse_timeframes()")
    table = pd.DataFrame({c: distinct[c] for c in _TF_COLUMNS})
    for c in _TF_DATES:
        table[c] = pd.to_datetime(table[c]).astype("datetime64[ms]")
    for c in _TF_FLAGS:
        table[c] = table[c].astype("boolean")
    table["per_year"] = table["per_year"].astype("Int64")
    for c in ("kind", "confidence"):
        table[c] = table[c].astype("category")
    out = table.iloc[codes].reset_index(drop=True)
    if index is not None:
        out.index = index
    return out

"""actionplan: read, check, rate and report on public-sector action plans.

A thin Python door over the Rust core. Read a plan, then validate, rate, count and report::

    import datetime, actionplan
    plan = actionplan.read_csv("hertsmere-2024.csv", plan_date=datetime.date(2024, 12, 1))
    plan.validate()                                  # list of Diagnostic
    rated = plan.assess(as_of=datetime.date(2025, 6, 30), rules="date-rag")
    rated.to_pandas()                                # one row per action, with ratings
    plan.stats(as_of=datetime.date(2025, 6, 30)).headline

Every error raised is an ``ActionPlanError``; errors about the input are also ``ValueError``s
and a missing file is also a ``FileNotFoundError``.
"""

from __future__ import annotations

from typing import Any

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
    InputTypeError,
    InternalError,
    InvalidJsonError,
    InvalidOptionError,
    NoHeaderError,
    NoRowsError,
    NotTextError,
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
    inspect,
    parse_timeframe,
    presets,
    read,
    read_csv,
    read_excel,
    read_json,
)

__all__ = [
    "ActionPlanError",
    "Action",
    "Actions",
    "Assessment",
    "Column",
    "Diagnostic",
    "DocumentError",
    "EmptyInputError",
    "Frame",
    "InputTypeError",
    "InternalError",
    "InvalidJsonError",
    "InvalidOptionError",
    "NoHeaderError",
    "NoRowsError",
    "NotTextError",
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
    "inspect",
    "parse_timeframe",
    "presets",
    "read",
    "read_csv",
    "read_excel",
    "read_json",
]


def _frame_type_error(df: Any, expected: str) -> InputTypeError:
    return InputTypeError(f"expected a {expected}, got {type(df).__name__}")


def from_pandas(df: Any, **options: Any) -> Plan:
    """Read a plan from a ``pandas.DataFrame`` whose columns are the plan's headers.

    Takes the same keyword options as :func:`from_records` (``plan_date``, ``columns``, ...).
    Missing values (``NaN``, ``None``, ``pd.NA``, ``NaT``) are blank cells; the index is ignored.
    """
    if not (hasattr(df, "columns") and hasattr(df, "iloc")):
        raise _frame_type_error(df, "pandas.DataFrame")
    headers = [str(c) for c in df.columns]
    cols = [df.iloc[:, i].tolist() for i in range(len(headers))]
    return _from_columns(headers, cols, source_format="pandas", **_roles(options))


def from_polars(df: Any, **options: Any) -> Plan:
    """Read a plan from a ``polars.DataFrame`` whose columns are the plan's headers.

    Takes the same keyword options as :func:`from_records` (``plan_date``, ``columns``, ...).
    """
    if not (hasattr(df, "columns") and hasattr(df, "get_column")):
        raise _frame_type_error(df, "polars.DataFrame")
    headers = list(df.columns)
    cols = [df.get_column(h).to_list() for h in headers]
    return _from_columns(headers, cols, source_format="polars", **_roles(options))


def _roles(options: dict[str, Any]) -> dict[str, Any]:
    if "columns" in options:
        options = dict(options)
        options["column_roles"] = options.pop("columns")
    return options

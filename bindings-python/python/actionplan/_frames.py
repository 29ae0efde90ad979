"""Data-frame conversions of the action table (pyarrow, pandas, polars).

The columns are built in Rust and handed over through the Arrow PyCapsule interface, so no
Python object is made per cell. Each library is imported only when asked for.
"""

from __future__ import annotations

import importlib
from typing import Any


def _need(module: str, extra: str, what: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise ImportError(
            f"{what} needs {module}, which is not installed: "
            f"pip install \"actionplan[{extra}]\" (or pip install {module})"
        ) from e


def to_arrow(frame: Any) -> Any:
    """The action table as a ``pyarrow.Table``."""
    pa = _need("pyarrow", "arrow", "Plan.to_arrow()")
    return pa.table(frame)


def to_polars(frame: Any, enums: dict[str, list[str]] | None = None) -> Any:
    """The action table as a ``polars.DataFrame``.

    Parameters
    ----------
    frame : object
        Anything with ``__arrow_c_stream__`` (the Rust-built columns).
    enums : dict of str to list of str, optional
        Columns to make ``pl.Enum`` with these categories, in this order (the ratings, in
        scale order, best first); the other categories are ``pl.Categorical``.

    Returns
    -------
    polars.DataFrame
    """
    pl = _need("polars", "polars", "Plan.to_polars()")
    try:
        df = pl.DataFrame(frame)
    except TypeError:  # polars without the Arrow PyCapsule interface: go through pyarrow
        pa = _need("pyarrow", "polars", "Plan.to_polars() with this polars version")
        df = pl.from_arrow(pa.table(frame))
    if enums:
        df = df.with_columns(
            [pl.col(c).cast(pl.Utf8).cast(pl.Enum(cats)) for c, cats in enums.items()]
        )
    return df


_DATES = ("datetime64", "date", "arrow")


def to_pandas(frame: Any, dates: str = "datetime64") -> Any:
    """The action table as a ``pandas.DataFrame``.

    ``dates``: ``"datetime64"`` (default) gives ``datetime64[ms]`` columns, pandas' native date
    type; ``"date"`` gives ``datetime.date`` objects; ``"arrow"`` keeps ``date32[pyarrow]``.
    Categories become ``pandas.Categorical``; text uses pandas' string dtype; whole numbers
    with gaps are ``Int64``; the ``owners`` lists are ``list<string>[pyarrow]``.
    """
    pd = _need("pandas", "pandas", "Plan.to_pandas()")
    pa = _need("pyarrow", "pandas", "Plan.to_pandas()")
    if dates not in _DATES:
        from ._native import InvalidOptionError

        raise InvalidOptionError(
            f"invalid option dates: {dates!r} is not one of {', '.join(_DATES)}"
        )
    table = pa.table(frame)
    date32, int64 = pa.date32(), pa.int64()
    keep_dates = dates == "arrow"

    def mapper(t: Any) -> Any:
        # Whole numbers stay whole when some are missing (pandas' nullable Int64).
        if t == int64:
            return pd.Int64Dtype()
        # Lists (the owners) stay Arrow lists: one numpy array per row would cost more than
        # the whole table; `df["owners"].list` works on them.
        if pa.types.is_list(t) or pa.types.is_large_list(t):
            return pd.ArrowDtype(t)
        if keep_dates and t == date32:
            return pd.ArrowDtype(t)
        return None

    return table.to_pandas(
        date_as_object=(dates == "date"),
        types_mapper=mapper,
        split_blocks=True,
    )

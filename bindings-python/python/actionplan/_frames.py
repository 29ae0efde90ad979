"""Data-frame conversions of the action table (pyarrow, pandas, polars).

The columns are built in Rust and handed over through the Arrow PyCapsule interface, so no
Python object is made per cell. Each library is imported only when asked for.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any, Iterable, Iterator, SupportsIndex, overload


def _need(module: str, extra: str, what: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise ImportError(
            f"{what} needs {module}, which is not installed: "
            f"pip install \"actionplan[{extra}]\" (or pip install {module})"
        ) from e


def to_arrow(frame: Any) -> Any:
    """A table as a ``pyarrow.Table``.

    Parameters
    ----------
    frame : Frame
        The Rust-built columns (anything with ``__arrow_c_stream__``).

    Returns
    -------
    pyarrow.Table

    Raises
    ------
    ImportError
        When pyarrow is not installed.
    """
    pa = _need("pyarrow", "arrow", "to_arrow()")
    return pa.table(frame)


def to_polars(frame: Any) -> Any:
    """A table as a ``polars.DataFrame``.

    Ordered categories (a rating scale, best first; severities) become ``pl.Enum`` in their
    order, the other categories ``pl.Categorical``.

    Parameters
    ----------
    frame : Frame
        The Rust-built columns (anything with ``__arrow_c_stream__``).

    Returns
    -------
    polars.DataFrame

    Raises
    ------
    ImportError
        When polars is not installed.
    """
    pl = _need("polars", "polars", "to_polars()")
    try:
        df = pl.DataFrame(frame)
    except TypeError:  # polars without the Arrow PyCapsule interface: go through pyarrow
        pa = _need("pyarrow", "polars", "to_polars() with this polars version")
        df = pl.from_arrow(pa.table(frame))
    enums = frame._enums() if hasattr(frame, "_enums") else []
    if enums:
        df = df.with_columns(
            [pl.col(c).cast(pl.Utf8).cast(pl.Enum(cats)) for c, cats in enums]
        )
    return df


_DATES = ("datetime64", "date", "arrow")


def to_pandas(frame: Any, dates: str = "datetime64") -> Any:
    """A table as a ``pandas.DataFrame``.

    ``dates``: ``"datetime64"`` (default) gives ``datetime64[ms]`` columns, pandas' native date
    type; ``"date"`` gives ``datetime.date`` objects; ``"arrow"`` keeps ``date32[pyarrow]``.
    Categories become ``pandas.Categorical``; text uses pandas' string dtype; whole numbers
    with gaps are ``Int64``; the ``owners`` lists are ``list<string>[pyarrow]``.
    """
    pd = _need("pandas", "pandas", "to_pandas()")
    pa = _need("pyarrow", "pandas", "to_pandas()")
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


class Diagnostics:
    """The diagnostics of a plan: a list of :class:`Diagnostic` that is also a table, one row
    per problem.

    It behaves as a list (``len``, indexing and slicing, iteration, ``in``, ``index()``,
    ``count()``, ``==`` with a list, ``pickle``), and ``to_pandas()``, ``to_polars()``,
    ``to_arrow()`` and the Arrow PyCapsule interface give its table, with columns ``code``,
    ``severity`` (ordered: info < warning < error), ``message``, ``row``, ``column``,
    ``text``, ``ref`` and ``hint``. (It is not a ``list`` subclass: pyarrow and polars read a
    list as rows of values, and would not ask for its table.)

    Parameters
    ----------
    items : iterable of Diagnostic, optional
        The diagnostics.

    Examples
    --------
    >>> problems = plan.validate()
    >>> problems.to_pandas().groupby("severity", observed=True).size()
    >>> pl.DataFrame(problems).filter(pl.col("severity") == "error")
    """

    __slots__ = ("_items",)
    __hash__ = None  # type: ignore[assignment]  # mutable-looking, as a list

    def __init__(self, items: Iterable[Any] = ()) -> None:
        self._items: list[Any] = list(items)

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, i: SupportsIndex) -> Any: ...
    @overload
    def __getitem__(self, i: slice) -> list[Any]: ...
    def __getitem__(self, i: SupportsIndex | slice) -> Any:
        return self._items[i]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._items)

    def __reversed__(self) -> Iterator[Any]:
        return iter(self._items[::-1])

    def __contains__(self, value: object) -> bool:
        return value in self._items

    def index(self, value: Any, start: SupportsIndex = 0, stop: SupportsIndex = sys.maxsize) -> int:
        """The position of the first diagnostic equal to ``value``.

        Parameters
        ----------
        value : Diagnostic
        start, stop : int, optional
            The part to search, as a slice gives it.

        Returns
        -------
        int

        Raises
        ------
        ValueError
            When there is none.
        """
        return self._items.index(value, start, stop)

    def count(self, value: Any) -> int:
        """How many diagnostics are equal to ``value``.

        Parameters
        ----------
        value : Diagnostic

        Returns
        -------
        int
        """
        return self._items.count(value)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Diagnostics):
            return self._items == other._items
        if isinstance(other, (list, tuple)):
            return self._items == list(other)
        return NotImplemented

    def __add__(self, other: Iterable[Any]) -> Diagnostics:
        return Diagnostics([*self._items, *other])

    def __repr__(self) -> str:
        return repr(self._items)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Diagnostics, (self._items,))

    def table(self) -> Any:
        """The diagnostics as a :class:`Frame` (Arrow columns), one row per diagnostic.

        Returns
        -------
        Frame

        Raises
        ------
        InputTypeError
            When the list holds something other than ``Diagnostic`` values.
        """
        from ._native import _diagnostics_frame

        return _diagnostics_frame(self)

    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object:
        """The Arrow PyCapsule interface: ``pa.table(problems)``, ``pl.DataFrame(problems)``."""
        return self.table().__arrow_c_stream__(requested_schema)

    def to_arrow(self) -> Any:
        """The diagnostics as a ``pyarrow.Table``.

        Returns
        -------
        pyarrow.Table
        """
        return to_arrow(self.table())

    def to_pandas(self) -> Any:
        """The diagnostics as a ``pandas.DataFrame``, one row per diagnostic.

        Returns
        -------
        pandas.DataFrame

        Examples
        --------
        >>> plan.validate().to_pandas()[["code", "severity", "row", "message"]]
        """
        return to_pandas(self.table())

    def to_polars(self) -> Any:
        """The diagnostics as a ``polars.DataFrame``, one row per diagnostic.

        Returns
        -------
        polars.DataFrame
        """
        return to_polars(self.table())

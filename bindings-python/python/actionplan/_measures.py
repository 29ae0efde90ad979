"""The performance indicators of a plan as a ``pandas.DataFrame``: one row per indicator, each
figure as its text and its value (read by the core), with its rating and reason."""

from __future__ import annotations

from typing import Any

from ._frames import _need

_FIGURES = ("target", "actual", "previous", "forecast")


def measures_to_pandas(plan: Any, as_of: Any = None) -> Any:
    """The plan's performance indicators as a ``pandas.DataFrame``, one row per indicator.

    Columns: ``ref``, ``name``, ``theme``, ``unit``, ``frequency``, for each of ``target``,
    ``actual``, ``previous`` and ``forecast`` the text as written and ``<figure>_value`` (a
    float, or NaN when the cell was not read as a number), ``polarity``, ``direction``,
    ``owner``, ``comments``, then the rating with the preset ``measures``: ``rating`` (the
    label's name, missing when not rated), ``outcome`` and ``reason``. ``as_of`` is passed to
    ``plan.stats``.

    Examples
    --------
    >>> df = actionplan.measures_to_pandas(plan)
    >>> list(df.columns)[:3]
    ['ref', 'name', 'theme']
    """
    pd = _need("pandas", "pandas", "measures_to_pandas()")
    stats = plan.stats(as_of=as_of).measures if plan.measures else None
    ratings = {r["index"]: r for r in stats["ratings"]} if stats else {}
    names = {c["label"]: c["name"] for c in stats["counts"]} if stats else {}
    rows: list[dict[str, Any]] = []
    for i, m in enumerate(plan.measures):
        row: dict[str, Any] = {
            "ref": m.get("ref"),
            "name": m.get("name"),
            "theme": m.get("theme"),
            "unit": m.get("unit"),
            "frequency": m.get("frequency_text"),
        }
        for f in _FIGURES:
            fig = m.get(f) or {}
            row[f] = fig.get("text")
            value = fig.get("value")
            row[f"{f}_value"] = float(value) if value is not None else float("nan")
        r = ratings.get(i, {})
        row["polarity"] = m.get("polarity") or r.get("polarity")
        row["direction"] = m.get("direction") or r.get("direction")
        row["owner"] = m.get("owner")
        row["comments"] = m.get("comments")
        label = r.get("label")
        row["rating"] = names.get(label) if label else None
        row["outcome"] = r.get("outcome")
        row["reason"] = r.get("reason")
        rows.append(row)
    columns = ["ref", "name", "theme", "unit", "frequency"]
    for f in _FIGURES:
        columns += [f, f"{f}_value"]
    columns += ["polarity", "direction", "owner", "comments", "rating", "outcome", "reason"]
    return pd.DataFrame(rows, columns=columns)

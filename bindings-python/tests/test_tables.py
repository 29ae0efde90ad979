"""Every table-like result is a table for pyarrow, pandas, polars and DuckDB (through the Arrow
PyCapsule interface), and pickles and copies by value."""

from __future__ import annotations

import copy
import datetime
import importlib
import pickle
from typing import Any

import pytest

import actionplan
from conftest import read_seed, SEEDS

pa = importlib.import_module("pyarrow")
pd = importlib.import_module("pandas")
pl = importlib.import_module("polars")
duckdb = importlib.import_module("duckdb")

AS_OF = datetime.date(2025, 6, 30)


@pytest.fixture
def plan() -> actionplan.Plan:
    return read_seed(SEEDS[0])


@pytest.fixture
def rated(plan: actionplan.Plan) -> actionplan.Assessment:
    return plan.assess(as_of=AS_OF, rules="date-rag")


@pytest.fixture
def changes() -> actionplan.PlanDiff:
    old = actionplan.read_csv(
        b"Recommendation,Action,Due,Status,RAG\n1,Train members,March 2025,In progress,Amber\n"
        b"1,Publish the plan,May 2025,Not started,Red\n2,Review the constitution,2024/25,,Green\n"
    )
    new = actionplan.read_csv(
        b"Recommendation,Action,Due,Status,RAG\n1,Train members,March 2025,Complete,Green\n"
        b"1,Publish the plan,July 2025,In progress,Amber\n3,Set up a scrutiny panel,2025/26,,\n"
    )
    return actionplan.diff(old, new, rules="date-rag", as_of=AS_OF)


def _consumers(x: Any, rows: int) -> None:
    """pyarrow, polars and DuckDB read ``x`` through ``__arrow_c_stream__``."""
    t = pa.table(x)
    assert t.num_rows == rows
    df = pl.DataFrame(x)
    assert df.height == rows
    assert df.columns == t.column_names
    assert duckdb.sql("select count(*) from x").fetchall() == [(rows,)]


def test_plan_and_assessment_are_tables(plan: actionplan.Plan, rated: actionplan.Assessment) -> None:
    _consumers(plan, len(plan))
    _consumers(rated, len(plan))
    by = duckdb.sql("select rating, count(*) as n from rated group by rating order by rating").fetchall()
    # An action no rule rates is a null rating in the table, "Not rated" in the counts.
    assert {("Not rated" if r is None else r): n for r, n in by} == {
        k: v for k, v in rated.counts.items() if v
    }


def test_ratings_are_ordered_in_pandas_polars_and_arrow(rated: actionplan.Assessment) -> None:
    names = [label["name"] for label in rated.labels]
    assert names == ["Blue", "Green", "Amber", "Red"]
    field = pa.table(rated).schema.field("rating")
    assert pa.types.is_dictionary(field.type) and field.type.ordered
    df = rated.to_pandas()
    assert df["rating"].cat.ordered
    assert list(df["rating"].cat.categories) == names
    assert (df["rating"] > "Green").sum() == rated.counts["Amber"] + rated.counts["Red"]
    p = rated.to_polars()
    assert p.schema["rating"] == pl.Enum(names)
    values = p["rating"].to_list()
    # Nulls (not rated) sort first, then the labels in scale order.
    assert None in values
    assert p.sort("rating")["rating"].to_list() == sorted(
        values, key=lambda v: -1 if v is None else names.index(v)
    )


def test_stats_tables(rated: actionplan.Assessment) -> None:
    stats = rated.stats()
    groups = stats.to_dict()["groups"]
    _consumers(stats, len(groups))
    df = stats.to_pandas()
    assert list(df["group"]) == [g["key"] for g in groups]
    assert list(df["actions"]) == [g["actions"] for g in groups]
    assert stats.by_status
    for key, n in stats.by_status.items():
        assert int(df[f"status_{key}"].sum()) == n
    rating_cols = [c for c in df.columns if c.startswith("rating_")]
    assert int(df[rating_cols].to_numpy().sum()) == len(rated)

    workload = stats.to_polars("workload")
    assert workload["owner"].to_list() == [w["owner"] for w in stats.workload]
    assert workload["open"].to_list() == [w["open"] for w in stats.workload]
    _consumers(stats.table("workload"), len(stats.workload))

    overdue = stats.to_pandas("overdue")
    assert list(overdue["ref"]) == [o["ref"] for o in stats.overdue]
    assert list(overdue["days_overdue"]) == [o.get("days_overdue") for o in stats.overdue]
    assert overdue["rating"].cat.ordered
    assert stats.to_polars("overdue").schema["rating"] == pl.Enum(["Blue", "Green", "Amber", "Red"])
    assert stats.to_arrow("overdue").num_rows == len(stats.overdue)

    with pytest.raises(actionplan.InvalidOptionError, match="groups, workload, overdue"):
        stats.table("owners")  # type: ignore[arg-type]


def test_diagnostics_are_a_list_and_a_table(plan: actionplan.Plan) -> None:
    found = plan.validate()
    assert isinstance(found, actionplan.Diagnostics)
    # A list in all but name (not a list subclass: pyarrow and polars would read a list as
    # rows of values instead of asking for its Arrow stream).
    assert found == list(found) and list(found) == found
    assert found[0] in found and found.index(found[0]) == 0 and found.count(found[0]) == 1
    assert found[:1] == [found[0]] and repr(found) == repr(list(found))
    assert list(reversed(found)) == list(reversed(list(found)))
    assert len(found) > 0
    _consumers(found, len(found))
    df = found.to_pandas()
    assert list(df["code"]) == [d.code for d in found]
    assert list(df["message"]) == [d.message for d in found]
    assert [None if pd.isna(r) else r for r in df["row"]] == [d.row for d in found]
    assert df["severity"].cat.ordered
    assert list(df["severity"].cat.categories) == ["info", "warning", "error"]
    p = found.to_polars()
    assert p.schema["severity"] == pl.Enum(["info", "warning", "error"])
    assert found.to_arrow().num_rows == len(found)
    assert isinstance(plan.import_diagnostics, actionplan.Diagnostics)
    empty = actionplan.Diagnostics()
    assert pa.table(empty).num_rows == 0
    assert empty.to_pandas().columns[0] == "code"


def test_diagnostics_table_refuses_other_values() -> None:
    with pytest.raises(actionplan.InputTypeError, match="only Diagnostic values, not int"):
        actionplan.Diagnostics([1]).to_pandas()


def test_diff_is_a_table(changes: actionplan.PlanDiff) -> None:
    d = changes.to_dict()
    rows = sum(len(d.get(k, [])) for k in (
        "added", "removed", "renumbered", "completed", "status_changed", "rerated",
        "rerated_derived", "deadlines_moved", "comments_not_updated",
    ))
    assert rows > 0
    _consumers(changes, rows)
    df = changes.to_pandas()
    assert list(df.columns[:3]) == ["change", "ref", "recommendation"]
    completed = df[df["change"] == "completed"]
    assert list(completed["ref"]) == [c["ref"] for c in changes.completed]
    moved = changes.to_polars().filter(pl.col("change") == "deadlines_moved")
    assert moved["days_moved"].to_list() == [m.get("days") for m in changes.deadlines_moved]
    assert changes.to_arrow().num_rows == rows


def test_a_requested_schema_is_honoured(rated: actionplan.Assessment) -> None:
    """A consumer may ask for other types (here plain strings for the large ones)."""
    table = pa.table(rated)
    wanted = pa.schema(
        [f.with_type(pa.string()) if f.type == pa.large_string() else f for f in table.schema]
    )
    reader = pa.RecordBatchReader.from_stream(rated, schema=wanted)
    got = reader.read_all()
    assert got.schema.field("ref").type == pa.string()
    assert got.column("ref").to_pylist() == table.column("ref").to_pylist()


@pytest.mark.parametrize("how", ["pickle", "copy", "deepcopy"])
def test_results_pickle_and_copy_by_value(
    how: str, plan: actionplan.Plan, rated: actionplan.Assessment, changes: actionplan.PlanDiff
) -> None:
    def again(x: Any) -> Any:
        if how == "pickle":
            return pickle.loads(pickle.dumps(x))
        return copy.copy(x) if how == "copy" else copy.deepcopy(x)

    stats = rated.stats(by="owner")
    found = plan.validate()
    for x in (rated, stats, changes, found, found[0]):
        y = again(x)
        assert y == x and type(y) is type(x)
        if not isinstance(x, actionplan.Diagnostics):
            assert hash(y) == hash(x)
    r2 = again(rated)
    assert r2.to_json() == rated.to_json()
    assert r2.counts == rated.counts
    assert pa.table(r2).equals(pa.table(rated))
    assert again(stats).to_json() == stats.to_json()
    assert pa.table(again(stats)).equals(pa.table(stats))
    assert again(changes).to_json() == changes.to_json()
    assert isinstance(again(found), actionplan.Diagnostics)


def test_equality_is_by_value(plan: actionplan.Plan) -> None:
    a = plan.assess(as_of=AS_OF)
    b = read_seed(SEEDS[0]).assess(as_of=AS_OF)
    assert a == b and hash(a) == hash(b)
    assert a != plan.assess(as_of=datetime.date(2026, 1, 1))
    assert a.stats() == b.stats()
    assert a.stats() != a.stats(by="owner")
    assert a != "not an assessment"

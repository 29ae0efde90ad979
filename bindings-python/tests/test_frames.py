"""The action table: one row per action, typed columns, for pyarrow, pandas and polars."""

from __future__ import annotations

import importlib

import datetime
from pathlib import Path
import json
import sys
from typing import Any

import pytest

import actionplan
from conftest import read_seed


def test_arrow_table_has_typed_columns(hertsmere: actionplan.Plan) -> None:
    pa = importlib.import_module("pyarrow")
    t = hertsmere.to_arrow()
    assert t.num_rows == len(hertsmere) == 26
    assert t.schema.field("due").type == pa.date32()
    assert pa.types.is_dictionary(t.schema.field("status").type)
    assert pa.types.is_dictionary(t.schema.field("timeframe_kind").type)
    assert t.schema.field("owners").type == pa.list_(pa.large_string())
    assert t.column("ref").to_pylist() == [a.ref for a in hertsmere]
    assert t.column("due").to_pylist() == [a.due for a in hertsmere]
    assert t.column("owners").to_pylist() == [a.owners for a in hertsmere]


def test_the_capsule_interface_is_reusable(hertsmere: actionplan.Plan) -> None:
    pa = importlib.import_module("pyarrow")
    frame = hertsmere._frame()
    assert len(frame) == 26
    first = pa.table(frame)
    second = pa.record_batch(frame)
    assert first.to_pylist() == pa.Table.from_batches([second]).to_pylist()
    assert frame.columns == first.column_names
    # Capsules that nobody consumes are released without leaking or crashing.
    frame.__arrow_c_schema__()
    frame.__arrow_c_array__()
    frame.__arrow_c_stream__()


def test_pandas_frame_matches_the_views(seed: dict[str, Any]) -> None:
    pd = importlib.import_module("pandas")
    importlib.import_module("pyarrow")
    plan = read_seed(seed)
    df = plan.to_pandas()
    assert len(df) == seed["actions"]
    assert isinstance(df["status"].dtype, pd.CategoricalDtype)
    assert isinstance(df["recommendation"].dtype, pd.CategoricalDtype)
    assert str(df["due"].dtype).startswith("datetime64")
    assert df["ref"].tolist() == [a.ref for a in plan]
    dues = [None if pd.isna(d) else d.date() for d in df["due"]]
    assert dues == [a.due for a in plan]
    statuses = [None if pd.isna(s) else s for s in df["status"]]
    assert statuses == [a.status for a in plan]
    assert df["recommendation"].cat.categories.tolist() == [
        r.key for r in plan.recommendations if len(r)
    ]


def test_repeated_texts_are_categoricals_with_the_values_as_written(seed: dict[str, Any]) -> None:
    """Owners, phrases, statuses and RAGs as written, and a recommendation's title, repeat from
    row to row: categoricals (one copy of each distinct text); free text stays text."""
    pd = importlib.import_module("pandas")
    importlib.import_module("pyarrow")
    plan = read_seed(seed)
    df = plan.to_pandas()
    for column in ("recommendation_title", "owner", "lead_member", "timeframe", "status_text", "rag"):
        assert isinstance(df[column].dtype, pd.CategoricalDtype), column
    for column in ("ref", "description", "latest_update"):
        assert pd.api.types.is_string_dtype(df[column].dtype), column
    cell = lambda v: None if pd.isna(v) else v  # noqa: E731
    assert [cell(v) for v in df["owner"]] == [a.owner for a in plan]
    assert [cell(v) for v in df["rag"]] == [a.rag for a in plan]
    assert [cell(v) for v in df["status_text"]] == [a.status_text for a in plan]
    assert [cell(v) for v in df["timeframe"]] == [a.timeframe.text if a.timeframe else None for a in plan]
    titles = {r.key: r.title for r in plan.recommendations}
    assert [cell(v) for v in df["recommendation_title"]] == [titles[k] for k in df["recommendation"]]
    # Each distinct text once.
    assert df["owner"].cat.categories.is_unique


def test_pandas_date_options(hertsmere: actionplan.Plan) -> None:
    pd = importlib.import_module("pandas")
    importlib.import_module("pyarrow")
    as_dates = hertsmere.to_pandas(dates="date")
    assert all(d is None or isinstance(d, datetime.date) for d in as_dates["due"])
    as_arrow = hertsmere.to_pandas(dates="arrow")
    assert isinstance(as_arrow["due"].dtype, pd.ArrowDtype)
    with pytest.raises(actionplan.InvalidOptionError):
        hertsmere.to_pandas(dates="text")  # type: ignore[arg-type]


def test_polars_frame(hertsmere: actionplan.Plan) -> None:
    pl = importlib.import_module("polars")
    df = hertsmere.to_polars()
    assert df.height == 26
    assert df.schema["due"] == pl.Date
    assert df.schema["status"] == pl.Categorical
    assert df.schema["owners"] == pl.List(pl.String)
    assert df.get_column("due").to_list() == [a.due for a in hertsmere]


def test_missing_optional_library_says_how_to_install(
    hertsmere: actionplan.Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "polars", None)
    with pytest.raises(ImportError, match=r'pip install "actionplan\[polars\]"'):
        hertsmere.to_polars()
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ImportError, match="pyarrow"):
        hertsmere.to_arrow()
    with pytest.raises(ImportError, match="pyarrow"):
        hertsmere.to_pandas()


def test_empty_plan_gives_an_empty_table() -> None:
    pa = importlib.import_module("pyarrow")
    plan = actionplan.Plan.from_json('{"recommendations": []}')
    t = plan.to_arrow()
    assert t.num_rows == 0
    assert t.schema.field("due").type == pa.date32()


def test_from_pandas_and_polars_read_like_a_file(seed: dict[str, Any]) -> None:
    pd = importlib.import_module("pandas")
    pl = importlib.import_module("polars")
    date = datetime.date.fromisoformat(seed["plan_date"])
    records = [
        {"Recommendation": "1. Improve scrutiny", "Action": "Review", "Owner": "Jo / Al", "Due": "March 2025"},
        {"Recommendation": None, "Action": "Train members", "Owner": float("nan"), "Due": "Summer 2025"},
        {"Recommendation": "2. Money", "Action": "Budget", "Owner": "Finance", "Due": pd.NA},
    ]
    from_records = actionplan.from_records(records, plan_date=date)
    from_pd = actionplan.from_pandas(pd.DataFrame(records), plan_date=date)
    from_pl = actionplan.from_polars(
        pl.DataFrame([{k: (None if v is pd.NA or v != v else v) for k, v in r.items()} for r in records]),
        plan_date=date,
    )
    for plan in (from_records, from_pd, from_pl):
        assert len(plan.recommendations) == 2
        assert [len(r) for r in plan.recommendations] == [2, 1]
        assert plan.actions[0].owners == ["Jo", "Al"]
        assert plan.actions[1].owners == ["Jo", "Al"]  # merged cell carried down
        assert plan.actions[0].due == datetime.date(2025, 3, 31)
        assert plan.actions[2].timeframe is None
    assert from_pd.source_format == "pandas"
    assert from_pl.source_format == "polars"


CSV_SEEDS = [s for s in json.loads((Path(__file__).resolve().parents[2] / "tests/fixtures/expected-seeds.json").read_text(encoding="utf-8"))["plans"] if s["file"].endswith(".csv")]


@pytest.mark.parametrize("seed_csv", CSV_SEEDS, ids=[Path(s["file"]).stem for s in CSV_SEEDS])
def test_a_csv_seed_through_pandas_keeps_its_counts(seed_csv: dict[str, Any]) -> None:
    """The hand-converted CSV seeds (the TSV ones keep their page layout, which pandas
    cannot read as one table) give the same plan through a data frame."""
    pd = importlib.import_module("pandas")
    from conftest import ROOT

    df = pd.read_csv(ROOT / seed_csv["file"], skiprows=1, dtype=str, keep_default_na=False)
    plan = actionplan.from_pandas(df, plan_date=datetime.date.fromisoformat(seed_csv["plan_date"]))
    assert [len(r) for r in plan.recommendations] == seed_csv["actions_per_recommendation"]


def test_from_pandas_column_mapping() -> None:
    pd = importlib.import_module("pandas")
    df = pd.DataFrame({"Task": ["Write it"], "Person": ["Jo"], "When": ["May 2025"]})
    plan = actionplan.from_pandas(df, columns={"Person": "owner", "When": "timeframe"})
    assert plan.actions[0].owners == ["Jo"]
    assert plan.actions[0].due == datetime.date(2025, 5, 31)


def test_from_pandas_wrong_type() -> None:
    with pytest.raises(actionplan.InputTypeError):
        actionplan.from_pandas([1, 2])
    with pytest.raises(actionplan.InputTypeError):
        actionplan.from_polars({"a": 1})

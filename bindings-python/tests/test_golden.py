"""The golden outputs under tests/golden/ (written by core/tests/rating_golden.rs): the Python
door gives byte-for-byte the same ratings, statistics, reports and diff."""

from __future__ import annotations

import importlib

import datetime
from pathlib import Path

import pytest

import actionplan
from conftest import GOLDEN, ROOT

# Plan file, plan date and the as-of date the goldens use (as in rating_golden.rs).
PLANS = [
    ("hertsmere-2024.csv", "2024-12-01", "2025-06-30"),
    ("north-herts-2024.csv", "2025-03-18", "2025-09-30"),
    ("harlow-2023.tsv", "2023-05-01", "2023-12-31"),
    ("huntingdonshire-2024.tsv", "2024-06-01", "2025-03-31"),
    ("three-rivers-2013.csv", "2013-11-01", "2014-03-31"),
]

D = datetime.date.fromisoformat



def load(path: Path, plan_date: str) -> actionplan.Plan:
    return actionplan.read(path, plan_date=D(plan_date))


def golden(rel: str) -> str:
    return (GOLDEN / rel).read_text(encoding="utf-8")


@pytest.mark.parametrize("file,plan_date,as_of", PLANS, ids=[p[0] for p in PLANS])
def test_every_preset_matches(file: str, plan_date: str, as_of: str) -> None:
    plan = load(ROOT / "examples" / "data" / file, plan_date)
    name = Path(file).stem
    ids = [p["id"] for p in actionplan.presets()]
    assert "date-rag" in ids and len(ids) >= 8
    for preset in ids:
        got = plan.assess(as_of=D(as_of), rules=preset).to_json()
        assert got == golden(f"{name}/{preset}.json"), f"{name}/{preset}.json"


@pytest.mark.parametrize("file,plan_date,as_of", PLANS, ids=[p[0] for p in PLANS])
def test_stats_reports_and_rated_csv_match(file: str, plan_date: str, as_of: str, tmp_path: Path) -> None:
    plan = load(ROOT / "examples" / "data" / file, plan_date)
    name = Path(file).stem
    s = plan.stats(as_of=D(as_of))
    assert s.to_json() == golden(f"{name}/stats.json")
    assert plan.report(as_of=D(as_of), format="markdown") == golden(f"{name}/report.md")
    a = plan.assess(as_of=D(as_of))
    assert a.to_csv() == golden(f"{name}/rated.csv")
    out = tmp_path / "report.md"
    plan.report(as_of=D(as_of), path=out)
    assert out.read_text(encoding="utf-8") == golden(f"{name}/report.md")
    assert plan.report(as_of=D(as_of), format="csv") == golden(f"{name}/rated.csv")


def test_two_quarters_diff_and_report() -> None:
    old = load(GOLDEN / "inputs" / "huntingdonshire-2024-q3.tsv", "2024-06-01")
    new = load(ROOT / "examples" / "data" / "huntingdonshire-2024.tsv", "2024-06-01")
    d = actionplan.diff(old, new, rules="date-rag", as_of=D("2025-03-31"), old_as_of=D("2024-12-31"))
    assert d.to_json() == golden("huntingdonshire-2024/diff-q3-q4.json")
    stale = new.assess(as_of=D("2025-03-31"), rules="staleness", previous=old)
    assert stale.to_json() == golden("huntingdonshire-2024/staleness-since-q3.json")
    q3 = D("2024-12-31")
    md = new.report(as_of=D("2025-03-31"), format="markdown", previous=old, previous_as_of=q3)
    assert md == golden("huntingdonshire-2024/report-q4.md")
    html = new.report(as_of=D("2025-03-31"), previous=old, previous_as_of=q3)
    assert html == golden("reports/huntingdonshire-2024-q4.html")


def test_forecast_of_a_plan_with_progress() -> None:
    import json

    plan = load(GOLDEN / "inputs" / "forecast.csv", "2025-01-01")
    a = plan.assess(as_of=D("2025-06-30"), rules="forecast")
    assert a.to_json() == golden("forecast/forecast.json")
    rules = json.loads((ROOT / "core" / "presets" / "forecast.json").read_text(encoding="utf-8"))
    rules["forecast"] = {"deadline": "middle"}
    middle = plan.assess(as_of=D("2025-06-30"), rules=rules)
    assert middle.to_json() == golden("forecast/forecast-middle.json")


def test_hostile_plan_is_escaped_and_formula_safe() -> None:
    plan = load(GOLDEN / "inputs" / "hostile.csv", "2025-01-01")
    html = plan.report(as_of=D("2025-06-30"))
    assert "<script" not in html.lower()
    assert "&lt;script&gt;" in html
    assert html == golden("reports/hostile.html")
    csv = plan.assess(as_of=D("2025-06-30")).to_csv()
    assert "\"'=HYPERLINK(" in csv
    assert csv == golden("hostile/rated.csv")
    a = plan.assess(as_of=D("2025-06-30"))
    assert "<script" not in a._repr_html_().lower()
    assert "<script" not in plan.stats(as_of=D("2025-06-30"))._repr_html_().lower()
    assert "<script" not in plan._repr_html_().lower()


def test_rated_frame_agrees_with_the_golden_csv() -> None:
    pd = importlib.import_module("pandas")
    importlib.import_module("pyarrow")
    plan = load(ROOT / "examples" / "data" / "huntingdonshire-2024.tsv", "2024-06-01")
    a = plan.assess(as_of=D("2025-03-31"))
    df = a.to_pandas()
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(golden("huntingdonshire-2024/rated.csv"))))
    assert df["ref"].tolist() == [r["Ref"] for r in rows]
    assert [("Not rated" if pd.isna(x) else x) for x in df["rating"]] == [r["Rating"] for r in rows]
    assert df["reason"].tolist() == [r["Reason"] for r in rows]
    assert isinstance(df["rating"].dtype, pd.CategoricalDtype) and df["rating"].cat.ordered
    assert df["rating"].cat.categories.tolist() == [lab["name"] for lab in a.labels]
    assert str(df["days_overdue"].dtype) == "Int64"

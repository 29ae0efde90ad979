"""Performance indicators from Python: plan.measures and stats.measures, the same from CSV and
Excel, and byte-for-byte the golden files of tests/golden/measures/ (written by
core/tests/measures.rs)."""

from __future__ import annotations

import datetime

import actionplan
from conftest import FIXTURES, GOLDEN

MEASURES = FIXTURES / "measures"
AS_OF = datetime.date(2024, 10, 15)


def test_csv_and_excel_give_the_same_measures() -> None:
    csv = actionplan.read(MEASURES / "plan-with-measures.csv")
    xlsx = actionplan.read(MEASURES / "plan-with-measures.xlsx")
    assert len(csv) == 2
    assert len(csv.measures) == 11
    assert csv.measures == xlsx.measures
    m = csv.measures[3]
    assert m["ref"] == "PI 04"
    assert m["target"]["value"] == 45_000_000
    assert m["actual"]["unit"] == "£"
    assert m["extra"] == {"Directorate": "Resources"}


def test_a_file_of_measures_only_imports_with_no_actions() -> None:
    plan = actionplan.read(MEASURES / "measures-only.xlsx")
    assert len(plan) == 0
    assert len(plan.measures) == 11


def test_stats_count_measures_apart() -> None:
    plan = actionplan.read(MEASURES / "plan-with-measures.csv")
    m = plan.stats(as_of=AS_OF).measures
    assert m is not None
    assert m["sentence"].startswith("Of 11 performance indicators, 8 were rated: 3 are green (38%)")
    assert [c["count"] for c in m["counts"]] == [3, 2, 3]
    red = [r for r in m["ratings"] if r["label"] == "red"]
    assert red[0]["reason"].endswith("24% worse than target, beyond the tolerance of 5% of target")
    bare = actionplan.read(FIXTURES / "layout" / "1-sections.csv")
    assert bare.measures == []
    assert bare.stats(as_of=AS_OF).measures is None


def test_golden_files() -> None:
    plan = actionplan.read(MEASURES / "plan-with-measures.csv", plan_date=datetime.date(2024, 4, 1))
    assert plan.to_json().rstrip("\n") + "\n" == (GOLDEN / "measures" / "plan.json").read_text(encoding="utf-8")
    assert plan.stats(as_of=AS_OF).to_json() == (GOLDEN / "measures" / "stats.json").read_text(encoding="utf-8")
    assert plan.report(as_of=AS_OF, format="markdown") == (GOLDEN / "measures" / "report.md").read_text(
        encoding="utf-8"
    )


def test_measures_to_pandas() -> None:
    plan = actionplan.read(MEASURES / "plan-with-measures.xlsx")
    df = actionplan.measures_to_pandas(plan, as_of=AS_OF)
    assert len(df) == 11
    assert list(df["ref"][:2]) == ["PI 01", "PI 02"]
    assert df["actual_value"][0] == 97.5
    assert df["target_value"][3] == 45_000_000
    assert df["rating"].tolist()[:6] == ["Green", "Red", "Green", "Amber", "Red", "Amber"]
    assert df["rating"].isna().tolist()[6]
    assert df["outcome"][9] == "missing"
    assert df["actual"][9] == "about 90"
    assert df["actual_value"].isna().tolist()[9]
    empty = actionplan.measures_to_pandas(actionplan.read(FIXTURES / "layout" / "1-sections.csv"))
    assert len(empty) == 0
    assert "reason" in empty.columns

"""Rating, statistics, diff and report arguments: presets, rules files, dicts, defaults."""

from __future__ import annotations

import importlib

import datetime
import json
from pathlib import Path

import pytest

import actionplan

AS_OF = datetime.date(2025, 6, 30)

CUSTOM = {
    "id": "done-or-not",
    "name": "Done or not",
    "scale": {
        "id": "dn",
        "name": "Done/Open",
        "labels": [
            {"id": "done", "name": "Done", "colour": "#1b5e20"},
            {"id": "late", "name": "Late", "colour": "#b71c1c"},
            {"id": "open", "name": "Open", "colour": "#eeeeee"},
        ],
    },
    "rules": [
        {"id": "done", "when": {"closed": True}, "then": "done"},
        {"id": "late", "when": {"days_overdue": {"above": "$grace"}}, "then": "late"},
    ],
    "params": {"grace": "2 weeks"},
    "otherwise": "open",
}

TOML = """
id = "late-or-not"
name = "Late or not"
otherwise = "ok"
[scale]
id = "lo"
name = "Late/OK"
labels = [ { id = "ok", name = "OK", colour = "#2e7d32" },
           { id = "late", name = "Late", colour = "#c62828" } ]
[[rules]]
id = "late"
when = { overdue = ["definitely"] }
then = "late"
"""


def test_as_of_defaults_to_today(hertsmere: actionplan.Plan) -> None:
    assert hertsmere.assess().as_of == datetime.date.today()
    assert hertsmere.stats().as_of == datetime.date.today()


def test_rules_as_preset_dict_json_and_toml(hertsmere: actionplan.Plan, tmp_path: Path) -> None:
    by_preset = hertsmere.assess(AS_OF, "brag")
    assert by_preset.rules == "brag"
    by_dict = hertsmere.assess(AS_OF, CUSTOM)
    assert by_dict.rules == "done-or-not"
    assert set(by_dict.counts) <= {"Done", "Late", "Open"}
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(CUSTOM))
    assert hertsmere.assess(AS_OF, path).to_json() == by_dict.to_json()
    assert hertsmere.assess(AS_OF, str(path)).to_json() == by_dict.to_json()
    toml = tmp_path / "rules.toml"
    toml.write_text(TOML)
    late = hertsmere.assess(AS_OF, toml)
    assert late.rules == "late-or-not"
    definitely = sum(1 for r in by_preset.actions if r.overdue == "definitely")
    assert late.counts == {"OK": 26 - definitely, "Late": definitely}


def test_bad_rules(hertsmere: actionplan.Plan, tmp_path: Path) -> None:
    with pytest.raises(actionplan.InvalidOptionError, match="date-rag"):
        hertsmere.assess(AS_OF, "no-such-preset")
    with pytest.raises(actionplan.InputTypeError):
        hertsmere.assess(AS_OF, 42)  # type: ignore[arg-type]
    with pytest.raises(FileNotFoundError):
        hertsmere.assess(AS_OF, tmp_path / "missing.json")
    with pytest.raises(FileNotFoundError, match="rules file .*missing.toml.* was not found"):
        hertsmere.assess(AS_OF, str(tmp_path / "missing.toml"))
    with pytest.raises(actionplan.ActionPlanError):
        hertsmere.assess(AS_OF, {"id": "x"})
    bad = dict(CUSTOM, rules=[{"id": "r", "when": {"stauts": ["x"]}, "then": "done"}])
    with pytest.raises(actionplan.ActionPlanError):
        hertsmere.assess(AS_OF, bad)
    with pytest.raises(actionplan.InputTypeError):
        hertsmere.assess(20250630)  # type: ignore[arg-type]


def test_assessment_views(hertsmere: actionplan.Plan) -> None:
    a = hertsmere.assess(AS_OF)
    assert len(a) == len(a.actions) == 26
    # Ongoing actions have no deadline: the date-driven preset does not rate them.
    assert list(a.counts) == ["Blue", "Green", "Amber", "Red", "Not rated"]
    assert a.counts["Not rated"] == 7
    red = [r for r in a.actions if r.rating == "red"]
    assert len(red) == a.counts["Red"] > 0
    assert sum(a.counts.values()) == 26
    r = red[0]
    assert r.label == "Red" and r.overdue == "definitely"
    assert r.days_overdue is not None and r.days_overdue > 0
    assert isinstance(r.due, datetime.date)
    assert r.action.ref == r.ref
    assert r.facts["due"] == r.due
    assert r.reason and r.rule
    assert [lab["id"] for lab in a.labels] == ["blue", "green", "amber", "red"]
    assert a.to_dict()["as_of"] == AS_OF
    assert len(a.recommendations) == 10
    assert a.findings == []
    assert f"Red {len(red)}" in repr(a)
    html = a._repr_html_()
    assert "#c62828" in html and "Red" in html


def test_stats_views(hertsmere: actionplan.Plan) -> None:
    s = hertsmere.stats(AS_OF)
    a = hertsmere.assess(AS_OF)
    assert s.by == "recommendation"
    assert s.by_rating == {k.lower().replace(" ", "_"): v for k, v in a.counts.items()}
    assert sum(s.by_status.values()) == 26
    assert s.plan["actions"] == 26
    assert len(s.groups) == 10
    assert all(isinstance(o["due"], datetime.date) for o in s.overdue if "due" in o)
    assert s.headline and all(isinstance(h, str) for h in s.headline)
    assert hertsmere.stats(AS_OF, by="owner").by == "owner"
    with pytest.raises(actionplan.InvalidOptionError):
        hertsmere.stats(AS_OF, by="colour")  # type: ignore[arg-type]
    html = s._repr_html_()
    assert "%" in html and "#c62828" in html


def test_findings_when_reported_rag_disagrees() -> None:
    data = b"Action,Due,Status,RAG\nLate thing,March 2025,In progress,Green\nFine,March 2030,In progress,Green\n"
    plan = actionplan.read_csv(data, plan_date=datetime.date(2025, 1, 1))
    a = plan.assess(AS_OF)
    assert [f["ref"] for f in a.findings] == ["R1.1"]
    df = a.to_pandas()
    assert df.loc[0, "rating"] == "Red" and df.loc[0, "rag"] == "Green"


def test_diff_and_report_arguments(hertsmere: actionplan.Plan, tmp_path: Path) -> None:
    d = actionplan.diff(hertsmere, hertsmere)
    assert d.added == [] and d.removed == []
    assert isinstance(d.headline, str) and d.headline in repr(d)
    assert json.loads(d.to_json())["headline"] == d.headline
    with pytest.raises(actionplan.InputTypeError):
        actionplan.diff(hertsmere, "plan.csv")  # type: ignore[arg-type]
    with pytest.raises(actionplan.InvalidOptionError):
        hertsmere.report(AS_OF, format="pdf")  # type: ignore[arg-type]
    out = tmp_path / "report.html"
    html = hertsmere.report(AS_OF, path=out)
    assert html.lstrip().lower().startswith("<!doctype html")
    assert out.read_text(encoding="utf-8") == html
    csv_out = tmp_path / "rated.csv"
    assert hertsmere.report(AS_OF, path=csv_out).startswith("Ref,")
    # A suffix that is not a report format is an error, never HTML in a .pdf file.
    with pytest.raises(actionplan.InvalidOptionError, match="html, md"):
        hertsmere.report(AS_OF, path=tmp_path / "report.pdf")
    assert not (tmp_path / "report.pdf").exists()
    with pytest.raises(actionplan.InvalidOptionError, match="to_excel"):
        hertsmere.report(AS_OF, format="xlsx")  # type: ignore[arg-type]
    assert hertsmere.report(AS_OF, format="md").startswith("#")
    with pytest.raises(actionplan.InputTypeError):
        hertsmere.report(AS_OF, previous="old")  # type: ignore[arg-type]


def test_polars_rated_frame(hertsmere: actionplan.Plan) -> None:
    pl = importlib.import_module("polars")
    a = hertsmere.assess(AS_OF)
    df = a.to_polars()
    assert df.schema["rating"] in (pl.Categorical, pl.Enum(["Blue", "Green", "Amber", "Red"]))
    assert df.filter(pl.col("rating") == "Red").height == a.counts["Red"]

"""Excel out: the rated tracker workbook, written from Python, reads back as the same plan."""

from __future__ import annotations

import datetime
import importlib
from pathlib import Path

import pytest

import actionplan


def test_to_excel_writes_a_workbook_that_reads_back(hertsmere: actionplan.Plan, tmp_path: Path) -> None:
    path = tmp_path / "tracker.xlsx"
    data = hertsmere.to_excel(path, as_of=datetime.date(2025, 6, 30), rules="date-rag")
    assert data[:2] == b"PK"  # a zip container
    assert path.read_bytes() == data
    back = actionplan.read(path, plan_date=datetime.date(2024, 12, 1))
    assert len(back) == len(hertsmere)
    assert [a.description for a in back] == [a.description for a in hertsmere]


def test_to_excel_rejects_a_bad_path_type(hertsmere: actionplan.Plan) -> None:
    try:
        hertsmere.to_excel(42)  # type: ignore[arg-type]
    except TypeError as e:
        assert isinstance(e, actionplan.ActionPlanError)
    else:
        raise AssertionError("expected a TypeError")


OFFICE = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "office"
TRACKER = OFFICE / "huntingdonshire-2024.xlsx"  # sheets: "Cover" (no table), "Action plan", "Lists" (hidden)


def test_read_excel_finds_the_sheet_with_the_actions(huntingdonshire: actionplan.Plan) -> None:
    plan = actionplan.read_excel(TRACKER)
    assert len(plan) == 37
    assert [a.description for a in plan] == [a.description for a in huntingdonshire]
    note = next(d for d in plan.import_diagnostics if d.code == "sheet")
    assert '"Action plan"' in note.message and '"Cover"' in note.message
    # read() tells a workbook by its content and reads it the same way.
    assert [a.description for a in actionplan.read(TRACKER)] == [a.description for a in plan]


def test_a_sheet_is_chosen_by_name_or_index() -> None:
    default = [a.description for a in actionplan.read_excel(TRACKER)]
    for sheet in ("Action plan", "action PLAN", 1):
        assert [a.description for a in actionplan.read_excel(TRACKER, sheet=sheet)] == default
        assert [a.description for a in actionplan.read(TRACKER, sheet=sheet)] == default
    with pytest.raises(actionplan.NoHeaderError):
        actionplan.read_excel(TRACKER, sheet=0)  # the cover sheet holds no table


@pytest.mark.parametrize(
    ("sheet", "error", "message"),
    [
        (7, actionplan.InvalidOptionError, '3 sheet(s) ("Cover", "Action plan", "Lists")'),
        ("Nope", actionplan.InvalidOptionError, 'no sheet is named "Nope"'),
        (-1, actionplan.InvalidOptionError, "counted from 0"),
        (True, actionplan.InputTypeError, "got bool"),
        (1.0, actionplan.InputTypeError, "got float"),
    ],
)
def test_a_bad_sheet_is_our_error(sheet: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error) as info:
        actionplan.read_excel(TRACKER, sheet=sheet)  # type: ignore[arg-type]
    assert message in str(info.value)
    assert isinstance(info.value, actionplan.ActionPlanError)


def test_sheets_as_themes_on_the_tracker() -> None:
    plan = actionplan.read_excel(TRACKER, sheets_as_themes=True)
    assert len(plan) == 37
    assert {r.theme for r in plan.recommendations} == {"Action plan"}
    note = next(d for d in plan.import_diagnostics if d.code == "sheets_as_themes")
    assert '"Cover" hold no table' in note.message


def test_sheets_as_themes_reads_one_sheet_per_theme(tmp_path: Path) -> None:
    openpyxl = importlib.import_module("openpyxl")  # a test requirement
    wb = openpyxl.Workbook()
    sheets = {
        "Governance": [("1. Improve scrutiny", "Review the committees", "Jo Bloggs", "March 2025")],
        "Finance": [
            ("2. Balance the budget", "Set a savings plan", "Al Smith", "2024/25"),
            (None, "Report on savings", None, "June 2025"),
        ],
    }
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        ws.append(["Recommendation", "Action", "Owner", "Due date"])
        for row in rows:
            ws.append(list(row))
    path = tmp_path / "by-theme.xlsx"
    wb.save(path)
    one = actionplan.read_excel(path, plan_date=datetime.date(2024, 4, 1))
    assert [a.description for a in one] == ["Review the committees"]  # the first sheet only
    plan = actionplan.read_excel(path, sheets_as_themes=True, plan_date=datetime.date(2024, 4, 1))
    assert [(r.theme, len(r)) for r in plan.recommendations] == [("Governance", 1), ("Finance", 2)]
    assert [a.owners for a in plan] == [["Jo Bloggs"], ["Al Smith"], ["Al Smith"]]
    assert plan.actions[1].due == datetime.date(2025, 3, 31)
    again = actionplan.read(path, sheets_as_themes=True, plan_date=datetime.date(2024, 4, 1))
    assert again.to_json() == plan.to_json()


def test_read_excel_refuses_text() -> None:
    with pytest.raises(actionplan.DocumentError):
        actionplan.read_excel(Path(__file__).resolve().parents[2] / "examples" / "data" / "hertsmere-2024.csv")

"""Excel out: the rated tracker workbook, written from Python, reads back as the same plan."""

from __future__ import annotations

import datetime
from pathlib import Path

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

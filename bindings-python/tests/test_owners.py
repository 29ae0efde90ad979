"""Updates from owners: `template` writes one workbook per owner, an owner edits theirs (with
openpyxl, as in Excel), and `merge` gives exactly the edits back, with conflicts flagged."""

from __future__ import annotations

import datetime
import io
from pathlib import Path

import openpyxl  # type: ignore[import-untyped]

import actionplan

PLAN = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "owners" / "plan.csv"


def plan() -> actionplan.Plan:
    return actionplan.read_csv(PLAN, plan_date=datetime.date(2024, 12, 1))


def edit(data: bytes, edits: list[tuple[str, str, object]]) -> bytes:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb["Your actions"]
    headers = {c.value: c.column for c in ws[1]}
    for ref, header, value in edits:
        row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == ref)
        ws.cell(row, headers[header]).value = value
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_template_gives_one_workbook_per_owner() -> None:
    books = actionplan.template(plan())
    assert list(books) == [
        "Head-of-Legal.xlsx",
        "Democratic-Services.xlsx",
        "Chief-Finance-Officer.xlsx",
        "Unassigned.xlsx",
    ]
    assert all(b[:2] == b"PK" for b in books.values())
    try:
        actionplan.template(plan(), by="theme")
    except actionplan.InputTypeError as e:
        assert "owner" in str(e)
    else:
        raise AssertionError("expected an InputTypeError")


def test_merge_gives_exactly_the_edits() -> None:
    p = plan()
    books = actionplan.template(p)
    books["Chief-Finance-Officer.xlsx"] = edit(
        books["Chief-Finance-Officer.xlsx"],
        [
            ("B1", "Status", "Complete"),
            ("B1", "Your update", "Strategy published in July"),
            ("B2", "Due date", datetime.datetime(2025, 12, 31)),
            ("B2", "Reason for change", "Waiting for the new finance system"),
        ],
    )
    nxt, problems = actionplan.merge(p, books, period="Q1 2025/26")
    assert problems == []
    by_ref = {a.ref: a for a in nxt}
    assert by_ref["B1"].status == "complete"
    assert [u.text for u in by_ref["B1"].updates] == ["Consultation closed", "Strategy published in July"]
    assert by_ref["B2"].due == datetime.date(2025, 12, 31)
    old = {a.ref: a for a in p}
    for r in ["A1", "A2", "C1"]:
        a, b = by_ref[r], old[r]
        assert (a.status_text, a.rag, a.due, [u.text for u in a.updates]) == (
            b.status_text,
            b.rag,
            b.due,
            [u.text for u in b.updates],
        )


def test_merge_flags_conflicts_with_their_place() -> None:
    p = plan()
    books = actionplan.template(p)
    legal = edit(books["Head-of-Legal.xlsx"], [("A1", "Status", "Complete")])
    dem = edit(books["Democratic-Services.xlsx"], [("A1", "Status", "On hold")])
    nxt, problems = actionplan.merge(p, [legal, dem])
    assert [d.code for d in problems] == ["conflicting_updates"]
    d = problems[0]
    assert d.severity == "error"
    assert d.message.startswith('"workbook 2", sheet "Your actions"')
    assert (d.row, d.column, d.text, d.ref) == (2, "Status", "On hold", "A1")
    assert d.file == "workbook 2"
    assert isinstance(problems, actionplan.Diagnostics)
    assert problems.to_arrow().column("file").to_pylist() == ["workbook 2"]
    assert {a.ref: a for a in nxt}["A1"].status == "in_progress"

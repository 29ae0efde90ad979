"""How a file is read (actionplan.inspect) and the layout corrections, as from the CLI."""

from __future__ import annotations

from pathlib import Path

import actionplan

ROOT = Path(__file__).resolve().parents[2]


def test_inspect_gives_tables_roles_sections_and_skipped_rows() -> None:
    got = actionplan.inspect(ROOT / "tests/corpus/plans/gravesham-2020.tsv", format="tsv")
    assert got["actions"] == 6
    assert got["groups"] == 2
    table = got["tables"][0]
    assert table["kind"] == "actions"
    assert table["header_row"] == 4
    roles = [c["role"] for c in table["columns"]]
    assert roles == ["action", "owner", "timeframe"]
    assert all(0 < c["confidence"] <= 1 for c in table["columns"])
    assert [s["row"] for s in got["sections"]] == [5, 9]
    assert got["skipped"][0]["row"] == 13


def test_corrections_header_row_and_table_from() -> None:
    path = ROOT / "tests/fixtures/layout/2-section-above-header.csv"
    plan = actionplan.read(path, header_row=3)
    assert len(plan.recommendations) == 2
    got = actionplan.inspect(ROOT / "tests/fixtures/layout/1-sections.csv", table_from=[5])
    assert [t["kind"] for t in got["tables"]] == ["actions", "other"]
    assert got["actions"] == 2

"""Every phrase of the timeframe fixture files reads as the file says: the same checks as
core/tests/timeframe_fixtures.rs, through actionplan.parse_timeframe."""

from __future__ import annotations

import datetime

import pytest

import actionplan
from conftest import FIXTURES


def _date(s: str) -> datetime.date | None:
    s = s.strip()
    return datetime.date.fromisoformat(s) if s else None


def _rows(name: str) -> list[dict[str, str]]:
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    out = []
    for line in lines[1:]:
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        out.append({h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header)})
    return out


CASES = [(f, r) for f in ("timeframes-seeds.tsv", "timeframes-wider.tsv") if (FIXTURES / f).exists() for r in _rows(f)]


@pytest.mark.parametrize("row", [r for _, r in CASES], ids=[f"{f[11:-4]}:{r['phrase'][:40]}" for f, r in CASES])
def test_phrase_reads_as_the_fixture_says(row: dict[str, str]) -> None:
    phrase = row["phrase"].replace("\\n", "\n")
    t = actionplan.parse_timeframe(phrase, _date(row["reference"]))
    assert t.text == phrase
    due, lo, hi = _date(row["due"]), _date(row.get("due_earliest", "")), _date(row.get("due_latest", ""))
    if due is None:
        assert t.due_earliest is None and t.due_latest is None, "expected no deadline"
    elif lo is not None and hi is not None:
        assert t.due_earliest is not None and lo <= t.due_earliest <= hi
        assert t.due_latest is not None and lo <= t.due_latest <= hi
    else:
        assert (t.due_earliest, t.due_latest) == (due, due)
    if row.get("start"):
        assert t.start == _date(row["start"])
    if row.get("ongoing") in ("yes", "no"):
        assert t.ongoing == (row["ongoing"] == "yes")
    rec = row.get("recurrence", "")
    got = None if not t.recurring else (f"{t.per_year}/year" if t.per_year else "yes")
    assert got == (rec or None)
    if row.get("kind"):
        assert t.kind == row["kind"]

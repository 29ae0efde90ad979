"""actionplan.history: the golden history of the four-version fixture, as every door gives it."""

from __future__ import annotations

import datetime
import json

import pytest

import actionplan

from conftest import FIXTURES, GOLDEN


def four() -> list[actionplan.Plan]:
    return [actionplan.read_csv(FIXTURES / "history" / f"q{q}.csv") for q in (1, 2, 3, 4)]


def test_history_matches_the_golden_file() -> None:
    h = actionplan.history(
        four(),
        rules="date-rag",
        as_of=datetime.date(2026, 1, 15),
        labels=[f"q{q}.csv" for q in (1, 2, 3, 4)],
    )
    assert json.loads(h.to_json()) == json.loads((GOLDEN / "history" / "four.json").read_text())
    assert h.to_markdown() == (GOLDEN / "history" / "four.md").read_text(encoding="utf-8")
    assert h.summary["slipped_more_than_once"] == 1
    assert h.labels == ["q1.csv", "q2.csv", "q3.csv", "q4.csv"]
    assert "<caption>Every action in every version</caption>" in h.to_html()
    assert str(h).startswith(h.headline)
    # to_dict() hands out dates as dates, the rating date of each version included.
    assert h.to_dict()["rated_as_of"] == [
        datetime.date(2025, 6, 30),
        datetime.date(2025, 9, 30),
        datetime.date(2025, 12, 31),
        datetime.date(2026, 3, 31),
    ]


def test_history_options() -> None:
    h = actionplan.history(four(), stuck_versions=5, delay_words=["recoverable"])
    codes = [f["code"] for f in h.findings]
    assert "stuck" not in codes
    # Not rated without rules.
    assert all(
        v is None or "rating" not in v for a in h.actions for v in a["versions"]
    )
    with pytest.raises(actionplan.InputTypeError):
        actionplan.history([four()[0], "not a plan"])  # type: ignore[list-item]

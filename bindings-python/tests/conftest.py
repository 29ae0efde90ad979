"""Shared fixtures: the repository's example plans and their hand-checked truth."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest

import actionplan

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
GOLDEN = ROOT / "tests" / "golden"
EXPECTED = json.loads((FIXTURES / "expected-seeds.json").read_text(encoding="utf-8"))
SEEDS: list[dict[str, Any]] = EXPECTED["plans"]


def read_seed(seed: dict[str, Any]) -> actionplan.Plan:
    """Read a seed plan as the Rust tests do: with its plan date."""
    return actionplan.read_csv(
        ROOT / seed["file"], plan_date=datetime.date.fromisoformat(seed["plan_date"])
    )


@pytest.fixture(params=SEEDS, ids=[Path(s["file"]).stem for s in SEEDS])
def seed(request: pytest.FixtureRequest) -> dict[str, Any]:
    return request.param  # type: ignore[no-any-return]


@pytest.fixture
def hertsmere() -> actionplan.Plan:
    return read_seed(SEEDS[0])


@pytest.fixture
def huntingdonshire() -> actionplan.Plan:
    return read_seed(next(s for s in SEEDS if "huntingdonshire" in s["file"]))

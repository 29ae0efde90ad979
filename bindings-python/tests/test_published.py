"""Statistics as councils publish them: the ``format`` option of ``stats`` and the rules
file's ``format`` block, on the shared fixture ``tests/fixtures/published``."""

import json
from pathlib import Path

import pytest

import actionplan

FIXTURE = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "published"
EXPECTED = json.loads((FIXTURE / "expected.json").read_text())


def rated_by(stats: actionplan.Stats) -> str:
    return next(s for s in stats.headline if s.startswith(("Rated by", "By ")))


@pytest.fixture(scope="module")
def plan() -> actionplan.Plan:
    return actionplan.read(FIXTURE / "plan.csv")


def test_default_format_is_unchanged(plan: actionplan.Plan) -> None:
    s = plan.stats(as_of=EXPECTED["as_of"], rules="brag", by="none")
    assert rated_by(s) == EXPECTED["default_brag"]


def test_format_as_a_dict_or_json_text(plan: actionplan.Plan) -> None:
    fmt = json.loads((FIXTURE / "format.json").read_text())
    s = plan.stats(as_of=EXPECTED["as_of"], rules="brag", by="none", format=fmt)
    assert rated_by(s) == EXPECTED["with_format_and_brag"]
    text = (FIXTURE / "format.json").read_text()
    s = plan.stats(as_of=EXPECTED["as_of"], rules="brag", by="none", format=text)
    assert rated_by(s) == EXPECTED["with_format_and_brag"]
    a = plan.assess(as_of=EXPECTED["as_of"], rules="brag")
    assert rated_by(a.stats(by="none", format=fmt)) == EXPECTED["with_format_and_brag"]


def test_format_from_the_rules_file(plan: actionplan.Plan) -> None:
    s = plan.stats(as_of=EXPECTED["as_of"], rules=FIXTURE / "rules.json", by="none")
    assert rated_by(s) == EXPECTED["with_rules"]
    rules = json.loads((FIXTURE / "rules.json").read_text())
    s = plan.stats(as_of=EXPECTED["as_of"], rules=rules, by="none")
    assert rated_by(s) == EXPECTED["with_rules"]


def test_a_bad_format_says_why(plan: actionplan.Plan) -> None:
    with pytest.raises(actionplan.InvalidOptionError, match="decimals 3 is not 0 or 1"):
        plan.stats(format={"decimals": 3})
    with pytest.raises(TypeError):
        plan.stats(format=3)  # type: ignore[arg-type]

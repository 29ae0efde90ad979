"""pandas and polars habits: default dates, date types, pandas argument names, views that
behave like Python values, a vectorised timeframe reader."""

from __future__ import annotations

import collections.abc
import copy
import datetime
import pickle
import re
from typing import Any

import pytest

import actionplan
from conftest import ROOT

HERTSMERE = ROOT / "examples" / "data" / "hertsmere-2024.csv"
# A "2024/25 Qrt4" tracker: its file records its own date, 2025-03-31.
HUNTINGDONSHIRE = ROOT / "examples" / "data" / "huntingdonshire-2024.tsv"
D = datetime.date


@pytest.fixture(scope="module")
def plan() -> actionplan.Plan:
    return actionplan.read_csv(HERTSMERE, plan_date=D(2024, 12, 1))


def plan_with_as_of() -> actionplan.Plan:
    """A plan whose file records its own date (its progress columns are for 2024/25 Q4)."""
    return actionplan.read_csv(HUNTINGDONSHIRE)


# ---- as_of defaults to the plan's own date --------------------------------------------


def test_as_of_defaults_to_the_plans_own_date() -> None:
    p = plan_with_as_of()
    assert p.as_of == D(2025, 3, 31) and p.period == "2024/25 Qrt4"
    assert p.assess().as_of == D(2025, 3, 31)
    assert p.stats().as_of == D(2025, 3, 31)
    assert p.assess().counts == p.assess(as_of=D(2025, 3, 31)).counts
    assert "2025-03-31" in p.report(format="md")
    # Given, it wins.
    assert p.assess(as_of=D(2025, 6, 30)).as_of == D(2025, 6, 30)


def test_as_of_falls_back_to_today_without_a_plan_date(plan: actionplan.Plan) -> None:
    if plan.as_of is None:
        assert plan.assess().as_of == D.today()


def test_diff_rates_each_version_as_of_its_own_date() -> None:
    old = actionplan.read_csv(HUNTINGDONSHIRE, as_of=D(2024, 12, 31))
    new = plan_with_as_of()
    assert old.as_of == D(2024, 12, 31)
    d = actionplan.diff(old, new, rules="date-rag")
    again = actionplan.diff(
        old, new, rules="date-rag", as_of=D(2025, 3, 31), old_as_of=D(2024, 12, 31)
    )
    assert d.to_dict() == again.to_dict()


# ---- dates as pandas and polars users write them -------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        D(2025, 6, 30),
        datetime.datetime(2025, 6, 30, 14, 5),
        "2025-06-30",
        "2025-06-30T14:05:00",
        " 2025-06-30 ",
    ],
    ids=["date", "datetime", "iso", "iso-datetime", "iso-spaces"],
)
def test_dates_in_every_form(plan: actionplan.Plan, value: Any) -> None:
    assert plan.assess(as_of=value).as_of == D(2025, 6, 30)


def test_dates_from_numpy_and_pandas(plan: actionplan.Plan) -> None:
    np = pytest.importorskip("numpy")
    pd = pytest.importorskip("pandas")
    assert plan.assess(as_of=np.datetime64("2025-06-30")).as_of == D(2025, 6, 30)
    assert plan.assess(as_of=np.datetime64("2025-06-30T23:59:59.5")).as_of == D(2025, 6, 30)
    assert plan.assess(as_of=pd.Timestamp("2025-06-30 10:00")).as_of == D(2025, 6, 30)
    # A missing date is no date: the default applies.
    assert plan.stats(as_of=pd.NaT).as_of == plan.stats().as_of


def test_bad_dates_say_what_is_accepted(plan: actionplan.Plan) -> None:
    with pytest.raises(actionplan.InvalidOptionError, match="not an ISO date"):
        plan.assess(as_of="30/06/2025")
    with pytest.raises(actionplan.InputTypeError, match="numpy.datetime64 or ISO text"):
        plan.assess(as_of=20250630)


# ---- pandas' argument names -----------------------------------------------------------


def test_read_csv_takes_sep_and_encoding() -> None:
    text = "Ref;Action;Owner;Due\nA1;Réviser la stratégie;Zoë;March 2025\n"
    data = text.encode("cp1252")
    p = actionplan.read_csv(data, sep=";", encoding="cp1252")
    assert p.actions[0].owner == "Zoë"
    assert p.actions[0].description == "Réviser la stratégie"
    assert actionplan.read_csv(data, delimiter=";", sep=";", encoding="cp1252") == p
    assert actionplan.read_csv(text.encode(), sep=";", encoding="utf-8") == p


def test_read_csv_rejects_disagreeing_or_unknown_options() -> None:
    data = b"Ref;Action\nA1;x\n"
    with pytest.raises(actionplan.InvalidOptionError, match="disagree"):
        actionplan.read_csv(data, sep=";", delimiter=",")
    with pytest.raises(actionplan.InvalidOptionError, match="not an encoding"):
        actionplan.read_csv(data, encoding="klingon")


def test_read_excel_takes_sheet_name() -> None:
    path = ROOT / "tests" / "fixtures" / "office" / "huntingdonshire-2024.xlsx"
    by_name = actionplan.read_excel(path, sheet_name="Action plan")
    assert by_name == actionplan.read_excel(path, sheet="Action plan")
    assert by_name == actionplan.read_excel(path, sheet_name=1)
    with pytest.raises(actionplan.InvalidOptionError, match="disagree"):
        actionplan.read_excel(path, sheet="Cover", sheet_name="Action plan")
    assert actionplan.read(path, sheet_name="Action plan") == by_name
    assert actionplan.read(b"Ref;Action\nA1;x\n", format="csv", sep=";").actions[0].ref == "A1"


def test_no_private_names_in_errors() -> None:
    pd = pytest.importorskip("pandas")
    with pytest.raises(TypeError) as e:
        actionplan.from_pandas(pd.DataFrame({"Action": ["x"]}), delimiter=";")  # type: ignore[call-arg]
    assert "_from_columns" not in str(e.value)
    assert "from_pandas" in str(e.value)


# ---- views behave like Python values --------------------------------------------------


def test_equality_by_value_and_hashing(plan: actionplan.Plan) -> None:
    again = actionplan.read_csv(HERTSMERE, plan_date=D(2024, 12, 1))
    assert again == plan and hash(again) == hash(plan)
    assert again is not plan
    assert again.actions[3] == plan.actions[3]
    assert hash(again.actions[3]) == hash(plan.actions[3])
    assert plan.actions[3] != plan.actions[4]
    assert plan.recommendations[0] == again.recommendations[0]
    assert len({*plan.actions, *again.actions}) == len(plan)
    assert plan.validate()[0] == again.validate()[0]
    assert len(set(plan.validate())) <= len(plan.validate())
    assert plan != plan_with_as_of()
    assert plan != actionplan.read_csv(HERTSMERE, plan_date=D(2024, 12, 2))


def test_sequences(plan: actionplan.Plan) -> None:
    actions, recs = plan.actions, plan.recommendations
    assert isinstance(actions, collections.abc.Sequence)
    assert isinstance(recs, collections.abc.Sequence)
    third = actions[2]
    assert third in actions and third.ref in actions and third.ref in plan
    assert "NO-SUCH-REF" not in actions
    assert actions.index(third) == 2
    assert actions.index(third.ref) == 2
    assert actions.count(third) == 1
    with pytest.raises(ValueError):
        actions.index(third, 3)
    assert recs.index(recs[1]) == 1 and recs.count(recs[1]) == 1
    assert list(reversed(actions))[0] == actions[-1]


def test_lookup_by_ref(plan: actionplan.Plan) -> None:
    ref = plan.actions[5].ref
    assert plan[ref] == plan.actions[5]
    assert plan.actions[ref] == plan.actions[5]
    assert plan[5] == plan.actions[5]
    assert plan[1:3] == plan.actions[1:3]
    key = plan.recommendations[1].key
    assert plan.recommendations[key] == plan.recommendations[1]
    with pytest.raises(KeyError, match="NO-SUCH-REF"):
        plan["NO-SUCH-REF"]


def test_pickle_and_copy(plan: actionplan.Plan) -> None:
    for p in (pickle.loads(pickle.dumps(plan)), copy.copy(plan), copy.deepcopy(plan)):
        assert p == plan
        assert p.to_json() == plan.to_json()
    a = plan.actions[4]
    assert pickle.loads(pickle.dumps(a)) == a
    assert copy.deepcopy(a) == a


def test_to_dict_gives_real_dates() -> None:
    d = actionplan.read_csv(HUNTINGDONSHIRE, plan_date="2024-04-01").to_dict()
    assert d["meta"]["plan_date"] == D(2024, 4, 1)
    assert d["meta"]["as_of"] == D(2025, 3, 31)
    dues = [
        a["timeframe"]["due_latest"]
        for r in d["recommendations"]
        for a in r["actions"]
        if a.get("timeframe", {}).get("due_latest")
    ]
    assert dues and all(type(x) is D for x in dues)


# ---- timeframes -----------------------------------------------------------------------


def test_timeframe_to_dict() -> None:
    t = actionplan.parse_timeframe("March 2025").to_dict()
    assert t["text"] == "March 2025"
    assert t["due_latest"] == D(2025, 3, 31)


def test_parse_timeframes_list_to_pandas() -> None:
    pd = pytest.importorskip("pandas")
    values = ["March 2025", None, float("nan"), "Ongoing", "March 2025", "Q3 2024/25"]
    df = actionplan.parse_timeframes(values, reference="2024-12-01")
    assert list(df["text"].astype(object).where(df["text"].notna(), None)) == [
        "March 2025", None, None, "Ongoing", "March 2025", "Q3 2024/25"
    ]
    assert df["due"][0] == pd.Timestamp("2025-03-31")
    assert pd.isna(df["due"][1]) and pd.isna(df["kind"][2])
    assert bool(df["ongoing"][3]) is True
    assert str(df["due"].dtype) == "datetime64[ms]"
    one = actionplan.parse_timeframe("Q3 2024/25", D(2024, 12, 1))
    assert df["due"][5].date() == one.due


def test_parse_timeframes_keeps_a_series_index() -> None:
    pd = pytest.importorskip("pandas")
    s = pd.Series(["March 2025", pd.NA, "2024/25"], index=[10, 20, 30])
    df = actionplan.parse_timeframes(s)
    assert list(df.index) == [10, 20, 30]
    assert df.loc[30, "due"] == pd.Timestamp("2025-03-31")


def test_parse_timeframes_polars() -> None:
    pl = pytest.importorskip("polars")
    s = pl.Series(["March 2025", None, "Ongoing"])
    df = actionplan.parse_timeframes(s)
    assert isinstance(df, pl.DataFrame)
    assert df["due"].to_list()[0] == D(2025, 3, 31)
    assert df["due"].to_list()[1] is None
    assert df["ongoing"].to_list() == [False, None, True]


def test_parse_timeframes_reads_each_phrase_once(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pandas")
    calls: list[str] = []
    real = actionplan.parse_timeframe

    def counting(text: str, reference: Any = None) -> actionplan.Timeframe:
        calls.append(text)
        return real(text, reference)

    monkeypatch.setattr(actionplan, "parse_timeframe", counting)
    actionplan.parse_timeframes(["March 2025"] * 1000 + ["Ongoing"] * 1000)
    assert sorted(calls) == ["March 2025", "Ongoing"]


# ---- a closed action is never overdue -------------------------------------------------


def test_closed_actions_are_not_overdue() -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    rated = plan_with_as_of().assess(as_of=D(2030, 6, 30))
    df = rated.to_pandas()
    closed = df[df["closed"]]
    assert len(closed) > 0
    assert closed["overdue"].isna().all()
    assert closed["days_overdue"].isna().all()
    assert closed["days_to_due"].isna().all()
    open_ = df[~df["closed"] & df["due"].notna()]
    assert (open_["overdue"] == "definitely").all()
    for r in rated.actions:
        if r.action.status in ("complete", "cancelled", "superseded"):
            assert r.overdue is None and r.days_overdue is None
    # The rules still see the deadline: the facts are unchanged.
    done = next(r for r in rated.actions if r.action.status == "complete")
    assert done.facts["overdue"] in ("definitely", "possibly", "no", "no_deadline")
    assert pd is not None


def test_missing_extra_names_the_right_install_line() -> None:
    from actionplan._frames import _need

    with pytest.raises(ImportError, match=r'pip install "actionplan\[pandas\]"'):
        _need("no_such_module_for_test", "pandas", "Plan.to_pandas()")


# ---- rule sets given as a dict: errors name the place in the dict ------------------------


def _rules() -> dict[str, Any]:
    return {
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
            {"id": "late", "when": {"days_overdue": {"above": 14}}, "then": "late"},
        ],
        "otherwise": "open",
    }


def test_a_dict_rule_set_works(plan: actionplan.Plan) -> None:
    rated = plan.assess(as_of="2025-06-30", rules=_rules())
    assert set(rated.counts) == {"Done", "Late", "Open"}


def test_a_dict_rule_set_error_names_the_dict_path(plan: actionplan.Plan) -> None:
    bad = _rules()
    bad["rules"][1]["when"]["days_overdu"] = bad["rules"][1]["when"].pop("days_overdue")
    with pytest.raises(actionplan.InvalidOptionError) as e:
        plan.assess(rules=bad)
    message = str(e.value)
    assert "rules[1].when" in message and "days_overdu" in message
    assert not re.search(r"line \d|column \d", message)

    bad = _rules()
    bad["scale"]["labels"][2]["colour"] = 7
    with pytest.raises(actionplan.InvalidOptionError, match=r"scale\.labels\[2\]\.colour"):
        plan.assess(rules=bad)


def test_a_missing_rules_file_is_a_missing_file(plan: actionplan.Plan, tmp_path: Any) -> None:
    with pytest.raises(FileNotFoundError) as e:
        plan.assess(rules=tmp_path / "no-such-rules.json")
    assert "no-such-rules.json" in str(e.value)


# ---- Arrow and data frames ------------------------------------------------------------


def test_plan_and_assessment_are_arrow_streams(plan: actionplan.Plan) -> None:
    pa = pytest.importorskip("pyarrow")
    pl = pytest.importorskip("polars")
    rated = plan.assess(as_of="2025-06-30")
    assert pa.table(plan).num_rows == len(plan)
    assert pa.table(rated).num_rows == len(plan)
    assert "rating" in pa.table(rated).column_names
    assert pl.DataFrame(plan).height == len(plan)
    assert pl.DataFrame(rated)["ref"].to_list() == [a.ref for a in plan.actions]


def test_polars_ratings_are_an_enum_in_scale_order(plan: actionplan.Plan) -> None:
    pl = pytest.importorskip("polars")
    df = plan.assess(as_of="2025-06-30", rules="date-rag").to_polars()
    assert df["rating"].dtype == pl.Enum(["Blue", "Green", "Amber", "Red"])
    # Sorting follows the scale (best first), not the alphabet.
    # (Actions with no deadline are not rated: null, left out here.)
    worst_first = df.sort("rating", descending=True)["rating"].drop_nulls().to_list()
    assert worst_first[0] == "Red" and worst_first[-1] == "Green"


def test_parse_timeframes_series_reads_each_phrase_once(monkeypatch: pytest.MonkeyPatch) -> None:
    pd = pytest.importorskip("pandas")
    calls: list[str] = []
    real = actionplan.parse_timeframe

    def counting(text: str, reference: Any = None) -> actionplan.Timeframe:
        calls.append(text)
        return real(text, reference)

    monkeypatch.setattr(actionplan, "parse_timeframe", counting)
    s = pd.Series(["March 2025", None, float("nan"), pd.NA, "Ongoing"] * 500)
    df = actionplan.parse_timeframes(s)
    assert sorted(calls) == ["March 2025", "Ongoing"]
    assert len(df) == 2500 and df["due"].isna().sum() == 2000
    assert df["text"].iloc[4] == "Ongoing" and df["ongoing"].iloc[4]

"""Read-only views: attribute access, len, iteration, indexing, repr, notebook HTML."""

from __future__ import annotations

import datetime

import pytest

import actionplan


def test_sequences(hertsmere: actionplan.Plan) -> None:
    recs = hertsmere.recommendations
    assert len(recs) == 10
    assert recs[-1].key == recs[len(recs) - 1].key
    assert [r.key for r in recs[1:3]] == [recs[1].key, recs[2].key]
    assert [r.position for r in recs] == list(range(10))
    with pytest.raises(IndexError):
        recs[10]
    acts = hertsmere.actions
    assert len(acts) == 26
    assert [a.ref for a in acts] == [a.ref for a in hertsmere]
    assert acts[::5][1].ref == acts[5].ref
    assert acts[-1].position == 25
    with pytest.raises(IndexError):
        acts[-27]
    assert sum(len(r.actions) for r in recs) == 26


def test_attributes(hertsmere: actionplan.Plan) -> None:
    a = hertsmere.recommendations[8].actions[3]
    assert a.owners == ["Acting Head of Human Resources"]
    assert a.owner == "Acting Head of Human Resources"
    assert a.row is not None and a.row > 2
    assert a.ref == "R9.4" and a.ref_generated
    assert a.recommendation.key == hertsmere.recommendations[8].key
    assert a.extra == {}
    assert a.updates == []
    assert hertsmere.organisation is None or isinstance(hertsmere.organisation, str)
    cols = hertsmere.columns
    assert [c.role for c in cols] == ["recommendation", "action", "timeframe", "owner", "lead_member"]
    assert "owner" in repr(cols[3])


def test_updates_and_refs(huntingdonshire: actionplan.Plan) -> None:
    a = huntingdonshire.actions[0]
    assert a.ref == "CPC001" and not a.ref_generated
    assert a.updates and a.updates[-1].column is not None
    assert a.latest_update == a.updates[-1].text
    assert "ProgressUpdate" in repr(a.updates[0])


def test_timeframe_view() -> None:
    t = actionplan.parse_timeframe("May 2025", datetime.date(2024, 12, 1))
    assert (t.text, t.kind, t.due) == ("May 2025", "month", datetime.date(2025, 5, 31))
    assert t.due == t.due_latest
    assert t.has_deadline and not t.ongoing and not t.recurring and not t.conditional
    assert t == actionplan.parse_timeframe("May 2025", datetime.date(2024, 12, 1))
    assert hash(t) == hash(actionplan.parse_timeframe("May 2025"))
    assert "2025-05-31" in repr(t)


def test_reprs(hertsmere: actionplan.Plan) -> None:
    assert repr(hertsmere).startswith("<Plan ")
    assert "26 actions" in repr(hertsmere)
    assert repr(hertsmere.actions[0]).startswith("<Action R1.1")
    assert repr(hertsmere.recommendations[0]).startswith("<Recommendation 1")
    assert repr(hertsmere.actions) == "<Actions: 26>"


def test_html_escapes_user_text() -> None:
    plan = actionplan.read_csv(
        b'Recommendation,Action,Owner\n<b>R</b>,"<script>alert(1)</script> & more",O\'Neil\n'
    )
    html = plan._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in html
    assert "O&#39;Neil" in html


def test_diagnostics_are_objects() -> None:
    plan = actionplan.read_csv(b"Action,Owner\nDo it,\nDo it again,Me\n")
    found = plan.validate()
    assert found, "a plan with a missing owner has findings"
    d = found[0]
    assert d.severity in ("info", "warning", "error")
    assert isinstance(d.code, str) and isinstance(d.message, str)
    assert str(d).startswith(d.severity)
    codes = {x.code for x in found}
    fewer = plan.validate(disable=sorted(codes))
    assert fewer == [] or all(x.code not in codes for x in fewer)
    some = next(iter(codes))
    raised = plan.validate(severity={some: "error"})
    assert all(x.severity == "error" for x in raised if x.code == some)
    no_info = plan.validate(skip_import_info=True)
    assert all(not (x.severity == "info" and x in plan.import_diagnostics) for x in no_info)


def test_plan_is_read_only(hertsmere: actionplan.Plan) -> None:
    with pytest.raises(AttributeError):
        hertsmere.title = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        hertsmere.actions[0].description = "x"  # type: ignore[misc]

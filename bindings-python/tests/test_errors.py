"""Errors and bad input give our exceptions, with their place, never a crash."""

from __future__ import annotations

import datetime
import io
from pathlib import Path

import pytest

import actionplan


def test_the_exception_tree() -> None:
    value_kinds = [
        actionplan.EmptyInputError,
        actionplan.NotTextError,
        actionplan.NoHeaderError,
        actionplan.NoRowsError,
        actionplan.InvalidJsonError,
        actionplan.UnknownColumnError,
        actionplan.InvalidOptionError,
        actionplan.TooLargeError,
        actionplan.DocumentError,
    ]
    for cls in value_kinds:
        assert issubclass(cls, actionplan.ActionPlanError)
        assert issubclass(cls, ValueError)
    assert issubclass(actionplan.ReadError, OSError)
    assert issubclass(actionplan.PlanFileNotFoundError, FileNotFoundError)
    assert issubclass(actionplan.PlanFileNotFoundError, actionplan.ActionPlanError)
    assert issubclass(actionplan.InputTypeError, TypeError)
    codes = {cls.code for cls in value_kinds}
    assert codes == {
        "empty",
        "not_text",
        "no_header",
        "no_rows",
        "json",
        "unknown_column",
        "invalid_option",
        "too_large",
        "document",
    }


def test_missing_file_is_a_file_not_found_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.csv"
    with pytest.raises(FileNotFoundError) as info:
        actionplan.read_csv(missing)
    e = info.value
    assert isinstance(e, actionplan.PlanFileNotFoundError)
    assert e.errno == 2
    assert e.filename == str(missing)
    assert e.code == "io"


def test_a_directory_is_a_read_error(tmp_path: Path) -> None:
    with pytest.raises(actionplan.ReadError):
        actionplan.read_csv(tmp_path)


@pytest.mark.parametrize("data", [b"", b"   \n\n  ", io.BytesIO(b"")])
def test_empty_input(data: object) -> None:
    with pytest.raises(actionplan.EmptyInputError) as info:
        actionplan.read_csv(data)  # type: ignore[arg-type]
    assert "expected" in str(info.value)
    assert info.value.code == "empty"


def test_empty_file(tmp_path: Path) -> None:
    p = tmp_path / "empty.csv"
    p.write_bytes(b"")
    with pytest.raises(actionplan.EmptyInputError):
        actionplan.read_csv(p)


@pytest.mark.parametrize(
    "data",
    [
        b"\x00\x01\x02\x03binary\xff\xfe\x00junk" * 20,
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)),
    ],
)
def test_binary_input_is_not_text(data: bytes) -> None:
    with pytest.raises(actionplan.NotTextError) as info:
        actionplan.read_csv(data)
    assert isinstance(info.value, ValueError)


def test_a_damaged_pdf_says_so() -> None:
    # PDFs are told by their content and read (docs/PDF.md); junk after the header is damaged.
    with pytest.raises(actionplan.PdfDamagedError) as info:
        actionplan.read_csv(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00\x00")
    assert isinstance(info.value, ValueError)
    assert info.value.code == "pdf_damaged"


def test_header_only_says_so() -> None:
    with pytest.raises(actionplan.NoRowsError) as info:
        actionplan.read_csv(b"Recommendation,Action,Owner\n")
    assert info.value.row == 1


def test_no_header() -> None:
    with pytest.raises(actionplan.NoHeaderError) as info:
        actionplan.read_csv(b"1,2,3\n4,5,6\n7,8,9\n")
    assert "Recommendation" in str(info.value)


def test_bad_json_has_line_and_column() -> None:
    with pytest.raises(actionplan.InvalidJsonError) as info:
        actionplan.read_json(b'{\n  "recommendations": [\n    oops\n]}')
    assert info.value.row == 3
    assert info.value.column is not None


def test_from_json_with_a_wrong_shape() -> None:
    with pytest.raises(actionplan.InvalidJsonError):
        actionplan.Plan.from_json('{"recommendations": 3}')


def test_unknown_column_in_the_mapping() -> None:
    with pytest.raises(actionplan.UnknownColumnError) as info:
        actionplan.read_csv(b"Action,Owner\nDo it,Me\n", columns={"Person": "owner"})
    assert info.value.column == "Person"
    assert info.value.row == 1


def test_unknown_field_name_is_an_invalid_option() -> None:
    with pytest.raises(actionplan.InvalidOptionError) as info:
        actionplan.read_csv(b"Action,Person\nDo it,Me\n", columns={"Person": "ownr"})
    assert "owner" in str(info.value)


def test_a_bad_delimiter() -> None:
    with pytest.raises(actionplan.InvalidOptionError):
        actionplan.read_csv(b"Action,Owner\nDo it,Me\n", delimiter=";;")


@pytest.mark.parametrize("bad", [42, 3.5, None, ["a"], {"a": 1}, object()])
def test_a_wrong_source_type(bad: object) -> None:
    with pytest.raises(actionplan.InputTypeError) as info:
        actionplan.read_csv(bad)  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError)


def test_a_date_as_iso_text_is_taken_and_other_text_refused() -> None:
    plan = actionplan.read_csv(b"Action,Due\nx,May 2025\n", plan_date="2025-01-02")
    assert plan.plan_date == datetime.date(2025, 1, 2)
    with pytest.raises(actionplan.InvalidOptionError) as info:
        actionplan.read_csv(b"Action,Due\nx,May 2025\n", plan_date="02/01/2025")
    assert "YYYY-MM-DD" in str(info.value)


def test_a_datetime_is_taken_as_its_date() -> None:
    plan = actionplan.read_csv(
        b"Action,Due\nx,May 2025\n", plan_date=datetime.datetime(2025, 1, 2, 13, 45)
    )
    assert plan.plan_date == datetime.date(2025, 1, 2)


def test_a_file_object_returning_the_wrong_type() -> None:
    class Weird:
        def read(self) -> int:
            return 3

    with pytest.raises(actionplan.InputTypeError):
        actionplan.read_csv(Weird())  # type: ignore[arg-type]


def test_text_file_objects_are_read() -> None:
    plan = actionplan.read_csv(io.StringIO("Action,Owner\nDo it,Me\n"))
    assert plan.actions[0].owners == ["Me"]


def test_windows_1252_is_read_and_reported() -> None:
    data = "Action,Owner\nBudget £100 – “draft”,Jo\n".encode("cp1252")
    plan = actionplan.read_csv(data)
    assert plan.actions[0].description == "Budget £100 – “draft”"
    assert any(d.code == "encoding" for d in plan.import_diagnostics)
    assert any(d.code == "encoding" for d in plan.validate())


def test_invalid_utf8_in_one_cell_does_not_stop_the_read() -> None:
    data = "Action,Owner\nCafé plan,Jo\n".encode() + "Budget £100,Al\n".encode("cp1252")
    plan = actionplan.read_csv(data)
    assert [a.description for a in plan] == ["Café plan", "Budget £100"]
    d = next(d for d in plan.validate() if d.code == "mixed_encoding")
    assert d.row == 3
    assert d.severity == "warning"


def test_an_unreadable_phrase_is_a_reading_not_an_error() -> None:
    t = actionplan.parse_timeframe("zxqv blorp", datetime.date(2025, 1, 1))
    assert t.kind == "unreadable"
    assert t.due is None
    assert t.confidence == "none"
    assert t.text == "zxqv blorp"
    plan = actionplan.read_csv(b"Action,Due\nDo it,zxqv blorp\n")
    found = [d for d in plan.validate() if d.text == "zxqv blorp"]
    assert found and found[0].column == "Due" and found[0].row == 2


def test_parse_timeframe_wrong_types() -> None:
    with pytest.raises(actionplan.InputTypeError):
        actionplan.parse_timeframe(5)  # type: ignore[arg-type]
    with pytest.raises(actionplan.InputTypeError):
        actionplan.parse_timeframe("May 2025", 20250101)  # type: ignore[arg-type]


def test_records_must_be_dicts() -> None:
    with pytest.raises(actionplan.InputTypeError):
        actionplan.from_records("Action")  # type: ignore[arg-type]
    with pytest.raises(actionplan.InputTypeError):
        actionplan.from_records([1, 2])  # type: ignore[list-item]
    with pytest.raises(actionplan.EmptyInputError):
        actionplan.from_records([])


def test_validate_options_are_checked() -> None:
    plan = actionplan.read_csv(b"Action,Owner\nDo it,Me\n")
    with pytest.raises(actionplan.InvalidOptionError):
        plan.validate(severity={"missing_due": "fatal"})  # type: ignore[dict-item]
    with pytest.raises(actionplan.InputTypeError):
        plan.validate(severity=["x"])  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "data",
    [
        b'"unterminated,quote\nAction,Owner\n',
        b"Action\n" + b"\xff" * 1000,
        b"\xef\xbb\xbf",
        b"Action,Owner\n" + b'"' * 5000,
        b"{",
        b"[1, 2, 3]",
        b"[]",
        b"{}",
        "Action\n\u202e\u0000text".encode(),
        b"\r\r\r\n\n,,,,\n",
    ],
)
def test_odd_input_never_crashes(data: bytes) -> None:
    try:
        plan = actionplan.read(data)
    except actionplan.ActionPlanError:
        return
    plan.validate()
    plan.to_json()
    plan.to_csv()


def test_a_rust_panic_is_an_internal_error_not_a_crash() -> None:
    from actionplan import _native

    with pytest.raises(actionplan.InternalError, match="boom") as info:
        _native._test_panic("boom")
    assert isinstance(info.value, Exception)
    assert "please report" in str(info.value)


# Files that are not action plans are refused through this door as through the core's: the
# project's README, a Rust source file and a paragraph of prose (issue 22).
_ROOT = Path(__file__).resolve().parents[2]
_PROSE = (
    "The council met on Tuesday to discuss the budget. Members raised concerns about the cost "
    "of the new leisure centre, which has risen since the plan was agreed in March 2024. The "
    "leader said a report would follow in the summer.\n\nOfficers were asked to look again at "
    "the figures and to consult residents before any decision.\n"
)


@pytest.mark.parametrize("source", ["README.md", "core/src/lib.rs", "prose"])
def test_files_that_are_not_plans_are_refused(source: str) -> None:
    data = _PROSE.encode() if source == "prose" else (_ROOT / source).read_bytes()
    with pytest.raises(actionplan.ActionPlanError) as info:
        actionplan.read(data)
    assert isinstance(info.value, ValueError)

#!/usr/bin/env python3
"""Write the hostile files of issue 14 into a directory, with a manifest of what each must give.

    scripts/make-hostile.py DIR          # writes DIR/*.{xls,xlsx,ods,docx,csv,json,toml,...}
                                         # and DIR/manifest.json

Nothing here is committed as a binary: the files are built from scratch (a minimal OLE
compound file and BIFF8 stream for .xls, zips for .xlsx/.ods/.docx) each time the tests run.
The manifest lists, per file, how to read it ("kind": "plan", read as a plan; "rules", used as
the rules to rate examples/data/hertsmere-2024.csv; "report", read and written as an HTML
report; "validate", checked, its summary line read), extra command-line arguments, and what must come out: "error" with a phrase the
message must contain, or "ok" with a phrase that must appear in the output (the plan's JSON,
the ratings, or the report), and "absent", text that must not. Every case must finish under the tests' memory cap
(1 GB of address space) and time cap, and no case may end by a signal.

Used by `cli/tests/hostile.rs` (through the CLI) and `bindings-python/tests/test_hostile.py`
(through Python).
"""

from __future__ import annotations

import io
import json
import struct
import sys
import zipfile
from pathlib import Path

# ----------------------------------------------------------------------------------------------
# .xls: an OLE compound file (version 3, 512-byte sectors) holding one "Workbook" stream.

ENDOFCHAIN = 0xFFFFFFFE
FREESECT = 0xFFFFFFFF
FATSECT = 0xFFFFFFFD
NOSTREAM = 0xFFFFFFFF


def cfb(stream: bytes, name: str = "Workbook") -> bytes:
    """A compound file whose only stream is `stream` (padded past the 4096-byte mini cutoff)."""
    if len(stream) < 4096:
        stream = stream + b"\0" * (4096 - len(stream))
    nsec = (len(stream) + 511) // 512
    nfat = 1
    while nfat * 128 < nfat + 1 + nsec:
        nfat += 1
    assert nfat <= 109, "the header's DIFAT only"
    header = bytearray(512)
    header[0:8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"
    struct.pack_into("<HHHHH", header, 24, 0x003E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<I", header, 44, nfat)  # FAT sectors
    struct.pack_into("<I", header, 48, nfat)  # first directory sector
    struct.pack_into("<I", header, 56, 4096)  # mini stream cutoff
    struct.pack_into("<III", header, 60, ENDOFCHAIN, 0, ENDOFCHAIN)
    struct.pack_into("<I", header, 72, 0)
    difat = list(range(nfat)) + [FREESECT] * (109 - nfat)
    struct.pack_into("<109I", header, 76, *difat)
    first = nfat + 1
    fat = [FATSECT] * nfat + [ENDOFCHAIN] + [first + 1 + i for i in range(nsec - 1)] + [ENDOFCHAIN]
    fat += [FREESECT] * (128 * nfat - len(fat))
    fat_sector = struct.pack(f"<{128 * nfat}I", *fat)

    def entry(name: str, typ: int, child: int, start: int, size: int) -> bytes:
        e = bytearray(128)
        raw = name.encode("utf-16-le")
        e[0 : len(raw)] = raw
        struct.pack_into("<HBB", e, 64, len(raw) + 2, typ, 1)
        struct.pack_into("<III", e, 68, NOSTREAM, NOSTREAM, child)
        struct.pack_into("<II", e, 116, start, size)
        return bytes(e)

    directory = entry("Root Entry", 5, 1, ENDOFCHAIN, 0) + entry(name, 2, NOSTREAM, first, len(stream))
    directory += b"\0" * (512 - len(directory))
    body = stream + b"\0" * (nsec * 512 - len(stream))
    return bytes(header) + fat_sector + directory + body


def rec(typ: int, data: bytes) -> bytes:
    return struct.pack("<HH", typ, len(data)) + data


def xls(
    rows: list[list[str]],
    dims: tuple[int, int, int, int] | None = None,
    extra_cells: list[tuple[int, int, int]] = (),  # (row, col, sst index)
    sheets: int = 1,
) -> bytes:
    """A BIFF8 workbook whose sheet(s) hold `rows` as LABELSST cells."""
    strings: list[str] = []
    index: dict[str, int] = {}
    cells = []
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text == "":
                continue
            if text not in index:
                index[text] = len(strings)
                strings.append(text)
            cells.append((r, c, index[text]))
    cells += list(extra_cells)
    if dims is None:
        dims = (0, len(rows), 0, max(len(r) for r in rows))
    sst = struct.pack("<II", len(cells), len(strings))
    for s in strings:
        raw = s.encode("latin-1")
        sst += struct.pack("<HB", len(s), 0) + raw
    bof = lambda dt: rec(0x0809, struct.pack("<HHHHII", 0x0600, dt, 0, 0, 0, 0x0600))
    sheet = bof(0x0010) + rec(0x0200, struct.pack("<IIHHH", *dims, 0))
    for r, c, i in cells:
        sheet += rec(0x00FD, struct.pack("<HHHI", r, c, 15, i))
    sheet += rec(0x000A, b"")

    def globals_(pos: int) -> bytes:
        out = bof(0x0005) + rec(0x0042, struct.pack("<H", 1200))
        for k in range(sheets):
            name = f"Plan{k + 1}" if sheets > 1 else "Plan"
            out += rec(0x0085, struct.pack("<IBBBB", pos, 0, 0, len(name), 0) + name.encode())
        return out + rec(0x00FC, sst) + rec(0x000A, b"")

    pos = len(globals_(0))
    return cfb(globals_(pos) + sheet)


PLAN_ROWS = [
    ["No.", "Recommendation", "Action", "Owner", "Due date", "Status"],
    ["1", "Improve the website", "Commission a new site", "Jo Bloggs", "March 2025", "On track"],
    ["", "", "Train the editors", "Sam Smith", "June 2025", "Not started"],
    ["2", "Publish the plan", "Put the plan online", "Kim Lee", "April 2025", "Complete"],
]

# ----------------------------------------------------------------------------------------------
# Zips: .xlsx, .ods, .docx


def zip_bytes(parts: dict[str, bytes | str], stored: tuple[str, ...] = ()) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in parts.items():
            if isinstance(data, str):
                data = data.encode("utf-8")
            kind = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            z.writestr(zipfile.ZipInfo(name, (2025, 1, 1, 0, 0, 0)), data, compress_type=kind)
    return buf.getvalue()


def col_name(c: int) -> str:
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def sheet_xml(rows: list[list[str]], extra: str = "", shared: bool = False) -> str:
    out = []
    for r, row in enumerate(rows):
        cells = []
        for c, text in enumerate(row):
            if text == "":
                continue
            ref = f"{col_name(c)}{r + 1}"
            if shared:
                cells.append(f'<c r="{ref}" t="s"><v>{shared_index(text)}</v></c>')
            else:
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>')
        out.append(f'<row r="{r + 1}">{"".join(cells)}</row>')
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<sheetData>{"".join(out)}</sheetData>{extra}</worksheet>'
    )


_SHARED: list[str] = []


def shared_index(text: str) -> int:
    if text not in _SHARED:
        _SHARED.append(text)
    return _SHARED.index(text)


def xlsx(
    sheets: list[tuple[str, str]],
    shared_strings: str | None = None,
    extra_parts: dict[str, bytes | str] | None = None,
    targets: list[str] | None = None,
) -> bytes:
    """A workbook from (name, sheet XML) pairs; `targets` may point several sheets at one part."""
    targets = targets or [f"worksheets/sheet{i + 1}.xml" for i in range(len(sheets))]
    wb_sheets = "".join(
        f'<sheet name="{name}" sheetId="{i + 1}" r:id="rId{i + 1}"/>'
        for i, (name, _) in enumerate(sheets)
    )
    rels = "".join(
        f'<Relationship Id="rId{i + 1}" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        f'Target="{t}"/>'
        for i, t in enumerate(targets)
    )
    n = len(targets)
    if shared_strings is not None:
        rels += (
            f'<Relationship Id="rId{n + 1}" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
            'Target="sharedStrings.xml"/>'
        )
    parts: dict[str, bytes | str] = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        "</Types>",
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>",
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f"<sheets>{wb_sheets}</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f"{rels}</Relationships>",
    }
    seen = set()
    for (_, xml), t in zip(sheets, targets):
        if t in seen:
            continue
        seen.add(t)
        parts["xl/" + t] = xml
    if shared_strings is not None:
        parts["xl/sharedStrings.xml"] = shared_strings
    parts.update(extra_parts or {})
    return zip_bytes(parts)


def ods(table_xml: str) -> bytes:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:spreadsheet>{table_xml}</office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    return zip_bytes(
        {
            "mimetype": "application/vnd.oasis.opendocument.spreadsheet",
            "content.xml": content,
            "META-INF/manifest.xml": manifest,
        },
        stored=("mimetype",),
    )


def ods_rows(rows: list[list[str]]) -> str:
    out = []
    for row in rows:
        cells = "".join(
            f'<table:table-cell office:value-type="string"><text:p>{t}</text:p></table:table-cell>'
            if t
            else "<table:table-cell/>"
            for t in row
        )
        out.append(f"<table:table-row>{cells}</table:table-row>")
    return "".join(out)


def docx(body: str, doctype: str = "") -> bytes:
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )
    return zip_bytes(
        {
            "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            "</Types>",
            "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            "</Relationships>",
            "word/document.xml": document,
        }
    )


def docx_row(cells: list[tuple[str, int]]) -> str:
    """A table row from (text, gridSpan) pairs."""
    out = []
    for text, span in cells:
        pr = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span != 1 else ""
        out.append(f"<w:tc>{pr}<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")
    return f"<w:tr>{''.join(out)}</w:tr>"


# ----------------------------------------------------------------------------------------------
# The cases


def cases() -> list[dict]:
    """(name, bytes, args, expect, phrase): every hostile file and what it must give."""
    out: list[dict] = []

    def case(name: str, data: bytes, expect: str, phrase: str, args: list[str] | None = None,
             kind: str = "plan", absent: str | None = None) -> None:
        out.append(
            {
                "file": name,
                "data": data,
                "kind": kind,
                "args": args or [],
                "expect": expect,
                "phrase": phrase,
                "absent": absent,
            }
        )

    # The baseline: a small valid .xls reads as a plan (so the ones below test what they mean).
    case("plan.xls", xls(PLAN_ROWS), "ok", "Put the plan online")
    # DIMENSIONS with first row > last row: an overflow in calamine, then gigabytes reserved.
    case("dims-inverted.xls", xls(PLAN_ROWS, dims=(50, 10, 0, 6)), "ok", "Put the plan online")
    # DIMENSIONS claiming 4 billion rows and 256 columns.
    case("dims-4-billion-rows.xls", xls(PLAN_ROWS, dims=(0, 0xFFFFFFF0, 0, 256)), "ok",
         "Put the plan online")
    # A LABELSST cell at row 65535, column 65535: a 4-billion-cell dense range.
    case("labelsst-far.xls", xls(PLAN_ROWS, extra_cells=[(65535, 65535, 0)]), "error",
         "area")
    # 5,000 sheets pointing at the same sheet stream.
    many = [PLAN_ROWS[0]] + [PLAN_ROWS[1]] * 300
    case("5000-sheets-one-stream.xls", xls(many, sheets=5000), "error", "area",
         args=["--sheets-as-themes"])

    # shared strings that claim ten billion unique strings.
    _SHARED.clear()
    xml = sheet_xml(PLAN_ROWS, shared=True)
    sst = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'count="10000000000" uniqueCount="10000000000">'
        + "".join(f"<si><t>{s}</t></si>" for s in _SHARED)
        + "</sst>"
    )
    case("sst-ten-billion.xlsx", xlsx([("Plan", xml)], shared_strings=sst), "ok",
         "Put the plan online")
    # 5,000 sheets that all point at one large part (about 60 MB of XML, mostly one long
    # attribute-free comment), read as themes: the part must be parsed once, not 5,000 times.
    filler = "<!--" + "x" * (60 * 1024 * 1024) + "-->"
    big = sheet_xml(PLAN_ROWS).replace("<sheetData>", filler + "<sheetData>")
    case("5000-sheets-one-part.xlsx",
         xlsx([(f"S{i}", big) for i in range(5000)], targets=["worksheets/sheet1.xml"] * 5000),
         "ok", "Put the plan online", args=["--sheets-as-themes"])
    # A merge reference that is not a cell range.
    case("bad-merge-ref.xlsx",
         xlsx([("Plan", sheet_xml(PLAN_ROWS, extra='<mergeCells count="1"><mergeCell ref="A1:ZZZZZZ"/></mergeCells>'))]),
         "error", "A1:ZZZZZZ")
    # A 70 MB embedded OLE object (stored, incompressible-ish): media are never inflated.
    blob = bytes((i * 2654435761 >> 13) & 0xFF for i in range(70 * 1024 * 1024 // 64)) * 64
    case("embedded-70mb.xlsx",
         xlsx([("Plan", sheet_xml(PLAN_ROWS))], extra_parts={"xl/embeddings/oleObject1.bin": blob}),
         "ok", "Put the plan online")
    # HTML saved with an .xls name (what many web exports are).
    case("html-as.xls", b"<html><body><table><tr><td>Action</td><td>Owner</td></tr>"
         b"<tr><td>Do it</td><td>Jo</td></tr></table></body></html>", "error", "HTML")

    # .ods: a run of 20 million spaces repeated over 16,000 columns.
    table = (
        '<table:table table:name="Plan">' + ods_rows(PLAN_ROWS)
        + '<table:table-row><table:table-cell office:value-type="string" '
        'table:number-columns-repeated="16000"><text:p>x<text:s text:c="20000000"/></text:p>'
        '</table:table-cell></table:table-row></table:table>'
    )
    case("spaces-16000-columns.ods", ods(table.replace('<text:s text:c="20000000"/>', '<text:s text:c="20000000"></text:s>')),
         "error", "text")
    case("plan.ods", ods('<table:table table:name="Plan">' + ods_rows(PLAN_ROWS) + "</table:table>"),
         "ok", "Put the plan online")

    # Word: a cell that spans 4294967295 grid columns must not swallow the row.
    header = docx_row([(h, 1) for h in ["Recommendation", "Action", "Owner", "Due date", "Status"]])
    row = docx_row([("Improve the website", 4294967295), ("Commission a new site", 1),
                    ("Jo Bloggs", 1), ("March 2025", 1), ("On track", 1)])
    case("gridspan-huge.docx", docx(f"<w:tbl>{header}{row}</w:tbl>"), "ok", "Jo Bloggs")
    # Word: an entity the document never declares.
    row2 = docx_row([("Improve the website", 1), ("Commission a new site &bogus; now", 1),
                     ("Jo Bloggs", 1), ("March 2025", 1), ("On track", 1)])
    case("unknown-entity.docx", docx(f"<w:tbl>{header}{row2}</w:tbl>"), "ok", "entity")

    # CSV: a million cells past the header on one row.
    csv = b"Action,Owner,Due date\nDo it,Jo,March 2025" + b",x" * 1_000_000 + b"\n"
    case("million-cells.csv", csv, "ok", "1 action", kind="validate")
    # UTF-16 (little-endian) without a byte-order mark.
    case("utf16-no-bom.csv",
         "Action,Owner,Due date\nDo it,Jo,March 2025\n".encode("utf-16-le"), "ok", "Do it")

    # A bidi override in an owner's name must not reach a report as a live control character.
    case("bidi-override.csv",
         "Action,Owner,Due date\nDo it,Jo \u202eskcilb\u202c,March 2025\n".encode("utf-8"),
         "ok", "[U+202E]", kind="report", absent="\u202e")

    # JSON that is not a plan.
    case("empty-object.json", b"{}", "error", "no actions or recommendations")
    rules = Path(__file__).resolve().parent.parent / "core" / "presets" / "date-rag.json"
    case("rules-as-plan.json", rules.read_bytes(), "error", "rule set")
    schema = Path(__file__).resolve().parent.parent / "schema" / "plan.schema.json"
    case("schema-as-plan.json", schema.read_bytes(), "error", "schema")
    case("duplicate-keys.json",
         b'[{"Action": "Do it", "Owner": "Jo", "Owner": "Sam", "Due date": "March 2025"}]',
         "ok", "duplicate")

    # Rule files: 100,000 rules; 100,000 labels; a TOML error on a 1 MB line.
    labels = [{"id": "ok", "name": "OK", "colour": "#2e7d32"},
              {"id": "late", "name": "Late", "colour": "#c62828"}]
    many_rules = {
        "id": "many-rules", "name": "Many rules",
        "scale": {"id": "s", "name": "S", "labels": labels},
        "rules": [{"id": f"r{i}", "when": {"status": ["cancelled"]}, "then": "ok"}
                  for i in range(100_000)],
        "otherwise": "late",
    }
    case("100k-rules.json", json.dumps(many_rules).encode(), "error", "at most 10000", kind="rules")
    many_rules["rules"] = many_rules["rules"][:10_000]
    case("10k-rules.json", json.dumps(many_rules).encode(), "ok", "Late", kind="rules")
    many_labels = {
        "id": "many-labels", "name": "Many labels",
        "scale": {"id": "s", "name": "S",
                  "labels": [{"id": f"l{i}", "name": f"L{i}", "colour": "#2e7d32"}
                             for i in range(100_000)]},
        "rules": [{"id": "all", "when": {}, "then": "l99999"}],
    }
    case("100k-labels.json", json.dumps(many_labels).encode(), "error", "at most 100 ", kind="rules")
    toml_bad = b'id = "' + b"x" * 1_000_000 + b'\nname = 3\n'
    case("1mb-line.toml", toml_bad, "error", "TOML line 1", kind="rules")
    return out


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    d = Path(sys.argv[1])
    d.mkdir(parents=True, exist_ok=True)
    manifest = []
    for c in cases():
        (d / c["file"]).write_bytes(c.pop("data"))
        manifest.append(c)
    (d / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")


if __name__ == "__main__":
    main()

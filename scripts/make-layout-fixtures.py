#!/usr/bin/env python3
"""Build the Excel and Word versions of layout patterns 1-4 in tests/fixtures/layout/.

Each .xlsx and .docx holds the same table as the .csv of the same name, the way an office
program keeps it:

- Excel: section rows and the title are one cell merged across the table (<mergeCell>); the
  spanning header of pattern 4 is "Action" merged over the number column and the text column.
- Word: section rows are one cell spanning the table (w:gridSpan); the spanning header of
  pattern 4 is one header cell with gridSpan 2 over the two columns; in pattern 1 the owner of
  the first group is merged down over its two actions (w:vMerge).

Only the standard library is used (the files are written as XML in a zip), and the output is
deterministic (fixed timestamps), so re-running it changes nothing.

Usage: python3 scripts/make-layout-fixtures.py
"""

import csv
import os
import zipfile
from xml.sax.saxutils import escape

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
DIR = os.path.join(ROOT, "tests", "fixtures", "layout")
STAMP = (2024, 1, 1, 0, 0, 0)
NAMES = ["1-sections", "2-section-above-header", "3-several-tables", "4-spanning-header"]


def rows_of(name):
    with open(os.path.join(DIR, name + ".csv"), encoding="utf-8", newline="") as f:
        return [r for r in csv.reader(f)]


def write_zip(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def lone(row):
    return sum(1 for c in row if c.strip()) == 1


def xlsx(name, rows):
    width = max(len(r) for r in rows)
    merges = []
    xml_rows = []
    for n, r in enumerate(rows, start=1):
        cells = []
        for i, v in enumerate(r):
            if v == "":
                continue
            cells.append(
                f'<c r="{col(i)}{n}" t="inlineStr"><is><t xml:space="preserve">{escape(v)}</t></is></c>'
            )
        if lone(r) and r[0].strip() and width > 1:
            merges.append(f"A{n}:{col(width - 1)}{n}")
        xml_rows.append(f'<row r="{n}">{"".join(cells)}</row>')
    if name == "4-spanning-header":
        merges.append("A1:B1")
    merge_xml = (
        f'<mergeCells count="{len(merges)}">'
        + "".join(f'<mergeCell ref="{m}"/>' for m in merges)
        + "</mergeCells>"
        if merges
        else ""
    )
    sheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<sheetData>{"".join(xml_rows)}</sheetData>{merge_xml}</worksheet>'
    )
    parts = [
        ("[Content_Types].xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
         '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
         '</Types>'),
        ("_rels/.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
         '</Relationships>'),
        ("xl/workbook.xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
         'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
         '<sheets><sheet name="Action plan" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        ("xl/_rels/workbook.xml.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
         '</Relationships>'),
        ("xl/worksheets/sheet1.xml", sheet),
    ]
    write_zip(os.path.join(DIR, name + ".xlsx"), parts)


def para(text):
    return f'<w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def tc(text, span=1, vmerge=None):
    props = ""
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        props += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        props += "<w:vMerge/>"
    pr = f"<w:tcPr>{props}</w:tcPr>" if props else ""
    body = "".join(para(l) for l in text.split("\n")) if text else "<w:p/>"
    return f"<w:tc>{pr}{body}</w:tc>"


def docx(name, rows):
    width = max(len(r) for r in rows)
    # Rows above the first header are paragraphs (the title, a section heading); the table
    # starts at the header.
    first = next(i for i, r in enumerate(rows) if sum(1 for c in r if c.strip()) >= 2)
    body = [para(r[0]) for r in rows[:first] if r and r[0].strip()]
    trs = []
    for n, r in enumerate(rows[first:]):
        r = r + [""] * (width - len(r))
        if lone(r) and r[0].strip():
            trs.append(f"<w:tr>{tc(r[0], span=width)}</w:tr>")
            continue
        if name == "4-spanning-header" and n == 0:
            trs.append("<w:tr>" + tc(r[0], span=2) + "".join(tc(c) for c in r[2:]) + "</w:tr>")
            continue
        cells = []
        for i, c in enumerate(r):
            vm = None
            # Pattern 1: the first group's owner merged down over its second action.
            if name == "1-sections" and i == 1 and n in (2, 3):
                vm = "restart" if n == 2 else "continue"
                c = c if n == 2 else ""
            cells.append(tc(c, vmerge=vm))
        trs.append("<w:tr>" + "".join(cells) + "</w:tr>")
    grid = "".join('<w:gridCol w:w="2000"/>' for _ in range(width))
    table = f"<w:tbl><w:tblGrid>{grid}</w:tblGrid>{''.join(trs)}</w:tbl>"
    doc = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f'<w:body>{"".join(body)}{table}<w:sectPr/></w:body></w:document>'
    )
    parts = [
        ("[Content_Types].xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
         '</Types>'),
        ("_rels/.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
         '</Relationships>'),
        ("word/document.xml", doc),
    ]
    write_zip(os.path.join(DIR, name + ".docx"), parts)


for name in NAMES:
    rows = rows_of(name)
    xlsx(name, rows)
    docx(name, rows)
    print("wrote", name + ".xlsx", name + ".docx")

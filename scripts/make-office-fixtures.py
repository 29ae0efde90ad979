#!/usr/bin/env python3
"""Build the Office test fixtures in tests/fixtures/office/ from the example plans.

Each fixture reproduces a seed the way the council keeps or publishes it:

- hertsmere-2024.docx, three-rivers-2013.docx: the plan as a Word table (python-docx), from the
  faithful hand conversions in examples/data. The recommendation cell is merged down over its
  actions (vMerge); multi-line cells are separate paragraphs; Hertsmere's Portfolio Lead uses line
  breaks inside one paragraph instead (w:br). Three Rivers has one table per theme, each with its
  header and with the theme heading ("1) Governance Recommendations") as a paragraph before it.
- huntingdonshire-2024.xlsx, harlow-2023.xlsx: the plan as an Excel tracker (openpyxl) with a
  merged title row, recommendation cells merged down over their actions, and due dates as real
  Excel dates where Excel would hold them ("Mar-25" is a date formatted mmm-yy; "July 2023" a date
  formatted mmmm yyyy). Huntingdonshire's workbook starts with a cover sheet (no table) and has a
  hidden list sheet; its section row is merged across the table. The PDF artefacts of the seeds
  (repeated header rows at page breaks, blank lines) are not reproduced: a tracker has none.

The output is deterministic (fixed document dates), so re-running it changes nothing.

Usage: .venv/bin/python scripts/make-office-fixtures.py
"""

import csv
import datetime as dt
import io
import os
import re
import zipfile

import docx
import openpyxl
from docx.shared import Pt
from openpyxl.styles import Alignment, Font, PatternFill

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
DATA = os.path.join(ROOT, "examples", "data")
OUT = os.path.join(ROOT, "tests", "fixtures", "office")
FIXED = dt.datetime(2024, 1, 1, 0, 0, 0)
MONTHS = {m: i + 1 for i, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August",
     "September", "October", "November", "December"])}
ABBR = {k[:3]: v for k, v in MONTHS.items()}


def read_table(name, delimiter):
    with open(os.path.join(DATA, name), encoding="utf-8", newline="") as f:
        return [row for row in csv.reader(f, delimiter=delimiter)]


def blank(row):
    return all(not c.strip() for c in row)


# ------------------------------------------------------------------------------------------
# Word


def set_cell_lines(cell, text, breaks=False):
    """Write text into a cell: one paragraph per line, or one paragraph with w:br breaks."""
    lines = text.split("\n")
    if breaks:
        run = cell.paragraphs[0].add_run(lines[0])
        for line in lines[1:]:
            run.add_break()
            run.add_text(line)
        return
    cell.paragraphs[0].add_run(lines[0])
    for line in lines[1:]:
        cell.add_paragraph(line)


def word_table(document, header, rows, merge_col=0, break_cols=()):
    """A table with a bold header; column `merge_col` merged down over blank cells."""
    table = document.add_table(rows=1 + len(rows), cols=len(header))
    table.style = "Table Grid"
    for j, h in enumerate(header):
        cell = table.cell(0, j)
        cell.paragraphs[0].add_run(h).bold = True
    for i, row in enumerate(rows, start=1):
        for j, value in enumerate(row):
            if j == merge_col and not value.strip():
                continue
            if value:
                set_cell_lines(table.cell(i, j), value, breaks=j in break_cols)
    # Merge each recommendation cell down over the blank cells below it.
    i = 1
    while i <= len(rows):
        k = i
        while k + 1 <= len(rows) and not rows[k][merge_col].strip():
            k += 1
        if k > i and rows[i - 1][merge_col].strip():
            table.cell(i, merge_col).merge(table.cell(k, merge_col))
            # python-docx joins the merged cells' paragraphs; the blank ones were empty.
            cell = table.cell(i, merge_col)
            while len(cell.paragraphs) > 1 and not cell.paragraphs[-1].text:
                p = cell.paragraphs[-1]._p
                p.getparent().remove(p)
        i = k + 1
    return table


def new_document(title):
    document = docx.Document()
    props = document.core_properties
    props.created = FIXED
    props.modified = FIXED
    props.last_printed = FIXED
    props.author = "actionplan fixtures"
    props.title = title
    props.revision = 1
    style = document.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(10)
    return document


def hertsmere():
    rows = read_table("hertsmere-2024.csv", ",")
    title, header, body = rows[0][0], rows[1], rows[2:]
    document = new_document(title)
    document.add_heading(title, level=1)
    lead = header.index("Portfolio Lead")
    word_table(document, header, body, merge_col=0, break_cols=(lead,))
    document.add_paragraph("The action plan will be reported to Cabinet every quarter.")
    save_docx(document, "hertsmere-2024.docx")


def three_rivers():
    rows = read_table("three-rivers-2013.csv", ",")
    title, header, body = rows[0][0], rows[1], rows[2:]
    themes = []
    for row in body:
        if re.match(r"^\d\) .*Recommendations", row[0]) and not any(c.strip() for c in row[1:]):
            themes.append((row[0], []))
        else:
            themes[-1][1].append(row)
    document = new_document(title)
    document.add_paragraph("Appendix 1")
    document.add_heading(title, level=1)
    for heading, trs in themes:
        document.add_heading(heading, level=2)
        word_table(document, header, trs, merge_col=0)
        document.add_paragraph("")
    save_docx(document, "three-rivers-2013.docx")


def save_docx(document, name):
    buf = io.BytesIO()
    document.save(buf)
    write_deterministic(buf.getvalue(), os.path.join(OUT, name))


# ------------------------------------------------------------------------------------------
# Excel


def as_date(text, full_names_only=False):
    """A cell value: a real date for a month-year phrase Excel would hold as a date."""
    m = re.fullmatch(r"([A-Z][a-z]+)[ -](\d{2}|\d{4})", text.strip())
    if not m:
        return None
    word, year = m.groups()
    year = int(year) + (2000 if len(year) == 2 else 0)
    if "-" in text and word in ABBR:
        return dt.datetime(year, ABBR[word], 1), "mmm-yy"
    if word in MONTHS:
        return dt.datetime(year, MONTHS[word], 1), "mmmm yyyy"
    if word in ABBR and not full_names_only:
        return dt.datetime(year, ABBR[word], 1), "mmm yyyy"
    return None


def merge_down(ws, first_row, rows, col, group_col=None, same=False):
    """Merge a column's cell down over the blank (or, with `same`, equal) cells below it,
    within a group of rows that share `group_col`."""
    n = len(rows)
    i = 0
    while i < n:
        v = rows[i][col]
        k = i
        while k + 1 < n:
            nxt = rows[k + 1]
            if group_col is not None and nxt[group_col].strip() and nxt[group_col] != rows[i][group_col]:
                break
            if nxt[col].strip() and not (same and nxt[col] == v):
                break
            if group_col is not None and not nxt[group_col].strip() and group_col == col:
                pass
            k += 1
        if k > i and v.strip():
            for r in range(i + 1, k + 1):
                ws.cell(first_row + r, col + 1).value = None
            ws.merge_cells(start_row=first_row + i, start_column=col + 1,
                           end_row=first_row + k, end_column=col + 1)
        i = k + 1


def tracker(ws, title, header, body, date_col, merges, widths):
    ncol = len(header)
    ws.cell(1, 1, title).font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncol)
    for j, h in enumerate(header, start=1):
        c = ws.cell(3, j, h)
        c.font = Font(bold=True, color="FFFFFF")
        c.fill = PatternFill("solid", fgColor="1F4E78")
        c.alignment = Alignment(wrap_text=True, vertical="top")
    first = 4
    for i, row in enumerate(body):
        r = first + i
        if sum(1 for c in row if c.strip()) == 1 and row[0].strip() and not row[1].strip():
            # A section row, merged across the table.
            ws.cell(r, 1, row[0]).font = Font(bold=True)
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncol)
            continue
        for j, v in enumerate(row, start=1):
            if not v:
                continue
            cell = ws.cell(r, j)
            d = as_date(v) if j - 1 == date_col else None
            if d:
                cell.value, cell.number_format = d
            elif re.fullmatch(r"\d+", v):
                cell.value = int(v)
            else:
                cell.value = v
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for col, group, same in merges:
        # Merge within runs of rows between section rows.
        start = 0
        for i in range(len(body) + 1):
            if i == len(body) or (sum(1 for c in body[i] if c.strip()) == 1 and not body[i][1].strip()):
                if i > start:
                    merge_down(ws, first + start, body[start:i], col, group, same)
                start = i + 1
    for j, w in enumerate(widths, start=1):
        ws.column_dimensions[openpyxl.utils.get_column_letter(j)].width = w
    ws.freeze_panes = "A4"


def huntingdonshire():
    rows = read_table("huntingdonshire-2024.tsv", "\t")
    rows = [r for r in rows if not blank(r)]
    title = rows[0][0]
    header = rows[1]
    body = [r + [""] * (len(header) - len(r)) for r in rows[2:] if r != header]
    wb = openpyxl.Workbook()
    cover = wb.active
    cover.title = "Cover"
    cover["A1"] = "Huntingdonshire District Council"
    cover["A2"] = "Corporate Peer Challenge 2024: action plan tracker"
    cover["A4"] = "Updated quarterly for Overview and Scrutiny."
    ws = wb.create_sheet("Action plan")
    num = header.index("Recommendation number")
    merges = [(num, num, True), (num + 1, num, False), (num + 2, num, False)]
    tracker(ws, title, header, body, header.index("Month due to be completed"), merges,
            [10, 16, 40, 40, 50, 20, 12, 14, 14, 60])
    lists = wb.create_sheet("Lists")
    for i, v in enumerate(["Complete", "In progress", "Not started"], start=1):
        lists.cell(i, 1, v)
    lists.sheet_state = "hidden"
    save_xlsx(wb, "huntingdonshire-2024.xlsx")


def harlow():
    rows = read_table("harlow-2023.tsv", "\t")
    rows = [r for r in rows if not blank(r)]
    title, header, body = rows[0][0], rows[1], rows[2:]
    body = [r + [""] * (len(header) - len(r)) for r in body]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Key Recommendations"
    merges = [(0, 0, False), (1, 0, False), (header.index("Lead"), 0, False)]
    tracker(ws, title, header, body, header.index("Target Date"), merges, [6, 50, 60, 20, 14, 14])
    save_xlsx(wb, "harlow-2023.xlsx")


def save_xlsx(wb, name):
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.properties.creator = "actionplan fixtures"
    buf = io.BytesIO()
    wb.save(buf)
    write_deterministic(buf.getvalue(), os.path.join(OUT, name))


def write_deterministic(data, path):
    """Rewrite a zip with fixed timestamps so that the bytes do not change between runs."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"<dcterms:(created|modified)([^>]*)>[^<]*<",
                              rb"<dcterms:\1\2>2024-01-01T00:00:00Z<", body)
            zi = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, body)
    with open(path, "wb") as f:
        f.write(out.getvalue())
    print("wrote", os.path.relpath(path, ROOT))


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    hertsmere()
    three_rivers()
    huntingdonshire()
    harlow()

#!/usr/bin/env python3
"""Build the performance indicator fixtures in tests/fixtures/measures/: each table as a CSV
(the cells as Excel shows them) and as an Excel workbook (numbers stored as numbers, with the
number formats a council's spreadsheet uses: 0.0% for percentages, "£"#,##0 for money).

- plan-with-measures: a table of actions, then a table of indicators with section rows
  (Housing, Finance, People): on target, exactly at the 5% tolerance edge, just beyond it,
  higher and lower is better, zero targets, an annual indicator not assessed this quarter and
  a figure that cannot be read ("about 90").
- measures-only: a file that is only a table of indicators (no actions).

Only the standard library is used (the workbooks are written as XML in a zip), and the output
is deterministic (fixed timestamps), so re-running it changes nothing.

Usage: python3 scripts/make-measures-fixtures.py
"""

import csv
import io
import os
import zipfile
from xml.sax.saxutils import escape

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
DIR = os.path.join(ROOT, "tests", "fixtures", "measures")
STAMP = (2024, 1, 1, 0, 0, 0)


class Pct(float):
    """A share stored as a fraction and shown with format 0.0% (0.975 → 97.5%)."""

    def shown(self):
        return f"{self * 100:.1f}%"


class Money(float):
    """Pounds shown with format "£"#,##0."""

    def shown(self):
        return f"£{self:,.0f}"


class Num(float):
    """A plain number shown as Excel's General format shows it."""

    def shown(self):
        return f"{self:g}"


def shown(v):
    return v.shown() if hasattr(v, "shown") else v


ACTIONS = [
    ["Corporate improvement plan: quarter 2 2024/25"],
    ["Ref", "Action", "Owner", "Due", "Status"],
    ["1.1", "Review the committee structure and terms of reference", "Head of Legal", "March 2025", "In progress"],
    ["1.2", "Publish the annual workforce report", "Director of People", "December 2025", "Not started"],
    [],
]

MEASURES_HEADER = ["PI ref", "Performance indicator", "Frequency", "Polarity", "Target", "Q1 actual",
                   "Q2 actual", "Direction of travel", "Year-end forecast", "Owner", "Comments", "Directorate"]

MEASURES = [
    ["Housing"],
    ["PI 01", "Rent collected as a share of rent due", "Quarterly", "Higher is better", Pct(0.97), Pct(0.962),
     Pct(0.975), "Better", Pct(0.975), "Head of Housing", "Above target after the new arrears process", "Place"],
    ["PI 02", "Average days to relet an empty council home", "Quarterly", "Lower is better", Num(10), Num(11.2),
     Num(12.4), "Worse", Num(11), "Head of Housing", "Contractor delays on major voids", "Place"],
    ["PI 03", "Households in temporary accommodation", "Monthly", "Lower is better", Num(150), Num(148),
     Num(150), "Worse", Num(150), "Head of Housing", "", "Place"],
    ["Finance"],
    ["PI 04", "Council tax collected to date", "Quarterly", "Higher is better", Money(45000000), Money(21400000),
     Money(42750000), "Better", Money(44900000), "Director of Finance", "Exactly 5% short of the profile", "Resources"],
    ["PI 05", "Invoices paid within 30 days", "Monthly", "Higher is better", Pct(0.95), Pct(0.93),
     Pct(0.902), "Worse", Pct(0.94), "Director of Finance", "System change in August", "Resources"],
    ["People"],
    ["PI 06", "Working days lost to sickness per employee", "Quarterly", "Lower is better", Num(8), Num(8.3),
     Num(8.4), "Worse", Num(8.5), "Head of HR", "", "Resources"],
    ["PI 07", "Residents satisfied with the council", "Annual", "Higher is better", Pct(0.75), "",
     "Not assessed this quarter", "", "", "Head of Communications", "Survey in the spring", "Chief Executive's"],
    ["PI 08", "Complaints upheld by the Ombudsman", "Quarterly", "Lower is better", Num(0), Num(1),
     Num(0), "Better", Num(1), "Monitoring Officer", "", "Chief Executive's"],
    ["PI 09", "Data breaches reported to the ICO", "Quarterly", "Lower is better", Num(0), Num(0),
     Num(2), "Worse", Num(2), "Monitoring Officer", "Two emails sent to the wrong address", "Chief Executive's"],
    ["PI 10", "Missed bin collections per 100,000", "Monthly", "Lower is better", Num(80), Num(85),
     "about 90", "", Num(85), "Head of Waste", "Figures being checked", "Place"],
    ["PI 11", "Affordable homes delivered", "Annual", "Higher is better", Num(200), "n/a", "n/a", "", Num(180),
     "Head of Planning", "", "Place"],
]

TABLES = {
    "plan-with-measures": ACTIONS + [MEASURES_HEADER] + MEASURES,
    "measures-only": [["Performance indicators: quarter 2 2024/25"], MEASURES_HEADER] + MEASURES,
}


def col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def write_zip(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/>'
    '<numFmt numFmtId="165" formatCode="&quot;£&quot;#,##0"/></numFmts>'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    '</styleSheet>'
)


def xlsx(name, rows):
    xml_rows = []
    for n, r in enumerate(rows, start=1):
        cells = []
        for i, v in enumerate(r):
            ref = f"{col(i)}{n}"
            if isinstance(v, Pct):
                cells.append(f'<c r="{ref}" s="1"><v>{float(v)!r}</v></c>')
            elif isinstance(v, Money):
                cells.append(f'<c r="{ref}" s="2"><v>{float(v)!r}</v></c>')
            elif isinstance(v, Num):
                cells.append(f'<c r="{ref}"><v>{float(v)!r}</v></c>')
            elif v != "":
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(v)}</t></is></c>')
        xml_rows.append(f'<row r="{n}">{"".join(cells)}</row>')
    sheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<sheetData>{"".join(xml_rows)}</sheetData></worksheet>'
    )
    parts = [
        ("[Content_Types].xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
         '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
         '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
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
         '<sheets><sheet name="Plan" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        ("xl/_rels/workbook.xml.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
         '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
         '</Relationships>'),
        ("xl/styles.xml", STYLES),
        ("xl/worksheets/sheet1.xml", sheet),
    ]
    write_zip(os.path.join(DIR, name + ".xlsx"), parts)


def write_csv(name, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    for r in rows:
        w.writerow([shown(v) for v in r])
    with open(os.path.join(DIR, name + ".csv"), "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())


os.makedirs(DIR, exist_ok=True)
for name, rows in TABLES.items():
    write_csv(name, rows)
    xlsx(name, rows)
    print("wrote", name + ".csv", name + ".xlsx")

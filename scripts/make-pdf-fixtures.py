#!/usr/bin/env python3
"""Build the PDF test fixtures in tests/fixtures/pdf/ with LibreOffice, from the project's
Office fixtures and example plans (the PDFs are the tests' inputs and are committed).

- hertsmere-2024.pdf, three-rivers-2013.pdf: the Word fixtures (tests/fixtures/office/*.docx)
  printed to PDF as they are: ruled tables, merged recommendation cells, Three Rivers' three
  themed tables with their headings; rows break over pages.
- harlow-2023.pdf, huntingdonshire-2024.pdf: the Excel fixtures printed landscape, one page
  wide, with the header row repeated on every page (print titles). Huntingdonshire's cells get
  thin borders (a ruled table, with its cover sheet printed first); Harlow's do not (a table
  with no rules, whose rows are told from its lines).
- huntingdonshire-2024-word.pdf: examples/data/huntingdonshire-2024.tsv as a Word table in
  landscape with its header row marked to repeat: a table over several pages whose long
  progress comments wrap over the page breaks.
- encrypted.pdf: the Hertsmere document saved with an open password ("secret").
- scanned.pdf: a page that is only a picture (a scan: no text layer).
- minimal-ruled.pdf, minimal-plain.pdf (and the fuzz seeds fuzz/corpus/pdf/seed-*.pdf): a
  one-page PDF written by hand (standard Helvetica, no embedded font, uncompressed), a small
  table with a wrapped action cell, with and without rules. These bytes are deterministic.

The PDFs carry their creation time, so a run changes their bytes, not their content.

Usage: .venv/bin/python scripts/make-pdf-fixtures.py   (needs python-docx, openpyxl, soffice)
"""

import csv
import os
import shutil
import struct
import subprocess
import tempfile
import zlib

import docx
import openpyxl
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from openpyxl.styles import Border, Side

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OFFICE = os.path.join(ROOT, "tests", "fixtures", "office")
DATA = os.path.join(ROOT, "examples", "data")
OUT = os.path.join(ROOT, "tests", "fixtures", "pdf")


def soffice(src, outdir, filt="pdf"):
    subprocess.run(
        ["soffice", "--headless", "--convert-to", filt, "--outdir", outdir, src],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def to_pdf(src, name, tmp, filt="pdf"):
    soffice(src, tmp, filt)
    base = os.path.splitext(os.path.basename(src))[0] + ".pdf"
    shutil.move(os.path.join(tmp, base), os.path.join(OUT, name))


def printable_workbook(src, dst, borders):
    wb = openpyxl.load_workbook(src)
    thin = Side(style="thin", color="000000")
    for ws in wb.worksheets:
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        header = None
        for row in ws.iter_rows(min_row=1, max_row=10):
            if sum(1 for c in row if c.value) >= 3:
                header = row[0].row
                break
        # Row heights that fit the wrapped text (openpyxl leaves them unset, and LibreOffice
        # then clips wrapped cells to one line).
        widths = {k: (d.width or 10) for k, d in ws.column_dimensions.items()}
        for row in ws.iter_rows(min_row=1, max_row=ws.max_row):
            lines = 1
            for c in row:
                if isinstance(c.value, str):
                    w = widths.get(c.column_letter, 10)
                    n = sum(max(1, -(-len(part) * 11 // (10 * max(w - 2, 1)))) for part in c.value.split("\n"))
                    lines = max(lines, n)
            ws.row_dimensions[row[0].row].height = 13.5 * lines + 3
        if header:
            ws.print_title_rows = f"{header}:{header}"
            if borders:
                for row in ws.iter_rows(min_row=header, max_row=ws.max_row,
                                        max_col=ws.max_column):
                    for c in row:
                        c.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wb.save(dst)


def repeat_header(row):
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def huntingdonshire_word(path):
    with open(os.path.join(DATA, "huntingdonshire-2024.tsv"), encoding="utf-8", newline="") as f:
        rows = [r for r in csv.reader(f, delimiter="\t") if any(c.strip() for c in r)]
    title, header = rows[0][0], rows[1]
    body = [r + [""] * (len(header) - len(r)) for r in rows[2:] if r != header]
    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(12))
    style = document.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(7)
    document.core_properties.author = "actionplan fixtures"
    document.add_heading(title, level=1)
    table = document.add_table(rows=1 + len(body), cols=len(header))
    table.style = "Table Grid"
    for j, h in enumerate(header):
        table.cell(0, j).paragraphs[0].add_run(h).bold = True
    repeat_header(table.rows[0])
    for i, row in enumerate(body, start=1):
        for j, value in enumerate(row):
            if value:
                lines = value.split("\n")
                cell = table.cell(i, j)
                cell.paragraphs[0].add_run(lines[0])
                for line in lines[1:]:
                    cell.add_paragraph(line)
    document.save(path)


def png(path, width=400, height=200):
    """A grey picture with dark bars, like a scanned page of text (no text layer)."""
    raw = b""
    for y in range(height):
        dark = (y // 10) % 3 == 1
        raw += b"\x00" + bytes([60 if dark and 20 < x < width - 20 else 235 for x in range(width)])
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw, 9)))
        f.write(chunk(b"IEND", b""))


def minimal_pdf(content):
    """A one-page PDF with Helvetica as /F1 and `content` as its page's content stream."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out


def minimal_pdfs():
    def text(x, y, s, size=10):
        return b"BT /F1 %d Tf %d %d Td (%s) Tj ET\n" % (size, x, y, s)

    c = text(50, 800, b"Peer challenge action plan", 14)
    cols = [50, 200, 400, 480]
    for x, h in zip(cols, [b"Recommendation", b"Action", b"Owner", b"Due date"]):
        c += text(x, 760, h)
    rows = [
        (b"Be clearer about priorities",
         [b"Agree a short list of priorities", b"with Cabinet and publish it"],
         b"Chief Executive", b"June 2025"),
        (b"", [b"Report progress every quarter"], b"Head of Policy", b"Ongoing"),
        (b"Invest in people", [b"Launch a leadership programme for"], b"HR Manager",
         b"Spring 2026"),
    ]
    y = 740
    for rec, acts, owner, due in rows:
        if rec:
            c += text(cols[0], y, rec)
        c += text(cols[2], y, owner)
        c += text(cols[3], y, due)
        for k, a in enumerate(acts):
            c += text(cols[1], y - 12 * k, a)
        y -= 12 * len(acts) + 8
    rules = b"0.5 w\n"
    for yy in (772, 752, 720, 700, 680):
        rules += b"45 %d m 560 %d l S\n" % (yy, yy)
    for xx in (45, 195, 395, 475, 560):
        rules += b"%d 772 m %d 680 l S\n" % (xx, xx)
    seeds = os.path.join(ROOT, "fuzz", "corpus", "pdf")
    os.makedirs(seeds, exist_ok=True)
    for name, body in (("plain", c), ("ruled", c + rules)):
        for path in (os.path.join(OUT, f"minimal-{name}.pdf"),
                     os.path.join(seeds, f"seed-{name}.pdf")):
            with open(path, "wb") as f:
                f.write(minimal_pdf(body))


def main():
    os.makedirs(OUT, exist_ok=True)
    minimal_pdfs()
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("hertsmere-2024", "three-rivers-2013"):
            to_pdf(os.path.join(OFFICE, name + ".docx"), name + ".pdf", tmp)
        for name, borders in (("harlow-2023", False), ("huntingdonshire-2024", True)):
            src = os.path.join(tmp, name + ".xlsx")
            printable_workbook(os.path.join(OFFICE, name + ".xlsx"), src, borders)
            to_pdf(src, name + ".pdf", tmp)
        src = os.path.join(tmp, "huntingdonshire-2024-word.docx")
        huntingdonshire_word(src)
        to_pdf(src, "huntingdonshire-2024-word.pdf", tmp)
        # Encrypted: an open password (LibreOffice's PDF export filter options).
        src = os.path.join(tmp, "encrypted.docx")
        shutil.copy(os.path.join(OFFICE, "hertsmere-2024.docx"), src)
        opts = ('pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
                '"DocumentOpenPassword":{"type":"string","value":"secret"}}')
        to_pdf(src, "encrypted.pdf", tmp, opts)
        # Scanned: a document holding only a picture.
        picture = os.path.join(tmp, "scan.png")
        png(picture)
        document = docx.Document()
        document.add_picture(picture, width=Mm(150))
        src = os.path.join(tmp, "scanned.docx")
        document.save(src)
        to_pdf(src, "scanned.pdf", tmp)
    for name in sorted(os.listdir(OUT)):
        print(name, os.path.getsize(os.path.join(OUT, name)))


if __name__ == "__main__":
    main()

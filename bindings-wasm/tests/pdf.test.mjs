// PDF files and text copied out of documents through the Node build (which has the PDF
// reader): the PDF fixtures of tests/fixtures/pdf read with the counts of the plans they were
// printed from (core/tests/pdf_fixtures.rs compares them action by action); encrypted and
// scanned PDFs throw errors named for what is wrong; the seed texts read directly.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ap, bytes, exists, thrown } from "./helpers.mjs";

const ready = exists("tests/fixtures/pdf");
test("the PDF fixtures are there", () => assert.ok(ready));

const PDFS = [
  ["hertsmere-2024.pdf", "2024-12-01", [1, 3, 3, 1, 1, 2, 1, 1, 9, 4]],
  ["three-rivers-2013.pdf", "2013-11-01", [6, 1, 1, 1, 1, 5, 0, 0, 0, 3, 0, 2, 1, 2, 2, 2, 2, 1, 3, 2, 0, 1]],
  ["huntingdonshire-2024-word.pdf", "2024-06-01", [1, 5, 2, 5, 6, 3, 2, 3, 10]],
  ["huntingdonshire-2024.pdf", "2024-06-01", [1, 5, 2, 5, 6, 3, 2, 3, 10]],
  ["harlow-2023.pdf", "2023-05-01", [10, 5, 5, 2, 6, 4, 5, 5, 6, 3, 3, 5, 7]],
];

for (const [file, planDate, counts] of PDFS) {
  test(`${file} reads with the source's actions per recommendation`, () => {
    const plan = ap.parsePlan(bytes(`tests/fixtures/pdf/${file}`), { planDate });
    assert.deepEqual(plan.recommendations.map((r) => r.actions.length), counts);
    assert.equal(plan.meta.source_format, "pdf");
  });
}

test("encrypted, scanned and damaged PDFs throw named errors", () => {
  const encrypted = thrown(() => ap.parsePlan(bytes("tests/fixtures/pdf/encrypted.pdf")));
  assert.equal(encrypted.name, "PdfEncryptedError");
  assert.equal(encrypted.code, "pdf_encrypted");
  const scanned = thrown(() => ap.parsePlan(bytes("tests/fixtures/pdf/scanned.pdf")));
  assert.equal(scanned.name, "PdfScannedError");
  assert.match(scanned.message, /this PDF has no text layer: it is a scan/);
  const damaged = thrown(() => ap.parsePlan(new TextEncoder().encode("%PDF-1.7\nnot really")));
  assert.equal(damaged.name, "PdfDamagedError");
});

test("text copied out of Word and PDF documents reads as the plan", () => {
  const read = (name, planDate) =>
    ap.parsePlan(bytes(`tests/fixtures/seeds-text/${name}`), { planDate });
  assert.equal(read("hertsmere-2024.txt", "2024-12-01").actionCount, 26);
  assert.equal(read("three-rivers-2013.txt", "2013-11-01").actionCount, 36);
  const northHerts = read("north-herts-2024.txt", "2025-03-18");
  assert.equal(northHerts.recommendations.length, 10);
  assert.equal(northHerts.actionCount, 28);
});

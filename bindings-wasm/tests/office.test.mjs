// Office files through the Node build (which has Excel and Word support): each fixture in
// tests/fixtures/office reads as the same plan as the example it reproduces (the canonical JSON
// minus the source format, row numbers and the reader's notes, as core/tests/office_fixtures.rs
// compares them), with the hand-checked counts; bad containers throw named errors; the rated
// tracker workbook comes out as bytes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ap, bytes, exists, list, seeds, thrown } from "./helpers.mjs";

const ready = typeof ap.sheetNames === "function" && exists("tests/fixtures/office");
test("the Office fixtures and readers are there", () => assert.ok(ready));
const PAIRS = [
  ["hertsmere-2024.docx", "examples/data/hertsmere-2024.csv"],
  ["three-rivers-2013.docx", "examples/data/three-rivers-2013.csv"],
  ["huntingdonshire-2024.xlsx", "examples/data/huntingdonshire-2024.tsv"],
  ["harlow-2023.xlsx", "examples/data/harlow-2023.tsv"],
];

/** The canonical JSON minus what depends on the source file. */
function comparable(value) {
  if (Array.isArray(value)) return value.map(comparable);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !["row", "import_diagnostics", "source_format"].includes(k))
        .map(([k, v]) => [k, comparable(v)]),
    );
  }
  return value;
}

test("the Office fixtures are all covered", () => {
  const files = list("tests/fixtures/office").filter((f) => /\.(xlsx|docx|xls|ods)$/.test(f));
  assert.deepEqual(files.sort(), PAIRS.map(([f]) => f).sort());
});

for (const [file, example] of PAIRS) {
  test(`${file} reads as ${example}`, () => {
    const truth = seeds().find((p) => p.file === example);
    const opts = { planDate: truth.plan_date };
    const fromOffice = ap.parsePlan(bytes(`tests/fixtures/office/${file}`), opts);
    const fromText = ap.parsePlan(bytes(example), opts);
    assert.deepEqual(comparable(fromOffice.toJSON()), comparable(fromText.toJSON()));
    assert.equal(fromOffice.actionCount, truth.actions);
    assert.deepEqual(fromOffice.recommendations.map((r) => r.actions.length), truth.actions_per_recommendation);
    assert.equal(fromOffice.meta.source_format, file.split(".").pop());
  });
}

test("officeContainer tells workbooks and documents from text", () => {
  assert.equal(ap.officeContainer(bytes("tests/fixtures/office/harlow-2023.xlsx")), "zip");
  assert.equal(ap.officeContainer(bytes("tests/fixtures/office/hertsmere-2024.docx")), "zip");
  assert.equal(ap.officeContainer(bytes("examples/data/harlow-2023.tsv")), null);
});

test("sheet names, and choosing a sheet by name or number", () => {
  const book = bytes("tests/fixtures/office/huntingdonshire-2024.xlsx");
  const names = ap.sheetNames(book);
  assert.ok(names.includes("Action plan"), names.join(", "));
  // The same plan (the reader's notes differ: "chose" or "read" the sheet).
  const read = (opts) => comparable(ap.parsePlan(book, { planDate: "2024-06-01", ...opts }).toJSON());
  const byDefault = read({});
  const byName = read({ sheet: "Action plan" });
  const byIndex = read({ sheet: names.indexOf("Action plan") });
  assert.deepEqual(byName, byDefault);
  assert.deepEqual(byIndex, byDefault);
  assert.equal(thrown(() => ap.parsePlan(book, { sheet: -1 })).name, "InvalidOptionError");
  assert.ok(thrown(() => ap.parsePlan(book, { sheet: "No such sheet" })) instanceof Error);
});

test("a damaged container throws a named error that says so", () => {
  const e = thrown(() => ap.parsePlan(new TextEncoder().encode("PK\x03\x04 not really a zip")));
  assert.ok(["NotTextError", "DocumentError"].includes(e.name), e.name);
  assert.match(e.message, /zip/);
  assert.equal(thrown(() => ap.sheetNames(new TextEncoder().encode("Action,Owner\n"))).name, "DocumentError");
});

test("the rated tracker workbook: xlsx bytes that read back as the same plan", () => {
  const plan = ap.parsePlan(bytes("examples/data/hertsmere-2024.csv"), { planDate: "2024-12-01" });
  const xlsx = plan.trackerXLSX({ asOf: "2025-06-30" });
  assert.ok(xlsx instanceof Uint8Array);
  assert.equal(String.fromCharCode(xlsx[0], xlsx[1]), "PK");
  // The same plan on the same date gives the same bytes.
  assert.deepEqual(plan.trackerXLSX({ asOf: "2025-06-30" }), xlsx);
  const back = ap.parsePlan(xlsx, { planDate: "2024-12-01" });
  assert.equal(back.actionCount, plan.actionCount);
});

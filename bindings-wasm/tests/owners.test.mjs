// Updates from owners through the Node build (which has the Office functions): `template`
// gives one workbook per owner, returned untouched they merge to no change; a workbook that is
// not an update workbook is reported, not thrown. The lean build has neither function.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ap, bytes, thrown } from "./helpers.mjs";

const plan = () => ap.parsePlan(bytes("tests/fixtures/owners/plan.csv"), { planDate: "2024-12-01" });

test("template gives one workbook per owner, as file name to bytes", () => {
  const books = ap.template(plan());
  assert.deepEqual(Object.keys(books), ["Head-of-Legal.xlsx", "Democratic-Services.xlsx", "Chief-Finance-Officer.xlsx", "Unassigned.xlsx"]);
  for (const b of Object.values(books)) assert.ok(b instanceof Uint8Array && b[0] === 0x50 && b[1] === 0x4b);
  assert.equal(thrown(() => ap.template(plan(), "theme")).name, "InvalidOptionError");
});

test("merge of the untouched workbooks changes nothing; junk is a diagnostic", () => {
  const p = plan();
  const books = ap.template(p);
  const m = ap.merge(p, books, { period: "Q1 2025/26" });
  assert.deepEqual(m.changes, []);
  assert.deepEqual(m.diagnostics, []);
  assert.equal(m.plan.actionCount, p.actionCount);
  const junk = ap.merge(p, [new TextEncoder().encode("Action,Owner\n")]);
  assert.deepEqual(junk.diagnostics.map((d) => d.code), ["not_an_update_workbook"]);
  assert.ok(junk.diagnostics[0].message.startsWith('"workbook 1"'));
  assert.equal(thrown(() => ap.merge(p, books, { asof: "2025-06-30" })).name, "InvalidOptionError");
});

test("the openpyxl-edited fixtures merge to the same changes as in Rust", () => {
  const p = plan();
  const files = ["Chief-Finance-Officer.xlsx", "Democratic-Services.xlsx", "Head-of-Legal.xlsx", "Unassigned.xlsx"];
  const returned = Object.fromEntries(files.map((f) => [f, bytes(`tests/fixtures/owners/returned/${f}`)]));
  const m = ap.merge(p, returned);
  const got = m.changes.map((c) => `${c.ref} ${c.field}: ${c.from ?? "(blank)"} -> ${c.to}${c.reason ? ` (reason: ${c.reason})` : ""} [${c.file} row ${c.row}]`);
  const expected = new TextDecoder().decode(bytes("tests/fixtures/owners/expected-merge.txt")).split("\n").filter((l) => l && !/^(warning|error|info)\[/.test(l));
  assert.deepEqual(got, expected);
  assert.deepEqual(m.diagnostics.map((d) => d.code), ["date_moved_without_reason", "locked_cell_edited", "conflicting_updates"]);
});

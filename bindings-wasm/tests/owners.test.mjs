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

test("ownerGroups lists each workbook's owner and its number of actions, as template names them", () => {
  const p = plan();
  const groups = ap.ownerGroups(p);
  assert.deepEqual(groups, [
    { owner: "Head of Legal", file_name: "Head-of-Legal.xlsx", actions: 1 },
    { owner: "Democratic Services", file_name: "Democratic-Services.xlsx", actions: 2 },
    { owner: "Chief Finance Officer", file_name: "Chief-Finance-Officer.xlsx", actions: 2 },
    { owner: "Unassigned", file_name: "Unassigned.xlsx", actions: 1 },
  ]);
  assert.deepEqual(groups.map((g) => g.file_name), Object.keys(ap.template(p)));
});

test("nextVersionXLSX writes the next version with the earlier updates and the first due dates", () => {
  const p = plan();
  const files = ["Chief-Finance-Officer.xlsx", "Democratic-Services.xlsx", "Head-of-Legal.xlsx", "Unassigned.xlsx"];
  const returned = Object.fromEntries(files.map((f) => [f, bytes(`tests/fixtures/owners/returned/${f}`)]));
  const m = ap.merge(p, returned, { period: "Q1 2025/26" });
  const book = ap.nextVersionXLSX(m.plan);
  assert.ok(book instanceof Uint8Array && book[0] === 0x50 && book[1] === 0x4b);
  // Read back, as the next period's plan: the new updates, the earlier ones and the moved dates.
  const next = ap.parsePlan(book, { planDate: "2024-12-01" }).toJSON();
  const byRef = Object.fromEntries(next.recommendations.flatMap((r) => r.actions).map((a) => [a.ref, a]));
  assert.equal(next.recommendations.flatMap((r) => r.actions).length, 5);
  // The tracker's "Latest update" column holds the new one; the earlier one keeps its column.
  assert.deepEqual(byRef.B1.updates.map((u) => [u.column, u.text]),
    [["Latest update", "Strategy published in July"], ["Q4 update", "Consultation closed"]]);
  assert.equal(byRef.B1.status_text, "Complete");
  assert.equal(byRef.B2.rag, "Amber");
  assert.equal(byRef.B2.timeframe.due_latest, "2025-12-31");
  assert.equal(byRef.B2.original_due?.text, "30/09/2025");
  // The conflicting status of A1 is not taken.
  assert.equal(byRef.A1.status_text, "In progress");
});

// The two web builds (pkg/ lean, pkg-office/ with Office files) give the same answers as the
// Node build for what they share; the lean one says plainly that it does not read workbooks.
// Both are loaded here in Node through their `initSync`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import path from "node:path";
import { ap, bytes, exists, root, thrown } from "./helpers.mjs";

async function load(dir) {
  const m = await import(pathToFileURL(path.join(root, `bindings-wasm/${dir}/actionplan_wasm.js`)).href);
  m.initSync({ module: bytes(`bindings-wasm/${dir}/actionplan_wasm_bg.wasm`) });
  return m;
}

const hasOffice = exists("bindings-wasm/pkg-office/actionplan_wasm.js");
test("the lean and the Office web builds are both there", () => assert.ok(hasOffice));

test("the lean web build reads, rates and reports like the Node build", async () => {
  const lean = await load("pkg");
  for (const [file, planDate, asOf] of [["examples/data/harlow-2023.tsv", "2023-05-01", "2023-12-31"], ["examples/data/hertsmere-2024.csv", "2024-12-01", "2025-06-30"]]) {
    const a = lean.parsePlan(bytes(file), { planDate });
    const b = ap.parsePlan(bytes(file), { planDate });
    assert.deepEqual(a.toJSON(), b.toJSON());
    assert.deepEqual(a.validate(), b.validate());
    assert.deepEqual(a.stats({ asOf }), b.stats({ asOf }));
    assert.equal(a.report({ asOf, format: "md" }), b.report({ asOf, format: "md" }));
  }
});

test("the lean web build does not read workbooks, and says so", async () => {
  const lean = await load("pkg");
  assert.equal(typeof lean.sheetNames, "undefined");
  assert.equal(typeof lean.Plan.prototype.trackerXLSX, "undefined");
  const book = bytes("tests/fixtures/office/harlow-2023.xlsx");
  assert.equal(lean.officeContainer(book), "zip");
  const e = thrown(() => lean.parsePlan(book));
  assert.ok(e instanceof Error && /Error$/.test(e.name), e.name);
  assert.match(e.message, /xlsx|workbook|zip/i);
  assert.equal(thrown(() => lean.parsePlan("Action,Owner\nx,y\n", { sheet: 0 })).name, "InvalidOptionError");
});

test("the Office web build reads a workbook like the Node build", async () => {
  const full = await load("pkg-office");
  const book = bytes("tests/fixtures/office/harlow-2023.xlsx");
  assert.deepEqual(full.sheetNames(book), ap.sheetNames(book));
  assert.deepEqual(full.parsePlan(book, { planDate: "2023-05-01" }).toJSON(), ap.parsePlan(book, { planDate: "2023-05-01" }).toJSON());
});

test("the lean web build leaves out pasted-text layouts and inspectPlan, and names the Office build", async () => {
  const lean = await load("pkg");
  const full = await load("pkg-office");
  const pasted = bytes("tests/fixtures/seeds-text/hertsmere-2024.txt");
  const e = thrown(() => lean.parsePlan(pasted));
  assert.equal(e.name, "DocumentError");
  assert.match(e.message, /tables pasted out of Word or PDF documents/);
  assert.match(e.message, /Office build/);
  // The Office build (and Node) read the same text as a plan.
  assert.equal(full.parsePlan(pasted).toJSON().meta.source_format, "text-cells");
  const i = thrown(() => lean.inspectPlan("Action,Owner\nx,y\n"));
  assert.equal(i.name, "DocumentError");
  assert.match(i.message, /inspectPlan is in its Office build/);
  assert.equal(full.inspectPlan("Action,Owner\nx,y\n").tables.length, ap.inspectPlan("Action,Owner\nx,y\n").tables.length);
  // Card pages (real trackers come as card pages in TSV files) read the same in both.
  const cards = bytes("tests/fixtures/layout/9-cards.txt");
  assert.deepEqual(lean.parsePlan(cards).toJSON(), ap.parsePlan(cards).toJSON());
});

test("the lean web build leaves out a plan's history, and names the Office build", async () => {
  const lean = await load("pkg");
  const full = await load("pkg-office");
  const versions = ["q1", "q2"].map((q) => bytes(`tests/fixtures/history/${q}.csv`));
  const make = (m) => {
    const h = new m.PlanHistory();
    versions.forEach((v, i) => h.add(m.parsePlan(v), `Q${i + 1}`));
    return h;
  };
  const h = make(lean);
  assert.equal(h.length, 2);
  for (const call of [() => h.result(), () => h.toHTML(), () => h.toMarkdown()]) {
    const e = thrown(call);
    assert.equal(e.name, "DocumentError");
    assert.match(e.message, /PlanHistory is in its Office build/);
  }
  // The Office build follows the same versions as the Node build does.
  const asOf = "2026-01-15";
  assert.deepEqual(make(full).result({ asOf }), make(ap).result({ asOf }));
});

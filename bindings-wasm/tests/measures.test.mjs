// Performance indicators through the wasm package: plan.measures and stats.measures, the same
// from CSV and Excel, and the golden files of tests/golden/measures/ (written by
// core/tests/measures.rs, checked by the Python tests too).
import { test } from "node:test";
import assert from "node:assert/strict";
import { ap, bytes, text } from "./helpers.mjs";

const DIR = "tests/fixtures/measures";
const load = (name, opts = {}) => ap.parsePlan(bytes(`${DIR}/${name}`), { fileName: name, ...opts });

test("CSV and Excel give the same measures", () => {
  const csv = load("plan-with-measures.csv");
  assert.equal(csv.actionCount, 2);
  assert.equal(csv.measures.length, 11);
  assert.equal(csv.measures[3].ref, "PI 04");
  assert.equal(csv.measures[3].target.value, 45000000);
  // The Node build has the Office readers.
  const xlsx = load("plan-with-measures.xlsx");
  assert.deepEqual(xlsx.measures, csv.measures);
});

test("a file of measures only imports with no actions", () => {
  const plan = load("measures-only.csv");
  assert.equal(plan.actionCount, 0);
  assert.equal(plan.measures.length, 11);
});

test("statistics count measures apart, and match the golden files", () => {
  const plan = load("plan-with-measures.csv", { planDate: "2024-04-01" });
  const opts = { asOf: "2024-10-15", rules: "date-rag" };
  const s = plan.stats(opts);
  assert.deepEqual(s, JSON.parse(text("tests/golden/measures/stats.json")));
  assert.deepEqual(s.measures.counts.map((c) => c.count), [3, 2, 3]);
  assert.deepEqual(plan.toJSON(), JSON.parse(text("tests/golden/measures/plan.json")));
  assert.equal(plan.report({ ...opts, format: "md" }), text("tests/golden/measures/report.md"));
  const bare = ap.parsePlan(new TextEncoder().encode("Action,Owner,Due\nTrain members,HR,March 2025\n"), {});
  assert.deepEqual(bare.measures, []);
  assert.equal(bare.stats(opts).measures, undefined);
});

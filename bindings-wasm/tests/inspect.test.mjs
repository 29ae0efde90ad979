// How a document is read (inspectPlan) and the layout corrections, as from the CLI.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ap, bytes } from "./helpers.mjs";

test("inspectPlan gives tables, column roles, sections and skipped rows", () => {
  const got = ap.inspectPlan(bytes("tests/corpus/plans/gravesham-2020.tsv"), { format: "tsv" });
  assert.equal(got.actions, 6);
  assert.equal(got.groups, 2);
  const table = got.tables[0];
  assert.equal(table.kind, "actions");
  assert.equal(table.header_row, 4);
  assert.deepEqual(table.columns.map((c) => c.role), ["action", "owner", "timeframe"]);
  assert.deepEqual(got.sections.map((s) => s.row), [5, 9]);
  assert.equal(got.skipped[0].row, 13);
});

test("headerRow and tableFrom correct the reading", () => {
  const plan = ap.parsePlan(bytes("tests/fixtures/layout/2-section-above-header.csv"), { headerRow: 3 });
  assert.equal(plan.recommendations.length, 2);
  const got = ap.inspectPlan(bytes("tests/fixtures/layout/1-sections.csv"), { tableFrom: [5] });
  assert.deepEqual(got.tables.map((t) => t.kind), ["actions", "other"]);
  assert.equal(got.actions, 2);
});

// Statistics as councils publish them: `plan.stats({ format })` and the rule set's `format`
// block, on the fixture shared with the Rust, CLI and Python tests (tests/fixtures/published).
import { test } from "node:test";
import assert from "node:assert/strict";
import { ap, bytes, text, thrown } from "./helpers.mjs";

const dir = "tests/fixtures/published";
const expected = JSON.parse(text(`${dir}/expected.json`));
const plan = () => ap.parsePlan(bytes(`${dir}/plan.csv`), { fileName: "plan.csv" });
const ratedBy = (s) => s.headline.find((h) => h.startsWith("Rated by") || h.startsWith("By "));
const asOf = expected.as_of;

test("the default format keeps the sentences as they were", () => {
  assert.equal(ratedBy(plan().stats({ asOf, rules: "brag", groupBy: "none" })), expected.default_brag);
});

test("a format object or its JSON text", () => {
  const format = JSON.parse(text(`${dir}/format.json`));
  const p = plan();
  assert.equal(ratedBy(p.stats({ asOf, rules: "brag", groupBy: "none", format })), expected.with_format_and_brag);
  const json = text(`${dir}/format.json`);
  assert.equal(ratedBy(p.stats({ asOf, rules: "brag", groupBy: "none", format: json })), expected.with_format_and_brag);
});

test("the rule set's format block", () => {
  const rules = JSON.parse(text(`${dir}/rules.json`));
  assert.equal(ratedBy(plan().stats({ asOf, rules, groupBy: "none" })), expected.with_rules);
});

test("a bad format says why", () => {
  const e = thrown(() => plan().stats({ asOf, format: { decimals: 3 } }));
  assert.equal(e.code, "invalid_option");
  assert.match(e.message, /decimals 3 is not 0 or 1/);
  const r = thrown(() => plan().report({ asOf, format: { decimals: 1 } }));
  assert.equal(r.code, "invalid_option");
});

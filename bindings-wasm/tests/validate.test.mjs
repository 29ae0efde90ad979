// plan.validate(): findings are data with their places; the options turn codes off or change
// their severity; the example plans give the findings the truth file implies.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ap, bytes, seeds, thrown } from "./helpers.mjs";

const csv =
  "Ref,Action,Owner,Due,Status,RAG\n" +
  "A1,Publish the plan,TBC,March 2025,Complete,Red\n" +
  "A1,Train members,,,In progress,\n";

test("findings carry code, severity, message and place", () => {
  const plan = ap.parsePlan(csv);
  const found = plan.validate();
  const codes = found.map((d) => d.code);
  for (const c of ["duplicate_ref", "unaccountable_owner", "missing_owner", "missing_due", "rag_contradicts_status"]) {
    assert.ok(codes.includes(c), `${c} in ${codes}`);
  }
  const dup = found.find((d) => d.code === "duplicate_ref");
  assert.equal(dup.severity, "error");
  assert.equal(dup.place.row, 3);
  assert.equal(dup.place.column, "Ref");
  assert.ok(dup.message.length > 0);
});

test("the reader's notes come first and can be left out", () => {
  const plan = ap.parsePlan(csv);
  const all = plan.validate();
  const imported = plan.diagnostics;
  assert.deepEqual(all.slice(0, imported.length), imported);
  const quiet = plan.validate({ skipImportInfo: true });
  assert.ok(quiet.every((d) => !(imported.some((i) => i.code === d.code) && d.severity === "info")));
});

test("codes can be disabled or given another severity", () => {
  const plan = ap.parsePlan(csv);
  const found = plan.validate({ disabled: ["duplicate_ref"], severity: { missing_owner: "error" } });
  assert.ok(!found.some((d) => d.code === "duplicate_ref"));
  assert.equal(found.find((d) => d.code === "missing_owner").severity, "error");
  const e = thrown(() => plan.validate({ severity: { missing_owner: "fatal" } }));
  assert.equal(e.name, "InvalidOptionError");
  assert.equal(thrown(() => plan.validate({ disable: ["x"] })).name, "InvalidOptionError");
});

test("validationCodes lists every check", () => {
  const codes = ap.validationCodes();
  assert.ok(codes.length >= 10);
  for (const c of codes) {
    assert.equal(typeof c.code, "string");
    assert.ok(["info", "warning", "error"].includes(c.severity));
    assert.ok(c.meaning.length > 0);
  }
  assert.ok(codes.some((c) => c.code === "duplicate_ref" && c.severity === "error"));
});

test("Three Rivers: empty actions and recommendations without actions are findings", () => {
  const want = seeds().find((p) => p.file.includes("three-rivers"));
  const plan = ap.parsePlan(bytes(want.file), { planDate: want.plan_date });
  const found = plan.validate();
  assert.equal(found.filter((d) => d.code === "empty_action").length, want.actions_without_description);
  assert.equal(
    found.filter((d) => d.code === "recommendation_without_actions").length,
    want.recommendations_without_actions.length,
  );
});

test("every example plan validates without throwing, each finding with a place or a ref", () => {
  for (const want of seeds()) {
    const plan = ap.parsePlan(bytes(want.file), { planDate: want.plan_date });
    for (const d of plan.validate()) {
      assert.equal(typeof d.place, "object", `${want.file}: ${d.code}`);
    }
  }
});

test("toCSV writes the plan back, formula-safe", () => {
  const plan = ap.parsePlan("Action,Owner,Due\n=HYPERLINK(\"x\"),@me,+44\n");
  const out = plan.toCSV();
  assert.ok(out.startsWith("Action,Owner,Due\n"), out);
  assert.ok(!/(^|,)[=@+]/m.test(out.split("\n")[1]), out);
  // The CSV reads back to the same actions.
  assert.equal(ap.parsePlan(out).actionCount, 1);
});

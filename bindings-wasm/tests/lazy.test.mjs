// An assessment's `actions` and `findings` are converted when first read (src/convert.rs,
// js/lazy.js). They must behave as the plain data they stand for, whatever the caller does.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ap } from "./helpers.mjs";

const CSV = "Ref,Action,Owner,Due,Status,RAG\nA1,Do it,Jo,March 2025,In progress,Green\nA2,Do more,,May 2025,Not started,Red\n";
const OPTS = { asOf: "2025-04-30", rules: "date-rag" };
const fresh = () => ap.parsePlan(CSV, { planDate: "2024-06-01" });

test("the lazy members are enumerable data in their places, read once", () => {
  const plan = fresh();
  const a = plan.assess(OPTS);
  assert.deepEqual(Object.keys(a), ["as_of", "rules", "scale", "actions", "recommendations", "plan", "findings"]);
  const actions = a.actions;
  assert.ok(Array.isArray(actions));
  assert.equal(actions.length, 2);
  assert.equal(actions[0].ref, "A1");
  assert.equal(a.actions, actions, "the same array on every read");
  assert.equal(Object.getOwnPropertyDescriptor(a, "actions").value, actions, "a data property once read");
  assert.ok(Array.isArray(a.findings));
  // The same as the eager conversions of the same assessment.
  assert.deepEqual(actions[1], plan.ratedAction(0, 1, OPTS));
  plan.free();
});

test("JSON.stringify, structuredClone and the spread read the lazy members", () => {
  const plan = fresh();
  const text = JSON.stringify(plan.assess(OPTS));
  const parsed = JSON.parse(text);
  assert.equal(parsed.actions.length, 2);
  assert.ok(text.indexOf('"actions"') < text.indexOf('"recommendations"'), "keys keep their order");
  assert.deepEqual(structuredClone(plan.assess(OPTS)), parsed);
  assert.deepEqual({ ...plan.assess(OPTS) }, parsed);
  plan.free();
});

test("the members outlive the plan, and can be written before they are read", () => {
  const plan = fresh();
  const a = plan.assess(OPTS);
  const b = plan.assessSince(fresh(), OPTS);
  plan.free();
  assert.equal(a.actions[1].ref, "A2");
  assert.equal(b.actions.length, 2);
  a.findings = ["mine"];
  assert.deepEqual(a.findings, ["mine"]);
  b.actions.push("x");
  assert.equal(b.actions.length, 3);
});

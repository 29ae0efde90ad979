// The npm package's entries (bindings-wasm/dist, made by scripts/assemble-npm.mjs): one start-up
// story (the full entries start themselves; the /slim ones say plainly that they need the
// .wasm), the error class and guard, and a clear error for a freed plan. The packed package in
// real bundlers is tests/npm-consumers (scripts/test-npm-consumers.sh).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import path from "node:path";
import { bytes, root, thrown } from "./helpers.mjs";

const entry = (name) => import(pathToFileURL(path.join(root, `bindings-wasm/dist/${name}.js`)).href);
const CSV = "Ref,Action,Owner,Due,Status\nA1,Publish the plan,Chief Executive,March 2025,Complete\n";

test("the self-starting entries need no init, and accept it all the same", async () => {
  for (const name of ["index", "office"]) {
    const ap = await entry(name);
    assert.equal(ap.parsePlan(CSV).actionCount, 1, name);
    assert.equal(await ap.init(), undefined);
    assert.equal(ap.initSync(), undefined);
    assert.equal(ap.default, undefined, `${name} has no default export`);
    assert.equal(ap.Deferred, undefined, `${name} does not export internals`);
  }
  assert.equal(typeof (await entry("office")).sheetNames, "function");
  assert.equal((await entry("index")).sheetNames, undefined);
});

test("CommonJS: require() gives the same module", () => {
  const require = createRequire(import.meta.url);
  const ap = require(path.join(root, "bindings-wasm/dist/index.cjs"));
  assert.equal(ap.parsePlan(CSV).actionCount, 1);
});

test("the slim entry says it is not started, then starts from the .wasm bytes", async () => {
  const slim = await entry("office-slim");
  const e = thrown(() => slim.parsePlan(CSV));
  assert.equal(e.name, "NotStartedError");
  assert.match(e.message, /actionplan\/office\/slim: parsePlan\(\): .*init/);
  await assert.rejects(slim.init(), /needs the \.wasm/);
  slim.initSync(bytes("bindings-wasm/dist/actionplan-office.wasm"));
  slim.initSync(); // started: nothing to do
  assert.equal(slim.parsePlan(CSV).actionCount, 1);
  assert.deepEqual(slim.sheetNames(bytes("tests/fixtures/office/harlow-2023.xlsx")).length > 0, true);
});

test("errors: instanceof ActionPlanError and isActionPlanError, not for a TypeError", async () => {
  const ap = await entry("index");
  const office = await entry("office");
  const e = thrown(() => ap.parsePlan("1,2,3\n4,5,6\n"));
  assert.equal(e.name, "NoHeaderError");
  assert.ok(e instanceof ap.ActionPlanError && e instanceof Error && ap.isActionPlanError(e));
  // One class for both builds.
  assert.ok(thrown(() => office.parsePlan("")) instanceof ap.ActionPlanError);
  const t = thrown(() => ap.parsePlan(42));
  assert.ok(t instanceof TypeError && !(t instanceof ap.ActionPlanError) && !ap.isActionPlanError(t));
  assert.ok(!ap.isActionPlanError(new Error("x")) && !ap.isActionPlanError({ code: "x", row: null, column: null }));
  const made = new ap.ActionPlanError("mine", { code: "mine" });
  assert.ok(made instanceof ap.ActionPlanError && made.row === null);
});

test("a freed plan says it was freed; freeing twice does nothing", async () => {
  const ap = await entry("index");
  const plan = ap.parsePlan(CSV);
  plan.free();
  for (const use of [() => plan.validate(), () => plan.actionCount, () => plan.stats({ asOf: "2025-01-01" }), () => plan.toJSON()]) {
    const e = thrown(use);
    assert.equal(e.name, "FreedError");
    assert.equal(e.code, "freed");
    assert.ok(e instanceof ap.ActionPlanError);
    assert.match(e.message, /^Plan\.\w+(\(\))?: this Plan was freed \(plan\.free\(\) was called/);
    assert.doesNotMatch(e.message, /null pointer/);
  }
  plan.free();
  if (Symbol.dispose) plan[Symbol.dispose]();
});

test("a freed plan passed to another call says so too", async () => {
  const ap = await entry("index");
  const previous = ap.parsePlan(CSV);
  const current = ap.parsePlan(CSV);
  previous.free();
  for (const use of [() => current.reportSince(previous, { asOf: "2025-01-01" }), () => ap.diff(previous, current, { asOf: "2025-01-01" })]) {
    const e = thrown(use);
    assert.equal(e.name, "FreedError");
    assert.match(e.message, /^(Plan\.reportSince|diff)\(\): a Plan passed to it was freed/);
  }
  assert.ok(ap.diff(current, current, { asOf: "2025-01-01" }));
});

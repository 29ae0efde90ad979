// The npm package's entries (bindings-wasm/dist, made by scripts/assemble-npm.mjs): one start-up
// story (the full entries start themselves; the /slim ones say plainly that they need the
// .wasm), the error class and guard, and a clear error for a freed plan. The packed package in
// real bundlers is tests/npm-consumers (scripts/test-npm-consumers.sh).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { spawnSync } from "node:child_process";
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

/** Run a module in a fresh Node (a fresh glue: the entries of one process share it). */
function fresh(code) {
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", code], { cwd: root, encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

test("the slim entry says it is not started, then starts from the .wasm bytes", () => {
  const out = fresh(`
import { readFileSync } from "node:fs";
import * as slim from "./bindings-wasm/dist/office-slim.js";
const names = [];
for (const f of [() => slim.parsePlan("a"), () => slim.Plan.fromJSON("{}")]) {
  try { f(); } catch (e) { names.push(e.name + " " + e.message.split(":").slice(0, 2).join(":")); }
}
let noWasm;
await slim.init().catch((e) => (noWasm = e.message));
slim.initSync(readFileSync("bindings-wasm/pkg-office/actionplan_wasm_bg.wasm"));
slim.initSync();
const book = readFileSync("tests/fixtures/office/harlow-2023.xlsx");
console.log(JSON.stringify({ names, noWasm, actions: slim.parsePlan("Action,Owner\\nx,y\\n").actionCount, sheets: slim.sheetNames(book).length > 0 }));
`);
  assert.deepEqual(out.names, ["NotStartedError actionplan/office/slim: parsePlan()", "NotStartedError actionplan/office/slim: Plan.fromJSON()"]);
  assert.match(out.noWasm, /init\(\) needs the \.wasm/);
  assert.equal(out.actions, 1);
  assert.ok(out.sheets);
});

test("a slim entry starts from import() of its module, or require() of it", () => {
  const out = fresh(`
import * as slim from "./bindings-wasm/dist/slim.js";
await slim.init(import("./bindings-wasm/dist/wasm.js"));
console.log(JSON.stringify(slim.parsePlan("Action,Owner\\nx,y\\n").actionCount));
`);
  assert.equal(out, 1);
  const cjs = spawnSync(process.execPath, ["-e", `
const slim = require("./bindings-wasm/dist/office-slim.cjs");
slim.initSync(require("./bindings-wasm/dist/office-wasm.cjs"));
console.log(slim.sheetNames(require("node:fs").readFileSync("tests/fixtures/office/harlow-2023.xlsx")).length > 0);
`], { cwd: root, encoding: "utf8" });
  assert.equal(cjs.status, 0, cjs.stderr);
  assert.equal(cjs.stdout.trim(), "true");
});

test("each module's ES module gives the build's bytes", async () => {
  for (const [js, dir] of [["wasm", "pkg"], ["office-wasm", "pkg-office"]]) {
    const { default: wasm } = await entry(js);
    assert.ok(wasm instanceof Uint8Array, js);
    assert.ok(Buffer.from(wasm).equals(bytes(`bindings-wasm/${dir}/actionplan_wasm_bg.wasm`)), js);
  }
});

test("a slim entry is started when another entry started the same module", () => {
  const out = fresh(`
import * as slim from "./bindings-wasm/dist/slim.js";
import "./bindings-wasm/dist/index.js";
await slim.init();
console.log(JSON.stringify(slim.parsePlan("Action,Owner\\nx,y\\n").actionCount));
`);
  assert.equal(out, 1);
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

// The package as a web developer sees it: its exports, its types, its metadata.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { ap, text, exists, root } from "./helpers.mjs";

test("exports the documented API with camelCase names", () => {
  for (const f of ["parsePlan", "parseTimeframe", "version"]) assert.equal(typeof ap[f], "function", f);
  assert.equal(typeof ap.Plan, "function");
  assert.equal(typeof ap.Plan.fromJSON, "function");
  for (const m of ["validate", "toJSON", "free"]) assert.equal(typeof ap.Plan.prototype[m], "function", m);
  assert.match(ap.version(), /^\d+\.\d+\.\d+/);
});

test("the generated .d.ts carries the hand-written types", () => {
  for (const dir of ["pkg", "pkg-node"]) {
    const dts = text(`bindings-wasm/${dir}/actionplan_wasm.d.ts`);
    for (const t of ["interface PlanData", "interface Diagnostic", "interface Timeframe",
      "interface ParseOptions", "interface ActionPlanError", "parsePlan(input: string | Uint8Array | ArrayBuffer, options?: ParseOptions): Plan",
      "toJSON(): PlanData", "validate(options?: ValidateOptions): Diagnostic[]"]) {
      assert.ok(dts.includes(t), `${dir} .d.ts lacks ${t}`);
    }
    // The public declarations (not wasm-bindgen's raw InitOutput exports) never say `any`.
    const api = dts.replace(/\/\*[\s\S]*?\*\//g, "").split(/export (type|interface) InitOutput/)[0];
    assert.ok(!/\bany\b/.test(api), `${dir} .d.ts uses any`);
  }
});

test("package.json points at files the build makes", () => {
  const pkg = JSON.parse(text("bindings-wasm/package.json"));
  assert.equal(pkg.name, "actionplan");
  const targets = [];
  const walk = (v) => (typeof v === "string" ? targets.push(v) : Object.values(v).forEach(walk));
  walk(pkg.exports);
  for (const t of [...targets, pkg.main, pkg.module, pkg.types]) {
    assert.ok(exists(`bindings-wasm/${t}`), `${t} missing`);
  }
  // What is published: every entry exists, and every file an entry's glue imports is in it.
  for (const f of pkg.files) assert.ok(exists(`bindings-wasm/${f}`), `files: ${f} missing`);
  for (const dir of ["dist/lean", "dist/office"]) {
    const glue = text(`bindings-wasm/${dir}/glue.js`);
    assert.ok(!glue.includes("import.meta"), `${dir}/glue.js locates its .wasm by itself`);
    for (const [, rel] of glue.matchAll(/from ['"]\.\/(snippets\/[^'"]+)/g)) {
      assert.ok(exists(`bindings-wasm/${dir}/${rel}`), `${dir}: ${rel} missing`);
    }
  }
});

test("the repository's address is the one in the workspace Cargo.toml, everywhere", () => {
  // Written once, as [workspace.package] repository; the crates inherit it, maturin gives it to
  // the Python package (as its "Source Code" link) when pyproject.toml lists "urls" as dynamic.
  const cargo = text("Cargo.toml");
  const workspace = cargo.slice(cargo.indexOf("[workspace.package]"));
  const repo = workspace.match(/^repository = "([^"]+)"$/m)?.[1];
  assert.ok(repo && !repo.endsWith("/"), "no repository in [workspace.package]");
  const pkg = JSON.parse(text("bindings-wasm/package.json"));
  assert.deepEqual(pkg.repository, { type: "git", url: `git+${repo}.git`, directory: "bindings-wasm" });
  assert.equal(pkg.homepage, `${repo}/tree/main/bindings-wasm#readme`);
  assert.deepEqual(pkg.bugs, { url: `${repo}/issues` });
  assert.ok(pkg.engines?.node, "no engines.node");
  const pyproject = text("bindings-python/pyproject.toml");
  assert.doesNotMatch(pyproject, /^\[project\.urls\]/m, "pyproject.toml has its own URLs");
  assert.match(pyproject, /^dynamic = \[[^\]]*"urls"[^\]]*\]$/m, "pyproject.toml does not take its URLs from Cargo.toml");
  for (const dir of ["core", "cli", "bindings-python", "bindings-wasm"]) {
    assert.match(text(`${dir}/Cargo.toml`), /^repository\.workspace = true$/m, `${dir}/Cargo.toml`);
  }
  // Links to the project in the package's README go to the same place.
  for (const [link] of text("bindings-wasm/README.md").matchAll(/https:\/\/github\.com\/[^\s)#`]+/g)) {
    assert.ok(link.startsWith(repo), `README links to ${link}, not under ${repo}`);
  }
});

test("the version matches the package", () => {
  const pkg = JSON.parse(text("bindings-wasm/package.json"));
  assert.equal(ap.version(), pkg.version);
});

test("a typed use of the API type-checks with tsc --strict, and typed mistakes do not", () => {
  const dir = path.join(root, "bindings-wasm");
  const tsc = path.join(dir, "node_modules/.bin/tsc");
  const common = ["--noEmit", "--strict", "--target", "es2022", "--lib", "es2022,esnext.disposable,dom"];
  const run = (args) => {
    try {
      execFileSync(tsc, [...common, ...args], { cwd: dir, stdio: "pipe", encoding: "utf8" });
    } catch (e) {
      assert.fail(`tsc ${args.at(-1)}:\n${e.stdout}${e.stderr}`);
    }
  };
  run(["--module", "nodenext", "--moduleResolution", "nodenext", "tests/types-check.ts"]);
  run(["--module", "es2022", "--moduleResolution", "bundler", "pkg/actionplan_wasm.d.ts"]);
});

test("the package resolves by name in Node, as an installed dependency would", async () => {
  const { mkdtempSync, mkdirSync, symlinkSync, writeFileSync, rmSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { pathToFileURL } = await import("node:url");
  const dir = mkdtempSync(path.join(tmpdir(), "actionplan-consumer-"));
  try {
    mkdirSync(path.join(dir, "node_modules"));
    symlinkSync(path.join(root, "bindings-wasm"), path.join(dir, "node_modules", "actionplan"), "dir");
    const file = path.join(dir, "use.mjs");
    writeFileSync(file, [
      'import { parsePlan, version } from "actionplan";',
      'import * as office from "actionplan/office";',
      'import pkg from "actionplan/package.json" with { type: "json" };',
      'export const result = [parsePlan("Action,Owner\\nDo it,Me\\n").actionCount, version() === pkg.version, typeof office.parsePlan];',
    ].join("\n"));
    const { result } = await import(pathToFileURL(file).href);
    assert.deepEqual(result, [1, true, "function"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

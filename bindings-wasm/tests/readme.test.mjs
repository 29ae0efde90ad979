// The README's examples run (after automerge's test/readme.mts): every ```js block that does
// not need a browser is run against the package's own entries (dist/, as published), and each
// `console.log(...); // output` line must print what its comment says.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { format } from "node:util";
import { spawnSync } from "node:child_process";
import { root, text } from "./helpers.mjs";

const readme = text("bindings-wasm/README.md");
const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
const entry = (name) => JSON.stringify(pathToFileURL(path.join(root, `bindings-wasm/dist/${name}.js`)).href);
const ENTRIES = { "actionplan": "index", "actionplan/office": "office", "actionplan/slim": "slim", "actionplan/office/slim": "office-slim", "actionplan/wasm": "wasm", "actionplan/office/wasm": "office-wasm" };
const dir = mkdtempSync(path.join(tmpdir(), "actionplan-readme-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));

test("the README has examples", () => assert.ok(blocks.length >= 3));

blocks.forEach((code, i) => {
  const browserOnly = /document\.|location\.|\?url"/.test(code);
  if (browserOnly) {
    // A browser example cannot run in Node: check that it parses as a module (the page test
    // runs the same calls in Chromium).
    test(`README example ${i + 1} (browser) parses`, () => {
      const file = path.join(dir, `browser-example-${i + 1}.mjs`);
      writeFileSync(file, code);
      const r = spawnSync(process.execPath, ["--check", file], { encoding: "utf8" });
      assert.equal(r.status, 0, r.stderr);
    });
    return;
  }
  test(`README example ${i + 1}`, async () => {
    const checks = [];
    globalThis.__readmeCheck = (expected, ...args) => checks.push([format(...args), expected]);
    const body = code
      .replace(/from "(actionplan(?:\/[a-z/]+)?)"/g, (_, spec) => `from ${entry(ENTRIES[spec])}`)
      .replace(/import\("(actionplan(?:\/[a-z/]+)?)"\)/g, (_, spec) => `import(${entry(ENTRIES[spec])})`)
      .replaceAll('readFileSync("', `readFileSync(${JSON.stringify(root + "/")} + "`)
      .replace(/^(\s*)console\.log\((.*)\);\s*\/\/\s*(.+)$/gm, (_, indent, args, expected) =>
        `${indent}__readmeCheck(${JSON.stringify(expected.trim())}, ${args});`)
      .replace(/^(\s*)console\.log\(/gm, "$1void (");
    const file = path.join(dir, `example-${i + 1}.mjs`);
    writeFileSync(file, body);
    await import(pathToFileURL(file).href);
    assert.ok(checks.length > 0, "the example checks its output");
    for (const [got, expected] of checks) assert.equal(got, expected);
  });
});

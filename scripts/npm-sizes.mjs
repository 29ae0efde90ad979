// The npm package's sizes in bindings-wasm/README.md, to the byte: each WebAssembly module raw
// and gzipped, the same inside the entry's JavaScript (base64), and the tarball packed and
// unpacked (`npm pack --dry-run --json`). The table between the README's `sizes` markers is
// written from the current build (scripts/build-wasm.sh) with --write (again until the tarball,
// which holds the README, has the size the README gives), and compared with it otherwise (the consumer test, scripts/test-npm-consumers.sh, does so on every run).
//
// gzip: Node's zlib at level 9, as scripts/bench-wasm.mjs measures the modules.
//
// Usage: node scripts/npm-sizes.mjs [--write]   (exit 1 when the README is out of date)
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync, constants } from "node:zlib";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pkgDir = path.join(root, "bindings-wasm");
const readmePath = path.join(pkgDir, "README.md");
const BEGIN = "<!-- sizes: written by `node scripts/npm-sizes.mjs --write`, checked by scripts/test-npm-consumers.sh -->";
const END = "<!-- /sizes -->";

const n = (x) => x.toLocaleString("en-GB");
const gz = (bytes) => gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;
const pct = (a, b) => `${Math.round((a / b - 1) * 100)}%`;

/** The table, from the build in bindings-wasm/pkg*, bindings-wasm/dist and `npm pack`. */
export function sizesTable() {
  const rows = [];
  const modules = [
    ["`actionplan/wasm`", "lean: CSV, TSV, JSON", "pkg", "dist/wasm.js", "`actionplan`, `actionplan/slim`"],
    ["`actionplan/office/wasm`", "+ Excel, Word, PDF, tracker writer", "pkg-office", "dist/office-wasm.js", "`actionplan/office`, `actionplan/office/slim`"],
  ];
  for (const [spec, what, dir, js, entries] of modules) {
    const wasm = readFileSync(path.join(pkgDir, dir, "actionplan_wasm_bg.wasm"));
    const text = readFileSync(path.join(pkgDir, js));
    rows.push(`| the module of ${entries} (${what}), as a \`.wasm\` file (\`npx actionplan-wasm\`) | ${n(wasm.length)} | ${n(gz(wasm))} |`);
    rows.push(`| the same as the package ships it: base64 in \`${js}\` (${spec}) | ${n(text.length)} (+${pct(text.length, wasm.length)}) | ${n(gz(text))} (+${pct(gz(text), gz(wasm))}) |`);
  }
  const glue = ["dist/lean/glue.js", "dist/common.js", "dist/index.js"].map((f) => readFileSync(path.join(pkgDir, f)));
  rows.push(`| the JavaScript around the lean module (\`dist/index.js\`, \`dist/lean/glue.js\`, \`dist/common.js\`) | ${n(glue.reduce((s, b) => s + b.length, 0))} | ${n(glue.reduce((s, b) => s + gz(b), 0))} |`);
  const [packed] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts", "--loglevel=error"], { cwd: pkgDir, encoding: "utf8" }));
  rows.push(`| the npm tarball (${packed.entryCount} files, this README included) | ${n(packed.unpackedSize)} unpacked | ${n(packed.size)} packed |`);
  return [
    BEGIN,
    "| | raw bytes | gzip bytes |",
    "|---|---|---|",
    ...rows,
    END,
  ].join("\n");
}

/** The README with its table replaced by `table`. */
export function withTable(readme, table) {
  const a = readme.indexOf(BEGIN);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`npm-sizes: no sizes markers in ${path.relative(root, readmePath)}`);
  return readme.slice(0, a) + table + readme.slice(b + END.length);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let readme = readFileSync(readmePath, "utf8");
  if (process.argv[2] === "--write") {
    // The tarball holds the README, whose table gives the tarball's size: write until the
    // table describes the tarball that holds it.
    for (let i = 0; ; i++) {
      if (i === 10) throw new Error("npm-sizes: the tarball's size does not settle");
      const updated = withTable(readme, sizesTable());
      if (updated === readme) break;
      writeFileSync(readmePath, updated);
      readme = updated;
    }
    console.log(`npm-sizes: ${path.relative(root, readmePath)} written`);
  } else if (withTable(readme, sizesTable()) !== readme) {
    console.error(`npm-sizes: the sizes in ${path.relative(root, readmePath)} are not the build's; now:\n${sizesTable()}\n` +
      "run `node scripts/npm-sizes.mjs --write` (after scripts/build-wasm.sh)");
    process.exit(1);
  } else {
    console.log("npm-sizes: the README's sizes are the build's");
  }
}

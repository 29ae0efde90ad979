// The npm package as its users get it (issue 21): `npm pack`, the tarball installed into a
// fresh project, then used with no configuration by Node (ESM and CommonJS), TypeScript
// (--strict under nodenext, bundler and node10), @arethetypeswrong/cli, the Vite dev server and
// build (Vite 7 and 8), esbuild (browser and node bundles), webpack 5 and a plain page with an
// import map; every page also starts a Worker. Each loads and rates a plan (tests/npm-consumers/
// app/check.js) in Node or headless Chromium and must give the same answers.
//
// Run by scripts/test-npm-consumers.sh (which builds the package and installs the tools in
// tests/npm-consumers/node_modules once). Prints the tarball's size.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync, renameSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const tools = path.join(here, "node_modules");
const BOOK = path.join(root, "tests/fixtures/office/harlow-2023.xlsx");
const pkgJson = JSON.parse(readFileSync(path.join(root, "bindings-wasm/package.json"), "utf8"));
const node = process.execPath;
const keep = process.env.KEEP_CONSUMERS === "1";

let work, project, tarball, packed, chromium, context, profile;

/** Run a command; its output, or a failure that shows it. */
function run(cmd, args, opts = {}) {
  const t0 = Date.now();
  try {
    return execFileSync(cmd, args, { encoding: "utf8", stdio: "pipe", timeout: 300_000, ...opts });
  } catch (e) {
    assert.fail(`${path.basename(cmd)} ${args.join(" ")}\n${e.stdout ?? ""}${e.stderr ?? ""}${e.message}`);
  } finally {
    console.log(`# ${path.basename(cmd)} ${args.map((a) => path.basename(a)).join(" ").slice(0, 60)}: ${Date.now() - t0} ms`);
  }
}

/** The answers of app/check.js, from the repository's own Node build (not the package). */
function expected() {
  const ref = createRequire(import.meta.url)(path.join(root, "bindings-wasm/pkg-node/actionplan_wasm.js"));
  const book = readFileSync(BOOK);
  const lean = { actions: 3, duplicate: true, rated: 3, version: pkgJson.version, freed: "FreedError: true", error: "NoHeaderError true true" };
  return {
    lean,
    full: { ...lean, officeActions: 3, sheets: ref.sheetNames(book), bookActions: ref.parsePlan(book, { planDate: "2023-05-01" }).actionCount },
  };
}

/** A fresh project with the tarball installed and the app copied in. */
function freshProject(name) {
  const dir = path.join(work, name);
  mkdirSync(dir);
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: `consumer-${name}`, private: true, type: "module" }, null, 2));
  run("npm", ["install", tarball, "--no-audit", "--no-fund", "--ignore-scripts", "--prefer-offline", "--loglevel=error"], { cwd: dir });
  cpSync(path.join(here, "app"), path.join(dir, "app"), { recursive: true });
  cpSync(BOOK, path.join(dir, "app/public/book.xlsx"));
  return dir;
}

before(async () => {
  work = mkdtempSync(path.join(tmpdir(), "actionplan-npm-"));
  const out = run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], { cwd: path.join(root, "bindings-wasm") });
  packed = JSON.parse(out)[0];
  tarball = path.join(work, packed.filename);
  project = freshProject("project");
});

after(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  if (keep) console.log(`kept ${work}`);
  else if (work) rmSync(work, { recursive: true, force: true });
});

// ---- The tarball -------------------------------------------------------------------------

test("the tarball: each module once, licences, no build artefacts, no dead links", () => {
  const files = packed.files.map((f) => f.path).sort();
  console.log(`# tarball ${packed.filename}: ${packed.size} bytes packed, ${packed.unpackedSize} unpacked, ${files.length} files`);
  for (const f of ["package.json", "README.md", "LICENSE-MIT", "LICENSE-APACHE", "dist/index.js", "dist/office.js", "dist/slim.js", "dist/office-slim.js"]) {
    assert.ok(files.includes(f), `${f} is not packed`);
  }
  assert.deepEqual(files.filter((f) => f.endsWith(".wasm")), ["dist/actionplan-office.wasm", "dist/actionplan.wasm"]);
  assert.deepEqual(files.filter((f) => /wasm-inline\.js$/.test(f)), ["dist/lean/wasm-inline.js", "dist/office/wasm-inline.js"]);
  assert.ok(!files.some((f) => /(^|\/)\.|\.tgz$|^pkg|^tests?\/|^src\//.test(f)), `unexpected: ${files.filter((f) => /(^|\/)\.|^pkg|^tests?\/|^src\//.test(f))}`);
  // Every export target is in the tarball.
  const targets = [];
  const walk = (v) => (typeof v === "string" ? targets.push(v) : Object.values(v).forEach(walk));
  walk(pkgJson.exports);
  for (const t of [...targets, pkgJson.main, pkgJson.module, pkgJson.types]) assert.ok(files.includes(t.replace(/^\.\//, "")), `${t} is not packed`);
  // The README's relative links point inside the package.
  const readme = readFileSync(path.join(project, "node_modules/actionplan/README.md"), "utf8");
  for (const [, link] of readme.matchAll(/\]\(([^)#]+)(?:#[^)]*)?\)/g)) {
    if (/^[a-z]+:/.test(link)) continue;
    assert.ok(files.includes(path.posix.normalize(link)), `README links to ${link}, which is not in the package`);
  }
  for (const m of ["repository", "homepage", "bugs", "engines", "license"]) assert.ok(pkgJson[m], `package.json has no ${m}`);
});

// ---- Node --------------------------------------------------------------------------------

const nodeEsm = `
import { readFileSync } from "node:fs";
import * as ap from "actionplan";
import * as office from "actionplan/office";
import { check } from "./app/check.js";
console.log(JSON.stringify(await check(ap, office, new Uint8Array(readFileSync(process.argv[2])))));
`;
const nodeCjs = `
const { readFileSync } = require("node:fs");
const ap = require("actionplan");
const office = require("actionplan/office");
import("./app/check.js").then(({ check }) => check(ap, office, new Uint8Array(readFileSync(process.argv[2]))))
  .then((r) => console.log(JSON.stringify(r)));
`;
// The /slim entries in Node: the module given by hand, from the package's own .wasm paths.
const nodeSlim = `
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as slim from "actionplan/slim";
import * as officeSlim from "actionplan/office/slim";
import { check } from "./app/check.js";
let before;
try { slim.parsePlan("a,b\\n1,2\\n"); } catch (e) { before = e.name; }
const wasm = (spec) => readFileSync(fileURLToPath(import.meta.resolve(spec)));
slim.initSync(wasm("actionplan/actionplan.wasm"));
await officeSlim.init(wasm("actionplan/actionplan-office.wasm"));
const r = await check(slim, officeSlim, new Uint8Array(readFileSync(process.argv[2])));
console.log(JSON.stringify({ ...r, before }));
`;

test("Node: ESM, CommonJS and the slim entries, each loading a plan", () => {
  const want = expected().full;
  writeFileSync(path.join(project, "node-esm.mjs"), nodeEsm);
  writeFileSync(path.join(project, "node-cjs.cjs"), nodeCjs);
  writeFileSync(path.join(project, "node-slim.mjs"), nodeSlim);
  for (const f of ["node-esm.mjs", "node-cjs.cjs"]) {
    const out = run(node, [f, BOOK], { cwd: project });
    assert.deepEqual(JSON.parse(out), want, f);
  }
  assert.deepEqual(JSON.parse(run(node, ["node-slim.mjs", BOOK], { cwd: project })), { ...want, before: "NotStartedError" });
});

// ---- Types -------------------------------------------------------------------------------

const tsUse = (imports) => `${imports}

const plan: Plan = parsePlan("Action,Owner\\nDo it,Me\\n", { planDate: "2024-12-01" });
const n: number = plan.actionCount;
const codes: string[] = plan.validate().map((d) => d.code);
const sheets: string[] = sheetNames(new Uint8Array(0));
async function start(): Promise<void> {
  await init();
  initSync();
}
try {
  parsePlan("");
} catch (e) {
  if (isActionPlanError(e)) {
    const where: number | null = e.row;
    const code: string = e.code;
    void where, code;
  }
  if (e instanceof ActionPlanError) {
    const column: string | null = e.column;
    void column;
  }
}
// @ts-expect-error a misspelt option
parsePlan("x", { plandate: "2024-12-01" });
void n, codes, sheets, start;
`;
const esmImports = `import { parsePlan, init, initSync, isActionPlanError, ActionPlanError, type Plan } from "actionplan";
import { sheetNames } from "actionplan/office";
import * as slim from "actionplan/slim";
import * as officeSlim from "actionplan/office/slim";
// @ts-expect-error internal: not exported
import { Deferred } from "actionplan";
// @ts-expect-error wasm-bindgen's loader types are not exported
import type { InitOutput } from "actionplan";
void slim.init, officeSlim.initSync, Deferred;
type Unused = InitOutput;`;

test("TypeScript --strict: nodenext (ESM and CJS), bundler and node10, without the DOM library", () => {
  const ts = path.join(project, "ts");
  mkdirSync(ts, { recursive: true });
  writeFileSync(path.join(ts, "esm.mts"), tsUse(esmImports));
  writeFileSync(path.join(ts, "cjs.cts"), tsUse(`import ap = require("actionplan");
import office = require("actionplan/office");
import slim = require("actionplan/slim");
const { parsePlan, init, initSync, isActionPlanError, ActionPlanError } = ap;
const { sheetNames } = office;
type Plan = ap.Plan;
void slim.init;`));
  writeFileSync(path.join(ts, "bundler.ts"), tsUse(esmImports));
  writeFileSync(path.join(ts, "node10.ts"), tsUse(esmImports.replace(", type Plan", ", Plan")));
  const tsc = path.join(tools, "typescript/bin/tsc");
  // No "dom" library and no @types: the declarations must stand on ES2022 alone.
  for (const [mode, module, files] of [["nodenext", "nodenext", ["esm.mts", "cjs.cts"]], ["bundler", "esnext", ["bundler.ts"]], ["node10", "commonjs", ["node10.ts"]]]) {
    const config = {
      compilerOptions: { strict: true, noEmit: true, target: "es2022", lib: ["es2022"], types: [], module, moduleResolution: mode },
      files,
    };
    writeFileSync(path.join(ts, `tsconfig.${mode}.json`), JSON.stringify(config, null, 2));
    run(node, [tsc, "-p", `ts/tsconfig.${mode}.json`], { cwd: project });
  }
});

test("@arethetypeswrong/cli: no problem under node10, node16 (CJS and ESM) and bundler", () => {
  // The .wasm exports are files for the /slim entries, not modules with types.
  const out = run(node, [path.join(tools, "@arethetypeswrong/cli/dist/index.js"), tarball, "--format", "table-flipped",
    "--exclude-entrypoints", "./actionplan.wasm", "./actionplan-office.wasm"], { cwd: work, env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" } });
  console.log(out.split("\n").map((l) => `# ${l}`).join("\n"));
});

// ---- Pages -------------------------------------------------------------------------------

const MIME = { ".js": "text/javascript", ".mjs": "text/javascript", ".html": "text/html", ".wasm": "application/wasm", ".json": "application/json", ".css": "text/css" };

/** A static server for a folder (and the workbook at /book.xlsx). */
async function serveDir(dir) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    let file = url.pathname === "/book.xlsx" ? BOOK : path.join(dir, decodeURIComponent(url.pathname));
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!file.startsWith(dir) && file !== BOOK) return res.writeHead(403).end();
    if (!existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": MIME[path.extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  // (Chromium keeps its connections open: close them, or close() waits for them.)
  const close = () => new Promise((r) => {
    server.close(r);
    server.closeAllConnections();
  });
  return { base: `http://127.0.0.1:${server.address().port}`, close };
}

async function browser() {
  if (context) return context;
  const t0 = Date.now();
  ({ chromium } = await import(path.join(tools, "playwright-core/index.mjs")));
  profile = mkdtempSync(path.join(tmpdir(), "actionplan-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  console.log(`# Chromium started: ${Date.now() - t0} ms`);
  return context;
}

/** Open a page and return what app/main.js found (the page's and its Worker's answers). */
async function pageResult(url) {
  const t0 = Date.now();
  const page = await (await browser()).newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  try {
    await page.goto(url);
    await page.waitForFunction(() => globalThis.__result !== undefined, null, { timeout: 120_000 });
    const result = await page.evaluate(() => globalThis.__result);
    console.log(`# ${url}: ${Date.now() - t0} ms`);
    assert.equal(result.failed, undefined, `${url}: ${result.failed}\n${errors.join("\n")}`);
    return result;
  } catch (e) {
    e.message += `\npage errors: ${errors.join("\n")}`;
    throw e;
  } finally {
    await page.close();
  }
}

/** The slim entry's answers on a page that sets `__slim` (the Vite and plain pages). */
async function checkSlim(url) {
  const page = await (await browser()).newPage();
  try {
    await page.goto(url);
    await page.waitForFunction(() => globalThis.__slim !== undefined, null, { timeout: 60_000 });
    const { url: wasmUrl, before, ...slim } = await page.evaluate(() => globalThis.__slim);
    assert.deepEqual(slim, expected().lean);
    return { url: wasmUrl, before };
  } finally {
    await page.close();
  }
}

function checkPage(result) {
  const want = expected();
  const { worker, ...page } = result;
  assert.deepEqual(page, want.full);
  assert.deepEqual(worker, want.lean);
}

/** A copy of the app in its own folder of the project. */
function app(name) {
  const dir = path.join(project, name);
  cpSync(path.join(project, "app"), dir, { recursive: true });
  return dir;
}

/** Start a dev server and wait until it answers. */
async function devServer(cmd, args, cwd, port) {
  const child = spawn(cmd, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(base)).ok) {
        console.log(`# ${path.basename(args[0])} dev server up: ${i * 100} ms`);
        return { base, child, log: () => log };
      }
    } catch {
      // not yet
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  assert.fail(`${args.join(" ")} did not start:\n${log}`);
}

/** Build-and-serve helpers for Vite: the dev server, then `vite build` served as files. */
async function viteBoth(name, bin, dir, checks) {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const dev = await devServer(node, [bin, "--port", String(port), "--strictPort", "--host", "127.0.0.1"], dir, port);
  try {
    await checks(dev.base, "dev");
  } catch (e) {
    e.message += `\n${name} dev server said:\n${dev.log()}`;
    throw e;
  } finally {
    dev.child.kill();
  }
  run(node, [bin, "build", "--logLevel", "error"], { cwd: dir });
  const server = await serveDir(path.join(dir, "dist"));
  try {
    await checks(server.base, "build");
  } finally {
    await server.close();
  }
}

for (const [name, vite] of [["Vite 8", "vite/bin/vite.js"], ["Vite 7", "vite7/bin/vite.js"]]) {
  const bin = path.join(tools, vite);
  const id = name.replace(" ", "").toLowerCase();
  test(`${name}: dev server and build, no configuration`, async () => {
    // Its own project: the dependency optimiser's cache (node_modules/.vite) is per project.
    const dir = path.join(freshProject(id), "app");
    await viteBoth(name, bin, dir, async (base) => checkPage(await pageResult(`${base}/`)));
  });

  test(`${name}: the slim entry with the .wasm as a file (the README's ?url recipe)`, async () => {
    // A page with only the slim entry (with the full one too they would share the module).
    const dir = path.join(freshProject(`${id}-slim`), "app");
    writeFileSync(path.join(dir, "main.js"), `import * as slim from "actionplan/slim";
import wasmUrl from "actionplan/actionplan.wasm?url";
import { check } from "./check.js";
let before;
try { slim.parsePlan("a"); } catch (e) { before = e.name; }
await slim.init(wasmUrl);
globalThis.__slim = { ...(await check(slim, null, null)), url: wasmUrl, before };
`);
    await viteBoth(name, bin, dir, async (base, mode) => {
      const { url, before } = await checkSlim(`${base}/`);
      assert.equal(before, "NotStartedError");
      if (mode === "build") assert.match(url, /^\/assets\/actionplan-[\w-]+\.wasm$/, "the build copied the .wasm");
    });
  });
}

test("esbuild: a browser bundle (page and Worker), no plugin, no loader", async () => {
  const dir = app("esbuild-web");
  const esbuild = path.join(tools, "esbuild/bin/esbuild");
  run(esbuild, ["main.js", "worker.js", "--bundle", "--format=esm", "--platform=browser", "--outdir=out", "--log-level=warning"], { cwd: dir });
  cpSync(path.join(dir, "index.html"), path.join(dir, "out/index.html"));
  const server = await serveDir(path.join(dir, "out"));
  try {
    checkPage(await pageResult(`${server.base}/`));
  } finally {
    await server.close();
  }
});

test("esbuild --platform=node: ESM and CommonJS bundles run on their own", () => {
  const esbuild = path.join(tools, "esbuild/bin/esbuild");
  const alone = path.join(work, "bundles"); // no node_modules anywhere above it
  mkdirSync(alone);
  for (const [src, format, out] of [["node-esm.mjs", "esm", "bundle.mjs"], ["node-cjs.cjs", "cjs", "bundle.cjs"]]) {
    writeFileSync(path.join(project, src), src.endsWith(".mjs") ? nodeEsm : nodeCjs);
    run(esbuild, [src, "--bundle", `--format=${format}`, "--platform=node", `--outfile=${path.join(alone, out)}`, "--log-level=warning"], { cwd: project });
    assert.deepEqual(JSON.parse(run(node, [out, BOOK], { cwd: alone })), expected().full, out);
  }
});

test("webpack 5: zero-config production build (page and Worker)", async () => {
  const dir = path.join(project, "webpack");
  mkdirSync(dir);
  cpSync(path.join(project, "app"), path.join(dir, "src"), { recursive: true });
  renameSync(path.join(dir, "src/main.js"), path.join(dir, "src/index.js"));
  writeFileSync(path.join(dir, "build.cjs"), `
const webpack = require(${JSON.stringify(path.join(tools, "webpack"))});
webpack({ context: __dirname, mode: "production" }, (err, stats) => {
  if (err || stats.hasErrors()) { console.error(err || stats.toString("errors-only")); process.exit(1); }
});`);
  run(node, ["build.cjs"], { cwd: dir });
  writeFileSync(path.join(dir, "dist/index.html"), '<!DOCTYPE html><meta charset="utf-8"><script src="main.js"></script>\n');
  const server = await serveDir(path.join(dir, "dist"));
  try {
    checkPage(await pageResult(`${server.base}/`));
  } finally {
    await server.close();
  }
});

test("a plain page with an import map, and the slim entry given the .wasm URL", async () => {
  const dir = app("plain");
  const lib = "/node_modules/actionplan/dist";
  const importMap = `<script type="importmap">${JSON.stringify({ imports: { actionplan: `${lib}/index.js`, "actionplan/office": `${lib}/office.js`, "actionplan/slim": `${lib}/slim.js` } })}</script>`;
  writeFileSync(path.join(dir, "index.html"), `<!DOCTYPE html><meta charset="utf-8">\n${importMap}\n<script type="module" src="./main.js"></script>\n`);
  // The slim entry on a page of its own (with the full entry they would share the module).
  writeFileSync(path.join(dir, "slim.html"), `<!DOCTYPE html><meta charset="utf-8">\n${importMap}
<script type="module">
import * as slim from "actionplan/slim";
import { check } from "./check.js";
let before;
try { slim.parsePlan("a"); } catch (e) { before = e.name; }
await slim.init(new URL("${lib}/actionplan.wasm", location.href));
globalThis.__slim = { ...(await check(slim, null, null)), before };
</script>`);
  // Module workers have no import map: the worker names the file.
  writeFileSync(path.join(dir, "worker.js"), readFileSync(path.join(dir, "worker.js"), "utf8").replace('"actionplan"', `"${lib}/index.js"`));
  const server = await serveDir(project);
  try {
    checkPage(await pageResult(`${server.base}/plain/`));
    assert.equal((await checkSlim(`${server.base}/plain/slim.html`)).before, "NotStartedError");
  } finally {
    await server.close();
  }
});


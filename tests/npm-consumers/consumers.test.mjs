// The npm package as its users get it (issue 21): `npm pack`, the tarball installed into a
// fresh project, then used with no configuration by Node (ESM and CommonJS), TypeScript
// (--strict under nodenext, bundler and node10), @arethetypeswrong/cli, the Vite dev server and
// build (Vite 5, 6, 7 and 8), esbuild (browser and node bundles), webpack 5, a plain page with an
// import map, Deno and Bun; every page also starts a Worker. Each loads and rates a plan
// (tests/npm-consumers/app/check.js) in Node, Deno, Bun or headless Chromium and must give the
// same answers. The tarball must hold each WebAssembly module once (as a file or as base64).
//
// Run by scripts/test-npm-consumers.sh (which builds the package and installs the tools in
// tests/npm-consumers/node_modules once). Prints the tarball's size.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, existsSync, renameSync } from "node:fs";
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

test("the tarball: licences, no build artefacts, no dead links, the bin", () => {
  const files = packed.files.map((f) => f.path).sort();
  console.log(`# tarball ${packed.filename}: ${packed.size} bytes packed, ${packed.unpackedSize} unpacked, ${files.length} files`);
  for (const f of ["package.json", "README.md", "LICENSE-MIT", "LICENSE-APACHE", "dist/index.js", "dist/office.js", "dist/slim.js", "dist/office-slim.js", "dist/wasm.js", "dist/office-wasm.js"]) {
    assert.ok(files.includes(f), `${f} is not packed`);
  }
  // Build artefacts and the repository's own files stay out: no dotfile (.build-hash), no
  // wasm-bindgen folder, no tests or sources, no tarball.
  const unexpected = files.filter((f) => /(^|\/)\.|\.tgz$|^pkg|^tests?\/|^src\/|^node_modules\/|^examples\/|Cargo/.test(f));
  assert.deepEqual(unexpected, []);
  assert.ok(!files.some((f) => f.endsWith(".build-hash")), ".build-hash is packed");
  // Every export target is in the tarball.
  const targets = [];
  const walk = (v) => (typeof v === "string" ? targets.push(v) : Object.values(v).forEach(walk));
  walk(pkgJson.exports);
  for (const t of [...targets, pkgJson.main, pkgJson.module, pkgJson.types, ...Object.values(pkgJson.bin)]) {
    assert.ok(files.includes(t.replace(/^\.\//, "")), `${t} is not packed`);
  }
  // The README's relative links point inside the package.
  const readme = readFileSync(path.join(project, "node_modules/actionplan/README.md"), "utf8");
  for (const [, link] of readme.matchAll(/\]\(([^)#]+)(?:#[^)]*)?\)/g)) {
    if (/^[a-z]+:/.test(link)) continue;
    assert.ok(files.includes(path.posix.normalize(link)), `README links to ${link}, which is not in the package`);
  }
  for (const m of ["repository", "homepage", "bugs", "engines", "license"]) assert.ok(pkgJson[m], `package.json has no ${m}`);
});

test("the tarball holds each WebAssembly module once (as a .wasm file or as base64)", () => {
  // Unpack the tarball and look at every file: .wasm files, WebAssembly modules inside any file
  // (by their magic bytes), and base64 blobs in any text that decode to a module.
  const unpacked = path.join(work, "unpacked");
  mkdirSync(unpacked);
  run("tar", ["-xzf", tarball, "-C", unpacked]);
  const MAGIC = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
  const B64_MAGIC = MAGIC.toString("base64").slice(0, 8); // "AGFzbQEA": a module's first 6 bytes
  const found = []; // [hash, where]
  const hash = (bytes) => createHash("sha256").update(bytes).digest("hex");
  const walkDir = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walkDir(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  for (const file of walkDir(unpacked)) {
    const rel = path.relative(unpacked, file);
    const bytes = readFileSync(file);
    if (bytes.subarray(0, 8).equals(MAGIC)) found.push([hash(bytes), rel]);
    else assert.equal(bytes.indexOf(MAGIC), -1, `${rel} has a WebAssembly module inside`);
    const text = bytes.toString("latin1");
    for (const m of text.matchAll(/[A-Za-z0-9+/]{64,}={0,2}/g)) {
      if (!m[0].startsWith(B64_MAGIC)) continue;
      found.push([hash(Buffer.from(m[0], "base64")), `${rel} (base64 at ${m.index})`]);
    }
  }
  console.log(found.map(([h, where]) => `# module ${h.slice(0, 12)}: ${where}`).join("\n"));
  const seen = new Map();
  for (const [h, where] of found) {
    assert.ok(!seen.has(h), `the same module twice: ${seen.get(h)} and ${where}`);
    seen.set(h, where);
  }
  // They are the two modules of the build, lean and Office, and nothing else.
  const built = ["pkg", "pkg-office"].map((d) => hash(readFileSync(path.join(root, "bindings-wasm", d, "actionplan_wasm_bg.wasm"))));
  assert.deepEqual([...seen.keys()].sort(), built.sort());
});

test("the README's sizes are this build's, to the byte", () => {
  // The same figures as `npm pack` gave here, and the modules' own (scripts/npm-sizes.mjs).
  const readme = readFileSync(path.join(root, "bindings-wasm/README.md"), "utf8");
  const n = (x) => x.toLocaleString("en-GB");
  assert.ok(readme.includes(`| ${n(packed.unpackedSize)} unpacked | ${n(packed.size)} packed |`), "the tarball's size in the README is not npm pack's");
  run(node, [path.join(root, "scripts/npm-sizes.mjs")], { cwd: root });
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
// The /slim entries: the module given by hand, as import() gives it, and as the file
// \`npx actionplan-wasm\` writes.
const nodeSlim = `
import { readFileSync } from "node:fs";
import * as slim from "actionplan/slim";
import * as officeSlim from "actionplan/office/slim";
import { check } from "./app/check.js";
let before;
try { slim.parsePlan("a,b\\n1,2\\n"); } catch (e) { before = e.name; }
await slim.init(import("actionplan/wasm"));
officeSlim.initSync(readFileSync("wasm-out/actionplan-office.wasm"));
const r = await check(slim, officeSlim, new Uint8Array(readFileSync(process.argv[2])));
console.log(JSON.stringify({ ...r, before }));
`;
// require() of the module for a /slim entry.
const nodeSlimCjs = `
const slim = require("actionplan/office/slim");
slim.initSync(require("actionplan/office/wasm"));
console.log(JSON.stringify(slim.sheetNames(require("node:fs").readFileSync(process.argv[2]))));
`;

function writeNodeScripts() {
  // node-slim.mjs reads a file that `npx actionplan-wasm` writes.
  if (!existsSync(path.join(project, "wasm-out"))) run("npx", ["--no-install", "actionplan-wasm", "wasm-out"], { cwd: project });
  writeFileSync(path.join(project, "node-esm.mjs"), nodeEsm);
  writeFileSync(path.join(project, "node-cjs.cjs"), nodeCjs);
  writeFileSync(path.join(project, "node-slim.mjs"), nodeSlim);
  writeFileSync(path.join(project, "node-slim-cjs.cjs"), nodeSlimCjs);
}

test("npx actionplan-wasm DIR writes the modules as .wasm files", () => {
  const out = run("npx", ["--no-install", "actionplan-wasm", "wasm-out"], { cwd: project });
  for (const [dir, file] of [["pkg", "actionplan.wasm"], ["pkg-office", "actionplan-office.wasm"]]) {
    assert.ok(readFileSync(path.join(project, "wasm-out", file)).equals(readFileSync(path.join(root, "bindings-wasm", dir, "actionplan_wasm_bg.wasm"))), file);
    assert.match(out, new RegExp(`${file}: \\d+ bytes`));
  }
  const usage = (() => {
    try {
      execFileSync("npx", ["--no-install", "actionplan-wasm"], { cwd: project, encoding: "utf8", stdio: "pipe" });
    } catch (e) {
      return `${e.status} ${e.stderr}`;
    }
  })();
  assert.match(usage, /^2 usage: actionplan-wasm DIR/);
});

test("Node: ESM, CommonJS and the slim entries, each loading a plan", () => {
  const want = expected().full;
  writeNodeScripts();
  for (const f of ["node-esm.mjs", "node-cjs.cjs"]) {
    const out = run(node, [f, BOOK], { cwd: project });
    assert.deepEqual(JSON.parse(out), want, f);
  }
  assert.deepEqual(JSON.parse(run(node, ["node-slim.mjs", BOOK], { cwd: project })), { ...want, before: "NotStartedError" });
  assert.deepEqual(JSON.parse(run(node, ["node-slim-cjs.cjs", BOOK], { cwd: project })), want.sheets);
});

// Deno and Bun, from the npm packages that carry their binaries (tests/npm-consumers/package.json).
for (const [name, bin, args] of [["Deno", "deno/deno", ["run", "--allow-read", "--allow-env"]], ["Bun", "bun/bin/bun.exe", []]]) {
  test(`${name}: ESM, CommonJS and the slim entries from the installed package`, () => {
    const want = expected().full;
    writeNodeScripts();
    const exe = path.join(tools, bin);
    for (const f of ["node-esm.mjs", "node-cjs.cjs"]) {
      assert.deepEqual(JSON.parse(run(exe, [...args, f, BOOK], { cwd: project })), want, `${name} ${f}`);
    }
    assert.deepEqual(JSON.parse(run(exe, [...args, "node-slim.mjs", BOOK], { cwd: project })), { ...want, before: "NotStartedError" });
  });
}

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
import wasm from "actionplan/wasm";
const bytes: Uint8Array = wasm;
async function startSlim(): Promise<void> {
  await slim.init(import("actionplan/wasm"));
  officeSlim.initSync(await import("actionplan/office/wasm"));
}
void slim.init, officeSlim.initSync, Deferred, bytes, startSlim;
type Unused = InitOutput;`;

test("TypeScript --strict: nodenext (ESM and CJS), bundler and node10, without the DOM library", () => {
  const ts = path.join(project, "ts");
  mkdirSync(ts, { recursive: true });
  writeFileSync(path.join(ts, "esm.mts"), tsUse(esmImports));
  writeFileSync(path.join(ts, "cjs.cts"), tsUse(`import ap = require("actionplan");
import office = require("actionplan/office");
import slim = require("actionplan/slim");
import wasm = require("actionplan/wasm");
slim.initSync(wasm);
slim.initSync(wasm.default);
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
  const out = run(node, [path.join(tools, "@arethetypeswrong/cli/dist/index.js"), tarball, "--format", "table-flipped"], { cwd: work, env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" } });
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
    const { before, ...slim } = await page.evaluate(() => globalThis.__slim);
    assert.equal(slim.failed, undefined, `${url}: ${slim.failed}`);
    assert.deepEqual(slim, expected().lean);
    return { before };
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

// Every Vite major still in use: the dependency optimiser of the dev server (esbuild up to 7,
// Rolldown in 8) is where a package that locates its .wasm by URL breaks.
const VITES = [["Vite 8", "vite/bin/vite.js"], ["Vite 7", "vite7/bin/vite.js"], ["Vite 6", "vite6/bin/vite.js"], ["Vite 5", "vite5/bin/vite.js"]];
for (const [name, vite] of VITES) {
  const bin = path.join(tools, vite);
  const id = name.replace(" ", "").toLowerCase();
  test(`${name}: dev server and build, no configuration`, async () => {
    // Its own project: the dependency optimiser's cache (node_modules/.vite) is per project.
    const dir = path.join(freshProject(id), "app");
    const version = JSON.parse(readFileSync(path.join(path.dirname(bin), "../package.json"), "utf8")).version;
    assert.equal(version.split(".")[0], name.split(" ")[1], `${vite} is ${name}`);
    await viteBoth(name, bin, dir, async (base) => checkPage(await pageResult(`${base}/`)));
  });

  test(`${name}: the slim entry given import("actionplan/wasm"), a chunk of its own`, async () => {
    // A page with only the slim entry (with the full one too they would share the module).
    const dir = path.join(freshProject(`${id}-slim`), "app");
    writeFileSync(path.join(dir, "main.js"), slimPage);
    await viteBoth(name, bin, dir, async (base, mode) => {
      const { before } = await checkSlim(`${base}/`);
      assert.equal(before, "NotStartedError");
      if (mode === "build") assertOwnChunk(path.join(dir, "dist/assets"));
    });
  });
}

/** The page of the slim tests: the module comes when init asks for it. */
// (No top-level await: Vite 5 and 6 build for browsers without it.)
const slimPage = `import * as slim from "actionplan/slim";
import { check } from "./check.js";
(async () => {
  let before;
  try { slim.parsePlan("a"); } catch (e) { before = e.name; }
  await slim.init(import("actionplan/wasm"));
  globalThis.__slim = { ...(await check(slim, null, null)), before };
})().catch((e) => (globalThis.__slim = { failed: String(e && e.stack ? e.stack : e) }));
`;

/** The module is in a chunk of its own, not in the page's script. */
function assertOwnChunk(dir) {
  const js = readdirSync(dir).filter((f) => f.endsWith(".js"));
  const withModule = js.filter((f) => readFileSync(path.join(dir, f), "latin1").includes("AGFzbQEA"));
  assert.equal(withModule.length, 1, `the module in one chunk: ${js.join(", ")}`);
  assert.ok(js.length >= 2, `a chunk apart from the page's script: ${js.join(", ")}`);
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

test("esbuild --splitting: the slim entry with the module in a chunk of its own", async () => {
  const dir = app("esbuild-slim");
  writeFileSync(path.join(dir, "main.js"), slimPage);
  const esbuild = path.join(tools, "esbuild/bin/esbuild");
  run(esbuild, ["main.js", "--bundle", "--format=esm", "--splitting", "--platform=browser", "--outdir=out", "--log-level=warning"], { cwd: dir });
  cpSync(path.join(dir, "index.html"), path.join(dir, "out/index.html"));
  assertOwnChunk(path.join(dir, "out"));
  const server = await serveDir(path.join(dir, "out"));
  try {
    assert.equal((await checkSlim(`${server.base}/`)).before, "NotStartedError");
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

test("a plain page with an import map; the slim entry given import() or a .wasm file's URL", async () => {
  const dir = app("plain");
  const lib = "/node_modules/actionplan/dist";
  const importMap = `<script type="importmap">${JSON.stringify({ imports: { actionplan: `${lib}/index.js`, "actionplan/office": `${lib}/office.js`, "actionplan/slim": `${lib}/slim.js`, "actionplan/wasm": `${lib}/wasm.js` } })}</script>`;
  writeFileSync(path.join(dir, "index.html"), `<!DOCTYPE html><meta charset="utf-8">\n${importMap}\n<script type="module" src="./main.js"></script>\n`);
  // The slim entry on pages of their own (with the full entry they would share the module):
  // given the module by import(), and the file that `npx actionplan-wasm` writes by its URL.
  run("npx", ["--no-install", "actionplan-wasm", "plain/wasm"], { cwd: project });
  writeFileSync(path.join(dir, "slim.html"), `<!DOCTYPE html><meta charset="utf-8">\n${importMap}\n<script type="module" src="./main-slim.js"></script>\n`);
  writeFileSync(path.join(dir, "main-slim.js"), slimPage);
  writeFileSync(path.join(dir, "slim-url.html"), `<!DOCTYPE html><meta charset="utf-8">\n${importMap}\n<script type="module" src="./main-slim-url.js"></script>\n`);
  writeFileSync(path.join(dir, "main-slim-url.js"), slimPage.replace('import("actionplan/wasm")', 'new URL("./wasm/actionplan.wasm", import.meta.url)'));
  // Module workers have no import map: the worker names the file.
  writeFileSync(path.join(dir, "worker.js"), readFileSync(path.join(dir, "worker.js"), "utf8").replace('"actionplan"', `"${lib}/index.js"`));
  const server = await serveDir(project);
  try {
    checkPage(await pageResult(`${server.base}/plain/`));
    assert.equal((await checkSlim(`${server.base}/plain/slim.html`)).before, "NotStartedError");
    assert.equal((await checkSlim(`${server.base}/plain/slim-url.html`)).before, "NotStartedError");
  } finally {
    await server.close();
  }
});

#!/usr/bin/env node
// Budgets of the WebAssembly package, measured:
//   1. the .wasm after wasm-opt: raw and gzip bytes (budget: scripts/wasm-budget.mjs);
//   2. parse + assess + stats of a 10,000-action CSV in headless Chromium (budget: 150 ms),
//      in the page's main thread and in a Web Worker;
//   3. the same work in wasm against native Rust on the same file (budget: within 2.5x);
//   4. the demo page end to end on that file: time to results, and the longest main-thread
//      task while the worker works (the page must not freeze); then its table of all actions:
//      how long a search, a filter, a sort and a page change take to show (budget: 200 ms).
// Writes target/bench-wasm.json and prints a table. Needs scripts/build-wasm.sh first.
//
//   node scripts/bench-wasm.mjs [--actions 10000] [--runs 15]
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { LEAN_GZIP_BUDGET } from "./wasm-budget.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const at = (rel) => path.join(root, rel);
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const ACTIONS = arg("actions", 10_000);
const RUNS = arg("runs", 15);
const AS_OF = "2025-03-31";
const PLAN_DATE = "2024-06-01";

// ---- a deterministic 10,000-action tracker, shaped like the real ones ----------------------

function makePlan(n) {
  let seed = 20250331;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const dues = ["March 2025", "Mar-25", "Q3 2024/25", "Q4 2024/25", "Summer 2025", "Autumn 2024",
    "31/12/2024", "2025-06-30", "September 2025", "2024/25", "Ongoing", "Spring 2026", "Dec-24",
    "January/February 2025", "From 1 April 2025", "TBC", "Early 2026", "June 2025"];
  const owners = ["Chief Executive", "Director - Resources", "Head of Legal & Democratic Services",
    "Head of HR / Head of Finance", "Corporate Director (Place)", "Monitoring Officer",
    "Head of Planning", "Communications Manager", "Leader/\nDeputy Leader", "ALL"];
  const statuses = ["Complete", "In progress", "In progress", "Not started", "On hold", "", "Completed"];
  const rags = ["Green", "Amber", "Red", "Complete", "", "Within target", "At risk"];
  const esc = (s) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const lines = ["Council Improvement Plan 2024-26 (synthetic benchmark)",
    "Ref,Recommendation,Action,Owner,Due date,Status,RAG,Progress comments for 2024/25 Q4"];
  const perRec = 10;
  for (let i = 0; i < n; i++) {
    const rec = Math.floor(i / perRec) + 1;
    const first = i % perRec === 0;
    const row = [
      `CPC${String(i + 1).padStart(5, "0")}`,
      first ? `${rec}. Strengthen the council's approach to area ${rec}, with clear priorities and measures` : "",
      `Action ${i + 1}: review, agree and publish the delivery arrangements for workstream ${rec}.${i % 7}, reporting to Cabinet`,
      first || rnd() < 0.5 ? pick(owners) : "",
      pick(dues),
      pick(statuses),
      pick(rags),
      rnd() < 0.6 ? `Update ${i + 1}: work is under way; a report went to Overview & Scrutiny in ${pick(["January", "February", "March"])} 2025.` : "",
    ];
    lines.push(row.map(esc).join(","));
  }
  return lines.join("\n") + "\n";
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// ---- the work, as the page and a web developer would call it -------------------------------

// The same function runs in Node, in the page and in a worker (it is sent as source text).
// work: parse, then assess (rating every action and handing the assessment to JS as a plain
// object, whose `actions` and `findings` are converted when first read), then stats (from the
// same assessment; its `groups` and `overdue` are converted when first read too). read:
// reading those four members (the 10,000 rated actions, findings, per-recommendation figures
// and overdue list made into JS objects), timed apart and added in `work_read`. lean: what the
// demo page does, parse then stats, reading the groups and the overdue list it shows (rating
// inside, the rated actions not converted). validate apart.
function work(ap, bytes, asOf, planDate, runs) {
  const steps = { parse: [], assess: [], read: [], stats: [], work: [], work_read: [], lean: [], validate: [] };
  let actions = 0;
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    let plan = ap.parsePlan(bytes, { planDate });
    const t1 = performance.now();
    const a = plan.assess({ asOf, rules: "date-rag" });
    const t2 = performance.now();
    if (a.actions.length + a.findings.length < 0) throw new Error("unreachable");
    const tr = performance.now();
    const s = plan.stats({ asOf, rules: "date-rag" });
    const ts = performance.now();
    if (s.groups.length + s.overdue.length < 0) throw new Error("unreachable");
    const tr2 = performance.now();
    plan.validate();
    const t4 = performance.now();
    actions = plan.actionCount;
    plan.free();
    const read = tr - t2 + (tr2 - ts);
    const done = t2 - t0 + (ts - tr);
    steps.parse.push(t1 - t0);
    steps.assess.push(t2 - t1);
    steps.read.push(read);
    steps.stats.push(ts - tr);
    steps.work.push(done);
    steps.work_read.push(done + read);
    steps.validate.push(t4 - tr2);
    t0 = performance.now();
    plan = ap.parsePlan(bytes, { planDate });
    const shown = plan.stats({ asOf, rules: "date-rag" });
    if (shown.groups.length + shown.overdue.length < 0) throw new Error("unreachable");
    steps.lean.push(performance.now() - t0);
    plan.free();
  }
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { actions, runs, ...Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, med(v)])) };
}

async function main() {
  const wasm = at("bindings-wasm/pkg/actionplan_wasm_bg.wasm");
  if (!existsSync(wasm)) throw new Error("run scripts/build-wasm.sh first");
  const out = { actions: ACTIONS, runs: RUNS, as_of: AS_OF };

  // 1. Size.
  const raw = readFileSync(wasm);
  out.size = { raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
  const officeWasm = at("bindings-wasm/pkg-office/actionplan_wasm_bg.wasm");
  if (existsSync(officeWasm)) {
    const full = readFileSync(officeWasm);
    out.size_office = { raw: full.length, gzip: gzipSync(full, { level: 9 }).length };
  }

  // The plan file.
  mkdirSync(at("target/bench-wasm"), { recursive: true });
  const csvPath = at(`target/bench-wasm/plan-${ACTIONS}.csv`);
  writeFileSync(csvPath, makePlan(ACTIONS));
  const bytes = new Uint8Array(readFileSync(csvPath));
  out.file = { path: path.relative(root, csvPath), bytes: bytes.length };

  // 2. Native Rust.
  execFileSync("cargo", ["build", "--quiet", "-j", "2", "--release", "-p", "actionplan-wasm", "--example", "bench_native"], { cwd: root, stdio: "inherit" });
  const native = execFileSync(at("target/release/examples/bench_native"), [csvPath, AS_OF, PLAN_DATE, String(RUNS)], { encoding: "utf8" });
  out.native = JSON.parse(native);

  // 3. Node (V8, the Node build).
  const ap = createRequire(import.meta.url)(at("bindings-wasm/pkg-node/actionplan_wasm.js"));
  work(ap, bytes, AS_OF, PLAN_DATE, 2); // warm up
  out.node = work(ap, bytes, AS_OF, PLAN_DATE, RUNS);

  // 4. Headless Chromium: main thread, a worker, and the demo page.
  const { chromium } = createRequire(at("tests/browser/package.json"))("playwright-core");
  const { serve } = await import(at("examples/web/serve.mjs"));
  const server = await serve(0);
  const base = `http://127.0.0.1:${server.address().port}`;
  const profile = mkdtempSync(path.join(tmpdir(), "actionplan-bench-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    // The bench evaluates its own timing code in the page, which the page's CSP would refuse.
    bypassCSP: true,
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await context.newPage();
    await page.goto(`${base}/examples/web/`);
    await page.getByText("Ready. Choose or drop a file.").waitFor({ timeout: 30_000 });
    const args = { url: `${base}/target/bench-wasm/plan-${ACTIONS}.csv`, pkg: `${base}/bindings-wasm/pkg/actionplan_wasm.js`, asOf: AS_OF, planDate: PLAN_DATE, runs: RUNS, work: work.toString() };
    out.chromium_main = await page.evaluate(async (a) => {
      const m = await import(a.pkg);
      await m.default();
      const bytes = new Uint8Array(await (await fetch(a.url)).arrayBuffer());
      const run = new Function(`return (${a.work})`)();
      run(m, bytes, a.asOf, a.planDate, 2);
      return run(m, bytes, a.asOf, a.planDate, a.runs);
    }, args);
    out.chromium_worker = await page.evaluate(async (a) => {
      const src = `import init, * as m from ${JSON.stringify(a.pkg)};
        const run = ${a.work};
        onmessage = async ({ data }) => { await init(); const bytes = new Uint8Array(await (await fetch(data.url)).arrayBuffer());
          run(m, bytes, data.asOf, data.planDate, 2); postMessage(run(m, bytes, data.asOf, data.planDate, data.runs)); };`;
      const w = new Worker(URL.createObjectURL(new Blob([src], { type: "text/javascript" })), { type: "module" });
      const result = await new Promise((resolve, reject) => { w.onmessage = (e) => resolve(e.data); w.onerror = reject; w.postMessage(a); });
      w.terminate();
      return result;
    }, args);

    // The page end to end: from choosing the file to the results on screen, with the longest
    // main-thread task seen meanwhile.
    await page.evaluate(() => {
      window.__long = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(e.duration))).observe({ type: "longtask" });
    });
    await page.fill("#as-of", AS_OF);
    await page.fill("#plan-date", PLAN_DATE);
    const t0 = Date.now();
    await page.setInputFiles("#file", csvPath);
    await page.getByText(/^Checked plan-/).waitFor({ timeout: 60_000 });
    const elapsed = Date.now() - t0;
    const longTasks = await page.evaluate(() => window.__long);
    out.page = { ms_to_results: elapsed, longest_main_thread_task_ms: Math.max(0, ...longTasks), long_tasks: longTasks.length, timing_line: await page.locator("#timing").textContent() };

    // The table of all actions on that plan: from the user's act to the new rows on screen
    // (the worker filters and sorts the 10,000 rows; the page gets 50). The search is timed
    // from the end of the 120 ms the page waits for typing to stop.
    await page.locator("#actions-count", { hasText: "Showing 1 to" }).waitFor({ timeout: 30_000 });
    const act = (a) => page.evaluate(async (a) => {
      const tbody = document.querySelector("#actions-table tbody");
      const done = new Promise((resolve) => new MutationObserver((_, o) => { o.disconnect(); resolve(performance.now()); }).observe(tbody, { childList: true }));
      const el = document.querySelector(a.selector);
      const t0 = performance.now();
      if (a.value != null) {
        el.value = a.value;
        el.dispatchEvent(new Event(a.event, { bubbles: true }));
      } else el.click();
      return (await done) - t0 - (a.wait ?? 0);
    }, a);
    const option = (id) => page.locator(`#${id} option`).nth(1).getAttribute("value");
    const steps = [
      ["search", { selector: "#action-search", value: "scrutiny", event: "input", wait: 120 }],
      ["filter by status", { selector: "#filter-status", value: await option("filter-status"), event: "change" }],
      ["filter by owner", { selector: "#filter-owner", value: await option("filter-owner"), event: "change" }],
      ["show all", { selector: "#clear-filters" }],
      ["sort by due date", { selector: 'th[data-sort="due"] button' }],
      ["sort by owner", { selector: 'th[data-sort="owner"] button' }],
      ["sort by action, descending", { selector: 'th[data-sort="description"] button', twice: true }],
      ["next page", { selector: "#page-next" }],
    ];
    out.table = {};
    for (const [name, a] of steps) {
      const times = [];
      for (let i = 0; i < 5; i++) {
        if (a.twice) await act(a);
        times.push(await act(a));
        if (a.value != null) await act({ ...a, value: a.event === "change" ? "*" : "", wait: a.wait });
      }
      out.table[name] = median(times);
    }
    await page.close();
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }

  out.ratio_wasm_to_native = {
    node: out.node.work / out.native.work,
    chromium_main: out.chromium_main.work / out.native.work,
    chromium_worker: out.chromium_worker.work / out.native.work,
    chromium_worker_lean: out.chromium_worker.lean / out.native.work,
    chromium_worker_read: out.chromium_worker.work_read / out.native.work,
  };
  out.load_average = (await import("node:os")).loadavg();
  out.budgets = {
    gzip_within_budget: out.size.gzip <= LEAN_GZIP_BUDGET,
    chromium_work_under_150ms: out.chromium_worker.work < 150,
    chromium_lean_under_150ms: out.chromium_worker.lean < 150,
    work_within_2_5x_native: out.ratio_wasm_to_native.chromium_worker <= 2.5,
    lean_within_2_5x_native: out.ratio_wasm_to_native.chromium_worker_lean <= 2.5,
    // Not the budget (native Rust converts nothing), shown so the lazy hand-over hides nothing.
    work_and_read_all_within_2_5x_native: out.ratio_wasm_to_native.chromium_worker_read <= 2.5,
    table_answers_under_200ms: Math.max(...Object.values(out.table)) < 200,
  };
  writeFileSync(at("target/bench-wasm.json"), JSON.stringify(out, null, 2) + "\n");

  const f = (x) => (typeof x === "number" ? x.toFixed(1) : String(x));
  console.log(`wasm size: ${out.size.raw} bytes raw (${(out.size.raw / 1024).toFixed(1)} KiB), ${out.size.gzip} bytes gzip -9 (${(out.size.gzip / 1024).toFixed(1)} KiB); budget ${LEAN_GZIP_BUDGET} bytes gzip`);
  if (out.size_office) {
    const d = out.size_office.gzip - out.size.gzip;
    console.log(`with Excel and Word reading and the tracker writer (pkg-office, fetched only for Office files): ${out.size_office.raw} bytes raw, ${out.size_office.gzip} bytes gzip (+${d} bytes gzip)`);
  }
  console.log(`file: ${out.file.path}, ${ACTIONS} actions, ${(out.file.bytes / 1024).toFixed(0)} KiB; median of ${RUNS} runs (ms); load average ${out.load_average.map((x) => x.toFixed(1)).join(" ")}`);
  console.log("work = parse + assess + stats (to JS; their large members converted when read); read = reading them all;");
  console.log("+read = work + read; lean = parse + stats with the groups and overdue list read (the page's path)");
  console.log("where             parse  assess   stats    work  x native    read   +read  x native    lean  x native  validate");
  for (const [k, r] of [["native Rust", out.native], ["Node (V8)", out.node], ["Chromium main", out.chromium_main], ["Chromium worker", out.chromium_worker]]) {
    const native = k === "native Rust";
    const lean = native ? r.work : r.lean;
    const read = native ? 0 : r.read;
    const all = native ? r.work : r.work_read;
    console.log(`${k.padEnd(16)} ${f(r.parse).padStart(6)} ${f(r.assess).padStart(7)} ${f(r.stats).padStart(7)} ${f(r.work).padStart(7)} ${f(r.work / out.native.work).padStart(9)} ${f(read).padStart(7)} ${f(all).padStart(7)} ${f(all / out.native.work).padStart(9)} ${f(lean).padStart(7)} ${f(lean / out.native.work).padStart(9)} ${f(r.validate).padStart(9)}`);
  }
  console.log(`page: results on screen ${out.page.ms_to_results} ms after choosing the file; longest main-thread task ${f(out.page.longest_main_thread_task_ms)} ms (${out.page.long_tasks} over 50 ms)`);
  console.log(`table of all actions (${ACTIONS} actions, median of 5, ms to the new rows on screen): ${Object.entries(out.table).map(([k, v]) => `${k} ${f(v)}`).join("; ")}`);
  console.log(`budgets: ${JSON.stringify(out.budgets)}`);
  console.log("wrote target/bench-wasm.json");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

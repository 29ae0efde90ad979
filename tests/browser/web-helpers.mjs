// Shared by the browser tests of the web page (examples/web): a fresh Chromium profile, the
// example server, a page that refuses anything not from that server, a generated plan, axe-core,
// and the folder the screenshots are kept in (out/screenshots/, ignored by git).
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "../../examples/web/serve.mjs";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const at = (rel) => path.join(root, rel);
export const SHOTS = at("out/screenshots");

/** The plan most tests load, with the dates of its golden outputs. */
export const HERTSMERE = { file: "examples/data/hertsmere-2024.csv", planDate: "2024-12-01", asOf: "2025-06-30", golden: "tests/golden/hertsmere-2024" };

/** Start the server and a headless Chromium with a fresh profile. */
export async function launch({ width = 1280, height = 900, colorScheme = "light" } = {}) {
  assert.ok(existsSync(at("bindings-wasm/pkg/actionplan_wasm_bg.wasm")), "run scripts/build-wasm.sh first");
  const server = await serve(0);
  const base = `http://127.0.0.1:${server.address().port}`;
  const profile = mkdtempSync(path.join(tmpdir(), "actionplan-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    viewport: { width, height },
    colorScheme,
    locale: "en-GB",
    args: ["--lang=en-GB", "--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const outside = [];
  const errors = [];
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === "data:" || url.protocol === "blob:" || url.host === new URL(base).host) return route.continue();
    outside.push(url.href);
    return route.abort();
  });
  return {
    base, context, outside, errors,
    /** A new tab on the page, ready for a file. */
    async open() {
      const page = await context.newPage();
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      await page.goto(`${base}/examples/web/`);
      await page.getByText("Ready. Choose or drop a file.").waitFor({ timeout: 30_000 });
      return page;
    },
    async close() {
      await context.close();
      await new Promise((r) => server.close(r));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Load the Hertsmere plan with its golden dates through the file input. */
export async function loadHertsmere(page) {
  await page.fill("#as-of", HERTSMERE.asOf);
  await page.fill("#plan-date", HERTSMERE.planDate);
  await page.setInputFiles("#file", at(HERTSMERE.file));
  await page.getByText(/^Checked hertsmere-2024\.csv/).waitFor({ timeout: 30_000 });
}

/** A generated plan of `n` actions in n/10 recommendations, with owners, statuses, dues, themes. */
export function bigPlan(n = 10_000) {
  const lines = ["Ref,Theme,Recommendation,Action,Owner,Due date,Status,RAG,Progress update"];
  const dues = ["March 2025", "Q3 2024/25", "Summer 2025", "Ongoing", "31/12/2024", "2025-06-30"];
  const statuses = ["Complete", "In progress", "Not started", ""];
  const owners = ["Head of Service", "Chief Executive", "Director of Place", "Head of Finance", ""];
  const themes = ["Place", "People", "Resources"];
  for (let i = 0; i < n; i++) {
    const rec = Math.floor(i / 10) + 1;
    lines.push([`A${i + 1}`, themes[rec % 3], i % 10 === 0 ? `${rec}. Recommendation ${rec}` : "", `Action ${i + 1} on topic-${i % 97}`,
      owners[i % owners.length], dues[i % dues.length], statuses[i % statuses.length], "", i % 3 ? `Update ${i}` : ""].join(","));
  }
  return Buffer.from(lines.join("\n") + "\n");
}

/** A screenshot kept in out/screenshots/ (the path is printed). */
export async function screenshot(page, name, options = {}) {
  mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, name);
  await page.screenshot({ path: file, fullPage: true, ...options });
  console.log(`screenshot: ${path.relative(root, file)}`);
  return file;
}

/** Run axe-core (served from this folder's node_modules by the same server, so the page's
 *  content security policy allows it) and return its violations, each as "rule: targets". */
export async function axeViolations(page, options = {}) {
  const loaded = await page.evaluate(() => typeof window.axe !== "undefined");
  if (!loaded) await page.addScriptTag({ url: "/tests/browser/node_modules/axe-core/axe.min.js" });
  const result = await page.evaluate((opts) => window.axe.run(document, { resultTypes: ["violations"], ...opts }), options);
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 5).map((n) => n.target.join(" ")).join(" | ")}`);
}

/** The page is no wider than the window: nothing makes it scroll sideways. */
export async function horizontalOverflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5 && el.offsetParent !== null)
      .filter((el) => !el.closest(".visually-hidden, [hidden]"))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${el.className}`);
    return { scrollWidth: document.documentElement.scrollWidth, width, wide };
  });
}

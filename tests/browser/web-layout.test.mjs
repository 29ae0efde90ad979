// The web page at phone width (390 px) and at 1280 px, light and dark: no sideways scrolling,
// tables as cards on a phone, chart words at least 11 px, axe-core with zero violations on a
// loaded plan (colour contrast included, in the dark scheme too), screenshots kept in
// out/screenshots/; and the example server sends the page's files compressed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import zlib from "node:zlib";
import { readFileSync } from "node:fs";
import { launch, loadHertsmere, screenshot, axeViolations, horizontalOverflow, at } from "./web-helpers.mjs";
import { serve, chooseEncoding } from "../../examples/web/serve.mjs";

let web;
before(async () => { web = await launch(); });
after(async () => { await web?.close(); });

/** Load a plan with findings, open an action, and choose every finding. */
async function loaded(page) {
  await loadHertsmere(page);
  await page.locator("#actions-count", { hasText: "of 26 actions" }).waitFor();
  await page.locator("#actions-table button[data-action]").first().click();
  await page.locator("#actions-table tr.detail:not([hidden]) dl").waitFor();
}

/** Rendered size in px of the chart's smallest word. */
const smallestChartText = (page) => page.evaluate(() => {
  const svg = document.querySelector("#chart svg");
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return Math.min(...[...svg.querySelectorAll("text")].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale));
});

for (const width of [390, 1280]) {
  for (const scheme of ["light", "dark"]) {
    test(`${width} px, ${scheme}: no sideways scrolling, readable chart, zero axe violations`, async () => {
      const page = await web.open();
      await page.setViewportSize({ width, height: 844 });
      await page.emulateMedia({ colorScheme: scheme });
      await loaded(page);
      // A long error message and long option names must not widen the page either.
      const overflow = await horizontalOverflow(page);
      assert.ok(overflow.scrollWidth <= width, `the page is ${overflow.scrollWidth} px wide in a ${width} px window: ${overflow.wide.join(", ")}`);
      assert.ok(await smallestChartText(page) >= 11, `chart words are ${(await smallestChartText(page)).toFixed(1)} px`);
      if (width === 390) {
        // Tables as cards: each row a block with its cells named.
        for (const table of ["#recs", "#overdue-table", "#findings-table", "#actions-table"]) {
          assert.equal(await page.locator(`${table} tbody tr`).first().evaluate((tr) => getComputedStyle(tr).display), "block", table);
        }
        const label = await page.locator("#recs tbody td").first().evaluate((td) => getComputedStyle(td, "::before").content);
        assert.equal(label, '"Recommendation"');
      }
      const shot = await screenshot(page, `page-${width}-${scheme}.png`);
      assert.ok(readFileSync(shot).length > 10_000);
      const violations = await axeViolations(page);
      assert.deepEqual(violations, []);
      await page.close();
    });
  }
}

test("390 px: the settings, the error box and the help texts fit", async () => {
  const page = await web.open();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.fill("#as-of", "");
  await page.setInputFiles("#file", { name: "a-very-long-file-name-for-a-tracker-exported-from-the-performance-system-2024-25-quarter-4.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from([0, 1, 2, 3, 4]) });
  await page.locator("#error").waitFor();
  const overflow = await horizontalOverflow(page);
  assert.ok(overflow.scrollWidth <= 390, `${overflow.scrollWidth} px: ${overflow.wide.join(", ")}`);
  // The help text under each setting is not cut: each ends inside the window.
  const cut = await page.locator(".field small").evaluateAll((els) => els.filter((e) => e.offsetParent && e.getBoundingClientRect().right > 390).map((e) => e.id || e.textContent));
  assert.deepEqual(cut, []);
  await screenshot(page, "page-390-error.png");
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test("axe-core does find a violation when there is one", async () => {
  // The audit must be able to fail: two regions with the same name (what the scrolling tables
  // once had) and grey-on-grey text in the dark scheme.
  const page = await web.open();
  await page.emulateMedia({ colorScheme: "dark" });
  await page.evaluate(() => {
    const main = document.querySelector("main");
    for (let i = 0; i < 2; i++) main.append(Object.assign(document.createElement("section"), { ariaLabel: "Your plan", textContent: "x" }));
    const p = Object.assign(document.createElement("p"), { textContent: "faint words" });
    p.style.color = "#333";
    main.append(p);
  });
  const ids = (await axeViolations(page)).map((v) => v.split(" ")[0]);
  assert.ok(ids.includes("landmark-unique"), ids.join(", "));
  assert.ok(ids.includes("color-contrast"), ids.join(", "));
  await page.close();
});

test("the overflow check fails on a page wider than the window", async () => {
  // The check must be able to fail: widen the page on purpose.
  const page = await web.open();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => { document.querySelector("footer").style.width = "600px"; });
  const overflow = await horizontalOverflow(page);
  assert.ok(overflow.scrollWidth > 390, `${overflow.scrollWidth}`);
  await page.close();
});

test("the page's files come compressed from the example server", async () => {
  const page = await web.open();
  const encodings = {};
  page.on("response", (r) => {
    const p = new URL(r.url()).pathname;
    encodings[p.split("/").pop()] = { encoding: r.headers()["content-encoding"], vary: r.headers()["vary"] };
  });
  await page.reload();
  await page.getByText("Ready. Choose or drop a file.").waitFor();
  for (const f of ["app.js", "style.css", "worker.js", "actionplan_wasm_bg.wasm"]) {
    assert.ok(["br", "gzip"].includes(encodings[f]?.encoding), `${f}: ${JSON.stringify(encodings[f])}`);
    assert.match(encodings[f].vary, /accept-encoding/i);
  }
  await page.close();
});

test("the server compresses with Brotli or gzip as asked, and sends the same bytes", async () => {
  const server = await serve(0);
  const get = (p, accept) => new Promise((resolve, reject) => {
    const headers = accept == null ? {} : { "accept-encoding": accept };
    http.get({ host: "127.0.0.1", port: server.address().port, path: p, headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on("error", reject);
  });
  try {
    const file = readFileSync(at("examples/web/app.js"));
    const br = await get("/examples/web/app.js", "gzip, deflate, br");
    assert.equal(br.headers["content-encoding"], "br");
    assert.equal(br.headers.vary, "Accept-Encoding");
    assert.ok(br.body.length < file.length / 2, `${br.body.length} of ${file.length}`);
    assert.deepEqual(zlib.brotliDecompressSync(br.body), file);
    const gz = await get("/examples/web/app.js", "gzip");
    assert.equal(gz.headers["content-encoding"], "gzip");
    assert.deepEqual(zlib.gunzipSync(gz.body), file);
    const plain = await get("/examples/web/app.js", null);
    assert.equal(plain.headers["content-encoding"], undefined);
    assert.equal(plain.headers.vary, "Accept-Encoding");
    assert.deepEqual(plain.body, file);
    const refused = await get("/examples/web/app.js", "br;q=0, gzip;q=0");
    assert.equal(refused.headers["content-encoding"], undefined);
    const wasm = await get("/bindings-wasm/pkg/actionplan_wasm_bg.wasm", "br");
    assert.equal(wasm.headers["content-type"], "application/wasm");
    assert.deepEqual(zlib.brotliDecompressSync(wasm.body), readFileSync(at("bindings-wasm/pkg/actionplan_wasm_bg.wasm")));
  } finally {
    await new Promise((r) => server.close(r));
  }
  assert.equal(chooseEncoding("gzip, deflate, br, zstd"), "br");
  assert.equal(chooseEncoding("gzip;q=1.0, identity; q=0.5"), "gzip");
  assert.equal(chooseEncoding("*"), "br");
  assert.equal(chooseEncoding(""), null);
});

test("nothing from outside, no errors", () => {
  assert.deepEqual(web.outside, []);
  assert.deepEqual(web.errors, []);
});

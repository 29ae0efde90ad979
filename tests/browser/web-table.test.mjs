// The table of all actions on the web page: search, the five filters, sortable columns with
// aria-sort, a row that opens with the action's reason, comments, due-date reading and source
// row, all from the keyboard; and a 10,000-action plan shown a page at a time.
// (How fast it answers at 10,000 actions is measured by scripts/bench-wasm.mjs.)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { launch, loadHertsmere, bigPlan, screenshot, at, HERTSMERE } from "./web-helpers.mjs";

let web;
before(async () => { web = await launch(); });
after(async () => { await web?.close(); });

const assessment = JSON.parse(readFileSync(at(`${HERTSMERE.golden}/date-rag.json`), "utf8"));
const stats = JSON.parse(readFileSync(at(`${HERTSMERE.golden}/stats.json`), "utf8"));
const count = (page) => page.locator("#actions-count").textContent();
const bodyRows = (page) => page.locator("#actions-table tbody tr:not(.detail)");
const column = (page, i) => bodyRows(page).evaluateAll((rows, i) => rows.map((r) => r.cells[i].textContent), i);
const waitCount = (page, re) => page.locator("#actions-count", { hasText: re }).waitFor({ timeout: 20_000 });
/** Do something to the table and wait for the page of rows it leads to. */
async function then(page, act) {
  const shown = Number(await page.locator("#actions-table").getAttribute("data-shown"));
  await act();
  await page.waitForFunction((n) => Number(document.querySelector("#actions-table").dataset.shown) > n, shown, { timeout: 20_000 });
}

test("every action is listed, not only the overdue ones", async () => {
  const page = await web.open();
  await loadHertsmere(page);
  await waitCount(page, /^Showing 1 to 26 of 26 actions\.$/);
  assert.equal(await bodyRows(page).count(), 26);
  // Plan order: the refs of the golden assessment.
  const refs = (await column(page, 0)).map((t) => t.replace(/^Details of /, ""));
  assert.deepEqual(refs, assessment.actions.map((a) => a.ref));
  // Each row's rating is the golden one.
  const ratings = await column(page, 6);
  const names = Object.fromEntries(assessment.scale.labels.map((l) => [l.id, l.name]));
  assert.deepEqual(ratings, assessment.actions.map((a) => names[a.rating] ?? "—"));
  await page.close();
});

test("the filters narrow the list to what they name", async () => {
  const page = await web.open();
  await loadHertsmere(page);
  const red = stats.plan.by_rating.find((s) => s.key === "red").count;
  await page.selectOption("#filter-rating", "red");
  await waitCount(page, new RegExp(`of ${red} matching actions \\(26 in the plan\\)`));
  assert.deepEqual(new Set(await column(page, 6)), new Set(["Red"]));

  // Owner: every row shown names the owner chosen.
  const owner = await page.locator("#filter-owner option").nth(1).getAttribute("value");
  await then(page, () => page.selectOption("#filter-rating", "*"));
  await then(page, () => page.selectOption("#filter-owner", owner));
  await waitCount(page, /matching action/);
  for (const o of await column(page, 3)) assert.ok(o.includes(owner), `${o} does not name ${owner}`);

  // Recommendation 3: the golden actions of recommendation 3.
  await page.click("#clear-filters");
  await waitCount(page, /of 26 actions\.$/);
  await page.selectOption("#filter-rec", "3");
  const inRec = assessment.actions.filter((a) => a.recommendation === "3");
  await waitCount(page, new RegExp(`of ${inRec.length} matching action`));
  assert.deepEqual(await column(page, 1), inRec.map(() => "3"));

  // Status: the only status of this plan.
  assert.deepEqual(await page.locator("#filter-status option").allTextContents(), ["any status", "No status"]);
  // No themes in this plan: the theme filter is not offered.
  assert.ok(await page.locator("#theme-field").isHidden());

  // Search: words from one action's description.
  await then(page, () => page.click("#clear-filters"));
  await then(page, () => page.fill("#action-search", "independent member"));
  await waitCount(page, /of 1 matching action /);
  assert.match((await column(page, 2))[0], /independent member on Audit Committee/);
  await page.fill("#action-search", "zzz-no-such-words");
  await waitCount(page, /^No action matches/);
  await page.close();
});

test("the columns sort, and say so with aria-sort", async () => {
  const page = await web.open();
  await loadHertsmere(page);
  await waitCount(page, /of 26 actions/);
  const sorted = (page) => page.locator("#actions-table th[aria-sort]").evaluateAll((ths) => ths.map((t) => [t.dataset.sort, t.getAttribute("aria-sort")]));
  assert.deepEqual(await sorted(page), [["ref", "ascending"]]);

  // Rating, from the keyboard: Tab to the button and press Enter.
  await page.locator('th[data-sort="rating"] button').focus();
  await then(page, () => page.keyboard.press("Enter"));
  await page.locator('th[data-sort="rating"][aria-sort="ascending"]').waitFor();
  assert.deepEqual(await sorted(page), [["rating", "ascending"]]);
  const order = assessment.scale.labels.map((l) => l.name);
  // Not rated ("—", rank -1) goes last either way; the rated ones in scale order.
  const lastUnrated = (r) => r.indexOf(-1) === -1 || r.slice(r.indexOf(-1)).every((x) => x === -1);
  const ranks = (await column(page, 6)).map((n) => order.indexOf(n));
  assert.ok(lastUnrated(ranks));
  const rankedUp = ranks.filter((r) => r >= 0);
  assert.deepEqual(rankedUp, [...rankedUp].sort((a, b) => a - b));
  await then(page, () => page.keyboard.press("Enter"));
  await page.locator('th[data-sort="rating"][aria-sort="descending"]').waitFor();
  const down = (await column(page, 6)).map((n) => order.indexOf(n));
  assert.ok(lastUnrated(down));
  const rankedDown = down.filter((r) => r >= 0);
  assert.deepEqual(rankedDown, [...rankedDown].sort((a, b) => b - a));

  // Due: by the deadline the rating uses (the golden facts), earliest first.
  await then(page, () => page.click('th[data-sort="due"] button'));
  await page.locator('th[data-sort="due"][aria-sort="ascending"]').waitFor();
  const due = Object.fromEntries(assessment.actions.map((a) => [a.ref, a.facts.due ?? "9999"]));
  const dues = (await column(page, 0)).map((t) => due[t.replace(/^Details of /, "")]);
  assert.deepEqual(dues, [...dues].sort());
  await page.close();
});

test("a row opens with the reason, comments, due-date reading and source row", async () => {
  const page = await web.open();
  await loadHertsmere(page);
  await waitCount(page, /of 26 actions/);
  const golden = assessment.actions.find((a) => a.ref === "R3.2");
  const button = page.locator('#actions-table button[data-action]', { hasText: "R3.2" });
  assert.equal(await button.getAttribute("aria-expanded"), "false");
  // From the keyboard.
  await button.focus();
  await page.keyboard.press("Enter");
  const detail = page.locator(`#${await button.getAttribute("aria-controls")}`);
  await detail.getByText(golden.reason.text, { exact: true }).waitFor();
  assert.equal(await button.getAttribute("aria-expanded"), "true");
  const text = await detail.textContent();
  assert.match(text, /Why this rating/);
  assert.match(text, /Due, as written/);
  assert.match(text, /Read as(By|Any day from) \d{1,2} [A-Z][a-z]+ \d{4}/);
  assert.match(text, /Comments/);
  assert.match(text, /In your fileRow \d+ of hertsmere-2024\.csv/);
  // The row number is the one the findings and the source use: the action's own row.
  const row = Number(text.match(/Row (\d+) of/)[1]);
  const source = readFileSync(at(HERTSMERE.file), "utf8");
  assert.ok(row > 2 && row < source.split("\n").length, `row ${row}`);
  await screenshot(page, "actions-table-open.png");
  // And it closes again.
  await page.keyboard.press("Enter");
  await detail.waitFor({ state: "hidden" });
  assert.equal(await button.getAttribute("aria-expanded"), "false");
  await page.close();
});

test("a 10,000-action plan is shown a page at a time and answers its filters", async () => {
  const page = await web.open();
  await page.fill("#as-of", "2025-03-31");
  await page.setInputFiles("#file", { name: "big.csv", mimeType: "text/csv", buffer: bigPlan(10_000) });
  await page.getByText(/^Checked big\.csv/).waitFor({ timeout: 60_000 });
  await waitCount(page, /^Showing 1 to 50 of 10,000 actions\.$/);
  assert.equal(await bodyRows(page).count(), 50);
  assert.equal(await page.locator("#page-of").textContent(), "Page 1 of 200");
  await then(page, () => page.click("#page-next"));
  await waitCount(page, /^Showing 51 to 100 of 10,000 actions\.$/);
  // The theme filter is offered for a plan with themes.
  assert.ok(await page.locator("#theme-field").isVisible());
  await then(page, () => page.selectOption("#filter-theme", "Place"));
  await waitCount(page, /matching actions \(10,000 in the plan\)/);
  await then(page, () => page.selectOption("#filter-status", "complete"));
  await then(page, () => page.fill("#action-search", "topic-42"));
  await waitCount(page, /matching action/);
  assert.ok(await bodyRows(page).count() > 0);
  for (const s of await column(page, 5)) assert.equal(s, "Complete");
  for (const d of await column(page, 2)) assert.match(d, /topic-42$/);
  await then(page, () => page.click('th[data-sort="owner"] button'));
  await page.locator('th[data-sort="owner"][aria-sort="ascending"]').waitFor();
  const owners = await column(page, 3);
  assert.deepEqual(owners, [...owners].sort((a, b) => (a === "—") - (b === "—") || a.localeCompare(b, "en-GB")));
  await page.close();
});

test("nothing from outside, no errors", () => {
  assert.deepEqual(web.outside, []);
  assert.deepEqual(web.errors, []);
});

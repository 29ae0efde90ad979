// "Collect updates from owners" on the web page, entirely in the browser: one workbook per
// owner made from an example plan (each a real workbook that reads back with that owner's
// actions), the untouched workbooks read back as no change, the owners' edited workbooks
// (tests/fixtures/owners/returned, edited with openpyxl as an owner would in Excel) previewed as
// exactly their edits and problems, the next version downloaded (the workbook the command line's
// `merge -o next.xlsx` writes) and checked on the page; keyboard use, axe-core with zero
// violations in each state, and no sideways scrolling at 390 px.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { launch, loadHertsmere, axeViolations, horizontalOverflow, at, SHOTS, HERTSMERE } from "./web-helpers.mjs";

// The Node build of the same library, to read what the page saves.
const ap = createRequire(import.meta.url)("../../bindings-wasm/pkg-node/actionplan_wasm.js");

let web;
before(async () => { web = await launch(); });
after(async () => { await web?.close(); });

const FIXTURES = "tests/fixtures/owners";
const RETURNED = ["Chief-Finance-Officer.xlsx", "Democratic-Services.xlsx", "Head-of-Legal.xlsx", "Unassigned.xlsx"];
const returnedPaths = () => RETURNED.map((f) => at(`${FIXTURES}/returned/${f}`));
const isXlsx = (b) => b.length > 100 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** Load the plan the fixtures were made from (as the Rust, Python and Node tests read it). */
async function loadOwnersPlan(page) {
  await page.fill("#plan-date", "2024-12-01");
  await page.fill("#as-of", "2025-06-30");
  await page.setInputFiles("#file", at(`${FIXTURES}/plan.csv`));
  await page.getByText(/^Checked plan\.csv: 5 actions/).waitFor({ timeout: 30_000 });
}

async function makeWorkbooks(page) {
  await page.click("#owners-make");
  await page.locator("#owners-books-table").waitFor({ timeout: 60_000 });
}

/** The rows of a table as arrays of cell texts. */
const rows = (page, table) => page.locator(`${table} tbody tr`).evaluateAll((trs) =>
  trs.map((tr) => [...tr.cells].map((c) => c.innerText.replace(/\s+/g, " ").trim())));

/** Save a link's file through the browser's own download, and return its bytes. */
async function downloaded(page, click) {
  const [dl] = await Promise.all([page.waitForEvent("download", { timeout: 30_000 }), click()]);
  return { name: dl.suggestedFilename(), bytes: readFileSync(await dl.path()) };
}

async function readReturned(page, files, summary) {
  await page.setInputFiles("#owners-returned", files);
  await page.locator("#owners-summary", { hasText: summary }).waitFor({ timeout: 60_000 });
}

test("an example plan gives one real workbook per owner, each with that owner's actions", async () => {
  const page = await web.open();
  await loadHertsmere(page);
  // The owners as the library finds them (owners split on "/", one workbook each).
  const expected = ap.ownerGroups(ap.parsePlan(readFileSync(at(HERTSMERE.file)), { planDate: HERTSMERE.planDate }));
  assert.equal(expected.length, 13);
  // From the keyboard: the button takes Enter.
  await page.focus("#owners-make");
  await page.keyboard.press("Enter");
  await page.locator("#owners-books-table").waitFor({ timeout: 60_000 });
  assert.equal(await page.locator("#owners-books-status").textContent(),
    "13 workbooks made: one for each of 13 owners. Save them and send each owner theirs.");
  assert.deepEqual(await rows(page, "#owners-books-table"), expected.map((g) => [g.owner, String(g.actions), g.file_name]));
  assert.equal(await page.locator("#owners-all").textContent(), "Download all 13 workbooks");

  // A link saves its workbook.
  const first = await downloaded(page, () => page.locator("#owners-books-table a[data-workbook]").first().click());
  assert.equal(first.name, expected[0].file_name);
  // "Download all" saves every one, in turn; each is a workbook that reads back as that
  // owner's actions.
  const downloads = [];
  page.on("download", (d) => downloads.push(d));
  await page.click("#owners-all");
  const deadline = Date.now() + 30_000;
  while (downloads.length < expected.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  assert.deepEqual(downloads.map((d) => d.suggestedFilename()), expected.map((g) => g.file_name));
  const saved = {};
  for (const [i, d] of downloads.entries()) {
    const name = d.suggestedFilename();
    const bytes = readFileSync(await d.path());
    assert.ok(isXlsx(bytes), `${name} is not a workbook`);
    assert.deepEqual(ap.sheetNames(bytes), ["Instructions", "Your actions", "Lists", "About this file"]);
    const back = ap.parsePlan(bytes);
    assert.equal(back.actionCount, expected[i].actions, name);
    for (const a of back.toJSON().recommendations.flatMap((r) => r.actions)) {
      assert.ok(a.owner.toLowerCase().includes(expected[i].owner.toLowerCase()), `${a.owner} in ${name}`);
    }
    saved[name] = bytes;
  }
  assert.deepEqual(saved[first.name], first.bytes);

  // Sent back untouched, they change nothing and raise no problem: the page reads its own workbooks.
  await readReturned(page, Object.entries(saved).map(([name, buffer]) => ({ name, mimeType: "application/octet-stream", buffer })),
    /workbooks read/);
  assert.equal(await page.locator("#owners-summary").textContent(), "13 workbooks read, 0 changes, 0 problems.");
  assert.match(await page.locator("#owners-changes").textContent(), /^No changes/);
  assert.match(await page.locator("#owners-problems").textContent(), /^No problems/);
  await page.close();
});

test("the owners' edited workbooks: exactly their edits, and each problem with its place", async () => {
  const page = await web.open();
  await loadOwnersPlan(page);
  await makeWorkbooks(page);
  assert.deepEqual(await rows(page, "#owners-books-table"), [
    ["Head of Legal", "1", "Head-of-Legal.xlsx"],
    ["Democratic Services", "2", "Democratic-Services.xlsx"],
    ["Chief Finance Officer", "2", "Chief-Finance-Officer.xlsx"],
    ["Unassigned", "1", "Unassigned.xlsx"],
  ]);
  await page.fill("#owners-period", "Q1 2025/26");
  await readReturned(page, returnedPaths(), /workbooks read/);
  assert.equal(await page.locator("#owners-summary").textContent(),
    "4 workbooks read, 6 changes, 3 problems (1 conflict: neither value is taken).");
  // The edits edit_as_owner.py made, in the officer's words: Action, what changed, was, now, from.
  assert.deepEqual(await rows(page, "#owners-changes-table"), [
    ["A2 Train members on the new arrangements", "Due date", "30/06/2025", "30 September 2025", "Democratic-Services.xlsx row 3"],
    ["A2 Train members on the new arrangements", "Progress update", "(blank)", "Sessions booked for June", "Democratic-Services.xlsx row 3"],
    ["B1 Publish a medium-term financial strategy", "Status", "In progress", "Complete", "Chief-Finance-Officer.xlsx row 2"],
    ["B1 Publish a medium-term financial strategy", "Progress update", "Consultation closed", "Strategy published in July", "Chief-Finance-Officer.xlsx row 2"],
    ["B2 Set up a savings tracker", "RAG rating", "Green", "Amber", "Chief-Finance-Officer.xlsx row 3"],
    ["B2 Set up a savings tracker", "Due date", "30/09/2025", "2025-12-31 Reason given: Waiting for the new finance system", "Chief-Finance-Officer.xlsx row 3"],
  ]);
  // The same changes as the command line lists (tests/fixtures/owners/expected-merge.txt).
  const words = { status: "Status", rag: "RAG rating", due: "Due date", update: "Progress update" };
  const cli = readFileSync(at(`${FIXTURES}/expected-merge.txt`), "utf8").split("\n")
    .map((l) => l.match(/^(\S+) (\w+): (.*) -> (.*?)(?: \(reason: (.*)\))? \[(.*) row (\d+)\]$/)).filter(Boolean)
    .map(([, ref, field, from, to, reason, file, row]) => [ref, words[field], from, reason ? `${to} Reason given: ${reason}` : to, `${file} row ${row}`]);
  assert.equal(cli.length, 6);
  assert.deepEqual((await rows(page, "#owners-changes-table")).map(([ref, ...r]) => [ref.split(" ")[0], ...r]), cli);
  // The problems: severity, workbook, row, column, and the message in words.
  const problems = await rows(page, "#owners-problems-table");
  assert.deepEqual(problems.map((r) => r.slice(0, 4)), [
    ["warning", "Democratic-Services.xlsx", "3", "Due date"],
    ["warning", "Head-of-Legal.xlsx", "2", "Action"],
    ["error", "Head-of-Legal.xlsx", "2", "Status"],
  ]);
  assert.match(problems[0][4], /^The due date of A2 moved from "30\/06\/2025" to "30 September 2025" with no reason given Hint: ask the owner why/);
  assert.match(problems[1][4], /^The Action column of A1 was changed to "Review the terms of reference \(done\)"/);
  assert.match(problems[2][4], /^The status of A1 is "Complete" here but "On hold" in "Democratic-Services\.xlsx" \(row 2\); neither is taken/);
  assert.deepEqual(await page.locator("#owners-problems-table tbody tr").evaluateAll((trs) => trs.map((tr) => tr.dataset.code)),
    ["date_moved_without_reason", "locked_cell_edited", "conflicting_updates"]);
  // The officer's words, not the field names.
  const panel = await page.locator("#owners-section").innerText();
  for (const word of [/\brag\b/, /\bref\b/i, /due_text/, /\bfield\b/i, /_/]) assert.doesNotMatch(panel, word);

  // The next version: the workbook `merge -o next.xlsx` writes, with the edits and the history.
  const next = await downloaded(page, () => page.click("#owners-download-next"));
  assert.equal(next.name, "plan-next.xlsx");
  assert.ok(isXlsx(next.bytes));
  assert.equal(await page.locator("#owners-next-status").textContent(), "Saved plan-next.xlsx.");
  const plan = ap.parsePlan(readFileSync(at(`${FIXTURES}/plan.csv`)), { planDate: "2024-12-01" });
  const merged = ap.merge(plan, Object.fromEntries(RETURNED.map((f) => [f, readFileSync(at(`${FIXTURES}/returned/${f}`))])), { period: "Q1 2025/26" });
  assert.deepEqual(next.bytes, Buffer.from(ap.nextVersionXLSX(merged.plan)), "the page saves what the library writes");
  const actions = ap.parsePlan(next.bytes).toJSON().recommendations.flatMap((r) => r.actions);
  const byRef = Object.fromEntries(actions.map((a) => [a.ref, a]));
  assert.equal(byRef.B1.status_text, "Complete");
  assert.equal(byRef.B2.rag, "Amber");
  assert.equal(byRef.B2.original_due.text, "30/09/2025");
  assert.equal(byRef.A1.status_text, "In progress", "the conflict is not taken");
  assert.deepEqual(byRef.B1.updates.map((u) => u.text), ["Strategy published in July", "Consultation closed"]);

  // Checked on the page, it is the current plan, and its own workbooks can be made.
  await page.click("#owners-use-next");
  await page.getByText(/^Checked plan-next\.xlsx: 5 actions/).waitFor({ timeout: 60_000 });
  assert.ok(await page.locator("#owners-preview").isHidden(), "the preview was for the plan before");
  assert.equal(await page.locator("#owners-books").textContent(), "");
  await makeWorkbooks(page);
  assert.equal((await rows(page, "#owners-books-table")).length, 4);
  await readReturned(page, returnedPaths(), /workbooks read/);
  // The same workbooks again, against the next version: the plan now has A2's update, which
  // the owner's copy (made before it) does not show.
  assert.match(await page.locator("#owners-problems").textContent(), /the plan keeps "Sessions booked for June"/);
  await page.close();
});

test("a file that is not an update workbook is reported with its name, the rest are read", async () => {
  const page = await web.open();
  await loadOwnersPlan(page);
  const junk = { name: "Notes from Jo.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("Action,Owner\nx,y\n") };
  const first = { name: RETURNED[0], mimeType: "application/octet-stream", buffer: readFileSync(returnedPaths()[0]) };
  await readReturned(page, [first, junk], /read/);
  assert.equal(await page.locator("#owners-summary").textContent(), "1 of 2 workbooks read, 4 changes, 1 problem.");
  const [problem] = await rows(page, "#owners-problems-table");
  assert.equal(problem[1], "Notes from Jo.xlsx");
  assert.match(problem[4], /could not be read|not an update workbook|has no sheet/);
  assert.ok(await page.locator("#owners-next-step").isVisible());
  await page.close();
});

for (const width of [1280, 390]) {
  test(`${width} px: the panel in each state has zero axe violations and fits`, async () => {
    const page = await web.open();
    await page.setViewportSize({ width, height: 844 });
    await loadOwnersPlan(page);
    const check = async (state) => {
      const overflow = await horizontalOverflow(page);
      assert.ok(overflow.scrollWidth <= width, `${state}: the page is ${overflow.scrollWidth} px wide: ${overflow.wide.join(", ")}`);
      assert.deepEqual(await axeViolations(page, { include: ["#owners-section"] }), [], state);
    };
    await check("before");
    await makeWorkbooks(page);
    await check("workbooks made");
    await page.fill("#owners-period", "Q1 2025/26");
    await readReturned(page, returnedPaths(), /workbooks read/);
    await check("preview");
    if (width === 390) {
      // Tables as cards, each value named.
      assert.equal(await page.locator("#owners-changes-table tbody tr").first().evaluate((tr) => getComputedStyle(tr).display), "block");
    }
    // The whole page too, with the panel filled, in the light and the dark scheme.
    assert.deepEqual(await axeViolations(page), []);
    await page.emulateMedia({ colorScheme: "dark" });
    assert.deepEqual(await axeViolations(page, { include: ["#owners-section"] }), [], "dark");
    await page.emulateMedia({ colorScheme: "light" });
    // A picture of the panel, to look at (out/screenshots/, not committed).
    mkdirSync(SHOTS, { recursive: true });
    const shot = path.join(SHOTS, `owners-panel-${width}.png`);
    await page.locator("#owners-section").screenshot({ path: shot });
    console.log(`screenshot: ${path.relative(at(""), shot)}`);
    assert.ok(readFileSync(shot).length > 10_000);
    await page.close();
  });
}

test("the returned workbooks' input is reached from the keyboard, with its name and help", async () => {
  const page = await web.open();
  await loadOwnersPlan(page);
  await page.focus("#owners-period");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "owners-returned");
  const name = await page.locator("#owners-returned").evaluate((el) => el.labels[0].textContent);
  assert.equal(name, "Choose the returned workbooks…");
  // Enter opens the file chooser.
  const [chooser] = await Promise.all([page.waitForEvent("filechooser", { timeout: 10_000 }), page.keyboard.press("Enter")]);
  assert.ok(chooser.isMultiple());
  await chooser.setFiles(returnedPaths());
  await page.locator("#owners-summary", { hasText: "4 workbooks read" }).waitFor({ timeout: 60_000 });
  await page.close();
});

test("nothing from outside, no errors", () => {
  assert.deepEqual(web.outside, []);
  assert.deepEqual(web.errors, []);
});

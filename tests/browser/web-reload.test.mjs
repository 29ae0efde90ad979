// "Fix and check again" on the web page: the file input is emptied after reading (so choosing
// the same, corrected file again is a new choice), "Check again" reads the file again, a file
// dropped anywhere on the page is read and never opened by the browser in place of the page;
// the example list loads only on an explicit choice and keeps the dates the user set; an empty
// as-of date says that today is used; the error boxes; numbers written as 10,000.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, rmSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { launch, bigPlan, screenshot, at } from "./web-helpers.mjs";

let web, dir;
before(async () => {
  web = await launch();
  dir = mkdtempSync(path.join(tmpdir(), "actionplan-files-"));
});
after(async () => {
  await web?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const figure = (page, name) => page.locator(`[data-figure="${name}"] dd`).textContent();
const plan = (n) => ["Ref,Recommendation,Action,Owner,Due date,Status",
  ...Array.from({ length: n }, (_, i) => `A${i + 1},1. Be better,Action ${i + 1},Head of Service,March 2025,In progress`)].join("\n") + "\n";

test("the same file chosen again after correcting it is read again", async () => {
  const page = await web.open();
  const file = path.join(dir, "tracker.csv");
  writeFileSync(file, plan(3));
  await page.setInputFiles("#file", file);
  await page.getByText(/^Checked tracker\.csv: 3 actions/).waitFor();
  // Emptied after reading: the browser sees the next choice of the same file as a change.
  assert.equal(await page.locator("#file").inputValue(), "");
  writeFileSync(file, plan(5));
  await page.setInputFiles("#file", file);
  await page.getByText(/^Checked tracker\.csv: 5 actions/).waitFor();
  assert.equal(await figure(page, "actions"), "5");
  await page.close();
});

test("Check again reads the file again, not the bytes read before", async () => {
  const page = await web.open();
  const file = path.join(dir, "again.csv");
  writeFileSync(file, plan(2));
  await page.setInputFiles("#file", file);
  await page.getByText(/^Checked again\.csv: 2 actions/).waitFor();
  writeFileSync(file, plan(4));
  const chooser = page.waitForEvent("filechooser", { timeout: 10_000 }).catch(() => null);
  await page.click("#rerun");
  // Chromium reads a chosen file again when it has not changed, and refuses once it has; the
  // page either shows the new contents or says plainly to choose the file again. Never the
  // old result as if it were the new one.
  const fresh = page.getByText(/^Checked again\.csv: 4 actions/);
  const refused = page.locator("#error", { hasText: "has changed since it was chosen" });
  await fresh.or(refused).waitFor();
  if (await refused.isVisible()) {
    assert.ok(await page.locator("#results").isHidden(), "the old result is not left on screen");
    // The file chooser opens by itself; choosing the file there reads the corrected one.
    const opened = await chooser;
    assert.ok(opened, "the file chooser opened");
    console.log("Chromium refused to read the changed file again; the page opened the file chooser");
    await opened.setFiles(file);
    await page.getByText(/^Checked again\.csv: 4 actions/).waitFor();
  } else console.log("Chromium read the changed file again");
  assert.equal(await figure(page, "actions"), "4");
  await page.close();
});

test("a file that failed can be corrected and checked again", async () => {
  const page = await web.open();
  const file = path.join(dir, "broken.csv");
  writeFileSync(file, "1,2,3\n4,5,6\n");
  await page.setInputFiles("#file", file);
  await page.getByText("No header row was found").waitFor();
  assert.ok(await page.locator("#rerun").isEnabled());
  writeFileSync(file, plan(3));
  await page.click("#rerun");
  const fresh = page.getByText(/^Checked broken\.csv: 3 actions/);
  const refused = page.locator("#error", { hasText: "has changed since it was chosen" });
  await fresh.or(refused).waitFor();
  if (await refused.isVisible()) {
    await page.setInputFiles("#file", file);
    await fresh.waitFor();
  }
  assert.ok(await page.locator("#error").isHidden());
  await page.close();
});

test("a file dropped anywhere on the page is read, and the browser does not open it", async () => {
  const page = await web.open();
  const outcome = await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], "dropped.csv", { type: "text/csv" }));
    const target = document.querySelector("footer");
    const over = new DragEvent("dragover", { bubbles: true, cancelable: true, dataTransfer: data });
    target.dispatchEvent(new DragEvent("dragenter", { bubbles: true, cancelable: true, dataTransfer: data }));
    target.dispatchEvent(over);
    const dropped = new DragEvent("drop", { bubbles: true, cancelable: true, dataTransfer: data });
    target.dispatchEvent(dropped);
    // A drop whose default is not prevented makes the browser open the file instead of the page.
    return { over: over.defaultPrevented, drop: dropped.defaultPrevented };
  }, plan(6));
  assert.deepEqual(outcome, { over: true, drop: true });
  await page.getByText(/^Checked dropped\.csv: 6 actions/).waitFor();
  assert.ok(!(await page.locator("#drop").getAttribute("class")).includes("over"));
  // Not a file (text dragged from another window): also kept from the browser.
  const text = await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData("text/plain", "hello");
    const drop = new DragEvent("drop", { bubbles: true, cancelable: true, dataTransfer: data });
    document.querySelector("h1").dispatchEvent(drop);
    return drop.defaultPrevented;
  });
  assert.equal(text, true);
  await page.close();
});

test("the example list loads only on an explicit choice, keeping the user's dates", async () => {
  const page = await web.open();
  const fetched = [];
  page.on("request", (r) => { if (r.url().includes("/examples/data/")) fetched.push(new URL(r.url()).pathname); });
  // Arrow keys move through the list without loading anything.
  await page.locator("#example").focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowDown");
  await page.waitForTimeout(300);
  assert.deepEqual(fetched, []);
  assert.ok(await page.locator("#results").isHidden());
  const chosen = await page.locator("#example").inputValue();
  assert.notEqual(chosen, "");
  // Enter loads the one chosen.
  await page.keyboard.press("Enter");
  await page.getByText(new RegExp(`^Checked ${chosen.replace(".", "\\.")}`)).waitFor();
  assert.deepEqual(fetched, [`/examples/data/${chosen}`]);

  // Dates the user set are kept when another example is chosen; the others follow the example.
  await page.fill("#as-of", "2025-01-15");
  await page.locator("#as-of").dispatchEvent("change");
  await page.selectOption("#example", "hertsmere-2024.csv");
  await page.getByText(/^Checked hertsmere-2024\.csv/).waitFor();
  assert.equal(await page.locator("#as-of").inputValue(), "2025-01-15");
  assert.equal(await page.locator("#plan-date").inputValue(), "2024-12-01");
  assert.match(await page.locator("#rules-note").textContent(), /as of 15 January 2025\./);
  // The button opens the example shown in the list.
  await page.selectOption("#example", "harlow-2023.tsv");
  await page.getByText(/^Checked harlow-2023\.tsv/).waitFor();
  const before = fetched.length;
  await Promise.all([page.waitForResponse((r) => r.url().endsWith("/harlow-2023.tsv")), page.click("#open-example")]);
  await page.getByText(/^Checked harlow-2023\.tsv/).waitFor();
  assert.deepEqual(fetched.slice(before), ["/examples/data/harlow-2023.tsv"]);
  await page.close();
});

test("an empty as-of date says on screen that today is used", async () => {
  const page = await web.open();
  assert.ok(await page.locator("#as-of-today").isHidden());
  await page.fill("#as-of", "");
  const note = page.locator("#as-of-today");
  await note.waitFor();
  const today = new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  assert.equal(await note.textContent(), `Left empty: today, ${today}, is used.`);
  await page.setInputFiles("#file", at("examples/data/hertsmere-2024.csv"));
  await page.getByText(/^Checked hertsmere-2024\.csv/).waitFor();
  assert.match(await page.locator("#rules-note").textContent(), new RegExp(`as of ${today}\\.`));
  await page.fill("#as-of", "2025-06-30");
  await note.waitFor({ state: "hidden" });
  await page.close();
});

test("error boxes say what is wrong, with no stray lines", async () => {
  const page = await web.open();
  const error = page.locator("#error");
  const bad = [
    // A junk file named like a workbook: told it is not a valid Excel file.
    [{ name: "tracker.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from([0, 1, 2, 3, 250, 251, 252, 0, 9, 9, 9]) }, /not a valid Excel file/],
    [{ name: "notes.docx", mimeType: "application/octet-stream", buffer: Buffer.from("\0\0junk\0\0") }, /not a valid Word document/],
    [{ name: "numbers.csv", mimeType: "text/csv", buffer: Buffer.from("1,2,3\n4,5,6\n") }, /no header row/i],
    [{ name: "empty.csv", mimeType: "text/csv", buffer: Buffer.alloc(0) }, /empty/i],
    [{ name: "plan.json", mimeType: "application/json", buffer: Buffer.from("{bad") }, /Where: row 1, column 2/],
  ];
  for (const [file, re] of bad) {
    await page.setInputFiles("#file", file);
    await error.filter({ hasText: file.name }).waitFor();
    // Every line of the box as shown (text outside the paragraphs included).
    const text = await error.innerText();
    const lines = text.split(/\n+/);
    assert.match(text, re);
    for (const line of lines) {
      assert.ok(line.trim().length > 0, `an empty line in: ${text}`);
      assert.doesNotMatch(line, /\bnull\b|\bundefined\b/, `a stray value in: ${text}`);
    }
  }
  await screenshot(page, "error-not-excel.png");
  await page.close();
});

test("numbers are written with thousands separators everywhere", async () => {
  const page = await web.open();
  await page.fill("#as-of", "2025-03-31");
  await page.setInputFiles("#file", { name: "big.csv", mimeType: "text/csv", buffer: bigPlan(10_000) });
  await page.getByText(/^Checked big\.csv: 10,000 actions in 1,000 recommendations/).waitFor({ timeout: 60_000 });
  assert.equal(await figure(page, "actions"), "10,000");
  assert.equal(await figure(page, "recommendations"), "1,000");
  // The page's own words and figures: no number of 1,000 or more without its comma. Left out:
  // what the plan says (refs, titles, the choices of the filters) and the headline sentences,
  // which are the library's own words, shared with the reports.
  const own = await page.evaluate(() => {
    const skip = new Set([...document.querySelectorAll("#headline, #findings, #actions-table tbody, #overdue tbody, #recs tbody th, #recs tbody td.text, select")]);
    const texts = [];
    const walk = (node) => {
      if ([...skip].some((s) => s.contains(node))) return;
      if (node.nodeType === Node.TEXT_NODE) texts.push(node.textContent);
      else if (!node.hidden) node.childNodes.forEach(walk);
    };
    walk(document.querySelector("#results"));
    walk(document.querySelector("#status"));
    return texts.join(" ");
  });
  const bare = own.match(/(?<![\d,.\-/A-Za-z])\d{4,}(?![\d,\-/])/g) ?? [];
  assert.deepEqual(bare.filter((n) => !/^(19|20)\d\d$/.test(n)), [], own.slice(0, 400));
  assert.match(own, /10,000/);
  await page.close();
});

test("nothing from outside, no errors", () => {
  assert.deepEqual(web.outside, []);
  assert.deepEqual(web.errors, []);
});

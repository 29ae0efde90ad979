// The panel "Collect updates from owners": one update workbook per owner to send out, the
// returned workbooks read back with a preview of every change and problem, and the next version
// of the plan as an Excel workbook (what `actionplan template` and `actionplan merge` do on the
// command line). The worker does the work with the Office build; nothing leaves the browser.

import { $, h, num, plural, save } from "./dom.js";

/** What the page calls each field an owner can change. */
const FIELDS = { status: "Status", rag: "RAG rating", due: "Due date", update: "Progress update" };

let call = null;
let openBytes = null;
/** The object URLs of the workbooks on screen, revoked when they go. */
let urls = [];
/** Each "Make" and each "Read" gets a number; an answer to an older one (or to one asked
 *  before a new plan was loaded) is dropped. */
const asked = { make: 0, read: 0 };

/** Wire the panel: `worker` sends a message to the worker, `open(name, buffer)` makes a file
 *  the page's current plan. */
export function setupOwners({ worker, open }) {
  call = worker;
  openBytes = open;
  $("owners-make").addEventListener("click", makeWorkbooks);
  $("owners-all").addEventListener("click", downloadAll);
  $("owners-returned").addEventListener("change", () => readReturned($("owners-returned").files));
  $("owners-download-next").addEventListener("click", downloadNext);
  $("owners-use-next").addEventListener("click", useNext);
}

/** A new plan on the page: what the panel showed was for the old one. */
export function resetOwners() {
  asked.make += 1;
  asked.read += 1;
  for (const u of urls) URL.revokeObjectURL(u);
  urls = [];
  $("owners-books").replaceChildren();
  $("owners-books-status").textContent = "";
  $("owners-all").hidden = true;
  $("owners-returned").value = "";
  $("owners-summary").textContent = "";
  $("owners-preview").hidden = true;
  $("owners-next-step").hidden = true;
  $("owners-next-status").textContent = "";
  $("owners-error").hidden = true;
}

function failed(e) {
  const box = $("owners-error");
  box.replaceChildren(h("p", {}, String(e?.message ?? e ?? "Something went wrong.")));
  box.hidden = false;
}

// ---- 1. the workbooks to send out ------------------------------------------------------------

async function makeWorkbooks() {
  const mine = ++asked.make;
  const button = $("owners-make");
  button.disabled = true;
  $("owners-error").hidden = true;
  $("owners-books-status").textContent = "Making the workbooks…";
  try {
    const { books } = await call("owners-template");
    if (mine !== asked.make) return;
    for (const u of urls) URL.revokeObjectURL(u);
    urls = [];
    const type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    const rows = books.map((b) => {
      const url = URL.createObjectURL(new Blob([b.bytes], { type }));
      urls.push(url);
      return h("tr", {},
        h("th", { scope: "row", "data-label": "Owner" }, b.owner),
        h("td", { class: "num", "data-label": "Actions" }, num(b.actions)),
        h("td", { "data-label": "Workbook" }, h("a", { href: url, download: b.fileName, "data-workbook": b.fileName }, b.fileName)));
    });
    $("owners-books").replaceChildren(
      h("div", { class: "table-scroll stack", tabindex: "0", role: "region", "aria-label": "Table of the owners' workbooks" },
        h("table", { id: "owners-books-table" },
          h("caption", { class: "visually-hidden" }, "The owners' update workbooks, with a link to save each"),
          h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Owner"), h("th", { scope: "col", class: "num" }, "Actions"), h("th", { scope: "col" }, "Workbook"))),
          h("tbody", {}, rows))));
    const all = $("owners-all");
    all.textContent = `Download all ${plural(books.length, "workbook")}`;
    all.hidden = books.length < 2;
    const owners = books.filter((b) => b.owner !== "Unassigned").length;
    const unassigned = books.length > owners ? " and one for the actions with no owner" : "";
    $("owners-books-status").textContent =
      `${plural(books.length, "workbook")} made: one for each of ${plural(owners, "owner")}${unassigned}. Save them and send each owner theirs.`;
  } catch (e) {
    if (mine === asked.make) {
      $("owners-books-status").textContent = "";
      failed(e);
    }
  } finally {
    button.disabled = false;
  }
}

/** Save every workbook, one after another (a browser may ask once whether the page may save
 *  several files). */
async function downloadAll() {
  const links = [...$("owners-books").querySelectorAll("a[data-workbook]")];
  for (const a of links) {
    a.click();
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

// ---- 2. the returned workbooks ---------------------------------------------------------------

async function readReturned(fileList) {
  const files = [...(fileList ?? [])];
  if (files.length === 0) return;
  const mine = ++asked.read;
  $("owners-error").hidden = true;
  $("owners-preview").hidden = true;
  $("owners-next-step").hidden = true;
  $("owners-summary").textContent = `Reading ${plural(files.length, "workbook")}…`;
  try {
    const read = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() })));
    const period = $("owners-period").value.trim();
    const { merge } = await call("owners-merge", { files: read, period }, read.map((f) => f.bytes));
    if (mine !== asked.read) return;
    showPreview(merge, files.map((f) => f.name));
  } catch (e) {
    if (mine === asked.read) {
      $("owners-summary").textContent = "";
      failed(e);
    }
  } finally {
    // Emptied, so choosing the same (corrected) workbooks again reads them again.
    $("owners-returned").value = "";
  }
}

/** A merge problem's message without its file and sheet, which the page shows in columns of
 *  their own (each message starts with `"Jo.xlsx", sheet "Your actions": ` or `"Jo.xlsx": `;
 *  the file itself comes from the core, as `place.file`). */
function withoutFile(message, file) {
  const start = `"${file}"`;
  if (!file || !message.startsWith(start)) return message;
  const rest = message.slice(start.length).replace(/^, sheet "[^"]*"/, "").replace(/^:\s*/, "");
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

const blank = (v) => (v == null || v === "" ? h("span", { class: "cell-text" }, "(blank)") : v);

function showPreview(m, names) {
  const problems = m.diagnostics.map((d) => ({ ...d, file: d.place.file ?? null, text: withoutFile(d.message, d.place.file) }));
  const skipped = new Set(problems.filter((d) => d.code === "not_an_update_workbook").map((d) => d.file));
  const read = names.length - skipped.size;
  const conflicts = problems.filter((d) => d.code === "conflicting_updates").length;
  $("owners-summary").textContent =
    `${read === names.length ? plural(read, "workbook") : `${num(read)} of ${plural(names.length, "workbook")}`} read, ` +
    `${plural(m.changes.length, "change")}, ${plural(problems.length, "problem")}` +
    (conflicts ? ` (${plural(conflicts, "conflict")}: neither value is taken).` : ".");
  $("owners-headline").textContent = m.changes.length ? m.headline : "";
  $("owners-headline").hidden = !m.changes.length;

  const changes = $("owners-changes");
  if (m.changes.length === 0) {
    changes.replaceChildren(h("p", {}, "No changes: the returned workbooks say what the plan already says."));
  } else {
    const row = (c) => h("tr", { "data-field": c.field },
      h("th", { scope: "row", "data-label": "Action" }, c.ref,
        m.descriptions[c.ref] ? h("div", { class: "cell-text action-name" }, m.descriptions[c.ref]) : null),
      h("td", { "data-label": "What changed" }, FIELDS[c.field] ?? c.field),
      h("td", { class: "text", "data-label": "Was" }, blank(c.from)),
      h("td", { class: "text", "data-label": "Now" }, c.to,
        c.reason ? h("div", { class: "mix-text" }, `Reason given: ${c.reason}`) : null),
      h("td", { "data-label": "From" }, c.file, h("div", { class: "mix-text" }, `row ${num(c.row)}`)));
    changes.replaceChildren(h("div", { class: "table-scroll stack", tabindex: "0", role: "region", "aria-label": "Table of the changes" },
      h("table", { id: "owners-changes-table" },
        h("caption", { class: "visually-hidden" }, "The changes the returned workbooks make to the plan"),
        h("thead", {}, h("tr", {}, ["Action", "What changed", "Was", "Now", "From"].map((t) => h("th", { scope: "col" }, t)))),
        h("tbody", {}, m.changes.map(row)))));
  }

  const box = $("owners-problems");
  if (problems.length === 0) {
    box.replaceChildren(h("p", {}, "No problems: no conflicts, no locked cells edited, every moved date has its reason."));
  } else {
    const row = (d) => h("tr", { "data-code": d.code },
      h("td", { "data-label": "Severity" }, h("span", { class: `pill sev-${d.severity}` }, d.severity)),
      h("td", { "data-label": "Workbook" }, d.file ?? "—"),
      h("td", { class: "num", "data-label": "Row" }, d.place?.row != null ? num(d.place.row) : "—"),
      h("td", { "data-label": "Column" }, d.place?.column ?? "—"),
      h("td", { class: "text", "data-label": "Problem" }, d.text,
        d.hint ? h("div", { class: "mix-text" }, `Hint: ${d.hint}`) : null));
    box.replaceChildren(h("div", { class: "table-scroll stack", tabindex: "0", role: "region", "aria-label": "Table of the problems" },
      h("table", { id: "owners-problems-table" },
        h("caption", { class: "visually-hidden" }, "Problems in the returned workbooks, with where they are"),
        h("thead", {}, h("tr", {}, ["Severity", "Workbook", "Row", "Column", "Problem"].map((t, i) => h("th", { scope: "col", class: i === 2 ? "num" : null }, t)))),
        h("tbody", {}, problems.map(row)))));
  }
  $("owners-preview").hidden = false;
  $("owners-next-status").textContent = "";
  $("owners-next-step").hidden = read === 0;
}

// ---- 3. the next version ---------------------------------------------------------------------

async function downloadNext() {
  try {
    const { file } = await call("owners-next");
    save(file);
    $("owners-next-status").textContent = `Saved ${file.name}.`;
  } catch (e) {
    failed(e);
  }
}

async function useNext() {
  try {
    const { file } = await call("owners-next");
    await openBytes(file.name, file.bytes.buffer);
  } catch (e) {
    failed(e);
  }
}

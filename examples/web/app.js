// The page: file input and drop zone, settings, and the rendering of what the worker returns.
// All reading, checking, rating and counting happens in worker.js (the wasm package); this
// file only shows the results. Everything a user wrote is put on the page as text, never as
// HTML. The panel that collects updates from owners is in owners.js.

import { $, h, num, plural, save } from "./dom.js";
import { setupOwners, resetOwners } from "./owners.js";

const EXAMPLES = [
  // file, council, plan date (examples/data/README.md), as-of date (tests/golden)
  ["hertsmere-2024.csv", "Hertsmere Borough Council, 2024", "2024-12-01", "2025-06-30"],
  ["north-herts-2024.csv", "North Herts Council, 2024", "2025-03-18", "2025-09-30"],
  ["harlow-2023.tsv", "Harlow Council, 2023", "2023-05-01", "2023-12-31"],
  ["huntingdonshire-2024.tsv", "Huntingdonshire District Council, 2024", "2024-06-01", "2025-03-31"],
  ["three-rivers-2013.csv", "Three Rivers District Council, 2013", "2013-11-01", "2014-03-31"],
];
const MAX_ROWS = 300;

function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children.flat()) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

// ---- the worker ---------------------------------------------------------------------------

const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
let nextId = 1;
const pending = new Map();
worker.onmessage = ({ data }) => {
  const p = pending.get(data.id);
  if (!p) return;
  pending.delete(data.id);
  data.ok ? p.resolve(data) : p.reject(Object.assign(new Error(data.error.message), data.error));
};
worker.onerror = (e) => showError({ name: "Error", message: `The checker could not start: ${e.message}` });
function call(type, payload = {}, transfer = []) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, type, ...payload }, transfer);
  });
}

// ---- state and settings -------------------------------------------------------------------

const state = {
  result: null,
  fileName: null,
  rated: false,
  // Where the current plan came from, so that "Check again" reads it again: a File the user
  // chose or dropped, or an example's name.
  source: null,
  // The dates the user typed or picked themselves: an example does not overwrite them.
  userSet: { asOf: false, planDate: false },
};

function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function settings() {
  return {
    asOf: $("as-of").value || today(),
    planDate: $("plan-date").value || undefined,
    rules: $("preset").value || undefined,
  };
}

function setStatus(text) {
  $("status").textContent = text;
}

/** An ISO date as words: "31 March 2025". */
function longDate(iso) {
  if (!iso) return "";
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });
}

/** Say on screen what an empty as-of date means. */
function describeAsOf() {
  $("as-of-today").textContent = $("as-of").value ? "" : `Left empty: today, ${longDate(today())}, is used.`;
}

// ---- errors ---------------------------------------------------------------------------------

const ERROR_TITLES = {
  EmptyInputError: "The file is empty",
  NotTextError: "This is not a table of actions",
  NoHeaderError: "No header row was found",
  NoRowsError: "The table has no actions",
  InvalidJsonError: "The JSON could not be read",
  UnknownColumnError: "A column is missing",
  InvalidOptionError: "A setting is not valid",
  TooLargeError: "The file is too large",
  DocumentError: "The document could not be read",
  NotReadableError: "The file could not be read again",
  PdfEncryptedError: "The PDF is password-protected",
  PdfScannedError: "The PDF is a scan, with no text to read",
  PdfDamagedError: "The PDF could not be read",
};

function showError(e, fileName) {
  renderRun += 1; // stop filling the tables of an earlier result
  const box = $("error");
  const message = String(e?.message ?? e ?? "").trim() || "Something went wrong.";
  const where = [e?.row != null ? `row ${num(e.row)}` : null, e?.column != null ? `column ${e.column}` : null].filter(Boolean);
  // Only the lines there are: replaceChildren() would write a null as the word "null".
  box.replaceChildren(...[
    h("h3", {}, ERROR_TITLES[e?.name] ?? "The file could not be read"),
    h("p", {}, fileName ? `${fileName}: ${message}` : message),
    where.length ? h("p", {}, `Where: ${where.join(", ")}`) : null,
    e?.name === "NotReadableError" ? null
      : h("p", { class: "note" }, "Save the tracker as CSV (comma- or tab-separated) with a header row naming the columns, such as Recommendation, Action, Owner, Due date, Status.",
        e?.name && e.name !== "Error" ? ` (${e.name})` : null),
  ].filter(Boolean));
  box.hidden = false;
  $("results").hidden = true;
  setStatus("");
}

// ---- loading ------------------------------------------------------------------------------

async function open(name, buffer, again = false) {
  $("error").hidden = true;
  resetOwners();
  setStatus(again ? `Reading ${name} again…` : `Reading ${name}…`);
  state.fileName = name;
  // "Check again" from now on, even when this reading fails: that is when the user corrects
  // the file and wants it read again.
  $("rerun").disabled = false;
  const started = performance.now();
  try {
    const { result } = await call("open", { name, bytes: buffer, ...settings() }, [buffer]);
    await show(result, performance.now() - started);
  } catch (e) {
    showError(e, name);
  }
}

/** Read a file the user chose or dropped. The input is emptied after reading, so that choosing
 *  the same file again (after correcting it) is seen as a new choice. */
async function openFile(file) {
  if (!file) return;
  state.source = { kind: "file", file };
  let buffer;
  try {
    buffer = await file.arrayBuffer();
  } catch {
    return showError({ name: "NotReadableError", message: "The browser could not read the file. Choose or drop it again." }, file.name);
  } finally {
    $("file").value = "";
  }
  await open(file.name, buffer);
}

/** Make bytes made in the page (the next version of the plan) the page's current plan, as if
 *  the file had been chosen: "Check again" reads it again. */
async function openBytes(name, buffer) {
  const file = new File([buffer], name);
  state.source = { kind: "file", file };
  await open(name, buffer);
  $("results").focus();
}

async function fetchExample(file) {
  const res = await fetch(new URL(`../data/${file}`, import.meta.url), { cache: "no-store" });
  if (!res.ok) throw { name: "Error", message: `The example could not be loaded (${res.status}).` };
  return res.arrayBuffer();
}

async function openExample() {
  const ex = EXAMPLES.find(([file]) => file === $("example").value);
  if (!ex) {
    setStatus("Choose an example plan from the list first.");
    return;
  }
  const [file, , planDate, asOf] = ex;
  // The example's own dates, unless the user has set dates themselves.
  if (!state.userSet.planDate) $("plan-date").value = planDate;
  if (!state.userSet.asOf) $("as-of").value = asOf;
  describeAsOf();
  state.source = { kind: "example", file };
  try {
    await open(file, await fetchExample(file));
  } catch (e) {
    showError(e, file);
  }
}

/** "Check again": read the file itself again (the user may have corrected it), not the bytes
 *  read before. */
async function checkAgain() {
  const src = state.source;
  if (!src) return;
  if (src.kind === "example") {
    try {
      return await open(src.file, await fetchExample(src.file), true);
    } catch (e) {
      return showError(e, src.file);
    }
  }
  let buffer;
  try {
    buffer = await src.file.arrayBuffer();
  } catch {
    // Browsers refuse to read a chosen file again once it has been changed on disk: ask for
    // it again, opening the file chooser straight away where the browser allows it (the click
    // on "Check again" is still fresh).
    showError({
      name: "NotReadableError",
      message: "The file has changed since it was chosen, so the browser will not read it again. Choose or drop the corrected file to check it.",
    }, src.file.name);
    try {
      $("file").showPicker();
    } catch {
      // Not allowed here: the message says what to do.
    }
    return;
  }
  await open(src.file.name, buffer, true);
}

async function rerun() {
  if (!state.fileName) return;
  $("error").hidden = true;
  setStatus(`Checking ${state.fileName} again…`);
  const started = performance.now();
  try {
    const { result } = await call("rerun", settings());
    await show(result, performance.now() - started, false);
  } catch (e) {
    showError(e, state.fileName);
  }
}

function readDates(which) {
  state.userSet[which] = true;
  if (which === "asOf") describeAsOf();
}

// ---- rendering ----------------------------------------------------------------------------

// Long tables are filled a slice at a time, each slice in its own task, so that the page keeps
// answering while hundreds of rows go in. A newer render stops an older one's filling.
let renderRun = 0;
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
async function fill(tbody, items, row, run) {
  for (let i = 0; i < items.length; i += 50) {
    if (run !== renderRun) return;
    const slice = document.createDocumentFragment();
    for (const item of items.slice(i, i + 50)) slice.append(row(item));
    tbody.append(slice);
    await nextTask();
  }
}

function labelOf(scale, key) {
  return scale?.labels?.find((l) => l.id === key);
}

function ratingBadge(scale, key) {
  if (!key) return "—";
  const l = labelOf(scale, key);
  const sw = h("span", { class: "swatch", "aria-hidden": "true" });
  sw.style.background = l?.colour ?? "#bbb";
  return h("span", { class: "rating" }, sw, l?.name ?? key.replaceAll("_", " "));
}

async function show(r, elapsed, fresh = true) {
  const run = ++renderRun;
  state.result = r;
  const results = $("results");
  results.hidden = false;
  renderSummary(r);
  $("chart-section").hidden = $("recs-section").hidden = $("overdue-section").hidden = !r.rated;
  if (r.rated) renderChart(r);
  if (r.rated) await renderRecs(r, run);
  if (r.rated) await renderOverdue(r, run);
  await renderFindings(run);
  if (run !== renderRun) return;
  await setupTable(r, fresh);
  if (run !== renderRun) return;
  for (const b of document.querySelectorAll("[data-download]")) {
    b.disabled = !r.rated && b.dataset.download !== "json";
  }
  const t = r.timings;
  const ms = (v, digits) => v.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const parts = Object.entries(t).map(([k, v]) => `${k} ${ms(v, 1)} ms`);
  $("timing").textContent = `Worked out in the browser: ${parts.join(", ")}; ${ms(elapsed, 0)} ms in all.`;
  setStatus(`Checked ${r.fileName}: ${plural(r.actions, "action")} in ${plural(r.recommendations, "recommendation")}, ${plural(r.findings.total, "finding")}.`);
}

function renderSummary(r) {
  const title = r.meta.title ?? r.fileName;
  $("plan-title").textContent = r.meta.organisation ? `${title} — ${r.meta.organisation}` : title;
  const count = (sev) => r.findings.counts[sev];
  const figures = [["Recommendations", r.recommendations], ["Actions", r.actions]];
  if (r.rated) {
    const p = r.stats.plan;
    const complete = p.by_status.find((s) => s.key === "complete");
    figures.push(["Complete", complete ? `${num(complete.count)} (${complete.percent}%)` : "0"]);
    figures.push(["Overdue", p.overdue_definitely, p.overdue_definitely > 0 ? "bad" : null]);
    figures.push(["Due in 90 days", p.due_within.days_90]);
  }
  figures.push(["Errors", count("error"), count("error") > 0 ? "bad" : null]);
  figures.push(["Warnings", count("warning"), count("warning") > 0 ? "warn" : null]);
  $("figures").replaceChildren(
    ...figures.map(([dt, dd, cls]) => h("div", { class: cls, "data-figure": dt.toLowerCase() }, h("dt", {}, dt), h("dd", {}, String(num(dd))))),
  );
  const lines = r.rated
    ? r.stats.headline
    : [`Read ${plural(r.actions, "action")} in ${plural(r.recommendations, "recommendation")}.`];
  $("headline").replaceChildren(...lines.map((s) => h("li", {}, s)));
}

// The chart is drawn at the width it is shown at, so its words are the page's size on a phone
// as on a desktop (a scaled-down drawing made them about 7 px high at 390 px).
function renderChart(r) {
  const shares = r.stats.plan.by_rating;
  const scale = r.scale;
  $("rules-note").textContent = `Rated by ${r.rules?.name ?? r.stats.rules} as of ${longDate(r.stats.as_of)}.`;
  const width = Math.round(Math.min(760, Math.max(260, $("chart").clientWidth || 760)));
  const narrow = width < 520;
  // Wide: label | bar | count on one line. Narrow: label and count above a full-width bar.
  const rowH = narrow ? 50 : 34, labelW = narrow ? 0 : 150, countW = narrow ? 0 : 110;
  const barW = width - labelW - countW - (narrow ? 2 : 0);
  const max = Math.max(1, ...shares.map((s) => s.count));
  const height = shares.length * rowH + 8;
  const chart = svg("svg", {
    viewBox: `0 0 ${width} ${height}`,
    width, height,
    role: "img",
    "aria-labelledby": "chart-title chart-desc",
  });
  const figure = (s) => `${num(s.count)} (${s.percent}%)`;
  chart.append(svg("title", { id: "chart-title" }, "Actions by rating"));
  chart.append(svg("desc", { id: "chart-desc" }, shares.map((s) => `${s.label}: ${figure(s)}`).join("; ")));
  shares.forEach((s, i) => {
    const y = 4 + i * rowH;
    const colour = labelOf(scale, s.key)?.colour ?? "#9e9e9e";
    const w = Math.max(s.count > 0 ? 3 : 0, Math.round((s.count / max) * barW));
    const barY = narrow ? y + 22 : y + 5, barH = narrow ? 20 : rowH - 10;
    if (narrow) {
      chart.append(svg("text", { x: 1, y: y + 15 }, s.label));
      chart.append(svg("text", { class: "count", x: width - 1, y: y + 15, "text-anchor": "end" }, figure(s)));
    } else {
      chart.append(svg("text", { x: labelW - 10, y: y + rowH / 2 + 5, "text-anchor": "end" }, s.label));
      chart.append(svg("text", { class: "count", x: labelW + barW + 10, y: y + rowH / 2 + 5 }, figure(s)));
    }
    chart.append(svg("rect", { class: "track", x: labelW + 1, y: barY, width: barW, height: barH }));
    chart.append(svg("rect", { x: labelW + 1, y: barY, width: w, height: barH, fill: colour, stroke: "#0b0c0c", "stroke-opacity": "0.35" }));
  });
  const caption = h("figcaption", {}, `${plural(r.stats.plan.actions, "action")}; the bars are labelled, and the same figures are in the table below.`);
  $("chart").replaceChildren(chart, caption);
}

function mix(scale, shares) {
  const bar = h("span", { class: "mix", "aria-hidden": "true" });
  const total = shares.reduce((a, s) => a + s.count, 0);
  for (const s of shares) {
    if (!s.count) continue;
    const seg = h("span", {});
    seg.style.width = `${(100 * s.count) / total}%`;
    seg.style.background = labelOf(scale, s.key)?.colour ?? "#9e9e9e";
    bar.append(seg);
  }
  const text = shares.filter((s) => s.count).map((s) => `${num(s.count)} ${s.label.toLowerCase()}`).join(", ");
  return h("div", {}, h("span", { class: "mix-text" }, text || "none"), bar);
}

async function renderRecs(r, run) {
  const scale = r.scale;
  const groups = r.stats.groups;
  const head = h("thead", {}, h("tr", {},
    h("th", { scope: "col" }, "Rec."), h("th", { scope: "col" }, "Recommendation"),
    h("th", { scope: "col", class: "num" }, "Actions"), h("th", { scope: "col", class: "num" }, "Open"),
    h("th", { scope: "col", class: "num" }, "Complete"), h("th", { scope: "col" }, "Ratings"),
    h("th", { scope: "col", class: "num" }, "Overdue"), h("th", { scope: "col", class: "num" }, "Done of due"),
  ));
  const body = h("tbody");
  const row = (g) => {
    const complete = g.by_status.find((s) => s.key === "complete")?.count ?? 0;
    const sched = g.schedule.due_by_now ? `${num(g.schedule.done)} of ${num(g.schedule.due_by_now)}` : "—";
    return h("tr", {},
      h("th", { scope: "row", "data-label": "Rec." }, g.key), h("td", { class: "text", "data-label": "Recommendation" }, g.title ?? ""),
      h("td", { class: "num", "data-label": "Actions" }, num(g.actions)), h("td", { class: "num", "data-label": "Open" }, num(g.open)),
      h("td", { class: "num", "data-label": "Complete" }, num(complete)), h("td", { "data-label": "Ratings" }, mix(scale, g.by_rating)),
      h("td", { class: "num", "data-label": "Overdue" }, num(g.overdue_definitely)), h("td", { class: "num", "data-label": "Done of due" }, sched));
  };
  $("recs").replaceChildren(h("caption", { class: "visually-hidden" }, "Actions, ratings and schedule for each recommendation"), head, body);
  $("recs-more").hidden = groups.length <= MAX_ROWS;
  $("recs-more").textContent = `Showing ${num(MAX_ROWS)} of ${num(groups.length)}; the report has them all.`;
  await fill(body, groups.slice(0, MAX_ROWS), row, run);
}

async function renderOverdue(r, run) {
  const all = r.stats.overdue;
  const list = r.overdue; // the first ones, with owner, phrase and reason
  const box = $("overdue");
  if (list.length === 0) {
    box.replaceChildren(h("p", {}, `No open action is past its deadline as of ${longDate(r.stats.as_of)}.`));
    return;
  }
  const definitely = all.filter((o) => o.overdue === "definitely").length;
  const intro = h("p", { class: "note" }, `${plural(definitely, "action")} definitely past the deadline` +
    (all.length > definitely ? `, ${plural(all.length - definitely, "more action")} possibly past it (the due date is a period that has not fully ended)` : "") + ". Most overdue first.");
  const head = h("thead", {}, h("tr", {},
    ["Ref", "Rec.", "Action", "Owner", "Due", "Days over", "Rating", "Why"].map((t, i) =>
      h("th", { scope: "col", class: i === 5 ? "num" : null }, t))));
  const body = h("tbody");
  const row = (o) => h("tr", {},
    h("th", { scope: "row", "data-label": "Ref" }, o.ref), h("td", { "data-label": "Rec." }, o.recommendation),
    h("td", { class: "text", "data-label": "Action" }, o.description), h("td", { "data-label": "Owner" }, o.owner ?? "—"),
    h("td", { "data-label": "Due" }, o.timeframe ?? o.due ?? "—", o.due && o.timeframe && o.timeframe !== o.due ? h("div", { class: "mix-text" }, `read as ${longDate(o.due)}`) : null),
    h("td", { class: "num", "data-label": "Days over" }, o.overdue === "definitely" ? num(o.days_overdue ?? "") : "possibly"),
    h("td", { "data-label": "Rating" }, ratingBadge(r.scale, o.rating)), h("td", { "data-label": "Why" }, o.reason));
  const table = h("div", { class: "table-scroll stack", tabindex: "0", role: "region", "aria-label": "Table of overdue actions" },
    h("table", { id: "overdue-table" }, h("caption", { class: "visually-hidden" }, "Overdue actions"), head, body));
  box.replaceChildren(intro, table, all.length > list.length ? h("p", { class: "more" }, `Showing ${num(list.length)} of ${num(all.length)}; the report, the rated CSV and the table of all actions have them all.`) : "");
  await fill(body, list, row, run);
}

async function renderFindings(run = ++renderRun) {
  const r = state.result;
  if (!r) return;
  const filter = $("severity-filter").value;
  const { counts, levels, total } = r.findings;
  const list = levels[filter];
  const matching = { all: total, warning: counts.error + counts.warning, error: counts.error }[filter];
  const box = $("findings");
  if (list.length === 0) {
    box.replaceChildren(h("p", {}, total ? "None at this level." : "No problems found."));
    return;
  }
  const head = h("thead", {}, h("tr", {},
    ["Severity", "Row", "Column", "Finding"].map((t, i) => h("th", { scope: "col", class: i === 1 ? "num" : null }, t))));
  const body = h("tbody");
  // The finding in words; its code (for programs) stays on the row, not on screen.
  const row = (d) => h("tr", { "data-code": d.code },
    h("td", { "data-label": "Severity" }, h("span", { class: `pill sev-${d.severity}` }, d.severity)),
    h("td", { class: "num", "data-label": "Row" }, num(d.place.row) ?? (d.place.ref ? "" : "—")),
    h("td", { "data-label": "Column" }, d.place.column ?? "—"),
    h("td", { class: "text", "data-label": "Finding" }, d.message,
      d.place.text ? h("div", { class: "cell-text" }, `“${d.place.text}”`) : null,
      d.hint ? h("div", { class: "mix-text" }, `Hint: ${d.hint}`) : null));
  box.replaceChildren(
    h("div", { class: "table-scroll stack", tabindex: "0", role: "region", "aria-label": "Table of findings" },
      h("table", { id: "findings-table" }, h("caption", { class: "visually-hidden" }, "Findings"), head, body)),
    matching > list.length ? h("p", { class: "more" }, `Showing ${num(list.length)} of ${num(matching)}; the report has them all.`) : "",
  );
  await fill(body, list, row, run);
}

// ---- the table of all actions -------------------------------------------------------------
// The worker keeps the rows; the page asks it for one page at a time (50 rows), so searching,
// filtering and sorting a 10,000-action plan never blocks the page.

const PAGE_SIZE = 50;
const FILTERS = ["rating", "status", "owner", "rec", "theme"];
const ANY = { rating: "any rating", status: "any status", owner: "any owner", rec: "all recommendations", theme: "all themes" };
const view = { query: "", filters: {}, sort: "ref", dir: "ascending", page: 0, asked: 0, open: new Set() };

/** New result: fill the filters' choices and show the first page. A new file starts afresh;
 *  the same file checked with other settings keeps the search and the filters that still apply. */
async function setupTable(r, fresh) {
  $("actions-count").textContent = "Listing the actions…";
  const { table } = await call("table", { query: "", filters: {}, page: 0, size: PAGE_SIZE, choices: true });
  if (table.madeMs != null) r.timings["table of actions"] = table.madeMs;
  const choices = table.choices ?? {};
  if (fresh) {
    view.query = "";
    view.filters = {};
    $("action-search").value = "";
  }
  view.page = 0;
  view.open.clear();
  for (const f of FILTERS) {
    const list = choices[f] ?? [];
    $(`filter-${f}`).replaceChildren(h("option", { value: "*" }, ANY[f]), ...list.map((c) => h("option", { value: c.value }, c.label)));
    if (view.filters[f] != null && list.some((c) => c.value === view.filters[f])) $(`filter-${f}`).value = view.filters[f];
    else delete view.filters[f];
  }
  $("filter-rating").closest(".field").hidden = !r.rated;
  $("theme-field").hidden = (choices.theme ?? []).length === 0;
  return loadPage();
}

/** Ask the worker for the page the controls describe, and show it (unless a newer one was asked for). */
async function loadPage() {
  const asked = ++view.asked;
  const started = performance.now();
  const { table } = await call("table", {
    query: view.query, filters: view.filters, sort: view.sort, dir: view.dir, page: view.page, size: PAGE_SIZE,
  });
  if (asked !== view.asked) return;
  view.page = table.page;
  renderPage(table);
  // For tests and measurements: how many pages have been shown, and how long the last took.
  const t = $("actions-table");
  t.dataset.ms = (performance.now() - started).toFixed(1);
  t.dataset.shown = String(Number(t.dataset.shown ?? 0) + 1);
}

function renderPage(t) {
  const r = state.result;
  const from = t.matched ? t.page * t.size + 1 : 0;
  const to = Math.min(t.matched, (t.page + 1) * t.size);
  const filtered = t.matched !== t.total;
  $("actions-count").textContent = t.matched === 0
    ? `No action matches (${plural(t.total, "action")} in the plan).`
    : `Showing ${num(from)} to ${num(to)} of ${plural(t.matched, filtered ? "matching action" : "action")}` +
      (filtered ? ` (${num(t.total)} in the plan).` : ".");
  $("page-of").textContent = `Page ${num(t.page + 1)} of ${num(t.pages)}`;
  $("page-prev").disabled = t.page === 0;
  $("page-next").disabled = t.page >= t.pages - 1;
  for (const th of document.querySelectorAll("#actions-table th[data-sort]")) {
    if (th.dataset.sort === view.sort) th.setAttribute("aria-sort", view.dir);
    else th.removeAttribute("aria-sort");
  }
  const rows = [];
  for (const a of t.rows) {
    const detailId = `action-detail-${a.id}`;
    const opened = view.open.has(a.id);
    const button = h("button", { type: "button", class: "link", "aria-expanded": String(opened), "aria-controls": detailId, "data-action": a.id },
      h("span", { class: "visually-hidden" }, "Details of "), a.ref);
    rows.push(h("tr", { "data-id": a.id },
      h("th", { scope: "row", "data-label": "Ref" }, button),
      h("td", { "data-label": "Rec." }, a.rec),
      h("td", { class: "text", "data-label": "Action" }, a.description),
      h("td", { "data-label": "Owner" }, a.owner || "—"),
      h("td", { "data-label": "Due" }, a.due || "—"),
      h("td", { "data-label": "Status" }, a.statusName),
      h("td", { "data-label": "Rating" }, r?.rated ? ratingBadge(r.scale, a.rating) : "—")));
    const detail = h("tr", { class: "detail", id: detailId, hidden: !opened }, h("td", { colspan: "7" }));
    rows.push(detail);
    if (opened) fillDetail(a.id, detail.firstChild);
  }
  $("actions-table").tBodies[0].replaceChildren(...rows);
}

/** What a due-date phrase was read as, in words. */
function reading(tf) {
  if (!tf) return "No due date is given.";
  if (tf.kind === "unreadable") return "It could not be read as a date, so the action has no deadline.";
  const parts = [];
  if (tf.ongoing || tf.kind === "ongoing") parts.push("Ongoing: there is no single deadline.");
  else if (tf.due_latest && tf.due_earliest && tf.due_earliest !== tf.due_latest) {
    parts.push(`Any day from ${longDate(tf.due_earliest)} to ${longDate(tf.due_latest)}; the rating uses ${longDate(tf.due_latest)}.`);
  } else if (tf.due_latest) parts.push(`By ${longDate(tf.due_latest)}.`);
  else parts.push("It gives no deadline.");
  if (tf.recurrence?.text) parts.push(`Repeats: ${tf.recurrence.text}.`);
  if (tf.conditional) parts.push("It depends on something else happening first.");
  if (tf.revised_from) parts.push(`Moved from ${longDate(tf.revised_from)}.`);
  if (tf.note) parts.push(tf.note.endsWith(".") ? tf.note : `${tf.note}.`);
  if (tf.confidence === "low") parts.push("This reading is a guess: check it.");
  return parts.join(" ");
}

async function fillDetail(id, cell) {
  const { detail: d } = await call("detail", { action: id });
  const r = state.result;
  const item = (term, ...desc) => (desc.flat().some((x) => x != null && x !== "") ? h("div", {}, h("dt", {}, term), h("dd", {}, ...desc)) : null);
  const updates = d.updates.length
    ? h("ul", { class: "updates" }, d.updates.map((u) => h("li", {},
      u.period || u.as_of || u.column ? h("span", { class: "mix-text" }, [u.period, u.as_of ? longDate(u.as_of) : null, u.column && u.column !== u.period ? `column “${u.column}”` : null].filter(Boolean).join(", "), ": ") : null,
      u.text)))
    : "None";
  const extra = Object.entries(d.extra);
  cell.replaceChildren(h("dl", { class: "detail-list" },
    item("Recommendation", d.recName),
    item("Theme", d.theme),
    item("Action", d.description),
    item("Owner", d.owner),
    item("Lead member", d.leadMember),
    r?.rated ? item("Rating", ratingBadge(r.scale, d.rating)) : null,
    r?.rated ? item("Why this rating", d.reason ?? "Not rated.") : null,
    item("RAG in the file", d.reported),
    item("Status in the file", d.statusText, d.percent != null ? ` (${d.percent}% complete)` : null),
    item("Due, as written", d.timeframe?.text ?? "Not given"),
    item("Read as", reading(d.timeframe)),
    item("Original due date", d.originalDue ? `${d.originalDue.text} (${reading(d.originalDue)})` : null),
    item("Comments", updates),
    item("Evidence", d.evidence),
    item("Further options", d.furtherOptions),
    ...extra.map(([k, v]) => item(k, v)),
    item("In your file", d.row != null ? `Row ${num(d.row)} of ${state.fileName}` : "The file does not say which row."),
  ));
}

async function toggleDetail(button) {
  const id = Number(button.dataset.action);
  const row = $(`action-detail-${id}`);
  const opening = button.getAttribute("aria-expanded") !== "true";
  button.setAttribute("aria-expanded", String(opening));
  row.hidden = !opening;
  if (opening) {
    view.open.add(id);
    await fillDetail(id, row.firstChild);
  } else view.open.delete(id);
}

function wireTable() {
  let typing = 0;
  $("action-search").addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      view.query = $("action-search").value.trim();
      view.page = 0;
      loadPage();
    }, 120);
  });
  for (const f of FILTERS) {
    $(`filter-${f}`).addEventListener("change", (e) => {
      const v = e.target.value;
      if (v === "*") delete view.filters[f];
      else view.filters[f] = v;
      view.page = 0;
      loadPage();
    });
  }
  $("clear-filters").addEventListener("click", () => {
    view.query = "";
    view.filters = {};
    view.page = 0;
    $("action-search").value = "";
    for (const f of FILTERS) $(`filter-${f}`).value = "*";
    loadPage();
  });
  for (const th of document.querySelectorAll("#actions-table th[data-sort]")) {
    th.querySelector("button").addEventListener("click", () => {
      const key = th.dataset.sort;
      view.dir = view.sort === key && view.dir === "ascending" ? "descending" : "ascending";
      view.sort = key;
      view.page = 0;
      loadPage();
    });
  }
  $("page-prev").addEventListener("click", () => { view.page -= 1; loadPage(); });
  $("page-next").addEventListener("click", () => { view.page += 1; loadPage(); });
  $("actions-table").addEventListener("click", (e) => {
    const b = e.target.closest("button[data-action]");
    if (b) toggleDetail(b);
  });
}

// ---- downloads ----------------------------------------------------------------------------

async function download(what) {
  try {
    const { file } = await call("download", { what, ...settings() });
    save(file);
    setStatus(`Saved ${file.name}.`);
  } catch (e) {
    showError(e);
  }
}

// ---- wiring -------------------------------------------------------------------------------

async function start() {
  $("as-of").value = today();
  describeAsOf();
  for (const [file, council] of EXAMPLES) $("example").append(h("option", { value: file }, council));
  const hello = await call("hello");
  $("version").textContent = hello.version;
  state.rated = hello.rated;
  const presets = hello.presets.length ? hello.presets : [{ id: "", name: "Rating not available in this build" }];
  $("preset").replaceChildren(...presets.map((p) => h("option", { value: p.id, title: p.description ?? null }, p.name)));
  const preferred = presets.find((p) => p.id === "date-rag");
  if (preferred) $("preset").value = preferred.id;
  $("preset").disabled = !hello.rated;
  const describe = () => {
    const p = presets.find((x) => x.id === $("preset").value);
    $("preset-help").textContent = p?.description ?? "How each action is rated.";
  };
  describe();
  $("preset").addEventListener("change", () => { describe(); rerun(); });
  setStatus("Ready. Choose or drop a file.");

  $("file").addEventListener("change", () => openFile($("file").files[0]));
  // A file dropped anywhere on the page is read; the browser must never open it in place of
  // the page (that would lose the results), so every drag over the page is taken.
  const drop = $("drop");
  let dragging = 0;
  const isFileDrag = (e) => [...(e.dataTransfer?.types ?? [])].includes("Files");
  document.addEventListener("dragenter", (e) => {
    if (!isFileDrag(e)) return;
    e.preventDefault();
    dragging += 1;
    drop.classList.add("over");
  });
  document.addEventListener("dragover", (e) => {
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = isFileDrag(e) ? "copy" : "none";
  });
  document.addEventListener("dragleave", () => {
    dragging = Math.max(0, dragging - 1);
    if (dragging === 0) drop.classList.remove("over");
  });
  document.addEventListener("drop", (e) => {
    e.preventDefault();
    dragging = 0;
    drop.classList.remove("over");
    const f = e.dataTransfer?.files?.[0];
    if (f) openFile(f);
  });
  // The examples load on an explicit choice: a click in the list, Enter, or the button; not
  // on each arrow key (which also fires "change" in some browsers).
  const example = $("example");
  let keyed = false;
  example.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      keyed = false;
      openExample();
    } else if (e.key !== "Tab" && e.key !== "Shift") keyed = true;
  });
  example.addEventListener("pointerdown", () => { keyed = false; });
  example.addEventListener("change", () => {
    if (keyed) {
      keyed = false;
      setStatus("Press Enter, or the “Open the example” button, to open it.");
      return;
    }
    openExample();
  });
  $("open-example").addEventListener("click", openExample);
  $("settings").addEventListener("submit", (e) => { e.preventDefault(); checkAgain(); });
  $("as-of").addEventListener("input", () => readDates("asOf"));
  $("plan-date").addEventListener("input", () => readDates("planDate"));
  $("as-of").addEventListener("change", rerun);
  $("plan-date").addEventListener("change", rerun);
  wireTable();
  // Draw the chart again at its new width when the window changes size.
  let lastWidth = 0;
  new ResizeObserver(() => {
    const w = $("chart").clientWidth;
    if (w && w !== lastWidth && state.result?.rated && !$("results").hidden) {
      lastWidth = w;
      renderChart(state.result);
    }
  }).observe($("chart"));
  $("severity-filter").addEventListener("change", () => renderFindings());
  for (const b of document.querySelectorAll("[data-download]")) {
    b.addEventListener("click", () => download(b.dataset.download));
  }
  setupOwners({ worker: call, open: openBytes });
}

start().catch((e) => showError(e));

// The page: file input and drop zone, settings, and the rendering of what the worker returns.
// All reading, checking, rating and counting happens in worker.js (the wasm package); this
// file only shows the results. Everything a user wrote is put on the page as text, never as
// HTML.

const EXAMPLES = [
  // file, council, plan date (examples/data/README.md), as-of date (tests/golden)
  ["hertsmere-2024.csv", "Hertsmere Borough Council, 2024", "2024-12-01", "2025-06-30"],
  ["north-herts-2024.csv", "North Herts Council, 2024", "2025-03-18", "2025-09-30"],
  ["harlow-2023.tsv", "Harlow Council, 2023", "2023-05-01", "2023-12-31"],
  ["huntingdonshire-2024.tsv", "Huntingdonshire District Council, 2024", "2024-06-01", "2025-03-31"],
  ["three-rivers-2013.csv", "Three Rivers District Council, 2013", "2013-11-01", "2014-03-31"],
];
const MAX_ROWS = 300;

const $ = (id) => document.getElementById(id);

/** Make an element: h("td", { class: "num" }, "3"). Children are text or nodes. */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === "class") el.className = v;
    else if (k === "text") el.textContent = v;
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

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

const state = { result: null, fileName: null, rated: false };

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
  PdfEncryptedError: "The PDF is password-protected",
  PdfScannedError: "The PDF is a scan, with no text to read",
  PdfDamagedError: "The PDF could not be read",
};

function showError(e, fileName) {
  renderRun += 1; // stop filling the tables of an earlier result
  const box = $("error");
  box.replaceChildren(
    h("h3", {}, ERROR_TITLES[e.name] ?? "The file could not be read"),
    h("p", {}, fileName ? `${fileName}: ${e.message}` : e.message),
    e.row != null || e.column != null
      ? h("p", {}, "Where: ", [e.row != null ? `row ${e.row}` : null, e.column != null ? `column ${e.column}` : null].filter(Boolean).join(", "))
      : null,
    h("p", { class: "note" }, "Save the tracker as CSV (comma- or tab-separated) with a header row naming the columns, such as Recommendation, Action, Owner, Due date, Status.", ` (${e.name})`),
  );
  box.hidden = false;
  $("results").hidden = true;
  setStatus("");
}

// ---- loading ------------------------------------------------------------------------------

async function open(name, buffer) {
  $("error").hidden = true;
  setStatus(`Reading ${name}…`);
  state.fileName = name;
  const started = performance.now();
  try {
    const { result } = await call("open", { name, bytes: buffer, ...settings() }, [buffer]);
    await show(result, performance.now() - started);
    $("rerun").disabled = false;
  } catch (e) {
    showError(e, name);
  }
}

async function rerun() {
  if (!state.fileName) return;
  $("error").hidden = true;
  setStatus(`Checking ${state.fileName} again…`);
  const started = performance.now();
  try {
    const { result } = await call("rerun", settings());
    await show(result, performance.now() - started);
  } catch (e) {
    showError(e, state.fileName);
  }
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

const plural = (n, one, many = `${one}s`) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

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

async function show(r, elapsed) {
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
  for (const b of document.querySelectorAll("[data-download]")) {
    b.disabled = !r.rated && b.dataset.download !== "json";
  }
  const t = r.timings;
  const parts = Object.entries(t).map(([k, v]) => `${k} ${v.toFixed(1)} ms`);
  $("timing").textContent = `Worked out in the browser: ${parts.join(", ")}; ${elapsed.toFixed(0)} ms in all.`;
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
    figures.push(["Complete", complete ? `${complete.count} (${complete.percent}%)` : "0"]);
    figures.push(["Overdue", p.overdue_definitely, p.overdue_definitely > 0 ? "bad" : null]);
    figures.push(["Due in 90 days", p.due_within.days_90]);
  }
  figures.push(["Errors", count("error"), count("error") > 0 ? "bad" : null]);
  figures.push(["Warnings", count("warning"), count("warning") > 0 ? "warn" : null]);
  $("figures").replaceChildren(
    ...figures.map(([dt, dd, cls]) => h("div", { class: cls, "data-figure": dt.toLowerCase() }, h("dt", {}, dt), h("dd", {}, String(dd)))),
  );
  const lines = r.rated
    ? r.stats.headline
    : [`Read ${plural(r.actions, "action")} in ${plural(r.recommendations, "recommendation")}.`];
  $("headline").replaceChildren(...lines.map((s) => h("li", {}, s)));
}

function renderChart(r) {
  const shares = r.stats.plan.by_rating;
  const scale = r.scale;
  $("rules-note").textContent = `Rated by ${r.rules?.name ?? r.stats.rules} as of ${r.stats.as_of}.`;
  const rowH = 34, labelW = 150, barW = 420, countW = 110;
  const max = Math.max(1, ...shares.map((s) => s.count));
  const height = shares.length * rowH + 8;
  const chart = svg("svg", {
    viewBox: `0 0 ${labelW + barW + countW} ${height}`,
    role: "img",
    "aria-labelledby": "chart-title chart-desc",
  });
  chart.append(svg("title", { id: "chart-title" }, "Actions by rating"));
  chart.append(svg("desc", { id: "chart-desc" }, shares.map((s) => `${s.label}: ${s.count} (${s.percent}%)`).join("; ")));
  shares.forEach((s, i) => {
    const y = 4 + i * rowH;
    const colour = labelOf(scale, s.key)?.colour ?? "#9e9e9e";
    const w = Math.max(s.count > 0 ? 3 : 0, Math.round((s.count / max) * barW));
    chart.append(svg("text", { x: labelW - 10, y: y + rowH / 2 + 5, "text-anchor": "end" }, s.label));
    chart.append(svg("rect", { x: labelW, y: y + 5, width: barW, height: rowH - 10, fill: "#f3f2f1" }));
    chart.append(svg("rect", { x: labelW, y: y + 5, width: w, height: rowH - 10, fill: colour, stroke: "#0b0c0c", "stroke-opacity": "0.35" }));
    chart.append(svg("text", { class: "count", x: labelW + barW + 10, y: y + rowH / 2 + 5 }, `${s.count} (${s.percent}%)`));
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
  const text = shares.filter((s) => s.count).map((s) => `${s.count} ${s.label.toLowerCase()}`).join(", ");
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
    const sched = g.schedule.due_by_now ? `${g.schedule.done} of ${g.schedule.due_by_now}` : "—";
    return h("tr", {},
      h("th", { scope: "row" }, g.key), h("td", { class: "text" }, g.title ?? ""),
      h("td", { class: "num" }, g.actions), h("td", { class: "num" }, g.open),
      h("td", { class: "num" }, complete), h("td", {}, mix(scale, g.by_rating)),
      h("td", { class: "num" }, g.overdue_definitely), h("td", { class: "num" }, sched));
  };
  $("recs").replaceChildren(h("caption", { class: "visually-hidden" }, "Actions, ratings and schedule for each recommendation"), head, body);
  $("recs-more").hidden = groups.length <= MAX_ROWS;
  $("recs-more").textContent = `Showing ${MAX_ROWS} of ${groups.length}; the report has them all.`;
  await fill(body, groups.slice(0, MAX_ROWS), row, run);
}

async function renderOverdue(r, run) {
  const all = r.stats.overdue;
  const list = r.overdue; // the first ones, with owner, phrase and reason
  const box = $("overdue");
  if (list.length === 0) {
    box.replaceChildren(h("p", {}, `No open action is past its deadline as of ${r.stats.as_of}.`));
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
    h("th", { scope: "row" }, o.ref), h("td", {}, o.recommendation),
    h("td", { class: "text" }, o.description), h("td", {}, o.owner ?? "—"),
    h("td", {}, o.timeframe ?? o.due ?? "—", o.due && o.timeframe && o.timeframe !== o.due ? h("div", { class: "mix-text" }, `read as ${o.due}`) : null),
    h("td", { class: "num" }, o.overdue === "definitely" ? (o.days_overdue ?? "") : "possibly"),
    h("td", {}, ratingBadge(r.scale, o.rating)), h("td", {}, o.reason));
  const table = h("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": "Overdue actions" },
    h("table", { id: "overdue-table" }, h("caption", { class: "visually-hidden" }, "Overdue actions"), head, body));
  box.replaceChildren(intro, table, all.length > list.length ? h("p", { class: "more" }, `Showing ${list.length} of ${all.length}; the report and the rated CSV have them all.`) : "");
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
    ["Severity", "Row", "Column", "Finding", "Code"].map((t, i) => h("th", { scope: "col", class: i === 1 ? "num" : null }, t))));
  const body = h("tbody");
  const row = (d) => h("tr", {},
    h("td", {}, h("span", { class: `pill sev-${d.severity}` }, d.severity)),
    h("td", { class: "num" }, d.place.row ?? (d.place.ref ? "" : "—")),
    h("td", {}, d.place.column ?? "—"),
    h("td", { class: "text" }, d.message,
      d.place.text ? h("div", { class: "cell-text" }, `“${d.place.text}”`) : null,
      d.hint ? h("div", { class: "mix-text" }, `Hint: ${d.hint}`) : null),
    h("td", { class: "code" }, d.code));
  box.replaceChildren(
    h("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": "Findings" },
      h("table", { id: "findings-table" }, h("caption", { class: "visually-hidden" }, "Findings"), head, body)),
    matching > list.length ? h("p", { class: "more" }, `Showing ${list.length} of ${matching}; the report has them all.`) : "",
  );
  await fill(body, list, row, run);
}

// ---- downloads ----------------------------------------------------------------------------

async function download(what) {
  try {
    const { file } = await call("download", { what, ...settings() });
    const blob = file.bytes
      ? new Blob([file.bytes], { type: file.mime })
      : new Blob([file.text], { type: `${file.mime};charset=utf-8` });
    const url = URL.createObjectURL(blob);
    const a = h("a", { href: url, download: file.name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setStatus(`Saved ${file.name}.`);
  } catch (e) {
    showError(e);
  }
}

// ---- wiring -------------------------------------------------------------------------------

async function start() {
  $("as-of").value = today();
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

  $("file").addEventListener("change", async () => {
    const f = $("file").files[0];
    if (f) await open(f.name, await f.arrayBuffer());
  });
  const drop = $("drop");
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", async (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    const f = e.dataTransfer.files[0];
    if (f) await open(f.name, await f.arrayBuffer());
  });
  $("example").addEventListener("change", async () => {
    const ex = EXAMPLES.find(([file]) => file === $("example").value);
    if (!ex) return;
    const [file, , planDate, asOf] = ex;
    $("plan-date").value = planDate;
    $("as-of").value = asOf;
    const res = await fetch(new URL(`../data/${file}`, import.meta.url));
    await open(file, await res.arrayBuffer());
  });
  $("settings").addEventListener("submit", (e) => { e.preventDefault(); rerun(); });
  $("as-of").addEventListener("change", rerun);
  $("plan-date").addEventListener("change", rerun);
  $("severity-filter").addEventListener("change", () => renderFindings());
  for (const b of document.querySelectorAll("[data-download]")) {
    b.addEventListener("click", () => download(b.dataset.download));
  }
}

start().catch((e) => showError(e));

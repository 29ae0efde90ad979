// The Web Worker that does all the work, so the page never freezes: it loads the wasm package,
// reads the plan, checks it, rates it and counts, and hands back plain data. The file stays in
// this browser tab: nothing is sent anywhere.
import init, * as lean from "../../bindings-wasm/pkg/actionplan_wasm.js";

// Two builds of the package: the lean one (CSV, TSV, JSON) loads with the page; the one that
// also reads Excel and Word files is several times larger, so it is fetched only when such a
// file is dropped.
const ready = init();
let office = null;
async function officeBuild() {
  office ??= import("../../bindings-wasm/pkg-office/actionplan_wasm.js").then(async (m) => {
    await m.default();
    return m;
  });
  return office;
}
/** The module in use for the current file. */
let ap = lean;
/** The last file, kept so a new as-of date or rule set re-runs without re-reading it. */
let last = null;
/** The plan read from it (a wasm object), for the downloads. */
let plan = null;

const rated = () => typeof ap.presets === "function";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function errorData(e) {
  return { name: e?.name ?? "Error", message: String(e?.message ?? e), row: e?.row ?? null, column: e?.column ?? null };
}

/** The format from the file's extension, as the CLI and the golden tests choose it. */
const SHOWN = 300;

/** The findings the page shows: the counts, and the first ones at each filter level, so a
 *  plan with thousands of findings does not cost the page's thread a large copy. */
function shown(diagnostics) {
  const counts = { error: 0, warning: 0, info: 0 };
  const levels = { all: [], warning: [], error: [] };
  for (const d of diagnostics) {
    counts[d.severity] += 1;
    if (levels.all.length < SHOWN) levels.all.push(d);
    if (d.severity !== "info" && levels.warning.length < SHOWN) levels.warning.push(d);
    if (d.severity === "error" && levels.error.length < SHOWN) levels.error.push(d);
  }
  return { total: diagnostics.length, counts, levels };
}

function run({ planDate, asOf, rules }) {
  const t = {};
  let t0 = performance.now();
  officeCopy?.free();
  officeCopy = null;
  plan?.free();
  plan = null;
  // The library reads what the file's name says (.tsv is tab-separated), as every door does.
  const options = { fileName: last.name };
  if (planDate) options.planDate = planDate;
  last.options = options;
  plan = parse(last.bytes, options);
  t.parse = performance.now() - t0;

  t0 = performance.now();
  const diagnostics = plan.validate();
  t.validate = performance.now() - t0;

  const out = {
    fileName: last.name,
    meta: plan.meta,
    recommendations: plan.recommendationCount,
    actions: plan.actionCount,
    findings: shown(diagnostics),
    rated: false,
  };
  if (rated()) {
    // The statistics rate the plan on the way (the binding keeps that assessment for the
    // downloads); the rule set's scale gives the label names and colours.
    const rulesData = ap.presetRules(rules || "date-rag");
    t0 = performance.now();
    out.stats = plan.stats({ asOf, rules });
    t["assess + stats"] = performance.now() - t0;
    // The overdue list shown (the first 300), with each action's owner, due-date phrase and
    // the reason for its rating, looked up by position without converting the whole plan.
    out.overdue = out.stats.overdue.slice(0, SHOWN).map((o) => {
      const action = plan.action(o.recommendation_index, o.action_index);
      const rated = plan.ratedAction(o.recommendation_index, o.action_index, { asOf, rules });
      return { ...o, owner: action?.owner, timeframe: action?.timeframe?.text, reason: rated?.reason.text ?? "" };
    });
    out.scale = rulesData.scale;
    out.rules = { id: rulesData.id, name: rulesData.name };
    out.rated = true;
  }
  // The table of all actions is made when the page first asks for it, after the results are
  // on screen.
  table = null;
  tableFrom = { asOf, rules, stats: out.stats };
  out.timings = t;
  return out;
}

// A file whose name says Excel or Word but whose bytes are neither is read again as what its
// name says, so that the library's own error tells the user it is not a valid workbook or
// document (instead of "not text").
const OFFICE_NAMES = [[/\.(xlsx|xlsm|xls|ods)$/i, "xlsx"], [/\.docx$/i, "docx"]];
function parse(bytes, options) {
  try {
    return ap.parsePlan(bytes, options);
  } catch (e) {
    const named = OFFICE_NAMES.find(([re]) => re.test(options.fileName ?? ""));
    if (e?.name !== "NotTextError" || !named) throw e;
    return ap.parsePlan(bytes, { ...options, format: named[1] });
  }
}

// ---- the table of all actions -------------------------------------------------------------
// Kept here, in the worker: the page asks for one page of rows at a time (search, filters,
// sort order), and for one action's details when a row is opened, so a 10,000-action plan
// never costs the page's thread more than a page of rows.

/** The rows of the current plan, and the choices its filters offer (made on first use). */
let table = null;
let tableFrom = null;
function ensureTable() {
  if (!table) {
    const t0 = performance.now();
    const { asOf, rules, stats } = tableFrom ?? {};
    table = plan ? actionTable(rated() ? plan.assess({ asOf, rules }) : null, stats) : { rows: [], choices: {} };
    table.ms = performance.now() - t0;
  }
  return table;
}
const collator = new Intl.Collator("en-GB", { numeric: true, sensitivity: "base" });

function statusKey(status) {
  if (status == null) return "none";
  return typeof status === "string" ? status : "other";
}

function actionTable(assessment, stats) {
  const data = plan.toJSON();
  const ratings = new Map();
  for (const a of assessment?.actions ?? []) ratings.set(`${a.recommendation_index}/${a.action_index}`, a);
  const scale = assessment?.scale?.labels ?? [];
  const ratingOrder = new Map(scale.map((l, i) => [l.id, i]));
  const statusLabels = new Map((stats?.plan?.by_status ?? []).map((s) => [s.key, s.label]));
  const rows = [];
  const owners = new Map();
  const themes = new Map();
  const statuses = new Map();
  const ratingCounts = new Map();
  data.recommendations.forEach((rec, ri) => {
    if (rec.theme) themes.set(rec.theme, (themes.get(rec.theme) ?? 0) + 1);
    rec.actions.forEach((a, ai) => {
      const rated = ratings.get(`${ri}/${ai}`);
      const status = statusKey(a.status);
      const statusName = statusLabels.get(status) ?? a.status_text ?? (status === "none" ? "No status" : status.replaceAll("_", " "));
      const rating = rated?.rating ?? null;
      const names = a.owners?.length ? a.owners : a.owner ? [a.owner] : [];
      for (const o of names) owners.set(o, (owners.get(o) ?? 0) + 1);
      statuses.set(status, statusName);
      ratingCounts.set(rating ?? "", (ratingCounts.get(rating ?? "") ?? 0) + 1);
      rows.push({
        id: rows.length, ri, ai,
        ref: a.ref, rec: rec.key, recTitle: rec.title ?? "", theme: rec.theme ?? "",
        description: a.description ?? "", owner: a.owner ?? "", owners: names,
        status, statusName: a.status_text || statusName,
        rating, ratingOrder: rating == null ? scale.length : ratingOrder.get(rating) ?? scale.length,
        due: a.timeframe?.text ?? "", dueDate: a.timeframe?.due_latest ?? "",
        row: a.row ?? null,
        // For the details and the search, not sent with the page of rows.
        detail: { action: a, rec, rated },
      });
    });
  });
  const recs = data.recommendations.map((r) => ({ value: r.key, label: recName(r.key, r.title) }));
  const choices = {
    rating: [...scale.filter((l) => ratingCounts.has(l.id)).map((l) => ({ value: l.id, label: l.name })),
      ...(ratingCounts.has("") && assessment ? [{ value: "", label: "Not rated" }] : [])],
    status: [...statuses].map(([value, label]) => ({ value, label })).sort((a, b) => collator.compare(a.label, b.label)),
    owner: [...owners.keys()].sort(collator.compare).map((o) => ({ value: o, label: o })),
    rec: [...new Map(recs.map((r) => [r.value, r])).values()],
    theme: [...themes.keys()].map((t) => ({ value: t, label: t })),
  };
  return { rows, choices, cache: null };
}

// Each column's order; an empty cell (no owner, no deadline) goes last either way.
/** "3. Improve scrutiny", or the title alone when it already names the recommendation
 *  ("Recommendation 3: Improve scrutiny"). */
function recName(key, title) {
  if (!title) return key;
  return new RegExp(`(^|\\D)${key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(\\D|$)`).test(title.slice(0, 40)) ? title : `${key}. ${title}`;
}

const SORTS = {
  ref: { by: (a, b) => a.id - b.id, empty: () => false },
  description: { by: (a, b) => collator.compare(a.description, b.description), empty: (r) => !r.description },
  owner: { by: (a, b) => collator.compare(a.owner, b.owner), empty: (r) => !r.owner },
  due: { by: (a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0), empty: (r) => !r.dueDate },
  status: { by: (a, b) => collator.compare(a.statusName, b.statusName), empty: (r) => r.status === "none" },
  rating: { by: (a, b) => a.ratingOrder - b.ratingOrder, empty: (r) => r.rating == null },
};

/** One page of the table: the rows that match the search and filters, in the order asked for. */
function tablePage({ query = "", filters = {}, sort = "ref", dir = "ascending", page = 0, size = 50, choices = false }) {
  const made = !table;
  ensureTable();
  const key = JSON.stringify([query, filters, sort, dir]);
  if (table.cache?.key !== key) {
    const words = query.toLocaleLowerCase("en-GB").split(/\s+/).filter(Boolean);
    const f = filters;
    let rows = table.rows.filter((r) =>
      (f.rating == null || (r.rating ?? "") === f.rating) &&
      (f.status == null || r.status === f.status) &&
      (f.owner == null || r.owners.includes(f.owner)) &&
      (f.rec == null || r.rec === f.rec) &&
      (f.theme == null || r.theme === f.theme) &&
      (words.length === 0 || words.every((w) => searchText(r).includes(w))));
    const { by, empty } = SORTS[sort] ?? SORTS.ref;
    const sign = dir === "descending" ? -1 : 1;
    rows = rows.sort((a, b) => (empty(a) - empty(b)) || sign * by(a, b) || (sort === "ref" ? sign : 1) * (a.id - b.id));
    table.cache = { key, rows };
  }
  const rows = table.cache.rows;
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const p = Math.min(Math.max(0, page), pages - 1);
  return {
    total: table.rows.length,
    matched: rows.length,
    page: p,
    pages,
    size,
    rows: rows.slice(p * size, p * size + size).map(({ detail, owners, search, ...r }) => r),
    ...(choices ? { choices: table.choices } : {}),
    ...(made ? { madeMs: table.ms } : {}),
  };
}

function searchText(r) {
  r.search ??= [r.ref, r.rec, r.recTitle, r.theme, r.description, r.owner, r.statusName, r.due,
    r.detail.action.status_text, ...(r.detail.action.updates ?? []).map((u) => u.text)]
    .filter(Boolean).join("\n").toLocaleLowerCase("en-GB");
  return r.search;
}

/** Everything about one action, for the row that opens. */
function actionDetail({ action: id }) {
  const r = ensureTable().rows[id];
  if (!r) throw new Error("no such action");
  const { action: a, rec, rated } = r.detail;
  return {
    id, ref: r.ref, rec: r.rec, recName: recName(r.rec, r.recTitle), theme: r.theme,
    description: a.description, owner: a.owner ?? null, leadMember: a.lead_member ?? null,
    statusText: a.status_text ?? null, statusName: r.statusName, percent: a.percent_complete ?? null,
    reported: a.rag ?? null, rating: r.rating,
    reason: rated?.reason?.text ?? null,
    timeframe: a.timeframe ?? null, originalDue: a.original_due ?? null,
    updates: a.updates ?? [], evidence: a.evidence ?? null, furtherOptions: a.further_options ?? null,
    extra: a.extra ?? {}, row: a.row ?? null, recRow: rec.row ?? null,
  };
}

async function download({ what, asOf, rules }) {
  if (!plan) throw new Error("no plan loaded");
  const base = last.name.replace(/\.[^.]+$/, "");
  switch (what) {
    case "xlsx": {
      // The tracker writer is in the Office build: read the file there if it was not already.
      const m = await officeBuild();
      const p = ap === m ? plan : m.parsePlan(last.bytes, last.options);
      try {
        const bytes = p.trackerXLSX({ asOf, rules });
        return { name: `${base}-tracker.xlsx`, mime: XLSX, bytes };
      } finally {
        if (p !== plan) p.free();
      }
    }
    case "html":
      return { name: `${base}-report.html`, mime: "text/html", text: plan.report({ asOf, rules, format: "html" }) };
    case "md":
      return { name: `${base}-report.md`, mime: "text/markdown", text: plan.report({ asOf, rules, format: "md" }) };
    case "csv":
      return { name: `${base}-rated.csv`, mime: "text/csv", text: plan.ratedCSV({ asOf, rules }) };
    case "json":
      return { name: `${base}.json`, mime: "application/json", text: JSON.stringify(plan.toJSON(), null, 2) };
    default:
      throw new Error(`unknown download ${what}`);
  }
}

// ---- updates from owners ------------------------------------------------------------------
// One workbook per owner to send out, the returned ones read back into the next version: all
// in the Office build (it writes and reads workbooks), with the plan read there too when the
// page read it with the lean build (a CSV).

/** The current plan in the Office build, and the last merge's next version (wasm objects). */
let officeCopy = null;
let merged = null;
function forgetOwners() {
  officeCopy?.free();
  officeCopy = null;
  merged?.free();
  merged = null;
}

async function officePlan() {
  if (!plan) throw new Error("no plan loaded");
  const m = await officeBuild();
  if (ap === m) return { m, p: plan };
  officeCopy ??= m.parsePlan(last.bytes, last.options);
  return { m, p: officeCopy };
}

/** Every owner's workbook: who it is for, how many actions, the file name and the bytes. */
async function ownerTemplates() {
  const { m, p } = await officePlan();
  const books = m.template(p, "owner");
  return m.ownerGroups(p).map((g) => ({ owner: g.owner, fileName: g.file_name, actions: g.actions, bytes: books[g.file_name] }));
}

/** Read the returned workbooks against the current plan: every change and problem, and what
 *  the next version says against this one; the next version is kept for its download. */
async function ownerMerge({ files, period }) {
  const { m, p } = await officePlan();
  const returned = {};
  for (const f of files) returned[f.name] = new Uint8Array(f.bytes);
  const options = period ? { period } : undefined;
  const out = m.merge(p, returned, options);
  merged?.free();
  merged = out.plan;
  // Each changed action's wording, to show beside its ref (when the ref names one action).
  const wanted = new Set(out.changes.map((c) => c.ref));
  const seen = new Map();
  if (wanted.size) {
    for (const rec of merged.toJSON().recommendations) {
      for (const a of rec.actions) {
        if (wanted.has(a.ref)) seen.set(a.ref, seen.has(a.ref) ? null : a.description ?? null);
      }
    }
  }
  const descriptions = Object.fromEntries([...seen].filter(([, d]) => d));
  return {
    changes: out.changes,
    descriptions,
    diagnostics: out.diagnostics,
    headline: m.diff(p, merged).headline,
    actions: merged.actionCount,
  };
}

/** The next version as the command line's `merge -o next.xlsx` writes it. */
async function nextVersion() {
  if (!merged) throw new Error("no returned workbooks read yet");
  const m = await officeBuild();
  const base = last.name.replace(/\.[^.]+$/, "").replace(/-next(-\d+)?$/, "");
  return { name: `${base}-next.xlsx`, mime: XLSX, bytes: m.nextVersionXLSX(merged) };
}
// A PDF (`%PDF-` in its first 1024 bytes) is read by the office build, like Excel and Word.
function isPdf(bytes) {
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 5 <= head.length; i++) {
    if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) return true;
  }
  return false;
}

self.onmessage = async ({ data }) => {
  const { id, type } = data;
  try {
    await ready;
    if (type === "hello") {
      self.postMessage({ id, ok: true, version: ap.version(), rated: rated(), presets: rated() ? ap.presets() : [] });
    } else if (type === "open") {
      last = { name: data.name, bytes: new Uint8Array(data.bytes) };
      forgetOwners();
      plan?.free();
      plan = null;
      ap = lean;
      if (isPdf(last.bytes) || (typeof lean.officeContainer === "function" && lean.officeContainer(last.bytes) != null)) {
        try {
          ap = await officeBuild();
        } catch {
          office = null; // not built: the lean module explains what the file is
        }
      }
      self.postMessage({ id, ok: true, result: run(data) });
    } else if (type === "rerun") {
      if (!last) throw new Error("no file yet");
      self.postMessage({ id, ok: true, result: run(data) });
    } else if (type === "table") {
      self.postMessage({ id, ok: true, table: tablePage(data) });
    } else if (type === "detail") {
      self.postMessage({ id, ok: true, detail: actionDetail(data) });
    } else if (type === "download") {
      const file = await download(data);
      self.postMessage({ id, ok: true, file }, file.bytes ? [file.bytes.buffer] : []);
    } else if (type === "owners-template") {
      const books = await ownerTemplates();
      self.postMessage({ id, ok: true, books }, books.map((b) => b.bytes.buffer));
    } else if (type === "owners-merge") {
      self.postMessage({ id, ok: true, merge: await ownerMerge(data) });
    } else if (type === "owners-next") {
      const file = await nextVersion();
      self.postMessage({ id, ok: true, file }, [file.bytes.buffer]);
    }
  } catch (e) {
    if (type === "open") {
      plan?.free();
      plan = null;
      table = null;
      tableFrom = null;
    }
    self.postMessage({ id, ok: false, error: errorData(e) });
  }
};

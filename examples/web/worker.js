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
  plan?.free();
  plan = null;
  // The library reads what the file's name says (.tsv is tab-separated), as every door does.
  const options = { fileName: last.name };
  if (planDate) options.planDate = planDate;
  last.options = options;
  plan = ap.parsePlan(last.bytes, options);
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
  out.timings = t;
  return out;
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
        return { name: `${base}-tracker.xlsx`, mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes };
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
    } else if (type === "download") {
      const file = await download(data);
      self.postMessage({ id, ok: true, file }, file.bytes ? [file.bytes.buffer] : []);
    }
  } catch (e) {
    if (type === "open") {
      plan?.free();
      plan = null;
    }
    self.postMessage({ id, ok: false, error: errorData(e) });
  }
};

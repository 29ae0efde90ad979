// The golden outputs under tests/golden/ (written by the Rust tests, checked by the Python
// tests too) come out the same through the wasm package: ratings with every preset, the
// statistics, the Markdown and HTML reports, the rated CSV, a two-quarter diff and staleness.
// The plans, dates and presets are those of core/tests/rating_golden.rs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ap, bytes, exists, text, list } from "./helpers.mjs";

const PLANS = [
  ["hertsmere-2024.csv", "2024-12-01", "2025-06-30"],
  ["north-herts-2024.csv", "2025-03-18", "2025-09-30"],
  ["harlow-2023.tsv", "2023-05-01", "2023-12-31"],
  ["huntingdonshire-2024.tsv", "2024-06-01", "2025-03-31"],
  ["three-rivers-2013.csv", "2013-11-01", "2014-03-31"],
];
const ready = exists("tests/golden") && typeof ap.presets === "function";
test("the golden outputs and the rating API are there", () => assert.ok(ready));

/** Load a plan as the golden test does: the plan date, and the file's name (.tsv is TSV). */
function load(rel, planDate) {
  return ap.parsePlan(bytes(rel), { planDate, fileName: rel });
}
const golden = (rel) => text(`tests/golden/${rel}`);
const goldenJson = (rel) => JSON.parse(golden(rel));
const stem = (f) => f.replace(/\.[^.]+$/, "");

test("every shipped preset has golden outputs", () => {
  const ids = ap.presets().map((p) => p.id);
  assert.ok(ids.includes("date-rag"));
  for (const [file] of PLANS) {
    const have = list(`tests/golden/${stem(file)}`);
    for (const id of ids) assert.ok(have.includes(`${id}.json`), `${stem(file)}/${id}.json`);
  }
});

for (const [file, planDate, asOf] of PLANS) {
  const name = stem(file);
  test(`${name}: assessments with every preset`, () => {
    const plan = load(`examples/data/${file}`, planDate);
    for (const { id } of ap.presets()) {
      assert.deepEqual(plan.assess({ asOf, rules: id }), goldenJson(`${name}/${id}.json`), `${name}/${id}`);
    }
  });

  test(`${name}: statistics, Markdown report, rated CSV`, () => {
    const plan = load(`examples/data/${file}`, planDate);
    const opts = { asOf, rules: "date-rag" };
    assert.deepEqual(plan.stats(opts), goldenJson(`${name}/stats.json`));
    assert.equal(plan.report({ ...opts, format: "md" }), golden(`${name}/report.md`));
    assert.equal(plan.ratedCSV(opts), golden(`${name}/rated.csv`));
    assert.equal(plan.report({ ...opts, format: "csv" }), golden(`${name}/rated.csv`));
    assert.throws(() => plan.report({ ...opts, format: "pdf" }), /not a report format/);
  });
}

test("two quarters: diff with ratings, staleness, reports with changes", () => {
  const old = load("tests/golden/inputs/huntingdonshire-2024-q3.tsv", "2024-06-01");
  const cur = load("examples/data/huntingdonshire-2024.tsv", "2024-06-01");
  const opts = { asOf: "2025-03-31", previousAsOf: "2024-12-31", rules: "date-rag" };
  assert.deepEqual(ap.diff(old, cur, opts), goldenJson("huntingdonshire-2024/diff-q3-q4.json"));
  assert.deepEqual(
    cur.assessSince(old, { asOf: "2025-03-31", rules: "staleness" }),
    goldenJson("huntingdonshire-2024/staleness-since-q3.json"),
  );
  assert.equal(cur.reportSince(old, { ...opts, format: "md" }), golden("huntingdonshire-2024/report-q4.md"));
  assert.equal(cur.reportSince(old, { ...opts, format: "html" }), golden("reports/huntingdonshire-2024-q4.html"));
  // Both plans are still usable: they were borrowed, not consumed.
  assert.equal(old.actionCount > 0 && cur.actionCount > 0, true);
});

test("a hostile plan: the HTML report escapes everything, the CSV is formula-safe", () => {
  const plan = load("tests/golden/inputs/hostile.csv", "2025-01-01");
  const opts = { asOf: "2025-06-30", rules: "date-rag" };
  const html = plan.report(opts);
  assert.ok(!html.toLowerCase().includes("<script"));
  assert.ok(html.includes("&lt;script&gt;"));
  assert.equal(html, golden("reports/hostile.html"));
  assert.equal(plan.ratedCSV(opts), golden("hostile/rated.csv"));
});

test("a plan with progress gives the golden forecast, at the end and the middle of periods", () => {
  const plan = load("tests/golden/inputs/forecast.csv", "2025-01-01");
  assert.deepEqual(plan.assess({ asOf: "2025-06-30", rules: "forecast" }), goldenJson("forecast/forecast.json"));
  const rules = { ...ap.presetRules("forecast"), forecast: { deadline: "middle" } };
  assert.deepEqual(plan.assess({ asOf: "2025-06-30", rules }), goldenJson("forecast/forecast-middle.json"));
});

test("rules: a preset id, a rule-set object or its JSON text give the same ratings", () => {
  const [file, planDate, asOf] = PLANS[0];
  const plan = load(`examples/data/${file}`, planDate);
  const byId = plan.assess({ asOf, rules: "brag" });
  const rules = ap.presetRules("brag");
  assert.deepEqual(plan.assess({ asOf, rules }), byId);
  assert.deepEqual(plan.assess({ asOf, rules: JSON.stringify(rules) }), byId);
  for (const bad of [{ rules: "no-such-preset" }, { rules: 42 }, { rules: "{" }, { asOf: "31/03/2025" }, { rules: "brag", colour: "red" }]) {
    const e = (() => { try { plan.assess(bad); } catch (x) { return x; } })();
    assert.equal(e?.name, "InvalidOptionError", JSON.stringify(bad));
  }
});

test("the assessment is reused for the same date and rules, and redone for others", () => {
  const [file, planDate] = PLANS[3];
  const plan = load(`examples/data/${file}`, planDate);
  const a = plan.stats({ asOf: "2025-03-31" });
  const b = plan.stats({ asOf: "2025-03-31" });
  assert.deepEqual(a, b);
  const later = plan.stats({ asOf: "2026-03-31" });
  assert.notDeepEqual(later.plan, a.plan);
  assert.deepEqual(plan.stats({ asOf: "2025-03-31" }), a);
});

test("groupBy: theme, owner, lead, none", () => {
  const [file, planDate, asOf] = PLANS[4];
  const plan = load(`examples/data/${file}`, planDate);
  assert.equal(plan.stats({ asOf, groupBy: "theme" }).by, "theme");
  assert.equal(plan.stats({ asOf, groupBy: "owner" }).by, "owner");
  assert.equal(plan.stats({ asOf, groupBy: "none" }).groups.length, 0);
  const e = (() => { try { plan.stats({ asOf, groupBy: "colour" }); } catch (x) { return x; } })();
  assert.equal(e.name, "InvalidOptionError");
});

test("asOf defaults to today", () => {
  const plan = load("examples/data/hertsmere-2024.csv", "2024-12-01");
  const d = new Date();
  const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  assert.equal(plan.assess().as_of, today);
});

test("action and ratedAction look one action up by the positions the statistics give", () => {
  const [file, planDate, asOf] = PLANS[0];
  const plan = load(`examples/data/${file}`, planDate);
  const stats = plan.stats({ asOf });
  const all = plan.assess({ asOf });
  const data = plan.toJSON();
  assert.ok(stats.overdue.length > 0);
  for (const o of stats.overdue) {
    const rated = plan.ratedAction(o.recommendation_index, o.action_index, { asOf });
    assert.deepEqual(rated, all.actions.find((a) => a.recommendation_index === o.recommendation_index && a.action_index === o.action_index));
    assert.equal(rated.ref, o.ref);
    assert.deepEqual(plan.action(o.recommendation_index, o.action_index), data.recommendations[o.recommendation_index].actions[o.action_index]);
  }
  assert.equal(plan.action(999, 0), undefined);
  assert.equal(plan.ratedAction(0, 999, { asOf }), undefined);
});

test("four versions give the golden history, the same as every other door", () => {
  const h = new ap.PlanHistory();
  for (const q of [1, 2, 3, 4]) {
    const plan = ap.parsePlan(bytes(`tests/fixtures/history/q${q}.csv`));
    h.add(plan, `q${q}.csv`);
    plan.free();
  }
  assert.equal(h.length, 4);
  const options = { rules: "date-rag", asOf: "2026-01-15" };
  assert.deepEqual(h.result(options), goldenJson("history/four.json"));
  assert.equal(h.toMarkdown(options), golden("history/four.md"));
  assert.match(h.toHTML(options), /<caption>Every action in every version<\/caption>/);
  assert.throws(() => h.result({ stuckVersion: 4 }), { name: "InvalidOptionError" });
});

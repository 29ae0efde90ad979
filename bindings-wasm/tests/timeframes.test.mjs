// parseTimeframe gives the readings in tests/fixtures/timeframes-*.tsv (the files the Rust and
// Python timeframe tests read), and never throws for any text.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ap, readTsv, thrown } from "./helpers.mjs";

// The fixtures with expected readings (the corpus, timeframes-corpus.tsv, is scored in Rust:
// its columns are windows for a score, not one reading per phrase).
const files = ["timeframes-seeds.tsv", "timeframes-wider.tsv"];
const rows = files.flatMap((f) => readTsv(`tests/fixtures/${f}`).map((r) => ({ ...r, file: f })));

test("the fixtures have phrases", () => {
  assert.ok(files.includes("timeframes-seeds.tsv"));
  assert.ok(rows.length >= 40);
});

// The same reading of the fixture as core/tests/timeframe_fixtures.rs: where due_earliest and
// due_latest are given the deadline interval must lie inside them, else both ends equal `due`;
// an empty `due` means no deadline; `start` is checked where given, `ongoing` and `recurrence`
// ("4/year", or "yes" for a recurrence without a count) always, `kind` when the column exists.
function check(row, t) {
  const errs = [];
  const { due, due_earliest: lo, due_latest: hi } = row;
  const [e, l] = [t.due_earliest ?? null, t.due_latest ?? null];
  if (!due) {
    if (e || l) errs.push(`expected no deadline, got ${e}..${l}`);
  } else if (lo && hi) {
    const inside = (d) => d != null && lo <= d && d <= hi;
    if (!inside(e) || !inside(l)) errs.push(`deadline ${e}..${l} not inside ${lo}..${hi}`);
  } else if (e !== due || l !== due) {
    errs.push(`deadline ${e}..${l}, expected ${due}`);
  }
  if (row.start && t.start !== row.start) errs.push(`start ${t.start}, expected ${row.start}`);
  if (row.ongoing === "yes" || row.ongoing === "no") {
    if ((t.ongoing ?? false) !== (row.ongoing === "yes")) errs.push(`ongoing ${t.ongoing ?? false}`);
  }
  const got = t.recurrence ? (t.recurrence.per_year != null ? `${t.recurrence.per_year}/year` : "yes") : "";
  if (got !== (row.recurrence ?? "")) errs.push(`recurrence ${got}, expected ${row.recurrence}`);
  if (row.kind && t.kind !== row.kind) errs.push(`kind ${t.kind}, expected ${row.kind}`);
  return errs;
}

for (const row of rows) {
  test(`${row.file}: ${JSON.stringify(row.phrase)}`, () => {
    const t = ap.parseTimeframe(row.phrase, row.reference || undefined);
    assert.equal(t.text, row.phrase);
    const errs = check(row, t);
    assert.deepEqual(errs, [], `${JSON.stringify(row.phrase)} read as ${JSON.stringify(t)}`);
  });
}

test("an unreadable phrase is data, not an exception", () => {
  const t = ap.parseTimeframe("xyzzy plugh");
  assert.equal(t.kind, "unreadable");
  assert.equal(t.confidence, "none");
  assert.equal(t.due_latest, undefined);
});

test("a bad reference date throws InvalidOptionError", () => {
  const e = thrown(() => ap.parseTimeframe("June", "next week"));
  assert.equal(e.name, "InvalidOptionError");
  assert.match(e.message, /reference/);
});

test("settings change the conventions", () => {
  const april = ap.parseTimeframe("2024/25", "2024-01-01");
  assert.equal(april.due_latest, "2025-03-31");
  const january = ap.parseTimeframe("2024/25", "2024-01-01", { financialYearStartMonth: 1 });
  assert.equal(january.kind, "financial_year");
  assert.notEqual(january.due_latest, april.due_latest);
  const e = thrown(() => ap.parseTimeframe("2024/25", null, { civicYearStartMonth: 0 }));
  assert.equal(e.name, "InvalidOptionError");
});

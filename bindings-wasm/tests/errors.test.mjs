// Bad input: errors are real `Error`s named after their kind, with their place; problems
// inside a readable plan are returned as diagnostics, never thrown; nothing panics.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ap, text, thrown } from "./helpers.mjs";

const cases = [
  ["an empty file", "", "EmptyInputError", "empty"],
  ["white space only", " \n\t\n", "EmptyInputError", "empty"],
  ["an empty Uint8Array", new Uint8Array(), "EmptyInputError", "empty"],
  ["binary junk", new Uint8Array([0, 1, 2, 3, 0xff, 0xfe, 0, 0, 7, 8]), "NotTextError", "not_text"],
  // The Node build reads PDFs (the lean web build says the bytes are not text, a PDF).
  ["a damaged PDF", new TextEncoder().encode("%PDF-1.7\n\x00\x01\x02\x03 binary"), "PdfDamagedError", "pdf_damaged"],
  ["a table with no header", "1,2,3\n4,5,6\n7,8,9\n", "NoHeaderError", "no_header"],
  ["broken JSON", '{"meta": {,}', "InvalidJsonError", "json"],
];

for (const [what, input, name, code] of cases) {
  test(`${what} throws ${name}`, () => {
    const e = thrown(() => ap.parsePlan(input));
    assert.ok(e instanceof Error, "a real Error");
    assert.equal(e.name, name);
    assert.equal(e.code, code);
    assert.ok(e.message.length > 10, e.message);
    assert.ok("row" in e && "column" in e);
    assert.ok(typeof e.stack === "string");
  });
}

test("a JSON error carries its line and column", () => {
  const e = thrown(() => ap.parsePlan('{\n  "meta": {\n    "title": ,\n  }\n}'));
  assert.equal(e.name, "InvalidJsonError");
  assert.equal(e.row, 3);
  assert.equal(e.column, "14");
  assert.match(e.message, /line 3/);
});

test("a header with no rows below it throws NoRowsError at the header row", () => {
  const e = thrown(() => ap.parsePlan("Plan title\nRecommendation,Action,Owner,Due\n"));
  assert.equal(e.name, "NoRowsError");
  assert.equal(e.row, 2);
});

test("a column mapping naming a missing header throws UnknownColumnError with the column", () => {
  const e = thrown(() =>
    ap.parsePlan("Action,Owner\nDo it,Me\n", { columns: { Person: "owner" } }),
  );
  assert.equal(e.name, "UnknownColumnError");
  assert.equal(e.column, "Person");
});

test("bad options throw InvalidOptionError naming the option", () => {
  const csv = "Action,Owner\nDo it,Me\n";
  for (const [opts, mention] of [
    [{ planDate: "1 March 2025" }, "planDate"],
    [{ planDate: "2025-02-30" }, "planDate"],
    [{ format: "xml" }, "format"],
    [{ delimiter: ";;" }, "delimiter"],
    [{ columns: { Owner: "boss" } }, "columns"],
    [{ plnaDate: "2025-01-01" }, "plnaDate"],
    [{ fillDown: "yes" }, "options"],
    [{ timeframes: { financialYearStartMonth: 13 } }, "financialYearStartMonth"],
  ]) {
    const e = thrown(() => ap.parsePlan(csv, opts));
    assert.equal(e.name, "InvalidOptionError", JSON.stringify(opts));
    assert.equal(e.code, "invalid_option");
    assert.ok(e.message.includes(mention), `${e.message} should mention ${mention}`);
  }
});

test("an argument of the wrong type throws TypeError", () => {
  assert.ok(thrown(() => ap.parsePlan(42)) instanceof TypeError);
  assert.ok(thrown(() => ap.parsePlan({})) instanceof TypeError);
  assert.ok(thrown(() => ap.parsePlan("Action,Owner\nx,y\n", "2025-01-01")) instanceof TypeError);
});

test("diagnostics are returned, not thrown", () => {
  const plan = ap.parsePlan("Action,Owner,Due\nDo it,,whenever\n,Me,May 2025\n", {
    planDate: "2025-01-01",
  });
  const found = plan.validate();
  assert.ok(Array.isArray(found));
  for (const d of found) {
    assert.ok(["info", "warning", "error"].includes(d.severity));
    assert.equal(typeof d.code, "string");
    assert.equal(typeof d.message, "string");
    assert.equal(typeof d.place, "object");
  }
});

test("no input makes the module panic: random and mutated inputs", () => {
  // A deterministic generator, so a failure can be replayed.
  let seed = 0x2545f491;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const pieces = [",", "\t", "\n", "\r\n", '"', '""', "Recommendation", "Action", "Owner",
    "Due", "Status", "RAG", "Q3 2024/25", "Summer", "{", "}", "[", "]", ":", "\u00a3", "\u2013",
    "\xef\xbb\xbf", "\u0000", "\ufffd", "  ", "1.", "R1.2", "Complete", "31/02/2025", "9999",
    "Mar-25", "/", "&", "\u{1F600}", "x".repeat(300)];
  for (let i = 0; i < 400; i++) {
    let s = "";
    const n = Math.floor(rnd() * 40);
    for (let j = 0; j < n; j++) s += pieces[Math.floor(rnd() * pieces.length)];
    const input = i % 3 === 0
      ? Uint8Array.from({ length: n * 3 }, () => Math.floor(rnd() * 256))
      : s;
    try {
      const plan = ap.parsePlan(input, { planDate: "2025-01-01" });
      plan.validate();
      plan.toJSON();
      if (i % 4 === 1) {
        const asOf = ["2025-03-31", "1900-01-01", "2999-12-31"][i % 3];
        plan.assess({ asOf, rules: ["date-rag", "percent-bands", "months-behind", "five-point"][i % 4] });
        plan.stats({ asOf, groupBy: "owner" });
        plan.report({ asOf, format: i % 2 ? "md" : "html" });
        plan.ratedCSV({ asOf });
        plan.toCSV();
      }
      plan.free();
    } catch (e) {
      assert.ok(e instanceof Error);
      assert.match(e.name, /^[A-Z][A-Za-z]*Error$/, `${e.name}: ${e.message}`);
      assert.notEqual(e.name, "RuntimeError", `the module trapped on ${JSON.stringify(s)}`);
    }
  }
  // The instance is still healthy afterwards.
  assert.equal(ap.parsePlan("Action,Owner\nDo it,Me\n").actionCount, 1);
});

test("rule sets that are wrong are InvalidOptionErrors, not crashes", () => {
  const plan = ap.parsePlan("Action,Owner,Due,Status\nDo it,Me,May 2025,In progress\n");
  const good = ap.presetRules("date-rag");
  const bad = [
    { ...good, rules: [] , otherwise: "purple" },
    { ...good, scale: { ...good.scale, labels: [] } },
    { ...good, rules: [{ id: "x", when: { days_overdue: { above: "a fortnight or so" } }, then: "red" }] },
    { ...good, rules: [{ id: "x", when: { days_overdue: { above: "$nope" } }, then: "red" }] },
    { ...good, rules: [{ id: "x", when: { colour: ["red"] }, then: "red" }] },
    { ...good, rules: [{ id: "x", then: "no_such_label" }] },
    { ...good, params: { due_soon: "-99999999999 years" } },
    { id: "x" },
  ];
  for (const rules of bad) {
    let e;
    try {
      plan.assess({ asOf: "2025-06-30", rules });
    } catch (x) {
      e = x;
    }
    if (e) assert.equal(e.name, "InvalidOptionError", `${JSON.stringify(rules).slice(0, 120)}: ${e.name} ${e.message}`);
  }
  assert.equal(plan.assess({ asOf: "2025-06-30" }).actions.length, 1);
});

// Files that are not action plans are refused through this door as through the core's: the
// project's README, a Rust source file and a paragraph of prose (issue 22).
const PROSE =
  "The council met on Tuesday to discuss the budget. Members raised concerns about the cost " +
  "of the new leisure centre, which has risen since the plan was agreed in March 2024. The " +
  "leader said a report would follow in the summer.\n\nOfficers were asked to look again at " +
  "the figures and to consult residents before any decision.\n";
for (const [what, input] of [
  ["the README", () => text("README.md")],
  ["a Rust source file", () => text("core/src/lib.rs")],
  ["a paragraph of prose", () => PROSE],
]) {
  test(`${what} is not read as a plan`, () => {
    const e = thrown(() => ap.parsePlan(input()));
    assert.ok(e instanceof Error, `${what} was read as a plan`);
    assert.equal(typeof e.code, "string");
  });
}

// Compiled (not run) by package.test.mjs with `tsc --noEmit --strict`: the hand-written types
// describe what the functions return, so this typed use of the API must check.
import {
  parsePlan, parseTimeframe, Plan, diff, presets, presetRules, validationCodes, version,
  sheetNames, officeContainer, type OfficeContainer, template, merge, ownerGroups, nextVersionXLSX,
  type OwnerMerge, type OwnerChange, type OwnerGroup,
  type Assessment, type Diagnostic, type PlanData, type Stats, type PlanDiff, type RuleSet,
  type Timeframe, type ParseOptions, type ActionPlanError, type Status, type StatsFormat,
} from "../pkg-node/actionplan_wasm.js";

const options: ParseOptions = { planDate: "2024-12-01", format: "csv", columns: { Person: "owner" } };
const plan: Plan = parsePlan("Action,Owner\nDo it,Me\n", options);
const found: Diagnostic[] = plan.validate({ skipImportInfo: true, severity: { missing_owner: "error" } });
const rows: (number | undefined)[] = found.map((d) => d.place.row);
const data: PlanData = plan.toJSON();
const status: Status | undefined = data.recommendations[0]?.actions[0]?.status;
const other: string | undefined = typeof status === "object" ? status.other : status;
const copy: Plan = Plan.fromJSON(data);
const a: Assessment = plan.assess({ asOf: "2025-03-31", rules: "date-rag" });
const rating: string | null = a.actions[0]?.rating ?? null;
const why: string = a.actions[0]?.reason.text ?? "";
const s: Stats = plan.stats({ asOf: "2025-03-31", groupBy: "owner" });
const headline: string[] = s.headline;
const published: StatsFormat = { order: "percent_count", decimals: 1, rounding: "each", less_than_one: true, separator: "; " };
const styled: string[] = plan.stats({ format: published }).headline.concat(plan.stats({ format: '{"verbs": true}' }).headline);
const share: number = s.plan.by_rating[0]?.percent ?? 0;
const rules: RuleSet = presetRules("brag");
const first = s.overdue[0];
const reason: string | undefined = first && plan.ratedAction(first.recommendation_index, first.action_index)?.reason.text;
const owner: string | undefined = first && plan.action(first.recommendation_index, first.action_index)?.owner;
const again: Assessment = plan.assess({ rules });
const d: PlanDiff = diff(copy, plan, { asOf: "2025-03-31" });
const since: Assessment = plan.assessSince(copy, { rules: "staleness" });
const html: string = plan.report({ format: "html" });
const md: string = plan.reportSince(copy, { format: "md", previousAsOf: "2024-12-31" });
const csv: string = plan.ratedCSV() + plan.toCSV();
const t: Timeframe = parseTimeframe("Q3 2024/25", "2024-06-01", { financialYearStartMonth: 4 });
const due: string | undefined = t.due_latest ?? parseTimeframe("May 2025").due_latest;
const ids: string[] = presets().map((p) => p.id).concat(validationCodes().map((c) => c.code));
try {
  parsePlan("");
} catch (e) {
  const err = e as ActionPlanError;
  const where: [number | null, string | null] = [err.row, err.column];
  void where;
}
const book = new Uint8Array();
const kind: OfficeContainer | null = officeContainer(book);
const sheets: string[] = kind ? sheetNames(book) : [];
const fromSheet: Plan = parsePlan(book, { sheet: sheets[0] ?? 0, sheetsAsThemes: false });
const tracker: Uint8Array = fromSheet.trackerXLSX({ asOf: "2025-03-31" });
void tracker;
const books: Record<string, Uint8Array> = template(fromSheet, "owner");
const merged: OwnerMerge = merge(fromSheet, books, { asOf: "2025-06-30", period: "Q1 2025/26" });
const next: Plan = merged.plan;
const changed: OwnerChange[] = merged.changes;
const where: (number | undefined)[] = merged.diagnostics.map((d) => d.place.row);
const groups: OwnerGroup[] = ownerGroups(fromSheet);
const counts: [string, string, number][] = groups.map((g) => [g.owner, g.file_name, g.actions]);
const nextBook: Uint8Array = nextVersionXLSX(next);
void [next, changed, where, counts, nextBook];

// Mistakes the types catch.
// @ts-expect-error: a misspelt option
parsePlan("x", { plnaDate: "2024-12-01" });
// @ts-expect-error: dates are strings
plan.assess({ asOf: 20250331 });
// @ts-expect-error: not a format
plan.report({ format: "pdf" });
// @ts-expect-error: not a field
parsePlan("x", { columns: { Person: "boss" } });
void [reason, owner, rows, other, rating, why, headline, styled, share, again, d, since, html, md, csv, due, ids, version()];
plan.free();

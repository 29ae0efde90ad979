// What every consumer does with the package, in Node, a page or a Worker: start it the one
// documented way, read a plan, rate it, hit the errors. Returns plain data to compare.
// `ap` is the namespace of "actionplan", `office` of "actionplan/office" (or null), `book` the
// bytes of an .xlsx fixture (or null).
export const CSV =
  "Ref,Recommendation,Action,Owner,Due,Status\n" +
  "A1,1. Strengthen scrutiny,Review committee terms of reference,Head of Legal,March 2025,Complete\n" +
  "A2,,Train members,Democratic Services / HR,Summer 2025,In progress\n" +
  "A2,,Publish a work programme,,TBC,\n";

export async function check(ap, office, book) {
  await ap.init(); // the same call in every entry: a no-op where the entry started itself
  ap.initSync();
  const plan = ap.parsePlan(CSV, { planDate: "2024-12-01" });
  const out = {
    actions: plan.actionCount,
    duplicate: plan.validate().some((d) => d.code === "duplicate_ref"),
    rated: plan.assess({ asOf: "2025-03-31" }).actions.length,
    version: ap.version(),
  };
  plan.free();
  try {
    plan.validate();
    out.freed = "no error";
  } catch (e) {
    out.freed = `${e.name}: ${ap.isActionPlanError(e)}`;
  }
  try {
    ap.parsePlan("1,2,3\n4,5,6\n");
  } catch (e) {
    out.error = `${e.name} ${e instanceof ap.ActionPlanError} ${ap.isActionPlanError(e)}`;
  }
  if (office) {
    await office.init();
    out.officeActions = office.parsePlan(CSV, { planDate: "2024-12-01" }).actionCount;
    if (book) {
      out.sheets = office.sheetNames(book);
      out.bookActions = office.parsePlan(book, { planDate: "2023-05-01" }).actionCount;
    }
  }
  return out;
}

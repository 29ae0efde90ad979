// A page: the lean entry, the Office entry with a workbook, and a Worker with the lean entry.
import * as ap from "actionplan";
import * as office from "actionplan/office";
import { check } from "./check.js";

async function run() {
  const book = new Uint8Array(await (await fetch("/book.xlsx")).arrayBuffer());
  const page = await check(ap, office, book);
  const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  page.worker = await new Promise((resolve, reject) => {
    worker.onmessage = (e) => resolve(e.data);
    worker.onerror = (e) => reject(new Error(`worker: ${e.message}`));
  });
  return page;
}
run().then(
  (r) => (globalThis.__result = r),
  (e) => (globalThis.__result = { failed: String(e && e.stack ? e.stack : e) }),
);

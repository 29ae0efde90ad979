// Shared helpers for the Node tests: the Node build of the package and the fixture corpus
// shared with the Rust and Python tests (tests/fixtures, tests/golden, examples/data).
import { createRequire } from "node:module";
import { readFileSync, existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
/** The repository root. */
export const root = path.resolve(here, "../..");
const require = createRequire(import.meta.url);
/** The package, as built by scripts/build-wasm.sh into bindings-wasm/pkg-node. */
export const ap = require(path.join(root, "bindings-wasm/pkg-node/actionplan_wasm.js"));

/** Bytes of a file under the repository root. */
export const bytes = (rel) => new Uint8Array(readFileSync(path.join(root, rel)));
/** Text of a file under the repository root. */
export const text = (rel) => readFileSync(path.join(root, rel), "utf8");
/** Whether a file or folder exists under the repository root. */
export const exists = (rel) => existsSync(path.join(root, rel));
/** File names in a folder under the repository root ([] when it does not exist). */
export const list = (rel) => (exists(rel) ? readdirSync(path.join(root, rel)).sort() : []);
/** The hand-checked truth for the five example plans. */
export const seeds = () => JSON.parse(text("tests/fixtures/expected-seeds.json")).plans;

/** Parse a TSV fixture with a header row into objects; "\n" in a cell is a line break. */
export function readTsv(rel) {
  const lines = text(rel).split("\n").filter((l) => l.trim().length > 0 && !l.startsWith("#"));
  const [head, ...rows] = lines;
  const keys = head.split("\t");
  return rows.map((line) => {
    const cells = line.split("\t");
    return Object.fromEntries(keys.map((k, i) => [k, (cells[i] ?? "").replaceAll("\\n", "\n")]));
  });
}

/** Call `f` and return what it threw (fails when it throws nothing). */
export function thrown(f) {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("expected an exception");
}

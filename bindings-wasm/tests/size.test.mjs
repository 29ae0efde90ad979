// The lean web module stays within its size budget (scripts/wasm-budget.mjs), measured as the
// bench measures it: gzip at level 9 of the .wasm that wasm-opt wrote.
import { test } from "node:test";
import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import { bytes } from "./helpers.mjs";
import { LEAN_GZIP_BUDGET } from "../../scripts/wasm-budget.mjs";

test("the lean web module is within its gzip size budget", () => {
  const wasm = bytes("bindings-wasm/pkg/actionplan_wasm_bg.wasm");
  const gzip = gzipSync(wasm, { level: 9 }).length;
  assert.ok(wasm.length > 100_000, `a real module (${wasm.length} bytes)`);
  assert.ok(gzip <= LEAN_GZIP_BUDGET, `lean module ${gzip} bytes gzip, budget ${LEAN_GZIP_BUDGET}`);
});

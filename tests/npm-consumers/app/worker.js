import * as ap from "actionplan";
import { check } from "./check.js";

check(ap, null, null).then(
  (r) => postMessage(r),
  (e) => postMessage({ failed: String(e && e.stack ? e.stack : e) }),
);

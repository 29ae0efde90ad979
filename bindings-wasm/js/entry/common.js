// Shared by every entry of the npm package (assembled by scripts/assemble-npm.mjs into dist/):
// the inlined module's decoder, the error class and guard, and the freed-object check.

/** The bytes of a base64 string (an inlined WebAssembly module). */
export function fromBase64(text) {
  if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(text);
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * What a `/slim` entry's `init` or `initSync` was given, with the namespace of
 * `actionplan/wasm` (as `import()` or `require()` gives it) unwrapped to its bytes; anything
 * else (a URL, a `Response`, bytes, a `WebAssembly.Module`) as it is.
 */
export function moduleBytes(wasm) {
  if (wasm !== null && typeof wasm === "object" && !ArrayBuffer.isView(wasm) && "default" in wasm) return wasm.default;
  return wasm;
}

/**
 * Whether a value is an error the library threw for its input (an empty file, binary junk, a
 * table with no header row, a bad option, a freed plan): an `Error` with the library's `code`,
 * `row` and `column`. A `TypeError` for an argument of the wrong JS type is not one.
 */
export function isActionPlanError(value) {
  return (
    value instanceof Error &&
    typeof value.code === "string" &&
    Object.prototype.hasOwnProperty.call(value, "row") &&
    Object.prototype.hasOwnProperty.call(value, "column")
  );
}

/**
 * The class of the library's errors, for `instanceof`. The errors are made inside the
 * WebAssembly module as plain `Error`s named after their kind (`NoHeaderError`, `InvalidJsonError`,
 * ...), so `instanceof ActionPlanError` asks `isActionPlanError`: it holds for errors from
 * either build (lean or Office) and from any copy of the package.
 */
export class ActionPlanError extends Error {
  constructor(message, { name = "ActionPlanError", code = "error", row = null, column = null } = {}) {
    super(message);
    this.name = name;
    this.code = code;
    this.row = row;
    this.column = column;
  }

  static [Symbol.hasInstance](value) {
    return isActionPlanError(value);
  }
}

const guarded = new WeakSet();

/**
 * Make every method and getter of an exported class say so when its object was freed (after
 * `free()` the glue's pointer is 0, and the module would only say "null pointer passed to
 * rust"). Freeing twice (by `free()` or `using`) does nothing. The glue's own `__` helpers
 * are left alone.
 */
export function guardFreed(cls) {
  if (guarded.has(cls)) return;
  guarded.add(cls);
  const proto = cls.prototype;
  for (const [key, desc] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
    if (key === "constructor" || key.startsWith("__")) continue;
    const wrap = (f, what) => {
      const checked = function (...args) {
        if (this && this.__wbg_ptr === 0) throw freedError(cls.name, `${cls.name}.${what}`);
        for (const a of args) {
          if (a instanceof cls && a.__wbg_ptr === 0) throw freedError(cls.name, `${cls.name}.${what}`, true);
        }
        return f.apply(this, args);
      };
      Object.defineProperty(checked, "name", { value: f.name });
      return checked;
    };
    if (key === "free") {
      const free = desc.value;
      Object.defineProperty(proto, key, {
        ...desc,
        value: function free_() {
          if (this.__wbg_ptr !== 0) free.call(this);
        },
      });
      Object.defineProperty(proto[key], "name", { value: "free" });
    } else if (typeof desc.value === "function") {
      Object.defineProperty(proto, key, { ...desc, value: wrap(desc.value, `${key}()`) });
    } else if (desc.get) {
      Object.defineProperty(proto, key, { ...desc, get: wrap(desc.get, key) });
    }
  }
  // `using` (Symbol.dispose is the glue's `free`): the checked one.
  if (Symbol.dispose && Object.prototype.hasOwnProperty.call(proto, Symbol.dispose)) {
    Object.defineProperty(proto, Symbol.dispose, { ...Object.getOwnPropertyDescriptor(proto, Symbol.dispose), value: proto.free });
  }
}

/** A module function that says so when an object it is given was freed (`diff(previous, current)`). */
export function guardArgs(f, classes) {
  const checked = function (...args) {
    for (const a of args) {
      for (const cls of classes) {
        if (a instanceof cls && a.__wbg_ptr === 0) throw freedError(cls.name, `${f.name}()`, true);
      }
    }
    return f.apply(this, args);
  };
  Object.defineProperty(checked, "name", { value: f.name });
  return checked;
}

function freedError(className, what, passed = false) {
  const noun = className.charAt(0).toLowerCase() + className.slice(1);
  const subject = passed ? `a ${className} passed to it` : `this ${className}`;
  return new ActionPlanError(
    `${what}: ${subject} was freed (${noun}.free() was called, or a \`using\` block ended); ` +
      `read it again, or free it only when you are done with it`,
    { name: "FreedError", code: "freed" },
  );
}

/** The error for a call before the wasm of a `/slim` entry is given. */
export function notStarted(entry) {
  return new ActionPlanError(
    `${entry}: the WebAssembly module is not started; call \`await init(wasm)\` (or ` +
      `\`initSync(bytes)\`) first, with the module: \`init(import("actionplan/wasm"))\` (or ` +
      `"actionplan/office/wasm"), or the .wasm as a URL, Response, bytes or WebAssembly.Module ` +
      `(or import from "actionplan", which starts itself)`,
    { name: "NotStartedError", code: "not_started" },
  );
}


// ---- Start-up (the same in every entry) ---------------------------------------------------

/** The module's bytes, as `fetch`, `fs.readFile` or a bundler's asset import give them. */
export type WasmBytes = ArrayBuffer | ArrayBufferView;

/**
 * What `init` takes for the `/slim` entries: the package's `.wasm` file
 * (`actionplan/actionplan.wasm` or `actionplan/actionplan-office.wasm`) as a URL (a string or
 * `URL`), a fetch `Response`, its bytes, or a compiled `WebAssembly.Module`, or a promise of
 * one of those. (Declared without the DOM's types, so a project with no `dom` library
 * type-checks.)
 */
export type WasmInput = string | { readonly href: string } | { arrayBuffer(): Promise<ArrayBuffer> } | WasmBytes | object;

/**
 * Start the WebAssembly module. `actionplan` and `actionplan/office` start themselves when
 * imported, so there this does nothing (and may be awaited all the same); the `/slim` entries
 * need it once, before any other call, with the package's `.wasm`. Calling it again does
 * nothing.
 */
export declare function init(wasm?: WasmInput | Promise<WasmInput>): Promise<void>;

/**
 * `init` without a promise: the module's bytes or a compiled `WebAssembly.Module` (compiled
 * synchronously).
 */
export declare function initSync(wasm?: WasmBytes | object): void;

/**
 * Whether a value is an error the library threw about its input or its use (`NoHeaderError`,
 * `InvalidJsonError`, `InvalidOptionError`, `FreedError`, ...): the same test as
 * `value instanceof ActionPlanError`, as a type guard.
 */
export declare function isActionPlanError(value: unknown): value is ActionPlanError;


// ---- Start-up (the same in every entry) ---------------------------------------------------

/** The module's bytes, as `fetch`, `fs.readFile` or a bundler's asset import give them. */
export type WasmBytes = ArrayBuffer | ArrayBufferView;

/** The namespace of `actionplan/wasm` or `actionplan/office/wasm`: its default export is the module's bytes. */
export type WasmModuleNamespace = { readonly default: WasmBytes };

/**
 * What `init` takes for the `/slim` entries: the package's module, as
 * `import("actionplan/wasm")` (or `"actionplan/office/wasm"`) gives it (a chunk of its own in
 * every bundler); or the `.wasm` (as `npx actionplan-wasm DIR` writes it) as a URL (a string or
 * `URL`), a fetch `Response`, its bytes, or a compiled `WebAssembly.Module`; or a promise of
 * one of those. (Declared without the DOM's types, so a project with no `dom` library
 * type-checks.)
 */
export type WasmInput = WasmModuleNamespace | string | { readonly href: string } | { arrayBuffer(): Promise<ArrayBuffer> } | WasmBytes | object;

/**
 * Start the WebAssembly module. `actionplan` and `actionplan/office` start themselves when
 * imported, so there this does nothing (and may be awaited all the same); the `/slim` entries
 * need it once, before any other call, with the package's `.wasm`. Calling it again does
 * nothing.
 */
export declare function init(wasm?: WasmInput | Promise<WasmInput>): Promise<void>;

/**
 * `init` without a promise: `actionplan/wasm` (its namespace or its default export), the
 * module's bytes or a compiled `WebAssembly.Module` (compiled synchronously).
 */
export declare function initSync(wasm?: WasmModuleNamespace | WasmBytes | object): void;

/**
 * Whether a value is an error the library threw about its input or its use (`NoHeaderError`,
 * `InvalidJsonError`, `InvalidOptionError`, `FreedError`, ...): the same test as
 * `value instanceof ActionPlanError`, as a type guard.
 */
export declare function isActionPlanError(value: unknown): value is ActionPlanError;

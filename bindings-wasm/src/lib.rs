//! WebAssembly bindings (skeleton).

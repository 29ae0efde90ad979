//! Errors at the edge: the core's [`actionplan::Error`] becomes a real JS `Error`.
//!
//! After automerge-wasm's `interop.rs`: never a thrown string. The `name` is the core's
//! [`actionplan::Error::name`] (`NoHeaderError`, `InvalidJsonError`: the Python exception's
//! name too), so `catch (e) { if (e.name === "NoHeaderError") … }` works, and the place
//! travels as properties: `code` (the core's code), `row` (1-based, or `null`) and `column`
//! (a header name or a JSON column number as text, or `null`).

use wasm_bindgen::prelude::*;

/// The JS error name for a core error code: the core's name ([`actionplan::error::NAMES`], the
/// same as the Python exception's), or for a code of the binding's own (`freed`) its words in
/// PascalCase with `Error` after them.
///
/// ```
/// assert_eq!(actionplan_wasm::error_name("no_header"), "NoHeaderError");
/// assert_eq!(actionplan_wasm::error_name("json"), "InvalidJsonError");
/// assert_eq!(actionplan_wasm::error_name("not_started"), "NotStartedError");
/// ```
pub fn error_name(code: &str) -> String {
    let core = actionplan::error::name_of(code);
    if core != "ActionPlanError" {
        return core.to_string();
    }
    let mut name = String::with_capacity(code.len() + 5);
    for word in code.split('_').filter(|w| !w.is_empty()) {
        // Codes are ASCII (`[a-z_]+`): ASCII case mapping is exact, and it links no Unicode
        // case tables into the module.
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            name.push(first.to_ascii_uppercase());
            name.push_str(chars.as_str());
        }
    }
    name.push_str("Error");
    name
}

/// Convert a core error into a JS `Error` with `name`, `code`, `row` and `column`.
pub(crate) fn to_js_error(err: &actionplan::Error) -> JsValue {
    let js = js_sys::Error::new(&err.to_string());
    js.set_name(&error_name(err.code()));
    let row = err
        .row()
        .map(|r| JsValue::from_f64(r as f64))
        .unwrap_or(JsValue::NULL);
    let column = err
        .column()
        .map(|c| JsValue::from_str(&c))
        .unwrap_or(JsValue::NULL);
    set(&js, "code", &JsValue::from_str(err.code()));
    set(&js, "row", &row);
    set(&js, "column", &column);
    js.into()
}

/// An `InvalidOptionError` for a bad argument (through the core's own error kind).
pub(crate) fn invalid_option(name: &str, message: impl Into<String>) -> JsValue {
    to_js_error(&actionplan::Error::invalid_option(name, message))
}

/// A JS `TypeError` (an argument of the wrong JS type).
pub(crate) fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(message).into()
}

fn set(target: &js_sys::Error, key: &str, value: &JsValue) {
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(target, &JsValue::from_str(key), value);
}

/// Map a core `Result` into one whose error is a JS `Error`.
pub(crate) trait IntoJs<T> {
    /// Convert the error side.
    fn js(self) -> Result<T, JsValue>;
}

impl<T> IntoJs<T> for actionplan::Result<T> {
    fn js(self) -> Result<T, JsValue> {
        self.map_err(|e| to_js_error(&e))
    }
}

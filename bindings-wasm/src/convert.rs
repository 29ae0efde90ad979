//! Plain data across the boundary: Rust values to plain JS objects and back, input bytes,
//! `YYYY-MM-DD` dates and option bags. Nothing here knows about action plans.
//!
//! Both directions go through JSON text: out, `serde_json` writes it and the host's
//! `JSON.parse` builds the objects (far quicker than making them one property at a time across
//! the boundary, which is what serde-wasm-bindgen does); in, `JSON.stringify` and `serde_json`.
//! One serialiser and one deserialiser for every type keeps the module small too.

use crate::error::{invalid_option, type_error};
use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Serialize to a plain JS value, as `JSON.parse` of the value's JSON text makes it: maps
/// become plain objects, `None` becomes `null`, dates become `YYYY-MM-DD` strings (they
/// serialize as strings in the core).
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value)
        .map_err(|e| invalid_option("result", format!("cannot convert the result: {e}")))?;
    js_sys::JSON::parse(&text)
}

/// An option bag's type: its known keys, so a misspelt key is an error rather than silently
/// ignored, and the error names the key and lists the ones there are.
pub(crate) trait OptionBag: DeserializeOwned + Default {
    /// The camelCase keys the bag accepts.
    const KEYS: &'static [&'static str];
    /// Nested option bags: key and that bag's keys.
    const NESTED: &'static [(&'static str, &'static [&'static str])] = &[];
}

/// Read an option bag (a plain object; `undefined` and `null` mean "all defaults").
/// Unknown keys and wrong types are an `InvalidOptionError` naming `what` or the key.
pub(crate) fn options<T: OptionBag>(value: Option<&JsValue>, what: &str) -> Result<T, JsValue> {
    let Some(value) = value.filter(|v| !v.is_undefined() && !v.is_null()) else {
        return Ok(T::default());
    };
    check_keys(value, what, T::KEYS)?;
    for (key, keys) in T::NESTED {
        let inner = js_sys::Reflect::get(value, &JsValue::from_str(key))?;
        if !inner.is_undefined() && !inner.is_null() {
            check_keys(&inner, key, keys)?;
        }
    }
    // `undefined` members are left out of the text, as if they were not there.
    let text: String = js_sys::JSON::stringify(value)
        .map_err(|_| invalid_option(what, "cannot be read as plain data"))?
        .into();
    // From bytes, as the importer reads JSON: one copy of serde_json's reader in the module.
    serde_json::from_slice(text.as_bytes()).map_err(|e| invalid_option(what, without_position(&e)))
}

/// An options object as plain data (`undefined` and `null`: `null`), for a core type that reads
/// its options itself (such as `ImportOptions::from_json`). Not an object: a `TypeError`.
pub(crate) fn plain_object(
    value: Option<&JsValue>,
    what: &str,
) -> Result<serde_json::Value, JsValue> {
    let Some(value) = value.filter(|v| !v.is_undefined() && !v.is_null()) else {
        return Ok(serde_json::Value::Null);
    };
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Err(type_error(&format!("{what} must be an object")));
    }
    // `undefined` members are left out of the text, as if they were not there.
    let text: String = js_sys::JSON::stringify(value)
        .map_err(|_| invalid_option(what, "cannot be read as plain data"))?
        .into();
    serde_json::from_slice(text.as_bytes()).map_err(|e| invalid_option(what, without_position(&e)))
}

/// A `serde_json` error's message without " at line 1 column 17": the position is in JSON
/// text the caller never wrote.
fn without_position(e: &serde_json::Error) -> String {
    let message = e.to_string();
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message,
    }
}

fn check_keys(value: &JsValue, what: &str, allowed: &[&str]) -> Result<(), JsValue> {
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Err(type_error(&format!("{what} must be an object")));
    }
    let object: &js_sys::Object = value.unchecked_ref();
    for key in js_sys::Object::keys(object).iter() {
        let key = key.as_string().unwrap_or_default();
        if !allowed.contains(&key.as_str()) {
            return Err(invalid_option(
                &key,
                format!(
                    "{what} has no option {key:?}; the options are {}",
                    allowed.join(", ")
                ),
            ));
        }
    }
    Ok(())
}

/// The bytes of an input: a string (taken as UTF-8), a `Uint8Array`, an `ArrayBuffer` or any
/// other typed-array view.
pub(crate) fn input_bytes(value: &JsValue) -> Result<Vec<u8>, JsValue> {
    if let Some(s) = value.as_string() {
        return Ok(s.into_bytes());
    }
    if let Some(bytes) = value.dyn_ref::<js_sys::Uint8Array>() {
        return Ok(bytes.to_vec());
    }
    if let Some(buffer) = value.dyn_ref::<js_sys::ArrayBuffer>() {
        return Ok(js_sys::Uint8Array::new(buffer).to_vec());
    }
    if js_sys::ArrayBuffer::is_view(value) {
        let view: &js_sys::Object = value.unchecked_ref();
        let get = |k: &str| {
            js_sys::Reflect::get(view, &JsValue::from_str(k))
                .ok()
                .and_then(|v| v.as_f64())
                .unwrap_or(0.0) as u32
        };
        let buffer = js_sys::Reflect::get(view, &JsValue::from_str("buffer"))?;
        let bytes = js_sys::Uint8Array::new_with_byte_offset_and_length(
            &buffer,
            get("byteOffset"),
            get("byteLength"),
        );
        return Ok(bytes.to_vec());
    }
    Err(type_error(
        "expected the plan as a string, a Uint8Array or an ArrayBuffer",
    ))
}

/// Read a `YYYY-MM-DD` date given for option `name`.
pub(crate) fn date(name: &str, text: &str) -> Result<NaiveDate, JsValue> {
    actionplan::date::parse_date(text.trim()).map_err(|_| {
        invalid_option(
            name,
            format!("{text:?} is not a date; write it as YYYY-MM-DD"),
        )
    })
}

/// Read an optional `YYYY-MM-DD` date.
pub(crate) fn opt_date(name: &str, text: Option<&str>) -> Result<Option<NaiveDate>, JsValue> {
    text.map(|t| date(name, t)).transpose()
}

#[wasm_bindgen(module = "/js/lazy.js")]
extern "C" {
    /// Make `target[key]` the value of `handle`, converted when it is first read.
    #[wasm_bindgen(js_name = defineLazy)]
    fn define_lazy(target: &JsValue, key: &str, handle: Deferred);
}

/// A value handed over to JS only when it is read: the internal handle behind the large
/// members of a result (an assessment's `actions` and `findings`). Not made or used by hand:
/// reading the member calls `take`, which frees it; the garbage collector frees one never read.
#[wasm_bindgen]
pub struct Deferred {
    json: Box<dyn Fn() -> Result<String, serde_json::Error>>,
}

#[wasm_bindgen]
impl Deferred {
    /// The value's JSON text (consumes the handle).
    pub fn take(self) -> Result<String, JsValue> {
        (self.json)()
            .map_err(|e| invalid_option("result", format!("cannot convert the result: {e}")))
    }
}

/// Set `target[key]` to `value` as plain data converted on first read (see `js/lazy.js`).
/// `part` picks the member out of the shared `owner`, which stays alive until then.
pub(crate) fn lazy<O: 'static, T: Serialize + ?Sized + 'static>(
    target: &JsValue,
    key: &str,
    owner: std::rc::Rc<O>,
    part: fn(&O) -> &T,
) {
    let json = Box::new(move || serde_json::to_string(part(&owner)));
    define_lazy(target, key, Deferred { json });
}

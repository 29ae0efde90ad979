//! Updates collected from owners (the Office build only): `template` writes one workbook per
//! owner, `merge` reads the returned workbooks into the next version (the core's `owners`).

use crate::convert::{self, options, to_js, OptionBag};
use crate::error::{invalid_option, type_error, IntoJs};
use crate::plan::Plan;
use actionplan::owners::{MergeOptions, Returned};
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// One update workbook per owner: an object from a safe file name (`"Head-of-Legal.xlsx"`) to
/// the workbook's `.xlsx` bytes, in the order the owners first appear; actions with no owner
/// are in `"Unassigned.xlsx"`. `by` is `"owner"` (the only way for now).
#[wasm_bindgen(js_name = template, unchecked_return_type = "Record<string, Uint8Array>")]
pub fn template(plan: &Plan, by: Option<String>) -> Result<JsValue, JsValue> {
    if by.as_deref().is_some_and(|b| b != "owner") {
        return Err(invalid_option("by", "by must be \"owner\""));
    }
    let out = js_sys::Object::new();
    for b in actionplan::owners::template(plan.core()).js()? {
        let bytes = js_sys::Uint8Array::from(&b.bytes[..]);
        js_sys::Reflect::set(&out, &JsValue::from_str(&b.file_name), &bytes)?;
    }
    Ok(out.into())
}

/// Who gets which update workbook, without writing them: `[{ owner, file_name, actions }]` in
/// the order `template` writes them (`actions` is how many actions the owner's workbook
/// holds), as `actionplan template` lists them.
#[wasm_bindgen(js_name = ownerGroups, unchecked_return_type = "OwnerGroup[]")]
pub fn owner_groups(plan: &Plan) -> Result<JsValue, JsValue> {
    let out = js_sys::Array::new();
    for g in actionplan::owners::owner_groups(plan.core()) {
        let o = js_sys::Object::new();
        js_sys::Reflect::set(
            &o,
            &JsValue::from_str("owner"),
            &JsValue::from_str(&g.owner),
        )?;
        js_sys::Reflect::set(
            &o,
            &JsValue::from_str("file_name"),
            &JsValue::from_str(&g.file_name),
        )?;
        js_sys::Reflect::set(
            &o,
            &JsValue::from_str("actions"),
            &JsValue::from_f64(g.actions.len() as f64),
        )?;
        out.push(&o);
    }
    Ok(out.into())
}

/// The next version as an Excel workbook (`.xlsx` bytes), as `actionplan merge -o next.xlsx`
/// writes it: the tracker workbook with the earlier updates and the original due dates as
/// columns of their own (`merge(...).plan` is the plan to give it).
#[wasm_bindgen(js_name = nextVersionXLSX)]
pub fn next_version_xlsx(plan: &Plan) -> Result<Vec<u8>, JsValue> {
    let shown = actionplan::owners::with_history_columns(plan.core());
    actionplan::report::tracker_xlsx(&shown, &[], &[]).js()
}

/// `{ asOf, period }`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct MergeBag {
    as_of: Option<String>,
    period: Option<String>,
}

impl OptionBag for MergeBag {
    const KEYS: &'static [&'static str] = &["asOf", "period"];
}

/// Read the owners' returned workbooks (an array of bytes, or an object from file name to
/// bytes, as `template` gives) into the next version of the plan: `{ plan, changes,
/// diagnostics }`, the conflicts and other problems each with its file and sheet in the
/// message and its row, column and text in `place`.
#[wasm_bindgen(js_name = merge, unchecked_return_type = "OwnerMerge")]
pub fn merge(
    plan: &Plan,
    #[wasm_bindgen(
        unchecked_param_type = "Array<Uint8Array | ArrayBuffer> | Record<string, Uint8Array | ArrayBuffer>"
    )]
    workbooks: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "MergeOptions")] options_bag: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    crate::init();
    let bag: MergeBag = options(options_bag.as_ref(), "options")?;
    let opts = MergeOptions {
        as_of: convert::opt_date("asOf", bag.as_of.as_deref())?,
        period: bag.period,
    };
    let mut returned = Vec::new();
    if js_sys::Array::is_array(&workbooks) {
        let list: &js_sys::Array = workbooks.unchecked_ref();
        for (i, v) in list.iter().enumerate() {
            returned.push(Returned {
                name: format!("workbook {}", i + 1),
                bytes: convert::input_bytes(&v)?,
            });
        }
    } else if workbooks.is_object() {
        let object: &js_sys::Object = workbooks.unchecked_ref();
        for entry in js_sys::Object::entries(object).iter() {
            let pair: js_sys::Array = entry.unchecked_into();
            returned.push(Returned {
                name: pair.get(0).as_string().unwrap_or_default(),
                bytes: convert::input_bytes(&pair.get(1))?,
            });
        }
    } else {
        return Err(type_error(
            "workbooks must be an array of bytes or an object from file name to bytes",
        ));
    }
    let merged = actionplan::owners::merge(plan.core(), &returned, &opts);
    let out = js_sys::Object::new();
    let next = JsValue::from(Plan::from(merged.plan));
    js_sys::Reflect::set(&out, &JsValue::from_str("plan"), &next)?;
    js_sys::Reflect::set(
        &out,
        &JsValue::from_str("changes"),
        &to_js(&merged.changes)?,
    )?;
    js_sys::Reflect::set(
        &out,
        &JsValue::from_str("diagnostics"),
        &to_js(&merged.diagnostics)?,
    )?;
    Ok(out.into())
}

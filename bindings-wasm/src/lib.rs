//! # actionplan-wasm
//!
//! The WebAssembly door to [`actionplan`]: read, check, rate and report on public-sector action
//! plans in a browser or in Node, with the same answers as the Rust crate and the Python
//! module. The binding only converts: JS values in, plain JS objects out (as `JSON.parse` makes
//! them from the value's JSON text: maps are plain objects, `None` is `null` and dates are
//! `YYYY-MM-DD` strings), and core errors become real JS `Error`s named
//! after their kind ([`error_name`]).
//!
//! ```js
//! import { parsePlan } from "actionplan";
//! const plan = parsePlan(csvText, { planDate: "2024-12-01" });
//! for (const d of plan.validate()) console.log(d.severity, d.place.row, d.message);
//! ```
//!
//! The TypeScript types are hand-written in `types.d.ts` and emitted into the generated
//! `.d.ts` through a `typescript_custom_section`.

mod convert;
mod error;
mod history;
mod office;
#[cfg(all(feature = "excel", feature = "xlsx"))]
mod owners;
mod plan;
mod rating;
mod timeframe;
mod validate;

pub use error::error_name;
pub use office::office_container;
#[cfg(feature = "excel")]
pub use office::sheet_names;
pub use plan::{parse_plan, Plan};
pub use rating::{diff, preset_rules, presets};
pub use timeframe::parse_timeframe;
pub use validate::validation_codes;

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = include_str!("types.d.ts");

/// The library version (the workspace version of the core and the bindings).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);
}

/// Called by the entry points that read input (`parsePlan`, `Plan.fromJSON`,
/// `parseTimeframe`, `sheetNames`); every other call starts from a plan they made. Last resort
/// only: the core returns errors for bad input and must never panic, but if it ever does, say
/// why on the console before the instance traps.
pub(crate) fn init() {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            console_error(&format!(
                "actionplan: internal error (please report it): {info}"
            ));
        }));
    });
}

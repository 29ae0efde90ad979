//! `plan.validate()`.

use crate::convert::{self, to_js, OptionBag};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

/// Options of `plan.validate` (the TypeScript `ValidateOptions`).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ValidateOptions {
    as_of: Option<String>,
}

impl OptionBag for ValidateOptions {
    const KEYS: &'static [&'static str] = &["asOf"];
}

/// The findings for a plan. Until the core's `validate` lands this is the import findings.
pub(crate) fn validate(
    plan: &actionplan::Plan,
    options: Option<&JsValue>,
) -> Result<JsValue, JsValue> {
    let opts: ValidateOptions = convert::options(options, "options")?;
    let _as_of = convert::opt_date("asOf", opts.as_of.as_deref())?;
    to_js(&plan.import_diagnostics)
}

//! `plan.validate()` and `validationCodes()`.

use crate::convert::{self, to_js, OptionBag};
use actionplan::validate::{self as core, ValidateOptions as CoreOptions};
use actionplan::Severity;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;

/// Options of `plan.validate` (the TypeScript `ValidateOptions`).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ValidateOptions {
    disabled: Option<Vec<String>>,
    severity: Option<BTreeMap<String, Severity>>,
    skip_import_info: Option<bool>,
}

impl OptionBag for ValidateOptions {
    const KEYS: &'static [&'static str] = &["disabled", "severity", "skipImportInfo"];
}

impl ValidateOptions {
    fn to_core(&self) -> CoreOptions {
        let mut o = CoreOptions::default();
        for code in self.disabled.iter().flatten() {
            o.config.disable(code.clone());
        }
        for (code, severity) in self.severity.iter().flatten() {
            o.config.set_severity(code.clone(), *severity);
        }
        o.skip_import_info = self.skip_import_info.unwrap_or(false);
        o
    }
}

/// The findings for a plan: the reader's notes, then the checks.
pub(crate) fn validate(
    plan: &actionplan::Plan,
    options: Option<&JsValue>,
) -> Result<JsValue, JsValue> {
    let opts: ValidateOptions = convert::options(options, "options")?;
    to_js(&core::validate(plan, &opts.to_core()))
}

#[derive(Serialize)]
struct Code {
    code: &'static str,
    severity: Severity,
    meaning: &'static str,
}

/// Every validation check: its code, default severity and meaning (for a legend or a
/// settings screen).
#[wasm_bindgen(js_name = validationCodes, unchecked_return_type = "ValidationCode[]")]
pub fn validation_codes() -> Result<JsValue, JsValue> {
    let codes: Vec<Code> = core::CODES
        .iter()
        .map(|(code, severity, meaning)| Code {
            code,
            severity: *severity,
            meaning,
        })
        .collect();
    to_js(&codes)
}

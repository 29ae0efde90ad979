//! Office files: the sheet names of a workbook, and the rated tracker workbook
//! (`plan.trackerXLSX`). Reading `.xlsx`, `.xls`, `.ods` and `.docx` needs nothing here:
//! `parsePlan` hands the bytes to the core, which tells a workbook from a CSV by its bytes.

use crate::convert;
#[cfg(any(feature = "excel", feature = "xlsx"))]
use crate::error::IntoJs;
#[cfg(feature = "xlsx")]
use crate::plan::Plan;
use wasm_bindgen::prelude::*;

/// What container an input's first bytes say it is: `"zip"` (.xlsx, .xlsm, .docx, .ods),
/// `"xls"`, `"doc"`, `"encrypted"` (a password-protected .xlsx or .docx), `"ole"`, or `null`
/// for anything else (such as text). In every build, so that a page can load the build that
/// reads Office files only when it needs it.
#[wasm_bindgen(js_name = officeContainer, unchecked_return_type = "OfficeContainer | null")]
pub fn office_container(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let bytes = convert::input_bytes(&input)?;
    Ok(match actionplan::office::detect(&bytes) {
        None => JsValue::NULL,
        Some(c) => JsValue::from_str(&format!("{c:?}").to_ascii_lowercase()),
    })
}

/// The sheet names of an Excel workbook (`.xlsx`, `.xls`, `.ods`), in order, hidden sheets
/// included: to offer a choice for `parsePlan(bytes, { sheet })`.
#[cfg(feature = "excel")]
#[wasm_bindgen(js_name = sheetNames, unchecked_return_type = "string[]")]
pub fn sheet_names(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] input: JsValue,
) -> Result<JsValue, JsValue> {
    crate::init();
    let bytes = convert::input_bytes(&input)?;
    convert::to_js(&actionplan::office::sheet_names(&bytes).js()?)
}

#[cfg(feature = "xlsx")]
#[wasm_bindgen]
impl Plan {
    /// The rated tracker as an Excel workbook (`.xlsx` bytes): one row per action with its
    /// rating in a cell of the scale's colour and the reason, and a summary sheet with the
    /// statistics. Options as for `assess`.
    #[wasm_bindgen(js_name = trackerXLSX)]
    pub fn tracker_xlsx(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "AssessOptions")] options: Option<JsValue>,
    ) -> Result<Vec<u8>, JsValue> {
        let (a, s) = self.assessed_with_stats(options.as_ref())?;
        actionplan::report::rated_tracker_xlsx(&self.inner, &a, &s).js()
    }
}

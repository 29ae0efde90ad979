//! The `Plan` class and `parsePlan`.

use crate::convert::{self, to_js};
#[cfg(not(feature = "excel"))]
use crate::error::invalid_option;
use crate::error::IntoJs;
use actionplan::import::ImportOptions;
use wasm_bindgen::prelude::*;

/// The options of `parsePlan` and `inspectPlan` (the TypeScript `ParseOptions`) as the core's
/// import options: the object goes to the core's reader of options as it is (the core knows
/// the names, camelCase included, the values and the defaults).
fn import_options(options: Option<&JsValue>) -> Result<ImportOptions, JsValue> {
    let data = convert::plain_object(options, "options")?;
    #[cfg(not(feature = "excel"))]
    for name in ["sheet", "sheetsAsThemes"] {
        if data.get(name).is_some_and(|v| !v.is_null()) {
            return Err(invalid_option(
                name,
                "this build of the package does not read workbooks (use its Office build)",
            ));
        }
    }
    ImportOptions::from_json(&data).js()
}

/// An action plan read into the library's model: recommendations with their actions.
///
/// Made by `parsePlan` or `Plan.fromJSON`. Plain data comes out through `toJSON()` and the
/// other methods; call `free()` (or use `using`) to release it early, otherwise the garbage
/// collector does.
#[wasm_bindgen]
pub struct Plan {
    pub(crate) inner: actionplan::Plan,
    /// The last assessment (see `rating.rs`).
    pub(crate) cache: std::cell::RefCell<crate::rating::Cache>,
}

impl Plan {
    /// The core plan.
    pub fn core(&self) -> &actionplan::Plan {
        &self.inner
    }
}

impl From<actionplan::Plan> for Plan {
    fn from(inner: actionplan::Plan) -> Self {
        Plan {
            inner,
            cache: Default::default(),
        }
    }
}

/// How a document is read (the same data as `actionplan inspect FILE --json`): the tables
/// found and their rows, each table's header row, each column's role with its header and
/// content evidence and confidence, the section rows, the rows skipped and why, and the
/// diagnostics. Takes the options of `parsePlan` (`columns`, `headerRow`, `tableFrom`, …).
///
/// The lean module (`pkg/`, CSV, TSV and JSON) is built without it (Cargo feature `inspect`)
/// and throws a `DocumentError` that names the Office build.
#[wasm_bindgen(js_name = inspectPlan, unchecked_return_type = "Inspection")]
pub fn inspect_plan(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ParseOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    crate::init();
    #[cfg(not(feature = "inspect"))]
    {
        let _ = (input, options);
        let err = actionplan::Error::new(actionplan::ErrorKind::Document {
            format: "inspect".into(),
            message: "this build of the package does not inspect documents (inspectPlan is in \
                      its Office build)"
                .into(),
        });
        Err(crate::error::to_js_error(&err))
    }
    #[cfg(feature = "inspect")]
    inspect(input, options)
}

#[cfg(feature = "inspect")]
fn inspect(input: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    let core = import_options(options.as_ref())?;
    let bytes = convert::input_bytes(&input)?;
    let imported = core.read_bytes(&bytes).js()?;
    js_sys::JSON::parse(&actionplan::import::inspect::to_json_with_plan(&imported))
}

/// Read a plan from a CSV, TSV or JSON document (text or bytes), or, in the builds with Office
/// support (`pkg-office`, Node), from an Excel workbook or a Word document.
///
/// The format, the header row and the encoding are detected; what the reader inferred or
/// repaired is in `plan.diagnostics`. Throws an `Error` (named after its kind, such as
/// `NoHeaderError`, with `row` and `column`) only when the input is not a plan at all.
#[wasm_bindgen(js_name = parsePlan)]
pub fn parse_plan(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ParseOptions")] options: Option<JsValue>,
) -> Result<Plan, JsValue> {
    crate::init();
    let core = import_options(options.as_ref())?;
    let bytes = convert::input_bytes(&input)?;
    let imported = core.read_bytes(&bytes).js()?;
    Ok(Plan::from(imported.plan))
}

#[wasm_bindgen]
impl Plan {
    /// Make a plan from its canonical JSON form: the object `toJSON()` returns, or its text.
    #[wasm_bindgen(js_name = fromJSON)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "PlanData | string")] value: JsValue,
    ) -> Result<Plan, JsValue> {
        crate::init();
        // An object goes through its JSON text, so the one canonical reader (with its line and
        // column errors) reads both.
        let text = match value.as_string() {
            Some(text) => text,
            None if value.is_object() => js_sys::JSON::stringify(&value)?.into(),
            None => {
                return Err(crate::error::type_error(
                    "expected a plan object or its JSON text",
                ))
            }
        };
        // `Plan::from_json` reads a `&str`; the importer reads JSON plans from bytes. Reading
        // the (always UTF-8) text as bytes gives the same plan and the same errors, with the one
        // set of model deserialisers the importer already links (`from_str` would link a second
        // set, about 45 KB).
        let plan: actionplan::Plan = serde_json::from_slice(text.as_bytes())
            .map_err(actionplan::Error::from)
            .js()?;
        Ok(Plan::from(plan))
    }

    /// The plan in its canonical JSON form, as a plain object (so `JSON.stringify(plan)` works).
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "PlanData")]
    pub fn to_json(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner)
    }

    /// The plan as CSV: the source columns in their order, then any the model added; UTF-8,
    /// RFC 4180, and formula-safe (a cell starting with `=`, `+`, `-` or `@` cannot run in Excel).
    #[wasm_bindgen(js_name = toCSV)]
    pub fn to_csv(&self) -> String {
        actionplan::export::to_csv(&self.inner)
    }

    /// Who, what and when: organisation, title, plan date, as-of date, source format.
    #[wasm_bindgen(getter, unchecked_return_type = "PlanMeta")]
    pub fn meta(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.meta)
    }

    /// The source columns in order, each with the field it was read into.
    #[wasm_bindgen(getter, unchecked_return_type = "Column[]")]
    pub fn columns(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.columns)
    }

    /// The recommendations with their actions, as plain objects.
    #[wasm_bindgen(getter, unchecked_return_type = "Recommendation[]")]
    pub fn recommendations(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.recommendations)
    }

    /// The performance indicators reported beside the actions, as plain objects (empty when
    /// the plan has none).
    #[wasm_bindgen(getter, unchecked_return_type = "Measure[]")]
    pub fn measures(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.measures)
    }

    /// One action as plain data, by its position (0-based recommendation and action index, as
    /// the statistics and the assessment give them); `undefined` when there is none.
    #[wasm_bindgen(unchecked_return_type = "Action | undefined")]
    pub fn action(
        &self,
        recommendation_index: usize,
        action_index: usize,
    ) -> Result<JsValue, JsValue> {
        match self
            .inner
            .recommendations
            .get(recommendation_index)
            .and_then(|r| r.actions.get(action_index))
        {
            Some(a) => to_js(a),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// Number of recommendations.
    #[wasm_bindgen(getter, js_name = recommendationCount)]
    pub fn recommendation_count(&self) -> usize {
        self.inner.recommendations.len()
    }

    /// Number of actions in all recommendations.
    #[wasm_bindgen(getter, js_name = actionCount)]
    pub fn action_count(&self) -> usize {
        self.inner.action_count()
    }

    /// What the reader inferred or repaired while importing (encoding repairs, inferred
    /// columns, ragged rows), with their places.
    #[wasm_bindgen(getter, unchecked_return_type = "Diagnostic[]")]
    pub fn diagnostics(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.import_diagnostics)
    }

    /// Check the plan: the import findings plus the validation findings (missing owners,
    /// duplicate refs, unreadable due dates, ...), each with its place. Returned, not thrown.
    #[wasm_bindgen(unchecked_return_type = "Diagnostic[]")]
    pub fn validate(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        crate::validate::validate(&self.inner, options.as_ref())
    }
}

//! The `Plan` class and `parsePlan`.

use crate::convert::{self, to_js};
use crate::error::{invalid_option, IntoJs};
use actionplan::import::{Aliases, Format, ImportOptions};
use actionplan::model::Role;
use serde::Deserialize;
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;

/// Options of `parsePlan` (the TypeScript `ParseOptions`).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ParseOptions {
    plan_date: Option<String>,
    as_of: Option<String>,
    format: Option<String>,
    /// The file's name, when the format is not given: the core reads what it says.
    file_name: Option<String>,
    delimiter: Option<String>,
    organisation: Option<String>,
    title: Option<String>,
    columns: Option<BTreeMap<String, String>>,
    aliases: Option<BTreeMap<String, String>>,
    fill_down: Option<bool>,
    timeframes: Option<crate::timeframe::SettingsOptions>,
    /// Read by `to_core` itself (a name or an index), not by serde.
    #[serde(skip)]
    sheet: Option<SheetSpec>,
    sheets_as_themes: Option<bool>,
    header_row: Option<usize>,
    table_from: Option<Vec<usize>>,
}

/// A workbook's sheet as given: a name or a 0-based index.
#[derive(Debug)]
#[cfg_attr(not(feature = "excel"), allow(dead_code))]
enum SheetSpec {
    Name(String),
    Index(usize),
}

impl convert::OptionBag for ParseOptions {
    const KEYS: &'static [&'static str] = &[
        "planDate",
        "asOf",
        "format",
        "fileName",
        "delimiter",
        "organisation",
        "title",
        "columns",
        "aliases",
        "fillDown",
        "timeframes",
        "sheet",
        "sheetsAsThemes",
        "headerRow",
        "tableFrom",
    ];
    const NESTED: &'static [(&'static str, &'static [&'static str])] = &[(
        "timeframes",
        <crate::timeframe::SettingsOptions as convert::OptionBag>::KEYS,
    )];
}

impl ParseOptions {
    fn to_core(&self) -> Result<ImportOptions, JsValue> {
        let mut o = ImportOptions::new();
        if let Some(d) = convert::opt_date("planDate", self.plan_date.as_deref())? {
            o.plan_date(d);
        }
        if let Some(d) = convert::opt_date("asOf", self.as_of.as_deref())? {
            o.as_of(d);
        }
        match (&self.format, &self.file_name) {
            (Some(f), _) => {
                o.format(f.parse::<Format>().js()?);
            }
            (None, Some(name)) => {
                o.format(Format::from_path(name));
            }
            (None, None) => {}
        }
        if let Some(d) = &self.delimiter {
            match d.as_bytes() {
                [b] if b.is_ascii() => {
                    o.delimiter(*b);
                }
                _ => {
                    return Err(invalid_option(
                        "delimiter",
                        format!("{d:?} is not a single ASCII character"),
                    ))
                }
            }
        }
        if let Some(name) = &self.organisation {
            o.organisation(name.clone());
        }
        if let Some(title) = &self.title {
            o.title(title.clone());
        }
        for (header, role) in self.columns.iter().flatten() {
            o.column(header.clone(), role.parse::<Role>().js()?);
        }
        if let Some(extra) = &self.aliases {
            let mut aliases = Aliases::default();
            for (phrase, role) in extra {
                aliases.add(phrase.clone(), role.parse::<Role>().js()?);
            }
            o.aliases(aliases);
        }
        if let Some(on) = self.fill_down {
            o.fill_down(on);
        }
        if let Some(n) = self.header_row {
            o.header_row(n);
        }
        for &n in self.table_from.iter().flatten() {
            o.table_from(n);
        }
        if let Some(s) = &self.timeframes {
            o.timeframe_settings(s.to_core()?);
        }
        #[cfg(not(feature = "excel"))]
        if self.sheet.is_some() || self.sheets_as_themes.is_some() {
            let name = if self.sheet.is_some() {
                "sheet"
            } else {
                "sheetsAsThemes"
            };
            return Err(invalid_option(
                name,
                "this build of the package does not read workbooks (use its Office build)",
            ));
        }
        #[cfg(feature = "excel")]
        {
            match &self.sheet {
                Some(SheetSpec::Name(n)) => {
                    o.sheet(n.as_str());
                }
                Some(SheetSpec::Index(i)) => {
                    o.sheet(*i);
                }
                None => {}
            }
            if let Some(on) = self.sheets_as_themes {
                o.sheets_as_themes(on);
            }
        }
        Ok(o)
    }
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

/// The `sheet` option: a name or a 0-based index.
fn sheet_option(options: Option<&JsValue>) -> Result<Option<SheetSpec>, JsValue> {
    let Some(o) = options.filter(|o| o.is_object()) else {
        return Ok(None);
    };
    let v = js_sys::Reflect::get(o, &JsValue::from_str("sheet"))?;
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    if let Some(name) = v.as_string() {
        return Ok(Some(SheetSpec::Name(name)));
    }
    match v.as_f64() {
        Some(n) if n >= 0.0 && n.fract() == 0.0 && n < u32::MAX as f64 => {
            Ok(Some(SheetSpec::Index(n as usize)))
        }
        _ => Err(invalid_option(
            "sheet",
            "expected a sheet name or a 0-based sheet number",
        )),
    }
}

/// How a document is read (the same data as `actionplan inspect FILE --json`): the tables
/// found and their rows, each table's header row, each column's role with its header and
/// content evidence and confidence, the section rows, the rows skipped and why, and the
/// diagnostics. Takes the options of `parsePlan` (`columns`, `headerRow`, `tableFrom`, …).
#[wasm_bindgen(js_name = inspectPlan, unchecked_return_type = "Inspection")]
pub fn inspect_plan(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ParseOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    crate::init();
    let mut opts: ParseOptions = convert::options(options.as_ref(), "options")?;
    opts.sheet = sheet_option(options.as_ref())?;
    let core = opts.to_core()?;
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
    let mut opts: ParseOptions = convert::options(options.as_ref(), "options")?;
    opts.sheet = sheet_option(options.as_ref())?;
    let core = opts.to_core()?;
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

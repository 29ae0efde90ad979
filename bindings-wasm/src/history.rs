//! A plan's history across versions (the core's `history`), for JavaScript: versions are added
//! one by one to a `PlanHistory` (each is copied, so the caller's plans stay usable), then read
//! as a plain object, HTML or Markdown.

use crate::plan::Plan;
use actionplan::history::History;
use wasm_bindgen::prelude::*;
#[cfg(feature = "history")]
use {
    crate::convert::{self, to_js, OptionBag},
    crate::error::{invalid_option, IntoJs},
    actionplan::history::{history, HistoryOptions},
    actionplan::rating::RuleSet,
    serde::Deserialize,
};

/// `{ rules, asOf, stuckVersions, stuckLabel, delayWords }`.
#[cfg(feature = "history")]
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Options {
    rules: Option<serde_json::Value>,
    as_of: Option<String>,
    stuck_versions: Option<usize>,
    stuck_label: Option<String>,
    delay_words: Option<Vec<String>>,
}

#[cfg(feature = "history")]
impl OptionBag for Options {
    const KEYS: &'static [&'static str] =
        &["rules", "asOf", "stuckVersions", "stuckLabel", "delayWords"];
}

/// The versions of a plan, oldest first, to follow every action through them.
#[wasm_bindgen]
pub struct PlanHistory {
    plans: Vec<actionplan::Plan>,
    labels: Vec<String>,
}

impl Default for PlanHistory {
    fn default() -> Self {
        PlanHistory::new()
    }
}

#[wasm_bindgen]
impl PlanHistory {
    /// An empty history; add the versions oldest first.
    #[wasm_bindgen(constructor)]
    pub fn new() -> PlanHistory {
        PlanHistory {
            plans: Vec::new(),
            labels: Vec::new(),
        }
    }

    /// Add the next version (copied), with what to call it (a file name, "Q3"); without a
    /// label it is named by its reporting period, else its date, else "Version N".
    pub fn add(&mut self, plan: &Plan, label: Option<String>) {
        self.plans.push(plan.inner.clone());
        self.labels.push(label.unwrap_or_default());
    }

    /// How many versions have been added.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.plans.len()
    }

    #[cfg(not(feature = "history"))]
    fn build(&self, options: Option<JsValue>) -> Result<History, JsValue> {
        let _ = options;
        let err = actionplan::Error::new(actionplan::ErrorKind::Document {
            format: "history".into(),
            message: "this build of the package does not follow a plan's history (PlanHistory \
                      is in its Office build)"
                .into(),
        });
        Err(crate::error::to_js_error(&err))
    }

    #[cfg(feature = "history")]
    fn build(&self, options: Option<JsValue>) -> Result<History, JsValue> {
        let o = convert::options::<Options>(options.as_ref(), "options")?;
        let rules = match &o.rules {
            None | Some(serde_json::Value::Null) => None,
            Some(serde_json::Value::String(s)) if s.trim_start().starts_with('{') => {
                Some(RuleSet::from_json(s).js()?)
            }
            Some(serde_json::Value::String(s)) => Some(RuleSet::preset(s).js()?),
            Some(v @ serde_json::Value::Object(_)) => {
                Some(RuleSet::from_json(&v.to_string()).js()?)
            }
            Some(_) => {
                return Err(invalid_option(
                    "rules",
                    "expected a preset name, a rule-set object or its JSON text",
                ))
            }
        };
        let mut opts = HistoryOptions {
            as_of: convert::opt_date("asOf", o.as_of.as_deref())?,
            labels: self.labels.clone(),
            ..Default::default()
        };
        if let Some(n) = o.stuck_versions {
            opts.honesty.stuck_versions = n;
        }
        if let Some(l) = o.stuck_label {
            opts.honesty.stuck_label = l;
        }
        opts.honesty.delay_words = o.delay_words.unwrap_or_default();
        let refs: Vec<&actionplan::Plan> = self.plans.iter().collect();
        history(&refs, rules.as_ref(), &opts).js()
    }

    /// The history as a plain object: versions, labels, every action with its state per
    /// version, deadline moves, completions, stale comments, the summary and the honesty
    /// checks' findings.
    #[wasm_bindgen(unchecked_return_type = "History")]
    pub fn result(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "HistoryOptions")] options: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        #[cfg(feature = "history")]
        return to_js(&self.build(options)?);
        #[cfg(not(feature = "history"))]
        self.build(options).map(|_| JsValue::UNDEFINED)
    }

    /// A self-contained HTML page: the timeline and the findings.
    #[wasm_bindgen(js_name = toHTML)]
    pub fn to_html(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "HistoryOptions")] options: Option<JsValue>,
    ) -> Result<String, JsValue> {
        #[cfg(feature = "history")]
        return Ok(actionplan::report::history_html(&self.build(options)?));
        #[cfg(not(feature = "history"))]
        self.build(options).map(|_| String::new())
    }

    /// The history as Markdown.
    #[wasm_bindgen(js_name = toMarkdown)]
    pub fn to_markdown(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "HistoryOptions")] options: Option<JsValue>,
    ) -> Result<String, JsValue> {
        #[cfg(feature = "history")]
        return Ok(actionplan::report::history_markdown(&self.build(options)?));
        #[cfg(not(feature = "history"))]
        self.build(options).map(|_| String::new())
    }
}

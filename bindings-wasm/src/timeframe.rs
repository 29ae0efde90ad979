//! `parseTimeframe`: the core's timeframe reader, one phrase at a time.

use crate::convert::{self, to_js};
use crate::error::invalid_option;
use actionplan::timeframe::Settings;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

/// Timeframe conventions (the TypeScript `TimeframeSettings`).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct SettingsOptions {
    financial_year_start_month: Option<u32>,
    civic_year_start_month: Option<u32>,
}

impl convert::OptionBag for SettingsOptions {
    const KEYS: &'static [&'static str] = &["financialYearStartMonth", "civicYearStartMonth"];
}

impl SettingsOptions {
    pub(crate) fn to_core(&self) -> Result<Settings, JsValue> {
        let mut s = Settings::default();
        if let Some(m) = self.financial_year_start_month {
            s.financial_year_start_month = month("financialYearStartMonth", m)?;
        }
        if let Some(m) = self.civic_year_start_month {
            s.civic_year_start_month = month("civicYearStartMonth", m)?;
        }
        Ok(s)
    }
}

fn month(name: &str, m: u32) -> Result<u32, JsValue> {
    if (1..=12).contains(&m) {
        Ok(m)
    } else {
        Err(invalid_option(
            name,
            format!("{m} is not a month (1 to 12)"),
        ))
    }
}

/// Read one due-date phrase ("Q3 2024/25", "Summer 2025", "Ongoing") as an interval with
/// flags and a confidence. `reference` (`YYYY-MM-DD`) is the date a phrase with no year is
/// read against, usually the plan date. A phrase that cannot be read comes back with kind
/// `"unreadable"`; it never throws for any text.
#[wasm_bindgen(js_name = parseTimeframe, unchecked_return_type = "Timeframe")]
pub fn parse_timeframe(
    text: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "IsoDate | null")] reference: Option<String>,
    #[wasm_bindgen(unchecked_optional_param_type = "TimeframeSettings")] settings: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    crate::init();
    let reference = convert::opt_date("reference", reference.as_deref())?;
    let settings: SettingsOptions = convert::options(settings.as_ref(), "settings")?;
    let t = actionplan::timeframe::parse(text, reference, &settings.to_core()?);
    to_js(&t)
}

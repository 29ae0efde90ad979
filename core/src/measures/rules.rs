//! Measures rule sets: a scale and one `measures` block that says which label each outcome
//! of "actual against target" gets. The preset `measures` (`core/presets/measures.json`) is
//! Green / Amber / Red with a 5% tolerance.

use crate::model::{Polarity, Tolerance};
use crate::rating::Scale;
use crate::{Error, Result};
use serde::{Deserialize, Serialize};

/// The preset measures rule set, as JSON.
const PRESET: &str = include_str!("../../presets/measures.json");

/// How performance indicators are rated: a scale and a [`MeasureBlock`].
///
/// ```
/// use actionplan::measures::MeasureRules;
/// let rules = MeasureRules::preset();
/// assert_eq!(rules.id, "measures");
/// assert_eq!(rules.measures.on_target, "green");
/// let custom = MeasureRules::from_json(r##"{
///   "id": "tight", "name": "Tight tolerance",
///   "scale": {"id": "rag", "name": "RAG", "labels": [
///     {"id": "g", "name": "Green", "colour": "#2e7d32"},
///     {"id": "a", "name": "Amber", "colour": "#ffbf00"},
///     {"id": "r", "name": "Red", "colour": "#c62828"}]},
///   "measures": {"on_target": "g", "within_tolerance": "a", "beyond_tolerance": "r",
///                "tolerance": {"percent": 2}, "not_assessed": null}
/// }"##).unwrap();
/// assert_eq!(custom.measures.within_tolerance, "a");
/// assert!(MeasureRules::from_json(r#"{"id": "x"}"#).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MeasureRules {
    /// Stable id ("measures").
    pub id: String,
    /// Name for people.
    pub name: String,
    /// What the rules do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The scale the measures are rated on.
    pub scale: Scale,
    /// Which label each outcome gets.
    pub measures: MeasureBlock,
}

/// Which label each outcome of "actual against target" gets; `null` means not rated
/// (counted apart).
///
/// ```
/// let b: actionplan::measures::MeasureBlock = serde_json::from_str(
///     r#"{"on_target": "green", "within_tolerance": "amber", "beyond_tolerance": "red"}"#).unwrap();
/// assert_eq!(b.tolerance, actionplan::measures::Tolerance::Percent(5.0));
/// assert_eq!(b.not_assessed, None);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MeasureBlock {
    /// The actual meets or beats the target.
    pub on_target: String,
    /// The actual misses the target by no more than the tolerance.
    pub within_tolerance: String,
    /// The actual misses the target by more than the tolerance.
    pub beyond_tolerance: String,
    /// The tolerance when the indicator gives none (default 5% of target).
    #[serde(default = "default_tolerance")]
    pub tolerance: Tolerance,
    /// The polarity assumed when the indicator gives none (default higher is better).
    #[serde(default = "default_polarity")]
    pub polarity: Polarity,
    /// Not assessed this period (an annual indicator in a quarterly report).
    #[serde(default)]
    pub not_assessed: Option<String>,
    /// No actual figure, or one not read as a number.
    #[serde(default)]
    pub missing: Option<String>,
    /// No target, or one not read as a number.
    #[serde(default)]
    pub no_target: Option<String>,
    /// Neither higher nor lower is better (reported for information).
    #[serde(default)]
    pub for_information: Option<String>,
}

fn default_tolerance() -> Tolerance {
    Tolerance::Percent(5.0)
}

fn default_polarity() -> Polarity {
    Polarity::Higher
}

impl MeasureRules {
    /// The shipped preset `measures`: Green on or better than target, Amber within 5%,
    /// Red beyond.
    ///
    /// ```
    /// let r = actionplan::measures::MeasureRules::preset();
    /// assert_eq!(r.scale.labels.len(), 3);
    /// ```
    pub fn preset() -> MeasureRules {
        // The preset is tested (`preset_is_valid`): it parses and checks.
        MeasureRules::from_json(PRESET).unwrap_or_else(|_| unreachable!("the preset is valid"))
    }

    /// The preset's JSON source.
    ///
    /// ```
    /// assert!(actionplan::measures::MeasureRules::preset_json().contains("\"measures\""));
    /// ```
    pub fn preset_json() -> &'static str {
        PRESET
    }

    /// Read a measures rule set from JSON, and check that every label it names is on its
    /// scale and every tolerance is a number of zero or more.
    ///
    /// ```
    /// let e = actionplan::measures::MeasureRules::from_json(
    ///     &actionplan::measures::MeasureRules::preset_json().replace("\"on_target\": \"green\"", "\"on_target\": \"blue\"")).unwrap_err();
    /// assert!(e.to_string().contains("blue"));
    /// ```
    pub fn from_json(text: &str) -> Result<MeasureRules> {
        let rules: MeasureRules = serde_json::from_slice(text.as_bytes()).map_err(|e| {
            Error::invalid_option(
                "measure rules",
                format!("the measures rule set is not valid: {e}"),
            )
        })?;
        rules.check()?;
        Ok(rules)
    }

    /// Check that every label named is on the scale and the tolerance is usable.
    ///
    /// ```
    /// assert!(actionplan::measures::MeasureRules::preset().check().is_ok());
    /// ```
    pub fn check(&self) -> Result<()> {
        self.scale.check()?;
        let b = &self.measures;
        let named = [
            ("on_target", Some(&b.on_target)),
            ("within_tolerance", Some(&b.within_tolerance)),
            ("beyond_tolerance", Some(&b.beyond_tolerance)),
            ("not_assessed", b.not_assessed.as_ref()),
            ("missing", b.missing.as_ref()),
            ("no_target", b.no_target.as_ref()),
            ("for_information", b.for_information.as_ref()),
        ];
        for (field, label) in named {
            if let Some(l) = label {
                if self.scale.position(l).is_none() {
                    return Err(Error::invalid_option("measure rules", format!(
                            "measures: {field} names the label {l:?}, which is not on the scale {:?}",
                            self.scale.id
                        )));
                }
            }
        }
        let t = match b.tolerance {
            Tolerance::Percent(v) | Tolerance::Absolute(v) => v,
        };
        if !(t.is_finite() && t >= 0.0) {
            return Err(Error::invalid_option(
                "measure rules",
                format!("measures: the tolerance must be zero or more, not {t}"),
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preset_is_valid() {
        let r = MeasureRules::from_json(PRESET).unwrap();
        assert_eq!(r.measures.tolerance, Tolerance::Percent(5.0));
        assert_eq!(r.measures.polarity, Polarity::Higher);
    }

    #[test]
    fn negative_tolerance_is_refused() {
        let bad = PRESET.replace("{\"percent\": 5}", "{\"percent\": -5}");
        assert!(MeasureRules::from_json(&bad).is_err());
    }
}

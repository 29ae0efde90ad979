//! Rule sets: a scale, parameters, ordered rules (first match wins) and a roll-up policy.

use super::condition::{compile, Bound, Condition, Ctx, FactSet, Test};
use super::forecast::Forecast;
use super::presets;
use super::rollup::Rollup;
use super::scale::Scale;
use crate::{Error, Result};
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;

/// A rule set, as data: evaluated in order over each action's [`Facts`](super::Facts), the
/// first rule whose `when` holds gives the rating.
///
/// ```
/// use actionplan::rating::RuleSet;
/// let rules = RuleSet::from_json(r##"{
///   "id": "done-or-not", "name": "Done or not",
///   "scale": {"id": "dn", "name": "Done/Open", "labels": [
///     {"id": "done", "name": "Done", "colour": "#1b5e20"},
///     {"id": "late", "name": "Late", "colour": "#b71c1c"},
///     {"id": "open", "name": "Open", "colour": "#eeeeee"}]},
///   "rules": [
///     {"id": "done", "when": {"closed": true}, "then": "done"},
///     {"id": "late", "when": {"days_overdue": {"above": "$grace"}}, "then": "late"}],
///   "params": {"grace": "2 weeks"},
///   "otherwise": "open"
/// }"##).unwrap();
/// assert_eq!(rules.rules.len(), 2);
/// assert!(RuleSet::from_json(r#"{"id": "x"}"#).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RuleSet {
    /// Stable id ("date-rag").
    pub id: String,
    /// Name for people.
    pub name: String,
    /// What the rules do, in a sentence or two.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The scale the rules rate on.
    pub scale: Scale,
    /// Named values the rules refer to as `"$name"` (numbers or spans such as `"3 months"`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, Bound>,
    /// The rules, in order.
    pub rules: Vec<Rule>,
    /// The label when no rule matches; absent means the action is not rated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub otherwise: Option<String>,
    /// How ratings roll up to recommendations and the plan.
    #[serde(default)]
    pub rollup: Rollup,
    /// How the statistics write their figures (count and percent order, decimals, rounding,
    /// "less than 1%", ...), as the council publishes them; absent: the defaults.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<crate::figures::Format>,
    /// Forecast settings: which day of a timeframe is the deadline for `expected_percent` and
    /// `progress_ratio` (`{"deadline": "end"}`, the default; or `"start"`, `"middle"`).
    #[serde(default, skip_serializing_if = "Forecast::is_default")]
    pub forecast: Forecast,
}

/// One rule.
///
/// ```
/// let r: actionplan::rating::Rule = serde_json::from_str(
///     r#"{"id": "overdue", "when": {"overdue": ["definitely"]}, "then": "red"}"#).unwrap();
/// assert_eq!(r.then.as_deref(), Some("red"));
/// // `then` must be given; `null` means "not rated".
/// assert!(serde_json::from_str::<actionplan::rating::Rule>(r#"{"id": "x"}"#).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Stable id, reported in every reason.
    pub id: String,
    /// What the rule means, for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The condition (empty: always).
    #[serde(default)]
    pub when: Condition,
    /// The label id, or `null` (or `"not_rated"`) for "not rated", e.g. closed actions on a
    /// scale for open ones.
    #[serde(deserialize_with = "required_option")]
    pub then: Option<String>,
}

use super::scale::NOT_RATED;

/// The most rules a rule set may have: real rule sets have tens, and every action is tried
/// against them in turn.
///
/// ```
/// assert_eq!(actionplan::rating::MAX_RULES, 10_000);
/// ```
pub const MAX_RULES: usize = 10_000;

fn required_option<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<String>, D::Error> {
    Ok(Option::<String>::deserialize(d)?.filter(|t| t != NOT_RATED))
}

/// The scale's label ids for a message: the first 20, and how many more.
fn label_list(scale: &Scale) -> String {
    let mut s = scale
        .labels
        .iter()
        .take(20)
        .map(|l| l.id.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    if scale.labels.len() > 20 {
        s.push_str(&format!(" and {} more", scale.labels.len() - 20));
    }
    s
}

/// A TOML error as "line L, column C: message (near `…`)", the excerpt at most 60 characters:
/// the TOML reader's own message repeats the whole line, which may be a megabyte long.
#[cfg(feature = "toml")]
fn toml_error(text: &str, e: &toml::de::Error) -> Error {
    let message = e.message().trim_end();
    let Some(span) = e.span() else {
        return Error::invalid_option("rules", message.to_string());
    };
    let start = span.start.min(text.len());
    let before = text.get(..start).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    let near: String = text[line_start..]
        .lines()
        .next()
        .unwrap_or("")
        .chars()
        .skip(column.saturating_sub(30))
        .take(60)
        .collect();
    Error::invalid_option(
        "rules",
        format!(
            "TOML line {line}, column {column}: {message} (near `{}`)",
            near.trim()
        ),
    )
}

/// A preset's id, name and description.
///
/// ```
/// let all = actionplan::rating::RuleSet::presets();
/// assert!(all.iter().any(|p| p.id == "date-rag"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PresetInfo {
    /// Id to pass to [`RuleSet::preset`].
    pub id: String,
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
}

/// A rule set compiled for evaluation: label ids resolved to positions, params to values.
#[derive(Debug, Clone)]
pub(crate) struct Compiled {
    pub rules: Vec<CompiledRule>,
    pub otherwise: Option<usize>,
}

#[derive(Debug, Clone)]
pub(crate) struct CompiledRule {
    pub test: Test,
    pub label: Option<usize>,
    pub uses: FactSet,
}

impl RuleSet {
    /// A shipped preset by id (see [`RuleSet::presets`]; `docs/DOMAIN.md` describes them).
    ///
    /// ```
    /// let r = actionplan::rating::RuleSet::preset("brag").unwrap();
    /// assert_eq!(r.scale.labels[0].name, "Blue");
    /// assert_eq!(actionplan::rating::RuleSet::preset("nope").unwrap_err().code(), "invalid_option");
    /// ```
    pub fn preset(id: &str) -> Result<RuleSet> {
        let key = id.trim().to_ascii_lowercase().replace('_', "-");
        let text = presets::source(&key).ok_or_else(|| {
            Error::invalid_option(
                "rules",
                format!(
                    "{id:?} is not a preset; use one of {}",
                    presets::IDS.join(", ")
                ),
            )
        })?;
        RuleSet::from_json(text)
    }

    /// The shipped presets: id, name and description.
    ///
    /// ```
    /// assert_eq!(actionplan::rating::RuleSet::presets().len(), actionplan::rating::PRESETS.len());
    /// ```
    pub fn presets() -> Vec<PresetInfo> {
        presets::IDS
            .iter()
            .filter_map(|id| RuleSet::preset(id).ok())
            .map(|r| PresetInfo {
                id: r.id,
                name: r.name,
                description: r.description.unwrap_or_default(),
            })
            .collect()
    }

    /// Read a rule set from JSON and check it.
    ///
    /// ```
    /// let e = actionplan::rating::RuleSet::from_json("{").unwrap_err();
    /// assert_eq!(e.code(), "invalid_option");
    /// ```
    pub fn from_json(text: &str) -> Result<RuleSet> {
        // From bytes, as the importer reads JSON plans: the same results and errors for a
        // `&str`, and one copy of serde_json's reader in a WebAssembly build rather than two.
        let r: RuleSet = serde_json::from_slice(text.as_bytes()).map_err(|e| {
            Error::invalid_option(
                "rules",
                format!("line {}, column {}: {e}", e.line(), e.column()),
            )
        })?;
        r.check()?;
        Ok(r)
    }

    /// Read a rule set from TOML (feature `toml`) and check it.
    ///
    /// ```
    /// # #[cfg(feature = "toml")] {
    /// let toml = r##"
    /// id = "late-or-not"
    /// name = "Late or not"
    /// otherwise = "ok"
    /// [scale]
    /// id = "lon"
    /// name = "Late or not"
    /// labels = [ { id = "ok", name = "OK", colour = "#2e7d32" },
    ///            { id = "late", name = "Late", colour = "#c62828" } ]
    /// [[rules]]
    /// id = "late"
    /// when = { overdue = ["definitely"] }
    /// then = "late"
    /// "##;
    /// let r = actionplan::rating::RuleSet::from_toml(toml).unwrap();
    /// assert_eq!(r.rules[0].then.as_deref(), Some("late"));
    /// # }
    /// ```
    #[cfg(feature = "toml")]
    pub fn from_toml(text: &str) -> Result<RuleSet> {
        let r: RuleSet = toml::from_str(text).map_err(|e| toml_error(text, &e))?;
        r.check()?;
        Ok(r)
    }

    /// The rule set as pretty JSON.
    ///
    /// ```
    /// let r = actionplan::rating::RuleSet::preset("staleness").unwrap();
    /// let back = actionplan::rating::RuleSet::from_json(&r.to_json()).unwrap();
    /// assert_eq!(back, r);
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Set a parameter (e.g. `due_soon` to `"60 days"`), checking the rule set still compiles.
    ///
    /// ```
    /// use actionplan::rating::{RuleSet, Bound};
    /// let r = RuleSet::preset("date-rag").unwrap().with_param("due_soon", Bound::Text("60 days".into())).unwrap();
    /// assert_eq!(r.params["due_soon"], Bound::Text("60 days".into()));
    /// assert!(RuleSet::preset("date-rag").unwrap().with_param("due_soon", Bound::Text("soon".into())).is_err());
    /// ```
    pub fn with_param(mut self, name: &str, value: Bound) -> Result<RuleSet> {
        self.params
            .insert(name.trim_start_matches('$').to_string(), value);
        self.check()?;
        Ok(self)
    }

    /// Check the rule set: the scale, unique rule ids, every label and parameter it names, the
    /// spans, and the roll-up policy.
    ///
    /// ```
    /// let mut r = actionplan::rating::RuleSet::preset("date-rag").unwrap();
    /// r.rules[0].then = Some("purple".into());
    /// let e = r.check().unwrap_err();
    /// assert!(e.to_string().contains("purple"));
    /// ```
    pub fn check(&self) -> Result<()> {
        self.compile().map(|_| ())
    }

    /// A description with its `$param`s written out ("Due within $due_soon" → "Due within
    /// 30 days").
    ///
    /// ```
    /// let r = actionplan::rating::RuleSet::preset("date-rag").unwrap();
    /// assert_eq!(r.expand("Due within $due_soon"), "Due within 30 days");
    /// ```
    pub fn expand(&self, text: &str) -> String {
        if !text.contains('$') {
            return text.to_string();
        }
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(i) = rest.find('$') {
            out.push_str(&rest[..i]);
            let after = &rest[i + 1..];
            let end = after
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(after.len());
            match self.params.get(&after[..end]) {
                Some(Bound::Number(n)) => out.push_str(&crate::fmt::fmt_num(*n)),
                Some(Bound::Text(t)) => out.push_str(t),
                None => out.push_str(&rest[i..i + 1 + end]),
            }
            rest = &after[end..];
        }
        out.push_str(rest);
        out
    }

    pub(crate) fn compile(&self) -> Result<Compiled> {
        if self.rules.len() > MAX_RULES {
            return Err(Error::invalid_option(
                "rules",
                format!(
                    "the rule set has {} rules; at most {MAX_RULES} are read (every action is \
                     tried against the rules in turn)",
                    self.rules.len()
                ),
            ));
        }
        self.scale.check()?;
        // Label positions and rule ids by hash, so that checking is linear in the rules and
        // labels (a rule file of 100,000 rules or labels was quadratic).
        let positions: std::collections::HashMap<&str, usize> = self
            .scale
            .labels
            .iter()
            .enumerate()
            .rev()
            .map(|(i, l)| (l.id.as_str(), i))
            .collect();
        let label = |rule: &str, id: &str| {
            positions.get(id).copied().ok_or_else(|| {
                Error::invalid_option(
                    "rules",
                    format!(
                        "rule {rule:?}: {id:?} is not a label of scale {:?} (labels: {})",
                        self.scale.id,
                        label_list(&self.scale)
                    ),
                )
            })
        };
        let mut rules = Vec::with_capacity(self.rules.len());
        let mut ids = std::collections::HashSet::with_capacity(self.rules.len());
        for (i, r) in self.rules.iter().enumerate() {
            if r.id.trim().is_empty() {
                return Err(Error::invalid_option(
                    "rules",
                    format!("rule {} has no id", i + 1),
                ));
            }
            if !ids.insert(r.id.as_str()) {
                return Err(Error::invalid_option(
                    "rules",
                    format!("rule id {:?} is used twice", r.id),
                ));
            }
            let ctx = Ctx {
                params: &self.params,
                rule: &r.id,
            };
            let (test, uses) = compile(&r.when, &ctx, 0)?;
            let label = r.then.as_deref().map(|t| label(&r.id, t)).transpose()?;
            rules.push(CompiledRule { test, label, uses });
        }
        let otherwise = self
            .otherwise
            .as_deref()
            .map(|t| label("otherwise", t))
            .transpose()?;
        self.rollup.check(&self.scale)?;
        if let Some(f) = &self.format {
            f.check()?;
        }
        Ok(Compiled { rules, otherwise })
    }
}

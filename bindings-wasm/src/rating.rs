//! Ratings, statistics, reports and diffs: `plan.assess`, `plan.stats`, `plan.report`,
//! `plan.ratedCSV`, `diff`, `presets` and `presetRules`.
//!
//! Every decision is the core's; this module reads the option bags, picks the rule set
//! (a preset id, a rule-set object, or its JSON text), and keeps the last assessment so that
//! `assess`, `stats`, `report` and `ratedCSV` on the same date and rules rate the plan once.

use crate::convert::{self, to_js, OptionBag};
use crate::error::{invalid_option, IntoJs};
use crate::plan::Plan;
use actionplan::diff::{diff as core_diff, diff_rated};
use actionplan::rating::{assess, assess_since, Assessment, RuleSet};
use actionplan::stats::{stats, GroupBy};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// The rule set the CLI and the Python module use when none is given.
const DEFAULT_RULES: &str = actionplan::rating::DEFAULT_PRESET;

/// `{ asOf, rules }` and the extra keys of each method.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct RateOptions {
    as_of: Option<String>,
    /// Read by [`read`] itself (a string or an object), not by serde.
    #[serde(skip)]
    rules: Option<RulesSpec>,
    group_by: Option<String>,
    /// Read by [`read`] itself: a report's format as a string (`"html"`), or the statistics'
    /// format block as an object (kept as its JSON text in `figures`).
    #[serde(skip)]
    format: Option<String>,
    #[serde(skip)]
    figures: Option<String>,
    previous_as_of: Option<String>,
}

/// Which keys each method accepts.
macro_rules! bag {
    ($name:ident, [$($key:literal),*]) => {
        #[derive(Debug, Default, Deserialize)]
        #[serde(transparent)]
        pub(crate) struct $name(RateOptions);
        impl OptionBag for $name {
            const KEYS: &'static [&'static str] = &[$($key),*];
        }
        impl From<$name> for RateOptions {
            fn from(b: $name) -> RateOptions {
                b.0
            }
        }
    };
}
bag!(AssessOptions, ["asOf", "rules"]);
bag!(StatsOptions, ["asOf", "rules", "groupBy", "format"]);
bag!(ReportOptions, ["asOf", "rules", "format", "previousAsOf"]);
bag!(DiffOptions, ["asOf", "rules", "previousAsOf"]);

/// A rule set as given: a preset id, or a rule set's JSON text (an object is stringified).
#[derive(Debug, Clone, PartialEq, Eq)]
enum RulesSpec {
    Preset(String),
    Json(String),
}

/// Read an option bag of kind `B`, with its `rules`.
fn read<B: OptionBag + Into<RateOptions>>(value: Option<&JsValue>) -> Result<RateOptions, JsValue> {
    let mut opts: RateOptions = convert::options::<B>(value, "options")?.into();
    if let Some(v) = value.filter(|v| v.is_object()) {
        let rules = js_sys::Reflect::get(v, &JsValue::from_str("rules"))?;
        opts.rules = if rules.is_undefined() || rules.is_null() {
            None
        } else if let Some(s) = rules.as_string() {
            Some(if s.trim_start().starts_with('{') {
                RulesSpec::Json(s)
            } else {
                RulesSpec::Preset(s)
            })
        } else if rules.is_object() && !js_sys::Array::is_array(&rules) {
            Some(RulesSpec::Json(js_sys::JSON::stringify(&rules)?.into()))
        } else {
            return Err(invalid_option(
                "rules",
                "expected a preset name, a rule-set object or its JSON text",
            ));
        };
        let format = js_sys::Reflect::get(v, &JsValue::from_str("format"))?;
        if let Some(s) = format.as_string() {
            opts.format = Some(s);
        } else if format.is_object() && !js_sys::Array::is_array(&format) {
            opts.figures = Some(js_sys::JSON::stringify(&format)?.into());
        } else if !format.is_undefined() && !format.is_null() {
            return Err(invalid_option(
                "format",
                "expected a string, or an object (the statistics' format block)",
            ));
        }
    }
    Ok(opts)
}

/// Today in the JS host's local time zone: the default as-of date when the plan records none.
/// (The core never reads a clock; the door does.)
fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

impl RateOptions {
    /// `asOf` as given, else the date the plan records, else today (the core decides).
    fn as_of(&self, plan: &actionplan::Plan) -> Result<NaiveDate, JsValue> {
        Ok(plan.as_of_or(convert::opt_date("asOf", self.as_of.as_deref())?, today))
    }

    /// The rule set: a preset id, a rule-set object, or a rule set's JSON text.
    fn rules(&self) -> Result<RuleSet, JsValue> {
        match &self.rules {
            None => RuleSet::preset(DEFAULT_RULES).js(),
            Some(RulesSpec::Preset(id)) => RuleSet::preset(id).js(),
            Some(RulesSpec::Json(text)) => RuleSet::from_json(text).js(),
        }
    }

    fn rules_key(&self) -> RulesSpec {
        self.rules
            .clone()
            .unwrap_or_else(|| RulesSpec::Preset(DEFAULT_RULES.to_string()))
    }

    /// The statistics' format block, given as an object or its JSON text; `None`: the rule
    /// set's own.
    fn figures(&self) -> Result<Option<actionplan::stats::Format>, JsValue> {
        match (&self.figures, &self.format) {
            (Some(text), _) | (None, Some(text)) => {
                actionplan::stats::Format::from_json(text).map(Some).js()
            }
            (None, None) => Ok(None),
        }
    }

    fn group_by(&self) -> Result<GroupBy, JsValue> {
        match &self.group_by {
            None => Ok(GroupBy::default()),
            Some(s) => s.parse::<GroupBy>().js(),
        }
    }
}

/// The last assessment of a plan, by date and rule set.
#[derive(Default)]
pub(crate) struct Cache {
    key: Option<(NaiveDate, RulesSpec)>,
    value: Option<Rc<Assessment>>,
}

impl Plan {
    /// Assess with a cache of one: the page and most callers ask for the assessment, the
    /// statistics and a report on the same date with the same rules.
    fn assessed(&self, opts: &RateOptions) -> Result<Rc<Assessment>, JsValue> {
        let as_of = opts.as_of(&self.inner)?;
        let key = (as_of, opts.rules_key());
        let mut cache = self.cache.borrow_mut();
        if cache.key.as_ref() == Some(&key) {
            if let Some(a) = &cache.value {
                return Ok(a.clone());
            }
        }
        let a = Rc::new(assess(&self.inner, &opts.rules()?, as_of).js()?);
        cache.key = Some(key);
        cache.value = Some(a.clone());
        Ok(a)
    }
}

impl Plan {
    fn report_inner(
        &self,
        options: Option<JsValue>,
        previous: Option<&Plan>,
    ) -> Result<String, JsValue> {
        let opts = &read::<ReportOptions>(options.as_ref())?;
        if opts.figures.is_some() {
            return Err(invalid_option(
                "format",
                "a report's format is \"html\", \"md\" or \"csv\"",
            ));
        }
        let format: actionplan::report::Format = match opts.format.as_deref() {
            None => actionplan::report::Format::Html,
            Some(f) => f.parse().js()?,
        };
        if format.is_binary() {
            return Err(invalid_option(
                "format",
                format!("{format} is a workbook: use trackerXLSX() to write it"),
            ));
        }
        let a = self.assessed(opts)?;
        let s = stats(&self.inner, &a, GroupBy::Recommendation);
        let d = match previous {
            None => None,
            Some(prev) => Some(
                diff_rated(
                    &prev.inner,
                    &self.inner,
                    &opts.rules()?,
                    &a,
                    previous_as_of(opts)?,
                )
                .js()?,
            ),
        };
        let bytes = actionplan::report::render(format, &self.inner, &a, &s, d.as_ref()).js()?;
        Ok(String::from_utf8(bytes).expect("text reports are UTF-8"))
    }
}

impl Plan {
    /// The assessment and the statistics per recommendation (for writers that need both).
    #[allow(dead_code)]
    pub(crate) fn assessed_with_stats(
        &self,
        options: Option<&JsValue>,
    ) -> Result<(Rc<Assessment>, actionplan::stats::Stats), JsValue> {
        let opts = read::<AssessOptions>(options)?;
        let a = self.assessed(&opts)?;
        let s = stats(&self.inner, &a, GroupBy::Recommendation);
        Ok((a, s))
    }
}

/// The previous version's as-of date asked for, if any (the core's `diff_rated` falls back to
/// the version's own date, then the current one).
fn previous_as_of(opts: &RateOptions) -> Result<Option<NaiveDate>, JsValue> {
    convert::opt_date("previousAsOf", opts.previous_as_of.as_deref())
}

/// An assessment with its two large members in their places as `null`, to be filled lazily.
#[derive(Serialize)]
struct Summary<'a, D, R, S, G> {
    as_of: &'a D,
    rules: &'a R,
    scale: &'a S,
    actions: (),
    recommendations: &'a [G],
    plan: &'a G,
    findings: (),
}

/// An assessment as a plain object whose `actions` and `findings` (for 10,000 actions, 7 MB
/// of JSON between them) are converted when first read: rating a plan to show its summary, or
/// to pick a few actions with `ratedAction`, then costs the rating, not the conversion.
fn assessment_to_js(a: Rc<Assessment>) -> Result<JsValue, JsValue> {
    let object = to_js(&Summary {
        as_of: &a.as_of,
        rules: &a.rules,
        scale: &a.scale,
        actions: (),
        recommendations: &a.recommendations,
        plan: &a.plan,
        findings: (),
    })?;
    convert::lazy(&object, "actions", a.clone(), |a: &Assessment| &a.actions);
    convert::lazy(&object, "findings", a, |a: &Assessment| &a.findings);
    Ok(object)
}

/// Statistics with their two large members in their places as `null`, to be filled lazily.
#[derive(Serialize)]
struct StatsSummary<'a> {
    as_of: &'a NaiveDate,
    rules: &'a str,
    rounding: &'a str,
    plan: &'a actionplan::stats::GroupStats,
    by: &'a GroupBy,
    groups: (),
    workload: &'a [actionplan::stats::Workload],
    overdue: (),
    #[serde(skip_serializing_if = "Option::is_none")]
    peer_challenge: &'a Option<actionplan::stats::PeerChallenge>,
    headline: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    measures: &'a Option<actionplan::measures::MeasureStats>,
}

/// Statistics as a plain object whose `groups` and `overdue` (for 10,000 actions in 2,000
/// recommendations, 1.4 MB of JSON between them) are converted when first read, as an
/// assessment's `actions` and `findings` are: a page that shows the headline figures pays for
/// the counting, not for lists it never reads.
fn stats_to_js(s: Rc<actionplan::stats::Stats>) -> Result<JsValue, JsValue> {
    let object = to_js(&StatsSummary {
        as_of: &s.as_of,
        rules: &s.rules,
        rounding: &s.rounding,
        plan: &s.plan,
        by: &s.by,
        groups: (),
        workload: &s.workload,
        overdue: (),
        peer_challenge: &s.peer_challenge,
        headline: &s.headline,
        measures: &s.measures,
    })?;
    convert::lazy(
        &object,
        "groups",
        s.clone(),
        |s: &actionplan::stats::Stats| &s.groups,
    );
    convert::lazy(&object, "overdue", s, |s: &actionplan::stats::Stats| {
        &s.overdue
    });
    Ok(object)
}

#[wasm_bindgen]
impl Plan {
    /// Rate every action by a rule set, with the reason for each rating, roll the ratings up
    /// to recommendations and the plan, and list where a reported RAG disagrees with the
    /// derived one. `asOf` defaults to the date the plan records, else today, `rules` to `"date-rag"`.
    #[wasm_bindgen(unchecked_return_type = "Assessment")]
    pub fn assess(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "AssessOptions")] options: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        let opts = read::<AssessOptions>(options.as_ref())?;
        assessment_to_js(self.assessed(&opts)?)
    }

    /// Like `assess`, against an earlier version of the plan, so that rules about staleness
    /// ("the progress comment has not changed since last quarter") can compare the two.
    #[wasm_bindgen(js_name = assessSince, unchecked_return_type = "Assessment")]
    pub fn assess_since(
        &self,
        previous: &Plan,
        #[wasm_bindgen(unchecked_optional_param_type = "AssessOptions")] options: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        let opts = read::<AssessOptions>(options.as_ref())?;
        let a = assess_since(
            &self.inner,
            &previous.inner,
            &opts.rules()?,
            opts.as_of(&self.inner)?,
        )
        .js()?;
        assessment_to_js(Rc::new(a))
    }

    /// One action's rating with its reason, by position (as `stats().overdue` gives it), from
    /// the same assessment `assess` would return, without converting the whole of it;
    /// `undefined` when there is no such action.
    #[wasm_bindgen(js_name = ratedAction, unchecked_return_type = "RatedAction | undefined")]
    pub fn rated_action(
        &self,
        recommendation_index: usize,
        action_index: usize,
        #[wasm_bindgen(unchecked_optional_param_type = "AssessOptions")] options: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        let opts = read::<AssessOptions>(options.as_ref())?;
        let a = self.assessed(&opts)?;
        match a.actions.iter().find(|x| {
            x.recommendation_index == recommendation_index && x.action_index == action_index
        }) {
            Some(x) => to_js(x),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// Counts and shares by status and by rating for the plan and each group
    /// (`groupBy`: `"recommendation"`, `"theme"`, `"owner"`, `"lead"` or `"none"`), overdue
    /// and due-soon actions, schedule adherence, workload per owner, and headline sentences.
    #[wasm_bindgen(unchecked_return_type = "Stats")]
    pub fn stats(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "StatsOptions")] options: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        let opts = read::<StatsOptions>(options.as_ref())?;
        let by = opts.group_by()?;
        let figures = opts.figures()?;
        let a = self.assessed(&opts)?;
        let s = match &figures {
            Some(f) => actionplan::stats::stats_with(&self.inner, &a, by, f),
            None => stats(&self.inner, &a, by),
        };
        stats_to_js(Rc::new(s))
    }

    /// A report for people: `format: "html"` (the default; self-contained, no scripts) or
    /// `"md"`: summary, ratings chart, recommendations, overdue actions with reasons.
    pub fn report(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "ReportOptions")] options: Option<JsValue>,
    ) -> Result<String, JsValue> {
        self.report_inner(options, None)
    }

    /// The report with a section on what changed since an earlier version of the plan (rated
    /// as of `previousAsOf`, else its own as-of date, else `asOf`).
    #[wasm_bindgen(js_name = reportSince)]
    pub fn report_since(
        &self,
        previous: &Plan,
        #[wasm_bindgen(unchecked_optional_param_type = "ReportOptions")] options: Option<JsValue>,
    ) -> Result<String, JsValue> {
        self.report_inner(options, Some(previous))
    }

    /// The plan's actions with their derived rating and its reason, as formula-safe CSV.
    #[wasm_bindgen(js_name = ratedCSV)]
    pub fn rated_csv(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "AssessOptions")] options: Option<JsValue>,
    ) -> Result<String, JsValue> {
        let opts = read::<AssessOptions>(options.as_ref())?;
        let a = self.assessed(&opts)?;
        Ok(actionplan::report::rated_csv(&self.inner, &a))
    }
}

/// What changed between two versions of a plan: actions added and dropped, completed,
/// re-rated, deadlines moved and by how much, comments not updated. With `asOf` (the new
/// version's date; `previousAsOf` the old one's) the changes of derived rating are added too.
#[wasm_bindgen(unchecked_return_type = "PlanDiff")]
pub fn diff(
    previous: &Plan,
    current: &Plan,
    #[wasm_bindgen(unchecked_optional_param_type = "DiffOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let opts = &read::<DiffOptions>(options.as_ref())?;
    if opts.as_of.is_none() && opts.rules.is_none() && opts.previous_as_of.is_none() {
        return to_js(&core_diff(&previous.inner, &current.inner));
    }
    let a = current.assessed(opts)?;
    to_js(
        &diff_rated(
            &previous.inner,
            &current.inner,
            &opts.rules()?,
            &a,
            previous_as_of(opts)?,
        )
        .js()?,
    )
}

/// The shipped rule presets: id, name and description.
#[wasm_bindgen(unchecked_return_type = "PresetInfo[]")]
pub fn presets() -> Result<JsValue, JsValue> {
    // The descriptions name their parameters ($due_soon); say them as the rule set does.
    let mut all = RuleSet::presets();
    for p in &mut all {
        if let Ok(rules) = RuleSet::preset(&p.id) {
            p.description = rules.expand(&p.description);
        }
    }
    to_js(&all)
}

/// A preset's rule set as plain data, to show, edit and pass back as `rules`.
#[wasm_bindgen(js_name = presetRules, unchecked_return_type = "RuleSet")]
pub fn preset_rules(id: &str) -> Result<JsValue, JsValue> {
    to_js(&RuleSet::preset(id).js()?)
}

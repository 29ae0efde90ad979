//! Rating scales as data: ordered labels with colours and words.

use crate::model::RagWord;
use crate::{Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The reserved id for "not rated": a rule's `then` may say it (for formats with no `null`,
/// such as TOML), and no label may use it.
///
/// ```
/// let r: actionplan::rating::Rule = serde_json::from_str(r#"{"id": "x", "then": "not_rated"}"#).unwrap();
/// assert_eq!(r.then, None);
/// ```
pub const NOT_RATED: &str = "not_rated";

/// What every output calls an action no rule rated.
///
/// ```
/// assert_eq!(actionplan::rating::NOT_RATED_NAME, "Not rated");
/// ```
pub const NOT_RATED_NAME: &str = "Not rated";

/// The colour every output gives "not rated" (and a label whose colour is not valid): a
/// neutral grey that black text reads on.
///
/// ```
/// let c = actionplan::rating::NOT_RATED_COLOUR;
/// assert!(actionplan::rating::contrast_ratio(c, "#000000").unwrap() >= 4.5);
/// ```
pub const NOT_RATED_COLOUR: &str = "#9e9e9e";

/// The most labels a scale may have: real scales have two to seven, and reports give each
/// label a column and a colour.
///
/// ```
/// assert_eq!(actionplan::rating::MAX_LABELS, 100);
/// ```
pub const MAX_LABELS: usize = 100;

/// A rating scale: its labels, listed **best first** (Blue, Green, Amber, Red; or Green,
/// Amber/Green, Amber, Amber/Red, Red). The order is what "worst of" means in a roll-up.
///
/// A scale of categories that are not a severity order (Completed / Green / Amber / Red /
/// Not started; Achieved / On track / Deleted) says `"ordered": false`: its roll-ups must be
/// `none` or `share_of`, and a finding has no direction (`steps` is 0).
///
/// ```
/// use actionplan::rating::{Scale, Label};
/// let scale = Scale {
///     id: "two".into(),
///     name: "Done or not".into(),
///     description: None,
///     labels: vec![Label::new("done", "Done", "#1b5e20"), Label::new("open", "Open", "#b71c1c")],
///     ordered: true,
/// };
/// scale.check().unwrap();
/// assert_eq!(scale.position("open"), Some(1));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Scale {
    /// Stable id ("brag").
    pub id: String,
    /// Name for people ("Blue, Red, Amber, Green").
    pub name: String,
    /// What the scale means.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The labels, best first.
    pub labels: Vec<Label>,
    /// The labels are a severity order, best first (the default). `false` for categories
    /// (a lifecycle-and-colour scale): "worst of" and "weighted" roll-ups are refused.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub ordered: bool,
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

/// One label of a scale.
///
/// ```
/// let l = actionplan::rating::Label::new("amber", "Amber", "#ffbf00");
/// assert_eq!(l.text_colour(), "#000000");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Label {
    /// Stable id used by rules ("red", "delayed_minor").
    pub id: String,
    /// The label as people read it ("Red", "Delayed < 3 months").
    pub name: String,
    /// Background colour, `#rrggbb`.
    pub colour: String,
    /// Text colour on that background, `#rrggbb`; when absent, black or white, whichever
    /// contrasts more.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// What the label means ("Significant issues: delivery at risk").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// What a plan's RAG column says when it means this label: any words or phrases as the
    /// council writes them ("Under control", "Not yet due", "Deleted"; case, spacing and
    /// punctuation do not matter), or a built-in RAG word (`blue`, `green`, `amber_green`,
    /// `amber`, `amber_red`, `red`), which also stands for its synonyms ("Within target" is
    /// `green`). Used to compare what a plan reports with what the rules derive; a scale whose
    /// labels list none is never compared.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reported: Vec<String>,
    /// Other labels of the scale (by id) that a plan may report for an action the rules give
    /// this label without it being a disagreement: on a lifecycle-and-colour scale,
    /// `"completed"` with `"same_as": ["green"]` lets a completed action be reported Green.
    /// It works both ways.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub same_as: Vec<String>,
    /// Score for the `weighted` roll-up (higher is better); when absent, labels are spaced
    /// evenly from 1 (best) to 0 (worst).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
}

impl Label {
    /// A label with an id, a name and a colour.
    ///
    /// ```
    /// let l = actionplan::rating::Label::new("red", "Red", "#b00020");
    /// assert_eq!(l.name, "Red");
    /// ```
    pub fn new(id: impl Into<String>, name: impl Into<String>, colour: impl Into<String>) -> Self {
        Label {
            id: id.into(),
            name: name.into(),
            colour: colour.into(),
            text: None,
            description: None,
            reported: Vec::new(),
            same_as: Vec::new(),
            score: None,
        }
    }

    /// The text colour to use on this label's background (given, or black/white by contrast).
    ///
    /// ```
    /// let l = actionplan::rating::Label::new("blue", "Blue", "#0b3d91");
    /// assert_eq!(l.text_colour(), "#ffffff");
    /// ```
    pub fn text_colour(&self) -> &str {
        if let Some(t) = &self.text {
            return t;
        }
        let Some(bg) = parse_hex(&self.colour) else {
            return "#000000";
        };
        let l = relative_luminance(bg);
        // Contrast with black is (l + 0.05) / 0.05, with white 1.05 / (l + 0.05).
        if (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) {
            "#000000"
        } else {
            "#ffffff"
        }
    }
}

impl Scale {
    /// A rating's label name as people read it: the label's name, the id itself if the scale
    /// has no such label, or [`NOT_RATED_NAME`] for no rating.
    ///
    /// ```
    /// let rules = actionplan::rating::RuleSet::preset("brag").unwrap();
    /// assert_eq!(rules.scale.name_of(Some("blue")), "Blue");
    /// assert_eq!(rules.scale.name_of(None), "Not rated");
    /// ```
    pub fn name_of<'a>(&'a self, id: Option<&'a str>) -> &'a str {
        match id {
            Some(id) => self.label(id).map_or(id, |l| l.name.as_str()),
            None => NOT_RATED_NAME,
        }
    }

    /// A rating's colour: the label's, if it is a valid `#rrggbb` (a scale read from JSON could
    /// carry anything), else [`NOT_RATED_COLOUR`].
    ///
    /// ```
    /// let rules = actionplan::rating::RuleSet::preset("brag").unwrap();
    /// assert_eq!(rules.scale.colour_of(None), actionplan::rating::NOT_RATED_COLOUR);
    /// assert!(rules.scale.colour_of(Some("red")).starts_with('#'));
    /// ```
    pub fn colour_of(&self, id: Option<&str>) -> &str {
        id.and_then(|id| self.label(id))
            .map(|l| l.colour.as_str())
            .filter(|c| parse_hex(c).is_some())
            .unwrap_or(NOT_RATED_COLOUR)
    }

    /// Check the scale: at least one label, unique non-empty ids, colours as `#rrggbb`.
    ///
    /// ```
    /// let mut s = actionplan::rating::RuleSet::preset("date-rag").unwrap().scale;
    /// s.labels[0].colour = "red; background: url(x)".into();
    /// assert!(s.check().is_err());
    /// ```
    pub fn check(&self) -> Result<()> {
        let bad = |m: String| {
            Err(Error::invalid_option(
                "rules",
                format!("scale {:?}: {m}", self.id),
            ))
        };
        if self.labels.is_empty() {
            return bad("has no labels".into());
        }
        if self.labels.len() > MAX_LABELS {
            return bad(format!(
                "has {} labels; at most {MAX_LABELS} are read (reports give each label a \
                 column and a colour)",
                self.labels.len()
            ));
        }
        // Ids by hash: linear in the labels (a scale of 100,000 labels was quadratic).
        let mut ids = std::collections::HashSet::with_capacity(self.labels.len());
        for (i, l) in self.labels.iter().enumerate() {
            if l.id.trim().is_empty() {
                return bad(format!("label {} has no id", i + 1));
            }
            if l.id == NOT_RATED {
                return bad(format!("label id {:?} is reserved for \"not rated\"", l.id));
            }
            if !ids.insert(l.id.as_str()) {
                return bad(format!("label id {:?} is used twice", l.id));
            }
            if parse_hex(&l.colour).is_none() {
                return bad(format!(
                    "label {:?}: colour {:?} is not #rrggbb",
                    l.id, l.colour
                ));
            }
            if let Some(t) = &l.text {
                if parse_hex(t).is_none() {
                    return bad(format!(
                        "label {:?}: text colour {t:?} is not #rrggbb",
                        l.id
                    ));
                }
            }
            if l.score.is_some_and(|s| !s.is_finite()) {
                return bad(format!("label {:?}: score is not a number", l.id));
            }
        }
        for l in &self.labels {
            if let Some(o) = l.same_as.iter().find(|o| !ids.contains(o.as_str())) {
                return bad(format!(
                    "label {:?}: same_as {o:?} is not a label of the scale",
                    l.id
                ));
            }
        }
        Ok(())
    }

    /// Position of a label (0 = best), by id.
    ///
    /// ```
    /// let s = actionplan::rating::RuleSet::preset("date-rag").unwrap().scale;
    /// assert_eq!(s.position("blue"), Some(0));
    /// assert_eq!(s.position("purple"), None);
    /// ```
    pub fn position(&self, id: &str) -> Option<usize> {
        self.labels.iter().position(|l| l.id == id)
    }

    /// A label by id.
    ///
    /// ```
    /// let s = actionplan::rating::RuleSet::preset("date-rag").unwrap().scale;
    /// assert_eq!(s.label("red").unwrap().name, "Red");
    /// ```
    pub fn label(&self, id: &str) -> Option<&Label> {
        self.labels.iter().find(|l| l.id == id)
    }

    /// The label a built-in reported RAG word means on this scale, if any.
    ///
    /// ```
    /// use actionplan::model::RagWord;
    /// let s = actionplan::rating::RuleSet::preset("date-rag").unwrap().scale;
    /// assert_eq!(s.reported_label(RagWord::Green), Some(1)); // Blue, Green, Amber, Red
    /// ```
    pub fn reported_label(&self, word: RagWord) -> Option<usize> {
        let name = crate::rating::ReportedFact::from(word).as_str();
        self.labels
            .iter()
            .position(|l| l.reported.iter().any(|r| r.trim() == name))
    }

    /// The label a RAG cell means on this scale, as written: first a label whose `reported`
    /// words are the cell's words (case, spacing and punctuation aside), then the built-in
    /// RAG word the cell is ("Within target" is `green`).
    ///
    /// ```
    /// use actionplan::rating::{Label, Scale};
    /// let mut ok = Label::new("ok", "Under control", "#2e7d32");
    /// ok.reported = vec!["Under control".into(), "green".into()];
    /// let mut late = Label::new("late", "Behind schedule", "#c62828");
    /// late.reported = vec!["Behind schedule".into()];
    /// let s = Scale::new("s", "S", vec![ok, late]);
    /// assert_eq!(s.reported_label_of("UNDER CONTROL."), Some(0));
    /// assert_eq!(s.reported_label_of("behind  schedule"), Some(1));
    /// assert_eq!(s.reported_label_of("Within target"), Some(0)); // a synonym of green
    /// assert_eq!(s.reported_label_of("Red"), None);
    /// ```
    pub fn reported_label_of(&self, text: &str) -> Option<usize> {
        ReportedWords::new(self).label_of(text)
    }

    /// True when a plan reporting label `reported` for an action the rules give `derived`
    /// agrees: the same label, or one listed in either label's `same_as`.
    ///
    /// ```
    /// use actionplan::rating::{Label, Scale};
    /// let mut done = Label::new("completed", "Completed", "#1f4e9c");
    /// done.same_as = vec!["green".into()];
    /// let s = Scale::new("s", "S", vec![done, Label::new("green", "Green", "#2e7d32"), Label::new("red", "Red", "#c62828")]);
    /// assert!(s.agrees(1, 0) && s.agrees(0, 1) && s.agrees(2, 2));
    /// assert!(!s.agrees(2, 0));
    /// ```
    pub fn agrees(&self, reported: usize, derived: usize) -> bool {
        if reported == derived {
            return true;
        }
        let (Some(r), Some(d)) = (self.labels.get(reported), self.labels.get(derived)) else {
            return false;
        };
        d.same_as.contains(&r.id) || r.same_as.contains(&d.id)
    }

    /// True when at least one label lists reported words, so reported RAG can be compared.
    ///
    /// ```
    /// assert!(actionplan::rating::RuleSet::preset("date-rag").unwrap().scale.compares_reported());
    /// assert!(!actionplan::rating::RuleSet::preset("staleness").unwrap().scale.compares_reported());
    /// ```
    pub fn compares_reported(&self) -> bool {
        self.labels.iter().any(|l| !l.reported.is_empty())
    }

    /// The score of each label for the weighted roll-up: given, or evenly spaced 1 → 0.
    ///
    /// ```
    /// let s = actionplan::rating::RuleSet::preset("date-rag").unwrap().scale;
    /// let rounded: Vec<f64> = s.scores().iter().map(|v| (v * 100.0).round() / 100.0).collect();
    /// assert_eq!(rounded, [1.0, 0.67, 0.33, 0.0]);
    /// ```
    pub fn scores(&self) -> Vec<f64> {
        let n = self.labels.len();
        self.labels
            .iter()
            .enumerate()
            .map(|(i, l)| {
                l.score.unwrap_or(if n <= 1 {
                    1.0
                } else {
                    1.0 - i as f64 / (n - 1) as f64
                })
            })
            .collect()
    }
}

/// A scale's reported words, normalised once: the phrases of each label, and the built-in RAG
/// words its labels name.
pub(crate) struct ReportedWords {
    phrases: HashMap<String, usize>,
    words: [Option<usize>; 6],
}

impl ReportedWords {
    pub(crate) fn new(scale: &Scale) -> ReportedWords {
        let mut phrases = HashMap::new();
        let mut words = [None; 6];
        for (i, l) in scale.labels.iter().enumerate() {
            for r in &l.reported {
                let key = crate::text::normalise_words(r);
                if key.is_empty() {
                    continue;
                }
                phrases.entry(key).or_insert(i);
                if let Some(w) = builtin(r) {
                    words[w].get_or_insert(i);
                }
            }
        }
        ReportedWords { phrases, words }
    }

    /// The label a RAG cell means: its own words first, then the built-in word it is.
    pub(crate) fn label_of(&self, text: &str) -> Option<usize> {
        if let Some(i) = self.phrases.get(&crate::text::normalise_words(text)) {
            return Some(*i);
        }
        let w = RagWord::parse(text)?;
        self.words[crate::rating::ReportedFact::from(w) as usize]
    }
}

/// The built-in RAG word a `reported` entry names by its id (`amber_green`), as an index.
fn builtin(entry: &str) -> Option<usize> {
    use crate::rating::ReportedFact as R;
    [
        R::Blue,
        R::Green,
        R::AmberGreen,
        R::Amber,
        R::AmberRed,
        R::Red,
    ]
    .iter()
    .position(|r| r.as_str() == entry.trim())
}

/// Parse `#rrggbb` into its three channels.
pub(crate) fn parse_hex(s: &str) -> Option<[u8; 3]> {
    let h = s.strip_prefix('#')?;
    if h.len() != 6 || !h.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let p = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
    Some([p(0)?, p(2)?, p(4)?])
}

/// WCAG relative luminance of an sRGB colour.
pub(crate) fn relative_luminance(c: [u8; 3]) -> f64 {
    let lin = |v: u8| {
        let s = v as f64 / 255.0;
        if s <= 0.03928 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
}

/// WCAG contrast ratio of two `#rrggbb` colours (1 to 21); `None` when either is not a colour.
///
/// ```
/// assert_eq!(actionplan::rating::contrast_ratio("#000000", "#ffffff").map(|r| r.round()), Some(21.0));
/// ```
pub fn contrast_ratio(a: &str, b: &str) -> Option<f64> {
    let la = relative_luminance(parse_hex(a)?);
    let lb = relative_luminance(parse_hex(b)?);
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    Some((hi + 0.05) / (lo + 0.05))
}

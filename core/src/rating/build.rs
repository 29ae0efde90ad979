//! Rule sets built in code, for Rust callers: constructors and `self`-taking setters, so a
//! rule set reads as the JSON one would (and `check` says what is wrong, as `from_json` does).
//!
//! ```
//! use actionplan::rating::{Condition, Label, Range, Rule, RuleSet, Scale};
//! use actionplan::rating::Overdue;
//! let scale = Scale::new("rag", "RAG", vec![
//!     Label::new("green", "Green", "#2e7d32"),
//!     Label::new("amber", "Amber", "#ffbf00"),
//!     Label::new("red", "Red", "#c62828"),
//! ]);
//! let rules = RuleSet::new("late", "Late or not", scale)
//!     .param("grace", "2 weeks")
//!     .rule(Rule::new("closed", Condition { closed: Some(true), ..Default::default() }, None))
//!     .rule(Rule::new(
//!         "late",
//!         Condition { days_overdue: Some(Range::above("$grace")), ..Default::default() },
//!         Some("red"),
//!     ))
//!     .rule(Rule::new(
//!         "slipping",
//!         Condition { overdue: Some(vec![Overdue::Possibly, Overdue::Definitely]), ..Default::default() },
//!         Some("amber"),
//!     ))
//!     .otherwise("green");
//! rules.check().unwrap();
//! assert_eq!(rules.rules.len(), 3);
//! ```

use super::condition::{Bound, Condition, Range};
use super::rollup::Rollup;
use super::ruleset::{Rule, RuleSet};
use super::scale::{Label, Scale};

impl From<f64> for Bound {
    /// A number: days, a percent or a count.
    fn from(v: f64) -> Bound {
        Bound::Number(v)
    }
}

impl From<i32> for Bound {
    /// A whole number: days, a percent or a count.
    fn from(v: i32) -> Bound {
        Bound::Number(f64::from(v))
    }
}

impl From<&str> for Bound {
    /// A span (`"3 months"`) or a parameter (`"$due_soon"`).
    fn from(v: &str) -> Bound {
        Bound::Text(v.to_string())
    }
}

impl From<String> for Bound {
    /// A span (`"3 months"`) or a parameter (`"$due_soon"`).
    fn from(v: String) -> Bound {
        Bound::Text(v)
    }
}

impl Range {
    /// More than `b` (exclusive).
    ///
    /// ```
    /// let r = actionplan::rating::Range::above("3 months");
    /// assert_eq!(r.above, Some("3 months".into()));
    /// ```
    pub fn above(b: impl Into<Bound>) -> Range {
        Range {
            above: Some(b.into()),
            ..Range::default()
        }
    }

    /// Less than `b` (exclusive).
    ///
    /// ```
    /// assert_eq!(actionplan::rating::Range::below(25).below, Some(25.into()));
    /// ```
    pub fn below(b: impl Into<Bound>) -> Range {
        Range {
            below: Some(b.into()),
            ..Range::default()
        }
    }

    /// From `min` to `max`, both included.
    ///
    /// ```
    /// let r = actionplan::rating::Range::between(26, 75);
    /// assert_eq!((r.min, r.max), (Some(26.into()), Some(75.into())));
    /// ```
    pub fn between(min: impl Into<Bound>, max: impl Into<Bound>) -> Range {
        Range {
            min: Some(min.into()),
            max: Some(max.into()),
            ..Range::default()
        }
    }
}

impl Scale {
    /// A scale of labels, best first.
    ///
    /// ```
    /// use actionplan::rating::{Label, Scale};
    /// let s = Scale::new("rag", "RAG", vec![Label::new("green", "Green", "#2e7d32")]);
    /// assert_eq!(s.labels.len(), 1);
    /// ```
    pub fn new(id: impl Into<String>, name: impl Into<String>, labels: Vec<Label>) -> Scale {
        Scale {
            id: id.into(),
            name: name.into(),
            description: None,
            labels,
            ordered: true,
        }
    }
}

impl Rule {
    /// A rule: when `when` holds, the action is rated `then` (a label id; `None`: not rated).
    ///
    /// ```
    /// use actionplan::rating::{Condition, Rule};
    /// let r = Rule::new("done", Condition { closed: Some(true), ..Default::default() }, Some("blue"));
    /// assert_eq!(r.then.as_deref(), Some("blue"));
    /// ```
    pub fn new(id: impl Into<String>, when: Condition, then: Option<&str>) -> Rule {
        Rule {
            id: id.into(),
            description: None,
            when,
            then: then.map(str::to_string),
        }
    }

    /// The rule with a description (shown in reasons and reports).
    ///
    /// ```
    /// # use actionplan::rating::{Condition, Rule};
    /// let r = Rule::new("done", Condition::default(), None).described("Closed actions");
    /// assert_eq!(r.description.as_deref(), Some("Closed actions"));
    /// ```
    pub fn described(mut self, text: impl Into<String>) -> Rule {
        self.description = Some(text.into());
        self
    }
}

impl RuleSet {
    /// An empty rule set on a scale; add rules with [`RuleSet::rule`], then [`RuleSet::check`].
    ///
    /// ```
    /// use actionplan::rating::{Label, RuleSet, Scale};
    /// let r = RuleSet::new("x", "X", Scale::new("s", "S", vec![Label::new("ok", "OK", "#2e7d32")]))
    ///     .otherwise("ok");
    /// assert!(r.check().is_ok());
    /// ```
    pub fn new(id: impl Into<String>, name: impl Into<String>, scale: Scale) -> RuleSet {
        RuleSet {
            id: id.into(),
            name: name.into(),
            description: None,
            scale,
            params: Default::default(),
            rules: Vec::new(),
            otherwise: None,
            rollup: Rollup::default(),
            format: None,
            forecast: Default::default(),
        }
    }

    /// The rule set with a parameter (`"$name"` in conditions): a number, a span or text.
    ///
    /// ```
    /// # use actionplan::rating::{Label, RuleSet, Scale};
    /// let r = RuleSet::preset("date-rag").unwrap().param("due_soon", "60 days");
    /// assert_eq!(r.params["due_soon"], "60 days".into());
    /// ```
    pub fn param(mut self, name: &str, value: impl Into<Bound>) -> RuleSet {
        self.params
            .insert(name.trim_start_matches('$').to_string(), value.into());
        self
    }

    /// The rule set with one more rule (rules are tried in order; the first that holds rates).
    ///
    /// ```
    /// # use actionplan::rating::{Condition, Label, Rule, RuleSet, Scale};
    /// let r = RuleSet::new("x", "X", Scale::new("s", "S", vec![Label::new("ok", "OK", "#2e7d32")]))
    ///     .rule(Rule::new("all", Condition::default(), Some("ok")));
    /// assert_eq!(r.rules.len(), 1);
    /// ```
    pub fn rule(mut self, rule: Rule) -> RuleSet {
        self.rules.push(rule);
        self
    }

    /// The label for actions no rule rated (without it they are not rated).
    ///
    /// ```
    /// # use actionplan::rating::{Label, RuleSet, Scale};
    /// let r = RuleSet::new("x", "X", Scale::new("s", "S", vec![Label::new("ok", "OK", "#2e7d32")])).otherwise("ok");
    /// assert_eq!(r.otherwise.as_deref(), Some("ok"));
    /// ```
    pub fn otherwise(mut self, label: &str) -> RuleSet {
        self.otherwise = Some(label.to_string());
        self
    }

    /// The rule set with a roll-up policy for recommendations and the plan.
    ///
    /// ```
    /// # use actionplan::rating::{Label, Rollup, RuleSet, Scale};
    /// let r = RuleSet::preset("rag").unwrap().rollup(Rollup::default());
    /// assert_eq!(r.rollup, Rollup::default());
    /// ```
    pub fn rollup(mut self, rollup: Rollup) -> RuleSet {
        self.rollup = rollup;
        self
    }
}

//! How statistics write their figures, as councils publish them: the order of count and
//! percent, decimals, rounding, "less than 1%", the denominator, whether the in-progress
//! breakdown is printed, and labels as the scale writes them.
//!
//! A [`Format`] is read from a rule set's `format` block or given with the statistics
//! options; every field has a default that keeps the sentences as they were.
//!
//! ```
//! use actionplan::stats::{Format, Order};
//! let f: Format = serde_json::from_str(r#"{"order": "percent_count", "decimals": 1}"#).unwrap();
//! assert_eq!(f.order, Some(Order::PercentCount));
//! assert_eq!(f.percents(&[3, 14]), ["17.6%", "82.4%"]);
//! assert_eq!(f.item(3, 17, "17.6%", "red"), "17.6% (3) red");
//! ```

use crate::{Error, Result};
use serde::{Deserialize, Serialize};

/// How figures are written in the headline sentences (and how shares are rounded).
///
/// ```
/// use actionplan::stats::Format;
/// let f = Format::default();
/// assert_eq!(f.percents(&[64, 49, 1]), ["56%", "43%", "1%"]);
/// assert!(f.in_progress_breakdown);
/// assert!(serde_json::from_str::<Format>(r#"{"decimals": 2}"#).unwrap().check().is_err());
/// assert!(serde_json::from_str::<Format>(r#"{"colour": true}"#).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct Format {
    /// Count and percent: `count_percent` ("64 complete (55%)"), `percent_count`
    /// ("55% (64) complete"), `count_of_total` ("64 of 114 (55%) complete") or `percent`
    /// ("55% complete"). Absent: each sentence as before (counts first in lists, percent only
    /// in "Rated by").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order: Option<Order>,
    /// Decimal places of a percent: 0 ("18%", the default) or 1 ("17.6%").
    pub decimals: u8,
    /// How a list of shares is rounded: `largest_remainder` (the default: the list adds up
    /// to 100) or `each` (every share on its own, half up, as many councils publish).
    pub rounding: Rounding,
    /// Write a share that is not zero but under 1% (under 0.1% with one decimal) as
    /// "less than 1%".
    pub less_than_one: bool,
    /// What the "Rated by" shares are a share of: `all` actions (the default), `rated`
    /// actions, `open` actions or actions `in_progress`.
    pub denominator: Denominator,
    /// Print the sentence that breaks the actions in progress down by rating (default true).
    pub in_progress_breakdown: bool,
    /// Labels and status words `lower` case in sentences (the default: "64 complete"), or
    /// `as_written` by the scale and the plan ("64 Complete", "March 2022").
    pub labels: Labels,
    /// Write a verb with each figure: "130 are complete (61%)", "2 have not started",
    /// "Of the 80 in progress: 50 are green (63%)".
    pub verbs: bool,
    /// What separates the items of a list ("; "); absent: commas, with "and" before the last
    /// where the sentence had it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub separator: Option<String>,
}

impl Default for Format {
    fn default() -> Format {
        Format {
            order: None,
            decimals: 0,
            rounding: Rounding::LargestRemainder,
            less_than_one: false,
            denominator: Denominator::All,
            in_progress_breakdown: true,
            labels: Labels::Lower,
            verbs: false,
            separator: None,
        }
    }
}

/// The order of count and percent in a figure.
///
/// ```
/// let o: actionplan::stats::Order = serde_json::from_str(r#""count_of_total""#).unwrap();
/// assert_eq!(o, actionplan::stats::Order::CountOfTotal);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Order {
    /// "64 complete (55%)".
    CountPercent,
    /// "55% (64) complete".
    PercentCount,
    /// "64 of 114 (55%) complete".
    CountOfTotal,
    /// "55% complete".
    Percent,
}

/// How a list of shares is rounded.
///
/// ```
/// assert_eq!(actionplan::stats::Rounding::default().as_str(), "largest_remainder");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Rounding {
    /// Largest remainder: the list adds up to exactly 100.
    #[default]
    LargestRemainder,
    /// Each share on its own, half up (the list may add up to 99 or 101).
    Each,
}

impl Rounding {
    /// The snake_case name.
    ///
    /// ```
    /// assert_eq!(actionplan::stats::Rounding::Each.as_str(), "each");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Rounding::LargestRemainder => "largest_remainder",
            Rounding::Each => "each",
        }
    }
}

/// What the "Rated by" shares are a share of.
///
/// ```
/// assert_eq!(actionplan::stats::Denominator::default(), actionplan::stats::Denominator::All);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Denominator {
    /// All actions (those not rated are a share of their own).
    #[default]
    All,
    /// Rated actions only.
    Rated,
    /// Open actions (not complete, cancelled or superseded).
    Open,
    /// Actions in progress.
    InProgress,
}

/// How labels are written in sentences.
///
/// ```
/// assert_eq!(actionplan::stats::Labels::default(), actionplan::stats::Labels::Lower);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Labels {
    /// Lower case ("green", "not started").
    #[default]
    Lower,
    /// As the scale or the plan writes them ("Green", "March 2022").
    AsWritten,
}

impl Format {
    /// Read a format from JSON and check it.
    ///
    /// ```
    /// let f = actionplan::stats::Format::from_json(r#"{"rounding": "each"}"#).unwrap();
    /// assert_eq!(f.rounding, actionplan::stats::Rounding::Each);
    /// assert_eq!(actionplan::stats::Format::from_json("{").unwrap_err().code(), "invalid_option");
    /// ```
    pub fn from_json(text: &str) -> Result<Format> {
        let f: Format = serde_json::from_slice(text.as_bytes()).map_err(|e| {
            Error::invalid_option(
                "format",
                format!("line {}, column {}: {e}", e.line(), e.column()),
            )
        })?;
        f.check()?;
        Ok(f)
    }

    /// Check the format: 0 or 1 decimals, a separator of at most 10 characters.
    ///
    /// ```
    /// let mut f = actionplan::stats::Format::default();
    /// f.decimals = 1;
    /// assert!(f.check().is_ok());
    /// ```
    pub fn check(&self) -> Result<()> {
        if self.decimals > 1 {
            return Err(Error::invalid_option(
                "format",
                format!(
                    "decimals {} is not 0 or 1 (councils publish \"18%\" or \"17.6%\")",
                    self.decimals
                ),
            ));
        }
        if self
            .separator
            .as_ref()
            .is_some_and(|s| s.chars().count() > 10)
        {
            return Err(Error::invalid_option(
                "format",
                "separator is longer than 10 characters".to_string(),
            ));
        }
        Ok(())
    }

    /// Whole percentages of `counts`, rounded as the format says (for the statistics' data).
    ///
    /// ```
    /// let mut f = actionplan::stats::Format::default();
    /// assert_eq!(f.whole(&[12, 17, 10]), [31, 43, 26]);
    /// f.rounding = actionplan::stats::Rounding::Each;
    /// assert_eq!(f.whole(&[12, 17, 10]), [31, 44, 26]);
    /// ```
    pub fn whole(&self, counts: &[usize]) -> Vec<u32> {
        units(counts, 100, self.rounding)
            .into_iter()
            .map(|u| u as u32)
            .collect()
    }

    /// The percentages of `counts` as written: "55%", "17.6%", "less than 1%".
    ///
    /// ```
    /// let mut f = actionplan::stats::Format::default();
    /// f.less_than_one = true;
    /// assert_eq!(f.percents(&[130, 80, 2]), ["61%", "38%", "less than 1%"]);
    /// assert_eq!(f.percents(&[0, 5]), ["0%", "100%"]);
    /// ```
    pub fn percents(&self, counts: &[usize]) -> Vec<String> {
        let scale: u128 = if self.decimals == 1 { 1000 } else { 100 };
        let total: u128 = counts.iter().map(|c| *c as u128).sum();
        units(counts, scale, self.rounding)
            .into_iter()
            .zip(counts)
            .map(|(u, c)| {
                // Under 1 unit of the last place shown, before rounding.
                let tiny = *c > 0 && (*c as u128) * scale < total;
                if self.less_than_one && tiny {
                    return if self.decimals == 1 {
                        "less than 0.1%".to_string()
                    } else {
                        "less than 1%".to_string()
                    };
                }
                if self.decimals == 1 {
                    format!("{}.{}%", u / 10, u % 10)
                } else {
                    format!("{u}%")
                }
            })
            .collect()
    }

    /// One figure with its words, in the format's order (`count_percent` when none is set):
    /// `count` of `total`, the percent as written, and the words ("complete", "are green").
    ///
    /// ```
    /// use actionplan::stats::{Format, Order};
    /// let mut f = Format::default();
    /// assert_eq!(f.item(64, 114, "56%", "complete"), "64 complete (56%)");
    /// f.order = Some(Order::CountOfTotal);
    /// assert_eq!(f.item(29, 35, "83%", "complete"), "29 of 35 (83%) complete");
    /// f.order = Some(Order::Percent);
    /// assert_eq!(f.item(29, 35, "83%", "complete"), "83% complete");
    /// ```
    pub fn item(&self, count: usize, total: usize, percent: &str, words: &str) -> String {
        let sp = if words.is_empty() { "" } else { " " };
        let (count, total) = (crate::fmt::count(count), crate::fmt::count(total));
        match self.order.unwrap_or(Order::CountPercent) {
            Order::CountPercent => format!("{count}{sp}{words} ({percent})"),
            Order::PercentCount => format!("{percent} ({count}){sp}{words}"),
            Order::CountOfTotal => format!("{count} of {total} ({percent}){sp}{words}"),
            Order::Percent => format!("{percent}{sp}{words}"),
        }
    }

    /// A label as sentences write it: lower case, or as written.
    ///
    /// ```
    /// let f = actionplan::stats::Format::default();
    /// assert_eq!(f.label("March 2022"), "march 2022");
    /// ```
    pub fn label(&self, text: &str) -> String {
        match self.labels {
            Labels::Lower => text.to_lowercase(),
            Labels::AsWritten => text.to_string(),
        }
    }

    /// Join the items of a list: with the format's separator, else with commas (and "and"
    /// before the last when `and` is true).
    ///
    /// ```
    /// let mut f = actionplan::stats::Format::default();
    /// let parts = ["a".to_string(), "b".to_string(), "c".to_string()];
    /// assert_eq!(f.join(&parts, true), "a, b and c");
    /// f.separator = Some("; ".into());
    /// assert_eq!(f.join(&parts, true), "a; b; c");
    /// ```
    pub fn join(&self, parts: &[String], and: bool) -> String {
        match &self.separator {
            Some(s) => parts.join(s),
            None if and => crate::fmt::join_and(parts),
            None => parts.join(", "),
        }
    }
}

/// Shares of `counts` in units of 1/`scale` of the whole (100: whole percent; 1000: tenths),
/// rounded by `rounding`. All zeros when the total is zero.
fn units(counts: &[usize], scale: u128, rounding: Rounding) -> Vec<u64> {
    let total: u128 = counts.iter().map(|c| *c as u128).sum();
    if total == 0 {
        return vec![0; counts.len()];
    }
    match rounding {
        Rounding::Each => counts
            .iter()
            .map(|c| ((*c as u128 * scale * 2 + total) / (total * 2)) as u64)
            .collect(),
        Rounding::LargestRemainder => {
            let mut out: Vec<u64> = Vec::with_capacity(counts.len());
            let mut rems: Vec<(u128, usize)> = Vec::with_capacity(counts.len());
            for (i, c) in counts.iter().enumerate() {
                let scaled = *c as u128 * scale;
                out.push((scaled / total) as u64);
                rems.push((scaled % total, i));
            }
            let given: u64 = out.iter().sum();
            let missing = (scale as u64).saturating_sub(given) as usize;
            crate::lean::sort::sort_by(&mut rems, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            for (_, i) in rems.into_iter().take(missing) {
                out[i] += 1;
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn largest_remainder_matches_percentages() {
        for counts in [
            vec![64usize, 49, 1],
            vec![1, 1, 1],
            vec![0, 0],
            vec![999_999, 1],
        ] {
            assert_eq!(
                Format::default().whole(&counts),
                crate::stats::percentages(&counts),
                "{counts:?}"
            );
        }
    }

    #[test]
    fn tenths_add_up_to_100() {
        let mut f = Format {
            decimals: 1,
            ..Format::default()
        };
        assert_eq!(f.percents(&[1, 1, 1]), ["33.4%", "33.3%", "33.3%"]);
        f.rounding = Rounding::Each;
        assert_eq!(f.percents(&[1, 1, 1]), ["33.3%", "33.3%", "33.3%"]);
        f.less_than_one = true;
        assert_eq!(f.percents(&[1, 2000]), ["less than 0.1%", "100.0%"]);
    }

    #[test]
    fn defaults_round_trip_as_an_empty_block() {
        let f: Format = serde_json::from_str("{}").unwrap();
        assert_eq!(f, Format::default());
        let j = serde_json::to_value(&f).unwrap();
        assert_eq!(Format::from_json(&j.to_string()).unwrap(), f);
    }
}

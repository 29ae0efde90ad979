//! Which report to write, decided once for every door: from a name the user typed
//! (`--to md`, `format="markdown"`) or from the file name they gave (`-o report.html`).
//! An unknown name or extension is an error that lists the formats, never a silent HTML.

use crate::diff::PlanDiff;
use crate::error::{Error, ErrorKind, Result};
use crate::model::Plan;
use crate::rating::Assessment;
use crate::stats::Stats;
use std::io::Write;

/// A report format.
///
/// ```
/// use actionplan::report::Format;
/// assert_eq!("md".parse::<Format>().unwrap(), Format::Markdown);
/// assert_eq!(Format::from_path("out/Report.HTML").unwrap(), Format::Html);
/// assert!(Format::from_path("report.pdf").is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// A self-contained HTML page (no scripts, no network).
    Html,
    /// Markdown, for a committee paper or a repository.
    Markdown,
    /// The rated actions as CSV, safe to open in Excel.
    Csv,
    /// The rated tracker workbook (`.xlsx`; needs the `xlsx-writer` feature).
    Xlsx,
}

/// What every door lists when a format is not known.
const KNOWN: &str = "html, md (markdown), csv (the rated actions) or xlsx (a tracker workbook)";

impl Format {
    /// Every format, in the order the help lists them.
    ///
    /// ```
    /// assert_eq!(actionplan::report::Format::ALL.len(), 4);
    /// ```
    pub const ALL: [Format; 4] = [Format::Html, Format::Markdown, Format::Csv, Format::Xlsx];

    /// The format's usual name (and file extension): "html", "md", "csv", "xlsx".
    ///
    /// ```
    /// assert_eq!(actionplan::report::Format::Markdown.as_str(), "md");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Markdown => "md",
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
    }

    /// True for formats whose output is bytes rather than text (the workbook).
    ///
    /// ```
    /// assert!(actionplan::report::Format::Xlsx.is_binary());
    /// assert!(!actionplan::report::Format::Csv.is_binary());
    /// ```
    pub fn is_binary(self) -> bool {
        matches!(self, Format::Xlsx)
    }

    /// The format a file name asks for, by its extension. A name with no extension (or `-`,
    /// standard output) is HTML; an extension that is not a report format is an error.
    ///
    /// ```
    /// use actionplan::report::Format;
    /// assert_eq!(Format::from_path("tracker.xlsx").unwrap(), Format::Xlsx);
    /// assert_eq!(Format::from_path("-").unwrap(), Format::Html);
    /// let err = Format::from_path("x.docx").unwrap_err();
    /// assert!(err.to_string().contains("html, md"));
    /// ```
    pub fn from_path(path: &str) -> Result<Format> {
        let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
        match name.rsplit_once('.') {
            Some((stem, ext)) if !stem.is_empty() => ext.parse().map_err(|_| {
                invalid(format!(
                    "{path:?}: a report cannot be written as .{ext}; use {KNOWN}"
                ))
            }),
            _ => Ok(Format::Html),
        }
    }
}

impl std::str::FromStr for Format {
    type Err = Error;

    /// A format by name, case-insensitive: html (htm), md (markdown), csv, xlsx (excel).
    fn from_str(s: &str) -> Result<Format> {
        match s.trim().to_ascii_lowercase().as_str() {
            "html" | "htm" => Ok(Format::Html),
            "md" | "markdown" => Ok(Format::Markdown),
            "csv" => Ok(Format::Csv),
            "xlsx" | "excel" => Ok(Format::Xlsx),
            other => Err(invalid(format!(
                "{other:?} is not a report format; use {KNOWN}"
            ))),
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

fn invalid(message: String) -> Error {
    Error::new(ErrorKind::InvalidOption {
        name: "format".into(),
        message,
    })
}

/// A report in `format` as bytes: the one entry point every door calls.
///
/// ```
/// use actionplan::{Plan, rating::{assess, RuleSet}, stats::{stats, GroupBy}, report::{render, Format}};
/// let plan = Plan::default();
/// let a = assess(&plan, &RuleSet::preset("date-rag").unwrap(), "2025-03-31".parse().unwrap()).unwrap();
/// let s = stats(&plan, &a, GroupBy::Recommendation);
/// let md = render(Format::Markdown, &plan, &a, &s, None).unwrap();
/// assert!(String::from_utf8(md).unwrap().starts_with('#'));
/// ```
pub fn render(
    format: Format,
    plan: &Plan,
    assessment: &Assessment,
    stats: &Stats,
    diff: Option<&PlanDiff>,
) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    render_to(&mut out, format, plan, assessment, stats, diff)?;
    Ok(out)
}

/// A report in `format` written to any `impl Write` (a file, a socket, a buffer). An
/// assessment made for another plan is an error ([`Assessment::check_plan`]).
///
/// ```
/// use actionplan::{Plan, rating::{assess, RuleSet}, stats::{stats, GroupBy}, report::{render_to, Format}};
/// let plan = Plan::default();
/// let a = assess(&plan, &RuleSet::preset("date-rag").unwrap(), "2025-03-31".parse().unwrap()).unwrap();
/// let s = stats(&plan, &a, GroupBy::Recommendation);
/// let mut file = Vec::new();
/// render_to(&mut file, Format::Csv, &plan, &a, &s, None).unwrap();
/// assert!(file.starts_with(b"Ref,"));
/// ```
pub fn render_to<W: Write>(
    mut out: W,
    format: Format,
    plan: &Plan,
    assessment: &Assessment,
    stats: &Stats,
    diff: Option<&PlanDiff>,
) -> Result<()> {
    assessment.check_plan(plan)?;
    let written = match format {
        Format::Html => out.write_all(super::html(plan, assessment, stats, diff).as_bytes()),
        Format::Markdown => {
            out.write_all(super::markdown(plan, assessment, stats, diff).as_bytes())
        }
        Format::Csv => out.write_all(super::rated_csv(plan, assessment).as_bytes()),
        Format::Xlsx => out.write_all(&xlsx(plan, assessment, stats)?),
    };
    written.map_err(Error::from)
}

#[cfg(feature = "xlsx-writer")]
fn xlsx(plan: &Plan, assessment: &Assessment, stats: &Stats) -> Result<Vec<u8>> {
    super::rated_tracker_xlsx(plan, assessment, stats)
}

#[cfg(not(feature = "xlsx-writer"))]
fn xlsx(_: &Plan, _: &Assessment, _: &Stats) -> Result<Vec<u8>> {
    Err(invalid(
        "this build cannot write workbooks: enable the `xlsx-writer` feature".into(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_extensions_agree() {
        for f in Format::ALL {
            assert_eq!(f.as_str().parse::<Format>().unwrap(), f);
            assert_eq!(Format::from_path(&format!("a/b.{f}")).unwrap(), f);
        }
        assert_eq!(Format::from_path("report").unwrap(), Format::Html);
        assert_eq!(Format::from_path(".hidden").unwrap(), Format::Html);
        assert_eq!(Format::from_path("x.markdown").unwrap(), Format::Markdown);
        assert!(Format::from_path("x.txt").is_err());
        assert!("pdf".parse::<Format>().is_err());
    }

    #[test]
    fn an_assessment_of_another_plan_is_refused() {
        use crate::model::{Action, Recommendation};
        use crate::rating::{assess, RuleSet};
        let plan_of = |descriptions: &[&str]| {
            let mut plan = Plan::default();
            let mut rec = Recommendation::new("1", "Scrutiny");
            for d in descriptions {
                rec.actions.push(Action::new(*d));
            }
            plan.recommendations.push(rec);
            plan.assign_refs();
            plan
        };
        let one = plan_of(&["Review", "Train"]);
        let other = plan_of(&["Review"]);
        let rules = RuleSet::preset("date-rag").unwrap();
        let a = assess(&one, &rules, "2025-01-01".parse().unwrap()).unwrap();
        let s = crate::stats::stats(&one, &a, crate::stats::GroupBy::Recommendation);
        let err = render(Format::Csv, &other, &a, &s, None).unwrap_err();
        assert!(err.to_string().contains("another plan"), "{err}");
        assert_eq!(a.pairs(&one).unwrap().count(), 2);
        let mut renamed = one.clone();
        renamed.recommendations[0].actions[1].action_ref = "X9".into();
        assert!(a.check_plan(&renamed).is_err());
    }
}

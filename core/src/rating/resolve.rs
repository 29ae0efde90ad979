//! Which rule set a user meant: one answer for every door. A door passes what the user typed
//! (`--rules brag`, `rules="my-rules.toml"`, `rules: "five-point"`) and, since the core opens
//! no paths, a function that reads a file; the core decides whether it is a preset, a file or
//! inline JSON, and reads it.

use super::{presets, RuleSet};
use crate::error::{Error, Result};

/// The preset used when no rule set is named: date-driven RAG.
///
/// ```
/// assert_eq!(actionplan::rating::DEFAULT_PRESET, "date-rag");
/// ```
pub const DEFAULT_PRESET: &str = "date-rag";

/// What a rules argument names.
///
/// ```
/// use actionplan::rating::RulesSpec;
/// assert_eq!(RulesSpec::parse("brag"), RulesSpec::Preset("brag".into()));
/// assert_eq!(RulesSpec::parse("Five_Point"), RulesSpec::Preset("Five_Point".into()));
/// assert_eq!(RulesSpec::parse("rules/mine.toml"), RulesSpec::File { path: "rules/mine.toml".into(), toml: true });
/// assert_eq!(RulesSpec::parse("mine.json"), RulesSpec::File { path: "mine.json".into(), toml: false });
/// assert!(matches!(RulesSpec::parse(r#"{"id": "x"}"#), RulesSpec::Json(_)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RulesSpec {
    /// A shipped preset by id (case and `_`/`-` do not matter).
    Preset(String),
    /// A rules file: JSON, or TOML when its name ends in `.toml`.
    File {
        /// The path as given.
        path: String,
        /// Read as TOML.
        toml: bool,
    },
    /// A rule set written inline as JSON.
    Json(String),
}

impl RulesSpec {
    /// Read what the user typed: inline JSON if it starts with `{`; a preset if it names one;
    /// a file if it looks like a path (it has an extension or a folder); else a preset name
    /// (so a mistyped one is told the presets, not "file not found").
    pub fn parse(spec: &str) -> RulesSpec {
        let s = spec.trim();
        if s.starts_with('{') {
            return RulesSpec::Json(s.to_string());
        }
        let key = s.to_ascii_lowercase().replace('_', "-");
        if presets::IDS.contains(&key.as_str()) {
            return RulesSpec::Preset(s.to_string());
        }
        let name = s.rsplit(['/', '\\']).next().unwrap_or(s);
        let has_extension = name.rsplit_once('.').is_some_and(|(stem, ext)| {
            !stem.is_empty() && !ext.is_empty() && ext.chars().all(|c| c.is_ascii_alphanumeric())
        });
        if has_extension || s.contains(['/', '\\']) {
            return RulesSpec::File {
                path: s.to_string(),
                toml: name.to_ascii_lowercase().ends_with(".toml"),
            };
        }
        RulesSpec::Preset(s.to_string())
    }
}

impl RuleSet {
    /// The rule set a user named, or the default preset ([`DEFAULT_PRESET`]) for `None`.
    /// `read_file` reads a rules file for the door (the core opens no paths); a file that
    /// cannot be read is an error that names it.
    ///
    /// ```
    /// use actionplan::rating::RuleSet;
    /// let no_files = |_: &str| Err(std::io::Error::from(std::io::ErrorKind::NotFound));
    /// assert_eq!(RuleSet::resolve(None, no_files).unwrap().id, "date-rag");
    /// assert_eq!(RuleSet::resolve(Some("brag"), no_files).unwrap().id, "brag");
    /// let err = RuleSet::resolve(Some("mine.json"), no_files).unwrap_err();
    /// assert!(err.to_string().contains("rules file \"mine.json\" was not found"));
    /// let read = |_: &str| Ok(RuleSet::preset("rag").unwrap().to_json());
    /// assert_eq!(RuleSet::resolve(Some("mine.json"), read).unwrap().id, "rag");
    /// ```
    pub fn resolve(
        spec: Option<&str>,
        read_file: impl FnOnce(&str) -> std::io::Result<String>,
    ) -> Result<RuleSet> {
        let Some(spec) = spec else {
            return RuleSet::preset(DEFAULT_PRESET);
        };
        match RulesSpec::parse(spec) {
            RulesSpec::Preset(id) => RuleSet::preset(&id),
            RulesSpec::Json(text) => RuleSet::from_json(&text),
            RulesSpec::File { path, toml } => {
                let text = read_file(&path).map_err(|e| file_error(&path, e))?;
                let read = if toml {
                    from_toml(&text)
                } else {
                    RuleSet::from_json(&text)
                };
                read.map_err(|e| {
                    Error::invalid_option("rules", format!("rules file {path:?}: {e}"))
                })
            }
        }
    }
}

#[cfg(feature = "toml")]
fn from_toml(text: &str) -> Result<RuleSet> {
    RuleSet::from_toml(text)
}

#[cfg(not(feature = "toml"))]
fn from_toml(_: &str) -> Result<RuleSet> {
    Err(Error::invalid_option(
        "rules",
        "this build cannot read TOML rule files: enable the `toml` feature, or write the rules as JSON",
    ))
}

fn file_error(path: &str, e: std::io::Error) -> Error {
    let why = match e.kind() {
        std::io::ErrorKind::NotFound => "was not found".to_string(),
        std::io::ErrorKind::PermissionDenied => "cannot be opened (permission denied)".to_string(),
        _ => format!("cannot be read: {e}"),
    };
    Error::io(format!("rules file {path:?} {why}"), e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_files_and_inline_json_are_told_apart() {
        assert_eq!(
            RulesSpec::parse(" date-rag "),
            RulesSpec::Preset("date-rag".into())
        );
        assert_eq!(RulesSpec::parse("bogus"), RulesSpec::Preset("bogus".into()));
        assert!(matches!(
            RulesSpec::parse("C:\\rules\\mine"),
            RulesSpec::File { .. }
        ));
        assert!(matches!(RulesSpec::parse("./mine"), RulesSpec::File { .. }));
        let err = RuleSet::resolve(Some("bogus"), |_| unreachable!()).unwrap_err();
        assert!(err.to_string().contains("not a preset"));
    }
}

//! Matching column headers to fields.
//!
//! Headers are matched by their words, not their exact text: a header is lowercased, split
//! into words (punctuation dropped, simple plurals folded: "Actions" → "action"), and scored
//! against a table of word patterns, the most specific pattern winning. So "Action delivery
//! status" is a status column, "Options For Further Action" is further options, "Portfolio
//! Lead" is the lead member and "Led By" is the owner. The table is data ([`Aliases`]): users
//! add their own phrases, which win over the built-in patterns.
//!
//! ```
//! use actionplan::import::Aliases;
//! use actionplan::model::Role;
//!
//! let aliases = Aliases::default();
//! assert_eq!(aliases.classify("Month due to be completed"), Some(Role::Timeframe));
//! assert_eq!(aliases.classify("Assigned to owner"), Some(Role::Owner));
//! assert_eq!(aliases.classify("In progress RAG"), Some(Role::Rag));
//! assert_eq!(aliases.classify("Options For Further Action"), Some(Role::FurtherOptions));
//! assert_eq!(aliases.classify("Favourite colour"), None);
//! // A start date is kept as it is written, for the forecast: not a deadline.
//! assert_eq!(aliases.classify("Start date"), Some(Role::Extra));
//! assert_eq!(aliases.classify("Start and end date"), Some(Role::Timeframe));
//! ```

use crate::model::Role;
use crate::text::normalise_words;
use serde::{Deserialize, Serialize};

/// The built-in patterns: (role, words that must all appear, score). Higher scores are more
/// specific. Words are matched after folding plurals.
const BUILTIN: &[(Role, &str, u8)] = &[
    // refs
    (Role::Ref, "unique ref", 9),
    (Role::Ref, "action ref", 9),
    (Role::Ref, "action reference", 9),
    (Role::Ref, "action id", 9),
    (Role::Ref, "action no", 9),
    (Role::Ref, "action number", 9),
    (Role::Ref, "ref", 6),
    (Role::Ref, "reference", 6),
    (Role::Ref, "id", 5),
    (Role::RecommendationRef, "recommendation number", 9),
    (Role::RecommendationRef, "recommendation no", 9),
    (Role::RecommendationRef, "recommendation ref", 9),
    (Role::RecommendationRef, "recommendation reference", 9),
    (Role::RecommendationRef, "recommendation id", 9),
    (Role::RecommendationRef, "rec no", 9),
    (Role::RecommendationRef, "rec ref", 9),
    (Role::RecommendationRef, "no", 2),
    (Role::RecommendationRef, "number", 2),
    (Role::RecommendationRef, "item", 2),
    // groups
    (Role::Recommendation, "recommendation", 5),
    (Role::Recommendation, "finding", 4),
    (Role::Recommendation, "area for improvement", 6),
    (Role::Recommendation, "improvement area", 6),
    (Role::Recommendation, "objective", 3),
    (Role::Recommendation, "issue", 3),
    (Role::Recommendation, "key challenge", 5),
    (Role::Definition, "definition", 6),
    (Role::Definition, "context", 5),
    (Role::Definition, "rationale", 5),
    (Role::Definition, "background", 5),
    (Role::Definition, "what the peer said", 7),
    (Role::Definition, "peer comment", 6),
    (Role::Theme, "theme", 6),
    (Role::Theme, "workstream", 6),
    (Role::Theme, "work stream", 6),
    (Role::Theme, "strand", 5),
    (Role::Theme, "category", 4),
    (Role::Theme, "section", 4),
    (Role::Theme, "priority", 3),
    (Role::Theme, "area", 3),
    // actions
    (Role::Action, "action", 5),
    (Role::Action, "activity", 5),
    (Role::Action, "task", 5),
    (Role::Action, "deliverable", 5),
    (Role::Action, "milestone", 4),
    (Role::Action, "what we will do", 7),
    (Role::Action, "what will we do", 7),
    (Role::Action, "how we will", 5),
    (Role::Action, "management response", 6),
    (Role::Action, "response", 4),
    (Role::Action, "description", 4),
    (Role::Action, "step", 3),
    // people
    (Role::Owner, "owner", 6),
    (Role::Owner, "responsible", 6),
    (Role::Owner, "responsibility", 6),
    (Role::Owner, "led by", 7),
    (Role::Owner, "lead", 5),
    (Role::Owner, "lead officer", 8),
    (Role::Owner, "officer", 5),
    (Role::Owner, "assigned", 6),
    (Role::Owner, "accountable", 6),
    (Role::Owner, "accountability", 6),
    (Role::Owner, "who", 4),
    (Role::Owner, "by whom", 6),
    (Role::Owner, "service", 3),
    (Role::Owner, "department", 3),
    (Role::Owner, "directorate", 3),
    (Role::Owner, "team", 2),
    (Role::Owner, "made to", 7),
    (Role::Owner, "action by", 8),
    (Role::Owner, "addressed to", 7),
    (Role::Owner, "allocated to", 7),
    (Role::LeadMember, "portfolio", 7),
    (Role::LeadMember, "lead member", 8),
    (Role::LeadMember, "member lead", 8),
    (Role::LeadMember, "cabinet member", 8),
    (Role::LeadMember, "executive member", 8),
    (Role::LeadMember, "councillor", 7),
    (Role::LeadMember, "political lead", 8),
    // dates
    (Role::Timeframe, "timeframe", 6),
    (Role::Timeframe, "time frame", 6),
    (Role::Timeframe, "timescale", 6),
    (Role::Timeframe, "timeline", 6),
    (Role::Timeframe, "target date", 8),
    (Role::Timeframe, "due", 6),
    (Role::Timeframe, "month due", 8),
    (Role::Timeframe, "deadline", 6),
    (Role::Timeframe, "by when", 7),
    (Role::Timeframe, "when", 4),
    (Role::Timeframe, "date", 4),
    (Role::Timeframe, "target", 3),
    (Role::Timeframe, "completion date", 8),
    (Role::Timeframe, "end date", 7),
    (Role::Timeframe, "delivery date", 7),
    (Role::Timeframe, "revised date", 9),
    (Role::Timeframe, "revised target", 9),
    (Role::Timeframe, "revised due", 9),
    (Role::Timeframe, "current target", 9),
    (Role::OriginalDue, "original date", 10),
    (Role::OriginalDue, "original target", 10),
    (Role::OriginalDue, "original due", 10),
    (Role::OriginalDue, "original deadline", 10),
    (Role::OriginalDue, "original timescale", 10),
    (Role::OriginalDue, "baseline date", 10),
    // progress
    (Role::Status, "status", 6),
    (Role::Status, "delivery status", 8),
    (Role::Status, "state", 4),
    (Role::Status, "stage", 4),
    (Role::Status, "completed", 6),
    (Role::Status, "complete", 5),
    (Role::Rag, "rag", 9),
    (Role::Rag, "brag", 9),
    (Role::Rag, "rating", 6),
    (Role::Rag, "confidence", 6),
    (Role::Rag, "red amber green", 9),
    (Role::Percent, "percent", 8),
    (Role::Percent, "percentage", 8),
    (Role::Percent, "pct", 8),
    (Role::Update, "update", 6),
    (Role::Update, "action taken", 8),
    (Role::Update, "action to date", 8),
    (Role::Update, "response including", 7),
    // Dates that are not deadlines: when the point was raised.
    (Role::Extra, "meeting date", 9),
    (Role::Extra, "date of meeting", 9),
    (Role::Extra, "date raised", 9),
    (Role::Extra, "date added", 9),
    (Role::Extra, "date identified", 9),
    (Role::Extra, "date agreed", 9),
    (Role::Extra, "date opened", 9),
    (Role::Extra, "date logged", 9),
    (Role::Extra, "date reported", 9),
    // Start dates: kept by their header for the forecast (`rating::Forecast`), not taken for
    // the deadline. Scored 7 and listed after the dates, so "Start and end date" (matched by
    // "end date", 7, first) stays a timeframe.
    (Role::Extra, "start date", 7),
    (Role::Extra, "date started", 7),
    (Role::Extra, "planned start", 7),
    (Role::Extra, "actual start", 7),
    (Role::Extra, "start", 5),
    (Role::Update, "progress", 5),
    (Role::Update, "comment", 5),
    (Role::Update, "commentary", 5),
    (Role::Update, "note", 4),
    (Role::Update, "position", 4),
    (Role::Update, "narrative", 4),
    (Role::Update, "remark", 4),
    (Role::Evidence, "evidence", 7),
    (Role::FurtherOptions, "further action", 9),
    (Role::FurtherOptions, "option", 6),
    (Role::FurtherOptions, "next step", 7),
];

/// The column alias table: the built-in word patterns plus a user's own phrases.
///
/// ```
/// use actionplan::import::Aliases;
/// use actionplan::model::Role;
/// let mut aliases = Aliases::default();
/// aliases.add("Whodunnit", Role::Owner);
/// assert_eq!(aliases.classify("WHODUNNIT"), Some(Role::Owner));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Aliases {
    /// A user's phrases (matched on normalised words, whole header), winning over built-ins.
    pub extra: Vec<(String, Role)>,
}

/// Fold a word: drop a plural "s" (not from "status", "progress", "process", "this").
fn fold(word: &str) -> &str {
    if word.len() > 3
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
    {
        &word[..word.len() - 1]
    } else {
        word
    }
}

fn words(text: &str) -> Vec<String> {
    normalise_words(text)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| fold(w).to_string())
        .collect()
}

impl Aliases {
    /// Add a user phrase for a role.
    ///
    /// ```
    /// let mut a = actionplan::import::Aliases::default();
    /// a.add("Milestone date", actionplan::model::Role::Timeframe);
    /// assert_eq!(a.extra.len(), 1);
    /// ```
    pub fn add(&mut self, phrase: impl Into<String>, role: Role) -> &mut Self {
        self.extra.push((phrase.into(), role));
        self
    }

    /// Read extra header phrases from text: one a line, `phrase = field` (or a tab between
    /// them); blank lines and lines starting with `#` are skipped. Or the JSON form
    /// (`{"extra": [["Whodunnit", "owner"]]}`).
    ///
    /// ```
    /// use actionplan::import::Aliases;
    /// use actionplan::model::Role;
    /// let a = Aliases::from_text("# our words\nWhodunnit = owner\nBy when\tdue\n").unwrap();
    /// assert_eq!(a.classify("whodunnit"), Some(Role::Owner));
    /// assert_eq!(a.classify("By When"), Some(Role::Timeframe));
    /// assert!(Aliases::from_text("Whodunnit = nobody").is_err());
    /// ```
    pub fn from_text(text: &str) -> crate::Result<Aliases> {
        if text.trim_start().starts_with('{') {
            return serde_json::from_slice(text.as_bytes()).map_err(|e| {
                crate::Error::invalid_option("aliases", format!("not an alias file: {e}"))
            });
        }
        let mut out = Aliases::default();
        for (n, line) in text.lines().enumerate() {
            let l = line.trim();
            if l.is_empty() || l.starts_with('#') {
                continue;
            }
            let (phrase, field) = l
                .rsplit_once('=')
                .or_else(|| l.rsplit_once('\t'))
                .ok_or_else(|| {
                    crate::Error::invalid_option(
                        "aliases",
                        format!("line {}: {l:?} is not \"phrase = field\"", n + 1),
                    )
                })?;
            let role: Role = field.trim().parse().map_err(|e: crate::Error| {
                crate::Error::invalid_option("aliases", format!("line {}: {e}", n + 1))
            })?;
            out.add(phrase.trim(), role);
        }
        Ok(out)
    }

    /// The role a header names, with a score (higher is more specific); `None` when it names
    /// nothing the model knows (the column is then kept as an extra column).
    ///
    /// ```
    /// let a = actionplan::import::Aliases::default();
    /// let (role, score) = a.score("Responsible Officer").unwrap();
    /// assert_eq!(role, actionplan::model::Role::Owner);
    /// assert!(score > 0);
    /// ```
    pub fn score(&self, header: &str) -> Option<(Role, u8)> {
        let norm = normalise_words(header);
        if norm.is_empty() {
            return if header.contains('%') {
                Some((Role::Percent, 8))
            } else {
                None
            };
        }
        for (phrase, role) in &self.extra {
            if normalise_words(phrase) == norm {
                return Some((*role, 100));
            }
        }
        let ws = words(header);
        if ws.len() > 12 {
            // A sentence, not a header.
            return None;
        }
        let mut best: Option<(Role, u8)> = None;
        for &(role, pattern, score) in BUILTIN {
            if best.is_some_and(|(_, s)| score <= s) {
                continue;
            }
            if contains_run(&ws, pattern) {
                best = Some((role, score));
            }
        }
        if header.contains('%') && best.is_none_or(|(_, s)| s < 8) {
            best = Some((Role::Percent, 8));
        }
        best
    }

    /// The role a header names, or `None`.
    ///
    /// ```
    /// assert_eq!(actionplan::import::Aliases::default().classify("Led By"), Some(actionplan::model::Role::Owner));
    /// ```
    pub fn classify(&self, header: &str) -> Option<Role> {
        self.score(header).map(|(r, _)| r)
    }
}

/// True when the pattern's words (separated by single spaces) appear in order in `ws`: the
/// first word anywhere, each next one within the three words that follow. No allocation: this
/// runs for every header cell against every pattern.
fn contains_run(ws: &[String], pattern: &str) -> bool {
    let mut words = pattern.split(' ');
    let Some(first) = words.next() else {
        return false;
    };
    ws.iter().enumerate().any(|(i, w)| {
        if w != first {
            return false;
        }
        let mut j = i + 1;
        pattern.split(' ').skip(1).all(|p| {
            match ws
                .get(j..)
                .unwrap_or(&[])
                .iter()
                .take(3)
                .position(|w| w == p)
            {
                Some(k) => {
                    j += k + 1;
                    true
                }
                None => false,
            }
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_headers() {
        let a = Aliases::default();
        let cases = [
            ("Recommendation", Role::Recommendation),
            ("Action", Role::Action),
            ("Timeframe", Role::Timeframe),
            ("Responsible Officer", Role::Owner),
            ("Portfolio Lead", Role::LeadMember),
            ("Number", Role::RecommendationRef),
            ("Led By", Role::Owner),
            ("Timescale", Role::Timeframe),
            ("Update", Role::Update),
            ("No.", Role::RecommendationRef),
            ("Actions", Role::Action),
            ("Lead", Role::Owner),
            ("Target Date", Role::Timeframe),
            ("Progress (RAG)", Role::Rag),
            ("Unique ref", Role::Ref),
            ("Recommendation number", Role::RecommendationRef),
            ("Definition", Role::Definition),
            ("Action description", Role::Action),
            ("Assigned to owner", Role::Owner),
            ("Month due to be completed", Role::Timeframe),
            ("Action delivery status", Role::Status),
            ("In progress RAG", Role::Rag),
            ("Progress comments for 2024/25 Qrt4", Role::Update),
            ("Peer Challenge Recommendation", Role::Recommendation),
            ("Current Actions", Role::Action),
            ("Options For Further Action", Role::FurtherOptions),
            ("Responsibility", Role::Owner),
            ("Theme", Role::Theme),
        ];
        for (h, r) in cases {
            assert_eq!(a.classify(h), Some(r), "{h}");
        }
    }

    #[test]
    fn unseen_headers() {
        let a = Aliases::default();
        let cases = [
            ("Lead Officer(s)", Role::Owner),
            ("Cabinet Member", Role::LeadMember),
            ("Original target date", Role::OriginalDue),
            ("Revised target date", Role::Timeframe),
            ("RAG Status", Role::Rag),
            ("% Complete", Role::Percent),
            ("Q1 Update", Role::Update),
            ("Evidence of completion", Role::Evidence),
            ("Action Owner", Role::Owner),
            ("Action Ref", Role::Ref),
            ("Due date", Role::Timeframe),
            ("By when", Role::Timeframe),
            ("Workstream", Role::Theme),
            ("What we will do", Role::Action),
            ("Key tasks", Role::Action),
            ("Area for improvement", Role::Recommendation),
            ("Deadline", Role::Timeframe),
            ("Status", Role::Status),
            ("Comments", Role::Update),
            ("Progress to date", Role::Update),
        ];
        for (h, r) in cases {
            assert_eq!(a.classify(h), Some(r), "{h}");
        }
    }
}

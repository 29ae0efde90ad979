//! Stage 3 of the import, column roles: what each column of a table holds, read from its
//! header words **and** the cells below it.
//!
//! The header is scored against the alias table ([`super::Aliases`]); the cells of the first
//! data rows (a bounded prefix, so large files stay streaming) are profiled: date phrases
//! (read by the timeframe reader) mean a timeframe, RAG words a RAG, lifecycle words a status,
//! percentages a percent, short repeated names or job titles an owner, short codes ("1.2.3",
//! "R4", "AC1", "SC18") a ref, long sentences the action. Each column gets a role with a
//! confidence and the evidence for it ([`ColumnReading`]).
//!
//! Content decides when the header is silent (a blank header cell, words never seen) and when
//! the header and the cells disagree plainly: a header naming the action over a column of
//! counts, a "Ref" header over a column of sentences.
//!
//! ```
//! use actionplan::import::ImportOptions;
//! use actionplan::model::Role;
//!
//! // No header word here names the action, and the first header cell is blank.
//! let tsv = "\tSummary of the point\tWho\tBy\n\
//!            SC18\tThat any future visits from senior executives to the Island involve local members.\tJo Bloggs\tMarch 2025\n\
//!            SC19\tThat the discrepancies in the target be resolved as quickly as possible and recorded.\tJo Bloggs\tJune 2025\n";
//! let imported = ImportOptions::new().read_bytes(tsv.as_bytes()).unwrap();
//! let roles: Vec<Role> = imported.layout.tables[0].columns.iter().map(|c| c.role).collect();
//! assert_eq!(roles, [Role::Ref, Role::Action, Role::Owner, Role::Timeframe]);
//! let action = &imported.plan.recommendations[0].actions[0];
//! assert_eq!(action.action_ref, "SC18");
//! ```

use super::builder::Row;
use super::ImportOptions;
use crate::model::{RagWord, Role, Status};
use crate::text::{is_blank, normalise_words, Text};
use crate::timeframe::{self, Kind};
use serde::Serialize;

/// How one column was read: its role, the confidence (0 to 1) and the evidence.
///
/// ```
/// let imported = actionplan::import::ImportOptions::new()
///     .read_bytes(b"Action,Owner\nWrite the plan,Jo Bloggs\n").unwrap();
/// let col = &imported.layout.tables[0].columns[1];
/// assert_eq!(col.role, actionplan::model::Role::Owner);
/// assert!(col.header_evidence.as_deref().unwrap().contains("owner"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ColumnReading {
    /// 0-based column index.
    pub index: usize,
    /// The header as written (empty for a blank header cell).
    pub header: String,
    /// The role given.
    pub role: Role,
    /// How sure the reader is, from 0 to 1.
    pub confidence: f32,
    /// What the header says ("header names owner (score 6)"), if anything.
    pub header_evidence: Option<String>,
    /// What the cells say ("4 of 5 cells are date phrases"), if anything.
    pub content_evidence: Option<String>,
}

/// What the cells of one column look like.
#[derive(Debug, Default, Clone)]
pub(crate) struct Profile {
    pub filled: usize,
    pub long: usize,
    pub code: usize,
    pub number: usize,
    pub percent: usize,
    pub date: usize,
    pub status: usize,
    pub rag: usize,
    pub name: usize,
    /// Cells holding a lifecycle word somewhere in prose.
    pub status_prose: usize,
    pub distinct: usize,
}

/// What the cells of a column say, when they say one thing clearly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Content {
    Long,
    Code,
    Number,
    Percent,
    Date,
    Status,
    Rag,
    Name,
}

impl Content {
    fn label(self) -> &'static str {
        match self {
            Content::Long => "long sentences",
            Content::Code => "short codes",
            Content::Number => "numbers",
            Content::Percent => "percentages",
            Content::Date => "date phrases",
            Content::Status => "lifecycle words",
            Content::Rag => "RAG words",
            Content::Name => "short names or job titles",
        }
    }
}

impl Profile {
    /// The clearest reading of the cells and its share of the filled cells.
    pub(crate) fn content(&self) -> Option<(Content, f32)> {
        if self.filled == 0 {
            return None;
        }
        let n = self.filled as f32;
        let shares = [
            (Content::Percent, self.percent, 0.6),
            (Content::Rag, self.rag, 0.6),
            (Content::Status, self.status, 0.5),
            (Content::Date, self.date, 0.6),
            (Content::Code, self.code, 0.7),
            (Content::Number, self.number, 0.7),
            (Content::Long, self.long, 0.6),
            (Content::Name, self.name, 0.6),
        ];
        shares
            .iter()
            .filter(|(_, k, min)| *k as f32 / n >= *min)
            .map(|(c, k, _)| (*c, *k as f32 / n))
            .next()
    }

    fn count(&self, c: Content) -> usize {
        match c {
            Content::Long => self.long,
            Content::Code => self.code,
            Content::Number => self.number,
            Content::Percent => self.percent,
            Content::Date => self.date,
            Content::Status => self.status,
            Content::Rag => self.rag,
            Content::Name => self.name,
        }
    }
}

/// Words in a cell.
fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// A long sentence: the text of an action or a comment.
pub(crate) fn is_long(s: &str) -> bool {
    word_count(s) >= 8 || s.chars().count() >= 60
}

/// A short code: "1.2.3", "1.", "R4", "AC1", "SC18", "CPC001", "AFI 1", "Rec 17".
pub(crate) fn is_code(s: &str) -> bool {
    let t = s.trim().trim_end_matches([':', '.', ')']);
    if t.is_empty() || t.chars().count() > 12 || word_count(t) > 2 {
        return false;
    }
    if !t.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    // "June 2020": a year is a date.
    if word_count(t) == 2
        && t.split_whitespace().any(|w| {
            w.len() == 4
                && (w.starts_with("19") || w.starts_with("20"))
                && w.chars().all(|c| c.is_ascii_digit())
        })
    {
        return false;
    }
    t.chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ' ' | '_'))
}

/// A number (a count), not a code with dots or a percentage.
pub(crate) fn is_number(s: &str) -> bool {
    let t = s.trim();
    !t.is_empty() && t.len() <= 12 && t.chars().all(|c| c.is_ascii_digit() || c == ',')
}

/// "75%", "75 %", ">90%".
pub(crate) fn is_percent(s: &str) -> bool {
    let t = s.trim().trim_start_matches(['>', '<', '~']);
    t.strip_suffix('%')
        .is_some_and(|n| !n.trim().is_empty() && n.trim().parse::<f64>().is_ok())
}

/// A date phrase the timeframe reader knows (short: not a sentence that holds a date).
pub(crate) fn is_date(s: &str, opts: &ImportOptions) -> bool {
    if word_count(s) > 8 || s.contains('\n') {
        return false;
    }
    let t = timeframe::parse(s, opts.plan_date, &opts.settings);
    match t.kind {
        Kind::Unreadable | Kind::Status | Kind::Conditional => false,
        // "Head of Finance" names no financial year: a year must be found.
        Kind::FinancialYear => t.due_latest.is_some(),
        _ => true,
    }
}

/// A RAG colour word ("Green", "Amber/Red", "R"), not a lifecycle word.
pub(crate) fn is_rag(s: &str) -> bool {
    let t = s.trim();
    let w = normalise_words(t);
    let colour = w.split(' ').all(|x| {
        matches!(
            x,
            "red" | "amber" | "green" | "blue" | "r" | "a" | "g" | "b"
        )
    });
    colour && !w.is_empty() && RagWord::parse(t).is_some()
}

/// The lifecycle a short status cell names: the status words ([`Status::parse`]) and the
/// forms trackers use around them ("Actioned.", "Open - actions on going off track",
/// "Pending", "To be renegotiated").
pub(crate) fn lifecycle_word(s: &str) -> Option<Status> {
    let t = s.trim().trim_end_matches(['.', '!']);
    if let Some(st) = Status::parse(t) {
        return Some(st);
    }
    if word_count(t) > 8 {
        return None;
    }
    status_in_text(t)
}

/// A status cell as trackers write them: a status word ([`Status::parse`]) alone or leading
/// the cell ("Open - actions on going off track", "Complete."), or "Actioned", "Pending".
pub(crate) fn is_status_word(s: &str) -> bool {
    let t = s.trim();
    let first = t
        .split(['-', '–', ':', '.', ',', '(', '\n'])
        .next()
        .unwrap_or("")
        .trim();
    Status::parse(first).is_some()
        || matches!(
            normalise_words(first).as_str(),
            "actioned" | "pending" | "on track" | "off track"
        )
}

/// The lifecycle a sentence reports, from its words: "has been completed", "approved by
/// Cabinet" → complete; "ongoing", "being considered", "to be provided", "continues to be in
/// place" → in progress; "pending", "not yet started" → not started. `None` when it names
/// none.
pub(crate) fn status_in_text(s: &str) -> Option<Status> {
    let w = format!(" {} ", normalise_words(s));
    let has = |p: &str| w.contains(&format!(" {p} "));
    let any = |ps: &[&str]| ps.iter().any(|p| has(p));
    if any(&[
        "not started",
        "not yet started",
        "not commenced",
        "pending",
        "yet to start",
    ]) {
        return Some(Status::NotStarted);
    }
    if any(&[
        "partially completed",
        "partially complete",
        "not complete",
        "not completed",
        "not yet complete",
        "in progress",
        "on going",
        "ongoing",
        "off track",
        "on track",
        "underway",
        "under way",
    ]) {
        return Some(Status::InProgress);
    }
    if any(&[
        "complete",
        "completed",
        "actioned",
        "done",
        "implemented",
        "achieved",
        "delivered",
        "approved",
        "closed",
        "in place",
        "published",
    ]) && !any(&["continues to be in place", "to be in place"])
    {
        return Some(Status::Complete);
    }
    if any(&["continues", "continue", "being", "to be", "will be", "open"]) {
        return Some(Status::InProgress);
    }
    None
}

/// A person's name, initials or a job title: 1 to 8 words, no sentence punctuation, not a
/// date, code, status or number.
fn is_name(s: &str, opts: &ImportOptions) -> bool {
    let t = s.trim();
    let first_line = t.lines().next().unwrap_or("");
    let words = word_count(t);
    (1..=12).contains(&words)
        && first_line.chars().count() <= 60
        && !t.ends_with('.')
        && t.chars().next().is_some_and(|c| c.is_uppercase())
        && !t.chars().any(|c| c.is_ascii_digit())
        && lifecycle_word(t).is_none()
        && !is_date(t, opts)
}

/// Profile the cells of column `i` over `rows`.
pub(crate) fn profile(rows: &[&Row], i: usize, opts: &ImportOptions) -> Profile {
    let mut p = Profile::default();
    let mut seen: Vec<&str> = Vec::new();
    for r in rows {
        let Some(c) = r.cells.get(i) else { continue };
        let c = c.as_str();
        if is_blank(c) || c.trim() == "[…]" {
            continue;
        }
        p.filled += 1;
        if !seen.contains(&c) {
            seen.push(c);
        }
        if is_percent(c) {
            p.percent += 1;
        } else if is_number(c) {
            p.number += 1;
        } else if is_code(c) {
            p.code += 1;
        } else if is_rag(c) {
            p.rag += 1;
        } else if is_status_word(c) {
            p.status += 1;
        } else if is_date(c, opts) {
            p.date += 1;
        } else if is_long(c) {
            p.long += 1;
        } else if is_name(c, opts) {
            p.name += 1;
        }
        if Status::parse(c.trim().trim_end_matches('.')).is_some() {
            p.status_prose += 1;
        }
    }
    p.distinct = seen.len();
    p
}

/// One column's decision, before unique roles are settled.
struct Decision {
    role: Role,
    /// For settling two claims on one role: explicit 200, header score, content 1-3.
    score: u16,
    confidence: f32,
    header_evidence: Option<String>,
    content_evidence: Option<String>,
}

/// Roles of which a table has at most one column.
pub(crate) fn is_unique_role(role: Role) -> bool {
    !matches!(role, Role::Update | Role::Extra)
}

/// The roles of a table's columns, from its header cells and the data rows under it (a
/// bounded prefix). `header` may be empty cells (a table with no header row).
pub(crate) fn assign(header: &[Text], rows: &[&Row], opts: &ImportOptions) -> Vec<ColumnReading> {
    // Cells past the header are ragged (kept as extra columns by the records stage).
    let width = if header.iter().any(|h| !is_blank(h)) {
        header.len()
    } else {
        rows.iter().map(|r| r.cells.len()).max().unwrap_or(0)
    };
    let profiles: Vec<Profile> = (0..width).map(|i| profile(rows, i, opts)).collect();
    let mut ds: Vec<Decision> = Vec::with_capacity(width);
    for i in 0..width {
        let h = header.get(i).map_or("", |h| h.as_str());
        let p = &profiles[i];
        let content = p.content();
        let content_evidence =
            content.map(|(c, _)| format!("{} of {} cells are {}", p.count(c), p.filled, c.label()));
        let explicit = opts
            .columns
            .iter()
            .find(|(name, _)| !is_blank(h) && normalise_words(name) == normalise_words(h))
            .map(|(_, role)| *role)
            .or_else(|| {
                opts.column_roles
                    .iter()
                    .find(|(at, _)| *at == i)
                    .map(|(_, r)| *r)
            });
        if let Some(role) = explicit {
            ds.push(Decision {
                role,
                score: 200,
                confidence: 1.0,
                header_evidence: Some("mapped explicitly".into()),
                content_evidence,
            });
            continue;
        }
        // A header the alias table keeps apart ("Date raised") over cells that are not dates
        // says nothing about them.
        let by_header = if is_blank(h) {
            None
        } else {
            opts.aliases.score(h).filter(|(r, _)| {
                *r != Role::Extra || matches!(content, Some((Content::Date, _)) | None)
            })
        };
        let header_evidence =
            by_header.map(|(r, s)| format!("header names {} (score {s})", r.as_str()));
        let mut d = Decision {
            role: Role::Extra,
            score: 0,
            confidence: 0.0,
            header_evidence,
            content_evidence,
        };
        match (by_header, content) {
            // A column of counts under a header that names the action ("Sub actions"): the
            // action is elsewhere.
            (
                Some((Role::Action | Role::Recommendation | Role::Definition, _)),
                Some((Content::Number, share)),
            ) => {
                d.confidence = share;
            }
            // Short codes under a header naming the action ("Action" spanning a number column
            // and the blank-headed column of text beside it): the codes are the ref.
            (Some((Role::Action, _)), Some((Content::Code, share)))
                if (0..width).any(|j| {
                    j != i
                        && matches!(profiles[j].content(), Some((Content::Long, _)))
                        && header
                            .get(j)
                            .is_none_or(|h| is_blank(h) || opts.aliases.score(h).is_none())
                }) =>
            {
                d.role = Role::Ref;
                d.score = 3;
                d.confidence = share * 0.8;
            }
            // Sentences under a "Ref"/"No." header: the action text (the label stands over a
            // number column spanned by the header cell, or names both).
            (Some((Role::Ref | Role::RecommendationRef, _)), Some((Content::Long, share))) => {
                d.role = Role::Action;
                d.score = 3;
                d.confidence = share * 0.8;
            }
            // A status header over RAG colours is the RAG.
            (Some((Role::Status, s)), Some((Content::Rag, share))) => {
                d.role = Role::Rag;
                d.score = u16::from(s);
                d.confidence = share;
            }
            // A weak header word ("Target Outcome": score 3) over cells that plainly say
            // something else: the cells win.
            (Some((role, s)), Some((c, share)))
                if s <= 3 && !agrees(role, c) && share >= 0.6 && matches!(c, Content::Long) =>
            {
                d.role = Role::Action;
                d.score = 3;
                d.confidence = share * 0.8;
                let _ = role;
            }
            // A status header over percentages (shares of targets by status): not a status.
            (Some((Role::Status, _)), Some((Content::Percent, share))) => {
                d.confidence = share;
            }
            (Some((role, s)), _) => {
                d.role = role;
                d.score = u16::from(s);
                d.confidence = match content {
                    Some((c, share)) if agrees(role, c) => (0.7 + 0.3 * share).min(1.0),
                    Some(_) => 0.6,
                    None => 0.7,
                };
            }
            // A header never seen over a single cell: too little to go on.
            (None, Some((c, _))) if !is_blank(h) && p.filled < 2 && c != Content::Long => {}
            (None, Some((c, share))) => {
                d.role = match c {
                    // The same sentence down the column (a committee's name): not the action.
                    Content::Long if p.filled >= 3 && p.distinct * 2 <= p.filled => Role::Extra,
                    Content::Long => Role::Action,
                    Content::Code => Role::Ref,
                    Content::Number => Role::Extra,
                    Content::Percent => Role::Percent,
                    Content::Date => Role::Timeframe,
                    Content::Status => Role::Status,
                    Content::Rag => Role::Rag,
                    Content::Name => {
                        // Names repeat down a column of owners; a column of distinct short
                        // titles is more likely a list of things.
                        if p.filled >= 4 && p.distinct == p.filled && !is_blank(h) {
                            Role::Extra
                        } else {
                            Role::Owner
                        }
                    }
                };
                d.score = 2;
                d.confidence = share * 0.8;
            }
            (None, None) => {}
        }
        ds.push(d);
    }
    // Long text: the action is the first such column with no header role; the later ones are
    // comments (updates), unless their header says otherwise.
    let has_action_header = ds.iter().any(|d| d.role == Role::Action && d.score >= 4);
    let mut seen_long_action = has_action_header;
    for d in ds.iter_mut() {
        if d.role == Role::Action && d.score < 4 {
            if seen_long_action {
                d.role = Role::Update;
            }
            seen_long_action = true;
        }
    }
    // A unique role claimed twice goes to the best claim; the others are kept as extra
    // columns (a second content-read status or date column as well).
    for role in Role::ALL.into_iter().filter(|r| is_unique_role(*r)) {
        let claim: Vec<usize> = (0..ds.len()).filter(|&i| ds[i].role == role).collect();
        if claim.len() > 1 {
            let keep = *claim
                .iter()
                .max_by_key(|&&i| (ds[i].score, std::cmp::Reverse(i)))
                .expect("non-empty");
            for &i in &claim {
                if i != keep {
                    ds[i].role = if role == Role::Action {
                        Role::Update
                    } else {
                        Role::Extra
                    };
                    ds[i].score = 0;
                }
            }
        }
    }
    // A bare "No."/"Number" column is the recommendation's number only when there is a
    // recommendation column; otherwise it numbers the actions.
    let has_rec = ds.iter().any(|d| d.role == Role::Recommendation);
    let has_ref = ds.iter().any(|d| d.role == Role::Ref);
    for d in ds.iter_mut() {
        if d.role == Role::RecommendationRef && d.score <= 2 && !has_rec {
            d.role = if has_ref { Role::Extra } else { Role::Ref };
        }
    }
    // No action column: the recommendation column holds the actions.
    if !ds.iter().any(|d| d.role == Role::Action) {
        if let Some(d) = ds.iter_mut().find(|d| d.role == Role::Recommendation) {
            d.role = Role::Action;
            d.score = 1;
        }
    }
    // Still none: the column of the wordiest text (three words or more a cell on average)
    // among those given no other role.
    if !ds.iter().any(|d| d.role == Role::Action) {
        let words = |i: usize| {
            let (n, w) = rows
                .iter()
                .filter_map(|r| r.cells.get(i))
                .filter(|c| !is_blank(c))
                .fold((0usize, 0usize), |(n, w), c| (n + 1, w + word_count(c)));
            if n == 0 {
                0.0
            } else {
                w as f32 / n as f32
            }
        };
        let best = (0..ds.len())
            .filter(|&i| matches!(ds[i].role, Role::Extra | Role::Update) && ds[i].score < 200)
            .map(|i| (i, words(i)))
            .filter(|&(_, w)| w >= 3.0)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((i, _)) = best {
            ds[i].role = Role::Action;
            ds[i].score = 1;
            ds[i].confidence = 0.4;
        }
    }
    ds.into_iter()
        .enumerate()
        .map(|(i, d)| ColumnReading {
            index: i,
            header: header.get(i).map_or_else(String::new, |h| h.to_string()),
            role: d.role,
            confidence: (d.confidence * 100.0).round() / 100.0,
            header_evidence: d.header_evidence,
            content_evidence: d.content_evidence,
        })
        .collect()
}

/// Whether what the cells hold fits the role a header names.
fn agrees(role: Role, c: Content) -> bool {
    matches!(
        (role, c),
        (
            Role::Action | Role::Recommendation | Role::Definition | Role::Update,
            Content::Long
        ) | (
            Role::Ref | Role::RecommendationRef,
            Content::Code | Content::Number
        ) | (Role::Owner | Role::LeadMember, Content::Name)
            | (Role::Timeframe | Role::OriginalDue, Content::Date)
            | (Role::Status, Content::Status)
            | (Role::Rag, Content::Rag | Content::Status)
            | (Role::Percent, Content::Percent | Content::Number)
    )
}

/// Whether the columns could hold a plan: one of them could be an action, a timeframe or a
/// status.
pub(crate) fn could_be_a_plan(cols: &[ColumnReading]) -> bool {
    cols.iter().any(|c| {
        matches!(
            c.role,
            Role::Action | Role::Recommendation | Role::Timeframe | Role::Status
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_by_their_content() {
        for c in ["1.2.3", "R4", "AC1", "SC18", "CPC001", "1.", "AFI 1"] {
            assert!(is_code(c), "{c}");
        }
        for c in ["Chief Executive", "2020", "June 2020", "AG/ZW", ""] {
            assert!(!is_code(c) || c == "2020", "{c}");
        }
        assert!(is_percent(">90%") && is_percent("87 %") && !is_percent("87"));
        assert!(is_rag("Amber") && is_rag("Red/Amber") && !is_rag("Complete"));
        assert_eq!(lifecycle_word("Actioned."), Some(Status::Complete));
        assert_eq!(lifecycle_word("Pending"), Some(Status::NotStarted));
        assert_eq!(
            lifecycle_word("To be renegotiated"),
            Some(Status::InProgress)
        );
        assert_eq!(
            lifecycle_word("Open - Actions on going off track"),
            Some(Status::InProgress)
        );
        assert_eq!(
            status_in_text("Presented and approved by Cabinet on 5/11/2015"),
            Some(Status::Complete)
        );
        assert_eq!(
            status_in_text("This recommendation continues to be in place."),
            Some(Status::InProgress)
        );
        assert_eq!(status_in_text("Compliance with legislation"), None);
    }
}

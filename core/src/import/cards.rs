//! Card layouts: plans published as web or PDF text rather than a table, each action a block
//! of lines: a numbered heading ("Recommendation 9", "01: Confidential reporting") followed
//! by the text and labelled fields, or blocks of "Label: value" lines (Lead: …, Due date: …,
//! Status: …) whose labels repeat. The blocks are read as records and turned into a table
//! (Ref, Action, Owner, Due, Status, Progress) that the rest of the import reads as any other.
//!
//! ```
//! use actionplan::import::ImportOptions;
//!
//! let text = "Our progress\n\
//!             Action: Publish the equality objectives for the next four years\n\
//!             Lead: Head of HR\n\
//!             Due date: March 2025\n\
//!             Status: Complete\n\
//!             Action: Review the recruitment process for disabled applicants\n\
//!             Lead: Head of HR\n\
//!             Due date: June 2025\n\
//!             Status: In progress\n";
//! let imported = ImportOptions::new().format(actionplan::import::Format::Tsv).read_bytes(text.as_bytes()).unwrap();
//! assert_eq!(imported.layout.layout, "cards");
//! let actions = &imported.plan.recommendations[0].actions;
//! assert_eq!(actions.len(), 2);
//! assert_eq!(actions[1].owners, ["Head of HR"]);
//! assert_eq!(actions[1].due(), "2025-06-30".parse().ok());
//! assert_eq!(actions[1].status, Some(actionplan::Status::InProgress));
//! ```

use super::builder::Row;
use super::roles;
use crate::diagnostic::{Diagnostic, Place, Severity};
use crate::model::Role;
use crate::text::{is_blank, normalise_words, Text};

/// Whether the first rows read as a page of text: six or more non-blank rows, nearly all of
/// one cell.
pub(crate) fn looks_like_cards(head: &[Row]) -> bool {
    let rows: Vec<usize> = head
        .iter()
        .map(|r| r.cells.iter().filter(|c| !is_blank(c)).count())
        .filter(|&n| n > 0)
        .collect();
    rows.len() >= 6 && rows.iter().filter(|&&n| n > 1).count() * 10 <= rows.len()
}

/// A numbered heading line: its ref ("Recommendation 9", "01") and family ("recommendation",
/// "").
fn heading(line: &str) -> Option<(String, String)> {
    let t = line.trim();
    if t.contains('\n') || t.split_whitespace().count() > 10 || t.chars().count() > 90 {
        return None;
    }
    let mut words = t.split_whitespace();
    let first = words.next()?;
    let number = |w: &str| {
        let w = w.trim_end_matches([':', '.', ')']);
        !w.is_empty()
            && w.chars().all(|c| c.is_ascii_digit() || c == '.')
            && w.chars().next().is_some_and(|c| c.is_ascii_digit())
            // A year is a date, not a ref.
            && !(w.len() == 4 && (w.starts_with("19") || w.starts_with("20")))
    };
    if number(first) && (first.ends_with(':') || first.ends_with('.') || first.ends_with(')')) {
        let n = first.trim_end_matches([':', '.', ')']);
        return Some((n.to_string(), String::new()));
    }
    let second = words.next()?;
    if first.chars().all(char::is_alphabetic) && number(second) {
        let rest_ok = second.ends_with(':') || words.clone().next().is_none();
        if rest_ok {
            let n = second.trim_end_matches([':', '.', ')']);
            return Some((format!("{first} {n}"), first.to_lowercase()));
        }
    }
    None
}

/// A "Label: value" line: the label (one to four words) and the value (may be empty).
fn labelled(line: &str) -> Option<(&str, &str)> {
    let (label, value) = line.split_once(':')?;
    let label = label.trim();
    let n = label.split_whitespace().count();
    ((1..=4).contains(&n) && label.chars().any(char::is_alphabetic) && !label.contains('\n'))
        .then(|| (label, value.trim()))
}

#[derive(Default)]
struct Record {
    line: usize,
    key: String,
    action: String,
    owner: String,
    due: String,
    status: String,
    progress: Vec<String>,
}

/// Turn a page of cards into a table (the title lines first, then a header row, then one row
/// a record); `None` when no records are found.
pub(crate) fn to_table(rows: &[Row], diagnostics: &mut Vec<Diagnostic>) -> Option<Vec<Row>> {
    let lines: Vec<(usize, &str)> = rows
        .iter()
        .filter_map(|r| {
            r.cells
                .iter()
                .find(|c| !is_blank(c))
                .map(|c| (r.line, c.as_str()))
        })
        .collect();
    // The heading family that starts records: the most frequent one.
    let mut families: Vec<(String, usize)> = Vec::new();
    for (_, l) in &lines {
        if let Some((_, fam)) = heading(l) {
            match families.iter_mut().find(|(f, _)| *f == fam) {
                Some(f) => f.1 += 1,
                None => families.push((fam, 1)),
            }
        }
    }
    let family = families
        .iter()
        .max_by_key(|(_, n)| *n)
        .map(|(f, _)| f.clone());
    // Without numbered headings: the first label that repeats starts each record.
    let starter: Option<String> = if family.is_none() {
        let mut counts: Vec<(String, usize)> = Vec::new();
        for (_, l) in &lines {
            if let Some((label, _)) = labelled(l) {
                let k = normalise_words(label);
                match counts.iter_mut().find(|(f, _)| *f == k) {
                    Some(f) => f.1 += 1,
                    None => counts.push((k, 1)),
                }
            }
        }
        counts.into_iter().find(|(_, n)| *n >= 2).map(|(k, _)| k)
    } else {
        None
    };
    if family.is_none() && starter.is_none() {
        return None;
    }
    // Page chrome: a line repeated on every card (the page's title) is no part of a record.
    let mut chrome: Vec<&str> = Vec::new();
    if let Some(f) = &family {
        let starts = lines
            .iter()
            .filter(|(_, l)| heading(l).is_some_and(|(_, g)| g == *f))
            .count();
        for (_, l) in &lines {
            let n = lines.iter().filter(|(_, x)| x == l).count();
            if n >= 2 && n * 2 >= starts && heading(l).is_none() && !chrome.contains(l) {
                chrome.push(l);
            }
        }
    }
    let aliases = super::Aliases::default();
    let mut title: Vec<(usize, &str)> = Vec::new();
    let mut records: Vec<Record> = Vec::new();
    for &(line, l) in &lines {
        let head = heading(l).filter(|(_, f)| Some(f) == family.as_ref());
        let label = labelled(l);
        let starts = match (&head, &starter, label) {
            (Some((key, _)), _, _) => records.last().is_none_or(|r| r.key != *key),
            (None, Some(s), Some((lab, _))) => normalise_words(lab) == *s,
            _ => false,
        };
        if starts {
            records.push(Record {
                line,
                key: head.as_ref().map(|h| h.0.clone()).unwrap_or_default(),
                ..Record::default()
            });
        }
        let Some(rec) = records.last_mut() else {
            title.push((line, l));
            continue;
        };
        if chrome.contains(&l) {
            continue;
        }
        if head.is_some() {
            // "01: Confidential reporting": the title after the ref is progress text.
            continue;
        }
        if let Some((lab, value)) = label {
            let role = aliases.classify(lab);
            let one_word = lab.split_whitespace().count() == 1;
            let status = roles::lifecycle_word(value).is_some()
                || role == Some(Role::Status)
                || (one_word
                    && role == Some(Role::Action)
                    && !rec.action.is_empty()
                    && roles::status_in_text(value).is_some());
            if status && rec.status.is_empty() {
                rec.status = value.to_string();
                continue;
            }
            match role {
                Some(Role::Action) if rec.action.is_empty() && !value.is_empty() => {
                    rec.action = value.to_string();
                    continue;
                }
                Some(Role::Owner) if rec.owner.is_empty() => {
                    rec.owner = value.to_string();
                    continue;
                }
                Some(Role::Timeframe) if rec.due.is_empty() => {
                    rec.due = value.to_string();
                    continue;
                }
                _ => {}
            }
        }
        if rec.action.is_empty() && roles::is_long(l) {
            rec.action = l.to_string();
            continue;
        }
        if !rec.action.is_empty() && rec.action.ends_with(':') && rec.progress.is_empty() {
            // Sub-points of the text ("chief fire officers should:").
            rec.action.push('\n');
            rec.action.push_str(l);
            continue;
        }
        rec.progress.push(l.to_string());
    }
    if records.is_empty() || records.iter().all(|r| r.action.is_empty()) {
        return None;
    }
    // A due date at the head of the text: "By 1 June 2023, chief fire officers should…".
    for r in records.iter_mut().filter(|r| r.due.is_empty()) {
        if let Some((clause, _)) = r.action.split_once(',') {
            let c = clause.trim();
            if c.split_whitespace().count() <= 6
                && normalise_words(c).starts_with("by ")
                && c.chars().any(|ch| ch.is_ascii_digit())
            {
                r.due = c.to_string();
            }
        }
    }
    let first = records[0].line;
    diagnostics.push(
        Diagnostic::new(
            "cards",
            Severity::Info,
            format!(
                "the file is text, not a table: {} block(s) of lines read as records{}",
                records.len(),
                match &family {
                    Some(f) if !f.is_empty() => format!(" (each starts with a \"{f} N\" heading)"),
                    Some(_) => " (each starts with a numbered heading)".to_string(),
                    None => format!(
                        " (each starts with \"{}:\")",
                        starter.clone().unwrap_or_default()
                    ),
                }
            ),
        )
        .at(Place::row(first)),
    );
    let row = |line: usize, cells: Vec<&str>| Row {
        line,
        cells: cells.into_iter().map(Text::from).collect(),
    };
    let mut out: Vec<Row> = title.iter().map(|&(line, l)| row(line, vec![l])).collect();
    out.push(row(
        first,
        vec!["Ref", "Action", "Owner", "Due", "Status", "Progress"],
    ));
    for r in &records {
        let progress = r.progress.join("\n");
        out.push(row(
            r.line,
            vec![&r.key, &r.action, &r.owner, &r.due, &r.status, &progress],
        ));
    }
    Some(out)
}

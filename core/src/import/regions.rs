//! Stage 2 of the import, regions: which rows are the title, the header, section headings,
//! data, notes, and other tables (after Pytheas' line classes: header, data, subheader,
//! context).
//!
//! The header is looked for among the first rows (the first 40): the row whose cells best
//! name known fields ([`super::Aliases`]) and has data under it; failing that, a row of short
//! labels over rows of long text (words never seen); failing that, the table has no header and
//! its columns are read from their content alone ([`super::roles`]). Above the header, the
//! first rows are the title, and a numbered heading just above it ("1. Publication of
//! policies") is the first section. Below it, a row with one cell (or one cell merged across)
//! is a section heading, a repeat of the header is skipped, a header with another vocabulary
//! (indicators and targets, a glossary, a sign-off block) starts a table that is kept apart,
//! and a row cut short in the source ("Develop g[…]") is skipped.
//!
//! ```
//! use actionplan::import::ImportOptions;
//!
//! let csv = "Improvement plan\n\
//!            1. Governance\n\
//!            Action,Owner,Due\n\
//!            Agree the terms of reference,Chief Executive,April 2025\n\
//!            2. Finance\n\
//!            Set a balanced budget,Director of Finance,March 2026\n";
//! let imported = ImportOptions::new().read_bytes(csv.as_bytes()).unwrap();
//! let plan = &imported.plan;
//! assert_eq!(plan.meta.title.as_deref(), Some("Improvement plan"));
//! assert_eq!(plan.recommendations.len(), 2);
//! assert_eq!(plan.recommendations[0].theme.as_deref(), Some("1. Governance"));
//! assert_eq!(plan.recommendations[1].theme.as_deref(), Some("2. Finance"));
//! ```

use super::builder::{Row, HEADER_SCAN};
use super::{roles, ImportOptions};
use crate::error::{Error, ErrorKind, Result};
use crate::model::Role;
use crate::text::{is_blank, normalise_words};

/// Where a table's rows start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Found {
    /// The header is `head[i]`.
    Header(usize),
    /// No header row: the data starts at `head[i]`.
    Headerless(usize),
}

/// Find the header row among the first rows: one given by the user, the row holding every
/// explicitly mapped header, the row naming the most known fields, a row of short labels over
/// rows of long text; else the table has no header row.
pub(crate) fn find_header(head: &[Row], opts: &ImportOptions) -> Result<Found> {
    if let Some(n) = opts.header_row {
        if n == 0 {
            let first = head
                .iter()
                .position(|r| r.cells.iter().any(|c| !is_blank(c)))
                .unwrap_or(0);
            return Ok(Found::Headerless(first));
        }
        return head
            .iter()
            .position(|r| r.line == n)
            .map(Found::Header)
            .ok_or_else(|| {
                Error::new(ErrorKind::NoHeader {
                    rows_scanned: head.len(),
                })
            });
    }
    if !opts.columns.is_empty() {
        // The first row holding every explicitly mapped header.
        let wanted: Vec<String> = opts
            .columns
            .iter()
            .map(|(h, _)| normalise_words(h))
            .collect();
        for (i, r) in head.iter().enumerate() {
            let have: Vec<String> = r.cells.iter().map(|c| normalise_words(c)).collect();
            if wanted.iter().all(|w| have.contains(w)) {
                return Ok(Found::Header(i));
            }
        }
        let missing = opts
            .columns
            .iter()
            .find(|(h, _)| {
                let w = normalise_words(h);
                !head
                    .iter()
                    .any(|r| r.cells.iter().any(|c| normalise_words(c) == w))
            })
            .map(|(h, _)| h.clone())
            .unwrap_or_default();
        return Err(Error::new(ErrorKind::UnknownColumn {
            column: missing,
            header_row: head.first().map(|r| r.line).unwrap_or(1),
        }));
    }
    if let Some((i, _)) = best_header(head, opts) {
        return Ok(Found::Header(i));
    }
    if let Some(i) = label_header(head, opts) {
        return Ok(Found::Header(i));
    }
    if let Some(i) = headerless_start(head) {
        return Ok(Found::Headerless(i));
    }
    Err(Error::new(ErrorKind::NoHeader {
        rows_scanned: head.len(),
    }))
}

fn filled(r: &Row) -> usize {
    r.cells.iter().filter(|c| !is_blank(c)).count()
}

/// Whether rows read as source code or Markdown rather than a table: at least `min` cells,
/// and one in `share` or more of them hold "//", "::", braces, backticks, "**", "](" or start
/// with "#". (The title rows of a plan hold these rarely: a README or a Rust file is not a
/// plan, even where a line of it splits into cells that name columns.)
///
/// ```
/// let imported = actionplan::import::ImportOptions::new()
///     .read_bytes(b"# My project\n\nSome text, with a comma.\n\n```rust\nlet x = f(a, b);\n```\n\n- item, `code`\n- item, **bold**\n// note, here\nfn main() { g(c, d) }\n");
/// assert!(imported.is_err());
/// ```
pub(crate) fn looks_like_code(head: &[Row], min: usize, share: usize) -> bool {
    let mut total = 0;
    let mut code = 0;
    for c in head.iter().flat_map(|r| r.cells.iter()) {
        let t = c.trim();
        if t.is_empty() {
            continue;
        }
        total += 1;
        if ["//", "::", "{", "}", "`", "**", "]("]
            .iter()
            .any(|m| t.contains(m))
            || t.starts_with('#')
        {
            code += 1;
        }
    }
    total >= min && code * share >= total
}

/// A header of words never seen: the first row of three or more short labels (no numbers,
/// dates or sentences) with a row holding a phrase of four words or more among the three rows
/// below it.
fn label_header(head: &[Row], opts: &ImportOptions) -> Option<usize> {
    head.iter().enumerate().position(|(i, r)| {
        let cells: Vec<&str> = r
            .cells
            .iter()
            .map(|c| c.as_str())
            .filter(|c| !is_blank(c))
            .collect();
        cells.len() >= 3
            && cells.iter().all(|c| {
                c.chars().count() <= 60
                    && !roles::is_long(c)
                    && !roles::is_number(c)
                    && !roles::is_percent(c)
                    && !roles::is_code(c)
                    && !roles::is_date(c, opts)
            })
            && head[i + 1..]
                .iter()
                .filter(|r| filled(r) > 0)
                .take(3)
                .any(|r| {
                    filled(r) >= 2 && r.cells.iter().any(|c| c.split_whitespace().count() >= 4)
                })
    })
}

/// A table with no header row: where the first of two or more rows with a long sentence
/// beside shorter cells stands (a one-cell heading just above it belongs to the table).
fn headerless_start(head: &[Row]) -> Option<usize> {
    let data = |r: &Row| {
        filled(r) >= 2
            && r.cells.iter().any(|c| roles::is_long(c))
            && r.cells.iter().any(|c| !is_blank(c) && !roles::is_long(c))
    };
    let first = head.iter().position(data)?;
    if head[first..].iter().filter(|r| data(r)).count() < 2 {
        return None;
    }
    // A lone heading row just above the first data row is the first section.
    let start = if first > 0 && filled(&head[first - 1]) == 1 {
        first - 1
    } else {
        first
    };
    Some(start)
}

/// The rows above the header: the title rows, and a numbered heading just above the header
/// (the first section, not the title).
pub(crate) struct Above {
    /// The row that gives the title (index into the rows).
    pub title: Option<usize>,
    /// Every row read as the title.
    pub title_rows: Vec<usize>,
    /// The first section heading.
    pub section: Option<usize>,
}

/// Read the rows above the header (`rows`: the head up to the header).
pub(crate) fn above_header(rows: &[Row]) -> Above {
    let non_blank: Vec<usize> = (0..rows.len()).filter(|&i| filled(&rows[i]) > 0).collect();
    let section = non_blank.last().copied().filter(|&i| {
        filled(&rows[i]) == 1 && {
            let text = rows[i]
                .cells
                .iter()
                .find(|c| !is_blank(c))
                .expect("one cell");
            is_numbered_heading(text)
        }
    });
    let title_rows: Vec<usize> = non_blank
        .iter()
        .copied()
        .filter(|&i| Some(i) != section)
        .collect();
    Above {
        title: title_rows.first().copied(),
        title_rows,
        section,
    }
}

/// A numbered heading: "1. Publication of policies", "2) Finance", "Theme 3: Housing",
/// "Section 2 - Governance" (short, one line).
///
/// ```
/// use actionplan::import::regions::is_numbered_heading;
/// assert!(is_numbered_heading("1. Publication of policies"));
/// assert!(is_numbered_heading("Theme 3: Housing"));
/// assert!(!is_numbered_heading("2020 was a hard year"));
/// ```
pub fn is_numbered_heading(text: &str) -> bool {
    let t = text.trim();
    if t.chars().count() > 150 || t.contains('\n') {
        return false;
    }
    let digits = t
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .count();
    if digits > 0 {
        let rest = &t[digits..];
        let rest = rest.strip_prefix(')').unwrap_or(rest);
        return t[..digits].chars().any(|c| c.is_ascii_digit())
            && (t[..digits].ends_with('.') || rest.len() < t.len() - digits)
            && rest.starts_with(' ')
            && rest
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_alphabetic);
    }
    let w = normalise_words(t);
    let mut ws = w.split(' ');
    matches!(
        ws.next(),
        Some("section" | "theme" | "priority" | "objective" | "part" | "outcome" | "workstream")
    ) && ws
        .next()
        .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()) || n.len() == 1)
}

/// Whether the cells are the header's (all of them, or a part: every filled cell equal to the
/// header cell above it, two or more of them).
pub(crate) fn same_header(cells: &[crate::text::Text], header: &[crate::text::Text]) -> bool {
    let norm: Vec<String> = header.iter().map(|h| normalise_words(h)).collect();
    !header.is_empty() && repeats_header(cells.iter().map(|c| c.as_str()), &norm)
}

/// Whether a row repeats the header (`header`: its cells as normalised words): all its filled
/// cells equal the header's cells in their columns, two or more of them, or half the header.
pub(crate) fn repeats_header<'a>(cells: impl Iterator<Item = &'a str>, header: &[String]) -> bool {
    let mut same = 0;
    let mut differ = 0;
    for (c, h) in cells.zip(header.iter().map(Some).chain(std::iter::repeat(None))) {
        if is_blank(c) {
            continue;
        }
        match h {
            Some(h) if !h.is_empty() && normalise_words(c) == *h => same += 1,
            _ => differ += 1,
        }
    }
    let header_cells = header.iter().filter(|h| !h.is_empty()).count();
    same >= 2 && (differ == 0 || same * 2 >= header_cells)
}

/// A header of a table of actions: three or more short cells, each naming a known field, one
/// of them the action or the recommendation.
pub(crate) fn is_action_header<'a>(
    cells: impl Iterator<Item = &'a str>,
    aliases: &super::Aliases,
) -> bool {
    let mut n = 0;
    let mut core = false;
    for c in cells.filter(|c| !is_blank(c)) {
        if c.chars().count() > 40 {
            return false;
        }
        match aliases.classify(c) {
            Some(r) => {
                n += 1;
                core |= matches!(r, Role::Action | Role::Recommendation);
            }
            None => return false,
        }
    }
    n >= 3 && core
}

/// What a header of another table names: "indicators" (Indicator/Measure/KPI/PI with
/// Target/Actual), "glossary" (Term/Abbreviation with Meaning/Definition), "sign-off"
/// (Signed/Signature with Name/Date/Role); `None` for any other row.
pub(crate) fn other_table_kind<'a>(
    cells: impl Iterator<Item = &'a str> + Clone,
) -> Option<&'static str> {
    // Cheap first (this runs for every row): a header's cells are all short.
    if cells
        .clone()
        .any(|c| c.len() > 160 || c.chars().count() > 40)
    {
        return None;
    }
    let mut words: Vec<String> = Vec::new();
    let mut n = 0;
    for c in cells.filter(|c| !is_blank(c)) {
        if c.chars().count() > 40 {
            return None;
        }
        n += 1;
        words.extend(normalise_words(c).split(' ').map(str::to_string));
    }
    let has = |w: &str| words.iter().any(|x| x == w);
    if n < 2 {
        return None;
    }
    let measure = [
        "indicator",
        "indicators",
        "measure",
        "measures",
        "kpi",
        "kpis",
        "pi",
        "pis",
        "metric",
        "metrics",
    ]
    .iter()
    .any(|w| has(w));
    let figures = [
        "target", "targets", "actual", "baseline", "outturn", "value", "polarity",
    ]
    .iter()
    .any(|w| has(w));
    if measure && figures {
        return Some("indicators");
    }
    if ["term", "abbreviation", "acronym", "glossary"]
        .iter()
        .any(|w| has(w))
        && ["meaning", "definition", "description", "stands"]
            .iter()
            .any(|w| has(w))
    {
        return Some("glossary");
    }
    if ["signed", "signature", "sign"].iter().any(|w| has(w))
        && ["name", "date", "role", "position", "title"]
            .iter()
            .any(|w| has(w))
    {
        return Some("sign-off");
    }
    None
}

/// A cell cut short by its source: it ends in "[…]" (or "[...]") with too little before it
/// to read (fewer than four words).
pub(crate) fn is_cut_short(text: &str) -> bool {
    let t = text.trim();
    let body = t.strip_suffix("[…]").or_else(|| t.strip_suffix("[...]"));
    body.is_some_and(|b| b.split_whitespace().count() < 4)
}

/// A ref at the head of an action's text: "AFI 1 - The service should…" → ("AFI 1", "The
/// service should…"); "Rec 17: With immediate effect…"; "Recommendation 34: …"; "R4) …".
/// One or two words ending in a number, then ":", ")", " -" or " –".
pub(crate) fn split_ref_prefix(text: &str) -> Option<(&str, &str)> {
    let head: &str = text.get(..text.len().min(40))?;
    // The first separator in the head (one pass: this runs for every action).
    let (cut, sep_len) = first_ref_separator(head.as_bytes())?;
    let r = text[..cut].trim();
    let mut split = r.split_whitespace();
    let mut words: [&str; 2] = [""; 2];
    let mut n = 0;
    for w in split.by_ref() {
        if n == 2 {
            return None;
        }
        words[n] = w;
        n += 1;
    }
    if n == 0 {
        return None;
    }
    let words = &words[..n];
    let last = words[words.len() - 1];
    let numbered = last.chars().next().is_some_and(|c| c.is_ascii_digit());
    if !(numbered || words.len() == 1 && roles::is_code(last)) {
        return None;
    }
    if !last.chars().all(|c| c.is_ascii_alphanumeric() || c == '.') {
        return None;
    }
    // Two words: a ref word ("Rec 17", "AFI 1", "Recommendation 34"), not "Revised 2015".
    if words.len() == 2 {
        let w = words[0];
        let lower_owned: String;
        let abbreviation = w.len() <= 5 && w.chars().all(|c| c.is_ascii_uppercase());
        let lower;
        let w_lower = if w.len() <= 16 && w.is_ascii() {
            // No allocation for the common ASCII word.
            let mut buf = [0u8; 16];
            buf[..w.len()].copy_from_slice(w.as_bytes());
            buf[..w.len()].make_ascii_lowercase();
            lower = buf;
            std::str::from_utf8(&lower[..w.len()]).unwrap_or("")
        } else {
            lower_owned = w.to_lowercase();
            lower_owned.as_str()
        };
        let ref_word = matches!(
            w_lower,
            "rec"
                | "recommendation"
                | "action"
                | "ref"
                | "item"
                | "no"
                | "point"
                | "objective"
                | "priority"
                | "issue"
                | "finding"
                | "step"
                | "area"
                | "task"
                | "measure"
        );
        if !(abbreviation || ref_word) {
            return None;
        }
    }
    if last.len() == 4 && (last.starts_with("19") || last.starts_with("20")) {
        return None;
    }
    let rest = text[cut + sep_len..].trim_start();
    rest.split_whitespace()
        .nth(2)
        .is_some()
        .then_some((r, rest))
}

/// Where the first ref separator (`": "`, `") "`, `" - "`, `" – "`, `" — "`) starts in
/// `head`, and its length in bytes: what searching for each and taking the earliest gives,
/// in one pass.
fn first_ref_separator(head: &[u8]) -> Option<(usize, usize)> {
    const SEPS: [&[u8]; 5] = [b": ", b") ", b" - ", " – ".as_bytes(), " — ".as_bytes()];
    (0..head.len()).find_map(|i| {
        let b = head[i];
        if b != b':' && b != b')' && b != b' ' {
            return None;
        }
        SEPS.iter()
            .find(|sep| head[i..].starts_with(sep))
            .map(|sep| (i, sep.len()))
    })
}

/// A revised date given in a comment: the phrase after "now expected to complete by",
/// "extended to", "revised to", "deferred to", "rescheduled for", "new target date", … (to
/// the end of the sentence); or "extended from X to Y" (Y).
pub(crate) fn revised_date(text: &str) -> Option<&str> {
    // Cheap first (this runs for every comment): a word stem of one of the cues, in either
    // case of its first letter.
    const STEMS: &[&str] = &[
        "xpected",
        "evised",
        "eferred",
        "elayed",
        "ostponed",
        "ushed back",
        "eschedul",
        "xtended",
        "ew target",
        "ew date",
        "ow due",
    ];
    if !STEMS.iter().any(|s| text.contains(s)) {
        return None;
    }
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        // Case folding changed byte offsets (rare letters): look in ASCII only.
        return None;
    }
    const CUES: &[&str] = &[
        "now expected to complete by",
        "now expected to be complete by",
        "now expected to be completed by",
        "now expected by",
        "expected to complete by",
        "now due",
        "revised to",
        "revised date",
        "revised target date",
        "new target date",
        "new date",
        "deferred to",
        "deferred until",
        "delayed to",
        "delayed until",
        "postponed to",
        "postponed until",
        "pushed back to",
        "rescheduled for",
        "rescheduled to",
        "extended to",
        "extended until",
    ];
    let (at, cue) = CUES
        .iter()
        .filter_map(|c| lower.find(c).map(|i| (i, *c)))
        .min_by_key(|(i, c)| (*i, std::cmp::Reverse(c.len())))
        .or_else(|| {
            // "extended from March 2025 to June 2025"
            let i = lower.find("extended from")?;
            let to = lower[i..].find(" to ")?;
            Some((i + to, " to"))
        })?;
    let start = at + cue.len();
    let rest = text[start..].trim_start_matches([' ', ':', '-']);
    let end = rest.find(['.', ';', '\n', '(', ',']).unwrap_or(rest.len());
    let phrase = rest[..end].trim();
    (!phrase.is_empty() && phrase.split_whitespace().count() <= 6).then_some(phrase)
}

/// The header row among `head` and how many known fields it names: the row naming the most
/// (at least two, one of them the action or the recommendation), preferring one that starts a
/// table (see [`starts_table`]) to one with nothing below it. Unknown columns don't count
/// against it: trackers carry columns of their own. Rows of long text are data, not headers.
///
/// Once a header has data rows under it, a later row does not take over however many fields
/// it names: the rows between would be read as the title and lost, and a data row whose cells
/// happen to be column names ("Action description", "In progress RAG") is still a data row.
pub(crate) fn best_header(head: &[Row], opts: &ImportOptions) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    let mut best_key = (false, 0);
    for (i, r) in head.iter().enumerate() {
        let Some(n) = header_fields(r, opts) else {
            continue;
        };
        if let Some((b, bn)) = best {
            if best_key.0 && head[b + 1..i].iter().any(|r| is_data_under(r, bn, opts)) {
                break;
            }
        }
        let key = (starts_table(head, i, n, opts), n);
        if best.is_none() || key > best_key {
            best = Some((i, n));
            best_key = key;
        }
    }
    best
}

/// Whether `r` reads as a data row under a header naming `n` known fields: two or more cells,
/// and not naming as many known fields as the header (a repeat of it).
fn is_data_under(r: &Row, n: usize, opts: &ImportOptions) -> bool {
    r.cells.iter().filter(|c| !is_blank(c)).count() >= 2
        && header_fields(r, opts).is_none_or(|m| m < n)
}

/// The most cells of one row classified against the column aliases when it is tried as a
/// header: a header names tens of columns, and classifying each of a million cells (a hostile
/// row) for every header candidate took minutes.
const MAX_HEADER_CELLS: usize = 1_000;

/// How many known fields a row names if it could be a header: at least two, one of them the
/// action or the recommendation, and not mostly long text. Only the first
/// [`MAX_HEADER_CELLS`] filled cells are classified.
fn header_fields(r: &Row, opts: &ImportOptions) -> Option<usize> {
    let mut roles = Vec::new();
    let mut nonempty = 0;
    let mut long = 0;
    for c in &r.cells {
        if is_blank(c) {
            continue;
        }
        nonempty += 1;
        if c.chars().count() > 80 {
            long += 1;
            continue;
        }
        if nonempty > MAX_HEADER_CELLS {
            continue;
        }
        if let Some(role) = opts.aliases.classify(c).filter(|r| *r != Role::Extra) {
            if !roles.contains(&role) {
                roles.push(role);
            }
        }
    }
    let has_core = roles
        .iter()
        .any(|r| matches!(r, Role::Action | Role::Recommendation));
    let n = roles.len();
    (n >= 2 && has_core && long * 2 < nonempty).then_some(n)
}

/// Whether the row at `i`, a header naming `n` known fields, starts a table: a data row (two or
/// more cells, not naming as many known fields as the header: not a repeat of it) follows it
/// among `rows`, or it is the last row of a full scan (what follows is unknown). A row that
/// looks like a header with no data below it (a data row that names columns, a table pasted
/// into a cell) is weaker evidence than a header with data under it.
pub(crate) fn starts_table(rows: &[Row], i: usize, n: usize, opts: &ImportOptions) -> bool {
    let below = &rows[i + 1..];
    (below.is_empty() && rows.len() >= HEADER_SCAN)
        || below.iter().any(|r| is_data_under(r, n, opts))
}

/// Does a lone cell read like a section heading ("2) Business Planning Recommendations",
/// "Additional comments and actionable activities")?
pub(crate) fn looks_like_heading(text: &str) -> bool {
    let t = text.trim();
    let words = normalise_words(t);
    let n_words = words.split(' ').count();
    if t.chars().count() > 150 || n_words > 20 || t.contains('\n') {
        return false;
    }
    let numbered = {
        let mut chars = t.chars();
        let mut saw_digit = false;
        let mut numbered = false;
        for c in chars.by_ref() {
            if c.is_ascii_digit() || (saw_digit && c == '.') {
                saw_digit = true;
                continue;
            }
            numbered = saw_digit && c == ')';
            break;
        }
        numbered
    };
    let named = words.split(' ').any(|w| {
        matches!(
            w,
            "recommendations" | "section" | "theme" | "part" | "additional" | "workstream"
        )
    });
    numbered || named
}

#[cfg(test)]
mod tests {
    use super::{first_ref_separator, split_ref_prefix};

    /// The one-pass search finds what searching for each separator and taking the earliest
    /// finds.
    #[test]
    fn first_separator_is_the_earliest_of_each() {
        for head in [
            "Rec 17: With immediate effect",
            "AFI 1 - The service should",
            "1) Review – then: report",
            "A — b: c) d",
            "no separator here",
            "ends in a colon:",
            "x – y - z",
            "",
        ] {
            let each = [": ", ") ", " - ", " – ", " — "]
                .iter()
                .filter_map(|sep| head.find(sep).map(|i| (i, sep.len())))
                .min();
            assert_eq!(first_ref_separator(head.as_bytes()), each, "{head:?}");
        }
    }

    #[test]
    fn ref_prefixes_are_split_off() {
        assert_eq!(
            split_ref_prefix("Action 12: review and report on progress"),
            Some(("Action 12", "review and report on progress"))
        );
        assert_eq!(
            split_ref_prefix("AFI 1 - The service should improve"),
            Some(("AFI 1", "The service should improve"))
        );
        assert_eq!(split_ref_prefix("Revised 2015: the plan was changed"), None);
        assert_eq!(split_ref_prefix("Action 12: too short"), None);
        assert_eq!(split_ref_prefix("Three words here 1: a b c"), None);
    }
}

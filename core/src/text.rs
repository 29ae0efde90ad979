//! Small text helpers shared by the readers.

/// Lowercase, turn every run of non-alphanumeric characters into one space, and trim.
///
/// ```
/// assert_eq!(actionplan::text::normalise_words("  Amber/Green "), "amber green");
/// assert_eq!(actionplan::text::normalise_words("Month due to be completed"), "month due to be completed");
/// ```
pub fn normalise_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for ch in text.chars() {
        if ch.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            for l in ch.to_lowercase() {
                out.push(l);
            }
        } else if ch == '\'' || ch == '’' {
            // "officer's" -> "officers"
        } else {
            pending_space = true;
        }
    }
    out
}

/// True when the text has no visible characters.
///
/// ```
/// assert!(actionplan::text::is_blank(" \u{a0}\t"));
/// assert!(!actionplan::text::is_blank(" x "));
/// ```
pub fn is_blank(text: &str) -> bool {
    text.chars().all(char::is_whitespace)
}

/// Trim white space including non-breaking spaces, and normalise Windows line endings to `\n`.
///
/// ```
/// assert_eq!(actionplan::text::clean_cell(" a\r\nb\u{a0}"), "a\nb");
/// ```
pub fn clean_cell(text: &str) -> String {
    let t = text.trim();
    if t.contains('\r') {
        t.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        t.to_string()
    }
}

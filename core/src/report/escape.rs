//! Escaping what users wrote, for HTML and for Markdown.

use std::borrow::Cow;

/// The bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069).
/// A user's cell that holds one can reorder what is shown after it ("Trojan Source"): an owner
/// written with U+202E reads backwards, and a later column can appear inside it. Reports show
/// each as a visible mark, `[U+202E]`, instead.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The visible mark for a bidi control.
fn bidi_mark(c: char) -> String {
    format!("[U+{:04X}]", c as u32)
}

/// Escape text for HTML element content and attribute values (`&`, `<`, `>`, `"`, `'`), and
/// show bidirectional controls (U+202A–U+202E, U+2066–U+2069) as visible marks.
///
/// ```
/// assert_eq!(actionplan::report::escape_html("<script>alert('x')</script>"),
///            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
/// assert_eq!(actionplan::report::escape_html("Jo\u{202E}skcilb"), "Jo[U+202E]skcilb");
/// ```
pub fn escape_html(s: &str) -> Cow<'_, str> {
    if !s.contains(['&', '<', '>', '"', '\'']) && !s.chars().any(is_bidi_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if is_bidi_control(c) => out.push_str(&bidi_mark(c)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Escape text for a Markdown table cell or paragraph: Markdown punctuation is backslashed,
/// HTML is written as entities (so no renderer runs it), line breaks become spaces, and
/// bidirectional controls (U+202A–U+202E, U+2066–U+2069) are shown as visible marks.
///
/// ```
/// assert_eq!(actionplan::report::escape_markdown("a | *b* <i>\nc"), "a \\| \\*b\\* &lt;i&gt; c");
/// assert_eq!(actionplan::report::escape_markdown("Jo\u{2067}x"), "Jo\\[U+2067\\]x");
/// ```
pub fn escape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut last_space = false;
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '!' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            c if is_bidi_control(c) => {
                // (Brackets backslashed, as everywhere in Markdown.)
                out.push_str(&bidi_mark(c).replace('[', "\\[").replace(']', "\\]"));
            }
            '\n' | '\r' | '\t' => {
                if !last_space {
                    out.push(' ');
                }
                last_space = true;
                continue;
            }
            c => out.push(c),
        }
        last_space = c == ' ';
    }
    out.trim().to_string()
}

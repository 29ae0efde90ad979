//! Escaping what users wrote, for HTML and for Markdown.

use std::borrow::Cow;

/// Escape text for HTML element content and attribute values (`&`, `<`, `>`, `"`, `'`).
///
/// ```
/// assert_eq!(actionplan::report::escape_html("<script>alert('x')</script>"),
///            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
/// ```
pub fn escape_html(s: &str) -> Cow<'_, str> {
    if !s.contains(['&', '<', '>', '"', '\'']) {
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
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Escape text for a Markdown table cell or paragraph: Markdown punctuation is backslashed,
/// HTML is written as entities (so no renderer runs it), and line breaks become spaces.
///
/// ```
/// assert_eq!(actionplan::report::escape_markdown("a | *b* <i>\nc"), "a \\| \\*b\\* &lt;i&gt; c");
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

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

/// How deep inline formatting may nest in a cell before further opening tags are ignored (so a
/// cell of a million `<b>`s costs no more than its length).
const MAX_NESTING: usize = 8;

/// A cell's text as HTML: the inline tags [`inline_markup`](crate::text::inline_markup)
/// recognises (b, i, u, em, strong, br) shown as formatting, everything else escaped
/// ([`escape_html`]), so no other tag or attribute is ever written. Tags are balanced: a closing
/// tag with no opening one is dropped, one closed out of order closes and reopens those inside
/// it, and whatever is still open at the end is closed. Line breaks in the text become `<br>`.
///
/// ```
/// use actionplan::report::markup_html;
/// assert_eq!(markup_html("<u>New action</u>\nnext"), "<u>New action</u><br>next");
/// assert_eq!(markup_html("<b onclick=alert(1)>x</b>"), "&lt;b onclick=alert(1)&gt;x");
/// assert_eq!(markup_html("<script>x</script><b>open"), "&lt;script&gt;x&lt;/script&gt;<b>open</b>");
/// ```
pub fn markup_html(s: &str) -> String {
    use crate::text::{inline_markup, Inline, InlineTag};
    let mut out = String::with_capacity(s.len() + 16);
    let mut open: Vec<InlineTag> = Vec::new();
    let close = |out: &mut String, t: InlineTag| {
        out.push_str("</");
        out.push_str(t.name());
        out.push('>');
    };
    let start = |out: &mut String, t: InlineTag| {
        out.push('<');
        out.push_str(t.name());
        out.push('>');
    };
    for part in inline_markup(s) {
        match part {
            Inline::Text(t) => {
                let mut lines = t.split('\n');
                if let Some(first) = lines.next() {
                    out.push_str(&escape_html(first.trim_end_matches('\r')));
                }
                for l in lines {
                    out.push_str("<br>");
                    out.push_str(&escape_html(l.trim_end_matches('\r')));
                }
            }
            Inline::Break => out.push_str("<br>"),
            Inline::Open(t) => {
                if open.len() < MAX_NESTING {
                    open.push(t);
                    start(&mut out, t);
                }
            }
            Inline::Close(t) => {
                if let Some(at) = open.iter().rposition(|o| *o == t) {
                    let inner: Vec<InlineTag> = open.drain(at..).collect();
                    for o in inner.iter().rev() {
                        close(&mut out, *o);
                    }
                    for o in &inner[1..] {
                        start(&mut out, *o);
                        open.push(*o);
                    }
                }
            }
        }
    }
    while let Some(t) = open.pop() {
        close(&mut out, t);
    }
    out
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

#[cfg(test)]
mod tests {
    use super::markup_html;

    /// Every `<` the output holds starts one of the tags the report allows.
    fn only_allowed_tags(html: &str) -> bool {
        const ALLOWED: [&str; 11] = [
            "<b>",
            "</b>",
            "<i>",
            "</i>",
            "<u>",
            "</u>",
            "<em>",
            "</em>",
            "<strong>",
            "</strong>",
            "<br>",
        ];
        html.match_indices('<')
            .all(|(i, _)| ALLOWED.iter().any(|t| html[i..].starts_with(t)))
    }

    #[test]
    fn hostile_cells_never_become_other_html() {
        for (input, want) in [
            ("<b onclick=alert(1)>x</b>", "&lt;b onclick=alert(1)&gt;x"),
            (
                "<script>alert(1)</script>",
                "&lt;script&gt;alert(1)&lt;/script&gt;",
            ),
            (
                "<img src=x onerror=alert(1)>",
                "&lt;img src=x onerror=alert(1)&gt;",
            ),
            ("<b>unclosed", "<b>unclosed</b>"),
            ("stray</i> close", "stray close"),
            ("<b><i>x</b>y</i>", "<b><i>x</i></b><i>y</i>"),
            (
                "<STRONG>Loud</strong><BR/>next",
                "<strong>Loud</strong><br>next",
            ),
            (
                "<u><script>x</script></u>",
                "<u>&lt;script&gt;x&lt;/script&gt;</u>",
            ),
            (
                "<b>\"quoted\" & 'single'</b>",
                "<b>&quot;quoted&quot; &amp; &#39;single&#39;</b>",
            ),
            ("<em>Jo\u{202E}x</em>", "<em>Jo[U+202E]x</em>"),
        ] {
            let got = markup_html(input);
            assert_eq!(got, want, "{input}");
            assert!(only_allowed_tags(&got), "{got}");
        }
        // Deep nesting is cut off, and balanced.
        let deep = "<b>".repeat(10_000) + "x" + &"</b>".repeat(10_000);
        let got = markup_html(&deep);
        assert_eq!(got.matches("<b>").count(), super::MAX_NESTING);
        assert_eq!(got.matches("</b>").count(), super::MAX_NESTING);
        // Interleaved closes stay linear.
        let mixed = "<b><i><u><em><strong>".repeat(2) + &"</b>".repeat(5_000);
        let got = markup_html(&mixed);
        assert!(only_allowed_tags(&got));
        assert!(got.len() < 2_000, "{}", got.len());
    }
}

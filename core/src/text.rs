//! Text: the shared string type of the model ([`Text`]), and small text helpers shared by the
//! readers.

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

/// An inline formatting tag a cell may hold: `<b>`, `<i>`, `<u>`, `<em>`, `<strong>` (see
/// [`inline_markup`]).
///
/// ```
/// use actionplan::text::InlineTag;
/// assert_eq!(InlineTag::Underline.name(), "u");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum InlineTag {
    /// `<b>`: bold.
    Bold,
    /// `<i>`: italic.
    Italic,
    /// `<u>`: underlined.
    Underline,
    /// `<em>`: emphasis.
    Emphasis,
    /// `<strong>`: strong.
    Strong,
}

impl InlineTag {
    /// The tag's name, lower case, as HTML writes it.
    ///
    /// ```
    /// assert_eq!(actionplan::text::InlineTag::Strong.name(), "strong");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            InlineTag::Bold => "b",
            InlineTag::Italic => "i",
            InlineTag::Underline => "u",
            InlineTag::Emphasis => "em",
            InlineTag::Strong => "strong",
        }
    }
}

/// One piece of a cell's text as [`inline_markup`] reads it.
///
/// ```
/// use actionplan::text::{inline_markup, Inline, InlineTag};
/// assert_eq!(inline_markup("<u>New</u>"), vec![
///     Inline::Open(InlineTag::Underline), Inline::Text("New"), Inline::Close(InlineTag::Underline)]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inline<'a> {
    /// Text, exactly as written (anything that is not one of the tags, `<script>` included).
    Text(&'a str),
    /// An opening tag (`<b>`).
    Open(InlineTag),
    /// A closing tag (`</b>`).
    Close(InlineTag),
    /// A line break (`<br>`, `<br/>`, `<br />`).
    Break,
}

/// The tag at the start of `s` (which starts with `<`), and its length: one of b, i, u, em,
/// strong (opening or closing) or br, in any case, with no attributes (white space before the
/// `>` is allowed, and `/` before it for br).
fn inline_tag(s: &str) -> Option<(Inline<'static>, usize)> {
    let b = s.as_bytes();
    let mut i = 1;
    let closing = b.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let start = i;
    while b.get(i).is_some_and(u8::is_ascii_alphabetic) {
        i += 1;
    }
    let name = s.get(start..i)?.to_ascii_lowercase();
    while b.get(i).is_some_and(|c| *c == b' ' || *c == b'\t') {
        i += 1;
    }
    let self_closing = b.get(i) == Some(&b'/');
    if self_closing {
        i += 1;
    }
    if b.get(i) != Some(&b'>') {
        return None;
    }
    let tag = match name.as_str() {
        "br" if !closing => return Some((Inline::Break, i + 1)),
        "b" => InlineTag::Bold,
        "i" => InlineTag::Italic,
        "u" => InlineTag::Underline,
        "em" => InlineTag::Emphasis,
        "strong" => InlineTag::Strong,
        _ => return None,
    };
    if self_closing {
        return None;
    }
    Some((
        if closing {
            Inline::Close(tag)
        } else {
            Inline::Open(tag)
        },
        i + 1,
    ))
}

/// Read the inline markup a cell may hold: the tags b, i, u, em, strong (with their closing
/// tags) and br, in any case and with no attributes, as spreadsheets exported from web forms
/// write them (`<u>New action from March 2025 revisit.</u>`). Everything else, any other tag,
/// a tag with attributes (`<b onclick=…>`), a lone `<`, is text. Tags are returned as written:
/// an unclosed or stray tag is the reader's to balance ([`plain_text`] drops them all; the HTML
/// report closes what is open and ignores what is not).
///
/// This is the one place the reports decide what counts as formatting: the HTML report shows
/// these tags as formatting and escapes everything else; the Markdown report, the workbook, the
/// diff and the command line show [`plain_text`].
///
/// ```
/// use actionplan::text::{inline_markup, Inline, InlineTag};
/// let parts = inline_markup("<B>Note</B><br/>a <script>x</script>");
/// assert_eq!(parts, vec![
///     Inline::Open(InlineTag::Bold), Inline::Text("Note"), Inline::Close(InlineTag::Bold),
///     Inline::Break, Inline::Text("a <script>x</script>")]);
/// assert_eq!(inline_markup("<b onclick=x>hi</b>")[0], Inline::Text("<b onclick=x>hi"));
/// ```
pub fn inline_markup(s: &str) -> Vec<Inline<'_>> {
    let mut out = Vec::new();
    let mut text_start = 0;
    let mut i = 0;
    while let Some(off) = s[i..].find('<') {
        let at = i + off;
        match inline_tag(&s[at..]) {
            Some((tag, len)) => {
                if at > text_start {
                    out.push(Inline::Text(&s[text_start..at]));
                }
                out.push(tag);
                i = at + len;
                text_start = i;
            }
            None => i = at + 1,
        }
    }
    if text_start < s.len() {
        out.push(Inline::Text(&s[text_start..]));
    }
    out
}

/// A cell's text with its inline markup ([`inline_markup`]) taken out: the tags removed and
/// `<br>` as a line break. Text without tags is returned as it is, without a copy.
///
/// ```
/// use actionplan::text::plain_text;
/// assert_eq!(plain_text("<u>New action.</u> To produce<BR>a statement"), "New action. To produce\na statement");
/// assert_eq!(plain_text("<script>alert(1)</script>"), "<script>alert(1)</script>");
/// assert_eq!(plain_text("a < b"), "a < b");
/// ```
pub fn plain_text(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('<') {
        return std::borrow::Cow::Borrowed(s);
    }
    let parts = inline_markup(s);
    if let [Inline::Text(t)] = parts.as_slice() {
        return std::borrow::Cow::Borrowed(t);
    }
    let mut out = String::with_capacity(s.len());
    for p in parts {
        match p {
            Inline::Text(t) => out.push_str(t),
            Inline::Break => out.push('\n'),
            Inline::Open(_) | Inline::Close(_) => {}
        }
    }
    std::borrow::Cow::Owned(out)
}

/// [`plain_text`] on one line, for a line of terminal output: line breaks (written or `<br>`)
/// and the white space around them become one space.
///
/// ```
/// assert_eq!(actionplan::text::plain_line("<b>Done</b><br>\n next"), "Done next");
/// ```
pub fn plain_line(s: &str) -> String {
    let p = plain_text(s);
    if !p.contains(['\n', '\r']) {
        return p.into_owned();
    }
    p.split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Shared, immutable text: the string type of the model's text fields.
///
/// A `Text` is a slice of a reference-counted string (16 bytes). Cloning it bumps a count
/// instead of copying, and the importer cuts the cells of many source rows (about 64 KiB of
/// text at a time) out of one shared buffer, so a million rows cost a few thousand
/// allocations. The empty `Text` (the [`Default`]) allocates nothing. A `Text` holds at most
/// [`Text::MAX_LEN`] bytes (4 GiB).
///
/// It reads as a `&str` (through [`Deref`](std::ops::Deref)), compares, orders and hashes
/// exactly like one, looks up `BTreeMap<Text, _>` and `HashMap<Text, _>` keys by `&str`
/// (through [`Borrow<str>`](std::borrow::Borrow)), and is written to JSON as a plain string.
///
/// ```
/// use actionplan::Text;
///
/// let t = Text::from("Head of Finance");
/// assert_eq!(t, "Head of Finance");
/// assert_eq!(t.len(), 15);
/// assert!(t.starts_with("Head"));
/// let shared = t.clone(); // no copy of the bytes
/// assert_eq!(shared, t);
/// assert_eq!(serde_json::to_string(&t).unwrap(), r#""Head of Finance""#);
/// ```
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text(arcstr::Substr);

impl Text {
    /// The empty text (no allocation).
    ///
    /// ```
    /// assert!(actionplan::Text::new().is_empty());
    /// ```
    pub const fn new() -> Self {
        Text(arcstr::Substr::new())
    }

    /// The longest text, in bytes: 4 GiB less one (a `Text`'s offsets are 32-bit).
    ///
    /// Longer input is never a panic: the importers refuse a longer cell with an error
    /// ([`ErrorKind::TooLarge`](crate::ErrorKind::TooLarge)) naming its row and column, reading
    /// a longer JSON string fails, [`Text::checked`] says `None`, and the `From` conversions
    /// keep only the first `MAX_LEN` bytes (cut at a character boundary).
    ///
    /// ```
    /// assert_eq!(actionplan::Text::MAX_LEN, u32::MAX as usize);
    /// ```
    pub const MAX_LEN: usize = u32::MAX as usize;

    /// Whether a text of `len` bytes fits in a `Text` (at most [`Text::MAX_LEN`]).
    ///
    /// ```
    /// use actionplan::Text;
    /// assert!(Text::fits(0));
    /// assert!(Text::fits(Text::MAX_LEN));
    /// assert!(!Text::fits(Text::MAX_LEN + 1));
    /// ```
    // On 32-bit targets (WebAssembly) every length fits: the comparison is always true there.
    #[allow(clippy::absurd_extreme_comparisons)]
    pub const fn fits(len: usize) -> bool {
        len <= Text::MAX_LEN
    }

    /// The text, or `None` when it is longer than [`Text::MAX_LEN`] (the fallible form of
    /// `Text::from`).
    ///
    /// ```
    /// let t = actionplan::Text::checked("Q4").unwrap();
    /// assert_eq!(t, "Q4");
    /// ```
    pub fn checked(s: &str) -> Option<Text> {
        Text::fits(s.len()).then(|| Text::from(s))
    }

    /// The first bytes of `s` that fit in a `Text`, cut at a character boundary.
    fn clamp(s: &str) -> &str {
        if Text::fits(s.len()) {
            return s;
        }
        let mut end = Text::MAX_LEN;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        &s[..end]
    }

    /// The text as a `&str`.
    ///
    /// ```
    /// let t = actionplan::Text::from("Q4");
    /// assert_eq!(t.as_str(), "Q4");
    /// ```
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// The part of this text that `part` (a slice of it, such as one returned by
    /// [`str::trim`] or [`str::split`]) covers, sharing the same buffer. `None` when `part`
    /// does not lie inside this text.
    ///
    /// ```
    /// let t = actionplan::Text::from("  Chief Executive ");
    /// let inner = t.slice_of(t.trim()).unwrap();
    /// assert_eq!(inner, "Chief Executive");
    /// assert!(t.slice_of("elsewhere").is_none());
    /// ```
    pub fn slice_of(&self, part: &str) -> Option<Text> {
        if part.is_empty() {
            return Some(Text::new());
        }
        self.0.try_substr_from(part).map(Text)
    }

    /// A text over the whole of a shared string.
    pub(crate) fn from_arc(s: &arcstr::ArcStr, range: std::ops::Range<usize>) -> Text {
        if range.is_empty() {
            Text::new()
        } else {
            Text(arcstr::ArcStr::substr(s, range))
        }
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.0.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.0.as_str()
    }
}

impl std::borrow::Borrow<str> for Text {
    fn borrow(&self) -> &str {
        self.0.as_str()
    }
}

impl From<&str> for Text {
    /// A copy of the string. A string longer than [`Text::MAX_LEN`] (4 GiB) is cut to its
    /// first `MAX_LEN` bytes at a character boundary rather than panic; use
    /// [`Text::checked`] to refuse it instead.
    ///
    /// ```
    /// let t: actionplan::Text = "x".into();
    /// assert_eq!(t, "x");
    /// ```
    fn from(s: &str) -> Self {
        if s.is_empty() {
            Text::new()
        } else {
            Text(arcstr::Substr::from(Text::clamp(s)))
        }
    }
}

impl From<String> for Text {
    /// ```
    /// let t = actionplan::Text::from(String::from("x"));
    /// assert_eq!(t, "x");
    /// ```
    fn from(s: String) -> Self {
        Text::from(s.as_str())
    }
}

impl From<&String> for Text {
    /// ```
    /// let s = String::from("x");
    /// assert_eq!(actionplan::Text::from(&s), s);
    /// ```
    fn from(s: &String) -> Self {
        Text::from(s.as_str())
    }
}

impl From<Text> for String {
    /// ```
    /// let s: String = actionplan::Text::from("x").into();
    /// assert_eq!(s, "x");
    /// ```
    fn from(t: Text) -> String {
        t.as_str().to_string()
    }
}

macro_rules! text_eq {
    ($($other:ty),*) => {$(
        impl PartialEq<$other> for Text {
            fn eq(&self, other: &$other) -> bool {
                self.as_str() == &other[..]
            }
        }
        impl PartialEq<Text> for $other {
            fn eq(&self, other: &Text) -> bool {
                &self[..] == other.as_str()
            }
        }
    )*};
}
text_eq!(str, &str, String);

impl std::fmt::Display for Text {
    /// ```
    /// assert_eq!(actionplan::Text::from("Amber").to_string(), "Amber");
    /// ```
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self.as_str(), f)
    }
}

impl std::fmt::Debug for Text {
    /// ```
    /// assert_eq!(format!("{:?}", actionplan::Text::from("a\"b")), r#""a\"b""#);
    /// ```
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl serde::Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Text {
    /// ```
    /// let t: actionplan::Text = serde_json::from_str(r#""Q1""#).unwrap();
    /// assert_eq!(t, "Q1");
    /// ```
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Text;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Text, E> {
                Text::checked(v).ok_or_else(|| {
                    E::invalid_length(v.len(), &"a string of at most 4 GiB less one byte")
                })
            }
        }
        d.deserialize_str(V)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Text {
    fn inline_schema() -> bool {
        <String as schemars::JsonSchema>::inline_schema()
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        <String as schemars::JsonSchema>::schema_name()
    }
    fn schema_id() -> std::borrow::Cow<'static, str> {
        <String as schemars::JsonSchema>::schema_id()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <String as schemars::JsonSchema>::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::{inline_markup, plain_line, plain_text, Inline, InlineTag, Text};

    #[test]
    fn only_the_known_tags_without_attributes_are_markup() {
        for hostile in [
            "<b onclick=alert(1)>x</b>",
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<u style=\"x\">y</u>",
            "<b\nonclick=1>z",
            "<br onclick=1>",
            "</br>",
            "<b/>",
            "<",
            "<<b",
            "<strongly>",
        ] {
            let parts = inline_markup(hostile);
            // Whatever is not a bare known tag stays text, character for character.
            let text: String = parts
                .iter()
                .filter_map(|p| match p {
                    Inline::Text(t) => Some(*t),
                    _ => None,
                })
                .collect();
            assert!(
                text.contains(hostile.split('>').next().unwrap()),
                "{hostile}: {parts:?}"
            );
        }
        assert_eq!(
            inline_markup("<b>a<I>b</i></B>"),
            vec![
                Inline::Open(InlineTag::Bold),
                Inline::Text("a"),
                Inline::Open(InlineTag::Italic),
                Inline::Text("b"),
                Inline::Close(InlineTag::Italic),
                Inline::Close(InlineTag::Bold),
            ]
        );
        assert_eq!(
            inline_markup("<b >x"),
            vec![Inline::Open(InlineTag::Bold), Inline::Text("x")]
        );
        assert_eq!(inline_markup("a<br />b").len(), 3);
        assert_eq!(inline_markup(""), vec![]);
    }

    #[test]
    fn plain_text_drops_tags_and_keeps_everything_else() {
        assert_eq!(
            plain_text("<u>New action</u> <strong>now</strong>"),
            "New action now"
        );
        assert_eq!(plain_text("<b>unclosed"), "unclosed");
        assert_eq!(plain_text("stray</i> close"), "stray close");
        assert_eq!(plain_text("<b onclick=x>t</b>"), "<b onclick=x>t");
        assert_eq!(plain_text("x<br>y"), "x\ny");
        assert_eq!(plain_line(" a<br><br>b\n c "), "a b c");
        // Multi-byte text around tags.
        assert_eq!(plain_text("é<i>ü</i>€<"), "éü€<");
    }

    #[test]
    fn length_guard() {
        assert!(Text::fits(Text::MAX_LEN));
        if let Some(over) = Text::MAX_LEN.checked_add(1) {
            assert!(!Text::fits(over));
        }
        assert!(!Text::fits(usize::MAX));
        // Short text is never cut.
        assert_eq!(Text::clamp("é"), "é");
    }
}

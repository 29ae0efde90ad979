//! Splitting a phrase into words, numbers and separators.
//!
//! The phrase is lowercased (ASCII only, so byte offsets stay those of the original) and cut
//! into runs of letters, runs of digits, line breaks and single separator characters. Dashes of
//! every width read as `-`, curly apostrophes as `'`.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tk {
    /// A run of letters.
    Word,
    /// A run of ASCII digits.
    Num,
    /// One other character (normalised dashes and quotes).
    Sep(char),
    /// A line break.
    Break,
}

/// One token of a phrase.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token<'a> {
    pub kind: Tk,
    /// Lowercased text (words) or digits (numbers).
    pub text: &'a str,
    /// The value of a number (`u32::MAX` when it has more than nine digits).
    pub num: u32,
    /// Digits in a number (at most 255).
    pub digits: u8,
    /// Whitespace stands before it.
    pub space: bool,
    /// The original word starts with a capital letter.
    pub cap: bool,
    /// Byte offsets in the phrase.
    pub start: usize,
    pub end: usize,
}

fn normalise(c: char) -> char {
    match c {
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe58}' | '\u{fe63}' | '\u{ff0d}' => '-',
        '\u{2018}' | '\u{2019}' | '\u{201b}' | '`' | '\u{b4}' | '\u{2032}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' => '"',
        '\u{ff0f}' | '\u{2044}' | '\u{2215}' => '/',
        c => c,
    }
}

/// Tokens of `lower` (the ASCII-lowercased `orig`), appended to `out`.
pub(crate) fn tokenize<'a>(orig: &str, lower: &'a str, out: &mut Vec<Token<'a>>) {
    let ob = orig.as_bytes();
    let mut space = true;
    let mut it = lower.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c == '\n' || c == '\u{2028}' || c == '\u{2029}' || c == '\u{b}' || c == '\u{c}' {
            out.push(Token {
                kind: Tk::Break,
                text: "",
                num: 0,
                digits: 0,
                space,
                cap: false,
                start: i,
                end: i + c.len_utf8(),
            });
            space = true;
            continue;
        }
        if c.is_whitespace() || c.is_control() || c == '\u{200b}' || c == '\u{feff}' {
            space = true;
            continue;
        }
        let tok = if c.is_ascii_digit() {
            let mut end = i + 1;
            let mut val: u64 = u64::from(c as u8 - b'0');
            let mut nd: usize = 1;
            while let Some(&(j, d)) = it.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                it.next();
                end = j + 1;
                nd += 1;
                if nd <= 9 {
                    val = val * 10 + u64::from(d as u8 - b'0');
                }
            }
            Token {
                kind: Tk::Num,
                text: &lower[i..end],
                num: if nd > 9 { u32::MAX } else { val as u32 },
                digits: nd.min(255) as u8,
                space,
                cap: false,
                start: i,
                end,
            }
        } else if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if !d.is_alphabetic() {
                    break;
                }
                it.next();
                end = j + d.len_utf8();
            }
            Token {
                kind: Tk::Word,
                text: &lower[i..end],
                num: 0,
                digits: 0,
                space,
                cap: ob.get(i).is_some_and(|b| b.is_ascii_uppercase()),
                start: i,
                end,
            }
        } else {
            Token {
                kind: Tk::Sep(normalise(c)),
                text: &lower[i..i + c.len_utf8()],
                num: 0,
                digits: 0,
                space,
                cap: false,
                start: i,
                end: i + c.len_utf8(),
            }
        };
        out.push(tok);
        space = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<String> {
        let lower = s.to_ascii_lowercase();
        let mut v = Vec::new();
        tokenize(s, &lower, &mut v);
        v.iter()
            .map(|t| match t.kind {
                Tk::Word => format!("w:{}", t.text),
                Tk::Num => format!("n:{}", t.num),
                Tk::Sep(c) => format!("s:{c}"),
                Tk::Break => "br".into(),
            })
            .collect()
    }

    #[test]
    fn splits() {
        assert_eq!(kinds("24 th June"), ["n:24", "w:th", "w:june"]);
        assert_eq!(kinds("Q3 2024/25"), ["w:q", "n:3", "n:2024", "s:/", "n:25"]);
        assert_eq!(
            kinds("April – June\n’25"),
            ["w:april", "s:-", "w:june", "br", "s:'", "n:25"]
        );
        assert_eq!(kinds("99999999999"), ["n:4294967295"]);
    }
}

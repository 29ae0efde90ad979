//! The two legacy encodings spreadsheet exports use: Windows-1252 and UTF-16.
//!
//! Written here rather than taken from `encoding_rs` on purpose: Windows-1252 is Latin-1 plus
//! 32 code points, and UTF-16 is in the standard library, while `encoding_rs` links the tables
//! of every encoding it knows, which measured 130 KB gzipped in the browser package.

/// Windows-1252 bytes 0x80–0x9F (the WHATWG mapping: the five unassigned bytes map to the C1
/// controls of the same number).
const HIGH: [char; 32] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}',
    '\u{0090}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
];

/// Decode Windows-1252 (what Excel on Windows writes for "CSV").
pub(crate) fn windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

/// Decode UTF-16 after its byte-order mark; unpaired surrogates and an odd last byte become
/// U+FFFD.
pub(crate) fn utf16(bytes: &[u8], little_endian: bool) -> String {
    let body = &bytes[2.min(bytes.len())..];
    let units = body.chunks(2).map(|c| match (c, little_endian) {
        ([a, b], true) => u16::from_le_bytes([*a, *b]),
        ([a, b], false) => u16::from_be_bytes([*a, *b]),
        _ => 0xFFFD,
    });
    char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_high_bytes_and_latin_1() {
        assert_eq!(
            windows_1252(b"\x93q\x94 \x96 \xA35 \x80 caf\xE9"),
            "\u{201C}q\u{201D} \u{2013} £5 € café"
        );
    }

    #[test]
    fn utf16_both_orders_and_bad_input() {
        assert_eq!(utf16(b"\xFF\xFEA\x00\xE9\x00", true), "Aé");
        assert_eq!(utf16(b"\xFE\xFF\x00A\x00\xE9", false), "Aé");
        assert_eq!(utf16(b"\xFF\xFE\x00\xD8A", true), "\u{FFFD}\u{FFFD}");
    }
}

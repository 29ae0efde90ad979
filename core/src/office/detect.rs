//! What the first bytes say: a zip container (.xlsx, .docx, .ods) or an OLE compound file
//! (.xls, .doc, or an encrypted .xlsx/.docx, which Office stores as an OLE file holding an
//! `EncryptedPackage` stream).

/// The kind of container the bytes are, from their magic numbers.
///
/// ```
/// use actionplan::office::{detect, Container};
/// assert_eq!(detect(b"PK\x03\x04rest"), Some(Container::Zip));
/// assert_eq!(detect(b"Action,Owner\n"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Container {
    /// A zip archive: .xlsx, .xlsm, .docx, .ods (or a zip that is none of them).
    Zip,
    /// An OLE compound file holding an Excel 97–2003 workbook (.xls).
    Xls,
    /// An OLE compound file holding a Word 97–2003 document (.doc).
    Doc,
    /// An OLE compound file holding an encrypted (password-protected) .xlsx or .docx.
    Encrypted,
    /// Another OLE compound file.
    Ole,
}

const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// Tell a zip or OLE container by its first bytes (and, for OLE, by the stream names in its
/// directory). `None` for anything else, such as text.
///
/// ```
/// use actionplan::office::{detect, Container};
/// let mut ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
/// ole.resize(512, 0);
/// assert_eq!(detect(&ole), Some(Container::Ole));
/// ```
pub fn detect(bytes: &[u8]) -> Option<Container> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Some(Container::Zip);
    }
    if !bytes.starts_with(OLE_MAGIC) {
        return None;
    }
    // Directory entries store their names in UTF-16LE; look for the streams that tell the
    // kinds apart.
    let has = |name: &str| {
        let pat: Vec<u8> = name.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        bytes.windows(pat.len()).any(|w| w == pat.as_slice())
    };
    if has("EncryptedPackage") && has("EncryptionInfo") {
        Some(Container::Encrypted)
    } else if has("WordDocument") {
        Some(Container::Doc)
    } else if has("Workbook") || has("Book") {
        Some(Container::Xls)
    } else {
        Some(Container::Ole)
    }
}

//! Limits that bound the memory and time spent on one PDF (see [`Limits`]).

/// The bounds applied while reading one PDF.
///
/// A PDF is a file of numbered objects, many of them compressed streams, and like a zip it can
/// lie: a stream of a few kilobytes can inflate to gigabytes, and a file can claim millions of
/// objects or pages. The file's size and its object count (`N 0 obj` headers, counted in the
/// raw bytes) are checked before the PDF parser allocates anything; every stream is inflated
/// through a bounded decoder that stops at the limit; pages and text are counted as they are
/// read.
///
/// | limit | default | why this number |
/// |---|---|---|
/// | [`max_file_bytes`](Limits::max_file_bytes) | 128 MiB | a 100-page committee paper with pictures is a few MiB |
/// | [`max_objects`](Limits::max_objects) | 500 000 | a long report has a few thousand |
/// | [`max_pages`](Limits::max_pages) | 2 000 | an action plan runs to tens of pages; a whole agenda pack to hundreds |
/// | [`max_stream_bytes`](Limits::max_stream_bytes) | 64 MiB | one stream (a page's content, an object stream, a font's Unicode map), inflated |
/// | [`max_total_bytes`](Limits::max_total_bytes) | 256 MiB | all the pages' content streams together, inflated |
/// | [`max_pieces`](Limits::max_pieces) | 1 000 000 | strings of text (and rules) read from one page |
///
/// A file over a limit is an [`ErrorKind::TooLarge`](crate::ErrorKind::TooLarge) that names
/// what was measured.
///
/// ```
/// let limits = actionplan::pdf::Limits::default();
/// assert_eq!(limits.max_pages, 2_000);
/// let mut strict = actionplan::pdf::Limits::default();
/// strict.max_pages = 10;
/// assert!(strict.max_pages < limits.max_pages);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// Bytes of the file itself.
    pub max_file_bytes: u64,
    /// Objects (`N G obj` headers) in the file.
    pub max_objects: usize,
    /// Pages in the page tree.
    pub max_pages: usize,
    /// Inflated bytes of one stream.
    pub max_stream_bytes: u64,
    /// Inflated bytes of all page content together.
    pub max_total_bytes: u64,
    /// Strings of text, and ruling lines, read from one page.
    pub max_pieces: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 128 * 1024 * 1024,
            max_objects: 500_000,
            max_pages: 2_000,
            max_stream_bytes: 64 * 1024 * 1024,
            max_total_bytes: 256 * 1024 * 1024,
            max_pieces: 1_000_000,
        }
    }
}

/// The error for a measured size over its limit.
#[cfg_attr(not(feature = "pdf"), allow(dead_code))]
pub(crate) fn too_large(what: impl Into<String>, size: u64, limit: u64) -> crate::Error {
    crate::Error::new(crate::ErrorKind::TooLarge {
        what: what.into(),
        size,
        limit,
    })
}

/// Count `obj` keywords that follow an object number and generation (`12 0 obj`), stopping
/// once past `stop`.
#[cfg_attr(not(feature = "pdf"), allow(dead_code))]
pub(crate) fn count_objects(bytes: &[u8], stop: usize) -> usize {
    let mut n = 0;
    let mut i = 0;
    while let Some(k) = find(&bytes[i..], b" obj") {
        let at = i + k;
        // Preceded by "<digits> <digits>".
        let head = &bytes[at.saturating_sub(24)..at];
        let digits_before = head.iter().rev().take_while(|b| b.is_ascii_digit()).count();
        if digits_before > 0 {
            n += 1;
            if n > stop {
                return n;
            }
        }
        i = at + 4;
    }
    n
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_object_headers() {
        let pdf = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n2 0 obj\n<<>>\nendobj\nxobj";
        assert_eq!(super::count_objects(pdf, 100), 2);
        assert_eq!(super::count_objects(pdf, 0), 1);
    }
}

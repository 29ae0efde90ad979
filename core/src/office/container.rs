//! The zip container of .xlsx, .docx and .ods files, opened with the [`Limits`] enforced.
//!
//! Parts are inflated through a reader that stops one byte past the limit, so the zip's own
//! size fields (which a hostile file can fake) are never trusted. Parts handed to calamine are
//! checked this way first ([`Zip::verify_xml_parts`]); parts read by our own readers are read
//! with the same bound ([`Zip::read_part`]).

use super::limits::{too_large, Limits};
use crate::error::{Error, ErrorKind, Result};
use std::io::{Cursor, Read};

/// An opened zip with its limits.
pub(crate) struct Zip<'a> {
    archive: zip::ZipArchive<Cursor<&'a [u8]>>,
    limits: Limits,
    /// Inflated bytes read so far.
    total: u64,
    format: &'static str,
}

/// What the parts of a zip say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ZipKind {
    /// `xl/workbook.xml`
    Xlsx,
    /// `xl/workbook.bin`
    Xlsb,
    /// `word/document.xml`
    Docx,
    /// OpenDocument spreadsheet (`content.xml` + mimetype)
    Ods,
    /// Another OOXML/ODF package (a presentation, say).
    OtherOffice,
    /// A zip that is no Office file.
    Other,
}

pub(crate) fn doc_error(format: &str, message: impl Into<String>) -> Error {
    Error::new(ErrorKind::Document {
        format: format.to_string(),
        message: message.into(),
    })
}

impl<'a> Zip<'a> {
    /// Open the central directory; refuse too many entries and encrypted entries.
    pub(crate) fn open(bytes: &'a [u8], limits: Limits, format: &'static str) -> Result<Self> {
        let archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
            doc_error(
                format,
                format!("the file is not a readable zip container, as .xlsx, .docx and .ods files are ({e}); it may be damaged or cut short"),
            )
        })?;
        if archive.len() > limits.max_entries {
            return Err(too_large(
                "the number of parts in the zip container",
                archive.len() as u64,
                limits.max_entries as u64,
            ));
        }
        Ok(Zip {
            archive,
            limits,
            total: 0,
            format,
        })
    }

    #[cfg(feature = "word")]
    pub(crate) fn limits(&self) -> Limits {
        self.limits
    }

    pub(crate) fn set_format(&mut self, format: &'static str) {
        self.format = format;
    }

    pub(crate) fn has(&self, name: &str) -> bool {
        self.archive
            .file_names()
            .any(|n| n.is_ok_and(|n| n == name))
    }

    /// What kind of Office package this is.
    pub(crate) fn kind(&mut self) -> ZipKind {
        if self.has("word/document.xml") {
            return ZipKind::Docx;
        }
        if self.has("xl/workbook.xml") {
            return ZipKind::Xlsx;
        }
        if self.has("xl/workbook.bin") {
            return ZipKind::Xlsb;
        }
        if self.has("content.xml") {
            let mime = self
                .read_part("mimetype")
                .ok()
                .flatten()
                .unwrap_or_default();
            return if mime.starts_with(b"application/vnd.oasis.opendocument.spreadsheet") {
                ZipKind::Ods
            } else {
                ZipKind::OtherOffice
            };
        }
        if self.has("[Content_Types].xml") {
            return ZipKind::OtherOffice;
        }
        ZipKind::Other
    }

    /// Read one part, inflated, bounded by the part and total limits. `None` if absent.
    pub(crate) fn read_part(&mut self, name: &str) -> Result<Option<Vec<u8>>> {
        let format = self.format;
        let mut file = match self.archive.by_name(name) {
            Ok(f) => f,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(part_error(format, name, &e.to_string())),
        };
        if file.encrypted() {
            return Err(encrypted(format));
        }
        let limit = self.limits.max_part_bytes;
        if file.size() > limit {
            return Err(too_large(
                format!("the inflated part {name:?} of the {format}"),
                file.size(),
                limit,
            ));
        }
        let mut out = Vec::with_capacity(file.size().min(limit).min(1 << 20) as usize);
        (&mut file)
            .take(limit + 1)
            .read_to_end(&mut out)
            .map_err(|e| part_error(format, name, &e.to_string()))?;
        drop(file);
        self.count(name, out.len() as u64)?;
        Ok(Some(out))
    }

    fn count(&mut self, name: &str, size: u64) -> Result<()> {
        if size > self.limits.max_part_bytes {
            return Err(too_large(
                format!("the inflated part {name:?} of the {}", self.format),
                size,
                self.limits.max_part_bytes,
            ));
        }
        self.total += size;
        if self.total > self.limits.max_total_bytes {
            return Err(too_large(
                format!("the inflated XML of the {}", self.format),
                self.total,
                self.limits.max_total_bytes,
            ));
        }
        Ok(())
    }

    #[cfg(feature = "excel")]
    /// Inflate every XML part once, counting, without keeping it: what calamine will parse is
    /// then known to be within the limits (and to inflate to what the zip declares).
    pub(crate) fn verify_xml_parts(&mut self) -> Result<()> {
        let format = self.format;
        let mut buf = vec![0u8; 64 * 1024];
        for i in 0..self.archive.len() {
            let mut file = self
                .archive
                .by_index(i)
                .map_err(|e| part_error(format, &format!("#{i}"), &e.to_string()))?;
            let name = String::from_utf8_lossy(file.name_raw()).into_owned();
            if !is_parsed_part(&name, format) || file.is_dir() {
                continue;
            }
            if file.encrypted() {
                return Err(encrypted(format));
            }
            let declared = file.size();
            let limit = self.limits.max_part_bytes;
            if declared > limit {
                return Err(too_large(
                    format!("the inflated part {name:?} of the {format}"),
                    declared,
                    limit,
                ));
            }
            let mut size = 0u64;
            let mut bounded = (&mut file).take(limit + 1);
            loop {
                let n = bounded
                    .read(&mut buf)
                    .map_err(|e| part_error(format, &name, &e.to_string()))?;
                if n == 0 {
                    break;
                }
                size += n as u64;
            }
            drop(file);
            if size != declared && size <= limit {
                return Err(part_error(
                    format,
                    &name,
                    &format!("it inflates to {size} bytes but the zip says {declared}"),
                ));
            }
            self.count(&name, size)?;
        }
        Ok(())
    }
}

#[cfg(feature = "excel")]
/// Parts a reader parses: XML and relationship parts, an .xlsb workbook's binary parts, and
/// ODF's `mimetype`. Embedded objects, media, printer settings and macros are never inflated
/// (a 70 MB embedded OLE object is not "too large": it is not read).
fn is_parsed_part(name: &str, format: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let media = [
        "embeddings/",
        "media/",
        "activex/",
        "printersettings/",
        "vbaproject",
    ]
    .iter()
    .any(|m| lower.contains(m));
    !media
        && (lower.ends_with(".xml")
            || lower.ends_with(".rels")
            || (format == "xlsb" && lower.ends_with(".bin"))
            || lower == "mimetype")
}

fn part_error(format: &str, name: &str, why: &str) -> Error {
    if why.contains("larger than its declared") {
        return doc_error(
            format,
            format!(
                "the part {name:?} inflates to more than the zip declares: the file is damaged, \
                 or a zip bomb"
            ),
        );
    }
    doc_error(
        format,
        format!("the part {name:?} cannot be read ({why}); the file may be damaged"),
    )
}

pub(crate) fn encrypted(format: &str) -> Error {
    doc_error(
        format,
        "the file is password-protected (encrypted): open it, remove the password \
         (File › Info › Protect), save it and try again",
    )
}

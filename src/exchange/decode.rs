//! Bytes of an imported file to text: the encodings French spreadsheets and banks write, and
//! the files that are not text at all, named for what they most likely are.

use crate::catalogue::exchange as msg;

/// Bytes to text: UTF-8 (BOM dropped), and Windows-1252 — what Excel writes by default on a
/// French Windows — for every byte that is not part of valid UTF-8. A file mixing both (a name
/// with ’ pasted from Word into a UTF-8 file) is read right on every line, instead of the
/// whole file falling back to 1252 and turning each "é" into "Ã©". A valid multi-byte UTF-8
/// sequence almost never occurs in real 1252 text, so this never misreads a 1252 file.
/// Every byte decodes in 1252, so this never fails.
///
/// Also read: UTF-16 with its BOM (Excel's "Texte Unicode"), and line ends of a lone CR (Excel
/// for Mac's "CSV Macintosh"), turned into `\n` so that line numbers stay those of the file.
pub fn decode(bytes: &[u8]) -> String {
    let text = if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let (text, _, _) = encoding_rs::UTF_16LE.decode(bytes);
        text.into_owned()
    } else {
        let mut rest = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let mut text = String::with_capacity(rest.len());
        loop {
            match std::str::from_utf8(rest) {
                Ok(valid) => {
                    text.push_str(valid);
                    break;
                }
                Err(e) => {
                    let (valid, after) = rest.split_at(e.valid_up_to());
                    // `valid_up_to` marks the end of the valid prefix, so this cannot fail.
                    text.push_str(std::str::from_utf8(valid).unwrap_or_default());
                    let bad = e.error_len().unwrap_or(after.len()).max(1);
                    let (invalid, next) = after.split_at(bad.min(after.len()));
                    let (decoded, _) =
                        encoding_rs::WINDOWS_1252.decode_without_bom_handling(invalid);
                    text.push_str(&decoded);
                    rest = next;
                }
            }
        }
        text
    };
    if text.contains('\r') && !text.contains('\n') {
        text.replace('\r', "\n")
    } else {
        text
    }
}

/// What a file that is not text at all most likely is, from its first bytes: a workbook
/// saved as such instead of as CSV, or a compressed file.
pub fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"PK\x03\x04") {
        Some(msg::KIND_WORKBOOK)
    } else if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        Some(msg::KIND_OLD_WORKBOOK)
    } else if bytes.starts_with(b"%PDF") {
        Some(msg::KIND_PDF)
    } else if bytes.starts_with(b"\x1F\x8B") || bytes.starts_with(b"7z\xBC\xAF") {
        Some(msg::KIND_ARCHIVE)
    } else if bytes.iter().take(4096).any(|b| *b == 0)
        && !(bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF"))
    {
        Some(msg::KIND_BINARY)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_bom_utf8_and_1252() {
        assert_eq!(decode(b"\xEF\xBB\xBFnom"), "nom");
        assert_eq!(decode("Hélène".as_bytes()), "Hélène");
        assert_eq!(decode(b"H\xE9l\xE8ne \x80"), "Hélène €");
    }

    #[test]
    fn a_utf8_file_with_one_1252_byte_keeps_its_accents() {
        let raw = b"Lef\xC3\xA8vre;H\xC3\xA9l\xC3\xA8ne\nD\x92Artagnan;Zo\xE9\n";
        assert_eq!(decode(raw), "Lefèvre;Hélène\nD’Artagnan;Zoé\n");
        // A multi-byte sequence cut by the end of the file is 1252 too.
        assert_eq!(decode(b"caf\xC3"), "cafÃ");
    }

    #[test]
    fn workbooks_and_archives_are_named() {
        assert!(binary_kind(b"PK\x03\x04rest").is_some());
        assert!(binary_kind(b"\x1F\x8B\x08").is_some());
        assert!(binary_kind(b"nom;prenom\n").is_none());
        assert!(binary_kind(b"\xFF\xFEn\x00o\x00m\x00").is_none());
    }
}

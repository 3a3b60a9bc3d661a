//! Text columns as they leave the database, cleaned as typed text is (DESIGN.md: text "read
//! from the database" is cleaned before it can reach a terminal). What the program wrote is
//! clean already and comes back as it is; a value put in behind its back (raw SQL, another
//! tool) with a line break, an escape sequence or a bidi override in it cannot move a row on
//! screen, nor act on a terminal through an export or a message.

use rusqlite::Row;
use rusqlite::types::ValueRef;

use crate::text::{clean_stored_line, clean_stored_multiline};

/// A one-line column (a name, a title, an email).
pub(crate) fn line(r: &Row<'_>, index: usize) -> rusqlite::Result<String> {
    // Printable ASCII with no space at either end is as cleaning leaves it: copied out with
    // one scan (a big network reads two names for each of tens of thousands of rows).
    if let ValueRef::Text(bytes) = r.get_ref(index)?
        && is_plain_ascii_line(bytes)
        && let Ok(s) = std::str::from_utf8(bytes)
    {
        return Ok(s.to_owned());
    }
    Ok(clean_stored_line(r.get(index)?))
}

/// [`line`] appended to `out` (two names in one text); its length in bytes.
pub(crate) fn push_line(r: &Row<'_>, index: usize, out: &mut String) -> rusqlite::Result<usize> {
    if let ValueRef::Text(bytes) = r.get_ref(index)?
        && is_plain_ascii_line(bytes)
        && let Ok(s) = std::str::from_utf8(bytes)
    {
        out.push_str(s);
        return Ok(s.len());
    }
    let s = line(r, index)?;
    out.push_str(&s);
    Ok(s.len())
}

/// The length in bytes of a text column as stored (0 for one that is not text).
pub(crate) fn stored_len(r: &Row<'_>, index: usize) -> rusqlite::Result<usize> {
    Ok(match r.get_ref(index)? {
        ValueRef::Text(bytes) => bytes.len(),
        _ => 0,
    })
}

/// Printable ASCII (spaces inside only): valid UTF-8, NFC, and clean as a line.
fn is_plain_ascii_line(bytes: &[u8]) -> bool {
    bytes.first() != Some(&b' ')
        && bytes.last() != Some(&b' ')
        && bytes.iter().all(|&b| b.is_ascii_graphic() || b == b' ')
}

/// A one-line column that may be NULL.
pub(crate) fn opt_line(r: &Row<'_>, index: usize) -> rusqlite::Result<Option<String>> {
    Ok(r.get::<_, Option<String>>(index)?.map(clean_stored_line))
}

/// A multi-line column (a purpose, notes, a decision's text).
pub(crate) fn text(r: &Row<'_>, index: usize) -> rusqlite::Result<String> {
    Ok(clean_stored_multiline(r.get(index)?))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// The shortcut for plain ASCII reads what cleaning reads, and leaves the rest to it.
    #[test]
    fn a_line_reads_as_cleaned_text_whatever_its_bytes() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        for stored in [
            "Dupont",
            "",
            " Dupont",
            "Dupont ",
            "Le  Roux",
            "Ophélie",
            "a\tb",
            "a\nb",
            "e\u{301}",
            "\u{1b}[31mrouge",
            "~!@#$%^&*()_+",
        ] {
            let read: String = conn
                .query_row("SELECT ?1", [stored], |r| line(r, 0))
                .unwrap();
            assert_eq!(read, clean_stored_line(stored.to_owned()), "{stored:?}");
            let mut pushed = String::from("x");
            let n = conn
                .query_row("SELECT ?1", [stored], |r| push_line(r, 0, &mut pushed))
                .unwrap();
            assert_eq!(pushed, format!("x{read}"));
            assert_eq!(n, read.len());
        }
    }
}

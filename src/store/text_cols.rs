//! Text columns as they leave the database, cleaned as typed text is (DESIGN.md: text "read
//! from the database" is cleaned before it can reach a terminal). What the program wrote is
//! clean already and comes back as it is; a value put in behind its back (raw SQL, another
//! tool) with a line break, an escape sequence or a bidi override in it cannot move a row on
//! screen, nor act on a terminal through an export or a message.

use rusqlite::Row;

use crate::text::{clean_stored_line, clean_stored_multiline};

/// A one-line column (a name, a title, an email).
pub(crate) fn line(r: &Row<'_>, index: usize) -> rusqlite::Result<String> {
    Ok(clean_stored_line(r.get(index)?))
}

/// A one-line column that may be NULL.
pub(crate) fn opt_line(r: &Row<'_>, index: usize) -> rusqlite::Result<Option<String>> {
    Ok(r.get::<_, Option<String>>(index)?.map(clean_stored_line))
}

/// A multi-line column (a purpose, notes, a decision's text).
pub(crate) fn text(r: &Row<'_>, index: usize) -> rusqlite::Result<String> {
    Ok(clean_stored_multiline(r.get(index)?))
}

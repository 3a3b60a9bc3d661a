//! The append-only journal. Each entry's digest covers its values; the chain runs over the
//! digests, so erasing an entry's personal values (RGPD) keeps the chain verifiable.

use rusqlite::{Connection, OptionalExtension};
use sha2::{Digest, Sha256};

use super::error::Result;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Insert,
    Update,
    Delete,
}

impl Op {
    fn code(self) -> &'static str {
        match self {
            Op::Insert => "insert",
            Op::Update => "update",
            Op::Delete => "delete",
        }
    }
}

/// Chain value before the first entry.
pub(crate) const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Digest of one entry's values. Fields are separated by a unit separator that cleaned text
/// never holds, and absent values are marked apart from empty ones.
pub(crate) fn digest(
    at: &str,
    actor: &str,
    table: &str,
    row_id: i64,
    op: &str,
    before: Option<&str>,
    after: Option<&str>,
) -> String {
    let mut h = Sha256::new();
    for part in [at, actor, table, &row_id.to_string(), op] {
        h.update(part.as_bytes());
        h.update([0x1f]);
    }
    for value in [before, after] {
        match value {
            Some(v) => {
                h.update(b"+");
                h.update(v.as_bytes());
            }
            None => h.update(b"-"),
        }
        h.update([0x1f]);
    }
    hex(&h.finalize())
}

pub(crate) fn chain(previous: &str, digest: &str) -> String {
    let mut h = Sha256::new();
    h.update(previous.as_bytes());
    h.update(digest.as_bytes());
    hex(&h.finalize())
}

/// Append one entry; called inside the write transaction.
pub(crate) fn append(
    conn: &Connection,
    actor: &str,
    table: &str,
    row_id: i64,
    op: Op,
    before: Option<String>,
    after: Option<String>,
) -> Result<()> {
    let at = crate::model::clock::now_timestamp();
    let d = digest(
        &at,
        actor,
        table,
        row_id,
        op.code(),
        before.as_deref(),
        after.as_deref(),
    );
    let previous: String = conn
        .query_row(
            "SELECT chain FROM audit ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or_else(|| GENESIS.to_string());
    let c = chain(&previous, &d);
    conn.execute(
        "INSERT INTO audit(at, actor, tbl, row_id, op, before, after, digest, chain)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        rusqlite::params![at, actor, table, row_id, op.code(), before, after, d, c],
    )?;
    Ok(())
}

/// One entry as stored, for verification and for the journal view.
#[derive(Debug, Clone)]
pub struct AuditEntry {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub table: String,
    pub row_id: i64,
    pub op: String,
    pub before: Option<String>,
    pub after: Option<String>,
    pub erased: bool,
    pub digest: String,
    pub chain: String,
}

/// Walk the journal: the first entry whose digest or chain link is wrong, or `None`.
pub(crate) fn verify(conn: &Connection) -> Result<(i64, Option<String>)> {
    let mut stmt = conn.prepare(
        "SELECT id, at, actor, tbl, row_id, op, before, after, erased, digest, chain
         FROM audit ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    let mut previous = GENESIS.to_string();
    let mut count = 0;
    while let Some(r) = rows.next()? {
        let e = AuditEntry {
            id: r.get(0)?,
            at: r.get(1)?,
            actor: r.get(2)?,
            table: r.get(3)?,
            row_id: r.get(4)?,
            op: r.get(5)?,
            before: r.get(6)?,
            after: r.get(7)?,
            erased: r.get::<_, i64>(8)? != 0,
            digest: r.get(9)?,
            chain: r.get(10)?,
        };
        count += 1;
        // Erasure (RGPD) blanks an entry's values and nothing else; an entry marked erased
        // that still holds values was not erased but rewritten.
        if e.erased && (e.before.is_some() || e.after.is_some()) {
            return Ok((count, Some(crate::catalogue::store::check_erased(e.id))));
        }
        if !e.erased {
            let d = digest(
                &e.at,
                &e.actor,
                &e.table,
                e.row_id,
                &e.op,
                e.before.as_deref(),
                e.after.as_deref(),
            );
            if d != e.digest {
                return Ok((count, Some(crate::catalogue::store::check_digest(e.id))));
            }
        }
        if chain(&previous, &e.digest) != e.chain {
            return Ok((count, Some(crate::catalogue::store::check_chain(e.id))));
        }
        previous = e.chain;
    }
    Ok((count, None))
}

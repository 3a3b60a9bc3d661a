//! The append-only journal. Each entry keeps a digest of each of its values (before, after)
//! beside the values; the entry's digest covers those value digests, and the chain runs over
//! the entry digests. Erasing an entry's personal values (RGPD) removes the values and keeps
//! their digests, so the chain stays verifiable and `check` can still compare a row with the
//! digest of its last entry: erasure never switches tamper detection off.

use std::collections::BTreeSet;

use rusqlite::{Connection, OptionalExtension};
use sha2::{Digest, Sha256};

use super::error::{Result, StoreError};
use crate::catalogue::store as msg;

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

/// The journal's pseudo-table of erasure records: an entry with `tbl = 'audit'` says that the
/// entry numbered `row_id` had its values erased by the program.
pub(crate) const ERASURE_TABLE: &str = "audit";

/// Tables whose entries are never erased: who may do what (users and their roles, the roles
/// people hold in circles) is the proof the journal exists for.
pub(crate) const NEVER_ERASED: [&str; 2] = ["users", "memberships"];

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Digest of one value of an entry: `-` when absent, else the SHA-256 of the text. Kept when
/// the value itself is erased.
pub(crate) fn value_digest(value: Option<&str>) -> String {
    match value {
        None => "-".to_string(),
        Some(v) => hex(&Sha256::digest(v.as_bytes())),
    }
}

/// Digest of one entry: its fields and its value digests, separated by a unit separator that
/// cleaned text never holds.
pub(crate) fn digest(
    at: &str,
    actor: &str,
    table: &str,
    row_id: i64,
    op: &str,
    before_digest: &str,
    after_digest: &str,
) -> String {
    let mut h = Sha256::new();
    for part in [
        at,
        actor,
        table,
        &row_id.to_string(),
        op,
        before_digest,
        after_digest,
    ] {
        h.update(part.as_bytes());
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

fn last_chain(conn: &Connection) -> Result<String> {
    // Cached: an import appends one entry per row.
    Ok(conn
        .prepare_cached("SELECT chain FROM audit ORDER BY id DESC LIMIT 1")?
        .query_row([], |r| r.get(0))
        .optional()?
        .unwrap_or_else(|| GENESIS.to_string()))
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
    let before_digest = value_digest(before.as_deref());
    let after_digest = value_digest(after.as_deref());
    let d = digest(
        &at,
        actor,
        table,
        row_id,
        op.code(),
        &before_digest,
        &after_digest,
    );
    let c = chain(&last_chain(conn)?, &d);
    conn.prepare_cached(
        "INSERT INTO audit(at, actor, tbl, row_id, op, before, after, digest, chain,
                           before_digest, after_digest)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(rusqlite::params![
        at,
        actor,
        table,
        row_id,
        op.code(),
        before,
        after,
        d,
        c,
        before_digest,
        after_digest
    ])?;
    Ok(())
}

/// Erase the values of the journal entries `ids` (their digests stay), and record in the
/// journal itself, one entry each, that the program did it. Entries about users and roles are
/// refused: they are never erased. Called inside a write transaction (RGPD forget).
pub(crate) fn erase(conn: &Connection, actor: &str, ids: &[i64]) -> Result<()> {
    for &id in ids {
        let found: Option<(String, bool)> = conn
            .query_row("SELECT tbl, erased FROM audit WHERE id = ?1", [id], |r| {
                Ok((r.get(0)?, r.get::<_, i64>(1)? != 0))
            })
            .optional()?;
        let Some((table, erased)) = found else {
            return Err(StoreError::NotFound(msg::journal_entry(id)));
        };
        if NEVER_ERASED.contains(&table.as_str()) || table == ERASURE_TABLE {
            return Err(StoreError::Invalid(msg::never_erased(id, &table)));
        }
        if erased {
            continue;
        }
        conn.execute(
            "UPDATE audit SET before = NULL, after = NULL, erased = 1 WHERE id = ?1",
            [id],
        )?;
        append(
            conn,
            actor,
            ERASURE_TABLE,
            id,
            Op::Update,
            None,
            Some(serde_json::json!({ "erased": id }).to_string()),
        )?;
    }
    Ok(())
}

/// What walking the journal found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Walk {
    /// Entries read.
    pub entries: i64,
    /// The last entry's number and chain value: what an admin keeps outside the file.
    pub head: Option<Head>,
    /// The first problem, if any.
    pub problem: Option<String>,
}

/// A point of the chain: an entry's number and its chain value, written `N:DIGEST`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    pub entry: i64,
    pub chain: String,
}

impl std::fmt::Display for Head {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.entry, self.chain)
    }
}

impl std::str::FromStr for Head {
    type Err = String;
    /// `N:DIGEST`, the digest in 64 hexadecimal digits (either case).
    fn from_str(s: &str) -> std::result::Result<Head, String> {
        let bad = || msg::bad_head(&crate::text::excerpt_for_message(s));
        let (n, d) = s.trim().split_once(':').ok_or_else(bad)?;
        let entry: i64 = n.trim().parse().map_err(|_| bad())?;
        let d = d.trim().to_ascii_lowercase();
        if entry < 1 || d.len() != 64 || !d.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad());
        }
        Ok(Head { entry, chain: d })
    }
}

/// Walk the journal: every entry's value digests, digest and chain link, erasures made by the
/// program only and never of users or roles.
pub(crate) fn verify(conn: &Connection) -> Result<Walk> {
    let mut stmt = conn.prepare(
        "SELECT id, at, actor, tbl, row_id, op, before, after, erased, digest, chain,
                before_digest, after_digest
         FROM audit ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    let mut previous = GENESIS.to_string();
    let mut walk = Walk {
        entries: 0,
        head: None,
        problem: None,
    };
    // Entries found erased, and the entries the program's erasure records name.
    let mut erased: BTreeSet<i64> = BTreeSet::new();
    let mut recorded: BTreeSet<i64> = BTreeSet::new();
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let at: String = r.get(1)?;
        let actor: String = r.get(2)?;
        let table: String = r.get(3)?;
        let row_id: i64 = r.get(4)?;
        let op: String = r.get(5)?;
        let before: Option<String> = r.get(6)?;
        let after: Option<String> = r.get(7)?;
        let is_erased = r.get::<_, i64>(8)? != 0;
        let stored_digest: String = r.get(9)?;
        let stored_chain: String = r.get(10)?;
        let before_digest: Option<String> = r.get(11)?;
        let after_digest: Option<String> = r.get(12)?;
        walk.entries += 1;
        let problem = (|| {
            let (Some(bd), Some(ad)) = (before_digest.as_deref(), after_digest.as_deref()) else {
                return Some(msg::check_digest(id));
            };
            if is_erased {
                // Erasure blanks the values and nothing else; an entry marked erased that
                // still holds values was not erased but rewritten.
                if before.is_some() || after.is_some() {
                    return Some(msg::check_erased(id));
                }
                if NEVER_ERASED.contains(&table.as_str()) || table == ERASURE_TABLE {
                    return Some(msg::check_erased_forbidden(id, &table));
                }
                erased.insert(id);
            } else if value_digest(before.as_deref()) != bd || value_digest(after.as_deref()) != ad
            {
                return Some(msg::check_digest(id));
            }
            if digest(&at, &actor, &table, row_id, &op, bd, ad) != stored_digest {
                return Some(msg::check_digest(id));
            }
            if chain(&previous, &stored_digest) != stored_chain {
                return Some(msg::check_chain(id));
            }
            None
        })();
        if problem.is_some() {
            walk.problem = problem;
            return Ok(walk);
        }
        if table == ERASURE_TABLE && erased.contains(&row_id) {
            recorded.insert(row_id);
        }
        walk.head = Some(Head {
            entry: id,
            chain: stored_chain.clone(),
        });
        previous = stored_chain;
    }
    if let Some(id) = erased.difference(&recorded).next() {
        walk.problem = Some(msg::check_erased_unrecorded(*id));
    }
    Ok(walk)
}

/// Whether `head` is still a point of the chain: entry `head.entry` exists and its chain value
/// is the one kept. Run after [`verify`], which proves every link up to the last entry.
pub(crate) fn holds_head(conn: &Connection, head: &Head) -> Result<Option<String>> {
    let found: Option<String> = conn
        .query_row("SELECT chain FROM audit WHERE id = ?1", [head.entry], |r| {
            r.get(0)
        })
        .optional()?;
    Ok(match found {
        None => Some(msg::check_head_missing(head)),
        Some(c) if c != head.chain => Some(msg::check_head_changed(head)),
        Some(_) => None,
    })
}

/// Migration to value digests (schema 2): the journal of schema 1 is verified with its own
/// digests (over the values themselves), then every entry gets its value digests, a new digest
/// and a new chain. A journal that no longer verifies is not converted: the upgrade stops, so
/// tampering from before it cannot be laundered into a fresh chain.
pub(crate) fn convert_to_value_digests(conn: &Connection) -> std::result::Result<(), String> {
    let read = || -> rusqlite::Result<Vec<LegacyEntry>> {
        let mut stmt = conn.prepare(
            "SELECT id, at, actor, tbl, row_id, op, before, after, erased, digest, chain
             FROM audit ORDER BY id",
        )?;
        stmt.query_map([], |r| {
            Ok(LegacyEntry {
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
            })
        })?
        .collect()
    };
    let entries = read().map_err(|e| e.to_string())?;
    let mut previous_old = GENESIS.to_string();
    let mut previous_new = GENESIS.to_string();
    for e in &entries {
        // Schema 1 had no erasure in the program: an erased entry there was made by hand.
        if e.erased {
            return Err(msg::upgrade_journal_broken(e.id));
        }
        let old = legacy_digest(e);
        if old != e.digest || chain(&previous_old, &old) != e.chain {
            return Err(msg::upgrade_journal_broken(e.id));
        }
        previous_old = e.chain.clone();
        let bd = value_digest(e.before.as_deref());
        let ad = value_digest(e.after.as_deref());
        let d = digest(&e.at, &e.actor, &e.table, e.row_id, &e.op, &bd, &ad);
        let c = chain(&previous_new, &d);
        conn.execute(
            "UPDATE audit SET before_digest = ?1, after_digest = ?2, digest = ?3, chain = ?4
             WHERE id = ?5",
            rusqlite::params![bd, ad, d, c, e.id],
        )
        .map_err(|e| e.to_string())?;
        previous_new = c;
    }
    Ok(())
}

/// An entry as schema 1 stored it.
struct LegacyEntry {
    id: i64,
    at: String,
    actor: String,
    table: String,
    row_id: i64,
    op: String,
    before: Option<String>,
    after: Option<String>,
    erased: bool,
    digest: String,
    chain: String,
}

/// Schema 1's digest: over the values themselves.
fn legacy_digest(e: &LegacyEntry) -> String {
    let mut h = Sha256::new();
    for part in [&e.at, &e.actor, &e.table, &e.row_id.to_string(), &e.op] {
        h.update(part.as_bytes());
        h.update([0x1f]);
    }
    for value in [&e.before, &e.after] {
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

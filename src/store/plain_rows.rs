//! Tables journaled as plain rows: `meta` (the demo's reference date lives there) and the
//! ledger's reference data (categories, projects, money accounts). They have no struct of
//! their own with a version; a row is journaled as every column by name, so `check` can
//! compare the row in the file with the digest of its last journal entry, as for the others.

use rusqlite::Connection;
use rusqlite::types::ValueRef;

use super::audit::{self, Op};
use super::error::Result;

/// The tables journaled this way. Constants, never user text: they are put into SQL.
pub(crate) const PLAIN_TABLES: [&str; 4] = ["meta", "categories", "projects", "money_accounts"];

/// The row `rowid` of `table` as the journal records it: a JSON object of every column.
pub(crate) fn row_json(conn: &Connection, table: &str, rowid: i64) -> Result<Option<String>> {
    debug_assert!(PLAIN_TABLES.contains(&table));
    let mut stmt = conn.prepare(&format!("SELECT * FROM {table} WHERE rowid = ?1"))?;
    let names: Vec<String> = stmt.column_names().iter().map(|n| n.to_string()).collect();
    let mut rows = stmt.query([rowid])?;
    let Some(r) = rows.next()? else {
        return Ok(None);
    };
    let mut object = serde_json::Map::new();
    for (i, name) in names.iter().enumerate() {
        let value = match r.get_ref(i)? {
            ValueRef::Null => serde_json::Value::Null,
            ValueRef::Integer(n) => n.into(),
            ValueRef::Real(x) => x.into(),
            ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned().into(),
            ValueRef::Blob(b) => b
                .iter()
                .map(|x| format!("{x:02x}"))
                .collect::<String>()
                .into(),
        };
        object.insert(name.clone(), value);
    }
    Ok(Some(serde_json::Value::Object(object).to_string()))
}

/// Every rowid of `table`, in order.
pub(crate) fn rowids(conn: &Connection, table: &str) -> Result<Vec<i64>> {
    debug_assert!(PLAIN_TABLES.contains(&table));
    let mut stmt = conn.prepare(&format!("SELECT rowid FROM {table} ORDER BY rowid"))?;
    let ids = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

/// Journal the row just written at `rowid` of `table`: `before` is its value before the write
/// (`None` for an insert).
pub(crate) fn journal(
    conn: &Connection,
    actor: &str,
    table: &str,
    rowid: i64,
    before: Option<String>,
) -> Result<()> {
    let after = row_json(conn, table, rowid)?;
    let op = match (&before, &after) {
        (None, _) => Op::Insert,
        (Some(_), None) => Op::Delete,
        (Some(_), Some(_)) => Op::Update,
    };
    audit::append(conn, actor, table, rowid, op, before, after)
}

/// Set a `meta` value, journaled.
pub(crate) fn set_meta(conn: &Connection, actor: &str, key: &str, value: &str) -> Result<()> {
    let existing: Option<i64> = rusqlite::OptionalExtension::optional(conn.query_row(
        "SELECT rowid FROM meta WHERE key = ?1",
        [key],
        |r| r.get(0),
    ))?;
    match existing {
        Some(rowid) => {
            let before = row_json(conn, "meta", rowid)?;
            conn.execute("UPDATE meta SET value = ?2 WHERE key = ?1", (key, value))?;
            journal(conn, actor, "meta", rowid, before)
        }
        None => {
            conn.execute("INSERT INTO meta(key, value) VALUES (?1, ?2)", (key, value))?;
            journal(conn, actor, "meta", conn.last_insert_rowid(), None)
        }
    }
}

/// Journal, as they are now, the rows of the plain tables whose last entry does not hold
/// them as plain rows (schema 1 journaled categories, projects and accounts with a few
/// fields, and `meta` not at all). Run by the upgrade to schema 2.
pub(crate) fn journal_all_as_they_are(conn: &Connection, actor: &str) -> Result<()> {
    for table in PLAIN_TABLES {
        for rowid in rowids(conn, table)? {
            let last: Option<Option<String>> =
                rusqlite::OptionalExtension::optional(conn.query_row(
                    "SELECT after FROM audit WHERE tbl = ?1 AND row_id = ?2
                     ORDER BY id DESC LIMIT 1",
                    rusqlite::params![table, rowid],
                    |r| r.get(0),
                ))?;
            let now = row_json(conn, table, rowid)?;
            match last {
                Some(after) if after == now => {}
                Some(after) => audit::append(conn, actor, table, rowid, Op::Update, after, now)?,
                None => audit::append(conn, actor, table, rowid, Op::Insert, None, now)?,
            }
        }
    }
    Ok(())
}

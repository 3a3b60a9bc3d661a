//! `cercles check` and `cercles backup`: integrity, references, schema, audit chain; an online
//! copy in one step, verified.

use std::path::Path;

use rusqlite::Connection;

use std::collections::HashMap;

use super::error::{Result, StoreError};
use super::open::{self, APPLICATION_ID, schema_version};
use super::session::Store;
use super::write::Versioned;
use super::{audit, plain_rows};
use crate::catalogue::store as msg;
pub use audit::Head;

/// What `check` found: the journal's size and head, or the first problem.
pub type CheckOutcome = std::result::Result<i64, String>;

/// A database that passed every check: its journal's number of entries and its head, the line
/// an admin keeps outside the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    pub entries: i64,
    pub head: Option<Head>,
}

/// Run every check on a connection, in one read transaction (one snapshot of the file, so a
/// commit by another session between two readings cannot look like tampering); stop at the
/// first problem. With `head`, also verify that this point kept from an earlier check is
/// still in the chain.
pub fn check_connection(
    conn: &Connection,
    head: Option<&Head>,
) -> Result<std::result::Result<Checked, String>> {
    let snapshot = conn.unchecked_transaction()?;
    let outcome = check_snapshot(&snapshot, head);
    // Nothing was written: ending the read transaction either way is the same.
    snapshot.rollback()?;
    outcome
}

fn check_snapshot(
    conn: &Connection,
    head: Option<&Head>,
) -> Result<std::result::Result<Checked, String>> {
    let app_id: i64 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    if app_id != APPLICATION_ID {
        return Ok(Err(msg::check_application_id()));
    }
    let integrity: String = conn.query_row("PRAGMA integrity_check(1)", [], |r| r.get(0))?;
    if integrity != "ok" {
        return Ok(Err(msg::check_integrity(&integrity)));
    }
    {
        let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
        let mut rows = stmt.query([])?;
        if let Some(r) = rows.next()? {
            let table: String = r.get(0)?;
            let rowid: Option<i64> = r.get(1)?;
            return Ok(Err(msg::check_foreign_key(&table, rowid.unwrap_or(0))));
        }
    }
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version != schema_version() {
        return Ok(Err(msg::check_schema(version, schema_version())));
    }
    if let Some(p) = schema_matches(conn)? {
        return Ok(Err(p));
    }
    let walk = audit::verify(conn)?;
    if let Some(p) = walk.problem {
        return Ok(Err(p));
    }
    if let Some(kept) = head
        && let Some(p) = audit::holds_head(conn, kept)?
    {
        return Ok(Err(p));
    }
    if let Some(p) = rows_match_journal(conn)? {
        return Ok(Err(p));
    }
    Ok(Ok(Checked {
        entries: walk.entries,
        head: walk.head,
    }))
}

/// The file holds exactly the tables, indexes and triggers this binary makes: a dropped
/// append-only trigger (or one replaced by a harmless one of the same name), a dropped
/// index or an added trigger is named.
fn schema_matches(conn: &Connection) -> Result<Option<String>> {
    let expected = open::expected_schema()?;
    let found = open::schema_objects(conn)?;
    for (kind, name, sql) in &expected {
        match found.iter().find(|(k, n, _)| k == kind && n == name) {
            None => return Ok(Some(msg::check_object_missing(kind, name))),
            Some((_, _, s)) if s != sql => return Ok(Some(msg::check_object_changed(kind, name))),
            Some(_) => {}
        }
    }
    if let Some((kind, name, _)) = found
        .iter()
        .find(|(k, n, _)| !expected.iter().any(|(ek, en, _)| ek == k && en == n))
    {
        return Ok(Some(msg::check_object_unknown(kind, name)));
    }
    Ok(None)
}

/// A check of one table: the first problem found, if any.
type TableCheck = fn(&Connection) -> Result<Option<String>>;

/// Every row of the journaled tables is as its last journal entry says: a row changed, added
/// or removed behind the program's back (a raw SQL edit making oneself admin) is named. The
/// comparison is with the digest of the entry's values, kept when the values are erased.
fn rows_match_journal(conn: &Connection) -> Result<Option<String>> {
    use crate::model::{Circle, Decision, Membership, Person, WorkItem, WorkingGroup};
    let checks: [TableCheck; 17] = [
        versioned_matches::<super::users::User>,
        versioned_matches::<Circle>,
        versioned_matches::<Person>,
        versioned_matches::<Membership>,
        versioned_matches::<WorkingGroup>,
        versioned_matches::<WorkItem>,
        versioned_matches::<Decision>,
        versioned_matches::<crate::model::Collective>,
        versioned_matches::<crate::model::StatusChange>,
        versioned_matches::<crate::model::Event>,
        versioned_matches::<crate::model::Task>,
        versioned_matches::<crate::model::Partner>,
        versioned_matches::<crate::model::EventPartner>,
        versioned_matches::<crate::model::Workshop>,
        versioned_matches::<crate::model::Counterparty>,
        versioned_matches::<crate::model::OpeningBalance>,
        versioned_matches::<crate::model::Transaction>,
    ];
    for check in checks {
        if let Some(problem) = check(conn)? {
            return Ok(Some(problem));
        }
    }
    for table in plain_rows::PLAIN_TABLES {
        let ids = plain_rows::rowids(conn, table)?;
        let problem = table_matches(conn, table, &ids, |conn, id| {
            plain_rows::row_json(conn, table, id)
        })?;
        if problem.is_some() {
            return Ok(problem);
        }
    }
    Ok(None)
}

fn versioned_matches<R: Versioned>(conn: &Connection) -> Result<Option<String>> {
    // `R::TABLE` is a constant, never user text.
    let mut stmt = conn.prepare(&format!("SELECT id FROM {} ORDER BY id", R::TABLE))?;
    let ids: Vec<i64> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    table_matches(conn, R::TABLE, &ids, |conn, id| {
        R::load(conn, id)?
            .map(|row| serde_json::to_string(&row))
            .transpose()
            .map_err(Into::into)
    })
}

/// The rows `ids` of `table`, each read as journaled by `current`, against the digest of the
/// last journal entry of each.
fn table_matches(
    conn: &Connection,
    table: &str,
    ids: &[i64],
    current: impl Fn(&Connection, i64) -> Result<Option<String>>,
) -> Result<Option<String>> {
    // The last entry of each row: its operation and the digest of the values it left.
    let mut stmt = conn.prepare(
        "SELECT row_id, op, after_digest FROM audit
         WHERE id IN (SELECT max(id) FROM audit WHERE tbl = ?1 GROUP BY row_id)",
    )?;
    let mut last: HashMap<i64, (String, Option<String>)> = HashMap::new();
    for row in stmt.query_map([table], |r| {
        Ok((r.get::<_, i64>(0)?, (r.get(1)?, r.get(2)?)))
    })? {
        let (id, entry) = row?;
        last.insert(id, entry);
    }
    for id in ids {
        match last.remove(id) {
            None => return Ok(Some(msg::check_row_unjournaled(table, *id))),
            Some((op, _)) if op == "delete" => {
                return Ok(Some(msg::check_row_unjournaled(table, *id)));
            }
            Some((_, after_digest)) => {
                let now = current(conn, *id)?;
                if after_digest.as_deref() != Some(audit::value_digest(now.as_deref()).as_str()) {
                    return Ok(Some(msg::check_row_changed(table, *id)));
                }
            }
        }
    }
    // Rows the journal says exist but the table lacks.
    if let Some((id, _)) = last.iter().find(|(_, (op, _))| op != "delete") {
        return Ok(Some(msg::check_row_missing(table, *id)));
    }
    Ok(None)
}

impl Store {
    /// Every check; the number of journal entries when all is well.
    pub fn check(&self) -> Result<CheckOutcome> {
        Ok(self.check_against(None)?.map(|c| c.entries))
    }

    /// Every check, and with `head` that this point of the chain (kept by an admin from an
    /// earlier check or backup) is still in it.
    pub fn check_against(
        &self,
        head: Option<&Head>,
    ) -> Result<std::result::Result<Checked, String>> {
        check_connection(self.conn(), head)
    }

    /// Copy the database in one step (`VACUUM INTO`, consistent even while others write), check
    /// the copy, and only then give it its name: the copy is built in a private temporary file
    /// (0600) beside the target, so a kill at any moment leaves no half copy under the name
    /// (and the next backup to that name clears the leftovers). An existing file is never
    /// replaced. Admins only: the copy holds every contact detail and every user.
    ///
    /// A database from a newer cercles can be copied (it is what one wants before upgrading);
    /// its copy is checked for integrity only, this program not knowing its newer tables.
    /// Returns the head of the copy's journal (none for a newer schema's copy).
    pub fn backup(&self, target: &Path) -> Result<Option<Head>> {
        let role = self.actor().role;
        if role != crate::model::Role::Admin {
            return Err(StoreError::AdminOnly {
                role,
                what: msg::WHAT_BACKUP,
            });
        }
        let newer = self.is_newer_schema();
        let mut head = None;
        open::build_then_place(target, "backup", |tmp| {
            let tmp_str = tmp
                .to_str()
                .ok_or_else(|| StoreError::File(target.into(), msg::UNREADABLE_FILE_NAME.into()))?;
            if newer {
                self.conn().pragma_update(None, "query_only", "OFF")?;
            }
            let copied = self.conn().execute("VACUUM INTO ?1", [tmp_str]);
            if newer {
                self.conn().pragma_update(None, "query_only", "ON")?;
            }
            copied?;
            let copy = open::open_for_check(tmp)?;
            copy.pragma_update(None, "journal_mode", "WAL")?;
            let outcome = if newer {
                let integrity: String =
                    copy.query_row("PRAGMA integrity_check(1)", [], |r| r.get(0))?;
                if integrity == "ok" {
                    Ok(None)
                } else {
                    Err(msg::check_integrity(&integrity))
                }
            } else {
                check_connection(&copy, None)?.map(|c| c.head)
            };
            copy.close().map_err(|(_, e)| StoreError::from(e))?;
            head = outcome.map_err(|problem| StoreError::Corrupt(target.into(), problem))?;
            Ok(())
        })?;
        Ok(head)
    }
}

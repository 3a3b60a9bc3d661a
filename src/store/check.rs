//! `cercles check` and `cercles backup`: integrity, references, schema, audit chain; an online
//! copy in one step, verified.

use std::path::Path;

use rusqlite::Connection;

use std::collections::HashMap;

use super::Versioned;
use super::error::{Result, StoreError};
use super::open::{self, APPLICATION_ID, schema_version};
use super::{Store, audit};
use crate::catalogue::store as msg;

/// What `check` found: the number of journal entries, or the first problem.
pub type CheckOutcome = std::result::Result<i64, String>;

/// Run every check on a connection; stop at the first problem.
pub fn check_connection(conn: &Connection) -> Result<CheckOutcome> {
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
    let (entries, problem) = audit::verify(conn)?;
    if let Some(p) = problem {
        return Ok(Err(p));
    }
    if let Some(p) = rows_match_journal(conn)? {
        return Ok(Err(p));
    }
    Ok(Ok(entries))
}

/// A check of one table: the first problem found, if any.
type TableCheck = fn(&Connection) -> Result<Option<String>>;

/// Every row of the journaled tables is as its last journal entry says: a row changed, added
/// or removed behind the program's back (a raw SQL edit making oneself admin) is named.
fn rows_match_journal(conn: &Connection) -> Result<Option<String>> {
    use crate::model::{Circle, Decision, Membership, Person, WorkItem, WorkingGroup};
    let checks: [TableCheck; 7] = [
        table_matches::<super::users::User>,
        table_matches::<Circle>,
        table_matches::<Person>,
        table_matches::<Membership>,
        table_matches::<WorkingGroup>,
        table_matches::<WorkItem>,
        table_matches::<Decision>,
    ];
    for check in checks {
        if let Some(problem) = check(conn)? {
            return Ok(Some(problem));
        }
    }
    Ok(None)
}

fn table_matches<R: Versioned>(conn: &Connection) -> Result<Option<String>> {
    let table = R::TABLE;
    // The last entry of each row: its operation, its values, whether they were erased.
    let mut stmt = conn.prepare(
        "SELECT row_id, op, after, erased FROM audit
         WHERE id IN (SELECT max(id) FROM audit WHERE tbl = ?1 GROUP BY row_id)",
    )?;
    let mut last: HashMap<i64, (String, Option<String>, bool)> = HashMap::new();
    for row in stmt.query_map([table], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            (r.get(1)?, r.get(2)?, r.get::<_, i64>(3)? != 0),
        ))
    })? {
        let (id, entry) = row?;
        last.insert(id, entry);
    }
    // `table` is one of the constants above, never user text.
    let mut stmt = conn.prepare(&format!("SELECT id FROM {table} ORDER BY id"))?;
    let ids: Vec<i64> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in &ids {
        match last.remove(id) {
            None => return Ok(Some(msg::check_row_unjournaled(table, *id))),
            Some((op, _, _)) if op == "delete" => {
                return Ok(Some(msg::check_row_unjournaled(table, *id)));
            }
            Some((_, _, true)) => {}
            Some((_, after, false)) => {
                let now = R::load(conn, *id)?
                    .map(|row| serde_json::to_string(&row))
                    .transpose()?;
                if now != after {
                    return Ok(Some(msg::check_row_changed(table, *id)));
                }
            }
        }
    }
    // Rows the journal says exist but the table lacks.
    if let Some((id, _)) = last.iter().find(|(_, (op, _, _))| op != "delete") {
        return Ok(Some(msg::check_row_missing(table, *id)));
    }
    Ok(None)
}

impl Store {
    pub fn check(&self) -> Result<CheckOutcome> {
        check_connection(self.conn())
    }

    /// Copy the database in one step (`VACUUM INTO`, consistent even while others write), check
    /// the copy, and only then give it its name: the copy is built in a private temporary file
    /// (0600) beside the target, so a kill at any moment leaves no half copy under the name
    /// (and the next backup to that name clears the leftovers). An existing file is never
    /// replaced. Admins only: the copy holds every contact detail and every user.
    ///
    /// A database from a newer cercles can be copied (it is what one wants before upgrading);
    /// its copy is checked for integrity only, this program not knowing its newer tables.
    pub fn backup(&self, target: &Path) -> Result<()> {
        let role = self.actor().role;
        if role != crate::model::Role::Admin {
            return Err(StoreError::AdminOnly {
                role,
                what: msg::WHAT_BACKUP,
            });
        }
        let newer = self.is_newer_schema();
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
                    Ok(0)
                } else {
                    Err(msg::check_integrity(&integrity))
                }
            } else {
                check_connection(&copy)?
            };
            copy.close().map_err(|(_, e)| StoreError::from(e))?;
            outcome
                .map(|_| ())
                .map_err(|problem| StoreError::Corrupt(target.into(), problem))
        })
    }
}

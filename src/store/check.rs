//! `cercles check` and `cercles backup`: integrity, references, schema, audit chain; an online
//! copy in one step, verified.

use std::path::Path;

use rusqlite::Connection;

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
    Ok(match problem {
        Some(p) => Err(p),
        None => Ok(entries),
    })
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

//! `cercles check` and `cercles backup`: integrity, references, schema, audit chain; an online
//! copy in one step, verified.

use std::fs::OpenOptions;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use rusqlite::Connection;

use super::error::{Result, StoreError};
use super::open::{self, APPLICATION_ID, io_fr, schema_version};
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

    /// Copy the database in one step (`VACUUM INTO`, consistent even while others write), to a
    /// new file created 0600, then check the copy. A copy that fails its check is removed.
    pub fn backup(&self, target: &Path) -> Result<()> {
        OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(target)
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::AlreadyExists => StoreError::AlreadyExists(target.into()),
                _ => StoreError::File(target.into(), io_fr(&e)),
            })?;
        let result = (|| -> Result<()> {
            let target_str = target
                .to_str()
                .ok_or_else(|| StoreError::File(target.into(), msg::UNREADABLE_FILE_NAME.into()))?;
            self.conn().execute("VACUUM INTO ?1", [target_str])?;
            let copy = open::open_for_check(target)?;
            copy.pragma_update(None, "journal_mode", "WAL")?;
            match check_connection(&copy)? {
                Ok(_) => Ok(()),
                Err(problem) => Err(StoreError::Corrupt(target.into(), problem)),
            }
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(target);
        }
        result
    }
}

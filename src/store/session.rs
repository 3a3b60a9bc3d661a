//! An open database and the actor of its session: opening and creating the file, what the
//! session is (its actor, its clock, read-only or not), and the detection of others' commits.
//! The write path is in `write`, the kept readings in `cache`.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, TransactionBehavior};

use super::error::{Result, StoreError};
use super::identity::{self, Actor};
use super::kept::Caches;
use super::open::{self, SchemaState};
use super::{plain_rows, reference};
use crate::model::{Clock, Role};

/// An open database with the actor of this session.
pub struct Store {
    pub(super) conn: Connection,
    pub(super) path: PathBuf,
    pub(super) actor: Actor,
    pub(super) clock: Clock,
    /// Set when the file's schema is newer than this binary: reads only.
    pub(super) read_only: bool,
    /// False when SQLite opened the file read-only: this OS user may not write it.
    pub(super) file_writable: bool,
    /// The schema version the file had, when opening it brought it up to date.
    pub(super) upgraded_from: Option<i64>,
    /// Writes committed by this session: with `data_version` (others' commits), says whether
    /// what was read before is still what the file holds.
    pub(super) writes: std::cell::Cell<u64>,
    /// Readings kept while the file, the day and the role stay as they were.
    pub(super) caches: Caches,
    /// Months without contact after which a collective is to contact (`config.toml`).
    pub(super) follow_up_months: u32,
    pub(super) data_version: i64,
    /// Dropped after `conn` (fields drop in order): tidies what the closed connection left.
    pub(super) _after_close: open::AfterClose,
}

/// Meta key of the demo's reference date.
const META_REFERENCE_DATE: &str = "reference_date";

impl Store {
    /// Open an existing database as `actor_name`. An older schema is upgraded when the actor is
    /// an admin, refused otherwise; a newer one opens read-only (see [`Store::is_read_only`]).
    pub fn open(path: &Path, actor_name: &str) -> Result<Store> {
        let opened = open::open_existing(path)?;
        // Bound before the connection, so that on every early return it drops after it.
        let after_close = opened.2;
        let (mut conn, state) = (opened.0, opened.1);
        let mut upgraded_from = None;
        let read_only = match state {
            SchemaState::Current => false,
            SchemaState::Newer(_) => true,
            SchemaState::Older(found) => {
                let role = identity::role_of(&conn, actor_name).ok().flatten();
                if role != Some(Role::Admin) {
                    return Err(StoreError::OlderSchema {
                        found,
                        known: open::schema_version(),
                    });
                }
                open::migrate(&mut conn)?;
                upgraded_from = Some(found);
                false
            }
        };
        let actor = identity::actor(&conn, actor_name)?.ok_or_else(|| {
            // `--as` with control characters, 10 000 letters or `-`: say the name is not one,
            // quoting a short excerpt, rather than suggest `users add` with it.
            match identity::validate_name(actor_name) {
                Ok(_) => StoreError::UnknownActor(actor_name.to_string()),
                Err(e) => e,
            }
        })?;
        let clock = clock_for(&conn)?;
        let file_writable = !conn.is_readonly(rusqlite::MAIN_DB)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            actor,
            clock,
            read_only,
            file_writable,
            upgraded_from,
            writes: std::cell::Cell::new(0),
            caches: Caches::default(),
            follow_up_months: crate::model::collective::FOLLOW_UP_MONTHS_DEFAULT,
            data_version: 0,
            _after_close: after_close,
        };
        store.data_version = store.read_data_version()?;
        Ok(store)
    }

    /// Create a new database with the reference data and `admin` as its first admin.
    pub fn create(path: &Path, admin: &str) -> Result<()> {
        open::create(path, |conn| seed(conn, admin, None))
    }

    /// Create a new database and let `fill` add to it, as `admin`, before it appears at `path`.
    pub fn create_with(
        path: &Path,
        admin: &str,
        reference_date: Option<chrono::NaiveDate>,
        fill: impl FnOnce(&mut Store) -> Result<()>,
    ) -> Result<()> {
        let target = path.to_path_buf();
        open::create(path, |conn| {
            seed(conn, admin, reference_date)?;
            let actor = identity::actor(conn, admin)?
                .ok_or_else(|| StoreError::UnknownActor(admin.to_string()))?;
            let clock = clock_for(conn)?;
            // Borrow the connection for the fill step through a temporary Store.
            let owned = std::mem::replace(conn, Connection::open_in_memory()?);
            let mut store = Store {
                conn: owned,
                path: target,
                actor,
                clock,
                read_only: false,
                file_writable: true,
                upgraded_from: None,
                writes: std::cell::Cell::new(0),
                caches: Caches::default(),
                follow_up_months: crate::model::collective::FOLLOW_UP_MONTHS_DEFAULT,
                data_version: 0,
                _after_close: open::AfterClose::nothing(),
            };
            let filled = fill(&mut store);
            *conn = store.conn;
            filled
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
    pub fn actor(&self) -> &Actor {
        &self.actor
    }
    pub fn clock(&self) -> Clock {
        self.clock
    }
    pub fn today(&self) -> chrono::NaiveDate {
        self.clock.today()
    }
    /// Nothing can be written in this session: the schema is newer than this program, or the
    /// file may not be written by this OS user.
    pub fn is_read_only(&self) -> bool {
        self.read_only || !self.file_writable
    }
    /// The file comes from a newer cercles (opened read-only for that reason).
    pub fn is_newer_schema(&self) -> bool {
        self.read_only
    }
    /// The schema version the file had before this session brought it up to date, if it did.
    pub fn upgraded_from(&self) -> Option<i64> {
        self.upgraded_from
    }
    /// The schema version found in the file.
    pub fn file_schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// Whether another connection committed since the last call (cheap: `PRAGMA data_version`,
    /// read outside any transaction on this same connection).
    ///
    /// On a change, the session's user is read again: an admin may have changed their role
    /// (what they may see and write follows at once) or removed them (they keep nothing but
    /// the `lecture` view without contacts, and are told).
    pub fn changed_elsewhere(&mut self) -> Result<bool> {
        let now = self.read_data_version()?;
        let changed = now != self.data_version;
        self.data_version = now;
        if changed {
            match identity::actor(&self.conn, &self.actor.name)? {
                Some(actor) => self.actor = actor,
                None => {
                    self.actor.role = Role::Lecture;
                    self.actor.person_id = None;
                    return Err(StoreError::UnknownActor(self.actor.name.clone()));
                }
            }
        }
        Ok(changed)
    }

    pub(super) fn read_data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "data_version", |r| r.get(0))?)
    }

    /// A day that is noted when it comes (a start, an end, a departure, a closing): refused
    /// when after today, naming the form's `field`.
    pub(crate) fn not_after_today(
        &self,
        field: crate::model::FieldName,
        day: Option<chrono::NaiveDate>,
    ) -> Result<()> {
        let today = self.today();
        match day.filter(|d| *d > today) {
            Some(d) => Err(StoreError::Field(crate::model::FieldError::new(
                field,
                crate::catalogue::people::date_to_come(
                    &crate::model::format_date(d),
                    &crate::model::format_date(today),
                ),
            ))),
            None => Ok(()),
        }
    }

    /// Read-only access for the query functions of the aggregate modules.
    pub(in crate::store) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// A value of the `meta` table.
    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        meta(&self.conn, key)
    }
}

fn meta(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
        .optional()?)
}

/// The clock of a session: `CERCLES_TODAY` first (tests), then the stored reference date (demo).
fn clock_for(conn: &Connection) -> Result<Clock> {
    if let Ok(value) = std::env::var("CERCLES_TODAY") {
        let date = chrono::NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
            .map_err(|_| StoreError::Other(crate::catalogue::store::bad_today(&value)))?;
        return Ok(Clock::Fixed(date));
    }
    Ok(match meta(conn, META_REFERENCE_DATE)? {
        Some(v) => chrono::NaiveDate::parse_from_str(&v, "%Y-%m-%d")
            .map(Clock::Fixed)
            .unwrap_or(Clock::System),
        None => Clock::System,
    })
}

/// Reference data, the first admin and (for the demo) the reference date, in one transaction.
pub(crate) fn seed(
    conn: &mut Connection,
    admin: &str,
    reference_date: Option<chrono::NaiveDate>,
) -> Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    identity::insert_first_admin(&tx, admin)?;
    reference::seed(&tx, admin)?;
    if let Some(d) = reference_date {
        plain_rows::set_meta(
            &tx,
            admin,
            META_REFERENCE_DATE,
            &d.format("%Y-%m-%d").to_string(),
        )?;
    }
    tx.commit()?;
    Ok(())
}

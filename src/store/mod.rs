//! The only place with SQL. Opening the file, the write path (one `BEGIN IMMEDIATE`
//! transaction that checks schema, role and row version, writes and appends the audit entry),
//! users and roles, change detection. Functions take and return plain structs.

mod audit;
mod cache;
pub mod check;
pub mod circles;
pub mod collectives;
pub mod decisions;
mod error;
pub mod governance;
mod identity;
pub mod import_collectives;
pub mod import_people;
mod leftovers;
pub mod memberships;
pub mod open;
pub mod people;
mod people_communes;
mod person_lookup;
mod plain_rows;
pub mod reference;
mod text_cols;
pub mod users;
pub mod work_items;
pub mod working_groups;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, TransactionBehavior};
use serde::Serialize;

use crate::model::{Area, Clock, Role};

pub use audit::Op;
pub use error::{Result, StoreError};
pub use identity::Actor;
use open::SchemaState;

/// An open database with the actor of this session.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    actor: Actor,
    clock: Clock,
    /// Set when the file's schema is newer than this binary: reads only.
    read_only: bool,
    /// False when SQLite opened the file read-only: this OS user may not write it.
    file_writable: bool,
    /// The schema version the file had, when opening it brought it up to date.
    upgraded_from: Option<i64>,
    /// Writes committed by this session: with `data_version` (others' commits), says whether
    /// what was read before is still what the file holds.
    writes: std::cell::Cell<u64>,
    /// Readings kept while the file, the day and the role stay as they were.
    caches: cache::Caches,
    /// Months without contact after which a collective is to contact (`config.toml`).
    follow_up_months: u32,
    data_version: i64,
    /// Dropped after `conn` (fields drop in order): tidies what the closed connection left.
    _after_close: open::AfterClose,
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
            caches: cache::Caches::default(),
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
                caches: cache::Caches::default(),
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

    fn read_data_version(&self) -> Result<i64> {
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

    /// The write path. Every write of the program goes through here: one `BEGIN IMMEDIATE`
    /// transaction that re-checks the schema version and the actor's role, then runs `body`
    /// (which checks row versions and appends audit entries through [`Tx`]), then commits.
    pub fn write<T>(
        &mut self,
        area: Area,
        body: impl FnOnce(&mut Tx<'_>) -> Result<T>,
    ) -> Result<T> {
        self.run_write(area, body, true)
    }

    /// A trial of a write: the same checks and the same statements as [`Store::write`], then
    /// a rollback. What a `--dry-run` says is what the write would do, to the last refusal.
    pub fn rehearse<T>(
        &mut self,
        area: Area,
        body: impl FnOnce(&mut Tx<'_>) -> Result<T>,
    ) -> Result<T> {
        self.run_write(area, body, false)
    }

    fn run_write<T>(
        &mut self,
        area: Area,
        body: impl FnOnce(&mut Tx<'_>) -> Result<T>,
        commit: bool,
    ) -> Result<T> {
        let outcome = self.run_write_inner(area, body, commit);
        // A refusal is the user's to read on screen; a failure of the database itself is
        // also kept in the log, for whoever looks after the server.
        if let Err(
            e @ (StoreError::Busy
            | StoreError::NotWritable
            | StoreError::Sqlite(_)
            | StoreError::File(..)
            | StoreError::Other(_)),
        ) = &outcome
        {
            crate::log::warning(&format!("écriture de {} : {e}", self.actor.name));
        }
        outcome
    }

    fn run_write_inner<T>(
        &mut self,
        area: Area,
        body: impl FnOnce(&mut Tx<'_>) -> Result<T>,
        commit: bool,
    ) -> Result<T> {
        if self.read_only {
            return Err(StoreError::ReadOnly);
        }
        if !self.file_writable {
            return Err(StoreError::NotWritable);
        }
        if !self.actor.role.may_write(area) {
            return Err(StoreError::Forbidden {
                role: self.actor.role,
                area,
            });
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let version: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version != open::schema_version() {
            return Err(StoreError::SchemaChanged);
        }
        // The role may have changed since the session opened: the database is the truth.
        let role = identity::role_of(&tx, &self.actor.name)?
            .ok_or_else(|| StoreError::UnknownActor(self.actor.name.clone()))?;
        self.actor.role = role;
        if !role.may_write(area) {
            return Err(StoreError::Forbidden { role, area });
        }
        let mut w = Tx {
            tx,
            actor: &self.actor.name,
        };
        let out = body(&mut w)?;
        if commit {
            w.tx.commit()?;
            self.writes.set(self.writes.get() + 1);
        }
        // Without a commit, dropping the transaction rolls it back.
        Ok(out)
    }

    /// Erase the values of the journal entries `ids`, keeping their digests, and record in the
    /// journal that the program did it: the step of a RGPD forget that reaches the journal.
    /// Entries about users and roles are refused. Admins only.
    pub fn erase_journal_values(&mut self, ids: &[i64]) -> Result<()> {
        self.write(Area::PersonalData, |tx| audit::erase(&tx.tx, tx.actor, ids))
    }

    /// A value of the `meta` table.
    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        meta(&self.conn, key)
    }
}

/// A row a person edits: its table, its id and version, and how to read it by id.
/// Lets the write path load, version-check, update and audit any aggregate the same way.
pub(crate) trait Versioned: Serialize + Sized {
    const TABLE: &'static str;
    fn id(&self) -> i64;
    fn version(&self) -> i64;
    fn load(conn: &Connection, id: i64) -> Result<Option<Self>>;
    /// What a person calls it, for "introuvable" messages ("le cercle").
    fn what() -> &'static str;
}

/// `impl Versioned` for a row struct with `id` and `version` fields, read by `$load`.
macro_rules! versioned {
    ($row:ty, $table:literal, $load:path, $what:expr) => {
        impl $crate::store::Versioned for $row {
            const TABLE: &'static str = $table;
            fn id(&self) -> i64 {
                self.id
            }
            fn version(&self) -> i64 {
                self.version
            }
            fn load(conn: &rusqlite::Connection, id: i64) -> $crate::store::Result<Option<Self>> {
                $load(conn, id)
            }
            fn what() -> &'static str {
                $what
            }
        }
    };
}
pub(crate) use versioned;

/// A write transaction in progress: the SQL connection plus the audit trail.
pub struct Tx<'a> {
    tx: rusqlite::Transaction<'a>,
    actor: &'a str,
}

impl Tx<'_> {
    pub(in crate::store) fn conn(&self) -> &Connection {
        &self.tx
    }

    /// Append the audit entry of one written row.
    pub(crate) fn audit<B: Serialize, A: Serialize>(
        &self,
        table: &str,
        row_id: i64,
        op: Op,
        before: Option<&B>,
        after: Option<&A>,
    ) -> Result<()> {
        let before = before.map(serde_json::to_string).transpose()?;
        let after = after.map(serde_json::to_string).transpose()?;
        audit::append(&self.tx, self.actor, table, row_id, op, before, after)
    }

    /// The row `id` as it is now; `NotFound` if another session removed it.
    pub(crate) fn load<R: Versioned>(&self, id: i64) -> Result<R> {
        R::load(&self.tx, id)?.ok_or_else(|| StoreError::NotFound(R::what().into()))
    }

    /// The row `id` as it is now, provided it is still at the version the person started from;
    /// otherwise a conflict carrying the row as it is now.
    pub(crate) fn current<R: Versioned>(&self, id: i64, expected_version: i64) -> Result<R> {
        let row: R = self.load(id)?;
        self.ensure_version(R::TABLE, id, expected_version, row.version(), &row)?;
        Ok(row)
    }

    /// Update the row read as `before` (`assignments` with `?1`, `?2`... over `params`),
    /// bump its version, read it back and append the audit entry.
    pub(crate) fn update_row<R: Versioned>(
        &self,
        before: &R,
        assignments: &str,
        params: &[&dyn rusqlite::ToSql],
    ) -> Result<R> {
        self.update_versioned(R::TABLE, before.id(), before.version(), assignments, params)?;
        let after: R = self.load(before.id())?;
        self.audit(
            R::TABLE,
            before.id(),
            Op::Update,
            Some(before),
            Some(&after),
        )?;
        Ok(after)
    }

    /// Read back the row just inserted and append its audit entry.
    pub(crate) fn inserted<R: Versioned>(&self, id: i64) -> Result<R> {
        let after: R = self.load(id)?;
        self.audit::<R, R>(R::TABLE, id, Op::Insert, None, Some(&after))?;
        Ok(after)
    }

    /// Delete the row read as `before` and append the audit entry.
    pub(crate) fn delete_row<R: Versioned>(&self, before: &R) -> Result<()> {
        let sql = format!("DELETE FROM {} WHERE id = ?1 AND version = ?2", R::TABLE);
        if self.tx.execute(&sql, [before.id(), before.version()])? == 0 {
            return Err(StoreError::Conflict {
                table: R::TABLE,
                id: before.id(),
                current: Box::new(serde_json::Value::Null),
            });
        }
        self.audit::<R, R>(R::TABLE, before.id(), Op::Delete, Some(before), None)
    }

    /// Refuse a stale edit: the row as read inside this transaction (`current`) is compared with
    /// the version the person started from. The conflict carries the row as it is now.
    pub(crate) fn ensure_version<R: Serialize>(
        &self,
        table: &'static str,
        id: i64,
        expected: i64,
        current_version: i64,
        current: &R,
    ) -> Result<()> {
        if expected != current_version {
            return Err(StoreError::Conflict {
                table,
                id,
                current: Box::new(serde_json::to_value(current)?),
            });
        }
        Ok(())
    }

    /// `UPDATE table SET <assignments>, version = version + 1 WHERE id = ? AND version = ?`:
    /// zero rows means someone else won the race.
    pub(crate) fn update_versioned(
        &self,
        table: &'static str,
        id: i64,
        expected: i64,
        assignments: &str,
        params: &[&dyn rusqlite::ToSql],
    ) -> Result<()> {
        let n = params.len();
        let sql = format!(
            "UPDATE {table} SET {assignments}, version = version + 1 WHERE id = ?{} AND version = ?{}",
            n + 1,
            n + 2
        );
        let mut all: Vec<&dyn rusqlite::ToSql> = params.to_vec();
        all.push(&id);
        all.push(&expected);
        let changed = self.tx.execute(&sql, all.as_slice())?;
        if changed == 0 {
            return Err(StoreError::Conflict {
                table,
                id,
                current: Box::new(serde_json::Value::Null),
            });
        }
        Ok(())
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
fn seed(
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

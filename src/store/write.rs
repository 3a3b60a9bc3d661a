//! The write path: every write of the program is one call to [`Store::write`], one
//! `BEGIN IMMEDIATE` transaction that checks the schema version and the actor's role again,
//! runs its body through a [`Tx`] (row versions checked, each row written and journaled), then
//! commits. [`Store::rehearse`] is the same, rolled back.

use rusqlite::{Connection, TransactionBehavior};
use serde::Serialize;

use super::audit::{self, Op};
use super::error::{Result, StoreError};
use super::identity;
use super::open;
use super::session::Store;
use crate::model::Area;

impl Store {
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
        impl $crate::store::write::Versioned for $row {
            const TABLE: &'static str = $table;
            fn id(&self) -> i64 {
                self.id
            }
            fn version(&self) -> i64 {
                self.version
            }
            fn load(
                conn: &rusqlite::Connection,
                id: i64,
            ) -> $crate::store::error::Result<Option<Self>> {
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
    pub(super) tx: rusqlite::Transaction<'a>,
    pub(super) actor: &'a str,
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

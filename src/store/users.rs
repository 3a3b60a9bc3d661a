//! Users: login names with a role, an optional link to a person, and preferences.

use super::text_cols::line;
use rusqlite::{Connection, OptionalExtension};

use super::error::{Result, StoreError};
use super::identity::{COLUMNS, by_name, from_row};
pub use super::identity::{User, parse_role, validate_name};
use super::session::Store;
use crate::catalogue::store as msg;
use crate::model::{Area, Role};

fn by_id(conn: &Connection, id: i64) -> Result<Option<User>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM users WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?)
}

super::write::versioned!(User, "users", by_id, msg::THE_USER);

fn admins(conn: &Connection) -> Result<i64> {
    Ok(
        conn.query_row("SELECT count(*) FROM users WHERE role = 'admin'", [], |r| {
            r.get(0)
        })?,
    )
}

impl Store {
    pub fn users(&self) -> Result<Vec<User>> {
        let mut stmt = self
            .conn()
            .prepare(&format!("SELECT {COLUMNS} FROM users ORDER BY name"))?;
        let rows = stmt.query_map([], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn user(&self, name: &str) -> Result<Option<User>> {
        by_name(self.conn(), name)
    }

    pub fn add_user(&mut self, name: &str, role: Role, person_id: Option<i64>) -> Result<User> {
        let name = validate_name(name)?;
        self.write(Area::Users, |tx| {
            if by_name(tx.conn(), &name)?.is_some() {
                return Err(StoreError::Invalid(msg::user_exists(&name)));
            }
            check_person_free(tx.conn(), person_id, &name)?;
            tx.conn().execute(
                "INSERT INTO users(name, role, person_id) VALUES (?1, ?2, ?3)",
                rusqlite::params![name, role.code(), person_id],
            )?;
            tx.inserted(tx.conn().last_insert_rowid())
        })
    }

    pub fn set_user_role(&mut self, name: &str, role: Role) -> Result<User> {
        self.write(Area::Users, |tx| {
            let before = by_name(tx.conn(), name)?
                .ok_or_else(|| StoreError::Invalid(msg::user_unknown(name)))?;
            if before.role == Role::Admin && role != Role::Admin && admins(tx.conn())? <= 1 {
                return Err(StoreError::Invalid(msg::LAST_ADMIN.into()));
            }
            tx.update_row(&before, "role = ?1", &[&role.code()])
        })
    }

    /// Link a user to a person (or unlink with `None`), so the program knows who "I" am.
    pub fn link_user(&mut self, name: &str, person_id: Option<i64>) -> Result<User> {
        self.write(Area::Users, |tx| {
            let before = by_name(tx.conn(), name)?
                .ok_or_else(|| StoreError::Invalid(msg::user_unknown(name)))?;
            check_person_free(tx.conn(), person_id, name)?;
            tx.update_row(&before, "person_id = ?1", &[&person_id])
        })
    }

    pub fn remove_user(&mut self, name: &str) -> Result<()> {
        self.write(Area::Users, |tx| {
            let before = by_name(tx.conn(), name)?
                .ok_or_else(|| StoreError::Invalid(msg::user_unknown(name)))?;
            if before.role == Role::Admin && admins(tx.conn())? <= 1 {
                return Err(StoreError::Invalid(msg::LAST_ADMIN.into()));
            }
            tx.delete_row(&before)
        })
    }
}

/// A person is "me" for one user at most: a second link would make two logins the same
/// person (their tasks, their RGPD export).
fn check_person_free(conn: &Connection, person_id: Option<i64>, user: &str) -> Result<()> {
    let Some(id) = person_id else { return Ok(()) };
    let other: Option<String> = conn
        .query_row(
            "SELECT name FROM users WHERE person_id = ?1 AND name <> ?2",
            rusqlite::params![id, user],
            |r| line(r, 0),
        )
        .optional()?;
    match other {
        Some(other) => Err(StoreError::Invalid(msg::person_already_linked(&other))),
        None => Ok(()),
    }
}

/// The name of the OS user running this process: the real uid's passwd entry, never `$USER`.
pub fn os_user_name() -> Result<String> {
    let uid = nix::unistd::getuid();
    match nix::unistd::User::from_uid(uid) {
        Ok(Some(u)) => Ok(u.name),
        _ => Err(StoreError::Other(msg::no_os_user())),
    }
}

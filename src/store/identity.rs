//! Who may open the base and as what: the users' rows as the session's opening reads them
//! (the actor, their role, the first admin), with no `Store` yet. `users.rs` manages them.

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::audit::{self, Op};
use super::error::{Result, StoreError};
use super::text_cols::line;
use crate::catalogue::store as msg;
use crate::model::Role;

/// Who is acting in this session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub name: String,
    pub role: Role,
    pub person_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub id: i64,
    pub name: String,
    pub role: Role,
    pub person_id: Option<i64>,
    pub preferences: String,
    pub version: i64,
}

/// A login name: what `ssh` and `passwd` would accept.
pub fn validate_name(name: &str) -> Result<String> {
    let ok = !name.is_empty()
        && name.chars().count() <= 32
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
        && !name.starts_with('-');
    if ok {
        Ok(name.to_string())
    } else {
        Err(StoreError::Invalid(msg::bad_user_name(
            &crate::text::excerpt_for_message(name),
        )))
    }
}

pub fn parse_role(input: &str) -> Result<Role> {
    Role::from_code(input)
        .ok_or_else(|| StoreError::Invalid(msg::bad_role(&crate::text::escape_for_terminal(input))))
}

pub(super) const COLUMNS: &str = "id, name, role, person_id, preferences, version";

pub(super) fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<User> {
    let role: String = r.get(2)?;
    Ok(User {
        id: r.get(0)?,
        name: line(r, 1)?,
        // The CHECK constraint holds the role to the known codes.
        role: Role::from_code(&role).unwrap_or(Role::Lecture),
        person_id: r.get(3)?,
        preferences: r.get(4)?,
        version: r.get(5)?,
    })
}

pub(super) fn by_name(conn: &Connection, name: &str) -> Result<Option<User>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM users WHERE name = ?1"),
            [name],
            from_row,
        )
        .optional()?)
}

pub(crate) fn role_of(conn: &Connection, name: &str) -> Result<Option<Role>> {
    Ok(by_name(conn, name)?.map(|u| u.role))
}

pub(crate) fn actor(conn: &Connection, name: &str) -> Result<Option<Actor>> {
    Ok(by_name(conn, name)?.map(|u| Actor {
        name: u.name,
        role: u.role,
        person_id: u.person_id,
    }))
}

pub(crate) fn insert_first_admin(conn: &Connection, name: &str) -> Result<()> {
    let name = validate_name(name)?;
    conn.execute(
        "INSERT INTO users(name, role) VALUES (?1, 'admin')",
        [&name],
    )?;
    let id = conn.last_insert_rowid();
    let user = by_name(conn, &name)?.ok_or_else(|| StoreError::NotFound(name.clone()))?;
    audit::append(
        conn,
        &name,
        "users",
        id,
        Op::Insert,
        None,
        Some(serde_json::to_string(&user)?),
    )
}

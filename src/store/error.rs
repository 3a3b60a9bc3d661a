//! Errors of the store, each with a message a volunteer can act on.

use std::path::PathBuf;

use crate::catalogue::store as msg;
use crate::model::{Area, Role};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}", msg::db_missing(.0))]
    Missing(PathBuf),
    /// The folder a new database would go in does not exist: `init` creates no folder
    /// (a typo in the path would otherwise make a new tree somewhere).
    #[error("{}", msg::db_folder_missing(.0))]
    FolderMissing(PathBuf),
    #[error("{}", msg::not_a_database(.0))]
    NotADatabase(PathBuf),
    #[error("{}", msg::not_ours(.0))]
    NotOurs(PathBuf),
    #[error("{}", msg::corrupt(.0, .1))]
    Corrupt(PathBuf, String),
    #[error("{}", msg::already_exists(.0))]
    AlreadyExists(PathBuf),
    #[error("{}", msg::older_schema(*.found, *.known))]
    OlderSchema { found: i64, known: i64 },
    #[error("{}", msg::READ_ONLY)]
    ReadOnly,
    #[error("{}", msg::SCHEMA_CHANGED)]
    SchemaChanged,
    #[error("{}", msg::unknown_actor(.0))]
    UnknownActor(String),
    #[error("{}", msg::forbidden(.role.label(), .area.label()))]
    Forbidden { role: Role, area: Area },
    /// The row changed since it was read; `current` is the row as it is now (JSON of its struct).
    #[error("{}", msg::CONFLICT)]
    Conflict {
        table: &'static str,
        id: i64,
        current: Box<serde_json::Value>,
    },
    /// Something only an admin may do, that is not a write (a full copy, the users' list).
    #[error("{}", msg::admin_only(.role.label(), .what))]
    AdminOnly { role: Role, what: &'static str },
    #[error("{}", msg::not_found(.0))]
    NotFound(String),
    /// A value refused by validation; the message names the field and the fix.
    #[error("{0}")]
    Invalid(String),
    /// A field refused by the model's validation: a form can put the message under it.
    #[error("{0}")]
    Field(#[from] crate::model::field::FieldError),
    #[error("{}", msg::BUSY)]
    Busy,
    /// SQLite may not write the file or create its `-wal`/`-shm` beside it (permissions).
    #[error("{}", msg::NOT_WRITABLE)]
    NotWritable,
    #[error("{}", msg::database_error(.0))]
    Sqlite(String),
    #[error("{}", msg::file_error(.0, .1))]
    File(PathBuf, String),
    #[error("{0}")]
    Other(String),
}

impl StoreError {
    /// The current row carried by a conflict, as the struct the caller edits.
    pub fn conflict_row<T: serde::de::DeserializeOwned>(&self) -> Option<T> {
        match self {
            StoreError::Conflict { current, .. } => {
                serde_json::from_value((**current).clone()).ok()
            }
            _ => None,
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => StoreError::Busy,
            Some(ErrorCode::NotADatabase) => StoreError::Sqlite(msg::NOT_SQLITE.into()),
            Some(ErrorCode::DatabaseCorrupt) => StoreError::Sqlite(msg::DAMAGED.into()),
            Some(ErrorCode::ReadOnly) => StoreError::NotWritable,
            Some(ErrorCode::DiskFull) => StoreError::Other(msg::database_error(msg::IO_FULL)),
            Some(ErrorCode::CannotOpen) => StoreError::Other(msg::database_error(msg::CANNOT_OPEN)),
            Some(ErrorCode::SystemIoFailure) => {
                StoreError::Other(msg::database_error(msg::IO_FAILURE))
            }
            _ => StoreError::Sqlite(e.to_string()),
        }
    }
}

impl From<rusqlite_migration::Error> for StoreError {
    fn from(e: rusqlite_migration::Error) -> Self {
        match e {
            // An upgrade step that refused, in words of ours.
            rusqlite_migration::Error::Hook(reason) => StoreError::Other(reason),
            other => StoreError::Sqlite(other.to_string()),
        }
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(e: serde_json::Error) -> Self {
        StoreError::Sqlite(msg::unreadable_value(&e.to_string()))
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

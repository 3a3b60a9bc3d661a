//! What every subcommand shares: its error, standard output that never panics, the database
//! file and the store opened as the actor.

use std::path::{Path, PathBuf};

use super::args::Cli;
use crate::catalogue::{cli as msg, exchange as exchange_msg, store as store_msg};
use crate::store::{Store, StoreError};

/// An error of a command: one line for stderr, and whether it was a usage error (exit 2).
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Usage(String),
    #[error("{0}")]
    Failed(String),
    #[error("{0}")]
    Exchange(#[from] crate::exchange::ExchangeError),
    /// Whoever read our standard output went away (`cercles export members | head -1`): not an
    /// error of ours; the run ends quietly, as ripgrep and friends do.
    #[error("")]
    StdoutClosed,
}

/// Write to standard output (and a line end with `newline`), flushed.
pub(crate) fn write_stdout(bytes: &[u8], newline: bool) -> Result<(), CliError> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| {
            if newline {
                out.write_all(b"\n")
            } else {
                Ok(())
            }
        })
        .and_then(|()| out.flush())
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                CliError::StdoutClosed
            } else {
                CliError::Failed(exchange_msg::export_failed(
                    &crate::catalogue::store::io_error(&e),
                ))
            }
        })
}

impl CliError {
    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::Usage(_) => 2,
            _ => 1,
        }
    }
}
/// The database file: `--db`, else `$CERCLES_DB` (both through clap), else the data directory.
pub fn database_path(cli: &Cli) -> Result<PathBuf, CliError> {
    if let Some(p) = &cli.db {
        return Ok(p.clone());
    }
    directories::ProjectDirs::from("", "", "cercles")
        .map(|d| d.data_dir().join("cercles.db"))
        .ok_or_else(|| CliError::Failed(msg::NO_DATA_DIR.into()))
}

/// Whether the database was named (`--db` or `$CERCLES_DB`): a named file that does not exist
/// is refused, and `init` makes no folder for it; only the default one is created as needed.
pub fn database_named(cli: &Cli) -> bool {
    cli.db.is_some()
}

/// The folder of the default database (the data directory), made on first use, private.
pub(crate) fn create_default_folder(path: &Path) -> Result<(), CliError> {
    use std::os::unix::fs::DirBuilderExt;
    match path.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(dir) if !dir.is_dir() => std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(|e| {
                CliError::Failed(store_msg::file_error(
                    dir,
                    &crate::catalogue::store::io_error(&e),
                ))
            }),
        _ => Ok(()),
    }
}

fn actor_name(cli: &Cli) -> Result<String, CliError> {
    match &cli.actor {
        Some(a) => Ok(a.clone()),
        None => Ok(crate::store::users::os_user_name()?),
    }
}

/// Open the database as the actor; warn (stderr) when it opens read-only.
pub fn open_store(cli: &Cli, path: &Path) -> Result<Store, CliError> {
    let store = Store::open(path, &actor_name(cli)?)?;
    if store.is_newer_schema() {
        let found = store.file_schema_version().unwrap_or(0);
        eprintln!(
            "{}{}",
            msg::READ_ONLY_WARNING_PREFIX,
            store_msg::newer_schema(found, crate::store::open::schema_version())
        );
    }
    Ok(store)
}

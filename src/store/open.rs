//! Opening and creating the database file: recognise it as ours before SQLite touches it,
//! set the per-connection pragmas, check the schema version.

use std::fs::{self, OpenOptions};
use std::io::Read;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};
use rusqlite_migration::{M, Migrations};

use super::error::{Result, StoreError};
pub use super::leftovers::AfterClose;
use super::leftovers::sidecars;

/// `PRAGMA application_id` of a cercles database: "CRLS".
pub const APPLICATION_ID: i64 = 0x4352_4C53;

/// How long a write waits for another session's write before giving up.
pub const BUSY_TIMEOUT_MS: u64 = 5_000;

/// The schema's steps, in order: one per file pair in sql/. `user_version` counts them.
fn migration_steps() -> Vec<M<'static>> {
    vec![
        M::up(include_str!("sql/001_foundation.sql")),
        M::up_with_hook(
            include_str!("sql/002_value_digests.sql"),
            upgrade_to_value_digests,
        ),
        M::up(include_str!("sql/003_collectives.sql")),
        M::up_with_hook(
            include_str!("sql/004_person_communes.sql"),
            resolve_person_communes,
        ),
        M::up(include_str!("sql/005_events.sql")),
        M::up(include_str!("sql/006_partners_workshops.sql")),
        M::up(include_str!("sql/007_ledger.sql")),
    ]
}

pub(crate) fn migrations() -> Migrations<'static> {
    Migrations::new(migration_steps())
}

/// The schema version this binary writes: the number of migration steps.
pub fn schema_version() -> i64 {
    migration_steps().len() as i64
}

/// Who the journal names for what an upgrade itself records.
const UPGRADE_ACTOR: &str = "cercles (mise à niveau)";

/// Schema 2's hook: convert the journal to value digests, journal the plain rows, and put the
/// journal's triggers back.
fn upgrade_to_value_digests(tx: &rusqlite::Transaction) -> rusqlite_migration::HookResult {
    super::audit::convert_to_value_digests(tx).map_err(rusqlite_migration::HookError::Hook)?;
    super::plain_rows::journal_all_as_they_are(tx, UPGRADE_ACTOR)
        .map_err(|e| rusqlite_migration::HookError::Hook(e.to_string()))?;
    tx.execute_batch(include_str!("sql/002_triggers.sql"))?;
    Ok(())
}

/// Schema 4's hook: every person's commune typed as text becomes its INSEE code, or waits for
/// review (each changed row journaled).
fn resolve_person_communes(tx: &rusqlite::Transaction) -> rusqlite_migration::HookResult {
    super::people_communes::resolve_all_at_upgrade(tx, UPGRADE_ACTOR)
        .map_err(|e| rusqlite_migration::HookError::Hook(e.to_string()))
}

/// The schema objects (tables, indexes, triggers, views) a database of this binary holds, as
/// `(type, name, sql)`: those of an empty database migrated in memory.
pub(crate) fn expected_schema() -> Result<Vec<(String, String, Option<String>)>> {
    let mut conn = Connection::open_in_memory()?;
    migrations().to_latest(&mut conn)?;
    schema_objects(&conn)
}

/// The schema objects of a database, SQLite's own (`sqlite_…`) left out, by name.
pub(crate) fn schema_objects(conn: &Connection) -> Result<Vec<(String, String, Option<String>)>> {
    let mut stmt = conn.prepare(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
         ORDER BY name",
    )?;
    let objects = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(objects)
}

/// What the first 100 bytes of a file say about it.
fn inspect_header(path: &Path) -> Result<()> {
    // A FIFO would block the open below until someone writes to it; /dev/null and other devices
    // are no database either. Only a regular file (or a link to one) is read.
    let meta = fs::metadata(path).map_err(|e| StoreError::File(path.into(), io_fr(&e)))?;
    if meta.is_dir() {
        return Err(StoreError::File(
            path.into(),
            crate::catalogue::store::IO_DIRECTORY.into(),
        ));
    }
    if !meta.is_file() {
        return Err(StoreError::File(
            path.into(),
            crate::catalogue::store::NOT_A_REGULAR_FILE.into(),
        ));
    }
    let mut file = fs::File::open(path).map_err(|e| StoreError::File(path.into(), io_fr(&e)))?;
    let mut header = [0u8; 100];
    let mut read = 0;
    while read < header.len() {
        match file.read(&mut header[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(e) => return Err(StoreError::File(path.into(), io_fr(&e))),
        }
    }
    if read == 0 {
        return Err(StoreError::NotADatabase(path.into()));
    }
    if read < 100 || &header[..16] != b"SQLite format 3\0" {
        return Err(StoreError::NotADatabase(path.into()));
    }
    let app_id = i64::from(u32::from_be_bytes([
        header[68], header[69], header[70], header[71],
    ]));
    if app_id != APPLICATION_ID {
        return Err(StoreError::NotOurs(path.into()));
    }
    // A file shorter than the page count its header promises was cut short, unless a
    // write-ahead log sits beside it: then a checkpoint may be copying pages back into the
    // file right now, or was killed half-way, and the log still holds every committed page.
    // SQLite reads through the log (and finishes the checkpoint), so the file is sound.
    if wal_has_frames(path) {
        return Ok(());
    }
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536u64,
        n => u64::from(n),
    };
    let pages = u64::from(u32::from_be_bytes([
        header[28], header[29], header[30], header[31],
    ]));
    let len = file
        .metadata()
        .map_err(|e| StoreError::File(path.into(), io_fr(&e)))?
        .len();
    if page_size == 0 || len % page_size != 0 || len < pages.saturating_mul(page_size) {
        return Err(StoreError::Corrupt(
            path.into(),
            crate::catalogue::store::check_integrity(crate::catalogue::store::TRUNCATED),
        ));
    }
    Ok(())
}

/// Whether the `-wal` file beside the database holds anything.
fn wal_has_frames(path: &Path) -> bool {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    fs::metadata(Path::new(&wal)).is_ok_and(|m| m.len() > 0)
}

/// An IO error in French; the catalogue says it (it knows `std`, nothing of ours).
pub(crate) use crate::catalogue::store::io_error as io_fr;

fn set_pragmas(conn: &Connection) -> Result<()> {
    conn.busy_timeout(std::time::Duration::from_millis(BUSY_TIMEOUT_MS))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "secure_delete", "ON")?;
    Ok(())
}

/// The state of an opened file's schema.
pub enum SchemaState {
    Current,
    Older(i64),
    Newer(i64),
}

/// Open an existing cercles database. The file is checked before SQLite sees it, and if
/// opening fails, any `-wal`/`-shm` this attempt created is removed so the file is left as found.
/// On a newer schema the connection is read-only and never checkpoints, so no byte of the file
/// changes; the [`AfterClose`] is to be dropped after the connection.
pub fn open_existing(path: &Path) -> Result<(Connection, SchemaState, AfterClose)> {
    if !path.exists() {
        return Err(StoreError::Missing(path.into()));
    }
    inspect_header(path)?;
    remove_stale_temporaries(path);
    let preexisting: Vec<bool> = sidecars(path).iter().map(|p| p.exists()).collect();
    let made_sidecars = !preexisting.iter().any(|&p| p);
    let attempt = || -> Result<(Connection, SchemaState)> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        set_pragmas(&conn)?;
        // Reading the schema proves the file is readable; a damaged one fails here.
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
        let app_id: i64 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
        if app_id != APPLICATION_ID || tables == 0 {
            return Err(StoreError::NotOurs(path.into()));
        }
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let has_users: bool = conn.query_row(
            "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'users'",
            [],
            |r| r.get(0),
        )?;
        if version == 0 && !has_users {
            // Our mark but no schema: never made by `cercles init`, and no admin could be
            // found to upgrade it, so not "ask an admin to run init".
            return Err(StoreError::Corrupt(
                path.into(),
                crate::catalogue::store::NO_SCHEMA.into(),
            ));
        }
        let state = match version.cmp(&schema_version()) {
            std::cmp::Ordering::Equal => SchemaState::Current,
            std::cmp::Ordering::Less => SchemaState::Older(version),
            std::cmp::Ordering::Greater => {
                // Closing the last connection checkpoints: the newer program's pages still in
                // the log would be copied into the file by this older one. Nothing read so
                // far wrote anything (reading the log only rebuilds the -shm index).
                conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)?;
                conn.pragma_update(None, "query_only", "ON")?;
                SchemaState::Newer(version)
            }
        };
        Ok((conn, state))
    };
    match attempt() {
        Ok((conn, state)) => {
            // A connection that may not checkpoint, or that SQLite opened read-only, leaves
            // its -wal and -shm when it closes: tidied after it, if this session made them.
            let read_only_file = conn.is_readonly(rusqlite::MAIN_DB)?;
            let cannot_tidy_itself = matches!(state, SchemaState::Newer(_)) || read_only_file;
            let after = if made_sidecars && cannot_tidy_itself {
                AfterClose::tidy(path, read_only_file)
            } else {
                AfterClose::nothing()
            };
            Ok((conn, state, after))
        }
        Err(e) => {
            for (side, existed) in sidecars(path).iter().zip(preexisting) {
                if !existed {
                    let _ = fs::remove_file(side);
                }
            }
            Err(match e {
                StoreError::Sqlite(detail) => StoreError::Corrupt(path.into(), detail),
                // Opening, not writing: even a reader needs its -wal and -shm beside the file.
                StoreError::NotWritable => StoreError::File(
                    path.into(),
                    crate::catalogue::store::CANNOT_OPEN_HERE.into(),
                ),
                other => other,
            })
        }
    }
}

/// Bring an older schema up to date (the caller has checked the actor is admin).
/// rusqlite_migration reads `user_version` before its transaction, so two processes may race;
/// the loser's migration fails inside its transaction (nothing written), and if the winner
/// brought the file up to date meanwhile, that is success.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    // rusqlite_migration reads the version, then opens its transaction: an immediate one
    // makes a second process migrating at the same moment wait for the first to commit.
    conn.set_transaction_behavior(rusqlite::TransactionBehavior::Immediate);
    let outcome = migrations().to_latest(conn);
    conn.set_transaction_behavior(rusqlite::TransactionBehavior::Deferred);
    match outcome {
        Ok(()) => Ok(()),
        Err(e) => {
            let now: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
            if now == schema_version() {
                Ok(())
            } else {
                Err(e.into())
            }
        }
    }
}

/// Create a new database at `path` and fill it with `fill`, atomically: everything is built in a
/// temporary file beside it (mode 0600) and put in place only when complete, so a kill in
/// the middle leaves no half-made database.
pub fn create(path: &Path, fill: impl FnOnce(&mut Connection) -> Result<()>) -> Result<()> {
    // No folder is made here: a mistyped `--db` must not grow a new tree (the default path's
    // folder is the caller's to make, see `cli::create_default_folder`).
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && !dir.is_dir()
    {
        return Err(StoreError::FolderMissing(dir.into()));
    }
    build_then_place(path, "creation", |tmp| {
        let mut conn = Connection::open(tmp)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        set_pragmas(&conn)?;
        // The file is private until placed, and thrown away if anything fails: no need to
        // sync every transaction of the build; one sync_all makes it durable.
        conn.pragma_update(None, "synchronous", "OFF")?;
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        migrations().to_latest(&mut conn)?;
        fill(&mut conn)?;
        conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        conn.close().map_err(|(_, e)| StoreError::from(e))?;
        Ok(())
    })
}

/// Build a file at `path` through `build`, which writes a temporary file beside it
/// (`NAME.WHAT-PID`, created empty with mode 0600), then give it its name, durably, without
/// ever replacing a file: a kill at any moment leaves either nothing or the whole file under
/// the name. Temporary files of earlier runs killed half-way are removed first.
pub(crate) fn build_then_place(
    path: &Path,
    what: &str,
    build: impl FnOnce(&Path) -> Result<()>,
) -> Result<()> {
    if path.exists() {
        return Err(StoreError::AlreadyExists(path.into()));
    }
    remove_stale_temporaries(path);
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(format!(".{what}-{}", std::process::id()));
    let tmp = PathBuf::from(tmp);
    let cleanup = |tmp: &Path| {
        let _ = fs::remove_file(tmp);
        for side in sidecars(tmp).iter().chain([&journal_of(tmp)]) {
            let _ = fs::remove_file(side);
        }
    };
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&tmp)
        .map_err(|e| StoreError::File(path.into(), io_fr(&e)))?;
    let built = build(&tmp).and_then(|()| {
        fs::File::open(&tmp)
            .and_then(|f| f.sync_all())
            .map_err(|e| StoreError::File(path.into(), io_fr(&e)))
    });
    if let Err(e) = built {
        cleanup(&tmp);
        return Err(e);
    }
    // Put it in place without ever replacing a file another process created meanwhile: a
    // hard link fails if the name is taken, atomically (a check then a rename would race).
    let placed = match fs::hard_link(&tmp, path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(StoreError::AlreadyExists(path.into()))
        }
        // A file system without hard links: check, then rename.
        Err(_) if path.exists() => Err(StoreError::AlreadyExists(path.into())),
        Err(_) => fs::rename(&tmp, path).map_err(|e| StoreError::File(path.into(), io_fr(&e))),
    };
    cleanup(&tmp);
    placed?;
    // Make the new name itself durable.
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        let _ = fs::File::open(dir).and_then(|d| d.sync_all());
    }
    Ok(())
}

/// The rollback journal SQLite may leave beside a file (`VACUUM INTO` writes one).
fn journal_of(path: &Path) -> PathBuf {
    let mut journal = path.as_os_str().to_owned();
    journal.push("-journal");
    PathBuf::from(journal)
}

/// Temporary files of creations and backups killed before they finished (`NAME.creation-PID`,
/// `NAME.backup-PID` and their `-wal`, `-shm`, `-journal`, whose process is gone): removed, so
/// a kill leaves no litter for long.
pub(crate) fn remove_stale_temporaries(path: &Path) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let name = name.to_string_lossy();
    let prefixes = [format!("{name}.creation-"), format!("{name}.backup-")];
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = prefixes.iter().find_map(|p| file.strip_prefix(p.as_str())) else {
            continue;
        };
        if left_by_a_dead_process(rest) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether `PID-…` (what follows a temporary name's prefix) names a process that is gone:
/// its leftovers may go. Not a number: not ours, kept.
pub(crate) fn left_by_a_dead_process(pid_and_rest: &str) -> bool {
    pid_and_rest
        .split('-')
        .next()
        .and_then(|p| p.parse::<u32>().ok())
        .is_some_and(|pid| !Path::new(&format!("/proc/{pid}")).exists())
}

/// Open a connection on a file known to be ours, for copies (backup check).
pub fn open_for_check(path: &Path) -> Result<Connection> {
    inspect_header(path)?;
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
    set_pragmas(&conn)?;
    Ok(conn)
}

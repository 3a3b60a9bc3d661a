//! What SQLite leaves beside the file after a session that could not tidy it itself.
//!
//! SQLite removes the `-wal` and `-shm` when the last connection closes, after a checkpoint.
//! Two kinds of connection leave them: one told not to checkpoint (a newer schema: the
//! checkpoint would write the newer program's pages into the file), and one SQLite opened
//! read-only (a file this OS user may not write). When this session made them and the log
//! holds nothing, they are removed once the connection is closed.

use std::fs;
use std::os::fd::AsRawFd;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

/// Files SQLite keeps beside a WAL database.
pub(crate) fn sidecars(path: &Path) -> [PathBuf; 2] {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    let mut shm = path.as_os_str().to_owned();
    shm.push("-shm");
    [PathBuf::from(wal), PathBuf::from(shm)]
}

/// Byte of the `-shm` that every connection using it holds a read lock on (SQLite's
/// `UNIX_SHM_DMS`: after the 120 bytes of the index header and the 8 lock bytes).
const SHM_DMS_BYTE: i64 = 128;

/// To be dropped after the session's connection (see the module).
pub struct AfterClose {
    path: Option<PathBuf>,
    /// SQLite opened the file read-only: no connection of ours can remove what it left.
    read_only_file: bool,
}

impl AfterClose {
    /// Nothing to tidy.
    pub fn nothing() -> AfterClose {
        AfterClose {
            path: None,
            read_only_file: false,
        }
    }

    /// Tidy beside `path` once the connection is closed.
    pub(crate) fn tidy(path: &Path, read_only_file: bool) -> AfterClose {
        AfterClose {
            path: Some(path.to_path_buf()),
            read_only_file,
        }
    }
}

impl Drop for AfterClose {
    fn drop(&mut self) {
        let Some(path) = self.path.take() else {
            return;
        };
        // A log with something in it holds another program's writes: never checkpointed nor
        // removed by us. Empty, a checkpoint copies nothing and the file stays as it is.
        let [wal, shm] = sidecars(&path);
        if fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
            return;
        }
        if self.read_only_file {
            remove_if_unused(&path, &wal, &shm);
        } else {
            close_as_last(&path);
        }
    }
}

/// A connection of our own, closed at once: when no other uses the file (SQLite checks with
/// its locks) closing it removes the -wal and -shm; otherwise they stay, as they must.
fn close_as_last(path: &Path) {
    let Ok(conn) = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    ) else {
        return;
    };
    let _ = conn.busy_timeout(std::time::Duration::from_millis(100));
    // A read opens the log, so that closing tidies it.
    let _ = conn.query_row("PRAGMA schema_version", [], |r| r.get::<_, i64>(0));
    let _ = conn.close();
}

/// The -wal and -shm beside a file nobody may write, removed when no connection uses them.
///
/// Only for a file without any write permission: then no one but root can be writing it, so
/// the log stays empty and a reader that opened it just before it goes reads the same file as
/// everyone else. SQLite makes both files with the database's permissions (read-only too), so
/// no write lock can be taken here; whether another connection uses the -shm is asked of its
/// lock byte, on which every connection holds a read lock.
fn remove_if_unused(path: &Path, wal: &Path, shm: &Path) {
    let nobody_writes = fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o222 == 0);
    if !nobody_writes {
        return;
    }
    let Ok(shm_file) = fs::File::open(shm) else {
        return;
    };
    let mut lock = nix::libc::flock {
        l_type: nix::libc::F_WRLCK as i16,
        l_whence: nix::libc::SEEK_SET as i16,
        l_start: SHM_DMS_BYTE,
        l_len: 1,
        l_pid: 0,
    };
    let asked = nix::fcntl::fcntl(
        shm_file.as_raw_fd(),
        nix::fcntl::FcntlArg::F_GETLK(&mut lock),
    );
    if asked.is_err() || lock.l_type != nix::libc::F_UNLCK as i16 {
        return;
    }
    if fs::metadata(wal).is_ok_and(|m| m.len() > 0) {
        return;
    }
    let _ = fs::remove_file(wal);
    let _ = fs::remove_file(shm);
}

//! Helpers shared by the integration tests. Each test crate uses a part of them.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod pty;
pub mod tui;

/// Run `sql` on the file as an attacker with sqlite3 would: the journal's triggers dropped
/// first, then put back exactly as they were, so that only what `sql` did remains to be seen.
pub fn tamper(path: &std::path::Path, sql: &str) {
    let conn = rusqlite::Connection::open(path).unwrap();
    let triggers: Vec<String> = {
        let mut stmt = conn
            .prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit'")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    conn.execute_batch(
        "DROP TRIGGER IF EXISTS audit_no_delete; DROP TRIGGER IF EXISTS audit_no_rewrite;
         DROP TRIGGER IF EXISTS audit_erase_only;",
    )
    .unwrap();
    conn.execute_batch(sql).unwrap();
    for t in triggers {
        conn.execute_batch(&t).unwrap();
    }
}

/// The log of this test process goes nowhere: tests never write into the real log of whoever
/// runs them (`~/.local/state/cercles/cercles.log`). Every helper that opens a base calls it;
/// a test that logs on purpose sets `CERCLES_LOG` on the process it runs.
pub fn quiet_log() {
    cercles::log::redirect(None);
}

/// The real binary, with its log turned off (see [`quiet_log`]) and "today" fixed.
pub fn command() -> assert_cmd::Command {
    quiet_log();
    let mut cmd = assert_cmd::Command::cargo_bin("cercles").unwrap();
    cmd.env("CERCLES_LOG", "off")
        .env("CERCLES_TODAY", "2025-11-20")
        .env_remove("CERCLES_DB");
    cmd
}

/// A fresh database whose Clock says 20/11/2025, opened as its admin `admin`.
pub fn fresh_store() -> (tempfile::TempDir, cercles::store::Store) {
    quiet_log();
    let dir = tempfile::TempDir::new().unwrap();
    let store = store_at(&dir.path().join("t.db"));
    (dir, store)
}

/// A new database at `path` whose Clock says 20/11/2025, opened as its admin `admin`.
pub fn store_at(path: &std::path::Path) -> cercles::store::Store {
    let today = chrono::NaiveDate::from_ymd_opt(2025, 11, 20).unwrap();
    cercles::store::Store::create_with(path, "admin", Some(today), |_| Ok(())).unwrap();
    cercles::store::Store::open(path, "admin").unwrap()
}

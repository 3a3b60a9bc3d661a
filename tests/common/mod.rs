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

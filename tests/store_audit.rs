//! The journal as an attacker with sqlite3 meets it: erasure marks, dropped triggers, edits of
//! tables that looked unjournaled, a chain recomputed with the public algorithm; and `check`
//! beside busy writers, where it must never cry wolf.

mod common;
use std::path::{Path, PathBuf};

use cercles::model::Role;
use cercles::model::person::PersonDraft;
use cercles::store::check::Head;
use cercles::store::{Store, users::os_user_name};
use sha2::{Digest, Sha256};

fn admin() -> String {
    os_user_name().unwrap()
}

fn fresh(dir: &tempfile::TempDir) -> PathBuf {
    common::quiet_log();
    let path = dir.path().join("t.db");
    Store::create(&path, &admin()).unwrap();
    path
}

fn person(last: &str, email: &str) -> PersonDraft {
    PersonDraft {
        last_name: last.into(),
        first_name: "Alex".into(),
        email: email.into(),
        ..PersonDraft::default()
    }
}

fn last_entry_of(path: &Path, table: &str, row_id: i64) -> i64 {
    rusqlite::Connection::open(path)
        .unwrap()
        .query_row(
            "SELECT max(id) FROM audit WHERE tbl = ?1 AND row_id = ?2",
            rusqlite::params![table, row_id],
            |r| r.get(0),
        )
        .unwrap()
}

fn check_problem(path: &Path) -> String {
    let store = Store::open(path, &admin()).unwrap();
    store.check().unwrap().expect_err("tampering must be seen")
}

#[test]
fn the_erased_mark_no_longer_switches_tamper_detection_off() {
    let dir = tempfile::tempdir().unwrap();
    let path = fresh(&dir);
    let mut store = Store::open(&path, &admin()).unwrap();
    let lou = store.add_user("lou", Role::Lecture, None).unwrap();
    let p = store
        .add_person(&person("Martin", "alex@exemple.fr"))
        .unwrap();
    assert!(store.check().unwrap().is_ok());
    drop(store);

    // The probe's attack: the last entry of a user marked erased, then the user made admin.
    let entry = last_entry_of(&path, "users", lou.id);
    common::tamper(
        &path,
        &format!(
            "UPDATE audit SET erased = 1, before = NULL, after = NULL WHERE id = {entry};
             UPDATE users SET role = 'admin' WHERE name = 'lou';"
        ),
    );
    let problem = check_problem(&path);
    assert!(problem.contains(&format!("n° {entry}")), "{problem}");
    // Even once the erasure mark is taken back, the role edit is still seen.
    common::tamper(
        &path,
        &format!("UPDATE audit SET erased = 0 WHERE id = {entry}"),
    );
    let problem = check_problem(&path);
    assert!(!problem.is_empty());

    // The same on a person's name and e-mail.
    let dir2 = tempfile::tempdir().unwrap();
    let path2 = fresh(&dir2);
    let mut store = Store::open(&path2, &admin()).unwrap();
    let p2 = store
        .add_person(&person("Martin", "alex@exemple.fr"))
        .unwrap();
    drop(store);
    let entry = last_entry_of(&path2, "people", p2.id);
    common::tamper(
        &path2,
        &format!(
            "UPDATE audit SET erased = 1, before = NULL, after = NULL WHERE id = {entry};
             UPDATE people SET last_name = 'Durand', email = 'pirate@exemple.fr' WHERE id = {};",
            p2.id
        ),
    );
    let problem = check_problem(&path2);
    assert!(problem.contains(&format!("n° {entry}")), "{problem}");
    let _ = p;
}

#[test]
fn sqlite_itself_refuses_erasing_by_hand_while_the_triggers_stand() {
    let dir = tempfile::tempdir().unwrap();
    let path = fresh(&dir);
    let conn = rusqlite::Connection::open(&path).unwrap();
    // Entry 1 is the first admin: never erasable.
    let refused = conn.execute(
        "UPDATE audit SET erased = 1, before = NULL, after = NULL WHERE id = 1",
        [],
    );
    assert!(refused.is_err());
    // Nor can values be rewritten instead of erased, on any entry.
    let last: i64 = conn
        .query_row("SELECT max(id) FROM audit", [], |r| r.get(0))
        .unwrap();
    assert!(
        conn.execute("UPDATE audit SET after = '{}' WHERE id = ?1", [last])
            .is_err()
    );
    assert!(
        conn.execute("UPDATE audit SET digest = 'x' WHERE id = ?1", [last])
            .is_err()
    );
    assert!(
        conn.execute("DELETE FROM audit WHERE id = ?1", [last])
            .is_err()
    );
}

#[test]
fn the_program_s_erasure_keeps_the_proof_and_records_itself() {
    let dir = tempfile::tempdir().unwrap();
    let path = fresh(&dir);
    let mut store = Store::open(&path, &admin()).unwrap();
    let p = store
        .add_person(&person("Martin", "alex@exemple.fr"))
        .unwrap();
    let entry = last_entry_of(&path, "people", p.id);
    let before = store.check().unwrap().unwrap();
    store.erase_journal_values(&[entry]).unwrap();
    // One record of the erasure, and the chain still holds.
    assert_eq!(store.check().unwrap(), Ok(before + 1));
    let conn = rusqlite::Connection::open(&path).unwrap();
    let (erased, after): (i64, Option<String>) = conn
        .query_row(
            "SELECT erased, after FROM audit WHERE id = ?1",
            [entry],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((erased, after), (1, None));
    drop(conn);
    // The values are gone, the comparison is not: an edit of the person is still seen.
    common::tamper(
        &path,
        &format!(
            "UPDATE people SET email = 'pirate@exemple.fr' WHERE id = {}",
            p.id
        ),
    );
    let problem = check_problem(&path);
    assert!(problem.contains("table people"), "{problem}");

    // Entries about users and roles are never erased, by the program either.
    let lou = store.add_user("lou", Role::Lecture, None).unwrap();
    let users_entry = last_entry_of(&path, "users", lou.id);
    let err = store.erase_journal_values(&[users_entry]).unwrap_err();
    assert!(
        err.to_string().contains("ne peut pas être effacée"),
        "{err}"
    );
    // And only an admin erases.
    let mut lecture = Store::open(&path, "lou").unwrap();
    assert!(lecture.erase_journal_values(&[entry]).is_err());
}

#[test]
fn an_erasure_by_hand_of_an_erasable_entry_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = fresh(&dir);
    let mut store = Store::open(&path, &admin()).unwrap();
    let p = store
        .add_person(&person("Martin", "alex@exemple.fr"))
        .unwrap();
    drop(store);
    let entry = last_entry_of(&path, "people", p.id);
    // The triggers would allow blanking it (that is how the program erases); no record of the
    // program says it did.
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute(
            "UPDATE audit SET erased = 1, before = NULL, after = NULL WHERE id = ?1",
            [entry],
        )
        .unwrap();
    let problem = check_problem(&path);
    assert!(
        problem.contains(&format!("n° {entry}")) && problem.contains("sans que le programme"),
        "{problem}"
    );
}

#[test]
fn dropped_or_replaced_triggers_and_indexes_are_named() {
    let cases = [
        ("DROP TRIGGER audit_no_delete", "audit_no_delete"),
        (
            "DROP TRIGGER audit_no_rewrite;
             CREATE TRIGGER audit_no_rewrite BEFORE UPDATE OF id ON audit BEGIN SELECT 1; END;",
            "audit_no_rewrite",
        ),
        ("DROP INDEX people_email", "people_email"),
        (
            "CREATE TRIGGER sneaky AFTER INSERT ON people BEGIN SELECT 1; END;",
            "sneaky",
        ),
    ];
    for (sql, name) in cases {
        let dir = tempfile::tempdir().unwrap();
        let path = fresh(&dir);
        rusqlite::Connection::open(&path)
            .unwrap()
            .execute_batch(sql)
            .unwrap();
        let problem = check_problem(&path);
        assert!(
            problem.contains(name) && problem.contains("schéma"),
            "{sql}: {problem}"
        );
    }
}

#[test]
fn meta_and_the_ledger_s_reference_data_are_journaled() {
    let dir = tempfile::tempdir().unwrap();
    let demo = dir.path().join("demo.db");
    cercles::demo::build(&demo, &admin()).unwrap();
    assert!(
        Store::open(&demo, &admin())
            .unwrap()
            .check()
            .unwrap()
            .is_ok()
    );
    let cases = [
        (
            "meta",
            "UPDATE meta SET value = '2030-01-01' WHERE key = 'reference_date'",
        ),
        ("meta", "INSERT INTO meta(key, value) VALUES ('x', 'y')"),
        (
            "categories",
            "UPDATE categories SET account = '999' WHERE name = 'Dons'",
        ),
        (
            "projects",
            "UPDATE projects SET name = 'Autre' WHERE position = 0",
        ),
        (
            "money_accounts",
            "UPDATE money_accounts SET name = 'Caisse noire' WHERE number = '530'",
        ),
    ];
    for (table, sql) in cases {
        let copy = dir.path().join("copy.db");
        let _ = std::fs::remove_file(&copy);
        rusqlite::Connection::open(&demo)
            .unwrap()
            .execute("VACUUM INTO ?1", [copy.to_str().unwrap()])
            .unwrap();
        rusqlite::Connection::open(&copy)
            .unwrap()
            .execute_batch(sql)
            .unwrap();
        let problem = check_problem(&copy);
        assert!(
            problem.contains(&format!("table {table}")),
            "{sql}: {problem}"
        );
    }
}

/// The public algorithm, as an attacker would write it from the source: value digests, entry
/// digest, chain.
fn sha(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0x1f]);
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

fn value_digest(v: Option<&str>) -> String {
    match v {
        None => "-".into(),
        Some(v) => Sha256::digest(v.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect(),
    }
}

fn chain(previous: &str, digest: &str) -> String {
    let mut h = Sha256::new();
    h.update(previous.as_bytes());
    h.update(digest.as_bytes());
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// An entry's stored fields, as sqlite3 shows them.
struct RawEntry {
    id: i64,
    at: String,
    actor: String,
    tbl: String,
    row_id: i64,
    op: String,
    before: Option<String>,
    after: Option<String>,
}

fn raw_entries(conn: &rusqlite::Connection) -> Vec<RawEntry> {
    let mut stmt = conn
        .prepare("SELECT id, at, actor, tbl, row_id, op, before, after FROM audit ORDER BY id")
        .unwrap();
    stmt.query_map([], |r| {
        Ok(RawEntry {
            id: r.get(0)?,
            at: r.get(1)?,
            actor: r.get(2)?,
            tbl: r.get(3)?,
            row_id: r.get(4)?,
            op: r.get(5)?,
            before: r.get(6)?,
            after: r.get(7)?,
        })
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

/// Give every entry the digest `digest_of` computes and chain them again from the start.
fn rechain(conn: &rusqlite::Connection, digest_of: impl Fn(&RawEntry) -> String) {
    let mut previous = "0".repeat(64);
    for e in raw_entries(conn) {
        let d = digest_of(&e);
        let c = chain(&previous, &d);
        conn.execute(
            "UPDATE audit SET digest = ?1, chain = ?2 WHERE id = ?3",
            rusqlite::params![d, c, e.id],
        )
        .unwrap();
        previous = c;
    }
}

/// Rewrite every entry's digests and chain from its values, as if the values had always been
/// what they are now.
fn recompute_the_whole_chain(path: &Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch("DROP TRIGGER audit_no_rewrite; DROP TRIGGER audit_erase_only;")
        .unwrap();
    for e in raw_entries(&conn) {
        conn.execute(
            "UPDATE audit SET before_digest = ?1, after_digest = ?2 WHERE id = ?3",
            rusqlite::params![
                value_digest(e.before.as_deref()),
                value_digest(e.after.as_deref()),
                e.id
            ],
        )
        .unwrap();
    }
    rechain(&conn, |e| {
        let (bd, ad) = (
            value_digest(e.before.as_deref()),
            value_digest(e.after.as_deref()),
        );
        sha(&[
            &e.at,
            &e.actor,
            &e.tbl,
            &e.row_id.to_string(),
            &e.op,
            &bd,
            &ad,
        ])
    });
    conn.execute_batch(include_str!("../src/store/sql/002_triggers.sql"))
        .unwrap();
}

#[test]
fn a_kept_head_catches_a_chain_recomputed_with_the_public_algorithm() {
    let dir = tempfile::tempdir().unwrap();
    let path = fresh(&dir);
    let mut store = Store::open(&path, &admin()).unwrap();
    let lou = store.add_user("lou", Role::Lecture, None).unwrap();
    let checked = store.check_against(None).unwrap().unwrap();
    let head = checked.head.clone().unwrap();
    assert_eq!(head.entry, checked.entries);
    // The head kept outside the file is still there after more writes.
    store
        .add_person(&person("Martin", "alex@exemple.fr"))
        .unwrap();
    assert!(store.check_against(Some(&head)).unwrap().is_ok());
    drop(store);

    // lou made admin, and the journal rewritten to say so from the start, digests and all.
    let entry = last_entry_of(&path, "users", lou.id);
    common::tamper(
        &path,
        &format!(
            "UPDATE users SET role = 'admin' WHERE id = {id};
             UPDATE audit SET after = replace(after, '\"lecture\"', '\"admin\"') WHERE id = {entry};",
            id = lou.id
        ),
    );
    recompute_the_whole_chain(&path);
    let store = Store::open(&path, &admin()).unwrap();
    // Without the anchor, nothing in the file can tell.
    assert!(store.check().unwrap().is_ok());
    // With it, the rewrite shows.
    let problem = store.check_against(Some(&head)).unwrap().unwrap_err();
    assert!(problem.contains("réécrit"), "{problem}");
    // A head beyond the journal's end: entries were taken away.
    let far = Head {
        entry: head.entry + 1000,
        chain: head.chain.clone(),
    };
    let problem = store.check_against(Some(&far)).unwrap().unwrap_err();
    assert!(problem.contains("n'y est plus"), "{problem}");
}

#[test]
fn head_text_is_read_strictly() {
    let good = format!("12:{}", "ab".repeat(32));
    let head: Head = good.parse().unwrap();
    assert_eq!(head.entry, 12);
    assert_eq!(head.to_string(), good);
    assert_eq!(
        format!("12:{}", "AB".repeat(32)).parse::<Head>().unwrap(),
        head
    );
    for bad in [
        "",
        "12",
        "12:",
        "x:ab",
        "0:ab",
        &format!("12:{}", "ab".repeat(31)),
        &format!("12:{}", "zz".repeat(32)),
    ] {
        let err = bad.parse::<Head>().unwrap_err();
        assert!(err.contains("tête de journal"), "{bad}: {err}");
    }
}

#[test]
fn check_never_cries_wolf_beside_busy_writers() {
    let dir = tempfile::tempdir().unwrap();
    let path = fresh(&dir);
    {
        let mut store = Store::open(&path, &admin()).unwrap();
        for w in 0..4 {
            store
                .add_user(&format!("w{w}"), Role::Coordination, None)
                .unwrap();
        }
    }
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let path = path.clone();
            let stop = stop.clone();
            std::thread::spawn(move || {
                let mut store = Store::open(&path, &format!("w{w}")).unwrap();
                let mut n = 0;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) && n < 400 {
                    let p = store
                        .add_person(&person(
                            &format!("P{w}x{n}"),
                            &format!("p{w}x{n}@exemple.fr"),
                        ))
                        .unwrap();
                    let c = store.circles().unwrap().remove(w);
                    let mut sheet = c.sheet.clone();
                    sheet.purpose = format!("{w}-{n}");
                    store.update_circle_sheet(c.id, c.version, &sheet).unwrap();
                    let _ = p;
                    n += 1;
                }
                n
            })
        })
        .collect();
    let checker = Store::open(&path, &admin()).unwrap();
    let mut checks = 0;
    let mut false_alarms = Vec::new();
    while checks < 60 {
        if let Err(p) = checker.check().unwrap() {
            false_alarms.push(p);
        }
        checks += 1;
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let written: i32 = writers.into_iter().map(|w| w.join().unwrap()).sum();
    assert!(written > 0);
    assert!(
        false_alarms.is_empty(),
        "{} false alarms in {checks} checks beside {written} writes: {:?}",
        false_alarms.len(),
        false_alarms.first()
    );
    assert!(checker.check().unwrap().is_ok());
}

/// Schema 1's digest, over the values themselves.
fn legacy_digest(
    at: &str,
    actor: &str,
    tbl: &str,
    row_id: i64,
    op: &str,
    before: Option<&str>,
    after: Option<&str>,
) -> String {
    let mut h = Sha256::new();
    for part in [at, actor, tbl, &row_id.to_string(), op] {
        h.update(part.as_bytes());
        h.update([0x1f]);
    }
    for v in [before, after] {
        match v {
            Some(v) => {
                h.update(b"+");
                h.update(v.as_bytes());
            }
            None => h.update(b"-"),
        }
        h.update([0x1f]);
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// A file as schema 1 made it: the journal chained over the values, no value digests, `meta`
/// unjournaled, the old trigger.
fn as_schema_1(path: &Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch("DROP TRIGGER audit_no_rewrite; DROP TRIGGER audit_erase_only;")
        .unwrap();
    // A new file holds no meta row; schema 1 did not journal the one it got.
    conn.execute(
        "INSERT INTO meta(key, value) VALUES ('reference_date', '2025-11-20')",
        [],
    )
    .unwrap();
    rechain(&conn, |e| {
        legacy_digest(
            &e.at,
            &e.actor,
            &e.tbl,
            e.row_id,
            &e.op,
            e.before.as_deref(),
            e.after.as_deref(),
        )
    });
    // Later schemas' tables go too (a schema-1 file never had them).
    conn.execute_batch(
        "DROP TABLE ledger_lines;
         DROP TABLE ledger_transactions;
         DROP TABLE opening_balances;
         DROP TABLE counterparties;
         DROP TABLE workshops;
         DROP TABLE event_partners;
         DROP TABLE partners;
         DROP TABLE event_tasks;
         DROP TABLE events;
         DROP TABLE collective_statuses;
         DROP TABLE collectives;
         ALTER TABLE people DROP COLUMN commune_typed;
         ALTER TABLE audit DROP COLUMN before_digest;
         ALTER TABLE audit DROP COLUMN after_digest;
         CREATE TRIGGER audit_no_rewrite BEFORE UPDATE OF id, at, actor, tbl, row_id, op, digest, chain ON audit
         BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
         PRAGMA user_version = 1;",
    )
    .unwrap();
}

#[test]
fn a_schema_1_file_upgrades_with_its_journal_verified_and_converted() {
    let dir = tempfile::tempdir().unwrap();
    let path = fresh(&dir);
    {
        let mut store = Store::open(&path, &admin()).unwrap();
        store
            .add_person(&person("Martin", "alex@exemple.fr"))
            .unwrap();
    }
    as_schema_1(&path);
    // Only an admin upgrades; the upgrade journals meta as it finds it.
    let store = Store::open(&path, &admin()).unwrap();
    assert_eq!(
        store.file_schema_version().unwrap(),
        cercles::store::open::schema_version()
    );
    assert_eq!(store.check().unwrap().map(|_| ()), Ok(()));
    drop(store);
    common::tamper(&path, "UPDATE meta SET value = '2030-01-01'");
    let problem = check_problem(&path);
    assert!(problem.contains("table meta"), "{problem}");
}

#[test]
fn a_schema_1_file_whose_journal_was_tampered_with_is_not_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    let path = fresh(&dir);
    as_schema_1(&path);
    // A hand edit of schema 1's journal: converting it would launder it into a fresh chain.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "DROP TRIGGER audit_no_rewrite;
         UPDATE audit SET after = replace(after, 'admin', 'lecture') WHERE id = 1;",
    )
    .unwrap();
    drop(conn);
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path, &admin()).err().expect("upgrade refused");
    assert!(
        err.to_string().contains("mise à niveau impossible"),
        "{err}"
    );
    assert!(err.to_string().contains("n° 1"), "{err}");
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 1, "nothing changed");
    drop(conn);
    assert_eq!(std::fs::read(&path).unwrap().len(), before.len());
}

//! The store's foundation: opening files that are not ours, the schema version, the write path
//! (role, version, audit), change detection.

mod common;
use std::fs;
use std::path::{Path, PathBuf};

use cercles::model::{CircleSheet, Role};
use cercles::store::{Store, StoreError, users::os_user_name};

fn admin() -> String {
    os_user_name().unwrap()
}

fn fresh(dir: &tempfile::TempDir) -> PathBuf {
    common::quiet_log();
    let path = dir.path().join("t.db");
    Store::create(&path, &admin()).unwrap();
    path
}

fn sidecars(path: &Path) -> Vec<PathBuf> {
    ["-wal", "-shm"]
        .iter()
        .map(|s| PathBuf::from(format!("{}{s}", path.display())))
        .collect()
}

/// Open must fail, leave the file byte-for-byte as it was, and leave nothing beside it.
fn assert_refused_untouched(path: &Path) -> StoreError {
    let before = fs::read(path).unwrap();
    let err = match Store::open(path, &admin()) {
        Ok(_) => panic!("{} should be refused", path.display()),
        Err(e) => e,
    };
    assert_eq!(fs::read(path).unwrap(), before, "file changed");
    for side in sidecars(path) {
        assert!(!side.exists(), "{} left behind", side.display());
    }
    err
}

fn audit_count(path: &Path) -> i64 {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row("SELECT count(*) FROM audit", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn fresh_database_has_schema_wal_and_reference_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = fresh(&dir);
    let store = Store::open(&path, &admin()).unwrap();
    assert_eq!(
        store.file_schema_version().unwrap(),
        cercles::store::open::schema_version()
    );
    assert!(!store.is_read_only());
    assert_eq!(store.actor().role, Role::Admin);
    let names: Vec<String> = store
        .circles()
        .unwrap()
        .iter()
        .map(|c| c.name().to_string())
        .collect();
    assert_eq!(names.len(), 9);
    assert_eq!(names[0], "Rencontres nationales");
    assert_eq!(names[8], "Coordination");
    assert_eq!(store.check().unwrap(), Ok(audit_count(&path)));
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(
        count("SELECT count(*) FROM categories WHERE kind = 'income'"),
        7
    );
    assert_eq!(
        count("SELECT count(*) FROM categories WHERE kind = 'expense'"),
        9
    );
    assert_eq!(count("SELECT count(*) FROM projects"), 3);
    assert_eq!(
        count("SELECT count(*) FROM money_accounts WHERE number IN ('512', '5121', '530')"),
        3
    );
    let account: String = conn
        .query_row(
            "SELECT account FROM categories WHERE name = 'Subventions'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(account, "740");
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

#[test]
fn create_refuses_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = fresh(&dir);
    let before = fs::read(&path).unwrap();
    assert!(matches!(
        Store::create(&path, &admin()),
        Err(StoreError::AlreadyExists(_))
    ));
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn foreign_sqlite_file_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "PRAGMA journal_mode=WAL; CREATE TABLE notes(x); INSERT INTO notes VALUES (1);",
        )
        .unwrap();
    }
    let err = assert_refused_untouched(&path);
    assert!(matches!(err, StoreError::NotOurs(_)), "{err:?}");
    assert!(err.to_string().contains("pas une base cercles"));
}

#[test]
fn text_and_empty_files_are_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.txt");
    fs::write(&text, "nom;prenom\nDupont;Camille\n").unwrap();
    let err = assert_refused_untouched(&text);
    assert!(matches!(err, StoreError::NotADatabase(_)), "{err:?}");
    let empty = dir.path().join("vide.db");
    fs::write(&empty, "").unwrap();
    assert!(matches!(
        assert_refused_untouched(&empty),
        StoreError::NotADatabase(_)
    ));
}

#[test]
fn truncated_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = fresh(&dir);
    let bytes = fs::read(&path).unwrap();
    fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    let err = assert_refused_untouched(&path);
    assert!(matches!(err, StoreError::Corrupt(..)), "{err:?}");
    // Cut in the middle of a page too.
    fs::write(&path, &bytes[..4096 + 100]).unwrap();
    assert!(matches!(
        assert_refused_untouched(&path),
        StoreError::Corrupt(..)
    ));
}

#[test]
fn missing_file_is_a_clear_error_and_is_not_created() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("absent.db");
    let err = Store::open(&path, &admin()).err().unwrap();
    assert!(matches!(err, StoreError::Missing(_)));
    assert!(err.to_string().contains("cercles init"));
    assert!(!path.exists());
}

#[test]
fn newer_schema_opens_read_only_and_refuses_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = fresh(&dir);
    rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let before = fs::read(&path).unwrap();
    let mut store = Store::open(&path, &admin()).unwrap();
    assert!(store.is_read_only());
    let circle = store.circles().unwrap().remove(0);
    let err = store
        .update_circle_sheet(circle.id, circle.version, &circle.sheet)
        .err()
        .unwrap();
    assert!(matches!(err, StoreError::ReadOnly), "{err:?}");
    drop(store);
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn older_schema_is_refused_to_a_non_admin() {
    let dir = tempfile::tempdir().unwrap();
    let path = fresh(&dir);
    Store::open(&path, &admin())
        .unwrap()
        .add_user("lou", Role::Benevole, None)
        .unwrap();
    rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", 0)
        .unwrap();
    let err = Store::open(&path, "lou").err().unwrap();
    assert!(matches!(err, StoreError::OlderSchema { .. }), "{err:?}");
    assert!(err.to_string().contains("admin"));
}

#[test]
fn a_binary_older_than_the_file_stops_writing_mid_session() {
    let dir = tempfile::tempdir().unwrap();
    let path = fresh(&dir);
    let mut store = Store::open(&path, &admin()).unwrap();
    // Another (newer) binary upgrades the file while this session is open.
    rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_update(
            None,
            "user_version",
            cercles::store::open::schema_version() + 1,
        )
        .unwrap();
    let circle = store.circles().unwrap().remove(0);
    let err = store
        .update_circle_sheet(circle.id, circle.version, &circle.sheet)
        .err()
        .unwrap();
    assert!(matches!(err, StoreError::SchemaChanged), "{err:?}");
}

#[test]
fn stale_version_is_a_conflict_carrying_the_current_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = fresh(&dir);
    let mut alice = Store::open(&path, &admin()).unwrap();
    let mut bob = Store::open(&path, &admin()).unwrap();
    let loaded = alice.circle_named("Finances").unwrap().unwrap();
    let mut theirs = loaded.sheet.clone();
    theirs.purpose = "Des comptes exacts.".into();
    let saved = bob
        .update_circle_sheet(loaded.id, loaded.version, &theirs)
        .unwrap();
    assert_eq!(saved.version, loaded.version + 1);
    let mut mine = loaded.sheet.clone();
    mine.purpose = "Une trésorerie sereine.".into();
    let err = alice
        .update_circle_sheet(loaded.id, loaded.version, &mine)
        .err()
        .unwrap();
    let current: cercles::model::Circle = err.conflict_row().expect("conflict with the row");
    assert_eq!(current.sheet.purpose, "Des comptes exacts.");
    assert_eq!(current.version, saved.version);
    // Nothing of the refused edit was written.
    let now = alice.circle(loaded.id).unwrap().unwrap();
    assert_eq!(now.sheet.purpose, "Des comptes exacts.");
}

#[test]
fn each_write_appends_exactly_one_audit_entry_and_the_chain_verifies() {
    let dir = tempfile::tempdir().unwrap();
    let path = fresh(&dir);
    let mut store = Store::open(&path, &admin()).unwrap();
    let start = audit_count(&path);
    let c = store.circle_named("Plaidoyer").unwrap().unwrap();
    let sheet = CircleSheet {
        purpose: "Porter la démocratie locale.".into(),
        ..c.sheet.clone()
    };
    store.update_circle_sheet(c.id, c.version, &sheet).unwrap();
    assert_eq!(audit_count(&path), start + 1);
    store.add_user("sam", Role::Lecture, None).unwrap();
    assert_eq!(audit_count(&path), start + 2);
    // A refused write appends nothing.
    let _ = store.update_circle_sheet(c.id, c.version, &sheet);
    assert_eq!(audit_count(&path), start + 2);
    assert_eq!(store.check().unwrap(), Ok(start + 2));

    let conn = rusqlite::Connection::open(&path).unwrap();
    let (id, after): (i64, String) = conn
        .query_row(
            "SELECT id, after FROM audit WHERE tbl = 'circles' ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(after.contains("Porter la démocratie locale."));
    drop(conn);
    common::tamper(
        &path,
        &format!("UPDATE audit SET after = replace(after, 'locale', 'globale') WHERE id = {id}"),
    );
    let problem = store.check().unwrap().expect_err("tampering detected");
    assert!(problem.contains(&format!("n° {id}")), "{problem}");
}

#[test]
fn an_entry_marked_erased_that_keeps_values_is_tampering() {
    let dir = tempfile::tempdir().unwrap();
    let path = fresh(&dir);
    let store = Store::open(&path, &admin()).unwrap();
    // Marked erased, its values rewritten: the trigger refuses it...
    let conn = rusqlite::Connection::open(&path).unwrap();
    assert!(
        conn.execute(
            "UPDATE audit SET erased = 1, after = '{\"name\":\"forgé\"}' WHERE id = 1",
            []
        )
        .is_err()
    );
    // ...and with the triggers out of the way, `check` sees it.
    common::tamper(
        &path,
        "UPDATE audit SET erased = 1, after = '{\"name\":\"forgé\",\"role\":\"admin\"}' WHERE id = 1",
    );
    let problem = store.check().unwrap().expect_err("tampering detected");
    assert!(problem.contains("n° 1"), "{problem}");
    // Values blanked by hand: still not an erasure by the program, and entry 1 is the first
    // admin (users are never erased).
    common::tamper(
        &path,
        "UPDATE audit SET before = NULL, after = NULL WHERE id = 1",
    );
    let problem = store.check().unwrap().expect_err("a hand-made erasure");
    assert!(problem.contains("n° 1"), "{problem}");
}

#[test]
fn a_demoted_or_removed_user_s_session_follows_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = fresh(&dir);
    let mut admin_store = Store::open(&path, &admin()).unwrap();
    admin_store
        .add_user("coord", Role::Coordination, None)
        .unwrap();
    let mut session = Store::open(&path, "coord").unwrap();
    assert!(!session.changed_elsewhere().unwrap());
    admin_store.set_user_role("coord", Role::Lecture).unwrap();
    assert!(session.changed_elsewhere().unwrap());
    assert_eq!(session.actor().role, Role::Lecture);
    admin_store.remove_user("coord").unwrap();
    let err = session.changed_elsewhere().unwrap_err();
    assert!(matches!(err, StoreError::UnknownActor(_)), "{err:?}");
    assert_eq!(session.actor().role, Role::Lecture);
}

#[test]
fn audit_rows_cannot_be_deleted_or_rechained() {
    let dir = tempfile::tempdir().unwrap();
    let path = fresh(&dir);
    let conn = rusqlite::Connection::open(&path).unwrap();
    assert!(conn.execute("DELETE FROM audit WHERE id = 1", []).is_err());
    assert!(
        conn.execute("UPDATE audit SET chain = 'x' WHERE id = 1", [])
            .is_err()
    );
}

#[test]
fn lecture_user_cannot_write() {
    let dir = tempfile::tempdir().unwrap();
    let path = fresh(&dir);
    Store::open(&path, &admin())
        .unwrap()
        .add_user("lea", Role::Lecture, None)
        .unwrap();
    let start = audit_count(&path);
    let mut store = Store::open(&path, "lea").unwrap();
    let c = store.circles().unwrap().remove(0);
    let err = store
        .update_circle_sheet(c.id, c.version, &c.sheet)
        .err()
        .unwrap();
    assert!(matches!(err, StoreError::Forbidden { .. }), "{err:?}");
    assert!(err.to_string().contains("lecture"));
    assert!(store.add_user("x", Role::Admin, None).is_err());
    assert_eq!(audit_count(&path), start);
}

#[test]
fn a_role_lowered_by_an_admin_takes_effect_on_the_next_write() {
    let dir = tempfile::tempdir().unwrap();
    let path = fresh(&dir);
    let mut admin_store = Store::open(&path, &admin()).unwrap();
    admin_store
        .add_user("noa", Role::Coordination, None)
        .unwrap();
    let mut noa = Store::open(&path, "noa").unwrap();
    admin_store.set_user_role("noa", Role::Lecture).unwrap();
    let c = noa.circles().unwrap().remove(0);
    assert!(matches!(
        noa.update_circle_sheet(c.id, c.version, &c.sheet),
        Err(StoreError::Forbidden { .. })
    ));
}

#[test]
fn unknown_actor_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = fresh(&dir);
    let err = Store::open(&path, "nobody").err().unwrap();
    assert!(matches!(err, StoreError::UnknownActor(_)));
    assert!(err.to_string().contains("« nobody »"));
}

#[test]
fn the_last_admin_stays() {
    let dir = tempfile::tempdir().unwrap();
    let path = fresh(&dir);
    let mut store = Store::open(&path, &admin()).unwrap();
    assert!(store.remove_user(&admin()).is_err());
    assert!(store.set_user_role(&admin(), Role::Lecture).is_err());
    store.add_user("ada", Role::Admin, None).unwrap();
    store.set_user_role("ada", Role::Benevole).unwrap();
    store.set_user_role("ada", Role::Admin).unwrap();
    store.remove_user("ada").unwrap();
    assert_eq!(store.users().unwrap().len(), 1);
}

#[test]
fn change_detection_sees_other_connections_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = fresh(&dir);
    let mut watcher = Store::open(&path, &admin()).unwrap();
    let mut writer = Store::open(&path, &admin()).unwrap();
    assert!(!watcher.changed_elsewhere().unwrap());
    writer.add_user("tom", Role::Benevole, None).unwrap();
    assert!(watcher.changed_elsewhere().unwrap());
    assert!(!watcher.changed_elsewhere().unwrap());
    watcher.add_user("zoe", Role::Benevole, None).unwrap();
    assert!(!watcher.changed_elsewhere().unwrap());
}

#[test]
fn concurrent_writers_wait_for_each_other_instead_of_failing() {
    let dir = tempfile::tempdir().unwrap();
    let path = fresh(&dir);
    let threads: Vec<_> = (0..4)
        .map(|t| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut store = Store::open(&path, &admin()).unwrap();
                for i in 0..15 {
                    store
                        .add_user(&format!("u{t}-{i}"), Role::Benevole, None)
                        .unwrap();
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    let store = Store::open(&path, &admin()).unwrap();
    assert_eq!(store.users().unwrap().len(), 61);
    assert!(store.check().unwrap().is_ok());
}

#[test]
fn backup_is_a_checked_private_copy() {
    let dir = tempfile::tempdir().unwrap();
    let path = fresh(&dir);
    let store = Store::open(&path, &admin()).unwrap();
    let copy = dir.path().join("copie.db");
    store.backup(&copy).unwrap();
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        fs::metadata(&copy).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let restored = Store::open(&copy, &admin()).unwrap();
    assert!(restored.check().unwrap().is_ok());
    assert_eq!(restored.circles().unwrap().len(), 9);
    // Never overwrite an existing file.
    let err = store.backup(&copy).err().unwrap();
    assert!(matches!(err, StoreError::AlreadyExists(_)));
}

#[test]
fn concurrent_creations_of_one_file_leave_exactly_one_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let outcomes: Vec<_> = (0..4)
        .map(|_| {
            let path = path.clone();
            std::thread::spawn(move || Store::create(&path, &admin()))
        })
        .map(|t| t.join().unwrap())
        .collect();
    let created = outcomes.iter().filter(|o| o.is_ok()).count();
    assert_eq!(created, 1, "{outcomes:?}");
    assert!(
        outcomes
            .iter()
            .all(|o| o.is_ok() || matches!(o, Err(StoreError::AlreadyExists(_))))
    );
    let store = Store::open(&path, &admin()).unwrap();
    assert!(store.check().unwrap().is_ok());
    drop(store);
    // Nothing but the database is left in the directory.
    let names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["t.db"], "{names:?}");
}

#[test]
fn a_killed_creation_leaves_no_litter_after_the_next_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    // A pid above the kernel's maximum cannot be alive.
    let stale = dir.path().join("t.db.creation-99999999");
    fs::write(&stale, b"half made").unwrap();
    Store::create(&path, &admin()).unwrap();
    assert!(!stale.exists());
}

#[test]
fn a_file_mid_checkpoint_with_its_log_beside_it_is_sound() {
    let dir = tempfile::tempdir().unwrap();
    let path = fresh(&dir);
    let mut store = Store::open(&path, &admin()).unwrap();
    for i in 0..200 {
        store
            .add_user(&format!("benevole{i}"), Role::Benevole, None)
            .unwrap();
    }
    // Copy the file and its log while the log still holds the writes, as a kill would leave
    // them; then make the file's header promise more pages than it has, as a checkpoint
    // killed after writing page 1 does.
    let copy = dir.path().join("copie.db");
    fs::copy(&path, &copy).unwrap();
    fs::copy(dir.path().join("t.db-wal"), dir.path().join("copie.db-wal")).unwrap();
    drop(store);
    let mut bytes = fs::read(&copy).unwrap();
    let pages = u32::from_be_bytes(bytes[28..32].try_into().unwrap());
    bytes[28..32].copy_from_slice(&(pages + 8).to_be_bytes());
    fs::write(&copy, &bytes).unwrap();
    let reopened = Store::open(&copy, &admin()).unwrap();
    assert!(reopened.check().unwrap().is_ok());
    assert_eq!(reopened.users().unwrap().len(), 201);
}

#[test]
fn backup_is_for_admins_and_leaves_no_half_copy() {
    let dir = tempfile::tempdir().unwrap();
    let path = fresh(&dir);
    let mut store = Store::open(&path, &admin()).unwrap();
    store.add_user("lou", Role::Lecture, None).unwrap();
    drop(store);
    // A full copy holds every contact detail: not for a role that may not see them.
    let reader = Store::open(&path, "lou").unwrap();
    let copy = dir.path().join("copie.db");
    let err = reader.backup(&copy).err().unwrap();
    assert!(matches!(err, StoreError::AdminOnly { .. }), "{err:?}");
    assert!(err.to_string().contains("réservé aux admins"));
    assert!(!copy.exists());
    // The leftovers of a backup killed half-way are cleared, and the name stays free.
    let stale = dir.path().join("copie.db.backup-4000000");
    fs::write(&stale, b"half").unwrap();
    let store = Store::open(&path, &admin()).unwrap();
    store.backup(&copy).unwrap();
    assert!(!stale.exists());
    let names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("copie"))
        .collect();
    assert_eq!(names, ["copie.db"]);
    // A database from a newer cercles can be copied before upgrading.
    drop(store);
    rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let newer = Store::open(&path, &admin()).unwrap();
    assert!(newer.is_read_only());
    let copy2 = dir.path().join("avant-mise-a-jour.db");
    newer.backup(&copy2).unwrap();
    assert!(copy2.exists());
    let err = newer.check().unwrap().unwrap_err();
    assert!(err.contains("version plus récente"), "{err}");
}

#[test]
fn check_names_rows_changed_added_or_removed_behind_the_program() {
    let dir = tempfile::tempdir().unwrap();
    let path = fresh(&dir);
    let mut store = Store::open(&path, &admin()).unwrap();
    store.add_user("lou", Role::Lecture, None).unwrap();
    assert!(store.check().unwrap().is_ok());
    let conn = rusqlite::Connection::open(&path).unwrap();
    // Making oneself admin with a raw SQL edit.
    conn.execute("UPDATE users SET role = 'admin' WHERE name = 'lou'", [])
        .unwrap();
    let problem = store.check().unwrap().expect_err("the edit is seen");
    assert!(problem.contains("table users"), "{problem}");
    conn.execute("UPDATE users SET role = 'lecture' WHERE name = 'lou'", [])
        .unwrap();
    assert!(store.check().unwrap().is_ok(), "put back, it matches again");
    // A person added behind the program's back.
    conn.execute(
        "INSERT INTO people(last_name, first_name) VALUES ('X', 'Y')",
        [],
    )
    .unwrap();
    let problem = store.check().unwrap().expect_err("the insert is seen");
    assert!(problem.contains("table people"), "{problem}");
}

//! The real binary: init, check, backup, users, exit codes and messages.

mod common;
use std::fs;
use std::path::Path;

use assert_cmd::Command;

fn cercles(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("cercles").unwrap();
    cmd.env_remove("CERCLES_DB")
        .env("CERCLES_LOG", "off")
        .env("CERCLES_TODAY", "2025-11-20")
        .arg("--db")
        .arg(db);
    cmd
}

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn init_then_check_passes_and_the_file_is_wal() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    cercles(&db).arg("init").assert().success();
    let out = cercles(&db).arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("tout est bon"));
    let conn = rusqlite::Connection::open(&db).unwrap();
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    // A second init on an up-to-date file changes nothing.
    let out = cercles(&db).arg("init").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("déjà à jour"));
}

#[test]
fn files_that_are_not_ours_exit_1_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("membres.csv");
    fs::write(&text, "nom;prenom\nDupont;Camille\n").unwrap();
    let foreign = dir.path().join("autre.db");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (42);")
        .unwrap();
    for file in [&text, &foreign] {
        let before = fs::read(file).unwrap();
        for args in [vec!["check"], vec!["init"], vec!["backup", "copie.db"]] {
            let out = cercles(file)
                .current_dir(dir.path())
                .args(&args)
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(1), "{args:?} {}", stderr_of(&out));
            let err = stderr_of(&out);
            assert_eq!(err.lines().count(), 1, "one clear line: {err}");
            assert!(err.contains("pas une base"), "{err}");
            assert_eq!(fs::read(file).unwrap(), before);
        }
        assert!(!Path::new(&format!("{}-wal", file.display())).exists());
        assert!(!Path::new(&format!("{}-shm", file.display())).exists());
        assert!(!dir.path().join("copie.db").exists());
    }
}

#[test]
fn an_unknown_actor_is_refused_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    cercles(&db).arg("init").assert().success();
    let out = cercles(&db)
        .args(["--as", "nobody", "check"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert!(
        err.contains("« nobody » n'est pas un·e utilisateur·rice"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);
}

#[test]
fn backup_then_check_of_the_copy() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let copy = dir.path().join("b.db");
    cercles(&db).arg("init").assert().success();
    cercles(&db).arg("backup").arg(&copy).assert().success();
    cercles(&copy).arg("check").assert().success();
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        fs::metadata(&copy).unwrap().permissions().mode() & 0o777,
        0o600
    );
    // The copy is never overwritten.
    let out = cercles(&db).arg("backup").arg(&copy).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr_of(&out).contains("existe déjà"));
}

#[test]
fn check_names_a_tampered_audit_entry() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    cercles(&db).arg("init").assert().success();
    common::tamper(&db, "UPDATE audit SET after = '{}' WHERE id = 3");
    let out = cercles(&db).arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr_of(&out).contains("entrée n° 3"),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn users_add_list_role_remove_and_roles_enforced() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    cercles(&db).arg("init").assert().success();
    cercles(&db)
        .args(["users", "add", "camille", "--role", "benevole"])
        .assert()
        .success();
    cercles(&db)
        .args(["users", "add", "lou", "--role", "lecture"])
        .assert()
        .success();
    let out = cercles(&db).args(["users", "list"]).output().unwrap();
    let list = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(list.contains("camille\tbénévole"), "{list}");
    assert!(list.contains("lou\tlecture"), "{list}");
    cercles(&db)
        .args(["users", "role", "camille", "coordination"])
        .assert()
        .success();
    let out = cercles(&db).args(["users", "list"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("camille\tcoordination"));
    // Only an admin manages users.
    let out = cercles(&db)
        .args(["--as", "lou", "users", "add", "x", "--role", "admin"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr_of(&out).contains("ne permet pas"));
    // A bad role is named, as a malformed command (exit 2, like a bad --format).
    let out = cercles(&db)
        .args(["users", "add", "x", "--role", "chef"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("« chef » n'est pas un rôle"));
    cercles(&db)
        .args(["users", "remove", "camille"])
        .assert()
        .success();
    // The last admin cannot be removed.
    let me = cercles::store::users::os_user_name().unwrap();
    let out = cercles(&db)
        .args(["users", "remove", &me])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr_of(&out).contains("dernier·e admin"));
}

#[test]
fn usage_errors_exit_2_in_french() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let out = cercles(&db).arg("frobnicate").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("commande inconnue"));
    let out = cercles(&db).args(["check", "--bogus"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("option ou argument inconnu"));
    let out = Command::cargo_bin("cercles")
        .unwrap()
        .arg("--help")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let help = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(help.contains("Utilisation"), "{help}");
    assert!(help.contains("Afficher cette aide"));
}

#[test]
fn version_prints_the_cargo_version_and_exits_0() {
    // Before any database or configuration is read: a missing one does not matter.
    let dir = tempfile::tempdir().unwrap();
    let out = cercles(&dir.path().join("absent.db"))
        .env("CERCLES_LOG", "off")
        .env("CERCLES_CONFIG", dir.path().join("absent.toml"))
        .arg("--version")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("cercles {}\n", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(env!("CARGO_PKG_VERSION"), "0.1.0");
    assert!(out.stderr.is_empty());
}

#[test]
fn a_missing_database_is_named_and_not_created_by_check() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("absent.db");
    let out = cercles(&db).arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr_of(&out).contains("cercles init"));
    assert!(!db.exists());
}

#[test]
fn demo_init_holds_the_circles_sheets_and_reference_date() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    cercles(&db).args(["init", "--demo"]).assert().success();
    cercles(&db).arg("check").assert().success();
    let me = cercles::store::users::os_user_name().unwrap();
    let store = cercles::store::Store::open(&db, &me).unwrap();
    assert_eq!(
        store.meta("reference_date").unwrap().as_deref(),
        Some("2025-11-20")
    );
    for c in store.circles().unwrap() {
        assert!(
            !c.sheet.purpose.is_empty(),
            "{} has no raison d'être",
            c.name()
        );
        assert!(!c.sheet.missions.is_empty(), "{} has no missions", c.name());
    }
    // --demo never overwrites an existing file.
    let out = cercles(&db).args(["init", "--demo"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_kill_during_init_leaves_no_half_made_database() {
    let bin = assert_cmd::cargo::cargo_bin("cercles");
    for delay_ms in [0u64, 5, 20, 60] {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("demo.db");
        let mut child = std::process::Command::new(&bin)
            .env("CERCLES_LOG", "off")
            .env("CERCLES_TODAY", "2025-11-20")
            .arg("--db")
            .arg(&db)
            .args(["init", "--demo"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        // Either the database is complete, or it is not there at all.
        if db.exists() {
            cercles(&db).arg("check").assert().success();
        } else {
            let out = cercles(&db).arg("check").output().unwrap();
            assert_eq!(out.status.code(), Some(1));
        }
        // A new init always works afterwards.
        if !db.exists() {
            cercles(&db).args(["init", "--demo"]).assert().success();
        }
    }
}

/// A FIFO (or a device) given as the database must not block the open: refused at once.
#[test]
fn a_fifo_or_a_device_as_database_is_refused_without_hanging() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    for (db, args) in [
        (fifo.as_path(), &["check"][..]),
        (fifo.as_path(), &["init"][..]),
        (Path::new("/dev/null"), &["check"][..]),
    ] {
        let out = cercles(db)
            .args(args)
            .timeout(std::time::Duration::from_secs(20))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
        let err = stderr_of(&out);
        assert!(err.contains("pas un fichier ordinaire"), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}

/// `--as` with control characters, a huge name or `-`: one short line, no echo of it all, and
/// no advice to `users add` a name that could never be one.
#[test]
fn a_hostile_actor_name_is_refused_in_one_short_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    cercles(&db).arg("init").assert().success();
    for name in ["a\u{1b}[31mb", &"x".repeat(100_000), "-", ""] {
        let out = cercles(&db)
            .arg("--as")
            .arg(name)
            .arg("check")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let err = stderr_of(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.len() < 400, "{}", err.len());
        assert!(
            !err.contains('\u{1b}') && !err.contains("users add"),
            "{err}"
        );
        assert!(
            err.contains("n'est pas un nom d'utilisateur·rice valable"),
            "{err}"
        );
    }
}

/// `init` on a file from a newer cercles: no "déjà à jour", a refusal, the file untouched.
#[test]
fn init_on_a_newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    cercles(&db).arg("init").assert().success();
    rusqlite::Connection::open(&db)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let before = fs::read(&db).unwrap();
    let out = cercles(&db).arg("init").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("à jour"));
    assert!(
        stderr_of(&out).contains("lecture seule"),
        "{}",
        stderr_of(&out)
    );
    assert_eq!(fs::read(&db).unwrap(), before);
}

/// Our application_id but no schema (user_version 0): not "ask an admin to run init", which
/// could never work, but a damaged file, left untouched.
#[test]
fn our_mark_without_a_schema_is_a_damaged_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.pragma_update(None, "application_id", 0x4352_4C53)
            .unwrap();
        conn.execute_batch("CREATE TABLE x(a);").unwrap();
    }
    let before = fs::read(&db).unwrap();
    for args in [&["check"][..], &["init"][..]] {
        let out = cercles(&db).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        let err = stderr_of(&out);
        assert!(err.contains("endommagée") && !err.contains("init"), "{err}");
    }
    assert_eq!(fs::read(&db).unwrap(), before);
    assert!(!dir.path().join("t.db-wal").exists());
}

#[test]
fn a_failed_command_is_kept_in_the_log_file_with_what_was_run() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("journal").join("cercles.log");
    let text = dir.path().join("notes.txt");
    fs::write(&text, "pas une base\n").unwrap();
    let out = cercles(&text)
        .env("CERCLES_LOG", &log)
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let written = fs::read_to_string(&log).unwrap();
    assert_eq!(written.lines().count(), 1, "{written}");
    assert!(written.contains(" ERROR "), "{written}");
    assert!(written.contains("notes.txt"), "{written}");
    assert!(written.contains("check (sortie 1)"), "{written}");
    cercles(&text)
        .env("CERCLES_LOG", &log)
        .arg("--nimporte")
        .assert()
        .code(2);
    let now = fs::read_to_string(&log).unwrap();
    assert_eq!(now.lines().count(), 2, "{now}");
    assert!(now.contains("--nimporte (sortie 2)"), "{now}");
    // Turned off: nothing written.
    let off = dir.path().join("off.log");
    cercles(&text)
        .env("CERCLES_LOG", "off")
        .arg("check")
        .assert()
        .code(1);
    assert!(!off.exists());
}

#[test]
fn check_and_backup_print_the_head_and_check_verifies_a_kept_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    cercles(&db).arg("init").assert().success();
    let out = cercles(&db).arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let head = stdout
        .lines()
        .find_map(|l| l.strip_prefix("tête du journal : "))
        .unwrap_or_else(|| panic!("no head line in {stdout}"))
        .to_string();
    let (n, digest) = head.split_once(':').unwrap();
    assert!(n.parse::<i64>().unwrap() > 0);
    assert_eq!(digest.len(), 64);

    // The nightly backup's log line carries the same head.
    let copy = dir.path().join("copie.db");
    let out = cercles(&db).arg("backup").arg(&copy).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains(&format!("tête du journal : {head}"))
    );

    // Kept, it is verified later, after more writes.
    cercles(&db)
        .args(["users", "add", "camille", "--role", "benevole"])
        .assert()
        .success();
    let out = cercles(&db)
        .args(["check", "--head", &head])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("toujours dans le journal")
    );

    // A head that is not in the chain fails; a malformed one is a usage error.
    let wrong = format!("{n}:{}", "0".repeat(64));
    let out = cercles(&db)
        .args(["check", "--head", &wrong])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr_of(&out).contains("réécrit"), "{}", stderr_of(&out));
    let out = cercles(&db)
        .args(["check", "--head", "douze"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("tête de journal"),
        "{}",
        stderr_of(&out)
    );
}

//! Bounded work on bad input: a members file past the limits is refused at once, naming the
//! limit and the line; messages and listings stay short; the write lock is taken only once
//! every line has been checked.

use std::time::{Duration, Instant};

use assert_cmd::Command;
use chrono::NaiveDate;
use tempfile::TempDir;

use cercles::exchange::members::{import_members, parse_members};
use cercles::model::PersonDraft;
use cercles::store::Store;
use cercles::store::import_people::NewMember;

mod common;

fn fresh() -> (TempDir, std::path::PathBuf, Store) {
    common::quiet_log();
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("t.db");
    let today = NaiveDate::from_ymd_opt(2025, 11, 20).unwrap();
    Store::create_with(&path, "admin", Some(today), |_| Ok(())).unwrap();
    let store = Store::open(&path, "admin").unwrap();
    (dir, path, store)
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 11, 20).unwrap()
}

#[test]
fn too_many_rows_columns_or_a_long_line_is_refused_naming_the_line_and_the_limit() {
    let (_dir, _path, mut s) = fresh();
    let rows = format!("nom\n{}", "Dupont\n".repeat(100_001));
    let err = import_members(&mut s, rows.as_bytes(), true)
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("ligne 100002 : "), "{err}");
    assert!(err.contains("100 000 lignes"), "{err}");

    let long = format!("nom{}\n", ";".repeat(16 * 1024 * 1024 - 8));
    let started = Instant::now();
    let err = import_members(&mut s, long.as_bytes(), true)
        .unwrap_err()
        .to_string();
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(
        err.starts_with("ligne 1 : ligne de plus de 64 Kio"),
        "{err}"
    );
}

#[test]
fn unknown_columns_are_named_the_first_few_then_counted() {
    let circles = Vec::new();
    let titles: Vec<String> = (1..=40).map(|i| format!("inconnue{i}")).collect();
    let text = format!("nom;{}\nDurand;\n", titles.join(";"));
    let err = parse_members(text.as_bytes(), &circles, today())
        .unwrap_err()
        .to_string();
    assert!(err.contains("« inconnue5 »"), "{err}");
    assert!(!err.contains("inconnue6"), "{err}");
    assert!(err.contains("et 35 autres"), "{err}");
    assert!(err.len() < 1024, "{} bytes", err.len());

    // A header of a hundred thousand columns, no `nom` among the first: a short error too.
    let wide = format!("{}nom\n", "prenom;".repeat(100_000));
    let err = parse_members(wide.as_bytes(), &circles, today())
        .unwrap_err()
        .to_string();
    assert!(err.len() < 1024, "{} bytes: {}", err.len(), &err[..200]);
}

/// Another session holds the write lock (it is saving) for as long as the test runs.
fn hold_write_lock(path: &std::path::Path) -> rusqlite::Connection {
    let other = rusqlite::Connection::open(path).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    other
}

#[test]
fn a_line_refused_by_the_store_is_said_before_the_write_lock_is_waited_for() {
    let (_dir, path, mut s) = fresh();
    let members: Vec<NewMember> = [("Durand", ""), ("Martin", "pas-une-adresse")]
        .into_iter()
        .enumerate()
        .map(|(i, (name, email))| NewMember {
            line: i as u64 + 2,
            draft: PersonDraft {
                last_name: name.into(),
                email: email.into(),
                ..PersonDraft::default()
            },
            roles: Vec::new(),
            left_on: None,
        })
        .collect();
    let _other = hold_write_lock(&path);
    for dry_run in [true, false] {
        let started = Instant::now();
        let err = s
            .import_members(&members, today(), dry_run)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("ligne 3"), "{err}");
        // Checked without the lock: no wait for the busy timeout (5 s).
        assert!(started.elapsed() < Duration::from_secs(2), "{dry_run}");
    }
}

fn cercles(db: &std::path::Path) -> Command {
    let mut cmd = common::command();
    cmd.arg("--db").arg(db).args(["--as", "admin"]);
    cmd
}

#[test]
fn a_file_of_one_line_repeated_lists_twenty_skipped_lines_then_a_count() {
    let (dir, db, _s) = fresh();
    let file = dir.path().join("m.csv");
    std::fs::write(&file, format!("nom\n{}", "Dupont\n".repeat(100))).unwrap();
    let out = cercles(&db)
        .args(["import", "members"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.matches("ignoré·e").count(), 20, "{stdout}");
    assert!(stdout.ends_with("  … et 79 autres\n"), "{stdout}");
    assert_eq!(stdout.lines().count(), 22, "{stdout}");

    // A trial lists twenty of the people it would add, then counts the others.
    let names: String = (0..50).map(|i| format!("Nom{i}\n")).collect();
    std::fs::write(&file, format!("nom\n{names}")).unwrap();
    let out = cercles(&db)
        .args(["import", "members", "--dry-run"])
        .arg(&file)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.matches("serait ajouté·e").count(), 20, "{stdout}");
    assert!(stdout.contains("  … et 30 autres\n"), "{stdout}");
}

/// The log of whoever runs the tests is left alone: a failing command writes no log where
/// its state directory is, and this process logs nowhere. (Not checked on the real log: on a
/// shared machine others may be writing to it.)
#[test]
fn tests_leave_the_real_log_alone() {
    let dir = TempDir::new().unwrap();
    let state = dir.path().join("state");
    let out = cercles(&dir.path().join("absente.db"))
        .env("XDG_STATE_HOME", &state)
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!state.exists(), "the binary wrote a log");
    // The same command without the tests' setting does log there: the check above means it.
    let out = cercles(&dir.path().join("absente.db"))
        .env_remove("CERCLES_LOG")
        .env("XDG_STATE_HOME", &state)
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(state.join("cercles").join("cercles.log").exists());
    common::quiet_log();
    assert_eq!(cercles::log::path(), None);
}

//! The database file on the command line: which paths are created and which refused, what a
//! refusal leaves beside the file (nothing), a newer schema never written, and simultaneous
//! `init`s that all give the same answer.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use assert_cmd::Command;

/// The binary with no database chosen: neither `--db` nor `$CERCLES_DB`, and the data
/// directory under `home`.
fn cercles_in(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("cercles").unwrap();
    cmd.env_remove("CERCLES_DB")
        .env("CERCLES_LOG", "off")
        .env("CERCLES_TODAY", "2025-11-20")
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"));
    cmd
}

fn cercles(db: &Path) -> Command {
    let mut cmd = cercles_in(db.parent().unwrap_or(Path::new(".")));
    cmd.arg("--db").arg(db);
    cmd
}

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn the_ui_refuses_an_explicit_path_that_does_not_exist() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.db");
    cercles(&good).arg("init").assert().success();
    let typo = dir.path().join("good.dbb");
    let nested = dir.path().join("nodir/sub/x.db");
    for db in [&typo, &nested] {
        let out = cercles(db).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
        let err = stderr_of(&out);
        assert_eq!(err.lines().count(), 1, "one line: {err}");
        assert!(err.contains("n'existe pas"), "{err}");
        assert!(err.contains("cercles init"), "{err}");
        assert!(!db.exists(), "{} was created", db.display());
    }
    assert!(!dir.path().join("nodir").exists(), "no folder was created");
    // The same through $CERCLES_DB.
    let out = cercles_in(dir.path())
        .env("CERCLES_DB", &typo)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("cercles init"));
    assert!(!typo.exists());
}

#[test]
fn init_refuses_a_folder_that_does_not_exist() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("nodir/sub/x.db");
    let out = cercles(&db).arg("init").output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    let err = stderr_of(&out);
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.contains("dossier"), "{err}");
    assert!(err.contains("n'existe pas"), "{err}");
    assert!(!dir.path().join("nodir").exists(), "no folder was created");
}

#[test]
fn init_on_the_default_path_creates_the_data_folder() {
    let home = tempfile::tempdir().unwrap();
    let out = cercles_in(home.path()).arg("init").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(home.path().join("data/cercles/cercles.db").is_file());
}

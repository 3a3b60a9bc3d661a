//! The database file on the command line: which paths are created and which refused, what a
//! refusal leaves beside the file (nothing), a newer schema never written, and simultaneous
//! `init`s that all give the same answer.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};

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

fn sidecars(db: &Path) -> Vec<PathBuf> {
    ["-wal", "-shm", "-journal"]
        .iter()
        .map(|s| {
            let mut p = db.as_os_str().to_owned();
            p.push(s);
            PathBuf::from(p)
        })
        .filter(|p| p.exists())
        .collect()
}

/// Files cercles must refuse, each in a folder of its own: a cercles database cut short, a
/// foreign SQLite file in WAL mode (so that SQLite, if it opened it, would make a -wal and a
/// -shm), the same without WAL, and a text file.
fn files_to_refuse(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let truncated = dir.join("t/coupee.db");
    fs::create_dir(truncated.parent().unwrap()).unwrap();
    cercles(&truncated).arg("init").assert().success();
    let bytes = fs::read(&truncated).unwrap();
    fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    files.push(truncated);
    for (name, wal) in [("w/autre.db", true), ("r/autre.db", false)] {
        let foreign = dir.join(name);
        fs::create_dir(foreign.parent().unwrap()).unwrap();
        let conn = rusqlite::Connection::open(&foreign).unwrap();
        if wal {
            conn.pragma_update(None, "journal_mode", "WAL").unwrap();
        }
        conn.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (42);")
            .unwrap();
        conn.close().unwrap();
        files.push(foreign);
    }
    let text = dir.join("x/membres.db");
    fs::create_dir(text.parent().unwrap()).unwrap();
    fs::write(&text, "nom;prenom\nDupont;Camille\n").unwrap();
    files.push(text);
    for f in &files {
        assert!(sidecars(f).is_empty(), "{} starts clean", f.display());
    }
    files
}

#[test]
fn a_refused_file_is_left_as_found_by_every_command() {
    let dir = tempfile::tempdir().unwrap();
    for file in files_to_refuse(dir.path()) {
        let before = fs::read(&file).unwrap();
        for args in [
            vec![],
            vec!["init"],
            vec!["check"],
            vec!["export", "members"],
            vec!["users", "list"],
            vec!["import", "members", "-"],
        ] {
            let out = cercles(&file).args(&args).output().unwrap();
            assert_eq!(out.status.code(), Some(1), "{args:?} {}", stderr_of(&out));
            let err = stderr_of(&out);
            assert!(
                err.contains("laissé intact") || err.contains("endommagée"),
                "{args:?}: {err}"
            );
            assert!(
                fs::read(&file).unwrap() == before,
                "{args:?} changed {file:?}"
            );
            assert!(
                sidecars(&file).is_empty(),
                "{args:?} left {:?}",
                sidecars(&file)
            );
        }
    }
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

/// A cercles database whose schema a newer cercles moved on, with that newer program's last
/// writes still in the write-ahead log (it was killed, or is still running): the main file,
/// and the `-wal` beside it, no `-shm`.
fn newer_schema_with_frames_in_the_wal(dir: &Path) -> PathBuf {
    let made = dir.join("made/base.db");
    fs::create_dir(made.parent().unwrap()).unwrap();
    cercles(&made).arg("init").assert().success();
    let newer = cercles::store::open::schema_version() + 1;
    let conn = rusqlite::Connection::open(&made).unwrap();
    conn.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
    conn.pragma_update(None, "user_version", newer).unwrap();
    conn.execute(
        "INSERT INTO meta(key, value) VALUES ('from_a_newer_cercles', 'yes')",
        [],
    )
    .unwrap();
    // Copied while the writer still holds them: what a kill of the newer program leaves.
    let db = dir.join("base.db");
    fs::copy(&made, &db).unwrap();
    let mut wal = made.as_os_str().to_owned();
    wal.push("-wal");
    let mut wal_copy = db.as_os_str().to_owned();
    wal_copy.push("-wal");
    fs::copy(&wal, &wal_copy).unwrap();
    assert!(fs::metadata(&wal_copy).unwrap().len() > 0);
    drop(conn);
    db
}

#[test]
fn a_newer_schema_is_never_written_not_even_by_a_checkpoint() {
    let dir = tempfile::tempdir().unwrap();
    let db = newer_schema_with_frames_in_the_wal(dir.path());
    let before = fs::read(&db).unwrap();
    let out = cercles(&db).args(["export", "members"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("lecture seule"),
        "{}",
        stderr_of(&out)
    );
    assert!(fs::read(&db).unwrap() == before, "the main file changed");
    // The newer program's writes are still in its log, for it to find.
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    assert!(fs::metadata(&wal).unwrap().len() > 0);
}

#[test]
fn a_newer_schema_read_leaves_no_wal_or_shm_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("base.db");
    cercles(&db).arg("init").assert().success();
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.pragma_update(
        None,
        "user_version",
        cercles::store::open::schema_version() + 1,
    )
    .unwrap();
    conn.close().unwrap();
    assert!(sidecars(&db).is_empty());
    let before = fs::read(&db).unwrap();
    for args in [vec!["export", "members"], vec!["users", "list"]] {
        let out = cercles(&db).args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?} {}", stderr_of(&out));
        assert!(
            fs::read(&db).unwrap() == before,
            "{args:?} changed the file"
        );
        assert!(
            sidecars(&db).is_empty(),
            "{args:?} left {:?}",
            sidecars(&db)
        );
    }
    // Refused after the file was opened: the same.
    let out = cercles(&db)
        .args(["--as", "inconnu", "export", "members"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert!(fs::read(&db).unwrap() == before);
    assert!(sidecars(&db).is_empty(), "left {:?}", sidecars(&db));
}

/// Whether this process runs as root (who may write any file: a read-only file is only
/// read-only for someone else).
fn running_as_root() -> bool {
    fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("Uid:"))
                .map(|ids| ids.split_whitespace().next() == Some("0"))
        })
        .unwrap_or(false)
}

#[test]
fn a_file_opened_read_only_leaves_no_wal_or_shm() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("base.db");
    cercles(&db).arg("init").assert().success();
    assert!(sidecars(&db).is_empty());
    let mut perms = fs::metadata(&db).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o444);
    fs::set_permissions(&db, perms).unwrap();
    // Root may write a 0444 file: the program is then run as `nobody`, in a folder anyone
    // may write (SQLite makes its -wal and -shm there even to read).
    let mut cmd = if running_as_root() {
        let mut folder = fs::metadata(dir.path()).unwrap().permissions();
        std::os::unix::fs::PermissionsExt::set_mode(&mut folder, 0o777);
        fs::set_permissions(dir.path(), folder).unwrap();
        if std::process::Command::new("setpriv")
            .arg("--version")
            .output()
            .is_err()
        {
            eprintln!("running as root without setpriv: skipped");
            return;
        }
        let mut cmd = Command::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(env!("CARGO_BIN_EXE_cercles"))
            .env_remove("CERCLES_DB")
            .env("CERCLES_LOG", "off")
            .env("HOME", dir.path())
            .arg("--db")
            .arg(&db);
        cmd
    } else {
        cercles(&db)
    };
    let before = fs::read(&db).unwrap();
    let admin = cercles::store::users::os_user_name().unwrap();
    let out = cmd
        .args(["--as", &admin, "export", "members"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(fs::read(&db).unwrap() == before, "the file changed");
    assert!(sidecars(&db).is_empty(), "left {:?}", sidecars(&db));
}

#[test]
fn simultaneous_inits_on_a_new_path_answer_as_a_second_init_does() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("neuve.db");
    let start = std::sync::Arc::new(std::sync::Barrier::new(8));
    let runs: Vec<_> = (0..8)
        .map(|_| {
            let (db, start) = (db.clone(), std::sync::Arc::clone(&start));
            std::thread::spawn(move || {
                let mut cmd = cercles(&db);
                cmd.arg("init");
                start.wait();
                cmd.output().unwrap()
            })
        })
        .collect();
    let outs: Vec<_> = runs.into_iter().map(|r| r.join().unwrap()).collect();
    let stdout = |o: &std::process::Output| String::from_utf8_lossy(&o.stdout).into_owned();
    for o in &outs {
        assert_eq!(o.status.code(), Some(0), "{}", stderr_of(o));
    }
    let created = outs
        .iter()
        .filter(|o| stdout(o).contains("base créée"))
        .count();
    assert_eq!(created, 1);
    let second = cercles(&db).arg("init").output().unwrap();
    assert_eq!(second.status.code(), Some(0));
    let up_to_date = stdout(&second);
    assert!(up_to_date.contains("déjà à jour"), "{up_to_date}");
    let others: Vec<String> = outs
        .iter()
        .map(stdout)
        .filter(|s| !s.contains("base créée"))
        .collect();
    assert_eq!(others.len(), 7);
    for other in others {
        assert_eq!(other, up_to_date, "the same answer as a second init");
    }
    assert!(sidecars(&db).is_empty());
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "neuve.db")
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

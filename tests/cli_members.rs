//! The real binary: demo, members export and import, users linked to people.

use assert_cmd::Command;
use tempfile::TempDir;

fn cercles(db: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("cercles").unwrap();
    cmd.arg("--db")
        .arg(db)
        .env_remove("CERCLES_TODAY")
        .env("CERCLES_LOG", "off");
    cmd
}

fn demo() -> (TempDir, std::path::PathBuf) {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("demo.db");
    cercles(&db).args(["init", "--demo"]).assert().success();
    (dir, db)
}

#[test]
fn export_members_gives_about_seventy_rows() {
    let (dir, db) = demo();
    let out = cercles(&db).args(["export", "members"]).output().unwrap();
    assert!(out.status.success());
    assert!(out.stdout.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(out.stdout).unwrap();
    let rows = text.lines().count() - 1;
    assert!((70..=75).contains(&rows), "{rows}");
    assert!(text.contains("co-référent·e"));

    let file = dir.path().join("m.json");
    cercles(&db)
        .args(["export", "members", "--format", "json", "-o"])
        .arg(&file)
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(v.as_array().unwrap().len(), rows);
}

#[test]
fn a_bad_import_exits_1_naming_the_line_and_changes_nothing() {
    let (dir, db) = demo();
    let before = cercles(&db)
        .args(["export", "members"])
        .output()
        .unwrap()
        .stdout;
    let file = dir.path().join("bad.csv");
    std::fs::write(
        &file,
        "nom;prenom;email;cercles\nNeuf;Anne;anne@example.org;Finances\nVieux;Marc;marc@example;Plaidoyer\n",
    )
    .unwrap();
    let out = cercles(&db)
        .arg("import")
        .arg("members")
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("ligne 3, colonne e-mail"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    let after = cercles(&db)
        .args(["export", "members"])
        .output()
        .unwrap()
        .stdout;
    assert_eq!(before, after);

    // The good part alone, from stdin, with a dry run first.
    let good = "nom;prenom;email;cercles\nNeuf;Anne;anne@example.org;Finances\n";
    let out = cercles(&db)
        .args(["import", "members", "-", "--dry-run"])
        .write_stdin(good)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("rien n'a été écrit")
    );
    let out = cercles(&db)
        .args(["import", "members", "-"])
        .write_stdin(good)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("1 personne ajoutée")
    );
    let out = cercles(&db)
        .args(["import", "members", "-"])
        .write_stdin(good)
        .output()
        .unwrap();
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("1 ignorée (déjà là ou en double)")
    );
    cercles(&db).arg("check").assert().success();
}

#[test]
fn users_are_linked_to_people() {
    let (_dir, db) = demo();
    let out = cercles(&db)
        .args([
            "users",
            "add",
            "alice",
            "--role",
            "coordination",
            "--person",
            "Camille Aubert",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("Camille Aubert")
    );
    let out = cercles(&db)
        .args(["users", "add", "bob", "--role", "benevole"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let out = cercles(&db)
        .args(["users", "link", "bob", "nicolas.colin@example.org"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let list = String::from_utf8(
        cercles(&db)
            .args(["users", "list"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let bob = list.lines().find(|l| l.starts_with("bob\t")).unwrap();
    assert!(!bob.ends_with('\t'), "{bob}");
    let out = cercles(&db)
        .args(["users", "link", "bob", "Personne Inconnue"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("aucune personne")
    );
    // A lecture user exports without contact details.
    cercles(&db)
        .args(["users", "add", "lect", "--role", "lecture"])
        .assert()
        .success();
    let out = cercles(&db)
        .args(["--as", "lect", "export", "members"])
        .output()
        .unwrap();
    assert!(
        !String::from_utf8(out.stdout)
            .unwrap()
            .contains("@example.org")
    );
    let out = cercles(&db)
        .args(["--as", "lect", "import", "members", "-"])
        .write_stdin("nom\nX\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

/// `export -o` never replaces a file, as `backup`: the existing one stays as it was.
#[test]
fn export_to_an_existing_file_is_refused_and_leaves_it() {
    let (dir, db) = demo();
    let file = dir.path().join("m.csv");
    std::fs::write(&file, "précieux").unwrap();
    let out = cercles(&db)
        .args(["export", "members", "-o"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("existe déjà"), "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "précieux");
    // A directory is named as one.
    let out = cercles(&db)
        .args(["export", "members", "-o"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("dossier"));
    // A new file is private: it holds contact details.
    use std::os::unix::fs::PermissionsExt;
    let new = dir.path().join("new.csv");
    cercles(&db)
        .args(["export", "members", "-o"])
        .arg(&new)
        .assert()
        .success();
    let mode = std::fs::metadata(&new).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
}

/// `cercles ... | head -1`: the reader goes away; no panic, no message, exit 0. (An export
/// larger than a pipe holds: an import lists at most twenty lines now.)
#[test]
fn a_reader_that_stops_early_is_not_a_panic() {
    use std::io::{BufRead, BufReader};
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("grand.db");
    cercles(&db)
        .args(["init", "--demo", "--scale", "10"])
        .assert()
        .success();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("cercles"))
        .env("CERCLES_LOG", "off")
        .arg("--db")
        .arg(&db)
        .args(["export", "members", "--format", "json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with('['), "{first}");
    // The pipe is closed here, like `head -1` exiting.
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(err, "");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn options_that_mean_nothing_together_and_paths_that_cannot_be_are_said() {
    let (dir, db) = demo();
    let err = |cmd: &mut Command, code: i32| {
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(code));
        String::from_utf8(out.stderr).unwrap()
    };
    let e = err(cercles(&db).args(["--demo", "check"]), 2);
    assert!(e.contains("--demo"), "{e}");
    let new = dir.path().join("new.db");
    let e = err(cercles(&new).args(["--as", "camille", "init"]), 2);
    assert!(e.contains("--as ne s'utilise pas avec init"), "{e}");
    assert!(!new.exists());
    let e = err(cercles(&db).args(["export", "members", "--format"]), 2);
    assert!(e.contains("valeur manquante"), "{e}");
    let missing = dir.path().join("nodir").join("m.csv");
    let e = err(
        cercles(&db).args(["export", "members", "-o"]).arg(&missing),
        1,
    );
    assert!(e.contains("le dossier où l'écrire n'existe pas"), "{e}");
    let e = err(cercles(&db).args(["import", "members", "/dev/zero"]), 1);
    assert!(e.contains("pas un fichier ordinaire"), "{e}");
    // The extension says the format; --format in capitals is understood.
    let json = dir.path().join("m.json");
    cercles(&db)
        .args(["export", "members", "-o"])
        .arg(&json)
        .assert()
        .success();
    assert!(std::fs::read(&json).unwrap().starts_with(b"["));
    let out = cercles(&db)
        .args(["export", "members", "--format", "JSON"])
        .output()
        .unwrap();
    assert!(out.stdout.starts_with(b"["));
}

#[test]
fn a_scaled_demo_multiplies_the_members_and_stays_sound() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("grand.db");
    cercles(&db)
        .args(["init", "--demo", "--scale", "3"])
        .assert()
        .success();
    let out = cercles(&db).args(["export", "members"]).output().unwrap();
    let rows = String::from_utf8(out.stdout).unwrap().lines().count() - 1;
    assert_eq!(rows, 73 + 2 * 70, "the demo's 73, and 70 more per step");
    cercles(&db).arg("check").assert().success();
    // Without --demo, or out of range: a usage error.
    let other = dir.path().join("autre.db");
    cercles(&other)
        .args(["init", "--scale", "3"])
        .assert()
        .code(2);
    cercles(&other)
        .args(["init", "--demo", "--scale", "0"])
        .assert()
        .code(2);
    assert!(!other.exists());
}

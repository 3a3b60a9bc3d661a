//! The real binary reads `config.toml` at start-up: the defaults without one, the file in the
//! config directory or `$CERCLES_CONFIG`, and exit 1 with one French line naming a bad key.

use std::path::Path;

use assert_cmd::Command;

/// `cercles check` on a fresh database, with the config directory inside `dir` (never the
/// developer's own) and `$CERCLES_CONFIG` unset.
fn cercles(dir: &Path) -> Command {
    let db = dir.join("t.db");
    if !db.exists() {
        let mut init = Command::cargo_bin("cercles").unwrap();
        isolate(&mut init, dir);
        init.arg("--db").arg(&db).arg("init").assert().success();
    }
    let mut cmd = Command::cargo_bin("cercles").unwrap();
    isolate(&mut cmd, dir);
    cmd.arg("--db").arg(&db).arg("check");
    cmd
}

fn isolate(cmd: &mut Command, dir: &Path) {
    cmd.env_remove("CERCLES_DB")
        .env_remove("CERCLES_CONFIG")
        .env("CERCLES_LOG", "off")
        .env("CERCLES_TODAY", "2025-11-20")
        .env("HOME", dir)
        .env("XDG_CONFIG_HOME", dir.join("config"));
}

fn run(cmd: &mut Command) -> (Option<i32>, String) {
    let out = cmd.output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn with_config(dir: &Path, text: &str) -> (Option<i32>, String) {
    let file = dir.join("cercles.toml");
    std::fs::write(&file, text).unwrap();
    run(cercles(dir).env("CERCLES_CONFIG", &file))
}

#[test]
fn no_config_file_means_the_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let (code, err) = run(&mut cercles(dir.path()));
    assert_eq!(code, Some(0), "{err}");
}

#[test]
fn a_good_file_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let (code, err) = with_config(
        dir.path(),
        "follow_up_months = 4\nretention_years = 3\nexports_dir = \"exports\"\n\
         [colours]\naccent = \"light_blue\"\nhighlight = \"magenta\"\n",
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(err.is_empty(), "{err}");
}

#[test]
fn each_kind_of_mistake_exits_1_with_one_line_naming_the_key() {
    let dir = tempfile::tempdir().unwrap();
    for (text, names) in [
        ("folow_up_months = 6\n", "clé inconnue « folow_up_months »"),
        (
            "[colours]\naccnt = \"red\"\n",
            "clé inconnue « colours.accnt »",
        ),
        (
            "follow_up_months = \"six\"\n",
            "« follow_up_months » doit être",
        ),
        ("retention_years = 0\n", "« retention_years » vaut 0"),
        ("follow_up_months = 120\n", "« follow_up_months » vaut 120"),
        (
            "[colours]\naccent = \"turquoise\"\n",
            "« colours.accent » = « turquoise »",
        ),
        (
            "follow_up_months 6\n",
            "ligne 1 : ce n'est pas du TOML valide",
        ),
    ] {
        let (code, err) = with_config(dir.path(), text);
        assert_eq!(code, Some(1), "{text}: {err}");
        assert!(err.contains(names), "{text}: {err}");
        assert!(err.contains("cercles.toml"), "the file is named: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    }
}

#[test]
fn the_file_in_the_config_directory_is_read() {
    let dir = tempfile::tempdir().unwrap();
    // The database first: `init` reads the configuration too.
    let mut check = cercles(dir.path());
    let folder = dir.path().join("config").join("cercles");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("config.toml"), "retention_years = \"deux\"\n").unwrap();
    let (code, err) = run(&mut check);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("« retention_years » doit être"), "{err}");
    std::fs::write(folder.join("config.toml"), "retention_years = 3\n").unwrap();
    let (code, err) = run(&mut cercles(dir.path()));
    assert_eq!(code, Some(0), "{err}");
}

#[test]
fn cercles_config_naming_a_missing_file_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("absent.toml");
    let (code, err) = run(cercles(dir.path()).env("CERCLES_CONFIG", &missing));
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("$CERCLES_CONFIG désigne"), "{err}");
    assert!(err.contains("absent.toml"), "{err}");
}

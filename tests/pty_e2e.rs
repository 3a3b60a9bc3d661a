//! End-to-end tests of the real binary in a pseudo-terminal (portable-pty), its screen read with
//! vt100: the interface works with real keys, saves to the database, and gives the terminal
//! back (normal screen, cursor shown) on `q` and on SIGHUP.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::Duration;

use cercles::store::Store;
use cercles::store::users::os_user_name;
use common::pty::{Session, init_db};

#[test]
fn tabs_help_edit_save_quit() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let mut s = Session::start(&db);
    s.wait_for("aujourd'hui : 20/11/2025");
    s.wait_for("[1 Cercles]");
    s.send("2");
    s.wait_for("0 personne · 0 en cercle");
    s.send("\t");
    s.wait_for("[3 Collectifs]");
    s.send("1");
    s.wait_for("[1 Cercles]");
    s.send("?");
    s.wait_for("Aide : les touches de cet écran");
    s.send("\x1b");
    // On the cercle général (no sheet), the footer offers no edit.
    s.wait_for("Entrée sections");
    s.send("/finances");
    s.wait_for("1 sur 9 cercles");
    s.send("\r");
    s.wait_for("e modifier la fiche");
    s.send("e");
    s.wait_for("Fiche du cercle « Finances »");
    s.send("\t");
    s.send("Tenir les comptes, avec une trésorière.");
    s.wait_for("trésorière.");
    // F2 as xterm sends it.
    s.send("\x1bOQ");
    s.wait_for("fiche du cercle « Finances » enregistrée");
    s.send("q");
    s.wait_exit(Duration::from_secs(5));
    s.assert_restored();

    let store = Store::open(&db, &os_user_name().unwrap()).unwrap();
    let finances = store.circle_named("Finances").unwrap().unwrap();
    assert_eq!(
        finances.sheet.purpose,
        "Tenir les comptes, avec une trésorière."
    );
}

#[test]
fn sighup_ends_the_program_within_a_second_and_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let mut s = Session::start(&db);
    s.wait_for("[1 Cercles]");
    s.signal("HUP");
    let took = s.wait_exit(Duration::from_secs(3));
    assert!(took < Duration::from_secs(1), "took {took:?}");
    s.assert_restored();
}

#[test]
fn sigint_from_kill_also_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let mut s = Session::start(&db);
    s.wait_for("[1 Cercles]");
    s.signal("INT");
    s.wait_exit(Duration::from_secs(3));
    s.assert_restored();
}

#[test]
fn the_throwaway_demo_is_removed_when_the_terminal_goes() {
    let tmp = tempfile::tempdir().unwrap();
    // A demo copy left by a session killed outright: removed by the next demo.
    let stale = tmp.path().join("cercles-demo-4000000-1");
    std::fs::create_dir(&stale).unwrap();
    let mut s = Session::start_with(&["--demo"], &[("TMPDIR", tmp.path())]);
    s.wait_for("[1 Cercles]");
    assert!(!stale.exists(), "the stale copy is gone");
    let demos = || {
        std::fs::read_dir(tmp.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .starts_with("cercles-demo-")
            })
            .count()
    };
    assert_eq!(demos(), 1);
    s.signal("HUP");
    s.wait_exit(Duration::from_secs(3));
    assert_eq!(demos(), 0, "the demo copy went with the session");
}

#[test]
fn the_first_launch_creates_the_default_database_and_its_folders() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let mut s = Session::start_with(&[], &[("HOME", home.path()), ("XDG_DATA_HOME", &data)]);
    s.wait_for("[1 Cercles]");
    s.send("q");
    s.wait_exit(Duration::from_secs(5));
    s.assert_restored();
    assert!(data.join("cercles/cercles.db").is_file());
}

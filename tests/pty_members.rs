//! End-to-end test of the Membres tab on the real binary in a pseudo-terminal (portable-pty,
//! screen read with vt100): add a person, make them co-référent·e of Finances, and find them in
//! the cercle de coordination of the Cercles tab, then in the database.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::Duration;

use cercles::store::Store;
use cercles::store::users::os_user_name;
use common::pty::{Session, init_db};

/// F2 and → as xterm sends them.
const F2: &str = "\x1bOQ";
const RIGHT: &str = "\x1b[C";

#[test]
fn add_a_person_make_them_co_referent_of_finances_find_them_in_coordination() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());

    let mut s = Session::start(&db);
    s.wait_for("[1 Cercles]");
    s.send("2");
    s.wait_for("0 personne · 0 en cercle");
    // Add Zoé Durand, with a phone number typed the way people do.
    s.send("a");
    s.wait_for("Nouvelle personne");
    s.send("Durand\tZoé\tzoe.durand@example.org\t06.12.34.56.78");
    s.wait_for("06.12.34.56.78");
    s.send(F2);
    s.wait_for("Zoé Durand ajouté·e au réseau");
    s.wait_for("06 12 34 56 78");
    // Give her the co-référent·e role in Finances (the circle choice, → until Finances).
    s.send("+");
    s.wait_for("Donner un rôle à Zoé Durand");
    for _ in 0..12 {
        if s.contents().contains("‹ Finances ›") {
            break;
        }
        s.send(RIGHT);
    }
    s.wait_for("‹ Finances ›");
    // The role offered first is membre actif·ve; the next field, → once: co-référent·e.
    s.wait_for("‹ membre actif·ve ›");
    s.send("\t");
    s.send(RIGHT);
    s.wait_for("‹ co-référent·e ›");
    s.send(F2);
    s.wait_for("co-référent·e du cercle Finances depuis le 20/11/2025");
    s.wait_for("★Finances");
    // The Cercles tab: the cercle de coordination lists her.
    s.send("1");
    s.wait_for("[1 Cercles]");
    s.send("/coordination\r");
    s.wait_for("Zoé Durand (Finances)");
    s.send("q");
    s.wait_exit(Duration::from_secs(5));

    let store = Store::open(&db, &os_user_name().unwrap()).unwrap();
    let zoe = store.resolve_person("Zoé Durand").unwrap();
    assert_eq!(zoe.phone.as_deref(), Some("06 12 34 56 78"));
    let coordination = store.coordination_circle().unwrap();
    assert!(
        coordination.iter().any(|m| m.person_id == zoe.id),
        "in the cercle de coordination"
    );
}

//! The upgrade to schema 4 on a file as schema 3 made it, through the whole store.

#![allow(clippy::unwrap_used)]

use rusqlite::Connection;

use crate::model::Person;
use crate::store::audit::{self, Op};

/// A file as schema 3 made it (people's communes as typed, each person journaled), then
/// opened by this binary: codes, a review list, and `check` still passes.
#[test]
fn a_schema_3_file_is_upgraded_journaled_and_checks() {
    use crate::model::PersonKind;
    use crate::store::people::PersonFilter;
    crate::log::redirect(None);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("schema3.db");
    let typed = [
        ("Ambigu", "Saint-Denis"),
        ("Postal", "49610"),
        ("Exact", "49610 Mûrs-Erigné"),
        ("Capitale", "paris"),
        ("Court", "1004"),
        ("Inconnu", "Nowhere"),
        ("Vide", ""),
        ("Code", "86194"),
    ];
    {
        let mut conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "journal_mode", "WAL").unwrap();
        conn.pragma_update(None, "application_id", crate::store::open::APPLICATION_ID)
            .unwrap();
        crate::store::open::migrations()
            .to_version(&mut conn, 3)
            .unwrap();
        crate::store::session::seed(&mut conn, "admin", None).unwrap();
        for (last_name, commune) in typed {
            conn.execute(
                "INSERT INTO people(last_name, commune) VALUES (?1, ?2)",
                [last_name, commune],
            )
            .unwrap();
            let id = conn.last_insert_rowid();
            // As schema 3 journaled it: the row as a person, no typed text apart.
            let row = Person {
                id,
                last_name: last_name.into(),
                first_name: String::new(),
                email: None,
                phone: None,
                commune: commune.into(),
                commune_typed: String::new(),
                kind: PersonKind::Benevole,
                confidentiality_signed_on: None,
                mission_accepted_on: None,
                notes: String::new(),
                left_on: None,
                version: 1,
            };
            let json = serde_json::to_string(&row).unwrap();
            audit::append(&conn, "admin", "people", id, Op::Insert, None, Some(json)).unwrap();
        }
    }
    let mut store = crate::store::Store::open(&path, "admin").unwrap();
    assert_eq!(
        store.file_schema_version().unwrap(),
        crate::store::open::schema_version()
    );
    let everyone = store.people(&PersonFilter::default()).unwrap();
    let by_name = |name: &str| {
        everyone
            .rows()
            .find(|r| r.person.last_name == name)
            .map(|r| (r.person.commune.clone(), r.person.commune_typed.clone()))
            .unwrap()
    };
    assert_eq!(by_name("Exact"), ("49223".into(), String::new()));
    assert_eq!(by_name("Capitale"), ("75056".into(), String::new()));
    assert_eq!(by_name("Court"), ("01004".into(), String::new()));
    assert_eq!(by_name("Code"), ("86194".into(), String::new()));
    assert_eq!(by_name("Vide"), (String::new(), String::new()));
    assert_eq!(by_name("Ambigu"), (String::new(), "Saint-Denis".into()));
    assert_eq!(everyone.counts.commune_review, 3);
    let review = store
        .people(&PersonFilter {
            commune_review: true,
            ..PersonFilter::default()
        })
        .unwrap();
    let names: Vec<&str> = review.rows().map(|r| r.person.last_name.as_str()).collect();
    assert_eq!(names, ["Ambigu", "Inconnu", "Postal"]);
    let mut codes = store.member_communes().unwrap();
    codes.sort();
    assert_eq!(codes, ["01004", "49223", "75056", "86194"]);
    // Six rows changed (the code and the empty one did not), each journaled.
    let upgrades: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM audit WHERE actor = 'cercles (mise à niveau)' AND tbl = 'people'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(upgrades, 6);
    assert!(store.check().unwrap().is_ok(), "check after the upgrade");

    // Edited with the text in doubt left as it is: saved, still to review.
    let id = review.get(0).unwrap().person.id;
    let ambigu = Person::clone(review.get(0).unwrap().person);
    let mut draft = ambigu.draft();
    assert_eq!(draft.commune, "Saint-Denis");
    draft.notes = "à appeler".into();
    let saved = store.update_person(id, ambigu.version, &draft).unwrap();
    assert_eq!(
        (saved.commune.as_str(), saved.commune_typed.as_str()),
        ("", "Saint-Denis")
    );
    // The commune picked: off the list.
    draft.commune = "Saint-Denis (93)".into();
    let saved = store.update_person(id, saved.version, &draft).unwrap();
    assert_eq!(
        (saved.commune.as_str(), saved.commune_typed.as_str()),
        ("93066", "")
    );
    let counts = store.people(&PersonFilter::default()).unwrap().counts;
    assert_eq!(counts.commune_review, 2);
    assert!(store.check().unwrap().is_ok());
}

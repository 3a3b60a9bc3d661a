//! Store tests of people's communes (issue 9): saved as INSEE codes, resolved as a
//! collective's; an ambiguous or unknown one refused under the field, nothing saved; a
//! commune awaiting review kept while other fields are edited, cleared once resolved; a
//! `lecture` session sees no commune.

use cercles::model::{PersonDraft, Role};
use cercles::store::people::PersonFilter;
use cercles::store::{Store, StoreError};

mod common;

use common::fresh_store as fresh;

fn living_in(last: &str, commune: &str) -> PersonDraft {
    PersonDraft {
        last_name: last.into(),
        commune: commune.into(),
        ..PersonDraft::default()
    }
}

fn entries(s: &Store) -> i64 {
    s.check().unwrap().unwrap()
}

#[test]
fn a_commune_is_saved_as_its_insee_code() {
    let (_dir, mut s) = fresh();
    for (typed, code) in [
        ("Poitiers", "86194"),
        ("86000", "86194"),
        ("49610 Mûrs-Erigné", "49223"),
        ("1004", "01004"),
        ("paris", "75056"),
        ("Saint-Denis (93)", "93066"),
        ("", ""),
    ] {
        let p = s.add_person(&living_in("Durand", typed)).unwrap();
        assert_eq!(p.commune, code, "{typed}");
        assert!(!p.commune_awaits_review());
    }
    assert!(s.check().unwrap().is_ok());
}

#[test]
fn an_ambiguous_or_unknown_commune_is_refused_under_the_field_and_nothing_is_saved() {
    let (_dir, mut s) = fresh();
    let before = entries(&s);
    for (typed, words) in [
        ("Saint-Denis", "plusieurs communes"),
        ("49610", "plusieurs communes"),
        ("Nowhere", "commune inconnue"),
    ] {
        let Err(StoreError::Field(e)) = s.add_person(&living_in("Durand", typed)) else {
            panic!("{typed} refused under its field");
        };
        assert_eq!(e.field, "commune");
        assert!(e.message.contains(words), "{e}");
        assert!(e.to_string().starts_with("commune : "), "{e}");
    }
    let p = s.add_person(&living_in("Durand", "Melle")).unwrap();
    let mut draft = p.draft();
    draft.commune = "Saint-Denis".into();
    let err = s.update_person(p.id, p.version, &draft).unwrap_err();
    assert!(
        matches!(err, StoreError::Field(ref e) if e.field == "commune"),
        "{err}"
    );
    assert_eq!(entries(&s), before + 1, "only the first person was saved");
    assert_eq!(s.person(p.id).unwrap().unwrap().person.commune, "79174");
}

#[test]
fn a_person_edited_keeps_their_commune_and_a_lecture_session_sees_none() {
    let (dir, mut s) = fresh();
    let p = s.add_person(&living_in("Durand", "Poitiers")).unwrap();
    // The form shows the commune as its label; saved as it is, it stays the same code.
    let mut draft = p.draft();
    draft.commune = "Poitiers (86)".into();
    draft.notes = "vue".into();
    let p = s.update_person(p.id, p.version, &draft).unwrap();
    assert_eq!(p.commune, "86194");
    s.add_user("lecteur", Role::Lecture, None).unwrap();
    let reader = Store::open(&dir.path().join("t.db"), "lecteur").unwrap();
    let shown = reader.person(p.id).unwrap().unwrap().person;
    assert_eq!(
        (shown.commune.as_str(), shown.commune_typed.as_str()),
        ("", "")
    );
    let list = reader.people(&PersonFilter::default()).unwrap();
    assert_eq!(list.get(0).unwrap().person.commune, "");
    // Nor can the commune be found by searching for it.
    let found = reader
        .people(&PersonFilter {
            text: "poitiers".into(),
            ..PersonFilter::default()
        })
        .unwrap();
    assert!(found.is_empty());
    assert!(reader.member_communes().unwrap().is_empty());
    // The admin finds them by the commune's name.
    let found = s
        .people(&PersonFilter {
            text: "poitiers".into(),
            ..PersonFilter::default()
        })
        .unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(s.member_communes().unwrap(), ["86194"]);
}

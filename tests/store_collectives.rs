//! Store tests of the collectives (issue 9): the commune resolved to its INSEE code, the
//! statut history, the follow-up, conflicts, roles, the import all-or-nothing, `check`.

use chrono::NaiveDate;
use tempfile::TempDir;

use cercles::model::{
    CollectiveDraft, CollectiveKind, CollectiveStatus, FollowUp, Interview, Role,
};
use cercles::store::import_collectives::NewCollective;
use cercles::store::{Store, StoreError};

mod common;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A fresh database whose Clock says 20/11/2025, opened as its admin.
fn fresh() -> (TempDir, Store) {
    common::quiet_log();
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("t.db");
    Store::create_with(&path, "admin", Some(d(2025, 11, 20)), |_| Ok(())).unwrap();
    let store = Store::open(&path, "admin").unwrap();
    (dir, store)
}

fn draft(name: &str, commune: &str) -> CollectiveDraft {
    CollectiveDraft {
        name: name.into(),
        kind: CollectiveKind::ListeCitoyenne,
        commune: commune.into(),
        status: CollectiveStatus::EnReflexion,
        contact: "Anne Lefort".into(),
        email: "contact@exemple.fr".into(),
        phone: "06 12 34 56 78".into(),
        on_map: true,
        website: String::new(),
        notes: String::new(),
    }
}

fn field_of(e: StoreError) -> (String, String) {
    match e {
        StoreError::Field(f) => (f.field.to_owned(), f.message),
        other => panic!("expected a field error, got {other:?}"),
    }
}

#[test]
fn the_commune_is_stored_as_its_insee_code_whatever_was_typed() {
    let (_dir, mut s) = fresh();
    for (typed, code) in [
        ("49610 Mûrs-Erigné", "49223"),
        ("Poitiers", "86194"),
        ("saint denis (93)", "93066"),
        ("1004", "01004"),
        ("2A004", "2A004"),
        ("97101", "97101"),
    ] {
        let c = s
            .add_collective(&draft(&format!("Liste {typed}"), typed))
            .unwrap();
        assert_eq!(c.commune, code, "{typed}");
    }
    let (field, message) = field_of(s.add_collective(&draft("X", "Saint-Denis")).unwrap_err());
    assert_eq!(field, "commune");
    assert!(message.contains("Saint-Denis (93)"), "{message}");
    assert!(message.contains("Saint-Denis (974)"), "{message}");
    let (field, message) = field_of(s.add_collective(&draft("X", "Atlantide")).unwrap_err());
    assert_eq!(field, "commune");
    assert!(message.contains("Atlantide"), "{message}");
    assert_eq!(
        s.collectives().unwrap().len(),
        6,
        "nothing written for the refused ones"
    );
}

#[test]
fn a_statut_change_is_dated_and_its_history_kept() {
    let (_dir, mut s) = fresh();
    let c = s
        .add_collective(&draft("Melle en commun", "Melle"))
        .unwrap();
    assert_eq!(c.status_since, d(2025, 11, 20));
    let c2 = s
        .set_collective_status(c.id, c.version, CollectiveStatus::EnRoute)
        .unwrap();
    assert_eq!(c2.status, CollectiveStatus::EnRoute);
    let mut edit = c2.draft();
    edit.status = CollectiveStatus::ListeDeposee;
    edit.commune = c2.commune.clone();
    let c3 = s.update_collective(c.id, c2.version, &edit).unwrap();
    let history = s.collective_statuses(c.id).unwrap();
    let statuts: Vec<_> = history.iter().map(|h| h.status).collect();
    assert_eq!(
        statuts,
        [
            CollectiveStatus::ListeDeposee,
            CollectiveStatus::EnRoute,
            CollectiveStatus::EnReflexion
        ]
    );
    assert!(
        history
            .iter()
            .all(|h| h.by == "admin" && h.since == d(2025, 11, 20))
    );
    // An edit that keeps the statut adds no history line.
    let mut edit = c3.draft();
    edit.notes = "réunion publique en janvier".into();
    s.update_collective(c.id, c3.version, &edit).unwrap();
    assert_eq!(s.collective_statuses(c.id).unwrap().len(), 3);
    assert!(s.check().unwrap().is_ok());
}

#[test]
fn a_stale_edit_is_a_conflict_and_writes_nothing() {
    let (_dir, mut s) = fresh();
    let c = s.add_collective(&draft("Plessé demain", "Plessé")).unwrap();
    s.set_collective_status(c.id, c.version, CollectiveStatus::EnRoute)
        .unwrap();
    let err = s
        .set_collective_status(c.id, c.version, CollectiveStatus::EnSommeil)
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict { .. }), "{err:?}");
    assert_eq!(
        s.collective(c.id).unwrap().unwrap().status,
        CollectiveStatus::EnRoute
    );
}

#[test]
fn an_interview_counts_as_the_last_contact_and_follow_up_comes_due() {
    let (_dir, mut s) = fresh();
    let c = s.add_collective(&draft("Cap Tulle", "Tulle")).unwrap();
    assert!(c.follow_up.is_due(s.today(), 6), "never contacted");
    let c = s
        .record_follow_up(c.id, c.version, Some(d(2025, 3, 2)), None)
        .unwrap();
    assert!(c.follow_up.is_due(s.today(), 6), "questionnaire of March");
    let c = s
        .log_interview(
            c.id,
            c.version,
            &Interview {
                on: d(2025, 10, 14),
                by: "Élise".into(),
                notes: "liste en construction".into(),
            },
        )
        .unwrap();
    assert_eq!(c.follow_up.last_contact_on, Some(d(2025, 10, 14)));
    assert_eq!(c.follow_up.interview_by, "Élise");
    assert!(!c.follow_up.is_due(s.today(), 6));
    let err = s
        .log_interview(
            c.id,
            c.version,
            &Interview {
                on: d(2025, 12, 1),
                by: "Élise".into(),
                notes: String::new(),
            },
        )
        .unwrap_err();
    assert_eq!(field_of(err).0, "interview_on");
}

#[test]
fn roles_a_benevole_writes_collectives_a_lecture_user_neither_writes_nor_sees_contacts() {
    let (dir, mut s) = fresh();
    s.add_user("benoit", Role::Benevole, None).unwrap();
    s.add_user("lecteur", Role::Lecture, None).unwrap();
    let c = s
        .add_collective(&draft("Vivre Dijon ensemble", "Dijon"))
        .unwrap();
    let path = dir.path().join("t.db");
    let mut b = Store::open(&path, "benoit").unwrap();
    b.set_collective_status(c.id, c.version, CollectiveStatus::EnRoute)
        .unwrap();
    let mut l = Store::open(&path, "lecteur").unwrap();
    let seen = l.collective(c.id).unwrap().unwrap();
    assert_eq!(
        (seen.email, seen.phone, seen.contact.as_str()),
        (None, None, "")
    );
    let err = l
        .set_collective_status(c.id, seen.version, CollectiveStatus::EnSommeil)
        .unwrap_err();
    assert!(matches!(err, StoreError::Forbidden { .. }), "{err:?}");
}

fn line(n: u64, name: &str, commune: &str) -> NewCollective {
    NewCollective {
        line: n,
        draft: draft(name, commune),
        status_since: None,
        follow_up: FollowUp::default(),
    }
}

#[test]
fn an_import_is_all_or_nothing_and_a_reimport_skips_what_is_there() {
    let (_dir, mut s) = fresh();
    let good = [
        line(2, "Grenoble en commun", "38185"),
        line(3, "Ensemble pour Rennes", "35238"),
    ];
    let mut bad = good.to_vec();
    bad.push(line(4, "", "35238"));
    let err = s
        .import_collectives(&bad, d(2025, 11, 20), false)
        .unwrap_err();
    assert!(err.to_string().contains("ligne 4"), "{err}");
    assert!(s.collectives().unwrap().is_empty());
    let trial = s.import_collectives(&good, d(2025, 11, 20), true).unwrap();
    assert_eq!(trial.added.len(), 2);
    assert!(
        s.collectives().unwrap().is_empty(),
        "a trial writes nothing"
    );
    let done = s.import_collectives(&good, d(2025, 11, 20), false).unwrap();
    assert_eq!(done.added.len(), 2);
    let again = s.import_collectives(&good, d(2025, 11, 20), false).unwrap();
    assert_eq!((again.added.len(), again.skipped.len()), (0, 2));
    assert_eq!(s.collectives().unwrap().len(), 2);
    assert_eq!(s.collective_statuses(done_id(&s)).unwrap().len(), 1);
    assert!(s.check().unwrap().is_ok());
}

fn done_id(s: &Store) -> i64 {
    s.collectives().unwrap()[0].id
}

#[test]
fn check_names_a_collective_changed_behind_the_programs_back() {
    let (dir, mut s) = fresh();
    s.add_collective(&draft("Cap Bayonne", "Bayonne")).unwrap();
    drop(s);
    let path = dir.path().join("t.db");
    common::tamper(&path, "UPDATE collectives SET status = 'elue_majoritaire'");
    let s = Store::open(&path, "admin").unwrap();
    let problem = s.check().unwrap().unwrap_err();
    assert!(problem.contains("collectives"), "{problem}");
}

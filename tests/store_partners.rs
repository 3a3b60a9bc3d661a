//! Store tests of partner organisations, their links to rencontres and the workshops of a
//! rencontre (issue 10): writes, stale versions, roles, a duplicate link refused, deletes that
//! take their links and workshops along (journaled), `check` after everything. The workshops
//! themselves: `tests/store_workshops.rs`.

use chrono::NaiveDate;
use tempfile::TempDir;

use cercles::model::{
    EventDraft, EventKind, EventStatus, PartnerDraft, PartnerKind, PartnerRole, PersonDraft, Role,
    When, WorkshopDraft,
};
use cercles::store::{Store, StoreError};

mod common;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn fresh() -> (TempDir, Store) {
    common::fresh_store()
}

fn path(dir: &TempDir) -> std::path::PathBuf {
    dir.path().join("t.db")
}

fn person(s: &mut Store, first: &str, last: &str) -> i64 {
    s.add_person(&PersonDraft {
        first_name: first.into(),
        last_name: last.into(),
        ..PersonDraft::default()
    })
    .unwrap()
    .id
}

fn event(s: &mut Store, title: &str, start: Option<When>, status: EventStatus) -> i64 {
    s.add_event(&EventDraft {
        start,
        status,
        ..EventDraft::new(title, EventKind::RencontreLocale, 2025)
    })
    .unwrap()
    .id
}

fn field_of(e: StoreError) -> String {
    match e {
        StoreError::Field(f) => f.field.to_owned(),
        other => panic!("expected a field error, got {other:?}"),
    }
}

/// How many journal entries of `op` there are about `table`.
fn journaled(dir: &TempDir, table: &str, op: &str) -> i64 {
    let conn = rusqlite::Connection::open(path(dir)).unwrap();
    conn.query_row(
        "SELECT count(*) FROM audit WHERE tbl = ?1 AND op = ?2",
        [table, op],
        |r| r.get(0),
    )
    .unwrap()
}

#[test]
fn a_partner_is_created_edited_and_a_stale_edit_is_a_conflict() {
    let (_dir, mut s) = fresh();
    let salariee = person(&mut s, "Inès", "Morel");
    let coref = person(&mut s, "Yann", "Garnier");
    let p = s
        .add_partner(&PartnerDraft {
            garant_employee: Some(salariee),
            notes: "Médiation en cours".into(),
            ..PartnerDraft::new(" Fréquence Commune ", PartnerKind::Intervention)
        })
        .unwrap();
    assert_eq!(p.name, "Fréquence Commune");
    assert_eq!(p.version, 1);
    assert!(p.lacks_garant());
    let mut draft = p.draft();
    draft.garant_coref = Some(coref);
    let saved = s.update_partner(p.id, p.version, &draft).unwrap();
    assert_eq!(saved.version, 2);
    assert!(!saved.lacks_garant());
    assert_eq!(s.partner(p.id).unwrap().unwrap(), saved);
    // A second edit from the first version is refused, carrying the row as it is now.
    draft.kind = PartnerKind::Reseau;
    let err = s.update_partner(p.id, p.version, &draft).unwrap_err();
    assert!(matches!(err, StoreError::Conflict { .. }), "{err:?}");
    let now: cercles::model::Partner = err.conflict_row().unwrap();
    assert_eq!(now, saved);
    // Refusals name their field: a name, co-garant·es that exist, two different people.
    let err = s
        .add_partner(&PartnerDraft::new("  ", PartnerKind::Autre))
        .unwrap_err();
    assert_eq!(field_of(err), "name");
    let unknown = PartnerDraft {
        garant_employee: Some(9999),
        ..PartnerDraft::new("Communa", PartnerKind::Intervention)
    };
    assert_eq!(
        field_of(s.add_partner(&unknown).unwrap_err()),
        "garant_employee"
    );
    let unknown = PartnerDraft {
        garant_coref: Some(9999),
        ..PartnerDraft::new("Communa", PartnerKind::Intervention)
    };
    assert_eq!(
        field_of(s.add_partner(&unknown).unwrap_err()),
        "garant_coref"
    );
    let twice = PartnerDraft {
        garant_employee: Some(coref),
        garant_coref: Some(coref),
        ..PartnerDraft::new("Communa", PartnerKind::Intervention)
    };
    assert_eq!(field_of(s.add_partner(&twice).unwrap_err()), "garant_coref");
    // The list is by name, without case.
    s.add_partner(&PartnerDraft::new("alternatiba", PartnerKind::Reseau))
        .unwrap();
    s.add_partner(&PartnerDraft::new("Pas Sans Nous", PartnerKind::Reseau))
        .unwrap();
    let names: Vec<String> = s.partners().unwrap().into_iter().map(|p| p.name).collect();
    assert_eq!(names, ["alternatiba", "Fréquence Commune", "Pas Sans Nous"]);
    assert!(s.check().unwrap().is_ok());
}

#[test]
fn roles_lecture_writes_nothing_a_benevole_records_workshops_but_not_partners() {
    let (dir, mut s) = fresh();
    s.add_user("benoit", Role::Benevole, None).unwrap();
    s.add_user("lecteur", Role::Lecture, None).unwrap();
    let e = event(
        &mut s,
        "Bayonne",
        When::month(2025, 4),
        EventStatus::Realisee,
    );
    let p = s
        .add_partner(&PartnerDraft {
            contact: "Lou, 06 00 00 00 00".into(),
            ..PartnerDraft::new("Alternatiba", PartnerKind::Reseau)
        })
        .unwrap();
    s.link_partner(e, p.id, PartnerRole::Intervenant).unwrap();

    let mut b = Store::open(&path(&dir), "benoit").unwrap();
    let w = b
        .add_workshop(e, &WorkshopDraft::new("Porte-à-porte"))
        .unwrap();
    let err = b
        .add_partner(&PartnerDraft::new("Communa", PartnerKind::Intervention))
        .unwrap_err();
    assert!(matches!(err, StoreError::Forbidden { .. }), "{err:?}");
    let err = b
        .link_partner(e, p.id, PartnerRole::CoOrganisateur)
        .unwrap_err();
    assert!(matches!(err, StoreError::Forbidden { .. }), "{err:?}");

    assert_eq!(
        b.partner(p.id).unwrap().unwrap().contact,
        "Lou, 06 00 00 00 00"
    );

    // A lecture session reads partners but not their contact.
    let mut l = Store::open(&path(&dir), "lecteur").unwrap();
    assert_eq!(l.workshops(e).unwrap().len(), 1);
    assert_eq!(l.partners().unwrap()[0].contact, "");
    assert_eq!(l.partner(p.id).unwrap().unwrap().contact, "");
    assert_eq!(l.event_partners(e).unwrap()[0].1.contact, "");
    for err in [
        l.add_partner(&PartnerDraft::new("X", PartnerKind::Autre))
            .unwrap_err(),
        l.update_partner(p.id, p.version, &p.draft()).unwrap_err(),
        l.delete_partner(p.id, p.version).unwrap_err(),
        l.link_partner(e, p.id, PartnerRole::Intervenant)
            .unwrap_err(),
        l.add_workshop(e, &WorkshopDraft::new("X")).unwrap_err(),
        l.update_workshop(w.id, w.version, &w.draft()).unwrap_err(),
        l.delete_workshop(w.id, w.version).unwrap_err(),
    ] {
        assert!(matches!(err, StoreError::Forbidden { .. }), "{err:?}");
    }
    assert_eq!(l.event_partners(e).unwrap().len(), 1);
    assert!(l.check().unwrap().is_ok());
}

#[test]
fn links_refuse_a_duplicate_and_list_in_their_orders() {
    let (_dir, mut s) = fresh();
    let poitiers = s
        .add_event(&EventDraft {
            start: When::month(2025, 8),
            status: EventStatus::Realisee,
            ..EventDraft::new("Poitiers", EventKind::RencontreNationale, 2025)
        })
        .unwrap()
        .id;
    let melle = event(
        &mut s,
        "Melle",
        Some(When::Day(d(2025, 12, 13))),
        EventStatus::Confirmee,
    );
    let bayonne = event(
        &mut s,
        "Bayonne",
        When::month(2025, 4),
        EventStatus::Realisee,
    );
    let communa = s
        .add_partner(&PartnerDraft::new("Communa", PartnerKind::Intervention))
        .unwrap();
    let anvita = s
        .add_partner(&PartnerDraft::new("l'Anvita", PartnerKind::Reseau))
        .unwrap();
    let collectif = s
        .add_partner(&PartnerDraft::new(
            "Poitiers Collectif",
            PartnerKind::CoOrganisation,
        ))
        .unwrap();
    let link = s
        .link_partner(poitiers, communa.id, PartnerRole::Intervenant)
        .unwrap();
    assert_eq!(
        (link.event_id, link.partner_id, link.role, link.version),
        (poitiers, communa.id, PartnerRole::Intervenant, 1)
    );
    // The same partner in the same role twice: refused in French, nothing written.
    match s.link_partner(poitiers, communa.id, PartnerRole::Intervenant) {
        Err(StoreError::Invalid(m)) => assert!(m.contains("déjà"), "{m}"),
        other => panic!("expected a refusal, got {other:?}"),
    }
    // Another role of the same partner is another link.
    s.link_partner(poitiers, communa.id, PartnerRole::CoOrganisateur)
        .unwrap();
    s.link_partner(poitiers, anvita.id, PartnerRole::Intervenant)
        .unwrap();
    s.link_partner(poitiers, collectif.id, PartnerRole::CoOrganisateur)
        .unwrap();
    s.link_partner(melle, communa.id, PartnerRole::Intervenant)
        .unwrap();
    s.link_partner(bayonne, communa.id, PartnerRole::Intervenant)
        .unwrap();
    // Unknown event or partner.
    for err in [
        s.link_partner(9999, communa.id, PartnerRole::Intervenant)
            .unwrap_err(),
        s.link_partner(poitiers, 9999, PartnerRole::Intervenant)
            .unwrap_err(),
    ] {
        assert!(matches!(err, StoreError::NotFound(_)), "{err:?}");
    }

    // An event's partners: co-organisers first, then speakers, each by name without case.
    let seen: Vec<(PartnerRole, String)> = s
        .event_partners(poitiers)
        .unwrap()
        .into_iter()
        .map(|(l, p)| (l.role, p.name))
        .collect();
    use PartnerRole::*;
    assert_eq!(
        seen,
        [
            (CoOrganisateur, "Communa".to_owned()),
            (CoOrganisateur, "Poitiers Collectif".to_owned()),
            (Intervenant, "Communa".to_owned()),
            (Intervenant, "l'Anvita".to_owned()),
        ]
    );
    // A partner's events in the events' listing order: upcoming first, then latest first.
    let seen: Vec<(String, PartnerRole)> = s
        .partner_events(communa.id)
        .unwrap()
        .into_iter()
        .map(|(l, e)| (e.title, l.role))
        .collect();
    assert_eq!(
        seen,
        [
            ("Melle".to_owned(), Intervenant),
            ("Poitiers".to_owned(), CoOrganisateur),
            ("Poitiers".to_owned(), Intervenant),
            ("Bayonne".to_owned(), Intervenant),
        ]
    );
    // Unlinking: a stale version is a conflict, then the link goes.
    let err = s.unlink_partner(link.id, link.version + 1).unwrap_err();
    assert!(matches!(err, StoreError::Conflict { .. }), "{err:?}");
    s.unlink_partner(link.id, link.version).unwrap();
    assert_eq!(s.event_partners(poitiers).unwrap().len(), 3);
    let err = s.unlink_partner(link.id, link.version).unwrap_err();
    assert!(matches!(err, StoreError::NotFound(_)), "{err:?}");
    // Unlinked, it can be linked again.
    s.link_partner(poitiers, communa.id, PartnerRole::Intervenant)
        .unwrap();
    assert!(s.check().unwrap().is_ok());
}

#[test]
fn deletes_take_their_links_and_workshops_along_journaled() {
    let (dir, mut s) = fresh();
    let a = event(&mut s, "Grenoble", None, EventStatus::Realisee);
    let b = event(&mut s, "Dijon", None, EventStatus::Realisee);
    let alinsky = s
        .add_partner(&PartnerDraft::new(
            "Institut Alinsky",
            PartnerKind::Intervention,
        ))
        .unwrap();
    let pas = s
        .add_partner(&PartnerDraft::new("Pas Sans Nous", PartnerKind::Reseau))
        .unwrap();
    for e in [a, b] {
        s.link_partner(e, alinsky.id, PartnerRole::Intervenant)
            .unwrap();
        s.link_partner(e, pas.id, PartnerRole::CoOrganisateur)
            .unwrap();
    }
    s.add_workshop(a, &WorkshopDraft::new("Organisation collective"))
        .unwrap();
    s.add_workshop(a, &WorkshopDraft::new("Arpentage")).unwrap();
    s.add_task(a, &cercles::model::TaskDraft::new("Salle"))
        .unwrap();

    // A stale partner is not deleted, nor are its links.
    let err = s
        .delete_partner(alinsky.id, alinsky.version + 1)
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict { .. }), "{err:?}");
    assert_eq!(s.partner_events(alinsky.id).unwrap().len(), 2);
    // Deleting a partner deletes its two links, each journaled.
    s.delete_partner(alinsky.id, alinsky.version).unwrap();
    assert!(s.partner(alinsky.id).unwrap().is_none());
    assert!(s.partner_events(alinsky.id).unwrap().is_empty());
    assert_eq!(s.event_partners(a).unwrap().len(), 1);
    assert_eq!(journaled(&dir, "event_partners", "delete"), 2);
    assert_eq!(journaled(&dir, "partners", "delete"), 1);
    assert!(s.check().unwrap().is_ok());

    // Deleting an event deletes its workshops, tasks and links in the same write; the
    // partner stays, with its other event.
    let ev = s.event(a).unwrap().unwrap();
    s.delete_event(a, ev.version).unwrap();
    assert!(s.workshops(a).unwrap().is_empty());
    assert!(s.event_partners(a).unwrap().is_empty());
    assert_eq!(journaled(&dir, "workshops", "delete"), 2);
    assert_eq!(journaled(&dir, "event_tasks", "delete"), 1);
    assert_eq!(journaled(&dir, "event_partners", "delete"), 3);
    let left: Vec<String> = s
        .partner_events(pas.id)
        .unwrap()
        .into_iter()
        .map(|(_, e)| e.title)
        .collect();
    assert_eq!(left, ["Dijon"]);
    assert!(s.check().unwrap().is_ok());
}

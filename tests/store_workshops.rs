//! Store tests of the workshops of a rencontre (issue 10): writes in order, a stale version,
//! their count in the list and in `export events`; `check` naming a partner, a link or a
//! workshop changed behind the program's back; a schema 5 file upgraded.

use tempfile::TempDir;

use cercles::exchange::Format;
use cercles::exchange::events::export_events;
use cercles::model::event::workshop_figure;
use cercles::model::{
    EventDraft, EventKind, EventStatus, PartnerDraft, PartnerKind, PartnerRole, When, WorkshopDraft,
};
use cercles::store::{Store, StoreError};

mod common;

fn fresh() -> (TempDir, Store) {
    common::fresh_store()
}

fn path(dir: &TempDir) -> std::path::PathBuf {
    dir.path().join("t.db")
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

#[test]
fn workshops_are_written_in_order_and_counted_in_the_list_and_the_export() {
    let (_dir, mut s) = fresh();
    let poitiers = s
        .add_event(&EventDraft {
            start: When::month(2025, 8),
            status: EventStatus::Realisee,
            figures: cercles::model::Figures {
                ateliers: Some(60),
                ..Default::default()
            },
            ..EventDraft::new("Poitiers", EventKind::RencontreNationale, 2025)
        })
        .unwrap();
    let bayonne = event(
        &mut s,
        "Bayonne",
        When::month(2025, 4),
        EventStatus::Realisee,
    );
    let line_of = |s: &Store, id: i64| {
        s.event_lines()
            .unwrap()
            .into_iter()
            .find(|l| l.event.id == id)
            .unwrap()
    };
    let ateliers = |s: &Store| -> Vec<(String, Option<u32>)> {
        let (bytes, _) = export_events(s, Format::Json, Some(2025)).unwrap();
        let rows: Vec<serde_json::Value> = serde_json::from_slice(&bytes).unwrap();
        rows.iter()
            .map(|r| {
                (
                    r["titre"].as_str().unwrap().to_owned(),
                    r["ateliers"].as_u64().map(|n| n as u32),
                )
            })
            .collect()
    };
    // None recorded: the typed figure (or nothing).
    assert_eq!(line_of(&s, poitiers.id).workshops, 0);
    assert_eq!(
        ateliers(&s),
        [
            ("Poitiers".to_owned(), Some(60)),
            ("Bayonne".to_owned(), None)
        ]
    );

    let first = s
        .add_workshop(
            poitiers.id,
            &WorkshopDraft {
                slot: "samedi 10h–12h".into(),
                room: "Amphi A".into(),
                facilitators: "l'Anvita".into(),
                ..WorkshopDraft::new(" Villes refuges ")
            },
        )
        .unwrap();
    assert_eq!(first.title, "Villes refuges");
    s.add_workshop(
        poitiers.id,
        &WorkshopDraft {
            slot: "vendredi 14h–16h".into(),
            ..WorkshopDraft::new("Budget de campagne")
        },
    )
    .unwrap();
    s.add_workshop(bayonne, &WorkshopDraft::new("Porte-à-porte"))
        .unwrap();
    // In the order they were added, not by the slot's text.
    let titles: Vec<String> = s
        .workshops(poitiers.id)
        .unwrap()
        .into_iter()
        .map(|w| w.title)
        .collect();
    assert_eq!(titles, ["Villes refuges", "Budget de campagne"]);
    let line = line_of(&s, poitiers.id);
    assert_eq!(line.workshops, 2);
    assert_eq!(
        workshop_figure(line.event.figures.ateliers, line.workshops),
        Some(2)
    );
    // The event itself keeps its typed figure: nothing computed is journaled.
    assert_eq!(line.event.figures.ateliers, Some(60));
    assert_eq!(
        ateliers(&s),
        [
            ("Poitiers".to_owned(), Some(2)),
            ("Bayonne".to_owned(), Some(1))
        ]
    );
    let (csv, _) = export_events(&s, Format::Csv, Some(2025)).unwrap();
    let csv = String::from_utf8(csv).unwrap();
    let header: Vec<&str> = csv.lines().next().unwrap().split(';').collect();
    let col = header.iter().position(|c| *c == "ateliers").unwrap();
    let poitiers_row: Vec<&str> = csv.lines().nth(1).unwrap().split(';').collect();
    assert_eq!(poitiers_row[col], "2");

    // Edit, stale edit, refusals, delete.
    let mut draft = first.draft();
    draft.room = "Amphi B".into();
    let saved = s.update_workshop(first.id, first.version, &draft).unwrap();
    assert_eq!((saved.room.as_str(), saved.version), ("Amphi B", 2));
    let err = s
        .update_workshop(first.id, first.version, &draft)
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict { .. }), "{err:?}");
    draft.title = " ".into();
    assert_eq!(
        field_of(
            s.update_workshop(first.id, saved.version, &draft)
                .unwrap_err()
        ),
        "title"
    );
    let err = s
        .add_workshop(9999, &WorkshopDraft::new("Nulle part"))
        .unwrap_err();
    assert!(matches!(err, StoreError::NotFound(_)), "{err:?}");
    let err = s.delete_workshop(first.id, first.version).unwrap_err();
    assert!(matches!(err, StoreError::Conflict { .. }), "{err:?}");
    s.delete_workshop(first.id, saved.version).unwrap();
    assert_eq!(line_of(&s, poitiers.id).workshops, 1);
    assert!(s.check().unwrap().is_ok());
}

#[test]
fn check_names_a_partner_link_or_workshop_changed_behind_the_programs_back() {
    for (table, sql) in [
        ("partners", "UPDATE partners SET kind = 'media'"),
        (
            "event_partners",
            "UPDATE event_partners SET role = 'co_organisateur'",
        ),
        ("workshops", "UPDATE workshops SET room = 'Cave'"),
        ("workshops", "DELETE FROM workshops"),
    ] {
        let (dir, mut s) = fresh();
        let e = event(
            &mut s,
            "Trévoux",
            When::month(2025, 6),
            EventStatus::Realisee,
        );
        let p = s
            .add_partner(&PartnerDraft::new("Communa", PartnerKind::Intervention))
            .unwrap();
        s.link_partner(e, p.id, PartnerRole::Intervenant).unwrap();
        s.add_workshop(e, &WorkshopDraft::new("Atelier")).unwrap();
        assert!(s.check().unwrap().is_ok());
        drop(s);
        common::tamper(&path(&dir), sql);
        let s = Store::open(&path(&dir), "admin").unwrap();
        let problem = s.check().unwrap().unwrap_err();
        assert!(problem.contains(table), "{sql}: {problem}");
    }
}

#[test]
fn a_schema_5_file_with_its_rencontres_upgrades_to_partners_and_workshops() {
    let (dir, mut s) = fresh();
    let e = event(&mut s, "Audenge", None, EventStatus::Realisee);
    drop(s);
    {
        let conn = rusqlite::Connection::open(path(&dir)).unwrap();
        conn.execute_batch(
            "DROP TABLE ledger_lines; DROP TABLE ledger_transactions;
             DROP TABLE opening_balances; DROP TABLE counterparties;
             DROP TABLE workshops; DROP TABLE event_partners; DROP TABLE partners;
             PRAGMA user_version = 5;",
        )
        .unwrap();
    }
    let mut s = Store::open(&path(&dir), "admin").unwrap();
    assert_eq!(s.upgraded_from(), Some(5));
    assert_eq!(
        s.file_schema_version().unwrap(),
        cercles::store::open::schema_version()
    );
    s.add_workshop(e, &WorkshopDraft::new("Atelier")).unwrap();
    assert!(s.check().unwrap().is_ok());
}

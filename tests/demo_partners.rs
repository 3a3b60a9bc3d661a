//! The demo's partner organisations and workshops: Poitiers with its 60 workshops (the report's
//! "près de 60"), counted in the list and the export; the report's partners, their co-garant·es
//! (an employee and a co-référent·e), some without, linked to Poitiers and other rencontres;
//! `--scale` multiplies the partners; `check` ok.

use cercles::exchange::Format;
use cercles::exchange::events::export_events;
use cercles::model::event::workshop_figure;
use cercles::model::{CircleRole, EventKind, PartnerKind, PartnerRole, PersonKind};
use cercles::store::Store;
use cercles::store::people::PersonFilter;

mod common;

fn demo(scale: u32) -> (tempfile::TempDir, Store) {
    common::quiet_log();
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("demo.db");
    cercles::demo::build_scaled(&path, "admin", scale).unwrap();
    let s = Store::open(&path, "admin").unwrap();
    (dir, s)
}

#[test]
fn the_demo_holds_the_partners_and_the_workshops_of_the_report() {
    let (_dir, s) = demo(1);
    let lines = s.event_lines().unwrap();
    let poitiers = lines
        .iter()
        .find(|l| l.event.kind == EventKind::RencontreNationale)
        .unwrap();
    assert_eq!(poitiers.workshops, 60);
    assert_eq!(
        workshop_figure(poitiers.event.figures.ateliers, poitiers.workshops),
        Some(60)
    );
    let workshops = s.workshops(poitiers.event.id).unwrap();
    assert_eq!(workshops.len(), 60);
    for title in [
        "Construire un budget de campagne",
        "Tenir compte des émotions en politique",
        "Villes refuges : accueillir les populations exilées",
    ] {
        assert!(workshops.iter().any(|w| w.title == title), "{title}");
    }
    assert!(
        workshops
            .iter()
            .all(|w| !w.slot.is_empty() && !w.room.is_empty() && !w.facilitators.is_empty())
    );
    // Ten rooms, six slots: no room holds two workshops at once.
    let mut seen = std::collections::HashSet::new();
    assert!(workshops.iter().all(|w| seen.insert((&w.slot, &w.room))));
    let (bytes, _) = export_events(&s, Format::Json, Some(2025)).unwrap();
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&bytes).unwrap();
    let exported = rows
        .iter()
        .find(|r| r["type"] == "rencontre nationale")
        .unwrap();
    assert_eq!(exported["ateliers"], 60);

    // The partners the report names, with their kinds.
    let partners = s.partners().unwrap();
    assert_eq!(partners.len(), 17);
    for name in [
        "Fréquence Commune et la Horde",
        "l'Anvita",
        "Alternatiba",
        "Pas Sans Nous",
        "Communa",
        "Fondation La Concorde",
    ] {
        assert!(partners.iter().any(|p| p.name == name), "{name}");
    }
    for kind in PartnerKind::ALL
        .into_iter()
        .filter(|k| *k != PartnerKind::Autre)
    {
        assert!(partners.iter().any(|p| p.kind == kind), "{kind:?}");
    }
    // The co-garant·es: an employee and a co-référent·e; two partners still lack one.
    let employees: Vec<i64> = s
        .people(&PersonFilter {
            kind: Some(PersonKind::Salarie),
            ..PersonFilter::default()
        })
        .unwrap()
        .rows()
        .map(|r| r.person.id)
        .collect();
    let corefs: Vec<i64> = s
        .people(&PersonFilter {
            role: Some(CircleRole::CoReferent),
            ..PersonFilter::default()
        })
        .unwrap()
        .rows()
        .map(|r| r.person.id)
        .collect();
    let lacking: Vec<&str> = partners
        .iter()
        .filter(|p| p.lacks_garant())
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(lacking, ["Coop des milieux", "Energie de Nantes"]);
    for p in partners.iter().filter(|p| !p.lacks_garant()) {
        assert!(
            employees.contains(&p.garant_employee.unwrap()),
            "{}",
            p.name
        );
        assert!(corefs.contains(&p.garant_coref.unwrap()), "{}", p.name);
    }

    // Poitiers: co-organised by Poitiers Collectif, with its speakers.
    let at_poitiers = s.event_partners(poitiers.event.id).unwrap();
    assert_eq!(
        at_poitiers[0].0.role,
        PartnerRole::CoOrganisateur,
        "co-organisers first"
    );
    assert_eq!(at_poitiers[0].1.name, "Poitiers Collectif");
    let speakers = at_poitiers
        .iter()
        .filter(|(l, _)| l.role == PartnerRole::Intervenant)
        .count();
    assert_eq!(speakers, 12);
    // Other rencontres have partners too.
    let alternatiba = partners.iter().find(|p| p.name == "Alternatiba").unwrap();
    let events: Vec<String> = s
        .partner_events(alternatiba.id)
        .unwrap()
        .into_iter()
        .map(|(_, e)| e.title)
        .collect();
    assert_eq!(
        events,
        [
            "Rencontres nationales de Poitiers",
            "Rencontre locale de Bayonne"
        ]
    );
    let communa = partners.iter().find(|p| p.name == "Communa").unwrap();
    let upcoming = &s.partner_events(communa.id).unwrap()[0].1;
    assert!(upcoming.is_upcoming(s.today()), "{}", upcoming.title);
    assert!(s.check().unwrap().is_ok());
}

#[test]
fn scale_multiplies_the_partners() {
    let (_dir, s) = demo(2);
    let partners = s.partners().unwrap();
    assert_eq!(partners.len(), 34);
    assert!(partners.iter().any(|p| p.name == "Communa (2)"));
    assert_eq!(partners.iter().filter(|p| p.lacks_garant()).count(), 4);
    assert!(s.check().unwrap().is_ok());
}

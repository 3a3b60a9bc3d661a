//! `cercles export events`: DESIGN.md's columns, a month-dated and an undated event, figures,
//! checklist progress, `;` in a title, the year filter, JSON.

use chrono::NaiveDate;
use tempfile::TempDir;

use cercles::exchange::Format;
use cercles::exchange::events::{COLUMNS, export_events};
use cercles::model::{EventDraft, EventKind, EventStatus, When};
use cercles::store::Store;

mod common;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn fresh() -> (TempDir, Store) {
    common::quiet_log();
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("t.db");
    Store::create_with(&path, "admin", Some(d(2025, 11, 20)), |_| Ok(())).unwrap();
    let store = Store::open(&path, "admin").unwrap();
    (dir, store)
}

#[test]
fn events_export_with_designs_columns() {
    let (_dir, mut s) = fresh();
    let mut poitiers = EventDraft {
        start: Some(When::Day(d(2025, 8, 22))),
        end: Some(When::Day(d(2025, 8, 24))),
        place: "Poitiers; campus".into(),
        commune: "Poitiers".into(),
        status: EventStatus::Realisee,
        ..EventDraft::new("Rencontres nationales", EventKind::RencontreNationale, 2025)
    };
    poitiers.figures.participants = Some(450);
    poitiers.figures.elu_es = Some(68);
    let p = s.add_event(&poitiers).unwrap();
    let tasks = s.apply_template(p.id, "rencontre_nationale").unwrap();
    s.set_task_status(
        tasks[0].id,
        tasks[0].version,
        cercles::model::TaskStatus::Fait,
    )
    .unwrap();
    s.add_event(&EventDraft {
        start: When::month(2025, 6),
        ..EventDraft::new("Trévoux", EventKind::RencontreLocale, 2025)
    })
    .unwrap();
    s.add_event(&EventDraft::new("Dijon", EventKind::RencontreLocale, 2025))
        .unwrap();
    s.add_event(&EventDraft::new("AG 2026", EventKind::Ag, 2026))
        .unwrap();

    let (bytes, rows) = export_events(&s, Format::Csv, Some(2025)).unwrap();
    assert_eq!(rows, 3);
    let text = String::from_utf8(bytes).unwrap();
    let text = text.trim_start_matches('\u{feff}');
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "titre;type;debut;fin;lieu;code_insee;statut;participants;membres_collectifs;elu_es;\
         benevoles;ateliers;personnes_ressources;taches_faites;taches_total"
    );
    assert_eq!(lines[0].split(';').count(), COLUMNS.len());
    let total = tasks.len();
    assert!(
        lines.contains(&format!(
            "Rencontres nationales;rencontre nationale;2025-08-22;2025-08-24;\"Poitiers; campus\";\
             86194;réalisée;450;;68;;;;1;{total}"
        )
        .as_str()),
        "{text}"
    );
    assert!(
        lines.contains(&"Trévoux;rencontre locale;2025-06;;;;prévue;;;;;;;0;0"),
        "{text}"
    );
    assert!(
        lines.contains(&"Dijon;rencontre locale;;;;;prévue;;;;;;;0;0"),
        "{text}"
    );
    assert!(!text.contains("AG 2026"));

    let (json, rows) = export_events(&s, Format::Json, None).unwrap();
    assert_eq!(rows, 4);
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let first = v
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["titre"] == "Rencontres nationales")
        .unwrap();
    assert_eq!(first["type"], "rencontre nationale");
    assert_eq!(first["participants"], 450);
    assert_eq!(first["membres_collectifs"], serde_json::Value::Null);
    assert_eq!(first["taches_faites"], 1);
}

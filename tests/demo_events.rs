//! The demo's rencontres: Poitiers with its figures and its checklist done, the visios
//! Municipales Assistance totalling 104 participants, an upcoming rencontre locale with
//! overdue tasks, `check` ok.

use cercles::model::{EventKind, EventStatus};
use cercles::store::Store;

mod common;

#[test]
fn the_demo_holds_the_rencontres_of_the_report() {
    common::quiet_log();
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("demo.db");
    cercles::demo::build(&path, "admin").unwrap();
    let s = Store::open(&path, "admin").unwrap();
    let lines = s.event_lines().unwrap();

    let poitiers = lines
        .iter()
        .find(|l| l.event.kind == EventKind::RencontreNationale)
        .unwrap();
    let f = poitiers.event.figures;
    assert_eq!(
        (
            f.participants,
            f.membres_collectifs,
            f.elu_es,
            f.ateliers,
            f.benevoles
        ),
        (Some(450), Some(211), Some(68), Some(60), Some(50))
    );
    assert_eq!(poitiers.event.commune.as_deref(), Some("86194"));
    assert!(poitiers.progress.total > 0);
    assert_eq!(poitiers.progress.done, poitiers.progress.total);

    let visios: Vec<_> = lines
        .iter()
        .filter(|l| l.event.kind == EventKind::VisioMa)
        .collect();
    assert_eq!(visios.len(), 13);
    let total: u32 = visios
        .iter()
        .map(|l| l.event.figures.participants.unwrap())
        .sum();
    assert_eq!(total, 104);
    assert!(visios.iter().all(|l| !l.event.needs_resource_persons()));

    // The upcoming rencontre locale (listed among the upcoming, after the AG and the cercle
    // général of December, month-dated, which sort at the 1st), with open and overdue tasks.
    let first = lines
        .iter()
        .take_while(|l| l.event.is_upcoming(s.today()))
        .find(|l| l.event.kind == EventKind::RencontreLocale)
        .unwrap();
    assert!(first.overdue > 0 && first.progress.done < first.progress.total);
    assert!(
        lines
            .iter()
            .any(|l| l.event.kind == EventKind::Ag && l.event.status == EventStatus::Confirmee)
    );
    let undated = lines.iter().filter(|l| l.event.start.is_none()).count();
    assert!(undated >= 3, "{undated}");
    // Someone has tasks of their own.
    let owner = s.event_tasks(first.event.id).unwrap()[0].owner.unwrap();
    assert!(!s.my_tasks(owner).unwrap().is_empty());
    assert!(s.check().unwrap().is_ok());
}

//! Store tests of the rencontres (issue 10): events and their checklists' tasks, conflicts,
//! roles, planning from a template, moving an event with and without re-planning, "mes
//! tâches", overdue tasks, `check` after the writes.

use chrono::NaiveDate;
use tempfile::TempDir;

use cercles::model::{
    EventDraft, EventKind, EventStatus, PersonDraft, Role, TaskDraft, TaskStatus, When,
};
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

fn local(title: &str, on: NaiveDate) -> EventDraft {
    EventDraft {
        start: Some(When::Day(on)),
        place: "Salle des fêtes".into(),
        commune: "Trévoux".into(),
        ..EventDraft::new(title, EventKind::RencontreLocale, 2025)
    }
}

fn field_of(e: StoreError) -> String {
    match e {
        StoreError::Field(f) => f.field.to_owned(),
        other => panic!("expected a field error, got {other:?}"),
    }
}

#[test]
fn an_event_is_created_edited_and_a_stale_edit_is_a_conflict() {
    let (_dir, mut s) = fresh();
    let e = s
        .add_event(&local("Rencontre de Trévoux", d(2025, 6, 14)))
        .unwrap();
    assert_eq!(e.commune.as_deref(), Some("01427"));
    assert_eq!(e.status, EventStatus::Prevue);
    let mut draft = e.draft();
    draft.status = EventStatus::Realisee;
    draft.figures.participants = Some(80);
    let saved = s
        .update_event(e.id, e.version, &draft, false)
        .unwrap()
        .event;
    assert_eq!(saved.version, e.version + 1);
    assert_eq!(saved.figures.participants, Some(80));
    // A second edit from the first version is refused and writes nothing.
    draft.title = "Autre titre".into();
    let err = s.update_event(e.id, e.version, &draft, false).unwrap_err();
    assert!(matches!(err, StoreError::Conflict { .. }), "{err:?}");
    assert_eq!(
        s.event(e.id).unwrap().unwrap().title,
        "Rencontre de Trévoux"
    );
    // A refusal names its field.
    let mut bad = local("Bayonne", d(2025, 3, 1));
    bad.year = 2026;
    assert_eq!(field_of(s.add_event(&bad).unwrap_err()), "start");
    let mut no_title = local(" ", d(2025, 3, 1));
    no_title.commune = String::new();
    assert_eq!(field_of(s.add_event(&no_title).unwrap_err()), "title");
    let mut unknown = local("X", d(2025, 3, 1));
    unknown.commune = "Nullepartville".into();
    assert_eq!(field_of(s.add_event(&unknown).unwrap_err()), "commune");
    // Month precision and undated are kept as such.
    let juin = s
        .add_event(&EventDraft {
            start: When::month(2025, 6),
            ..EventDraft::new("Mûrs-Erigné", EventKind::RencontreLocale, 2025)
        })
        .unwrap();
    assert_eq!(juin.start, When::month(2025, 6));
    let dijon = s
        .add_event(&EventDraft::new("Dijon", EventKind::RencontreLocale, 2025))
        .unwrap();
    assert_eq!(dijon.start, None);
    assert!(s.check().unwrap().is_ok());
}

#[test]
fn roles_lecture_writes_nothing_a_benevole_ticks_tasks_but_does_not_edit_events() {
    let (dir, mut s) = fresh();
    s.add_user("benoit", Role::Benevole, None).unwrap();
    s.add_user("lecteur", Role::Lecture, None).unwrap();
    let e = s.add_event(&local("Bayonne", d(2025, 12, 13))).unwrap();
    let t = s
        .add_task(e.id, &TaskDraft::new("Réserver la salle"))
        .unwrap();
    let path = dir.path().join("t.db");

    let mut b = Store::open(&path, "benoit").unwrap();
    let ticked = b.set_task_status(t.id, t.version, t.status.next()).unwrap();
    assert_eq!(ticked.status, TaskStatus::EnCours);
    let err = b
        .update_event(e.id, e.version, &e.draft(), false)
        .unwrap_err();
    assert!(matches!(err, StoreError::Forbidden { .. }), "{err:?}");
    let err = b.apply_template(e.id, "rencontre_locale").unwrap_err();
    assert!(matches!(err, StoreError::Forbidden { .. }), "{err:?}");
    b.add_task(e.id, &TaskDraft::new("Affiches")).unwrap();

    let mut l = Store::open(&path, "lecteur").unwrap();
    assert_eq!(l.event_tasks(e.id).unwrap().len(), 2);
    let err = l
        .set_task_status(ticked.id, ticked.version, TaskStatus::Fait)
        .unwrap_err();
    assert!(matches!(err, StoreError::Forbidden { .. }), "{err:?}");
    let err = l.add_event(&local("X", d(2025, 12, 1))).unwrap_err();
    assert!(matches!(err, StoreError::Forbidden { .. }), "{err:?}");
    assert!(l.check().unwrap().is_ok());
}

#[test]
fn a_template_plans_backwards_and_a_move_replans_only_open_tasks() {
    let (_dir, mut s) = fresh();
    let e = s.add_event(&local("Trévoux", d(2025, 12, 13))).unwrap();
    let tasks = s.apply_template(e.id, "rencontre_locale").unwrap();
    assert!(tasks.len() >= 5);
    // The local template's first task is at J-60 (see tests/checklists.rs), its last at J+15.
    assert_eq!(tasks[0].due, Some(d(2025, 10, 14)));
    assert_eq!(tasks.last().unwrap().due, Some(d(2025, 12, 28)));
    assert!(tasks.iter().all(|t| !t.circle.is_empty()));
    assert!(tasks.windows(2).all(|w| w[0].position < w[1].position));
    // Overdue by the Clock (20/11/2025).
    let today = s.today();
    assert!(tasks[0].is_overdue(today));
    let line = s
        .event_lines()
        .unwrap()
        .into_iter()
        .find(|l| l.event.id == e.id)
        .unwrap();
    assert_eq!(line.progress.done, 0);
    assert_eq!(line.progress.total, tasks.len() as u32);
    assert!(line.overdue >= 1);

    // Two done (dated today), one abandoned.
    let done = s
        .set_task_status(tasks[0].id, tasks[0].version, TaskStatus::Fait)
        .unwrap();
    assert_eq!(done.done, Some(today));
    s.set_task_status(tasks[1].id, tasks[1].version, TaskStatus::Fait)
        .unwrap();
    s.set_task_status(tasks[2].id, tasks[2].version, TaskStatus::Abandonne)
        .unwrap();
    let back = s
        .set_task_status(tasks[1].id, tasks[1].version + 1, TaskStatus::AFaire)
        .unwrap();
    assert_eq!(back.done, None);
    s.set_task_status(tasks[1].id, back.version, TaskStatus::Fait)
        .unwrap();
    let line = s
        .event_lines()
        .unwrap()
        .into_iter()
        .find(|l| l.event.id == e.id)
        .unwrap();
    assert_eq!(line.progress.done, 2);
    assert_eq!(line.progress.total, tasks.len() as u32 - 1);

    // A week later without re-planning: nothing moves.
    let e = s.event(e.id).unwrap().unwrap();
    let moved = s
        .move_event(
            e.id,
            e.version,
            Some(When::Day(d(2025, 12, 20))),
            None,
            false,
        )
        .unwrap();
    assert_eq!(moved.replanned, 0);
    let same: Vec<_> = s.event_tasks(e.id).unwrap().iter().map(|t| t.due).collect();
    assert_eq!(same, tasks.iter().map(|t| t.due).collect::<Vec<_>>());

    // A week later again, re-planning: the open tasks move a week, done and abandoned stay.
    let moved = s
        .move_event(
            e.id,
            moved.event.version,
            Some(When::Day(d(2025, 12, 27))),
            None,
            true,
        )
        .unwrap();
    assert_eq!(moved.replanned, tasks.len() - 3);
    let after = s.event_tasks(e.id).unwrap();
    for (before, now) in tasks.iter().zip(&after) {
        if now.status.is_closed() {
            assert_eq!(now.due, before.due, "{}", now.title);
        } else {
            assert_eq!(
                now.due,
                before.due.map(|x| x + chrono::Days::new(7)),
                "{}",
                now.title
            );
        }
    }
    // Stale: the move is refused whole, no task moves.
    let err = s
        .move_event(e.id, e.version, Some(When::Day(d(2026, 1, 3))), None, true)
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict { .. }), "{err:?}");
    assert_eq!(s.event_tasks(e.id).unwrap(), after);
    // An undated event has nothing to plan from.
    let undated = s
        .add_event(&EventDraft::new(
            "Audenge",
            EventKind::RencontreLocale,
            2025,
        ))
        .unwrap();
    assert!(matches!(
        s.apply_template(undated.id, "rencontre_locale"),
        Err(StoreError::Invalid(_))
    ));
    assert!(s.check().unwrap().is_ok());

    // Deleting the event deletes its tasks, journaled.
    let e = s.event(e.id).unwrap().unwrap();
    s.delete_event(e.id, e.version).unwrap();
    assert!(s.event_tasks(e.id).unwrap().is_empty());
    assert!(s.check().unwrap().is_ok());
}

#[test]
fn my_tasks_across_events_with_their_event_title() {
    let (dir, mut s) = fresh();
    let anne = s
        .add_person(&PersonDraft {
            last_name: "Lefort".into(),
            first_name: "Anne".into(),
            ..PersonDraft::default()
        })
        .unwrap();
    s.add_user("anne", Role::Benevole, Some(anne.id)).unwrap();
    let a = s.add_event(&local("Bayonne", d(2025, 12, 13))).unwrap();
    let b = s
        .add_event(&EventDraft {
            start: Some(When::Day(d(2025, 12, 6))),
            ..EventDraft::new("AG 2025", EventKind::Ag, 2025)
        })
        .unwrap();
    let mine = TaskDraft {
        owner: Some(anne.id),
        due: Some(d(2025, 12, 1)),
        ..TaskDraft::new("Convocations")
    };
    s.add_task(b.id, &mine).unwrap();
    s.add_task(
        a.id,
        &TaskDraft {
            due: Some(d(2025, 11, 1)),
            ..mine.clone()
        },
    )
    .unwrap();
    s.add_task(a.id, &TaskDraft::new("Pas à moi")).unwrap();
    let unknown = TaskDraft {
        owner: Some(9999),
        ..TaskDraft::new("X")
    };
    assert_eq!(field_of(s.add_task(a.id, &unknown).unwrap_err()), "owner");

    let list = s.my_tasks(anne.id).unwrap();
    let seen: Vec<(&str, bool)> = list
        .iter()
        .map(|m| (m.event_title.as_str(), m.task.is_overdue(s.today())))
        .collect();
    assert_eq!(seen, [("Bayonne", true), ("AG 2025", false)]);
    let path = dir.path().join("t.db");
    let as_anne = Store::open(&path, "anne").unwrap();
    assert_eq!(as_anne.my_own_tasks().unwrap().len(), 2);
    assert!(s.my_own_tasks().unwrap().is_empty());

    // Edit a task: marked fait without a date, it is done today.
    let t = &list[0].task;
    let mut draft = t.draft();
    draft.status = TaskStatus::Fait;
    let saved = s.update_task(t.id, t.version, &draft).unwrap();
    assert_eq!(saved.done, Some(s.today()));
    let err = s.update_task(t.id, t.version, &draft).unwrap_err();
    assert!(matches!(err, StoreError::Conflict { .. }), "{err:?}");
    s.delete_task(saved.id, saved.version).unwrap();
    assert_eq!(s.my_tasks(anne.id).unwrap().len(), 1);
    assert!(s.check().unwrap().is_ok());
}

#[test]
fn the_list_puts_upcoming_first() {
    let (_dir, mut s) = fresh();
    s.add_event(&local("Passée", d(2025, 6, 14))).unwrap();
    s.add_event(&local("Bientôt", d(2025, 12, 13))).unwrap();
    s.add_event(&EventDraft {
        start: Some(When::Day(d(2025, 12, 6))),
        status: EventStatus::Confirmee,
        ..EventDraft::new("AG", EventKind::Ag, 2025)
    })
    .unwrap();
    let titles: Vec<String> = s.events().unwrap().into_iter().map(|e| e.title).collect();
    assert_eq!(titles, ["AG", "Bientôt", "Passée"]);
    let lines: Vec<String> = s
        .event_lines()
        .unwrap()
        .into_iter()
        .map(|l| l.event.title)
        .collect();
    assert_eq!(lines, titles);
}

#[test]
fn check_names_an_event_changed_behind_the_programs_back() {
    let (dir, mut s) = fresh();
    s.add_event(&local("Grenoble", d(2025, 5, 17))).unwrap();
    drop(s);
    let path = dir.path().join("t.db");
    common::tamper(&path, "UPDATE events SET participants = 9999");
    let s = Store::open(&path, "admin").unwrap();
    let problem = s.check().unwrap().unwrap_err();
    assert!(problem.contains("events"), "{problem}");
}

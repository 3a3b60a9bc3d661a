//! Two sessions on one base in the Rencontres tab (issue 10): a task ticked in one shows in the
//! other at once; a task edited in one while the other ticks it meets the merge panel, nothing
//! overwritten; a task deleted meanwhile is offered anew from what was typed.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use cercles::model::TaskStatus;
use cercles::store::Store;
use cercles::tui::App;
use common::tui::{ADMIN, demo, message_text, press, screen_text, typ};
use ratatui::crossterm::event::KeyCode;

fn on_melle_checklist(path: &std::path::Path) -> App {
    let mut app = App::new(Store::open(path, ADMIN).unwrap()).unwrap();
    press(&mut app, KeyCode::Char('4'));
    press(&mut app, KeyCode::Char('/'));
    typ(&mut app, "melle");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    // The fifth task: "Annoncer la rencontre", à faire.
    for _ in 0..4 {
        press(&mut app, KeyCode::Down);
    }
    app
}

fn announce(store: &Store) -> cercles::model::Task {
    let melle = store
        .events()
        .unwrap()
        .into_iter()
        .find(|e| e.title == "Rencontre locale de Melle")
        .unwrap();
    store
        .event_tasks(melle.id)
        .unwrap()
        .into_iter()
        .find(|t| t.title.starts_with("Annoncer la rencontre"))
        .unwrap()
}

#[test]
fn a_task_ticked_in_one_session_shows_in_the_other_at_once() {
    let (_dir, path) = demo();
    let mut a = on_melle_checklist(&path);
    let mut b = on_melle_checklist(&path);
    assert!(screen_text(&b).contains("> [ ] 13/11/2025 Annoncer"));
    press(&mut a, KeyCode::Char(' '));
    assert!(b.poll_changes(), "the other session's commit is seen");
    let text = screen_text(&b);
    assert!(text.contains("> [~] 13/11/2025 Annoncer"), "{text}");
    assert!(!b.poll_changes());
}

#[test]
fn an_edit_meeting_a_tick_from_elsewhere_opens_the_merge_panel() {
    let (_dir, path) = demo();
    let mut a = on_melle_checklist(&path);
    let mut b = on_melle_checklist(&path);
    // B opens the task and writes a note.
    press(&mut b, KeyCode::Char('e'));
    for _ in 0..6 {
        press(&mut b, KeyCode::Tab);
    }
    typ(&mut b, "affiche chez la boulangère");
    // A ticks it meanwhile.
    press(&mut a, KeyCode::Char(' '));
    b.poll_changes();
    let warned = message_text(&b);
    assert!(
        warned.contains("modifiée dans une autre session"),
        "{warned}"
    );
    // B saves: the merge panel, field by field; B keeps both (the state from A, the note).
    press(&mut b, KeyCode::F(2));
    let rows = common::tui::conflict_rows(&b).expect("the merge panel");
    assert!(
        rows.iter().any(|r| r.theirs.contains("en cours")),
        "{:?}",
        rows.iter().map(|r| &r.theirs).collect::<Vec<_>>()
    );
    // Take theirs where only they changed, keep mine for the note, then save.
    press(&mut b, KeyCode::Char('t'));
    press(&mut b, KeyCode::Enter);
    press(&mut b, KeyCode::F(2));
    let store = Store::open(&path, ADMIN).unwrap();
    let t = announce(&store);
    assert_eq!(t.status, TaskStatus::EnCours, "A's tick kept");
    assert!(store.check().unwrap().is_ok());
}

#[test]
fn a_task_deleted_elsewhere_while_edited_is_offered_anew() {
    let (_dir, path) = demo();
    let mut b = on_melle_checklist(&path);
    press(&mut b, KeyCode::Char('e'));
    for _ in 0..6 {
        press(&mut b, KeyCode::Tab);
    }
    typ(&mut b, "à refaire");
    let mut other = Store::open(&path, ADMIN).unwrap();
    let t = announce(&other);
    other.delete_task(t.id, t.version).unwrap();
    press(&mut b, KeyCode::F(2));
    let said = message_text(&b);
    assert!(said.contains("supprimé"), "{said}");
    // F2 again: created anew from what was typed.
    press(&mut b, KeyCode::F(2));
    let store = Store::open(&path, ADMIN).unwrap();
    let again = announce(&store);
    assert_ne!(again.id, t.id);
    assert_eq!(again.notes, "à refaire");
}

//! Bracketed paste: pasted text reaches the field or filter that has the keyboard in one piece,
//! cleaned, and its characters are never taken for keys.

mod common;

use std::path::Path;

use cercles::store::Store;
use cercles::tui::tabs::Tab;
use cercles::tui::{App, Theme};
use common::tui::{ADMIN, demo, form_open, key, selected_circle};
use ratatui::crossterm::event::KeyCode;

fn app(path: &Path) -> App {
    let mut app = App::new(Store::open(path, ADMIN).unwrap()).unwrap();
    app.theme = Theme::plain();
    app
}

#[test]
fn a_paste_into_a_person_form_is_cleaned_and_saved_whole() {
    let (_dir, path) = demo();
    let mut app = app(&path);
    app.handle_key(key(KeyCode::Char('2')));
    assert_eq!(app.tab, Tab::Membres);
    app.handle_key(key(KeyCode::Char('a')));
    // A Ctrl-A, an Esc, an RTL override and a line break inside the pasted name: none of them
    // may act as a key (Esc would close the form), and none may be stored.
    app.handle_paste("Du\u{1}pont\u{1b}\u{202e}-Lef\u{0065}\u{0300}vre\nZoé");
    assert!(form_open(&app), "the paste closed the form");
    app.handle_key(key(KeyCode::F(2)));
    assert!(!form_open(&app), "{:?}", app.message);
    let store = Store::open(&path, ADMIN).unwrap();
    let zoe = store.resolve_person("Dupont-Lefèvre Zoé").unwrap();
    assert_eq!(zoe.last_name, "Dupont-Lefèvre Zoé");
    assert_eq!(zoe.last_name.chars().filter(|c| *c == 'è').count(), 1);
}

#[test]
fn a_paste_outside_a_form_or_filter_does_nothing() {
    let (_dir, path) = demo();
    let mut app = app(&path);
    let before = app.tab;
    // "q2" typed would quit or switch tab; pasted it is ignored.
    app.handle_paste("q2");
    assert!(!app.should_quit());
    assert_eq!(app.tab, before);
}

#[test]
fn a_paste_into_the_circle_filter_filters() {
    let (_dir, path) = demo();
    let mut app = app(&path);
    app.handle_key(key(KeyCode::Char('/')));
    app.handle_paste("Financ\u{7}es");
    // The list's header shows the filter as typed, then its count.
    let buf = common::tui::buffer(&app);
    let header = common::tui::row(&buf, 1);
    assert!(header.starts_with("/Finances "), "{header}");
    assert_eq!(selected_circle(&app).as_deref(), Some("Finances"));
}

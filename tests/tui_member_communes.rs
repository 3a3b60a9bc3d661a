//! The communes of the Membres tab (issue 9), read from the screen: the quick filter of the
//! communes to review (what was typed shown, the person's form opened on it, a commune picked
//! taking them off the list), the commune field's suggestions and its refusals; snapshots at
//! 80x24 of the review list and of the form with the suggestions open.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use cercles::catalogue::members_tab::FIELD_COMMUNE;
use cercles::store::Store;
use cercles::tui::tabs::Tab;
use cercles::tui::{App, Theme};
use common::tui::{
    ADMIN, demo, field_error, form_open, form_value, key, member_count, member_header, member_rows,
    screen, screen_text, shown_person, typ, whole_detail,
};
use ratatui::crossterm::event::KeyCode;

fn app(path: &Path) -> App {
    let mut app = App::new(Store::open(path, ADMIN).unwrap()).unwrap();
    app.theme = Theme::plain();
    app.handle_key(key(KeyCode::Char('2')));
    assert_eq!(app.tab, Tab::Membres);
    app
}

fn press(app: &mut App, code: KeyCode) {
    app.handle_key(key(code));
}

/// The demo with two people whose commune awaits review, as the upgrade to schema 4 leaves
/// the communes typed before that named several communes or none: Adrien Benali typed
/// "Saint-Denis", Camille Aubert "Nowhere". Their names.
fn with_communes_to_review() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, path) = demo();
    let conn = rusqlite::Connection::open(&path).unwrap();
    for (first, last, typed) in [
        ("Adrien", "Benali", "Saint-Denis"),
        ("Camille", "Aubert", "Nowhere"),
    ] {
        let n = conn
            .execute(
                "UPDATE people SET commune = '', commune_typed = ?1
                 WHERE first_name = ?2 AND last_name = ?3",
                [typed, first, last],
            )
            .unwrap();
        assert_eq!(n, 1, "{first} {last}");
    }
    (dir, path)
}

#[test]
fn the_communes_to_review_are_listed_and_leave_the_list_once_picked() {
    let (_dir, path) = with_communes_to_review();
    let mut app = app(&path);
    let (_, chips) = member_header(&app);
    assert!(chips.contains("v à vérifier (2)"), "{chips}");
    press(&mut app, KeyCode::Char('v'));
    assert_eq!(member_count(&app), 2);
    let rows = member_rows(&app);
    assert!(
        rows[0].contains("Aubert Camille") && rows[0].contains("Nowhere"),
        "{rows:?}"
    );
    assert!(
        rows[1].contains("Benali Adrien") && rows[1].contains("Saint-Denis"),
        "{rows:?}"
    );
    let (_, chips) = member_header(&app);
    assert!(chips.contains("v:communes à vérifier"), "{chips}");
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(shown_person(&app).as_deref(), Some("Adrien Benali"));
    let detail = whole_detail(&app).join("\n");
    assert!(detail.contains("« Saint-Denis », à vérifier"), "{detail}");

    // The form opens on what was typed; the commune meant is picked.
    press(&mut app, KeyCode::Char('e'));
    assert_eq!(
        form_value(&app, FIELD_COMMUNE).as_deref(),
        Some("Saint-Denis")
    );
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    for _ in 0..20 {
        press(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "Saint-Denis (93)");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::F(2));
    assert!(!form_open(&app), "{:?}", app.message);
    assert_eq!(member_count(&app), 1, "picked, off the list");
    let (_, chips) = member_header(&app);
    assert!(chips.contains("v:communes à vérifier"), "{chips}");
    let store = Store::open(&path, ADMIN).unwrap();
    let adrien = store.resolve_person("Adrien Benali").unwrap();
    assert_eq!(
        (adrien.commune.as_str(), adrien.commune_typed.as_str()),
        ("93066", "")
    );

    // Back to everyone: Adrien's commune by its name and département.
    press(&mut app, KeyCode::Char('v'));
    let (_, chips) = member_header(&app);
    assert!(chips.contains("v à vérifier (1)"), "{chips}");
}

#[test]
fn an_ambiguous_commune_is_refused_under_the_field_and_nothing_is_saved() {
    let (_dir, path) = demo();
    let mut app = app(&path);
    let before = Store::open(&path, ADMIN).unwrap().check().unwrap().unwrap();
    press(&mut app, KeyCode::Char('a'));
    typ(&mut app, "Durand");
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    typ(&mut app, "Saint-Denis");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::F(2));
    assert!(form_open(&app), "the form stays open");
    let under = field_error(&app, FIELD_COMMUNE).expect("an error under the commune");
    assert!(under.contains("désigne plusieurs communes"), "{under}");
    let text = screen_text(&app);
    assert!(text.contains("précisez le département"), "{text}");
    let after = Store::open(&path, ADMIN).unwrap().check().unwrap().unwrap();
    assert_eq!(after, before, "nothing written");
}

#[test]
fn snapshot_communes_to_review() {
    let (_dir, path) = with_communes_to_review();
    let mut app = app(&path);
    press(&mut app, KeyCode::Char('v'));
    insta::assert_snapshot!("membres_communes_a_verifier", screen(&app).backend());
}

#[test]
fn snapshot_person_form_with_the_communes_suggested() {
    let (_dir, path) = demo();
    let mut app = app(&path);
    press(&mut app, KeyCode::Char('a'));
    typ(&mut app, "Durand");
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    typ(&mut app, "Poit");
    let text = screen_text(&app);
    assert!(text.contains("Poitiers (86)"), "{text}");
    insta::assert_snapshot!("membres_form_commune_suggestions", screen(&app).backend());
    // Entrée takes the one highlighted; the save resolves it.
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::F(2));
    assert!(!form_open(&app), "{:?}", app.message);
    let store = Store::open(&path, ADMIN).unwrap();
    let p = store.resolve_person("Durand").unwrap();
    let shown = cercles::geo::communes()
        .by_code(&p.commune)
        .unwrap()
        .label();
    assert!(shown.starts_with("Poit"), "{shown}");
}

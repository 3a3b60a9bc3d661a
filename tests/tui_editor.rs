//! The shared editor as the forms of both tabs use it, read from the screen: every field in
//! error marked at once, a refusal of the store under the field it names, a choice picked by
//! typing.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use cercles::catalogue::tui as msg;
use cercles::store::Store;
use cercles::tui::{App, Theme};
use common::tui::{ADMIN, demo, press, screen_text, select_circle, typ};
use ratatui::crossterm::event::KeyCode;

fn app(path: &std::path::Path) -> App {
    let mut app = App::new(Store::open(path, ADMIN).unwrap()).unwrap();
    app.theme = Theme::plain();
    app
}

/// The rows of the screen that show a field's error.
fn error_rows(screen: &str) -> Vec<&str> {
    screen.lines().filter(|l| l.contains(" ! ")).collect()
}

#[test]
fn every_field_in_error_is_marked_at_once() {
    let (_d, path) = demo();
    let mut app = app(&path);
    select_circle(&mut app, "Finances");
    press(&mut app, KeyCode::Enter);
    // A work item: a year that is none, a day that does not exist, no title.
    typ(&mut app, "a");
    typ(&mut app, "x");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "31/02/2025");
    press(&mut app, KeyCode::F(2));
    let screen = screen_text(&app);
    assert!(screen.contains(msg::FORM_HAS_ERRORS), "{screen}");
    // The year, the date and the title (required), each under its field.
    assert_eq!(error_rows(&screen).len(), 3, "{screen}");
}

#[test]
fn a_refusal_of_the_store_goes_under_the_field_it_names() {
    let (_d, path) = demo();
    let mut app = app(&path);
    // Someone of Plaidoyer, picked by typing; their role ended before it began.
    typ(&mut app, "2c");
    typ(&mut app, "plai");
    press(&mut app, KeyCode::Enter);
    typ(&mut app, "-");
    press(&mut app, KeyCode::Tab);
    for _ in 0..12 {
        press(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "01/01/1990");
    press(&mut app, KeyCode::F(2));
    let screen = screen_text(&app);
    let under: Vec<&str> = error_rows(&screen);
    assert_eq!(under.len(), 1, "{screen}");
    assert!(under[0].contains("est avant le début du rôle"), "{screen}");
    // The status line names the field in French.
    assert!(screen.contains("fin le : 01/01/1990"), "{screen}");
}

#[test]
fn the_instance_of_a_decision_is_picked_by_typing() {
    let (_d, path) = demo();
    let mut app = app(&path);
    select_circle(&mut app, "Plaidoyer");
    press(&mut app, KeyCode::Enter);
    while !common::tui::focused_section(&app)
        .is_some_and(|s| s.starts_with(cercles::catalogue::circles_tab::SECTION_DECISIONS))
    {
        press(&mut app, KeyCode::Tab);
    }
    typ(&mut app, "a");
    assert!(
        screen_text(&app).contains("‹ Plaidoyer ›"),
        "{}",
        screen_text(&app)
    );
    // Without case or accents, part of the name: the best match first.
    typ(&mut app, "GENER");
    press(&mut app, KeyCode::Enter);
    assert!(
        screen_text(&app).contains("‹ cercle général ›"),
        "{}",
        screen_text(&app)
    );
    // Échap leaves the search, the value stays, the form stays open.
    typ(&mut app, "coord");
    press(&mut app, KeyCode::Esc);
    let screen = screen_text(&app);
    assert!(screen.contains("‹ cercle général ›"), "{screen}");
    assert!(!screen.contains(msg::CONFIRM_DISCARD), "{screen}");
}

//! An event's workshops and partners, and the partnerships' follow-up, driven from the
//! Rencontres tab at 80x24 (issue 10): the workshops' count feeding the event's figures, a
//! partner associated then taken off, a partner created with its co-garant·es picked by typing,
//! the partners missing a co-garant·e; what was written checked in the base.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use cercles::store::Store;
use cercles::tui::App;
use common::tui::{ADMIN, demo, message_text, press, screen, screen_text, typ};
use ratatui::crossterm::event::KeyCode;

fn app(path: &std::path::Path) -> App {
    let mut app = App::new(Store::open(path, ADMIN).unwrap()).unwrap();
    press(&mut app, KeyCode::Char('4'));
    app
}

fn find(app: &mut App, text: &str) {
    press(app, KeyCode::Char('/'));
    typ(app, text);
    press(app, KeyCode::Enter);
}

fn poitiers(store: &Store) -> cercles::model::Event {
    store
        .events()
        .unwrap()
        .into_iter()
        .find(|e| e.title == "Rencontres nationales de Poitiers")
        .unwrap()
}

#[test]
fn the_workshops_of_poitiers_count_in_its_figures_and_one_more_is_added() {
    let (_dir, path) = demo();
    let store = Store::open(&path, ADMIN).unwrap();
    let before = store.workshops(poitiers(&store).id).unwrap().len();
    assert_eq!(before, 60, "the report's figure");
    let mut app = app(&path);
    find(&mut app, "nationales de poitiers");
    let text = common::tui::whole_detail(&app).join("\n");
    assert!(text.contains("ateliers : 60"), "{text}");
    assert!(text.contains("participants : 450"), "{text}");
    assert!(text.contains("Partenaires associés"), "{text}");

    // Entrée, then Tab: the workshops.
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab);
    let text = screen_text(&app);
    assert!(text.contains("[Ateliers 60]"), "{text}");
    assert!(text.contains("créneau"), "{text}");
    insta::assert_snapshot!("rencontres_ateliers", screen(&app).backend());

    press(&mut app, KeyCode::Char('a'));
    typ(&mut app, "Budget participatif : retours d'expérience");
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "dimanche 14h–16h");
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "salle C");
    press(&mut app, KeyCode::F(2));
    assert!(
        message_text(&app).contains("atelier « Budget participatif"),
        "{}",
        message_text(&app)
    );
    assert!(screen_text(&app).contains("[Ateliers 61]"));
    press(&mut app, KeyCode::Esc);
    let text = common::tui::whole_detail(&app).join("\n");
    assert!(text.contains("ateliers : 61"), "{text}");
    let out = common::command()
        .args(["--db"])
        .arg(&path)
        .args(["--as", ADMIN, "export", "events", "--year", "2025"])
        .output()
        .unwrap();
    let csv = String::from_utf8_lossy(&out.stdout);
    let line = csv
        .lines()
        .find(|l| l.contains("Rencontres nationales de Poitiers"))
        .unwrap_or_default();
    assert!(line.contains(";61;"), "{csv}");
    assert!(Store::open(&path, ADMIN).unwrap().check().unwrap().is_ok());
}

#[test]
fn a_partner_is_associated_with_an_event_then_taken_off() {
    let (_dir, path) = demo();
    let mut app = app(&path);
    find(&mut app, "melle");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    // Communa speaks there already (the demo).
    assert!(
        screen_text(&app).contains("[Partenaires 1]"),
        "{}",
        screen_text(&app)
    );
    press(&mut app, KeyCode::Char('a'));
    typ(&mut app, "alterna");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::F(2));
    let said = message_text(&app);
    assert!(
        said.contains("« Alternatiba » associé comme intervenant"),
        "{said}"
    );
    let text = screen_text(&app);
    assert!(text.contains("[Partenaires 2]"), "{text}");
    assert!(text.contains("Alternatiba"), "{text}");
    // The same again: refused, said under the field.
    press(&mut app, KeyCode::Char('a'));
    typ(&mut app, "alterna");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::F(2));
    assert!(common::tui::form_open(&app), "{}", screen_text(&app));
    // Échap, and yes to leaving what was typed.
    press(&mut app, KeyCode::Esc);
    assert!(
        screen_text(&app).contains("o : oui"),
        "{}",
        screen_text(&app)
    );
    press(&mut app, KeyCode::Char('o'));
    assert!(!common::tui::form_open(&app));
    // d: taken off, the partner itself kept.
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Char('o'));
    let text = screen_text(&app);
    assert!(text.contains("[Partenaires 1]"), "{text}");
    assert!(
        text.contains("« Alternatiba » n'est plus associé"),
        "{text}"
    );
    assert!(
        !text
            .lines()
            .any(|l| l.contains("intervenant") && l.contains("Alternatiba")),
        "{text}"
    );
    let store = Store::open(&path, ADMIN).unwrap();
    assert!(
        store
            .partners()
            .unwrap()
            .iter()
            .any(|p| p.name == "Alternatiba")
    );
    assert!(store.check().unwrap().is_ok());
}

#[test]
fn the_partnerships_follow_up_shows_those_missing_a_co_garant_and_takes_a_new_one() {
    let (_dir, path) = demo();
    let mut app = app(&path);
    press(&mut app, KeyCode::Char('p'));
    let text = screen_text(&app);
    assert!(
        text.contains("Partenaires  17 · 2 sans co-garant·e"),
        "{text}"
    );
    assert!(text.contains("sans co-garant·e"), "{text}");
    assert!(text.contains("Fréquence Commune"), "{text}");
    insta::assert_snapshot!("rencontres_partenariats", screen(&app).backend());
    // u: only those missing a co-garant·e, each marked.
    press(&mut app, KeyCode::Char('u'));
    let store = Store::open(&path, ADMIN).unwrap();
    let lacking = store
        .partners()
        .unwrap()
        .into_iter()
        .filter(|p| p.lacks_garant())
        .count();
    assert!(lacking > 0);
    let text = screen_text(&app);
    let marked = text
        .lines()
        .filter(|l| l.starts_with("  !") || l.starts_with("> !"))
        .count();
    assert_eq!(marked, lacking, "{text}");
    assert!(text.contains("il manque un·e co-garant·e"), "{text}");
    press(&mut app, KeyCode::Char('u'));

    // a: a new partner, its co-garant·es picked by typing.
    press(&mut app, KeyCode::Char('a'));
    typ(&mut app, "Réseau des communes en transition");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "amandine");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "camille aub");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::F(2));
    assert!(
        message_text(&app).contains("partenaire « Réseau des communes en transition » enregistré"),
        "{}",
        message_text(&app)
    );
    let text = screen_text(&app);
    assert!(text.contains("Co-garant·e salarié·e : Amandine"), "{text}");
    assert!(text.contains("associé à aucune rencontre"), "{text}");
    let p = Store::open(&path, ADMIN)
        .unwrap()
        .partners()
        .unwrap()
        .into_iter()
        .find(|p| p.name == "Réseau des communes en transition")
        .unwrap();
    assert!(p.garant_employee.is_some() && p.garant_coref.is_some());
    assert!(!p.lacks_garant());
}

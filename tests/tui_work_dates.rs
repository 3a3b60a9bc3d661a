//! The work log's month dates on screen and in the form, and what carrying an item to
//! another year says about its date.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use cercles::catalogue::circles_tab::{LABEL_DATE, LABEL_TITLE};
use cercles::model::When;
use cercles::store::Store;
use cercles::tui::{App, Theme};
use common::tui::{ADMIN, demo, field_focused, form_open, press, select_circle as select, typ};
use ratatui::crossterm::event::KeyCode;

fn app(path: &std::path::Path) -> App {
    let mut app = App::new(Store::open(path, ADMIN).unwrap()).unwrap();
    app.theme = Theme::plain();
    app
}

use common::tui::{circle_detail_text as detail_text, message_text as message};

#[test]
fn the_demo_dates_by_month_where_the_report_does() {
    let (_d, path) = demo();
    let mut app = app(&path);
    select(&mut app, "Rencontres nationales");
    press(&mut app, KeyCode::Enter);
    // The 40 columns of the detail at 80 wrap the title after the month.
    let text = detail_text(&app);
    assert!(
        text.contains("août 2025 Rencontres nationales à\n    Poitiers"),
        "{text}"
    );
    // The month is a date, not words in the title.
    let store = Store::open(&path, ADMIN).unwrap();
    for circle in store.circles().unwrap() {
        for item in store.work_items(circle.id, 2025).unwrap() {
            let lower = item.title.to_lowercase();
            for name in cercles::catalogue::parse::MONTH_NAMES {
                assert!(
                    !lower.starts_with(&format!("{name} :")),
                    "a month in a title: {}",
                    item.title
                );
            }
        }
    }
}

#[test]
fn a_month_typed_in_the_form_is_saved_as_a_month_and_carried_with_a_word() {
    let (_d, path) = demo();
    let mut app = app(&path);
    select(&mut app, "Finances");
    press(&mut app, KeyCode::Enter);
    typ(&mut app, "a");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    assert!(form_open(&app));
    assert!(field_focused(&app, LABEL_DATE));
    typ(&mut app, "Mars 2025");
    press(&mut app, KeyCode::Tab);
    assert!(field_focused(&app, LABEL_TITLE));
    typ(&mut app, "Dossier de subvention");
    press(&mut app, KeyCode::F(2));
    assert!(!form_open(&app), "{}", message(&app));
    let store = Store::open(&path, ADMIN).unwrap();
    let fin = store.circle_named("Finances").unwrap().unwrap().id;
    let find = |year| {
        store
            .work_items(fin, year)
            .unwrap()
            .into_iter()
            .find(|w| w.title == "Dossier de subvention")
    };
    assert_eq!(find(2025).unwrap().on_date, When::month(2025, 3));
    assert!(detail_text(&app).contains("mars 2025 Dossier de subvention"));

    // Carried to 2026: the date goes, and the message says so and how to get it back.
    typ(&mut app, ">");
    assert_eq!(find(2026).unwrap().on_date, None);
    assert_eq!(
        message(&app),
        "« Dossier de subvention » passe au suivi 2026 sans date : mars 2025 n'est pas en 2026 ; \
         la ramener en 2025 rend sa date"
    );
    typ(&mut app, "]");
    assert!(detail_text(&app).contains("Dossier de subvention"));
    typ(&mut app, "<");
    assert_eq!(find(2025).unwrap().on_date, When::month(2025, 3));
    assert_eq!(
        message(&app),
        "« Dossier de subvention » passe au suivi 2025, de nouveau à sa date de 2025 : mars 2025"
    );
}

#[test]
fn the_form_refuses_an_ambiguous_month_under_its_field() {
    let (_d, path) = demo();
    let mut app = app(&path);
    select(&mut app, "Finances");
    press(&mut app, KeyCode::Enter);
    typ(&mut app, "a");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "jui 2025");
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "Budget");
    press(&mut app, KeyCode::F(2));
    assert!(form_open(&app), "the form stays open");
    assert!(field_focused(&app, LABEL_DATE));
    let screen = common::tui::buffer(&app);
    let text: String = (0..24).map(|y| common::tui::row(&screen, y)).collect();
    assert!(
        text.contains("« jui 2025 » n'est pas une date : juin ou juillet ?"),
        "{text}"
    );
}

#[test]
fn the_coordination_work_log_at_80x24() {
    let (_d, path) = demo();
    let mut app = app(&path);
    select(&mut app, "Coordination");
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!("coordination_work_log", common::tui::screen(&app).backend());
}

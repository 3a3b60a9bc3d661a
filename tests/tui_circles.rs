//! State-machine tests of the Cercles tab on the demo network, without a terminal: each write
//! path by the keyboard, checked in the store afterwards.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use cercles::catalogue::circles_tab as cm;
use cercles::catalogue::circles_tab::{
    GENERAL_NAME, LABEL_INSTANCE, LABEL_REVIEW_ON, LABEL_TITLE, LABEL_YEAR, SECTION_DECISIONS,
    SECTION_DECISIONS_GENERAL, SECTION_GROUPS,
};
use cercles::catalogue::tui::CIRCLE_LABEL_PURPOSE;
use cercles::model::{Instance, Role, WorkStatus};
use cercles::store::Store;
use cercles::tui::app::{MessageKind, Overlay};
use cercles::tui::widgets::confirm::Confirm;
use cercles::tui::{App, Theme};
use chrono::NaiveDate;
use common::tui::{
    ADMIN, circle_names, circle_row, conflict_rows, demo, detail_focus, detail_scroll, field_error,
    field_focused, focus_on_screen, focused_section, form_open, form_value, picked_line, press,
    select_circle as select, selected_circle, typ,
};
use ratatui::crossterm::event::KeyCode;

fn admin() -> String {
    ADMIN.to_string()
}

fn app_as(path: &Path, user: &str) -> App {
    let mut app = App::new(Store::open(path, user).unwrap()).unwrap();
    app.theme = Theme::plain();
    app
}

fn app(path: &Path) -> App {
    app_as(path, &admin())
}

fn store(path: &Path) -> Store {
    Store::open(path, &admin()).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

use common::tui::{circle_detail_text as detail_text, message_text as message};

/// The title the work log's section starts with.
const WORK: &str = "Suivi ";

/// The keyboard is in the detail's section whose title starts with `title`.
fn in_section(app: &App, title: &str) -> bool {
    focused_section(app).is_some_and(|s| s.starts_with(title))
}

/// Tab through the detail's sections until the one whose title starts with `title`.
fn tab_to(app: &mut App, title: &str) {
    for _ in 0..8 {
        if in_section(app, title) {
            return;
        }
        press(app, KeyCode::Tab);
    }
    panic!("no section {title}: {:?}", focused_section(app));
}

/// The work item the keyboard is on in the detail of `circle`, in the year shown, found in
/// the store by the text of its line.
fn picked_work_item(app: &App, path: &Path, circle: &str) -> cercles::model::WorkItem {
    let line = picked_line(app).expect("a line picked");
    let store = store(path);
    let circle = store.circle_named(circle).unwrap().unwrap();
    let year = shown_year(app);
    let mut items: Vec<_> = store
        .work_items(circle.id, year)
        .unwrap()
        .into_iter()
        .filter(|w| {
            let head = match &w.on_date {
                Some(on) => format!("{on} {}", w.title),
                None => w.title.clone(),
            };
            head.starts_with(&line)
        })
        .collect();
    assert_eq!(items.len(), 1, "one item for the line {line:?}");
    items.remove(0)
}

/// The year of the work log the detail shows (`Suivi 2025  …`).
fn shown_year(app: &App) -> i32 {
    let text = detail_text(app);
    let line = text
        .lines()
        .map(|l| l.trim_start_matches("> "))
        .find(|l| l.starts_with(WORK))
        .expect("the work log's section");
    line[WORK.len()..WORK.len() + 4].parse().unwrap()
}

#[test]
fn the_list_has_the_general_circle_on_top_and_the_derived_counts() {
    let (_d, path) = demo();
    let app = app(&path);
    assert_eq!(circle_names(&app)[0], GENERAL_NAME);
    let general = circle_row(&app, GENERAL_NAME);
    assert!(general.contains("70 m · 16 co"), "{general}");
    let coordination = circle_row(&app, "Coordination");
    assert!(coordination.contains("16 m · 16 co"), "{coordination}");
    assert_eq!(circle_names(&app).len(), 1 + 9);
    let shown = common::tui::screen_text(&app);
    assert!(shown.contains("Cercles  9 cercles"), "{shown}");
    // The general circle's detail: its members and the decisions of its instance and the AG.
    assert_eq!(selected_circle(&app).as_deref(), Some(GENERAL_NAME));
    let text = detail_text(&app);
    assert!(text.contains("Membres du cercle général (70)"), "{text}");
    assert!(text.contains("Décisions du cercle général"), "{text}");
    assert!(text.contains("Décisions de l'AG"), "{text}");
}

#[test]
fn create_a_circle_and_close_it_with_a_date_history_stays() {
    let (_d, path) = demo();
    let mut app = app(&path);
    typ(&mut app, "n");
    assert!(form_open(&app));
    typ(&mut app, "Accueil");
    press(&mut app, KeyCode::F(2));
    assert!(!form_open(&app), "{}", message(&app));
    let created = store(&path).circle_named("Accueil").unwrap().unwrap();
    assert_eq!(created.created_on, Some(day(2025, 11, 20)));
    assert_eq!(selected_circle(&app).as_deref(), Some("Accueil"));
    // The other tab knows it once shown (it is read again then): the Membres circle filter
    // offers it.
    typ(&mut app, "2");
    typ(&mut app, "caccueil");
    press(&mut app, KeyCode::Enter);
    let (_, filters) = common::tui::member_header(&app);
    assert!(filters.contains("c:Accueil"), "{filters}");
    press(&mut app, KeyCode::Esc);
    typ(&mut app, "1");

    // Close Finances: the date defaults to today; the work log stays.
    select(&mut app, "Finances");
    let fin = store(&path).circle_named("Finances").unwrap().unwrap();
    let items_before = store(&path).work_items(fin.id, 2025).unwrap().len();
    typ(&mut app, "x");
    press(&mut app, KeyCode::F(2));
    assert!(!form_open(&app), "{}", message(&app));
    let closed = store(&path).circle_named("Finances").unwrap().unwrap();
    assert_eq!(closed.closed_on, Some(day(2025, 11, 20)));
    assert_eq!(
        store(&path).work_items(fin.id, 2025).unwrap().len(),
        items_before
    );
    // Closed circles come last; the selection followed Finances.
    assert_eq!(circle_names(&app).last().unwrap(), "Finances");
    assert!(circle_row(&app, "Finances").ends_with("(fermé)"));
    assert_eq!(selected_circle(&app).as_deref(), Some("Finances"));
    // `x` again asks before reopening it: `n` keeps it closed, `o` reopens it.
    typ(&mut app, "x");
    let shown = common::tui::screen_text(&app);
    assert!(shown.contains("Rouvrir le cercle"), "{shown}");
    typ(&mut app, "n");
    assert_eq!(app.overlay, Overlay::None);
    assert!(
        store(&path)
            .circle_named("Finances")
            .unwrap()
            .unwrap()
            .closed_on
            .is_some()
    );
    typ(&mut app, "x");
    typ(&mut app, "o");
    assert!(message(&app).contains("rouvert"), "{}", message(&app));
    assert_eq!(
        store(&path)
            .circle_named("Finances")
            .unwrap()
            .unwrap()
            .closed_on,
        None
    );
}

#[test]
fn the_coordination_circle_does_not_close() {
    let (_d, path) = demo();
    let mut app = app(&path);
    select(&mut app, "Coordination");
    typ(&mut app, "x");
    assert!(!form_open(&app));
    assert!(message(&app).contains("ne se ferme pas"));
}

#[test]
fn create_a_working_group_then_close_it() {
    let (_d, path) = demo();
    let mut app = app(&path);
    select(&mut app, "Finances");
    press(&mut app, KeyCode::Enter);
    assert!(in_section(&app, WORK), "{:?}", focused_section(&app));
    press(&mut app, KeyCode::BackTab);
    assert!(
        in_section(&app, SECTION_GROUPS),
        "{:?}",
        focused_section(&app)
    );
    typ(&mut app, "a");
    typ(&mut app, "GT Subventions");
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "Préparer les dossiers de subvention.");
    press(&mut app, KeyCode::F(2));
    assert!(!form_open(&app), "{}", message(&app));
    let fin = store(&path).circle_named("Finances").unwrap().unwrap();
    let gt = store(&path)
        .working_groups(fin.id)
        .unwrap()
        .into_iter()
        .find(|g| g.name == "GT Subventions")
        .unwrap();
    assert_eq!(gt.purpose, "Préparer les dossiers de subvention.");
    assert_eq!(
        picked_line(&app).as_deref(),
        Some("GT Subventions"),
        "focus on the new GT"
    );
    typ(&mut app, "x");
    press(&mut app, KeyCode::F(2));
    let gt = store(&path).working_group(gt.id).unwrap().unwrap();
    assert_eq!(gt.closed_on, Some(day(2025, 11, 20)));
    assert!(detail_text(&app).contains("GT Subventions (fermé le 20/11/2025)"));
}

#[test]
fn add_a_work_item_cycle_its_status_and_carry_it_to_next_year() {
    let (_d, path) = demo();
    let mut app = app(&path);
    select(&mut app, "Finances");
    press(&mut app, KeyCode::Enter);
    typ(&mut app, "a");
    assert_eq!(form_value(&app, LABEL_YEAR).as_deref(), Some("2025"));
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    assert!(field_focused(&app, LABEL_TITLE));
    typ(&mut app, "Clôture des comptes 2025");
    press(&mut app, KeyCode::F(2));
    assert!(!form_open(&app), "{}", message(&app));
    let fin = store(&path).circle_named("Finances").unwrap().unwrap();
    let find = |year| {
        store(&path)
            .work_items(fin.id, year)
            .unwrap()
            .into_iter()
            .find(|w| w.title == "Clôture des comptes 2025")
    };
    let item = find(2025).unwrap();
    assert_eq!(item.status, WorkStatus::EnCours);
    assert_eq!(picked_work_item(&app, &path, "Finances").id, item.id);

    // One key: en cours → réalisé → à venir.
    typ(&mut app, "s");
    assert_eq!(find(2025).unwrap().status, WorkStatus::Realise);
    assert!(message(&app).contains("réalisé"));
    typ(&mut app, "s");
    assert_eq!(find(2025).unwrap().status, WorkStatus::AVenir);
    assert_eq!(
        picked_work_item(&app, &path, "Finances").id,
        item.id,
        "focus follows"
    );

    // Carry it over to 2026, then look at 2026 with `]`.
    typ(&mut app, ">");
    assert!(find(2025).is_none());
    assert_eq!(find(2026).unwrap().year, 2026);
    assert!(!detail_text(&app).contains("Clôture des comptes 2025"));
    typ(&mut app, "]");
    assert_eq!(shown_year(&app), 2026);
    assert!(detail_text(&app).contains("Clôture des comptes 2025"));
    // Edit it: back to 2025 through the form's year field.
    assert_eq!(picked_work_item(&app, &path, "Finances").id, item.id);
    typ(&mut app, "e");
    for _ in 0..4 {
        press(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "2025");
    press(&mut app, KeyCode::F(2));
    assert_eq!(find(2025).unwrap().id, item.id);
    assert_eq!(shown_year(&app), 2025, "the view follows the item");
}

#[test]
fn a_work_item_form_refuses_a_bad_year_under_the_field() {
    let (_d, path) = demo();
    let mut app = app(&path);
    select(&mut app, "Finances");
    press(&mut app, KeyCode::Enter);
    typ(&mut app, "a");
    for _ in 0..4 {
        press(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "25");
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    typ(&mut app, "Un titre");
    press(&mut app, KeyCode::F(2));
    assert!(form_open(&app), "still open");
    let error = field_error(&app, LABEL_YEAR).unwrap();
    assert!(error.contains("n'est pas une année"), "{error}");
    assert!(field_focused(&app, LABEL_YEAR));
    assert_eq!(app.message.as_ref().unwrap().kind, MessageKind::Error);
}

#[test]
fn add_a_decision_with_a_review_date_that_is_due() {
    let (_d, path) = demo();
    let mut app = app(&path);
    assert_eq!(selected_circle(&app).as_deref(), Some(GENERAL_NAME));
    press(&mut app, KeyCode::Enter);
    assert!(in_section(&app, SECTION_DECISIONS_GENERAL));
    typ(&mut app, "a");
    press(&mut app, KeyCode::Tab);
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "15/10/2025");
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "Charte des valeurs");
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "Adoptée à l'unanimité.");
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "01/11/2025");
    press(&mut app, KeyCode::F(2));
    assert!(!form_open(&app), "{}", message(&app));
    let d = store(&path)
        .decisions(Some(Instance::CercleGeneral))
        .unwrap()
        .into_iter()
        .find(|d| d.title == "Charte des valeurs")
        .unwrap();
    assert_eq!(d.decided_on, day(2025, 10, 15));
    assert_eq!(d.review_on, Some(day(2025, 11, 1)));
    assert!(
        store(&path)
            .decisions_due()
            .unwrap()
            .iter()
            .any(|x| x.id == d.id)
    );
    let text = detail_text(&app);
    assert!(
        text.contains("15/10/2025 Charte des valeurs\n    ! à revoir depuis le 01/11/2025"),
        "{text}"
    );
}

#[test]
fn a_review_before_the_decision_is_refused_on_its_field() {
    let (_d, path) = demo();
    let mut app = app(&path);
    select(&mut app, "Plaidoyer");
    press(&mut app, KeyCode::Enter);
    // The decisions section of the circle.
    tab_to(&mut app, SECTION_DECISIONS);
    typ(&mut app, "a");
    assert_eq!(
        form_value(&app, LABEL_INSTANCE).as_deref(),
        Some("Plaidoyer")
    );
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "Position sur le cumul des mandats");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "01/01/2020");
    press(&mut app, KeyCode::F(2));
    assert!(form_open(&app), "still open");
    assert!(field_error(&app, LABEL_REVIEW_ON).is_some());
}

#[test]
fn a_benevole_may_keep_the_work_log_but_not_create_a_circle() {
    let (_d, path) = demo();
    store(&path).add_user("lea", Role::Benevole, None).unwrap();
    let mut app = app_as(&path, "lea");
    typ(&mut app, "n");
    assert!(!form_open(&app));
    assert_eq!(app.message.as_ref().unwrap().kind, MessageKind::Error);
    assert!(message(&app).contains("bénévole"), "{}", message(&app));
    // The refusal fits the message line at 80 columns.
    assert!(message(&app).chars().count() <= 78, "{}", message(&app));
    select(&mut app, "Communication");
    press(&mut app, KeyCode::Enter);
    let before = picked_work_item(&app, &path, "Communication").id;
    let status = store(&path).work_item(before).unwrap().unwrap().status;
    typ(&mut app, "s");
    assert_eq!(
        store(&path).work_item(before).unwrap().unwrap().status,
        status.next()
    );
}

#[test]
fn two_sessions_edit_the_same_work_item_the_second_sees_the_first() {
    let (_d, path) = demo();
    let mut app = app(&path);
    select(&mut app, "Communication");
    press(&mut app, KeyCode::Enter);
    let id = picked_work_item(&app, &path, "Communication").id;
    typ(&mut app, "e");
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    typ(&mut app, " (moi)");
    let mut other = store(&path);
    let w = other.work_item(id).unwrap().unwrap();
    let mut theirs = w.draft();
    theirs.figures = "Leurs chiffres".into();
    other.update_work_item(id, w.version, &theirs).unwrap();
    press(&mut app, KeyCode::F(2));
    let conflict = conflict_rows(&app).expect("merge panel");
    let labels: Vec<_> = conflict.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels, [LABEL_TITLE, "Chiffres"]);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::F(2));
    assert!(!form_open(&app), "{}", message(&app));
    let saved = store(&path).work_item(id).unwrap().unwrap();
    assert!(saved.title.ends_with("(moi)"));
    assert_eq!(saved.figures, "Leurs chiffres");
}

#[test]
fn the_detail_scrolls_and_esc_leaves_the_sections() {
    let (_d, path) = demo();
    let mut app = app(&path);
    select(&mut app, "Finances");
    assert_eq!(detail_scroll(&app, 0), 0);
    typ(&mut app, "J");
    assert!(detail_scroll(&app, 0) > 0);
    typ(&mut app, "K");
    assert_eq!(detail_scroll(&app, 0), 0);
    press(&mut app, KeyCode::Enter);
    assert!(detail_focus(&app).is_some());
    let at_work_log = detail_scroll(&app, 0);
    assert!(at_work_log > 0, "the work log is below the members");
    for _ in 0..8 {
        press(&mut app, KeyCode::Down);
    }
    assert!(
        detail_scroll(&app, 0) > at_work_log,
        "the picked line stays on screen"
    );
    assert!(focus_on_screen(&app));
    press(&mut app, KeyCode::Esc);
    assert!(detail_focus(&app).is_none());
    // Moving in the list resets the detail.
    press(&mut app, KeyCode::Down);
    assert_eq!(detail_scroll(&app, 0), 0);
    assert_eq!(selected_circle(&app).as_deref(), Some("Outils numériques"));
}

#[test]
fn a_discarded_form_takes_its_errors_with_it() {
    let (_d, path) = demo();
    let mut app = app(&path);
    select(&mut app, "Finances");
    press(&mut app, KeyCode::Enter);
    typ(&mut app, "a");
    for _ in 0..4 {
        press(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "25");
    press(&mut app, KeyCode::F(2));
    assert_eq!(app.message.as_ref().unwrap().kind, MessageKind::Error);
    // Esc on the changed form asks; yes: the form and its red line go.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, Overlay::Confirm(Confirm::DiscardForm));
    typ(&mut app, "o");
    assert!(!form_open(&app));
    assert_eq!(app.message, None, "no error left from the discarded form");
}

#[test]
fn a_closed_gt_is_reopened_only_after_a_yes() {
    let (_d, path) = demo();
    let mut app = app(&path);
    select(&mut app, "Finances");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::BackTab);
    typ(&mut app, "a");
    typ(&mut app, "GT Éphémère");
    press(&mut app, KeyCode::F(2));
    assert!(!form_open(&app), "{}", message(&app));
    assert_eq!(picked_line(&app).as_deref(), Some("GT Éphémère"));
    let fin = store(&path).circle_named("Finances").unwrap().unwrap();
    let id = store(&path)
        .working_groups(fin.id)
        .unwrap()
        .into_iter()
        .find(|g| g.name == "GT Éphémère")
        .unwrap()
        .id;
    typ(&mut app, "x");
    press(&mut app, KeyCode::F(2));
    let gt = || store(&path).working_group(id).unwrap().unwrap();
    assert!(gt().closed_on.is_some());
    typ(&mut app, "x");
    let shown = common::tui::screen_text(&app);
    assert!(shown.contains("Rouvrir le GT"), "{shown}");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, Overlay::None);
    assert!(gt().closed_on.is_some(), "Esc is a no");
    typ(&mut app, "x");
    typ(&mut app, "o");
    assert_eq!(gt().closed_on, None);
    assert!(message(&app).contains("rouvert"), "{}", message(&app));
}

#[test]
fn a_work_item_typed_by_mistake_is_deleted_after_a_yes() {
    let (_d, path) = demo();
    let mut app = app(&path);
    select(&mut app, "Finances");
    press(&mut app, KeyCode::Enter);
    typ(&mut app, "a");
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    typ(&mut app, "Erreur de saisie");
    press(&mut app, KeyCode::F(2));
    let id = picked_work_item(&app, &path, "Finances").id;
    assert!(store(&path).work_item(id).unwrap().is_some());
    typ(&mut app, "d");
    match &app.overlay {
        Overlay::Confirm(c @ Confirm::Tab(_)) => {
            assert!(
                c.question().contains("Erreur de saisie"),
                "{}",
                c.question()
            );
        }
        other => panic!("{other:?}"),
    }
    typ(&mut app, "n");
    assert!(store(&path).work_item(id).unwrap().is_some(), "n keeps it");
    press(&mut app, KeyCode::Delete);
    typ(&mut app, "o");
    assert!(store(&path).work_item(id).unwrap().is_none());
    assert!(message(&app).contains("supprimé"), "{}", message(&app));
    assert!(!detail_text(&app).contains("Erreur de saisie"));
    // The focus went to a line that exists.
    assert!(in_section(&app, WORK), "{:?}", focused_section(&app));
    let picked = picked_work_item(&app, &path, "Finances");
    assert_ne!(picked.id, id);
}

#[test]
fn a_benevole_is_refused_circle_gt_and_decision_writes_in_french() {
    let (_d, path) = demo();
    store(&path).add_user("ben", Role::Benevole, None).unwrap();
    let mut app = app_as(&path, "ben");
    select(&mut app, "Communication");
    let refused = |app: &App| {
        assert!(!form_open(app));
        assert!(matches!(app.overlay, Overlay::None));
        let m = app.message.as_ref().expect("a refusal");
        assert_eq!(m.kind, MessageKind::Error);
        assert!(m.text.contains("ne permet pas de modifier"), "{}", m.text);
        // Whole on the message line at 80 columns, after "Erreur : ".
        assert!(m.text.chars().count() <= 80 - 9, "{}", m.text);
    };
    typ(&mut app, "e");
    refused(&app);
    typ(&mut app, "x");
    refused(&app);
    press(&mut app, KeyCode::Enter);
    // GT: add and close refused.
    tab_to(&mut app, SECTION_GROUPS);
    typ(&mut app, "a");
    refused(&app);
    // Decisions: add refused.
    tab_to(&mut app, SECTION_DECISIONS);
    typ(&mut app, "a");
    refused(&app);
    // The work log: add, edit, delete are allowed (the question comes).
    tab_to(&mut app, WORK);
    typ(&mut app, "d");
    let shown = common::tui::screen_text(&app);
    assert!(shown.contains("Supprimer"), "{shown}");
    typ(&mut app, "n");
    typ(&mut app, "a");
    assert!(form_open(&app), "{}", message(&app));
}

#[test]
fn a_lecture_user_is_refused_every_write_clearly() {
    let (_d, path) = demo();
    store(&path).add_user("lou", Role::Lecture, None).unwrap();
    let mut app = app_as(&path, "lou");
    select(&mut app, "Communication");
    for keys in ["e", "n", "x"] {
        typ(&mut app, keys);
        assert!(!form_open(&app), "{keys}");
        assert!(
            message(&app).contains("votre rôle (lecture) ne permet pas"),
            "{}",
            message(&app)
        );
    }
    press(&mut app, KeyCode::Enter);
    let id = picked_work_item(&app, &path, "Communication").id;
    let before = store(&path).work_item(id).unwrap().unwrap();
    for keys in ["s", "a", "e", "d", ">", "<"] {
        typ(&mut app, keys);
        assert!(!form_open(&app), "{keys}");
        assert_eq!(app.overlay, Overlay::None, "{keys}");
        assert!(
            message(&app).contains("votre rôle (lecture) ne permet pas de modifier le suivi"),
            "{keys}: {}",
            message(&app)
        );
    }
    assert_eq!(store(&path).work_item(id).unwrap().unwrap(), before);
}

#[test]
fn a_saved_or_cycled_work_item_stays_on_screen() {
    let (_d, path) = demo();
    let mut app = app(&path);
    select(&mut app, "Communication");
    press(&mut app, KeyCode::Enter);
    typ(&mut app, "a");
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    typ(&mut app, "Nouvelle ligne en cours");
    press(&mut app, KeyCode::F(2));
    assert!(!form_open(&app), "{}", message(&app));
    assert_eq!(
        picked_line(&app).as_deref(),
        Some("Nouvelle ligne en cours")
    );
    assert!(
        focus_on_screen(&app),
        "the new line, below the réalisé ones"
    );
    // Cycling moves it between the status groups: it stays in view.
    for _ in 0..3 {
        typ(&mut app, "s");
        assert!(focus_on_screen(&app), "scroll {}", detail_scroll(&app, 0));
        assert_eq!(
            picked_line(&app).as_deref(),
            Some("Nouvelle ligne en cours")
        );
    }
}

#[test]
fn a_sheet_field_over_its_limit_is_refused_under_that_field_not_cut() {
    let (_d, path) = demo();
    let mut app = app(&path);
    select(&mut app, "Finances");
    let before = store(&path).circle_named("Finances").unwrap().unwrap();
    typ(&mut app, "e");
    press(&mut app, KeyCode::Tab);
    app.handle_paste(&"é".repeat(4001));
    press(&mut app, KeyCode::F(2));
    assert!(form_open(&app), "the form stays open");
    let error = field_error(&app, CIRCLE_LABEL_PURPOSE).expect("an error under raison d'être");
    assert!(error.contains("4000"), "{error}");
    let after = store(&path).circle_named("Finances").unwrap().unwrap();
    assert_eq!(after, before, "nothing written");
}

#[test]
fn a_work_item_deleted_elsewhere_while_its_form_is_open_is_said_deleted_not_modified() {
    let (_d, path) = demo();
    let mut app = app(&path);
    select(&mut app, "Communication");
    press(&mut app, KeyCode::Enter);
    let id = picked_work_item(&app, &path, "Communication").id;
    typ(&mut app, "e");
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    typ(&mut app, " (moi)");
    let mut other = store(&path);
    let w = other.work_item(id).unwrap().unwrap();
    other.delete_work_item(id, w.version).unwrap();
    // The change check of the loop: the warning says what happened.
    assert!(app.poll_changes());
    assert_eq!(
        message(&app),
        "supprimé dans une autre session : Échap ferme le formulaire"
    );
    // Saving says so and keeps the typed text: the form becomes a new item.
    press(&mut app, KeyCode::F(2));
    assert_eq!(
        message(&app),
        "supprimé dans une autre session : F2 le recrée avec votre saisie, Échap abandonne"
    );
    assert!(form_open(&app), "the form stays open");
    let title = form_value(&app, LABEL_TITLE).unwrap();
    assert!(title.ends_with("(moi)"), "{title}");
    // F2 again: created anew from what was typed.
    press(&mut app, KeyCode::F(2));
    assert!(!form_open(&app), "{:?}", app.message);
    assert!(store(&path).work_item(id).unwrap().is_none());
    let titles: Vec<String> = store(&path)
        .work_items(w.circle_id, w.year)
        .unwrap()
        .into_iter()
        .map(|w| w.title)
        .collect();
    assert!(titles.iter().any(|t| t.ends_with("(moi)")), "{titles:?}");
}

#[test]
fn leaving_the_detail_or_the_tab_takes_a_stale_error_with_it() {
    let (_d, path) = demo();
    let mut app = app(&path);
    select(&mut app, "Communication");
    press(&mut app, KeyCode::Enter);
    // An empty section: nothing to edit.
    tab_to(&mut app, SECTION_GROUPS);
    typ(&mut app, "e");
    assert_eq!(message(&app), "rien de choisi : ↑ ↓ pour choisir une ligne");
    press(&mut app, KeyCode::Esc);
    assert!(detail_focus(&app).is_none());
    assert!(app.message.is_none(), "{}", message(&app));
    // An error on the cercle général's row, then another tab.
    typ(&mut app, "g");
    typ(&mut app, "e");
    assert_eq!(message(&app), cm::GENERAL_NO_SHEET);
    typ(&mut app, "2");
    assert!(app.message.is_none(), "{}", message(&app));
}

#[test]
fn long_errors_wrap_instead_of_losing_their_end_and_slash_in_a_section_filters_the_list() {
    let (_d, path) = demo();
    let mut app = app(&path);
    select(&mut app, "Plaidoyer");
    // Rename it to a derived circle's name: refused, the whole reason on screen at 80x24.
    typ(&mut app, "e");
    for _ in 0..40 {
        press(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "Cercle de coordination");
    press(&mut app, KeyCode::F(2));
    let text: String = {
        let buf = common::tui::buffer(&app);
        (0..24)
            .map(|y| common::tui::row(&buf, y))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert!(text.contains("choisissez un autre nom"), "{text}");
    press(&mut app, KeyCode::Esc);
    typ(&mut app, "o");
    // Inside a circle's sections, `/` goes back to the list's filter; the letters typed next
    // filter, they do not run the section's keys (e would open a form).
    select(&mut app, "Finances");
    press(&mut app, KeyCode::Enter);
    typ(&mut app, "/echange");
    assert!(!form_open(&app));
    assert_eq!(circle_names(&app), ["Échange-entraide"]);
}

#[test]
fn typing_again_in_a_form_takes_the_stale_error_line_away() {
    let (_d, path) = demo();
    let mut app = app(&path);
    select(&mut app, "Plaidoyer");
    typ(&mut app, "e");
    for _ in 0..40 {
        press(&mut app, KeyCode::Backspace);
    }
    press(&mut app, KeyCode::F(2));
    assert_eq!(
        app.message.as_ref().map(|m| m.kind),
        Some(MessageKind::Error)
    );
    typ(&mut app, "Plaidoyer local");
    assert!(app.message.is_none(), "{:?}", app.message);
}

#[test]
fn home_and_end_reach_the_first_and_last_line_of_the_sections() {
    let (_d, path) = demo();
    let mut app = app(&path);
    select(&mut app, "Finances");
    press(&mut app, KeyCode::Enter);
    let first = detail_focus(&app);
    typ(&mut app, "G");
    let last = detail_focus(&app);
    assert_ne!(first, last, "End moves");
    typ(&mut app, "j");
    assert_eq!(detail_focus(&app), last, "nothing after the last line");
    typ(&mut app, "g");
    let top = detail_focus(&app);
    typ(&mut app, "k");
    assert_eq!(detail_focus(&app), top, "nothing before the first line");
}

use common::tui::footer;

#[test]
fn the_footer_offers_nothing_the_record_or_the_role_refuses() {
    let (_d, path) = demo();
    let mut app = app(&path);
    // On a circle, the admin may edit its sheet; on the cercle général there is none.
    select(&mut app, "Plaidoyer");
    assert!(footer(&app).contains("e modifier"), "{}", footer(&app));
    typ(&mut app, "g");
    assert_eq!(circle_names(&app)[0], GENERAL_NAME);
    assert_eq!(selected_circle(&app).as_deref(), Some(GENERAL_NAME));
    assert!(!footer(&app).contains("e modifier"), "{}", footer(&app));
    assert!(!footer(&app).contains("x fermer"), "{}", footer(&app));

    // A bénévole keeps the work log but adds no decision.
    store(&path).add_user("lea", Role::Benevole, None).unwrap();
    let mut app = app_as(&path, "lea");
    select(&mut app, "Plaidoyer");
    press(&mut app, KeyCode::Enter);
    tab_to(&mut app, WORK);
    assert!(footer(&app).contains("a ajouter"), "{}", footer(&app));
    tab_to(&mut app, SECTION_DECISIONS);
    assert!(!footer(&app).contains("a ajouter"), "{}", footer(&app));
}

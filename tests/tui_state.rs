//! State-machine tests of the terminal UI, without a terminal: key → action → state.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};

use cercles::catalogue::circles_tab::GENERAL_NAME;
use cercles::catalogue::tui::{CIRCLE_LABEL_MISSIONS, CIRCLE_LABEL_NAME, CIRCLE_LABEL_PURPOSE};
use cercles::model::{CircleSheet, Role};
use cercles::store::Store;
use cercles::tui::app::Overlay;
use cercles::tui::tabs::Tab;
use cercles::tui::widgets::confirm::Confirm;
use cercles::tui::{Action, App, Theme};
use chrono::NaiveDate;
use common::tui::{
    ADMIN, circle_names, conflict_rows, field_error, field_focused, form_is_dirty, form_open,
    form_value, is_filtering, key, list_rows, select_circle as select, selected_circle,
    selected_position, typ,
};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cercles.db");
    let today = NaiveDate::from_ymd_opt(2025, 11, 20);
    Store::create_with(&path, ADMIN, today, |store| {
        let fin = store.circle_named("Finances")?.unwrap();
        let mut sheet = fin.sheet.clone();
        sheet.purpose = "Tenir les comptes du réseau.".into();
        sheet.missions = "Saisir les écritures.\nPréparer le bilan.".into();
        store.update_circle_sheet(fin.id, fin.version, &sheet)?;
        Ok(())
    })
    .unwrap();
    (dir, path)
}

fn app(path: &Path) -> App {
    let mut app = App::new(Store::open(path, ADMIN).unwrap()).unwrap();
    app.theme = Theme::plain();
    app
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// The circles the list shows, the cercle général's row left out.
fn visible(app: &App) -> Vec<String> {
    circle_names(app)
        .into_iter()
        .filter(|n| n != GENERAL_NAME)
        .collect()
}

/// How many circles the base holds.
fn circle_count(path: &Path) -> usize {
    Store::open(path, ADMIN).unwrap().circles().unwrap().len()
}

/// The Cercles list's header: its title and counts, or the filter as typed.
fn list_header(app: &App) -> String {
    let buf = common::tui::buffer(app);
    let row = common::tui::row(&buf, 1);
    row.split('│').next().unwrap().trim_end().to_owned()
}

/// Where the selection is in the Cercles list (from 0, the cercle général's row first).
fn selected(app: &App) -> Option<usize> {
    selected_position(app, 1)
}

fn circle_sheet(path: &Path, name: &str) -> CircleSheet {
    let store = Store::open(path, ADMIN).unwrap();
    store.circle_named(name).unwrap().unwrap().sheet
}

#[test]
fn opens_on_cercles_and_switches_tabs_by_number_and_tab() {
    let (_d, path) = db();
    let mut app = app(&path);
    assert_eq!(app.tab, Tab::Cercles);
    typ(&mut app, "5");
    assert_eq!(app.tab, Tab::Comptabilite);
    app.handle_key(key(KeyCode::Tab));
    assert_eq!(app.tab, Tab::Chronologie);
    app.handle_key(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT));
    app.handle_key(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT));
    assert_eq!(app.tab, Tab::Rencontres);
    typ(&mut app, "1");
    assert_eq!(app.tab, Tab::Cercles);
    app.handle_key(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT));
    assert_eq!(app.tab, Tab::Rapports);
}

#[test]
fn list_navigation_keys() {
    let (_d, path) = db();
    let mut app = app(&path);
    // The cercle général's row comes first, then the circles.
    let n = circle_count(&path) + 1;
    assert!(n >= 10);
    assert_eq!(list_rows(&app, 1).len(), n);
    assert_eq!(selected(&app), Some(0));
    typ(&mut app, "jj");
    assert_eq!(selected(&app), Some(2));
    app.handle_key(key(KeyCode::Up));
    typ(&mut app, "k");
    assert_eq!(selected(&app), Some(0));
    app.handle_key(KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT));
    assert_eq!(selected(&app), Some(n - 1));
    app.handle_key(key(KeyCode::Home));
    assert_eq!(selected(&app), Some(0));
    app.handle_key(key(KeyCode::End));
    assert_eq!(selected(&app), Some(n - 1));
    app.handle_key(key(KeyCode::PageUp));
    assert_eq!(selected(&app), Some(0));
    app.handle_key(key(KeyCode::PageDown));
    assert_eq!(selected(&app), Some(n - 1));
}

#[test]
fn selection_stays_on_the_same_circle_when_another_session_changes_the_list() {
    let (_d, path) = db();
    let mut app = app(&path);
    select(&mut app, "Finances");
    let mut other = Store::open(&path, ADMIN).unwrap();
    // A new circle sorts after; renaming one before Finances changes the order by name only
    // within a position, so insert one and rename the first to shift positions.
    let first = other.circles().unwrap()[0].clone();
    let mut sheet = first.sheet.clone();
    sheet.name = "Zèbre".into();
    other
        .update_circle_sheet(first.id, first.version, &sheet)
        .unwrap();
    other
        .create_circle(
            &CircleSheet {
                name: "Accueil".into(),
                ..Default::default()
            },
            NaiveDate::from_ymd_opt(2025, 11, 20).unwrap(),
        )
        .unwrap();
    assert!(app.poll_changes(), "the change is seen");
    assert_eq!(selected_circle(&app).as_deref(), Some("Finances"));
    assert!(circle_names(&app).iter().any(|c| c == "Zèbre"));
    assert!(!app.poll_changes(), "nothing new");
}

#[test]
fn slash_filters_as_you_type_accents_ignored_and_esc_clears() {
    let (_d, path) = db();
    let mut app = app(&path);
    typ(&mut app, "/echange");
    assert!(is_filtering(&app));
    assert_eq!(visible(&app), ["Échange-entraide"]);
    assert_eq!(selected_circle(&app).as_deref(), Some("Échange-entraide"));
    // Typing `q` in the filter is text, not quit.
    typ(&mut app, "q");
    assert!(!app.should_quit());
    assert!(visible(&app).is_empty());
    app.handle_key(key(KeyCode::Backspace));
    app.handle_key(key(KeyCode::Enter));
    assert!(!is_filtering(&app));
    assert!(
        list_header(&app).starts_with("/echange "),
        "{}",
        list_header(&app)
    );
    app.handle_key(key(KeyCode::Esc));
    assert!(
        list_header(&app).starts_with("Cercles "),
        "{}",
        list_header(&app)
    );
    assert_eq!(visible(&app).len(), circle_count(&path));
    assert_eq!(selected_circle(&app).as_deref(), Some("Échange-entraide"));
}

#[test]
fn a_filter_with_no_part_match_finds_the_letters_in_order_and_esc_restores() {
    let (_d, path) = db();
    let mut app = app(&path);
    select(&mut app, "Finances");
    let names = visible;
    // No name holds "eche": letters in order find it.
    typ(&mut app, "/eche");
    assert_eq!(names(&app), ["Échange-entraide"]);
    // A part that some name holds keeps to those names ("co" is in three).
    for _ in 0..4 {
        app.handle_key(key(KeyCode::Backspace));
    }
    typ(&mut app, "co");
    assert_eq!(
        names(&app),
        ["Rencontres nationales", "Communication", "Coordination"]
    );
    // No match at all, then Esc: everything back.
    typ(&mut app, "zzz");
    assert!(names(&app).is_empty());
    assert_ne!(selected_circle(&app).as_deref(), Some(GENERAL_NAME));
    app.handle_key(key(KeyCode::Esc));
    assert_eq!(names(&app).len(), circle_count(&path));
}

#[test]
fn q_quits_at_once_when_nothing_is_unsaved() {
    let (_d, path) = db();
    let mut app = app(&path);
    typ(&mut app, "q");
    assert!(app.should_quit());
}

#[test]
fn quitting_with_a_dirty_form_asks_first() {
    let (_d, path) = db();
    let mut app = app(&path);
    select(&mut app, "Finances");
    typ(&mut app, "e");
    assert!(form_open(&app));
    // In a form, `q` is text.
    typ(&mut app, "q");
    assert!(!app.should_quit());
    assert!(app.is_dirty());
    app.handle_key(ctrl('c'));
    assert_eq!(app.overlay, Overlay::Confirm(Confirm::QuitDirty));
    typ(&mut app, "n");
    assert_eq!(app.overlay, Overlay::None);
    assert!(!app.should_quit());
    app.handle_key(ctrl('c'));
    typ(&mut app, "o");
    assert!(app.should_quit());
}

#[test]
fn esc_on_a_changed_form_asks_and_discards_only_on_yes() {
    let (_d, path) = db();
    let mut app = app(&path);
    select(&mut app, "Finances");
    typ(&mut app, "e");
    typ(&mut app, "X");
    app.handle_key(key(KeyCode::Esc));
    assert_eq!(app.overlay, Overlay::Confirm(Confirm::DiscardForm));
    app.handle_key(key(KeyCode::Esc));
    assert!(form_open(&app), "Esc on the question means no");
    assert_eq!(
        form_value(&app, CIRCLE_LABEL_NAME).as_deref(),
        Some("FinancesX")
    );
    app.handle_key(key(KeyCode::Esc));
    typ(&mut app, "o");
    assert!(!form_open(&app));
    assert_eq!(circle_sheet(&path, "Finances").name, "Finances");
    // An unchanged form closes at once.
    typ(&mut app, "e");
    app.handle_key(key(KeyCode::Esc));
    assert!(!form_open(&app));
    assert_eq!(app.overlay, Overlay::None);
}

#[test]
fn edit_and_save_with_f2_ctrl_o_and_ctrl_s() {
    let (_d, path) = db();
    let mut app = app(&path);
    select(&mut app, "Finances");
    for (n, save) in [key(KeyCode::F(2)), ctrl('o'), ctrl('s')]
        .into_iter()
        .enumerate()
    {
        typ(&mut app, "e");
        assert!(form_open(&app));
        assert!(field_focused(&app, CIRCLE_LABEL_NAME));
        app.handle_key(key(KeyCode::Tab));
        typ(&mut app, &format!(" Édition {n}."));
        app.handle_key(save);
        assert!(!form_open(&app), "saved and closed");
        let purpose = circle_sheet(&path, "Finances").purpose;
        assert!(purpose.ends_with(&format!("Édition {n}.")), "{purpose}");
        assert!(app.message.as_ref().unwrap().text.contains("enregistrée"));
    }
    assert_eq!(selected_circle(&app).as_deref(), Some("Finances"));
}

#[test]
fn a_form_with_an_error_is_not_saved_and_says_why_under_the_field() {
    let (_d, path) = db();
    let mut app = app(&path);
    select(&mut app, "Finances");
    typ(&mut app, "e");
    for _ in 0..20 {
        app.handle_key(key(KeyCode::Backspace));
    }
    app.handle_key(key(KeyCode::Tab));
    app.handle_key(key(KeyCode::F(2)));
    assert!(form_open(&app), "still open");
    assert_eq!(
        field_error(&app, CIRCLE_LABEL_NAME).as_deref(),
        Some("ce champ est obligatoire")
    );
    assert!(
        field_focused(&app, CIRCLE_LABEL_NAME),
        "focus goes to the error"
    );
    assert_eq!(circle_sheet(&path, "Finances").name, "Finances");
    // A name another circle has: refused by the store, shown on the name field.
    typ(&mut app, "plaidoyer");
    app.handle_key(key(KeyCode::F(2)));
    assert!(form_open(&app), "still open");
    let error = field_error(&app, CIRCLE_LABEL_NAME).unwrap();
    assert!(error.contains("s'appelle déjà"), "{error}");
}

#[test]
fn a_stale_save_shows_their_values_and_merges_field_by_field() {
    let (_d, path) = db();
    let mut app = app(&path);
    select(&mut app, "Finances");
    typ(&mut app, "e");
    // Mine: change the purpose.
    app.handle_key(key(KeyCode::Tab));
    typ(&mut app, " (moi)");
    // Theirs, saved meanwhile: a different purpose and new missions.
    let mut other = Store::open(&path, ADMIN).unwrap();
    let fin = other.circle_named("Finances").unwrap().unwrap();
    let mut theirs = fin.sheet.clone();
    theirs.purpose = "Leur raison d'être.".into();
    theirs.missions = "Leurs missions.".into();
    other
        .update_circle_sheet(fin.id, fin.version, &theirs)
        .unwrap();

    app.handle_key(key(KeyCode::F(2)));
    let conflict = conflict_rows(&app).expect("conflict shown");
    let labels: Vec<_> = conflict.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels, [CIRCLE_LABEL_PURPOSE, CIRCLE_LABEL_MISSIONS]);
    assert_eq!(conflict[0].theirs, "Leur raison d'être.");
    assert_eq!(conflict[0].mine, "Tenir les comptes du réseau. (moi)");
    assert!(conflict[0].keep_mine, "I changed it: mine by default");
    assert!(
        !conflict[1].keep_mine,
        "I did not touch it: theirs by default"
    );
    // Nothing was written over their save.
    assert_eq!(
        circle_sheet(&path, "Finances").purpose,
        "Leur raison d'être."
    );

    // Keep theirs for the purpose too, then go back to the form and save.
    typ(&mut app, "t");
    app.handle_key(key(KeyCode::Enter));
    assert!(form_open(&app));
    assert!(conflict_rows(&app).is_none());
    assert_eq!(
        form_value(&app, CIRCLE_LABEL_PURPOSE).as_deref(),
        Some("Leur raison d'être.")
    );
    assert!(!form_is_dirty(&app), "all theirs: nothing left to save");

    // Now add to the purpose (the focus stayed on it) and save on their version.
    assert!(field_focused(&app, CIRCLE_LABEL_PURPOSE));
    typ(&mut app, " Et la mienne.");
    app.handle_key(key(KeyCode::F(2)));
    assert!(!form_open(&app), "saved on their version");
    let saved = circle_sheet(&path, "Finances");
    assert_eq!(saved.purpose, "Leur raison d'être. Et la mienne.");
    assert_eq!(saved.missions, "Leurs missions.");
}

#[test]
fn conflict_r_takes_all_theirs_and_esc_returns_to_the_stale_form() {
    let (_d, path) = db();
    let mut app = app(&path);
    select(&mut app, "Finances");
    typ(&mut app, "e");
    app.handle_key(key(KeyCode::Tab));
    typ(&mut app, " (moi)");
    let mut other = Store::open(&path, ADMIN).unwrap();
    let fin = other.circle_named("Finances").unwrap().unwrap();
    let mut theirs = fin.sheet.clone();
    theirs.purpose = "Autre.".into();
    other
        .update_circle_sheet(fin.id, fin.version, &theirs)
        .unwrap();
    app.handle_key(key(KeyCode::F(2)));
    app.handle_key(key(KeyCode::Esc));
    assert!(form_open(&app));
    assert!(conflict_rows(&app).is_none());
    let purpose = form_value(&app, CIRCLE_LABEL_PURPOSE).unwrap();
    assert!(purpose.ends_with("(moi)"), "{purpose}");
    // Saving again from the stale version conflicts again: never a silent overwrite.
    app.handle_key(key(KeyCode::F(2)));
    assert!(conflict_rows(&app).is_some());
    typ(&mut app, "r");
    assert!(form_open(&app));
    assert_eq!(
        form_value(&app, CIRCLE_LABEL_PURPOSE).as_deref(),
        Some("Autre.")
    );
}

#[test]
fn help_and_palette() {
    let (_d, path) = db();
    let mut app = app(&path);
    typ(&mut app, "?");
    let scroll = |app: &cercles::tui::App| match &app.overlay {
        Overlay::Help { scroll, .. } => Some(*scroll),
        _ => None,
    };
    assert_eq!(scroll(&app), Some(0));
    typ(&mut app, "j");
    assert!(scroll(&app).is_some_and(|s| s > 0));
    // End / G to the last page, Home / g back to the first, as in the lists.
    typ(&mut app, "G");
    let last = scroll(&app).expect("help closed by G");
    typ(&mut app, "j");
    assert_eq!(scroll(&app), Some(last));
    typ(&mut app, "g");
    assert_eq!(scroll(&app), Some(0));
    app.handle_key(key(KeyCode::End));
    assert_eq!(scroll(&app), Some(last));
    app.handle_key(key(KeyCode::Home));
    assert_eq!(scroll(&app), Some(0));
    app.handle_key(key(KeyCode::Esc));
    assert_eq!(app.overlay, Overlay::None);
    typ(&mut app, ":compta");
    app.handle_key(key(KeyCode::Enter));
    assert_eq!(app.tab, Tab::Comptabilite);
    assert_eq!(app.overlay, Overlay::None);
    typ(&mut app, ":quitter");
    assert!(!app.should_quit(), "typing in the palette is text");
    app.handle_key(key(KeyCode::Enter));
    assert!(app.should_quit());
}

#[test]
fn dispatch_is_the_single_entry_for_actions() {
    let (_d, path) = db();
    let mut app = app(&path);
    app.dispatch(Action::TabRapports);
    assert_eq!(app.tab, Tab::Rapports);
    app.dispatch(Action::Help);
    app.dispatch(Action::Back);
    app.dispatch(Action::TabCercles);
    app.dispatch(Action::Quit);
    assert!(app.should_quit());
}

#[test]
fn a_read_only_role_cannot_open_the_form() {
    let (_d, path) = db();
    let mut admin = Store::open(&path, ADMIN).unwrap();
    admin.add_user("lea", Role::Lecture, None).unwrap();
    let mut app = App::new(Store::open(&path, "lea").unwrap()).unwrap();
    typ(&mut app, "e");
    assert!(!form_open(&app));
    let message = app.message.as_ref().unwrap();
    assert_eq!(message.kind, cercles::tui::app::MessageKind::Error);
}

//! The Membres tab without a terminal: filters and counts, the person form (validation under
//! the field, nothing written on error), giving and ending roles, leaving, a save conflict
//! between two sessions, what a lecture user sees and may do; then the screens at 80x24 as
//! insta snapshots, and the colour of the term flag.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use cercles::catalogue::members_tab::{
    FIELD_CIRCLE, FIELD_COMMUNE, FIELD_EMAIL, FIELD_LAST_NAME, FIELD_NOTES, FIELD_PHONE,
    FIELD_UNTIL, NO_CURRENT_ROLE, SECTION_CURRENT, SECTION_HISTORY,
};
use cercles::model::{CircleRole, Role};
use cercles::store::Store;
use cercles::store::people::PersonFilter;
use cercles::tui::app::MessageKind;
use cercles::tui::tabs::Tab;
use cercles::tui::{App, Theme};
use common::tui::{
    ADMIN, buffer, conflict_rows, demo, detail_scroll, field_error, field_focused, find, form_open,
    form_title, form_value, is_filtering, key, member_count, member_header, member_row_name,
    member_rows, row, screen, selected_row, shown_person, typ, whole_detail,
};
use ratatui::crossterm::event::KeyCode;
use ratatui::style::{Color, Modifier};

fn app_as(path: &Path, who: &str, theme: Theme) -> App {
    let mut app = App::new(Store::open(path, who).unwrap()).unwrap();
    app.theme = theme;
    app.handle_key(key(KeyCode::Char('2')));
    assert_eq!(app.tab, Tab::Membres);
    app
}

fn app(path: &Path) -> App {
    app_as(path, ADMIN, Theme::plain())
}

fn save(app: &mut App) {
    app.handle_key(key(KeyCode::F(2)));
}

fn tab(app: &mut App, n: usize) {
    for _ in 0..n {
        app.handle_key(key(KeyCode::Tab));
    }
}

/// The person shown in the detail, `Prénom Nom`.
fn selected_name(app: &App) -> Option<String> {
    shown_person(app)
}

/// Select a person by `Prénom Nom`, moving down from the top of the list.
fn select(app: &mut App, name: &str) {
    app.handle_key(key(KeyCode::Char('g')));
    while selected_name(app).as_deref() != Some(name) {
        let before = selected_row(app);
        app.handle_key(key(KeyCode::Char('j')));
        assert_ne!(before, selected_row(app), "{name} not in the list");
    }
}

/// The names of every row of the list (`Nom Prénom`), from its top.
fn names_from_the_top(app: &mut App) -> Vec<String> {
    rows_from_the_top(app)
        .iter()
        .map(|r| member_row_name(r))
        .collect()
}

/// Every row of the list, from its top: the list is scrolled there first (Home; typed in the
/// filter line, Home does nothing), as a person would to read it all.
fn rows_from_the_top(app: &mut App) -> Vec<String> {
    app.handle_key(key(KeyCode::Home));
    member_rows(app)
}

/// The lines of the detail's section `title`, up to the next one.
fn detail_section(app: &App, title: &str) -> Vec<String> {
    whole_detail(app)
        .into_iter()
        .skip_while(|l| l != title)
        .skip(1)
        .take_while(|l| l.starts_with(' ') || l.starts_with('★'))
        .collect()
}

/// The filters row of the list's header.
fn filters(app: &App) -> String {
    member_header(app).1
}

fn message(app: &App) -> (MessageKind, String) {
    let m = app.message.as_ref().expect("a message");
    (m.kind, m.text.clone())
}

fn people_count(path: &Path) -> usize {
    let store = Store::open(path, ADMIN).unwrap();
    let all = PersonFilter {
        include_left: true,
        ..PersonFilter::default()
    };
    store.people(&all).unwrap().len()
}

fn header(app: &App) -> String {
    row(&buffer(app), 1)
}

#[test]
fn counts_text_filter_and_quick_filters_cycle_and_esc_clears() {
    let (_d, path) = demo();
    let mut app = app(&path);
    let total = member_count(&app);
    let no_filter = filters(&app);
    // What each count counts, in the list's 43 columns at 80.
    assert_eq!(
        header(&app).split('│').next().unwrap().trim_end(),
        format!("{total} personnes · 70 en cercle · 16 co-réf.")
    );
    // The text filter, accents ignored.
    typ(&mut app, "/elise");
    assert!(is_filtering(&app));
    assert!(member_count(&app) < total);
    let rows = rows_from_the_top(&mut app);
    assert!(
        rows.iter()
            .all(|r| member_row_name(r).to_lowercase().contains("lise")),
        "{rows:#?}"
    );
    assert!(header(&app).contains(&format!(" sur {total}")));
    app.handle_key(key(KeyCode::Enter));
    assert!(!is_filtering(&app));
    app.handle_key(key(KeyCode::Esc));
    assert_eq!(member_count(&app), total);
    // Role: co-référent·es, then membres actif·ves, then everyone again.
    typ(&mut app, "r");
    assert!(
        filters(&app).contains("r:co-référent·e"),
        "{}",
        filters(&app)
    );
    assert_eq!(member_count(&app), 16);
    assert_eq!(rows_from_the_top(&mut app).len(), 16);
    assert!(header(&app).contains(&format!("16 sur {total}")));
    assert!(row(&buffer(&app), 2).contains("r:co-référent·e"));
    typ(&mut app, "r");
    assert!(
        filters(&app).contains("r:membre actif·ve"),
        "{}",
        filters(&app)
    );
    typ(&mut app, "r");
    assert!(filters(&app).contains("r rôle"), "{}", filters(&app));
    // Type: bénévole first.
    typ(&mut app, "t");
    assert!(filters(&app).contains("t:bénévole"), "{}", filters(&app));
    let rows = rows_from_the_top(&mut app);
    assert!(rows.iter().all(|r| r.contains(" bénév. ")), "{rows:#?}");
    // Circle: the first circle, then the next; with a role, both apply.
    typ(&mut app, "tttt");
    assert!(filters(&app).contains("t type"), "{}", filters(&app));
    // `c` opens the circle picker; Entrée takes the first circle.
    typ(&mut app, "c");
    app.handle_key(key(KeyCode::Enter));
    let chosen = filters(&app);
    let first = chosen
        .split("c:")
        .nth(1)
        .expect("a circle")
        .split("  ")
        .next()
        .unwrap()
        .to_owned();
    // Each row carries the circle's badge: its first word.
    let badge = first.split(' ').next().unwrap().to_owned();
    let rows = rows_from_the_top(&mut app);
    assert!(!rows.is_empty());
    assert!(
        rows.iter().all(|r| r.contains(&badge)),
        "{first}: {rows:#?}"
    );
    typ(&mut app, "r");
    assert_eq!(member_count(&app), 2, "two co-référent·es a circle");
    assert_eq!(rows_from_the_top(&mut app).len(), 2);
    // People who left: shown on demand.
    app.handle_key(key(KeyCode::Esc));
    assert_eq!(filters(&app), no_filter);
    assert_eq!(member_count(&app), total);
    typ(&mut app, "p");
    assert!(member_count(&app) > total);
    assert_eq!(rows_from_the_top(&mut app).len(), member_count(&app));
    assert!(
        header(&app).contains(&format!("{total} personnes + 3 parti·es · 70 en cercle")),
        "{}",
        header(&app)
    );
    app.handle_key(key(KeyCode::Esc));
    assert_eq!(member_count(&app), total);
    // A person with no role counts in the network, not in the cercle général.
    typ(&mut app, "aNouveau");
    save(&mut app);
    assert!(!form_open(&app), "{:?}", app.message);
    assert!(
        header(&app).starts_with(&format!("{} personnes · 70 en cercle", total + 1)),
        "{}",
        header(&app)
    );
}

#[test]
fn the_counts_agree_in_number() {
    use cercles::catalogue::members_tab::members_counts;
    assert_eq!(
        members_counts(1, 1, 1, 0)[0],
        "1 personne · 1 en cercle · 1 co-référent·e"
    );
    assert_eq!(
        members_counts(2, 0, 0, 1)[0],
        "2 personnes + 1 parti·e · 0 en cercle"
    );
}

#[test]
fn a_bad_email_stays_under_its_field_and_writes_nothing_then_a_good_one_appears() {
    let (_d, path) = demo();
    let before = people_count(&path);
    let mut app = app(&path);
    typ(&mut app, "a");
    typ(&mut app, "Durand");
    tab(&mut app, 1);
    typ(&mut app, "Zoé");
    tab(&mut app, 1);
    typ(&mut app, "zoe@");
    save(&mut app);
    assert!(form_open(&app), "the form stays open");
    let error = field_error(&app, FIELD_EMAIL).expect("an error under the e-mail");
    assert_eq!(error, "n'est pas une adresse e-mail");
    assert!(
        message(&app).1.contains("prenom.nom@example.org"),
        "{:?}",
        app.message
    );
    assert!(field_focused(&app, FIELD_EMAIL));
    assert_eq!(message(&app).0, MessageKind::Error);
    assert_eq!(people_count(&path), before, "nothing written");
    // The focus is on the e-mail: finish it, then a French phone number in any shape.
    typ(&mut app, "exemple.org");
    tab(&mut app, 1);
    typ(&mut app, "06.12.34.56.78");
    save(&mut app);
    assert!(!form_open(&app), "{:?}", app.message);
    assert_eq!(
        message(&app),
        (MessageKind::Info, "Zoé Durand ajouté·e au réseau".into())
    );
    assert_eq!(people_count(&path), before + 1);
    assert_eq!(selected_name(&app).as_deref(), Some("Zoé Durand"));
    let detail = whole_detail(&app);
    assert!(
        detail.iter().any(|l| l == "Tél. : 06 12 34 56 78"),
        "{detail:#?}"
    );
    assert!(
        detail.iter().any(|l| l == "E-mail : zoe@exemple.org"),
        "{detail:#?}"
    );
}

#[test]
fn give_a_role_then_end_it_and_leave_the_network() {
    let (_d, path) = demo();
    let mut app = app(&path);
    typ(&mut app, "a");
    typ(&mut app, "Vidal");
    tab(&mut app, 1);
    typ(&mut app, "Inès");
    save(&mut app);
    assert_eq!(selected_name(&app).as_deref(), Some("Inès Vidal"));
    let id = Store::open(&path, ADMIN)
        .unwrap()
        .resolve_person("Inès Vidal")
        .unwrap()
        .id;
    // Give the co-référent·e role in Finances, from today.
    typ(&mut app, "+");
    for _ in 0..20 {
        assert!(role_form_open(&app), "the role form is open");
        if form_value(&app, FIELD_CIRCLE).as_deref() == Some("Finances") {
            break;
        }
        app.handle_key(key(KeyCode::Right));
    }
    // Membre actif·ve is offered first; the role field, → once: co-référent·e.
    tab(&mut app, 1);
    app.handle_key(key(KeyCode::Right));
    save(&mut app);
    assert!(!form_open(&app), "{:?}", app.message);
    assert!(message(&app).1.contains("co-référent·e du cercle Finances"));
    let store = Store::open(&path, ADMIN).unwrap();
    assert!(
        store
            .coordination_circle()
            .unwrap()
            .iter()
            .any(|m| m.person_id == id),
        "a co-référent·e is in the cercle de coordination"
    );
    let current = detail_section(&app, SECTION_CURRENT);
    assert!(
        current.iter().any(|l| l.contains("Finances")),
        "{current:#?}"
    );
    assert!(
        row(&buffer(&app), 3).contains("Rôles en cours") || buffer_text(&app).contains("★Finances")
    );
    // Renew the term: the role goes on from the same day, with its new end.
    typ(&mut app, "m");
    assert!(form_open(&app), "the term form is open: {:?}", app.message);
    assert!(
        form_value(&app, FIELD_CIRCLE)
            .unwrap_or_default()
            .is_empty()
            || form_title(&app).contains("Mandat")
    );
    // Saved as it was: nothing written.
    save(&mut app);
    assert!(message(&app).1.contains("rien"), "{:?}", app.message);
    typ(&mut app, "m");
    // The form opens on the date: typed at once.
    typ(&mut app, "30/06/2027");
    save(&mut app);
    assert!(!form_open(&app), "{:?}", app.message);
    assert!(
        message(&app).1.contains("mandat jusqu'au 30/06/2027"),
        "{:?}",
        app.message
    );
    let store = Store::open(&path, ADMIN).unwrap();
    let detail = store.person(id).unwrap().unwrap();
    let m = &detail
        .memberships
        .iter()
        .find(|m| m.current)
        .unwrap()
        .membership;
    assert_eq!(m.term_end, chrono::NaiveDate::from_ymd_opt(2027, 6, 30));
    assert_eq!(m.since, store.today(), "the start stays");
    assert_eq!(detail.memberships.len(), 1, "no second role");
    // End it today.
    typ(&mut app, "-");
    assert!(role_form_open(&app));
    save(&mut app);
    assert!(!form_open(&app), "{:?}", app.message);
    assert_eq!(
        detail_section(&app, SECTION_CURRENT),
        [format!("  {NO_CURRENT_ROLE}")]
    );
    // One role in the history: each has one line of dates under its name.
    let history = detail_section(&app, SECTION_HISTORY);
    let roles = history.iter().filter(|l| l.starts_with("    ")).count();
    assert_eq!(roles, 1, "history stays: {history:#?}");
    assert!(buffer_text(&app).contains("Historique"));
    // No role left to end: said, nothing opens.
    typ(&mut app, "-");
    assert!(!form_open(&app));
    assert!(message(&app).1.contains("aucun rôle en cours"));
    // Leaving: shown only with the people who left, the record stays.
    app.handle_key(key(KeyCode::Esc));
    typ(&mut app, "d");
    save(&mut app);
    assert!(
        message(&app).1.contains("quitte le réseau"),
        "{:?}",
        app.message
    );
    assert!(!names_from_the_top(&mut app).contains(&"Vidal Inès".to_owned()));
    typ(&mut app, "p");
    assert!(names_from_the_top(&mut app).contains(&"Vidal Inès".to_owned()));
}

#[test]
fn a_person_who_left_comes_back_with_d_after_a_yes() {
    let (_d, path) = demo();
    let mut app = app(&path);
    select(&mut app, "Elsa Thibault");
    let id = Store::open(&path, ADMIN)
        .unwrap()
        .resolve_person("Elsa Thibault")
        .unwrap()
        .id;
    typ(&mut app, "d");
    save(&mut app);
    assert!(
        message(&app).1.contains("quitte le réseau"),
        "{:?}",
        app.message
    );
    typ(&mut app, "p");
    let left = names_from_the_top(&mut app)
        .iter()
        .position(|n| n == "Thibault Elsa");
    let left = left.expect("shown with the people who left");
    app.handle_key(key(KeyCode::Char('g')));
    for _ in 0..left {
        app.handle_key(key(KeyCode::Char('j')));
    }
    assert!(buffer_text(&app).contains("a quitté le réseau le 20/11/2025"));
    assert!(buffer_text(&app).contains("d : revenir dans le réseau"));
    // The same key asks; no leaves everything as it was.
    typ(&mut app, "d");
    assert!(!form_open(&app));
    assert_eq!(app.scopes(), [cercles::tui::keymap::Scope::Confirm]);
    assert!(buffer_text(&app).contains("Elsa Thibault revient dans le réseau ?"));
    typ(&mut app, "n");
    assert_eq!(app.overlay, cercles::tui::app::Overlay::None);
    assert!(
        whole_detail(&app)
            .iter()
            .any(|l| l.starts_with("a quitté le réseau le "))
    );
    // Yes: back in the network, her roles still ended.
    typ(&mut app, "d");
    typ(&mut app, "o");
    assert_eq!(
        message(&app),
        (
            MessageKind::Info,
            "Elsa Thibault revient dans le réseau ; + pour lui donner un rôle".into()
        )
    );
    assert_eq!(selected_name(&app).as_deref(), Some("Elsa Thibault"));
    let elsa = Store::open(&path, ADMIN)
        .unwrap()
        .person(id)
        .unwrap()
        .unwrap();
    assert_eq!(elsa.person.left_on, None);
    assert!(
        !whole_detail(&app)
            .iter()
            .any(|l| l.starts_with("a quitté le réseau"))
    );
    assert_eq!(
        detail_section(&app, SECTION_CURRENT),
        [format!("  {NO_CURRENT_ROLE}")]
    );
    assert!(!buffer_text(&app).contains("a quitté le réseau"));
    // `d` now offers the departure again.
    typ(&mut app, "d");
    assert!(role_form_open(&app));
}

#[test]
fn a_lecture_user_cannot_bring_a_person_back() {
    let (_d, path) = demo();
    let mut admin = Store::open(&path, ADMIN).unwrap();
    admin.add_user("lea", Role::Lecture, None).unwrap();
    let mut app = app_as(&path, "lea", Theme::plain());
    typ(&mut app, "p");
    // The rows of the people who left say so where their circles would be.
    let rows = member_rows(&app);
    let left = rows
        .iter()
        .position(|r| r.ends_with(cercles::catalogue::members_tab::LEFT_MARK))
        .expect("someone left in the demo");
    for _ in 0..left {
        app.handle_key(key(KeyCode::Char('j')));
    }
    typ(&mut app, "d");
    assert_eq!(app.overlay, cercles::tui::app::Overlay::None);
    let (kind, text) = message(&app);
    assert_eq!(kind, MessageKind::Error);
    assert!(text.contains("lecture"), "{text}");
}

#[test]
fn a_long_history_scrolls_with_j_and_k_and_a_mark_says_there_is_more() {
    let (_d, path) = demo();
    let mut store = Store::open(&path, ADMIN).unwrap();
    let today = store.today();
    let circles: Vec<i64> = store
        .circles()
        .unwrap()
        .iter()
        .filter(|c| c.kind != cercles::model::CircleKind::Coordination && c.is_open_on(today))
        .map(|c| c.id)
        .collect();
    let draft = cercles::model::PersonDraft {
        last_name: "Longue".into(),
        first_name: "Histoire".into(),
        notes: "Première ligne.\nDeuxième.\nTroisième.\nDernière ligne des notes.".into(),
        ..Default::default()
    };
    let person = store.add_person(&draft).unwrap();
    // Six past roles, each under a year long.
    for (n, circle) in circles.iter().take(6).enumerate() {
        let since = today - chrono::Days::new(3000 - 400 * n as u64);
        let m = store
            .give_role(person.id, *circle, CircleRole::MembreActif, since, None)
            .unwrap();
        store
            .end_role(m.id, m.version, since + chrono::Days::new(300))
            .unwrap();
    }
    let mut app = app(&path);
    select(&mut app, "Histoire Longue");
    let text = buffer_text(&app);
    assert!(!text.contains("Dernière ligne des notes."), "{text}");
    let buf = buffer(&app);
    // The mark sits at the bottom right of the detail (the last row of the body).
    assert_eq!(buf[(79, 21)].symbol(), "↓", "{text}");
    insta::assert_snapshot!("membres_detail_more_below", screen(&app).backend());
    for _ in 0..10 {
        typ(&mut app, "J");
    }
    let text = buffer_text(&app);
    assert!(text.contains("Dernière ligne des notes."), "{text}");
    assert_ne!(buffer(&app)[(79, 21)].symbol(), "↓", "at the end, no mark");
    // The detail's title stays in view while its body scrolls.
    assert!(text.contains("│ Histoire Longue"), "{text}");
    for _ in 0..10 {
        typ(&mut app, "K");
    }
    assert!(buffer_text(&app).contains("│ Histoire Longue"));
    assert_eq!(detail_scroll(&app, 1), 0);
    // Another person starts at the top.
    typ(&mut app, "JJ");
    assert!(detail_scroll(&app, 1) > 0);
    typ(&mut app, "j");
    assert_eq!(detail_scroll(&app, 1), 0);
}

#[test]
fn every_field_error_shows_at_once_on_save() {
    let (_d, path) = demo();
    let before = people_count(&path);
    let mut app = app(&path);
    typ(&mut app, "a");
    tab(&mut app, 2);
    typ(&mut app, "zoe@");
    tab(&mut app, 1);
    typ(&mut app, "12");
    save(&mut app);
    assert!(form_open(&app), "the form stays open");
    assert!(field_error(&app, FIELD_LAST_NAME).is_some());
    assert_eq!(
        field_error(&app, FIELD_EMAIL).as_deref(),
        Some("n'est pas une adresse e-mail")
    );
    assert!(field_error(&app, FIELD_PHONE).is_some());
    assert!(field_focused(&app, FIELD_LAST_NAME), "the first one");
    assert_eq!(message(&app).0, MessageKind::Error);
    assert_eq!(people_count(&path), before);
}

#[test]
fn hostile_input_is_saved_clean() {
    let (_d, path) = demo();
    let mut app = app(&path);
    typ(&mut app, "a");
    // Controls, a right-to-left override, a combining accent, an emoji.
    typ(&mut app, "Du\u{7}\u{1b}[31mrand\u{202e}e\u{301}");
    tab(&mut app, 1);
    typ(&mut app, "Zo\u{202d}e\u{301} 🌻");
    tab(&mut app, 2);
    typ(&mut app, "0612345678");
    tab(&mut app, 1);
    typ(&mut app, "Mul\u{200f}house\u{0}");
    // Échap closes the communes suggested, keeping what is typed.
    app.handle_key(key(KeyCode::Esc));
    tab(&mut app, 4);
    let long: String = "Une note très longue. ".repeat(150);
    assert!(long.chars().count() > 3000);
    typ(&mut app, &long);
    // The form still draws in its frame.
    let text = buffer_text(&app);
    assert!(!text.contains('\u{202e}') && !text.contains('\u{1b}'));
    save(&mut app);
    assert!(!form_open(&app), "{:?}", app.message);
    let store = Store::open(&path, ADMIN).unwrap();
    let p = store.resolve_person("Zoé 🌻 Du[31mrandé").unwrap();
    assert_eq!(p.last_name, "Du[31mrandé");
    assert_eq!(p.first_name, "Zoé 🌻");
    assert_eq!(p.commune, "68224", "Mulhouse");
    for text in [&p.last_name, &p.first_name, &p.notes] {
        assert!(
            text.chars().all(|c| !c.is_control() || c == '\n'),
            "{text:?}"
        );
        assert!(!text.chars().any(|c| matches!(c, '\u{202a}'..='\u{202e}' | '\u{200e}' | '\u{200f}' | '\u{2066}'..='\u{2069}')));
        assert!(unicode_normalization::is_nfc(text));
    }
    assert!(p.last_name.ends_with('\u{e9}'), "one é, NFC");
    assert_eq!(
        p.notes.chars().count(),
        long.trim_end().chars().count(),
        "kept whole"
    );
    // The list and the detail keep their columns: the border is whole on every body row.
    let buf = buffer(&app);
    // (The body is rows 1 to 20: the confirmation takes a line.)
    for y in 1..=20 {
        assert_eq!(buf[(43, y)].symbol(), "│", "{}", row(&buf, y));
    }
}

#[test]
fn a_note_over_the_limit_is_refused_under_its_field_not_cut() {
    let (_d, path) = demo();
    let before = people_count(&path);
    let mut app = app(&path);
    typ(&mut app, "a");
    typ(&mut app, "Durand");
    tab(&mut app, 8);
    typ(&mut app, &"x".repeat(4001));
    save(&mut app);
    assert!(form_open(&app), "the form stays open");
    assert_eq!(field_error(&app, FIELD_NOTES).as_deref(), Some("trop long"));
    assert!(
        message(&app).1.contains("4000 caractères au plus"),
        "{:?}",
        app.message
    );
    assert_eq!(people_count(&path), before, "nothing written");
}

#[test]
fn two_sessions_edit_the_same_person_and_the_second_sees_the_first_ones_values() {
    let (_d, path) = demo();
    let mut first = app(&path);
    let mut second = app(&path);
    select(&mut first, "Elsa Thibault");
    select(&mut second, "Elsa Thibault");
    typ(&mut first, "e");
    typ(&mut second, "e");
    // First: a new commune. Second: another commune and a note.
    for (app, commune) in [(&mut first, "Mulhouse"), (&mut second, "Colmar")] {
        tab(app, 4);
        for _ in 0..30 {
            app.handle_key(key(KeyCode::Backspace));
        }
        typ(app, commune);
        app.handle_key(key(KeyCode::Esc));
    }
    tab(&mut second, 4);
    typ(&mut second, "Trésorière adjointe.");
    save(&mut first);
    assert_eq!(message(&first).0, MessageKind::Info);
    // The second session hears of it before saving: a notice, not an error.
    assert!(second.poll_changes());
    let (kind, text) = message(&second);
    assert_eq!(kind, MessageKind::Notice);
    assert!(text.contains("modifiée ailleurs"), "{text}");
    save(&mut second);
    assert!(form_open(&second), "the form stays open");
    let conflict = conflict_rows(&second).expect("the conflict panel");
    let labels: Vec<_> = conflict.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels, [FIELD_COMMUNE, FIELD_NOTES]);
    assert_eq!(conflict[0].theirs, "Mulhouse (68)");
    assert_eq!(conflict[0].mine, "Colmar");
    assert!(conflict[0].keep_mine);
    assert_eq!(message(&second).0, MessageKind::Error);
    // Keep theirs for the commune, mine for the note; back to the form, then save.
    typ(&mut second, "t");
    second.handle_key(key(KeyCode::Enter));
    save(&mut second);
    assert!(!form_open(&second), "{:?}", second.message);
    let store = Store::open(&path, ADMIN).unwrap();
    let elsa = store.resolve_person("Elsa Thibault").unwrap();
    assert_eq!(elsa.commune, "68224", "Mulhouse");
    assert!(elsa.notes.contains("Trésorière adjointe."));
    // The first session sees the change at its next poll.
    assert!(first.poll_changes());
    let detail = whole_detail(&first).join("\n");
    assert!(detail.contains("adjointe"), "{detail}");
}

#[test]
fn a_lecture_user_sees_no_contact_and_every_write_is_refused_in_words() {
    let (_d, path) = demo();
    let mut admin = Store::open(&path, ADMIN).unwrap();
    admin.add_user("lea", Role::Lecture, None).unwrap();
    admin.add_user("benoit", Role::Benevole, None).unwrap();
    let mut app = app_as(&path, "lea", Theme::plain());
    assert!(buffer_text(&app).contains("masqué (rôle lecture)"));
    assert!(!buffer_text(&app).contains("@example.org"));
    for k in ["a", "e", "+", "-", "d"] {
        typ(&mut app, k);
        assert!(!form_open(&app), "{k}");
        let (kind, text) = message(&app);
        assert_eq!(kind, MessageKind::Error);
        assert!(text.contains("lecture"), "{k}: {text}");
        app.handle_key(key(KeyCode::Esc));
    }
    let mut app = app_as(&path, "benoit", Theme::plain());
    typ(&mut app, "a");
    assert!(!form_open(&app));
    assert!(message(&app).1.contains("bénévole"), "{:?}", app.message);
}

// --- screens at 80x24 ---------------------------------------------------------------------------

fn buffer_text(app: &App) -> String {
    let buf = buffer(app);
    (0..buf.area.height)
        .map(|y| row(&buf, y))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn snapshot_list_and_detail() {
    let (_d, path) = demo();
    let app = app(&path);
    insta::assert_snapshot!("membres_list_detail", screen(&app).backend());
    // The footer holds in 80 columns.
    let footer = row(&buffer(&app), 22);
    assert!(footer.trim_end().ends_with(": commandes"), "{footer}");
}

#[test]
fn snapshot_flagged_term_end() {
    let (_d, path) = demo();
    let mut app = app(&path);
    select(&mut app, "Elsa Thibault");
    insta::assert_snapshot!("membres_term_flag", screen(&app).backend());
}

#[test]
fn snapshot_person_form_with_a_validation_error() {
    let (_d, path) = demo();
    let mut app = app(&path);
    typ(&mut app, "a");
    typ(&mut app, "Durand");
    tab(&mut app, 2);
    typ(&mut app, "pas-une-adresse");
    tab(&mut app, 1);
    typ(&mut app, "06 12");
    save(&mut app);
    insta::assert_snapshot!("membres_form_error", screen(&app).backend());
}

#[test]
fn an_empty_date_starts_in_the_column_of_the_other_values() {
    let (_d, path) = demo();
    let mut app = app(&path);
    typ(&mut app, "+");
    let buf = buffer(&app);
    let (choice_x, _) = find(&buf, "‹ ");
    let (date_x, y) = find(&buf, "jj/mm/aaaa");
    assert_eq!(date_x, choice_x, "{}", row(&buf, y));
    assert!(row(&buf, y).starts_with("  Fin de mandat"));
}

#[test]
fn snapshot_conflict_panel() {
    let (_d, path) = demo();
    let mut app = app(&path);
    select(&mut app, "Elsa Thibault");
    typ(&mut app, "e");
    tab(&mut app, 4);
    for _ in 0..30 {
        app.handle_key(key(KeyCode::Backspace));
    }
    typ(&mut app, "Colmar");
    app.handle_key(key(KeyCode::Esc));
    let mut other = Store::open(&path, ADMIN).unwrap();
    let elsa = other.resolve_person("Elsa Thibault").unwrap();
    let mut theirs = elsa.draft();
    theirs.commune = "Mulhouse".into();
    theirs.phone = "0389000000".into();
    other.update_person(elsa.id, elsa.version, &theirs).unwrap();
    save(&mut app);
    insta::assert_snapshot!("membres_conflict", screen(&app).backend());
}

#[test]
fn the_term_flag_is_a_symbol_and_a_colour() {
    let (_d, path) = demo();
    let mut app = app_as(&path, ADMIN, Theme::colored());
    select(&mut app, "Elsa Thibault");
    let buf = buffer(&app);
    let (x, y) = find(&buf, "! Thibault Elsa");
    assert_eq!(buf[(x, y)].fg, Color::Yellow, "ends soon: yellow");
    let (x, y) = find(&buf, "! fin de mandat dans 25 jours");
    assert_eq!(buf[(x, y)].fg, Color::Yellow);
    // Without colours the symbol and the words stay, in bold.
    let mut plain = app_as(&path, ADMIN, Theme::plain());
    select(&mut plain, "Elsa Thibault");
    let buf = buffer(&plain);
    let (x, y) = find(&buf, "! Thibault Elsa");
    assert_eq!(buf[(x, y)].fg, Color::Reset);
    assert!(buf[(x, y)].modifier.contains(Modifier::BOLD));
    for cell in buf.content() {
        assert_eq!(cell.fg, Color::Reset);
    }
}

#[test]
fn a_user_linked_to_a_person_sees_their_name_in_the_status_bar() {
    let (_d, path) = demo();
    {
        let mut store = Store::open(&path, ADMIN).unwrap();
        let elsa = store.resolve_person("Elsa Thibault").unwrap();
        store
            .add_user("elsa", Role::Benevole, Some(elsa.id))
            .unwrap();
    }
    let app = app_as(&path, "elsa", Theme::plain());
    let status = row(&buffer(&app), 23);
    assert!(
        status.contains("elsa (bénévole) · Elsa Thibault"),
        "{status}"
    );
}

#[test]
fn a_role_form_that_meets_a_change_elsewhere_keeps_what_was_typed() {
    let (_d, path) = demo();
    let mut first = app(&path);
    let mut second = app(&path);
    for a in [&mut first, &mut second] {
        typ(a, "2");
        select(a, "Elsa Thibault");
    }
    // The second opens "end a role" and types a day; meanwhile the first renews the term.
    typ(&mut second, "-");
    tab(&mut second, 1);
    for _ in 0..10 {
        second.handle_key(key(KeyCode::Backspace));
    }
    typ(&mut second, "19/11/2025");
    typ(&mut first, "m");
    for _ in 0..10 {
        first.handle_key(key(KeyCode::Backspace));
    }
    typ(&mut first, "30/06/2027");
    save(&mut first);
    assert!(!form_open(&first), "{:?}", first.message);
    // The second's save meets the new version: refused, the form and its date stay.
    save(&mut second);
    assert!(
        form_open(&second),
        "the form stays open: {:?}",
        second.message
    );
    assert_eq!(
        form_value(&second, FIELD_UNTIL).as_deref(),
        Some("19/11/2025")
    );
    assert!(message(&second).1.contains("modifié ailleurs"));
    // Saved again, against the fresh row: done.
    save(&mut second);
    assert!(!form_open(&second), "{:?}", second.message);
    assert!(
        message(&second).1.contains("fin le 19/11/2025"),
        "{:?}",
        second.message
    );
}

#[test]
fn adding_someone_whose_name_is_taken_asks_first() {
    let (_d, path) = demo();
    let mut app = app(&path);
    typ(&mut app, "2");
    let before = member_count(&app);
    typ(&mut app, "a");
    typ(&mut app, "THIBAULT");
    tab(&mut app, 1);
    typ(&mut app, "elsa");
    save(&mut app);
    let shown = common::tui::screen_text(&app);
    assert!(shown.contains("est déjà dans le réseau"), "{shown}");
    // No: back to the form, nothing added.
    typ(&mut app, "n");
    assert!(person_form_open(&app));
    assert_eq!(
        Store::open(&path, ADMIN)
            .unwrap()
            .people(&Default::default())
            .unwrap()
            .len(),
        before
    );
    // Yes: a second person of that name.
    save(&mut app);
    typ(&mut app, "o");
    assert!(!form_open(&app), "{:?}", app.message);
    assert_eq!(member_count(&app), before + 1);
}

#[test]
fn the_palette_finds_another_tab_s_action_and_goes_there() {
    let (_d, path) = demo();
    let mut app = app(&path);
    // From the Cercles tab, "rôle" finds the Membres tab's action, and Enter runs it there.
    typ(&mut app, ":donner un rôle");
    app.handle_key(key(KeyCode::Enter));
    assert_eq!(app.tab, cercles::tui::tabs::Tab::Membres);
    assert!(role_form_open(&app), "{:?}", app.message);
}

#[test]
fn the_footer_offers_no_write_a_lecture_session_may_not_make() {
    let (_d, path) = demo();
    Store::open(&path, ADMIN)
        .unwrap()
        .add_user("lea", cercles::model::Role::Lecture, None)
        .unwrap();
    let mut reader = app_as(&path, "lea", Theme::plain());
    typ(&mut reader, "2");
    let footer = row(&buffer(&reader), 22);
    assert!(
        !footer.contains("ajouter") && !footer.contains("rôle"),
        "{footer}"
    );
    assert!(footer.contains("quitter"), "{footer}");
    let mut admin = app(&path);
    typ(&mut admin, "2");
    assert!(row(&buffer(&admin), 22).contains("a ajouter"));
}

#[test]
fn a_namesake_with_an_e_mail_already_used_is_told_about_the_e_mail_first() {
    let (_d, path) = demo();
    let elsa = Store::open(&path, ADMIN)
        .unwrap()
        .resolve_person("Elsa Thibault")
        .unwrap();
    let email = elsa.email.clone().expect("Elsa has an e-mail in the demo");
    let mut app = app(&path);
    typ(&mut app, "2");
    typ(&mut app, "a");
    typ(&mut app, "THIBAULT");
    tab(&mut app, 1);
    typ(&mut app, "elsa");
    tab(&mut app, 1);
    typ(&mut app, &email);
    save(&mut app);
    let shown = common::tui::screen_text(&app);
    assert!(!shown.contains("est déjà dans le réseau"), "{shown}");
    assert_eq!(message(&app).0, MessageKind::Error);
    assert!(message(&app).1.contains(&email), "{:?}", app.message);
    assert!(person_form_open(&app));
}

#[test]
fn opening_a_form_clears_the_error_line_of_the_previous_action() {
    let (_d, path) = demo();
    let mut app = app(&path);
    typ(&mut app, "2");
    // `e` with nobody in the filtered list: an error on the message line.
    typ(&mut app, "/zzzz");
    app.handle_key(key(KeyCode::Enter));
    typ(&mut app, "e");
    assert_eq!(message(&app).0, MessageKind::Error, "{:?}", app.message);
    typ(&mut app, "a");
    assert!(person_form_open(&app));
    assert!(app.message.is_none(), "{:?}", app.message);
}

/// A form of the tab is open, with (or without) a person's name field.
fn form_with_name(app: &App) -> Option<bool> {
    form_open(app).then(|| form_value(app, FIELD_LAST_NAME).is_some())
}

fn person_form_open(app: &App) -> bool {
    form_with_name(app) == Some(true)
}

fn role_form_open(app: &App) -> bool {
    form_with_name(app) == Some(false)
}

#[test]
fn the_circle_filter_is_picked_by_typing_part_of_its_name() {
    let (_d, path) = demo();
    let mut app = app(&path);
    typ(&mut app, "2c");
    typ(&mut app, "plai");
    app.handle_key(key(KeyCode::Enter));
    let screen = common::tui::screen_text(&app);
    assert!(screen.contains("Plaidoyer"), "{screen}");
    assert!(filters(&app).contains("c:Plaidoyer"), "a circle chosen");
    // Accents ignored; Échap leaves the filter as it was.
    typ(&mut app, "c");
    typ(&mut app, "echange");
    app.handle_key(key(KeyCode::Esc));
    assert!(filters(&app).contains("c:Plaidoyer"), "{}", filters(&app));
    typ(&mut app, "c");
    typ(&mut app, "echange");
    app.handle_key(key(KeyCode::Enter));
    assert!(!filters(&app).contains("c:Plaidoyer"), "{}", filters(&app));
    assert!(
        filters(&app).contains("c:Échange-entraide"),
        "{}",
        filters(&app)
    );
    let screen = common::tui::screen_text(&app);
    assert!(screen.contains("Échange-entraide"), "{screen}");
}

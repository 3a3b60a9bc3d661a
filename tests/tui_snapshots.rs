//! The screens at 80x24 on a `TestBackend`, as insta snapshots (text only), plus explicit
//! style assertions where colour carries meaning (snapshots do not see colour).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};

use cercles::store::Store;
use cercles::tui::{App, Theme};
use chrono::NaiveDate;
use common::tui::{
    ADMIN, buffer, buffer_at, demo, find, focused_section, form_open, key, press, row, screen,
    select_circle as select, selected_circle, typ,
};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Color, Modifier};

fn db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cercles.db");
    let today = NaiveDate::from_ymd_opt(2025, 11, 20);
    Store::create_with(&path, ADMIN, today, |store| {
        let fin = store.circle_named("Rencontres nationales")?.unwrap();
        let mut sheet = fin.sheet.clone();
        sheet.purpose = "Permettre à un maximum de listes citoyennes de se doter des outils \
                         nécessaires pour réussir leur campagne municipale."
            .into();
        sheet.decision_scope = "Programme, lieu et budget des Rencontres nationales.".into();
        sheet.missions = "Co-organiser les Rencontres avec les collectifs hôtes.\n\
                          Accueillir et coordonner les bénévoles."
            .into();
        sheet.safe_frame = "Une équipe soin à l'écoute ; chacun·e dit ce qu'il ou elle peut \
                            prendre."
            .into();
        store.update_circle_sheet(fin.id, fin.version, &sheet)?;
        Ok(())
    })
    .unwrap();
    (dir, path)
}

/// The app with the first working circle selected (the cercle général's row is above it).
fn app(path: &Path, theme: Theme) -> App {
    let mut app = App::new(Store::open(path, ADMIN).unwrap()).unwrap();
    app.theme = theme;
    app.handle_key(key(KeyCode::Char('j')));
    app
}

#[test]
fn cercles_list_and_detail() {
    let (_d, path) = db();
    let app = app(&path, Theme::plain());
    insta::assert_snapshot!("cercles_list_detail", screen(&app).backend());
}

#[test]
fn every_other_tab() {
    let (_d, path) = db();
    let mut app = app(&path, Theme::plain());
    for (n, name) in [
        (2, "membres"),
        (3, "collectifs"),
        (4, "rencontres"),
        (5, "comptabilite"),
        (6, "chronologie"),
        (7, "rapports"),
    ] {
        typ(&mut app, &n.to_string());
        insta::assert_snapshot!(format!("tab_{n}_{name}"), screen(&app).backend());
    }
}

#[test]
fn help_overlay() {
    let (_d, path) = db();
    let mut app = app(&path, Theme::plain());
    typ(&mut app, "?");
    insta::assert_snapshot!("help", screen(&app).backend());
    press(&mut app, KeyCode::PageDown);
    insta::assert_snapshot!("help_page_2", screen(&app).backend());
}

#[test]
fn palette_with_a_query() {
    let (_d, path) = db();
    let mut app = app(&path, Theme::plain());
    typ(&mut app, ":quit");
    insta::assert_snapshot!("palette_quit", screen(&app).backend());
    let mut app2 = self::app(&path, Theme::plain());
    typ(&mut app2, ":onglet");
    insta::assert_snapshot!("palette_onglet", screen(&app2).backend());
}

#[test]
fn filter_line() {
    let (_d, path) = db();
    let mut app = app(&path, Theme::plain());
    typ(&mut app, "/co");
    insta::assert_snapshot!("filter_co", screen(&app).backend());
}

#[test]
fn circle_form_with_a_validation_error() {
    let (_d, path) = db();
    let mut app = app(&path, Theme::plain());
    typ(&mut app, "e");
    for _ in 0..30 {
        app.handle_key(key(KeyCode::Backspace));
    }
    app.handle_key(key(KeyCode::F(2)));
    insta::assert_snapshot!("circle_form_error", screen(&app).backend());
}

#[test]
fn circle_form_focused_on_a_long_field() {
    let (_d, path) = db();
    let mut app = app(&path, Theme::plain());
    typ(&mut app, "e");
    app.handle_key(key(KeyCode::Tab));
    app.handle_key(key(KeyCode::Tab));
    app.handle_key(key(KeyCode::Tab));
    typ(&mut app, "é");
    insta::assert_snapshot!("circle_form_missions", screen(&app).backend());
}

#[test]
fn conflict_panel_and_message() {
    let (_d, path) = db();
    let mut app = app(&path, Theme::plain());
    typ(&mut app, "e");
    app.handle_key(key(KeyCode::Tab));
    typ(&mut app, " Ma version.");
    let mut other = Store::open(&path, ADMIN).unwrap();
    let c = other
        .circle_named("Rencontres nationales")
        .unwrap()
        .unwrap();
    let mut theirs = c.sheet.clone();
    theirs.purpose = "Leur raison d'être, réécrite.".into();
    theirs.safe_frame = "Leur cadre sécurisant.".into();
    other.update_circle_sheet(c.id, c.version, &theirs).unwrap();
    app.handle_key(key(KeyCode::F(2)));
    insta::assert_snapshot!("conflict", screen(&app).backend());
}

#[test]
fn quit_question_over_a_dirty_form() {
    let (_d, path) = db();
    let mut app = app(&path, Theme::plain());
    typ(&mut app, "eX");
    app.handle_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    insta::assert_snapshot!("confirm_quit", screen(&app).backend());
}

#[test]
fn wide_terminal_uses_the_room() {
    let (_d, path) = db();
    let mut app = app(&path, Theme::plain());
    app.set_size(120, 30);
    let mut terminal = Terminal::new(TestBackend::new(120, 30)).unwrap();
    terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
    let buf = terminal.backend().buffer().clone();
    assert!(row(&buf, 0).contains("5 Comptabilité"), "long tab names");
    assert!(row(&buf, 29).contains("aujourd'hui : 20/11/2025"));
    typ(&mut app, "e");
}

// --- styles where colour carries meaning -------------------------------------------------------

#[test]
fn selection_is_coloured_and_also_marked() {
    let (_d, path) = db();
    let buf = buffer(&app(&path, Theme::colored()));
    let (x, y) = find(&buf, "> Rencontres nationales");
    assert_eq!(buf[(x + 2, y)].bg, Color::Cyan);
    let plain = buffer(&app(&path, Theme::plain()));
    let (x, y) = find(&plain, "> Rencontres nationales");
    assert!(plain[(x + 2, y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn active_tab_is_coloured_and_bracketed() {
    let (_d, path) = db();
    let buf = buffer(&app(&path, Theme::colored()));
    let (x, y) = find(&buf, "[1 Cercles]");
    assert_eq!(buf[(x + 1, y)].bg, Color::Yellow);
}

#[test]
fn errors_are_red_and_say_so_in_words() {
    let (_d, path) = db();
    let mut app = app(&path, Theme::colored());
    typ(&mut app, "e");
    for _ in 0..30 {
        app.handle_key(key(KeyCode::Backspace));
    }
    app.handle_key(key(KeyCode::F(2)));
    let buf = buffer(&app);
    let (x, y) = find(&buf, "! ce champ est obligatoire");
    assert_eq!(buf[(x, y)].fg, Color::LightRed);
    let (x, y) = find(&buf, "Erreur :");
    assert_eq!(buf[(x, y)].fg, Color::LightRed);
}

#[test]
fn no_color_means_no_colour_at_all() {
    let (_d, path) = db();
    let mut app = app(&path, Theme::plain());
    for keys in ["", "e", "\u{1b}?"] {
        for c in keys.chars() {
            let code = if c == '\u{1b}' {
                KeyCode::Esc
            } else {
                KeyCode::Char(c)
            };
            app.handle_key(key(code));
        }
        let buf = buffer(&app);
        for cell in buf.content() {
            assert_eq!(cell.fg, Color::Reset, "{keys:?}");
            assert_eq!(cell.bg, Color::Reset, "{keys:?}");
        }
    }
}

#[test]
fn the_form_cursor_sits_after_wide_and_accented_text_by_display_width() {
    let (_d, path) = db();
    let mut app = app(&path, Theme::plain());
    typ(&mut app, "e");
    for _ in 0..30 {
        app.handle_key(key(KeyCode::Backspace));
    }
    typ(&mut app, "Thé·é");
    let buf = buffer(&app);
    let (x, y) = find(&buf, "Thé·é");
    // 5 characters, 5 columns: the cursor (reversed cell) is right after them.
    let cursor = buf[(x + 5, y)].clone();
    assert!(
        cursor.modifier.contains(Modifier::REVERSED),
        "{:?}",
        row(&buf, y)
    );
    assert!(!buf[(x + 4, y)].modifier.contains(Modifier::REVERSED));
}

// --- the Cercles tab on the demo network -------------------------------------------------------

fn demo_app(path: &Path, theme: Theme) -> App {
    let mut app = App::new(Store::open(path, ADMIN).unwrap()).unwrap();
    app.theme = theme;
    app
}

#[test]
fn demo_list_with_counts_and_the_general_circle() {
    let (_d, path) = demo();
    let app = demo_app(&path, Theme::plain());
    insta::assert_snapshot!("demo_list_general", screen(&app).backend());
}

#[test]
fn demo_finances_members_and_work_log() {
    let (_d, path) = demo();
    let mut app = demo_app(&path, Theme::plain());
    select(&mut app, "Finances");
    insta::assert_snapshot!("demo_finances", screen(&app).backend());
    app.handle_key(key(KeyCode::Enter));
    insta::assert_snapshot!("demo_finances_work_log", screen(&app).backend());
}

#[test]
fn demo_coordination_and_a_flagged_term_end() {
    let (_d, path) = demo();
    let mut app = demo_app(&path, Theme::plain());
    select(&mut app, "Coordination");
    insta::assert_snapshot!("demo_coordination", screen(&app).backend());
    select(&mut app, "Communication");
    insta::assert_snapshot!("demo_communication_flag", screen(&app).backend());
}

#[test]
fn demo_work_item_form_with_a_validation_error() {
    let (_d, path) = demo();
    let mut app = demo_app(&path, Theme::plain());
    select(&mut app, "Finances");
    app.handle_key(key(KeyCode::Enter));
    typ(&mut app, "a");
    for _ in 0..4 {
        app.handle_key(key(KeyCode::Backspace));
    }
    typ(&mut app, "25");
    for _ in 0..3 {
        app.handle_key(key(KeyCode::Tab));
    }
    typ(&mut app, "Clôture des comptes");
    app.handle_key(key(KeyCode::F(2)));
    insta::assert_snapshot!("demo_work_item_error", screen(&app).backend());
}

#[test]
fn demo_decisions_of_the_general_circle_with_a_due_review() {
    let (_d, path) = demo();
    let mut app = demo_app(&path, Theme::plain());
    app.handle_key(key(KeyCode::Enter));
    insta::assert_snapshot!("demo_general_decisions", screen(&app).backend());
}

#[test]
fn term_flags_and_due_reviews_are_red_and_marked() {
    let (_d, path) = demo();
    let mut app = demo_app(&path, Theme::colored());
    let buf = buffer(&app);
    let (x, y) = find(&buf, "Communication");
    let flag_x = (x..buf.area.width)
        .find(|x| buf[(*x, y)].symbol() == "!")
        .expect("flag on the Communication row");
    assert_eq!(buf[(flag_x, y)].fg, Color::LightRed);
    let (x, y) = find(&buf, "Rencontres nationales");
    assert!(
        !row(&buf, y)[x as usize..].contains('!'),
        "no flag without an alert"
    );
    app.handle_key(key(KeyCode::Enter));
    let buf = buffer(&app);
    let (x, y) = find(&buf, "! à revoir depuis le 15/11/2025");
    assert_eq!(buf[(x, y)].fg, Color::LightRed);
}

#[test]
fn demo_delete_question_over_the_work_log() {
    let (_d, path) = demo();
    let mut app = demo_app(&path, Theme::plain());
    select(&mut app, "Finances");
    app.handle_key(key(KeyCode::Enter));
    typ(&mut app, "d");
    insta::assert_snapshot!("demo_delete_work_question", screen(&app).backend());
}

/// Control characters, a bidi override, emoji and a very long name: saved cleaned, and every
/// row of the screen still 80 cells wide with the list's right border in its column.
#[test]
fn hostile_text_is_cleaned_and_keeps_the_layout() {
    let (_d, path) = demo();
    let mut app = demo_app(&path, Theme::plain());
    let border_x = find(&buffer(&app), "│").0;
    typ(&mut app, "n");
    let name = format!(
        "\u{202e}Acc\u{7}ueil 😀\u{200f} {}",
        // Longer than the screen, within the 120 characters a name may have.
        "très long ".repeat(10)
    );
    typ(&mut app, &name);
    app.handle_key(key(KeyCode::F(2)));
    assert!(!form_open(&app), "{:?}", app.message);
    // The list shows it selected (its name cut to the column), the base holds it cleaned.
    let shown = selected_circle(&app).unwrap();
    assert!(shown.starts_with("Accueil 😀 très long"), "{shown:?}");
    let saved = Store::open(&path, ADMIN)
        .unwrap()
        .circles()
        .unwrap()
        .into_iter()
        .map(|c| c.name().to_owned())
        .find(|n| n.contains("Acc"))
        .expect("the circle saved");
    assert!(saved.starts_with("Accueil 😀 très long"), "{saved:?}");
    assert!(
        !saved
            .chars()
            .any(|c| c.is_control() || c == '\u{202e}' || c == '\u{200f}')
    );
    app.handle_key(key(KeyCode::Enter));
    while !focused_section(&app).is_some_and(|s| s.starts_with("Suivi ")) {
        app.handle_key(key(KeyCode::Tab));
    }
    typ(&mut app, "a");
    for _ in 0..3 {
        app.handle_key(key(KeyCode::Tab));
    }
    typ(&mut app, &format!("Titre\u{202e} 😀😀 {}", "x".repeat(180)));
    app.handle_key(key(KeyCode::F(2)));
    assert!(!form_open(&app), "{:?}", app.message);
    for screen_now in [buffer(&app), {
        typ(&mut app, "e");
        buffer(&app)
    }] {
        for y in 0..24 {
            let text = row(&screen_now, y);
            assert!(!text.contains('\u{202e}'), "row {y}: {text}");
        }
    }
    app.handle_key(key(KeyCode::Esc));
    app.handle_key(key(KeyCode::Esc));
    let buf = buffer(&app);
    for y in 1..21 {
        assert_eq!(
            buf[(border_x, y)].symbol(),
            "│",
            "row {y}: {}",
            row(&buf, y)
        );
    }
}

// --- small and odd screen sizes ----------------------------------------------------------------

/// The whole screen as text, one line per row.
fn text_of(buf: &ratatui::buffer::Buffer) -> String {
    (0..buf.area.height)
        .map(|y| row(buf, y))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_current_tab_stays_in_the_tab_bar_however_narrow() {
    let (_d, path) = db();
    let mut app = app(&path, Theme::plain());
    for (width, height) in [(40, 10), (50, 12), (60, 16), (80, 24), (120, 40)] {
        for n in 1..=7 {
            typ(&mut app, &n.to_string());
            let buf = buffer_at(&mut app, width, height);
            let bar = row(&buf, 0);
            let name = app.tab.short_name();
            assert!(
                bar.contains(&format!("[{n} ")) && bar.contains(name),
                "{width}x{height}, tab {n}: {bar:?}"
            );
        }
    }
    typ(&mut app, "7");
    let buf = buffer_at(&mut app, 40, 10);
    assert_eq!(row(&buf, 0).trim_end(), "1 2 3 4 5 6 [7 Rapports]");
}

#[test]
fn a_narrow_screen_shows_the_list_then_the_detail_on_the_whole_width() {
    let (_d, path) = db();
    let mut app = app(&path, Theme::plain());
    let buf = buffer_at(&mut app, 40, 12);
    insta::assert_snapshot!("narrow_list", text_of(&buf));
    press(&mut app, KeyCode::Enter);
    let buf = buffer_at(&mut app, 40, 12);
    insta::assert_snapshot!("narrow_detail", text_of(&buf));
    assert!(
        !text_of(&buf).contains("Cercle général"),
        "the list gives way"
    );
    press(&mut app, KeyCode::Esc);
    let buf = buffer_at(&mut app, 40, 12);
    assert!(text_of(&buf).contains("Cercle général"), "the list is back");
}

/// A character wider than a one-column pane (CJK, emoji) used to make the word wrap loop for
/// ever: the program froze at 40 columns on such a circle.
#[test]
fn wide_characters_in_a_tiny_pane_never_hang_and_no_size_panics() {
    let (_d, path) = db();
    {
        let mut store = Store::open(&path, ADMIN).unwrap();
        let c = store
            .circle_named("Rencontres nationales")
            .unwrap()
            .unwrap();
        let mut sheet = c.sheet.clone();
        sheet.purpose = "漢字😀漢字 et 日本語のテキスト".into();
        store.update_circle_sheet(c.id, c.version, &sheet).unwrap();
    }
    let mut app = app(&path, Theme::plain());
    for keys in ["", "\n", "e"] {
        typ(&mut app, keys);
        for (width, height) in [
            (20, 6),
            (30, 8),
            (40, 10),
            (41, 10),
            (42, 10),
            (58, 14),
            (59, 14),
            (60, 16),
            (61, 16),
            (80, 24),
            (120, 40),
        ] {
            let buf = buffer_at(&mut app, width, height);
            assert_eq!(buf.area.width, width);
        }
        press(&mut app, KeyCode::Esc);
    }
    for overlay in ["?", ":", "2", "2/zz"] {
        typ(&mut app, overlay);
        for (width, height) in [(20, 6), (40, 10), (60, 16), (120, 40)] {
            buffer_at(&mut app, width, height);
        }
        press(&mut app, KeyCode::Esc);
        press(&mut app, KeyCode::Esc);
    }
}

/// A form drawn small, then on a bigger screen: each text shows from its start again (the
/// text area used to keep the scroll of the small screen and hide what now fits).
#[test]
fn a_form_resized_bigger_shows_its_texts_from_the_start() {
    let (_d, path) = db();
    let mut app = app(&path, Theme::plain());
    typ(&mut app, "e");
    typ(&mut app, " 2");
    buffer_at(&mut app, 30, 8);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::End);
    buffer_at(&mut app, 30, 8);
    let buf = buffer_at(&mut app, 80, 24);
    let (_, y) = find(&buf, "Nom");
    assert!(
        row(&buf, y).contains("Rencontres nationales 2"),
        "{:?}",
        row(&buf, y)
    );
    let (_, y) = find(&buf, "Raison d'être");
    assert!(
        row(&buf, y).contains("Permettre à un maximum"),
        "{}",
        text_of(&buf)
    );
    // Unfocused fields with more text than rows say so with `…`.
    let buf = buffer_at(&mut app, 40, 12);
    assert!(text_of(&buf).contains('…'), "{}", text_of(&buf));
}

#[test]
fn a_narrow_help_cuts_descriptions_with_an_ellipsis() {
    let (_d, path) = db();
    let mut app = app(&path, Theme::plain());
    app.set_size(60, 16);
    typ(&mut app, "?");
    let buf = buffer_at(&mut app, 60, 16);
    let (_, y) = find(&buf, "sections : entrer");
    let line = row(&buf, y);
    assert!(line.trim_end().ends_with("…│"), "{line:?}");
}

/// `?` lists the keys of the screen in front first (Membres, Collectifs); a tab still to come has none of the
/// Cercles or Membres keys, only the global ones.
#[test]
fn help_lists_this_screen_s_keys_first() {
    let (_d, path) = db();
    let mut app = app(&path, Theme::plain());
    typ(&mut app, "2?");
    let shown = common::tui::screen_text(&app);
    let first_group = shown.lines().nth(1).unwrap_or_default();
    assert!(first_group.contains("Membres"), "{shown}");
    app.handle_key(key(KeyCode::Esc));
    typ(&mut app, "3?");
    let shown = common::tui::screen_text(&app);
    assert!(
        shown
            .lines()
            .nth(1)
            .unwrap_or_default()
            .contains("Collectifs"),
        "{shown}"
    );
    app.handle_key(key(KeyCode::Esc));
    typ(&mut app, "4?");
    let shown = common::tui::screen_text(&app);
    assert!(
        shown
            .lines()
            .nth(1)
            .unwrap_or_default()
            .contains("Rencontres"),
        "{shown}"
    );
    for other in ["Cercles", "Membres", "Collectifs"] {
        assert!(
            !shown.lines().any(|l| l.trim_matches(['│', ' ']) == other),
            "{other} in {shown}"
        );
    }
    app.handle_key(key(KeyCode::Esc));
    typ(&mut app, "5?");
    let shown = common::tui::screen_text(&app);
    assert!(shown.contains("Partout"), "{shown}");
    for other in ["Cercles", "Membres", "Détail d'un cercle", "Formulaires"] {
        assert!(
            !shown.lines().any(|l| l.trim_matches(['│', ' ']) == other),
            "{other} in {shown}"
        );
    }
    assert!(!shown.contains("nouveau : créer un cercle"), "{shown}");
}

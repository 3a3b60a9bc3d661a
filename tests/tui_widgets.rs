//! The tab kit's widgets where the tabs use them: the lists drawn through the table (names
//! holding emoji sequences, flags and combining marks keep every column in line at 80x24), the
//! picker behind the circle field of the role form (a letter jumps to a circle).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use cercles::catalogue::members_tab::FIELD_CIRCLE;
use cercles::store::Store;
use cercles::tui::{App, Theme};
use chrono::NaiveDate;
use common::tui::{ADMIN, buffer, demo, form_open, form_value, key, row, typ};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;

const FAMILY: &str = "👩\u{200d}👩\u{200d}👧";
const FLAG: &str = "🇫🇷";

/// The x of every cell of row `y` left of `end` whose symbol is `symbol`.
fn cells_of(buf: &Buffer, y: u16, symbol: &str, end: u16) -> Vec<u16> {
    (0..end)
        .filter(|x| buf[(*x, y)].symbol() == symbol)
        .collect()
}

/// Row `y` as a terminal shows it: a wide symbol's hidden cell left out.
fn drawn(buf: &Buffer, y: u16) -> String {
    let mut text = String::new();
    let mut x = 0;
    while x < buf.area.width {
        let symbol = buf[(x, y)].symbol();
        text.push_str(symbol);
        x += u16::try_from(cercles::text_width::width(symbol).max(1)).unwrap();
    }
    text
}

#[test]
fn circle_names_with_emoji_flags_and_combining_marks_keep_the_columns_in_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cercles.db");
    let long = FAMILY.repeat(15);
    let names = [
        ("Communication", format!("Famille {FAMILY} réunie")),
        ("Plaidoyer", format!("France {FLAG} et {FLAG}")),
        // q + combining tilde has no composed form: it stays two characters after NFC.
        ("Finances", "Finq\u{303}ances e\u{301}quipe".to_owned()),
        ("Gouvernance", long.clone()),
    ];
    let today = NaiveDate::from_ymd_opt(2025, 11, 20);
    Store::create_with(&path, ADMIN, today, |store| {
        for (old, new) in &names {
            let c = store.circle_named(old)?.unwrap();
            let mut sheet = c.sheet.clone();
            sheet.name = new.clone();
            store.update_circle_sheet(c.id, c.version, &sheet)?;
        }
        Ok(())
    })
    .unwrap();
    let mut app = App::new(Store::open(&path, ADMIN).unwrap()).unwrap();
    app.theme = Theme::plain();
    let buf = buffer(&app);
    assert_eq!(buf.area.width, 80);
    // The separator and the counts of the cercle général's row, which is plain text.
    let separator = cells_of(&buf, 2, "│", 80);
    let dots = cells_of(&buf, 2, "·", separator[0]);
    assert_eq!(separator.len(), 1, "{:?}", row(&buf, 2));
    assert_eq!(dots.len(), 1);
    for y in 2..12 {
        let text = row(&buf, y);
        assert_eq!(cells_of(&buf, y, "│", 80), separator, "row {y}: {text:?}");
        assert_eq!(
            cells_of(&buf, y, "·", separator[0]),
            dots,
            "row {y}: {text:?}"
        );
    }
    let text: Vec<String> = (2..12).map(|y| drawn(&buf, y)).collect();
    for (_, name) in &names[..3] {
        // Saved as NFC: `e` + acute is `é`, `q` + tilde stays two characters in one cell.
        let name = cercles::text::clean_line(name, 120);
        assert!(
            text.iter().any(|r| r.contains(name.as_str())),
            "{name:?} in {text:#?}"
        );
    }
    // The name too long for the pane is cut between two families, with `…`.
    let cut = text
        .iter()
        .find(|r| r.contains(FAMILY) && r.contains('…'))
        .unwrap();
    assert!(!cut.contains("\u{200d}…"), "{cut:?}");
    assert!(!cut.contains(&long));
}

#[test]
fn person_names_with_emoji_and_flags_keep_the_membres_columns_in_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cercles.db");
    let today = NaiveDate::from_ymd_opt(2025, 11, 20);
    let people = [
        (FAMILY.repeat(9), FLAG.to_owned()),
        (format!("Dupont{FLAG}"), "Zoé".to_owned()),
        ("Q\u{303}uintin".to_owned(), format!("A{FAMILY}B")),
        ("Martin".to_owned(), "Léa".to_owned()),
    ];
    Store::create_with(&path, ADMIN, today, |store| {
        for (last, first) in &people {
            store.add_person(&cercles::model::PersonDraft {
                last_name: last.clone(),
                first_name: first.clone(),
                ..Default::default()
            })?;
        }
        Ok(())
    })
    .unwrap();
    let mut app = App::new(Store::open(&path, ADMIN).unwrap()).unwrap();
    app.theme = Theme::plain();
    typ(&mut app, "2");
    let buf = buffer(&app);
    let border = cells_of(&buf, 3, "│", 80);
    // The type column: where `bénév.` starts on the plain row.
    let (martin_y, kind_x) = (3..7)
        .find_map(|y| {
            let text = drawn(&buf, y);
            text.contains("Martin Léa").then(|| {
                let cells: Vec<&str> = (0..80).map(|x| buf[(x, y)].symbol()).collect();
                (y, cells.iter().position(|c| *c == "b").unwrap() as u16)
            })
        })
        .expect("Martin Léa in the list");
    for y in 3..7 {
        let text = drawn(&buf, y);
        assert_eq!(cells_of(&buf, y, "│", 80), border, "row {y}: {text:?}");
        assert_eq!(
            buf[(kind_x, y)].symbol(),
            "b",
            "row {y} (Martin is {martin_y}): {text:?}"
        );
        assert!(!text.contains("\u{200d}…"), "{text:?}");
    }
}

fn circle_field(app: &App) -> String {
    assert!(form_open(app), "the role form is open: {:?}", app.message);
    form_value(app, FIELD_CIRCLE).expect("a circle field")
}

fn screen(app: &App) -> String {
    let buf = buffer(app);
    (0..24).map(|y| row(&buf, y)).collect::<Vec<_>>().join("\n")
}

#[test]
fn the_circle_of_the_role_form_is_picked_by_typing_part_of_its_name() {
    let (_d, path) = demo();
    let mut app = App::new(Store::open(&path, ADMIN).unwrap()).unwrap();
    app.theme = Theme::plain();
    typ(&mut app, "2+");
    // A few letters, without case, and Entrée: the best match.
    typ(&mut app, "plai");
    assert!(screen(&app).contains("plai"), "{}", screen(&app));
    app.handle_key(key(KeyCode::Enter));
    assert_eq!(circle_field(&app), "Plaidoyer");
    assert!(screen(&app).contains("‹ Plaidoyer ›"), "{}", screen(&app));
    // Accents ignored.
    typ(&mut app, "echange");
    app.handle_key(key(KeyCode::Enter));
    assert_eq!(circle_field(&app), "Échange-entraide");
    // Échap leaves the search and keeps the value it had; the form stays open.
    typ(&mut app, "fin");
    app.handle_key(key(KeyCode::Esc));
    assert_eq!(circle_field(&app), "Échange-entraide");
    assert!(form_open(&app), "Échap closed only the search");
    // ← → still cycle the short list.
    app.handle_key(key(KeyCode::Right));
    assert_ne!(circle_field(&app), "Échange-entraide", "← → still cycle");
    // Letters in the other fields still go to the form.
    app.handle_key(key(KeyCode::Tab));
    let before = circle_field(&app);
    typ(&mut app, "f");
    assert_eq!(circle_field(&app), before);
}

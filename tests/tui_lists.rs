//! The lists drawn through the table widget: names holding emoji sequences, flags and
//! combining marks keep every column in line at 80x24.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use cercles::store::Store;
use cercles::tui::{App, Theme};
use chrono::NaiveDate;
use common::tui::{ADMIN, buffer, row};
use ratatui::buffer::Buffer;

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

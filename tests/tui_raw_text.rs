//! Text put into the database behind the program's back (raw SQL, another tool) with control
//! characters in it never moves a row on screen nor reaches the terminal: every path from
//! the database to the screen cleans it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use cercles::store::Store;
use cercles::tui::{App, Theme};
use common::tui::{ADMIN, buffer, demo, key, row};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;

/// Control, bidi and line-break characters put in by raw SQL, as `sqlite3` would.
fn corrupt(path: &std::path::Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(
        "UPDATE people SET last_name = 'Aaa'||char(10)||'Bbb'||char(27)||'[7m',
                first_name = 'Zo'||char(13)||'e'||char(8238),
                commune = 'Li'||char(9)||'lle'||char(11)
          WHERE id = (SELECT min(id) FROM people);
         UPDATE circles SET name = 'Fin'||char(10)||'ances'||char(133),
                purpose = 'Tenir'||char(10)||char(10)||'les'||char(27)||'[2J comptes'
          WHERE name = 'Finances';",
    )
    .unwrap();
}

fn assert_clean(buf: &Buffer, what: &str) {
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let symbol = buf[(x, y)].symbol();
            assert!(
                !symbol.chars().any(|c| c.is_control()
                    || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')),
                "{what}: control character {symbol:?} at ({x}, {y}):\n{}",
                (0..buf.area.height)
                    .map(|y| row(buf, y))
                    .collect::<Vec<_>>()
                    .join("\n")
            );
        }
    }
}

#[test]
fn a_name_with_a_line_break_put_in_by_raw_sql_keeps_its_row() {
    let (_dir, path) = demo();
    corrupt(&path);
    let mut app = App::new(Store::open(&path, ADMIN).unwrap()).unwrap();
    app.theme = Theme::plain();
    app.handle_key(key(KeyCode::Char('2')));
    let buf = buffer(&app);
    let screen: Vec<String> = (0..buf.area.height).map(|y| row(&buf, y)).collect();
    assert_clean(&buf, "Membres");
    // The list row holds the whole name, and the rows below are other people.
    let line = screen.iter().position(|r| r.starts_with('>')).unwrap();
    assert!(screen[line].contains("Aaa Bbb[7m Zo e"), "{}", screen[line]);
    assert!(!screen[line + 1].contains("Bbb"), "{}", screen[line + 1]);
    // The detail pane: the name, and the commune with its tab made a space.
    assert!(screen[1].contains("│ Zo e Aaa Bbb[7m"), "{}", screen[1]);
    assert!(
        screen.iter().any(|r| r.contains("Commune : Li lle")),
        "{}",
        screen.join("\n")
    );

    app.handle_key(key(KeyCode::Char('1')));
    let buf = buffer(&app);
    let screen: Vec<String> = (0..buf.area.height).map(|y| row(&buf, y)).collect();
    assert_clean(&buf, "Cercles");
    // The general circle lists its members: the name is on one line of the list.
    let line = screen.iter().position(|r| r.contains("Aaa")).unwrap();
    assert!(
        screen[line].contains("Zo e Aaa Bbb"),
        "{}",
        screen.join("\n")
    );
    // The circle's counts stay in their column.
    let finances = screen
        .iter()
        .find(|r| r.contains("Fin ances"))
        .unwrap_or_else(|| panic!("{}", screen.join("\n")));
    let plaidoyer = screen.iter().find(|r| r.contains("Plaidoyer")).unwrap();
    assert_eq!(
        finances.chars().position(|c| c == '·'),
        plaidoyer.chars().position(|c| c == '·'),
        "{}",
        screen.join("\n")
    );

    // The circle's sheet: its purpose keeps its lines, without the escape sequence.
    common::tui::select_circle(&mut app, "Fin ances");
    let buf = buffer(&app);
    assert_clean(&buf, "fiche du cercle");
}

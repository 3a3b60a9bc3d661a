//! Driving the terminal UI without a terminal: a demo database, keys, typing.

use std::path::PathBuf;

use cercles::tui::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A fixed admin name keeps the status bar, hence the snapshots, the same on every machine.
pub const ADMIN: &str = "claire";

/// A fresh demo network in a temporary directory (kept alive by the returned guard).
pub fn demo() -> (tempfile::TempDir, PathBuf) {
    super::quiet_log();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    cercles::demo::build(&path, ADMIN).unwrap();
    (dir, path)
}

pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

pub fn press(app: &mut App, code: KeyCode) {
    app.handle_key(key(code));
}

pub fn typ(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle_key(key(KeyCode::Char(c)));
    }
}

/// Select a circle by name, moving down from the top of the Cercles list.
pub fn select_circle(app: &mut App, name: &str) {
    app.handle_key(key(KeyCode::Char('g')));
    while circles(app)
        .selected()
        .map(|c| c.name().to_owned())
        .as_deref()
        != Some(name)
    {
        let before = circles(app).list.selected();
        app.handle_key(key(KeyCode::Char('j')));
        assert_ne!(
            before,
            circles(app).list.selected(),
            "{name} not in the list"
        );
    }
}

/// The app drawn at 80x24.
pub fn screen(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
    terminal
}

/// The app told the screen is `width` x `height`, then drawn at that size.
pub fn buffer_at(app: &mut App, width: u16, height: u16) -> Buffer {
    app.set_size(width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| f.render_widget(&*app, f.area())).unwrap();
    terminal.backend().buffer().clone()
}

pub fn buffer(app: &App) -> Buffer {
    screen(app).backend().buffer().clone()
}

/// The text of row `y`.
pub fn row(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width)
        .map(|x| buf[(x, y)].symbol().to_owned())
        .collect()
}

/// Where `needle` starts on screen, in cells.
pub fn find(buf: &Buffer, needle: &str) -> (u16, u16) {
    for y in 0..buf.area.height {
        let text = row(buf, y);
        if let Some(byte) = text.find(needle) {
            return (text[..byte].chars().count() as u16, y);
        }
    }
    panic!("{needle:?} not on screen");
}

/// The Cercles tab's pane, to look inside it.
pub fn circles(app: &App) -> &cercles::tui::tabs::circles::CirclesTab {
    app.pane_of().expect("the Cercles tab")
}

/// The Membres tab's pane, to look inside it.
pub fn members(app: &App) -> &cercles::tui::tabs::members::MembersTab {
    app.pane_of().expect("the Membres tab")
}

/// Everything on the 80x24 screen, row after row, the rows' trailing spaces dropped.
pub fn screen_text(app: &App) -> String {
    let buf = buffer(app);
    (0..buf.area.height)
        .map(|y| row(&buf, y).trim_end().to_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The selected circle's detail as text, 60 columns wide, without styles.
pub fn circle_detail_text(app: &App) -> String {
    let data = circles(app).detail.as_ref().unwrap();
    let (lines, _) = cercles::tui::tabs::circles::detail::detail_lines(
        data,
        circles(app).focus.as_ref(),
        cercles::tui::Theme::plain(),
        60,
    );
    lines
        .iter()
        .map(|l| {
            l.spans
                .iter()
                .map(|s| s.content.as_ref())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The message line's text (empty when there is none).
pub fn message_text(app: &App) -> String {
    app.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

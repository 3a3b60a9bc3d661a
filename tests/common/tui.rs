//! Driving the terminal UI without a terminal: a demo database, keys, typing.

use std::path::PathBuf;

use cercles::tui::App;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A fixed admin name keeps the status bar, hence the snapshots, the same on every machine.
pub const ADMIN: &str = "claire";

/// A fresh demo network in a temporary directory (kept alive by the returned guard).
pub fn demo() -> (tempfile::TempDir, PathBuf) {
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

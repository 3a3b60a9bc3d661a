//! What the frames show: a filter letter on screen before the list is filtered again.

mod common;

use cercles::tui::App;
use common::tui::{ADMIN, demo, screen_text, typ};

fn open(path: &std::path::Path) -> App {
    App::new(cercles::store::Store::open(path, ADMIN).unwrap()).unwrap()
}

#[test]
fn a_filter_letter_shows_before_the_list_is_filtered_again() {
    let (_dir, path) = demo();
    let mut app = open(&path);
    typ(&mut app, "2/");
    app.set_deferring(true);
    let before = screen_text(&app);
    typ(&mut app, "éq");
    assert!(app.has_deferred());
    let echoed = screen_text(&app);
    assert!(echoed.contains("/éq"), "{echoed}");
    // Below the filter line, the rows are still those of the empty filter.
    let rows = |s: &str| {
        s.lines()
            .skip(3)
            .map(|l| l.chars().take(40).collect::<String>())
            .collect::<Vec<_>>()
    };
    assert_eq!(rows(&echoed), rows(&before));
    app.run_deferred();
    assert!(!app.has_deferred());
    let filtered = screen_text(&app);
    assert!(filtered.contains("/éq"), "{filtered}");
    assert_ne!(rows(&filtered), rows(&before), "{filtered}");
    // Without a loop that draws between them, a key's effect is whole at once.
    app.set_deferring(false);
    typ(&mut app, "l");
    assert!(!app.has_deferred());
}

//! What the frames show and send: a filter letter on screen before the list is filtered
//! again; the bytes one move sends at 80x24 through the backend the loop writes with (over a
//! slow SSH link every byte counts); and that those few bytes, replayed through a terminal
//! emulator, show what ratatui drew.

mod common;

use cercles::tui::App;
use cercles::tui::Theme;
use cercles::tui::wire::LeanBackend;
use common::tui::{ADMIN, demo, key, screen_text, typ};
use ratatui::Terminal;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::{Color, Modifier};

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

/// Bytes written, kept where the test reads them while the backend owns the writer.
#[derive(Clone, Default)]
struct Sink(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl std::io::Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

type Wire = Terminal<LeanBackend<Sink>>;

/// A terminal of 80x24 writing into memory, as the loop writes to the real one.
fn wire() -> (Wire, Sink) {
    let sink = Sink::default();
    let viewport = ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, 80, 24));
    let term = Terminal::with_options(
        LeanBackend::new(sink.clone()),
        ratatui::TerminalOptions { viewport },
    )
    .unwrap();
    (term, sink)
}

/// The bytes of one frame, as the loop sends it.
fn frame(term: &mut Wire, sink: &Sink, app: &App) -> Vec<u8> {
    sink.0.borrow_mut().clear();
    cercles::tui::terminal::draw(term, app).unwrap();
    std::mem::take(&mut *sink.0.borrow_mut())
}

/// Bytes sent by a move down, then by the move back up.
fn move_bytes(app: &mut App, term: &mut Wire, sink: &Sink) -> (usize, usize) {
    frame(term, sink, app);
    app.handle_key(key(KeyCode::Char('j')));
    let down = frame(term, sink, app).len();
    app.handle_key(key(KeyCode::Char('k')));
    let up = frame(term, sink, app).len();
    (down, up)
}

#[test]
fn a_move_with_the_detail_pane_sends_few_bytes() {
    let (_dir, path) = demo();
    let mut app = open(&path);
    app.theme = Theme::colored();
    let (mut term, sink) = wire();
    // Membres: from one person to the next, the detail pane shown.
    typ(&mut app, "2");
    let members = move_bytes(&mut app, &mut term, &sink);
    // Cercles: from the cercle général to the first circle, then from one working circle to
    // the next.
    typ(&mut app, "1");
    let general = move_bytes(&mut app, &mut term, &sink);
    typ(&mut app, "j");
    let circles = move_bytes(&mut app, &mut term, &sink);
    println!(
        "bytes of a one-row move: Membres {members:?}, Cercles {circles:?}, from the cercle \
         général {general:?}"
    );
    // crossterm's own backend sent 943 and 1672 bytes for the first two (a cursor move for
    // each gap of one cell, 12 bytes for a named colour); the rest is what the detail of
    // another person or circle changes.
    assert!(members.0.max(members.1) <= 700, "Membres: {members:?}");
    assert!(general.0.max(general.1) <= 1100, "Cercles: {general:?}");
    assert!(circles.0.max(circles.1) <= 900, "Cercles: {circles:?}");
}

/// A terminal's colour as vt100 reads it back.
fn vt_color(color: Color) -> vt100::Color {
    let named = [
        Color::Black,
        Color::Red,
        Color::Green,
        Color::Yellow,
        Color::Blue,
        Color::Magenta,
        Color::Cyan,
        Color::Gray,
        Color::DarkGray,
        Color::LightRed,
        Color::LightGreen,
        Color::LightYellow,
        Color::LightBlue,
        Color::LightMagenta,
        Color::LightCyan,
        Color::White,
    ];
    match color {
        Color::Reset => vt100::Color::Default,
        Color::Indexed(i) => vt100::Color::Idx(i),
        Color::Rgb(r, g, b) => vt100::Color::Rgb(r, g, b),
        named_color => {
            vt100::Color::Idx(named.iter().position(|c| *c == named_color).unwrap() as u8)
        }
    }
}

/// The frames written in few bytes show what ratatui drew: every cell's letter, colours and
/// weight, replayed through a terminal emulator, after each key of a walk through the tabs.
#[test]
fn the_lean_frames_show_what_was_drawn() {
    let (_dir, path) = demo();
    for theme in [Theme::colored(), Theme::plain()] {
        let mut app = open(&path);
        app.theme = theme;
        let (mut term, sink) = wire();
        let mut vt = vt100::Parser::new(24, 80, 0);
        let keys = "jjjjkJJjGg\t/com\x1b2jjjjjjjjjjjjjjjjjjjjjjjjjjjjkkkk/é\x08ro\rG?\x1b:\x1bcj\rtr\x1bp1";
        for c in keys.chars() {
            let code = match c {
                '\t' => KeyCode::Tab,
                '\x1b' => KeyCode::Esc,
                '\x08' => KeyCode::Backspace,
                '\r' => KeyCode::Enter,
                c => KeyCode::Char(c),
            };
            app.handle_key(key(code));
            vt.process(&frame(&mut term, &sink, &app));
            let drawn = common::tui::buffer(&app);
            let screen = vt.screen();
            for y in 0..24 {
                for x in 0..80 {
                    let cell = &drawn[(x, y)];
                    let Some(shown) = screen.cell(y, x) else {
                        continue;
                    };
                    if shown.is_wide_continuation() {
                        continue;
                    }
                    let at = format!("({x}, {y}) after {c:?}");
                    let letter = if shown.has_contents() {
                        shown.contents()
                    } else {
                        " "
                    };
                    assert_eq!(letter, cell.symbol(), "{at}");
                    assert_eq!(shown.bgcolor(), vt_color(cell.bg), "{at}");
                    let visible = Modifier::REVERSED | Modifier::UNDERLINED | Modifier::CROSSED_OUT;
                    if cell.symbol() == " " && !cell.modifier.intersects(visible) {
                        // A bare space shows its background only: its foreground and weight
                        // are not sent.
                        continue;
                    }
                    assert_eq!(shown.fgcolor(), vt_color(cell.fg), "{at}");
                    assert_eq!(shown.bold(), cell.modifier.contains(Modifier::BOLD), "{at}");
                    assert_eq!(
                        shown.inverse(),
                        cell.modifier.contains(Modifier::REVERSED),
                        "{at}"
                    );
                    assert_eq!(
                        shown.underline(),
                        cell.modifier.contains(Modifier::UNDERLINED),
                        "{at}"
                    );
                }
            }
        }
    }
}

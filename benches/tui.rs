//! Benchmarks of the terminal UI (criterion): start-up to the first frame on the demo network,
//! and the bytes sent to the terminal when the selection moves one row.
//!
//! Targets (issue 3): first frame ≤ 20 ms on the demo; a one-row move on a list without a
//! detail pane ≤ 250 bytes (only the cells that change, plus the synchronized-update and cursor
//! sequences); 0 bytes when idle — the event loop does not draw without a key, a resize or a
//! change by another session, so nothing is measured there: the redraw of an unchanged frame
//! is printed only to show what an idle tick would cost if it drew.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::cell::RefCell;
use std::hint::black_box;
use std::io::{self, Write};
use std::path::Path;
use std::rc::Rc;

use cercles::store::Store;
use cercles::tui::widgets::list::{ListState, SelectList};
use cercles::tui::wire::LeanBackend;
use cercles::tui::{App, Theme, terminal};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use ratatui::{Terminal, TerminalOptions, Viewport};

const ADMIN: &str = "claire";

fn demo_db(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("demo.db");
    cercles::demo::build(&path, ADMIN).unwrap();
    path
}

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

/// The bytes a terminal would receive, kept where the bench can read them (the backend's own
/// writer accessors are unstable in ratatui 0.30).
#[derive(Clone, Default)]
struct Sink(Rc<RefCell<Vec<u8>>>);

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Sink {
    fn take(&self) -> usize {
        let n = self.0.borrow().len();
        self.0.borrow_mut().clear();
        n
    }
}

type MemTerminal = Terminal<LeanBackend<Sink>>;

/// A terminal writing into memory, with a fixed 80x24 viewport (no tty needed for its size).
fn memory_terminal() -> (MemTerminal, Sink) {
    let sink = Sink::default();
    let term = Terminal::with_options(
        LeanBackend::new(sink.clone()),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, 80, 24)),
        },
    )
    .unwrap();
    (term, sink)
}

/// Bytes of the frame drawn after `step`, the previous frame being on screen.
fn bytes_after(app: &mut App, step: impl FnOnce(&mut App)) -> usize {
    let (mut term, sink) = memory_terminal();
    terminal::draw(&mut term, app).unwrap();
    sink.take();
    step(app);
    terminal::draw(&mut term, app).unwrap();
    sink.take()
}

/// Bytes of the frame drawn after `step`, and the cells of the 80x24 screen it changed.
fn bytes_and_cells_after(app: &mut App, step: impl FnOnce(&mut App)) -> (usize, usize) {
    let area = Rect::new(0, 0, 80, 24);
    let mut before = Buffer::empty(area);
    (&*app).render(area, &mut before);
    let mut changed = None;
    let bytes = bytes_after(app, |a| {
        step(a);
        let mut after = Buffer::empty(area);
        (&*a).render(area, &mut after);
        changed = Some(before.diff(&after).len());
    });
    (bytes, changed.unwrap_or(0))
}

/// One-row move in a bare full-screen list of 200 rows, through the same list widget.
fn bare_list_move_bytes() -> usize {
    let rows: Vec<String> = (0..200).map(|i| format!("Collectif numéro {i}")).collect();
    let ids: Vec<i64> = (0..200).collect();
    let mut state = ListState::default();
    state.sync(&ids, 24);
    let (mut term, sink) = memory_terminal();
    let draw = |term: &mut MemTerminal, state: &ListState| {
        term.draw(|f| {
            let list = SelectList {
                rows: rows.iter().map(|r| Line::raw(r.as_str())).collect(),
                state,
                theme: Theme::colored(),
                focused: true,
            };
            f.render_widget(list, f.area());
        })
        .unwrap();
    };
    draw(&mut term, &state);
    sink.take();
    state.move_by(1, &ids, 24);
    draw(&mut term, &state);
    sink.take()
}

fn report_bytes(path: &Path) {
    let open = || {
        let mut app = App::new(Store::open(path, ADMIN).unwrap()).unwrap();
        app.theme = Theme::colored();
        app
    };
    let bare = bare_list_move_bytes();
    let mut app = open();
    app.handle_key(KeyEvent::new(KeyCode::Char(':'), KeyModifiers::NONE));
    let palette = bytes_after(&mut app, |a| {
        a.handle_key(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE))
    });
    let mut app = open();
    let (with_detail, cells) = bytes_and_cells_after(&mut app, |a| a.handle_key(key('j')));
    let mut app = open();
    app.handle_key(key('2'));
    let (members, members_cells) = bytes_and_cells_after(&mut app, |a| a.handle_key(key('j')));
    let mut app = open();
    let unchanged = bytes_after(&mut app, |_| {});
    println!("bytes, one-row move, bare list (no detail pane): {bare} (target <= 250)");
    println!("bytes, one-row move, command palette list:        {palette} (target <= 250)");
    let per_cell = |bytes: usize, cells: usize| bytes as f64 / cells.max(1) as f64;
    println!(
        "bytes, one-row move, Cercles list + detail pane:  {with_detail} for {cells} changed \
         cells ({:.2} a cell; target <= 461 with the detail pane)",
        per_cell(with_detail, cells)
    );
    println!(
        "bytes, one-row move, Membres list + detail pane:  {members} for {members_cells} \
         changed cells ({:.2} a cell)",
        per_cell(members, members_cells)
    );
    println!(
        "bytes, redraw of an unchanged frame:              {unchanged} (never done when idle: 0)"
    );
}

/// Open the database, load every tab and draw the first frame at 80x24.
fn first_frame(path: &Path) {
    let app = App::new(Store::open(path, ADMIN).unwrap()).unwrap();
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    term.draw(|f| f.render_widget(&app, f.area())).unwrap();
    black_box(term.backend().buffer().area);
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = demo_db(dir.path());
    report_bytes(&path);

    c.bench_function("startup_to_first_frame_demo", |b| {
        b.iter(|| first_frame(&path))
    });

    let mut app = App::new(Store::open(&path, ADMIN).unwrap()).unwrap();
    let (mut term, sink) = memory_terminal();
    c.bench_function("move_one_row_and_draw", |b| {
        let mut down = true;
        b.iter(|| {
            app.handle_key(key(if down { 'j' } else { 'k' }));
            down = !down;
            terminal::draw(&mut term, &app).unwrap();
            sink.take();
        })
    });
}

/// The same at the size of a network a hundred times bigger (`init --demo --scale 100`,
/// 7 000 people): start-up, and one letter typed in the Membres filter (the list is read
/// again and filtered as you type). Target: well under 100 ms, a key's echo over SSH.
fn scaled(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("scaled.db");
    cercles::demo::build_scaled(&path, ADMIN, 100).unwrap();
    c.bench_function("startup_to_first_frame_scale_100", |b| {
        b.iter(|| first_frame(&path))
    });
    let mut app = App::new(Store::open(&path, ADMIN).unwrap()).unwrap();
    app.handle_key(key('2'));
    app.handle_key(key('/'));
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    c.bench_function("members_filter_keystroke_scale_100", |b| {
        let mut typed = false;
        b.iter(|| {
            if typed {
                app.handle_key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE));
            } else {
                app.handle_key(key('e'));
            }
            typed = !typed;
            term.draw(|f| f.render_widget(&app, f.area())).unwrap();
        })
    });
}

criterion_group! {
    name = tui;
    config = Criterion::default().sample_size(20);
    targets = benches, scaled
}
criterion_main!(tui);

//! The Collectifs tab at `init --demo --scale 100` (~23 000 collectives): opening the tab, and
//! one letter typed in its filter then erased, each redrawn (halve that figure for one letter).
//! Targets (issue 9): open ≤ 50 ms, a letter
//! ≤ 10 ms. Run: `cargo bench --bench collectives` (building the base takes a while first).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use cercles::store::Store;
use cercles::tui::App;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const ADMIN: &str = "claire";

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn draw(term: &mut Terminal<TestBackend>, app: &App) {
    term.draw(|f| f.render_widget(app, f.area())).unwrap();
}

fn scale_100(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.db");
    cercles::demo::build_scaled(&path, ADMIN, 100).unwrap();
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut group = c.benchmark_group("collectifs_scale_100");
    group.sample_size(10);
    group.bench_function("open_tab", |b| {
        b.iter_batched(
            || App::new(Store::open(&path, ADMIN).unwrap()).unwrap(),
            |mut app| {
                app.handle_key(key(KeyCode::Char('3')));
                draw(&mut term, &app);
                app
            },
            criterion::BatchSize::LargeInput,
        )
    });
    let mut app = App::new(Store::open(&path, ADMIN).unwrap()).unwrap();
    app.handle_key(key(KeyCode::Char('3')));
    app.handle_key(key(KeyCode::Char('/')));
    group.bench_function("filter_letter", |b| {
        b.iter(|| {
            app.handle_key(key(KeyCode::Char('e')));
            draw(&mut term, &app);
            app.handle_key(key(KeyCode::Backspace));
            draw(&mut term, &app);
        })
    });
    group.finish();
}

criterion_group!(benches, scale_100);
criterion_main!(benches);

//! The big network: `init --demo --scale 1000` (70 000 people). What a session costs there:
//! start-up to the first frame (Cercles shown), a save in Membres with what the app reads
//! again after it, another session's commit seen while Cercles is shown, one letter typed in
//! the Membres filter, one row moved, and the session's peak memory.
//!
//! Targets (issue 8): first frame ≤ 100 ms; a letter ≤ 10 ms; peak memory ≤ 60 MB; a one-row
//! move costing the same at 70 and 70 000 people. Run: `cargo bench --bench scale`.
//! Building the base takes a few seconds before the first figure.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::path::Path;

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

/// This process's peak resident memory, in MB (Linux).
fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn open(path: &Path) -> (App, Terminal<TestBackend>) {
    let app = App::new(Store::open(path, ADMIN).unwrap()).unwrap();
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    draw(&mut term, &app);
    (app, term)
}

fn scale_1000(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.db");
    cercles::demo::build_scaled(&path, ADMIN, 1000).unwrap();
    let before = peak_mb();

    {
        // The first session: its memory is the one a volunteer's session would use.
        let (mut app, mut term) = open(&path);
        app.handle_key(key(KeyCode::Char('2')));
        draw(&mut term, &app);
        for _ in 0..50 {
            app.handle_key(key(KeyCode::Char('j')));
            draw(&mut term, &app);
        }
        if let (Some(b), Some(a)) = (before, peak_mb()) {
            println!(
                "peak memory: {a:.0} MB after Cercles, Membres and 50 moves (base built: {b:.0} MB; target <= 60)"
            );
        }
    }

    let mut group = c.benchmark_group("scale_1000");
    group.sample_size(10);
    group.bench_function("startup_to_first_frame", |b| {
        b.iter(|| black_box(open(&path)))
    });

    let (mut app, mut term) = open(&path);
    let mut other = Store::open(&path, ADMIN).unwrap();
    group.bench_function("other_session_commit_seen_on_cercles", |b| {
        let mut n = 0;
        b.iter(|| {
            let c = other.circles().unwrap().remove(0);
            let mut sheet = c.sheet.clone();
            sheet.purpose = format!("essai {n}");
            n += 1;
            other.update_circle_sheet(c.id, c.version, &sheet).unwrap();
            assert!(app.poll_changes());
            draw(&mut term, &app);
        })
    });

    app.handle_key(key(KeyCode::Char('2')));
    draw(&mut term, &app);
    group.bench_function("membres_move_one_row", |b| {
        let mut down = true;
        b.iter(|| {
            app.handle_key(key(KeyCode::Char(if down { 'j' } else { 'k' })));
            down = !down;
            draw(&mut term, &app);
        })
    });
    group.bench_function("membres_save_a_person", |b| {
        let mut longer = true;
        b.iter(|| {
            app.handle_key(key(KeyCode::Char('e')));
            app.handle_key(key(KeyCode::End));
            app.handle_key(key(if longer {
                KeyCode::Char('x')
            } else {
                KeyCode::Backspace
            }));
            longer = !longer;
            app.handle_key(key(KeyCode::F(2)));
            draw(&mut term, &app);
        })
    });
    app.handle_key(key(KeyCode::Char('/')));
    group.bench_function("membres_filter_one_letter", |b| {
        let mut typed = false;
        b.iter(|| {
            app.handle_key(if typed {
                key(KeyCode::Backspace)
            } else {
                key(KeyCode::Char('e'))
            });
            typed = !typed;
            draw(&mut term, &app);
        })
    });
    group.finish();
}

criterion_group!(scale, scale_1000);
criterion_main!(scale);

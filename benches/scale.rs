//! The big network: `init --demo --scale 1000` (70 000 people). What a session costs there:
//! start-up to the first frame (Cercles shown), a save in Membres with what the app reads
//! again after it, another session's commit seen while Cercles is shown, one letter typed in
//! the Membres filter, one row moved, and the session's peak memory.
//!
//! Targets (issue 8): first frame ≤ 100 ms; a letter ≤ 10 ms; peak memory ≤ 60 MB; a one-row
//! move costing the same at 70 and 70 000 people. Run: `cargo bench --bench scale`.
//! Building the base takes a few seconds before the first figure; `CERCLES_BENCH_BASE=<db>`
//! measures a copy of a base made before (`cercles init --demo --scale 1000`) instead.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::path::Path;

use cercles::store::Store;
use cercles::tui::App;
use criterion::{Criterion, criterion_group};
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

/// Set to a base made by `init --demo --scale 1000` to measure a copy of it rather than build
/// one.
const BASE_ENV: &str = "CERCLES_BENCH_BASE";

/// Set in the child process that measures a session's memory: the base to open.
const SESSION_ENV: &str = "CERCLES_BENCH_SESSION";

/// A volunteer's session in a process of its own (building the base costs far more memory
/// than a session, and a process's peak never goes down): Cercles, Membres, 50 moves.
fn session_memory(path: &Path) {
    let (mut app, mut term) = open(path);
    app.handle_key(key(KeyCode::Char('2')));
    draw(&mut term, &app);
    for _ in 0..50 {
        app.handle_key(key(KeyCode::Char('j')));
        draw(&mut term, &app);
    }
    black_box(&app);
    println!("{:.0}", peak_mb().unwrap_or(0.0));
}

fn scale_1000(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.db");
    match std::env::var_os(BASE_ENV) {
        // A copy: the benches write to it (a save, another session's commit).
        Some(base) => {
            std::fs::copy(&base, &path).unwrap();
        }
        None => cercles::demo::build_scaled(&path, ADMIN, 1000).unwrap(),
    }
    let child = std::process::Command::new(std::env::current_exe().unwrap())
        .env(SESSION_ENV, &path)
        .output()
        .unwrap();
    println!(
        "peak memory of a session (Cercles, Membres, 50 moves): {} MB (target <= 60)",
        String::from_utf8_lossy(&child.stdout).trim()
    );

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

/// Set to a base to open it and draw the first frame 20 times, and nothing else: a process
/// to profile start-up alone (`perf record`), without the building of the base.
const STARTUP_ENV: &str = "CERCLES_BENCH_STARTUP";

/// Set to a base to open it, show Membres and type then rub out a letter in its filter 100
/// times (each drawn): a process to profile the filter alone.
const FILTER_ENV: &str = "CERCLES_BENCH_FILTER";

fn main() {
    if let Some(path) = std::env::var_os(FILTER_ENV) {
        let (mut app, mut term) = open(Path::new(&path));
        app.handle_key(key(KeyCode::Char('2')));
        app.handle_key(key(KeyCode::Char('/')));
        draw(&mut term, &app);
        let started = std::time::Instant::now();
        for _ in 0..100 {
            for k in [KeyCode::Char('e'), KeyCode::Backspace] {
                app.handle_key(key(k));
                draw(&mut term, &app);
            }
        }
        println!(
            "{:.2} ms a letter",
            started.elapsed().as_secs_f64() * 1000.0 / 200.0
        );
        return;
    }
    if let Some(path) = std::env::var_os(SESSION_ENV) {
        session_memory(Path::new(&path));
        return;
    }
    if let Some(path) = std::env::var_os(STARTUP_ENV) {
        for _ in 0..20 {
            black_box(open(Path::new(&path)));
        }
        return;
    }
    scale();
    Criterion::default().configure_from_args().final_summary();
}

//! Benchmark of the picker (criterion): one keystroke over 35 000 commune-like names, the
//! dropdown drawn after it. Target (issue 8): ≤ 5 ms per keystroke.
//!
//! Each sample types the last letter of a query whose beginning is already typed, then
//! Backspace (which only drops the kept matches of the longer query), so it measures what a
//! person waits for after each letter.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::time::Instant;

use cercles::tui::Theme;
use cercles::tui::widgets::picker::{Picker, PickerEntry, PickerView};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

const COMMUNES: usize = 35_000;

/// Names like the communes of France, as the picker's tests use them.
fn communes() -> Vec<PickerEntry<u32>> {
    cercles::tui::widgets::picker_names::synthetic_communes(COMMUNES)
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn draw(picker: &Picker<u32>, buf: &mut Buffer) {
    PickerView {
        picker,
        theme: Theme::colored(),
        focused: true,
    }
    .render(buf.area, buf);
}

fn benches(c: &mut Criterion) {
    let entries = communes();
    let start = Instant::now();
    let mut picker = Picker::new(entries);
    println!(
        "picker over {COMMUNES} names built (labels folded once) in {:.1} ms",
        start.elapsed().as_secs_f64() * 1000.0
    );
    let mut buf = Buffer::empty(Rect::new(0, 0, 60, 12));
    // (what is already typed, the letter measured)
    for (typed, letter) in [
        ("", 's'),
        ("s", 'a'),
        ("sa", 'i'),
        ("saint-", 'm'),
        ("mûr", 's'),
        ("", 'e'),
        ("zz", 'z'),
    ] {
        picker.close();
        picker.open();
        for ch in typed.chars() {
            picker.handle_key(key(KeyCode::Char(ch)));
        }
        let name = format!("keystroke_{typed}{letter}_and_draw");
        c.bench_function(&name, |b| {
            b.iter(|| {
                picker.handle_key(key(KeyCode::Char(letter)));
                draw(&picker, &mut buf);
                black_box(picker.match_count());
                picker.handle_key(key(KeyCode::Backspace));
            })
        });
        picker.handle_key(key(KeyCode::Char(letter)));
        println!("  \"{typed}{letter}\": {} matches", picker.match_count());
    }
    // Moving the cursor far down sorts more of the matches as it goes.
    picker.close();
    picker.open();
    picker.handle_key(key(KeyCode::Char('e')));
    c.bench_function("page_down_in_e_and_draw", |b| {
        b.iter(|| {
            picker.handle_key(key(KeyCode::PageDown));
            draw(&picker, &mut buf);
        })
    });
}

criterion_group! {
    name = picker;
    config = Criterion::default().sample_size(30);
    targets = benches
}
criterion_main!(picker);

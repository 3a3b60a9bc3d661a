//! Benchmark of the communes' autocomplete (criterion): one keystroke's search over all
//! 34 969 communes and their 2 621 former names. Target (issue): ≤ 5 ms per keystroke.
//!
//! Each sample is the search a form runs after a letter is typed: the whole query again
//! (the search keeps nothing between keystrokes), ten suggestions wanted.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::time::Instant;

use cercles::geo::communes;
use criterion::{Criterion, criterion_group, criterion_main};

/// Suggestions a dropdown shows.
const SHOWN: usize = 10;

fn benches(c: &mut Criterion) {
    let start = Instant::now();
    let all = communes();
    println!(
        "{} communes parsed and indexed in {:.1} ms",
        all.len(),
        start.elapsed().as_secs_f64() * 1000.0
    );
    // The first letters (the most matches), a name being typed, words, codes.
    for query in [
        "s",
        "sa",
        "sai",
        "saint-",
        "saint-m",
        "mûrs-e",
        "e",
        "zzz",
        "mur erig",
        "49610",
        "4",
        "saint denis (9",
        "chemill",
    ] {
        c.bench_function(&format!("keystroke_{query}"), |b| {
            b.iter(|| black_box(all.search(black_box(query), SHOWN)))
        });
    }
    c.bench_function("resolve_49610_murs_erigne", |b| {
        b.iter(|| black_box(all.resolve(black_box("49610 Mûrs-Erigné"))))
    });
    c.bench_function("resolve_saint_denis_93", |b| {
        b.iter(|| black_box(all.resolve(black_box("Saint-Denis (93)"))))
    });
}

criterion_group! {
    name = geo;
    config = Criterion::default().sample_size(30);
    targets = benches
}
criterion_main!(geo);

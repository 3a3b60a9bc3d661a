//! Benchmark of the member import (criterion): a 5 000-line file read, checked against the
//! people already there and written in one transaction. Reading was once quadratic (each line's
//! number counted from the top, each person compared with everyone); this keeps it in view.
//! A hostile file (16 MiB of one line repeated, two million rows) is refused at the row limit:
//! its time is what any wrong file costs the shared server.
//! Run with `cargo bench --bench import`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use cercles::exchange::members::import_members;
use cercles::store::Store;
use criterion::{Criterion, criterion_group, criterion_main};

fn file(lines: usize) -> String {
    let mut text = String::from("nom;prenom;email;telephone;commune;type;cercles\n");
    for i in 0..lines {
        text.push_str(&format!(
            "Nom{i};Prénom{i};p{i}@example.org;06 12 34 {:02} {:02};Lyon;bénévole;{}\n",
            i % 100,
            i / 100 % 100,
            if i % 3 == 0 { "Finances" } else { "" }
        ));
    }
    text
}

fn import(c: &mut Criterion) {
    let text = file(5_000);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.db");
    Store::create(&path, "admin").unwrap();
    let mut store = Store::open(&path, "admin").unwrap();
    let mut group = c.benchmark_group("import_members");
    group.sample_size(10);
    group.bench_function("dry_run_5000_lines", |b| {
        b.iter(|| import_members(&mut store, text.as_bytes(), true).unwrap())
    });
    let hostile = format!("nom\n{}", "Dupont\n".repeat(16 * 1024 * 1024 / 7 - 1));
    group.bench_function("refused_16_mib_of_one_line", |b| {
        b.iter(|| import_members(&mut store, hostile.as_bytes(), true).unwrap_err())
    });
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);

//! Property tests of the members import: random bytes and random mutations of a good file
//! never panic, and what comes out (the lines read, the message of a refusal) stays bounded
//! by what went in.

use chrono::NaiveDate;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use cercles::exchange::members::{import_members, parse_members};
use cercles::model::Circle;
use cercles::store::Store;

mod common;

const GOOD: &str = "nom;prenom;email;telephone;commune;type;cercles;depart\n\
Durand;Alice;alice@example.org;06.12.34.56.78;Poitiers;bénévole;Finances:co-référent·e|Communication;\n\
Martin;Bruno;;+33 (0)7 11 22 33 44;Melle;élu·e;;\n\
\"Petit; \"\"dite\"\" Chloé\";Chloé;chloe@example.org;;;salarié·e;echange-entraide;\n\
Roy;Hugo;;;;;;01/03/2025\n";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 11, 20).unwrap()
}

fn fresh() -> (tempfile::TempDir, Store) {
    common::quiet_log();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    Store::create_with(&path, "admin", Some(today()), |_| Ok(())).unwrap();
    let store = Store::open(&path, "admin").unwrap();
    (dir, store)
}

/// One edit of a file: a byte put in, a span taken out, a line doubled, a byte replaced by
/// one a CSV reader treats apart.
#[derive(Debug, Clone)]
enum Mutation {
    Insert(usize, u8),
    Remove(usize, usize),
    DoubleLine(usize),
    Special(usize, u8),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let special = prop::sample::select(b";,\t\"\n\r|:\xC3\xE9\x00'=".to_vec());
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Mutation::Insert(at, b)),
        (any::<usize>(), 0usize..40).prop_map(|(at, n)| Mutation::Remove(at, n)),
        any::<usize>().prop_map(Mutation::DoubleLine),
        (any::<usize>(), special).prop_map(|(at, b)| Mutation::Special(at, b)),
    ]
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let len = bytes.len().max(1);
        match *m {
            Mutation::Insert(at, b) => bytes.insert(at % (bytes.len() + 1), b),
            Mutation::Remove(at, n) => {
                let start = at % len;
                let end = (start + n).min(bytes.len());
                bytes.drain(start.min(end)..end);
            }
            Mutation::DoubleLine(at) => {
                let lines: Vec<&[u8]> = bytes.split_inclusive(|b| *b == b'\n').collect();
                if !lines.is_empty() {
                    let line = lines[at % lines.len()].to_vec();
                    bytes.extend_from_slice(&line);
                }
            }
            Mutation::Special(at, b) => {
                if !bytes.is_empty() {
                    let i = at % bytes.len();
                    bytes[i] = b;
                }
            }
        }
    }
    bytes
}

/// What any file gives: lines of the file, at most one a line; or a short refusal.
fn check(bytes: &[u8], circles: &[Circle]) -> Result<(), TestCaseError> {
    let lines = bytes
        .iter()
        .filter(|b| **b == b'\n' || **b == b'\r')
        .count() as u64
        + 1;
    match parse_members(bytes, circles, today()) {
        Ok(members) => {
            prop_assert!(members.len() as u64 <= lines);
            for m in &members {
                prop_assert!(m.line >= 1 && m.line <= lines, "line {} of {lines}", m.line);
            }
        }
        Err(e) => prop_assert!(
            e.to_string().len() < 1024,
            "{} bytes: {e}",
            e.to_string().len()
        ),
    }
    Ok(())
}

#[test]
fn random_bytes_and_mutated_files_never_panic_and_stay_bounded() {
    let (_dir, store) = fresh();
    let circles = store.circles().unwrap();
    assert!(
        parse_members(GOOD.as_bytes(), &circles, today())
            .unwrap()
            .len()
            == 4
    );
    let mut runner = TestRunner::new(Config::with_cases(96));
    runner
        .run(&prop::collection::vec(any::<u8>(), 0..600), |bytes| {
            check(&bytes, &circles)
        })
        .unwrap();
    runner
        .run(&prop::collection::vec(mutation(), 1..8), |mutations| {
            check(&mutate(GOOD.as_bytes().to_vec(), &mutations), &circles)
        })
        .unwrap();
}

/// Through the store: a trial of a mutated file accounts for every line it read, and writes
/// nothing.
#[test]
fn a_trial_of_a_mutated_file_accounts_for_every_line_and_writes_nothing() {
    let (_dir, store) = fresh();
    let circles = store.circles().unwrap();
    let store = std::cell::RefCell::new(store);
    let mut runner = TestRunner::new(Config::with_cases(24));
    runner
        .run(&prop::collection::vec(mutation(), 1..6), |mutations| {
            let bytes = mutate(GOOD.as_bytes().to_vec(), &mutations);
            let parsed = parse_members(&bytes, &circles, today());
            let mut store = store.borrow_mut();
            match import_members(&mut store, &bytes, true) {
                Ok(outcome) => {
                    let read = parsed.map(|m| m.len()).unwrap_or(usize::MAX);
                    prop_assert_eq!(outcome.added.len() + outcome.skipped.len(), read);
                }
                Err(e) => prop_assert!(e.to_string().len() < 1024, "{e}"),
            }
            prop_assert!(store.resolve_person("alice@example.org").is_err());
            Ok(())
        })
        .unwrap();
}

//! Imports of transactions (issue 11): the treasurer's file and a bank statement, in the
//! variations French spreadsheets and banks produce; all-or-nothing; duplicates counting
//! repeats; bank matching within 5 days; an unknown category; a role that may not write;
//! the export of a year importing back to the same bilan.

use chrono::NaiveDate;
use tempfile::TempDir;

use cercles::exchange::transactions_in::import_transactions;
use cercles::model::{Money, Role, TransactionDraft};
use cercles::report::bilan::bilan_of;
use cercles::store::Store;
use cercles::store::ledger_read::{CategoryFilter, RegisterFilter};

mod common;

fn fresh() -> (TempDir, Store) {
    common::quiet_log();
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("t.db");
    Store::create_with(
        &path,
        "admin",
        NaiveDate::from_ymd_opt(2025, 11, 20),
        |_| Ok(()),
    )
    .unwrap();
    let s = Store::open(&path, "admin").unwrap();
    (dir, s)
}

fn rows(s: &Store, category: CategoryFilter) -> usize {
    s.register_totals(&RegisterFilter {
        year: 2025,
        category,
        ..Default::default()
    })
    .unwrap()
    .rows
}

const TREASURER: &str = "date;libelle;montant;categorie;projet;tiers;moyen;piece;compte;ecriture\n\
    28/11/2025;Adhésion Roux;20,00;adhesions;;Camille Roux;chèque;;;\n\
    2025-11-29;Location salle;-1\u{a0}234,56;Logistique;Rencontres nationales;Mairie;virement;F12;512;\n\
    30/11/2025;Café;5,00;758;;;espèces;;530;\n\
    30/11/2025;Café;5,00;758;;;espèces;;530;\n\
    01/12/2025;Achat mixte;-30,00;Achats divers;;;carte;;;E1\n\
    01/12/2025;Achat mixte;-20,00;Frais de mission;;;carte;;;E1\n\
    02/12/2025;Dépôt caisse;-10,00;Virement interne;;;;;530;V1\n\
    02/12/2025;Dépôt caisse;10,00;Virement interne;;;;;512;V1\n";

#[test]
fn the_treasurer_file_imports_with_splits_transfers_and_repeats_counted() {
    let (_dir, mut s) = fresh();
    let o = import_transactions(&mut s, TREASURER.as_bytes(), None, false, false).unwrap();
    assert_eq!((o.added, o.duplicates.len()), (6, 0));
    let b = bilan_of(&s, 2025, false).unwrap();
    let cat = |name: &str| {
        b.income
            .iter()
            .chain(&b.expenses)
            .find(|r| r.category == name)
            .unwrap()
            .current_cents
    };
    assert_eq!(cat("Logistique"), 123_456);
    assert_eq!(
        cat("Autres"),
        1000,
        "two identical receipts in the file stay two"
    );
    assert_eq!(cat("Frais de mission"), 2000);
    // Again: everything is a probable duplicate, repeats counted.
    let again = import_transactions(&mut s, TREASURER.as_bytes(), None, false, false).unwrap();
    assert_eq!((again.added, again.duplicates.len()), (0, 6));
    // A file with three cafés where two are stored: one is new.
    let three = format!("{TREASURER}30/11/2025;Café;5,00;758;;;espèces;;530;\n");
    let o = import_transactions(&mut s, three.as_bytes(), None, false, true).unwrap();
    assert_eq!((o.added, o.duplicates.len()), (1, 6));
    let kept = import_transactions(&mut s, TREASURER.as_bytes(), None, true, true).unwrap();
    assert_eq!(kept.added, 6);
    assert!(s.check().unwrap().is_ok());
}

#[test]
fn one_bad_line_and_nothing_is_written_the_error_names_line_and_column() {
    let (_dir, mut s) = fresh();
    let bad = format!("{TREASURER}03/12/2025;Mystère;-5,00;Cotillons;;;;;;\n");
    let err = import_transactions(&mut s, bad.as_bytes(), None, false, false)
        .unwrap_err()
        .to_string();
    assert!(err.contains("ligne 10"), "{err}");
    assert!(
        err.contains("categorie") && err.contains("Cotillons"),
        "{err}"
    );
    assert_eq!(rows(&s, CategoryFilter::Any), 0);
    let date = "date;libelle;montant;categorie\n31/02/2025;X;1,00;Dons\n";
    let err = import_transactions(&mut s, date.as_bytes(), None, false, false)
        .unwrap_err()
        .to_string();
    assert!(err.contains("ligne 2") && err.contains("date"), "{err}");
}

#[test]
fn a_bank_statement_with_preamble_debit_credit_and_windows_1252_matches_or_waits() {
    let (_dir, mut s) = fresh();
    let account = s.money_accounts().unwrap()[0].id;
    let logistique = s
        .categories()
        .unwrap()
        .into_iter()
        .find(|c| c.name == "Logistique")
        .unwrap()
        .id;
    let typed = s
        .add_transaction(
            &TransactionDraft::new(
                account,
                NaiveDate::from_ymd_opt(2025, 11, 25).unwrap(),
                "Traiteur",
                Money(-45_000),
            )
            .categorised(Some(logistique), None),
        )
        .unwrap();
    // Windows-1252: é is 0xE9; no-break space 0xA0 in the thousands.
    let mut bytes =
        b"Compte courant n\xB0 0123456\r\nP\xE9riode du 01/11/2025 au 30/11/2025\r\n\r\n".to_vec();
    bytes.extend_from_slice(b"Date;Libell\xE9;D\xE9bit;Cr\xE9dit\r\n");
    bytes.extend_from_slice(b"28/11/2025;PRLV TRAITEUR LE BON REPAS;450,00;\r\n");
    bytes.extend_from_slice(b"29/11/2025;VIR HELLOASSO;;1\xA0200,50\r\n");
    let o = import_transactions(&mut s, &bytes, Some("512"), false, false).unwrap();
    assert_eq!((o.added, o.matched), (1, 1));
    assert!(s.transaction(typed.id).unwrap().unwrap().bank_seen);
    assert_eq!(rows(&s, CategoryFilter::ToCategorise), 1);
    // A second import of the same statement: the typed one is already matched.
    let o = import_transactions(&mut s, &bytes, Some("512"), false, true).unwrap();
    assert_eq!((o.added, o.matched), (2, 0));
    // Comma-separated with a decimal point and a montant column.
    let plain = "date,libelle,montant\n2025-11-30,CB ORANGE,-29.99\n";
    let o = import_transactions(&mut s, plain.as_bytes(), None, false, false).unwrap();
    assert_eq!(o.added, 1);
    assert!(s.check().unwrap().is_ok());
}

#[test]
fn a_role_that_may_not_write_the_ledger_imports_nothing() {
    let (dir, mut s) = fresh();
    s.add_user("coord", Role::Coordination, None).unwrap();
    let mut c = Store::open(&dir.path().join("t.db"), "coord").unwrap();
    let err = import_transactions(&mut c, TREASURER.as_bytes(), None, false, false).unwrap_err();
    assert!(err.to_string().contains("coordination"), "{err}");
    assert_eq!(rows(&s, CategoryFilter::Any), 0);
}

#[test]
fn the_export_of_a_demo_year_imports_back_to_the_same_bilan() {
    common::quiet_log();
    let dir = TempDir::new().unwrap();
    let demo = dir.path().join("demo.db");
    cercles::demo::build(&demo, "admin").unwrap();
    let d = Store::open(&demo, "admin").unwrap();
    let (bytes, _) = cercles::exchange::transactions::export_transactions(
        &d,
        cercles::exchange::Format::Csv,
        2025,
    )
    .unwrap();
    let (_dir2, mut s) = fresh();
    let o = import_transactions(&mut s, &bytes, None, false, false).unwrap();
    assert!(o.added > 300, "{o:?}");
    let before = bilan_of(&d, 2025, false).unwrap();
    let after = bilan_of(&s, 2025, false).unwrap();
    assert_eq!(
        before
            .income
            .iter()
            .map(|r| r.current_cents)
            .collect::<Vec<_>>(),
        after
            .income
            .iter()
            .map(|r| r.current_cents)
            .collect::<Vec<_>>()
    );
    assert_eq!(
        before
            .expenses
            .iter()
            .map(|r| r.current_cents)
            .collect::<Vec<_>>(),
        after
            .expenses
            .iter()
            .map(|r| r.current_cents)
            .collect::<Vec<_>>()
    );
    assert_eq!(before.result.current_cents, after.result.current_cents);
}

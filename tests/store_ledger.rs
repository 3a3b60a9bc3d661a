//! Store tests of the ledger (issue 11): transactions and their lines, transfers, roles,
//! conflicts, the register with its running balance, a window and the totals of a filter,
//! `check` after the writes.

use chrono::NaiveDate;
use tempfile::TempDir;

use cercles::model::{Line, Money, Role, TransactionDraft, TransferDraft};
use cercles::store::ledger_read::{CategoryFilter, RegisterCategory, RegisterFilter};
use cercles::store::{Store, StoreError};

mod common;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn fresh() -> (TempDir, Store) {
    common::quiet_log();
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("t.db");
    Store::create_with(&path, "admin", Some(d(2025, 11, 20)), |_| Ok(())).unwrap();
    let store = Store::open(&path, "admin").unwrap();
    (dir, store)
}

/// (account 512, category by name, project by name)
fn ids(s: &Store, category: &str) -> (i64, i64) {
    let account = s.money_accounts().unwrap()[0].id;
    let c = s
        .categories()
        .unwrap()
        .into_iter()
        .find(|c| c.name == category)
        .unwrap();
    (account, c.id)
}

#[test]
fn a_split_transaction_is_written_edited_and_a_stale_edit_is_a_conflict() {
    let (_dir, mut s) = fresh();
    let (account, logistique) = ids(&s, "Logistique");
    let (_, achats) = ids(&s, "Achats divers");
    let rn = s.projects().unwrap()[1].id;
    let mut draft =
        TransactionDraft::new(account, d(2025, 8, 2), "Location salle", Money(-150_000));
    draft.lines = vec![
        Line::new(Some(logistique), Some(rn), Money(-120_000), 2025),
        Line::new(Some(achats), Some(rn), Money(-30_000), 2025),
    ];
    let t = s.add_transaction(&draft).unwrap();
    assert_eq!(t.lines.len(), 2);
    let mut edit = t.draft();
    edit.label = "Location salle Poitiers".into();
    let t2 = s.update_transaction(t.id, t.version, &edit).unwrap();
    assert_eq!(t2.version, t.version + 1);
    assert!(matches!(
        s.update_transaction(t.id, t.version, &edit),
        Err(StoreError::Conflict { .. })
    ));
    // Lines that do not add up are refused, naming the field.
    edit.lines.pop();
    match s.update_transaction(t.id, t2.version, &edit) {
        Err(StoreError::Field(f)) => assert_eq!(f.field, "lines"),
        other => panic!("{other:?}"),
    }
    let rows = s
        .register_window(
            &RegisterFilter {
                year: 2025,
                ..Default::default()
            },
            0,
            10,
        )
        .unwrap();
    assert_eq!(rows[0].category, RegisterCategory::Split);
    assert_eq!(rows[0].project.as_deref(), Some("Rencontres nationales"));
    s.delete_transaction(t.id, t2.version).unwrap();
    assert!(s.transaction(t.id).unwrap().is_none());
    assert!(s.check().unwrap().is_ok());
}

#[test]
fn only_tresorerie_and_admin_write_the_ledger() {
    let (dir, mut s) = fresh();
    s.add_user("tresoriere", Role::Tresorerie, None).unwrap();
    s.add_user("coord", Role::Coordination, None).unwrap();
    let (account, adhesions) = ids(&s, "Adhésions");
    let draft = TransactionDraft::new(account, d(2025, 1, 10), "Adhésion", Money(2000))
        .categorised(Some(adhesions), None);
    let path = dir.path().join("t.db");
    let mut c = Store::open(&path, "coord").unwrap();
    assert!(matches!(
        c.add_transaction(&draft),
        Err(StoreError::Forbidden { .. })
    ));
    let mut t = Store::open(&path, "tresoriere").unwrap();
    t.add_transaction(&draft).unwrap();
    assert!(t.check().unwrap().is_ok());
}

#[test]
fn the_register_runs_a_balance_from_the_opening_and_totals_a_filter() {
    let (_dir, mut s) = fresh();
    let accounts = s.money_accounts().unwrap();
    let (courant, caisse) = (accounts[0].id, accounts[2].id);
    let (_, adhesions) = ids(&s, "Adhésions");
    let (_, frais) = ids(&s, "Frais bancaires");
    s.set_opening_balance(courant, 2025, Money(1_000_000), None)
        .unwrap();
    let ob = s
        .set_opening_balance(courant, 2025, Money(1_050_000), Some(1))
        .unwrap();
    assert_eq!(ob.version, 2);
    for (i, (label, cents, cat)) in [
        ("Adhésion A", 2000, Some(adhesions)),
        ("Frais", -900, Some(frais)),
        ("Virement reçu", 5000, None),
        ("Adhésion B", 3000, Some(adhesions)),
    ]
    .into_iter()
    .enumerate()
    {
        let draft = TransactionDraft::new(courant, d(2025, 2, 1 + i as u32), label, Money(cents))
            .categorised(cat, None);
        s.add_transaction(&draft).unwrap();
    }
    let (a, b) = s
        .add_transfer(&TransferDraft {
            from_account: caisse,
            to_account: courant,
            date: d(2025, 3, 1),
            label: "Dépôt buvette".into(),
            amount: Money(10_000),
            method: None,
            receipt: String::new(),
        })
        .unwrap();
    assert_eq!((a.transfer_of, b.transfer_of), (Some(b.id), Some(a.id)));
    let f = RegisterFilter {
        year: 2025,
        account: Some(courant),
        ..Default::default()
    };
    let rows = s.register_window(&f, 0, 100).unwrap();
    assert_eq!(rows.len(), 5);
    assert_eq!(rows[0].balance, Money(1_052_000));
    assert_eq!(
        rows[4].balance,
        Money(1_050_000 + 2000 - 900 + 5000 + 3000 + 10_000)
    );
    assert_eq!(rows[2].category, RegisterCategory::ToCategorise);
    assert_eq!(rows[4].category, RegisterCategory::Transfer);
    // A window later in the register keeps the running balance.
    let window = s.register_window(&f, 3, 1).unwrap();
    assert_eq!(window[0], rows[3]);
    let totals = s.register_totals(&f).unwrap();
    assert_eq!((totals.rows, totals.to_categorise), (5, 1));
    assert_eq!(totals.income, Money(10_000));
    assert_eq!(totals.expenses, Money(-900));
    assert_eq!(totals.transfers, Money(10_000));
    assert_eq!(totals.closing, rows[4].balance);
    let only = RegisterFilter {
        category: CategoryFilter::Is(adhesions),
        ..f.clone()
    };
    assert_eq!(s.register_totals(&only).unwrap().income, Money(5000));
    let todo = RegisterFilter {
        category: CategoryFilter::ToCategorise,
        ..f.clone()
    };
    assert_eq!(
        s.register_window(&todo, 0, 10).unwrap()[0].label,
        "Virement reçu"
    );
    let text = RegisterFilter {
        text: "adhésion b".into(),
        ..f.clone()
    };
    assert_eq!(s.register_totals(&text).unwrap().rows, 1);
    let all = RegisterFilter {
        year: 2025,
        ..Default::default()
    };
    assert_eq!(s.register_totals(&all).unwrap().rows, 6);
    // Deleting a transfer takes both halves.
    s.delete_transaction(a.id, a.version).unwrap();
    assert!(s.transaction(b.id).unwrap().is_none());
    assert!(s.check().unwrap().is_ok());
}

//! Work items dated by month, and what carrying an item to another year does to its date.

use chrono::NaiveDate;
use tempfile::TempDir;

use cercles::model::{When, WorkItemDraft, WorkStatus};
use cercles::store::{Store, StoreError};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn month(y: i32, m: u32) -> When {
    When::month(y, m).unwrap()
}

/// A fresh database whose Clock says 20/11/2025, opened as its admin.
fn fresh() -> (TempDir, Store) {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("t.db");
    Store::create_with(&path, "admin", Some(d(2025, 11, 20)), |_| Ok(())).unwrap();
    let store = Store::open(&path, "admin").unwrap();
    (dir, store)
}

fn finances(store: &Store) -> i64 {
    store.circle_named("Finances").unwrap().unwrap().id
}

fn item(year: i32, on_date: Option<When>, title: &str) -> WorkItemDraft {
    WorkItemDraft {
        year,
        status: WorkStatus::EnCours,
        on_date,
        title: title.into(),
        details: String::new(),
        figures: String::new(),
    }
}

fn stored_date(dir: &TempDir, id: i64) -> Option<String> {
    rusqlite::Connection::open(dir.path().join("t.db"))
        .unwrap()
        .query_row("SELECT on_date FROM work_items WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .unwrap()
}

fn check_passes(store: &Store) {
    assert!(store.check().unwrap().is_ok(), "{:?}", store.check());
}

#[test]
fn a_month_date_is_stored_as_a_month_and_sorts_at_its_start() {
    let (dir, mut s) = fresh();
    let fin = finances(&s);
    let april = s
        .add_work_item(fin, &item(2025, Some(month(2025, 4)), "Budget"))
        .unwrap();
    assert_eq!(april.on_date, Some(month(2025, 4)));
    assert_eq!(stored_date(&dir, april.id).as_deref(), Some("2025-04"));
    let day = s
        .add_work_item(fin, &item(2025, Some(When::Day(d(2025, 4, 1))), "Banque"))
        .unwrap();
    assert_eq!(stored_date(&dir, day.id).as_deref(), Some("2025-04-01"));
    let read = s.work_item(april.id).unwrap().unwrap();
    assert_eq!(read, april);
    assert!(read.on_date < s.work_item(day.id).unwrap().unwrap().on_date);
    check_passes(&s);
}

#[test]
fn a_month_date_stays_in_its_year() {
    let (_dir, mut s) = fresh();
    let fin = finances(&s);
    let refused = s.add_work_item(fin, &item(2025, Some(month(2026, 1)), "Clôture"));
    match refused {
        Err(StoreError::Field(e)) => {
            assert_eq!(
                e.message,
                "janvier 2026 n'est pas en 2025, l'année de cette ligne du suivi : changez l'une ou l'autre"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn carrying_forward_drops_the_date_and_carrying_back_gives_it_back() {
    let (_dir, mut s) = fresh();
    let fin = finances(&s);
    let x = s
        .add_work_item(fin, &item(2025, Some(month(2025, 4)), "Budget"))
        .unwrap();
    let forward = s.set_work_item_year(x.id, x.version, 2026).unwrap();
    assert_eq!(forward.item.year, 2026);
    assert_eq!(forward.item.on_date, None);
    assert_eq!(forward.dropped, Some(month(2025, 4)));
    assert_eq!(forward.restored, None);
    let back = s
        .set_work_item_year(x.id, forward.item.version, 2025)
        .unwrap();
    assert_eq!(back.item.on_date, Some(month(2025, 4)));
    assert_eq!(back.restored, Some(month(2025, 4)));
    assert_eq!(back.dropped, None);
    check_passes(&s);
}

#[test]
fn a_date_given_in_the_new_year_is_kept_for_the_way_back_too() {
    let (_dir, mut s) = fresh();
    let fin = finances(&s);
    let x = s
        .add_work_item(fin, &item(2025, Some(When::Day(d(2025, 6, 28))), "AG"))
        .unwrap();
    let there = s.set_work_item_year(x.id, x.version, 2026).unwrap().item;
    // Given a date in 2026, then carried back: the 2026 date goes, the 2025 one comes back.
    let dated = s
        .update_work_item(
            there.id,
            there.version,
            &item(2026, Some(month(2026, 2)), "AG"),
        )
        .unwrap();
    let back = s.set_work_item_year(x.id, dated.version, 2025).unwrap();
    assert_eq!(back.dropped, Some(month(2026, 2)));
    assert_eq!(back.restored, Some(When::Day(d(2025, 6, 28))));
    assert_eq!(back.item.on_date, Some(When::Day(d(2025, 6, 28))));
    let again = s.set_work_item_year(x.id, back.item.version, 2026).unwrap();
    assert_eq!(again.restored, Some(month(2026, 2)));
    check_passes(&s);
}

#[test]
fn a_date_cleared_in_a_year_is_not_brought_back() {
    let (_dir, mut s) = fresh();
    let fin = finances(&s);
    let x = s
        .add_work_item(fin, &item(2025, Some(month(2025, 4)), "Budget"))
        .unwrap();
    // The date was wrong: taken off by hand, then the item carried over and back.
    let cleared = s
        .update_work_item(x.id, x.version, &item(2025, None, "Budget"))
        .unwrap();
    let there = s.set_work_item_year(x.id, cleared.version, 2026).unwrap();
    assert_eq!(there.dropped, None);
    let back = s
        .set_work_item_year(x.id, there.item.version, 2025)
        .unwrap();
    assert_eq!(back.restored, None);
    assert_eq!(back.item.on_date, None);
    // Never in 2024: nothing to give back there.
    let earlier = s.set_work_item_year(x.id, back.item.version, 2024).unwrap();
    assert_eq!((earlier.dropped, earlier.restored), (None, None));
}

#[test]
fn a_realise_item_carried_forward_by_mistake_comes_back_realise() {
    let (_dir, mut s) = fresh();
    let fin = finances(&s);
    let done = WorkItemDraft {
        status: WorkStatus::Realise,
        ..item(2025, Some(month(2025, 2)), "Fiche de poste")
    };
    let x = s.add_work_item(fin, &done).unwrap();
    let there = s.set_work_item_year(x.id, x.version, 2026).unwrap();
    assert_eq!(there.item.status, WorkStatus::AVenir);
    assert!(there.status_changed);
    let back = s
        .set_work_item_year(x.id, there.item.version, 2025)
        .unwrap();
    assert_eq!(back.item.status, WorkStatus::Realise);
    assert!(back.status_changed);
    assert_eq!(back.item.on_date, Some(month(2025, 2)));

    // Started in 2026 meanwhile: carried back, it keeps what was said of it since.
    let there = s.set_work_item_year(x.id, back.item.version, 2026).unwrap();
    let started = s
        .set_work_item_status(x.id, there.item.version, WorkStatus::EnCours)
        .unwrap();
    let back = s.set_work_item_year(x.id, started.version, 2025).unwrap();
    assert_eq!(back.item.status, WorkStatus::EnCours);
    assert!(!back.status_changed);
    assert_eq!(back.item.on_date, Some(month(2025, 2)));
    check_passes(&s);
}

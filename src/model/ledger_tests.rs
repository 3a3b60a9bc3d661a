#![allow(clippy::unwrap_used)]

use super::*;
use proptest::prelude::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Category 1 is income (Adhésions), 2 expense (Logistique).
fn kinds(id: i64) -> Option<(String, CategoryKind)> {
    match id {
        1 => Some(("Adhésions".into(), CategoryKind::Income)),
        2 => Some(("Logistique".into(), CategoryKind::Expense)),
        _ => None,
    }
}

fn split(amount: i64, parts: &[(Option<i64>, i64)]) -> TransactionDraft {
    let mut d = TransactionDraft::new(1, day(2025, 3, 4), "Achat", Money(amount));
    d.lines = parts
        .iter()
        .map(|(c, a)| Line::new(*c, None, Money(*a), 2025))
        .collect();
    d
}

#[test]
fn lines_must_sum_to_the_transaction() {
    assert!(
        split(-3000, &[(Some(2), -1000), (None, -2000)])
            .validated(kinds)
            .is_ok()
    );
    let err = split(-3000, &[(Some(2), -1000)])
        .validated(kinds)
        .unwrap_err();
    assert_eq!(err.field, "lines");
    assert!(err.message.contains("-10,00 €"), "{}", err.message);
    assert_eq!(
        split(-3000, &[(Some(2), -1000)]).left_to_allocate(),
        Some(Money(-2000))
    );
    assert_eq!(
        split(-3000, &[]).validated(kinds).unwrap_err().field,
        "lines"
    );
    assert_eq!(
        split(0, &[(None, 0)]).validated(kinds).unwrap_err().field,
        "amount"
    );
}

#[test]
fn a_line_sign_fits_its_category_unless_a_refund() {
    let err = split(-500, &[(Some(1), -500)])
        .validated(kinds)
        .unwrap_err();
    assert_eq!(err.field, "category");
    assert!(err.message.contains("Adhésions"), "{}", err.message);
    let mut refund = split(-500, &[(Some(1), -500)]);
    refund.lines[0].refund = true;
    assert!(refund.validated(kinds).is_ok());
    assert_eq!(
        split(500, &[(Some(2), 500)])
            .validated(kinds)
            .unwrap_err()
            .field,
        "category"
    );
    assert_eq!(
        split(500, &[(Some(9), 500)])
            .validated(kinds)
            .unwrap_err()
            .field,
        "category"
    );
    // À ventiler takes either sign.
    assert!(split(500, &[(None, 500)]).validated(kinds).is_ok());
}

#[test]
fn a_transfer_is_two_opposite_halves_between_two_accounts() {
    let t = TransferDraft {
        from_account: 3,
        to_account: 1,
        date: day(2025, 8, 30),
        label: "Dépôt buvette".into(),
        amount: Money(120_000),
        method: Some(PaymentMethod::Especes),
        receipt: String::new(),
    };
    let [out, into] = t.validated().unwrap().halves();
    assert_eq!((out.account_id, out.amount), (3, Money(-120_000)));
    assert_eq!((into.account_id, into.amount), (1, Money(120_000)));
    assert!(out.validated(kinds).is_ok() && into.validated(kinds).is_ok());
    let same = TransferDraft {
        to_account: 3,
        ..t.clone()
    };
    assert_eq!(same.validated().unwrap_err().field, "account");
    let negative = TransferDraft {
        amount: Money(-5),
        ..t
    };
    assert_eq!(negative.validated().unwrap_err().field, "amount");
}

#[test]
fn methods_and_statuses_parse_as_people_write_them() {
    assert_eq!(PaymentMethod::parse("Chèque"), Some(PaymentMethod::Cheque));
    assert_eq!(
        PaymentMethod::parse("en ligne"),
        Some(PaymentMethod::EnLigne)
    );
    assert_eq!(PaymentMethod::parse("troc"), None);
    assert_eq!(TxStatus::parse("Engagée"), Some(TxStatus::Engagee));
    for m in PaymentMethod::ALL {
        assert_eq!(PaymentMethod::parse(m.label()), Some(m));
    }
}

proptest! {
    /// Lines split any way from the amount always add up and validate; one cent off never does.
    #[test]
    fn split_lines_always_sum_to_the_transaction(
        amount in -10_000_000i64..-1,
        cuts in proptest::collection::vec(0u32..1000, 0..6),
    ) {
        let mut parts = Vec::new();
        let mut left = amount;
        for c in cuts {
            let part = left * i64::from(c) / 1000;
            parts.push((Some(2), part));
            left -= part;
        }
        parts.push((None, left));
        let d = split(amount, &parts);
        prop_assert_eq!(d.left_to_allocate(), Some(Money::ZERO));
        prop_assert!(d.validated(kinds).is_ok());
        let mut off = d.clone();
        off.lines[0].amount -= Money(1);
        prop_assert_eq!(off.validated(kinds).unwrap_err().field, "lines");
    }
}

//! The demo's ledgers of 2024 and 2025: about 240 and 358 transactions on the three accounts,
//! dated through the year by category (ticketing around the August gathering, salaries from
//! April, interest in December), whose category totals are the report's line items to the
//! euro and whose Rencontres nationales and Guide results are the report's; buvette cash
//! deposited at the bank and savings moved to the livret as transfers. At `--scale` N each
//! category's total is spread over N times as many transactions (totals unchanged).

use chrono::NaiveDate;

use super::collectives::mix;
use super::ledger_figures::{LEDGER_2024, LEDGER_2025, Share, wording};
use crate::model::{Line, Money, PaymentMethod, TransactionDraft, TransferDraft};
use crate::store::ledger_bulk::{NewEntry, NewTransaction};
use crate::store::{Result, Store, StoreError};

/// `total` cents over `n` amounts of varied size, each at least a cent, summing exactly.
pub(super) fn spread(total: i64, n: u32, seed: u64) -> Vec<i64> {
    let n = u64::from(n).min(total.unsigned_abs()).max(1);
    let weights: Vec<u64> = (0..n).map(|i| 2 + mix(seed * 7919 + i) % 7).collect();
    let sum: u64 = weights.iter().sum();
    let magnitude = total.unsigned_abs();
    // Whole euros while there are enough of them, as the report's figures are.
    let unit = if magnitude / 100 >= n { 100 } else { 1 };
    let units = magnitude / unit;
    let mut parts: Vec<u64> = weights.iter().map(|w| (units * w / sum).max(1)).collect();
    let given: u64 = parts.iter().sum();
    // Rounding down leaves a remainder (or, with the minimum of one, an excess) to settle.
    if given <= units {
        parts[0] += units - given;
    } else {
        let mut excess = given - units;
        for p in parts.iter_mut() {
            let take = excess.min(p.saturating_sub(1));
            *p -= take;
            excess -= take;
        }
    }
    let sign = if total < 0 { -1 } else { 1 };
    let mut out: Vec<i64> = parts.iter().map(|p| sign * (p * unit) as i64).collect();
    // What whole units could not hold (cents of a total in cents) goes to the first.
    out[0] += total - out.iter().sum::<i64>();
    out
}

fn date_in(year: i32, first: u32, last: u32, i: u32, n: u32, seed: u64) -> NaiveDate {
    let months = last - first + 1;
    let month = first + (i * months / n.max(1)).min(months - 1);
    let day = 1 + (mix(seed) % 28) as u32;
    NaiveDate::from_ymd_opt(year, month, day)
        .or_else(|| NaiveDate::from_ymd_opt(year, month, 1))
        .unwrap_or_default()
}

/// Ids looked up by name.
struct Ids {
    categories: Vec<(String, i64)>,
    projects: Vec<i64>,
    accounts: [i64; 3],
}

fn method_of(category: &str, i: u32) -> PaymentMethod {
    match category {
        "Frais bancaires" | "Salaires" | "Outils informatiques" => PaymentMethod::Prelevement,
        "Billetterie RNAC (+ buvette)" | "Ventes (guide LMEAV)" | "Dons" if i.is_multiple_of(3) => {
            PaymentMethod::EnLigne
        }
        "Adhésions" if i % 4 == 1 => PaymentMethod::Cheque,
        "Frais de mission" | "Achats divers" => PaymentMethod::Carte,
        _ => PaymentMethod::Virement,
    }
}

fn year_entries(year: i32, shares: &[Share], ids: &Ids, scale: u32) -> Result<Vec<NewEntry>> {
    let mut entries = Vec::new();
    for (k, (name, parts)) in shares.iter().enumerate() {
        let category = ids
            .categories
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, id)| *id)
            .ok_or_else(|| StoreError::NotFound((*name).to_string()))?;
        let expense = k >= 7;
        let (label, counterparties, first, last) = wording(name);
        for (j, (project, euros, count)) in parts.iter().enumerate() {
            let seed = (year as u64) * 1000 + (k as u64) * 10 + j as u64;
            let cents = if expense { -euros * 100 } else { euros * 100 };
            let n = count * scale;
            for (i, amount) in spread(cents, n, seed).into_iter().enumerate() {
                let i = i as u32;
                let date = date_in(year, first, last, i, n, seed + u64::from(i));
                let who =
                    counterparties[(mix(seed + u64::from(i) * 31) as usize) % counterparties.len()];
                // Interest reaches the livret; part of the buvette is paid in cash.
                let account = match *name {
                    "Intérêts" => ids.accounts[1],
                    "Billetterie RNAC (+ buvette)" if who == "Buvette RNAC" => ids.accounts[2],
                    _ => ids.accounts[0],
                };
                let method = if account == ids.accounts[2] {
                    PaymentMethod::Especes
                } else {
                    method_of(name, i)
                };
                let text = format!("{label} {who} {}", date.format("%m/%Y"));
                let mut draft = TransactionDraft::new(account, date, &text, Money(amount));
                draft.method = Some(method);
                draft.receipt = format!("{year}-{:03}-{i:04}", k * 10 + j);
                draft.lines = vec![Line::new(
                    Some(category),
                    Some(ids.projects[*project]),
                    Money(amount),
                    year,
                )];
                if *name == "Ventes (guide LMEAV)" {
                    draft.lines[0].quantity = Some((amount / 1500).max(1) as u32);
                }
                entries.push(NewEntry::Transaction(NewTransaction {
                    draft,
                    counterparty: who.to_string(),
                }));
            }
        }
    }
    // Buvette cash deposited at the bank, savings to the livret.
    let cash: i64 = entries
        .iter()
        .filter_map(|e| match e {
            NewEntry::Transaction(t) if t.draft.account_id == ids.accounts[2] => {
                Some(t.draft.amount.cents())
            }
            _ => None,
        })
        .sum();
    let mut transfers = Vec::new();
    for (i, part) in spread(cash, 3, year as u64).into_iter().enumerate() {
        if part > 0 {
            transfers.push(TransferDraft {
                from_account: ids.accounts[2],
                to_account: ids.accounts[0],
                date: NaiveDate::from_ymd_opt(year, 9, 5 + 7 * i as u32).unwrap_or_default(),
                label: "Dépôt des espèces de la buvette".into(),
                amount: Money(part),
                method: Some(PaymentMethod::Especes),
                receipt: String::new(),
            });
        }
    }
    transfers.push(TransferDraft {
        from_account: ids.accounts[0],
        to_account: ids.accounts[1],
        date: NaiveDate::from_ymd_opt(year, 10, 1).unwrap_or_default(),
        label: "Épargne vers le livret".into(),
        amount: Money(500_000),
        method: Some(PaymentMethod::Virement),
        receipt: String::new(),
    });
    entries.extend(transfers.into_iter().map(NewEntry::Transfer));
    entries.sort_by_key(|e| match e {
        NewEntry::Transaction(t) => t.draft.date,
        NewEntry::Transfer(t) => t.date,
    });
    Ok(entries)
}

/// Opening balances of 2024 (the 2025 ones follow from 2024's movements).
const OPENING_2024: [i64; 3] = [1_250_000, 2_000_000, 15_000];

pub(super) fn fill(store: &mut Store, scale: u32) -> Result<()> {
    let accounts = store.money_accounts()?;
    let account = |number: &str| {
        accounts
            .iter()
            .find(|a| a.number == number)
            .map(|a| a.id)
            .ok_or_else(|| StoreError::NotFound(number.to_string()))
    };
    let ids = Ids {
        categories: store
            .categories()?
            .into_iter()
            .map(|c| (c.name, c.id))
            .collect(),
        projects: store.projects()?.into_iter().map(|p| p.id).collect(),
        accounts: [account("512")?, account("5121")?, account("530")?],
    };
    for (id, cents) in ids.accounts.iter().zip(OPENING_2024) {
        store.set_opening_balance(*id, 2024, Money(cents), None)?;
    }
    store.add_entries(&year_entries(2024, &LEDGER_2024, &ids, scale)?)?;
    for id in ids.accounts {
        let f = crate::store::ledger_read::RegisterFilter {
            year: 2024,
            account: Some(id),
            ..Default::default()
        };
        let closing = store.register_totals(&f)?.closing;
        store.set_opening_balance(id, 2025, closing, None)?;
    }
    store.add_entries(&year_entries(2025, &LEDGER_2025, &ids, scale)?)?;
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn spread_sums_exactly_and_keeps_signs() {
        for (total, n) in [
            (-11_100, 12),
            (4_787_600, 80),
            (7_400, 2),
            (-5, 12),
            (100, 1),
        ] {
            let parts = spread(total, n, 3);
            assert_eq!(parts.iter().sum::<i64>(), total);
            assert!(
                parts.iter().all(|p| p.signum() == total.signum()),
                "{parts:?}"
            );
        }
        assert!(spread(-11_100, 12, 1).iter().all(|p| p % 100 == 0));
    }
}

//! Many ledger writes in one write transaction: the demo's ledgers and the imports. Each
//! transaction is checked and journaled as a single one would be.

use super::error::Result;
use super::ledger::LedgerRefs;
use super::session::Store;
use crate::model::{Area, Transaction, TransactionDraft, TransferDraft};

/// A transaction to add, its counterparty by name (created when new; empty: none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTransaction {
    pub draft: TransactionDraft,
    pub counterparty: String,
}

/// One entry of a bulk write: a transaction, or a transfer between own accounts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NewEntry {
    Transaction(NewTransaction),
    Transfer(TransferDraft),
}

impl Store {
    /// Add every entry in one write (all or nothing); the transactions written, in order (a
    /// transfer gives its two halves).
    pub fn add_entries(&mut self, entries: &[NewEntry]) -> Result<Vec<Transaction>> {
        self.write(Area::Ledger, |tx| {
            let refs = LedgerRefs::read(tx.conn())?;
            let mut out = Vec::with_capacity(entries.len());
            for e in entries {
                match e {
                    NewEntry::Transaction(t) => {
                        let mut d = refs.check(&t.draft)?;
                        if d.counterparty.is_none() {
                            d.counterparty = tx.counterparty_named(&t.counterparty)?;
                        }
                        out.push(tx.insert_transaction(&d, None)?);
                    }
                    NewEntry::Transfer(t) => {
                        let d = t.validated().map_err(super::error::StoreError::Field)?;
                        let (a, b) = tx.insert_transfer(&d)?;
                        out.push(a);
                        out.push(b);
                    }
                }
            }
            Ok(out)
        })
    }
}

/// A transaction as an import compares it: for duplicates and bank matching.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredKey {
    pub id: i64,
    pub version: i64,
    pub account_id: i64,
    pub date: chrono::NaiveDate,
    pub label: String,
    pub amount: crate::model::Money,
    pub bank_seen: bool,
}

impl Store {
    /// The transactions dated `from..=to`, as imports compare them.
    pub fn stored_keys(
        &self,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    ) -> Result<Vec<StoredKey>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, version, account_id, on_date, label, amount_cents, bank_seen
             FROM ledger_transactions WHERE on_date >= ?1 AND on_date <= ?2 ORDER BY on_date, id",
        )?;
        let day = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
        let rows = stmt.query_map([day(from), day(to)], |r| {
            Ok(StoredKey {
                id: r.get(0)?,
                version: r.get(1)?,
                account_id: r.get(2)?,
                date: super::circles::date_col(r.get(3)?).unwrap_or_default(),
                label: super::text_cols::line(r, 4)?,
                amount: crate::model::Money(r.get(5)?),
                bank_seen: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// An import's writes in one write: the new entries (`from_bank`: lines of a bank
    /// statement, so seen on it), and the stored transactions a bank statement matched marked
    /// as seen. `dry_run`: the same, rolled back.
    pub fn apply_ledger_import(
        &mut self,
        entries: &[NewEntry],
        matched: &[(i64, i64)],
        from_bank: bool,
        dry_run: bool,
    ) -> Result<usize> {
        let body = |tx: &mut super::write::Tx<'_>| -> Result<usize> {
            let refs = LedgerRefs::read(tx.conn())?;
            let mut n = 0;
            for e in entries {
                match e {
                    NewEntry::Transaction(t) => {
                        let mut d = refs.check(&t.draft)?;
                        d.counterparty = tx.counterparty_named(&t.counterparty)?;
                        let added = tx.insert_transaction(&d, None)?;
                        if from_bank {
                            tx.mark_bank_seen(&added)?;
                        }
                    }
                    NewEntry::Transfer(t) => {
                        let d = t.validated().map_err(super::error::StoreError::Field)?;
                        tx.insert_transfer(&d)?;
                    }
                }
                n += 1;
            }
            for (id, version) in matched {
                let before: Transaction = tx.current(*id, *version)?;
                tx.mark_bank_seen(&before)?;
            }
            Ok(n)
        };
        if dry_run {
            self.rehearse(Area::Ledger, body)
        } else {
            self.write(Area::Ledger, body)
        }
    }
}

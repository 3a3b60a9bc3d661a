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

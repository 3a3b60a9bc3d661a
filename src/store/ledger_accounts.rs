//! The ledger's accounts and counterparties: opening balances per account and year, people
//! and collectives money comes from or goes to, and marking a transaction seen on the bank
//! statement. Writes go through [`Store::write`] with `Area::Ledger`.

use rusqlite::OptionalExtension;

use super::error::Result;
use super::ledger::LedgerRefs;
use super::session::Store;
use crate::model::ledger::fields;
use crate::model::{Area, Counterparty, Money, OpeningBalance, Transaction};

impl Store {
    /// Set an account's opening balance for `year`; `expected_version` is that of the balance
    /// being changed (`None` when there was none).
    pub fn set_opening_balance(
        &mut self,
        account_id: i64,
        year: i32,
        amount: Money,
        expected_version: Option<i64>,
    ) -> Result<OpeningBalance> {
        self.write(Area::Ledger, |tx| {
            LedgerRefs::read(tx.conn())?.check_account(account_id)?;
            let existing: Option<i64> = tx
                .conn()
                .query_row(
                    "SELECT id FROM opening_balances WHERE account_id = ?1 AND year = ?2",
                    (account_id, year),
                    |r| r.get(0),
                )
                .optional()?;
            match existing {
                Some(id) => {
                    let before: OpeningBalance = match expected_version {
                        Some(v) => tx.current(id, v)?,
                        None => {
                            let now: OpeningBalance = tx.load(id)?;
                            tx.ensure_version("opening_balances", id, 0, now.version, &now)?;
                            now
                        }
                    };
                    tx.update_row(&before, "amount_cents = ?1", &[&amount.cents()])
                }
                None => {
                    tx.conn().execute(
                        "INSERT INTO opening_balances(account_id, year, amount_cents) VALUES (?1, ?2, ?3)",
                        (account_id, year, amount.cents()),
                    )?;
                    tx.inserted(tx.conn().last_insert_rowid())
                }
            }
        })
    }

    /// Add a counterparty, optionally linked to a person or a collective.
    pub fn add_counterparty(
        &mut self,
        name: &str,
        person_id: Option<i64>,
        collective_id: Option<i64>,
    ) -> Result<Counterparty> {
        self.write(Area::Ledger, |tx| {
            let name = crate::model::field::line_field(
                fields::COUNTERPARTY,
                name,
                crate::model::ledger::MAX_LABEL,
            )?;
            tx.conn().execute(
                "INSERT INTO counterparties(name, person_id, collective_id) VALUES (?1, ?2, ?3)",
                rusqlite::params![name, person_id, collective_id],
            )?;
            tx.inserted(tx.conn().last_insert_rowid())
        })
    }

    /// Mark a transaction as seen on the bank statement (reconciled).
    pub fn mark_bank_seen(&mut self, id: i64, expected_version: i64) -> Result<Transaction> {
        self.write(Area::Ledger, |tx| {
            let before: Transaction = tx.current(id, expected_version)?;
            tx.mark_bank_seen(&before)
        })
    }

    /// The counterparty named `name` (without case), created when new; `None` for a blank name.
    pub fn counterparty_for(&mut self, name: &str) -> Result<Option<i64>> {
        self.write(Area::Ledger, |tx| tx.counterparty_named(name))
    }
}

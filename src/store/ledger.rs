//! The ledger's writes and the loaders of its rows: transactions with their lines (journaled
//! together, the lines being part of the transaction), transfers between own accounts (both
//! halves in one write), counterparties and opening balances. Only the roles that may write
//! `Area::Ledger` (tresorerie, admin) get through [`Store::write`].

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

use super::circles::{date_col, iso};
use super::error::{Result, StoreError};
use super::session::Store;
use super::text_cols::{line, text};
use super::write::Tx;
use crate::catalogue::ledger as msg;
use crate::model::ledger::fields;
use crate::model::{
    Area, CategoryKind, Counterparty, FieldError, Line, Money, OpeningBalance, PaymentMethod,
    Transaction, TransactionDraft, TransferDraft, TxStatus,
};

const TX_COLUMNS: &str = "t.id, t.account_id, t.on_date, t.label, t.amount_cents, \
    t.counterparty_id, t.method, t.receipt, t.notes, t.status, t.bank_seen, t.transfer_of, t.version";

fn tx_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Transaction> {
    let method: Option<String> = r.get(6)?;
    let status: String = r.get(9)?;
    Ok(Transaction {
        id: r.get(0)?,
        account_id: r.get(1)?,
        // The write path only stores valid days.
        date: date_col(r.get(2)?).unwrap_or_default(),
        label: line(r, 3)?,
        amount: Money(r.get(4)?),
        counterparty: r.get(5)?,
        method: method.and_then(|m| PaymentMethod::ALL.into_iter().find(|x| x.code() == m)),
        receipt: line(r, 7)?,
        notes: text(r, 8)?,
        status: TxStatus::parse(&status).unwrap_or_default(),
        bank_seen: r.get(10)?,
        transfer_of: r.get(11)?,
        lines: Vec::new(),
        version: r.get(12)?,
    })
}

pub(crate) fn lines_of(conn: &Connection, transaction_id: i64) -> Result<Vec<Line>> {
    let mut stmt = conn.prepare_cached(
        "SELECT category_id, project_id, amount_cents, refund, year, quantity
         FROM ledger_lines WHERE transaction_id = ?1 ORDER BY position",
    )?;
    let rows = stmt.query_map([transaction_id], |r| {
        Ok(Line {
            category: r.get(0)?,
            project: r.get(1)?,
            amount: Money(r.get(2)?),
            refund: r.get(3)?,
            year: r.get(4)?,
            quantity: r
                .get::<_, Option<i64>>(5)?
                .and_then(|q| u32::try_from(q).ok()),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn transaction_by_id(conn: &Connection, id: i64) -> Result<Option<Transaction>> {
    let found = conn
        .prepare_cached(&format!(
            "SELECT {TX_COLUMNS} FROM ledger_transactions t WHERE t.id = ?1"
        ))?
        .query_row([id], tx_from_row)
        .optional()?;
    match found {
        Some(mut t) => {
            t.lines = lines_of(conn, id)?;
            Ok(Some(t))
        }
        None => Ok(None),
    }
}

pub(crate) fn counterparty_by_id(conn: &Connection, id: i64) -> Result<Option<Counterparty>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, name, person_id, collective_id, version FROM counterparties WHERE id = ?1",
        )?
        .query_row([id], |r| {
            Ok(Counterparty {
                id: r.get(0)?,
                name: line(r, 1)?,
                person_id: r.get(2)?,
                collective_id: r.get(3)?,
                version: r.get(4)?,
            })
        })
        .optional()?)
}

pub(crate) fn opening_by_id(conn: &Connection, id: i64) -> Result<Option<OpeningBalance>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, account_id, year, amount_cents, version FROM opening_balances WHERE id = ?1",
        )?
        .query_row([id], |r| {
            Ok(OpeningBalance {
                id: r.get(0)?,
                account_id: r.get(1)?,
                year: r.get(2)?,
                amount: Money(r.get(3)?),
                version: r.get(4)?,
            })
        })
        .optional()?)
}

super::write::versioned!(
    Transaction,
    "ledger_transactions",
    transaction_by_id,
    msg::THE_TRANSACTION
);
super::write::versioned!(
    Counterparty,
    "counterparties",
    counterparty_by_id,
    msg::THE_COUNTERPARTY
);
super::write::versioned!(
    OpeningBalance,
    "opening_balances",
    opening_by_id,
    msg::THE_OPENING_BALANCE
);

/// What a write checks a draft against: the categories' kinds, the projects and accounts.
pub(crate) struct LedgerRefs {
    kinds: HashMap<i64, (String, CategoryKind)>,
    projects: Vec<i64>,
    accounts: Vec<i64>,
}

impl LedgerRefs {
    pub(crate) fn read(conn: &Connection) -> Result<LedgerRefs> {
        let mut stmt = conn.prepare_cached("SELECT id, name, kind FROM categories")?;
        let kinds = stmt
            .query_map([], |r| {
                let kind: String = r.get(2)?;
                Ok((
                    r.get(0)?,
                    (
                        line(r, 1)?,
                        CategoryKind::from_code(&kind).unwrap_or(CategoryKind::Expense),
                    ),
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let ids = |sql: &str| -> Result<Vec<i64>> {
            let mut stmt = conn.prepare_cached(sql)?;
            let v = stmt
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(v)
        };
        Ok(LedgerRefs {
            kinds,
            projects: ids("SELECT id FROM projects")?,
            accounts: ids("SELECT id FROM money_accounts")?,
        })
    }

    /// The draft validated against the model's rules and these references.
    pub(crate) fn check(&self, draft: &TransactionDraft) -> Result<TransactionDraft> {
        let d = draft
            .validated(|id| self.kinds.get(&id).cloned())
            .map_err(StoreError::Field)?;
        self.check_account(d.account_id)?;
        if d.lines
            .iter()
            .any(|l| l.project.is_some_and(|p| !self.projects.contains(&p)))
        {
            return Err(FieldError::new(fields::PROJECT, msg::UNKNOWN_PROJECT).into());
        }
        Ok(d)
    }

    pub(crate) fn check_account(&self, id: i64) -> Result<()> {
        if self.accounts.contains(&id) {
            Ok(())
        } else {
            Err(FieldError::new(fields::ACCOUNT, msg::UNKNOWN_ACCOUNT).into())
        }
    }
}

impl Tx<'_> {
    /// Insert a transaction already checked (see [`LedgerRefs::check`]) and journal it.
    pub(crate) fn insert_transaction(
        &self,
        d: &TransactionDraft,
        transfer_of: Option<i64>,
    ) -> Result<Transaction> {
        self.conn().execute(
            "INSERT INTO ledger_transactions(account_id, on_date, label, amount_cents,
                 counterparty_id, method, receipt, notes, status, transfer_of)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            rusqlite::params![
                d.account_id,
                iso(Some(d.date)),
                d.label,
                d.amount.cents(),
                d.counterparty,
                d.method.map(PaymentMethod::code),
                d.receipt,
                d.notes,
                d.status.code(),
                transfer_of,
            ],
        )?;
        let id = self.conn().last_insert_rowid();
        self.write_lines(id, d, transfer_of.is_some())?;
        self.inserted(id)
    }

    fn write_lines(&self, id: i64, d: &TransactionDraft, transfer: bool) -> Result<()> {
        self.conn()
            .execute("DELETE FROM ledger_lines WHERE transaction_id = ?1", [id])?;
        let mut stmt = self.conn().prepare_cached(
            "INSERT INTO ledger_lines(transaction_id, position, category_id, project_id,
                 amount_cents, refund, year, quantity, pending, transfer)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?;
        for (i, l) in d.lines.iter().enumerate() {
            stmt.execute(rusqlite::params![
                id,
                i as i64,
                l.category,
                l.project,
                l.amount.cents(),
                l.refund,
                l.year,
                l.quantity,
                d.status == TxStatus::Engagee,
                transfer,
            ])?;
        }
        Ok(())
    }

    /// Save `before` as `d` (checked), its lines replaced.
    pub(crate) fn save_transaction(
        &self,
        before: &Transaction,
        d: &TransactionDraft,
    ) -> Result<Transaction> {
        self.write_lines(before.id, d, before.is_transfer())?;
        self.update_row(
            before,
            "account_id = ?1, on_date = ?2, label = ?3, amount_cents = ?4, counterparty_id = ?5, \
             method = ?6, receipt = ?7, notes = ?8, status = ?9",
            &[
                &d.account_id,
                &iso(Some(d.date)),
                &d.label,
                &d.amount.cents(),
                &d.counterparty,
                &d.method.map(PaymentMethod::code),
                &d.receipt,
                &d.notes,
                &d.status.code(),
            ],
        )
    }

    /// Mark a transaction as seen on a bank statement.
    pub(crate) fn mark_bank_seen(&self, before: &Transaction) -> Result<Transaction> {
        self.update_row(before, "bank_seen = ?1", &[&true])
    }

    /// Both halves of a transfer, each pointing at the other, journaled once each.
    pub(crate) fn insert_transfer(&self, t: &TransferDraft) -> Result<(Transaction, Transaction)> {
        let [out, into] = t.halves();
        self.conn().execute(
            "INSERT INTO ledger_transactions(account_id, on_date, label, amount_cents, method,
                 receipt) VALUES (?1, ?2, '', 0, NULL, '')",
            rusqlite::params![out.account_id, iso(Some(out.date))],
        )?;
        // The first half's row exists (unjournaled, inside this transaction) so that the
        // second can point at it; it is then filled in and journaled once, as an insert.
        let first = self.conn().last_insert_rowid();
        let second = self.insert_transaction(&into, Some(first))?;
        self.conn().execute(
            "UPDATE ledger_transactions SET label = ?2, amount_cents = ?3, method = ?4,
                 receipt = ?5, transfer_of = ?6 WHERE id = ?1",
            rusqlite::params![
                first,
                out.label,
                out.amount.cents(),
                out.method.map(PaymentMethod::code),
                out.receipt,
                second.id
            ],
        )?;
        self.write_lines(first, &out, true)?;
        let first = self.inserted(first)?;
        Ok((first, second))
    }

    /// The counterparty named `name` (without case), created when new.
    pub(crate) fn counterparty_named(&self, name: &str) -> Result<Option<i64>> {
        let name = crate::text::clean_line(name, crate::model::ledger::MAX_LABEL);
        if name.is_empty() {
            return Ok(None);
        }
        let found: Option<i64> = self
            .conn()
            .query_row(
                "SELECT id FROM counterparties WHERE name = ?1",
                [&name],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(id) = found {
            return Ok(Some(id));
        }
        self.conn()
            .execute("INSERT INTO counterparties(name) VALUES (?1)", [&name])?;
        let c: Counterparty = self.inserted(self.conn().last_insert_rowid())?;
        Ok(Some(c.id))
    }
}

impl Store {
    /// Enter a transaction (its lines summing to it, each sign fitting its category).
    pub fn add_transaction(&mut self, draft: &TransactionDraft) -> Result<Transaction> {
        self.write(Area::Ledger, |tx| {
            let d = LedgerRefs::read(tx.conn())?.check(draft)?;
            tx.insert_transaction(&d, None)
        })
    }

    /// Save a transaction edited from `expected_version`. A transfer's half is refused: it is
    /// edited as a transfer ([`Store::update_transfer`]).
    pub fn update_transaction(
        &mut self,
        id: i64,
        expected_version: i64,
        draft: &TransactionDraft,
    ) -> Result<Transaction> {
        self.write(Area::Ledger, |tx| {
            let before: Transaction = tx.current(id, expected_version)?;
            if before.is_transfer() {
                return Err(StoreError::Invalid(msg::IS_A_TRANSFER.into()));
            }
            let d = LedgerRefs::read(tx.conn())?.check(draft)?;
            tx.save_transaction(&before, &d)
        })
    }

    /// Delete a transaction (a transfer: both halves).
    pub fn delete_transaction(&mut self, id: i64, expected_version: i64) -> Result<()> {
        self.write(Area::Ledger, |tx| {
            let before: Transaction = tx.current(id, expected_version)?;
            let other = match before.transfer_of {
                Some(o) => Some(tx.load::<Transaction>(o)?),
                None => None,
            };
            for t in [Some(&before), other.as_ref()].into_iter().flatten() {
                tx.conn()
                    .execute("DELETE FROM ledger_lines WHERE transaction_id = ?1", [t.id])?;
            }
            // The halves point at each other: unlink before deleting (not journaled, the
            // deletes are).
            if let Some(o) = &other {
                tx.conn().execute(
                    "UPDATE ledger_transactions SET transfer_of = NULL WHERE id IN (?1, ?2)",
                    [before.id, o.id],
                )?;
                tx.delete_row(o)?;
            }
            tx.delete_row(&before)
        })
    }

    /// Move money between two own accounts: one action, two halves, neither income nor expense.
    pub fn add_transfer(&mut self, draft: &TransferDraft) -> Result<(Transaction, Transaction)> {
        self.write(Area::Ledger, |tx| {
            let d = draft.validated().map_err(StoreError::Field)?;
            let refs = LedgerRefs::read(tx.conn())?;
            refs.check_account(d.from_account)?;
            refs.check_account(d.to_account)?;
            tx.insert_transfer(&d)
        })
    }

    /// Change a transfer from the version of the half `id` the person started from; both halves
    /// are rewritten.
    pub fn update_transfer(
        &mut self,
        id: i64,
        expected_version: i64,
        draft: &TransferDraft,
    ) -> Result<(Transaction, Transaction)> {
        self.write(Area::Ledger, |tx| {
            let before: Transaction = tx.current(id, expected_version)?;
            let other_id = before
                .transfer_of
                .ok_or_else(|| StoreError::Invalid(msg::NOT_A_TRANSFER.into()))?;
            let other: Transaction = tx.load(other_id)?;
            let d = draft.validated().map_err(StoreError::Field)?;
            let refs = LedgerRefs::read(tx.conn())?;
            refs.check_account(d.from_account)?;
            refs.check_account(d.to_account)?;
            let [out, into] = d.halves();
            let (first, second) = if before.amount.is_negative() {
                (&before, &other)
            } else {
                (&other, &before)
            };
            Ok((
                tx.save_transaction(first, &out)?,
                tx.save_transaction(second, &into)?,
            ))
        })
    }

    pub fn transaction(&self, id: i64) -> Result<Option<Transaction>> {
        transaction_by_id(self.conn(), id)
    }

    pub fn counterparty(&self, id: i64) -> Result<Option<Counterparty>> {
        counterparty_by_id(self.conn(), id)
    }
}

/// The first day of `year` and of the next, as stored.
pub(crate) fn year_bounds(year: i32) -> (String, String) {
    let day = |y: i32| {
        NaiveDate::from_ymd_opt(y, 1, 1)
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default()
    };
    (day(year), day(year + 1))
}

//! Reading the ledger: its reference data (accounts, categories, projects, counterparties),
//! the register of a year and account (or all) with its running balance, read as a window of
//! rows plus the totals of a filter (a 600 000-transaction base stays quick), and the sums of
//! lines by category and project that the reports are computed from.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::circles::date_col;
use super::error::Result;
use super::ledger::year_bounds;
use super::session::Store;
use super::text_cols::line;
use crate::model::{Category, CategoryKind, Counterparty, Money, MoneyAccount, Project, TxStatus};

/// Which lines a register shows by category.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum CategoryFilter {
    #[default]
    Any,
    /// Transactions with a line not yet categorised.
    ToCategorise,
    Is(i64),
}

/// What the register shows: a year, an account or all, and quick filters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RegisterFilter {
    pub year: i32,
    pub account: Option<i64>,
    /// 1 to 12.
    pub month: Option<u32>,
    pub category: CategoryFilter,
    pub project: Option<i64>,
    /// Found in the label, the counterparty or the receipt (ASCII letters without case).
    pub text: String,
}

/// What the register's category column says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegisterCategory {
    One(String),
    /// Split over several categories ("ventilée").
    Split,
    /// At least one line without a category ("à ventiler").
    ToCategorise,
    /// A half of a transfer between own accounts.
    Transfer,
}

/// One row of the register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisterRow {
    pub id: i64,
    pub account_id: i64,
    pub date: NaiveDate,
    pub label: String,
    pub counterparty: String,
    pub category: RegisterCategory,
    /// The project when all lines share one.
    pub project: Option<String>,
    pub amount: Money,
    /// The account's balance (all accounts': their sum) after this transaction; engagée ones
    /// do not move it.
    pub balance: Money,
    pub status: TxStatus,
    pub bank_seen: bool,
    pub version: i64,
}

/// The totals of a filter: how many transactions, and the sums of the lines it selects.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RegisterTotals {
    pub rows: usize,
    pub income: Money,
    pub expenses: Money,
    /// Transfers between own accounts, in and out, net.
    pub transfers: Money,
    pub to_categorise: usize,
    /// Balance of the year's opening and closing (unfiltered, realised only).
    pub opening: Money,
    pub closing: Money,
}

/// The sum of the lines of one (category, project) pair for a year; `None`: à ventiler or
/// without project.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineSum {
    pub category: Option<i64>,
    pub project: Option<i64>,
    pub cents: i64,
}

/// The filter as SQL conditions on `t` (a transaction) with their parameters from `?3` on
/// (`?1`, `?2` are the year's bounds).
fn conditions(f: &RegisterFilter) -> (String, Vec<rusqlite::types::Value>) {
    use rusqlite::types::Value;
    let mut sql = String::from("t.on_date >= ?1 AND t.on_date < ?2");
    let mut params: Vec<Value> = Vec::new();
    // Each `#` of a condition stands for its one parameter.
    let mut add = |cond: &str, v: Value| {
        params.push(v);
        sql.push_str(&cond.replace('#', &format!("?{}", params.len() + 2)));
    };
    if let Some(a) = f.account {
        add(" AND t.account_id = #", Value::Integer(a));
    }
    if let Some(m) = f.month {
        add(
            " AND substr(t.on_date, 6, 2) = #",
            Value::Text(format!("{m:02}")),
        );
    }
    match f.category {
        CategoryFilter::Any => {}
        CategoryFilter::ToCategorise => add(
            " AND t.transfer_of IS NULL AND EXISTS (SELECT 1 FROM ledger_lines l
               WHERE l.transaction_id = t.id AND l.category_id IS NULL AND # = 1)",
            Value::Integer(1),
        ),
        CategoryFilter::Is(c) => add(
            " AND EXISTS (SELECT 1 FROM ledger_lines l WHERE l.transaction_id = t.id AND l.category_id = #)",
            Value::Integer(c),
        ),
    }
    if let Some(p) = f.project {
        add(
            " AND EXISTS (SELECT 1 FROM ledger_lines l WHERE l.transaction_id = t.id AND l.project_id = #)",
            Value::Integer(p),
        );
    }
    let text = f.text.trim();
    if !text.is_empty() {
        add(
            " AND (instr(lower(t.label), lower(#)) > 0 OR instr(lower(t.receipt), lower(#)) > 0
                OR t.counterparty_id IN (SELECT id FROM counterparties
                    WHERE instr(lower(name), lower(#)) > 0))",
            Value::Text(text.to_string()),
        );
    }
    (sql, params)
}

/// The line-level condition matching the filter (the lines its totals add up).
fn line_condition(f: &RegisterFilter, first: usize) -> (String, Vec<rusqlite::types::Value>) {
    use rusqlite::types::Value;
    let mut sql = String::new();
    let mut params = Vec::new();
    match f.category {
        CategoryFilter::Any => {}
        CategoryFilter::ToCategorise => sql.push_str(" AND l.category_id IS NULL"),
        CategoryFilter::Is(c) => {
            params.push(Value::Integer(c));
            sql.push_str(&format!(
                " AND l.category_id = ?{}",
                first + params.len() - 1
            ));
        }
    }
    if let Some(p) = f.project {
        params.push(Value::Integer(p));
        sql.push_str(&format!(
            " AND l.project_id = ?{}",
            first + params.len() - 1
        ));
    }
    (sql, params)
}

impl Store {
    pub fn money_accounts(&self) -> Result<Vec<MoneyAccount>> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT id, number, name FROM money_accounts ORDER BY id")?;
        let rows = stmt.query_map([], |r| {
            Ok(MoneyAccount {
                id: r.get(0)?,
                number: line(r, 1)?,
                name: line(r, 2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The categories in the bilan's order (income first).
    pub fn categories(&self) -> Result<Vec<Category>> {
        categories(self.conn())
    }

    pub fn projects(&self) -> Result<Vec<Project>> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT id, name, position FROM projects ORDER BY position, id")?;
        let rows = stmt.query_map([], |r| {
            Ok(Project {
                id: r.get(0)?,
                name: line(r, 1)?,
                position: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every counterparty, by name.
    pub fn counterparties(&self) -> Result<Vec<Counterparty>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, name, person_id, collective_id, version FROM counterparties ORDER BY name",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Counterparty {
                id: r.get(0)?,
                name: line(r, 1)?,
                person_id: r.get(2)?,
                collective_id: r.get(3)?,
                version: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The opening balance of `account` (all accounts: their sum) for `year`; zero if unset.
    pub fn opening_balance(&self, year: i32, account: Option<i64>) -> Result<Money> {
        Ok(Money(self.conn().query_row(
            "SELECT coalesce(sum(amount_cents), 0) FROM opening_balances
             WHERE year = ?1 AND (?2 IS NULL OR account_id = ?2)",
            rusqlite::params![year, account],
            |r| r.get(0),
        )?))
    }

    /// The rows `offset..offset + limit` of the register that `filter` selects, in date order,
    /// each with the running balance of its account (or of all) as of that row.
    pub fn register_window(
        &self,
        filter: &RegisterFilter,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<RegisterRow>> {
        let opening = self.opening_balance(filter.year, filter.account)?;
        let (lo, hi) = year_bounds(filter.year);
        let (cond, extra) = conditions(filter);
        // The balance runs over the whole year of the account(s), then the filter applies.
        let n = extra.len() + 2;
        let sql = format!(
            "WITH reg AS (
                SELECT t.id, t.on_date, sum(CASE WHEN t.status = 'realisee' THEN t.amount_cents ELSE 0 END)
                    OVER (ORDER BY t.on_date, t.id ROWS UNBOUNDED PRECEDING) AS running
                FROM ledger_transactions t
                WHERE t.on_date >= ?1 AND t.on_date < ?2 AND (?{a} IS NULL OR t.account_id = ?{a}))
             SELECT reg.id, reg.running FROM reg JOIN ledger_transactions t ON t.id = reg.id
             WHERE {cond} ORDER BY reg.on_date, reg.id LIMIT ?{l} OFFSET ?{o}",
            a = n + 1,
            l = n + 2,
            o = n + 3,
        );
        let mut params: Vec<rusqlite::types::Value> = vec![lo.into(), hi.into()];
        params.extend(extra);
        params.push(filter.account.into());
        params.push((limit as i64).into());
        params.push((offset as i64).into());
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let window: Vec<(i64, i64)> = stmt
            .query_map(rusqlite::params_from_iter(params), |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut out = Vec::with_capacity(window.len());
        for (id, running) in window {
            out.push(self.register_row(id, opening + Money(running))?);
        }
        Ok(out)
    }

    fn register_row(&self, id: i64, balance: Money) -> Result<RegisterRow> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT t.id, t.account_id, t.on_date, t.label, coalesce(cp.name, ''), t.amount_cents,
                    t.status, t.bank_seen, t.version, t.transfer_of IS NOT NULL,
                    count(l.id), count(l.category_id), min(c.name), count(DISTINCT l.category_id),
                    count(l.project_id), count(DISTINCT l.project_id), min(p.name)
             FROM ledger_transactions t
             LEFT JOIN counterparties cp ON cp.id = t.counterparty_id
             LEFT JOIN ledger_lines l ON l.transaction_id = t.id
             LEFT JOIN categories c ON c.id = l.category_id
             LEFT JOIN projects p ON p.id = l.project_id
             WHERE t.id = ?1 GROUP BY t.id",
        )?;
        Ok(stmt.query_row([id], |r| {
            let status: String = r.get(6)?;
            let (lines, categorised, distinct): (i64, i64, i64) =
                (r.get(10)?, r.get(11)?, r.get(13)?);
            let category = if r.get::<_, bool>(9)? {
                RegisterCategory::Transfer
            } else if categorised < lines {
                RegisterCategory::ToCategorise
            } else if distinct > 1 {
                RegisterCategory::Split
            } else {
                RegisterCategory::One(r.get::<_, Option<String>>(12)?.unwrap_or_default())
            };
            let (with_project, projects): (i64, i64) = (r.get(14)?, r.get(15)?);
            Ok(RegisterRow {
                id: r.get(0)?,
                account_id: r.get(1)?,
                date: date_col(r.get(2)?).unwrap_or_default(),
                label: line(r, 3)?,
                counterparty: line(r, 4)?,
                category,
                project: (with_project == lines && projects == 1)
                    .then(|| r.get::<_, Option<String>>(16))
                    .transpose()?
                    .flatten(),
                amount: Money(r.get(5)?),
                balance,
                status: TxStatus::parse(&status).unwrap_or_default(),
                bank_seen: r.get(7)?,
                version: r.get(8)?,
            })
        })?)
    }

    /// The totals of what `filter` selects: rows, and the sums of the lines it selects.
    pub fn register_totals(&self, filter: &RegisterFilter) -> Result<RegisterTotals> {
        let (lo, hi) = year_bounds(filter.year);
        let (cond, mut params) = conditions(filter);
        let first = params.len() + 3;
        let (line_cond, line_params) = line_condition(filter, first);
        let mut all: Vec<rusqlite::types::Value> = vec![lo.clone().into(), hi.clone().into()];
        all.append(&mut params);
        let rows: i64 = self.conn().query_row(
            &format!("SELECT count(*) FROM ledger_transactions t WHERE {cond}"),
            rusqlite::params_from_iter(all.clone()),
            |r| r.get(0),
        )?;
        all.extend(line_params);
        let (income, expenses, transfers, to_categorise): (i64, i64, i64, i64) = self.conn().query_row(
            &format!(
                "SELECT coalesce(sum(CASE WHEN l.transfer = 0 AND l.amount_cents > 0 THEN l.amount_cents END), 0),
                        coalesce(sum(CASE WHEN l.transfer = 0 AND l.amount_cents < 0 THEN l.amount_cents END), 0),
                        coalesce(sum(CASE WHEN l.transfer = 1 THEN l.amount_cents END), 0),
                        count(DISTINCT CASE WHEN l.transfer = 0 AND l.category_id IS NULL THEN t.id END)
                 FROM ledger_transactions t JOIN ledger_lines l ON l.transaction_id = t.id
                 WHERE {cond}{line_cond}"
            ),
            rusqlite::params_from_iter(all),
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?;
        let opening = self.opening_balance(filter.year, filter.account)?;
        let moved: i64 = self.conn().query_row(
            "SELECT coalesce(sum(amount_cents), 0) FROM ledger_transactions
             WHERE on_date >= ?1 AND on_date < ?2 AND status = 'realisee'
               AND (?3 IS NULL OR account_id = ?3)",
            rusqlite::params![lo, hi, filter.account],
            |r| r.get(0),
        )?;
        Ok(RegisterTotals {
            rows: usize::try_from(rows).unwrap_or(0),
            income: Money(income),
            expenses: Money(expenses),
            transfers: Money(transfers),
            to_categorise: usize::try_from(to_categorise).unwrap_or(0),
            opening,
            closing: opening + Money(moved),
        })
    }

    /// The sums of the lines counted in `year` by (category, project), transfers left out,
    /// engagée lines only `with_pending`. What the bilan and the result by project read.
    pub fn line_sums(&self, year: i32, with_pending: bool) -> Result<Vec<LineSum>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT category_id, project_id, sum(amount_cents) FROM ledger_lines
             WHERE year = ?1 AND transfer = 0 AND (pending = 0 OR ?2)
             GROUP BY category_id, project_id",
        )?;
        let rows = stmt.query_map(rusqlite::params![year, with_pending], |r| {
            Ok(LineSum {
                category: r.get(0)?,
                project: r.get(1)?,
                cents: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The ids of the transactions with a line counted in `year`, in date order (the export).
    pub fn transaction_ids_of_year(&self, year: i32) -> Result<Vec<i64>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT t.id FROM ledger_transactions t WHERE t.id IN
                 (SELECT transaction_id FROM ledger_lines WHERE year = ?1)
             ORDER BY t.on_date, t.id",
        )?;
        let rows = stmt.query_map([year], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

pub(crate) fn categories(conn: &Connection) -> Result<Vec<Category>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, kind, account, position FROM categories ORDER BY position, id",
    )?;
    let rows = stmt.query_map([], |r| {
        let kind: String = r.get(2)?;
        Ok(Category {
            id: r.get(0)?,
            name: line(r, 1)?,
            kind: CategoryKind::from_code(&kind).unwrap_or(CategoryKind::Expense),
            account: line(r, 3)?,
            position: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

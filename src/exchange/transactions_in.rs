//! The transactions file, import side, in its two shapes told apart by the header: the
//! treasurer's file (with `categorie`: all-or-nothing, a line identical to one stored, counting
//! repeats, is a probable duplicate), and a bank statement (no `categorie`; `montant` or
//! `debit`/`credit`; each line matches a transaction typed by hand on the same account with
//! the same amount within 5 days, or arrives "à ventiler").

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::csv_in::{Table, decode, read_table};
use super::shared::{ExchangeError, Result};
use crate::catalogue::exchange::line_error;
use crate::catalogue::ledger as msg;
use crate::model::{Line, Money, PaymentMethod, TransactionDraft, TransferDraft, TxStatus};
use crate::store::Store;
use crate::store::ledger_bulk::{NewEntry, NewTransaction};
use crate::text::fold_for_match;

/// How many days a bank line may be from the transaction typed by hand that it matches.
pub const MATCH_DAYS: i64 = 5;

/// What an import did (or, in a trial, would do).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LedgerImport {
    pub added: usize,
    pub matched: usize,
    /// (line in the file, label) of the probable duplicates skipped.
    pub duplicates: Vec<(u64, String)>,
}

/// One row of the file, read.
struct Row {
    line: u64,
    date: NaiveDate,
    label: String,
    amount: Money,
    category: Option<String>,
    cells: HashMap<&'static str, String>,
}

fn cell(t: &Table, cells: &[String], aliases: &[&str]) -> String {
    t.column(aliases)
        .and_then(|i| cells.get(i))
        .map(|c| c.trim().to_string())
        .unwrap_or_default()
}

fn parse_day(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%d/%m/%Y")
        .or_else(|_| NaiveDate::parse_from_str(text, "%Y-%m-%d"))
        .ok()
}

fn amount_of(t: &Table, cells: &[String], line: u64) -> Result<Money> {
    let bad = |col: &str, text: &str, e: String| {
        ExchangeError::Invalid(line_error(
            line,
            col,
            &format!("{} ({e})", msg::bad_number(text)),
        ))
    };
    let read = |col: &str| -> Result<Option<Money>> {
        let text = cell(t, cells, &[col]);
        if text.is_empty() {
            return Ok(None);
        }
        Money::parse(&text)
            .map(Some)
            .map_err(|e| bad(col, &text, e.to_string()))
    };
    if t.column(&["montant"]).is_some() {
        return read("montant")?
            .ok_or_else(|| ExchangeError::Invalid(line_error(line, "montant", msg::NO_AMOUNT)));
    }
    match (read("debit")?, read("credit")?) {
        (Some(_), Some(_)) => Err(ExchangeError::Invalid(line_error(
            line,
            "debit",
            msg::DEBIT_AND_CREDIT,
        ))),
        // Banks write debits signed or not: a debit is money out either way.
        (Some(d), None) => Ok(Money(-d.cents().abs())),
        (None, Some(c)) => Ok(c),
        (None, None) => Err(ExchangeError::Invalid(line_error(
            line,
            "montant",
            msg::NO_AMOUNT,
        ))),
    }
}

const OPTIONAL: [&str; 9] = [
    "projet", "tiers", "moyen", "piece", "compte", "ecriture", "statut", "exercice", "quantite",
];

fn read_rows(text: &str) -> Result<(bool, Vec<Row>)> {
    let table = read_table(
        text,
        &[&["date"], &["libelle"]],
        &crate::exchange::transactions::COLUMNS.join(";"),
    )?;
    let treasurer = table.column(&["categorie"]).is_some();
    if table.column(&["montant"]).is_none() && table.column(&["debit", "credit"]).is_none() {
        return Err(ExchangeError::Invalid(msg::NO_AMOUNT.into()));
    }
    let mut rows = Vec::new();
    let mut t = table;
    while let Some(next) = t.next() {
        let (line, cells) = next?;
        let date_text = cell(&t, &cells, &["date"]);
        let date = parse_day(&date_text).ok_or_else(|| {
            ExchangeError::Invalid(line_error(line, "date", &msg::bad_date(&date_text)))
        })?;
        let amount = amount_of(&t, &cells, line)?;
        let category = treasurer
            .then(|| cell(&t, &cells, &["categorie"]))
            .filter(|c| !c.is_empty());
        let mut optional = HashMap::new();
        for name in OPTIONAL {
            optional.insert(name, cell(&t, &cells, &[name]));
        }
        rows.push(Row {
            line,
            date,
            label: cell(&t, &cells, &["libelle"]),
            amount,
            category,
            cells: optional,
        });
    }
    Ok((treasurer, rows))
}

/// Names (folded) and account numbers to ids.
struct Names {
    categories: HashMap<String, i64>,
    kinds: HashMap<i64, crate::model::CategoryKind>,
    projects: HashMap<String, i64>,
    accounts: HashMap<String, i64>,
}

impl Names {
    fn read(store: &Store) -> Result<Names> {
        let mut categories = HashMap::new();
        let mut kinds = HashMap::new();
        for c in store.categories()? {
            kinds.insert(c.id, c.kind);
            categories.insert(fold_for_match(&c.name), c.id);
            categories.insert(c.account, c.id);
        }
        let projects = store
            .projects()?
            .into_iter()
            .map(|p| (fold_for_match(&p.name), p.id))
            .collect();
        let accounts = store
            .money_accounts()?
            .into_iter()
            .map(|a| (a.number, a.id))
            .collect();
        Ok(Names {
            categories,
            kinds,
            projects,
            accounts,
        })
    }

    fn account(&self, text: &str, default: i64, line: u64) -> Result<i64> {
        if text.is_empty() {
            return Ok(default);
        }
        self.accounts.get(text).copied().ok_or_else(|| {
            ExchangeError::Invalid(line_error(line, "compte", &msg::unknown_account(text)))
        })
    }
}

/// Import a transactions file (either shape). `account`: the account number of a bank
/// statement and the default of the treasurer's file (512 without it).
pub fn import_transactions(
    store: &mut Store,
    bytes: &[u8],
    account: Option<&str>,
    keep_duplicates: bool,
    dry_run: bool,
) -> Result<LedgerImport> {
    let text = decode(bytes);
    let (treasurer, rows) = read_rows(&text)?;
    let names = Names::read(store)?;
    let default = names.account(account.unwrap_or("512"), 0, 0)?;
    let (Some(first), Some(last)) = (
        rows.iter().map(|r| r.date).min(),
        rows.iter().map(|r| r.date).max(),
    ) else {
        return Ok(LedgerImport::default());
    };
    let margin = chrono::Days::new(MATCH_DAYS as u64);
    let stored = store.stored_keys(first - margin, last + margin)?;
    let mut out = LedgerImport::default();
    let mut entries = Vec::new();
    let mut matched = Vec::new();
    if treasurer {
        let mut counts: HashMap<(i64, NaiveDate, String, i64), usize> = HashMap::new();
        for s in &stored {
            *counts
                .entry((
                    s.account_id,
                    s.date,
                    fold_for_match(&s.label),
                    s.amount.cents(),
                ))
                .or_default() += 1;
        }
        for (line, label, entry) in treasurer_entries(&rows, &names, default)? {
            let key = match &entry {
                NewEntry::Transaction(t) => (
                    t.draft.account_id,
                    t.draft.date,
                    fold_for_match(&t.draft.label),
                    t.draft.amount.cents(),
                ),
                NewEntry::Transfer(t) => (
                    t.from_account,
                    t.date,
                    fold_for_match(&t.label),
                    -t.amount.cents(),
                ),
            };
            match counts.get_mut(&key) {
                Some(n) if *n > 0 && !keep_duplicates => {
                    *n -= 1;
                    out.duplicates.push((line, label));
                }
                _ => entries.push(entry),
            }
        }
    } else {
        let mut taken = vec![false; stored.len()];
        for r in &rows {
            let found = stored.iter().enumerate().position(|(i, s)| {
                !taken[i]
                    && !s.bank_seen
                    && s.account_id == default
                    && s.amount == r.amount
                    && (s.date - r.date).num_days().abs() <= MATCH_DAYS
            });
            match found {
                Some(i) => {
                    taken[i] = true;
                    matched.push((stored[i].id, stored[i].version));
                }
                None => entries.push(NewEntry::Transaction(NewTransaction {
                    draft: TransactionDraft::new(default, r.date, &r.label, r.amount),
                    counterparty: String::new(),
                })),
            }
        }
    }
    out.added = store
        .apply_ledger_import(&entries, &matched, !treasurer, dry_run)
        .map_err(|e| match e {
            crate::store::StoreError::Field(f) => ExchangeError::Invalid(f.to_string()),
            other => other.into(),
        })?;
    out.matched = matched.len();
    Ok(out)
}

/// The treasurer's rows as entries: rows of one `ecriture` make one split transaction, or a
/// transfer when in `Virement interne`. (first line, label, entry).
fn treasurer_entries(
    rows: &[Row],
    names: &Names,
    default: i64,
) -> Result<Vec<(u64, String, NewEntry)>> {
    let mut groups: Vec<Vec<&Row>> = Vec::new();
    let mut by_ecriture: HashMap<&str, usize> = HashMap::new();
    for r in rows {
        let e = r.cells["ecriture"].as_str();
        match (e.is_empty(), by_ecriture.get(e)) {
            (false, Some(&i)) => groups[i].push(r),
            _ => {
                if !e.is_empty() {
                    by_ecriture.insert(e, groups.len());
                }
                groups.push(vec![r]);
            }
        }
    }
    let transfer_key = fold_for_match(msg::INTERNAL_TRANSFER);
    let mut out = Vec::new();
    for g in groups {
        let head = g[0];
        let is_transfer = g
            .iter()
            .any(|r| r.category.as_deref().map(fold_for_match) == Some(transfer_key.clone()));
        let method = match head.cells["moyen"].as_str() {
            "" => None,
            m => Some(PaymentMethod::parse(m).ok_or_else(|| {
                ExchangeError::Invalid(line_error(head.line, "moyen", &msg::unknown_method(m)))
            })?),
        };
        if is_transfer {
            let accounts: Vec<i64> = g
                .iter()
                .map(|r| names.account(&r.cells["compte"], default, r.line))
                .collect::<Result<_>>()?;
            if g.len() != 2
                || accounts[0] == accounts[1]
                || g[0].amount != -g[1].amount
                || g[0].amount.is_zero()
            {
                return Err(ExchangeError::Invalid(line_error(
                    head.line,
                    "ecriture",
                    msg::TRANSFER_SHAPE,
                )));
            }
            let out_half = if g[0].amount.is_negative() { 0 } else { 1 };
            out.push((
                head.line,
                head.label.clone(),
                NewEntry::Transfer(TransferDraft {
                    from_account: accounts[out_half],
                    to_account: accounts[1 - out_half],
                    date: head.date,
                    label: head.label.clone(),
                    amount: -g[out_half].amount,
                    method,
                    receipt: head.cells["piece"].clone(),
                }),
            ));
            continue;
        }
        let account = names.account(&head.cells["compte"], default, head.line)?;
        let mut lines = Vec::new();
        for r in &g {
            if r.date != head.date || names.account(&r.cells["compte"], default, r.line)? != account
            {
                return Err(ExchangeError::Invalid(line_error(
                    r.line,
                    "ecriture",
                    &msg::split_mixes("libellé"),
                )));
            }
            lines.push(line_of(r, names)?);
        }
        let total = Money::checked_sum(lines.iter().map(|l: &Line| l.amount)).ok_or_else(|| {
            ExchangeError::Invalid(line_error(head.line, "montant", msg::NO_AMOUNT))
        })?;
        let status = match head.cells["statut"].as_str() {
            "" => TxStatus::Realisee,
            s => TxStatus::parse(s).ok_or_else(|| {
                ExchangeError::Invalid(line_error(head.line, "statut", &msg::unknown_status(s)))
            })?,
        };
        let mut draft = TransactionDraft::new(account, head.date, &head.label, total);
        draft.lines = lines;
        draft.method = method;
        draft.status = status;
        draft.receipt = head.cells["piece"].clone();
        out.push((
            head.line,
            head.label.clone(),
            NewEntry::Transaction(NewTransaction {
                draft,
                counterparty: head.cells["tiers"].clone(),
            }),
        ));
    }
    Ok(out)
}

fn line_of(r: &Row, names: &Names) -> Result<Line> {
    let category = match &r.category {
        None => None,
        Some(c) => Some(
            *names
                .categories
                .get(&fold_for_match(c))
                .or_else(|| names.categories.get(c.as_str()))
                .ok_or_else(|| {
                    ExchangeError::Invalid(line_error(
                        r.line,
                        "categorie",
                        &msg::unknown_category(c),
                    ))
                })?,
        ),
    };
    let project = match r.cells["projet"].as_str() {
        "" => None,
        p => Some(*names.projects.get(&fold_for_match(p)).ok_or_else(|| {
            ExchangeError::Invalid(line_error(r.line, "projet", &msg::unknown_project(p)))
        })?),
    };
    let number = |col: &str| -> Result<Option<i64>> {
        match r.cells[col].as_str() {
            "" => Ok(None),
            s => s
                .parse()
                .map(Some)
                .map_err(|_| ExchangeError::Invalid(line_error(r.line, col, &msg::bad_number(s)))),
        }
    };
    let year = number("exercice")?.map_or(r.date.year(), |y| y as i32);
    let mut line = Line::new(category, project, r.amount, year);
    // A spreadsheet has no other way to say it: a sign against the category's kind is a refund.
    line.refund = category
        .and_then(|c| names.kinds.get(&c))
        .is_some_and(|k| !k.fits(r.amount));
    line.quantity = number("quantite")?.and_then(|q| u32::try_from(q).ok());
    Ok(line)
}

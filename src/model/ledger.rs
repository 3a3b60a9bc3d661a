//! The ledger: money accounts, categories (income or expense) and analytic projects, and the
//! transactions on an account split in lines. Amounts are [`Money`] (integer cents): income
//! positive, expense negative; the lines sum to the transaction; a line's sign fits its
//! category's kind unless it is marked a refund; a line without a category is "à ventiler".
//! A transfer between two own accounts is neither income nor expense: two transactions of
//! opposite amounts, one on each account, written together.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::field::{FieldError, line_field, text_field};
use super::money::Money;
use crate::catalogue::ledger as msg;

/// The fields a refusal can name; a form keys its fields with these codes.
pub mod fields {
    use crate::catalogue::ledger as msg;
    use crate::model::field::FieldName;

    pub const DATE: FieldName = FieldName::new("date", msg::FIELD_DATE);
    pub const LABEL: FieldName = FieldName::new("label", msg::FIELD_LABEL);
    pub const AMOUNT: FieldName = FieldName::new("amount", msg::FIELD_AMOUNT);
    pub const ACCOUNT: FieldName = FieldName::new("account", msg::FIELD_ACCOUNT);
    pub const CATEGORY: FieldName = FieldName::new("category", msg::FIELD_CATEGORY);
    pub const PROJECT: FieldName = FieldName::new("project", msg::FIELD_PROJECT);
    pub const LINES: FieldName = FieldName::new("lines", msg::FIELD_LINES);
    pub const COUNTERPARTY: FieldName = FieldName::new("counterparty", msg::FIELD_COUNTERPARTY);
    pub const METHOD: FieldName = FieldName::new("method", msg::FIELD_METHOD);
    pub const RECEIPT: FieldName = FieldName::new("receipt", msg::FIELD_RECEIPT);
    pub const NOTES: FieldName = FieldName::new("notes", msg::FIELD_NOTES);
    pub const YEAR: FieldName = FieldName::new("year", msg::FIELD_YEAR);
    pub const QUANTITY: FieldName = FieldName::new("quantity", msg::FIELD_QUANTITY);
}

/// The longest label, counterparty name or receipt reference.
pub const MAX_LABEL: usize = 200;
pub const MAX_NOTES: usize = 4000;
/// The years a line may be attributed to.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// Whether a category holds income (produits) or expenses (charges).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CategoryKind {
    Income,
    Expense,
}

impl CategoryKind {
    pub fn code(self) -> &'static str {
        match self {
            CategoryKind::Income => "income",
            CategoryKind::Expense => "expense",
        }
    }

    pub fn from_code(code: &str) -> Option<CategoryKind> {
        [CategoryKind::Income, CategoryKind::Expense]
            .into_iter()
            .find(|k| k.code() == code)
    }

    /// Whether `amount` has the sign of this kind (zero fits both).
    pub fn fits(self, amount: Money) -> bool {
        match self {
            CategoryKind::Income => !amount.is_negative(),
            CategoryKind::Expense => !amount.is_positive(),
        }
    }
}

/// A category of the bilan, with its account in the plan comptable associatif. The seeded
/// ones are those of the 2025 annual report's "Bilan financier 2025" (see
/// `store::reference::INCOME` and `EXPENSES`, règlement ANC 2018-06 for the numbers).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    pub id: i64,
    pub name: String,
    pub kind: CategoryKind,
    pub account: String,
    pub position: i64,
}

/// An analytic project (Fonctionnement association, Rencontres nationales, Guide...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Project {
    pub id: i64,
    pub name: String,
    pub position: i64,
}

/// Where money sits: 512 Compte courant, 5121 Livret, 530 Caisse.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MoneyAccount {
    pub id: i64,
    pub number: String,
    pub name: String,
}

/// An account's balance on the first day of a year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpeningBalance {
    pub id: i64,
    pub account_id: i64,
    pub year: i32,
    pub amount: Money,
    pub version: i64,
}

/// Someone money comes from or goes to, optionally a person or a collective of the base (an
/// Adhésions line of a person's counterparty is that person's membership fee).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counterparty {
    pub id: i64,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person_id: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collective_id: Option<i64>,
    pub version: i64,
}

/// How the money moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentMethod {
    Virement,
    Cheque,
    Carte,
    Especes,
    Prelevement,
    EnLigne,
}

impl PaymentMethod {
    pub const ALL: [PaymentMethod; 6] = [
        PaymentMethod::Virement,
        PaymentMethod::Cheque,
        PaymentMethod::Carte,
        PaymentMethod::Especes,
        PaymentMethod::Prelevement,
        PaymentMethod::EnLigne,
    ];

    pub fn code(self) -> &'static str {
        match self {
            PaymentMethod::Virement => "virement",
            PaymentMethod::Cheque => "cheque",
            PaymentMethod::Carte => "carte",
            PaymentMethod::Especes => "especes",
            PaymentMethod::Prelevement => "prelevement",
            PaymentMethod::EnLigne => "en_ligne",
        }
    }

    pub fn label(self) -> &'static str {
        msg::METHOD_LABELS[self as usize]
    }

    /// By code or by label, without case or accents (`Chèque`, `cheque`, `en ligne`).
    pub fn parse(text: &str) -> Option<PaymentMethod> {
        let key = crate::text::fold_for_match(text).replace([' ', '-'], "_");
        PaymentMethod::ALL.into_iter().find(|m| m.code() == key)
    }
}

/// Réalisée (the money moved) or engagée (committed, still to be paid or received).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TxStatus {
    #[default]
    Realisee,
    Engagee,
}

impl TxStatus {
    pub const ALL: [TxStatus; 2] = [TxStatus::Realisee, TxStatus::Engagee];

    pub fn code(self) -> &'static str {
        match self {
            TxStatus::Realisee => "realisee",
            TxStatus::Engagee => "engagee",
        }
    }

    pub fn label(self) -> &'static str {
        msg::STATUS_LABELS[self as usize]
    }

    pub fn parse(text: &str) -> Option<TxStatus> {
        let key = crate::text::fold_for_match(text);
        TxStatus::ALL.into_iter().find(|s| s.code() == key)
    }
}

/// One line of a transaction: its share of the amount, its category (`None`: à ventiler),
/// its project, and the year it counts in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    pub category: Option<i64>,
    pub project: Option<i64>,
    pub amount: Money,
    /// A line whose sign goes against its category's kind on purpose (a refund).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub refund: bool,
    /// The year the line counts in (its transaction's year unless the treasurer says another).
    pub year: i32,
    /// Guides sold or bought, when counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<u32>,
}

/// A transaction as stored, with its lines (journaled together: the lines are part of it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transaction {
    pub id: i64,
    pub account_id: i64,
    pub date: NaiveDate,
    pub label: String,
    pub amount: Money,
    pub counterparty: Option<i64>,
    pub method: Option<PaymentMethod>,
    pub receipt: String,
    pub notes: String,
    pub status: TxStatus,
    /// Seen on a bank statement (matched by an import).
    pub bank_seen: bool,
    /// The other half of a transfer between own accounts.
    pub transfer_of: Option<i64>,
    pub lines: Vec<Line>,
    pub version: i64,
}

impl Transaction {
    pub fn is_transfer(&self) -> bool {
        self.transfer_of.is_some()
    }

    /// The draft that edits it.
    pub fn draft(&self) -> TransactionDraft {
        TransactionDraft {
            account_id: self.account_id,
            date: self.date,
            label: self.label.clone(),
            amount: self.amount,
            counterparty: self.counterparty,
            method: self.method,
            receipt: self.receipt.clone(),
            notes: self.notes.clone(),
            status: self.status,
            lines: self.lines.clone(),
        }
    }
}

/// A transaction as typed or imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransactionDraft {
    pub account_id: i64,
    pub date: NaiveDate,
    pub label: String,
    pub amount: Money,
    pub counterparty: Option<i64>,
    pub method: Option<PaymentMethod>,
    pub receipt: String,
    pub notes: String,
    pub status: TxStatus,
    pub lines: Vec<Line>,
}

impl TransactionDraft {
    /// A transaction of one line à ventiler, counted in the year of its date.
    pub fn new(account_id: i64, date: NaiveDate, label: &str, amount: Money) -> Self {
        TransactionDraft {
            account_id,
            date,
            label: label.into(),
            amount,
            counterparty: None,
            method: None,
            receipt: String::new(),
            notes: String::new(),
            status: TxStatus::Realisee,
            lines: vec![Line::new(None, None, amount, date.year())],
        }
    }

    /// The same with its one line in `category` (and `project`).
    pub fn categorised(mut self, category: Option<i64>, project: Option<i64>) -> Self {
        for l in &mut self.lines {
            l.category = category;
            l.project = project;
        }
        self
    }

    /// What is left to allocate: the amount less the lines (zero when they add up).
    pub fn left_to_allocate(&self) -> Option<Money> {
        let lines = Money::checked_sum(self.lines.iter().map(|l| l.amount))?;
        self.amount.checked_sub(lines)
    }

    /// The draft checked and cleaned; `kind_of` gives a category's kind (`None`: unknown).
    pub fn validated(
        &self,
        kind_of: impl Fn(i64) -> Option<(String, CategoryKind)>,
    ) -> Result<TransactionDraft, FieldError> {
        let label = line_field(fields::LABEL, &self.label, MAX_LABEL)?;
        let receipt = line_field(fields::RECEIPT, &self.receipt, MAX_LABEL)?;
        let notes = text_field(fields::NOTES, &self.notes, MAX_NOTES)?;
        if !YEARS.contains(&self.date.year()) {
            return Err(FieldError::new(fields::DATE, msg::BAD_YEAR));
        }
        if self.amount.is_zero() {
            return Err(FieldError::new(fields::AMOUNT, msg::ZERO_AMOUNT));
        }
        if self.lines.is_empty() {
            return Err(FieldError::new(fields::LINES, msg::NO_LINES));
        }
        for l in &self.lines {
            if !YEARS.contains(&l.year) {
                return Err(FieldError::new(fields::YEAR, msg::BAD_YEAR));
            }
            if let Some(c) = l.category {
                let (name, kind) = kind_of(c)
                    .ok_or_else(|| FieldError::new(fields::CATEGORY, msg::UNKNOWN_CATEGORY))?;
                if !l.refund && !kind.fits(l.amount) {
                    return Err(FieldError::new(
                        fields::CATEGORY,
                        msg::sign_against_kind(&name, kind == CategoryKind::Income),
                    ));
                }
            }
        }
        let total = Money::checked_sum(self.lines.iter().map(|l| l.amount));
        if total != Some(self.amount) {
            return Err(FieldError::new(
                fields::LINES,
                msg::lines_do_not_add_up(
                    &total.unwrap_or_default().to_screen(),
                    &self.amount.to_screen(),
                ),
            ));
        }
        Ok(TransactionDraft {
            label,
            receipt,
            notes,
            ..self.clone()
        })
    }
}

impl Line {
    pub fn new(category: Option<i64>, project: Option<i64>, amount: Money, year: i32) -> Line {
        Line {
            category,
            project,
            amount,
            refund: false,
            year,
            quantity: None,
        }
    }
}

/// Money moved from one own account to another: neither income nor expense.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransferDraft {
    pub from_account: i64,
    pub to_account: i64,
    pub date: NaiveDate,
    pub label: String,
    /// What leaves `from_account` and reaches `to_account`: positive.
    pub amount: Money,
    pub method: Option<PaymentMethod>,
    pub receipt: String,
}

impl TransferDraft {
    pub fn validated(&self) -> Result<TransferDraft, FieldError> {
        if self.from_account == self.to_account {
            return Err(FieldError::new(fields::ACCOUNT, msg::TRANSFER_SAME_ACCOUNT));
        }
        if !self.amount.is_positive() {
            return Err(FieldError::new(fields::AMOUNT, msg::TRANSFER_POSITIVE));
        }
        if !YEARS.contains(&self.date.year()) {
            return Err(FieldError::new(fields::DATE, msg::BAD_YEAR));
        }
        Ok(TransferDraft {
            label: line_field(fields::LABEL, &self.label, MAX_LABEL)?,
            receipt: line_field(fields::RECEIPT, &self.receipt, MAX_LABEL)?,
            ..self.clone()
        })
    }

    /// The two halves: the money leaving, then the money arriving (each one line, no
    /// category: the transfer link says what they are).
    pub fn halves(&self) -> [TransactionDraft; 2] {
        let half = |account_id: i64, amount: Money| TransactionDraft {
            method: self.method,
            receipt: self.receipt.clone(),
            ..TransactionDraft::new(account_id, self.date, &self.label, amount)
        };
        [
            half(self.from_account, -self.amount),
            half(self.to_account, self.amount),
        ]
    }
}

#[cfg(test)]
#[path = "ledger_tests.rs"]
mod tests;

//! Reference data seeded by `init`: the nine circles of the 2025 annual report, the income and
//! expense categories of its "Bilan financier 2025" with their accounts in the plan comptable
//! associatif (règlement ANC 2018-06), the three analytic projects, the three money accounts.

use rusqlite::Connection;

use super::audit::{self, Op};
use super::error::Result;
use super::plain_rows;

/// The circles of the report, in its order; the last is the coordination circle.
pub const CIRCLES: [&str; 9] = [
    "Rencontres nationales",
    "Communication",
    "Échange-entraide",
    "Plaidoyer",
    "Actions locales",
    "Gouvernance",
    "Finances",
    "Outils numériques",
    "Coordination",
];

/// (name, account) of income categories, in the report's order.
pub const INCOME: [(&str, &str); 7] = [
    ("Adhésions", "756"),
    ("Dons", "7541"),
    ("Ventes (guide LMEAV)", "707"),
    ("Billetterie RNAC (+ buvette)", "706"),
    ("Autres", "758"),
    ("Intérêts", "768"),
    ("Subventions", "740"),
];

/// (name, account) of expense categories, in the report's order.
pub const EXPENSES: [(&str, &str); 9] = [
    ("Frais bancaires", "627"),
    ("Prestations de services", "622"),
    ("Salaires", "641"),
    ("Impressions (guide LMEAV)", "607"),
    ("Matériel de communication", "623"),
    ("Outils informatiques", "651"),
    ("Frais de mission", "625"),
    ("Logistique", "613"),
    ("Achats divers", "606"),
];

pub const PROJECTS: [&str; 3] = [
    "Fonctionnement association",
    "Rencontres nationales",
    "Guide La Mairie est à Vous",
];

pub const MONEY_ACCOUNTS: [(&str, &str); 3] = [
    ("512", "Compte courant"),
    ("5121", "Livret"),
    ("530", "Caisse"),
];

pub(crate) fn seed(conn: &Connection, actor: &str) -> Result<()> {
    for (position, name) in CIRCLES.iter().enumerate() {
        let kind = if *name == "Coordination" {
            "coordination"
        } else {
            "work"
        };
        conn.execute(
            "INSERT INTO circles(name, kind, position) VALUES (?1, ?2, ?3)",
            rusqlite::params![name, kind, position as i64],
        )?;
        // The row as the program reads it, so that `check` finds it as journaled.
        let id = conn.last_insert_rowid();
        let circle = super::circles::circle_by_id(conn, id)?
            .ok_or_else(|| super::error::StoreError::NotFound((*name).to_string()))?;
        audit::append(
            conn,
            actor,
            "circles",
            id,
            Op::Insert,
            None,
            Some(serde_json::to_string(&circle)?),
        )?;
    }
    let categories = INCOME
        .iter()
        .map(|c| (c, "income"))
        .chain(EXPENSES.iter().map(|c| (c, "expense")));
    for (position, ((name, account), kind)) in categories.enumerate() {
        conn.execute(
            "INSERT INTO categories(name, kind, account, position) VALUES (?1, ?2, ?3, ?4)",
            rusqlite::params![name, kind, account, position as i64],
        )?;
        plain_rows::journal(conn, actor, "categories", conn.last_insert_rowid(), None)?;
    }
    for (position, name) in PROJECTS.iter().enumerate() {
        conn.execute(
            "INSERT INTO projects(name, position) VALUES (?1, ?2)",
            rusqlite::params![name, position as i64],
        )?;
        plain_rows::journal(conn, actor, "projects", conn.last_insert_rowid(), None)?;
    }
    for (number, name) in MONEY_ACCOUNTS {
        conn.execute(
            "INSERT INTO money_accounts(number, name) VALUES (?1, ?2)",
            (number, name),
        )?;
        plain_rows::journal(
            conn,
            actor,
            "money_accounts",
            conn.last_insert_rowid(),
            None,
        )?;
    }
    Ok(())
}

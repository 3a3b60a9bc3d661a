//! The transactions file, export side: `date;libelle;montant;categorie;projet;tiers;moyen;
//! piece;compte;ecriture;statut;exercice;quantite`, one row per line, so that the export of a
//! year reads back to the same figures. Rows of one split transaction share an `ecriture`; a
//! transfer is one `ecriture` of two rows in `Virement interne`, each on its `compte`.

use std::collections::HashMap;

use chrono::Datelike;
use serde::Serialize;

use super::shared::{Format, Result, cell_out};
use crate::catalogue::ledger as msg;
use crate::store::Store;

/// The columns, in order, as DESIGN.md names them.
pub const COLUMNS: [&str; 13] = [
    "date",
    "libelle",
    "montant",
    "categorie",
    "projet",
    "tiers",
    "moyen",
    "piece",
    "compte",
    "ecriture",
    "statut",
    "exercice",
    "quantite",
];

/// One line as exported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineRecord {
    pub date: String,
    pub libelle: String,
    pub montant_cents: i64,
    pub categorie: String,
    pub projet: String,
    pub tiers: String,
    pub moyen: String,
    pub piece: String,
    pub compte: String,
    pub ecriture: String,
    pub statut: String,
    pub exercice: Option<i32>,
    pub quantite: Option<u32>,
}

/// The lines of the transactions counted in `year`, in date order.
pub fn transaction_records(store: &Store, year: i32) -> Result<Vec<LineRecord>> {
    let categories: HashMap<i64, String> = store
        .categories()?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    let projects: HashMap<i64, String> = store
        .projects()?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    let accounts: HashMap<i64, String> = store
        .money_accounts()?
        .into_iter()
        .map(|a| (a.id, a.number))
        .collect();
    let counterparties: HashMap<i64, String> = store
        .counterparties()?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    let mut out = Vec::new();
    for id in store.transaction_ids_of_year(year)? {
        let Some(t) = store.transaction(id)? else {
            continue;
        };
        let ecriture = match t.transfer_of {
            Some(other) => format!("V{}", t.id.min(other)),
            None if t.lines.len() > 1 => format!("E{}", t.id),
            None => String::new(),
        };
        for l in &t.lines {
            let categorie = if t.is_transfer() {
                msg::INTERNAL_TRANSFER.to_string()
            } else {
                l.category
                    .and_then(|c| categories.get(&c).cloned())
                    .unwrap_or_default()
            };
            out.push(LineRecord {
                date: t.date.format("%Y-%m-%d").to_string(),
                libelle: cell_out(&t.label),
                montant_cents: l.amount.cents(),
                categorie,
                projet: l
                    .project
                    .and_then(|p| projects.get(&p).cloned())
                    .unwrap_or_default(),
                tiers: cell_out(
                    &t.counterparty
                        .and_then(|c| counterparties.get(&c).cloned())
                        .unwrap_or_default(),
                ),
                moyen: t.method.map(|m| m.label().to_string()).unwrap_or_default(),
                piece: cell_out(&t.receipt),
                compte: accounts.get(&t.account_id).cloned().unwrap_or_default(),
                ecriture: ecriture.clone(),
                statut: t.status.label().to_string(),
                exercice: (l.year != t.date.year()).then_some(l.year),
                quantite: l.quantity,
            });
        }
    }
    Ok(out)
}

/// The export of `year` as the file's bytes (CSV or JSON) and how many rows.
pub fn export_transactions(store: &Store, format: Format, year: i32) -> Result<(Vec<u8>, usize)> {
    let records = transaction_records(store, year)?;
    let bytes = match format {
        Format::Json => super::shared::json_bytes(&records)?,
        Format::Csv => {
            let cells: Vec<[String; 3]> = records
                .iter()
                .map(|r| {
                    [
                        crate::model::Money(r.montant_cents).to_csv(),
                        r.exercice.map(|y| y.to_string()).unwrap_or_default(),
                        r.quantite.map(|q| q.to_string()).unwrap_or_default(),
                    ]
                })
                .collect();
            super::shared::csv_bytes_with_numbers(
                &COLUMNS,
                &[2],
                records.iter().zip(&cells).map(|(r, c)| {
                    vec![
                        r.date.as_str(),
                        &r.libelle,
                        &c[0],
                        &r.categorie,
                        &r.projet,
                        &r.tiers,
                        &r.moyen,
                        &r.piece,
                        &r.compte,
                        &r.ecriture,
                        &r.statut,
                        &c[1],
                        &c[2],
                    ]
                }),
            )?
        }
    };
    Ok((bytes, records.len()))
}

//! The events file (export only): `titre;type;debut;fin;lieu;code_insee;statut;participants;
//! membres_collectifs;elu_es;benevoles;ateliers;personnes_ressources;taches_faites;
//! taches_total`, in the list's order. A month-precision date is written `YYYY-MM`, an undated
//! event's dates are empty; a figure not counted is empty (null in JSON). `ateliers` is the
//! count of the event's recorded workshops when it has any, else the figure typed.

use serde::Serialize;

use super::shared::{Format, Result, cell_out};
use crate::model::event::workshop_figure;
use crate::store::Store;
use crate::store::events::EventLine;

/// The columns, in order, as DESIGN.md names them.
pub const COLUMNS: [&str; 15] = [
    "titre",
    "type",
    "debut",
    "fin",
    "lieu",
    "code_insee",
    "statut",
    "participants",
    "membres_collectifs",
    "elu_es",
    "benevoles",
    "ateliers",
    "personnes_ressources",
    "taches_faites",
    "taches_total",
];

/// One event as exported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventRecord {
    pub titre: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub debut: String,
    pub fin: String,
    pub lieu: String,
    pub code_insee: String,
    pub statut: String,
    pub participants: Option<u32>,
    pub membres_collectifs: Option<u32>,
    pub elu_es: Option<u32>,
    pub benevoles: Option<u32>,
    pub ateliers: Option<u32>,
    pub personnes_ressources: Option<u32>,
    pub taches_faites: u32,
    pub taches_total: u32,
}

impl From<&EventLine> for EventRecord {
    fn from(l: &EventLine) -> Self {
        let e = &l.event;
        let f = &e.figures;
        EventRecord {
            titre: cell_out(&e.title),
            kind: e.kind.label().to_owned(),
            debut: e.start.map(|w| w.to_stored()).unwrap_or_default(),
            fin: e.end.map(|w| w.to_stored()).unwrap_or_default(),
            lieu: cell_out(&e.place),
            code_insee: e.commune.clone().unwrap_or_default(),
            statut: e.status.label().to_owned(),
            participants: f.participants,
            membres_collectifs: f.membres_collectifs,
            elu_es: f.elu_es,
            benevoles: f.benevoles,
            ateliers: workshop_figure(f.ateliers, l.workshops),
            personnes_ressources: f.personnes_ressources,
            taches_faites: l.progress.done,
            taches_total: l.progress.total,
        }
    }
}

fn number(n: Option<u32>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

/// The events (of `year`, or all), in the list's order, as the file's bytes (CSV or JSON)
/// and how many rows.
pub fn export_events(store: &Store, format: Format, year: Option<i32>) -> Result<(Vec<u8>, usize)> {
    let records: Vec<EventRecord> = store
        .event_lines()?
        .iter()
        .filter(|l| year.is_none_or(|y| l.event.year == y))
        .map(EventRecord::from)
        .collect();
    let bytes = match format {
        Format::Json => super::shared::json_bytes(&records)?,
        Format::Csv => {
            let numbers: Vec<[String; 8]> = records
                .iter()
                .map(|r| {
                    [
                        number(r.participants),
                        number(r.membres_collectifs),
                        number(r.elu_es),
                        number(r.benevoles),
                        number(r.ateliers),
                        number(r.personnes_ressources),
                        r.taches_faites.to_string(),
                        r.taches_total.to_string(),
                    ]
                })
                .collect();
            super::shared::csv_bytes(
                &COLUMNS,
                records.iter().zip(&numbers).map(|(r, n)| {
                    let mut row = vec![
                        r.titre.as_str(),
                        &r.kind,
                        &r.debut,
                        &r.fin,
                        &r.lieu,
                        &r.code_insee,
                        &r.statut,
                    ];
                    row.extend(n.iter().map(String::as_str));
                    row
                }),
            )?
        }
    };
    Ok((bytes, records.len()))
}

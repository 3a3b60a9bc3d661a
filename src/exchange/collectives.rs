//! The collectives file: `nom;commune;code_insee;type;statut;contact;email;telephone;carto`,
//! `nom` and one of `commune`/`code_insee` required. A commune given by name or postal code
//! resolves to its INSEE code; an ambiguous name or an unknown code is an error naming the line,
//! and nothing is written. Export writes the same columns back; `export map` gives the
//! collectives that consented to appear on the map, with their commune, département and région.

use serde::Serialize;

use super::csv_in::{Table, binary_kind, check_columns, decode, read_table};
use super::shared::{ExchangeError, Format, Result, cell_out};
use crate::catalogue::collectives as cmsg;
use crate::catalogue::exchange as msg;
use crate::geo::{Resolution, communes};
use crate::model::{Collective, CollectiveDraft, CollectiveKind, CollectiveStatus, FollowUp};
use crate::store::Store;
use crate::store::import_collectives::{CollectivesOutcome, NewCollective};

/// The columns, in order, as DESIGN.md names them.
pub const COLUMNS: [&str; 9] = [
    "nom",
    "commune",
    "code_insee",
    "type",
    "statut",
    "contact",
    "email",
    "telephone",
    "carto",
];

/// The columns as messages name them.
const SHOWN: [&str; 9] = [
    "nom",
    "commune",
    "code INSEE",
    "type",
    "statut",
    "contact",
    "e-mail",
    "téléphone",
    "carto",
];

/// Header spellings accepted for each column (compared as `csv_in::header_key`).
const ALIASES: [&[&str]; 9] = [
    &[
        "nom",
        "nomducollectif",
        "collectif",
        "liste",
        "nomdelaliste",
    ],
    &["commune", "ville", "localite", "codepostal", "cp"],
    &["codeinsee", "insee", "codecommune", "cog"],
    &["type", "typedecollectif"],
    &["statut", "status", "etat"],
    &["contact", "personnecontact", "referent", "referente"],
    &["email", "mail", "mel", "courriel", "adresseemail"],
    &["telephone", "tel", "portable", "mobile"],
    &[
        "carto",
        "carte",
        "surlacarte",
        "consentementcarte",
        "cartographie",
    ],
];

fn line_error(line: u64, column: usize, message: impl AsRef<str>) -> ExchangeError {
    ExchangeError::Invalid(msg::line_error(line, SHOWN[column], message.as_ref()))
}

/// `oui`, `x`, `1`, `vrai`, `yes` consent; blank, `non`, `0`, `faux`, `no` do not.
fn consent(cell: &str) -> Option<bool> {
    match crate::model::person::letters_only(cell).as_str() {
        "oui" | "o" | "x" | "1" | "vrai" | "yes" | "y" | "true" => Some(true),
        "" | "non" | "n" | "0" | "faux" | "no" | "false" => Some(false),
        _ => None,
    }
}

/// The INSEE code of a line: its `code_insee` cell (repaired when a spreadsheet stripped its
/// leading zero), else its `commune` cell (a name, a postal code, `49610 Mûrs-Erigné`).
fn commune_of(line: u64, name_cell: &str, code_cell: &str) -> Result<String> {
    let all = communes();
    if !code_cell.is_empty() {
        return all
            .by_code(code_cell)
            .map(|c| c.code().to_owned())
            .ok_or_else(|| {
                line_error(
                    line,
                    2,
                    cmsg::unknown_code(&crate::text::excerpt_for_message(code_cell)),
                )
            });
    }
    let shown = crate::text::excerpt_for_message(name_cell);
    match all.resolve(name_cell) {
        Resolution::Found(c) => Ok(c.code().to_owned()),
        Resolution::Ambiguous(candidates) => Err(line_error(
            line,
            1,
            cmsg::ambiguous_commune(
                &shown,
                &candidates.iter().map(|c| c.label()).collect::<Vec<_>>(),
            ),
        )),
        Resolution::Unknown => Err(line_error(line, 1, cmsg::unknown_commune(&shown))),
    }
}

/// Parse a collectives file into lines to add; the first bad line is an error naming its line
/// and column, and nothing is returned.
pub fn parse_collectives(bytes: &[u8]) -> Result<Vec<NewCollective>> {
    if let Some(kind) = binary_kind(bytes) {
        return Err(ExchangeError::Invalid(msg::not_csv(kind)));
    }
    let text = decode(bytes);
    if text.trim_start().starts_with(['[', '{']) {
        return Err(ExchangeError::Invalid(msg::JSON_NOT_READ.into()));
    }
    let mut table: Table<'_> = read_table(&text, &[ALIASES[0]], &COLUMNS.join(";"))?;
    check_columns(&table, &ALIASES, &COLUMNS)?;
    let index: Vec<Option<usize>> = ALIASES.iter().map(|a| table.column(a)).collect();
    if index[1].is_none() && index[2].is_none() {
        return Err(ExchangeError::Invalid(cmsg::NO_COMMUNE_COLUMN.into()));
    }
    let mut out = Vec::new();
    for row in table.by_ref() {
        let (line, cells) = row?;
        let cell = |col: usize| -> &str {
            index[col]
                .and_then(|i| cells.get(i))
                .map_or("", |s| super::shared::unguard_cell(s.trim()))
        };
        if cell(0).is_empty() {
            return Err(line_error(line, 0, cmsg::NAME_REQUIRED));
        }
        if cell(1).is_empty() && cell(2).is_empty() {
            return Err(line_error(line, 1, cmsg::COMMUNE_REQUIRED));
        }
        let commune = commune_of(line, cell(1), cell(2))?;
        let kind = match cell(3) {
            "" => CollectiveKind::Autre,
            text => CollectiveKind::from_text(text).ok_or_else(|| {
                line_error(
                    line,
                    3,
                    cmsg::bad_kind(&crate::text::excerpt_for_message(text)),
                )
            })?,
        };
        let status = match cell(4) {
            "" => CollectiveStatus::EnReflexion,
            text => CollectiveStatus::from_text(text).ok_or_else(|| {
                line_error(
                    line,
                    4,
                    cmsg::bad_status(&crate::text::excerpt_for_message(text)),
                )
            })?,
        };
        let on_map = consent(cell(8)).ok_or_else(|| {
            line_error(
                line,
                8,
                cmsg::bad_consent(&crate::text::excerpt_for_message(cell(8))),
            )
        })?;
        out.push(NewCollective {
            line,
            draft: CollectiveDraft {
                name: cell(0).to_owned(),
                kind,
                commune,
                status,
                contact: cell(5).to_owned(),
                email: cell(6).to_owned(),
                phone: cell(7).to_owned(),
                on_map,
                website: String::new(),
                notes: String::new(),
            },
            status_since: None,
            follow_up: FollowUp::default(),
        });
    }
    Ok(out)
}

/// Import a collectives file into the store; statuts are dated today.
pub fn import_collectives(
    store: &mut Store,
    bytes: &[u8],
    dry_run: bool,
) -> Result<CollectivesOutcome> {
    let lines = parse_collectives(bytes)?;
    let today = store.today();
    Ok(store.import_collectives(&lines, today, dry_run)?)
}

/// One exported row, keyed by the column names (JSON keeps this order).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CollectiveRecord {
    pub nom: String,
    pub commune: String,
    pub code_insee: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub statut: String,
    pub contact: String,
    pub email: Option<String>,
    pub telephone: Option<String>,
    pub carto: String,
}

fn commune_name(code: &str) -> String {
    communes()
        .by_code(code)
        .map(|c| c.name().to_owned())
        .unwrap_or_default()
}

impl From<&Collective> for CollectiveRecord {
    fn from(c: &Collective) -> Self {
        CollectiveRecord {
            nom: cell_out(&c.name),
            commune: commune_name(&c.commune),
            code_insee: c.commune.clone(),
            kind: c.kind.label().to_owned(),
            statut: c.status.label().to_owned(),
            contact: cell_out(&c.contact),
            email: c.email.as_deref().map(cell_out),
            telephone: c.phone.as_deref().map(cell_out),
            carto: if c.on_map { cmsg::YES } else { cmsg::NO }.to_owned(),
        }
    }
}

/// Every collective, by name, as the file's bytes (CSV or JSON) and how many rows.
pub fn export_collectives(store: &Store, format: Format) -> Result<(Vec<u8>, usize)> {
    let records: Vec<CollectiveRecord> = store
        .collectives()?
        .iter()
        .map(CollectiveRecord::from)
        .collect();
    let bytes = match format {
        Format::Json => super::shared::json_bytes(&records)?,
        Format::Csv => super::shared::csv_bytes(
            &COLUMNS,
            records.iter().map(|r| {
                vec![
                    r.nom.as_str(),
                    &r.commune,
                    &r.code_insee,
                    &r.kind,
                    &r.statut,
                    &r.contact,
                    r.email.as_deref().unwrap_or(""),
                    r.telephone.as_deref().unwrap_or(""),
                    &r.carto,
                ]
            }),
        )?,
    };
    Ok((bytes, records.len()))
}

/// The map's columns: where each consenting collective is, and where it stands.
pub const MAP_COLUMNS: [&str; 8] = [
    "code_insee",
    "commune",
    "departement",
    "region",
    "nom",
    "type",
    "statut",
    "site",
];

/// One point of the map.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MapRecord {
    pub code_insee: String,
    pub commune: String,
    pub departement: String,
    pub region: String,
    pub nom: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub statut: String,
    pub site: String,
}

/// The collectives that consented to appear on the map (no contact details: the map is
/// public).
pub fn export_map(store: &Store, format: Format) -> Result<(Vec<u8>, usize)> {
    let records: Vec<MapRecord> = store
        .collectives()?
        .iter()
        .filter(|c| c.on_map)
        .map(|c| {
            let commune = communes().by_code(&c.commune);
            MapRecord {
                code_insee: c.commune.clone(),
                commune: commune.map(|k| k.name().to_owned()).unwrap_or_default(),
                departement: commune
                    .map(|k| k.departement().name().to_owned())
                    .unwrap_or_default(),
                region: commune
                    .map(|k| k.region().name().to_owned())
                    .unwrap_or_default(),
                nom: cell_out(&c.name),
                kind: c.kind.label().to_owned(),
                statut: c.status.label().to_owned(),
                site: cell_out(&c.website),
            }
        })
        .collect();
    let bytes = match format {
        Format::Json => super::shared::json_bytes(&records)?,
        Format::Csv => super::shared::csv_bytes(
            &MAP_COLUMNS,
            records.iter().map(|r| {
                vec![
                    r.code_insee.as_str(),
                    &r.commune,
                    &r.departement,
                    &r.region,
                    &r.nom,
                    &r.kind,
                    &r.statut,
                    &r.site,
                ]
            }),
        )?,
    };
    Ok((bytes, records.len()))
}

//! The members file: `nom;prenom;email;telephone;commune;type;cercles`, only `nom` required;
//! `cercles` is a `|`-separated list of `Circle` or `Circle:role` (role by default membre
//! actif·ve). Import is all-or-nothing; export writes the same columns back.

use serde::Serialize;

use super::csv_in::{Table, decode, read_table};
use super::{ExchangeError, Result, cell_out};
use crate::catalogue::exchange as msg;
use crate::model::email::parse_email;
use crate::model::phone::parse_phone;
use crate::model::{Circle, CircleKind, CircleRole, PersonDraft, PersonKind};
use crate::store::import_people::{ImportOutcome, NewMember};
use crate::store::people::{PersonFilter, PersonRow};
use crate::store::{Store, StoreError};
use crate::text::fold_for_match;

/// The columns, in order, as DESIGN.md names them.
pub const COLUMNS: [&str; 7] = [
    "nom",
    "prenom",
    "email",
    "telephone",
    "commune",
    "type",
    "cercles",
];

/// Header spellings accepted for each column (compared as `csv_in::header_key`).
const ALIASES: [&[&str]; 7] = [
    &["nom", "nomdefamille", "lastname"],
    &["prenom", "firstname"],
    &["email", "mail", "courriel", "adresseemail", "adressemail"],
    &["telephone", "tel", "portable", "phone"],
    &["commune", "ville"],
    &["type"],
    &["cercles", "cercle"],
];

/// Output formats of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Csv,
    Json,
}

fn line_error(line: u64, column: &str, message: impl AsRef<str>) -> ExchangeError {
    ExchangeError::Invalid(msg::line_error(line, column, message.as_ref()))
}

/// Parse the `cercles` cell: `Finances:co-référent·e|Communication`.
fn parse_roles(cell: &str, circles: &[Circle], line: u64) -> Result<Vec<(i64, CircleRole)>> {
    let mut roles = Vec::new();
    for part in cell.split('|').map(str::trim).filter(|p| !p.is_empty()) {
        let (name, role) = match part.split_once(':') {
            Some((n, r)) => (n.trim(), r.trim()),
            None => (part, ""),
        };
        let shown = crate::text::excerpt_for_message(name);
        let key = fold_for_match(name);
        let circle = circles
            .iter()
            .find(|c| fold_for_match(c.name()) == key)
            .ok_or_else(|| line_error(line, msg::COLUMN_CIRCLES, msg::unknown_circle(&shown)))?;
        if circle.kind == CircleKind::Coordination {
            return Err(line_error(
                line,
                msg::COLUMN_CIRCLES,
                msg::derived_circle(&shown),
            ));
        }
        let role = if role.is_empty() {
            CircleRole::MembreActif
        } else {
            CircleRole::from_label(role).ok_or_else(|| {
                line_error(
                    line,
                    msg::COLUMN_CIRCLES,
                    crate::catalogue::people::bad_role(&crate::text::excerpt_for_message(role)),
                )
            })?
        };
        roles.push((circle.id, role));
    }
    Ok(roles)
}

/// Parse a members file into lines to add; the first bad line is an error naming its line
/// and column, and nothing is returned.
pub fn parse_members(bytes: &[u8], circles: &[Circle]) -> Result<Vec<NewMember>> {
    let text = decode(bytes);
    let table: Table = read_table(&text, &["nom"], &COLUMNS.join(";"))?;
    for (aliases, name) in ALIASES.iter().zip(COLUMNS) {
        if table
            .columns
            .iter()
            .filter(|c| aliases.contains(&c.as_str()))
            .count()
            > 1
        {
            return Err(ExchangeError::Invalid(msg::duplicate_column(name)));
        }
    }
    let index: Vec<Option<usize>> = ALIASES.iter().map(|a| table.column(a)).collect();
    let mut out = Vec::with_capacity(table.rows.len());
    for (line, cells) in &table.rows {
        let line = *line;
        let cell = |col: usize| -> &str {
            index[col]
                .and_then(|i| cells.get(i))
                .map_or("", |s| s.trim())
        };
        if cell(0).is_empty() {
            return Err(line_error(line, COLUMNS[0], msg::EMPTY_NAME));
        }
        parse_email(cell(2)).map_err(|e| line_error(line, COLUMNS[2], e.to_string()))?;
        parse_phone(cell(3)).map_err(|e| line_error(line, COLUMNS[3], e.to_string()))?;
        let kind = if cell(5).is_empty() {
            PersonKind::Benevole
        } else {
            PersonKind::from_label(cell(5)).ok_or_else(|| {
                line_error(
                    line,
                    COLUMNS[5],
                    crate::catalogue::people::bad_kind(&crate::text::excerpt_for_message(cell(5))),
                )
            })?
        };
        let roles = parse_roles(cell(6), circles, line)?;
        out.push(NewMember {
            line,
            draft: PersonDraft {
                last_name: cell(0).to_string(),
                first_name: cell(1).to_string(),
                email: cell(2).to_string(),
                phone: cell(3).to_string(),
                commune: cell(4).to_string(),
                kind,
                ..PersonDraft::default()
            },
            roles,
        });
    }
    Ok(out)
}

/// Import a members file into the store (see [`Store::import_members`]); roles start today.
pub fn import_members(store: &mut Store, bytes: &[u8], dry_run: bool) -> Result<ImportOutcome> {
    let circles = store.circles()?;
    let members = parse_members(bytes, &circles)?;
    let today = store.today();
    Ok(store.import_members(&members, today, dry_run)?)
}

/// One exported row, keyed by the column names (JSON keeps this field order).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MemberRecord {
    pub nom: String,
    pub prenom: String,
    pub email: Option<String>,
    pub telephone: Option<String>,
    pub commune: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub cercles: String,
}

impl From<&PersonRow> for MemberRecord {
    fn from(row: &PersonRow) -> Self {
        let p = &row.person;
        let cercles: Vec<String> = row
            .roles
            .iter()
            .map(|r| format!("{}:{}", r.circle_name, r.role.label()))
            .collect();
        MemberRecord {
            nom: cell_out(&p.last_name),
            prenom: cell_out(&p.first_name),
            email: p.email.as_deref().map(cell_out),
            telephone: p.phone.as_deref().map(cell_out),
            commune: cell_out(&p.commune),
            kind: p.kind.label().to_string(),
            cercles: cell_out(&cercles.join("|")),
        }
    }
}

/// Every person (those who left too: an internal export holds every row), by name, with
/// their current roles. Contacts are blank for a role that may not see them.
pub fn member_records(store: &Store) -> Result<Vec<MemberRecord>> {
    let list = store.people(&PersonFilter {
        include_left: true,
        ..PersonFilter::default()
    })?;
    Ok(list.rows.iter().map(MemberRecord::from).collect())
}

/// The export file's bytes: CSV (`;`, UTF-8 with BOM) or a JSON array.
pub fn export_members(store: &Store, format: Format) -> Result<(Vec<u8>, usize)> {
    let records = member_records(store)?;
    let bytes = match format {
        Format::Json => {
            let mut v = serde_json::to_vec_pretty(&records).map_err(StoreError::from)?;
            v.push(b'\n');
            v
        }
        Format::Csv => {
            let mut out = b"\xEF\xBB\xBF".to_vec();
            let mut w = csv::WriterBuilder::new()
                .delimiter(b';')
                .from_writer(&mut out);
            let io = |e: csv::Error| ExchangeError::Invalid(msg::export_failed(&e.to_string()));
            w.write_record(COLUMNS).map_err(io)?;
            for r in &records {
                let cells = [
                    r.nom.as_str(),
                    &r.prenom,
                    r.email.as_deref().unwrap_or(""),
                    r.telephone.as_deref().unwrap_or(""),
                    &r.commune,
                    &r.kind,
                    &r.cercles,
                ];
                w.write_record(
                    cells
                        .map(super::spreadsheet_cell)
                        .iter()
                        .map(|c| c.as_ref()),
                )
                .map_err(io)?;
            }
            w.flush()
                .map_err(|e| ExchangeError::Invalid(msg::export_failed(&e.to_string())))?;
            drop(w);
            out
        }
    };
    Ok((bytes, records.len()))
}

//! The members file: `nom;prenom;email;telephone;commune;type;cercles`, only `nom` required;
//! `cercles` is a `|`-separated list of `Circle` or `Circle:role` (role by default membre
//! actif·ve); `commune` a name, a postal code or an INSEE code, resolved as a collective's.
//! Import is all-or-nothing; export writes the same columns back, a commune as `CODE Nom`.

use serde::Serialize;

use chrono::NaiveDate;

use super::csv_in::{
    NAMED_IN_A_MESSAGE, Table, binary_kind, check_columns, decode, first_few, header_key,
    read_table,
};
use super::shared::{ExchangeError, Result, cell_out};
use crate::catalogue::exchange as msg;
use crate::model::email::parse_email;
use crate::model::person::letters_only;
use crate::model::phone::parse_phone;
use crate::model::{
    Circle, CircleKind, CircleRole, PersonDraft, PersonKind, format_date, parse_date,
};
use crate::store::Store;
use crate::store::import_people::{ImportOutcome, NewMember};
use crate::store::people::{PersonFilter, PersonRow};

/// The columns, in order: those DESIGN.md names, then `depart`, the day a person left the
/// network (blank for those still there), so that an export imports back with its leavers.
pub const COLUMNS: [&str; 8] = [
    "nom",
    "prenom",
    "email",
    "telephone",
    "commune",
    "type",
    "cercles",
    "depart",
];

/// The columns as messages name them (the same words as the person form's fields).
const SHOWN: [&str; 8] = [
    "nom",
    "prénom",
    "e-mail",
    "téléphone",
    "commune",
    "type",
    "cercles",
    "départ",
];

/// Header spellings accepted for each column (compared as `csv_in::header_key`: lowercase
/// letters and digits only, so `Prénom(s)` is `prenoms` and `E-mail` is `email`).
const ALIASES: [&[&str]; 8] = [
    &["nom", "nomdefamille", "nomdusage", "lastname"],
    &["prenom", "prenoms", "firstname"],
    &[
        "email",
        "mail",
        "mel",
        "courriel",
        "adresseemail",
        "adressemail",
        "adressecourriel",
        "adresseelectronique",
    ],
    &[
        "telephone",
        "tel",
        "portable",
        "mobile",
        "phone",
        "telephoneportable",
        "telephonemobile",
        "telportable",
        "numerodetelephone",
    ],
    &["commune", "ville", "localite"],
    &["type", "statut"],
    &["cercles", "cercle"],
    &["depart", "datededepart", "partile"],
];

pub use super::shared::Format;

fn line_error(line: u64, column: &str, message: impl AsRef<str>) -> ExchangeError {
    ExchangeError::Invalid(msg::line_error(line, column, message.as_ref()))
}

/// Parse the `cercles` cell: `Finances:co-référent·e|Communication`. A line break (Alt+Enter
/// in a spreadsheet cell) separates circles too.
fn parse_roles(cell: &str, circles: &[Circle], line: u64) -> Result<Vec<(i64, CircleRole)>> {
    let mut roles: Vec<(i64, CircleRole)> = Vec::new();
    for part in cell
        .split(['|', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let (name, role) = match part.split_once(':') {
            Some((n, r)) => (n.trim(), r.trim()),
            None => (part, ""),
        };
        let shown = crate::text::excerpt_for_message(name);
        // Letters only: "Echange entraide" is "Échange-entraide".
        let key = letters_only(name);
        let circle = circles
            .iter()
            .find(|c| letters_only(c.name()) == key)
            .ok_or_else(|| {
                let names: Vec<&str> = circles
                    .iter()
                    .filter(|c| c.kind != CircleKind::Coordination && c.closed_on.is_none())
                    .map(Circle::name)
                    .collect();
                line_error(
                    line,
                    msg::COLUMN_CIRCLES,
                    msg::unknown_circle_in(&shown, &names.join(", ")),
                )
            })?;
        if circle.kind == CircleKind::Coordination {
            return Err(line_error(
                line,
                msg::COLUMN_CIRCLES,
                msg::derived_circle(&shown),
            ));
        }
        if roles.iter().any(|(id, _)| *id == circle.id) {
            return Err(line_error(
                line,
                msg::COLUMN_CIRCLES,
                msg::circle_twice(circle.name()),
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

/// A file whose first line is a header of ours without a `nom` column ("Prénom;Email", or
/// "Nom et prénom" in one): said as such rather than "no header found".
fn missing_name_column(text: &str) -> Option<ExchangeError> {
    let first = text.lines().find(|l| !l.trim().is_empty())?;
    let delimiter = [';', '\t', ','].into_iter().find(|d| first.contains(*d))?;
    // Only the first columns: a header of eight million columns is not read to the end.
    let titles: Vec<&str> = first
        .split(delimiter)
        .take(super::csv_in::limits::COLUMNS + 1)
        .map(|c| c.trim().trim_matches('"'))
        .collect();
    let total = first.split(delimiter).count();
    let keys: Vec<String> = titles.iter().map(|t| header_key(t)).collect();
    let ours = keys
        .iter()
        .any(|k| ALIASES.iter().any(|a| a.contains(&k.as_str())));
    // "Nom et prénom", "Nom Prénom": both in one column ("prenom" alone holds "nom").
    let combined = keys
        .iter()
        .any(|k| k.contains("prenom") && k.replacen("prenom", "", 1).contains("nom"));
    (ours || combined).then(|| {
        let found: Vec<String> = titles
            .iter()
            .take(NAMED_IN_A_MESSAGE)
            .map(|t| format!("« {} »", crate::text::excerpt_for_message(t)))
            .collect();
        ExchangeError::Invalid(msg::missing_name_column(&first_few(found, total), combined))
    })
}

/// Parse a members file into lines to add; the first bad line is an error naming its line
/// and column, and nothing is returned.
pub fn parse_members(bytes: &[u8], circles: &[Circle], today: NaiveDate) -> Result<Vec<NewMember>> {
    if let Some(kind) = binary_kind(bytes) {
        return Err(ExchangeError::Invalid(msg::not_csv(kind)));
    }
    let text = decode(bytes);
    if text.trim_start().starts_with(['[', '{']) {
        return Err(ExchangeError::Invalid(msg::JSON_NOT_READ.into()));
    }
    let mut table: Table<'_> = match read_table(&text, &[ALIASES[0]], &COLUMNS.join(";")) {
        Ok(table) => table,
        // No header found: if the first line is one of ours without `nom`, say so.
        Err(e @ ExchangeError::NoHeader(_)) => {
            return Err(missing_name_column(&text).unwrap_or(e));
        }
        Err(e) => return Err(e),
    };
    check_columns(&table, &ALIASES, &COLUMNS)?;
    let index: Vec<Option<usize>> = ALIASES.iter().map(|a| table.column(a)).collect();
    let mut out = Vec::new();
    for row in table.by_ref() {
        let (line, cells) = row?;
        let cell = |col: usize| -> &str {
            index[col]
                .and_then(|i| cells.get(i))
                .map_or("", |s| s.trim())
        };
        if cell(0).is_empty() {
            return Err(line_error(line, SHOWN[0], msg::EMPTY_NAME));
        }
        parse_email(cell(2)).map_err(|e| line_error(line, SHOWN[2], e.to_string()))?;
        parse_phone(cell(3)).map_err(|e| line_error(line, SHOWN[3], e.to_string()))?;
        let kind = if cell(5).is_empty() {
            PersonKind::Benevole
        } else {
            PersonKind::from_label(cell(5)).ok_or_else(|| {
                line_error(
                    line,
                    SHOWN[5],
                    crate::catalogue::people::bad_kind(&crate::text::excerpt_for_message(cell(5))),
                )
            })?
        };
        let roles = parse_roles(cell(6), circles, line)?;
        let left_on = if cell(7).is_empty() {
            None
        } else {
            let on = parse_date(cell(7), today)
                .map_err(|e| line_error(line, SHOWN[7], e.to_string()))?;
            if on > today {
                return Err(line_error(
                    line,
                    SHOWN[7],
                    crate::catalogue::people::in_future(
                        crate::catalogue::people::FIELD_LEFT_ON,
                        &format_date(on),
                        &format_date(today),
                    ),
                ));
            }
            if !roles.is_empty() {
                return Err(line_error(line, SHOWN[6], msg::left_with_circles()));
            }
            Some(on)
        };
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
            left_on,
        });
    }
    Ok(out)
}

/// Import a members file into the store (see [`Store::import_members`]); roles start today.
pub fn import_members(store: &mut Store, bytes: &[u8], dry_run: bool) -> Result<ImportOutcome> {
    let circles = store.circles()?;
    let today = store.today();
    let members = parse_members(bytes, &circles, today)?;
    Ok(store.import_members(&members, today, dry_run)?)
}

/// A commune as the export writes it: `54430 Pompey`, its INSEE code then its name. The code
/// alone could also be another commune's postal code (Réhon's is 54430) and would not import
/// back; the name alone may be several communes'. Empty for none.
pub fn commune_cell(code: &str) -> String {
    crate::geo::communes().by_code(code).map_or_else(
        || cell_out(code),
        |c| cell_out(&format!("{} {}", c.code(), c.name())),
    )
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
    /// The day they left the network, `28/11/2025`; blank for those still there.
    pub depart: String,
}

impl From<PersonRow<'_>> for MemberRecord {
    fn from(row: PersonRow<'_>) -> Self {
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
            // A commune still awaiting review goes out as it was typed.
            commune: if p.commune_awaits_review() {
                cell_out(&p.commune_typed)
            } else {
                commune_cell(&p.commune)
            },
            kind: p.kind.label().to_string(),
            cercles: cell_out(&cercles.join("|")),
            depart: p.left_on.map(format_date).unwrap_or_default(),
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
    Ok(list.rows().map(MemberRecord::from).collect())
}

/// The export file's bytes: CSV (`;`, UTF-8 with BOM) or a JSON array.
pub fn export_members(store: &Store, format: Format) -> Result<(Vec<u8>, usize)> {
    let records = member_records(store)?;
    let bytes = match format {
        Format::Json => super::shared::json_bytes(&records)?,
        Format::Csv => super::shared::csv_bytes(
            &COLUMNS,
            records.iter().map(|r| {
                vec![
                    r.nom.as_str(),
                    &r.prenom,
                    r.email.as_deref().unwrap_or(""),
                    r.telephone.as_deref().unwrap_or(""),
                    &r.commune,
                    &r.kind,
                    &r.cercles,
                    &r.depart,
                ]
            }),
        )?,
    };
    Ok((bytes, records.len()))
}

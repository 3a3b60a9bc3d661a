//! Citizen collectives and lists, their communes and their follow-up.

use super::words::plural;

pub const FIELD_NAME: &str = "nom";
pub const FIELD_KIND: &str = "type";
pub const FIELD_COMMUNE: &str = "commune";
pub const FIELD_STATUS: &str = "statut";
pub const FIELD_CONTACT: &str = "contact";
pub const FIELD_EMAIL: &str = "e-mail";
pub const FIELD_PHONE: &str = "téléphone";
pub const FIELD_WEBSITE: &str = "site web";
pub const FIELD_NOTES: &str = "notes";
pub const FIELD_ON_MAP: &str = "sur la carte";
pub const FIELD_QUESTIONNAIRE: &str = "questionnaire envoyé le";
pub const FIELD_INTERVIEW_ON: &str = "nouvel entretien le";
pub const FIELD_INTERVIEW_BY: &str = "entretien mené par";
pub const FIELD_INTERVIEW_NOTES: &str = "notes d'entretien";
pub const FIELD_LAST_CONTACT: &str = "dernier contact le";

/// In the order of `CollectiveKind::ALL`.
pub const KIND_LABELS: [&str; 5] = [
    "liste citoyenne",
    "collectif d'habitant·es",
    "municipalité participative",
    "élu·es minoritaires",
    "autre",
];
/// Other ways spreadsheets write the kinds, same order.
pub const KIND_ALIASES: [&[&str]; 5] = [
    &["liste", "liste participative"],
    &["collectif", "collectif d'habitants", "collectif citoyen"],
    &["municipalité", "commune participative"],
    &["élus minoritaires", "élu·es d'opposition", "opposition"],
    &[],
];

/// In the order of `CollectiveStatus::ALL`.
pub const STATUS_LABELS: [&str; 6] = [
    "en réflexion",
    "en route pour 2026",
    "liste déposée",
    "élue majoritaire",
    "élue minoritaire",
    "en sommeil",
];
pub const STATUS_ALIASES: [&[&str]; 6] = [
    &["réflexion"],
    &["en route", "en route 2026"],
    &["déposée", "liste déposée 2026"],
    &["majoritaire", "élue", "élu majoritaire", "liste élue"],
    &["minoritaire", "élu minoritaire"],
    &["sommeil", "inactive", "inactif"],
];

pub const NAME_REQUIRED: &str = "le nom du collectif est obligatoire";
pub const COMMUNE_REQUIRED: &str = "la commune est obligatoire (nom, code postal ou code INSEE)";
pub const WEBSITE_INVALID: &str = "une adresse de site s'écrit sans espace, par exemple exemple.fr";
pub const INTERVIEW_BY_REQUIRED: &str = "indiquez qui a mené l'entretien";
pub const ALREADY_THERE: &str = "un collectif de ce nom existe déjà dans cette commune";
pub const THE_COLLECTIVE: &str = "ce collectif";
pub const THE_STATUS_CHANGE: &str = "ce changement de statut";

pub fn unknown_commune(text: &str) -> String {
    format!("commune inconnue : « {text} » (nom, code postal ou code INSEE)")
}

/// A name or a postal code shared by several communes: the candidates, told apart.
pub fn ambiguous_commune(text: &str, candidates: &[String]) -> String {
    const SHOWN: usize = 6;
    let mut list = candidates
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if candidates.len() > SHOWN {
        list.push_str(&format!(" et {} autres", candidates.len() - SHOWN));
    }
    format!(
        "« {text} » désigne plusieurs communes : {list} ; précisez le département ou le code INSEE"
    )
}

pub fn collectives_count(n: usize) -> String {
    plural(n as i64, "collectif", "collectifs")
}

pub fn communes_count(n: usize) -> String {
    plural(n as i64, "commune", "communes")
}

pub const YES: &str = "oui";
pub const NO: &str = "non";
pub const NO_COMMUNE_COLUMN: &str = "il manque la colonne « commune » ou « code_insee » : chaque collectif est rattaché à une commune";

pub fn unknown_code(code: &str) -> String {
    format!("code INSEE inconnu : « {code} » (cinq caractères, par exemple 01004, 2A004, 97101)")
}

pub fn bad_kind(text: &str) -> String {
    format!(
        "type inconnu : « {text} » (attendu : {})",
        KIND_LABELS.join(", ")
    )
}

pub fn bad_status(text: &str) -> String {
    format!(
        "statut inconnu : « {text} » (attendu : {})",
        STATUS_LABELS.join(", ")
    )
}

pub fn bad_consent(text: &str) -> String {
    format!("« {text} » : la colonne carto attend oui ou non")
}

pub fn import_done(added: usize, skipped: usize) -> String {
    format!(
        "{} ; {}",
        plural(added as i64, "collectif ajouté", "collectifs ajoutés"),
        already_there(skipped)
    )
}

pub fn import_dry_run(added: usize, skipped: usize) -> String {
    format!(
        "essai (--dry-run), rien n'a été écrit : {} ; {}",
        plural(
            added as i64,
            "collectif serait ajouté",
            "collectifs seraient ajoutés"
        ),
        already_there(skipped)
    )
}

fn already_there(skipped: usize) -> String {
    plural(
        skipped as i64,
        "déjà présent, laissé de côté",
        "déjà présents, laissés de côté",
    )
}

pub fn would_add(line: u64, name: &str) -> String {
    format!("  ligne {line} : {name} serait ajouté")
}

pub fn skipped_line(line: u64, name: &str) -> String {
    format!("  ligne {line} : {name} est déjà là (même nom, même commune), laissé de côté")
}

pub fn exported(rows: usize, path: &str) -> String {
    format!(
        "{} dans {path}",
        plural(rows as i64, "collectif exporté", "collectifs exportés")
    )
}

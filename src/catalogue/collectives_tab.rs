//! The Collectifs tab: its list, detail, quick filters, counts and forms.

use super::words::plural;

pub const TITLE: &str = "Collectifs";
pub const GROUP: &str = "Collectifs";
pub const GROUP_COUNTS: &str = "Collectifs : décomptes";

pub const ACT_ADD: &str = "ajouter";
pub const ACT_STATUS: &str = "changer le statut";
pub const ACT_FOLLOW_UP: &str = "suivi (entretien, contact)";
pub const ACT_REGION: &str = "filtrer par région";
pub const ACT_DEPARTEMENT: &str = "filtrer par département";
pub const ACT_STATUS_FILTER: &str = "filtrer par statut";
pub const ACT_KIND_FILTER: &str = "filtrer par type";
pub const ACT_DUE: &str = "à contacter seulement";
pub const ACT_COUNTS: &str = "décomptes";
pub const ACT_OPEN_REGION: &str = "voir les départements de la région";

pub const CHIP_REGION: &str = "région";
pub const CHIP_DEPARTEMENT: &str = "département";
pub const CHIP_STATUS: &str = "statut";
pub const CHIP_KIND: &str = "type";
pub const CHIP_DUE: &str = "à contacter";

pub fn chip_on(key: &str, value: &str) -> String {
    format!("{key} {value}")
}

pub fn chip_off(key: &str, what: &str) -> String {
    format!("{key} {what}")
}

/// `230 collectifs · 228 communes`.
pub fn counts(collectives: usize, communes: usize) -> String {
    format!(
        "{} · {}",
        plural(collectives as i64, "collectif", "collectifs"),
        plural(communes as i64, "commune", "communes")
    )
}

/// `12 sur 230`.
pub fn filtered(shown: usize, total: usize) -> String {
    format!(
        "{shown} sur {}",
        plural(total as i64, "collectif", "collectifs")
    )
}

pub const NOTHING_SELECTED: &str = "aucun collectif sélectionné";
pub const NO_COLLECTIVE: &str = "aucun collectif pour l'instant : a pour en ajouter un";
pub const NO_MATCH: &str = "aucun collectif ne correspond aux filtres";

/// Short statut labels for the list, in the order of `CollectiveStatus::ALL`.
pub const STATUS_SHORT: [&str; 6] = [
    "réflexion",
    "en route",
    "déposée",
    "élue maj.",
    "élue min.",
    "sommeil",
];

pub const DUE_MARK: &str = "!";

// --- detail ------------------------------------------------------------------------------------

pub const LABEL_KIND: &str = "Type";
pub const LABEL_STATUS: &str = "Statut";
pub const LABEL_COMMUNE: &str = "Commune";
pub const LABEL_CONTACT: &str = "Contact";
pub const LABEL_MAP: &str = "Sur la carte";
pub const LABEL_WEBSITE: &str = "Site";
pub const SECTION_FOLLOW_UP: &str = "Suivi territorial";
pub const SECTION_HISTORY: &str = "Historique des statuts";
pub const SECTION_NOTES: &str = "Notes";
pub const CONTACTS_HIDDEN: &str = "(coordonnées masquées pour le rôle lecture)";
pub const NONE: &str = "—";

pub fn status_since(label: &str, since: &str) -> String {
    format!("{label} depuis le {since}")
}

pub fn commune_line(name: &str, departement: &str, code: &str, region: &str) -> String {
    format!("{name} ({departement}, {code}) — {region}")
}

pub fn questionnaire_sent(on: &str) -> String {
    format!("questionnaire envoyé le {on}")
}
pub const NO_QUESTIONNAIRE: &str = "questionnaire pas encore envoyé";

pub fn interview(on: &str, by: &str) -> String {
    format!("entretien téléphonique le {on} avec {by}")
}
pub const NO_INTERVIEW: &str = "pas d'entretien téléphonique";

pub fn last_contact(on: &str) -> String {
    format!("dernier contact le {on}")
}

pub fn due(months: u32) -> String {
    format!("à contacter : aucun contact depuis plus de {months} mois")
}
pub const NEVER_CONTACTED: &str = "à contacter : jamais contacté";

pub fn history_line(since: &str, label: &str, by: &str) -> String {
    format!("{since} {label} · {by}")
}

// --- counts ------------------------------------------------------------------------------------

pub const COUNTS_BY_REGION: &str = "Collectifs par région";
pub fn counts_by_departement(region: &str) -> String {
    format!("Par département : {region}")
}
pub const COUNTS_BY_STATUS: &str = "Par statut";
pub fn communes_represented(total: usize, collectives: usize, members: usize) -> String {
    format!("Communes représentées : {total} (collectifs {collectives}, membres {members})")
}
pub const NO_COUNTS: &str = "aucun collectif à compter";

// --- forms -------------------------------------------------------------------------------------

pub const FORM_ADD: &str = "Nouveau collectif";
pub fn form_edit(name: &str) -> String {
    format!("Collectif : {name}")
}
pub fn form_follow_up(name: &str) -> String {
    format!("Suivi : {name}")
}
pub const FOLLOW_UP_HINT: &str = "un nouvel entretien : sa date, qui l'a mené, ce qui s'est dit (le précédent reste dans l'historique du journal)";
pub const COMMUNE_HINT: &str =
    "commune : son nom, son code postal ou son code INSEE ; des propositions s'affichent en tapant";

pub fn added(name: &str) -> String {
    format!("collectif « {name} » ajouté")
}
pub fn saved(name: &str) -> String {
    format!("collectif « {name} » enregistré")
}
pub fn follow_up_saved(name: &str) -> String {
    format!("suivi de « {name} » enregistré")
}
pub fn status_changed(name: &str, label: &str) -> String {
    format!("« {name} » : {label}")
}

pub const CONFLICT_TITLE: &str = "Ce collectif a été modifié ailleurs";
pub const CONFLICT: &str =
    "modifié ailleurs pendant votre saisie : choisissez champ par champ ce qui reste";
pub const GONE: &str = "ce collectif n'existe plus";
pub const CHANGED_ELSEWHERE: &str =
    "ce collectif vient d'être modifié ailleurs : à l'enregistrement, vous verrez leurs valeurs";

pub const PICK_REGION: &str = "Région";
pub const PICK_DEPARTEMENT: &str = "Département";
pub const PICK_STATUS: &str = "Nouveau statut";
pub const ALL_REGIONS: &str = "toutes les régions";
pub const ALL_DEPARTEMENTS: &str = "tous les départements";

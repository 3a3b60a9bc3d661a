//! Strings of the rencontres (events) and their checklists' tasks.

pub const FIELD_TITLE: &str = "titre";
pub const FIELD_KIND: &str = "type";
pub const FIELD_YEAR: &str = "année";
pub const FIELD_START: &str = "début";
pub const FIELD_END: &str = "fin";
pub const FIELD_HOURS: &str = "horaires";
pub const FIELD_PLACE: &str = "lieu";
pub const FIELD_COMMUNE: &str = "commune";
pub const FIELD_CO_ORGANISERS: &str = "co-organisateurs";
pub const FIELD_PARTNERS: &str = "partenaires";
pub const FIELD_DESCRIPTION: &str = "description";
pub const FIELD_STATUS: &str = "statut";
pub const FIELD_PARTICIPANTS: &str = "participants";
pub const FIELD_MEMBRES_COLLECTIFS: &str = "membres de collectifs";
pub const FIELD_ELU_ES: &str = "élu·es";
pub const FIELD_BENEVOLES: &str = "bénévoles";
pub const FIELD_ATELIERS: &str = "ateliers";
pub const FIELD_PERSONNES_RESSOURCES: &str = "personnes ressources";

pub const FIELD_TASK_TITLE: &str = "tâche";
pub const FIELD_OWNER: &str = "responsable";
pub const FIELD_DUE: &str = "échéance";
pub const FIELD_TASK_STATUS: &str = "état";
pub const FIELD_DONE: &str = "fait le";
pub const FIELD_NOTES: &str = "notes";
pub const FIELD_CIRCLE: &str = "cercle";

/// In the order of `EventKind::ALL`; the export's `type` column says the same.
pub const KIND_LABELS: [&str; 6] = [
    "rencontre nationale",
    "rencontre locale",
    "visio Municipales Assistance",
    "séminaire",
    "AG",
    "cercle général",
];

/// In the order of `EventStatus::ALL`.
pub const STATUS_LABELS: [&str; 4] = ["prévue", "confirmée", "réalisée", "annulée"];

/// In the order of `TaskStatus::ALL`.
pub const TASK_STATUS_LABELS: [&str; 4] = ["à faire", "en cours", "fait", "abandonné"];

pub const TITLE_REQUIRED: &str = "donnez un titre à la rencontre";
pub const TASK_TITLE_REQUIRED: &str = "donnez un intitulé à la tâche";
pub const END_BEFORE_START: &str = "la fin ne peut pas être avant le début";
pub const END_WITHOUT_START: &str = "indiquez d'abord la date de début";
pub const NOT_IN_YEAR: &str = "la date doit tomber dans l'année de la rencontre";
pub const YEAR_OUT_OF_RANGE: &str = "l'année doit être entre 2000 et 2100";
pub const FIGURE_TOO_LARGE: &str = "ce nombre paraît trop grand (100 000 au plus)";
pub const DONE_WITHOUT_STATUS: &str = "une date « fait le » ne va qu'avec une tâche faite";
pub const UNKNOWN_TEMPLATE: &str = "aucune liste de tâches type pour ce type de rencontre";
pub const NO_DATE_TO_PLAN: &str =
    "la rencontre n'a pas encore de date précise : les échéances ne peuvent pas être calculées";
pub const UNKNOWN_OWNER: &str = "cette personne est introuvable";
pub const UNKNOWN_EVENT: &str = "cette rencontre est introuvable";
pub const THE_EVENT: &str = "cette rencontre";
pub const THE_TASK: &str = "cette tâche";
pub const NEEDS_RESOURCE_PERSONS: &str =
    "une visio Municipales Assistance demande au moins 2 personnes ressources";

pub fn exported(rows: usize, path: &str) -> String {
    format!(
        "{} dans {path}",
        super::words::plural(rows as i64, "rencontre exportée", "rencontres exportées")
    )
}

//! Circles, working groups, work log and decisions.

pub const THE_CIRCLE: &str = "le cercle";
pub const NAME_REQUIRED: &str = "le nom du cercle est obligatoire";
pub const NAME_SEPARATORS: &str = "nom du cercle : « : » et « | » n'y ont pas leur place (ils séparent cercles et rôles dans le fichier des membres)";
pub fn name_taken(name: &str) -> String {
    format!("un cercle s'appelle déjà « {name} » : choisissez un autre nom")
}
pub fn name_reserved(name: &str) -> String {
    format!(
        "« {name} » : nom réservé au cercle général et au cercle de coordination ; choisissez un autre nom"
    )
}
pub const COORDINATION_STAYS: &str =
    "le cercle de coordination ne se ferme pas : il réunit les co-référent·es de tous les cercles";

pub const STATUS_REALISE: &str = "réalisé";
pub const STATUS_EN_COURS: &str = "en cours";
pub const STATUS_A_VENIR: &str = "à venir";
pub const INSTANCE_AG: &str = "AG";
pub const INSTANCE_CERCLE_GENERAL: &str = "cercle général";
pub const INSTANCE_COORDINATION: &str = "cercle de coordination";

pub const FIELD_TITLE: &str = "titre";
pub const FIELD_DETAILS: &str = "détails";
pub const FIELD_FIGURES: &str = "chiffres";
pub const FIELD_BODY: &str = "texte";
pub const FIELD_GT_PURPOSE: &str = "raison d'être du GT";
pub const FIELD_CIRCLE_NAME: &str = "nom du cercle";
pub const FIELD_PURPOSE: &str = "raison d'être";
pub const FIELD_DECISION_SCOPE: &str = "périmètre de décision";
pub const FIELD_MISSIONS: &str = "missions";
pub const FIELD_SAFE_FRAME: &str = "cadre sécurisant";
pub const FIELD_YEAR: &str = "année";
pub const FIELD_REVIEW_ON: &str = "à revoir le";
pub const FIELD_GT_NAME: &str = "nom du GT";
pub const FIELD_CLOSED_ON: &str = "fermé le";
pub const FIELD_ON_DATE: &str = "date";
pub fn date_not_in_year(date: &str, year: i32) -> String {
    format!(
        "{date} n'est pas en {year}, l'année de cette ligne du suivi : changez l'une ou l'autre"
    )
}
pub const TITLE_REQUIRED: &str = "le titre est obligatoire";
pub const GT_NAME_REQUIRED: &str = "le nom du GT est obligatoire";
pub const REVIEW_BEFORE_DECISION: &str = "la date de révision est avant la date de la décision";
pub fn bad_year(year: i32) -> String {
    format!("{year} n'est pas une année (quatre chiffres, par exemple 2025)")
}
pub const THE_WORKING_GROUP: &str = "le GT";
pub const THE_WORK_ITEM: &str = "l'élément du suivi";
pub const THE_DECISION: &str = "la décision";
// Said of a field (its name comes before it).
pub fn gt_name_taken(name: &str) -> String {
    format!("ce cercle a déjà un GT « {name} »")
}
pub fn closed_before_created(on: &str, created: &str) -> String {
    format!("{on} est avant la création, le {created}")
}
pub const UNKNOWN_CIRCLE: &str = "ce cercle n'existe pas";

//! Strings of the partner organisations, their links to rencontres, and the workshops
//! (ateliers) of a rencontre.

pub const FIELD_NAME: &str = "nom";
pub const FIELD_KIND: &str = "type de partenariat";
pub const FIELD_GARANT_EMPLOYEE: &str = "co-garant·e salarié·e";
pub const FIELD_GARANT_COREF: &str = "co-garant·e co-référent·e";
pub const FIELD_CONTACT: &str = "contact";
pub const FIELD_NOTES: &str = "notes";

pub const FIELD_WORKSHOP_TITLE: &str = "atelier";
pub const FIELD_SLOT: &str = "créneau";
pub const FIELD_ROOM: &str = "salle";
pub const FIELD_FACILITATORS: &str = "animé par";

/// In the order of `PartnerKind::ALL`.
pub const KIND_LABELS: [&str; 6] = [
    "co-organisation",
    "intervention",
    "réseau",
    "financement",
    "média",
    "autre",
];

/// In the order of `PartnerRole::ALL`.
pub const ROLE_LABELS: [&str; 2] = ["co-organisateur", "intervenant"];

pub const NAME_REQUIRED: &str = "donnez le nom de l'organisation partenaire";
pub const WORKSHOP_TITLE_REQUIRED: &str = "donnez un titre à l'atelier";
pub const SAME_GARANT_TWICE: &str = "les deux co-garant·es doivent être deux personnes différentes";
pub const UNKNOWN_GARANT: &str = "cette personne est introuvable";
pub const ALREADY_LINKED: &str = "ce partenaire est déjà lié à cette rencontre dans ce rôle";
pub const THE_PARTNER: &str = "ce partenaire";
pub const THE_LINK: &str = "ce lien entre la rencontre et le partenaire";
pub const THE_WORKSHOP: &str = "cet atelier";
/// A partner lacking one of its two co-garant·es, in the follow-up list.
pub const LACKS_GARANT: &str = "sans co-garant·e";

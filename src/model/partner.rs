//! Partner organisations of the network (the report's "archipel d'organisations intervenantes
//! et partenaires"): their kind of partnership, the two co-garant·es the network assigns to
//! each (an employee and a co-référent·e), and their links to rencontres as co-organisers or
//! speakers.

use serde::{Deserialize, Serialize};

use super::field::{Errors, FieldError, all_errors, first_error, line_field, text_field};
use crate::catalogue::partners as msg;
/// The workshops' field codes, also reachable from here.
pub use crate::model::workshop::fields as workshop_fields;
use crate::text::limits;

/// The fields a partner refusal can name; a form keys its fields with their codes.
pub mod fields {
    use crate::catalogue::partners as msg;
    use crate::model::field::FieldName;

    pub const NAME: FieldName = FieldName::new("name", msg::FIELD_NAME);
    pub const KIND: FieldName = FieldName::new("kind", msg::FIELD_KIND);
    pub const GARANT_EMPLOYEE: FieldName =
        FieldName::new("garant_employee", msg::FIELD_GARANT_EMPLOYEE);
    pub const GARANT_COREF: FieldName = FieldName::new("garant_coref", msg::FIELD_GARANT_COREF);
    pub const CONTACT: FieldName = FieldName::new("contact", msg::FIELD_CONTACT);
    pub const NOTES: FieldName = FieldName::new("notes", msg::FIELD_NOTES);
}

/// The kind of partnership.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartnerKind {
    CoOrganisation,
    Intervention,
    Reseau,
    Financement,
    Media,
    Autre,
}

impl PartnerKind {
    pub const ALL: [PartnerKind; 6] = [
        PartnerKind::CoOrganisation,
        PartnerKind::Intervention,
        PartnerKind::Reseau,
        PartnerKind::Financement,
        PartnerKind::Media,
        PartnerKind::Autre,
    ];

    /// The stable code (database, JSON).
    pub fn code(self) -> &'static str {
        match self {
            PartnerKind::CoOrganisation => "co_organisation",
            PartnerKind::Intervention => "intervention",
            PartnerKind::Reseau => "reseau",
            PartnerKind::Financement => "financement",
            PartnerKind::Media => "media",
            PartnerKind::Autre => "autre",
        }
    }

    pub fn from_code(code: &str) -> Option<PartnerKind> {
        PartnerKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The label on screen.
    pub fn label(self) -> &'static str {
        msg::KIND_LABELS[self as usize]
    }
}

/// A partner organisation as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Partner {
    pub id: i64,
    pub name: String,
    pub kind: PartnerKind,
    /// The person who is its employee co-garant·e.
    pub garant_employee: Option<i64>,
    /// The person who is its co-référent·e co-garant·e.
    pub garant_coref: Option<i64>,
    pub contact: String,
    pub notes: String,
    pub version: i64,
}

impl Partner {
    /// The draft that edits this partner.
    pub fn draft(&self) -> PartnerDraft {
        PartnerDraft {
            name: self.name.clone(),
            kind: self.kind,
            garant_employee: self.garant_employee,
            garant_coref: self.garant_coref,
            contact: self.contact.clone(),
            notes: self.notes.clone(),
        }
    }

    /// Either of its two co-garant·es is missing (the follow-up list shows it).
    pub fn lacks_garant(&self) -> bool {
        self.garant_employee.is_none() || self.garant_coref.is_none()
    }
}

/// A partner as a form edits it. Whether its co-garant·es exist is the store's to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnerDraft {
    pub name: String,
    pub kind: PartnerKind,
    pub garant_employee: Option<i64>,
    pub garant_coref: Option<i64>,
    pub contact: String,
    pub notes: String,
}

impl PartnerDraft {
    /// A new partner of `kind`, without co-garant·e, contact or notes.
    pub fn new(name: &str, kind: PartnerKind) -> PartnerDraft {
        PartnerDraft {
            name: name.to_owned(),
            kind,
            garant_employee: None,
            garant_coref: None,
            contact: String::new(),
            notes: String::new(),
        }
    }

    /// Every error of the draft, each naming its field by its stable code (empty: valid).
    pub fn validate(&self) -> Vec<FieldError> {
        all_errors(self.cleaned())
    }

    /// The draft cleaned, or its first error.
    pub fn validated(&self) -> Result<PartnerDraft, FieldError> {
        first_error(self.cleaned())
    }

    fn cleaned(&self) -> Result<PartnerDraft, Vec<FieldError>> {
        let mut errors = Errors::default();
        let name = errors.keep(line_field(fields::NAME, &self.name, limits::SHORT_TEXT));
        let contact = errors.keep(line_field(
            fields::CONTACT,
            &self.contact,
            limits::SHORT_TEXT,
        ));
        let notes = errors.keep(text_field(fields::NOTES, &self.notes, limits::LONG_TEXT));
        if name.trim().is_empty() && !errors.iter().any(|e| e.field == fields::NAME.code) {
            errors.insert(0, FieldError::new(fields::NAME, msg::NAME_REQUIRED));
        }
        if self.garant_employee.is_some() && self.garant_employee == self.garant_coref {
            errors.push(FieldError::new(
                fields::GARANT_COREF,
                msg::SAME_GARANT_TWICE,
            ));
        }
        errors.or(PartnerDraft {
            name,
            contact,
            notes,
            ..self.clone()
        })
    }
}

/// What a partner does at a rencontre.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartnerRole {
    CoOrganisateur,
    Intervenant,
}

impl PartnerRole {
    pub const ALL: [PartnerRole; 2] = [PartnerRole::CoOrganisateur, PartnerRole::Intervenant];

    pub fn code(self) -> &'static str {
        match self {
            PartnerRole::CoOrganisateur => "co_organisateur",
            PartnerRole::Intervenant => "intervenant",
        }
    }

    pub fn from_code(code: &str) -> Option<PartnerRole> {
        PartnerRole::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label(self) -> &'static str {
        msg::ROLE_LABELS[self as usize]
    }
}

/// A partner's part in a rencontre: one row per (event, partner, role).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventPartner {
    pub id: i64,
    pub event_id: i64,
    pub partner_id: i64,
    pub role: PartnerRole,
    pub version: i64,
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_labels_are_french() {
        for k in PartnerKind::ALL {
            assert_eq!(PartnerKind::from_code(k.code()), Some(k));
        }
        for r in PartnerRole::ALL {
            assert_eq!(PartnerRole::from_code(r.code()), Some(r));
        }
        assert_eq!(PartnerKind::CoOrganisation.label(), "co-organisation");
        assert_eq!(PartnerKind::Reseau.label(), "réseau");
        assert_eq!(PartnerKind::Media.label(), "média");
        assert_eq!(PartnerRole::Intervenant.label(), "intervenant");
        assert_eq!(PartnerKind::from_code("réseau"), None);
        // The JSON of a journaled row says the same codes.
        assert_eq!(
            serde_json::to_string(&PartnerKind::CoOrganisation).unwrap(),
            "\"co_organisation\""
        );
        assert_eq!(
            serde_json::to_string(&PartnerRole::CoOrganisateur).unwrap(),
            "\"co_organisateur\""
        );
    }

    #[test]
    fn a_draft_needs_a_name_and_two_different_garants() {
        let mut d = PartnerDraft::new("  ", PartnerKind::Reseau);
        d.garant_employee = Some(3);
        d.garant_coref = Some(3);
        d.contact = "x".repeat(limits::SHORT_TEXT + 1);
        let codes: Vec<&str> = d.validate().iter().map(|e| e.field).collect();
        assert_eq!(codes, ["name", "contact", "garant_coref"]);
        assert_eq!(d.validated().unwrap_err().field, "name");
        let ok = PartnerDraft {
            name: " Alternatiba ".into(),
            garant_coref: Some(4),
            contact: String::new(),
            ..d
        };
        assert_eq!(ok.validated().unwrap().name, "Alternatiba");
    }

    #[test]
    fn a_partner_lacks_a_garant_until_it_has_both() {
        let mut p = Partner {
            id: 1,
            name: "Communa".into(),
            kind: PartnerKind::Intervention,
            garant_employee: None,
            garant_coref: None,
            contact: String::new(),
            notes: String::new(),
            version: 1,
        };
        assert!(p.lacks_garant());
        p.garant_employee = Some(1);
        assert!(p.lacks_garant());
        p.garant_coref = Some(2);
        assert!(!p.lacks_garant());
        assert_eq!(p.draft().validated().unwrap(), p.draft());
    }
}

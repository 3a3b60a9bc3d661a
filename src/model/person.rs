//! People of the network: volunteers, employees, contractors, elected officials.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::email::parse_email;
use super::field::{FieldError, line_field, text_field};
use super::phone::parse_phone;
use crate::catalogue::people as msg;
use crate::text::{clean_line, fold_for_match, limits};

/// The fields of this record that a refusal can name; a form keys its fields with their codes.
pub mod fields {
    use crate::catalogue::people as msg;
    use crate::model::field::FieldName;

    pub const LAST_NAME: FieldName = FieldName::new("last_name", msg::FIELD_LAST_NAME);
    pub const FIRST_NAME: FieldName = FieldName::new("first_name", msg::FIELD_FIRST_NAME);
    pub const EMAIL: FieldName = FieldName::new("email", msg::FIELD_EMAIL);
    pub const PHONE: FieldName = FieldName::new("phone", msg::FIELD_PHONE);
    pub const COMMUNE: FieldName = FieldName::new("commune", msg::FIELD_COMMUNE);
    pub const NOTES: FieldName = FieldName::new("notes", msg::FIELD_NOTES);
    pub const LEFT_ON: FieldName = FieldName::new("left_on", msg::FIELD_LEFT_ON);
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PersonKind {
    Benevole,
    Salarie,
    Prestataire,
    Elu,
}

impl PersonKind {
    pub const ALL: [PersonKind; 4] = [
        PersonKind::Benevole,
        PersonKind::Salarie,
        PersonKind::Prestataire,
        PersonKind::Elu,
    ];

    /// The database code.
    pub fn code(self) -> &'static str {
        match self {
            PersonKind::Benevole => "benevole",
            PersonKind::Salarie => "salarie",
            PersonKind::Prestataire => "prestataire",
            PersonKind::Elu => "elu",
        }
    }

    pub fn from_code(code: &str) -> Option<PersonKind> {
        PersonKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// What the screen shows.
    pub fn label(self) -> &'static str {
        match self {
            PersonKind::Benevole => msg::KIND_BENEVOLE,
            PersonKind::Salarie => msg::KIND_SALARIE,
            PersonKind::Prestataire => msg::KIND_PRESTATAIRE,
            PersonKind::Elu => msg::KIND_ELU,
        }
    }

    /// A kind as people write it in a spreadsheet: `bénévole`, `Salariée`, `élu·e`, `elu`…
    /// (without case, accents or inclusive-writing marks).
    pub fn from_label(input: &str) -> Option<PersonKind> {
        let key = letters_only(input);
        PersonKind::ALL.into_iter().find(|k| {
            let code = k.code();
            key == code || key == format!("{code}e") || key == format!("{code}s")
        })
    }
}

/// Lowercase ASCII letters and digits of a folded text: `co-référent·e` → `coreferente`.
pub fn letters_only(input: &str) -> String {
    fold_for_match(input)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: i64,
    pub last_name: String,
    pub first_name: String,
    /// `None` when absent, or hidden from a `lecture` user.
    pub email: Option<String>,
    pub phone: Option<String>,
    /// The INSEE code of where they live (`49214`), or empty: unknown, hidden from a
    /// `lecture` user, or awaiting review.
    pub commune: String,
    /// What was typed for the commune when it named none or several (a commune of the time
    /// before communes were resolved): kept until someone picks the right one. Empty
    /// otherwise, and then not journaled, so that rows journaled before it existed still
    /// match their journal.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub commune_typed: String,
    pub kind: PersonKind,
    pub confidentiality_signed_on: Option<NaiveDate>,
    /// Fiche-mission de co-référent·e accepted on.
    pub mission_accepted_on: Option<NaiveDate>,
    pub notes: String,
    /// Left the network on (an end date, never a deletion).
    pub left_on: Option<NaiveDate>,
    pub version: i64,
}

impl Person {
    /// `Prénom Nom`.
    pub fn display_name(&self) -> String {
        msg::display_name(&self.first_name, &self.last_name)
    }

    pub fn has_left(&self, today: NaiveDate) -> bool {
        self.left_on.is_some_and(|d| d <= today)
    }

    /// Whether their commune awaits review: something was typed that named no commune, or
    /// several.
    pub fn commune_awaits_review(&self) -> bool {
        !self.commune_typed.is_empty()
    }

    /// The fields a form edits, filled from this person; the commune is its INSEE code, or
    /// the text awaiting review (a form shows the code as the commune's name).
    pub fn draft(&self) -> PersonDraft {
        let commune = if self.commune_awaits_review() {
            &self.commune_typed
        } else {
            &self.commune
        };
        PersonDraft {
            last_name: self.last_name.clone(),
            first_name: self.first_name.clone(),
            email: self.email.clone().unwrap_or_default(),
            phone: self.phone.clone().unwrap_or_default(),
            commune: commune.clone(),
            kind: self.kind,
            confidentiality_signed_on: self.confidentiality_signed_on,
            mission_accepted_on: self.mission_accepted_on,
            notes: self.notes.clone(),
        }
    }
}

/// What a person form edits. Email and phone are as typed; [`PersonDraft::validated`]
/// checks and normalises them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonDraft {
    pub last_name: String,
    pub first_name: String,
    pub email: String,
    pub phone: String,
    /// A commune's name, postal code or INSEE code, as typed.
    pub commune: String,
    pub kind: PersonKind,
    pub confidentiality_signed_on: Option<NaiveDate>,
    pub mission_accepted_on: Option<NaiveDate>,
    pub notes: String,
}

impl Default for PersonDraft {
    fn default() -> Self {
        PersonDraft {
            last_name: String::new(),
            first_name: String::new(),
            email: String::new(),
            phone: String::new(),
            commune: String::new(),
            kind: PersonKind::Benevole,
            confidentiality_signed_on: None,
            mission_accepted_on: None,
            notes: String::new(),
        }
    }
}

/// A draft that passed validation: cleaned text, normalised email and phone. The commune is
/// as typed (cleaned): the store resolves it to an INSEE code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidPerson {
    pub last_name: String,
    pub first_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub commune: String,
    pub kind: PersonKind,
    pub confidentiality_signed_on: Option<NaiveDate>,
    pub mission_accepted_on: Option<NaiveDate>,
    pub notes: String,
}

impl PersonDraft {
    /// Every field in error at once (last name, e-mail, phone, in the form's order), so that a
    /// form can show them all; empty when `validated` would succeed.
    pub fn field_errors(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        match line_field(fields::LAST_NAME, &self.last_name, limits::NAME) {
            Ok(name) if name.is_empty() => {
                errors.push(FieldError::new(fields::LAST_NAME, msg::LAST_NAME_REQUIRED))
            }
            Ok(_) => {}
            Err(e) => errors.push(e),
        }
        if let Err(e) = line_field(fields::FIRST_NAME, &self.first_name, limits::NAME) {
            errors.push(e);
        }
        if let Err(e) = parse_email(&clean_line(&self.email, limits::EMAIL + 1)) {
            errors.push(FieldError::new(fields::EMAIL, e.to_string()));
        }
        if let Err(e) = parse_phone(&clean_line(&self.phone, limits::PHONE + 1)) {
            errors.push(FieldError::new(fields::PHONE, e.to_string()));
        }
        if let Err(e) = line_field(fields::COMMUNE, &self.commune, limits::SHORT_TEXT) {
            errors.push(e);
        }
        if let Err(e) = text_field(fields::NOTES, &self.notes, limits::LONG_TEXT) {
            errors.push(e);
        }
        errors
    }

    /// Clean every field and check it; the error names the first bad field.
    pub fn validated(&self) -> Result<ValidPerson, FieldError> {
        let last_name = line_field(fields::LAST_NAME, &self.last_name, limits::NAME)?;
        if last_name.is_empty() {
            return Err(FieldError::new(fields::LAST_NAME, msg::LAST_NAME_REQUIRED));
        }
        let email = parse_email(&clean_line(&self.email, limits::EMAIL + 1))
            .map_err(|e| FieldError::new(fields::EMAIL, e.to_string()))?;
        let phone = parse_phone(&clean_line(&self.phone, limits::PHONE + 1))
            .map_err(|e| FieldError::new(fields::PHONE, e.to_string()))?;
        Ok(ValidPerson {
            last_name,
            first_name: line_field(fields::FIRST_NAME, &self.first_name, limits::NAME)?,
            email,
            phone,
            commune: line_field(fields::COMMUNE, &self.commune, limits::SHORT_TEXT)?,
            kind: self.kind,
            confidentiality_signed_on: self.confidentiality_signed_on,
            mission_accepted_on: self.mission_accepted_on,
            notes: text_field(fields::NOTES, &self.notes, limits::LONG_TEXT)?,
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_labels() {
        assert_eq!(
            PersonKind::from_label("Bénévole"),
            Some(PersonKind::Benevole)
        );
        assert_eq!(
            PersonKind::from_label("salarié·e"),
            Some(PersonKind::Salarie)
        );
        assert_eq!(
            PersonKind::from_label("Salariée"),
            Some(PersonKind::Salarie)
        );
        assert_eq!(PersonKind::from_label("élu·e"), Some(PersonKind::Elu));
        assert_eq!(PersonKind::from_label("ELU"), Some(PersonKind::Elu));
        assert_eq!(
            PersonKind::from_label("prestataire"),
            Some(PersonKind::Prestataire)
        );
        assert_eq!(PersonKind::from_label("maire"), None);
        for k in PersonKind::ALL {
            assert_eq!(PersonKind::from_label(k.label()), Some(k));
            assert_eq!(PersonKind::from_code(k.code()), Some(k));
        }
    }

    #[test]
    fn validation_names_the_field() {
        let draft = PersonDraft {
            last_name: "  Lefèvre\u{7} ".into(),
            email: "x@y".into(),
            ..PersonDraft::default()
        };
        let e = draft.validated().unwrap_err();
        assert_eq!(e.field, fields::EMAIL.code);
        assert!(e.to_string().starts_with("e-mail : "), "{e}");
        let ok = PersonDraft {
            email: "a@B.org".into(),
            phone: "0612345678".into(),
            ..draft
        }
        .validated()
        .unwrap();
        assert_eq!(ok.last_name, "Lefèvre");
        assert_eq!(ok.email.as_deref(), Some("a@b.org"));
        assert_eq!(ok.phone.as_deref(), Some("06 12 34 56 78"));
        let empty = PersonDraft::default().validated().unwrap_err();
        assert_eq!(empty.field, fields::LAST_NAME.code);
        let all = PersonDraft {
            email: "x@".into(),
            phone: "12".into(),
            ..PersonDraft::default()
        }
        .field_errors();
        let fields: Vec<_> = all.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [
                fields::LAST_NAME.code,
                fields::EMAIL.code,
                fields::PHONE.code
            ]
        );
    }
}

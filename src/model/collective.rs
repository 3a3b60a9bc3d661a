//! Citizen collectives and lists heading to the municipal elections, each tied to a commune by
//! its INSEE code, with their statut toward 2026 and the network's follow-up of them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::email::parse_email;
use super::field::{FieldError, line_field, text_field};
use super::person::letters_only;
use super::phone::parse_phone;
use crate::catalogue::collectives as msg;
use crate::text::{clean_line, limits};

/// The fields of this record that a refusal can name; a form keys its fields with their codes.
pub mod fields {
    use crate::catalogue::collectives as msg;
    use crate::model::field::FieldName;

    pub const NAME: FieldName = FieldName::new("name", msg::FIELD_NAME);
    pub const KIND: FieldName = FieldName::new("kind", msg::FIELD_KIND);
    pub const COMMUNE: FieldName = FieldName::new("commune", msg::FIELD_COMMUNE);
    pub const STATUS: FieldName = FieldName::new("status", msg::FIELD_STATUS);
    pub const CONTACT: FieldName = FieldName::new("contact", msg::FIELD_CONTACT);
    pub const EMAIL: FieldName = FieldName::new("email", msg::FIELD_EMAIL);
    pub const PHONE: FieldName = FieldName::new("phone", msg::FIELD_PHONE);
    pub const WEBSITE: FieldName = FieldName::new("website", msg::FIELD_WEBSITE);
    pub const NOTES: FieldName = FieldName::new("notes", msg::FIELD_NOTES);
    pub const QUESTIONNAIRE: FieldName =
        FieldName::new("questionnaire_on", msg::FIELD_QUESTIONNAIRE);
    pub const INTERVIEW_ON: FieldName = FieldName::new("interview_on", msg::FIELD_INTERVIEW_ON);
    pub const INTERVIEW_BY: FieldName = FieldName::new("interview_by", msg::FIELD_INTERVIEW_BY);
    pub const INTERVIEW_NOTES: FieldName =
        FieldName::new("interview_notes", msg::FIELD_INTERVIEW_NOTES);
    pub const LAST_CONTACT: FieldName = FieldName::new("last_contact_on", msg::FIELD_LAST_CONTACT);
}

/// What kind of group it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CollectiveKind {
    ListeCitoyenne,
    CollectifHabitants,
    MunicipaliteParticipative,
    ElusMinoritaires,
    Autre,
}

impl CollectiveKind {
    pub const ALL: [CollectiveKind; 5] = [
        CollectiveKind::ListeCitoyenne,
        CollectiveKind::CollectifHabitants,
        CollectiveKind::MunicipaliteParticipative,
        CollectiveKind::ElusMinoritaires,
        CollectiveKind::Autre,
    ];

    pub fn code(self) -> &'static str {
        match self {
            CollectiveKind::ListeCitoyenne => "liste_citoyenne",
            CollectiveKind::CollectifHabitants => "collectif_habitants",
            CollectiveKind::MunicipaliteParticipative => "municipalite_participative",
            CollectiveKind::ElusMinoritaires => "elus_minoritaires",
            CollectiveKind::Autre => "autre",
        }
    }

    pub fn from_code(code: &str) -> Option<CollectiveKind> {
        CollectiveKind::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label(self) -> &'static str {
        msg::KIND_LABELS[self as usize]
    }

    /// A kind as a spreadsheet writes it: its code or its label, without case, accents or
    /// inclusive-writing marks (`Collectif d'habitant·es`, `liste citoyenne`).
    pub fn from_text(input: &str) -> Option<CollectiveKind> {
        let key = letters_only(input);
        CollectiveKind::ALL.into_iter().find(|k| {
            key == letters_only(k.code())
                || key == letters_only(k.label())
                || msg::KIND_ALIASES[*k as usize]
                    .iter()
                    .any(|a| key == letters_only(a))
        })
    }
}

/// Where a collective stands toward the 2026 municipal elections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CollectiveStatus {
    EnReflexion,
    EnRoute,
    ListeDeposee,
    ElueMajoritaire,
    ElueMinoritaire,
    EnSommeil,
}

impl CollectiveStatus {
    pub const ALL: [CollectiveStatus; 6] = [
        CollectiveStatus::EnReflexion,
        CollectiveStatus::EnRoute,
        CollectiveStatus::ListeDeposee,
        CollectiveStatus::ElueMajoritaire,
        CollectiveStatus::ElueMinoritaire,
        CollectiveStatus::EnSommeil,
    ];

    pub fn code(self) -> &'static str {
        match self {
            CollectiveStatus::EnReflexion => "en_reflexion",
            CollectiveStatus::EnRoute => "en_route",
            CollectiveStatus::ListeDeposee => "liste_deposee",
            CollectiveStatus::ElueMajoritaire => "elue_majoritaire",
            CollectiveStatus::ElueMinoritaire => "elue_minoritaire",
            CollectiveStatus::EnSommeil => "en_sommeil",
        }
    }

    pub fn from_code(code: &str) -> Option<CollectiveStatus> {
        CollectiveStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn label(self) -> &'static str {
        msg::STATUS_LABELS[self as usize]
    }

    /// A statut as a spreadsheet writes it: code or label, without case or accents
    /// (`En route pour 2026`, `en_route`, `élue majoritaire`).
    pub fn from_text(input: &str) -> Option<CollectiveStatus> {
        let key = letters_only(input);
        CollectiveStatus::ALL.into_iter().find(|s| {
            key == letters_only(s.code())
                || key == letters_only(s.label())
                || msg::STATUS_ALIASES[*s as usize]
                    .iter()
                    .any(|a| key == letters_only(a))
        })
    }

    /// The next statut in the usual order (the one key that moves a collective on).
    pub fn next(self) -> CollectiveStatus {
        let i = self as usize;
        CollectiveStatus::ALL[(i + 1) % CollectiveStatus::ALL.len()]
    }
}

/// Months without contact after which a collective is to contact, unless `config.toml` says.
pub const FOLLOW_UP_MONTHS_DEFAULT: u32 = 6;

/// The network's follow-up of a collective (the report's "Déploiement territorial").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    /// The questionnaire was sent on.
    pub questionnaire_on: Option<NaiveDate>,
    /// The last phone interview: when, by whom, what was said.
    pub interview_on: Option<NaiveDate>,
    pub interview_by: String,
    pub interview_notes: String,
    /// The last contact of any kind.
    pub last_contact_on: Option<NaiveDate>,
}

impl FollowUp {
    /// The date the network last heard from them: the latest of the contact, the interview
    /// and the questionnaire.
    pub fn last_heard(&self) -> Option<NaiveDate> {
        [
            self.last_contact_on,
            self.interview_on,
            self.questionnaire_on,
        ]
        .into_iter()
        .flatten()
        .max()
    }

    /// Cleaned and checked: no date after today, who led an interview when it has a date.
    pub fn validated(&self, today: NaiveDate) -> Result<FollowUp, FieldError> {
        for (date, field) in [
            (self.questionnaire_on, fields::QUESTIONNAIRE),
            (self.interview_on, fields::INTERVIEW_ON),
            (self.last_contact_on, fields::LAST_CONTACT),
        ] {
            if date.is_some_and(|d| d > today) {
                return Err(FieldError::new(
                    field,
                    crate::catalogue::tui::date_in_future(&super::date::format_date(today)),
                ));
            }
        }
        let by = line_field(fields::INTERVIEW_BY, &self.interview_by, limits::NAME)?;
        if self.interview_on.is_some() && by.is_empty() {
            return Err(FieldError::new(
                fields::INTERVIEW_BY,
                msg::INTERVIEW_BY_REQUIRED,
            ));
        }
        Ok(FollowUp {
            questionnaire_on: self.questionnaire_on,
            interview_on: self.interview_on,
            interview_by: by,
            interview_notes: text_field(
                fields::INTERVIEW_NOTES,
                &self.interview_notes,
                limits::LONG_TEXT,
            )?,
            last_contact_on: self.last_contact_on,
        })
    }

    /// No contact for more than `months` months by `today` (never contacted counts as due).
    pub fn is_due(&self, today: NaiveDate, months: u32) -> bool {
        heard_too_long_ago(self.last_heard(), today, months)
    }
}

/// Never heard from, or last heard more than `months` before `today`.
fn heard_too_long_ago(last_heard: Option<NaiveDate>, today: NaiveDate, months: u32) -> bool {
    match last_heard {
        None => true,
        Some(d) => d
            .checked_add_months(chrono::Months::new(months))
            .is_none_or(|limit| limit < today),
    }
}

/// A collective as the list holds it: what the list shows, sorts and filters by, without the
/// texts of its sheet (a big network's list is tens of thousands of these; the selected one's
/// sheet is read whole).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CollectiveLine {
    pub id: i64,
    pub name: String,
    /// The name folded without case or accents: the list's order, and what its filter matches.
    pub folded_name: String,
    pub kind: CollectiveKind,
    /// The commune's INSEE code.
    pub commune: String,
    pub status: CollectiveStatus,
    /// [`FollowUp::last_heard`].
    pub last_heard: Option<NaiveDate>,
}

impl CollectiveLine {
    /// [`FollowUp::is_due`].
    pub fn is_due(&self, today: NaiveDate, months: u32) -> bool {
        heard_too_long_ago(self.last_heard, today, months)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Collective {
    pub id: i64,
    pub name: String,
    pub kind: CollectiveKind,
    /// The commune's INSEE code (`01004`, `2A004`, `97101`).
    pub commune: String,
    pub status: CollectiveStatus,
    /// Since when it has had its statut.
    pub status_since: NaiveDate,
    /// The contact person, as the collective gives it.
    pub contact: String,
    /// `None` when absent, or hidden from a `lecture` user.
    pub email: Option<String>,
    pub phone: Option<String>,
    /// Agrees to appear on the network's map.
    pub on_map: bool,
    pub website: String,
    pub notes: String,
    pub follow_up: FollowUp,
    pub version: i64,
}

impl Collective {
    pub fn draft(&self) -> CollectiveDraft {
        CollectiveDraft {
            name: self.name.clone(),
            kind: self.kind,
            commune: self.commune.clone(),
            status: self.status,
            contact: self.contact.clone(),
            email: self.email.clone().unwrap_or_default(),
            phone: self.phone.clone().unwrap_or_default(),
            on_map: self.on_map,
            website: self.website.clone(),
            notes: self.notes.clone(),
        }
    }
}

/// What a collective form edits. `commune` is an INSEE code once resolved (the store
/// resolves a name or a postal code with the communes of France before it gets here).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CollectiveDraft {
    pub name: String,
    pub kind: CollectiveKind,
    pub commune: String,
    pub status: CollectiveStatus,
    pub contact: String,
    pub email: String,
    pub phone: String,
    pub on_map: bool,
    pub website: String,
    pub notes: String,
}

impl CollectiveDraft {
    /// Every field in error at once (a form marks them all).
    pub fn errors(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let mut probe = self.clone();
        // Validate again and again, blanking each field found in error, so that every field
        // is checked on its own by the one set of rules below.
        for _ in 0..16 {
            match probe.validated() {
                Ok(_) => break,
                Err(e) => {
                    probe.blank(e.field);
                    errors.push(e);
                }
            }
        }
        errors
    }

    /// Put a valid value in the field `code`, for [`CollectiveDraft::errors`].
    fn blank(&mut self, code: &str) {
        match code {
            "name" => self.name = "x".into(),
            "commune" => self.commune = "x".into(),
            "email" => self.email.clear(),
            "phone" => self.phone.clear(),
            "website" => self.website.clear(),
            "contact" => self.contact.clear(),
            _ => self.notes.clear(),
        }
    }

    /// Clean and check every field; the first field in error is named.
    pub fn validated(&self) -> Result<CollectiveDraft, FieldError> {
        let name = line_field(fields::NAME, &self.name, limits::NAME)?;
        if name.is_empty() {
            return Err(FieldError::new(fields::NAME, msg::NAME_REQUIRED));
        }
        let commune = line_field(fields::COMMUNE, &self.commune, 5)?;
        if commune.is_empty() {
            return Err(FieldError::new(fields::COMMUNE, msg::COMMUNE_REQUIRED));
        }
        let email = parse_email(&clean_line(&self.email, limits::EMAIL + 1))
            .map_err(|e| FieldError::new(fields::EMAIL, e.to_string()))?
            .unwrap_or_default();
        let phone = parse_phone(&clean_line(&self.phone, limits::PHONE + 1))
            .map_err(|e| FieldError::new(fields::PHONE, e.to_string()))?
            .unwrap_or_default();
        let website = line_field(fields::WEBSITE, &self.website, limits::SHORT_TEXT)?;
        if !website.is_empty() && (website.contains(' ') || !website.contains('.')) {
            return Err(FieldError::new(fields::WEBSITE, msg::WEBSITE_INVALID));
        }
        Ok(CollectiveDraft {
            name,
            kind: self.kind,
            commune,
            status: self.status,
            contact: line_field(fields::CONTACT, &self.contact, limits::NAME)?,
            email,
            phone,
            on_map: self.on_map,
            website,
            notes: text_field(fields::NOTES, &self.notes, limits::LONG_TEXT)?,
        })
    }
}

/// A phone interview as logged: when, by whom, what was said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interview {
    pub on: NaiveDate,
    pub by: String,
    pub notes: String,
}

impl Interview {
    pub fn validated(&self, today: NaiveDate) -> Result<Interview, FieldError> {
        if self.on > today {
            return Err(FieldError::new(
                fields::INTERVIEW_ON,
                crate::catalogue::tui::date_in_future(&super::date::format_date(today)),
            ));
        }
        let by = line_field(fields::INTERVIEW_BY, &self.by, limits::NAME)?;
        if by.is_empty() {
            return Err(FieldError::new(
                fields::INTERVIEW_BY,
                msg::INTERVIEW_BY_REQUIRED,
            ));
        }
        Ok(Interview {
            on: self.on,
            by,
            notes: text_field(fields::INTERVIEW_NOTES, &self.notes, limits::LONG_TEXT)?,
        })
    }
}

/// One statut a collective had, from a date (the history is kept).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    pub id: i64,
    pub collective_id: i64,
    pub status: CollectiveStatus,
    pub since: NaiveDate,
    /// The user who recorded it.
    pub by: String,
    pub version: i64,
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn kinds_and_statuts_read_as_spreadsheets_write_them() {
        assert_eq!(
            CollectiveKind::from_text("Collectif d'habitant·es"),
            Some(CollectiveKind::CollectifHabitants)
        );
        assert_eq!(
            CollectiveKind::from_text("LISTE CITOYENNE"),
            Some(CollectiveKind::ListeCitoyenne)
        );
        assert_eq!(
            CollectiveStatus::from_text("En route pour 2026"),
            Some(CollectiveStatus::EnRoute)
        );
        assert_eq!(
            CollectiveStatus::from_text("élue majoritaire"),
            Some(CollectiveStatus::ElueMajoritaire)
        );
        assert_eq!(
            CollectiveStatus::from_text("en_sommeil"),
            Some(CollectiveStatus::EnSommeil)
        );
        assert_eq!(CollectiveStatus::from_text("perdue"), None);
        for k in CollectiveKind::ALL {
            assert_eq!(CollectiveKind::from_code(k.code()), Some(k));
            assert_eq!(CollectiveKind::from_text(k.label()), Some(k));
        }
        for s in CollectiveStatus::ALL {
            assert_eq!(CollectiveStatus::from_code(s.code()), Some(s));
            assert_eq!(CollectiveStatus::from_text(s.label()), Some(s));
        }
    }

    #[test]
    fn follow_up_is_due_after_the_delay_or_when_never_contacted() {
        let today = day(2025, 11, 15);
        let mut f = FollowUp::default();
        assert!(f.is_due(today, 6));
        f.questionnaire_on = Some(day(2025, 5, 14));
        assert!(f.is_due(today, 6), "six months and a day");
        f.interview_on = Some(day(2025, 5, 15));
        assert!(!f.is_due(today, 6), "exactly six months is not yet due");
        f.last_contact_on = Some(day(2025, 10, 1));
        assert_eq!(f.last_heard(), Some(day(2025, 10, 1)));
        assert!(!f.is_due(today, 2));
        assert!(!f.is_due(day(2025, 11, 1), 1), "one month to the day");
        assert!(f.is_due(day(2025, 11, 2), 1));
    }

    #[test]
    fn a_draft_names_its_first_bad_field() {
        let good = CollectiveDraft {
            name: " Collectif de Test ".into(),
            kind: CollectiveKind::ListeCitoyenne,
            commune: "49092".into(),
            status: CollectiveStatus::EnRoute,
            contact: String::new(),
            email: String::new(),
            phone: String::new(),
            on_map: true,
            website: "exemple.fr".into(),
            notes: String::new(),
        };
        assert_eq!(good.validated().unwrap().name, "Collectif de Test");
        let mut bad = good.clone();
        bad.name = "  ".into();
        assert_eq!(bad.validated().unwrap_err().field, "name");
        let mut bad = good.clone();
        bad.email = "pas une adresse".into();
        assert_eq!(bad.validated().unwrap_err().field, "email");
        let mut bad = good.clone();
        bad.website = "mon site".into();
        assert_eq!(bad.validated().unwrap_err().field, "website");
        let mut bad = good;
        bad.commune = String::new();
        assert_eq!(bad.validated().unwrap_err().field, "commune");
        bad.name.clear();
        bad.email = "@".into();
        let all: Vec<_> = bad.errors().iter().map(|e| e.field).collect();
        assert_eq!(all, ["name", "commune", "email"]);
    }

    #[test]
    fn an_interview_needs_who_and_no_future_date() {
        let today = day(2025, 11, 15);
        let i = Interview {
            on: day(2025, 11, 16),
            by: "Élise".into(),
            notes: String::new(),
        };
        assert_eq!(i.validated(today).unwrap_err().field, "interview_on");
        let i = Interview {
            on: today,
            by: " ".into(),
            notes: String::new(),
        };
        assert_eq!(i.validated(today).unwrap_err().field, "interview_by");
    }
}

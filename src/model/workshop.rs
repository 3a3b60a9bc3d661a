//! Workshops (ateliers) of a rencontre: a title, a slot and a room as people write them, and
//! who facilitates it (people or partner organisations, free text). Their count feeds the
//! event's figures (see [`crate::model::event::workshop_figure`]).

use serde::{Deserialize, Serialize};

use super::field::{Errors, FieldError, all_errors, first_error, line_field, text_field};
use crate::catalogue::partners as msg;
use crate::text::limits;

/// The fields a workshop refusal can name; a form keys its fields with their codes.
pub mod fields {
    use crate::catalogue::partners as msg;
    use crate::model::field::FieldName;

    pub const TITLE: FieldName = FieldName::new("title", msg::FIELD_WORKSHOP_TITLE);
    pub const SLOT: FieldName = FieldName::new("slot", msg::FIELD_SLOT);
    pub const ROOM: FieldName = FieldName::new("room", msg::FIELD_ROOM);
    pub const FACILITATORS: FieldName = FieldName::new("facilitators", msg::FIELD_FACILITATORS);
}

/// A workshop as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workshop {
    pub id: i64,
    pub event_id: i64,
    pub title: String,
    /// When, as people write it (`samedi 10h–12h`), free text.
    pub slot: String,
    pub room: String,
    /// Names of people or partner organisations, free text.
    pub facilitators: String,
    pub version: i64,
}

impl Workshop {
    /// The draft that edits this workshop.
    pub fn draft(&self) -> WorkshopDraft {
        WorkshopDraft {
            title: self.title.clone(),
            slot: self.slot.clone(),
            room: self.room.clone(),
            facilitators: self.facilitators.clone(),
        }
    }
}

/// A workshop as a form edits it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkshopDraft {
    pub title: String,
    pub slot: String,
    pub room: String,
    pub facilitators: String,
}

impl WorkshopDraft {
    /// A workshop with only its title.
    pub fn new(title: &str) -> WorkshopDraft {
        WorkshopDraft {
            title: title.to_owned(),
            slot: String::new(),
            room: String::new(),
            facilitators: String::new(),
        }
    }

    /// Every error of the draft (empty: valid).
    pub fn validate(&self) -> Vec<FieldError> {
        all_errors(self.cleaned())
    }

    /// The draft cleaned, or its first error.
    pub fn validated(&self) -> Result<WorkshopDraft, FieldError> {
        first_error(self.cleaned())
    }

    fn cleaned(&self) -> Result<WorkshopDraft, Vec<FieldError>> {
        let mut errors = Errors::default();
        let title = errors.keep(line_field(fields::TITLE, &self.title, limits::SHORT_TEXT));
        let slot = errors.keep(line_field(fields::SLOT, &self.slot, limits::NAME));
        let room = errors.keep(line_field(fields::ROOM, &self.room, limits::SHORT_TEXT));
        let facilitators = errors.keep(text_field(
            fields::FACILITATORS,
            &self.facilitators,
            limits::LONG_TEXT,
        ));
        if title.trim().is_empty() && !errors.iter().any(|e| e.field == fields::TITLE.code) {
            errors.insert(
                0,
                FieldError::new(fields::TITLE, msg::WORKSHOP_TITLE_REQUIRED),
            );
        }
        errors.or(WorkshopDraft {
            title,
            slot,
            room,
            facilitators,
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_workshop_needs_a_title_and_fits_its_limits() {
        let mut d = WorkshopDraft::new(" ");
        d.slot = "s".repeat(limits::NAME + 1);
        let codes: Vec<&str> = d.validate().iter().map(|e| e.field).collect();
        assert_eq!(codes, ["title", "slot"]);
        let ok = WorkshopDraft {
            title: " Villes refuges ".into(),
            slot: "samedi 10h–12h".into(),
            room: "Amphi A".into(),
            facilitators: "l'Anvita".into(),
        };
        assert_eq!(ok.validated().unwrap().title, "Villes refuges");
        assert!(ok.validate().is_empty());
    }
}

//! Circles and their identity sheets.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::field::{FieldError, line_field, text_field};
use crate::text::limits;

/// The fields of this record that a refusal can name; a form keys its fields with their codes.
pub mod fields {
    use crate::catalogue::circles as msg;
    use crate::model::field::FieldName;

    pub const CIRCLE_NAME: FieldName = FieldName::new("name", msg::FIELD_CIRCLE_NAME);
    pub const PURPOSE: FieldName = FieldName::new("purpose", msg::FIELD_PURPOSE);
    pub const DECISION_SCOPE: FieldName =
        FieldName::new("decision_scope", msg::FIELD_DECISION_SCOPE);
    pub const MISSIONS: FieldName = FieldName::new("missions", msg::FIELD_MISSIONS);
    /// A circle's or a GT's closing date.
    pub const CLOSED_ON: FieldName = FieldName::new("closed_on", msg::FIELD_CLOSED_ON);
    pub const SAFE_FRAME: FieldName = FieldName::new("safe_frame", msg::FIELD_SAFE_FRAME);
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CircleKind {
    /// A working circle.
    Work,
    /// The cercle de coordination: its own sheet and work log, members derived from the
    /// current co-référent·es of every circle.
    Coordination,
}

impl CircleKind {
    pub fn code(self) -> &'static str {
        match self {
            CircleKind::Work => "work",
            CircleKind::Coordination => "coordination",
        }
    }
    pub fn from_code(code: &str) -> CircleKind {
        if code == "coordination" {
            CircleKind::Coordination
        } else {
            CircleKind::Work
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Circle {
    pub id: i64,
    pub kind: CircleKind,
    pub sheet: CircleSheet,
    pub created_on: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
    pub position: i64,
    pub version: i64,
}

impl Circle {
    pub fn name(&self) -> &str {
        &self.sheet.name
    }
    pub fn is_open_on(&self, day: NaiveDate) -> bool {
        self.closed_on.is_none_or(|c| c > day)
    }
}

/// The identity sheet: what a co-référent·e edits.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CircleSheet {
    pub name: String,
    /// raison d'être
    pub purpose: String,
    /// périmètre de décision
    pub decision_scope: String,
    pub missions: String,
    /// cadre sécurisant
    pub safe_frame: String,
}

impl CircleSheet {
    /// Clean every field (NFC, no control or bidi characters); a field over its length limit
    /// is an error naming it, never a silent cut.
    pub fn validated(&self) -> Result<CircleSheet, FieldError> {
        Ok(CircleSheet {
            name: line_field(fields::CIRCLE_NAME, &self.name, limits::NAME)?,
            purpose: text_field(fields::PURPOSE, &self.purpose, limits::LONG_TEXT)?,
            decision_scope: text_field(
                fields::DECISION_SCOPE,
                &self.decision_scope,
                limits::LONG_TEXT,
            )?,
            missions: text_field(fields::MISSIONS, &self.missions, limits::LONG_TEXT)?,
            safe_frame: text_field(fields::SAFE_FRAME, &self.safe_frame, limits::LONG_TEXT)?,
        })
    }
}

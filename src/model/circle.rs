//! Circles and their identity sheets.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::field::{FieldError, line_field, text_field};
use crate::catalogue::circles as msg;
use crate::text::limits;

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
            name: line_field(msg::FIELD_CIRCLE_NAME, &self.name, limits::NAME)?,
            purpose: text_field(msg::FIELD_PURPOSE, &self.purpose, limits::LONG_TEXT)?,
            decision_scope: text_field(
                msg::FIELD_DECISION_SCOPE,
                &self.decision_scope,
                limits::LONG_TEXT,
            )?,
            missions: text_field(msg::FIELD_MISSIONS, &self.missions, limits::LONG_TEXT)?,
            safe_frame: text_field(msg::FIELD_SAFE_FRAME, &self.safe_frame, limits::LONG_TEXT)?,
        })
    }
}

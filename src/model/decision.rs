//! Decisions of the network's instances, with an optional date to review them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::field::{FieldError, line_field, text_field};
use crate::catalogue::circles as msg;
use crate::text::limits;

/// The fields of this record that a refusal can name; a form keys its fields with their codes.
pub mod fields {
    use crate::catalogue::circles as msg;
    use crate::model::field::FieldName;

    pub const TITLE: FieldName = FieldName::new("title", msg::FIELD_TITLE);
    pub const REVIEW_ON: FieldName = FieldName::new("review_on", msg::FIELD_REVIEW_ON);
    pub const BODY: FieldName = FieldName::new("body", msg::FIELD_BODY);
}

/// The body that decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Instance {
    /// Assemblée générale.
    Ag,
    CercleGeneral,
    /// The cercle de coordination.
    Coordination,
    /// A working circle, by id.
    Cercle(i64),
}

impl Instance {
    /// The database code; a circle's id is stored beside it.
    pub fn code(self) -> &'static str {
        match self {
            Instance::Ag => "ag",
            Instance::CercleGeneral => "cercle_general",
            Instance::Coordination => "coordination",
            Instance::Cercle(_) => "cercle",
        }
    }

    pub fn from_code(code: &str, circle_id: Option<i64>) -> Option<Instance> {
        match (code, circle_id) {
            ("ag", _) => Some(Instance::Ag),
            ("cercle_general", _) => Some(Instance::CercleGeneral),
            ("coordination", _) => Some(Instance::Coordination),
            ("cercle", Some(id)) => Some(Instance::Cercle(id)),
            _ => None,
        }
    }

    pub fn circle_id(self) -> Option<i64> {
        match self {
            Instance::Cercle(id) => Some(id),
            _ => None,
        }
    }

    /// The label of the instances that are not a working circle (a circle shows its name).
    pub fn label(self) -> Option<&'static str> {
        match self {
            Instance::Ag => Some(msg::INSTANCE_AG),
            Instance::CercleGeneral => Some(msg::INSTANCE_CERCLE_GENERAL),
            Instance::Coordination => Some(msg::INSTANCE_COORDINATION),
            Instance::Cercle(_) => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub id: i64,
    pub instance: Instance,
    pub decided_on: NaiveDate,
    pub title: String,
    pub body: String,
    /// To be reviewed by this date.
    pub review_on: Option<NaiveDate>,
    pub version: i64,
}

impl Decision {
    /// Its review date has come (by the Clock's `today`).
    pub fn is_review_due(&self, today: NaiveDate) -> bool {
        self.review_on.is_some_and(|r| r <= today)
    }

    pub fn draft(&self) -> DecisionDraft {
        DecisionDraft {
            instance: self.instance,
            decided_on: self.decided_on,
            title: self.title.clone(),
            body: self.body.clone(),
            review_on: self.review_on,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionDraft {
    pub instance: Instance,
    pub decided_on: NaiveDate,
    pub title: String,
    pub body: String,
    pub review_on: Option<NaiveDate>,
}

impl DecisionDraft {
    pub fn validated(&self) -> Result<DecisionDraft, FieldError> {
        let title = line_field(fields::TITLE, &self.title, limits::SHORT_TEXT)?;
        if title.is_empty() {
            return Err(FieldError::new(fields::TITLE, msg::TITLE_REQUIRED));
        }
        if self.review_on.is_some_and(|r| r < self.decided_on) {
            return Err(FieldError::new(
                fields::REVIEW_ON,
                msg::REVIEW_BEFORE_DECISION,
            ));
        }
        Ok(DecisionDraft {
            instance: self.instance,
            decided_on: self.decided_on,
            title,
            body: text_field(fields::BODY, &self.body, limits::LONG_TEXT)?,
            review_on: self.review_on,
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, m, day).unwrap()
    }

    #[test]
    fn review_due_on_and_after_its_date() {
        let dec = Decision {
            id: 1,
            instance: Instance::Ag,
            decided_on: d(1, 1),
            title: "t".into(),
            body: String::new(),
            review_on: Some(d(11, 15)),
            version: 1,
        };
        assert!(!dec.is_review_due(d(11, 14)));
        assert!(dec.is_review_due(d(11, 15)));
        assert!(dec.is_review_due(d(11, 20)));
        assert!(
            !Decision {
                review_on: None,
                ..dec
            }
            .is_review_due(d(12, 1))
        );
    }

    #[test]
    fn review_cannot_precede_the_decision() {
        let draft = DecisionDraft {
            instance: Instance::Cercle(3),
            decided_on: d(5, 1),
            title: "Partenariats".into(),
            body: String::new(),
            review_on: Some(d(4, 1)),
        };
        assert_eq!(draft.validated().unwrap_err().field, fields::REVIEW_ON.code);
        assert_eq!(
            Instance::from_code("cercle", Some(3)),
            Some(Instance::Cercle(3))
        );
        assert_eq!(Instance::from_code("cercle", None), None);
    }
}

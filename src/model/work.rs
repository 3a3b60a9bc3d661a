//! What circles do: working groups (GT) and the work log (réalisé / en cours / à venir) the
//! annual report is built from.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::date::{MAX_YEAR, MIN_YEAR};
use super::field::{FieldError, line_field, text_field};
use super::when::When;
use crate::catalogue::circles as msg;
use crate::text::limits;

/// The fields of this record that a refusal can name; a form keys its fields with their codes.
pub mod fields {
    use crate::catalogue::circles as msg;
    use crate::model::field::FieldName;

    pub const TITLE: FieldName = FieldName::new("title", msg::FIELD_TITLE);
    pub const ON_DATE: FieldName = FieldName::new("on_date", msg::FIELD_ON_DATE);
    pub const DETAILS: FieldName = FieldName::new("details", msg::FIELD_DETAILS);
    pub const FIGURES: FieldName = FieldName::new("figures", msg::FIELD_FIGURES);
    pub const YEAR: FieldName = FieldName::new("year", msg::FIELD_YEAR);
    pub const GT_NAME: FieldName = FieldName::new("gt_name", msg::FIELD_GT_NAME);
    pub const GT_PURPOSE: FieldName = FieldName::new("gt_purpose", msg::FIELD_GT_PURPOSE);
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkStatus {
    Realise,
    EnCours,
    AVenir,
}

impl WorkStatus {
    /// In the report's order.
    pub const ALL: [WorkStatus; 3] = [WorkStatus::Realise, WorkStatus::EnCours, WorkStatus::AVenir];

    pub fn code(self) -> &'static str {
        match self {
            WorkStatus::Realise => "realise",
            WorkStatus::EnCours => "en_cours",
            WorkStatus::AVenir => "a_venir",
        }
    }

    pub fn from_code(code: &str) -> Option<WorkStatus> {
        WorkStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            WorkStatus::Realise => msg::STATUS_REALISE,
            WorkStatus::EnCours => msg::STATUS_EN_COURS,
            WorkStatus::AVenir => msg::STATUS_A_VENIR,
        }
    }

    /// The status one key press moves to: à venir → en cours → réalisé → à venir. Work moves
    /// forward; after réalisé the cycle comes back so one key is enough to fix a slip.
    pub fn next(self) -> WorkStatus {
        match self {
            WorkStatus::AVenir => WorkStatus::EnCours,
            WorkStatus::EnCours => WorkStatus::Realise,
            WorkStatus::Realise => WorkStatus::AVenir,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkItem {
    pub id: i64,
    pub circle_id: i64,
    pub year: i32,
    pub status: WorkStatus,
    /// A day, or the month the report gives (`avril 2025`); always in `year`.
    pub on_date: Option<When>,
    pub title: String,
    pub details: String,
    /// Figures as the report prints them ("450 participant·es").
    pub figures: String,
    /// Order inside its circle, year and status.
    pub position: i64,
    pub version: i64,
}

impl WorkItem {
    pub fn draft(&self) -> WorkItemDraft {
        WorkItemDraft {
            year: self.year,
            status: self.status,
            on_date: self.on_date,
            title: self.title.clone(),
            details: self.details.clone(),
            figures: self.figures.clone(),
        }
    }
}

/// A work item carried to another year, and what became of its date: a date always belongs
/// to its item's year, so the old one is taken off (the journal keeps it), and the date the
/// item last had in the new year, when it was there before, comes back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CarriedWork {
    pub item: WorkItem,
    /// The date taken off, which is not in the new year.
    pub dropped: Option<When>,
    /// The date the item had when it was last in the new year, given back.
    pub restored: Option<When>,
    /// The status is not the one it had before the carry.
    pub status_changed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkItemDraft {
    pub year: i32,
    pub status: WorkStatus,
    /// A day, or the month the report gives (`avril 2025`); always in `year`.
    pub on_date: Option<When>,
    pub title: String,
    pub details: String,
    pub figures: String,
}

impl WorkItemDraft {
    pub fn validated(&self) -> Result<WorkItemDraft, FieldError> {
        let title = line_field(fields::TITLE, &self.title, limits::SHORT_TEXT)?;
        if title.is_empty() {
            return Err(FieldError::new(fields::TITLE, msg::TITLE_REQUIRED));
        }
        check_year(self.year)?;
        if let Some(on) = self.on_date
            && on.year() != self.year
        {
            return Err(FieldError::new(
                fields::ON_DATE,
                msg::date_not_in_year(&on.to_string(), self.year),
            ));
        }
        Ok(WorkItemDraft {
            year: self.year,
            status: self.status,
            on_date: self.on_date,
            title,
            details: text_field(fields::DETAILS, &self.details, limits::LONG_TEXT)?,
            figures: text_field(fields::FIGURES, &self.figures, limits::LONG_TEXT)?,
        })
    }
}

pub fn check_year(year: i32) -> Result<(), FieldError> {
    if (MIN_YEAR..=MAX_YEAR).contains(&year) {
        Ok(())
    } else {
        Err(FieldError::new(fields::YEAR, msg::bad_year(year)))
    }
}

/// A groupe de travail inside a circle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkingGroup {
    pub id: i64,
    pub circle_id: i64,
    pub name: String,
    pub purpose: String,
    pub created_on: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
    pub version: i64,
}

impl WorkingGroup {
    pub fn is_open_on(&self, day: NaiveDate) -> bool {
        self.closed_on.is_none_or(|c| c > day)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkingGroupDraft {
    pub name: String,
    pub purpose: String,
    pub created_on: Option<NaiveDate>,
}

impl WorkingGroupDraft {
    pub fn validated(&self) -> Result<WorkingGroupDraft, FieldError> {
        let name = line_field(fields::GT_NAME, &self.name, limits::NAME)?;
        if name.is_empty() {
            return Err(FieldError::new(fields::GT_NAME, msg::GT_NAME_REQUIRED));
        }
        Ok(WorkingGroupDraft {
            name,
            purpose: text_field(fields::GT_PURPOSE, &self.purpose, limits::LONG_TEXT)?,
            created_on: self.created_on,
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn next_cycles_through_all_three() {
        let mut s = WorkStatus::AVenir;
        let mut seen = vec![];
        for _ in 0..3 {
            s = s.next();
            seen.push(s);
        }
        assert_eq!(
            seen,
            [WorkStatus::EnCours, WorkStatus::Realise, WorkStatus::AVenir]
        );
    }

    #[test]
    fn draft_needs_a_title_and_a_year() {
        let d = WorkItemDraft {
            year: 2025,
            status: WorkStatus::Realise,
            on_date: None,
            title: "  ".into(),
            details: String::new(),
            figures: String::new(),
        };
        assert_eq!(d.validated().unwrap_err().field, fields::TITLE.code);
        let d = WorkItemDraft {
            title: "x".into(),
            year: 25,
            ..d
        };
        assert_eq!(d.validated().unwrap_err().field, fields::YEAR.code);
    }
}

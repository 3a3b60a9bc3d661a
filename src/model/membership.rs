//! A person's role in a circle, with its dates: the history is kept, never overwritten.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::person::letters_only;
use crate::catalogue::people as msg;

/// The fields of a role that a refusal can name; a form keys its fields with their codes.
pub mod fields {
    use crate::catalogue::people as msg;
    use crate::model::field::FieldName;

    pub const SINCE: FieldName = FieldName::new("since", msg::FIELD_SINCE);
    pub const UNTIL: FieldName = FieldName::new("until", msg::FIELD_UNTIL);
    pub const TERM_END: FieldName = FieldName::new("term_end", msg::FIELD_TERM_END);
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CircleRole {
    CoReferent,
    MembreActif,
}

impl CircleRole {
    pub const ALL: [CircleRole; 2] = [CircleRole::CoReferent, CircleRole::MembreActif];

    pub fn code(self) -> &'static str {
        match self {
            CircleRole::CoReferent => "co_referent",
            CircleRole::MembreActif => "membre_actif",
        }
    }

    pub fn from_code(code: &str) -> Option<CircleRole> {
        CircleRole::ALL.into_iter().find(|r| r.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            CircleRole::CoReferent => msg::ROLE_CO_REFERENT,
            CircleRole::MembreActif => msg::ROLE_MEMBRE_ACTIF,
        }
    }

    /// A role as people write it: `co-référent·e`, `coreferente`, `co-ref`, `membre actif·ve`,
    /// `membre`… (without case, accents or inclusive-writing marks).
    pub fn from_label(input: &str) -> Option<CircleRole> {
        match letters_only(input).as_str() {
            "coreferent" | "coreferente" | "coreferents" | "coreferentes" | "coref"
            | "coreferenteees" | "referent" | "referente" => Some(CircleRole::CoReferent),
            "membreactif" | "membreactive" | "membreactifve" | "membreactifs" | "membre"
            | "membres" | "actif" | "active" | "actifve" => Some(CircleRole::MembreActif),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Membership {
    pub id: i64,
    pub person_id: i64,
    pub circle_id: i64,
    pub role: CircleRole,
    pub since: NaiveDate,
    /// The role ended on this day (it no longer holds on it).
    pub until: Option<NaiveDate>,
    /// End of a co-référent·e's term (mandat), if one was set.
    pub term_end: Option<NaiveDate>,
    pub version: i64,
}

impl Membership {
    /// Current on `day`: started, and not yet ended.
    pub fn is_current(&self, day: NaiveDate) -> bool {
        is_current(self.since, self.until, day)
    }
}

/// `since <= day < until`: the one definition of "current" used everywhere.
pub fn is_current(since: NaiveDate, until: Option<NaiveDate>, day: NaiveDate) -> bool {
    since <= day && until.is_none_or(|u| u > day)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn roles_from_labels() {
        for r in CircleRole::ALL {
            assert_eq!(CircleRole::from_label(r.label()), Some(r));
            assert_eq!(CircleRole::from_label(r.code()), Some(r));
        }
        assert_eq!(
            CircleRole::from_label("Co-Référente"),
            Some(CircleRole::CoReferent)
        );
        assert_eq!(
            CircleRole::from_label("membre actif"),
            Some(CircleRole::MembreActif)
        );
        assert_eq!(CircleRole::from_label("trésorier"), None);
    }

    #[test]
    fn current_is_half_open() {
        let d = |m, day| NaiveDate::from_ymd_opt(2025, m, day).unwrap();
        assert!(is_current(d(1, 1), None, d(1, 1)));
        assert!(!is_current(d(1, 2), None, d(1, 1)));
        assert!(is_current(d(1, 1), Some(d(3, 1)), d(2, 28)));
        assert!(!is_current(d(1, 1), Some(d(3, 1)), d(3, 1)));
    }
}

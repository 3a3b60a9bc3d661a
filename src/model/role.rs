//! Roles of users and the areas of data each role may write.

use serde::{Deserialize, Serialize};

/// What a user may do. Enforced by `store` for the terminal UI and the command line alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    Tresorerie,
    Coordination,
    Benevole,
    Lecture,
}

/// A kind of data a write touches; each write names its area so the store can check the role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Area {
    /// Users, their roles and links (admin only).
    Users,
    /// Transactions, budgets, accounts.
    Ledger,
    /// Circles' sheets, working groups, people, memberships, decisions, timeline, events.
    Governance,
    /// Citizen collectives and lists.
    Collectives,
    /// Tasks of a rencontre's checklist.
    EventTasks,
    /// A circle's work log (réalisé / en cours / à venir).
    WorkLog,
    /// A user's own preferences.
    OwnPreferences,
    /// A person's data under the RGPD: erasing journal values (admin only).
    PersonalData,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Admin,
        Role::Tresorerie,
        Role::Coordination,
        Role::Benevole,
        Role::Lecture,
    ];

    /// The name used on the command line and in the database.
    pub fn code(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Tresorerie => "tresorerie",
            Role::Coordination => "coordination",
            Role::Benevole => "benevole",
            Role::Lecture => "lecture",
        }
    }

    /// The role's name on screen, in errors and in what the command line prints.
    pub fn label(self) -> &'static str {
        let i = Role::ALL.iter().position(|r| *r == self).unwrap_or(0);
        crate::catalogue::ROLE_LABELS[i]
    }

    pub fn from_code(code: &str) -> Option<Role> {
        let folded = crate::text::fold_for_match(code);
        Role::ALL.into_iter().find(|r| r.code() == folded)
    }

    /// Whether this role may write data of `area`.
    pub fn may_write(self, area: Area) -> bool {
        use Area::*;
        match self {
            Role::Admin => true,
            Role::Tresorerie => matches!(
                area,
                Ledger | Collectives | EventTasks | WorkLog | OwnPreferences
            ),
            Role::Coordination => matches!(
                area,
                Governance | Collectives | EventTasks | WorkLog | OwnPreferences
            ),
            Role::Benevole => matches!(area, Collectives | EventTasks | WorkLog | OwnPreferences),
            Role::Lecture => matches!(area, OwnPreferences),
        }
    }

    /// Whether this role may read personal contact details (email, phone).
    pub fn sees_contacts(self) -> bool {
        self != Role::Lecture
    }
}

impl Area {
    pub const ALL: [Area; 8] = [
        Area::Users,
        Area::Ledger,
        Area::Governance,
        Area::Collectives,
        Area::EventTasks,
        Area::WorkLog,
        Area::OwnPreferences,
        Area::PersonalData,
    ];

    /// The area as a refusal names it ("les cercles, les personnes et les décisions").
    pub fn label(self) -> &'static str {
        let i = Area::ALL.iter().position(|a| *a == self).unwrap_or(0);
        crate::catalogue::store::AREA_NAMES[i]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_area_has_its_own_label() {
        let mut labels: Vec<&str> = Area::ALL.iter().map(|a| a.label()).collect();
        assert_eq!(labels[0], "les utilisateur·rices");
        assert_eq!(Area::WorkLog.label(), "le suivi des travaux des cercles");
        labels.sort_unstable();
        labels.dedup();
        assert_eq!(labels.len(), Area::ALL.len());
    }

    #[test]
    fn lecture_writes_nothing_shared() {
        for area in [
            Area::Users,
            Area::PersonalData,
            Area::Ledger,
            Area::Governance,
            Area::Collectives,
            Area::EventTasks,
            Area::WorkLog,
        ] {
            assert!(!Role::Lecture.may_write(area), "{area:?}");
        }
        assert!(Role::Admin.may_write(Area::Users));
        assert!(!Role::Coordination.may_write(Area::Users));
        assert!(!Role::Coordination.may_write(Area::PersonalData));
        assert!(!Role::Benevole.may_write(Area::Governance));
        assert!(Role::Tresorerie.may_write(Area::Ledger));
        assert!(!Role::Coordination.may_write(Area::Ledger));
    }

    #[test]
    fn codes_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::from_code(r.code()), Some(r));
        }
        assert_eq!(Role::from_code("Trésorerie"), Some(Role::Tresorerie));
        assert_eq!(Role::from_code("chef"), None);
        for r in Role::ALL {
            assert_eq!(Role::from_code(r.label()), Some(r), "{}", r.label());
        }
        assert_eq!(Role::Benevole.label(), "bénévole");
        assert_eq!(Role::Tresorerie.label(), "trésorerie");
    }
}

//! Derived views of the governance, computed from current roles and never stored: members of
//! a circle, the cercle général (everyone with a current role), the cercle de coordination
//! (every current co-référent·e), the counts of the Cercles tab, and term alerts.

use super::error::Result;
use super::session::Store;
use crate::model::governance::{self as rules, distinct_people};
use crate::model::{Circle, CircleKind, CircleRole, Instance};

// The derived views are computed by `model::governance`; their types keep their paths here.
pub use crate::model::governance::{
    CircleMember, DerivedMember, TERM_ALERT_DAYS, TermAlert, TermAlertKind,
};

/// A row of the Cercles tab.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CircleSummary {
    pub circle: Circle,
    /// Distinct people with a current role (coordination: its derived members).
    pub members: usize,
    pub co_referents: usize,
    pub open_working_groups: usize,
    /// Term alerts of this circle's co-référent·es.
    pub term_alerts: usize,
    /// Its decisions whose review is due (the coordination circle: those of its instance).
    pub reviews_due: usize,
    /// Members derived, never typed (the coordination circle).
    pub derived: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DerivedCounts {
    /// Cercle général: everyone with a current role.
    pub general: usize,
    /// Cercle de coordination: every current co-référent·e.
    pub coordination: usize,
    /// Decisions of the AG and of the cercle général whose review is due.
    pub general_reviews_due: usize,
}

impl Store {
    /// Current members of a circle, co-référent·es first. For the coordination circle: every
    /// current co-référent·e of the working circles. For a closed circle: its members on its
    /// last day, so that its history shows who carried it.
    pub fn circle_members(&self, circle_id: i64) -> Result<Vec<CircleMember>> {
        let circle = self.circle(circle_id)?;
        let today = self.today();
        let day = match circle.as_ref().and_then(|c| c.closed_on) {
            Some(closed) if closed <= today => closed.pred_opt().unwrap_or(closed),
            _ => today,
        };
        let roles = self.current_roles_on(day)?;
        let coordination = circle.is_some_and(|c| c.kind == CircleKind::Coordination);
        Ok(rules::circle_members(&roles, circle_id, coordination))
    }

    /// The cercle général: everyone with a current role, once, by name.
    pub fn general_circle(&self) -> Result<Vec<DerivedMember>> {
        Ok(rules::general_circle(&self.current_roles_on(self.today())?))
    }

    /// The first `limit` people of the cercle général by name, and how many it has in all.
    pub fn general_circle_first(&self, limit: usize) -> Result<(Vec<DerivedMember>, usize)> {
        Ok(rules::general_circle_first(
            &self.current_roles_on(self.today())?,
            limit,
        ))
    }

    /// The cercle de coordination: every current co-référent·e, once, by name.
    pub fn coordination_circle(&self) -> Result<Vec<DerivedMember>> {
        Ok(rules::coordination_circle(
            &self.current_roles_on(self.today())?,
        ))
    }

    pub fn derived_counts(&self) -> Result<DerivedCounts> {
        let roles = self.current_roles_on(self.today())?;
        let general_reviews_due = self
            .decisions_due()?
            .iter()
            .filter(|d| matches!(d.instance, Instance::Ag | Instance::CercleGeneral))
            .count();
        Ok(DerivedCounts {
            general: distinct_people(roles.iter()),
            coordination: distinct_people(
                roles.iter().filter(|r| r.role == CircleRole::CoReferent),
            ),
            general_reviews_due,
        })
    }

    /// Every circle (open first, in the report's order) with its counts.
    pub fn circle_summaries(&self) -> Result<Vec<CircleSummary>> {
        let today = self.today();
        let roles = self.current_roles_on(today)?;
        let alerts = rules::term_alerts(&roles, today);
        let mut stmt = self.conn().prepare(
            "SELECT circle_id, count(*) FROM working_groups
             WHERE closed_on IS NULL OR closed_on > ?1 GROUP BY circle_id",
        )?;
        let groups: Vec<(i64, i64)> = stmt
            .query_map([super::circles::iso(Some(today))], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let due = self.decisions_due()?;
        let mut out = Vec::new();
        for circle in self.circles()? {
            let derived = circle.kind == CircleKind::Coordination;
            let reviews_due = due
                .iter()
                .filter(|d| match d.instance {
                    Instance::Coordination => derived,
                    Instance::Cercle(id) => id == circle.id,
                    Instance::Ag | Instance::CercleGeneral => false,
                })
                .count();
            let counts = rules::role_counts(&roles, &alerts, circle.id, derived);
            out.push(CircleSummary {
                members: counts.members,
                co_referents: counts.co_referents,
                open_working_groups: groups
                    .iter()
                    .find(|(id, _)| *id == circle.id)
                    .map_or(0, |(_, n)| usize::try_from(*n).unwrap_or(0)),
                term_alerts: counts.term_alerts,
                reviews_due,
                derived,
                circle,
            });
        }
        Ok(out)
    }

    /// Co-référent·es whose term ends within 30 days of today, or has ended with no successor
    /// (no other current co-référent·e of that circle who arrived on or after that term end).
    /// The one list both tabs flag from.
    pub fn term_alerts(&self) -> Result<Vec<TermAlert>> {
        let today = self.today();
        Ok(rules::term_alerts(&self.current_roles_on(today)?, today))
    }
}

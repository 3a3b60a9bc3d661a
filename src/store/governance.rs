//! Derived views of the governance, computed from current roles and never stored: members of
//! a circle, the cercle général (everyone with a current role), the cercle de coordination
//! (every current co-référent·e), the counts of the Cercles tab, and term alerts.

use chrono::NaiveDate;
use serde::Serialize;

use super::Store;
use super::error::Result;
use super::memberships::CurrentRole;
use super::people::RoleBadge;
use crate::model::{Circle, CircleKind, CircleRole, Instance, PersonKind};

/// How far ahead a term end is flagged.
pub const TERM_ALERT_DAYS: i64 = 30;

/// A person currently in a circle (for the coordination circle: a co-référent·e of a working
/// circle, named in `circle_name`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CircleMember {
    pub membership_id: i64,
    pub person_id: i64,
    pub first_name: String,
    pub last_name: String,
    pub kind: PersonKind,
    pub role: CircleRole,
    pub circle_id: i64,
    pub circle_name: String,
    pub since: NaiveDate,
    pub term_end: Option<NaiveDate>,
}

impl From<&CurrentRole> for CircleMember {
    fn from(c: &CurrentRole) -> Self {
        CircleMember {
            membership_id: c.membership_id,
            person_id: c.person_id,
            first_name: c.first_name.clone(),
            last_name: c.last_name.clone(),
            kind: c.kind,
            role: c.role,
            circle_id: c.circle_id,
            circle_name: c.circle_name.to_string(),
            since: c.since,
            term_end: c.term_end,
        }
    }
}

/// A member of a derived circle, once, with every current role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DerivedMember {
    pub person_id: i64,
    pub first_name: String,
    pub last_name: String,
    pub kind: PersonKind,
    pub roles: Vec<RoleBadge>,
}

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum TermAlertKind {
    /// The term ends within [`TERM_ALERT_DAYS`] days (0 = today).
    EndsSoon { days_left: i64 },
    /// The term has ended and no co-référent·e arrived in that circle since.
    EndedWithoutSuccessor { days_ago: i64 },
    /// The term has ended and a successor is in place, but this role was never ended: it
    /// still counts in the circle and in the cercle de coordination until someone ends it.
    EndedReplaced { days_ago: i64 },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TermAlert {
    pub membership_id: i64,
    pub person_id: i64,
    pub first_name: String,
    pub last_name: String,
    pub circle_id: i64,
    pub circle_name: String,
    pub term_end: NaiveDate,
    pub kind: TermAlertKind,
}

/// People once each, in order of first appearance, with their roles.
fn derive(roles: &[&CurrentRole]) -> Vec<DerivedMember> {
    let mut members: Vec<DerivedMember> = Vec::new();
    // Each person's place in `members`: a scan per role made a big network quadratic.
    let mut at: std::collections::HashMap<i64, usize> = std::collections::HashMap::new();
    for r in roles {
        match at.get(&r.person_id) {
            Some(&i) => members[i].roles.push(RoleBadge::from(*r)),
            None => {
                at.insert(r.person_id, members.len());
                members.push(DerivedMember {
                    person_id: r.person_id,
                    first_name: r.first_name.clone(),
                    last_name: r.last_name.clone(),
                    kind: r.kind,
                    roles: vec![RoleBadge::from(*r)],
                });
            }
        }
    }
    members.sort_by_cached_key(|m| {
        (
            crate::text::fold_for_match(&m.last_name),
            crate::text::fold_for_match(&m.first_name),
            m.person_id,
        )
    });
    members
}

fn distinct_people<'a>(roles: impl Iterator<Item = &'a CurrentRole>) -> usize {
    let mut ids: Vec<i64> = roles.map(|r| r.person_id).collect();
    ids.sort_unstable();
    ids.dedup();
    ids.len()
}

/// Term alerts among `roles` (current roles on `today`).
fn alerts(roles: &[CurrentRole], today: NaiveDate) -> Vec<TermAlert> {
    let mut out = Vec::new();
    for r in roles.iter().filter(|r| r.role == CircleRole::CoReferent) {
        let Some(term_end) = r.term_end else { continue };
        let days = (term_end - today).num_days();
        let kind = if (0..=TERM_ALERT_DAYS).contains(&days) {
            TermAlertKind::EndsSoon { days_left: days }
        } else if days < 0 {
            let successor = roles.iter().any(|o| {
                o.circle_id == r.circle_id
                    && o.role == CircleRole::CoReferent
                    && o.membership_id != r.membership_id
                    && o.since >= term_end
            });
            if successor {
                TermAlertKind::EndedReplaced { days_ago: -days }
            } else {
                TermAlertKind::EndedWithoutSuccessor { days_ago: -days }
            }
        } else {
            continue;
        };
        out.push(TermAlert {
            membership_id: r.membership_id,
            person_id: r.person_id,
            first_name: r.first_name.clone(),
            last_name: r.last_name.clone(),
            circle_id: r.circle_id,
            circle_name: r.circle_name.to_string(),
            term_end,
            kind,
        });
    }
    out.sort_by_key(|a| (a.term_end, a.circle_name.clone(), a.membership_id));
    out
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
        let mut members: Vec<CircleMember> = roles
            .iter()
            .filter(|r| {
                if coordination {
                    r.role == CircleRole::CoReferent
                } else {
                    r.circle_id == circle_id
                }
            })
            .map(CircleMember::from)
            .collect();
        if !coordination {
            // `current_roles` sorts by role code: co_referent before membre_actif already.
            members.sort_by_key(|m| m.role != CircleRole::CoReferent);
        }
        Ok(members)
    }

    /// The cercle général: everyone with a current role, once, by name.
    pub fn general_circle(&self) -> Result<Vec<DerivedMember>> {
        let roles = self.current_roles_on(self.today())?;
        Ok(derive(&roles.iter().collect::<Vec<_>>()))
    }

    /// The cercle de coordination: every current co-référent·e, once, by name.
    pub fn coordination_circle(&self) -> Result<Vec<DerivedMember>> {
        let roles = self.current_roles_on(self.today())?;
        Ok(derive(
            &roles
                .iter()
                .filter(|r| r.role == CircleRole::CoReferent)
                .collect::<Vec<_>>(),
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
        let alerts = alerts(&roles, today);
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
            let in_circle = |r: &&CurrentRole| {
                if derived {
                    r.role == CircleRole::CoReferent
                } else {
                    r.circle_id == circle.id
                }
            };
            let co_referents = distinct_people(
                roles
                    .iter()
                    .filter(in_circle)
                    .filter(|r| r.role == CircleRole::CoReferent),
            );
            out.push(CircleSummary {
                members: distinct_people(roles.iter().filter(in_circle)),
                co_referents,
                open_working_groups: groups
                    .iter()
                    .find(|(id, _)| *id == circle.id)
                    .map_or(0, |(_, n)| usize::try_from(*n).unwrap_or(0)),
                term_alerts: alerts
                    .iter()
                    .filter(|a| derived || a.circle_id == circle.id)
                    .count(),
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
        Ok(alerts(&self.current_roles_on(today)?, today))
    }
}

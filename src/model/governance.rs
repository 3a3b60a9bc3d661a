//! The rules of the governance that are computed, never stored: who is in a circle today, the
//! cercle général (everyone with a current role), the cercle de coordination (every current
//! co-référent·e), and the term alerts. Plain functions over the current roles the store reads.

use chrono::NaiveDate;
use serde::Serialize;

use super::{CircleKind, CircleRole, PersonKind};

/// How far ahead a term end is flagged.
pub const TERM_ALERT_DAYS: i64 = 30;

/// A role held on a given day, with what the views need of its person and circle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrentRole {
    pub membership_id: i64,
    pub person_id: i64,
    pub first_name: String,
    pub last_name: String,
    pub kind: PersonKind,
    pub circle_id: i64,
    /// One text per circle, shared by all its roles (a big network has tens of thousands).
    pub circle_name: std::rc::Rc<str>,
    pub circle_kind: CircleKind,
    pub role: CircleRole,
    pub since: NaiveDate,
    pub term_end: Option<NaiveDate>,
}

/// A current role, as a badge beside a name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoleBadge {
    pub membership_id: i64,
    pub circle_id: i64,
    pub circle_name: std::rc::Rc<str>,
    pub role: CircleRole,
    pub since: NaiveDate,
    pub term_end: Option<NaiveDate>,
}

impl From<&CurrentRole> for RoleBadge {
    fn from(c: &CurrentRole) -> Self {
        RoleBadge {
            membership_id: c.membership_id,
            circle_id: c.circle_id,
            circle_name: std::rc::Rc::clone(&c.circle_name),
            role: c.role,
            since: c.since,
            term_end: c.term_end,
        }
    }
}

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

/// Whether `role` counts in the circle `circle_id`; in the coordination circle (`derived`),
/// every co-référent·e does, whatever their circle.
pub fn counts_in(role: &CurrentRole, circle_id: i64, derived: bool) -> bool {
    if derived {
        role.role == CircleRole::CoReferent
    } else {
        role.circle_id == circle_id
    }
}

/// The members of a circle among `roles`, co-référent·es first (the coordination circle:
/// every co-référent·e, in the order of `roles`).
pub fn circle_members(roles: &[CurrentRole], circle_id: i64, derived: bool) -> Vec<CircleMember> {
    let mut members: Vec<CircleMember> = roles
        .iter()
        .filter(|r| counts_in(r, circle_id, derived))
        .map(CircleMember::from)
        .collect();
    if !derived {
        // A stable sort: the order of `roles` stays within each group.
        members.sort_by_key(|m| m.role != CircleRole::CoReferent);
    }
    members
}

/// The cercle général: everyone with a current role, once, by name.
pub fn general_circle(roles: &[CurrentRole]) -> Vec<DerivedMember> {
    derive(roles.iter())
}

/// The first `limit` people of [`general_circle`], in its order, and how many it has in all:
/// a big network's cercle général is shown by its first names and a count, so only those
/// are built (and only their names compared in full order).
pub fn general_circle_first(roles: &[CurrentRole], limit: usize) -> (Vec<DerivedMember>, usize) {
    // Each person once, at their first role.
    let mut seen = std::collections::HashSet::with_capacity(roles.len());
    let firsts: Vec<&CurrentRole> = roles.iter().filter(|r| seen.insert(r.person_id)).collect();
    let total = firsts.len();
    // Only the people that can be among the first have their whole names folded: those whose
    // folded last name starts no later than the `limit`-th smallest start.
    let candidates: Vec<&CurrentRole> = if total <= limit {
        firsts
    } else if limit == 0 {
        Vec::new()
    } else {
        let mut starts: Vec<([u8; 8], &CurrentRole)> = firsts
            .into_iter()
            .map(|r| (folded_start(&r.last_name), r))
            .collect();
        let (_, nth, _) = starts.select_nth_unstable_by(limit - 1, |a, b| a.0.cmp(&b.0));
        let bound = nth.0;
        starts
            .into_iter()
            .filter(|(start, _)| *start <= bound)
            .map(|(_, r)| r)
            .collect()
    };
    let mut keyed: Vec<((String, String, i64), &CurrentRole)> = candidates
        .into_iter()
        .map(|r| (name_key(&r.last_name, &r.first_name, r.person_id), r))
        .collect();
    // Keys are unique (they end with the person's id): the order is `general_circle`'s.
    if keyed.len() > limit {
        keyed.select_nth_unstable_by(limit, |a, b| a.0.cmp(&b.0));
        keyed.truncate(limit);
    }
    keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut members: Vec<DerivedMember> = keyed
        .iter()
        .map(|(_, r)| DerivedMember {
            person_id: r.person_id,
            first_name: r.first_name.clone(),
            last_name: r.last_name.clone(),
            kind: r.kind,
            roles: Vec::new(),
        })
        .collect();
    // Their roles, in the order of `roles` (as `general_circle` gathers them).
    let at: std::collections::HashMap<i64, usize> = members
        .iter()
        .enumerate()
        .map(|(i, m)| (m.person_id, i))
        .collect();
    for r in roles {
        if let Some(&i) = at.get(&r.person_id) {
            members[i].roles.push(RoleBadge::from(r));
        }
    }
    (members, total)
}

/// The first 8 bytes of `fold_for_match(text)` (zeros after a shorter one), cheaply for a
/// plain ASCII start: a text that comes before another when folded never has a greater start.
fn folded_start(text: &str) -> [u8; 8] {
    let mut start = [0u8; 8];
    let head = &text.as_bytes()[..text.len().min(8)];
    if head.iter().all(|b| b.is_ascii_graphic()) {
        // No space nor control to collapse, nothing to decompose: the folded text begins
        // with these letters lowered.
        for (to, b) in start.iter_mut().zip(head) {
            *to = b.to_ascii_lowercase();
        }
    } else {
        for (to, b) in start
            .iter_mut()
            .zip(crate::text::fold_for_match(text).as_bytes())
        {
            *to = *b;
        }
    }
    start
}

/// How the derived circles order people: by last name, then first name (accents and case
/// ignored), then id.
fn name_key(last: &str, first: &str, id: i64) -> (String, String, i64) {
    (
        crate::text::fold_for_match(last),
        crate::text::fold_for_match(first),
        id,
    )
}

/// The cercle de coordination: every current co-référent·e, once, by name.
pub fn coordination_circle(roles: &[CurrentRole]) -> Vec<DerivedMember> {
    derive(roles.iter().filter(|r| r.role == CircleRole::CoReferent))
}

/// People once each, in order of first appearance, with their roles; then sorted by name.
fn derive<'a>(roles: impl Iterator<Item = &'a CurrentRole>) -> Vec<DerivedMember> {
    let mut members: Vec<DerivedMember> = Vec::new();
    // Each person's place in `members`: a scan per role made a big network quadratic.
    let mut at: std::collections::HashMap<i64, usize> = std::collections::HashMap::new();
    for r in roles {
        match at.get(&r.person_id) {
            Some(&i) => members[i].roles.push(RoleBadge::from(r)),
            None => {
                at.insert(r.person_id, members.len());
                members.push(DerivedMember {
                    person_id: r.person_id,
                    first_name: r.first_name.clone(),
                    last_name: r.last_name.clone(),
                    kind: r.kind,
                    roles: vec![RoleBadge::from(r)],
                });
            }
        }
    }
    members.sort_by_cached_key(|m| name_key(&m.last_name, &m.first_name, m.person_id));
    members
}

/// How many distinct people hold `roles`.
pub fn distinct_people<'a>(roles: impl Iterator<Item = &'a CurrentRole>) -> usize {
    let mut ids: Vec<i64> = roles.map(|r| r.person_id).collect();
    ids.sort_unstable();
    ids.dedup();
    ids.len()
}

/// What the Cercles list counts of one circle's current roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RoleCounts {
    /// Distinct people with a role there.
    pub members: usize,
    pub co_referents: usize,
    /// Term alerts of its co-référent·es (the coordination circle: all of them).
    pub term_alerts: usize,
}

/// The counts of the circle `circle_id` (the coordination circle when `derived`) among the
/// current `roles` and their `alerts`.
pub fn role_counts(
    roles: &[CurrentRole],
    alerts: &[TermAlert],
    circle_id: i64,
    derived: bool,
) -> RoleCounts {
    let in_circle = |r: &&CurrentRole| counts_in(r, circle_id, derived);
    RoleCounts {
        members: distinct_people(roles.iter().filter(in_circle)),
        co_referents: distinct_people(
            roles
                .iter()
                .filter(in_circle)
                .filter(|r| r.role == CircleRole::CoReferent),
        ),
        term_alerts: alerts
            .iter()
            .filter(|a| derived || a.circle_id == circle_id)
            .count(),
    }
}

/// Term alerts among `roles` (current roles on `today`): co-référent·es whose term ends within
/// [`TERM_ALERT_DAYS`] days, or has ended (with or without a successor: another co-référent·e
/// of that circle who arrived on or after that term end). By term end, then circle.
pub fn term_alerts(roles: &[CurrentRole], today: NaiveDate) -> Vec<TermAlert> {
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// A role: membership `id`, of person `person` (named after it), in circle `circle`.
    fn role(id: i64, person: i64, circle: i64, role: CircleRole) -> CurrentRole {
        CurrentRole {
            membership_id: id,
            person_id: person,
            first_name: format!("P{person}"),
            last_name: format!("Nom{person}"),
            kind: PersonKind::Benevole,
            circle_id: circle,
            circle_name: format!("Cercle {circle}").into(),
            circle_kind: CircleKind::Work,
            role,
            since: day("2024-01-01"),
            term_end: None,
        }
    }

    #[test]
    fn the_general_circle_has_everyone_once_by_name_and_coordination_the_co_referents() {
        let roles = vec![
            role(1, 2, 10, CircleRole::CoReferent),
            role(2, 1, 10, CircleRole::MembreActif),
            role(3, 2, 11, CircleRole::MembreActif),
        ];
        let general = general_circle(&roles);
        assert_eq!(
            general.iter().map(|m| m.person_id).collect::<Vec<_>>(),
            [1, 2]
        );
        assert_eq!(general[1].roles.len(), 2);
        let coordination = coordination_circle(&roles);
        assert_eq!(coordination.len(), 1);
        assert_eq!(coordination[0].person_id, 2);
        assert_eq!(distinct_people(roles.iter()), 2);
    }

    #[test]
    fn the_general_circle_s_first_names_are_its_first_in_the_same_order_with_the_count() {
        // Names with accents and case that fold alike, people with several roles, out of order.
        let names = [
            "émile", "Zoé", "eve", "Éloïse", "ade", "Ève", "zoe", "Adèle", "bob",
        ];
        let mut roles = Vec::new();
        for (i, name) in names.iter().enumerate() {
            let person = (i as i64 * 7) % 9 + 1;
            let mut r = role(
                i as i64 + 1,
                person,
                10 + i as i64 % 3,
                CircleRole::MembreActif,
            );
            r.last_name = (*name).to_owned();
            roles.push(r.clone());
            if i % 2 == 0 {
                r.membership_id += 100;
                r.circle_id += 1;
                roles.push(r);
            }
        }
        // Names alike over their first eight letters, and others past them.
        for (i, name) in [
            "Dupont-Aubert",
            "dupont-aubert",
            "Dupont-Au",
            "DUPONT-ÀUBERT",
            "Dupontel",
        ]
        .iter()
        .enumerate()
        {
            let mut r = role(200 + i as i64, 20 + i as i64, 12, CircleRole::MembreActif);
            r.last_name = (*name).to_owned();
            roles.push(r);
        }
        let everyone = general_circle(&roles);
        assert_eq!(everyone.len(), 14);
        for limit in [0, 1, 2, 4, 6, 9, 10, 13, 14, 20] {
            let (first, total) = general_circle_first(&roles, limit);
            assert_eq!(total, everyone.len());
            assert_eq!(
                first,
                everyone[..limit.min(everyone.len())],
                "limit {limit}"
            );
        }
    }

    #[test]
    fn members_of_a_circle_put_co_referents_first_and_coordination_takes_them_all() {
        let roles = vec![
            role(1, 1, 10, CircleRole::MembreActif),
            role(2, 2, 10, CircleRole::CoReferent),
            role(3, 3, 11, CircleRole::CoReferent),
        ];
        let of_10: Vec<i64> = circle_members(&roles, 10, false)
            .iter()
            .map(|m| m.person_id)
            .collect();
        assert_eq!(of_10, [2, 1]);
        let coordination: Vec<i64> = circle_members(&roles, 99, true)
            .iter()
            .map(|m| m.person_id)
            .collect();
        assert_eq!(coordination, [2, 3]);
    }

    #[test]
    fn a_circle_counts_its_people_once_and_coordination_counts_every_co_referent() {
        let mut ended = role(2, 2, 10, CircleRole::CoReferent);
        ended.term_end = Some(day("2025-05-01"));
        let roles = vec![
            role(1, 1, 10, CircleRole::MembreActif),
            ended,
            role(3, 2, 10, CircleRole::MembreActif),
            role(4, 3, 11, CircleRole::CoReferent),
        ];
        let alerts = term_alerts(&roles, day("2025-06-01"));
        let of_10 = role_counts(&roles, &alerts, 10, false);
        assert_eq!(
            of_10,
            RoleCounts {
                members: 2,
                co_referents: 1,
                term_alerts: 1
            }
        );
        let coordination = role_counts(&roles, &alerts, 99, true);
        assert_eq!(coordination.members, 2);
        assert_eq!(coordination.co_referents, 2);
        assert_eq!(coordination.term_alerts, 1);
        assert_eq!(role_counts(&roles, &alerts, 11, false).term_alerts, 0);
    }

    #[test]
    fn term_alerts_say_soon_ended_and_replaced() {
        let today = day("2025-06-01");
        let mut soon = role(1, 1, 10, CircleRole::CoReferent);
        soon.term_end = Some(day("2025-06-11"));
        let mut far = role(2, 2, 10, CircleRole::CoReferent);
        far.term_end = Some(day("2025-08-01"));
        let mut ended = role(3, 3, 11, CircleRole::CoReferent);
        ended.term_end = Some(day("2025-05-12"));
        let mut replaced = role(4, 4, 12, CircleRole::CoReferent);
        replaced.term_end = Some(day("2025-04-01"));
        let mut successor = role(5, 5, 12, CircleRole::CoReferent);
        successor.since = day("2025-04-01");
        let mut member = role(6, 6, 10, CircleRole::MembreActif);
        member.term_end = Some(day("2025-06-02"));
        let alerts = term_alerts(&[soon, far, ended, replaced, successor, member], today);
        let kinds: Vec<(i64, TermAlertKind)> =
            alerts.iter().map(|a| (a.membership_id, a.kind)).collect();
        assert_eq!(
            kinds,
            [
                (4, TermAlertKind::EndedReplaced { days_ago: 61 }),
                (3, TermAlertKind::EndedWithoutSuccessor { days_ago: 20 }),
                (1, TermAlertKind::EndsSoon { days_left: 10 }),
            ]
        );
    }
}

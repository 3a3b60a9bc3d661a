//! The rules of the governance that are computed, never stored: who is in a circle today, the
//! cercle général (everyone with a current role), the cercle de coordination (every current
//! co-référent·e), and the term alerts. Plain functions over the current roles the store reads.

use chrono::NaiveDate;
use serde::Serialize;

use super::circle::CircleKind;
use super::membership::CircleRole;
use super::person::PersonKind;

/// How far ahead a term end is flagged.
pub const TERM_ALERT_DAYS: i64 = 30;

/// A role held on a given day, with what the views need of its person and circle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrentRole {
    pub membership_id: i64,
    pub person_id: i64,
    /// The person's names in one text, for each of a big network's tens of thousands of roles.
    pub names: Names,
    pub kind: PersonKind,
    pub circle_id: i64,
    /// One text per circle, shared by all its roles (a big network has tens of thousands).
    pub circle_name: std::rc::Rc<str>,
    pub circle_kind: CircleKind,
    pub role: CircleRole,
    pub since: NaiveDate,
    pub term_end: Option<NaiveDate>,
}

impl CurrentRole {
    pub fn last_name(&self) -> &str {
        self.names.last()
    }

    pub fn first_name(&self) -> &str {
        self.names.first()
    }
}

/// A last name and a first name held in one text (one allocation instead of two).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Names {
    /// The last name, then the first.
    both: String,
    /// Where the first name starts in `both`.
    last_len: usize,
}

impl Names {
    pub fn new(last: &str, first: &str) -> Names {
        let mut both = String::with_capacity(last.len() + first.len());
        both.push_str(last);
        both.push_str(first);
        Names::from_parts(both, last.len())
    }

    /// `both` holding the last name in its first `last_len` bytes, then the first name.
    pub fn from_parts(both: String, last_len: usize) -> Names {
        // A cut that is not between two characters would make both names unreadable: keep
        // the whole text as the last name rather than panic (never made so by the store).
        let last_len = if both.is_char_boundary(last_len) {
            last_len
        } else {
            both.len()
        };
        Names { both, last_len }
    }

    pub fn last(&self) -> &str {
        &self.both[..self.last_len]
    }

    pub fn first(&self) -> &str {
        &self.both[self.last_len..]
    }
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
            first_name: c.first_name().to_owned(),
            last_name: c.last_name().to_owned(),
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

/// The members of a circle among `roles` (in the circles' order), co-référent·es first, then
/// by name as SQLite's `NOCASE` orders them (the coordination circle: every co-référent·e,
/// circle by circle in the order of `roles`, then by name).
pub fn circle_members(roles: &[CurrentRole], circle_id: i64, derived: bool) -> Vec<CircleMember> {
    let mut members: Vec<CircleMember> = roles
        .iter()
        .filter(|r| counts_in(r, circle_id, derived))
        .map(CircleMember::from)
        .collect();
    let mut rank = 0u32;
    let mut groups = Vec::with_capacity(members.len());
    for (i, m) in members.iter().enumerate() {
        if derived {
            // A new circle starts a new group.
            if i > 0 && members[i - 1].circle_id != m.circle_id {
                rank += 1;
            }
            groups.push(rank);
        } else {
            groups.push(u32::from(m.role != CircleRole::CoReferent));
        }
    }
    let order = super::name_order::name_order(members.iter().zip(&groups).map(|(m, &g)| {
        (
            g,
            m.last_name.as_str(),
            m.first_name.as_str(),
            m.membership_id,
        )
    }));
    super::name_order::put_in_order(&mut members, &order);
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
    let mut seen = PersonSet::default();
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
            .map(|r| (folded_start(r.last_name()), r))
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
        .map(|r| (name_key(r.last_name(), r.first_name(), r.person_id), r))
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
            first_name: r.first_name().to_owned(),
            last_name: r.last_name().to_owned(),
            kind: r.kind,
            roles: Vec::new(),
        })
        .collect();
    // Their roles, in the order of `roles` (as `general_circle` gathers them); the set says
    // at once that most of a big network's roles are of none of them.
    let mut shown = PersonSet::default();
    let at: std::collections::HashMap<i64, usize> = members
        .iter()
        .enumerate()
        .map(|(i, m)| {
            shown.insert(m.person_id);
            (m.person_id, i)
        })
        .collect();
    for r in roles.iter().filter(|r| shown.contains(r.person_id)) {
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
    let mut n = 0;
    // A space is written once the next word starts (spaces collapse, the ends go).
    let mut space = false;
    for &b in text.as_bytes() {
        if b == b' ' {
            space = n > 0;
            continue;
        }
        if !b.is_ascii_graphic() {
            // Another space, a control or an accent before the eighth byte: the whole fold.
            // Past it, nothing changes what the first eight bytes fold to.
            for (to, b) in start
                .iter_mut()
                .zip(crate::text::fold_for_match(text).as_bytes())
            {
                *to = *b;
            }
            return start;
        }
        for c in [b' '].into_iter().filter(|_| space).chain([b]) {
            if n == start.len() {
                return start;
            }
            start[n] = c.to_ascii_lowercase();
            n += 1;
        }
        space = false;
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
                    first_name: r.first_name().to_owned(),
                    last_name: r.last_name().to_owned(),
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
    let mut seen = PersonSet::default();
    roles.filter(|r| seen.insert(r.person_id)).count()
}

/// A set of people's ids: a bit each for the ids a network numbers from 1 (a big one's
/// 70 000 in 9 KB, without hashing), a hash set for any beyond.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct PersonSet {
    bits: Vec<u64>,
    others: std::collections::HashSet<i64>,
}

impl PersonSet {
    /// Ids up to this are bits: 2 MB at most.
    const MAX_BIT: i64 = 1 << 24;

    /// Add `id`; whether it was not there.
    pub(crate) fn insert(&mut self, id: i64) -> bool {
        let Some((word, bit)) = Self::place(id) else {
            return self.others.insert(id);
        };
        if word >= self.bits.len() {
            self.bits.resize(word + 1, 0);
        }
        let new = self.bits[word] & bit == 0;
        self.bits[word] |= bit;
        new
    }

    pub(crate) fn contains(&self, id: i64) -> bool {
        match Self::place(id) {
            Some((word, bit)) => self.bits.get(word).is_some_and(|w| w & bit != 0),
            None => self.others.contains(&id),
        }
    }

    /// The word and the bit of `id`, if it is one of the bits.
    fn place(id: i64) -> Option<(usize, u64)> {
        let at = usize::try_from(id).ok().filter(|_| id < Self::MAX_BIT)?;
        Some((at / 64, 1u64 << (at % 64)))
    }
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
            first_name: r.first_name().to_owned(),
            last_name: r.last_name().to_owned(),
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
#[path = "governance_tests.rs"]
mod tests;

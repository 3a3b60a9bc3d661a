//! People: the list with its filters and counts, one person with the history of their roles,
//! adding, editing, leaving (finding one by name or PERSON argument: `person_lookup`; their
//! commune: `people_communes`).
//!
//! Contact details (email, phone) and the commune are blanked for a role that may not see them
//! (`Role::sees_contacts`) in everything this module returns.

use super::text_cols::{line, opt_line, text};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

use super::circles::{date_col, iso};
use super::error::{Result, StoreError};
use super::memberships::membership_by_id;
use super::people_search::{Badges, Everyone};
use super::person_commune::{edited_commune, person_commune_code};
use super::session::Store;
use super::write::Tx;
use crate::catalogue::people as msg;
use crate::model::{
    Area, CircleKind, CircleRole, Membership, Person, PersonDraft, PersonKind, ValidPerson,
};
use crate::text::fold_for_match;

pub(super) const COLUMNS: &str = "id, last_name, first_name, email, phone, commune, kind, \
                       confidentiality_signed_on, mission_accepted_on, notes, left_on, version, \
                       commune_typed";

pub(super) fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Person> {
    Ok(Person {
        id: r.get(0)?,
        last_name: line(r, 1)?,
        first_name: line(r, 2)?,
        email: opt_line(r, 3)?,
        phone: opt_line(r, 4)?,
        commune: line(r, 5)?,
        commune_typed: line(r, 12)?,
        // The CHECK constraint holds kinds to the known codes.
        kind: PersonKind::from_code(&r.get::<_, String>(6)?).unwrap_or(PersonKind::Benevole),
        confidentiality_signed_on: date_col(r.get(7)?),
        mission_accepted_on: date_col(r.get(8)?),
        notes: text(r, 9)?,
        left_on: date_col(r.get(10)?),
        version: r.get(11)?,
    })
}

pub(crate) fn person_by_id(conn: &Connection, id: i64) -> Result<Option<Person>> {
    // Cached: each person an import adds is read back for the journal.
    Ok(conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM people WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?)
}

pub(crate) fn all_people(conn: &Connection) -> Result<Vec<Person>> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM people"))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The person holding `email` (without case), other than `except`.
pub(crate) fn person_with_email(
    conn: &Connection,
    email: &str,
    except: Option<i64>,
) -> Result<Option<Person>> {
    Ok(conn
        .query_row(
            &format!(
                "SELECT {COLUMNS} FROM people WHERE email = ?1 COLLATE NOCASE AND id IS NOT ?2"
            ),
            rusqlite::params![email, except],
            from_row,
        )
        .optional()?)
}

/// Sort key: last name then first name, without case or accents.
pub(super) fn name_key(p: &Person) -> (String, String, i64) {
    (
        fold_for_match(&p.last_name),
        fold_for_match(&p.first_name),
        p.id,
    )
}

/// Filters of the Membres tab; the default shows everyone still in the network.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonFilter {
    /// Matched without case or accents against name, commune and (when visible) email.
    pub text: String,
    /// Only people with a current role in this circle (for the coordination circle: the
    /// current co-référent·es of every circle).
    pub circle_id: Option<i64>,
    pub kind: Option<PersonKind>,
    /// Only people holding this role now (in `circle_id` when given).
    pub role: Option<CircleRole>,
    /// Also people who left the network.
    pub include_left: bool,
    /// Only people whose commune awaits review (typed text that names no commune or several).
    pub commune_review: bool,
}

// A role beside a name is the governance model's; it keeps its path here.
pub use crate::model::governance::RoleBadge;

/// A row of the Membres list: a person and their current roles, co-référent·e ones first,
/// then in the circles' order; both borrowed from the session's readings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PersonRow<'a> {
    pub person: &'a Person,
    pub roles: &'a [RoleBadge],
}

/// Everyone as this session may see them, in the order they were read, for the Membres
/// filter (see [`Everyone`]).
pub(crate) fn everyone(store: &Store) -> Result<Everyone> {
    let count: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM people", [], |r| r.get(0))?;
    let mut people = Vec::with_capacity(usize::try_from(count).unwrap_or(0));
    let mut stmt = store
        .conn()
        .prepare(&format!("SELECT {COLUMNS} FROM people"))?;
    for p in stmt.query_map([], from_row)? {
        people.push(store.shown_person(p?));
    }
    Ok(Everyone::new(people))
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PeopleCounts {
    /// Rows the filter kept.
    pub shown: usize,
    /// Everyone still in the network, whatever the filter.
    pub total: usize,
    /// Everyone who left the network, whatever the filter.
    pub left: usize,
    /// Among the rows shown, in `PersonKind::ALL` order.
    pub by_kind: Vec<(PersonKind, usize)>,
    /// Among the rows shown: people holding at least one current co-référent·e role.
    pub co_referents: usize,
    /// Everyone whose commune awaits review, whatever the filter (none for a role that may
    /// not see communes).
    pub commune_review: usize,
}

/// The Membres list: the rows a filter kept, by name, over the session's readings (a list of
/// 70 000 rows copies no one), and the header's counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PeopleList {
    everyone: std::rc::Rc<Everyone>,
    badges: std::rc::Rc<Badges>,
    /// Indices into `everyone`, in the list's order.
    shown: Vec<u32>,
    pub counts: PeopleCounts,
}

impl PeopleList {
    pub fn len(&self) -> usize {
        self.shown.len()
    }

    pub fn is_empty(&self) -> bool {
        self.shown.is_empty()
    }

    /// Row `i` of the list.
    pub fn get(&self, i: usize) -> Option<PersonRow<'_>> {
        self.shown.get(i).map(|&at| self.row(at))
    }

    pub fn rows(&self) -> impl ExactSizeIterator<Item = PersonRow<'_>> + '_ {
        self.shown.iter().map(|&at| self.row(at))
    }

    fn row(&self, at: u32) -> PersonRow<'_> {
        let person = self.everyone.person(at);
        PersonRow {
            person,
            roles: self.badges.of(person.id),
        }
    }
}

/// One of a person's roles, past or present, with its circle's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MembershipRow {
    pub membership: Membership,
    pub circle_name: String,
    pub current: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonDetail {
    pub person: Person,
    /// Every role: current ones first, then the most recent.
    pub memberships: Vec<MembershipRow>,
    /// Login names linked to this person.
    pub users: Vec<String>,
}

fn validate(conn: &Connection, draft: &PersonDraft, id: Option<i64>) -> Result<ValidPerson> {
    let valid = draft.validated().map_err(StoreError::Field)?;
    if let Some(email) = &valid.email
        && let Some(other) = person_with_email(conn, email, id)?
    {
        return Err(StoreError::Field(crate::model::FieldError::new(
            crate::model::person::fields::EMAIL,
            msg::email_taken(email, &other.display_name()),
        )));
    }
    Ok(valid)
}

/// A new person validated, their commune resolved to its INSEE code.
fn validate_new(conn: &Connection, draft: &PersonDraft) -> Result<ValidPerson> {
    let mut valid = validate(conn, draft, None)?;
    valid.commune = person_commune_code(&valid.commune).map_err(StoreError::Field)?;
    Ok(valid)
}

super::write::versioned!(Person, "people", person_by_id, msg::THE_PERSON);

impl Tx<'_> {
    /// Insert a validated person (their commune an INSEE code or empty), audited; used by the
    /// form and by the import. `left_on` for one who is already gone (an import of an export).
    pub(crate) fn insert_person(
        &self,
        v: &ValidPerson,
        left_on: Option<NaiveDate>,
    ) -> Result<Person> {
        // Cached: an import runs it once a line, under the write lock.
        self.conn()
            .prepare_cached(
                "INSERT INTO people(last_name, first_name, email, phone, commune, kind,
                                confidentiality_signed_on, mission_accepted_on, notes, left_on)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?
            .execute(rusqlite::params![
                v.last_name,
                v.first_name,
                v.email,
                v.phone,
                v.commune,
                v.kind.code(),
                iso(v.confidentiality_signed_on),
                iso(v.mission_accepted_on),
                v.notes,
                iso(left_on),
            ])?;
        self.inserted(self.conn().last_insert_rowid())
    }

    /// `person` leaves the network on `on`: every role still open that day ends then.
    pub(crate) fn mark_left(&self, person: &Person, on: NaiveDate) -> Result<Person> {
        self.end_open_roles_of(person.id, on)?;
        self.update_row(person, "left_on = ?1", &[&iso(Some(on))])
    }
}

impl Store {
    /// Blank what this session's role may not see.
    pub(crate) fn shown_person(&self, mut p: Person) -> Person {
        // The commune with the contacts: where someone lives is personal too, and the screen,
        // the filter and the export must agree on what a `lecture` session sees.
        if !self.actor().role.sees_contacts() {
            p.email = None;
            p.phone = None;
            p.commune = String::new();
            p.commune_typed = String::new();
        }
        p
    }

    /// The Membres list: people kept by `filter`, by name, with their current roles and the
    /// header's counts.
    pub fn people(&self, filter: &PersonFilter) -> Result<PeopleList> {
        let today = self.today();
        let badges = self.role_badges(today)?;
        let everyone = self.people_sorted()?;
        let needle = fold_for_match(&filter.text);
        // One searcher for the 70 000 haystacks of a big network, not one built for each.
        let finder = memchr::memmem::Finder::new(needle.as_bytes());
        let coordination = filter
            .circle_id
            .map(|id| self.circle(id))
            .transpose()?
            .flatten()
            .is_some_and(|c| c.kind == CircleKind::Coordination);
        let in_scope = |r: &RoleBadge| match filter.circle_id {
            Some(_) if coordination => r.role == CircleRole::CoReferent,
            Some(id) => r.circle_id == id,
            None => true,
        };
        let by_role = filter.circle_id.is_some() || filter.role.is_some();
        // The counts in the same pass: one reading of each person.
        let (mut total, mut review) = (0, 0);
        let mut by_kind = [0usize; PersonKind::ALL.len()];
        let mut co_referents = 0;
        let mut shown = Vec::new();
        for &at in everyone.by_name() {
            let person = everyone.person(at);
            let gone = person.has_left(today);
            total += usize::from(!gone);
            review += usize::from(person.commune_awaits_review());
            if (gone && !filter.include_left)
                || filter.kind.is_some_and(|k| k != person.kind)
                || (filter.commune_review && !person.commune_awaits_review())
                || (!needle.is_empty() && finder.find(everyone.haystack(at).as_bytes()).is_none())
            {
                continue;
            }
            // A person's roles are looked up only for a filter by circle or role: the count
            // of co-référent·es asks a set that stays in cache.
            if by_role
                && !badges
                    .of(person.id)
                    .iter()
                    .filter(|r| in_scope(r))
                    .any(|r| filter.role.is_none_or(|role| r.role == role))
            {
                continue;
            }
            if let Some(n) = PersonKind::ALL.iter().position(|&k| k == person.kind) {
                by_kind[n] += 1;
            }
            co_referents += usize::from(badges.is_co_referent(person.id));
            shown.push(at);
        }
        let counts = PeopleCounts {
            shown: shown.len(),
            total,
            left: everyone.len() - total,
            by_kind: PersonKind::ALL.into_iter().zip(by_kind).collect(),
            co_referents,
            commune_review: review,
        };
        Ok(PeopleList {
            everyone,
            badges,
            shown,
            counts,
        })
    }

    /// One person, with every role they held.
    pub fn person(&self, id: i64) -> Result<Option<PersonDetail>> {
        let Some(person) = person_by_id(self.conn(), id)? else {
            return Ok(None);
        };
        let today = self.today();
        let mut stmt = self.conn().prepare(
            "SELECT m.id, c.name FROM memberships m JOIN circles c ON c.id = m.circle_id
             WHERE m.person_id = ?1",
        )?;
        let pairs: Vec<(i64, String)> = stmt
            .query_map([id], |r| Ok((r.get(0)?, line(r, 1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut memberships = Vec::with_capacity(pairs.len());
        for (mid, circle_name) in pairs {
            if let Some(m) = membership_by_id(self.conn(), mid)? {
                memberships.push(MembershipRow {
                    current: m.is_current(today),
                    membership: m,
                    circle_name,
                });
            }
        }
        memberships.sort_by(|a, b| {
            b.current
                .cmp(&a.current)
                .then(b.membership.since.cmp(&a.membership.since))
                .then(a.membership.id.cmp(&b.membership.id))
        });
        let mut stmt = self
            .conn()
            .prepare("SELECT name FROM users WHERE person_id = ?1 ORDER BY name")?;
        let users = stmt
            .query_map([id], |r| line(r, 0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Some(PersonDetail {
            person: self.shown_person(person),
            memberships,
            users,
        }))
    }

    /// Whether a new person could be added as drafted (what `add_person` would refuse, said
    /// the same way), without writing: a form asks about a namesake only for a person who can
    /// be added at all.
    pub fn validate_new_person(&self, draft: &PersonDraft) -> Result<()> {
        validate_new(self.conn(), draft).map(|_| ())
    }

    /// Add a person (email and phone validated and normalised; an email already in use is
    /// refused with the name of its holder).
    pub fn add_person(&mut self, draft: &PersonDraft) -> Result<Person> {
        self.write(Area::Governance, |tx| {
            let valid = validate_new(tx.conn(), draft)?;
            tx.insert_person(&valid, None)
        })
    }

    /// Save a person edited from `expected_version`; a stale version is a conflict carrying
    /// the person as they are now. Their commune is resolved; one still awaiting review, left
    /// as it was typed, stays so.
    pub fn update_person(
        &mut self,
        id: i64,
        expected_version: i64,
        draft: &PersonDraft,
    ) -> Result<Person> {
        self.write(Area::Governance, |tx| {
            let before: Person = tx.current(id, expected_version)?;
            let v = validate(tx.conn(), draft, Some(id))?;
            let commune = edited_commune(&before, &v.commune).map_err(StoreError::Field)?;
            tx.update_row(
                &before,
                "last_name = ?1, first_name = ?2, email = ?3, phone = ?4, commune = ?5, \
                 kind = ?6, confidentiality_signed_on = ?7, mission_accepted_on = ?8, notes = ?9, \
                 commune_typed = ?10",
                &[
                    &v.last_name,
                    &v.first_name,
                    &v.email,
                    &v.phone,
                    &commune.code,
                    &v.kind.code(),
                    &iso(v.confidentiality_signed_on),
                    &iso(v.mission_accepted_on),
                    &v.notes,
                    &commune.typed,
                ],
            )
        })
    }

    /// The person leaves the network on `on`: every role still open on that day ends then
    /// (history stays). `None` brings a person back (their roles are not reopened).
    pub fn set_person_left(
        &mut self,
        id: i64,
        expected_version: i64,
        on: Option<NaiveDate>,
    ) -> Result<Person> {
        self.not_after_today(crate::model::person::fields::LEFT_ON, on)?;
        self.write(Area::Governance, |tx| {
            let before: Person = tx.current(id, expected_version)?;
            if let (Some(_), Some(already)) = (on, before.left_on) {
                return Err(StoreError::Invalid(msg::already_left(
                    &before.display_name(),
                    &crate::model::format_date(already),
                )));
            }
            match on {
                Some(on) => tx.mark_left(&before, on),
                None => tx.update_row(&before, "left_on = ?1", &[&iso(on)]),
            }
        })
    }
}

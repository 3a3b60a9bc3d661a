//! Roles of people in circles: giving one, ending one, its term; and the current roles every
//! derived view (cercle général, cercle de coordination, counts, term alerts) is computed from.

use super::text_cols::{line, push_line, stored_len};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

use super::circles::{circle_by_id, date_at, date_col, iso};
use super::error::{Result, StoreError};
use super::session::Store;
use super::write::Tx;
use crate::catalogue::{circles as circle_msg, people as msg};
use crate::model::governance::{CurrentRole, Names};
use crate::model::membership::fields;
use crate::model::{Area, CircleKind, CircleRole, Membership, PersonKind, format_date};

const COLUMNS: &str = "id, person_id, circle_id, role, since, until, term_end, version";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Membership> {
    Ok(Membership {
        id: r.get(0)?,
        person_id: r.get(1)?,
        circle_id: r.get(2)?,
        // The CHECK constraint holds roles to the known codes.
        role: CircleRole::from_code(&r.get::<_, String>(3)?).unwrap_or(CircleRole::MembreActif),
        since: date_col(r.get(4)?).unwrap_or_default(),
        until: date_col(r.get(5)?),
        term_end: date_col(r.get(6)?),
        version: r.get(7)?,
    })
}

pub(crate) fn membership_by_id(conn: &Connection, id: i64) -> Result<Option<Membership>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM memberships WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?)
}

/// Every role current on `day` (`since <= day < until`), in open circles, of people still in
/// the network; in the circles' order, co-référent·es first, then by name.
pub(crate) fn current_roles(conn: &Connection, day: NaiveDate) -> Result<Vec<CurrentRole>> {
    let day = iso(Some(day));
    let circles = open_circles(conn, day.as_deref().unwrap_or_default())?;
    // The circles are read once, above: a big network has tens of thousands of roles in a
    // handful of circles, and each row then reads only its own columns.
    let mut stmt = conn.prepare_cached(
        "SELECT m.id, p.id, p.first_name, p.last_name, p.kind, m.circle_id,
                m.role, m.since, m.term_end
         FROM memberships m
         JOIN people p ON p.id = m.person_id
         WHERE m.since <= ?1 AND (m.until IS NULL OR m.until > ?1)
           AND (p.left_on IS NULL OR p.left_on > ?1)",
    )?;
    let mut rows = stmt.query([day])?;
    // The role codes in the order of their text, as SQLite compares `m.role`.
    let mut roles_by_code = CircleRole::ALL;
    roles_by_code.sort_unstable_by_key(|r| r.code());
    let role_rank = |role: CircleRole| roles_by_code.iter().position(|&r| r == role).unwrap_or(0);
    // Each row with its group: its circle's rank, then its role's.
    let mut read: Vec<Option<CurrentRole>> = Vec::new();
    let mut groups: Vec<usize> = Vec::new();
    while let Some(r) = rows.next()? {
        let circle_id: i64 = r.get(5)?;
        // A role in a closed circle (or one gone) is not current.
        let Ok(at) = circles.binary_search_by_key(&circle_id, |c| c.id) else {
            continue;
        };
        let circle = &circles[at];
        // Codes read in place: three strings fewer for each of tens of thousands of rows.
        let role =
            coded(r, 6, &CircleRole::ALL, CircleRole::code)?.unwrap_or(CircleRole::MembreActif);
        groups.push(circle.rank * roles_by_code.len() + role_rank(role));
        // Both names in one text: one allocation a row, not two.
        let mut names = String::with_capacity(stored_len(r, 3)? + stored_len(r, 2)?);
        let last_len = push_line(r, 3, &mut names)?;
        push_line(r, 2, &mut names)?;
        read.push(Some(CurrentRole {
            membership_id: r.get(0)?,
            person_id: r.get(1)?,
            names: Names::from_parts(names, last_len),
            kind: coded(r, 4, &PersonKind::ALL, PersonKind::code)?.unwrap_or(PersonKind::Benevole),
            circle_id,
            circle_name: std::rc::Rc::clone(&circle.name),
            circle_kind: circle.kind,
            role,
            since: date_at(r, 7)?.unwrap_or_default(),
            term_end: date_at(r, 8)?,
        }));
    }
    // In the circles' order, then the roles' (as `ORDER BY c.position, c.name, m.role` gives
    // them), and as read within each: a circle's members are put in order of names when
    // shown (`governance::circle_members`), not all 70 000 of a big network at start-up.
    // A counting sort: each group's rows are then taken in the order they were read, so the
    // rows are read in a handful of forward runs rather than at random.
    let mut starts = vec![0usize; circles.len() * roles_by_code.len() + 1];
    for &g in &groups {
        starts[g + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut order = vec![0u32; read.len()];
    for (i, &g) in groups.iter().enumerate() {
        let to = &mut starts[g];
        order[*to] = u32::try_from(i).unwrap_or(u32::MAX);
        *to += 1;
    }
    drop(groups);
    let mut out = Vec::with_capacity(read.len());
    out.extend(
        order
            .iter()
            .filter_map(|&i| read.get_mut(i as usize)?.take()),
    );
    Ok(out)
}

/// A circle open on the day of [`current_roles`], with its place in the circles' order.
struct OpenCircle {
    id: i64,
    name: std::rc::Rc<str>,
    kind: CircleKind,
    /// Its place by position, then name.
    rank: usize,
}

/// The circles open on `day` (ISO), by id, each with its rank by position and name.
fn open_circles(conn: &Connection, day: &str) -> Result<Vec<OpenCircle>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, kind, position FROM circles
         WHERE closed_on IS NULL OR closed_on > ?1",
    )?;
    let mut circles: Vec<(i64, OpenCircle)> = stmt
        .query_map([day], |r| {
            Ok((
                r.get(3)?,
                OpenCircle {
                    id: r.get(0)?,
                    name: line(r, 1)?.into(),
                    kind: CircleKind::from_code(code(r, 2)?),
                    rank: 0,
                },
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    circles.sort_by(|(pa, a), (pb, b)| (pa, &a.name, a.id).cmp(&(pb, &b.name, b.id)));
    for (rank, (_, c)) in circles.iter_mut().enumerate() {
        c.rank = rank;
    }
    let mut circles: Vec<OpenCircle> = circles.into_iter().map(|(_, c)| c).collect();
    circles.sort_unstable_by_key(|c| c.id);
    Ok(circles)
}

/// A text column holding a code, read in place (a code that is not text reads as none).
fn code<'r>(r: &'r rusqlite::Row<'_>, index: usize) -> rusqlite::Result<&'r str> {
    Ok(r.get_ref(index)?.as_str().unwrap_or(""))
}

/// The one of `all` whose code a text column holds, compared as bytes (none for another text,
/// or for one that is not text): as `from_code` of [`code`], without reading it as UTF-8.
fn coded<T: Copy>(
    r: &rusqlite::Row<'_>,
    index: usize,
    all: &[T],
    code_of: fn(T) -> &'static str,
) -> rusqlite::Result<Option<T>> {
    Ok(match r.get_ref(index)? {
        rusqlite::types::ValueRef::Text(b) => {
            all.iter().copied().find(|&v| code_of(v).as_bytes() == b)
        }
        _ => None,
    })
}

/// Roles of a person that are still open on `day` or start later: what leaving on `day` ends.
fn open_roles_of(conn: &Connection, person_id: i64, day: NaiveDate) -> Result<Vec<Membership>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM memberships
         WHERE person_id = ?1 AND (until IS NULL OR until > ?2) ORDER BY id"
    ))?;
    let rows = stmt.query_map(rusqlite::params![person_id, iso(Some(day))], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

super::write::versioned!(
    Membership,
    "memberships",
    membership_by_id,
    msg::THE_MEMBERSHIP
);

/// A value refused, under the field it is about.
fn refused(field: crate::model::FieldName, message: String) -> StoreError {
    StoreError::Field(crate::model::FieldError::new(field, message))
}

impl Tx<'_> {
    fn set_until(&self, before: &Membership, until: NaiveDate) -> Result<Membership> {
        if until < before.since {
            return Err(refused(
                fields::UNTIL,
                msg::until_before_since(&format_date(until), &format_date(before.since)),
            ));
        }
        self.update_row(before, "until = ?1", &[&iso(Some(until))])
    }

    /// End on `on` every role of the person still open then (leaving the network).
    pub(crate) fn end_open_roles_of(&self, person_id: i64, on: NaiveDate) -> Result<()> {
        for m in open_roles_of(self.conn(), person_id, on)? {
            if m.since > on {
                return Err(refused(
                    crate::model::person::fields::LEFT_ON,
                    msg::left_before_arrival(&format_date(on)),
                ));
            }
            self.set_until(&m, on)?;
        }
        Ok(())
    }

    /// Give a role; shared by the form and the import. See [`Store::give_role`].
    pub(crate) fn insert_membership(
        &self,
        person_id: i64,
        circle_id: i64,
        role: CircleRole,
        since: NaiveDate,
        term_end: Option<NaiveDate>,
    ) -> Result<Membership> {
        let person = self.load::<crate::model::Person>(person_id)?;
        if person.left_on.is_some() {
            return Err(StoreError::Invalid(msg::person_left(
                &person.display_name(),
            )));
        }
        let circle = circle_by_id(self.conn(), circle_id)?
            .ok_or_else(|| StoreError::Invalid(circle_msg::UNKNOWN_CIRCLE.into()))?;
        if circle.kind == CircleKind::Coordination {
            return Err(StoreError::Invalid(msg::derived_circle(circle.name())));
        }
        if !circle.is_open_on(since) {
            return Err(StoreError::Invalid(msg::circle_closed(circle.name())));
        }
        if let Some(t) = term_end.filter(|t| *t < since) {
            return Err(refused(
                fields::TERM_END,
                msg::term_before_since(&format_date(t), &format_date(since)),
            ));
        }
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {COLUMNS} FROM memberships WHERE person_id = ?1 AND circle_id = ?2
             AND (until IS NULL OR until > ?3) ORDER BY id"
        ))?;
        let open: Vec<Membership> = stmt
            .query_map(
                rusqlite::params![person_id, circle_id, iso(Some(since))],
                from_row,
            )?
            .collect::<rusqlite::Result<_>>()?;
        // One role per circle at a time: a role that starts later cannot be ended by one given
        // from an earlier day (both would stay open).
        if let Some(later) = open.iter().find(|m| m.since > since) {
            return Err(refused(
                fields::SINCE,
                msg::later_role(
                    &person.display_name(),
                    later.role.label(),
                    circle.name(),
                    &format_date(later.since),
                ),
            ));
        }
        if open.iter().any(|m| m.role == role) {
            return Err(StoreError::Invalid(msg::duplicate_role(
                &person.display_name(),
                role.label(),
                circle.name(),
            )));
        }
        // One role per circle at a time: a membre actif·ve who becomes co-référent·e (or the
        // reverse) leaves the former role on the day the new one starts.
        for m in open.iter().filter(|m| m.since <= since) {
            self.set_until(m, since)?;
        }
        self.conn().execute(
            "INSERT INTO memberships(person_id, circle_id, role, since, term_end)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            rusqlite::params![
                person_id,
                circle_id,
                role.code(),
                iso(Some(since)),
                iso(term_end)
            ],
        )?;
        self.inserted(self.conn().last_insert_rowid())
    }
}

impl Store {
    pub fn membership(&self, id: i64) -> Result<Option<Membership>> {
        membership_by_id(self.conn(), id)
    }

    /// Give `person_id` a role in a working circle from `since`, with an optional term end.
    /// Refused: the same role already open in that circle, the coordination circle (its
    /// members are derived), a closed circle, a person who left. A different role open in the
    /// same circle ends on `since` (a change of role, both rows kept).
    pub fn give_role(
        &mut self,
        person_id: i64,
        circle_id: i64,
        role: CircleRole,
        since: NaiveDate,
        term_end: Option<NaiveDate>,
    ) -> Result<Membership> {
        self.not_after_today(fields::SINCE, Some(since))?;
        self.write(Area::Governance, |tx| {
            tx.insert_membership(person_id, circle_id, role, since, term_end)
        })
    }

    /// End a role on `until` (the role no longer holds that day).
    pub fn end_role(
        &mut self,
        membership_id: i64,
        expected_version: i64,
        until: NaiveDate,
    ) -> Result<Membership> {
        self.not_after_today(fields::UNTIL, Some(until))?;
        self.write(Area::Governance, |tx| {
            let before: Membership = tx.current(membership_id, expected_version)?;
            if let Some(u) = before.until {
                return Err(StoreError::Invalid(msg::role_already_ended(&format_date(
                    u,
                ))));
            }
            tx.set_until(&before, until)
        })
    }

    /// Set or clear the end of a role's term (a renewed mandate, a corrected date).
    pub fn set_term_end(
        &mut self,
        membership_id: i64,
        expected_version: i64,
        term_end: Option<NaiveDate>,
    ) -> Result<Membership> {
        self.write(Area::Governance, |tx| {
            let before: Membership = tx.current(membership_id, expected_version)?;
            if let Some(t) = term_end.filter(|t| *t < before.since) {
                return Err(refused(
                    fields::TERM_END,
                    msg::term_before_since(&format_date(t), &format_date(before.since)),
                ));
            }
            tx.update_row(&before, "term_end = ?1", &[&iso(term_end)])
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The roles come in the order SQLite's `ORDER BY` gave when it sorted them: names that
    /// differ by case, by accents (which NOCASE leaves as bytes) and circles sharing a position.
    #[test]
    #[allow(clippy::unwrap_used)]
    fn roles_come_in_the_order_sqlite_would_sort_them() {
        let mut conn = Connection::open_in_memory().unwrap();
        super::super::open::migrations()
            .to_latest(&mut conn)
            .unwrap();
        conn.execute_batch(
            "INSERT INTO circles(id, name, position) VALUES (1, 'Zèbre', 2), (2, 'Agora', 2),
                 (3, 'Finances', 1), (4, 'agora bis', 2);
             INSERT INTO people(id, last_name, first_name) VALUES
                 (1, 'dupont', 'Émile'), (2, 'Dupont', 'alice'), (3, 'DUPONT', 'Zoé'),
                 (4, 'Éluard', 'Paul'), (5, 'eluard', 'paul'), (6, 'Martin', ''),
                 (7, 'martin', 'Ève'), (8, 'Zola', 'Émile'), (9, 'Lefebvre-Durand', 'a'),
                 (10, 'lefebvre-dupont', 'b'), (11, 'LEFEBVRE', 'c'), (12, 'Lefebvre', ''),
                 (13, 'Dupont', 'Alexandrine'), (14, 'dupont', 'ALEXANDRA'),
                 (15, 'Dupontel', 'Alexandrine'), (16, 'dupontel', 'alexandrin');",
        )
        .unwrap();
        let mut id = 0;
        for circle in 1..=4 {
            for person in 1..=16 {
                for role in ["membre_actif", "co_referent"] {
                    id += 1;
                    if (id * 7 + circle) % 3 == 0 {
                        continue;
                    }
                    conn.execute(
                        "INSERT INTO memberships(id, person_id, circle_id, role, since)
                         VALUES (?1, ?2, ?3, ?4, '2025-01-01')",
                        rusqlite::params![id, person, circle, role],
                    )
                    .unwrap();
                }
            }
        }
        let day = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
        let roles = current_roles(&conn, day).unwrap();
        // The circles come in their order; each circle's members are put in order of names
        // when shown.
        let mut circles: Vec<i64> = Vec::new();
        for r in &roles {
            if circles.last() != Some(&r.circle_id) {
                assert!(
                    !circles.contains(&r.circle_id),
                    "circle {} split",
                    r.circle_id
                );
                circles.push(r.circle_id);
            }
        }
        let ours: Vec<i64> = circles
            .iter()
            .flat_map(|&c| crate::model::governance::circle_members(&roles, c, false))
            .map(|m| m.membership_id)
            .collect();
        let sqlite: Vec<i64> = conn
            .prepare(
                "SELECT m.id FROM memberships m
                 JOIN people p ON p.id = m.person_id JOIN circles c ON c.id = m.circle_id
                 ORDER BY c.position, c.name, m.role, p.last_name COLLATE NOCASE,
                          p.first_name COLLATE NOCASE, m.id",
            )
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert!(sqlite.len() > 30, "{}", sqlite.len());
        assert_eq!(ours, sqlite);
    }
}

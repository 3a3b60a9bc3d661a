//! Roles of people in circles: giving one, ending one, its term; and the current roles every
//! derived view (cercle général, cercle de coordination, counts, term alerts) is computed from.

use super::text_cols::line;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

use super::circles::{circle_by_id, date_at, date_col, iso};
use super::error::{Result, StoreError};
use super::session::Store;
use super::write::Tx;
use crate::catalogue::{circles as circle_msg, people as msg};
use crate::model::governance::CurrentRole;
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
    let mut stmt = conn.prepare(
        "SELECT m.id, p.id, p.first_name, p.last_name, p.kind, c.id, c.name, c.kind,
                m.role, m.since, m.term_end, c.position
         FROM memberships m
         JOIN people p ON p.id = m.person_id
         JOIN circles c ON c.id = m.circle_id
         WHERE m.since <= ?1 AND (m.until IS NULL OR m.until > ?1)
           AND (c.closed_on IS NULL OR c.closed_on > ?1)
           AND (p.left_on IS NULL OR p.left_on > ?1)",
    )?;
    // A big network has tens of thousands of roles in a handful of circles: each circle's name
    // is read once.
    let mut names: std::collections::HashMap<i64, std::rc::Rc<str>> =
        std::collections::HashMap::new();
    let mut rows = stmt.query([day])?;
    // Each role with what it is ordered by besides its own fields: its circle's position and
    // its role's code (`co_referent` before `membre_actif`, the only two the table allows).
    let mut out: Vec<(i64, bool, CurrentRole)> = Vec::new();
    while let Some(r) = rows.next()? {
        let circle_id: i64 = r.get(5)?;
        let role_code = code_at(r, 8)?;
        let circle_name = match names.get(&circle_id) {
            Some(n) => std::rc::Rc::clone(n),
            None => {
                let n: std::rc::Rc<str> = line(r, 6)?.into();
                names.insert(circle_id, std::rc::Rc::clone(&n));
                n
            }
        };
        let role = CircleRole::from_code(role_code).unwrap_or(CircleRole::MembreActif);
        let after_co = role_code != "co_referent";
        out.push((
            r.get(11)?,
            after_co,
            CurrentRole {
                membership_id: r.get(0)?,
                person_id: r.get(1)?,
                first_name: line(r, 2)?,
                last_name: line(r, 3)?,
                kind: PersonKind::from_code(code_at(r, 4)?).unwrap_or(PersonKind::Benevole),
                circle_id,
                circle_name,
                circle_kind: CircleKind::from_code(code_at(r, 7)?),
                role,
                since: date_at(r, 9)?.unwrap_or_default(),
                term_end: date_at(r, 10)?,
            },
        ));
    }
    // Sorted here rather than by SQLite (its sort of a big network's roles by names without
    // case took longer than reading them): the same order as `ORDER BY c.position, c.name,
    // m.role, p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE, m.id`.
    // The places are sorted, not the roles: a role is big to move.
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_unstable_by(|&i, &j| {
        let ((pa, ra, a), (pb, rb, b)) = (&out[i], &out[j]);
        pa.cmp(pb)
            // One name per circle (they are unique): the same circle needs no comparing.
            .then_with(|| {
                if a.circle_id == b.circle_id {
                    std::cmp::Ordering::Equal
                } else {
                    a.circle_name.cmp(&b.circle_name)
                }
            })
            .then_with(|| ra.cmp(rb))
            .then_with(|| nocase_cmp(&a.last_name, &b.last_name))
            .then_with(|| nocase_cmp(&a.first_name, &b.first_name))
            .then_with(|| a.membership_id.cmp(&b.membership_id))
    });
    let mut roles: Vec<Option<CurrentRole>> =
        out.into_iter().map(|(_, _, role)| Some(role)).collect();
    // Each place is taken once.
    Ok(order.into_iter().filter_map(|i| roles[i].take()).collect())
}

/// A code column read in place, without copying it out of the row.
fn code_at<'r>(r: &'r rusqlite::Row<'_>, index: usize) -> rusqlite::Result<&'r str> {
    Ok(r.get_ref(index)?.as_str()?)
}

/// SQLite's `NOCASE`: bytes compared with only ASCII letters' case ignored.
fn nocase_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    a.bytes()
        .map(|c| c.to_ascii_lowercase())
        .cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
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
#[allow(clippy::unwrap_used)]
mod tests {
    use super::nocase_cmp;

    /// The roles are sorted in Rust as SQLite sorted them: `COLLATE NOCASE` ignores the case of
    /// ASCII letters only, and compares the rest byte by byte.
    #[test]
    fn nocase_orders_names_as_sqlite_does() {
        let names = [
            "dupont",
            "Dupont",
            "DUPONT",
            "Dupond",
            "dupont-Aubert",
            "Émile",
            "émile",
            "Eve",
            "ève",
            "Zoé",
            "zoe",
            "",
            "a",
            "A",
            "ab",
            "Ab",
            "o'Neil",
            "O'Neil",
            "Œuvre",
            "éa",
        ];
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
            .unwrap();
        for (i, n) in names.iter().enumerate() {
            conn.execute(
                "INSERT INTO t VALUES (?1, ?2)",
                rusqlite::params![i as i64, n],
            )
            .unwrap();
        }
        let mut stmt = conn
            .prepare("SELECT name FROM t ORDER BY name COLLATE NOCASE, id")
            .unwrap();
        let by_sqlite: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let mut by_rust: Vec<(usize, &str)> = names.iter().copied().enumerate().collect();
        by_rust.sort_by(|(ia, a), (ib, b)| nocase_cmp(a, b).then(ia.cmp(ib)));
        let by_rust: Vec<&str> = by_rust.into_iter().map(|(_, n)| n).collect();
        assert_eq!(by_sqlite, by_rust);
    }
}

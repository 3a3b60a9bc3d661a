//! Partner organisations and their links to rencontres: the list by name, a partner's events
//! and an event's partners, the writes (governance), a partner deleted with its links. A
//! `lecture` session reads no partner's contact.

use rusqlite::{Connection, OptionalExtension};

use super::error::{Result, StoreError};
use super::events::{AFTER_COLUMNS, COLUMNS as EVENT_COLUMNS, from_row as event_from_row};
use super::session::Store;
use super::text_cols::{line, text};
use crate::catalogue::partners as msg;
use crate::model::field::FieldName;
use crate::model::partner::fields;
use crate::model::{
    Area, Event, EventPartner, FieldError, Partner, PartnerDraft, PartnerKind, PartnerRole,
};

const COLUMNS: &str =
    "p.id, p.name, p.kind, p.garant_employee, p.garant_coref, p.contact, p.notes, p.version";
const AFTER_PARTNER_COLUMNS: usize = 8;

const LINK_COLUMNS: &str = "ep.id, ep.event_id, ep.partner_id, ep.role, ep.version";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Partner> {
    let kind: String = r.get(2)?;
    Ok(Partner {
        id: r.get(0)?,
        name: line(r, 1)?,
        // The CHECK constraint keeps it to known codes.
        kind: PartnerKind::from_code(&kind).unwrap_or(PartnerKind::Autre),
        garant_employee: r.get(3)?,
        garant_coref: r.get(4)?,
        contact: line(r, 5)?,
        notes: text(r, 6)?,
        version: r.get(7)?,
    })
}

/// A link read from `LINK_COLUMNS` starting at column `at`.
fn link_at(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<EventPartner> {
    let role: String = r.get(at + 3)?;
    Ok(EventPartner {
        id: r.get(at)?,
        event_id: r.get(at + 1)?,
        partner_id: r.get(at + 2)?,
        role: PartnerRole::from_code(&role).unwrap_or(PartnerRole::Intervenant),
        version: r.get(at + 4)?,
    })
}

pub(crate) fn partner_by_id(conn: &Connection, id: i64) -> Result<Option<Partner>> {
    Ok(conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM partners p WHERE p.id = ?1"))?
        .query_row([id], from_row)
        .optional()?)
}

pub(crate) fn link_by_id(conn: &Connection, id: i64) -> Result<Option<EventPartner>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {LINK_COLUMNS} FROM event_partners ep WHERE ep.id = ?1"
        ))?
        .query_row([id], |r| link_at(r, 0))
        .optional()?)
}

super::write::versioned!(Partner, "partners", partner_by_id, msg::THE_PARTNER);
super::write::versioned!(EventPartner, "event_partners", link_by_id, msg::THE_LINK);

/// The links of the rows where `column` (a constant of this file) is `id`, by id.
fn links_where(conn: &Connection, column: &str, id: i64) -> Result<Vec<EventPartner>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {LINK_COLUMNS} FROM event_partners ep WHERE ep.{column} = ?1 ORDER BY ep.id"
    ))?;
    let rows = stmt.query_map([id], |r| link_at(r, 0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A co-garant·e named must be a person of the base; the refusal goes under its field.
fn person_exists(conn: &Connection, person: Option<i64>, field: FieldName) -> Result<()> {
    let Some(id) = person else { return Ok(()) };
    let found: Option<i64> = conn
        .query_row("SELECT id FROM people WHERE id = ?1", [id], |r| r.get(0))
        .optional()?;
    match found {
        Some(_) => Ok(()),
        None => Err(StoreError::Field(FieldError::new(
            field,
            msg::UNKNOWN_GARANT,
        ))),
    }
}

/// A partner draft checked, its co-garant·es known.
fn checked(conn: &Connection, draft: &PartnerDraft) -> Result<PartnerDraft> {
    let d = draft.validated().map_err(StoreError::Field)?;
    person_exists(conn, d.garant_employee, fields::GARANT_EMPLOYEE)?;
    person_exists(conn, d.garant_coref, fields::GARANT_COREF)?;
    Ok(d)
}

impl super::write::Tx<'_> {
    /// Delete the partner links of an event, each journaled (the step of deleting the event).
    pub(in crate::store) fn delete_event_partner_links(&self, event_id: i64) -> Result<()> {
        for link in links_where(self.conn(), "event_id", event_id)? {
            self.delete_row(&link)?;
        }
        Ok(())
    }
}

impl Store {
    /// Blank what this session's role may not see (a `lecture` user sees no contact details,
    /// as for collectives).
    fn shown_partner(&self, mut p: Partner) -> Partner {
        if !self.actor().role.sees_contacts() {
            p.contact = String::new();
        }
        p
    }

    /// Every partner, by name (without case).
    pub fn partners(&self) -> Result<Vec<Partner>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {COLUMNS} FROM partners p ORDER BY p.name COLLATE NOCASE, p.id"
        ))?;
        let rows = stmt.query_map([], from_row)?;
        let all = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(all.into_iter().map(|p| self.shown_partner(p)).collect())
    }

    pub fn partner(&self, id: i64) -> Result<Option<Partner>> {
        Ok(partner_by_id(self.conn(), id)?.map(|p| self.shown_partner(p)))
    }

    pub fn add_partner(&mut self, draft: &PartnerDraft) -> Result<Partner> {
        self.write(Area::Governance, |tx| {
            let d = checked(tx.conn(), draft)?;
            tx.conn().execute(
                "INSERT INTO partners(name, kind, garant_employee, garant_coref, contact, notes)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                rusqlite::params![
                    d.name,
                    d.kind.code(),
                    d.garant_employee,
                    d.garant_coref,
                    d.contact,
                    d.notes
                ],
            )?;
            tx.inserted(tx.conn().last_insert_rowid())
        })
    }

    /// Save a partner edited from `expected_version`.
    pub fn update_partner(
        &mut self,
        id: i64,
        expected_version: i64,
        draft: &PartnerDraft,
    ) -> Result<Partner> {
        self.write(Area::Governance, |tx| {
            let before: Partner = tx.current(id, expected_version)?;
            let d = checked(tx.conn(), draft)?;
            tx.update_row(
                &before,
                "name = ?1, kind = ?2, garant_employee = ?3, garant_coref = ?4, contact = ?5, \
                 notes = ?6",
                &[
                    &d.name,
                    &d.kind.code(),
                    &d.garant_employee,
                    &d.garant_coref,
                    &d.contact,
                    &d.notes,
                ],
            )
        })
    }

    /// Delete a partner and its links to events (each link journaled), in one write.
    pub fn delete_partner(&mut self, id: i64, expected_version: i64) -> Result<()> {
        self.write(Area::Governance, |tx| {
            let before: Partner = tx.current(id, expected_version)?;
            for link in links_where(tx.conn(), "partner_id", id)? {
                tx.delete_row(&link)?;
            }
            tx.delete_row(&before)
        })
    }

    /// The partners of an event with their links: the co-organisers first, then the speakers,
    /// each by name (without case).
    pub fn event_partners(&self, event_id: i64) -> Result<Vec<(EventPartner, Partner)>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {COLUMNS}, {LINK_COLUMNS}
             FROM event_partners ep JOIN partners p ON p.id = ep.partner_id
             WHERE ep.event_id = ?1
             ORDER BY ep.role <> 'co_organisateur', p.name COLLATE NOCASE, p.id, ep.id"
        ))?;
        let rows = stmt.query_map([event_id], |r| {
            Ok((link_at(r, AFTER_PARTNER_COLUMNS)?, from_row(r)?))
        })?;
        let all = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(all
            .into_iter()
            .map(|(l, p)| (l, self.shown_partner(p)))
            .collect())
    }

    /// The events of a partner with their links, in the events' listing order (upcoming first,
    /// then the past, latest first); a partner both co-organiser and speaker of an event has
    /// both links, co-organiser first.
    pub fn partner_events(&self, partner_id: i64) -> Result<Vec<(EventPartner, Event)>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {EVENT_COLUMNS}, {LINK_COLUMNS}
             FROM event_partners ep JOIN events e ON e.id = ep.event_id
             WHERE ep.partner_id = ?1"
        ))?;
        let rows = stmt.query_map([partner_id], |r| {
            Ok((link_at(r, AFTER_COLUMNS)?, event_from_row(r)?))
        })?;
        let mut all = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        let today = self.today();
        all.sort_by(|(la, a), (lb, b)| {
            crate::model::event::listing_order(a, b, today)
                .then(la.role.cmp(&lb.role))
                .then(la.id.cmp(&lb.id))
        });
        Ok(all)
    }

    /// Link a partner to an event in `role`. The same partner twice in the same role of an
    /// event is refused; an unknown event or partner is not found.
    pub fn link_partner(
        &mut self,
        event_id: i64,
        partner_id: i64,
        role: PartnerRole,
    ) -> Result<EventPartner> {
        self.write(Area::Governance, |tx| {
            tx.load::<Event>(event_id)?;
            tx.load::<Partner>(partner_id)?;
            let already: Option<i64> = tx
                .conn()
                .query_row(
                    "SELECT id FROM event_partners
                     WHERE event_id = ?1 AND partner_id = ?2 AND role = ?3",
                    rusqlite::params![event_id, partner_id, role.code()],
                    |r| r.get(0),
                )
                .optional()?;
            if already.is_some() {
                return Err(StoreError::Invalid(msg::ALREADY_LINKED.into()));
            }
            tx.conn().execute(
                "INSERT INTO event_partners(event_id, partner_id, role) VALUES (?1, ?2, ?3)",
                rusqlite::params![event_id, partner_id, role.code()],
            )?;
            tx.inserted(tx.conn().last_insert_rowid())
        })
    }

    /// Remove a link read at `expected_version`.
    pub fn unlink_partner(&mut self, link_id: i64, expected_version: i64) -> Result<()> {
        self.write(Area::Governance, |tx| {
            let before: EventPartner = tx.current(link_id, expected_version)?;
            tx.delete_row(&before)
        })
    }
}

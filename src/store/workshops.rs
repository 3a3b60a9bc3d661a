//! Workshops (ateliers) of a rencontre: an event's workshops in the order they were added, the
//! writes (event tasks, as the checklist's), an event's workshops deleted with it.

use rusqlite::{Connection, OptionalExtension};

use super::error::{Result, StoreError};
use super::session::Store;
use super::text_cols::{line, text};
use crate::catalogue::partners as msg;
use crate::model::{Area, Event, Workshop, WorkshopDraft};

const COLUMNS: &str = "w.id, w.event_id, w.title, w.slot, w.room, w.facilitators, w.version";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Workshop> {
    Ok(Workshop {
        id: r.get(0)?,
        event_id: r.get(1)?,
        title: line(r, 2)?,
        slot: line(r, 3)?,
        room: line(r, 4)?,
        facilitators: text(r, 5)?,
        version: r.get(6)?,
    })
}

pub(crate) fn workshop_by_id(conn: &Connection, id: i64) -> Result<Option<Workshop>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM workshops w WHERE w.id = ?1"
        ))?
        .query_row([id], from_row)
        .optional()?)
}

super::write::versioned!(Workshop, "workshops", workshop_by_id, msg::THE_WORKSHOP);

fn workshops_of(conn: &Connection, event_id: i64) -> Result<Vec<Workshop>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM workshops w WHERE w.event_id = ?1 ORDER BY w.id"
    ))?;
    let rows = stmt.query_map([event_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl super::write::Tx<'_> {
    /// Delete the workshops of an event, each journaled (the step of deleting the event).
    pub(in crate::store) fn delete_event_workshops(&self, event_id: i64) -> Result<()> {
        for w in workshops_of(self.conn(), event_id)? {
            self.delete_row(&w)?;
        }
        Ok(())
    }
}

impl Store {
    /// The workshops of an event, in the order they were added (a slot is free text, "samedi
    /// 10h–12h", that sorts no better than that).
    pub fn workshops(&self, event_id: i64) -> Result<Vec<Workshop>> {
        workshops_of(self.conn(), event_id)
    }

    pub fn workshop(&self, id: i64) -> Result<Option<Workshop>> {
        workshop_by_id(self.conn(), id)
    }

    /// Add a workshop to an event, after its workshops.
    pub fn add_workshop(&mut self, event_id: i64, draft: &WorkshopDraft) -> Result<Workshop> {
        self.write(Area::EventTasks, |tx| {
            tx.load::<Event>(event_id)?;
            let d = draft.validated().map_err(StoreError::Field)?;
            tx.conn().execute(
                "INSERT INTO workshops(event_id, title, slot, room, facilitators)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                rusqlite::params![event_id, d.title, d.slot, d.room, d.facilitators],
            )?;
            tx.inserted(tx.conn().last_insert_rowid())
        })
    }

    /// Save a workshop edited from `expected_version`.
    pub fn update_workshop(
        &mut self,
        id: i64,
        expected_version: i64,
        draft: &WorkshopDraft,
    ) -> Result<Workshop> {
        self.write(Area::EventTasks, |tx| {
            let before: Workshop = tx.current(id, expected_version)?;
            let d = draft.validated().map_err(StoreError::Field)?;
            tx.update_row(
                &before,
                "title = ?1, slot = ?2, room = ?3, facilitators = ?4",
                &[&d.title, &d.slot, &d.room, &d.facilitators],
            )
        })
    }

    pub fn delete_workshop(&mut self, id: i64, expected_version: i64) -> Result<()> {
        self.write(Area::EventTasks, |tx| {
            let before: Workshop = tx.current(id, expected_version)?;
            tx.delete_row(&before)
        })
    }
}

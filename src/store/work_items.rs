//! The work log of circles (réalisé / en cours / à venir, by year), what the annual report is
//! built from. Writes are of the `WorkLog` area: volunteers keep it, not only coordinators.
//!
//! `position` orders items inside one circle, year and status; an item that changes status or
//! year goes to the end of its new list.

use super::text_cols::{line, text};
use rusqlite::{Connection, OptionalExtension};

use super::circles::circle_by_id;
use super::error::{Result, StoreError};
use super::session::Store;
use super::write::Tx;
use crate::catalogue::circles as msg;
use crate::model::{Area, CarriedWork, When, WorkItem, WorkItemDraft, WorkStatus};

const COLUMNS: &str =
    "id, circle_id, year, status, on_date, title, details, figures, position, version";

/// SQL ordering of statuses in the report's order.
const STATUS_ORDER: &str = "CASE status WHEN 'realise' THEN 0 WHEN 'en_cours' THEN 1 ELSE 2 END";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<WorkItem> {
    Ok(WorkItem {
        id: r.get(0)?,
        circle_id: r.get(1)?,
        year: r.get(2)?,
        // The CHECK constraint holds statuses to the known codes.
        status: WorkStatus::from_code(&r.get::<_, String>(3)?).unwrap_or(WorkStatus::EnCours),
        // A day (`2025-04-09`) or a month (`2025-04`); the text sorts as the dates do.
        on_date: r
            .get::<_, Option<String>>(4)?
            .as_deref()
            .and_then(When::from_stored),
        title: line(r, 5)?,
        details: text(r, 6)?,
        figures: text(r, 7)?,
        position: r.get(8)?,
        version: r.get(9)?,
    })
}

fn by_id(conn: &Connection, id: i64) -> Result<Option<WorkItem>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM work_items WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?)
}

/// The position after the last item of a circle, year and status.
fn next_position(conn: &Connection, circle_id: i64, year: i32, status: WorkStatus) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT coalesce(max(position), 0) + 1 FROM work_items
         WHERE circle_id = ?1 AND year = ?2 AND status = ?3",
        rusqlite::params![circle_id, year, status.code()],
        |r| r.get(0),
    )?)
}

/// What the journal knows of an item's stay in `year`: its last state there, and the state
/// it was given when it left (the carry). `None` when it was never there, or when the journal's
/// values of it were erased (then nothing is guessed).
fn journaled_stay_in(
    conn: &Connection,
    id: i64,
    year: i32,
) -> Result<Option<(WorkItem, WorkItem)>> {
    let mut stmt = conn.prepare(
        "SELECT after FROM audit WHERE tbl = 'work_items' AND row_id = ?1 ORDER BY id DESC",
    )?;
    let mut rows = stmt.query([id])?;
    let mut left: Option<WorkItem> = None;
    while let Some(row) = rows.next()? {
        let Some(after) = row.get::<_, Option<String>>(0)? else {
            return Ok(None);
        };
        let Ok(then) = serde_json::from_str::<WorkItem>(&after) else {
            return Ok(None);
        };
        if then.year == year {
            return Ok(left.map(|left| (then, left)));
        }
        left = Some(then);
    }
    Ok(None)
}

fn validated(draft: &WorkItemDraft) -> Result<WorkItemDraft> {
    draft.validated().map_err(StoreError::Field)
}

super::write::versioned!(WorkItem, "work_items", by_id, msg::THE_WORK_ITEM);

impl Tx<'_> {
    /// Write every field of `d` over the item read as `before`, audited.
    fn rewrite_work_item(&self, before: &WorkItem, d: &WorkItemDraft) -> Result<WorkItem> {
        let moved = d.status != before.status || d.year != before.year;
        let position = if moved {
            next_position(self.conn(), before.circle_id, d.year, d.status)?
        } else {
            before.position
        };
        self.update_row(
            before,
            "year = ?1, status = ?2, on_date = ?3, title = ?4, details = ?5, figures = ?6, \
             position = ?7",
            &[
                &d.year,
                &d.status.code(),
                &d.on_date.map(When::to_stored),
                &d.title,
                &d.details,
                &d.figures,
                &position,
            ],
        )
    }
}

impl Store {
    /// A circle's work log for one year: réalisé, en cours, à venir, each in its order.
    pub fn work_items(&self, circle_id: i64, year: i32) -> Result<Vec<WorkItem>> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {COLUMNS} FROM work_items WHERE circle_id = ?1 AND year = ?2
             ORDER BY {STATUS_ORDER}, position, id"
        ))?;
        let rows = stmt.query_map(rusqlite::params![circle_id, year], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The years a circle's work log has items for, most recent first.
    pub fn work_item_years(&self, circle_id: i64) -> Result<Vec<i32>> {
        let mut stmt = self.conn().prepare(
            "SELECT DISTINCT year FROM work_items WHERE circle_id = ?1 ORDER BY year DESC",
        )?;
        let rows = stmt.query_map([circle_id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn work_item(&self, id: i64) -> Result<Option<WorkItem>> {
        by_id(self.conn(), id)
    }

    /// Add an item at the end of its status list.
    pub fn add_work_item(&mut self, circle_id: i64, draft: &WorkItemDraft) -> Result<WorkItem> {
        let d = validated(draft)?;
        self.write(Area::WorkLog, |tx| {
            if circle_by_id(tx.conn(), circle_id)?.is_none() {
                return Err(StoreError::Invalid(msg::UNKNOWN_CIRCLE.into()));
            }
            let position = next_position(tx.conn(), circle_id, d.year, d.status)?;
            tx.conn().execute(
                "INSERT INTO work_items(circle_id, year, status, on_date, title, details,
                                        figures, position)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                rusqlite::params![
                    circle_id,
                    d.year,
                    d.status.code(),
                    d.on_date.map(When::to_stored),
                    d.title,
                    d.details,
                    d.figures,
                    position
                ],
            )?;
            tx.inserted(tx.conn().last_insert_rowid())
        })
    }

    /// Save every field of an item (status and year included).
    pub fn update_work_item(
        &mut self,
        id: i64,
        expected_version: i64,
        draft: &WorkItemDraft,
    ) -> Result<WorkItem> {
        let d = validated(draft)?;
        self.write(Area::WorkLog, |tx| {
            let before = tx.current::<WorkItem>(id, expected_version)?;
            tx.rewrite_work_item(&before, &d)
        })
    }

    /// Move an item to `status` (the one-key move uses `status.next()`).
    pub fn set_work_item_status(
        &mut self,
        id: i64,
        expected_version: i64,
        status: WorkStatus,
    ) -> Result<WorkItem> {
        self.write(Area::WorkLog, |tx| {
            let before = tx.current::<WorkItem>(id, expected_version)?;
            let d = WorkItemDraft {
                status,
                ..before.draft()
            };
            tx.rewrite_work_item(&before, &d)
        })
    }

    /// One key: à venir → en cours → réalisé → à venir.
    pub fn cycle_work_item_status(&mut self, id: i64, expected_version: i64) -> Result<WorkItem> {
        self.write(Area::WorkLog, |tx| {
            let before = tx.current::<WorkItem>(id, expected_version)?;
            let d = WorkItemDraft {
                status: before.status.next(),
                ..before.draft()
            };
            tx.rewrite_work_item(&before, &d)
        })
    }

    /// Move an item to another year (work carried over). Carried to a later year, a réalisé
    /// item is not done there: it becomes à venir in a year still to come, en cours otherwise.
    /// Its date, which belongs to the old year, is taken off (never moved to an invented day of
    /// the new one). Carried back to a year it was in, it gets the date it had there, and the
    /// status too unless that was changed meanwhile: `>` then `<` leaves it as it was (at the
    /// end of its list). The caller says all of it to the user.
    pub fn set_work_item_year(
        &mut self,
        id: i64,
        expected_version: i64,
        year: i32,
    ) -> Result<CarriedWork> {
        crate::model::work::check_year(year).map_err(StoreError::Field)?;
        let this_year = chrono::Datelike::year(&self.today());
        self.write(Area::WorkLog, |tx| {
            let before = tx.current::<WorkItem>(id, expected_version)?;
            let mut status = match before.status {
                WorkStatus::Realise if year > before.year && year > this_year => WorkStatus::AVenir,
                WorkStatus::Realise if year > before.year => WorkStatus::EnCours,
                other => other,
            };
            let (kept, dropped) = match before.on_date {
                Some(on) if on.year() == year => (Some(on), None),
                other => (None, other),
            };
            let mut restored = None;
            if kept.is_none()
                && let Some((there, left)) = journaled_stay_in(tx.conn(), id, year)?
            {
                restored = there.on_date.filter(|on| on.year() == year);
                // Back where it was: its status too, unless someone changed it since.
                if before.status == left.status {
                    status = there.status;
                }
            }
            let d = WorkItemDraft {
                year,
                status,
                on_date: kept.or(restored),
                ..before.draft()
            };
            let item = tx.rewrite_work_item(&before, &d)?;
            Ok(CarriedWork {
                status_changed: item.status != before.status,
                item,
                dropped,
                restored,
            })
        })
    }

    /// Delete an item typed by mistake. The journal keeps its last values; the report is
    /// built from what remains.
    pub fn delete_work_item(&mut self, id: i64, expected_version: i64) -> Result<()> {
        self.write(Area::WorkLog, |tx| {
            let before = tx.current::<WorkItem>(id, expected_version)?;
            tx.delete_row(&before)
        })
    }
}

//! Working groups (GT) inside circles: create, edit name and purpose, close (history stays).

use super::text_cols::{line, text};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

use super::circles::{circle_by_id, date_col, iso};
use super::error::{Result, StoreError};
use super::session::Store;
use crate::catalogue::circles as msg;
use crate::model::{Area, WorkingGroup, WorkingGroupDraft, format_date};

const COLUMNS: &str = "id, circle_id, name, purpose, created_on, closed_on, version";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<WorkingGroup> {
    Ok(WorkingGroup {
        id: r.get(0)?,
        circle_id: r.get(1)?,
        name: line(r, 2)?,
        purpose: text(r, 3)?,
        created_on: date_col(r.get(4)?),
        closed_on: date_col(r.get(5)?),
        version: r.get(6)?,
    })
}

fn by_id(conn: &Connection, id: i64) -> Result<Option<WorkingGroup>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM working_groups WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?)
}

fn validate(
    conn: &Connection,
    circle_id: i64,
    draft: &WorkingGroupDraft,
    id: Option<i64>,
) -> Result<WorkingGroupDraft> {
    let draft = draft.validated().map_err(StoreError::Field)?;
    let clash: Option<i64> = conn
        .query_row(
            "SELECT id FROM working_groups
             WHERE circle_id = ?1 AND name = ?2 COLLATE NOCASE AND id IS NOT ?3",
            rusqlite::params![circle_id, draft.name, id],
            |r| r.get(0),
        )
        .optional()?;
    if clash.is_some() {
        return Err(StoreError::Field(crate::model::FieldError::new(
            crate::model::work::fields::GT_NAME,
            msg::gt_name_taken(&draft.name),
        )));
    }
    Ok(draft)
}

super::write::versioned!(
    WorkingGroup,
    "working_groups",
    by_id,
    msg::THE_WORKING_GROUP
);

impl Store {
    /// The GTs of a circle: open ones first, then by creation date and name.
    pub fn working_groups(&self, circle_id: i64) -> Result<Vec<WorkingGroup>> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {COLUMNS} FROM working_groups WHERE circle_id = ?1
             ORDER BY closed_on IS NOT NULL, created_on, name COLLATE NOCASE"
        ))?;
        let rows = stmt.query_map([circle_id], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn working_group(&self, id: i64) -> Result<Option<WorkingGroup>> {
        by_id(self.conn(), id)
    }

    pub fn create_working_group(
        &mut self,
        circle_id: i64,
        draft: &WorkingGroupDraft,
    ) -> Result<WorkingGroup> {
        self.write(Area::Governance, |tx| {
            if circle_by_id(tx.conn(), circle_id)?.is_none() {
                return Err(StoreError::Invalid(msg::UNKNOWN_CIRCLE.into()));
            }
            let d = validate(tx.conn(), circle_id, draft, None)?;
            tx.conn().execute(
                "INSERT INTO working_groups(circle_id, name, purpose, created_on)
                 VALUES (?1, ?2, ?3, ?4)",
                rusqlite::params![circle_id, d.name, d.purpose, iso(d.created_on)],
            )?;
            tx.inserted(tx.conn().last_insert_rowid())
        })
    }

    /// Edit a GT's name, purpose and creation date.
    pub fn update_working_group(
        &mut self,
        id: i64,
        expected_version: i64,
        draft: &WorkingGroupDraft,
    ) -> Result<WorkingGroup> {
        self.write(Area::Governance, |tx| {
            let before: WorkingGroup = tx.current(id, expected_version)?;
            let d = validate(tx.conn(), before.circle_id, draft, Some(id))?;
            tx.update_row(
                &before,
                "name = ?1, purpose = ?2, created_on = ?3",
                &[&d.name, &d.purpose, &iso(d.created_on)],
            )
        })
    }

    /// Close a GT on `on` (history stays), or reopen it with `None`.
    pub fn set_working_group_closed(
        &mut self,
        id: i64,
        expected_version: i64,
        on: Option<NaiveDate>,
    ) -> Result<WorkingGroup> {
        self.not_after_today(crate::model::circle::fields::CLOSED_ON, on)?;
        self.write(Area::Governance, |tx| {
            let before: WorkingGroup = tx.current(id, expected_version)?;
            if let (Some(on), Some(created)) = (on, before.created_on)
                && on < created
            {
                return Err(super::circles::closed_before_created(
                    &format_date(on),
                    &format_date(created),
                ));
            }
            tx.update_row(&before, "closed_on = ?1", &[&iso(on)])
        })
    }
}

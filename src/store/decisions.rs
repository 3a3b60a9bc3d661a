//! Decisions of the instances (AG, cercle général, coordination, a circle), and the reviews
//! that are due by the Clock.

use super::text_cols::{line, text};
use rusqlite::{Connection, OptionalExtension};

use super::circles::{circle_by_id, date_col, iso};
use super::error::{Result, StoreError};
use super::session::Store;
use crate::catalogue::circles as msg;
use crate::model::{Area, CircleKind, Decision, DecisionDraft, Instance};

const COLUMNS: &str = "id, instance, circle_id, decided_on, title, body, review_on, version";
const ORDER: &str = "ORDER BY decided_on DESC, id DESC";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Decision> {
    let code: String = r.get(1)?;
    Ok(Decision {
        id: r.get(0)?,
        // The CHECK constraint ties 'cercle' to a circle id.
        instance: Instance::from_code(&code, r.get(2)?).unwrap_or(Instance::CercleGeneral),
        decided_on: date_col(r.get(3)?).unwrap_or_default(),
        title: line(r, 4)?,
        body: text(r, 5)?,
        review_on: date_col(r.get(6)?),
        version: r.get(7)?,
    })
}

fn by_id(conn: &Connection, id: i64) -> Result<Option<Decision>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM decisions WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?)
}

/// Clean and check a draft; a decision "of the coordination circle" is stored as the
/// coordination instance, so it is listed once whichever way it was chosen.
fn validate(conn: &Connection, draft: &DecisionDraft) -> Result<DecisionDraft> {
    let mut d = draft.validated().map_err(StoreError::Field)?;
    if let Instance::Cercle(id) = d.instance {
        let circle = circle_by_id(conn, id)?
            .ok_or_else(|| StoreError::Invalid(msg::UNKNOWN_CIRCLE.into()))?;
        if circle.kind == CircleKind::Coordination {
            d.instance = Instance::Coordination;
        }
    }
    Ok(d)
}

super::write::versioned!(Decision, "decisions", by_id, msg::THE_DECISION);

impl Store {
    fn decisions_where(
        &self,
        condition: &str,
        params: &[&dyn rusqlite::ToSql],
    ) -> Result<Vec<Decision>> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {COLUMNS} FROM decisions WHERE {condition} {ORDER}"
        ))?;
        let rows = stmt.query_map(params, from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Decisions of one instance (every decision with `None`), most recent first. For
    /// `Instance::Cercle(id)` of the coordination circle, the coordination's decisions.
    pub fn decisions(&self, instance: Option<Instance>) -> Result<Vec<Decision>> {
        match instance {
            None => self.decisions_where("1", &[]),
            Some(Instance::Cercle(id)) => self.circle_decisions(id),
            Some(i) => self.decisions_where("instance = ?1", &[&i.code()]),
        }
    }

    /// The decisions shown in a circle's detail: its own (the coordination circle's are those
    /// of the coordination instance).
    pub fn circle_decisions(&self, circle_id: i64) -> Result<Vec<Decision>> {
        let coordination = self
            .circle(circle_id)?
            .is_some_and(|c| c.kind == CircleKind::Coordination);
        if coordination {
            self.decisions_where("instance = 'coordination'", &[])
        } else {
            self.decisions_where("instance = 'cercle' AND circle_id = ?1", &[&circle_id])
        }
    }

    /// Decisions whose review date has come (by the Clock), the oldest review first.
    pub fn decisions_due(&self) -> Result<Vec<Decision>> {
        let today = iso(Some(self.today()));
        let mut due =
            self.decisions_where("review_on IS NOT NULL AND review_on <= ?1", &[&today])?;
        due.sort_by_key(|d| (d.review_on, d.id));
        Ok(due)
    }

    pub fn decision(&self, id: i64) -> Result<Option<Decision>> {
        by_id(self.conn(), id)
    }

    pub fn add_decision(&mut self, draft: &DecisionDraft) -> Result<Decision> {
        self.write(Area::Governance, |tx| {
            let d = validate(tx.conn(), draft)?;
            tx.conn().execute(
                "INSERT INTO decisions(instance, circle_id, decided_on, title, body, review_on)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                rusqlite::params![
                    d.instance.code(),
                    d.instance.circle_id(),
                    iso(Some(d.decided_on)),
                    d.title,
                    d.body,
                    iso(d.review_on)
                ],
            )?;
            tx.inserted(tx.conn().last_insert_rowid())
        })
    }

    /// Save a decision edited from `expected_version` (a new review date, a corrected text).
    pub fn update_decision(
        &mut self,
        id: i64,
        expected_version: i64,
        draft: &DecisionDraft,
    ) -> Result<Decision> {
        self.write(Area::Governance, |tx| {
            let before: Decision = tx.current(id, expected_version)?;
            let d = validate(tx.conn(), draft)?;
            tx.update_row(
                &before,
                "instance = ?1, circle_id = ?2, decided_on = ?3, title = ?4, body = ?5, \
                 review_on = ?6",
                &[
                    &d.instance.code(),
                    &d.instance.circle_id(),
                    &iso(Some(d.decided_on)),
                    &d.title,
                    &d.body,
                    &iso(d.review_on),
                ],
            )
        })
    }
}

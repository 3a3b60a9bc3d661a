//! Circles: the list, one circle, its identity sheet.

use super::text_cols::{line, text};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

use super::error::{Result, StoreError};
use super::session::Store;
use crate::catalogue::circles as msg;
use crate::model::person::letters_only;
use crate::model::{Area, Circle, CircleKind, CircleSheet, format_date};

const COLUMNS: &str = "id, name, kind, purpose, decision_scope, missions, safe_frame, \
                       created_on, closed_on, position, version";

pub(crate) fn date_col(v: Option<String>) -> Option<NaiveDate> {
    v.and_then(|s| stored_day(&s))
}

/// [`date_col`] read in place, without copying the text out of the row.
pub(crate) fn date_at(r: &rusqlite::Row<'_>, index: usize) -> rusqlite::Result<Option<NaiveDate>> {
    Ok(r.get_ref(index)?.as_str_or_null()?.and_then(stored_day))
}

/// A day as stored (`YYYY-MM-DD`), read without the general date parser: the lists of a big
/// network read two dates for each of tens of thousands of roles.
fn stored_day(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(i32::try_from(num(0..4)?).ok()?, num(5..7)?, num(8..10)?)
}

pub(crate) fn iso(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%d").to_string())
}

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Circle> {
    Ok(Circle {
        id: r.get(0)?,
        kind: CircleKind::from_code(&r.get::<_, String>(2)?),
        sheet: CircleSheet {
            name: line(r, 1)?,
            purpose: text(r, 3)?,
            decision_scope: text(r, 4)?,
            missions: text(r, 5)?,
            safe_frame: text(r, 6)?,
        },
        created_on: date_col(r.get(7)?),
        closed_on: date_col(r.get(8)?),
        position: r.get(9)?,
        version: r.get(10)?,
    })
}

pub(crate) fn circle_by_id(conn: &Connection, id: i64) -> Result<Option<Circle>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM circles WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?)
}

fn validate(conn: &Connection, sheet: &CircleSheet, id: Option<i64>) -> Result<CircleSheet> {
    let sheet = sheet.validated().map_err(StoreError::Field)?;
    if sheet.name.is_empty() {
        return Err(StoreError::Invalid(msg::NAME_REQUIRED.into()));
    }
    // The members file writes `Cercle:rôle|Cercle`: these two would not read back.
    if sheet.name.contains([':', '|']) {
        return Err(StoreError::Invalid(msg::NAME_SEPARATORS.into()));
    }
    // Names compared on their letters: "Echange entraide" is "Échange-entraide".
    let key = letters_only(&sheet.name);
    let mut stmt = conn.prepare("SELECT id, name, kind FROM circles")?;
    let others = stmt.query_map([], |r| {
        Ok((r.get::<_, i64>(0)?, line(r, 1)?, r.get::<_, String>(2)?))
    })?;
    let mut is_coordination = false;
    for other in others {
        let (other_id, name, kind) = other?;
        if Some(other_id) == id {
            is_coordination = CircleKind::from_code(&kind) == CircleKind::Coordination;
        } else if letters_only(&name) == key {
            return Err(StoreError::Invalid(msg::name_taken(&name)));
        }
    }
    // The two derived circles are named by the program; a working circle taking one of their
    // names would make two "Cercle général" in every list.
    let general = ["cerclegeneral", "general"];
    let coordination = ["coordination", "cercledecoordination", "cerclecoordination"];
    if general.contains(&key.as_str()) || (!is_coordination && coordination.contains(&key.as_str()))
    {
        return Err(StoreError::Invalid(msg::name_reserved(&sheet.name)));
    }
    Ok(sheet)
}

super::write::versioned!(Circle, "circles", circle_by_id, msg::THE_CIRCLE);

impl Store {
    /// Every circle, open ones first in the report's order, then closed ones.
    pub fn circles(&self) -> Result<Vec<Circle>> {
        let mut stmt = self.conn().prepare(&format!(
            // Open working circles in the report's order (new ones after), the derived
            // coordination circle, then the closed ones apart.
            "SELECT {COLUMNS} FROM circles
             ORDER BY closed_on IS NOT NULL, kind = 'coordination', position, name"
        ))?;
        let rows = stmt.query_map([], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn circle(&self, id: i64) -> Result<Option<Circle>> {
        circle_by_id(self.conn(), id)
    }

    /// The circle named `name` (without case).
    pub fn circle_named(&self, name: &str) -> Result<Option<Circle>> {
        Ok(self
            .conn()
            .query_row(
                &format!("SELECT {COLUMNS} FROM circles WHERE name = ?1 COLLATE NOCASE"),
                [name],
                from_row,
            )
            .optional()?)
    }

    /// Save a circle's identity sheet edited from `expected_version`. A stale version is a
    /// conflict that carries the circle as it is now.
    pub fn update_circle_sheet(
        &mut self,
        id: i64,
        expected_version: i64,
        sheet: &CircleSheet,
    ) -> Result<Circle> {
        self.write(Area::Governance, |tx| {
            let before: Circle = tx.current(id, expected_version)?;
            let sheet = validate(tx.conn(), sheet, Some(id))?;
            tx.update_row(
                &before,
                "name = ?1, purpose = ?2, decision_scope = ?3, missions = ?4, safe_frame = ?5",
                &[
                    &sheet.name,
                    &sheet.purpose,
                    &sheet.decision_scope,
                    &sheet.missions,
                    &sheet.safe_frame,
                ],
            )
        })
    }

    /// Create a working circle.
    pub fn create_circle(&mut self, sheet: &CircleSheet, created_on: NaiveDate) -> Result<Circle> {
        self.write(Area::Governance, |tx| {
            let sheet = validate(tx.conn(), sheet, None)?;
            tx.conn().execute(
                "INSERT INTO circles(name, kind, purpose, decision_scope, missions, safe_frame,
                                     created_on, position)
                 VALUES (?1, 'work', ?2, ?3, ?4, ?5, ?6,
                         (SELECT coalesce(max(position), 0) + 1 FROM circles))",
                rusqlite::params![
                    sheet.name,
                    sheet.purpose,
                    sheet.decision_scope,
                    sheet.missions,
                    sheet.safe_frame,
                    iso(Some(created_on)),
                ],
            )?;
            tx.inserted(tx.conn().last_insert_rowid())
        })
    }

    /// Close a circle on `on` (its history stays), or reopen it with `None`.
    pub fn set_circle_closed(
        &mut self,
        id: i64,
        expected_version: i64,
        on: Option<NaiveDate>,
    ) -> Result<Circle> {
        self.not_after_today(crate::model::circle::fields::CLOSED_ON, on)?;
        self.write(Area::Governance, |tx| {
            let before: Circle = tx.current(id, expected_version)?;
            if on.is_some() && before.kind == CircleKind::Coordination {
                return Err(StoreError::Invalid(msg::COORDINATION_STAYS.into()));
            }
            if let (Some(on), Some(created)) = (on, before.created_on)
                && on < created
            {
                return Err(closed_before_created(
                    &format_date(on),
                    &format_date(created),
                ));
            }
            tx.update_row(&before, "closed_on = ?1", &[&iso(on)])
        })
    }
}

/// A circle or a GT closed before it was created: refused under the closing date.
pub(crate) fn closed_before_created(on: &str, created: &str) -> StoreError {
    StoreError::Field(crate::model::FieldError::new(
        crate::model::circle::fields::CLOSED_ON,
        msg::closed_before_created(on, created),
    ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn stored_days_read_as_the_general_parser_reads_them() {
        for s in [
            "2025-11-20",
            "2024-02-29",
            "2025-02-29",
            "2025-13-01",
            "20x5-01-01",
            "2025-1-01",
            "",
        ] {
            assert_eq!(
                super::stored_day(s),
                chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok(),
                "{s}"
            );
        }
    }
}

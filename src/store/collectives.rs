//! Citizen collectives and lists: their sheet, their statut (each change dated and kept), and
//! the network's follow-up of them. A collective's commune is stored as its INSEE code,
//! resolved from what was typed with the communes of France compiled into the program.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

use super::circles::{date_col, iso};
use super::error::{Result, StoreError};
use super::session::Store;
use super::text_cols::{line, opt_line, text};
use crate::catalogue::collectives as msg;
use crate::model::collective::fields;
use crate::model::{
    Area, Collective, CollectiveDraft, CollectiveKind, CollectiveLine, CollectiveStatus,
    FieldError, FollowUp, Interview, StatusChange,
};

const COLUMNS: &str = "id, name, kind, commune, status, status_since, contact, email, phone, \
     on_map, website, notes, questionnaire_on, interview_on, interview_by, interview_notes, \
     last_contact_on, version";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Collective> {
    let kind: String = r.get(2)?;
    let status: String = r.get(4)?;
    Ok(Collective {
        id: r.get(0)?,
        name: line(r, 1)?,
        // The CHECK constraints keep these to known codes.
        kind: CollectiveKind::from_code(&kind).unwrap_or(CollectiveKind::Autre),
        commune: line(r, 3)?,
        status: CollectiveStatus::from_code(&status).unwrap_or(CollectiveStatus::EnReflexion),
        status_since: date_col(r.get(5)?).unwrap_or_default(),
        contact: line(r, 6)?,
        email: opt_line(r, 7)?,
        phone: opt_line(r, 8)?,
        on_map: r.get::<_, i64>(9)? != 0,
        website: line(r, 10)?,
        notes: text(r, 11)?,
        follow_up: FollowUp {
            questionnaire_on: date_col(r.get(12)?),
            interview_on: date_col(r.get(13)?),
            interview_by: line(r, 14)?,
            interview_notes: text(r, 15)?,
            last_contact_on: date_col(r.get(16)?),
        },
        version: r.get(17)?,
    })
}

pub(crate) fn collective_by_id(conn: &Connection, id: i64) -> Result<Option<Collective>> {
    // Cached: an import reads back each collective it adds, for the journal.
    Ok(conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM collectives WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?)
}

fn status_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<StatusChange> {
    let status: String = r.get(2)?;
    Ok(StatusChange {
        id: r.get(0)?,
        collective_id: r.get(1)?,
        status: CollectiveStatus::from_code(&status).unwrap_or(CollectiveStatus::EnReflexion),
        since: date_col(r.get(3)?).unwrap_or_default(),
        by: line(r, 4)?,
        version: r.get(5)?,
    })
}

const STATUS_COLUMNS: &str = "id, collective_id, status, since, by_user, version";

fn status_by_id(conn: &Connection, id: i64) -> Result<Option<StatusChange>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {STATUS_COLUMNS} FROM collective_statuses WHERE id = ?1"
        ))?
        .query_row([id], status_from_row)
        .optional()?)
}

/// The order collectives are listed in: by name folded (`Étain` among the E), then commune
/// code, then id; each given as (folded name, commune, id).
fn listing_order(a: (&str, &str, i64), b: (&str, &str, i64)) -> std::cmp::Ordering {
    a.cmp(&b)
}

super::write::versioned!(
    Collective,
    "collectives",
    collective_by_id,
    msg::THE_COLLECTIVE
);
super::write::versioned!(
    StatusChange,
    "collective_statuses",
    status_by_id,
    msg::THE_STATUS_CHANGE
);

/// The INSEE code of the commune a person typed: a code, a postal code, `49610 Mûrs-Erigné`,
/// a name, `Saint-Denis (93)`, a former commune's name. An unknown or ambiguous one is an
/// error under the commune field, in words that say what to type.
pub fn commune_code(typed: &str) -> std::result::Result<String, FieldError> {
    use crate::geo::Resolution;
    // Cleaned first: a control or bidi character pasted in is no part of the name, and the
    // error quotes what was typed.
    let typed = &crate::text::clean_line(typed, crate::text::limits::SHORT_TEXT);
    match crate::geo::communes().resolve(typed) {
        Resolution::Found(c) => Ok(c.code().to_owned()),
        Resolution::Ambiguous(candidates) => Err(FieldError::new(
            fields::COMMUNE,
            msg::ambiguous_commune(
                typed.trim(),
                &candidates.iter().map(|c| c.label()).collect::<Vec<_>>(),
            ),
        )),
        Resolution::Unknown => Err(FieldError::new(
            fields::COMMUNE,
            msg::unknown_commune(typed.trim()),
        )),
    }
}

/// A draft cleaned, checked, its commune resolved to an INSEE code first (so that a name
/// longer than a code is not refused as too long).
fn resolved(draft: &CollectiveDraft) -> Result<CollectiveDraft> {
    let code = commune_code(&draft.commune).map_err(StoreError::Field)?;
    CollectiveDraft {
        commune: code,
        ..draft.clone()
    }
    .validated()
    .map_err(StoreError::Field)
}

impl super::write::Tx<'_> {
    /// Record that collective `id` has `status` from `since` (a row of its history).
    fn record_status(&self, id: i64, status: CollectiveStatus, since: NaiveDate) -> Result<()> {
        self.conn().execute(
            "INSERT INTO collective_statuses(collective_id, status, since, by_user)
             VALUES (?1, ?2, ?3, ?4)",
            rusqlite::params![id, status.code(), iso(Some(since)), self.actor],
        )?;
        self.inserted::<StatusChange>(self.conn().last_insert_rowid())?;
        Ok(())
    }
}

impl Store {
    /// Months without contact after which a collective is to contact (`config.toml`).
    pub fn follow_up_months(&self) -> u32 {
        self.follow_up_months
    }

    pub fn set_follow_up_months(&mut self, months: u32) {
        self.follow_up_months = months.max(1);
    }

    /// Blank what this session's role may not see (a `lecture` user sees no contact details).
    fn shown_collective(&self, mut c: Collective) -> Collective {
        if !self.actor().role.sees_contacts() {
            c.email = None;
            c.phone = None;
            c.contact = String::new();
        }
        c
    }

    /// Every collective, by name as people read it (without case or accents: `Étain` among
    /// the E), then commune.
    pub fn collectives(&self) -> Result<Vec<Collective>> {
        let mut stmt = self
            .conn()
            .prepare(&format!("SELECT {COLUMNS} FROM collectives"))?;
        let rows = stmt.query_map([], from_row)?;
        let mut out = Vec::new();
        for row in rows {
            let c = self.shown_collective(row?);
            out.push((crate::text::fold_for_match(&c.name), c));
        }
        out.sort_by(|(a, x), (b, y)| listing_order((a, &x.commune, x.id), (b, &y.commune, y.id)));
        Ok(out.into_iter().map(|(_, c)| c).collect())
    }

    /// Every collective as the list holds it, in the order of [`Store::collectives`]. Reads
    /// only what the list shows and filters by: the selected one's sheet is read by
    /// [`Store::collective`].
    pub fn collective_lines(&self) -> Result<Vec<CollectiveLine>> {
        let mut stmt = self.conn().prepare(
            "SELECT id, name, kind, commune, status,
                    max(coalesce(questionnaire_on, ''), coalesce(interview_on, ''),
                        coalesce(last_contact_on, ''))
             FROM collectives",
        )?;
        let rows = stmt.query_map([], |r| {
            let name = line(r, 1)?;
            let kind: String = r.get(2)?;
            let status: String = r.get(4)?;
            let last: String = r.get(5)?;
            Ok(CollectiveLine {
                id: r.get(0)?,
                folded_name: crate::text::fold_for_match(&name),
                name,
                kind: CollectiveKind::from_code(&kind).unwrap_or(CollectiveKind::Autre),
                commune: line(r, 3)?,
                status: CollectiveStatus::from_code(&status)
                    .unwrap_or(CollectiveStatus::EnReflexion),
                // ISO dates compare as text; '' is none.
                last_heard: date_col((!last.is_empty()).then_some(last)),
            })
        })?;
        let mut out = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        out.sort_by(|x, y| {
            listing_order(
                (&x.folded_name, &x.commune, x.id),
                (&y.folded_name, &y.commune, y.id),
            )
        });
        Ok(out)
    }

    pub fn collective(&self, id: i64) -> Result<Option<Collective>> {
        Ok(collective_by_id(self.conn(), id)?.map(|c| self.shown_collective(c)))
    }

    /// The INSEE codes of the communes of the people still in the network (distinct), for the
    /// communes the network represents; empty for a role that may not see where people live.
    pub fn member_communes(&self) -> Result<Vec<String>> {
        if !self.actor().role.sees_contacts() {
            return Ok(Vec::new());
        }
        let today = iso(Some(self.today()));
        let mut stmt = self.conn().prepare(
            "SELECT DISTINCT commune FROM people
             WHERE commune <> '' AND (left_on IS NULL OR left_on > ?1)",
        )?;
        let rows = stmt.query_map([today], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The statuts a collective had, the latest first.
    pub fn collective_statuses(&self, id: i64) -> Result<Vec<StatusChange>> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {STATUS_COLUMNS} FROM collective_statuses WHERE collective_id = ?1
             ORDER BY since DESC, id DESC"
        ))?;
        let rows = stmt.query_map([id], status_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A collective of this name already in this commune (a re-import skips it).
    pub fn collective_named(&self, name: &str, commune: &str) -> Result<Option<Collective>> {
        let id: Option<i64> = self
            .conn()
            .query_row(
                "SELECT id FROM collectives WHERE name = ?1 AND commune = ?2",
                [name, commune],
                |r| r.get(0),
            )
            .optional()?;
        Ok(match id {
            Some(id) => self.collective(id)?,
            None => None,
        })
    }

    /// Add a collective (its commune typed as a name, a postal code or an INSEE code); its
    /// statut is dated today.
    pub fn add_collective(&mut self, draft: &CollectiveDraft) -> Result<Collective> {
        let today = self.today();
        self.write(Area::Collectives, |tx| {
            let d = resolved(draft)?;
            insert(tx, &d, today, &FollowUp::default())
        })
    }

    /// Save a collective edited from `expected_version`; a new statut is dated today and
    /// kept in its history.
    pub fn update_collective(
        &mut self,
        id: i64,
        expected_version: i64,
        draft: &CollectiveDraft,
    ) -> Result<Collective> {
        let today = self.today();
        let shows_contacts = self.actor().role.sees_contacts();
        self.write(Area::Collectives, |tx| {
            let before: Collective = tx.current(id, expected_version)?;
            let mut d = resolved(draft)?;
            if !shows_contacts {
                // Fields the session could not see are kept, not blanked.
                d.contact = before.contact.clone();
                d.email = before.email.clone().unwrap_or_default();
                d.phone = before.phone.clone().unwrap_or_default();
            }
            let since = if d.status == before.status {
                before.status_since
            } else {
                today
            };
            let after = tx.update_row(
                &before,
                "name = ?1, kind = ?2, commune = ?3, status = ?4, status_since = ?5, \
                 contact = ?6, email = ?7, phone = ?8, on_map = ?9, website = ?10, notes = ?11",
                &[
                    &d.name,
                    &d.kind.code(),
                    &d.commune,
                    &d.status.code(),
                    &iso(Some(since)),
                    &d.contact,
                    &non_empty(&d.email),
                    &non_empty(&d.phone),
                    &i64::from(d.on_map),
                    &d.website,
                    &d.notes,
                ],
            )?;
            if d.status != before.status {
                tx.record_status(id, d.status, today)?;
            }
            Ok(after)
        })
    }

    /// Move a collective to `status` from today (the one key of the list).
    pub fn set_collective_status(
        &mut self,
        id: i64,
        expected_version: i64,
        status: CollectiveStatus,
    ) -> Result<Collective> {
        let today = self.today();
        self.write(Area::Collectives, |tx| {
            let before: Collective = tx.current(id, expected_version)?;
            if before.status == status {
                return Ok(before);
            }
            let after = tx.update_row(
                &before,
                "status = ?1, status_since = ?2",
                &[&status.code(), &iso(Some(today))],
            )?;
            tx.record_status(id, status, today)?;
            Ok(after)
        })
    }

    /// Log a phone interview: its date, who led it and the notes; it counts as a contact.
    pub fn log_interview(
        &mut self,
        id: i64,
        expected_version: i64,
        interview: &Interview,
    ) -> Result<Collective> {
        let today = self.today();
        let i = interview.validated(today).map_err(StoreError::Field)?;
        self.change_follow_up(id, expected_version, |f| FollowUp {
            interview_on: Some(i.on),
            interview_by: i.by.clone(),
            interview_notes: i.notes.clone(),
            last_contact_on: f.last_contact_on.max(Some(i.on)),
            ..f.clone()
        })
    }

    /// Record the date the questionnaire was sent, or (with `contact`) a contact of another
    /// kind (a mail, a meeting).
    pub fn record_follow_up(
        &mut self,
        id: i64,
        expected_version: i64,
        questionnaire_on: Option<NaiveDate>,
        contact_on: Option<NaiveDate>,
    ) -> Result<Collective> {
        self.change_follow_up(id, expected_version, |f| FollowUp {
            questionnaire_on: questionnaire_on.or(f.questionnaire_on),
            last_contact_on: f.last_contact_on.max(contact_on),
            ..f.clone()
        })
    }

    /// Save the whole follow-up of a collective as its form edits it (the questionnaire, the
    /// last interview, the last contact).
    pub fn save_follow_up(
        &mut self,
        id: i64,
        expected_version: i64,
        follow_up: &FollowUp,
    ) -> Result<Collective> {
        self.change_follow_up(id, expected_version, |_| follow_up.clone())
    }

    /// The one write of a follow-up: `change` turns the stored one into the new one, which is
    /// checked (no date after today, who led an interview) before it is written.
    fn change_follow_up(
        &mut self,
        id: i64,
        expected_version: i64,
        change: impl FnOnce(&FollowUp) -> FollowUp,
    ) -> Result<Collective> {
        let today = self.today();
        self.write(Area::Collectives, |tx| {
            let before: Collective = tx.current(id, expected_version)?;
            let f = change(&before.follow_up)
                .validated(today)
                .map_err(StoreError::Field)?;
            tx.update_row(
                &before,
                "questionnaire_on = ?1, interview_on = ?2, interview_by = ?3, \
                 interview_notes = ?4, last_contact_on = ?5",
                &[
                    &iso(f.questionnaire_on),
                    &iso(f.interview_on),
                    &f.interview_by,
                    &f.interview_notes,
                    &iso(f.last_contact_on),
                ],
            )
        })
    }
}

fn non_empty(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

/// Insert a checked collective (with what is known of its follow-up) and the first row of its
/// statut history.
pub(crate) fn insert(
    tx: &super::write::Tx<'_>,
    d: &CollectiveDraft,
    since: NaiveDate,
    f: &FollowUp,
) -> Result<Collective> {
    tx.conn()
        .execute(
            "INSERT INTO collectives(name, kind, commune, status, status_since, contact, email,
                 phone, on_map, website, notes, questionnaire_on, interview_on, interview_by,
                 interview_notes, last_contact_on)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
            rusqlite::params![
                d.name,
                d.kind.code(),
                d.commune,
                d.status.code(),
                iso(Some(since)),
                d.contact,
                non_empty(&d.email),
                non_empty(&d.phone),
                i64::from(d.on_map),
                d.website,
                d.notes,
                iso(f.questionnaire_on),
                iso(f.interview_on),
                f.interview_by,
                f.interview_notes,
                iso(f.last_contact_on),
            ],
        )
        .map_err(|e| match e {
            rusqlite::Error::SqliteFailure(f, _)
                if f.code == rusqlite::ErrorCode::ConstraintViolation =>
            {
                StoreError::Field(FieldError::new(fields::NAME, msg::ALREADY_THERE))
            }
            other => StoreError::from(other),
        })?;
    let id = tx.conn().last_insert_rowid();
    let c: Collective = tx.inserted(id)?;
    tx.record_status(id, d.status, since)?;
    Ok(c)
}

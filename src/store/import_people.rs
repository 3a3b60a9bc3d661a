//! Adding many people at once (the members import): all or nothing, in one transaction, and
//! people already there are skipped, never updated.
//!
//! "Already there" (issue 4): the same email (without case); otherwise the same last and
//! first name (without case or accents) when one of the two has no email. Two homonyms with
//! different emails are two people.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::error::{Result, StoreError};
use super::people::all_people;
use super::person_commune::person_commune_code;
use super::session::Store;
use crate::catalogue::exchange as msg;
use crate::model::{Area, CircleRole, PersonDraft, ValidPerson};
use crate::text::fold_for_match;

/// One line of a members file, already parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMember {
    /// Its line number in the file, for messages.
    pub line: u64,
    pub draft: PersonDraft,
    /// Roles to give from the import's day, by circle id.
    pub roles: Vec<(i64, CircleRole)>,
    /// The day they left the network, for a person who is no longer there.
    pub left_on: Option<NaiveDate>,
}

/// A line left out because its person is already there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub line: u64,
    /// The name on the line.
    pub name: String,
    /// The person it matched, as named in the base (or on the earlier line).
    pub existing: String,
    /// Matched on the email (else on the name).
    pub by_email: bool,
    /// The earlier line of the same file it repeats, if it is not someone of the base.
    pub earlier_line: Option<u64>,
}

/// What an import did, or would do (`--dry-run`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportOutcome {
    /// (line, name) of the people added.
    pub added: Vec<(u64, String)>,
    /// The lines whose person is already there.
    pub skipped: Vec<Skipped>,
    /// Roles given to the people added.
    pub roles: usize,
}

/// Who a key points to: their name and, for a line of the file, its number.
#[derive(Clone)]
struct Match {
    name: String,
    line: Option<u64>,
}

/// The people already there (and those the import adds as it goes), indexed so that each line
/// is looked up at once: a scan of everyone for every line made a big file quadratic.
#[derive(Default)]
struct Known {
    /// Emails, lowercased.
    emails: HashMap<String, Match>,
    /// Name keys of everyone.
    names: HashMap<String, Match>,
    /// Name keys of those without an email.
    names_without_email: HashMap<String, Match>,
}

impl Known {
    fn add(&mut self, email: Option<&str>, name: String, who: Match) {
        match email {
            Some(e) => {
                self.emails.insert(e.to_lowercase(), who.clone());
            }
            None => {
                self.names_without_email.insert(name.clone(), who.clone());
            }
        }
        self.names.insert(name, who);
    }

    /// The same email; or the same name when one of the two has no email. Says whom, and
    /// whether it was the email.
    fn find(&self, email: Option<&str>, name: &str) -> Option<(&Match, bool)> {
        match email {
            Some(e) => self
                .emails
                .get(&e.to_lowercase())
                .map(|m| (m, true))
                .or_else(|| self.names_without_email.get(name).map(|m| (m, false))),
            None => self.names.get(name).map(|m| (m, false)),
        }
    }
}

fn name_key(last: &str, first: &str) -> String {
    format!("{}\u{1f}{}", fold_for_match(last), fold_for_match(first))
}

/// A line to add, or the person it repeats.
enum Planned {
    Add(ValidPerson),
    Skip(Skipped),
}

/// Sort lines into "add" and "skip"; the first invalid line stops everything.
fn plan(conn: &Connection, members: &[NewMember]) -> Result<Vec<Planned>> {
    let mut known = Known::default();
    for p in all_people(conn)? {
        let who = Match {
            name: p.display_name(),
            line: None,
        };
        known.add(
            p.email.as_deref(),
            name_key(&p.last_name, &p.first_name),
            who,
        );
    }
    let mut out = Vec::with_capacity(members.len());
    for m in members {
        let v = m
            .draft
            .validated()
            .map_err(|e| StoreError::Invalid(msg::line_error(m.line, e.label, &e.message)))?;
        let key = name_key(&v.last_name, &v.first_name);
        let shown = crate::catalogue::people::display_name(&v.first_name, &v.last_name);
        if let Some((who, by_email)) = known.find(v.email.as_deref(), &key) {
            out.push(Planned::Skip(Skipped {
                line: m.line,
                name: shown,
                existing: who.name.clone(),
                by_email,
                earlier_line: who.line,
            }));
        } else {
            // Resolved only for a person to add: a re-import of an export whose commune still
            // awaits review skips that person rather than refusing the file.
            let mut v = v;
            v.commune = person_commune_code(&v.commune)
                .map_err(|e| StoreError::Invalid(msg::line_error(m.line, e.label, &e.message)))?;
            let who = Match {
                name: shown,
                line: Some(m.line),
            };
            known.add(v.email.as_deref(), key, who);
            out.push(Planned::Add(v));
        }
    }
    Ok(out)
}

/// A refused value names the line and column of the file; a problem of the database itself
/// (read-only file, busy, disk full) is not the line's fault and is said as it is.
fn at_line(e: StoreError, line: u64, column: &str) -> StoreError {
    match e {
        StoreError::Invalid(_) | StoreError::Field(_) => {
            StoreError::Invalid(msg::line_error(line, column, &e.to_string()))
        }
        other => other,
    }
}

/// How many times the lines are sorted again, before the write lock, when someone else
/// wrote while they were being sorted; after that they are sorted under the lock.
const PLAN_ATTEMPTS: usize = 3;

/// The writes of a planned import: the people to add and their roles, nothing else.
fn write_planned(
    tx: &mut super::write::Tx<'_>,
    members: &[NewMember],
    planned: Vec<Planned>,
    since: NaiveDate,
) -> Result<ImportOutcome> {
    let mut outcome = ImportOutcome::default();
    for (m, p) in members.iter().zip(planned) {
        let v = match p {
            Planned::Skip(s) => {
                outcome.skipped.push(s);
                continue;
            }
            Planned::Add(v) => v,
        };
        // A leaver comes in with their departure day, in one row and one journal entry (the
        // file gives them no circle, so no role has to end).
        let person = tx
            .insert_person(&v, m.left_on)
            .map_err(|e| at_line(e, m.line, ""))?;
        for (circle_id, role) in &m.roles {
            tx.insert_membership(person.id, *circle_id, *role, since, None)
                .map_err(|e| at_line(e, m.line, msg::COLUMN_CIRCLES))?;
        }
        outcome.added.push((m.line, person.display_name()));
        outcome.roles += m.roles.len();
    }
    Ok(outcome)
}

impl Store {
    /// Add the people of an import and give them their roles from `since`, in one
    /// transaction: one bad line and nothing is written. With `dry_run`, the very same writes
    /// are made and then rolled back, so the trial says exactly what the import would do.
    ///
    /// Every line is validated and sorted (add or skip) before the write lock is taken, so
    /// the transaction only writes and others' saves wait as little as can be; a trial holds
    /// the lock no longer than the import. If someone wrote in the meantime (the file's
    /// `data_version` moved), the sorting is done again.
    pub fn import_members(
        &mut self,
        members: &[NewMember],
        since: NaiveDate,
        dry_run: bool,
    ) -> Result<ImportOutcome> {
        // A role that may not write is told so before the whole file is sorted.
        if !self.actor.role.may_write(Area::Governance) {
            return Err(StoreError::Forbidden {
                role: self.actor.role,
                area: Area::Governance,
            });
        }
        for _ in 0..PLAN_ATTEMPTS {
            let seen = self.read_data_version()?;
            let planned = plan(&self.conn, members)?;
            let body = |tx: &mut super::write::Tx<'_>| {
                let now: i64 = tx
                    .conn()
                    .pragma_query_value(None, "data_version", |r| r.get(0))?;
                if now != seen {
                    return Ok(None);
                }
                write_planned(tx, members, planned, since).map(Some)
            };
            let outcome = if dry_run {
                self.rehearse(Area::Governance, body)?
            } else {
                self.write(Area::Governance, body)?
            };
            if let Some(outcome) = outcome {
                return Ok(outcome);
            }
        }
        // Others keep writing: sort under the lock, where nobody can.
        let body = |tx: &mut super::write::Tx<'_>| {
            let planned = plan(tx.conn(), members)?;
            write_planned(tx, members, planned, since)
        };
        if dry_run {
            self.rehearse(Area::Governance, body)
        } else {
            self.write(Area::Governance, body)
        }
    }
}

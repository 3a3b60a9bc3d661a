//! Adding many people at once (the members import): all or nothing, in one transaction, and
//! people already there are skipped, never updated.
//!
//! "Already there" (issue 4): the same email (without case); otherwise the same last and
//! first name (without case or accents) when one of the two has no email. Two homonyms with
//! different emails are two people.

use std::collections::HashSet;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::Store;
use super::error::{Result, StoreError};
use super::people::all_people;
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
}

/// What an import did, or would do (`--dry-run`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportOutcome {
    /// (line, name) of the people added.
    pub added: Vec<(u64, String)>,
    /// (line, name) of the people already there.
    pub skipped: Vec<(u64, String)>,
    /// Roles given to the people added.
    pub roles: usize,
}

/// The people already there (and those the import adds as it goes), indexed so that each line
/// is looked up at once: a scan of everyone for every line made a big file quadratic.
#[derive(Default)]
struct Known {
    /// Emails, lowercased.
    emails: HashSet<String>,
    /// Name keys of everyone.
    names: HashSet<String>,
    /// Name keys of those without an email.
    names_without_email: HashSet<String>,
}

impl Known {
    fn add(&mut self, email: Option<&str>, name: String) {
        match email {
            Some(e) => {
                self.emails.insert(e.to_lowercase());
            }
            None => {
                self.names_without_email.insert(name.clone());
            }
        }
        self.names.insert(name);
    }

    /// The same email; or the same name when one of the two has no email.
    fn contains(&self, email: Option<&str>, name: &str) -> bool {
        match email {
            Some(e) => {
                self.emails.contains(&e.to_lowercase()) || self.names_without_email.contains(name)
            }
            None => self.names.contains(name),
        }
    }
}

fn name_key(last: &str, first: &str) -> String {
    format!("{}\u{1f}{}", fold_for_match(last), fold_for_match(first))
}

/// Sort lines into "add" and "skip"; the first invalid line stops everything.
fn plan(conn: &Connection, members: &[NewMember]) -> Result<Vec<(ValidPerson, bool)>> {
    let mut known = Known::default();
    for p in all_people(conn)? {
        known.add(p.email.as_deref(), name_key(&p.last_name, &p.first_name));
    }
    let mut out = Vec::with_capacity(members.len());
    for m in members {
        let v = m
            .draft
            .validated()
            .map_err(|e| StoreError::Invalid(msg::line_error(m.line, e.field, &e.message)))?;
        let name = name_key(&v.last_name, &v.first_name);
        let skip = known.contains(v.email.as_deref(), &name);
        if !skip {
            known.add(v.email.as_deref(), name);
        }
        out.push((v, skip));
    }
    Ok(out)
}

fn outcome(members: &[NewMember], planned: &[(ValidPerson, bool)]) -> ImportOutcome {
    let mut o = ImportOutcome::default();
    for (m, (v, skip)) in members.iter().zip(planned) {
        let name = crate::catalogue::people::display_name(&v.first_name, &v.last_name);
        if *skip {
            o.skipped.push((m.line, name));
        } else {
            o.added.push((m.line, name));
            o.roles += m.roles.len();
        }
    }
    o
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

impl Store {
    /// Add the people of an import and give them their roles from `since`, in one
    /// transaction: one bad line and nothing is written. With `dry_run`, only says what
    /// would happen.
    pub fn import_members(
        &mut self,
        members: &[NewMember],
        since: NaiveDate,
        dry_run: bool,
    ) -> Result<ImportOutcome> {
        if dry_run {
            let role = self.actor().role;
            if !role.may_write(Area::Governance) {
                return Err(StoreError::Forbidden {
                    role,
                    area: Area::Governance,
                });
            }
            let planned = plan(self.conn(), members)?;
            return Ok(outcome(members, &planned));
        }
        self.write(Area::Governance, |tx| {
            let planned = plan(tx.conn(), members)?;
            for (m, (v, skip)) in members.iter().zip(&planned) {
                if *skip {
                    continue;
                }
                let person = tx.insert_person(v).map_err(|e| at_line(e, m.line, ""))?;
                for (circle_id, role) in &m.roles {
                    tx.insert_membership(person.id, *circle_id, *role, since, None)
                        .map_err(|e| at_line(e, m.line, msg::COLUMN_CIRCLES))?;
                }
            }
            Ok(outcome(members, &planned))
        })
    }
}

//! Adding many people at once (the members import): all or nothing, in one transaction, and
//! people already there are skipped, never updated.
//!
//! "Already there" (issue 4): the same email (without case); otherwise the same last and
//! first name (without case or accents) when one of the two has no email. Two homonyms with
//! different emails are two people.

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

struct Known {
    email: Option<String>,
    name: String,
}

fn name_key(last: &str, first: &str) -> String {
    format!("{}\u{1f}{}", fold_for_match(last), fold_for_match(first))
}

fn is_known(known: &[Known], v: &ValidPerson) -> bool {
    let email = v.email.as_deref().map(str::to_lowercase);
    let name = name_key(&v.last_name, &v.first_name);
    known.iter().any(|k| match (&email, &k.email) {
        (Some(a), Some(b)) if a == b => true,
        (Some(_), Some(_)) => false,
        _ => k.name == name,
    })
}

/// Sort lines into "add" and "skip"; the first invalid line stops everything.
fn plan(conn: &Connection, members: &[NewMember]) -> Result<Vec<(ValidPerson, bool)>> {
    let mut known: Vec<Known> = all_people(conn)?
        .into_iter()
        .map(|p| Known {
            email: p.email.map(|e| e.to_lowercase()),
            name: name_key(&p.last_name, &p.first_name),
        })
        .collect();
    let mut out = Vec::with_capacity(members.len());
    for m in members {
        let v = m
            .draft
            .validated()
            .map_err(|e| StoreError::Invalid(msg::line_error(m.line, e.field, &e.message)))?;
        let skip = is_known(&known, &v);
        if !skip {
            known.push(Known {
                email: v.email.as_deref().map(str::to_lowercase),
                name: name_key(&v.last_name, &v.first_name),
            });
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
                let person = tx.insert_person(v).map_err(|e| {
                    StoreError::Invalid(msg::line_error(m.line, "", &e.to_string()))
                })?;
                for (circle_id, role) in &m.roles {
                    tx.insert_membership(person.id, *circle_id, *role, since, None)
                        .map_err(|e| {
                            StoreError::Invalid(msg::line_error(
                                m.line,
                                msg::COLUMN_CIRCLES,
                                &e.to_string(),
                            ))
                        })?;
                }
            }
            Ok(outcome(members, &planned))
        })
    }
}

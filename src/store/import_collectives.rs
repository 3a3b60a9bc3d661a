//! Adding many collectives at once (the collectives import, the demo): all or nothing, in one
//! transaction; a collective already there (same name and commune) is skipped, never updated.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::error::{Result, StoreError};
use super::session::Store;
use crate::catalogue::exchange as msg;
use crate::model::{Area, CollectiveDraft, FollowUp};

/// One line of a collectives file, already parsed; its commune is an INSEE code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCollective {
    /// Its line number in the file, for messages.
    pub line: u64,
    pub draft: CollectiveDraft,
    /// Since when it has its statut (the import's day when the file does not say).
    pub status_since: Option<NaiveDate>,
    /// What the network already knows of it (the demo's follow-ups).
    pub follow_up: FollowUp,
}

/// What a collectives import did, or would do (`--dry-run`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CollectivesOutcome {
    /// (line, name) of the collectives added.
    pub added: Vec<(u64, String)>,
    /// (line, name) of the lines whose collective is already there, or repeats an earlier line.
    pub skipped: Vec<(u64, String)>,
}

fn key(name: &str, commune: &str) -> (String, String) {
    (crate::text::fold_for_match(name), commune.to_owned())
}

impl Store {
    /// Add the collectives of an import, their statut dated `since` unless a line says, in
    /// one transaction: one bad line and nothing is written. With `dry_run` the same writes
    /// are made and rolled back. Every line is checked before the write lock is taken.
    pub fn import_collectives(
        &mut self,
        lines: &[NewCollective],
        since: NaiveDate,
        dry_run: bool,
    ) -> Result<CollectivesOutcome> {
        if !self.actor.role.may_write(Area::Collectives) {
            return Err(StoreError::Forbidden {
                role: self.actor.role,
                area: Area::Collectives,
            });
        }
        let mut checked = Vec::with_capacity(lines.len());
        for l in lines {
            let d = l
                .draft
                .validated()
                .map_err(|e| StoreError::Invalid(msg::line_error(l.line, e.label, &e.message)))?;
            checked.push(d);
        }
        let body = |tx: &mut super::write::Tx<'_>| {
            let mut known: HashSet<(String, String)> = HashSet::new();
            {
                let mut stmt = tx.conn().prepare("SELECT name, commune FROM collectives")?;
                let rows = stmt.query_map([], |r| {
                    Ok(key(&r.get::<_, String>(0)?, &r.get::<_, String>(1)?))
                })?;
                for row in rows {
                    known.insert(row?);
                }
            }
            let mut outcome = CollectivesOutcome::default();
            for (l, d) in lines.iter().zip(&checked) {
                if !known.insert(key(&d.name, &d.commune)) {
                    outcome.skipped.push((l.line, d.name.clone()));
                    continue;
                }
                let since = l.status_since.unwrap_or(since);
                super::collectives::insert(tx, d, since, &l.follow_up).map_err(|e| match e {
                    StoreError::Invalid(_) | StoreError::Field(_) => {
                        StoreError::Invalid(msg::line_error(l.line, "", &e.to_string()))
                    }
                    other => other,
                })?;
                outcome.added.push((l.line, d.name.clone()));
            }
            Ok(outcome)
        };
        if dry_run {
            self.rehearse(Area::Collectives, body)
        } else {
            self.write(Area::Collectives, body)
        }
    }
}

//! Finding a person: a namesake of someone being added, and the PERSON argument of the
//! command line (an id, an email or the exact name).

use super::error::{Result, StoreError};
use super::people::{all_people, name_key, person_by_id, person_with_email};
use super::session::Store;
use crate::catalogue::people as msg;
use crate::model::Person;
use crate::text::fold_for_match;

impl Store {
    /// Someone already in the network (left or not) with this first and last name, without
    /// case or accents: a new person by that name is most likely them again.
    pub fn homonym(&self, first_name: &str, last_name: &str) -> Result<Option<Person>> {
        Ok(self
            .people_sorted()?
            .namesake(last_name, first_name)
            .cloned())
    }

    /// Resolve a PERSON argument: an id, an email, or the exact name (`Prénom Nom` or
    /// `Nom Prénom`, without case or accents). None or several → an error that says so and,
    /// when several, lists them.
    pub fn resolve_person(&self, query: &str) -> Result<Person> {
        let q = query.trim();
        let shown = crate::text::excerpt_for_message(q);
        let found: Vec<Person> = if !q.is_empty() && q.chars().all(|c| c.is_ascii_digit()) {
            q.parse::<i64>()
                .ok()
                .map(|id| person_by_id(self.conn(), id))
                .transpose()?
                .flatten()
                .into_iter()
                .collect()
        } else if q.contains('@') {
            person_with_email(self.conn(), q, None)?
                .into_iter()
                .collect()
        } else {
            let key = fold_for_match(q);
            let mut all = all_people(self.conn())?;
            all.sort_by_key(name_key);
            all.into_iter()
                .filter(|p| {
                    fold_for_match(&format!("{} {}", p.first_name, p.last_name)) == key
                        || fold_for_match(&format!("{} {}", p.last_name, p.first_name)) == key
                })
                .collect()
        };
        match found.len() {
            0 => Err(StoreError::Invalid(msg::person_not_found(&shown))),
            1 => Ok(self.shown_person(
                found
                    .into_iter()
                    .next()
                    .ok_or_else(|| StoreError::NotFound(msg::THE_PERSON.into()))?,
            )),
            _ => {
                let listed: Vec<String> = found
                    .iter()
                    .map(|p| format!("n° {} {}", p.id, p.display_name()))
                    .collect();
                Err(StoreError::Invalid(msg::person_ambiguous(&shown, &listed)))
            }
        }
    }
}

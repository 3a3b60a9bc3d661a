//! Readings a session keeps while the file, the day and the role stay as they were: the
//! current roles, each person's role badges, and everyone by name with the text the Membres
//! filter searches. On a big network each of them is a pass over tens of thousands of rows; a
//! commit (this session's or another's) makes them stale. What is kept is in `kept`.

use std::rc::Rc;

use super::error::Result;
use super::kept::{CacheKey, Cached, Slot};
use super::people_search::Everyone;
use super::session::Store;
use super::{memberships, people};

impl Store {
    /// The current roles on `day`, read again only when the file changed (a commit of this
    /// session or of another) or the day is another.
    pub(crate) fn current_roles_on(
        &self,
        day: chrono::NaiveDate,
    ) -> Result<Rc<Vec<crate::model::governance::CurrentRole>>> {
        self.cached(&self.caches.roles, day, |store| {
            memberships::current_roles(store.conn(), day)
        })
    }

    /// Each person's current roles on `day`, grouped once per state of the file.
    pub(crate) fn role_badges(
        &self,
        day: chrono::NaiveDate,
    ) -> Result<Rc<super::people_search::Badges>> {
        self.cached(&self.caches.badges, day, |store| {
            Ok(super::people_search::Badges::new(
                &store.current_roles_on(day)?,
            ))
        })
    }

    /// Everyone as this session sees them, by name, each with the folded text the Membres
    /// filter searches; read again only when the file changed.
    pub(crate) fn people_sorted(&self) -> Result<Rc<Everyone>> {
        self.cached(&self.caches.people, self.today(), people::everyone)
    }

    /// A reading from `slot` while the file, the day and the role are as when it was made.
    fn cached<T>(
        &self,
        slot: &Slot<T>,
        day: chrono::NaiveDate,
        read: impl FnOnce(&Self) -> Result<T>,
    ) -> Result<Rc<T>> {
        let key = CacheKey {
            data_version: self.read_data_version()?,
            writes: self.writes.get(),
            day,
            role: self.actor.role,
        };
        if let Some(c) = slot.borrow().as_ref()
            && c.key == key
        {
            return Ok(Rc::clone(&c.value));
        }
        let value = Rc::new(read(self)?);
        *slot.borrow_mut() = Some(Cached {
            key,
            value: Rc::clone(&value),
        });
        Ok(value)
    }
}

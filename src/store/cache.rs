//! Readings a session keeps while the file, the day and the role stay as they were: the
//! current roles, each person's role badges, and everyone by name with the text the Membres
//! filter searches. On a big network each of them is a pass over tens of thousands of rows; a
//! commit (this session's or another's) makes them stale.

use std::cell::RefCell;
use std::rc::Rc;

use super::error::Result;
use super::{Store, memberships, people};
use crate::model::Role;

/// What a cached reading depends on: the state of the file (others' commits, this session's),
/// the day, and the role (what the session may see).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct CacheKey {
    data_version: i64,
    writes: u64,
    day: chrono::NaiveDate,
    role: Role,
}

/// Everyone by name, each with the folded text the Membres filter searches.
pub(crate) type PeopleSearched = Vec<(Rc<crate::model::Person>, String)>;

/// A map keyed by row id, hashed by one multiplication: the ids are the program's own, so
/// SipHash's guard against chosen keys buys nothing, and a big network looks up 70 000 of
/// them for each letter typed in the Membres filter.
pub(crate) type IdMap<V> =
    std::collections::HashMap<i64, V, std::hash::BuildHasherDefault<IdHasher>>;

#[derive(Default)]
pub(crate) struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_i64(&mut self, id: i64) {
        // Fibonacci hashing: consecutive ids spread over the high bits the table probes by.
        self.0 = (id as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// A reading kept while its key holds.
struct Cached<T> {
    key: CacheKey,
    value: Rc<T>,
}

type Slot<T> = RefCell<Option<Cached<T>>>;

/// The session's readings.
#[derive(Default)]
pub(crate) struct Caches {
    /// The current roles of a day: the views of one reload (list counts, derived circles,
    /// alerts, the Membres list) all need them, and each reading is a sort of every role.
    roles: Slot<Vec<crate::model::governance::CurrentRole>>,
    /// Everyone, as this session may see them, by name, with the text the filter searches:
    /// typing in the Membres filter then searches memory instead of reading the file again.
    people: Slot<PeopleSearched>,
    /// Each person's current roles as the Membres list shows them, from `roles`.
    badges: Slot<people::BadgesByPerson>,
}

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
    pub(crate) fn role_badges(&self, day: chrono::NaiveDate) -> Result<Rc<people::BadgesByPerson>> {
        self.cached(&self.caches.badges, day, |store| {
            Ok(people::badges_by_person(&store.current_roles_on(day)?))
        })
    }

    /// Everyone as this session sees them, by name, each with the folded text the Membres
    /// filter searches; read again only when the file changed.
    pub(crate) fn people_sorted(&self) -> Result<Rc<PeopleSearched>> {
        self.cached(
            &self.caches.people,
            self.today(),
            people::sorted_with_haystacks,
        )
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

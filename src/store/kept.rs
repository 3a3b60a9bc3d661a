//! What a session keeps of its readings, and what each depends on. The readers that fill and
//! use it are in `cache`; the session holds it (`session`), so this file imports neither.

use std::cell::RefCell;
use std::rc::Rc;

use crate::model::Role;

/// What a cached reading depends on: the state of the file (others' commits, this session's),
/// the day, and the role (what the session may see).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct CacheKey {
    pub(super) data_version: i64,
    pub(super) writes: u64,
    pub(super) day: chrono::NaiveDate,
    pub(super) role: Role,
}

/// A reading kept while its key holds.
pub(super) struct Cached<T> {
    pub(super) key: CacheKey,
    pub(super) value: Rc<T>,
}

pub(super) type Slot<T> = RefCell<Option<Cached<T>>>;

/// The session's readings.
#[derive(Default)]
pub(crate) struct Caches {
    /// The current roles of a day: the views of one reload (list counts, derived circles,
    /// alerts, the Membres list) all need them, and each reading is a sort of every role.
    pub(super) roles: Slot<Vec<crate::model::governance::CurrentRole>>,
    /// Everyone, as this session may see them, by name, with the text the filter searches:
    /// typing in the Membres filter then searches memory instead of reading the file again.
    pub(super) people: Slot<super::people_search::Everyone>,
    /// Each person's current roles as the Membres list shows them, from `roles`.
    pub(super) badges: Slot<super::people_search::Badges>,
}

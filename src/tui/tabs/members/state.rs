//! The Membres tab's state: the people read for the filter, the selection and its detail, the
//! open form or picker; reading them again from the store. `mod.rs`, `detail`, `view` and
//! `writes` import it; it imports none of them.

use super::person_editor::MemberEditor;
use crate::model::Circle;
use crate::store::governance::{DerivedCounts, TermAlert};
use crate::store::people::{PeopleList, PersonDetail, PersonFilter};
use crate::store::{Store, StoreError};
use crate::tui::tabs::pane::Env;
use crate::tui::widgets::list::ListState;
use crate::tui::widgets::picker::Picker;

/// Rows of the list pane above the people: the title and counts, the filter chips.
pub const HEADER_ROWS: u16 = 2;

/// Rows available to the list in a body of `body_height` rows.
pub fn list_height(body_height: u16) -> usize {
    usize::from(body_height.saturating_sub(HEADER_ROWS))
}

/// Rows of the list in the body `env` gives.
pub(super) fn list_rows(env: &Env<'_>) -> usize {
    list_height(env.body().1)
}

#[derive(Default)]
pub struct MembersTab {
    pub(super) people: PeopleList,
    pub(super) list: ListState,
    pub(super) filter: PersonFilter,
    /// The filter line has the keyboard (after `/`, until Enter or Esc).
    pub(super) filtering: bool,
    /// Every circle, in the store's order: the circle filter cycles through the open ones.
    pub(super) circles: Vec<Circle>,
    pub(super) alerts: Vec<TermAlert>,
    /// The selected person, with every role they held.
    pub(super) detail: Option<PersonDetail>,
    /// Lines of the detail scrolled past (J K); back to the top for another person.
    pub(super) detail_scroll: usize,
    /// The cercle général and de coordination, for the header's counts.
    pub(super) derived: DerivedCounts,
    /// The form open over the tab, if any.
    pub(super) form: Option<MemberEditor>,
    /// The session's role may not see email and phone (lecture).
    pub(super) contacts_hidden: bool,
    /// The circle filter being chosen (after `c`, until Entrée or Échap).
    pub(super) circle_picker: Option<Picker<i64>>,
    /// The filter's text changed and the list is not filtered again yet: done after the
    /// letter is drawn (see [`Pane::has_deferred`]).
    pub(super) refilter_pending: bool,
}

impl MembersTab {
    pub(super) fn ids(&self) -> Vec<i64> {
        self.people.rows().map(|r| r.person.id).collect()
    }

    /// Any filter on (the text, a quick filter, or people who left shown).
    pub(super) fn is_filtered(&self) -> bool {
        let f = &self.filter;
        !f.text.is_empty()
            || f.circle_id.is_some()
            || f.kind.is_some()
            || f.role.is_some()
            || f.commune_review
    }

    /// The list again for the current filter, and the detail of the selection.
    pub(super) fn requery(&mut self, store: &Store, height: usize) -> Result<(), StoreError> {
        self.refilter_pending = false;
        self.people = store.people(&self.filter)?;
        let ids = self.ids();
        self.list.sync(&ids, height);
        self.load_detail(store)
    }

    pub(super) fn load_detail(&mut self, store: &Store) -> Result<(), StoreError> {
        let before = self.detail.as_ref().map(|d| d.person.id);
        self.detail = match self.list.selected_id() {
            Some(id) => store.person(id)?,
            None => None,
        };
        if self.detail.as_ref().map(|d| d.person.id) != before {
            self.detail_scroll = 0;
        }
        Ok(())
    }

    /// Select a person by id, if the filters show them.
    pub(super) fn select_id(
        &mut self,
        id: i64,
        store: &Store,
        height: usize,
    ) -> Result<(), StoreError> {
        let ids = self.ids();
        if let Some(pos) = ids.iter().position(|x| *x == id) {
            let current = self.list.selected().unwrap_or(0);
            self.list
                .move_by(pos as isize - current as isize, &ids, height);
            self.load_detail(store)?;
        }
        Ok(())
    }
}

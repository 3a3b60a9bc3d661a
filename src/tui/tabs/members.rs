//! The Membres tab: the list of people (text filter, quick filters by circle, type and role,
//! people who left shown or hidden), the detail of the selected person, and the forms that
//! add or edit a person, give or end a role, and record a departure (`person_editor`,
//! `role_editor`). The view is in `members_view`.
//!
//! The tab takes the store for each action (it reads the list again after a filter change and
//! writes on save) and answers with a [`Reply`]: the app shows its message and, after a write,
//! reloads every tab.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::person_editor::PersonEditor;
use super::role_editor::RoleEditor;
use crate::catalogue::members_tab as mm;
use crate::catalogue::tui as msg;
use crate::model::{Area, Circle, CircleRole, Person, PersonKind};
use crate::store::governance::TermAlert;
use crate::store::people::{PeopleList, PersonDetail, PersonFilter};
use crate::store::{Store, StoreError};
use crate::tui::action::Action;
use crate::tui::keymap::Scope;
use crate::tui::theme::Theme;
use crate::tui::widgets::list::ListState;

/// Rows of the list pane above the people: the title and counts, the filter chips.
pub const HEADER_ROWS: u16 = 2;

/// Rows available to the list in a body of `body_height` rows.
pub fn list_height(body_height: u16) -> usize {
    usize::from(body_height.saturating_sub(HEADER_ROWS))
}

/// What the app does after the tab handled an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// Not an action of this tab: the app handles it.
    Pass,
    Done,
    Info(String),
    Error(String),
    /// Something was written: the app reloads every tab, then says this.
    Written(String),
    /// Esc on a form with changes: the app asks first.
    ConfirmDiscard,
}

/// The form open over the tab, if any.
pub enum MemberForm {
    Person(PersonEditor),
    Role(RoleEditor),
}

impl MemberForm {
    pub fn form_mut(&mut self) -> &mut crate::tui::widgets::form::Form {
        match self {
            MemberForm::Person(e) => &mut e.form,
            MemberForm::Role(e) => &mut e.form,
        }
    }

    pub fn is_dirty(&self) -> bool {
        match self {
            MemberForm::Person(e) => e.form.is_dirty(),
            MemberForm::Role(e) => e.form.is_dirty(),
        }
    }

    pub fn in_conflict(&self) -> bool {
        matches!(self, MemberForm::Person(e) if e.conflict.is_some())
    }
}

/// What the store, the theme and the screen give to an action of the tab.
pub struct Env<'a> {
    pub store: &'a mut Store,
    pub theme: Theme,
    /// Rows of the list, for page moves and scrolling.
    pub height: usize,
}

#[derive(Default)]
pub struct MembersTab {
    pub people: PeopleList,
    pub list: ListState,
    pub filter: PersonFilter,
    /// The filter line has the keyboard (after `/`, until Enter or Esc).
    pub filtering: bool,
    /// Every circle, in the store's order: the circle filter cycles through the open ones.
    pub circles: Vec<Circle>,
    pub alerts: Vec<TermAlert>,
    /// The selected person, with every role they held.
    pub detail: Option<PersonDetail>,
    pub form: Option<MemberForm>,
    /// The session's role may not see email and phone (lecture).
    pub contacts_hidden: bool,
}

impl MembersTab {
    pub fn ids(&self) -> Vec<i64> {
        self.people.rows.iter().map(|r| r.person.id).collect()
    }

    pub fn is_dirty(&self) -> bool {
        self.form.as_ref().is_some_and(MemberForm::is_dirty)
    }

    pub fn close_form(&mut self) {
        self.form = None;
    }

    /// The keymap scopes of the tab, innermost first.
    pub fn scopes(&self) -> Vec<Scope> {
        match &self.form {
            Some(form) if form.in_conflict() => vec![Scope::Conflict],
            Some(_) => vec![Scope::Form],
            None => vec![Scope::Members, Scope::Global],
        }
    }

    /// Any filter on (the text, a quick filter, or people who left shown).
    pub fn is_filtered(&self) -> bool {
        let f = &self.filter;
        !f.text.is_empty() || f.circle_id.is_some() || f.kind.is_some() || f.role.is_some()
    }

    /// Read everything again from the store; the selection stays on the same person. Returns
    /// a warning when the person being edited was saved elsewhere meanwhile.
    pub fn reload(&mut self, store: &Store, height: usize) -> Result<Option<String>, StoreError> {
        self.circles = store.circles()?;
        self.alerts = store.term_alerts()?;
        self.contacts_hidden = !store.actor().role.sees_contacts();
        self.requery(store, height)?;
        if let Some(MemberForm::Person(editor)) = &self.form
            && let Some(id) = editor.person_id
            && let Some(now) = store.person(id)?
            && now.person.version != editor.base_version
            && editor.conflict.is_none()
        {
            return Ok(Some(mm::EDIT_CHANGED_ELSEWHERE.to_owned()));
        }
        Ok(None)
    }

    /// The list again for the current filter, and the detail of the selection.
    fn requery(&mut self, store: &Store, height: usize) -> Result<(), StoreError> {
        self.people = store.people(&self.filter)?;
        let ids = self.ids();
        self.list.sync(&ids, height);
        self.load_detail(store)
    }

    fn load_detail(&mut self, store: &Store) -> Result<(), StoreError> {
        self.detail = match self.list.selected_id() {
            Some(id) => store.person(id)?,
            None => None,
        };
        Ok(())
    }

    /// After a resize: keep the selection visible.
    pub fn resize(&mut self, height: usize) {
        let ids = self.ids();
        self.list.sync(&ids, height);
    }

    /// Select a person by id, if the filters show them.
    fn select_id(&mut self, id: i64, store: &Store, height: usize) -> Result<(), StoreError> {
        let ids = self.ids();
        if let Some(pos) = ids.iter().position(|x| *x == id) {
            let current = self.list.selected().unwrap_or(0);
            self.list
                .move_by(pos as isize - current as isize, &ids, height);
            self.load_detail(store)?;
        }
        Ok(())
    }

    fn refreshed(&mut self, store: &Store, height: usize) -> Reply {
        match self.requery(store, height) {
            Ok(()) => Reply::Done,
            Err(e) => Reply::Error(msg::store_error(&e.to_string())),
        }
    }

    /// The filter line has the keyboard: typing filters as you go, ↑ ↓ still move.
    pub fn filter_key(&mut self, ev: KeyEvent, store: &Store, height: usize) -> Reply {
        match ev.code {
            KeyCode::Esc => {
                self.filter.text.clear();
                self.filtering = false;
            }
            KeyCode::Enter => {
                self.filtering = false;
                return Reply::Done;
            }
            KeyCode::Backspace => {
                self.filter.text.pop();
            }
            KeyCode::Up | KeyCode::Down => {
                let delta = if ev.code == KeyCode::Up { -1 } else { 1 };
                self.list.move_by(delta, &self.ids(), height);
                return match self.load_detail(store) {
                    Ok(()) => Reply::Done,
                    Err(e) => Reply::Error(msg::store_error(&e.to_string())),
                };
            }
            KeyCode::Char(c) if !ev.modifiers.contains(KeyModifiers::CONTROL) => {
                self.filter.text.push(c);
            }
            _ => return Reply::Done,
        }
        self.refreshed(store, height)
    }

    /// A key the keymap did not take, for the open form's focused field.
    pub fn form_input(&mut self, ev: KeyEvent) {
        if let Some(form) = &mut self.form {
            form.form_mut().input(ev);
        }
    }

    /// Apply one action of the tab. `Reply::Pass` leaves it to the app (quit, help, tabs…).
    pub fn dispatch(&mut self, action: Action, env: &mut Env<'_>) -> Reply {
        if self.form.is_some() {
            return self.form_action(action, env);
        }
        use Action::*;
        let h = env.height;
        match action {
            MoveUp | MoveDown | PageUp | PageDown | First | Last => {
                let ids = self.ids();
                let page = h.max(1) as isize;
                match action {
                    MoveUp => self.list.move_by(-1, &ids, h),
                    MoveDown => self.list.move_by(1, &ids, h),
                    PageUp => self.list.move_by(-page, &ids, h),
                    PageDown => self.list.move_by(page, &ids, h),
                    First => self.list.select_first(&ids, h),
                    _ => self.list.select_last(&ids, h),
                }
                match self.load_detail(env.store) {
                    Ok(()) => Reply::Done,
                    Err(e) => Reply::Error(msg::store_error(&e.to_string())),
                }
            }
            Filter => {
                self.filtering = true;
                Reply::Done
            }
            CycleCircleFilter => {
                let today = env.store.today();
                let open: Vec<i64> = self
                    .circles
                    .iter()
                    .filter(|c| c.is_open_on(today))
                    .map(|c| c.id)
                    .collect();
                self.filter.circle_id = cycle(&open, self.filter.circle_id);
                self.refreshed(env.store, h)
            }
            CycleKindFilter => {
                self.filter.kind = cycle(&PersonKind::ALL, self.filter.kind);
                self.refreshed(env.store, h)
            }
            CycleRoleFilter => {
                self.filter.role = cycle(&CircleRole::ALL, self.filter.role);
                self.refreshed(env.store, h)
            }
            ToggleLeft => {
                self.filter.include_left = !self.filter.include_left;
                self.refreshed(env.store, h)
            }
            Back if self.is_filtered() || self.filter.include_left => {
                self.filter = PersonFilter::default();
                self.refreshed(env.store, h)
            }
            AddPerson => self.open(env, |_, store, theme| {
                Ok(MemberForm::Person(PersonEditor::add(store.today(), theme)))
            }),
            Edit => self.open(env, |detail, store, theme| {
                let detail = detail.ok_or(mm::NOBODY_SELECTED)?;
                Ok(MemberForm::Person(PersonEditor::edit(
                    &detail.person,
                    store.today(),
                    theme,
                )))
            }),
            GiveRole => self.open(env, |detail, store, theme| {
                let detail = detail.ok_or(mm::NOBODY_SELECTED)?;
                let circles = store.circles().map_err(|e| e.to_string())?;
                RoleEditor::give(detail, &circles, store.today(), theme).map(MemberForm::Role)
            }),
            EndRole => self.open(env, |detail, store, theme| {
                let detail = detail.ok_or(mm::NOBODY_SELECTED)?;
                RoleEditor::end(detail, store.today(), theme).map(MemberForm::Role)
            }),
            PersonLeaves => self.open(env, |detail, store, theme| {
                let detail = detail.ok_or(mm::NOBODY_SELECTED)?;
                RoleEditor::leave(detail, store.today(), theme).map(MemberForm::Role)
            }),
            _ => Reply::Pass,
        }
    }

    /// Open a form, unless the base is read-only or the role may not write people: then the
    /// store's own message says why, and nothing opens.
    fn open(
        &mut self,
        env: &mut Env<'_>,
        build: impl FnOnce(Option<&PersonDetail>, &Store, Theme) -> Result<MemberForm, String>,
    ) -> Reply {
        if env.store.is_read_only() {
            return Reply::Error(mm::READ_ONLY_NO_EDIT.to_owned());
        }
        let role = env.store.actor().role;
        if !role.may_write(Area::Governance) {
            return Reply::Error(
                StoreError::Forbidden {
                    role,
                    area: Area::Governance,
                }
                .to_string(),
            );
        }
        match build(self.detail.as_ref(), env.store, env.theme) {
            Ok(form) => {
                self.form = Some(form);
                Reply::Done
            }
            Err(text) => Reply::Error(text),
        }
    }

    fn form_action(&mut self, action: Action, env: &mut Env<'_>) -> Reply {
        use Action::*;
        let Some(form) = &mut self.form else {
            return Reply::Pass;
        };
        match action {
            Save => self.save(env),
            Cancel if form.is_dirty() => Reply::ConfirmDiscard,
            Cancel => {
                self.form = None;
                Reply::Done
            }
            NextField => {
                form.form_mut().focus_next();
                Reply::Done
            }
            PrevField => {
                form.form_mut().focus_prev();
                Reply::Done
            }
            MoveUp | MoveDown | KeepTheirs | KeepMine | TakeTheirs | ResolveConflict | Back => {
                let MemberForm::Person(editor) = form else {
                    return Reply::Pass;
                };
                match action {
                    MoveUp => editor.move_conflict(-1),
                    MoveDown => editor.move_conflict(1),
                    KeepTheirs => editor.choose(false),
                    KeepMine => editor.choose(true),
                    TakeTheirs => {
                        editor.choose_all_theirs();
                        editor.resolve();
                    }
                    ResolveConflict => editor.resolve(),
                    // Esc on the conflict panel: back to the form as typed (still stale).
                    _ => editor.conflict = None,
                }
                Reply::Done
            }
            _ => Reply::Pass,
        }
    }

    fn save(&mut self, env: &mut Env<'_>) -> Reply {
        match self.form.take() {
            Some(MemberForm::Person(editor)) => self.save_person(editor, env),
            Some(MemberForm::Role(editor)) => self.save_role(editor, env),
            None => Reply::Done,
        }
    }

    fn save_person(&mut self, mut editor: PersonEditor, env: &mut Env<'_>) -> Reply {
        if !editor.form.validate() {
            self.form = Some(MemberForm::Person(editor));
            return Reply::Error(msg::FORM_HAS_ERRORS.to_owned());
        }
        let draft = editor.draft();
        if let Err(err) = draft.validated() {
            let status = editor.show_field_error(&err);
            self.form = Some(MemberForm::Person(editor));
            return Reply::Error(status);
        }
        if editor.person_id.is_some() && !editor.form.is_dirty() {
            return Reply::Info(msg::NOTHING_CHANGED.to_owned());
        }
        let saved = match editor.person_id {
            None => env.store.add_person(&draft),
            Some(id) => env.store.update_person(id, editor.base_version, &draft),
        };
        match saved {
            Ok(person) => self.after_person_saved(&person, editor.person_id.is_none(), env),
            Err(err @ StoreError::Conflict { .. }) => {
                let id = editor.person_id.unwrap_or_default();
                // The conflict carries the row as it is now, unless it changed between the
                // check and the update: then read it again.
                let theirs: Option<Person> = match err.conflict_row::<Person>() {
                    Some(p) => Some(p),
                    None => env.store.person(id).ok().flatten().map(|d| d.person),
                };
                let reply = match theirs {
                    Some(theirs) => {
                        editor.open_conflict(theirs);
                        Reply::Error(mm::CONFLICT_MESSAGE.to_owned())
                    }
                    None => Reply::Error(mm::CONFLICT_GONE.to_owned()),
                };
                self.form = Some(MemberForm::Person(editor));
                let _ = self.requery(env.store, env.height);
                reply
            }
            Err(StoreError::Invalid(text)) => {
                editor.show_store_error(&text);
                self.form = Some(MemberForm::Person(editor));
                Reply::Error(text)
            }
            Err(other) => {
                self.form = Some(MemberForm::Person(editor));
                Reply::Error(other.to_string())
            }
        }
    }

    fn after_person_saved(&mut self, person: &Person, added: bool, env: &mut Env<'_>) -> Reply {
        let name = person.display_name();
        if let Err(e) = self.requery(env.store, env.height) {
            return Reply::Error(msg::store_error(&e.to_string()));
        }
        if let Err(e) = self.select_id(person.id, env.store, env.height) {
            return Reply::Error(msg::store_error(&e.to_string()));
        }
        Reply::Written(if added {
            mm::person_added(&name)
        } else {
            mm::person_saved(&name)
        })
    }

    fn save_role(&mut self, mut editor: RoleEditor, env: &mut Env<'_>) -> Reply {
        if !editor.form.validate() {
            self.form = Some(MemberForm::Role(editor));
            return Reply::Error(msg::FORM_HAS_ERRORS.to_owned());
        }
        match editor.submit(env.store) {
            Ok(text) => {
                let id = editor.person_id;
                if let Err(e) = self
                    .requery(env.store, env.height)
                    .and_then(|()| self.select_id(id, env.store, env.height))
                {
                    return Reply::Error(msg::store_error(&e.to_string()));
                }
                Reply::Written(text)
            }
            // A stale version: the role or the person changed elsewhere. The form held only a
            // choice and a date; show the fresh data rather than merge.
            Err(StoreError::Conflict { .. }) => {
                let _ = self.requery(env.store, env.height);
                Reply::Error(mm::CHANGED_MEANWHILE.to_owned())
            }
            Err(StoreError::Invalid(text)) => {
                editor.show_store_error(&text);
                self.form = Some(MemberForm::Role(editor));
                Reply::Error(text)
            }
            Err(other) => {
                self.form = Some(MemberForm::Role(editor));
                Reply::Error(other.to_string())
            }
        }
    }
}

/// The next value of a quick filter: none → the first → … → the last → none.
fn cycle<T: Copy + PartialEq>(values: &[T], current: Option<T>) -> Option<T> {
    match current.and_then(|c| values.iter().position(|v| *v == c)) {
        None => values.first().copied(),
        Some(i) => values.get(i + 1).copied(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quick_filters_cycle_through_none() {
        let values = [1, 2, 3];
        assert_eq!(cycle(&values, None), Some(1));
        assert_eq!(cycle(&values, Some(1)), Some(2));
        assert_eq!(cycle(&values, Some(3)), None);
        assert_eq!(cycle(&values, Some(9)), Some(1));
        assert_eq!(cycle::<i32>(&[], None), None);
    }
}

//! The writes of the Membres tab: saving the person form (every field's error at once, the
//! conflict panel when someone saved the same person meanwhile), saving a role form, and bringing
//! back a person who left. After a write the list is read again and the selection stays on the
//! person; the app then reloads every tab.

use super::members::{MemberForm, MemberQuestion, MembersTab, list_rows};
use super::person_editor::PersonEditor;
use super::role_editor::RoleEditor;
use super::{Env, Reply};
use crate::catalogue::members_tab as mm;
use crate::catalogue::tui as msg;
use crate::model::{Area, Person};
use crate::store::StoreError;

impl MembersTab {
    pub(super) fn save(&mut self, env: &mut Env<'_>) -> Reply {
        match self.form.take() {
            Some(MemberForm::Person(editor)) => self.save_person(editor, env),
            Some(MemberForm::Role(editor)) => self.save_role(editor, env),
            None => Reply::Done,
        }
    }

    fn save_person(&mut self, mut editor: PersonEditor, env: &mut Env<'_>) -> Reply {
        if let Err(status) = editor.check() {
            self.form = Some(MemberForm::Person(editor));
            return Reply::Error(status);
        }
        let draft = editor.draft();
        if editor.person_id.is_some() && !editor.form.is_dirty() {
            return Reply::Info(msg::NOTHING_CHANGED.to_owned());
        }
        // A namesake is asked about only for a person who can be added at all: what the save
        // would refuse (an e-mail already used) is said first, by the save itself.
        if editor.person_id.is_none()
            && !editor.homonym_confirmed
            && env.store.validate_new_person(&draft).is_ok()
        {
            match env.store.homonym(&draft.first_name, &draft.last_name) {
                Ok(Some(existing)) => {
                    let name = crate::catalogue::people::display_name(
                        &crate::text::clean_line(&draft.first_name, 200),
                        &crate::text::clean_line(&draft.last_name, 200),
                    );
                    self.form = Some(MemberForm::Person(editor));
                    return Reply::Confirm(crate::tui::widgets::confirm::Confirm::ask(
                        mm::confirm_homonym(&name, &existing.display_name()),
                        MemberQuestion::AddHomonym,
                    ));
                }
                Ok(None) => {}
                Err(e) => {
                    self.form = Some(MemberForm::Person(editor));
                    return Reply::Error(msg::store_error(&e.to_string()));
                }
            }
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
                let _ = self.requery(env.store, list_rows(env));
                reply
            }
            Err(e @ (StoreError::Invalid(_) | StoreError::Field(_))) => {
                let text = e.to_string();
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
        if let Err(e) = self.requery(env.store, list_rows(env)) {
            return Reply::Error(msg::store_error(&e.to_string()));
        }
        if let Err(e) = self.select_id(person.id, env.store, list_rows(env)) {
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
        // A term saved as it was: nothing to write (and no journal entry for it).
        if editor.is_term() && !editor.form.is_dirty() {
            return Reply::Info(msg::NOTHING_CHANGED.to_owned());
        }
        match editor.submit(env.store) {
            Ok(text) => {
                let id = editor.person_id;
                if let Err(e) = self
                    .requery(env.store, list_rows(env))
                    .and_then(|()| self.select_id(id, env.store, list_rows(env)))
                {
                    return Reply::Error(msg::store_error(&e.to_string()));
                }
                Reply::Written(text)
            }
            // A stale version: the role or the person changed elsewhere. The form holds only a
            // choice and a date: it stays open with what was typed, now against the fresh
            // rows; the detail behind shows what changed, and F2 again saves (or is refused
            // with the reason, a role ended meanwhile).
            Err(StoreError::Conflict { .. }) => {
                let _ = self.requery(env.store, list_rows(env));
                let refreshed = editor.refresh_versions(env.store);
                self.form = Some(MemberForm::Role(editor));
                match refreshed {
                    Ok(()) => Reply::Error(mm::CHANGED_MEANWHILE.to_owned()),
                    Err(e) => Reply::Error(msg::store_error(&e.to_string())),
                }
            }
            Err(e @ (StoreError::Invalid(_) | StoreError::Field(_))) => {
                let text = e.to_string();
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

    /// `d` on a person who left: ask before bringing them back (the same checks as a form).
    pub(super) fn ask_return(&mut self, env: &mut Env<'_>) -> Reply {
        if let Err(text) = may_write(env) {
            return Reply::Error(text);
        }
        let Some(detail) = &self.detail else {
            return Reply::Error(mm::NOBODY_SELECTED.to_owned());
        };
        let p = &detail.person;
        Reply::Confirm(crate::tui::widgets::confirm::Confirm::ask(
            mm::confirm_return(&p.display_name()),
            MemberQuestion::Return {
                id: p.id,
                version: p.version,
            },
        ))
    }

    /// The yes to the question: the departure date is cleared (their roles stay
    /// ended), at the version read when the question was asked.
    pub(super) fn person_returns(&mut self, id: i64, version: i64, env: &mut Env<'_>) -> Reply {
        match env.store.set_person_left(id, version, None) {
            Ok(person) => {
                let name = person.display_name();
                if let Err(e) = self
                    .requery(env.store, list_rows(env))
                    .and_then(|()| self.select_id(id, env.store, list_rows(env)))
                {
                    return Reply::Error(msg::store_error(&e.to_string()));
                }
                Reply::Written(mm::person_returned(&name))
            }
            Err(StoreError::Conflict { .. }) => {
                let _ = self.requery(env.store, list_rows(env));
                Reply::Error(mm::CHANGED_MEANWHILE.to_owned())
            }
            Err(other) => Reply::Error(other.to_string()),
        }
    }
}

/// Whether this session may write people: the base is writable and the role may change the
/// governance area. The error is the line to show.
pub(super) fn may_write(env: &Env<'_>) -> Result<(), String> {
    if env.store.is_read_only() {
        return Err(mm::READ_ONLY_NO_EDIT.to_owned());
    }
    let role = env.store.actor().role;
    if !role.may_write(Area::Governance) {
        return Err(mm::refused(role.label()));
    }
    Ok(())
}

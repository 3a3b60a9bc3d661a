//! The writes of the Membres tab: saving its open form (the shared editor does the cycle),
//! and bringing back a person who left. After a write the list is read again and the
//! selection stays on the person; the app then reloads every tab.

use super::session::{MemberQuestion, may_write};
use super::state::{MembersTab, list_rows};
use crate::catalogue::members_tab as mm;
use crate::catalogue::tui as msg;
use crate::store::StoreError;
use crate::tui::tabs::{Env, Reply};
use crate::tui::widgets::editor::{Saved, Step};

impl MembersTab {
    /// After the shared editor's step: a save read again with the person selected.
    pub(super) fn stepped(&mut self, step: Step<i64>, env: &mut Env<'_>) -> Reply {
        match step {
            Step::Pass => Reply::Pass,
            Step::Reply(reply) => reply,
            Step::Reload(reply) => {
                let _ = self.requery(env.store, list_rows(env));
                reply
            }
            Step::Saved(Saved { message, then: id }) => {
                if let Err(e) = self
                    .requery(env.store, list_rows(env))
                    .and_then(|()| self.select_id(id, env.store, list_rows(env)))
                {
                    return Reply::Error(msg::store_error(&e.to_string()));
                }
                Reply::Written(message)
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
                Reply::Error(mm::changed_meanwhile(
                    &crate::tui::widgets::editor::form_keys(),
                ))
            }
            Err(other) => Reply::Error(other.to_string()),
        }
    }
}

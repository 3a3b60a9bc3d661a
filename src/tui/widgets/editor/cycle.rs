//! An open editor and its save cycle: every field checked, the record asked to write, and
//! what came of it (saved, invalid, changed or deleted elsewhere, refused), the merge panel
//! after a conflict, and the one "changed elsewhere while you type" check.

use super::record::{Current, Record, Refusal, SaveError, Saved, form_keys};
use crate::catalogue::tui as msg;
use crate::store::{Store, StoreError};
use crate::tui::action::Action;
use crate::tui::tabs::Reply;
use crate::tui::widgets::form::Form;
use crate::tui::widgets::merge::{self, Merge};

/// What became of a save; the driver (`editor::act`) turns it into the tab's `Step`.
pub(super) enum Answer<T> {
    /// Written: the tab closes the editor, reads itself again, does `then`, says the message.
    Saved(Saved<T>),
    /// Nothing written and nothing to keep open (nothing changed): the tab closes the editor.
    Closed(Reply),
    /// Nothing written, the editor stays open. `reload`: another session's write was met,
    /// the tab reads itself again.
    Kept { reply: Reply, reload: bool },
}

impl<T> Answer<T> {
    fn kept(reply: Reply) -> Answer<T> {
        Answer::Kept {
            reply,
            reload: false,
        }
    }
}

pub struct Editor<T> {
    pub form: Form,
    /// The merge panel, after a save met someone else's.
    pub conflict: Option<Merge>,
    /// The version the form is based on; the store refuses a save from a stale one.
    pub base_version: i64,
    /// What saving will do, said above the fields.
    pub hint: Option<String>,
    pub(super) record: Box<dyn Record<Then = T>>,
}

impl<T> Editor<T> {
    /// `form` holding the record's values at `base_version` (0 for a new record).
    pub fn open(form: Form, record: impl Record<Then = T> + 'static, base_version: i64) -> Self {
        Editor {
            form,
            conflict: None,
            base_version,
            hint: None,
            record: Box::new(record),
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_dirty(&self) -> bool {
        self.form.is_dirty()
    }

    pub fn in_conflict(&self) -> bool {
        self.conflict.is_some()
    }

    /// Check every field, write, and say how it went.
    pub(super) fn save(&mut self, store: &mut Store) -> Answer<T> {
        if self.conflict.is_some() {
            return Answer::kept(Reply::Done);
        }
        let form_ok = self.form.validate();
        let refused = self.record.check(&self.form);
        if !form_ok || !refused.is_empty() {
            return Answer::kept(Reply::Error(self.mark(refused, form_ok)));
        }
        if !self.record.saves_unchanged() && !self.form.is_dirty() {
            return Answer::Closed(Reply::Info(msg::NOTHING_CHANGED.to_owned()));
        }
        let words = self.record.words();
        match self.record.save(store, &self.form, self.base_version) {
            Ok(saved) => Answer::Saved(saved),
            Err(SaveError::Invalid(refused)) => {
                Answer::kept(Reply::Error(self.mark(refused, true)))
            }
            Err(SaveError::Ask(question)) => Answer::kept(Reply::Confirm(question)),
            Err(SaveError::Store(StoreError::Conflict { .. })) => {
                let text = match self.record.refresh(store) {
                    Some(Ok(())) => (words.changed_meanwhile)(&form_keys()),
                    Some(Err(e)) => msg::store_error(&e.to_string()),
                    None => match self.record.current(store) {
                        Current::Stored(values, version) => {
                            self.conflict = Some(Merge::open(&self.form, values, version));
                            words.conflict.to_owned()
                        }
                        Current::New | Current::Gone => words.gone.to_owned(),
                    },
                };
                Answer::Kept {
                    reply: Reply::Error(text),
                    reload: true,
                }
            }
            // Deleted by another session while the form was open: nothing to merge with. A
            // record that can come back from what was typed becomes a new one; F2 creates
            // it, Esc gives up.
            Err(SaveError::Store(StoreError::NotFound(_))) => {
                let text = if self.record.as_new() {
                    self.base_version = 0;
                    (words.recreate)(&form_keys())
                } else {
                    (words.gone_elsewhere)(&form_keys())
                };
                Answer::kept(Reply::Error(text))
            }
            Err(SaveError::Store(StoreError::Field(e))) => {
                let mut refusal = Refusal::from(e);
                if self.form.fields().iter().all(|f| f.key != refusal.key)
                    && let Some(key) = self.record.main_field(&self.form)
                {
                    refusal.key = key;
                }
                Answer::kept(Reply::Error(self.mark(vec![refusal], true)))
            }
            Err(SaveError::Store(StoreError::Invalid(text))) => {
                if let Some(key) = self.record.main_field(&self.form) {
                    self.form.set_error(key, text.clone());
                }
                Answer::kept(Reply::Error(text))
            }
            Err(SaveError::Store(other)) => Answer::kept(Reply::Error(other.to_string())),
        }
    }

    /// Every refusal under its field, the focus on the first field in error; the status
    /// line: the refusal's own when it is the only error of the form, else a general one.
    fn mark(&mut self, refused: Vec<Refusal>, form_ok: bool) -> String {
        let only = (form_ok && refused.len() == 1).then(|| refused[0].status.clone());
        for r in refused {
            if self.form.error(r.key).is_none() {
                self.form.set_error(r.key, r.under);
            }
        }
        self.form.focus_first_error();
        only.unwrap_or_else(|| msg::FORM_HAS_ERRORS.to_owned())
    }

    /// A yes to the question a save asked: save again.
    pub(super) fn confirmed(&mut self, store: &mut Store) -> Answer<T> {
        self.record.confirmed();
        self.save(store)
    }

    /// A no to the question a save asked: save again when the record takes the no.
    pub(super) fn declined(&mut self, store: &mut Store) -> Answer<T> {
        if self.record.declined() {
            self.save(store)
        } else {
            Answer::kept(Reply::Done)
        }
    }

    /// What to say when another session changed the record since the form was based on it
    /// (its save would meet a conflict), or deleted it.
    pub fn changed_elsewhere(&self, store: &Store) -> Option<String> {
        if self.conflict.is_some() {
            return None;
        }
        let words = self.record.words();
        match self.record.current(store) {
            Current::New => None,
            Current::Gone => Some((words.gone_elsewhere)(&form_keys())),
            Current::Stored(_, version) if version != self.base_version => {
                Some(words.changed_elsewhere.to_owned())
            }
            Current::Stored(..) => None,
        }
    }

    /// A key of the merge panel: move, choose a side, take all of theirs, or resolve (the
    /// form is then based on their version). Returns whether the panel closed.
    pub fn merge_action(&mut self, action: Action) -> bool {
        merge::act(
            &mut self.conflict,
            &mut self.form,
            &mut self.base_version,
            action,
        )
    }

    /// Esc on the merge panel: back to the form as typed (still based on the old version).
    pub fn leave_conflict(&mut self) {
        self.conflict = None;
    }
}

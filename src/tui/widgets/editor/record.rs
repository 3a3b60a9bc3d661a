//! What a form's record is to the editor: the [`Record`] trait (how to write the form's
//! values, how to read the stored record back), what a save answers (`Saved`, `SaveError`,
//! `Refusal`), the stored record as it is now (`Current`), and the editor's words.

use crate::catalogue::tui::FormKeys;
use crate::model::FieldError;
use crate::store::{Store, StoreError};
use crate::tui::action::Action;
use crate::tui::keymap::{self, Scope};
use crate::tui::widgets::confirm::Confirm;
use crate::tui::widgets::form::Form;

/// A record written: what to say, and what the tab does next (select the new row…).
pub struct Saved<T> {
    pub message: String,
    pub then: T,
}

impl<T> Saved<T> {
    pub fn new(message: String, then: T) -> Saved<T> {
        Saved { message, then }
    }
}

/// A value refused, under the field of form key `key`; `status` is the line for the status
/// bar when it is the only one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub key: &'static str,
    pub under: String,
    pub status: String,
}

impl Refusal {
    /// The same text under the field and in the status bar.
    pub fn at(key: &'static str, text: impl Into<String>) -> Refusal {
        let text = text.into();
        Refusal {
            key,
            under: text.clone(),
            status: text,
        }
    }
}

impl From<FieldError> for Refusal {
    /// Under the field (named by its code, which is its form key): the message; in the status
    /// bar: the field's name and the message.
    fn from(e: FieldError) -> Refusal {
        Refusal {
            key: e.field,
            status: e.to_string(),
            under: e.message,
        }
    }
}

/// Why a record was not written.
pub enum SaveError {
    /// Values refused before writing, each under its field.
    Invalid(Vec<Refusal>),
    /// A question first (a namesake…): a yes calls [`Record::confirmed`], then saves again.
    Ask(Confirm),
    /// Refused by the store: a stale version, a row gone, the role, a rule.
    Store(StoreError),
}

impl From<StoreError> for SaveError {
    fn from(e: StoreError) -> SaveError {
        SaveError::Store(e)
    }
}

impl From<Refusal> for SaveError {
    fn from(r: Refusal) -> SaveError {
        SaveError::Invalid(vec![r])
    }
}

impl From<FieldError> for SaveError {
    fn from(e: FieldError) -> SaveError {
        SaveError::Invalid(vec![e.into()])
    }
}

/// The stored record as it is now.
pub enum Current {
    /// Not stored yet: a new record, nothing to compare with.
    New,
    /// Deleted (or closed) by another session.
    Gone,
    /// Its values by form key, and its version.
    Stored(Vec<(&'static str, String)>, i64),
}

/// The keys a form's messages name (save, cancel), from the keymap.
pub fn form_keys() -> FormKeys {
    FormKeys {
        save: keymap::key_label(Scope::Form, Action::Save),
        cancel: keymap::key_label(Scope::Form, Action::Cancel),
    }
}

/// What an editor says about its record, by form family (a circle, an item, a person).
pub struct Words {
    /// Above the merge panel.
    pub conflict_title: &'static str,
    /// When the merge panel opens.
    pub conflict: &'static str,
    /// A conflict, and the record cannot be read again.
    pub gone: &'static str,
    /// Deleted by another session: Esc closes.
    pub gone_elsewhere: fn(&FormKeys) -> String,
    /// Deleted by another session, and the form now creates it anew.
    pub recreate: fn(&FormKeys) -> String,
    /// Another session saved it while the form is open.
    pub changed_elsewhere: &'static str,
    /// A conflict on a record with no merge panel: its versions were read again.
    pub changed_meanwhile: fn(&FormKeys) -> String,
}

/// A record a form edits: how to write the form's values, and how to read it back.
pub trait Record {
    /// What the tab does after a save (select the row written…).
    type Then;

    /// Write the form's values (already checked field by field), the form being based on
    /// `base_version`.
    fn save(
        &mut self,
        store: &mut Store,
        form: &Form,
        base_version: i64,
    ) -> Result<Saved<Self::Then>, SaveError>;

    /// The record as stored now, for the merge panel and the changed-elsewhere check.
    fn current(&self, store: &Store) -> Current;

    fn words(&self) -> &'static Words;

    /// Checks of the whole form beyond each field's own (a model's validation), all at once.
    fn check(&self, form: &Form) -> Vec<Refusal> {
        let _ = form;
        Vec::new()
    }

    /// Writes even when the values it opened with were not touched (a new record, a closing).
    fn saves_unchanged(&self) -> bool {
        false
    }

    /// Deleted elsewhere: become a creation from what was typed. False when it cannot.
    fn as_new(&mut self) -> bool {
        false
    }

    /// The person said yes to the question the save asked.
    fn confirmed(&mut self) {}

    /// The person said no to a question asked with `Confirm::ask_yes_or_no`: whether to save
    /// again (having noted the no), or leave the form as it is.
    fn declined(&mut self) -> bool {
        false
    }

    /// A conflict on a record with no merge panel (a form of a choice and a date): read the
    /// versions it saves against again, keeping what was typed. `None`: it has the panel.
    fn refresh(&mut self, store: &Store) -> Option<Result<(), StoreError>> {
        let _ = store;
        None
    }

    /// The field a refusal of the store naming none of the form's goes under (the form's
    /// first by default); `None` to leave the fields as they are and only say it.
    fn main_field(&self, form: &Form) -> Option<&'static str> {
        form.fields().first().map(|f| f.key)
    }
}

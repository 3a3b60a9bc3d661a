//! The editor every form of the program goes through: a [`Form`] and the [`Record`] it edits,
//! and the whole cycle between them. It opens on a record's version; on save it checks every
//! field, asks the record to write, and answers: saved (the record's message), invalid (every
//! field in error marked at once), changed elsewhere (the field-by-field merge panel, then
//! based on their version), deleted elsewhere (the record may become a new one from what was
//! typed), refused by the role or a rule (the store's reason). While it is open, another
//! session's commit is checked against the record's version in one place too.
//!
//! A new form is its fields plus a `Record`: how to save the form's values, and how to read
//! the stored record's values back by field key (for the merge panel and the check).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::catalogue::tui::{self as msg, FormKeys};
use crate::model::FieldError;
use crate::store::{Store, StoreError};
use crate::tui::action::Action;
use crate::tui::keymap::{self, Scope};
use crate::tui::tabs::Reply;
use crate::tui::theme::Theme;
use crate::tui::widgets::confirm::Confirm;
use crate::tui::widgets::form::Form;
use crate::tui::widgets::merge::{self, Merge, MergeView};
use crate::tui::widgets::truncate;

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

/// What an action did to a tab's open editor (see [`act`]).
pub enum Step<T> {
    /// Not an action of the editor: the tab or the app handles it.
    Pass,
    /// Handled; say this (the editor may have closed).
    Reply(Reply),
    /// Written and closed: the tab reads itself again, does `then`, and answers
    /// `Reply::Written(message)`.
    Saved(Saved<T>),
    /// Nothing written, the editor stays open, and another session's write was met: the tab
    /// reads itself again, then says this.
    Reload(Reply),
}

/// One action for the editor open in `slot`: save, cancel (asking first when something was
/// typed), move between fields, and the merge panel's keys. The same for every form of every
/// tab, so that no tab repeats the cycle.
pub fn act<T>(slot: &mut Option<Editor<T>>, action: Action, store: &mut Store) -> Step<T> {
    let Some(editor) = slot else {
        return Step::Pass;
    };
    match action {
        Action::Save => {
            let answer = editor.save(store);
            answered(slot, answer)
        }
        Action::Cancel if editor.is_dirty() => Step::Reply(Reply::ConfirmDiscard),
        Action::Cancel => {
            // A closed form's errors go with it.
            *slot = None;
            Step::Reply(Reply::ClearError)
        }
        Action::NextField => {
            editor.form.focus_next();
            Step::Reply(Reply::Done)
        }
        Action::PrevField => {
            editor.form.focus_prev();
            Step::Reply(Reply::Done)
        }
        Action::MoveUp
        | Action::MoveDown
        | Action::KeepTheirs
        | Action::KeepMine
        | Action::TakeTheirs
        | Action::ResolveConflict
        | Action::Back
            if editor.in_conflict() =>
        {
            if action == Action::Back {
                // Esc on the conflict panel: back to the form as typed (still stale).
                editor.leave_conflict();
            } else if editor.merge_action(action) {
                // Resolved: the conflict's message is past.
                return Step::Reply(Reply::ClearMessage);
            }
            Step::Reply(Reply::Done)
        }
        _ => Step::Pass,
    }
}

/// A yes to the question the save of the editor in `slot` asked: save again.
pub fn act_confirmed<T>(slot: &mut Option<Editor<T>>, store: &mut Store) -> Step<T> {
    let Some(editor) = slot else {
        return Step::Pass;
    };
    let answer = editor.confirmed(store);
    answered(slot, answer)
}

fn answered<T>(slot: &mut Option<Editor<T>>, answer: Answer<T>) -> Step<T> {
    match answer {
        Answer::Saved(saved) => {
            *slot = None;
            Step::Saved(saved)
        }
        Answer::Closed(reply) => {
            *slot = None;
            Step::Reply(reply)
        }
        Answer::Kept {
            reply,
            reload: true,
        } => Step::Reload(reply),
        Answer::Kept { reply, .. } => Step::Reply(reply),
    }
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

/// What became of a save; [`act`] turns it into the tab's [`Step`].
enum Answer<T> {
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
    record: Box<dyn Record<Then = T>>,
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
    fn save(&mut self, store: &mut Store) -> Answer<T> {
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
    fn confirmed(&mut self, store: &mut Store) -> Answer<T> {
        self.record.confirmed();
        self.save(store)
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

/// An editor on screen: its title with the "modified" mark, its hint, then the form, or the
/// merge panel under the conflict's title.
pub struct EditorView<'a, T> {
    pub editor: &'a Editor<T>,
    pub theme: Theme,
}

impl<T> Widget for EditorView<'_, T> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let editor = self.editor;
        let [title, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
        if let Some(conflict) = &editor.conflict {
            let text = editor.record.words().conflict_title;
            let line = Line::styled(format!("! {text}"), theme.error());
            buf.set_line(title.x, title.y, &line, title.width);
            MergeView {
                merge: conflict,
                theme,
            }
            .render(body, buf);
            return;
        }
        let form = &editor.form;
        // The title gives way to the "modified" mark, cut with `…` rather than at the edge.
        let legend = if form.is_dirty() {
            format!("  {}", msg::DIRTY_LEGEND)
        } else {
            String::new()
        };
        let room = usize::from(title.width).saturating_sub(crate::text::display_width(&legend));
        let mut spans = vec![Span::styled(truncate(&form.title, room), theme.title())];
        if !legend.is_empty() {
            spans.push(Span::styled(legend, theme.dirty()));
        }
        buf.set_line(title.x, title.y, &Line::from(spans), title.width);
        let body = match &editor.hint {
            Some(hint) => {
                let [hint_area, _, rest] = Layout::vertical([
                    Constraint::Length(2),
                    Constraint::Length(1),
                    Constraint::Min(0),
                ])
                .areas(body);
                Paragraph::new(hint.as_str())
                    .style(theme.muted())
                    .wrap(Wrap { trim: true })
                    .render(hint_area, buf);
                rest
            }
            None => body,
        };
        form.render(body, buf);
    }
}

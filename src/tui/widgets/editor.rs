//! The editor every form of the program goes through: a `Form` and the [`Record`] it edits,
//! and the whole cycle between them. It opens on a record's version; on save it checks every
//! field, asks the record to write, and answers: saved (the record's message), invalid (every
//! field in error marked at once), changed elsewhere (the field-by-field merge panel, then
//! based on their version), deleted elsewhere (the record may become a new one from what was
//! typed), refused by the role or a rule (the store's reason). While it is open, another
//! session's commit is checked against the record's version in one place too.
//!
//! A new form is its fields plus a `Record`: how to save the form's values, and how to read
//! the stored record's values back by field key (for the merge panel and the check).
//!
//! `record` holds what a form's record is to the editor, `cycle` the open editor and its save
//! cycle, `view` its drawing; this file drives an open editor from a tab's actions.

mod cycle;
mod record;
mod view;

use self::cycle::Answer;
pub use self::cycle::Editor;
pub use self::record::{Current, Record, Refusal, SaveError, Saved, Words, form_keys};
pub use self::view::EditorView;
use crate::store::Store;
use crate::tui::action::Action;
use crate::tui::tabs::Reply;

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

/// A no to the question the save of the editor in `slot` asked (see
/// `Confirm::ask_yes_or_no`): save again if the record takes it.
pub fn act_declined<T>(slot: &mut Option<Editor<T>>, store: &mut Store) -> Step<T> {
    let Some(editor) = slot else {
        return Step::Pass;
    };
    let answer = editor.declined(store);
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

//! The Cercles tab: the list of circles (the cercle général on top, open circles in the
//! report's order with their counts and a term flag, closed ones last), the detail of the
//! selected one (`detail`), and its forms (`editor`, `forms`,
//! `decision_form`, on the shared editor).
//!
//! `CirclesTab` is a component ([`Pane`]): its state is in `state` (which the other files
//! import, and which imports none of them); this file routes the app's actions; moving around
//! is in `keys`, opening forms in `open`, what follows the writes in `writes`, the view in
//! `view`. It takes the store for each action and answers
//! with a [`Reply`]. Its writes read the tab again themselves, so that the saved line can be
//! selected and scrolled to before the app draws.

pub mod decision_form;
pub mod detail;
pub mod editor;
pub mod forms;
pub mod keys;
pub mod open;
pub mod state;
pub mod view;
pub mod writes;

use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use self::detail::Section;
use self::state::list_rows;
use super::pane::{Env, Offer, Pane, Reply};
use crate::store::{Store, StoreError};
use crate::tui::action::Action;
use crate::tui::keymap::{self, Scope};
use crate::tui::widgets::confirm::Confirm;
use crate::tui::widgets::editor::Step;

pub use self::state::CirclesTab;

impl Pane for CirclesTab {
    fn render(&self, area: Rect, buf: &mut Buffer, theme: Theme) {
        self::view::CirclesView { tab: self, theme }.render(area, buf);
    }

    fn help_scopes(&self) -> Vec<Scope> {
        vec![
            Scope::Circles,
            Scope::List,
            Scope::Detail,
            Scope::WorkLog,
            Scope::Groups,
            Scope::Form,
            Scope::Conflict,
        ]
    }

    fn palette_scope(&self) -> Option<Scope> {
        Some(Scope::Circles)
    }

    fn offers(&self, action: Action) -> Offer {
        use crate::model::{Area, CircleKind};
        use Action::*;
        match (self.focus.map(|f| f.section), action) {
            // The cercle général is derived: no sheet, never closed; coordination stays open.
            (None, Edit | CloseCircle) if self.general_selected() => Offer::Never,
            (None, CloseCircle)
                if self
                    .selected()
                    .is_some_and(|c| c.kind == CircleKind::Coordination) =>
            {
                Offer::Never
            }
            // Inside the detail, adding or editing a line writes what its section holds.
            (
                Some(Section::Groups | Section::Decisions | Section::AgDecisions),
                AddItem | EditItem,
            ) => Offer::Writes(Area::Governance),
            _ => Offer::of(action),
        }
    }

    fn scopes(&self) -> Vec<Scope> {
        if let Some(editor) = &self.editor {
            return if editor.conflict.is_some() {
                vec![Scope::Conflict]
            } else {
                vec![Scope::Form]
            };
        }
        match self.focus.map(|f| f.section) {
            None => vec![Scope::Circles, Scope::List, Scope::Global],
            Some(Section::Work) => vec![Scope::WorkLog, Scope::Detail, Scope::Global],
            Some(Section::Groups) => vec![Scope::Groups, Scope::Detail, Scope::Global],
            Some(_) => vec![Scope::Detail, Scope::Global],
        }
    }

    fn is_dirty(&self) -> bool {
        self.editor.as_ref().is_some_and(|e| e.form.is_dirty())
    }

    fn is_filtering(&self) -> bool {
        self.filtering || self.is_picking()
    }

    fn is_picking(&self) -> bool {
        self.editor.as_ref().is_some_and(|e| e.form.is_picking())
    }

    fn dispatch(&mut self, action: Action, env: &mut Env<'_>) -> Reply {
        use Action::*;
        // The open form first, through the shared editor; what it does not take falls to the
        // tab's own actions, which leave an open form as it is.
        if self.editor.is_some() {
            let step = crate::tui::widgets::editor::act(&mut self.editor, action, env.store);
            if !matches!(step, Step::Pass) {
                let reply = self.stepped(step, env);
                return self.synced(reply, env);
            }
        }
        let h = list_rows(env);
        let reply = match action {
            Back => {
                if !self.filter.is_empty() {
                    self.filter.clear();
                    self.refilter(h);
                } else {
                    // Nothing of the tab's to leave: the app clears the message line.
                    return Reply::Pass;
                }
                Reply::Done
            }
            MoveUp | MoveDown | PageUp | PageDown | First | Last => {
                self.move_selection(action, env)
            }
            Filter => {
                // From inside a circle's sections too: the filter is the list's, so back to it
                // rather than let the letters typed next run the section's keys.
                self.focus = None;
                self.filtering = true;
                Reply::Done
            }
            Edit => self.open_editor(env),
            FocusDetail | LeaveDetail | NextSection | PrevSection | ScrollDetailDown
            | ScrollDetailUp | PrevYear | NextYear | NewCircle | CloseCircle | AddItem
            | EditItem | CycleStatus | YearLater | YearEarlier | CloseGroup | DeleteWork => {
                self.circles_action(action, env)
            }
            _ => return Reply::Pass,
        };
        self.synced(reply, env)
    }

    fn confirmed(&mut self, question: Confirm, env: &mut Env<'_>) -> Reply {
        let reply = self.answer(question, env);
        self.synced(reply, env)
    }

    /// The filter line has the keyboard: typing filters as you go, ↑ ↓ still move.
    fn filter_key(&mut self, ev: KeyEvent, env: &mut Env<'_>) -> Reply {
        if let Some(editor) = &mut self.editor {
            editor.form.input(ev);
            return Reply::Done;
        }
        let h = list_rows(env);
        match (keymap::lookup(&[Scope::Filter], &ev), ev.code) {
            (Some(Action::ClearFilter), _) => {
                self.filter.clear();
                self.filtering = false;
            }
            (Some(Action::KeepFilter), _) => self.filtering = false,
            (Some(Action::MoveUp), _) => self.list.move_by(-1, &self.visible_ids(), h),
            (Some(Action::MoveDown), _) => self.list.move_by(1, &self.visible_ids(), h),
            (_, KeyCode::Backspace) => {
                self.filter.pop();
            }
            (_, KeyCode::Char(c)) if !ev.modifiers.contains(KeyModifiers::CONTROL) => {
                self.filter.push(c);
            }
            _ => return Reply::Done,
        }
        self.refilter(h);
        self.synced(Reply::Done, env)
    }

    /// Pasted text: into the open form's focused field, else into the filter while it is typed.
    fn paste(&mut self, text: &str, env: &mut Env<'_>) -> Reply {
        if let Some(editor) = &mut self.editor {
            editor.form.paste(text);
        } else if self.filtering {
            let h = list_rows(env);
            self.filter.push_str(&crate::text::clean_line(
                text,
                crate::text::limits::SHORT_TEXT,
            ));
            self.refilter(h);
            return self.synced(Reply::Done, env);
        }
        Reply::Done
    }

    fn form_input(&mut self, ev: KeyEvent) {
        if let Some(editor) = &mut self.editor {
            editor.form.input(ev);
        }
    }

    fn reload(&mut self, env: &mut Env<'_>) -> Result<Reply, StoreError> {
        self.load(env)
    }

    fn resize(&mut self, env: &Env<'_>) {
        self.refilter(list_rows(env));
        if let Some(editor) = &mut self.editor {
            editor.form.relayout();
        }
    }

    fn changed_elsewhere(&self, store: &Store) -> Option<String> {
        self.editor.as_ref()?.changed_elsewhere(store)
    }
}

//! The Membres tab: the list of people (text filter, quick filters by circle, type and role,
//! people who left shown or hidden, the communes to review), the detail of the selected person, and the forms that
//! add or edit a person, give or end a role, and record a departure or a return
//! (`person_editor`, `role_editor`). The view is in `view`, the writes in
//! `writes`; what the tab, its writes and its forms share (the tab's questions, whether the
//! session may write people) in `session`, so that no two of these files import each other.
//!
//! The tab is a component ([`Pane`]): it takes the store for each action (it reads the list
//! again after a filter change and writes on save) and answers with a [`Reply`]: the app shows
//! its message and, after a write, reloads every tab.

pub mod detail;
pub mod person_editor;
pub mod role_editor;
mod session;
mod state;
pub mod view;
pub mod writes;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use self::detail::detail_lines;
use self::person_editor::MemberEditor;
use self::role_editor::RoleEditor;
use self::session::{MemberQuestion, may_write};
use self::state::list_rows;
pub use self::state::{HEADER_ROWS, MembersTab, list_height};
use self::view::detail_size;
use super::pane::{Env, Pane, Reply};
use crate::catalogue::members_tab as mm;
use crate::catalogue::tui as msg;
use crate::model::{CircleRole, PersonKind};
use crate::store::people::{PersonDetail, PersonFilter};
use crate::store::{Store, StoreError};
use crate::tui::action::Action;
use crate::tui::keymap::{self, Scope};
use crate::tui::theme::Theme;
use crate::tui::widgets::confirm::Confirm;
use crate::tui::widgets::list::cycle;
use crate::tui::widgets::picker::{Picker, PickerEntry, PickerReply};

impl MembersTab {
    /// Move the selection by `delta` rows; the same cost at 70 people as at 70 000 (the ids
    /// are read from the rows, not gathered).
    fn move_selection(&mut self, delta: isize, height: usize) {
        let people = &self.people;
        self.list.move_within(
            delta,
            people.len(),
            |i| people.get(i).map_or(0, |r| r.person.id),
            height,
        );
    }

    /// Scroll the detail by half its height, within its lines.
    fn scroll_detail(&mut self, down: bool, theme: Theme, (width, height): (usize, usize)) {
        let Some(detail) = &self.detail else { return };
        let lines = detail_lines(self, detail, theme, width).len();
        let max = lines.saturating_sub(height);
        let step = (height / 2).max(1);
        self.detail_scroll = if down {
            (self.detail_scroll.min(max) + step).min(max)
        } else {
            self.detail_scroll.min(max).saturating_sub(step)
        };
    }

    fn refreshed(&mut self, store: &Store, height: usize) -> Reply {
        match self.requery(store, height) {
            Ok(()) => Reply::Done,
            Err(e) => Reply::Error(msg::store_error(&e.to_string())),
        }
    }

    /// Open a form, unless the base is read-only or the role may not write people: then the
    /// store's own message says why, and nothing opens.
    fn open(
        &mut self,
        env: &mut Env<'_>,
        build: impl FnOnce(Option<&PersonDetail>, &Store, Theme) -> Result<MemberEditor, String>,
    ) -> Reply {
        if let Err(text) = may_write(env) {
            return Reply::Error(text);
        }
        match build(self.detail.as_ref(), env.store, env.theme) {
            Ok(form) => {
                self.form = Some(form);
                Reply::Done
            }
            Err(text) => Reply::Error(text),
        }
    }
}

impl Pane for MembersTab {
    fn render(&self, area: Rect, buf: &mut Buffer, theme: Theme) {
        self::view::MembersView { tab: self, theme }.render(area, buf);
    }

    fn help_scopes(&self) -> Vec<Scope> {
        vec![Scope::Members, Scope::Form, Scope::Conflict]
    }

    fn palette_scope(&self) -> Option<Scope> {
        Some(Scope::Members)
    }

    fn scopes(&self) -> Vec<Scope> {
        match &self.form {
            Some(editor) if editor.in_conflict() => vec![Scope::Conflict],
            Some(_) => vec![Scope::Form],
            None => vec![Scope::Members, Scope::Global],
        }
    }

    fn is_dirty(&self) -> bool {
        self.form.as_ref().is_some_and(MemberEditor::is_dirty)
    }

    fn is_filtering(&self) -> bool {
        self.filtering || self.is_picking()
    }

    fn is_picking(&self) -> bool {
        self.circle_picker.is_some() || self.form.as_ref().is_some_and(|e| e.form.is_picking())
    }

    fn dispatch(&mut self, action: Action, env: &mut Env<'_>) -> Reply {
        if self.form.is_some() {
            let step = crate::tui::widgets::editor::act(&mut self.form, action, env.store);
            return self.stepped(step, env);
        }
        use Action::*;
        let h = list_rows(env);
        match action {
            MoveUp | MoveDown | PageUp | PageDown | First | Last => {
                let page = h.max(1) as isize;
                let delta = match action {
                    MoveUp => -1,
                    MoveDown => 1,
                    PageUp => -page,
                    PageDown => page,
                    First => isize::MIN,
                    _ => isize::MAX,
                };
                self.move_selection(delta, h);
                match self.load_detail(env.store) {
                    Ok(()) => Reply::Done,
                    Err(e) => Reply::Error(msg::store_error(&e.to_string())),
                }
            }
            Filter => {
                self.filtering = true;
                Reply::Done
            }
            ScrollDetailDown | ScrollDetailUp => {
                let (width, rows) = env.body();
                self.scroll_detail(
                    action == ScrollDetailDown,
                    env.theme,
                    detail_size(width, rows),
                );
                Reply::Done
            }
            CycleCircleFilter => {
                // The open circles, searched by typing; Entrée filters, Échap leaves it as is.
                let today = env.store.today();
                let entries = self
                    .circles
                    .iter()
                    .filter(|c| c.is_open_on(today))
                    .map(|c| PickerEntry::new(c.id, c.name()))
                    .collect();
                let mut picker = Picker::new(entries);
                if let Some(id) = self.filter.circle_id {
                    picker.select_value(&id);
                }
                picker.open();
                self.circle_picker = Some(picker);
                Reply::Done
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
            ToggleCommuneReview => {
                self.filter.commune_review = !self.filter.commune_review;
                self.refreshed(env.store, h)
            }
            Back if self.is_filtered() || self.filter.include_left => {
                self.filter = PersonFilter::default();
                self.refreshed(env.store, h)
            }
            AddPerson => self.open(env, |_, store, theme| {
                Ok(person_editor::add(store.today(), theme))
            }),
            Edit => self.open(env, |detail, store, theme| {
                let detail = detail.ok_or(mm::NOBODY_SELECTED)?;
                Ok(person_editor::edit(&detail.person, store.today(), theme))
            }),
            GiveRole => self.open(env, |detail, store, theme| {
                let detail = detail.ok_or(mm::NOBODY_SELECTED)?;
                let circles = store.circles().map_err(|e| e.to_string())?;
                RoleEditor::give(detail, &circles, store.today(), theme)
            }),
            EndRole => self.open(env, |detail, store, theme| {
                let detail = detail.ok_or(mm::NOBODY_SELECTED)?;
                RoleEditor::end(detail, store.today(), theme)
            }),
            SetTerm => self.open(env, |detail, store, theme| {
                let detail = detail.ok_or(mm::NOBODY_SELECTED)?;
                RoleEditor::term(detail, store.today(), theme)
            }),
            PersonLeaves
                if self
                    .detail
                    .as_ref()
                    .is_some_and(|d| d.person.left_on.is_some()) =>
            {
                self.ask_return(env)
            }
            PersonLeaves => self.open(env, |detail, store, theme| {
                let detail = detail.ok_or(mm::NOBODY_SELECTED)?;
                RoleEditor::leave(detail, store.today(), theme)
            }),
            _ => Reply::Pass,
        }
    }

    /// A yes: to dropping a form with changes, or to one of the tab's own questions.
    fn confirmed(&mut self, question: Confirm, env: &mut Env<'_>) -> Reply {
        match question.token::<MemberQuestion>() {
            Some(MemberQuestion::AddHomonym) => {
                let step = crate::tui::widgets::editor::act_confirmed(&mut self.form, env.store);
                return self.stepped(step, env);
            }
            Some(MemberQuestion::Return { id, version }) => {
                let (id, version) = (*id, *version);
                return self.person_returns(id, version, env);
            }
            None => {}
        }
        if question == Confirm::DiscardForm {
            // The discarded form's errors go with it.
            self.form = None;
            return Reply::ClearError;
        }
        Reply::Done
    }

    /// The filter line has the keyboard: typing filters as you go, ↑ ↓ still move.
    fn filter_key(&mut self, ev: KeyEvent, env: &mut Env<'_>) -> Reply {
        if let Some(editor) = &mut self.form {
            editor.form.input(ev);
            return Reply::Done;
        }
        if let Some(picker) = &mut self.circle_picker {
            return match picker.handle_key(ev) {
                PickerReply::Chosen => {
                    self.filter.circle_id = picker.value().copied();
                    self.circle_picker = None;
                    let height = list_rows(env);
                    self.refreshed(env.store, height)
                }
                PickerReply::Closed => {
                    self.circle_picker = None;
                    Reply::Done
                }
                PickerReply::Moved | PickerReply::Ignored => Reply::Done,
            };
        }
        let (store, height) = (&*env.store, list_rows(env));
        let action = keymap::lookup(&[Scope::Filter], &ev);
        match (action, ev.code) {
            (Some(Action::ClearFilter), _) => {
                self.filter.text.clear();
                self.filtering = false;
            }
            (Some(Action::KeepFilter), _) => {
                self.filtering = false;
                return Reply::Done;
            }
            (Some(Action::MoveUp | Action::MoveDown), _) => {
                // A move is among the rows the text typed so far lets through.
                if self.refilter_pending
                    && let Err(e) = self.requery(store, height)
                {
                    return Reply::Error(msg::store_error(&e.to_string()));
                }
                let delta = if action == Some(Action::MoveUp) {
                    -1
                } else {
                    1
                };
                self.move_selection(delta, height);
                return match self.load_detail(store) {
                    Ok(()) => Reply::Done,
                    Err(e) => Reply::Error(msg::store_error(&e.to_string())),
                };
            }
            (_, KeyCode::Backspace) => {
                self.filter.text.pop();
            }
            (_, KeyCode::Char(c)) if !ev.modifiers.contains(KeyModifiers::CONTROL) => {
                self.filter.text.push(c);
            }
            _ => return Reply::Done,
        }
        // The letter shows first; the list follows (run_deferred).
        self.refilter_pending = true;
        Reply::Done
    }

    fn has_deferred(&self) -> bool {
        self.refilter_pending
    }

    fn run_deferred(&mut self, env: &mut Env<'_>) -> Reply {
        let height = list_rows(env);
        self.refreshed(env.store, height)
    }

    /// Pasted text: into the open form's focused field, else into the filter while it is typed.
    fn paste(&mut self, text: &str, env: &mut Env<'_>) -> Reply {
        if let Some(form) = &mut self.form {
            form.form.paste(text);
            return Reply::Done;
        }
        if self.filtering {
            self.filter.text.push_str(&crate::text::clean_line(
                text,
                crate::text::limits::SHORT_TEXT,
            ));
            self.refilter_pending = true;
        }
        let _ = env;
        Reply::Done
    }

    fn form_input(&mut self, ev: KeyEvent) {
        if let Some(editor) = &mut self.form {
            editor.form.input(ev);
        }
    }

    /// Read everything again from the store; the selection stays on the same person.
    fn reload(&mut self, env: &mut Env<'_>) -> Result<Reply, StoreError> {
        let store = &*env.store;
        self.circles = store.circles()?;
        self.alerts = store.term_alerts()?;
        self.derived = store.derived_counts()?;
        self.contacts_hidden = !store.actor().role.sees_contacts();
        self.requery(store, list_rows(env))?;
        Ok(Reply::Done)
    }

    /// The person being edited was saved elsewhere meanwhile (or could not be read again).
    fn changed_elsewhere(&self, store: &Store) -> Option<String> {
        self.form.as_ref()?.changed_elsewhere(store)
    }

    /// After a resize: keep the selection visible.
    fn resize(&mut self, env: &Env<'_>) {
        let ids = self.ids();
        self.list.sync(&ids, list_rows(env));
        if let Some(editor) = &mut self.form {
            editor.form.relayout();
        }
    }
}

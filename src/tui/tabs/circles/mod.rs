//! The Cercles tab: the list of circles (the cercle général on top, open circles in the
//! report's order with their counts and a term flag, closed ones last), the detail of the
//! selected one (`detail`), and its forms (`editor`, `forms`,
//! `decision_form`, on the shared editor).
//!
//! `CirclesTab` is a component ([`Pane`]): this file holds its state and routes the app's
//! actions; moving around and opening forms are in `keys`, the writes in
//! `writes`, the view in `view`. It takes the store for each action and answers
//! with a [`Reply`]. Its writes read the tab again themselves, so that the saved line can be
//! selected and scrolled to before the app draws.

pub mod decision_form;
pub mod detail;
pub mod editor;
pub mod forms;
pub mod keys;
pub mod open;
pub mod view;
pub mod writes;

use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use self::detail::{DetailData, DetailFocus, Section};
use self::editor::CircleEditor;
use super::pane::{Env, Offer, Pane, Reply};
use crate::catalogue::circles_tab as cm;
use crate::model::Circle;
use crate::store::governance::{CircleSummary, DerivedCounts};
use crate::store::{Store, StoreError};
use crate::text::fold_for_match;
use crate::tui::action::Action;
use crate::tui::keymap::{self, Scope};
use crate::tui::widgets::confirm::Confirm;
use crate::tui::widgets::list::ListState;

/// Width of the list pane at 80 columns; wider terminals give it a third of the room.
const LIST_MIN_WIDTH: u16 = 39;

pub use self::detail::GENERAL_ID;

#[derive(Default)]
pub struct CirclesTab {
    circles: Vec<Circle>,
    /// Counts of each circle, in the order of `circles`.
    summaries: Vec<CircleSummary>,
    /// The derived circles' sizes (cercle général, coordination).
    derived: DerivedCounts,
    list: ListState,
    filter: String,
    /// The filter line has the keyboard (after `/`, until Enter or Esc).
    filtering: bool,
    editor: Option<CircleEditor>,
    /// What the detail shows, loaded for the selected row and year.
    detail: Option<DetailData>,
    /// The keyboard is inside the detail, on this section and line.
    focus: Option<DetailFocus>,
    /// First line of the detail shown.
    scroll: usize,
    /// The year of the work log shown (the year of today at start).
    year: i32,
}

impl CirclesTab {
    /// How a name is matched by the filter: as a part of it (accents and case ignored) when
    /// any row has that part, else letter by letter in order (`eche` finds `Échange-entraide`),
    /// so a short query never fills the list with scattered matches.
    fn name_matches(&self) -> impl Fn(&str) -> bool + use<> {
        let needle = fold_for_match(&self.filter);
        let names = std::iter::once(cm::GENERAL_NAME).chain(self.circles.iter().map(|c| c.name()));
        let by_part = names.map(fold_for_match).any(|name| name.contains(&needle));
        move |name: &str| {
            let name = fold_for_match(name);
            needle.is_empty()
                || if by_part {
                    name.contains(&needle)
                } else {
                    crate::tui::widgets::palette::fuzzy_score(&needle, &name).is_some()
                }
        }
    }

    fn general_matches(&self) -> bool {
        self.name_matches()(cm::GENERAL_NAME)
    }

    /// The circles the filter lets through, in list order.
    fn visible(&self) -> Vec<&Circle> {
        let matches = self.name_matches();
        self.circles.iter().filter(|c| matches(c.name())).collect()
    }

    /// The rows' ids: the cercle général first, then the visible circles.
    fn visible_ids(&self) -> Vec<i64> {
        let mut ids = Vec::new();
        if self.general_matches() {
            ids.push(GENERAL_ID);
        }
        ids.extend(self.visible().iter().map(|c| c.id));
        ids
    }

    /// The selected circle (`None` on the cercle général's row).
    fn selected(&self) -> Option<&Circle> {
        let id = self.list.selected_id()?;
        self.circles.iter().find(|c| c.id == id)
    }

    fn general_selected(&self) -> bool {
        self.list.selected_id() == Some(GENERAL_ID)
    }

    fn summary(&self, id: i64) -> Option<&CircleSummary> {
        self.summaries.iter().find(|s| s.circle.id == id)
    }

    /// New rows from the store: the selection stays on the same row.
    fn set_summaries(
        &mut self,
        summaries: Vec<CircleSummary>,
        derived: DerivedCounts,
        height: usize,
    ) {
        self.circles = summaries.iter().map(|s| s.circle.clone()).collect();
        self.summaries = summaries;
        self.derived = derived;
        self.refilter(height);
    }

    fn refilter(&mut self, height: usize) {
        let ids = self.visible_ids();
        self.list.sync(&ids, height);
    }
}

/// Rows available to the list in a body of `body_height` rows (one header line).
pub fn list_height(body_height: u16) -> usize {
    usize::from(body_height.saturating_sub(1))
}

pub(super) fn list_width(total: u16, in_detail: bool) -> u16 {
    if is_narrow(total) {
        // No room for both panes: the list alone, or the detail alone once inside it.
        return if in_detail { 0 } else { total };
    }
    LIST_MIN_WIDTH.max(total / 3).min(total)
}

/// Below this body width the list and the detail take turns on the whole width.
const TWO_PANES_FROM: u16 = LIST_MIN_WIDTH + 1 + 20;

pub(super) fn is_narrow(total: u16) -> bool {
    total < TWO_PANES_FROM
}

/// Columns of the detail pane in a body `total` columns wide (one column of margin beside the
/// list; none when the detail has the whole width).
pub fn detail_width(total: u16, in_detail: bool) -> usize {
    let list = list_width(total, in_detail);
    let margin = u16::from(list > 0);
    usize::from(total.saturating_sub(list).saturating_sub(margin))
}

/// Rows of the list in the body `env` gives.
pub(super) fn list_rows(env: &Env<'_>) -> usize {
    list_height(env.body().1)
}

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
        let h = list_rows(env);
        let reply = match action {
            Back => {
                if let Some(editor) = &mut self.editor
                    && editor.conflict.is_some()
                {
                    editor.conflict = None;
                } else if !self.filter.is_empty() {
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
            Save => self.save_editor(env),
            Cancel if self.is_dirty() => Reply::ConfirmDiscard,
            Cancel => {
                self.editor = None;
                Reply::ClearError
            }
            NextField | PrevField => {
                if let Some(editor) = &mut self.editor {
                    if action == NextField {
                        editor.form.focus_next();
                    } else {
                        editor.form.focus_prev();
                    }
                }
                Reply::Done
            }
            KeepTheirs | KeepMine | TakeTheirs | ResolveConflict => self.conflict_action(action),
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

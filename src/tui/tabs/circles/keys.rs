//! The actions of the Cercles tab that move around: loading the list and the detail, going
//! into the detail's sections and picking a line, scrolling, the work-log year. Opening the
//! forms is in `open`, the writes in `writes`.

use chrono::Datelike;

use super::detail::{DetailData, DetailFocus, Section, detail_lines};
use super::state::{CirclesTab, detail_width, list_rows};
use crate::catalogue::tui as msg;
use crate::model::Area;
use crate::store::StoreError;
use crate::tui::action::Action;
use crate::tui::tabs::pane::{Env, Reply};

/// The first year the Suivi goes back to: the network was created in 2022 (rapport annuel
/// 2025), its first Rencontres Nationales held from 2020.
const FIRST_YEAR: i32 = 2020;

impl CirclesTab {
    /// Read the circles, their counts and the derived circles; the selection stays on the same
    /// row; the detail is read again.
    pub(super) fn load(&mut self, env: &mut Env<'_>) -> Result<Reply, StoreError> {
        let summaries = env.store.circle_summaries()?;
        let derived = env.store.derived_counts()?;
        if self.year == 0 {
            self.year = env.store.today().year();
        }
        self.set_summaries(summaries, derived, list_rows(env));
        Ok(self.load_detail(env, true))
    }

    /// `load`, a failure said rather than returned (after a write, which did happen).
    pub(super) fn reload_circles(&mut self, env: &mut Env<'_>) -> Reply {
        match self.load(env) {
            Ok(reply) => reply,
            Err(e) => env.said(Reply::Error(msg::store_error(&e.to_string()))),
        }
    }

    /// `reply`, once the detail follows the selected row and year (loaded when they changed,
    /// the focus kept on a line that still exists). A failed read is said instead, except in
    /// place of a question: asking changes neither the row nor the year, so nothing was read.
    pub(super) fn synced(&mut self, reply: Reply, env: &mut Env<'_>) -> Reply {
        let later = self.load_detail(env, false);
        match reply {
            Reply::Confirm(_) | Reply::ConfirmDiscard => reply,
            reply => reply.then(later),
        }
    }

    /// Load the detail if needed (always with `force`: the data changed).
    fn load_detail(&mut self, env: &mut Env<'_>, force: bool) -> Reply {
        let Some(row) = self.list.selected_id() else {
            self.detail = None;
            self.focus = None;
            return Reply::Done;
        };
        let same_row = self.detail.as_ref().is_some_and(|d| d.row == row);
        let same = same_row && self.detail.as_ref().is_some_and(|d| d.year == self.year);
        if same && !force {
            return Reply::Done;
        }
        if !same_row {
            self.focus = None;
            self.scroll = 0;
        }
        let reply = match DetailData::load(env.store, row, self.year) {
            Ok(data) => {
                self.detail = Some(data);
                Reply::Done
            }
            Err(e) => {
                self.detail = None;
                env.said(Reply::Error(msg::store_error(&e.to_string())))
            }
        };
        self.fix_focus();
        reply
    }

    /// After a reload: a picked line that went away (moved to another year, another list)
    /// gives way to the first line of its section.
    fn fix_focus(&mut self) {
        let (Some(data), Some(focus)) = (&self.detail, &mut self.focus) else {
            return;
        };
        if !data.sections().contains(&focus.section) {
            self.focus = None;
            return;
        }
        let items = data.items(focus.section);
        if focus.item.is_none_or(|id| !items.contains(&id)) {
            focus.item = items.first().copied();
        }
    }

    /// Columns and rows of the detail pane.
    fn detail_size(&self, env: &Env<'_>) -> (usize, usize) {
        let (width, rows) = env.body();
        (detail_width(width, self.focus.is_some()), usize::from(rows))
    }

    /// Scroll the detail so that the focused line (and what follows it) is on screen.
    pub(super) fn follow_focus(&mut self, env: &Env<'_>) {
        let (width, height) = self.detail_size(env);
        let (Some(data), Some(focus)) = (&self.detail, &self.focus) else {
            return;
        };
        let (_, anchors) = detail_lines(data, Some(focus), env.theme, width);
        let anchor = anchors
            .iter()
            .find(|a| a.section == focus.section && a.item == focus.item)
            .or_else(|| anchors.iter().find(|a| a.section == focus.section));
        let Some(anchor) = anchor else { return };
        // The picked line with its own lines (up to the next anchor), or a header with a few
        // lines of what follows it.
        let end = anchors
            .iter()
            .map(|a| a.line)
            .find(|l| *l > anchor.line)
            .unwrap_or(anchor.line + 3)
            .min(anchor.line + height / 2)
            .max(anchor.line + 1);
        let end = if anchor.item.is_none() {
            anchor.line + 4
        } else {
            end
        };
        let header = anchors
            .iter()
            .find(|a| a.section == focus.section && a.item.is_none())
            .map_or(anchor.line, |a| a.line);
        if anchor.line < self.scroll {
            self.scroll = anchor.line.saturating_sub(1);
        } else if end > self.scroll + height {
            // Going down: show the section from its header when it fits with the line.
            self.scroll = if end - header <= height {
                header
            } else {
                end - height
            };
        }
    }

    fn scroll_detail(&mut self, down: bool, env: &Env<'_>) {
        let (width, height) = self.detail_size(env);
        let Some(data) = &self.detail else { return };
        let (lines, _) = detail_lines(data, self.focus.as_ref(), env.theme, width);
        let max = lines.len().saturating_sub(height);
        let step = (height / 2).max(1);
        self.scroll = if down {
            (self.scroll.min(max) + step).min(max)
        } else {
            self.scroll.min(max).saturating_sub(step)
        };
    }

    /// Every place the keyboard can stop in the detail: each line of each section, or the
    /// section's header when it is empty.
    fn stops(&self) -> Vec<DetailFocus> {
        let Some(data) = &self.detail else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for section in data.sections() {
            let items = data.items(section);
            if items.is_empty() {
                out.push(DetailFocus {
                    section,
                    item: None,
                });
            }
            out.extend(items.into_iter().map(|id| DetailFocus {
                section,
                item: Some(id),
            }));
        }
        out
    }

    fn focus_section(&mut self, section: Section, env: &Env<'_>) {
        let item = self
            .detail
            .as_ref()
            .and_then(|d| d.items(section).first().copied());
        self.focus = Some(DetailFocus { section, item });
        self.follow_focus(env);
    }

    fn step_section(&mut self, forward: bool, env: &Env<'_>) {
        let Some(data) = &self.detail else {
            return;
        };
        let sections = data.sections();
        let n = sections.len();
        let at = self
            .focus
            .and_then(|f| sections.iter().position(|s| *s == f.section))
            .unwrap_or(0);
        let next = if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        };
        self.focus_section(sections[next], env);
    }

    fn step_line(&mut self, forward: bool, env: &Env<'_>) {
        let stops = self.stops();
        let Some(focus) = self.focus else {
            return;
        };
        let at = stops.iter().position(|s| *s == focus).unwrap_or(0);
        let next = if forward {
            (at + 1).min(stops.len().saturating_sub(1))
        } else {
            at.saturating_sub(1)
        };
        if let Some(stop) = stops.get(next) {
            self.focus = Some(*stop);
            self.follow_focus(env);
        }
    }

    /// Enter the detail on the first section that has lines (the work log when it does).
    fn enter_detail(&mut self, env: &Env<'_>) {
        let Some(data) = &self.detail else {
            return;
        };
        let sections = data.sections();
        let first = [Section::Work]
            .into_iter()
            .chain(sections.iter().copied())
            .find(|s| sections.contains(s) && !data.items(*s).is_empty())
            .unwrap_or(sections[0]);
        self.focus_section(first, env);
    }

    /// ↑ ↓ and the page keys: in the detail, or in the list (the open form's conflict panel
    /// has them first, through the shared editor).
    pub(super) fn move_selection(&mut self, action: Action, env: &mut Env<'_>) -> Reply {
        let h = list_rows(env);
        if self.editor.is_some() {
            return Reply::Done;
        }
        if self.focus.is_some() {
            return self.circles_action(action, env);
        }
        let ids = self.visible_ids();
        let page = h.max(1) as isize;
        match action {
            Action::MoveUp => self.list.move_by(-1, &ids, h),
            Action::MoveDown => self.list.move_by(1, &ids, h),
            Action::PageUp => self.list.move_by(-page, &ids, h),
            Action::PageDown => self.list.move_by(page, &ids, h),
            Action::First => self.list.select_first(&ids, h),
            _ => self.list.select_last(&ids, h),
        }
        Reply::Done
    }

    /// The Cercles tab's own actions (and ↑ ↓ while in the detail).
    pub(super) fn circles_action(&mut self, action: Action, env: &mut Env<'_>) -> Reply {
        if self.editor.is_some() {
            return Reply::Done;
        }
        use Action::*;
        match action {
            FocusDetail => self.enter_detail(env),
            LeaveDetail => {
                // Back on the list, an error about a line of the detail is past; the detail
                // shows its top again (the circle's name and counts).
                self.focus = None;
                self.scroll = 0;
                return env.said(Reply::ClearError);
            }
            NextSection | PrevSection => self.step_section(action == NextSection, env),
            MoveUp | MoveDown => self.step_line(action == MoveDown, env),
            First | Last => {
                let stops = self.stops();
                let stop = if action == First {
                    stops.first()
                } else {
                    stops.last()
                };
                if let Some(stop) = stop.copied() {
                    self.focus = Some(stop);
                    self.follow_focus(env);
                }
            }
            ScrollDetailDown | ScrollDetailUp => {
                self.scroll_detail(action == ScrollDetailDown, env)
            }
            PrevYear | NextYear => {
                // The network's years, and a few ahead for plans: not back to 1994.
                let last = env.store.today().year() + 5;
                self.year =
                    (self.year + if action == NextYear { 1 } else { -1 }).clamp(FIRST_YEAR, last);
                let reply = self.synced(Reply::Done, env);
                if self.focus.is_some() {
                    self.focus_section(Section::Work, env);
                }
                return reply;
            }
            NewCircle => {
                if let Err(refused) = self.may(env, Area::Governance) {
                    return refused;
                }
                self.editor = Some(super::editor::new_circle(env.store.today(), env.theme));
                return Reply::ClearMessage;
            }
            CloseCircle => return self.close_circle(env),
            AddItem => return self.add_item(env),
            EditItem => return self.edit_item(env),
            CycleStatus => return self.cycle_status(env),
            YearLater | YearEarlier => return self.move_year(action == YearLater, env),
            CloseGroup => return self.close_group(env),
            DeleteWork => return self.delete_work(env),
            _ => {}
        }
        Reply::Done
    }

    /// Select the row of `id` in the list (a circle just created).
    pub(super) fn select_row(&mut self, id: i64, env: &mut Env<'_>) -> Reply {
        let h = list_rows(env);
        let ids = self.visible_ids();
        if let (Some(to), Some(from)) = (ids.iter().position(|x| *x == id), self.list.selected()) {
            self.list.move_by(to as isize - from as isize, &ids, h);
        }
        self.synced(Reply::Done, env)
    }
}

//! The actions of the Cercles tab that move around: loading the list and the detail, going
//! into the detail's sections and picking a line, scrolling, the work-log year, and opening
//! the forms (after checking the role, so nobody types a form the store would refuse).

use chrono::Datelike;

use super::Tab;
use super::circle_detail::{DetailData, DetailFocus, Section, detail_lines};
use super::circle_forms as forms;
use super::circles::{detail_width, list_height};
use crate::catalogue::circles as model_msg;
use crate::catalogue::circles_tab as cm;
use crate::model::{Area, CircleKind, Instance};
use crate::store::StoreError;
use crate::tui::action::Action;
use crate::tui::app::{App, Message, MessageKind, Overlay};
use crate::tui::widgets::confirm::Confirm;

impl App {
    pub(crate) fn say(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            kind: MessageKind::Info,
        });
    }

    pub(crate) fn complain(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            kind: MessageKind::Error,
        });
    }

    /// Read the circles, their counts and the derived circles; the selection stays on the same
    /// row; the detail is read again.
    pub(crate) fn load_circles(&mut self) -> Result<(), StoreError> {
        let summaries = self.store.circle_summaries()?;
        let derived = self.store.derived_counts()?;
        if self.circles.year == 0 {
            self.circles.year = self.store.today().year();
        }
        let h = list_height(self.body_height());
        self.circles.set_summaries(summaries, derived, h);
        self.load_detail(true);
        Ok(())
    }

    pub(crate) fn reload_circles(&mut self) {
        if let Err(e) = self.load_circles() {
            self.complain(crate::catalogue::tui::store_error(&e.to_string()));
        }
    }

    /// Load the detail when the selected row or the year changed; keep the focus on a line
    /// that still exists.
    pub(crate) fn sync_circle_detail(&mut self) {
        self.load_detail(false);
    }

    /// Load the detail if needed (always with `force`: the data changed).
    fn load_detail(&mut self, force: bool) {
        let tab = &mut self.circles;
        let Some(row) = tab.list.selected_id() else {
            tab.detail = None;
            tab.focus = None;
            return;
        };
        let same_row = tab.detail.as_ref().is_some_and(|d| d.row == row);
        let same = same_row && tab.detail.as_ref().is_some_and(|d| d.year == tab.year);
        if same && !force {
            return;
        }
        if !same_row {
            tab.focus = None;
            tab.scroll = 0;
        }
        match DetailData::load(&self.store, row, self.circles.year) {
            Ok(data) => self.circles.detail = Some(data),
            Err(e) => {
                self.circles.detail = None;
                self.complain(crate::catalogue::tui::store_error(&e.to_string()));
            }
        }
        self.fix_focus();
    }

    /// After a reload: a picked line that went away (moved to another year, another list)
    /// gives way to the first line of its section.
    fn fix_focus(&mut self) {
        let tab = &mut self.circles;
        let (Some(data), Some(focus)) = (&tab.detail, &mut tab.focus) else {
            return;
        };
        if !data.sections().contains(&focus.section) {
            tab.focus = None;
            return;
        }
        let items = data.items(focus.section);
        if focus.item.is_none_or(|id| !items.contains(&id)) {
            focus.item = items.first().copied();
        }
    }

    fn detail_size(&self) -> (usize, usize) {
        (detail_width(self.size.0), usize::from(self.body_height()))
    }

    /// Scroll the detail so that the focused line (and what follows it) is on screen.
    pub(crate) fn follow_focus(&mut self) {
        let (width, height) = self.detail_size();
        let tab = &mut self.circles;
        let (Some(data), Some(focus)) = (&tab.detail, &tab.focus) else {
            return;
        };
        let (_, anchors) = detail_lines(data, Some(focus), self.theme, width);
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
        if anchor.line < tab.scroll {
            tab.scroll = anchor.line.saturating_sub(1);
        } else if end > tab.scroll + height {
            // Going down: show the section from its header when it fits with the line.
            tab.scroll = if end - header <= height {
                header
            } else {
                end - height
            };
        }
    }

    fn scroll_detail(&mut self, down: bool) {
        let (width, height) = self.detail_size();
        let tab = &mut self.circles;
        let Some(data) = &tab.detail else { return };
        let (lines, _) = detail_lines(data, tab.focus.as_ref(), self.theme, width);
        let max = lines.len().saturating_sub(height);
        let step = (height / 2).max(1);
        tab.scroll = if down {
            (tab.scroll.min(max) + step).min(max)
        } else {
            tab.scroll.min(max).saturating_sub(step)
        };
    }

    /// Every place the keyboard can stop in the detail: each line of each section, or the
    /// section's header when it is empty.
    fn stops(&self) -> Vec<DetailFocus> {
        let Some(data) = &self.circles.detail else {
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

    fn focus_section(&mut self, section: Section) {
        let item = self
            .circles
            .detail
            .as_ref()
            .and_then(|d| d.items(section).first().copied());
        self.circles.focus = Some(DetailFocus { section, item });
        self.follow_focus();
    }

    fn step_section(&mut self, forward: bool) {
        let Some(data) = &self.circles.detail else {
            return;
        };
        let sections = data.sections();
        let n = sections.len();
        let at = self
            .circles
            .focus
            .and_then(|f| sections.iter().position(|s| *s == f.section))
            .unwrap_or(0);
        let next = if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        };
        self.focus_section(sections[next]);
    }

    fn step_line(&mut self, forward: bool) {
        let stops = self.stops();
        let Some(focus) = self.circles.focus else {
            return;
        };
        let at = stops.iter().position(|s| *s == focus).unwrap_or(0);
        let next = if forward {
            (at + 1).min(stops.len().saturating_sub(1))
        } else {
            at.saturating_sub(1)
        };
        if let Some(stop) = stops.get(next) {
            self.circles.focus = Some(*stop);
            self.follow_focus();
        }
    }

    /// Enter the detail on the first section that has lines (the work log when it does).
    fn enter_detail(&mut self) {
        let Some(data) = &self.circles.detail else {
            return;
        };
        let sections = data.sections();
        let first = [Section::Work]
            .into_iter()
            .chain(sections.iter().copied())
            .find(|s| sections.contains(s) && !data.items(*s).is_empty())
            .unwrap_or(sections[0]);
        self.focus_section(first);
    }

    /// The Cercles tab's own actions (and ↑ ↓ while in the detail).
    pub(crate) fn circles_action(&mut self, action: Action) {
        if self.tab != Tab::Cercles || self.circles.editor.is_some() {
            return;
        }
        use Action::*;
        match action {
            FocusDetail => self.enter_detail(),
            LeaveDetail => self.circles.focus = None,
            NextSection | PrevSection => self.step_section(action == NextSection),
            MoveUp | MoveDown => self.step_line(action == MoveDown),
            ScrollDetailDown | ScrollDetailUp => self.scroll_detail(action == ScrollDetailDown),
            PrevYear | NextYear => {
                self.circles.year += if action == NextYear { 1 } else { -1 };
                self.sync_circle_detail();
                if self.circles.focus.is_some() {
                    self.focus_section(Section::Work);
                }
            }
            NewCircle if self.may(Area::Governance) => {
                let today = self.store.today();
                self.circles.editor = Some(forms::new_circle(today, self.theme));
            }
            CloseCircle => self.close_circle(),
            AddItem => self.add_item(),
            EditItem => self.edit_item(),
            CycleStatus => self.cycle_status(),
            YearLater | YearEarlier => self.move_year(action == YearLater),
            CloseGroup => self.close_group(),
            DeleteWork => self.delete_work(),
            _ => {}
        }
    }

    /// Whether this session may write `area`; says why not in the status line.
    pub(crate) fn may(&mut self, area: Area) -> bool {
        if self.store.is_read_only() {
            self.complain(cm::READ_ONLY);
            return false;
        }
        let role = self.store.actor().role;
        if !role.may_write(area) {
            self.complain(cm::refused(role.code(), area));
            return false;
        }
        self.message = None;
        true
    }

    fn close_circle(&mut self) {
        if self.circles.general_selected() {
            self.complain(cm::GENERAL_NOT_CLOSED);
            return;
        }
        let Some(circle) = self.circles.selected().cloned() else {
            return;
        };
        if circle.kind == CircleKind::Coordination {
            self.complain(model_msg::COORDINATION_STAYS);
            return;
        }
        if !self.may(Area::Governance) {
            return;
        }
        if circle.closed_on.is_some() {
            self.overlay = Overlay::Confirm(Confirm::ReopenCircle {
                id: circle.id,
                version: circle.version,
                name: circle.name().to_owned(),
            });
            return;
        }
        let today = self.store.today();
        self.circles.editor = Some(forms::close_circle(&circle, today, self.theme));
    }

    fn focused(&self) -> Option<DetailFocus> {
        self.circles.focus
    }

    fn add_item(&mut self) {
        let Some(focus) = self.focused() else { return };
        let today = self.store.today();
        let theme = self.theme;
        let circle = self.circles.detail.as_ref().and_then(|d| d.circle.clone());
        match (focus.section, circle) {
            (Section::Groups, Some(c)) if self.may(Area::Governance) => {
                self.circles.editor = Some(forms::new_group(&c, today, theme));
            }
            (Section::Work, Some(c)) if self.may(Area::WorkLog) => {
                let year = self.circles.year;
                self.circles.editor = Some(forms::new_work(&c, year, today, theme));
            }
            (Section::Decisions | Section::AgDecisions, circle) if self.may(Area::Governance) => {
                let instance = match (focus.section, circle) {
                    (Section::AgDecisions, _) => Instance::Ag,
                    (_, None) => Instance::CercleGeneral,
                    (_, Some(c)) if c.kind == CircleKind::Coordination => Instance::Coordination,
                    (_, Some(c)) => Instance::Cercle(c.id),
                };
                let choices = forms::instance_choices(&self.circles.circles);
                self.circles.editor = Some(forms::new_decision(instance, choices, today, theme));
            }
            _ => {}
        }
    }

    fn edit_item(&mut self) {
        let Some(focus) = self.focused() else { return };
        let Some(id) = focus.item else {
            self.complain(cm::NOTHING_CHOSEN);
            return;
        };
        let today = self.store.today();
        let theme = self.theme;
        let Some(data) = &self.circles.detail else {
            return;
        };
        let editor = match focus.section {
            Section::Groups => data
                .groups
                .iter()
                .find(|g| g.id == id)
                .map(|g| (Area::Governance, forms::edit_group(g, today, theme))),
            Section::Work => {
                let name = data.circle.as_ref().map(|c| c.name().to_owned());
                data.work.iter().find(|w| w.id == id).map(|w| {
                    let name = name.unwrap_or_default();
                    (Area::WorkLog, forms::edit_work(w, &name, today, theme))
                })
            }
            Section::Decisions | Section::AgDecisions => data.decision(id).map(|d| {
                let choices = forms::instance_choices(&self.circles.circles);
                (
                    Area::Governance,
                    forms::edit_decision(d, choices, today, theme),
                )
            }),
        };
        if let Some((area, editor)) = editor
            && self.may(area)
        {
            self.circles.editor = Some(editor);
        }
    }

    /// The picked work item, if the focus is on one.
    pub(crate) fn picked_work(&self) -> Option<crate::model::WorkItem> {
        let focus = self.focused()?;
        if focus.section != Section::Work {
            return None;
        }
        let id = focus.item?;
        let data = self.circles.detail.as_ref()?;
        data.work.iter().find(|w| w.id == id).cloned()
    }

    fn close_group(&mut self) {
        let Some(focus) = self.focused() else { return };
        let (Section::Groups, Some(id)) = (focus.section, focus.item) else {
            self.complain(cm::NOTHING_CHOSEN);
            return;
        };
        let group = self
            .circles
            .detail
            .as_ref()
            .and_then(|d| d.groups.iter().find(|g| g.id == id).cloned());
        let Some(group) = group else { return };
        if !self.may(Area::Governance) {
            return;
        }
        if group.closed_on.is_some() {
            self.overlay = Overlay::Confirm(Confirm::ReopenGroup {
                id: group.id,
                version: group.version,
                name: group.name.clone(),
            });
            return;
        }
        let today = self.store.today();
        self.circles.editor = Some(forms::close_group(&group, today, self.theme));
    }

    /// Ask before deleting the picked work item (typed by mistake).
    fn delete_work(&mut self) {
        let Some(item) = self.picked_work() else {
            self.complain(cm::NOTHING_CHOSEN);
            return;
        };
        if !self.may(Area::WorkLog) {
            return;
        }
        self.overlay = Overlay::Confirm(Confirm::DeleteWork {
            id: item.id,
            version: item.version,
            title: item.title,
        });
    }

    /// A yes to one of the Cercles tab's questions: the write, at the version the question
    /// was asked about (changed elsewhere meanwhile: the store refuses and says so).
    pub(crate) fn circles_confirmed(&mut self, what: Confirm) {
        let outcome = match what {
            Confirm::ReopenCircle { id, version, .. } => self
                .store
                .set_circle_closed(id, version, None)
                .map(|c| cm::circle_reopened(c.name())),
            Confirm::ReopenGroup { id, version, .. } => self
                .store
                .set_working_group_closed(id, version, None)
                .map(|g| cm::group_reopened(&g.name)),
            Confirm::DeleteWork { id, version, title } => self
                .store
                .delete_work_item(id, version)
                .map(|()| cm::work_deleted(&title)),
            Confirm::QuitDirty | Confirm::DiscardForm => return,
        };
        self.reload_circles();
        match outcome {
            Ok(text) => self.say(text),
            Err(e) => self.complain(e.to_string()),
        }
        self.follow_focus();
    }

    /// Select the row of `id` in the list (a circle just created).
    pub(crate) fn select_row(&mut self, id: i64) {
        let h = list_height(self.body_height());
        let ids = self.circles.visible_ids();
        if let (Some(to), Some(from)) = (
            ids.iter().position(|x| *x == id),
            self.circles.list.selected(),
        ) {
            self.circles
                .list
                .move_by(to as isize - from as isize, &ids, h);
        }
        self.sync_circle_detail();
    }
}

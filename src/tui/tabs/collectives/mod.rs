//! The Collectifs tab: the citizen collectives and lists (text filter, quick filters by région,
//! département, statut and type, "à contacter"), the detail of the selected one with its
//! follow-up and statut history, its counts as bar charts, and the forms that add or edit a
//! collective and record its follow-up (`forms`). A statut changes with one key (`s`, then the
//! statut), dated and kept. The list and detail are drawn in `view`, the counts in `counts`.

mod counts;
mod forms;
mod state;
mod view;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

use self::forms::CollectiveEditor;
pub use self::state::CollectivesTab;
use self::state::{Choosing, Counts, Filter, HEADER_ROWS, Row};
use super::pane::{Env, Offer, Pane, Reply};
use crate::catalogue::collectives_tab as ct;
use crate::catalogue::tui as msg;
use crate::geo::{Commune, communes};
use crate::model::{Area, Collective, CollectiveKind, CollectiveStatus};
use crate::store::{Store, StoreError};
use crate::tui::action::Action;
use crate::tui::keymap::{self, Scope};
use crate::tui::theme::Theme;
use crate::tui::widgets::confirm::Confirm;
use crate::tui::widgets::editor::{self, Step};
use crate::tui::widgets::list::cycle;
use crate::tui::widgets::picker::{Picker, PickerEntry, PickerReply};

fn list_rows(env: &Env<'_>) -> usize {
    usize::from(env.body().1.saturating_sub(HEADER_ROWS))
}

impl CollectivesTab {
    /// Which rows the filters keep; the selection stays on the same collective if kept.
    fn refilter(&mut self, height: usize) {
        let f = &self.filter;
        let needle = crate::tui::widgets::picker::match_key(f.text.trim());
        let today = self.today;
        let months = self.follow_up_months;
        self.shown = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                let c = &r.line;
                let place = r.commune;
                (needle.is_empty() || r.key.contains(needle.as_str()))
                    && f.region
                        .is_none_or(|code| place.is_some_and(|p| p.region().code() == code))
                    && f.departement
                        .is_none_or(|code| place.is_some_and(|p| p.departement().code() == code))
                    && f.status.is_none_or(|s| c.status == s)
                    && f.kind.is_none_or(|k| c.kind == k)
                    && (!f.due || c.is_due(today, months))
            })
            .map(|(i, _)| i)
            .collect();
        self.ids = self.shown.iter().map(|&i| self.rows[i].line.id).collect();
        self.list.sync(&self.ids, height);
    }

    /// Read the collectives again (and what their detail shows).
    fn requery(&mut self, store: &Store, height: usize) -> Result<(), StoreError> {
        self.today = store.today();
        self.follow_up_months = store.follow_up_months();
        self.contacts_hidden = !store.actor().role.sees_contacts();
        let all = communes();
        self.rows = store
            .collective_lines()?
            .into_iter()
            .map(|line| {
                let (commune, commune_key) = all.by_code_with_key(&line.commune).unzip();
                // The name as the picker folds it (hyphens and apostrophes as spaces), from
                // the store's folding rather than folding it again.
                let mut key = line.folded_name.replace(['-', '\''], " ");
                if let Some(k) = commune_key {
                    key.push(' ');
                    key.push_str(k);
                }
                Row { line, commune, key }
            })
            .collect();
        self.counts = Counts::of(&self.rows, &self.member_communes);
        self.refilter(height);
        self.load_detail(store)
    }

    /// Read the selected collective's sheet and statut history.
    fn load_detail(&mut self, store: &Store) -> Result<(), StoreError> {
        let before = self.detail.as_ref().map(|c| c.id);
        let id = self.selected_line().map(|l| l.id);
        (self.detail, self.history) = match id {
            Some(id) => (store.collective(id)?, store.collective_statuses(id)?),
            None => (None, Vec::new()),
        };
        if self.detail.as_ref().map(|c| c.id) != before {
            self.detail_scroll = 0;
        }
        Ok(())
    }

    fn refreshed(&mut self, store: &Store, height: usize) -> Reply {
        self.refilter(height);
        match self.load_detail(store) {
            Ok(()) => Reply::Done,
            Err(e) => Reply::Error(msg::store_error(&e.to_string())),
        }
    }

    fn select_id(&mut self, id: i64, height: usize) {
        if let Some(pos) = self.ids.iter().position(|x| *x == id) {
            let current = self.list.selected().unwrap_or(0);
            self.list
                .move_by(pos as isize - current as isize, &self.ids, height);
        }
    }

    /// `s`: the statuts to choose from, the current one first in sight.
    fn status_picker(&self, env: &Env<'_>) -> Result<Choosing, String> {
        env.may_write(Area::Collectives)?;
        let c = self.selected().ok_or(ct::NOTHING_SELECTED)?;
        let entries = CollectiveStatus::ALL
            .iter()
            .map(|s| PickerEntry::new(*s, s.label()))
            .collect();
        let mut picker = Picker::new(entries);
        picker.select_value(&c.status);
        picker.open();
        Ok(Choosing::Status {
            picker,
            id: c.id,
            version: c.version,
        })
    }

    fn open_form(
        &mut self,
        env: &mut Env<'_>,
        build: impl FnOnce(
            Option<&Collective>,
            chrono::NaiveDate,
            Theme,
        ) -> Result<CollectiveEditor, String>,
    ) -> Reply {
        if let Err(text) = env.may_write(Area::Collectives) {
            return Reply::Error(text);
        }
        match build(self.selected(), env.store.today(), env.theme) {
            Ok(form) => {
                self.form = Some(form);
                Reply::ClearError
            }
            Err(text) => Reply::Error(text),
        }
    }

    /// After the editor's step: read again, select what was written, say it.
    fn stepped(&mut self, step: Step<i64>, env: &mut Env<'_>) -> Reply {
        let height = list_rows(env);
        match step {
            Step::Pass => Reply::Pass,
            Step::Reply(reply) => reply,
            Step::Reload(reply) => {
                let _ = self.requery(env.store, height);
                reply
            }
            Step::Saved(saved) => {
                if let Err(e) = self.requery(env.store, height) {
                    return Reply::Error(msg::store_error(&e.to_string()));
                }
                self.select_id(saved.then, height);
                let _ = self.load_detail(env.store);
                Reply::Written(saved.message)
            }
        }
    }

    /// The statut chosen in the picker, saved at once (dated today by the store).
    fn set_status(
        &mut self,
        id: i64,
        version: i64,
        status: CollectiveStatus,
        env: &mut Env<'_>,
    ) -> Reply {
        match env.store.set_collective_status(id, version, status) {
            Ok(c) => {
                let height = list_rows(env);
                if let Err(e) = self.requery(env.store, height) {
                    return Reply::Error(msg::store_error(&e.to_string()));
                }
                self.select_id(c.id, height);
                let _ = self.load_detail(env.store);
                Reply::Written(ct::status_changed(&c.name, c.status.label()))
            }
            Err(StoreError::Conflict { .. }) => {
                let _ = self.requery(env.store, list_rows(env));
                Reply::Error(ct::CHANGED_ELSEWHERE.to_owned())
            }
            Err(e) => Reply::Error(e.to_string()),
        }
    }

    fn counts_action(&mut self, action: Action) -> Reply {
        let n = self.counts.by_region.len();
        match action {
            Action::MoveUp => self.counts_cursor = self.counts_cursor.saturating_sub(1),
            Action::MoveDown => {
                self.counts_cursor = (self.counts_cursor + 1).min(n.saturating_sub(1));
            }
            Action::OpenRegion => self.counts_open = !self.counts_open,
            Action::ToggleCounts | Action::Back => self.show_counts = false,
            _ => return Reply::Pass,
        }
        Reply::Done
    }
}

impl Pane for CollectivesTab {
    fn render(&self, area: Rect, buf: &mut Buffer, theme: Theme) {
        if self.show_counts {
            self.render_counts(area, buf, theme);
        } else {
            self.render_list_detail(area, buf, theme);
        }
    }

    fn scopes(&self) -> Vec<Scope> {
        match &self.form {
            Some(editor) if editor.in_conflict() => vec![Scope::Conflict],
            Some(_) => vec![Scope::Form],
            None if self.show_counts => vec![Scope::CollectiveCounts, Scope::Global],
            None => vec![Scope::Collectives, Scope::Global],
        }
    }

    fn help_scopes(&self) -> Vec<Scope> {
        vec![
            Scope::Collectives,
            Scope::CollectiveCounts,
            Scope::Form,
            Scope::Conflict,
        ]
    }

    fn palette_scope(&self) -> Option<Scope> {
        Some(Scope::Collectives)
    }

    fn offers(&self, action: Action) -> Offer {
        match action {
            // Editing a collective is a write of collectives (a bénévole may).
            Action::Edit => Offer::Writes(Area::Collectives),
            _ => Offer::of(action),
        }
    }

    fn is_dirty(&self) -> bool {
        self.form.as_ref().is_some_and(CollectiveEditor::is_dirty)
    }

    fn is_filtering(&self) -> bool {
        self.filtering || self.is_picking()
    }

    fn is_picking(&self) -> bool {
        self.choosing.is_some() || self.form.as_ref().is_some_and(|e| e.form.is_picking())
    }

    fn dispatch(&mut self, action: Action, env: &mut Env<'_>) -> Reply {
        if self.form.is_some() {
            let step = editor::act(&mut self.form, action, env.store);
            return self.stepped(step, env);
        }
        if self.show_counts {
            return self.counts_action(action);
        }
        use Action::*;
        let h = list_rows(env);
        match action {
            MoveUp | MoveDown | PageUp | PageDown | First | Last => {
                let page = h.max(1) as isize;
                match action {
                    MoveUp => self.list.move_by(-1, &self.ids, h),
                    MoveDown => self.list.move_by(1, &self.ids, h),
                    PageUp => self.list.move_by(-page, &self.ids, h),
                    PageDown => self.list.move_by(page, &self.ids, h),
                    First => self.list.select_first(&self.ids, h),
                    _ => self.list.select_last(&self.ids, h),
                }
                match self.load_detail(env.store) {
                    Ok(()) => Reply::Done,
                    Err(e) => Reply::Error(msg::store_error(&e.to_string())),
                }
            }
            Filter => {
                self.filtering = true;
                Reply::Done
            }
            FilterRegion => {
                self.choosing = Some(Choosing::Region(self.region_picker()));
                Reply::Done
            }
            FilterDepartement => {
                self.choosing = Some(Choosing::Departement(self.departement_picker()));
                Reply::Done
            }
            CycleStatusFilter => {
                self.filter.status = cycle(&CollectiveStatus::ALL, self.filter.status);
                self.refreshed(env.store, h)
            }
            CycleCollectiveKind => {
                self.filter.kind = cycle(&CollectiveKind::ALL, self.filter.kind);
                self.refreshed(env.store, h)
            }
            ToggleDue => {
                self.filter.due = !self.filter.due;
                self.refreshed(env.store, h)
            }
            ToggleCounts => {
                self.show_counts = true;
                Reply::Done
            }
            ScrollDetailDown => {
                self.detail_scroll = self.detail_scroll.saturating_add(h / 2).min(200);
                Reply::Done
            }
            ScrollDetailUp => {
                self.detail_scroll = self.detail_scroll.saturating_sub(h / 2);
                Reply::Done
            }
            Back if self.filter.is_on() => {
                self.filter = self::Filter::default();
                self.refreshed(env.store, h)
            }
            AddCollective => self.open_form(env, |_, today, theme| Ok(forms::add(today, theme))),
            Edit => self.open_form(env, |c, today, theme| {
                let c = c.ok_or(ct::NOTHING_SELECTED)?;
                Ok(forms::edit(c, today, theme))
            }),
            FollowUp => self.open_form(env, |c, today, theme| {
                let c = c.ok_or(ct::NOTHING_SELECTED)?;
                Ok(forms::follow_up(c, today, theme))
            }),
            ChangeStatus => match self.status_picker(env) {
                Ok(choosing) => {
                    self.choosing = Some(choosing);
                    Reply::ClearError
                }
                Err(text) => Reply::Error(text),
            },
            _ => Reply::Pass,
        }
    }

    fn confirmed(&mut self, question: Confirm, env: &mut Env<'_>) -> Reply {
        if question == Confirm::DiscardForm {
            self.form = None;
            return Reply::ClearError;
        }
        let step = editor::act_confirmed(&mut self.form, env.store);
        self.stepped(step, env)
    }

    fn filter_key(&mut self, ev: KeyEvent, env: &mut Env<'_>) -> Reply {
        if let Some(editor) = &mut self.form {
            editor.form.input(ev);
            return Reply::Done;
        }
        let h = list_rows(env);
        if let Some(choosing) = &mut self.choosing {
            let reply = choosing.handle_key(ev);
            if reply == PickerReply::Closed {
                self.choosing = None;
                return Reply::Done;
            }
            if reply != PickerReply::Chosen {
                return Reply::Done;
            }
            return match self.choosing.take() {
                Some(Choosing::Region(p)) => {
                    self.filter.region = p.value().copied().flatten();
                    // A département of another région would keep nothing.
                    self.filter.departement = None;
                    self.refreshed(env.store, h)
                }
                Some(Choosing::Departement(p)) => {
                    self.filter.departement = p.value().copied().flatten();
                    self.refreshed(env.store, h)
                }
                Some(Choosing::Status {
                    picker,
                    id,
                    version,
                }) => match picker.value().copied() {
                    Some(status) => self.set_status(id, version, status, env),
                    None => Reply::Done,
                },
                None => Reply::Done,
            };
        }
        match (keymap::lookup(&[Scope::Filter], &ev), ev.code) {
            (Some(Action::ClearFilter), _) => {
                self.filter.text.clear();
                self.filtering = false;
            }
            (Some(Action::KeepFilter), _) => {
                self.filtering = false;
                return Reply::Done;
            }
            (Some(Action::MoveUp), _) => {
                self.list.move_by(-1, &self.ids, h);
                return self.refreshed(env.store, h);
            }
            (Some(Action::MoveDown), _) => {
                self.list.move_by(1, &self.ids, h);
                return self.refreshed(env.store, h);
            }
            (_, KeyCode::Backspace) => {
                self.filter.text.pop();
            }
            (_, KeyCode::Char(c)) if !ev.modifiers.contains(KeyModifiers::CONTROL) => {
                self.filter.text.push(c);
            }
            _ => return Reply::Done,
        }
        self.refreshed(env.store, h)
    }

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
            let h = list_rows(env);
            return self.refreshed(env.store, h);
        }
        Reply::Done
    }

    fn form_input(&mut self, ev: KeyEvent) {
        if let Some(editor) = &mut self.form {
            editor.form.input(ev);
        }
    }

    fn reload(&mut self, env: &mut Env<'_>) -> Result<Reply, StoreError> {
        let store = &*env.store;
        self.member_communes = store
            .member_communes()?
            .iter()
            .filter_map(|code| communes().by_code(code).map(Commune::code))
            .collect();
        self.member_communes.sort_unstable();
        self.member_communes.dedup();
        self.requery(store, list_rows(env))?;
        Ok(Reply::Done)
    }

    fn changed_elsewhere(&self, store: &Store) -> Option<String> {
        self.form.as_ref()?.changed_elsewhere(store)
    }

    fn resize(&mut self, env: &Env<'_>) {
        self.list.sync(&self.ids, list_rows(env));
        if let Some(editor) = &mut self.form {
            editor.form.relayout();
        }
    }
}

//! The Rencontres tab: the network's gatherings (national, local, visios Municipales
//! Assistance, seminars, AG, cercle général), upcoming first and the past below, filtered by
//! text, kind and year; the detail of the selected one with its checklist's progress as a
//! gauge; its checklist on the whole width (Entrée), each task's state changed with one key;
//! the checklist template applied; "mes tâches" across events. Drawn in `view`; the forms are
//! in `forms`, the keys of each screen in `keys`.

mod forms;
mod keys;
mod partner_forms;
mod partner_keys;
mod partners_view;
mod question;
mod state;
mod task_form;
mod view;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

pub use self::state::EventsTab;
use self::state::{Filter, Focus, Row, Section, Then, list_rows, mine_rows, task_rows};
use super::pane::{Env, Offer, Pane, Reply};
use crate::catalogue::tui as msg;
use crate::model::Area;
use crate::store::{Store, StoreError};
use crate::tui::action::Action;
use crate::tui::keymap::{self, Scope};
use crate::tui::theme::Theme;
use crate::tui::widgets::confirm::Confirm;
use crate::tui::widgets::editor::{self, Step};

/// Put the selection of `list` on `id`, if it is among `ids`.
fn select_in(list: &mut crate::tui::widgets::list::ListState, ids: &[i64], id: i64, height: usize) {
    if let Some(pos) = ids.iter().position(|x| *x == id) {
        let current = list.selected().unwrap_or(0);
        list.move_by(pos as isize - current as isize, ids, height);
    }
}

impl EventsTab {
    /// Which events the filters keep; the selection stays on the same event if kept.
    fn refilter(&mut self, height: usize) {
        let f = &self.filter;
        let needle = crate::tui::widgets::picker::match_key(f.text.trim());
        self.shown = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                let e = &r.line.event;
                (needle.is_empty() || r.key.contains(needle.as_str()))
                    && f.kind.is_none_or(|k| e.kind == k)
                    && f.year.is_none_or(|y| e.year == y)
            })
            .map(|(i, _)| i)
            .collect();
        self.ids = self
            .shown
            .iter()
            .map(|&i| self.rows[i].line.event.id)
            .collect();
        self.list.sync(&self.ids, height);
    }

    /// Read the events again, and what the detail and "mes tâches" show.
    fn requery(
        &mut self,
        store: &Store,
        env_rows: (usize, usize, usize),
    ) -> Result<(), StoreError> {
        let (list_h, task_h, mine_h) = env_rows;
        self.today = store.today();
        self.user = store.actor().name.clone();
        self.contacts_hidden = !store.actor().role.sees_contacts();
        self.me = match store.actor().person_id {
            Some(id) => store.person(id)?.map(|d| (id, d.person.display_name())),
            None => None,
        };
        let today = self.today;
        self.rows = store
            .event_lines()?
            .into_iter()
            .map(|line| {
                let e = &line.event;
                let key = crate::tui::widgets::picker::match_key(&format!(
                    "{} {} {} {}",
                    e.title,
                    e.place,
                    e.kind.label(),
                    e.commune
                        .as_deref()
                        .and_then(|c| crate::geo::communes().by_code(c))
                        .map(|c| c.name())
                        .unwrap_or("")
                ));
                Row {
                    upcoming: e.is_upcoming(today),
                    line,
                    key,
                }
            })
            .collect();
        self.years = self.rows.iter().map(|r| r.line.event.year).collect();
        self.years.sort_unstable();
        self.years.dedup();
        self.refilter(list_h);
        self.load_detail(store, task_h)?;
        self.load_partners(store, list_h)?;
        self.load_mine(store, mine_h)
    }

    /// Read the selected event's checklist and the names of its owners.
    fn load_detail(&mut self, store: &Store, height: usize) -> Result<(), StoreError> {
        let id = self.selected().map(|e| e.id);
        let before = self.tasks.first().map(|t| t.event_id);
        self.tasks = match id {
            Some(id) => store.event_tasks(id)?,
            None => Vec::new(),
        };
        if id != before {
            self.detail_scroll = 0;
            self.task_list = Default::default();
        }
        self.task_ids = self.tasks.iter().map(|t| t.id).collect();
        self.task_list.sync(&self.task_ids, height);
        (self.workshops, self.links) = match id {
            Some(id) => (store.workshops(id)?, store.event_partners(id)?),
            None => (Vec::new(), Vec::new()),
        };
        if id != before {
            self.workshop_list = Default::default();
            self.link_list = Default::default();
        }
        self.workshop_ids = self.workshops.iter().map(|w| w.id).collect();
        self.workshop_list.sync(&self.workshop_ids, height);
        self.link_ids = self.links.iter().map(|(l, _)| l.id).collect();
        self.link_list.sync(&self.link_ids, height);
        self.read_names(store, self.tasks.iter().filter_map(|t| t.owner).collect())
    }

    /// Read the partners again (when their follow-up is shown), and the selected one's events.
    fn load_partners(&mut self, store: &Store, height: usize) -> Result<(), StoreError> {
        if !self.show_partners {
            return Ok(());
        }
        self.partners = store.partners()?;
        let ids: Vec<i64> = self
            .partners
            .iter()
            .flat_map(|p| [p.garant_employee, p.garant_coref])
            .flatten()
            .collect();
        self.read_names(store, ids)?;
        self.refilter_partners(height);
        self.load_partner_events(store)
    }

    fn refilter_partners(&mut self, height: usize) {
        let f = self.partner_filter;
        self.partners_shown = self
            .partners
            .iter()
            .enumerate()
            .filter(|(_, p)| f.kind.is_none_or(|k| p.kind == k) && (!f.lacking || p.lacks_garant()))
            .map(|(i, _)| i)
            .collect();
        self.partner_ids = self
            .partners_shown
            .iter()
            .map(|&i| self.partners[i].id)
            .collect();
        self.partner_list.sync(&self.partner_ids, height);
    }

    fn load_partner_events(&mut self, store: &Store) -> Result<(), StoreError> {
        self.partner_events = match self.selected_partner().map(|p| p.id) {
            Some(id) => store.partner_events(id)?,
            None => Vec::new(),
        };
        Ok(())
    }

    fn load_mine(&mut self, store: &Store, height: usize) -> Result<(), StoreError> {
        if !self.show_mine {
            return Ok(());
        }
        self.mine = store.my_own_tasks()?;
        // What is still to do first, by due date; what is done or dropped below.
        self.mine.sort_by_key(|m| m.task.status.is_closed());
        self.mine_ids = self.mine.iter().map(|m| m.task.id).collect();
        self.mine_list.sync(&self.mine_ids, height);
        Ok(())
    }

    /// The names of `ids` not read yet (a handful a checklist: never the whole network).
    fn read_names(&mut self, store: &Store, ids: Vec<i64>) -> Result<(), StoreError> {
        for id in ids {
            if !self.names.contains_key(&id)
                && let Some(d) = store.person(id)?
            {
                self.names.insert(id, d.person.display_name());
            }
        }
        Ok(())
    }

    fn heights(env: &Env<'_>) -> (usize, usize, usize) {
        (list_rows(env), task_rows(env), mine_rows(env))
    }

    fn reread(&mut self, env: &mut Env<'_>) -> Reply {
        let h = Self::heights(env);
        match self.requery(env.store, h) {
            Ok(()) => Reply::Done,
            Err(e) => Reply::Error(msg::store_error(&e.to_string())),
        }
    }

    /// The filters changed: the rows kept again, then the selected event's detail.
    fn refreshed(&mut self, env: &mut Env<'_>) -> Reply {
        self.refilter(list_rows(env));
        self.detail_read(env)
    }

    /// The selection moved: its detail read.
    fn detail_read(&mut self, env: &mut Env<'_>) -> Reply {
        match self.load_detail(env.store, task_rows(env)) {
            Ok(()) => Reply::Done,
            Err(e) => Reply::Error(msg::store_error(&e.to_string())),
        }
    }

    fn select_event(&mut self, id: i64, env: &Env<'_>) {
        select_in(&mut self.list, &self.ids, id, list_rows(env));
    }

    fn select_task(&mut self, id: i64, env: &Env<'_>) {
        select_in(&mut self.task_list, &self.task_ids, id, task_rows(env));
    }

    /// What a save answered: read again, select what was written, say it.
    fn stepped(&mut self, step: Step<Then>, env: &mut Env<'_>) -> Reply {
        match step {
            Step::Pass => Reply::Pass,
            Step::Reply(reply) => reply,
            Step::Reload(reply) => {
                let _ = self.reread(env);
                reply
            }
            Step::Saved(saved) => {
                if let Err(e) = self.requery(env.store, Self::heights(env)) {
                    return Reply::Error(msg::store_error(&e.to_string()));
                }
                self.selected_after(saved.then, env);
                Reply::Written(saved.message)
            }
        }
    }

    /// Select what a write was about: the event, or the task in its event's checklist.
    fn selected_after(&mut self, then: Then, env: &mut Env<'_>) {
        let (event, task) = match then {
            Then::Event(id) => (id, None),
            Then::Task { event, task } => (event, Some(task)),
            Then::Workshop { event, workshop } => {
                self.select_event(event, env);
                let _ = self.load_detail(env.store, task_rows(env));
                select_in(
                    &mut self.workshop_list,
                    &self.workshop_ids,
                    workshop,
                    task_rows(env),
                );
                return;
            }
            Then::Link { event, link } => {
                self.select_event(event, env);
                let _ = self.load_detail(env.store, task_rows(env));
                select_in(&mut self.link_list, &self.link_ids, link, task_rows(env));
                return;
            }
            Then::Partner(id) => {
                if !self.partner_ids.contains(&id) {
                    self.partner_filter = Default::default();
                    self.refilter_partners(state::partner_rows(env));
                }
                select_in(
                    &mut self.partner_list,
                    &self.partner_ids,
                    id,
                    state::partner_rows(env),
                );
                let _ = self.load_partner_events(env.store);
                return;
            }
        };
        // An event the filters hide is shown: what was just written is in view.
        if !self.ids.contains(&event) {
            self.filter = Filter::default();
            self.refilter(list_rows(env));
        }
        self.select_event(event, env);
        let _ = self.load_detail(env.store, task_rows(env));
        if let Some(task) = task {
            self.select_task(task, env);
        }
        if self.show_mine {
            let _ = self.load_mine(env.store, mine_rows(env));
            if let Some(task) = task {
                select_in(&mut self.mine_list, &self.mine_ids, task, mine_rows(env));
            }
        }
    }
}

impl Pane for EventsTab {
    fn render(&self, area: Rect, buf: &mut Buffer, theme: Theme) {
        self.render_tab(area, buf, theme);
    }

    fn scopes(&self) -> Vec<Scope> {
        match &self.form {
            Some(editor) if editor.in_conflict() => vec![Scope::Conflict],
            Some(_) => vec![Scope::Form],
            None if self.show_mine => vec![Scope::MyTasks, Scope::Global],
            None if self.show_partners => vec![Scope::Partners, Scope::Global],
            None if self.focus == Focus::Tasks => vec![
                match self.section {
                    Section::Tasks => Scope::EventTasks,
                    Section::Workshops => Scope::EventWorkshops,
                    Section::Partners => Scope::EventPartners,
                },
                Scope::EventSections,
                Scope::Global,
            ],
            None => vec![Scope::Events, Scope::Global],
        }
    }

    fn help_scopes(&self) -> Vec<Scope> {
        vec![
            Scope::Events,
            Scope::EventTasks,
            Scope::EventWorkshops,
            Scope::EventPartners,
            Scope::EventSections,
            Scope::Partners,
            Scope::MyTasks,
            Scope::Form,
            Scope::Conflict,
        ]
    }

    fn palette_scope(&self) -> Option<Scope> {
        Some(Scope::Events)
    }

    fn offers(&self, action: Action) -> Offer {
        // What `e` and `d` write depends on the screen: a task or a workshop is a write of
        // event tasks (a bénévole may), an event, a partner or a link one of governance.
        let area = if self.show_mine {
            Area::EventTasks
        } else if self.show_partners {
            Area::Governance
        } else if self.focus == Focus::Tasks {
            match self.section {
                Section::Tasks | Section::Workshops => Area::EventTasks,
                Section::Partners => Area::Governance,
            }
        } else {
            Area::Governance
        };
        match action {
            Action::Edit | Action::DeleteSelected => Offer::Writes(area),
            _ => Offer::of(action),
        }
    }

    fn is_dirty(&self) -> bool {
        self.form.as_ref().is_some_and(|e| e.is_dirty())
    }

    fn is_filtering(&self) -> bool {
        self.filtering || self.is_picking()
    }

    fn is_picking(&self) -> bool {
        self.form.as_ref().is_some_and(|e| e.form.is_picking())
    }

    fn dispatch(&mut self, action: Action, env: &mut Env<'_>) -> Reply {
        if self.form.is_some() {
            let step = editor::act(&mut self.form, action, env.store);
            return self.stepped(step, env);
        }
        if self.show_mine {
            return self.mine_action(action, env);
        }
        if self.show_partners {
            return self.partners_action(action, env);
        }
        match self.focus {
            Focus::Tasks => self.tasks_action(action, env),
            Focus::List => self.list_action(action, env),
        }
    }

    fn confirmed(&mut self, question: Confirm, env: &mut Env<'_>) -> Reply {
        if question == Confirm::DiscardForm {
            self.form = None;
            return Reply::ClearError;
        }
        if self.form.is_some() {
            let step = editor::act_confirmed(&mut self.form, env.store);
            return self.stepped(step, env);
        }
        self.answer(question, env)
    }

    fn declined(&mut self, _question: Confirm, env: &mut Env<'_>) -> Reply {
        let step = editor::act_declined(&mut self.form, env.store);
        self.stepped(step, env)
    }

    fn filter_key(&mut self, ev: KeyEvent, env: &mut Env<'_>) -> Reply {
        if let Some(editor) = &mut self.form {
            editor.form.input(ev);
            return Reply::Done;
        }
        let h = list_rows(env);
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
                return self.detail_read(env);
            }
            (Some(Action::MoveDown), _) => {
                self.list.move_by(1, &self.ids, h);
                return self.detail_read(env);
            }
            (_, KeyCode::Backspace) => {
                self.filter.text.pop();
            }
            (_, KeyCode::Char(c)) if !ev.modifiers.contains(KeyModifiers::CONTROL) => {
                self.filter.text.push(c);
            }
            _ => return Reply::Done,
        }
        self.refreshed(env)
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
            return self.refreshed(env);
        }
        Reply::Done
    }

    fn form_input(&mut self, ev: KeyEvent) {
        if let Some(editor) = &mut self.form {
            editor.form.input(ev);
        }
    }

    fn reload(&mut self, env: &mut Env<'_>) -> Result<Reply, StoreError> {
        // Names may have changed elsewhere: read again with the tasks.
        self.names.clear();
        self.requery(env.store, Self::heights(env))?;
        Ok(Reply::Done)
    }

    fn changed_elsewhere(&self, store: &Store) -> Option<String> {
        self.form.as_ref()?.changed_elsewhere(store)
    }

    fn resize(&mut self, env: &Env<'_>) {
        self.list.sync(&self.ids, list_rows(env));
        self.task_list.sync(&self.task_ids, task_rows(env));
        self.mine_list.sync(&self.mine_ids, mine_rows(env));
        self.workshop_list.sync(&self.workshop_ids, task_rows(env));
        self.link_list.sync(&self.link_ids, task_rows(env));
        self.partner_list
            .sync(&self.partner_ids, state::partner_rows(env));
        if let Some(editor) = &mut self.form {
            editor.form.relayout();
        }
    }
}

//! The actions of the Rencontres tab's three screens: the list of events, the checklist of
//! one, "mes tâches"; and the answers to the tab's questions (delete, apply a template again).

use std::rc::Rc;

use super::forms;
use super::question::EventsQuestion;
use super::state::{EventsTab, Focus, Section, list_rows, mine_rows, task_rows};
use super::task_form::{self, Owners};
use crate::catalogue::events_tab as et;
use crate::catalogue::tui as msg;
use crate::model::{Area, EventKind, Task};
use crate::store::{Store, StoreError};
use crate::tui::action::Action;
use crate::tui::tabs::pane::{Env, Reply};
use crate::tui::widgets::confirm::Confirm;
use crate::tui::widgets::list::{ListState, cycle};

/// Move `list` over `ids` as a list action asks; false for any other action.
pub(super) fn moved(list: &mut ListState, action: Action, ids: &[i64], height: usize) -> bool {
    let page = height.max(1) as isize;
    match action {
        Action::MoveUp => list.move_by(-1, ids, height),
        Action::MoveDown => list.move_by(1, ids, height),
        Action::PageUp => list.move_by(-page, ids, height),
        Action::PageDown => list.move_by(page, ids, height),
        Action::First => list.select_first(ids, height),
        Action::Last => list.select_last(ids, height),
        _ => return false,
    }
    true
}

/// Everyone who may own a task (or be a co-garant·e), by a label that tells namesakes apart (their commune, then
/// their number), "(personne)" first.
pub(super) fn owners(store: &Store) -> Result<Owners, StoreError> {
    let people = store.people(&crate::store::people::PersonFilter::default())?;
    let mut out: Vec<(String, Option<i64>)> = Vec::with_capacity(people.len() + 1);
    out.push((et::NO_OWNER.to_owned(), None));
    let mut seen = std::collections::HashMap::<String, usize>::new();
    let rows: Vec<_> = people.rows().collect();
    for r in &rows {
        *seen.entry(r.person.display_name()).or_insert(0) += 1;
    }
    let mut taken = std::collections::HashSet::<String>::new();
    for r in rows {
        let p = r.person;
        let name = p.display_name();
        let mut label = if seen.get(&name).copied().unwrap_or(0) > 1 && !p.commune.is_empty() {
            format!(
                "{name} ({})",
                crate::tui::tabs::commune_field::text(&p.commune)
            )
        } else {
            name
        };
        if !taken.insert(label.clone()) {
            label = format!("{label} n°{}", p.id);
            taken.insert(label.clone());
        }
        out.push((label, Some(p.id)));
    }
    Ok(Rc::new(out))
}

/// The circles' names, for the circle a task is for.
fn circles(store: &Store) -> Vec<String> {
    store
        .circles()
        .map(|all| all.into_iter().map(|c| c.name().to_owned()).collect())
        .unwrap_or_default()
}

impl EventsTab {
    pub(super) fn list_action(&mut self, action: Action, env: &mut Env<'_>) -> Reply {
        use Action::*;
        let h = list_rows(env);
        if moved(&mut self.list, action, &self.ids, h) {
            // The same rows: only the selected event's detail is read again.
            return self.detail_read(env);
        }
        match action {
            Filter => {
                self.filtering = true;
                Reply::Done
            }
            CycleEventKind => {
                self.filter.kind = cycle(&EventKind::ALL, self.filter.kind);
                self.refreshed(env)
            }
            PrevYearFilter | NextYearFilter => {
                // Through the years holding events, then every year again.
                let years = &self.years;
                self.filter.year = match (self.filter.year, action) {
                    (None, PrevYearFilter) => years.last().copied(),
                    (None, _) => years.first().copied(),
                    (Some(y), PrevYearFilter) => years.iter().rev().find(|&&x| x < y).copied(),
                    (Some(y), _) => years.iter().find(|&&x| x > y).copied(),
                };
                self.refreshed(env)
            }
            Back if self.filter.is_on() => {
                self.filter = super::state::Filter::default();
                self.refreshed(env)
            }
            OpenTasks => {
                if self.selected().is_none() {
                    return Reply::Error(et::NOTHING_SELECTED.to_owned());
                }
                self.focus = Focus::Tasks;
                self.task_list.sync(&self.task_ids, task_rows(env));
                Reply::Done
            }
            ToggleMyTasks => self.show_my_tasks(env),
            TogglePartners => {
                self.show_partners = true;
                match self.load_partners(env.store, list_rows(env)) {
                    Ok(()) => Reply::Done,
                    Err(e) => Reply::Error(msg::store_error(&e.to_string())),
                }
            }
            ScrollDetailDown => {
                self.detail_scroll = self.detail_scroll.saturating_add(h / 2).min(200);
                Reply::Done
            }
            ScrollDetailUp => {
                self.detail_scroll = self.detail_scroll.saturating_sub(h / 2);
                Reply::Done
            }
            AddEvent => {
                if let Err(text) = env.may_write(Area::Governance) {
                    return Reply::Error(text);
                }
                self.form = Some(forms::add_event(env.store.today(), env.theme));
                Reply::ClearError
            }
            Edit => {
                if let Err(text) = env.may_write(Area::Governance) {
                    return Reply::Error(text);
                }
                let Some(e) = self.selected() else {
                    return Reply::Error(et::NOTHING_SELECTED.to_owned());
                };
                let open = self
                    .tasks
                    .iter()
                    .filter(|t| !t.status.is_closed() && t.due.is_some())
                    .count();
                self.form = Some(forms::edit_event(e, open, env.store.today(), env.theme));
                Reply::ClearError
            }
            ApplyTemplate => self.apply_template(env, false),
            DeleteSelected => {
                if let Err(text) = env.may_write(Area::Governance) {
                    return Reply::Error(text);
                }
                let Some(line) = self.selected_line() else {
                    return Reply::Error(et::NOTHING_SELECTED.to_owned());
                };
                let e = &line.event;
                Reply::Confirm(Confirm::ask(
                    et::delete_event_question(&e.title, line.progress.total),
                    EventsQuestion::DeleteEvent {
                        id: e.id,
                        version: e.version,
                        title: e.title.clone(),
                    },
                ))
            }
            _ => Reply::Pass,
        }
    }

    /// An event on the whole width: the keys of every section, then the section's own.
    pub(super) fn tasks_action(&mut self, action: Action, env: &mut Env<'_>) -> Reply {
        use Action::*;
        let h = task_rows(env);
        let (list, ids) = match self.section {
            Section::Tasks => (&mut self.task_list, &self.task_ids),
            Section::Workshops => (&mut self.workshop_list, &self.workshop_ids),
            Section::Partners => (&mut self.link_list, &self.link_ids),
        };
        if moved(list, action, ids, h) {
            return Reply::Done;
        }
        match action {
            LeaveDetail => {
                self.focus = Focus::List;
                return Reply::Done;
            }
            NextSection => {
                self.section = self.section.next();
                return Reply::Done;
            }
            PrevSection => {
                self.section = self.section.prev();
                return Reply::Done;
            }
            _ => {}
        }
        match self.section {
            Section::Tasks => self.checklist_action(action, env),
            Section::Workshops => self.workshops_action(action, env),
            Section::Partners => self.links_action(action, env),
        }
    }

    fn checklist_action(&mut self, action: Action, env: &mut Env<'_>) -> Reply {
        use Action::*;
        match action {
            ToggleTaskStatus => match self.selected_task().cloned() {
                Some(t) => self.toggle(&t, env),
                None => Reply::Error(et::NO_TASK_SELECTED.to_owned()),
            },
            Edit => match self.selected_task().cloned() {
                Some(t) => self.edit_task(&t, env),
                None => Reply::Error(et::NO_TASK_SELECTED.to_owned()),
            },
            AddTask => {
                if let Err(text) = env.may_write(Area::EventTasks) {
                    return Reply::Error(text);
                }
                let Some(e) = self.selected() else {
                    return Reply::Error(et::NOTHING_SELECTED.to_owned());
                };
                let (id, due) = (e.id, e.start.map(|w| w.start()));
                match owners(env.store) {
                    Ok(owners) => {
                        let circles = circles(env.store);
                        self.form = Some(task_form::add_task(
                            id,
                            due,
                            owners,
                            circles,
                            env.store.today(),
                            env.theme,
                        ));
                        Reply::ClearError
                    }
                    Err(e) => Reply::Error(msg::store_error(&e.to_string())),
                }
            }
            ApplyTemplate => self.apply_template(env, false),
            DeleteSelected => {
                if let Err(text) = env.may_write(Area::EventTasks) {
                    return Reply::Error(text);
                }
                let Some(t) = self.selected_task() else {
                    return Reply::Error(et::NO_TASK_SELECTED.to_owned());
                };
                Reply::Confirm(Confirm::ask(
                    et::delete_task_question(&t.title),
                    EventsQuestion::DeleteTask {
                        id: t.id,
                        version: t.version,
                        title: t.title.clone(),
                    },
                ))
            }
            _ => Reply::Pass,
        }
    }

    pub(super) fn mine_action(&mut self, action: Action, env: &mut Env<'_>) -> Reply {
        use Action::*;
        if moved(&mut self.mine_list, action, &self.mine_ids, mine_rows(env)) {
            return Reply::Done;
        }
        match action {
            ToggleMyTasks => {
                self.show_mine = false;
                Reply::Done
            }
            ToggleTaskStatus => match self.selected_mine().map(|m| m.task.clone()) {
                Some(t) => self.toggle(&t, env),
                None => Reply::Error(et::NO_TASK_SELECTED.to_owned()),
            },
            Edit => match self.selected_mine().map(|m| m.task.clone()) {
                Some(t) => self.edit_task(&t, env),
                None => Reply::Error(et::NO_TASK_SELECTED.to_owned()),
            },
            OpenEvent => {
                let Some(t) = self.selected_mine().map(|m| m.task.clone()) else {
                    return Reply::Error(et::NO_TASK_SELECTED.to_owned());
                };
                self.show_mine = false;
                self.selected_after(
                    super::state::Then::Task {
                        event: t.event_id,
                        task: t.id,
                    },
                    env,
                );
                self.focus = Focus::Tasks;
                Reply::Done
            }
            _ => Reply::Pass,
        }
    }

    fn show_my_tasks(&mut self, env: &mut Env<'_>) -> Reply {
        self.show_mine = true;
        match self.load_mine(env.store, mine_rows(env)) {
            Ok(()) => Reply::Done,
            Err(e) => Reply::Error(msg::store_error(&e.to_string())),
        }
    }

    /// One key: the task's next state, saved at once on the version shown.
    fn toggle(&mut self, t: &Task, env: &mut Env<'_>) -> Reply {
        if let Err(text) = env.may_write(Area::EventTasks) {
            return Reply::Error(text);
        }
        match env.store.set_task_status(t.id, t.version, t.status.next()) {
            Ok(saved) => {
                let reply = self.reread(env);
                self.selected_after(
                    super::state::Then::Task {
                        event: saved.event_id,
                        task: saved.id,
                    },
                    env,
                );
                reply.then(Reply::Written(et::task_status(
                    &saved.title,
                    saved.status.label(),
                )))
            }
            Err(StoreError::Conflict { .. }) => {
                let _ = self.reread(env);
                Reply::Error(et::CHANGED_ELSEWHERE.to_owned())
            }
            Err(e) => Reply::Error(e.to_string()),
        }
    }

    fn edit_task(&mut self, t: &Task, env: &mut Env<'_>) -> Reply {
        if let Err(text) = env.may_write(Area::EventTasks) {
            return Reply::Error(text);
        }
        match owners(env.store) {
            Ok(owners) => {
                let circles = circles(env.store);
                self.form = Some(task_form::edit_task(
                    t,
                    owners,
                    circles,
                    env.store.today(),
                    env.theme,
                ));
                Reply::ClearError
            }
            Err(e) => Reply::Error(msg::store_error(&e.to_string())),
        }
    }

    /// `c`: the checklist template of the event's kind; asked first when it has tasks.
    fn apply_template(&mut self, env: &mut Env<'_>, again: bool) -> Reply {
        if let Err(text) = env.may_write(Area::Governance) {
            return Reply::Error(text);
        }
        let Some(line) = self.selected_line() else {
            return Reply::Error(et::NOTHING_SELECTED.to_owned());
        };
        let e = &line.event;
        let kind = match e.kind {
            EventKind::RencontreLocale | EventKind::RencontreNationale | EventKind::VisioMa => {
                e.kind.code()
            }
            _ => return Reply::Error(et::NO_TEMPLATE_FOR_KIND.to_owned()),
        };
        if !again && line.progress.total > 0 {
            return Reply::Confirm(Confirm::ask(
                et::template_again(&e.title, line.progress.total),
                EventsQuestion::TemplateAgain { id: e.id, kind },
            ));
        }
        let (id, title) = (e.id, e.title.clone());
        self.template_now(id, kind, &title, env)
    }

    fn template_now(&mut self, id: i64, kind: &str, title: &str, env: &mut Env<'_>) -> Reply {
        match env.store.apply_template(id, kind) {
            Ok(tasks) => {
                let _ = self.reread(env);
                self.selected_after(super::state::Then::Event(id), env);
                Reply::Written(et::template_applied(tasks.len(), title))
            }
            Err(e) => Reply::Error(e.to_string()),
        }
    }

    /// A yes to one of the tab's questions.
    pub(super) fn answer(&mut self, question: Confirm, env: &mut Env<'_>) -> Reply {
        let Some(q) = question.token::<EventsQuestion>() else {
            return Reply::Done;
        };
        let result = match q.clone() {
            EventsQuestion::Replan => return Reply::Done,
            EventsQuestion::TemplateAgain { id, kind } => {
                let title = self
                    .rows
                    .iter()
                    .find(|r| r.line.event.id == id)
                    .map(|r| r.line.event.title.clone())
                    .unwrap_or_default();
                return self.template_now(id, kind, &title, env);
            }
            EventsQuestion::DeleteEvent { id, version, title } => {
                env.store.delete_event(id, version).map(|()| title)
            }
            EventsQuestion::DeleteTask { id, version, title } => {
                env.store.delete_task(id, version).map(|()| title)
            }
            EventsQuestion::DeleteWorkshop { id, version, title } => {
                env.store.delete_workshop(id, version).map(|()| title)
            }
            EventsQuestion::Unlink { id, version, name } => {
                return match env.store.unlink_partner(id, version) {
                    Ok(()) => {
                        let reply = self.reread(env);
                        reply.then(Reply::Written(et::unlinked(&name)))
                    }
                    Err(e) => self.refused(e, env),
                };
            }
            EventsQuestion::DeletePartner { id, version, name } => {
                env.store.delete_partner(id, version).map(|()| name)
            }
        };
        match result {
            Ok(title) => {
                let reply = self.reread(env);
                if self.selected().is_none() {
                    self.focus = Focus::List;
                }
                reply.then(Reply::Written(et::deleted(&title)))
            }
            Err(e) => self.refused(e, env),
        }
    }

    /// A write refused: read again when it met another session's change.
    pub(super) fn refused(&mut self, e: StoreError, env: &mut Env<'_>) -> Reply {
        match e {
            StoreError::Conflict { .. } | StoreError::NotFound(_) => {
                let _ = self.reread(env);
                Reply::Error(et::CHANGED_ELSEWHERE.to_owned())
            }
            e => Reply::Error(e.to_string()),
        }
    }
}

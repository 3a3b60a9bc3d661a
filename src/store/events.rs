//! Rencontres (events) and the tasks of their checklists: the list with each checklist's
//! progress, an event's tasks, "mes tâches" across events, the writes of events (governance)
//! and of tasks (event tasks), applying a checklist template, and moving an event with its
//! open tasks re-planned in the same write.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

use super::circles::{date_col, iso};
use super::error::{Result, StoreError};
use super::session::Store;
use super::text_cols::{line, opt_line, text};
use crate::catalogue::events as msg;
use crate::model::checklist::{Template, replanned};
use crate::model::event::{fields, sort_for_listing};
use crate::model::{
    Area, Event, EventDraft, EventKind, EventStatus, FieldError, Figures, Progress, Task,
    TaskDraft, TaskStatus, When,
};

pub(super) const COLUMNS: &str = "e.id, e.title, e.kind, e.year, e.start_on, e.end_on, e.hours, e.place, \
     e.commune, e.co_organisers, e.partners, e.description, e.status, e.participants, \
     e.membres_collectifs, e.elu_es, e.benevoles, e.ateliers, e.personnes_ressources, e.version";
/// How many columns [`COLUMNS`] has: what a query selects after them starts here.
pub(super) const AFTER_COLUMNS: usize = 20;

const TASK_COLUMNS: &str = "t.id, t.event_id, t.title, t.owner_id, t.due_on, t.status, \
     t.done_on, t.notes, t.circle, t.position, t.version";
const AFTER_TASK_COLUMNS: usize = 11;

fn figure(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Option<u32>> {
    Ok(r.get::<_, Option<i64>>(i)?
        .and_then(|v| u32::try_from(v).ok()))
}

fn when_col(v: Option<String>) -> Option<When> {
    v.and_then(|s| When::from_stored(&s))
}

pub(super) fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Event> {
    let kind: String = r.get(2)?;
    let status: String = r.get(12)?;
    Ok(Event {
        id: r.get(0)?,
        title: line(r, 1)?,
        // The CHECK constraints keep these to known codes.
        kind: EventKind::from_code(&kind).unwrap_or(EventKind::RencontreLocale),
        year: r.get(3)?,
        start: when_col(r.get(4)?),
        end: when_col(r.get(5)?),
        hours: line(r, 6)?,
        place: line(r, 7)?,
        commune: opt_line(r, 8)?,
        co_organisers: text(r, 9)?,
        partners: text(r, 10)?,
        description: text(r, 11)?,
        status: EventStatus::from_code(&status).unwrap_or(EventStatus::Prevue),
        figures: Figures {
            participants: figure(r, 13)?,
            membres_collectifs: figure(r, 14)?,
            elu_es: figure(r, 15)?,
            benevoles: figure(r, 16)?,
            ateliers: figure(r, 17)?,
            personnes_ressources: figure(r, 18)?,
        },
        version: r.get(19)?,
    })
}

fn task_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Task> {
    let status: String = r.get(5)?;
    Ok(Task {
        id: r.get(0)?,
        event_id: r.get(1)?,
        title: line(r, 2)?,
        owner: r.get(3)?,
        due: date_col(r.get(4)?),
        status: TaskStatus::from_code(&status).unwrap_or(TaskStatus::AFaire),
        done: date_col(r.get(6)?),
        notes: text(r, 7)?,
        circle: line(r, 8)?,
        position: r.get(9)?,
        version: r.get(10)?,
    })
}

pub(crate) fn event_by_id(conn: &Connection, id: i64) -> Result<Option<Event>> {
    Ok(conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM events e WHERE e.id = ?1"))?
        .query_row([id], from_row)
        .optional()?)
}

pub(crate) fn task_by_id(conn: &Connection, id: i64) -> Result<Option<Task>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {TASK_COLUMNS} FROM event_tasks t WHERE t.id = ?1"
        ))?
        .query_row([id], task_from_row)
        .optional()?)
}

super::write::versioned!(Event, "events", event_by_id, msg::THE_EVENT);
super::write::versioned!(Task, "event_tasks", task_by_id, msg::THE_TASK);

/// An event as the list holds it: the event, its checklist's progress, how many of its
/// tasks are overdue by the Clock, and how many workshops it records (its workshops figure is
/// `model::event::workshop_figure(event.figures.ateliers, workshops)`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventLine {
    pub event: Event,
    pub progress: Progress,
    pub overdue: u32,
    pub workshops: u32,
}

/// A task of "mes tâches": the task and the event it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MyTask {
    pub task: Task,
    pub event_title: String,
    pub event_start: Option<When>,
}

/// What moving an event did: the event as saved and how many open tasks were re-planned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moved {
    pub event: Event,
    pub replanned: usize,
}

/// A draft checked, its commune (typed as a name, a postal code or a code) resolved.
fn resolved(draft: &EventDraft) -> Result<EventDraft> {
    let d = draft.validated().map_err(StoreError::Field)?;
    let commune = if d.commune.trim().is_empty() {
        String::new()
    } else {
        super::collectives::commune_code(&d.commune).map_err(|e| {
            StoreError::Field(FieldError {
                field: fields::COMMUNE.code,
                label: fields::COMMUNE.label,
                message: e.message,
            })
        })?
    };
    Ok(EventDraft { commune, ..d })
}

fn opt_text(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

fn stored(w: Option<When>) -> Option<String> {
    w.map(When::to_stored)
}

fn owner_exists(conn: &Connection, owner: Option<i64>) -> Result<()> {
    let Some(id) = owner else { return Ok(()) };
    let found: Option<i64> = conn
        .query_row("SELECT id FROM people WHERE id = ?1", [id], |r| r.get(0))
        .optional()?;
    match found {
        Some(_) => Ok(()),
        None => Err(StoreError::Field(FieldError::new(
            fields::OWNER,
            msg::UNKNOWN_OWNER,
        ))),
    }
}

/// The day a checklist is planned from: the start day (a month: its first day).
fn plan_day(start: Option<When>) -> Option<NaiveDate> {
    start.map(When::start)
}

impl super::write::Tx<'_> {
    fn insert_task(&self, event_id: i64, d: &TaskDraft, position: i64) -> Result<Task> {
        self.conn().execute(
            "INSERT INTO event_tasks(event_id, title, owner_id, due_on, status, done_on, notes,
                 circle, position)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            rusqlite::params![
                event_id,
                d.title,
                d.owner,
                iso(d.due),
                d.status.code(),
                iso(d.done),
                d.notes,
                d.circle,
                position
            ],
        )?;
        self.inserted(self.conn().last_insert_rowid())
    }

    fn next_position(&self, event_id: i64) -> Result<i64> {
        Ok(self.conn().query_row(
            "SELECT coalesce(max(position), -1) + 1 FROM event_tasks WHERE event_id = ?1",
            [event_id],
            |r| r.get(0),
        )?)
    }

    fn tasks_of(&self, event_id: i64) -> Result<Vec<Task>> {
        tasks_of(self.conn(), event_id)
    }

    /// Save `before` as `d` (checked and resolved); with `replan`, the open tasks' due dates
    /// move by as many days as the start did.
    fn save_event(&self, before: &Event, d: &EventDraft, replan: bool) -> Result<Moved> {
        let f = &d.figures;
        let after = self.update_row(
            before,
            "title = ?1, kind = ?2, year = ?3, start_on = ?4, end_on = ?5, hours = ?6, \
             place = ?7, commune = ?8, co_organisers = ?9, partners = ?10, description = ?11, \
             status = ?12, participants = ?13, membres_collectifs = ?14, elu_es = ?15, \
             benevoles = ?16, ateliers = ?17, personnes_ressources = ?18",
            &[
                &d.title,
                &d.kind.code(),
                &d.year,
                &stored(d.start),
                &stored(d.end),
                &d.hours,
                &d.place,
                &opt_text(&d.commune),
                &d.co_organisers,
                &d.partners,
                &d.description,
                &d.status.code(),
                &f.participants,
                &f.membres_collectifs,
                &f.elu_es,
                &f.benevoles,
                &f.ateliers,
                &f.personnes_ressources,
            ],
        )?;
        let mut moved = 0;
        if replan
            && let (Some(from), Some(to)) = (plan_day(before.start), plan_day(after.start))
            && from != to
        {
            for t in self.tasks_of(before.id)? {
                if t.status.is_closed() {
                    continue;
                }
                let Some(due) = t.due else { continue };
                let Some(new_due) = replanned(due, from, to) else {
                    continue;
                };
                self.update_row(&t, "due_on = ?1", &[&iso(Some(new_due))])?;
                moved += 1;
            }
        }
        Ok(Moved {
            event: after,
            replanned: moved,
        })
    }
}

fn tasks_of(conn: &Connection, event_id: i64) -> Result<Vec<Task>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {TASK_COLUMNS} FROM event_tasks t WHERE t.event_id = ?1
         ORDER BY t.position, t.id"
    ))?;
    let rows = stmt.query_map([event_id], task_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl Store {
    /// Every event with its checklist's progress, overdue count and workshops count, in the
    /// list's order: the upcoming first (soonest first), then the past (latest first). One
    /// query.
    pub fn event_lines(&self) -> Result<Vec<EventLine>> {
        let today = self.today();
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {COLUMNS},
                    coalesce(sum(t.status = 'fait'), 0),
                    coalesce(sum(t.status <> 'abandonne'), 0),
                    coalesce(sum(t.status IN ('a_faire', 'en_cours') AND t.due_on < ?1), 0),
                    (SELECT count(*) FROM workshops w WHERE w.event_id = e.id)
             FROM events e LEFT JOIN event_tasks t ON t.event_id = e.id
             GROUP BY e.id"
        ))?;
        let rows = stmt.query_map([iso(Some(today))], |r| {
            let count = |i: usize| -> rusqlite::Result<u32> {
                Ok(u32::try_from(r.get::<_, i64>(AFTER_COLUMNS + i)?).unwrap_or(u32::MAX))
            };
            Ok(EventLine {
                event: from_row(r)?,
                progress: Progress {
                    done: count(0)?,
                    total: count(1)?,
                },
                overdue: count(2)?,
                workshops: count(3)?,
            })
        })?;
        let mut lines = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        lines.sort_by(|a, b| crate::model::event::listing_order(&a.event, &b.event, today));
        Ok(lines)
    }

    /// Every event, in the list's order (see [`Store::event_lines`]).
    pub fn events(&self) -> Result<Vec<Event>> {
        let mut stmt = self
            .conn()
            .prepare(&format!("SELECT {COLUMNS} FROM events e"))?;
        let mut all = stmt
            .query_map([], from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        sort_for_listing(&mut all, self.today());
        Ok(all)
    }

    pub fn event(&self, id: i64) -> Result<Option<Event>> {
        event_by_id(self.conn(), id)
    }

    /// The tasks of an event, in checklist order.
    pub fn event_tasks(&self, event_id: i64) -> Result<Vec<Task>> {
        tasks_of(self.conn(), event_id)
    }

    pub fn task(&self, id: i64) -> Result<Option<Task>> {
        task_by_id(self.conn(), id)
    }

    /// The tasks of `person_id` across events ("mes tâches"), the soonest due first (those
    /// without a due date last), done and abandoned ones included (the view filters).
    pub fn my_tasks(&self, person_id: i64) -> Result<Vec<MyTask>> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {TASK_COLUMNS}, e.title, e.start_on
             FROM event_tasks t JOIN events e ON e.id = t.event_id
             WHERE t.owner_id = ?1
             ORDER BY t.due_on IS NULL, t.due_on, e.id, t.position, t.id"
        ))?;
        let rows = stmt.query_map([person_id], |r| {
            Ok(MyTask {
                task: task_from_row(r)?,
                event_title: line(r, AFTER_TASK_COLUMNS)?,
                event_start: when_col(r.get(AFTER_TASK_COLUMNS + 1)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The tasks of the person linked to this session's user (none without a link).
    pub fn my_own_tasks(&self) -> Result<Vec<MyTask>> {
        match self.actor().person_id {
            Some(p) => self.my_tasks(p),
            None => Ok(Vec::new()),
        }
    }

    pub fn add_event(&mut self, draft: &EventDraft) -> Result<Event> {
        self.write(Area::Governance, |tx| {
            let d = resolved(draft)?;
            let f = &d.figures;
            tx.conn().execute(
                "INSERT INTO events(title, kind, year, start_on, end_on, hours, place, commune,
                     co_organisers, partners, description, status, participants,
                     membres_collectifs, elu_es, benevoles, ateliers, personnes_ressources)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                     ?17, ?18)",
                rusqlite::params![
                    d.title,
                    d.kind.code(),
                    d.year,
                    stored(d.start),
                    stored(d.end),
                    d.hours,
                    d.place,
                    opt_text(&d.commune),
                    d.co_organisers,
                    d.partners,
                    d.description,
                    d.status.code(),
                    f.participants,
                    f.membres_collectifs,
                    f.elu_es,
                    f.benevoles,
                    f.ateliers,
                    f.personnes_ressources,
                ],
            )?;
            tx.inserted(tx.conn().last_insert_rowid())
        })
    }

    /// Save an event edited from `expected_version`. With `replan`, a changed start moves the
    /// due dates of its tasks not done nor abandoned by as many days, in the same write.
    pub fn update_event(
        &mut self,
        id: i64,
        expected_version: i64,
        draft: &EventDraft,
        replan: bool,
    ) -> Result<Moved> {
        self.write(Area::Governance, |tx| {
            let before: Event = tx.current(id, expected_version)?;
            let d = resolved(draft)?;
            tx.save_event(&before, &d, replan)
        })
    }

    /// Move an event to `start`–`end` (the rest kept); with `replan`, its open tasks move by
    /// as many days, in the same write.
    pub fn move_event(
        &mut self,
        id: i64,
        expected_version: i64,
        start: Option<When>,
        end: Option<When>,
        replan: bool,
    ) -> Result<Moved> {
        self.write(Area::Governance, |tx| {
            let before: Event = tx.current(id, expected_version)?;
            let mut draft = before.draft();
            draft.start = start;
            draft.end = end;
            if let Some(s) = start {
                draft.year = s.year();
            }
            let d = draft.validated().map_err(StoreError::Field)?;
            tx.save_event(&before, &d, replan)
        })
    }

    /// Delete an event with its tasks, its workshops and its links to partners (each row
    /// journaled), in one write.
    pub fn delete_event(&mut self, id: i64, expected_version: i64) -> Result<()> {
        self.write(Area::Governance, |tx| {
            let before: Event = tx.current(id, expected_version)?;
            for t in tx.tasks_of(id)? {
                tx.delete_row(&t)?;
            }
            tx.delete_event_workshops(id)?;
            tx.delete_event_partner_links(id)?;
            tx.delete_row(&before)
        })
    }

    /// Add the tasks of the checklist template of `template_kind` (an event kind's code:
    /// `rencontre_locale`, `rencontre_nationale`, `visio_ma`) to an event, due dates counted
    /// from its start (a month-dated event: from the first of its month). After its tasks.
    pub fn apply_template(&mut self, event_id: i64, template_kind: &str) -> Result<Vec<Task>> {
        let template = Template::shipped()
            .map_err(|e| StoreError::Other(e.to_string()))?
            .into_iter()
            .find(|t| t.kind == template_kind)
            .ok_or_else(|| StoreError::Invalid(msg::UNKNOWN_TEMPLATE.into()))?;
        self.write(Area::Governance, |tx| {
            let event = tx.load::<Event>(event_id)?;
            let day = plan_day(event.start)
                .ok_or_else(|| StoreError::Invalid(msg::NO_DATE_TO_PLAN.into()))?;
            let first = tx.next_position(event_id)?;
            let mut out = Vec::new();
            for (i, p) in template.plan(day).into_iter().enumerate() {
                let d = TaskDraft {
                    due: Some(p.due),
                    circle: p.circle,
                    ..TaskDraft::new(&p.title)
                }
                .validated()
                .map_err(StoreError::Field)?;
                out.push(tx.insert_task(event_id, &d, first + i as i64)?);
            }
            Ok(out)
        })
    }

    /// Add a task of one's own to an event's checklist, after its tasks. A task marked fait
    /// without a date is done today.
    pub fn add_task(&mut self, event_id: i64, draft: &TaskDraft) -> Result<Task> {
        let today = self.today();
        self.write(Area::EventTasks, |tx| {
            tx.load::<Event>(event_id)?;
            let d = checked_task(tx.conn(), draft, today)?;
            let position = tx.next_position(event_id)?;
            tx.insert_task(event_id, &d, position)
        })
    }

    /// Save a task edited from `expected_version`.
    pub fn update_task(
        &mut self,
        id: i64,
        expected_version: i64,
        draft: &TaskDraft,
    ) -> Result<Task> {
        let today = self.today();
        self.write(Area::EventTasks, |tx| {
            let before: Task = tx.current(id, expected_version)?;
            let d = checked_task(tx.conn(), draft, today)?;
            tx.update_row(
                &before,
                "title = ?1, owner_id = ?2, due_on = ?3, status = ?4, done_on = ?5, notes = ?6, \
                 circle = ?7",
                &[
                    &d.title,
                    &d.owner,
                    &iso(d.due),
                    &d.status.code(),
                    &iso(d.done),
                    &d.notes,
                    &d.circle,
                ],
            )
        })
    }

    /// Set a task's status (the one key: `task.status.next()`); fait dates it today, any other
    /// status clears its done date.
    pub fn set_task_status(
        &mut self,
        id: i64,
        expected_version: i64,
        status: TaskStatus,
    ) -> Result<Task> {
        let today = self.today();
        self.write(Area::EventTasks, |tx| {
            let before: Task = tx.current(id, expected_version)?;
            if before.status == status {
                return Ok(before);
            }
            let done = (status == TaskStatus::Fait).then_some(today);
            tx.update_row(
                &before,
                "status = ?1, done_on = ?2",
                &[&status.code(), &iso(done)],
            )
        })
    }

    pub fn delete_task(&mut self, id: i64, expected_version: i64) -> Result<()> {
        self.write(Area::EventTasks, |tx| {
            let before: Task = tx.current(id, expected_version)?;
            tx.delete_row(&before)
        })
    }
}

/// A task draft checked, its owner known, a task fait without a date done `today`.
fn checked_task(conn: &Connection, draft: &TaskDraft, today: NaiveDate) -> Result<TaskDraft> {
    let mut d = draft.validated().map_err(StoreError::Field)?;
    owner_exists(conn, d.owner)?;
    if d.status == TaskStatus::Fait && d.done.is_none() {
        d.done = Some(today);
    }
    Ok(d)
}

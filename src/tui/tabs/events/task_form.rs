//! The task form of the Rencontres tab on the shared editor: a task of an event's checklist, its
//! owner picked by typing among the people (a list any form choosing a person shares).

use std::rc::Rc;

use chrono::NaiveDate;

use super::forms::{EventsEditor, WORDS, by_label, labels};
use super::question::Then;
use crate::catalogue::events as em;
use crate::catalogue::events_tab as et;
use crate::model::event::fields;
use crate::model::{Task, TaskDraft, TaskStatus, format_date, parse_date};
use crate::store::Store;
use crate::tui::theme::Theme;
use crate::tui::widgets::editor::{Current, Editor, Record, Refusal, SaveError, Saved, Words};
use crate::tui::widgets::form::{FieldKind, Form};

const TASK_TITLE: &str = fields::TASK_TITLE.code;
const OWNER: &str = fields::OWNER.code;
const DUE: &str = fields::DUE.code;
const TASK_STATUS: &str = fields::TASK_STATUS.code;
const DONE: &str = fields::DONE.code;
const CIRCLE: &str = fields::CIRCLE.code;
const NOTES: &str = fields::NOTES.code;

/// Who may own a task, by the label the owner field shows (unique), with "(personne)" first.
pub type Owners = Rc<Vec<(String, Option<i64>)>>;

pub(super) fn owner_label(owners: &Owners, id: Option<i64>) -> String {
    owners
        .iter()
        .find(|(_, o)| *o == id)
        .map_or_else(|| et::NO_OWNER.to_owned(), |(l, _)| l.clone())
}

fn task_values(d: &TaskDraft, owners: &Owners) -> Vec<(&'static str, String)> {
    vec![
        (TASK_TITLE, d.title.clone()),
        (OWNER, owner_label(owners, d.owner)),
        (DUE, d.due.map(format_date).unwrap_or_default()),
        (TASK_STATUS, d.status.label().to_owned()),
        (DONE, d.done.map(format_date).unwrap_or_default()),
        (
            CIRCLE,
            if d.circle.is_empty() {
                et::NO_CIRCLE.to_owned()
            } else {
                d.circle.clone()
            },
        ),
        (NOTES, d.notes.clone()),
    ]
}

/// A task of an event's checklist: a new one (`id` none) or one already there.
struct TaskRecord {
    id: Option<i64>,
    event_id: i64,
    today: NaiveDate,
    owners: Owners,
}

impl TaskRecord {
    fn draft(&self, form: &Form) -> TaskDraft {
        let owner_text = form.value(OWNER);
        let circle = form.value(CIRCLE);
        let date = |key| {
            let text = form.value(key);
            parse_date(text.trim(), self.today).ok()
        };
        TaskDraft {
            owner: self
                .owners
                .iter()
                .find(|(l, _)| *l == owner_text)
                .and_then(|(_, id)| *id),
            due: date(DUE),
            status: by_label(
                &TaskStatus::ALL,
                TaskStatus::label,
                &form.value(TASK_STATUS),
            )
            .unwrap_or(TaskStatus::AFaire),
            done: date(DONE),
            notes: form.value(NOTES),
            circle: if circle == et::NO_CIRCLE {
                String::new()
            } else {
                circle
            },
            ..TaskDraft::new(&form.value(TASK_TITLE))
        }
    }
}

impl Record for TaskRecord {
    type Then = Then;

    fn save(
        &mut self,
        store: &mut Store,
        form: &Form,
        base: i64,
    ) -> Result<Saved<Then>, SaveError> {
        let mut draft = self.draft(form);
        // A task marked done today without its date: the store dates it; one taken back from
        // done loses its date.
        if draft.status != TaskStatus::Fait {
            draft.done = None;
        }
        let t = match self.id {
            None => store.add_task(self.event_id, &draft)?,
            Some(id) => store.update_task(id, base, &draft)?,
        };
        let message = match self.id {
            None => et::task_added(&t.title),
            Some(_) => et::task_saved(&t.title),
        };
        Ok(Saved::new(
            message,
            Then::Task {
                event: t.event_id,
                task: t.id,
            },
        ))
    }

    fn current(&self, store: &Store) -> Current {
        let Some(id) = self.id else {
            return Current::New;
        };
        match store.task(id) {
            Ok(Some(t)) => Current::Stored(task_values(&t.draft(), &self.owners), t.version),
            _ => Current::Gone,
        }
    }

    fn words(&self) -> &'static Words {
        &WORDS
    }

    fn check(&self, form: &Form) -> Vec<Refusal> {
        let mut draft = self.draft(form);
        if draft.status != TaskStatus::Fait {
            draft.done = None;
        }
        draft.validate().into_iter().map(Refusal::from).collect()
    }

    fn saves_unchanged(&self) -> bool {
        self.id.is_none()
    }

    fn as_new(&mut self) -> bool {
        self.id = None;
        true
    }
}

fn task_form(
    title: String,
    d: &TaskDraft,
    owners: &Owners,
    circles: Vec<String>,
    today: NaiveDate,
    theme: Theme,
) -> Form {
    let v = task_values(d, owners);
    let owner_labels = owners.iter().map(|(l, _)| l.clone()).collect();
    let mut circle_labels = vec![et::NO_CIRCLE.to_owned()];
    circle_labels.extend(circles);
    if !d.circle.is_empty() && !circle_labels.contains(&d.circle) {
        // A template's circle that is not (or no longer) a circle of the network: kept.
        circle_labels.push(d.circle.clone());
    }
    Form::new(title, today, theme)
        .field(
            TASK_TITLE,
            em::FIELD_TASK_TITLE,
            FieldKind::Line,
            true,
            &v[0].1,
        )
        .field(
            OWNER,
            em::FIELD_OWNER,
            FieldKind::Pick(owner_labels),
            true,
            &v[1].1,
        )
        .field(DUE, em::FIELD_DUE, FieldKind::Date, false, &v[2].1)
        .field(
            TASK_STATUS,
            em::FIELD_TASK_STATUS,
            FieldKind::Choice(labels(&TaskStatus::ALL, TaskStatus::label)),
            true,
            &v[3].1,
        )
        .field(DONE, em::FIELD_DONE, FieldKind::PastDate, false, &v[4].1)
        .field(
            CIRCLE,
            em::FIELD_CIRCLE,
            FieldKind::Pick(circle_labels),
            true,
            &v[5].1,
        )
        .field(
            NOTES,
            em::FIELD_NOTES,
            FieldKind::Multi { rows: 3 },
            false,
            &v[6].1,
        )
}

/// A new task for the event `event_id`, due on its date when it has one.
pub fn add_task(
    event_id: i64,
    due: Option<NaiveDate>,
    owners: Owners,
    circles: Vec<String>,
    today: NaiveDate,
    theme: Theme,
) -> EventsEditor {
    let draft = TaskDraft {
        due,
        ..TaskDraft::new("")
    };
    let form = task_form(
        et::FORM_ADD_TASK.to_owned(),
        &draft,
        &owners,
        circles,
        today,
        theme,
    );
    let record = TaskRecord {
        id: None,
        event_id,
        today,
        owners,
    };
    Editor::open(form, record, 0).with_hint(et::TASK_HINT)
}

/// The form filled from `t`.
pub fn edit_task(
    t: &Task,
    owners: Owners,
    circles: Vec<String>,
    today: NaiveDate,
    theme: Theme,
) -> EventsEditor {
    let form = task_form(
        et::form_edit_task(&t.title),
        &t.draft(),
        &owners,
        circles,
        today,
        theme,
    );
    let record = TaskRecord {
        id: Some(t.id),
        event_id: t.event_id,
        today,
        owners,
    };
    Editor::open(form, record, t.version).with_hint(et::TASK_HINT)
}

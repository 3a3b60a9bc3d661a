//! The forms of the Cercles tab that write a line of a circle's detail: a GT (new, edited,
//! closed), a work log item (a decision: `decision_form`). Each is a form prefilled with today, the year shown,
//! the instance of the section, and a [`Record`] on the shared editor: how it writes the
//! draft read back from the form, and how it reads its row's values by form key.

use chrono::{Datelike, NaiveDate};

use super::detail::Section;
use super::editor::{
    AfterSave, CircleEditor, ITEM_WORDS, closed_values, closing_form, date_text, multi,
    optional_date, refused, required_date,
};
pub use super::editor::{CLOSED_ON, CREATED_ON};
use crate::catalogue::circles_tab as cm;
use crate::model::{
    Circle, When, WorkItem, WorkItemDraft, WorkStatus, WorkingGroup, WorkingGroupDraft,
    format_date, work,
};
use crate::store::Store;
use crate::tui::theme::Theme;
use crate::tui::widgets::editor::{Current, Editor, Record, Refusal, SaveError, Saved, Words};
use crate::tui::widgets::form::{FieldKind, Form};

pub const GT_NAME: &str = work::fields::GT_NAME.code;
pub const GT_PURPOSE: &str = work::fields::GT_PURPOSE.code;
pub const YEAR: &str = work::fields::YEAR.code;
pub const STATUS: &str = "status";
pub const ON_DATE: &str = work::fields::ON_DATE.code;
pub const TITLE: &str = work::fields::TITLE.code;
pub const DETAILS: &str = work::fields::DETAILS.code;
pub const FIGURES: &str = work::fields::FIGURES.code;
pub use super::decision_form::{
    BODY, DECIDED_ON, INSTANCE, REVIEW_ON, edit_decision, instance_choices, new_decision,
};

/// A day or a month as the form shows it: `09/04/2025`, `avril 2025`.
fn when_text(w: Option<When>) -> String {
    w.map(|w| w.to_string()).unwrap_or_default()
}

// --- working groups -----------------------------------------------------------------------------

fn group_form(title: String, g: &WorkingGroupDraft, today: NaiveDate, theme: Theme) -> Form {
    Form::new(title, today, theme)
        .field(GT_NAME, cm::LABEL_NAME, FieldKind::Line, true, &g.name)
        .field(
            GT_PURPOSE,
            cm::LABEL_GT_PURPOSE,
            multi(3),
            false,
            &g.purpose,
        )
        .field(
            CREATED_ON,
            cm::LABEL_CREATED_ON,
            FieldKind::Date,
            false,
            &date_text(g.created_on),
        )
}

fn group_values(g: &WorkingGroup) -> Vec<(&'static str, String)> {
    vec![
        (GT_NAME, g.name.clone()),
        (GT_PURPOSE, g.purpose.clone()),
        (CREATED_ON, date_text(g.created_on)),
    ]
}

fn stored_group(
    store: &Store,
    id: Option<i64>,
    values: fn(&WorkingGroup) -> Vec<(&'static str, String)>,
) -> Current {
    let Some(id) = id else {
        return Current::New;
    };
    match store.working_group(id) {
        Ok(Some(g)) => Current::Stored(values(&g), g.version),
        _ => Current::Gone,
    }
}

/// A GT of `circle_id`: a new one (`id` none) or one of them.
struct GroupRecord {
    circle_id: i64,
    id: Option<i64>,
    today: NaiveDate,
}

impl Record for GroupRecord {
    type Then = AfterSave;

    fn save(
        &mut self,
        store: &mut Store,
        form: &Form,
        base: i64,
    ) -> Result<Saved<AfterSave>, SaveError> {
        let draft = WorkingGroupDraft {
            name: form.value(GT_NAME),
            purpose: form.value(GT_PURPOSE),
            created_on: optional_date(form, CREATED_ON, self.today)?,
        }
        .validated()
        .map_err(refused)?;
        let (g, message): (WorkingGroup, fn(&str) -> String) = match self.id {
            None => (
                store.create_working_group(self.circle_id, &draft)?,
                cm::group_created,
            ),
            Some(id) => (
                store.update_working_group(id, base, &draft)?,
                cm::group_saved,
            ),
        };
        Ok(Saved::new(
            message(&g.name),
            AfterSave::focus(Section::Groups, g.id),
        ))
    }

    fn current(&self, store: &Store) -> Current {
        stored_group(store, self.id, group_values)
    }

    fn words(&self) -> &'static Words {
        &ITEM_WORDS
    }

    fn saves_unchanged(&self) -> bool {
        self.id.is_none()
    }
}

pub fn new_group(circle: &Circle, today: NaiveDate, theme: Theme) -> CircleEditor {
    let draft = WorkingGroupDraft {
        created_on: Some(today),
        ..Default::default()
    };
    let form = group_form(cm::form_new_group(circle.name()), &draft, today, theme);
    let record = GroupRecord {
        circle_id: circle.id,
        id: None,
        today,
    };
    Editor::open(form, record, 0)
}

pub fn edit_group(g: &WorkingGroup, today: NaiveDate, theme: Theme) -> CircleEditor {
    let draft = WorkingGroupDraft {
        name: g.name.clone(),
        purpose: g.purpose.clone(),
        created_on: g.created_on,
    };
    let form = group_form(cm::form_group(&g.name), &draft, today, theme);
    let record = GroupRecord {
        circle_id: g.circle_id,
        id: Some(g.id),
        today,
    };
    Editor::open(form, record, g.version)
}

struct CloseGroupRecord {
    id: i64,
    today: NaiveDate,
}

impl Record for CloseGroupRecord {
    type Then = AfterSave;

    fn save(
        &mut self,
        store: &mut Store,
        form: &Form,
        base: i64,
    ) -> Result<Saved<AfterSave>, SaveError> {
        let on = required_date(form, CLOSED_ON, self.today)?;
        let g = store.set_working_group_closed(self.id, base, Some(on))?;
        Ok(Saved::new(
            cm::group_closed(&g.name, &format_date(on)),
            AfterSave::focus(Section::Groups, g.id),
        ))
    }

    fn current(&self, store: &Store) -> Current {
        stored_group(store, Some(self.id), |g| closed_values(g.closed_on))
    }

    fn words(&self) -> &'static Words {
        &ITEM_WORDS
    }

    fn saves_unchanged(&self) -> bool {
        true
    }
}

pub fn close_group(g: &WorkingGroup, today: NaiveDate, theme: Theme) -> CircleEditor {
    let form = closing_form(cm::form_close_group(&g.name), today, theme);
    let record = CloseGroupRecord { id: g.id, today };
    Editor::open(form, record, g.version)
}

// --- work log -----------------------------------------------------------------------------------

fn status_choices() -> FieldKind {
    FieldKind::Choice(
        WorkStatus::ALL
            .iter()
            .map(|s| s.label().to_owned())
            .collect(),
    )
}

fn work_form(title: String, d: &WorkItemDraft, today: NaiveDate, theme: Theme) -> Form {
    Form::new(title, today, theme)
        .field(
            YEAR,
            cm::LABEL_YEAR,
            FieldKind::Line,
            true,
            &d.year.to_string(),
        )
        .field(
            STATUS,
            cm::LABEL_STATUS,
            status_choices(),
            true,
            d.status.label(),
        )
        .field(
            ON_DATE,
            cm::LABEL_DATE,
            FieldKind::DayOrMonth,
            false,
            &when_text(d.on_date),
        )
        .field(TITLE, cm::LABEL_TITLE, FieldKind::Line, true, &d.title)
        .field(DETAILS, cm::LABEL_DETAILS, multi(3), false, &d.details)
        .field(FIGURES, cm::LABEL_FIGURES, multi(2), false, &d.figures)
}

fn work_values(item: &WorkItem) -> Vec<(&'static str, String)> {
    vec![
        (YEAR, item.year.to_string()),
        (STATUS, item.status.label().to_owned()),
        (ON_DATE, when_text(item.on_date)),
        (TITLE, item.title.clone()),
        (DETAILS, item.details.clone()),
        (FIGURES, item.figures.clone()),
    ]
}

fn work_year(form: &Form) -> Result<i32, Refusal> {
    form.value(YEAR)
        .trim()
        .parse()
        .map_err(|_| Refusal::at(YEAR, cm::NOT_A_YEAR))
}

fn work_draft(form: &Form, today: NaiveDate) -> Result<WorkItemDraft, SaveError> {
    let year = work_year(form)?;
    let label = form.value(STATUS);
    let status = WorkStatus::ALL
        .into_iter()
        .find(|s| s.label() == label)
        .unwrap_or(WorkStatus::EnCours);
    let on_date = match form.value(ON_DATE).trim() {
        "" => None,
        text => Some(When::parse(text, today).map_err(|e| Refusal::at(ON_DATE, e.to_string()))?),
    };
    Ok(WorkItemDraft {
        year,
        status,
        on_date,
        title: form.value(TITLE),
        details: form.value(DETAILS),
        figures: form.value(FIGURES),
    }
    .validated()
    .map_err(refused)?)
}

/// An item of `circle_id`'s work log: a new one (`id` none) or one of them. Deleted elsewhere
/// while edited, it can be created again from what was typed.
struct WorkRecord {
    circle_id: i64,
    id: Option<i64>,
    today: NaiveDate,
}

impl Record for WorkRecord {
    type Then = AfterSave;

    fn save(
        &mut self,
        store: &mut Store,
        form: &Form,
        base: i64,
    ) -> Result<Saved<AfterSave>, SaveError> {
        let draft = work_draft(form, self.today)?;
        let (w, message) = match self.id {
            None => {
                let w = store.add_work_item(self.circle_id, &draft)?;
                let message = cm::work_added(w.year);
                (w, message)
            }
            Some(id) => {
                let w = store.update_work_item(id, base, &draft)?;
                let message = cm::work_saved(&w.title);
                (w, message)
            }
        };
        let then = AfterSave {
            year: Some(w.year),
            ..AfterSave::focus(Section::Work, w.id)
        };
        Ok(Saved::new(message, then))
    }

    fn current(&self, store: &Store) -> Current {
        let Some(id) = self.id else {
            return Current::New;
        };
        match store.work_item(id) {
            Ok(Some(w)) => Current::Stored(work_values(&w), w.version),
            _ => Current::Gone,
        }
    }

    fn words(&self) -> &'static Words {
        &ITEM_WORDS
    }

    /// The year, beside the fields' own checks.
    fn check(&self, form: &Form) -> Vec<Refusal> {
        work_year(form).err().into_iter().collect()
    }

    fn saves_unchanged(&self) -> bool {
        self.id.is_none()
    }

    fn as_new(&mut self) -> bool {
        self.id = None;
        true
    }

    fn main_field(&self, _: &Form) -> Option<&'static str> {
        Some(TITLE)
    }
}

/// A new item of `circle`'s log for `year`: réalisé for a past year, en cours otherwise.
pub fn new_work(circle: &Circle, year: i32, today: NaiveDate, theme: Theme) -> CircleEditor {
    let status = if year < today.year() {
        WorkStatus::Realise
    } else {
        WorkStatus::EnCours
    };
    let draft = WorkItemDraft {
        year,
        status,
        on_date: None,
        title: String::new(),
        details: String::new(),
        figures: String::new(),
    };
    let form = work_form(cm::form_new_work(circle.name()), &draft, today, theme);
    let record = WorkRecord {
        circle_id: circle.id,
        id: None,
        today,
    };
    Editor::open(form, record, 0)
}

pub fn edit_work(item: &WorkItem, circle: &str, today: NaiveDate, theme: Theme) -> CircleEditor {
    let form = work_form(cm::form_work(circle), &item.draft(), today, theme);
    let record = WorkRecord {
        circle_id: item.circle_id,
        id: Some(item.id),
        today,
    };
    Editor::open(form, record, item.version)
}

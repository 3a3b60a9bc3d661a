//! The forms of the Cercles tab that write a circle: its identity sheet, a new circle, closing
//! one (see `forms` for a GT, a work log item, a decision). Each is a form and a
//! [`Record`] on the shared editor, which owns the save cycle and the conflict panel; here are
//! only their fields and how they read and write their circle.

use chrono::NaiveDate;

use super::detail::{DetailFocus, Section};
use crate::catalogue::circles_tab as cm;
use crate::catalogue::tui as msg;
use crate::model::circle::fields;
use crate::model::{Circle, CircleSheet, FieldError, format_date, parse_date};
use crate::store::Store;
use crate::tui::theme::Theme;
use crate::tui::widgets::editor::{Current, Editor, Record, Refusal, SaveError, Saved, Words};
use crate::tui::widgets::form::{FieldKind, Form};

pub const NAME: &str = fields::CIRCLE_NAME.code;
pub const PURPOSE: &str = fields::PURPOSE.code;
pub const SCOPE: &str = fields::DECISION_SCOPE.code;
pub const MISSIONS: &str = fields::MISSIONS.code;
pub const SAFE_FRAME: &str = fields::SAFE_FRAME.code;
pub const CREATED_ON: &str = "created_on";
pub const CLOSED_ON: &str = fields::CLOSED_ON.code;

/// An editor of the Cercles tab.
pub type CircleEditor = Editor<AfterSave>;

/// Where the tab looks after a save.
#[derive(Debug, Clone, Default)]
pub struct AfterSave {
    /// The circle to select in the list.
    pub select: Option<i64>,
    /// The line of the detail to pick.
    pub focus: Option<DetailFocus>,
    /// The work-log year to show.
    pub year: Option<i32>,
}

impl AfterSave {
    /// Pick line `id` of `section`.
    pub fn focus(section: Section, id: i64) -> AfterSave {
        AfterSave {
            focus: Some(DetailFocus {
                section,
                item: Some(id),
            }),
            ..AfterSave::default()
        }
    }
}

/// What the forms of a circle's sheet say.
pub static SHEET_WORDS: Words = Words {
    conflict_title: msg::CONFLICT_TITLE,
    conflict: msg::CONFLICT_MESSAGE,
    gone: cm::GONE,
    gone_elsewhere: cm::gone_elsewhere,
    recreate: cm::gone_recreate,
    changed_elsewhere: cm::CHANGED_ELSEWHERE,
    changed_meanwhile: cm::changed_meanwhile,
};

/// What the other forms of the tab say (a GT, an item, a decision, a closing).
pub static ITEM_WORDS: Words = Words {
    conflict_title: cm::CONFLICT_TITLE,
    conflict: cm::CONFLICT_MESSAGE,
    ..SHEET_WORDS
};

/// The model's refusal under its field, and alone in the status bar.
pub(super) fn refused(e: FieldError) -> Refusal {
    Refusal::at(e.field, e.message)
}

pub(super) fn multi(rows: u16) -> FieldKind {
    FieldKind::Multi { rows }
}

pub(super) fn date_text(d: Option<NaiveDate>) -> String {
    d.map(format_date).unwrap_or_default()
}

/// A date field's value; empty is `None`, the error goes under the field.
pub(super) fn optional_date(
    form: &Form,
    key: &'static str,
    today: NaiveDate,
) -> Result<Option<NaiveDate>, Refusal> {
    let text = form.value(key);
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_date(text.trim(), today)
        .map(Some)
        .map_err(|e| Refusal::at(key, e.to_string()))
}

pub(super) fn required_date(
    form: &Form,
    key: &'static str,
    today: NaiveDate,
) -> Result<NaiveDate, Refusal> {
    optional_date(form, key, today)?.ok_or_else(|| Refusal::at(key, msg::FIELD_REQUIRED))
}

/// The sheet's fields as (form key, value).
pub fn sheet_fields(sheet: &CircleSheet) -> Vec<(&'static str, String)> {
    vec![
        (NAME, sheet.name.clone()),
        (PURPOSE, sheet.purpose.clone()),
        (SCOPE, sheet.decision_scope.clone()),
        (MISSIONS, sheet.missions.clone()),
        (SAFE_FRAME, sheet.safe_frame.clone()),
    ]
}

fn sheet_form(title: String, s: &CircleSheet, rows: u16, today: NaiveDate, theme: Theme) -> Form {
    Form::new(title, today, theme)
        .field(NAME, msg::CIRCLE_LABEL_NAME, FieldKind::Line, true, &s.name)
        .field(
            PURPOSE,
            msg::CIRCLE_LABEL_PURPOSE,
            multi(rows),
            false,
            &s.purpose,
        )
        .field(
            SCOPE,
            msg::CIRCLE_LABEL_SCOPE,
            multi(rows),
            false,
            &s.decision_scope,
        )
        .field(
            MISSIONS,
            msg::CIRCLE_LABEL_MISSIONS,
            multi(rows),
            false,
            &s.missions,
        )
        .field(
            SAFE_FRAME,
            msg::CIRCLE_LABEL_SAFE_FRAME,
            multi(rows),
            false,
            &s.safe_frame,
        )
}

fn sheet_of(form: &Form) -> CircleSheet {
    CircleSheet {
        name: form.value(NAME),
        purpose: form.value(PURPOSE),
        decision_scope: form.value(SCOPE),
        missions: form.value(MISSIONS),
        safe_frame: form.value(SAFE_FRAME),
    }
}

fn stored_circle(
    store: &Store,
    id: i64,
    values: fn(&Circle) -> Vec<(&'static str, String)>,
) -> Current {
    match store.circle(id) {
        Ok(Some(c)) => Current::Stored(values(&c), c.version),
        _ => Current::Gone,
    }
}

// --- the sheet ------------------------------------------------------------------------------

struct SheetRecord {
    circle_id: i64,
}

impl Record for SheetRecord {
    type Then = AfterSave;

    fn save(
        &mut self,
        store: &mut Store,
        form: &Form,
        base: i64,
    ) -> Result<Saved<AfterSave>, SaveError> {
        let saved = store.update_circle_sheet(self.circle_id, base, &sheet_of(form))?;
        Ok(Saved::new(
            msg::saved_circle(saved.name()),
            AfterSave::default(),
        ))
    }

    fn current(&self, store: &Store) -> Current {
        stored_circle(store, self.circle_id, |c| sheet_fields(&c.sheet))
    }

    fn words(&self) -> &'static Words {
        &SHEET_WORDS
    }
}

/// The identity sheet of `circle`.
pub fn sheet(circle: &Circle, today: NaiveDate, theme: Theme) -> CircleEditor {
    let title = msg::circle_form_title(circle.name());
    let form = sheet_form(title, &circle.sheet, 3, today, theme);
    Editor::open(
        form,
        SheetRecord {
            circle_id: circle.id,
        },
        circle.version,
    )
}

// --- a new circle ---------------------------------------------------------------------------

struct NewCircleRecord {
    today: NaiveDate,
}

impl Record for NewCircleRecord {
    type Then = AfterSave;

    fn save(
        &mut self,
        store: &mut Store,
        form: &Form,
        _: i64,
    ) -> Result<Saved<AfterSave>, SaveError> {
        let created = required_date(form, CREATED_ON, self.today)?;
        let c = store.create_circle(&sheet_of(form), created)?;
        let then = AfterSave {
            select: Some(c.id),
            ..AfterSave::default()
        };
        Ok(Saved::new(cm::circle_created(c.name()), then))
    }

    fn current(&self, _: &Store) -> Current {
        Current::New
    }

    fn words(&self) -> &'static Words {
        &ITEM_WORDS
    }

    fn saves_unchanged(&self) -> bool {
        true
    }
}

pub fn new_circle(today: NaiveDate, theme: Theme) -> CircleEditor {
    let title = cm::FORM_NEW_CIRCLE.to_owned();
    let form = sheet_form(title, &CircleSheet::default(), 2, today, theme).field(
        CREATED_ON,
        cm::LABEL_CREATED_ON,
        FieldKind::Date,
        true,
        &format_date(today),
    );
    Editor::open(form, NewCircleRecord { today }, 0)
}

// --- closing a circle -----------------------------------------------------------------------

pub(super) fn closed_values(closed_on: Option<NaiveDate>) -> Vec<(&'static str, String)> {
    vec![(CLOSED_ON, date_text(closed_on))]
}

pub(super) fn closing_form(title: String, today: NaiveDate, theme: Theme) -> Form {
    Form::new(title, today, theme).field(
        CLOSED_ON,
        cm::LABEL_CLOSED_ON,
        FieldKind::PastDate,
        true,
        &format_date(today),
    )
}

struct CloseCircleRecord {
    circle_id: i64,
    today: NaiveDate,
}

impl Record for CloseCircleRecord {
    type Then = AfterSave;

    fn save(
        &mut self,
        store: &mut Store,
        form: &Form,
        base: i64,
    ) -> Result<Saved<AfterSave>, SaveError> {
        let on = required_date(form, CLOSED_ON, self.today)?;
        let c = store.set_circle_closed(self.circle_id, base, Some(on))?;
        Ok(Saved::new(
            cm::circle_closed(c.name(), &format_date(on)),
            AfterSave::default(),
        ))
    }

    fn current(&self, store: &Store) -> Current {
        stored_circle(store, self.circle_id, |c| closed_values(c.closed_on))
    }

    fn words(&self) -> &'static Words {
        &ITEM_WORDS
    }

    fn saves_unchanged(&self) -> bool {
        true
    }
}

/// `roles`: the roles held in the circle now, which closing it ends.
pub fn close_circle(circle: &Circle, roles: usize, today: NaiveDate, theme: Theme) -> CircleEditor {
    let form = closing_form(cm::form_close_circle(circle.name()), today, theme);
    let record = CloseCircleRecord {
        circle_id: circle.id,
        today,
    };
    Editor::open(form, record, circle.version).with_hint(cm::close_circle_hint(roles))
}

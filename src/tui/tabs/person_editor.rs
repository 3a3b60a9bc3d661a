//! The person form of the Membres tab (add or edit), and the conflict panel shown when someone
//! else saved the same person meanwhile: each field that differs, their value beside yours, a
//! choice per field. Nothing is overwritten silently: the merged values go back into the form,
//! based on their version, and are saved only when the person saves again.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::catalogue::members_tab as mm;
use crate::catalogue::people as pm;
use crate::catalogue::tui as msg;
use crate::model::{FieldError, Person, PersonDraft, PersonKind, format_date, parse_date};
use crate::tui::theme::Theme;
use crate::tui::widgets::form::{FieldKind, Form};
use crate::tui::widgets::merge::{Merge, MergeView};

pub const LAST_NAME: &str = "last_name";
pub const FIRST_NAME: &str = "first_name";
pub const EMAIL: &str = "email";
pub const PHONE: &str = "phone";
pub const COMMUNE: &str = "commune";
pub const KIND: &str = "kind";
pub const CONFIDENTIALITY: &str = "confidentiality_signed_on";
pub const MISSION: &str = "mission_accepted_on";
pub const NOTES: &str = "notes";

fn shown_date(date: Option<NaiveDate>) -> String {
    date.map(format_date).unwrap_or_default()
}

/// A person's editable fields as the form shows them: (form key, text).
fn form_values(p: &PersonDraft) -> [(&'static str, String); 9] {
    [
        (LAST_NAME, p.last_name.clone()),
        (FIRST_NAME, p.first_name.clone()),
        (EMAIL, p.email.clone()),
        (PHONE, p.phone.clone()),
        (COMMUNE, p.commune.clone()),
        (KIND, p.kind.label().to_owned()),
        (CONFIDENTIALITY, shown_date(p.confidentiality_signed_on)),
        (MISSION, shown_date(p.mission_accepted_on)),
        (NOTES, p.notes.clone()),
    ]
}

pub struct PersonEditor {
    /// `None` for a new person.
    pub person_id: Option<i64>,
    /// The version the form was loaded from; the store refuses a save from a stale one.
    pub base_version: i64,
    pub form: Form,
    pub conflict: Option<Merge>,
    /// The user said yes to adding a person whose name someone already bears.
    pub homonym_confirmed: bool,
    today: NaiveDate,
}

impl PersonEditor {
    /// An empty form for a new person.
    pub fn add(today: NaiveDate, theme: Theme) -> PersonEditor {
        Self::build(
            mm::FORM_ADD_TITLE.to_owned(),
            &PersonDraft::default(),
            today,
            theme,
        )
    }

    /// The form filled from `person`.
    pub fn edit(person: &Person, today: NaiveDate, theme: Theme) -> PersonEditor {
        let title = mm::form_edit_title(&person.display_name());
        let mut editor = Self::build(title, &person.draft(), today, theme);
        editor.person_id = Some(person.id);
        editor.base_version = person.version;
        editor
    }

    fn build(title: String, p: &PersonDraft, today: NaiveDate, theme: Theme) -> PersonEditor {
        let kinds = PersonKind::ALL
            .iter()
            .map(|k| k.label().to_owned())
            .collect();
        let v = form_values(p);
        let form = Form::new(title, today, theme)
            .field(
                LAST_NAME,
                mm::FIELD_LAST_NAME,
                FieldKind::Line,
                true,
                &v[0].1,
            )
            .field(
                FIRST_NAME,
                mm::FIELD_FIRST_NAME,
                FieldKind::Line,
                false,
                &v[1].1,
            )
            .field(EMAIL, mm::FIELD_EMAIL, FieldKind::Line, false, &v[2].1)
            .field(PHONE, mm::FIELD_PHONE, FieldKind::Line, false, &v[3].1)
            .field(COMMUNE, mm::FIELD_COMMUNE, FieldKind::Line, false, &v[4].1)
            .field(
                KIND,
                mm::FIELD_KIND,
                FieldKind::Choice(kinds),
                true,
                &v[5].1,
            )
            .field(
                CONFIDENTIALITY,
                mm::FIELD_CONFIDENTIALITY,
                FieldKind::PastDate,
                false,
                &v[6].1,
            )
            .field(
                MISSION,
                mm::FIELD_MISSION,
                FieldKind::PastDate,
                false,
                &v[7].1,
            )
            .field(
                NOTES,
                mm::FIELD_NOTES,
                FieldKind::Multi { rows: 3 },
                false,
                &v[8].1,
            );
        PersonEditor {
            person_id: None,
            base_version: 0,
            form,
            conflict: None,
            homonym_confirmed: false,
            today,
        }
    }

    fn date(&self, key: &str) -> Option<NaiveDate> {
        parse_date(&self.form.value(key), self.today).ok()
    }

    /// The person as edited (after `form.validate()`: dates are known to parse).
    pub fn draft(&self) -> PersonDraft {
        let kind_label = self.form.value(KIND);
        PersonDraft {
            last_name: self.form.value(LAST_NAME),
            first_name: self.form.value(FIRST_NAME),
            email: self.form.value(EMAIL),
            phone: self.form.value(PHONE),
            commune: self.form.value(COMMUNE),
            kind: PersonKind::ALL
                .into_iter()
                .find(|k| k.label() == kind_label)
                .unwrap_or(PersonKind::Benevole),
            confidentiality_signed_on: self.date(CONFIDENTIALITY),
            mission_accepted_on: self.date(MISSION),
            notes: self.form.value(NOTES),
        }
    }

    /// Check the whole form: its own checks (required fields, dates) and the model's (e-mail,
    /// phone), with every field's error shown at once and the focus on the first. The error is
    /// the line for the status bar: how to write the field when only one is wrong.
    pub fn check(&mut self) -> Result<(), String> {
        let form_ok = self.form.validate();
        let mut shown = Vec::new();
        for err in self.draft().field_errors() {
            if self.form.error(field_key(err.field)).is_none() {
                shown.push(self.show_field_error(&err));
            }
        }
        self.form.focus_first_error();
        match (form_ok, shown.len()) {
            (true, 0) => Ok(()),
            (true, 1) => Err(shown.remove(0)),
            _ => Err(msg::FORM_HAS_ERRORS.to_owned()),
        }
    }

    /// Put the model's validation error under its field, and return the line for the status
    /// bar. The form draws one line under a field, so it gets the reason without the quoted
    /// input (it is just above): `n'est pas une adresse e-mail`; the status line gets the rest,
    /// how to write it: `e-mail : écrivez par exemple prenom.nom@example.org`.
    pub fn show_field_error(&mut self, err: &FieldError) -> String {
        let key = field_key(err.field);
        let message = err.message.as_str();
        let reason = match (message.starts_with('«'), message.find("» ")) {
            (true, Some(end)) => &message[end + "» ".len()..],
            _ => message,
        };
        let (short, how) = match reason.split_once(" : ") {
            Some((short, how)) => (short, how),
            None => (reason, reason),
        };
        self.form.set_error(key, short.to_owned());
        pm::field_error(err.field, how)
    }

    /// A message of the store (`e-mail : l'adresse … est déjà celle de …`) under its field,
    /// when it names one. Returns whether it did.
    pub fn show_store_error(&mut self, text: &str) -> bool {
        let prefix = format!("{} : ", pm::FIELD_EMAIL);
        match text.strip_prefix(&prefix) {
            Some(rest) => {
                self.form.set_error(EMAIL, rest.to_owned());
                true
            }
            None => false,
        }
    }

    /// Someone saved `theirs` meanwhile: list the fields where it differs from this form. By
    /// default a field keeps your version if you changed it, theirs if you did not.
    pub fn open_conflict(&mut self, theirs: Person) {
        let values = form_values(&theirs.draft()).to_vec();
        self.conflict = Some(Merge::open(&self.form, values, theirs.version));
    }
}

/// The form field a model error names.
fn field_key(field: &str) -> &'static str {
    match field {
        pm::FIELD_EMAIL => EMAIL,
        pm::FIELD_PHONE => PHONE,
        pm::FIELD_FIRST_NAME => FIRST_NAME,
        pm::FIELD_COMMUNE => COMMUNE,
        pm::FIELD_NOTES => NOTES,
        _ => LAST_NAME,
    }
}

pub struct PersonEditorView<'a> {
    pub editor: &'a PersonEditor,
    pub theme: Theme,
}

impl Widget for PersonEditorView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let [title, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
        if let Some(conflict) = &self.editor.conflict {
            let line = Line::styled(format!("! {}", mm::CONFLICT_TITLE), theme.error());
            buf.set_line(title.x, title.y, &line, title.width);
            MergeView {
                merge: conflict,
                theme,
            }
            .render(body, buf);
            return;
        }
        let form = &self.editor.form;
        let mut spans = vec![Span::styled(form.title.clone(), theme.title())];
        if form.is_dirty() {
            spans.push(Span::styled(
                format!("  {}", msg::DIRTY_LEGEND),
                theme.dirty(),
            ));
        }
        buf.set_line(title.x, title.y, &Line::from(spans), title.width);
        form.render(body, buf);
    }
}

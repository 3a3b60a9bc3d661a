//! The person form of the Membres tab (add or edit): its fields, and how it reads and writes
//! the person on the shared editor (which owns the save cycle and the conflict panel). A new
//! person bearing a name already in the network is asked about before being added. The commune
//! is typed with suggestions and resolved as a collective's; one awaiting review shows as it
//! was typed, and may stay so while other fields are edited.

use chrono::NaiveDate;

use super::session::MemberQuestion;
use crate::catalogue::members_tab as mm;
use crate::catalogue::people as pm;
use crate::model::person::fields;
use crate::model::{FieldError, Person, PersonDraft, PersonKind, format_date, parse_date};
use crate::store::Store;
use crate::tui::tabs::commune_field;
use crate::tui::theme::Theme;
use crate::tui::widgets::confirm::Confirm;
use crate::tui::widgets::editor::{Current, Editor, Record, Refusal, SaveError, Saved, Words};
use crate::tui::widgets::form::{FieldKind, Form};

pub const LAST_NAME: &str = fields::LAST_NAME.code;
pub const FIRST_NAME: &str = fields::FIRST_NAME.code;
pub const EMAIL: &str = fields::EMAIL.code;
pub const PHONE: &str = fields::PHONE.code;
pub const COMMUNE: &str = fields::COMMUNE.code;
pub const KIND: &str = "kind";
pub const CONFIDENTIALITY: &str = "confidentiality_signed_on";
pub const MISSION: &str = "mission_accepted_on";
pub const NOTES: &str = fields::NOTES.code;

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

fn person_form(title: String, p: &PersonDraft, today: NaiveDate, theme: Theme) -> Form {
    let kinds = PersonKind::ALL
        .iter()
        .map(|k| k.label().to_owned())
        .collect();
    let v = form_values(p);
    Form::new(title, today, theme)
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
        .field(
            COMMUNE,
            mm::FIELD_COMMUNE,
            commune_field::kind(),
            false,
            &v[4].1,
        )
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
        )
}

/// The fields a form edits, filled from `person`: the commune by its label (or the text
/// awaiting review).
fn draft_of(person: &Person) -> PersonDraft {
    let mut draft = person.draft();
    if !person.commune_awaits_review() {
        draft.commune = commune_field::text(&person.commune);
    }
    draft
}

/// An editor of the Membres tab; after a save, the person to select.
pub type MemberEditor = Editor<i64>;

/// What the person form says.
pub static PERSON_WORDS: Words = Words {
    conflict_title: mm::CONFLICT_TITLE,
    conflict: mm::CONFLICT_MESSAGE,
    gone: mm::CONFLICT_GONE,
    gone_elsewhere: crate::catalogue::circles_tab::gone_elsewhere,
    recreate: crate::catalogue::circles_tab::gone_elsewhere,
    changed_elsewhere: mm::EDIT_CHANGED_ELSEWHERE,
    changed_meanwhile: mm::changed_meanwhile,
};

/// A person: a new one (`id` none) or one of the network.
struct PersonRecord {
    id: Option<i64>,
    /// The user said yes to adding a person whose name someone already bears.
    homonym_confirmed: bool,
    today: NaiveDate,
    /// The commune as the form opened with it (its label, or the text awaiting review): left
    /// as it is, it is no error here, the store keeps the commune as it was.
    opened_with: String,
}

impl PersonRecord {
    /// The person as edited (after the form's checks: dates are known to parse).
    fn draft(&self, form: &Form) -> PersonDraft {
        let date = |key| parse_date(&form.value(key), self.today).ok();
        let kind_label = form.value(KIND);
        PersonDraft {
            last_name: form.value(LAST_NAME),
            first_name: form.value(FIRST_NAME),
            email: form.value(EMAIL),
            phone: form.value(PHONE),
            commune: form.value(COMMUNE),
            kind: PersonKind::ALL
                .into_iter()
                .find(|k| k.label() == kind_label)
                .unwrap_or(PersonKind::Benevole),
            confidentiality_signed_on: date(CONFIDENTIALITY),
            mission_accepted_on: date(MISSION),
            notes: form.value(NOTES),
        }
    }

    /// A namesake, asked about only for a person who can be added at all: what the save
    /// would refuse (an e-mail already used) is said first, by the save itself.
    fn namesake(&self, store: &Store, draft: &PersonDraft) -> Result<(), SaveError> {
        if self.id.is_some() || self.homonym_confirmed || store.validate_new_person(draft).is_err()
        {
            return Ok(());
        }
        match store.homonym(&draft.first_name, &draft.last_name)? {
            Some(existing) => {
                let name = pm::display_name(
                    &crate::text::clean_line(&draft.first_name, 200),
                    &crate::text::clean_line(&draft.last_name, 200),
                );
                Err(SaveError::Ask(Confirm::ask(
                    mm::confirm_homonym(&name, &existing.display_name()),
                    MemberQuestion::AddHomonym,
                )))
            }
            None => Ok(()),
        }
    }
}

/// The model's refusal under its field: there the reason without the quoted input (it is just
/// above), `n'est pas une adresse e-mail`; in the status bar how to write it: `e-mail :
/// écrivez par exemple prenom.nom@example.org`.
fn person_refusal(err: FieldError) -> Refusal {
    let message = err.message.as_str();
    let reason = match (message.starts_with('«'), message.find("» ")) {
        (true, Some(end)) => &message[end + "» ".len()..],
        _ => message,
    };
    let (short, how) = reason.split_once(" : ").unwrap_or((reason, reason));
    Refusal {
        key: err.field,
        under: short.to_owned(),
        status: pm::field_error(err.label, how),
    }
}

/// A commune refused: under the field the reason (`désigne plusieurs communes : …`), in the
/// status bar the whole message with what to type.
fn commune_refusal(message: &str) -> Refusal {
    let under = message
        .split_once("» ")
        .map_or(message, |(_, reason)| reason)
        .to_owned();
    Refusal {
        key: COMMUNE,
        under,
        status: pm::field_error(fields::COMMUNE.label, message),
    }
}

impl Record for PersonRecord {
    type Then = i64;

    fn save(&mut self, store: &mut Store, form: &Form, base: i64) -> Result<Saved<i64>, SaveError> {
        let draft = self.draft(form);
        self.namesake(store, &draft)?;
        let person = match self.id {
            None => store.add_person(&draft)?,
            Some(id) => store.update_person(id, base, &draft)?,
        };
        let name = person.display_name();
        let message = match self.id {
            None => mm::person_added(&name),
            Some(_) => mm::person_saved(&name),
        };
        Ok(Saved::new(message, person.id))
    }

    fn current(&self, store: &Store) -> Current {
        let Some(id) = self.id else {
            return Current::New;
        };
        match store.person(id) {
            Ok(Some(now)) => Current::Stored(
                form_values(&draft_of(&now.person)).to_vec(),
                now.person.version,
            ),
            _ => Current::Gone,
        }
    }

    fn words(&self) -> &'static Words {
        &PERSON_WORDS
    }

    /// The model's checks (e-mail, phone), every field's error at once, and a commune that
    /// resolves to none or to several (unless it is the one the form opened with).
    fn check(&self, form: &Form) -> Vec<Refusal> {
        let draft = self.draft(form);
        let mut out: Vec<Refusal> = draft
            .field_errors()
            .into_iter()
            .map(person_refusal)
            .collect();
        let typed = draft.commune.trim();
        if !out.iter().any(|r| r.key == COMMUNE)
            && !typed.is_empty()
            && typed != self.opened_with
            && let Err(e) = crate::store::collectives::commune_code(typed)
        {
            out.push(commune_refusal(&e.message));
        }
        out
    }

    fn saves_unchanged(&self) -> bool {
        self.id.is_none()
    }

    fn confirmed(&mut self) {
        self.homonym_confirmed = true;
    }

    /// A refusal of the store naming no field is said, not put under one.
    fn main_field(&self, _: &Form) -> Option<&'static str> {
        None
    }
}

/// An empty form for a new person.
pub fn add(today: NaiveDate, theme: Theme) -> MemberEditor {
    let title = mm::FORM_ADD_TITLE.to_owned();
    let form = person_form(title, &PersonDraft::default(), today, theme);
    let record = PersonRecord {
        id: None,
        homonym_confirmed: false,
        today,
        opened_with: String::new(),
    };
    Editor::open(form, record, 0)
}

/// The form filled from `person`.
pub fn edit(person: &Person, today: NaiveDate, theme: Theme) -> MemberEditor {
    let title = mm::form_edit_title(&person.display_name());
    let draft = draft_of(person);
    let form = person_form(title, &draft, today, theme);
    let record = PersonRecord {
        id: Some(person.id),
        homonym_confirmed: false,
        today,
        opened_with: draft.commune,
    };
    Editor::open(form, record, person.version)
}

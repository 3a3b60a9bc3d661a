//! The forms of the Collectifs tab on the shared editor: a collective (add or edit, its commune
//! typed with suggestions from the communes of France), and its follow-up (questionnaire,
//! phone interview, last contact).

use chrono::NaiveDate;

use crate::catalogue::collectives as cm;
use crate::catalogue::collectives_tab as ct;
use crate::model::collective::fields;
use crate::model::{
    Collective, CollectiveDraft, CollectiveKind, CollectiveStatus, FieldError, FollowUp,
    format_date, parse_date,
};
use crate::store::Store;
use crate::tui::tabs::commune_field::text as commune_text;
use crate::tui::theme::Theme;
use crate::tui::widgets::editor::{Current, Editor, Record, Refusal, SaveError, Saved, Words};
use crate::tui::widgets::form::{FieldKind, Form};

const NAME: &str = fields::NAME.code;
const KIND: &str = fields::KIND.code;
const COMMUNE: &str = fields::COMMUNE.code;
const STATUS: &str = fields::STATUS.code;
const CONTACT: &str = fields::CONTACT.code;
const EMAIL: &str = fields::EMAIL.code;
const PHONE: &str = fields::PHONE.code;
const ON_MAP: &str = "on_map";
const WEBSITE: &str = fields::WEBSITE.code;
const NOTES: &str = fields::NOTES.code;
const QUESTIONNAIRE: &str = fields::QUESTIONNAIRE.code;
const INTERVIEW_ON: &str = fields::INTERVIEW_ON.code;
const INTERVIEW_BY: &str = fields::INTERVIEW_BY.code;
const INTERVIEW_NOTES: &str = fields::INTERVIEW_NOTES.code;
const LAST_CONTACT: &str = fields::LAST_CONTACT.code;

/// An editor of the Collectifs tab; after a save, the collective to select.
pub type CollectiveEditor = Editor<i64>;

static WORDS: Words = Words {
    conflict_title: ct::CONFLICT_TITLE,
    conflict: ct::CONFLICT,
    gone: ct::GONE,
    gone_elsewhere: crate::catalogue::circles_tab::gone_elsewhere,
    recreate: crate::catalogue::circles_tab::gone_recreate,
    changed_elsewhere: ct::CHANGED_ELSEWHERE,
    changed_meanwhile: crate::catalogue::circles_tab::changed_meanwhile,
};

fn shown_date(date: Option<NaiveDate>) -> String {
    date.map(format_date).unwrap_or_default()
}

fn yes_no(on: bool) -> String {
    if on { cm::YES } else { cm::NO }.to_owned()
}

fn draft_values(d: &CollectiveDraft) -> Vec<(&'static str, String)> {
    vec![
        (NAME, d.name.clone()),
        (KIND, d.kind.label().to_owned()),
        (COMMUNE, d.commune.clone()),
        (STATUS, d.status.label().to_owned()),
        (CONTACT, d.contact.clone()),
        (EMAIL, d.email.clone()),
        (PHONE, d.phone.clone()),
        (ON_MAP, yes_no(d.on_map)),
        (WEBSITE, d.website.clone()),
        (NOTES, d.notes.clone()),
    ]
}

fn collective_form(title: String, d: &CollectiveDraft, today: NaiveDate, theme: Theme) -> Form {
    let kinds = CollectiveKind::ALL
        .iter()
        .map(|k| k.label().to_owned())
        .collect();
    let statuses = CollectiveStatus::ALL
        .iter()
        .map(|s| s.label().to_owned())
        .collect();
    let v = draft_values(d);
    Form::new(title, today, theme)
        .field(NAME, cm::FIELD_NAME, FieldKind::Line, true, &v[0].1)
        .field(
            KIND,
            cm::FIELD_KIND,
            FieldKind::Choice(kinds),
            true,
            &v[1].1,
        )
        .field(
            COMMUNE,
            cm::FIELD_COMMUNE,
            crate::tui::tabs::commune_field::kind(),
            true,
            &v[2].1,
        )
        .field(
            STATUS,
            cm::FIELD_STATUS,
            FieldKind::Choice(statuses),
            true,
            &v[3].1,
        )
        .field(CONTACT, cm::FIELD_CONTACT, FieldKind::Line, false, &v[4].1)
        .field(EMAIL, cm::FIELD_EMAIL, FieldKind::Line, false, &v[5].1)
        .field(PHONE, cm::FIELD_PHONE, FieldKind::Line, false, &v[6].1)
        .field(
            ON_MAP,
            cm::FIELD_ON_MAP,
            FieldKind::Choice(vec![cm::YES.to_owned(), cm::NO.to_owned()]),
            true,
            &v[7].1,
        )
        .field(WEBSITE, cm::FIELD_WEBSITE, FieldKind::Line, false, &v[8].1)
        .field(
            NOTES,
            cm::FIELD_NOTES,
            FieldKind::Multi { rows: 3 },
            false,
            &v[9].1,
        )
}

/// The model's refusal under its field, and in the status bar with the field's name.
fn refusal(e: FieldError) -> Refusal {
    Refusal {
        key: e.field,
        under: e.message.clone(),
        status: e.to_string(),
    }
}

/// A collective: a new one (`id` none) or one already there.
struct CollectiveRecord {
    id: Option<i64>,
}

impl CollectiveRecord {
    fn draft(form: &Form) -> CollectiveDraft {
        let kind = form.value(KIND);
        let status = form.value(STATUS);
        CollectiveDraft {
            name: form.value(NAME),
            kind: CollectiveKind::ALL
                .into_iter()
                .find(|k| k.label() == kind)
                .unwrap_or(CollectiveKind::Autre),
            commune: form.value(COMMUNE),
            status: CollectiveStatus::ALL
                .into_iter()
                .find(|s| s.label() == status)
                .unwrap_or(CollectiveStatus::EnReflexion),
            contact: form.value(CONTACT),
            email: form.value(EMAIL),
            phone: form.value(PHONE),
            on_map: form.value(ON_MAP) == cm::YES,
            website: form.value(WEBSITE),
            notes: form.value(NOTES),
        }
    }
}

impl Record for CollectiveRecord {
    type Then = i64;

    fn save(&mut self, store: &mut Store, form: &Form, base: i64) -> Result<Saved<i64>, SaveError> {
        let draft = Self::draft(form);
        let c = match self.id {
            None => store.add_collective(&draft)?,
            Some(id) => store.update_collective(id, base, &draft)?,
        };
        let message = match self.id {
            None => ct::added(&c.name),
            Some(_) => ct::saved(&c.name),
        };
        Ok(Saved::new(message, c.id))
    }

    fn current(&self, store: &Store) -> Current {
        let Some(id) = self.id else {
            return Current::New;
        };
        match store.collective(id) {
            Ok(Some(c)) => {
                let mut d = c.draft();
                d.commune = commune_text(&c.commune);
                Current::Stored(draft_values(&d), c.version)
            }
            _ => Current::Gone,
        }
    }

    fn words(&self) -> &'static Words {
        &WORDS
    }

    /// Every field the model refuses, and a commune that resolves to none or to several.
    fn check(&self, form: &Form) -> Vec<Refusal> {
        let mut draft = Self::draft(form);
        let mut out = Vec::new();
        match crate::store::collectives::commune_code(&draft.commune) {
            Ok(code) => draft.commune = code,
            Err(e) if !draft.commune.trim().is_empty() => {
                out.push(refusal(e));
                draft.commune = "00000".into();
            }
            Err(_) => {}
        }
        out.extend(draft.errors().into_iter().map(refusal));
        out
    }

    fn saves_unchanged(&self) -> bool {
        self.id.is_none()
    }

    fn as_new(&mut self) -> bool {
        self.id = None;
        true
    }
}

/// An empty form for a new collective.
pub fn add(today: NaiveDate, theme: Theme) -> CollectiveEditor {
    let draft = CollectiveDraft {
        name: String::new(),
        kind: CollectiveKind::ListeCitoyenne,
        commune: String::new(),
        status: CollectiveStatus::EnReflexion,
        contact: String::new(),
        email: String::new(),
        phone: String::new(),
        on_map: true,
        website: String::new(),
        notes: String::new(),
    };
    let form = collective_form(ct::FORM_ADD.to_owned(), &draft, today, theme);
    Editor::open(form, CollectiveRecord { id: None }, 0).with_hint(ct::COMMUNE_HINT)
}

/// The form filled from `c`.
pub fn edit(c: &Collective, today: NaiveDate, theme: Theme) -> CollectiveEditor {
    let mut draft = c.draft();
    draft.commune = commune_text(&c.commune);
    let form = collective_form(ct::form_edit(&c.name), &draft, today, theme);
    Editor::open(form, CollectiveRecord { id: Some(c.id) }, c.version)
}

/// The form's values: a new interview (blank: the last one is in the detail), the
/// questionnaire and the last contact as they are.
fn follow_up_values(f: &FollowUp) -> Vec<(&'static str, String)> {
    vec![
        (INTERVIEW_ON, String::new()),
        (INTERVIEW_BY, String::new()),
        (INTERVIEW_NOTES, String::new()),
        (QUESTIONNAIRE, shown_date(f.questionnaire_on)),
        (LAST_CONTACT, shown_date(f.last_contact_on)),
    ]
}

/// The follow-up of one collective: a new interview when its date is given (it replaces the
/// last one and counts as a contact), else the last interview kept as it was.
struct FollowUpRecord {
    id: i64,
    today: NaiveDate,
    /// The follow-up as it was when the form opened (its last interview is kept).
    before: FollowUp,
}

impl FollowUpRecord {
    fn follow_up(&self, form: &Form) -> FollowUp {
        let date = |key| parse_date(&form.value(key), self.today).ok();
        let mut f = FollowUp {
            questionnaire_on: date(QUESTIONNAIRE),
            interview_on: date(INTERVIEW_ON),
            interview_by: form.value(INTERVIEW_BY),
            interview_notes: form.value(INTERVIEW_NOTES),
            last_contact_on: date(LAST_CONTACT),
        };
        if f.interview_on.is_none() && f.interview_by.trim().is_empty() {
            f.interview_on = self.before.interview_on;
            f.interview_by = self.before.interview_by.clone();
            if f.interview_notes.trim().is_empty() {
                f.interview_notes = self.before.interview_notes.clone();
            }
        }
        f
    }
}

impl Record for FollowUpRecord {
    type Then = i64;

    fn save(&mut self, store: &mut Store, form: &Form, base: i64) -> Result<Saved<i64>, SaveError> {
        let mut f = self.follow_up(form);
        // An interview is a contact: the last contact is at least its day.
        f.last_contact_on = f.last_contact_on.max(f.interview_on);
        let c = store.save_follow_up(self.id, base, &f)?;
        Ok(Saved::new(ct::follow_up_saved(&c.name), c.id))
    }

    fn current(&self, store: &Store) -> Current {
        match store.collective(self.id) {
            Ok(Some(c)) => Current::Stored(follow_up_values(&c.follow_up), c.version),
            _ => Current::Gone,
        }
    }

    fn words(&self) -> &'static Words {
        &WORDS
    }

    fn check(&self, form: &Form) -> Vec<Refusal> {
        match self.follow_up(form).validated(self.today) {
            Ok(_) => Vec::new(),
            Err(e) => vec![refusal(e)],
        }
    }
}

/// The follow-up form of `c`: a new interview, the questionnaire, the last contact.
pub fn follow_up(c: &Collective, today: NaiveDate, theme: Theme) -> CollectiveEditor {
    let v = follow_up_values(&c.follow_up);
    let form = Form::new(ct::form_follow_up(&c.name), today, theme)
        .field(
            INTERVIEW_ON,
            cm::FIELD_INTERVIEW_ON,
            FieldKind::PastDate,
            false,
            &v[0].1,
        )
        .field(
            INTERVIEW_BY,
            cm::FIELD_INTERVIEW_BY,
            FieldKind::Line,
            false,
            &v[1].1,
        )
        .field(
            INTERVIEW_NOTES,
            cm::FIELD_INTERVIEW_NOTES,
            FieldKind::Multi { rows: 4 },
            false,
            &v[2].1,
        )
        .field(
            QUESTIONNAIRE,
            cm::FIELD_QUESTIONNAIRE,
            FieldKind::PastDate,
            false,
            &v[3].1,
        )
        .field(
            LAST_CONTACT,
            cm::FIELD_LAST_CONTACT,
            FieldKind::PastDate,
            false,
            &v[4].1,
        );
    let record = FollowUpRecord {
        id: c.id,
        today,
        before: c.follow_up.clone(),
    };
    Editor::open(form, record, c.version).with_hint(ct::FOLLOW_UP_HINT)
}

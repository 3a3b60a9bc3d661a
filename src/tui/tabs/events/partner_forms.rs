//! The Rencontres tab's other forms on the shared editor: a partner organisation (its two
//! co-garant·es picked by typing among the people), a workshop of an event, and a partner
//! associated with an event (as co-organiser or speaker).

use std::rc::Rc;

use chrono::NaiveDate;

use super::forms::{EventsEditor, WORDS, by_label, labels};
use super::question::Then;
use super::task_form::{Owners, owner_label};
use crate::catalogue::events_tab as et;
use crate::model::partner::fields as pf;
use crate::model::workshop::fields as wf;
use crate::model::{Partner, PartnerDraft, PartnerKind, PartnerRole, Workshop, WorkshopDraft};
use crate::store::Store;
use crate::tui::theme::Theme;
use crate::tui::widgets::editor::{Current, Editor, Record, Refusal, SaveError, Saved, Words};
use crate::tui::widgets::form::{FieldKind, Form};

const NAME: &str = pf::NAME.code;
const KIND: &str = pf::KIND.code;
const GARANT_EMPLOYEE: &str = pf::GARANT_EMPLOYEE.code;
const GARANT_COREF: &str = pf::GARANT_COREF.code;
const CONTACT: &str = pf::CONTACT.code;
const NOTES: &str = pf::NOTES.code;

const TITLE: &str = wf::TITLE.code;
const SLOT: &str = wf::SLOT.code;
const ROOM: &str = wf::ROOM.code;
const FACILITATORS: &str = wf::FACILITATORS.code;

const PARTNER: &str = "partner";
const ROLE: &str = "role";

// --- partners -----------------------------------------------------------------------------------

fn partner_values(d: &PartnerDraft, people: &Owners) -> Vec<(&'static str, String)> {
    vec![
        (NAME, d.name.clone()),
        (KIND, d.kind.label().to_owned()),
        (GARANT_EMPLOYEE, owner_label(people, d.garant_employee)),
        (GARANT_COREF, owner_label(people, d.garant_coref)),
        (CONTACT, d.contact.clone()),
        (NOTES, d.notes.clone()),
    ]
}

struct PartnerRecord {
    id: Option<i64>,
    people: Owners,
}

impl PartnerRecord {
    fn draft(&self, form: &Form) -> PartnerDraft {
        let person = |key| {
            let text = form.value(key);
            self.people
                .iter()
                .find(|(l, _)| *l == text)
                .and_then(|(_, id)| *id)
        };
        PartnerDraft {
            garant_employee: person(GARANT_EMPLOYEE),
            garant_coref: person(GARANT_COREF),
            contact: form.value(CONTACT),
            notes: form.value(NOTES),
            ..PartnerDraft::new(
                &form.value(NAME),
                by_label(&PartnerKind::ALL, PartnerKind::label, &form.value(KIND))
                    .unwrap_or(PartnerKind::Autre),
            )
        }
    }
}

impl Record for PartnerRecord {
    type Then = Then;

    fn save(
        &mut self,
        store: &mut Store,
        form: &Form,
        base: i64,
    ) -> Result<Saved<Then>, SaveError> {
        let d = self.draft(form);
        let p = match self.id {
            None => store.add_partner(&d)?,
            Some(id) => store.update_partner(id, base, &d)?,
        };
        Ok(Saved::new(et::partner_saved(&p.name), Then::Partner(p.id)))
    }

    fn current(&self, store: &Store) -> Current {
        let Some(id) = self.id else {
            return Current::New;
        };
        match store.partner(id) {
            Ok(Some(p)) => Current::Stored(partner_values(&p.draft(), &self.people), p.version),
            _ => Current::Gone,
        }
    }

    fn words(&self) -> &'static Words {
        &WORDS
    }

    fn check(&self, form: &Form) -> Vec<Refusal> {
        self.draft(form)
            .validate()
            .into_iter()
            .map(Refusal::from)
            .collect()
    }

    fn saves_unchanged(&self) -> bool {
        self.id.is_none()
    }

    fn as_new(&mut self) -> bool {
        self.id = None;
        true
    }
}

/// The partner form: a new partner (`p` none) or `p` edited.
pub fn partner(
    p: Option<&Partner>,
    people: Owners,
    today: NaiveDate,
    theme: Theme,
) -> EventsEditor {
    let draft = p.map_or_else(
        || PartnerDraft::new("", PartnerKind::CoOrganisation),
        Partner::draft,
    );
    let v = partner_values(&draft, &people);
    let names: Vec<String> = people.iter().map(|(l, _)| l.clone()).collect();
    let title = p.map_or_else(
        || et::FORM_ADD_PARTNER.to_owned(),
        |p| et::form_partner(&p.name),
    );
    let form = Form::new(title, today, theme)
        .field(NAME, pf::NAME.label, FieldKind::Line, true, &v[0].1)
        .field(
            KIND,
            pf::KIND.label,
            FieldKind::Choice(labels(&PartnerKind::ALL, PartnerKind::label)),
            true,
            &v[1].1,
        )
        .field(
            GARANT_EMPLOYEE,
            pf::GARANT_EMPLOYEE.label,
            FieldKind::Pick(names.clone()),
            true,
            &v[2].1,
        )
        .field(
            GARANT_COREF,
            pf::GARANT_COREF.label,
            FieldKind::Pick(names),
            true,
            &v[3].1,
        )
        .field(CONTACT, pf::CONTACT.label, FieldKind::Line, false, &v[4].1)
        .field(
            NOTES,
            pf::NOTES.label,
            FieldKind::Multi { rows: 3 },
            false,
            &v[5].1,
        );
    let record = PartnerRecord {
        id: p.map(|p| p.id),
        people,
    };
    Editor::open(form, record, p.map_or(0, |p| p.version)).with_hint(et::PARTNER_HINT)
}

// --- workshops ----------------------------------------------------------------------------------

fn workshop_values(d: &WorkshopDraft) -> Vec<(&'static str, String)> {
    vec![
        (TITLE, d.title.clone()),
        (SLOT, d.slot.clone()),
        (ROOM, d.room.clone()),
        (FACILITATORS, d.facilitators.clone()),
    ]
}

struct WorkshopRecord {
    id: Option<i64>,
    event_id: i64,
}

fn workshop_draft(form: &Form) -> WorkshopDraft {
    WorkshopDraft {
        slot: form.value(SLOT),
        room: form.value(ROOM),
        facilitators: form.value(FACILITATORS),
        ..WorkshopDraft::new(&form.value(TITLE))
    }
}

impl Record for WorkshopRecord {
    type Then = Then;

    fn save(
        &mut self,
        store: &mut Store,
        form: &Form,
        base: i64,
    ) -> Result<Saved<Then>, SaveError> {
        let d = workshop_draft(form);
        let w = match self.id {
            None => store.add_workshop(self.event_id, &d)?,
            Some(id) => store.update_workshop(id, base, &d)?,
        };
        Ok(Saved::new(
            et::workshop_saved(&w.title),
            Then::Workshop {
                event: w.event_id,
                workshop: w.id,
            },
        ))
    }

    fn current(&self, store: &Store) -> Current {
        let Some(id) = self.id else {
            return Current::New;
        };
        let found = store
            .workshops(self.event_id)
            .ok()
            .and_then(|all| all.into_iter().find(|w| w.id == id));
        match found {
            Some(w) => Current::Stored(workshop_values(&w.draft()), w.version),
            None => Current::Gone,
        }
    }

    fn words(&self) -> &'static Words {
        &WORDS
    }

    fn check(&self, form: &Form) -> Vec<Refusal> {
        workshop_draft(form)
            .validate()
            .into_iter()
            .map(Refusal::from)
            .collect()
    }

    fn saves_unchanged(&self) -> bool {
        self.id.is_none()
    }

    fn as_new(&mut self) -> bool {
        self.id = None;
        true
    }
}

/// The workshop form of the event `event_id`: a new workshop (`w` none) or `w` edited.
pub fn workshop(
    event_id: i64,
    w: Option<&Workshop>,
    today: NaiveDate,
    theme: Theme,
) -> EventsEditor {
    let draft = w.map_or_else(|| WorkshopDraft::new(""), Workshop::draft);
    let v = workshop_values(&draft);
    let title = w.map_or_else(
        || et::FORM_ADD_WORKSHOP.to_owned(),
        |w| et::form_workshop(&w.title),
    );
    let form = Form::new(title, today, theme)
        .field(TITLE, wf::TITLE.label, FieldKind::Line, true, &v[0].1)
        .field(SLOT, wf::SLOT.label, FieldKind::Line, false, &v[1].1)
        .field(ROOM, wf::ROOM.label, FieldKind::Line, false, &v[2].1)
        .field(
            FACILITATORS,
            wf::FACILITATORS.label,
            FieldKind::Multi { rows: 2 },
            false,
            &v[3].1,
        );
    let record = WorkshopRecord {
        id: w.map(|w| w.id),
        event_id,
    };
    Editor::open(form, record, w.map_or(0, |w| w.version)).with_hint(et::WORKSHOP_HINT)
}

// --- a partner of an event ----------------------------------------------------------------------

/// The partners to choose from, by name (unique: a name shared gets its number).
pub type PartnerChoices = Rc<Vec<(String, i64)>>;

pub fn partner_choices(all: &[Partner]) -> PartnerChoices {
    let mut out: Vec<(String, i64)> = Vec::with_capacity(all.len());
    for p in all {
        let label = if out.iter().any(|(l, _)| *l == p.name) {
            format!("{} n°{}", p.name, p.id)
        } else {
            p.name.clone()
        };
        out.push((label, p.id));
    }
    Rc::new(out)
}

struct LinkRecord {
    event_id: i64,
    choices: PartnerChoices,
}

impl Record for LinkRecord {
    type Then = Then;

    fn save(
        &mut self,
        store: &mut Store,
        form: &Form,
        _base: i64,
    ) -> Result<Saved<Then>, SaveError> {
        let text = form.value(PARTNER);
        let Some(&(_, partner)) = self.choices.iter().find(|(l, _)| *l == text) else {
            return Err(Refusal::at(PARTNER, et::PICK_A_PARTNER).into());
        };
        let role = by_label(&PartnerRole::ALL, PartnerRole::label, &form.value(ROLE))
            .unwrap_or(PartnerRole::CoOrganisateur);
        let link = store.link_partner(self.event_id, partner, role)?;
        Ok(Saved::new(
            et::linked(&text, role.label()),
            Then::Link {
                event: self.event_id,
                link: link.id,
            },
        ))
    }

    fn current(&self, _store: &Store) -> Current {
        Current::New
    }

    fn words(&self) -> &'static Words {
        &WORDS
    }

    fn saves_unchanged(&self) -> bool {
        true
    }

    fn main_field(&self, _form: &Form) -> Option<&'static str> {
        Some(PARTNER)
    }
}

/// Associate one of `choices` with the event `event_id`, as co-organiser or speaker.
pub fn link(
    event_id: i64,
    choices: PartnerChoices,
    today: NaiveDate,
    theme: Theme,
) -> EventsEditor {
    let names: Vec<String> = choices.iter().map(|(l, _)| l.clone()).collect();
    let first = names.first().cloned().unwrap_or_default();
    let form = Form::new(et::FORM_LINK.to_owned(), today, theme)
        .field(
            PARTNER,
            et::FIELD_PARTNER,
            FieldKind::Pick(names),
            true,
            &first,
        )
        .field(
            ROLE,
            et::FIELD_ROLE,
            FieldKind::Choice(labels(&PartnerRole::ALL, PartnerRole::label)),
            true,
            PartnerRole::CoOrganisateur.label(),
        );
    Editor::open(form, LinkRecord { event_id, choices }, 0).with_hint(et::LINK_HINT)
}

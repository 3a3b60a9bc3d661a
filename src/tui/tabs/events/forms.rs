//! The event form of the Rencontres tab on the shared editor: its dates a day or a month, its
//! commune typed with suggestions, its figures. Moving an event's date asks whether its open
//! tasks move with it. The words and helpers the tab's other forms share are here too.

use chrono::{Datelike, NaiveDate};

use super::question::{EventsQuestion, Then};
use crate::catalogue::events as em;
use crate::catalogue::events_tab as et;
use crate::model::event::fields;
use crate::model::{Event, EventDraft, EventKind, EventStatus, Figures, When};
use crate::store::Store;
use crate::tui::tabs::commune_field::text as commune_text;
use crate::tui::theme::Theme;
use crate::tui::widgets::confirm::Confirm;
use crate::tui::widgets::editor::{Current, Editor, Record, Refusal, SaveError, Saved, Words};
use crate::tui::widgets::form::{FieldKind, Form};

const TITLE: &str = fields::TITLE.code;
const KIND: &str = fields::KIND.code;
const START: &str = fields::START.code;
const END: &str = fields::END.code;
const YEAR: &str = fields::YEAR.code;
const HOURS: &str = fields::HOURS.code;
const PLACE: &str = fields::PLACE.code;
const COMMUNE: &str = fields::COMMUNE.code;
const STATUS: &str = fields::STATUS.code;
const CO_ORGANISERS: &str = fields::CO_ORGANISERS.code;
const PARTNERS: &str = fields::PARTNERS.code;
const DESCRIPTION: &str = fields::DESCRIPTION.code;

/// An editor of the Rencontres tab; after a save, what to select.
pub type EventsEditor = Editor<Then>;

pub(super) static WORDS: Words = Words {
    conflict_title: et::CONFLICT_TITLE,
    conflict: et::CONFLICT,
    gone: et::GONE,
    gone_elsewhere: crate::catalogue::circles_tab::gone_elsewhere,
    recreate: crate::catalogue::circles_tab::gone_recreate,
    changed_elsewhere: et::CHANGED_ELSEWHERE,
    changed_meanwhile: crate::catalogue::circles_tab::changed_meanwhile,
};

fn when_text(w: Option<When>) -> String {
    w.map(|w| w.to_string()).unwrap_or_default()
}

fn figure_text(n: Option<u32>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

pub(super) fn labels<T: Copy>(all: &[T], label: fn(T) -> &'static str) -> Vec<String> {
    all.iter().map(|x| label(*x).to_owned()).collect()
}

pub(super) fn by_label<T: Copy>(all: &[T], label: fn(T) -> &'static str, text: &str) -> Option<T> {
    all.iter().copied().find(|x| label(*x) == text)
}

// --- events -------------------------------------------------------------------------------------

fn event_values(e: &EventDraft, commune: String) -> Vec<(&'static str, String)> {
    let mut v = vec![
        (TITLE, e.title.clone()),
        (KIND, e.kind.label().to_owned()),
        (START, when_text(e.start)),
        (END, when_text(e.end)),
        (YEAR, e.year.to_string()),
        (HOURS, e.hours.clone()),
        (PLACE, e.place.clone()),
        (COMMUNE, commune),
        (STATUS, e.status.label().to_owned()),
        (CO_ORGANISERS, e.co_organisers.clone()),
        (PARTNERS, e.partners.clone()),
        (DESCRIPTION, e.description.clone()),
    ];
    for (name, n) in e.figures.each() {
        v.push((name.code, figure_text(n)));
    }
    v
}

fn event_form(
    title: String,
    d: &EventDraft,
    commune: String,
    today: NaiveDate,
    theme: Theme,
) -> Form {
    let v = event_values(d, commune);
    let value = |key: &str| {
        v.iter()
            .find(|(k, _)| *k == key)
            .map(|(_, s)| s.as_str())
            .unwrap_or("")
    };
    let mut form = Form::new(title, today, theme)
        .field(TITLE, em::FIELD_TITLE, FieldKind::Line, true, value(TITLE))
        .field(
            KIND,
            em::FIELD_KIND,
            FieldKind::Choice(labels(&EventKind::ALL, EventKind::label)),
            true,
            value(KIND),
        )
        .field(
            START,
            em::FIELD_START,
            FieldKind::DayOrMonth,
            false,
            value(START),
        )
        .field(END, em::FIELD_END, FieldKind::DayOrMonth, false, value(END))
        .field(
            YEAR,
            et::FIELD_YEAR_HINT,
            FieldKind::Line,
            false,
            value(YEAR),
        )
        .field(HOURS, em::FIELD_HOURS, FieldKind::Line, false, value(HOURS))
        .field(PLACE, em::FIELD_PLACE, FieldKind::Line, false, value(PLACE))
        .field(
            COMMUNE,
            em::FIELD_COMMUNE,
            crate::tui::tabs::commune_field::kind(),
            false,
            value(COMMUNE),
        )
        .field(
            STATUS,
            em::FIELD_STATUS,
            FieldKind::Choice(labels(&EventStatus::ALL, EventStatus::label)),
            true,
            value(STATUS),
        )
        .field(
            CO_ORGANISERS,
            em::FIELD_CO_ORGANISERS,
            FieldKind::Line,
            false,
            value(CO_ORGANISERS),
        )
        .field(
            PARTNERS,
            em::FIELD_PARTNERS,
            FieldKind::Line,
            false,
            value(PARTNERS),
        )
        .field(
            DESCRIPTION,
            em::FIELD_DESCRIPTION,
            FieldKind::Multi { rows: 3 },
            false,
            value(DESCRIPTION),
        );
    for (name, _) in Figures::default().each() {
        form = form.field(
            name.code,
            name.label,
            FieldKind::Line,
            false,
            value(name.code),
        );
    }
    form
}

/// The draft the form holds, and what cannot be read from it (a year or a figure that is not
/// a number). A dated event belongs to the year of its start; the year field is for an
/// undated one.
fn read_event(form: &Form, today: NaiveDate) -> (EventDraft, Vec<Refusal>) {
    let mut refused = Vec::new();
    let when = |key| When::parse(form.value(key).trim(), today).ok();
    let start = when(START);
    let year_text = form.value(YEAR);
    let year = match start {
        Some(s) => s.year(),
        None if year_text.trim().is_empty() => today.year(),
        None => match year_text.trim().parse::<i32>() {
            Ok(y) => y,
            Err(_) => {
                refused.push(Refusal::at(YEAR, et::YEAR_NOT_A_NUMBER));
                today.year()
            }
        },
    };
    let kind = by_label(&EventKind::ALL, EventKind::label, &form.value(KIND))
        .unwrap_or(EventKind::RencontreLocale);
    let status = by_label(&EventStatus::ALL, EventStatus::label, &form.value(STATUS))
        .unwrap_or(EventStatus::Prevue);
    let mut figures = Figures::default();
    let mut figure = |key: &'static str| -> Option<u32> {
        let text = form.value(key);
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        match text.replace([' ', '\u{a0}', '\u{202f}'], "").parse::<u32>() {
            Ok(n) => Some(n),
            Err(_) => {
                refused.push(Refusal::at(key, et::FIGURE_NOT_A_NUMBER));
                None
            }
        }
    };
    figures.participants = figure(fields::PARTICIPANTS.code);
    figures.membres_collectifs = figure(fields::MEMBRES_COLLECTIFS.code);
    figures.elu_es = figure(fields::ELU_ES.code);
    figures.benevoles = figure(fields::BENEVOLES.code);
    figures.ateliers = figure(fields::ATELIERS.code);
    figures.personnes_ressources = figure(fields::PERSONNES_RESSOURCES.code);
    let draft = EventDraft {
        start,
        end: when(END),
        hours: form.value(HOURS),
        place: form.value(PLACE),
        commune: form.value(COMMUNE),
        co_organisers: form.value(CO_ORGANISERS),
        partners: form.value(PARTNERS),
        description: form.value(DESCRIPTION),
        status,
        figures,
        ..EventDraft::new(&form.value(TITLE), kind, year)
    };
    (draft, refused)
}

/// An event: a new one (`id` none) or one already there, with what moving it would move.
struct EventRecord {
    id: Option<i64>,
    today: NaiveDate,
    /// Its start when the form opened, and how many of its tasks are open with a due date.
    before: Option<When>,
    open_tasks: usize,
    /// The answer to "move the open tasks too?", for the save that follows it.
    replan: Option<bool>,
}

impl Record for EventRecord {
    type Then = Then;

    fn save(
        &mut self,
        store: &mut Store,
        form: &Form,
        base: i64,
    ) -> Result<Saved<Then>, SaveError> {
        let (draft, _) = read_event(form, self.today);
        let Some(id) = self.id else {
            let e = store.add_event(&draft)?;
            return Ok(Saved::new(et::added(&e.title), Then::Event(e.id)));
        };
        let days = match (self.before, draft.start) {
            (Some(a), Some(b)) if a != b => (b.start() - a.start()).num_days(),
            _ => 0,
        };
        let replan = match self.replan.take() {
            Some(answer) => answer,
            None if days != 0 && self.open_tasks > 0 => {
                return Err(SaveError::Ask(Confirm::ask_yes_or_no(
                    et::replan_question(self.open_tasks, days),
                    EventsQuestion::Replan,
                )));
            }
            None => false,
        };
        let moved = store.update_event(id, base, &draft, replan)?;
        Ok(Saved::new(
            et::moved(&moved.event.title, moved.replanned),
            Then::Event(moved.event.id),
        ))
    }

    fn current(&self, store: &Store) -> Current {
        let Some(id) = self.id else {
            return Current::New;
        };
        match store.event(id) {
            Ok(Some(e)) => {
                let commune = commune_text(e.commune.as_deref().unwrap_or(""));
                Current::Stored(event_values(&e.draft(), commune), e.version)
            }
            _ => Current::Gone,
        }
    }

    fn words(&self) -> &'static Words {
        &WORDS
    }

    fn check(&self, form: &Form) -> Vec<Refusal> {
        let (mut draft, mut out) = read_event(form, self.today);
        if !draft.commune.trim().is_empty() {
            match crate::store::collectives::commune_code(&draft.commune) {
                Ok(code) => draft.commune = code,
                Err(e) => {
                    out.push(Refusal::from(crate::model::FieldError {
                        field: COMMUNE,
                        label: fields::COMMUNE.label,
                        message: e.message,
                    }));
                    draft.commune.clear();
                }
            }
        }
        out.extend(draft.validate().into_iter().map(Refusal::from));
        out
    }

    fn saves_unchanged(&self) -> bool {
        self.id.is_none()
    }

    fn as_new(&mut self) -> bool {
        self.id = None;
        true
    }

    fn confirmed(&mut self) {
        self.replan = Some(true);
    }

    fn declined(&mut self) -> bool {
        self.replan = Some(false);
        true
    }
}

/// An empty form for a new event, in the year of today.
pub fn add_event(today: NaiveDate, theme: Theme) -> EventsEditor {
    let draft = EventDraft::new("", EventKind::RencontreLocale, today.year());
    let form = event_form(et::FORM_ADD.to_owned(), &draft, String::new(), today, theme);
    let record = EventRecord {
        id: None,
        today,
        before: None,
        open_tasks: 0,
        replan: None,
    };
    Editor::open(form, record, 0).with_hint(et::EVENT_HINT)
}

/// The form filled from `e`, whose open tasks with a due date number `open_tasks`.
pub fn edit_event(e: &Event, open_tasks: usize, today: NaiveDate, theme: Theme) -> EventsEditor {
    let commune = commune_text(e.commune.as_deref().unwrap_or(""));
    let form = event_form(et::form_edit(&e.title), &e.draft(), commune, today, theme);
    let record = EventRecord {
        id: Some(e.id),
        today,
        before: e.start,
        open_tasks,
        replan: None,
    };
    Editor::open(form, record, e.version).with_hint(et::EVENT_HINT)
}

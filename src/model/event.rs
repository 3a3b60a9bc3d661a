//! Rencontres (events) of the network and the tasks of their checklists: kinds, statuses,
//! attendance figures, validation, the listing order, overdue tasks and progress.

use std::cmp::Ordering;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::field::{Errors, FieldError, all_errors, first_error, line_field, text_field};
use super::when::When;
use crate::catalogue::events as msg;
use crate::text::limits;

/// The fields an event or a task refusal can name; a form keys its fields with their codes.
pub mod fields {
    use crate::catalogue::events as msg;
    use crate::model::field::FieldName;

    pub const TITLE: FieldName = FieldName::new("title", msg::FIELD_TITLE);
    pub const KIND: FieldName = FieldName::new("kind", msg::FIELD_KIND);
    pub const YEAR: FieldName = FieldName::new("year", msg::FIELD_YEAR);
    pub const START: FieldName = FieldName::new("start", msg::FIELD_START);
    pub const END: FieldName = FieldName::new("end", msg::FIELD_END);
    pub const HOURS: FieldName = FieldName::new("hours", msg::FIELD_HOURS);
    pub const PLACE: FieldName = FieldName::new("place", msg::FIELD_PLACE);
    pub const COMMUNE: FieldName = FieldName::new("commune", msg::FIELD_COMMUNE);
    pub const CO_ORGANISERS: FieldName = FieldName::new("co_organisers", msg::FIELD_CO_ORGANISERS);
    pub const PARTNERS: FieldName = FieldName::new("partners", msg::FIELD_PARTNERS);
    pub const DESCRIPTION: FieldName = FieldName::new("description", msg::FIELD_DESCRIPTION);
    pub const STATUS: FieldName = FieldName::new("status", msg::FIELD_STATUS);
    pub const PARTICIPANTS: FieldName = FieldName::new("participants", msg::FIELD_PARTICIPANTS);
    pub const MEMBRES_COLLECTIFS: FieldName =
        FieldName::new("membres_collectifs", msg::FIELD_MEMBRES_COLLECTIFS);
    pub const ELU_ES: FieldName = FieldName::new("elu_es", msg::FIELD_ELU_ES);
    pub const BENEVOLES: FieldName = FieldName::new("benevoles", msg::FIELD_BENEVOLES);
    pub const ATELIERS: FieldName = FieldName::new("ateliers", msg::FIELD_ATELIERS);
    pub const PERSONNES_RESSOURCES: FieldName =
        FieldName::new("personnes_ressources", msg::FIELD_PERSONNES_RESSOURCES);

    pub const TASK_TITLE: FieldName = FieldName::new("title", msg::FIELD_TASK_TITLE);
    pub const OWNER: FieldName = FieldName::new("owner", msg::FIELD_OWNER);
    pub const DUE: FieldName = FieldName::new("due", msg::FIELD_DUE);
    pub const TASK_STATUS: FieldName = FieldName::new("status", msg::FIELD_TASK_STATUS);
    pub const DONE: FieldName = FieldName::new("done", msg::FIELD_DONE);
    pub const NOTES: FieldName = FieldName::new("notes", msg::FIELD_NOTES);
    pub const CIRCLE: FieldName = FieldName::new("circle", msg::FIELD_CIRCLE);
}

/// The largest attendance figure accepted (a typing slip, not a real gathering, beyond).
pub const MAX_FIGURE: u32 = 100_000;
/// The years an event may belong to.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// What kind of rencontre it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    RencontreNationale,
    RencontreLocale,
    VisioMa,
    Seminaire,
    Ag,
    CercleGeneral,
}

impl EventKind {
    pub const ALL: [EventKind; 6] = [
        EventKind::RencontreNationale,
        EventKind::RencontreLocale,
        EventKind::VisioMa,
        EventKind::Seminaire,
        EventKind::Ag,
        EventKind::CercleGeneral,
    ];

    /// The stable code (database, JSON, checklist templates' `kind`).
    pub fn code(self) -> &'static str {
        match self {
            EventKind::RencontreNationale => "rencontre_nationale",
            EventKind::RencontreLocale => "rencontre_locale",
            EventKind::VisioMa => "visio_ma",
            EventKind::Seminaire => "seminaire",
            EventKind::Ag => "ag",
            EventKind::CercleGeneral => "cercle_general",
        }
    }

    pub fn from_code(code: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The label on screen and in the export's `type` column.
    pub fn label(self) -> &'static str {
        msg::KIND_LABELS[self as usize]
    }
}

/// Where an event stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventStatus {
    Prevue,
    Confirmee,
    Realisee,
    Annulee,
}

impl EventStatus {
    pub const ALL: [EventStatus; 4] = [
        EventStatus::Prevue,
        EventStatus::Confirmee,
        EventStatus::Realisee,
        EventStatus::Annulee,
    ];

    pub fn code(self) -> &'static str {
        match self {
            EventStatus::Prevue => "prevue",
            EventStatus::Confirmee => "confirmee",
            EventStatus::Realisee => "realisee",
            EventStatus::Annulee => "annulee",
        }
    }

    pub fn from_code(code: &str) -> Option<EventStatus> {
        EventStatus::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label(self) -> &'static str {
        msg::STATUS_LABELS[self as usize]
    }

    /// Réalisée or annulée: nothing more will happen.
    pub fn is_closed(self) -> bool {
        matches!(self, EventStatus::Realisee | EventStatus::Annulee)
    }
}

/// Attendance figures of an event; `None` is "not counted".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figures {
    pub participants: Option<u32>,
    pub membres_collectifs: Option<u32>,
    pub elu_es: Option<u32>,
    pub benevoles: Option<u32>,
    pub ateliers: Option<u32>,
    pub personnes_ressources: Option<u32>,
}

impl Figures {
    /// Each figure with the field it is, in the export's order.
    pub fn each(&self) -> [(super::field::FieldName, Option<u32>); 6] {
        [
            (fields::PARTICIPANTS, self.participants),
            (fields::MEMBRES_COLLECTIFS, self.membres_collectifs),
            (fields::ELU_ES, self.elu_es),
            (fields::BENEVOLES, self.benevoles),
            (fields::ATELIERS, self.ateliers),
            (fields::PERSONNES_RESSOURCES, self.personnes_ressources),
        ]
    }
}

/// The workshops figure of an event: the count of its recorded workshops when there are any,
/// else the figure typed in its `ateliers` (the export and the screen say the same).
pub fn workshop_figure(typed: Option<u32>, recorded: u32) -> Option<u32> {
    if recorded > 0 { Some(recorded) } else { typed }
}

/// A rencontre as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub id: i64,
    pub title: String,
    pub kind: EventKind,
    /// The year it belongs to (an undated event is listed in its year).
    pub year: i32,
    /// A day, or a month when that is all that is known; `None`: undated in its year.
    pub start: Option<When>,
    pub end: Option<When>,
    /// Hours as people write them (`9h30–17h`), free text.
    pub hours: String,
    pub place: String,
    /// The INSEE code of its commune.
    pub commune: Option<String>,
    pub co_organisers: String,
    pub partners: String,
    pub description: String,
    pub status: EventStatus,
    pub figures: Figures,
    pub version: i64,
}

impl Event {
    /// The draft that edits this event.
    pub fn draft(&self) -> EventDraft {
        EventDraft {
            title: self.title.clone(),
            kind: self.kind,
            year: self.year,
            start: self.start,
            end: self.end,
            hours: self.hours.clone(),
            place: self.place.clone(),
            commune: self.commune.clone().unwrap_or_default(),
            co_organisers: self.co_organisers.clone(),
            partners: self.partners.clone(),
            description: self.description.clone(),
            status: self.status,
            figures: self.figures,
        }
    }

    /// A visio Municipales Assistance with fewer than 2 resource persons (not counted counts
    /// as none): flagged, not refused.
    pub fn needs_resource_persons(&self) -> bool {
        needs_resource_persons(self.kind, &self.figures)
    }

    /// Whether it is still to come on `today`: not réalisée nor annulée, and starting today or
    /// later (a month-dated one from the start of its month; an undated one in today's year or
    /// later).
    pub fn is_upcoming(&self, today: NaiveDate) -> bool {
        is_upcoming(self.status, self.year, self.start, today)
    }
}

fn needs_resource_persons(kind: EventKind, figures: &Figures) -> bool {
    kind == EventKind::VisioMa && figures.personnes_ressources.unwrap_or(0) < 2
}

fn is_upcoming(status: EventStatus, year: i32, start: Option<When>, today: NaiveDate) -> bool {
    if status.is_closed() {
        return false;
    }
    match start {
        Some(When::Day(d)) => d >= today,
        // A month still running counts as to come.
        Some(When::Month(m)) => (m.year(), m.month()) >= (today.year(), today.month()),
        None => year >= today.year(),
    }
}

/// Where an event sorts within the timeline: its start (a month at its first day, before the
/// days of that month), an undated one after every dated one of its year.
fn timeline_key(year: i32, start: Option<When>) -> (i32, u8, Option<When>) {
    match start {
        Some(w) => (w.year(), 0, Some(w)),
        None => (year, 1, None),
    }
}

/// The order of the list: the upcoming first, soonest first; then the past, latest first.
/// Ties by title then id.
pub fn listing_order(a: &Event, b: &Event, today: NaiveDate) -> Ordering {
    let (ua, ub) = (a.is_upcoming(today), b.is_upcoming(today));
    let ka = timeline_key(a.year, a.start);
    let kb = timeline_key(b.year, b.start);
    let by_date = match (ua, ub) {
        (true, false) => return Ordering::Less,
        (false, true) => return Ordering::Greater,
        (true, true) => ka.cmp(&kb),
        // Latest first, but an undated event still after the dated ones of its year.
        (false, false) => kb.0.cmp(&ka.0).then(ka.1.cmp(&kb.1)).then(kb.2.cmp(&ka.2)),
    };
    by_date
        .then_with(|| a.title.cmp(&b.title))
        .then_with(|| a.id.cmp(&b.id))
}

/// Sort events in the list's order (see [`listing_order`]).
pub fn sort_for_listing(events: &mut [Event], today: NaiveDate) {
    events.sort_by(|a, b| listing_order(a, b, today));
}

/// An event as a form edits it. `commune` is what was typed (the store resolves it to an
/// INSEE code); empty is none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventDraft {
    pub title: String,
    pub kind: EventKind,
    pub year: i32,
    pub start: Option<When>,
    pub end: Option<When>,
    pub hours: String,
    pub place: String,
    pub commune: String,
    pub co_organisers: String,
    pub partners: String,
    pub description: String,
    pub status: EventStatus,
    pub figures: Figures,
}

impl EventDraft {
    /// A new event of `kind` in `year`, undated, prévue, nothing counted.
    pub fn new(title: &str, kind: EventKind, year: i32) -> EventDraft {
        EventDraft {
            title: title.to_owned(),
            kind,
            year,
            start: None,
            end: None,
            hours: String::new(),
            place: String::new(),
            commune: String::new(),
            co_organisers: String::new(),
            partners: String::new(),
            description: String::new(),
            status: EventStatus::Prevue,
            figures: Figures::default(),
        }
    }

    /// Every error of the draft, each naming its field by its stable code (empty: valid).
    pub fn validate(&self) -> Vec<FieldError> {
        all_errors(self.cleaned())
    }

    /// The draft cleaned, or its first error.
    pub fn validated(&self) -> Result<EventDraft, FieldError> {
        first_error(self.cleaned())
    }

    /// See [`Event::needs_resource_persons`].
    pub fn needs_resource_persons(&self) -> bool {
        needs_resource_persons(self.kind, &self.figures)
    }

    fn cleaned(&self) -> Result<EventDraft, Vec<FieldError>> {
        let mut errors = Errors::default();
        let title = errors.keep(line_field(fields::TITLE, &self.title, limits::SHORT_TEXT));
        let hours = errors.keep(line_field(fields::HOURS, &self.hours, limits::NAME));
        let place = errors.keep(line_field(fields::PLACE, &self.place, limits::SHORT_TEXT));
        let commune = errors.keep(line_field(
            fields::COMMUNE,
            &self.commune,
            limits::SHORT_TEXT,
        ));
        let co_organisers = errors.keep(text_field(
            fields::CO_ORGANISERS,
            &self.co_organisers,
            limits::LONG_TEXT,
        ));
        let partners = errors.keep(text_field(
            fields::PARTNERS,
            &self.partners,
            limits::LONG_TEXT,
        ));
        let description = errors.keep(text_field(
            fields::DESCRIPTION,
            &self.description,
            limits::LONG_TEXT,
        ));
        if title.trim().is_empty() && !errors.iter().any(|e| e.field == fields::TITLE.code) {
            errors.insert(0, FieldError::new(fields::TITLE, msg::TITLE_REQUIRED));
        }
        if !YEARS.contains(&self.year) {
            errors.push(FieldError::new(fields::YEAR, msg::YEAR_OUT_OF_RANGE));
        }
        if let Some(start) = self.start
            && start.year() != self.year
        {
            errors.push(FieldError::new(fields::START, msg::NOT_IN_YEAR));
        }
        match (self.start, self.end) {
            (None, Some(_)) => errors.push(FieldError::new(fields::END, msg::END_WITHOUT_START)),
            (Some(s), Some(e)) if ends_before(s, e) => {
                errors.push(FieldError::new(fields::END, msg::END_BEFORE_START));
            }
            _ => {}
        }
        for (field, value) in self.figures.each() {
            if value.is_some_and(|v| v > MAX_FIGURE) {
                errors.push(FieldError::new(field, msg::FIGURE_TOO_LARGE));
            }
        }
        errors.or(EventDraft {
            title,
            hours,
            place,
            commune,
            co_organisers,
            partners,
            description,
            ..self.clone()
        })
    }
}

/// Whether `end` lies before `start`: a day against a month compares by the months.
fn ends_before(start: When, end: When) -> bool {
    let month = |w: When| match w {
        When::Day(d) => (d.year(), d.month()),
        When::Month(m) => (m.year(), m.month()),
    };
    match (start, end) {
        (When::Day(s), When::Day(e)) => e < s,
        _ => month(end) < month(start),
    }
}

/// Where a task stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskStatus {
    AFaire,
    EnCours,
    Fait,
    Abandonne,
}

impl TaskStatus {
    pub const ALL: [TaskStatus; 4] = [
        TaskStatus::AFaire,
        TaskStatus::EnCours,
        TaskStatus::Fait,
        TaskStatus::Abandonne,
    ];

    pub fn code(self) -> &'static str {
        match self {
            TaskStatus::AFaire => "a_faire",
            TaskStatus::EnCours => "en_cours",
            TaskStatus::Fait => "fait",
            TaskStatus::Abandonne => "abandonne",
        }
    }

    pub fn from_code(code: &str) -> Option<TaskStatus> {
        TaskStatus::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label(self) -> &'static str {
        msg::TASK_STATUS_LABELS[self as usize]
    }

    /// The one-key toggle: à faire → en cours → fait → à faire; an abandoned task comes back
    /// to à faire (abandonné is only ever set explicitly).
    pub fn next(self) -> TaskStatus {
        match self {
            TaskStatus::AFaire => TaskStatus::EnCours,
            TaskStatus::EnCours => TaskStatus::Fait,
            TaskStatus::Fait | TaskStatus::Abandonne => TaskStatus::AFaire,
        }
    }

    /// Fait or abandonné: nothing left to do, its due date no longer moves.
    pub fn is_closed(self) -> bool {
        matches!(self, TaskStatus::Fait | TaskStatus::Abandonne)
    }
}

/// A task of an event's checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Task {
    pub id: i64,
    pub event_id: i64,
    pub title: String,
    /// The person responsible.
    pub owner: Option<i64>,
    pub due: Option<NaiveDate>,
    pub status: TaskStatus,
    /// The day it was done (set when it becomes fait, cleared when it leaves fait).
    pub done: Option<NaiveDate>,
    pub notes: String,
    /// The circle responsible, by name (from the template; free text).
    pub circle: String,
    /// Its place in the checklist.
    pub position: i64,
    pub version: i64,
}

impl Task {
    /// Not done nor abandoned, and due before `today`.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        !self.status.is_closed() && self.due.is_some_and(|d| d < today)
    }

    pub fn draft(&self) -> TaskDraft {
        TaskDraft {
            title: self.title.clone(),
            owner: self.owner,
            due: self.due,
            status: self.status,
            done: self.done,
            notes: self.notes.clone(),
            circle: self.circle.clone(),
        }
    }
}

/// A task as a form edits it. `done` may be left `None` for a task marked fait: the store
/// dates it today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskDraft {
    pub title: String,
    pub owner: Option<i64>,
    pub due: Option<NaiveDate>,
    pub status: TaskStatus,
    pub done: Option<NaiveDate>,
    pub notes: String,
    pub circle: String,
}

impl TaskDraft {
    /// A task to do, with nothing else known.
    pub fn new(title: &str) -> TaskDraft {
        TaskDraft {
            title: title.to_owned(),
            owner: None,
            due: None,
            status: TaskStatus::AFaire,
            done: None,
            notes: String::new(),
            circle: String::new(),
        }
    }

    /// Every error of the draft (empty: valid).
    pub fn validate(&self) -> Vec<FieldError> {
        all_errors(self.cleaned())
    }

    /// The draft cleaned, or its first error.
    pub fn validated(&self) -> Result<TaskDraft, FieldError> {
        first_error(self.cleaned())
    }

    fn cleaned(&self) -> Result<TaskDraft, Vec<FieldError>> {
        let mut errors = Errors::default();
        let title = errors.keep(line_field(
            fields::TASK_TITLE,
            &self.title,
            limits::SHORT_TEXT,
        ));
        let notes = errors.keep(text_field(fields::NOTES, &self.notes, limits::LONG_TEXT));
        let circle = errors.keep(line_field(fields::CIRCLE, &self.circle, limits::NAME));
        if title.trim().is_empty() && !errors.iter().any(|e| e.field == fields::TITLE.code) {
            errors.insert(
                0,
                FieldError::new(fields::TASK_TITLE, msg::TASK_TITLE_REQUIRED),
            );
        }
        if self.done.is_some() && self.status != TaskStatus::Fait {
            errors.push(FieldError::new(fields::DONE, msg::DONE_WITHOUT_STATUS));
        }
        errors.or(TaskDraft {
            title,
            notes,
            circle,
            ..self.clone()
        })
    }
}

/// How far a checklist is: tasks done out of the tasks that count (abandoned ones leave the
/// total).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub done: u32,
    pub total: u32,
}

impl Progress {
    pub fn of(tasks: &[Task]) -> Progress {
        let mut p = Progress::default();
        for t in tasks {
            match t.status {
                TaskStatus::Abandonne => {}
                TaskStatus::Fait => {
                    p.done += 1;
                    p.total += 1;
                }
                _ => p.total += 1,
            }
        }
        p
    }

    /// Done out of total, 0.0 to 1.0 (0.0 with no task), for a gauge.
    pub fn ratio(self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            f64::from(self.done) / f64::from(self.total)
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn event(id: i64, title: &str, year: i32, start: Option<When>, status: EventStatus) -> Event {
        let draft = EventDraft {
            start,
            status,
            ..EventDraft::new(title, EventKind::RencontreLocale, year)
        };
        Event {
            id,
            title: draft.title,
            kind: draft.kind,
            year,
            start,
            end: None,
            hours: String::new(),
            place: String::new(),
            commune: None,
            co_organisers: String::new(),
            partners: String::new(),
            description: String::new(),
            status,
            figures: Figures::default(),
            version: 1,
        }
    }

    #[test]
    fn codes_round_trip_and_labels_are_the_exports() {
        for k in EventKind::ALL {
            assert_eq!(EventKind::from_code(k.code()), Some(k));
        }
        for s in EventStatus::ALL {
            assert_eq!(EventStatus::from_code(s.code()), Some(s));
        }
        for s in TaskStatus::ALL {
            assert_eq!(TaskStatus::from_code(s.code()), Some(s));
        }
        assert_eq!(EventKind::VisioMa.label(), "visio Municipales Assistance");
        assert_eq!(EventKind::CercleGeneral.label(), "cercle général");
        assert_eq!(EventStatus::Realisee.label(), "réalisée");
        assert_eq!(TaskStatus::Abandonne.label(), "abandonné");
        assert_eq!(EventKind::from_code("visio"), None);
    }

    #[test]
    fn a_draft_names_each_wrong_field() {
        let mut draft = EventDraft::new("  ", EventKind::RencontreLocale, 2025);
        draft.start = Some(When::Day(d(2024, 6, 14)));
        draft.end = Some(When::Day(d(2024, 6, 13)));
        draft.figures.participants = Some(MAX_FIGURE + 1);
        let codes: Vec<&str> = draft.validate().iter().map(|e| e.field).collect();
        assert_eq!(codes, ["title", "start", "end", "participants"]);
        assert_eq!(draft.validated().unwrap_err().field, "title");

        let ok = EventDraft {
            start: When::month(2025, 6),
            end: Some(When::Day(d(2025, 6, 15))),
            title: " Trévoux ".into(),
            ..EventDraft::new("", EventKind::RencontreLocale, 2025)
        };
        assert_eq!(ok.validated().unwrap().title, "Trévoux");
        // An end in the month before a month start is before it.
        let bad = EventDraft {
            end: Some(When::Day(d(2025, 5, 31))),
            ..ok.clone()
        };
        assert_eq!(bad.validated().unwrap_err().field, "end");
        let no_start = EventDraft { start: None, ..ok };
        assert_eq!(no_start.validated().unwrap_err().field, "end");
    }

    #[test]
    fn a_visio_with_fewer_than_two_resource_persons_is_flagged_not_refused() {
        let mut visio = EventDraft::new("Visio MA", EventKind::VisioMa, 2025);
        assert!(visio.needs_resource_persons());
        assert!(visio.validate().is_empty());
        visio.figures.personnes_ressources = Some(1);
        assert!(visio.needs_resource_persons());
        visio.figures.personnes_ressources = Some(2);
        assert!(!visio.needs_resource_persons());
        let local = EventDraft::new("Bayonne", EventKind::RencontreLocale, 2025);
        assert!(!local.needs_resource_persons());
    }

    #[test]
    fn the_list_shows_what_is_to_come_first_then_the_past_latest_first() {
        let today = d(2025, 11, 20);
        let mut all = vec![
            event(
                1,
                "Poitiers",
                2025,
                Some(When::Day(d(2025, 8, 22))),
                EventStatus::Realisee,
            ),
            event(
                2,
                "Trévoux",
                2025,
                When::month(2025, 6),
                EventStatus::Realisee,
            ),
            event(3, "Dijon", 2025, None, EventStatus::Realisee),
            event(
                4,
                "AG",
                2025,
                Some(When::Day(d(2025, 12, 6))),
                EventStatus::Confirmee,
            ),
            event(
                5,
                "Local",
                2025,
                Some(When::Day(d(2025, 11, 29))),
                EventStatus::Prevue,
            ),
            event(6, "Sans date", 2026, None, EventStatus::Prevue),
            event(
                7,
                "Janvier",
                2026,
                When::month(2026, 1),
                EventStatus::Prevue,
            ),
            event(
                8,
                "Mûrs",
                2025,
                Some(When::Day(d(2025, 6, 1))),
                EventStatus::Realisee,
            ),
            event(
                9,
                "Annulée",
                2025,
                Some(When::Day(d(2025, 12, 1))),
                EventStatus::Annulee,
            ),
        ];
        sort_for_listing(&mut all, today);
        let titles: Vec<&str> = all.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Local",
                "AG",
                "Janvier",
                "Sans date", // upcoming, soonest first
                "Annulée",
                "Poitiers",
                "Mûrs",
                "Trévoux",
                "Dijon", // past, latest first
            ]
        );
        // A month still running is to come; an undated event of this year too.
        assert!(event(0, "x", 2025, When::month(2025, 11), EventStatus::Prevue).is_upcoming(today));
        assert!(event(0, "x", 2025, None, EventStatus::Prevue).is_upcoming(today));
        assert!(!event(0, "x", 2024, None, EventStatus::Prevue).is_upcoming(today));
    }

    #[test]
    fn recorded_workshops_count_before_the_typed_figure() {
        assert_eq!(workshop_figure(Some(60), 0), Some(60));
        assert_eq!(workshop_figure(None, 0), None);
        assert_eq!(workshop_figure(Some(60), 12), Some(12));
        assert_eq!(workshop_figure(None, 3), Some(3));
    }

    fn task(status: TaskStatus, due: Option<NaiveDate>) -> Task {
        Task {
            id: 1,
            event_id: 1,
            title: "Salle".into(),
            owner: None,
            due,
            status,
            done: None,
            notes: String::new(),
            circle: String::new(),
            position: 0,
            version: 1,
        }
    }

    #[test]
    fn statuses_toggle_overdue_and_progress() {
        assert_eq!(TaskStatus::AFaire.next(), TaskStatus::EnCours);
        assert_eq!(TaskStatus::EnCours.next(), TaskStatus::Fait);
        assert_eq!(TaskStatus::Fait.next(), TaskStatus::AFaire);
        assert_eq!(TaskStatus::Abandonne.next(), TaskStatus::AFaire);
        let today = d(2025, 11, 20);
        let yesterday = Some(d(2025, 11, 19));
        assert!(task(TaskStatus::AFaire, yesterday).is_overdue(today));
        assert!(task(TaskStatus::EnCours, yesterday).is_overdue(today));
        assert!(!task(TaskStatus::Fait, yesterday).is_overdue(today));
        assert!(!task(TaskStatus::Abandonne, yesterday).is_overdue(today));
        assert!(!task(TaskStatus::AFaire, Some(today)).is_overdue(today));
        assert!(!task(TaskStatus::AFaire, None).is_overdue(today));
        let tasks = [
            task(TaskStatus::Fait, None),
            task(TaskStatus::Fait, None),
            task(TaskStatus::AFaire, None),
            task(TaskStatus::Abandonne, None),
        ];
        assert_eq!(Progress::of(&tasks), Progress { done: 2, total: 3 });
        assert_eq!(Progress::default().ratio(), 0.0);
    }

    #[test]
    fn a_task_draft_needs_a_title_and_a_done_date_only_when_done() {
        assert_eq!(TaskDraft::new(" ").validated().unwrap_err().field, "title");
        let mut t = TaskDraft::new("Réserver la salle");
        t.done = Some(d(2025, 11, 1));
        assert_eq!(t.validated().unwrap_err().field, "done");
        t.status = TaskStatus::Fait;
        assert!(t.validate().is_empty());
    }
}

//! The Rencontres tab's state: the events read from the store with their progress, the
//! filters, the selection, the selected event's checklist, "mes tâches", the open form.
//! `mod.rs`, `forms`, `keys` and `view` import it; it imports none of them but the editor's type.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::forms::EventsEditor;
pub use super::question::Then;
use crate::model::{Event, EventKind, EventPartner, Partner, PartnerKind, Task, Workshop};
use crate::store::events::{EventLine, MyTask};
use crate::tui::tabs::pane::Env;
use crate::tui::widgets::list::ListState;

/// Rows of the list pane above the events: the title and counts, the filter chips.
pub(super) const HEADER_ROWS: u16 = 2;

/// Rows above a section of an event on the whole width: the title, the date and place, the
/// gauge, the sections' names.
pub(super) const TASKS_HEADER_ROWS: u16 = 4;

/// Rows above the partners' list: the title and counts, the filter chips.
pub(super) const PARTNERS_HEADER_ROWS: u16 = 2;

/// Rows of the list in the body `env` gives.
pub(super) fn list_rows(env: &Env<'_>) -> usize {
    usize::from(env.body().1.saturating_sub(HEADER_ROWS))
}

/// Rows of the checklist on the whole width (its header row included in the table).
pub(super) fn task_rows(env: &Env<'_>) -> usize {
    usize::from(
        env.body()
            .1
            .saturating_sub(TASKS_HEADER_ROWS)
            .saturating_sub(1),
    )
}

/// Rows of the partners' list.
pub(super) fn partner_rows(env: &Env<'_>) -> usize {
    usize::from(env.body().1.saturating_sub(PARTNERS_HEADER_ROWS))
}

/// Rows of "mes tâches" (its title row, the table's header).
pub(super) fn mine_rows(env: &Env<'_>) -> usize {
    usize::from(env.body().1.saturating_sub(2))
}

/// One event as the list holds it, with its text folded once for the filter.
pub(super) struct Row {
    pub(super) line: EventLine,
    pub(super) upcoming: bool,
    pub(super) key: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Filter {
    pub(super) text: String,
    pub(super) kind: Option<EventKind>,
    pub(super) year: Option<i32>,
}

impl Filter {
    pub(super) fn is_on(&self) -> bool {
        *self != Filter::default()
    }
}

/// Where the keys go: the list of events, or a section of the selected one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) enum Focus {
    #[default]
    List,
    Tasks,
}

/// The sections of an event on the whole width (Tab goes to the next).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) enum Section {
    #[default]
    Tasks,
    Workshops,
    Partners,
}

impl Section {
    pub(super) const ALL: [Section; 3] = [Section::Tasks, Section::Workshops, Section::Partners];

    pub(super) fn next(self) -> Section {
        Section::ALL[(self as usize + 1) % 3]
    }

    pub(super) fn prev(self) -> Section {
        Section::ALL[(self as usize + 2) % 3]
    }
}

/// The filters of the partnerships' follow-up.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct PartnerFilter {
    pub(super) kind: Option<PartnerKind>,
    /// Only the partners missing a co-garant·e.
    pub(super) lacking: bool,
}

#[derive(Default)]
pub struct EventsTab {
    pub(super) rows: Vec<Row>,
    /// Indices into `rows` of those the filters keep, in order.
    pub(super) shown: Vec<usize>,
    pub(super) ids: Vec<i64>,
    pub(super) list: ListState,
    pub(super) filter: Filter,
    pub(super) filtering: bool,
    /// The years holding events, in order (the year filter steps through them).
    pub(super) years: Vec<i32>,
    pub(super) focus: Focus,
    /// The selected event's checklist, in order, and the selection in it.
    pub(super) tasks: Vec<Task>,
    pub(super) task_ids: Vec<i64>,
    pub(super) task_list: ListState,
    /// Names of the people owning the shown tasks, read when they are shown.
    pub(super) names: HashMap<i64, String>,
    pub(super) detail_scroll: usize,
    pub(super) section: Section,
    /// The selected event's workshops and its partners, each with its selection.
    pub(super) workshops: Vec<Workshop>,
    pub(super) workshop_ids: Vec<i64>,
    pub(super) workshop_list: ListState,
    pub(super) links: Vec<(EventPartner, Partner)>,
    pub(super) link_ids: Vec<i64>,
    pub(super) link_list: ListState,
    /// The partnerships' follow-up in place of the list.
    pub(super) show_partners: bool,
    pub(super) partners: Vec<Partner>,
    /// Indices into `partners` of those the filter keeps.
    pub(super) partners_shown: Vec<usize>,
    pub(super) partner_ids: Vec<i64>,
    pub(super) partner_list: ListState,
    pub(super) partner_filter: PartnerFilter,
    /// The events of the selected partner.
    pub(super) partner_events: Vec<(EventPartner, Event)>,
    /// "Mes tâches" in place of the list.
    pub(super) show_mine: bool,
    pub(super) mine: Vec<MyTask>,
    pub(super) mine_ids: Vec<i64>,
    pub(super) mine_list: ListState,
    /// The person this session's user is linked to, and their name.
    pub(super) me: Option<(i64, String)>,
    pub(super) user: String,
    /// The session's role may not read contact details (lecture).
    pub(super) contacts_hidden: bool,
    pub(super) form: Option<EventsEditor>,
    pub(super) today: NaiveDate,
}

impl EventsTab {
    /// The line the selection is on.
    pub(super) fn selected_line(&self) -> Option<&EventLine> {
        let i = self.list.selected()?;
        self.shown.get(i).map(|&r| &self.rows[r].line)
    }

    pub(super) fn selected(&self) -> Option<&Event> {
        self.selected_line().map(|l| &l.event)
    }

    pub(super) fn selected_task(&self) -> Option<&Task> {
        let i = self.task_list.selected()?;
        self.tasks.get(i)
    }

    pub(super) fn selected_mine(&self) -> Option<&MyTask> {
        let i = self.mine_list.selected()?;
        self.mine.get(i)
    }

    /// How many rows of the list are upcoming (they come first).
    pub(super) fn upcoming_shown(&self) -> usize {
        self.shown
            .iter()
            .take_while(|&&r| self.rows[r].upcoming)
            .count()
    }

    pub(super) fn selected_workshop(&self) -> Option<&Workshop> {
        self.workshops.get(self.workshop_list.selected()?)
    }

    pub(super) fn selected_link(&self) -> Option<&(EventPartner, Partner)> {
        self.links.get(self.link_list.selected()?)
    }

    pub(super) fn selected_partner(&self) -> Option<&Partner> {
        let i = self.partner_list.selected()?;
        self.partners_shown.get(i).map(|&p| &self.partners[p])
    }

    /// The name of a task's owner, as read when the tasks were.
    pub(super) fn owner_name(&self, id: Option<i64>) -> Option<&str> {
        id.and_then(|id| self.names.get(&id).map(String::as_str))
    }
}

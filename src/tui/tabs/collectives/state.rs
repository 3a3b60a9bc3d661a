//! The Collectifs tab's state: the rows read from the store, the filters, the open picker,
//! the selection, the counts made when the rows were read. `mod.rs`, `view` and `counts`
//! import it; it imports none of them.

use std::collections::HashMap;

use ratatui::crossterm::event::KeyEvent;

use super::forms::CollectiveEditor;
use crate::catalogue::collectives_tab as ct;
use crate::geo::{Commune, Region, communes};
use crate::model::{Collective, CollectiveKind, CollectiveLine, CollectiveStatus, StatusChange};
use crate::tui::widgets::list::ListState;
use crate::tui::widgets::picker::{Picker, PickerEntry, PickerReply};

/// Rows of the list pane above the collectives: the title and counts, the filter chips.
pub(super) const HEADER_ROWS: u16 = 2;

/// One collective as the list holds it: its line, its commune, and its text folded once
/// for the filter (a keystroke compares, it never folds 23 000 names again).
pub(super) struct Row {
    pub(super) line: CollectiveLine,
    pub(super) commune: Option<&'static Commune>,
    pub(super) key: String,
}

/// The quick filters and the text filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Filter {
    pub(super) text: String,
    pub(super) region: Option<&'static str>,
    pub(super) departement: Option<&'static str>,
    pub(super) status: Option<CollectiveStatus>,
    pub(super) kind: Option<CollectiveKind>,
    pub(super) due: bool,
}

impl Filter {
    pub(super) fn is_on(&self) -> bool {
        *self != Filter::default()
    }
}

/// What a picker over the list chooses.
pub(super) enum Choosing {
    Region(Picker<Option<&'static str>>),
    Departement(Picker<Option<&'static str>>),
    /// The new statut of the selected collective, at the version it was read.
    Status {
        picker: Picker<CollectiveStatus>,
        id: i64,
        version: i64,
    },
}

impl Choosing {
    pub(super) fn handle_key(&mut self, ev: KeyEvent) -> PickerReply {
        match self {
            Choosing::Region(p) | Choosing::Departement(p) => p.handle_key(ev),
            Choosing::Status { picker, .. } => picker.handle_key(ev),
        }
    }
}

#[derive(Default)]
pub struct CollectivesTab {
    pub(super) rows: Vec<Row>,
    /// Indices into `rows` of those the filters keep, in order.
    pub(super) shown: Vec<usize>,
    pub(super) ids: Vec<i64>,
    pub(super) list: ListState,
    pub(super) filter: Filter,
    /// The filter line has the keyboard (after `/`, until Entrée or Échap).
    pub(super) filtering: bool,
    pub(super) choosing: Option<Choosing>,
    /// The selected collective's whole sheet, read when the selection lands on it.
    pub(super) detail: Option<Collective>,
    /// The statut history of the selected collective.
    pub(super) history: Vec<StatusChange>,
    pub(super) detail_scroll: usize,
    pub(super) form: Option<CollectiveEditor>,
    /// The counts and charts in place of the list.
    pub(super) show_counts: bool,
    /// The région highlighted in the counts.
    pub(super) counts_cursor: usize,
    /// Its départements shown beside the régions (after Entrée).
    pub(super) counts_open: bool,
    /// INSEE codes of the members' communes (for the communes represented).
    pub(super) member_communes: Vec<&'static str>,
    /// The counts by région, département and statut, made when the rows were read.
    pub(super) counts: Counts,
    pub(super) today: chrono::NaiveDate,
    pub(super) follow_up_months: u32,
    pub(super) contacts_hidden: bool,
}

impl CollectivesTab {
    /// The line the selection is on.
    pub(super) fn selected_line(&self) -> Option<&CollectiveLine> {
        let i = self.list.selected()?;
        self.shown.get(i).map(|&r| &self.rows[r].line)
    }

    /// The selected collective's sheet (read by [`Self::load_detail`]).
    pub(super) fn selected(&self) -> Option<&Collective> {
        let id = self.selected_line()?.id;
        self.detail.as_ref().filter(|c| c.id == id)
    }

    pub(super) fn is_due(&self, c: &CollectiveLine) -> bool {
        c.is_due(self.today, self.follow_up_months)
    }

    /// Régions holding collectives, by name, for the région filter.
    pub(super) fn region_picker(&self) -> Picker<Option<&'static str>> {
        let mut entries = vec![PickerEntry::new(None, ct::ALL_REGIONS)];
        for region in communes().regions() {
            let n = self.counts.of_region(region.code());
            if n > 0 {
                entries
                    .push(PickerEntry::new(Some(region.code()), region.name()).hint(n.to_string()));
            }
        }
        let mut picker = Picker::new(entries);
        picker.select_value(&self.filter.region);
        picker.open();
        picker
    }

    /// Départements holding collectives (of the chosen région, if one), by code.
    pub(super) fn departement_picker(&self) -> Picker<Option<&'static str>> {
        let mut entries = vec![PickerEntry::new(None, ct::ALL_DEPARTEMENTS)];
        for d in communes().departements() {
            if self.filter.region.is_some_and(|r| d.region().code() != r) {
                continue;
            }
            let n = self.counts.of_departement(d.code());
            if n > 0 {
                entries.push(
                    PickerEntry::new(Some(d.code()), format!("{} {}", d.code(), d.name()))
                        .hint(n.to_string()),
                );
            }
        }
        let mut picker = Picker::new(entries);
        picker.select_value(&self.filter.departement);
        picker.open();
        picker
    }
}

/// What the counts show, made in one pass over the rows when they are read (never per frame).
#[derive(Debug, Clone, Default)]
pub(super) struct Counts {
    /// Régions holding collectives, the most first.
    pub(super) by_region: Vec<(&'static Region, usize)>,
    pub(super) by_departement: HashMap<&'static str, usize>,
    /// In the order of `CollectiveStatus::ALL`.
    pub(super) by_status: [usize; 6],
    /// Communes of the collectives.
    pub(super) communes: usize,
    /// Communes of the collectives and of the members together.
    pub(super) represented: usize,
}

impl Counts {
    pub(super) fn of(rows: &[Row], member_communes: &[&'static str]) -> Counts {
        let mut regions: HashMap<&'static str, (&'static Region, usize)> = HashMap::new();
        let mut counts = Counts::default();
        let mut codes: Vec<&str> = Vec::with_capacity(rows.len() + member_communes.len());
        for r in rows {
            counts.by_status[r.line.status as usize] += 1;
            codes.push(&r.line.commune);
            if let Some(c) = r.commune {
                regions
                    .entry(c.region().code())
                    .or_insert((c.region(), 0))
                    .1 += 1;
                *counts
                    .by_departement
                    .entry(c.departement().code())
                    .or_insert(0) += 1;
            }
        }
        codes.sort_unstable();
        codes.dedup();
        counts.communes = codes.len();
        codes.extend(member_communes.iter().copied());
        codes.sort_unstable();
        codes.dedup();
        counts.represented = codes.len();
        counts.by_region = regions.into_values().collect();
        counts
            .by_region
            .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.name().cmp(b.0.name())));
        counts
    }

    pub(super) fn of_region(&self, code: &str) -> usize {
        self.by_region
            .iter()
            .find(|(r, _)| r.code() == code)
            .map_or(0, |(_, n)| *n)
    }

    pub(super) fn of_departement(&self, code: &str) -> usize {
        self.by_departement.get(code).copied().unwrap_or(0)
    }
}

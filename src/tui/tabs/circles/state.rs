//! The state of the Cercles tab, which its other files share: the rows read from the store
//! (circles, their counts, the derived circles), the list with its filter, the open form, the
//! detail with its focus and scroll, the year of the work log; and the widths of its panes.
//! It imports none of the files that act on it or draw it, so that arrows go one way: `mod`,
//! `keys`, `open`, `writes` and `view` use it.

use super::detail::{DetailData, DetailFocus, GENERAL_ID};
use super::editor::CircleEditor;
use crate::catalogue::circles_tab as cm;
use crate::model::Circle;
use crate::store::governance::{CircleSummary, DerivedCounts};
use crate::text::fold_for_match;
use crate::tui::tabs::pane::Env;
use crate::tui::widgets::list::ListState;

/// Width of the list pane at 80 columns; wider terminals give it a third of the room.
const LIST_MIN_WIDTH: u16 = 39;

#[derive(Default)]
pub struct CirclesTab {
    pub(super) circles: Vec<Circle>,
    /// Counts of each circle, in the order of `circles`.
    pub(super) summaries: Vec<CircleSummary>,
    /// The derived circles' sizes (cercle général, coordination).
    pub(super) derived: DerivedCounts,
    pub(super) list: ListState,
    pub(super) filter: String,
    /// The filter line has the keyboard (after `/`, until Enter or Esc).
    pub(super) filtering: bool,
    pub(super) editor: Option<CircleEditor>,
    /// What the detail shows, loaded for the selected row and year.
    pub(super) detail: Option<DetailData>,
    /// The keyboard is inside the detail, on this section and line.
    pub(super) focus: Option<DetailFocus>,
    /// First line of the detail shown.
    pub(super) scroll: usize,
    /// The year of the work log shown (the year of today at start).
    pub(super) year: i32,
}

impl CirclesTab {
    /// How a name is matched by the filter: as a part of it (accents and case ignored) when
    /// any row has that part, else letter by letter in order (`eche` finds `Échange-entraide`),
    /// so a short query never fills the list with scattered matches.
    pub(super) fn name_matches(&self) -> impl Fn(&str) -> bool + use<> {
        let needle = fold_for_match(&self.filter);
        let names = std::iter::once(cm::GENERAL_NAME).chain(self.circles.iter().map(|c| c.name()));
        let by_part = names.map(fold_for_match).any(|name| name.contains(&needle));
        move |name: &str| {
            let name = fold_for_match(name);
            needle.is_empty()
                || if by_part {
                    name.contains(&needle)
                } else {
                    crate::tui::widgets::palette::fuzzy_score(&needle, &name).is_some()
                }
        }
    }

    pub(super) fn general_matches(&self) -> bool {
        self.name_matches()(cm::GENERAL_NAME)
    }

    /// The circles the filter lets through, in list order.
    pub(super) fn visible(&self) -> Vec<&Circle> {
        let matches = self.name_matches();
        self.circles.iter().filter(|c| matches(c.name())).collect()
    }

    /// The rows' ids: the cercle général first, then the visible circles.
    pub(super) fn visible_ids(&self) -> Vec<i64> {
        let mut ids = Vec::new();
        if self.general_matches() {
            ids.push(GENERAL_ID);
        }
        ids.extend(self.visible().iter().map(|c| c.id));
        ids
    }

    /// The selected circle (`None` on the cercle général's row).
    pub(super) fn selected(&self) -> Option<&Circle> {
        let id = self.list.selected_id()?;
        self.circles.iter().find(|c| c.id == id)
    }

    pub(super) fn general_selected(&self) -> bool {
        self.list.selected_id() == Some(GENERAL_ID)
    }

    pub(super) fn summary(&self, id: i64) -> Option<&CircleSummary> {
        self.summaries.iter().find(|s| s.circle.id == id)
    }

    /// New rows from the store: the selection stays on the same row.
    pub(super) fn set_summaries(
        &mut self,
        summaries: Vec<CircleSummary>,
        derived: DerivedCounts,
        height: usize,
    ) {
        self.circles = summaries.iter().map(|s| s.circle.clone()).collect();
        self.summaries = summaries;
        self.derived = derived;
        self.refilter(height);
    }

    pub(super) fn refilter(&mut self, height: usize) {
        let ids = self.visible_ids();
        self.list.sync(&ids, height);
    }
}

/// Rows available to the list in a body of `body_height` rows (one header line).
pub fn list_height(body_height: u16) -> usize {
    usize::from(body_height.saturating_sub(1))
}

pub(super) fn list_width(total: u16, in_detail: bool) -> u16 {
    if is_narrow(total) {
        // No room for both panes: the list alone, or the detail alone once inside it.
        return if in_detail { 0 } else { total };
    }
    LIST_MIN_WIDTH.max(total / 3).min(total)
}

/// Below this body width the list and the detail take turns on the whole width.
const TWO_PANES_FROM: u16 = LIST_MIN_WIDTH + 1 + 20;

pub(super) fn is_narrow(total: u16) -> bool {
    total < TWO_PANES_FROM
}

/// Columns of the detail pane in a body `total` columns wide (one column of margin beside the
/// list; none when the detail has the whole width).
pub fn detail_width(total: u16, in_detail: bool) -> usize {
    let list = list_width(total, in_detail);
    let margin = u16::from(list > 0);
    usize::from(total.saturating_sub(list).saturating_sub(margin))
}

/// Rows of the list in the body `env` gives.
pub(super) fn list_rows(env: &Env<'_>) -> usize {
    list_height(env.body().1)
}

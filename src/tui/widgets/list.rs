//! A selectable list: the selection follows a record id (so it stays on the same record when
//! the list reloads or is filtered), and the scroll offset lives in the state, moved by the
//! actions, so that rendering reads the state and changes nothing.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use crate::tui::theme::Theme;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListState {
    selected: usize,
    offset: usize,
    selected_id: Option<i64>,
}

impl ListState {
    pub fn selected(&self) -> Option<usize> {
        self.selected_id.map(|_| self.selected)
    }

    pub fn selected_id(&self) -> Option<i64> {
        self.selected_id
    }

    pub fn offset(&self) -> usize {
        self.offset
    }

    /// After the rows changed (reload, filter): stay on the same id if it is still there,
    /// otherwise on the same position, clamped.
    pub fn sync(&mut self, ids: &[i64], height: usize) {
        if ids.is_empty() {
            self.selected = 0;
            self.offset = 0;
            self.selected_id = None;
            return;
        }
        if let Some(pos) = self
            .selected_id
            .and_then(|id| ids.iter().position(|x| *x == id))
        {
            self.selected = pos;
        } else {
            self.selected = self.selected.min(ids.len() - 1);
        }
        self.selected_id = Some(ids[self.selected]);
        self.keep_visible(ids.len(), height);
    }

    /// Move the selection by `delta` rows, clamped to the list.
    pub fn move_by(&mut self, delta: isize, ids: &[i64], height: usize) {
        self.move_within(delta, ids.len(), |i| ids[i], height);
    }

    /// Move the selection by `delta` rows among `len`, row `i` having the id `id_at(i)`: a
    /// list of 70 000 rows need not gather its ids for a one-row move.
    pub fn move_within(
        &mut self,
        delta: isize,
        len: usize,
        id_at: impl Fn(usize) -> i64,
        height: usize,
    ) {
        if len == 0 {
            return;
        }
        self.selected = self.selected.saturating_add_signed(delta).min(len - 1);
        self.selected_id = Some(id_at(self.selected));
        self.keep_visible(len, height);
    }

    pub fn select_first(&mut self, ids: &[i64], height: usize) {
        self.move_by(isize::MIN, ids, height);
    }

    pub fn select_last(&mut self, ids: &[i64], height: usize) {
        self.move_by(isize::MAX, ids, height);
    }

    /// Scroll only as much as needed, so a one-row move redraws two rows, not the page.
    fn keep_visible(&mut self, len: usize, height: usize) {
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(len.saturating_sub(height));
    }
}

/// Rows drawn with a `>` marker and the selection style on the selected one.
pub struct SelectList<'a> {
    pub rows: Vec<Line<'a>>,
    pub state: &'a ListState,
    pub theme: Theme,
    pub focused: bool,
}

impl Widget for SelectList<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let height = usize::from(area.height);
        // The offset is kept valid by the actions; clamp anyway so a smaller terminal than the
        // one the offset was computed for still shows the selection.
        let mut offset = self.state.offset.min(self.rows.len().saturating_sub(1));
        let selected = self.state.selected();
        if let Some(sel) = selected
            && sel >= offset + height
        {
            offset = sel + 1 - height.max(1);
        }
        for (i, row) in self.rows.into_iter().enumerate().skip(offset).take(height) {
            let y = area.y + (i - offset) as u16;
            let is_selected = selected == Some(i);
            let marker = if is_selected { "> " } else { "  " };
            let row_area = Rect::new(area.x, y, area.width, 1);
            if is_selected && self.focused {
                buf.set_style(row_area, self.theme.selected());
            }
            buf.set_stringn(
                area.x,
                y,
                marker,
                usize::from(area.width),
                ratatui::style::Style::new(),
            );
            if area.width > 2 {
                buf.set_line(area.x + 2, y, &row, area.width - 2);
            }
        }
    }
}

/// The next value of a quick filter: none → the first → … → the last → none.
pub fn cycle<T: Copy + PartialEq>(values: &[T], current: Option<T>) -> Option<T> {
    match current.and_then(|c| values.iter().position(|v| *v == c)) {
        None => values.first().copied(),
        Some(i) => values.get(i + 1).copied(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn selection_follows_the_id_across_reloads() {
        let mut s = ListState::default();
        s.sync(&[1, 2, 3], 10);
        s.move_by(1, &[1, 2, 3], 10);
        assert_eq!(s.selected_id(), Some(2));
        s.sync(&[5, 1, 4, 2, 3], 10);
        assert_eq!(s.selected(), Some(3));
        assert_eq!(s.selected_id(), Some(2));
        s.sync(&[5, 1], 10);
        assert_eq!(s.selected_id(), Some(1));
    }

    #[test]
    fn scrolls_only_when_needed() {
        let ids: Vec<i64> = (0..20).collect();
        let mut s = ListState::default();
        s.sync(&ids, 5);
        for _ in 0..6 {
            s.move_by(1, &ids, 5);
        }
        assert_eq!((s.selected(), s.offset()), (Some(6), 2));
        s.move_by(-1, &ids, 5);
        assert_eq!(s.offset(), 2);
        s.select_last(&ids, 5);
        assert_eq!((s.selected(), s.offset()), (Some(19), 15));
        s.select_first(&ids, 5);
        assert_eq!((s.selected(), s.offset()), (Some(0), 0));
    }

    #[test]
    fn quick_filters_cycle_through_none() {
        let values = [1, 2, 3];
        assert_eq!(cycle(&values, None), Some(1));
        assert_eq!(cycle(&values, Some(1)), Some(2));
        assert_eq!(cycle(&values, Some(3)), None);
        assert_eq!(cycle(&values, Some(9)), Some(1));
        assert_eq!(cycle::<i32>(&[], None), None);
    }
}

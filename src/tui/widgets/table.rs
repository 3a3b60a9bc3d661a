//! A table: columns of fixed width or sharing what is left (with a minimum and a maximum), a
//! header, text cut by display width with `…`, numbers aligned right, the selected row marked
//! and highlighted, an optional totals row pinned at the bottom.
//!
//! The table holds no rows: the caller gives their count and a closure that builds row `i`'s
//! cells, and only the rows on screen are built, so a list of 70 000 rows costs what a list of
//! 70 does. Widths are counted per grapheme cluster (`text::width`), the way cells are drawn,
//! so an emoji sequence, a flag or a combining accent never pushes a column out of line.

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use crate::text::width as text_width;
use crate::tui::theme::Theme;
use crate::tui::widgets::list::ListState;

/// How wide a column is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnWidth {
    /// Always this many cells (as long as the table has them).
    Fixed(u16),
    /// A share, by weight, of what the fixed columns and the separators leave; at least `min`
    /// cells when there is room for them, at most `max`.
    Share { weight: u16, min: u16, max: u16 },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    #[default]
    Left,
    /// Numbers and amounts: their last digit in one column.
    Right,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column<'a> {
    pub header: Cow<'a, str>,
    pub width: ColumnWidth,
    pub align: Align,
}

impl<'a> Column<'a> {
    pub fn fixed(header: impl Into<Cow<'a, str>>, width: u16) -> Column<'a> {
        Column {
            header: header.into(),
            width: ColumnWidth::Fixed(width),
            align: Align::Left,
        }
    }

    /// A column taking `weight` shares of the room left, from 0 to any width.
    pub fn share(header: impl Into<Cow<'a, str>>, weight: u16) -> Column<'a> {
        Column {
            header: header.into(),
            width: ColumnWidth::Share {
                weight: weight.max(1),
                min: 0,
                max: u16::MAX,
            },
            align: Align::Left,
        }
    }

    /// At least `cells` wide (a share column; a fixed one is left as it is).
    pub fn min(mut self, cells: u16) -> Column<'a> {
        if let ColumnWidth::Share { min, .. } = &mut self.width {
            *min = cells;
        }
        self
    }

    /// At most `cells` wide (a share column).
    pub fn max(mut self, cells: u16) -> Column<'a> {
        if let ColumnWidth::Share { max, .. } = &mut self.width {
            *max = cells;
        }
        self
    }

    pub fn right(mut self) -> Column<'a> {
        self.align = Align::Right;
        self
    }
}

/// One cell: its text and style (patched over the row's, so a selected row keeps its
/// highlight under a muted cell).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TableCell<'a> {
    pub text: Cow<'a, str>,
    pub style: Style,
}

impl<'a> TableCell<'a> {
    pub fn new(text: impl Into<Cow<'a, str>>) -> TableCell<'a> {
        TableCell {
            text: text.into(),
            style: Style::new(),
        }
    }

    pub fn styled(text: impl Into<Cow<'a, str>>, style: Style) -> TableCell<'a> {
        TableCell {
            text: text.into(),
            style,
        }
    }
}

impl<'a> From<&'a str> for TableCell<'a> {
    fn from(text: &'a str) -> TableCell<'a> {
        TableCell::new(text)
    }
}

impl From<String> for TableCell<'_> {
    fn from(text: String) -> Self {
        TableCell::new(text)
    }
}

/// The widths of `columns` in a table `total` cells wide, with `separator` cells between two
/// columns. Fixed columns first, in order, as long as there is room; then each share column
/// gets its minimum, in order; then the rest by weight, up to each maximum, the remainder of
/// the division going to the last column that can still grow.
pub fn column_widths(columns: &[Column], total: u16, separator: u16) -> Vec<u16> {
    let gaps = separator
        .saturating_mul(u16::try_from(columns.len().saturating_sub(1)).unwrap_or(u16::MAX));
    let mut left = total.saturating_sub(gaps);
    let mut widths = vec![0u16; columns.len()];
    for (w, c) in widths.iter_mut().zip(columns) {
        if let ColumnWidth::Fixed(cells) = c.width {
            *w = cells.min(left);
            left -= *w;
        }
    }
    for (w, c) in widths.iter_mut().zip(columns) {
        if let ColumnWidth::Share { min, max, .. } = c.width {
            *w = min.min(max).min(left);
            left -= *w;
        }
    }
    // Each round either hands out everything or caps a column, so it ends within
    // `columns.len()` rounds.
    for _ in 0..=columns.len() {
        let growing: Vec<(usize, u16, u16)> = columns
            .iter()
            .enumerate()
            .filter_map(|(i, c)| match c.width {
                ColumnWidth::Share { weight, max, .. } if widths[i] < max => Some((i, weight, max)),
                _ => None,
            })
            .collect();
        let Some(&(last, _, _)) = growing.last() else {
            break;
        };
        if left == 0 {
            break;
        }
        let weights: u32 = growing.iter().map(|(_, w, _)| u32::from(*w)).sum();
        let room = u32::from(left);
        let mut given = 0u16;
        for &(i, weight, max) in &growing {
            let share = u16::try_from(room * u32::from(weight) / weights.max(1)).unwrap_or(0);
            let take = share.min(max - widths[i]);
            widths[i] += take;
            given += take;
        }
        left -= given;
        let take = left.min(max_of(columns[last].width) - widths[last]);
        widths[last] += take;
        left -= take;
    }
    widths
}

fn max_of(width: ColumnWidth) -> u16 {
    match width {
        ColumnWidth::Fixed(cells) => cells,
        ColumnWidth::Share { max, .. } => max,
    }
}

/// The table widget: build with [`Table::new`], adjust with the builder methods, render.
pub struct Table<'a, F> {
    columns: &'a [Column<'a>],
    row_count: usize,
    row: F,
    state: &'a ListState,
    theme: Theme,
    focused: bool,
    header: bool,
    marker: bool,
    separator: &'a str,
    totals: Option<Vec<TableCell<'a>>>,
}

/// Cells of the `>` marker column in front of every row.
const MARKER_W: u16 = 2;

impl<'a, F> Table<'a, F>
where
    F: Fn(usize) -> Vec<TableCell<'a>>,
{
    /// `row_count` rows, row `i` built by `row(i)` only when it is on screen; the selection and
    /// the scroll are `state`'s. By default: header shown, `>` marker, one space between columns.
    pub fn new(
        columns: &'a [Column<'a>],
        row_count: usize,
        row: F,
        state: &'a ListState,
        theme: Theme,
    ) -> Self {
        Table {
            columns,
            row_count,
            row,
            state,
            theme,
            focused: true,
            header: true,
            marker: true,
            separator: " ",
            totals: None,
        }
    }

    /// Without focus the selected row keeps its `>` but loses its highlight.
    pub fn focused(mut self, focused: bool) -> Self {
        self.focused = focused;
        self
    }

    pub fn header(mut self, shown: bool) -> Self {
        self.header = shown;
        self
    }

    /// The `> ` column in front of the rows (readable without colours).
    pub fn marker(mut self, shown: bool) -> Self {
        self.marker = shown;
        self
    }

    pub fn separator(mut self, separator: &'a str) -> Self {
        self.separator = separator;
        self
    }

    /// A totals row, pinned to the bottom of the table.
    pub fn totals(mut self, cells: Vec<TableCell<'a>>) -> Self {
        self.totals = Some(cells);
        self
    }

    /// Rows of data that fit in `height` rows, once the header and the totals have theirs:
    /// what the scroll keys of the caller count with.
    pub fn body_height(&self, height: u16) -> u16 {
        height
            .saturating_sub(u16::from(self.header))
            .saturating_sub(u16::from(self.totals.is_some()))
    }

    /// The x of each column and its width, in `area`.
    fn layout(&self, area: Rect) -> Vec<(u16, u16)> {
        let marker = if self.marker { MARKER_W } else { 0 };
        let sep = u16::try_from(text_width::width(self.separator)).unwrap_or(u16::MAX);
        let widths = column_widths(self.columns, area.width.saturating_sub(marker), sep);
        let mut x = area.x.saturating_add(marker);
        widths
            .into_iter()
            .map(|w| {
                let at = x;
                x = x.saturating_add(w).saturating_add(sep);
                (at, w)
            })
            .collect()
    }

    fn draw_cells(&self, cells: &[TableCell], layout: &[(u16, u16)], y: u16, buf: &mut Buffer) {
        let sep_w = u16::try_from(text_width::width(self.separator)).unwrap_or(u16::MAX);
        for (i, ((x, w), column)) in layout.iter().zip(self.columns).enumerate() {
            if i > 0 && sep_w > 0 && *x >= sep_w && !self.separator.trim().is_empty() {
                let style = self.theme.border();
                buf.set_stringn(x - sep_w, y, self.separator, usize::from(sep_w), style);
            }
            let Some(cell) = cells.get(i) else { continue };
            let text = text_width::cut(&cell.text, usize::from(*w));
            let used = u16::try_from(text_width::width(&text)).unwrap_or(*w);
            let at = match column.align {
                Align::Left => *x,
                Align::Right => x + w.saturating_sub(used),
            };
            buf.set_stringn(at, y, &text, usize::from(*w), cell.style);
        }
    }
}

impl<'a, F> Widget for Table<'a, F>
where
    F: Fn(usize) -> Vec<TableCell<'a>>,
{
    fn render(self, area: Rect, buf: &mut Buffer) {
        // Never outside the screen, whatever area the caller computed.
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let layout = self.layout(area);
        let mut y = area.y;
        if self.header {
            let cells: Vec<TableCell> = self
                .columns
                .iter()
                .map(|c| TableCell::styled(c.header.as_ref(), self.theme.title()))
                .collect();
            self.draw_cells(&cells, &layout, y, buf);
            y += 1;
        }
        let height = usize::from(self.body_height(area.height));
        if let Some(totals) = &self.totals
            && area.height > u16::from(self.header)
        {
            let total_y = area.bottom() - 1;
            buf.set_style(
                Rect::new(area.x, total_y, area.width, 1),
                self.theme.title(),
            );
            self.draw_cells(totals, &layout, total_y, buf);
        }
        if height == 0 || self.row_count == 0 {
            return;
        }
        // The offset is kept valid by the caller's actions; clamp anyway so a smaller screen
        // than the one it was computed for still shows the selection.
        let mut offset = self.state.offset().min(self.row_count - 1);
        let selected = self.state.selected().filter(|s| *s < self.row_count);
        if let Some(sel) = selected {
            if sel >= offset + height {
                offset = sel + 1 - height;
            } else if sel < offset {
                offset = sel;
            }
        }
        let end = (offset + height).min(self.row_count);
        for (line, i) in (offset..end).enumerate() {
            let row_y = y + u16::try_from(line).unwrap_or(u16::MAX);
            let is_selected = selected == Some(i);
            if is_selected && self.focused {
                buf.set_style(
                    Rect::new(area.x, row_y, area.width, 1),
                    self.theme.selected(),
                );
            }
            if self.marker {
                let mark = if is_selected { "> " } else { "  " };
                buf.set_stringn(area.x, row_y, mark, usize::from(area.width), Style::new());
            }
            let cells = (self.row)(i);
            self.draw_cells(&cells, &layout, row_y, buf);
        }
    }
}

#[cfg(test)]
#[path = "table_tests.rs"]
mod tests;

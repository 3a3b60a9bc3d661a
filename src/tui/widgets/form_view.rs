//! Drawing a form: the labels with their focus and "modified" marks, each field's value (a
//! choice between ‹ ›, an empty date's placeholder, a text area), the error under it, and the
//! search of a picker field over the fields below.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use ratatui_textarea::{CursorMove, TextArea};

use super::form::{Field, FieldKind, Form};
use crate::catalogue::tui as msg;
use crate::text::display_width;
use crate::tui::action::Action;
use crate::tui::keymap::{self, Scope};
use crate::tui::widgets::picker::{Picker, PickerView, render_matches};

impl Form {
    /// Rows each field is drawn in, `height` rows being there: every field its normal rows;
    /// then the room left goes to the several-line fields whose text needs more, the focused
    /// one first, so that a text that fits is seen whole; what is still left goes to the
    /// focused field, to type in.
    fn heights(&self, height: u16, input_w: u16) -> Vec<u16> {
        let mut heights: Vec<u16> = self
            .fields
            .iter()
            .map(|f| f.rows() + error_rows(f, input_w))
            .collect();
        let mut spare = height.saturating_sub(heights.iter().sum());
        let order =
            std::iter::once(self.focus).chain((0..self.fields.len()).filter(|i| *i != self.focus));
        for i in order {
            let Some(field) = self.fields.get(i) else {
                continue;
            };
            if field.is_single_line() || spare == 0 {
                continue;
            }
            let needed = u16::try_from(
                crate::text::wrap_text(&field.value(), usize::from(input_w.max(1))).len(),
            )
            .unwrap_or(u16::MAX);
            let extra = needed.saturating_sub(field.rows()).min(spare);
            heights[i] += extra;
            spare -= extra;
        }
        if let Some(field) = self.fields.get(self.focus)
            && !field.is_single_line()
        {
            heights[self.focus] += spare;
        }
        heights
    }
}

/// A field's text area as an unfocused field shows it: from its first line (the text area
/// itself keeps the view that followed the cursor while it was typed in).
fn from_the_top(input: &TextArea<'static>) -> TextArea<'static> {
    let mut view = input.clone();
    view.scroll((-i16::MAX, -i16::MAX));
    view.move_cursor(CursorMove::Jump(0, 0));
    view
}

const LABEL_MARKS: u16 = 2;

impl Widget for &Form {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let label_w = self
            .fields
            .iter()
            .map(|f| display_width(f.label) as u16)
            .max()
            .unwrap_or(0)
            .min(area.width / 3)
            + LABEL_MARKS
            + 1;
        let input_x = area.x + label_w;
        let input_w = area.width.saturating_sub(label_w);
        self.input_width.set(input_w);
        let heights = self.heights(area.height, input_w);
        // When the form is taller than the area, start at the first field that keeps the focused
        // one entirely visible.
        let mut first = 0;
        let bottom_of_focus = |first: usize| -> u16 { heights[first..=self.focus].iter().sum() };
        while first < self.focus && bottom_of_focus(first) > area.height {
            first += 1;
        }
        let mut y = area.y;
        let mut open_picker = None;
        let mut open_suggestions = None;
        for (i, field) in self.fields.iter().enumerate().skip(first) {
            let h = heights[i];
            if y >= area.bottom() {
                break;
            }
            let focused = i == self.focus;
            let focus_mark = if focused { ">" } else { " " };
            let dirty_mark = if field.is_changed() {
                msg::DIRTY_MARK
            } else {
                " "
            };
            let label_style = if focused { theme.key() } else { theme.label() };
            let label = Line::from(vec![
                Span::styled(focus_mark, label_style),
                Span::styled(dirty_mark, theme.dirty()),
                Span::styled(
                    crate::text::truncate(
                        field.label,
                        usize::from(label_w.saturating_sub(LABEL_MARKS + 1)),
                    ),
                    label_style,
                ),
            ]);
            buf.set_line(area.x, y, &label, label_w.saturating_sub(1));
            let input_rows = h
                .saturating_sub(error_rows(field, input_w))
                .min(area.bottom() - y);
            let input_area = Rect::new(input_x, y, input_w, input_rows);
            if let (FieldKind::Suggest(_), Some(picker)) = (&field.kind, &field.picker)
                && picker.is_open()
            {
                // Its suggestions go under it, over the fields below, drawn last.
                let rows = u16::try_from(picker.match_count().max(1)).unwrap_or(u16::MAX);
                let below = area.bottom().saturating_sub(y + 1);
                open_suggestions = Some((i, Rect::new(input_x, y + 1, input_w, rows.min(below))));
            }
            match &field.kind {
                FieldKind::Pick(_) if field.picker.as_ref().is_some_and(Picker::is_open) => {
                    // Drawn last, over the fields below.
                    open_picker = Some((i, Rect::new(input_x, y, input_w, area.bottom() - y)));
                }
                FieldKind::Choice(_) | FieldKind::Pick(_) => {
                    let mut spans =
                        vec![Span::raw("‹ "), Span::raw(field.value()), Span::raw(" ›")];
                    if focused {
                        spans.push(Span::styled(
                            format!(
                                "  {}",
                                msg::choice_hint(
                                    &keymap::key_label(Scope::Choice, Action::PrevChoice),
                                    &keymap::key_label(Scope::Choice, Action::NextChoice),
                                )
                            ),
                            theme.muted(),
                        ));
                    }
                    buf.set_line(input_x, y, &Line::from(spans), input_w);
                }
                // An empty date shows how to write one, from the column where every value
                // starts (the text area would put its cursor cell before a placeholder).
                FieldKind::Date | FieldKind::PastDate | FieldKind::DayOrMonth
                    if field.input.is_empty() =>
                {
                    let placeholder = if field.kind == FieldKind::DayOrMonth {
                        msg::DAY_OR_MONTH_PLACEHOLDER
                    } else {
                        msg::DATE_PLACEHOLDER
                    };
                    let hint = Line::styled(placeholder, theme.muted());
                    buf.set_line(input_x, y, &hint, input_w);
                    if focused && input_w > 0 {
                        buf[(input_x, y)].set_style(theme.cursor());
                    }
                }
                _ if focused => (&field.input).render(input_area, buf),
                _ => {
                    let view = from_the_top(&field.input);
                    (&view).render(input_area, buf);
                    // More text than rows: say so at the end of the last row.
                    let lines = if field.is_single_line() {
                        usize::from(display_width(&field.value()) > usize::from(input_w)) + 1
                    } else {
                        crate::text::wrap_text(&field.value(), usize::from(input_w.max(1))).len()
                    };
                    if lines > usize::from(input_rows) && input_rows > 0 && input_w > 0 {
                        let (x, y) = (input_area.right() - 1, input_area.bottom() - 1);
                        buf[(x, y)].set_symbol("…").set_style(theme.muted());
                    }
                }
            }
            if field.error.is_some() {
                for (row, text) in error_lines(field, input_w).iter().enumerate() {
                    let ey = y + input_rows + u16::try_from(row).unwrap_or(u16::MAX);
                    if ey >= area.bottom() {
                        break;
                    }
                    let line = Line::styled(text.clone(), theme.error());
                    buf.set_line(input_x, ey, &line, input_w);
                }
            }
            y = y.saturating_add(h);
        }
        if let Some((i, rect)) = open_suggestions
            && let Some(picker) = &self.fields[i].picker
        {
            render_matches(picker, rect, buf, theme);
        }
        if let Some((i, rect)) = open_picker
            && let Some(picker) = &self.fields[i].picker
        {
            PickerView {
                picker,
                theme,
                focused: true,
            }
            .render(rect, buf);
        }
    }
}

/// A field's error as shown under it: `! ` and the message, word-wrapped to the input's width
/// over three rows at most (the last cut with `…` if it must), so its end is not lost.
fn error_lines(field: &Field, width: u16) -> Vec<String> {
    const MAX_ROWS: usize = 3;
    let Some(error) = &field.error else {
        return Vec::new();
    };
    let width = usize::from(width.max(1));
    let mut lines = crate::text::wrap_text(&format!("! {error}"), width);
    if lines.len() > MAX_ROWS {
        let rest = lines.split_off(MAX_ROWS - 1).join(" ");
        lines.push(crate::text::truncate(&rest, width));
    }
    lines
}

fn error_rows(field: &Field, width: u16) -> u16 {
    u16::try_from(error_lines(field, width).len()).unwrap_or(1)
}

//! Drawing a picker: the one-line field, and the dropdown of its best matches when open.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use super::state::{Picker, PickerEntry};
use crate::catalogue::tui as msg;
use crate::text::width as text_width;
use crate::tui::action::Action;
use crate::tui::keymap::{self, Scope};
use crate::tui::theme::Theme;

/// Draws a picker in `area`: its first row is the field (the chosen label and its hint when
/// closed, what is typed and the match count when open); when open, the rows below show the
/// best matches, the highlighted one marked `>`. Never draws outside `area` nor the screen.
pub struct PickerView<'a, V> {
    pub picker: &'a Picker<V>,
    pub theme: Theme,
    pub focused: bool,
}

impl<V> Widget for PickerView<'_, V> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let (picker, theme) = (self.picker, self.theme);
        let width = usize::from(area.width);
        let field = Rect { height: 1, ..area };
        let line = if picker.is_open() {
            let count = if picker.is_showing() {
                msg::suggestion_count(picker.match_count())
            } else {
                msg::picker_count(picker.match_count(), picker.entries().len())
            };
            let count_w = text_width::width(&count) + 2;
            let room = width.saturating_sub(count_w + 1);
            let query = tail(picker.query(), room);
            let pad = room.saturating_sub(text_width::width(query)) + 2;
            Line::from(vec![
                Span::raw(query.to_owned()),
                Span::styled(" ", theme.cursor()),
                Span::raw(" ".repeat(pad)),
                Span::styled(count, theme.muted()),
            ])
        } else {
            let mut spans = match picker.chosen() {
                Some(e) => entry_spans(e, width, theme),
                None => vec![Span::styled(msg::PICKER_NONE, theme.muted())],
            };
            if self.focused {
                let hint = if picker.is_short() {
                    msg::picker_hint_short(
                        &keymap::key_label(Scope::Choice, Action::PrevChoice),
                        &keymap::key_label(Scope::Choice, Action::NextChoice),
                    )
                } else {
                    msg::PICKER_HINT_LONG.to_owned()
                };
                spans.push(Span::styled(format!("  {hint}"), theme.muted()));
            }
            Line::from(spans)
        };
        buf.set_line(field.x, field.y, &line, field.width);
        if !picker.is_open() || area.height < 2 {
            return;
        }
        let list = Rect {
            y: area.y + 1,
            height: area.height - 1,
            ..area
        };
        render_matches(picker, list, buf, theme);
    }
}

/// The dropdown of a picker's best matches in `list`, the highlighted one marked `>` (or that
/// nothing matches).
pub fn render_matches<V>(picker: &Picker<V>, list: Rect, buf: &mut Buffer, theme: Theme) {
    let list = list.intersection(buf.area);
    if list.is_empty() {
        return;
    }
    let width = usize::from(list.width);
    Clear.render(list, buf);
    if picker.match_count() == 0 {
        let none = Line::styled(msg::PICKER_NO_MATCH, theme.muted());
        buf.set_line(
            list.x + 2.min(list.width),
            list.y,
            &none,
            list.width.saturating_sub(2),
        );
        return;
    }
    let rows = usize::from(list.height);
    let offset = picker.cursor().saturating_sub(rows - 1);
    for (line, (_, entry)) in picker.best(offset, rows).enumerate() {
        let y = list.y + u16::try_from(line).unwrap_or(u16::MAX);
        let row = Rect {
            y,
            height: 1,
            ..list
        };
        let selected = offset + line == picker.cursor();
        if selected {
            buf.set_style(row, theme.selected());
        }
        let mut spans = vec![Span::raw(if selected { "> " } else { "  " })];
        spans.extend(entry_spans(entry, width.saturating_sub(2), theme));
        buf.set_line(row.x, y, &Line::from(spans), row.width);
    }
}

/// A label cut to `width` cells and its hint dimmed after it, as much as fits.
fn entry_spans<V>(entry: &PickerEntry<V>, width: usize, theme: Theme) -> Vec<Span<'static>> {
    let label = text_width::cut(&entry.label, width);
    let left = width.saturating_sub(text_width::width(&label) + 1);
    let mut spans = vec![Span::raw(label)];
    if !entry.hint.is_empty() && left > 0 {
        spans.push(Span::styled(
            format!(" {}", text_width::cut(&entry.hint, left)),
            theme.muted(),
        ));
    }
    spans
}

/// The end of `text` that fits in `width` cells (what is typed last stays in sight).
fn tail(text: &str, width: usize) -> &str {
    use unicode_segmentation::UnicodeSegmentation;
    let mut used = 0;
    let mut start = text.len();
    for (at, cluster) in text.grapheme_indices(true).rev() {
        used += text_width::grapheme_width(cluster);
        if used > width {
            break;
        }
        start = at;
    }
    &text[start..]
}

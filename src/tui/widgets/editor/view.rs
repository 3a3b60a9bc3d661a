//! An open editor on screen.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::cycle::Editor;
use crate::catalogue::tui as msg;
use crate::tui::theme::Theme;
use crate::tui::widgets::merge::MergeView;
use crate::tui::widgets::truncate;

/// An editor on screen: its title with the "modified" mark, its hint, then the form, or the
/// merge panel under the conflict's title.
pub struct EditorView<'a, T> {
    pub editor: &'a Editor<T>,
    pub theme: Theme,
}

impl<T> Widget for EditorView<'_, T> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let editor = self.editor;
        let [title, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
        if let Some(conflict) = &editor.conflict {
            let text = editor.record.words().conflict_title;
            let line = Line::styled(format!("! {text}"), theme.error());
            buf.set_line(title.x, title.y, &line, title.width);
            MergeView {
                merge: conflict,
                theme,
            }
            .render(body, buf);
            return;
        }
        let form = &editor.form;
        // The title gives way to the "modified" mark, cut with `…` rather than at the edge.
        let legend = if form.is_dirty() {
            format!("  {}", msg::DIRTY_LEGEND)
        } else {
            String::new()
        };
        let room = usize::from(title.width).saturating_sub(crate::text::display_width(&legend));
        let mut spans = vec![Span::styled(truncate(&form.title, room), theme.title())];
        if !legend.is_empty() {
            spans.push(Span::styled(legend, theme.dirty()));
        }
        buf.set_line(title.x, title.y, &Line::from(spans), title.width);
        let body = match &editor.hint {
            Some(hint) => {
                let [hint_area, _, rest] = Layout::vertical([
                    Constraint::Length(2),
                    Constraint::Length(1),
                    Constraint::Min(0),
                ])
                .areas(body);
                Paragraph::new(hint.as_str())
                    .style(theme.muted())
                    .wrap(Wrap { trim: true })
                    .render(hint_area, buf);
                rest
            }
            None => body,
        };
        form.render(body, buf);
    }
}

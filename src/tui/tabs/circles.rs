//! The Cercles tab: the list of circles (filterable), the detail of the selected one, and its
//! identity-sheet form (see `circle_editor`). Issue 4 adds counts, members, working groups and
//! the work log to the detail; the detail is built as a list of sections so they slot in.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::circle_editor::{CircleEditor, EditorView};
use crate::catalogue::tui as msg;
use crate::model::{Circle, CircleKind, format_date};
use crate::text::fold_for_match;
use crate::tui::theme::Theme;
use crate::tui::widgets::list::{ListState, SelectList};
use crate::tui::widgets::wrap_text;

/// Width of the list pane at 80 columns; wider terminals give it a third of the room.
const LIST_MIN_WIDTH: u16 = 28;

#[derive(Default)]
pub struct CirclesTab {
    pub circles: Vec<Circle>,
    pub list: ListState,
    pub filter: String,
    /// The filter line has the keyboard (after `/`, until Enter or Esc).
    pub filtering: bool,
    pub editor: Option<CircleEditor>,
}

impl CirclesTab {
    /// The circles the filter lets through, in list order.
    pub fn visible(&self) -> Vec<&Circle> {
        let needle = fold_for_match(&self.filter);
        self.circles
            .iter()
            .filter(|c| needle.is_empty() || fold_for_match(c.name()).contains(&needle))
            .collect()
    }

    pub fn visible_ids(&self) -> Vec<i64> {
        self.visible().iter().map(|c| c.id).collect()
    }

    pub fn selected(&self) -> Option<&Circle> {
        let id = self.list.selected_id()?;
        self.circles.iter().find(|c| c.id == id)
    }

    /// New rows from the store: the selection stays on the same circle.
    pub fn set_circles(&mut self, circles: Vec<Circle>, height: usize) {
        self.circles = circles;
        let ids = self.visible_ids();
        self.list.sync(&ids, height);
    }

    pub fn refilter(&mut self, height: usize) {
        let ids = self.visible_ids();
        self.list.sync(&ids, height);
    }

    pub fn is_dirty(&self) -> bool {
        self.editor.as_ref().is_some_and(|e| e.form.is_dirty())
    }
}

/// Rows available to the list in a body of `body_height` rows (one header line).
pub fn list_height(body_height: u16) -> usize {
    usize::from(body_height.saturating_sub(1))
}

pub struct CirclesView<'a> {
    pub tab: &'a CirclesTab,
    pub theme: Theme,
}

impl Widget for CirclesView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if let Some(editor) = &self.tab.editor {
            EditorView {
                editor,
                theme: self.theme,
            }
            .render(area, buf);
            return;
        }
        let list_w = LIST_MIN_WIDTH.max(area.width / 3).min(area.width);
        let [left, right] =
            Layout::horizontal([Constraint::Length(list_w), Constraint::Min(0)]).areas(area);
        self.render_list(left, buf);
        self.render_detail(right, buf);
    }
}

impl CirclesView<'_> {
    fn render_list(&self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let tab = self.tab;
        let visible = tab.visible();
        let block = Block::default()
            .borders(Borders::RIGHT)
            .border_style(theme.border());
        let inner = block.inner(area);
        block.render(area, buf);
        let [header, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
        let count = msg::circles_count(visible.len(), tab.circles.len());
        let header_line = if tab.filtering || !tab.filter.is_empty() {
            let mut spans = vec![
                Span::styled(msg::FILTER_PROMPT, theme.key()),
                Span::raw(tab.filter.as_str()),
            ];
            if tab.filtering {
                spans.push(Span::styled(" ", theme.cursor()));
            }
            spans.push(Span::styled(format!("  {count}"), theme.muted()));
            Line::from(spans)
        } else {
            Line::from(vec![
                Span::styled(msg::CIRCLES_TITLE, theme.title()),
                Span::styled(format!("  {count}"), theme.muted()),
            ])
        };
        buf.set_line(header.x, header.y, &header_line, header.width);
        if visible.is_empty() {
            let text = if tab.circles.is_empty() {
                msg::NO_CIRCLE
            } else {
                msg::NO_ROW_MATCHES
            };
            Paragraph::new(Line::styled(text, theme.muted()))
                .wrap(Wrap { trim: true })
                .render(body, buf);
            return;
        }
        let rows: Vec<Line> = visible
            .iter()
            .map(|c| {
                let mut spans = vec![Span::raw(c.name())];
                if c.closed_on.is_some() {
                    spans.push(Span::styled(
                        format!(" ({})", msg::CIRCLE_CLOSED),
                        theme.muted(),
                    ));
                }
                Line::from(spans)
            })
            .collect();
        SelectList {
            rows,
            state: &tab.list,
            theme,
            focused: true,
        }
        .render(body, buf);
    }

    fn render_detail(&self, area: Rect, buf: &mut Buffer) {
        let area = Rect {
            x: area.x + 1,
            width: area.width.saturating_sub(1),
            ..area
        };
        let Some(circle) = self.tab.selected() else {
            return;
        };
        let lines = detail_lines(circle, self.theme, usize::from(area.width));
        for (i, line) in lines.iter().enumerate().take(usize::from(area.height)) {
            buf.set_line(area.x, area.y + i as u16, line, area.width);
        }
    }
}

/// The detail of a circle: its name, what kind it is, then the sheet's sections, wrapped to
/// `width` with the values indented under their labels.
pub fn detail_lines(circle: &Circle, theme: Theme, width: usize) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(circle.name().to_owned(), theme.title())];
    let mut notes = Vec::new();
    if circle.kind == CircleKind::Coordination {
        notes.push(msg::CIRCLE_COORDINATION.to_owned());
    }
    if let Some(closed) = circle.closed_on {
        notes.push(msg::circle_closed_on(&format_date(closed)));
    }
    if !notes.is_empty() {
        lines.push(Line::styled(notes.join(", "), theme.muted()));
    }
    let sheet = &circle.sheet;
    for (label, value) in [
        (msg::CIRCLE_LABEL_PURPOSE, &sheet.purpose),
        (msg::CIRCLE_LABEL_SCOPE, &sheet.decision_scope),
        (msg::CIRCLE_LABEL_MISSIONS, &sheet.missions),
        (msg::CIRCLE_LABEL_SAFE_FRAME, &sheet.safe_frame),
    ] {
        lines.push(Line::styled(label, theme.label()));
        if value.trim().is_empty() {
            lines.push(Line::styled(
                format!("  {}", msg::EMPTY_VALUE),
                theme.muted(),
            ));
        } else {
            for text in wrap_text(value, width.saturating_sub(2)) {
                lines.push(Line::raw(format!("  {text}")));
            }
        }
    }
    lines
}

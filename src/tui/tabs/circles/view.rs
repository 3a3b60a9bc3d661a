//! The view of the Cercles tab: the list of circles (the cercle général on top, counts and a
//! term flag at the right edge, closed ones muted) beside the detail of the selected one, or
//! the open form in their place. Reads the tab's state, changes nothing.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::detail::DetailView;
use super::detail::GENERAL_ID;
use super::state::{CirclesTab, list_width};
use crate::catalogue::circles_tab as cm;
use crate::catalogue::tui as msg;
use crate::text::width as text_width;
use crate::tui::theme::Theme;
use crate::tui::widgets::editor::EditorView;
use crate::tui::widgets::list_detail::split;
use crate::tui::widgets::table::{Column, Table, TableCell};

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
        let in_detail = self.tab.focus.is_some();
        let list_w = list_width(area.width, in_detail);
        // Too narrow for both: the list alone until Enter goes into the detail.
        let (left, right) = split(area, list_w);
        if let Some(left) = left {
            self.render_list(left, buf);
        }
        if let (Some(right), Some(data)) = (right, &self.tab.detail) {
            DetailView {
                data,
                focus: self.tab.focus.as_ref(),
                scroll: self.tab.scroll,
                theme: self.theme,
            }
            .render(right, buf);
        }
    }
}

/// The counts take at least this many columns, so that they end in one column whatever the
/// digits.
const COUNTS_W: usize = 12;

/// The list's columns: the name, its counts (as wide as the widest), the term flag at the
/// right edge.
fn list_columns(counts_w: usize) -> [Column<'static>; 3] {
    let counts_w = u16::try_from(counts_w.max(COUNTS_W)).unwrap_or(u16::MAX);
    [
        Column::share("", 1),
        Column::fixed("", counts_w).right(),
        Column::fixed("", 1),
    ]
}

/// One row of the list: the name, then its counts and the flag.
fn row_cells(
    name: &str,
    counts: String,
    flag: bool,
    closed: bool,
    theme: Theme,
) -> Vec<TableCell<'_>> {
    let name_style = if closed { theme.muted() } else { theme.base() };
    let flag = if flag { cm::FLAG } else { "" };
    vec![
        TableCell::styled(name, name_style),
        TableCell::styled(counts, theme.muted()),
        TableCell::styled(flag, theme.error()),
    ]
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
        let closed = tab.circles.iter().filter(|c| c.closed_on.is_some()).count();
        let count = msg::circles_count(visible.len(), tab.circles.len(), closed);
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
        let ids = tab.visible_ids();
        if ids.is_empty() {
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
        // A network has tens of circles: every row is built, for the widest counts.
        let mut rows = Vec::with_capacity(ids.len());
        if ids.first() == Some(&GENERAL_ID) {
            let d = tab.derived;
            rows.push(row_cells(
                cm::GENERAL_NAME,
                cm::row_counts(d.general, d.coordination),
                d.general_reviews_due > 0,
                false,
                theme,
            ));
        }
        rows.extend(
            visible
                .iter()
                .map(|c| match (tab.summary(c.id), c.closed_on) {
                    (_, Some(_)) => row_cells(
                        c.name(),
                        format!("({})", cm::CLOSED_WORD),
                        false,
                        true,
                        theme,
                    ),
                    (Some(s), None) => row_cells(
                        c.name(),
                        cm::row_counts(s.members, s.co_referents),
                        s.term_alerts > 0 || s.reviews_due > 0,
                        false,
                        theme,
                    ),
                    (None, None) => row_cells(c.name(), String::new(), false, false, theme),
                }),
        );
        let counts_w = rows
            .iter()
            .filter_map(|cells| cells.get(1))
            .map(|cell| text_width::width(&cell.text))
            .max()
            .unwrap_or(0);
        let columns = list_columns(counts_w);
        let row = |i: usize| rows.get(i).cloned().unwrap_or_default();
        Table::new(&columns, rows.len(), row, &tab.list, theme)
            .header(false)
            .focused(tab.focus.is_none())
            .render(body, buf);
    }
}

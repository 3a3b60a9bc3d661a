//! The view of the Cercles tab: the list of circles (the cercle général on top, counts and a
//! term flag at the right edge, closed ones muted) beside the detail of the selected one, or
//! the open form in their place. Draws what the tab hands it, changes nothing; it does not know
//! the tab.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::circle_detail::DetailView;
use super::circle_editor::{CircleEditor, EditorView};
use crate::catalogue::circles_tab as cm;
use crate::catalogue::tui as msg;
use crate::model::Circle;
use crate::store::governance::{CircleSummary, DerivedCounts};
use crate::text::width as text_width;
use crate::tui::theme::Theme;
use crate::tui::widgets::list::ListState;
use crate::tui::widgets::table::{Column, Table, TableCell};

/// Width of the list pane at 80 columns; wider terminals give it a third of the room.
const LIST_MIN_WIDTH: u16 = 39;

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

/// The list pane: every circle (for the counts), those the filter lets through, and the
/// list's selection.
pub struct CircleListView<'a> {
    pub circles: &'a [Circle],
    pub visible: Vec<&'a Circle>,
    /// The cercle général's row is shown (the filter lets it through).
    pub general_shown: bool,
    pub summaries: &'a [CircleSummary],
    pub derived: DerivedCounts,
    pub filter: &'a str,
    pub filtering: bool,
    pub list: &'a ListState,
    /// The keyboard is on the list (not inside the detail).
    pub focused: bool,
}

/// The Cercles tab: the open form, else the list beside the selected row's detail.
pub struct CirclesView<'a> {
    pub editor: Option<&'a CircleEditor>,
    pub list: CircleListView<'a>,
    pub detail: Option<DetailView<'a>>,
    /// The keyboard is inside the detail (on a narrow screen, the detail alone is shown).
    pub in_detail: bool,
    pub theme: Theme,
}

impl Widget for CirclesView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if let Some(editor) = self.editor {
            EditorView {
                editor,
                theme: self.theme,
            }
            .render(area, buf);
            return;
        }
        let list_w = list_width(area.width, self.in_detail);
        let [left, right] =
            Layout::horizontal([Constraint::Length(list_w), Constraint::Min(0)]).areas(area);
        if list_w > 0 {
            self.render_list(left, buf);
        }
        if list_w == area.width {
            // Too narrow for both: the list alone until Enter goes into the detail.
            return;
        }
        let margin = u16::from(list_w > 0);
        let right = Rect {
            x: right.x + margin,
            width: right.width.saturating_sub(margin),
            ..right
        };
        if let Some(detail) = self.detail {
            detail.render(right, buf);
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
        let pane = &self.list;
        let visible = &pane.visible;
        let block = Block::default()
            .borders(Borders::RIGHT)
            .border_style(theme.border());
        let inner = block.inner(area);
        block.render(area, buf);
        let [header, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
        let closed = pane
            .circles
            .iter()
            .filter(|c| c.closed_on.is_some())
            .count();
        let count = msg::circles_count(visible.len(), pane.circles.len(), closed);
        let header_line = if pane.filtering || !pane.filter.is_empty() {
            let mut spans = vec![
                Span::styled(msg::FILTER_PROMPT, theme.key()),
                Span::raw(pane.filter),
            ];
            if pane.filtering {
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
        if !pane.general_shown && visible.is_empty() {
            let text = if pane.circles.is_empty() {
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
        let mut rows = Vec::with_capacity(visible.len() + 1);
        if pane.general_shown {
            let d = pane.derived;
            rows.push(row_cells(
                cm::GENERAL_NAME,
                cm::row_counts(d.general, d.coordination),
                d.general_reviews_due > 0,
                false,
                theme,
            ));
        }
        rows.extend(visible.iter().map(|c| {
            match (
                pane.summaries.iter().find(|s| s.circle.id == c.id),
                c.closed_on,
            ) {
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
            }
        }));
        let counts_w = rows
            .iter()
            .filter_map(|cells| cells.get(1))
            .map(|cell| text_width::width(&cell.text))
            .max()
            .unwrap_or(0);
        let columns = list_columns(counts_w);
        let row = |i: usize| rows.get(i).cloned().unwrap_or_default();
        Table::new(&columns, rows.len(), row, pane.list, theme)
            .header(false)
            .focused(pane.focused)
            .render(body, buf);
    }
}

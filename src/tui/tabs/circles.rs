//! The Cercles tab: the list of circles (the cercle général on top, open circles in the
//! report's order with their counts and a term flag, closed ones last), the detail of the
//! selected one (`circle_detail`), and its forms (`circle_editor`, `circle_forms`). The keys
//! that act on it are in `circle_writes`.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::circle_detail::{DetailData, DetailFocus, DetailView};
use super::circle_editor::{CircleEditor, EditorView};
use crate::catalogue::circles_tab as cm;
use crate::catalogue::tui as msg;
use crate::model::Circle;
use crate::store::governance::{CircleSummary, DerivedCounts};
use crate::text::{display_width, fold_for_match};
use crate::tui::theme::Theme;
use crate::tui::widgets::list::{ListState, SelectList};
use crate::tui::widgets::truncate;

/// Width of the list pane at 80 columns; wider terminals give it a third of the room.
const LIST_MIN_WIDTH: u16 = 39;

/// The list id of the cercle général's pseudo-row (circle ids are positive).
pub const GENERAL_ID: i64 = -1;

#[derive(Default)]
pub struct CirclesTab {
    pub circles: Vec<Circle>,
    /// Counts of each circle, in the order of `circles`.
    pub summaries: Vec<CircleSummary>,
    /// The derived circles' sizes (cercle général, coordination).
    pub derived: DerivedCounts,
    pub list: ListState,
    pub filter: String,
    /// The filter line has the keyboard (after `/`, until Enter or Esc).
    pub filtering: bool,
    pub editor: Option<CircleEditor>,
    /// What the detail shows, loaded for the selected row and year.
    pub detail: Option<DetailData>,
    /// The keyboard is inside the detail, on this section and line.
    pub focus: Option<DetailFocus>,
    /// First line of the detail shown.
    pub scroll: usize,
    /// The year of the work log shown (the year of today at start).
    pub year: i32,
}

impl CirclesTab {
    fn general_matches(&self) -> bool {
        let needle = fold_for_match(&self.filter);
        needle.is_empty() || fold_for_match(cm::GENERAL_NAME).contains(&needle)
    }

    /// The circles the filter lets through, in list order.
    pub fn visible(&self) -> Vec<&Circle> {
        let needle = fold_for_match(&self.filter);
        self.circles
            .iter()
            .filter(|c| needle.is_empty() || fold_for_match(c.name()).contains(&needle))
            .collect()
    }

    /// The rows' ids: the cercle général first, then the visible circles.
    pub fn visible_ids(&self) -> Vec<i64> {
        let mut ids = Vec::new();
        if self.general_matches() {
            ids.push(GENERAL_ID);
        }
        ids.extend(self.visible().iter().map(|c| c.id));
        ids
    }

    /// The selected circle (`None` on the cercle général's row).
    pub fn selected(&self) -> Option<&Circle> {
        let id = self.list.selected_id()?;
        self.circles.iter().find(|c| c.id == id)
    }

    pub fn general_selected(&self) -> bool {
        self.list.selected_id() == Some(GENERAL_ID)
    }

    pub fn summary(&self, id: i64) -> Option<&CircleSummary> {
        self.summaries.iter().find(|s| s.circle.id == id)
    }

    /// New rows from the store: the selection stays on the same row.
    pub fn set_summaries(
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

fn list_width(total: u16) -> u16 {
    LIST_MIN_WIDTH.max(total / 3).min(total)
}

/// Columns of the detail pane in a body `total` columns wide (one column of margin).
pub fn detail_width(total: u16) -> usize {
    usize::from(total.saturating_sub(list_width(total)).saturating_sub(1))
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
        let [left, right] = Layout::horizontal([
            Constraint::Length(list_width(area.width)),
            Constraint::Min(0),
        ])
        .areas(area);
        self.render_list(left, buf);
        let right = Rect {
            x: right.x + 1,
            width: right.width.saturating_sub(1),
            ..right
        };
        if let Some(data) = &self.tab.detail {
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

/// One row of the list: the name, then its counts and the flag at the right edge.
fn row_line(
    name: &str,
    right: String,
    flag: bool,
    closed: bool,
    theme: Theme,
    width: usize,
) -> Line<'static> {
    let tail = if flag {
        format!(" {}", cm::FLAG)
    } else {
        "  ".to_owned()
    };
    // The counts end in one column, whatever the digits.
    let right = format!("{right:>12}");
    let room = width.saturating_sub(display_width(&right) + display_width(&tail) + 1);
    let name = truncate(name, room);
    let pad = room.saturating_sub(display_width(&name)) + 1;
    let name_style = if closed { theme.muted() } else { theme.base() };
    let mut spans = vec![
        Span::styled(name, name_style),
        Span::raw(" ".repeat(pad)),
        Span::styled(right, theme.muted()),
    ];
    if flag {
        spans.push(Span::raw(" "));
        spans.push(Span::styled(cm::FLAG, theme.error()));
    }
    Line::from(spans)
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
        let width = usize::from(body.width.saturating_sub(2));
        let mut rows: Vec<Line> = Vec::new();
        if ids.first() == Some(&GENERAL_ID) {
            let d = tab.derived;
            rows.push(row_line(
                cm::GENERAL_NAME,
                cm::row_counts(d.general, d.coordination),
                false,
                false,
                theme,
                width,
            ));
        }
        for c in visible {
            let line = match (tab.summary(c.id), c.closed_on) {
                (_, Some(_)) => row_line(
                    c.name(),
                    format!("({})", cm::CLOSED_WORD),
                    false,
                    true,
                    theme,
                    width,
                ),
                (Some(s), None) => row_line(
                    c.name(),
                    cm::row_counts(s.members, s.co_referents),
                    s.term_alerts > 0,
                    false,
                    theme,
                    width,
                ),
                (None, None) => row_line(c.name(), String::new(), false, false, theme, width),
            };
            rows.push(line);
        }
        SelectList {
            rows,
            state: &tab.list,
            theme,
            focused: tab.focus.is_none(),
        }
        .render(body, buf);
    }
}

impl CirclesTab {
    /// The keymap scopes of the tab when no form is open, innermost first.
    pub fn scopes(&self) -> Vec<crate::tui::keymap::Scope> {
        use super::circle_detail::Section;
        use crate::tui::keymap::Scope;
        match self.focus.map(|f| f.section) {
            None => vec![Scope::Circles, Scope::List, Scope::Global],
            Some(Section::Work) => vec![Scope::WorkLog, Scope::Detail, Scope::Global],
            Some(Section::Groups) => vec![Scope::Groups, Scope::Detail, Scope::Global],
            Some(_) => vec![Scope::Detail, Scope::Global],
        }
    }
}

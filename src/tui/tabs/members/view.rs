//! Drawing the Membres tab from its state: the list (counts and filters on top, one person a
//! row with type, circles and role badges, a `!` where a co-référent·e term needs attention) and
//! the detail of the selected person (its lines in `detail`); or the open form. Reads state,
//! changes nothing.
//!
//! The term flag is a symbol and a colour: `!` in yellow when the term ends within 30 days, in
//! red when it has ended without a successor; with `NO_COLOR` the symbol and the detail's words
//! carry it alone.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::detail::{detail_lines, flag_style};
use super::state::MembersTab;
use crate::catalogue::members_tab as mm;
use crate::catalogue::tui as msg;
use crate::model::CircleRole;
use crate::store::governance::{TermAlert, TermAlertKind};
use crate::store::people::{PersonRow, RoleBadge};
use crate::text::display_width;
use crate::tui::action::Action;
use crate::tui::keymap::{self, Scope};
use crate::tui::theme::Theme;
use crate::tui::widgets::editor::EditorView;
use crate::tui::widgets::list_detail::{ScrolledLines, split};
use crate::tui::widgets::table::{Column, Table, TableCell};
use crate::tui::widgets::truncate;

/// Columns of the name in a list row at 80 columns; wider screens give it half of their extra.
const NAME_W: u16 = 16;
/// The most the name takes, the rest going to the circles.
const NAME_W_MAX: u16 = 26;
/// Columns the circles have at 80 columns, before the name starts to grow.
const CIRCLES_W: u16 = 18;
/// Columns of the type in a list row.
const KIND_W: u16 = 6;

/// The list's columns: the term flag, the name, the type, the circles (role badges). The name
/// and the circles share what a wider screen gives, the name up to its maximum.
fn list_columns() -> [Column<'static>; 4] {
    [
        Column::fixed("", 1),
        Column::share("", 1).min(NAME_W).max(NAME_W_MAX),
        Column::fixed("", KIND_W),
        Column::share("", 1).min(CIRCLES_W),
    ]
}

/// The most pressing alert of a person: an ended term before one ending soon.
fn worst_alert(alerts: &[TermAlert], person_id: i64) -> Option<TermAlertKind> {
    let mine = alerts.iter().filter(|a| a.person_id == person_id);
    let mut worst = None;
    for a in mine {
        match a.kind {
            TermAlertKind::EndedWithoutSuccessor { .. } => return Some(a.kind),
            TermAlertKind::EndsSoon { .. } | TermAlertKind::EndedReplaced { .. } => {
                worst = worst.or(Some(a.kind))
            }
        }
    }
    worst
}

/// A circle's name as a badge: its first word (`Rencontres`, `Outils`), `★` for a
/// co-référent·e.
fn badge(b: &RoleBadge) -> String {
    let short = b.circle_name.split(' ').next().unwrap_or(&b.circle_name);
    // The mark first: a name cut at the edge of the list keeps it.
    if b.role == CircleRole::CoReferent {
        format!("{}{short}", mm::CO_REFERENT_MARK)
    } else {
        short.to_owned()
    }
}

/// The widest any of these texts may be for all of them to fit in `room`: the short ones keep
/// their length and the long ones share what is left (`usize::MAX` when all fit).
fn fair_share(widths: &[usize], room: usize) -> usize {
    if widths.iter().sum::<usize>() <= room {
        return usize::MAX;
    }
    let mut sorted = widths.to_vec();
    sorted.sort_unstable();
    let mut left = room;
    for (i, w) in sorted.iter().enumerate() {
        let share = left / (sorted.len() - i);
        if *w > share {
            return share;
        }
        left -= w;
    }
    usize::MAX
}

/// Columns of the list pane in a body `width` columns wide.
fn list_width(width: u16) -> u16 {
    (width / 2 + 4).clamp(40, 70).min(width)
}

/// Columns and rows of the detail pane in a body `width` columns wide and `height` rows high:
/// what the view draws in, and what the scroll keys count with.
pub fn detail_size(width: u16, height: u16) -> (usize, usize) {
    let w = width.saturating_sub(list_width(width)).saturating_sub(1);
    (usize::from(w), usize::from(height))
}

pub struct MembersView<'a> {
    pub tab: &'a MembersTab,
    pub theme: Theme,
}

impl Widget for MembersView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        if let Some(editor) = &self.tab.form {
            return EditorView { editor, theme }.render(area, buf);
        }
        let (left, right) = split(area, list_width(area.width));
        if let Some(left) = left {
            self.render_list(left, buf);
        }
        if let (Some(right), Some(detail)) = (right, &self.tab.detail) {
            let lines = detail_lines(self.tab, detail, theme, usize::from(right.width));
            // The person's name stays in view while the rest scrolls (J K).
            ScrolledLines {
                lines: &lines,
                pinned: 1,
                scroll: self.tab.detail_scroll,
                theme,
            }
            .render(right, buf);
        }
    }
}

impl MembersView<'_> {
    /// The title and the counts, in the longest form that fits `width`.
    fn header_line(&self, width: usize) -> Line<'static> {
        let tab = self.tab;
        let c = &tab.people.counts;
        if tab.is_filtered() {
            // Out of everyone the list can show: those who left too when they are shown.
            let among = if tab.filter.include_left {
                c.total + c.left
            } else {
                c.total
            };
            let count = mm::members_filtered(c.shown, among);
            return self.title_and(count, width);
        }
        // Unfiltered, the rows are everyone still in the network, and those who left when shown.
        let left_shown = c.shown.saturating_sub(c.total);
        let forms = mm::members_counts(
            c.total,
            tab.derived.general,
            tab.derived.coordination,
            left_shown,
        );
        // The most counts that fit; the title goes first when there is room for it.
        let count = forms
            .iter()
            .find(|f| display_width(f) <= width)
            .or(forms.last())
            .cloned()
            .unwrap_or_default();
        self.title_and(count, width)
    }

    /// `Membres  counts`, or the counts alone when both do not fit; the filter line in their
    /// place while a text filter is on.
    fn title_and(&self, count: String, width: usize) -> Line<'static> {
        let (tab, theme) = (self.tab, self.theme);
        if tab.filtering || !tab.filter.text.is_empty() {
            let mut spans = vec![
                Span::styled(msg::FILTER_PROMPT, theme.key()),
                Span::raw(tab.filter.text.clone()),
            ];
            if tab.filtering {
                spans.push(Span::styled(" ", theme.cursor()));
            }
            spans.push(Span::styled(format!("  {count}"), theme.muted()));
            Line::from(spans)
        } else if display_width(mm::MEMBERS_TITLE) + 2 + display_width(&count) <= width {
            Line::from(vec![
                Span::styled(mm::MEMBERS_TITLE, theme.title()),
                Span::styled(format!("  {count}"), theme.muted()),
            ])
        } else {
            Line::styled(count, theme.muted())
        }
    }

    /// The quick filters: the key and what it filters when off, the key and value when on;
    /// the ones that are off give way when the line is too narrow.
    fn chips_line(&self, width: usize) -> Line<'static> {
        let (f, theme) = (&self.tab.filter, self.theme);
        let circle = f.circle_id.and_then(|id| {
            self.tab
                .circles
                .iter()
                .find(|c| c.id == id)
                .map(|c| c.name().split(' ').next().unwrap_or("").to_owned())
        });
        let key = |action| keymap::key_label(Scope::Members, action);
        let chip = |action, on: Option<&str>, off: &str| {
            let k = key(action);
            (on.map(|v| mm::chip_on(&k, v)), mm::chip_off(&k, off))
        };
        let chips = [
            chip(
                Action::CycleCircleFilter,
                circle.as_deref(),
                mm::CHIP_CIRCLE,
            ),
            chip(
                Action::CycleKindFilter,
                f.kind.map(|k| k.label()),
                mm::CHIP_KIND,
            ),
            chip(
                Action::CycleRoleFilter,
                f.role.map(|r| r.label()),
                mm::CHIP_ROLE,
            ),
            chip(
                Action::ToggleLeft,
                f.include_left.then_some(mm::CHIP_LEFT_ON),
                mm::CHIP_LEFT,
            ),
        ];
        // The communes to review: a chip only while there are some (or the filter is on).
        let to_review = self.tab.people.counts.commune_review;
        let review = (f.commune_review || to_review > 0).then(|| {
            chip(
                Action::ToggleCommuneReview,
                f.commune_review.then_some(mm::CHIP_REVIEW_ON),
                &mm::chip_review(to_review),
            )
        });
        // It goes first and stays when the line is too narrow, as the filters that are on do:
        // someone has to pick those communes.
        let chips: Vec<_> = review
            .map(|chip| (chip, true))
            .into_iter()
            .chain(chips.into_iter().map(|chip| (chip, false)))
            .collect();
        let full: usize = chips
            .iter()
            .map(|((on, off), _)| on.as_deref().map_or(display_width(off), display_width) + 2)
            .sum();
        let shown: Vec<(String, bool)> = chips
            .into_iter()
            .filter(|((on, _), stays)| on.is_some() || *stays || full <= width + 2)
            .map(|((on, off), _)| match on {
                Some(text) => (text, true),
                None => (off, false),
            })
            .collect();
        // The filters that are on, still too wide together: each gets an equal share, cut
        // with `…`, so that none of them drops off the edge unseen.
        let gaps = 2 * shown.len().saturating_sub(1);
        let share = fair_share(
            &shown
                .iter()
                .map(|(t, _)| display_width(t))
                .collect::<Vec<_>>(),
            width.saturating_sub(gaps),
        );
        let mut spans = Vec::new();
        for (text, on) in shown {
            if !spans.is_empty() {
                spans.push(Span::raw("  "));
            }
            let text = truncate(&text, share);
            spans.push(if on {
                Span::styled(text, theme.key())
            } else {
                Span::styled(text, theme.muted())
            });
        }
        Line::from(spans)
    }

    fn row(&self, row: PersonRow<'_>) -> Vec<TableCell<'static>> {
        let theme = self.theme;
        let p = row.person;
        let flag = match worst_alert(&self.tab.alerts, p.id) {
            Some(kind) => TableCell::styled(mm::TERM_FLAG, flag_style(theme, kind)),
            None => TableCell::default(),
        };
        let name = if p.first_name.is_empty() {
            p.last_name.clone()
        } else {
            format!("{} {}", p.last_name, p.first_name)
        };
        let circles = if self.tab.filter.commune_review {
            // What was typed, for the volunteer to pick the commune meant.
            TableCell::styled(p.commune_typed.clone(), theme.warning())
        } else if p.left_on.is_some() {
            TableCell::styled(mm::LEFT_MARK, theme.muted())
        } else {
            let badges: Vec<String> = row.roles.iter().map(badge).collect();
            TableCell::new(badges.join(" "))
        };
        vec![
            flag,
            TableCell::new(name),
            TableCell::styled(mm::kind_short(p.kind.code()), theme.muted()),
            circles,
        ]
    }

    fn render_list(&self, area: Rect, buf: &mut Buffer) {
        let (tab, theme) = (self.tab, self.theme);
        let block = Block::default()
            .borders(Borders::RIGHT)
            .border_style(theme.border());
        let inner = block.inner(area);
        block.render(area, buf);
        let [header, chips, body] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(0),
        ])
        .areas(inner);
        let header_line = self.header_line(usize::from(header.width));
        buf.set_line(header.x, header.y, &header_line, header.width);
        let chips_line = self.chips_line(usize::from(chips.width));
        buf.set_line(chips.x, chips.y, &chips_line, chips.width);
        if let Some(picker) = &tab.circle_picker {
            // The circle being chosen, over the list.
            let area = Rect {
                height: inner.height.saturating_sub(1),
                ..chips
            };
            let view = crate::tui::widgets::picker::PickerView {
                picker,
                theme,
                focused: true,
            };
            return view.render(area, buf);
        }
        if tab.people.is_empty() {
            let text = if tab.filter.commune_review && tab.people.counts.commune_review == 0 {
                mm::NO_COMMUNE_TO_REVIEW
            } else if tab.is_filtered() {
                &mm::no_person_matches(&keymap::key_label(Scope::Global, Action::Back))
            } else if tab.people.counts.left > 0 && !tab.filter.include_left {
                mm::NO_PERSON_BUT_LEFT
            } else {
                mm::NO_PERSON
            };
            Paragraph::new(Line::styled(text, theme.muted()))
                .wrap(Wrap { trim: true })
                .render(body, buf);
            return;
        }
        // Only the rows on screen are built (a network of 70 000 people would otherwise build
        // 70 000 rows for every frame).
        let people = &tab.people;
        let columns = list_columns();
        let row = |i: usize| people.get(i).map(|r| self.row(r)).unwrap_or_default();
        Table::new(&columns, people.len(), row, &tab.list, theme)
            .header(false)
            .render(body, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::fair_share;

    #[test]
    fn short_texts_keep_their_length_and_long_ones_share_the_rest() {
        assert_eq!(fair_share(&[5, 6], 20), usize::MAX);
        // 5 and 6 fit whole; 20 - 11 = 9 left for the long one.
        assert_eq!(fair_share(&[5, 30, 6], 20), 9);
        assert_eq!(fair_share(&[10, 10], 10), 5);
        assert_eq!(fair_share(&[], 0), usize::MAX);
    }
}

//! Drawing the Membres tab from its state: the list (counts and filters on top, one person a
//! row with type, circles and role badges, a `!` where a co-référent·e term needs attention) and
//! the detail of the selected person; or the open form. Reads state, changes nothing.
//!
//! The term flag is a symbol and a colour: `!` in yellow when the term ends within 30 days, in
//! red when it has ended without a successor; with `NO_COLOR` the symbol and the detail's words
//! carry it alone.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::MembersTab;
use crate::catalogue::members_tab as mm;
use crate::catalogue::tui as msg;
use crate::model::{CircleRole, format_date};
use crate::store::governance::{TermAlert, TermAlertKind};
use crate::store::people::{PersonDetail, PersonRow, RoleBadge};
use crate::text::display_width;
use crate::tui::action::Action;
use crate::tui::keymap::{self, Scope};
use crate::tui::theme::Theme;
use crate::tui::widgets::editor::EditorView;
use crate::tui::widgets::list_detail::{ScrolledLines, split};
use crate::tui::widgets::table::{Column, Table, TableCell};
use crate::tui::widgets::{truncate, wrap_text};

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

/// The style of a term flag: yellow when the term ends soon, red when it ended with nobody
/// after; bold only without colours.
pub fn flag_style(theme: Theme, kind: TermAlertKind) -> Style {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    if !theme.color {
        return bold;
    }
    match kind {
        TermAlertKind::EndsSoon { .. } => bold.fg(Color::Yellow),
        TermAlertKind::EndedWithoutSuccessor { .. } => bold.fg(Color::LightRed),
        TermAlertKind::EndedReplaced { .. } => bold.fg(Color::Yellow),
    }
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
        let full: usize = chips
            .iter()
            .map(|(on, off)| on.as_deref().map_or(display_width(off), display_width) + 2)
            .sum();
        let shown: Vec<(String, bool)> = chips
            .into_iter()
            .filter(|(on, _)| on.is_some() || full <= width + 2)
            .map(|(on, off)| match on {
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

    fn row(&self, row: &PersonRow) -> Vec<TableCell<'static>> {
        let theme = self.theme;
        let p = &row.person;
        let flag = match worst_alert(&self.tab.alerts, p.id) {
            Some(kind) => TableCell::styled(mm::TERM_FLAG, flag_style(theme, kind)),
            None => TableCell::default(),
        };
        let name = if p.first_name.is_empty() {
            p.last_name.clone()
        } else {
            format!("{} {}", p.last_name, p.first_name)
        };
        let circles = if p.left_on.is_some() {
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
        if tab.people.rows.is_empty() {
            let text = if tab.is_filtered() {
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
        let rows = &tab.people.rows;
        let columns = list_columns();
        let row = |i: usize| rows.get(i).map(|r| self.row(r)).unwrap_or_default();
        Table::new(&columns, rows.len(), row, &tab.list, theme)
            .header(false)
            .render(body, buf);
    }
}

/// `label : value` on one line when it fits, else the value wrapped under the label.
fn labelled(
    lines: &mut Vec<Line<'static>>,
    label: &str,
    value: &str,
    style: Style,
    theme: Theme,
    width: usize,
) {
    let head = format!("{label} : ");
    if display_width(&head) + display_width(value) <= width {
        lines.push(Line::from(vec![
            Span::styled(head, theme.label()),
            Span::styled(value.to_owned(), style),
        ]));
    } else {
        lines.push(Line::styled(format!("{label} :"), theme.label()));
        for text in wrap_text(value, width.saturating_sub(2)) {
            lines.push(Line::styled(format!("  {text}"), style));
        }
    }
}

/// The detail of a person: name, type and commune, contact, current roles (with their term
/// and its flag), past roles, the agreements, the linked accounts, the notes.
pub fn detail_lines(
    tab: &MembersTab,
    detail: &PersonDetail,
    theme: Theme,
    width: usize,
) -> Vec<Line<'static>> {
    let p = &detail.person;
    let mut lines = vec![Line::styled(
        truncate(&p.display_name(), width),
        theme.title(),
    )];
    lines.push(Line::styled(p.kind.label().to_owned(), theme.muted()));
    if let Some(left) = p.left_on {
        lines.push(Line::styled(
            truncate(&mm::left_on(&format_date(left)), width),
            theme.label(),
        ));
        if let Some(key) = keymap::key_of(&[Scope::Members], Action::PersonLeaves) {
            lines.push(Line::styled(
                truncate(&mm::return_hint(&key.label()), width),
                theme.muted(),
            ));
        }
    }
    let plain = Style::new();
    if tab.contacts_hidden {
        labelled(
            &mut lines,
            mm::LABEL_CONTACT,
            mm::HIDDEN_FOR_LECTURE,
            theme.muted(),
            theme,
            width,
        );
    } else {
        for (label, value) in [
            (mm::LABEL_EMAIL, p.email.as_deref().unwrap_or("")),
            (mm::LABEL_PHONE, p.phone.as_deref().unwrap_or("")),
            (mm::LABEL_COMMUNE, p.commune.as_str()),
        ] {
            let value = if value.is_empty() {
                mm::NONE_GIVEN
            } else {
                value
            };
            labelled(&mut lines, label, value, plain, theme, width);
        }
    }
    lines.push(Line::styled(mm::SECTION_CURRENT, theme.title()));
    let current: Vec<_> = detail.memberships.iter().filter(|m| m.current).collect();
    if current.is_empty() {
        lines.push(Line::styled(
            format!("  {}", mm::NO_CURRENT_ROLE),
            theme.muted(),
        ));
    }
    for m in current {
        let role = m.membership.role;
        let mark = if role == CircleRole::CoReferent {
            mm::CO_REFERENT_MARK
        } else {
            " "
        };
        let what = mm::role_choice(&m.circle_name, role.label());
        for (i, text) in wrap_text(&what, width.saturating_sub(2))
            .into_iter()
            .enumerate()
        {
            let head = if i == 0 { mark } else { " " };
            lines.push(Line::raw(format!("{head} {text}")));
        }
        let mut when = vec![mm::role_since(&format_date(m.membership.since))];
        if let Some(t) = m.membership.term_end {
            when.push(mm::term_until(&format_date(t)));
        }
        for text in wrap_text(&when.join(", "), width.saturating_sub(4)) {
            lines.push(Line::styled(format!("    {text}"), theme.muted()));
        }
        if let Some(alert) = tab
            .alerts
            .iter()
            .find(|a| a.membership_id == m.membership.id)
        {
            let text = match alert.kind {
                TermAlertKind::EndsSoon { days_left } => mm::term_ends_in(days_left),
                TermAlertKind::EndedWithoutSuccessor { days_ago } => mm::term_ended_ago(days_ago),
                TermAlertKind::EndedReplaced { days_ago } => mm::term_replaced(days_ago),
            };
            let flagged = format!("{} {text}", mm::TERM_FLAG);
            for part in wrap_text(&flagged, width.saturating_sub(4)) {
                lines.push(Line::styled(
                    format!("    {part}"),
                    flag_style(theme, alert.kind),
                ));
            }
        }
    }
    let past: Vec<_> = detail.memberships.iter().filter(|m| !m.current).collect();
    if !past.is_empty() {
        lines.push(Line::styled(mm::SECTION_HISTORY, theme.title()));
        for m in past {
            let span = mm::role_span(
                &format_date(m.membership.since),
                &m.membership.until.map(format_date).unwrap_or_default(),
            );
            let what = mm::role_choice(&m.circle_name, m.membership.role.label());
            for text in wrap_text(&what, width.saturating_sub(2)) {
                lines.push(Line::raw(format!("  {text}")));
            }
            lines.push(Line::styled(format!("    {span}"), theme.muted()));
        }
    }
    let signed = p
        .confidentiality_signed_on
        .map_or(mm::NOT_SIGNED.to_owned(), |d| {
            mm::signed_on(&format_date(d))
        });
    labelled(
        &mut lines,
        mm::LABEL_CONFIDENTIALITY,
        &signed,
        plain,
        theme,
        width,
    );
    let mission = p
        .mission_accepted_on
        .map_or(mm::NOT_ACCEPTED.to_owned(), |d| {
            mm::accepted_on(&format_date(d))
        });
    labelled(&mut lines, mm::LABEL_MISSION, &mission, plain, theme, width);
    if !detail.users.is_empty() {
        labelled(
            &mut lines,
            mm::LABEL_USERS,
            &detail.users.join(", "),
            plain,
            theme,
            width,
        );
    }
    if !p.notes.trim().is_empty() {
        lines.push(Line::styled(mm::SECTION_NOTES, theme.title()));
        for text in wrap_text(&p.notes, width.saturating_sub(2)) {
            lines.push(Line::raw(format!("  {text}")));
        }
    }
    lines
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

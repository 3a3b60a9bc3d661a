//! Drawing the Rencontres tab: the list (upcoming first, the past dimmed below) beside the
//! detail of the selected event; its checklist on the whole width when entered; "mes tâches";
//! or the open form. Reads state, changes nothing.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use super::state::{EventsTab, Focus, HEADER_ROWS, Row, Section, TASKS_HEADER_ROWS};
use crate::catalogue::events_tab as et;
use crate::model::{Event, Task, TaskStatus, When, format_date};
use crate::text::display_width;
use crate::tui::action::Action;
use crate::tui::keymap::{self, Scope};
use crate::tui::theme::Theme;
use crate::tui::widgets::editor::EditorView;
use crate::tui::widgets::gauge::gauge_line;
use crate::tui::widgets::list_detail::{ScrolledLines, labelled, list_header, split};
use crate::tui::widgets::table::{Column, Table, TableCell};
use crate::tui::widgets::{truncate, wrap_text};

fn list_width(width: u16) -> u16 {
    (width / 2 + 6).clamp(44, 76).min(width)
}

/// How an event's date shows in the list: a day, a month, or its year when undated.
fn short_when(e: &Event) -> String {
    match e.start {
        Some(w) => short(w),
        None => e.year.to_string(),
    }
}

/// How an event's dates show in the detail: `13/12/2025`, `du 22/08/2025 au 24/08/2025`,
/// `juin 2025`, `2025 (non datée)`.
fn when_line(e: &Event) -> String {
    let text = match (e.start, e.end) {
        (None, _) => et::undated_in(e.year),
        (Some(s), Some(end)) if end != s => format!("du {s} au {end}"),
        (Some(s), _) => s.to_string(),
    };
    if e.hours.is_empty() {
        text
    } else {
        format!("{text} · {}", e.hours)
    }
}

fn place_line(e: &Event) -> String {
    let commune = e
        .commune
        .as_deref()
        .and_then(|code| crate::geo::communes().by_code(code));
    match commune {
        None => e.place.clone(),
        // A place that is only the commune's name is said once.
        Some(c) if e.place.is_empty() || e.place.eq_ignore_ascii_case(c.name()) => c.label(),
        Some(c) => format!("{}, {}", e.place, c.label()),
    }
}

/// `[ ]`, `[~]`, `[x]`, `[-]`: a task's state readable without colours.
fn status_mark(s: TaskStatus) -> &'static str {
    match s {
        TaskStatus::AFaire => "[ ]",
        TaskStatus::EnCours => "[~]",
        TaskStatus::Fait => "[x]",
        TaskStatus::Abandonne => "[-]",
    }
}

fn due_text(t: &Task) -> String {
    t.due.map(format_date).unwrap_or_default()
}

impl EventsTab {
    pub(super) fn render_tab(&self, area: Rect, buf: &mut Buffer, theme: Theme) {
        if let Some(editor) = &self.form {
            return EditorView { editor, theme }.render(area, buf);
        }
        if self.show_mine {
            return self.render_mine(area, buf, theme);
        }
        if self.show_partners {
            return self.render_partners(area, buf, theme);
        }
        if self.focus == Focus::Tasks {
            return self.render_tasks(area, buf, theme);
        }
        let (left, right) = split(area, list_width(area.width));
        if let Some(left) = left {
            self.render_list(left, buf, theme);
        }
        if let (Some(right), Some(e)) = (right, self.selected()) {
            let lines = self.detail_lines(e, theme, usize::from(right.width));
            ScrolledLines {
                lines: &lines,
                pinned: 1,
                scroll: self.detail_scroll,
                theme,
            }
            .render(right, buf);
        }
    }

    fn render_list(&self, area: Rect, buf: &mut Buffer, theme: Theme) {
        let block = Block::default()
            .borders(Borders::RIGHT)
            .border_style(theme.border());
        let inner = block.inner(area);
        block.render(area, buf);
        let width = usize::from(inner.width);
        buf.set_line(
            inner.x,
            inner.y,
            &self.header_line(width, theme),
            inner.width,
        );
        if inner.height > 1 {
            buf.set_line(
                inner.x,
                inner.y + 1,
                &self.chips_line(width, theme),
                inner.width,
            );
        }
        let body = Rect {
            y: inner.y + HEADER_ROWS,
            height: inner.height.saturating_sub(HEADER_ROWS),
            ..inner
        };
        if self.shown.is_empty() {
            let text = if self.rows.is_empty() {
                et::no_event(&keymap::key_label(Scope::Events, Action::AddEvent))
            } else {
                et::NO_MATCH.to_owned()
            };
            muted_text(&text, body, buf, theme);
            return;
        }
        let columns = [
            Column::fixed("", 1),
            Column::fixed("", 10),
            Column::share("", 1).min(12),
            Column::fixed("", 5).right(),
        ];
        Table::new(
            &columns,
            self.shown.len(),
            |i| row_cells(&self.rows[self.shown[i]], theme),
            &self.list,
            theme,
        )
        .header(false)
        .render(body, buf);
    }

    /// `Rencontres  24 rencontres · 3 à venir`, or the filter line and `12 sur 24`.
    fn header_line(&self, width: usize, theme: Theme) -> Line<'static> {
        let total = self.rows.len();
        let typed = self.filtering || !self.filter.text.is_empty();
        let count = if typed || self.filter.is_on() {
            et::filtered(self.shown.len(), total)
        } else {
            et::counts(total, self.upcoming_shown())
        };
        let filter = typed.then_some((self.filter.text.as_str(), self.filtering));
        list_header(et::TITLE, filter, &count, width, theme)
    }

    /// The quick filters, named by their keys from the keymap: the value when on.
    fn chips_line(&self, width: usize, theme: Theme) -> Line<'static> {
        let key = |action| keymap::key_label(Scope::Events, action);
        let years = format!(
            "{} {}",
            key(Action::PrevYearFilter),
            key(Action::NextYearFilter)
        );
        let chips = [
            (
                key(Action::CycleEventKind),
                self.filter.kind.map(|k| k.label().to_owned()),
                et::CHIP_KIND,
            ),
            (
                years,
                self.filter.year.map(|y| y.to_string()),
                et::CHIP_YEAR,
            ),
            (key(Action::ToggleMyTasks), None, et::CHIP_MY_TASKS),
        ];
        let mut spans: Vec<Span<'static>> = Vec::new();
        let mut used = 0;
        for (k, on, off) in chips {
            let (text, style) = match on {
                Some(v) => (format!("{k} {v}"), theme.key()),
                None => (format!("{k} {off}"), theme.muted()),
            };
            let gap = if spans.is_empty() { 0 } else { 2 };
            let w = display_width(&text);
            if used + gap + w > width {
                break;
            }
            if gap > 0 {
                spans.push(Span::raw("  "));
            }
            spans.push(Span::styled(text, style));
            used += gap + w;
        }
        Line::from(spans)
    }

    /// The detail beside the list: what the event is, its figures, its checklist.
    fn detail_lines(&self, e: &Event, theme: Theme, width: usize) -> Vec<Line<'static>> {
        let mut lines = vec![Line::styled(truncate(&e.title, width), theme.title())];
        lines.extend(labelled(et::LABEL_KIND, e.kind.label(), theme, width));
        lines.extend(labelled(et::LABEL_WHEN, &when_line(e), theme, width));
        let place = place_line(e);
        if !place.is_empty() {
            lines.extend(labelled(et::LABEL_PLACE, &place, theme, width));
        }
        lines.extend(labelled(et::LABEL_STATUS, e.status.label(), theme, width));
        if !e.co_organisers.is_empty() {
            lines.extend(labelled(
                et::LABEL_CO_ORGANISERS,
                &e.co_organisers,
                theme,
                width,
            ));
        }
        if !e.partners.is_empty() {
            lines.extend(labelled(et::LABEL_PARTNERS, &e.partners, theme, width));
        }
        if !self.links.is_empty() {
            let names: Vec<String> = self
                .links
                .iter()
                .map(|(l, p)| format!("{} ({})", p.name, l.role.label()))
                .collect();
            lines.extend(labelled(et::LABEL_LINKED, &names.join(", "), theme, width));
        }
        let recorded = self.selected_line().map_or(0, |l| l.workshops);
        let figures: Vec<String> = e
            .figures
            .each()
            .into_iter()
            .filter_map(|(name, n)| {
                let n = if name.code == crate::model::event::fields::ATELIERS.code {
                    crate::model::event::workshop_figure(n, recorded)
                } else {
                    n
                };
                n.map(|n| et::figure(name.label, n))
            })
            .collect();
        lines.push(Line::raw(""));
        lines.push(Line::styled(et::SECTION_FIGURES, theme.title()));
        if figures.is_empty() {
            lines.push(Line::styled(et::NO_FIGURES, theme.muted()));
        } else {
            for part in wrap_text(&figures.join(" · "), width.max(10)) {
                lines.push(Line::raw(part));
            }
        }
        if e.needs_resource_persons() {
            for part in wrap_text(
                crate::catalogue::events::NEEDS_RESOURCE_PERSONS,
                width.max(10),
            ) {
                lines.push(Line::styled(part, theme.warning()));
            }
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled(et::SECTION_TASKS, theme.title()));
        if let Some(line) = self.selected_line() {
            let p = line.progress;
            if p.total == 0 {
                for part in wrap_text(&no_tasks(), width.max(10)) {
                    lines.push(Line::styled(part, theme.muted()));
                }
            } else {
                lines.push(gauge_line(p.done, p.total, width.min(30), theme));
                let style = if line.overdue > 0 {
                    theme.warning()
                } else {
                    theme.muted()
                };
                lines.push(Line::styled(
                    et::progress(p.done, p.total, line.overdue),
                    style,
                ));
                for t in &self.tasks {
                    let style = self.task_style(t, theme);
                    let text = format!("{} {}", status_mark(t.status), t.title);
                    lines.push(Line::styled(truncate(&text, width), style));
                }
            }
        }
        if !e.description.is_empty() {
            lines.push(Line::raw(""));
            lines.push(Line::styled(et::SECTION_DESCRIPTION, theme.title()));
            for part in wrap_text(&e.description, width.max(10)) {
                lines.push(Line::raw(part));
            }
        }
        lines
    }

    fn task_style(&self, t: &Task, theme: Theme) -> ratatui::style::Style {
        if t.is_overdue(self.today) {
            theme.warning()
        } else if t.status.is_closed() {
            theme.muted()
        } else {
            theme.base()
        }
    }

    fn task_cells(&self, t: &Task, theme: Theme) -> Vec<TableCell<'static>> {
        let style = self.task_style(t, theme);
        let owner = self
            .owner_name(t.owner)
            .map_or_else(String::new, str::to_owned);
        vec![
            TableCell::styled(status_mark(t.status), style),
            TableCell::styled(due_text(t), style),
            TableCell::styled(t.title.clone(), style),
            TableCell::styled(owner, theme.muted()),
            TableCell::styled(t.circle.clone(), theme.muted()),
        ]
    }

    /// The checklist on the whole width: the event on three rows, then its tasks.
    fn render_tasks(&self, area: Rect, buf: &mut Buffer, theme: Theme) {
        let Some(e) = self.selected() else { return };
        let width = usize::from(area.width);
        let place = place_line(e);
        let second = if place.is_empty() {
            when_line(e)
        } else {
            format!("{} · {place}", when_line(e))
        };
        buf.set_line(
            area.x,
            area.y,
            &Line::styled(truncate(&e.title, width), theme.title()),
            area.width,
        );
        if area.height > 1 {
            buf.set_line(
                area.x,
                area.y + 1,
                &Line::styled(truncate(&second, width), theme.muted()),
                area.width,
            );
        }
        if area.height > 2
            && let Some(line) = self.selected_line()
        {
            let p = line.progress;
            let mut gauge = gauge_line(p.done, p.total, 30.min(width), theme);
            gauge.spans.push(Span::styled(
                format!("  {}", et::progress(p.done, p.total, line.overdue)),
                if line.overdue > 0 {
                    theme.warning()
                } else {
                    theme.muted()
                },
            ));
            buf.set_line(area.x, area.y + 2, &gauge, area.width);
        }
        if area.height > 3 {
            buf.set_line(area.x, area.y + 3, &self.sections_line(theme), area.width);
        }
        let body = Rect {
            y: area.y + TASKS_HEADER_ROWS,
            height: area.height.saturating_sub(TASKS_HEADER_ROWS),
            ..area
        };
        match self.section {
            Section::Tasks => {}
            Section::Workshops => return self.render_workshops(body, buf, theme),
            Section::Partners => return self.render_links(body, buf, theme),
        }
        if self.tasks.is_empty() {
            muted_text(&no_tasks(), body, buf, theme);
            return;
        }
        let columns = [
            Column::fixed("", 3),
            Column::fixed(crate::catalogue::events::FIELD_DUE, 10),
            Column::share(crate::catalogue::events::FIELD_TASK_TITLE, 4).min(16),
            Column::share(crate::catalogue::events::FIELD_OWNER, 2)
                .min(8)
                .max(22),
            Column::share(crate::catalogue::events::FIELD_CIRCLE, 1)
                .min(6)
                .max(18),
        ];
        Table::new(
            &columns,
            self.tasks.len(),
            |i| self.task_cells(&self.tasks[i], theme),
            &self.task_list,
            theme,
        )
        .render(body, buf);
    }

    /// "Mes tâches" on the whole width: every task of the user's person, across events.
    fn render_mine(&self, area: Rect, buf: &mut Buffer, theme: Theme) {
        let width = usize::from(area.width);
        let Some((_, name)) = &self.me else {
            buf.set_line(
                area.x,
                area.y,
                &Line::styled(et::MY_TASKS_TITLE, theme.title()),
                area.width,
            );
            let body = Rect {
                y: area.y + 2,
                height: area.height.saturating_sub(2),
                ..area
            };
            muted_text(&et::not_linked(&self.user), body, buf, theme);
            return;
        };
        let open = self
            .mine
            .iter()
            .filter(|m| !m.task.status.is_closed())
            .count();
        buf.set_line(
            area.x,
            area.y,
            &Line::styled(
                truncate(&et::my_tasks_header(name, open), width),
                theme.title(),
            ),
            area.width,
        );
        let body = Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(1),
            ..area
        };
        if self.mine.is_empty() {
            muted_text(et::MY_TASKS_NONE, body, buf, theme);
            return;
        }
        let columns = [
            Column::fixed("", 3),
            Column::fixed(crate::catalogue::events::FIELD_DUE, 10),
            Column::share(crate::catalogue::events::FIELD_TASK_TITLE, 3).min(16),
            Column::share(et::COLUMN_EVENT, 2).min(10),
        ];
        Table::new(
            &columns,
            self.mine.len(),
            |i| {
                let m = &self.mine[i];
                let style = self.task_style(&m.task, theme);
                let event = match m.event_start {
                    Some(w) => format!("{} ({})", m.event_title, short(w)),
                    None => m.event_title.clone(),
                };
                vec![
                    TableCell::styled(status_mark(m.task.status), style),
                    TableCell::styled(due_text(&m.task), style),
                    TableCell::styled(m.task.title.clone(), style),
                    TableCell::styled(event, theme.muted()),
                ]
            },
            &self.mine_list,
            theme,
        )
        .render(body, buf);
    }
}

/// A date in a narrow cell: `13/12/2025`, `déc. 2025`.
fn short(w: When) -> String {
    match w {
        When::Day(d) => format_date(d),
        When::Month(m) => et::month_short(m.month(), m.year()),
    }
}

fn row_cells(row: &Row, theme: Theme) -> Vec<TableCell<'static>> {
    let line = &row.line;
    let e = &line.event;
    let style = if row.upcoming {
        theme.base()
    } else {
        theme.muted()
    };
    let flag = if line.overdue > 0 || e.needs_resource_persons() {
        TableCell::styled(et::OVERDUE_MARK, theme.warning())
    } else {
        TableCell::default()
    };
    let progress = if line.progress.total == 0 {
        String::new()
    } else {
        format!("{}/{}", line.progress.done, line.progress.total)
    };
    vec![
        flag,
        TableCell::styled(short_when(e), style),
        TableCell::styled(e.title.clone(), style),
        TableCell::styled(progress, theme.muted()),
    ]
}

/// An empty checklist, with the keys that fill it.
fn no_tasks() -> String {
    et::no_tasks(
        &keymap::key_label(Scope::EventTasks, Action::ApplyTemplate),
        &keymap::key_label(Scope::EventTasks, Action::AddTask),
    )
}

pub(super) fn muted_text(text: &str, area: Rect, buf: &mut Buffer, theme: Theme) {
    for (i, line) in wrap_text(text, usize::from(area.width)).iter().enumerate() {
        let y = area.y + u16::try_from(i).unwrap_or(u16::MAX);
        if y < area.bottom() {
            buf.set_line(
                area.x,
                y,
                &Line::styled(line.clone(), theme.muted()),
                area.width,
            );
        }
    }
}

//! Drawing an event's sections bar, its workshops and its partners, and the partnerships'
//! follow-up (the partners beside the detail of the selected one: its co-garant·es, its
//! events). Reads state, changes nothing.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use super::state::{EventsTab, PARTNERS_HEADER_ROWS, Section};
use super::view::muted_text;
use crate::catalogue::events_tab as et;
use crate::model::Partner;
use crate::tui::action::Action;
use crate::tui::keymap::{self, Scope};
use crate::tui::theme::Theme;
use crate::tui::widgets::list_detail::{ScrolledLines, labelled, list_header, split};
use crate::tui::widgets::table::{Column, Table, TableCell};
use crate::tui::widgets::{truncate, wrap_text};

impl EventsTab {
    /// `[Tâches 13]  Ateliers 60  Partenaires 4   Tab : section suivante`.
    pub(super) fn sections_line(&self, theme: Theme) -> Line<'static> {
        let mut spans = Vec::new();
        for section in Section::ALL {
            let (name, n) = match section {
                Section::Tasks => (et::SECTION_TASKS_SHORT, self.tasks.len()),
                Section::Workshops => (et::SECTION_WORKSHOPS, self.workshops.len()),
                Section::Partners => (et::SECTION_PARTNERS, self.links.len()),
            };
            if !spans.is_empty() {
                spans.push(Span::raw("  "));
            }
            if section == self.section {
                spans.push(Span::styled(format!("[{name} {n}]"), theme.key()));
            } else {
                spans.push(Span::styled(format!("{name} {n}"), theme.muted()));
            }
        }
        spans.push(Span::styled(
            format!(
                "   {} : {}",
                keymap::key_label(Scope::EventSections, Action::NextSection),
                et::NEXT_SECTION
            ),
            theme.muted(),
        ));
        Line::from(spans)
    }

    pub(super) fn render_workshops(&self, body: Rect, buf: &mut Buffer, theme: Theme) {
        if self.workshops.is_empty() {
            let add = keymap::key_label(Scope::EventWorkshops, Action::AddWorkshop);
            return muted_text(&et::no_workshops(&add), body, buf, theme);
        }
        let columns = [
            Column::share(et::COLUMN_SLOT, 2).min(18).max(22),
            Column::share(et::COLUMN_ROOM, 1).min(6).max(14),
            Column::share(et::COLUMN_WORKSHOP, 4).min(16),
            Column::share(et::COLUMN_FACILITATORS, 2).min(10),
        ];
        Table::new(
            &columns,
            self.workshops.len(),
            |i| {
                let w = &self.workshops[i];
                vec![
                    TableCell::new(w.slot.clone()),
                    TableCell::styled(w.room.clone(), theme.muted()),
                    TableCell::new(w.title.clone()),
                    TableCell::styled(w.facilitators.clone(), theme.muted()),
                ]
            },
            &self.workshop_list,
            theme,
        )
        .render(body, buf);
    }

    pub(super) fn render_links(&self, body: Rect, buf: &mut Buffer, theme: Theme) {
        if self.links.is_empty() {
            let add = keymap::key_label(Scope::EventPartners, Action::LinkPartner);
            return muted_text(&et::no_links(&add), body, buf, theme);
        }
        let columns = [
            Column::fixed(et::COLUMN_ROLE, 15),
            Column::share(et::COLUMN_PARTNER, 3).min(16),
            Column::share(et::COLUMN_KIND, 1).min(10).max(16),
        ];
        Table::new(
            &columns,
            self.links.len(),
            |i| {
                let (l, p) = &self.links[i];
                vec![
                    TableCell::new(l.role.label()),
                    TableCell::new(p.name.clone()),
                    TableCell::styled(p.kind.label(), theme.muted()),
                ]
            },
            &self.link_list,
            theme,
        )
        .render(body, buf);
    }

    /// The partnerships' follow-up: the partners beside the selected one's detail.
    pub(super) fn render_partners(&self, area: Rect, buf: &mut Buffer, theme: Theme) {
        let list_w = (area.width / 2).clamp(36, 60).min(area.width);
        let (left, right) = split(area, list_w);
        if let Some(left) = left {
            self.render_partner_list(left, buf, theme);
        }
        if let (Some(right), Some(p)) = (right, self.selected_partner()) {
            let lines = self.partner_lines(p, theme, usize::from(right.width));
            ScrolledLines {
                lines: &lines,
                pinned: 1,
                scroll: 0,
                theme,
            }
            .render(right, buf);
        }
    }

    fn render_partner_list(&self, area: Rect, buf: &mut Buffer, theme: Theme) {
        let block = Block::default()
            .borders(Borders::RIGHT)
            .border_style(theme.border());
        let inner = block.inner(area);
        block.render(area, buf);
        let width = usize::from(inner.width);
        let lacking = self.partners.iter().filter(|p| p.lacks_garant()).count();
        let count = et::partner_counts(self.partners_shown.len(), self.partners.len(), lacking);
        let head = list_header(et::PARTNERS_TITLE, None, &count, width, theme);
        buf.set_line(inner.x, inner.y, &head, inner.width);
        if inner.height > 1 {
            let key = |action| keymap::key_label(Scope::Partners, action);
            let f = self.partner_filter;
            let kind = match f.kind {
                Some(k) => Span::styled(
                    format!("{} {}", key(Action::CyclePartnerKind), k.label()),
                    theme.key(),
                ),
                None => Span::styled(
                    format!("{} {}", key(Action::CyclePartnerKind), et::CHIP_KIND),
                    theme.muted(),
                ),
            };
            let lacking = Span::styled(
                format!("{} {}", key(Action::ToggleLackingGarant), et::CHIP_LACKING),
                if f.lacking {
                    theme.key()
                } else {
                    theme.muted()
                },
            );
            buf.set_line(
                inner.x,
                inner.y + 1,
                &Line::from(vec![kind, Span::raw("  "), lacking]),
                inner.width,
            );
        }
        let body = Rect {
            y: inner.y + PARTNERS_HEADER_ROWS,
            height: inner.height.saturating_sub(PARTNERS_HEADER_ROWS),
            ..inner
        };
        if self.partners_shown.is_empty() {
            let text = if self.partners.is_empty() {
                et::no_partner(&keymap::key_label(Scope::Partners, Action::AddPartner))
            } else {
                et::NO_PARTNER_MATCH.to_owned()
            };
            return muted_text(&text, body, buf, theme);
        }
        let columns = [
            Column::fixed("", 1),
            Column::share("", 3).min(12),
            Column::share("", 2).min(8).max(16),
        ];
        Table::new(
            &columns,
            self.partners_shown.len(),
            |i| {
                let p = &self.partners[self.partners_shown[i]];
                vec![
                    if p.lacks_garant() {
                        TableCell::styled(et::OVERDUE_MARK, theme.warning())
                    } else {
                        TableCell::default()
                    },
                    TableCell::new(p.name.clone()),
                    TableCell::styled(p.kind.label(), theme.muted()),
                ]
            },
            &self.partner_list,
            theme,
        )
        .header(false)
        .render(body, buf);
    }

    fn partner_lines(&self, p: &Partner, theme: Theme, width: usize) -> Vec<Line<'static>> {
        let mut lines = vec![Line::styled(truncate(&p.name, width), theme.title())];
        lines.extend(labelled(et::LABEL_KIND, p.kind.label(), theme, width));
        let garant = |id: Option<i64>| {
            id.and_then(|id| self.names.get(&id).cloned())
                .unwrap_or_else(|| et::NO_GARANT.to_owned())
        };
        lines.extend(labelled(
            et::LABEL_GARANT_EMPLOYEE,
            &garant(p.garant_employee),
            theme,
            width,
        ));
        lines.extend(labelled(
            et::LABEL_GARANT_COREF,
            &garant(p.garant_coref),
            theme,
            width,
        ));
        if p.lacks_garant() {
            for part in wrap_text(et::LACKS_GARANT, width.max(10)) {
                lines.push(Line::styled(part, theme.warning()));
            }
        }
        if !p.contact.is_empty() {
            let contact = if self.contacts_hidden {
                et::CONTACT_HIDDEN
            } else {
                p.contact.as_str()
            };
            lines.extend(labelled(et::LABEL_CONTACT, contact, theme, width));
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled(et::SECTION_EVENTS, theme.title()));
        if self.partner_events.is_empty() {
            for part in wrap_text(et::NO_EVENT_OF_PARTNER, width.max(10)) {
                lines.push(Line::styled(part, theme.muted()));
            }
        }
        for (l, e) in &self.partner_events {
            let when = e
                .start
                .map_or_else(|| e.year.to_string(), |w| w.to_string());
            let text = format!("{when} · {} ({})", e.title, l.role.label());
            for part in wrap_text(&text, width.max(10)) {
                lines.push(Line::raw(part));
            }
        }
        if !p.notes.is_empty() {
            lines.push(Line::raw(""));
            lines.push(Line::styled(et::SECTION_NOTES, theme.title()));
            for part in wrap_text(&p.notes, width.max(10)) {
                lines.push(Line::raw(part));
            }
        }
        lines
    }
}

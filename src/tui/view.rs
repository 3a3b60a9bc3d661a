//! Drawing the whole screen from `&App`: tab bar, the current tab, the message line, the footer
//! (from the keymap), the status bar, and the overlay on top. Reads state, changes nothing.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::app::{App, MessageKind, Overlay};
use super::keymap::{self, Scope};
use super::tabs::Tab;
use super::widgets::confirm::ConfirmView;
use super::widgets::help::HelpView;
use super::widgets::palette::PaletteView;
use super::widgets::truncate;
use crate::catalogue::tui as msg;
use crate::model::format_date;
use crate::text::display_width;

/// Below this width the tab bar uses the short names.
const LONG_TAB_NAMES_FROM: u16 = 90;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        // A long message wraps over up to three rows rather than lose its end (whose address
        // is already taken, what to do next); the body gives them up.
        let message_lines = self.message_lines(area.width);
        let message_rows = u16::try_from(message_lines.len()).unwrap_or(1);
        let [tabs, body, message, footer, status] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(0),
            Constraint::Length(message_rows),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(area);
        self.render_tabs(tabs, buf);
        self.pane(self.tab).render(body, buf, self.theme);
        self.render_message(message, buf);
        self.render_footer(footer, buf);
        self.render_status(status, buf);
        match &self.overlay {
            Overlay::None => {}
            Overlay::Help { scopes, scroll } => HelpView {
                scopes,
                scroll: *scroll,
                theme: self.theme,
            }
            .render(area, buf),
            Overlay::Palette(palette) => PaletteView {
                palette,
                theme: self.theme,
            }
            .render(area, buf),
            Overlay::Confirm(confirm) => ConfirmView {
                confirm: confirm.clone(),
                theme: self.theme,
            }
            .render(area, buf),
        }
    }
}

impl App {
    /// Long names when there is room, else short ones, else numbers only beside the current
    /// tab's name: the current tab is always in sight, whatever the width.
    fn render_tabs(&self, area: Rect, buf: &mut Buffer) {
        let width = usize::from(area.width);
        let label = |tab: Tab, names: Option<fn(Tab) -> &'static str>| match names {
            Some(name) => format!("{} {}", tab.index() + 1, name(tab)),
            None => format!("{}", tab.index() + 1),
        };
        let bar = |names: fn(Tab) -> &'static str, others_named: bool| -> Vec<String> {
            Tab::ALL
                .into_iter()
                .map(|tab| {
                    if tab == self.tab {
                        format!("[{}]", label(tab, Some(names)))
                    } else {
                        label(tab, others_named.then_some(names))
                    }
                })
                .collect()
        };
        let fits = |labels: &[String]| {
            labels.iter().map(|l| display_width(l) + 1).sum::<usize>() <= width + 1
        };
        let long = bar(Tab::name, true);
        let labels = if area.width >= LONG_TAB_NAMES_FROM && fits(&long) {
            long
        } else {
            let short = bar(Tab::short_name, true);
            if fits(&short) {
                short
            } else {
                bar(Tab::short_name, false)
            }
        };
        let mut spans = Vec::new();
        for (tab, text) in Tab::ALL.into_iter().zip(labels) {
            if !spans.is_empty() {
                spans.push(Span::raw(" "));
            }
            // Brackets mark the current tab without colour (NO_COLOR, monochrome terminals).
            if tab == self.tab {
                spans.push(Span::styled(text, self.theme.tab_active()));
            } else {
                spans.push(Span::raw(text));
            }
        }
        let line = Line::from(spans);
        if line.width() > width {
            let text = truncate(&line.to_string(), width);
            buf.set_line(area.x, area.y, &Line::raw(text), area.width);
        } else {
            buf.set_line(area.x, area.y, &line, area.width);
        }
    }

    /// The message as shown: its mark, word-wrapped to `width`, at most three rows (the last
    /// one cut with `…` if it must).
    fn message_lines(&self, width: u16) -> Vec<String> {
        const MAX_ROWS: usize = 3;
        let Some(message) = &self.message else {
            return Vec::new();
        };
        let mark = match message.kind {
            MessageKind::Error => msg::ERROR_MARK,
            MessageKind::Notice => msg::NOTICE_MARK,
            MessageKind::Info => msg::OK_MARK,
        };
        let width = usize::from(width.max(1));
        let mut lines = crate::tui::widgets::wrap_text(&format!("{mark} {}", message.text), width);
        if lines.len() > MAX_ROWS {
            let rest = lines.split_off(MAX_ROWS - 1).join(" ");
            lines.push(truncate(&rest, width));
        }
        if lines.is_empty() {
            lines.push(mark.to_owned());
        }
        lines
    }

    fn render_message(&self, area: Rect, buf: &mut Buffer) {
        let Some(message) = &self.message else {
            return;
        };
        let style = match message.kind {
            MessageKind::Error => self.theme.error(),
            MessageKind::Notice => self.theme.warning(),
            MessageKind::Info => self.theme.ok(),
        };
        for (row, text) in self.message_lines(area.width).iter().enumerate() {
            let Ok(dy) = u16::try_from(row) else { break };
            if dy >= area.height {
                break;
            }
            let line = Line::styled(truncate(text, usize::from(area.width)), style);
            buf.set_line(area.x, area.y + dy, &line, area.width);
        }
    }

    fn render_footer(&self, area: Rect, buf: &mut Buffer) {
        if self.is_filtering() {
            use crate::tui::action::Action as A;
            let hint = if self.pane(self.tab).is_picking() {
                let key = |a| keymap::key_label(Scope::Pick, a);
                msg::pick_hint(
                    &key(A::MoveUp),
                    &key(A::MoveDown),
                    &key(A::Choose),
                    &key(A::KeepValue),
                )
            } else {
                let key = |a| keymap::key_label(Scope::Filter, a);
                msg::filter_hint(&key(A::KeepFilter), &key(A::ClearFilter))
            };
            let line = Line::styled(hint, self.theme.muted());
            buf.set_line(area.x, area.y, &line, area.width);
            return;
        }
        // The keys of every screen (quit, help, palette) always show; the view's own keys fill
        // the room left, innermost first, so the footer never runs off the edge.
        let global = keymap::footer(&[keymap::Scope::Global]);
        let store = &self.store;
        let pane = self.pane(self.tab);
        let may = |action: crate::tui::action::Action| {
            pane.offers(action)
                .allowed(store.actor().role, store.is_read_only())
        };
        let entries = keymap::footer_for(&self.scopes(), may);
        let cost = |key: &str, description: &str| {
            crate::text::display_width(key)
                + 3
                + crate::text::display_width(footer_label(description))
        };
        let is_global = |e: &(String, &str)| global.contains(e);
        let mut room = usize::from(area.width) + 2;
        for e in entries.iter().filter(|e| is_global(e)) {
            room = room.saturating_sub(cost(&e.0, e.1));
        }
        let mut spans = Vec::new();
        for e in &entries {
            if !is_global(e) {
                if cost(&e.0, e.1) > room {
                    continue;
                }
                room -= cost(&e.0, e.1);
            }
            if !spans.is_empty() {
                spans.push(Span::raw("  "));
            }
            spans.push(Span::styled(e.0.clone(), self.theme.key()));
            spans.push(Span::raw(format!(" {}", footer_label(e.1))));
        }
        buf.set_line(area.x, area.y, &Line::from(spans), area.width);
    }

    fn render_status(&self, area: Rect, buf: &mut Buffer) {
        let store = &self.store;
        let db = store
            .path()
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let actor = store.actor();
        let mut parts = vec![
            db,
            msg::actor_line(&actor.name, actor.role.label(), self.me.as_deref()),
        ];
        if let Some(day) = store.clock().shown_date() {
            parts.push(format!("{} {}", msg::TODAY, format_date(day)));
        }
        if store.is_read_only() {
            parts.push(msg::READ_ONLY.to_owned());
        }
        buf.set_style(area, self.theme.status_bar());
        let text = truncate(&format!(" {}", parts.join(" | ")), usize::from(area.width));
        buf.set_line(area.x, area.y, &Line::raw(text), area.width);
    }
}

/// The footer has little room: descriptions stop before a colon (`aide : les touches de l'écran`
/// shows as `aide`); the help and the palette show them whole.
fn footer_label(description: &str) -> &str {
    description
        .split_once(" :")
        .map_or(description, |(head, _)| head)
}

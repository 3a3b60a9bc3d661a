//! Drawing the Collectifs tab's list (counts and quick filters on top, one collective a row:
//! a `!` when it is to contact, its name, its commune, its statut) and the detail of the
//! selected collective; or the open form. Reads state, changes nothing.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use super::state::{Choosing, CollectivesTab, HEADER_ROWS, Row};
use crate::catalogue::collectives_tab as ct;
use crate::model::{Collective, format_date};
use crate::text::display_width;
use crate::tui::action::Action;
use crate::tui::keymap::{self, Scope};
use crate::tui::theme::Theme;
use crate::tui::widgets::editor::EditorView;
use crate::tui::widgets::list_detail::{ScrolledLines, labelled, list_header, split};
use crate::tui::widgets::picker::PickerView;
use crate::tui::widgets::table::{Column, Table, TableCell};
use crate::tui::widgets::{truncate, wrap_text};

/// Columns of the list pane in a body `width` columns wide.
fn list_width(width: u16) -> u16 {
    (width / 2 + 6).clamp(44, 76).min(width)
}

fn list_columns() -> [Column<'static>; 4] {
    [
        Column::fixed("", 1),
        Column::share("", 3).min(16),
        Column::share("", 2).min(10).max(24),
        Column::fixed("", 9),
    ]
}

impl CollectivesTab {
    /// The list and the detail of the selected collective, or the open form.
    pub(super) fn render_list_detail(&self, area: Rect, buf: &mut Buffer, theme: Theme) {
        CollectivesView { tab: self, theme }.render(area, buf);
    }
}

struct CollectivesView<'a> {
    tab: &'a CollectivesTab,
    theme: Theme,
}

impl Widget for CollectivesView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (tab, theme) = (self.tab, self.theme);
        if let Some(editor) = &tab.form {
            return EditorView { editor, theme }.render(area, buf);
        }
        let (left, right) = split(area, list_width(area.width));
        if let Some(left) = left {
            self.render_list(left, buf);
        }
        if let (Some(right), Some(c)) = (right, tab.selected()) {
            let lines = detail_lines(tab, c, theme, usize::from(right.width));
            ScrolledLines {
                lines: &lines,
                pinned: 1,
                scroll: tab.detail_scroll,
                theme,
            }
            .render(right, buf);
        }
        if let (Some(choosing), Some(left)) = (&tab.choosing, left) {
            let (title, rect) = (
                match choosing {
                    Choosing::Region(_) => ct::PICK_REGION,
                    Choosing::Departement(_) => ct::PICK_DEPARTEMENT,
                    Choosing::Status { .. } => ct::PICK_STATUS,
                },
                Rect {
                    y: left.y + 1,
                    height: left.height.saturating_sub(1),
                    width: left.width.saturating_sub(1),
                    ..left
                },
            );
            ratatui::widgets::Clear.render(rect, buf);
            buf.set_line(
                rect.x,
                rect.y,
                &Line::styled(title, theme.title()),
                rect.width,
            );
            let inner = Rect {
                y: rect.y + 1,
                height: rect.height.saturating_sub(1),
                ..rect
            };
            match choosing {
                Choosing::Region(picker) | Choosing::Departement(picker) => PickerView {
                    picker,
                    theme,
                    focused: true,
                }
                .render(inner, buf),
                Choosing::Status { picker, .. } => PickerView {
                    picker,
                    theme,
                    focused: true,
                }
                .render(inner, buf),
            }
        }
    }
}

impl CollectivesView<'_> {
    fn render_list(&self, area: Rect, buf: &mut Buffer) {
        let (tab, theme) = (self.tab, self.theme);
        let block = Block::default()
            .borders(Borders::RIGHT)
            .border_style(theme.border());
        let inner = block.inner(area);
        block.render(area, buf);
        let width = usize::from(inner.width);
        buf.set_line(inner.x, inner.y, &self.header_line(width), inner.width);
        if inner.height > 1 {
            buf.set_line(inner.x, inner.y + 1, &self.chips_line(width), inner.width);
        }
        let body = Rect {
            y: inner.y + HEADER_ROWS,
            height: inner.height.saturating_sub(HEADER_ROWS),
            ..inner
        };
        if tab.shown.is_empty() {
            let text = if tab.rows.is_empty() {
                ct::NO_COLLECTIVE
            } else {
                ct::NO_MATCH
            };
            for (i, line) in wrap_text(text, width).iter().enumerate() {
                let y = body.y + u16::try_from(i).unwrap_or(u16::MAX);
                if y < body.bottom() {
                    buf.set_line(
                        body.x,
                        y,
                        &Line::styled(line.clone(), theme.muted()),
                        body.width,
                    );
                }
            }
            return;
        }
        let columns = list_columns();
        Table::new(
            &columns,
            tab.shown.len(),
            |i| self.row(&tab.rows[tab.shown[i]]),
            &tab.list,
            theme,
        )
        .header(false)
        .render(body, buf);
    }

    fn row(&self, row: &Row) -> Vec<TableCell<'static>> {
        let (tab, theme) = (self.tab, self.theme);
        let c = &row.line;
        let flag = if tab.is_due(c) {
            TableCell::styled(ct::DUE_MARK, theme.warning())
        } else {
            TableCell::default()
        };
        let commune = row
            .commune
            .map_or_else(|| c.commune.clone(), |k| k.name().to_owned());
        vec![
            flag,
            TableCell::new(c.name.clone()),
            TableCell::styled(commune, theme.muted()),
            TableCell::new(ct::STATUS_SHORT[c.status as usize]),
        ]
    }

    /// `Collectifs  230 collectifs · 228 communes`, or the filter line and `12 sur 230`.
    fn header_line(&self, width: usize) -> Line<'static> {
        let tab = self.tab;
        let total = tab.rows.len();
        let typed = tab.filtering || !tab.filter.text.is_empty();
        let count = if typed || tab.filter.is_on() {
            ct::filtered(tab.shown.len(), total)
        } else {
            ct::counts(total, tab.counts.communes)
        };
        let filter = typed.then_some((tab.filter.text.as_str(), tab.filtering));
        list_header(ct::TITLE, filter, &count, width, self.theme)
    }

    /// The quick filters: the key and what it filters when off, its value when on; those
    /// that are off give way when the line is too narrow.
    fn chips_line(&self, width: usize) -> Line<'static> {
        let (f, theme) = (&self.tab.filter, self.theme);
        let all = crate::geo::communes();
        let region = f.region.and_then(|code| all.region(code)).map(|r| r.name());
        let departement = f.departement.map(|code| code.to_owned());
        let key = |action| keymap::key_label(Scope::Collectives, action);
        let chip = |action, on: Option<String>, off: &str| {
            let k = key(action);
            (on.map(|v| ct::chip_on(&k, &v)), ct::chip_off(&k, off))
        };
        let chips = [
            chip(
                Action::FilterRegion,
                region.map(str::to_owned),
                ct::CHIP_REGION,
            ),
            chip(Action::FilterDepartement, departement, ct::CHIP_DEPARTEMENT),
            chip(
                Action::CycleStatusFilter,
                f.status.map(|s| ct::STATUS_SHORT[s as usize].to_owned()),
                ct::CHIP_STATUS,
            ),
            chip(
                Action::CycleCollectiveKind,
                f.kind.map(|k| k.label().to_owned()),
                ct::CHIP_KIND,
            ),
            chip(
                Action::ToggleDue,
                f.due.then(|| ct::CHIP_DUE.to_owned()),
                ct::CHIP_DUE,
            ),
        ];
        let mut spans: Vec<Span<'static>> = Vec::new();
        let mut used = 0;
        // The filters that are on first keep their place; the others follow while they fit.
        let (on, off): (Vec<_>, Vec<_>) = chips.into_iter().partition(|(on, _)| on.is_some());
        for (text, style) in on
            .into_iter()
            .filter_map(|(on, _)| on.map(|t| (t, theme.key())))
            .chain(off.into_iter().map(|(_, t)| (t, theme.muted())))
        {
            let gap = if spans.is_empty() { 0 } else { 2 };
            let w = display_width(&text);
            if used + gap + w > width {
                if style == theme.key() {
                    spans.push(Span::raw(" ".repeat(gap)));
                    spans.push(Span::styled(
                        truncate(&text, width.saturating_sub(used + gap)),
                        style,
                    ));
                    used = width;
                }
                continue;
            }
            if gap > 0 {
                spans.push(Span::raw("  "));
            }
            spans.push(Span::styled(text, style));
            used += gap + w;
        }
        Line::from(spans)
    }
}

/// The lines of a collective's detail, its name first (kept in view while the rest scrolls).
pub fn detail_lines(
    tab: &CollectivesTab,
    c: &Collective,
    theme: Theme,
    width: usize,
) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(truncate(&c.name, width), theme.title())];
    lines.extend(labelled(ct::LABEL_KIND, c.kind.label(), theme, width));
    lines.extend(labelled(
        ct::LABEL_STATUS,
        &ct::status_since(c.status.label(), &format_date(c.status_since)),
        theme,
        width,
    ));
    let commune = match crate::geo::communes().by_code(&c.commune) {
        Some(k) => ct::commune_line(
            k.name(),
            k.departement().name(),
            k.code(),
            k.region().name(),
        ),
        None => c.commune.clone(),
    };
    lines.extend(labelled(ct::LABEL_COMMUNE, &commune, theme, width));
    if tab.contacts_hidden {
        lines.extend(labelled(
            ct::LABEL_CONTACT,
            ct::CONTACTS_HIDDEN,
            theme,
            width,
        ));
    } else {
        let contact: Vec<&str> = [
            Some(c.contact.as_str()),
            c.email.as_deref(),
            c.phone.as_deref(),
        ]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect();
        let shown = if contact.is_empty() {
            ct::NONE.to_owned()
        } else {
            contact.join(" · ")
        };
        lines.extend(labelled(ct::LABEL_CONTACT, &shown, theme, width));
    }
    let map = if c.on_map {
        crate::catalogue::collectives::YES
    } else {
        crate::catalogue::collectives::NO
    };
    lines.extend(labelled(ct::LABEL_MAP, map, theme, width));
    if !c.website.is_empty() {
        lines.extend(labelled(ct::LABEL_WEBSITE, &c.website, theme, width));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(ct::SECTION_FOLLOW_UP, theme.title()));
    let f = &c.follow_up;
    if f.is_due(tab.today, tab.follow_up_months) {
        let text = if f.last_heard().is_none() {
            ct::NEVER_CONTACTED.to_owned()
        } else {
            ct::due(tab.follow_up_months)
        };
        for part in wrap_text(&text, width.max(10)) {
            lines.push(Line::styled(part, theme.warning()));
        }
    }
    let raw = |lines: &mut Vec<Line<'static>>, text: &str| {
        for part in wrap_text(text, width.max(10)) {
            lines.push(Line::raw(part));
        }
    };
    match f.questionnaire_on {
        Some(d) => raw(&mut lines, &ct::questionnaire_sent(&format_date(d))),
        None => raw(&mut lines, ct::NO_QUESTIONNAIRE),
    }
    match f.interview_on {
        Some(d) => {
            raw(&mut lines, &ct::interview(&format_date(d), &f.interview_by));
            for part in wrap_text(&f.interview_notes, width.saturating_sub(2).max(10)) {
                lines.push(Line::styled(format!("  {part}"), theme.muted()));
            }
        }
        None => raw(&mut lines, ct::NO_INTERVIEW),
    }
    if let Some(d) = f.last_contact_on {
        raw(&mut lines, &ct::last_contact(&format_date(d)));
    }
    if !tab.history.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(ct::SECTION_HISTORY, theme.title()));
        for h in &tab.history {
            raw(
                &mut lines,
                &ct::history_line(
                    &format_date(h.since),
                    ct::STATUS_SHORT[h.status as usize],
                    &h.by,
                ),
            );
        }
    }
    if !c.notes.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(ct::SECTION_NOTES, theme.title()));
        for part in wrap_text(&c.notes, width.max(10)) {
            lines.push(Line::raw(part));
        }
    }
    lines
}

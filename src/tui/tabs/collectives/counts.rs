//! The counts of the Collectifs tab as bar charts: collectives by région (the highlighted one's
//! départements beside them after Entrée), by statut, and the communes the network represents
//! (the collectives' communes and the members'). Reads state, changes nothing.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::state::CollectivesTab;
use crate::catalogue::collectives_tab as ct;
use crate::model::CollectiveStatus;
use crate::text::display_width;
use crate::tui::theme::Theme;
use crate::tui::widgets::truncate;

struct CountsView<'a> {
    tab: &'a CollectivesTab,
    theme: Theme,
}

/// One bar: its label cut to `label_w`, a bar of `█` scaled to `max` in `bar_w` cells (at least
/// one for a count above zero), and the count.
fn bar_line(
    label: &str,
    n: usize,
    max: usize,
    (label_w, bar_w): (usize, usize),
    theme: Theme,
    selected: bool,
) -> Line<'static> {
    let label = truncate(label, label_w);
    let pad = label_w.saturating_sub(display_width(&label));
    let cells = if max == 0 {
        0
    } else {
        (n * bar_w).div_ceil(max).min(bar_w)
    };
    let mark = if selected { "> " } else { "  " };
    let style = if selected {
        theme.selected()
    } else {
        theme.label()
    };
    Line::from(vec![
        Span::styled(format!("{mark}{label}{}", " ".repeat(pad)), style),
        Span::raw(" "),
        Span::styled("█".repeat(cells), theme.key()),
        Span::raw(format!(" {n}")),
    ])
}

fn draw(lines: &[Line<'_>], area: Rect, buf: &mut Buffer) {
    for (line, y) in lines.iter().zip(area.y..area.bottom()) {
        buf.set_line(area.x, y, line, area.width);
    }
}

impl Widget for CountsView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (tab, theme) = (self.tab, self.theme);
        let regions = &tab.counts.by_region;
        if regions.is_empty() {
            buf.set_line(
                area.x,
                area.y,
                &Line::styled(ct::NO_COUNTS, theme.muted()),
                area.width,
            );
            return;
        }
        let half = area.width / 2;
        let left = Rect {
            width: half,
            ..area
        };
        let right = Rect {
            x: area.x + half + 1,
            width: area.width.saturating_sub(half + 1),
            ..area
        };
        // Left: the régions, the highlighted one marked.
        let max = regions.iter().map(|(_, n)| *n).max().unwrap_or(0);
        let label_w = 20.min(usize::from(left.width) / 2);
        let bar_w = usize::from(left.width).saturating_sub(label_w + 7);
        let cursor = tab.counts_cursor.min(regions.len() - 1);
        let rows = usize::from(area.height).saturating_sub(1);
        let first = cursor.saturating_sub(rows.saturating_sub(1));
        let mut lines = vec![Line::styled(ct::COUNTS_BY_REGION, theme.title())];
        for (i, (region, n)) in regions.iter().enumerate().skip(first).take(rows) {
            lines.push(bar_line(
                region.name(),
                *n,
                max,
                (label_w, bar_w),
                theme,
                i == cursor,
            ));
        }
        draw(&lines, left, buf);

        // Right: the highlighted région's départements, or the statuts and the communes.
        let mut lines = Vec::new();
        let label_w = 18.min(usize::from(right.width) / 2);
        let bar_w = usize::from(right.width).saturating_sub(label_w + 7);
        if tab.counts_open {
            let (region, _) = regions[cursor];
            lines.push(Line::styled(
                truncate(
                    &ct::counts_by_departement(region.name()),
                    usize::from(right.width),
                ),
                theme.title(),
            ));
            let mut by_dept: Vec<(String, usize)> = region
                .departements()
                .map(|d| {
                    let n = tab.counts.of_departement(d.code());
                    (format!("{} {}", d.code(), d.name()), n)
                })
                .filter(|(_, n)| *n > 0)
                .collect();
            by_dept.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            let max = by_dept.iter().map(|(_, n)| *n).max().unwrap_or(0);
            for (label, n) in &by_dept {
                lines.push(bar_line(label, *n, max, (label_w, bar_w), theme, false));
            }
        } else {
            lines.push(Line::styled(ct::COUNTS_BY_STATUS, theme.title()));
            let by_status = CollectiveStatus::ALL
                .iter()
                .zip(tab.counts.by_status)
                .collect::<Vec<_>>();
            let max = by_status.iter().map(|(_, n)| *n).max().unwrap_or(0);
            for (s, n) in by_status {
                lines.push(bar_line(s.label(), n, max, (label_w, bar_w), theme, false));
            }
            lines.push(Line::raw(""));
            let c = &tab.counts;
            let text =
                ct::communes_represented(c.represented, c.communes, tab.member_communes.len());
            for part in crate::tui::widgets::wrap_text(&text, usize::from(right.width).max(10)) {
                lines.push(Line::raw(part));
            }
        }
        draw(&lines, right, buf);
    }
}

impl CollectivesTab {
    /// The counts and their charts.
    pub(super) fn render_counts(&self, area: Rect, buf: &mut Buffer, theme: Theme) {
        CountsView { tab: self, theme }.render(area, buf);
    }
}

//! A gauge on one line of text: `███████░░░ 7/10`, readable without colours (the filled and
//! empty cells differ by their character), for a checklist's progress or a budget's use.

use ratatui::text::{Line, Span};

use crate::tui::theme::Theme;

/// `done` of `total` as a bar `width` cells wide (the figures after it included); an empty
/// total shows an empty bar.
pub fn gauge_line(done: u32, total: u32, width: usize, theme: Theme) -> Line<'static> {
    let figures = format!(" {done}/{total}");
    let bar = width.saturating_sub(figures.chars().count()).clamp(1, 40);
    let filled = if total == 0 {
        0
    } else {
        // Rounded down, so that a bar is full only when everything is done.
        (u64::from(done.min(total)) * bar as u64 / u64::from(total)) as usize
    };
    Line::from(vec![
        Span::styled("█".repeat(filled), theme.ok()),
        Span::styled("░".repeat(bar - filled), theme.muted()),
        Span::styled(figures, theme.label()),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(line: &Line) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn a_gauge_fills_in_proportion_and_is_full_only_when_all_is_done() {
        let theme = Theme::plain();
        assert_eq!(text(&gauge_line(7, 10, 15, theme)), "███████░░░ 7/10");
        assert_eq!(text(&gauge_line(9, 10, 5 + 5, theme)), "████░ 9/10");
        assert_eq!(text(&gauge_line(10, 10, 10, theme)), "████ 10/10");
        assert_eq!(text(&gauge_line(0, 0, 10, theme)), "░░░░░░ 0/0");
    }
}

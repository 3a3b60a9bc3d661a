//! The list–detail layout every tab with a list uses: the list on the left with its border,
//! the detail after one column of margin; on a narrow screen one or the other alone. And the
//! detail's lines drawn from a scroll offset, its title kept in view while its body scrolls,
//! with a `↓` mark while more is below.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use crate::tui::theme::Theme;

/// The list's and the detail's areas in `area`, for a list `list_w` columns wide (its right
/// border included). A list as wide as the area leaves no room for the detail; a list of no
/// width gives the detail the whole area.
pub fn split(area: Rect, list_w: u16) -> (Option<Rect>, Option<Rect>) {
    let list_w = list_w.min(area.width);
    let list = (list_w > 0).then_some(Rect {
        width: list_w,
        ..area
    });
    if list_w == area.width {
        return (list, None);
    }
    let margin = u16::from(list_w > 0);
    let detail = Rect {
        x: area.x + list_w + margin,
        width: area.width - list_w - margin,
        ..area
    };
    (list, Some(detail))
}

/// A detail's lines from `scroll`: the first `pinned` lines (its title) stay at the top, the
/// rest scrolls under them, and a `↓` in the bottom-right corner says there is more below.
pub struct ScrolledLines<'a> {
    pub lines: &'a [Line<'a>],
    pub pinned: usize,
    pub scroll: usize,
    pub theme: Theme,
}

impl ScrolledLines<'_> {
    /// The first body line shown: `scroll`, at most what brings the last line to the bottom.
    pub fn first_shown(&self, height: usize) -> usize {
        let pinned = self.pinned.min(self.lines.len()).min(height);
        let body = self.lines.len() - pinned;
        self.scroll.min(body.saturating_sub(height - pinned))
    }
}

impl Widget for ScrolledLines<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let height = usize::from(area.height);
        let pinned = self.pinned.min(self.lines.len()).min(height);
        let skip = self.first_shown(height);
        let shown = self.lines[..pinned]
            .iter()
            .chain(self.lines[pinned..].iter().skip(skip))
            .take(height);
        for (row, line) in (area.y..area.bottom()).zip(shown) {
            buf.set_line(area.x, row, line, area.width);
        }
        let body_rows = height - pinned;
        if self.lines.len() - pinned > skip + body_rows && area.height > 0 && area.width > 2 {
            buf.set_string(area.right() - 1, area.bottom() - 1, "↓", self.theme.key());
        }
    }
}

/// The first row of a list pane: `Title  counts` (the counts alone when both do not fit), or,
/// while a filter is typed or kept, the filter line (`filter`: its text, and whether it has the
/// keyboard) followed by `counts` (`12 sur 230`).
pub fn list_header(
    title: &str,
    filter: Option<(&str, bool)>,
    counts: &str,
    width: usize,
    theme: Theme,
) -> ratatui::text::Line<'static> {
    use ratatui::text::{Line, Span};
    if let Some((text, typing)) = filter {
        let mut spans = vec![
            Span::styled(crate::catalogue::tui::FILTER_PROMPT, theme.key()),
            Span::raw(text.to_owned()),
        ];
        if typing {
            spans.push(Span::styled(" ", theme.cursor()));
        }
        spans.push(Span::styled(format!("  {counts}"), theme.muted()));
        return Line::from(spans);
    }
    let w = crate::text::display_width;
    if w(title) + 2 + w(counts) <= width {
        Line::from(vec![
            Span::styled(title.to_owned(), theme.title()),
            Span::styled(format!("  {counts}"), theme.muted()),
        ])
    } else {
        Line::styled(counts.to_owned(), theme.muted())
    }
}

/// A label and its value for a detail, wrapped to `width` (the lines after the first indented
/// by two), the label in its colour.
pub fn labelled(
    label: &str,
    value: &str,
    theme: Theme,
    width: usize,
) -> Vec<ratatui::text::Line<'static>> {
    use ratatui::text::{Line, Span};
    let head = format!("{label} : ");
    let text = format!("{head}{value}");
    // Two columns less than the pane: the lines after the first are indented by two.
    crate::text::wrap_text(&text, width.saturating_sub(2).max(12))
        .into_iter()
        .enumerate()
        .map(|(i, part)| {
            if i == 0 && part.starts_with(&head) {
                let rest = part[head.len()..].to_owned();
                Line::from(vec![
                    Span::styled(head.clone(), theme.label()),
                    Span::raw(rest),
                ])
            } else {
                Line::raw(format!("  {part}"))
            }
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn drawn(lines: &[Line<'_>], pinned: usize, scroll: usize, h: u16) -> Vec<String> {
        let area = Rect::new(0, 0, 10, h);
        let mut buf = Buffer::empty(area);
        ScrolledLines {
            lines,
            pinned,
            scroll,
            theme: Theme::plain(),
        }
        .render(area, &mut buf);
        (0..h)
            .map(|y| {
                (0..10)
                    .map(|x| buf[(x, y)].symbol().to_owned())
                    .collect::<String>()
                    .trim_end()
                    .to_owned()
            })
            .collect()
    }

    #[test]
    fn the_title_stays_while_the_body_scrolls_and_the_mark_says_more() {
        let lines: Vec<Line> = ["Titre", "a", "b", "c", "d", "e"]
            .into_iter()
            .map(Line::raw)
            .collect();
        assert_eq!(drawn(&lines, 1, 0, 3), ["Titre", "a", "b        ↓"]);
        assert_eq!(drawn(&lines, 1, 2, 3), ["Titre", "c", "d        ↓"]);
        // Past the end: the last lines at the bottom, no mark.
        assert_eq!(drawn(&lines, 1, 99, 3), ["Titre", "d", "e"]);
        // Nothing pinned: everything scrolls.
        assert_eq!(drawn(&lines, 0, 1, 3), ["a", "b", "c        ↓"]);
        // Taller than the lines: all of them, no mark.
        assert_eq!(drawn(&lines, 1, 0, 8).len(), 8);
        assert_eq!(drawn(&lines, 1, 5, 8)[5], "e");
    }

    #[test]
    fn split_gives_the_list_its_width_and_the_detail_the_rest() {
        let area = Rect::new(0, 1, 80, 20);
        let (list, detail) = split(area, 38);
        assert_eq!(list.unwrap().width, 38);
        assert_eq!(detail.unwrap(), Rect::new(39, 1, 41, 20));
        assert_eq!(split(area, 80), (Some(area), None));
        assert_eq!(split(area, 0), (None, Some(area)));
    }
}

//! A tab not built yet: one line saying what will be there.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::Tab;
use crate::catalogue::tui as msg;
use crate::tui::theme::Theme;

pub struct PlaceholderView {
    pub tab: Tab,
    pub theme: Theme,
}

impl Widget for PlaceholderView {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let text = vec![
            Line::styled(self.tab.name(), self.theme.title()),
            Line::raw(""),
            Line::raw(msg::TAB_COMING[self.tab.index()]),
        ];
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .render(area.inner(ratatui::layout::Margin::new(1, 1)), buf);
    }
}

//! A tab not built yet: one line saying what will be there. A pane like any other, with
//! nothing but the global keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::pane::{Pane, Tab};
use crate::catalogue::tui as msg;
use crate::tui::keymap::Scope;
use crate::tui::theme::Theme;

pub struct Placeholder {
    tab: Tab,
}

impl Placeholder {
    pub fn new(tab: Tab) -> Placeholder {
        Placeholder { tab }
    }
}

impl Pane for Placeholder {
    fn render(&self, area: Rect, buf: &mut Buffer, theme: Theme) {
        let text = vec![
            Line::styled(self.tab.name(), theme.title()),
            Line::raw(""),
            Line::raw(msg::TAB_COMING[self.tab.index()]),
        ];
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .render(area.inner(ratatui::layout::Margin::new(1, 1)), buf);
    }

    fn scopes(&self) -> Vec<Scope> {
        vec![Scope::Global]
    }
}

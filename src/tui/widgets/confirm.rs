//! A yes/no question (o/n) drawn over the screen: quitting or leaving a form with changes.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use super::centered;
use crate::catalogue::tui as msg;
use crate::tui::theme::Theme;

/// What a yes would do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    QuitDirty,
    DiscardForm,
}

impl Confirm {
    pub fn question(self) -> &'static str {
        match self {
            Confirm::QuitDirty => msg::CONFIRM_QUIT_DIRTY,
            Confirm::DiscardForm => msg::CONFIRM_DISCARD,
        }
    }
}

pub struct ConfirmView {
    pub confirm: Confirm,
    pub theme: Theme,
}

impl Widget for ConfirmView {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let popup = centered(area, 56, 6);
        Clear.render(popup, buf);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(self.theme.focused_border())
            .title(Line::styled(
                format!(" {} ", msg::CONFIRM_TITLE),
                self.theme.title(),
            ));
        let text = vec![
            Line::raw(self.confirm.question()),
            Line::raw(""),
            Line::styled(msg::CONFIRM_KEYS, self.theme.key()),
        ];
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .block(block)
            .render(popup, buf);
    }
}

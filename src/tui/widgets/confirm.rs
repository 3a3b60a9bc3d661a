//! A yes/no question (o/n) drawn over the screen: quitting or leaving a form with changes,
//! reopening a closed circle or GT, deleting a work-log item.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use super::centered;
use crate::catalogue::tui as msg;
use crate::tui::theme::Theme;

/// What a yes would do. The rows carry the version they were read at: a yes on a row changed
/// elsewhere meanwhile is refused by the store, never applied blindly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    QuitDirty,
    DiscardForm,
    ReopenCircle {
        id: i64,
        version: i64,
        name: String,
    },
    ReopenGroup {
        id: i64,
        version: i64,
        name: String,
    },
    DeleteWork {
        id: i64,
        version: i64,
        title: String,
    },
    /// A new person bears the name of someone already in the network.
    AddHomonym {
        name: String,
        existing: String,
    },
}

impl Confirm {
    pub fn question(&self) -> String {
        use crate::catalogue::circles_tab as cm;
        match self {
            Confirm::QuitDirty => msg::CONFIRM_QUIT_DIRTY.to_owned(),
            Confirm::DiscardForm => msg::CONFIRM_DISCARD.to_owned(),
            Confirm::ReopenCircle { name, .. } => cm::confirm_reopen_circle(name),
            Confirm::ReopenGroup { name, .. } => cm::confirm_reopen_group(name),
            Confirm::DeleteWork { title, .. } => cm::confirm_delete_work(title),
            Confirm::AddHomonym { name, existing } => {
                crate::catalogue::members_tab::confirm_homonym(name, existing)
            }
        }
    }
}

pub struct ConfirmView {
    pub confirm: Confirm,
    pub theme: Theme,
}

impl Widget for ConfirmView {
    fn render(self, area: Rect, buf: &mut Buffer) {
        // Three lines of question: a name in it can be long.
        let popup = centered(area, 56, 7);
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

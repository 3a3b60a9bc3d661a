//! A yes/no question (o/n) drawn over the screen: quitting or leaving a form with changes, or
//! a question a tab asks about one of its writes (reopening a circle, a person coming back).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use std::any::Any;
use std::rc::Rc;

use super::layout::centered;
use crate::catalogue::tui as msg;
use crate::tui::theme::Theme;

/// What a yes would do: the app's own questions, or a tab's. A tab's question carries its
/// words and a token only that tab reads (its own enum, with the rows' versions: a yes on a
/// row changed elsewhere meanwhile is refused by the store, never applied blindly). This
/// widget knows no tab's questions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    QuitDirty,
    DiscardForm,
    Tab(Question),
}

impl Confirm {
    /// A tab's question: `text` on screen, `token` handed back to the tab on a yes.
    pub fn ask<T: Any + std::fmt::Debug>(text: String, token: T) -> Confirm {
        Confirm::Tab(Question {
            text,
            token: Token(Rc::new(token)),
            answers_no: false,
        })
    }

    /// A tab's question with three answers: yes and no both come back to the tab (a no to
    /// [`crate::tui::tabs::Pane::declined`]), Échap leaves it unanswered ("move the tasks
    /// too?": o moves them, n keeps their dates, Échap goes back to the form).
    pub fn ask_yes_or_no<T: Any + std::fmt::Debug>(text: String, token: T) -> Confirm {
        Confirm::Tab(Question {
            text,
            token: Token(Rc::new(token)),
            answers_no: true,
        })
    }

    /// Whether a no is an answer the tab takes (else it only closes the question).
    pub fn answers_no(&self) -> bool {
        matches!(self, Confirm::Tab(q) if q.answers_no)
    }

    /// The token of a tab's question, if it is one of type `T`.
    pub fn token<T: Any>(&self) -> Option<&T> {
        match self {
            Confirm::Tab(q) => q.token.0.downcast_ref(),
            _ => None,
        }
    }

    pub fn question(&self) -> String {
        match self {
            Confirm::QuitDirty => msg::CONFIRM_QUIT_DIRTY.to_owned(),
            Confirm::DiscardForm => msg::CONFIRM_DISCARD.to_owned(),
            Confirm::Tab(q) => q.text.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub text: String,
    pub token: Token,
    /// A no comes back to the tab, and Échap is the one that only closes.
    pub answers_no: bool,
}

/// What a tab put in its question, opaque to everyone else. Two tokens are equal when they
/// are the same one.
#[derive(Clone)]
pub struct Token(Rc<dyn AnyDebug>);

/// `Any` that can say what it is (for `Debug` of the app state in tests and logs).
pub trait AnyDebug: Any + std::fmt::Debug {}
impl<T: Any + std::fmt::Debug> AnyDebug for T {}

impl dyn AnyDebug {
    fn downcast_ref<T: Any>(&self) -> Option<&T> {
        (self as &dyn Any).downcast_ref()
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl PartialEq for Token {
    fn eq(&self, other: &Token) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
impl Eq for Token {}

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
            Line::styled(
                if self.confirm.answers_no() {
                    use crate::tui::action::Action;
                    use crate::tui::keymap::{Scope, key_label};
                    msg::confirm_keys_or_back(
                        &key_label(Scope::Confirm, Action::ConfirmYes),
                        &key_label(Scope::Confirm, Action::ConfirmNo),
                        &key_label(Scope::Confirm, Action::Back),
                    )
                } else {
                    msg::CONFIRM_KEYS.to_owned()
                },
                self.theme.key(),
            ),
        ];
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .block(block)
            .render(popup, buf);
    }
}

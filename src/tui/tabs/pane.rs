//! What a tab is: the [`Pane`] trait its state implements, the [`Env`] it takes from the app,
//! the [`Reply`] it answers with, and the [`Tab`] places it fills. Tabs import this file, and
//! the registry in `mod.rs` imports the tabs: no tab imports the registry back.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use crate::catalogue::tui as msg;
use crate::store::{Store, StoreError};
use crate::tui::action::Action;
use crate::tui::keymap::Scope;
use crate::tui::theme::Theme;
use crate::tui::widgets::confirm::Confirm;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    Cercles,
    Membres,
    Collectifs,
    Rencontres,
    Comptabilite,
    Chronologie,
    Rapports,
}

impl Tab {
    pub const ALL: [Tab; 7] = [
        Tab::Cercles,
        Tab::Membres,
        Tab::Collectifs,
        Tab::Rencontres,
        Tab::Comptabilite,
        Tab::Chronologie,
        Tab::Rapports,
    ];

    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    pub fn from_index(i: usize) -> Tab {
        Tab::ALL[i % Tab::ALL.len()]
    }

    pub fn next(self) -> Tab {
        Tab::from_index(self.index() + 1)
    }

    pub fn prev(self) -> Tab {
        Tab::from_index(self.index() + Tab::ALL.len() - 1)
    }

    pub fn name(self) -> &'static str {
        msg::TAB_NAMES[self.index()]
    }

    pub fn short_name(self) -> &'static str {
        msg::TAB_SHORT_NAMES[self.index()]
    }
}

/// What the store, the theme and the screen give to an action of a tab.
pub struct Env<'a> {
    pub store: &'a mut Store,
    pub theme: Theme,
    /// The terminal's columns and rows.
    pub screen: (u16, u16),
    /// The message line shows under the body (it takes one of the body's rows).
    pub message: bool,
}

impl Env<'_> {
    /// The columns and rows the tab is drawn in.
    pub fn body(&self) -> (u16, u16) {
        (self.screen.0, body_rows(self.screen.1, self.message))
    }

    /// Keep `message` in step with a reply given before the action is over: what the action
    /// measures afterwards (a scroll that brings the saved line into view) must fit the screen
    /// that will be drawn, with or without the message line.
    pub fn note(&mut self, reply: &Reply) {
        match reply {
            Reply::Info(_) | Reply::Error(_) | Reply::Written(_) => self.message = true,
            // A key clears an info line before it is handled, so the line cleared here is an
            // error and nothing is left.
            Reply::ClearMessage | Reply::ClearError | Reply::Confirm(_) => self.message = false,
            Reply::Pass | Reply::Done | Reply::ConfirmDiscard => {}
        }
    }

    /// Whether this session may write `area` now: the file open for writing and the role
    /// allowing it; else what to say.
    pub fn may_write(&self, area: crate::model::Area) -> Result<(), String> {
        let store = &*self.store;
        if store.is_read_only() {
            return Err(crate::catalogue::circles_tab::READ_ONLY.to_owned());
        }
        let role = store.actor().role;
        if !role.may_write(area) {
            return Err(StoreError::Forbidden { role, area }.to_string());
        }
        Ok(())
    }

    /// `reply`, noted (see [`Env::note`]).
    pub fn said(&mut self, reply: Reply) -> Reply {
        self.note(&reply);
        reply
    }
}

/// Rows of the body on a screen `rows` high: the tab bar, the footer and the status bar take
/// one row each, the message line one more when it shows (the layout of `view`).
pub fn body_rows(rows: u16, message: bool) -> u16 {
    rows.saturating_sub(3 + u16::from(message))
}

/// What the app does after a tab handled an action: tabs never touch the message line, the
/// overlays or each other; they answer, and the app shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// Not an action of this tab: the app handles it (quit, help, tabs…).
    Pass,
    /// Handled; the message line stays as it is.
    Done,
    /// Handled, and the message line goes: the user may go on, what it said is past.
    ClearMessage,
    /// Handled, and an error on the message line goes (a closed form's errors go with it).
    ClearError,
    Info(String),
    Error(String),
    /// Something was written: the app reloads the tab on screen (the others when next shown),
    /// then says this.
    Written(String),
    /// Esc on a form with changes: the app asks first (the form's errors stay in sight).
    ConfirmDiscard,
    /// A question about a write of the tab: the app shows it in place of the message line, and
    /// a yes comes back to the tab's [`Pane::confirmed`].
    Confirm(Confirm),
}

impl Reply {
    /// Two steps in a row: the later one's word wins when it has one, as the last message
    /// written is the one on screen.
    pub fn then(self, later: Reply) -> Reply {
        match later {
            Reply::Pass | Reply::Done => self,
            later => later,
        }
    }
}

/// What an action can do on the screen in front.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offer {
    /// Nothing is written: always there.
    Always,
    /// Writes this area: there when the session's role may write it.
    Writes(crate::model::Area),
    /// Not for the selected record (the cercle général has no sheet to edit).
    Never,
}

impl Offer {
    /// What the action writes, wherever it is done.
    pub fn of(action: Action) -> Offer {
        action.writes().map_or(Offer::Always, Offer::Writes)
    }

    /// Whether a session with `role`, on a file it may write or not, can do it.
    pub fn allowed(self, role: crate::model::Role, read_only: bool) -> bool {
        match self {
            Offer::Always => true,
            Offer::Writes(area) => !read_only && role.may_write(area),
            Offer::Never => false,
        }
    }
}

/// A tab, as the app sees it. Keys go to the overlays first, then to the shown tab's pane (its
/// filter line, its keymap scopes, its open form), then to the global keys; the pane answers
/// with a [`Reply`]. A pane draws itself and says its scopes (which give its footer, its help
/// and its palette actions). What a tab need not do has a default: a placeholder is a few lines.
pub trait Pane {
    /// Draw the tab's body.
    fn render(&self, area: Rect, buf: &mut Buffer, theme: Theme);

    /// The keymap scopes active in the tab now, innermost first.
    fn scopes(&self) -> Vec<Scope>;

    /// Every scope of the tab, for its help page: the screen in front first (from
    /// [`Pane::scopes`]), then these.
    fn help_scopes(&self) -> Vec<Scope> {
        Vec::new()
    }

    /// The scope whose actions the palette offers from the other tabs (its list's writes).
    fn palette_scope(&self) -> Option<Scope> {
        None
    }

    /// Whether `action` can be done here now, and what it would write: the footer offers only
    /// what the role and the selected record allow.
    fn offers(&self, action: Action) -> Offer {
        Offer::of(action)
    }

    /// Something typed would be lost by quitting.
    fn is_dirty(&self) -> bool {
        false
    }

    /// The filter line has the keyboard: keys go to [`Pane::filter_key`], not the keymap.
    fn is_filtering(&self) -> bool {
        false
    }

    /// Of the keys going to [`Pane::filter_key`]: a search in a list of choices is open.
    fn is_picking(&self) -> bool {
        false
    }

    /// Apply one action. `Reply::Pass` leaves it to the app.
    fn dispatch(&mut self, action: Action, env: &mut Env<'_>) -> Reply {
        let _ = (action, env);
        Reply::Pass
    }

    /// A yes to a question the tab asked (`Reply::Confirm`, `Reply::ConfirmDiscard`).
    fn confirmed(&mut self, question: Confirm, env: &mut Env<'_>) -> Reply {
        let _ = (question, env);
        Reply::Done
    }

    /// A no to a question the tab asked with [`Confirm::ask_yes_or_no`].
    fn declined(&mut self, question: Confirm, env: &mut Env<'_>) -> Reply {
        let _ = (question, env);
        Reply::Done
    }

    /// A key while the filter line has the keyboard.
    fn filter_key(&mut self, ev: KeyEvent, env: &mut Env<'_>) -> Reply {
        let _ = (ev, env);
        Reply::Done
    }

    /// Text pasted in one piece, for the open form or the filter line.
    fn paste(&mut self, text: &str, env: &mut Env<'_>) -> Reply {
        let _ = (text, env);
        Reply::Done
    }

    /// A key the keymap did not take while a form is open: for its focused field.
    fn form_input(&mut self, ev: KeyEvent) {
        let _ = ev;
    }

    /// Read everything again (when first shown, after a write, when another session wrote);
    /// the selection stays where it was.
    fn reload(&mut self, env: &mut Env<'_>) -> Result<Reply, StoreError> {
        let _ = env;
        Ok(Reply::Done)
    }

    /// The screen changed size: keep the selection in view.
    fn resize(&mut self, env: &Env<'_>) {
        let _ = env;
    }

    /// Work put off so that what was typed shows first: a letter of a filter is echoed on
    /// screen before a list of 70 000 rows is filtered again. The loop draws a frame, then
    /// calls [`Pane::run_deferred`], then draws again; without a loop (tests, scripts) the
    /// app runs it at once, so a key's effect is whole when `handle_key` returns.
    fn has_deferred(&self) -> bool {
        false
    }

    /// Do the work [`Pane::has_deferred`] announced.
    fn run_deferred(&mut self, env: &mut Env<'_>) -> Reply {
        let _ = env;
        Reply::Done
    }

    /// After another session wrote: the warning to show if the row the open form edits
    /// changed meanwhile (its save would meet a conflict).
    fn changed_elsewhere(&self, store: &Store) -> Option<String> {
        let _ = store;
        None
    }
}

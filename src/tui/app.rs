//! The application state and its one entry for changes: keys are routed (modal first, then the
//! shown tab's pane, then global keys) to an `Action`, and `dispatch` applies it. The tabs are
//! components (`tabs::Pane`): the app knows none of their insides, it hands them the store and
//! the screen (`tabs::Env`) and turns their `Reply` into the message line, a question or a
//! reload. Nothing here touches the terminal; the loop in `terminal.rs` feeds keys and draws.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;
use super::error::TuiError;
use super::keymap::{self, Scope};
use super::tabs::{Env, Pane, Reply, Tab, body_rows};
use super::theme::Theme;
use super::widgets::confirm::Confirm;
use super::widgets::help::{column_height, help_lines};
use super::widgets::palette::Palette;
use crate::catalogue::tui as msg;
use crate::store::Store;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageKind {
    Info,
    /// Something to know before going on, not a failure (the record being edited was just
    /// saved by someone else); it stays like an error, until Esc or the next step.
    Notice,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub kind: MessageKind,
}

/// What is drawn over the current tab and takes the keys first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    None,
    /// The keys of the screen it was opened on (scopes, that screen's first), scrolled.
    Help {
        scopes: Vec<Scope>,
        scroll: usize,
    },
    Palette(Palette),
    Confirm(Confirm),
}

pub struct App {
    pub(crate) store: Store,
    pub tab: Tab,
    /// The pane of each tab, in the order of [`Tab::ALL`] (from [`super::tabs::registry`]).
    panes: Vec<Box<dyn Pane>>,
    /// Tabs whose data changed while they were not shown: read again when next shown.
    stale: Vec<bool>,
    pub overlay: Overlay,
    pub message: Option<Message>,
    pub theme: Theme,
    /// Terminal size, for page moves and scroll offsets; the loop keeps it current.
    pub size: (u16, u16),
    /// The person the user is linked to ("moi"), shown in the status bar.
    pub me: Option<String>,
    quit: bool,
    /// The loop draws between a key and the work its pane put off (see
    /// [`Pane::has_deferred`]); otherwise that work is done before `handle_key` returns.
    deferring: bool,
}

impl App {
    /// Load what the first screen shows; the other tabs are read when first shown. Colours
    /// follow `NO_COLOR`.
    pub fn new(store: Store) -> Result<App, TuiError> {
        App::with_theme(store, Theme::from_env())
    }

    /// Load what the first screen shows, drawn in `theme` (the configured colours).
    pub fn with_theme(store: Store, theme: Theme) -> Result<App, TuiError> {
        let mut app = App {
            store,
            tab: Tab::Cercles,
            panes: Tab::ALL.into_iter().map(super::tabs::registry).collect(),
            stale: vec![true; Tab::ALL.len()],
            overlay: Overlay::None,
            message: None,
            theme,
            size: (80, 24),
            me: None,
            quit: false,
            deferring: false,
        };
        app.me = app.linked_person();
        let tab = app.tab;
        let (pane, mut env) = app.pane_env(tab);
        let reply = pane.reload(&mut env)?;
        app.stale[tab.index()] = false;
        app.take_reply(reply);
        Ok(app)
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// The pane of a tab.
    pub(crate) fn pane(&self, tab: Tab) -> &dyn Pane {
        self.panes[tab.index()].as_ref()
    }

    /// The pane of a tab with what its actions need: the store, the theme and the screen as
    /// it is now.
    fn pane_env(&mut self, tab: Tab) -> (&mut dyn Pane, Env<'_>) {
        let App {
            store,
            panes,
            theme,
            size,
            message,
            ..
        } = self;
        let env = Env {
            store,
            theme: *theme,
            screen: *size,
            message: message.is_some(),
        };
        (panes[tab.index()].as_mut(), env)
    }

    pub fn set_size(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        for tab in Tab::ALL {
            let (pane, env) = self.pane_env(tab);
            pane.resize(&env);
        }
    }

    /// Body rows: the screen less the tab bar, the footer, the status bar and the message line.
    pub fn body_height(&self) -> u16 {
        body_rows(self.size.1, self.message.is_some())
    }

    /// Something unsaved would be lost by quitting.
    pub fn is_dirty(&self) -> bool {
        self.panes.iter().any(|pane| pane.is_dirty())
    }

    /// The keymap scopes active now, innermost first.
    pub fn scopes(&self) -> Vec<Scope> {
        if let Overlay::Confirm(_) = self.overlay {
            return vec![Scope::Confirm];
        }
        self.pane(self.tab).scopes()
    }

    /// The scopes the help lists on this screen: those in front first, then the tab's
    /// others; the global keys are added by the help itself.
    fn help_scopes(&self) -> Vec<Scope> {
        let pane = self.pane(self.tab);
        let mut scopes = self.scopes();
        for scope in pane.help_scopes() {
            if !scopes.contains(&scope) {
                scopes.push(scope);
            }
        }
        scopes
    }

    /// The filter line of the shown tab has the keyboard.
    pub fn is_filtering(&self) -> bool {
        self.pane(self.tab).is_filtering()
    }

    fn info(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            kind: MessageKind::Info,
        });
    }

    /// Drop the error line (a confirmation stays until the next key).
    fn clear_error(&mut self) {
        if self
            .message
            .as_ref()
            .is_some_and(|m| matches!(m.kind, MessageKind::Error | MessageKind::Notice))
        {
            self.message = None;
        }
    }

    fn notice(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            kind: MessageKind::Notice,
        });
    }

    fn error(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            kind: MessageKind::Error,
        });
    }

    /// Let the caller draw between a key and the work its pane put off (the terminal loop:
    /// a filter letter shows before the list is filtered again); the caller then runs
    /// [`App::run_deferred`]. Off by default: a key's effect is whole when `handle_key`
    /// returns.
    pub fn set_deferring(&mut self, on: bool) {
        self.deferring = on;
    }

    /// The shown pane has work put off until after the next frame.
    pub fn has_deferred(&self) -> bool {
        self.pane(self.tab).has_deferred()
    }

    /// Do the work the shown pane put off, and show what it answers.
    pub fn run_deferred(&mut self) {
        if self.has_deferred() {
            let (pane, mut env) = self.pane_env(self.tab);
            let reply = pane.run_deferred(&mut env);
            self.take_reply(reply);
        }
    }

    /// Route a key: overlays first, then the shown tab (its filter line, its keys, its form),
    /// then the global keys.
    pub fn handle_key(&mut self, ev: KeyEvent) {
        if ev.kind != KeyEventKind::Press {
            return;
        }
        // Work put off is done before a key that does not go to the filter line (which puts
        // off its own, and knows which of its keys need it done first).
        if !self.is_filtering() {
            self.run_deferred();
        }
        self.route_key(ev);
        if !self.deferring {
            self.run_deferred();
        }
    }

    fn route_key(&mut self, ev: KeyEvent) {
        // A confirmation has been read once the next key comes; errors stay until Esc.
        if self
            .message
            .as_ref()
            .is_some_and(|m| m.kind == MessageKind::Info)
        {
            self.message = None;
        }
        match &mut self.overlay {
            Overlay::Confirm(_) => {
                if let Some(action) = keymap::lookup(&[Scope::Confirm], &ev) {
                    self.dispatch(action);
                }
                return;
            }
            Overlay::Help { scopes, scroll } => {
                let page =
                    column_height(ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1));
                let max = help_lines(scopes).len().saturating_sub(page);
                match keymap::lookup(&[Scope::HelpPage], &ev) {
                    Some(Action::MoveDown) => *scroll = (*scroll + 1).min(max),
                    Some(Action::MoveUp) => *scroll = scroll.saturating_sub(1),
                    Some(Action::PageDown) => *scroll = (*scroll + page).min(max),
                    Some(Action::PageUp) => *scroll = scroll.saturating_sub(page),
                    Some(Action::First) => *scroll = 0,
                    Some(Action::Last) => *scroll = max,
                    Some(Action::Back) => self.overlay = Overlay::None,
                    _ => {}
                }
                return;
            }
            Overlay::Palette(palette) => {
                let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
                match keymap::lookup(&[Scope::Palette], &ev) {
                    Some(Action::Back) => self.overlay = Overlay::None,
                    Some(Action::RunCommand) => {
                        let chosen = palette.selected_entry();
                        self.overlay = Overlay::None;
                        if let Some((action, tab)) = chosen {
                            if let Some(i) = tab {
                                self.show_tab(Tab::from_index(i));
                            }
                            self.dispatch(action);
                        }
                    }
                    Some(Action::MoveUp) => palette.move_by(-1),
                    Some(Action::MoveDown) => palette.move_by(1),
                    _ => match ev.code {
                        KeyCode::Backspace => palette.pop(),
                        KeyCode::Char(c) if !ctrl => palette.push(c),
                        _ => {}
                    },
                }
                return;
            }
            Overlay::None => {}
        }
        let (pane, mut env) = self.pane_env(self.tab);
        if pane.is_filtering() {
            let reply = pane.filter_key(ev, &mut env);
            self.take_reply(reply);
            return;
        }
        let scopes = self.scopes();
        if let Some(action) = keymap::lookup(&scopes, &ev) {
            self.dispatch(action);
        } else if scopes == [Scope::Form] {
            let (pane, _) = self.pane_env(self.tab);
            pane.form_input(ev);
            // Typing again in the form: the error line was about the last save, now past (a
            // field's own error stays under it until that field changes).
            if self
                .message
                .as_ref()
                .is_some_and(|m| m.kind == MessageKind::Error)
            {
                self.message = None;
            }
        }
    }

    /// Text pasted in one piece (bracketed paste): into the form or filter that has the
    /// keyboard, cleaned; anywhere else it is ignored rather than read as a burst of keys.
    pub fn handle_paste(&mut self, text: &str) {
        if !self.is_filtering() {
            self.run_deferred();
        }
        self.route_paste(text);
        if !self.deferring {
            self.run_deferred();
        }
    }

    fn route_paste(&mut self, text: &str) {
        match &mut self.overlay {
            Overlay::Palette(palette) => {
                for c in crate::text::clean_line(text, crate::text::limits::NAME).chars() {
                    palette.push(c);
                }
                return;
            }
            Overlay::None => {}
            _ => return,
        }
        let (pane, mut env) = self.pane_env(self.tab);
        let reply = pane.paste(text, &mut env);
        self.take_reply(reply);
    }

    /// Show what a tab answered; false when the action was not one of its own.
    fn take_reply(&mut self, reply: Reply) -> bool {
        match reply {
            Reply::Pass => return false,
            Reply::Done => {}
            Reply::ClearMessage => self.message = None,
            Reply::ClearError => self.clear_error(),
            Reply::Info(text) => self.info(text),
            Reply::Error(text) => self.error(text),
            Reply::Written(text) => {
                self.info(text);
                self.reload();
            }
            Reply::ConfirmDiscard => self.overlay = Overlay::Confirm(Confirm::DiscardForm),
            Reply::Confirm(question) => {
                self.message = None;
                self.overlay = Overlay::Confirm(question);
            }
        }
        true
    }

    /// Apply one action. Every change of state goes through here: the open question takes
    /// its answer, then the shown tab its own actions, and the rest are the app's.
    pub fn dispatch(&mut self, action: Action) {
        use Action::*;
        if matches!(action, ConfirmYes | ConfirmNo | Back)
            && matches!(self.overlay, Overlay::Confirm(_))
        {
            if let Overlay::Confirm(question) = std::mem::replace(&mut self.overlay, Overlay::None)
            {
                match action {
                    ConfirmYes => self.confirmed(question),
                    ConfirmNo if question.answers_no() => self.declined(question),
                    _ => {}
                }
            }
            return;
        }
        let in_form = |app: &App| matches!(app.scopes().as_slice(), [Scope::Form]);
        let was_in_form = in_form(self);
        let (pane, mut env) = self.pane_env(self.tab);
        let reply = pane.dispatch(action, &mut env);
        let opened_form = !was_in_form && in_form(self);
        let handled = self.take_reply(reply);
        // A form just opened: the error line was about what came before it.
        if opened_form {
            self.clear_error();
        }
        if handled {
            return;
        }
        match action {
            Quit => {
                if self.is_dirty() {
                    self.overlay = Overlay::Confirm(Confirm::QuitDirty);
                } else {
                    self.quit = true;
                }
            }
            Help => {
                self.overlay = Overlay::Help {
                    scopes: self.help_scopes(),
                    scroll: 0,
                }
            }
            Palette => {
                // The list scopes of the other tabs: their writes are a search away.
                let elsewhere = Tab::ALL
                    .into_iter()
                    .filter(|tab| *tab != self.tab)
                    .filter_map(|tab| Some((self.pane(tab).palette_scope()?, tab.index())))
                    .collect();
                self.overlay = Overlay::Palette(
                    super::widgets::palette::Palette::new(self.scopes()).with_elsewhere(elsewhere),
                )
            }
            Back => self.message = None,
            NextTab => self.show_tab(self.tab.next()),
            PrevTab => self.show_tab(self.tab.prev()),
            TabCercles | TabMembres | TabCollectifs | TabRencontres | TabComptabilite
            | TabChronologie | TabRapports => {
                if let Some(i) = action.tab_index() {
                    self.show_tab(Tab::from_index(i));
                }
            }
            // Actions of a tab, never bound where it does not answer them.
            _ => {}
        }
    }

    /// Another tab: an error said about the one left is past (it would stay on screen under a
    /// tab it does not concern). A tab whose data changed while hidden is read again now.
    fn show_tab(&mut self, tab: Tab) {
        if tab != self.tab {
            self.clear_error();
            self.tab = tab;
            if self.stale[tab.index()] {
                self.reload_shown();
            }
        }
    }

    /// A yes: quitting is the app's; any other question was asked by the shown tab (questions
    /// are modal: the tab cannot change while one is open), which answers it.
    fn confirmed(&mut self, question: Confirm) {
        if question == Confirm::QuitDirty {
            self.quit = true;
            return;
        }
        let (pane, mut env) = self.pane_env(self.tab);
        let reply = pane.confirmed(question, &mut env);
        self.take_reply(reply);
    }

    /// A no to a question of the shown tab that takes one.
    fn declined(&mut self, question: Confirm) {
        let (pane, mut env) = self.pane_env(self.tab);
        let reply = pane.declined(question, &mut env);
        self.take_reply(reply);
    }

    /// The name of the person this user is linked to, if any.
    fn linked_person(&self) -> Option<String> {
        let id = self.store.actor().person_id?;
        let detail = self.store.person(id).ok().flatten()?;
        Some(detail.person.display_name())
    }

    /// The data changed: the tab on screen is read again at once, the others are marked to be
    /// read when next shown (on a big network each reading costs). Each selection stays where
    /// it was.
    pub fn reload(&mut self) {
        self.me = self.linked_person();
        self.stale.iter_mut().for_each(|s| *s = true);
        self.reload_shown();
    }

    fn reload_shown(&mut self) {
        let tab = self.tab;
        let (pane, mut env) = self.pane_env(tab);
        let reply = pane
            .reload(&mut env)
            .unwrap_or_else(|e| Reply::Error(msg::store_error(&e.to_string())));
        self.stale[tab.index()] = false;
        self.take_reply(reply);
    }

    /// Called about once a second by the loop, outside any transaction: whether another
    /// session changed the data (then reloaded, and the screen needs a draw).
    pub fn poll_changes(&mut self) -> bool {
        match self.store.changed_elsewhere() {
            Ok(false) => false,
            Ok(true) => {
                self.reload();
                for tab in Tab::ALL {
                    if let Some(warning) = self.pane(tab).changed_elsewhere(&self.store) {
                        self.notice(warning);
                    }
                }
                true
            }
            Err(e) => {
                crate::log::warning(&e.to_string());
                self.error(msg::store_error(&e.to_string()));
                true
            }
        }
    }
}

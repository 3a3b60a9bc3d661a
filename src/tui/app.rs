//! The application state and its one entry for changes: keys are routed (modal first, then the
//! focused pane, then global keys) to an `Action`, and `dispatch` applies it. Nothing here
//! touches the terminal; the loop in `terminal.rs` feeds keys and draws.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::TuiError;
use super::action::Action;
use super::keymap::{self, Scope};
use super::tabs::Tab;
use super::tabs::circle_editor::CircleEditor;
use super::tabs::circles::{CirclesTab, list_height};
use super::tabs::members::{self, MembersTab, Reply};
use super::theme::Theme;
use super::widgets::confirm::Confirm;
use super::widgets::help::{column_height, help_lines};
use super::widgets::merge;
use super::widgets::palette::Palette;
use crate::catalogue::tui as msg;
use crate::model::Area;
use crate::store::Store;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageKind {
    Info,
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
    Help { scroll: usize },
    Palette(Palette),
    Confirm(Confirm),
}

pub struct App {
    pub(crate) store: Store,
    pub tab: Tab,
    pub circles: CirclesTab,
    pub members: MembersTab,
    pub overlay: Overlay,
    pub message: Option<Message>,
    pub theme: Theme,
    /// Terminal size, for page moves and scroll offsets; the loop keeps it current.
    pub size: (u16, u16),
    /// The person the user is linked to ("moi"), shown in the status bar.
    pub me: Option<String>,
    quit: bool,
}

impl App {
    /// Load what the first screen shows. Colours follow `NO_COLOR`.
    pub fn new(store: Store) -> Result<App, TuiError> {
        let mut app = App {
            store,
            tab: Tab::Cercles,
            circles: CirclesTab::default(),
            members: MembersTab::default(),
            overlay: Overlay::None,
            message: None,
            theme: Theme::from_env(),
            size: (80, 24),
            me: None,
            quit: false,
        };
        app.me = app.linked_person();
        app.load_circles()?;
        let members_height = app.members_height();
        app.members.reload(&app.store, members_height)?;
        Ok(app)
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub fn set_size(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        let h = self.list_height();
        self.circles.refilter(h);
        let h = self.members_height();
        self.members.resize(h);
    }

    /// Body rows: the screen less the tab bar, the footer, the status bar and the message line.
    pub fn body_height(&self) -> u16 {
        let message = u16::from(self.message.is_some());
        self.size.1.saturating_sub(3 + message)
    }

    fn list_height(&self) -> usize {
        list_height(self.body_height())
    }

    fn members_height(&self) -> usize {
        members::list_height(self.body_height())
    }

    /// Something unsaved would be lost by quitting.
    pub fn is_dirty(&self) -> bool {
        self.circles.is_dirty() || self.members.is_dirty()
    }

    /// The keymap scopes active now, innermost first.
    pub fn scopes(&self) -> Vec<Scope> {
        if let Overlay::Confirm(_) = self.overlay {
            return vec![Scope::Confirm];
        }
        if self.tab == Tab::Membres {
            return self.members.scopes();
        }
        if self.tab == Tab::Cercles
            && let Some(editor) = &self.circles.editor
        {
            return if editor.conflict.is_some() {
                vec![Scope::Conflict]
            } else {
                vec![Scope::Form]
            };
        }
        if self.tab == Tab::Cercles {
            self.circles.scopes()
        } else {
            vec![Scope::Global]
        }
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
            .is_some_and(|m| m.kind == MessageKind::Error)
        {
            self.message = None;
        }
    }

    fn error(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            kind: MessageKind::Error,
        });
    }

    /// Route a key: overlays first, then the filter line or the form, then the keymap.
    pub fn handle_key(&mut self, ev: KeyEvent) {
        if ev.kind != KeyEventKind::Press {
            return;
        }
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
            Overlay::Help { scroll } => {
                let page =
                    column_height(ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1));
                let max = help_lines().len().saturating_sub(page);
                match ev.code {
                    KeyCode::Down | KeyCode::Char('j') | KeyCode::PageDown => {
                        *scroll = (*scroll + page).min(max);
                    }
                    KeyCode::Up | KeyCode::Char('k') | KeyCode::PageUp => {
                        *scroll = scroll.saturating_sub(page);
                    }
                    KeyCode::Esc | KeyCode::Char('?' | 'q') | KeyCode::F(1) | KeyCode::Enter => {
                        self.overlay = Overlay::None;
                    }
                    _ => {}
                }
                return;
            }
            Overlay::Palette(palette) => {
                let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
                match ev.code {
                    KeyCode::Esc => self.overlay = Overlay::None,
                    KeyCode::Enter => {
                        let action = palette.selected_action();
                        self.overlay = Overlay::None;
                        if let Some(action) = action {
                            self.dispatch(action);
                        }
                    }
                    KeyCode::Up => palette.move_by(-1),
                    KeyCode::Down => palette.move_by(1),
                    KeyCode::Backspace => palette.pop(),
                    KeyCode::Char('c') if ctrl => self.overlay = Overlay::None,
                    KeyCode::Char(c) if !ctrl => palette.push(c),
                    _ => {}
                }
                return;
            }
            Overlay::None => {}
        }
        if self.tab == Tab::Cercles && self.circles.filtering {
            self.filter_key(ev);
            return;
        }
        if self.tab == Tab::Membres && self.members.filtering {
            let h = self.members_height();
            let reply = self.members.filter_key(ev, &self.store, h);
            self.members_reply(reply);
            return;
        }
        let scopes = self.scopes();
        if let Some(action) = keymap::lookup(&scopes, &ev) {
            self.dispatch(action);
        } else if scopes == [Scope::Form] && self.tab == Tab::Membres {
            self.members.form_input(ev);
        } else if scopes == [Scope::Form]
            && let Some(editor) = &mut self.circles.editor
        {
            editor.form.input(ev);
        }
    }

    /// Text pasted in one piece (bracketed paste): into the form or filter that has the
    /// keyboard, cleaned; anywhere else it is ignored rather than read as a burst of keys.
    pub fn handle_paste(&mut self, text: &str) {
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
        match self.tab {
            Tab::Membres => {
                let h = self.members_height();
                let reply = self.members.paste(text, &self.store, h);
                self.members_reply(reply);
            }
            Tab::Cercles => {
                if let Some(editor) = &mut self.circles.editor {
                    editor.form.paste(text);
                } else if self.circles.filtering {
                    let h = self.list_height();
                    self.circles.filter.push_str(&crate::text::clean_line(
                        text,
                        crate::text::limits::SHORT_TEXT,
                    ));
                    self.circles.refilter(h);
                    self.sync_circle_detail();
                }
            }
            _ => {}
        }
    }

    /// Show what the Membres tab answered; false when the action was not one of its own.
    fn members_reply(&mut self, reply: Reply) -> bool {
        match reply {
            Reply::Pass => return false,
            Reply::Done => {}
            Reply::Info(text) => self.info(text),
            Reply::Error(text) => self.error(text),
            Reply::Written(text) => {
                self.info(text);
                self.reload();
            }
            Reply::ConfirmDiscard => self.overlay = Overlay::Confirm(Confirm::DiscardForm),
        }
        true
    }

    /// The filter line has the keyboard: typing filters as you go, ↑ ↓ still move.
    fn filter_key(&mut self, ev: KeyEvent) {
        let h = self.list_height();
        let tab = &mut self.circles;
        match ev.code {
            KeyCode::Esc => {
                tab.filter.clear();
                tab.filtering = false;
            }
            KeyCode::Enter => tab.filtering = false,
            KeyCode::Backspace => {
                tab.filter.pop();
            }
            KeyCode::Up => tab.list.move_by(-1, &tab.visible_ids(), h),
            KeyCode::Down => tab.list.move_by(1, &tab.visible_ids(), h),
            KeyCode::Char(c) if !ev.modifiers.contains(KeyModifiers::CONTROL) => {
                tab.filter.push(c);
            }
            _ => return,
        }
        tab.refilter(h);
        self.sync_circle_detail();
    }

    /// Apply one action. Every change of state goes through here.
    pub fn dispatch(&mut self, action: Action) {
        use Action::*;
        if self.tab == Tab::Membres {
            let mut env = members::Env {
                height: self.members_height(),
                detail: super::tabs::members_view::detail_size(self.size.0, self.body_height()),
                theme: self.theme,
                store: &mut self.store,
            };
            let reply = self.members.dispatch(action, &mut env);
            if self.members_reply(reply) {
                return;
            }
        }
        let h = self.list_height();
        match action {
            Quit => {
                if self.is_dirty() {
                    self.overlay = Overlay::Confirm(Confirm::QuitDirty);
                } else {
                    self.quit = true;
                }
            }
            Help => self.overlay = Overlay::Help { scroll: 0 },
            Palette => {
                self.overlay =
                    Overlay::Palette(super::widgets::palette::Palette::new(self.scopes()))
            }
            Back => {
                if let Some(editor) = &mut self.circles.editor
                    && editor.conflict.is_some()
                {
                    editor.conflict = None;
                } else if self.tab == Tab::Cercles && !self.circles.filter.is_empty() {
                    self.circles.filter.clear();
                    self.circles.refilter(h);
                } else {
                    self.message = None;
                }
            }
            NextTab => self.tab = self.tab.next(),
            PrevTab => self.tab = self.tab.prev(),
            TabCercles | TabMembres | TabCollectifs | TabRencontres | TabComptabilite
            | TabChronologie | TabRapports => {
                if let Some(i) = action.tab_index() {
                    self.tab = Tab::from_index(i);
                }
            }
            MoveUp | MoveDown | PageUp | PageDown | First | Last => self.move_selection(action),
            Filter => self.circles.filtering = true,
            Edit => self.open_editor(),
            Save => self.save_editor(),
            Cancel => {
                if self.is_dirty() {
                    self.overlay = Overlay::Confirm(Confirm::DiscardForm);
                } else {
                    self.circles.editor = None;
                    self.clear_error();
                }
            }
            NextField | PrevField => {
                if let Some(editor) = &mut self.circles.editor {
                    if action == NextField {
                        editor.form.focus_next();
                    } else {
                        editor.form.focus_prev();
                    }
                }
            }
            KeepTheirs | KeepMine | TakeTheirs | ResolveConflict => self.conflict_action(action),
            ConfirmYes => {
                if let Overlay::Confirm(what) = std::mem::replace(&mut self.overlay, Overlay::None)
                {
                    match what {
                        Confirm::QuitDirty => self.quit = true,
                        Confirm::DiscardForm => {
                            self.circles.editor = None;
                            self.members.close_form();
                            // The discarded form's errors go with it.
                            self.clear_error();
                        }
                        other => self.circles_confirmed(other),
                    }
                }
            }
            ConfirmNo => self.overlay = Overlay::None,
            // The Membres tab's own actions: handled above when that tab is shown.
            AddPerson | GiveRole | EndRole | PersonLeaves | CycleCircleFilter | CycleKindFilter
            | CycleRoleFilter | ToggleLeft => {}
            FocusDetail | LeaveDetail | NextSection | PrevSection | ScrollDetailDown
            | ScrollDetailUp | PrevYear | NextYear | NewCircle | CloseCircle | AddItem
            | EditItem | CycleStatus | YearLater | YearEarlier | CloseGroup | DeleteWork => {
                self.circles_action(action)
            }
        }
        self.sync_circle_detail();
    }

    fn move_selection(&mut self, action: Action) {
        let h = self.list_height();
        if let Some(editor) = &mut self.circles.editor {
            merge::act(
                &mut editor.conflict,
                &mut editor.form,
                &mut editor.base_version,
                action,
            );
            return;
        }
        if self.tab != Tab::Cercles {
            return;
        }
        if self.circles.focus.is_some() {
            self.circles_action(action);
            return;
        }
        let tab = &mut self.circles;
        let ids = tab.visible_ids();
        let page = h.max(1) as isize;
        match action {
            Action::MoveUp => tab.list.move_by(-1, &ids, h),
            Action::MoveDown => tab.list.move_by(1, &ids, h),
            Action::PageUp => tab.list.move_by(-page, &ids, h),
            Action::PageDown => tab.list.move_by(page, &ids, h),
            Action::First => tab.list.select_first(&ids, h),
            _ => tab.list.select_last(&ids, h),
        }
    }

    fn open_editor(&mut self) {
        if self.store.is_read_only() {
            self.error(msg::READ_ONLY_NO_EDIT);
            return;
        }
        let Some(circle) = self.circles.selected() else {
            self.error(if self.circles.general_selected() {
                crate::catalogue::circles_tab::GENERAL_NO_SHEET
            } else {
                msg::NOTHING_TO_EDIT
            });
            return;
        };
        let editor = CircleEditor::new(circle, self.store.today(), self.theme);
        if !self.may(Area::Governance) {
            return;
        }
        self.circles.editor = Some(editor);
    }

    fn conflict_action(&mut self, action: Action) {
        let Some(editor) = &mut self.circles.editor else {
            return;
        };
        if merge::act(
            &mut editor.conflict,
            &mut editor.form,
            &mut editor.base_version,
            action,
        ) {
            self.message = None;
        }
    }

    /// The name of the person this user is linked to, if any.
    fn linked_person(&self) -> Option<String> {
        let id = self.store.actor().person_id?;
        let detail = self.store.person(id).ok().flatten()?;
        Some(detail.person.display_name())
    }

    /// Read the circles again; the selection stays on the same circle.
    pub fn reload(&mut self) {
        self.me = self.linked_person();
        self.reload_circles();
        let h = self.members_height();
        match self.members.reload(&self.store, h) {
            Ok(None) => {}
            Ok(Some(warning)) => self.error(warning),
            Err(e) => self.error(msg::store_error(&e.to_string())),
        }
    }

    /// Called about once a second by the loop, outside any transaction: whether another
    /// session changed the data (then reloaded, and the screen needs a draw).
    pub fn poll_changes(&mut self) -> bool {
        match self.store.changed_elsewhere() {
            Ok(false) => false,
            Ok(true) => {
                self.reload();
                if self.editor_changed_elsewhere() {
                    self.error(crate::catalogue::circles_tab::CHANGED_ELSEWHERE);
                }
                true
            }
            Err(e) => {
                self.error(msg::store_error(&e.to_string()));
                true
            }
        }
    }
}

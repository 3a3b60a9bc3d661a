//! The words of the keymap: where a binding applies (`Scope`, with its name in the help), a
//! key (`KeySpec`, with its label), and one row of the table (`Binding`).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::catalogue::tui as msg;
use crate::tui::action::Action;

/// Where a binding applies. Lookup tries the innermost scope first, then `Global`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    Global,
    List,
    /// The list of the Cercles tab (before `List`: Enter goes into the detail).
    Circles,
    /// Inside a circle's detail: its sections and their lines.
    Detail,
    /// The work-log section of a circle's detail.
    WorkLog,
    /// The GT section of a circle's detail.
    Groups,
    /// The Membres tab: its list and the detail of the selected person (in place of `List`,
    /// so that its footer fits 80 columns).
    Members,
    Form,
    Conflict,
    Confirm,
    /// The filter line of a list, while it has the keyboard.
    Filter,
    /// An open picker (a field or a quick filter that chooses by typing).
    Pick,
    /// The help page.
    HelpPage,
    /// The command palette.
    Palette,
    /// A form's field that chooses among a few values, or a closed picker.
    Choice,
    /// The Collectifs tab: its list and the detail of the selected collective.
    Collectives,
    /// The counts and charts of the Collectifs tab.
    CollectiveCounts,
    /// The Rencontres tab: its list and the detail of the selected event.
    Events,
    /// Inside an event: the keys of every section (move, next section, back).
    EventSections,
    /// Inside an event: its checklist.
    EventTasks,
    /// Inside an event: its workshops.
    EventWorkshops,
    /// Inside an event: its partners.
    EventPartners,
    /// The partnerships' follow-up.
    Partners,
    /// The Rencontres tab's "mes tâches".
    MyTasks,
}

impl Scope {
    /// Help groups, in display order.
    pub const ALL: [Scope; 24] = [
        Scope::Global,
        Scope::List,
        Scope::Circles,
        Scope::Detail,
        Scope::WorkLog,
        Scope::Groups,
        Scope::Members,
        Scope::Form,
        Scope::Conflict,
        Scope::Confirm,
        Scope::Filter,
        Scope::Pick,
        Scope::HelpPage,
        Scope::Palette,
        Scope::Choice,
        Scope::Collectives,
        Scope::CollectiveCounts,
        Scope::Events,
        Scope::EventSections,
        Scope::EventTasks,
        Scope::EventWorkshops,
        Scope::EventPartners,
        Scope::Partners,
        Scope::MyTasks,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Scope::Global => msg::GROUP_GLOBAL,
            Scope::List => msg::GROUP_LIST,
            Scope::Circles => crate::catalogue::circles_tab::GROUP_CIRCLES,
            Scope::Detail => crate::catalogue::circles_tab::GROUP_DETAIL,
            Scope::WorkLog => crate::catalogue::circles_tab::GROUP_WORK,
            Scope::Groups => crate::catalogue::circles_tab::GROUP_GT,
            Scope::Members => crate::catalogue::members_tab::GROUP_MEMBERS,
            Scope::Form => msg::GROUP_FORM,
            Scope::Conflict => msg::GROUP_CONFLICT,
            Scope::Confirm => msg::GROUP_CONFIRM,
            Scope::Filter => msg::GROUP_FILTER,
            Scope::Pick => msg::GROUP_PICK,
            Scope::HelpPage => msg::GROUP_HELP,
            Scope::Palette => msg::GROUP_PALETTE,
            Scope::Choice => msg::GROUP_CHOICE,
            Scope::Collectives => crate::catalogue::collectives_tab::GROUP,
            Scope::CollectiveCounts => crate::catalogue::collectives_tab::GROUP_COUNTS,
            Scope::Events => crate::catalogue::events_tab::GROUP,
            Scope::EventSections => crate::catalogue::events_tab::GROUP_SECTIONS,
            Scope::EventTasks => crate::catalogue::events_tab::GROUP_TASKS,
            Scope::EventWorkshops => crate::catalogue::events_tab::GROUP_WORKSHOPS,
            Scope::EventPartners => crate::catalogue::events_tab::GROUP_EVENT_PARTNERS,
            Scope::Partners => crate::catalogue::events_tab::GROUP_PARTNERS,
            Scope::MyTasks => crate::catalogue::events_tab::GROUP_MY_TASKS,
        }
    }
}

/// One key: a code and whether Ctrl is held. Shift is part of the character itself (`G`), and
/// Alt is never bound: terminals tell Alt+key from Esc only by timing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeySpec {
    pub code: KeyCode,
    pub ctrl: bool,
}

pub(super) const fn k(c: char) -> KeySpec {
    KeySpec {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}
pub(super) const fn ctrl(c: char) -> KeySpec {
    KeySpec {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}
pub(super) const fn code(code: KeyCode) -> KeySpec {
    KeySpec { code, ctrl: false }
}

impl KeySpec {
    pub fn matches(&self, ev: &KeyEvent) -> bool {
        let ev_ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        if ev.modifiers.contains(KeyModifiers::ALT) || ev_ctrl != self.ctrl {
            return false;
        }
        match (self.code, ev.code) {
            // Terminals differ on whether Ctrl-letters arrive upper or lower case.
            (KeyCode::Char(a), KeyCode::Char(b)) if self.ctrl => a.eq_ignore_ascii_case(&b),
            (a, b) => a == b,
        }
    }

    /// The key as the footer and the help show it.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => msg::KEY_SPACE.to_string(),
            KeyCode::Char(c) if self.ctrl => c.to_ascii_uppercase().to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Enter => msg::KEY_ENTER.into(),
            KeyCode::Esc => msg::KEY_ESC.into(),
            KeyCode::Tab => msg::KEY_TAB.into(),
            KeyCode::BackTab => msg::KEY_BACKTAB.into(),
            KeyCode::PageUp => msg::KEY_PGUP.into(),
            KeyCode::PageDown => msg::KEY_PGDN.into(),
            KeyCode::Home => msg::KEY_HOME.into(),
            KeyCode::End => msg::KEY_END.into(),
            KeyCode::Backspace => msg::KEY_BACKSPACE.into(),
            KeyCode::Delete => msg::KEY_DELETE.into(),
            other => format!("{other:?}"),
        };
        if self.ctrl {
            format!("{}{base}", msg::KEY_CTRL)
        } else {
            base
        }
    }
}

/// One row of the table. `footer` marks the keys worth showing in the footer of the scope.
pub struct Binding {
    pub keys: &'static [KeySpec],
    pub action: Action,
    pub scope: Scope,
    pub footer: bool,
}

pub(super) const fn b(
    scope: Scope,
    keys: &'static [KeySpec],
    action: Action,
    footer: bool,
) -> Binding {
    Binding {
        keys,
        action,
        scope,
        footer,
    }
}

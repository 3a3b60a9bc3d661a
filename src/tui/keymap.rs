//! The one keymap table: key → action, in a scope. The footer, the help overlay and the
//! command palette are all drawn from `BINDINGS`, so they cannot drift from the real keys.
//!
//! Save is bound to F2, Ctrl-S and Ctrl-O: PuTTY and some terminals keep XON/XOFF flow control
//! on, which swallows Ctrl-S (it freezes output until Ctrl-Q), so a second, safe key is needed;
//! F2 is the one shown first because it works everywhere, Ctrl-O for terminals without F-keys.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use crate::catalogue::tui as msg;

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
}

impl Scope {
    /// Help groups, in display order.
    pub const ALL: [Scope; 17] = [
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

const fn k(c: char) -> KeySpec {
    KeySpec {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}
const fn ctrl(c: char) -> KeySpec {
    KeySpec {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}
const fn code(code: KeyCode) -> KeySpec {
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

const fn b(scope: Scope, keys: &'static [KeySpec], action: Action, footer: bool) -> Binding {
    Binding {
        keys,
        action,
        scope,
        footer,
    }
}

use Action as A;
use Scope as S;

pub const BINDINGS: &[Binding] = &[
    // Global: active in lists and tab pages, never while typing in a form or a filter.
    b(S::Global, &[k('q'), ctrl('c')], A::Quit, true),
    b(S::Global, &[k('?'), code(KeyCode::F(1))], A::Help, true),
    b(S::Global, &[k(':')], A::Palette, true),
    b(S::Global, &[code(KeyCode::Esc)], A::Back, false),
    b(S::Global, &[code(KeyCode::Tab)], A::NextTab, false),
    b(S::Global, &[code(KeyCode::BackTab)], A::PrevTab, false),
    b(S::Global, &[k('1')], A::TabCercles, false),
    b(S::Global, &[k('2')], A::TabMembres, false),
    b(S::Global, &[k('3')], A::TabCollectifs, false),
    b(S::Global, &[k('4')], A::TabRencontres, false),
    b(S::Global, &[k('5')], A::TabComptabilite, false),
    b(S::Global, &[k('6')], A::TabChronologie, false),
    b(S::Global, &[k('7')], A::TabRapports, false),
    // Lists.
    b(S::List, &[code(KeyCode::Up), k('k')], A::MoveUp, false),
    b(S::List, &[code(KeyCode::Down), k('j')], A::MoveDown, false),
    b(S::List, &[code(KeyCode::PageUp)], A::PageUp, false),
    b(S::List, &[code(KeyCode::PageDown)], A::PageDown, false),
    b(S::List, &[code(KeyCode::Home), k('g')], A::First, false),
    b(S::List, &[code(KeyCode::End), k('G')], A::Last, false),
    b(S::List, &[k('e')], A::Edit, true),
    b(S::List, &[k('/')], A::Filter, true),
    // The Cercles tab: its list, then inside a circle's detail.
    b(
        S::Circles,
        &[code(KeyCode::Enter), k('l')],
        A::FocusDetail,
        true,
    ),
    b(S::Circles, &[k('n')], A::NewCircle, true),
    b(S::Circles, &[k('x')], A::CloseCircle, false),
    b(S::Circles, &[k('J')], A::ScrollDetailDown, false),
    b(S::Circles, &[k('K')], A::ScrollDetailUp, false),
    b(S::Circles, &[k('[')], A::PrevYear, false),
    b(S::Circles, &[k(']')], A::NextYear, false),
    b(
        S::Detail,
        &[code(KeyCode::Esc), k('h')],
        A::LeaveDetail,
        true,
    ),
    b(S::Detail, &[k('a')], A::AddItem, true),
    b(S::Detail, &[k('/')], A::Filter, false),
    b(S::Detail, &[code(KeyCode::Home), k('g')], A::First, false),
    b(S::Detail, &[code(KeyCode::End), k('G')], A::Last, false),
    b(
        S::Detail,
        &[k('e'), code(KeyCode::Enter)],
        A::EditItem,
        true,
    ),
    b(S::Detail, &[code(KeyCode::Tab)], A::NextSection, true),
    b(S::Detail, &[code(KeyCode::BackTab)], A::PrevSection, false),
    b(S::Detail, &[code(KeyCode::Up), k('k')], A::MoveUp, false),
    b(
        S::Detail,
        &[code(KeyCode::Down), k('j')],
        A::MoveDown,
        false,
    ),
    b(
        S::Detail,
        &[code(KeyCode::PageDown), k('J')],
        A::ScrollDetailDown,
        false,
    ),
    b(
        S::Detail,
        &[code(KeyCode::PageUp), k('K')],
        A::ScrollDetailUp,
        false,
    ),
    b(S::Detail, &[k('[')], A::PrevYear, false),
    b(S::Detail, &[k(']')], A::NextYear, false),
    b(S::WorkLog, &[k('s'), k(' ')], A::CycleStatus, true),
    b(S::WorkLog, &[k('>')], A::YearLater, false),
    b(S::WorkLog, &[k('<')], A::YearEarlier, false),
    b(
        S::WorkLog,
        &[k('d'), code(KeyCode::Delete)],
        A::DeleteWork,
        false,
    ),
    b(S::Groups, &[k('x')], A::CloseGroup, true),
    // The Membres tab: list moves, filters, the person's forms.
    b(S::Members, &[code(KeyCode::Up), k('k')], A::MoveUp, false),
    b(
        S::Members,
        &[code(KeyCode::Down), k('j')],
        A::MoveDown,
        false,
    ),
    b(S::Members, &[code(KeyCode::PageUp)], A::PageUp, false),
    b(S::Members, &[code(KeyCode::PageDown)], A::PageDown, false),
    b(S::Members, &[code(KeyCode::Home), k('g')], A::First, false),
    b(S::Members, &[code(KeyCode::End), k('G')], A::Last, false),
    b(S::Members, &[k('a')], A::AddPerson, true),
    b(S::Members, &[k('e')], A::Edit, true),
    b(S::Members, &[k('+')], A::GiveRole, true),
    b(S::Members, &[k('-')], A::EndRole, true),
    b(S::Members, &[k('m')], A::SetTerm, false),
    b(S::Members, &[k('d')], A::PersonLeaves, false),
    b(S::Members, &[k('/')], A::Filter, false),
    b(S::Members, &[k('c')], A::CycleCircleFilter, false),
    b(S::Members, &[k('t')], A::CycleKindFilter, false),
    b(S::Members, &[k('r')], A::CycleRoleFilter, false),
    b(S::Members, &[k('p')], A::ToggleLeft, false),
    b(S::Members, &[k('v')], A::ToggleCommuneReview, false),
    b(S::Members, &[k('J')], A::ScrollDetailDown, false),
    b(S::Members, &[k('K')], A::ScrollDetailUp, false),
    // Forms: only keys that never type text.
    b(S::Form, &[code(KeyCode::F(1))], A::Help, false),
    b(
        S::Form,
        &[code(KeyCode::F(2)), ctrl('o'), ctrl('s')],
        A::Save,
        true,
    ),
    b(S::Form, &[code(KeyCode::Esc)], A::Cancel, true),
    b(S::Form, &[code(KeyCode::Tab)], A::NextField, true),
    b(S::Form, &[code(KeyCode::BackTab)], A::PrevField, false),
    b(S::Form, &[ctrl('c')], A::Quit, false),
    // The conflict panel.
    b(S::Conflict, &[code(KeyCode::Up), k('k')], A::MoveUp, false),
    b(
        S::Conflict,
        &[code(KeyCode::Down), k('j')],
        A::MoveDown,
        false,
    ),
    b(S::Conflict, &[k('t')], A::KeepTheirs, true),
    b(S::Conflict, &[k('m')], A::KeepMine, true),
    b(S::Conflict, &[k('r')], A::TakeTheirs, true),
    b(
        S::Conflict,
        &[code(KeyCode::Enter)],
        A::ResolveConflict,
        true,
    ),
    b(S::Conflict, &[code(KeyCode::Esc)], A::Back, true),
    b(S::Conflict, &[ctrl('c')], A::Quit, false),
    // Yes/no questions.
    b(S::Confirm, &[k('o'), k('y')], A::ConfirmYes, true),
    b(
        S::Confirm,
        &[k('n'), code(KeyCode::Esc)],
        A::ConfirmNo,
        true,
    ),
    // The filter line: letters type, these keys leave it.
    b(S::Filter, &[code(KeyCode::Enter)], A::KeepFilter, true),
    b(S::Filter, &[code(KeyCode::Esc)], A::ClearFilter, true),
    b(S::Filter, &[code(KeyCode::Up)], A::MoveUp, false),
    b(S::Filter, &[code(KeyCode::Down)], A::MoveDown, false),
    // An open picker: letters search, these keys move and choose.
    b(S::Pick, &[code(KeyCode::Up)], A::MoveUp, true),
    b(S::Pick, &[code(KeyCode::Down)], A::MoveDown, true),
    b(S::Pick, &[code(KeyCode::PageUp)], A::PageUp, false),
    b(S::Pick, &[code(KeyCode::PageDown)], A::PageDown, false),
    b(S::Pick, &[code(KeyCode::Enter)], A::Choose, true),
    b(S::Pick, &[code(KeyCode::Esc)], A::KeepValue, true),
    // The help page.
    b(
        S::HelpPage,
        &[
            code(KeyCode::Esc),
            k('?'),
            k('q'),
            code(KeyCode::F(1)),
            code(KeyCode::Enter),
        ],
        A::Back,
        true,
    ),
    b(
        S::HelpPage,
        &[code(KeyCode::Down), k('j')],
        A::MoveDown,
        true,
    ),
    b(S::HelpPage, &[code(KeyCode::Up), k('k')], A::MoveUp, false),
    b(S::HelpPage, &[code(KeyCode::PageDown)], A::PageDown, false),
    b(S::HelpPage, &[code(KeyCode::PageUp)], A::PageUp, false),
    b(S::HelpPage, &[code(KeyCode::Home), k('g')], A::First, false),
    b(S::HelpPage, &[code(KeyCode::End), k('G')], A::Last, false),
    // The palette: letters search, these keys run or leave.
    b(S::Palette, &[code(KeyCode::Enter)], A::RunCommand, true),
    b(S::Palette, &[code(KeyCode::Esc), ctrl('c')], A::Back, true),
    b(S::Palette, &[code(KeyCode::Up)], A::MoveUp, false),
    b(S::Palette, &[code(KeyCode::Down)], A::MoveDown, false),
    // A choice field of a form, or a closed picker.
    b(S::Choice, &[code(KeyCode::Left)], A::PrevChoice, true),
    b(
        S::Choice,
        &[code(KeyCode::Right), k(' ')],
        A::NextChoice,
        true,
    ),
    b(S::Choice, &[code(KeyCode::Enter)], A::Search, true),
    // The Collectifs tab: its list, filters and writes; then its counts.
    b(
        S::Collectives,
        &[code(KeyCode::Up), k('k')],
        A::MoveUp,
        false,
    ),
    b(
        S::Collectives,
        &[code(KeyCode::Down), k('j')],
        A::MoveDown,
        false,
    ),
    b(S::Collectives, &[code(KeyCode::PageUp)], A::PageUp, false),
    b(
        S::Collectives,
        &[code(KeyCode::PageDown)],
        A::PageDown,
        false,
    ),
    b(
        S::Collectives,
        &[code(KeyCode::Home), k('g')],
        A::First,
        false,
    ),
    b(
        S::Collectives,
        &[code(KeyCode::End), k('G')],
        A::Last,
        false,
    ),
    b(S::Collectives, &[k('a')], A::AddCollective, true),
    b(S::Collectives, &[k('e')], A::Edit, true),
    b(S::Collectives, &[k('s')], A::ChangeStatus, true),
    b(S::Collectives, &[k('i')], A::FollowUp, true),
    b(S::Collectives, &[k('/')], A::Filter, false),
    b(S::Collectives, &[k('r')], A::FilterRegion, false),
    b(S::Collectives, &[k('d')], A::FilterDepartement, false),
    b(S::Collectives, &[k('f')], A::CycleStatusFilter, false),
    b(S::Collectives, &[k('t')], A::CycleCollectiveKind, false),
    b(S::Collectives, &[k('u')], A::ToggleDue, false),
    b(S::Collectives, &[k('v')], A::ToggleCounts, true),
    b(S::Collectives, &[k('J')], A::ScrollDetailDown, false),
    b(S::Collectives, &[k('K')], A::ScrollDetailUp, false),
    b(
        S::CollectiveCounts,
        &[code(KeyCode::Up), k('k')],
        A::MoveUp,
        false,
    ),
    b(
        S::CollectiveCounts,
        &[code(KeyCode::Down), k('j')],
        A::MoveDown,
        false,
    ),
    b(
        S::CollectiveCounts,
        &[code(KeyCode::Enter), k('l')],
        A::OpenRegion,
        true,
    ),
    b(S::CollectiveCounts, &[k('v')], A::ToggleCounts, true),
];

/// The action bound to `ev` in the first of `scopes` that binds it.
pub fn lookup(scopes: &[Scope], ev: &KeyEvent) -> Option<Action> {
    scopes.iter().find_map(|scope| {
        BINDINGS
            .iter()
            .filter(|bnd| bnd.scope == *scope)
            .find(|bnd| bnd.keys.iter().any(|key| key.matches(ev)))
            .map(|bnd| bnd.action)
    })
}

/// The first key of an action in the given scopes, for the palette and messages.
pub fn key_of(scopes: &[Scope], action: Action) -> Option<KeySpec> {
    scopes.iter().find_map(|scope| {
        BINDINGS
            .iter()
            .find(|bnd| bnd.scope == *scope && bnd.action == action)
            .and_then(|bnd| bnd.keys.first().copied())
    })
}

/// All the keys of a binding as the help shows them: `↑ k`.
pub fn keys_label(binding: &Binding) -> String {
    binding
        .keys
        .iter()
        .map(KeySpec::label)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Footer entries (key, description) for the scopes, innermost first, without duplicates.
pub fn footer(scopes: &[Scope]) -> Vec<(String, &'static str)> {
    footer_for(scopes, |_| true)
}

/// The key that does `action` in `scope` (its first binding), as the screen names it: text that
/// names a key is built from here, so it follows the keymap.
pub fn key_label(scope: Scope, action: Action) -> String {
    BINDINGS
        .iter()
        .find(|b| b.scope == scope && b.action == action)
        .and_then(|b| b.keys.first())
        .map(KeySpec::label)
        .unwrap_or_default()
}

/// The keys of an action in `scope`, as the screen names them, joined by `sep` (`Échap ou ?`).
pub fn keys_of(scope: Scope, action: Action, count: usize, sep: &str) -> String {
    BINDINGS
        .iter()
        .find(|b| b.scope == scope && b.action == action)
        .map(|b| {
            b.keys
                .iter()
                .take(count)
                .map(KeySpec::label)
                .collect::<Vec<_>>()
                .join(sep)
        })
        .unwrap_or_default()
}

/// The footer's keys among those `shown` keeps (the writes a role may not make are left out:
/// offering them would only lead to a refusal).
pub fn footer_for(scopes: &[Scope], shown: impl Fn(Action) -> bool) -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = Vec::new();
    let mut seen: Vec<Action> = Vec::new();
    for scope in scopes {
        for bnd in BINDINGS.iter().filter(|x| x.scope == *scope && x.footer) {
            if seen.contains(&bnd.action) || !shown(bnd.action) {
                continue;
            }
            seen.push(bnd.action);
            if let Some(key) = bnd.keys.first() {
                out.push((key.label(), bnd.action.description()));
            }
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    /// Text that names a key is built from the keymap: no catalogue text writes one itself
    /// (only the names of the keys, `KEY_*`, and doc comments showing what the result looks like).
    #[test]
    fn no_catalogue_text_names_a_key_itself() {
        let files = [
            ("circles.rs", include_str!("../catalogue/circles.rs")),
            (
                "circles_tab.rs",
                include_str!("../catalogue/circles_tab.rs"),
            ),
            (
                "members_tab.rs",
                include_str!("../catalogue/members_tab.rs"),
            ),
            ("people.rs", include_str!("../catalogue/people.rs")),
            ("tui.rs", include_str!("../catalogue/tui.rs")),
            ("store.rs", include_str!("../catalogue/store.rs")),
            ("cli.rs", include_str!("../catalogue/cli.rs")),
        ];
        let keys = ["Entrée", "Échap", "F1", "F2", "Ctrl-", "↑ ↓", "← →", "Tab "];
        let mut found = Vec::new();
        for (name, text) in files {
            for (n, line) in text.lines().enumerate() {
                let code = line.trim_start();
                if code.starts_with("//") || code.starts_with("pub const KEY_") {
                    continue;
                }
                let Some(start) = code.find('"') else {
                    continue;
                };
                let literal = &code[start..];
                if keys.iter().any(|k| literal.contains(k)) {
                    found.push(format!("{name}:{}: {code}", n + 1));
                }
            }
        }
        assert!(
            found.is_empty(),
            "keys written in the catalogue:\n{}",
            found.join("\n")
        );
    }

    #[test]
    fn a_key_named_on_screen_is_the_key_bound() {
        assert_eq!(key_label(S::Detail, A::PrevYear), "[");
        assert_eq!(key_label(S::Members, A::CycleCircleFilter), "c");
        assert_eq!(key_label(S::Form, A::Save), "F2");
        assert_eq!(key_label(S::Global, A::Back), msg::KEY_ESC);
        // Not bound in that scope: nothing rather than a wrong key.
        assert_eq!(key_label(S::Members, A::NewCircle), "");
    }

    #[test]
    fn inner_scope_wins_and_shift_letters_match() {
        let esc = press(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(lookup(&[S::Form, S::Global], &esc), Some(A::Cancel));
        assert_eq!(lookup(&[S::List, S::Global], &esc), Some(A::Back));
        let g = press(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(lookup(&[S::List], &g), Some(A::Last));
        let save = press(KeyCode::Char('S'), KeyModifiers::CONTROL);
        assert_eq!(lookup(&[S::Form], &save), Some(A::Save));
        let alt_q = press(KeyCode::Char('q'), KeyModifiers::ALT);
        assert_eq!(lookup(&[S::Global], &alt_q), None);
    }

    #[test]
    fn every_scope_has_a_way_back_or_out() {
        for scope in [S::Form, S::Conflict, S::Confirm] {
            assert!(BINDINGS.iter().any(|x| x.scope == scope && x.footer));
        }
        assert_eq!(
            KeySpec {
                code: KeyCode::Char('s'),
                ctrl: true
            }
            .label(),
            "Ctrl-S"
        );
    }
}

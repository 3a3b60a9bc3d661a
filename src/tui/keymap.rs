//! The one keymap table: key → action, in a scope. The footer, the help overlay and the
//! command palette are all drawn from `BINDINGS` (in `keymap/bindings.rs`; its words, `Scope`,
//! `KeySpec`, `Binding`, in `keymap/keys.rs`), so they cannot drift from the real keys.
//!
//! Save is bound to F2, Ctrl-S and Ctrl-O: PuTTY and some terminals keep XON/XOFF flow control
//! on, which swallows Ctrl-S (it freezes output until Ctrl-Q), so a second, safe key is needed;
//! F2 is the one shown first because it works everywhere, Ctrl-O for terminals without F-keys.

mod bindings;
mod keys;

use ratatui::crossterm::event::KeyEvent;

pub use self::bindings::BINDINGS;
pub use self::keys::{Binding, KeySpec, Scope};
use super::action::Action;

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
    use crate::catalogue::tui as msg;
    use crate::tui::action::Action as A;
    use Scope as S;
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};

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
            ("events_tab.rs", include_str!("../catalogue/events_tab.rs")),
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

//! The command palette (`:`): type part of what you want to do, in French or by the action's
//! name, accents and case ignored; the matches show their key (not the name: the screen is in
//! French), Enter runs the selected one.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::layout::centered;
use crate::catalogue::tui as msg;
use crate::text::fold_for_match;
use crate::text::truncate;
use crate::tui::action::Action;
use crate::tui::keymap::{self, BINDINGS, Scope};
use crate::tui::theme::Theme;

/// How well `query` matches `text` (both folded): a substring scores above a scattered
/// subsequence, an early or word-start match above a late one. `None` when it does not match.
pub fn fuzzy_score(query: &str, text: &str) -> Option<i64> {
    if query.is_empty() {
        return Some(0);
    }
    if let Some(pos) = text.find(query) {
        let at_word = pos == 0 || text[..pos].ends_with([' ', '_', '\'']);
        return Some(1000 - pos as i64 + if at_word { 200 } else { 0 });
    }
    // Subsequence: every query character in order; fewer gaps score higher.
    let mut chars = text.char_indices();
    let mut last: Option<usize> = None;
    let mut gaps: i64 = 0;
    for q in query.chars() {
        let (i, _) = chars.by_ref().find(|(_, c)| *c == q)?;
        if let Some(prev) = last {
            gaps += (i - prev - 1) as i64;
        }
        last = Some(i);
    }
    Some(500 - gaps)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaletteEntry {
    pub action: Action,
    pub key: String,
    pub description: &'static str,
    /// The tab to go to first, for an action of another tab (its index in `Tab::ALL`).
    pub tab: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Palette {
    pub query: String,
    pub selected: usize,
    /// The scopes that were active when the palette opened: only their actions make sense.
    pub scopes: Vec<Scope>,
    /// The list scopes of the other tabs, with their tab's index: their actions are offered
    /// too, after this tab's, and run once that tab is shown ("rôle" from the Cercles tab).
    pub elsewhere: Vec<(Scope, usize)>,
}

impl Palette {
    pub fn new(scopes: Vec<Scope>) -> Palette {
        Palette {
            query: String::new(),
            selected: 0,
            scopes,
            elsewhere: Vec::new(),
        }
    }

    /// Offer the actions of these scopes of other tabs too.
    pub fn with_elsewhere(mut self, elsewhere: Vec<(Scope, usize)>) -> Palette {
        self.elsewhere = elsewhere;
        self
    }

    /// Matching actions, best first (table order among equals).
    pub fn entries(&self) -> Vec<PaletteEntry> {
        let query = fold_for_match(&self.query);
        let mut scored: Vec<(i64, usize, PaletteEntry)> = Vec::new();
        let mut seen: Vec<Action> = Vec::new();
        for (order, bnd) in BINDINGS.iter().enumerate() {
            let here = self.scopes.contains(&bnd.scope);
            let there = self
                .elsewhere
                .iter()
                .find(|(scope, _)| *scope == bnd.scope)
                .map(|(_, tab)| *tab);
            if !(here || there.is_some())
                || matches!(bnd.action, Action::Palette | Action::Back)
                || seen.contains(&bnd.action)
            {
                continue;
            }
            // Another tab's moves make no sense from here.
            if !here
                && matches!(
                    bnd.action,
                    Action::MoveUp
                        | Action::MoveDown
                        | Action::PageUp
                        | Action::PageDown
                        | Action::First
                        | Action::Last
                        | Action::ScrollDetailDown
                        | Action::ScrollDetailUp
                )
            {
                continue;
            }
            seen.push(bnd.action);
            let by_text = fuzzy_score(&query, &fold_for_match(bnd.action.description()));
            let by_name = fuzzy_score(&query, &bnd.action.name());
            if let Some(score) = by_text.max(by_name) {
                let key = bnd.keys.first().map(|k| k.label()).unwrap_or_default();
                let tab = if here { None } else { there };
                // This tab's actions first; another tab's shows which tab then which key.
                let (score, key) = match tab {
                    Some(t) => (score - 300, format!("{} puis {key}", t + 1)),
                    None => (score, key),
                };
                let entry = PaletteEntry {
                    action: bnd.action,
                    key,
                    description: bnd.action.description(),
                    tab,
                };
                scored.push((score, order, entry));
            }
        }
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        scored.into_iter().map(|(_, _, e)| e).collect()
    }

    pub fn selected_action(&self) -> Option<Action> {
        self.entries().get(self.selected).map(|e| e.action)
    }

    /// The selected action and the tab to show first, if it is another tab's.
    pub fn selected_entry(&self) -> Option<(Action, Option<usize>)> {
        self.entries().get(self.selected).map(|e| (e.action, e.tab))
    }

    pub fn push(&mut self, c: char) {
        self.query.push(c);
        self.selected = 0;
    }

    pub fn pop(&mut self) {
        self.query.pop();
        self.selected = 0;
    }

    pub fn move_by(&mut self, delta: isize) {
        let n = self.entries().len();
        if n > 0 {
            self.selected = self.selected.saturating_add_signed(delta).min(n - 1);
        }
    }
}

pub struct PaletteView<'a> {
    pub palette: &'a Palette,
    pub theme: Theme,
}

impl Widget for PaletteView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let entries = self.palette.entries();
        let popup = centered(area, 64, (entries.len() as u16).saturating_add(5).max(7));
        Clear.render(popup, buf);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme.focused_border())
            .title(Line::styled(
                format!(" {} ", msg::PALETTE_TITLE),
                theme.title(),
            ))
            .title_bottom(Line::styled(
                format!(
                    " {} ",
                    msg::palette_hint(
                        &keymap::key_label(Scope::Palette, Action::RunCommand),
                        &keymap::key_label(Scope::Palette, Action::Back),
                    )
                ),
                theme.muted(),
            ));
        let inner = block.inner(popup);
        block.render(popup, buf);
        let width = usize::from(inner.width);
        let prompt = Line::from(vec![
            Span::styled(msg::PALETTE_PROMPT, theme.key()),
            Span::raw(self.palette.query.as_str()),
            Span::styled(" ", theme.cursor()),
            Span::styled(
                format!("   {}", msg::palette_count(entries.len())),
                theme.muted(),
            ),
        ]);
        buf.set_line(inner.x, inner.y, &prompt, inner.width);
        if entries.is_empty() {
            let none = Line::styled(msg::PALETTE_NONE, theme.muted());
            buf.set_line(
                inner.x + 2,
                inner.y + 2,
                &none,
                inner.width.saturating_sub(2),
            );
            return;
        }
        let rows = usize::from(inner.height.saturating_sub(2));
        let offset = self.palette.selected.saturating_sub(rows.saturating_sub(1));
        // The key first, as in the help. The action's serde name still matches a query, but
        // it is not shown: the screen is in French, and the description says the same.
        let key_w = 10;
        let desc_w = width.saturating_sub(key_w + 3);
        for (n, entry) in entries.iter().enumerate().skip(offset).take(rows) {
            let y = inner.y + 2 + (n - offset) as u16;
            let selected = n == self.palette.selected;
            let marker = if selected { "> " } else { "  " };
            let line = Line::from(vec![
                Span::raw(marker),
                Span::styled(format!("{:<key_w$} ", entry.key), theme.key()),
                Span::raw(truncate(entry.description, desc_w)),
            ]);
            let row = Rect::new(inner.x, y, inner.width, 1);
            if selected {
                buf.set_style(row, theme.selected());
            }
            buf.set_line(inner.x, y, &line, inner.width);
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn finds_quit_by_french_words_without_accents_and_by_name() {
        let mut p = Palette::new(vec![Scope::List, Scope::Global]);
        for c in "quit".chars() {
            p.push(c);
        }
        assert_eq!(p.selected_action(), Some(Action::Quit));
        let mut p = Palette::new(vec![Scope::List, Scope::Global]);
        for c in "precedent".chars() {
            p.push(c);
        }
        let actions: Vec<Action> = p.entries().iter().map(|e| e.action).collect();
        assert!(actions.contains(&Action::PrevTab));
        assert!(actions.contains(&Action::MoveUp));
        let mut p = Palette::new(vec![Scope::Global]);
        for c in "compta".chars() {
            p.push(c);
        }
        assert_eq!(p.selected_action(), Some(Action::TabComptabilite));
    }

    #[test]
    fn subsequence_matches_but_ranks_below_substring() {
        assert!(fuzzy_score("qtr", "quitter").is_some());
        assert!(fuzzy_score("xyz", "quitter").is_none());
        assert!(fuzzy_score("quit", "quitter") > fuzzy_score("qtr", "quitter"));
    }
}

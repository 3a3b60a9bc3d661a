//! The help overlay: every binding of the keymap table, grouped by scope, paged with ↓ ↑.
//! Drawn from `keymap::BINDINGS` only, so it always tells the truth.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};

use crate::catalogue::tui as msg;
use crate::text::truncate;
use crate::tui::action::Action;
use crate::tui::keymap::{self, BINDINGS, KeySpec, Scope};
use crate::tui::theme::Theme;

/// One line of the help: a group title or a key and what it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Group(&'static str),
    Entry(String, &'static str),
}

/// The keys of the screen: the groups of `scopes` in that order (the screen in front first),
/// then the global keys. Every (key, action) shows once, in the first group that binds it: a
/// scope that repeats the list keys (Membres) or Quit (forms) for the lookup does not repeat
/// them here. A binding shows the keys left; a group left with none is not shown.
pub fn help_lines(scopes: &[Scope]) -> Vec<HelpLine> {
    let mut lines = Vec::new();
    let mut seen: Vec<(KeySpec, Action)> = Vec::new();
    let mut order: Vec<Scope> = scopes
        .iter()
        .copied()
        .filter(|s| *s != Scope::Global)
        .collect();
    order.push(Scope::Global);
    for scope in order {
        let mut entries = Vec::new();
        for bnd in BINDINGS.iter().filter(|b| b.scope == scope) {
            let keys: Vec<KeySpec> = bnd
                .keys
                .iter()
                .copied()
                .filter(|k| !seen.contains(&(*k, bnd.action)))
                .collect();
            if keys.is_empty() {
                continue;
            }
            seen.extend(keys.iter().map(|k| (*k, bnd.action)));
            let label = keys
                .iter()
                .map(KeySpec::label)
                .collect::<Vec<_>>()
                .join(" ");
            entries.push(HelpLine::Entry(label, bnd.action.description()));
        }
        if !entries.is_empty() {
            lines.push(HelpLine::Group(scope.title()));
            lines.extend(entries);
        }
    }
    // What the marks in the lists mean (they are words too, in the details), where there are
    // such lists.
    if !scopes
        .iter()
        .any(|s| matches!(s, Scope::Circles | Scope::List | Scope::Members))
    {
        return lines;
    }
    lines.push(HelpLine::Group(msg::HELP_SIGNS));
    for (sign, meaning) in msg::HELP_SIGN_LINES {
        lines.push(HelpLine::Entry(sign.to_owned(), meaning));
    }
    lines
}

/// Lines that fit in one column of the popup drawn in `area`.
pub fn column_height(area: Rect) -> usize {
    usize::from(area.height.saturating_sub(3))
}

pub struct HelpView<'a> {
    pub scopes: &'a [Scope],
    pub scroll: usize,
    pub theme: Theme,
}

impl Widget for HelpView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        Clear.render(area, buf);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(self.theme.focused_border())
            .title(Line::styled(
                format!(" {} ", msg::HELP_TITLE),
                self.theme.title(),
            ));
        let inner = block.inner(area);
        block.render(area, buf);
        let lines = help_lines(self.scopes);
        let height = column_height(area);
        // One column, so that no description is cut; ↓ pages through the rest.
        let key_w: usize = 18;
        let start = self.scroll.min(lines.len().saturating_sub(1));
        for (n, line) in lines.iter().skip(start).take(height).enumerate() {
            let y = inner.y + n as u16;
            let text = match line {
                HelpLine::Group(title) => Line::styled(*title, self.theme.title()),
                HelpLine::Entry(keys, desc) => Line::from(vec![
                    Span::styled(
                        format!("  {:<w$}", truncate(keys, key_w - 1), w = key_w),
                        self.theme.key(),
                    ),
                    // Whole from 80 columns; narrower, cut with `…`, never mid-word unseen.
                    Span::raw(truncate(
                        desc,
                        usize::from(inner.width).saturating_sub(key_w + 2),
                    )),
                ]),
            };
            buf.set_line(inner.x, y, &text, inner.width);
        }
        let more = start + height < lines.len();
        let close = msg::help_close(&keymap::keys_of(
            Scope::HelpPage,
            Action::Back,
            2,
            msg::KEYS_OR,
        ));
        let hint = if more {
            let down = keymap::key_label(Scope::HelpPage, Action::MoveDown);
            format!("{}  {close}", msg::help_more(&down))
        } else {
            close
        };
        let y = inner.bottom().saturating_sub(1);
        buf.set_line(
            inner.x,
            y,
            &Line::styled(hint, self.theme.muted()),
            inner.width,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_key_and_action_shows_once_in_the_first_group_that_has_it() {
        let lines = help_lines(&Scope::ALL);
        let mut group = "";
        let mut seen: Vec<(String, &str)> = Vec::new();
        let mut first_group_of_up = None;
        for line in &lines {
            match line {
                HelpLine::Group(title) => group = title,
                HelpLine::Entry(keys, desc) => {
                    for key in keys.split(' ') {
                        let pair = (key.to_owned(), *desc);
                        assert!(!seen.contains(&pair), "{key} {desc} twice");
                        seen.push(pair);
                    }
                    if keys.starts_with('↑') && first_group_of_up.is_none() {
                        first_group_of_up = Some(group);
                    }
                }
            }
        }
        assert_eq!(first_group_of_up, Some(msg::GROUP_LIST));
        // Every group shown has at least one entry under it.
        for pair in lines.windows(2) {
            assert!(!matches!(pair, [HelpLine::Group(_), HelpLine::Group(_)]));
        }
    }
}

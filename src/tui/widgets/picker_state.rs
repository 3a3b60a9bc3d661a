//! The picker's state: its entries, the query, the ranked matches, the keys.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::text::fold_for_match;
use crate::tui::action::Action;
use crate::tui::keymap::{self, Scope};

/// Lists of at most this many entries cycle with ← → and jump by first letter.
pub const SHORT_LIST: usize = 12;

/// How many matches are sorted at a time, past those already sorted.
const SORT_CHUNK: usize = 64;

/// One choice: the value the caller gets back, the label shown and matched, an optional hint
/// shown dimmed after it (`Saint-Denis (93)`: the hint is `(93)`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickerEntry<V> {
    pub value: V,
    pub label: String,
    pub hint: String,
}

impl<V> PickerEntry<V> {
    pub fn new(value: V, label: impl Into<String>) -> PickerEntry<V> {
        PickerEntry {
            value,
            label: label.into(),
            hint: String::new(),
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> PickerEntry<V> {
        self.hint = hint.into();
        self
    }
}

/// What a key did to the picker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickerReply {
    /// Not a key of the picker: the caller handles it (Tab, ↑ ↓ in a closed field...).
    Ignored,
    /// The query or the cursor moved: redraw.
    Moved,
    /// A new value was chosen (and the dropdown, if open, closed).
    Chosen,
    /// Closed without a change (Échap, or Entrée on the value it had).
    Closed,
}

/// How well an entry matches, best first: exact, prefix of the whole, prefix of a word,
/// anywhere, letters in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rank {
    Exact,
    Prefix,
    WordPrefix,
    Inside,
    Scattered,
}

/// The matches of one query: (rank, entry index), the first `sorted` of them in order.
#[derive(Debug, Clone)]
struct Level {
    key: String,
    matches: Vec<(Rank, u32)>,
    sorted: usize,
}

impl Level {
    /// Sort at least the first `upto` matches (or all of them), partially: select the best
    /// of the rest, then sort only those.
    fn sort_upto(&mut self, upto: usize) {
        let upto = upto.min(self.matches.len());
        if upto <= self.sorted {
            return;
        }
        let want = (upto - self.sorted).max(SORT_CHUNK);
        let rest = &mut self.matches[self.sorted..];
        let take = want.min(rest.len());
        if take < rest.len() {
            rest.select_nth_unstable(take - 1);
        }
        rest[..take].sort_unstable();
        self.sorted += take;
    }
}

/// The key an entry is matched by: folded (no case, no accents), hyphens and apostrophes made
/// spaces, so that `saint m`, `Saint-M` and `saint-m` are the same query.
pub fn match_key(text: &str) -> String {
    fold_for_match(text)
        .chars()
        .map(|c| if matches!(c, '-' | '\'') { ' ' } else { c })
        .collect()
}

/// How `key` (a match key) matches `query` (a match key too), if at all.
pub fn rank(key: &str, query: &str) -> Option<Rank> {
    if query.is_empty() || key == query {
        return Some(Rank::Exact);
    }
    if key.starts_with(query) {
        return Some(Rank::Prefix);
    }
    let mut inside = false;
    for (at, _) in key.match_indices(query) {
        inside = true;
        if key[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
        {
            return Some(Rank::WordPrefix);
        }
    }
    if inside {
        return Some(Rank::Inside);
    }
    let mut letters = key.chars();
    query
        .chars()
        .all(|q| letters.any(|c| c == q))
        .then_some(Rank::Scattered)
}

pub struct Picker<V> {
    entries: Vec<PickerEntry<V>>,
    keys: Vec<String>,
    chosen: Option<usize>,
    open: bool,
    query: String,
    /// One level per query typed since the dropdown opened, the empty query at the bottom.
    levels: Vec<Level>,
    cursor: usize,
    /// Shows the caller's own ranking ([`Picker::showing`]) rather than searching.
    showing: bool,
}

impl<V> Picker<V> {
    /// A picker over `entries`, in the order an empty query shows them; nothing chosen.
    pub fn new(entries: Vec<PickerEntry<V>>) -> Picker<V> {
        let keys = entries.iter().map(|e| match_key(&e.label)).collect();
        Picker {
            entries,
            keys,
            chosen: None,
            open: false,
            query: String::new(),
            levels: Vec::new(),
            cursor: 0,
            showing: false,
        }
    }

    /// An open picker that shows `entries` as they are, in their order, for what was typed
    /// (`query`): the suggestions a caller ranked itself (the communes for a postal code).
    pub fn showing(query: &str, entries: Vec<PickerEntry<V>>) -> Picker<V> {
        let mut picker = Picker::new(entries);
        picker.open();
        picker.query.push_str(query);
        picker.showing = true;
        picker
    }

    /// Shows entries ranked by the caller ([`Picker::showing`]).
    pub fn is_showing(&self) -> bool {
        self.showing
    }

    pub fn entries(&self) -> &[PickerEntry<V>] {
        &self.entries
    }

    pub fn chosen(&self) -> Option<&PickerEntry<V>> {
        self.chosen.and_then(|i| self.entries.get(i))
    }

    pub fn value(&self) -> Option<&V> {
        self.chosen().map(|e| &e.value)
    }

    /// Choose the entry holding `value` (nothing when none does).
    pub fn select_value(&mut self, value: &V)
    where
        V: PartialEq,
    {
        self.chosen = self.entries.iter().position(|e| e.value == *value);
    }

    pub fn is_open(&self) -> bool {
        self.open
    }

    pub fn is_short(&self) -> bool {
        self.entries.len() <= SHORT_LIST
    }

    /// What is typed (empty when closed).
    pub fn query(&self) -> &str {
        &self.query
    }

    /// Index of the highlighted match, in best-first order.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// How many entries match the query (all of them when it is empty or closed).
    pub fn match_count(&self) -> usize {
        self.levels
            .last()
            .map_or(self.entries.len(), |l| l.matches.len())
    }

    /// The best matches already sorted, from the `skip`-th, at most `n`: what the dropdown
    /// shows. The cursor's moves keep the sorted part ahead of it.
    pub fn best(&self, skip: usize, n: usize) -> impl Iterator<Item = (usize, &PickerEntry<V>)> {
        let level = self.levels.last();
        let sorted = level.map_or(&[][..], |l| &l.matches[..l.sorted]);
        sorted.iter().skip(skip).take(n).filter_map(|(_, i)| {
            let i = *i as usize;
            self.entries.get(i).map(|e| (i, e))
        })
    }

    /// Open the dropdown: every entry in order, the cursor on the chosen one.
    pub fn open(&mut self) {
        let matches: Vec<(Rank, u32)> = (0..self.entries.len())
            .map(|i| (Rank::Exact, u32::try_from(i).unwrap_or(u32::MAX)))
            .collect();
        let sorted = matches.len();
        self.levels = vec![Level {
            key: String::new(),
            matches,
            sorted,
        }];
        self.query.clear();
        self.cursor = self.chosen.unwrap_or(0);
        self.open = true;
    }

    /// Close, keeping the value it had.
    pub fn close(&mut self) {
        self.open = false;
        self.query.clear();
        self.levels.clear();
        self.cursor = 0;
    }

    /// Replace the query (a paste, a filter restored): matched from the whole list.
    pub fn set_query(&mut self, query: &str) {
        if !self.open {
            self.open();
        }
        self.levels.truncate(1);
        self.query.clear();
        if !query.is_empty() {
            self.query.push_str(query);
            self.refine();
        }
    }

    /// The query grew or changed: rank again, from the previous matches when the new key
    /// extends the previous one (a longer query never matches more), else from everything.
    fn refine(&mut self) {
        let key = match_key(&self.query);
        let base = self
            .levels
            .iter()
            .rposition(|l| key.starts_with(l.key.as_str()))
            .unwrap_or(0);
        let Some(from) = self.levels.get(base) else {
            return;
        };
        let keys = &self.keys;
        let matches: Vec<(Rank, u32)> = from
            .matches
            .iter()
            .filter_map(|&(_, i)| {
                let k = keys.get(i as usize)?;
                rank(k, &key).map(|r| (r, i))
            })
            .collect();
        let mut level = Level {
            key,
            matches,
            sorted: 0,
        };
        level.sort_upto(SORT_CHUNK);
        self.levels.push(level);
        self.cursor = 0;
    }

    fn move_cursor(&mut self, delta: isize) {
        let count = self.match_count();
        if count == 0 {
            return;
        }
        self.cursor = self.cursor.saturating_add_signed(delta).min(count - 1);
        if let Some(level) = self.levels.last_mut() {
            level.sort_upto(self.cursor + SORT_CHUNK);
        }
    }

    fn choose(&mut self, index: Option<usize>) -> PickerReply {
        let changed = index.is_some() && index != self.chosen;
        if changed {
            self.chosen = index;
        }
        self.close();
        if changed {
            PickerReply::Chosen
        } else {
            PickerReply::Closed
        }
    }

    /// Short lists: the next entry whose label starts with `letter`, after the chosen one.
    fn jump_to_initial(&mut self, letter: char) -> PickerReply {
        let initial = match_key(&letter.to_string());
        let n = self.entries.len();
        let start = self.chosen.map_or(0, |c| c + 1);
        let found = (0..n)
            .map(|k| (start + k) % n)
            .find(|&i| !initial.is_empty() && self.keys[i].starts_with(initial.as_str()));
        match found {
            Some(i) if Some(i) != self.chosen => {
                self.chosen = Some(i);
                PickerReply::Chosen
            }
            _ => PickerReply::Ignored,
        }
    }

    fn cycle(&mut self, forward: bool) -> PickerReply {
        let n = self.entries.len();
        if n == 0 {
            return PickerReply::Ignored;
        }
        self.chosen = Some(match (self.chosen, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(c), true) => (c + 1) % n,
            (Some(c), false) => (c + n - 1) % n,
        });
        PickerReply::Chosen
    }

    /// A key for the picker. Closed: Entrée opens it; a letter opens it on that letter, or on
    /// a short list jumps to the next entry with that initial; ← → cycle a short list. Open:
    /// letters search, ↑ ↓ and pages move, Entrée chooses, Échap leaves the value as it was.
    pub fn handle_key(&mut self, ev: KeyEvent) -> PickerReply {
        let plain = !ev
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        if !self.open {
            let action = keymap::lookup(&[Scope::Choice], &ev);
            return match (action, ev.code) {
                (Some(Action::Search), _) => {
                    self.open();
                    PickerReply::Moved
                }
                (Some(Action::PrevChoice | Action::NextChoice), _) if self.is_short() => {
                    self.cycle(action == Some(Action::NextChoice))
                }
                (_, KeyCode::Char(c)) if plain && self.is_short() && !c.is_whitespace() => {
                    self.jump_to_initial(c)
                }
                (_, KeyCode::Char(c)) if plain && !c.is_control() && !self.is_short() => {
                    self.open();
                    self.query.push(c);
                    self.refine();
                    PickerReply::Moved
                }
                _ => PickerReply::Ignored,
            };
        }
        match keymap::lookup(&[Scope::Pick], &ev) {
            Some(Action::KeepValue) => {
                self.close();
                return PickerReply::Closed;
            }
            Some(Action::Choose) => {
                let index = self.best(self.cursor, 1).next().map(|(i, _)| i);
                return self.choose(index);
            }
            Some(Action::MoveUp) => self.move_cursor(-1),
            Some(Action::MoveDown) => self.move_cursor(1),
            Some(Action::PageUp) => self.move_cursor(-10),
            Some(Action::PageDown) => self.move_cursor(10),
            _ => return self.type_key(ev, plain),
        }
        PickerReply::Moved
    }

    /// A key that edits the query of the open picker.
    fn type_key(&mut self, ev: KeyEvent, plain: bool) -> PickerReply {
        match ev.code {
            KeyCode::Backspace => {
                if self.query.pop().is_some() {
                    // Back to the matches of the shorter query when it was typed.
                    let key = match_key(&self.query);
                    while self.levels.len() > 1 && self.levels.last().is_some_and(|l| l.key != key)
                    {
                        self.levels.pop();
                    }
                    if self.levels.last().is_some_and(|l| l.key != key) {
                        self.refine();
                    }
                    self.cursor = 0;
                }
                PickerReply::Moved
            }
            KeyCode::Char(c) if plain && !c.is_control() => {
                self.query.push(c);
                self.refine();
                PickerReply::Moved
            }
            _ => PickerReply::Ignored,
        }
    }
}

#[cfg(test)]
#[path = "picker_tests.rs"]
mod tests;

//! The form widget every form of the program reuses: labelled fields (single line, several
//! lines, choice, picked from a list by typing, date, amount) on ratatui-textarea, validation with the message under the field,
//! Tab / Shift-Tab between fields.
//!
//! A form keeps the values it loaded beside the edited ones: `is_dirty` compares them, and a
//! save conflict can show the other person's values next to these and merge field by field.
//! The save and cancel keys are not handled here but in the keymap (scope `Form`), so the
//! footer and the help show them.

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Style;
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use crate::catalogue::tui as msg;
use crate::model::{Money, When, format_date, parse_date};
use crate::text::display_width;
use crate::tui::action::Action;
use crate::tui::keymap::{self, Scope};
use crate::tui::theme::Theme;
use crate::tui::widgets::picker::{Picker, PickerEntry, PickerReply};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldKind {
    /// One line of text; Enter goes to the next field.
    Line,
    /// Several lines shown in `rows` rows (more when focused and the screen has room).
    Multi { rows: u16 },
    /// One of a fixed list, changed with ← → or Space.
    Choice(Vec<String>),
    /// One of a list of any length, chosen by typing part of it (no case, no accents, best
    /// first; ↑ ↓ Entrée, Échap keeps the value); ← → still cycle.
    Pick(Vec<String>),
    /// A date as people write it (`28/11/2025`, `28/11`).
    Date,
    /// A date of something that already happened (signed, accepted): not after today.
    PastDate,
    /// A day, or only a month (`04/2025`, `avril 2025`) where that is all that is known.
    DayOrMonth,
    /// An amount in euros (`1 234,56`).
    Amount,
    /// A line of text with suggestions as you type (a commune among 35 000, from its name, its
    /// postal code or its code): ↑ ↓ Entrée takes one, Échap keeps what is typed.
    Suggest(Suggester),
}

/// What suggests values for a [`FieldKind::Suggest`] field: the best `n` for what is typed,
/// each a label (what the field takes) and a hint shown dimmed after it.
#[derive(Clone, Copy)]
pub struct Suggester(pub fn(&str, usize) -> Vec<(String, String)>);

impl std::fmt::Debug for Suggester {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Suggester")
    }
}

impl PartialEq for Suggester {
    fn eq(&self, other: &Suggester) -> bool {
        std::ptr::fn_addr_eq(self.0, other.0)
    }
}

impl Eq for Suggester {}

/// How many suggestions a [`FieldKind::Suggest`] field asks for.
const SUGGESTIONS: usize = 8;

pub struct Field {
    pub key: &'static str,
    pub label: &'static str,
    pub kind: FieldKind,
    pub required: bool,
    pub(super) loaded: String,
    pub(super) input: TextArea<'static>,
    pub(super) choice: usize,
    /// The search of a `Pick` field.
    pub(super) picker: Option<Picker<usize>>,
    pub(super) error: Option<String>,
}

impl Field {
    pub(super) fn rows(&self) -> u16 {
        match self.kind {
            FieldKind::Multi { rows } => rows.max(1),
            _ => 1,
        }
    }

    pub(super) fn is_single_line(&self) -> bool {
        !matches!(self.kind, FieldKind::Multi { .. })
    }

    pub fn value(&self) -> String {
        match &self.kind {
            FieldKind::Choice(options) | FieldKind::Pick(options) => {
                options.get(self.choice).cloned().unwrap_or_default()
            }
            _ => self.input.lines().join("\n"),
        }
    }

    pub fn is_changed(&self) -> bool {
        self.value() != self.loaded
    }

    /// The suggestions for what the field holds now, open under it (none for an empty text).
    fn suggest(&mut self, suggester: Suggester) {
        let text = self.value();
        if text.trim().is_empty() {
            self.picker = None;
            return;
        }
        let entries = (suggester.0)(&text, SUGGESTIONS)
            .into_iter()
            .enumerate()
            .map(|(i, (label, hint))| PickerEntry::new(i, label).hint(hint))
            .collect();
        self.picker = Some(Picker::showing(&text, entries));
    }
}

fn new_input(text: &str, single_line: bool) -> TextArea<'static> {
    let lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
    let mut input = TextArea::new(lines);
    input.set_cursor_line_style(Style::new());
    input.set_cursor_style(Style::new());
    if !single_line {
        input.set_wrap_mode(WrapMode::WordOrGlyph);
    }
    input.move_cursor(CursorMove::Bottom);
    input.move_cursor(CursorMove::End);
    input
}

pub struct Form {
    pub title: String,
    pub(super) fields: Vec<Field>,
    pub(super) focus: usize,
    pub(super) today: NaiveDate,
    pub(super) theme: Theme,
    /// The width the single-line fields were last drawn in, for their horizontal scroll.
    pub(super) input_width: std::cell::Cell<u16>,
}

impl Form {
    pub fn new(title: impl Into<String>, today: NaiveDate, theme: Theme) -> Form {
        Form {
            title: title.into(),
            fields: Vec::new(),
            focus: 0,
            today,
            theme,
            input_width: std::cell::Cell::new(0),
        }
    }

    /// Add a field holding `loaded` (both the loaded and the edited value).
    pub fn field(
        mut self,
        key: &'static str,
        label: &'static str,
        kind: FieldKind,
        required: bool,
        loaded: &str,
    ) -> Form {
        let choice = match &kind {
            FieldKind::Choice(options) | FieldKind::Pick(options) => {
                options.iter().position(|o| o == loaded).unwrap_or(0)
            }
            _ => 0,
        };
        let picker = match &kind {
            FieldKind::Pick(options) => Some(Picker::new(
                options
                    .iter()
                    .enumerate()
                    .map(|(i, label)| PickerEntry::new(i, label.clone()))
                    .collect(),
            )),
            _ => None,
        };
        let single = !matches!(kind, FieldKind::Multi { .. });
        let field = Field {
            key,
            label,
            kind,
            required,
            loaded: loaded.to_owned(),
            input: new_input(loaded, single),
            choice,
            picker,
            error: None,
        };
        self.fields.push(field);
        self.refresh_cursor();
        self
    }

    pub fn fields(&self) -> &[Field] {
        &self.fields
    }

    pub fn focus(&self) -> usize {
        self.focus
    }

    pub fn focused_key(&self) -> Option<&'static str> {
        self.fields.get(self.focus).map(|f| f.key)
    }

    fn index(&self, key: &str) -> Option<usize> {
        self.fields.iter().position(|f| f.key == key)
    }

    /// The edited value of a field (lines joined with `\n`).
    pub fn value(&self, key: &str) -> String {
        self.index(key)
            .map(|i| self.fields[i].value())
            .unwrap_or_default()
    }

    /// The value the field had when it was loaded.
    pub fn loaded(&self, key: &str) -> &str {
        self.index(key)
            .map(|i| self.fields[i].loaded.as_str())
            .unwrap_or("")
    }

    /// Replace the edited value (a merge choosing the other person's version).
    pub fn set_value(&mut self, key: &str, text: &str) {
        if let Some(i) = self.index(key) {
            let field = &mut self.fields[i];
            match &field.kind {
                FieldKind::Choice(options) | FieldKind::Pick(options) => {
                    field.choice = options.iter().position(|o| o == text).unwrap_or(0);
                }
                _ => field.input = new_input(text, field.is_single_line()),
            }
            field.error = None;
        }
        self.refresh_cursor();
    }

    /// Replace the loaded value: what the database holds now (after a conflict or a save).
    pub fn set_loaded(&mut self, key: &str, text: &str) {
        if let Some(i) = self.index(key) {
            self.fields[i].loaded = text.to_owned();
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.fields.iter().any(Field::is_changed)
    }

    pub fn set_error(&mut self, key: &str, message: impl Into<String>) {
        if let Some(i) = self.index(key) {
            self.fields[i].error = Some(message.into());
            self.focus = i;
            self.refresh_cursor();
        }
    }

    pub fn error(&self, key: &str) -> Option<&str> {
        self.index(key)
            .and_then(|i| self.fields[i].error.as_deref())
    }

    pub fn focus_next(&mut self) {
        if !self.fields.is_empty() {
            self.focus = (self.focus + 1) % self.fields.len();
            self.refresh_cursor();
        }
    }

    pub fn focus_prev(&mut self) {
        if !self.fields.is_empty() {
            self.focus = (self.focus + self.fields.len() - 1) % self.fields.len();
            self.refresh_cursor();
        }
    }

    /// Only the focused field shows a cursor.
    fn refresh_cursor(&mut self) {
        let cursor = self.theme.cursor();
        for (i, field) in self.fields.iter_mut().enumerate() {
            let style = if i == self.focus {
                cursor
            } else {
                Style::new()
            };
            field.input.set_cursor_style(style);
        }
    }

    /// The focused field's search is open: every key goes to it (Échap, Entrée included).
    pub fn is_picking(&self) -> bool {
        self.fields
            .get(self.focus)
            .and_then(|f| f.picker.as_ref())
            .is_some_and(Picker::is_open)
    }

    /// Check every field; the first one in error gets the focus. True when all are valid.
    pub fn validate(&mut self) -> bool {
        let today = self.today;
        let mut first_error = None;
        for (i, field) in self.fields.iter_mut().enumerate() {
            let value = field.value();
            let trimmed = value.trim();
            field.error = if trimmed.is_empty() {
                field.required.then(|| msg::FIELD_REQUIRED.to_owned())
            } else {
                match &field.kind {
                    FieldKind::Date => parse_date(trimmed, today).err().map(|e| e.to_string()),
                    FieldKind::PastDate => match parse_date(trimmed, today) {
                        Err(e) => Some(e.to_string()),
                        Ok(d) if d > today => Some(msg::date_in_future(&format_date(today))),
                        Ok(_) => None,
                    },
                    FieldKind::DayOrMonth => {
                        When::parse(trimmed, today).err().map(|e| e.to_string())
                    }
                    FieldKind::Amount => Money::parse(trimmed).err().map(|e| e.to_string()),
                    FieldKind::Choice(options) | FieldKind::Pick(options)
                        if !options.iter().any(|o| o == trimmed) =>
                    {
                        Some(msg::choice_unknown(trimmed))
                    }
                    _ => None,
                }
            };
            if field.error.is_some() && first_error.is_none() {
                first_error = Some(i);
            }
        }
        if let Some(i) = first_error {
            self.focus = i;
            self.refresh_cursor();
        }
        first_error.is_none()
    }

    /// Put the focus on the first field showing an error, if any.
    pub fn focus_first_error(&mut self) {
        if let Some(i) = self.fields.iter().position(|f| f.error.is_some()) {
            self.focus = i;
            self.refresh_cursor();
        }
    }

    /// A key for the focused field (the keymap took Save, Cancel, Tab first). Returns whether
    /// the key did something.
    pub fn input(&mut self, ev: KeyEvent) -> bool {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return false;
        };
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        if let FieldKind::Suggest(suggester) = field.kind {
            if let Some(picker) = field.picker.as_mut().filter(|p| p.is_open()) {
                match keymap::lookup(&[Scope::Pick], &ev) {
                    Some(Action::KeepValue) => {
                        field.picker = None;
                        return true;
                    }
                    Some(Action::Choose) => {
                        let label = picker
                            .best(picker.cursor(), 1)
                            .next()
                            .map(|(_, e)| e.label.clone());
                        field.picker = None;
                        if let Some(label) = label {
                            field.input = new_input(&label, true);
                            field.error = None;
                            keep_line_in_view(&mut field.input, self.input_width.get());
                        }
                        self.refresh_cursor();
                        return true;
                    }
                    Some(_) => {
                        picker.handle_key(ev);
                        return true;
                    }
                    None if matches!(ev.code, KeyCode::Tab | KeyCode::BackTab) => {
                        field.picker = None;
                        if ev.code == KeyCode::Tab {
                            self.focus_next();
                        } else {
                            self.focus_prev();
                        }
                        return true;
                    }
                    None => {}
                }
            }
            let before = field.value();
            // A letter typed on the value as it came (a commune's label) starts a new search
            // in its place: nobody appends to `Bœrsch (67)`.
            if let KeyCode::Char(c) = ev.code
                && !ctrl
                && !c.is_control()
                && !before.is_empty()
                && before == field.loaded
                && field.picker.is_none()
            {
                field.input = new_input("", true);
            }
            let handled = self.line_input(ev, ctrl);
            if let Some(field) = self.fields.get_mut(self.focus)
                && field.kind == FieldKind::Suggest(suggester)
                && field.value() != before
            {
                field.suggest(suggester);
            }
            return handled;
        }
        if let (FieldKind::Pick(options), Some(picker)) = (&field.kind, &mut field.picker) {
            let n = options.len().max(1);
            if picker.is_open() {
                if picker.handle_key(ev) == PickerReply::Chosen
                    && let Some(&i) = picker.value()
                {
                    field.choice = i;
                    field.error = None;
                }
                return true;
            }
            match (keymap::lookup(&[Scope::Choice], &ev), ev.code) {
                (Some(Action::PrevChoice), _) => field.choice = (field.choice + n - 1) % n,
                (Some(Action::NextChoice), _) => field.choice = (field.choice + 1) % n,
                (_, KeyCode::Enter | KeyCode::Down) => self.focus_next(),
                (_, KeyCode::Up) => self.focus_prev(),
                // A letter starts a search with it, from the value shown.
                (_, KeyCode::Char(c)) if !ctrl && !c.is_control() => {
                    picker.select_value(&field.choice);
                    picker.set_query(&c.to_string());
                }
                _ => return false,
            }
            return true;
        }
        if let FieldKind::Choice(options) = &field.kind {
            let n = options.len().max(1);
            match (keymap::lookup(&[Scope::Choice], &ev), ev.code) {
                (Some(Action::PrevChoice), _) => field.choice = (field.choice + n - 1) % n,
                (Some(Action::NextChoice), _) => field.choice = (field.choice + 1) % n,
                (_, KeyCode::Enter | KeyCode::Down) => self.focus_next(),
                (_, KeyCode::Up) => self.focus_prev(),
                _ => return false,
            }
            return true;
        }
        self.line_input(ev, ctrl)
    }

    /// A key for the focused text field.
    fn line_input(&mut self, ev: KeyEvent, ctrl: bool) -> bool {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return false;
        };
        if field.is_single_line() {
            // A line field never takes a line break: Enter (or Ctrl-M / Ctrl-J, what some
            // terminals send for it) goes to the next field, and ↑ ↓ move between fields.
            match ev.code {
                KeyCode::Enter | KeyCode::Down => {
                    self.focus_next();
                    return true;
                }
                KeyCode::Char('m' | 'j') if ctrl => {
                    self.focus_next();
                    return true;
                }
                KeyCode::Up => {
                    self.focus_prev();
                    return true;
                }
                _ => {}
            }
        }
        let changed = field.input.input(ev);
        if changed {
            field.error = None;
        }
        if field.is_single_line() {
            keep_line_in_view(&mut field.input, self.input_width.get());
        }
        true
    }

    /// Text pasted into the focused field (bracketed paste: it arrives whole, not as keys, so
    /// a control character in it can never act as a key). Cleaned like typed text; a line
    /// field gets the lines joined by spaces. Returns whether anything was inserted.
    pub fn paste(&mut self, text: &str) -> bool {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return false;
        };
        if let Some(picker) = field
            .picker
            .as_mut()
            .filter(|p| p.is_open() && !p.is_showing())
        {
            let query = format!("{}{}", picker.query(), crate::text::clean_line(text, 200));
            picker.set_query(&query);
            return true;
        }
        if let FieldKind::Choice(_) | FieldKind::Pick(_) = field.kind {
            return false;
        }
        // Not cut to the field's limit: saving says it is too long, which a cut would hide.
        let cleaned = if field.is_single_line() {
            crate::text::clean_line(text, MAX_PASTE_CHARS)
        } else {
            crate::text::clean_multiline(text, MAX_PASTE_CHARS)
        };
        if cleaned.is_empty() {
            return false;
        }
        let changed = field.input.insert_str(&cleaned);
        if changed {
            field.error = None;
            if let FieldKind::Suggest(suggester) = field.kind {
                field.suggest(suggester);
            }
        }
        changed
    }

    /// The screen changed size: the text areas forget how far they had scrolled (a viewport
    /// kept from a smaller screen would hide the start of a text that now fits). The text,
    /// the cursor and the loaded values stay.
    pub fn relayout(&mut self) {
        for field in &mut self.fields {
            if let FieldKind::Choice(_) | FieldKind::Pick(_) = field.kind {
                continue;
            }
            let ratatui_textarea::DataCursor(row, col) = field.input.cursor();
            let value = field.input.lines().join("\n");
            let style = field.input.cursor_style();
            field.input = new_input(&value, field.is_single_line());
            field.input.set_cursor_style(style);
            field.input.move_cursor(CursorMove::Jump(
                u16::try_from(row).unwrap_or(u16::MAX),
                u16::try_from(col).unwrap_or(u16::MAX),
            ));
        }
    }
}

/// The horizontal scroll of a single-line field after a key, `width` columns being shown. The
/// text area alone only keeps the cursor in view, at the edge it crossed: after `Home` from
/// far right, or after clearing a long text, what is left of the cursor stays out of view.
/// Here the view never leaves room unused at the right while text is hidden at the left, and a
/// cursor gone past the left edge comes back with half a field of text before it.
fn keep_line_in_view(input: &mut TextArea<'static>, width: u16) {
    if width == 0 {
        return;
    }
    let (_, top) = input.scroll_offset();
    let cursor = u16::try_from(input.screen_cursor().col).unwrap_or(u16::MAX);
    let text = input.lines().first().map_or(0, |l| display_width(l));
    let text = u16::try_from(text).unwrap_or(u16::MAX);
    // One more column than the text: the cursor after its last character.
    let mut wanted = top.min(text.saturating_add(1).saturating_sub(width));
    if cursor < wanted {
        wanted = cursor.saturating_sub(width / 2);
    } else if cursor >= wanted.saturating_add(width) {
        wanted = cursor.saturating_add(1).saturating_sub(width);
    }
    if wanted != top {
        let delta = i32::from(wanted) - i32::from(top);
        let delta = i16::try_from(delta).unwrap_or(if delta < 0 { i16::MIN } else { i16::MAX });
        input.scroll((0, delta));
    }
}

/// A bound on what one paste may bring, far above any field's limit.
const MAX_PASTE_CHARS: usize = 100_000;

#[cfg(test)]
#[allow(clippy::unwrap_used)]
#[path = "form_tests.rs"]
mod tests;

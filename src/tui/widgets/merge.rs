//! Merging a form with what someone else saved meanwhile, field by field. The form keeps the
//! values it loaded beside the edited ones (see `form`), so for each field that differs the
//! panel shows their version beside yours; by default a field keeps your version if you changed
//! it, theirs if you did not. Nothing is written here: the merged values go back into the form,
//! based on their version, and are saved only when the person saves again.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::catalogue::tui as msg;
use crate::text::{truncate, wrap_text};
use crate::tui::action::Action;
use crate::tui::theme::Theme;
use crate::tui::widgets::form::Form;

/// Lines of each value shown for the selected field of the panel.
const SELECTED_VALUE_LINES: usize = 5;

/// One field that differs between their saved version and this form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeRow {
    pub key: &'static str,
    pub label: &'static str,
    pub theirs: String,
    pub mine: String,
    pub keep_mine: bool,
}

/// Their saved values against this form's, and the choice made for each differing field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merge {
    /// Their saved values, by form key, and the version they are at.
    pub theirs: Vec<(&'static str, String)>,
    pub their_version: i64,
    pub rows: Vec<MergeRow>,
    pub selected: usize,
}

impl Merge {
    /// Compare `form` with their values (by form key) at `their_version`.
    pub fn open(form: &Form, theirs: Vec<(&'static str, String)>, their_version: i64) -> Merge {
        let rows = theirs
            .iter()
            .filter_map(|(key, their_value)| {
                let mine = form.value(key);
                (mine.trim() != their_value.trim()).then(|| MergeRow {
                    key,
                    label: form
                        .fields()
                        .iter()
                        .find(|f| f.key == *key)
                        .map(|f| f.label)
                        .unwrap_or(""),
                    theirs: their_value.clone(),
                    keep_mine: mine != form.loaded(key),
                    mine,
                })
            })
            .collect();
        Merge {
            theirs,
            their_version,
            rows,
            selected: 0,
        }
    }

    pub fn move_by(&mut self, delta: isize) {
        if !self.rows.is_empty() {
            self.selected = self
                .selected
                .saturating_add_signed(delta)
                .min(self.rows.len() - 1);
        }
    }

    /// Keep your value (or theirs) for the selected field.
    pub fn choose(&mut self, keep_mine: bool) {
        if let Some(row) = self.rows.get_mut(self.selected) {
            row.keep_mine = keep_mine;
        }
    }

    pub fn choose_all_theirs(&mut self) {
        for row in &mut self.rows {
            row.keep_mine = false;
        }
    }

    /// Apply the choices: the form now starts from their version (loaded values), with your
    /// kept values as edits on top. Returns their version, the form's new base version.
    pub fn apply(self, form: &mut Form) -> i64 {
        for (key, their_value) in &self.theirs {
            form.set_loaded(key, their_value);
            match self.rows.iter().find(|r| r.key == *key) {
                Some(row) if row.keep_mine => form.set_value(key, &row.mine),
                _ => form.set_value(key, their_value),
            }
        }
        self.their_version
    }
}

/// Apply a key of the merge panel to an editor's `merge`, `form` and `base_version`: move,
/// choose a side, take all of theirs, or resolve (the form is then based on their version).
/// Returns whether the panel closed.
pub fn act(
    merge: &mut Option<Merge>,
    form: &mut Form,
    base_version: &mut i64,
    action: Action,
) -> bool {
    let Some(m) = merge else {
        return false;
    };
    match action {
        Action::MoveUp => m.move_by(-1),
        Action::MoveDown => m.move_by(1),
        Action::KeepTheirs => m.choose(false),
        Action::KeepMine => m.choose(true),
        Action::TakeTheirs | Action::ResolveConflict => {
            if action == Action::TakeTheirs {
                m.choose_all_theirs();
            }
            if let Some(m) = merge.take() {
                *base_version = m.apply(form);
            }
            return true;
        }
        _ => {}
    }
    false
}

/// The merge panel: each differing field, their value and yours, the choice marked.
pub struct MergeView<'a> {
    pub merge: &'a Merge,
    pub theme: Theme,
}

/// A field's value on one line: line breaks shown as ` / `.
fn one_line(text: &str) -> String {
    text.lines().collect::<Vec<_>>().join(" / ")
}

impl Widget for MergeView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let c = self.merge;
        let width = usize::from(area.width);
        let mut lines = vec![
            Line::styled(msg::conflict_fields(c.rows.len()), theme.muted()),
            Line::raw(""),
        ];
        let mut selected_at = 0;
        let tag_w = crate::text::display_width(msg::CONFLICT_MINE)
            .max(crate::text::display_width(msg::CONFLICT_THEIRS));
        for (i, row) in c.rows.iter().enumerate() {
            let selected = i == c.selected;
            if selected {
                selected_at = lines.len();
            }
            let kept = if row.keep_mine {
                msg::CONFLICT_KEPT_MINE
            } else {
                msg::CONFLICT_KEPT_THEIRS
            };
            let head = Line::from(vec![
                Span::raw(if selected { "> " } else { "  " }),
                Span::styled(
                    row.label,
                    if selected { theme.key() } else { theme.label() },
                ),
                Span::styled(format!("   [{kept}]"), theme.muted()),
            ]);
            lines.push(head);
            let label_w = crate::text::display_width(&format!("    (x) {:<tag_w$} : ", ""));
            let room = width.saturating_sub(label_w);
            // The selected field shows its values from just before where they start to differ
            // (a long common beginning would hide the difference); the others, one line each.
            let theirs_lines = wrap_text(&row.theirs, room);
            let mine_lines = wrap_text(&row.mine, room);
            let differ_at = theirs_lines
                .iter()
                .zip(&mine_lines)
                .take_while(|(a, b)| a == b)
                .count();
            let skip = differ_at.saturating_sub(1);
            for (tag, value, wrapped, style, chosen) in [
                (
                    msg::CONFLICT_THEIRS,
                    &row.theirs,
                    &theirs_lines,
                    theme.theirs(),
                    !row.keep_mine,
                ),
                (
                    msg::CONFLICT_MINE,
                    &row.mine,
                    &mine_lines,
                    theme.mine(),
                    row.keep_mine,
                ),
            ] {
                let mark = if chosen { "(x)" } else { "( )" };
                let label = format!("    {mark} {tag:<tag_w$} : ");
                let shown: Vec<String> = if selected {
                    let mut shown: Vec<String> = wrapped
                        .iter()
                        .skip(skip)
                        .take(SELECTED_VALUE_LINES)
                        .cloned()
                        .collect();
                    if skip > 0
                        && let Some(first) = shown.first_mut()
                    {
                        *first = truncate(&format!("… {first}"), room);
                    }
                    shown
                } else {
                    vec![truncate(&one_line(value), room)]
                };
                // An empty value is said, not left blank.
                let shown = if value.trim().is_empty() {
                    vec![msg::CONFLICT_EMPTY.to_owned()]
                } else {
                    shown
                };
                for (n, text) in shown.into_iter().enumerate() {
                    let head = if n == 0 {
                        label.clone()
                    } else {
                        " ".repeat(label_w)
                    };
                    lines.push(Line::from(vec![Span::styled(head, style), Span::raw(text)]));
                }
            }
        }
        // Scroll so that the selected field and its two values stay on screen.
        let height = usize::from(area.height);
        let block = 3 + 2 * SELECTED_VALUE_LINES;
        let skip = (selected_at + block.min(height))
            .saturating_sub(height)
            .min(lines.len().saturating_sub(height));
        for (i, line) in lines.iter().skip(skip).enumerate().take(height) {
            buf.set_line(area.x, area.y + i as u16, line, area.width);
        }
    }
}

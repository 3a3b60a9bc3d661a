//! The forms of the Cercles tab (a circle's identity sheet, a new circle, closing, a GT, a work
//! log item, a decision: see `circle_forms` for the others), and the conflict panel shown when
//! someone else saved the same row meanwhile: for each field that differs, their version beside
//! yours, and a choice per field. Nothing is ever overwritten silently: the merged values go
//! back into the form, based on their version, and are saved only when the person saves again.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::catalogue::circles_tab as cm;
use crate::catalogue::tui as msg;
use crate::model::{Circle, CircleSheet, Instance};
use crate::tui::theme::Theme;
use crate::tui::widgets::form::{FieldKind, Form};
use crate::tui::widgets::{truncate, wrap_text};

/// Lines of each value shown for the selected field of the conflict panel.
const SELECTED_VALUE_LINES: usize = 5;

pub const NAME: &str = "name";
pub const PURPOSE: &str = "purpose";
pub const SCOPE: &str = "decision_scope";
pub const MISSIONS: &str = "missions";
pub const SAFE_FRAME: &str = "safe_frame";

/// The sheet's fields as (form key, value).
pub fn sheet_fields(sheet: &CircleSheet) -> Vec<(&'static str, String)> {
    vec![
        (NAME, sheet.name.clone()),
        (PURPOSE, sheet.purpose.clone()),
        (SCOPE, sheet.decision_scope.clone()),
        (MISSIONS, sheet.missions.clone()),
        (SAFE_FRAME, sheet.safe_frame.clone()),
    ]
}

/// What a form of the Cercles tab writes when saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The identity sheet of `circle_id`.
    Sheet,
    NewCircle,
    CloseCircle,
    /// A new GT in `circle_id`.
    NewGroup,
    Group(i64),
    CloseGroup(i64),
    /// A new item of `circle_id`'s work log.
    NewWork,
    Work(i64),
    NewDecision,
    Decision(i64),
}

impl Target {
    /// Forms that write even when their prefilled values were not touched.
    pub fn saves_unchanged(self) -> bool {
        matches!(
            self,
            Target::NewCircle
                | Target::CloseCircle
                | Target::NewGroup
                | Target::CloseGroup(_)
                | Target::NewWork
                | Target::NewDecision
        )
    }
}

/// One field that differs between their saved version and this form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictRow {
    pub key: &'static str,
    pub label: &'static str,
    pub theirs: String,
    pub mine: String,
    pub keep_mine: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// Their saved values, by form key, and the version they are at.
    pub theirs: Vec<(&'static str, String)>,
    pub their_version: i64,
    pub rows: Vec<ConflictRow>,
    pub selected: usize,
}

pub struct CircleEditor {
    pub target: Target,
    /// The circle the form concerns (its sheet, its GT, its work log); 0 for none.
    pub circle_id: i64,
    /// The version the form was loaded from; the store refuses a save from a stale one.
    pub base_version: i64,
    pub form: Form,
    pub conflict: Option<Conflict>,
    /// The instance choices of a decision form, in the order of the choice field.
    pub instances: Vec<(String, Instance)>,
}

impl CircleEditor {
    pub fn new(circle: &Circle, today: NaiveDate, theme: Theme) -> CircleEditor {
        let s = &circle.sheet;
        let multi = FieldKind::Multi { rows: 3 };
        let form = Form::new(msg::circle_form_title(circle.name()), today, theme)
            .field(NAME, msg::CIRCLE_LABEL_NAME, FieldKind::Line, true, &s.name)
            .field(
                PURPOSE,
                msg::CIRCLE_LABEL_PURPOSE,
                multi.clone(),
                false,
                &s.purpose,
            )
            .field(
                SCOPE,
                msg::CIRCLE_LABEL_SCOPE,
                multi.clone(),
                false,
                &s.decision_scope,
            )
            .field(
                MISSIONS,
                msg::CIRCLE_LABEL_MISSIONS,
                multi.clone(),
                false,
                &s.missions,
            )
            .field(
                SAFE_FRAME,
                msg::CIRCLE_LABEL_SAFE_FRAME,
                multi,
                false,
                &s.safe_frame,
            );
        CircleEditor {
            target: Target::Sheet,
            circle_id: circle.id,
            base_version: circle.version,
            form,
            conflict: None,
            instances: Vec::new(),
        }
    }

    /// A form of another target, not yet in conflict.
    pub fn with_form(target: Target, circle_id: i64, base_version: i64, form: Form) -> Self {
        CircleEditor {
            target,
            circle_id,
            base_version,
            form,
            conflict: None,
            instances: Vec::new(),
        }
    }

    /// The sheet as edited.
    pub fn sheet(&self) -> CircleSheet {
        CircleSheet {
            name: self.form.value(NAME),
            purpose: self.form.value(PURPOSE),
            decision_scope: self.form.value(SCOPE),
            missions: self.form.value(MISSIONS),
            safe_frame: self.form.value(SAFE_FRAME),
        }
    }

    /// Someone saved `theirs` meanwhile: list the fields where it differs from this form. By
    /// default a field keeps your version if you changed it, theirs if you did not.
    pub fn open_conflict(&mut self, theirs: Circle) {
        self.open_conflict_values(sheet_fields(&theirs.sheet), theirs.version);
    }

    /// The same from their values by form key (any target).
    pub fn open_conflict_values(&mut self, theirs: Vec<(&'static str, String)>, version: i64) {
        let mut rows = Vec::new();
        for (key, their_value) in &theirs {
            let key = *key;
            let their_value = their_value.as_str();
            let mine = self.form.value(key);
            if mine.trim() != their_value.trim() {
                let label = self
                    .form
                    .fields()
                    .iter()
                    .find(|f| f.key == key)
                    .map(|f| f.label)
                    .unwrap_or("");
                let keep_mine = mine != self.form.loaded(key);
                rows.push(ConflictRow {
                    key,
                    label,
                    theirs: their_value.to_owned(),
                    mine,
                    keep_mine,
                });
            }
        }
        self.conflict = Some(Conflict {
            theirs,
            their_version: version,
            rows,
            selected: 0,
        });
    }

    pub fn move_conflict(&mut self, delta: isize) {
        if let Some(c) = &mut self.conflict
            && !c.rows.is_empty()
        {
            c.selected = c
                .selected
                .saturating_add_signed(delta)
                .min(c.rows.len() - 1);
        }
    }

    pub fn choose(&mut self, keep_mine: bool) {
        if let Some(c) = &mut self.conflict
            && let Some(row) = c.rows.get_mut(c.selected)
        {
            row.keep_mine = keep_mine;
        }
    }

    pub fn choose_all_theirs(&mut self) {
        if let Some(c) = &mut self.conflict {
            for row in &mut c.rows {
                row.keep_mine = false;
            }
        }
    }

    /// Apply the choices: the form now starts from their version (loaded values and version),
    /// with your kept values as edits on top, to be saved with the save key.
    pub fn resolve(&mut self) {
        let Some(conflict) = self.conflict.take() else {
            return;
        };
        for (key, their_value) in &conflict.theirs {
            self.form.set_loaded(key, their_value);
            match conflict.rows.iter().find(|r| r.key == *key) {
                Some(row) if row.keep_mine => self.form.set_value(key, &row.mine),
                _ => self.form.set_value(key, their_value),
            }
        }
        self.base_version = conflict.their_version;
    }
}

pub struct EditorView<'a> {
    pub editor: &'a CircleEditor,
    pub theme: Theme,
}

impl Widget for EditorView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let [title, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
        if let Some(conflict) = &self.editor.conflict {
            let text = if self.editor.target == Target::Sheet {
                msg::CONFLICT_TITLE
            } else {
                cm::CONFLICT_TITLE
            };
            let line = Line::styled(format!("! {text}"), theme.error());
            buf.set_line(title.x, title.y, &line, title.width);
            ConflictView { conflict, theme }.render(body, buf);
            return;
        }
        let form = &self.editor.form;
        // The title gives way to the "modified" mark, cut with `…` rather than at the edge.
        let legend = if form.is_dirty() {
            format!("  {}", msg::DIRTY_LEGEND)
        } else {
            String::new()
        };
        let room = usize::from(title.width).saturating_sub(crate::text::display_width(&legend));
        let mut spans = vec![Span::styled(truncate(&form.title, room), theme.title())];
        if !legend.is_empty() {
            spans.push(Span::styled(legend, theme.dirty()));
        }
        buf.set_line(title.x, title.y, &Line::from(spans), title.width);
        form.render(body, buf);
    }
}

struct ConflictView<'a> {
    conflict: &'a Conflict,
    theme: Theme,
}

/// A field's value on one line: line breaks shown as ` / `.
fn one_line(text: &str) -> String {
    text.lines().collect::<Vec<_>>().join(" / ")
}

impl Widget for ConflictView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let c = self.conflict;
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

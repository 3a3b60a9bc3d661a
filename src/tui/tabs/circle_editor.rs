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
use crate::tui::widgets::merge::{Merge, MergeView};
use crate::tui::widgets::truncate;

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

pub struct CircleEditor {
    pub target: Target,
    /// The circle the form concerns (its sheet, its GT, its work log); 0 for none.
    pub circle_id: i64,
    /// The version the form was loaded from; the store refuses a save from a stale one.
    pub base_version: i64,
    pub form: Form,
    pub conflict: Option<Merge>,
    /// The instance choices of a decision form, in the order of the choice field.
    pub instances: Vec<(String, Instance)>,
    /// What saving will do, said above the fields (closing a circle: the roles it ends).
    pub hint: Option<String>,
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
            hint: None,
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
            hint: None,
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
        self.conflict = Some(Merge::open(&self.form, theirs, version));
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
            MergeView {
                merge: conflict,
                theme,
            }
            .render(body, buf);
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
        let body = match &self.editor.hint {
            Some(hint) => {
                let [hint_area, rest] =
                    Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(body);
                ratatui::widgets::Paragraph::new(hint.as_str())
                    .style(theme.muted())
                    .wrap(ratatui::widgets::Wrap { trim: true })
                    .render(hint_area, buf);
                rest
            }
            None => body,
        };
        form.render(body, buf);
    }
}

//! The writes of the Cercles tab, each one call to the store: saving any of its forms (a
//! refused value goes under its field, a conflict opens the merge panel, a role refusal shows
//! the store's message), the one-key writes of the work log (status, year), and the yes to
//! its questions (reopen a circle or a GT, delete a work item). After a write the tab reads
//! itself again, then selects and scrolls to what was written.

use chrono::NaiveDate;

use super::circle_detail::{DetailFocus, Section};
use super::circle_editor::{CircleEditor, MISSIONS, NAME, PURPOSE, SAFE_FRAME, SCOPE, Target};
use super::circle_forms::{self as forms, FieldProblem};
use super::circle_open::CircleQuestion;
use super::circles::CirclesTab;
use super::{Env, Reply};
use crate::catalogue::circles_tab as cm;
use crate::catalogue::tui as msg;
use crate::model::{Area, Circle, Decision, WorkItem, WorkingGroup, format_date};
use crate::store::{Store, StoreError};
use crate::tui::widgets::confirm::Confirm;

enum Problem {
    Field(FieldProblem),
    Store(StoreError),
}

impl From<StoreError> for Problem {
    fn from(e: StoreError) -> Self {
        Problem::Store(e)
    }
}

impl From<FieldProblem> for Problem {
    fn from(p: FieldProblem) -> Self {
        Problem::Field(p)
    }
}

/// What a successful save says, and where to look afterwards.
struct Saved {
    message: String,
    select: Option<i64>,
    focus: Option<DetailFocus>,
    year: Option<i32>,
}

impl Saved {
    fn say(message: String) -> Saved {
        Saved {
            message,
            select: None,
            focus: None,
            year: None,
        }
    }
}

fn focus_on(section: Section, id: i64) -> Option<DetailFocus> {
    Some(DetailFocus {
        section,
        item: Some(id),
    })
}

fn write(store: &mut Store, e: &CircleEditor, today: NaiveDate) -> Result<Saved, Problem> {
    let form = &e.form;
    Ok(match e.target {
        Target::Sheet => {
            let saved = store.update_circle_sheet(e.circle_id, e.base_version, &e.sheet())?;
            Saved::say(msg::saved_circle(saved.name()))
        }
        Target::NewCircle => {
            let (sheet, created) = forms::new_circle_values(form, today)?;
            let c = store.create_circle(&sheet, created)?;
            Saved {
                select: Some(c.id),
                ..Saved::say(cm::circle_created(c.name()))
            }
        }
        Target::CloseCircle => {
            let on = forms::closed_on(form, today)?;
            let c = store.set_circle_closed(e.circle_id, e.base_version, Some(on))?;
            Saved::say(cm::circle_closed(c.name(), &format_date(on)))
        }
        Target::NewGroup => {
            let g = store.create_working_group(e.circle_id, &forms::group_draft(form, today)?)?;
            Saved {
                focus: focus_on(Section::Groups, g.id),
                ..Saved::say(cm::group_created(&g.name))
            }
        }
        Target::Group(id) => {
            let draft = forms::group_draft(form, today)?;
            let g = store.update_working_group(id, e.base_version, &draft)?;
            Saved {
                focus: focus_on(Section::Groups, g.id),
                ..Saved::say(cm::group_saved(&g.name))
            }
        }
        Target::CloseGroup(id) => {
            let on = forms::closed_on(form, today)?;
            let g = store.set_working_group_closed(id, e.base_version, Some(on))?;
            Saved {
                focus: focus_on(Section::Groups, g.id),
                ..Saved::say(cm::group_closed(&g.name, &format_date(on)))
            }
        }
        Target::NewWork => {
            let w = store.add_work_item(e.circle_id, &forms::work_draft(form, today)?)?;
            Saved {
                focus: focus_on(Section::Work, w.id),
                year: Some(w.year),
                ..Saved::say(cm::work_added(w.year))
            }
        }
        Target::Work(id) => {
            let w = store.update_work_item(id, e.base_version, &forms::work_draft(form, today)?)?;
            Saved {
                focus: focus_on(Section::Work, w.id),
                year: Some(w.year),
                ..Saved::say(cm::work_saved(&w.title))
            }
        }
        Target::NewDecision => {
            let d = store.add_decision(&forms::decision_draft(e, today)?)?;
            Saved::say(cm::decision_saved(&d.title))
        }
        Target::Decision(id) => {
            let d = store.update_decision(id, e.base_version, &forms::decision_draft(e, today)?)?;
            Saved::say(cm::decision_saved(&d.title))
        }
    })
}

/// The field a refusal of the store is about, when it does not say.
/// The form field a model error names, for the sheet's fields (the other forms' fields are
/// mapped where their drafts are built).
fn field_key(target: Target, e: &crate::model::field::FieldError) -> Option<&'static str> {
    use crate::catalogue::circles as cm;
    if !matches!(target, Target::Sheet | Target::NewCircle) {
        return forms::field_of(e);
    }
    Some(match e.field {
        cm::FIELD_CIRCLE_NAME => NAME,
        cm::FIELD_PURPOSE => PURPOSE,
        cm::FIELD_DECISION_SCOPE => SCOPE,
        cm::FIELD_MISSIONS => MISSIONS,
        cm::FIELD_SAFE_FRAME => SAFE_FRAME,
        _ => return None,
    })
}

fn main_field(target: Target) -> &'static str {
    match target {
        Target::Sheet | Target::NewCircle => NAME,
        Target::CloseCircle | Target::CloseGroup(_) => forms::CLOSED_ON,
        Target::NewGroup | Target::Group(_) => forms::GT_NAME,
        _ => forms::TITLE,
    }
}

fn closed_values(closed_on: Option<NaiveDate>) -> Vec<(&'static str, String)> {
    vec![(
        forms::CLOSED_ON,
        closed_on.map(format_date).unwrap_or_default(),
    )]
}

/// Their values (by form key) and version, for the merge panel after a conflict.
fn theirs(
    store: &Store,
    e: &CircleEditor,
    err: &StoreError,
) -> Option<(Vec<(&'static str, String)>, i64)> {
    let circle = || {
        err.conflict_row::<Circle>()
            .or_else(|| store.circle(e.circle_id).ok().flatten())
    };
    let group = |id| {
        err.conflict_row::<WorkingGroup>()
            .or_else(|| store.working_group(id).ok().flatten())
    };
    match e.target {
        Target::Sheet => circle().map(|c| (forms::circle_values(&c), c.version)),
        Target::CloseCircle => circle().map(|c| (closed_values(c.closed_on), c.version)),
        Target::Group(id) => group(id).map(|g| (forms::group_values(&g), g.version)),
        Target::CloseGroup(id) => group(id).map(|g| (closed_values(g.closed_on), g.version)),
        Target::Work(id) => err
            .conflict_row::<WorkItem>()
            .or_else(|| store.work_item(id).ok().flatten())
            .map(|w| (forms::work_values(&w), w.version)),
        Target::Decision(id) => err
            .conflict_row::<Decision>()
            .or_else(|| store.decision(id).ok().flatten())
            .map(|d| (forms::decision_values(&d, &e.instances), d.version)),
        Target::NewCircle | Target::NewGroup | Target::NewWork | Target::NewDecision => None,
    }
}

impl CirclesTab {
    /// Save the open form.
    pub(super) fn save_editor(&mut self, env: &mut Env<'_>) -> Reply {
        let today = env.store.today();
        let Some(editor) = &mut self.editor else {
            return Reply::Done;
        };
        if editor.conflict.is_some() {
            return Reply::Done;
        }
        if !editor.form.validate() {
            return Reply::Error(msg::FORM_HAS_ERRORS.to_owned());
        }
        if !editor.target.saves_unchanged() && !editor.form.is_dirty() {
            self.editor = None;
            return Reply::Info(msg::NOTHING_CHANGED.to_owned());
        }
        let target = editor.target;
        match write(env.store, editor, today) {
            Ok(saved) => {
                self.editor = None;
                if let Some(year) = saved.year {
                    self.year = year;
                }
                self.reload_circles(env);
                if let Some(id) = saved.select {
                    self.select_row(id, env);
                }
                let mut reply = env.said(Reply::Written(saved.message));
                if saved.focus.is_some() {
                    self.focus = saved.focus;
                    reply = self.synced(reply, env);
                    // The saved line on screen, wherever its status put it.
                    self.follow_focus(env);
                }
                reply
            }
            Err(Problem::Field((key, text))) => {
                editor.form.set_error(key, text.clone());
                Reply::Error(text)
            }
            Err(Problem::Store(err @ StoreError::Conflict { .. })) => {
                let reply = match theirs(env.store, editor, &err) {
                    Some((values, version)) => {
                        editor.open_conflict_values(values, version);
                        let text = if target == Target::Sheet {
                            msg::CONFLICT_MESSAGE
                        } else {
                            cm::CONFLICT_MESSAGE
                        };
                        env.said(Reply::Error(text.to_owned()))
                    }
                    None => env.said(Reply::Error(cm::GONE.to_owned())),
                };
                reply.then(self.reload_circles(env))
            }
            Err(Problem::Store(StoreError::Field(e))) => {
                let text = e.to_string();
                let key = field_key(target, &e).unwrap_or(main_field(target));
                editor.form.set_error(key, e.message);
                Reply::Error(text)
            }
            Err(Problem::Store(StoreError::Invalid(text))) => {
                editor.form.set_error(main_field(target), text.clone());
                Reply::Error(text)
            }
            // Deleted by another session while the form was open: nothing to merge with. A
            // work item or a decision can come back from what was typed: the form becomes a
            // new one, and F2 creates it (Esc gives up).
            Err(Problem::Store(StoreError::NotFound(_))) => match target {
                Target::Work(_) => {
                    editor.target = Target::NewWork;
                    env.said(Reply::Error(cm::GONE_RECREATE.to_owned()))
                }
                Target::Decision(_) => {
                    editor.target = Target::NewDecision;
                    env.said(Reply::Error(cm::GONE_RECREATE.to_owned()))
                }
                _ => env.said(Reply::Error(cm::GONE_ELSEWHERE.to_owned())),
            },
            Err(Problem::Store(other)) => Reply::Error(other.to_string()),
        }
    }

    /// What to say when the row the open form edits changed in another session since it was
    /// loaded: modified (the save will show their values), or deleted.
    pub(super) fn editor_changed_elsewhere(&self, store: &Store) -> Option<&'static str> {
        let e = self.editor.as_ref()?;
        let now = match e.target {
            Target::Sheet | Target::CloseCircle => {
                store.circle(e.circle_id).ok().flatten().map(|c| c.version)
            }
            Target::Group(id) | Target::CloseGroup(id) => {
                store.working_group(id).ok().flatten().map(|g| g.version)
            }
            Target::Work(id) => store.work_item(id).ok().flatten().map(|w| w.version),
            Target::Decision(id) => store.decision(id).ok().flatten().map(|d| d.version),
            _ => return None,
        };
        match now {
            None => Some(cm::GONE_ELSEWHERE),
            Some(version) if version != e.base_version => Some(cm::CHANGED_ELSEWHERE),
            Some(_) => None,
        }
    }

    /// One key: the picked work item moves to its next status.
    pub(super) fn cycle_status(&mut self, env: &mut Env<'_>) -> Reply {
        let Some(item) = self.picked_work() else {
            return Reply::Error(cm::NOTHING_CHOSEN.to_owned());
        };
        if let Err(refused) = self.may(env, Area::WorkLog) {
            return refused;
        }
        let outcome = env.store.cycle_work_item_status(item.id, item.version);
        self.written(
            outcome.map(|w| cm::work_status(&w.title, w.status.label())),
            env,
        )
    }

    /// The picked work item goes to the next (or previous) year's log.
    pub(super) fn move_year(&mut self, later: bool, env: &mut Env<'_>) -> Reply {
        let Some(item) = self.picked_work() else {
            return Reply::Error(cm::NOTHING_CHOSEN.to_owned());
        };
        if let Err(refused) = self.may(env, Area::WorkLog) {
            return refused;
        }
        let year = item.year + if later { 1 } else { -1 };
        let outcome = env.store.set_work_item_year(item.id, item.version, year);
        let said = outcome.map(|carried| {
            let dropped = carried.dropped.map(|on| (on.to_string(), on.year()));
            cm::work_carried(
                &carried.item.title,
                carried.item.year,
                carried.status_changed.then(|| carried.item.status.label()),
                dropped
                    .as_ref()
                    .map(|(on, back_to)| (on.as_str(), *back_to)),
                carried.restored.map(|on| on.to_string()).as_deref(),
            )
        });
        self.written(said, env)
    }

    /// A yes to one of the tab's questions: the write, at the version the question was asked
    /// about (changed elsewhere meanwhile: the store refuses and says so).
    pub(super) fn answer(&mut self, question: Confirm, env: &mut Env<'_>) -> Reply {
        if question == Confirm::DiscardForm {
            self.editor = None;
            return Reply::ClearError;
        }
        // Only this tab's own questions come here.
        let Some(asked) = question.token::<CircleQuestion>() else {
            return Reply::Done;
        };
        let outcome = match asked.clone() {
            CircleQuestion::ReopenCircle { id, version } => env
                .store
                .set_circle_closed(id, version, None)
                .map(|c| cm::circle_reopened(c.name())),
            CircleQuestion::ReopenGroup { id, version } => env
                .store
                .set_working_group_closed(id, version, None)
                .map(|g| cm::group_reopened(&g.name)),
            CircleQuestion::DeleteWork { id, version, title } => env
                .store
                .delete_work_item(id, version)
                .map(|()| cm::work_deleted(&title)),
        };
        self.written(outcome, env)
    }

    /// After a one-key write: the tab read again, the outcome said, the focused line in view.
    fn written(&mut self, outcome: Result<String, StoreError>, env: &mut Env<'_>) -> Reply {
        self.reload_circles(env);
        let reply = env.said(match outcome {
            Ok(text) => Reply::Written(text),
            Err(e) => Reply::Error(e.to_string()),
        });
        self.follow_focus(env);
        reply
    }
}

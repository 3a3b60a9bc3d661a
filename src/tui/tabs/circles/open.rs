//! Opening the forms and questions of the Cercles tab: the sheet, a new circle, closing a
//! circle or a GT, adding or editing a line of the detail, deleting a work item. The role is
//! checked first, so nobody types a form the store would refuse.

use super::detail::Section;
use super::editor;
use super::forms;
use super::state::CirclesTab;
use crate::catalogue::circles as model_msg;
use crate::catalogue::circles_tab as cm;
use crate::catalogue::tui as msg;
use crate::model::{Area, CircleKind, Instance};
use crate::text::truncate;
use crate::tui::tabs::pane::{Env, Reply};
use crate::tui::widgets::confirm::Confirm;

impl CirclesTab {
    /// Whether this session may write `area`; the refusal to show when not. Allowed, the
    /// message line goes (the user may go on).
    pub(super) fn may(&self, env: &mut Env<'_>, area: Area) -> Result<(), Reply> {
        if env.store.is_read_only() {
            return Err(env.said(Reply::Error(cm::READ_ONLY.to_owned())));
        }
        let role = env.store.actor().role;
        if !role.may_write(area) {
            let refusal = match area {
                Area::Governance => cm::refused(role.label(), cm::WHAT_CIRCLES),
                Area::WorkLog => cm::refused(role.label(), cm::WHAT_WORK_LOG),
                _ => crate::catalogue::store::forbidden(role.label(), area.label()),
            };
            return Err(env.said(Reply::Error(refusal)));
        }
        env.note(&Reply::ClearMessage);
        Ok(())
    }

    /// Open the selected circle's sheet.
    pub(super) fn open_editor(&mut self, env: &mut Env<'_>) -> Reply {
        if env.store.is_read_only() {
            return Reply::Error(msg::READ_ONLY_NO_EDIT.to_owned());
        }
        let Some(circle) = self.selected() else {
            return Reply::Error(
                if self.general_selected() {
                    cm::GENERAL_NO_SHEET
                } else {
                    msg::NOTHING_TO_EDIT
                }
                .to_owned(),
            );
        };
        let editor = editor::sheet(circle, env.store.today(), env.theme);
        if let Err(refused) = self.may(env, Area::Governance) {
            return refused;
        }
        self.editor = Some(editor);
        Reply::ClearMessage
    }

    pub(super) fn close_circle(&mut self, env: &mut Env<'_>) -> Reply {
        if self.general_selected() {
            return Reply::Error(cm::GENERAL_NOT_CLOSED.to_owned());
        }
        let Some(circle) = self.selected().cloned() else {
            return Reply::Done;
        };
        if circle.kind == CircleKind::Coordination {
            return Reply::Error(model_msg::COORDINATION_STAYS.to_owned());
        }
        if let Err(refused) = self.may(env, Area::Governance) {
            return refused;
        }
        if circle.closed_on.is_some() {
            return Reply::Confirm(Confirm::ask(
                cm::confirm_reopen_circle(&truncate(circle.name(), cm::QUESTION_NAME_WIDTH)),
                CircleQuestion::ReopenCircle {
                    id: circle.id,
                    version: circle.version,
                },
            ));
        }
        let roles = match env.store.circle_members(circle.id) {
            Ok(members) => members.len(),
            Err(e) => return Reply::Error(e.to_string()),
        };
        self.editor = Some(editor::close_circle(
            &circle,
            roles,
            env.store.today(),
            env.theme,
        ));
        Reply::ClearMessage
    }

    pub(super) fn add_item(&mut self, env: &mut Env<'_>) -> Reply {
        let Some(focus) = self.focus else {
            return Reply::Done;
        };
        let today = env.store.today();
        let theme = env.theme;
        let circle = self.detail.as_ref().and_then(|d| d.circle.clone());
        let (area, editor) = match (focus.section, circle) {
            (Section::Groups, Some(c)) => (Area::Governance, forms::new_group(&c, today, theme)),
            (Section::Work, Some(c)) => {
                (Area::WorkLog, forms::new_work(&c, self.year, today, theme))
            }
            (Section::Decisions | Section::AgDecisions, circle) => {
                let instance = match (focus.section, circle) {
                    (Section::AgDecisions, _) => Instance::Ag,
                    (_, None) => Instance::CercleGeneral,
                    (_, Some(c)) if c.kind == CircleKind::Coordination => Instance::Coordination,
                    (_, Some(c)) => Instance::Cercle(c.id),
                };
                let choices = forms::instance_choices(&self.circles);
                (
                    Area::Governance,
                    forms::new_decision(instance, choices, today, theme),
                )
            }
            _ => return Reply::Done,
        };
        if let Err(refused) = self.may(env, area) {
            return refused;
        }
        self.editor = Some(editor);
        Reply::ClearMessage
    }

    pub(super) fn edit_item(&mut self, env: &mut Env<'_>) -> Reply {
        let Some(focus) = self.focus else {
            return Reply::Done;
        };
        let Some(id) = focus.item else {
            return Reply::Error(nothing_chosen());
        };
        let today = env.store.today();
        let theme = env.theme;
        let Some(data) = &self.detail else {
            return Reply::Done;
        };
        let editor = match focus.section {
            Section::Groups => data
                .groups
                .iter()
                .find(|g| g.id == id)
                .map(|g| (Area::Governance, forms::edit_group(g, today, theme))),
            Section::Work => {
                let name = data.circle.as_ref().map(|c| c.name().to_owned());
                data.work.iter().find(|w| w.id == id).map(|w| {
                    let name = name.unwrap_or_default();
                    (Area::WorkLog, forms::edit_work(w, &name, today, theme))
                })
            }
            Section::Decisions | Section::AgDecisions => data.decision(id).map(|d| {
                let choices = forms::instance_choices(&self.circles);
                (
                    Area::Governance,
                    forms::edit_decision(d, choices, today, theme),
                )
            }),
        };
        let Some((area, editor)) = editor else {
            return Reply::Done;
        };
        if let Err(refused) = self.may(env, area) {
            return refused;
        }
        self.editor = Some(editor);
        Reply::ClearMessage
    }

    /// The picked work item, if the focus is on one.
    pub(super) fn picked_work(&self) -> Option<crate::model::WorkItem> {
        let focus = self.focus?;
        if focus.section != Section::Work {
            return None;
        }
        let id = focus.item?;
        let data = self.detail.as_ref()?;
        data.work.iter().find(|w| w.id == id).cloned()
    }

    pub(super) fn close_group(&mut self, env: &mut Env<'_>) -> Reply {
        let Some(focus) = self.focus else {
            return Reply::Done;
        };
        let (Section::Groups, Some(id)) = (focus.section, focus.item) else {
            return Reply::Error(nothing_chosen());
        };
        let group = self
            .detail
            .as_ref()
            .and_then(|d| d.groups.iter().find(|g| g.id == id).cloned());
        let Some(group) = group else {
            return Reply::Done;
        };
        if let Err(refused) = self.may(env, Area::Governance) {
            return refused;
        }
        if group.closed_on.is_some() {
            return Reply::Confirm(Confirm::ask(
                cm::confirm_reopen_group(&truncate(&group.name, cm::QUESTION_NAME_WIDTH)),
                CircleQuestion::ReopenGroup {
                    id: group.id,
                    version: group.version,
                },
            ));
        }
        self.editor = Some(forms::close_group(&group, env.store.today(), env.theme));
        Reply::ClearMessage
    }

    /// Ask before deleting the picked work item (typed by mistake).
    pub(super) fn delete_work(&mut self, env: &mut Env<'_>) -> Reply {
        let Some(item) = self.picked_work() else {
            return Reply::Error(nothing_chosen());
        };
        if let Err(refused) = self.may(env, Area::WorkLog) {
            return refused;
        }
        Reply::Confirm(Confirm::ask(
            cm::confirm_delete_work(&truncate(&item.title, cm::QUESTION_NAME_WIDTH)),
            CircleQuestion::DeleteWork {
                id: item.id,
                version: item.version,
                title: item.title,
            },
        ))
    }
}

/// The tab's questions, as their token: what a yes does, at the version the question was
/// asked about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum CircleQuestion {
    ReopenCircle {
        id: i64,
        version: i64,
    },
    ReopenGroup {
        id: i64,
        version: i64,
    },
    DeleteWork {
        id: i64,
        version: i64,
        title: String,
    },
}

/// Nothing selected in the detail: say which keys choose a line (from the keymap).
pub(super) fn nothing_chosen() -> String {
    use crate::tui::action::Action;
    use crate::tui::keymap::{Scope, key_label};
    cm::nothing_chosen(
        &key_label(Scope::Detail, Action::MoveUp),
        &key_label(Scope::Detail, Action::MoveDown),
    )
}

//! The writes of the Cercles tab, each one call to the store: what follows a save of any of
//! its forms (the shared editor does the cycle), the one-key writes of the work log (status, year), and the yes to
//! its questions (reopen a circle or a GT, delete a work item). After a write the tab reads
//! itself again, then selects and scrolls to what was written.

use super::editor::AfterSave;
use super::open::{CircleQuestion, nothing_chosen};
use super::state::CirclesTab;
use crate::catalogue::circles_tab as cm;
use crate::model::Area;
use crate::store::StoreError;
use crate::tui::tabs::{Env, Reply};
use crate::tui::widgets::confirm::Confirm;
use crate::tui::widgets::editor::{self, Saved, Step};

impl CirclesTab {
    /// After the shared editor's step on the open form: a save read again, with the row and
    /// the line written selected and in view.
    pub(super) fn stepped(&mut self, step: Step<AfterSave>, env: &mut Env<'_>) -> Reply {
        match step {
            Step::Pass => Reply::Pass,
            Step::Reply(reply) => env.said(reply),
            Step::Reload(reply) => {
                let reply = env.said(reply);
                reply.then(self.reload_circles(env))
            }
            Step::Saved(Saved { message, then }) => {
                if let Some(year) = then.year {
                    self.year = year;
                }
                self.reload_circles(env);
                if let Some(id) = then.select {
                    self.select_row(id, env);
                }
                let mut reply = env.said(Reply::Written(message));
                if then.focus.is_some() {
                    self.focus = then.focus;
                    reply = self.synced(reply, env);
                    // The saved line on screen, wherever its status put it.
                    self.follow_focus(env);
                }
                reply
            }
        }
    }

    /// One key: the picked work item moves to its next status.
    pub(super) fn cycle_status(&mut self, env: &mut Env<'_>) -> Reply {
        let Some(item) = self.picked_work() else {
            return Reply::Error(nothing_chosen());
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
            return Reply::Error(nothing_chosen());
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
        // Only this tab's own questions come here: its own, or one its open form's save asked.
        let Some(asked) = question.token::<CircleQuestion>() else {
            let step = editor::act_confirmed(&mut self.editor, env.store);
            return match self.stepped(step, env) {
                Reply::Pass => Reply::Done,
                reply => reply,
            };
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

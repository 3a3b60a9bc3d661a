//! The actions of an event's workshops and partners, and of the partnerships' follow-up (the
//! partner organisations, their co-garant·es, their events).

use super::keys::{moved, owners};
use super::partner_forms;
use super::question::EventsQuestion;
use super::state::{EventsTab, partner_rows};
use crate::catalogue::events_tab as et;
use crate::catalogue::tui as msg;
use crate::model::{Area, PartnerKind};
use crate::tui::action::Action;
use crate::tui::tabs::pane::{Env, Reply};
use crate::tui::widgets::confirm::Confirm;
use crate::tui::widgets::list::cycle;

impl EventsTab {
    pub(super) fn workshops_action(&mut self, action: Action, env: &mut Env<'_>) -> Reply {
        use Action::*;
        match action {
            AddWorkshop | Edit => {
                if let Err(text) = env.may_write(Area::EventTasks) {
                    return Reply::Error(text);
                }
                let Some(event) = self.selected().map(|e| e.id) else {
                    return Reply::Error(et::NOTHING_SELECTED.to_owned());
                };
                let w = if action == Edit {
                    match self.selected_workshop() {
                        Some(w) => Some(w.clone()),
                        None => return Reply::Error(et::NO_WORKSHOP_SELECTED.to_owned()),
                    }
                } else {
                    None
                };
                self.form = Some(partner_forms::workshop(
                    event,
                    w.as_ref(),
                    env.store.today(),
                    env.theme,
                ));
                Reply::ClearError
            }
            DeleteSelected => {
                if let Err(text) = env.may_write(Area::EventTasks) {
                    return Reply::Error(text);
                }
                let Some(w) = self.selected_workshop() else {
                    return Reply::Error(et::NO_WORKSHOP_SELECTED.to_owned());
                };
                Reply::Confirm(Confirm::ask(
                    et::delete_workshop_question(&w.title),
                    EventsQuestion::DeleteWorkshop {
                        id: w.id,
                        version: w.version,
                        title: w.title.clone(),
                    },
                ))
            }
            _ => Reply::Pass,
        }
    }

    pub(super) fn links_action(&mut self, action: Action, env: &mut Env<'_>) -> Reply {
        use Action::*;
        match action {
            LinkPartner => {
                if let Err(text) = env.may_write(Area::Governance) {
                    return Reply::Error(text);
                }
                let Some(event) = self.selected().map(|e| e.id) else {
                    return Reply::Error(et::NOTHING_SELECTED.to_owned());
                };
                match env.store.partners() {
                    Ok(all) if all.is_empty() => Reply::Error(et::NO_PARTNER_YET.to_owned()),
                    Ok(all) => {
                        let choices = partner_forms::partner_choices(&all);
                        self.form = Some(partner_forms::link(
                            event,
                            choices,
                            env.store.today(),
                            env.theme,
                        ));
                        Reply::ClearError
                    }
                    Err(e) => Reply::Error(msg::store_error(&e.to_string())),
                }
            }
            DeleteSelected => {
                if let Err(text) = env.may_write(Area::Governance) {
                    return Reply::Error(text);
                }
                let Some((link, partner)) = self.selected_link() else {
                    return Reply::Error(et::NO_PARTNER_SELECTED.to_owned());
                };
                Reply::Confirm(Confirm::ask(
                    et::unlink_question(&partner.name),
                    EventsQuestion::Unlink {
                        id: link.id,
                        version: link.version,
                        name: partner.name.clone(),
                    },
                ))
            }
            _ => Reply::Pass,
        }
    }

    pub(super) fn partners_action(&mut self, action: Action, env: &mut Env<'_>) -> Reply {
        use Action::*;
        let h = partner_rows(env);
        if moved(&mut self.partner_list, action, &self.partner_ids, h) {
            return match self.load_partner_events(env.store) {
                Ok(()) => Reply::Done,
                Err(e) => Reply::Error(msg::store_error(&e.to_string())),
            };
        }
        match action {
            TogglePartners => {
                self.show_partners = false;
                Reply::Done
            }
            CyclePartnerKind => {
                self.partner_filter.kind = cycle(&PartnerKind::ALL, self.partner_filter.kind);
                self.partners_refiltered(env)
            }
            ToggleLackingGarant => {
                self.partner_filter.lacking = !self.partner_filter.lacking;
                self.partners_refiltered(env)
            }
            AddPartner | Edit => {
                if let Err(text) = env.may_write(Area::Governance) {
                    return Reply::Error(text);
                }
                let p = if action == Edit {
                    match self.selected_partner() {
                        Some(p) => Some(p.clone()),
                        None => return Reply::Error(et::NO_PARTNER_SELECTED.to_owned()),
                    }
                } else {
                    None
                };
                match owners(env.store) {
                    Ok(people) => {
                        self.form = Some(partner_forms::partner(
                            p.as_ref(),
                            people,
                            env.store.today(),
                            env.theme,
                        ));
                        Reply::ClearError
                    }
                    Err(e) => Reply::Error(msg::store_error(&e.to_string())),
                }
            }
            DeleteSelected => {
                if let Err(text) = env.may_write(Area::Governance) {
                    return Reply::Error(text);
                }
                let Some(p) = self.selected_partner() else {
                    return Reply::Error(et::NO_PARTNER_SELECTED.to_owned());
                };
                Reply::Confirm(Confirm::ask(
                    et::delete_partner_question(&p.name, self.partner_events.len()),
                    EventsQuestion::DeletePartner {
                        id: p.id,
                        version: p.version,
                        name: p.name.clone(),
                    },
                ))
            }
            _ => Reply::Pass,
        }
    }

    fn partners_refiltered(&mut self, env: &mut Env<'_>) -> Reply {
        self.refilter_partners(partner_rows(env));
        match self.load_partner_events(env.store) {
            Ok(()) => Reply::Done,
            Err(e) => Reply::Error(msg::store_error(&e.to_string())),
        }
    }
}

//! The small forms of the Membres tab that act on a person's roles: give a role in a circle,
//! renew a term, end one of their current roles, leave the network. Each one is a form with a
//! line of explanation and a record on the shared editor: one store call on save. They have no
//! merge panel (a choice and a date): on a conflict the versions are read again, what was
//! typed stays.

use chrono::NaiveDate;

use super::person_editor::{MemberEditor, PERSON_WORDS};
use crate::catalogue::members_tab as mm;
use crate::model::membership::fields;
use crate::model::{Circle, CircleKind, CircleRole, format_date, parse_date};
use crate::store::people::PersonDetail;
use crate::store::{Store, StoreError};
use crate::tui::theme::Theme;
use crate::tui::widgets::editor::{Current, Editor, Record, SaveError, Saved, Words};
use crate::tui::widgets::form::{FieldKind, Form};

pub const CIRCLE: &str = "circle";
pub const ROLE: &str = "role";
pub const SINCE: &str = fields::SINCE.code;
pub const TERM_END: &str = fields::TERM_END.code;
pub const MEMBERSHIP: &str = "membership";
pub const UNTIL: &str = fields::UNTIL.code;
pub const LEFT_ON: &str = crate::model::person::fields::LEFT_ON.code;

/// A current role the end-role form offers: its label in the choice, and what the store needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleOption {
    pub label: String,
    pub membership_id: i64,
    pub version: i64,
    pub circle_name: String,
    pub role: CircleRole,
    pub term_end: Option<NaiveDate>,
}

pub enum RoleAction {
    /// Circles offered, in the order of the choice: (id, name).
    Give {
        circles: Vec<(i64, String)>,
        /// The person's current roles, by circle: giving another one there ends it.
        held: Vec<(i64, CircleRole)>,
    },
    End {
        roles: Vec<RoleOption>,
    },
    Term {
        roles: Vec<RoleOption>,
    },
    Leave,
}

/// What the role forms say.
pub static ROLE_WORDS: Words = Words {
    changed_meanwhile: mm::changed_meanwhile,
    ..PERSON_WORDS
};

/// A role form's record: the person, and what saving does.
struct RoleRecord {
    person_id: i64,
    person_version: i64,
    person_name: String,
    action: RoleAction,
    today: NaiveDate,
}

/// The role forms.
pub struct RoleEditor;

impl RoleEditor {
    /// Give a role in one of the open working circles (not Coordination: its members are
    /// derived). Since defaults to today.
    pub fn give(
        detail: &PersonDetail,
        circles: &[Circle],
        today: NaiveDate,
        theme: Theme,
    ) -> Result<MemberEditor, String> {
        let circles: Vec<(i64, String)> = circles
            .iter()
            .filter(|c| c.kind != CircleKind::Coordination && c.is_open_on(today))
            .map(|c| (c.id, c.name().to_owned()))
            .collect();
        if circles.is_empty() {
            return Err(mm::NO_OPEN_CIRCLE.to_owned());
        }
        let held: Vec<(i64, CircleRole)> = detail
            .memberships
            .iter()
            .filter(|m| m.current)
            .map(|m| (m.membership.circle_id, m.membership.role))
            .collect();
        let names: Vec<String> = circles.iter().map(|(_, n)| n.clone()).collect();
        let roles: Vec<String> = CircleRole::ALL
            .iter()
            .map(|r| r.label().to_owned())
            .collect();
        // The first circle the person is not in yet: the role most often given is a new one.
        let first_circle = circles
            .iter()
            .find(|(id, _)| !held.iter().any(|(h, _)| h == id))
            .map_or_else(|| names[0].clone(), |(_, n)| n.clone());
        // Most roles given are membre actif·ve; co-référent·e is the choice that is thought over.
        let first_role = CircleRole::MembreActif.label().to_owned();
        let name = detail.person.display_name();
        let form = Form::new(mm::give_role_title(&name), today, theme)
            .field(
                CIRCLE,
                mm::FIELD_CIRCLE,
                FieldKind::Pick(names),
                true,
                &first_circle,
            )
            .field(
                ROLE,
                mm::FIELD_ROLE,
                FieldKind::Pick(roles),
                true,
                &first_role,
            )
            .field(
                SINCE,
                mm::FIELD_SINCE,
                FieldKind::PastDate,
                true,
                &format_date(today),
            )
            .field(TERM_END, mm::FIELD_TERM_END, FieldKind::Date, false, "");
        Ok(Self::open(
            detail,
            RoleAction::Give { circles, held },
            form,
            mm::ROLE_HINT,
            today,
        ))
    }

    /// The person's current roles, co-référent·e ones first.
    fn current_roles(detail: &PersonDetail) -> Vec<RoleOption> {
        let mut roles: Vec<RoleOption> = detail
            .memberships
            .iter()
            .filter(|m| m.current)
            .map(|m| RoleOption {
                label: mm::role_choice(&m.circle_name, m.membership.role.label()),
                membership_id: m.membership.id,
                version: m.membership.version,
                circle_name: m.circle_name.clone(),
                role: m.membership.role,
                term_end: m.membership.term_end,
            })
            .collect();
        roles.sort_by_key(|r| r.role != CircleRole::CoReferent);
        roles
    }

    /// The current roles to choose from and their labels; at least one, or the message saying
    /// the person has none.
    fn role_choice(detail: &PersonDetail) -> Result<(Vec<RoleOption>, Vec<String>), String> {
        let roles = Self::current_roles(detail);
        if roles.is_empty() {
            return Err(mm::no_current_role(&detail.person.display_name()));
        }
        let labels = roles.iter().map(|r| r.label.clone()).collect();
        Ok((roles, labels))
    }

    /// Renew a term, or change or remove its end: the role goes on, its start unchanged. The
    /// end offered is the one the first role has now.
    pub fn term(
        detail: &PersonDetail,
        today: NaiveDate,
        theme: Theme,
    ) -> Result<MemberEditor, String> {
        let name = detail.person.display_name();
        let (roles, labels) = Self::role_choice(detail)?;
        let end = roles[0].term_end.map(format_date).unwrap_or_default();
        let first = roles[0].label.clone();
        let mut form = Form::new(mm::term_title(&name), today, theme)
            .field(
                MEMBERSHIP,
                mm::FIELD_ROLE_OF_TERM,
                FieldKind::Pick(labels),
                true,
                &first,
            )
            .field(TERM_END, mm::FIELD_TERM_END, FieldKind::Date, false, &end);
        // The date is what is typed here; the role, when there are several, is Shift-Tab away.
        form.focus_next();
        Ok(Self::open(
            detail,
            RoleAction::Term { roles },
            form,
            mm::TERM_HINT,
            today,
        ))
    }

    /// End one of the person's current roles; until defaults to today.
    pub fn end(
        detail: &PersonDetail,
        today: NaiveDate,
        theme: Theme,
    ) -> Result<MemberEditor, String> {
        let name = detail.person.display_name();
        let (roles, labels) = Self::role_choice(detail)?;
        let first = roles[0].label.clone();
        let form = Form::new(mm::end_role_title(&name), today, theme)
            .field(
                MEMBERSHIP,
                mm::FIELD_ROLE_TO_END,
                FieldKind::Pick(labels),
                true,
                &first,
            )
            .field(
                UNTIL,
                mm::FIELD_UNTIL,
                FieldKind::PastDate,
                true,
                &format_date(today),
            );
        Ok(Self::open(
            detail,
            RoleAction::End { roles },
            form,
            mm::END_HINT,
            today,
        ))
    }

    /// The person leaves the network on a date (today by default); history stays.
    pub fn leave(
        detail: &PersonDetail,
        today: NaiveDate,
        theme: Theme,
    ) -> Result<MemberEditor, String> {
        let name = detail.person.display_name();
        if detail.person.left_on.is_some() {
            return Err(mm::has_left(&name));
        }
        let form = Form::new(mm::leave_title(&name), today, theme).field(
            LEFT_ON,
            mm::FIELD_LEFT_ON,
            FieldKind::PastDate,
            true,
            &format_date(today),
        );
        Ok(Self::open(
            detail,
            RoleAction::Leave,
            form,
            mm::LEAVE_EXPLAIN,
            today,
        ))
    }

    fn open(
        detail: &PersonDetail,
        action: RoleAction,
        form: Form,
        hint: &'static str,
        today: NaiveDate,
    ) -> MemberEditor {
        let record = RoleRecord {
            person_id: detail.person.id,
            person_version: detail.person.version,
            person_name: detail.person.display_name(),
            action,
            today,
        };
        Editor::open(form, record, detail.person.version).with_hint(hint)
    }
}

impl RoleRecord {
    fn date(&self, form: &Form, key: &str) -> Option<NaiveDate> {
        parse_date(&form.value(key), self.today).ok()
    }

    /// Write through the store (after the form's checks); the confirmation to show.
    fn submit(&self, store: &mut Store, form: &Form) -> Result<String, StoreError> {
        let name = &self.person_name;
        let missing = || StoreError::Invalid(crate::catalogue::tui::FORM_HAS_ERRORS.to_owned());
        match &self.action {
            RoleAction::Give { circles, held } => {
                let circle = form.value(CIRCLE);
                let (circle_id, circle_name) = circles
                    .iter()
                    .find(|(_, n)| *n == circle)
                    .ok_or_else(missing)?;
                let role_label = form.value(ROLE);
                let role = CircleRole::ALL
                    .into_iter()
                    .find(|r| r.label() == role_label)
                    .ok_or_else(missing)?;
                let since = self.date(form, SINCE).ok_or_else(missing)?;
                let term_end = self.date(form, TERM_END);
                store.give_role(self.person_id, *circle_id, role, since, term_end)?;
                let given = mm::role_given(name, role.label(), circle_name, &format_date(since));
                // A change of role in a circle ends the former one: said, not silent.
                Ok(
                    match held.iter().find(|(c, r)| c == circle_id && *r != role) {
                        Some((_, former)) => mm::role_replaced(&given, former.label()),
                        None => given,
                    },
                )
            }
            RoleAction::End { roles } => {
                let chosen = form.value(MEMBERSHIP);
                let option = roles
                    .iter()
                    .find(|r| r.label == chosen)
                    .ok_or_else(missing)?;
                let until = self.date(form, UNTIL).ok_or_else(missing)?;
                store.end_role(option.membership_id, option.version, until)?;
                Ok(mm::role_ended(
                    name,
                    option.role.label(),
                    &option.circle_name,
                    &format_date(until),
                ))
            }
            RoleAction::Term { roles } => {
                let chosen = form.value(MEMBERSHIP);
                let option = roles
                    .iter()
                    .find(|r| r.label == chosen)
                    .ok_or_else(missing)?;
                let end = self.date(form, TERM_END);
                store.set_term_end(option.membership_id, option.version, end)?;
                Ok(mm::term_set(
                    name,
                    option.role.label(),
                    &option.circle_name,
                    end.map(format_date).as_deref(),
                ))
            }
            RoleAction::Leave => {
                let on = self.date(form, LEFT_ON).ok_or_else(missing)?;
                store.set_person_left(self.person_id, self.person_version, Some(on))?;
                Ok(mm::person_left(name, &format_date(on)))
            }
        }
    }

    /// After a conflict: the versions the form saves against, read again, what was typed kept.
    fn refresh_versions(&mut self, store: &Store) -> Result<(), StoreError> {
        if let RoleAction::End { roles } | RoleAction::Term { roles } = &mut self.action {
            for r in roles.iter_mut() {
                if let Some(m) = store.membership(r.membership_id)? {
                    r.version = m.version;
                    r.term_end = m.term_end;
                }
            }
        }
        if let Some(detail) = store.person(self.person_id)? {
            self.person_version = detail.person.version;
        }
        Ok(())
    }
}

impl Record for RoleRecord {
    type Then = i64;

    fn save(&mut self, store: &mut Store, form: &Form, _: i64) -> Result<Saved<i64>, SaveError> {
        let text = self.submit(store, form)?;
        Ok(Saved::new(text, self.person_id))
    }

    /// Nothing to merge: a conflict reads the versions again (see `refresh`).
    fn current(&self, _: &Store) -> Current {
        Current::New
    }

    fn words(&self) -> &'static Words {
        &ROLE_WORDS
    }

    /// A term saved as it was: nothing to write (and no journal entry for it).
    fn saves_unchanged(&self) -> bool {
        !matches!(self.action, RoleAction::Term { .. })
    }

    fn refresh(&mut self, store: &Store) -> Option<Result<(), StoreError>> {
        Some(self.refresh_versions(store))
    }

    /// A refusal of the store naming no field (a closed circle…) is said, not put under one.
    fn main_field(&self, _: &Form) -> Option<&'static str> {
        None
    }
}

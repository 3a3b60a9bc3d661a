//! `cercles users`: who may open the base, with which role, linked to which person.

use std::path::Path;

use super::args::{Cli, UsersCommand};
use super::session::{CliError, open_store};
use crate::catalogue::cli as msg;
use crate::catalogue::store as store_msg;
use crate::store::{StoreError, users};

pub(super) fn run(cli: &Cli, path: &Path, action: &UsersCommand) -> Result<(), CliError> {
    let mut store = open_store(cli, path)?;
    let role = store.actor().role;
    if role != crate::model::Role::Admin {
        return Err(match action {
            UsersCommand::List => StoreError::AdminOnly {
                role,
                what: store_msg::WHAT_USERS_LIST,
            },
            _ => StoreError::Forbidden {
                role,
                area: crate::model::Area::Users,
            },
        }
        .into());
    }
    match action {
        UsersCommand::List => {
            say!("{}", msg::users_header());
            for u in store.users()? {
                // The linked person by name, with the id `users link` accepts.
                let person = match u.person_id {
                    Some(id) => match store.person(id)? {
                        Some(detail) => format!("{} ({id})", detail.person.display_name()),
                        None => id.to_string(),
                    },
                    None => String::new(),
                };
                say!(
                    "{}\t{}\t{}",
                    u.name,
                    u.role.label(),
                    crate::text::escape_for_terminal(&person)
                );
            }
        }
        UsersCommand::Add { name, role, person } => {
            let role = users::parse_role(role).map_err(|e| CliError::Usage(e.to_string()))?;
            let person = person
                .as_deref()
                .map(|p| store.resolve_person(p))
                .transpose()?;
            let user = store.add_user(name, role, person.as_ref().map(|p| p.id))?;
            say!("{}", msg::user_added(&user.name, role.label()));
            if let Some(p) = person {
                say!(
                    "{}",
                    crate::text::escape_for_terminal(&msg::user_linked(
                        &user.name,
                        &p.display_name(),
                        p.id
                    ))
                );
            }
        }
        UsersCommand::Link { name, person } => {
            let person = store.resolve_person(person)?;
            let user = store.link_user(name, Some(person.id))?;
            if let Some(left) = person.left_on {
                eprintln!(
                    "{}",
                    crate::text::escape_for_terminal(&msg::linked_person_left(
                        &person.display_name(),
                        &crate::model::format_date(left)
                    ))
                );
            }
            say!(
                "{}",
                crate::text::escape_for_terminal(&msg::user_linked(
                    &user.name,
                    &person.display_name(),
                    person.id
                ))
            );
        }
        UsersCommand::Role { name, role } => {
            let role = users::parse_role(role).map_err(|e| CliError::Usage(e.to_string()))?;
            let user = store.set_user_role(name, role)?;
            say!("{}", msg::user_role_set(&user.name, role.label()));
        }
        UsersCommand::Remove { name } => {
            store.remove_user(name)?;
            say!("{}", msg::user_removed(name));
        }
    }
    Ok(())
}

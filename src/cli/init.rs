//! `cercles init`: a new base (or the demo network), or an existing one brought up to date.

use std::path::Path;

use super::args::Cli;
use super::session::{CliError, create_default_folder, database_named, open_store};
use crate::catalogue::store as store_msg;
use crate::store::{Store, StoreError, users};

pub(super) fn run(cli: &Cli, path: &Path, demo: bool, scale: u32) -> Result<(), CliError> {
    if !database_named(cli) {
        create_default_folder(path)?;
    }
    if path.exists() {
        return init_existing(cli, path, demo);
    }
    let admin = users::os_user_name()?;
    let created = if demo {
        crate::demo::build_scaled(path, &admin, scale)
    } else {
        Store::create(path, &admin)
    };
    match created {
        Ok(()) if demo => say!("{}", store_msg::created_demo(path)),
        Ok(()) => say!("{}", store_msg::created(path)),
        // Another `init` put its database there while this one built its own (which is
        // thrown away): the file exists now, so the answer is the one a second init gives.
        Err(StoreError::AlreadyExists(_)) => return init_existing(cli, path, demo),
        Err(e) => return Err(e.into()),
    }
    Ok(())
}

/// `init` on a file that exists: an older schema is brought up to date (by an admin), a
/// current one is left as it is, anything else is refused.
fn init_existing(cli: &Cli, path: &Path, demo: bool) -> Result<(), CliError> {
    if demo {
        return Err(CliError::Failed(store_msg::DEMO_ON_EXISTING.into()));
    }
    // Opening as an admin upgrades an older schema; anyone else is refused. The file is
    // read only through the store, which checks it is ours before SQLite opens it.
    let store = open_store(cli, path)?;
    if store.is_newer_schema() {
        // Newer than this binary: nothing to upgrade, and "up to date" would be a lie.
        return Err(StoreError::ReadOnly.into());
    }
    let after = store.file_schema_version()?;
    match store.upgraded_from() {
        Some(b) if b < after => say!("{}", store_msg::upgraded(path, b, after)),
        _ => say!("{}", store_msg::up_to_date(path)),
    }
    Ok(())
}

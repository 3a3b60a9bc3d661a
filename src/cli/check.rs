//! `cercles check` (the journal's chain, against a head kept elsewhere) and `cercles backup`.

use std::path::Path;

use super::args::Cli;
use super::session::{CliError, open_store};
use crate::catalogue::store as store_msg;

/// `check [--head N:EMPREINTE]`: the journal's chain is whole, and still holds the head kept.
pub(super) fn run_check(cli: &Cli, path: &Path, head: Option<&str>) -> Result<(), CliError> {
    // A malformed head is a usage error (exit 2), said before the file is opened.
    let head: Option<crate::store::check::Head> =
        head.map(str::parse).transpose().map_err(CliError::Usage)?;
    let store = open_store(cli, path)?;
    match store.check_against(head.as_ref())? {
        Ok(checked) => {
            say!("{}", store_msg::check_ok(path, checked.entries));
            if let Some(kept) = &head {
                say!("{}", store_msg::head_still_there(kept));
            }
            if let Some(h) = checked.head {
                say!("{}", store_msg::journal_head(&h));
            }
            Ok(())
        }
        Err(problem) => Err(CliError::Failed(problem)),
    }
}

/// `backup FICHIER`: a copy of the whole base, never to standard output.
pub(super) fn run_backup(cli: &Cli, path: &Path, file: &Path) -> Result<(), CliError> {
    if file == Path::new("-") {
        return Err(CliError::Usage(store_msg::BACKUP_NOT_STDOUT.into()));
    }
    check_parent_folder(file)?;
    let store = open_store(cli, path)?;
    let head = store.backup(file)?;
    say!("{}", store_msg::backup_done(file));
    if let Some(h) = head {
        say!("{}", store_msg::journal_head(&h));
    }
    Ok(())
}

/// A file to be written in a folder that does not exist: said as such, where the system
/// would only say "not found", which reads as if the file itself were expected.
pub(crate) fn check_parent_folder(file: &Path) -> Result<(), CliError> {
    match file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() && !parent.is_dir() => Err(
            CliError::Failed(store_msg::file_error(file, store_msg::IO_NO_FOLDER)),
        ),
        _ => Ok(()),
    }
}

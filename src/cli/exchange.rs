//! `cercles import` and `cercles export`: files in and out, through `crate::exchange`.

use std::path::Path;

use super::args::{Cli, ExportFormat, ExportKind, ImportKind};
use super::check::check_parent_folder;
use super::session::{CliError, open_store, write_stdout};
use crate::catalogue::cli as msg;
use crate::catalogue::{exchange as exchange_msg, store as store_msg};
use crate::exchange::Format;
use crate::store::StoreError;

/// The largest file an import reads: far above any real members or bank file (200 000
/// members), and low enough that a wrong file (a disk image, `/dev/zero`) can neither eat the
/// shared server's memory nor hold the base for minutes while others wait to save.
const MAX_IMPORT_BYTES: u64 = 16 * 1024 * 1024;

/// The bytes of FILE, or of stdin for `-`; a FIFO, a device or an oversized input is refused.
fn read_input(file: &str) -> Result<Vec<u8>, CliError> {
    use std::io::Read;
    let io_failed = |e: &std::io::Error| {
        CliError::Failed(store_msg::file_error(
            Path::new(file),
            &crate::catalogue::store::io_error(e),
        ))
    };
    let mut bytes = Vec::new();
    let read = if file == "-" {
        std::io::stdin()
            .take(MAX_IMPORT_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| {
                CliError::Failed(msg::stdin_unreadable(&crate::catalogue::store::io_error(
                    &e,
                )))
            })?
    } else {
        let meta = std::fs::metadata(file).map_err(|e| io_failed(&e))?;
        if meta.is_dir() {
            return Err(CliError::Failed(store_msg::file_error(
                Path::new(file),
                store_msg::IO_DIRECTORY,
            )));
        }
        if !meta.is_file() {
            return Err(CliError::Failed(store_msg::file_error(
                Path::new(file),
                store_msg::NOT_A_REGULAR_FILE,
            )));
        }
        std::fs::File::open(file)
            .and_then(|f| f.take(MAX_IMPORT_BYTES + 1).read_to_end(&mut bytes))
            .map_err(|e| io_failed(&e))?
    };
    if read as u64 > MAX_IMPORT_BYTES {
        return Err(CliError::Failed(exchange_msg::too_big(
            MAX_IMPORT_BYTES / (1024 * 1024),
        )));
    }
    Ok(bytes)
}

/// How many lines an import lists one by one (added in a trial, or skipped) before it says
/// how many more there are: a file of two million copies of one line must not print them.
const LISTED_LINES: usize = 20;

/// The first lines of a list, one by one, then how many more.
fn list_lines(lines: &[(u64, String)], text: fn(u64, &str) -> String) -> Result<(), CliError> {
    for (line, name) in lines.iter().take(LISTED_LINES) {
        say!("{}", crate::text::escape_for_terminal(&text(*line, name)));
    }
    if lines.len() > LISTED_LINES {
        say!(
            "{}",
            exchange_msg::and_more_lines(lines.len() - LISTED_LINES)
        );
    }
    Ok(())
}

pub(super) fn run_import(
    cli: &Cli,
    path: &Path,
    kind: ImportKind,
    file: &str,
    dry_run: bool,
    (keep_duplicates, account): (bool, Option<&str>),
) -> Result<(), CliError> {
    let mut store = open_store(cli, path)?;
    let bytes = read_input(file)?;
    match kind {
        ImportKind::Transactions => {
            use crate::catalogue::ledger as lmsg;
            let o = crate::exchange::transactions_in::import_transactions(
                &mut store,
                &bytes,
                account,
                keep_duplicates,
                dry_run,
            )?;
            let (added, matched, dups) = (o.added, o.matched, o.duplicates.len());
            if dry_run {
                say!("{}", lmsg::import_dry_run(added, matched, dups));
            } else {
                say!("{}", lmsg::import_done(added, matched, dups));
            }
            list_lines(&o.duplicates, lmsg::duplicate_line)?;
        }
        ImportKind::Members => {
            let outcome = crate::exchange::members::import_members(&mut store, &bytes, dry_run)?;
            let (added, skipped, roles) =
                (outcome.added.len(), outcome.skipped.len(), outcome.roles);
            if dry_run {
                say!("{}", exchange_msg::import_dry_run(added, roles, skipped));
                for (line, name) in outcome.added.iter().take(LISTED_LINES) {
                    say!(
                        "{}",
                        crate::text::escape_for_terminal(&exchange_msg::would_add(*line, name))
                    );
                }
                if added > LISTED_LINES {
                    say!("{}", exchange_msg::and_more_lines(added - LISTED_LINES));
                }
            } else {
                say!("{}", exchange_msg::import_done(added, roles, skipped));
            }
            // Which lines were left out, and why: their email or roles were not taken.
            for s in outcome.skipped.iter().take(LISTED_LINES) {
                say!(
                    "{}",
                    crate::text::escape_for_terminal(&exchange_msg::skipped_line(
                        s.line,
                        &s.name,
                        &s.existing,
                        s.by_email,
                        s.earlier_line
                    ))
                );
            }
            if skipped > LISTED_LINES {
                say!("{}", exchange_msg::and_more_lines(skipped - LISTED_LINES));
            }
        }
        ImportKind::Collectives => {
            use crate::catalogue::collectives as cmsg;
            let outcome =
                crate::exchange::collectives::import_collectives(&mut store, &bytes, dry_run)?;
            let (added, skipped) = (outcome.added.len(), outcome.skipped.len());
            if dry_run {
                say!("{}", cmsg::import_dry_run(added, skipped));
                list_lines(&outcome.added, cmsg::would_add)?;
            } else {
                say!("{}", cmsg::import_done(added, skipped));
            }
            list_lines(&outcome.skipped, cmsg::skipped_line)?;
        }
    }
    Ok(())
}

pub(super) fn run_export(
    cli: &Cli,
    path: &Path,
    kind: ExportKind,
    format: Option<ExportFormat>,
    output: Option<&Path>,
    year: Option<i32>,
) -> Result<(), CliError> {
    let store = open_store(cli, path)?;
    // Without --format, the output file's extension says it: `-o membres.json` is JSON.
    let json_by_name = output
        .and_then(Path::extension)
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let format = match format {
        Some(ExportFormat::Json) => Format::Json,
        Some(ExportFormat::Csv) => Format::Csv,
        None if json_by_name => Format::Json,
        None => Format::Csv,
    };
    let (bytes, rows) = match kind {
        ExportKind::Members => crate::exchange::members::export_members(&store, format)?,
        ExportKind::Collectives => {
            crate::exchange::collectives::export_collectives(&store, format)?
        }
        ExportKind::Map => crate::exchange::collectives::export_map(&store, format)?,
        ExportKind::Events => crate::exchange::events::export_events(&store, format, year)?,
        ExportKind::Transactions => {
            let year = year.ok_or_else(|| CliError::Failed(msg::YEAR_REQUIRED.into()))?;
            crate::exchange::transactions::export_transactions(&store, format, year)?
        }
    };
    // Contacts left out for a role that may not see them: said, so that the blank columns
    // are not taken for people without contacts (nor imported back as such). The map holds
    // none.
    if !matches!(
        kind,
        ExportKind::Map | ExportKind::Events | ExportKind::Transactions
    ) && !store.actor().role.sees_contacts()
    {
        eprintln!(
            "{}",
            exchange_msg::contacts_left_out(store.actor().role.label())
        );
    }
    match output {
        Some(file) if file != Path::new("-") => {
            write_new_file(file, &bytes)?;
            let shown = file.display().to_string();
            let said = match kind {
                ExportKind::Members => exchange_msg::exported(rows, &shown),
                ExportKind::Collectives | ExportKind::Map => {
                    crate::catalogue::collectives::exported(rows, &shown)
                }
                ExportKind::Events => crate::catalogue::events::exported(rows, &shown),
                ExportKind::Transactions => crate::catalogue::ledger::exported(rows, &shown),
            };
            eprintln!("{}", crate::text::escape_for_terminal(&said));
        }
        _ => write_stdout(&bytes, false)?,
    }
    Ok(())
}

/// Write an export to a new file, as `backup` does: an existing file is never replaced (it may
/// be last month's export, or anything else), the file is private (0600: it holds personal
/// contact details), and a write that fails half-way leaves no half file behind.
fn write_new_file(file: &Path, bytes: &[u8]) -> Result<(), CliError> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let failed = |e: &std::io::Error| {
        CliError::Failed(store_msg::file_error(
            file,
            &crate::catalogue::store::io_error(e),
        ))
    };
    if file.is_dir() {
        return Err(CliError::Failed(store_msg::file_error(
            file,
            store_msg::IO_DIRECTORY,
        )));
    }
    check_parent_folder(file)?;
    let mut out = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(file)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => StoreError::AlreadyExists(file.into()).into(),
            _ => failed(&e),
        })?;
    if let Err(e) = out.write_all(bytes).and_then(|()| out.sync_all()) {
        drop(out);
        let _ = std::fs::remove_file(file);
        return Err(failed(&e));
    }
    Ok(())
}

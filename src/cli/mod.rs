//! The command line: the dispatch of subcommands, one file per family of them. The clap
//! definitions are in `args`, what every subcommand shares in `session`.

/// `println!` that never panics: a closed pipe ends the run quietly (see
/// [`CliError::StdoutClosed`]), any other write error is one French line.
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::cli::session::write_stdout(format!($($arg)*).as_bytes(), true)?
    };
}

use clap::Parser;

use crate::catalogue::cli as msg;

mod args;
mod check;
mod exchange;
mod init;
mod launch;
mod report;
mod session;
mod users;

pub use args::{Cli, Command, ExportFormat, ExportKind, ImportKind, UsersCommand};
pub use session::{CliError, database_named, database_path, open_store};

/// Run a parsed command line. Returns what to print on stdout.
pub fn run(cli: Cli) -> Result<(), CliError> {
    match run_command(cli) {
        // Nothing to say: the reader of our output is gone, and so is whoever would read it.
        Err(CliError::StdoutClosed) => std::process::exit(0),
        other => other,
    }
}

fn run_command(cli: Cli) -> Result<(), CliError> {
    // Read once, before anything else: a bad key stops every command, not only the UI.
    let config = crate::config::load().map_err(|e| CliError::Failed(e.0))?;
    let path = database_path(&cli)?;
    match &cli.command {
        None => launch::open_ui(&cli, &path, &config),
        Some(Command::Init { demo, scale }) => init::run(&cli, &path, *demo, scale.unwrap_or(1)),
        Some(Command::Check { head }) => check::run_check(&cli, &path, head.as_deref()),
        Some(Command::Backup { file }) => check::run_backup(&cli, &path, file),
        Some(Command::Users { action }) => users::run(&cli, &path, action),
        Some(Command::Import {
            kind,
            file,
            dry_run,
            keep_duplicates,
            account,
        }) => exchange::run_import(
            &cli,
            &path,
            *kind,
            file,
            *dry_run,
            (*keep_duplicates, account.as_deref()),
        ),
        Some(Command::Report {
            kind,
            year,
            format,
            with_pending,
        }) => report::run(&cli, &path, *kind, *year, *format, *with_pending),
        Some(Command::Export {
            kind,
            format,
            output,
            year,
        }) => exchange::run_export(&cli, &path, *kind, *format, output.as_deref(), *year),
    }
}

/// Parse the command line; help is printed and usage errors are turned into French lines.
pub fn parse() -> Result<Cli, CliError> {
    use clap::error::{ContextKind, ErrorKind};
    match Cli::try_parse() {
        Ok(cli) => check_combination(cli),
        Err(e) => match e.kind() {
            ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
                let _ = e.print();
                std::process::exit(
                    if e.kind() != ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                        0
                    } else {
                        2
                    },
                );
            }
            kind => {
                let context = |k| e.get(k).map(|v| v.to_string()).unwrap_or_default();
                let line = match kind {
                    ErrorKind::UnknownArgument => {
                        msg::unknown_argument(&context(ContextKind::InvalidArg))
                    }
                    ErrorKind::InvalidSubcommand => {
                        msg::unknown_command(&context(ContextKind::InvalidSubcommand))
                    }
                    ErrorKind::MissingRequiredArgument => {
                        msg::missing_argument(&context(ContextKind::InvalidArg))
                    }
                    ErrorKind::InvalidValue if context(ContextKind::InvalidValue).is_empty() => {
                        msg::missing_value(&context(ContextKind::InvalidArg))
                    }
                    ErrorKind::ArgumentConflict => {
                        msg::repeated_argument(&context(ContextKind::InvalidArg))
                    }
                    ErrorKind::InvalidValue | ErrorKind::ValueValidation => msg::bad_value(
                        &context(ContextKind::InvalidArg),
                        &context(ContextKind::InvalidValue),
                        &context(ContextKind::ValidValue),
                    ),
                    _ => msg::BAD_USAGE.to_string(),
                };
                Err(CliError::Usage(crate::text::escape_for_terminal(&line)))
            }
        },
    }
}

/// Options that parse but mean nothing together are a usage error, not silently ignored.
fn check_combination(cli: Cli) -> Result<Cli, CliError> {
    if cli.demo && cli.command.is_some() {
        return Err(CliError::Usage(msg::DEMO_WITH_COMMAND.into()));
    }
    if cli.actor.is_some() && matches!(cli.command, Some(Command::Init { .. })) {
        return Err(CliError::Usage(msg::AS_WITH_INIT.into()));
    }
    Ok(cli)
}

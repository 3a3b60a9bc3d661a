//! The command line: clap definitions (help in French) and the dispatch of subcommands, one
//! file per family of subcommands.

use std::path::{Path, PathBuf};

use clap::{ArgAction, Parser, Subcommand};

use crate::catalogue::{cli as msg, exchange as exchange_msg, store as store_msg};
use crate::store::{Store, StoreError};

/// `println!` that never panics: a closed pipe ends the run quietly (see
/// [`CliError::StdoutClosed`]), any other write error is one French line.
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::cli::write_stdout(format!($($arg)*).as_bytes(), true)?
    };
}

mod check;
mod exchange;
mod init;
mod users;

#[derive(Debug, Parser)]
#[command(
    name = "cercles",
    version,
    about = msg::ABOUT,
    override_usage = msg::USAGE,
    help_template = msg::HELP_TEMPLATE,
    subcommand_help_heading = msg::HEADING_COMMANDS,
    next_help_heading = msg::HEADING_OPTIONS,
    disable_help_flag = true,
    disable_help_subcommand = true,
    disable_version_flag = true
)]
pub struct Cli {
    #[arg(long, global = true, value_name = "FICHIER", env = "CERCLES_DB", hide_env = true, help = msg::ARG_DB)]
    pub db: Option<PathBuf>,
    #[arg(long = "as", global = true, value_name = "NOM", help = msg::ARG_AS)]
    pub actor: Option<String>,
    #[arg(long, help = msg::ARG_DEMO_UI)]
    pub demo: bool,
    #[arg(short = 'h', long, global = true, action = ArgAction::Help, help = msg::ARG_HELP)]
    help: Option<bool>,
    #[arg(short = 'V', long, action = ArgAction::Version, help = msg::ARG_VERSION)]
    version: Option<bool>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    #[command(about = msg::CMD_INIT, override_usage = msg::USAGE_INIT, help_template = msg::SUB_HELP_TEMPLATE, next_help_heading = msg::HEADING_OPTIONS)]
    Init {
        #[arg(long, help = msg::ARG_INIT_DEMO)]
        demo: bool,
        #[arg(long, value_name = "N", requires = "demo", value_parser = clap::value_parser!(u32).range(1..=1000), help = msg::ARG_SCALE)]
        scale: Option<u32>,
    },
    #[command(about = msg::CMD_CHECK, override_usage = msg::USAGE_CHECK, help_template = msg::SUB_HELP_TEMPLATE, next_help_heading = msg::HEADING_OPTIONS)]
    Check {
        #[arg(long, value_name = "N:EMPREINTE", help = msg::ARG_HEAD)]
        head: Option<String>,
    },
    #[command(about = msg::CMD_BACKUP, override_usage = msg::USAGE_BACKUP, help_template = msg::SUB_HELP_TEMPLATE, next_help_heading = msg::HEADING_OPTIONS)]
    Backup {
        #[arg(value_name = "FICHIER", help = msg::ARG_BACKUP_FILE)]
        file: PathBuf,
    },
    #[command(about = msg::CMD_IMPORT, override_usage = msg::USAGE_IMPORT, help_template = msg::SUB_HELP_TEMPLATE, next_help_heading = msg::HEADING_OPTIONS)]
    Import {
        #[arg(value_enum, hide_possible_values = true, value_name = "TYPE", help = msg::ARG_IMPORT_KIND)]
        kind: ImportKind,
        #[arg(value_name = "FICHIER", help = msg::ARG_IMPORT_FILE)]
        file: String,
        #[arg(long, help = msg::ARG_DRY_RUN)]
        dry_run: bool,
    },
    #[command(about = msg::CMD_EXPORT, override_usage = msg::USAGE_EXPORT, help_template = msg::SUB_HELP_TEMPLATE, next_help_heading = msg::HEADING_OPTIONS)]
    Export {
        #[arg(value_enum, hide_possible_values = true, value_name = "TYPE", help = msg::ARG_EXPORT_KIND)]
        kind: ExportKind,
        #[arg(long, value_enum, ignore_case = true, hide_possible_values = true, value_name = "FORMAT", help = msg::ARG_FORMAT)]
        format: Option<ExportFormat>,
        #[arg(short = 'o', long = "output", value_name = "FICHIER", help = msg::ARG_OUTPUT)]
        output: Option<PathBuf>,
    },
    #[command(about = msg::CMD_USERS, override_usage = msg::USAGE_USERS, help_template = msg::SUB_HELP_TEMPLATE, subcommand_help_heading = msg::HEADING_COMMANDS, next_help_heading = msg::HEADING_OPTIONS)]
    Users {
        #[command(subcommand)]
        action: UsersCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum UsersCommand {
    #[command(about = msg::CMD_USERS_LIST, override_usage = msg::USAGE_USERS_LIST, help_template = msg::SUB_HELP_TEMPLATE)]
    List,
    #[command(about = msg::CMD_USERS_ADD, override_usage = msg::USAGE_USERS_ADD, help_template = msg::SUB_HELP_TEMPLATE, next_help_heading = msg::HEADING_OPTIONS)]
    Add {
        #[arg(value_name = "NOM", help = msg::ARG_USER_NAME)]
        name: String,
        #[arg(long, value_name = "RÔLE", help = msg::ARG_ROLE)]
        role: String,
        #[arg(long, value_name = "PERSONNE", help = msg::ARG_PERSON)]
        person: Option<String>,
    },
    #[command(about = msg::CMD_USERS_LINK, override_usage = msg::USAGE_USERS_LINK, help_template = msg::SUB_HELP_TEMPLATE)]
    Link {
        #[arg(value_name = "NOM", help = msg::ARG_USER_NAME)]
        name: String,
        #[arg(value_name = "PERSONNE", help = msg::ARG_PERSON)]
        person: String,
    },
    #[command(about = msg::CMD_USERS_ROLE, override_usage = msg::USAGE_USERS_ROLE, help_template = msg::SUB_HELP_TEMPLATE)]
    Role {
        #[arg(value_name = "NOM", help = msg::ARG_USER_NAME)]
        name: String,
        #[arg(value_name = "RÔLE", help = msg::ARG_ROLE)]
        role: String,
    },
    #[command(about = msg::CMD_USERS_REMOVE, override_usage = msg::USAGE_USERS_REMOVE, help_template = msg::SUB_HELP_TEMPLATE)]
    Remove {
        #[arg(value_name = "NOM", help = msg::ARG_USER_NAME)]
        name: String,
    },
}

/// What `cercles import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportKind {
    Members,
}

/// What `cercles export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportKind {
    Members,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Csv,
    Json,
}

/// An error of a command: one line for stderr, and whether it was a usage error (exit 2).
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Usage(String),
    #[error("{0}")]
    Failed(String),
    #[error("{0}")]
    Exchange(#[from] crate::exchange::ExchangeError),
    /// Whoever read our standard output went away (`cercles export members | head -1`): not an
    /// error of ours; the run ends quietly, as ripgrep and friends do.
    #[error("")]
    StdoutClosed,
}

/// Write to standard output (and a line end with `newline`), flushed.
pub(crate) fn write_stdout(bytes: &[u8], newline: bool) -> Result<(), CliError> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| {
            if newline {
                out.write_all(b"\n")
            } else {
                Ok(())
            }
        })
        .and_then(|()| out.flush())
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                CliError::StdoutClosed
            } else {
                CliError::Failed(exchange_msg::export_failed(&crate::store::open::io_fr(&e)))
            }
        })
}

impl CliError {
    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::Usage(_) => 2,
            _ => 1,
        }
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

/// The database file: `--db`, else `$CERCLES_DB` (both through clap), else the data directory.
pub fn database_path(cli: &Cli) -> Result<PathBuf, CliError> {
    if let Some(p) = &cli.db {
        return Ok(p.clone());
    }
    directories::ProjectDirs::from("", "", "cercles")
        .map(|d| d.data_dir().join("cercles.db"))
        .ok_or_else(|| CliError::Failed(msg::NO_DATA_DIR.into()))
}

/// Whether the database was named (`--db` or `$CERCLES_DB`): a named file that does not exist
/// is refused, and `init` makes no folder for it; only the default one is created as needed.
pub fn database_named(cli: &Cli) -> bool {
    cli.db.is_some()
}

/// The folder of the default database (the data directory), made on first use, private.
pub(crate) fn create_default_folder(path: &Path) -> Result<(), CliError> {
    use std::os::unix::fs::DirBuilderExt;
    match path.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(dir) if !dir.is_dir() => std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(|e| {
                CliError::Failed(store_msg::file_error(dir, &crate::store::open::io_fr(&e)))
            }),
        _ => Ok(()),
    }
}

fn actor_name(cli: &Cli) -> Result<String, CliError> {
    match &cli.actor {
        Some(a) => Ok(a.clone()),
        None => Ok(crate::store::users::os_user_name()?),
    }
}

/// Open the database as the actor; warn (stderr) when it opens read-only.
pub fn open_store(cli: &Cli, path: &Path) -> Result<Store, CliError> {
    let store = Store::open(path, &actor_name(cli)?)?;
    if store.is_newer_schema() {
        let found = store.file_schema_version().unwrap_or(0);
        eprintln!(
            "{}{}",
            msg::READ_ONLY_WARNING_PREFIX,
            store_msg::newer_schema(found, crate::store::open::schema_version())
        );
    }
    Ok(store)
}

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
        None => crate::launch::open_ui(&cli, &path, &config),
        Some(Command::Init { demo, scale }) => init::run(&cli, &path, *demo, scale.unwrap_or(1)),
        Some(Command::Check { head }) => check::run_check(&cli, &path, head.as_deref()),
        Some(Command::Backup { file }) => check::run_backup(&cli, &path, file),
        Some(Command::Users { action }) => users::run(&cli, &path, action),
        Some(Command::Import {
            kind,
            file,
            dry_run,
        }) => exchange::run_import(&cli, &path, *kind, file, *dry_run),
        Some(Command::Export {
            kind,
            format,
            output,
        }) => exchange::run_export(&cli, &path, *kind, *format, output.as_deref()),
    }
}

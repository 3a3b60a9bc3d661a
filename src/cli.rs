//! The command line: clap definitions (help in French) and the dispatch of subcommands.

use std::path::{Path, PathBuf};

use clap::{ArgAction, Parser, Subcommand};

use crate::catalogue::{cli as msg, exchange as exchange_msg, store as store_msg};
use crate::store::{Store, StoreError, users};

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

/// `println!` that never panics: a closed pipe ends the run quietly (see
/// [`CliError::StdoutClosed`]), any other write error is one French line.
macro_rules! say {
    ($($arg:tt)*) => {
        write_stdout(format!($($arg)*).as_bytes(), true)?
    };
}

/// Write to standard output (and a line end with `newline`), flushed.
fn write_stdout(bytes: &[u8], newline: bool) -> Result<(), CliError> {
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
        None => Ok(users::os_user_name()?),
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
        Some(Command::Init { demo, scale }) => init(&cli, &path, *demo, scale.unwrap_or(1)),
        Some(Command::Check { head }) => {
            // A malformed head is a usage error (exit 2), said before the file is opened.
            let head: Option<crate::store::check::Head> = head
                .as_deref()
                .map(str::parse)
                .transpose()
                .map_err(CliError::Usage)?;
            let store = open_store(&cli, &path)?;
            match store.check_against(head.as_ref())? {
                Ok(checked) => {
                    say!("{}", store_msg::check_ok(&path, checked.entries));
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
        Some(Command::Backup { file }) => {
            if file == Path::new("-") {
                return Err(CliError::Usage(store_msg::BACKUP_NOT_STDOUT.into()));
            }
            check_parent_folder(file)?;
            let store = open_store(&cli, &path)?;
            let head = store.backup(file)?;
            say!("{}", store_msg::backup_done(file));
            if let Some(h) = head {
                say!("{}", store_msg::journal_head(&h));
            }
            Ok(())
        }
        Some(Command::Users { action }) => run_users(&cli, &path, action),
        Some(Command::Import {
            kind,
            file,
            dry_run,
        }) => run_import(&cli, &path, *kind, file, *dry_run),
        Some(Command::Export {
            kind,
            format,
            output,
        }) => run_export(&cli, &path, *kind, *format, output.as_deref()),
    }
}

fn init(cli: &Cli, path: &Path, demo: bool, scale: u32) -> Result<(), CliError> {
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

fn run_users(cli: &Cli, path: &Path, action: &UsersCommand) -> Result<(), CliError> {
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
            &crate::store::open::io_fr(e),
        ))
    };
    let mut bytes = Vec::new();
    let read = if file == "-" {
        std::io::stdin()
            .take(MAX_IMPORT_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| CliError::Failed(msg::stdin_unreadable(&crate::store::open::io_fr(&e))))?
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

/// How many lines an import lists one by one (added in a trial, or skipped) before it says
/// how many more there are: a file of two million copies of one line must not print them.
const LISTED_LINES: usize = 20;

fn run_import(
    cli: &Cli,
    path: &Path,
    kind: ImportKind,
    file: &str,
    dry_run: bool,
) -> Result<(), CliError> {
    let mut store = open_store(cli, path)?;
    let bytes = read_input(file)?;
    match kind {
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
    }
    Ok(())
}

fn run_export(
    cli: &Cli,
    path: &Path,
    kind: ExportKind,
    format: Option<ExportFormat>,
    output: Option<&Path>,
) -> Result<(), CliError> {
    let store = open_store(cli, path)?;
    // Without --format, the output file's extension says it: `-o membres.json` is JSON.
    let json_by_name = output
        .and_then(Path::extension)
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let format = match format {
        Some(ExportFormat::Json) => crate::exchange::members::Format::Json,
        Some(ExportFormat::Csv) => crate::exchange::members::Format::Csv,
        None if json_by_name => crate::exchange::members::Format::Json,
        None => crate::exchange::members::Format::Csv,
    };
    let (bytes, rows) = match kind {
        ExportKind::Members => crate::exchange::members::export_members(&store, format)?,
    };
    // Contacts left out for a role that may not see them: said, so that the blank columns
    // are not taken for people without contacts (nor imported back as such).
    if !store.actor().role.sees_contacts() {
        eprintln!(
            "{}",
            exchange_msg::contacts_left_out(store.actor().role.label())
        );
    }
    match output {
        Some(file) if file != Path::new("-") => {
            write_new_file(file, &bytes)?;
            eprintln!(
                "{}",
                crate::text::escape_for_terminal(&exchange_msg::exported(
                    rows,
                    &file.display().to_string()
                ))
            );
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
        CliError::Failed(store_msg::file_error(file, &crate::store::open::io_fr(e)))
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

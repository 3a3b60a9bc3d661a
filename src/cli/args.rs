//! The command line as clap reads it, help in French.

use std::path::PathBuf;

use clap::{ArgAction, Parser, Subcommand};

use crate::catalogue::cli as msg;

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
        #[arg(long, help = msg::ARG_KEEP_DUPLICATES)]
        keep_duplicates: bool,
        #[arg(long, value_name = "N", help = msg::ARG_ACCOUNT)]
        account: Option<String>,
    },
    #[command(about = msg::CMD_EXPORT, override_usage = msg::USAGE_EXPORT, help_template = msg::SUB_HELP_TEMPLATE, next_help_heading = msg::HEADING_OPTIONS)]
    Export {
        #[arg(value_enum, hide_possible_values = true, value_name = "TYPE", help = msg::ARG_EXPORT_KIND)]
        kind: ExportKind,
        #[arg(long, value_enum, ignore_case = true, hide_possible_values = true, value_name = "FORMAT", help = msg::ARG_FORMAT)]
        format: Option<ExportFormat>,
        #[arg(short = 'o', long = "output", value_name = "FICHIER", help = msg::ARG_OUTPUT)]
        output: Option<PathBuf>,
        #[arg(long, value_name = "ANNÉE", help = msg::ARG_YEAR)]
        year: Option<i32>,
    },
    #[command(about = msg::CMD_REPORT, override_usage = msg::USAGE_REPORT, help_template = msg::SUB_HELP_TEMPLATE, next_help_heading = msg::HEADING_OPTIONS)]
    Report {
        #[arg(value_enum, hide_possible_values = true, value_name = "TYPE", help = msg::ARG_REPORT_KIND)]
        kind: ReportKind,
        #[arg(long, value_name = "ANNÉE", help = msg::ARG_REPORT_YEAR)]
        year: i32,
        #[arg(long, value_enum, ignore_case = true, hide_possible_values = true, value_name = "FORMAT", help = msg::ARG_REPORT_FORMAT)]
        format: Option<ReportFormatArg>,
        #[arg(long, help = msg::ARG_WITH_PENDING)]
        with_pending: bool,
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
    Transactions,
    Members,
    Collectives,
}

/// What `cercles export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportKind {
    Members,
    Collectives,
    /// The rencontres with their figures and checklist progress.
    Events,
    /// The ledger's lines of a year (--year required).
    Transactions,
    /// The collectives that consented to appear on the map.
    Map,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Csv,
    Json,
}

/// What `cercles report` computes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportKind {
    /// Income and expenses by category, the year beside the previous one.
    Bilan,
    /// The result by analytic project.
    Projects,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormatArg {
    Text,
    Csv,
    Json,
    Md,
}

//! `cercles report`: the bilan and the result by project, computed by `crate::report`.

use std::path::Path;

use super::args::{Cli, ReportFormatArg, ReportKind};
use super::session::{CliError, open_store, write_stdout};
use crate::report::{ReportFormat, bilan, render};

pub(super) fn run(
    cli: &Cli,
    path: &Path,
    kind: ReportKind,
    year: i32,
    format: Option<ReportFormatArg>,
    with_pending: bool,
) -> Result<(), CliError> {
    let store = open_store(cli, path)?;
    let format = match format {
        None | Some(ReportFormatArg::Text) => ReportFormat::Text,
        Some(ReportFormatArg::Csv) => ReportFormat::Csv,
        Some(ReportFormatArg::Json) => ReportFormat::Json,
        Some(ReportFormatArg::Md) => ReportFormat::Md,
    };
    let bytes = match kind {
        ReportKind::Bilan => {
            render::render_bilan(&bilan::bilan_of(&store, year, with_pending)?, format)
        }
        ReportKind::Projects => {
            render::render_projects(&bilan::projects_of(&store, year, with_pending)?, format)
        }
    };
    write_stdout(&bytes, false)
}

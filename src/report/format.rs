//! The formats a report is written in.

/// How a report is written out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReportFormat {
    #[default]
    Text,
    Csv,
    Json,
    Md,
}

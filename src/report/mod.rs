//! Reports: pure functions from what the store reads to report structs (the bilan, the result
//! by project), and their renderers to text, CSV, JSON and Markdown. The TUI and the command
//! line draw the same structs.

pub mod bilan;
pub mod format;
pub mod render;

pub use bilan::{Bilan, BilanRow, Pair, ProjectRow, ProjectsReport};

pub use format::ReportFormat;

//! Import and export of files: CSV as French spreadsheets write it, and JSON. Members for now;
//! transactions, collectives and the FEC come with their issues.

pub mod csv_in;
pub mod members;

use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum ExchangeError {
    /// A refused file or line; the message names the line and the column.
    #[error("{0}")]
    Invalid(String),
    #[error("{0}")]
    Store(#[from] StoreError),
}

pub type Result<T, E = ExchangeError> = std::result::Result<T, E>;

/// Text of a CSV or JSON cell leaving the program: no control or bidi character can act on
/// the terminal or spreadsheet that shows it.
pub fn cell_out(text: &str) -> String {
    crate::text::escape_for_terminal(text)
}

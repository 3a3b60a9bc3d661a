//! What can end the terminal UI, in one French line each.

use crate::catalogue::tui as msg;
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    #[error("{}", msg::terminal_error(&.0.to_string()))]
    Terminal(#[from] std::io::Error),
    #[error("{}", msg::TTY_LOST)]
    TtyLost,
    /// SIGHUP or SIGTERM ended the session (the terminal was restored first).
    #[error("{}", msg::signal_error(.0))]
    Signal(&'static str),
    #[error("{}", msg::store_error(&.0.to_string()))]
    Store(#[from] StoreError),
}

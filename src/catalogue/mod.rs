//! The one catalogue of screen text (French). Every string a person reads comes from here,
//! one file per area, so a second language stays a directory away.

pub mod circles;
pub mod circles_tab;
pub mod cli;
pub mod collectives;
pub mod collectives_tab;
pub mod config;
pub mod events;
pub mod events_tab;
pub mod exchange;
pub mod ledger;
pub mod members_tab;
pub mod parse;
pub mod partners;
pub mod people;
pub mod store;
pub mod tui;
mod words;

pub use words::{ROLE_LABELS, de, log_entry_cut, plural};

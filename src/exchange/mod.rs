//! Import and export of files: CSV as French spreadsheets write it, and JSON. Members and
//! collectives; transactions and the FEC come with their issues.

pub mod collectives;
pub mod csv_in;
pub mod decode;
pub mod events;
pub mod members;
mod shared;
pub mod transactions;
pub mod transactions_in;

pub use shared::{
    ExchangeError, Format, Result, cell_out, csv_bytes, csv_bytes_with_numbers, json_bytes,
    spreadsheet_cell, unguard_cell,
};

//! The only place with SQL. Opening the file, the write path (one `BEGIN IMMEDIATE`
//! transaction that checks schema, role and row version, writes and appends the audit entry),
//! users and roles, change detection. Functions take and return plain structs.

mod audit;
mod cache;
pub mod check;
pub mod circles;
pub mod collectives;
pub mod decisions;
mod error;
pub mod events;
pub mod governance;
mod id_map;
mod identity;
pub mod import_collectives;
pub mod import_people;
mod kept;
pub mod ledger;
mod ledger_accounts;
pub mod ledger_bulk;
pub mod ledger_read;
mod leftovers;
pub mod memberships;
pub mod open;
pub mod partners;
pub mod people;
mod people_communes;
mod people_search;
mod person_commune;
mod person_lookup;
mod plain_rows;
pub mod reference;
mod session;
mod text_cols;
pub mod users;
pub mod work_items;
pub mod working_groups;
pub mod workshops;
mod write;

pub use audit::Op;
pub use error::{Result, StoreError};
pub use identity::Actor;
pub use session::Store;
pub use write::Tx;

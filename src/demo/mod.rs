//! The demo network, built deterministically from the 2025 annual report
//! (`shared/seed/rapport-annuel-2025.txt`): each capability adds its part here.
//! Its "today" is the reference date 20/11/2025, between the Douzillac seminar and the AG.

mod circles;
mod collectives;
mod decisions;
mod events;
mod homes;
mod ledger;
pub mod ledger_figures;
mod partners;
mod people;
mod reference;
mod work;
mod workshops;

use std::path::Path;

use crate::store::{Result, Store};

pub use reference::reference_date;

/// Create the demo database at `path`, with `admin` as its admin.
pub fn build(path: &Path, admin: &str) -> Result<()> {
    build_scaled(path, admin, 1)
}

/// The demo with every volume multiplied by `scale` (DESIGN.md: `init --demo --scale N`), for
/// trying the program at the size of a much bigger network. For now the volume is the
/// members (`scale - 1` times seventy more fictional people, each membre actif·ve of a circle)
/// and the collectives (`scale - 1` times ~230 more), the upcoming rencontre locale and the
/// partner organisations.
pub fn build_scaled(path: &Path, admin: &str, scale: u32) -> Result<()> {
    Store::create_with(path, admin, Some(reference_date()), |store| {
        fill(store)?;
        people::fill_scaled(store, scale)?;
        collectives::fill(store, scale)?;
        events::fill(store, scale)?;
        workshops::fill(store)?;
        partners::fill(store, scale)?;
        ledger::fill(store, scale)
    })
}

fn fill(store: &mut Store) -> Result<()> {
    circles::fill(store)?;
    people::fill(store)?;
    work::fill(store)?;
    decisions::fill(store)?;
    Ok(())
}

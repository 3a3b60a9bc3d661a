//! cercles: circles, members, rencontres and ledger of the Actions Communes network.
//!
//! Layers (see DESIGN.md): `model` and `text` are pure; `store` is the only place with SQL;
//! `cli` and `tui` sit on top. `catalogue` holds every French string shown to a person and
//! depends on nothing of ours, so every layer may use it.
#![forbid(unsafe_code)]
#![deny(clippy::unwrap_used, clippy::expect_used)]

pub mod catalogue;
pub mod cli;
pub mod config;
pub mod demo;
pub mod exchange;
pub mod geo;
pub mod log;
pub mod model;
pub mod report;
pub mod store;
pub mod text;
pub mod tui;

/// The old path of `text::width`, kept for code written against it.
pub use text::width as text_width;

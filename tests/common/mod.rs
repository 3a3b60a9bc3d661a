//! Helpers shared by the integration tests. Each test crate uses a part of them.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod pty;
pub mod tui;

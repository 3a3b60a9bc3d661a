//! Helpers shared by the integration tests. Each test crate uses a part of them.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod pty;
pub mod tui;

/// The log of this test process goes nowhere: tests never write into the real log of whoever
/// runs them (`~/.local/state/cercles/cercles.log`). Every helper that opens a base calls it;
/// a test that logs on purpose sets `CERCLES_LOG` on the process it runs.
pub fn quiet_log() {
    cercles::log::redirect(None);
}

/// The real binary, with its log turned off (see [`quiet_log`]) and "today" fixed.
pub fn command() -> assert_cmd::Command {
    quiet_log();
    let mut cmd = assert_cmd::Command::cargo_bin("cercles").unwrap();
    cmd.env("CERCLES_LOG", "off")
        .env("CERCLES_TODAY", "2025-11-20")
        .env_remove("CERCLES_DB");
    cmd
}

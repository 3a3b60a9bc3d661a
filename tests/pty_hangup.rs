//! The real binary in a pseudo-terminal whose terminal vanishes (a killed tmux pane, a dropped
//! SSH link) or that gets SIGHUP: it ends by itself within a few seconds, without spinning, and
//! SQLite's `-wal` and `-shm` go with its connection.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::pty::{Hangable, Session, child_of, cpu_ticks, init_db, running};

const CERCLES: &str = env!("CARGO_BIN_EXE_cercles");

/// Kills the program if a test fails while it still runs (it might spin).
struct KillOnDrop(u32);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        if running(self.0) {
            let _ = std::process::Command::new("kill")
                .args(["-KILL", &self.0.to_string()])
                .status();
        }
    }
}

fn wait_gone(pid: u32, within: Duration) -> Duration {
    let start = Instant::now();
    while start.elapsed() < within {
        if !running(pid) {
            return start.elapsed();
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!(
        "still running after {within:?}, {} CPU ticks used",
        cpu_ticks(pid)
    );
}

fn assert_no_sidecars(db: &Path) {
    for side in ["-wal", "-shm"] {
        let mut p = db.as_os_str().to_owned();
        p.push(side);
        assert!(!Path::new(&p).exists(), "{side} left beside the database");
    }
}

#[test]
fn without_a_controlling_terminal_a_vanished_terminal_ends_the_program() {
    if std::process::Command::new("setsid")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("setsid not installed: skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let db_arg = db.to_string_lossy();
    // `setsid -w`: the program runs in a session of its own, with the pty as its standard
    // input and output but no controlling terminal, so no SIGHUP will ever reach it.
    let mut s = Hangable::start("setsid", &["-w", CERCLES, "--db", &db_arg], "[1 Cercles]");
    let setsid = s.child.process_id().unwrap();
    let pid = child_of(setsid).expect("the program under setsid");
    let _kill = KillOnDrop(pid);
    let before = cpu_ticks(pid);
    s.hang_up();
    let took = wait_gone(pid, Duration::from_secs(5));
    assert!(took < Duration::from_secs(3), "took {took:?}");
    // A spinning reader burns a tick every 10 ms: it may spin until the loop next wakes
    // (a quarter of a second), never for seconds.
    let burnt = cpu_ticks(pid).saturating_sub(before);
    assert!(burnt < 200, "{burnt} ticks of CPU after the hang-up");
    assert_no_sidecars(&db);
}

#[test]
fn a_killed_pane_ends_the_program_and_leaves_no_wal_or_shm() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let db_arg = db.to_string_lossy();
    let mut s = Hangable::start(CERCLES, &["--db", &db_arg], "[1 Cercles]");
    let pid = s.child.process_id().unwrap();
    let _kill = KillOnDrop(pid);
    s.hang_up();
    wait_gone(pid, Duration::from_secs(5));
    let _ = s.child.wait();
    assert_no_sidecars(&db);
}

#[test]
fn sighup_or_sigterm_leaves_no_wal_or_shm() {
    for signal in ["HUP", "TERM"] {
        let dir = tempfile::tempdir().unwrap();
        let db = init_db(dir.path());
        let mut s = Session::start(&db);
        s.wait_for("[1 Cercles]");
        s.signal(signal);
        s.wait_exit(Duration::from_secs(3));
        s.assert_restored();
        assert_no_sidecars(&db);
    }
}

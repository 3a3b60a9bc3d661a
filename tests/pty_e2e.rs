//! End-to-end tests of the real binary in a pseudo-terminal (portable-pty), its screen read with
//! vt100: the interface works with real keys, saves to the database, and gives the terminal
//! back (normal screen, cursor shown) on `q` and on SIGHUP.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{Read, Write};
use std::path::Path;
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use cercles::store::Store;
use cercles::store::users::os_user_name;
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

struct Session {
    screen: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
}

impl Session {
    fn start(db: &Path) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_cercles"));
        cmd.arg("--db");
        cmd.arg(db);
        cmd.env("CERCLES_TODAY", "2025-11-20");
        cmd.env("TERM", "xterm");
        cmd.env_remove("NO_COLOR");
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(24, 80, 0)));
        let feed = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                feed.lock().unwrap().process(&buf[..n]);
            }
        });
        Session {
            screen,
            writer,
            child,
            _master: pair.master,
        }
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    fn wait_for(&self, needle: &str) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(15) {
            if self.contents().contains(needle) {
                return;
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        panic!("{needle:?} never appeared; screen:\n{}", self.contents());
    }

    fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        // Let a lone Esc be read as Esc, not as the start of an escape sequence.
        std::thread::sleep(Duration::from_millis(80));
    }

    fn wait_exit(&mut self, within: Duration) -> Duration {
        let start = Instant::now();
        while start.elapsed() < within {
            if self.child.try_wait().unwrap().is_some() {
                let took = start.elapsed();
                // Let the reader take the last bytes (the restore sequence).
                std::thread::sleep(Duration::from_millis(200));
                return took;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let _ = self.child.kill();
        panic!(
            "still running after {within:?}; screen:\n{}",
            self.contents()
        );
    }

    fn assert_restored(&self) {
        let parser = self.screen.lock().unwrap();
        let screen = parser.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert!(!screen.hide_cursor(), "cursor left hidden");
    }
}

fn init_db(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("pty.db");
    let status = Command::new(env!("CARGO_BIN_EXE_cercles"))
        .arg("--db")
        .arg(&db)
        .arg("init")
        .env("CERCLES_TODAY", "2025-11-20")
        .status()
        .unwrap();
    assert!(status.success());
    db
}

#[test]
fn tabs_help_edit_save_quit() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let mut s = Session::start(&db);
    s.wait_for("aujourd'hui : 20/11/2025");
    s.wait_for("[1 Cercles]");
    s.send("2");
    s.wait_for("0 personne · 0 en cercle");
    s.send("\t");
    s.wait_for("[3 Collectifs]");
    s.send("1");
    s.wait_for("[1 Cercles]");
    s.send("?");
    s.wait_for("Aide : toutes les touches");
    s.send("\x1b");
    s.wait_for("e modifier la fiche");
    s.send("/finances");
    s.wait_for("1 sur 9 cercles");
    s.send("\r");
    s.send("e");
    s.wait_for("Fiche du cercle « Finances »");
    s.send("\t");
    s.send("Tenir les comptes, avec une trésorière.");
    s.wait_for("trésorière.");
    // F2 as xterm sends it.
    s.send("\x1bOQ");
    s.wait_for("fiche du cercle « Finances » enregistrée");
    s.send("q");
    s.wait_exit(Duration::from_secs(5));
    s.assert_restored();

    let store = Store::open(&db, &os_user_name().unwrap()).unwrap();
    let finances = store.circle_named("Finances").unwrap().unwrap();
    assert_eq!(
        finances.sheet.purpose,
        "Tenir les comptes, avec une trésorière."
    );
}

#[test]
fn sighup_ends_the_program_within_a_second_and_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path());
    let mut s = Session::start(&db);
    s.wait_for("[1 Cercles]");
    let pid = s.child.process_id().expect("a pid");
    let status = Command::new("kill")
        .args(["-HUP", &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let took = s.wait_exit(Duration::from_secs(3));
    assert!(took < Duration::from_secs(1), "took {took:?}");
    s.assert_restored();
}

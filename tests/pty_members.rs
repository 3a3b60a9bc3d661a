//! End-to-end test of the Membres tab on the real binary in a pseudo-terminal (portable-pty,
//! screen read with vt100): add a person, make them co-référent·e of Finances, and find them in
//! the cercle de coordination of the Cercles tab, then in the database.

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

    fn wait_exit(&mut self, within: Duration) {
        let start = Instant::now();
        while start.elapsed() < within {
            if self.child.try_wait().unwrap().is_some() {
                std::thread::sleep(Duration::from_millis(200));
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let _ = self.child.kill();
        panic!(
            "still running after {within:?}; screen:\n{}",
            self.contents()
        );
    }
}

/// F2 and → as xterm sends them.
const F2: &str = "\x1bOQ";
const RIGHT: &str = "\x1b[C";

#[test]
fn add_a_person_make_them_co_referent_of_finances_find_them_in_coordination() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pty.db");
    let status = Command::new(env!("CARGO_BIN_EXE_cercles"))
        .arg("--db")
        .arg(&db)
        .arg("init")
        .env("CERCLES_TODAY", "2025-11-20")
        .status()
        .unwrap();
    assert!(status.success());

    let mut s = Session::start(&db);
    s.wait_for("[1 Cercles]");
    s.send("2");
    s.wait_for("0 personne · 0 en cercle");
    // Add Zoé Durand, with a phone number typed the way people do.
    s.send("a");
    s.wait_for("Nouvelle personne");
    s.send("Durand\tZoé\tzoe.durand@example.org\t06.12.34.56.78");
    s.wait_for("06.12.34.56.78");
    s.send(F2);
    s.wait_for("Zoé Durand ajouté·e au réseau");
    s.wait_for("06 12 34 56 78");
    // Give her the co-référent·e role in Finances (the circle choice, → until Finances).
    s.send("+");
    s.wait_for("Donner un rôle à Zoé Durand");
    for _ in 0..12 {
        if s.contents().contains("‹ Finances ›") {
            break;
        }
        s.send(RIGHT);
    }
    s.wait_for("‹ Finances ›");
    s.wait_for("‹ co-référent·e ›");
    s.send(F2);
    s.wait_for("co-référent·e du cercle Finances depuis le 20/11/2025");
    s.wait_for("Finances★");
    // The Cercles tab: the cercle de coordination lists her.
    s.send("1");
    s.wait_for("[1 Cercles]");
    s.send("/coordination\r");
    s.wait_for("Zoé Durand (Finances)");
    s.send("q");
    s.wait_exit(Duration::from_secs(5));

    let store = Store::open(&db, &os_user_name().unwrap()).unwrap();
    let zoe = store.resolve_person("Zoé Durand").unwrap();
    assert_eq!(zoe.phone.as_deref(), Some("06 12 34 56 78"));
    let coordination = store.coordination_circle().unwrap();
    assert!(
        coordination.iter().any(|m| m.person_id == zoe.id),
        "in the cercle de coordination"
    );
}

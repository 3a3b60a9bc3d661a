//! The real binary in a pseudo-terminal (portable-pty), its screen read with vt100: shared by
//! the end-to-end tests.

use std::io::{Read, Write};
use std::path::Path;
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub struct Session {
    pub screen: Arc<Mutex<vt100::Parser>>,
    pub writer: Box<dyn Write + Send>,
    pub child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
}

impl Session {
    pub fn start(db: &Path) -> Session {
        let db = db.to_string_lossy();
        Session::start_with(&["--db", &db], &[])
    }

    /// The program with these arguments and extra environment variables.
    #[allow(dead_code)]
    pub fn start_with(args: &[&str], envs: &[(&str, &Path)]) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_cercles"));
        for arg in args {
            cmd.arg(arg);
        }
        // Never the real log of whoever runs the tests, nor their database.
        cmd.env("CERCLES_LOG", "off");
        cmd.env_remove("CERCLES_DB");
        for (key, value) in envs {
            cmd.env(key, value);
        }
        cmd.env("CERCLES_TODAY", "2025-11-20");
        cmd.env("TERM", "xterm");
        if !envs.iter().any(|(key, _)| *key == "CERCLES_LOG") {
            cmd.env("CERCLES_LOG", "off");
        }
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

    /// Send a signal (`HUP`, `INT`…) to the program with `kill`.
    #[allow(dead_code)]
    pub fn signal(&self, name: &str) {
        let pid = self.child.process_id().expect("a pid");
        let status = Command::new("kill")
            .args([format!("-{name}"), pid.to_string()])
            .status()
            .unwrap();
        assert!(status.success());
    }

    pub fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    pub fn wait_for(&self, needle: &str) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(15) {
            if self.contents().contains(needle) {
                return;
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        panic!("{needle:?} never appeared; screen:\n{}", self.contents());
    }

    pub fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        // Let a lone Esc be read as Esc, not as the start of an escape sequence.
        std::thread::sleep(Duration::from_millis(80));
    }

    pub fn wait_exit(&mut self, within: Duration) -> Duration {
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

    pub fn assert_restored(&self) {
        let parser = self.screen.lock().unwrap();
        let screen = parser.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert!(!screen.hide_cursor(), "cursor left hidden");
    }
}

pub fn init_db(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("pty.db");
    let status = Command::new(env!("CARGO_BIN_EXE_cercles"))
        .arg("--db")
        .arg(&db)
        .arg("init")
        .env("CERCLES_LOG", "off")
        .env("CERCLES_TODAY", "2025-11-20")
        .env("CERCLES_LOG", "off")
        .status()
        .unwrap();
    assert!(status.success());
    db
}

/// A session whose terminal can be made to vanish, as when a tmux pane is killed or an SSH
/// link drops: the master side is closed. The screen is read only until the first frame, so
/// that nothing of ours keeps the master open afterwards.
pub struct Hangable {
    pub child: Box<dyn Child + Send + Sync>,
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
}

impl Hangable {
    /// `program` with `args` in a new pty, once `needle` is on its screen.
    pub fn start(program: &str, args: &[&str], needle: &str) -> Hangable {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(program);
        for arg in args {
            cmd.arg(arg);
        }
        cmd.env("CERCLES_LOG", "off");
        cmd.env("CERCLES_TODAY", "2025-11-20");
        cmd.env("TERM", "xterm");
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let (seen_tx, seen_rx) = std::sync::mpsc::channel();
        let needle = needle.to_string();
        std::thread::spawn(move || {
            let mut parser = vt100::Parser::new(24, 80, 0);
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                parser.process(&buf[..n]);
                if parser.screen().contents().contains(&needle) {
                    let _ = seen_tx.send(());
                    break;
                }
            }
            // The reader (a copy of the master) is closed here.
        });
        seen_rx
            .recv_timeout(Duration::from_secs(15))
            .expect("the first frame");
        // Let the reader thread drop its copy of the master.
        std::thread::sleep(Duration::from_millis(100));
        Hangable {
            child,
            master: Some(pair.master),
            writer: Some(writer),
        }
    }

    /// Close the master side: the terminal is gone.
    pub fn hang_up(&mut self) {
        self.writer = None;
        self.master = None;
    }
}

/// The process whose parent is `parent` (the program that `setsid` forked), if any.
pub fn child_of(parent: u32) -> Option<u32> {
    for entry in std::fs::read_dir("/proc").ok()?.flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
            continue;
        };
        // pid (comm) state ppid …: the command name may hold spaces, so split after ')'.
        let Some(rest) = stat.rsplit_once(')').map(|(_, r)| r) else {
            continue;
        };
        let ppid = rest.split_whitespace().nth(1).and_then(|p| p.parse().ok());
        if ppid == Some(parent) {
            return Some(pid);
        }
    }
    None
}

/// Whether `pid` is still running (a zombie has ended).
pub fn running(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
        stat.rsplit_once(')')
            .and_then(|(_, r)| r.split_whitespace().next())
            .is_some_and(|state| state != "Z" && state != "X")
    })
}

/// CPU time (user + system, in clock ticks) `pid` has used so far.
pub fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let Some((_, rest)) = stat.rsplit_once(')') else {
        return 0;
    };
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // After the command: state is field 3, utime 14, stime 15 (1-based), so 11 and 12 here.
    let tick = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
    };
    tick(11) + tick(12)
}

//! The log file: warnings, errors and timings, one line each, in the state directory
//! (`~/.local/state/cercles/cercles.log`), or the file `$CERCLES_LOG` names (`off`: no log).
//! Nothing is ever printed over the terminal UI: what goes wrong there is said on the message
//! line and written here.
//!
//! Best effort: a log that cannot be written never stops the program. Lines are appended with
//! one `write` each (several sessions share the file); the file is private (0600) and is moved
//! to `cercles.log.1` once it passes [`MAX_BYTES`], so it never grows without bound.

use std::fs::OpenOptions;
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::PathBuf;
use std::time::Duration;

/// When the process started (`mark_start`, first thing in `main`): timings are from there.
static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// Note the start of the process.
pub fn mark_start() {
    let _ = START.set(std::time::Instant::now());
}

/// Time since the process started, if `mark_start` was called.
pub fn since_start() -> Option<Duration> {
    START.get().map(std::time::Instant::elapsed)
}

/// Past this size the log is rotated (one old file kept).
const MAX_BYTES: u64 = 1024 * 1024;

/// The most one entry holds (a message quoting a header of eight million columns is cut).
pub const MAX_ENTRY_BYTES: usize = 4 * 1024;

/// Where the log goes whatever `$CERCLES_LOG` says, once [`redirect`] was called.
static REDIRECT: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();

/// Send the log of this process to `to`, or nowhere with `None`, whatever `$CERCLES_LOG`
/// says; the first call wins. For test harnesses: they cannot safely set the environment of
/// their own (threaded) process, and must not write into the user's real log.
pub fn redirect(to: Option<PathBuf>) {
    let _ = REDIRECT.set(to);
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Warning,
    Error,
    Timing,
}

impl Level {
    fn code(self) -> &'static str {
        match self {
            Level::Warning => "WARN",
            Level::Error => "ERROR",
            Level::Timing => "TIME",
        }
    }
}

/// Where the log goes; `None` when it is turned off or no directory can be found.
pub fn path() -> Option<PathBuf> {
    // The library's own tests never write a log.
    if cfg!(test) {
        return None;
    }
    if let Some(to) = REDIRECT.get() {
        return to.clone();
    }
    match std::env::var_os("CERCLES_LOG") {
        Some(v) if v == "off" => None,
        Some(v) if !v.is_empty() => Some(PathBuf::from(v)),
        _ => default_path(),
    }
}

/// The log in the state directory, where it goes when nothing else is said.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "cercles").map(|d| {
        d.state_dir()
            .unwrap_or_else(|| d.data_local_dir())
            .join("cercles.log")
    })
}

/// One line: `2026-11-28T22:41:38Z ERROR message`, the message on one line and with no
/// control character (it may hold a file name or a value someone typed), and at most
/// [`MAX_ENTRY_BYTES`] long: a longer one is cut, and says so.
pub fn format_line(level: Level, message: &str) -> String {
    let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ");
    // Escaping only lengthens: what is past the limit before it is never read.
    let head = &message[..floor_char_boundary(message, MAX_ENTRY_BYTES)];
    let mut clean = crate::text::escape_for_terminal(&head.replace(['\n', '\r'], " "));
    if clean.len() > MAX_ENTRY_BYTES || head.len() < message.len() {
        let marker = crate::catalogue::log_entry_cut(message.len());
        clean.truncate(floor_char_boundary(
            &clean,
            MAX_ENTRY_BYTES.saturating_sub(marker.len()),
        ));
        clean.push_str(&marker);
    }
    format!("{now} {} {clean}\n", level.code())
}

/// The largest index not above `at` that starts a character of `s`.
fn floor_char_boundary(s: &str, at: usize) -> usize {
    if at >= s.len() {
        return s.len();
    }
    (0..=at).rev().find(|i| s.is_char_boundary(*i)).unwrap_or(0)
}

/// Append a line to the log; any failure is ignored (the log must never stop the work).
pub fn write(level: Level, message: &str) {
    let Some(path) = path() else { return };
    let _ = append(&path, &format_line(level, message));
}

fn append(path: &std::path::Path, line: &str) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    if std::fs::metadata(path).is_ok_and(|m| m.len() > MAX_BYTES) {
        let mut old = path.as_os_str().to_owned();
        old.push(".1");
        std::fs::rename(path, PathBuf::from(old))?;
    }
    let mut file = OpenOptions::new()
        .append(true)
        .create(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(line.as_bytes())
}

pub fn warning(message: &str) {
    write(Level::Warning, message);
}

pub fn error(message: &str) {
    write(Level::Error, message);
}

pub fn timing(what: &str, took: Duration) {
    write(
        Level::Timing,
        &format!("{what} : {:.1} ms", took.as_secs_f64() * 1000.0),
    );
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_one_line_without_controls() {
        let line = format_line(Level::Error, "fichier « a\nb\u{1b}[2J » refusé");
        assert!(line.ends_with('\n'));
        assert_eq!(line.matches('\n').count(), 1);
        assert!(!line.contains('\u{1b}'));
        assert!(line.contains(" ERROR fichier « a b"));
    }

    #[test]
    fn a_huge_message_is_cut_to_a_few_kib_and_says_so() {
        let huge = format!("colonnes inconnues : {}", "é\u{1b};".repeat(1_000_000));
        let line = format_line(Level::Error, &huge);
        assert!(line.len() <= MAX_ENTRY_BYTES + 40, "{}", line.len());
        assert!(line.ends_with(&format!("[coupé : {} octets en tout]\n", huge.len())));
        assert!(!line.contains('\u{1b}'));
        let short = format_line(Level::Error, "court");
        assert!(short.ends_with(" ERROR court\n"));
        // Cut entries still rotate the file.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cercles.log");
        for _ in 0..(MAX_BYTES as usize / MAX_ENTRY_BYTES + 2) {
            append(&path, &line).unwrap();
        }
        assert!(std::fs::metadata(&path).unwrap().len() <= MAX_BYTES + line.len() as u64);
        assert!(dir.path().join("cercles.log.1").exists());
    }

    #[test]
    fn appends_privately_and_rotates() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("cercles.log");
        append(&path, "un\n").unwrap();
        append(&path, "deux\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "un\ndeux\n");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        std::fs::write(&path, vec![b'x'; (MAX_BYTES + 1) as usize]).unwrap();
        append(&path, "trois\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "trois\n");
        assert!(dir.path().join("sub").join("cercles.log.1").exists());
    }
}

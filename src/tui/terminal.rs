//! The one owner of the terminal: raw mode and the alternate screen on the way in, and the way
//! back out on every path — normal exit, error, panic (restored first, so the panic message is
//! printed on the normal screen), SIGHUP (the SSH link dropped) and SIGTERM.
//!
//! No mouse capture (it breaks copy and paste over SSH) and no keyboard-enhancement flags (keys
//! must work in plain xterm, tmux and PuTTY). Bracketed paste is on: pasted text arrives in one
//! piece, never as keys, and it is switched off again on the way out.
//!
//! The loop draws only after a key, a resize, or a change by another session; it wakes every
//! 250 ms to look at the signal flags and whether the terminal hung up, and about every second
//! to ask the store whether the data changed, but an idle wake-up sends nothing to the terminal.
//! Every way out returns from the loop, so the database is closed as on a normal quit.

use std::io::{self, Stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::crossterm::terminal::{
    BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen, LeaveAlternateScreen,
    disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{execute, queue};
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};

use super::app::App;
use super::error::TuiError;
use super::input::{Input, Next};
use super::wire::LeanBackend;

/// How long the loop sleeps at most between two looks at the signal flags.
const POLL_SLICE: Duration = Duration::from_millis(250);
/// How often the store is asked whether another session changed the data.
const CHANGE_CHECK: Duration = Duration::from_secs(1);
/// After SIGHUP/SIGTERM, how long the loop has to leave by itself before the watchdog restores
/// the terminal and exits for it. The loop looks at the signals every [`POLL_SLICE`] and then
/// closes the database, which SQLite's `-wal` and `-shm` go with; a forced exit leaves them,
/// so it is only for a loop that cannot answer (stuck in a long read of the file).
const SIGNAL_GRACE: Duration = Duration::from_secs(2);

/// Whether the terminal is in our hands (raw mode, alternate screen).
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Directories to remove when the process has to end without unwinding (a signal the loop
/// could not answer in time): the throwaway demo, which a drop would remove.
static REMOVE_AT_FORCED_EXIT: std::sync::Mutex<Vec<std::path::PathBuf>> =
    std::sync::Mutex::new(Vec::new());

/// Have `dir` removed if the process is made to exit without unwinding.
pub fn remove_at_forced_exit(dir: std::path::PathBuf) {
    if let Ok(mut dirs) = REMOVE_AT_FORCED_EXIT.lock() {
        dirs.push(dir);
    }
}

/// Restore the terminal, remove what was registered, and end the process with `code`.
fn forced_exit(code: i32) -> ! {
    restore();
    if let Ok(dirs) = REMOVE_AT_FORCED_EXIT.lock() {
        for dir in dirs.iter() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
    std::process::exit(code)
}

/// Put the terminal back as it was. Safe to call several times and from any thread: only the
/// first call after `enter` does anything. Errors are ignored: the tty may be gone.
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let mut out = io::stdout();
        let _ = execute!(
            out,
            EndSynchronizedUpdate,
            DisableBracketedPaste,
            LeaveAlternateScreen,
            Show
        );
        let _ = disable_raw_mode();
    }
}

/// Restores the terminal when dropped, so `?` and early returns cannot forget it.
struct TerminalGuard;

impl TerminalGuard {
    fn enter() -> io::Result<TerminalGuard> {
        enable_raw_mode()?;
        ACTIVE.store(true, Ordering::SeqCst);
        let guard = TerminalGuard;
        // Bracketed paste: a paste arrives as one event, so its characters are never taken
        // for keys (a Ctrl-A or an Esc inside pasted text) and a long paste is one redraw.
        execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
        Ok(guard)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

type PanicHook = Box<dyn Fn(&std::panic::PanicHookInfo<'_>) + Sync + Send + 'static>;

/// Chains a terminal restore before the previous panic hook, and puts that hook back after.
struct PanicRestore {
    previous: Arc<PanicHook>,
}

impl PanicRestore {
    fn install() -> PanicRestore {
        let previous: Arc<PanicHook> = Arc::new(std::panic::take_hook());
        let chained = Arc::clone(&previous);
        std::panic::set_hook(Box::new(move |info| {
            restore();
            crate::log::error(&format!("panic : {info}"));
            chained(info);
        }));
        PanicRestore { previous }
    }
}

impl Drop for PanicRestore {
    fn drop(&mut self) {
        // Setting a hook while panicking is itself a panic, and in a destructor an abort.
        if std::thread::panicking() {
            return;
        }
        let previous = Arc::clone(&self.previous);
        let _ = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| previous(info)));
    }
}

/// SIGHUP, SIGTERM, SIGINT and SIGQUIT: flags the loop checks, plus a watchdog thread for when
/// the loop cannot answer in time.
struct SignalWatch {
    hup: Arc<AtomicBool>,
    term: Arc<AtomicBool>,
    ids: Vec<signal_hook::SigId>,
    handle: signal_hook::iterator::Handle,
}

impl SignalWatch {
    fn install() -> io::Result<SignalWatch> {
        let hup = Arc::new(AtomicBool::new(false));
        let term = Arc::new(AtomicBool::new(false));
        let ids = vec![
            signal_hook::flag::register(SIGHUP, Arc::clone(&hup))?,
            signal_hook::flag::register(SIGTERM, Arc::clone(&term))?,
            // In raw mode Ctrl-C is a key, not a signal; these come from `kill` and end the
            // program like SIGTERM, the terminal restored.
            signal_hook::flag::register(SIGINT, Arc::clone(&term))?,
            signal_hook::flag::register(SIGQUIT, Arc::clone(&term))?,
        ];
        let mut signals = signal_hook::iterator::Signals::new([SIGHUP, SIGTERM, SIGINT, SIGQUIT])?;
        let handle = signals.handle();
        std::thread::Builder::new()
            .name("cercles-signals".into())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    std::thread::sleep(SIGNAL_GRACE);
                    if ACTIVE.load(Ordering::SeqCst) {
                        forced_exit(128 + signal);
                    }
                }
            })?;
        Ok(SignalWatch {
            hup,
            term,
            ids,
            handle,
        })
    }

    fn received(&self) -> Option<&'static str> {
        if self.hup.load(Ordering::SeqCst) {
            Some("SIGHUP")
        } else if self.term.load(Ordering::SeqCst) {
            Some("SIGTERM")
        } else {
            None
        }
    }
}

impl Drop for SignalWatch {
    fn drop(&mut self) {
        self.handle.close();
        for id in self.ids.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}

/// Run `app` in the terminal until it quits.
pub fn run(mut app: App) -> Result<(), TuiError> {
    let signals = SignalWatch::install()?;
    let _panic = PanicRestore::install();
    let guard = TerminalGuard::enter()?;
    let result = (|| {
        // Started in raw mode, so that keys come one by one.
        let input = Input::start()?;
        let mut terminal = Terminal::new(LeanBackend::new(io::stdout()))?;
        let size = terminal.size()?;
        app.set_size(size.width, size.height);
        app.set_deferring(true);
        let outcome = event_loop(&mut terminal, &mut app, &signals, &input);
        // A dropped `Terminal` shows the cursor, and on failure prints with `eprintln!`, which
        // panics when standard error is a terminal that is gone: a clean exit would become an
        // abort that leaves the database's -wal and -shm. `restore` shows the cursor anyway.
        if terminal.show_cursor().is_err() {
            std::mem::forget(terminal);
        }
        outcome
    })();
    drop(guard);
    result
}

/// One frame, wrapped in a synchronized update so the terminal shows it whole; written in few
/// bytes (see [`super::wire`]).
pub fn draw<W: io::Write>(terminal: &mut Terminal<LeanBackend<W>>, app: &App) -> io::Result<()> {
    queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    terminal.draw(|frame| frame.render_widget(app, frame.area()))?;
    execute!(terminal.backend_mut(), EndSynchronizedUpdate)?;
    Ok(())
}

fn event_loop(
    terminal: &mut Terminal<LeanBackend<Stdout>>,
    app: &mut App,
    signals: &SignalWatch,
    input: &Input,
) -> Result<(), TuiError> {
    let mut needs_draw = true;
    let mut first_frame = Some(Instant::now());
    let mut last_check = Instant::now();
    loop {
        if let Some(name) = signals.received() {
            return Err(TuiError::Signal(name));
        }
        if app.should_quit() {
            return Ok(());
        }
        if needs_draw {
            draw(terminal, app)?;
            needs_draw = false;
            if let Some(start) = first_frame.take() {
                // From the launch of the process (the data read included), as a person waits.
                let took = crate::log::since_start().unwrap_or_else(|| start.elapsed());
                crate::log::timing("premier affichage depuis le lancement", took);
            }
            // What was typed is on screen; now the work it put off (a list filtered again),
            // then another frame.
            if app.has_deferred() {
                app.run_deferred();
                needs_draw = true;
                continue;
            }
        }
        let timeout = CHANGE_CHECK
            .saturating_sub(last_check.elapsed())
            .min(POLL_SLICE);
        let mut next = input.next(timeout);
        // Take everything already waiting before drawing: a burst of resizes becomes one
        // frame, and every key typed among them is still handled, in order.
        let mut lost = false;
        loop {
            let event = match next {
                Next::Event(event) => event,
                Next::Nothing => break,
                Next::Lost => {
                    lost = true;
                    break;
                }
            };
            match event {
                Event::Key(key) => {
                    app.handle_key(key);
                    needs_draw = true;
                }
                Event::Paste(text) => {
                    app.handle_paste(&text);
                    needs_draw = true;
                }
                Event::Resize(width, height) => {
                    app.set_size(width, height);
                    needs_draw = true;
                }
                _ => {}
            }
            if app.should_quit() {
                break;
            }
            next = input.next(Duration::ZERO);
        }
        // A terminal whose other side closed: the reader may be stuck on it (see `input`),
        // and no SIGHUP comes without a controlling terminal. Leave like any exit does.
        if lost || input.hung_up() {
            return Err(TuiError::TtyLost);
        }
        if last_check.elapsed() >= CHANGE_CHECK {
            last_check = Instant::now();
            if input.controlling_tty_gone() {
                return Err(TuiError::TtyLost);
            }
            if app.poll_changes() {
                needs_draw = true;
            }
        }
    }
}

//! The terminal's events, read on a thread of their own, and the look at whether the terminal
//! is still there.
//!
//! crossterm's reader loops forever, at full speed, on a terminal that returns end-of-file or
//! an error (crossterm issue 793): a killed tmux pane or a dropped SSH link, and nothing
//! ends it. Read on its own thread, such a loop can no longer hold the event loop: the loop
//! sees that the terminal hung up (`poll` says so without reading), returns like any other
//! exit, and so closes the database as a normal quit does. The process ends right after, and
//! the reader with it.

use std::fs::File;
use std::io::{self, IsTerminal};
use std::os::fd::{AsFd, BorrowedFd};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use ratatui::crossterm::event::{self, Event};

/// The events of the terminal, in the order they came.
pub(super) struct Input {
    events: Receiver<io::Result<Event>>,
    /// What crossterm reads: standard input when it is a terminal, else `/dev/tty`.
    tty: Tty,
    /// Whether `/dev/tty` could be opened at the start: then it failing later means the
    /// controlling terminal went away. A session without one has nothing to check there.
    had_controlling_tty: bool,
}

enum Tty {
    Stdin,
    /// `/dev/tty`, opened once.
    Opened(File),
    /// Neither: nothing to watch.
    Unknown,
}

/// What the reader saw.
pub(super) enum Next {
    Event(Event),
    /// Nothing within the time given.
    Nothing,
    /// The terminal gave an error or went away: the session is over.
    Lost,
}

impl Input {
    pub(super) fn start() -> io::Result<Input> {
        let (send, events) = mpsc::channel();
        std::thread::Builder::new()
            .name("cercles-input".into())
            .spawn(move || {
                loop {
                    let read = event::read();
                    let failed = read.is_err();
                    if send.send(read).is_err() || failed {
                        break;
                    }
                }
            })?;
        let dev_tty = File::open("/dev/tty");
        let had_controlling_tty = dev_tty.is_ok();
        let tty = if io::stdin().is_terminal() {
            Tty::Stdin
        } else {
            match dev_tty {
                Ok(file) => Tty::Opened(file),
                Err(_) => Tty::Unknown,
            }
        };
        Ok(Input {
            events,
            tty,
            had_controlling_tty,
        })
    }

    /// The next event, waiting at most `timeout`.
    pub(super) fn next(&self, timeout: Duration) -> Next {
        match self.events.recv_timeout(timeout) {
            Ok(Ok(event)) => Next::Event(event),
            Ok(Err(_)) | Err(RecvTimeoutError::Disconnected) => Next::Lost,
            Err(RecvTimeoutError::Timeout) => Next::Nothing,
        }
    }

    /// Whether the terminal hung up: its other side was closed (a killed pane, a dropped
    /// link), whether or not a SIGHUP reached us: a process without a controlling terminal
    /// (`setsid`) never gets one.
    pub(super) fn hung_up(&self) -> bool {
        match &self.tty {
            Tty::Stdin => reports_hang_up(io::stdin().as_fd()),
            Tty::Opened(file) => reports_hang_up(file.as_fd()),
            Tty::Unknown => false,
        }
    }

    /// Whether the controlling terminal we had is gone (opening `/dev/tty` fails with ENXIO or
    /// EIO), for a hang-up `poll` would not show.
    pub(super) fn controlling_tty_gone(&self) -> bool {
        self.had_controlling_tty
            && File::open("/dev/tty").is_err_and(|e| matches!(e.raw_os_error(), Some(5 | 6)))
    }
}

/// `poll` with no event asked for still reports a hang-up or an error, and reads nothing.
fn reports_hang_up(fd: BorrowedFd<'_>) -> bool {
    use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
    let mut fds = [PollFd::new(fd, PollFlags::empty())];
    match poll(&mut fds, PollTimeout::ZERO) {
        Ok(0) => false,
        Ok(_) => fds[0].revents().is_some_and(|r| {
            r.intersects(PollFlags::POLLHUP | PollFlags::POLLERR | PollFlags::POLLNVAL)
        }),
        Err(_) => false,
    }
}

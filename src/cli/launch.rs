//! Opening the terminal UI: on the chosen database (the default one is created with the
//! reference data on first run; a named one must exist), or on a fresh throwaway copy of the
//! demo network.

use std::path::{Path, PathBuf};

use super::args::Cli;
use super::session::{CliError, create_default_folder, database_named, open_store};
use crate::config::Config;
use crate::store::{Store, users};

/// A demo database in a directory of its own under the temporary directory (so the status bar
/// reads `demo.db`), removed with everything in it when dropped.
struct ThrowawayDemo {
    dir: PathBuf,
    path: PathBuf,
}

impl ThrowawayDemo {
    fn create() -> Result<ThrowawayDemo, CliError> {
        remove_stale_demos();
        let stamp = chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default();
        let dir = std::env::temp_dir().join(format!("cercles-demo-{}-{stamp}", std::process::id()));
        std::fs::create_dir(&dir).map_err(|e| CliError::Failed(e.to_string()))?;
        let demo = ThrowawayDemo {
            path: dir.join("demo.db"),
            dir,
        };
        crate::tui::terminal::remove_at_forced_exit(demo.dir.clone());
        crate::demo::build(&demo.path, &users::os_user_name()?)?;
        Ok(demo)
    }
}

/// Demo copies of sessions killed outright (`kill -9`, a machine that lost power), whose
/// process is gone: removed when the next demo starts.
fn remove_stale_demos() {
    let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix("cercles-demo-") else {
            continue;
        };
        // Only our own: another user's demo is theirs to clean, and not ours to remove.
        let mine = entry.metadata().is_ok_and(|m| {
            std::os::unix::fs::MetadataExt::uid(&m) == nix::unistd::getuid().as_raw()
        });
        if mine && crate::store::open::left_by_a_dead_process(rest) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

impl Drop for ThrowawayDemo {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Open the UI: `--demo` on a throwaway copy, else on `path`. Only the default database is
/// created if missing (first launch); a named one that does not exist is refused (a typo
/// would otherwise open an empty network).
pub fn open_ui(cli: &Cli, path: &Path, config: &Config) -> Result<(), CliError> {
    if cli.demo {
        let demo = ThrowawayDemo::create()?;
        // The demo's admin is the OS user; `--as` still picks who acts.
        let store = open_store(cli, &demo.path)?;
        return run(store, config);
    }
    if !database_named(cli) && !path.exists() {
        create_default_folder(path)?;
        Store::create(path, &users::os_user_name()?)?;
    }
    run(open_store(cli, path)?, config)
}

fn run(mut store: Store, config: &Config) -> Result<(), CliError> {
    store.set_follow_up_months(config.follow_up_months);
    crate::tui::run(store, config).map_err(|e| CliError::Failed(e.to_string()))
}

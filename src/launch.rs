//! Opening the terminal UI: on the chosen database (the default one is created with the
//! reference data on first run), or on a fresh throwaway copy of the demo network.

use std::path::{Path, PathBuf};

use crate::cli::{Cli, CliError, open_store};
use crate::store::{Store, users};

/// A demo database in a directory of its own under the temporary directory (so the status bar
/// reads `demo.db`), removed with everything in it when dropped.
struct ThrowawayDemo {
    dir: PathBuf,
    path: PathBuf,
}

impl ThrowawayDemo {
    fn create() -> Result<ThrowawayDemo, CliError> {
        let stamp = chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default();
        let dir = std::env::temp_dir().join(format!("cercles-demo-{}-{stamp}", std::process::id()));
        std::fs::create_dir(&dir).map_err(|e| CliError::Failed(e.to_string()))?;
        let demo = ThrowawayDemo {
            path: dir.join("demo.db"),
            dir,
        };
        crate::demo::build(&demo.path, &users::os_user_name()?)?;
        Ok(demo)
    }
}

impl Drop for ThrowawayDemo {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Open the UI: `--demo` on a throwaway copy, else on `path` (created if missing).
pub fn open_ui(cli: &Cli, path: &Path) -> Result<(), CliError> {
    if cli.demo {
        let demo = ThrowawayDemo::create()?;
        // The demo's admin is the OS user; `--as` still picks who acts.
        let store = open_store(cli, &demo.path)?;
        return run(store);
    }
    if !path.exists() {
        Store::create(path, &users::os_user_name()?)?;
    }
    run(open_store(cli, path)?)
}

fn run(store: Store) -> Result<(), CliError> {
    crate::tui::run(store).map_err(|e| CliError::Failed(e.to_string()))
}

//! The terminal UI: app state and actions (`app`, `action`), the one keymap table (`keymap`),
//! colours (`theme`), one file per tab (`tabs`), reusable widgets and dialogs (`widgets`), the
//! screen layout (`view`) and the terminal's owner and event loop (`terminal`).

pub mod action;
pub mod app;
mod error;
mod input;
pub mod keymap;
pub mod tabs;
pub mod terminal;
pub mod theme;
pub mod view;
pub mod widgets;
pub mod wire;

pub use action::Action;
pub use app::App;
pub use error::TuiError;
pub use theme::Theme;

use crate::store::Store;

/// Open the UI on `store` and run it until the person quits, the terminal goes away, or a
/// SIGHUP / SIGTERM arrives. The terminal is restored on every path, panics included.
/// `config` gives the installation's colours.
pub fn run(store: Store, config: &crate::config::Config) -> Result<(), TuiError> {
    let palette = theme::Palette::configured(&config.colours);
    let app = App::with_theme(store, Theme::from_env_with(palette))?;
    terminal::run(app)
}

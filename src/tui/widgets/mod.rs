//! Reusable widgets and dialogs: the form, the selectable list, the table, the picker, the help
//! overlay, the command palette, the yes/no question.

pub mod confirm;
pub mod editor;
pub mod form;
mod form_view;
pub mod gauge;
pub mod help;
mod layout;
pub mod list;
pub mod list_detail;
pub mod merge;
pub mod palette;
pub mod picker;
#[doc(hidden)]
pub mod picker_names;
pub mod table;

/// Cutting and wrapping live with the rest of text handling; re-exported for the widgets.
pub use crate::text::{truncate, wrap_text};
pub use layout::centered;

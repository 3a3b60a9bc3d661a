//! Reusable widgets and dialogs: the form, the selectable list, the table, the picker, the help
//! overlay, the command palette, the yes/no question.

pub mod confirm;
pub mod editor;
pub mod form;
pub mod help;
pub mod list;
pub mod list_detail;
pub mod merge;
pub mod palette;
pub mod picker;
#[doc(hidden)]
pub mod picker_names;
pub mod table;

use ratatui::layout::Rect;

/// Cutting and wrapping live with the rest of text handling; re-exported for the widgets.
pub use crate::text::{truncate, wrap_text};

/// A rectangle of at most `width` x `height` centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

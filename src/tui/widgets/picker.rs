//! A picker: a field that chooses one entry of a list of any length by typing part of it,
//! without case or accents, best matches first; also usable as a quick filter (the query and
//! its matches are readable). Short lists also cycle with ← → and jump by first letter.
//!
//! Each keystroke's work is bounded: the entries' match keys are folded once, when the list is
//! given; a letter added to the query only re-ranks the previous matches (a longer query never
//! matches more); Backspace goes back to the matches kept for the shorter query; only the best
//! ones are sorted (a partial sort), more only when the cursor goes down to them.
//!
//! The state is in `picker_state.rs`, its drawing in `picker_view.rs`.

#[path = "picker_state.rs"]
mod state;
#[path = "picker_view.rs"]
mod view;

pub use state::{Picker, PickerEntry, PickerReply, Rank, SHORT_LIST, match_key, rank};
pub use view::{PickerView, render_matches};

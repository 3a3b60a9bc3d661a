//! Plain domain types and their validation: money in cents, dates, enums. No SQL, no terminal.

pub mod circle;
pub mod clock;
pub mod date;
pub mod money;
pub mod role;

pub use circle::{Circle, CircleKind, CircleSheet};
pub use clock::Clock;
pub use date::{format_date, parse_date};
pub use money::Money;
pub use role::{Area, Role};

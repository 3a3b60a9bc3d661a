//! The one source of "today". Nothing else reads the system date.

use chrono::NaiveDate;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// The system's local date.
    System,
    /// A fixed date: `CERCLES_TODAY` (tests) or the demo's stored reference date.
    Fixed(NaiveDate),
}

impl Clock {
    pub fn today(self) -> NaiveDate {
        match self {
            Clock::System => chrono::Local::now().date_naive(),
            Clock::Fixed(d) => d,
        }
    }

    /// The date to show in the status bar when it is not the system date.
    pub fn shown_date(self) -> Option<NaiveDate> {
        match self {
            Clock::System => None,
            Clock::Fixed(d) => Some(d),
        }
    }
}

/// Current UTC time for audit entries, to the second, RFC 3339.
pub fn now_timestamp() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

//! The demo's "today".

use chrono::NaiveDate;

/// The demo's reference date.
pub fn reference_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 11, 20).unwrap_or_default()
}

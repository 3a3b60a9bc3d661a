//! Dates as people write them (`28/11/2026`, `28/11`, `2026-11-28`) and as the database stores
//! them (ISO `YYYY-MM-DD`).

use chrono::{Datelike, NaiveDate};

use crate::catalogue::parse as msg;
use crate::text::excerpt_for_message;

/// Years outside this range are typing mistakes (`0226` for `2026`), not dates of the network.
pub const MIN_YEAR: i32 = 1000;
pub const MAX_YEAR: i32 = 9999;

/// Why a date was rejected. The `input` fields hold the trimmed input, already escaped and
/// shortened for a message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("{}", msg::date_empty())]
    Empty,
    #[error("{}", msg::date_unrecognised(input))]
    Unrecognised { input: String },
    /// Where a month is also accepted: the example offers both.
    #[error("{}", msg::day_or_month_unrecognised(input))]
    UnrecognisedDayOrMonth { input: String },
    #[error("{}", msg::month_name_unknown(input))]
    MonthNameUnknown { input: String },
    #[error("{}", msg::month_name_ambiguous(input, candidates))]
    MonthNameAmbiguous {
        input: String,
        candidates: Vec<&'static str>,
    },
    #[error("{}", msg::date_year_not_four_digits(input))]
    YearNotFourDigits { input: String },
    #[error("{}", msg::date_year_out_of_range(input, MIN_YEAR, MAX_YEAR))]
    YearOutOfRange { input: String },
    #[error("{}", msg::date_no_such_month(input, *month))]
    NoSuchMonth { input: String, month: u32 },
    #[error("{}", msg::date_day_zero(input))]
    DayZero { input: String },
    #[error("{}", msg::date_day_past_month_end(input, *month, *year, *days_in_month))]
    DayPastMonthEnd {
        input: String,
        month: u32,
        year: i32,
        days_in_month: u32,
    },
}

/// Parses `28/11/2026`, `1/2/2026`, `28.11.2026`, `28-11-2026`, `2026-11-28` (ISO), and `28/11`
/// (in the year of `today`). Years have four digits; a day that the month lacks is refused with
/// the month's length, never moved to the next month.
pub fn parse_date(input: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(DateError::Empty);
    }
    let quoted = || excerpt_for_message(trimmed);
    let unrecognised = || DateError::Unrecognised { input: quoted() };

    let separator = trimmed
        .chars()
        .find(|c| matches!(c, '/' | '.' | '-'))
        .ok_or_else(unrecognised)?;
    let parts: Vec<&str> = trimmed.split(separator).collect();
    let all_digits = |part: &&str| !part.is_empty() && part.chars().all(|c| c.is_ascii_digit());
    if !parts.iter().all(all_digits) {
        return Err(unrecognised());
    }

    let (day, month, year) = match parts.as_slice() {
        [year, month, day] if year.len() == 4 => (*day, *month, *year),
        [day, month, year] => (*day, *month, *year),
        [day, month] => (*day, *month, ""),
        _ => return Err(unrecognised()),
    };
    if day.len() > 2 || month.len() > 2 {
        return Err(unrecognised());
    }
    let year = if year.is_empty() {
        today.year()
    } else if year.len() == 4 {
        parse_small_number(year).ok_or_else(unrecognised)?
    } else {
        return Err(DateError::YearNotFourDigits { input: quoted() });
    };
    let month: u32 = parse_small_number(month).ok_or_else(unrecognised)?;
    let day: u32 = parse_small_number(day).ok_or_else(unrecognised)?;

    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return Err(DateError::YearOutOfRange { input: quoted() });
    }
    if !(1..=12).contains(&month) {
        return Err(DateError::NoSuchMonth {
            input: quoted(),
            month,
        });
    }
    if day == 0 {
        return Err(DateError::DayZero { input: quoted() });
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| DateError::DayPastMonthEnd {
        input: quoted(),
        month,
        year,
        days_in_month: days_in_month(year, month),
    })
}

/// A run of at most four ASCII digits as a number.
fn parse_small_number<T: TryFrom<u32>>(digits: &str) -> Option<T> {
    if digits.is_empty() || digits.len() > 4 {
        return None;
    }
    let mut value: u32 = 0;
    for c in digits.chars() {
        value = value * 10 + c.to_digit(10)?;
    }
    T::try_from(value).ok()
}

/// 28 to 31; 0 for a month that does not exist.
fn days_in_month(year: i32, month: u32) -> u32 {
    let first = NaiveDate::from_ymd_opt(year, month, 1);
    let next_first = if month == 12 {
        NaiveDate::from_ymd_opt(year.saturating_add(1), 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month.saturating_add(1), 1)
    };
    match (first, next_first) {
        (Some(first), Some(next)) => u32::try_from((next - first).num_days()).unwrap_or(0),
        _ => 0,
    }
}

/// `28/11/2026`, as shown on screen.
pub fn format_date(date: NaiveDate) -> String {
    format!("{:02}/{:02}/{:04}", date.day(), date.month(), date.year())
}

/// `2026-11-28`, as stored in the database.
pub fn to_iso(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// Reads exactly `YYYY-MM-DD` (what `to_iso` writes); anything else is `None`.
pub fn from_iso(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(index, byte)| index == 4 || index == 7 || byte.is_ascii_digit());
    if !shape_ok {
        return None;
    }
    // All ten bytes are ASCII, so these slices fall on character boundaries.
    let year: i32 = parse_small_number(text.get(0..4)?)?;
    let month: u32 = parse_small_number(text.get(5..7)?)?;
    let day: u32 = parse_small_number(text.get(8..10)?)?;
    NaiveDate::from_ymd_opt(year, month, day)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    fn today() -> NaiveDate {
        ymd(2026, 3, 15)
    }

    fn parse(input: &str) -> Result<NaiveDate, DateError> {
        parse_date(input, today())
    }

    #[test]
    fn accepts_the_usual_forms() {
        let expected = ymd(2026, 11, 28);
        for input in [
            "28/11/2026",
            "2026-11-28",
            "28.11.2026",
            "28-11-2026",
            "  28/11/2026 ",
            "28/11",
            "2026/11/28",
        ] {
            assert_eq!(parse(input), Ok(expected), "{input}");
        }
        assert_eq!(parse("1/2/2026"), Ok(ymd(2026, 2, 1)));
        assert_eq!(parse("01/02/2026"), Ok(ymd(2026, 2, 1)));
        assert_eq!(parse("29/02/2028"), Ok(ymd(2028, 2, 29)));
        assert_eq!(parse("2026-1-5"), Ok(ymd(2026, 1, 5)));
        assert_eq!(parse_date("5/1", ymd(1999, 12, 31)), Ok(ymd(1999, 1, 5)));
    }

    #[test]
    fn refuses_a_day_the_month_lacks() {
        let error = parse("31/02/2026").unwrap_err();
        assert_eq!(
            error.to_string(),
            "« 31/02/2026 » n'est pas une date : février 2026 n'a que 28 jours"
        );
        assert_eq!(
            parse("31/04/2026").unwrap_err().to_string(),
            "« 31/04/2026 » n'est pas une date : avril 2026 n'a que 30 jours"
        );
        assert_eq!(
            parse("29/02/2100").unwrap_err().to_string(),
            "« 29/02/2100 » n'est pas une date : février 2100 n'a que 28 jours"
        );
        assert_eq!(
            parse("32/12/2026").unwrap_err().to_string(),
            "« 32/12/2026 » n'est pas une date : décembre 2026 n'a que 31 jours"
        );
        assert!(matches!(parse("0/11/2026"), Err(DateError::DayZero { .. })));
        assert!(matches!(
            parse("28/13/2026"),
            Err(DateError::NoSuchMonth { month: 13, .. })
        ));
        assert!(matches!(
            parse("28/00/2026"),
            Err(DateError::NoSuchMonth { month: 0, .. })
        ));
    }

    #[test]
    fn refuses_garbage_with_an_example() {
        assert_eq!(
            parse("xyz").unwrap_err().to_string(),
            "« xyz » n'est pas une date : écrivez par exemple 14/07/2025"
        );
        assert_eq!(parse(""), Err(DateError::Empty));
        for input in [
            "28/11/2026/1",
            "28/11-2026",
            "28 11 2026",
            "28//2026",
            "/11/2026",
            "2026",
            "123/11/2026",
            "28/112/2026",
            "é/11/2026",
            "28/11/2026 10:00",
            "١/٢/٢٠٢٦",
        ] {
            assert!(
                matches!(parse(input), Err(DateError::Unrecognised { .. })),
                "{input}: {:?}",
                parse(input)
            );
        }
    }

    #[test]
    fn wants_four_digit_years() {
        assert!(matches!(
            parse("28/11/26"),
            Err(DateError::YearNotFourDigits { .. })
        ));
        assert!(matches!(
            parse("28/11/20266"),
            Err(DateError::YearNotFourDigits { .. })
        ));
        assert!(matches!(
            parse("28/11/0226"),
            Err(DateError::YearOutOfRange { .. })
        ));
    }

    #[test]
    fn formats_for_screen_and_database() {
        let date = ymd(2026, 1, 5);
        assert_eq!(format_date(date), "05/01/2026");
        assert_eq!(to_iso(date), "2026-01-05");
        assert_eq!(from_iso("2026-01-05"), Some(date));
        assert_eq!(from_iso("2026-1-5"), None);
        assert_eq!(from_iso("2026-02-30"), None);
        assert_eq!(from_iso("05/01/2026"), None);
        assert_eq!(from_iso("2026-01-0é"), None);
        assert_eq!(from_iso("+2026-01-05"), None);
        assert_eq!(from_iso(""), None);
    }

    #[test]
    fn days_in_month_knows_leap_years() {
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(2026, 2), 28);
        assert_eq!(days_in_month(2000, 2), 29);
        assert_eq!(days_in_month(1900, 2), 28);
        assert_eq!(days_in_month(2026, 12), 31);
        assert_eq!(days_in_month(2026, 13), 0);
    }

    fn any_date() -> impl Strategy<Value = NaiveDate> {
        let first = ymd(1900, 1, 1);
        let last = ymd(2200, 12, 31);
        (0..=(last - first).num_days())
            .prop_map(move |offset| first + chrono::Days::new(offset as u64))
    }

    proptest! {
        #[test]
        fn screen_format_round_trips(date in any_date()) {
            prop_assert_eq!(parse_date(&format_date(date), today()), Ok(date));
        }

        #[test]
        fn iso_round_trips(date in any_date()) {
            prop_assert_eq!(from_iso(&to_iso(date)), Some(date));
            prop_assert_eq!(parse_date(&to_iso(date), today()), Ok(date));
        }

        #[test]
        fn parse_never_panics(input in any::<String>()) {
            let _ = parse_date(&input, today());
            let _ = from_iso(&input);
        }

        #[test]
        fn parse_never_panics_on_near_dates(input in "[0-9/.\\-é ]{0,14}") {
            if let Ok(date) = parse_date(&input, today()) {
                prop_assert!((MIN_YEAR..=MAX_YEAR).contains(&date.year()));
            }
            let _ = from_iso(&input);
        }
    }
}

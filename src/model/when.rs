//! A date known to the day or only to the month. The annual report dates much of the year by
//! month ("en avril"): such a date is kept as a month (`2025-04` in the database, `avril 2025`
//! on screen), never given an invented first day. It sorts at the start of its month, before
//! the days of that month.

use std::cmp::Ordering;
use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::date::{DateError, MAX_YEAR, MIN_YEAR, format_date, from_iso, parse_date, to_iso};
use crate::catalogue::parse as msg;
use crate::text::{excerpt_for_message, fold_for_match};

/// A month of a year, `1..=12` and a year in `MIN_YEAR..=MAX_YEAR` (made only by [`Month::new`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Month {
    year: i32,
    month: u32,
}

impl Month {
    pub fn new(year: i32, month: u32) -> Option<Month> {
        ((MIN_YEAR..=MAX_YEAR).contains(&year) && (1..=12).contains(&month))
            .then_some(Month { year, month })
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u32 {
        self.month
    }

    /// The first day of the month: where the month sorts, never a date shown or stored.
    pub fn start(self) -> NaiveDate {
        // Both parts were checked by `Month::new`; the fallback is never reached.
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or(NaiveDate::MIN)
    }
}

/// A day, or a month when that is all that is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum When {
    Day(NaiveDate),
    Month(Month),
}

impl When {
    pub fn month(year: i32, month: u32) -> Option<When> {
        Month::new(year, month).map(When::Month)
    }

    pub fn year(self) -> i32 {
        match self {
            When::Day(d) => d.year(),
            When::Month(m) => m.year(),
        }
    }

    /// Where it sorts: a month at its first day.
    pub fn start(self) -> NaiveDate {
        match self {
            When::Day(d) => d,
            When::Month(m) => m.start(),
        }
    }

    /// `2025-11-28` or `2025-11`, as stored in the database.
    pub fn to_stored(self) -> String {
        match self {
            When::Day(d) => to_iso(d),
            When::Month(m) => format!("{:04}-{:02}", m.year(), m.month()),
        }
    }

    /// Reads exactly what [`When::to_stored`] writes; anything else is `None`.
    pub fn from_stored(text: &str) -> Option<When> {
        if text.len() == 10 {
            return from_iso(text).map(When::Day);
        }
        let bytes = text.as_bytes();
        let shape_ok = bytes.len() == 7
            && bytes[4] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(index, byte)| index == 4 || byte.is_ascii_digit());
        if !shape_ok {
            return None;
        }
        // All seven bytes are ASCII, so these slices fall on character boundaries.
        let year = text.get(0..4)?.parse().ok()?;
        let month = text.get(5..7)?.parse().ok()?;
        When::month(year, month)
    }

    /// Parses a date as people type it: the day forms of [`parse_date`] (`28/11/2025`, `28/11`,
    /// `2025-11-28`), and months: `11/2025`, `2025-11`, `novembre 2025`, `nov. 2025`,
    /// `novembre` (in the year of `today`), case and accents ignored; `28 novembre 2025` is a day.
    pub fn parse(input: &str, today: NaiveDate) -> Result<When, DateError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(DateError::Empty);
        }
        if trimmed.chars().any(char::is_alphabetic) {
            return parse_with_month_name(trimmed, today);
        }
        let quoted = || excerpt_for_message(trimmed);
        let parts: Vec<&str> = trimmed.split(['/', '.', '-']).collect();
        let digits = |part: &str| !part.is_empty() && part.chars().all(|c| c.is_ascii_digit());
        let month_and_year = match parts.as_slice() {
            [month, year] if digits(month) && digits(year) && year.len() == 4 => {
                Some((*month, *year))
            }
            [year, month] if digits(month) && digits(year) && year.len() == 4 => {
                Some((*month, *year))
            }
            _ => None,
        };
        let Some((month, year)) = month_and_year else {
            return parse_date(trimmed, today)
                .map(When::Day)
                .map_err(widen_example);
        };
        if month.len() > 2 {
            return Err(DateError::UnrecognisedDayOrMonth { input: quoted() });
        }
        let year = i32::try_from(number(year)).unwrap_or(i32::MAX);
        month_of(year, number(month), trimmed)
    }
}

/// The day parser's "write for example 14/07/2025" also offers the month forms.
fn widen_example(e: DateError) -> DateError {
    match e {
        DateError::Unrecognised { input } => DateError::UnrecognisedDayOrMonth { input },
        other => other,
    }
}

/// At most four ASCII digits (checked by the caller) as a number.
fn number(digits: &str) -> u32 {
    digits
        .chars()
        .filter_map(|c| c.to_digit(10))
        .fold(0, |value, digit| {
            value.saturating_mul(10).saturating_add(digit)
        })
}

fn month_of(year: i32, month: u32, trimmed: &str) -> Result<When, DateError> {
    let quoted = || excerpt_for_message(trimmed);
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return Err(DateError::YearOutOfRange { input: quoted() });
    }
    When::month(year, month).ok_or(DateError::NoSuchMonth {
        input: quoted(),
        month,
    })
}

/// `[day] name [year]`: `novembre 2025`, `nov. 2025`, `28 novembre 2025`, `novembre`.
fn parse_with_month_name(trimmed: &str, today: NaiveDate) -> Result<When, DateError> {
    let quoted = || excerpt_for_message(trimmed);
    let unrecognised = || DateError::UnrecognisedDayOrMonth { input: quoted() };
    let folded = fold_for_match(trimmed);
    let words: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || c == '.' || c == ',')
        .filter(|w| !w.is_empty())
        // "1er novembre 2025"
        .map(|w| if w == "1er" { "1" } else { w })
        .collect();
    let is_number = |w: &str| w.len() <= 4 && w.chars().all(|c| c.is_ascii_digit());
    let (day, name, year) = match words.as_slice() {
        [name] => (None, *name, None),
        [name, year] if is_number(year) => (None, *name, Some(*year)),
        [day, name] if is_number(day) && day.len() <= 2 => (Some(*day), *name, None),
        [day, name, year] if is_number(day) && day.len() <= 2 && is_number(year) => {
            (Some(*day), *name, Some(*year))
        }
        _ => return Err(unrecognised()),
    };
    if !name.chars().all(char::is_alphabetic) {
        return Err(unrecognised());
    }
    let month = month_by_name(name, trimmed)?;
    let year = match year {
        None => today.year(),
        Some(y) if y.len() == 4 => i32::try_from(number(y)).unwrap_or(i32::MAX),
        Some(_) => return Err(DateError::YearNotFourDigits { input: quoted() }),
    };
    match day {
        None => month_of(year, month, trimmed),
        // The day parser words every refusal (day zero, 31 in a month of 30).
        Some(day) => parse_date(&format!("{day}/{month}/{year:04}"), today)
            .map(When::Day)
            .map_err(|e| requote(e, quoted())),
    }
}

/// The month a (folded) name means: the full name, or its first three letters or more when
/// only one month starts so (`juil`, `sept`, `fevr`).
fn month_by_name(name: &str, trimmed: &str) -> Result<u32, DateError> {
    let folded: Vec<String> = msg::MONTH_NAMES.iter().map(|n| fold_for_match(n)).collect();
    if let Some(index) = folded.iter().position(|n| n == name) {
        return Ok(index as u32 + 1);
    }
    let starting: Vec<usize> = if name.chars().count() >= 3 {
        (0..folded.len())
            .filter(|&i| folded[i].starts_with(name))
            .collect()
    } else {
        Vec::new()
    };
    match starting.as_slice() {
        [index] => Ok(*index as u32 + 1),
        [] => Err(DateError::MonthNameUnknown {
            input: excerpt_for_message(trimmed),
        }),
        several => Err(DateError::MonthNameAmbiguous {
            input: excerpt_for_message(trimmed),
            candidates: several.iter().map(|&i| msg::MONTH_NAMES[i]).collect(),
        }),
    }
}

/// An error of the day parser about the rebuilt `28/11/2025`, told about what was typed.
fn requote(e: DateError, input: String) -> DateError {
    match e {
        DateError::DayZero { .. } => DateError::DayZero { input },
        DateError::DayPastMonthEnd {
            month,
            year,
            days_in_month,
            ..
        } => DateError::DayPastMonthEnd {
            input,
            month,
            year,
            days_in_month,
        },
        DateError::YearOutOfRange { .. } => DateError::YearOutOfRange { input },
        _ => DateError::UnrecognisedDayOrMonth { input },
    }
}

impl Ord for When {
    /// By the day it starts; a month before the days of that month.
    fn cmp(&self, other: &When) -> Ordering {
        let rank = |w: &When| match w {
            When::Month(_) => 0,
            When::Day(_) => 1,
        };
        (self.start(), rank(self)).cmp(&(other.start(), rank(other)))
    }
}

impl PartialOrd for When {
    fn partial_cmp(&self, other: &When) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// `28/11/2025` or `novembre 2025`, as shown on screen.
impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            When::Day(d) => f.write_str(&format_date(*d)),
            When::Month(m) => f.write_str(&msg::month_and_year(m.month(), m.year())),
        }
    }
}

impl From<NaiveDate> for When {
    fn from(day: NaiveDate) -> When {
        When::Day(day)
    }
}

impl Serialize for When {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_stored())
    }
}

impl<'de> Deserialize<'de> for When {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<When, D::Error> {
        let text = String::deserialize(deserializer)?;
        When::from_stored(&text).ok_or_else(|| {
            serde::de::Error::custom(format!("not a YYYY-MM-DD or YYYY-MM date: {text:?}"))
        })
    }
}

#[cfg(test)]
#[path = "when_tests.rs"]
mod tests;

//! Money as integer cents: parsing what French people, spreadsheets and banks write, and
//! formatting for the screen (`1 234,56 €`) and for CSV (`1234,56`). Never a float.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Neg, Sub, SubAssign};
use std::str::FromStr;

use crate::catalogue::parse as msg;
use crate::text::{escape_for_terminal, excerpt_for_message};

/// An amount in euro cents. Positive is income, negative is expense.
///
/// `+`, `-`, unary `-` and `Sum` use plain `i64` arithmetic: a network's books stay many orders
/// of magnitude below `i64::MAX` cents (92 million billion euros), so overflow there is a bug
/// that debug builds report by panicking. Code that adds amounts read from outside (an
/// import) should use `checked_add` / `checked_sum` and report overflow as an error.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct Money(pub i64);

/// Why an amount was rejected. The `input` fields hold the trimmed input, already escaped and
/// shortened for a message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("{}", msg::money_empty())]
    Empty,
    #[error("{}", msg::money_no_digits(input))]
    NoDigits { input: String },
    #[error("{}", msg::money_too_many_decimals(input))]
    TooManyDecimals { input: String },
    #[error("{}", msg::money_invalid_character(input, &escape_for_terminal(&found.to_string())))]
    InvalidCharacter { input: String, found: char },
    #[error("{}", msg::money_several_signs(input))]
    SeveralSigns { input: String },
    #[error("{}", msg::money_misplaced_sign(input))]
    MisplacedSign { input: String },
    #[error("{}", msg::money_bad_grouping(input))]
    BadGrouping { input: String },
    #[error("{}", msg::money_malformed(input))]
    Malformed { input: String },
    #[error("{}", msg::money_too_large(input))]
    TooLarge { input: String },
}

const CENTS_PER_EURO: u64 = 100;

fn is_sign(c: char) -> bool {
    matches!(c, '+' | '-' | '\u{2212}')
}

/// Spaces people and spreadsheets put between thousands: plain, no-break, narrow no-break.
fn is_space_separator(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{202F}')
}

impl Money {
    pub const ZERO: Money = Money(0);

    pub const fn from_cents(cents: i64) -> Money {
        Money(cents)
    }

    pub const fn cents(self) -> i64 {
        self.0
    }

    pub const fn is_zero(self) -> bool {
        self.0 == 0
    }

    pub const fn is_negative(self) -> bool {
        self.0 < 0
    }

    pub const fn is_positive(self) -> bool {
        self.0 > 0
    }

    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).map(Money)
    }

    pub fn checked_sub(self, other: Money) -> Option<Money> {
        self.0.checked_sub(other.0).map(Money)
    }

    pub fn checked_neg(self) -> Option<Money> {
        self.0.checked_neg().map(Money)
    }

    /// The total, or `None` if it does not fit in `i64` cents.
    pub fn checked_sum<I: IntoIterator<Item = Money>>(amounts: I) -> Option<Money> {
        amounts
            .into_iter()
            .try_fold(Money::ZERO, |total, amount| total.checked_add(amount))
    }

    /// Parses `1 234,56`, `1234.56`, `1.234,56`, `-12,5`, `+12`, `−12`, `12 €`, `12€`.
    ///
    /// Thousands may be separated by a space (plain, no-break or narrow no-break), or by `.`
    /// when the decimal separator is a comma; groups after the first must have three digits.
    /// A lone `.` is a decimal point. At most two decimals; never rounds.
    pub fn parse(input: &str) -> Result<Money, MoneyError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(MoneyError::Empty);
        }
        let quoted = || excerpt_for_message(trimmed);

        let without_euro = trimmed.strip_suffix('€').unwrap_or(trimmed).trim_end();

        let mut rest = without_euro;
        let mut negative = false;
        let mut signs = 0;
        while let Some(c) = rest.chars().next().filter(|&c| is_sign(c)) {
            signs += 1;
            negative = c != '+';
            rest = rest[c.len_utf8()..].trim_start();
        }
        if signs > 1 {
            return Err(MoneyError::SeveralSigns { input: quoted() });
        }
        let body = rest;

        for c in body.chars() {
            if c.is_ascii_digit() || is_space_separator(c) || c == ',' || c == '.' {
                continue;
            }
            if is_sign(c) {
                return Err(if signs > 0 {
                    MoneyError::SeveralSigns { input: quoted() }
                } else {
                    MoneyError::MisplacedSign { input: quoted() }
                });
            }
            return Err(MoneyError::InvalidCharacter {
                input: quoted(),
                found: c,
            });
        }
        if !body.chars().any(|c| c.is_ascii_digit()) {
            return Err(MoneyError::NoDigits { input: quoted() });
        }

        let (integer_part, fraction_part) =
            split_decimal(body).ok_or_else(|| MoneyError::Malformed { input: quoted() })?;

        if !fraction_part.chars().all(|c| c.is_ascii_digit()) {
            return Err(MoneyError::Malformed { input: quoted() });
        }
        if fraction_part.len() > 2 {
            return Err(MoneyError::TooManyDecimals { input: quoted() });
        }
        let integer_digits = integer_digits(integer_part)
            .ok_or_else(|| MoneyError::BadGrouping { input: quoted() })?;

        let too_large = || MoneyError::TooLarge { input: quoted() };
        let digit_value = |c: char| {
            c.to_digit(10)
                .map(u64::from)
                .ok_or_else(|| MoneyError::Malformed { input: quoted() })
        };
        let mut euros: u64 = 0;
        for c in integer_digits.chars() {
            let digit = digit_value(c)?;
            euros = euros
                .checked_mul(10)
                .and_then(|e| e.checked_add(digit))
                .ok_or_else(too_large)?;
        }
        let mut fraction: u64 = 0;
        for c in fraction_part.chars() {
            fraction = fraction * 10 + digit_value(c)?;
        }
        if fraction_part.len() == 1 {
            fraction *= 10;
        }
        let magnitude = euros
            .checked_mul(CENTS_PER_EURO)
            .and_then(|c| c.checked_add(fraction))
            .ok_or_else(too_large)?;

        let cents = if negative {
            // -(i64::MIN) does not fit in i64, so go through i128.
            i64::try_from(-i128::from(magnitude)).map_err(|_| too_large())?
        } else {
            i64::try_from(magnitude).map_err(|_| too_large())?
        };
        Ok(Money(cents))
    }

    /// `1 234,56 €`, `-0,05 €`: thousands separated by a plain space, always two decimals.
    pub fn to_screen(&self) -> String {
        let (euros, cents) = self.split();
        let sign = if self.is_negative() { "-" } else { "" };
        format!("{sign}{},{cents:02} €", group_thousands(euros))
    }

    /// `1234,56`, `-1234,56`: for CSV exports (French Excel reads a grouped number as text).
    pub fn to_csv(&self) -> String {
        let (euros, cents) = self.split();
        let sign = if self.is_negative() { "-" } else { "" };
        format!("{sign}{euros},{cents:02}")
    }

    /// Absolute value as whole euros and remaining cents; `unsigned_abs` keeps `i64::MIN` safe.
    fn split(self) -> (u64, u64) {
        let magnitude = self.0.unsigned_abs();
        (magnitude / CENTS_PER_EURO, magnitude % CENTS_PER_EURO)
    }
}

/// Splits a body made only of digits and separators at its decimal separator.
/// `None` when the separators cannot be read unambiguously (`1,234,56`, `1,23.4`).
fn split_decimal(body: &str) -> Option<(&str, &str)> {
    let commas = body.matches(',').count();
    let dots = body.matches('.').count();
    match (commas, dots) {
        (0, 0) => Some((body, "")),
        // Dots before the comma are thousands separators.
        (1, _) => {
            let (integer, fraction) = body.split_once(',')?;
            if fraction.contains('.') {
                return None;
            }
            Some((integer, fraction))
        }
        (0, 1) => body.split_once('.'),
        // Several dots and no comma: dots can only be thousands separators.
        (0, _) => Some((body, "")),
        _ => None,
    }
}

/// The digits of an integer part, checking that separated groups are `d{1,3}` then `ddd`.
/// An empty integer part (`,50`) is zero.
fn integer_digits(integer_part: &str) -> Option<String> {
    let groups: Vec<&str> = integer_part
        .split(|c: char| is_space_separator(c) || c == '.')
        .collect();
    if groups.len() > 1 {
        let (first, others) = groups.split_first()?;
        let first_ok = (1..=3).contains(&first.len());
        if !first_ok || others.iter().any(|group| group.len() != 3) {
            return None;
        }
    }
    Some(groups.concat())
}

fn group_thousands(value: u64) -> String {
    let digits = value.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(' ');
        }
        grouped.push(digit);
    }
    grouped
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_screen())
    }
}

impl FromStr for Money {
    type Err = MoneyError;

    fn from_str(s: &str) -> Result<Money, MoneyError> {
        Money::parse(s)
    }
}

impl Add for Money {
    type Output = Money;

    fn add(self, other: Money) -> Money {
        Money(self.0 + other.0)
    }
}

impl Sub for Money {
    type Output = Money;

    fn sub(self, other: Money) -> Money {
        Money(self.0 - other.0)
    }
}

impl Neg for Money {
    type Output = Money;

    fn neg(self) -> Money {
        Money(-self.0)
    }
}

impl AddAssign for Money {
    fn add_assign(&mut self, other: Money) {
        *self = *self + other;
    }
}

impl SubAssign for Money {
    fn sub_assign(&mut self, other: Money) {
        *self = *self - other;
    }
}

impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

impl<'a> Sum<&'a Money> for Money {
    fn sum<I: Iterator<Item = &'a Money>>(iter: I) -> Money {
        iter.copied().sum()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn cents(input: &str) -> i64 {
        match Money::parse(input) {
            Ok(money) => money.cents(),
            Err(error) => panic!("{input:?} rejected: {error}"),
        }
    }

    #[test]
    fn accepts_french_and_bank_forms() {
        assert_eq!(cents("1 234,56"), 123_456);
        assert_eq!(cents("1\u{a0}234,56"), 123_456);
        assert_eq!(cents("1\u{202f}234,56"), 123_456);
        assert_eq!(cents("1234.56"), 123_456);
        assert_eq!(cents("1.234,56"), 123_456);
        assert_eq!(cents("1.234.567,89"), 123_456_789);
        assert_eq!(cents("1.234.567"), 123_456_700);
        assert_eq!(cents("1 234 567"), 123_456_700);
        assert_eq!(cents("1 234.5"), 123_450);
        assert_eq!(cents("-12,5"), -1250);
        assert_eq!(cents("12 €"), 1200);
        assert_eq!(cents("12€"), 1200);
        assert_eq!(cents("1 234,56 €"), 123_456);
        assert_eq!(cents("-1 234,56 €"), -123_456);
        assert_eq!(cents("+12"), 1200);
        assert_eq!(cents("\u{2212}12"), -1200);
        assert_eq!(cents("- 12,00"), -1200);
        assert_eq!(cents("  42,07\t"), 4207);
        assert_eq!(cents(",50"), 50);
        assert_eq!(cents("12,"), 1200);
        assert_eq!(cents("0"), 0);
        assert_eq!(cents("-0,00"), 0);
        assert_eq!(cents("007"), 700);
    }

    #[test]
    fn extreme_values_parse_exactly() {
        assert_eq!(cents("92 233 720 368 547 758,07"), i64::MAX);
        assert_eq!(cents("-92 233 720 368 547 758,08"), i64::MIN);
    }

    #[test]
    fn rejects_with_the_reason() {
        assert_eq!(Money::parse("   "), Err(MoneyError::Empty));
        assert_eq!(
            Money::parse("12,345").unwrap_err().to_string(),
            "« 12,345 » n'est pas un montant : deux chiffres après la virgule au plus"
        );
        assert!(matches!(
            Money::parse("1.234"),
            Err(MoneyError::TooManyDecimals { .. })
        ));
        assert!(matches!(
            Money::parse("12a"),
            Err(MoneyError::InvalidCharacter { found: 'a', .. })
        ));
        assert!(matches!(
            Money::parse("douze"),
            Err(MoneyError::InvalidCharacter { .. })
        ));
        assert!(matches!(
            Money::parse("--12"),
            Err(MoneyError::SeveralSigns { .. })
        ));
        assert!(matches!(
            Money::parse("+-12"),
            Err(MoneyError::SeveralSigns { .. })
        ));
        assert!(matches!(
            Money::parse("-12-"),
            Err(MoneyError::SeveralSigns { .. })
        ));
        assert!(matches!(
            Money::parse("12-"),
            Err(MoneyError::MisplacedSign { .. })
        ));
        assert!(matches!(
            Money::parse("1 23,45"),
            Err(MoneyError::BadGrouping { .. })
        ));
        assert!(matches!(
            Money::parse("1234 567"),
            Err(MoneyError::BadGrouping { .. })
        ));
        assert!(matches!(
            Money::parse("1,234,567"),
            Err(MoneyError::Malformed { .. })
        ));
        assert!(matches!(
            Money::parse("1,234.56"),
            Err(MoneyError::Malformed { .. })
        ));
        assert!(matches!(
            Money::parse("12,3 4"),
            Err(MoneyError::Malformed { .. })
        ));
        assert!(matches!(
            Money::parse("€"),
            Err(MoneyError::NoDigits { .. })
        ));
        assert!(matches!(
            Money::parse("-"),
            Err(MoneyError::NoDigits { .. })
        ));
        assert!(matches!(
            Money::parse("92 233 720 368 547 758,08"),
            Err(MoneyError::TooLarge { .. })
        ));
        assert!(matches!(
            Money::parse(&"9".repeat(500)),
            Err(MoneyError::TooLarge { .. })
        ));
        assert!(matches!(
            Money::parse("12 € €"),
            Err(MoneyError::InvalidCharacter { found: '€', .. })
        ));
    }

    #[test]
    fn error_messages_escape_hostile_input() {
        let message = Money::parse("1\u{202e}2").unwrap_err().to_string();
        assert!(!message.contains('\u{202e}'));
        assert!(message.contains("<U+202E>"));
    }

    #[test]
    fn screen_format_groups_thousands() {
        assert_eq!(Money(123_456).to_screen(), "1 234,56 €");
        assert_eq!(Money(-123_456).to_screen(), "-1 234,56 €");
        assert_eq!(Money(0).to_screen(), "0,00 €");
        assert_eq!(Money(-5).to_screen(), "-0,05 €");
        assert_eq!(Money(100_000_000).to_screen(), "1 000 000,00 €");
        assert_eq!(Money(99_999).to_screen(), "999,99 €");
        assert_eq!(Money(123_456).to_string(), "1 234,56 €");
        assert_eq!(Money(i64::MIN).to_screen(), "-92 233 720 368 547 758,08 €");
    }

    #[test]
    fn csv_format_has_no_grouping_nor_symbol() {
        assert_eq!(Money(123_456).to_csv(), "1234,56");
        assert_eq!(Money(-123_456).to_csv(), "-1234,56");
        assert_eq!(Money(-5).to_csv(), "-0,05");
        assert_eq!(Money(i64::MIN).to_csv(), "-92233720368547758,08");
    }

    #[test]
    fn arithmetic_and_sums() {
        assert_eq!(Money(150) + Money(-50), Money(100));
        assert_eq!(Money(150) - Money(50), Money(100));
        assert_eq!(-Money(150), Money(-150));
        let amounts = [Money(1), Money(2), Money(3)];
        assert_eq!(amounts.iter().sum::<Money>(), Money(6));
        assert_eq!(amounts.into_iter().sum::<Money>(), Money(6));
        assert_eq!(Money::checked_sum(amounts), Some(Money(6)));
        assert_eq!(Money::checked_sum([Money(i64::MAX), Money(1)]), None);
        assert_eq!(Money(i64::MAX).checked_add(Money(1)), None);
        assert_eq!(Money(i64::MIN).checked_sub(Money(1)), None);
        assert_eq!(Money(i64::MIN).checked_neg(), None);
        assert_eq!("12,50".parse::<Money>(), Ok(Money(1250)));
    }

    proptest! {
        #[test]
        fn csv_round_trips(value in -1_000_000_000_000_000i64..=1_000_000_000_000_000) {
            let money = Money(value);
            prop_assert_eq!(Money::parse(&money.to_csv()), Ok(money));
        }

        #[test]
        fn screen_round_trips(value in -1_000_000_000_000_000i64..=1_000_000_000_000_000) {
            let money = Money(value);
            prop_assert_eq!(Money::parse(&money.to_screen()), Ok(money));
        }

        #[test]
        fn any_i64_round_trips(value in any::<i64>()) {
            let money = Money(value);
            prop_assert_eq!(Money::parse(&money.to_csv()), Ok(money));
            prop_assert_eq!(Money::parse(&money.to_screen()), Ok(money));
        }

        #[test]
        fn parse_never_panics(input in any::<String>()) {
            let _ = Money::parse(&input);
        }

        #[test]
        fn parse_never_panics_on_near_amounts(input in "[-+\u{2212}0-9 ,.\u{a0}\u{202f}€a]{0,30}") {
            if let Ok(money) = Money::parse(&input) {
                prop_assert_eq!(Money::parse(&money.to_csv()), Ok(money));
            }
        }
    }
}

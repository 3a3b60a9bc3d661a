//! French phone numbers as people type them, normalised for display.
//!
//! Decision (issue 4): a number keeps the form it was given in. A French number typed
//! nationally (`0612345678`, `06.12.34.56.78`) is shown `06 12 34 56 78`; typed internationally
//! (`+33612345678`, `0033 6 12 34 56 78`, `+33 (0)6 12 34 56 78`) it is shown
//! `+33 6 12 34 56 78`, so a contact abroad keeps a number they can dial. Other country codes
//! stay international: `+32 470 12 34 56`. Normalising a normalised number gives it back.

use crate::catalogue::people as msg;
use crate::text::excerpt_for_message;

/// E.164 caps a number at 15 digits, country code included.
const MAX_DIGITS: usize = 15;
/// Shorter than this after the country code is a typing slip, not a number.
const MIN_FOREIGN_NATIONAL_DIGITS: usize = 4;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    #[error("{}", msg::phone_character(input, found))]
    Character { input: String, found: String },
    #[error("{}", msg::phone_french_length(input))]
    FrenchLength { input: String },
    #[error("{}", msg::phone_foreign_length(input))]
    ForeignLength { input: String },
    #[error("{}", msg::phone_national(input))]
    NotNational { input: String },
    #[error("{}", msg::phone_spreadsheet_number(input))]
    SpreadsheetNumber { input: String },
}

/// Normalise a phone number; `Ok(None)` for an empty input (the field is optional).
pub fn parse_phone(input: &str) -> Result<Option<String>, PhoneError> {
    // A leading apostrophe is how spreadsheet users keep the 0 of `'0612345678`.
    let trimmed = input.trim().trim_start_matches('\'').trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let quoted = || excerpt_for_message(trimmed);
    // A spreadsheet that took the number for a number: it dropped the leading 0
    // (`612345678`), or wrote it in scientific notation (`6,12E+08`).
    if trimmed.len() == 9
        && trimmed.bytes().all(|b| b.is_ascii_digit())
        && !trimmed.starts_with('0')
    {
        return Ok(Some(pairs(&format!("0{trimmed}"))));
    }
    if trimmed.to_ascii_uppercase().contains("E+") {
        return Err(PhoneError::SpreadsheetNumber { input: quoted() });
    }
    // "+33 (0)6 …": the "(0)" says "drop me when dialling from abroad".
    let without_trunk = trimmed.replace("(0)", "");
    let mut digits = String::new();
    let mut international = false;
    for (index, c) in without_trunk.chars().enumerate() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if index == 0 => international = true,
            ' ' | '\u{a0}' | '\u{202f}' | '.' | '-' | '/' | '(' | ')' => {}
            other => {
                return Err(PhoneError::Character {
                    input: quoted(),
                    found: crate::text::escape_for_terminal(&other.to_string()),
                });
            }
        }
    }
    if !international && digits.starts_with("00") {
        international = true;
        digits.drain(..2);
    }
    if international {
        if let Some(national) = digits.strip_prefix("33") {
            // "+33 06 …" happens: the trunk 0 has no place after the country code.
            let national = national.strip_prefix('0').unwrap_or(national);
            return french_international(national)
                .ok_or(PhoneError::FrenchLength { input: quoted() });
        }
        // A foreign number keeps the grouping its owner typed (each country groups its own
        // way); typed without separators, it is grouped by two.
        return foreign(&digits)
            .map(|grouped| typed_grouping(&without_trunk).map(Some).unwrap_or(grouped))
            .ok_or(PhoneError::ForeignLength { input: quoted() });
    }
    if digits.len() != 10 {
        return Err(PhoneError::FrenchLength { input: quoted() });
    }
    if !digits.starts_with('0') || digits.as_bytes().get(1) == Some(&b'0') {
        return Err(PhoneError::NotNational { input: quoted() });
    }
    Ok(Some(pairs(&digits)))
}

/// `612345678` → `+33 6 12 34 56 78`.
fn french_international(national: &str) -> Option<Option<String>> {
    let first = national.chars().next()?;
    if national.len() != 9 || first == '0' {
        return None;
    }
    Some(Some(format!("+33 {first} {}", pairs(&national[1..]))))
}

/// The groups of digits as typed, separators made single spaces, `00` made `+`; `None` when
/// typed as one block.
fn typed_grouping(text: &str) -> Option<String> {
    // Separators first, so that `(00 70…` loses its `00` as `00 70…` does.
    let spaced: String = text
        .chars()
        .map(|c| {
            if matches!(c, '.' | '-' | '/' | '(' | ')' | '\u{a0}' | '\u{202f}') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let spaced = spaced.trim();
    let spaced = match spaced.strip_prefix("00") {
        Some(rest) => format!("+{rest}"),
        None => spaced.to_string(),
    };
    let mut groups: Vec<String> = spaced.split_whitespace().map(str::to_owned).collect();
    if groups.first().is_some_and(|g| g == "+") && groups.len() > 1 {
        let code = groups.remove(1);
        groups[0].push_str(&code);
    }
    (groups.len() > 2).then(|| groups.join(" "))
}

/// A foreign number: `+CC` then the national digits grouped by two (three first when odd).
fn foreign(digits: &str) -> Option<Option<String>> {
    if digits.len() > MAX_DIGITS {
        return None;
    }
    let code_len = country_code_len(digits)?;
    if digits.len() < code_len + MIN_FOREIGN_NATIONAL_DIGITS {
        return None;
    }
    let (code, national) = digits.split_at(code_len);
    let grouped = if national.len() % 2 == 1 {
        let (head, rest) = national.split_at(3);
        if rest.is_empty() {
            head.to_string()
        } else {
            format!("{head} {}", pairs(rest))
        }
    } else {
        pairs(national)
    };
    Some(Some(format!("+{code} {grouped}")))
}

/// Length of the ITU country code at the start of `digits`: 1 for zones 1 and 7, 2 for the
/// two-digit codes below, 3 for all others. Good enough to group digits; not a validator.
fn country_code_len(digits: &str) -> Option<usize> {
    const TWO_DIGIT: [&str; 44] = [
        "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46",
        "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63",
        "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98",
    ];
    let first = digits.chars().next()?;
    if first == '0' {
        return None;
    }
    if first == '1' || first == '7' {
        return Some(1);
    }
    if TWO_DIGIT.contains(&digits.get(..2)?) {
        Some(2)
    } else {
        Some(3)
    }
}

/// `0612345678` → `06 12 34 56 78`.
fn pairs(digits: &str) -> String {
    let chars: Vec<char> = digits.chars().collect();
    chars
        .chunks(2)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ok(input: &str) -> String {
        parse_phone(input).unwrap().unwrap()
    }

    #[test]
    fn french_national_forms() {
        for input in [
            "0612345678",
            "06 12 34 56 78",
            "06.12.34.56.78",
            "06-12-34-56-78",
            " 06 12 34 56 78 ",
            "06\u{a0}12\u{a0}34\u{a0}56\u{a0}78",
        ] {
            assert_eq!(ok(input), "06 12 34 56 78", "{input}");
        }
        assert_eq!(ok("01 23 45 67 89"), "01 23 45 67 89");
    }

    #[test]
    fn a_number_a_spreadsheet_ate_the_zero_of_gets_it_back() {
        assert_eq!(ok("612345678"), "06 12 34 56 78");
        let err = parse_phone("6,12E+08").unwrap_err().to_string();
        assert!(err.contains("format Texte"), "{err}");
        // Nine digits typed with spaces are a digit missing, not a spreadsheet's doing.
        assert!(parse_phone("6 12 34 56 78").is_err());
    }

    #[test]
    fn french_international_forms() {
        for input in [
            "+33 6 12 34 56 78",
            "+33612345678",
            "0033612345678",
            "+33 (0)6 12 34 56 78",
            "+33 06 12 34 56 78",
            "0033 (0)6.12.34.56.78",
        ] {
            assert_eq!(ok(input), "+33 6 12 34 56 78", "{input}");
        }
    }

    #[test]
    fn foreign_numbers_stay_international() {
        assert_eq!(ok("+32 470 12 34 56"), "+32 470 12 34 56");
        assert_eq!(ok("0032470123456"), "+32 470 12 34 56");
        assert_eq!(ok("+41 79 123 45 67"), "+41 79 123 45 67");
        assert_eq!(ok("+1 514 555 0123"), "+1 514 555 0123");
        assert_eq!(ok("0044 20 7946 0958"), "+44 20 7946 0958");
        assert_eq!(ok("+41791234567"), "+41 791 23 45 67");
        assert_eq!(ok("'0612345678"), "06 12 34 56 78");
        assert_eq!(ok("+262 692 12 34 56"), "+262 692 12 34 56");
    }

    #[test]
    fn empty_is_none() {
        assert_eq!(parse_phone("  "), Ok(None));
    }

    #[test]
    fn rejects_with_french_messages() {
        let e = parse_phone("06 12 34 56").unwrap_err();
        assert!(matches!(e, PhoneError::FrenchLength { .. }));
        assert!(e.to_string().contains("10 chiffres"), "{e}");
        assert!(matches!(
            parse_phone("06 12 AB 56 78"),
            Err(PhoneError::Character { .. })
        ));
        assert!(matches!(
            parse_phone("6123456789"),
            Err(PhoneError::NotNational { .. })
        ));
        assert!(matches!(
            parse_phone("+33 6 12 34"),
            Err(PhoneError::FrenchLength { .. })
        ));
        assert!(matches!(
            parse_phone("+32 12"),
            Err(PhoneError::ForeignLength { .. })
        ));
        assert!(matches!(
            parse_phone("+67"),
            Err(PhoneError::ForeignLength { .. })
        ));
        assert!(matches!(
            parse_phone("06+12345678"),
            Err(PhoneError::Character { .. })
        ));
        assert!(matches!(
            parse_phone("+1234567890123456"),
            Err(PhoneError::ForeignLength { .. })
        ));
    }

    #[test]
    fn a_bracket_before_the_international_00_is_no_separator_of_its_own() {
        for typed in ["(0070 0-00", "(00100(0 00"] {
            if let Ok(Some(once)) = parse_phone(typed) {
                assert_eq!(parse_phone(&once), Ok(Some(once.clone())), "{typed}");
            }
        }
        assert_eq!(parse_phone("(0070 0-00"), Ok(Some("+70 0 00".to_owned())));
    }

    proptest! {
        #[test]
        fn never_panics(input in any::<String>()) {
            let _ = parse_phone(&input);
        }

        #[test]
        fn normalising_is_idempotent(input in "[+]?[0-9 .()\\-]{0,20}") {
            if let Ok(Some(once)) = parse_phone(&input) {
                prop_assert_eq!(parse_phone(&once), Ok(Some(once.clone())));
            }
        }

        #[test]
        fn french_numbers_round_trip(rest in "[1-9][0-9]{8}") {
            let national = format!("0{rest}");
            let shown = parse_phone(&national).unwrap().unwrap();
            prop_assert_eq!(parse_phone(&shown).unwrap().unwrap(), shown.clone());
            let intl = parse_phone(&format!("+33{rest}")).unwrap().unwrap();
            prop_assert_eq!(parse_phone(&intl).unwrap().unwrap(), intl.clone());
        }
    }
}

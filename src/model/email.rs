//! Email addresses: simple and strict enough to catch typing slips (one `@`, a domain with a
//! dot, no spaces), without pretending to implement RFC 5322. The domain is lowercased; the
//! local part is kept as typed (some servers do tell case apart there).

use crate::catalogue::people as msg;
use crate::text::{excerpt_for_message, limits};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    #[error("{}", msg::email_invalid(input))]
    Invalid { input: String },
    #[error("{}", msg::email_too_long(input))]
    TooLong { input: String },
}

/// Characters that never belong in an address we would write to.
fn forbidden(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '<' | '>' | '(' | ')' | ',' | ';' | ':' | '"' | '[' | ']' | '\\'
        )
}

/// Check and normalise an address; `Ok(None)` for an empty input (the field is optional).
pub fn parse_email(input: &str) -> Result<Option<String>, EmailError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let invalid = || EmailError::Invalid {
        input: excerpt_for_message(trimmed),
    };
    if trimmed.chars().count() > limits::EMAIL {
        return Err(EmailError::TooLong {
            input: excerpt_for_message(trimmed),
        });
    }
    let (local, domain) = trimmed.split_once('@').ok_or_else(invalid)?;
    if local.is_empty() || domain.contains('@') || trimmed.chars().any(forbidden) {
        return Err(invalid());
    }
    // Checked as it is kept: lowercasing can lengthen a domain and add a combining mark
    // ("İ" is "i" and U+0307), which an address read back must pass again.
    let domain = domain.to_lowercase();
    if local.chars().count() + 1 + domain.chars().count() > limits::EMAIL {
        return Err(EmailError::TooLong {
            input: excerpt_for_message(trimmed),
        });
    }
    let labels: Vec<&str> = domain.split('.').collect();
    let good_labels = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        });
    if !good_labels || local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Err(invalid());
    }
    Ok(Some(format!("{local}@{domain}")))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn accepts_and_lowercases_the_domain() {
        assert_eq!(
            parse_email(" Claire.Martin@Example.ORG ").unwrap(),
            Some("Claire.Martin@example.org".into())
        );
        assert_eq!(
            parse_email("a+b@sous.domaine.fr").unwrap(),
            Some("a+b@sous.domaine.fr".into())
        );
        assert_eq!(
            parse_email("léa@mairie-écully.fr").unwrap(),
            Some("léa@mairie-écully.fr".into())
        );
        assert_eq!(parse_email("").unwrap(), None);
    }

    #[test]
    fn rejects_slips() {
        for bad in [
            "claire",
            "claire@",
            "@example.org",
            "claire@example",
            "claire@@example.org",
            "cl aire@example.org",
            "claire@exa mple.org",
            "claire@example..org",
            "claire@.example.org",
            "claire@example.org.",
            "claire@-example.org",
            "claire@example.org>",
            "a@b@c.org",
            ".claire@example.org",
            "cla..ire@example.org",
        ] {
            assert!(parse_email(bad).is_err(), "{bad}");
        }
        let e = parse_email("claire@example").unwrap_err();
        assert!(e.to_string().contains("adresse e-mail"), "{e}");
        assert!(matches!(
            parse_email(&format!("{}@example.org", "a".repeat(300))),
            Err(EmailError::TooLong { .. })
        ));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        /// Whatever is typed: no panic, a short message, and an accepted address is one
        /// that reads back as itself, within the length limit, with nothing unsafe in it.
        #[test]
        fn any_input_gives_a_sound_address_or_a_short_error(input in proptest::prelude::any::<String>()) {
            check(&input)?;
        }

        #[test]
        fn near_addresses_give_a_sound_address_or_a_short_error(
            input in "[a-zA-Zé.+_ @-]{0,12}@[a-zA-Z0-9İẞ.\\-]{0,16}",
        ) {
            check(&input)?;
        }

        #[test]
        fn well_formed_addresses_are_accepted(
            local in "[a-z0-9+_-]{1,10}(\\.[a-z0-9+_-]{1,10}){0,2}",
            labels in proptest::collection::vec("[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?", 2..4),
        ) {
            let address = format!("{local}@{}", labels.join("."));
            proptest::prop_assert_eq!(parse_email(&address), Ok(Some(address.clone())));
            let upper = format!("{local}@{}", labels.join(".").to_uppercase());
            proptest::prop_assert_eq!(parse_email(&upper), Ok(Some(address)));
        }
    }

    fn check(input: &str) -> Result<(), proptest::test_runner::TestCaseError> {
        match parse_email(input) {
            Ok(None) => proptest::prop_assert!(input.trim().is_empty()),
            Ok(Some(address)) => {
                proptest::prop_assert_eq!(address.matches('@').count(), 1);
                proptest::prop_assert!(address.chars().count() <= limits::EMAIL);
                proptest::prop_assert!(!address.chars().any(forbidden), "{address:?}");
                proptest::prop_assert_eq!(parse_email(&address), Ok(Some(address.clone())));
            }
            Err(e) => proptest::prop_assert!(e.to_string().len() < 400, "{e}"),
        }
        Ok(())
    }
}

//! A person's commune typed in a form or a file, resolved to its INSEE code the same way as a
//! collective's (`collectives::commune_code`); what stays awaiting review.

use super::collectives::commune_code;
use crate::model::person::fields;
use crate::model::{FieldError, Person};

/// A person's commune as stored: `(INSEE code, text awaiting review)`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct StoredCommune {
    pub code: String,
    pub typed: String,
}

/// The INSEE code of a commune typed for a person; empty stays empty. An unknown or
/// ambiguous commune is an error under the person's commune field.
pub(crate) fn person_commune_code(typed: &str) -> std::result::Result<String, FieldError> {
    if typed.trim().is_empty() {
        return Ok(String::new());
    }
    commune_code(typed).map_err(|e| FieldError::new(fields::COMMUNE, e.message))
}

/// The commune to store for `typed` when editing `before`: resolved when it can be; else, if
/// it is still the very text awaiting review (the person edited something else), left
/// awaiting review; else the error. Their commune shown as its label resolves back to it,
/// even where a label would be ambiguous.
pub(crate) fn edited_commune(
    before: &Person,
    typed: &str,
) -> std::result::Result<StoredCommune, FieldError> {
    let typed = typed.trim();
    if !before.commune.is_empty()
        && crate::geo::communes()
            .by_code(&before.commune)
            .is_some_and(|c| c.label() == typed || c.code() == typed)
    {
        return Ok(StoredCommune {
            code: before.commune.clone(),
            typed: String::new(),
        });
    }
    match person_commune_code(typed) {
        Ok(code) => Ok(StoredCommune {
            code,
            typed: String::new(),
        }),
        Err(_) if before.commune_awaits_review() && typed == before.commune_typed => {
            Ok(StoredCommune {
                code: String::new(),
                typed: before.commune_typed.clone(),
            })
        }
        Err(e) => Err(e),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn an_ambiguous_commune_is_refused_under_the_persons_field() {
        let e = person_commune_code("Saint-Denis").unwrap_err();
        assert_eq!(e.field, fields::COMMUNE.code);
        assert!(e.message.contains("plusieurs communes"), "{e}");
        assert_eq!(person_commune_code("  ").unwrap(), "");
    }
}

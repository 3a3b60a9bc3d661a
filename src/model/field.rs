//! A validation error that names the field it is about, so a form can put the cursor there.

use crate::catalogue::people as msg;

/// A field of a record: a stable code (`email`, `name`…: a form keys its field with it, so a
/// refusal goes under the right field without reading its French name), and its screen name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldName {
    pub code: &'static str,
    /// The field's screen name (`e-mail`, `nom`…), from the catalogue.
    pub label: &'static str,
}

impl FieldName {
    pub const fn new(code: &'static str, label: &'static str) -> FieldName {
        FieldName { code, label }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", msg::field_error(label, message))]
pub struct FieldError {
    /// The field's stable code (see [`FieldName`]).
    pub field: &'static str,
    /// Its screen name, for the message.
    pub label: &'static str,
    pub message: String,
}

impl FieldError {
    pub fn new(field: FieldName, message: impl Into<String>) -> FieldError {
        FieldError {
            field: field.code,
            label: field.label,
            message: message.into(),
        }
    }
}

/// A one-line field, cleaned; an error naming the field when it is longer than `max`
/// characters, rather than cutting what the person typed without a word.
pub fn line_field(field: FieldName, input: &str, max: usize) -> Result<String, FieldError> {
    bounded(field, crate::text::clean_line(input, usize::MAX), max)
}

/// A multi-line field, cleaned; an error naming the field when it is too long.
pub fn text_field(field: FieldName, input: &str, max: usize) -> Result<String, FieldError> {
    bounded(field, crate::text::clean_multiline(input, usize::MAX), max)
}

fn bounded(field: FieldName, cleaned: String, max: usize) -> Result<String, FieldError> {
    if cleaned.chars().count() > max {
        Err(FieldError::new(
            field,
            crate::catalogue::parse::too_long(max),
        ))
    } else {
        Ok(cleaned)
    }
}

/// The errors met while cleaning a draft, all kept: a form marks every field in error at once.
#[derive(Debug, Default)]
pub struct Errors(Vec<FieldError>);

impl Errors {
    /// The cleaned text, or an empty one with its error kept.
    pub fn keep(&mut self, cleaned: Result<String, FieldError>) -> String {
        cleaned.unwrap_or_else(|e| {
            self.0.push(e);
            String::new()
        })
    }

    /// `value` when nothing was refused, else every error.
    pub fn or<T>(self, value: T) -> Result<T, Vec<FieldError>> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self.0)
        }
    }
}

impl std::ops::Deref for Errors {
    type Target = Vec<FieldError>;
    fn deref(&self) -> &Vec<FieldError> {
        &self.0
    }
}

impl std::ops::DerefMut for Errors {
    fn deref_mut(&mut self) -> &mut Vec<FieldError> {
        &mut self.0
    }
}

/// Every error of a cleaning (empty: valid): what a draft's `validate` says.
pub fn all_errors<T>(cleaned: Result<T, Vec<FieldError>>) -> Vec<FieldError> {
    cleaned.err().unwrap_or_default()
}

/// A cleaning's value, or its first error: what a draft's `validated` says.
pub fn first_error<T>(cleaned: Result<T, Vec<FieldError>>) -> Result<T, FieldError> {
    cleaned.map_err(|mut all| all.remove(0))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn too_long_is_an_error_naming_the_field_not_a_silent_cut() {
        let notes = FieldName::new("notes", "notes");
        let err = text_field(notes, &"é".repeat(4001), 4000).unwrap_err();
        assert_eq!(err.field, "notes");
        assert!(err.message.contains("4000"), "{}", err.message);
        assert_eq!(
            text_field(notes, &"é".repeat(4000), 4000)
                .unwrap()
                .chars()
                .count(),
            4000
        );
        // Characters removed by cleaning do not count.
        assert_eq!(
            line_field(FieldName::new("name", "nom"), "Ab\u{202e}c", 3).unwrap(),
            "Abc"
        );
    }
}

//! A validation error that names the field it is about, so a form can put the cursor there.

use crate::catalogue::people as msg;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", msg::field_error(field, message))]
pub struct FieldError {
    /// The field's screen name (`e-mail`, `nom`…), from the catalogue.
    pub field: &'static str,
    pub message: String,
}

impl FieldError {
    pub fn new(field: &'static str, message: impl Into<String>) -> FieldError {
        FieldError {
            field,
            message: message.into(),
        }
    }
}

//! A commune as the tabs' forms and details show it: typed with suggestions from the communes
//! of France (the collective form and the person form share this field), shown by its name and
//! département, never as a bare INSEE code.

use crate::geo::communes;
use crate::tui::widgets::form::{FieldKind, Suggester};

/// Communes as the field suggests them while typed: `Saint-Denis (93)`, with its postal code
/// and région (or the former commune whose name matched) dimmed after it.
fn suggestions(text: &str, n: usize) -> Vec<(String, String)> {
    communes()
        .suggest(text, n)
        .into_iter()
        .map(|s| {
            let c = s.commune;
            let hint = match s.former {
                Some(former) => former.name().to_owned(),
                None => {
                    let postal = c.postal_codes().next().unwrap_or("");
                    format!("{postal} {}", c.region().name())
                }
            };
            (c.label(), hint)
        })
        .collect()
}

/// The kind of a commune field: a line with the communes' suggestions.
pub fn kind() -> FieldKind {
    FieldKind::Suggest(Suggester(suggestions))
}

/// How a commune shows, in a form or a detail: the label that resolves back to it
/// (`Saint-Denis (93)`); the code itself for one the program does not know, empty for none.
pub fn text(code: &str) -> String {
    communes()
        .by_code(code)
        .map_or_else(|| code.to_owned(), |c| c.label())
}

//! What the exchange files share: the error, the formats, cells going out and coming back.

use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum ExchangeError {
    /// A refused file or line; the message names the line and the column.
    #[error("{0}")]
    Invalid(String),
    /// No line among the first ones names the required columns (the message says which).
    #[error("{0}")]
    NoHeader(String),
    #[error("{0}")]
    Store(#[from] StoreError),
}

pub type Result<T, E = ExchangeError> = std::result::Result<T, E>;

/// Output formats of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Csv,
    Json,
}

/// An export as CSV for French spreadsheets: `;`, UTF-8 with a BOM, a header line, every cell
/// guarded against formulas.
pub fn csv_bytes<'a>(
    columns: &[&str],
    rows: impl Iterator<Item = Vec<&'a str>>,
) -> Result<Vec<u8>> {
    csv_bytes_with_numbers(columns, &[], rows)
}

/// A plain amount (`-1234,56`): no formula, so a spreadsheet reads it as a number.
fn is_plain_amount(text: &str) -> bool {
    let body = text.strip_prefix('-').unwrap_or(text);
    !body.is_empty() && body.chars().all(|c| c.is_ascii_digit() || c == ',')
}

/// [`csv_bytes`], the cells of the `numbers` columns left unguarded when they are plain
/// amounts (`-12,50` is a number to French Excel, `'-12,50` would be text).
pub fn csv_bytes_with_numbers<'a>(
    columns: &[&str],
    numbers: &[usize],
    rows: impl Iterator<Item = Vec<&'a str>>,
) -> Result<Vec<u8>> {
    use crate::catalogue::exchange as msg;
    let mut out = b"\xEF\xBB\xBF".to_vec();
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(&mut out);
    let failed =
        |e: &dyn std::fmt::Display| ExchangeError::Invalid(msg::export_failed(&e.to_string()));
    w.write_record(columns).map_err(|e| failed(&e))?;
    for row in rows {
        w.write_record(
            row.iter()
                .enumerate()
                .map(|(i, c)| {
                    if numbers.contains(&i) && is_plain_amount(c) {
                        std::borrow::Cow::Borrowed(*c)
                    } else {
                        spreadsheet_cell(c)
                    }
                })
                .collect::<Vec<_>>()
                .iter()
                .map(|c| c.as_ref()),
        )
        .map_err(|e| failed(&e))?;
    }
    w.flush().map_err(|e| failed(&e))?;
    drop(w);
    Ok(out)
}

/// An export as a pretty JSON array, ending with a line break.
pub fn json_bytes<T: serde::Serialize>(records: &[T]) -> Result<Vec<u8>> {
    let mut v = serde_json::to_vec_pretty(records).map_err(StoreError::from)?;
    v.push(b'\n');
    Ok(v)
}

/// Text of a CSV or JSON cell leaving the program: no control or bidi character can act on
/// the terminal or spreadsheet that shows it.
pub fn cell_out(text: &str) -> String {
    crate::text::escape_for_terminal(text)
}

/// Characters that make a spreadsheet read a cell as a formula (CSV injection).
fn starts_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// A CSV cell as written for a spreadsheet: text that a spreadsheet would run as a formula is
/// quoted with a leading apostrophe, which spreadsheets hide and [`unguard_cell`] removes.
pub fn spreadsheet_cell(text: &str) -> std::borrow::Cow<'_, str> {
    if starts_like_formula(text) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// The reverse of [`spreadsheet_cell`], so an export imports back unchanged.
pub fn unguard_cell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if starts_like_formula(rest) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_guarded_and_round_trip() {
        for text in ["=1+1", "+33 6 12 34 56 78", "-12", "@SUM(A1)"] {
            let out = spreadsheet_cell(text);
            assert!(out.starts_with('\''), "{text}");
            assert_eq!(unguard_cell(&out), text);
        }
        assert_eq!(spreadsheet_cell("Dupont"), "Dupont");
        assert_eq!(unguard_cell("'Dupont"), "'Dupont");
    }
}

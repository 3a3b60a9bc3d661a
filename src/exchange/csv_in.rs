//! Reading the CSV files French spreadsheets and banks produce (their bytes decoded by
//! [`super::decode`]): `;`, `,` or tab; a few preamble lines above the header; header names
//! matched without case or accents; rows read one at a time, within [`limits`]. Line numbers
//! are those of the file, for messages.

pub use super::decode::{binary_kind, decode};
use super::shared::{ExchangeError, Result};
use crate::catalogue::exchange as msg;
use crate::model::person::letters_only;

/// How far down the header may sit (banks put account details above it).
const MAX_PREAMBLE_LINES: usize = 20;

/// A header name as compared: `Prénom` → `prenom`, `E-mail` → `email`.
pub fn header_key(name: &str) -> String {
    letters_only(name)
}

/// Bounds of what an import reads, far beyond any real network (a few hundred members, a
/// bank year of a few thousand lines): past them the file is refused at once, so a wrong or
/// hostile file can hold neither the memory nor the time of the shared server.
pub mod limits {
    /// Records under the header (blank ones included: each costs reading).
    pub const ROWS: usize = 100_000;
    /// Cells of the header or of a record.
    pub const COLUMNS: usize = 64;
    /// Bytes of a line of the file, and of a record (a quoted cell may span lines).
    pub const LINE_BYTES: usize = 64 * 1024;
}

/// The header, then the rows under it one at a time, with their line numbers in the file.
/// Rows are read as they are asked for (an import keeps what it makes of each, never the
/// cells of the whole file).
pub struct Table<'a> {
    /// Header names as keys (see [`header_key`]).
    pub columns: Vec<String>,
    /// Header names as written in the file, for messages.
    pub titles: Vec<String>,
    pub delimiter: u8,
    reader: csv::Reader<&'a [u8]>,
    record: csv::StringRecord,
    body: &'a str,
    lines_before: u64,
    lines: LineCounter,
    /// Records read under the header.
    read: usize,
    /// Columns up to the last one with a title.
    named: usize,
    /// An error was given: nothing more is read.
    done: bool,
}

impl std::fmt::Debug for Table<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Table")
            .field("columns", &self.columns)
            .field("delimiter", &self.delimiter)
            .finish_non_exhaustive()
    }
}

impl Table<'_> {
    /// The index of the first column whose key is one of `aliases`.
    pub fn column(&self, aliases: &[&str]) -> Option<usize> {
        self.columns
            .iter()
            .position(|c| aliases.contains(&c.as_str()))
    }

    fn refuse(&mut self, line: u64, message: &str) -> ExchangeError {
        self.done = true;
        ExchangeError::Invalid(msg::line_error(line, "", message))
    }

    /// The next row with something in it, as (line in the file, cells); blank lines and the
    /// header repeated are left out.
    fn next_row(&mut self) -> Option<Result<(u64, Vec<String>)>> {
        while !self.done {
            match self.reader.read_record(&mut self.record) {
                Ok(false) => self.done = true,
                Ok(true) => {
                    if let Some(row) = self.take_record().transpose() {
                        return Some(row);
                    }
                }
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line() + self.lines_before);
                    return Some(Err(self.refuse(line, &msg::unreadable(&e.to_string()))));
                }
            }
        }
        None
    }

    /// The record just read as a row, `None` for one to leave out.
    fn take_record(&mut self) -> Result<Option<(u64, Vec<String>)>> {
        let byte = self.record.position().map_or(0, |p| p.byte());
        let line = self.lines.line_of(self.body, byte) + self.lines_before;
        self.read += 1;
        if self.read > limits::ROWS {
            return Err(self.refuse(line, &msg::too_many_rows(limits::ROWS)));
        }
        if self.record.len() > limits::COLUMNS {
            let found = self.record.len();
            return Err(self.refuse(line, &msg::too_many_columns(found, limits::COLUMNS)));
        }
        if self.record.as_slice().len() > limits::LINE_BYTES {
            return Err(self.refuse(line, &msg::line_too_long(limits::LINE_BYTES / 1024)));
        }
        if self.record.iter().all(|c| c.trim().is_empty()) {
            return Ok(None);
        }
        let cells: Vec<String> = self
            .record
            .iter()
            .map(|c| super::shared::unguard_cell(c).to_string())
            .collect();
        // The header again, as when two exports were pasted one under the other.
        if cells.len() >= self.columns.len()
            && cells
                .iter()
                .zip(&self.columns)
                .all(|(c, h)| header_key(c) == *h)
        {
            return Ok(None);
        }
        // Cells past the header's last column are data with no column to go to: most often
        // a delimiter typed in a cell without quotes, which shifted every cell after it.
        // Empty ones are what spreadsheets leave after the last column, and harmless.
        let filled = cells
            .iter()
            .rposition(|c| !c.trim().is_empty())
            .map_or(0, |i| i + 1);
        if filled > self.named {
            let message = msg::too_many_cells(filled, self.named, char::from(self.delimiter));
            return Err(self.refuse(line, &message));
        }
        // A filled cell under a header left blank: data with no column to go to.
        if let Some(i) =
            self.columns.iter().enumerate().position(|(i, h)| {
                h.is_empty() && cells.get(i).is_some_and(|c| !c.trim().is_empty())
            })
        {
            return Err(self.refuse(line, &msg::untitled_column(i + 1)));
        }
        Ok(Some((line, cells)))
    }
}

impl Iterator for Table<'_> {
    type Item = Result<(u64, Vec<String>)>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_row()
    }
}

/// How many columns a message about the header names before "et N autres".
pub const NAMED_IN_A_MESSAGE: usize = 5;

/// The first items of a list of `total`, joined, then how many more there are.
pub fn first_few(named: Vec<String>, total: usize) -> String {
    let mut shown = named.join(", ");
    if total > named.len() {
        shown.push_str(", ");
        shown.push_str(&msg::and_more(total - named.len()));
    }
    shown
}

/// Every header name must be one of ours: a column the import does not know would be
/// dropped without a word (a "Prénom usuel" column, and every first name is lost).
pub fn check_columns(table: &Table, aliases: &[&[&str]], columns: &[&str]) -> Result<()> {
    let unknown: Vec<(usize, &String)> = table
        .columns
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.is_empty() && !aliases.iter().any(|a| a.contains(&c.as_str())))
        .collect();
    if !unknown.is_empty() {
        let named: Vec<String> = unknown
            .iter()
            .take(NAMED_IN_A_MESSAGE)
            .map(|(i, c)| {
                let title = table.titles.get(*i).map_or(c.as_str(), String::as_str);
                msg::unknown_column(&crate::text::excerpt_for_message(title), i + 1)
            })
            .collect();
        return Err(ExchangeError::Invalid(msg::unknown_columns(
            &first_few(named, unknown.len()),
            &columns.join(", "),
        )));
    }
    for (aliases, name) in aliases.iter().zip(columns) {
        if table
            .columns
            .iter()
            .filter(|c| aliases.contains(&c.as_str()))
            .count()
            > 1
        {
            return Err(ExchangeError::Invalid(msg::duplicate_column(name)));
        }
    }
    Ok(())
}

/// The first line of `text` longer than [`limits::LINE_BYTES`], 1-based.
fn first_long_line(text: &str) -> Option<u64> {
    text.split('\n')
        .position(|line| line.len() > limits::LINE_BYTES)
        .map(|i| i as u64 + 1)
}

/// Find the header (the first line, among the first few, that holds, once split by one of the
/// delimiters, one of the spellings of each column of `required`) and read the rows below it.
pub fn read_table<'a>(text: &'a str, required: &[&[&str]], expected: &str) -> Result<Table<'a>> {
    if text.trim().is_empty() {
        return Err(ExchangeError::Invalid(msg::EMPTY_FILE.into()));
    }
    // Before anything splits a line: a line of sixteen million `;` is not split into cells.
    if let Some(line) = first_long_line(text) {
        return Err(ExchangeError::Invalid(msg::line_error(
            line,
            "",
            &msg::line_too_long(limits::LINE_BYTES / 1024),
        )));
    }
    let mut offset = 0;
    for (index, line) in text
        .split_inclusive('\n')
        .take(MAX_PREAMBLE_LINES)
        .enumerate()
    {
        for delimiter in [b';', b'\t', b','] {
            let keys: Vec<String> = line
                .trim_end_matches(['\r', '\n'])
                .split(char::from(delimiter))
                .map(|c| header_key(c.trim().trim_matches('"')))
                .collect();
            if required
                .iter()
                .all(|aliases| keys.iter().any(|k| aliases.contains(&k.as_str())))
            {
                return read_rows(&text[offset..], index as u64, delimiter);
            }
        }
        offset += line.len();
    }
    Err(ExchangeError::NoHeader(msg::no_header(expected)))
}

/// The line (1-based in `body`) of a quote that opens a field and is never closed. The csv
/// reader would take the rest of the file as that one field, and import a mangled row.
fn unclosed_quote(body: &str, delimiter: u8) -> Option<u64> {
    let delimiter = char::from(delimiter);
    let mut line = 1;
    let mut opened_on = 0;
    let mut in_quotes = false;
    let mut field_start = true;
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                } else {
                    in_quotes = false;
                }
            }
        } else if c == '"' && field_start {
            in_quotes = true;
            opened_on = line;
        }
        if c == '\n' {
            line += 1;
        }
        field_start = !in_quotes && (c == delimiter || c == '\n');
    }
    in_quotes.then_some(opened_on)
}

/// The header of `body`, and a reader of the rows under it. `lines_before`: lines of the file
/// above `body`.
fn read_rows(body: &str, lines_before: u64, delimiter: u8) -> Result<Table<'_>> {
    if let Some(line) = unclosed_quote(body, delimiter) {
        return Err(ExchangeError::Invalid(msg::line_error(
            line + lines_before,
            "",
            msg::UNCLOSED_QUOTE,
        )));
    }
    let reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes());
    let mut table = Table {
        columns: Vec::new(),
        titles: Vec::new(),
        delimiter,
        reader,
        record: csv::StringRecord::new(),
        body,
        lines_before,
        lines: LineCounter::default(),
        read: 0,
        named: 0,
        done: false,
    };
    match table.reader.read_record(&mut table.record) {
        Ok(true) => {}
        Ok(false) => return Ok(table),
        Err(e) => {
            let line = e.position().map_or(0, |p| p.line() + lines_before);
            return Err(table.refuse(line, &msg::unreadable(&e.to_string())));
        }
    }
    let line = table.lines.line_of(body, 0) + lines_before;
    if table.record.len() > limits::COLUMNS {
        let found = table.record.len();
        return Err(table.refuse(line, &msg::too_many_columns(found, limits::COLUMNS)));
    }
    table.columns = table.record.iter().map(header_key).collect();
    table.titles = table
        .record
        .iter()
        .map(|c| super::shared::unguard_cell(c).trim().to_string())
        .collect();
    table.named = table
        .columns
        .iter()
        .rposition(|c| !c.is_empty())
        .map_or(0, |i| i + 1);
    Ok(table)
}

/// Line numbers of records, counted here rather than taken from the csv reader, whose count
/// lags by one after a CRLF line end. Records come in order, so the count goes on from the
/// last record instead of starting again from the top (which made a big file quadratic).
#[derive(Debug, Default)]
struct LineCounter {
    /// Bytes of `body` already counted, and the line breaks among them.
    counted: usize,
    breaks: u64,
}

impl LineCounter {
    /// The 1-based line of `body` on which a record starting at `byte` lies; `byte` never
    /// goes back between calls.
    fn line_of(&mut self, body: &str, byte: u64) -> u64 {
        let bytes = body.as_bytes();
        let mut start = usize::try_from(byte)
            .unwrap_or(bytes.len())
            .clamp(self.counted, bytes.len());
        while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        self.breaks += bytes[self.counted..start]
            .iter()
            .filter(|b| **b == b'\n')
            .count() as u64;
        self.counted = start;
        self.breaks + 1
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// Every row of `text`, whose header names `nom`; or the first error.
    fn rows_of(text: &str) -> Result<Vec<(u64, Vec<String>)>> {
        read_table(text, &[&["nom"]], "nom")?.collect()
    }

    #[test]
    fn a_repeated_header_is_not_a_row() {
        let rows = rows_of("Nom;Prénom\nA;B\nNOM;prenom\nC;D\n").unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].0, 4);
    }

    #[test]
    fn finds_the_header_below_a_preamble_and_counts_file_lines() {
        let text =
            "Export du 20/11/2025\n\n\"Nom\"\t\"Prénom\"\nDurand\tAlice\n\nMartin\tBruno\r\n";
        let t = read_table(text, &[&["nom"]], "nom").unwrap();
        assert_eq!(t.delimiter, b'\t');
        assert_eq!(t.columns, ["nom", "prenom"]);
        assert_eq!(t.column(&["prenom"]), Some(1));
        let rows = t.collect::<Result<Vec<_>>>().unwrap();
        assert_eq!(
            rows[0],
            (4, vec!["Durand".to_string(), "Alice".to_string()])
        );
        assert_eq!(rows[1].0, 6);
        let crlf = rows_of("titre\r\nnom\r\nA\r\n\r\nB\r\n").unwrap();
        assert_eq!(crlf.iter().map(|r| r.0).collect::<Vec<_>>(), [3, 5]);
    }

    #[test]
    fn an_unclosed_quote_is_refused_with_its_line() {
        let text = "Export\nnom;prenom\n\"Durand;Alice\nMartin;Bruno\n";
        let err = read_table(text, &[&["nom"]], "nom;prenom").unwrap_err();
        assert!(err.to_string().contains("ligne 3"), "{err}");
        // Quoted fields with delimiters, line breaks and doubled quotes are fine.
        let ok = "nom;prenom\n\"Durand; \"\"la\"\"\nsuite\";Alice\n";
        assert_eq!(rows_of(ok).unwrap()[0].1[0], "Durand; \"la\"\nsuite");
        // A quote inside an unquoted field is a character like any other.
        let inner = "nom;prenom\nL'\"atelier;Alice\n";
        assert!(read_table(inner, &[&["nom"]], "nom;prenom").is_ok());
    }

    #[test]
    fn detects_comma_and_semicolon() {
        let t = read_table("NOM,email\nA,a@b.fr\n", &[&["nom"]], "nom").unwrap();
        assert_eq!(t.delimiter, b',');
        assert_eq!(
            rows_of("nom;email\n\"A;B\";a@b.fr\n").unwrap()[0].1[0],
            "A;B"
        );
        assert!(read_table("a;b\n1;2\n", &[&["nom"]], "nom").is_err());
    }

    #[test]
    fn rows_columns_and_line_length_are_bounded() {
        let rows = |n: usize| format!("nom\n{}", "a\n".repeat(n));
        assert_eq!(rows_of(&rows(limits::ROWS)).unwrap().len(), limits::ROWS);
        let err = rows_of(&rows(limits::ROWS + 1)).unwrap_err().to_string();
        assert!(err.starts_with("ligne 100002 : "), "{err}");
        assert!(err.contains("100 000 lignes"), "{err}");

        let wide = format!("nom{}\nA\n", ";x".repeat(limits::COLUMNS));
        let err = rows_of(&wide).unwrap_err().to_string();
        assert!(err.starts_with("ligne 1 : 65 colonnes"), "{err}");
        assert!(err.contains("limite de 64 colonnes"), "{err}");
        let err = rows_of(&format!("nom\nA\nB{}\n", ";".repeat(64)))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("ligne 3 : 65 colonnes"), "{err}");

        let long = format!("nom\nA\n{}\n", "b".repeat(limits::LINE_BYTES + 1));
        let err = rows_of(&long).unwrap_err().to_string();
        assert!(
            err.starts_with("ligne 3 : ligne de plus de 64 Kio"),
            "{err}"
        );
        // A quoted cell whose lines are short but which is longer than a line may be.
        let lines = "b\n".repeat(limits::LINE_BYTES / 2 + 1);
        let err = rows_of(&format!("nom\nA\n\"{lines}\"\n"))
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("ligne 3 : ligne de plus de 64 Kio"),
            "{err}"
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        /// Any bytes at all: no panic, at most as many rows as lines, a short error.
        #[test]
        fn any_bytes_read_without_panic_and_with_a_short_error(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..2000),
        ) {
            let text = decode(&bytes);
            let lines = text.matches('\n').count() + 1;
            match read_table(&text, &[&["nom"]], "nom").and_then(|t| t.collect::<Result<Vec<_>>>()) {
                Ok(rows) => proptest::prop_assert!(rows.len() <= lines),
                Err(e) => proptest::prop_assert!(e.to_string().len() < 600, "{e}"),
            }
        }

        /// A header then random lines of delimiters, quotes and letters.
        #[test]
        fn csv_like_text_reads_without_panic(
            body in "[a;,\t\"\r\n é]{0,400}",
        ) {
            let text = format!("nom;prenom\n{body}");
            match rows_of(&text) {
                Ok(rows) => {
                    for (line, cells) in rows {
                        proptest::prop_assert!(line >= 2 && line as usize <= text.lines().count() + 1);
                        proptest::prop_assert!(cells.len() <= limits::COLUMNS);
                    }
                }
                Err(e) => proptest::prop_assert!(e.to_string().len() < 600, "{e}"),
            }
        }
    }
}

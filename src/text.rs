//! Text entering and leaving the program: cleaning (NFC, no control or bidi characters, bounded
//! length), folding for case- and accent-blind matching, display width, and escaping for output
//! that does not go through ratatui.
//!
//! Everything typed, imported or read back from the database goes through `clean_line` or
//! `clean_multiline` before it can reach a terminal (see DESIGN.md, "Known pitfalls").

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{UnicodeNormalization, is_nfc};

/// Maximum length, in characters, of each kind of field.
mod cut;
pub mod width;

pub use cut::{truncate, wrap_text};
pub use width::display_width;

pub mod limits {
    /// A person's or a circle's name.
    pub const NAME: usize = 120;
    /// A label, a place, a town, a reference.
    pub const SHORT_TEXT: usize = 200;
    /// Notes and descriptions.
    pub const LONG_TEXT: usize = 4000;
    /// RFC 5321 caps a forward path at 254 characters.
    pub const EMAIL: usize = 254;
    pub const PHONE: usize = 30;
}

/// How many characters of a rejected input an error message quotes.
const MESSAGE_EXCERPT_CHARS: usize = 60;

/// Bidirectional embeddings, overrides, isolates and marks: they can reorder what a terminal
/// shows (a name that displays as something else), so they never survive cleaning.
fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// C0, DEL and C1: everything a terminal may interpret instead of print.
fn is_control(c: char) -> bool {
    matches!(c, '\u{0000}'..='\u{001F}' | '\u{007F}'..='\u{009F}')
}

/// Characters that end a line for some terminals or editors but are not `\n`.
fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// Unicode tag characters: invisible, and able to carry hidden text ("ASCII smuggling")
/// that a terminal does not show but a program reading the value does.
fn is_tag(c: char) -> bool {
    matches!(c, '\u{E0000}'..='\u{E007F}')
}

/// True for a character that `escape_for_terminal` makes visible and cleaning never lets through.
fn is_unsafe_for_terminal(c: char) -> bool {
    is_control(c)
        || is_bidi_control(c)
        || is_tag(c)
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}')
}

/// Invisible characters that only ever get into a name by a paste, and then keep a name from
/// matching itself typed by hand: zero-width space and word joiner. (Zero-width joiners
/// stay: emoji and some scripts need them.)
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{2060}') || is_soft_hyphen(c)
}

/// The soft hyphen: shown by some terminals and not others, so it shifts columns; it comes
/// only from a paste out of a word processor.
fn is_soft_hyphen(c: char) -> bool {
    c == '\u{00AD}'
}

/// One line of text, safe to display: NFC, tabs and line breaks turned into spaces, control,
/// bidi and byte-order-mark characters removed, trimmed, at most `max_chars` characters.
pub fn clean_line(input: &str, max_chars: usize) -> String {
    let filtered: String = input
        .chars()
        .filter_map(|c| {
            // No-break spaces too: in a name or a commune they only come from a paste or a
            // spreadsheet, and would keep "Jean Dupont" from matching itself typed by hand.
            if c == '\t' || is_line_break(c) || matches!(c, '\u{a0}' | '\u{202f}') {
                Some(' ')
            } else if is_unsafe_for_terminal(c) || is_invisible(c) {
                None
            } else {
                Some(c)
            }
        })
        .collect();
    let normalized: String = filtered.nfc().collect();
    let truncated = truncate_nfc(normalized.trim(), max_chars);
    truncated.trim_end().to_owned()
}

/// Several lines of text, safe to display: like `clean_line` but line breaks (CRLF, CR, `\n`,
/// U+2028, U+2029) become `\n`, trailing spaces of each line go, and so do blank lines at the
/// start and the end. Indentation of the first line is kept.
pub fn clean_multiline(input: &str, max_chars: usize) -> String {
    let unified = input.replace("\r\n", "\n");
    let filtered: String = unified
        .chars()
        .filter_map(|c| {
            if is_line_break(c) {
                Some('\n')
            } else if c == '\t' {
                Some(' ')
            } else if is_unsafe_for_terminal(c) || is_soft_hyphen(c) {
                None
            } else {
                Some(c)
            }
        })
        .collect();
    let normalized: String = filtered.nfc().collect();
    let lines: Vec<&str> = normalized.split('\n').map(str::trim_end).collect();
    let joined = lines.join("\n");
    let without_blank_ends = joined.trim_start_matches('\n').trim_end();
    let truncated = truncate_nfc(without_blank_ends, max_chars);
    truncated.trim_end().to_owned()
}

/// Whether `s`, read back from the database, is already as cleaning leaves it: the text the
/// program wrote always is, so reading it back costs one scan, not a copy.
fn is_clean_as_stored(s: &str, allow_newline: bool) -> bool {
    // Below the combining marks (U+0300), every character is its own NFC form and combines
    // with none: such a text (ASCII, French accented letters) is NFC without asking.
    let mut below_marks = true;
    s.chars().all(|c| {
        below_marks &= c < '\u{300}';
        c.is_ascii_graphic()
            || c == ' '
            || (allow_newline && c == '\n')
            || (!c.is_ascii()
                && !is_unsafe_for_terminal(c)
                && !is_line_break(c)
                && !is_invisible(c)
                && !matches!(c, '\u{a0}' | '\u{202f}'))
    }) && (below_marks || is_nfc(s))
}

/// A one-line value read from the database, safe to display: as [`clean_line`] (with no
/// length limit) would leave it. A value put there behind the program's back (raw SQL)
/// with a line break or an escape sequence in it can then never move a row on screen.
pub fn clean_stored_line(s: String) -> String {
    if is_clean_as_stored(&s, false) && s.trim() == s {
        s
    } else {
        clean_line(&s, usize::MAX)
    }
}

/// A multi-line value read from the database, safe to display (see [`clean_stored_line`]).
pub fn clean_stored_multiline(s: String) -> String {
    let tidy =
        !s.starts_with('\n') && s.trim_end() == s && s.split('\n').all(|l| l.trim_end() == l);
    if tidy && is_clean_as_stored(&s, true) {
        s
    } else {
        clean_multiline(&s, usize::MAX)
    }
}

/// The first `max_chars` characters of an NFC string, still NFC.
///
/// A prefix of an NFC string is almost always NFC, but not for every script; renormalising
/// can only shorten or keep the length of such a prefix in practice, and the loop bounds it.
fn truncate_nfc(text: &str, max_chars: usize) -> String {
    let mut current: String = text.chars().take(max_chars).collect();
    for _ in 0..4 {
        if is_nfc(&current) {
            return current;
        }
        current = current.nfc().take(max_chars).collect();
    }
    // Still not stable (no known input gets here): drop characters until it is.
    while !is_nfc(&current) {
        current.pop();
    }
    current
}

/// A key for comparing names "without case or accents": lowercase, accents removed, `œ`/`æ`
/// spelt out, surrounding whitespace trimmed and inner runs of whitespace made one space.
/// `Catégorie` and ` categorie ` fold to the same key.
pub fn fold_for_match(s: &str) -> String {
    let mut folded = String::with_capacity(s.len());
    fold_into(&mut folded, s);
    folded
}

/// [`fold_for_match`] of `s` appended to `out` (one buffer for a text folded from pieces).
pub fn fold_into(out: &mut String, s: &str) {
    // Most names and words are plain ASCII: lowered and their spaces collapsed, without the
    // decomposition (a big network folds tens of thousands of names to sort them).
    if s.is_ascii() && !s.bytes().any(|b| b.is_ascii_control()) {
        let start = out.len();
        for word in s.split_ascii_whitespace() {
            if out.len() > start {
                out.push(' ');
            }
            out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        }
        return;
    }
    fold_general(out, s)
}

/// [`fold_into`] for any text.
fn fold_general(folded: &mut String, s: &str) {
    let lowered = s.to_lowercase();
    folded.reserve(lowered.len());
    let start = folded.len();
    let mut pending_space = false;
    for c in lowered.nfd().filter(|&c| !is_combining_mark(c)) {
        if c.is_whitespace() {
            pending_space = folded.len() > start;
            continue;
        }
        if pending_space {
            folded.push(' ');
            pending_space = false;
        }
        match c {
            c if is_invisible(c) => {}
            // Typographic apostrophes and hyphens: "D’Artagnan" is "D'Artagnan".
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{00B4}' => folded.push('\''),
            '\u{2010}' | '\u{2011}' | '\u{2013}' => folded.push('-'),
            'œ' => folded.push_str("oe"),
            'æ' => folded.push_str("ae"),
            'ß' => folded.push_str("ss"),
            other => folded.push(other),
        }
    }
}

/// Text for output outside ratatui (stderr, window title): every control, bidi or line-break
/// character still present is shown as `<U+XXXX>` instead of acting on the terminal.
pub fn escape_for_terminal(s: &str) -> String {
    let mut escaped = String::with_capacity(s.len());
    for c in s.chars() {
        if is_unsafe_for_terminal(c) {
            escaped.push_str(&format!("<U+{:04X}>", u32::from(c)));
        } else {
            escaped.push(c);
        }
    }
    escaped
}

/// A rejected input as an error message quotes it: escaped, and cut with `…` when long, so a
/// pasted page cannot flood the message nor a control character reach the terminal.
pub fn excerpt_for_message(input: &str) -> String {
    let mut chars = input.chars();
    let head: String = chars.by_ref().take(MESSAGE_EXCERPT_CHARS).collect();
    let mut excerpt = escape_for_terminal(&head);
    if chars.next().is_some() {
        excerpt.push('…');
    }
    excerpt
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn is_forbidden(c: char, allow_newline: bool) -> bool {
        if allow_newline && c == '\n' {
            return false;
        }
        is_control(c) || is_bidi_control(c) || is_tag(c) || is_soft_hyphen(c)
    }

    #[test]
    fn clean_line_replaces_tabs_and_breaks_and_drops_controls() {
        assert_eq!(clean_line("  Marie\tDupont\r\n", 100), "Marie Dupont");
        assert_eq!(clean_line("a\nb\rc", 100), "a b c");
        assert_eq!(clean_line("bel\u{7}le\u{7f}\u{85}\u{9b}", 100), "belle");
        assert_eq!(clean_line("\u{feff}Nom", 100), "Nom");
    }

    #[test]
    fn clean_line_drops_bidi_controls() {
        let spoof = "facture\u{202E}fdp.exe\u{202C} \u{2066}x\u{2069}\u{200E}\u{200F}\u{61C}";
        assert_eq!(clean_line(spoof, 100), "facturefdp.exe x");
    }

    #[test]
    fn invisible_spaces_go_and_apostrophes_fold_alike() {
        assert_eq!(clean_line("Du\u{200B}pont\u{2060}", 100), "Dupont");
        assert_eq!(clean_line("Jean\u{a0}Dupont\u{202f}", 100), "Jean Dupont");
        assert_eq!(fold_for_match("D’Artagnan"), fold_for_match("d'artagnan"));
        assert_eq!(fold_for_match("Jean‐Luc"), fold_for_match("Jean-Luc"));
    }

    #[test]
    fn tag_characters_and_soft_hyphens_go() {
        // "Dupont" followed by tags spelling "rm -rf", then a soft hyphen inside a word.
        let smuggled = "Dupont\u{E0072}\u{E006D}\u{E0020}\u{E002D}\u{E0072}\u{E0066}\u{E007F}";
        assert_eq!(clean_line(smuggled, 100), "Dupont");
        assert_eq!(clean_multiline(smuggled, 100), "Dupont");
        assert_eq!(clean_line("Marie-Hé\u{AD}lène", 100), "Marie-Hélène");
        assert_eq!(clean_multiline("Hé\u{AD}lène\nsuite", 100), "Hélène\nsuite");
        assert_eq!(fold_for_match("Hé\u{AD}lène"), fold_for_match("Hélène"));
        assert_eq!(escape_for_terminal("a\u{E0041}"), "a<U+E0041>");
    }

    #[test]
    fn stored_text_is_cleaned_as_it_is_read_and_clean_text_kept() {
        assert_eq!(clean_stored_line("Aaa\nBbb\u{1b}[7m".into()), "Aaa Bbb[7m");
        assert_eq!(clean_stored_line("Zo\re\u{202e}".into()), "Zo e");
        assert_eq!(clean_stored_line("Hélène Dupont".into()), "Hélène Dupont");
        assert_eq!(clean_stored_multiline("a\n\nb\u{1b}".into()), "a\n\nb");
        assert_eq!(clean_stored_multiline("un\ndeux".into()), "un\ndeux");
        assert_eq!(clean_stored_line("Ade\u{301}le".into()), "Ad\u{e9}le");
    }

    #[test]
    fn clean_line_normalises_to_nfc() {
        let decomposed = "Ade\u{301}le";
        let cleaned = clean_line(decomposed, 100);
        assert_eq!(cleaned, "Ad\u{e9}le");
        assert_eq!(cleaned.chars().count(), 5);
    }

    #[test]
    fn a_control_between_letter_and_accent_still_gives_nfc() {
        let cleaned = clean_line("e\u{7}\u{301}", 10);
        assert_eq!(cleaned, "é");
    }

    #[test]
    fn clean_line_truncates_on_characters() {
        assert_eq!(clean_line("Élodie", 3), "Élo");
        assert_eq!(clean_line("ab  cd", 3), "ab");
        assert_eq!(clean_line("anything", 0), "");
        assert_eq!(clean_line("🎉🎉🎉", 2), "🎉🎉");
    }

    #[test]
    fn clean_multiline_keeps_lines_and_unifies_breaks() {
        assert_eq!(
            clean_multiline("\n\nun  \r\ndeux\rtrois\u{2028}quatre\t\n\n", 100),
            "un\ndeux\ntrois\nquatre"
        );
        assert_eq!(clean_multiline("  retrait\nsuite", 100), "  retrait\nsuite");
        assert_eq!(clean_multiline("a\u{202E}b\n\u{1b}[31mc", 100), "ab\n[31mc");
    }

    #[test]
    fn fold_ignores_case_accents_and_ligatures() {
        assert_eq!(fold_for_match("Catégorie"), "categorie");
        assert_eq!(fold_for_match("Adhésions"), fold_for_match("adhesions"));
        assert_eq!(fold_for_match("ŒUVRES"), "oeuvres");
        assert_eq!(fold_for_match("  Virement   interne "), "virement interne");
        assert_eq!(fold_for_match("Réalisée"), "realisee");
        assert_eq!(fold_for_match("Ça"), "ca");
    }

    #[test]
    fn width_counts_wide_characters_twice() {
        assert_eq!(display_width("Élodie"), 6);
        assert_eq!(display_width("日本"), 4);
    }

    #[test]
    fn escape_makes_controls_visible() {
        assert_eq!(escape_for_terminal("a\u{202E}b"), "a<U+202E>b");
        assert_eq!(escape_for_terminal("x\u{1b}[2J\n"), "x<U+001B>[2J<U+000A>");
        assert_eq!(escape_for_terminal("Élodie"), "Élodie");
    }

    proptest::proptest! {
        #[test]
        fn the_ascii_fold_is_the_general_fold(s in "[ -~\t]{0,40}") {
            let mut general = String::new();
            fold_general(&mut general, &s);
            proptest::prop_assert_eq!(fold_for_match(&s), general);
        }

        #[test]
        fn folding_into_a_buffer_appends_the_fold(head in "[ -~]{0,8}", s in "\\PC{0,30}") {
            let mut out = head.clone();
            fold_into(&mut out, &s);
            proptest::prop_assert_eq!(out, format!("{head}{}", fold_for_match(&s)));
        }
    }

    #[test]
    fn excerpt_cuts_long_inputs() {
        let long = "é".repeat(100);
        let excerpt = excerpt_for_message(&long);
        assert_eq!(excerpt.chars().count(), MESSAGE_EXCERPT_CHARS + 1);
        assert!(excerpt.ends_with('…'));
        assert_eq!(excerpt_for_message("court"), "court");
    }

    proptest! {
        #[test]
        fn clean_line_output_is_safe(input in any::<String>(), max in 0usize..50) {
            let cleaned = clean_line(&input, max);
            prop_assert!(cleaned.chars().all(|c| !is_forbidden(c, false)), "{cleaned:?}");
            prop_assert!(is_nfc(&cleaned));
            prop_assert!(cleaned.chars().count() <= max);
        }

        #[test]
        fn clean_line_output_is_safe_on_hostile_mix(
            input in "[a-zé\u{0301}\u{0327} \t\r\n\u{0}-\u{1f}\u{7f}-\u{9f}\u{202a}-\u{202e}\u{2066}-\u{2069}\u{200e}\u{200f}\u{61c}\u{ac00}\u{1100}\u{1161}]{0,40}",
            max in 0usize..30,
        ) {
            let cleaned = clean_line(&input, max);
            prop_assert!(cleaned.chars().all(|c| !is_forbidden(c, false)), "{cleaned:?}");
            prop_assert!(is_nfc(&cleaned));
            prop_assert!(cleaned.chars().count() <= max);
            let multi = clean_multiline(&input, max);
            prop_assert!(multi.chars().all(|c| !is_forbidden(c, true)), "{multi:?}");
            prop_assert!(is_nfc(&multi));
            prop_assert!(multi.chars().count() <= max);
        }

        #[test]
        fn clean_multiline_output_is_safe(input in any::<String>(), max in 0usize..50) {
            let cleaned = clean_multiline(&input, max);
            prop_assert!(cleaned.chars().all(|c| !is_forbidden(c, true)), "{cleaned:?}");
            prop_assert!(is_nfc(&cleaned));
            prop_assert!(cleaned.chars().count() <= max);
        }

        #[test]
        fn cleaning_is_idempotent(input in any::<String>()) {
            let once = clean_line(&input, 80);
            prop_assert_eq!(clean_line(&once, 80), once.clone());
            let once_multi = clean_multiline(&input, 80);
            prop_assert_eq!(clean_multiline(&once_multi, 80), once_multi.clone());
        }

        #[test]
        fn stored_text_reads_back_as_cleaning_leaves_it(
            input in prop_oneof![any::<String>(), "[a \n\t\r\u{1b}é\u{301}\u{ad}\u{a0}\u{E0041}]{0,20}"],
        ) {
            prop_assert_eq!(clean_stored_line(input.clone()), clean_line(&input, usize::MAX));
            prop_assert_eq!(
                clean_stored_multiline(input.clone()),
                clean_multiline(&input, usize::MAX)
            );
        }

        #[test]
        fn escaped_text_has_no_unsafe_character(input in any::<String>()) {
            let escaped = escape_for_terminal(&input);
            prop_assert!(escaped.chars().all(|c| !is_unsafe_for_terminal(c)));
        }
    }
}

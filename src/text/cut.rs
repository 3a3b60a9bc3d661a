//! Cutting and wrapping text to a number of display columns: a name cut with `…`, a paragraph
//! wrapped the French way (no line starts with a colon or a closing guillemet).

use super::width::display_width;

/// `text` cut to `max` display columns, with `…` when cut.
pub fn truncate(text: &str, max: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    if display_width(text) <= max {
        return text.to_owned();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut width = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if width + w + 1 > max {
            break;
        }
        width += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// Greedy word wrap of one paragraph to `width` display columns; a word longer than the width
/// is cut. Used where ratatui's `Wrap` would lose the indentation of continuation lines.
pub fn wrap_text(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in french_words(paragraph) {
            let word = word.as_str();
            let needed = display_width(word) + usize::from(!line.is_empty());
            if !line.is_empty() && display_width(&line) + needed > width {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            while display_width(&line) > width {
                let mut head = truncate_exact(&line, width);
                if head.is_empty() {
                    // A character wider than the whole width (CJK, emoji in one column): it
                    // goes on a line of its own rather than never fitting.
                    let mut chars = line.chars();
                    head = chars.next().map(String::from).unwrap_or_default();
                    if chars.as_str().is_empty() {
                        break;
                    }
                }
                let rest = line[head.len()..].to_owned();
                lines.push(head);
                line = rest;
            }
        }
        lines.push(line);
    }
    lines
}

/// The words of a paragraph for wrapping, French typography kept: the space before `:` `;`
/// `!` `?` `»` and after `«` does not break, so no line starts with a colon.
fn french_words(paragraph: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut glue_next = false;
    for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
        // `»` sticks back with what follows it too (`».`, `»,`).
        let sticks_back = matches!(word, ":" | ";" | "!" | "?") || word.starts_with('»');
        match words.last_mut() {
            Some(last) if sticks_back || glue_next => {
                last.push(' ');
                last.push_str(word);
            }
            _ => words.push(word.to_owned()),
        }
        glue_next = word == "«";
    }
    words
}

/// The longest prefix of `text` at most `width` columns wide.
fn truncate_exact(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {

    #[test]
    fn no_line_starts_with_a_colon_or_a_closing_guillemet() {
        let lines = wrap_text(
            "Suivi des salarié·es et prestataires : point hebdomadaire",
            36,
        );
        assert_eq!(lines[0], "Suivi des salarié·es et");
        assert_eq!(lines[1], "prestataires : point hebdomadaire");
        let lines = wrap_text("le cercle « Finances » est ouvert", 12);
        assert!(
            lines
                .iter()
                .all(|l| !l.starts_with('»') && !l.ends_with('«')),
            "{lines:?}"
        );
        // Followed by a full stop, the guillemet still stays with its word.
        let lines = wrap_text("et démocratie directe ».", 22);
        assert_eq!(lines, ["et démocratie", "directe »."]);
    }
    use super::*;

    #[test]
    fn wraps_by_display_width_and_keeps_paragraphs() {
        assert_eq!(wrap_text("une équipe soin", 10), ["une équipe", "soin"]);
        assert_eq!(wrap_text("a\nb", 10), ["a", "b"]);
        assert_eq!(wrap_text("abcdefghijkl", 5), ["abcde", "fghij", "kl"]);
        assert_eq!(truncate("co-référent·es", 8), "co-réfé…");
        assert_eq!(truncate("abc", 0), "");
    }

    /// A character wider than the room (CJK in a one-column pane at 40x10) used to loop for
    /// ever, pushing empty lines until memory ran out.
    #[test]
    fn wrap_never_hangs_on_a_character_wider_than_the_width() {
        assert_eq!(wrap_text("漢字", 1), ["漢", "字"]);
        assert_eq!(wrap_text("a😀b", 1), ["a", "😀", "b"]);
        assert_eq!(wrap_text("日本 語", 0), ["日", "本", "語"]);
    }
}

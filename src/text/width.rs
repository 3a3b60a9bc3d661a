//! Display width measured per grapheme cluster, the way ratatui puts text into cells: a family
//! emoji joined by ZWJ (👩‍👩‍👧), a flag (🇫🇷) or a letter with combining marks is one cluster,
//! never split by a cut, and counted as the cells it takes.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Columns the text takes in a terminal.
pub fn display_width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// What a cut text ends with.
pub const ELLIPSIS: &str = "…";

/// Halfwidth katakana sound marks: zero width for unicode-width, one cell for terminals (and
/// for ratatui, which adds them back).
fn halfwidth_sound_marks(cluster: &str) -> usize {
    cluster
        .chars()
        .filter(|c| matches!(c, '\u{FF9E}' | '\u{FF9F}'))
        .count()
}

/// Cells one grapheme cluster takes, as ratatui's buffer counts them: a cluster holding a
/// control character is not drawn at all (0), one byte is one cell, anything else its
/// unicode-width (a ZWJ sequence or a flag: 2; a letter and its combining marks: 1).
pub fn grapheme_width(cluster: &str) -> usize {
    if cluster.chars().any(char::is_control) {
        return 0;
    }
    if cluster.len() == 1 {
        return 1;
    }
    UnicodeWidthStr::width(cluster) + halfwidth_sound_marks(cluster)
}

/// Cells the text takes once drawn: the sum of its clusters' widths.
pub fn width(text: &str) -> usize {
    text.graphemes(true).map(grapheme_width).sum()
}

/// The longest prefix of whole clusters at most `max` cells wide, and its width.
pub fn cut_exact(text: &str, max: usize) -> (&str, usize) {
    let mut used = 0;
    let mut end = 0;
    for (start, cluster) in text.grapheme_indices(true) {
        let w = grapheme_width(cluster);
        if used + w > max {
            break;
        }
        used += w;
        end = start + cluster.len();
    }
    (&text[..end], used)
}

/// `text` cut to `max` cells, ending with `…` when cut; never splits a cluster.
pub fn cut(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_owned();
    }
    if max == 0 {
        return String::new();
    }
    let (head, _) = cut_exact(text, max - 1);
    format!("{head}{ELLIPSIS}")
}

/// `text` cut to `width` cells and filled with spaces to exactly `width` cells, the text on
/// the left (`right == false`) or on the right.
pub fn fit(text: &str, cells: usize, right: bool) -> String {
    let cut = cut(text, cells);
    let fill = " ".repeat(cells.saturating_sub(width(&cut)));
    if right {
        format!("{fill}{cut}")
    } else {
        format!("{cut}{fill}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FAMILY: &str = "👩\u{200d}👩\u{200d}👧";
    const FLAG: &str = "🇫🇷";

    #[test]
    fn clusters_count_as_drawn() {
        assert_eq!(width(FAMILY), 2);
        assert_eq!(width(FLAG), 2);
        assert_eq!(width("e\u{301}"), 1);
        assert_eq!(width("q\u{303}\u{323}"), 1);
        assert_eq!(width("Élodie"), 6);
        assert_eq!(width("日本"), 4);
        assert_eq!(width("a\u{7}b"), 2);
        assert_eq!(width(""), 0);
    }

    /// The widths are those of ratatui's buffer, cell for cell: what the table aligns with is
    /// what gets drawn.
    #[test]
    fn widths_agree_with_ratatui_buffer() {
        use ratatui::buffer::Buffer;
        use ratatui::layout::Rect;
        let samples = [
            FAMILY,
            FLAG,
            "e\u{301}",
            "Mûrs-Erigné",
            "日本語",
            "ｶﾞｷﾟ",
            "❤\u{fe0f}",
            "👍🏽",
            "a\u{200d}b",
            "\u{1f1eb}",
            "x\u{7}y",
            "ก\u{e33}",
        ];
        for s in samples {
            let mut buf = Buffer::empty(Rect::new(0, 0, 40, 1));
            let (x, _) = buf.set_stringn(0, 0, s, 40, ratatui::style::Style::new());
            assert_eq!(usize::from(x), width(s), "{s:?}");
        }
    }

    #[test]
    fn cut_keeps_whole_clusters_and_adds_an_ellipsis() {
        let name = format!("{FAMILY}{FAMILY}{FAMILY}");
        assert_eq!(cut(&name, 5), format!("{FAMILY}{FAMILY}…"));
        // An odd room: a wide cluster that does not fit is left out, never half drawn.
        assert_eq!(cut(&name, 4), format!("{FAMILY}…"));
        assert_eq!(cut(&format!("ab{FLAG}cd"), 4), "ab…");
        assert_eq!(cut("cafe\u{301} noir", 5), "cafe\u{301}…");
        assert_eq!(cut("abc", 3), "abc");
        assert_eq!(cut("abcd", 1), "…");
        assert_eq!(cut("abcd", 0), "");
        for max in 0..10 {
            assert!(width(&cut(&name, max)) <= max);
        }
    }

    #[test]
    fn cut_exact_reports_its_width() {
        assert_eq!(cut_exact(&format!("a{FAMILY}b"), 2), ("a", 1));
        assert_eq!(
            cut_exact(&format!("a{FAMILY}b"), 3),
            (&*format!("a{FAMILY}"), 3)
        );
    }

    #[test]
    fn fit_fills_to_the_exact_width() {
        assert_eq!(fit("ab", 4, false), "ab  ");
        assert_eq!(fit("ab", 4, true), "  ab");
        assert_eq!(width(&fit(&format!("x{FAMILY}"), 6, true)), 6);
        assert_eq!(fit("abcdef", 4, true), "abc…");
    }
}

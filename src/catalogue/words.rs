//! The words the catalogue's files share: role labels, the French plural and elision.

/// The roles of users as people read them, in the order of `Role::ALL` (admin, trésorerie,
/// coordination, bénévole, lecture); the command line takes them with or without accents.
pub const ROLE_LABELS: [&str; 5] = ["admin", "trésorerie", "coordination", "bénévole", "lecture"];

/// "1 membre", "2 membres": French puts 0 and 1 in the singular.
pub fn plural(n: i64, one: &str, many: &str) -> String {
    if n.abs() <= 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

/// "de Bruno", "d'Élise", "d'Hugo": the preposition before a name, elided before a vowel or
/// an h (first names take the h muet).
pub fn de(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    // The first letter without its accents, past spaces and invisible characters: "Élise" is
    // "e", "Œdipe" is "œ".
    let first = name
        .to_lowercase()
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .find(|c| !c.is_whitespace() && !matches!(c, '\u{200B}' | '\u{2060}' | '\u{00AD}'));
    if first.is_some_and(|c| "aeiouyhœæ".contains(c)) {
        format!("d'{name}")
    } else {
        format!("de {name}")
    }
}

/// The end of a log entry cut to its maximum size.
pub fn log_entry_cut(total_bytes: usize) -> String {
    format!(" … [coupé : {total_bytes} octets en tout]")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn de_elides_before_a_vowel_or_h() {
        assert_eq!(de("Élise Gaillard"), "d'Élise Gaillard");
        assert_eq!(de("Hugo Roy"), "d'Hugo Roy");
        assert_eq!(de("Bruno Martin"), "de Bruno Martin");
        assert_eq!(de(""), "de ");
        assert_eq!(de("Œdipe"), "d'Œdipe");
        assert_eq!(de("\u{200B}Anne"), "d'\u{200B}Anne");
    }

    #[test]
    fn french_plural_keeps_zero_and_one_singular() {
        assert_eq!(plural(0, "membre", "membres"), "0 membre");
        assert_eq!(plural(1, "membre", "membres"), "1 membre");
        assert_eq!(plural(2, "membre", "membres"), "2 membres");
    }
}

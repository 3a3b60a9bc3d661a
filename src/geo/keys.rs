//! The keys communes are matched by: names folded once (no case, no accents, hyphens and
//! apostrophes as spaces), and codes read the way people and spreadsheets write them.

use crate::text::fold_for_match;

/// The length of every INSEE code.
pub(super) const CODE_LEN: usize = 5;

/// A name as it is matched: folded by the crate's one fold (no case, no accents, `œ` spelt
/// out), then every run of what is not a letter or a digit made one space. `Mûrs-Erigné`,
/// `murs erigne` and `MURS-ÉRIGNÉ` are the same key; so are `L'Haÿ-les-Roses` and
/// `l hay les roses`.
pub(super) fn name_key(text: &str) -> String {
    let folded = fold_for_match(text);
    let mut key = String::with_capacity(folded.len());
    let mut pending_space = false;
    for c in folded.chars() {
        if c.is_alphanumeric() {
            if pending_space && !key.is_empty() {
                key.push(' ');
            }
            pending_space = false;
            key.push(c);
        } else {
            pending_space = true;
        }
    }
    key
}

/// The abbreviations a spreadsheet writes for the words no commune's name abbreviates.
fn expand(word: &str) -> &str {
    match word {
        "st" => "saint",
        "ste" => "sainte",
        "sts" => "saints",
        "stes" => "saintes",
        other => other,
    }
}

/// A query cut in words, as keys. `open` says the last word may still grow (the text ends
/// with a letter or digit): it is then matched as a prefix and never expanded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Words {
    pub words: Vec<String>,
    pub open: bool,
}

impl Words {
    /// The words of a query being typed.
    pub fn of(text: &str) -> Words {
        let open =
            text.trim_end() == text && text.chars().next_back().is_some_and(char::is_alphanumeric);
        Words::cut(text, open)
    }

    /// The words of a whole text, every one of them finished.
    pub fn complete(text: &str) -> Words {
        Words::cut(text, false)
    }

    fn cut(text: &str, open: bool) -> Words {
        let key = name_key(text);
        let count = key.split(' ').filter(|w| !w.is_empty()).count();
        let words = key
            .split(' ')
            .filter(|w| !w.is_empty())
            .enumerate()
            .map(|(i, w)| {
                if open && i + 1 == count {
                    w.to_owned()
                } else {
                    expand(w).to_owned()
                }
            })
            .collect();
        Words { words, open }
    }
}

/// Whether a word (a key's) is code-like: digits, or a Corsican `2a`/`2b` and digits.
pub(super) fn is_code_word(word: &str) -> bool {
    let bytes = word.as_bytes();
    let digits_after = |from: usize| bytes[from..].iter().all(u8::is_ascii_digit);
    match bytes {
        [] => false,
        [b'2', b'a' | b'b', ..] => digits_after(2),
        _ => digits_after(0),
    }
}

/// An INSEE code as written: trimmed, any case, or four digits a spreadsheet stripped of
/// their leading zero. `None` for what cannot be one.
pub(super) fn code_of(text: &str) -> Option<[u8; CODE_LEN]> {
    let text = text.trim().as_bytes();
    let mut code = [b'0'; CODE_LEN];
    match text.len() {
        4 if text.iter().all(u8::is_ascii_digit) => code[1..].copy_from_slice(text),
        CODE_LEN => code.copy_from_slice(text),
        _ => return None,
    }
    code[1] = code[1].to_ascii_uppercase();
    let corsican = code[0] == b'2' && matches!(code[1], b'A' | b'B');
    let digits_from = if corsican { 2 } else { 0 };
    code[digits_from..]
        .iter()
        .all(u8::is_ascii_digit)
        .then_some(code)
}

/// A postal code as written: five digits, or four a spreadsheet stripped of their leading
/// zero, as a number.
pub(super) fn postal_of(text: &str) -> Option<u32> {
    let text = text.trim();
    if !(4..=CODE_LEN).contains(&text.len()) || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// The names of every commune and former commune, folded once, laid end to end in one
/// string: key `i` is `text[starts[i]..starts[i + 1]]`. Keys `0..communes` are the current
/// communes' names, in their order; the rest the former communes', in theirs.
#[derive(Debug, Default)]
pub(super) struct NameKeys {
    text: String,
    starts: Vec<u32>,
    /// The key indices in the order of the keys, for exact lookups.
    sorted: Vec<u32>,
}

impl NameKeys {
    pub fn build<'a>(names: impl Iterator<Item = &'a str>) -> NameKeys {
        let mut keys = NameKeys::default();
        for name in names {
            keys.starts.push(keys.offset());
            keys.text.push_str(&name_key(name));
        }
        keys.starts.push(keys.offset());
        let mut sorted: Vec<u32> = (0..keys.len() as u32).collect();
        sorted.sort_by(|&a, &b| keys.key(a).cmp(keys.key(b)));
        keys.sorted = sorted;
        keys
    }

    fn offset(&self) -> u32 {
        // The file is about a megabyte: its keys never reach 4 GB.
        u32::try_from(self.text.len()).unwrap_or(u32::MAX)
    }

    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    pub fn key(&self, index: u32) -> &str {
        let at = index as usize;
        match (self.starts.get(at), self.starts.get(at + 1)) {
            (Some(&from), Some(&to)) => self.text.get(from as usize..to as usize).unwrap_or(""),
            _ => "",
        }
    }

    /// Every key with its index, as bytes (the scan of a keystroke).
    pub fn iter(&self) -> impl Iterator<Item = (u32, &[u8])> {
        let text = self.text.as_bytes();
        self.starts.windows(2).enumerate().map(|(i, w)| {
            (
                i as u32,
                text.get(w[0] as usize..w[1] as usize).unwrap_or(&[]),
            )
        })
    }

    /// Every key equal to `key`: their indices.
    pub fn exact<'k>(&'k self, key: &'k str) -> impl Iterator<Item = u32> + 'k {
        let from = self.sorted.partition_point(|&i| self.key(i) < key);
        self.sorted[from..]
            .iter()
            .copied()
            .take_while(move |&i| self.key(i) == key)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn names_fold_without_case_accents_hyphens_or_apostrophes() {
        assert_eq!(name_key("Mûrs-Erigné"), "murs erigne");
        assert_eq!(name_key(" MURS  ÉRIGNÉ "), "murs erigne");
        assert_eq!(name_key("L'Haÿ-les-Roses"), "l hay les roses");
        assert_eq!(
            name_key("L’Abergement-Clémenciat"),
            "l abergement clemenciat"
        );
        assert_eq!(
            name_key("Bors (Canton de Charente-Sud)"),
            "bors canton de charente sud"
        );
        assert_eq!(name_key("Œuilly"), "oeuilly");
        assert_eq!(name_key("Saint-Denis (93)"), "saint denis 93");
    }

    #[test]
    fn closed_words_are_expanded_and_the_open_one_kept() {
        let words = Words::of("St-Denis");
        assert_eq!(words.words, ["saint", "denis"]);
        assert!(words.open);
        assert_eq!(Words::of("st").words, ["st"]);
        assert_eq!(Words::of("Ste ").words, ["sainte"]);
        assert!(!Words::of("Saint-Denis (93)").open);
        assert_eq!(Words::complete("Bourg St").words, ["bourg", "saint"]);
    }

    #[test]
    fn codes_are_read_as_written() {
        assert_eq!(code_of("01004"), Some(*b"01004"));
        assert_eq!(code_of(" 1004 "), Some(*b"01004"));
        assert_eq!(code_of("2a004"), Some(*b"2A004"));
        assert_eq!(code_of("2B033"), Some(*b"2B033"));
        assert_eq!(code_of("97101"), Some(*b"97101"));
        assert_eq!(code_of("2C004"), None);
        assert_eq!(code_of("104"), None);
        assert_eq!(code_of("1A004"), None);
        assert_eq!(postal_of("49610"), Some(49610));
        assert_eq!(postal_of("1400"), Some(1400));
        assert_eq!(postal_of("4961"), Some(4961));
        assert_eq!(postal_of("496100"), None);
        assert!(is_code_word("2a004") && is_code_word("93") && is_code_word("2b"));
        assert!(!is_code_word("1er") && !is_code_word("saint") && !is_code_word(""));
    }

    #[test]
    fn exact_keys_are_found_by_their_text() {
        let keys = NameKeys::build(
            ["Saint-Denis", "Paris", "Saint-Denis", "Saint-Denis-d'Anjou"].into_iter(),
        );
        assert_eq!(keys.len(), 4);
        assert_eq!(keys.key(1), "paris");
        let mut found: Vec<u32> = keys.exact("saint denis").collect();
        found.sort();
        assert_eq!(found, [0, 2]);
        assert_eq!(keys.exact("saint").count(), 0);
    }
}

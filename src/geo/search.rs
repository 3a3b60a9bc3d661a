//! Suggestions as a person types (autocomplete): every commune whose name, or a former
//! commune's name, matches the words typed, best first. Words that are codes (`49610`,
//! `2a`, `93`) keep only the communes whose INSEE code or a postal code starts with them.
//!
//! One keystroke scans every key once (about 37 600 names, folded when the table was
//! built) and sorts only the best: well under the 5 ms a keystroke may take
//! (`benches/geo.rs`).

use std::cmp::Reverse;

use super::keys::{Words, is_code_word};
use super::types::{Commune, Communes, FormerCommune};

/// One suggestion: the commune, and the former commune whose name matched, if it was one
/// (`Chemillé` for Chemillé-en-Anjou), for the caller to show why it is offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Suggestion {
    pub commune: &'static Commune,
    pub former: Option<&'static FormerCommune>,
}

/// How a name matches the words typed, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Rank {
    /// The whole name.
    Exact,
    /// The beginning of the name (`saint d` for Saint-Denis).
    Prefix,
    /// The beginning of a word of the name, each word typed in order (`denis`, `mur erig`).
    WordPrefix,
}

/// How `key` (a name key) matches the typed name words, already joined as `joined`. On
/// bytes: keys and words are folded alike, and a word starts after a space.
fn rank(key: &[u8], joined: &[u8], words: &[&[u8]]) -> Option<Rank> {
    if key == joined {
        return Some(Rank::Exact);
    }
    if key.starts_with(joined) {
        return Some(Rank::Prefix);
    }
    let mut from = 0;
    for word in words {
        from = word_start(key, from, word)? + word.len();
    }
    Some(Rank::WordPrefix)
}

/// Where, from `from` on, a word of `key` starts with `word` (never empty).
fn word_start(key: &[u8], from: usize, word: &[u8]) -> Option<usize> {
    let first = *word.first()?;
    let last = key.len().checked_sub(word.len())?;
    (from..=last).find(|&at| {
        key[at] == first && (at == 0 || key[at - 1] == b' ') && key[at..].starts_with(word)
    })
}

/// Whether `code` (an INSEE or postal code) starts with the typed `word`, any case; four
/// typed digits also match the code they are once the leading zero is put back.
fn code_starts_with(code: &str, word: &str) -> bool {
    let (code, word) = (code.as_bytes(), word.as_bytes());
    let repaired = word.len() == 4 && code.first() == Some(&b'0') && code[1..] == *word;
    repaired || (code.len() >= word.len() && code[..word.len()].eq_ignore_ascii_case(word))
}

/// Whether the typed `word` is the whole of `code`, repaired as above.
fn code_is(code: &str, word: &str) -> bool {
    code.len() == word.len() && code.eq_ignore_ascii_case(word)
        || word.len() == 4 && code.strip_prefix('0') == Some(word)
}

/// A match before ordering: its rank, whether by a former name, the commune, the key.
#[derive(Debug, Clone, Copy)]
struct Hit {
    rank: Rank,
    former: bool,
    weight: Reverse<u32>,
    commune: u32,
    key: u32,
}

impl Hit {
    fn order(&self) -> (Rank, bool, Reverse<u32>, u32) {
        (self.rank, self.former, self.weight, self.commune)
    }
}

impl Communes {
    /// The communes that match a query being typed, best first, at most `limit`: the whole
    /// name, then its beginning, then the beginning of its words; a current name before a
    /// former one; a bigger population first among equals. An empty query gives the
    /// biggest communes.
    pub fn search(&'static self, query: &str, limit: usize) -> Vec<&'static Commune> {
        self.suggest(query, limit)
            .into_iter()
            .map(|s| s.commune)
            .collect()
    }

    /// As [`Communes::search`], saying which former name matched.
    pub fn suggest(&'static self, query: &str, limit: usize) -> Vec<Suggestion> {
        if limit == 0 {
            return Vec::new();
        }
        let words = Words::of(query).words;
        let (codes, names): (Vec<&str>, Vec<&str>) = words
            .iter()
            .map(String::as_str)
            .partition(|w| is_code_word(w));
        let has_codes = |c: &Commune| {
            codes.iter().all(|w| {
                code_starts_with(c.code(), w) || c.postal_codes().any(|p| code_starts_with(p, w))
            })
        };
        let mut hits = Vec::new();
        if names.is_empty() {
            self.code_hits(&codes, &has_codes, &mut hits);
        } else {
            let joined = names.join(" ");
            let words: Vec<&[u8]> = names.iter().map(|w| w.as_bytes()).collect();
            for (key, text) in self.keys.iter() {
                let Some(rank) = rank(text, joined.as_bytes(), &words) else {
                    continue;
                };
                let (commune, former) = self.owner(key);
                let Some(c) = self.commune(commune) else {
                    continue;
                };
                if codes.is_empty() || has_codes(c) {
                    hits.push(Hit {
                        rank,
                        former,
                        weight: Reverse(c.weight()),
                        commune,
                        key,
                    });
                }
            }
        }
        self.best(hits, limit)
    }

    /// The hits of a query of codes only: the communes whose codes start with them (the
    /// whole code first), and the commune a former commune's code names.
    fn code_hits(
        &'static self,
        codes: &[&str],
        has_codes: &dyn Fn(&Commune) -> bool,
        hits: &mut Vec<Hit>,
    ) {
        for (index, c) in self.list.iter().enumerate() {
            if !has_codes(c) {
                continue;
            }
            let whole = codes
                .iter()
                .any(|w| code_is(c.code(), w) || c.postal_codes().any(|p| code_is(p, w)));
            hits.push(Hit {
                rank: if whole { Rank::Exact } else { Rank::Prefix },
                former: false,
                weight: Reverse(c.weight()),
                commune: index as u32,
                key: index as u32,
            });
        }
        let first_former = self.list.len();
        for (index, f) in self.formers.iter().enumerate() {
            if codes.iter().any(|w| code_is(f.code(), w)) {
                hits.push(Hit {
                    rank: Rank::Exact,
                    former: true,
                    weight: Reverse(f.commune().weight()),
                    commune: f.commune,
                    key: (first_former + index) as u32,
                });
            }
        }
    }

    /// The commune a key belongs to, and whether it is a former commune's name.
    fn owner(&'static self, key: u32) -> (u32, bool) {
        match (key as usize).checked_sub(self.list.len()) {
            None => (key, false),
            Some(at) => (self.formers.get(at).map_or(u32::MAX, |f| f.commune), true),
        }
    }

    /// The best `limit` hits, one per commune, in order. Only those that can be among them
    /// are sorted: a commune appears twice only by a former name, so `limit` more than the
    /// hits by former names are always enough.
    fn best(&'static self, mut hits: Vec<Hit>, limit: usize) -> Vec<Suggestion> {
        let by_former = hits.iter().filter(|h| h.former).count();
        let keep = limit.saturating_add(by_former);
        if hits.len() > keep {
            hits.select_nth_unstable_by_key(keep - 1, Hit::order);
            hits.truncate(keep);
        }
        hits.sort_unstable_by_key(Hit::order);
        let mut best: Vec<Suggestion> = Vec::with_capacity(limit.min(hits.len()));
        for hit in hits {
            let Some(commune) = self.commune(hit.commune) else {
                continue;
            };
            if best.iter().any(|s| std::ptr::eq(s.commune, commune)) {
                continue;
            }
            let former = hit
                .former
                .then(|| self.formers.get(hit.key as usize - self.list.len()))
                .flatten();
            best.push(Suggestion { commune, former });
            if best.len() == limit {
                break;
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rank_of(key: &str, words: &[&str]) -> Option<Rank> {
        let bytes: Vec<&[u8]> = words.iter().map(|w| w.as_bytes()).collect();
        rank(key.as_bytes(), words.join(" ").as_bytes(), &bytes)
    }

    #[test]
    fn names_rank_whole_then_beginning_then_words() {
        assert_eq!(
            rank_of("saint denis", &["saint", "denis"]),
            Some(Rank::Exact)
        );
        assert_eq!(
            rank_of("saint denis d anjou", &["saint", "denis"]),
            Some(Rank::Prefix)
        );
        assert_eq!(
            rank_of("murs erigne", &["mur", "erig"]),
            Some(Rank::WordPrefix)
        );
        assert_eq!(
            rank_of("la plaine saint denis", &["denis"]),
            Some(Rank::WordPrefix)
        );
        assert_eq!(rank_of("murs erigne", &["erig", "mur"]), None, "in order");
        assert_eq!(rank_of("paris", &["pa", "ris"]), None);
        assert_eq!(
            rank_of("saint saturnin", &["s", "s"]),
            Some(Rank::WordPrefix)
        );
        assert_eq!(
            rank_of("saint denis", &["s", "s"]),
            None,
            "two words for two"
        );
    }

    #[test]
    fn codes_match_by_their_beginning_and_without_their_leading_zero() {
        assert!(code_starts_with("2A004", "2a"));
        assert!(code_starts_with("49610", "496"));
        assert!(code_starts_with("01004", "1004"));
        assert!(!code_starts_with("49610", "4961000"));
        assert!(code_is("01004", "1004") && code_is("2A004", "2a004"));
        assert!(!code_is("01004", "0100"));
    }
}

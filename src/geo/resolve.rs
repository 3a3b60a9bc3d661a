//! Resolving what a person or a file wrote for a commune to one commune, or to the few it
//! may be: an INSEE code, a postal code, a name, a name with its département, a postal code
//! with a name, a former commune's name or code.

use super::keys::{self, CODE_LEN, Words, is_code_word};
use super::types::{Commune, Communes, Departement};

/// What a text names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// One commune, and only one.
    Found(&'static Commune),
    /// Several communes it may be, the likeliest first (the one whose INSEE code it is, then
    /// bigger populations first): homonyms, a postal code of several communes.
    Ambiguous(Vec<&'static Commune>),
    /// No commune.
    Unknown,
}

impl Resolution {
    /// The commune, when it is one.
    pub fn found(&self) -> Option<&'static Commune> {
        match self {
            Resolution::Found(commune) => Some(commune),
            _ => None,
        }
    }

    /// Every commune it may be: one, several or none.
    pub fn candidates(&self) -> Vec<&'static Commune> {
        match self {
            Resolution::Found(commune) => vec![commune],
            Resolution::Ambiguous(communes) => communes.clone(),
            Resolution::Unknown => Vec::new(),
        }
    }

    fn of(mut communes: Vec<&'static Commune>) -> Resolution {
        let mut seen = Vec::with_capacity(communes.len());
        communes.retain(|c| {
            let new = !seen.contains(&c.code());
            seen.push(c.code());
            new
        });
        match communes.len() {
            0 => Resolution::Unknown,
            1 => Resolution::Found(communes[0]),
            _ => Resolution::Ambiguous(communes),
        }
    }
}

/// A text cut into what it says: a code (INSEE or postal) first or last, a département
/// last (`(93)`, `93`), a name in between.
struct Parts<'w> {
    code: Option<&'w str>,
    departement: Option<&'static Departement>,
    name: String,
}

/// A name as written, its accents kept: lowercase, hyphens and apostrophes as spaces, the
/// words holding a digit (a postal code, `(93)`) left out.
fn accented_name(text: &str) -> String {
    let spaced: String = text
        .to_lowercase()
        .chars()
        .map(|c| {
            if matches!(c, '-' | '\'' | '’' | '(' | ')') {
                ' '
            } else {
                c
            }
        })
        .collect();
    spaced
        .split_whitespace()
        .filter(|w| !w.chars().any(|c| c.is_ascii_digit()))
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_full_code(word: &str) -> bool {
    (4..=CODE_LEN).contains(&word.len()) && is_code_word(word)
}

impl Communes {
    /// The commune a text names (see the module's documentation for what resolves). When a
    /// name is both a current commune's and a former one's, the current commune is meant:
    /// the former name is tried only when no current commune fits.
    pub fn resolve(&'static self, text: &str) -> Resolution {
        let words = Words::complete(text).words;
        let Some(parts) = self.parts(&words) else {
            return Resolution::Unknown;
        };
        let by_code = parts.code.map(|code| self.by_code_or_postal(code));
        let fits = |c: &&'static Commune| {
            by_code.as_ref().is_none_or(|list| list.contains(c))
                && parts.departement.is_none_or(|d| c.departement() == d)
        };
        if parts.name.is_empty() {
            return match &by_code {
                Some(list) => Resolution::of(list.iter().copied().filter(fits).collect()),
                None => Resolution::Unknown,
            };
        }
        let (current, former): (Vec<u32>, Vec<u32>) = self
            .keys
            .exact(&parts.name)
            .partition(|&i| (i as usize) < self.list.len());
        let current = current.into_iter().filter_map(|i| self.commune(i));
        let mut found: Vec<&'static Commune> = current.filter(fits).collect();
        if found.is_empty() {
            let former = former.into_iter().filter_map(|i| {
                let at = (i as usize).checked_sub(self.list.len())?;
                Some(self.formers.get(at)?.commune())
            });
            found = former.filter(fits).collect();
        }
        found.sort_by_key(|c| std::cmp::Reverse(c.weight()));
        // Names equal but for their accents (`Melle`, `Mellé`): the one written with the very
        // accents typed is meant.
        if found.len() > 1 {
            let typed = accented_name(text);
            let mut same = found.iter().filter(|c| accented_name(c.name()) == typed);
            if let (Some(one), None) = (same.next(), same.next()) {
                return Resolution::Found(one);
            }
        }
        Resolution::of(found)
    }

    /// The communes a code written alone may name: the commune whose INSEE code or
    /// arrondissement's code it is, then those that have it as postal code. A former
    /// commune's code or an older one (`75011` was a commune of the Seine before 1968) only
    /// when it is none of these: beside a postal code it would offer a commune nobody meant.
    fn by_code_or_postal(&'static self, code: &str) -> Vec<&'static Commune> {
        let insee = keys::code_of(code);
        let mut found: Vec<&'static Commune> = insee
            .and_then(|c| self.by_exact_code(&c, false))
            .into_iter()
            .collect();
        found.extend(self.by_postal(code));
        if found.is_empty() {
            found.extend(insee.and_then(|c| self.by_exact_code(&c, true)));
        }
        found
    }

    /// The parts of a text's words, or `None` when a code stands where none can.
    fn parts<'w>(&'static self, words: &'w [String]) -> Option<Parts<'w>> {
        let mut words: Vec<&'w str> = words.iter().map(String::as_str).collect();
        let mut code = None;
        if words.first().is_some_and(|w| is_full_code(w)) {
            code = Some(words.remove(0));
        }
        let mut departement = None;
        if let Some(&last) = words.last()
            && is_code_word(last)
        {
            if last.len() < 4 {
                departement = Some(self.departement(last)?);
                words.pop();
            } else if code.is_none() && is_full_code(last) {
                code = words.pop();
            }
        }
        if words.iter().any(|w| is_code_word(w)) {
            return None;
        }
        if code.is_none() && departement.is_some() && words.is_empty() {
            return None;
        }
        Some(Parts {
            code,
            departement,
            name: words.join(" "),
        })
    }
}

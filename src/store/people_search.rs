//! What the Membres list searches, kept for the session: everyone with a folded text to
//! search, in name order (the sort key kept inside that text), and everyone's current roles.

use super::id_map::IdMap;
use crate::model::governance::{CurrentRole, PersonSet, RoleBadge};
use crate::model::{CircleRole, Person};
use crate::text::fold_into;

/// Separates the sort key from the searched text in a haystack: below every character of
/// folded text (which holds no control character), so comparing the keys as text orders
/// people by last name, then first name.
const KEY_END: char = '\u{1f}';

/// Everyone as `store`'s session sees them, each with the folded text the Membres filter
/// searches, and their order by name. A haystack is `last␟first␟first last first | commune |
/// email`: its start up to the second `␟` is the sort key (folded last name, then first
/// name); the rest holds the name both ways (the list shows "Nom Prénom", people type
/// either), the commune's name (or what was typed, awaiting review) and the email. A needle
/// never holds `␟`, so it never matches across the key.
///
/// A big network's 70 000 people sit in one vector in the order they were read, their
/// haystacks back to back in one text: no allocation of a person's own but their strings, and
/// the filter reads memory in a row.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Everyone {
    people: Vec<Person>,
    text: String,
    /// Where person `i`'s haystack ends in `text` (it starts where `i - 1`'s ends).
    ends: Vec<u32>,
    /// Indices into `people`, by name.
    order: Vec<u32>,
}

impl Everyone {
    pub(super) fn len(&self) -> usize {
        self.people.len()
    }

    /// Person `i` (an index of [`Everyone::by_name`]).
    pub fn person(&self, i: u32) -> &Person {
        &self.people[i as usize]
    }

    /// Person `i`'s folded text.
    pub fn haystack(&self, i: u32) -> &str {
        let i = i as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }

    /// Indices of everyone, by name.
    pub fn by_name(&self) -> &[u32] {
        &self.order
    }

    /// Whether someone is named exactly so, without case or accents.
    pub(super) fn namesake(&self, last_name: &str, first_name: &str) -> Option<&Person> {
        let mut key = String::new();
        fold_into(&mut key, last_name);
        key.push(KEY_END);
        fold_into(&mut key, first_name);
        self.order
            .iter()
            .find(|&&i| sort_key(self.haystack(i)) == key)
            .map(|&i| self.person(i))
    }
}

impl Everyone {
    /// Everyone of `people` (as the session may see them), with their haystacks and order.
    pub(super) fn new(mut people: Vec<Person>) -> Everyone {
        // Sorted by their keys alone (`last␟first␟`, a fifth of a haystack), then laid out in
        // that order, them and their haystacks: each letter typed reads them in a row, where
        // the order of reading sent it all over 70 000 people's memory.
        let mut keys = String::with_capacity(people.len() * 16);
        let mut key_ends = Vec::with_capacity(people.len());
        for p in &people {
            push_key(&mut keys, p);
            key_ends.push(keys.len());
        }
        let key = |i: usize| &keys[if i == 0 { 0 } else { key_ends[i - 1] }..key_ends[i]];
        let mut order: Vec<usize> = (0..people.len()).collect();
        order.sort_unstable_by(|&a, &b| {
            by_key_then_id((key(a), people[a].id), (key(b), people[b].id))
        });
        // Room for every haystack at once (growing it by doubling held it twice): the key's
        // names twice more, the first name once more, the email, and some 16 bytes of commune.
        let room = 2 * keys.len()
            + people
                .iter()
                .map(|p| p.first_name.len() + p.email.as_ref().map_or(0, String::len) + 24)
                .sum::<usize>();
        drop(key_ends);
        drop(keys);
        crate::model::name_order::put_in_order(&mut people, &order);
        drop(order);
        let mut text = String::with_capacity(room);
        let mut ends = Vec::with_capacity(people.len());
        for p in &people {
            push_haystack(&mut text, p);
            // A text past 4 GB would need 70 million people: cut the index rather than wrap.
            ends.push(u32::try_from(text.len()).unwrap_or(u32::MAX));
        }
        text.shrink_to_fit();
        let order = (0..u32::try_from(people.len()).unwrap_or(u32::MAX)).collect();
        Everyone {
            people,
            text,
            ends,
            order,
        }
    }
}

/// Each person's current roles as the Membres list shows them, co-référent·e ones first, then
/// in the circles' order: one vector for everyone, and where each person's run starts.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Badges {
    all: Vec<RoleBadge>,
    at: IdMap<(u32, u32)>,
    /// Who holds a current co-référent·e role: asked of every person shown, for its count.
    co_referents: PersonSet,
}

impl Badges {
    /// Group `roles` (in the circles' order) by person: read once per state of the file, as
    /// each letter typed in the filter would otherwise group 70 000 roles again.
    pub(super) fn new(roles: &[CurrentRole]) -> Badges {
        let mut order: Vec<u32> = (0..u32::try_from(roles.len()).unwrap_or(u32::MAX)).collect();
        let key = |i: u32| {
            let r = &roles[i as usize];
            (r.person_id, r.role != CircleRole::CoReferent, i)
        };
        order.sort_unstable_by_key(|&i| key(i));
        let mut badges = Badges {
            all: Vec::with_capacity(order.len()),
            at: IdMap::default(),
            co_referents: PersonSet::default(),
        };
        for i in order {
            let r = &roles[i as usize];
            if r.role == CircleRole::CoReferent {
                badges.co_referents.insert(r.person_id);
            }
            let start = u32::try_from(badges.all.len()).unwrap_or(u32::MAX);
            badges
                .at
                .entry(r.person_id)
                .and_modify(|(_, n)| *n += 1)
                .or_insert((start, 1));
            badges.all.push(RoleBadge::from(r));
        }
        badges
    }

    /// Whether person `id` holds a current co-référent·e role (one of [`Badges::of`]).
    pub fn is_co_referent(&self, id: i64) -> bool {
        self.co_referents.contains(id)
    }

    /// The current roles of person `id` (none for someone in no circle).
    pub fn of(&self, id: i64) -> &[RoleBadge] {
        self.at.get(&id).map_or(&[], |&(start, n)| {
            &self.all[start as usize..(start + n) as usize]
        })
    }
}

/// Append `p`'s sort key to `text`: the start of its haystack, `last␟first␟`.
fn push_key(text: &mut String, p: &Person) {
    for piece in [&p.last_name, &p.first_name] {
        fold_into(text, piece);
        text.push(KEY_END);
    }
}

/// Append `p`'s haystack to `text`.
fn push_haystack(text: &mut String, p: &Person) {
    let commune = crate::geo::communes()
        .by_code(&p.commune)
        .map_or(p.commune_typed.as_str(), |c| c.name());
    let email = p.email.as_deref().unwrap_or("");
    push_key(text, p);
    for (i, piece) in [&p.first_name, &p.last_name, &p.first_name]
        .into_iter()
        .enumerate()
    {
        if i > 0 {
            text.push(' ');
        }
        fold_into(text, piece);
    }
    for piece in [commune, email] {
        text.push_str(" | ");
        fold_into(text, piece);
    }
}

#[cfg(test)]
fn haystack(p: &Person) -> String {
    let mut text = String::new();
    push_haystack(&mut text, p);
    text
}

/// Two haystacks in the order of their sort keys, then of the people's ids. Compared where
/// they first differ: past the key's end (two `␟` in the common start), the keys are equal.
fn by_key_then_id(a: (&str, i64), b: (&str, i64)) -> std::cmp::Ordering {
    let (x, y) = (a.0.as_bytes(), b.0.as_bytes());
    let common = x.iter().zip(y).take_while(|(p, q)| p == q).count();
    let ends = x[..common].iter().filter(|&&c| c == KEY_END as u8).count();
    if ends >= 2 || (common == x.len() && common == y.len()) {
        return a.1.cmp(&b.1);
    }
    // Within the key, `␟` sorts below every other byte: a shorter last name comes first.
    x.get(common).cmp(&y.get(common))
}

/// The sort key at the start of a haystack: `last␟first`.
fn sort_key(haystack: &str) -> &str {
    let mut ends = haystack.match_indices(KEY_END).map(|(i, _)| i).skip(1);
    ends.next().map_or(haystack, |end| &haystack[..end])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold_for_match;

    fn person(id: i64, last: &str, first: &str) -> Person {
        Person {
            id,
            last_name: last.into(),
            first_name: first.into(),
            email: None,
            phone: None,
            commune: String::new(),
            commune_typed: String::new(),
            kind: crate::model::PersonKind::Benevole,
            confidentiality_signed_on: None,
            mission_accepted_on: None,
            notes: String::new(),
            left_on: None,
            version: 1,
        }
    }

    #[test]
    fn haystack_order_is_last_then_first_name_then_id() {
        let people = [
            person(1, "Le Roux", "Anne"),
            person(2, "Le", "Zoé"),
            person(3, "Lé", "Ade"),
            person(4, "Leroux", "Bob"),
            person(5, "le", "zoe"),
            person(6, "Åberg", "Ola"),
            person(7, "Martin", "Jean"),
            person(8, "MARTIN", "Jean-Pierre"),
            person(9, "Martin", "Jean"),
            person(10, "", "Sans nom"),
        ];
        let mut ours: Vec<(String, i64)> = people.iter().map(|p| (haystack(p), p.id)).collect();
        ours.sort_by(|a, b| by_key_then_id((&a.0, a.1), (&b.0, b.1)));
        let mut expected: Vec<_> = people
            .iter()
            .map(|p| {
                (
                    fold_for_match(&p.last_name),
                    fold_for_match(&p.first_name),
                    p.id,
                )
            })
            .collect();
        expected.sort();
        let ours: Vec<i64> = ours.iter().map(|(_, id)| *id).collect();
        let expected: Vec<i64> = expected.iter().map(|k| k.2).collect();
        assert_eq!(ours, expected);
    }

    #[test]
    fn the_name_is_found_both_ways_and_never_across_the_key() {
        let h = haystack(&person(1, "Dupont", "Jean"));
        assert_eq!(sort_key(&h), format!("dupont{KEY_END}jean"));
        for needle in ["jean dupont", "dupont jean", "dupont", "jean"] {
            assert!(h.contains(needle), "{needle} in {h:?}");
        }
    }
}

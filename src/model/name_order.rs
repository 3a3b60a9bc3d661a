//! The order of people in a circle's list: by group (co-référent·es first, or a circle's
//! rank), then last name and first name as SQLite's `NOCASE` compares them (ASCII letters
//! without case, every other byte as it is), then id. Built for a big network's tens of
//! thousands of rows: each row gets a key of integers first, and most comparisons end there.

use std::cmp::Ordering;

/// One row to order: its group, last name, first name and id.
pub type NameRow<'a> = (u32, &'a str, &'a str, i64);

struct Key<'a> {
    /// The group, then the first eight bytes of the last name as `nocase` compares them.
    head: u128,
    /// The first eight bytes of the first name.
    first: u64,
    last_name: &'a str,
    first_name: &'a str,
    id: i64,
    at: usize,
}

/// The permutation that puts `rows` in order: `order[i]` is the index of the row to put at `i`.
pub fn name_order<'a>(rows: impl Iterator<Item = NameRow<'a>>) -> Vec<usize> {
    let mut keys: Vec<Key<'a>> = rows
        .enumerate()
        .map(|(at, (group, last_name, first_name, id))| Key {
            head: u128::from(group) << 64 | u128::from(nocase_prefix(last_name)),
            first: nocase_prefix(first_name),
            last_name,
            first_name,
            id,
            at,
        })
        .collect();
    keys.sort_unstable_by(|a, b| {
        a.head.cmp(&b.head).then_with(|| {
            // Equal prefixes of names that fit in them: the names are equal, and the next key
            // decides without reading the names.
            fits_equal(a.last_name, b.last_name)
                .then_with(|| a.first.cmp(&b.first))
                .then_with(|| fits_equal(a.first_name, b.first_name))
                .then(a.id.cmp(&b.id))
        })
    });
    keys.into_iter().map(|k| k.at).collect()
}

/// Two names whose prefixes are equal: equal if both fit in the prefix, else as `nocase` says.
fn fits_equal(a: &str, b: &str) -> Ordering {
    if a.len() <= 8 && b.len() <= 8 {
        Ordering::Equal
    } else {
        nocase(a, b)
    }
}

/// Rearrange `items` so that `items[i]` is what was at `order[i]` (`order` a permutation),
/// in place: a big network's rows are never held twice.
pub fn put_in_order<T>(items: &mut [T], order: &[usize]) {
    let mut done = vec![false; items.len()];
    for start in 0..items.len() {
        let mut at = start;
        while !done[at] {
            done[at] = true;
            let from = order[at];
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

/// The first eight bytes of `s` as [`nocase`] compares them, as one number: two names whose
/// numbers differ compare as their numbers do (a shorter name pads with zeros, which sort
/// first, as its end does).
fn nocase_prefix(s: &str) -> u64 {
    let mut bytes = [0u8; 8];
    for (b, c) in bytes.iter_mut().zip(s.bytes()) {
        *b = c.to_ascii_lowercase();
    }
    u64::from_be_bytes(bytes)
}

/// SQLite's `NOCASE` order: ASCII letters without case, every other byte as it is.
fn nocase(a: &str, b: &str) -> Ordering {
    a.bytes()
        .map(|c| c.to_ascii_lowercase())
        .cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_permutation_is_applied_in_place() {
        for order in [
            vec![2, 0, 1],
            vec![0, 1, 2],
            vec![1, 0, 2],
            vec![3, 2, 1, 0],
        ] {
            let mut items: Vec<usize> = (0..order.len()).map(|i| i * 10).collect();
            put_in_order(&mut items, &order);
            let expected: Vec<usize> = order.iter().map(|i| i * 10).collect();
            assert_eq!(items, expected);
        }
    }

    #[test]
    fn groups_first_then_names_without_ascii_case_then_ids() {
        let rows = [
            (1, "dupont", "Émile", 5),
            (0, "Zola", "a", 9),
            (1, "Dupont", "alice", 4),
            (1, "DUPONT", "ALICE", 3),
            (1, "Dupontel", "Alexandrine", 2),
            (1, "dupontel", "alexandrin", 1),
            (1, "Éluard", "Paul", 6),
        ];
        let order = name_order(rows.iter().copied());
        let ids: Vec<i64> = order.iter().map(|&i| rows[i].3).collect();
        // "É" is not an ASCII letter: its bytes sort after every letter, as in SQLite.
        assert_eq!(ids, [9, 3, 4, 5, 1, 2, 6]);
    }
}

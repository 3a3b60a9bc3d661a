//! The one catalogue of screen text (French). Every string a person reads comes from here,
//! one file per area, so a second language stays a directory away.

pub mod circles;
pub mod circles_tab;
pub mod cli;
pub mod exchange;
pub mod members_tab;
pub mod parse;
pub mod people;
pub mod store;
pub mod tui;

/// "1 membre", "2 membres": French puts 0 and 1 in the singular.
pub fn plural(n: i64, one: &str, many: &str) -> String {
    if n.abs() <= 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_plural_keeps_zero_and_one_singular() {
        assert_eq!(plural(0, "membre", "membres"), "0 membre");
        assert_eq!(plural(1, "membre", "membres"), "1 membre");
        assert_eq!(plural(2, "membre", "membres"), "2 membres");
    }
}

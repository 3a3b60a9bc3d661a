//! Messages about values a person typed or imported: amounts, dates, and month names.
//!
//! The `input` arguments arrive already escaped and shortened by the caller
//! (`text::excerpt_for_message`): this module only words things.

/// Shown after a rejected amount: what a good one looks like.
pub const MONEY_EXAMPLE: &str = "1 234,56";
/// Shown after a rejected date: what a good one looks like.
pub const DATE_EXAMPLE: &str = "14/07/2025";
/// Shown after a rejected date where a month is also welcome.
pub const DAY_OR_MONTH_EXAMPLE: &str = "14/07/2025, 07/2025 ou juillet 2025";

/// The months as written in a date (`avril 2025`); a typed name is matched against them
/// without case or accents, and by its first letters (`nov.`, `févr.`).
pub const MONTH_NAMES: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// `1` → `janvier` … `12` → `décembre`; anything else → `?` (never panics).
pub fn month_name(month: u32) -> &'static str {
    month
        .checked_sub(1)
        .and_then(|index| MONTH_NAMES.get(index as usize))
        .copied()
        .unwrap_or("?")
}

fn not_an_amount(input: &str, reason: &str) -> String {
    format!("« {input} » n'est pas un montant : {reason}")
}

pub fn money_empty() -> String {
    format!("le montant est vide : écrivez par exemple {MONEY_EXAMPLE}")
}

pub fn money_no_digits(input: &str) -> String {
    not_an_amount(input, "il n'y a aucun chiffre")
}

pub fn money_too_many_decimals(input: &str) -> String {
    not_an_amount(input, "deux chiffres après la virgule au plus")
}

/// `found` is the offending character, already escaped.
pub fn money_invalid_character(input: &str, found: &str) -> String {
    not_an_amount(
        input,
        &format!(
            "« {found} » n'a pas sa place dans un montant, écrivez par exemple {MONEY_EXAMPLE}"
        ),
    )
}

pub fn money_several_signs(input: &str) -> String {
    not_an_amount(input, "un seul signe + ou - au plus")
}

pub fn money_misplaced_sign(input: &str) -> String {
    not_an_amount(input, "le signe + ou - se place devant le nombre")
}

pub fn money_bad_grouping(input: &str) -> String {
    not_an_amount(
        input,
        &format!(
            "les milliers se séparent par groupes de trois chiffres, par exemple {MONEY_EXAMPLE}"
        ),
    )
}

pub fn money_malformed(input: &str) -> String {
    not_an_amount(
        input,
        &format!("écrivez par exemple {MONEY_EXAMPLE} ou -12,50"),
    )
}

pub fn money_too_large(input: &str) -> String {
    format!("« {input} » est un montant trop grand")
}

fn not_a_date(input: &str, reason: &str) -> String {
    format!("« {input} » n'est pas une date : {reason}")
}

pub fn date_empty() -> String {
    format!("la date est vide : écrivez par exemple {DATE_EXAMPLE}")
}

pub fn date_unrecognised(input: &str) -> String {
    not_a_date(input, &format!("écrivez par exemple {DATE_EXAMPLE}"))
}

pub fn date_year_not_four_digits(input: &str) -> String {
    not_a_date(
        input,
        &format!("l'année s'écrit avec quatre chiffres, par exemple {DATE_EXAMPLE}"),
    )
}

pub fn date_year_out_of_range(input: &str, min_year: i32, max_year: i32) -> String {
    not_a_date(
        input,
        &format!("l'année doit être comprise entre {min_year} et {max_year}"),
    )
}

pub fn date_no_such_month(input: &str, month: u32) -> String {
    not_a_date(
        input,
        &format!("il n'y a pas de mois {month}, ils vont de 1 à 12"),
    )
}

pub fn day_or_month_unrecognised(input: &str) -> String {
    not_a_date(
        input,
        &format!("écrivez par exemple {DAY_OR_MONTH_EXAMPLE}"),
    )
}

pub fn month_name_unknown(input: &str) -> String {
    not_a_date(
        input,
        "ce mois est inconnu, écrivez par exemple juillet 2025 ou juil. 2025",
    )
}

/// « jui 2025 » n'est pas une date : juin ou juillet ? écrivez le mois en entier
pub fn month_name_ambiguous(input: &str, candidates: &[&str]) -> String {
    not_a_date(
        input,
        &format!("{} ? écrivez le mois en entier", candidates.join(" ou ")),
    )
}

/// `avril 2025`, a date known to the month.
pub fn month_and_year(month: u32, year: i32) -> String {
    format!("{} {year}", month_name(month))
}

pub fn date_day_zero(input: &str) -> String {
    not_a_date(input, "les jours d'un mois commencent à 1")
}

/// « 31/02/2026 » n'est pas une date : février 2026 n'a que 28 jours
pub fn date_day_past_month_end(input: &str, month: u32, year: i32, days_in_month: u32) -> String {
    not_a_date(
        input,
        &format!("{} {year} n'a que {days_in_month} jours", month_name(month)),
    )
}

/// A field longer than its limit.
pub fn too_long(max: usize) -> String {
    format!("trop long : {max} caractères au plus")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_names_cover_the_year_and_nothing_else() {
        assert_eq!(month_name(1), "janvier");
        assert_eq!(month_name(2), "février");
        assert_eq!(month_name(8), "août");
        assert_eq!(month_name(12), "décembre");
        assert_eq!(month_name(0), "?");
        assert_eq!(month_name(13), "?");
        assert_eq!(month_name(u32::MAX), "?");
    }

    #[test]
    fn messages_name_the_input() {
        assert_eq!(
            money_too_many_decimals("12,345"),
            "« 12,345 » n'est pas un montant : deux chiffres après la virgule au plus"
        );
        assert_eq!(
            date_day_past_month_end("31/02/2026", 2, 2026, 28),
            "« 31/02/2026 » n'est pas une date : février 2026 n'a que 28 jours"
        );
        assert_eq!(
            date_unrecognised("xyz"),
            "« xyz » n'est pas une date : écrivez par exemple 14/07/2025"
        );
    }
}

//! Tests of `When`: typed forms, stored forms, screen forms, and where months sort.

#![allow(clippy::unwrap_used)]

use super::*;
use proptest::prelude::*;

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

fn today() -> NaiveDate {
    ymd(2025, 11, 20)
}

fn parse(input: &str) -> Result<When, DateError> {
    When::parse(input, today())
}

fn month(year: i32, month: u32) -> When {
    When::month(year, month).unwrap()
}

#[test]
fn days_parse_as_before() {
    let day = When::Day(ymd(2025, 11, 28));
    for input in [
        "28/11/2025",
        "28/11",
        "2025-11-28",
        " 28.11.2025 ",
        "28 novembre 2025",
    ] {
        assert_eq!(parse(input), Ok(day), "{input}");
    }
    assert_eq!(parse("1er avril 2025"), Ok(When::Day(ymd(2025, 4, 1))));
    assert_eq!(parse("3 mai"), Ok(When::Day(ymd(2025, 5, 3))));
}

#[test]
fn months_parse_in_every_usual_form() {
    let november = month(2025, 11);
    for input in [
        "11/2025",
        "2025-11",
        "2025/11",
        "11.2025",
        "novembre 2025",
        "Novembre 2025",
        "NOVEMBRE 2025",
        "nov. 2025",
        "nov 2025",
        "novembre",
        "  nov.  2025 ",
    ] {
        assert_eq!(parse(input), Ok(november), "{input}");
    }
    assert_eq!(parse("févr. 2025"), Ok(month(2025, 2)));
    assert_eq!(parse("fevrier 2025"), Ok(month(2025, 2)));
    assert_eq!(parse("FÉVRIER 2025"), Ok(month(2025, 2)));
    assert_eq!(parse("aout 2025"), Ok(month(2025, 8)));
    assert_eq!(parse("août 2025"), Ok(month(2025, 8)));
    assert_eq!(parse("juil. 2025"), Ok(month(2025, 7)));
    assert_eq!(parse("sept. 2025"), Ok(month(2025, 9)));
    assert_eq!(parse("déc. 2025"), Ok(month(2025, 12)));
    assert_eq!(parse("mai 2025"), Ok(month(2025, 5)));
    assert_eq!(parse("4/2025"), Ok(month(2025, 4)));
}

#[test]
fn refusals_say_what_is_wrong() {
    assert_eq!(
        parse("jui 2025").unwrap_err().to_string(),
        "« jui 2025 » n'est pas une date : juin ou juillet ? écrivez le mois en entier"
    );
    assert!(matches!(
        parse("ma 2025"),
        Err(DateError::MonthNameUnknown { .. })
    ));
    assert!(matches!(
        parse("brumaire 2025"),
        Err(DateError::MonthNameUnknown { .. })
    ));
    assert!(matches!(
        parse("13/2025"),
        Err(DateError::NoSuchMonth { month: 13, .. })
    ));
    assert!(matches!(
        parse("0/2025"),
        Err(DateError::NoSuchMonth { month: 0, .. })
    ));
    assert!(matches!(
        parse("11/0225"),
        Err(DateError::YearOutOfRange { .. })
    ));
    assert!(matches!(
        parse("nov. 25"),
        Err(DateError::YearNotFourDigits { .. })
    ));
    assert_eq!(
        parse("31 avril 2025").unwrap_err().to_string(),
        "« 31 avril 2025 » n'est pas une date : avril 2025 n'a que 30 jours"
    );
    assert_eq!(
        parse("xyz 12").unwrap_err().to_string(),
        "« xyz 12 » n'est pas une date : ce mois est inconnu, écrivez par exemple juillet 2025 ou juil. 2025"
    );
    assert_eq!(
        parse("2025").unwrap_err().to_string(),
        "« 2025 » n'est pas une date : écrivez par exemple 14/07/2025, 07/2025 ou juillet 2025"
    );
    for input in [
        "novembre 2025 10h",
        "avril 2025 3",
        "123/2025",
        "nov2025",
        "28/11/2025/1",
    ] {
        assert!(parse(input).is_err(), "{input}: {:?}", parse(input));
    }
    assert_eq!(parse("  "), Err(DateError::Empty));
}

#[test]
fn stored_and_shown_forms() {
    let april = month(2025, 4);
    assert_eq!(april.to_stored(), "2025-04");
    assert_eq!(april.to_string(), "avril 2025");
    assert_eq!(When::from_stored("2025-04"), Some(april));
    let day = When::Day(ymd(2025, 4, 9));
    assert_eq!(day.to_stored(), "2025-04-09");
    assert_eq!(day.to_string(), "09/04/2025");
    assert_eq!(When::from_stored("2025-04-09"), Some(day));
    for bad in [
        "2025-4",
        "2025-13",
        "2025-00",
        "04/2025",
        "2025-04-31",
        "",
        "+2025-04",
        "2025-0é",
    ] {
        assert_eq!(When::from_stored(bad), None, "{bad}");
    }
}

#[test]
fn a_month_sorts_at_its_start_before_its_days() {
    let mut list = vec![
        When::Day(ymd(2025, 4, 1)),
        month(2025, 5),
        When::Day(ymd(2025, 3, 31)),
        month(2025, 4),
        When::Day(ymd(2025, 4, 15)),
    ];
    list.sort();
    assert_eq!(
        list,
        [
            When::Day(ymd(2025, 3, 31)),
            month(2025, 4),
            When::Day(ymd(2025, 4, 1)),
            When::Day(ymd(2025, 4, 15)),
            month(2025, 5),
        ]
    );
}

#[test]
fn serde_uses_the_stored_form() {
    let april = month(2025, 4);
    assert_eq!(serde_json::to_string(&april).unwrap(), "\"2025-04\"");
    assert_eq!(serde_json::from_str::<When>("\"2025-04\"").unwrap(), april);
    let day = When::Day(ymd(2025, 4, 9));
    assert_eq!(serde_json::to_string(&day).unwrap(), "\"2025-04-09\"");
    assert_eq!(serde_json::from_str::<When>("\"2025-04-09\"").unwrap(), day);
    assert!(serde_json::from_str::<When>("\"avril 2025\"").is_err());
}

fn any_when() -> impl Strategy<Value = When> {
    let first = ymd(1900, 1, 1);
    let last = ymd(2200, 12, 31);
    prop_oneof![
        (0..=(last - first).num_days())
            .prop_map(move |offset| When::Day(first + chrono::Days::new(offset as u64))),
        (1900..=2200i32, 1..=12u32).prop_map(|(y, m)| month(y, m)),
    ]
}

proptest! {
    #[test]
    fn shown_form_parses_back(when in any_when()) {
        prop_assert_eq!(parse(&when.to_string()), Ok(when));
    }

    #[test]
    fn stored_form_round_trips(when in any_when()) {
        prop_assert_eq!(When::from_stored(&when.to_stored()), Some(when));
        prop_assert_eq!(parse(&when.to_stored()), Ok(when));
    }

    #[test]
    fn order_follows_the_start_of_the_month(a in any_when(), b in any_when()) {
        if a.start() != b.start() {
            prop_assert_eq!(a.cmp(&b), a.start().cmp(&b.start()));
        } else if a != b {
            // Same start: the month comes first.
            prop_assert_eq!(a < b, matches!(a, When::Month(_)));
        }
        // The stored text sorts as the values do (SQL `ORDER BY on_date` agrees).
        prop_assert_eq!(a.to_stored().cmp(&b.to_stored()), a.cmp(&b));
    }

    #[test]
    fn parse_never_panics(input in any::<String>()) {
        let _ = When::parse(&input, today());
        let _ = When::from_stored(&input);
    }

    #[test]
    fn parse_never_panics_on_near_dates(input in "[0-9/.\\- a-zéûA-Z]{0,16}") {
        if let Ok(when) = When::parse(&input, today()) {
            prop_assert!((MIN_YEAR..=MAX_YEAR).contains(&when.year()));
        }
    }
}

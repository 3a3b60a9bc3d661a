//! Tests of the derived circles, their counts and the term alerts.

use super::*;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A role: membership `id`, of person `person` (named after it), in circle `circle`.
fn role(id: i64, person: i64, circle: i64, role: CircleRole) -> CurrentRole {
    CurrentRole {
        membership_id: id,
        person_id: person,
        names: Names::new(&format!("Nom{person}"), &format!("P{person}")),
        kind: PersonKind::Benevole,
        circle_id: circle,
        circle_name: format!("Cercle {circle}").into(),
        circle_kind: CircleKind::Work,
        role,
        since: day("2024-01-01"),
        term_end: None,
    }
}

#[test]
fn the_general_circle_has_everyone_once_by_name_and_coordination_the_co_referents() {
    let roles = vec![
        role(1, 2, 10, CircleRole::CoReferent),
        role(2, 1, 10, CircleRole::MembreActif),
        role(3, 2, 11, CircleRole::MembreActif),
    ];
    let general = general_circle(&roles);
    assert_eq!(
        general.iter().map(|m| m.person_id).collect::<Vec<_>>(),
        [1, 2]
    );
    assert_eq!(general[1].roles.len(), 2);
    let coordination = coordination_circle(&roles);
    assert_eq!(coordination.len(), 1);
    assert_eq!(coordination[0].person_id, 2);
    assert_eq!(distinct_people(roles.iter()), 2);
}

#[test]
fn the_general_circle_s_first_names_are_its_first_in_the_same_order_with_the_count() {
    // Names with accents and case that fold alike, people with several roles, out of order.
    let names = [
        "émile", "Zoé", "eve", "Éloïse", "ade", "Ève", "zoe", "Adèle", "bob",
    ];
    let mut roles = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let person = (i as i64 * 7) % 9 + 1;
        let mut r = role(
            i as i64 + 1,
            person,
            10 + i as i64 % 3,
            CircleRole::MembreActif,
        );
        r.names = Names::new(name, r.first_name());
        roles.push(r.clone());
        if i % 2 == 0 {
            r.membership_id += 100;
            r.circle_id += 1;
            roles.push(r);
        }
    }
    // Names alike over their first eight letters, and others past them.
    for (i, name) in [
        "Dupont-Aubert",
        "dupont-aubert",
        "Dupont-Au",
        "DUPONT-ÀUBERT",
        "Dupontel",
    ]
    .iter()
    .enumerate()
    {
        let mut r = role(200 + i as i64, 20 + i as i64, 12, CircleRole::MembreActif);
        r.names = Names::new(name, r.first_name());
        roles.push(r);
    }
    let everyone = general_circle(&roles);
    assert_eq!(everyone.len(), 14);
    for limit in [0, 1, 2, 4, 6, 9, 10, 13, 14, 20] {
        let (first, total) = general_circle_first(&roles, limit);
        assert_eq!(total, everyone.len());
        assert_eq!(
            first,
            everyone[..limit.min(everyone.len())],
            "limit {limit}"
        );
    }
}

#[test]
fn members_of_a_circle_put_co_referents_first_and_coordination_takes_them_all() {
    let roles = vec![
        role(1, 1, 10, CircleRole::MembreActif),
        role(2, 2, 10, CircleRole::CoReferent),
        role(3, 3, 11, CircleRole::CoReferent),
    ];
    let of_10: Vec<i64> = circle_members(&roles, 10, false)
        .iter()
        .map(|m| m.person_id)
        .collect();
    assert_eq!(of_10, [2, 1]);
    let coordination: Vec<i64> = circle_members(&roles, 99, true)
        .iter()
        .map(|m| m.person_id)
        .collect();
    assert_eq!(coordination, [2, 3]);
}

#[test]
fn a_circle_counts_its_people_once_and_coordination_counts_every_co_referent() {
    let mut ended = role(2, 2, 10, CircleRole::CoReferent);
    ended.term_end = Some(day("2025-05-01"));
    let roles = vec![
        role(1, 1, 10, CircleRole::MembreActif),
        ended,
        role(3, 2, 10, CircleRole::MembreActif),
        role(4, 3, 11, CircleRole::CoReferent),
    ];
    let alerts = term_alerts(&roles, day("2025-06-01"));
    let of_10 = role_counts(&roles, &alerts, 10, false);
    assert_eq!(
        of_10,
        RoleCounts {
            members: 2,
            co_referents: 1,
            term_alerts: 1
        }
    );
    let coordination = role_counts(&roles, &alerts, 99, true);
    assert_eq!(coordination.members, 2);
    assert_eq!(coordination.co_referents, 2);
    assert_eq!(coordination.term_alerts, 1);
    assert_eq!(role_counts(&roles, &alerts, 11, false).term_alerts, 0);
}

#[test]
fn term_alerts_say_soon_ended_and_replaced() {
    let today = day("2025-06-01");
    let mut soon = role(1, 1, 10, CircleRole::CoReferent);
    soon.term_end = Some(day("2025-06-11"));
    let mut far = role(2, 2, 10, CircleRole::CoReferent);
    far.term_end = Some(day("2025-08-01"));
    let mut ended = role(3, 3, 11, CircleRole::CoReferent);
    ended.term_end = Some(day("2025-05-12"));
    let mut replaced = role(4, 4, 12, CircleRole::CoReferent);
    replaced.term_end = Some(day("2025-04-01"));
    let mut successor = role(5, 5, 12, CircleRole::CoReferent);
    successor.since = day("2025-04-01");
    let mut member = role(6, 6, 10, CircleRole::MembreActif);
    member.term_end = Some(day("2025-06-02"));
    let alerts = term_alerts(&[soon, far, ended, replaced, successor, member], today);
    let kinds: Vec<(i64, TermAlertKind)> =
        alerts.iter().map(|a| (a.membership_id, a.kind)).collect();
    assert_eq!(
        kinds,
        [
            (4, TermAlertKind::EndedReplaced { days_ago: 61 }),
            (3, TermAlertKind::EndedWithoutSuccessor { days_ago: 20 }),
            (1, TermAlertKind::EndsSoon { days_left: 10 }),
        ]
    );
}

#[test]
fn a_folded_start_is_the_start_of_the_folded_text() {
    for text in [
        "Dupont",
        "Brunet 39928",
        "Le  Roux",
        " Le Roux ",
        "A B C D E F",
        "Éluard",
        "Le Éluard",
        "a\tb c",
        "",
        "de la Fontaine",
    ] {
        let mut expected = [0u8; 8];
        for (to, b) in expected
            .iter_mut()
            .zip(crate::text::fold_for_match(text).as_bytes())
        {
            *to = *b;
        }
        assert_eq!(folded_start(text), expected, "{text:?}");
    }
}

#[test]
fn distinct_people_are_counted_once_whatever_their_ids() {
    let ids = [1, 70_000, 1, -5, -5, 1 << 40, 1 << 40, 0, 63, 64, 63];
    let roles: Vec<CurrentRole> = ids
        .iter()
        .enumerate()
        .map(|(i, &p)| role(i as i64, p, 10, CircleRole::MembreActif))
        .collect();
    assert_eq!(distinct_people(roles.iter()), 7);
}

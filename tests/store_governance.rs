//! Store tests of issue 4: people, memberships and their history, derived circles, terms,
//! decisions due, work log, conflicts, the lecture role, one audit entry per row written.

use chrono::NaiveDate;
use tempfile::TempDir;

use cercles::model::{
    CircleRole, DecisionDraft, Instance, Person, PersonDraft, PersonKind, Role, WorkItemDraft,
    WorkStatus, WorkingGroupDraft,
};
use cercles::store::governance::TermAlertKind;
use cercles::store::people::PersonFilter;
use cercles::store::{Store, StoreError};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A fresh database whose Clock says 20/11/2025, opened as its admin.
mod common;

fn fresh() -> (TempDir, Store) {
    common::quiet_log();
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("t.db");
    Store::create_with(&path, "admin", Some(d(2025, 11, 20)), |_| Ok(())).unwrap();
    let store = Store::open(&path, "admin").unwrap();
    (dir, store)
}

fn person(store: &mut Store, first: &str, last: &str, email: &str) -> Person {
    store
        .add_person(&PersonDraft {
            first_name: first.into(),
            last_name: last.into(),
            email: email.into(),
            ..PersonDraft::default()
        })
        .unwrap()
}

fn circle(store: &Store, name: &str) -> i64 {
    store.circle_named(name).unwrap().unwrap().id
}

/// Journal entries so far (`check` walks them all).
fn entries(store: &Store) -> i64 {
    store.check().unwrap().unwrap()
}

#[test]
fn memberships_keep_history_and_derive_both_circles() {
    let (_dir, mut s) = fresh();
    let fin = circle(&s, "Finances");
    let com = circle(&s, "Communication");
    let a = person(&mut s, "Alice", "Durand", "alice@example.org");
    let b = person(&mut s, "Bruno", "Martin", "");
    let c = person(&mut s, "Chloé", "Petit", "");
    s.give_role(a.id, fin, CircleRole::CoReferent, d(2025, 1, 1), None)
        .unwrap();
    s.give_role(b.id, fin, CircleRole::MembreActif, d(2025, 2, 1), None)
        .unwrap();
    s.give_role(b.id, com, CircleRole::MembreActif, d(2025, 2, 1), None)
        .unwrap();
    let cm = s
        .give_role(c.id, com, CircleRole::MembreActif, d(2024, 2, 1), None)
        .unwrap();
    s.end_role(cm.id, cm.version, d(2025, 6, 1)).unwrap();
    // A role, an end or a departure is noted the day it comes: not ahead of today.
    let err = s
        .give_role(c.id, fin, CircleRole::MembreActif, d(2025, 12, 1), None)
        .unwrap_err();
    assert!(err.to_string().contains("date à venir"), "{err}");
    let bm = s.person(b.id).unwrap().unwrap();
    let open = &bm
        .memberships
        .iter()
        .find(|m| m.current)
        .unwrap()
        .membership;
    assert!(s.end_role(open.id, open.version, d(2026, 1, 1)).is_err());
    assert!(
        s.set_person_left(b.id, bm.person.version, Some(d(2026, 1, 1)))
            .is_err()
    );
    // A role given from an earlier day than one already held there is refused: both would
    // stay open.
    let err = s
        .give_role(b.id, fin, CircleRole::CoReferent, d(2024, 6, 1), None)
        .unwrap_err();
    assert!(err.to_string().contains("depuis le 01/02/2025"), "{err}");

    let counts = s.derived_counts().unwrap();
    assert_eq!((counts.general, counts.coordination), (2, 1));
    let general: Vec<String> = s
        .general_circle()
        .unwrap()
        .iter()
        .map(|m| m.first_name.clone())
        .collect();
    assert_eq!(general, ["Alice", "Bruno"]);
    assert_eq!(s.general_circle().unwrap()[1].roles.len(), 2);
    assert_eq!(s.coordination_circle().unwrap()[0].person_id, a.id);

    let summaries = s.circle_summaries().unwrap();
    let fin_row = summaries.iter().find(|x| x.circle.id == fin).unwrap();
    assert_eq!((fin_row.members, fin_row.co_referents), (2, 1));
    let coord = summaries.iter().find(|x| x.derived).unwrap();
    assert_eq!((coord.members, coord.co_referents), (1, 1));
    let coord_members = s.circle_members(coord.circle.id).unwrap();
    assert_eq!(coord_members.len(), 1);
    assert_eq!(coord_members[0].circle_name, "Finances");

    // History of C: the ended role, not current.
    let detail = s.person(c.id).unwrap().unwrap();
    assert_eq!(detail.memberships.len(), 1);
    assert!(detail.memberships.iter().all(|m| !m.current));
    let ended = detail
        .memberships
        .iter()
        .find(|m| m.circle_name == "Communication")
        .unwrap();
    assert_eq!(ended.membership.until, Some(d(2025, 6, 1)));

    // A duplicate current role is refused; a promotion ends the former role that day.
    let dup = s.give_role(b.id, fin, CircleRole::MembreActif, d(2025, 3, 1), None);
    assert!(matches!(dup, Err(StoreError::Invalid(m)) if m.contains("déjà")));
    s.give_role(
        b.id,
        fin,
        CircleRole::CoReferent,
        d(2025, 11, 1),
        Some(d(2026, 11, 1)),
    )
    .unwrap();
    let b_detail = s.person(b.id).unwrap().unwrap();
    let fin_roles: Vec<_> = b_detail
        .memberships
        .iter()
        .filter(|m| m.membership.circle_id == fin)
        .collect();
    assert_eq!(fin_roles.len(), 2);
    assert!(
        fin_roles
            .iter()
            .any(|m| m.membership.role == CircleRole::MembreActif
                && m.membership.until == Some(d(2025, 11, 1)))
    );
    assert_eq!(s.derived_counts().unwrap().coordination, 2);

    // The coordination circle is derived: nobody is given a role in it.
    assert!(
        s.give_role(
            c.id,
            coord.circle.id,
            CircleRole::CoReferent,
            d(2025, 1, 1),
            None
        )
        .is_err()
    );

    // Filters of the Membres tab.
    let by_circle = s
        .people(&PersonFilter {
            circle_id: Some(fin),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(by_circle.counts.shown, 2);
    let corefs = s
        .people(&PersonFilter {
            role: Some(CircleRole::CoReferent),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(corefs.counts.shown, 2);
    let text = s
        .people(&PersonFilter {
            text: "chloe".into(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(text.len(), 1);
    assert_eq!(text.counts.total, 3);
    assert!(s.check().unwrap().is_ok());
}

#[test]
fn leaving_ends_current_roles_and_keeps_the_person() {
    let (_dir, mut s) = fresh();
    let fin = circle(&s, "Finances");
    let a = person(&mut s, "Alice", "Durand", "");
    s.give_role(a.id, fin, CircleRole::CoReferent, d(2025, 1, 1), None)
        .unwrap();
    let before = entries(&s);
    let left = s
        .set_person_left(a.id, a.version, Some(d(2025, 11, 1)))
        .unwrap();
    // One entry for the role ended, one for the person.
    assert_eq!(entries(&s), before + 2);
    assert_eq!(left.left_on, Some(d(2025, 11, 1)));
    let detail = s.person(a.id).unwrap().unwrap();
    assert_eq!(detail.memberships[0].membership.until, Some(d(2025, 11, 1)));
    assert_eq!(s.derived_counts().unwrap().general, 0);
    assert_eq!(s.people(&PersonFilter::default()).unwrap().len(), 0);
    let all = s
        .people(&PersonFilter {
            include_left: true,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(all.len(), 1);
    assert!(
        s.give_role(a.id, fin, CircleRole::MembreActif, d(2025, 11, 2), None)
            .is_err()
    );
}

#[test]
fn term_alerts_within_30_days_or_ended_without_successor() {
    let (_dir, mut s) = fresh();
    let fin = circle(&s, "Finances");
    let pla = circle(&s, "Plaidoyer");
    let com = circle(&s, "Communication");
    let a = person(&mut s, "Alice", "Durand", "");
    let b = person(&mut s, "Bruno", "Martin", "");
    let c = person(&mut s, "Chloé", "Petit", "");
    let e = person(&mut s, "Emma", "Roux", "");
    let f = person(&mut s, "Farid", "Saïdi", "");
    // Ends in 10 days: flagged.
    s.give_role(
        a.id,
        fin,
        CircleRole::CoReferent,
        d(2024, 1, 1),
        Some(d(2025, 11, 30)),
    )
    .unwrap();
    // Ends in 60 days: not yet.
    s.give_role(
        b.id,
        fin,
        CircleRole::CoReferent,
        d(2024, 1, 1),
        Some(d(2026, 1, 19)),
    )
    .unwrap();
    // Ended with nobody after: flagged.
    s.give_role(
        c.id,
        pla,
        CircleRole::CoReferent,
        d(2024, 1, 1),
        Some(d(2025, 10, 31)),
    )
    .unwrap();
    // Ended, a successor arrived on the term's end, but the role was never ended: flagged
    // as a role to end (it still counts in the circle and the coordination circle).
    s.give_role(
        e.id,
        com,
        CircleRole::CoReferent,
        d(2024, 1, 1),
        Some(d(2025, 9, 30)),
    )
    .unwrap();
    s.give_role(f.id, com, CircleRole::CoReferent, d(2025, 9, 30), None)
        .unwrap();

    let all = s.term_alerts().unwrap();
    assert_eq!(all.len(), 3, "{all:?}");
    let replaced = all.iter().find(|x| x.person_id == e.id).unwrap();
    assert_eq!(replaced.kind, TermAlertKind::EndedReplaced { days_ago: 51 });
    let alerts: Vec<_> = all.into_iter().filter(|x| x.person_id != e.id).collect();
    assert_eq!(alerts[0].person_id, c.id);
    assert_eq!(
        alerts[0].kind,
        TermAlertKind::EndedWithoutSuccessor { days_ago: 20 }
    );
    assert_eq!(alerts[1].person_id, a.id);
    assert_eq!(alerts[1].kind, TermAlertKind::EndsSoon { days_left: 10 });
    let summaries = s.circle_summaries().unwrap();
    assert_eq!(
        summaries
            .iter()
            .find(|x| x.circle.id == fin)
            .unwrap()
            .term_alerts,
        1
    );
    assert_eq!(
        summaries
            .iter()
            .find(|x| x.circle.id == com)
            .unwrap()
            .term_alerts,
        1
    );
    // A renewed term clears the alert.
    let m = s.membership(alerts[1].membership_id).unwrap().unwrap();
    s.set_term_end(m.id, m.version, Some(d(2027, 11, 30)))
        .unwrap();
    assert_eq!(s.term_alerts().unwrap().len(), 2);
}

#[test]
fn decisions_by_instance_and_due_reviews() {
    let (_dir, mut s) = fresh();
    let fin = circle(&s, "Finances");
    let coord = circle(&s, "Coordination");
    let draft = |instance, title: &str, review| DecisionDraft {
        instance,
        decided_on: d(2025, 5, 21),
        title: title.into(),
        body: String::new(),
        review_on: review,
    };
    s.add_decision(&draft(
        Instance::CercleGeneral,
        "Partenariats",
        Some(d(2025, 11, 15)),
    ))
    .unwrap();
    s.add_decision(&draft(
        Instance::Cercle(fin),
        "La Concorde",
        Some(d(2025, 12, 31)),
    ))
    .unwrap();
    let via_circle = s
        .add_decision(&draft(Instance::Cercle(coord), "Médiation", None))
        .unwrap();
    assert_eq!(via_circle.instance, Instance::Coordination);
    let due = s.decisions_due().unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].title, "Partenariats");
    assert!(due[0].is_review_due(s.today()));
    assert_eq!(s.circle_decisions(fin).unwrap().len(), 1);
    assert_eq!(s.circle_decisions(coord).unwrap().len(), 1);
    assert_eq!(s.decisions(Some(Instance::CercleGeneral)).unwrap().len(), 1);
    assert_eq!(s.decisions(None).unwrap().len(), 3);
    let mut edit = due[0].draft();
    edit.review_on = Some(d(2026, 5, 1));
    s.update_decision(due[0].id, due[0].version, &edit).unwrap();
    assert!(s.decisions_due().unwrap().is_empty());
    let bad = s.add_decision(&draft(Instance::Ag, "x", Some(d(2025, 1, 1))));
    assert!(bad.is_err());
}

#[test]
fn work_items_cycle_order_and_move() {
    let (_dir, mut s) = fresh();
    let fin = circle(&s, "Finances");
    let item = |status, title: &str| WorkItemDraft {
        year: 2025,
        status,
        on_date: None,
        title: title.into(),
        details: String::new(),
        figures: String::new(),
    };
    let x = s
        .add_work_item(fin, &item(WorkStatus::AVenir, "Clôture"))
        .unwrap();
    s.add_work_item(fin, &item(WorkStatus::Realise, "Comptabilité"))
        .unwrap();
    s.add_work_item(fin, &item(WorkStatus::EnCours, "Financements"))
        .unwrap();
    let titles = |s: &Store| -> Vec<String> {
        s.work_items(fin, 2025)
            .unwrap()
            .into_iter()
            .map(|w| w.title)
            .collect()
    };
    assert_eq!(titles(&s), ["Comptabilité", "Financements", "Clôture"]);
    let x = s.cycle_work_item_status(x.id, x.version).unwrap();
    assert_eq!(x.status, WorkStatus::EnCours);
    assert_eq!(titles(&s), ["Comptabilité", "Financements", "Clôture"]);
    let x = s.cycle_work_item_status(x.id, x.version).unwrap();
    assert_eq!(x.status, WorkStatus::Realise);
    assert_eq!(titles(&s), ["Comptabilité", "Clôture", "Financements"]);
    let x = s.cycle_work_item_status(x.id, x.version).unwrap();
    assert_eq!(x.status, WorkStatus::AVenir);
    // Stale version: conflict.
    assert!(matches!(
        s.set_work_item_status(x.id, x.version - 1, WorkStatus::Realise),
        Err(StoreError::Conflict { .. })
    ));
    let x = s.set_work_item_year(x.id, x.version, 2026).unwrap().item;
    assert_eq!(s.work_items(fin, 2026).unwrap().len(), 1);
    // A réalisé item carried over to a year still to come is not done there.
    let done = s
        .add_work_item(fin, &item(WorkStatus::Realise, "Bilan"))
        .unwrap();
    let done = s
        .set_work_item_year(done.id, done.version, 2026)
        .unwrap()
        .item;
    assert_eq!(done.status, WorkStatus::AVenir);
    s.delete_work_item(done.id, done.version).unwrap();
    assert_eq!(s.work_item_years(fin).unwrap(), [2026, 2025]);
    let before = entries(&s);
    s.delete_work_item(x.id, x.version).unwrap();
    assert_eq!(entries(&s), before + 1);
    assert!(s.work_items(fin, 2026).unwrap().is_empty());
    assert!(
        s.add_work_item(fin, &item(WorkStatus::Realise, "  "))
            .is_err()
    );
}

#[test]
fn working_groups_create_edit_close() {
    let (_dir, mut s) = fresh();
    let gov = circle(&s, "Gouvernance");
    let gt = s
        .create_working_group(
            gov,
            &WorkingGroupDraft {
                name: "GT Soin".into(),
                purpose: String::new(),
                created_on: Some(d(2025, 10, 1)),
            },
        )
        .unwrap();
    let dup = s.create_working_group(
        gov,
        &WorkingGroupDraft {
            name: "gt soin".into(),
            ..Default::default()
        },
    );
    assert!(dup.is_err());
    let gt = s
        .update_working_group(
            gt.id,
            gt.version,
            &WorkingGroupDraft {
                name: "GT Soin".into(),
                purpose: "Prendre soin".into(),
                created_on: gt.created_on,
            },
        )
        .unwrap();
    assert_eq!(gt.purpose, "Prendre soin");
    assert_eq!(
        s.circle_summaries()
            .unwrap()
            .iter()
            .find(|c| c.circle.id == gov)
            .unwrap()
            .open_working_groups,
        1
    );
    assert!(
        s.set_working_group_closed(gt.id, gt.version, Some(d(2025, 9, 1)))
            .is_err()
    );
    let gt = s
        .set_working_group_closed(gt.id, gt.version, Some(d(2025, 11, 10)))
        .unwrap();
    assert!(!gt.is_open_on(s.today()));
    assert_eq!(s.working_groups(gov).unwrap().len(), 1);
}

#[test]
fn stale_person_edit_is_a_conflict_carrying_the_current_row() {
    let (dir, mut first) = fresh();
    let path = dir.path().join("t.db");
    let p = person(&mut first, "Alice", "Durand", "alice@example.org");
    let mut second = Store::open(&path, "admin").unwrap();
    let mut mine = p.draft();
    mine.commune = "Poitiers".into();
    let saved = first.update_person(p.id, p.version, &mine).unwrap();
    let mut theirs = p.draft();
    theirs.commune = "Melle".into();
    let err = second.update_person(p.id, p.version, &theirs).unwrap_err();
    let current: Person = err.conflict_row().expect("conflict carries the row");
    assert_eq!(current, saved);
    assert_eq!(current.commune, "86194");
    assert!(err.to_string().contains("quelqu'un d'autre"));
}

#[test]
fn lecture_cannot_write_and_sees_no_contacts() {
    let (dir, mut s) = fresh();
    let path = dir.path().join("t.db");
    let p = s
        .add_person(&PersonDraft {
            first_name: "Alice".into(),
            last_name: "Durand".into(),
            email: "alice@example.org".into(),
            phone: "+33612345678".into(),
            ..PersonDraft::default()
        })
        .unwrap();
    assert_eq!(p.phone.as_deref(), Some("+33 6 12 34 56 78"));
    s.add_user("lecteur", Role::Lecture, None).unwrap();
    let mut reader = Store::open(&path, "lecteur").unwrap();
    let list = reader.people(&PersonFilter::default()).unwrap();
    assert_eq!(list.get(0).unwrap().person.email, None);
    assert_eq!(list.get(0).unwrap().person.phone, None);
    // The hidden email cannot be found by searching for it either.
    assert!(
        reader
            .people(&PersonFilter {
                text: "example".into(),
                ..Default::default()
            })
            .unwrap()
            .is_empty()
    );
    assert_eq!(reader.person(p.id).unwrap().unwrap().person.email, None);
    let before = entries(&reader);
    assert!(matches!(
        reader.add_person(&PersonDraft {
            last_name: "X".into(),
            ..PersonDraft::default()
        }),
        Err(StoreError::Forbidden { .. })
    ));
    assert!(matches!(
        reader.update_person(p.id, p.version, &p.draft()),
        Err(StoreError::Forbidden { .. })
    ));
    assert_eq!(entries(&reader), before);
}

#[test]
fn one_audit_entry_per_row_written() {
    let (_dir, mut s) = fresh();
    let fin = circle(&s, "Finances");
    let n0 = entries(&s);
    let p = person(&mut s, "Alice", "Durand", "");
    assert_eq!(entries(&s), n0 + 1);
    let p = s
        .update_person(
            p.id,
            p.version,
            &PersonDraft {
                kind: PersonKind::Elu,
                ..p.draft()
            },
        )
        .unwrap();
    assert_eq!(entries(&s), n0 + 2);
    let m = s
        .give_role(p.id, fin, CircleRole::MembreActif, d(2025, 1, 1), None)
        .unwrap();
    assert_eq!(entries(&s), n0 + 3);
    // A change of role writes two rows: the former role ended, the new one.
    s.give_role(p.id, fin, CircleRole::CoReferent, d(2025, 2, 1), None)
        .unwrap();
    assert_eq!(entries(&s), n0 + 5);
    assert!(s.end_role(m.id, m.version, d(2025, 3, 1)).is_err());
    assert_eq!(entries(&s), n0 + 5);
    // A refused write leaves nothing behind.
    assert!(
        s.add_person(&PersonDraft {
            last_name: "B".into(),
            email: "pas un mail".into(),
            ..PersonDraft::default()
        })
        .is_err()
    );
    assert_eq!(entries(&s), n0 + 5);
    assert!(s.check().unwrap().is_ok());
}

#[test]
fn person_arguments_resolve_by_id_email_or_exact_name() {
    let (_dir, mut s) = fresh();
    let a = person(&mut s, "Hélène", "Durand", "helene@example.org");
    person(&mut s, "Paul", "Martin", "paul1@example.org");
    person(&mut s, "Paul", "Martin", "paul2@example.org");
    assert_eq!(s.resolve_person(&a.id.to_string()).unwrap().id, a.id);
    assert_eq!(s.resolve_person("HELENE@example.org").unwrap().id, a.id);
    assert_eq!(s.resolve_person("helene durand").unwrap().id, a.id);
    assert_eq!(s.resolve_person("Durand Hélène").unwrap().id, a.id);
    let err = s.resolve_person("Paul Martin").unwrap_err().to_string();
    assert!(err.contains("plusieurs") && err.contains("n° "), "{err}");
    assert!(s.resolve_person("Personne Inconnue").is_err());
    let dup = s.add_person(&PersonDraft {
        last_name: "X".into(),
        email: "Helene@Example.org".into(),
        ..PersonDraft::default()
    });
    // Refused under the e-mail field, named by its code.
    assert!(
        matches!(&dup, Err(StoreError::Field(e)) if e.field == "email" && e.to_string().contains("Hélène Durand")),
        "{dup:?}"
    );
}

/// Who a re-import skips (issue 4): the same email without case; else the same name without
/// case or accents when one of the two has no email. Homonyms with two emails are two people.
/// Lines of one file are matched against each other the same way.
#[test]
fn import_skips_by_email_else_by_name_when_an_email_is_missing() {
    use cercles::store::import_people::NewMember;
    let (_dir, mut s) = fresh();
    person(&mut s, "Alice", "Durand", "alice@example.org");
    person(&mut s, "Bruno", "Martin", "");
    let member = |line: u64, first: &str, last: &str, email: &str| NewMember {
        line,
        draft: PersonDraft {
            first_name: first.into(),
            last_name: last.into(),
            email: email.into(),
            ..PersonDraft::default()
        },
        roles: vec![],
        left_on: None,
    };
    let lines = [
        member(2, "Autre", "Nom", "ALICE@example.org"), // same email: skipped
        member(3, "Alice", "Durand", "alice.d@example.org"), // homonym, two emails: added
        member(4, "BRUNO", "Martín", "bruno@example.org"), // known without email: skipped
        member(5, "Chloé", "Petit", ""),                // new: added
        member(6, "chloe", "PETIT", "chloe@example.org"), // line 5 without email: skipped
        member(7, "Zoé", "Roux", "zoe@example.org"),    // new: added
        member(8, "Zoé", "Roux", "zoe.roux@example.org"), // homonym of line 7: added
    ];
    let out = s.import_members(&lines, d(2025, 11, 20), false).unwrap();
    let added: Vec<u64> = out.added.iter().map(|a| a.0).collect();
    let skipped: Vec<u64> = out.skipped.iter().map(|a| a.line).collect();
    assert_eq!(added, [3, 5, 7, 8]);
    assert_eq!(skipped, [2, 4, 6]);
    // Each skipped line says whom it matched, and how.
    let line6 = &out.skipped[2];
    assert_eq!((line6.earlier_line, line6.by_email), (Some(5), false));
}

#[test]
fn closings_are_noted_the_day_they_come_and_dates_stay_in_their_year() {
    let (_dir, mut s) = fresh();
    let fin = circle(&s, "Finances");
    let c = s.circle(fin).unwrap().unwrap();
    let err = s
        .set_circle_closed(c.id, c.version, Some(d(2025, 12, 31)))
        .unwrap_err();
    assert!(err.to_string().contains("date à venir"), "{err}");
    assert!(s.circle(fin).unwrap().unwrap().closed_on.is_none());
    // A work item of 2025 dated in 2024 is refused, naming the date field.
    let err = s
        .add_work_item(
            fin,
            &WorkItemDraft {
                year: 2025,
                status: WorkStatus::Realise,
                on_date: Some(d(2024, 3, 15).into()),
                title: "Bilan".into(),
                details: String::new(),
                figures: String::new(),
            },
        )
        .unwrap_err();
    assert!(err.to_string().contains("n'est pas en 2025"), "{err}");
}

#[test]
fn counts_follow_writes_of_this_session_and_of_another_at_once() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("t.db");
    Store::create_with(&path, "admin", Some(d(2025, 11, 20)), |_| Ok(())).unwrap();
    let mut a = Store::open(&path, "admin").unwrap();
    let mut b = Store::open(&path, "admin").unwrap();
    let fin = circle(&a, "Finances");
    assert_eq!(a.derived_counts().unwrap().general, 0);
    // This session's own write.
    let p = person(&mut a, "Alice", "Durand", "");
    a.give_role(p.id, fin, CircleRole::MembreActif, d(2025, 1, 1), None)
        .unwrap();
    assert_eq!(a.derived_counts().unwrap().general, 1);
    // Another session's write: seen on the next read, no poll needed.
    assert_eq!(b.derived_counts().unwrap().general, 1);
    let q = person(&mut b, "Bruno", "Martin", "");
    b.give_role(q.id, fin, CircleRole::CoReferent, d(2025, 1, 1), None)
        .unwrap();
    let counts = a.derived_counts().unwrap();
    assert_eq!((counts.general, counts.coordination), (2, 1));
}

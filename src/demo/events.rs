//! The rencontres of the 2025 report with their figures: the national gathering of Poitiers
//! (its checklist done), the local rencontres, the 13 visios Municipales Assistance (104
//! participants in all), the two seminars, the cercles généraux, the AG of December, and one
//! rencontre locale after the demo's today with open, partly overdue tasks. Dates the report
//! gives by month are kept as months; events it does not date stay undated in 2025.

use chrono::NaiveDate;

use crate::model::{EventDraft, EventKind, EventStatus, Figures, TaskStatus, When};
use crate::store::people::PersonFilter;
use crate::store::{Result, Store};

/// Participants of the 10 visios, then of the 3 sessions held at the national gathering:
/// 104 in all, as the report says.
const VISIO_PARTICIPANTS: [u32; 13] = [6, 9, 7, 10, 8, 5, 11, 8, 9, 7, 8, 8, 8];

fn month(m: u32) -> Option<When> {
    When::month(2025, m)
}

fn event(title: &str, kind: EventKind, start: Option<When>, status: EventStatus) -> EventDraft {
    EventDraft {
        start,
        status,
        ..EventDraft::new(title, kind, 2025)
    }
}

/// The demo's volunteer (bénévole: ticks tasks, cannot move an event), linked to an owner of
/// tasks.
pub const DEMO_VOLUNTEER: &str = "benevole";
/// The demo's coordinator (coordination: moves events, associates partners), linked to
/// another owner of tasks.
pub const DEMO_COORDINATOR: &str = "coordination";

pub(super) fn fill(store: &mut Store, scale: u32) -> Result<()> {
    use EventKind::*;
    use EventStatus::*;
    let owners: Vec<i64> = store
        .people(&PersonFilter::default())?
        .rows()
        .take(4)
        .map(|r| r.person.id)
        .collect();
    // A volunteer whose "mes tâches" has something to show (`--as benevole`).
    if let Some(&first) = owners.get(1)
        && store.user(DEMO_VOLUNTEER)?.is_none()
    {
        store.add_user(DEMO_VOLUNTEER, crate::model::Role::Benevole, Some(first))?;
    }
    if let Some(&third) = owners.get(2)
        && store.user(DEMO_COORDINATOR)?.is_none()
    {
        store.add_user(
            DEMO_COORDINATOR,
            crate::model::Role::Coordination,
            Some(third),
        )?;
    }

    let poitiers = store.add_event(&EventDraft {
        place: "Poitiers".into(),
        commune: "86194".into(),
        co_organisers: "Poitiers Collectif".into(),
        partners: "Fréquence Commune et la Horde, l'Anvita, Démocratiser la politique, \
                   Assemblée des quartiers, Les Rayonnant·xes, Alternatiba, Pas Sans Nous, \
                   Collectif pour une Transition Citoyenne, Communa, Institut Alinsky, \
                   Energie de Nantes, Coop des milieux"
            .into(),
        description: "Près de 60 ateliers, + de 50 bénévoles, une équipe soin.".into(),
        figures: Figures {
            participants: Some(450),
            membres_collectifs: Some(211),
            elu_es: Some(68),
            benevoles: Some(50),
            ateliers: Some(60),
            personnes_ressources: None,
        },
        ..event(
            "Rencontres nationales de Poitiers",
            RencontreNationale,
            month(8),
            Realisee,
        )
    })?;
    let today = store.today();
    for (i, t) in store
        .apply_template(poitiers.id, "rencontre_nationale")?
        .into_iter()
        .enumerate()
    {
        let mut d = t.draft();
        d.status = TaskStatus::Fait;
        d.done = t.due.filter(|due| *due <= today).or(Some(today));
        d.owner = owners.get(i % owners.len().max(1)).copied();
        store.update_task(t.id, t.version, &d)?;
    }

    let locals: [(&str, &str, Option<When>, &str); 6] = [
        ("Bayonne", "64102", month(4), "80 à 100 personnes présentes"),
        ("Grenoble", "38185", None, "40 à 50 personnes présentes"),
        ("Trévoux", "01427", month(6), ""),
        ("Mûrs-Erigné", "49223", month(6), ""),
        ("Dijon", "21231", None, ""),
        ("Audenge", "33019", None, ""),
    ];
    for (town, code, start, description) in locals {
        store.add_event(&EventDraft {
            place: town.into(),
            commune: code.into(),
            description: description.into(),
            ..event(
                &format!("Rencontre locale {}", crate::catalogue::de(town)),
                RencontreLocale,
                start,
                Realisee,
            )
        })?;
    }

    for (n, participants) in VISIO_PARTICIPANTS.into_iter().enumerate() {
        let at_poitiers = n >= 10;
        let title = if at_poitiers {
            format!("MA26 aux Rencontres de Poitiers n° {}", n - 9)
        } else {
            format!("Visio Municipales Assistance n° {}", n + 1)
        };
        store.add_event(&EventDraft {
            place: if at_poitiers { "Poitiers" } else { "en visio" }.into(),
            figures: Figures {
                participants: Some(participants),
                personnes_ressources: Some(2 + (n as u32 % 2)),
                ..Figures::default()
            },
            ..event(
                &title,
                VisioMa,
                if at_poitiers { month(8) } else { None },
                Realisee,
            )
        })?;
    }

    for (title, place, code, m) in [
        ("1er séminaire d'Actions Communes", "Aurignac", "31028", 4),
        ("2e séminaire d'Actions Communes", "Douzillac", "24157", 11),
    ] {
        store.add_event(&EventDraft {
            place: place.into(),
            commune: code.into(),
            ..event(title, Seminaire, month(m), Realisee)
        })?;
    }
    for (m, status) in [(5, Realisee), (10, Realisee), (12, Prevue)] {
        store.add_event(&event("Cercle général", CercleGeneral, month(m), status))?;
    }
    store.add_event(&event("Assemblée générale 2025", Ag, month(12), Confirmee))?;

    for copy in 0..scale.max(1) {
        let title = if copy == 0 {
            "Rencontre locale de Melle".to_owned()
        } else {
            format!("Rencontre locale de Melle ({})", copy + 1)
        };
        upcoming_local(store, &title, &owners)?;
    }
    Ok(())
}

/// A rencontre locale after the demo's today: its checklist planned, the first tasks done,
/// one in progress, others overdue.
fn upcoming_local(store: &mut Store, title: &str, owners: &[i64]) -> Result<()> {
    let on = NaiveDate::from_ymd_opt(2025, 12, 13).unwrap_or_default();
    let melle = store.add_event(&EventDraft {
        place: "Salle polyvalente".into(),
        commune: "79174".into(),
        hours: "14h–18h".into(),
        ..event(
            title,
            EventKind::RencontreLocale,
            Some(When::Day(on)),
            EventStatus::Confirmee,
        )
    })?;
    for (i, t) in store
        .apply_template(melle.id, "rencontre_locale")?
        .into_iter()
        .enumerate()
    {
        let mut d = t.draft();
        d.owner = owners.get(i % owners.len().max(1)).copied();
        match i {
            // Three tasks left overdue: what the coordination review finds (SCENARIOS.md).
            0..=2 => {
                d.status = TaskStatus::Fait;
                d.done = t.due;
            }
            3 => d.status = TaskStatus::EnCours,
            _ => {}
        }
        store.update_task(t.id, t.version, &d)?;
    }
    Ok(())
}

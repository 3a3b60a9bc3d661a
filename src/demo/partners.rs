//! The partner organisations the 2025 report names, with the kind of partnership each is, and
//! their two co-garant·es (the employee and a co-référent·e, as the network decided in May
//! 2025); two are left without (one with none, one with only the employee) so that the
//! follow-up of partnerships has something to show. They are linked to the rencontres of
//! Poitiers (co-organiser and speakers), Bayonne, Grenoble and the upcoming one of Melle.
//! `--scale N` adds `N - 1` numbered copies of each, unlinked.

use crate::model::{
    CircleRole, Event, EventKind, PartnerDraft, PartnerKind, PartnerRole, PersonKind,
};
use crate::store::people::PersonFilter;
use crate::store::{Result, Store};

/// How many co-garant·es a demo partner gets.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Garants {
    Both,
    EmployeeOnly,
    None,
}

/// A partner of the report: its name, kind, co-garant·es, notes, and where it took part
/// (`P`: the national gathering of Poitiers, else a local rencontre's town) in which role.
struct Demo {
    name: &'static str,
    kind: PartnerKind,
    garants: Garants,
    notes: &'static str,
    at: &'static [(&'static str, PartnerRole)],
}

/// The national gathering, in `Demo::at`.
const P: &str = "Poitiers";

const CO: PartnerRole = PartnerRole::CoOrganisateur;
const SPEAKER: PartnerRole = PartnerRole::Intervenant;

const PARTNERS: [Demo; 17] = [
    Demo {
        name: "Poitiers Collectif",
        kind: PartnerKind::CoOrganisation,
        garants: Garants::Both,
        notes: "Co-organisateur des Rencontres nationales de Poitiers (août 2025).",
        at: &[(P, CO)],
    },
    Demo {
        name: "Fréquence Commune et la Horde",
        kind: PartnerKind::Intervention,
        garants: Garants::Both,
        notes: "Médiation demandée en juillet, lancée en septembre, achevée en décembre 2025.",
        at: &[(P, SPEAKER)],
    },
    Demo {
        name: "l'Anvita",
        kind: PartnerKind::Reseau,
        garants: Garants::Both,
        notes: "Association nationale des villes et territoires accueillants : atelier villes \
                refuges à Poitiers.",
        at: &[(P, SPEAKER), ("Grenoble", SPEAKER)],
    },
    Demo {
        name: "Démocratiser la politique",
        kind: PartnerKind::Intervention,
        garants: Garants::Both,
        notes: "",
        at: &[(P, SPEAKER)],
    },
    Demo {
        name: "Assemblée des quartiers",
        kind: PartnerKind::Intervention,
        garants: Garants::Both,
        notes: "",
        at: &[(P, SPEAKER)],
    },
    Demo {
        name: "Les Rayonnant·xes",
        kind: PartnerKind::Intervention,
        garants: Garants::Both,
        notes: "",
        at: &[(P, SPEAKER)],
    },
    Demo {
        name: "Alternatiba",
        kind: PartnerKind::Reseau,
        garants: Garants::Both,
        notes: "Événements partenaires en 2025 ; rencontre locale de Bayonne.",
        at: &[(P, SPEAKER), ("Bayonne", CO)],
    },
    Demo {
        name: "Pas Sans Nous",
        kind: PartnerKind::Reseau,
        garants: Garants::Both,
        notes: "",
        at: &[(P, SPEAKER)],
    },
    Demo {
        name: "Collectif pour une Transition Citoyenne",
        kind: PartnerKind::Reseau,
        garants: Garants::Both,
        notes: "",
        at: &[(P, SPEAKER)],
    },
    Demo {
        name: "Communa",
        kind: PartnerKind::Intervention,
        garants: Garants::Both,
        notes: "",
        at: &[(P, SPEAKER), ("Melle", SPEAKER)],
    },
    Demo {
        name: "Institut Alinsky",
        kind: PartnerKind::Intervention,
        garants: Garants::Both,
        notes: "Formation à l'organisation collective.",
        at: &[(P, SPEAKER)],
    },
    Demo {
        name: "Energie de Nantes",
        kind: PartnerKind::Intervention,
        garants: Garants::None,
        notes: "Co-garant·es à désigner.",
        at: &[(P, SPEAKER)],
    },
    Demo {
        name: "Coop des milieux",
        kind: PartnerKind::Intervention,
        garants: Garants::EmployeeOnly,
        notes: "Co-garant·e co-référent·e à désigner.",
        at: &[(P, SPEAKER)],
    },
    Demo {
        name: "Fondation La Concorde",
        kind: PartnerKind::Financement,
        garants: Garants::Both,
        notes: "Subvention obtenue en 2025 pour les cercles Échange-entraide et Actions \
                locales, comptabilisée au prorata des activités.",
        at: &[],
    },
    Demo {
        name: "Fondation Danielle Mitterrand",
        kind: PartnerKind::Reseau,
        garants: Garants::Both,
        notes: "Réseau Jasmine sur le municipalisme du Rojava.",
        at: &[],
    },
    Demo {
        name: "Terre de Luttes",
        kind: PartnerKind::Reseau,
        garants: Garants::Both,
        notes: "",
        at: &[],
    },
    Demo {
        name: "France 3 Nouvelle-Aquitaine",
        kind: PartnerKind::Media,
        garants: Garants::Both,
        notes: "Plateau en direct pendant les Rencontres de Poitiers.",
        at: &[],
    },
];

/// The event a `Demo::at` place names: the national gathering, or the first rencontre locale
/// held there.
fn event_at<'a>(events: &'a [Event], place: &str) -> Option<&'a Event> {
    events.iter().find(|e| {
        if place == P {
            e.kind == EventKind::RencontreNationale
        } else {
            e.kind == EventKind::RencontreLocale && e.title.contains(place)
        }
    })
}

fn ids(store: &Store, filter: &PersonFilter) -> Result<Vec<i64>> {
    Ok(store.people(filter)?.rows().map(|r| r.person.id).collect())
}

pub(super) fn fill(store: &mut Store, scale: u32) -> Result<()> {
    let employees = ids(
        store,
        &PersonFilter {
            kind: Some(PersonKind::Salarie),
            ..PersonFilter::default()
        },
    )?;
    let corefs = ids(
        store,
        &PersonFilter {
            role: Some(CircleRole::CoReferent),
            ..PersonFilter::default()
        },
    )?;
    let events = store.events()?;
    for copy in 0..scale.max(1) {
        for (i, p) in PARTNERS.iter().enumerate() {
            let n = i + copy as usize * PARTNERS.len();
            let employee = match p.garants {
                Garants::None => None,
                _ => employees.get(n % employees.len().max(1)).copied(),
            };
            let coref = match p.garants {
                Garants::Both => corefs
                    .get(n % corefs.len().max(1))
                    .copied()
                    .filter(|c| Some(*c) != employee),
                _ => None,
            };
            let name = if copy == 0 {
                p.name.to_owned()
            } else {
                format!("{} ({})", p.name, copy + 1)
            };
            let partner = store.add_partner(&PartnerDraft {
                garant_employee: employee,
                garant_coref: coref,
                notes: p.notes.into(),
                ..PartnerDraft::new(&name, p.kind)
            })?;
            if copy > 0 {
                continue;
            }
            for (place, role) in p.at {
                if let Some(e) = event_at(&events, place) {
                    store.link_partner(e.id, partner.id, *role)?;
                }
            }
        }
    }
    Ok(())
}

//! Decisions drawn from the 2025 report, with a couple of review dates: one already due on
//! the demo's today (20/11/2025), one to come.
//!
//! The report dates these by month at most; a decision is recorded with its day, so the days
//! here are the demo's (a plausible meeting day in the month the report gives). The AG's
//! convocation is the demo's reading of "Octobre : Cercle général" before the December AG.

use chrono::NaiveDate;

use crate::model::{DecisionDraft, Instance};
use crate::store::{Result, Store, StoreError};

enum By {
    General,
    Coordination,
    Circle(&'static str),
}

/// (instance, decided on (month, day), title, body, review on (month, day) of 2025 or 2026)
type Row = (
    By,
    (u32, u32),
    &'static str,
    &'static str,
    Option<(i32, u32, u32)>,
);

const DECISIONS: [Row; 11] = [
    (
        By::Coordination,
        (2, 12),
        "Nouvelle fiche de poste pour les salarié·es d'AC",
        "Création d'un GT recrutement chargé de la fiche de poste et du recrutement.",
        None,
    ),
    (
        By::Coordination,
        (4, 9),
        "Recrutement de 2 salarié·es",
        "Le GT recrutement devient GT RH, avec un point hebdomadaire a minima avec les salarié·es.",
        Some((2026, 4, 1)),
    ),
    (
        By::Coordination,
        (5, 14),
        "Partenariats et porte-paroles",
        "Outils de suivi, éléments de langage, priorisation et clarification des types de partenariats. Un·e co-garant·e salarié·e et un·e co-garant·e co-référent·e suivent chaque partenariat.",
        Some((2026, 1, 15)),
    ),
    (
        By::General,
        (5, 21),
        "Note d'intention des Rencontres nationales",
        "Permettre à un maximum de listes citoyennes de se doter des outils nécessaires pour réussir leur campagne municipale et instaurer une gouvernance partagée. Bilan à faire après les Rencontres.",
        Some((2025, 11, 15)),
    ),
    (
        By::Circle("Gouvernance"),
        (4, 3),
        "Accord de confidentialité",
        "Chaque membre actif·ve signe l'accord de confidentialité.",
        None,
    ),
    (
        By::Circle("Gouvernance"),
        (4, 24),
        "Fiche-mission de co-référent·e",
        "Chaque co-référent·e accepte la fiche-mission.",
        None,
    ),
    (
        By::Coordination,
        (7, 3),
        "Demande de subvention à la fondation La Concorde",
        "Demande déposée en juillet ; la subvention obtenue permet en août le recrutement d'une prestataire.",
        None,
    ),
    (
        By::Coordination,
        (7, 10),
        "Demande de médiation avec Fréquence Commune",
        "Recherche de médiateur·ices ; médiation de septembre à décembre.",
        Some((2025, 12, 31)),
    ),
    (
        By::Coordination,
        (7, 10),
        "Recrutement d'une prestataire sur 3 mois",
        "En soutien de l'animation réseau.",
        None,
    ),
    (
        By::Coordination,
        (8, 20),
        "Recrutement d'une prestataire pour Échange-entraide et Actions locales",
        "Suite à l'obtention de la subvention de La Concorde.",
        None,
    ),
    (
        By::General,
        (10, 15),
        "Convocation de l'Assemblée générale de décembre",
        "L'AG et le cercle général se tiendront en décembre 2025.",
        None,
    ),
];

fn ymd(y: i32, m: u32, d: u32) -> Result<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| StoreError::Other(format!("{y}-{m}-{d}")))
}

pub(super) fn fill(store: &mut Store) -> Result<()> {
    for (by, (m, d), title, body, review) in DECISIONS {
        let instance = match by {
            By::General => Instance::CercleGeneral,
            By::Coordination => Instance::Coordination,
            By::Circle(name) => Instance::Cercle(
                store
                    .circle_named(name)?
                    .ok_or_else(|| StoreError::NotFound(name.to_string()))?
                    .id,
            ),
        };
        store.add_decision(&DecisionDraft {
            instance,
            decided_on: ymd(2025, m, d)?,
            title: title.to_string(),
            body: body.to_string(),
            review_on: review.map(|(y, m, d)| ymd(y, m, d)).transpose()?,
        })?;
    }
    Ok(())
}

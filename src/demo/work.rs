//! The 2025 work log of each circle and its working groups, as the annual report lists them.
//!
//! Réalisé / en cours as the report says; where it writes "En cours / à venir" (Finances,
//! Outils numériques), what has started is en cours and what has not is à venir. The
//! Coordination circle's month-by-month items are réalisé in their month, except
//! the médiation (September to December: en cours) and the December AG (after the demo's
//! today: à venir).

use chrono::NaiveDate;

use crate::model::{When, WorkItemDraft, WorkStatus, WorkingGroupDraft};
use crate::store::{Result, Store, StoreError};

use WorkStatus::{AVenir as V, EnCours as C, Realise as R};

/// (status, date as (month, day), title, details, figures). The report gives most events by
/// month only: day 0 says so, and the item is dated by its month (`août 2025`), not a day.
type Item = (
    WorkStatus,
    Option<(u32, u32)>,
    &'static str,
    &'static str,
    &'static str,
);

const LOG: [(&str, &[Item]); 9] = [
    (
        "Rencontres nationales",
        &[
            (
                R,
                Some((8, 0)),
                "Rencontres nationales à Poitiers, co-organisées avec Poitiers Collectif",
                "Objectif adopté en cercle général : permettre à un maximum de listes citoyennes de se doter des outils pour réussir leur campagne municipale et instaurer une gouvernance partagée.",
                "450 citoyen·nes venu·es de toute la France\n211 membres de collectifs et 68 élu·es présent·es",
            ),
            (
                R,
                None,
                "Près de 60 ateliers",
                "Du budget de campagne à « Tenir compte des émotions en politique », en passant par « Villes refuges : accueillir les populations exilées ».",
                "près de 60 ateliers",
            ),
            (
                R,
                None,
                "Bénévoles et salarié·es",
                "Plus de 50 bénévoles hyper motivé·es et 2 salarié·es.",
                "+ de 50 bénévoles, 2 salarié·es",
            ),
            (
                R,
                None,
                "Un archipel d'organisations intervenantes et partenaires",
                "Fréquence Commune et la Horde, l'Anvita, Démocratiser la politique, Assemblée des quartiers, Les Rayonnant·xes, Alternatiba, Pas Sans Nous, Collectif pour une Transition Citoyenne, Communa, Institut Alinsky, Energie de Nantes, Coop des milieux, et les témoignages et retours d'expériences des communes de la Crèche, la Montagne, Poitiers, Plessé, Melle, etc.",
                "",
            ),
            (
                R,
                None,
                "Écoute par l'équipe soin",
                "Des heures d'écoute par l'équipe soin pendant les Rencontres.",
                "",
            ),
            (R, None, "De nombreuses parutions dans les médias", "", ""),
        ],
    ),
    (
        "Communication",
        &[
            (
                R,
                None,
                "Réseaux sociaux et infolettre",
                "",
                "315 publications, x2 abonné·es cumulé·es\n16 infolettres envoyées, x2 inscrit·es (2100)",
            ),
            (
                R,
                None,
                "Communication sur les activités du réseau",
                "MA26, Rencontres locales, Discord…",
                "",
            ),
            (
                R,
                None,
                "Supports graphiques des Rencontres de Poitiers",
                "Affiches, programme, flyers, brochure de présentation du réseau.",
                "",
            ),
            (
                R,
                None,
                "Communication et mobilisation sur les réseaux",
                "Pendant les Rencontres de Poitiers.",
                "",
            ),
            (
                R,
                None,
                "Relations aux médias",
                "",
                "10 parutions dont 1 plateau en direct sur France 3 région",
            ),
            (
                R,
                None,
                "Captations vidéos et photos",
                "",
                "45 h de vidéos et audios, + de 2000 photos",
            ),
            (
                R,
                None,
                "Accueil de nouveaux bénévoles",
                "Entre 3 et 8 membres actif·ves.",
                "2 nouveaux bénévoles, + 1 pour les Rencontres",
            ),
            (
                C,
                None,
                "Traitement et publication des captations des Rencontres de Poitiers",
                "Montage, visionnage, rédaction d'articles, réels pour les réseaux sociaux.",
                "",
            ),
        ],
    ),
    (
        "Échange-entraide",
        &[
            (
                R,
                None,
                "Municipales Assistance en visio",
                "Nouvel outil à destination des collectifs.",
                "10 visios + 3 MA26 pendant les RNAC\n104 personnes participantes, au moins 2 personnes ressources par visio",
            ),
            (
                R,
                None,
                "Diffusion du guide La Mairie est à Vous",
                "",
                "591 guides vendus",
            ),
            (C, None, "Lancement d'un GT Soutien aux élu·es", "", ""),
            (C, None, "Rédaction de nouvelles fiches", "", ""),
        ],
    ),
    (
        "Plaidoyer",
        &[
            (
                R,
                None,
                "Deux séances d'arpentage",
                "Sur le thème « communalisme, municipalisme et démocratie directe ».",
                "2 séances",
            ),
            (
                R,
                None,
                "Raison d'être, stratégie et position du cercle",
                "Travaux autour de la raison d'être du cercle, de sa stratégie, de sa position et de son usage au sein d'AC.",
                "",
            ),
        ],
    ),
    (
        "Actions locales",
        &[
            (
                R,
                Some((4, 0)),
                "Rencontre locale de Bayonne",
                "",
                "80 à 100 personnes présentes",
            ),
            (
                R,
                None,
                "Rencontre locale de Grenoble",
                "",
                "40 à 50 personnes présentes",
            ),
            (R, Some((6, 0)), "Rencontre locale de Trévoux", "", ""),
            (
                R,
                Some((6, 28)),
                "Rencontre locale de Mûrs-Erigné : « Réenchanter l'engagement pour mieux vivre ensemble ! »",
                "Une soirée de discussions et de réflexions sur le sens de notre engagement, au Tiers Lieu des Varennes (Mûrs-Erigné), de 16 h à 22 h.",
                "",
            ),
            (
                R,
                None,
                "Rencontres locales de Dijon et d'Audenge",
                "Et tant d'autres…",
                "",
            ),
            (
                R,
                None,
                "Mise à jour du formulaire de la cartographie",
                "Avec l'animation réseau.",
                "",
            ),
            (
                R,
                None,
                "Refonte de la base de données pour la conformité au RGPD",
                "",
                "",
            ),
            (
                R,
                None,
                "Refonte du Discord et FAQ « Comment organiser une Rencontre locale ? »",
                "Avec l'animation réseau.",
                "",
            ),
            (
                C,
                None,
                "Déploiement territorial",
                "Faire le lien entre les LCP et le réseau : questionnaire en vue d'un entretien téléphonique avec chaque liste.",
                "",
            ),
        ],
    ),
    (
        "Gouvernance",
        &[
            (R, None, "Accord de confidentialité", "", ""),
            (R, None, "Fiche-mission de co-référent·e", "", ""),
            (
                R,
                None,
                "Chantier de refonte du Discord",
                "Mobilisation du cercle pendant l'été 2025.",
                "",
            ),
            (
                R,
                None,
                "Fiches d'identité de cercle",
                "Raison d'être, périmètre de décision, missions, groupes de travail, cadre sécurisant, co-référent·es et membres actif·ves de chaque cercle.",
                "",
            ),
            (R, None, "Suivi du schéma de gouvernance du réseau", "", ""),
            (
                C,
                None,
                "Règlement intérieur",
                "Charte de valeurs ; protocole d'inclusion et d'exclusion ; clarification des périmètres de décision des instances : AG, cercle général, cercle de coordination et cercles de travail.",
                "",
            ),
            (
                C,
                None,
                "Fiche d'identité du cercle coordination",
                "En cours de finalisation.",
                "",
            ),
            (
                C,
                None,
                "Raison d'être et statuts",
                "En vue d'une potentielle révision non urgente.",
                "",
            ),
            (C, None, "Lancement d'un GT Soin", "", ""),
        ],
    ),
    (
        "Finances",
        &[
            (
                R,
                None,
                "Gestion de la comptabilité",
                "Compte en banque, fournisseurs…",
                "Budget 2025 : 107 500 € (x1,4)\n358 transactions à date (x1,5 par rapport à 2024)\n7 salarié·es ou prestataires",
            ),
            (
                R,
                None,
                "Candidature réussie à la fondation La Concorde",
                "",
                "",
            ),
            (
                R,
                None,
                "Appui au GT RH pour le recrutement",
                "Gestion du recrutement des animateurices et démarches liées : cabinet RH, équipement, télétravail, complémentaire santé.",
                "",
            ),
            (
                R,
                None,
                "Suivi du budget prévisionnel et préparation de 2026",
                "",
                "",
            ),
            (
                C,
                None,
                "Finalisation de la comptabilité professionnelle avec l'expert-comptable",
                "",
                "",
            ),
            (
                C,
                None,
                "Recherche de financements",
                "Ressources propres (adhésions et dons, dont élu·es, collectivités et collectifs ; question des contreparties), fondations, autres subventions.",
                "",
            ),
            (
                C,
                None,
                "Réflexion et documentation sur la fiscalité",
                "",
                "",
            ),
            (V, None, "Clôture budgétaire 2025", "", ""),
            (V, None, "Relance du cercle et délégation", "", ""),
        ],
    ),
    (
        "Outils numériques",
        &[
            (
                R,
                None,
                "Modification du formulaire de la cartographie",
                "Cercle créé en 2025.",
                "",
            ),
            (R, None, "Mise en place du Discord 2.0", "", ""),
            (
                C,
                None,
                "Gestion et amélioration du Discord 2.0",
                "Administration de la plateforme.",
                "",
            ),
            (
                C,
                None,
                "Réflexions autour de la modération du Discord",
                "",
                "",
            ),
            (
                C,
                None,
                "Administration de la base de données Airtable et des liaisons associées",
                "",
                "",
            ),
            (C, None, "Gestion de la cartographie", "", ""),
            (
                V,
                None,
                "Sortie de Google : transfert sur Nextcloud",
                "",
                "",
            ),
            (V, None, "Bascule de MailChimp à Brevo", "", ""),
        ],
    ),
    (
        "Coordination",
        &[
            (
                R,
                Some((2, 0)),
                "Nouvelle fiche de poste pour les salarié·es d'AC ; GT recrutement",
                "De février à avril 2025.",
                "",
            ),
            (
                R,
                Some((4, 0)),
                "Recrutement de 2 salarié·es",
                "Le GT recrutement devient GT RH (point hebdomadaire a minima avec les salarié·es).",
                "2 salarié·es",
            ),
            (
                R,
                Some((4, 0)),
                "1er séminaire d'Actions Communes à Aurignac",
                "",
                "",
            ),
            (
                R,
                Some((5, 0)),
                "Partenariats et porte-paroles",
                "Outils de suivi, éléments de langage, priorisation et clarification des types de partenariats ; un·e co-garant·e salarié·e et un·e co-garant·e co-ref.",
                "",
            ),
            (R, Some((5, 0)), "Cercle général de mai", "", ""),
            (
                R,
                Some((6, 0)),
                "Départ d'un·e des 2 salarié·es recruté·es",
                "",
                "",
            ),
            (
                R,
                Some((7, 0)),
                "Demande de subvention à la fondation La Concorde",
                "",
                "",
            ),
            (
                R,
                Some((7, 0)),
                "Demande de médiation avec Fréquence Commune",
                "Et recherche de médiateur·ices.",
                "",
            ),
            (
                R,
                Some((7, 0)),
                "Lancement du chantier de refonte du Discord",
                "Par l'animation réseau.",
                "",
            ),
            (
                R,
                Some((7, 0)),
                "Recrutement d'une prestataire sur 3 mois",
                "En soutien de l'animation réseau.",
                "",
            ),
            (
                R,
                Some((7, 0)),
                "Indépendance et mise au propre de la base de données et de la cartographie",
                "",
                "",
            ),
            (R, Some((8, 0)), "Rencontres nationales à Poitiers", "", ""),
            (
                R,
                Some((8, 0)),
                "Recrutement d'une prestataire pour Échange-entraide et Actions locales",
                "Suite à l'obtention de la subvention de La Concorde.",
                "",
            ),
            (
                C,
                Some((9, 0)),
                "Médiation avec Fréquence Commune",
                "Lancée en septembre, elle s'achèvera en décembre.",
                "",
            ),
            (R, Some((10, 0)), "Cercle général d'octobre", "", ""),
            (
                R,
                Some((11, 0)),
                "2e séminaire d'Actions Communes à Douzillac",
                "",
                "",
            ),
            (
                V,
                Some((12, 0)),
                "Assemblée générale et cercle général",
                "",
                "",
            ),
        ],
    ),
];

/// (circle, name, purpose, created (month), closed (month)), all in 2025. The report dates
/// the GT recrutement (février) and its change into the GT RH (avril); it only says the GT Soin
/// and the GT Soutien aux élu·es are being launched: no date for them (month 0).
const GROUPS: [(&str, &str, &str, u32, Option<u32>); 4] = [
    (
        "Coordination",
        "GT recrutement",
        "Nouvelle fiche de poste et recrutement des salarié·es ; devenu le GT RH en avril 2025.",
        2,
        Some(4),
    ),
    (
        "Coordination",
        "GT RH",
        "Suivi des salarié·es et prestataires : point hebdomadaire a minima avec les salarié·es.",
        4,
        None,
    ),
    (
        "Gouvernance",
        "GT Soin",
        "Prendre soin des personnes et des relations dans le réseau.",
        0,
        None,
    ),
    (
        "Échange-entraide",
        "GT Soutien aux élu·es",
        "Soutenir les élu·es des communes participatives dans leur mandat.",
        0,
        None,
    ),
];

fn date(m: u32, d: u32) -> Result<NaiveDate> {
    NaiveDate::from_ymd_opt(2025, m, d).ok_or_else(|| StoreError::Other(format!("2025-{m}-{d}")))
}

fn month(m: u32) -> Result<When> {
    When::month(2025, m).ok_or_else(|| StoreError::Other(format!("2025-{m}")))
}

pub(super) fn fill(store: &mut Store) -> Result<()> {
    for (circle, items) in LOG {
        let cid = store
            .circle_named(circle)?
            .ok_or_else(|| StoreError::NotFound(circle.to_string()))?
            .id;
        for (status, on, title, details, figures) in items {
            let on_date = match on {
                Some((m, 0)) => Some(month(*m)?),
                Some((m, d)) => Some(When::Day(date(*m, *d)?)),
                None => None,
            };
            store.add_work_item(
                cid,
                &WorkItemDraft {
                    year: 2025,
                    status: *status,
                    on_date,
                    title: title.to_string(),
                    details: details.to_string(),
                    figures: figures.to_string(),
                },
            )?;
        }
    }
    for (circle, name, purpose, created, closed) in GROUPS {
        let cid = store
            .circle_named(circle)?
            .ok_or_else(|| StoreError::NotFound(circle.to_string()))?
            .id;
        let gt = store.create_working_group(
            cid,
            &WorkingGroupDraft {
                name: name.to_string(),
                purpose: purpose.to_string(),
                created_on: (created > 0).then(|| date(created, 1)).transpose()?,
            },
        )?;
        // Closed the day its successor opens (the GT recrutement became the GT RH).
        if let Some(month) = closed {
            store.set_working_group_closed(gt.id, gt.version, Some(date(month, 1)?))?;
        }
    }
    Ok(())
}

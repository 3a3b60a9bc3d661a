//! The 60 workshops of the national gathering of Poitiers ("près de 60 ateliers allant de la
//! construction d'un budget de campagne à « Tenir compte des émotions en politique » en passant
//! par « Villes refuges : accueillir les populations exilées »): titles drawn from the report's
//! themes, spread over the six slots of the three days and ten rooms, facilitated by the
//! partner organisations, the circles and the communes whose experience the report cites.

use crate::model::{EventKind, WorkshopDraft};
use crate::store::{Result, Store};

const TITLES: [&str; 60] = [
    "Construire un budget de campagne",
    "Tenir compte des émotions en politique",
    "Villes refuges : accueillir les populations exilées",
    "Monter une liste citoyenne de A à Z",
    "La Mairie est à Vous : le guide en pratique",
    "Gouvernance partagée dans une équipe municipale",
    "Écrire un programme avec les habitant·es",
    "Communalisme, municipalisme et démocratie directe",
    "Faire campagne sans tête de liste",
    "Premiers pas d'élu·es minoritaires",
    "Les assemblées citoyennes communales",
    "Budget participatif : ce qui marche, ce qui coince",
    "Se former au droit des collectivités",
    "Financer une campagne : règles et outils",
    "Mobiliser les quartiers populaires",
    "Porte-à-porte et écoute active",
    "Décider au consentement",
    "Prévenir l'épuisement militant",
    "Déconstruire les oppressions dans nos collectifs",
    "Parité et place des femmes en politique locale",
    "Jeunesse et engagement municipal",
    "Ruralité : faire liste dans une petite commune",
    "Transition écologique à l'échelle communale",
    "Eau, énergie, alimentation : les communs locaux",
    "Retour d'expérience : la Crèche",
    "Retour d'expérience : la Montagne",
    "Retour d'expérience : Poitiers",
    "Retour d'expérience : Plessé",
    "Retour d'expérience : Melle",
    "Communiquer sur les réseaux sans s'épuiser",
    "Relations avec la presse locale",
    "Organiser une rencontre locale",
    "Municipales Assistance : questions de campagne",
    "Municipales Assistance : les premiers mois de mandat",
    "Municipales Assistance : travailler avec l'administration",
    "Référendum d'initiative citoyenne local",
    "Cartographier les collectifs de son territoire",
    "Faire alliance avec les associations locales",
    "Gérer les conflits dans une liste",
    "Le cadre sécurisant : prendre soin du groupe",
    "Animer une réunion publique",
    "Lire un budget communal",
    "Urbanisme et logement : reprendre la main",
    "Services publics locaux et régies",
    "Intercommunalité : où se prennent les décisions",
    "Démocratie et numérique : outils libres",
    "Accessibilité et inclusion dans la campagne",
    "Arpentage : textes du municipalisme",
    "Expériences municipalistes internationales",
    "Le municipalisme au Rojava",
    "Organisation collective : méthodes d'Alinsky",
    "Éducation populaire et politique locale",
    "Co-construire avec les agent·es municipaux",
    "Élu·es et habitant·es : partager le pouvoir",
    "Après l'élection : tenir les engagements",
    "Faire vivre un collectif entre deux élections",
    "Tiers-lieux et lieux communs",
    "Sécurité et tranquillité publique autrement",
    "Culture et fête dans la commune",
    "Bilan et suites des Rencontres",
];

/// Six slots over the three days of the gathering.
const SLOTS: [&str; 6] = [
    "vendredi 14h–16h",
    "vendredi 16h30–18h30",
    "samedi 9h30–11h30",
    "samedi 14h–16h",
    "samedi 16h30–18h30",
    "dimanche 9h30–11h30",
];

/// Ten rooms, one workshop in each per slot.
const ROOMS: [&str; 10] = [
    "Amphi A",
    "Amphi B",
    "Salle 101",
    "Salle 102",
    "Salle 103",
    "Salle 104",
    "Salle 201",
    "Salle 202",
    "Préau",
    "Jardin",
];

const FACILITATORS: [&str; 15] = [
    "Poitiers Collectif",
    "Fréquence Commune et la Horde",
    "l'Anvita",
    "Démocratiser la politique",
    "Assemblée des quartiers",
    "Les Rayonnant·xes",
    "Alternatiba",
    "Pas Sans Nous",
    "Collectif pour une Transition Citoyenne",
    "Communa",
    "Institut Alinsky",
    "Energie de Nantes",
    "Coop des milieux",
    "Cercle Échange-entraide",
    "Cercle Actions locales",
];

/// Workshops whose facilitators the title says (a word of the title, who).
const KNOWN: [(&str, &str); 6] = [
    ("Villes refuges", "l'Anvita"),
    ("Alinsky", "Institut Alinsky"),
    ("Municipales Assistance", "Cercle Échange-entraide"),
    ("rencontre locale", "Cercle Actions locales"),
    ("Retour d'expérience", "Élu·es et habitant·es de la commune"),
    ("Bilan et suites", "Cercle Rencontres nationales"),
];

pub(super) fn fill(store: &mut Store) -> Result<()> {
    let Some(poitiers) = store
        .events()?
        .into_iter()
        .find(|e| e.kind == EventKind::RencontreNationale)
    else {
        return Ok(());
    };
    for (i, title) in TITLES.iter().enumerate() {
        let facilitators = KNOWN
            .iter()
            .find(|(word, _)| title.contains(word))
            .map_or(FACILITATORS[(i * 7) % FACILITATORS.len()], |(_, who)| who)
            .to_owned();
        store.add_workshop(
            poitiers.id,
            &WorkshopDraft {
                slot: SLOTS[i / ROOMS.len()].into(),
                room: ROOMS[i % ROOMS.len()].into(),
                facilitators,
                ..WorkshopDraft::new(title)
            },
        )?;
    }
    Ok(())
}

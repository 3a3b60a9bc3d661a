//! Identity sheets of the nine circles, written from what the 2025 report says of each.

use crate::model::CircleSheet;
use crate::store::{Result, Store, StoreError};

struct Sheet {
    name: &'static str,
    purpose: &'static str,
    decision_scope: &'static str,
    missions: &'static str,
    safe_frame: &'static str,
}

const SHEETS: [Sheet; 9] = [
    Sheet {
        name: "Rencontres nationales",
        purpose: "Permettre à un maximum de listes citoyennes de se doter des outils nécessaires pour réussir leur campagne municipale et instaurer une gouvernance partagée dans leur commune.",
        decision_scope: "Programme, lieu et budget des Rencontres nationales, dans le cadre de la note d'intention adoptée en cercle général.",
        missions: "Co-organiser les Rencontres nationales avec les collectifs hôtes (Poitiers Collectif en 2025).\nConstruire le programme des ateliers avec les organisations partenaires.\nAccueillir et coordonner les bénévoles, avec l'équipe soin.",
        safe_frame: "Une équipe soin à l'écoute pendant les Rencontres ; chacun·e dit ce qu'il ou elle peut prendre, et s'arrête quand il le faut.",
    },
    Sheet {
        name: "Communication",
        purpose: "Faire connaître le réseau et ses activités, et faire résonner partout en France les énergies locales.",
        decision_scope: "Ligne graphique, publications sur les réseaux sociaux, infolettres, relations aux médias.",
        missions: "Publier sur les réseaux sociaux et envoyer l'infolettre.\nRéaliser les supports graphiques (affiches, programmes, flyers, brochure).\nTraiter et publier les captations vidéo et audio des Rencontres.",
        safe_frame: "Entre 3 et 8 membres actif·ves ; un calendrier partagé pour que personne ne porte seul·e une publication urgente.",
    },
    Sheet {
        name: "Échange-entraide",
        purpose: "Développer l'entraide entre communes participatives et outiller les collectifs qui se lancent.",
        decision_scope: "Organisation des visios Municipales Assistance, diffusion du guide La Mairie est à Vous, rédaction des fiches.",
        missions: "Organiser les Municipales Assistance en visio, avec au moins deux personnes ressources par visio.\nDiffuser le guide La Mairie est à Vous.\nRédiger de nouvelles fiches pratiques ; lancer le GT Soutien aux élu·es.",
        safe_frame: "Une équipe de bénévoles qui évolue au cours de l'année : les passages de relais se préparent ensemble.",
    },
    Sheet {
        name: "Plaidoyer",
        purpose: "Porter les questions de démocratie locale et de participation citoyenne dans le débat public.",
        decision_scope: "Stratégie et positions de plaidoyer du réseau, soumises au cercle général avant toute prise de parole publique.",
        missions: "Organiser des séances d'arpentage (communalisme, municipalisme et démocratie directe).\nDéfinir la raison d'être, la stratégie et l'usage du plaidoyer au sein d'AC.",
        safe_frame: "Les positions se construisent en séance ; aucune prise de parole au nom du réseau sans mandat.",
    },
    Sheet {
        name: "Actions locales",
        purpose: "Faire vivre le réseau sur les territoires et faire le lien entre les listes citoyennes et participatives et le réseau.",
        decision_scope: "Soutien aux Rencontres locales, cartographie des collectifs, déploiement territorial.",
        missions: "Accompagner l'organisation des Rencontres locales.\nMettre à jour le formulaire de la cartographie.\nPrendre contact avec les listes pour un entretien téléphonique (déploiement territorial).",
        safe_frame: "Les données des collectifs sont traitées en conformité avec le RGPD ; une FAQ partagée pour organiser une Rencontre locale.",
    },
    Sheet {
        name: "Gouvernance",
        purpose: "Solidifier le mode de gouvernance transversale du réseau, en s'inspirant des expériences municipales et collectives.",
        decision_scope: "Propositions d'outils de gouvernance (fiches d'identité, règlement intérieur, protocoles), soumises au cercle général.",
        missions: "Rédiger l'accord de confidentialité et la fiche-mission de co-référent·e.\nProposer les fiches d'identité de cercle.\nTravailler le règlement intérieur : charte de valeurs, protocole d'inclusion et d'exclusion, périmètres de décision des instances.",
        safe_frame: "Déconstruire les biais liés aux oppressions systémiques pour que chacun·e trouve sa place ; lancement d'un GT Soin.",
    },
    Sheet {
        name: "Finances",
        purpose: "Donner au réseau une stabilité financière et des comptes exacts et transparents.",
        decision_scope: "Comptabilité, trésorerie, budget prévisionnel proposé à l'AG, candidatures aux financements.",
        missions: "Tenir la comptabilité, le compte en banque et le suivi des fournisseurs.\nSuivre le budget prévisionnel et préparer l'année suivante.\nRechercher des financements (adhésions, dons, fondations, subventions).\nAppuyer le GT RH dans les recrutements.",
        safe_frame: "Deux personnes au moins connaissent chaque procédure ; toute dépense importante est validée à deux.",
    },
    Sheet {
        name: "Outils numériques",
        purpose: "Donner au réseau des outils numériques libres, sobres et maîtrisés.",
        decision_scope: "Administration du Discord, de la base de données et de la cartographie ; choix des outils (sortie de Google, bascule vers Brevo).",
        missions: "Administrer le Discord 2.0 et réfléchir à sa modération.\nAdministrer la base de données et la cartographie.\nTransférer les documents vers Nextcloud.",
        safe_frame: "Les accès d'administration sont partagés à deux au moins et revus chaque année.",
    },
    Sheet {
        name: "Coordination",
        purpose: "Relier les cercles de travail entre eux et assurer la continuité du réseau entre deux cercles généraux.",
        decision_scope: "Questions transversales et urgentes, ressources humaines (GT RH), partenariats et porte-parole, dans le cadre fixé par le cercle général.",
        missions: "Préparer les cercles généraux, les séminaires et l'AG.\nSuivre les salarié·es et prestataires (GT RH).\nSuivre les partenariats et la médiation avec Fréquence Commune.",
        safe_frame: "Réunit les co-référent·es de chaque cercle ; fiche d'identité en cours de finalisation.",
    },
];

pub(super) fn fill(store: &mut Store) -> Result<()> {
    for sheet in &SHEETS {
        let circle = store
            .circle_named(sheet.name)?
            .ok_or_else(|| StoreError::NotFound(sheet.name.to_string()))?;
        store.update_circle_sheet(
            circle.id,
            circle.version,
            &CircleSheet {
                name: sheet.name.to_string(),
                purpose: sheet.purpose.to_string(),
                decision_scope: sheet.decision_scope.to_string(),
                missions: sheet.missions.to_string(),
                safe_frame: sheet.safe_frame.to_string(),
            },
        )?;
    }
    Ok(())
}

//! The figures of the 2025 annual report's "Bilan financier 2025" and "Résultat par projet"
//! (`shared/seed/rapport-annuel-2025.txt`), and how the demo spreads each category's total
//! over the projects so that the Rencontres nationales and Guide results are the report's
//! (Fonctionnement takes the rest: the report's printed totals do not add up, DESIGN.md).

/// Projects by their index in `store::reference::PROJECTS`.
pub const F: usize = 0;
pub const R: usize = 1;
pub const G: usize = 2;

/// A category's share of a year: (category name, [(project, whole euros, transactions)]).
pub type Share = (&'static str, &'static [(usize, i64, u32)]);

/// 2024: Rencontres nationales 4585 €, Guide 198 €.
pub const LEDGER_2024: [Share; 16] = [
    ("Adhésions", &[(F, 5435, 70)]),
    ("Dons", &[(F, 2079, 15)]),
    ("Ventes (guide LMEAV)", &[(G, 19_909, 40)]),
    ("Billetterie RNAC (+ buvette)", &[(R, 47_904, 45)]),
    ("Autres", &[(F, 74, 2)]),
    ("Intérêts", &[(F, 218, 1)]),
    ("Subventions", &[]),
    ("Frais bancaires", &[(F, 121, 12)]),
    ("Prestations de services", &[(G, 1140, 1), (R, 4000, 3)]),
    ("Salaires", &[(G, 1815, 1), (R, 7505, 5)]),
    ("Impressions (guide LMEAV)", &[(G, 6916, 2)]),
    ("Matériel de communication", &[(F, 364, 1), (R, 500, 2)]),
    ("Outils informatiques", &[(F, 539, 6)]),
    (
        "Frais de mission",
        &[(F, 1500, 4), (G, 1500, 3), (R, 4123, 5)],
    ),
    ("Logistique", &[(G, 6340, 4), (R, 26_000, 10)]),
    ("Achats divers", &[(F, 1293, 3), (G, 2000, 2), (R, 1191, 3)]),
];

/// 2025: Rencontres nationales 1128 €, Guide 7671 €.
pub const LEDGER_2025: [Share; 16] = [
    ("Adhésions", &[(F, 4876, 80)]),
    ("Dons", &[(F, 2107, 15)]),
    ("Ventes (guide LMEAV)", &[(G, 9765, 25)]),
    ("Billetterie RNAC (+ buvette)", &[(R, 31_800, 60)]),
    ("Autres", &[(F, 189, 3)]),
    ("Intérêts", &[(F, 79, 1)]),
    ("Subventions", &[(F, 41_218, 3), (R, 15_000, 1)]),
    ("Frais bancaires", &[(F, 111, 12)]),
    (
        "Prestations de services",
        &[(F, 14_190, 10), (G, 494, 1), (R, 12_000, 9)],
    ),
    ("Salaires", &[(F, 19_850, 18), (R, 5000, 9)]),
    ("Impressions (guide LMEAV)", &[]),
    ("Matériel de communication", &[(F, 886, 4)]),
    ("Outils informatiques", &[(F, 1654, 12)]),
    (
        "Frais de mission",
        &[(F, 5528, 16), (G, 400, 2), (R, 1925, 7)],
    ),
    ("Logistique", &[(G, 1200, 3), (R, 26_747, 42)]),
    ("Achats divers", &[(F, 5086, 25)]),
];

/// The report's results by project: (year, Rencontres nationales, Guide), whole euros.
pub const PROJECT_RESULTS: [(i32, i64, i64); 2] = [(2024, 4585, 198), (2025, 1128, 7671)];

/// Labels and counterparties by category: (label, counterparties, first month, last month).
pub fn wording(category: &str) -> (&'static str, &'static [&'static str], u32, u32) {
    match category {
        "Adhésions" => (
            "Adhésion",
            &[
                "Camille Roux",
                "Mairie de Plessé",
                "Collectif Melle Demain",
                "Hugo Perrin",
                "Léa Fabre",
                "Mairie de La Crèche",
            ],
            1,
            12,
        ),
        "Dons" => (
            "Don",
            &["Nathalie Girard", "Paul Lemoine", "HelloAsso"],
            1,
            12,
        ),
        "Ventes (guide LMEAV)" => (
            "Vente guide La Mairie est à Vous",
            &[
                "Librairie La Belle Aventure",
                "HelloAsso",
                "Collectif Poitiers",
            ],
            1,
            12,
        ),
        "Billetterie RNAC (+ buvette)" => (
            "Billetterie Rencontres nationales",
            &["HelloAsso", "Buvette RNAC"],
            5,
            9,
        ),
        "Autres" => ("Remboursement divers", &["Fréquence Commune"], 3, 11),
        "Intérêts" => ("Intérêts du livret", &["Crédit Coopératif"], 12, 12),
        "Subventions" => (
            "Subvention",
            &["Fondation La Concorde", "Fondation Danielle Mitterrand"],
            6,
            10,
        ),
        "Frais bancaires" => ("Frais de tenue de compte", &["Crédit Coopératif"], 1, 12),
        "Prestations de services" => (
            "Facture prestation",
            &[
                "Esther Morin (prestataire)",
                "Margot Lefèvre (prestataire)",
                "Cabinet RH Alpha",
            ],
            2,
            12,
        ),
        "Salaires" => (
            "Salaire",
            &["Animatrice réseau", "Coordination RNAC", "URSSAF"],
            4,
            12,
        ),
        "Impressions (guide LMEAV)" => ("Impression du guide", &["Imprimerie Chiffoleau"], 2, 4),
        "Matériel de communication" => (
            "Affiches et flyers",
            &["Imprimerie Chiffoleau", "Kakémono Express"],
            4,
            8,
        ),
        "Outils informatiques" => (
            "Abonnement",
            &["Nextcloud (hébergeur)", "Brevo", "Orange"],
            1,
            12,
        ),
        "Frais de mission" => (
            "Déplacement",
            &["SNCF Connect", "Remboursement bénévole"],
            1,
            12,
        ),
        "Logistique" => (
            "Logistique",
            &[
                "Parc des expositions de Poitiers",
                "Location Loxam",
                "Traiteur Le Bon Repas",
                "Colissimo",
            ],
            3,
            9,
        ),
        _ => ("Achat", &["Biocoop", "Leroy Merlin", "Amazon"], 1, 12),
    }
}

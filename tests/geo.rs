//! The communes of France compiled in: counts of the 2026 code, lookups by INSEE code, postal
//! code and name, the cases the issue names (homonyms, Corsica, overseas, Paris, Lyon and
//! Marseille, communes nouvelles, leading zeros), and autocomplete.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use cercles::geo::{Commune, FormerKind, Resolution, communes};

fn code(c: &Commune) -> &'static str {
    c.code()
}

fn codes(list: &[&Commune]) -> Vec<&'static str> {
    list.iter().map(|c| c.code()).collect()
}

/// The code of the one commune `text` resolves to.
fn resolved(text: &str) -> &'static str {
    match communes().resolve(text) {
        Resolution::Found(c) => c.code(),
        other => panic!("{text:?} resolves to {other:?}"),
    }
}

/// The codes of the communes `text` may be.
fn ambiguous(text: &str) -> Vec<&'static str> {
    match communes().resolve(text) {
        Resolution::Ambiguous(list) => codes(&list),
        other => panic!("{text:?} resolves to {other:?}"),
    }
}

fn searched(query: &str, limit: usize) -> Vec<&'static str> {
    codes(&communes().search(query, limit))
}

#[test]
fn the_2026_code_counts_34_969_communes() {
    let all = communes();
    assert_eq!(all.len(), 34_969);
    assert_eq!(all.departements().len(), 109);
    assert_eq!(all.regions().len(), 26);
    let count = |kind| all.formers().iter().filter(|f| f.kind() == kind).count();
    assert_eq!(count(FormerKind::Deleguee), 2_105);
    assert_eq!(count(FormerKind::Associee), 471);
    assert_eq!(count(FormerKind::Arrondissement), 45);
    let codes: Vec<&str> = all.all().iter().map(code).collect();
    assert!(codes.windows(2).all(|w| w[0] < w[1]), "sorted and unique");
}

#[test]
fn a_commune_has_its_code_name_departement_region_postal_codes_and_population() {
    let murs = communes().by_code("49223").unwrap();
    assert_eq!(murs.name(), "Mûrs-Erigné");
    assert_eq!(murs.label(), "Mûrs-Erigné (49)");
    assert_eq!(murs.departement().code(), "49");
    assert_eq!(murs.departement().name(), "Maine-et-Loire");
    assert_eq!(murs.region().code(), "52");
    assert_eq!(murs.region().name(), "Pays de la Loire");
    assert_eq!(murs.postal_codes().collect::<Vec<_>>(), ["49610"]);
    assert_eq!(murs.population(), Some(6_408));
}

#[test]
fn a_postal_code_shared_by_five_communes_offers_them_all() {
    let all = communes();
    let five = codes(&all.by_postal("49610"));
    assert_eq!(
        five,
        ["49223", "49167", "49308", "49222", "49338"],
        "bigger first"
    );
    assert_eq!(ambiguous("49610"), five);
    assert_eq!(resolved("49610 Mûrs-Erigné"), "49223");
    assert_eq!(resolved("Mûrs-Erigné 49610"), "49223");
    assert_eq!(resolved("49610 murs erigne"), "49223");
    assert_eq!(resolved("49610 MURS ERIGNE"), "49223");
    assert_eq!(all.resolve("49610 Paris"), Resolution::Unknown);
    assert!(all.by_postal("49611").is_empty());
    assert!(all.by_postal("Angers").is_empty());
}

#[test]
fn names_match_without_case_accents_hyphens_or_apostrophes() {
    assert_eq!(resolved("Mûrs-Erigné"), "49223");
    assert_eq!(resolved("murs erigne"), "49223");
    assert_eq!(resolved("  MÛRS—ÉRIGNÉ "), "49223");
    assert_eq!(resolved("L'Haÿ-les-Roses"), "94038");
    assert_eq!(resolved("l’hay les roses"), "94038");
    assert_eq!(resolved("Bors (Canton de Charente-Sud)"), "16053");
    assert_eq!(resolved("St-Malo"), "35288");
    assert_eq!(resolved("Ste-Maxime"), "83115");
}

#[test]
fn homonyms_are_told_apart_by_their_departement() {
    let all = communes();
    let saint_denis = ambiguous("Saint-Denis");
    assert_eq!(
        saint_denis,
        ["97411", "93066", "11339", "30247"],
        "bigger first"
    );
    assert_eq!(resolved("Saint-Denis (93)"), "93066");
    assert_eq!(resolved("Saint-Denis (974)"), "97411");
    assert_eq!(resolved("saint denis 974"), "97411");
    assert_eq!(resolved("St-Denis (93)"), "93066");
    assert_eq!(resolved("93200 Saint-Denis"), "93066");
    assert_eq!(all.by_code("93066").unwrap().label(), "Saint-Denis (93)");
    assert_eq!(all.by_code("97411").unwrap().label(), "Saint-Denis (974)");
    assert_eq!(all.resolve("Saint-Denis (2A)"), Resolution::Unknown);
    assert_eq!(ambiguous("Sainte-Colombe").len(), 12);
}

#[test]
fn every_label_resolves_to_its_commune() {
    for c in communes().all() {
        assert_eq!(resolved(&c.label()), c.code(), "{}", c.label());
        assert_eq!(communes().by_code(c.code()).map(code), Some(c.code()));
    }
}

#[test]
fn corsica_has_its_2a_and_2b_codes() {
    let all = communes();
    let ajaccio = all.by_code("2A004").unwrap();
    assert_eq!(ajaccio.name(), "Ajaccio");
    assert_eq!(ajaccio.label(), "Ajaccio (2A)");
    assert_eq!(ajaccio.departement().name(), "Corse-du-Sud");
    assert_eq!(ajaccio.region().name(), "Corse");
    assert_eq!(all.by_code("2a004").map(code), Some("2A004"));
    assert_eq!(
        all.by_code("20004").map(code),
        Some("2A004"),
        "the code before 1976"
    );
    let bastia = all.by_code("2B033").unwrap();
    assert_eq!(bastia.name(), "Bastia");
    assert_eq!(bastia.departement().name(), "Haute-Corse");
    assert_eq!(resolved("Bastia (2B)"), "2B033");
    assert_eq!(resolved("bastia 2b"), "2B033");
    assert_eq!(resolved("20200 Bastia"), "2B033");
    assert_eq!(all.departement("2b").map(|d| d.code()), Some("2B"));
    assert_eq!(all.by_code("2C033"), None);
}

#[test]
fn overseas_communes_have_their_departement_and_region() {
    let all = communes();
    let abymes = all.by_code("97101").unwrap();
    assert_eq!(abymes.name(), "Les Abymes");
    assert_eq!(abymes.label(), "Les Abymes (971)");
    assert_eq!(abymes.departement().name(), "Guadeloupe");
    assert_eq!(abymes.region().code(), "01");
    assert_eq!(resolved("Les Abymes"), "97101");
    assert_eq!(resolved("97139"), "97101");
    assert_eq!(all.by_code("97411").unwrap().region().name(), "La Réunion");
    let noumea = all.by_code("98818").unwrap();
    assert_eq!(noumea.departement().name(), "Nouvelle-Calédonie");
    assert_eq!(
        ambiguous("97500"),
        ["97502", "97501"],
        "Saint-Pierre, then Miquelon"
    );
    let kerguelen = all.by_code("98412").unwrap();
    assert_eq!(kerguelen.population(), None);
    assert_eq!(kerguelen.postal_codes().count(), 0);
}

#[test]
fn paris_lyon_and_marseille_take_in_their_arrondissements() {
    let all = communes();
    let paris = all.by_code("75056").unwrap();
    assert_eq!(paris.name(), "Paris");
    assert_eq!(paris.postal_codes().count(), 21);
    assert_eq!(all.by_code("75101").map(code), Some("75056"));
    assert_eq!(all.by_code("75120").map(code), Some("75056"));
    assert_eq!(resolved("Paris"), "75056");
    assert_eq!(resolved("Paris 1er Arrondissement"), "75056");
    assert_eq!(resolved("75011"), "75056");
    assert_eq!(resolved("75011 Paris"), "75056");
    // 75011 was also the code of a commune of the Seine merged away before 1968: a postal
    // code it is today wins, and the INSEE lookup still knows the old code.
    assert_ne!(communes().by_code("75011").map(code), Some("75056"));
    assert_eq!(resolved("Paris (75)"), "75056");
    assert_eq!(all.by_code("69381").map(code), Some("69123"));
    assert_eq!(resolved("Lyon 3e Arrondissement"), "69123");
    assert_eq!(resolved("69003 Lyon"), "69123");
    assert_eq!(all.by_code("13201").map(code), Some("13055"));
    assert_eq!(resolved("Marseille 16e Arrondissement"), "13055");
    // 13016 is both La Bouilladisse's INSEE code and a postal code of Marseille.
    assert_eq!(ambiguous("13016"), ["13016", "13055"]);
    assert_eq!(resolved("13016 Marseille"), "13055");
    assert_eq!(searched("paris", 3)[0], "75056");
    assert_eq!(searched("lyon", 3)[0], "69123");
    assert_eq!(searched("marseille", 3)[0], "13055");
    assert!(
        all.all()
            .iter()
            .all(|c| !c.name().contains("Arrondissement")),
        "an arrondissement is never offered as a commune"
    );
}

#[test]
fn a_former_commune_resolves_to_the_commune_it_belongs_to() {
    let all = communes();
    let chemille = all.by_code("49092").unwrap();
    assert_eq!(chemille.name(), "Chemillé-en-Anjou");
    assert_eq!(resolved("Chemillé"), "49092");
    assert_eq!(resolved("Chanzeaux"), "49092");
    assert_eq!(resolved("49120 Chanzeaux"), "49092");
    assert_eq!(
        all.by_code("49071").map(code),
        Some("49092"),
        "Chanzeaux's code"
    );
    assert_eq!(resolved("49071"), "49092", "no postal code is 49071");
    let annecy = all.by_code("74010").unwrap();
    assert_eq!(annecy.name(), "Annecy");
    assert_eq!(resolved("Annecy"), "74010");
    assert_eq!(resolved("Annecy-le-Vieux"), "74010");
    assert_eq!(all.by_code("74011").map(code), Some("74010"));
    let associee = all
        .formers()
        .iter()
        .find(|f| f.name() == "Escaufourt")
        .unwrap();
    assert_eq!(associee.kind(), FormerKind::Associee);
    assert_eq!(
        associee.commune().departement().code(),
        "59",
        "its code says 02"
    );
}

#[test]
fn every_former_commune_resolves_with_its_departement() {
    for f in communes().formers() {
        let text = format!("{} ({})", f.name(), f.commune().departement().code());
        let found = communes().resolve(&text).found().expect(&text);
        // A current commune of that name in that département comes first (Bernwiller is
        // both, and the same commune).
        assert!(
            found == f.commune() || found.name() == f.name(),
            "{text} gives {}",
            found.label()
        );
    }
}

#[test]
fn a_code_stripped_of_its_leading_zero_is_repaired() {
    let all = communes();
    assert_eq!(all.by_code("1004").map(code), Some("01004"));
    assert_eq!(all.by_code("01004").unwrap().name(), "Ambérieu-en-Bugey");
    assert_eq!(resolved("1004"), "01004");
    assert_eq!(
        codes(&all.by_postal("1500")),
        codes(&all.by_postal("01500"))
    );
    assert_eq!(all.by_postal("1500").len(), 8);
    assert_eq!(resolved("1500 Ambérieu-en-Bugey"), "01004");
    assert_eq!(all.by_code("104"), None);
    assert_eq!(all.departement("1").map(|d| d.name()), Some("Ain"));
}

#[test]
fn a_code_both_insee_and_postal_is_ambiguous_insee_first() {
    // 01400 is Seillonnaz's INSEE code and the postal code of ten other communes.
    let both = ambiguous("01400");
    assert_eq!(both[0], "01400");
    assert_eq!(both.len(), 11);
    assert_eq!(communes().by_code("01400").unwrap().name(), "Seillonnaz");
}

#[test]
fn what_names_no_commune_is_unknown() {
    let all = communes();
    for text in [
        "",
        "   ",
        "Atlantide",
        "99999",
        "93",
        "(93)",
        "Paris 75 Lyon",
        "2A",
        "123456",
    ] {
        assert_eq!(all.resolve(text), Resolution::Unknown, "{text:?}");
    }
    assert_eq!(all.by_code(""), None);
    assert_eq!(all.by_code("Paris"), None);
}

#[test]
fn autocomplete_offers_the_whole_name_then_its_beginning_then_its_words() {
    let first = |q| searched(q, 1)[0];
    assert_eq!(first("Mûrs-Eri"), "49223");
    assert_eq!(first("mur erig"), "49223", "the beginning of each word");
    assert_eq!(first("ajac"), "11003", "Ajac (11) is the whole name");
    assert_eq!(first("ajacc"), "2A004");
    assert_eq!(first("abymes"), "97101");
    let murs = searched("murs", 3);
    assert_eq!(
        murs[..2],
        ["84085", "36136"],
        "the two Murs, then Mûrs-Erigné"
    );
    assert_eq!(
        searched("saint-denis", 4),
        ["97411", "93066", "11339", "30247"]
    );
    let saint_denis_9 = searched("Saint-Denis (9", 2);
    assert_eq!(saint_denis_9, ["97411", "93066"]);
    assert_eq!(searched("saint denis 93", 1), ["93066"]);
    assert_eq!(searched("st denis", 2), ["97411", "93066"]);
}

#[test]
fn autocomplete_by_postal_or_insee_code() {
    assert_eq!(searched("49610", 10), codes(&communes().by_postal("49610")));
    // Mûrs-Erigné and Mozé-sur-Louet by their beginning, then a word of two others'
    // names (Saint-Melaine-sur-Aubance; Saint-Jean-des-Mauvrets in Les Garennes sur Loire).
    assert_eq!(
        searched("49610 m", 10),
        ["49223", "49222", "49308", "49167"]
    );
    assert_eq!(searched("2B033", 1), ["2B033"]);
    assert_eq!(searched("1004", 1), ["01004"]);
    assert_eq!(searched("75101", 1), ["75056"], "an arrondissement's code");
    let corsica = communes().search("2a", 400);
    assert_eq!(corsica.len(), 124);
    assert!(corsica.iter().all(|c| c.departement().code() == "2A"));
}

#[test]
fn autocomplete_offers_a_commune_by_its_former_name_once() {
    let found = communes().suggest("Chemillé", 5);
    assert_eq!(found[0].commune.code(), "49092");
    assert_eq!(found[0].former.map(|f| f.name()), Some("Chemillé"));
    let codes: Vec<&str> = found.iter().map(|s| s.commune.code()).collect();
    assert_eq!(codes, ["49092", "37068", "37069"], "each commune once");
    assert!(found[1].former.is_none());
    assert_eq!(searched("annecy le v", 1), ["74010"]);
    let paris = searched("paris", 50);
    assert_eq!(paris.iter().filter(|&&c| c == "75056").count(), 1);
}

#[test]
fn autocomplete_is_bounded_and_biggest_first_when_empty() {
    assert_eq!(searched("", 3), ["75056", "13055", "69123"]);
    assert!(searched("zzzzq", 10).is_empty());
    assert!(searched("saint", 0).is_empty());
    let saint = communes().search("saint", 25);
    assert_eq!(saint.len(), 25);
    let pops: Vec<u32> = saint.iter().map(|c| c.population().unwrap_or(0)).collect();
    assert!(saint.iter().all(|c| c.name().starts_with("Saint")));
    assert!(
        pops.windows(2).all(|w| w[0] >= w[1]),
        "bigger first among prefixes"
    );
}

#[test]
fn regions_list_their_departements() {
    let all = communes();
    let pays_de_la_loire = all.region("52").unwrap();
    let departements: Vec<&str> = pays_de_la_loire.departements().map(|d| d.code()).collect();
    assert_eq!(departements, ["44", "49", "53", "72", "85"]);
    let maine_et_loire = all.departement("49").unwrap();
    assert_eq!(all.of_departement(maine_et_loire).count(), 176);
    let total: usize = all
        .departements()
        .iter()
        .map(|d| all.of_departement(d).count())
        .sum();
    assert_eq!(total, all.len());
}

#[test]
fn a_name_written_with_its_accents_is_the_commune_with_those_accents() {
    let all = cercles::geo::communes();
    assert_eq!(
        all.resolve("Melle").found().map(|c| c.code()),
        Some("79174")
    );
    assert_eq!(
        all.resolve("Mellé").found().map(|c| c.code()),
        Some("35174")
    );
    // Homonyms written alike stay ambiguous.
    assert!(all.resolve("Saint-Denis").candidates().len() >= 2);
}

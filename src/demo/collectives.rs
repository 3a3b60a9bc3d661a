//! The demo's collectives: ~230 invented collectives and lists on real communes, spread over
//! the régions as the network is (strongest in Nouvelle-Aquitaine, Auvergne-Rhône-Alpes and
//! Occitanie), with their statuts toward 2026, most on the map, and a follow-up done for some
//! and due for others. The names are invented; the communes are those of the official code.

use chrono::NaiveDate;

use crate::geo::{Commune, communes};
use crate::model::{CollectiveDraft, CollectiveKind, CollectiveStatus, FollowUp};
use crate::store::import_collectives::NewCollective;
use crate::store::{Result, Store};

/// Collectives per région (INSEE code of the région), adding up to 230.
const BY_REGION: [(&str, usize); 14] = [
    ("75", 40), // Nouvelle-Aquitaine
    ("84", 35), // Auvergne-Rhône-Alpes
    ("76", 30), // Occitanie
    ("53", 20), // Bretagne
    ("52", 20), // Pays de la Loire
    ("11", 20), // Île-de-France
    ("93", 14), // Provence-Alpes-Côte d'Azur
    ("44", 12), // Grand Est
    ("32", 12), // Hauts-de-France
    ("27", 8),  // Bourgogne-Franche-Comté
    ("28", 8),  // Normandie
    ("24", 7),  // Centre-Val de Loire
    ("94", 2),  // Corse
    ("04", 2),  // La Réunion
];

/// Communes the annual report names (INSEE codes), placed first: La Crèche, Poitiers, Plessé,
/// Melle, Douzillac (the seminar), Saillans, Kingersheim, Loos-en-Gohelle.
const NAMED: [&str; 8] = [
    "79048", "86194", "44128", "79174", "24157", "26289", "68166", "62528",
];

/// How names are made: a pattern around the commune's name.
const PATTERNS: [&str; 10] = [
    "{} en commun",
    "Collectif {}",
    "Vivre {}",
    "{} participative",
    "Alternative {}",
    "Ensemble {}",
    "{} demain",
    "Agir à {}",
    "{} à venir",
    "Cap {}",
];

const CONTACTS: [&str; 12] = [
    "Anne Lefort",
    "Bastien Morel",
    "Chloé Garnier",
    "Djamel Haddad",
    "Estelle Rouxel",
    "Fabien Lacoste",
    "Gaëlle Tanguy",
    "Hugo Perrin",
    "Inès Barbier",
    "Jules Marchand",
    "Katia Vidal",
    "Léon Aubert",
];

/// Who leads the phone interviews (the volunteers of the Actions locales circle).
const INTERVIEWERS: [&str; 4] = ["Élise", "Karim", "Sophie", "Thomas"];

const INTERVIEW_NOTES: [&str; 4] = [
    "Liste en construction, cherche des formations sur la gouvernance partagée.",
    "Demande un contact avec une commune participative voisine.",
    "Intéressé·es par le guide La Mairie est à Vous.",
    "Campagne lancée, réunions publiques chaque mois.",
];

/// A fixed pseudo-random sequence, so that every demo is the same.
pub(super) fn mix(n: u64) -> u64 {
    let mut x = n
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(0xD1B5_4A32_D192_ED03);
    x ^= x >> 31;
    x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^ (x >> 29)
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// The statut of the `i`-th collective: most are on their way to 2026.
fn status_of(i: usize) -> CollectiveStatus {
    match mix(i as u64 ^ 0x51) % 20 {
        0..=3 => CollectiveStatus::EnReflexion,
        4..=12 => CollectiveStatus::EnRoute,
        13..=14 => CollectiveStatus::ListeDeposee,
        15 => CollectiveStatus::ElueMajoritaire,
        16 => CollectiveStatus::ElueMinoritaire,
        _ => CollectiveStatus::EnSommeil,
    }
}

fn kind_of(i: usize, status: CollectiveStatus) -> CollectiveKind {
    match status {
        CollectiveStatus::ElueMajoritaire => CollectiveKind::MunicipaliteParticipative,
        CollectiveStatus::ElueMinoritaire => CollectiveKind::ElusMinoritaires,
        _ => match mix(i as u64 ^ 0x4B) % 10 {
            0..=5 => CollectiveKind::ListeCitoyenne,
            6..=8 => CollectiveKind::CollectifHabitants,
            _ => CollectiveKind::Autre,
        },
    }
}

/// The follow-up of the `i`-th collective, by the demo's today (20/11/2025): a questionnaire
/// sent to most in the spring, an interview for a third, so some are due and some are not.
fn follow_up_of(i: usize) -> FollowUp {
    let r = mix(i as u64 ^ 0xF0);
    let mut f = FollowUp::default();
    if !r.is_multiple_of(5) {
        f.questionnaire_on = Some(day(2025, 2 + (r % 4) as u32, 1 + (r % 27) as u32));
    }
    if r.is_multiple_of(3) {
        let on = day(2025, 3 + ((r >> 8) % 8) as u32, 1 + ((r >> 16) % 28) as u32);
        f.interview_on = Some(on);
        f.interview_by = INTERVIEWERS[(r >> 4) as usize % INTERVIEWERS.len()].to_owned();
        f.interview_notes = INTERVIEW_NOTES[(r >> 6) as usize % INTERVIEW_NOTES.len()].to_owned();
        f.last_contact_on = Some(on);
    }
    if r % 7 == 1 {
        f.last_contact_on = Some(day(2025, 10, 1 + ((r >> 12) % 30) as u32));
    }
    f
}

fn slug(name: &str) -> String {
    crate::text::fold_for_match(name)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

fn line_for(i: usize, commune: &Commune, suffix: &str) -> NewCollective {
    let status = status_of(i);
    let pattern = PATTERNS[mix(i as u64 ^ 0x9A) as usize % PATTERNS.len()];
    let name = format!("{}{suffix}", pattern.replace("{}", commune.name()));
    let contact = CONTACTS[i % CONTACTS.len()];
    let with_phone = i % 3 != 2;
    NewCollective {
        line: i as u64 + 1,
        draft: CollectiveDraft {
            email: format!("contact@{}.example.org", slug(commune.name())),
            phone: if with_phone {
                format!(
                    "06 {:02} {:02} {:02} {:02}",
                    i % 100,
                    (i / 7) % 100,
                    (i * 3) % 100,
                    (i * 11) % 100
                )
            } else {
                String::new()
            },
            name,
            kind: kind_of(i, status),
            commune: commune.code().to_owned(),
            status,
            contact: contact.to_owned(),
            on_map: i % 8 != 3,
            website: if i.is_multiple_of(4) {
                format!("{}.example.org", slug(commune.name()))
            } else {
                String::new()
            },
            notes: String::new(),
        },
        status_since: Some(day(
            2025,
            1 + (mix(i as u64) % 10) as u32,
            1 + (i % 28) as u32,
        )),
        follow_up: follow_up_of(i),
    }
}

/// The ~230 communes of the demo's collectives: those the report names, then, in each
/// région, communes of over 1 000 inhabitants picked by the fixed sequence.
pub(super) fn demo_communes() -> Vec<&'static Commune> {
    let all = communes();
    let mut chosen: Vec<&'static Commune> = NAMED.iter().filter_map(|c| all.by_code(c)).collect();
    for (region, count) in BY_REGION {
        let already = chosen
            .iter()
            .filter(|c| c.region().code() == region)
            .count();
        let mut pool: Vec<&'static Commune> = all
            .all()
            .iter()
            .filter(|c| c.region().code() == region && c.population().unwrap_or(0) >= 1000)
            .filter(|c| !chosen.iter().any(|k| k.code() == c.code()))
            .collect();
        pool.sort_by_key(|c| mix(c.code().bytes().fold(0, |h, b| h * 131 + u64::from(b))));
        chosen.extend(pool.into_iter().take(count.saturating_sub(already)));
    }
    chosen
}

/// The demo's collectives, and at `scale` N, N - 1 more rounds of them over all communes.
pub fn fill(store: &mut Store, scale: u32) -> Result<()> {
    let chosen = demo_communes();
    let mut lines: Vec<NewCollective> = chosen
        .iter()
        .enumerate()
        .map(|(i, c)| line_for(i, c, ""))
        .collect();
    if scale > 1 {
        let all = communes().all();
        let base = lines.len();
        for round in 1..scale as usize {
            for k in 0..base {
                let i = round * base + k;
                let commune = &all[mix(i as u64) as usize % all.len()];
                lines.push(line_for(i, commune, &format!(" {round}")));
            }
        }
    }
    store.import_collectives(&lines, super::reference::reference_date(), false)?;
    Ok(())
}

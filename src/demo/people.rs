//! About seventy fictional members (invented names, never the report's), spread over the
//! circles: two co-référent·es per working circle, a few terms ending soon after the demo's
//! today (20/11/2025) and one already ended with no successor; mostly bénévoles, one
//! salarié·e still here and one who left in June, two prestataires, a few élu·es.
//!
//! Everything is derived from the index of a person and a small fixed-seed generator, so two
//! builds give the same network. The cercle général counts exactly 70 people, as the report
//! says ("70 membres actifs dans les cercles en 2025").

use chrono::NaiveDate;

use crate::model::{CircleRole, PersonDraft, PersonKind};
use crate::store::{Result, Store, StoreError};

const FIRST_NAMES: [&str; 73] = [
    "Camille",
    "Nicolas",
    "Élise",
    "Thomas",
    "Anaïs",
    "Julien",
    "Claire",
    "Mathieu",
    "Léa",
    "Antoine",
    "Sophie",
    "Romain",
    "Inès",
    "Guillaume",
    "Manon",
    "Pierre",
    "Lucie",
    "Hugo",
    "Chloé",
    "Benoît",
    "Amandine",
    "Yann",
    "Pauline",
    "Olivier",
    "Nadia",
    "Karim",
    "Solène",
    "Bastien",
    "Émilie",
    "Loïc",
    "Fatou",
    "Gaëlle",
    "Vincent",
    "Aurélie",
    "Rémi",
    "Hélène",
    "Samir",
    "Noémie",
    "Cédric",
    "Agathe",
    "Florian",
    "Mélanie",
    "Arnaud",
    "Jeanne",
    "Sébastien",
    "Louise",
    "Damien",
    "Clémence",
    "Jérôme",
    "Sarah",
    "Fabien",
    "Océane",
    "Xavier",
    "Marion",
    "Gilles",
    "Laetitia",
    "Malik",
    "Justine",
    "Franck",
    "Elsa",
    "Quentin",
    "Bérénice",
    "Lionel",
    "Céline",
    "Tristan",
    "Valérie",
    "Adrien",
    "Coralie",
    "Joël",
    "Ophélie",
    "Sylvain",
    "Nora",
    "Gaspard",
];

const LAST_NAMES: [&str; 73] = [
    "Aubert",
    "Barbier",
    "Berthelot",
    "Blanchard",
    "Bonnet",
    "Boucher",
    "Bouvier",
    "Brunet",
    "Carpentier",
    "Charpentier",
    "Chevalier",
    "Colin",
    "Collet",
    "Cordier",
    "Courtois",
    "Delorme",
    "Deschamps",
    "Dumas",
    "Dupuis",
    "Fabre",
    "Fleury",
    "Fournier",
    "Gaillard",
    "Garnier",
    "Gauthier",
    "Gilbert",
    "Girard",
    "Guérin",
    "Hamon",
    "Hubert",
    "Jacquet",
    "Joly",
    "Lacroix",
    "Lambert",
    "Laurent",
    "Leblanc",
    "Lebrun",
    "Leclerc",
    "Lemaire",
    "Lemoine",
    "Leroux",
    "Lucas",
    "Marchand",
    "Maréchal",
    "Masson",
    "Mercier",
    "Meunier",
    "Millet",
    "Morel",
    "Noël",
    "Olivier",
    "Paris",
    "Perrin",
    "Picard",
    "Poirier",
    "Prévost",
    "Renaud",
    "Rey",
    "Riviere",
    "Roche",
    "Rolland",
    "Roussel",
    "Roy",
    "Schmitt",
    "Tessier",
    "Thibault",
    "Vasseur",
    "Vidal",
    "Weber",
    "Benali",
    "Diallo",
    "Nguyen",
    "Haddad",
];

/// Working circles (by name) with how many people have it as their first circle; the first two
/// of each are its co-référent·es. The sizes add up to 70.
const CIRCLES: [(&str, usize); 8] = [
    ("Rencontres nationales", 16),
    ("Communication", 8),
    ("Échange-entraide", 9),
    ("Plaidoyer", 6),
    ("Actions locales", 11),
    ("Gouvernance", 8),
    ("Finances", 6),
    ("Outils numériques", 6),
];
const ACTIVE: usize = 70;

/// A tiny xorshift generator with a fixed seed: deterministic, no clock.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn date(y: i32, m: u32, d: u32) -> Result<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| StoreError::Other(format!("{y}-{m}-{d}")))
}

/// `Élise` → `elise`: the ASCII local part of a demo address.
fn ascii(s: &str) -> String {
    crate::model::person::letters_only(s)
}

/// The salariée recruited in April 2025 (in Actions locales) and the prestataire recruited in
/// August for Échange-entraide and Actions locales (rapport 2025, coordination timeline).
const SALARIEE: usize = 41;
const PRESTATAIRE: usize = 31;

fn kind_of(index: usize) -> PersonKind {
    match index {
        SALARIEE => PersonKind::Salarie,
        PRESTATAIRE => PersonKind::Prestataire,
        5 | 19 | 29 | 47 | 63 => PersonKind::Elu,
        _ => PersonKind::Benevole,
    }
}

fn circle_id(store: &Store, name: &str) -> Result<i64> {
    Ok(store
        .circle_named(name)?
        .ok_or_else(|| StoreError::NotFound(name.to_string()))?
        .id)
}

pub(super) fn fill(store: &mut Store) -> Result<()> {
    let mut rng = Rng(0x05ee_d202_5ac0_c1e5);
    let mut people = Vec::with_capacity(FIRST_NAMES.len());
    let communes = super::homes::member_communes(FIRST_NAMES.len());
    for (i, first) in FIRST_NAMES.iter().enumerate() {
        let last = LAST_NAMES[(i * 11) % LAST_NAMES.len()];
        let email = if rng.below(3) < 2 {
            format!("{}.{}@example.org", ascii(first), ascii(last))
        } else {
            String::new()
        };
        let phone = if rng.below(2) == 0 {
            let mut digits = format!("0{}", 6 + rng.below(2));
            for _ in 0..8 {
                digits.push(char::from(b'0' + rng.below(10) as u8));
            }
            digits
        } else {
            String::new()
        };
        // Signed once Gouvernance adopted the accord (03/04/2025), before the demo's today.
        let signed = if i % 3 == 0 || i < 20 {
            Some(date(2025, 4 + (i % 6) as u32, 3 + (i % 25) as u32)?)
        } else {
            None
        };
        let p = store.add_person(&PersonDraft {
            last_name: last.to_string(),
            first_name: first.to_string(),
            email,
            phone,
            commune: communes[i].clone(),
            kind: if i >= ACTIVE {
                PersonKind::Benevole
            } else {
                kind_of(i)
            },
            confidentiality_signed_on: signed,
            mission_accepted_on: None,
            notes: String::new(),
        })?;
        people.push(p);
    }
    // First circles: people 0..70 in order, the first two of each circle co-référent·es.
    let mut next = 0;
    let mut co_referents = Vec::new();
    for (name, size) in CIRCLES {
        let cid = circle_id(store, name)?;
        let created_2025 = name == "Outils numériques";
        for k in 0..size {
            let person = &people[next];
            next += 1;
            let index = next - 1;
            // Communication: "2 nouveaux bénévoles et 1 pour les Rencontres" in 2025, the
            // others from before.
            let year = match name {
                "Communication" if k >= 5 => 2025,
                "Communication" => 2023 + (k % 2) as i32,
                _ => 2023 + (k % 3) as i32,
            };
            let month = 1 + ((next * 5) % 12) as u32;
            // No arrival after the demo's today (20/11/2025).
            let month = if year == 2025 { month.min(10) } else { month };
            let since = match index {
                SALARIEE => date(2025, 4, 14)?,
                PRESTATAIRE => date(2025, 8, 25)?,
                _ if created_2025 => date(2025, 1 + (k % 4) as u32, 10)?,
                _ => date(year, month, 1 + (next % 28) as u32)?,
            };
            let role = if k < 2 {
                CircleRole::CoReferent
            } else {
                CircleRole::MembreActif
            };
            let term_end = (k < 2).then(|| date(2026, 6, 30)).transpose()?;
            let m = store.give_role(person.id, cid, role, since, term_end)?;
            if k < 2 {
                co_referents.push((name, k, m.id, person.id));
            }
        }
    }
    // Second circles for every third person: membre actif·ve elsewhere, since 2025. Not in
    // Communication, which the report keeps between 3 and 8 membres actif·ves.
    for i in (0..ACTIVE).step_by(3) {
        let mut pick = (i / 3 + 1) % CIRCLES.len();
        if CIRCLES[pick].0 == "Communication" {
            pick = (pick + 1) % CIRCLES.len();
        }
        let (name, _) = CIRCLES[pick];
        let cid = circle_id(store, name)?;
        let already = store
            .person(people[i].id)?
            .is_some_and(|d| d.memberships.iter().any(|m| m.membership.circle_id == cid));
        if !already {
            let since = date(2025, 1 + (i % 10) as u32, 15)?;
            store.give_role(people[i].id, cid, CircleRole::MembreActif, since, None)?;
        }
    }
    // The prestataire works for Actions locales too.
    let actions_locales = circle_id(store, "Actions locales")?;
    store.give_role(
        people[PRESTATAIRE].id,
        actions_locales,
        CircleRole::MembreActif,
        date(2025, 8, 25)?,
        None,
    )?;
    terms(store, &co_referents)?;
    mission_sheets(store, &co_referents)?;
    departures(store, &people)?;
    Ok(())
}

/// `(scale - 1) × 70` more fictional members, in one import: each membre actif·ve of a working
/// circle, in turn, since September 2024; some with an email, a few with a phone.
pub(super) fn fill_scaled(store: &mut Store, scale: u32) -> Result<()> {
    let extra = (scale.saturating_sub(1) as usize) * ACTIVE;
    if extra == 0 {
        return Ok(());
    }
    let mut circle_ids = Vec::new();
    for (name, _) in CIRCLES {
        circle_ids.push(circle_id(store, name)?);
    }
    let mut members = Vec::with_capacity(extra);
    let communes = super::homes::member_communes(FIRST_NAMES.len() + extra);
    for n in 0..extra {
        let first = FIRST_NAMES[n % FIRST_NAMES.len()];
        let last = LAST_NAMES[(n / FIRST_NAMES.len() + n * 7) % LAST_NAMES.len()];
        let email = if n % 3 == 0 {
            String::new()
        } else {
            format!("{}.{}.{n}@example.org", ascii(first), ascii(last))
        };
        let phone = if n % 4 == 0 {
            format!(
                "07 {:02} {:02} {:02} {:02}",
                n % 100,
                (n / 100) % 100,
                (n * 7) % 100,
                (n * 13) % 100
            )
        } else {
            String::new()
        };
        members.push(crate::store::import_people::NewMember {
            line: n as u64 + 2,
            draft: PersonDraft {
                last_name: format!("{last} {}", n + 1),
                first_name: first.to_string(),
                email,
                phone,
                commune: communes[FIRST_NAMES.len() + n].clone(),
                ..PersonDraft::default()
            },
            roles: vec![(circle_ids[n % circle_ids.len()], CircleRole::MembreActif)],
            left_on: None,
        });
    }
    store.import_members(&members, date(2024, 9, 1)?, false)?;
    Ok(())
}

/// Term ends around the demo's today: two within 30 days, one passed with no successor, and
/// in Outils numériques a handover (the former co-référent·e stays as membre actif·ve).
fn terms(store: &mut Store, co_referents: &[(&str, usize, i64, i64)]) -> Result<()> {
    for (name, k, membership_id, person_id) in co_referents {
        let new_end = match (*name, *k) {
            ("Communication", 0) => Some(date(2025, 12, 6)?),
            ("Finances", 1) => Some(date(2025, 12, 15)?),
            ("Plaidoyer", 0) => Some(date(2025, 10, 31)?),
            ("Actions locales", 1) => None,
            ("Outils numériques", 1) => {
                let cid = circle_id(store, name)?;
                let m = store
                    .membership(*membership_id)?
                    .ok_or_else(|| StoreError::NotFound(name.to_string()))?;
                store.set_term_end(m.id, m.version, Some(date(2025, 9, 30)?))?;
                store.give_role(
                    *person_id,
                    cid,
                    CircleRole::MembreActif,
                    date(2025, 10, 1)?,
                    None,
                )?;
                continue;
            }
            _ => continue,
        };
        let m = store
            .membership(*membership_id)?
            .ok_or_else(|| StoreError::NotFound(name.to_string()))?;
        store.set_term_end(m.id, m.version, new_end)?;
    }
    // The successor in Outils numériques: a membre actif·ve of the circle steps up.
    let cid = circle_id(store, "Outils numériques")?;
    let cutoff = date(2025, 6, 1)?;
    let successor = store
        .circle_members(cid)?
        .into_iter()
        .find(|m| m.role == CircleRole::MembreActif && m.since < cutoff);
    if let Some(s) = successor {
        store.give_role(
            s.person_id,
            cid,
            CircleRole::CoReferent,
            date(2025, 10, 1)?,
            Some(date(2027, 9, 30)?),
        )?;
    }
    Ok(())
}

/// Co-référent·es accepted the fiche-mission written by Gouvernance in spring 2025.
fn mission_sheets(store: &mut Store, co_referents: &[(&str, usize, i64, i64)]) -> Result<()> {
    for (n, (_, _, _, person_id)) in co_referents.iter().enumerate() {
        if n % 4 == 3 {
            continue;
        }
        let Some(detail) = store.person(*person_id)? else {
            continue;
        };
        let mut draft = detail.person.draft();
        draft.mission_accepted_on = Some(date(2025, 5, 1 + (n % 28) as u32)?);
        store.update_person(*person_id, detail.person.version, &draft)?;
    }
    Ok(())
}

/// Three people beyond the seventy, who left in 2025 (history kept): the salarié·e who left in
/// June, a prestataire whose three-month mission ended, a bénévole.
fn departures(store: &mut Store, people: &[crate::model::Person]) -> Result<()> {
    let plan = [
        (
            ACTIVE,
            PersonKind::Salarie,
            "Échange-entraide",
            date(2025, 4, 14)?,
            date(2025, 6, 30)?,
        ),
        (
            ACTIVE + 1,
            PersonKind::Prestataire,
            "Actions locales",
            date(2025, 7, 15)?,
            date(2025, 10, 15)?,
        ),
        (
            ACTIVE + 2,
            PersonKind::Benevole,
            "Communication",
            date(2024, 2, 1)?,
            date(2025, 9, 15)?,
        ),
    ];
    for (index, kind, circle, since, left) in plan {
        let Some(person) = people.get(index) else {
            continue;
        };
        let mut draft = person.draft();
        draft.kind = kind;
        let person = store.update_person(person.id, person.version, &draft)?;
        let cid = circle_id(store, circle)?;
        store.give_role(person.id, cid, CircleRole::MembreActif, since, None)?;
        store.set_person_left(person.id, person.version, Some(left))?;
    }
    Ok(())
}

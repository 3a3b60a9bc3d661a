//! Where the demo's members live: communes of their own beside the collectives', so that the
//! communes the network represents (collectives' and members') are about 300.

/// Where the first members live (INSEE codes, so that no name is in doubt): the towns of the
/// 2025 rencontres, Bayonne, Grenoble, Dijon, Trévoux, Mûrs-Erigné, Audenge.
const RENCONTRE_TOWNS: [&str; 6] = ["64102", "38185", "21231", "01427", "49223", "33019"];

/// Where `count` members live, as `CODE Nom` (a code alone may also be another commune's
/// postal code): the rencontres' towns, then communes of over 2 000 inhabitants picked by a
/// fixed sequence among those with no collective of the demo, each once while they last; so
/// that the members widen the communes the network represents, as volunteers living apart
/// from the collectives do.
pub(super) fn member_communes(count: usize) -> Vec<String> {
    let all = crate::geo::communes();
    let with_collective: std::collections::HashSet<&str> = super::collectives::demo_communes()
        .iter()
        .map(|c| c.code())
        .collect();
    let mut pool: Vec<&'static crate::geo::Commune> = all
        .all()
        .iter()
        .filter(|c| c.population().unwrap_or(0) >= 2000)
        .filter(|c| !with_collective.contains(c.code()) && !RENCONTRE_TOWNS.contains(&c.code()))
        .collect();
    pool.sort_by_key(|c| {
        super::collectives::mix(c.code().bytes().fold(7, |h, b| h * 31 + u64::from(b)))
    });
    let mut chosen: Vec<&'static crate::geo::Commune> = RENCONTRE_TOWNS
        .iter()
        .filter_map(|code| all.by_code(code))
        .collect();
    chosen.extend(pool);
    (0..count)
        .filter_map(|i| chosen.get(i % chosen.len().max(1)))
        .map(|c| format!("{} {}", c.code(), c.name()))
        .collect()
}

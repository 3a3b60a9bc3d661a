//! Names like the communes of France, for the picker's tests and bench until the communes
//! themselves are compiled in.

use super::picker::{PickerEntry, match_key};

/// `n` names like the communes of France (`Saint-Martin-de-Loire`, `Mûrs-Erigné`), with
/// accents, in the picker's order, each with a département as its hint: stand-ins for tests and
/// benches until the communes themselves are compiled in.
#[doc(hidden)]
pub fn synthetic_communes(n: usize) -> Vec<PickerEntry<u32>> {
    const FIRST: [&str; 14] = [
        "Saint",
        "Sainte",
        "Le",
        "La",
        "Villeneuve",
        "Mûrs",
        "Château",
        "Notre-Dame",
        "Bourg",
        "Pont",
        "Mont",
        "Val",
        "Beaulieu",
        "Île",
    ];
    const SECOND: [&str; 16] = [
        "Martin", "Étienne", "Jean", "Denis", "Germain", "Pierre", "Laurent", "Hilaire", "André",
        "Aubin", "Éloi", "Loup", "Genès", "Cyr", "Aignan", "Médard",
    ];
    const LINK: [&str; 4] = ["de", "sur", "en", "lès"];
    const PLACE: [&str; 40] = [
        "Loire",
        "Mer",
        "Rhône",
        "Bugey",
        "Marne",
        "Seine",
        "Ain",
        "Oise",
        "Cher",
        "Vienne",
        "Gâtinais",
        "Forêt",
        "Brenne",
        "Vallée",
        "Côte",
        "Lande",
        "Montagne",
        "Rivière",
        "Plaine",
        "Bois",
        "Étang",
        "Garonne",
        "Dordogne",
        "Lot",
        "Tarn",
        "Aude",
        "Isère",
        "Drôme",
        "Ardèche",
        "Yonne",
        "Sarthe",
        "Mayenne",
        "Orne",
        "Eure",
        "Somme",
        "Aisne",
        "Meuse",
        "Moselle",
        "Doubs",
        "Jura",
    ];
    let mut names: Vec<(String, String)> = (0..n)
        .map(|i| {
            let a = FIRST[i % FIRST.len()];
            let b = SECOND[(i / FIRST.len()) % SECOND.len()];
            let c = LINK[(i / (FIRST.len() * SECOND.len())) % LINK.len()];
            let d = PLACE[(i / (FIRST.len() * SECOND.len() * LINK.len())) % PLACE.len()];
            // The first ones short (`Saint-Martin`), all different.
            let name = if i < FIRST.len() * SECOND.len() {
                format!("{a}-{b}")
            } else {
                format!("{a}-{b}-{c}-{d}")
            };
            (name, format!("({:02})", 1 + i % 95))
        })
        .collect();
    names.truncate(n.saturating_sub(1));
    names.push(("Mûrs-Erigné".into(), "(49)".into()));
    names.sort_by_cached_key(|(name, _)| match_key(name));
    names
        .into_iter()
        .enumerate()
        .map(|(i, (name, hint))| PickerEntry::new(i as u32, name).hint(hint))
        .collect()
}
